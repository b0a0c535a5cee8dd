"""The body of a Word file, from the formula on: preamble, operative paragraphs and their points, sections,
headings, tables, closing lines, annexes, and the parts of a multi-part resolution.

Word gives what the dump loses: where each paragraph ends, its style, its italics, real tables and footnotes at
their references. What a paragraph is still comes from its text, as the UN types it: the number and tab of an
operative paragraph (``1.⇥``) or a point (``(a)⇥``), a section's roman number (``I``, ``II.⇥Title``) or letter
(``A.⇥Title``), all read by ``un.numbering``; the formula (``un.formulae``); the meeting line (``un.closing``); an
annex label (``un.annexes``). A preambular paragraph's opening phrase is the italic run that opens it (the UN sets
it in italics), else the language's listed phrase or its grammar's guess. The UN's heading styles (``H1``,
``H23``, ``HCh``, ``Heading 1`` …) and centred lines make headings; a heading's lines are headings of their own.

An unnumbered paragraph with an operative phrase that ends with a colon (ECOSOC's ``Recommends to the General
Assembly the adoption of the following draft resolution:``) holds what follows up to the closing lines: the draft's
formula, recitals and paragraphs are its children, as the ODS reader builds them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from unconvert.diagnostics import Diagnostic
from unconvert.readers.docx.paragraphs import WPara, inlines, trimmed
from unconvert.tree import (
    Annex,
    Block,
    Conclusions,
    DateRef,
    DateRole,
    Footnote,
    Inline,
    LineBreak,
    MeetingRef,
    OperativeParagraph,
    Para,
    ParaRole,
    Part,
    Point,
    Preamble,
    PreambularParagraph,
    Section,
    Table,
    Text,
    plain_text,
)
from unconvert.un.annexes import read_annex_label
from unconvert.un.closing import is_meeting_line, meeting_ordinal
from unconvert.un.dates import parse_date
from unconvert.un.formulae import formula_organ, is_formula
from unconvert.un.languages import LanguageTable
from unconvert.un.markup import lift_lettered_items
from unconvert.un.numbering import Kind, Label, Style, read_label
from unconvert.un.phrases import matchers
from unconvert.un.words import plain

Item = WPara | Table

_HEADING_STYLES = frozenset(
    {"H1", "H23", "H4", "H56", "HCh", "HM", "TitleH1", "TitleH2", "TitleHCH", "AgendaTitleH2", "Title", "Subtitle"}
)
_PUNCTUATION = " ,;:\u00a0\t"
_NUMBERED_HEADING = re.compile(r"^\w+[ \u00a0]+(?:[IVXLC]+|\d+)\b")  # ``Article I``, ``Rule 1``: not an annex title
_LONGEST_HEADING = 200
_LONGEST_PART_TITLE = 3  # lines
_SENTENCE_ENDS = (",", ";", ":", ".", "，", "；", "：", "。", "،", "؛")  # a meeting line ends no sentence
_PRINTED_SPACES = re.compile(r"[ \t\n]+")  # layout; a no-break space is printed text (``52e\u00a0séance``)


def heading_styles(names: dict[str, str], outlined: frozenset[str]) -> frozenset[str]:
    """The ids of the heading styles: the UN's, Word's ``heading N``, and any with an outline level."""
    named = {sid for sid, name in names.items() if name.lower().startswith("heading")}
    return frozenset(_HEADING_STYLES | named | outlined)


@dataclass(slots=True)
class _Node:
    """An operative paragraph or a point being built; ``style`` and ``ordinal`` say how its number counts."""

    num: str | None
    content: tuple[Inline, ...]
    line: int
    point: bool
    style: Style | None = None
    ordinal: int = 0
    children: list[Block | _Node | _Section] = field(default_factory=list)

    def build(self) -> OperativeParagraph | Point:
        children = _built(self.children)
        if self.point:
            return Point(num=self.num or "", content=self.content, children=children, line=self.line)
        return OperativeParagraph(num=self.num, content=self.content, children=children, line=self.line)


@dataclass(slots=True)
class _Section:
    """A section being built: ``level`` 1 for a roman number, 2 for a letter; ``numbered`` once a numbered
    paragraph stands in it (text before that is its recitals)."""

    num: str
    heading: tuple[Inline, ...]
    line: int
    level: int
    awaiting_heading: bool = False
    numbered: bool = False
    children: list[Block | _Node | _Section] = field(default_factory=list)

    def build(self) -> Section:
        return Section(num=self.num, heading=self.heading, children=_built(self.children), line=self.line)


def _built(children: list[Block | _Node | _Section]) -> tuple[Block, ...]:
    return tuple(c.build() if isinstance(c, _Node | _Section) else c for c in children)


@dataclass(slots=True)
class _Part:
    label: str | None = None
    label_notes: tuple[Footnote, ...] = ()
    formula: tuple[Inline, ...] | None = None
    formula_line: int | None = None
    preamble: list[Block] = field(default_factory=list)
    body: list[Block | _Node | _Section] = field(default_factory=list)
    closing: list[tuple[Inline, ...]] = field(default_factory=list)
    closing_line: int | None = None
    title: list[tuple[Inline, ...]] = field(default_factory=list)  # the part's own title under its letter

    def build(self) -> Part:
        preamble = None
        if self.formula is not None:
            preamble = Preamble(formula=self.formula, children=tuple(self.preamble), line=self.formula_line)
        body = _built(self.body)
        if preamble is None and self.preamble:
            body = tuple(self.preamble) + body
        conclusions = Conclusions(lines=tuple(self.closing), line=self.closing_line) if self.closing else None
        title: tuple[Inline, ...] = ()
        for line in self.title:
            title += ((LineBreak(),) if title else ()) + line
        return Part(
            label=self.label,
            label_notes=self.label_notes,
            title=title,
            preamble=preamble,
            body=body,
            conclusions=conclusions,
        )


@dataclass(slots=True)
class _Annex:
    label: tuple[Inline, ...]
    line: int
    headings: list[tuple[Inline, ...]] = field(default_factory=list)
    children: list[Block | _Node | _Section] = field(default_factory=list)
    open_headings: bool = True

    def build(self) -> Annex:
        return Annex(label=self.label, headings=tuple(self.headings), children=_built(self.children), line=self.line)


@dataclass(slots=True)
class Body:
    parts: tuple[Part, ...]
    annexes: tuple[Annex, ...]
    meeting: str | None
    closing_date: _dt.date | None
    diagnostics: list[Diagnostic]


class _Builder:
    """Places each paragraph where what came before it says: a small state machine over the open part, annex,
    sections, quoted draft and the open operative paragraph with its points (``stack``)."""

    def __init__(self, table: LanguageTable, headings: frozenset[str], *, decision: bool) -> None:
        self.table = table
        self.decision = decision
        self.headings = headings
        self.parts: list[_Part] = [_Part()]
        self.annexes: list[_Annex] = []
        self.sections: list[_Section] = []
        self.quote: _Node | None = None  # an unnumbered paragraph quoting a draft (``… the following draft:``)
        self.quote_numbered = False
        self.stack: list[_Node] = []  # the open operative paragraph and its open points, outermost first
        self.closed = False  # the closing lines of the current part were read
        self.meeting: str | None = None
        self.closing_date: _dt.date | None = None
        self.diags: list[Diagnostic] = []
        self.pending: list[Inline] = []  # note marks carried from front lines to the first block
        self.refers_to_annex = False  # the text said ``annexed to the present resolution`` (the language's words)
        self.after_closing_read = False  # what follows the last closing lines was decided

    # --- where blocks go ---------------------------------------------------------------------------------------
    @property
    def part(self) -> _Part:
        return self.parts[-1]

    def container(self) -> list[Block | _Node | _Section]:
        if self.sections:
            return self.sections[-1].children
        if self.quote is not None:
            return self.quote.children
        return self.annexes[-1].children if self.annexes else self.part.body

    def in_preamble(self) -> bool:
        return (
            not self.annexes
            and self.part.formula is not None
            and not self.part.body
            and not self.stack
            and self.quote is None
        )

    def add_block(self, block: Block) -> None:
        if self.annexes:
            self.annexes[-1].open_headings = False
        if self.in_preamble():
            self.part.preamble.append(block)
        elif self.stack and isinstance(block, Para | Table) and self._inside_open(block):
            self.stack[-1].children.append(block)
        else:
            self.stack.clear()
            self.container().append(block)

    def _inside_open(self, block: Para | Table) -> bool:
        """Text or a table right after an operative paragraph that announces it (``… as follows:``) or among its
        points belongs to it."""
        if isinstance(block, Para) and block.role is ParaRole.HEADING:
            return False
        top = self.stack[0]
        if top.children:
            return True
        return plain_text(top.content).rstrip().endswith(":")

    def _close_scopes(self) -> None:
        self.stack.clear()
        self.sections.clear()
        self.quote = None
        self.quote_numbered = False

    # --- one paragraph -----------------------------------------------------------------------------------------
    def content(self, para: WPara, start: int, end: int) -> tuple[Inline, ...]:
        found = inlines(para, start, end)
        if self.pending:
            found = tuple(self.pending) + found
            self.pending = []
        return found

    def paragraph(self, para: WPara, after: list[WPara]) -> None:
        following = after[0] if after else None
        a, b = trimmed(para)
        text = para.text[a:b]
        if not text.strip() and not para.notes():
            return
        clean_text = plain(text)
        if not self.refers_to_annex and any(words in clean_text for words in self.table.annex_references):
            self.refers_to_annex = True
        if self._annex(para, clean_text, a, b):
            return
        if self.quote is not None and formula_organ(clean_text, self.table) is not None:
            self.quote.children.append(Para(content=self.content(para, a, b), line=para.number))
            return
        if not self.annexes and self._formula(clean_text):
            if self.part.formula is None and self._title_only(self.part):
                # the lines between a part's letter and its formula are its title (A/RES/80/84 A: ``Information in
                # the service of humanity``)
                self.part.title = [b.content for b in self.part.body if isinstance(b, Para)]
                self.part.body = []
            elif self.part.formula is not None or self.part.body:
                self._new_part()
            self.part.formula = self.content(para, a, b)
            self.part.formula_line = para.number
            return
        if not self.annexes and self._meeting_line(para, text.split("\n")[0].strip(" \t\u00a0")):
            self._closing(para, a, b)
            return
        if not self.annexes and self._part_letter(clean_text, after):
            self._new_part()
            self.part.label = clean_text
            self.part.label_notes = tuple(m for m in para.notes() if isinstance(m, Footnote))
            return
        if self.closed and not self.annexes and not self.after_closing_read:
            self._unlabelled_annex(para, after)
            if self.annexes and self._annex(para, clean_text, a, b):  # the unlabelled annex's title
                return
        if self._section(para, a, b):
            return
        label = read_label(text.lstrip("\t "), self.table)
        offset = a + (len(text.lstrip("\t ")) - len(label.text)) if label is not None else a
        if label is not None and label.kind is Kind.PARAGRAPH:
            node = _Node(label.num, self.content(para, offset, b), para.number, point=False)
            if self.sections:
                self.sections[-1].numbered = True
            if self.quote is not None:
                self.quote_numbered = True
            self.stack = [node]
            self.container().append(node)
            return
        if label is not None and label.kind is Kind.POINT and (self.stack or not self.in_preamble()):
            self._point(label, para, offset, b)
            return
        if self._heading(para, clean_text):
            if self.in_preamble() and after and self._numbered(after[0]):
                # a heading over the first numbered paragraph opens the operative part (S/RES/2531 (2020))
                self.part.body.append(Para(content=self.content(para, a, b), role=ParaRole.HEADING, line=para.number))
                return
            self._headings(para, a, b)
            return
        if self.in_preamble() and self._unnumbered_operative(clean_text):
            # the formula's one paragraph, unnumbered (A/RES/80/5: ``Adopts the Doha Political Declaration …``)
            node = _Node(None, self.content(para, a, b), para.number, point=False)
            self.part.body.append(node)
            self.stack = [node]
            return
        if self._draft_intro(clean_text):
            node = _Node(None, self.content(para, a, b), para.number, point=False)
            self.stack.clear()
            self.container().append(node)
            if after and formula_organ(plain(after[0].text), self.table) is not None:
                self.quote, self.quote_numbered = node, False  # the draft it introduces follows: its children
            else:
                self.stack = [node]  # ``正式决定：`` over numbered paragraphs: an intro of its own; points nest
            return
        if self.in_preamble() or self._recital_here(para, clean_text):
            recital = self._recital(para, a, b)
            if self.in_preamble():
                self.part.preamble.append(recital)
            else:
                self.stack.clear()
                self.container().append(recital)
            return
        if self.decision and not (self.annexes or self.sections or self.stack or self.quote):
            # a decision's text: its operative paragraphs are unnumbered; points after one are its points
            node = _Node(None, self.content(para, a, b), para.number, point=False)
            self.container().append(node)
            self.stack = [node]
            return
        if clean_text.endswith((":", "：")) and not self.stack and following is not None and self._is_point(following):
            # unnumbered text that introduces points (``… broken down as follows:`` / ``(a)``): they are its points
            node = _Node(None, self.content(para, a, b), para.number, point=False)
            self.container().append(node)
            self.stack = [node]
            return
        role = ParaRole.CENTERED if para.align == "center" else ParaRole.TEXT
        self.add_block(Para(content=self.content(para, a, b), role=role, line=para.number))

    def _numbered(self, para: WPara) -> bool:
        label = read_label(para.stripped, self.table)
        return label is not None and label.kind is Kind.PARAGRAPH

    def _is_point(self, para: WPara) -> bool:
        label = read_label(para.stripped, self.table)
        return label is not None and label.kind is Kind.POINT

    def _annex(self, para: WPara, text: str, a: int, b: int) -> bool:
        """An annex label opens an annex; the heading lines right after it are its title."""
        if self.closed or not self.annexes:
            label = read_annex_label(text, self.table, after_closing=self.closed)
            if label is not None and (self.closed or para.style in self.headings):
                self._close_scopes()
                self.annexes.append(_Annex(label=self.content(para, a, b), line=para.number))
                self.closed = False
                return True
        annex = self.annexes[-1] if self.annexes else None
        if annex is not None and annex.open_headings:
            raw = para.text[a:b]
            title_like = (
                self._heading(para, text)
                and "\n" not in raw
                and not _NUMBERED_HEADING.match(text)
                and read_label(raw.lstrip("\t "), self.table) is None
            )
            if title_like:
                annex.headings.append(self.content(para, a, b))
                return True
            annex.open_headings = False
        return False

    def _section(self, para: WPara, a: int, b: int) -> bool:
        """A section's number (``I``, ``II.⇥Officers``, ``A.⇥Budget``, ``I`` over its title) opens a section; a
        heading right after a number alone is that section's title."""
        text = para.text[a:b]
        open_section = self.sections[-1] if self.sections else None
        if open_section is not None and open_section.awaiting_heading:
            open_section.awaiting_heading = False
            if self._heading(para, plain(text)) and read_label(text.lstrip("\t "), self.table) is None:
                open_section.heading = self.content(para, a, b)
                return True
        first, _, rest = text.partition("\n")
        first = first.strip(" \t\u00a0")
        label = read_label(first, self.table)
        over_title = False  # the number on a line of its own, its title on the next (``A.`` / ``Pension …``)
        if label is None and rest.strip():
            label = read_label(first + "\t" + rest.strip().split("\n")[0], self.table)
            over_title = label is not None
        if label is None or label.kind not in (Kind.SECTION, Kind.SUBSECTION):
            return False
        alone = label.kind is Kind.SECTION and not label.text  # ``I`` alone on its line, over its title or not
        if not (self._heading(para, plain(text)) or ((alone or over_title) and not text.rstrip().endswith((",", ";")))):
            return False
        level = 1 if label.kind is Kind.SECTION else 2
        if label.text and not over_title:
            start = a + text.index(label.text)
            heading = self.content(para, start, b)
        elif rest.strip():
            start, end = trimmed(para, a + text.index("\n") + 1, b)
            heading = self.content(para, start, end)
        else:
            heading = ()
        self.stack.clear()
        while self.sections and self.sections[-1].level >= level:
            self.sections.pop()
        section = _Section(label.num, heading, para.number, level, awaiting_heading=not heading)
        self.container().append(section)
        self.sections.append(section)
        if self.annexes:
            self.annexes[-1].open_headings = False
        return True

    def _headings(self, para: WPara, a: int, b: int) -> None:
        """A heading paragraph: one heading per printed line (``Article I`` / ``Purpose and functions``)."""
        position = a
        for line in para.text[a:b].split("\n"):
            start, end = trimmed(para, position, position + len(line))
            if start < end:
                self.add_block(Para(content=self.content(para, start, end), role=ParaRole.HEADING, line=para.number))
            position += len(line) + 1

    def _meeting_line(self, para: WPara, text: str) -> bool:
        """The closing meeting line (``58th plenary meeting``, ``第52次全体会议``): set right, or a short line that
        ends no sentence; a numbered paragraph that speaks of plenary meetings is none."""
        if not is_meeting_line(plain(text), self.table) or read_label(text, self.table) is not None:
            return False
        return para.align in ("right", "end") or not text.rstrip().endswith(_SENTENCE_ENDS)

    def _formula(self, text: str) -> bool:
        """The document's first formula was found by the front (any line like one); a later one starts a new part
        only when it is the language's own (``The General Assembly,``): a short recital also ends with a comma."""
        if self.part.formula is None and not self.part.body and len(self.parts) == 1:
            return is_formula(text, self.table)
        return formula_organ(text, self.table) is not None

    def _heading(self, para: WPara, text: str) -> bool:
        return para.style in self.headings or (para.align == "center" and len(text) < _LONGEST_HEADING)

    def _part_letter(self, text: str, following: list[WPara]) -> bool:
        """A capital alone (with its notes) before the language's formula, or before the part's title and then the
        formula, starts a part."""
        if not (len(text) == 1 and text.isupper()):
            return False
        for index, para in enumerate(following):
            if formula_organ(plain(para.text), self.table) is not None:
                return True
            if index >= _LONGEST_PART_TITLE or not self._heading(para, plain(para.text)):
                return False
        return False

    def _title_only(self, part: _Part) -> bool:
        """A part whose body holds only a line or two of headings before its formula: its title."""
        body = part.body
        return 0 < len(body) <= _LONGEST_PART_TITLE and all(
            isinstance(b, Para) and b.role in (ParaRole.HEADING, ParaRole.CENTERED) for b in body
        )

    def _draft_intro(self, text: str) -> bool:
        """An unnumbered operative paragraph introducing a draft (``Recommends … the following draft resolution:``),
        in a preamble or body with no numbered paragraph yet."""
        if self.annexes or self.sections or self.quote is not None or not text.endswith((":", "：")):
            return False
        if not (self.in_preamble() or not any(isinstance(b, _Node | _Section) for b in self.part.body)):
            return False
        preambular, operative = matchers(self.table)
        return operative.match(text) is not None and preambular.match(text) is None

    def _unnumbered_operative(self, text: str) -> bool:
        """A paragraph that opens with an operative phrase and ends as a sentence ends: no recital."""
        if not text.endswith((".", "。")):
            return False
        preambular, operative = matchers(self.table)
        return operative.match(text) is not None and preambular.match(text) is None

    def _unlabelled_annex(self, para: WPara, after: list[WPara]) -> None:
        """Content after the closing lines with no annex label (A/RES/75/284: the declaration its one paragraph
        adopts, ``annexed to the present resolution``) is that annex when the text referred to an annex or numbered
        paragraphs follow; else it stays with the resolution. Decided once after each closing."""
        self.after_closing_read = True
        numbered = any(
            (label := read_label(p.stripped, self.table)) is not None and label.kind is Kind.PARAGRAPH
            for p in (para, *after)
        )
        if not (self.refers_to_annex or numbered):
            return
        message = "content after the closing lines, with no annex label, read as an annex"
        self.diags.append(Diagnostic.warning("annex-unlabelled", message, para.number))
        self._close_scopes()
        self.annexes.append(_Annex(label=(), line=para.number))
        self.closed = False

    def _recital_here(self, para: WPara, text: str) -> bool:
        """Text before the first numbered paragraph of a section, or of a quoted draft, is a recital."""
        if self.annexes or self.stack:
            return False
        if self.sections:
            return not self.sections[-1].numbered and text.endswith((",", "，", "،")) and self._has_phrase(para, text)
        return self.quote is not None and not self.quote_numbered

    def _has_phrase(self, para: WPara, text: str) -> bool:
        """Whether a paragraph opens with a recital's phrase: in italics, or one the language lists."""
        first = next((p for p in para.pieces if p.mark is None and p.text.strip()), None)
        return (first is not None and first.italic) or matchers(self.table)[0].match(text) is not None

    def _new_part(self) -> None:
        self._close_scopes()
        self.parts.append(_Part())
        self.closed = False

    def _recital(self, para: WPara, a: int, b: int) -> PreambularParagraph:
        content = self.content(para, a, b)
        phrase = ""
        first = next((p for p in para.pieces if p.mark is None and p.offset + len(p.text) > a), None)
        if first is not None and first.italic:
            phrase = first.text[max(0, a - first.offset) :].strip(_PUNCTUATION)
        if not phrase:
            preambular, _ = matchers(self.table)
            text = plain(para.text[a:b])
            phrase = preambular.match(text) or preambular.fallback(text)
        return PreambularParagraph(phrase=plain(phrase), content=content, line=para.number)

    def _point(self, label: Label, para: WPara, start: int, end: int) -> None:
        readings = label.readings
        node = _Node(label.num, self.content(para, start, end), para.number, point=True)
        # a sibling: an open point whose style reads this number as the next one (innermost first)
        for depth in range(len(self.stack) - 1, -1, -1):
            open_node = self.stack[depth]
            if open_node.point and open_node.style in readings and readings[open_node.style] == open_node.ordinal + 1:
                node.style, node.ordinal = open_node.style, readings[open_node.style]
                del self.stack[depth:]
                self._attach(node)
                return
        # a first item: a child of the innermost open paragraph or point
        style = next((s for s in (Style.ROMAN, Style.LETTER, Style.BULLET) if readings.get(s) in (1, 0)), None)
        if style is None:
            style = next(iter(readings), None)
            self.diags.append(
                Diagnostic.warning(
                    "point-out-of-sequence",
                    f"point {label.num} follows no point it continues: kept where it stands",
                    para.number,
                )
            )
        if style is Style.BULLET and self.stack and self.stack[-1].style is Style.BULLET:
            self.stack.pop()
        node.style, node.ordinal = style, readings.get(style, 0) if style is not None else 0
        self._attach(node)

    def _attach(self, node: _Node) -> None:
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.container().append(node)
        self.stack.append(node)

    def _closing(self, para: WPara, a: int, b: int) -> None:
        self._close_scopes()
        self.after_closing_read = False
        text = para.text
        position = a
        for line in text[a:b].split("\n"):
            start, end = trimmed(para, position, position + len(line))
            if start < end:
                self._closing_line(para, start, end)
            position += len(line) + 1
        self.part.closing_line = para.number
        self.closed = True

    def closing_date_line(self, para: WPara) -> bool:
        """A date alone right after the meeting line is its second line (``21 November 2017``)."""
        if not self.closed or self.annexes or not self.part.closing or len(self.part.closing) > 1:
            return False
        a, b = trimmed(para)
        if parse_date(plain(para.text[a:b]), self.table) is None:
            return False
        self._closing_line(para, a, b)
        return True

    def _closing_line(self, para: WPara, start: int, end: int) -> None:
        """One closing line: the meeting (a ``MeetingRef``) or the date (a ``DateRef``, the adoption date) when it
        is that alone, else its text."""
        printed = para.text[start:end]
        content = self.content(para, start, end)
        plain_only = all(isinstance(node, Text) for node in content)
        value = parse_date(plain(printed), self.table)
        if value is not None:  # each part's date (the document's adoption date: the first)
            self.closing_date = self.closing_date or value
            if plain_only:
                content = (DateRef(date=value, text=plain_text(content), role=DateRole.ADOPTION, line=para.number),)
        elif is_meeting_line(plain(printed), self.table):
            self.meeting = self.meeting or _PRINTED_SPACES.sub(" ", printed)
            if plain_only:
                text = plain_text(content)
                content = (MeetingRef(ordinal=meeting_ordinal(text), text=text, line=para.number),)
        self.part.closing.append(content)


def build_body(
    items: list[Item],
    table: LanguageTable,
    headings: frozenset[str],
    carried: list[Inline],
    *,
    decision: bool = False,
) -> Body:
    """The parts and annexes of the items from the formula on; ``decision``: a decision's unnumbered paragraphs are
    its operative paragraphs."""
    builder = _Builder(table, headings, decision=decision)
    builder.pending = list(carried)
    for index, item in enumerate(items):
        if isinstance(item, Table):
            builder.add_block(item)
            continue
        if builder.closing_date_line(item):
            continue
        after = [i for i in items[index + 1 : index + 8] if isinstance(i, WPara) and i.stripped][:4]
        builder.paragraph(item, after)
    parts = tuple(p.build() for p in builder.parts if p.formula is not None or p.body or p.preamble or p.closing)
    parts = lift_lettered_items(parts)  # the UN's markup: ``a)`` items beside their unnumbered paragraph
    return Body(
        parts=parts or (Part(),),
        annexes=tuple(a.build() for a in builder.annexes),
        meeting=builder.meeting,
        closing_date=builder.closing_date,
        diagnostics=builder.diags,
    )


__all__ = ["Body", "Item", "build_body", "heading_styles"]
