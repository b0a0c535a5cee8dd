"""Stage 1b: ODS comment fields, masthead, first-page footer and the lines before the formula.

What this reads (``docs/ODS_DUMP.md``):

- the comment story: ``<<ODS JOB NO>>N0947281E<<ODS JOB NO>>`` (or ``<<ODS REF JOB NO>>``), SYMBOL1, SYMBOL2;
- the masthead: the first-page header of the header story (``United NationsA/RES/64/183General AssemblyDistr.:
  General`` / ``23 February 2010Sixty-fourth session`` / ``Agenda item 124``, cells fused), and, in later files,
  the session and agenda lines that open the main story;
- the job number of the first-page footer (``09-47281``, ``17-21712 (E)    111217``);
- the cover lines before the formula: adoption line, committee line, Security Council title and ``Adopted by …``
  line, a decision's ``Decision`` / ``Plenary`` / heading lines; the preface (``64/183.⇥Title``) and the part letter
  of a multi-part resolution.

Every line of the main story before ``body_start`` ends up in the masthead, a cover line or the preface (or is a
comment anchor or empty). What each language prints is asked from its ``LanguageTable``; what had to be guessed
is a warning ``Diagnostic`` with its line. A date the source does not state stays ``None``.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from unconvert.diagnostics import Diagnostic, Severity
from unconvert.errors import ReadError
from unconvert.readers.ods.lang import LanguageTable, all_tables, table_for
from unconvert.readers.ods.stories import Line, Stories
from unconvert.tree import (
    AgendaItem,
    CoverLine,
    CoverRole,
    DateRef,
    DateRole,
    DocKind,
    Inline,
    Language,
    LineBreak,
    Masthead,
    MeetingRef,
    Meta,
    OdsFields,
    Organ,
    Preface,
    Session,
    SymbolRef,
    Text,
)


@dataclass(slots=True)
class Front:
    """What stage 1 found. ``body_start`` is the index in ``stories.main`` of the first line of the body (the
    formula, or the first paragraph of a decision); ``table`` is the language's table for stage 2.

    ``part_label`` is the letter of one part of a multi-part resolution (``C`` of ``A/RES/72/262 C``), from its
    lone letter line or else from the symbol; ``part_label_index`` is that line's index in ``stories.main``.
    ``front_notes`` lists the footnote marks that stand in front lines, as (index in ``stories.main``, marker):
    ``B1`` (part letter B with note 1), ``*2018 session`` (note ``*``); stage 2 attaches their notes.
    """

    meta: Meta
    masthead: Masthead
    cover: tuple[CoverLine, ...]
    preface: Preface | None
    body_start: int
    table: LanguageTable
    diagnostics: list[Diagnostic] = field(default_factory=list)
    part_label: str | None = None
    part_label_index: int | None = None
    front_notes: tuple[tuple[int, str], ...] = ()


# --- text helpers ---------------------------------------------------------------------------------------------

_TATWEEL = "\u0640"
_FOLD_DROP = re.compile(r"[\s\u0640\u200b-\u200f\-‐‑–—_.,،，:：;；]+")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "’": "'", "‘": "'", "ё": "е", "Ё": "Е"})


def fold(text: str) -> str:
    """A comparison key: no accents or marks, lower case, no spaces, hyphens or punctuation, one alef."""
    decomposed = unicodedata.normalize("NFD", text.translate(_ALEF))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _FOLD_DROP.sub("", stripped.casefold())


def _clean(text: str) -> str:
    """A line without its layout: tabs and outer spaces (no-break included) removed."""
    return text.strip(" \t\u00a0\u200b\u200e\u200f\ufeff")


def _plain(text: str) -> str:
    """Plain text: runs of spaces, tabs and no-break spaces folded to one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def _phrase_regex(phrase: str) -> str:
    """A regex for ``phrase`` as printed: any spacing, optional tatweel, either apostrophe."""
    out: list[str] = []
    for char in phrase:
        if char.isspace():
            out.append(r"[\s\u0640]*")
        elif char in "’'‘":
            out.append("[’'‘]")
        else:
            out.append(re.escape(char) + r"\u0640*")
    return "".join(out)


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Tables hold dicts (unhashable): what is derived from them is cached by language.


def _month_keys(table: LanguageTable) -> dict[str, int]:
    return _month_keys_of(table.language)


@lru_cache(maxsize=16)
def _month_keys_of(language: Language) -> dict[str, int]:
    return {fold(name): number for name, number in table_for(language).months.items()}


def _date_regexes(table: LanguageTable) -> tuple[re.Pattern[str], ...]:
    return _date_regexes_of(table.language)


@lru_cache(maxsize=16)
def _date_regexes_of(language: Language) -> tuple[re.Pattern[str], ...]:
    table = table_for(language)
    names = sorted(table.months, key=len, reverse=True)
    alternation = "|".join(_phrase_regex(name) for name in names) or r"\d{1,2}"
    return tuple(_compiled(p.replace("{month}", alternation)) for p in table.date_patterns)


def _ordinal_keys(table: LanguageTable) -> dict[str, int]:
    return _ordinal_keys_of(table.language)


@lru_cache(maxsize=16)
def _ordinal_keys_of(language: Language) -> dict[str, int]:
    return {fold(word): number for word, number in table_for(language).ordinals.items()}


@dataclass(frozen=True, slots=True)
class _Found:
    """A date found in a text: its value and where it stands."""

    date: _dt.date
    start: int
    end: int


def _find_date(text: str, tables: Iterable[LanguageTable], *, start: int = 0) -> _Found | None:
    """The first real date in ``text[start:]`` in any of ``tables``' forms (earliest position wins)."""
    best: _Found | None = None
    for table in tables:
        for regex in _date_regexes(table):
            for match in regex.finditer(text, start):
                found = _date_of(match, table)
                if found is not None:
                    if best is None or found.start < best.start:
                        best = found
                    break
    return best


def _date_of(match: re.Match[str], table: LanguageTable) -> _Found | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _month_keys(table).get(fold(month_text))
    if month is None:
        return None
    try:
        value = _dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
    return _Found(value, match.start(), match.end())


def _tables_for_dates(table: LanguageTable) -> list[LanguageTable]:
    """The document's own table first, then the others (Arabic, Chinese and Russian mastheads date in English)."""
    return [table] + [t for t in all_tables() if t.language is not table.language]


# --- UN symbols -------------------------------------------------------------------------------------------------

_SYMBOL = re.compile(
    r"(?<![\w/.])(?:A|E|S|ST|DP|TD|UNEP|CCPR|CRC|CEDAW|CERD|HRC)"
    r"(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)+(?:[\s\u00a0]\(\d{4}\))?"
)
_RES_NUMBER = re.compile(r"^(?:[A-Z]+/)*(?:RES|DEC)/(?P<number>.+?)(?:\s+(?P<part>[A-Z]))?$")
_ORGAN_OF_SYMBOL = (("A/HRC/", Organ.HRC), ("A/", Organ.GA), ("E/", Organ.ECOSOC), ("S/", Organ.SC))


def _symbol_spans(text: str) -> list[tuple[int, int]]:
    """Where UN symbols stand in ``text`` (trailing punctuation left out)."""
    spans = []
    for match in _SYMBOL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:-":
            end -= 1
        if "/" in text[match.start() : end]:
            spans.append((match.start(), end))
    return spans


# --- inline runs --------------------------------------------------------------------------------------------------


def _runs(text: str, line: int, marks: list[tuple[int, int, Inline]]) -> tuple[Inline, ...]:
    """``text`` as inlines: the given nodes at their spans, symbols as ``SymbolRef`` and plain ``Text`` between."""
    spans = sorted(marks, key=lambda m: m[0])
    for start, end in _symbol_spans(text):
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, SymbolRef(symbol=_plain(text[start:end]), text=text[start:end], line=line)))
    spans.sort(key=lambda m: m[0])
    spans = _with_addenda(text, line, spans)
    out: list[Inline] = []
    position = 0
    for start, end, node in spans:
        if start > position:
            out.append(Text(text=text[position:start], line=line))
        out.append(node)
        position = end
    if position < len(text):
        out.append(Text(text=text[position:], line=line))
    return tuple(out)


_ADDENDUM = re.compile(r"(?<![\w/.])(?:Add|Corr|Rev|Amend)\.\d+")
_REVISION_TAIL = re.compile(r"(?:/(?:Add|Corr|Rev|Amend)\.\d+)+$")


def _with_addenda(text: str, line: int, spans: list[tuple[int, int, Inline]]) -> list[tuple[int, int, Inline]]:
    """``A/64/L.34 and Add.1``: the lone ``Add.1`` is the symbol ``A/64/L.34/Add.1``."""
    out = list(spans)
    for match in _ADDENDUM.finditer(text):
        if any(s <= match.start() < e for s, e, _ in out):
            continue
        before = [node for s, _e, node in out if s < match.start() and isinstance(node, SymbolRef)]
        if before:
            base = _REVISION_TAIL.sub("", before[-1].symbol)
            ref = SymbolRef(symbol=f"{base}/{match.group()}", text=match.group(), line=line)
            out.append((match.start(), match.end(), ref))
    return sorted(out, key=lambda m: m[0])


# --- the ODS comment -------------------------------------------------------------------------------------------

_ODS = re.compile(r"<<ODS (?P<key>REF JOB NO|JOB NO|DOC SYMBOL1|DOC SYMBOL2)>>(?P<value>.*?)<<ODS (?P=key)>>")


def read_ods_fields(comments: list[Line]) -> OdsFields:
    """The ODS metadata comment's fields, as they stand (empty when absent)."""
    values: dict[str, str] = {}
    first: int | None = None
    ref = False
    for line in comments:
        for match in _ODS.finditer(line.text):
            key = match.group("key")
            if key == "REF JOB NO":
                key, ref = "JOB NO", True
            values.setdefault(key, match.group("value").strip())
            first = line.number if first is None else first
    return OdsFields(
        job=values.get("JOB NO", ""),
        symbol1=_plain(values.get("DOC SYMBOL1", "")),
        symbol2=_plain(values.get("DOC SYMBOL2", "")),
        ref_job=ref,
        line=first,
    )


# --- language -------------------------------------------------------------------------------------------------

_JOB_LETTER = re.compile(r"^[A-Z]?\d{5,9}(?P<letter>[A-Z])$")
_SCRIPTS = (
    (Language.AR, re.compile(r"[\u0600-\u06ff]")),
    (Language.ZH, re.compile(r"[\u4e00-\u9fff]")),
    (Language.RU, re.compile(r"[\u0400-\u04ff]")),
)
_WORD = re.compile(r"[^\W\d_]+")


def _language_of_text(lines: list[Line]) -> Language | None:
    """The language the text is written in, from its script, or (Latin) from its commonest words."""
    text = "\n".join(line.text for line in lines[:400])
    letters = sum(1 for c in text if c.isalpha())
    if letters == 0:
        return None
    for language, script in _SCRIPTS:
        if len(script.findall(text)) > letters * 0.3:
            return language
    words = [w.casefold() for w in _WORD.findall(text)]
    best, best_score = None, 0
    for table in all_tables():
        common = set(table.common_words)
        score = sum(1 for w in words if w in common)
        if score > best_score:
            best, best_score = table.language, score
    return best


def _language(ods: OdsFields, stories: Stories, diags: list[Diagnostic]) -> Language | None:
    by_text = _language_of_text(stories.main)
    match = _JOB_LETTER.match(ods.job)
    if match:
        try:
            by_job = Language.from_code(match.group("letter"))
        except ValueError:
            by_job = None
        if by_job is not None:
            if by_text is not None and by_text is not by_job and by_text in (Language.AR, Language.ZH, Language.RU):
                diags.append(
                    _warn(
                        "language-mismatch",
                        f"the ODS job number says {by_job.value} but the text is {by_text.value}: read as "
                        f"{by_text.value}",
                        ods.line,
                    )
                )
                return by_text
            return by_job
    if by_text is not None:
        diags.append(
            _info("language-from-text", f"no ODS job letter: language {by_text.value} told from the text", None)
        )
    return by_text


# --- diagnostics ---------------------------------------------------------------------------------------------


def _warn(code: str, message: str, line: int | None) -> Diagnostic:
    return Diagnostic(severity=Severity.WARNING, code=code, message=message, line=line)


def _info(code: str, message: str, line: int | None) -> Diagnostic:
    return Diagnostic(severity=Severity.INFO, code=code, message=message, line=line)


# --- session and agenda lines -------------------------------------------------------------------------------------

_ITEM = re.compile(r"\d+(?:[\s\u00a0]*[(（]?[^\W\d_]{1,3}(?:\s[^\W\d_]{1,2})?[)）])?")
_LEADING_MARK = re.compile(r"^(?P<mark>\*{1,3})(?=\S)")


def _session(text: str, table: LanguageTable) -> tuple[int | None] | None:
    """``(number,)`` when ``text`` is a session line (number None if its ordinal is unknown), else None."""
    for pattern in table.session_patterns:
        match = _compiled(pattern).fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("year"):
            return (int(groups["year"]),)
        ordinal = groups.get("ordinal") or ""
        number = _ordinal_keys(table).get(fold(ordinal))
        if number is None and ordinal.strip().isdigit():
            number = int(ordinal)
        if number is not None or len(ordinal.split()) <= 3:
            return (number,)
    return None


def _agenda(text: str, table: LanguageTable) -> list[str] | None:
    """The agenda item numbers of an agenda line as printed (``99 (gg)``, ``3 a)``), or None."""
    for pattern in table.agenda_patterns:
        match = _compiled(pattern).fullmatch(text)
        if match:
            return [_plain(item) for item in _ITEM.findall(match.group("items"))]
    return None


# --- masthead (first-page header) and footer ------------------------------------------------------------------------

_DISTR = re.compile(r"Distr\.?.*$")
_JOB = re.compile(r"^(?P<job>\d{2}-\d{5})(?!\d)")
_JOB_OF_ODS = re.compile(r"^[A-Z](\d{2})(\d{5})[A-Z]$")
_JOB_WITH_LANGUAGE = re.compile(r"^(?P<job>\d{2}-\d{5})\s*\([A-Z]\)")


@dataclass(slots=True)
class _Head:
    """The masthead fields found so far, as printed, with the lines they came from."""

    authority: str = ""
    symbol: str = ""
    organ: str = ""
    distribution: str = ""
    date: str = ""
    date_value: _dt.date | None = None
    session: str = ""
    session_number: int | None = None
    session_line: int | None = None
    agenda: list[tuple[str, list[str], int]] = field(default_factory=list)
    line: int | None = None
    job: str | None = None


def _masthead_line(text: str, ods: OdsFields) -> tuple[str, str, str, str] | None:
    """(authority, symbol, organ, distribution) when ``text`` is the fused first masthead row."""
    tables = all_tables()
    authority_end = None
    for table in tables:
        for name in table.authority:
            match = _compiled(_phrase_regex(name)).match(text)
            if match:
                authority_end = match.end()
                break
        if authority_end is not None:
            break
    symbol_match: tuple[int, int] | None = None
    if ods.symbol1:
        match = _compiled(_phrase_regex(ods.symbol1)).search(text, authority_end or 0)
        if match:
            symbol_match = (match.start(), match.end())
    if symbol_match is None and authority_end is not None:
        organ_at = _organ_position(text, authority_end)
        if organ_at is not None:
            symbol_match = (authority_end, organ_at)
        else:
            spans = _symbol_spans(text[authority_end:])
            if spans:
                symbol_match = (authority_end + spans[0][0], authority_end + spans[0][1])
    if symbol_match is None:
        return None
    before, symbol, after = text[: symbol_match[0]], text[symbol_match[0] : symbol_match[1]], text[symbol_match[1] :]
    # Running heads also put text before the symbol (the short title): the masthead has the organ after it.
    if _organ_position(after, 0) is None and not _DISTR.search(after):
        return None
    if authority_end is None and not before.strip():
        return None
    if "/" not in symbol:
        return None
    distr = _DISTR.search(after)
    organ = after[: distr.start()] if distr else after
    # A reissued document marks its symbol with a note (``E/RES/2018/14*``): the mark is no part of the symbol.
    return _clean(before), _plain(symbol).rstrip("*"), _clean(organ), _clean(distr.group()) if distr else ""


def _organ_position(text: str, start: int) -> int | None:
    positions = []
    for table in all_tables():
        for name, _organ in table.organs:
            match = _compiled(_phrase_regex(name)).search(text, start)
            if match:
                positions.append(match.start())
    return min(positions) if positions else None


def _read_header(stories: Stories, ods: OdsFields, table: LanguageTable, head: _Head) -> None:
    """Fill ``head`` from the first-page header and footer of the header story."""
    lines = stories.headers
    at = None
    for i, line in enumerate(lines):
        # The first row's cells are fused on one line; a file may also keep them on lines of their own.
        for size in range(1, 5):
            window = lines[i : i + size]
            if len(window) < size or (size > 1 and not _clean(window[-1].text)):
                break
            found = _masthead_line("".join(_clean(w.text) for w in window), ods)
            if found is not None:
                head.authority, head.symbol, head.organ, head.distribution = found
                head.line = line.number
                at = i + size - 1
                break
        if at is not None:
            break
    if at is not None:
        i = at + 1
        while i < len(lines) and _clean(lines[i].text):
            _read_header_row(lines[i], table, head)
            i += 1
        while i < len(lines) and not _clean(lines[i].text):
            i += 1
        while i < len(lines) and _clean(lines[i].text):
            match = _JOB.match(_clean(lines[i].text))
            if match and head.job is None:
                head.job = match.group("job")
            i += 1
    if head.job is None:
        for pattern in (_JOB_WITH_LANGUAGE, _JOB):
            for line in lines:
                match = pattern.match(_clean(line.text))
                if match:
                    head.job = match.group("job")
                    break
            if head.job is not None:
                break


def _read_header_row(line: Line, table: LanguageTable, head: _Head) -> None:
    """One row of the masthead after the first: issue date (maybe fused with the session), session, agenda."""
    text = _clean(line.text)
    distr = _DISTR.match(text)
    if distr and not head.distribution:
        head.distribution = _clean(distr.group())
        return
    found = _find_date(text, _tables_for_dates(table))
    if found is not None and found.start == 0:
        head.date, head.date_value = _clean(text[: found.end]), found.date
        text = _clean(text[found.end :])
        if not text:
            return
    session = _session(text, table)
    if session is not None:
        head.session, head.session_number, head.session_line = text, session[0], line.number
        return
    items = _agenda(text, table)
    if items is not None:
        head.agenda.append((text, items, line.number))


# --- the main story's front lines -------------------------------------------------------------------------------

_ANCHOR = re.compile(r"(?:\[[A-Za-z]{1,6}\d{1,3}\])+")
_LEADING_ANCHOR = re.compile(r"^[ \t\u00a0]*(?:\[[A-Za-z]{1,6}\d{1,3}\])+")
_PREFACE = re.compile(
    r"^[ \t\u00a0]*(?P<number>\d{1,4}/\d{1,4}(?:[ \u00a0]*[A-Z](?:[–\-][A-Z])?)?\.?)"
    r"(?:[ \u00a0]*\t+[ \u00a0]*(?P<title>\S.*))?[ \u00a0]*$"
)
_PART = re.compile(r"(?P<label>[A-Z])(?P<mark>\d{1,3}|\*{1,3})?")
_BRACKETED = re.compile(r"\[.*\]")


@dataclass(slots=True)
class _Cover:
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


def _formula(text: str, table: LanguageTable) -> Organ | None:
    """The organ whose enacting formula ``text`` is (the formula alone, with its comma or colon), else None."""
    for phrase, organ in table.formulae:
        match = _compiled(_phrase_regex(phrase)).match(text)
        if match and fold(text[match.end() :]) == "":
            return organ
    return None


def _matches(text: str, patterns: Iterable[str]) -> re.Match[str] | None:
    for pattern in patterns:
        match = _compiled(pattern).fullmatch(text)
        if match:
            return match
    return None


def _starts(text: str, patterns: Iterable[str]) -> re.Match[str] | None:
    for pattern in patterns:
        match = _compiled(pattern).match(text)
        if match:
            return match
    return None


def _doc_type(text: str, table: LanguageTable) -> DocKind | None:
    for word, kind in table.doc_types:
        if fold(text) == fold(word):
            return kind
    return None


def _is_body_paragraph(raw: str) -> bool:
    """A line laid out as a body paragraph: one leading tab, or a numbered paragraph."""
    return bool(re.match(r"\t(?!\t)", raw)) or bool(re.match(r"\t*\d{1,3}\.\t", raw))


def _is_part_letter(letter: str, symbol_part: str | None) -> bool:
    """A lone capital after the preface is the part letter: the symbol's, or (no symbol letter) one that cannot be
    a roman section number (I, V, X)."""
    return letter == symbol_part if symbol_part else letter not in "IVXL"


def _read_cover(
    main: list[Line], table: LanguageTable, head: _Head, diags: list[Diagnostic], symbol_part: str | None
) -> _Cover:
    cover = _Cover()
    dates = _tables_for_dates(table)
    i, count = 0, len(main)
    cover.body_start = count
    while i < count:
        line = main[i]
        text = _clean(_LEADING_ANCHOR.sub("", line.text))
        if not text:
            i += 1
            continue
        organ = _formula(text, table)
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
        i = _read_cover_line(main, i, text, table, dates, head, cover, diags)
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
    head: _Head,
    cover: _Cover,
    diags: list[Diagnostic],
) -> int:
    """Read the front line ``main[i]``; return the index of the next line, or ``-(index + 1)`` where the body
    starts (a line that is no front line)."""
    line = main[i]
    number = line.number
    bare = text
    mark = _LEADING_MARK.match(text)
    if mark:
        bare = text[mark.end() :]
    session = _session(bare, table)
    if session is not None and not _is_adoption_or_sc(bare, table):
        if mark:
            cover.notes.append((i, mark.group("mark")))
        head.session, head.session_number, head.session_line = bare, session[0], number
        cover.recognised = True
        return i + 1
    items = _agenda(text, table)
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
        cover.sc_number = _plain(title.group("number"))
        cover.recognised = True
        cover.lines.append(CoverLine(role=CoverRole.TITLE, content=_runs(text, number, []), line=number))
        return i + 1
    adopted = _starts(text, table.adopted_at_patterns)
    if adopted:
        marks: list[tuple[int, int, Inline]] = []
        meeting = adopted.group("meeting")
        cover.meeting = _plain(meeting)
        marks.append(
            (
                adopted.start("meeting"),
                adopted.end("meeting"),
                MeetingRef(ordinal=_plain(adopted.group("ordinal")), text=meeting, line=number),
            )
        )
        found = _find_date(text, dates, start=adopted.end("meeting"))
        if found is None:
            found = _find_date(text, dates)
            if found is not None and found.start < adopted.end("meeting") and found.end > adopted.start("meeting"):
                found = None
        if found is not None:
            cover.adoption, cover.adoption_line = found.date, number
            marks.append(
                (
                    found.start,
                    found.end,
                    DateRef(date=found.date, text=text[found.start : found.end], role=DateRole.ADOPTION, line=number),
                )
            )
        cover.recognised = True
        cover.lines.append(CoverLine(role=CoverRole.ADOPTED_AT, content=_runs(text, number, marks), line=number))
        return i + 1
    if _BRACKETED.fullmatch(text) or _matches(text, table.proponent_patterns):
        cover.lines.append(CoverLine(role=CoverRole.PROPONENT, content=_runs(text, number, []), line=number))
        return i + 1
    preface = _PREFACE.match(_LEADING_ANCHOR.sub("", line.text))
    if preface:
        return _read_preface(main, i, preface, table, cover)
    if _is_body_paragraph(line.text):
        return -(i + 1)
    # A decision's agenda heading (``Elections and appointments``) and anything else printed here.
    cover.lines.append(CoverLine(role=CoverRole.OTHER, content=_runs(text, number, []), line=number))
    return i + 1


def _is_adoption_or_sc(text: str, table: LanguageTable) -> bool:
    """A line that a loose session pattern could take but is an adoption or SC line."""
    return bool(_starts(text, table.adoption_patterns) or _starts(text, table.adopted_at_patterns))


def _read_adoption(main: list[Line], i: int, text: str, dates: list[LanguageTable], cover: _Cover) -> int:
    """The adoption line (its date maybe on the next line: ``…by the General Assembly`` / ``on 1 December 2017``)."""
    number = main[i].number
    found = _find_date(text, dates)
    content: tuple[Inline, ...]
    following = i + 1
    if found is not None:
        content = _runs(text, number, [_adoption_ref(text, found, number)])
        cover.adoption, cover.adoption_line = found.date, number
    else:
        content = _runs(text, number, [])
        nxt = following
        while nxt < len(main) and not _clean(main[nxt].text):
            nxt += 1
        if nxt < len(main) and nxt - i <= 2:
            more = _clean(main[nxt].text)
            found = _find_date(more, dates)
            if found is not None and len(more) - (found.end - found.start) <= 12 and not _BRACKETED.fullmatch(more):
                line2 = main[nxt].number
                content = (
                    *content,
                    LineBreak(line=line2),
                    *_runs(more, line2, [_adoption_ref(more, found, line2)]),
                )
                cover.adoption, cover.adoption_line = found.date, line2
                following = nxt + 1
    cover.recognised = True
    cover.lines.append(CoverLine(role=CoverRole.ADOPTION, content=content, line=number))
    return following


def _adoption_ref(text: str, found: _Found, line: int) -> tuple[int, int, Inline]:
    return (
        found.start,
        found.end,
        DateRef(date=found.date, text=text[found.start : found.end], role=DateRole.ADOPTION, line=line),
    )


def _read_preface(main: list[Line], i: int, match: re.Match[str], table: LanguageTable, cover: _Cover) -> int:
    """``64/183.⇥Title``; a title printed over several lines goes on until an empty or body line."""
    number = main[i].number
    first = _clean(match.group("title") or "")
    parts: list[Inline] = [Text(text=first, line=number)] if first else []
    plain = [first] if first else []
    j = i + 1
    while j < len(main):
        raw = main[j].text
        text = _clean(raw)
        if (
            not text
            or raw.startswith("\t")
            or _formula(text, table) is not None
            or _PART.fullmatch(text)
            or _ANCHOR.fullmatch(text)
        ):
            break
        if parts:
            parts.append(LineBreak(line=main[j].number))
        parts.append(Text(text=text, line=main[j].number))
        plain.append(text)
        j += 1
    printed = _plain(match.group("number"))
    cover.preface = Preface(number=printed, title=tuple(parts), line=number)
    cover.preface_number = printed
    cover.title = _plain(" ".join(plain))
    cover.recognised = True
    return j


# --- closing lines (adoption date of a decision) ---------------------------------------------------------------------


def _closing_date(main: list[Line], start: int, table: LanguageTable) -> tuple[_dt.date, int] | None:
    """The date under the first closing meeting line (``1st plenary meeting`` / ``13 September 2022``)."""
    words = [fold(w) for w in table.meeting_words]
    if not words:
        return None
    dates = [table]
    for k in range(start, len(main)):
        text = _clean(main[k].text)
        if not text or len(text) > 60 or not any(w in fold(text) for w in words):
            continue
        nxt = k + 1
        while nxt < len(main) and not _clean(main[nxt].text):
            nxt += 1
        if nxt >= len(main):
            return None
        following = _clean(main[nxt].text)
        found = _find_date(following, dates)
        if found is not None and found.start == 0 and fold(following[found.end :]) == "":
            return found.date, main[nxt].number
    return None


# --- putting it together ------------------------------------------------------------------------------------------


def _organ_of(symbol: str) -> Organ | None:
    for prefix, organ in _ORGAN_OF_SYMBOL:
        if symbol.startswith(prefix):
            return organ
    return None


def _organ_named(name: str) -> Organ | None:
    key = fold(name)
    for table in all_tables():
        for printed, organ in table.organs:
            if key and fold(printed) == key:
                return organ
    return None


def _number_from_symbol(symbol: str) -> tuple[str, str | None]:
    match = _RES_NUMBER.match(symbol)
    if match is None:
        return "", None
    return match.group("number"), match.group("part")


def _first_text_line(stories: Stories) -> int | None:
    return next((line.number for line in stories.main if _clean(line.text)), None)


def parse_front(stories: Stories, *, name: str) -> Front:
    """Read the front matter of a dump already split into stories. ``ReadError`` when nothing in it is a UN
    document (no ODS comment, masthead, preface, formula or adoption line)."""
    diags: list[Diagnostic] = []
    ods = read_ods_fields(stories.comments)
    language = _language(ods, stories, diags)
    if language is None:
        raise ReadError("no text in a known language", name=name, line=_first_text_line(stories))
    table = table_for(language)
    head = _Head()
    _read_header(stories, ods, table, head)
    cover = _read_cover(stories.main, table, head, diags, _number_from_symbol(ods.symbol1 or head.symbol)[1])
    if not (cover.recognised or ods.symbol1 or head.symbol):
        raise ReadError(
            "no UN document found: no ODS comment, masthead, resolution number, adoption line or formula",
            name=name,
            line=_first_text_line(stories),
        )
    meta = _meta(ods, language, head, cover, stories, table, diags)
    masthead = Masthead(
        authority=head.authority,
        symbol=head.symbol,
        organ=head.organ,
        distribution=head.distribution,
        date=head.date,
        session=head.session,
        agenda=tuple(text for text, _items, _line in head.agenda),
        line=head.line,
    )
    part_label = cover.part_label or _number_from_symbol(meta.symbol)[1]
    return Front(
        meta=meta,
        masthead=masthead,
        cover=tuple(cover.lines),
        preface=cover.preface,
        body_start=cover.body_start,
        table=table,
        diagnostics=diags,
        part_label=part_label,
        part_label_index=cover.part_index,
        front_notes=tuple(cover.notes),
    )


def _meta(
    ods: OdsFields,
    language: Language,
    head: _Head,
    cover: _Cover,
    stories: Stories,
    table: LanguageTable,
    diags: list[Diagnostic],
) -> Meta:
    symbol = ods.symbol1 or head.symbol
    if ods.symbol1 and head.symbol and fold(ods.symbol1) != fold(head.symbol):
        diags.append(
            _warn(
                "symbol-mismatch",
                f"ODS SYMBOL1 {ods.symbol1!r} differs from the masthead's {head.symbol!r}: SYMBOL1 kept",
                head.line,
            )
        )
    organ = _organ_of(symbol) or cover.formula_organ or _organ_named(head.organ)
    if organ is None:
        organ = Organ.GA
        diags.append(_warn("organ-guessed", "the adopting organ is not stated: General Assembly assumed", None))
    kind = cover.kind or (DocKind.DECISION if "/DEC/" in symbol else DocKind.RESOLUTION)
    number_from_symbol, part = _number_from_symbol(symbol)
    number = cover.sc_number or re.sub(r"[.\s]+$", "", cover.preface_number)
    if part and number.endswith(part):
        number = _plain(number[: -len(part)])
    number = re.sub(r"\s*[A-Z](?:[–\-][A-Z])?$", "", number) if re.search(r"\d\s*[A-Z]", number) else number
    number = number or number_from_symbol
    if not symbol:
        symbol = _symbol_from(organ, kind, number, cover.part_label)
        if symbol:
            diags.append(_warn("symbol-derived", f"no symbol stated: {symbol!r} derived from the number", None))
        else:
            diags.append(_warn("symbol-missing", "the document's symbol is not stated", None))
    adoption = cover.adoption
    if adoption is None:
        closing = _closing_date(stories.main, cover.body_start, table)
        if closing is not None:
            adoption = closing[0]
            diags.append(_info("adoption-date-from-closing", "adoption date taken from the closing lines", closing[1]))
        else:
            diags.append(
                _warn("adoption-date-missing", "the adoption date is not stated", cover.adoption_line or head.line)
            )
    if head.date_value is None:
        diags.append(_warn("issue-date-missing", "the masthead states no issue date", head.line))
    job = head.job
    if job is None:
        from_ods = _JOB_OF_ODS.match(ods.job)
        if from_ods:
            job = f"{from_ods.group(1)}-{from_ods.group(2)}"
            message = f"no job number in the first-page footer: {job} read from the ODS job number {ods.job}"
            diags.append(_warn("job-number-from-ods", message, ods.line))
        else:
            diags.append(_warn("job-number-missing", "the first-page footer states no job number", head.line))
    session = None
    if head.session:
        if head.session_number is None:
            diags.append(
                _warn("session-unknown", f"session ordinal not understood: {head.session!r}", head.session_line)
            )
        else:
            session = Session(number=head.session_number, text=_plain(head.session), line=head.session_line)
    items = tuple(
        AgendaItem(number=item, text=_plain(text), line=line) for text, numbers, line in head.agenda for item in numbers
    )
    return Meta(
        kind=kind,
        organ=organ,
        language=language,
        symbol=_plain(symbol),
        number=number,
        title=cover.title,
        symbol2=ods.symbol2,
        job_number=job,
        issue_date=head.date_value,
        adoption_date=adoption,
        session=session,
        agenda_items=items,
        distribution=head.distribution or None,
        meeting=cover.meeting,
        ods=ods,
    )


_SYMBOL_PREFIX = {Organ.GA: "A", Organ.ECOSOC: "E", Organ.SC: "S", Organ.HRC: "A/HRC"}


def _symbol_from(organ: Organ, kind: DocKind, number: str, part: str | None) -> str:
    if not number:
        return ""
    series = "DEC" if kind is DocKind.DECISION else "RES"
    return f"{_SYMBOL_PREFIX[organ]}/{series}/{number}" + (f" {part}" if part else "")
