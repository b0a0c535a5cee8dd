"""The Akoma Ntoso writer (AKN4UN): ``write(document, *, context) -> bytes``.

Tree -> lxml (``build``) -> integrity checks (``checks``) -> the official XSD (``schema``, compiled once) ->
bytes. Output that fails either check is a bug in unconvert: it raises ``InvalidOutputError`` and is never
returned. The bytes are deterministic: the markup date comes from ``context``, attributes are written in a
fixed order, and nothing else depends on the environment.
"""

from __future__ import annotations

from lxml import etree

from unconvert.context import Context
from unconvert.errors import InvalidOutputError
from unconvert.tree import Document
from unconvert.writers.akn.build import Builder
from unconvert.writers.akn.checks import integrity_errors
from unconvert.writers.akn.schema import schema_errors

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def build(document: Document, *, context: Context) -> etree._Element:
    """The AKN element tree of ``document``, unchecked."""
    return Builder(document, context).build()


def serialize(root: etree._Element) -> bytes:
    """The bytes of an AKN tree, with the XML declaration the project always writes."""
    return DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False) + b"\n"


def check(root: etree._Element, data: bytes) -> None:
    """Raise ``InvalidOutputError`` if ``root`` breaks an integrity rule or the XSD (errors with lines of
    ``data``)."""
    problems = integrity_errors(root)
    if problems:
        raise InvalidOutputError("generated AKN breaks an integrity rule", problems)
    if schema_errors(root):
        reparsed = etree.fromstring(data, etree.XMLParser(huge_tree=True))
        raise InvalidOutputError("generated AKN is not valid against the official XSD", schema_errors(reparsed))


def write(document: Document, *, context: Context) -> bytes:
    """``document`` as XSD-valid AKN4UN bytes; ``InvalidOutputError`` instead of invalid output."""
    try:
        root = build(document, context=context)
    except ValueError as exc:  # lxml refuses text or names it cannot serialise
        raise InvalidOutputError(f"cannot build AKN: {exc}") from exc
    data = serialize(root)
    check(root, data)
    return data


__all__ = ["build", "check", "serialize", "write"]
