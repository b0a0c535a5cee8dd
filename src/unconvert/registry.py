"""Formats: the built-in readers and writers, plus plugins from the entry-point groups
``unconvert.readers`` and ``unconvert.writers``. Imports are lazy: naming a format costs nothing until it is used.

A reader is ``read(data: bytes, *, name: str) -> Document`` (raises ``ReadError``);
a writer is ``write(document: Document, *, context: Context) -> bytes``.

Input formats are told by content, not by file name (``detect``): each reader may name a *sniff*, a function of
the input's first bytes that says whether they are its format (``readers/akn/sniff.py``: an XML root
``akomaNtoso``). The readers' sniffs are asked in order; the first that says yes reads the input. What no sniff
claims is read by the ODS text dump reader when it is text; a zip, an OLE2 compound file (Word 97-2003) or XML
that no reader claims is refused with a ``ReadError`` saying what it is, rather than read as a text dump.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from unconvert.context import Context
from unconvert.errors import FormatError, ReadError
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
    sniff: str = ""  # readers: ``module:function`` of the first bytes, True when they are this format
    suffixes: tuple[str, ...] = ()  # readers: the file names ``unconvert batch`` takes in directories and archives


BUILTIN: tuple[Format, ...] = (
    Format(
        "akn",
        "reader",
        "unconvert.readers.akn:read",
        ".xml",
        "Akoma Ntoso 3.0 XML (AKN4UN), as the UN and unconvert write it",
        sniff="unconvert.readers.akn.sniff:sniff",
        suffixes=(".xml",),
    ),
    Format(
        "docx",
        "reader",
        "unconvert.readers.docx:read",
        ".docx",
        "UN Word document (.docx; .doc via LibreOffice)",
        sniff="unconvert.readers.docx:looks_like_word",
        suffixes=(".docx", ".doc"),
    ),
    Format(
        "ods", "reader", "unconvert.readers.ods:read", ".txt", "ODS text dump of a UN Word document", suffixes=(".txt",)
    ),
    Format("akn", "writer", "unconvert.writers.akn:write", ".xml", "Akoma Ntoso 3.0 XML (AKN4UN), XSD-valid"),
    Format("text", "writer", "unconvert.writers.text:write", ".txt", "plain-text reading copy (UTF-8)"),
    Format("docx", "writer", "unconvert.writers.docx:write", ".docx", "Word document in the UN layout"),
    Format("pdf", "writer", "unconvert.writers.pdf:write", ".pdf", "PDF in the UN layout, fonts embedded"),
)
ALIASES = {"xml": "akn", "txt": "text", "akomantoso": "akn"}
AUTO = "auto"
"""The reader name that asks for detection by content (``unconvert convert -f auto``, the default)."""
_FALLBACK_READER = "ods"
"""The reader of text that no sniff claims."""
_SNIFF_BYTES = 65536
"""How many leading bytes a sniff sees."""


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


def input_suffixes() -> tuple[str, ...]:
    """The file name endings of every reader's inputs (``.txt``, ``.xml`` …), lower case, for directory walks."""
    return tuple(dict.fromkeys(suffix.lower() for f in BUILTIN if f.kind == "reader" for suffix in f.suffixes))


_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<[?!A-Za-z_]")
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.DOTALL)


def detect(data: bytes, *, name: str = "<input>") -> Format:
    """The reader for ``data``, told by its content: the first reader whose sniff claims the first bytes, else
    the text dump reader. ``ReadError`` for a zip, an OLE2 file or XML that no installed reader claims."""
    head = data[:_SNIFF_BYTES]
    for fmt in BUILTIN:  # plugins have no sniff: they are named with -f
        if fmt.sniff and _sniffer(fmt.sniff)(head):
            return fmt
    if head.startswith(_ZIP):
        raise ReadError("a zip archive (a .docx?) that no installed reader takes", name=name, line=None)
    if head.startswith(_OLE2):
        raise ReadError("an OLE2 compound file (a Word 97-2003 .doc?) that no installed reader takes", name=name)
    if _XML_START.match(head):
        root, line = _xml_root(head)
        what = f"whose root element is <{root}>" if root else "with no root element in its first bytes"
        raise ReadError(f"XML {what}, not akomaNtoso: no installed reader takes it", name=name, line=line)
    return get_format(_FALLBACK_READER, "reader")


def _xml_root(head: bytes) -> tuple[str, int | None]:
    """The root element's name in ``head`` and its line, after the XML declaration, comments and DOCTYPE."""

    def blank(match: re.Match[bytes]) -> bytes:  # the same number of lines, no markup
        return b"\n" * match.group().count(b"\n")

    masked = _PROLOG.sub(blank, head)
    found = _ROOT.search(masked)
    if found is None:
        return "", None
    return found.group(1).decode("utf-8", "replace"), masked.count(b"\n", 0, found.start()) + 1


@functools.cache
def _sniffer(target: str) -> Callable[[bytes], bool]:
    module_name, _, attr = target.partition(":")
    try:
        function = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise FormatError(f"sniff {target!r} cannot be loaded: {exc}") from exc
    sniff: Callable[[bytes], bool] = function
    return sniff


def reader_for(data: bytes, format: str | None, *, name: str = "<input>") -> Reader:
    """The reader ``format`` names, or, for ``None`` / ``"auto"``, the one ``detect`` finds for ``data``."""
    if format is None or format.lower() == AUTO:
        return _load(detect(data, name=name))  # type: ignore[return-value]
    return reader(format)


def writer(name: str) -> Writer:
    return _load(get_format(name, "writer"))  # type: ignore[return-value]


__all__ = [
    "ALIASES",
    "AUTO",
    "BUILTIN",
    "Context",
    "Format",
    "Reader",
    "Writer",
    "detect",
    "formats",
    "get_format",
    "input_suffixes",
    "reader",
    "reader_for",
    "writer",
]
