"""Type sizes, leadings and spacing of the UN page per script, in points.

The UN sets English, French, Spanish and Russian in Times 10 pt on 12; Arabic and Chinese larger, because their
glyphs read smaller at the same body size. Each script has one ``Typography``; a size of a role (``title``: the
number and title; ``headline``: the adoption line; ``annex``: an annex's label and headings) with its leading.

The Latin sizes are the UN's Word template's (styles ``SingleTxt``, ``H1`` for the title, ``HCh`` for annex
headings, ``footnote text``), as its printed PDFs show them (``corpus/layout``): the PDF writer sets them, and the
Word writer too, making every size of another script as much larger as that script's Word body size
(``word_size``, ``word_complex_size``: Arabic letters in the complex-script slot) is larger than 10 pt. The Arabic
and Chinese rows are the PDF writer's, for the faces it embeds; no UN file of those scripts is at hand to set them
by, so Word keeps its own body sizes for them (10.5 pt Chinese; 11 pt, Arabic letters 14 pt).

The UN's Latin styles also widen the letters (103 %, 0.2 pt after each letter; 0.25 pt in footnotes) and condense
the masthead's organ (98 %, -0.2 pt): the measure that sets where every line breaks. Both writers set it.
"""

from __future__ import annotations

from dataclasses import dataclass

from unconvert.tree import Language
from unconvert.un.languages import script_of
from unconvert.un.scripts import Script


@dataclass(frozen=True, slots=True)
class Type:
    """A type size and the distance between baselines."""

    size: float
    leading: float


@dataclass(frozen=True, slots=True)
class Typography:
    """The sizes of one script's page."""

    text: Type  # running text
    note: Type  # footnotes (and, in the PDF, table cells)
    title: Type  # number and title, part labels
    headline: Type  # "Resolution adopted by the General Assembly on …"
    annex: Type  # an annex's label and headings
    table: Type  # table cells (Word; the PDF sets them at the note size)
    authority: float  # masthead: "United Nations"
    organ: float  # masthead: "General Assembly"
    head: float  # running heads, Word's header and footer
    para_space: float  # space between paragraphs
    word_size: float  # Word: the body size of the script's letters (and of Latin letters in its text)
    word_complex_size: float  # Word: the body size of Arabic letters (complex script)
    exact_lines: bool  # Word: an exact line pitch as the UN's Latin styles; False: single spacing (tall scripts)
    scale: float  # the letters' horizontal scaling (Word's Normal style: w:w 103 % in Latin scripts)
    spacing: float  # points added after each letter (Word's Normal style: w:spacing 0.2 pt in Latin scripts)
    note_spacing: float  # the same in footnotes (Word's footnote text: 0.25 pt)
    organ_scale: float  # the masthead's organ, condensed (98 %, -0.2 pt) so that a long organ name fits
    organ_spacing: float


# Rows are roles, columns the scripts: Latin and Cyrillic, Arabic, Chinese.
_TEXT = (Type(10, 12), Type(13, 18), Type(12, 18))
_NOTE = (Type(8.5, 10.5), Type(11, 14.5), Type(9.5, 13))
_TITLE = (Type(12, 13.5), Type(15, 20), Type(13.5, 19))
_ANNEX = (Type(14, 15), Type(15, 20), Type(13.5, 19))
_HEADLINE = (Type(14, 15), Type(16, 21), Type(14, 19))
_TABLE = (Type(9, 10.5), Type(11, 14.5), Type(9.5, 13))  # Word's Latin size; the PDF sets cells as notes
_AUTHORITY = (14.0, 16.0, 14.0)
_ORGAN = (20.0, 22.0, 20.0)
_HEAD = (8.5, 10.0, 9.5)
_WORD_SIZE = (10.0, 11.0, 10.5)
_WORD_COMPLEX_SIZE = (10.0, 14.0, 10.5)


def _typography(column: int) -> Typography:
    return Typography(
        text=_TEXT[column],
        note=_NOTE[column],
        title=_TITLE[column],
        headline=_HEADLINE[column],
        annex=_ANNEX[column],
        table=_TABLE[column],
        authority=_AUTHORITY[column],
        organ=_ORGAN[column],
        head=_HEAD[column],
        para_space=6.0,
        word_size=_WORD_SIZE[column],
        word_complex_size=_WORD_COMPLEX_SIZE[column],
        exact_lines=column == 0,
        scale=1.03 if column == 0 else 1.0,
        spacing=0.2 if column == 0 else 0.0,
        note_spacing=0.25 if column == 0 else 0.0,
        organ_scale=0.98 if column == 0 else 1.0,
        organ_spacing=-0.2 if column == 0 else 0.0,
    )


LATIN = _typography(0)
ARABIC = _typography(1)
CHINESE = _typography(2)
_BY_SCRIPT = {Script.LATIN: LATIN, Script.CYRILLIC: LATIN, Script.ARABIC: ARABIC, Script.HAN: CHINESE}

# The masthead symbol, in every script: its first letter (``A`` of ``A/RES/64/183``) large, the rest at 10 pt.
SYMBOL_INITIAL = 20.0
SYMBOL = 10.0


def typography_for(language: Language) -> Typography:
    """The typography of the script ``language`` is written in."""
    return _BY_SCRIPT[script_of(language)]
