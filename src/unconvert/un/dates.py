"""The one date parser: dates as each language prints them (``18 December 2009``, ``2022年12月12日``,
``7 de diciembre de 2022``), the first-page footer's print date (``111217``), and what merely looks like a date.

``find_date`` finds the first date in a text, ``parse_date`` reads a line that is a date and nothing else (a
closing line). Both use the language's ``date_patterns`` with ``{month}`` standing for its month names, which match
with any spacing, an optional tatweel and either apostrophe, and are looked up folded (``fold``). What is derived
from a table (compiled patterns, folded month names) is cached by language, since tables hold dicts and cannot be
hashed.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from unconvert.tree import Language
from unconvert.un.languages import LanguageTable, all_tables, table_for
from unconvert.un.ods import PRINTED_JOB_NUMBER
from unconvert.un.words import compiled, fold, phrase_regex


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


def parse_date(text: str, table: LanguageTable) -> _dt.date | None:
    """The date a whole line states (a closing line: ``18 December 2009``), in ``table``'s forms or the
    ``2022年12月12日`` form; ``None`` when the line is not a date."""
    stripped = " ".join(text.split())
    if not stripped or len(stripped) > 60:
        return None
    for candidate in (table, table_for(Language.ZH)):
        for regex in _date_regexes(candidate):
            match = regex.fullmatch(stripped)
            found = None if match is None else _date_of(match, candidate)
            if found is not None:
                return found.date
    return None


_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DAY = re.compile(r"(\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def looks_like_date(text: str) -> bool:
    """A short line with a day and a four-digit year: a date even when its month is not in the table. (The
    ``2022年12月12日`` form is searched for only in a line with a ``年``: most lines of every document are asked.)"""
    stripped = text.strip()
    return 0 < len(stripped) <= 60 and (
        ("年" in stripped and _CJK_DATE.search(stripped) is not None)
        or (_DAY.match(stripped) is not None and _YEAR.search(stripped) is not None)
    )


# ``17-21712 (E)    111217``: after the job number and its language letter, the date the file was printed (DDMMYY).
_PRINT_DATE = re.compile(r"\s+(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{2})(?!\d)")


def print_date(text: str) -> _dt.date | None:
    """The print date of a first-page footer line (``17-21712 (E)    111217`` → 2017-12-11), if it states one."""
    job = PRINTED_JOB_NUMBER.match(text)
    if job is None or job["letter"] is None:
        return None
    match = _PRINT_DATE.match(text, job.end())
    if match is None:
        return None
    try:
        return _dt.date(2000 + int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
