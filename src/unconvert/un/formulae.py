"""The enacting formula: ``The General Assembly,``, ``Le Conseil de sécurité,``, ``大会，`` — the line that opens
a resolution's preamble and names the adopting organ. The formulae are language data (``LanguageTable.formulae``).
"""

from __future__ import annotations

from unconvert.tree import Organ
from unconvert.un.languages import LanguageTable
from unconvert.un.numbering import read_label
from unconvert.un.words import clean, compiled, fold, phrase_regex

_LONGEST_FORMULA = 120
_FORMULA_ENDS = (",", "，", "،")


def formula_organ(text: str, table: LanguageTable) -> Organ | None:
    """The organ whose enacting formula ``text`` is (the formula alone, with its comma or colon), else None."""
    for phrase, organ in table.formulae:
        match = compiled(phrase_regex(phrase)).match(text)
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
    for phrase, _organ in table.formulae:
        match = compiled(phrase_regex(phrase)).match(stripped)
        if match and fold(stripped[match.end() :]) == "":
            return True
    return False
