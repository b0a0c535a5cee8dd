"""Opening phrases: ``Recalling also`` at the start of a preambular paragraph, ``Takes note`` of an operative one.

The phrases are language data (``LanguageTable.preambular_phrases`` / ``operative_phrases``, harvested from the UN's
own AKN files); the longest listed phrase that opens the text wins. A text opening with no listed phrase falls back
to what the language's grammar says a phrase looks like (``LanguageTable.preambular_guess`` / ``operative_guess``:
``Deploring``, ``Also decides``; not ``We`` or ``The``) or else to its first words (``phrase_fallback_words``); the
caller reports either as a guess.
"""

from __future__ import annotations

import re

from unconvert.readers.ods.lang import LanguageTable

_TRAILING = ",;:，：،؛"


class PhraseMatcher:
    """Longest-first matching of a language's opening phrases, indexed by their first character: for each length
    a listed phrase of that first character has (longest first), one dictionary look-up of the text's head."""

    def __init__(self, phrases: tuple[str, ...], *, boundary: bool, fallback_words: int, guess: str = "") -> None:
        self._boundary = boundary
        self._fallback_words = fallback_words
        self._guess = re.compile(guess) if guess else None
        by_first: dict[str, dict[str, str]] = {}
        for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
            if phrase:
                by_first.setdefault(phrase[0].lower(), {}).setdefault(phrase.lower(), phrase)
        self._by_first: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {
            first: (tuple(sorted({len(p) for p in lowered.values()}, reverse=True)), frozenset(lowered))
            for first, lowered in by_first.items()
        }

    def match(self, text: str) -> str | None:
        """The listed phrase opening ``text`` (as printed in ``text``), or ``None``."""
        if not text:
            return None
        entry = self._by_first.get(text[0].lower())
        if entry is None:
            return None
        sizes, lowered = entry
        for size in sizes:
            if size > len(text):
                continue
            head = text[:size]
            if head.lower() not in lowered:
                continue
            if self._boundary and size < len(text) and (text[size].isalnum() or text[size] == "-"):
                continue
            return head
        return None

    def fallback(self, text: str) -> str:
        """What looks like a phrase at the start of ``text`` by the language's ``guess`` pattern, or else its first
        words (no trailing punctuation); ``""`` where there is none."""
        if self._guess is not None:
            found = self._guess.match(text)
            return found.group(0).rstrip(_TRAILING) if found else ""
        if self._fallback_words <= 0:
            return ""
        words = text.split(" ", self._fallback_words)[: self._fallback_words]
        phrase = " ".join(words).rstrip(_TRAILING)
        return phrase if phrase.strip() else ""


_BUILT: dict[int, tuple[LanguageTable, tuple[PhraseMatcher, PhraseMatcher]]] = {}


def matchers(table: LanguageTable) -> tuple[PhraseMatcher, PhraseMatcher]:
    """The (preambular, operative) matchers of ``table``, built once per table."""
    built = _BUILT.get(id(table))
    if built is not None and built[0] is table:
        return built[1]
    pair = (
        PhraseMatcher(
            table.preambular_phrases,
            boundary=table.phrase_boundary,
            fallback_words=table.phrase_fallback_words,
            guess=table.preambular_guess,
        ),
        PhraseMatcher(
            table.operative_phrases,
            boundary=table.phrase_boundary,
            fallback_words=table.phrase_fallback_words,
            guess=table.operative_guess,
        ),
    )
    _BUILT[id(table)] = (table, pair)
    return pair
