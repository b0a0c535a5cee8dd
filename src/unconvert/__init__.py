"""unconvert: United Nations documents into Akoma Ntoso, DOCX, PDF and plain text.

    >>> import unconvert
    >>> doc = unconvert.read("A_RES_64_183.txt")          # ODS text dump -> Document
    >>> xml = unconvert.write(doc, "akn")                  # XSD-valid AKN4UN bytes
    >>> rendered = unconvert.render(doc, "text")          # bytes + what the writer had to adapt
    >>> pdf = unconvert.convert("A_RES_64_183.txt", "pdf")
    >>> run = unconvert.convert_many(["archive.zip"], to=["akn", "text"], out="out", jobs=2)

The tree is in ``unconvert.tree``; formats in ``unconvert.registry``; errors in ``unconvert.errors``.
"""

from unconvert.api import Rendered, convert, read, render, validate, write
from unconvert.batch import convert_many
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic, Severity
from unconvert.errors import (
    BatchError,
    FormatError,
    InvalidOutputError,
    ReadError,
    StorageError,
    UnconvertError,
    ValidationError,
    WriteError,
)
from unconvert.registry import formats
from unconvert.tree import Document

__version__ = "0.1.0"

__all__ = [
    "BatchError",
    "Context",
    "Diagnostic",
    "Document",
    "FormatError",
    "InvalidOutputError",
    "ReadError",
    "Rendered",
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
