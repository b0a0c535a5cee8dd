"""Numbers as the UN prints them at the start of a paragraph, and what they can mean.

A paragraph's line starts with its number and a tab: ``1.`` (operative paragraph), ``1 -`` (Arabic), ``(a)`` /
``a)`` / ``a.`` / ``(أ)`` (lettered item), ``(i)`` / ``i)`` / ``i.`` / ``’1‘`` / ``㈠`` (roman item), ``•`` (bullet).
Roman section numbers (``I``, ``XIV``) and the table's other section numerals (``أولا``, ``一``) stand alone on their
line, sub-parts as ``A.\\tHeading``. ``(i)`` is a letter after ``(h)`` and a roman one elsewhere: ``Label.readings``
gives every reading and the body reader decides from context.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import NamedTuple

from unconvert.un.languages import LanguageTable


class Kind(StrEnum):
    PARAGRAPH = "paragraph"  # 1.  /  1 -
    POINT = "point"  # (a) (i) a) i) (أ) ’1‘ ㈠ •
    SECTION = "section"  # I  /  أولا  /  一   (alone on the line; the heading follows)
    SUBSECTION = "subsection"  # A.<tab>Heading


class Style(StrEnum):
    LETTER = "letter"
    ROMAN = "roman"
    BULLET = "bullet"


_NO_READINGS: dict[Style, int] = {}  # a label other than an item's: one, shared by them all, never changed


class Label(NamedTuple):
    """A number found at the start of a line: its kind, the number as printed, the text after it, and for items
    the ordinal under each style it can be read in (``(i)``: letter 9 or roman 1). (A named tuple: one is made for
    most lines of a body, quicker than a frozen dataclass.)"""

    kind: Kind
    num: str
    text: str
    readings: dict[Style, int] = _NO_READINGS


_PARAGRAPH = re.compile(r"(\d{1,3})(\.|[ \u00a0]?[-–‑])[ \u00a0]?\t+(.*)")
_PAREN_ITEM = re.compile(r"(\(([^\s()]{1,4})\)|([^\s()]{1,4})\))(?:[ \u00a0]?\t+|[ \u00a0](?=\S))(.*)")
_DOTTED_ITEM = re.compile(r"([a-z]{1,5}|[а-я])\.\t+(.*)")  # ``i.``, ``a.``: lower case (``A.`` heads a sub-part)
_QUOTED_ROMAN = re.compile(r"(’(\d{1,2})‘)\t+(.*)")
_CJK_NUMBER = re.compile(r"[一二三四五六七八九十]+")
_CIRCLED = re.compile(r"([㈠-㈩])\t+(.*)")
_BULLET = re.compile(r"([•·▪\-–])\t+(.*)")
_ROMAN_ALONE = re.compile(r"(?=[IVXL])(L?X{0,3}(?:IX|IV|V?I{0,3}))\.?")
_SUBSECTION = re.compile(r"([A-Z])\.\t+(.*)")
_NAMED_SUBSECTION = re.compile(r"(\S+)[ \u00a0]?[-–‑]\t+(.*)")  # ``ألف -<tab>Heading``
_ROMAN_HEADED = re.compile(r"(?=[IVXL])(L?X{0,3}(?:IX|IV|V?I{0,3}))\.\t+(\S.*)")
_SUBPART_LETTERS = frozenset({"C", "D", "L"})  # ``C.``, ``D.``: sub-part letters (roman 100, 500, 50 never head parts)
_SMALL_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
    "xiii": 13,
    "xiv": 14,
    "xv": 15,
    "xvi": 16,
    "xvii": 17,
    "xviii": 18,
    "xix": 19,
    "xx": 20,
    "xxi": 21,
    "xxii": 22,
    "xxiii": 23,
    "xxiv": 24,
    "xxv": 25,
}


def read_label(text: str, table: LanguageTable) -> Label | None:
    """The number at the start of ``text`` (leading tabs removed by the caller), or ``None``."""
    # Every form has a tab after its number but a bracketed item (``(a) text``) and a number alone on its line: a
    # line of text without a tab is asked only those.
    tabbed = "\t" in text
    match = _PARAGRAPH.fullmatch(text) if tabbed else None
    if match is not None:
        num = match.group(1) + match.group(2)  # as printed: ``1.``, ``1 -``, ``4 –``
        return Label(Kind.PARAGRAPH, num, match.group(3))
    match = _PAREN_ITEM.fullmatch(text)
    if match is not None:
        token = match.group(2) or match.group(3) or ""
        readings = _item_readings(token, table)
        if readings:
            return Label(Kind.POINT, match.group(1), match.group(4), readings)
    match = _DOTTED_ITEM.fullmatch(text) if tabbed else None
    if match is not None:
        readings = _item_readings(match.group(1), table)
        if readings:
            return Label(Kind.POINT, match.group(1) + ".", match.group(2), readings)
    match = _QUOTED_ROMAN.fullmatch(text) if tabbed else None
    if match is not None:
        return Label(Kind.POINT, match.group(1), match.group(3), {Style.ROMAN: int(match.group(2))})
    match = _CIRCLED.fullmatch(text) if tabbed else None
    if match is not None:
        return Label(Kind.POINT, match.group(1), match.group(2), {Style.ROMAN: ord(match.group(1)) - ord("㈠") + 1})
    match = _BULLET.fullmatch(text) if tabbed else None
    if match is not None:
        return Label(Kind.POINT, match.group(1), match.group(2), {Style.BULLET: 0})
    stripped = text.strip()
    if _ROMAN_ALONE.fullmatch(stripped) and stripped:
        return Label(Kind.SECTION, stripped, "")
    if section_numeral(stripped, table) is not None:
        return Label(Kind.SECTION, stripped, "")
    match = _ROMAN_HEADED.fullmatch(text) if tabbed else None
    if match is not None and match.group(1) not in _SUBPART_LETTERS:
        return Label(Kind.SECTION, match.group(1) + ".", match.group(2))  # ``II.<tab>Officers``
    match = _SUBSECTION.fullmatch(text) if tabbed else None
    if match is not None:
        return Label(Kind.SUBSECTION, match.group(1) + ".", match.group(2))
    match = _NAMED_SUBSECTION.fullmatch(text) if tabbed else None
    if match is not None and match.group(1) in table.subsection_letters:
        return Label(Kind.SUBSECTION, text[: match.start(2)].rstrip("\t"), match.group(2))
    return None


def section_numeral(text: str, table: LanguageTable) -> str | None:
    """The language's section numeral ``text`` is (``أولا``, ``一``), in the form of ``table.section_numerals``
    (``حادي عاشر`` is printed for ``حادي عشر``), else None; its place there is its number."""
    if text in table.section_numerals:
        return text
    for printed, numeral in table.section_numeral_variants:
        if text == printed:
            return numeral
    return None


def _item_readings(token: str, table: LanguageTable) -> dict[Style, int]:
    readings: dict[Style, int] = {}
    letters = table.point_letters
    token = unicodedata.normalize("NFKC", token)  # ``ﻫ`` (a presentation form) is ``ه``
    lowered = token.lower() if token.isascii() else token
    if lowered in letters:
        readings[Style.LETTER] = letters.index(lowered) + 1
    elif lowered + "ـ" in letters:
        readings[Style.LETTER] = letters.index(lowered + "ـ") + 1
    elif lowered.replace("ـ", "") in letters:
        readings[Style.LETTER] = letters.index(lowered.replace("ـ", "")) + 1
    elif len(lowered) >= 2 and len(set(lowered)) == 1 and lowered[0] in letters:
        readings[Style.LETTER] = len(letters) * (len(lowered) - 1) + letters.index(lowered[0]) + 1  # (aa), (bb)
    elif len(lowered) == 1 and lowered in "абвгдежзийклмнопрстуфхцчшщэюя":
        readings[Style.LETTER] = "абвгдежзийклмнопрстуфхцчшщэюя".index(lowered) + 1
    if token.islower() and token in _SMALL_ROMAN:
        readings[Style.ROMAN] = _SMALL_ROMAN[token]
    elif _CJK_NUMBER.fullmatch(token) and token in table.ordinals:
        readings[Style.ROMAN] = table.ordinals[token]  # ``(十一)``: Chinese items go on after ``㈩`` in words
    return readings
