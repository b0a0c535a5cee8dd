"""A run of table lines of the body as a tree ``Table``.

``regions`` says which lines are a table's; ``tables`` recovers what the dump lost (the cell boundaries of fused
text, the rows); this module puts the two together into rows of cells, each cell's paragraphs as inlines with the
notes at their marks (``inlines.with_notes``). A pure function of the lines: the row heads of the document's earlier
tables go in and come out (a later table's rows are cut at them), and what had to be guessed comes out as warnings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.footnotes import Mark
from unconvert.readers.ods.inlines import with_notes
from unconvert.readers.ods.tables import grid, looks_like_table, split_box, split_cells
from unconvert.tree import Cell, Inline, Row, Table, Text
from unconvert.un.languages import LanguageTable

Piece = tuple[int, int, int]  # a paragraph of a cell: (line index in the run, start, end)


@dataclass(frozen=True, slots=True)
class TableLine:
    """A line of the table's run: its text, its line number, the footnote marks standing in it."""

    text: str
    line: int
    marks: Sequence[Mark] = ()


@dataclass(frozen=True, slots=True)
class BuiltTable:
    """The table, the row heads known after it, and the warnings of what was guessed (in line order)."""

    table: Table
    row_heads: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


def build_table(lines: Sequence[TableLine], language: LanguageTable, row_heads: tuple[str, ...]) -> BuiltTable:
    """The table of these lines (not empty): their cells (a line break continues a cell with a new paragraph; a
    ``*`` note is a row of its own), then its rows (``tables.grid``) where the text was fused, else one cell per
    row."""
    diagnostics: list[Diagnostic] = []
    fused = any(looks_like_table(line.text) for line in lines)
    # per cell, its paragraphs (tuples, not lists: the garbage collector stops looking at a tuple of numbers, and a
    # fuzzed line makes tens of thousands of cells)
    pieces: list[tuple[Piece, ...]] = []
    notes: list[tuple[Piece, ...]] = []
    for i, line in enumerate(lines):
        if line.text.startswith("*"):
            notes.append(((i, 0, len(line.text)),))  # a table's note
            continue
        if fused:
            spans = split_cells(
                line.text, headings=language.table_headings, grades=language.grade_codes, heads=row_heads
            )
        else:
            spans = split_box(line.text)
        for n, (a, b) in enumerate(spans):
            if n == 0 and pieces and not notes:
                pieces[-1] += ((i, a, b),)  # the cell goes on, in a new paragraph
            else:
                pieces.append(((i, a, b),))
        diagnostics.append(
            Diagnostic.warning("table-cells-guessed", "table cells recovered from fused text", line.line)
        )
    texts = [_text_of(lines, cell) for cell in pieces]
    layout = grid(texts, language.ordinals) if fused else None
    rows_of: list[list[int | None]] = layout.rows if layout else [[n] for n in range(len(pieces))]
    headings = layout.headings if layout else 0
    first = lines[0].line
    if layout is not None and not layout.rule and len(pieces) > 1:
        diagnostics.append(
            Diagnostic.warning("table-grid-guessed", "no rows found in the fused table; one cell per row", first)
        )
    cells = _Cells(lines)
    rows = [
        Row(cells=tuple(cells.make(pieces[n] if n is not None else (), r < headings) for n in row), line=first)
        for r, row in enumerate(rows_of)
    ]
    rows += [Row(cells=(cells.make(note),), line=lines[note[0][0]].line) for note in notes]
    if layout is not None and layout.rule == "figures":  # the row heads, for the document's next tables
        found = {texts[row[0]] for row in rows_of[headings:] if len(row) > 2 and row[0] is not None}
        row_heads = tuple(sorted({*row_heads, *found}, key=len, reverse=True))
    return BuiltTable(Table(rows=tuple(rows), line=first), row_heads, tuple(diagnostics))


def _text_of(lines: Sequence[TableLine], paragraphs: tuple[Piece, ...]) -> str:
    """A cell's text, its paragraphs joined by a space, for finding the table's rows."""
    if len(paragraphs) == 1:  # most cells
        i, a, b = paragraphs[0]
        return lines[i].text[a:b].strip()
    return " ".join(lines[i].text[a:b].strip() for i, a, b in paragraphs)


class _Cells:
    """Makes the cells of a table from their pieces of ``lines``, one paragraph each. A piece without marks or line
    breaks is one ``Text`` (as ``with_notes`` makes it), and the one-piece cells of the same text on the same line
    share their paragraphs: tree nodes are immutable values, and a fuzzed line of tens of thousands of cells
    repeats a few texts, where three new nodes per cell (and the garbage collector going over them) were most of the
    reader's time."""

    def __init__(self, lines: Sequence[TableLine]) -> None:
        self.lines = lines
        self.starts = [_mark_starts(line) for line in lines]  # of each line, where its marks start
        self.plain: dict[tuple[int, str], tuple[tuple[Inline, ...], ...]] = {}  # (line index, text): paragraphs

    def make(self, paragraphs: tuple[Piece, ...], header: bool = False) -> Cell:
        """The cell of these pieces (``header``: a heading cell)."""
        if not paragraphs:
            return Cell(paragraphs=(), header=header, line=None)
        lines = self.lines
        line = lines[paragraphs[0][0]]
        if len(paragraphs) == 1:  # most cells
            i, a, b = paragraphs[0]
            text = line.text[a:b]
            if not line.marks and "\n" not in text:
                key = (i, text)
                content = self.plain.get(key)
                if content is None:
                    content = self.plain[key] = ((Text(text=text, line=line.line),),)
                return Cell(paragraphs=content, header=header, line=line.line)
        return Cell(paragraphs=tuple(map(self.paragraph, paragraphs)), header=header, line=line.line)

    def paragraph(self, piece: Piece) -> tuple[Inline, ...]:
        """The inlines of a piece of a line, with the notes whose marks stand in it."""
        i, a, b = piece
        line = self.lines[i]
        return tuple(with_notes(line.text, line.line, _marks_in(line, self.starts[i], a, b), a, b))


def _mark_starts(line: TableLine) -> list[int] | None:
    """Where the marks of ``line`` start, when it has several, in order (they always are; ``None`` otherwise)."""
    if len(line.marks) < 2:
        return None
    starts = [m.start for m in line.marks]
    return starts if all(x <= y for x, y in pairwise(starts)) else None


def _marks_in(line: TableLine, starts: list[int] | None, start: int, end: int) -> Sequence[Mark]:
    """The marks of ``line`` that stand from ``start`` to ``end`` (both included: ``with_notes`` decides which of
    those at the ends it places), found by bisection of their ``starts``: a line of thousands of cells and marks
    gave every cell every mark to look through. All of them without ``starts``."""
    if starts is None:
        return line.marks
    return line.marks[bisect_left(starts, start) : bisect_right(starts, end)]
