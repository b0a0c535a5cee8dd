"""The document tree as a list of flowables in the UN layout.

Geometry is relative to the body frame, which spans the full measure (masthead width); text blocks sit in the
centred column (``styles.COLUMN_INDENT`` in from either side), numbers of the preface hang into the margin.
Left/right below mean start/end: a right-to-left document mirrors every indent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from unconvert.tree import (
    Annex,
    Block,
    Cell,
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
    NoteRef,
    OperativeParagraph,
    Para,
    ParaRole,
    Part,
    Point,
    PreambularParagraph,
    RawBlock,
    RawInline,
    Section,
    Strong,
    SymbolRef,
    Text,
    plain_text,
)
from unconvert.tree import (
    Table as TreeTable,
)
from unconvert.un.symbols import undocs_url
from unconvert.writers.pdf import styles as S
from unconvert.writers.pdf.flowables import Bookmark, FlushNotes, Geometry, NotedTable, TextBlock
from unconvert.writers.pdf.fonts import Family, latin_twin
from unconvert.writers.pdf.footnotes import NoteBody, PageNotes
from unconvert.writers.pdf.lines import Setting, Span, Style, break_lines, measure, script_runs
from unconvert.writers.pdf.shaping import display, shape

BODY = S.COLUMN_INDENT  # start of the text column inside the frame
NARROWEST_COLUMN = 36.0  # about five characters: a narrower column breaks every word
TALLEST_ROW = 0.5 * (S.PAGE_HEIGHT - S.BODY_TOP - S.BODY_BOTTOM)
END = S.MEASURE - S.COLUMN - S.COLUMN_INDENT


@dataclass(slots=True)
class Builder:
    """Turns one document into flowables; collects its footnotes and outline entries as it goes."""

    document: Document
    family: Family
    typo: S.Typography
    page_notes: PageNotes
    latin: Family | None = None  # face for Latin runs in Chinese text
    note_count: int = 0
    bookmarks: int = 0
    outline_level: int = -1
    story: list[Flowable] = field(default_factory=list)

    @property
    def rtl(self) -> bool:
        return self.typo.rtl

    def setting(self, align: str = "justify") -> Setting:
        return Setting(align=align, rtl=self.typo.rtl, cjk=self.typo.cjk)

    # --- inlines -------------------------------------------------------------------------------------------------

    def raised(self, size: float, note: int | None = None) -> Style:
        """The style of a footnote mark (or the punctuation between two marks) in text of ``size``; ``note`` links
        the mark to its note's body."""
        return Style(self.family.regular, round(size * 0.62, 2), rise=round(size * 0.4, 2), note=note)

    def spans(
        self,
        inlines: tuple[Inline, ...],
        size: float,
        notes: dict[int, NoteBody] | None,
        *,
        bold: bool = False,
        italic: bool = False,
    ) -> list[Span]:
        """The spans of ``inlines``; footnotes become superscript marks and their bodies go into ``notes`` (or are
        dropped, for text that cannot carry notes such as a running head)."""
        out: list[Span] = []
        for node in inlines:
            match node:
                case SymbolRef(symbol=symbol, text=t):
                    link = undocs_url(symbol) if symbol.strip() else None
                    out.extend(self.text_spans(t, size, bold=bold, italic=italic, link=link))
                case Text(text=t) | DateRef(text=t) | MeetingRef(text=t) | RawInline(text=t):
                    out.extend(self.text_spans(t, size, bold=bold, italic=italic))
                case Emphasis(children=c):
                    out.extend(self.spans(c, size, notes, bold=bold, italic=True))
                case Strong(children=c):
                    out.extend(self.spans(c, size, notes, bold=True, italic=italic))
                case LineBreak():
                    out.append(Span("\n", Style(self.family.regular, size)))
                case NoteRef(marker=marker, separator=separator):
                    if notes is not None:
                        out.append(Span(separator + marker, self.raised(size)))
                case Footnote():
                    if notes is None:
                        continue
                    index = self.note_count
                    self.note_count += 1
                    notes[index] = self.note_body(node)
                    if node.separator:
                        out.append(Span(node.separator, self.raised(size)))
                    out.append(Span(node.marker, self.raised(size, note=index)))
                case _:
                    assert_never(node)
        return out

    def text_spans(
        self, text: str, size: float, *, bold: bool = False, italic: bool = False, link: str | None = None
    ) -> list[Span]:
        """Spans of plain text: Arabic shaped, Latin runs of Chinese text in the Latin face; ``link`` makes the
        text a link (a cited document symbol, as in the UN's own PDFs)."""
        text = text.replace("\n", " ").replace("\t", " ")
        if self.rtl:
            text = shape(text)
        font = self.family.pick(bold=bold, italic=italic)
        if self.latin is None:
            return [Span(text, Style(font, size, link=link))]
        latin = self.latin.pick(bold=bold, italic=False)
        return [Span(run, Style(font if cjk else latin, size, link=link)) for run, cjk in script_runs(text)]

    def note_body(self, note: Footnote) -> NoteBody:
        size = self.typo.note_size
        spans: list[Span] = []
        for i, paragraph in enumerate(note.paragraphs):
            if i:
                spans.append(Span("\n", Style(self.family.regular, size)))
            spans.extend(self.spans(paragraph, size, None))
        lines = break_lines(spans, S.COLUMN, S.COLUMN, self.setting())
        return NoteBody(note.marker, lines, measure(note.marker, self.page_notes.marker_style))

    # --- blocks --------------------------------------------------------------------------------------------------

    def block(
        self,
        inlines: tuple[Inline, ...],
        *,
        align: str = "justify",
        indent: float = 0.0,
        first: float | None = None,
        end: float = 0.0,
        num: str | None = None,
        num_at: float = 0.0,
        size: float | None = None,
        leading: float | None = None,
        bold: bool = False,
        italic: bool = False,
        before: float | None = None,
        after: float = 0.0,
        keep: bool = False,
    ) -> TextBlock:
        """A text block in the column: ``indent``/``first``/``end``/``num_at`` are relative to the column."""
        size = size or self.typo.size
        notes: dict[int, NoteBody] = {}
        spans = self.spans(inlines, size, notes, bold=bold, italic=italic)
        first_at = BODY + (indent if first is None else first)
        num_pair: tuple[str, Style] | None = None
        if num:
            num_text = display(num) if self.rtl else num  # "1 -" reads from the right
            face = self.family.pick(bold=bold, italic=False)
            num_style = Style(latin_twin(face) or face, size)
            num_pair = (num_text, num_style)
            first_at = max(first_at, BODY + num_at + measure(num_text, num_style) + size * 0.4)
        geometry = Geometry(
            indent=BODY + indent,
            first=first_at,
            end_indent=END + end,
            num_at=BODY + num_at,
            leading=leading or self.typo.leading,
            space_before=self.typo.para_space if before is None else before,
            space_after=after,
        )
        return TextBlock(
            spans, geometry, self.setting(align), notes, self.page_notes, num=num_pair, keep_with_next=keep
        )

    def bookmark(self, title: str, level: int) -> None:
        """An outline entry; PDF outlines cannot skip a level, so a deeper entry hangs under the last one."""
        level = min(level, self.outline_level + 1)
        self.outline_level = level
        self.bookmarks += 1
        title = " ".join(title.split())[:120] or "—"
        self.story.append(Bookmark(f"b{self.bookmarks}", title, level))

    def add_blocks(self, blocks: tuple[Block, ...], depth: int = 0, level: int = 1) -> None:
        for block in blocks:
            self.add_block(block, depth, level)

    def add_block(self, block: Block, depth: int, level: int) -> None:
        first = S.FIRST_INDENT
        match block:
            case Para(content=content, role=role):
                if role is ParaRole.HEADING:
                    self.story.append(self.block(content, align="start", bold=True, before=12, keep=True))
                elif role is ParaRole.CENTERED:
                    self.story.append(self.block(content, align="center"))
                elif role is ParaRole.QUOTE:
                    indent = S.LEVEL_INDENT * (depth + 1)
                    self.story.append(self.block(content, indent=indent, first=indent, end=S.LEVEL_INDENT))
                else:
                    self.story.append(self.block(content, indent=self.point_indent(depth), first=first))
            case PreambularParagraph(content=content):
                self.story.append(self.block(content, first=first))
            case (
                OperativeParagraph(num=num, content=content, children=children, wrap_up=wrap_up)
                | Point(num=num, content=content, children=children, wrap_up=wrap_up)
            ):
                self.story.append(self.numbered(num, content, depth))
                self.add_blocks(children, depth + 1, level)
                if wrap_up:
                    self.story.append(self.block(wrap_up, indent=self.point_indent(depth), first=first))
            case Section(num=num, heading=heading, children=children):
                title = f"{num} {plain_text(heading)}".strip()
                self.bookmark(title, level)
                if num:
                    self.story.append(
                        self.block(
                            heading,
                            align="start",
                            bold=True,
                            num=num,
                            indent=S.FIRST_INDENT,
                            first=S.FIRST_INDENT,
                            before=14,
                            keep=True,
                        )
                    )
                else:
                    self.story.append(self.block(heading, align="start", bold=True, before=14, keep=True))
                self.add_blocks(children, depth, level + 1)
            case TreeTable():
                self.story.extend(self.table(block))
            case RawBlock(text=text):
                self.story.append(self.block((Text(text=text),), first=first))
            case _:
                assert_never(block)

    def point_indent(self, depth: int) -> float:
        return 0.0 if depth <= 1 else S.LEVEL_INDENT * depth

    def numbered(self, num: str | None, content: tuple[Inline, ...], depth: int) -> TextBlock:
        """An operative paragraph or a point: the UN sets the number at the first-line indent with the text at a
        tab and runs the following lines back to the column's edge; deeper points hang from their own indent."""
        if not num:
            return self.block(content, first=S.FIRST_INDENT)
        if depth <= 1:
            return self.block(content, first=S.NUM_TAB, num=num, num_at=S.FIRST_INDENT)
        indent = S.LEVEL_INDENT * depth
        return self.block(
            content, indent=indent + S.LEVEL_INDENT, first=indent + S.LEVEL_INDENT, num=num, num_at=indent
        )

    # --- tables --------------------------------------------------------------------------------------------------

    def table(self, table: TreeTable) -> list[Flowable]:
        """A table ruled as the UN rules them; a table whose columns would be too narrow or with a row taller
        than half a page (text the source fused into a few cells) is set as consecutive paragraphs instead, so
        that nothing is lost and every word stays whole."""
        if not any(row.cells for row in table.rows):
            return []
        columns = max((sum(c.colspan for c in row.cells) for row in table.rows), default=1) or 1
        width = S.COLUMN if columns <= 6 else S.MEASURE
        col_width = width / columns
        if col_width < NARROWEST_COLUMN:
            return self.table_as_paragraphs(table)  # the source fused a table into one row of many cells
        size = self.typo.note_size
        leading = self.typo.note_leading
        grid: list[list[object]] = []
        spans_cmds: list[tuple[int, int, int, int]] = []  # first column, first row, last column, last row
        row_notes: list[list[NoteBody]] = []
        header_rows = 0
        saved_count = self.note_count
        for r, row in enumerate(table.rows):
            cells: list[object] = []
            notes_here: list[NoteBody] = []
            c = 0
            row_height = 0.0
            for cell in row.cells:
                block, notes = self.cell(cell, col_width * cell.colspan - 6, size, leading)
                row_height = max(row_height, block.wrap(col_width * cell.colspan - 6, 1e9)[1])
                if row_height > TALLEST_ROW:
                    self.note_count = saved_count
                    return self.table_as_paragraphs(table)
                notes_here.extend(notes)
                cells.append(block)
                if cell.colspan > 1:
                    spans_cmds.append((c, r, c + cell.colspan - 1, r))
                    cells.extend("" for _ in range(cell.colspan - 1))
                c += cell.colspan
            cells.extend("" for _ in range(columns - len(cells)))
            if self.rtl:
                cells.reverse()
            grid.append(cells)
            row_notes.append(notes_here)
            if r == header_rows and row.cells and all(cell.header for cell in row.cells):
                header_rows += 1
        if self.rtl:
            spans_cmds = [(columns - 1 - c1, r0, columns - 1 - c0, r1) for c0, r0, c1, r1 in spans_cmds]
        offset = (S.MEASURE - width) / 2

        def make(rows: list[int]) -> Table:
            picked = [grid[i] for i in rows]
            commands: list[tuple[object, ...]] = [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), self.family.regular, size),  # empty cells: no base-14 font
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEABOVE", (0, 0), (-1, 0), 0.75, "black"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, "black"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.75, "black"),
            ]
            if header_rows:
                commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.75, "black"))
            index = {old: new for new, old in enumerate(rows)}
            for c0, r0, c1, r1 in spans_cmds:
                if r0 in index:
                    commands.append(("SPAN", (c0, index[r0]), (c1, index[r1])))
            built = Table(picked, colWidths=[col_width] * columns, repeatRows=0, style=TableStyle(commands))
            built.hAlign = "LEFT"
            return built

        return [NotedTable(list(range(len(grid))), row_notes, self.page_notes, header_rows, make, offset)]

    def table_as_paragraphs(self, table: TreeTable) -> list[Flowable]:
        out: list[Flowable] = []
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    out.append(self.block(paragraph, align="start", italic=cell.header, before=3))
            out.append(Spacer(1, 6))
        return out

    def cell(self, cell: Cell, width: float, size: float, leading: float) -> tuple[TextBlock, list[NoteBody]]:
        notes: dict[int, NoteBody] = {}
        spans: list[Span] = []
        for i, paragraph in enumerate(cell.paragraphs):
            if i:
                spans.append(Span("\n", Style(self.family.regular, size)))
            spans.extend(self.spans(paragraph, size, notes, italic=cell.header))
        geometry = Geometry(leading=leading)
        # the cell carries no notes itself: the table puts the notes of its rows on the right page
        block = TextBlock(spans, geometry, self.setting("start"), {}, self.page_notes)
        return block, list(notes.values())

    # --- document ------------------------------------------------------------------------------------------------

    def build(self) -> list[Flowable]:
        doc = self.document
        self.front()
        multi = len(doc.parts) > 1
        for part in doc.parts:
            self.part(part, multi)
        for annex in doc.annexes:
            self.annex(annex)
        self.story.append(FlushNotes(self.page_notes))
        return self.story

    def front(self) -> None:
        doc = self.document
        head_size = self.typo.size
        session = doc.masthead.session or (doc.meta.session.text if doc.meta.session else "")
        if session:
            self.story.append(self.plain_line(session, bold=True))
        for agenda in doc.masthead.agenda:
            self.story.append(self.plain_line(agenda))
        title_end = S.COLUMN - S.TITLE_WIDTH
        for i, line in enumerate(doc.cover):
            self.story.append(self.cover(line, i, title_end, head_size))
        if doc.preface is not None:
            title = plain_text(doc.preface.title) or doc.meta.title or doc.meta.symbol
            self.bookmark(f"{doc.preface.number} {title}".strip(), 0)
            number = doc.preface.number
            num_style = Style(latin_twin(self.family.bold) or self.family.bold, self.typo.title_size)
            num_w = measure(shape(number) if self.rtl else number, num_style)
            self.story.append(
                self.block(
                    doc.preface.title,
                    align="start",
                    bold=True,
                    size=self.typo.title_size,
                    leading=self.typo.title_leading,
                    end=title_end,
                    num=number or None,
                    num_at=-num_w - 11,
                    first=0,
                    before=14,
                    after=6,
                    keep=True,
                )
            )
        elif doc.meta.title:
            self.bookmark(doc.meta.title, 0)

    def plain_line(self, text: str, *, bold: bool = False) -> TextBlock:
        block = self.block((Text(text=text),), align="start", bold=bold, before=0, indent=-BODY, first=-BODY)
        return block

    def cover(self, line: CoverLine, index: int, title_end: float, size: float) -> TextBlock:
        role = line.role
        content = line.content
        before = 24.0 if index == 0 else 10.0
        if role in (CoverRole.ADOPTION, CoverRole.TITLE, CoverRole.DOC_TYPE):
            return self.block(
                content,
                align="start",
                bold=True,
                size=self.typo.adoption_size,
                leading=self.typo.adoption_leading,
                end=title_end,
                first=0,
                before=before,
                keep=True,
            )
        if role is CoverRole.PROPONENT:
            return self.block(self.bracketed(content), align="start", end=title_end, first=0, before=before, keep=True)
        return self.block(content, align="start", end=title_end, first=0, before=before, keep=True)

    def bracketed(self, content: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """The committee line: the UN sets it in italics inside upright brackets."""
        if not self.typo.italics:
            return content
        first, last = (content[0], content[-1]) if content else (None, None)
        if (
            isinstance(first, Text)
            and isinstance(last, Text)
            and first.text.lstrip().startswith("[")
            and last.text.rstrip().endswith("]")
            and (len(content) > 1 or len(first.text.strip()) > 1)
        ):
            if len(content) == 1:
                inner: tuple[Inline, ...] = (Text(text=first.text.strip()[1:-1]),)
            else:
                head = Text(text=first.text.lstrip()[1:])
                tail = Text(text=last.text.rstrip()[:-1])
                inner = (head, *content[1:-1], tail)
            return (Text(text="["), Emphasis(children=inner), Text(text="]"))
        return (Emphasis(children=content),)

    def part(self, part: Part, multi: bool) -> None:
        if part.label or part.label_notes:
            if part.label:
                self.bookmark(part.label, 1)
            self.story.append(
                self.block(
                    (Text(text=part.label or ""), *part.label_notes),
                    align="center",
                    bold=True,
                    size=self.typo.title_size,
                    before=18,
                    after=6,
                    keep=True,
                )
            )
        if part.title:
            self.story.append(self.block(part.title, align="center", bold=True, after=6, keep=True))
        if part.preamble is not None:
            self.story.append(self.block(part.preamble.formula, first=S.FIRST_INDENT, before=12))
            self.add_blocks(part.preamble.children)
        self.add_blocks(part.body, 0, 2 if multi else 1)
        if part.conclusions is not None:
            self.conclusions(part.conclusions)

    def conclusions(self, conclusions: Conclusions) -> None:
        for i, line in enumerate(conclusions.lines):
            italic = self.typo.italics
            self.story.append(self.block(line, align="end", italic=italic, before=14 if i == 0 else 0, keep=i == 0))

    def annex(self, annex: Annex) -> None:
        if not (annex.label or annex.headings or annex.children):
            return  # nothing to print: no page of its own
        self.story.append(PageBreak())
        label = plain_text(annex.label)
        heading = " ".join(plain_text(h) for h in annex.headings)
        self.bookmark(f"{label} {heading}".strip() or "Annex", 0)
        size, leading = self.typo.title_size, self.typo.title_leading
        if annex.label:
            self.story.append(
                self.block(annex.label, align="start", bold=True, size=size, leading=leading, before=0, keep=True)
            )
        for line in annex.headings:
            self.story.append(
                self.block(
                    line,
                    align="start",
                    bold=True,
                    size=size,
                    leading=leading,
                    end=S.COLUMN - S.TITLE_WIDTH,
                    before=6,
                    keep=True,
                )
            )
        self.story.append(Spacer(1, 6))
        self.add_blocks(annex.children, 0, 1)


def build_story(
    document: Document, family: Family, typo: S.Typography, page_notes: PageNotes, latin: Family | None = None
) -> list[Flowable]:
    """The flowables of ``document`` (the masthead and page furniture are drawn by ``page``)."""
    return Builder(document, family, typo, page_notes, latin).build()


def is_rtl(language: Language) -> bool:
    return language.rtl
