"""The main story's front lines: session and agenda lines (2017 on), cover lines, preface, part letter.

Read top down until the enacting formula (``The General Assembly,``) or, in a decision or after a Security
Council ``Adopted by …`` line, the first body paragraph: adoption line, committee line, SC title and adoption
line, a decision's ``Decision`` / ``Plenary`` / heading lines, then ``64/183.⇥Title`` and a multi-part
resolution's lone part letter. Every line read here ends up in a cover line, the preface or the masthead fields.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from unconvert.readers.ods.masthead import LEADING_MARK
from unconvert.readers.ods.stories import Line
from unconvert.tree import (
    CoverLine,
    CoverRole,
    DateRef,
    DateRole,
    DocKind,
    Inline,
    LineBreak,
    MeetingRef,
    Organ,
    Preface,
    Text,
)
from unconvert.un.dates import FoundDate, find_date, tables_for_dates
from unconvert.un.formulae import formula_organ
from unconvert.un.languages import LanguageTable
from unconvert.un.masthead import MastheadFields
from unconvert.un.sessions import agenda_of, session_of
from unconvert.un.symbols import runs
from unconvert.un.words import (
    clean,
    compiled,
    fold,
    plain,
)

# --- the main story's front lines -------------------------------------------------------------------------------

_ANCHOR = re.compile(r"(?:\[[A-Za-z]{1,6}\d{1,3}\])+")
_LEADING_ANCHOR = re.compile(r"^[ \t\u00a0]*(?:\[[A-Za-z]{1,6}\d{1,3}\])+")
_PREFACE = (
    r"^[ \t\u00a0]*(?P<number>(?:(?P<prefix>{prefixes})[ \u00a0]*[-–‑][ \u00a0]*)?"
    r"\d{{1,4}}/\d{{1,4}}(?:[ \u00a0]*[A-Z](?:[–\-][A-Z])?)?\.?)"
    r"(?:[ \t\u00a0]+(?P<title>\S.*))?[ \u00a0]*$"
)
_LONGEST_COVER_LINE = 200  # a longer line before the preface is a body paragraph, whatever its layout
_PART = re.compile(r"(?P<label>[A-Z])(?:[ \t\u00a0]*(?P<mark>\d{1,3}|\*{1,3}))?")  # ``B``, ``B1``, ``B⇥1``
_BRACKETED = re.compile(r"\[.*\]")


@dataclass(slots=True)
class Cover:
    """The cover lines, preface and findings read from the top of the main story."""

    lines: list[CoverLine] = field(default_factory=list)
    preface: Preface | None = None
    preface_number: str = ""
    title: str = ""
    kind: DocKind | None = None
    formula_organ: Organ | None = None
    adoption: _dt.date | None = None
    adoption_line: int | None = None
    sc_number: str = ""
    meeting: str | None = None
    part_label: str | None = None
    part_index: int | None = None
    notes: list[tuple[int, str]] = field(default_factory=list)
    body_start: int = 0
    recognised: bool = False


@functools.cache
def _preface_regex(prefixes: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """``64/183.⇥Title``, also of a special or emergency special session (``S-32/1.``, ``ES-11/2.``, ``دإط-11/2``)."""
    printed = "|".join(re.escape(p.rstrip("-")) for p, _ in sorted(prefixes, key=lambda p: -len(p[0])))
    return re.compile(_PREFACE.format(prefixes=printed))


def _symbol_number(match: re.Match[str], table: LanguageTable) -> str:
    """The preface's number as the symbol writes it: a session prefix printed in the language's own letters
    (Arabic ``دإط-11/2``) becomes the symbol's (``ES-11/2``)."""
    printed = plain(match.group("number"))
    prefix = match.group("prefix")
    if not prefix:
        return printed
    symbol_prefix = next((s for p, s in table.session_prefixes if p.rstrip("-") == prefix), prefix + "-")
    rest = re.sub(r"^[ \u00a0]*[-–‑][ \u00a0]*", "", printed[len(prefix) :])
    return symbol_prefix + rest


def _matches(text: str, patterns: Iterable[str]) -> re.Match[str] | None:
    for pattern in patterns:
        match = compiled(pattern).fullmatch(text)
        if match:
            return match
    return None


def _starts(text: str, patterns: Iterable[str]) -> re.Match[str] | None:
    for pattern in patterns:
        match = compiled(pattern).match(text)
        if match:
            return match
    return None


def _doc_type(text: str, table: LanguageTable) -> DocKind | None:
    folded = fold(text)
    for word, kind in table.doc_types:
        if folded == _folded_word(word):
            return kind
    return None


@functools.lru_cache(maxsize=256)
def _folded_word(word: str) -> str:
    """A language table's word folded (``fold``), once: a front line is compared with every word of the table."""
    return fold(word)


def _is_body_paragraph(raw: str) -> bool:
    """A line laid out as a body paragraph: one leading tab, or a numbered paragraph."""
    return bool(re.match(r"\t(?!\t)", raw)) or bool(re.match(r"\t*\d{1,3}\.\t", raw))


def _is_part_letter(letter: str, symbol_part: str | None) -> bool:
    """A lone capital after the preface is the part letter: the symbol's, or (no symbol letter) one that cannot be
    a roman section number (I, V, X)."""
    return letter == symbol_part if symbol_part else letter not in "IVXL"


def read_cover(main: list[Line], table: LanguageTable, head: MastheadFields, symbol_part: str | None) -> Cover:
    cover = Cover()
    dates = tables_for_dates(table)
    i, count = 0, len(main)
    cover.body_start = count
    while i < count:
        line = main[i]
        text = clean(_LEADING_ANCHOR.sub("", line.text))
        if not text:
            i += 1
            continue
        organ = formula_organ(text, table)
        if organ is not None:
            cover.formula_organ, cover.body_start, cover.recognised = organ, i, True
            return cover
        if cover.preface is not None:
            part = _PART.fullmatch(text)
            if part and cover.part_label is None and _is_part_letter(part.group("label"), symbol_part):
                cover.part_label, cover.part_index = part.group("label"), i
                if part.group("mark"):
                    cover.notes.append((i, part.group("mark")))
                i += 1
                continue
            cover.body_start = i
            return cover
        i = _read_cover_line(main, i, text, table, dates, head, cover)
        if i < 0:
            cover.body_start = -i - 1
            return cover
    return cover


def _read_cover_line(
    main: list[Line],
    i: int,
    text: str,
    table: LanguageTable,
    dates: list[LanguageTable],
    head: MastheadFields,
    cover: Cover,
) -> int:
    """Read the front line ``main[i]``; return the index of the next line, or ``-(index + 1)`` where the body
    starts (a line that is no front line)."""
    line = main[i]
    number = line.number
    bare = text
    mark = LEADING_MARK.match(text)
    if mark:
        bare = text[mark.end() :]
    session = session_of(bare, table)
    if session is not None and not _is_adoption_or_sc(bare, table):
        if mark:
            cover.notes.append((i, mark.group("mark")))
        head.session, head.session_number, head.session_line = bare, session.number, number
        cover.recognised = True
        return i + 1
    items = agenda_of(text, table)
    if items is not None:
        head.agenda.append((text, items, number))
        cover.recognised = True
        return i + 1
    kind = _doc_type(text, table)
    if kind is not None:
        cover.kind = kind
        cover.lines.append(CoverLine(role=CoverRole.DOC_TYPE, content=(Text(text=text, line=number),), line=number))
        return i + 1
    if _starts(text, table.adoption_patterns):
        return _read_adoption(main, i, text, dates, cover)
    title = _matches(text, table.title_patterns)
    if title:
        cover.sc_number = plain(title.group("number"))
        cover.recognised = True
        cover.lines.append(CoverLine(role=CoverRole.TITLE, content=runs(text, number, []), line=number))
        return i + 1
    adopted = _starts(text, table.adopted_at_patterns)
    if adopted:
        _read_adopted_at(text, number, adopted, dates, cover)
        return i + 1
    if _BRACKETED.fullmatch(text) or _matches(text, table.proponent_patterns):
        cover.lines.append(CoverLine(role=CoverRole.PROPONENT, content=runs(text, number, []), line=number))
        return i + 1
    preface = _preface_regex(table.session_prefixes).match(_LEADING_ANCHOR.sub("", line.text))
    if preface:
        return _read_preface(main, i, preface, table, cover)
    if _is_body_paragraph(line.text) or len(text) > _LONGEST_COVER_LINE:
        return -(i + 1)
    # A decision's agenda heading (``Elections and appointments``) and anything else printed here.
    cover.lines.append(CoverLine(role=CoverRole.OTHER, content=runs(text, number, []), line=number))
    return i + 1


def _read_adopted_at(text: str, number: int, adopted: re.Match[str], dates: list[LanguageTable], cover: Cover) -> None:
    """SC ``Adopted by the Security Council at its 9237th meeting, on 9 January 2023``: meeting and date. Some
    resolutions name no meeting (``Adopted by the Security Council on 18 December 2020``): the date alone."""
    marks: list[tuple[int, int, Inline]] = []
    meeting = adopted.groupdict().get("meeting")
    if meeting:
        cover.meeting = plain(meeting)
        ordinal = plain(adopted.group("ordinal"))
        marks.append(
            (adopted.start("meeting"), adopted.end("meeting"), MeetingRef(ordinal=ordinal, text=meeting, line=number))
        )
        found = find_date(text, dates, start=adopted.end("meeting"))
        if found is None:  # the date before the meeting (Chinese: 2023年6月2日9337次会议通过)
            found = find_date(text, dates)
            if found is not None and found.end > adopted.start("meeting"):
                found = None
    else:
        found = find_date(text, dates)
    if found is not None:
        cover.adoption, cover.adoption_line = found.date, number
        date = DateRef(date=found.date, text=text[found.start : found.end], role=DateRole.ADOPTION, line=number)
        marks.append((found.start, found.end, date))
    cover.recognised = True
    cover.lines.append(CoverLine(role=CoverRole.ADOPTED_AT, content=runs(text, number, marks), line=number))


def _is_adoption_or_sc(text: str, table: LanguageTable) -> bool:
    """A line that a loose session pattern could take but is an adoption or SC line."""
    return bool(_starts(text, table.adoption_patterns) or _starts(text, table.adopted_at_patterns))


def _read_adoption(main: list[Line], i: int, text: str, dates: list[LanguageTable], cover: Cover) -> int:
    """The adoption line (its date maybe on the next line: ``…by the General Assembly`` / ``on 1 December 2017``)."""
    number = main[i].number
    found = find_date(text, dates)
    content: tuple[Inline, ...]
    following = i + 1
    if found is not None:
        content = runs(text, number, [_adoption_ref(text, found, number)])
        cover.adoption, cover.adoption_line = found.date, number
    else:
        content = runs(text, number, [])
        nxt = following
        while nxt < len(main) and not clean(main[nxt].text):
            nxt += 1
        if nxt < len(main) and nxt - i <= 2:
            more = clean(main[nxt].text)
            found = find_date(more, dates)
            if found is not None and len(more) - (found.end - found.start) <= 12 and not _BRACKETED.fullmatch(more):
                line2 = main[nxt].number
                content = (
                    *content,
                    LineBreak(line=line2),
                    *runs(more, line2, [_adoption_ref(more, found, line2)]),
                )
                cover.adoption, cover.adoption_line = found.date, line2
                following = nxt + 1
    cover.recognised = True
    cover.lines.append(CoverLine(role=CoverRole.ADOPTION, content=content, line=number))
    return following


def _adoption_ref(text: str, found: FoundDate, line: int) -> tuple[int, int, Inline]:
    return (
        found.start,
        found.end,
        DateRef(date=found.date, text=text[found.start : found.end], role=DateRole.ADOPTION, line=line),
    )


def _read_preface(main: list[Line], i: int, match: re.Match[str], table: LanguageTable, cover: Cover) -> int:
    """``64/183.⇥Title``; a title printed over several lines goes on until an empty or body line."""
    number = main[i].number
    first = clean(match.group("title") or "")
    parts: list[Inline] = [Text(text=first, line=number)] if first else []
    pieces = [first] if first else []
    j = i + 1
    while j < len(main):
        raw = main[j].text
        text = clean(raw)
        if (
            not text
            or raw.startswith("\t")
            or formula_organ(text, table) is not None
            or _PART.fullmatch(text)
            or _ANCHOR.fullmatch(text)
        ):
            break
        if parts:
            parts.append(LineBreak(line=main[j].number))
        parts.append(Text(text=text, line=main[j].number))
        pieces.append(text)
        j += 1
    printed = plain(match.group("number"))
    cover.preface = Preface(number=printed, title=tuple(parts), line=number)
    cover.preface_number = _symbol_number(match, table)
    cover.title = plain(" ".join(pieces))
    cover.recognised = True
    return j


# --- closing lines (adoption date of a decision) ---------------------------------------------------------------------


def closing_date(main: list[Line], start: int, table: LanguageTable) -> tuple[_dt.date, int] | None:
    """The date under the first closing meeting line (``1st plenary meeting`` / ``13 September 2022``)."""
    words = [fold(w) for w in table.meeting_words]
    if not words:
        return None
    dates = [table]
    for k in range(start, len(main)):
        text = clean(main[k].text)
        if not text or len(text) > 60 or not any(w in fold(text) for w in words):
            continue
        nxt = k + 1
        while nxt < len(main) and not clean(main[nxt].text):
            nxt += 1
        if nxt >= len(main):
            return None
        following = clean(main[nxt].text)
        found = find_date(following, dates)
        if found is not None and found.start == 0 and fold(following[found.end :]) == "":
            return found.date, main[nxt].number
    return None
