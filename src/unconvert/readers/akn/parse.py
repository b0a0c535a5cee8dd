"""Parse AKN bytes safely, and the names the rest of the reader uses.

The input is hostile until proven otherwise, as in ``unconvert validate``: no entity is expanded, no DTD loaded,
nothing fetched (XXE and billion laughs read nothing), and an entity reference left in the tree is refused at its
line. Malformed XML, a root that is not ``akomaNtoso`` or a namespace that is not AKN 3.0's is a ``ReadError``
naming the file and the line.
"""

from __future__ import annotations

from lxml import etree

from unconvert.errors import ReadError

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
_PREFIX = f"{{{AKN_NS}}}"
_PREFIX_LEN = len(_PREFIX)


def parser() -> etree.XMLParser:
    """A parser that expands nothing and fetches nothing; comments and processing instructions are dropped."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse(data: bytes, *, name: str) -> etree._Element:
    """The ``akomaNtoso`` root of ``data``; ``ReadError`` (with the line) for anything else."""
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"not well-formed XML: {exc.msg}", name=name, line=exc.lineno or None) from None
    except (etree.Error, ValueError) as exc:
        raise ReadError(f"cannot parse XML: {exc}", name=name) from None
    for entity in root.iter(etree.Entity):
        raise ReadError(
            f"entity reference {entity.text} is not expanded (entities are refused)", name=name, line=line_of(entity)
        )
    qname = etree.QName(root)
    if qname.localname != "akomaNtoso":
        raise ReadError(f"XML whose root element is <{qname.localname}>, not akomaNtoso", name=name, line=line_of(root))
    if qname.namespace != AKN_NS:
        where = f"namespace {qname.namespace}" if qname.namespace else "no namespace"
        raise ReadError(f"akomaNtoso in {where}, not Akoma Ntoso 3.0 ({AKN_NS})", name=name, line=line_of(root))
    return root


def local(el: etree._Element) -> str:
    """The local name of an AKN element; ``""`` for a comment, an entity or an element of another namespace."""
    tag = el.tag
    if isinstance(tag, str) and tag.startswith(_PREFIX):
        return tag[_PREFIX_LEN:]
    return ""


def q(name: str) -> str:
    """The Clark name of an AKN element."""
    return _PREFIX + name


def line_of(el: etree._Element) -> int | None:
    line = el.sourceline
    return line if isinstance(line, int) and line > 0 else None
