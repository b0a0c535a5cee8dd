"""Reading what the languages print: comparison keys, phrases as patterns, ordinals.

Shared by the readers (the ODS reader's ``masthead``, ``cover``, ``front``, ``parts``). Everything
language-specific comes from a ``LanguageTable``; what is derived from a table (folded ordinal names) is cached by
language, since tables hold dicts and cannot be hashed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unconvert.tree import Language
from unconvert.un.languages import LanguageTable, table_for

# --- text ---------------------------------------------------------------------------------------------

_FOLD_DROP = re.compile(r"[\s\u0640\u200b-\u200f\-‐‑–—_.,،，:：;；]+")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "’": "'", "‘": "'", "ё": "е", "Ё": "Е"})


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """A comparison key: no accents or marks, lower case, no spaces, hyphens or punctuation, one alef."""
    if text.isascii():  # no alef, accent or mark to take out: the lower case without the punctuation
        return _FOLD_DROP.sub("", text.lower())
    decomposed = unicodedata.normalize("NFD", text.translate(_ALEF))
    stripped = _NON_ASCII.sub(_without_marks, decomposed)  # no ASCII character is a mark: only the others are asked
    return _FOLD_DROP.sub("", stripped.casefold())


def _without_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def clean(text: str) -> str:
    """A line without its layout: tabs and outer spaces (no-break included) removed."""
    return text.strip(" \t\u00a0\u200b\u200e\u200f\ufeff")


def plain(text: str) -> str:
    """Plain text: runs of spaces, tabs and no-break spaces folded to one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def phrase_pattern(phrase: str) -> str:
    """A regex for ``phrase`` as printed: any spacing, optional tatweel, either apostrophe (uncached: for a phrase
    of one document, such as its symbol)."""
    out: list[str] = []
    for char in phrase:
        if char.isspace():
            out.append(r"[\s\u0640]*")
        elif char in "’'‘":
            out.append("[’'‘]")
        else:
            out.append(re.escape(char) + r"\u0640*")
    return "".join(out)


@lru_cache(maxsize=4096)
def phrase_regex(phrase: str) -> str:
    """``phrase_pattern``, cached: for the languages' phrases, asked again for every document."""
    return phrase_pattern(phrase)


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def ordinal_keys(table: LanguageTable) -> dict[str, int]:
    return _ordinal_keys_of(table.language)


@lru_cache(maxsize=16)
def _ordinal_keys_of(language: Language) -> dict[str, int]:
    return {fold(word): number for word, number in table_for(language).ordinals.items()}
