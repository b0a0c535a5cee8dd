"""Page furniture: the first-page masthead, running heads from page 2, ``n/N`` page numbers, the job number.

``UNDocTemplate`` has two page templates (``first`` with the masthead above a shorter frame, ``later``) and keeps
the page's footnotes (``footnotes.PageNotes``): it reserves room for notes carried over at the start of a page and
draws the notes at its end. ``NumberedCanvas`` draws each page's footer as a form that it fills in at the end, when
the page count for ``n/N`` is known (holding pages back instead would break the outline's page links).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import time
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code39 import Standard39
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from unconvert.layout import Furniture
from unconvert.layout import geometry as G
from unconvert.layout.typography import SYMBOL, SYMBOL_INITIAL, Typography
from unconvert.un.scripts import ScriptProfile
from unconvert.writers.pdf.flowables import KeepWithFirstLines
from unconvert.writers.pdf.fonts import Family, latin_twin
from unconvert.writers.pdf.footnotes import PageNotes
from unconvert.writers.pdf.lines import (
    Line,
    Setting,
    Span,
    Style,
    Track,
    break_lines,
    draw_line,
    measure,
    script_runs,
    word_track,
)
from unconvert.writers.pdf.shaping import shape

# The layout model's page on Letter, as the UN prints: the measure centred, the text column centred inside it.
PAPER = G.LETTER
MARGIN_X = PAPER.margin()
COLUMN_INDENT = G.COLUMN_INDENT  # body text's indent inside the frame
COLUMN = G.MEASURE - 2 * COLUMN_INDENT
COLUMN_X = MARGIN_X + COLUMN_INDENT
FIRST_INDENT = G.STEP  # first line of a paragraph
NUM_TAB = 2 * G.STEP  # where the text after an operative paragraph's number starts
LEVEL_INDENT = G.STEP  # each nesting level of points

LEFT = MARGIN_X
RIGHT = MARGIN_X + G.MEASURE


def from_top(distance: float) -> float:
    """The y coordinate (reportlab's, from the bottom) ``distance`` points below the paper's top edge."""
    return PAPER.height - distance


@dataclass(frozen=True, slots=True)
class Setup:
    """What the page furniture prints (``furniture``) and how: the family, the typography, the script."""

    furniture: Furniture
    family: Family
    typo: Typography
    script: ScriptProfile

    @property
    def track(self) -> Track:
        """The letters' width of the furniture set like running text (the UN's measure in Latin scripts)."""
        return word_track(self.typo.scale, self.typo.spacing)


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
        spans = [
            Span(run, style if cjk else Style(latin, style.size, track=style.track)) for run, cjk in script_runs(shaped)
        ]
    width = sum(measure(span.text, span.style) for span in spans)
    if anchor == "end":
        x -= width
    elif anchor == "center":
        x -= width / 2
    setting = Setting(align="start", rtl=rtl)
    line = break_lines(spans, 1e6, 1e6, setting)[0]
    draw_line(canv, line, x, y, width, setting)
    return width


# Baselines of the masthead, from the paper's top: in the authority row (over the thin rule) and the organ row.
_AUTHORITY_BASE = 55.0
_SYMBOL_BASE = 52.6  # the symbol's large initial sits higher, as Word aligns the cell's 20 pt line at its bottom
_ORGAN_BASE = 82.0
_DISTRIBUTION_BASE = 84.7


def draw_masthead(canv: Canvas, setup: Setup) -> None:
    """The first-page masthead (without the UN emblem, whose use is restricted): authority and symbol over a thin
    rule across the measure, the organ in large bold type, the distribution and date, a thick rule."""
    f, fam, rtl, typo = setup.furniture, setup.family, setup.script.rtl, setup.typo
    track = setup.track
    start, end = (RIGHT, LEFT) if rtl else (LEFT, RIGHT)
    inner = COLUMN_INDENT
    col = start - inner if rtl else start + inner
    anchor_start = "end" if rtl else "start"
    y0 = from_top(_AUTHORITY_BASE)
    text_at(canv, f.authority, Style(fam.regular, typo.authority, track=track), col, y0, anchor=anchor_start)
    if f.symbol:
        y0 = from_top(_SYMBOL_BASE)
        # the UN prints the symbol's first letter large
        big = Style(fam.regular, SYMBOL_INITIAL, track=track)
        rest = Style(fam.regular, SYMBOL, track=track)
        head, tail = f.symbol[0], f.symbol[1:]
        if rtl:
            w = text_at(canv, head, big, end, y0, anchor="start")
            text_at(canv, tail, rest, end + w, y0, anchor="start")
        else:
            w = text_at(canv, tail, rest, end, y0, anchor="end")
            text_at(canv, head, big, end - w, y0, anchor="end")
    canv.setLineWidth(0.5)
    canv.line(LEFT, from_top(G.PRINT_RULE_TOP), RIGHT, from_top(G.PRINT_RULE_TOP))
    organ = Style(fam.bold, typo.organ, track=word_track(typo.organ_scale, typo.organ_spacing))
    text_at(canv, f.organ, organ, col, from_top(_ORGAN_BASE), anchor=anchor_start)
    distr_x = start - G.PRINT_DISTRIBUTION if rtl else start + G.PRINT_DISTRIBUTION
    size = typo.text.size
    distr_y = from_top(_DISTRIBUTION_BASE)
    text = Style(fam.regular, size, track=track)
    text_at(canv, f.distribution, text, distr_x, distr_y, anchor=anchor_start)
    text_at(canv, f.date, text, distr_x, distr_y - typo.text.leading, anchor=anchor_start)
    if f.symbol2:
        text_at(canv, f.symbol2, text, distr_x, distr_y - 2 * typo.text.leading, anchor=anchor_start)
    canv.setLineWidth(1.5)
    canv.line(LEFT, from_top(G.PRINT_MASTHEAD_TOP), RIGHT, from_top(G.PRINT_MASTHEAD_TOP))


_HEAD_BASE = 59.5  # the running head's last baseline, from the paper's top
_HEAD_TITLE = G.MEASURE - G.WORD_RUNNING_SYMBOL  # the title's cell, beside the symbol's


def running_title_lines(setup: Setup, style: Style) -> list[Line]:
    """The running head's title, whole: broken where the source's running head breaks it, and each of those
    lines broken to the cell's width where it is wider (as many lines as it takes)."""
    script = setup.script
    setting = Setting(align="start", rtl=script.rtl, cjk=script.break_anywhere)
    out: list[Line] = []
    for text in setup.furniture.title_lines:
        title = " ".join(text.split())
        if not title:
            continue
        if script.rtl:
            title = shape(title)
        if script.break_anywhere:
            for part in _cjk_head_parts(title, style, setting):
                out.extend(break_lines([Span(part, style)], _HEAD_TITLE, _HEAD_TITLE, setting))
            continue
        out.extend(break_lines([Span(title, style)], _HEAD_TITLE, _HEAD_TITLE, setting))
    return out


# Where a Chinese running head breaks best when it must: after a comma, a colon or a closing quotation mark or
# bracket, or the particle 的; before an opening one or a conjunction. Anywhere else may cut a word in two (消|费).
_CJK_BREAK_AFTER = frozenset("，、：；。》”’）」』的")
_CJK_BREAK_BEFORE = frozenset("《“‘（「『和与及或")
_CJK_SEARCH = 0.5  # how far back from the line's end a better break is looked for (a share of the line)
_CJK_WINDOW = 256  # characters of the title broken at first to find where its next line ends (doubled as needed)


def _cjk_head_parts(title: str, style: Style, setting: Setting) -> list[str]:
    """``title`` cut into parts that each fill a running head's line, each cut moved back to the nearest place
    between two words that ``_CJK_BREAK_AFTER`` / ``_CJK_BREAK_BEFORE`` name (within the line's last half);
    where there is none the cut stays where the width puts it. Each cut breaks only a window of the text that
    sets at least three lines (the first line of a greedy break does not depend on what follows the second):
    breaking all the rest for every part made a long title quadratic (a fuzzed one of 35,000 characters ran
    past a minute)."""
    parts: list[str] = []
    start = 0
    while start < len(title):
        window = _CJK_WINDOW
        while True:
            lines = break_lines([Span(title[start : start + window], style)], _HEAD_TITLE, _HEAD_TITLE, setting)
            if len(lines) >= 3 or start + window >= len(title):
                break
            window *= 2
        if len(lines) <= 1:
            parts.append(title[start:])
            break
        fits = sum(len(piece.text) for piece in lines[0].pieces)
        cut = fits
        for at in range(fits, max(1, int(fits * (1 - _CJK_SEARCH))) - 1, -1):
            if title[start + at - 1] in _CJK_BREAK_AFTER or title[start + at] in _CJK_BREAK_BEFORE:
                cut = at
                break
        parts.append(title[start : start + cut])
        start += cut
        while start < len(title) and title[start].isspace():
            start += 1
    return parts


def draw_running_head(canv: Canvas, setup: Setup, page: int, lines: list[Line]) -> None:
    """Pages 2 on: the symbol on the outer side (the UN puts it left on even pages and right on odd ones) and
    the whole title opposite, its last line on the symbol's baseline, over a thin rule across the measure."""
    f, fam, script = setup.furniture, setup.family, setup.script
    style = Style(fam.bold, setup.typo.head)
    even = page % 2 == 0
    symbol_left = even != script.rtl
    y = from_top(_HEAD_BASE)
    if symbol_left:
        text_at(canv, f.symbol, style, LEFT, y, anchor="start")
    else:
        text_at(canv, f.symbol, style, RIGHT, y, anchor="end")
    setting = Setting(align="end" if symbol_left else "start", rtl=script.rtl, cjk=script.break_anywhere)
    x = RIGHT - _HEAD_TITLE if symbol_left else LEFT
    lead = G.PRINT_HEAD_LEADING if not script.break_anywhere and not script.rtl else setup.typo.head * 1.2
    # Above the paper's edge nothing shows: a title of a thousand lines (a fuzzed one) is drawn as far as it shows,
    # and only those lines are looked at (looking at all of them on every page made such a title quadratic).
    shown = max(0, len(lines) - 1 - int((PAPER.height - y) // lead))
    for i in range(shown, len(lines)):
        line = lines[i]
        baseline = y + (len(lines) - 1 - i) * lead
        if baseline > PAPER.height:
            continue
        line.last = True
        draw_line(canv, line, x, baseline, _HEAD_TITLE, setting)
    canv.setLineWidth(0.5)
    canv.line(LEFT, from_top(G.PRINT_RULE_TOP), RIGHT, from_top(G.PRINT_RULE_TOP))


class UNDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Letter pages in the UN layout; the footnote area is managed page by page; keep with next as Word's."""

    def __init__(self, buffer: Any, setup: Setup, page_notes: PageNotes, **kwargs: Any) -> None:
        super().__init__(
            buffer,
            pagesize=(PAPER.width, PAPER.height),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=G.PRINT_BODY_TOP,
            bottomMargin=G.PRINT_BODY_BOTTOM,
            keepTogetherClass=KeepWithFirstLines,
            **kwargs,
        )
        self.setup = setup
        self.page_notes = page_notes
        self.head_lines = running_title_lines(setup, Style(setup.family.bold, setup.typo.head))

        def frame(top: float, bottom: float, ident: str) -> Frame:
            return Frame(
                MARGIN_X,
                bottom,
                G.MEASURE,
                from_top(top) - bottom,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=ident,
            )

        first = frame(G.PRINT_FIRST_BODY_TOP, G.PRINT_FIRST_BOTTOM, "first")
        later = frame(G.PRINT_BODY_TOP, G.PRINT_BODY_BOTTOM, "later")
        self.addPageTemplates(
            [
                PageTemplate("first", [first], onPage=self._first, autoNextPageTemplate="later"),
                PageTemplate("later", [later], onPage=self._later),
            ]
        )

    def _first(self, canv: Canvas, doc: Any) -> None:
        draw_masthead(canv, self.setup)

    def _later(self, canv: Canvas, doc: Any) -> None:
        draw_running_head(canv, self.setup, canv.getPageNumber(), self.head_lines)

    def beforePage(self) -> None:
        self.page_notes.begin_page(self.pageTemplate.frames[0])

    def afterPage(self) -> None:
        rtl = self.setup.script.rtl
        bottom = self.pageTemplate.frames[0]._y1
        self.page_notes.draw(self.canv, COLUMN_X, COLUMN, bottom, FIRST_INDENT, rtl)


# The first page's footer, as the UN prints it: the job line and, under it, the job number's Code 39 barcode on
# the start side; "Please recycle" and the QR code to the document on the end side. From the paper's bottom edge.
_BARCODE_BOTTOM = 30.2
_BARCODE_HEIGHT = 14.0
_BARCODE_MODULE = 0.83  # the narrow bar: the UN's barcode of a job number is 101 pt wide
_QR_SIZE = 55.7
_QR_BOTTOM = 27.8
_QR_END = 1.9  # the QR code ends this far inside the measure
_RECYCLE_BOTTOM = 37.4
_RECYCLE_GAP = 23.0  # between "Please recycle" and the QR code (where the UN has its recycling logo)
_RECYCLE_SIZE = 9.0


_build_generator = qrencoder.QRUtil.getErrorCorrectPolynomial
_generators: dict[int, Any] = {}


def _generator(length: int) -> Any:
    """reportlab's Reed-Solomon generator polynomial for ``length`` error-correction codewords, made once.
    reportlab makes it anew for every block of every code, a product of up to 30 polynomials in Python: a third
    of the encoder's time, for a value that depends on the length alone (at most 30 of them). Its encoder only
    reads the polynomial (``QRPolynomial.mod``), so one object serves every code."""
    generator = _generators.get(length)
    if generator is None:
        generator = _generators[length] = _build_generator(length)
    return generator


qrencoder.QRUtil.getErrorCorrectPolynomial = staticmethod(_generator)

_DARK_RUNS = re.compile("1+")


def draw_qr(canv: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The QR code of ``text`` (level M, as reportlab's widget) as a ``size`` square at ``x``, ``y``.

    reportlab's encoder makes the symbol; its mask is fixed (pattern 0) rather than chosen by scoring all eight,
    which is valid QR (readers take any mask) and costs an eighth of the time: choosing took a quarter of the PDF
    writer's time on a document."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, 0)
    count = code.getModuleCount()
    module = size / count
    height = f"{module:.2f}"
    ops = []
    for row, modules in enumerate(code.modules):
        top = f"{y + size - (row + 1) * module:.2f}"
        for run in _DARK_RUNS.finditer("".join(["1" if dark else "0" for dark in modules])):
            start, end = run.span()
            ops.append(f"{x + start * module:.2f} {top} {(end - start) * module:.2f} {height} re")
    canv._code.append(" ".join(ops) + " f")  # one filled path, a rectangle per run of dark modules in a row


def draw_first_footer(canv: Canvas, setup: Setup) -> None:
    """The job line (``18-15053 (E)    210918``: the print date only where the source's footer gives one), the
    barcode of the job number (reportlab's Code 39, without a check character, as the UN's ``*1815053*``), and,
    where the UN prints them, "Please recycle" and the QR code of the document's undocs.org address."""
    f, family, rtl = setup.furniture, setup.family, setup.script.rtl
    style = Style(family.regular, setup.typo.text.size, track=setup.track)
    y = G.PRINT_JOB_BOTTOM
    start = RIGHT - G.PRINT_JOB_X if rtl else LEFT + G.PRINT_JOB_X
    if f.job_line:
        anchor = "end" if rtl else "start"
        w = text_at(canv, f.job_line, style, start, y, anchor=anchor)
        if f.stamp:
            text_at(canv, f.stamp, style, start - w - 11 if rtl else start + w + 11, y, anchor=anchor)
    if f.barcode:
        code = Standard39(
            f.barcode, barHeight=_BARCODE_HEIGHT, barWidth=_BARCODE_MODULE, humanReadable=0, quiet=0, checksum=0
        )
        code.drawOn(canv, start - code.width if rtl else start, _BARCODE_BOTTOM)
    if f.qr_url:
        end = LEFT + _QR_END if rtl else RIGHT - _QR_END - _QR_SIZE
        draw_qr(canv, f.qr_url, end, _QR_BOTTOM, _QR_SIZE)
        if f.recycle:
            recycle = Style(family.bold, _RECYCLE_SIZE)
            if rtl:
                text_at(canv, f.recycle, recycle, end + _QR_SIZE + _RECYCLE_GAP, _RECYCLE_BOTTOM, anchor="start")
            else:
                text_at(canv, f.recycle, recycle, end - _RECYCLE_GAP, _RECYCLE_BOTTOM, anchor="end")


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
            # the footer is a form drawn on every page and defined at the end, when the page count is known; the
            # first page's needs no count and is drawn on the page itself (its text's ActualText with it)
            if self._pageNumber == 1:
                draw_first_footer(self, setup)
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
            y = G.PRINT_FOOTER_BOTTOM
            regular = Style(family.regular, 7 if not setup.script.break_anywhere else 8.5, track=setup.track)
            bold = Style(family.bold, 8.5, track=setup.track)
            if page == 1:
                return  # drawn on the page (showPage)
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
