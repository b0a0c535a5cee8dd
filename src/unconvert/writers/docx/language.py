"""Per-language typography: fonts, sizes, language tags, direction, whether opening phrases are italic.

The UN sets English, French, Spanish and Russian in Times New Roman 10 pt; Chinese in SimSun (headings in SimHei)
with Latin text in Times New Roman and never in italics; Arabic right to left in a complex-script font, larger,
with Latin symbols in Times New Roman. Everything the writer varies by language is here, nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from unconvert.tree import Language


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


def _latin(language: Language, lang_tag: str) -> Profile:
    return Profile(
        language=language,
        lang_tag=lang_tag,
        latin_font="Times New Roman",
        east_asian_font="SimSun",
        east_asian_heading_font="SimHei",
        complex_font="Times New Roman",
        size=20,
        size_cs=20,
        rtl=False,
        italics=True,
        exact_lines=True,
    )


PROFILES: dict[Language, Profile] = {
    Language.EN: _latin(Language.EN, "en-GB"),
    Language.FR: _latin(Language.FR, "fr-FR"),
    Language.ES: _latin(Language.ES, "es-ES"),
    Language.RU: _latin(Language.RU, "ru-RU"),
    Language.ZH: Profile(
        language=Language.ZH,
        lang_tag="zh-CN",
        latin_font="Times New Roman",
        east_asian_font="SimSun",
        east_asian_heading_font="SimHei",
        complex_font="Times New Roman",
        size=21,
        size_cs=21,
        rtl=False,
        italics=False,
        exact_lines=False,
        east_asian_bold_font="SimHei",
    ),
    Language.AR: Profile(
        language=Language.AR,
        lang_tag="ar-SA",
        latin_font="Times New Roman",
        east_asian_font="SimSun",
        east_asian_heading_font="SimHei",
        complex_font="Simplified Arabic",
        size=22,
        size_cs=28,
        rtl=True,
        italics=True,
        exact_lines=False,
    ),
}


def profile(language: Language) -> Profile:
    """The profile of ``language``."""
    return PROFILES[language]
