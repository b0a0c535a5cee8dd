"""The enacting formula: ``The General Assembly,``, ``Le Conseil de sécurité,``, ``大会，`` — the line that opens
a resolution's preamble and names the adopting organ. The formulae are language data (``LanguageTable.formulae``).
"""

from __future__ import annotations

import functools
import re

from unconvert.tree import Organ
from unconvert.un.languages import LanguageTable
from unconvert.un.numbering import read_label
from unconvert.un.words import clean, compiled, fold, phrase_regex

_LONGEST_FORMULA = 120
_FORMULA_ENDS = (",", "，", "،")


def formula_organ(text: str, table: LanguageTable) -> Organ | None:
    """The organ whose enacting formula ``text`` is (the formula alone, with its comma or colon), else None."""
    for pattern, organ in _patterns(table.formulae):
        match = pattern.match(text)
        if match and fold(text[match.end() :]) == "":
            return organ
    return None


def is_formula(text: str, table: LanguageTable) -> bool:
    """An enacting formula alone on its line: the language's (``The General Assembly,``), or any short line that
    ends like one (``The Conference of the Parties,``)."""
    stripped = clean(text)
    if not stripped or len(stripped) >= _LONGEST_FORMULA or read_label(stripped, table) is not None:
        return False
    if stripped.endswith(_FORMULA_ENDS):
        return True
    for pattern, _organ in _patterns(table.formulae):
        match = pattern.match(stripped)
        if match and fold(stripped[match.end() :]) == "":
            return True
    return False


@functools.lru_cache(maxsize=64)
def _patterns(formulae: tuple[tuple[str, Organ], ...]) -> tuple[tuple[re.Pattern[str], Organ], ...]:
    """The compiled pattern of each formula with its organ: asked of every front line, looked up once, not once
    per formula."""
    return tuple((compiled(phrase_regex(phrase)), organ) for phrase, organ in formulae)
