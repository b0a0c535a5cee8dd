"""The front of a Word file: the ODS comment, the masthead (first-page header, or the session and agenda lines
that open the body in later files), the job number (first-page footer), and the paragraphs before the formula:
adoption line, committee line, number and title (``72/10.⇥Title``), a part letter.

The UN's styles say what most of these paragraphs are (``Session``, ``AgendaItemNormal``, ``TitleHCH``, ``H4``,
``TitleH1``); older files use others (``Heading1``, ``H1``, none), so the text decides, with ``unconvert.un``'s
recognisers, and the style only where the text cannot (a lone letter is a part label under a title style or
standing alone). A date or number the file does not state stays ``None``, with a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field

from unconvert.diagnostics import Diagnostic
from unconvert.readers.docx.package import Package, Part, W
from unconvert.readers.docx.paragraphs import WPara, inlines, read_paragraph, trimmed
from unconvert.tree import (
    AgendaItem,
    CoverLine,
    CoverRole,
    DateRef,
    DateRole,
    DocKind,
    Emphasis,
    Footnote,
    Inline,
    Language,
    Masthead,
    MeetingRef,
    Meta,
    NoteRef,
    OdsFields,
    Organ,
    Preface,
    Session,
    Strong,
    Text,
)
from unconvert.un.dates import find_date, print_date, tables_for_dates
from unconvert.un.formulae import formula_organ, is_formula
from unconvert.un.identify import language_of_script, language_of_words
from unconvert.un.languages import LanguageTable, table_for
from unconvert.un.masthead import MastheadFields
from unconvert.un.ods import (
    job_number_of_ods,
    organ_named,
    printed_job_number,
    read_ods_fields,
    resolution_number,
)
from unconvert.un.organs import organ_of_symbol
from unconvert.un.sessions import agenda_of, session_of
from unconvert.un.symbols import document_symbol, symbol_spans
from unconvert.un.words import compiled, fold, plain

_JOB_LETTER = re.compile(r"^[A-Z]?\d{5,9}(?P<letter>[A-Z])$")
_PREFACE = re.compile(
    r"^(?P<number>(?:(?:ES|S)[ \u00a0]*[-–‑][ \u00a0]*)?\d{1,4}/\d{1,4}(?:[ \u00a0]*[A-Z](?:[–\-][A-Z])?)?)\.?"
    r"(?:[ \t\u00a0]+(?P<title>\S.*))?$",
    re.S,
)
_PART_LETTER = re.compile(r"^[A-Z]$")
_DISTR = re.compile(r"^Distr\.?")
_PARTS_SUFFIX = re.compile(r"[ \u00a0]+[A-Z](?:[–\-][A-Z])?")  # ``A/RES/80/84 A-B``: the parts the file holds
_FRONT_LIMIT = 40  # paragraphs looked at for the formula; a longer front is a body without one
_LONGEST_COVER_LINE = 300


@dataclass(slots=True)
class Front:
    meta: Meta
    masthead: Masthead
    cover: tuple[CoverLine, ...]
    preface: Preface | None
    body_start: int  # index in the paragraph list of the first body paragraph (the formula)
    table: LanguageTable
    part_label: str | None = None
    part_notes: tuple[Footnote, ...] = ()
    carried_notes: list[Inline] = field(default_factory=list)  # marks on lines with no place for them
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _part_texts(part: Part | None) -> list[str]:
    """The printed text of each paragraph of a header, footer or comment part (field results, no codes)."""
    if part is None:
        return []
    out: list[str] = []
    for p in part.root.iter(W + "p"):
        text = read_paragraph(p, 0, {}, part.links, None).text
        out.extend(t for t in (plain(line) for line in text.split("\n")) if t)
    return out


def ods_fields(package: Package) -> OdsFields:
    """The ODS metadata comment's fields (``<<ODS JOB NO>>N1739299E<<ODS JOB NO>>`` …) of the comments part."""
    return read_ods_fields((text, None) for text in _part_texts(package.comments))


def _language(ods: OdsFields, paragraphs: list[WPara], diags: list[Diagnostic]) -> Language | None:
    match = _JOB_LETTER.match(ods.job)
    if match:
        try:
            return Language.from_code(match.group("letter"))
        except ValueError:
            pass
    sample = "\n".join(p.text for p in paragraphs[:120])[:6000]
    # the front first: an annex listing Latin names (A/DEC/78/556 in Chinese) can fill the sample with another script
    front = "\n".join([p.text for p in paragraphs[:120] if p.stripped][:8])
    language = language_of_script(front) or language_of_script(sample)
    if language is None and any(map(str.isalpha, sample)):
        language = language_of_words(sample).language
    if language is not None:
        diags.append(
            Diagnostic.warning("language-from-text", f"no ODS job letter: language {language.value} told from the text")
        )
    return language


def _read_head(package: Package, table: LanguageTable, head: MastheadFields) -> None:
    """The first-page header (the masthead) and the first-page footer (the job number and print date)."""
    header = package.header
    dates = tables_for_dates(table)
    for text in _part_texts(header):
        _head_line(text, table, head, dates, None)
    footer = package.footer
    for text in _part_texts(footer):
        job = printed_job_number(text)
        if job and head.job is None:
            head.job = job
            head.printed = print_date(text)


def _head_line(
    text: str, table: LanguageTable, head: MastheadFields, dates: list[LanguageTable], line: int | None
) -> bool:
    """Read one masthead line into ``head``; whether it was one."""
    key = fold(text)
    if not head.authority and any(fold(a) == key for a in table.authority):
        head.authority = text
        return True
    if not head.organ and any(fold(name) == key for name, _ in table.organs):
        head.organ = text
        return True
    if not head.distribution and _DISTR.match(text):
        head.distribution = text
        return True
    spans = symbol_spans(text) if not head.symbol else []
    if spans and spans[0][0] == 0 and (spans[0][1] == len(text) or _PARTS_SUFFIX.fullmatch(text[spans[0][1] :])):
        head.symbol = text
        return True
    session = session_of(text, table)
    if session is not None and not head.session:
        head.session, head.session_number, head.session_line = text, session.number, line
        return True
    items = agenda_of(text, table)
    if items is not None:
        head.agenda.append((text, items, line or 0))
        return True
    found = find_date(text, dates)
    if found is not None and found.start == 0 and found.end >= len(text.rstrip(". ")) and not head.date:
        head.date, head.date_value = text, found.date
        return True
    return False


def _mark(content: tuple[Inline, ...], found_text: str, node: DateRef | MeetingRef) -> tuple[Inline, ...]:
    """``content`` with the first plain text holding ``found_text`` split around ``node`` (a date or meeting
    reference); unchanged when no one run holds it."""
    out: list[Inline] = []
    done = False
    for child in content:
        if not done and isinstance(child, Text) and found_text in child.text:
            before, _, after = child.text.partition(found_text)
            if before:
                out.append(Text(text=before))
            out.append(node)
            if after:
                out.append(Text(text=after))
            done = True
        elif not done and isinstance(child, Emphasis | Strong):
            children = _mark(child.children, found_text, node)
            done = children != child.children
            out.append(Emphasis(children=children) if isinstance(child, Emphasis) else Strong(children=children))
        else:
            out.append(child)
    return tuple(out)


def _mark_date(content: tuple[Inline, ...], found_text: str, date: _dt.date, role: DateRole) -> tuple[Inline, ...]:
    return _mark(content, found_text, DateRef(date=date, text=found_text, role=role))


def _matches(text: str, patterns: tuple[str, ...]) -> re.Match[str] | None:
    return next((m for m in (compiled(p).fullmatch(text) for p in patterns) if m is not None), None)


def _starts(text: str, patterns: tuple[str, ...]) -> re.Match[str] | None:
    return next((m for m in (compiled(p).match(text) for p in patterns) if m is not None), None)


def read_front(package: Package, paragraphs: list[WPara], *, name: str) -> Front | None:
    """The front of the document; None when nothing in it is in a known language (the caller raises)."""
    diags: list[Diagnostic] = []
    ods = ods_fields(package)
    language = _language(ods, paragraphs, diags)
    if language is None:
        return None
    table = table_for(language)
    head = MastheadFields()
    _read_head(package, table, head)
    dates = tables_for_dates(table)
    cover: list[CoverLine] = []
    preface: Preface | None = None
    preface_number = title = ""
    adoption: _dt.date | None = None
    adoption_line: int | None = None
    part_label: str | None = None
    part_notes: tuple[Footnote, ...] = ()
    carried: list[Inline] = []
    formula_org: Organ | None = None
    sc_number = ""
    meeting: str | None = None
    kind: DocKind | None = None
    body_start = 0
    found_formula = False
    for index, para in enumerate(paragraphs[:_FRONT_LIMIT]):
        text = plain(para.text)
        if not text and not para.notes():
            continue
        cover_like = _matches(text, table.title_patterns) or _starts(text, table.adopted_at_patterns)
        if not cover_like and is_formula(text, table):  # ``Resolution 2516 (2020),`` ends with a comma too
            body_start, found_formula = index, True
            formula_org = formula_organ(text, table)
            break
        if len(text) > _LONGEST_COVER_LINE:
            body_start = index
            break
        a, b = trimmed(para)
        marks = [m for m in para.notes()]
        if _head_line(text, table, head, dates, para.number):
            carried.extend(marks)
            continue
        content = inlines(para, a, b)
        adoption_match = next(
            (compiled(p).match(text) for p in table.adoption_patterns if compiled(p).match(text)), None
        )
        if adoption_match is not None and adoption is None:
            found = find_date(para.text, dates)
            if found is not None:
                adoption, adoption_line = found.date, para.number
                content = _mark_date(content, para.text[found.start : found.end], found.date, DateRole.ADOPTION)
            cover.append(CoverLine(role=CoverRole.ADOPTION, content=content, line=para.number))
            continue
        doc_type = next((kind for word, kind in table.doc_types if fold(word) == fold(text)), None)
        if doc_type is not None and kind is None:  # ``Decision``
            kind = doc_type
            cover.append(CoverLine(role=CoverRole.DOC_TYPE, content=content, line=para.number))
            continue
        title_match = _matches(text, table.title_patterns)
        if title_match is not None and not sc_number:  # Security Council: ``Resolution 2674 (2023)``
            sc_number = plain(title_match.group("number"))
            cover.append(CoverLine(role=CoverRole.TITLE, content=content, line=para.number))
            continue
        adopted = _starts(text, table.adopted_at_patterns)
        if adopted is not None and adoption is None:  # ``Adopted by the Security Council at its 9252nd meeting, on …``
            text = para.text[a:b]  # as printed (no-break spaces kept), so that the marks find their runs
            adopted = _starts(text, table.adopted_at_patterns) or adopted
            meeting_text = adopted.groupdict().get("meeting")
            if meeting_text:
                meeting = plain(meeting_text)
                ordinal = plain(adopted.group("ordinal"))
                content = _mark(content, meeting_text, MeetingRef(ordinal=ordinal, text=meeting_text))
            found = find_date(text, dates, start=adopted.end("meeting") if meeting_text else 0) or find_date(
                text, dates
            )
            if found is not None:
                adoption, adoption_line = found.date, para.number
                content = _mark_date(content, text[found.start : found.end], found.date, DateRole.ADOPTION)
            cover.append(CoverLine(role=CoverRole.ADOPTED_AT, content=content, line=para.number))
            continue
        if (text.startswith("[") and text.rstrip().endswith("]")) or _matches(text, table.proponent_patterns):
            cover.append(CoverLine(role=CoverRole.PROPONENT, content=content, line=para.number))
            continue
        preface_match = _PREFACE.match(para.text[a:b]) if preface is None else None
        if preface_match is not None:
            preface_number = plain(preface_match.group("number"))
            start = a + (preface_match.start("title") if preface_match.group("title") else b - a)
            title_inlines = inlines(para, start, b) if start < b else ()
            title = plain(para.text[start:b]) if start < b else ""
            printed = para.text[a : a + preface_match.end("number")]
            if para.text[a + preface_match.end("number") : a + preface_match.end("number") + 1] == ".":
                printed += "."
            preface = Preface(number=plain(printed), title=title_inlines, line=para.number)
            continue
        if _PART_LETTER.match(text) and part_label is None:
            part_label = text
            part_notes = tuple(m for m in marks if isinstance(m, Footnote))
            continue
        if preface is not None:  # after the number and title, what no cover line says starts the body (decisions)
            body_start = index
            break
        cover.append(CoverLine(role=CoverRole.OTHER, content=content, line=para.number))
    if not found_formula:
        if not body_start:
            body_start = _after_front(paragraphs, preface, cover)
        if (kind or DocKind.RESOLUTION) is DocKind.RESOLUTION and "/DEC/" not in (ods.symbol1 or head.symbol):
            message = "no enacting formula: the body starts after the title"
            diags.append(
                Diagnostic.warning(
                    "formula-missing", message, paragraphs[body_start].number if body_start < len(paragraphs) else None
                )
            )
    meta = _meta(ods, language, head, sc_number or preface_number, title, adoption, formula_org, part_label, diags)
    if kind is not None and meta.kind is not kind:
        meta = dataclasses.replace(meta, kind=kind)
    if meeting:
        meta = dataclasses.replace(meta, meeting=meeting)
    if adoption is None:
        diags.append(Diagnostic.warning("adoption-date-missing", "the adoption line states no date", adoption_line))
    masthead = head.masthead()
    return Front(
        meta=meta,
        masthead=masthead,
        cover=tuple(cover),
        preface=preface,
        body_start=body_start,
        table=table,
        part_label=part_label or resolution_number(meta.symbol)[1],
        part_notes=part_notes,
        carried_notes=[m for m in carried if isinstance(m, Footnote | NoteRef)],
        diagnostics=diags,
    )


def _after_front(paragraphs: list[WPara], preface: Preface | None, cover: list[CoverLine]) -> int:
    last = max([preface.line or 0] if preface else [0] + [c.line or 0 for c in cover])
    return next((i for i, p in enumerate(paragraphs) if p.number > last), len(paragraphs))


def _meta(
    ods: OdsFields,
    language: Language,
    head: MastheadFields,
    preface_number: str,
    title: str,
    adoption: _dt.date | None,
    formula_org: Organ | None,
    part_label: str | None,
    diags: list[Diagnostic],
) -> Meta:
    symbol = ods.symbol1 or plain(head.symbol)
    if ods.symbol1 and head.symbol and fold(ods.symbol1) != fold(head.symbol):
        diags.append(
            Diagnostic.warning(
                "symbol-mismatch",
                f"ODS SYMBOL1 {ods.symbol1!r} differs from the masthead's {head.symbol!r}: SYMBOL1 kept",
            )
        )
    organ = organ_of_symbol(symbol) or formula_org or organ_named(head.organ)
    if organ is None:
        organ = Organ.GA
        diags.append(Diagnostic.warning("organ-guessed", "the adopting organ is not stated: General Assembly assumed"))
    kind = DocKind.DECISION if "/DEC/" in symbol else DocKind.RESOLUTION
    number_from_symbol, part = resolution_number(symbol)
    number = re.sub(r"[.\s]+$", "", preface_number)
    if part and number.endswith(part):
        number = plain(number[: -len(part)])
    number = number or number_from_symbol
    if not symbol:
        symbol = document_symbol(organ, kind, number, part_label)
        if symbol:
            diags.append(Diagnostic.warning("symbol-derived", f"no symbol stated: {symbol!r} derived from the number"))
        else:
            diags.append(Diagnostic.warning("symbol-missing", "the document's symbol is not stated"))
    if head.date_value is None:
        diags.append(Diagnostic.warning("issue-date-missing", "the masthead states no issue date"))
    job = head.job
    if job is None:
        job = job_number_of_ods(ods.job)
        if job:
            diags.append(
                Diagnostic.warning(
                    "job-number-from-ods", f"no job number in the first-page footer: {job} read from the ODS job number"
                )
            )
        else:
            diags.append(Diagnostic.warning("job-number-missing", "the first-page footer states no job number"))
    session = None
    if head.session:
        if head.session_number is None:
            diags.append(
                Diagnostic.warning("session-unknown", f"session not understood: {head.session!r}", head.session_line)
            )
        else:
            session = Session(number=head.session_number, text=plain(head.session), line=head.session_line)
    items = tuple(
        AgendaItem(number=item, text=plain(text), line=line or None)
        for text, numbers, line in head.agenda
        for item in numbers
    )
    return Meta(
        kind=kind,
        organ=organ,
        language=language,
        symbol=plain(symbol),
        number=number,
        title=title,
        symbol2=ods.symbol2,
        job_number=job,
        issue_date=head.date_value,
        adoption_date=adoption,
        print_date=head.printed,
        session=session,
        agenda_items=items,
        distribution=head.distribution or None,
        ods=ods,
    )


__all__ = ["Front", "ods_fields", "read_front"]
