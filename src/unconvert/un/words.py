"""Reading what the languages print: comparison keys, phrases as patterns, dates, ordinals.

Shared by the readers (the ODS reader's ``masthead``, ``cover``, ``front``, ``parts``). Everything
language-specific comes from a ``LanguageTable``; what is derived from a table (compiled date patterns, folded
month and ordinal names) is cached by language, since tables hold dicts and cannot be hashed.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from unconvert.tree import Language
from unconvert.un.languages import LanguageTable, all_tables, table_for

# --- text ---------------------------------------------------------------------------------------------

_FOLD_DROP = re.compile(r"[\s\u0640\u200b-\u200f\-‐‑–—_.,،，:：;；]+")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "’": "'", "‘": "'", "ё": "е", "Ё": "Е"})


def fold(text: str) -> str:
    """A comparison key: no accents or marks, lower case, no spaces, hyphens or punctuation, one alef."""
    decomposed = unicodedata.normalize("NFD", text.translate(_ALEF))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _FOLD_DROP.sub("", stripped.casefold())


def clean(text: str) -> str:
    """A line without its layout: tabs and outer spaces (no-break included) removed."""
    return text.strip(" \t\u00a0\u200b\u200e\u200f\ufeff")


def plain(text: str) -> str:
    """Plain text: runs of spaces, tabs and no-break spaces folded to one space."""
    return " ".join(text.replace("\u00a0", " ").split())


@lru_cache(maxsize=4096)
def phrase_regex(phrase: str) -> str:
    """A regex for ``phrase`` as printed: any spacing, optional tatweel, either apostrophe."""
    out: list[str] = []
    for char in phrase:
        if char.isspace():
            out.append(r"[\s\u0640]*")
        elif char in "’'‘":
            out.append("[’'‘]")
        else:
            out.append(re.escape(char) + r"\u0640*")
    return "".join(out)


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _month_keys(table: LanguageTable) -> dict[str, int]:
    return _month_keys_of(table.language)


@lru_cache(maxsize=16)
def _month_keys_of(language: Language) -> dict[str, int]:
    return {fold(name): number for name, number in table_for(language).months.items()}


def _date_regexes(table: LanguageTable) -> tuple[re.Pattern[str], ...]:
    return _date_regexes_of(table.language)


@lru_cache(maxsize=16)
def _date_regexes_of(language: Language) -> tuple[re.Pattern[str], ...]:
    table = table_for(language)
    names = sorted(table.months, key=len, reverse=True)
    alternation = "|".join(phrase_regex(name) for name in names) or r"\d{1,2}"
    return tuple(compiled(p.replace("{month}", alternation)) for p in table.date_patterns)


def ordinal_keys(table: LanguageTable) -> dict[str, int]:
    return _ordinal_keys_of(table.language)


@lru_cache(maxsize=16)
def _ordinal_keys_of(language: Language) -> dict[str, int]:
    return {fold(word): number for word, number in table_for(language).ordinals.items()}


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a text: its value and where it stands."""

    date: _dt.date
    start: int
    end: int


def find_date(text: str, tables: Iterable[LanguageTable], *, start: int = 0) -> FoundDate | None:
    """The first real date in ``text[start:]`` in any of ``tables``' forms (earliest position wins)."""
    best: FoundDate | None = None
    for table in tables:
        for regex in _date_regexes(table):
            for match in regex.finditer(text, start):
                found = _date_of(match, table)
                if found is not None:
                    if best is None or found.start < best.start:
                        best = found
                    break
    return best


def _date_of(match: re.Match[str], table: LanguageTable) -> FoundDate | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _month_keys(table).get(fold(month_text))
    if month is None:
        return None
    try:
        value = _dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
    return FoundDate(value, match.start(), match.end())


def tables_for_dates(table: LanguageTable) -> list[LanguageTable]:
    """The document's own table first, then the others (Arabic, Chinese and Russian mastheads date in English)."""
    return [table] + [t for t in all_tables() if t.language is not table.language]
