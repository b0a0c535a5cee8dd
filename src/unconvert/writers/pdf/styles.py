"""Page geometry and type sizes of the UN layout, measured on the UN's own PDFs (``corpus/layout``).

The UN sets a resolution's text in a 12.86 cm column (Times 10/12 pt) indented 2.2 cm from the masthead's left
edge; the paragraph's first line is indented a further 0.83 cm; footnotes are 9 pt, separated by a short rule.
Arabic and Chinese are set larger, as the UN does, because their glyphs read smaller at the same body size.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4

from unconvert.tree import Language

PAGE_WIDTH, PAGE_HEIGHT = A4

# The masthead and running heads span the full measure; the text column is centred inside it.
MEASURE = 492.0
MARGIN_X = (PAGE_WIDTH - MEASURE) / 2
COLUMN = 364.6
COLUMN_X = (PAGE_WIDTH - COLUMN) / 2
COLUMN_INDENT = COLUMN_X - MARGIN_X  # body text's indent inside the frame
FIRST_INDENT = 23.7  # first line of a paragraph
NUM_TAB = 47.5  # where the text after an operative paragraph's number starts
LEVEL_INDENT = 23.7  # each nesting level of points
TITLE_WIDTH = 285.0  # the adoption line, title and annex headings are set narrower than the text

TOP = 70.0  # top of the running head area
BODY_TOP = 92.0  # first baseline region of pages 2 onward (from the top edge)
BODY_BOTTOM = 78.0  # the bottom of the body (and of the footnotes), from the bottom edge
FOOTER_Y = 48.0  # baseline of the page number / job number


@dataclass(frozen=True, slots=True)
class Typography:
    """Type sizes and leadings of one script."""

    size: float  # body text
    leading: float
    note_size: float
    note_leading: float
    title_size: float  # number and title, annex headings
    title_leading: float
    adoption_size: float  # "Resolution adopted by ..."
    adoption_leading: float
    authority_size: float  # masthead: "United Nations"
    organ_size: float  # masthead: "General Assembly"
    para_space: float  # space between paragraphs
    head_size: float  # running head
    cjk: bool = False
    rtl: bool = False
    italics: bool = True  # Emphasis set in the family's emphasis face (Chinese: Kai, not slanted)


LATIN = Typography(
    size=10,
    leading=12,
    note_size=8.5,
    note_leading=10,
    title_size=12.5,
    title_leading=14.5,
    adoption_size=14,
    adoption_leading=16,
    authority_size=14,
    organ_size=20,
    para_space=6,
    head_size=8.5,
)
ARABIC = Typography(
    size=13,
    leading=18,
    note_size=11,
    note_leading=14.5,
    title_size=15,
    title_leading=20,
    adoption_size=16,
    adoption_leading=21,
    authority_size=16,
    organ_size=22,
    para_space=6,
    head_size=10,
    rtl=True,
)
CHINESE = Typography(
    size=12,
    leading=18,
    note_size=9.5,
    note_leading=13,
    title_size=13.5,
    title_leading=19,
    adoption_size=14,
    adoption_leading=19,
    authority_size=14,
    organ_size=20,
    para_space=6,
    head_size=9.5,
    cjk=True,
    italics=False,
)


def typography_for(language: Language) -> Typography:
    if language is Language.AR:
        return ARABIC
    if language is Language.ZH:
        return CHINESE
    return LATIN
