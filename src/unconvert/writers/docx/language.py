"""Per-language typography: fonts, sizes, language tags, direction, whether opening phrases are italic.

The UN sets English, French, Spanish and Russian in Times New Roman 10 pt; Chinese in SimSun (headings in SimHei)
with Latin text in Times New Roman and never in italics; Arabic right to left in a complex-script font, larger,
with Latin symbols in Times New Roman. Everything the writer varies by language is here, nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from unconvert.tree import Language
from unconvert.un import scripts
from unconvert.un.scripts import Script, language_tag, profile_for


@dataclass(frozen=True, slots=True)
class Profile:
    """What one language needs from the writer. Sizes are in half-points (Word's ``w:sz``)."""

    language: Language
    lang_tag: str  # w:lang w:val and the core property dc:language
    latin_font: str
    east_asian_font: str
    east_asian_heading_font: str
    complex_font: str
    size: int  # body size for Latin (and East Asian) text
    size_cs: int  # body size for complex-script (Arabic) text
    rtl: bool
    italics: bool  # False: emphasis (opening phrases) is set upright, as the Chinese editors do
    exact_lines: bool  # True: exact 12 pt line pitch as the UN's Latin styles; False: single spacing for tall scripts
    east_asian_bold_font: str = ""  # the face bold East Asian runs are set in, when the language has one

    def scaled(self, latin_size: int) -> tuple[int, int]:
        """A size given for Latin text (``24`` = 12 pt) for this language: ``(w:sz, w:szCs)``, each as much
        larger than the Latin size as this language's body is larger than 10 pt."""
        return (latin_size + self.size - 20, latin_size + self.size_cs - 20)


def _profile(language: Language) -> Profile:
    """The Word profile of ``language``, from its script's profile: Word names a face for each of its three slots
    (Latin, East Asian, complex script); the East Asian slot always holds the UN's Chinese faces."""
    script = profile_for(language)
    han = scripts.HAN.un_fonts
    chinese = script.script is Script.HAN
    arabic = script.script is Script.ARABIC
    return Profile(
        language=language,
        lang_tag=language_tag(language),
        latin_font=script.un_fonts.latin,
        east_asian_font=han.text,
        east_asian_heading_font=han.bold,
        complex_font=script.un_fonts.text if arabic else script.un_fonts.latin,
        size=21 if chinese else 22 if arabic else 20,
        size_cs=21 if chinese else 28 if arabic else 20,
        rtl=script.rtl,
        italics=script.italics,
        exact_lines=not (chinese or arabic),
        east_asian_bold_font=script.un_fonts.bold if chinese else "",
    )


PROFILES: dict[Language, Profile] = {language: _profile(language) for language in Language}


def profile(language: Language) -> Profile:
    """The profile of ``language``."""
    return PROFILES[language]
