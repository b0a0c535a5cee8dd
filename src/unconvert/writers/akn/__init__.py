"""The Akoma Ntoso writer (AKN4UN): ``write(document, *, context) -> bytes``.

Tree -> markup text (``build``, written front to back as lxml would serialise it) -> parsed once by lxml ->
integrity checks (``checks``) -> the official XSD (``schema``, compiled once) -> bytes. Output that is not
well-formed or fails either check is a bug in unconvert: it raises ``InvalidOutputError`` and is never returned.
The bytes are deterministic: the markup date comes from ``context``, attributes are written in a fixed order, and
nothing else depends on the environment.
"""

from __future__ import annotations

from lxml import etree

from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.errors import InvalidOutputError
from unconvert.tree import Document
from unconvert.writers.akn.build import Builder
from unconvert.writers.akn.checks import integrity_errors
from unconvert.writers.akn.schema import schema_errors

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
# The parser of ``write``'s checks: the same, but it leaves out the text nodes that only hold the newlines between
# the children of an element (libxml2's "blanks"). The integrity rules read attributes only and the XSD ignores
# such white space, so the checks come out the same, on a tree of a third fewer nodes that is quicker to build
# and walk. (A public ``parse`` keeps every text node: a blank between two inline elements is text.)
_CHECK_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True, remove_blank_text=True)


def markup(document: Document, *, context: Context, scan_text: bool = True) -> bytes:
    """The bytes of the AKN of ``document``, unchecked, with the XML declaration the project always writes
    (``scan_text`` as for ``Builder``)."""
    text = Builder(document, context, scan_text=scan_text).build()
    try:
        return DECLARATION + text.encode("utf-8") + b"\n"
    except UnicodeEncodeError as exc:  # a lone surrogate the builder failed to leave out
        raise InvalidOutputError(f"cannot build AKN: {exc}") from exc


def parse(data: bytes, *, parser: etree.XMLParser = _PARSER) -> etree._Element:
    """The element tree of AKN bytes the writer made; ``InvalidOutputError`` if they are not well-formed."""
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InvalidOutputError("generated AKN is not well-formed XML", [(exc.lineno or 0, exc.msg)]) from exc


def build(document: Document, *, context: Context) -> etree._Element:
    """The AKN element tree of ``document``, unchecked."""
    return parse(markup(document, context=context))


def check(root: etree._Element, data: bytes) -> None:
    """Raise ``InvalidOutputError`` if ``root`` (parsed from ``data``) breaks an integrity rule or the XSD."""
    problems = integrity_errors(root)
    if problems:
        raise InvalidOutputError("generated AKN breaks an integrity rule", problems)
    errors = schema_errors(root)
    if errors:
        raise InvalidOutputError("generated AKN is not valid against the official XSD", errors)


def write(document: Document, *, context: Context) -> bytes:
    """``document`` as XSD-valid AKN4UN bytes; ``InvalidOutputError`` instead of invalid output.

    Characters XML 1.0 cannot hold are rare in a document's text, and the parser that reads the markup back for the
    checks rejects every one of them (and the UTF-8 encoder a lone surrogate). So the markup is first written
    without scanning the text runs for them, its diagnostics held back; only when it does not encode or parse is it
    written again, scanning every run, so that those characters are left out and reported. Either way the bytes
    are the same: a text with none of them is written as it is.
    """
    held: list[Diagnostic] = []
    try:
        data = markup(document, context=context.with_sink(held.append), scan_text=False)
        root = parse(data, parser=_CHECK_PARSER)
    except InvalidOutputError:
        data = markup(document, context=context)
        root = parse(data, parser=_CHECK_PARSER)
    else:
        for diagnostic in held:
            context.report(diagnostic)
    check(root, data)
    return data


__all__ = ["build", "check", "markup", "parse", "write"]
