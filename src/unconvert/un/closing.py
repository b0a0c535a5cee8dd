"""The closing lines of a resolution or decision: ``65th plenary meeting`` / ``18 December 2009``.

One Word paragraph with a line break (two lines of an ODS dump). The meeting line is recognised by the language's
``meeting_words`` and a number; the date by ``unconvert.un.dates.parse_date``.
"""

from __future__ import annotations

import functools
import re

from unconvert.un.languages import LanguageTable

_ORDINAL = re.compile(r"\d+[^\s\d()\u4e00-\u9fff]*")


def is_meeting_line(text: str, table: LanguageTable) -> bool:
    """``65th plenary meeting``, ``52e séance plénière``, ``第52次全体会议``, ``Primera sesión plenaria``."""
    stripped = text.strip()
    if not stripped or len(stripped) > 90:
        return False
    lowered = stripped.lower()
    return any(word in lowered for word in _lowered(table.meeting_words))


@functools.lru_cache(maxsize=16)
def _lowered(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.lower() for word in words)


def meeting_ordinal(text: str) -> str:
    """The ordinal as printed (``65th``, ``52e``, ``52‑е``; ``52`` for Arabic and Chinese)."""
    match = _ORDINAL.search(text)
    return match.group(0).rstrip(".,") if match else ""
