"""The shape of a language table. Fields are grouped by the stage that reads them.

Stage 1 (front matter) fields and stage 2 (body) fields are filled in each language module (``en.py`` …).
Add a field with a default when a new need appears; never branch on the language in the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unconvert.tree import Language


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageTable:
    language: Language
    # --- stage 1: front matter -------------------------------------------------------------------------------
    months: dict[str, int] = field(default_factory=dict)  # month names (lower case) -> 1..12
    # --- stage 2: body ---------------------------------------------------------------------------------------
    preambular_phrases: tuple[str, ...] = ()  # opening phrases of preambular paragraphs, longest first
    operative_phrases: tuple[str, ...] = ()  # opening phrases (verbs) of operative paragraphs, longest first
    italic_phrases: bool = True  # False where the script has no italics (Chinese)
    phrase_boundary: bool = True  # an opening phrase ends at a word boundary (False: no spaces, Chinese)
    phrase_fallback_words: int = 1  # unknown opening phrase: take this many leading words (0: none)
    point_letters: tuple[str, ...] = tuple("abcdefghijklmnopqrstuvwxyz")  # lettered items, in order
    section_numerals: tuple[str, ...] = ()  # section numbers other than roman ones (أولا, 一), in order
    meeting_words: tuple[str, ...] = ()  # what a closing meeting line says (``plenary meeting``)
    annex_words: tuple[str, ...] = ()  # an annex label (``Annex``), optionally followed by its number
