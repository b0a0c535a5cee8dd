"""Footnotes: the notes of the footnote story, and where their marks stand in the main story.

A mark is only a number glued to the text before it (``principles of the Charter,1``; ``resolution 76/812,`` is
76/81 + note 2). The footnote story says which markers exist and marks appear in increasing order, so the marks are
found together: every digit run of the body that ends with an existing marker is a candidate, scored by how much it
looks like a mark (glued to a word or punctuation: strong; the tail of a symbol number or a year: weak), and the
increasing chain of candidates with the best total score wins (a weighted longest increasing subsequence, computed
with a Fenwick tree in O(n log n)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.stories import Line
from unconvert.tree import Inline, Text

# A note starts with its marker: digits or asterisks, then a space (``12 See …``, ``* Reissued …``).
_NOTE_START = re.compile(r"(\d{1,3}|\*{1,3})(?:[ \u00a0\t]+(.*))?")
_DIGITS = re.compile(r"\d+")
# The marker again, a space and a tab: ``1 1 <tab>See …`` (A/RES/72/63, 72/64: the gold's note is ``See …``).
# ``5 5<tab>Voir …`` (no space) is what the UN's own files keep as the note's text (``5 Voir …``): left as it is.
_ECHO = re.compile(r"(\d{1,3}|\*{1,3})[ \u00a0]+\t[ \t]*")
_ANCHOR = re.compile(r"\[[A-Z]{1,4}\d{1,3}\]")  # a comment anchor ``[DU1]``: its number is no mark

# Chinese numbers are glued to the characters around them: ``第76/81号``, ``12月1日``, ``2.50亿``. A number after
# these characters or before these counters is not a mark.
_CJK_BEFORE_NUMBER = "第近逾至到和及或与共计为达有每"
_CJK_COUNTERS = "年月日号次届个名项条款段卷期页倍亿万千百周天时分秒岁人国类种份"

_CLOSERS = ",;:)”’»"  # punctuation a mark may follow even when the next word is glued to it
_MARK_LIST = re.compile(r"\d{1,2}(?![\d.,])")  # the next mark of ``;4,5``
_RANGE_DASHES = "–-"  # ``Auditors;1–21``: notes 1 to 21 cited again, as a range of marks
_RANGE_START = re.compile(r"[,;:.]\d{1,2}[–-]$")  # what stands before the second number of such a range
_RANGE_END = re.compile(r"\d{1,2}\s*")  # the second number, closing the paragraph
_RANGE = "至到~～"  # between the numbers of a range: ``15至19``
_GROUP_SPACES = " \u00a0\u202f"  # the thousands separators of ``4 280``, ``1 025 092``
_THOUSANDS = re.compile(r"\d{3}(?!\d)")

_STRONG = 3.0  # the whole digit run, glued to a word or punctuation: ``Charter,1``
_PAREN = 2.5  # ``(1)`` glued to a word: the Arabic way of printing a mark (brackets included in the mark)
_LETTER = 2.0  # glued to a letter: ``Programme of Action1`` (also codes such as ``G20``)
_TAIL = 1.0  # the tail of a symbol number or a year: ``76/812``, ``20212``
_WEAK = 0.3  # the tail of another number
_IMPLAUSIBLE = 0.5  # bonus for a tail whose run, read as one number, would be implausible
_SYMBOL_NUMBER_LIMIT = 400  # GA resolution numbers of a session stay below this (76/812 is 76/81 + note 2)


@dataclass(frozen=True, slots=True)
class Note:
    """One footnote of the footnote story: its marker as printed and its paragraphs' text."""

    marker: str
    paragraphs: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a note's mark stands: segment index, start and end offsets of the marker in the segment's text."""

    segment: int
    start: int
    end: int
    note: Note
    repeat: bool = False  # a second reference to a note already marked (Word prints its number again)


def parse_notes(lines: list[Line]) -> tuple[list[Note], list[Diagnostic]]:
    """The notes of the footnote story, in order. A line that does not start the next note continues the last one."""
    notes: list[Note] = []
    diagnostics: list[Diagnostic] = []
    marker = ""
    paragraphs: list[str] = []
    first_line = 0
    expected: int | None = None

    def flush() -> None:
        if paragraphs or marker:
            notes.append(Note(marker=marker, paragraphs=tuple(paragraphs), line=first_line))

    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        match = _NOTE_START.fullmatch(text)
        starts = match is not None and (
            expected is None or (match.group(1).isdigit() and int(match.group(1)) == expected)
        )
        if match is not None and starts:
            flush()
            marker = match.group(1)
            rest = match.group(2) or ""
            echo = _ECHO.match(rest)
            if echo is not None and echo.group(1) == marker:
                # ``1 1 <tab>A/72/97.``: Word printed the note's number twice; the second is no text
                rest = rest[echo.end() :]
                diagnostics.append(
                    Diagnostic.warning(
                        "footnote-number-repeated",
                        f"footnote {marker} repeats its number before the tab; the repeat is dropped",
                        line.number,
                    )
                )
            paragraphs = [rest]
            first_line = line.number
            if marker.isdigit():
                expected = int(marker) + 1
            continue
        if not marker and not paragraphs:
            diagnostics.append(
                Diagnostic.warning(
                    "footnote-without-marker",
                    f"footnote story line without a marker kept as a note of its own: {text[:40]!r}",
                    line.number,
                )
            )
            first_line = line.number
        paragraphs.append(line.text.strip())
    flush()
    return notes, diagnostics


def find_marks(segments: list[str], notes: list[Note], *, decimal_comma: bool = False) -> list[Mark]:
    """The marks of ``notes`` in ``segments`` (the body's texts in order): the best increasing chain of candidates."""
    if not notes:
        return []
    index = {note.marker: i for i, note in enumerate(notes)}
    digit_markers = {m for m in index if m.isdigit()}
    other_markers = [m for m in index if not m.isdigit()]
    longest = max((len(m) for m in digit_markers), default=0)
    # candidates grouped by site: (segment, start, end, note index, score); one site holds at most one mark
    sites: list[list[tuple[int, int, int, int, float]]] = []
    for s, raw in enumerate(segments):
        text = _ANCHOR.sub(lambda m: " " * len(m.group(0)), raw)
        if digit_markers:
            for run in _DIGITS.finditer(text):
                site = _digit_candidates(text, run.start(), run.end(), digit_markers, longest, decimal_comma)
                if site:
                    sites.append([(s, a, b, index[m], score) for a, b, m, score in site])
        for marker in other_markers:
            for found in re.finditer(re.escape(marker), text):
                a, b = found.start(), found.end()
                before = text[a - 1] if a > 0 else ""
                if before and not before.isspace() and before != marker[0] and text[b : b + 1] != marker[0]:
                    sites.append([(s, a, b, index[marker], _STRONG)])
    chain = _earliest(_best_chain(sites, len(notes)), sites, segments)
    marks = [Mark(segment=s, start=a, end=b, note=notes[n]) for s, a, b, n, _ in chain]
    first = {n: (s, a) for s, a, _, n, _ in chain}  # where each note is first marked
    marks.extend(_repeats(sites, chain, first, notes, segments))
    marks.extend(_closing_repeats(segments, index, first, notes, {(m.segment, m.start) for m in marks}))
    marks.sort(key=lambda m: (m.segment, m.start))
    return marks


def _earliest(
    chain: list[tuple[int, int, int, int, float]],
    sites: list[list[tuple[int, int, int, int, float]]],
    segments: list[str],
) -> list[tuple[int, int, int, int, float]]:
    """Move each mark of the chain to the note's earliest clear mark after the previous one: a note referenced
    twice (``strategy2`` … ``Auditors,2``) has its first mark where it is first referenced."""
    by_note: dict[int, list[tuple[int, int, int, int, float]]] = {}
    for site in sites:
        for cand in site:
            if _clear(cand, segments):
                by_note.setdefault(cand[3], []).append(cand)
    out: list[tuple[int, int, int, int, float]] = []
    previous = (-1, -1)
    for i, cand in enumerate(chain):
        following = (chain[i + 1][0], chain[i + 1][1]) if i + 1 < len(chain) else None
        best = cand
        for other in by_note.get(cand[3], ()):
            position = (other[0], other[1])
            if previous < position < (cand[0], cand[1]) and (following is None or position < following):
                best = other
                break
        out.append(best)
        previous = (best[0], best[1])
    return out


def _clear(cand: tuple[int, int, int, int, float], segments: list[str]) -> bool:
    """A whole number glued to punctuation or to a letter other than a capital (``CO2``): a mark wherever it
    stands."""
    s, a, _, _, score = cand
    if score < _LETTER:
        return False
    return a == 0 or not segments[s][a - 1].isupper()


def _repeats(
    sites: list[list[tuple[int, int, int, int, float]]],
    chain: list[tuple[int, int, int, int, float]],
    first: dict[int, tuple[int, int]],
    notes: list[Note],
    segments: list[str],
) -> list[Mark]:
    """Second references to a note already marked (Word prints the same number again: ``Convention1 is``).

    Only whole numbers glued to punctuation or a lower-case letter count, and only for a note whose first mark
    (``first``: note index -> segment and offset) stands before."""
    taken = {(s, a) for s, a, _, _, _ in chain}
    out: list[Mark] = []
    for site in sites:
        for s, a, b, n, score in site:
            if (s, a) in taken or n not in first or first[n] >= (s, a):
                continue
            if not _clear((s, a, b, n, score), segments) and not _year_and_mark(segments[s], a, b):
                continue  # ``CO2``, ``G20``: a code, not a mark (``of 19499``: the year 1949 and the note again)
            if score == _LETTER and not segments[s][a - 1].islower():
                continue  # glued to a letter without case (Chinese ``超过1``): a number, not a second reference
            out.append(Mark(segment=s, start=a, end=b, note=notes[n], repeat=True))
            taken.add((s, a))
            break
    return out


# ``in this regard; 26`` at the end of a paragraph (A/RES/72/221, 72/222): Word's second reference to a note,
# printed after a space. No paragraph ends with a bare number after a semicolon or comma.
_CLOSING_NUMBER = re.compile(r"(?<=[;,:.][ \u00a0])(\d{1,3})\s*$")


def _closing_repeats(
    segments: list[str],
    index: dict[str, int],
    first: dict[int, tuple[int, int]],
    notes: list[Note],
    taken: set[tuple[int, int]],
) -> list[Mark]:
    """Second references printed apart at the very end of a paragraph, for notes whose first mark stands before
    (``index``: marker -> note index; ``first`` and ``taken`` as in ``_repeats``)."""
    out: list[Mark] = []
    for s, text in enumerate(segments):
        found = _CLOSING_NUMBER.search(text)
        if found is None or (s, found.start(1)) in taken:
            continue
        n = index.get(found.group(1))
        if n is not None and n in first and first[n] < (s, found.start(1)):
            out.append(Mark(segment=s, start=found.start(1), end=found.end(1), note=notes[n], repeat=True))
    return out


def _year_and_mark(text: str, start: int, end: int) -> bool:
    """``Convention of 19499 and``, ``2015–203013 to``: a year of the last two centuries after a space or a dash,
    glued to a note of one or two digits: no such number is ever printed."""
    head = text[max(0, start - 5) : start]
    return (
        1 <= end - start <= 2
        and len(head) == 5
        and head[0] in " –-"
        and head[1:3] in ("19", "20")
        and head[1:].isdigit()
        and (end == len(text) or not text[end].isdigit())
    )


def _digit_candidates(
    text: str, start: int, end: int, markers: set[str], longest: int, decimal_comma: bool
) -> list[tuple[int, int, str, float]]:
    """Candidate marks at the digit run ``text[start:end]``: (mark start, mark end, marker, score)."""
    before = text[start - 1] if start > 0 else ""
    before2 = text[start - 2] if start > 1 else ""
    after = text[end] if end < len(text) else ""
    if _is_word_letter(after) and before in _CLOSERS and after.islower() and text[start:end] in markers:
        # ``Agreement,37and``, ``(TNP)1como``: a mark after punctuation, the space after it lost
        return [(start, end, text[start:end], _LETTER)]
    if after == "," and not decimal_comma and before in ",;:." and _MARK_LIST.match(text, end + 1):
        pass  # ``Secretary-General;4,5``: two marks, not a number (the language writes 4.5 and 1,000)
    elif _mark_range(text, start, end):
        return [(start, end, text[start:end], _STRONG)] if text[start:end] in markers else []
    elif after and (_is_word_letter(after) or after == "/" or (after in ".-–,:" and text[end + 1 : end + 2].isdigit())):
        return []  # ``2nd``, ``75/1``, ``3.5``, ``2015-2030``, ``1,000``: part of a number, symbol or word
    if after and after in _CJK_COUNTERS:
        return []  # ``3个``, ``1991年``, ``第46/182号``: a number with its counter
    if after and after in _RANGE and text[end + 1 : end + 2].isdigit():
        return []  # ``15至19岁``: the first number of a range
    if after in _GROUP_SPACES and _THOUSANDS.match(text, end + 1):
        return []  # ``4 280万``, ``1 025 092``: the first group of a number written with spaces
    out: list[tuple[int, int, str, float]] = []
    run = text[start:end]
    for size in range(1, min(longest, len(run)) + 1):
        marker = run[-size:]
        if marker not in markers:
            continue
        if size == len(run):
            if (
                not before
                or before.isspace()
                or before in "/-–—‑+"
                or _continues_number(text, start, run, after, decimal_comma)
                or _sub_number(text, start)
            ):
                continue  # not glued, or a piece of a symbol, a code (``P-4``, ``峰会+4``) or a number (``3.5``)
            if before == "(" and after == ")":
                if before2 and not before2.isspace():
                    out.append((start - 1, end + 1, marker, _PAREN))  # ``(1)``: the brackets are the mark's form
            elif _is_cjk(before):
                if before not in _CJK_BEFORE_NUMBER:
                    out.append((start, end, marker, _LETTER))
            elif before.isalpha():
                out.append((start, end, marker, _LETTER))
            else:
                out.append((start, end, marker, _STRONG))
        else:
            prefix = run[:-size]
            symbol = before == "/"
            year = len(prefix) == 4 and prefix[:2] in ("19", "20")
            if len(prefix) < 2 and not symbol:
                continue
            if symbol or year:
                # the whole run read as one number is implausible (``20141``, ``76/812``): the tail is a mark
                implausible = (year and len(run) > 4) or (symbol and int(run) >= _SYMBOL_NUMBER_LIMIT)
                score = _TAIL + (_IMPLAUSIBLE if implausible else 0.0) + _clause_end(text, end)
            elif len(run) == 4 and run[:2] in ("19", "20"):
                score = _WEAK / 3  # a year ``2012,`` is almost never ``201`` + note 2
            else:
                score = _WEAK + _clause_end(text, end) / 4
            out.append((end - size, end, marker, score))
    return out


def _mark_range(text: str, start: int, end: int) -> bool:
    """Either number of a range of marks closing a paragraph (``Auditors;1–21``: notes 1 to 21 cited again)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if after and after in _RANGE_DASHES and before and before in ",;:.":
        return _RANGE_END.fullmatch(text, end + 1) is not None
    if before and before in _RANGE_DASHES:
        return _RANGE_START.search(text, 0, start) is not None and _RANGE_END.fullmatch(text, start) is not None
    return False


def _clause_end(text: str, end: int) -> float:
    """Bonus for a tail mark that ends a clause: the end of the paragraph, then ``;:.)``, then a comma."""
    rest = text[end : end + 2]
    if rest[:1] in (" ", "\u00a0", "\u202f"):  # French spacing: ``79/71 ;``
        rest = rest[1:]
        if rest and rest not in ";:?!":
            return 0.0
    if not rest or (rest[0] in ",;:.)" and not rest[1:].strip() and end + 2 >= len(text.rstrip())):
        return 0.8
    if rest[0] in ";:.)":
        return 0.6
    return 0.4 if rest[0] == "," else 0.0


_SYMBOL_WORDS = frozenset({"Add", "Rev", "Corr", "Amend", "Sect", "Suppl", "Part", "No", "Vol", "vol", "para", "paras"})


def _sub_number(text: str, start: int) -> bool:
    """``A.2``, ``CRP.1``, ``Add.1``, ``Rev.1``: a number after a capitalised code or a symbol word and a full stop
    is part of a document symbol, not a mark (``Charter.1`` still is one)."""
    if start < 2 or text[start - 1] != ".":
        return False
    at = start - 1
    while at > 0 and text[at - 1].isalpha():
        at -= 1
    word = text[at : start - 1]
    return bool(word) and (word.isupper() or word in _SYMBOL_WORDS)


def _continues_number(text: str, start: int, run: str, after: str, decimal_comma: bool) -> bool:
    """``3.5``, ``1,000``, ``59,3``: the run is the decimals or a thousands group of a number, not a mark after
    ``1949,`` or ``76/81,``."""
    before = text[start - 1] if start > 0 else ""
    if before not in ".," or start < 2 or not text[start - 2].isdigit():
        return False
    if before == ".":
        return True
    if len(run) == 3 and not (after and after in ",;"):
        return True  # 1,000
    if not decimal_comma:
        return False  # ``Agenda 21,3``: a comma ends a clause where the language writes 3.5
    at = start - 1
    while at > 0 and text[at - 1].isdigit():
        at -= 1
    number = text[at : start - 1]
    year = len(number) == 4 and number[:2] in ("19", "20")
    symbol = at > 0 and text[at - 1] == "/"
    return not (year or symbol)  # a decimal comma, unless a year or a symbol ends there


def _is_cjk(char: str) -> bool:
    """A CJK ideograph or syllable (CJK punctuation such as ``，。、`` is punctuation, not a letter)."""
    return bool(char) and ("\u3400" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af")


def _is_word_letter(char: str) -> bool:
    """A letter that continues a word after a number (``2nd``, ``1er``); CJK characters may follow a mark."""
    return char.isalpha() and not _is_cjk(char)


def _best_chain(
    sites: list[list[tuple[int, int, int, int, float]]], size: int
) -> list[tuple[int, int, int, int, float]]:
    """The chain of candidates, increasing in position and note index, with the highest total score."""
    tree = [(0.0, -1)] * (size + 1)  # Fenwick tree of (best score, candidate id) over note indices
    candidates: list[tuple[int, int, int, int, float]] = []
    previous: list[int] = []

    def query(i: int) -> tuple[float, int]:  # best over note indices < i
        best = (0.0, -1)
        while i > 0:
            if tree[i][0] > best[0]:
                best = tree[i]
            i -= i & -i
        return best

    def update(i: int, value: tuple[float, int]) -> None:
        i += 1
        while i <= size:
            if value[0] > tree[i][0]:
                tree[i] = value
            i += i & -i

    overall = (0.0, -1)
    for site in sites:
        found = []
        for cand in site:
            best, back = query(cand[3])
            found.append((best + cand[4], back, cand))
        for score, back, cand in found:
            candidates.append(cand)
            previous.append(back)
            ident = len(candidates) - 1
            update(cand[3], (score, ident))
            if score > overall[0]:
                overall = (score, ident)
    chain: list[tuple[int, int, int, int, float]] = []
    ident = overall[1]
    while ident >= 0:
        chain.append(candidates[ident])
        ident = previous[ident]
    return chain[::-1]


# A mark printed apart from its word (``Refugiados 8, afirmado``, A/RES/77/198 spa; ``foreign policy, 12 and``,
# A/RES/72/139): the whole number after a letter (and a comma or semicolon) and one space, before punctuation, a
# space or the end. Only a fallback for a note whose glued mark is not there.
_DETACHED = re.compile(r"(?:(?<=[^\W\d_][ \u00a0])|(?<=[^\W\d_][,;][ \u00a0]))\d{1,3}(?=[,;:.)](?!\d)|\s|$)")


def detached_mark(
    segments: list[str], note: Note, after: tuple[int, int], before: tuple[int, int] | None
) -> Mark | None:
    """The mark of ``note`` printed apart from its word, between the marks of its neighbours (``after`` and
    ``before``: segment and offset): only when exactly one such number stands there, and never in Chinese text,
    where numbers stand apart from the characters around them."""
    found: list[Mark] = []
    for s in range(max(after[0], 0), len(segments) if before is None else before[0] + 1):
        for m in _DETACHED.finditer(segments[s]):
            position = (s, m.start())
            if m.group(0) != note.marker or position <= after or (before is not None and position >= before):
                continue
            if any(_is_cjk(char) for char in segments[s][max(0, m.start() - 3) : m.start()]):
                continue
            found.append(Mark(segment=s, start=m.start(), end=m.end(), note=note))
    return found[0] if len(found) == 1 else None


def note_inlines(note: Note) -> tuple[tuple[Inline, ...], ...]:
    """A note's paragraphs as inline content."""
    return tuple((Text(text=p, line=note.line),) if p else () for p in note.paragraphs)
