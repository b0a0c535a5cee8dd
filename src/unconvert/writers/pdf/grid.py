"""A ruled table's grid, drawn straight into the page's content stream.

The writer sets every cell's lines itself (``lines.break_lines``) and knows every grid row's height before the table
is placed, so drawing needs none of what a reportlab ``Table`` computes: this module draws the same operators a
``Table`` of those rows draws, in the same order and with the same numbers (the same PDF bytes), without building
one. A table of tens of thousands of cells spent most of its PDF's time building a ``Table`` for each page (a style
object per cell, every style command applied cell by cell) and drawing each cell as a flowable of its own.

What is drawn, per part of a table (the grid rows of one page, heading rows first): each cell's lines at the top of
its cell (``CELL_SIDE`` in from its left edge, its row's top padding down), then the rules: a thick one above the
first row and below the last, a thin one below every row that is not continued by the next, a thick one under the
heading rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import black
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from unconvert.writers.pdf.lines import Line, Piece, Setting, draw_line

CELL_SIDE = 3.0  # a cell's padding on either side
THICK, THIN = 0.75, 0.25  # the rules' widths


# A cell's set lines; a cell of one word that fits on its line holds that word's piece: its one line, made when it
# is drawn (a table of tens of thousands of figures kept a line and two lists for each, which the garbage collector
# went through again and again).
Lines = list[Line] | Piece


def line_count(lines: Lines) -> int:
    """The number of a cell's lines."""
    return 1 if isinstance(lines, Piece) else len(lines)


def line_notes(lines: Lines) -> list[int]:
    """The notes the marks on a cell's lines call, in order."""
    if isinstance(lines, Piece):
        return [] if lines.style.note is None else [lines.style.note]
    return [n for line in lines for n in line.notes]


@dataclass(slots=True)
class Grid:
    """A table's grid rows in display order: ``cells[r][c]`` the lines set in row ``r``, column ``c`` (``Lines``;
    a column covered by a cell spanning from an earlier one keeps lines that are not drawn); ``spans`` the
    ``(first column, row, last column)`` of each cell spanning columns; ``widths`` of every column, left to right
    (a right-to-left table's last column first); ``heights`` and ``pads`` (top, bottom padding) of every row;
    ``continued`` the rows continued by the next one (no rule between them); ``heading`` the number of heading
    rows (the thick rule under them)."""

    cells: list[list[Lines]]
    spans: list[tuple[int, int, int]]
    widths: list[float]
    heights: list[float]
    pads: list[tuple[float, float]]
    continued: set[int]
    heading: int
    leading: float
    setting: Setting

    def draw(self, canv: Canvas, rows: list[int], x: float) -> None:
        """Draw grid rows ``rows`` (in order, from the top) as a table whose left edge is ``x``."""
        widths = self.widths
        columns = len(widths)
        lefts = [0.0] * (columns + 1)
        total = 0.0
        for c in range(columns):
            total = total + widths[c]
            lefts[c + 1] = total
        tops = _row_edges([self.heights[r] for r in rows])
        # the cells each drawn row holds: (first column, last column), the columns spanned over left out
        index = {r: i for i, r in enumerate(rows)}
        starts: dict[tuple[int, int], int] = {}
        for c0, r, c1 in self.spans:
            if r in index:
                starts[index[r], c0] = c1
        # every cell's lines are placed by a translation to its left edge (less its padding), the same in a column
        moves = [f"q\n1 0 0 1 {fp_str(left + CELL_SIDE)} " for left in lefts[:-1]]
        canv.saveState()
        canv.translate(x, 0)
        canv.saveState()
        canv.setFillColor(black)
        for i, r in enumerate(rows):
            values = self.cells[r]
            top_pad = self.pads[r][0]
            c = 0
            while c < columns:
                last = starts.get((i, c), c)
                if starts:
                    # a part with spans places each cell by its rectangle on the grid (as reportlab does)
                    left = lefts[c]
                    bottom = tops[i + 1]
                    self._cell(
                        canv, values[c], left, bottom, lefts[last + 1] - left, tops[i] - bottom, top_pad, moves[c]
                    )
                else:
                    self._cell(canv, values[c], lefts[c], tops[i + 1], widths[c], self.heights[r], top_pad, moves[c])
                c = last + 1
        self._rules(canv, rows, tops, lefts[-1])
        canv.restoreState()
        canv.restoreState()

    def _cell(
        self,
        canv: Canvas,
        lines: Lines,
        left: float,
        bottom: float,
        width: float,
        height: float,
        pad: float,
        move: str,
    ) -> None:
        """One cell's lines, at the top of the cell whose rectangle is given (in the table's coordinates); ``move``
        is what saves the graphics state and translates it to the cell's left edge, ``x`` below, to be completed
        by ``y`` (what ``canv.saveState()`` and ``canv.translate(x, y)`` would write: the same bytes)."""
        if isinstance(lines, Piece):
            lines = [Line([lines], lines.width, True)]
        leading = self.leading
        x = left + CELL_SIDE
        y = bottom + height - pad - len(lines) * leading
        code = canv._code
        code.append(f"{move}{fp_str(y)} cm")
        if lines:
            matrix = canv._currentMatrix  # link annotations place themselves by it
            a, b, c, d, e, f = matrix
            canv._currentMatrix = (a, b, c, d, a * x + c * y + e, b * x + d * y + f)
            text_width = width - CELL_SIDE - CELL_SIDE
            top = len(lines) * leading
            setting = self.setting
            for i, line in enumerate(lines):
                draw_line(canv, line, 0.0, top - (i + 1) * leading + leading * 0.25, text_width, setting)
            canv._currentMatrix = matrix
        code.append("Q")

    def _rules(self, canv: Canvas, rows: list[int], tops: list[float], right: float) -> None:
        """The rules of the drawn rows: the thick rule above, the thin rules under the rows that end a table row,
        the thick rule under the last row and under the heading."""
        canv.saveState()
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setStrokeColor(black)
        width = THICK
        canv.setLineWidth(THICK)
        canv.line(0, tops[0], right, tops[0])
        code = canv._code
        end = fp_str(right)
        continued = self.continued
        for i, r in enumerate(rows):
            if r in continued:
                continue
            if width != THIN:
                width = THIN
                canv.setLineWidth(THIN)
            y = fp_str(tops[i + 1])
            code.append(f"n 0 {y} m {end} {y} l S")  # canv.line(0, y, right, y), one a row
        if width != THICK:
            canv.setLineWidth(THICK)
        canv.line(0, tops[-1], right, tops[-1])
        if self.heading and self.heading - 1 in rows:
            y = tops[rows.index(self.heading - 1) + 1]
            canv.line(0, y, right, y)
        canv.restoreState()


def _row_edges(heights: list[float]) -> list[float]:
    """The heights above the table's bottom of its rows' edges, the top first: summed from the bottom row up with
    the rounding error of each addition carried into the next (a compensated sum, as reportlab positions rows)."""
    edges = [0.0] * (len(heights) + 1)
    height = 0.0
    error = 0.0
    for i in range(len(heights) - 1, -1, -1):
        edges[i + 1] = height
        step = heights[i] - error
        total = height + step
        error = (total - height) - step
        height = total
    edges[0] = height
    return edges
