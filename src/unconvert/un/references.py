"""References to other UN documents in a text, and the symbol each one means.

A text cites a document by its symbol (``A/75/345``, ``S/2020/898``, ``NPT/CONF.2010/50 (Vol. I)``) or by what it
is and its number (``resolution 76/81``, ``resolutions 70/1 and 71/313``, ``résolution 2334 (2016) du Conseil de
sécurité``, ``резолюция 76/81``, ``القرار 76/81``, ``第76/81号决议``). ``find`` gives each one's place in the text
and its symbol (``A/RES/76/81``): the printed number is what a writer links.

One compiled pattern per language finds every word, organ name, number and symbol of a text in one pass; a small
state machine then reads them in order: a word for a resolution or a decision opens a list, the numbers that follow
it (dates and conjunctions between them) are its items, an organ's name before the word or after the numbers says
whose they are. Where the text does not say, the number's form does: ``2334 (2016)`` is the Security Council's,
``2022/5`` (a year) the Economic and Social Council's, ``76/81`` and ``1653 (XVI)`` (a session) the General
Assembly's. Numbers no word introduces, and those of another body (``Environment Assembly resolution 5/2``), stay
text: a symbol is never guessed. The words are language data (``LanguageTable.resolution_words`` …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple, TypeAlias

from unconvert.tree import Language, Organ
from unconvert.un.languages import LanguageTable, table_for
from unconvert.un.symbols import parse

# A symbol as printed: a series of capitals, then elements between slashes, with a bracketed volume or part, or an
# SC resolution's year. Its neighbours are not letters of a word (Chinese glues it to its words), nor is it the head
# of a longer one: ``GB.342/Décisions`` is no symbol ``GB.342/D``, ``IOC/A-33/Décisions`` no ``IOC/A-33``. A series
# is no roman number (``décision IX/20`` of a convention's conference, ``Part I/2021/2`` of another body's symbol).
# The series' letters are taken whole (``*+``, no backtracking): a full stop or a slash follows them, never a letter,
# so a shorter series never matches; the engine gives up on a capitalised word at once (every capital of a text is
# tried: a third of the time the finder's pattern takes).
_LITERAL = (
    r"[A-Z](?<![A-Za-z0-9/.\-\u2011][A-Z])[A-Za-z]*+(?:\.\d+)?"
    r"(?:/[A-Za-z0-9]+(?:[.\-\u2011][A-Za-z0-9]+)*(?:\([A-Za-z0-9\-]+\))?"
    r"(?:[ \u00a0]?\((?:Vol|Parts?|Supp|Sect)\.?[ \u00a0]?[IVX\d]+(?:(?:[ \u00a0]and[ \u00a0]|和)[IVX\d]+)?\))?)+"
    r"(?:[ \u00a0]?\(\d{4}\))?(?P<sym>)(?![A-Za-z0-9/\u00c0-\u024f\u0400-\u04ff])"
)
_ROMAN_SESSION = r"(?:E?S-)?[IVXLCХІ]+"  # Cyrillic Х and І stand for X and I in some files
# A resolution of the Assembly's first ten sessions in Chinese numerals, its session a bracketed ideograph
# (``第一㈠号决议``: resolution 1 (I)); read where the numbers stand before the word.
_CHINESE_NUMBER = r"[一二三四五六七八九十百]+[\u3220-\u3229](?=号)"
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
# Another organization's symbol, its series and its number apart (``LC 45/18``, ``CL 144/9``, ``WSFS 2009/2``): the
# number is no item of a list of resolutions (a roman number, ``annex II 45/18``, is no such series)
_SERIES_BEFORE = re.compile(r"(?<![\w.\-/])(?![IVX]+[ \u00a0])[A-Z]{1,5}[ \u00a0]$")
_ROMAN_SERIES = re.compile(r"[IVX]+/")
_LATIN_ROMAN = str.maketrans("ХІ", "XI")
_LATIN_LETTERS = str.maketrans("АВСЕНКМОРТХ", "ABCEHKMOPTX")
_TRAILING = ".,;:-\u2011"
_JOINT = re.compile(r"[-\u2011](?=[A-Z][A-Za-z.]*\d*/)")  # A/75/345-S/2020/898: the UN links the first
# Between two items of one list: no end of a sentence or clause, and not too far.
_LIST_GAP = 320
_SUBJECT_REACH = 24  # ``Consejo de Derechos Humanos contenida en su resolución``: the body whose ``its`` it is
_QUALIFIED_WORD = 20  # ``résolutions pertinentes du Conseil``: an organ named after a word and its adjective
_SAID_REACH = 14  # ``… Council in its resolution``, ``… Conseil dans sa résolution``: the organ is the list's
_PARTS_APART = 57  # the first session whose resolutions' parts are documents of their own (``_parts``)
_GA_NUMBERED = 31  # the first session whose resolutions the Assembly numbered ``31/1``
# After a document's symbol, its chapters or annexes and then a resolution: ``(A/74/53/Add.1), chap. III, resolution
# 42/12`` is a resolution the document holds, whoever adopted it, not the Assembly's.
_IN_DOCUMENT = re.compile(r"\)?(?:[,，،]\s*[^,，،;；。()]{0,30})*[,，،]\s*第?$")
_CHINESE_DATE = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?")
_CHINESE_TITLE = re.compile(r"题为“[^”]{0,200}”的?")
_ITEM_SEMICOLON = re.compile(r"[;؛][ \u00a0]*(?:\w{1,3}[ \u00a0]+)?$")
_LIST_BREAK = re.compile(r"[;:。；؛：]|\n")
_QUOTED = re.compile(r"“[^”]*”|”[^“]*“|«[^»]*»|《[^》]*》|\"[^\"]*\"")  # Arabic opens with ``”``
_FULL_STOP = re.compile(r"\.\s")
_ABBREVIATION = re.compile(
    r"(?:\b(?:paras?|par|chap|sect|secc|No|Nos|Vol|vol|art|arts|p|pp|párrs?|cap|annex|op|cit|al|ibid|n°|п|пп|гл|разд|т)"
    r"|[A-Z])$"
)
_COUNCILS = (Organ.SC, Organ.ECOSOC, Organ.HRC)
# The organs by module-level names for ``_symbol``, asked of every number: Python 3.11 reads an enum's member through
# its class with a hook of ``EnumType`` (its ``__getattr__``) that costs ten times a global's read.
_GA, _SC, _ECOSOC, _HRC = Organ.GA, Organ.SC, Organ.ECOSOC, Organ.HRC
_SERIES_PREFIX = {Organ.GA: "A", Organ.ECOSOC: "E", Organ.HRC: "A/HRC"}  # a resolution symbol's first element
_ROMANS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


class Reference(NamedTuple):
    """A reference found in a text: ``text[start:end]`` is what is printed (the number, or the symbol) and
    ``symbol`` the document it means, in its normal spelling (``A/RES/76/81``, ``S/RES/2334 (2016)``). (A named
    tuple: one is made for every reference of every paragraph, quicker than a frozen dataclass.)"""

    start: int
    end: int
    symbol: str


@dataclass(frozen=True, slots=True)
class _Finder:
    table: LanguageTable
    pattern: re.Pattern[str]
    organs: tuple[Organ, ...]  # the organ of each ``o<i>`` group
    other_bodies: re.Pattern[str] | None
    prefixes: dict[str, str]  # a special session's prefix as printed -> the symbol's (``دإط-`` -> ``ES-``)
    prefix_list: tuple[str, ...]  # the printed prefixes, longest first
    organ_to_number: re.Pattern[str] | None
    words: re.Pattern[str]  # a word for a resolution or a decision, after blanks
    joins: re.Pattern[str]  # a comma or a conjunction: what separates two lists
    own_after_body: re.Pattern[str] | None  # what stands between a body's name and its ``its``
    own: re.Pattern[str] | None  # ``its`` before the word (or the word's own ending): the citing organ's
    continuing: re.Pattern[str] | None  # ``ainsi que la`` before the word: the list before goes on
    organ_names: re.Pattern[str]  # the organs' names alone (groups ``o<i>``)


@cache
def _finder(language: Language) -> _Finder:
    table = table_for(language)
    prefixes = dict(table.session_prefixes)
    conj = table.part_conjunctions
    letter = "|".join(["[A-ZА-Я]{1,2}", *(re.escape(w) for w in table.part_letters)])
    # A number's first digit comes first, its left neighbour is checked after it (a pattern that opens on a
    # character class is tried fast at each position); a special session's prefix (``S-26/2``) is read before it.
    # The first number (``76`` of ``76/81``, ``2334`` of ``2334 (2016)``) is read once for both forms: the empty
    # group ``a`` or ``n`` after it says which form it opens (``_Number`` cuts it there). Both need all its digits
    # (a slash, a blank, a letter or a bracket follows), so this tries the forms in the same order as two
    # alternatives would; and its digits are taken whole (``{0,3}+``): fewer would leave a digit where neither form
    # goes on, so the engine need not try them (no part letter of ``table.part_letters`` starts with a digit).
    first = r"\d(?<![A-Za-z0-9/.\u2011]\d)\d{0,3}+"
    number = (
        rf"{first}(?:(?P<a>)/(?P<b>\d{{1,4}})(?![\d/]|\.\d)"
        rf"(?:[ \u00a0]?(?P<parts>(?:{letter})(?:(?:,[ \u00a0]|[ \u00a0]?(?:{conj})[ \u00a0]?)(?:{letter}))*)"
        rf"(?![A-Za-zА-Яа-я\u0621-\u064a(]))?"
        rf"|(?P<n>)(?:[ \u00a0]?(?:{letter}))?[ \u00a0]?[(（](?:(?P<year>\d{{4}})|(?P<roman>{_ROMAN_SESSION})"
        r"|د-(?P<session>\d{1,3})|دإ-(?P<special>\d{1,2}))(?:\(\))?[)）])"  # ``()``: an Arabic note's mark, taken out
    )
    alternatives = [_LITERAL]
    organs: list[Organ] = []
    for i, (words, organ) in enumerate(table.reference_organs):
        alternatives.append(_token(f"o{i}", words))  # as printed: an organ's name has its capitals
        organs.append(organ)
    if table.council_words:
        alternatives.append(_token("council", table.council_words))
    if table.resolution_words:
        alternatives.append(_token("res", _capital_or_not(table.resolution_words)))
    if table.decision_words:
        alternatives.append(_token("dec", _capital_or_not(table.decision_words)))
    alternatives.append(_token("num", number))
    if table.numbers_before_word:
        alternatives.append(_token("cnum", _CHINESE_NUMBER))
    pattern = re.compile("|".join(alternatives))
    other = re.compile(table.other_bodies) if table.other_bodies else None
    between = re.compile(table.organ_to_number) if table.organ_to_number else None
    next_word = re.compile(rf"\s*(?i:{table.resolution_words or '(?!)'}|{table.decision_words or '(?!)'})")
    joins = re.compile(rf"[,،，、]|(?<!\w)(?:{conj})(?!\w)")
    own_after_body = re.compile(table.own_after_body) if table.own_after_body else None
    own = re.compile(table.own_words) if table.own_words else None
    continuing = re.compile(table.continuing_words) if table.continuing_words else None
    names = re.compile("|".join(f"(?P<o{i}>{w})" for i, (w, _o) in enumerate(table.reference_organs)) or "(?!)")
    ordered = tuple(sorted(prefixes, key=len, reverse=True))
    return _Finder(
        table,
        pattern,
        tuple(organs),
        other,
        prefixes,
        ordered,
        between,
        next_word,
        joins,
        own_after_body,
        own,
        continuing,
        names,
    )


def _token(kind: str, body: str) -> str:
    """One alternative of a finder's pattern: ``body``, then an empty group named ``kind`` (the match's
    ``lastgroup``). The group is empty and last so that the alternative opens on ``body``'s first character or
    class: the engine passes over an alternative whose first character does not fit without entering it, where a
    group around ``body`` would be entered at every position of the text (the pattern is read about twice as
    fast). The token is the whole match."""
    return f"(?:{body})(?P<{kind}>)"


def _capital_or_not(words: str) -> str:
    """``words`` also with a capital first letter (``[rR]esolutions?``): a case-sensitive pattern is read several
    times faster than one with ``(?i:…)``, and a word for a resolution is printed either way; the word begins a
    word."""
    first = words[:1]
    if first.isalpha() and first.lower() != first.upper():
        # and not the end of a longer word (Russian ``разрешении``, the settling of a question, is no ``решении``),
        # checked after its first letter so that the pattern still opens on a character class (Arabic glues its
        # prefixes to the word, ``وبقرارها``, Chinese its words to each other: no such check)
        letter = f"[{first.lower()}{first.upper()}]"
        return f"{letter}(?<![A-Za-z\u00c0-\u024f\u0400-\u04ff]{letter}){words[1:]}"
    return words


def _chinese_int(numerals: str) -> int:
    """``一百八十一`` as 181."""
    total = digit = 0
    for c in numerals:
        if c == "百":
            total, digit = total + (digit or 1) * 100, 0
        elif c == "十":
            total, digit = total + (digit or 1) * 10, 0
        else:
            digit = _CHINESE_DIGITS[c]
    return total + digit


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMANS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


class _Number(NamedTuple):
    """A number as the finder's pattern read it: ``76/81 B`` (``a``/``b``, its ``parts``), or ``2334 (2016)``,
    ``1653 (XVI)``, ``1 (د-5)`` (``n`` and its ``year``, ``roman`` session, or Arabic ``session`` or ``special``
    session number); what a form does not have is ``None``. (A named tuple: one is made for every number of a text,
    and a frozen dataclass sets each of its eight fields through ``object.__setattr__``.)"""

    a: str | None
    b: str | None
    parts: str | None
    n: str | None
    year: str | None
    roman: str | None
    session: str | None
    special: str | None


def _number(match: re.Match[str]) -> _Number:
    """The number a ``num`` token is: its first number ends where the empty group ``a`` or ``n`` stands (a
    ``cnum`` token: the Chinese numerals, then the session's bracketed ideograph)."""
    text, start = match.string, match.start()
    if match.lastgroup == "cnum":
        session = ord(text[match.end() - 1]) - 0x321F
        return _Number(
            None, None, None, str(_chinese_int(text[start : match.end() - 1])), None, _roman(session), None, None
        )
    a_end, n_end = match.start("a"), match.start("n")
    return _Number(
        text[start:a_end] if a_end >= 0 else None,
        match.group("b"),
        match.group("parts"),
        text[start:n_end] if n_end >= 0 else None,
        *match.group("year", "roman", "session", "special"),
    )


_Item: TypeAlias = tuple[int, int, _Number, str]  # a number: where it is printed, what it is, its session prefix


@dataclass(slots=True)
class _List:
    """The list a word opened: its kind, the organ it names (so far), its items."""

    decision: bool
    organ: Organ | None
    items: list[_Item]
    other: bool = False  # another body's, or a body the text does not name: its numbers stay text
    carried: bool = False  # ``organ`` is the list's before (``Council decision 18/120 and resolutions 24/14``)
    council: bool = False  # ``the Council``, which the text does not name: only a council's forms are linked
    own: bool = False  # ``its resolution``: the citing organ's, so the lists after it are too


_UNKNOWN = None  # a body is named, but not one of the four organs (``the Council`` where no council was named)


class _Reader:
    """The state machine of ``find``: one text's tokens in order."""

    def __init__(self, finder: _Finder, text: str, citing: Organ | None) -> None:
        self.finder = finder
        self.text = text
        self.citing = citing
        self.out: list[Reference] = []
        self.current: _List | None = None
        self.pending: list[_Item] = []  # numbers before their word (Chinese)
        self.named: tuple[Organ | None, int] | None = None  # the last body named (None: not an organ) and its end
        self.named_council = False  # the last body named is a council the text does not name
        self.first_after_named: int | None = None  # where the first number after the last name stands
        self.council: Organ | None = citing if citing in _COUNCILS else None  # what ``the Council`` is
        self.closed: tuple[Organ, int] | None = None  # the organ of the last list, and where it ended
        self.other_end = -1  # where the last list of another body's numbers ended
        self.symbol_end = -1  # where the last symbol ended
        self.at = 0  # where the last token ended

    def run(self, windows: list[tuple[int, int]]) -> list[Reference]:
        for low, high in windows:
            self.read(low, high)
        self.close()
        self.out.sort(key=lambda r: r.start)
        return self.out

    def read(self, low: int, high: int) -> None:
        """The tokens of ``text[low:high]``, in order."""
        table = self.finder.table
        for match in self.finder.pattern.finditer(self.text, low, high):
            gap = self.text[self.at : match.start()]
            kind = match.lastgroup or ""
            if kind == "sym":
                self.close()
                self.pending = []
                reference = _literal(match)
                if reference is not None:
                    self.out.append(reference)
                    self.symbol_end = match.end()
            elif kind == "council":
                if self.council is None:
                    self.council = self.council_before(match.start())
                self.organ_named(self.council, gap, match.end(), council=self.council is None)
            elif kind.startswith("o") and kind[1:].isdigit():
                organ = self.finder.organs[int(kind[1:])]
                if organ in _COUNCILS:
                    self.council = organ
                self.organ_named(organ, gap, match.end())
            elif kind in ("res", "dec"):
                self.word(kind == "dec", gap, match.start(), match.end())
            else:
                self.number(match, gap)
            self.at = match.end()
            current = self.current
            if (
                current is not None
                and (current.items or kind in ("res", "dec"))
                and (current.organ is None or current.carried)
                and table.other_bodies_follow
            ):
                # ``résolution 60/1 de la Commission``: another body's, named after its numbers (Arabic: after the
                # word, ``وقرار لجنة حقوق الإنسان 2005/74``), also after a list of the Council's
                other = self.finder.other_bodies
                current.other = current.other or bool(other and other.match(self.text, self.at))

    def council_before(self, start: int) -> Organ | None:
        """The council the text names last before ``start`` (outside the windows read, too)."""
        found = None
        for match in self.finder.organ_names.finditer(self.text, 0, start):
            organ = self.finder.organs[int((match.lastgroup or "o0")[1:])]
            if organ in _COUNCILS:
                found = organ
        return found

    def organ_named(self, organ: Organ | None, gap: str, end: int, *, council: bool = False) -> None:
        current = self.current
        before_word = bool(self.finder.words.match(self.text, end))  # ``Human Rights Council decision``: the next's
        if (
            current is not None
            and (current.organ is None or current.carried)
            and not before_word
            and _near(gap, current, self.finder.joins)
        ):
            # after the word (Arabic ``قرار مجلس الأمن``) or after the numbers (``résolution 44/5 du Conseil``)
            current.organ = organ
            current.carried = False
            current.council = council
            current.other = current.other or (organ is _UNKNOWN and not council)
        self.named = (organ, end)
        self.named_council = council
        self.first_after_named = None

    def said(self, start: int, reach: int) -> tuple[Organ | None, bool]:
        """The organ named just before ``start`` (within ``reach`` characters, or what the language lets stand
        between an organ's name and its numbers: Chinese ``人权理事会2020年7月16日第44/5号决议``), and whether a
        body was named."""
        if self.named is None or (self.first_after_named is not None and start > self.first_after_named):
            return None, False  # numbers stand between: the name was said of them
        end = self.named[1]
        between = self.finder.organ_to_number
        if (0 <= start - end <= reach and not self.finder.joins.search(self.text, end, start)) or (
            between is not None and between.fullmatch(self.text, end, start)
        ):
            return self.named[0], True  # not across a conjunction (``57/23 Совета … и резолюции 2005/74``)
        gap = self.text[end:start] if 0 <= start - end <= _SAID_REACH else ""
        if gap and not _breaks(gap) and not self.finder.joins.search(gap) and not any(c.isdigit() for c in gap):
            return self.named[0], True  # ``the Human Rights Council in its resolution 22/13``
        return None, False

    def goes_on_other(self, first: int) -> bool:
        """Whether the numbers at ``first`` go on with another body's list, its word said again (Chinese
        ``妇女地位委员会…第49/7号决议、42 2012年3月9日题为“…”的第56/4号决议``)."""
        if self.other_end < 0:
            return False
        gap = _CHINESE_TITLE.sub("", _CHINESE_DATE.sub("", self.text[self.other_end : first]))
        return _continues(gap, 12)

    def continuing(self, start: int) -> bool:
        """Whether the words before ``start`` go on with the list before (``…, ainsi que la résolution``)."""
        pattern = self.finder.continuing
        return pattern is not None and pattern.search(self.text, max(0, start - 24), start) is not None

    def said_by_subject(self, its: int) -> tuple[Organ | None, bool]:
        """The organ whose ``its`` stands at ``its``: the body named just before it in the same clause (``the Human
        Rights Council, in its resolution 60/13``, ``del Consejo de Derechos Humanos contenida en su resolución``),
        a comma and a participle allowed between them, as the language's ``own_after_body`` says; not a clause of
        its own (``…, la Commission … et le Conseil des droits de l'homme, dont sa résolution 79/181``: the
        Assembly's); else none (the citing organ's own)."""
        between = self.finder.own_after_body
        if between is None or self.named is None:
            return None, False
        if self.first_after_named is not None and its > self.first_after_named:
            return None, False
        end = self.named[1]
        if its - end > _SUBJECT_REACH or not between.fullmatch(self.text, end, its):
            return None, False
        return self.named[0], True

    def word(self, decision: bool, gap: str, start: int, end: int) -> None:
        text = self.text
        if self.finder.table.numbers_before_word and self.pending and len(gap) <= 4:
            self.close()
            first = self.pending[0][0]
            organ, named = self.said(first, 2)
            own = self.finder.own
            carried = owned = False
            if (
                not named
                and self.citing is not None
                and own is not None
                and own.search(text, max(0, first - 16), first)
            ):
                organ, carried, owned = self.citing, True, True  # ``其第76/81号决议``
            elif (
                not named
                and self.closed is not None
                and _continues(text[self.closed[1] : first], 60)
                and not _other_before(self.finder, _CHINESE_DATE.sub("", text[self.closed[1] : first]), 0, 16)
            ):
                organ, carried = self.closed[0], True  # ``人权理事会…第5/1号决议和关于…的第5/2号决议``
            elif not named and self.citing is not None and self.finder.table.unnamed_is_own:
                organ, carried = self.citing, True
            self.current = _List(decision, organ, self.pending, council=named and self.named_council, carried=carried)
            # ``人权委员会2005年4月20日第2005/74号``, ``妇女地位委员会2005年3月11日题为“…”的第49/7号``
            before = _CHINESE_TITLE.sub("", _CHINESE_DATE.sub("", text[max(0, first - 240) : first]))[-30:]
            self.current.other = (named and organ is _UNKNOWN and not self.named_council) or (
                not named
                and (
                    _held_by_document(text, self.symbol_end, first)
                    or _other_before(self.finder, before, 0)
                    or (not owned and self.goes_on_other(first))
                )
            )
            self.pending = []
            self.close()
            return
        self.close()
        self.pending = []
        organ, named = self.said(start, 3)
        carried = own_list = False
        own = self.finder.own
        its = None if named or own is None else own.search(text, max(0, start - 12), end)
        if its is not None:
            organ, named = self.said_by_subject(its.start())
        if its is not None and not named and self.citing is not None:
            organ, carried, own_list = self.citing, True, True  # ``its resolution``: the citing organ's, form allowing
        elif (
            not named
            and self.closed is not None
            and _continues(text[self.closed[1] : start], _LIST_GAP if self.continuing(start) else 60)
            and not _other_before(self.finder, text, start, 40)  # ``… and Commission on Human Rights resolution``
        ):
            organ, carried = self.closed[0], True  # ``Human Rights Council decision 18/120 and resolutions 24/14``
        self.current = _List(decision, organ, [], carried=carried, own=own_list)
        if named and organ is _UNKNOWN:
            self.current.council = self.named_council
            self.current.other = not self.named_council
        elif organ is None:
            self.current.other = _held_by_document(text, self.symbol_end, start)
            other = self.finder.other_bodies
            if other is not None and not self.finder.table.other_bodies_follow:
                self.current.other = self.current.other or bool(other.search(text[max(0, start - 40) : start]))

    def number(self, match: re.Match[str], gap: str) -> None:
        start, pre = match.start(), ""
        if start and self.text[start - 1] in "-\u2011":
            pre = next((p for p in self.finder.prefix_list if self.text.startswith(p, start - len(p))), "")
            if not pre:
                return  # ``2015-2016/17``: no number of a document
            start -= len(pre)
        elif _series_before(self.text, start):
            self.close()  # ``resolution LP.4(8), and document LC 45/18``: another organization's symbol
            return
        item = (start, match.end(), _number(match), self.finder.prefixes[pre] if pre else "")
        if self.first_after_named is None:
            self.first_after_named = item[0]
        if not self.finder.table.numbers_before_word:
            # ``Resolutions 52/214, sect. C, para. 3; 55/222, sect. III; and 56/64 B``: a semicolon right before a
            # number separates the items of one list, each with its place in the resolution
            if ";" in gap or "؛" in gap:
                gap = _ITEM_SEMICOLON.sub("", gap)
            if self.current is not None and (not self.current.items or _continues(gap)):
                self.current.items.append(item)
            else:
                self.close()
            return
        if self.pending and not _continues(gap):
            self.pending = []
        _organ, named = self.said(match.start(), 2)
        if self.pending or named or not _other_before(self.finder, self.text, match.start()):
            self.pending.append(item)

    def close(self) -> None:
        current = self.current
        self.current = None
        if current is None or current.other:
            if current is not None and current.items:
                self.other_end = current.items[-1][1]
            return
        for start, end, number, pre in current.items:
            if current.council and not _a_council_form(number):
                continue
            symbol = _symbol(number, pre, current.decision, current.organ, self.citing, self.finder)
            if symbol is None and (current.carried or _the_other_organs(number, current.organ)):
                # the list before was another organ's, or the list names both organs (``the two resolutions 70/262
                # and 2282 (2016)`` of the Assembly and the Security Council): the form says
                symbol = _symbol(number, pre, current.decision, None, self.citing, self.finder)
            if symbol:
                self.out.append(Reference(start, end, symbol))
        if current.organ is not None and (not current.carried or current.own):
            # ``the resolutions of the Human Rights Council on the subject, including resolution 51/13``
            self.closed = (current.organ, current.items[-1][1] if current.items else self.at)


_IDEOGRAPH_SESSION = re.compile("[\u3220-\u3229]号")


def may_refer(text: str) -> bool:
    """Whether ``text`` may hold a reference (a quick test before ``find``): every reference has a slash or a
    bracket, or a session as a bracketed ideograph (``第一㈠号``)."""
    return "/" in text or "(" in text or "（" in text or ("号" in text and _IDEOGRAPH_SESSION.search(text) is not None)


def find(text: str, language: Language, organ: Organ | None = None) -> list[Reference]:
    """Every reference in ``text``, in order: symbols as printed, and the numbers a word for a resolution or a
    decision introduces, with the symbol each means. ``organ`` is the citing document's: it decides nothing a
    number's form and the text do not (``its resolution 76/81`` is the Assembly's from the form), but it says
    which council ``the Council`` is when the text names none, and a Human Rights Council text's ``resolution
    45/1`` is the Council's."""
    windows = _windows(text)
    if not windows:
        return []
    return _Reader(_finder(language), text, organ).run(windows)


def _parts(printed: str | None, spelt: tuple[str, ...], session: int) -> str:
    """The parts of a General Assembly resolution as the UN's undocs.org links write them. Since its fifty-seventh
    session the Assembly issues each part as a document of its own: part A has the resolution's symbol
    (``76/246 A`` links ``A/RES/76/246``), a later part has its letter (``57/270 B``: ``A/RES/57/270B``) and several
    parts have the first and the last (``74/92 A and B``: ``A-B``, ``74/264 A to C``: ``A-C``). Before it, one
    document held every part (``33/71 E``, ``53/243 A and B`` link ``A/RES/33/71``, ``A/RES/53/243``). Letters
    spelt out (Arabic ``ألف وباء``) are the language's ``part_letters``."""
    if not printed or session < _PARTS_APART:
        return ""
    words = "|".join(re.escape(w) for w in spelt)
    pattern = r"(?<![A-Za-zА-Яа-я])[A-ZА-Я]{1,2}(?![A-Za-zА-Яа-я])" + (f"|{words}" if words else "")
    letters = [
        chr(ord("A") + spelt.index(found)) if found in spelt else found.translate(_LATIN_LETTERS)
        for found in re.findall(pattern, printed)
    ]
    if len(letters) == 1:
        return "" if letters[0] == "A" else letters[0]
    return f"{letters[0]}-{letters[-1]}" if letters else ""


# Where a reference may stand (a candidate): a number with a slash or a bracket after it (``76/81``, ``2334 (``,
# ``1653 A (``), a symbol's capital and slash (``A/``: the slash is the candidate, ``_windows`` moves its start back
# to the capital), a session as a bracketed ideograph (``第一㈠号``). The tokens are read only around them (the words
# before a list, the organ after it): a text without any costs one scan.
#
# Every candidate holds a slash, a bracket or ``号`` within its last two characters, far rarer than the digits it
# opens on: the scan stops at those (``_ANCHORS``) and looks back a few characters, rather than trying a pattern at
# every digit of the text (dates, figures: the engine's cost was one attempt per digit). The candidates are those
# of a left-to-right scan, each starting after the one before ends: ``_NUMBER_BEFORE_BRACKET`` is the bracketed form
# whole, the rest is said below.
_ANCHORS = "/(（号"
_NUMBER_BEFORE_BRACKET = re.compile(r"\d[ \u00a0]?(?:[A-ZА-Я]{1,2}[ \u00a0]?|[\u0621-\u064a]{3}[ \u00a0])?[(（]")
_BETWEEN_NUMBER_AND_BRACKET = frozenset(  # what may stand there: blanks, a part's letters (Latin, Cyrillic, Arabic)
    " \u00a0" + "".join(map(chr, [*range(0x41, 0x5B), *range(0x410, 0x430), *range(0x621, 0x64B)]))
)
_LONGEST_BEFORE_BRACKET = 6  # the number's digit and five characters: ``7 دال (`` (blank, three letters, blank)
_BEFORE = 160  # characters read before a candidate: its word, and the organ named before it
_AFTER = 100  # and after it: the organ named after the numbers, the parts


def _candidates(text: str) -> Iterator[tuple[int, int]]:
    """Where each candidate of ``text`` starts and ends, in order, none overlapping the one before."""
    taken = 0  # where the last candidate ends
    for at in _anchors(text):
        span = _candidate_at(text, at, text[at])
        if span is not None and span[0] >= taken:
            yield span
            taken = span[1]


def _anchors(text: str) -> list[int]:
    """Where each of the ``_ANCHORS`` stands in ``text`` (not its first character), in order. Each is looked for
    with ``str.find``, a memchr scan: a pattern's class (``[/(（号]``) was tested at every character of every text
    with a bracket or a slash, a twentieth of the reference pass's instructions."""
    found: list[int] = []
    for anchor in _ANCHORS:
        at = text.find(anchor, 1)
        while at >= 0:
            found.append(at)
            at = text.find(anchor, at + 1)
    found.sort()
    return found


def _candidate_at(text: str, at: int, anchor: str) -> tuple[int, int] | None:
    """The candidate whose slash, bracket or ``号`` stands at ``at`` (not the first character), if any."""
    before = text[at - 1]
    if anchor == "/":
        if "A" <= before <= "Z":
            return at, at + 1  # ``A/``
        if before.isdecimal() and text[at + 1 : at + 2].isdecimal():  # what ``\d`` matches
            return at - 1, at + 2  # ``76/8``
        return None
    if anchor == "号":
        return (at - 1, at + 1) if "\u3220" <= before <= "\u3229" else None
    digit = at - 1  # a bracket: the number's last digit is the first character before it that may not stand between
    low = max(at - _LONGEST_BEFORE_BRACKET, 0)
    while digit > low and text[digit] in _BETWEEN_NUMBER_AND_BRACKET:
        digit -= 1
    if _NUMBER_BEFORE_BRACKET.fullmatch(text, digit, at + 1) is None:
        return None
    return digit, at + 1


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around its candidates, merged where they meet."""
    out: list[tuple[int, int]] = []
    low = high = -1
    for first, last in _candidates(text):
        start = first - _BEFORE
        if text[first] == "/":
            start -= 1  # the capital before it
        if start > high:  # a window of its own
            if high >= 0:
                out.append((low, high))
            low = start if start > 0 else 0
        high = last + _AFTER  # candidates come in order: the window ends after this one
    if high >= 0:
        out.append((low, high if high < len(text) else len(text)))
    return out


def _series_before(text: str, start: int) -> bool:
    """Whether another organization's series stands right before the number at ``start`` (``_SERIES_BEFORE``):
    asked only where a capital and a blank stand there, as the pattern needs (most numbers follow a word)."""
    return (
        start >= 2
        and text[start - 1] in " \u00a0"
        and "A" <= text[start - 2] <= "Z"
        and _SERIES_BEFORE.search(text, max(0, start - 7), start) is not None
    )


def _a_council_form(number: _Number) -> bool:
    """Whether a number's form is a council's whichever it is: ``2334 (2016)`` the Security Council's, ``2022/5``
    the Economic and Social Council's."""
    return number.year is not None or (number.a is not None and len(number.a) == 4)


def _the_other_organs(number: _Number, said: Organ | None) -> bool:
    """Whether a number said of the Assembly has the Security Council's form (``2282 (2016)``), or one said of the
    Council the Assembly's (``70/262``): neither organ numbers its resolutions the other's way."""
    if said is Organ.GA:
        return number.year is not None
    if said is Organ.SC:
        return number.a is not None and len(number.a) < 4
    return False


def _near(gap: str, current: _List, joins: re.Pattern[str]) -> bool:
    """Whether an organ named after ``gap`` is said of ``current``: right after its word (``قرار مجلس الأمن``), or
    after its numbers and their dates (``résolutions 41/11 du 11 juillet 2019 du Conseil``), but not after a comma
    or a conjunction (``74/154 of 18 December 2019, and Human Rights Council …``: another list's)."""
    if len(gap) <= 12:
        return not _breaks(gap)
    if not current.items:  # ``les résolutions pertinentes du Conseil``
        return len(gap) <= _QUALIFIED_WORD and not _breaks(gap) and not joins.search(gap)
    return bool(current.items) and len(gap) <= 45 and not _breaks(gap) and not joins.search(gap)


def _held_by_document(text: str, symbol_end: int, start: int) -> bool:
    """Whether the words at ``start`` follow a symbol and the place in its document (``A/74/53, chap. III,``)."""
    return symbol_end >= 0 and start - symbol_end <= 60 and bool(_IN_DOCUMENT.fullmatch(text, symbol_end, start))


def _other_before(finder: _Finder, text: str, start: int, reach: int = 12) -> bool:
    """Whether another body's name stands just before ``start`` (Chinese ``执行局第2020/1号决定``; ``start`` 0: at
    the end of ``text``), where the language names it before its numbers."""
    if finder.other_bodies is None or finder.table.other_bodies_follow:
        return False
    end = start or len(text)
    return bool(finder.other_bodies.search(text[max(0, end - reach) : end]))


def _continues(gap: str, reach: int = _LIST_GAP) -> bool:
    return len(gap) <= reach and not _breaks(gap)


def _breaks(gap: str) -> bool:
    """Whether ``gap`` ends a sentence or a clause: a semicolon, a colon, a line, a full stop that ends no
    abbreviation (``para. 9``, ``chap. III`` go on); what a title in quotes says does not count (``entitled “The
    United Nations Global Counter-Terrorism Strategy: eighth review”, and 79/316``)."""
    if "“" in gap or "”" in gap or "«" in gap or "《" in gap or '"' in gap:
        gap = _QUOTED.sub("", gap)
    if _LIST_BREAK.search(gap):
        return True
    return "." in gap and any(not _ABBREVIATION.search(gap, 0, stop.start()) for stop in _FULL_STOP.finditer(gap))


def _literal(match: re.Match[str]) -> Reference | None:
    start, end = match.span()
    text = match.string
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    printed = text[start:end]
    joint = _JOINT.search(printed)
    symbol_text = printed[: joint.start()] if joint else printed
    if "/" not in symbol_text or not any(c.isdigit() for c in symbol_text) or _ROMAN_SERIES.match(symbol_text):
        return None
    if symbol_text.rpartition("/")[2].isalpha():
        return (
            None  # ``GB.342/Decisions``, ``IOC/A-32/Decisions``: another organization's, a UN symbol ends on a number
        )
    symbol = _normal_symbol(symbol_text)
    return None if symbol is None else Reference(start, end, symbol)


@lru_cache(maxsize=256)
def _normal_symbol(printed: str) -> str | None:
    """The normal spelling of a symbol as printed, or ``None``. Cached, but few: a document cites the same symbols
    again and again (in its notes, in its other languages' files of a batch), and a batch worker's cache of every
    symbol it met would grow for hours."""
    try:
        return str(parse(printed))
    except ValueError:
        return None


def _symbol(
    number: _Number, pre: str, decision: bool, said: Organ | None, citing: Organ | None, finder: _Finder
) -> str | None:
    """The symbol a number means, from its form, the organ the text names and the citing document's organ."""
    series = "DEC" if decision else "RES"
    if decision and said is None:
        return None  # many bodies number their decisions as the organs do (``decision 44/114``): say which
    if number.a is not None:
        first, second = number.a, number.b
        spelt = finder.table.part_letters
        organ = said
        if organ is None:
            if pre:
                organ = _GA
            elif len(first) == 4:
                organ = _ECOSOC if 1946 <= int(first) <= 2100 else None
            else:
                organ = _HRC if citing is _HRC else _GA
        if organ is _SC or organ is None:
            return None
        if organ is _ECOSOC and len(first) != 4:
            return None
        if organ is _GA and not pre and not _GA_NUMBERED <= int(first) < 1000:
            return None  # before its thirty-first session the Assembly numbered ``1514 (XV)``
        prefix = _SERIES_PREFIX[organ]
        parts = _parts(number.parts, spelt, int(first)) if organ is _GA and not decision and not pre else ""
        return f"{prefix}/{series}/{pre}{first}/{second}{parts}"
    if number.year is not None:
        if decision or said not in (None, _SC):
            return None
        return f"S/RES/{number.n} ({number.year})"
    session = (number.roman or "").translate(_LATIN_ROMAN)
    if number.session:
        session = _roman(int(number.session))
    elif number.special:
        session = "S-" + _roman(int(number.special))
    if said is _SC or said is _HRC:
        return None
    prefix = "E" if said is _ECOSOC else "A"
    return f"{prefix}/{series}/{number.n}({session.upper()})"
