"""Stage 2: the body, from the formula on: preamble, operative paragraphs and points, sections, parts, annexes,
tables, closing lines, and footnotes attached where their marks stand.

The main story from ``Front.body_start`` is read line by line (one line per Word paragraph; empty lines carry
nothing), in visible steps (``parse_body``):

1. ``regions.classify``: what each line is (formula, numbered paragraph, item, section number, closing line, annex
   label, table, part letter or title, or plain text), decided once;
2. ``footnotes.find_marks`` then ``passes.keep_unplaced_notes``: where the mark of every note stands;
3. the builder (``_Builder``), a small state machine that places every line in the tree, in order: whether text is
   a recital, an operative paragraph, a heading or a wrap-up depends on what came before it. Where an item goes is
   ``lists.place``'s to say (a pure function of the open paragraph and items), and a line's inlines (notes at their
   marks, the opening phrase emphasised) come from ``inlines``, and a table from ``table_blocks.build_table``;
4. the post-passes over the tree built: ``passes.drop_empty_parts``, then ``un.markup.lift_lettered_items``.

What the reader had to guess (an item's level, an unknown opening phrase, a note without a mark) becomes a warning
``Diagnostic`` with the line number. Every language difference comes from the ``LanguageTable``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import assert_never

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.breaks import join_broken_lines
from unconvert.readers.ods.footnotes import Mark, find_marks, parse_notes
from unconvert.readers.ods.front import Front
from unconvert.readers.ods.inlines import formula_inlines, item_on_new_line, with_notes, with_phrase
from unconvert.readers.ods.lists import (
    Provision,
    ambiguous,
    apply,
    continue_with_text,
    place,
    takes_wrap_up,
    wrap_up,
    wrap_up_depth,
)
from unconvert.readers.ods.parts import part_letter
from unconvert.readers.ods.passes import drop_empty_parts, keep_unplaced_notes
from unconvert.readers.ods.regions import (
    Item,
    What,
    body_layout,
    classify,
    ends_as_text,
    first_annex_reference,
    heading_like,
    introduces_draft,
    next_is_numbered,
    next_point,
    numbered_follows,
    numbered_until_next_closing,
    title_like,
)
from unconvert.readers.ods.stories import Stories
from unconvert.readers.ods.table_blocks import TableLine, build_table
from unconvert.tree import (
    Annex,
    Block,
    Conclusions,
    DateRef,
    DateRole,
    DocKind,
    Footnote,
    Inline,
    LineBreak,
    MeetingRef,
    OperativeParagraph,
    Para,
    ParaRole,
    Part,
    Preamble,
    PreambularParagraph,
    Section,
    Text,
)
from unconvert.un.annexes import AnnexLabel
from unconvert.un.closing import meeting_ordinal
from unconvert.un.dates import parse_date
from unconvert.un.formulae import formula_organ
from unconvert.un.languages import LanguageTable
from unconvert.un.markup import lift_lettered_items
from unconvert.un.numbering import Kind, Label
from unconvert.un.phrases import PhraseMatcher, matchers


@dataclass(slots=True)
class Body:
    """What stage 2 found; ``meeting``/``adoption_date`` come from the closing lines when the body has them."""

    parts: tuple[Part, ...]
    annexes: tuple[Annex, ...] = ()
    meeting: str | None = None
    adoption_date: _dt.date | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def parse_body(stories: Stories, front: Front, *, name: str) -> Body:
    """Read the body of the main story from ``front.body_start`` on, with the notes of the footnote story."""
    del name  # errors are stage 1's: from the formula on, every line is placed somewhere
    table = front.table
    notes, diagnostics = parse_notes(stories.footnotes)
    items = join_broken_lines(classify(stories, front))
    segments = [item.text if item.searchable else "" for item in items]
    marks = find_marks(segments, notes, table=table, diagnostics=diagnostics)
    marks += keep_unplaced_notes(segments, notes, marks, diagnostics)
    builder = _Builder(items, marks, table, diagnostics, front.part_label, decision=front.meta.kind is DocKind.DECISION)
    builder.run()
    return Body(
        parts=lift_lettered_items(drop_empty_parts(builder.parts())),
        annexes=builder.annexes(),
        meeting=builder.meeting,
        adoption_date=builder.adoption_date,
        diagnostics=diagnostics,
    )


_RECITAL_ENDS = (",", "，", "،")
_HEADING_ITEM = 100  # an item that heads the text under it is short
_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 \t\u00a0"


# --- building -----------------------------------------------------------------------------------------------


class Mode(Enum):
    PREAMBLE = "preamble"  # after the formula, before the first operative paragraph
    SECTION_START = "section start"  # after a section heading, before its first numbered paragraph
    OPERATIVE = "operative"
    DECISION = "decision"  # no formula: unnumbered paragraphs are the decision's paragraphs
    ANNEX = "annex"


# The modes by module-level names: the walk compares the mode at nearly every line, and Python 3.11 reads an enum's
# member through its class with a hook of ``EnumType`` (its ``__getattr__``) that costs ten times a global's read.
_PREAMBLE, _SECTION_START, _OPERATIVE, _DECISION, _ANNEX = (
    Mode.PREAMBLE,
    Mode.SECTION_START,
    Mode.OPERATIVE,
    Mode.DECISION,
    Mode.ANNEX,
)
_SECTION_KINDS, _PARAGRAPH = (Kind.SECTION, Kind.SUBSECTION), Kind.PARAGRAPH  # the labels the walk asks of each


@dataclass(slots=True, eq=False)
class _Section:
    num: str
    heading: tuple[Inline, ...]
    line: int
    sub: bool
    children: list[Block | _Section | Provision] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(num=self.num, heading=self.heading, children=_freeze(self.children), line=self.line)


def _freeze(blocks: list[Block | _Section | Provision]) -> tuple[Block, ...]:
    return tuple(b.freeze() if isinstance(b, _OPEN) else b for b in blocks)


_OPEN = (_Section, Provision)  # the blocks still open while the walk reads (a tuple: ``A | B`` is built at each call)


@dataclass(slots=True)
class _PartB:
    label: str | None
    line: int
    label_notes: tuple[Footnote, ...] = ()
    title: list[Inline] = field(default_factory=list)
    formula: tuple[Inline, ...] | None = None
    preamble: list[Block] = field(default_factory=list)
    body: list[Block | _Section | Provision] = field(default_factory=list)
    conclusions: list[tuple[Inline, ...]] = field(default_factory=list)
    conclusions_line: int | None = None


@dataclass(slots=True)
class _AnnexB:
    label: tuple[Inline, ...]
    line: int
    headings: list[tuple[Inline, ...]] = field(default_factory=list)
    children: list[Block | _Section | Provision] = field(default_factory=list)


class _Builder:
    def __init__(
        self,
        items: list[Item],
        marks: list[Mark],
        table: LanguageTable,
        diagnostics: list[Diagnostic],
        label: str | None,
        *,
        decision: bool,
    ) -> None:
        self.items = items
        self.table = table
        self.diagnostics = diagnostics
        self.marks: dict[int, list[Mark]] = {}
        for mark in sorted(marks, key=lambda m: (m.segment, m.start)):
            self.marks.setdefault(mark.segment, []).append(mark)
        self.pre_matcher, self.op_matcher = matchers(table)
        self.decision = decision
        self.part_list: list[_PartB] = []
        self.annex_list: list[_AnnexB] = []
        self.meeting: str | None = None
        self.adoption_date: _dt.date | None = None
        self.mode = _DECISION if decision else _PREAMBLE
        self.stack: list[Provision] = []  # open operative paragraph and its open points
        self.sections: list[_Section] = []  # open sections (outer, sub)
        self.part = self._new_part(label, items[0].line.number if items else 0)
        self.seen_numbered = False
        self.closing_as_text = False  # closing lines met inside an annex after the resolution's own
        self.after_closing_read = False  # whether what follows the last closing lines was looked at
        self.await_heading = False
        self.annex_heading_budget = 0
        # A draft the document recommends to another organ (ECOSOC: ``Recommends to the General Assembly the adoption
        # of the following draft resolution:`` / ``The General Assembly,`` / recitals / ``1. …``): the paragraph that
        # introduces it, which holds the draft's formula, recitals and paragraphs, and the draft's last number.
        self.draft: Provision | None = None
        self.draft_last: int | None = None
        self.part_title_next = False  # a part's number laid out as a paragraph: its title, the next line, too
        self.numbered_follows = numbered_follows(items)
        self.row_heads: tuple[str, ...] = ()  # the first cells of the rows of the tables read so far

    # -- helpers ---------------------------------------------------------------------------------------------
    def warn(self, code: str, message: str, line: int | None) -> None:
        self.diagnostics.append(Diagnostic.warning(code, message, line))

    def _new_part(self, label: str | None, line: int) -> _PartB:
        part = _PartB(label=label, line=line)
        self.part_list.append(part)
        return part

    def inlines(self, index: int, start: int = 0, end: int | None = None) -> list[Inline]:
        """The inlines of item ``index``'s text between ``start`` and ``end``, with its notes where their marks
        stand (``inlines.with_notes``)."""
        item = self.items[index]
        return with_notes(item.text, item.line.number, self.marks.get(index, ()), start, end)

    def phrased(
        self, index: int, matcher: PhraseMatcher, kind: str, *, guess: bool = True
    ) -> tuple[str, tuple[Inline, ...]]:
        """The opening phrase of item ``index`` and its content with the phrase emphasised (``inlines.with_phrase``);
        a phrase guessed from the first words is reported."""
        item = self.items[index]
        marks = self.marks.get(index, ())
        read = with_phrase(item.text, item.line.number, marks, matcher, italic=self.table.italic_phrases, guess=guess)
        if read.guessed:
            self.warn(
                f"{kind}-phrase-guessed",
                f"opening phrase not in the language table; taking {read.phrase!r}",
                item.line.number,
            )
        return read.phrase, read.content

    def container(self) -> list[Block | _Section | Provision]:
        if self.sections:
            return self.sections[-1].children
        if self.mode is _ANNEX and self.annex_list:
            return self.annex_list[-1].children
        return self.part.body

    def close_provisions(self) -> None:
        self.stack.clear()

    def end_draft(self) -> None:
        self.draft, self.draft_last = None, None

    def in_draft(self, label: Label) -> bool:
        """Whether numbered paragraph ``label`` belongs to the open draft, not to the paragraphs after it: the
        draft's numbering restarts at 1; the number after the introducing paragraph's, while the draft's own
        numbering does not reach it, is the document's next paragraph."""
        if self.draft is None:
            return False
        number = int(re.sub(r"\D", "", label.num) or 0)
        outer = re.sub(r"\D", "", self.draft.num or "")
        if outer and number == int(outer) + 1 and self.draft_last != int(outer):
            return False
        return number == (self.draft_last or 0) + 1 or self.draft_last is not None

    # -- the walk --------------------------------------------------------------------------------------------
    def run(self) -> None:
        for index, item in enumerate(self.items):
            match item.what:
                case What.LABELLED:  # the lines most of a body is, first
                    self.labelled(index)
                case What.TEXT:
                    self.text(index)
                case What.FORMULA:
                    self.formula(index)
                case What.MEETING:
                    self.meeting_line(index)
                case What.DATE:
                    self.date_line(index)
                case What.ANNEX:
                    self.annex(index)
                case What.LEAD:
                    # only the mark counts: the letter is the part's label (stage 1)
                    self.part.label_notes = tuple(n for n in self.inlines(index) if isinstance(n, Footnote))
                case What.PART:
                    self.close_provisions()
                    self.end_draft()
                    self.sections.clear()
                    self.part = self._new_part(part_letter(item.text), item.line.number)
                    if item.searchable:  # ``B1``: the note whose mark stands on the letter
                        self.part.label_notes = tuple(n for n in self.inlines(index) if isinstance(n, Footnote))
                    self.mode = _DECISION if self.decision else _PREAMBLE
                case What.PART_TITLE:
                    if self.part.title:
                        self.part.title.append(LineBreak(line=item.line.number))
                    self.part.title.extend(self.inlines(index))
                case What.TABLE:
                    self.table_line(index)
                case _:
                    assert_never(item.what)

    def formula(self, index: int) -> None:
        item = self.items[index]
        self.end_draft()
        if self.part.formula is not None or self.part.body:
            self.part = self._new_part(None, item.line.number)
        self.part.formula = formula_inlines(item.text, item.line.number, italic=self.table.italic_phrases)
        self.mode = _PREAMBLE

    def meeting_line(self, index: int) -> None:
        item = self.items[index]
        self.close_provisions()
        self.end_draft()
        self.sections.clear()
        self.closing_as_text = False
        self.after_closing_read = False
        if self.mode is _ANNEX and self.part.conclusions:
            self.warn("closing-in-annex", "a second closing line, inside an annex, kept as text", item.line.number)
            self.annex_list[-1].children.append(Para(content=tuple(self.inlines(index)), line=item.line.number))
            self.closing_as_text = True
            return
        if self.mode is _ANNEX:
            self.warn(
                "closing-after-annex", "the closing lines follow an annex; they close the resolution", item.line.number
            )
        line = item.line.number
        self.part.conclusions.append((MeetingRef(ordinal=meeting_ordinal(item.text), text=item.text, line=line),))
        self.part.conclusions_line = self.part.conclusions_line or line
        self.meeting = self.meeting or item.text

    def date_line(self, index: int) -> None:
        item = self.items[index]
        line = item.line.number
        if self.closing_as_text:
            self.annex_list[-1].children.append(Para(content=tuple(self.inlines(index)), line=line))
            return
        date = parse_date(item.text, self.table)
        if date is None:
            self.warn("closing-date-unreadable", f"cannot read the closing date {item.text!r}", line)
            self.part.conclusions.append((Text(text=item.text, line=line),))
            return
        self.part.conclusions.append((DateRef(date=date, text=item.text, role=DateRole.ADOPTION, line=line),))
        self.adoption_date = self.adoption_date or date

    def annex(self, index: int) -> None:
        item = self.items[index]
        self.close_provisions()
        self.end_draft()
        self.sections.clear()
        line = item.line.number
        read = item.annex or AnnexLabel(item.text)
        annex = _AnnexB(label=(Text(text=read.label, line=line),), line=line)
        if read.heading:
            annex.headings.append((Text(text=read.heading, line=line),))
        self.annex_list.append(annex)
        self.mode = _ANNEX
        self.annex_heading_budget = 2 - len(annex.headings)

    @cached_property
    def first_annex_reference(self) -> int | None:
        """The index of the first line that refers to an annex, or None (``regions.first_annex_reference``)."""
        return first_annex_reference(self.items, self.table.annex_references)

    def unlabelled_annex(self, index: int) -> None:
        """Content after the closing lines with no annex label (A/RES/75/284: the declaration that its only paragraph
        adopts, ``annexed to the present resolution``) is that annex when the resolution refers to an annex
        (``LanguageTable.annex_references``) or numbered paragraphs follow: the resolution has ended. Otherwise
        (A/RES/70/1's list of instruments) it stays with the closing lines (``text()``)."""
        if self.mode is _ANNEX or not self.part.conclusions or self.closing_as_text or self.after_closing_read:
            return
        self.after_closing_read = True  # decided once for what follows these closing lines
        first = self.first_annex_reference
        refers = first is not None and first < index
        if not (refers or numbered_until_next_closing(self.items, index)):
            return
        line = self.items[index].line.number
        self.warn("annex-unlabelled", "content after the closing lines, with no annex label, read as an annex", line)
        self.close_provisions()
        self.sections.clear()
        self.annex_list.append(_AnnexB(label=(), line=line))
        self.mode = _ANNEX
        self.annex_heading_budget = 2

    def table_line(self, index: int) -> None:
        """A table is built at its last line, from its whole run of lines (``table_blocks.build_table``)."""
        self.unlabelled_annex(index)
        self.close_provisions()
        if index + 1 < len(self.items) and self.items[index + 1].what is What.TABLE:
            return
        first = index
        while first > 0 and self.items[first - 1].what is What.TABLE:
            first -= 1
        run = [
            TableLine(self.items[i].text, self.items[i].line.number, self.marks.get(i, ()))
            for i in range(first, index + 1)
        ]
        built = build_table(run, self.table, self.row_heads)
        self.diagnostics.extend(built.diagnostics)
        self.row_heads = built.row_heads
        self.container().append(built.table)

    def labelled(self, index: int) -> None:
        self.unlabelled_annex(index)
        item = self.items[index]
        label = item.label
        assert label is not None
        line = item.line.number
        if label.kind in _SECTION_KINDS:
            if self.part_number_as_paragraph(index, label):
                return
            self.section(index, label)
            return
        if label.kind is _PARAGRAPH:
            if label.num.isdigit():
                self.warn("paragraph-number-bare", f"paragraph number {label.num} without its full stop", line)
            self.close_provisions()
            if self.draft is not None and self.mode is not _ANNEX:
                if self.in_draft(label):
                    self.draft_paragraph(index, label)
                    return
                self.end_draft()
            if self.mode in (_PREAMBLE, _SECTION_START, _DECISION):
                self.mode = _OPERATIVE if not self.decision else _DECISION
            self.seen_numbered = True
            if self.mode is _ANNEX:  # an annex's paragraphs open with ordinary words (``1. Member States have``)
                content: tuple[Inline, ...] = tuple(self.inlines(index))
            else:
                _, content = self.phrased(index, self.op_matcher, "operative")
            provision = Provision(num=label.num, content=content, line=line, point=False)
            self.container().append(provision)
            self.stack = [provision]
            if self.mode is not _ANNEX and introduces_draft(self.items, index, self.table):
                self.draft = provision
            return
        self.point(index, label)

    def draft_paragraph(self, index: int, label: Label) -> None:
        """A numbered paragraph of the open draft: a paragraph inside the paragraph that introduces the draft."""
        assert self.draft is not None
        _, content = self.phrased(index, self.op_matcher, "operative")
        provision = Provision(num=label.num, content=content, line=self.items[index].line.number, point=False)
        self.draft.add(provision)
        self.stack = [self.draft, provision]
        self.draft_last = int(re.sub(r"\D", "", label.num) or 0)

    def draft_text(self, index: int) -> None:
        """An unnumbered line of the open draft: its formula, a recital before its first numbered paragraph, or
        text after a paragraph's items (their wrap-up) or inside a paragraph."""
        assert self.draft is not None
        item = self.items[index]
        line = item.line.number
        if self.draft_last is None:
            if formula_organ(item.text, self.table) is not None:
                self.draft.add(Para(content=tuple(self.inlines(index)), line=line))
            else:
                phrase, content = self.phrased(index, self.pre_matcher, "preambular")
                self.draft.add(PreambularParagraph(phrase=phrase, content=content, line=line))
            return
        inner = self.stack[1:]
        if wrap_up_depth(inner) is not None:  # a list inside one of the draft's paragraphs is done
            self.wrap_up(index)
            return
        target = inner[0] if inner else self.draft
        target.add(Para(content=tuple(self.inlines(index)), role=ParaRole.TEXT, line=line))
        del self.stack[2:]

    def point(self, index: int, label: Label) -> None:
        """An item: where it goes is ``lists.place``'s to say, from the open paragraph and items and the next item's
        number; an item with no paragraph to hang on (an annex list, a decision) gets an unnumbered one."""
        item = self.items[index]
        line = item.line.number
        content = tuple(self.inlines(index))
        provision = Provision(num=label.num, content=content, line=line, point=True)
        provision.heading = len(label.text) < _HEADING_ITEM and heading_like(label.text, first=False)
        if not self.stack and self.mode in (_PREAMBLE, _SECTION_START) and self.extend_preambular(index):
            return
        if not self.stack:
            parent = Provision(num=None, content=(), line=line, point=False)
            self.container().append(parent)
            self.stack = [parent]
            self.warn("point-without-paragraph", f"item {label.num} outside a numbered paragraph", line)
        following = next_point(self.items, index) if ambiguous(label.readings) else None
        placement = place(self.stack, label.readings, following.readings if following is not None else None)
        if placement.out_of_sequence:
            self.warn("point-out-of-sequence", f"item {label.num} does not continue any open list", line)
        if placement.too_deep:
            self.warn("point-nested-too-deep", f"item {label.num} set beside the item above: lists nest too deep", line)
        apply(self.stack, provision, placement)

    def extend_preambular(self, index: int) -> bool:
        """An item after a preambular paragraph (``Recalling … of:`` / ``(a) …``) continues that paragraph, on a
        new line: preambular paragraphs have no items of their own."""
        blocks = self.part.preamble if self.mode is _PREAMBLE and not self.sections else self.container()
        if not blocks or not isinstance(blocks[-1], PreambularParagraph):
            return False
        item = self.items[index]
        label = item.label
        assert label is not None
        line = item.line.number
        last = blocks[-1]
        extra = item_on_new_line(label.num, self.inlines(index), line)
        blocks[-1] = PreambularParagraph(phrase=last.phrase, content=(*last.content, *extra), line=last.line)
        return True

    def part_number_as_paragraph(self, index: int, label: Label) -> bool:
        """A part's number alone on a line laid out as a body paragraph (``⇥I``, one tab), not set as a heading
        (centred, or two tabs): the UN's files mark it, and the title under it, as unnumbered paragraphs, and so do
        we (A/RES/80/110, 80/243, 80/84 in every language: 186 such lines in the corpus, none of them a section,
        while every ``⇥⇥I`` is one). The recitals that may follow stay recitals, in the part."""
        item = self.items[index]
        if self.mode is _ANNEX or self.decision or label.kind is not Kind.SECTION or label.text:
            return False
        if self.part.conclusions:
            return False  # after the closing lines: another part's or an annex's
        if not body_layout(item.line.text):
            return False
        line = item.line.number
        self.close_provisions()
        self.end_draft()
        self.sections.clear()
        self.container().append(OperativeParagraph(num=None, content=(Text(text=label.num, line=line),), line=line))
        self.part_title_next = True
        # what follows is the part's: recitals before its first paragraph stay in it, not in the preamble
        self.mode = _SECTION_START
        self.seen_numbered = False
        return True

    def section(self, index: int, label: Label) -> None:
        item = self.items[index]
        line = item.line.number
        self.close_provisions()
        heading: tuple[Inline, ...] = tuple(self.inlines(index)) if label.text else ()
        section = _Section(num=label.num, heading=heading, line=line, sub=label.kind is Kind.SUBSECTION)
        if section.sub:
            while self.sections and self.sections[-1].sub:
                self.sections.pop()
        else:
            self.sections.clear()
        self.container().append(section)
        self.sections.append(section)
        self.await_heading = not heading
        if self.mode is not _ANNEX and not self.decision:
            self.mode = _SECTION_START
            self.seen_numbered = False

    def text(self, index: int) -> None:
        self.unlabelled_annex(index)
        item = self.items[index]
        line = item.line.number
        if self.await_heading and self.sections:
            self.await_heading = False
            if self.mode is _ANNEX or not body_layout(item.line.text) or not title_like(item.text):
                self.sections[-1].heading = tuple(self.inlines(index))
                return
            # the title under ``⇥⇥I`` laid out as a body paragraph (one tab) is an unnumbered paragraph of the
            # section, as the UN's file marks it (A/RES/77/256 B spa), like the titles under ``⇥I``
            self.container().append(OperativeParagraph(num=None, content=tuple(self.inlines(index)), line=line))
            return
        self.await_heading = False
        if self.part_title_next:
            self.part_title_next = False
            if self.mode is not _ANNEX and title_like(item.text):
                self.container().append(OperativeParagraph(num=None, content=tuple(self.inlines(index)), line=line))
                return
        if self.mode is _ANNEX:
            annex = self.annex_list[-1]
            budget = self.annex_heading_budget
            if budget > 0 and not annex.children and heading_like(item.text, first=not annex.headings):
                annex.headings.append(tuple(self.inlines(index)))
                self.annex_heading_budget = budget - 1
                return
            self.annex_heading_budget = 0
            if takes_wrap_up(self.stack):
                self.wrap_up(index)
                return
            self.close_provisions()
            # the recitals of an annexed instrument (``Reaffirming …,``: a known phrase, a closing comma) keep the
            # phrase in italics, as the UN's files print them; other annex paragraphs open with ordinary words
            if item.text.rstrip().endswith(_RECITAL_ENDS):
                _, content = self.phrased(index, self.pre_matcher, "preambular", guess=False)
            else:
                content = tuple(self.inlines(index))
            self.container().append(Para(content=content, line=line))
            return
        if self.draft is not None:
            self.draft_text(index)
            return
        if self.part.conclusions:
            # text after the closing lines without an annex label (A/RES/70/1's list of instruments): no annex of
            # its own (nothing labels it one); it stays after the closing lines, in order
            self.warn(
                "text-after-closing", "text after the closing lines, without an annex label, kept with them", line
            )
            self.part.conclusions.append(tuple(self.inlines(index)))
            return
        if self.mode is _DECISION:
            # a decision's next paragraph starts a new one, unless it continues the sentence (``and decides …``)
            if takes_wrap_up(self.stack) and item.text[:1].islower():
                self.wrap_up(index)
                return
            self.close_provisions()
            content = tuple(self.inlines(index))
            provision = Provision(num=None, content=content, line=line, point=False)
            self.container().append(provision)
            self.stack = [provision]  # items that follow (``(a) Approved …``) belong to it
            return
        if self.mode in (_PREAMBLE, _SECTION_START):
            if self.heads_operative_part(index):
                # ``Measures`` between the last recital and paragraph 1 (S/RES/2557 (2020)): the operative part's
                # first heading, not a recital
                self.heading_or_paragraph(index)
                return
            if self.preambular_here(index):
                phrase, content = self.phrased(index, self.pre_matcher, "preambular")
                block = PreambularParagraph(phrase=phrase, content=content, line=line)
                if self.mode is _PREAMBLE and not self.sections:
                    self.part.preamble.append(block)
                else:
                    self.container().append(block)
                return
            if self.mode is _PREAMBLE and not self.sections:
                # an unnumbered operative paragraph (``Adopts the Declaration …``); the items after it are its own
                # (A/RES/80/84 A: ``Urges all countries …:`` / ``(a) To cooperate …``)
                _, content = self.phrased(index, self.op_matcher, "operative")
                self.mode = _OPERATIVE
                # its items follow (``Urges all countries …:`` / ``(a) To cooperate …``, A/RES/80/84 A)
                provision = Provision(num=None, content=content, line=line, point=False)
                self.container().append(provision)
                self.stack = [provision]
                if introduces_draft(self.items, index, self.table):
                    self.draft = provision
                return
            content = tuple(self.inlines(index))
            self.container().append(Para(content=content, line=line))
            return
        # operative part: a heading between paragraphs, or continuation text; a heading set as one (two tabs) may end
        # in a colon (``⇥⇥United Nations and International Support:``, S/RES/2729 (2024) en, es, ar, zh)
        if (heading_like(item.text, first=False) or _colon_heading(item) or _long_heading(item)) and next_is_numbered(
            self.items, index
        ):
            self.close_provisions()
            self.heading_or_paragraph(index)
            return
        content = tuple(self.inlines(index))
        if self.stack:
            continue_with_text(self.stack, content, line)
        else:
            self.container().append(Para(content=content, line=line))

    def heading_or_paragraph(self, index: int) -> None:
        """A short unpunctuated line before a numbered paragraph: a heading where it is set as one (centred, or
        with the heading's two tabs), an unnumbered paragraph where it is laid out as a body paragraph (one tab), as
        the UN's files mark it then (S/RES/2557 (2020) zho ``⇥措施``, against ``⇥⇥Measures`` in English)."""
        item = self.items[index]
        content = tuple(self.inlines(index))
        line = item.line.number
        if body_layout(item.line.text):
            self.container().append(OperativeParagraph(num=None, content=content, line=line))
        else:
            self.container().append(Para(content=content, role=ParaRole.HEADING, line=line))

    def heads_operative_part(self, index: int) -> bool:
        """Whether an unnumbered line after the recitals heads the first numbered paragraph: short, unpunctuated
        (a footnote mark after the comma aside), no known opening phrase, right before paragraph 1, with recitals
        before it."""
        text = self.items[index].text
        return (
            not text.rstrip("0123456789*").endswith(_RECITAL_ENDS)  # ``Having also examined …,2``: a recital
            and self.mode is _PREAMBLE
            and not self.sections
            and bool(self.part.preamble)
            and heading_like(text, first=False)
            and next_is_numbered(self.items, index)
            and self.pre_matcher.match(text) is None
            and self.op_matcher.match(text) is None
        )

    def preambular_here(self, index: int) -> bool:
        """Whether an unnumbered line in the preamble (or at a section's start) is a preambular paragraph.

        A line with a preambular phrase is one. A line with only an operative phrase is one among recitals (``Takes
        note …`` in SC 2702), or, where the language's phrases do not tell the parts apart
        (``LanguageTable.phrase_forms_differ``: Chinese opens both parts with the same words, ``又表示严重关切``,
        ``表示注意到``), by its position: it stands before a numbered paragraph of its part or section and ends as a
        recital does, with a comma (A/RES/77/13 zho). Where the forms differ, the operative form wins (``Recalls
        its resolution …,`` before paragraph 1 of section XXIV of A/RES/80/243)."""
        text = self.items[index].text
        if self.pre_matcher.match(text) is not None:
            return True
        if self.op_matcher.match(text) is not None:
            if not self.table.phrase_forms_differ and self.numbered_follows[index] and self.ends_as_recital(index):
                return True
            # ``Takes note …`` among preambular paragraphs (SC 2702): operative only if no preambular one follows
            following = self.items[index + 1] if index + 1 < len(self.items) else None
            return (
                following is not None
                and following.what is What.TEXT
                and self.pre_matcher.match(following.text) is not None
            )
        return self.mode is _PREAMBLE or not self.seen_numbered

    def ends_as_recital(self, index: int) -> bool:
        """Whether item ``index`` ends with a recital's comma, footnote marks and bidirectional controls after it
        left out (``…的报告，1``)."""
        text = self.items[index].text.rstrip()
        for mark in reversed(self.marks.get(index, ())):
            if mark.end >= len(text):
                text = text[: mark.start].rstrip()
        return text.rstrip(_INVISIBLE).endswith(_RECITAL_ENDS)

    def wrap_up(self, index: int) -> None:
        """Text after the last item of a paragraph: the wrap-up of the innermost open provision with items."""
        if wrap_up_depth(self.stack) is not None:
            wrap_up(self.stack, tuple(self.inlines(index)))

    # -- the result ------------------------------------------------------------------------------------------
    def parts(self) -> tuple[Part, ...]:
        """The parts read, as built (``passes`` then drop the empty ones and lift ``a)`` items)."""
        out: list[Part] = []
        for part in self.part_list:
            preamble = None
            if part.formula is not None or part.preamble:
                preamble = Preamble(formula=part.formula or (), children=tuple(part.preamble), line=part.line)
            conclusions = (
                Conclusions(lines=tuple(part.conclusions), line=part.conclusions_line) if part.conclusions else None
            )
            out.append(
                Part(
                    label=part.label,
                    label_notes=part.label_notes,
                    title=tuple(part.title),
                    preamble=preamble,
                    body=_freeze(part.body),
                    conclusions=conclusions,
                    line=part.line,
                )
            )
        return tuple(out)

    def annexes(self) -> tuple[Annex, ...]:
        """The annexes read."""
        return tuple(
            Annex(label=annex.label, headings=tuple(annex.headings), children=_freeze(annex.children), line=annex.line)
            for annex in self.annex_list
        )


def _colon_heading(item: Item) -> bool:
    """A short line laid out as a heading (two tabs) that ends in a colon."""
    text = item.text.rstrip()
    return item.line.text.startswith("\t\t") and len(text) < _COLON_HEADING and text.endswith((":", "："))


_COLON_HEADING = 80


def _long_heading(item: Item) -> bool:
    """A line longer than ``heading_like`` allows that is still a title: under 400 characters, not ending as a
    sentence, a recital or an item does, its footnote marks aside. The headings of A/RES/80/84 B before paragraphs
    90 and 108 (``Role of the Department of Global Communications in …``) run to 136-301 characters in the six
    languages, some set as headings (two tabs), some as body paragraphs (one tab); each is the heading its
    shorter versions are, not the end of the paragraph above."""
    text = item.text.rstrip().rstrip(_MARKS).rstrip()
    return len(text) < _LONGEST_HEADING and not ends_as_text(text)


_LONGEST_HEADING = 400  # as ``regions.title_like``: a part's title under its number may be this long
_MARKS = "0123456789*"
