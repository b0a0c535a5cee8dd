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
from dataclasses import dataclass
from functools import cache

from unconvert.tree import Language, Organ
from unconvert.un.languages import LanguageTable, table_for
from unconvert.un.symbols import parse

# A symbol as printed: a series of capitals, then elements between slashes, with a bracketed volume or part, or an
# SC resolution's year. Its neighbours are not letters of a word (Chinese glues it to its words).
_LITERAL = (
    r"(?<![A-Za-z0-9/.\-\u2011])(?P<sym>[A-Z][A-Za-z]*(?:\.\d+)?"
    r"(?:/[A-Za-z0-9]+(?:[.\-\u2011][A-Za-z0-9]+)*(?:\([A-Za-z0-9\-]+\))?"
    r"(?:[ \u00a0]?\((?:Vol|Part|Supp)\.?[ \u00a0]?[IVX\d]+\))?)+(?:[ \u00a0]?\(\d{4}\))?)"
)
_ROMAN_SESSION = r"(?:E?S-)?[IVXLC]+"
_TRAILING = ".,;:-\u2011"
_JOINT = re.compile(r"[-\u2011](?=[A-Z][A-Za-z.]*\d*/)")  # A/75/345-S/2020/898: the UN links the first
# Between two items of one list: no end of a sentence or clause, and not too far.
_LIST_GAP = 250
_GA_NUMBERED = 31  # the first session whose resolutions the Assembly numbered ``31/1``
# After a document's symbol, its chapters or annexes and then a resolution: ``(A/74/53/Add.1), chap. III, resolution
# 42/12`` is a resolution the document holds, whoever adopted it, not the Assembly's.
_IN_DOCUMENT = re.compile(r"\)?(?:[,，،]\s*[^,，،;；。()]{0,30})*[,，،]\s*第?$")
_LIST_BREAK = re.compile(r"[;:。；؛：]|\.\s|\n")
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


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference found in a text: ``text[start:end]`` is what is printed (the number, or the symbol) and
    ``symbol`` the document it means, in its normal spelling (``A/RES/76/81``, ``S/RES/2334 (2016)``)."""

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


@cache
def _finder(language: Language) -> _Finder:
    table = table_for(language)
    prefixes = dict(table.session_prefixes)
    prefix = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    conj = table.part_conjunctions
    number = (
        rf"(?<![A-Za-z0-9/.\-\u2011])(?P<num>(?P<pre>{prefix})?(?P<a>\d{{1,4}})/(?P<b>\d{{1,4}})(?![\d/]|\.\d)"
        rf"(?:[ \u00a0](?P<parts>[A-Z]{{1,2}}(?:(?:,[ \u00a0]|[ \u00a0](?:{conj})[ \u00a0])[A-Z]{{1,2}})*)(?![\w(]))?"
        rf"|(?P<n>\d{{1,4}})(?:[ \u00a0]?[A-Z]{{1,2}})?[ \u00a0]?[(（](?:(?P<year>\d{{4}})|(?P<roman>{_ROMAN_SESSION})"
        r"|د-(?P<session>\d{1,3}))[)）])"
    )
    alternatives = [_LITERAL]
    organs: list[Organ] = []
    for i, (words, organ) in enumerate(table.reference_organs):
        alternatives.append(f"(?P<o{i}>(?i:{words}))")
        organs.append(organ)
    if table.resolution_words:
        alternatives.append(f"(?P<res>(?i:{table.resolution_words}))")
    if table.decision_words:
        alternatives.append(f"(?P<dec>(?i:{table.decision_words}))")
    alternatives.append(number)
    pattern = re.compile("|".join(alternatives))
    other = re.compile(table.other_bodies) if table.other_bodies else None
    return _Finder(table, pattern, tuple(organs), other, prefixes)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMANS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


@dataclass(slots=True)
class _List:
    """The list a word opened: its kind, the organ it names (so far), its items."""

    decision: bool
    organ: Organ | None
    items: list[tuple[int, int, re.Match[str]]]
    other: bool = False  # another body's: its numbers stay text


def find(text: str, language: Language, organ: Organ | None = None) -> list[Reference]:
    """Every reference in ``text``, in order: symbols as printed, and the numbers a word for a resolution or a
    decision introduces, with the symbol each means. ``organ`` is the citing document's: it decides nothing a
    number's form and the text do not (``its resolution 76/81`` is the Assembly's from the form), but a Human
    Rights Council text's ``resolution 45/1`` is the Council's."""
    finder = _finder(language)
    out: list[Reference] = []
    current: _List | None = None
    pending: list[tuple[int, int, re.Match[str]]] = []  # numbers before their word (Chinese)
    named: tuple[Organ, int] | None = None  # an organ's name and where it ends
    at = 0  # where the last token ended
    symbol_end = -1  # where the last symbol ended
    before_word = finder.table.numbers_before_word

    def close() -> None:
        nonlocal current
        if current is not None and not current.other:
            for start, end, match in current.items:
                symbol = _symbol(match, current.decision, current.organ, organ, finder.prefixes)
                if symbol:
                    out.append(Reference(start, end, symbol))
        current = None

    for match in finder.pattern.finditer(text):
        gap = text[at : match.start()]
        kind = match.lastgroup or ""
        if kind == "sym":
            close()
            pending = []
            reference = _literal(match)
            if reference is not None:
                out.append(reference)
                symbol_end = match.end()
        elif kind.startswith("o") and kind[1:].isdigit():
            said = finder.organs[int(kind[1:])]
            if current is not None and current.organ is None and len(gap) <= 12 and not _LIST_BREAK.search(gap):
                current.organ = said  # after the word (Arabic) or after the numbers (French)
            named = (said, match.end())
        elif kind in ("res", "dec"):
            decision = kind == "dec"
            if before_word and pending and len(gap) <= 4:
                close()
                first = pending[0][0]
                said_organ = named[0] if named and 0 <= first - named[1] <= 2 else None
                current = _List(decision, said_organ, pending)
                current.other = said_organ is None and _held_by_document(text, symbol_end, first)
                pending = []
                close()
            else:
                close()
                pending = []
                said_organ = named[0] if named and 0 <= match.start() - named[1] <= 3 else None
                current = _List(decision, said_organ, [])
                if said_organ is None:
                    current.other = _held_by_document(text, symbol_end, match.start())
                if said_organ is None and finder.other_bodies and not finder.table.other_bodies_follow:
                    before = text[max(0, match.start() - 40) : match.start()]
                    current.other = current.other or bool(finder.other_bodies.search(before))
        else:  # a number
            item = (match.start("num"), match.end("num"), match)
            if current is not None and (not current.items or _continues(gap)) and not before_word:
                current.items.append(item)
            elif before_word:
                if pending and not _continues(gap):
                    pending = []
                if pending or not _other_before(finder, text, match.start()):
                    pending.append(item)
            else:
                close()
        at = match.end()
        if current is not None and current.items and current.organ is None and finder.table.other_bodies_follow:
            # ``résolution 60/1 de la Commission``: another body's, named after its numbers
            current.other = current.other or bool(finder.other_bodies and finder.other_bodies.match(text, at))
    close()
    out.sort(key=lambda r: r.start)
    return out


def _parts(printed: str | None) -> str:
    """The parts of a resolution as the UN's undocs.org links write them: none for one part (``67/234 B`` links
    ``A/RES/67/234``, the document that holds it), ``A-B`` for ``74/92 A and B``, ``A-F`` for ``47/54 A to F``."""
    if not printed:
        return ""
    letters = re.findall(r"\b[A-Z]{1,2}\b", printed)
    return "" if len(letters) < 2 else f"{letters[0]}-{letters[-1]}"


def _held_by_document(text: str, symbol_end: int, start: int) -> bool:
    """Whether the words at ``start`` follow a symbol and the place in its document (``A/74/53, chap. III,``)."""
    return symbol_end >= 0 and start - symbol_end <= 60 and bool(_IN_DOCUMENT.fullmatch(text, symbol_end, start))


def _other_before(finder: _Finder, text: str, start: int) -> bool:
    """Whether another body's name stands just before ``start`` (Chinese ``执行局第2020/1号决定``)."""
    return bool(finder.other_bodies and finder.other_bodies.search(text[max(0, start - 12) : start]))


def _continues(gap: str) -> bool:
    return len(gap) <= _LIST_GAP and not _LIST_BREAK.search(gap)


def _literal(match: re.Match[str]) -> Reference | None:
    start, end = match.span("sym")
    text = match.string
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    printed = text[start:end]
    joint = _JOINT.search(printed)
    symbol_text = printed[: joint.start()] if joint else printed
    if "/" not in symbol_text or not any(c.isdigit() for c in symbol_text):
        return None
    try:
        symbol = str(parse(symbol_text))
    except ValueError:
        return None
    return Reference(start, end, symbol)


def _symbol(
    match: re.Match[str], decision: bool, said: Organ | None, citing: Organ | None, prefixes: dict[str, str]
) -> str | None:
    """The symbol a number means, from its form, the organ the text names and the citing document's organ."""
    series = "DEC" if decision else "RES"
    if decision and said is None:
        return None  # many bodies number their decisions as the organs do (``decision 44/114``): say which
    if match.group("a") is not None:
        first, second = match.group("a"), match.group("b")
        pre = prefixes.get(match.group("pre") or "", "")
        organ = said
        if organ is None:
            if pre:
                organ = Organ.GA
            elif len(first) == 4:
                organ = Organ.ECOSOC if 1946 <= int(first) <= 2100 else None
            else:
                organ = Organ.HRC if citing is Organ.HRC else Organ.GA
        if organ is Organ.SC or organ is None:
            return None
        if organ is Organ.ECOSOC and len(first) != 4:
            return None
        if organ is Organ.GA and not pre and not _GA_NUMBERED <= int(first) < 1000:
            return None  # before its thirty-first session the Assembly numbered ``1514 (XV)``
        prefix = {Organ.GA: "A", Organ.ECOSOC: "E", Organ.HRC: "A/HRC"}[organ]
        return f"{prefix}/{series}/{pre}{first}/{second}{_parts(match.group('parts'))}"
    number = match.group("n")
    if match.group("year") is not None:
        if decision or said not in (None, Organ.SC):
            return None
        return f"S/RES/{number} ({match.group('year')})"
    session = match.group("roman") or (_roman(int(match.group("session"))) if match.group("session") else "")
    if said is Organ.SC or said is Organ.HRC:
        return None
    prefix = "E" if said is Organ.ECOSOC else "A"
    return f"{prefix}/{series}/{number}({session.upper()})"
