"""Annex labels: ``Annex``, ``Annex II``, ``Annex A – Items considered …``, ``附件一``, ``المرفق الثاني``.

A label is the language's word for an annex (``LanguageTable.annex_words``), maybe followed by the annex's number
(a roman or arabic number, a capital letter, Chinese numerals, or a number the language spells out:
``LanguageTable.annex_numbers``) and maybe by the annex's title on the same line: after a dash, a colon or a tab
(``Annex A – Items …``, ``Annex I:⇥Title``), glued to the word when the dump lost the line break between them
(``AnnexPolitical Declaration …``), or after a space once the closing lines have been read
(``Anexo Convención de las Naciones Unidas …``). The title goes to the annex's headings, the rest is its label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unconvert.un.languages import LanguageTable

_NUMBER = re.compile(r"(?:[IVXLC]+|\d{1,2}|[A-Z]|[一二三四五六七八九十]+)(?![\w])")
_SEPARATOR = re.compile(r"[ \u00a0]*(?:[–—\-:.][ \u00a0\t]*|\t+)")
_SPACE = " \u00a0\t"


@dataclass(frozen=True, slots=True)
class AnnexLabel:
    label: str  # ``Annex II``
    heading: str = ""  # the title printed on the same line, if any


def _number(rest: str, table: LanguageTable) -> str:
    """The annex number at the start of ``rest`` (the text after the word and its space), or ``""``."""
    for word in sorted(table.annex_numbers, key=len, reverse=True):
        if rest.startswith(word) and (len(rest) == len(word) or not rest[len(word)].isalnum()):
            return word
    match = _NUMBER.match(rest)
    return match.group(0) if match else ""


def read_annex_label(text: str, table: LanguageTable, *, after_closing: bool) -> AnnexLabel | None:
    """The annex label that ``text`` (a line without its layout) is, or None."""
    for word in table.annex_words:
        if not text.startswith(word):
            continue
        rest = text[len(word) :]
        if not rest.strip(_SPACE):
            return AnnexLabel(word)
        if rest[0] in _SPACE:
            return _spaced(word, rest.rstrip(_SPACE), table, after_closing=after_closing)
        separated = _SEPARATOR.match(rest)
        if separated and rest[0] not in ".":
            return AnnexLabel(word, rest[separated.end() :].strip()) if rest[separated.end() :].strip() else None
        if not table.phrase_boundary:
            if len(rest) <= 3:  # ``附件一``, ``附件A``
                return AnnexLabel(text)
            continue
        if word[-1:].islower() and rest[0].isupper() and len(rest) > 1 and rest[1:2].islower():
            return AnnexLabel(word, rest.strip())  # ``AnnexPolitical Declaration``: the line break lost
    return None


def _spaced(word: str, spaced: str, table: LanguageTable, *, after_closing: bool) -> AnnexLabel | None:
    """``Annex``, then ``spaced`` (a space and the rest): a number, a number and a title, or (after the closing
    lines) a title. The label keeps its spacing as printed (``Annex\u00a0II``)."""
    rest = spaced.lstrip(_SPACE)
    number = _number(rest, table)
    if number:
        after = rest[len(number) :]
        label = word + spaced[: len(spaced) - len(rest) + len(number)]
        if not after.strip(_SPACE):
            return AnnexLabel(label)
        separated = _SEPARATOR.match(after)
        if separated and after[separated.end() :].strip():
            return AnnexLabel(label, after[separated.end() :].strip())
        if after_closing and after[0] in _SPACE:
            return AnnexLabel(label, after.strip(_SPACE))
        return None
    separated = _SEPARATOR.match(rest)
    if separated and rest[0] != "." and rest[separated.end() :].strip():
        return AnnexLabel(word, rest[separated.end() :].strip())  # ``Annex – Title``
    if after_closing:
        return AnnexLabel(word, rest)
    return None
