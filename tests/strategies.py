"""Document trees for tests: hand-built examples of each UN document shape, and Hypothesis strategies that
generate valid random ``Document`` trees.

    from strategies import documents, seed_document
    @given(documents())
    def test_something(doc): ...

``seed_document()`` is A/RES/64/183 (``examples/A_RES_64_183.txt``) built by hand, the way a correct reader
must build it; ``sc_document()``, ``decision_document()``, ``multipart_document()`` and
``annex_table_document()`` cover the other shapes of ``docs/AKN4UN.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from unconvert.tree import (
    AgendaItem,
    Annex,
    Block,
    Cell,
    Conclusions,
    CoverLine,
    CoverRole,
    DateRef,
    DateRole,
    DocKind,
    Document,
    Emphasis,
    Footnote,
    Inline,
    Language,
    LineBreak,
    Masthead,
    MeetingRef,
    Meta,
    NoteRef,
    OdsFields,
    OperativeParagraph,
    Organ,
    Para,
    ParaRole,
    Part,
    Point,
    Preamble,
    PreambularParagraph,
    Preface,
    RawBlock,
    RawInline,
    Row,
    Section,
    Session,
    Strong,
    SymbolRef,
    Table,
    Text,
    find_all,
    plain_text,
)
from unconvert.writers.akn.build import clean

SEED = Path(__file__).resolve().parent.parent / "examples" / "A_RES_64_183.txt"

# ---------------------------------------------------------------------------------------------------------------
# Hand-built documents


def _t(text: str) -> Text:
    return Text(text=text)


def _phrased(phrase: str, rest: str) -> tuple[Inline, ...]:
    return (Emphasis(children=(_t(phrase),)), _t(rest))


def _seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def seed_document() -> Document:
    """A/RES/64/183 as the ODS reader should give it: masthead, adoption and proponent lines, preface,
    seven preambular paragraphs (one with footnote 1), five operative paragraphs, closing lines."""
    lines = _seed_lines()
    phrases = [
        "Recalling",
        "Recalling also",
        "Recalling further",
        "Taking into consideration",
        "Noting with satisfaction",
        "Noting",
        "Convinced",
    ]
    preambular: list[Block] = []
    for number, phrase in enumerate(phrases):
        text = lines[7 + number].strip()
        assert text.startswith(phrase), (phrase, text)
        rest = text[len(phrase) :]
        if rest.endswith("Charter,1"):
            note = Footnote(
                marker="1", paragraphs=((_t("See "), _sym("A/55/1010-S/2001/667"), _t(", annex I, para. 5.")),)
            )
            content = (*_phrased(phrase, rest[:-1]), note)
        else:
            content = _phrased(phrase, rest)
        preambular.append(PreambularParagraph(phrase=phrase, content=content))
    operative: list[Block] = []
    verbs = ["Takes note", "Emphasizes", "Proposes", "Requests", "Decides"]
    for number, verb in enumerate(verbs, 1):
        num, text = lines[13 + number].strip().split("\t", 1)
        assert num == f"{number}." and text.startswith(verb), (num, text)
        operative.append(OperativeParagraph(num=num, content=_phrased(verb, text[len(verb) :])))
    adoption = dt.date(2009, 12, 18)
    meta = Meta(
        kind=DocKind.RESOLUTION,
        organ=Organ.GA,
        language=Language.EN,
        symbol="A/RES/64/183",
        number="64/183",
        title="Cooperation between the United Nations and the Shanghai Cooperation Organization",
        job_number="09-47281",
        issue_date=dt.date(2010, 2, 23),
        adoption_date=adoption,
        session=Session(number=64, text="Sixty-fourth session"),
        agenda_items=(AgendaItem(number="124", text="Agenda item 124"),),
        distribution="Distr.: General",
        meeting="65th plenary meeting",
        ods=OdsFields(job="N0947281E", symbol1="A/RES/64/183", symbol2=""),
    )
    return Document(
        meta=meta,
        masthead=Masthead(
            authority="United Nations",
            symbol="A/RES/64/183",
            organ="General Assembly",
            distribution="Distr.: General",
            date="23 February 2010",
            session="Sixty-fourth session",
            agenda=("Agenda item 124",),
        ),
        cover=(
            CoverLine(
                role=CoverRole.ADOPTION,
                content=(
                    _t("Resolution adopted by the General Assembly on "),
                    DateRef(date=adoption, text="18 December 2009", role=DateRole.ADOPTION),
                ),
            ),
            CoverLine(
                role=CoverRole.PROPONENT,
                content=(_t("[without reference to a Main Committee ("), _sym("A/64/L.34"), _t(" and Add.1)]")),
            ),
        ),
        preface=Preface(number="64/183.", title=(_t(meta.title),)),
        parts=(
            Part(
                preamble=Preamble(
                    formula=(Emphasis(children=(_t("The General Assembly"),)), _t(",")),
                    children=tuple(preambular),
                ),
                body=tuple(operative),
                conclusions=Conclusions(
                    lines=(
                        (MeetingRef(ordinal="65th", text="65th plenary meeting"),),
                        (DateRef(date=adoption, text="18 December 2009", role=DateRole.ADOPTION),),
                    )
                ),
            ),
        ),
    )


def _sym(symbol: str) -> SymbolRef:
    return SymbolRef(symbol=symbol, text=symbol)


def sc_document() -> Document:
    """S/RES/2672 (2023): no preface, title lines in the cover, formula "The Security Council,"."""
    adoption = dt.date(2023, 1, 9)
    meta = Meta(
        kind=DocKind.RESOLUTION,
        organ=Organ.SC,
        language=Language.EN,
        symbol="S/RES/2672 (2023)",
        number="2672 (2023)",
        job_number="23-00468",
        issue_date=adoption,
        adoption_date=adoption,
        ods=OdsFields(job="N2300468E", symbol1="S/RES/2672 (2023)"),
    )
    return Document(
        meta=meta,
        masthead=Masthead(
            authority="United Nations",
            symbol="S/RES/2672 (2023)",
            organ="Security Council",
            distribution="Distr.: General",
            date="9 January 2023",
        ),
        cover=(
            CoverLine(role=CoverRole.TITLE, content=(_t("Resolution 2672 (2023)"),)),
            CoverLine(
                role=CoverRole.ADOPTED_AT,
                content=(
                    _t("Adopted by the Security Council at its "),
                    MeetingRef(ordinal="9237th", text="9237th meeting"),
                    _t(", on "),
                    DateRef(date=adoption, text="9 January 2023", role=DateRole.ADOPTION),
                ),
            ),
        ),
        parts=(
            Part(
                preamble=Preamble(
                    formula=(Emphasis(children=(_t("The Security Council"),)), _t(",")),
                    children=(
                        PreambularParagraph(
                            phrase="Recalling",
                            content=(*_phrased("Recalling", " its resolution "), _sym("S/RES/2585 (2021)"), _t(",")),
                        ),
                    ),
                ),
                body=(
                    OperativeParagraph(num="1.", content=_phrased("Decides", " to extend the mandate;")),
                    OperativeParagraph(num="2.", content=_phrased("Decides", " to remain seized of the matter.")),
                ),
            ),
        ),
    )


def decision_document() -> Document:
    """A/DEC/77/405: a decision, unnumbered paragraphs, a footnote in the body."""
    adoption = dt.date(2022, 11, 15)
    meta = Meta(
        kind=DocKind.DECISION,
        organ=Organ.GA,
        language=Language.EN,
        symbol="A/DEC/77/405",
        number="77/405",
        title="Election of members of the Committee for Programme and Coordination",
        issue_date=dt.date(2023, 1, 23),
        adoption_date=adoption,
        session=Session(number=77, text="Seventy-seventh session"),
        agenda_items=(AgendaItem(number="117 (a)", text="Agenda item 117 (a)"),),
    )
    return Document(
        meta=meta,
        masthead=Masthead(authority="United Nations", symbol="A/DEC/77/405", organ="General Assembly"),
        cover=(
            CoverLine(role=CoverRole.DOC_TYPE, content=(_t("Decision"),)),
            CoverLine(role=CoverRole.PROPONENT, content=(_t("Plenary"),)),
            CoverLine(role=CoverRole.OTHER, content=(_t("Elections and appointments"),)),
        ),
        preface=Preface(number="77/405.", title=(_t(meta.title),)),
        parts=(
            Part(
                body=(
                    Para(
                        content=(
                            _t("At its 34th plenary meeting, on 15 November 2022, the General Assembly, on the basis"),
                            _t(" of nominations by the Economic and Social Council"),
                            Footnote(marker="1", paragraphs=((_t("See "), _sym("A/77/540"), _t(".")),)),
                            _t(" elected Argentina, China, Liberia and Morocco."),
                        )
                    ),
                    Para(content=(_t("As a result, the Committee is composed of 34 Member States."),)),
                    Para(content=(_t("* * *"),), role=ParaRole.CENTERED),
                )
            ),
        ),
    )


def multipart_document() -> Document:
    """A/RES/72/263 A-B style: two parts, each with its own preamble, body and closing lines."""
    adoption = dt.date(2017, 12, 24)

    def part(label: str, verb: str) -> Part:
        return Part(
            label=label,
            title=(_t(f"Part {label} of the common system"),),
            preamble=Preamble(
                formula=(Emphasis(children=(_t("The General Assembly"),)), _t(",")),
                children=(PreambularParagraph(phrase="Recalling", content=_phrased("Recalling", " its resolutions,")),),
            ),
            body=(
                OperativeParagraph(num="1.", content=_phrased(verb, " the report;")),
                OperativeParagraph(num="2.", content=_phrased("Requests", " a further report.")),
            ),
            conclusions=Conclusions(
                lines=(
                    (MeetingRef(ordinal="76th", text="76th plenary meeting"),),
                    (DateRef(date=adoption, text="24 December 2017", role=DateRole.ADOPTION),),
                )
            ),
        )

    meta = Meta(
        kind=DocKind.RESOLUTION,
        organ=Organ.GA,
        language=Language.FR,
        symbol="A/RES/72/263",
        number="72/263",
        title="Questions relatives au projet de budget-programme",
        issue_date=dt.date(2018, 1, 10),
        adoption_date=adoption,
    )
    return Document(
        meta=meta,
        masthead=Masthead(symbol="A/RES/72/263", organ="Assemblée générale"),
        preface=Preface(number="72/263.", title=(_t(meta.title),)),
        parts=(part("A", "Prend note"), part("B", "Approuve")),
    )


def annex_table_document() -> Document:
    """An ECOSOC resolution with sections, nested points, a wrap-up, a table and an annex with a table."""
    adoption = dt.date(2024, 7, 24)
    table = Table(
        rows=(
            Row(
                cells=(
                    Cell(paragraphs=((_t("Section"),),), header=True),
                    Cell(paragraphs=((_t("Amount"),),), header=True),
                )
            ),
            Row(cells=(Cell(paragraphs=((_t("1. Overall policy-making"),),)), Cell(paragraphs=((_t("123,456"),),)))),
            Row(cells=(Cell(paragraphs=((_t("Total"),),), colspan=2),)),
        )
    )
    points = (
        Point(num="(a)", content=(_t("The global threat;"),)),
        Point(
            num="(b)",
            content=(_t("Discussions:"),),
            children=(
                Point(num="(i)", content=(_t("one;"),)),
                Point(num="(ii)", content=(_t("two"), Footnote(marker="2", paragraphs=((_t("A note."),),)), _t(";"))),
            ),
        ),
    )
    meta = Meta(
        kind=DocKind.RESOLUTION,
        organ=Organ.ECOSOC,
        language=Language.EN,
        symbol="E/RES/2024/10",
        number="2024/10",
        title="Programme of work",
        job_number="24-13579",
        issue_date=dt.date(2024, 8, 1),
        adoption_date=adoption,
        session=Session(number=2024, text="2024 session"),
    )
    return Document(
        meta=meta,
        masthead=Masthead(authority="United Nations", symbol="E/RES/2024/10", organ="Economic and Social Council"),
        cover=(
            CoverLine(
                role=CoverRole.ADOPTION,
                content=(
                    _t("Resolution adopted by the Economic and Social Council on "),
                    DateRef(date=adoption, text="24 July 2024", role=DateRole.ADOPTION),
                ),
            ),
            CoverLine(role=CoverRole.OTHER, content=(_t("[Adopted without a vote]"),)),
        ),
        preface=Preface(number="2024/10.", title=(_t("Programme"), LineBreak(), _t("of work"))),
        parts=(
            Part(
                preamble=Preamble(
                    formula=(Emphasis(children=(_t("The Economic and Social Council"),)), _t(",")),
                    children=(
                        PreambularParagraph(phrase="Noting", content=_phrased("Noting", " the report,")),
                        Para(content=(_t("Unclassified preambular text,"),)),
                    ),
                ),
                body=(
                    Section(
                        num="I",
                        heading=(_t("Oceans"),),
                        children=(
                            OperativeParagraph(num="1.", content=_phrased("Decides", " to act;")),
                            OperativeParagraph(
                                num="2.",
                                content=(Strong(children=(_t("Declares"),)), _t(":")),
                                children=points,
                                wrap_up=(_t("and so on."),),
                            ),
                        ),
                    ),
                    Section(
                        num="II",
                        heading=(_t("Budget"),),
                        children=(
                            OperativeParagraph(
                                num="3.",
                                content=(_t("Approves the following:"),),
                                children=(table, Para(content=(_t("quoted text"),), role=ParaRole.QUOTE)),
                            ),
                            Para(content=(_t("A heading inside a section"),), role=ParaRole.HEADING),
                            RawBlock(kind="unknown", text="raw text"),
                        ),
                    ),
                    table,
                ),
                conclusions=Conclusions(
                    lines=(
                        (MeetingRef(ordinal="38th", text="38th plenary meeting"),),
                        (DateRef(date=adoption, text="24 July 2024", role=DateRole.ADOPTION),),
                    )
                ),
            ),
        ),
        annexes=(
            Annex(
                label=(_t("Annex"),),
                headings=((_t("Title of annex"),),),
                children=(OperativeParagraph(num="1.", content=(_t("annex text"),)), table),
            ),
            Annex(label=(), headings=(), children=()),
        ),
    )


# ---------------------------------------------------------------------------------------------------------------
# The words of a tree


def _words(text: str) -> list[str]:
    return clean(text).split()


def _inline_words(inlines: tuple[Inline, ...]) -> Iterator[str]:
    """Words in the order the AKN holds them: a footnote's text where its mark stands."""
    for node in inlines:
        match node:
            case Footnote(paragraphs=paragraphs):
                yield " "
                for paragraph in paragraphs:
                    yield from _inline_words(paragraph)
                    yield " "
            case Emphasis(children=children) | Strong(children=children):
                yield from _inline_words(children)
            case LineBreak():
                yield " "
            case _:
                yield plain_text((node,))


def _line(inlines: tuple[Inline, ...]) -> list[str]:
    return _words("".join(_inline_words(inlines)))


def _block_words(block: Block) -> Iterator[list[str]]:
    match block:
        case Para(content=content) | PreambularParagraph(content=content):
            yield _line(content)
        case RawBlock(text=text):
            yield _words(text)
        case (
            OperativeParagraph(num=num, content=content, children=children, wrap_up=wrap_up)
            | Point(num=num, content=content, children=children, wrap_up=wrap_up)
        ):
            yield _words(num or "")
            yield _line(content)
            for child in children:
                yield from _block_words(child)
            yield _line(wrap_up)
        case Section(num=num, heading=heading, children=children):
            yield _words(num)
            yield _line(heading)
            for child in children:
                yield from _block_words(child)
        case Table(rows=rows):
            for row in rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        yield _line(paragraph)


def tree_words(doc: Document) -> list[str]:
    """Every word of the tree's text (masthead to annexes, notes at their marks), in the order the AKN holds it
    (a collection's annexes come before its parts), with the characters XML cannot hold dropped."""
    chunks: list[list[str]] = [
        _words(getattr(doc.masthead, f)) for f in ("authority", "symbol", "organ", "distribution", "date", "session")
    ]
    chunks += [_words(a) for a in doc.masthead.agenda]
    chunks += [_line(line.content) for line in doc.cover]
    if doc.preface is not None:
        chunks += [_words(doc.preface.number), _line(doc.preface.title)]
    if len(doc.parts) == 1:
        chunks.append(_words(doc.parts[0].label or "") + _line(doc.parts[0].label_notes) + _line(doc.parts[0].title))

    def annexes() -> None:
        for annex in doc.annexes:
            chunks.append(_line(annex.label))
            chunks.extend(_line(h) for h in annex.headings)
            for block in annex.children:
                chunks.extend(_block_words(block))

    if len(doc.parts) > 1:
        annexes()
    for part in doc.parts:
        if len(doc.parts) > 1:
            chunks.append(_words(part.label or "") + _line(part.label_notes) + _line(part.title))
        if part.preamble is not None:
            chunks.append(_line(part.preamble.formula))
            for block in part.preamble.children:
                chunks.extend(_block_words(block))
        for block in part.body:
            chunks.extend(_block_words(block))
        if part.conclusions is not None:
            for line in part.conclusions.lines:
                chunks.append(_line(line))
    if len(doc.parts) <= 1:
        annexes()
    return [word for chunk in chunks for word in chunk]


EXAMPLES = {
    "seed": seed_document,
    "sc": sc_document,
    "decision": decision_document,
    "multipart": multipart_document,
    "annex_table": annex_table_document,
}

# ---------------------------------------------------------------------------------------------------------------
# Hypothesis strategies

words = st.text(min_size=0, max_size=24)
short = st.text(min_size=0, max_size=8)
dates = st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2100, 12, 31))
numbers = st.one_of(
    st.integers(1, 200).map(lambda n: f"{n}."),
    st.sampled_from("abcdefghz").map(lambda c: f"({c})"),
    st.sampled_from(["(i)", "(ii)", "(iv)", "(aa)", "1 -", "IV.", "(أ)", "一、", ""]),
    short,
)


def _leaf_inlines() -> st.SearchStrategy[Inline]:
    return st.one_of(
        words.map(lambda t: Text(text=t)),
        st.builds(LineBreak),
        st.builds(SymbolRef, symbol=short, text=short),
        st.builds(DateRef, date=dates, text=short, role=st.none() | st.sampled_from(DateRole)),
        st.builds(MeetingRef, ordinal=short, text=short),
        st.builds(RawInline, kind=short, text=words),
    )


separators = st.sampled_from(["", "", ",", "\u2013"]) | short


def footnotes() -> st.SearchStrategy[Footnote]:
    return st.builds(
        Footnote,
        marker=short,
        paragraphs=st.lists(inlines(3, notes=False), max_size=2).map(tuple),
        separator=separators,
    )


def inlines(max_leaves: int = 6, notes: bool = True) -> st.SearchStrategy[tuple[Inline, ...]]:
    """A paragraph's runs: text, emphasis, strong, breaks, references, and (if ``notes``) footnotes."""
    leaf = _leaf_inlines()
    if notes:
        leaf = st.one_of(leaf, footnotes(), st.builds(NoteRef, marker=short, separator=separators))
    tree = st.recursive(
        leaf,
        lambda children: st.one_of(
            st.lists(children, max_size=3).map(lambda c: Emphasis(children=tuple(c))),
            st.lists(children, max_size=3).map(lambda c: Strong(children=tuple(c))),
        ),
        max_leaves=3,
    )
    return st.lists(tree, max_size=max_leaves).map(tuple)


def tables() -> st.SearchStrategy[Table]:
    cell = st.builds(
        Cell,
        paragraphs=st.lists(inlines(3), max_size=2).map(tuple),
        header=st.booleans(),
        colspan=st.integers(1, 3),
    )
    row = st.builds(Row, cells=st.lists(cell, max_size=4).map(tuple))
    return st.builds(Table, rows=st.lists(row, max_size=4).map(tuple))


def blocks(depth: int = 2) -> st.SearchStrategy[Block]:
    """Any block, nested up to ``depth`` levels."""
    leaves: list[st.SearchStrategy[Block]] = [
        st.builds(Para, content=inlines(), role=st.sampled_from(ParaRole)),
        st.builds(PreambularParagraph, phrase=short, content=inlines()),
        st.builds(RawBlock, kind=short, text=words),
        tables(),
    ]
    simple = [
        st.builds(OperativeParagraph, num=st.none() | numbers, content=inlines()),
        st.builds(Point, num=numbers, content=inlines()),
    ]
    if depth <= 0:
        return st.one_of(*leaves, *simple)
    children = st.lists(blocks(depth - 1), max_size=3).map(tuple)
    return st.one_of(
        *leaves,
        st.builds(
            OperativeParagraph, num=st.none() | numbers, content=inlines(), children=children, wrap_up=inlines(3)
        ),
        st.builds(Point, num=numbers, content=inlines(), children=children, wrap_up=inlines(3)),
        st.builds(Section, num=numbers, heading=inlines(3), children=children),
    )


def metas() -> st.SearchStrategy[Meta]:
    return st.builds(
        Meta,
        kind=st.sampled_from(DocKind),
        organ=st.sampled_from(Organ),
        language=st.sampled_from(Language),
        symbol=words,
        number=words,
        title=words,
        symbol2=short,
        job_number=st.none() | short,
        issue_date=st.none() | dates,
        adoption_date=st.none() | dates,
        session=st.none() | st.builds(Session, number=st.integers(1, 2100), text=short),
        agenda_items=st.lists(st.builds(AgendaItem, number=short, text=words), max_size=3).map(tuple),
        distribution=st.none() | short,
        meeting=st.none() | short,
        ods=st.builds(OdsFields, job=short, symbol1=short, symbol2=short, ref_job=st.booleans()),
    )


def parts() -> st.SearchStrategy[Part]:
    return st.builds(
        Part,
        label=st.none() | st.sampled_from(["A", "B", "C", ""]) | short,
        label_notes=st.lists(footnotes(), max_size=2).map(tuple),
        title=inlines(2),
        preamble=st.none()
        | st.builds(Preamble, formula=inlines(3), children=st.lists(blocks(1), max_size=4).map(tuple)),
        body=st.lists(blocks(), max_size=5).map(tuple),
        conclusions=st.none() | st.builds(Conclusions, lines=st.lists(inlines(3), max_size=3).map(tuple)),
    )


def documents() -> st.SearchStrategy[Document]:
    """Random but well-typed documents: every field of every node may appear, empty or odd."""
    return st.builds(
        Document,
        meta=metas(),
        masthead=st.builds(
            Masthead,
            authority=short,
            symbol=short,
            organ=short,
            distribution=short,
            date=short,
            session=short,
            agenda=st.lists(words, max_size=2).map(tuple),
        ),
        cover=st.lists(st.builds(CoverLine, role=st.sampled_from(CoverRole), content=inlines(4)), max_size=4).map(
            tuple
        ),
        preface=st.none() | st.builds(Preface, number=short, title=inlines(3)),
        parts=st.lists(parts(), min_size=1, max_size=3).map(tuple),
        annexes=st.lists(
            st.builds(
                Annex,
                label=inlines(2),
                headings=st.lists(inlines(2), max_size=2).map(tuple),
                children=st.lists(blocks(1), max_size=3).map(tuple),
            ),
            max_size=2,
        ).map(tuple),
    )


def _real(document: Document) -> Document:
    """``document`` without what no real document holds, whatever reads it:

    - a ``NoteRef`` naming no note of the document: it is a second reference to a note, and readers make one only
      from a note they have (Word's NOTEREF field points at the note's bookmark);
    - a numbered provision (``OperativeParagraph``, ``Point``, ``Section``) among a preamble's recitals: a
      numbered paragraph ends the preamble in every reader (the ODS reader folds an item after a recital into the
      recital's text), and AKN's preamble cannot hold one (the AKN writer flattens it, with a warning).
    """
    markers = {note.marker for note in find_all(document, Footnote)}

    def inlines_of(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, NoteRef) and node.marker not in markers:
                continue
            if isinstance(node, Emphasis | Strong):
                node = replace(node, children=inlines_of(node.children))
            elif isinstance(node, Footnote):
                node = replace(node, paragraphs=tuple(inlines_of(p) for p in node.paragraphs))
            out.append(node)
        return tuple(out)

    def fix(node: Any) -> Any:
        if isinstance(node, tuple):
            if node and all(isinstance(n, Inline.__args__) for n in node):  # type: ignore[attr-defined]
                return inlines_of(node)
            return tuple(fix(n) for n in node)
        if isinstance(node, Preamble):
            kept = tuple(b for b in node.children if not isinstance(b, OperativeParagraph | Point | Section))
            return replace(node, formula=fix(node.formula), children=fix(kept))
        if is_dataclass(node) and not isinstance(node, type) and not isinstance(node, Inline.__args__):  # type: ignore[attr-defined]
            return replace(node, **{f.name: fix(getattr(node, f.name)) for f in fields(node) if f.init})
        return node

    return fix(document)  # type: ignore[no-any-return]


def real_documents() -> st.SearchStrategy[Document]:
    """``documents()`` as a real document can be (``_real`` says what that leaves out, and why)."""
    return documents().map(_real)
