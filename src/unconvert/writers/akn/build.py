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
from unconvert.writers.akn.markup import Markup, escape_attr, escape_text

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
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


def xml_safe(text: str) -> bool:
    """True when XML 1.0 can hold every character of ``text``. (Every character it cannot hold is unprintable:
    ``isprintable``, a fast scan, settles most texts without the regular expression, which is many times slower;
    the unprintable character the corpus has most, French typography's no-break space, is set aside first.)"""
    return text.isprintable() or text.replace("\xa0", " ").isprintable() or not _NOT_XML.search(text)


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return text if xml_safe(text) else _NOT_XML.sub("", text)


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
    """Writes the AKN markup of one document (``build``), front to back, as text (``markup.Markup``).

    ``scan_text``: look at every character of the document's text runs for those XML 1.0 cannot hold (left out and
    reported). Without it the runs are written as they are: for callers that parse the markup with a parser that
    rejects every such character, and write the document again with ``scan_text`` when it does
    (``unconvert.writers.akn.write``); names, numbers and attribute values are always looked at.
    """

    def __init__(self, document: Document, context: Context, *, scan_text: bool = True) -> None:
        document = canonical(document)  # one spelling for what prints the same (adjacent texts are one run …)
        self.doc = document
        self.meta = document.meta
        self.context = context
        self.scan_text = scan_text
        self.m = Markup()
        self.eids = EidAllocator()
        self.note_eids: dict[str, str] = {}  # marker -> eId of the first note with it, for noteRefs to it
        # noteRefs whose note was not written yet: (placeholder, parent start, attributes, node), set at the end
        self.note_refs: list[tuple[int, int, dict[str, str], NoteRef]] = []
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
    def build(self) -> str:
        """The markup of the document (without the XML declaration). The ``meta`` block comes first in the
        output but is written last: its references list every ``#id`` the rest uses."""
        m = self.m
        m.start("akomaNtoso", ROOT_NAMESPACES)
        parts = self.doc.parts
        if len(parts) > 1:
            m.start("documentCollection", {"name": "publication"})
        else:
            m.start("statement", {"name": self.meta.kind.value})
        meta_at = m.placeholder()
        self._cover()
        self._preface(parts[0] if len(parts) == 1 else None)
        if len(parts) > 1:
            self._collection(parts)
        else:
            self._part_body(parts[0] if parts else Part(), prefix="")
            self._attachments()
        self._resolve_note_refs()
        m.end()
        m.end()
        self.m = Markup(refs=m.refs)
        self._meta()
        m.fill(meta_at, self.m.result())
        self.m = m
        return m.result()

    def _collection(self, parts: tuple[Part, ...]) -> None:
        m = self.m
        m.start("collectionBody")
        labels = [self._part_label(part, i) for i, part in enumerate(parts, 1)]
        for label in labels:
            m.start("component", {"eId": self.eids.reserve(f"cmpref_{label}")})
            m.empty("documentRef", {"href": self.frbr.for_component(f"cmp_{label}").expression_this, "showAs": label})
            m.end()
        m.end()
        self._attachments()
        m.start("components")
        for part, label in zip(parts, labels, strict=True):
            cid = self.eids.reserve(f"cmp_{label}")
            m.start("component", {"eId": cid})
            m.start("statement", {"name": self.meta.kind.value})
            m.start("meta")
            self._identification(self.frbr.for_component(f"cmp_{label}"), full=False)
            m.end()
            if part.label or part.label_notes or part.title:
                m.start("preface")
                m.start("p")
                if part.label:
                    m.leaf("docNumber", clean(part.label))
                self._inlines(part.label_notes, cid)
                if part.title:
                    if part.label or part.label_notes:
                        self._text(" ")
                    m.start("docTitle")
                    self._inlines(part.title, cid)
                    m.end()
                m.end()
                m.end()
            self._part_body(part, prefix=cid)
            m.end()
            m.end()
        m.end()

    def _part_label(self, part: Part, index: int) -> str:
        label = eid_num(part.label or "")
        return label or str(index)

    def _part_body(self, part: Part, prefix: str) -> None:
        m = self.m
        if part.preamble is not None:
            self._preamble(part.preamble, prefix)
        m.start("mainBody")
        for block in part.body:
            self._hier(block, prefix, top=True)
        if not part.body:
            m.empty("p")
        m.end()
        if part.conclusions is not None:
            self._conclusions(part.conclusions, prefix)

    # -- meta --------------------------------------------------------------------------------------------
    def _identification(self, frbr: Frbr, *, full: bool) -> None:
        """The FRBR identification of the document (``full``: with its aliases, subtype, number and name) or of a
        component or annex of it. Its shape is fixed, so it is written as one piece of markup (two dozen calls of
        ``Markup`` fewer), its values escaped here and the ``#id``s it names noted here."""
        self.m.refs.update((self.organ_id, "author", "editor", "unconvert"))
        author = f'<FRBRauthor href="{self.author}" as="#author"/>\n'
        work_aliases = work_details = ""
        if full:
            for name, symbol in (("symbol", self.meta.symbol), ("symbol2", self.meta.symbol2)):
                if clean(symbol):  # as the tree holds it: the alias is the symbol, not a tidied spelling of it
                    work_aliases += f'<FRBRalias value="{escape_attr(clean(symbol))}" name="{name}"/>\n'
            # showAs is the number as cited; a document without one (the IRI then comes from its symbol) has no
            # showAs, so that a reader does not take the symbol or the IRI's stand-in "0" for its number.
            show_as = f' showAs="{escape_attr(self.number)}"' if self.number else ""
            work_details = (
                f'<FRBRsubtype value="{escape_attr(frbr.subtype)}"/>\n'
                f'<FRBRnumber value="{escape_attr(frbr.number)}"{show_as}/>\n'
                f'<FRBRname value="{self.meta.kind.value}"/>\n'
            )
        self.m.element(
            f'<identification source="{SOURCE}">\n'
            "<FRBRWork>\n"
            f'<FRBRthis value="{escape_attr(frbr.work_this)}"/>\n'
            f'<FRBRuri value="{escape_attr(frbr.work_uri)}"/>\n'
            f"{work_aliases}"
            f'<FRBRdate date="{frbr.date.isoformat()}" name="{self.work_date_name}"/>\n'
            f"{author}"
            '<FRBRcountry value="un"/>\n'
            f"{work_details}"
            "</FRBRWork>\n"
            "<FRBRExpression>\n"
            f'<FRBRthis value="{escape_attr(frbr.expression_this)}"/>\n'
            f'<FRBRuri value="{escape_attr(frbr.expression_uri)}"/>\n'
            f'<FRBRdate date="{self.publication_date.isoformat()}" name="publication"/>\n'
            f"{author}"
            f'<FRBRlanguage language="{escape_attr(frbr.language)}"/>\n'
            "</FRBRExpression>\n"
            "<FRBRManifestation>\n"
            f'<FRBRthis value="{escape_attr(frbr.manifestation_this)}"/>\n'
            f'<FRBRuri value="{escape_attr(frbr.manifestation_uri)}"/>\n'
            f'<FRBRdate date="{self.context.markup_date.isoformat()}" name="markup"/>\n'
            f'<FRBRauthor href="{SOURCE}" as="#editor"/>\n'
            "</FRBRManifestation>\n"
            "</identification>"
        )

    def _meta(self) -> None:
        """The ``meta`` block of the document; its references are written once all the rest is."""
        m = self.m
        m.start("meta")
        self._identification(self.frbr, full=True)
        if self.meta.adoption_date is not None:
            m.start("workflow", {"source": SOURCE})
            m.empty("step", {"date": self.meta.adoption_date.isoformat(), "outcome": "#adopted", "by": self.author})
            m.end()
        voting_outcome = self._voting()
        if voting_outcome is not None:
            outcome, counts = voting_outcome
            m.start("analysis", {"source": SOURCE})
            m.start("parliamentary")
            m.start("voting", {"outcome": f"#{outcome}"})
            if not counts:  # the XSD wants a quorum or count child; "without a vote" has no figures
                m.empty("quorum", {"eId": self.eids.reserve("quorum_1"), "value": ""})
            for concept, value in counts:
                m.empty("count", {"eId": self.eids.child("", "count"), "value": value, "refersTo": f"#{concept}"})
            m.end()
            m.end()
            m.end()
        references_at = m.placeholder()
        ods = self.meta.ods
        m.start("proprietary", {"source": SOURCE})
        attrs = {"jobNumber": clean(ods.job), "symbol1": clean(ods.symbol1), "symbol2": clean(ods.symbol2)}
        if ods.ref_job:
            attrs["refJob"] = "true"
        m.empty("akn4un:ods", attrs)
        self._facts()
        m.end()
        if self.meta.job_number:
            m.start("presentation", {"source": SOURCE})
            m.start("akn4un:footerFirstPage")
            m.start("akn4un:footerFirstPageLeft")
            m.start("akn4un:internalCode")
            m.leaf("docketNumber", clean(self.meta.job_number), {"refersTo": "#publicationJobNumber"})
            m.end()
            m.end()
            m.end()
            m.end()
        m.fill(references_at, self._references())
        m.end()

    def _references(self) -> str:
        """The references block: a TLC entry for every ``#id`` the document uses, in ``TLC``'s order."""
        refs = self.m.refs
        refs.add(SOURCE[1:])  # named by the block itself
        entries = "".join([f"{_tlc_entry(eid)}\n" for eid in sorted(refs, key=_tlc_order)])
        return f'<references source="{SOURCE}">\n{entries}</references>'

    def _facts(self) -> None:
        """The identification facts no AKN element states as the tree holds them, so that a reader gets them
        back exactly: the title (the preface prints its own spelling) and the lines the running head breaks it
        into, the issue and print dates (the FRBR IRIs carry one date of the work), the session, agenda items,
        distribution and meeting (the masthead and closing lines print them, when they do, as printed). An
        attribute left out is a fact the tree does not state, but for an agenda item's ``text``: left out, it is
        the text of the item before (the items of one line)."""
        meta, m = self.meta, self.m
        attrs: dict[str, str] = {}
        if meta.title:
            attrs["title"] = clean(meta.title)
        if meta.running_head:  # its lines, one per line of the value (written as &#10;, which XML keeps)
            attrs["runningHead"] = "\n".join(clean(line) for line in meta.running_head)
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
        m.start("akn4un:facts", attrs)
        previous: str | None = None
        for item in meta.agenda_items:
            # the items of one agenda line share its text: it is written once, on the first of them (a line listing
            # thousands of items made the output quadratic in the line, 550 MB from a fuzzed 111 KB input)
            item_attrs = {"number": clean(item.number)}
            if item.text != previous:
                item_attrs["text"] = clean(item.text)
            previous = item.text
            m.empty("akn4un:agendaItem", item_attrs)
        m.end()

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
    def _cover(self) -> None:
        """The masthead's lines and the cover lines; no ``coverPage`` at all when there are none."""
        masthead, meta, m = self.doc.masthead, self.meta, self.m
        m.start("coverPage")

        def line(tag: str | None, text: str, attrib: dict[str, str] | None = None) -> None:
            self._check_text(text, masthead.line, "the masthead")
            if tag is None:
                m.start("p")
                self._text(text)
                m.end()
            else:  # ``<p>`` and its one element, written as ``start``, ``leaf`` and ``end`` would write them
                head = f"<{tag}{m.attrs(attrib)}>" if attrib else f"<{tag}>"
                m.element(f"<p>{head}{escape_text(clean(text))}</{tag}></p>")

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
            self._cover_line(cover_line)
        m.end(drop_if_empty=True)

    def _cover_line(self, line: CoverLine) -> None:
        """A cover line: its ``p`` says its role in ``class`` (the text alone does not tell an adoption line from a
        title: a reader may have found no date in it), its content in the AKN element of that role."""
        m = self.m
        m.start("p", {"class": line.role.value})
        match line.role:
            case CoverRole.ADOPTION | CoverRole.TITLE | CoverRole.ADOPTED_AT:
                target: str | None = "docTitle"
            case CoverRole.PROPONENT:
                target = "docProponent"
            case CoverRole.DOC_TYPE:
                target = "docType"
            case CoverRole.OTHER:
                target = None
            case _:
                assert_never(line.role)
        self._inlines_in(target, line.content, "")
        m.end()

    def _preface(self, part: Part | None) -> None:
        """Number and title; then the letter of a resolution published on its own (``72/262 C``) with the notes
        whose marks stand on it."""
        m = self.m
        preface = self.doc.preface
        has_title = preface is not None and bool(preface.number or preface.title)
        label = clean(part.label or "") if part is not None else ""
        notes = part.label_notes if part is not None else ()
        title = part.title if part is not None else ()
        if not has_title and not label and not notes and not title:
            return
        m.start("preface")
        if preface is not None and has_title:
            m.start("p")
            if preface.number:
                m.leaf("docNumber", clean(preface.number))
            if preface.title:
                if preface.number:
                    self._text(" ")
                self._inlines_in("docTitle", preface.title, "")
            m.end()
        if label or notes or title:
            m.start("p", {"class": "partLabel"})  # not the preface's number and title
            if label:
                m.leaf("docNumber", label)
            self._inlines(notes, "")
            if title:
                if label or notes:
                    self._text(" ")
                self._inlines_in("docTitle", title, "")
            m.end()
        m.end()

    # -- preamble ---------------------------------------------------------------------------------------------
    def _preamble(self, preamble: Preamble, prefix: str) -> None:
        if not preamble.formula and not preamble.children:
            return
        m = self.m
        m.start("preamble")
        base = join(prefix, "preamble")
        if preamble.formula:
            eid = self.eids.child(base, "formula")
            m.start("formula", {"name": "enactingFormula", "eId": eid})
            self._inlines_in("p", preamble.formula, eid)
            m.end()
        for block in preamble.children:
            match block:
                case PreambularParagraph():
                    eid = self.eids.child(base, "container")
                    phrase = clean(block.phrase)
                    attrib = {"name": phrase or "preambular", "eId": eid}
                    if not phrase:  # no phrase: "preambular" names the container, not the phrase
                        attrib[_PHRASE] = ""
                    m.start("container", attrib)
                    self._inlines_in("p", block.content, eid)
                    m.end()
                case Table():
                    self._table(block, base)
                case Para() | RawBlock():
                    self._preamble_container(block, base)
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
                    self._preamble_container(block, base)
                case _:
                    assert_never(block)
        m.end()

    def _preamble_container(self, block: Block, base: str) -> None:
        """A block other than a recital or a table in the preamble: a ``container`` of its lines."""
        eid = self.eids.child(base, "container")
        attrib = {"name": _block_name(block), "eId": eid}
        if isinstance(block, Para):  # its role, as in the body: a recital's phrase may be any word
            attrib["class"] = block.role.value
        _raw_kind(attrib, block)
        self.m.start("container", attrib)
        for line in flatten(block):
            self._inlines_in("p", line, eid)
        self.m.end()

    # -- hierarchy ----------------------------------------------------------------------------------------------
    def _hier(self, block: Block, prefix: str, *, top: bool = False) -> None:
        """``block`` as a hierarchical element of the open element; ``top`` when blocks (tables, p) are allowed
        too."""
        m = self.m
        match block:
            case OperativeParagraph() | Point():
                name = "paragraph" if isinstance(block, OperativeParagraph) else "point"
                eid = self._numbered_eid(prefix, name, block.num, block.line)
                m.start(name, {"eId": eid})
                if block.num:
                    m.leaf("num", self._checked(block.num, block.line, f"the number of a {name}"))
                self._provision(eid, block.content, block.children, block.wrap_up)
                m.end()
            case Section():
                eid = self._numbered_eid(prefix, "section", block.num, block.line)
                m.start("section", {"eId": eid})
                if block.num:
                    m.leaf("num", self._checked(block.num, block.line, "the number of a section"))
                if block.heading:
                    self._inlines_in("heading", block.heading, eid)
                for child in block.children:
                    self._hier(child, eid)
                m.end()
            case Para(role=ParaRole.HEADING):
                eid = self.eids.child(prefix, "hcontainer")
                m.start("hcontainer", {"name": "crossHeading", "eId": eid})
                self._inlines_in("heading", block.content, eid)
                m.end()
            case PreambularParagraph():
                # a recital inside a section (omnibus resolutions): not an operative paragraph
                eid = self.eids.child(prefix, "hcontainer")
                # the phrase as printed: its emphasis may differ (a space, a comma)
                m.start("hcontainer", {"name": "recital", "eId": eid, _PHRASE: clean(block.phrase)})
                self._content(block.content, eid)
                m.end()
            case Para() | RawBlock():
                if m.current == "list":
                    eid = self.eids.child(prefix, "hcontainer")
                    attrib = {"name": _block_name(block), "eId": eid}
                else:
                    # class says what the text is (running text, centred, quoted, raw): an unnumbered operative
                    # paragraph (no class) is written the same way otherwise
                    eid = self.eids.child(prefix, "paragraph")
                    attrib = {"eId": eid, "class": _block_name(block)}
                _raw_kind(attrib, block)
                m.start("hcontainer" if m.current == "list" else "paragraph", attrib)
                self._content(_content_of(block), eid)
                m.end()
            case Table():
                if top:
                    self._table(block, prefix)
                else:
                    eid = self.eids.child(prefix, "hcontainer")
                    m.start("hcontainer", {"name": "table", "eId": eid})
                    m.start("content")
                    self._table(block, eid)
                    m.end()
                    m.end()
            case _:
                assert_never(block)

    def _content(self, inlines: tuple[Inline, ...], eid: str) -> None:
        """``<content><p>…</p></content>``."""
        self.m.start("content")
        self._inlines_in("p", inlines, eid)
        self.m.end()

    def _provision(
        self,
        eid: str,
        content: tuple[Inline, ...],
        children: tuple[Block, ...],
        wrap_up: tuple[Inline, ...],
    ) -> None:
        """The text and sub-items of a paragraph or point: ``content``, or a ``list`` with intro and wrapUp."""
        m = self.m
        if not children:
            m.start("content")
            self._inlines_in("p", content, eid)
            if wrap_up:
                self._inlines_in("p", wrap_up, eid)
            m.end()
            return
        list_id = self.eids.child(eid, "list")
        m.start("list", {"eId": list_id})
        if content:
            m.start("intro", {"eId": self.eids.unique(list_id, "intro")})
            self._inlines_in("p", content, eid)
            m.end()
        for child in children:
            self._hier(child, list_id)
        if wrap_up:
            m.start("wrapUp", {"eId": self.eids.unique(list_id, "wrapUp")})
            self._inlines_in("p", wrap_up, eid)
            m.end()
        m.end()

    def _table(self, table: Table, prefix: str) -> None:
        m = self.m
        eid = self.eids.child(prefix, "table")
        m.start("table", {"eId": eid})
        rows = table.rows or ()
        for row in rows:
            m.start("tr")
            for cell in row.cells:  # a canonical row has a cell (an empty one when the source gave none)
                m.start("th" if cell.header else "td", {"colspan": str(cell.colspan)} if cell.colspan > 1 else None)
                for paragraph in cell.paragraphs or ((),):
                    self._inlines_in("p", paragraph, eid)
                m.end()
            m.end()
        if not rows:
            self.context.report(
                Diagnostic.info(
                    "akn-table-empty",
                    "a table without rows is written as one empty cell (AKN wants one)",
                    line=table.line,
                )
            )
            m.start("tr")
            m.start("td")
            m.empty("p")
            m.end()
            m.end()
        m.end()

    # -- conclusions and annexes ------------------------------------------------------------------------------
    def _conclusions(self, conclusions: Conclusions, prefix: str) -> None:
        if not conclusions.lines:
            return
        m = self.m
        eid = self.eids.reserve(join(prefix, "conclusions"))
        m.start("conclusions", {"eId": eid})
        m.start("p")
        for i, line in enumerate(conclusions.lines):
            if i:
                m.empty("eol")
            self._inlines(line, eid)
        m.end()
        m.end()

    def _attachments(self) -> None:
        if not self.doc.annexes:
            return
        self.m.start("attachments")
        for n, annex in enumerate(self.doc.annexes, 1):
            self._annex(annex, n)
        self.m.end()

    def _annex(self, annex: Annex, n: int) -> None:
        m = self.m
        eid = self.eids.reserve(f"att_{n}")
        m.start("attachment", {"eId": eid})
        m.start("doc", {"name": "annex"})
        m.start("meta")
        self._identification(self.frbr.for_component(f"annex_{n}"), full=False)
        m.end()
        if annex.label or annex.headings:
            m.start("preface")
            if annex.label:
                m.start("p")
                self._inlines_in("docType", annex.label, eid)
                m.end()
            for heading in annex.headings:
                m.start("p")
                self._inlines_in("docTitle", heading, eid)
                m.end()
            m.end()
        m.start("mainBody")
        for block in annex.children:
            self._hier(block, eid, top=True)
        if not annex.children:
            m.empty("p")
        m.end()
        m.end()
        m.end()

    # -- inlines ---------------------------------------------------------------------------------------------
    def _text(self, text: str) -> bool:
        """Write ``text`` at this point. True when characters XML cannot hold had to be left out."""
        if not text:
            return False
        if self.scan_text and not xml_safe(text):
            self.m.text(_NOT_XML.sub("", text))
            return True
        self.m.text(text)
        return False

    def _inlines_in(self, tag: str | None, inlines: tuple[Inline, ...], note_prefix: str) -> None:
        """``inlines`` in a new ``tag`` element (or at this point when ``tag`` is ``None``)."""
        if tag is None:
            self._inlines(inlines, note_prefix)
            return
        if len(inlines) == 1 and type(inlines[0]) is Text:  # most paragraphs: one run of text
            text = inlines[0].text
            if text and (not self.scan_text or xml_safe(text)):
                self.m.leaf(tag, text)
                return
        self.m.start(tag)
        self._inlines(inlines, note_prefix)
        self.m.end()

    def _inlines(self, inlines: tuple[Inline, ...], note_prefix: str) -> None:
        """Write ``inlines`` at this point; footnotes get eIds under ``note_prefix``."""
        m = self.m
        scan = self.scan_text
        for node in inlines:
            node_type = type(node)
            if node_type is Text:  # the common case first, without the match below
                text = node.text  # type: ignore[union-attr]
                if text and (not scan or xml_safe(text)):
                    m.out.append(escape_text(text))  # ``m.text`` without the call
                    continue
            elif node_type is Emphasis or node_type is Strong:  # a phrase: one run of text, as ``m.leaf`` writes it
                children = node.children  # type: ignore[union-attr]
                if len(children) == 1 and type(children[0]) is Text:
                    text = children[0].text
                    if text and (not scan or xml_safe(text)):
                        tag = "i" if node_type is Emphasis else "b"
                        m.out.append(f"<{tag}>{escape_text(text)}</{tag}>{m.tail}")
                        continue
            elif node_type is SymbolRef:  # a reference with nothing to leave out: ``clean`` would keep it as it is
                symbol, text = node.symbol, node.text  # type: ignore[union-attr]
                if xml_safe(symbol + text):  # ``m.leaf`` without the call (a link names no ``#id``)
                    href = escape_attr(undocs_url(symbol.strip()))
                    m.out.append(f'<ref href="{href}">{escape_text(text)}</ref>{m.tail}')
                    continue
            elif node_type is Footnote:
                self._note(node, note_prefix)  # type: ignore[arg-type]
                continue
            match node:
                case Text(text=text):
                    if self._text(text):
                        self._check_text(text, node.line, "text")
                case RawInline(kind=kind, text=text):
                    self._check_text(kind + text, node.line, "raw text")
                    m.leaf("inline", clean(text), {"name": "raw", _KIND: clean(kind)})
                case Emphasis(children=children):
                    self._inlines_in("i", children, note_prefix)
                case Strong(children=children):
                    self._inlines_in("b", children, note_prefix)
                case LineBreak():
                    m.empty("eol")
                case Footnote():
                    self._note(node, note_prefix)
                case NoteRef():
                    self._note_ref(node)
                case SymbolRef(symbol=symbol, text=text):
                    self._check_text(symbol + text, node.line, "a document symbol")
                    m.leaf("ref", clean(text), {"href": undocs_url(clean(symbol.strip()))})
                case DateRef(date=date, text=text, role=role):
                    text = self._checked(text, node.line, "a date")
                    if role is None:
                        m.leaf("date", text, {"date": date.isoformat()})
                    else:
                        m.leaf("docDate", text, {"date": date.isoformat(), "refersTo": f"#{role.value}"})
                case MeetingRef(ordinal=ordinal, text=text):
                    self._check_text(ordinal + text, node.line, "a meeting")
                    m.leaf("inline", clean(text), {"name": "adoptionMeeting", "title": clean(ordinal)})
                case _:
                    assert_never(node)

    def _note(self, note: Footnote, prefix: str) -> None:
        marker = self._checked(note.marker, note.line, "a footnote marker")
        eid = self.eids.child(prefix, "authorialNote")
        attrib = {"marker": marker, "placement": "bottom", "eId": eid}
        _separator(attrib, note.separator)
        self.m.start("authorialNote", attrib)
        self.note_eids.setdefault(note.marker, eid)
        for paragraph in note.paragraphs or ((),):
            self._inlines_in("p", paragraph, eid)
        self.m.end()

    def _note_ref(self, node: NoteRef) -> None:
        """A second reference to a note: a ``noteRef`` naming the first note with its marker. When that note is
        not written yet (annexes may be written before the parts that hold the notes), a placeholder stands for
        it until ``_resolve_note_refs``."""
        attrib = {"marker": self._checked(node.marker, node.line, "a footnote marker")}
        _separator(attrib, node.separator)
        eid = self.note_eids.get(attrib["marker"])
        if eid is not None:
            self.m.empty("noteRef", {**attrib, "href": f"#{eid}"}, refs=False)
        else:
            parent = self.m.parent_start()
            self.note_refs.append((self.m.placeholder(), parent, attrib, node))

    def _resolve_note_refs(self) -> None:
        """Point each noteRef written before its note at the note with its marker. A noteRef naming no note of
        the document (only a hand-built tree has one) is dropped, and reported: the marker is an attribute of the
        reference, not text of the document."""
        dropped: set[int] = set()
        for at, parent, attrib, node in self.note_refs:
            eid = self.note_eids.get(attrib["marker"])
            if eid is None:
                self.context.report(
                    Diagnostic.warning(
                        "akn-noteref-dropped",
                        f"the reference to note {node.marker!r} is left out: the document has no note with that "
                        "marker, and an AKN noteRef must name one",
                        line=node.line,
                    )
                )
                self.m.drop(at, parent, dropped)
            else:
                self.m.fill(at, f"<noteRef{self.m.attrs({**attrib, 'href': f'#{eid}'}, refs=False)}/>")

    def _checked(self, text: str, line: int | None, what: str) -> str:
        """``text`` as the output can hold it: the characters XML 1.0 cannot hold left out, and reported (one
        look at ``text`` when it has none, as most have)."""
        if xml_safe(text):
            return text
        self._check_text(text, line, what)
        return _NOT_XML.sub("", text)

    def _check_text(self, text: str, line: int | None, what: str) -> None:
        """Report characters of ``text`` that XML 1.0 cannot hold (``clean`` leaves them out of the output)."""
        if not xml_safe(text):
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


ROOT_NAMESPACES = {"xmlns": AKN_NS, "xmlns:akn4un": AKN4UN_NS}
_SEPARATOR = "akn4un:separator"
_KIND = "akn4un:kind"
_PHRASE = "akn4un:phrase"


def _raw_kind(attrib: dict[str, str], block: Block) -> None:
    """A raw block's kind (content no node type describes yet), kept as ``akn4un:kind``."""
    if isinstance(block, RawBlock):
        attrib[_KIND] = clean(block.kind)


def _separator(attrib: dict[str, str], separator: str) -> None:
    """What Word raised with the marks before this one (``3,4``: note 4's ``,``), kept as ``akn4un:separator``:
    part of the marks, not text of the paragraph (AKN leaves the marks' presentation to its renderer)."""
    if separator:
        attrib[_SEPARATOR] = clean(separator)


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


_TLC_ORDER = {eid: i for i, eid in enumerate(TLC)}


def _tlc_order(eid: str) -> tuple[int, str]:
    return (_TLC_ORDER.get(eid, len(_TLC_ORDER)), eid)


def _tlc_markup(eid: str) -> str:
    """The TLC entry declaring ``eid`` (an ``#id`` no entry of ``TLC`` names is a concept of its own)."""
    element, href, show = TLC.get(eid, ("TLCConcept", f"/akn/ontology/concept/un/{eid}", eid))
    return f'<{element} eId="{escape_attr(eid)}" href="{escape_attr(href)}" showAs="{escape_attr(show)}"/>'


_TLC_MARKUP = {eid: _tlc_markup(eid) for eid in TLC}  # the same in every document: written once


def _tlc_entry(eid: str) -> str:
    entry = _TLC_MARKUP.get(eid)
    return _tlc_markup(eid) if entry is None else entry
