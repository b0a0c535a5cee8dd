"""Footnotes at the foot of the page that references them.

Each ``TextBlock`` knows which of its lines carry which note marks. When a block (or the part of it that fits) is
put on a page, its notes are put in the page's note area, and the body frame's bottom is raised by their height,
so the text that follows flows above them. Before a block is accepted on a page, ``PageNotes.room_needed`` tells
how much room its notes need; a note too long for what is left keeps at least its first lines on the page of its
reference and continues at the foot of the next page (``carry``), above that page's own notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from unconvert.writers.pdf.lines import Line, Setting, draw_line, emit

SEPARATOR = 14.0  # rule plus the space around it
MIN_LINES = 2  # lines of a note that must stand on the page of its mark


@dataclass(slots=True)
class NoteBody:
    """A footnote laid out at the note width: its marker and lines."""

    marker: str
    lines: list[Line]
    marker_width: float


@dataclass(slots=True)
class _Placed:
    note: NoteBody
    lines: list[Line]
    first: bool  # starts the note (draw the marker)


@dataclass(slots=True)
class PageNotes:
    """The notes of the page being laid out, and those carried over to the next one."""

    leading: float
    setting: Setting
    marker_style: Any  # lines.Style of the marker
    placed: list[_Placed] = field(default_factory=list)
    carry: list[_Placed] = field(default_factory=list)
    used: float = 0.0
    carry_is_old: bool = False  # the carry left over after this page took what it could of the previous one's

    def room_needed(self, notes: list[NoteBody]) -> float:
        """Height the notes of a block need on this page at least (all but the last whole, the last's first
        lines); ``inf`` when notes carried over from a previous note still wait, so no new note may start."""
        if not notes:
            return 0.0
        if self.carry and not self.carry_is_old:
            return float("inf")
        lines = sum(len(n.lines) for n in notes[:-1]) + min(len(notes[-1].lines), MIN_LINES)
        return (0.0 if self.placed else SEPARATOR) + lines * self.leading

    def begin_page(self, frame: Any) -> None:
        """Start a page: the carried-over lines go first in its note area (at most 40 % of the frame)."""
        self.placed, carry, self.carry, self.used = [], self.carry, [], 0.0
        self.carry_is_old = False
        frame._y1p = frame._y1 + frame._bottomPadding  # reportlab reuses the frame object from page to page
        if not carry:
            return
        room = int((frame._aH * 0.4) // self.leading)
        for item in carry:
            if room <= 0:
                self.carry.append(item)
                continue
            fit, rest = item.lines[:room], item.lines[room:]
            self.placed.append(_Placed(item.note, fit, item.first))
            room -= len(fit)
            if rest:
                self.carry.append(_Placed(item.note, rest, False))
        self._raise(frame, SEPARATOR + sum(len(p.lines) for p in self.placed) * self.leading)
        # a note too long for even this page keeps going: notes called from here on follow it (a rare
        # compromise, so that text can still be set on this page)
        self.carry_is_old = bool(self.carry)

    def place(self, notes: list[NoteBody], frame: Any, bottom: float) -> None:
        """Put ``notes`` on this page; ``bottom`` is where the referencing text ends."""
        for note in notes:
            if self.carry:
                self.carry.append(_Placed(note, note.lines, True))
                continue
            sep = 0.0 if self.placed else SEPARATOR
            room = int((bottom - frame._y1p - sep) // self.leading)
            fit = note.lines[: max(room, 0)]
            if not fit:
                self.carry.append(_Placed(note, note.lines, True))
                continue
            self.placed.append(_Placed(note, fit, True))
            self._raise(frame, sep + len(fit) * self.leading)
            if len(fit) < len(note.lines):
                self.carry.append(_Placed(note, note.lines[len(fit) :], False))

    def _raise(self, frame: Any, height: float) -> None:
        frame._y1p += height
        self.used += height

    def draw(self, canv: Canvas, x: float, width: float, bottom: float, rule_x: float, rtl: bool) -> None:
        """Draw the page's notes, the last one ending at ``bottom``; ``x``/``width`` is the note text column."""
        if not self.placed:
            return
        total = sum(len(p.lines) for p in self.placed) * self.leading
        top = bottom + total + SEPARATOR
        canv.saveState()
        canv.setLineWidth(0.5)
        rule_y = top - SEPARATOR / 2
        if rtl:
            canv.line(x + width - rule_x - 72, rule_y, x + width - rule_x, rule_y)
        else:
            canv.line(x - rule_x, rule_y, x - rule_x + 72, rule_y)
        canv.restoreState()
        y = top - SEPARATOR
        for item in self.placed:
            for i, line in enumerate(item.lines):
                y -= self.leading
                baseline = y + self.leading * 0.25
                if i == 0 and item.first:
                    self._draw_marker(canv, item.note, x, width, baseline, rtl)
                draw_line(canv, line, x, baseline, width, self.setting)

    def _draw_marker(self, canv: Canvas, note: NoteBody, x: float, width: float, baseline: float, rtl: bool) -> None:
        style = self.marker_style
        mx = x + width + 1.5 if rtl else x - note.marker_width - 1.5
        emit(canv, [(mx, style, note.marker, 0.0, True)], baseline)
