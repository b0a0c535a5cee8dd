"""Word's view of a language: its script profile (``unconvert.un.scripts``) and its typography
(``unconvert.layout.typography``) in Word's terms: three font slots (Latin, East Asian, complex script) and
half-point sizes.

Word sets the UN's own faces: Times New Roman for Latin letters, SimSun (headings and bold in SimHei) in the East
Asian slot of every language, Simplified Arabic in the complex-script slot of Arabic text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from unconvert.layout.geometry import half_points
from unconvert.layout.typography import typography_for
from unconvert.tree import Language
from unconvert.un import scripts
from unconvert.un.languages import language_tag, profile_for
from unconvert.un.scripts import Script


@dataclass(frozen=True, slots=True)
class Profile:
    """What one language needs from the Word writer. Sizes are in half-points (Word's ``w:sz``)."""

    language: Language
    lang_tag: str  # w:lang w:val and the core property dc:language
    latin_font: str
    east_asian_font: str
    east_asian_heading_font: str
    complex_font: str
    size: int  # body size for Latin (and East Asian) text
    size_cs: int  # body size for complex-script (Arabic) text
    rtl: bool
    italics: bool  # False: emphasis (opening phrases) is set upright, as the UN sets Arabic and Chinese
    exact_lines: bool  # True: the exact line pitch of the UN's Latin styles; False: single spacing (tall scripts)
    east_asian_bold_font: str  # the face bold East Asian runs are set in, when the language has one

    def scaled(self, latin: float) -> tuple[int, int]:
        """A size given for Latin text (in points) for this language: ``(w:sz, w:szCs)``, each as much larger than
        the Latin size as this language's body is larger than 10 pt."""
        size = half_points(latin)
        return (size + self.size - 20, size + self.size_cs - 20)


@cache
def profile(language: Language) -> Profile:
    """The profile of ``language``."""
    script = profile_for(language)
    typography = typography_for(language)
    han = scripts.HAN.un_fonts
    return Profile(
        language=language,
        lang_tag=language_tag(language),
        latin_font=script.un_fonts.latin,
        east_asian_font=han.text,
        east_asian_heading_font=han.bold,
        complex_font=script.un_fonts.text if script.rtl else script.un_fonts.latin,
        size=half_points(typography.word_size),
        size_cs=half_points(typography.word_complex_size),
        rtl=script.rtl,
        italics=script.slanted,
        exact_lines=typography.exact_lines,
        east_asian_bold_font=script.un_fonts.bold if script.script is Script.HAN else "",
    )
