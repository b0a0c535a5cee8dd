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

``masthead`` reads the comment, header and footer; ``cover`` the main story's front lines; ``unconvert.un`` holds
what they share with other readers (``words``, ``dates``, ``symbols``, ``organs``). This module tells the language
and puts ``Meta`` together.

Every line of the main story before ``body_start`` ends up in the masthead, a cover line or the preface (or is a
comment anchor or empty). What each language prints is asked from its ``LanguageTable``; what had to be guessed
is a warning ``Diagnostic`` with its line. A date the source does not state stays ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError
from unconvert.readers.ods.cover import Cover, closing_date, read_cover
from unconvert.readers.ods.masthead import read_header, read_ods_fields, running_head
from unconvert.readers.ods.stories import Line, Stories
from unconvert.tree import (
    AgendaItem,
    CoverLine,
    DocKind,
    Language,
    Masthead,
    Meta,
    OdsFields,
    Organ,
    Preface,
    Session,
)
from unconvert.un.identify import language_of_script, language_of_words, names_un_body
from unconvert.un.languages import LanguageTable, table_for
from unconvert.un.masthead import MastheadFields
from unconvert.un.ods import job_number_of_ods, organ_named, resolution_number
from unconvert.un.organs import organ_of_symbol
from unconvert.un.symbols import document_symbol
from unconvert.un.words import clean, fold, plain


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


# --- language -------------------------------------------------------------------------------------------------

_JOB_LETTER = re.compile(r"^[A-Z]?\d{5,9}(?P<letter>[A-Z])$")
_SAMPLE_CHARS = 6000
_FRONT_LINES = 8


# ODS job letters of languages the UN translates into besides its six (German: the Deutscher Übersetzungsdienst).
_OTHER_JOB_LETTERS = {"G": "German"}
# A Latin-script text whose best language has fewer of its common words than this, and names no UN organ in that
# language, is in none of the six languages (a German resolution scores 7 % against French's common words; the
# six languages' own dumps score 9 % and more, and name their organ).
_MIN_COMMON_SHARE = 0.15


def _samples(lines: list[Line]) -> tuple[str, str]:
    """The front matter (its first non-empty lines) and the text sample (the first 6,000 characters: the front
    matter and the start of the body), the two samples the language is told from."""
    head = [line.text for line in lines[:120]]
    text = "\n".join(head)[:_SAMPLE_CHARS]
    # The front matter first: an annex listing Latin names (A/DEC/78/556 in Arabic and Chinese) can fill the
    # sample with another script.
    front = "\n".join([t for t in head if t.strip()][:_FRONT_LINES])
    return front, text


def _language_of_script(front: str, text: str) -> Language | None:
    """The language whose own script the front matter, else the text sample, is written in (Arabic, Chinese,
    Russian), or ``None``: the cheap signal, a scan or two of the samples."""
    return language_of_script(front) or language_of_script(text)


def _language_of_text(lines: list[Line], *, name: str, strict: bool) -> tuple[Language | None, bool]:
    """The language the text is written in, from its script, or (Latin) from its commonest words, and whether the
    guess is sure. With ``strict`` (nothing else tells the language), a Latin-script text that is in none of the
    six languages raises ``ReadError``.

    The first 6,000 characters (the front matter and the start of the body) are plenty, and keep this cheap.
    """
    front, text = _samples(lines)
    by_script = _language_of_script(front, text)
    if by_script is not None:
        return by_script, True
    if not any(map(str.isalpha, text)):
        return None, False
    vote = language_of_words(text)
    best = vote.language
    if best is None:
        return None, False
    if names_un_body(text, table_for(best)):
        return best, True
    share = vote.score / vote.words
    if strict and share < _MIN_COMMON_SHARE:
        raise ReadError(
            f"the text is in none of the six UN languages (English, French, Spanish, Russian, Arabic, Chinese): "
            f"it names no UN body and only {share:.0%} of its words are common {best.value} words",
            name=name,
            line=next((line.number for line in lines if line.text.strip()), None),
        )
    return best, False


def _language(ods: OdsFields, stories: Stories, diags: list[Diagnostic], *, name: str) -> Language | None:
    match = _JOB_LETTER.match(ods.job)
    letter = match.group("letter") if match else ""
    if letter in _OTHER_JOB_LETTERS:
        raise ReadError(
            f"the ODS job number {ods.job} is a {_OTHER_JOB_LETTERS[letter]} ({letter}) document; unconvert reads "
            "the six UN languages (job letters E, F, S, R, A, C)",
            name=name,
            line=ods.line,
        )
    try:
        by_job = Language.from_code(letter) if letter else None
    except ValueError:
        by_job = None
    if by_job is not None:
        # The job letter says the language; only a text in another script overrides it (the word statistics, for
        # the Latin-script languages, are asked only without a job letter).
        by_text = _language_of_script(*_samples(stories.main))
        if by_text is not None and by_text is not by_job:
            diags.append(
                Diagnostic.warning(
                    "language-mismatch",
                    f"the ODS job number says {by_job.value} but the text is {by_text.value}: read as {by_text.value}",
                    ods.line,
                )
            )
            return by_text
        return by_job
    by_text, sure = _language_of_text(stories.main, name=name, strict=True)
    if by_text is not None:
        if sure:
            diags.append(
                Diagnostic.info(
                    "language-from-text", f"no ODS job letter: language {by_text.value} told from the text", None
                )
            )
        else:
            diags.append(
                Diagnostic.warning(
                    "language-uncertain",
                    f"no ODS job letter, and the text names no UN body: language {by_text.value} guessed from its "
                    "common words",
                    None,
                )
            )
    return by_text


# --- putting it together ------------------------------------------------------------------------------------------


def _first_text_line(stories: Stories) -> int | None:
    return next((line.number for line in stories.main if clean(line.text)), None)


def parse_front(stories: Stories, *, name: str) -> Front:
    """Read the front matter of a dump already split into stories. ``ReadError`` when nothing in it is a UN
    document (no ODS comment, masthead, preface, formula or adoption line)."""
    diags: list[Diagnostic] = []
    ods = read_ods_fields(stories.comments)
    language = _language(ods, stories, diags, name=name)
    if language is None:
        raise ReadError("no text in a known language", name=name, line=_first_text_line(stories))
    table = table_for(language)
    head = MastheadFields()
    read_header(stories, ods, table, head)
    cover = read_cover(stories.main, table, head, resolution_number(ods.symbol1 or head.symbol)[1])
    if not (cover.recognised or ods.symbol1 or head.symbol):
        raise ReadError(
            "no UN document found: no ODS comment, masthead, resolution number, adoption line or formula",
            name=name,
            line=_first_text_line(stories),
        )
    meta = _meta(ods, language, head, cover, stories, table, diags)
    masthead = head.masthead()
    part_label = cover.part_label or resolution_number(meta.symbol)[1]
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
    head: MastheadFields,
    cover: Cover,
    stories: Stories,
    table: LanguageTable,
    diags: list[Diagnostic],
) -> Meta:
    symbol = ods.symbol1 or head.symbol
    if ods.symbol1 and head.symbol and fold(ods.symbol1) != fold(head.symbol):
        diags.append(
            Diagnostic.warning(
                "symbol-mismatch",
                f"ODS SYMBOL1 {ods.symbol1!r} differs from the masthead's {head.symbol!r}: SYMBOL1 kept",
                head.line,
            )
        )
    organ = organ_of_symbol(symbol) or cover.formula_organ or organ_named(head.organ)
    if organ is None:
        organ = Organ.GA
        diags.append(
            Diagnostic.warning("organ-guessed", "the adopting organ is not stated: General Assembly assumed", None)
        )
    kind = cover.kind or (DocKind.DECISION if "/DEC/" in symbol else DocKind.RESOLUTION)
    number_from_symbol, part = resolution_number(symbol)
    number = cover.sc_number or re.sub(r"[.\s]+$", "", cover.preface_number)
    if part and number.endswith(part):
        number = plain(number[: -len(part)])
    number = re.sub(r"\s*[A-Z](?:[–\-][A-Z])?$", "", number) if re.search(r"\d\s*[A-Z]", number) else number
    number = number or number_from_symbol
    if not symbol:
        symbol = document_symbol(organ, kind, number, cover.part_label)
        if symbol:
            diags.append(
                Diagnostic.warning("symbol-derived", f"no symbol stated: {symbol!r} derived from the number", None)
            )
        else:
            diags.append(Diagnostic.warning("symbol-missing", "the document's symbol is not stated", None))
    adoption = cover.adoption
    if adoption is None:
        closing = closing_date(stories.main, cover.body_start, table)
        if closing is not None:
            adoption = closing[0]
            diags.append(
                Diagnostic.info("adoption-date-from-closing", "adoption date taken from the closing lines", closing[1])
            )
        else:
            diags.append(
                Diagnostic.warning(
                    "adoption-date-missing", "the adoption date is not stated", cover.adoption_line or head.line
                )
            )
    if head.date_value is None:
        diags.append(Diagnostic.warning("issue-date-missing", "the masthead states no issue date", head.line))
        if adoption is None and head.printed is None:
            message = "the document states no date at all (adoption, issue or print date); none is made up"
            diags.append(Diagnostic.warning("date-missing", message, head.line))
    job = head.job
    if job is None:
        from_ods = job_number_of_ods(ods.job)
        if from_ods:
            job = from_ods
            message = f"no job number in the first-page footer: {job} read from the ODS job number {ods.job}"
            diags.append(Diagnostic.warning("job-number-from-ods", message, ods.line))
        else:
            diags.append(
                Diagnostic.warning("job-number-missing", "the first-page footer states no job number", head.line)
            )
    session = None
    if head.session:
        if head.session_number is None:
            diags.append(
                Diagnostic.warning(
                    "session-unknown", f"session ordinal not understood: {head.session!r}", head.session_line
                )
            )
        else:
            session = Session(number=head.session_number, text=plain(head.session), line=head.session_line)
    items = tuple(  # the line's text made plain once, not once per item (a line may list thousands)
        AgendaItem(number=item, text=printed, line=line)
        for text, numbers, line in head.agenda
        for printed in (plain(text),)
        for item in numbers
    )
    return Meta(
        kind=kind,
        organ=organ,
        language=language,
        symbol=plain(symbol),
        number=number,
        title=cover.title,
        symbol2=ods.symbol2,
        job_number=job,
        issue_date=head.date_value,
        adoption_date=adoption,
        print_date=head.printed,
        session=session,
        agenda_items=items,
        distribution=head.distribution or None,
        meeting=cover.meeting,
        ods=ods,
        running_head=running_head(stories, head.symbol or plain(symbol), cover.title),
    )
