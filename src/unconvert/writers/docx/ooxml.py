"""WordprocessingML building blocks: namespaces, element helpers, text runs, relationships.

The writer builds every part with lxml directly (python-docx has no API for footnotes, bidi or fields, and its
object layer is slow); python-docx is what the tests use to reopen the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from copy import copy
from xml.sax.saxutils import quoteattr

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
NSMAP = {"w": W_NS, "r": R_NS}

HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"(\t|\r\n|\n|\r|\v)")
_SPECIAL = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff]")


_CLARK: dict[str, str] = {}


def w(tag: str) -> str:
    """The Clark name of ``w:<tag>`` (memoised: the writer asks for the same few hundred names all the time)."""
    name = _CLARK.get(tag)
    if name is None:
        name = _CLARK[tag] = f"{{{W_NS}}}{tag}"
    return name


def r(tag: str) -> str:
    """The Clark name of ``r:<tag>``."""
    return f"{{{R_NS}}}{tag}"


VAL = w("val")
_T = w("t")


def root(tag: str) -> etree._Element:
    """A part's root element ``w:<tag>`` declaring the w and r namespaces."""
    return etree.Element(w(tag), nsmap=NSMAP)


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append ``w:<tag>`` with ``w:``-qualified attributes (``sub(p, "jc", val="center")``)."""
    if not attrs:
        return etree.SubElement(parent, w(tag))
    if len(attrs) == 1:  # most properties have one attribute (``w:val``): no comprehension for them
        [(key, value)] = attrs.items()
        return etree.SubElement(parent, w(tag), {w(key): value})
    return etree.SubElement(parent, w(tag), {w(k): v for k, v in attrs.items()})


_TEMPLATES: dict[Hashable, etree._Element] = {}


def append_copy(
    parent: etree._Element, key: Hashable, build: Callable[[etree._Element], etree._Element]
) -> etree._Element:
    """Append to ``parent`` a copy of the element that ``build`` appends to the part root it is given, built once
    per ``key`` (the arguments it is built from): lxml copies a finished subtree in one call, where building it
    takes a Python call per element and attribute. Return the copy."""
    template = _TEMPLATES.get(key)
    if template is None:
        template = _TEMPLATES[key] = build(root("document"))
    element = copy(template)  # lxml's copy of an element is a deep one
    parent.append(element)
    return element


def flag(parent: etree._Element, tag: str) -> etree._Element:
    """Append an attribute-less toggle such as ``w:b`` or ``w:bidi``."""
    return etree.SubElement(parent, w(tag))


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _ILLEGAL.sub("", text)


def has_special(text: str) -> bool:
    """Whether ``text`` holds a character a ``w:t`` cannot carry as it is (a tab, a line end, a character XML
    forbids)."""
    return _SPECIAL.search(text) is not None


def add_text(run: etree._Element, text: str) -> str:
    """Append ``text`` to ``run``: tabs become ``w:tab``, line ends ``w:br``, the rest ``w:t``. Return the
    characters XML cannot hold that were left out (nearly always none)."""
    if not text:
        return ""
    if text.isprintable() or not has_special(text):  # the common case: one plain w:t
        set_text(etree.SubElement(run, _T), text)
        return ""
    dropped = "".join(_ILLEGAL.findall(text))
    for piece in _BREAKS.split(clean(text)):
        if not piece:
            continue
        if piece == "\t":
            etree.SubElement(run, w("tab"))
        elif piece in ("\n", "\r\n", "\r", "\v"):
            etree.SubElement(run, w("br"))
        else:
            t = etree.SubElement(run, w("t"))
            t.text = piece
            if piece[0] == " " or piece[-1] == " ":
                t.set(_XML_SPACE, "preserve")
    return dropped


def set_text(t: etree._Element, text: str) -> None:
    """Give the ``w:t`` ``t`` a text that XML holds as it is (``has_special`` finds nothing in it), keeping its spaces
    at either end (``xml:space``): the text of a run copied from a template."""
    t.text = text
    if text[:1] == " " or text[-1:] == " ":
        t.set(_XML_SPACE, "preserve")


def serialize(element: etree._Element) -> bytes:
    """A part's bytes: UTF-8 with the standalone declaration Word writes."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


class Relationships:
    """The relationships of one part (hyperlinks, headers, notes), numbered ``rId1``, ``rId2`` … in order."""

    def __init__(self) -> None:
        self._items: list[tuple[str, str, str, bool]] = []
        self._external: dict[str, str] = {}

    def add(self, rel_type: str, target: str, *, external: bool = False) -> str:
        """Register a relationship and return its id; the same external target gets the same id."""
        if external and target in self._external:
            return self._external[target]
        rid = f"rId{len(self._items) + 1}"
        self._items.append((rid, rel_type, target, external))
        if external:
            self._external[target] = rid
        return rid

    def __bool__(self) -> bool:
        return bool(self._items)

    def to_xml(self) -> bytes:
        """The part's ``.rels`` bytes."""
        items = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', f'<Relationships xmlns="{PKG_REL_NS}">']
        for rid, rel_type, target, external in self._items:
            mode = ' TargetMode="External"' if external else ""
            items.append(f'<Relationship Id="{rid}" Type="{rel_type}" Target={quoteattr(target)}{mode}/>')
        items.append("</Relationships>")
        return "".join(items).encode()
