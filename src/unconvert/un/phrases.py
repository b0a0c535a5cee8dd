"""Opening phrases: ``Recalling also`` at the start of a preambular paragraph, ``Takes note`` of an operative one.

The phrases are language data (``LanguageTable.preambular_phrases`` / ``operative_phrases``, harvested from the UN's
own AKN files); the longest listed phrase that opens the text wins. A text opening with no listed phrase falls back
to what the language's grammar says a phrase looks like (``LanguageTable.preambular_guess`` / ``operative_guess``:
``Deploring``, ``Also decides``; not ``We`` or ``The``) or else to its first words (``phrase_fallback_words``); the
caller reports either as a guess.
"""

from __future__ import annotations

import re

from unconvert.un.languages import LanguageTable

_TRAILING = ",;:，：،؛"

# What a phrase is looked up without: Arabic vowel marks and the tatweel (``تُقرر`` is ``تقرر``), bidirectional
# controls and soft hyphens; and what it is looked up as: a space for a no-break or narrow space
# (``Se\u00a0félicitant``).
_IGNORED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u00ad", "\u200b", "\u200c", "\u200d"]
    + ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]
    + ["\u2069"]
)
_AS_SPACE = frozenset("\u00a0\u202f\u2007\u2009")
_SPECIAL = re.compile("[" + "".join(sorted(_IGNORED | _AS_SPACE)) + "]")
_IGNORED_RE = re.compile("[" + "".join(sorted(_IGNORED)) + "]")
_FOLD = str.maketrans({**dict.fromkeys(_IGNORED), **dict.fromkeys(_AS_SPACE, " ")})
# A text's first word as ``PhraseMatcher`` bounds a phrase: letters, digits (what ``str.isalnum`` says) and hyphens.
_FIRST_WORD = re.compile(r"(?:[^\W_]|-)*")


def normalise(text: str) -> str:
    """``text`` as phrases are looked up (see ``_IGNORED``, ``_AS_SPACE``)."""
    return text.translate(_FOLD)


def printed_end(text: str, length: int) -> int:
    """Where the first ``length`` characters of ``normalise(text)`` end in ``text``, with the vowel marks of the last
    letter."""
    end = length
    for ignored in _IGNORED_RE.finditer(text):
        if ignored.start() > end:
            break
        end += 1  # an ignored character before the end (or right after it: a vowel mark of the last letter)
    return end


class PhraseMatcher:
    """Longest-first matching of a language's opening phrases, indexed by their first word (``_head``): for each
    length a listed phrase of that first word has (longest first), one dictionary look-up of the text's head."""

    def __init__(self, phrases: tuple[str, ...], *, boundary: bool, fallback_words: int, guess: str = "") -> None:
        self._boundary = boundary
        self._fallback_words = fallback_words
        self._guess = re.compile(guess) if guess else None
        self._last: tuple[str | None, str | None] = (None, None)  # the last text asked and its phrase
        by_head: dict[str, dict[str, str]] = {}
        phrases = tuple(normalise(p) for p in phrases)
        self._longest = max((len(p) for p in phrases), default=0)
        for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
            if phrase:
                by_head.setdefault(self._head(phrase).lower(), {}).setdefault(phrase.lower(), phrase)
        self._by_head: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {
            head: (tuple(sorted({len(p) for p in lowered.values()}, reverse=True)), frozenset(lowered))
            for head, lowered in by_head.items()
        }

    def _head(self, text: str) -> str:
        """What the phrases are indexed by: the first word of ``text`` where a phrase ends at a word's end (a phrase
        that opens a text holds the text's whole first word, so only the phrases of that word are tried: a handful,
        where the phrases of its first letter are dozens), else its first character."""
        if self._boundary:
            return text[: _FIRST_WORD.match(text).end()]  # type: ignore[union-attr]  # the pattern matches ""
        return text[:1]

    def match(self, text: str) -> str | None:
        """The listed phrase opening ``text`` (as printed in ``text``, no-break spaces and vowel marks included), or
        ``None``. The body reader asks twice of most recitals (is it one, then its phrase): the last answer is
        kept."""
        last_text, last_found = self._last  # one read: the pair stays consistent if threads share the matcher
        if text == last_text:
            return last_found
        head = text[: self._longest + 16]
        if head.isascii() or _SPECIAL.search(head) is None:  # every character looked up otherwise is non-ASCII
            found = self._match(text)
        else:
            found = self._match(normalise(head))
            found = None if found is None else text[: printed_end(text, len(found))]
        self._last = (text, found)
        return found

    def _match(self, text: str) -> str | None:
        if not text:
            return None
        entry = self._by_head.get(self._head(text).lower())
        if entry is None:
            return None
        sizes, lowered = entry
        length, boundary = len(text), self._boundary  # asked at each of a dozen sizes: read once
        for size in sizes:
            if size > length:
                continue
            # the word boundary first: one character, where most sizes end inside a word
            if boundary and size < length and (text[size].isalnum() or text[size] == "-"):
                continue
            head = text[:size]
            if head.lower() in lowered:
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
