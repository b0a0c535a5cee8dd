"""Document tree -> lxml element tree in the AKN4UN shape (``docs/AKN4UN.md``).

One ``Builder`` per document: it allocates eIds (unique across the whole output), renders inlines and blocks,
and finally writes the ``meta`` block, whose ``references`` list a TLC entry for every ``#id`` the rest of the
document uses. Nothing here validates: ``unconvert.writers.akn.write`` checks the result.

What the builder has to adapt to stay valid AKN it reports to the context as ``akn-…`` diagnostics, with the
source line of the node concerned: a ``noteRef`` naming no note (dropped), characters XML cannot hold (dropped),
numbered provisions in a preamble (flattened into its container), a number taken twice (its eId takes ``-2``), an
empty table (an empty cell added), a work with no date of its own (dated by the markup date).

Dates: the work is dated by the adoption date, or the issue date when the source gives none (the reader reports
that as a diagnostic); only a tree with neither falls back to the markup date from the context, so that the FRBR
IRIs stay well-formed. ``0001-01-01`` is never written.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import assert_never

from lxml import etree

from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.tree import (
    Annex,
    Block,
    Conclusions,
    CoverLine,
    CoverRole,
    DateRef,
    Document,
    Emphasis,
    Footnote,
    Inline,
    Language,
    LineBreak,
    MeetingRef,
    Meta,
    NoteRef,
    OperativeParagraph,
    Para,
    ParaRole,
    Part,
    Point,
    Preamble,
    PreambularParagraph,
    RawBlock,
    RawInline,
    Section,
    Strong,
    SymbolRef,
    Table,
    Text,
    canonical,
    plain_text,
)
from unconvert.un.organs import FACTS, printed_name
from unconvert.un.symbols import undocs_url
from unconvert.writers.akn.eids import EidAllocator, eid_num
from unconvert.writers.akn.frbr import Frbr, frbr_number

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
NSMAP: dict[str | None, str] = {None: AKN_NS, "akn4un": AKN4UN_NS}
SOURCE = "#unconvert"

# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Every TLC entry the writer may need: eId -> (element, href, showAs).
TLC: dict[str, tuple[str, str, str]] = {
    "unconvert": ("TLCOrganization", "/akn/ontology/organization/unconvert", "unconvert"),
    **{
        facts.tlc_id: (
            "TLCOrganization",
            f"/akn/ontology/organization/un/{facts.ontology}",
            printed_name(organ, Language.EN),
        )
        for organ, facts in FACTS.items()
    },
    "author": ("TLCRole", "/akn/ontology/role/un/author", "Author"),
    "editor": ("TLCRole", "/akn/ontology/role/un/editor", "Editor"),
    "issuingBody": ("TLCRole", "/akn/ontology/role/un/issuingBody", "Issuing body"),
    "adopted": ("TLCConcept", "/akn/ontology/concept/un/adopted", "Adopted"),
    "adoptedWithoutVote": ("TLCConcept", "/akn/ontology/concept/un/adoptedWithoutVote", "Adopted without a vote"),
    "symbol": ("TLCConcept", "/akn/ontology/concept/un/symbol", "Symbol"),
    "dateOfIssuance": ("TLCConcept", "/akn/ontology/concept/un/dateOfIssuance", "Date of issuance"),
    "adoptionDate": ("TLCConcept", "/akn/ontology/concept/un/adoptionDate", "Date of adoption"),
    "inFavour": ("TLCConcept", "/akn/ontology/concept/un/inFavour", "In favour"),
    "against": ("TLCConcept", "/akn/ontology/concept/un/against", "Against"),
    "abstentions": ("TLCConcept", "/akn/ontology/concept/un/abstentions", "Abstentions"),
    "publicationJobNumber": ("TLCConcept", "/akn/ontology/concept/un/publicationJobNumber", "Job number"),
}

# Statements of a voting outcome, per language, as printed in cover lines or closing lines.
_WITHOUT_VOTE = re.compile(
    r"without a vote|sans vote|sin votación|без голосования|دون تصويت|未经表决|未經表決", re.IGNORECASE
)

_RECORDED_VOTE = re.compile(
    r"recorded vote of (?P<yes>\d+) to (?P<no>\d+)(?:, with (?P<abstain>\d+) abstentions?)?", re.IGNORECASE
)

# Elements whose content is only elements: a newline between their children keeps the output readable
# without adding text to any mixed content.
_BLOCKY = frozenset(
    {
        "akomaNtoso", "statement", "documentCollection", "meta", "identification", "FRBRWork", "FRBRExpression",
        "FRBRManifestation", "workflow", "analysis", "parliamentary", "voting", "references", "proprietary",
        "presentation", "coverPage", "preface", "preamble", "mainBody", "conclusions", "attachments", "attachment",
        "doc", "collectionBody", "components", "component", "paragraph", "point", "list", "section", "hcontainer",
        "intro", "wrapUp", "content", "container", "formula", "table", "tr", "th", "td", "authorialNote",
    }
)  # fmt: skip

_TAGS: dict[str, str] = {}
_SUB_ELEMENT = etree.SubElement
_BLOCKY_TAGS = frozenset(f"{{{AKN_NS}}}{tag}" for tag in _BLOCKY)


def _break_lines(root: etree._Element) -> None:
    """A newline before each child of an element-only element (readable, and no mixed content touched)."""
    for el in root.iter(*_BLOCKY_TAGS):
        if len(el) and not el.text:
            el.text = "\n"
            for child in el:
                if not child.tail:
                    child.tail = "\n"


def q(tag: str) -> str:
    """The Clark name of an AKN element (``{ns}p``)."""
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = f"{{{AKN_NS}}}{tag}"
    return name


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None) -> etree._Element:
    return _SUB_ELEMENT(parent, _TAGS.get(tag) or q(tag), attrib)


def add_text(parent: etree._Element, text: str) -> bool:
    """Append ``text`` after the last child of ``parent`` (or as its text). True when characters XML cannot hold
    had to be left out (lxml refuses them: the check costs nothing when there are none)."""
    if not text:
        return False
    # ``parent[-1]``, not ``len(parent)``: lxml counts the children one by one, which made a paragraph of 10,000
    # inline elements quadratic (1.8 s of AKN for a fuzzed 186 KB input)
    last = next(reversed(parent), None)
    if last is not None:
        tail = last.tail + text if last.tail else text
        try:
            last.tail = tail
        except ValueError:  # lxml refuses characters XML cannot hold (and has dropped the old tail)
            last.tail = clean(tail)
            return True
    else:
        body = parent.text + text if parent.text else text
        try:
            parent.text = body
        except ValueError:
            parent.text = clean(body)
            return True
    return False


def join(prefix: str, local: str) -> str:
    return f"{prefix}__{local}" if prefix else local


def _work_date(meta: Meta, context: Context) -> tuple[_dt.date, str]:
    """The date that identifies the work in its FRBR IRIs, and the ``FRBRdate`` name that says which date it is.

    The adoption date; else, as AKN4UN says, the issue date; else the print date of the first-page footer. A
    document that states none of them (the reader has warned) is identified by the date of its markup, and its
    ``FRBRdate`` says ``markup``: the clock never poses as the adoption date.
    """
    for value, name in (
        (meta.adoption_date, "adoption"),
        (meta.issue_date, "issuance"),
        (meta.print_date, "print"),
    ):
        if value is not None:
            return value, name
    return context.markup_date, "markup"


class Builder:
    """Builds the AKN element tree of one document."""

    def __init__(self, document: Document, context: Context) -> None:
        document = canonical(document)  # one spelling for what prints the same (adjacent texts are one run …)
        self.doc = document
        self.meta = document.meta
        self.context = context
        self.eids = EidAllocator()
        self.note_eids: dict[str, str] = {}  # marker -> eId of the first note with it, for noteRefs to it
        # noteRef elements (with their node) whose href is set once all notes are written
        self.note_refs: list[tuple[etree._Element, NoteRef]] = []
        self.renamed: set[tuple[str, str]] = set()  # (prefix, element) where numbers took a suffix (reported)
        self.organ_id = FACTS[self.meta.organ].tlc_id
        self.author = f"#{self.organ_id}"
        work_date, self.work_date_name = _work_date(self.meta, context)
        if self.work_date_name == "markup":
            context.report(
                Diagnostic.warning(
                    "akn-work-dated-by-markup",
                    f"the document states no adoption, issue or print date: its FRBR IRIs carry the markup date "
                    f'{work_date.isoformat()} (FRBRdate name="markup")',
                )
            )
        # The number as the output can hold it (characters XML cannot carry left out, and reported, before the
        # IRI is derived from it: FRBRnumber's value and showAs, and every FRBR IRI, tell the same number).
        self.number = clean(self.meta.number)
        if self.number != self.meta.number:
            self._check_text(self.meta.number, None, "the document number")
        self.frbr = Frbr(
            actor=self.meta.organ.value,
            date=work_date,
            number=frbr_number(self.number or clean(self.meta.symbol)),
            language=self.meta.language.iso639_2,
        )
        self.publication_date = self.meta.issue_date or work_date

    # -- document ---------------------------------------------------------------------------------------
    def build(self) -> etree._Element:
        root = etree.Element(q("akomaNtoso"), nsmap=NSMAP)  # type: ignore[arg-type]
        parts = self.doc.parts
        if len(parts) > 1:
            outer = sub(root, "documentCollection", {"name": "publication"})
        else:
            outer = sub(root, "statement", {"name": self.meta.kind.value})
        meta = sub(outer, "meta")
        self._cover(outer)
        self._preface(outer, parts[0] if len(parts) == 1 else None)
        if len(parts) > 1:
            self._collection(outer, parts)
        else:
            self._part_body(outer, parts[0] if parts else Part(), prefix="")
            self._attachments(outer)
        self._resolve_note_refs()
        self._meta(meta, outer)
        _break_lines(root)
        return root

    def _collection(self, outer: etree._Element, parts: tuple[Part, ...]) -> None:
        body = sub(outer, "collectionBody")
        labels = [self._part_label(part, i) for i, part in enumerate(parts, 1)]
        for label in labels:
            component = sub(body, "component", {"eId": self.eids.reserve(f"cmpref_{label}")})
            sub(
                component,
                "documentRef",
                {"href": self.frbr.for_component(f"cmp_{label}").expression_this, "showAs": label},
            )
        self._attachments(outer)
        components = sub(outer, "components")
        for part, label in zip(parts, labels, strict=True):
            cid = self.eids.reserve(f"cmp_{label}")
            component = sub(components, "component", {"eId": cid})
            statement = sub(component, "statement", {"name": self.meta.kind.value})
            meta = sub(statement, "meta")
            self._identification(meta, self.frbr.for_component(f"cmp_{label}"), full=False)
            if part.label or part.label_notes or part.title:
                p = sub(sub(statement, "preface"), "p")
                if part.label:
                    sub(p, "docNumber").text = clean(part.label)
                self._inlines(p, part.label_notes, cid)
                if part.title:
                    if part.label or part.label_notes:
                        add_text(p, " ")
                    self._inlines(sub(p, "docTitle"), part.title, cid)
            self._part_body(statement, part, prefix=cid)

    def _part_label(self, part: Part, index: int) -> str:
        label = eid_num(part.label or "")
        return label or str(index)

    def _part_body(self, outer: etree._Element, part: Part, prefix: str) -> None:
        if part.preamble is not None:
            self._preamble(outer, part.preamble, prefix)
        body = sub(outer, "mainBody")
        for block in part.body:
            self._hier(body, block, prefix, top=True)
        if not len(body):
            sub(body, "p")
        if part.conclusions is not None:
            self._conclusions(outer, part.conclusions, prefix)

    # -- meta --------------------------------------------------------------------------------------------
    def _identification(self, meta: etree._Element, frbr: Frbr, *, full: bool) -> None:
        ident = sub(meta, "identification", {"source": SOURCE})
        work = sub(ident, "FRBRWork")
        sub(work, "FRBRthis", {"value": frbr.work_this})
        sub(work, "FRBRuri", {"value": frbr.work_uri})
        if full:
            for name, symbol in (("symbol", self.meta.symbol), ("symbol2", self.meta.symbol2)):
                if clean(symbol):  # as the tree holds it: the alias is the symbol, not a tidied spelling of it
                    sub(work, "FRBRalias", {"value": clean(symbol), "name": name})
        sub(work, "FRBRdate", {"date": frbr.date.isoformat(), "name": self.work_date_name})
        sub(work, "FRBRauthor", {"href": self.author, "as": "#author"})
        sub(work, "FRBRcountry", {"value": "un"})
        if full:
            sub(work, "FRBRsubtype", {"value": frbr.subtype})
            # showAs is the number as cited; a document without one (the IRI then comes from its symbol) has no
            # showAs, so that a reader does not take the symbol or the IRI's stand-in "0" for its number.
            sub(work, "FRBRnumber", {"value": frbr.number, **({"showAs": self.number} if self.number else {})})
            sub(work, "FRBRname", {"value": self.meta.kind.value})
        expression = sub(ident, "FRBRExpression")
        sub(expression, "FRBRthis", {"value": frbr.expression_this})
        sub(expression, "FRBRuri", {"value": frbr.expression_uri})
        sub(expression, "FRBRdate", {"date": self.publication_date.isoformat(), "name": "publication"})
        sub(expression, "FRBRauthor", {"href": self.author, "as": "#author"})
        sub(expression, "FRBRlanguage", {"language": frbr.language})
        manifestation = sub(ident, "FRBRManifestation")
        sub(manifestation, "FRBRthis", {"value": frbr.manifestation_this})
        sub(manifestation, "FRBRuri", {"value": frbr.manifestation_uri})
        sub(manifestation, "FRBRdate", {"date": self.context.markup_date.isoformat(), "name": "markup"})
        sub(manifestation, "FRBRauthor", {"href": SOURCE, "as": "#editor"})

    def _meta(self, meta: etree._Element, outer: etree._Element) -> None:
        self._identification(meta, self.frbr, full=True)
        if self.meta.adoption_date is not None:
            workflow = sub(meta, "workflow", {"source": SOURCE})
            sub(
                workflow,
                "step",
                {"date": self.meta.adoption_date.isoformat(), "outcome": "#adopted", "by": self.author},
            )
        voting_outcome = self._voting()
        if voting_outcome is not None:
            outcome, counts = voting_outcome
            analysis = sub(meta, "analysis", {"source": SOURCE})
            voting = sub(sub(analysis, "parliamentary"), "voting", {"outcome": f"#{outcome}"})
            if not counts:  # the XSD wants a quorum or count child; "without a vote" has no figures
                sub(voting, "quorum", {"eId": self.eids.reserve("quorum_1"), "value": ""})
            for concept, value in counts:
                attrib = {"eId": self.eids.child("", "count"), "value": value, "refersTo": f"#{concept}"}
                sub(voting, "count", attrib)
        references = sub(meta, "references", {"source": SOURCE})
        ods = self.meta.ods
        proprietary = sub(meta, "proprietary", {"source": SOURCE})
        attrs = {"jobNumber": clean(ods.job), "symbol1": clean(ods.symbol1), "symbol2": clean(ods.symbol2)}
        if ods.ref_job:
            attrs["refJob"] = "true"
        etree.SubElement(proprietary, f"{{{AKN4UN_NS}}}ods", attrs)
        self._facts(proprietary)
        if self.meta.job_number:
            presentation = sub(meta, "presentation", {"source": SOURCE})
            footer = etree.SubElement(presentation, f"{{{AKN4UN_NS}}}footerFirstPage")
            left = etree.SubElement(footer, f"{{{AKN4UN_NS}}}footerFirstPageLeft")
            code = etree.SubElement(left, f"{{{AKN4UN_NS}}}internalCode")
            sub(code, "docketNumber", {"refersTo": "#publicationJobNumber"}).text = clean(self.meta.job_number)
        for eid in sorted(used_refs(outer), key=_tlc_order):
            element, href, show = TLC.get(eid, ("TLCConcept", f"/akn/ontology/concept/un/{eid}", eid))
            etree.SubElement(references, q(element), {"eId": eid, "href": href, "showAs": show})

    def _facts(self, proprietary: etree._Element) -> None:
        """The identification facts no AKN element states as the tree holds them, so that a reader gets them
        back exactly: the title (the preface prints its own spelling), the issue and print dates (the FRBR IRIs
        carry one date of the work), the session, agenda items, distribution and meeting (the masthead and closing
        lines print them, when they do, as printed). An attribute left out is a fact the tree does not state, but
        for an agenda item's ``text``: left out, it is the text of the item before (the items of one line)."""
        meta = self.meta
        attrs: dict[str, str] = {}
        if meta.title:
            attrs["title"] = clean(meta.title)
        for name, date in (("issueDate", meta.issue_date), ("printDate", meta.print_date)):
            if date is not None:
                attrs[name] = date.isoformat()
        if meta.session is not None:
            attrs["session"] = str(meta.session.number)
            attrs["sessionText"] = clean(meta.session.text)
        if meta.distribution is not None:
            attrs["distribution"] = clean(meta.distribution)
        if meta.meeting is not None:
            attrs["meeting"] = clean(meta.meeting)
        facts = etree.SubElement(proprietary, f"{{{AKN4UN_NS}}}facts", attrs)
        previous: str | None = None
        for item in meta.agenda_items:
            # the items of one agenda line share its text: it is written once, on the first of them (a line listing
            # thousands of items made the output quadratic in the line, 550 MB from a fuzzed 111 KB input)
            item_attrs = {"number": clean(item.number)}
            if item.text != previous:
                item_attrs["text"] = clean(item.text)
            previous = item.text
            etree.SubElement(facts, f"{{{AKN4UN_NS}}}agendaItem", item_attrs)

    def _voting(self) -> tuple[str, list[tuple[str, str]]] | None:
        """The voting outcome the cover or closing lines state: the outcome concept and ``(concept, count)``
        pairs (a recorded vote), or ``None`` when the text says nothing about a vote."""
        texts = [plain_text(line.content) for line in self.doc.cover]
        for part in self.doc.parts:
            if part.conclusions is not None:
                texts.extend(plain_text(line) for line in part.conclusions.lines)
        for text in texts:
            recorded = _RECORDED_VOTE.search(text)
            if recorded:
                counts = [("inFavour", recorded["yes"]), ("against", recorded["no"])]
                if recorded["abstain"]:
                    counts.append(("abstentions", recorded["abstain"]))
                return "adopted", counts
            if _WITHOUT_VOTE.search(text):
                return "adoptedWithoutVote", []
        return None

    # -- cover page and preface ----------------------------------------------------------------------------
    def _cover(self, outer: etree._Element) -> None:
        masthead, meta = self.doc.masthead, self.meta
        cover = etree.Element(q("coverPage"))

        def line(tag: str | None, text: str, attrib: dict[str, str] | None = None) -> None:
            self._check_text(text, masthead.line, "the masthead")
            p = sub(cover, "p")
            if tag is None:
                add_text(p, text)
            else:
                sub(p, tag, attrib).text = clean(text)

        if masthead.authority:
            line("docAuthority", masthead.authority)
        if masthead.symbol:
            line("docNumber", masthead.symbol, {"refersTo": "#symbol"})
        if masthead.organ:
            line("docAuthority", masthead.organ, {"refersTo": "#issuingBody"})
        if masthead.distribution:
            line("docStatus", masthead.distribution)
        if masthead.date:
            if meta.issue_date is not None:
                line("docDate", masthead.date, {"date": meta.issue_date.isoformat(), "refersTo": "#dateOfIssuance"})
            else:
                line(None, masthead.date)
        if masthead.session:
            line("session", masthead.session, {"value": str(meta.session.number)} if meta.session else {})
        numbered: dict[str, list[str]] = {}  # the item numbers of each line's text, looked up once per line
        for item in meta.agenda_items:
            numbered.setdefault(item.text, []).append(item.number)
        for agenda in masthead.agenda:
            # a text printed again names no numbers again (a line repeated thousands of times listed all the items
            # on every copy: quadratic)
            numbers = numbered.pop(agenda, [])
            if not numbers and len(masthead.agenda) == 1:
                numbers = [item.number for item in meta.agenda_items]
            attrib = {"name": "agendaItem"}
            if numbers:
                attrib["title"] = clean(", ".join(numbers))
            line("inline", agenda, attrib)
        for cover_line in self.doc.cover:
            self._cover_line(cover, cover_line)
        if len(cover):
            outer.append(cover)

    def _cover_line(self, cover: etree._Element, line: CoverLine) -> None:
        """A cover line: its ``p`` says its role in ``class`` (the text alone does not tell an adoption line from a
        title: a reader may have found no date in it), its content in the AKN element of that role."""
        p = sub(cover, "p", {"class": line.role.value})
        match line.role:
            case CoverRole.ADOPTION | CoverRole.TITLE | CoverRole.ADOPTED_AT:
                target = sub(p, "docTitle")
            case CoverRole.PROPONENT:
                target = sub(p, "docProponent")
            case CoverRole.DOC_TYPE:
                target = sub(p, "docType")
            case CoverRole.OTHER:
                target = p
            case _:
                assert_never(line.role)
        self._inlines(target, line.content, "")

    def _preface(self, outer: etree._Element, part: Part | None) -> None:
        """Number and title; then the letter of a resolution published on its own (``72/262 C``) with the notes
        whose marks stand on it."""
        preface = self.doc.preface
        has_title = preface is not None and bool(preface.number or preface.title)
        label = clean(part.label or "") if part is not None else ""
        notes = part.label_notes if part is not None else ()
        title = part.title if part is not None else ()
        if not has_title and not label and not notes and not title:
            return
        el = sub(outer, "preface")
        if preface is not None and has_title:
            p = sub(el, "p")
            if preface.number:
                sub(p, "docNumber").text = clean(preface.number)
            if preface.title:
                if preface.number:
                    add_text(p, " ")
                self._inlines(sub(p, "docTitle"), preface.title, "")
        if label or notes or title:
            p = sub(el, "p", {"class": "partLabel"})  # not the preface's number and title
            if label:
                sub(p, "docNumber").text = label
            self._inlines(p, notes, "")
            if title:
                if label or notes:
                    add_text(p, " ")
                self._inlines(sub(p, "docTitle"), title, "")

    # -- preamble ---------------------------------------------------------------------------------------------
    def _preamble(self, outer: etree._Element, preamble: Preamble, prefix: str) -> None:
        if not preamble.formula and not preamble.children:
            return
        el = sub(outer, "preamble")
        base = join(prefix, "preamble")
        if preamble.formula:
            eid = self.eids.child(base, "formula")
            formula = sub(el, "formula", {"name": "enactingFormula", "eId": eid})
            self._inlines(sub(formula, "p"), preamble.formula, eid)
        for block in preamble.children:
            match block:
                case PreambularParagraph():
                    eid = self.eids.child(base, "container")
                    container = sub(el, "container", {"name": clean(block.phrase) or "preambular", "eId": eid})
                    if not clean(block.phrase):  # no phrase: "preambular" names the container, not the phrase
                        container.set(_PHRASE, "")
                    self._inlines(sub(container, "p"), block.content, eid)
                case Table():
                    self._table(el, block, base)
                case Para() | RawBlock():
                    self._preamble_container(el, block, base)
                case OperativeParagraph() | Point() | Section():
                    self.context.report(
                        Diagnostic.warning(
                            "akn-preamble-flattened",
                            f"a {_block_name(block)} in the preamble is written as the lines of a container "
                            "(AKN's preamble holds no numbered provisions): its numbers stay in the text, "
                            "its nesting is lost",
                            line=block.line,
                        )
                    )
                    self._preamble_container(el, block, base)
                case _:
                    assert_never(block)

    def _preamble_container(self, preamble: etree._Element, block: Block, base: str) -> None:
        """A block other than a recital or a table in the preamble: a ``container`` of its lines."""
        eid = self.eids.child(base, "container")
        container = sub(preamble, "container", {"name": _block_name(block), "eId": eid})
        if isinstance(block, Para):  # its role, as in the body: a recital's phrase may be any word
            container.set("class", block.role.value)
        _raw_kind(container, block)
        for line in flatten(block):
            self._inlines(sub(container, "p"), line, eid)

    # -- hierarchy ----------------------------------------------------------------------------------------------
    def _hier(self, parent: etree._Element, block: Block, prefix: str, *, top: bool = False) -> None:
        """``block`` as a hierarchical element of ``parent``; ``top`` when blocks (tables, p) are allowed too."""
        match block:
            case OperativeParagraph() | Point():
                name = "paragraph" if isinstance(block, OperativeParagraph) else "point"
                eid = self._numbered_eid(prefix, name, block.num, block.line)
                el = sub(parent, name, {"eId": eid})
                if block.num:
                    self._check_text(block.num, block.line, f"the number of a {name}")
                    sub(el, "num").text = clean(block.num)
                self._provision(el, eid, block.content, block.children, block.wrap_up)
            case Section():
                eid = self._numbered_eid(prefix, "section", block.num, block.line)
                el = sub(parent, "section", {"eId": eid})
                if block.num:
                    self._check_text(block.num, block.line, "the number of a section")
                    sub(el, "num").text = clean(block.num)
                if block.heading:
                    self._inlines(sub(el, "heading"), block.heading, eid)
                for child in block.children:
                    self._hier(el, child, eid)
            case Para(role=ParaRole.HEADING):
                eid = self.eids.child(prefix, "hcontainer")
                el = sub(parent, "hcontainer", {"name": "crossHeading", "eId": eid})
                self._inlines(sub(el, "heading"), block.content, eid)
            case PreambularParagraph():
                # a recital inside a section (omnibus resolutions): not an operative paragraph
                eid = self.eids.child(prefix, "hcontainer")
                el = sub(parent, "hcontainer", {"name": "recital", "eId": eid})
                el.set(_PHRASE, clean(block.phrase))  # as printed: its emphasis may differ (a space, a comma)
                self._inlines(sub(sub(el, "content"), "p"), block.content, eid)
            case Para() | RawBlock():
                content = _content_of(block)
                if parent.tag == q("list"):
                    eid = self.eids.child(prefix, "hcontainer")
                    el = sub(parent, "hcontainer", {"name": _block_name(block), "eId": eid})
                else:
                    # class says what the text is (running text, centred, quoted, raw): an unnumbered operative
                    # paragraph (no class) is written the same way otherwise
                    eid = self.eids.child(prefix, "paragraph")
                    el = sub(parent, "paragraph", {"eId": eid, "class": _block_name(block)})
                _raw_kind(el, block)
                self._inlines(sub(sub(el, "content"), "p"), content, eid)
            case Table():
                if top:
                    self._table(parent, block, prefix)
                else:
                    eid = self.eids.child(prefix, "hcontainer")
                    el = sub(parent, "hcontainer", {"name": "table", "eId": eid})
                    self._table(sub(el, "content"), block, eid)
            case _:
                assert_never(block)

    def _provision(
        self,
        el: etree._Element,
        eid: str,
        content: tuple[Inline, ...],
        children: tuple[Block, ...],
        wrap_up: tuple[Inline, ...],
    ) -> None:
        """The text and sub-items of a paragraph or point: ``content``, or a ``list`` with intro and wrapUp."""
        if not children:
            box = sub(el, "content")
            self._inlines(sub(box, "p"), content, eid)
            if wrap_up:
                self._inlines(sub(box, "p"), wrap_up, eid)
            return
        list_id = self.eids.child(eid, "list")
        lst = sub(el, "list", {"eId": list_id})
        if content:
            intro = sub(lst, "intro", {"eId": self.eids.unique(list_id, "intro")})
            self._inlines(sub(intro, "p"), content, eid)
        for child in children:
            self._hier(lst, child, list_id)
        if wrap_up:
            wrap = sub(lst, "wrapUp", {"eId": self.eids.unique(list_id, "wrapUp")})
            self._inlines(sub(wrap, "p"), wrap_up, eid)

    def _table(self, parent: etree._Element, table: Table, prefix: str) -> None:
        eid = self.eids.child(prefix, "table")
        el = sub(parent, "table", {"eId": eid})
        rows = table.rows or ()
        for row in rows:
            tr = sub(el, "tr")
            for cell in row.cells:  # a canonical row has a cell (an empty one when the source gave none)
                attrib = {"colspan": str(cell.colspan)} if cell.colspan > 1 else None
                box = sub(tr, "th" if cell.header else "td", attrib)
                for paragraph in cell.paragraphs or ((),):
                    self._inlines(sub(box, "p"), paragraph, eid)
        if not rows:
            self.context.report(
                Diagnostic.info(
                    "akn-table-empty",
                    "a table without rows is written as one empty cell (AKN wants one)",
                    line=table.line,
                )
            )
            sub(sub(sub(el, "tr"), "td"), "p")

    # -- conclusions and annexes ------------------------------------------------------------------------------
    def _conclusions(self, outer: etree._Element, conclusions: Conclusions, prefix: str) -> None:
        if not conclusions.lines:
            return
        eid = self.eids.reserve(join(prefix, "conclusions"))
        p = sub(sub(outer, "conclusions", {"eId": eid}), "p")
        for i, line in enumerate(conclusions.lines):
            if i:
                sub(p, "eol")
            self._inlines(p, line, eid)

    def _attachments(self, outer: etree._Element) -> None:
        if not self.doc.annexes:
            return
        attachments = sub(outer, "attachments")
        for n, annex in enumerate(self.doc.annexes, 1):
            self._annex(attachments, annex, n)

    def _annex(self, attachments: etree._Element, annex: Annex, n: int) -> None:
        eid = self.eids.reserve(f"att_{n}")
        doc = sub(sub(attachments, "attachment", {"eId": eid}), "doc", {"name": "annex"})
        self._identification(sub(doc, "meta"), self.frbr.for_component(f"annex_{n}"), full=False)
        if annex.label or annex.headings:
            preface = sub(doc, "preface")
            if annex.label:
                self._inlines(sub(sub(preface, "p"), "docType"), annex.label, eid)
            for heading in annex.headings:
                self._inlines(sub(sub(preface, "p"), "docTitle"), heading, eid)
        body = sub(doc, "mainBody")
        for block in annex.children:
            self._hier(body, block, eid, top=True)
        if not len(body):
            sub(body, "p")

    # -- inlines ---------------------------------------------------------------------------------------------
    def _inlines(self, parent: etree._Element, inlines: tuple[Inline, ...], note_prefix: str) -> None:
        """Render ``inlines`` into ``parent``; footnotes get eIds under ``note_prefix``."""
        for node in inlines:
            match node:
                case Text(text=text):
                    if add_text(parent, text):
                        self._check_text(text, node.line, "text")
                case RawInline(kind=kind, text=text):
                    self._check_text(kind + text, node.line, "raw text")
                    sub(parent, "inline", {"name": "raw", _KIND: clean(kind)}).text = clean(text)
                case Emphasis(children=children):
                    self._inlines(sub(parent, "i"), children, note_prefix)
                case Strong(children=children):
                    self._inlines(sub(parent, "b"), children, note_prefix)
                case LineBreak():
                    sub(parent, "eol")
                case Footnote():
                    self._note(parent, node, note_prefix)
                case NoteRef():
                    self._note_ref(parent, node)
                case SymbolRef(symbol=symbol, text=text):
                    self._check_text(symbol + text, node.line, "a document symbol")
                    href = undocs_url(clean(symbol.strip()))
                    sub(parent, "ref", {"href": href}).text = clean(text)
                case DateRef(date=date, text=text, role=role):
                    self._check_text(text, node.line, "a date")
                    if role is None:
                        sub(parent, "date", {"date": _iso(date)}).text = clean(text)
                    else:
                        sub(parent, "docDate", {"date": _iso(date), "refersTo": f"#{role.value}"}).text = clean(text)
                case MeetingRef(ordinal=ordinal, text=text):
                    self._check_text(ordinal + text, node.line, "a meeting")
                    attrib = {"name": "adoptionMeeting", "title": clean(ordinal)}
                    sub(parent, "inline", attrib).text = clean(text)
                case _:
                    assert_never(node)

    def _note(self, parent: etree._Element, note: Footnote, prefix: str) -> None:
        self._check_text(note.marker, note.line, "a footnote marker")
        eid = self.eids.child(prefix, "authorialNote")
        el = sub(parent, "authorialNote", {"marker": clean(note.marker), "placement": "bottom", "eId": eid})
        _separator(el, note.separator)
        self.note_eids.setdefault(note.marker, eid)
        for paragraph in note.paragraphs or ((),):
            self._inlines(sub(el, "p"), paragraph, eid)

    def _note_ref(self, parent: etree._Element, node: NoteRef) -> None:
        """A second reference to a note: a ``noteRef`` whose ``href`` is set in ``_resolve_note_refs``."""
        self._check_text(node.marker, node.line, "a footnote marker")
        ref = sub(parent, "noteRef", {"marker": clean(node.marker)})
        _separator(ref, node.separator)
        self.note_refs.append((ref, node))

    def _resolve_note_refs(self) -> None:
        """Point each noteRef at the note with its marker (annexes may be written before the parts that hold the
        notes). A noteRef naming no note of the document (only a hand-built tree has one) is dropped, and
        reported: the marker is an attribute of the reference, not text of the document."""
        for ref, node in self.note_refs:
            eid = self.note_eids.get(ref.get("marker", ""))
            if eid is None:
                self.context.report(
                    Diagnostic.warning(
                        "akn-noteref-dropped",
                        f"the reference to note {node.marker!r} is left out: the document has no note with that "
                        "marker, and an AKN noteRef must name one",
                        line=node.line,
                    )
                )
                _remove_keeping_tail(ref)
            else:
                ref.set("href", f"#{eid}")

    def _check_text(self, text: str, line: int | None, what: str) -> None:
        """Report characters of ``text`` that XML 1.0 cannot hold (``clean`` leaves them out of the output)."""
        if _NOT_XML.search(text):
            found = ", ".join(sorted({f"U+{ord(c):04X}" for c in _NOT_XML.findall(text)}))
            self.context.report(
                Diagnostic.warning(
                    "akn-characters-dropped", f"{what} holds characters XML cannot carry, left out: {found}", line=line
                )
            )

    def _numbered_eid(self, prefix: str, element: str, num: str | None, line: int | None) -> str:
        """The eId of a numbered provision. A number already taken at this place (numbering that restarts after
        an unnumbered heading, a repeated ``3.``) gets ``-2``, ``-3`` … from the allocator, as the XSD wants eIds
        unique; that is reported once per place, at the first number it happens to."""
        eid = self.eids.child(prefix, element, num)
        wanted = self.eids.last_wanted
        if num and eid != wanted and (prefix, element) not in self.renamed:
            self.renamed.add((prefix, element))
            self.context.report(
                Diagnostic.info(
                    "akn-eid-renamed",
                    f"the number {num!r} is already taken under {prefix or 'the body'}: its eId is {eid}, not "
                    f"{wanted}, and each {element} numbered again there takes such a suffix (eIds are unique)",
                    line=line,
                )
            )
        return eid


_SEPARATOR = f"{{{AKN4UN_NS}}}separator"
_KIND = f"{{{AKN4UN_NS}}}kind"
_PHRASE = f"{{{AKN4UN_NS}}}phrase"


def _raw_kind(el: etree._Element, block: Block) -> None:
    """A raw block's kind (content no node type describes yet), kept as ``akn4un:kind``."""
    if isinstance(block, RawBlock):
        el.set(_KIND, clean(block.kind))


def _separator(mark: etree._Element, separator: str) -> None:
    """What Word raised with the marks before this one (``3,4``: note 4's ``,``), kept as ``akn4un:separator``:
    part of the marks, not text of the paragraph (AKN leaves the marks' presentation to its renderer)."""
    if separator:
        mark.set(_SEPARATOR, clean(separator))


def _remove_keeping_tail(el: etree._Element) -> None:
    parent = el.getparent()
    assert parent is not None
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _iso(date: _dt.date) -> str:
    return date.isoformat()


def _content_of(block: Para | RawBlock) -> tuple[Inline, ...]:
    match block:
        case Para(content=content):
            return content
        case RawBlock(text=text, line=line):
            return (Text(text=text, line=line),)
        case _:
            assert_never(block)


def _block_name(block: Block) -> str:
    match block:
        case Para(role=role):
            return role.value
        case RawBlock():
            return "raw"
        case PreambularParagraph(phrase=phrase):
            return clean(phrase) or "preambular"
        case OperativeParagraph():
            return "paragraph"
        case Point():
            return "point"
        case Section():
            return "section"
        case Table():
            return "table"
        case _:
            assert_never(block)


def flatten(block: Block) -> list[tuple[Inline, ...]]:
    """The lines of ``block`` as paragraphs of inlines, numbers kept in front: for places that take only text."""
    match block:
        case Para(content=content) | PreambularParagraph(content=content):
            return [content]
        case RawBlock(text=text):
            return [(Text(text=text),)]
        case (
            OperativeParagraph(num=num, content=content, children=children, wrap_up=wrap_up)
            | Point(num=num, content=content, children=children, wrap_up=wrap_up)
        ):
            lines: list[tuple[Inline, ...]] = [((Text(text=f"{num} "),) if num else ()) + content]
            for child in children:
                lines.extend(flatten(child))
            if wrap_up:
                lines.append(wrap_up)
            return lines
        case Section(num=num, heading=heading, children=children):
            lines = [((Text(text=f"{num} "),) if num else ()) + heading]
            for child in children:
                lines.extend(flatten(child))
            return lines
        case Table(rows=rows):
            return [paragraph for row in rows for cell in row.cells for paragraph in cell.paragraphs]
        case _:
            assert_never(block)


_REF_ATTRS = frozenset({"href", "refersTo", "as", "by", "source", "outcome"})
_HASH_VALUES = etree.XPath("//@*[starts-with(., '#')]")


def used_refs(root: etree._Element) -> set[str]:
    """Every ``#id`` that an ``href``, ``refersTo``, ``as``, ``by``, ``source`` or ``outcome`` under ``root``
    names (``refersTo`` may list several), except a ``noteRef``'s ``href``, which names a note of the document."""
    found: set[str] = set()
    values = _HASH_VALUES(root)
    assert isinstance(values, list)
    for value in values:
        if getattr(value, "attrname", None) in _REF_ATTRS and not _is_note_ref(value):
            for token in str(value).split():
                if token.startswith("#"):
                    found.add(token[1:])
    return found


def _is_note_ref(value: object) -> bool:
    owner = getattr(value, "getparent", lambda: None)()
    return owner is not None and owner.tag == f"{{{AKN_NS}}}noteRef"


def _tlc_order(eid: str) -> tuple[int, str]:
    order = list(TLC)
    return (order.index(eid), eid) if eid in order else (len(order), eid)
