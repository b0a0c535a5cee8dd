"""Which of the UN's languages a text is written in: by its script (Arabic, Chinese, Russian), else, for the
Latin-script languages, by the language's commonest short words (``LanguageTable.common_words``), and whether it
names a UN body (the UN's name, an organ, an enacting formula) in that language.

A reader decides from these how sure it is and what to do when a text is in none of the languages (the ODS reader:
``readers/ods/front.py``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from unconvert.tree import Language
from unconvert.un.languages import LanguageTable, all_tables, table_for

# The letters of the scripts only one of the languages is written in; a sample is in that language when more than
# ``_SCRIPT_SHARE`` of its letters are.
_SCRIPTS = (
    (Language.AR, re.compile(r"[\u0600-\u06ff]")),
    (Language.ZH, re.compile(r"[\u4e00-\u9fff]")),
    (Language.RU, re.compile(r"[\u0400-\u04ff]")),
)
_SCRIPT_SHARE = 0.3
# Any letter of those scripts: a Latin-script sample has none, and is told in one scan, without counting its letters.
_ANY_OWN_SCRIPT = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+")


def language_of_script(sample: str) -> Language | None:
    """The language whose own script most of ``sample``'s letters are in (Arabic, Chinese, Russian), or ``None``
    (Latin script, or no letters)."""
    if sample.isascii() or _ANY_OWN_SCRIPT.search(sample) is None:  # ``isascii``: one fast pass, no regex
        return None
    letters = sum(map(str.isalpha, sample))
    for language, script in _SCRIPTS:
        if letters and len(script.findall(sample)) > letters * _SCRIPT_SHARE:
            return language
    return None


@dataclass(frozen=True, slots=True)
class WordVote:
    """The language most of a text's words are common words of: ``score`` of its ``words`` are (``language`` is
    ``None`` when none is)."""

    language: Language | None
    score: int
    words: int


@functools.cache
def _common_words(language: Language) -> frozenset[str]:
    return frozenset(table_for(language).common_words)


def language_of_words(text: str) -> WordVote:
    """The language with the most of its common words in ``text`` (the first in the UN's order on a tie)."""
    counts = Counter(w.casefold() for w in _WORD.findall(text))
    best, best_score = None, 0
    for table in all_tables():
        score = sum(counts[w] for w in _common_words(table.language))
        if score > best_score:
            best, best_score = table.language, score
    return WordVote(best, best_score, counts.total())


def names_un_body(text: str, table: LanguageTable) -> bool:
    """Whether ``text`` prints the UN's name, an organ or an enacting formula as ``table``'s language does."""
    names = (*table.authority, *(name for name, _ in table.organs), *(name for name, _ in table.formulae))
    folded = text.casefold()
    return any(name.casefold() in folded for name in names if name)
