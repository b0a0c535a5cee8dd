"""Script profiles: what each script the UN prints its six languages in asks of a writer (and of a reader).

One profile per script, not per language: English, French and Spanish share the Latin profile, Russian has the
Cyrillic one, Arabic and Chinese their own. A profile says which way the text runs, whether emphasis (the opening
phrases of resolutions) is marked as italics and whether the printed page slants it, the font families by name (the
faces the UN's own files use and the Debian faces we substitute for them, which the PDF writer embeds), the digits
numbers are printed with and whether a line may break between any two characters.

Which script a language is written in, and the tag its text is marked with, are the language's own data
(``un/languages/<code>.py``): ``unconvert.un.languages.profile_for`` and ``language_tag`` answer for a language.

A new language in a known script names it in its module; a new script needs a profile here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Script(StrEnum):
    """The scripts of the six official languages (ISO 15924 names)."""

    LATIN = "Latn"
    CYRILLIC = "Cyrl"
    ARABIC = "Arab"
    HAN = "Hans"


@dataclass(frozen=True, slots=True)
class Fonts:
    """Font families by name, for one use each: running text, bold text and headings, emphasis, and Latin letters
    and digits inside text of the script (symbols such as ``A/RES/64/183``)."""

    text: str
    bold: str
    emphasis: str
    latin: str


@dataclass(frozen=True, slots=True)
class ScriptProfile:
    """What one script asks of a writer."""

    script: Script
    rtl: bool  # the text runs right to left (numbers and Latin symbols inside it left to right)
    italics: bool  # the source marks emphasis (opening phrases) as italics; False: as bold (Chinese has no italics)
    un_fonts: Fonts  # the faces of the UN's own Word files and PDFs
    fonts: Fonts  # the free faces we set the script in (Debian packages; writers/pdf/fonts.py finds the files)
    # The printed page slants what the source marks as italics; False: both writers set it upright. The UN's Arabic
    # Word files mark the opening phrases italic (their AKN: ``bold italic``, 2,443 of 2,444 preambular phrases of
    # the corpus's Arabic resolutions), but the UN prints Arabic upright, as it prints everything in Arabic: an
    # Arabic face has no italics (Simplified Arabic, Amiri's slanted cut is no UN style).
    slanted: bool = True
    digits: str = "0123456789"  # the digits numbers (paragraph numbers, years, symbols) are printed with
    break_anywhere: bool = False  # a line may break between any two characters (ideographs), not only at spaces


_TIMES = "Times New Roman"
_LIBERATION = "Liberation Serif"

LATIN = ScriptProfile(
    script=Script.LATIN,
    rtl=False,
    italics=True,
    un_fonts=Fonts(text=_TIMES, bold=_TIMES, emphasis=_TIMES, latin=_TIMES),
    fonts=Fonts(text=_LIBERATION, bold=_LIBERATION, emphasis=_LIBERATION, latin=_LIBERATION),
)
CYRILLIC = ScriptProfile(
    script=Script.CYRILLIC,
    rtl=False,
    italics=True,
    un_fonts=LATIN.un_fonts,
    fonts=LATIN.fonts,
)
ARABIC = ScriptProfile(
    script=Script.ARABIC,
    rtl=True,
    italics=True,
    slanted=False,
    un_fonts=Fonts(text="Simplified Arabic", bold="Simplified Arabic", emphasis="Simplified Arabic", latin=_TIMES),
    fonts=Fonts(text="Amiri", bold="Amiri", emphasis="Amiri", latin="Amiri"),
)
HAN = ScriptProfile(
    script=Script.HAN,
    rtl=False,
    italics=False,
    slanted=False,
    # headings and bold text in a Hei (sans) face; Latin letters and digits in Times, as the UN's Chinese files set them
    un_fonts=Fonts(text="SimSun", bold="SimHei", emphasis="SimSun", latin=_TIMES),
    # emphasis in a Kai face, upright, as UN Chinese texts set opening phrases
    fonts=Fonts(text="AR PL UMing CN", bold="WenQuanYi Zen Hei", emphasis="AR PL UKai CN", latin=_LIBERATION),
    break_anywhere=True,
)

PROFILES: dict[Script, ScriptProfile] = {p.script: p for p in (LATIN, CYRILLIC, ARABIC, HAN)}


__all__ = [
    "ARABIC",
    "CYRILLIC",
    "HAN",
    "LATIN",
    "PROFILES",
    "Fonts",
    "Script",
    "ScriptProfile",
]
