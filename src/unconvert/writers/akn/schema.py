"""The official Akoma Ntoso 3.0 XSD, compiled once per process.

The schema ships inside the package (``unconvert/schemas`` in a wheel) and at the repository root (``schemas/``)
in a source checkout. Compiling it takes a noticeable fraction of a second, validating a document well under a
millisecond, so the compiled ``XMLSchema`` is built lazily on first use and shared. Validation runs under a
lock: the error log of an lxml validator belongs to the validator, so two threads must not interleave on it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import cast

from lxml import etree

from unconvert.errors import ValidationError

SCHEMA_FILE = "akomantoso30.xsd"
_LOCK = threading.Lock()
_SCHEMA: etree.XMLSchema | None = None


def schema_dir() -> Path:
    """The directory holding ``akomantoso30.xsd`` and ``xml.xsd``: the installed copy first, then the repo's."""
    import unconvert

    package = Path(unconvert.__file__).resolve().parent
    for candidate in (package / "schemas", package.parent.parent / "schemas"):
        if (candidate / SCHEMA_FILE).is_file():
            return candidate
    raise FileNotFoundError(f"{SCHEMA_FILE} not found beside the package or in the source tree")


def schema() -> etree.XMLSchema:
    """The compiled official XSD (compiled on the first call, then shared by every thread)."""
    global _SCHEMA
    if _SCHEMA is None:
        with _LOCK:
            if _SCHEMA is None:
                _SCHEMA = etree.XMLSchema(etree.parse(str(schema_dir() / SCHEMA_FILE)))
    return _SCHEMA


def schema_errors(tree: etree._Element | etree._ElementTree) -> list[tuple[int, str]]:
    """Every XSD error of ``tree`` as ``(line, message)``; empty when it is valid.

    Line numbers are those of the parsed source; for a tree built in memory they are 0 (re-parse the serialised
    bytes to get real lines).
    """
    compiled = schema()
    with _LOCK:
        if compiled.validate(tree):
            return []
        return [(error.line, error.message) for error in cast(Iterable[etree._LogEntry], compiled.error_log)]


def validate_bytes(data: bytes, *, name: str) -> None:
    """Validate serialised AKN; raise ``ValidationError(name, [(line, message), ...])`` if it is malformed or
    does not follow the XSD. Nothing but ``ValidationError`` escapes (lxml's own errors are turned into it).

    The input is hostile until proven otherwise: entities are never expanded and nothing is fetched (no DTD, no
    network), so XXE and billion laughs read nothing; an entity reference left in the tree — even to a harmless
    internal entity such as ``<!ENTITY un "United Nations">`` — is an error at its line, since the document
    cannot be checked without expanding it.
    """
    parser = etree.XMLParser(
        huge_tree=True, resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False
    )
    try:
        tree = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        # the exception's own position: its error_log may also hold earlier entries of this thread
        raise ValidationError(name, [(exc.lineno or 0, exc.msg)]) from None
    except (etree.Error, ValueError) as exc:  # e.g. a parser error without position
        raise ValidationError(name, [(0, f"cannot parse: {exc}")]) from None
    entities: list[tuple[int, str]] = [
        (_line(entity), f"entity reference {entity.text} is not expanded (entities are refused)")
        for entity in tree.iter(etree.Entity)
    ]
    if entities:
        raise ValidationError(name, entities)
    try:
        errors = schema_errors(tree)
    except etree.Error as exc:  # lxml's "internal error in XML Schema validation" and the like
        raise ValidationError(name, [(_line(tree), f"cannot validate: {exc}")]) from None
    if errors:
        raise ValidationError(name, errors)


def _line(node: etree._Element) -> int:
    line = node.sourceline
    return line if isinstance(line, int) else 0
