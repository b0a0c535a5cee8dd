"""Footnotes: the notes of the footnote story, and where their marks stand in the main story.

A mark is only a number glued to the text before it (``principles of the Charter,1``; ``resolution 76/812,`` is
76/81 + note 2). The footnote story says which markers exist and marks appear in increasing order, so the marks are
found together: every digit run of the body that ends with an existing marker is a candidate, scored by how much it
looks like a mark (glued to a word or punctuation: strong; the tail of a symbol number or a year: weak), and the
increasing chain of candidates with the best total score wins (a weighted longest increasing subsequence, computed
with a Fenwick tree in O(n log n)).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.stories import Line
from unconvert.tree import Inline, text_node
from unconvert.un.languages.base import LanguageTable

# A note starts with its marker: digits or asterisks, then a space (``12 See …``, ``* Reissued …``).
_NOTE_START = re.compile(r"(\d{1,3}|\*{1,3})(?:[ \u00a0\t]+(.*))?")
# The marker again, a space and a tab: ``1 1 <tab>See …`` (A/RES/72/63, 72/64: the gold's note is ``See …``).
# ``5 5<tab>Voir …`` (no space) is what the UN's own files keep as the note's text (``5 Voir …``): left as it is,
# unless other notes of the story repeat their number the first way (``_TIGHT_ECHO``).
_ECHO = re.compile(r"(\d{1,3}|\*{1,3})[ \u00a0]+\t[ \t]*")
_TIGHT_ECHO = re.compile(r"(\d{1,3}|\*{1,3})\t[ \t]*")
_ANCHOR = re.compile(r"\[[A-Z]{1,4}\d{1,3}\]")  # a comment anchor ``[DU1]``: its number is no mark

# Chinese numbers are glued to the characters around them: ``第76/81号``, ``12月1日``, ``2.50亿``. A number after
# these characters or before these counters is not a mark.
_CJK_BEFORE_NUMBER = "第近逾至到和及或与共计为达有每"
_CJK_COUNTERS = "年月日号次届个名项条款段卷期页倍亿万千百周天时分秒岁人国类种份"

_CJK_LIST = "、和及或与"  # between the numbers of a list: ``第10、12、13、15段``, ``目标1、11和13``
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
_SPACED = 1.2  # a whole number printed apart from its word, where no number stands: ``Weapons 6and``, ``» 1 и``
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
    """The notes of the footnote story, in order. A line that does not start the next note continues the last one.

    The next note is the next number; a larger number starts a note too when the expected one starts no later
    line (A/RES/76/266 numbers its notes 1, 2, 3, 8, 9: notes are never merged, and the gap is reported), and so
    does an asterisk note after numbered ones (a note on a heading or a table), once per marker."""
    notes: list[Note] = []
    diagnostics: list[Diagnostic] = []
    marker = ""
    paragraphs: list[str] = []
    first_line = 0
    expected: int | None = None
    last_start: dict[str, int] = {}  # marker -> index of the last line that could start its note
    starts_at: list[re.Match[str] | None] = []
    for i, line in enumerate(lines):
        match = _NOTE_START.fullmatch(line.text.strip())
        starts_at.append(match)
        if match is not None:
            last_start[match.group(1)] = i
    used: set[str] = set()
    echoes = any(_echo(m.group(1), m.group(2) or "", _ECHO) is not None for m in starts_at if m is not None)

    def flush() -> None:
        if paragraphs or marker:
            notes.append(Note(marker=marker, paragraphs=tuple(paragraphs), line=first_line))

    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        match = starts_at[i]
        starts = match is not None and _starts_note(match.group(1), expected, used, last_start, i)
        if match is not None and starts:
            flush()
            marker = match.group(1)
            used.add(marker)
            if expected is not None and marker.isdigit() and int(marker) != expected:
                diagnostics.append(
                    Diagnostic.warning(
                        "footnote-numbering-gap",
                        f"footnote {marker} follows footnote {expected - 1}: the file has no footnote {expected}",
                        line.number,
                    )
                )
            rest = _without_echo(marker, match.group(2) or "", echoes=echoes)
            if rest != (match.group(2) or ""):
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


def _echo(marker: str, rest: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The note's number printed again at the start of ``rest`` (what follows the marker), as ``pattern`` has it."""
    echo = pattern.match(rest)
    return echo if echo is not None and echo.group(1) == marker else None


def _without_echo(marker: str, rest: str, *, echoes: bool) -> str:
    """A note's text without its number printed again: ``1 1 <tab>A/72/97.`` (Word printed the number twice), and
    in a story that does so (``echoes``), also ``8 8<tab>See …`` where the space was lost (A/RES/72/63)."""
    echo = _echo(marker, rest, _ECHO) or (_echo(marker, rest, _TIGHT_ECHO) if echoes else None)
    return rest if echo is None else rest[echo.end() :]


def _starts_note(marker: str, expected: int | None, used: set[str], last_start: dict[str, int], at: int) -> bool:
    """Whether a line printed with ``marker`` (line ``at`` of the story) starts a note: the first note, the next
    number, a larger number when no later line starts with the expected one, or a new asterisk marker."""
    if expected is None:
        return True
    if not marker.isdigit():
        return marker not in used
    number = int(marker)
    return number == expected or (number > expected and last_start.get(str(expected), -1) < at)


@dataclass(frozen=True, slots=True)
class _Rules:
    """What the language table says about numbers near marks (``LanguageTable``'s fields of the same names)."""

    decimal_comma: bool = False
    month_words: frozenset[str] = frozenset()  # the last word of each month name, lower case
    year_words: tuple[str, ...] = ()
    number_words: tuple[str, ...] = ()
    bracketed_marks: bool = True

    @classmethod
    def of(cls, table: LanguageTable | None) -> _Rules:
        if table is None:
            return cls()
        return cls(
            decimal_comma=table.decimal_comma,
            month_words=frozenset(name.split()[-1] for name in table.months if name.split()),
            year_words=table.year_words,
            number_words=table.number_words,
            bracketed_marks=table.bracketed_marks,
        )


def find_marks(
    segments: list[str],
    notes: list[Note],
    *,
    table: LanguageTable | None = None,
    diagnostics: list[Diagnostic] | None = None,
) -> list[Mark]:
    """The marks of ``notes`` in ``segments`` (the body's texts in order): the best increasing chain of candidates.

    ``table`` is the document's language; a mark the chain could only take from a number of the text or from a
    number printed apart is reported in ``diagnostics``."""
    if not notes:
        return []
    rules = _Rules.of(table)
    index = {note.marker: i for i, note in enumerate(notes)}
    digit_markers = {m for m in index if m.isdigit()}
    other_markers = [(m, re.compile(re.escape(m))) for m in index if not m.isdigit()]  # compiled once, not per segment
    longest = max((len(m) for m in digit_markers), default=0)
    runs = _digit_runs("".join(sorted({m[-1] for m in digit_markers})))
    # candidates grouped by site: (segment, start, end, note index, score); one site holds at most one mark
    sites: list[list[tuple[int, int, int, int, float]]] = []
    for s, raw in enumerate(segments):
        text = _ANCHOR.sub(lambda m: " " * len(m.group(0)), raw) if "[" in raw else raw
        if digit_markers:
            for run in runs.finditer(text):
                site = _digit_candidates(text, run.start(), run.end(), digit_markers, longest, rules)
                if site:
                    sites.append([(s, a, b, index[m], score) for a, b, m, score in site])
        for marker, pattern in other_markers:
            for found in pattern.finditer(text):
                a, b = found.start(), found.end()
                before = text[a - 1] if a > 0 else ""
                if before and not before.isspace() and before != marker[0] and text[b : b + 1] != marker[0]:
                    sites.append([(s, a, b, index[marker], _STRONG)])
    chain = _earliest(_best_chain(sites, len(notes)), sites, segments)
    if diagnostics is not None:
        diagnostics.extend(_doubts(chain, notes, segments))
    marks = [Mark(segment=s, start=a, end=b, note=notes[n]) for s, a, b, n, _ in chain]
    first = {n: (s, a) for s, a, _, n, _ in chain}  # where each note is first marked
    marks.extend(_repeats(sites, chain, first, notes, segments))
    marks.extend(_closing_repeats(segments, index, first, notes, {(m.segment, m.start) for m in marks}))
    marks.sort(key=lambda m: (m.segment, m.start))
    return marks


@functools.lru_cache(maxsize=64)
def _digit_runs(last_digits: str) -> re.Pattern[str]:
    """The digit runs that end with one of ``last_digits`` (a run ending with another digit ends with no marker):
    found by the engine, not looked at one by one (most of a body's numbers, years and symbols, end with no marker's
    digit). The pattern opens on a class (``_digit_class``), so that the engine skips to the next digit at once,
    checks after its first digit that it starts a run, and takes the run whole (``*+``): linear in the text. A run
    before a Chinese counter (``3个``, ``1991年``) holds no mark (``_digit_candidates`` would say so, after a dozen
    checks): the engine leaves it out."""
    if not last_digits:
        return re.compile("(?!)")
    ends = re.escape(last_digits)
    return re.compile(rf"[{_digit_class()}](?<=\d)(?<!\d\d)\d*+(?<=[{ends}])(?![{_CJK_COUNTERS}])")


@functools.cache
def _digit_class() -> str:
    """A class of the characters ``\\d`` matches in the Basic Multilingual Plane (as ranges) and of every
    character above it, for the engine to skip to a text's next digit: it tests such a class with one look-up in a
    bitmap, where ``\\d`` (a Unicode category) costs a look-up in the Unicode database at every character of every
    paragraph. The pattern then asks ``\\d`` of the one character it stopped at (a character above the plane may
    be no digit)."""
    ranges: list[str] = []
    start = -1
    for code in range(0x10001):
        digit = code < 0x10000 and chr(code).isdecimal()  # ``\\d`` is ``str.isdecimal`` (Unicode's ``Nd``)
        if digit and start < 0:
            start = code
        elif not digit and start >= 0:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = -1
    return "".join(ranges) + "\\U00010000-\\U0010ffff"


def _doubts(chain: list[tuple[int, int, int, int, float]], notes: list[Note], segments: list[str]) -> list[Diagnostic]:
    """Warnings for the marks of the chain that are guesses: a number printed apart from its word, and the end of a
    number of the text whose whole reading would be plausible (``resolution 55/197``: 55/19 + note 7)."""
    out: list[Diagnostic] = []
    for s, a, b, n, score in chain:
        if score >= _LETTER:
            continue
        text, note = segments[s], notes[n]
        before = text[a - 1] if a > 0 else ""
        if before.isspace():
            out.append(
                Diagnostic.warning(
                    "footnote-mark-detached",
                    f"the mark of footnote {note.marker} stands apart from its word; taken as the mark",
                    note.line,
                )
            )
            continue
        at = a - 1 if before == "." else a
        start = at
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        if before != "." and _implausible(text, start, a, b):
            continue  # ``76/812``, ``20141``: read as one number, it would not be a number of the text
        out.append(
            Diagnostic.warning(
                "footnote-mark-in-number",
                f"the mark of footnote {note.marker} may be a number of the text: {text[max(0, start - 12) : b]!r}",
                note.line,
            )
        )
    return out


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
            glued = _year_and_mark(segments[s], a, b) or _year_stop_mark(segments[s], a)
            if not _clear((s, a, b, n, score), segments) and not glued:
                continue  # ``CO2``, ``G20``: a code, not a mark (``of 19499``: the year 1949 and the note again)
            if score == _LETTER and not segments[s][a - 1].islower():
                continue  # glued to a letter without case (Chinese ``超过1``): a number, not a second reference
            if score == _PAREN and segments[s][a - 1].isdigit():
                continue  # ``A.1090(28)号决议``: the session of a symbol, not note 28 again
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
        if not text.rstrip()[-1:].isdigit():
            continue  # the pattern looks at every character: only a paragraph ending with a digit is searched
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


def _year_stop_mark(text: str, start: int) -> bool:
    """``in June 2015.3 It also`` (E/RES/2018/14): a year ending a sentence, then a note's number before the next
    sentence (a candidate only where ``_sentence_end`` holds)."""
    head = text[max(0, start - 6) : start]
    return len(head) == 6 and head[0].isspace() and head[1:3] in ("19", "20") and head[1:5].isdigit() and head[5] == "."


def _digit_candidates(
    text: str, start: int, end: int, markers: set[str], longest: int, rules: _Rules
) -> list[tuple[int, int, str, float]]:
    """Candidate marks at the digit run ``text[start:end]``: (mark start, mark end, marker, score)."""
    run = text[start:end]
    if end - start <= 2 and start > 0 and text[start - 1].isspace():
        return _spaced_candidate(text, start, end, run, markers)
    # the sizes of the run's tails that are markers, found once: the checks below and the loop over them both ask
    sizes = [size for size in range(1, min(longest, len(run)) + 1) if run[-size:] in markers]
    if not sizes:
        return []  # no marker ends the run (``2020`` in a story of 9 notes): it can hold no mark
    before = text[start - 1] if start > 0 else ""
    before2 = text[start - 2] if start > 1 else ""
    after = text[end] if end < len(text) else ""
    after_letter = _is_word_letter(after)
    if after_letter and before in _CLOSERS and after.islower() and run in markers:
        # ``Agreement,37and``, ``(TNP)1como``: a mark after punctuation, the space after it lost
        return [(start, end, run, _LETTER)]
    if before in _GROUP_SPACES and before and run in markers and _spaced_mark(text, start, end):
        return [(start, end, run, _SPACED)]
    if after == "," and not rules.decimal_comma and before in ",;:." and _MARK_LIST.match(text, end + 1):
        pass  # ``Secretary-General;4,5``: two marks, not a number (the language writes 4.5 and 1,000)
    elif _mark_range(text, start, end):
        return [(start, end, run, _STRONG)] if run in markers else []
    elif after and (after_letter or after == "/" or (after in ".-–,:" and text[end + 1 : end + 2].isdigit())):
        return []  # ``2nd``, ``75/1``, ``3.5``, ``2015-2030``, ``1,000``: part of a number, symbol or word
    if after and after in _CJK_COUNTERS:
        return []  # ``3个``, ``1991年``, ``第46/182号``: a number with its counter
    if after and after in _RANGE and text[end + 1 : end + 2].isdigit():
        return []  # ``15至19岁``: the first number of a range
    if after in _GROUP_SPACES and _THOUSANDS.match(text, end + 1):
        return []  # ``4 280万``, ``1 025 092``: the first group of a number written with spaces
    if _listed_number(text, start, end):
        return []  # ``第10、12、13、15段``, ``目标1、11和13``
    if after in _GROUP_SPACES and after and end - start <= 2 and _before_month(text, end + 1, rules):
        return []  # ``39th plenary meeting29 July 2025`` (E/RES/2025/16), ``29 de julio``: the day of a date
    # the tails first, then the whole run: the chain keeps the first of candidates that score the same
    tails = [size for size in sizes if size < len(run)]
    out = _tail_candidates(text, start, end, run, before, tails, rules) if tails else []
    if sizes[-1] == len(run):
        whole = _whole_candidate(text, start, end, run, before, before2, after, rules)
        if whole is not None:
            out.append(whole)
    return out


def _whole_candidate(
    text: str, start: int, end: int, run: str, before: str, before2: str, after: str, rules: _Rules
) -> tuple[int, int, str, float] | None:
    """The candidate at the whole digit run ``text[start:end]`` (a marker), or ``None``: glued to a word or
    punctuation it is a mark; spaced, or a piece of a symbol, a code or a number, it is none."""
    if before == "." and _sentence_end(text, start, end):
        return (start, end, run, _TAIL)  # ``to 11 October 2026.2``: a mark after the full stop
    if (
        not before
        or before.isspace()
        or before in "/-–—‑+"
        or _continues_number(text, start, run, after, rules.decimal_comma)
        or _sub_number(text, start)
    ):
        return None  # not glued, or a piece of a symbol, a code (``P-4``, ``峰会+4``) or a number (``3.5``)
    if rules.number_words and text.endswith(rules.number_words, 0, start):
        # ``可持续发展目标4``: Goal 4, or the Goals and their note (A/RES/80/55 zho): a mark only where the chain has
        # no better one, and never moved to (``_clear``)
        return (start, end, run, _TAIL)
    if before == "(" and after == ")":
        if before2 and not before2.isspace() and rules.bracketed_marks:
            return (start - 1, end + 1, run, _PAREN)  # ``(1)``: the brackets are the mark's form
        return None
    if before in "([" or _dated_symbol(text, start):
        return None  # ``28 posts (1 Assistant Secretary-General``; ``CM/Rec(2019)1`` (A/RES/75/264)
    if _is_cjk(before):
        return (start, end, run, _LETTER) if before not in _CJK_BEFORE_NUMBER else None
    if before.isalpha():
        return (start, end, run, _LETTER)
    return (start, end, run, _STRONG)


def _tail_candidates(
    text: str, start: int, end: int, run: str, before: str, sizes: list[int], rules: _Rules
) -> list[tuple[int, int, str, float]]:
    """The candidates at the tails of the digit run ``text[start:end]`` that are markers (``sizes``: their
    lengths, each shorter than the run): ``76/812`` (76/81 + note 2), ``20141``, weakly the tail of another
    number. What does not depend on the tail's size (a session after the run, a dated year, a report's symbol,
    the clause's end) is asked once per run, not once per tail."""
    symbol = before == "/"
    if _numbered_session(text, end):
        return []  # ``decision 281 (LXIII)``, ``resolution 2558 (2020)``: the number and its session
    year_run = len(run) == 4 and run[:2] in ("19", "20")
    if year_run and not symbol and _dated_year(text, start, end, rules):
        return []  # ``11 October 2026``, ``2021 года``: a year of a date, whole
    document = symbol and _document_symbol(text, start)  # ``See A/76/411.``: a report's number
    clause_end = _clause_end(text, end)
    out: list[tuple[int, int, str, float]] = []
    for size in sizes:
        prefix = run[:-size]
        year = len(prefix) == 4 and prefix[:2] in ("19", "20")
        if len(prefix) < 2 and not symbol:
            continue
        if symbol or year:
            # the whole run read as one number is implausible (``20141``, ``76/812``): the tail is a mark
            implausible = _implausible(text, start, end - size, end, document=document)
            if symbol and not implausible and document:
                continue  # ``See A/76/411.``: a report's number, whole
            score = _TAIL + (_IMPLAUSIBLE if implausible else 0.0) + clause_end
        elif year_run:
            score = _WEAK / 3  # a year ``2012,`` is almost never ``201`` + note 2
        else:
            score = _WEAK + clause_end / 4
        out.append((end - size, end, run[-size:], score))
    return out


def _spaced_candidate(
    text: str, start: int, end: int, run: str, markers: set[str]
) -> list[tuple[int, int, str, float]]:
    """The candidates at a number of one or two digits after a space (a third of the runs of a body: ``article 5``,
    ``12 December``): none but a mark printed apart from its word, as ``_spaced_mark`` tells it (a tail of it
    would leave one digit before it, which no candidate does; the whole number glued to nothing is no mark)."""
    if text[start - 1] in _GROUP_SPACES and run in markers and _spaced_mark(text, start, end):
        return [(start, end, run, _SPACED)]
    return []


# ``Weapons 6and``, ``Development, 8including`` (A/RES/79/36, 80/91): a mark printed after a space and glued to the
# next word; not an ordinal or a unit (``1st``, ``2e``, ``3º``, ``5km``).
_GLUED_AFTER = re.compile(r"[^\W\d_]{2,}")
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "er", "re", "e", "es", "ère", "ème", "eme", "o", "a", "os", "as")
_SPANISH_ORDINALS = ("ro", "do", "to", "vo", "mo", "no")  # 1ro, 2do, 4to, 8vo, 7mo, 9no
_UNITS = ("km", "kg", "mm", "cm", "mg", "ml", "ha", "am", "pm", "bn", "mn", "gb", "mb", "kw", "mw", "gw", "kwh", "mwh")
_NUMBER_SUFFIXES = frozenset((*_ORDINAL_SUFFIXES, *_SPANISH_ORDINALS, *_UNITS, "bis", "ter", "quater"))
_QUOTE_CLOSERS = "»”"
_SPACED_AFTER = re.compile(r"$|[,;:.](?!\d)|[ \u00a0][^\W\d_]")


def _spaced_mark(text: str, start: int, end: int) -> bool:
    """A whole number after a space where no number of the text stands: glued to the next word (``Weapons 6and``),
    or after a closing quote (``«Наша общая повестка дня» 1 и``, ``(«Путь Самоа») 167 как``, A/RES/80/83, 80/110)
    before punctuation, the end, or a word in lower case."""
    word = text[start - 2 : start - 1]
    if not word or not (word.isalpha() or word in ",;" + _QUOTE_CLOSERS + ")") or _is_cjk(word):
        return False
    if _GLUED_AFTER.match(text, end) is not None:
        return _glued_word(text, end)
    closer = text[start - 3 : start - 1] if word == ")" else word
    if not closer or closer[0] not in _QUOTE_CLOSERS:
        return False
    follows = _SPACED_AFTER.match(text, end)
    return follows is not None and (len(follows.group(0)) < 2 or follows.group(0)[1].islower())


def _glued_word(text: str, end: int) -> bool:
    """A word in lower case glued after a number, that no number takes (``6and``; not ``1st``, ``2e``, ``5km``)."""
    glued = _GLUED_AFTER.match(text, end)
    if glued is None:
        return False
    word = glued.group(0)
    return word.islower() and not _is_cjk(word[0]) and word not in _NUMBER_SUFFIXES


def _listed_number(text: str, start: int, end: int) -> bool:
    """A number of a Chinese list: after ``、`` and another number (``第10、12段``), or before ``、``, ``和``, ``及``
    and the next one (``目标1、11和13``)."""
    if start > 1 and text[start - 1] == "、" and text[start - 2].isdigit():
        return True
    return end + 1 < len(text) and text[end] in _CJK_LIST and text[end + 1].isdigit()


_WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")


def _next_word(text: str, at: int) -> str:
    """The word that starts at ``text[at]`` (``July``, ``آذار/مارس``), or ``""``."""
    found = _WORD.match(text, at)
    return found.group(0) if found is not None else ""


_YEAR_AFTER_MONTH = re.compile(r"[ \u00a0]+(?:[^\W\d_]{1,3}[ \u00a0]+)?\d{4}(?!\d)")


def _before_month(text: str, at: int, rules: _Rules) -> bool:
    """Whether a date's month and year start at ``text[at]``: ``July 2025`` (not ``may be``; and a mark may stand
    before ``in March 2017``)."""
    word = _next_word(text, at)
    return word.lower() in rules.month_words and _YEAR_AFTER_MONTH.match(text, at + len(word)) is not None


def _linking(word: str) -> bool:
    """A short word in lower case between a day, its month and its year (``de``, ``del``)."""
    return len(word) <= 3 and word.islower()


_DATED_SYMBOL = re.compile(r"([^\W\d_]+)([ \u00a0]?)\((?:19|20)\d\d\)$")


def _dated_symbol(text: str, start: int) -> bool:
    """``CM/Rec(2019)1``, ``recommendation (2019)11 of the Committee of Ministers`` (A/RES/75/264): the number
    after a year in brackets glued to a word, or after a word in lower case, numbers a series of that year; a mark
    follows a name or a number (``International Health Regulations (2005)7``, ``resolution 2250 (2015)``)."""
    if text[start - 1 : start] != ")":
        return False
    found = _DATED_SYMBOL.search(text, max(0, start - 40), start)
    return found is not None and (not found.group(2) or found.group(1).islower())


def _sentence_end(text: str, start: int, end: int) -> bool:
    """``2026.2`` closing the paragraph, ``strategy 10.24 Furthermore``: the number before the full stop ends a
    sentence (no decimal number does: the full stop would follow it), so the digits after it may be a mark."""
    if start < 2 or not text[start - 2].isdigit():
        return False
    at = end  # the first character after the spaces that follow (never a copy of the rest: a paragraph may hold
    while at < len(text) and text[at].isspace():  # thousands of numbers, each asked this)
        at += 1
    return at == len(text) or (at > end and text[at].isupper())


_SESSION_AFTER = re.compile(r"[ \u00a0]?\((?:[IVXLC]+|\d{4})\)")


def _numbered_session(text: str, end: int) -> bool:
    """``decision 281 (LXIII)``, ``resolution 2558 (2020)``: a number followed by its session or year in
    brackets, which no mark separates from it."""
    return _SESSION_AFTER.match(text, end) is not None


def _dated_year(text: str, start: int, end: int, rules: _Rules) -> bool:
    """The year of a date: after a month name (``11 October 2026``, ``آذار/مارس 2022``), before a year word
    (``2021 года``), or in brackets (``第2374(2017)号决议``, ``resolution 2558 (2020)``)."""
    if text[start - 1 : start] in "(（" and text[end : end + 1] in ")）" and start > 0 and end < len(text):
        return True
    words = text[max(0, start - 30) : start].split()
    if words and words[-1].lower() in rules.month_words:
        return True  # ``October 2026``
    if len(words) > 1 and _linking(words[-1]) and words[-2].lower() in rules.month_words:
        return True  # ``octubre de 2026``
    tail = text[end : end + 8].lstrip()
    return bool(rules.year_words) and tail.startswith(rules.year_words)


# A document symbol up to its number: series (``A/``, ``S/``, ``A/C.3/``, ``FCCC/CP/``) and session or year.
_DOCUMENT_HEAD = re.compile(r"(?<![\w/.])((?:[A-Z][A-Za-z]*(?:\.\d+)?/)+)\d{2,4}/$")
_DOCUMENT_NUMBER_LIMIT = 1000  # reports and letters of a session or year stay below this (A/76/411, S/2024/767)


def _document_symbol(text: str, start: int) -> bool:
    """Whether the digits at ``start`` number a document (``A/76/411``, ``S/2024/767``) rather than a resolution or
    decision (``A/RES/76/81``, ``76/81``, ``decision III/1``)."""
    found = _DOCUMENT_HEAD.search(text, max(0, start - 40), start)
    return found is not None and not {"RES", "DEC"} & set(found.group(1).split("/"))


def _implausible(text: str, start: int, mark: int, end: int, *, document: bool | None = None) -> bool:
    """Whether the digit run ``text[start:end]``, read as one number, is no number of the text, so that its tail
    from ``mark`` on is a mark: a year glued to a note (``20141``), a symbol number of a session that high
    (``76/812``; a document's number from 1000: ``A/76/4111``). ``document``: whether the symbol numbers a report
    (``_document_symbol``), when the caller knows it already."""
    prefix = text[start:mark]
    if len(prefix) == 4 and prefix[:2] in ("19", "20"):
        return True
    if start == 0 or text[start - 1] != "/":
        return False
    if document is None:
        document = _document_symbol(text, start)
    limit = _DOCUMENT_NUMBER_LIMIT if document else _SYMBOL_NUMBER_LIMIT
    return int(text[start:end]) >= limit


def _mark_range(text: str, start: int, end: int) -> bool:
    """Either number of a range of marks closing a paragraph (``Auditors;1–21``: notes 1 to 21 cited again)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if after and after in _RANGE_DASHES and before and before in ",;:.":
        return _RANGE_END.fullmatch(text, end + 1) is not None
    if before and before in _RANGE_DASHES:
        # _RANGE_START is at most 4 characters long: searched in those before ``start``, not from the paragraph's
        # first one (which made a paragraph of many ranges quadratic)
        head = _RANGE_START.search(text, max(0, start - 4), start)
        return head is not None and _RANGE_END.fullmatch(text, start) is not None
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


_SYMBOL_WORDS = frozenset(
    {"Add", "Rev", "Corr", "Amend", "Sect", "Suppl", "Part", "No", "Vol", "vol", "para", "paras", "Res", "Dec", "Rec"}
)


def _sub_number(text: str, start: int) -> bool:
    """``A.2``, ``CRP.1``, ``Add.1``, ``Rev.1``, ``GC.18/Res.9``: a number after a capitalised code, a symbol word
    or a word of a symbol, and a full stop, is part of a document symbol, not a mark (``Charter.1`` still is
    one)."""
    if start < 2 or text[start - 1] != ".":
        return False
    at = start - 1
    while at > 0 and text[at - 1].isalpha():
        at -= 1
    word = text[at : start - 1]
    in_symbol = at > 0 and text[at - 1] == "/"  # ``GC.18/Res.9``, ``IDB.48/Dec.8`` (A/RES/79/222)
    return bool(word) and (word.isupper() or word in _SYMBOL_WORDS or in_symbol)


def _continues_number(text: str, start: int, run: str, after: str, decimal_comma: bool) -> bool:
    """``3.5``, ``1,000``, ``59,3``: the run is the decimals or a thousands group of a number, not a mark after
    ``1949,`` or ``76/81,``."""
    before = text[start - 1] if start > 0 else ""
    if before not in ".," or start < 2 or not text[start - 2].isdigit():
        return False
    if before == ".":
        return True
    if len(run) == 3 and not (after and after in ",;") and _leading_group(text, start - 1):
        return True  # 1,000 (not ``resolution 5/14,120`` nor ``Sediments, 2004,126``: a symbol or a year, + note)
    if not decimal_comma:
        return False  # ``Agenda 21,3``: a comma ends a clause where the language writes 3.5
    at = start - 1
    while at > 0 and text[at - 1].isdigit():
        at -= 1
    number = text[at : start - 1]
    year = len(number) == 4 and number[:2] in ("19", "20")
    symbol = at > 0 and text[at - 1] == "/"
    return not (year or symbol)  # a decimal comma, unless a year or a symbol ends there


def _leading_group(text: str, comma: int) -> bool:
    """Whether the digits before ``text[comma]`` can lead a number written with thousands separators: one to three
    digits, not the end of a symbol (``5/14``) nor of a decimal number."""
    at = comma
    while at > 0 and text[at - 1].isdigit():
        at -= 1
    if not 1 <= comma - at <= 3:
        return False
    return at == 0 or text[at - 1] not in "/."


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
    return tuple((text_node(p, note.line),) if p else () for p in note.paragraphs)
