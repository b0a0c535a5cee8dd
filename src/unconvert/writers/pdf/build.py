"""The document tree as a list of flowables in the UN layout.

The page's roles (``unconvert.layout``) in order, each mapped to flowables. Geometry is relative to the body frame,
which spans the full measure (masthead width); text blocks sit in the centred column (``COLUMN_INDENT`` in from
either side), numbers of the preface hang into the margin. Left/right below mean start/end: a right-to-left
document mirrors every indent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from reportlab.platypus import Flowable, Spacer

from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.layout import CoverKind, Role, roles, walk
from unconvert.layout import geometry as G
from unconvert.layout.inlines import Break, Mark, Run, pieces
from unconvert.layout.tables import column_widths
from unconvert.layout.typography import Typography
from unconvert.tree import Cell, Document, Emphasis, Footnote, Inline, ParaRole, Text, plain_text
from unconvert.tree import Table as TreeTable
from unconvert.un.scripts import ScriptProfile
from unconvert.un.symbols import undocs_url
from unconvert.writers.pdf.flowables import Bookmark, EndRule, FlushNotes, Geometry, NotedTable, TextBlock
from unconvert.writers.pdf.fonts import Family, latin_twin
from unconvert.writers.pdf.footnotes import NoteBody, PageNotes
from unconvert.writers.pdf.grid import CELL_SIDE, Grid, Lines, line_count, line_notes
from unconvert.writers.pdf.lines import (
    PLAIN,
    Boxes,
    Piece,
    Setting,
    Span,
    Style,
    Track,
    boxes,
    break_boxes,
    break_lines,
    measure,
    natural_widths,
    script_runs,
    word_track,
)
from unconvert.writers.pdf.page import COLUMN, COLUMN_INDENT, FIRST_INDENT, LEVEL_INDENT, NUM_TAB, PAPER
from unconvert.writers.pdf.shaping import display, shape

BODY = COLUMN_INDENT  # start of the text column inside the frame
TEXT_COLUMN_TABLE = 7  # columns a table sets in the text column (A/RES/72/313's annex: 7); wider, on the measure
NARROWEST_COLUMN = 36.0  # about five characters: a narrower column breaks every word
CELL_TOP, CELL_BOTTOM = 2.0, 4.0  # a cell's padding above and below (``grid.CELL_SIDE`` on either side)
# A link is drawn as an annotation on each line it covers, each holding the whole URL: a fuzzed "symbol" of 60,000
# characters over a thousand lines made a PDF of 60 million escaped characters (minutes). UN symbols are under 60
# characters; browsers and viewers give up on URLs of a few thousand.
LONGEST_LINK = 2000
TALLEST_ROW = 0.5 * (PAPER.height - G.PRINT_BODY_TOP - G.PRINT_BODY_BOTTOM)
END = G.MEASURE - COLUMN - COLUMN_INDENT
ANNEX_BEFORE = 14.0  # under the closing lines, the annex label's baseline 30 pt under theirs (A/RES/72/313)
ANNEX_TITLE_GAP = 3.0  # the title's first baseline 18 pt under the label's
ANNEX_AFTER = 12.0
END_RULE_SPACE = 30.0  # the end rule stands this far under the last line, as in the UN's PDFs
# The adoption line, the title and annex headings run to the text column's end, as the UN's TitleH1 style's right
# indent (1260 twips) sets them: A/RES/72/312's committee line (317 pt) fits on one line and 310's (370 pt) does not,
# 313's annex title takes 333 pt on its first line.
TITLE_END = 0.0


@dataclass(slots=True)
class Builder:
    """Turns one document into flowables; collects its footnotes and outline entries as it goes."""

    document: Document
    family: Family
    typo: Typography
    script: ScriptProfile
    page_notes: PageNotes
    latin: Family | None = None  # face for Latin runs in Chinese text
    context: Context | None = None  # where what the writer adapts is reported
    note_count: int = 0
    bookmarks: int = 0
    outline_level: int = -1
    titled: bool = False  # the document's outline entry is made
    story: list[Flowable] = field(default_factory=list)
    styles: dict[tuple[str, float, str | None, float, float], Style] = field(default_factory=dict)  # ``text_style``
    settings: dict[str, Setting] = field(default_factory=dict)  # ``setting``
    geometries: dict[tuple[float, ...], Geometry] = field(default_factory=dict)  # ``geometry``

    def report(self, diagnostic: Diagnostic) -> None:
        """Report an adaptation (``pdf-…``) to the context, if there is one."""
        if self.context is not None:
            self.context.report(diagnostic)

    @property
    def rtl(self) -> bool:
        return self.script.rtl

    @property
    def track(self) -> Track:
        """The letters' width in running text (the UN's measure: 103 %, +0.2 pt in Latin scripts)."""
        return word_track(self.typo.scale, self.typo.spacing)

    @property
    def note_track(self) -> Track:
        return word_track(self.typo.scale, self.typo.note_spacing)

    def setting(self, align: str = "justify") -> Setting:
        """The ``Setting`` of text aligned ``align``, one object per alignment for the document."""
        setting = self.settings.get(align)
        if setting is None:
            setting = self.settings[align] = Setting(align=align, rtl=self.script.rtl, cjk=self.script.break_anywhere)
        return setting

    def geometry(
        self,
        *,
        indent: float,
        first: float,
        end_indent: float,
        num_at: float,
        leading: float,
        space_before: float,
        space_after: float,
    ) -> Geometry:
        """The ``Geometry`` of these values, one object for the blocks that share them (most of a document's)."""
        key = (indent, first, end_indent, num_at, leading, space_before, space_after)
        geometry = self.geometries.get(key)
        if geometry is None:
            geometry = self.geometries[key] = Geometry(
                indent=indent,
                first=first,
                end_indent=end_indent,
                num_at=num_at,
                leading=leading,
                space_before=space_before,
                space_after=space_after,
            )
        return geometry

    # --- inlines -------------------------------------------------------------------------------------------------

    def raised(self, size: float, note: int | None = None) -> Style:
        """The style of a footnote mark (or the punctuation between two marks) in text of ``size``; ``note`` links
        the mark to its note's body."""
        return Style(self.family.regular, round(size * 0.62, 2), rise=round(size * 0.4, 2), note=note, track=self.track)

    def spans(
        self,
        inlines: tuple[Inline, ...],
        size: float,
        notes: dict[int, NoteBody] | None,
        *,
        bold: bool = False,
        italic: bool = False,
        track: Track | None = None,
    ) -> list[Span]:
        """The spans of ``inlines``; footnotes become superscript marks and their bodies go into ``notes`` (or are
        dropped, for text that cannot carry notes such as a running head); ``track`` the letters' width, the
        running text's by default."""
        out: list[Span] = []
        track = track or self.track
        for piece in pieces(inlines, bold=bold, italic=italic):
            # the pieces are named tuples: told apart by ``isinstance`` and unpacked (a ``match`` on their class
            # patterns looks each field up by name, for every piece of every paragraph)
            if isinstance(piece, Run):
                text, b, i, symbol, line = piece
                link = None if symbol is None else self.link(symbol, line)
                out.extend(self.text_spans(text, size, bold=b, italic=i, link=link, track=track))
            elif isinstance(piece, Break):
                out.append(Span("\n", Style(self.family.regular, size)))
            elif isinstance(piece, Mark):
                marker, separator, note, line = piece
                if notes is None:
                    self.dropped_mark(marker, line)
                elif note is not None:
                    index = self.note_count
                    self.note_count += 1
                    notes[index] = self.note_body(note)
                    if separator:
                        out.append(Span(separator, self.raised(size)))
                    out.append(Span(marker, self.raised(size, note=index)))
                else:
                    out.append(Span(separator + marker, self.raised(size)))
            else:
                assert_never(piece)
        return out

    def link(self, symbol: str, line: int | None) -> str | None:
        """The URL a run citing ``symbol`` links to; none for a link too long to be a document's."""
        if not symbol.strip():
            return None
        link = undocs_url(symbol)
        if len(link) > LONGEST_LINK:
            self.report(
                Diagnostic.info(
                    "pdf-link-dropped",
                    f"a link of {len(link):,} characters is printed as plain text (no document symbol is that long)",
                    line=line,
                )
            )
            return None
        return link

    def dropped_mark(self, marker: str, line: int | None) -> None:
        self.report(
            Diagnostic.warning(
                "pdf-note-mark-dropped",
                f"footnote mark {marker.strip()!r} stands inside a footnote, which cannot carry notes: it is left out",
                line=line,
            )
        )

    def text_spans(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        link: str | None = None,
        track: Track = PLAIN,
    ) -> list[Span]:
        """Spans of plain text: Arabic shaped, Latin runs of Chinese text in the Latin face; ``link`` makes the
        text a link (a cited document symbol, as in the UN's own PDFs)."""
        text = text.replace("\n", " ").replace("\t", " ")
        if self.rtl:
            text = shape(text)
        style = self.text_style(self.family.pick(bold=bold, italic=italic), size, link, track)
        if self.latin is None:
            return [Span(text, style)]
        latin = self.text_style(self.latin.pick(bold=bold, italic=False), size, link, track)
        return [Span(run, style if cjk else latin) for run, cjk in script_runs(text)]

    def text_style(self, font: str, size: float, link: str | None, track: Track) -> Style:
        """The ``Style`` of text in ``font``, made once for the document: a table of thousands of cells sets them in
        a few styles."""
        key = (font, size, link, track.scale, track.spacing)
        style = self.styles.get(key)
        if style is None:
            style = self.styles[key] = Style(font, size, link=link, track=track)
        return style

    def note_body(self, note: Footnote) -> NoteBody:
        size = self.typo.note.size
        spans: list[Span] = []
        for i, paragraph in enumerate(note.paragraphs):
            if i:
                spans.append(Span("\n", Style(self.family.regular, size)))
            spans.extend(self.spans(paragraph, size, None, track=self.note_track))
        lines = break_lines(spans, COLUMN, COLUMN, self.setting())
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
        size = size or self.typo.text.size
        notes: dict[int, NoteBody] = {}
        spans = self.spans(inlines, size, notes, bold=bold, italic=italic)
        first_at = BODY + (indent if first is None else first)
        num_pair: tuple[str, Style] | None = None
        if num:
            num_text = display(num) if self.rtl else num  # "1 -" reads from the right
            face = self.family.pick(bold=bold, italic=False)
            num_style = Style(latin_twin(face) or face, size, track=self.track)
            num_pair = (num_text, num_style)
            first_at = max(first_at, BODY + num_at + measure(num_text, num_style) + size * 0.4)
        geometry = self.geometry(
            indent=BODY + indent,
            first=first_at,
            end_indent=END + end,
            num_at=BODY + num_at,
            leading=leading or self.typo.text.leading,
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

    def role(self, role: Role) -> None:
        """Append the flowables of ``role``."""
        if not self.titled and not isinstance(role, roles.Session | roles.Agenda | roles.CoverLine | roles.Title):
            self.titled = True
            if self.document.meta.title:
                self.bookmark(self.document.meta.title, 0)
        match role:
            case roles.Session(text=text):
                self.story.append(self.plain_line(text, bold=True))
            case roles.Agenda(text=text):
                self.story.append(self.plain_line(text))
            case roles.CoverLine():
                self.story.append(self.cover(role))
            case roles.Title(number=number, content=content):
                self.title(number, content)
            case roles.PartLabel(label=label, content=content):
                if label:
                    self.bookmark(label, 1)
                title = self.typo.title.size
                self.story.append(
                    self.block(content, align="center", bold=True, size=title, before=18, after=6, keep=True)
                )
            case roles.PartTitle(content=content):
                self.story.append(self.block(content, align="center", bold=True, after=6, keep=True))
            case roles.Formula(content=content):
                self.story.append(self.block(content, first=FIRST_INDENT, before=12))
            case roles.Closing(lines=lines):
                italic = self.script.slanted
                for i, line in enumerate(lines):
                    self.story.append(
                        self.block(line, align="end", italic=italic, before=14 if i == 0 else 0, keep=i == 0)
                    )
            case roles.AnnexTitle():
                self.annex(role)
            case roles.End():
                self.story.append(EndRule(G.END_RULE, END_RULE_SPACE))
                self.story.append(FlushNotes(self.page_notes))
            case (
                roles.Recital()
                | roles.Paragraph()
                | roles.Provision()
                | roles.WrapUp()
                | roles.Heading()
                | roles.TableBlock()
                | roles.RawText()
            ):
                self.add_block(role)
            case _:
                assert_never(role)

    def add_block(self, role: roles.BlockRole) -> None:
        first = FIRST_INDENT
        match role:
            case roles.Paragraph(content=content, kind=kind, depth=depth):
                match kind:
                    case ParaRole.HEADING:
                        self.story.append(self.block(content, align="start", bold=True, before=12, keep=True))
                    case ParaRole.CENTERED:
                        self.story.append(self.block(content, align="center"))
                    case ParaRole.QUOTE:
                        indent = LEVEL_INDENT * (depth + 1)
                        self.story.append(self.block(content, indent=indent, first=indent, end=LEVEL_INDENT))
                    case ParaRole.TEXT:
                        self.story.append(self.block(content, indent=self.point_indent(depth), first=first))
                    case _:
                        assert_never(kind)
            case roles.Recital(content=content):
                self.story.append(self.block(content, first=first))
            case roles.Provision(num=num, content=content, depth=depth):
                self.story.append(self.numbered(num, content, depth))
            case roles.WrapUp(content=content, depth=depth):
                self.story.append(self.block(content, indent=self.point_indent(depth), first=first))
            case roles.Heading(num=num, content=heading, outline=outline):
                self.bookmark(f"{num} {plain_text(heading)}".strip(), outline)
                if num:
                    self.story.append(
                        self.block(
                            heading,
                            align="start",
                            bold=True,
                            num=num,
                            indent=FIRST_INDENT,
                            first=FIRST_INDENT,
                            before=14,
                            keep=True,
                        )
                    )
                else:
                    self.story.append(self.block(heading, align="start", bold=True, before=14, keep=True))
            case roles.TableBlock(table=table):
                self.story.extend(self.table(table))
            case roles.RawText(text=text):
                self.story.append(self.block((Text(text=text),), first=first))
            case _:
                assert_never(role)

    def point_indent(self, depth: int) -> float:
        return 0.0 if depth <= 1 else LEVEL_INDENT * depth

    def numbered(self, num: str | None, content: tuple[Inline, ...], depth: int) -> TextBlock:
        """An operative paragraph or a point: the UN sets the number at the first-line indent with the text at a
        tab and runs the following lines back to the column's edge; deeper points hang from their own indent."""
        if not num:
            return self.block(content, first=FIRST_INDENT)
        if depth <= 1:
            return self.block(content, first=NUM_TAB, num=num, num_at=FIRST_INDENT)
        indent = LEVEL_INDENT * depth
        return self.block(content, indent=indent + LEVEL_INDENT, first=indent + LEVEL_INDENT, num=num, num_at=indent)

    # --- tables --------------------------------------------------------------------------------------------------

    def table(self, table: TreeTable) -> list[Flowable]:
        """A table ruled as the UN rules them, on the reader's grid, breaking across pages with its heading rows
        repeated. A row taller than half a page (a cell of very long text) is set as several rows of the grid,
        each holding the next lines of every cell with no rule between them, so that the table can break inside
        it; every cell is broken into lines once, so the work grows with the text. Only a table of columns
        narrower than a few characters whose words cannot stand side by side on the measure (a source that fused
        a table into one row of many cells) is set as consecutive paragraphs: a wide table of figures (a label and
        a figure a year) stays a table."""
        if not any(row.cells for row in table.rows):
            self.report(Diagnostic.info("pdf-table-empty", "a table without cells is left out", line=table.line))
            return []
        columns = max((sum(c.colspan for c in row.cells) for row in table.rows), default=1) or 1
        width = COLUMN if columns <= TEXT_COLUMN_TABLE else G.MEASURE
        col_width = width / columns
        size = self.typo.note.size
        leading = self.typo.note.leading
        setting = self.setting("start")
        # every cell's text is boxed once, for measuring its column and for breaking its lines; the notes its marks
        # call are kept by (row, cell) for the few cells that have some
        cells_of: list[list[Boxes | Piece]] = []
        notes_of: dict[tuple[int, int], dict[int, NoteBody]] = {}
        for r, row in enumerate(table.rows):
            row_boxes: list[Boxes | Piece] = []
            for k, cell in enumerate(row.cells):
                cell_spans, cell_notes = self.cell(cell, size)
                row_boxes.append(boxes(cell_spans, setting))
                if cell_notes:
                    notes_of[r, k] = cell_notes
            cells_of.append(row_boxes)
        minimum, natural = self.column_needs(table, cells_of, columns)
        if col_width < NARROWEST_COLUMN and sum(minimum) > width:
            # the source fused a table into one row of many cells
            return self.table_as_paragraphs(table, f"its {columns} columns would be too narrow")
        floor = min(NARROWEST_COLUMN, col_width)  # a column only spanning or empty cells reach still has room
        widths = column_widths([m or floor for m in minimum], [n or floor for n in natural], width)
        most_lines = max(1, int(TALLEST_ROW // leading))
        grid: list[list[Lines]] = []  # every grid row's cells' lines, column by column
        heights: list[float] = []  # of every grid row: its tallest cell and the paddings
        pads: list[tuple[float, float]] = []  # top and bottom padding of every grid row
        spans: list[tuple[int, int, int]] = []  # first column, row, last column
        continued: set[int] = set()  # grid rows continued by the next one (one table row set in several)
        row_notes: list[tuple[NoteBody, ...]] = []
        header_rows = 0
        heading = True
        split_rows = 0
        no_notes: dict[int, NoteBody] = {}
        for index, (row, row_cells) in enumerate(zip(table.rows, cells_of, strict=True)):
            placed: list[tuple[int, int, Lines, dict[int, NoteBody]]] = []  # column, span, lines, notes
            c = 0
            for k, (cell, items) in enumerate(zip(row.cells, row_cells, strict=True)):
                cell_width = sum(widths[c : c + cell.colspan]) - 2 * CELL_SIDE
                lines: Lines
                if isinstance(items, Piece) and items.width <= cell_width + 0.01:
                    lines = items  # a word that fits: its cell's one line as it stands (grid.Lines)
                else:
                    lines = break_boxes(items, cell_width, cell_width)
                placed.append((c, cell.colspan, lines, notes_of.get((index, k), no_notes) if notes_of else no_notes))
                c += cell.colspan
            tallest = max((line_count(lines) for _, _, lines, _ in placed), default=0)
            pieces_count = max(1, -(-tallest // most_lines))
            split_rows += pieces_count > 1
            for k in range(pieces_count):
                r = len(grid)
                cells: list[Lines] = [[] for _ in range(columns)]
                notes_here: list[NoteBody] = []
                lines_here = 0
                for column, span, lines, notes in placed:
                    if pieces_count == 1:
                        part = lines
                    elif isinstance(lines, Piece):
                        part = lines if k == 0 else []
                    else:
                        part = lines[k * most_lines : (k + 1) * most_lines]
                    lines_here = max(lines_here, line_count(part))
                    # in display order: a right-to-left row is mirrored, and a cell's lines go to the first column
                    # its span covers there (the column the grid draws it from)
                    cells[columns - 1 - (column + span - 1) if self.rtl else column] = part
                    if notes:
                        notes_here.extend(notes[n] for n in line_notes(part) if n in notes)
                    if span > 1:
                        spans.append((column, r, column + span - 1))
                top = CELL_TOP if k == 0 else 0.0
                bottom = CELL_BOTTOM if k + 1 == pieces_count else 0.0
                if k + 1 < pieces_count:
                    continued.add(r)
                grid.append(cells)
                heights.append(lines_here * leading + top + bottom)
                pads.append((top, bottom))
                row_notes.append(tuple(notes_here))
            heading = heading and bool(row.cells) and all(cell.header for cell in row.cells)
            if heading:
                header_rows = len(grid)
        if split_rows:
            self.report(
                Diagnostic.info(
                    "pdf-table-row-continued",
                    f"{split_rows} row(s) taller than half a page are set as several rows of the grid",
                    line=table.line,
                )
            )
        repeat = header_rows
        if sum(heights[:header_rows]) > TALLEST_ROW:
            # repeated on every page, heading rows taller than half a page would leave no room for the body
            repeat = 0
            self.report(
                Diagnostic.info(
                    "pdf-table-heading-not-repeated",
                    f"its {header_rows} heading rows are taller than half a page: not repeated on later pages",
                    line=table.line,
                )
            )
        if self.rtl:
            spans = [(columns - 1 - c1, r, columns - 1 - c0) for c0, r, c1 in spans]
        offset = (G.MEASURE - width) / 2
        ruled = Grid(
            grid, spans, widths[::-1] if self.rtl else widths, heights, pads, continued, header_rows, leading, setting
        )
        return [NotedTable(heights, row_notes, self.page_notes, repeat, ruled, offset)]

    def column_needs(
        self,
        table: TreeTable,
        cells_of: list[list[Boxes | Piece]],
        columns: int,
    ) -> tuple[list[float], list[float]]:
        """Each column's widest word and widest line (in reading order), its cells' padding included: the least and
        the most it can use (``layout.tables.column_widths``); a cell spanning columns sets none of them."""
        minimum = [0.0] * columns
        natural = [0.0] * columns
        for row, row_cells in zip(table.rows, cells_of, strict=True):
            c = 0
            for cell, items in zip(row.cells, row_cells, strict=True):
                if cell.colspan == 1 and c < columns:
                    word, line = natural_widths(items)
                    minimum[c] = max(minimum[c], word + 2 * CELL_SIDE)
                    natural[c] = max(natural[c], line + 2 * CELL_SIDE)
                c += cell.colspan
        return minimum, natural

    def table_as_paragraphs(self, table: TreeTable, why: str) -> list[Flowable]:
        self.report(
            Diagnostic.info(
                "pdf-table-as-paragraphs", f"a table is set as paragraphs, cell by cell: {why}", line=table.line
            )
        )
        out: list[Flowable] = []
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    out.append(self.block(paragraph, align="start", italic=cell.header, before=3))
            out.append(Spacer(1, 6))
        return out

    def cell(self, cell: Cell, size: float) -> tuple[list[Span], dict[int, NoteBody]]:
        """A cell's text as one paragraph's spans, and the notes its marks call for (keyed as its lines name
        them)."""
        paragraphs = cell.paragraphs
        if len(paragraphs) == 1 and len(paragraphs[0]) == 1 and type(paragraphs[0][0]) is Text:
            # most cells (a figure, a label): the spans ``spans`` makes of one text, made without its walk
            return self.text_spans(paragraphs[0][0].text, size, italic=cell.header, track=self.track), {}
        notes: dict[int, NoteBody] = {}
        spans: list[Span] = []
        for i, paragraph in enumerate(paragraphs):
            if i:
                spans.append(Span("\n", Style(self.family.regular, size)))
            spans.extend(self.spans(paragraph, size, notes, italic=cell.header))
        return spans, notes

    # --- document ------------------------------------------------------------------------------------------------

    def build(self) -> list[Flowable]:
        for role in walk(self.document):
            self.role(role)
        return self.story

    def title(self, number: str, content: tuple[Inline, ...]) -> None:
        """The number and title, the number hanging in the margin; the document's outline entry."""
        meta = self.document.meta
        title = plain_text(content) or meta.title or meta.symbol
        self.bookmark(f"{number} {title}".strip(), 0)
        self.titled = True
        size = self.typo.title.size
        num_style = Style(latin_twin(self.family.bold) or self.family.bold, size, track=self.track)
        num_w = measure(shape(number) if self.rtl else number, num_style)
        self.story.append(
            self.block(
                content,
                align="start",
                bold=True,
                size=size,
                leading=self.typo.title.leading,
                end=TITLE_END,
                num=number or None,
                num_at=-num_w - G.TITLE_NUMBER_GAP,
                first=0,
                before=11.5,
                after=6,
                keep=True,
            )
        )

    def plain_line(self, text: str, *, bold: bool = False) -> TextBlock:
        return self.block((Text(text=text),), align="start", bold=bold, before=0, indent=-BODY, first=-BODY)

    def cover(self, line: roles.CoverLine) -> TextBlock:
        before = 17.0 if line.first else 13.0
        if line.kind is CoverKind.HEADLINE:
            headline = self.typo.headline
            return self.block(
                line.content,
                align="start",
                bold=True,
                size=headline.size,
                leading=headline.leading,
                end=TITLE_END,
                first=0,
                before=before,
                keep=True,
            )
        content = self.committee(line) if line.kind is CoverKind.COMMITTEE else line.content
        return self.block(content, align="start", end=TITLE_END, first=0, before=before, keep=True)

    def committee(self, line: roles.CoverLine) -> tuple[Inline, ...]:
        """The committee line: the UN sets it in italics inside upright brackets."""
        if not self.script.slanted:
            return line.content
        if line.lead:
            return (Text(text=line.lead), Emphasis(children=line.inner), Text(text=line.trail))
        return (Emphasis(children=line.content),)

    def annex(self, annex: roles.AnnexTitle) -> None:
        """An annex follows the closing lines on the same page, as the UN places it (A/RES/72/313's printed PDF;
        none of the corpus's Word files breaks the page before an annex): its label and title lines bold at the
        text column, kept with the annex's first lines."""
        if annex.empty:
            self.report(Diagnostic.info("pdf-annex-empty", "an annex with nothing in it gets no page", line=annex.line))
            return
        label = plain_text(annex.label)
        heading = " ".join(plain_text(h) for h in annex.headings)
        self.bookmark(f"{label} {heading}".strip() or "Annex", 0)
        size, leading = self.typo.annex.size, self.typo.annex.leading
        lines = [(annex.label, ANNEX_BEFORE)] if annex.label else []
        for i, line in enumerate(annex.headings):
            lines.append((line, (ANNEX_TITLE_GAP if i == 0 else 0.0) if lines else ANNEX_BEFORE))
        for i, (content, before) in enumerate(lines):
            after = ANNEX_AFTER if i == len(lines) - 1 else 0.0
            self.story.append(
                self.block(
                    content,
                    align="start",
                    bold=True,
                    size=size,
                    leading=leading,
                    end=TITLE_END,
                    before=before,
                    after=after,
                    keep=True,
                )
            )


def build_story(
    document: Document,
    family: Family,
    typo: Typography,
    script: ScriptProfile,
    page_notes: PageNotes,
    latin: Family | None = None,
    context: Context | None = None,
) -> list[Flowable]:
    """The flowables of ``document`` (the masthead and page furniture are drawn by ``page``); what had to be
    adapted is reported to ``context``."""
    return Builder(document, family, typo, script, page_notes, latin, context=context).build()
