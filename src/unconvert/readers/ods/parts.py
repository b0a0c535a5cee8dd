"""The heads of the parts of a multi-part resolution or decision (A/RES/80/84 A-B, A/DEC/76/559 A-B).

Each part opens with its letter on a line of its own (``A``, ``B``; Arabic also spells them: ``ألف``, ``باء``), maybe
a title of its own (``United Nations global communications policies and activities``) and, in a resolution, its own
formula (``The General Assembly,``). The letters come in sequence: a letter is a part's only when it is the next one
(``B`` after ``A``) and a formula follows it after at most a few title lines (a resolution), or it stands after the
closing lines of the part before (a decision, whose paragraphs have no formula). Anything else (``A`` heading a
section of an annex) is left to the other rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unconvert.un.formulae import is_formula
from unconvert.un.languages import LanguageTable
from unconvert.un.numbering import read_label
from unconvert.un.words import clean

_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MAX_TITLE_LINES = 3  # a part's title is printed on one or two lines; more is no title
_LONGEST_TITLE = 250
_SENTENCE_ENDS = (",", ";", ":", ".", "，", "；", "：", "。", "،", "؛")


_MARK = re.compile(r"[\t \u00a0]*(?:\d{1,3}|\*{1,3})$")  # a footnote mark on the letter: ``B1``, ``B⇥1``, ``B*``


def part_letter(text: str) -> str:
    """The letter of a part letter line, without the footnote mark that may stand on it (``B1`` -> ``B``). Every
    line of a resolution in parts is asked: the mark is searched for only in a line that ends as one does (a digit
    or an asterisk; a line end, where ``$`` also matches), the search trying the pattern at every character."""
    stripped = clean(text)
    last = stripped[-1:]
    if not (last.isdecimal() or last == "*" or last == "\n"):
        return stripped
    match = _MARK.search(stripped)
    return stripped[: match.start()] if match and match.start() > 0 else stripped


def part_ordinal(text: str, table: LanguageTable) -> int | None:
    """The position (0 for ``A``) of a part letter printed alone on its line (maybe with a footnote mark), else
    None."""
    line = clean(text)
    if line[1:2].isalpha() and not line.startswith(table.part_letters):
        return None  # a word (every line of a resolution in parts is asked): no letter with only a mark after it
    stripped = part_letter(text)
    if len(stripped) == 1 and stripped in _LATIN:
        return _LATIN.index(stripped)
    if stripped in table.part_letters:
        return table.part_letters.index(stripped)
    return None


def _title_like(text: str, table: LanguageTable) -> bool:
    stripped = clean(text)
    return (
        0 < len(stripped) < _LONGEST_TITLE
        and not stripped.endswith(_SENTENCE_ENDS)
        and read_label(stripped, table) is None
        and part_ordinal(stripped, table) is None
    )


@dataclass(frozen=True, slots=True)
class PartHead:
    """A part's head in a list of lines: its title lines and its formula line (indices), if any."""

    titles: tuple[int, ...]
    formula: int | None


def head_before_formula(texts: list[str], start: int, table: LanguageTable) -> PartHead | None:
    """Title lines from ``start`` on, up to a formula line: the head of a part (its letter already read), or None
    when no formula follows after at most a few title lines."""
    titles: list[int] = []
    for j in range(start, min(len(texts), start + _MAX_TITLE_LINES + 1)):
        if is_formula(texts[j], table):
            return PartHead(titles=tuple(titles), formula=j)
        if not _title_like(texts[j], table):
            return None
        titles.append(j)
    return None


def part_head(
    texts: list[str], index: int, table: LanguageTable, expected: int, *, formula: bool, after_closing: bool
) -> PartHead | None:
    """Whether ``texts[index]`` is the letter of the next part (ordinal ``expected``); its head if so.

    A resolution's part has its formula after at most a few title lines; a decision's part (no formula) is
    recognised after the closing lines of the part before, or at the start of the body."""
    if part_ordinal(texts[index], table) != expected or index + 1 >= len(texts):
        return None
    if formula:
        return head_before_formula(texts, index + 1, table)
    if after_closing or index == 0:
        following = clean(texts[index + 1])
        return PartHead(titles=(), formula=None) if following and not re.fullmatch(r"\W*", following) else None
    return None
