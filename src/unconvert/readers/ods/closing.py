"""The closing lines of a resolution or decision: ``65th plenary meeting`` / ``18 December 2009``.

One Word paragraph with a line break, so two lines of the dump. The meeting line is recognised by the language's
``meeting_words`` and a number; the date by the language's month names (``LanguageTable.months``) or the
``2022年12月12日`` pattern.
"""

from __future__ import annotations

import datetime as _dt
import re

from unconvert.un.languages import LanguageTable

_ORDINAL = re.compile(r"\d+[^\s\d()\u4e00-\u9fff]*")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DAY = re.compile(r"(\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def is_meeting_line(text: str, table: LanguageTable) -> bool:
    """``65th plenary meeting``, ``52e séance plénière``, ``第52次全体会议``, ``Primera sesión plenaria``."""
    stripped = text.strip()
    if not stripped or len(stripped) > 90:
        return False
    lowered = stripped.lower()
    return any(word.lower() in lowered for word in table.meeting_words)


def meeting_ordinal(text: str) -> str:
    """The ordinal as printed (``65th``, ``52e``, ``52‑е``; ``52`` for Arabic and Chinese)."""
    match = _ORDINAL.search(text)
    return match.group(0).rstrip(".,") if match else ""


def parse_date(text: str, table: LanguageTable) -> _dt.date | None:
    """The date a closing line states (by the table's ``date_patterns``), or ``None`` when it is not a date."""
    stripped = " ".join(text.split())
    if not stripped or len(stripped) > 60:
        return None
    for pattern in _date_patterns(table):
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        month_text = match.group("month").lower()
        month = int(month_text) if month_text.isdigit() else table.months.get(month_text, 0)
        if month:
            return _safe_date(int(match.group("year")), month, int(match.group("day")))
    match = _CJK_DATE.fullmatch(stripped)
    if match is not None:
        return _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


_COMPILED: dict[int, tuple[LanguageTable, list[re.Pattern[str]]]] = {}


def _date_patterns(table: LanguageTable) -> list[re.Pattern[str]]:
    """The table's date patterns with ``{month}`` replaced by its month names, compiled once per table."""
    built = _COMPILED.get(id(table))
    if built is not None and built[0] is table:
        return built[1]
    names = "|".join(re.escape(m) for m in sorted(table.months, key=len, reverse=True)) or r"\d{1,2}"
    patterns = [re.compile(p.replace("{month}", names), re.IGNORECASE) for p in table.date_patterns]
    _COMPILED[id(table)] = (table, patterns)
    return patterns


def looks_like_date(text: str) -> bool:
    """A short line with a day and a four-digit year: a date even when its month is not in the table."""
    stripped = text.strip()
    return 0 < len(stripped) <= 60 and (
        _CJK_DATE.search(stripped) is not None
        or (_DAY.match(stripped) is not None and _YEAR.search(stripped) is not None)
    )


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
