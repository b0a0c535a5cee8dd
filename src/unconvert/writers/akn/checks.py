"""Integrity rules the XSD does not check (``docs/AKN4UN.md``):

- every ``#id`` used by ``href``, ``refersTo``, ``as``, ``by``, ``source`` or ``outcome`` is the eId of a TLC
  entry in a ``references`` block, except that a ``noteRef`` points at an ``authorialNote`` of the document;
- the FRBR IRIs of every ``identification`` agree with each other and with ``FRBRdate``, ``FRBRnumber`` and
  ``FRBRlanguage``.
"""

from __future__ import annotations

from typing import cast

from lxml import etree

from unconvert.writers.akn.build import AKN_NS
from unconvert.writers.akn.frbr import Frbr
from unconvert.writers.akn.markup import REF_ATTRS

# Every attribute value that starts with ``#``, searched by one XPath, in C, through the attributes of every element
# (``/descendant::*`` rather than ``//``, which steps through every text node too). ``used_refs`` keeps those of a
# ``REF_ATTRS`` attribute: on the few values left, testing the names in Python costs less than in the XPath.
_HASH_VALUES = etree.XPath("/descendant::*/@*[starts-with(., '#')]")
_REFERENCES = f"{{{AKN_NS}}}references"
_IDENTIFICATION = f"{{{AKN_NS}}}identification"
_NOTE = f"{{{AKN_NS}}}authorialNote"
_NOTE_REF = f"{{{AKN_NS}}}noteRef"


def _line(el: etree._Element) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else 0


def _fields(ident: etree._Element) -> dict[str, etree._Element]:
    """The FRBR elements of an ``identification`` by ``"FRBRWork/FRBRthis"`` path, the first of each (one walk
    over its children instead of a ``find`` per field)."""
    fields: dict[str, etree._Element] = {}
    for level in ident:
        name = str(level.tag).rpartition("}")[2]
        for field in level:
            if isinstance(field.tag, str):
                fields.setdefault(f"{name}/{field.tag.rpartition('}')[2]}", field)
    return fields


def _value(fields: dict[str, etree._Element], path: str, attr: str) -> str:
    found = fields.get(path)
    return "" if found is None else found.get(attr, "")


def _is_note_ref(el: etree._Element | None) -> bool:
    return el is not None and el.tag == _NOTE_REF


def used_refs(root: etree._Element) -> set[str]:
    """Every ``#id`` that an ``href``, ``refersTo``, ``as``, ``by``, ``source`` or ``outcome`` in the document of
    ``root`` names (``refersTo`` may list several), except a ``noteRef``'s href, which names a note of the
    document."""
    used: set[str] = set()
    for value in cast("list[etree._ElementUnicodeResult]", _HASH_VALUES(root)):
        name = value.attrname
        if name not in REF_ATTRS or (name == "href" and _is_note_ref(value.getparent())):
            continue
        tokens = value.split()
        if len(tokens) == 1:  # one ``#id`` (the value starts with it), as nearly always: no generator for it
            used.add(tokens[0][1:])
        else:
            used.update(token[1:] for token in tokens if token[:1] == "#")
    return used


def integrity_errors(root: etree._Element) -> list[tuple[int, str]]:
    """Every broken rule as ``(line, message)`` (line 0: the tree was built in memory)."""
    # one walk over the elements the rules are about (lxml matches the names in C)
    declared: set[str] = set()
    note_ids: set[str] = set()
    note_refs: list[str] = []
    idents: list[etree._Element] = []
    for el in root.iter(_REFERENCES, _NOTE, _NOTE_REF, _IDENTIFICATION):
        if el.tag == _REFERENCES:
            for entry in el:
                if isinstance(entry.tag, str) and (eid := entry.get("eId")) is not None:
                    declared.add(eid)
        elif el.tag == _IDENTIFICATION:
            idents.append(el)
        elif el.tag == _NOTE:
            if (eid := el.get("eId")) is not None:
                note_ids.add(eid)
        elif (href := el.get("href")) is not None:
            note_refs.append(href)
    errors: list[tuple[int, str]] = []
    for ref in sorted(used_refs(root) - declared):
        errors.append((0, f"#{ref} is used but has no TLC entry in references"))
    for href in note_refs:
        if href[1:] not in note_ids:
            errors.append((0, f"noteRef {href} names no authorialNote of the document"))
    for ident in idents:
        errors.extend(_frbr_errors(ident))
    return errors


def _frbr_errors(ident: etree._Element) -> list[tuple[int, str]]:
    errors: list[tuple[int, str]] = []
    fields = _fields(ident)
    work_this = _value(fields, "FRBRWork/FRBRthis", "value")
    try:
        frbr = Frbr.parse(work_this)
    except ValueError as exc:
        return [(_line(ident), str(exc))]
    language = _value(fields, "FRBRExpression/FRBRlanguage", "language")
    frbr = Frbr(frbr.actor, frbr.date, frbr.number, language, frbr.component, frbr.subtype)
    expected = {
        "FRBRWork/FRBRthis": frbr.work_this,
        "FRBRWork/FRBRuri": frbr.work_uri,
        "FRBRExpression/FRBRthis": frbr.expression_this,
        "FRBRExpression/FRBRuri": frbr.expression_uri,
        "FRBRManifestation/FRBRthis": frbr.manifestation_this,
        "FRBRManifestation/FRBRuri": frbr.manifestation_uri,
    }
    for path, iri in expected.items():
        actual = _value(fields, path, "value")
        if actual != iri:
            errors.append((_line(ident), f"{path} is {actual!r}, expected {iri!r}"))
    work_date = _value(fields, "FRBRWork/FRBRdate", "date")
    if work_date != frbr.date.isoformat():
        errors.append((_line(ident), f"FRBRWork/FRBRdate {work_date!r} disagrees with the work IRI"))
    number = fields.get("FRBRWork/FRBRnumber")
    if number is not None and number.get("value") != frbr.number:
        errors.append((_line(ident), f"FRBRnumber {number.get('value')!r} disagrees with the work IRI"))
    if not language:
        errors.append((_line(ident), "FRBRExpression has no FRBRlanguage"))
    return errors
