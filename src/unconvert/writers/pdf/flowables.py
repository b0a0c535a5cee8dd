"""The platypus flowables the writer builds: a paragraph that carries its footnotes, an outline entry, a table
that carries the footnotes of its cells.

``TextBlock.wrap`` answers the frame with the height of its text only when the notes its marks call for also fit
above the frame's bottom; otherwise it answers a height that cannot fit, and ``split`` keeps the lines that fit
with their notes. Measured for a ``KeepTogether`` group, it answers the height of its text and notes. ``drawOn``
puts the notes of the drawn lines in the page's note area (``footnotes.PageNotes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from unconvert.writers.pdf.footnotes import NoteBody, PageNotes
from unconvert.writers.pdf.grid import Grid
from unconvert.writers.pdf.lines import Line, Setting, Span, Style, break_lines, draw_line, emit, measure

# reportlab measures the flowables of a ``KeepTogether`` (keep-with-next headings) with this available height; the
# answer must then include the room of the notes, or the group is judged to fit where its notes do not.
_MEASURING = 0xFFFFFFF
# Widow and orphan control, as Word's: a paragraph split across pages leaves at least two lines on each side
# (a paragraph of two or three lines moves whole), unless it is taller than a page.
WIDOW = 2
ORPHAN = 2


@dataclass(frozen=True, slots=True)
class Geometry:
    """Indents (from the start side: left in LTR, right in RTL) and spacing of a block."""

    indent: float = 0.0  # every line but the first
    first: float = 0.0  # the first line's text
    end_indent: float = 0.0  # from the end side
    num_at: float = 0.0  # where the number starts
    leading: float = 12.0
    space_before: float = 0.0
    space_after: float = 0.0


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph (optionally numbered) whose footnotes go to the foot of the page its marks land on."""

    def __init__(
        self,
        spans: list[Span],
        geometry: Geometry,
        setting: Setting,
        notes: dict[int, NoteBody],
        page_notes: PageNotes,
        *,
        num: tuple[str, Style] | None = None,
        keep_with_next: bool = False,
        lines: list[Line] | None = None,
        width: float | None = None,
    ) -> None:
        super().__init__()
        self.spans = spans
        self.geometry = geometry
        self.setting = setting
        self.notes = notes
        self.page_notes = page_notes
        self.num = num
        self.keepWithNext = keep_with_next
        self.spaceBefore = geometry.space_before
        self.spaceAfter = geometry.space_after
        self._lines = lines
        self._lines_width = width

    def _layout(self, width: float) -> list[Line]:
        # a block made of set lines and no spans (a table cell's part) keeps its lines whatever the width it is
        # asked about: reportlab's cell width (column less each padding) may differ from its own in the last bit
        if self._lines is None or (self._lines_width != width and self.spans):
            g = self.geometry
            self._lines = break_lines(
                self.spans, width - g.first - g.end_indent, width - g.indent - g.end_indent, self.setting
            )
            self._lines_width = width
        return self._lines

    def lines_for(self, width: float) -> list[Line]:
        """The block's lines set in ``width``."""
        return self._layout(width)

    def _notes_of(self, lines: list[Line]) -> list[NoteBody]:
        if not self.notes:  # most blocks: no need to look through lines that ``wrap`` asks about again on every page
            return []
        return [self.notes[n] for line in lines for n in line.notes if n in self.notes]

    def _at_top(self) -> bool:
        frame = getattr(self, "_frame", None)
        return bool(frame is not None and frame._atTop)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.geometry.leading
        need = self.page_notes.room_needed(self._notes_of(lines))
        if availHeight >= _MEASURING:
            return availWidth, self.height + need
        if self._at_top() and self.height <= availHeight < self.height + need:
            # on an empty page: split so that the notes fit, unless not even the first line fits with its notes
            # (then the notes give way and continue on the next page)
            first = self.geometry.leading + self.page_notes.room_needed(self._notes_of(lines[:1]))
            if len(lines) == 1 or first > availHeight:
                need = availHeight - self.height
        if self.height + need > availHeight + 0.01:
            return availWidth, self.height + need
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        leading = self.geometry.leading
        count = len(lines)
        keep = 0
        for k in range(1, count):
            if k * leading + self.page_notes.room_needed(self._notes_of(lines[:k])) > availHeight + 0.01:
                break
            keep = k
        fits = keep  # the lines that fit here with their notes
        keep = min(keep, count - WIDOW)  # no widow: the last line alone at the top of the next page
        if keep < ORPHAN:
            keep = 0  # no orphan: the first line alone at the foot of the page
        if keep <= 0 and self._at_top():
            # On an empty page the next page is no better: the lines that fit with their notes stay here, widow or
            # orphan. When not even the first line fits with its notes, the notes give way (they continue on the
            # next page), as ``wrap`` lets them.
            keep = fits if fits > 0 else max(1, min(count - 1, int(availHeight // leading)))
        if keep <= 0:
            return []
        g = self.geometry
        head = TextBlock(
            self.spans,
            Geometry(g.indent, g.first, g.end_indent, g.num_at, leading, g.space_before, 0.0),
            self.setting,
            self.notes,
            self.page_notes,
            num=self.num,
            lines=lines[:keep],
            width=availWidth,
        )
        tail = TextBlock(
            [],
            Geometry(g.indent, g.indent, g.end_indent, g.num_at, leading, 0.0, g.space_after),
            self.setting,
            self.notes,
            self.page_notes,
            keep_with_next=self.keepWithNext,
            lines=lines[keep:],
            width=availWidth,
        )
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        lines = self._layout(self.width)
        g = self.geometry
        rtl = self.setting.rtl
        top = self.height
        if self.num is not None and lines:  # first, so that text extraction reads the number first
            text, style = self.num
            w = measure(text, style)
            x = self.width - g.num_at - w if rtl else g.num_at
            # a right-to-left number is drawn in display order, with the marks that read it back (shaping.display)
            emit(canv, [(x, style, text, 0.0, True)], top - g.leading * 0.75)
        for i, line in enumerate(lines):
            indent = g.first if i == 0 else g.indent
            width = self.width - indent - g.end_indent
            x = g.end_indent if rtl else indent
            baseline = top - (i + 1) * g.leading + g.leading * 0.25
            draw_line(canv, line, x, baseline, width, self.setting)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw the block at ``x``, ``y``, and place its notes. What ``Flowable.drawOn`` writes (``q``, the
        translation, the block, ``Q``), written directly: ``draw`` changes no state of the canvas but its
        operators, so reportlab's copy and restore of the canvas's whole state around each block (a tenth of
        the writer's time in a document of short paragraphs) is not needed; only the matrix that link
        rectangles are placed by is moved and put back."""
        code = canvas._code
        matrix = canvas._currentMatrix
        a, b, c, d, e, f = matrix
        canvas._currentMatrix = (a, b, c, d, a * x + c * y + e, b * x + d * y + f)
        code.append("q")
        code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
        self.canv = canvas
        self.draw()
        del self.canv
        code.append("Q")
        canvas._currentMatrix = matrix
        notes = self._notes_of(self._layout(self.width))
        frame = getattr(self, "_frame", None)
        if notes and frame is not None:
            self.page_notes.place(notes, frame, y)


class KeepWithFirstLines(KeepTogether):  # type: ignore[misc]
    """Keep with next as Word keeps it: a heading (or an annex's label and title, the first closing line) stays on
    the page of the first lines of what follows it, not of all of it. reportlab's ``KeepTogether``, which the
    document template groups them in, moves the whole group to the next page when it does not fit; this one lets
    the last flowable of the group (a paragraph, a table) split where the others leave room, within its own rules
    (two lines at least on each side; a table's heading row and first row), and moves the group only when even
    that first part does not fit. A/RES/72/313's annex table starts under the closing lines, as the UN prints it,
    instead of on a page of its own."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if aH < self._H and len(self._content) > 1:
            *kept, last = self._content
            used = 0.0
            for i, flowable in enumerate(kept):
                _, height = flowable.wrap(aW, aH)
                used += height + (flowable.getSpaceBefore() if i else 0.0) + flowable.getSpaceAfter()
            room = aH - used - last.getSpaceBefore()
            if room > 0:
                parts = last.split(aW, room)
                if len(parts) > 1:
                    return [*kept, *parts]
        result: list[Flowable] = super().split(aW, aH)
        return result


class FlushNotes(Flowable):  # type: ignore[misc]
    """Ends the story: while notes carried over from the last page wait, start another page for them."""

    _ZEROSIZE = True

    def __init__(self, page_notes: PageNotes) -> None:
        super().__init__()
        self.page_notes = page_notes

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.page_notes.carry:
            return availWidth, availHeight + 1
        return 0, 0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # The page holds notes (carried lines): say so to reportlab, which stops a layout after ten pages it
        # thinks empty ("More than 10 pages generated without content"), as a note longer than ten pages' note
        # areas would make. The carry shrinks on every page, so this ends.
        return [_NotesOnPage(), PageBreak(), self]

    def draw(self) -> None:
        pass


class _NotesOnPage(Flowable):  # type: ignore[misc]
    """Nothing to draw: marks a page whose content is footnote lines carried over from the pages before."""

    _ZEROSIZE = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class EndRule(Flowable):  # type: ignore[misc]
    """The short rule that ends the document, centred on the measure ``space`` below the last line (or at the
    foot of the page, when the last line leaves less room: the rule never starts a page of its own)."""

    def __init__(self, length: float, space: float) -> None:
        super().__init__()
        self.length = length
        self.space = space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(min(self.space, availHeight - 0.01), 0.0)
        return availWidth, self.height

    def draw(self) -> None:
        x = (self.width - self.length) / 2
        self.canv.setLineWidth(0.5)
        self.canv.line(x, 0, x + self.length, 0)


class Bookmark(Flowable):  # type: ignore[misc]
    """An outline (bookmark) entry pointing at the current position."""

    _ZEROSIZE = True

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 14)
        self.canv.addOutlineEntry(self.title, self.key, self.level, closed=False)


class NotedTable(Flowable):  # type: ignore[misc]
    """A ruled table whose rows carry footnotes: each part of a split table carries the notes of its own
    rows. ``heights`` and ``row_notes`` are those of every row of the whole table's grid (known before any part is
    drawn, so that measuring and splitting a part costs its rows, not the whole table's); ``grid`` draws the rows
    of a part. A part is the ``repeat`` heading rows (repeated on every part, their notes carried by the first)
    and the grid rows from ``start`` (the first part: right after the heading rows) up to ``end``: a split makes
    two parts of the same lists (a table of 15,000 rows copied the rows left, and their notes, on every page)."""

    def __init__(
        self,
        heights: list[float],
        row_notes: list[tuple[NoteBody, ...]],
        page_notes: PageNotes,
        repeat: int,
        grid: Grid,
        offset: float,
        start: int | None = None,
        end: int | None = None,
    ) -> None:
        super().__init__()
        self.heights = heights
        self.row_notes = row_notes
        self.page_notes = page_notes
        self.repeat = repeat
        self.grid = grid
        self.offset = offset
        self.start = repeat if start is None else start
        self.end = len(heights) if end is None else end
        self.spaceBefore = 6
        self.spaceAfter = 6

    @property
    def rows(self) -> list[int]:
        """The grid rows of this part, in order."""
        return [*range(self.repeat), *range(self.start, self.end)]

    def _notes(self, count: int) -> list[NoteBody]:
        """The notes of the part's first ``count`` rows."""
        heading = range(min(count, self.repeat) if self.start == self.repeat else 0)  # noted in the first part only
        body = range(self.start, min(self.end, self.start + max(count - self.repeat, 0)))
        return [n for i in chain(heading, body) for n in self.row_notes[i]]

    def _heights(self) -> list[float]:
        return [self.heights[i] for i in self.rows]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        if availHeight < _MEASURING:
            # A part taller than the room cannot fit whatever its notes: its rows are summed only until they
            # overflow, for the part left of a long table is wrapped again on every page (summing all its rows
            # and gathering all their notes each time made a table of 15,000 rows quadratic).
            overflow = 0.0
            for i in chain(range(self.repeat), range(self.start, self.end)):
                overflow += self.heights[i]
                if overflow > availHeight + 1:
                    self.height = overflow
                    return self.width, overflow
        heights = self._heights()
        self.height = sum(heights)
        need = self.page_notes.room_needed(self._notes(len(heights)))
        if availHeight >= _MEASURING:
            return self.width, self.height + need
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._atTop and self.height <= availHeight < self.height + need:
            # on an empty page: split so that the notes fit, unless not even the first row fits with its notes
            first = sum(heights[: self.repeat + 1]) + self.page_notes.room_needed(self._notes(self.repeat + 1))
            if len(heights) <= self.repeat + 1 or first > availHeight:
                need = availHeight - self.height
        if self.height + need > availHeight + 0.01:
            return self.width, self.height + need
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        count = self.repeat + self.end - self.start
        used = sum(self.heights[i] for i in range(self.repeat))
        keep = self.repeat
        notes = self._notes(self.repeat)  # the notes of the rows kept so far, one row more at each step
        for k in range(self.repeat, count):
            row = self.start + k - self.repeat
            height = self.heights[row]
            notes.extend(self.row_notes[row])
            if used + height + self.page_notes.room_needed(notes) > availHeight + 0.01:
                break
            used += height
            keep = k + 1
        frame = getattr(self, "_frame", None)
        if keep <= self.repeat and frame is not None and frame._atTop and count > self.repeat + 1:
            keep = self.repeat + 1  # on an empty page the notes give way
        if keep <= self.repeat or keep >= count:
            return []
        cut = self.start + keep - self.repeat  # the tail's first body row
        parts = (self.heights, self.row_notes, self.page_notes, self.repeat, self.grid, self.offset)
        return [NotedTable(*parts, self.start, cut), NotedTable(*parts, cut, self.end)]

    def draw(self) -> None:
        self.grid.draw(self.canv, self.rows, self.offset)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canvas, x, y, _sW)
        notes = self._notes(self.repeat + self.end - self.start)
        frame = getattr(self, "_frame", None)
        if notes and frame is not None:
            self.page_notes.place(notes, frame, y)
