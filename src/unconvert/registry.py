"""Formats: the built-in readers and writers, plus plugins from the entry-point groups
``unconvert.readers`` and ``unconvert.writers``. Imports are lazy: naming a format costs nothing until it is used.

A reader is ``read(data: bytes, *, name: str) -> Document`` (raises ``ReadError``);
a writer is ``write(document: Document, *, context: Context) -> bytes``.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from unconvert.context import Context
from unconvert.errors import FormatError
from unconvert.tree import Document

Reader = Callable[..., Document]
Writer = Callable[..., bytes]


@dataclass(frozen=True, slots=True)
class Format:
    """A format: ``name`` as used on the command line, ``target`` ``module:function``, output ``extension``."""

    name: str
    kind: str  # "reader" | "writer"
    target: str
    extension: str
    description: str


BUILTIN: tuple[Format, ...] = (
    Format("ods", "reader", "unconvert.readers.ods:read", ".txt", "ODS text dump of a UN Word document"),
    Format("docx", "reader", "unconvert.readers.docx:read", ".docx", "UN Word document (.docx; .doc via LibreOffice)"),
    Format("akn", "writer", "unconvert.writers.akn:write", ".xml", "Akoma Ntoso 3.0 XML (AKN4UN), XSD-valid"),
    Format("text", "writer", "unconvert.writers.text:write", ".txt", "plain-text reading copy (UTF-8)"),
    Format("docx", "writer", "unconvert.writers.docx:write", ".docx", "Word document in the UN layout"),
    Format("pdf", "writer", "unconvert.writers.pdf:write", ".pdf", "PDF in the UN layout, fonts embedded"),
)
ALIASES = {"xml": "akn", "txt": "text", "akomantoso": "akn"}


@functools.cache
def _plugins() -> tuple[Format, ...]:
    """Formats from installed entry points, scanned once per process (the scan reads every distribution).

    ``importlib.metadata`` is imported here, not at the top: a conversion between built-in formats never needs it
    (``get_format`` finds those first), and it costs a good part of the start-up of a one-document conversion."""
    from importlib.metadata import entry_points

    known = {(f.kind, f.name) for f in BUILTIN}
    found = []
    for group, fkind in (("unconvert.readers", "reader"), ("unconvert.writers", "writer")):
        for ep in entry_points(group=group):
            if (fkind, ep.name) not in known:
                found.append(Format(ep.name, fkind, ep.value, "", f"plugin from {ep.dist.name if ep.dist else '?'}"))
    return tuple(found)


def formats(kind: str | None = None) -> list[Format]:
    """Every known format (built-in first, then plugins), optionally only readers or writers."""
    return [f for f in (*BUILTIN, *_plugins()) if kind is None or f.kind == kind]


def get_format(name: str, kind: str) -> Format:
    """The format called ``name`` (aliases allowed) of ``kind``; ``FormatError`` if there is none.

    Built-in names are found without scanning entry points, so the hot path of a conversion costs nothing here.
    """
    wanted = ALIASES.get(name.lower(), name.lower())
    for fmt in BUILTIN:
        if fmt.kind == kind and fmt.name == wanted:
            return fmt
    for fmt in _plugins():
        if fmt.kind == kind and fmt.name == wanted:
            return fmt
    names = ", ".join(f.name for f in formats(kind))
    raise FormatError(f"unknown {kind} format {name!r} (known: {names})")


@functools.cache
def _load(fmt: Format) -> Callable[..., object]:
    module_name, _, attr = fmt.target.partition(":")
    try:
        module = importlib.import_module(module_name)
        function = getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise FormatError(f"format {fmt.name!r} cannot be loaded ({fmt.target}): {exc}") from exc
    if not callable(function):
        raise FormatError(f"format {fmt.name!r}: {fmt.target} is not callable")
    loaded: Callable[..., object] = function
    return loaded


def reader(name: str) -> Reader:
    return _load(get_format(name, "reader"))  # type: ignore[return-value]


def writer(name: str) -> Writer:
    return _load(get_format(name, "writer"))  # type: ignore[return-value]


__all__ = [
    "ALIASES",
    "BUILTIN",
    "Context",
    "Format",
    "Reader",
    "Writer",
    "formats",
    "get_format",
    "reader",
    "writer",
]
