"""unconvert: United Nations documents into Akoma Ntoso, DOCX, PDF and plain text.

    >>> import unconvert
    >>> doc = unconvert.read("A_RES_64_183.txt")          # ODS text dump -> Document
    >>> xml = unconvert.write(doc, "akn")                  # XSD-valid AKN4UN bytes
    >>> rendered = unconvert.render(doc, "text")          # bytes + what the writer had to adapt
    >>> pdf = unconvert.convert("A_RES_64_183.txt", "pdf")
    >>> run = unconvert.convert_many(["archive.zip"], to=["akn", "text"], out="out", jobs=2)

The tree is in ``unconvert.tree``; formats in ``unconvert.registry``; errors in ``unconvert.errors``.

The names below are imported when first used (PEP 562), not when the package is: ``import unconvert.tree`` runs
this file first, and must not pay for the readers, the batch machinery or the registry it does not use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unconvert.lazy import lazy_exports

if TYPE_CHECKING:
    from unconvert.api import Rendered, convert, read, render, validate, write
    from unconvert.batch import convert_many
    from unconvert.context import Context
    from unconvert.diagnostics import Diagnostic, Severity
    from unconvert.errors import (
        BatchError,
        FormatError,
        InvalidOutputError,
        ReadError,
        ResourceError,
        StorageError,
        UnconvertError,
        ValidationError,
        WriteError,
    )
    from unconvert.registry import formats
    from unconvert.tree import Document

__version__ = "0.1.0"

# Each public name and the module it comes from.
_LAZY = {
    "Rendered": "unconvert.api",
    "convert": "unconvert.api",
    "read": "unconvert.api",
    "render": "unconvert.api",
    "validate": "unconvert.api",
    "write": "unconvert.api",
    "convert_many": "unconvert.batch",
    "Context": "unconvert.context",
    "Diagnostic": "unconvert.diagnostics",
    "Severity": "unconvert.diagnostics",
    "BatchError": "unconvert.errors",
    "FormatError": "unconvert.errors",
    "InvalidOutputError": "unconvert.errors",
    "ReadError": "unconvert.errors",
    "ResourceError": "unconvert.errors",
    "StorageError": "unconvert.errors",
    "UnconvertError": "unconvert.errors",
    "ValidationError": "unconvert.errors",
    "WriteError": "unconvert.errors",
    "formats": "unconvert.registry",
    "Document": "unconvert.tree",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

__all__ = [
    "BatchError",
    "Context",
    "Diagnostic",
    "Document",
    "FormatError",
    "InvalidOutputError",
    "ReadError",
    "Rendered",
    "ResourceError",
    "Severity",
    "StorageError",
    "UnconvertError",
    "ValidationError",
    "WriteError",
    "__version__",
    "convert",
    "convert_many",
    "formats",
    "read",
    "render",
    "validate",
    "write",
]
