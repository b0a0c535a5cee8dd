"""The geometry of the UN page, in points (1/72 inch), the one unit of the layout model.

Word counts in twips (1/20 point) and half-points, reportlab in points; the DOCX writer converts with ``twips``.
Every measure below that Word uses is a whole number of twips, so the conversion is exact.

Horizontally the UN page is a measure of 492 pt (6.83 in) centred on the paper: the masthead, the running heads
and wide tables span it. The text column sits inside it, indented ``COLUMN_INDENT`` on both sides (1267 twips in
the UN's Word template, style ``SingleTxt``); a paragraph's first line and each nesting level step in one tab
(``STEP``, 475 twips). The number and title hang in the column's indent.

Both writers set the page on US Letter, as the UN prints: the DOCX writer with Word's margins and header and footer
distances, the PDF writer drawing the furniture where the UN's printed PDFs (``corpus/layout``) have it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper size, in points."""

    width: float
    height: float

    def margin(self) -> float:
        """The side margin that centres the measure on this paper."""
        return (self.width - MEASURE) / 2


_MM = 72 / 25.4
LETTER = Paper(612.0, 792.0)
A4 = Paper(210 * _MM, 297 * _MM)

MEASURE = 492.0  # masthead, running heads, wide tables
COLUMN_INDENT = 63.35  # the text column inside the measure, on both sides
STEP = 23.75  # one tab step: a paragraph's first line, each nesting level
TAB_STOPS = tuple(COLUMN_INDENT + STEP * i for i in range(12))  # the column's tab stops, from its start
NOTE_HANG = 21.6  # a footnote's text hangs this far after the note's start (its mark right-aligned before it)
NOTE_RULE = 72.0  # the footnote separator's length
END_RULE = 72.0  # the short rule that ends the document, centred on the measure
TITLE_NUMBER_GAP = 12.25  # the title's number ends this far before the column (Word: a right tab)

# Word: the margins and the header and footer distances from the paper's edge (Letter). The UN's template has two
# sections: the first page's (the masthead's, its bottom margin leaving room for the barcode and the QR code) and,
# from the first paragraph of the body on, the text's, with a smaller bottom margin.
WORD_MARGIN_TOP = 72.0
WORD_MARGIN_BOTTOM = 86.4  # the first page
WORD_BODY_MARGIN_BOTTOM = 57.6  # pages 2 onward
WORD_HEADER = 21.6
WORD_FOOTER = 25.2
WORD_LINE_PITCH = 18.0  # the document grid's line pitch
WORD_MASTHEAD_COLUMNS = (63.35, 93.6, 12.25, 155.5, 12.25, 155.05)  # emblem, authority/organ, gap, symbol/date
WORD_MASTHEAD_ROWS = (43.2, 144.0)  # authority row, organ row
WORD_RUNNING_SYMBOL = 180.0  # the running head's symbol cell

# PDF: the furniture's positions on Letter, from the paper's top edge (``TOP``) or bottom edge (``BOTTOM``), as the
# UN's printed PDFs (``corpus/layout``) place them: the Word template's header rows and margins.
PRINT_RULE_TOP = WORD_HEADER + WORD_MASTHEAD_ROWS[0]  # the thin rule under the authority and under running heads
PRINT_MASTHEAD_TOP = PRINT_RULE_TOP + WORD_MASTHEAD_ROWS[1]  # the thick rule under the masthead
PRINT_FIRST_BODY_TOP = PRINT_MASTHEAD_TOP + 2.4  # the first page's text starts under the thick rule
PRINT_BODY_TOP = WORD_MARGIN_TOP  # the text of pages 2 onward
PRINT_FIRST_BOTTOM = WORD_MARGIN_BOTTOM  # the first page's text (and footnotes) end this far above the edge
PRINT_BODY_BOTTOM = WORD_BODY_MARGIN_BOTTOM  # the same on pages 2 onward
PRINT_FOOTER_BOTTOM = 36.3  # the baseline of the page number and the job number of pages 2 onward
PRINT_JOB_BOTTOM = 45.2  # the baseline of the first page's job line, the barcode under it
PRINT_JOB_X = 5.4  # the first page's job line starts this far inside the measure
PRINT_DISTRIBUTION = 337.0  # the distribution and date, from the measure's start
PRINT_HEAD_LEADING = 9.8  # between the lines of a running head's title


def twips(points: float) -> int:
    """``points`` in twips (Word's unit)."""
    return round(points * 20)


def half_points(points: float) -> int:
    """``points`` in half-points (Word's font sizes)."""
    return round(points * 2)
