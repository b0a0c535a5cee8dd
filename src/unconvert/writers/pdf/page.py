"""Page furniture: the first-page masthead, running heads from page 2, ``n/N`` page numbers, the job number.

``UNDocTemplate`` has two page templates (``first`` with the masthead above a shorter frame, ``later``) and keeps
the page's footnotes (``footnotes.PageNotes``): it reserves room for notes carried over at the start of a page and
draws the notes at its end. ``NumberedCanvas`` draws each page's footer as a form that it fills in at the end, when
the page count for ``n/N`` is known (holding pages back instead would break the outline's page links).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import time
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from unconvert.layout import Furniture
from unconvert.layout import geometry as G
from unconvert.layout.typography import SYMBOL, SYMBOL_INITIAL, Typography
from unconvert.un.scripts import ScriptProfile
from unconvert.writers.pdf.fonts import Family, latin_twin
from unconvert.writers.pdf.footnotes import PageNotes
from unconvert.writers.pdf.lines import Setting, Span, Style, break_lines, draw_line, measure, script_runs
from unconvert.writers.pdf.shaping import shape

# The layout model's page on A4: the measure centred, the text column centred inside it.
PAPER = G.A4
MARGIN_X = PAPER.margin()
COLUMN_INDENT = G.COLUMN_INDENT  # body text's indent inside the frame
COLUMN = G.MEASURE - 2 * COLUMN_INDENT
COLUMN_X = MARGIN_X + COLUMN_INDENT
FIRST_INDENT = G.STEP  # first line of a paragraph
NUM_TAB = 2 * G.STEP  # where the text after an operative paragraph's number starts
LEVEL_INDENT = G.STEP  # each nesting level of points

TOP_Y = PAPER.height - G.PRINT_TOP
LEFT = MARGIN_X
RIGHT = MARGIN_X + G.MEASURE


@dataclass(frozen=True, slots=True)
class Setup:
    """What the page furniture prints (``furniture``) and how: the family, the typography, the script."""

    furniture: Furniture
    family: Family
    typo: Typography
    script: ScriptProfile


def text_at(canv: Canvas, text: str, style: Style, x: float, y: float, *, anchor: str = "start") -> float:
    """Draw one line of text (Arabic shaped and reordered; in Chinese text, Latin runs in the Latin twin face);
    ``anchor`` ``start``/``end``/``center`` says whether ``x`` is the left edge, the right edge or the middle.
    Returns the width drawn."""
    latin = latin_twin(style.font)
    shaped = shape(text)
    rtl = shaped != text
    if latin is None:
        spans = [Span(shaped, style)]
    else:
        spans = [Span(run, style if cjk else Style(latin, style.size)) for run, cjk in script_runs(shaped)]
    width = sum(measure(span.text, span.style) for span in spans)
    if anchor == "end":
        x -= width
    elif anchor == "center":
        x -= width / 2
    setting = Setting(align="start", rtl=rtl)
    line = break_lines(spans, 1e6, 1e6, setting)[0]
    draw_line(canv, line, x, y, width, setting)
    return width


def draw_masthead(canv: Canvas, setup: Setup) -> None:
    """The first-page masthead (without the UN emblem, whose use is restricted): authority and symbol over a thin
    rule, the organ in large bold type, the distribution and date, a thick rule."""
    f, fam, rtl, typo = setup.furniture, setup.family, setup.script.rtl, setup.typo
    start, end = (RIGHT, LEFT) if rtl else (LEFT, RIGHT)
    inner = COLUMN_INDENT
    col = start - inner if rtl else start + inner
    anchor_start = "end" if rtl else "start"
    y0 = PAPER.height - 60
    text_at(canv, f.authority, Style(fam.regular, typo.authority), col, y0, anchor=anchor_start)
    if f.symbol:
        # the UN prints the symbol's first letter large
        big = Style(fam.regular, SYMBOL_INITIAL)
        rest = Style(fam.regular, SYMBOL)
        head, tail = f.symbol[0], f.symbol[1:]
        if rtl:
            w = text_at(canv, head, big, end, y0, anchor="start")
            text_at(canv, tail, rest, end + w, y0, anchor="start")
        else:
            w = text_at(canv, tail, rest, end, y0, anchor="end")
            text_at(canv, head, big, end - w, y0, anchor="end")
    canv.setLineWidth(0.5)
    canv.line(min(col, end), y0 - 5, max(col, end), y0 - 5)
    organ_y = y0 - 25
    text_at(canv, f.organ, Style(fam.bold, typo.organ), col, organ_y, anchor=anchor_start)
    distr_x = start - G.PRINT_DISTRIBUTION if rtl else start + G.PRINT_DISTRIBUTION
    size = typo.text.size
    text_at(canv, f.distribution, Style(fam.regular, size), distr_x, organ_y, anchor=anchor_start)
    text_at(canv, f.date, Style(fam.regular, size), distr_x, organ_y - typo.text.leading, anchor=anchor_start)
    rule_y = PAPER.height - G.PRINT_MASTHEAD
    canv.setLineWidth(2)
    canv.line(LEFT, rule_y, RIGHT, rule_y)


def draw_running_head(canv: Canvas, setup: Setup, page: int) -> None:
    """Pages 2 on: the symbol on the outer side... the UN puts it left on even pages and right on odd ones, the
    title opposite, over a thin rule."""
    f, fam, script = setup.furniture, setup.family, setup.script
    style = Style(fam.bold, setup.typo.head)
    even = page % 2 == 0
    symbol_left = even != script.rtl
    y = TOP_Y + 8
    if symbol_left:
        text_at(canv, f.symbol, style, LEFT, y, anchor="start")
    else:
        text_at(canv, f.symbol, style, RIGHT, y, anchor="end")
    if f.title:
        title = " ".join(f.title.split())
        if script.rtl:
            title = shape(title)
        width = G.MEASURE * 0.55
        setting = Setting(align="end" if symbol_left else "start", rtl=script.rtl, cjk=script.break_anywhere)
        lines = break_lines([Span(title, style)], width, width, setting)[:2]
        lead = setup.typo.head * 1.2
        for i, line in enumerate(lines):
            baseline = y + (len(lines) - 1 - i) * lead
            x = RIGHT - width if symbol_left else LEFT
            line.last = True
            draw_line(canv, line, x, baseline, width, setting)
    canv.setLineWidth(0.5)
    canv.line(LEFT, y - 5, RIGHT, y - 5)


class UNDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A4 pages in the UN layout; the footnote area is managed page by page."""

    def __init__(self, buffer: Any, setup: Setup, page_notes: PageNotes, **kwargs: Any) -> None:
        super().__init__(
            buffer,
            pagesize=(PAPER.width, PAPER.height),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=G.PRINT_BODY_TOP,
            bottomMargin=G.PRINT_BODY_BOTTOM,
            **kwargs,
        )
        self.setup = setup
        self.page_notes = page_notes
        first_top = PAPER.height - G.PRINT_MASTHEAD - 10
        body_h = PAPER.height - G.PRINT_BODY_TOP - G.PRINT_BODY_BOTTOM

        def frame(top: float, ident: str) -> Frame:
            return Frame(
                MARGIN_X,
                G.PRINT_BODY_BOTTOM,
                G.MEASURE,
                top - G.PRINT_BODY_BOTTOM,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=ident,
            )

        self.addPageTemplates(
            [
                PageTemplate("first", [frame(first_top, "first")], onPage=self._first, autoNextPageTemplate="later"),
                PageTemplate("later", [frame(G.PRINT_BODY_BOTTOM + body_h, "later")], onPage=self._later),
            ]
        )

    def _first(self, canv: Canvas, doc: Any) -> None:
        draw_masthead(canv, self.setup)

    def _later(self, canv: Canvas, doc: Any) -> None:
        draw_running_head(canv, self.setup, canv.getPageNumber())

    def beforePage(self) -> None:
        self.page_notes.begin_page(self.pageTemplate.frames[0])

    def afterPage(self) -> None:
        rtl = self.setup.script.rtl
        self.page_notes.draw(self.canv, COLUMN_X, COLUMN, G.PRINT_BODY_BOTTOM, FIRST_INDENT, rtl)


def numbered_canvas(setup: Setup, now: _dt.datetime) -> type[Canvas]:
    """A canvas class that prints ``n/N`` and the job number on every page (as a form filled in once the page
    count is known), and stamps the document with ``now`` (not the clock) so the same input gives the same bytes."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            stamp = self._doc._timeStamp
            moment = now if now.tzinfo is not None else now.replace(tzinfo=_dt.UTC)  # naive means UTC
            stamp.t = moment.timestamp()
            stamp.lt = time.gmtime(stamp.t)
            stamp.YMDhms = tuple(stamp.lt)[:6]
            stamp.dhh = stamp.dmm = 0
            stamp.tzname = "UTC"
            # reportlab seeds the file's /ID with its own clock (SOURCE_DATE_EPOCH or 2000-01-01); seed it with ours
            signature = self._doc.signature = hashlib.md5(b"a reportlab document", usedforsecurity=False)
            signature.update(ascii(stamp.t).encode("ascii"))

        def showPage(self) -> None:
            # the footer is a form drawn on every page and defined at the end, when the page count is known
            self.doForm(f"footer{self._pageNumber}")
            super().showPage()

        def save(self) -> None:
            total = self._pageNumber - 1
            for page in range(1, total + 1):
                self.beginForm(f"footer{page}")
                self._footer(page, total)
                self.endForm()
            self._code: list[str] = []
            super().save()

        def _footer(self, page: int, total: int) -> None:
            f, family, rtl = setup.furniture, setup.family, setup.script.rtl
            y = G.PRINT_FOOTER
            regular = Style(family.regular, 8 if not setup.script.break_anywhere else 8.5)
            bold = Style(family.bold, 8.5)
            if page == 1:
                if f.job_line:
                    job, stamp = f.job_line, f.stamp
                    style = Style(family.regular, 9)
                    if rtl:
                        w = text_at(self, job, style, RIGHT, y, anchor="end")
                        text_at(self, stamp, style, RIGHT - w - 20, y, anchor="end")
                    else:
                        w = text_at(self, job, style, LEFT, y, anchor="start")
                        text_at(self, stamp, style, LEFT + w + 20, y, anchor="start")
                return
            number = f"{page}/{total}"
            even = page % 2 == 0
            number_left = even != rtl
            if number_left:
                text_at(self, number, bold, LEFT, y, anchor="start")
                if f.job:
                    text_at(self, f.job, regular, RIGHT, y, anchor="end")
            else:
                text_at(self, number, bold, RIGHT, y, anchor="end")
                if f.job:
                    text_at(self, f.job, regular, LEFT, y, anchor="start")

    return NumberedCanvas
