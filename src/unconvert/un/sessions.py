"""Session and agenda lines, as every language prints them under the masthead: ``Seventy-seventh session``,
``Resumed seventy-second session``, ``2018 session`` (ECOSOC), ``第七十七届会议``; ``Agenda items 13 and 72``,
``Agenda item 99 (gg)``. The patterns and the ordinals are language data (``session_patterns``, ``ordinals``,
``agenda_patterns``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from unconvert.tree import Language
from unconvert.un.languages import LanguageTable, table_for
from unconvert.un.words import compiled, fold, ordinal_keys, plain

_ITEM = re.compile(r"\d+(?:[\s\u00a0]*[(（]?[^\W\d_]{1,3}(?:\s[^\W\d_]{1,2})?[)）])?")


@dataclass(frozen=True, slots=True)
class SessionLine:
    """A session line's number: the GA ordinal or the ECOSOC year; None when the ordinal is not understood."""

    number: int | None


def session_of(text: str, table: LanguageTable) -> SessionLine | None:
    """What ``text`` says when it is a whole session line, else None."""
    for pattern in table.session_patterns:
        match = compiled(pattern).fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("year"):
            return SessionLine(int(groups["year"]))
        ordinal = groups.get("ordinal") or ""
        words = ordinal.split()
        # "Resumed seventy-second session": the ordinal is the longest known tail of the words. A tail of more
        # words than the longest ordinal has letters is none, so only those are tried: a line of thousands of
        # words costs one pass, not one per word.
        first = max(0, len(words) - _longest_ordinal(table))
        tails = (fold(" ".join(words[k:])) for k in range(first, len(words)))
        number = next((ordinal_keys(table)[tail] for tail in tails if tail in ordinal_keys(table)), None)
        if number is None and ordinal.strip().isdigit():
            number = int(ordinal)
        if number is not None or len(ordinal.split()) <= 3:
            return SessionLine(number)
    return None


def _longest_ordinal(table: LanguageTable) -> int:
    """The length of the longest ordinal of ``table`` as a comparison key (letters only)."""
    return _longest_ordinal_of(table.language)


@functools.cache
def _longest_ordinal_of(language: Language) -> int:
    """``_longest_ordinal``, once per language (a session line asks it; the keys do not change)."""
    return max((len(key) for key in ordinal_keys(table_for(language))), default=0)


def agenda_of(text: str, table: LanguageTable) -> list[str] | None:
    """The agenda item numbers of an agenda line as printed (``99 (gg)``, ``3 a)``), or None."""
    for pattern in table.agenda_patterns:
        match = compiled(pattern).fullmatch(text)
        if match:
            return [plain(item) for item in _ITEM.findall(match.group("items"))]
    return None
