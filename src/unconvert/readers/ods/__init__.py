"""The ODS text dump reader: ``read(data, name=...) -> Document``.

Two stages (see ``docs/architecture.md``):

1. ``stories``: decode the bytes and split them into the four stories (main, footnotes, comment, header) as
   numbered ``Line`` s; ``front`` reads the ODS comment fields, the masthead (first-page header or top of the main
   story), the job number (first-page footer) and the lines before the formula (adoption line, committee line,
   number and title) into ``Meta``, ``Masthead``, ``CoverLine`` s and ``Preface``.
2. ``body``: from the formula on, the preamble, operative paragraphs with their points, parts, annexes, tables
   and closing lines, with each footnote attached where its mark stands (``footnotes``).

What each language prints (formulae, months, ordinals, committee names, opening phrases) is in
``unconvert.un.languages``, one module per language, shared with the other readers and the writers.

Stage 1 checklist (``stories``, ``masthead``, ``cover``, ``front``; see ``tests/test_reader_front.py``):

- [x] UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 with a warning (``readers.encoding``); LF, CRLF or
  CR line ends; file line numbers (1-based) on every ``Line``.
- [x] Not a text dump (NUL, undecodable or control bytes, ZIP/PDF/DOC/RTF signatures), empty text, or text with
  no UN document in it: ``ReadError`` naming the file and the line.
- [x] Footnote story: the run of numbered notes ending the text (``*`` notes first, numbering from any k, notes over
  several lines); a closing date such as ``1 December 2022`` is not a note.
- [x] Comment story: the ODS fields (``JOB NO`` or ``REF JOB NO``, SYMBOL1, SYMBOL2), other comments, any initials.
- [x] Header story: separators, running heads, page numbers and barcodes are never content; the first-page header
  is the masthead (cells fused on one line or on lines of their own); the first-page footer gives the job number.
- [x] Missing comment story (language from the script or common words), missing header story, no footnotes.
- [x] Language from the ODS job letter, else from the text; everything else asked from the language's table.
- [x] Masthead: authority, symbol, organ, distribution, issue date, session (ordinal words or ECOSOC year), agenda
  items as printed (``99 (gg)``, ``3 a)``, ``118 (ح)``), from the header (2009) or the main story (2017 on).
- [x] Cover lines: adoption line (date as ``DateRef``, also when the date is on the next line), committee line
  (every symbol a ``SymbolRef``, ``and Add.1`` included), SC title and ``Adopted by … at its … meeting, on …``
  (``MeetingRef`` + ``DateRef``), a decision's ``Decision`` / ``Plenary`` / heading lines.
- [x] Preface ``64/183.⇥Title`` (title over several lines, or none); part letter of ``72/262 C`` (``Front.part_label``)
  and marks standing in front lines (``B1``, ``*2018 session``: ``Front.front_notes``).
- [x] Dates never invented: a missing adoption date (decisions: taken from the closing lines), issue date or job
  number is ``None`` with a warning; every guess (language from text, job number from the ODS job) is a diagnostic.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt

from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError
from unconvert.readers.ods.body import parse_body
from unconvert.readers.ods.front import parse_front
from unconvert.readers.ods.passes import ReferenceLinker
from unconvert.readers.ods.stories import decode_with_notes, split_stories
from unconvert.tree import CoverRole, Document


def read(data: bytes, *, name: str = "<input>") -> Document:
    """Read one ODS text dump. Raises ``ReadError`` (naming ``name`` and the line) for input that is not one."""
    text, notes = decode_with_notes(data, name=name)
    stories = split_stories(text, name=name)
    front = parse_front(stories, name=name)
    body = parse_body(stories, front, name=name)
    meta = front.meta
    if body.meeting and not meta.meeting:
        meta = dataclasses.replace(meta, meeting=body.meeting)
    if meta.adoption_date is None and body.adoption_date is not None:
        meta = dataclasses.replace(meta, adoption_date=body.adoption_date)
    conflict = _adoption_conflict(meta.adoption_date, body.adoption_date, meta.issue_date)
    if conflict is not None:
        kept, message = conflict
        meta = dataclasses.replace(meta, adoption_date=kept)
        line = next((c.line for c in front.cover if c.role is CoverRole.ADOPTION), None)
        body.diagnostics.append(Diagnostic.warning("adoption-date-conflict", message, line))
    if not body.parts:
        # the line where the body should have started (the formula, the first paragraph): the last one when the
        # front took every line
        main = stories.main
        where = main[min(front.body_start, len(main) - 1)].number if main else 1
        raise ReadError("no document body found (no formula, paragraphs or decision text)", name=name, line=where)
    document = Document(
        meta=meta,
        masthead=front.masthead,
        cover=front.cover,
        preface=front.preface,
        parts=body.parts,
        annexes=body.annexes,
        diagnostics=notes + tuple(front.diagnostics) + tuple(body.diagnostics),
    )
    return ReferenceLinker(meta.language, meta.organ).document(document)


def _adoption_conflict(
    stated: _dt.date | None, closing: _dt.date | None, issued: _dt.date | None
) -> tuple[_dt.date, str] | None:
    """The adoption line and the closing lines both date the adoption; when they disagree (A/RES/77/81 spa: ``el 7
    de diciembre de 2012`` above, ``7 de diciembre de 2022`` below), the date the issue date can follow wins: the
    latest one not after the issue date. Without an issue date the adoption line's stays. Either way, a warning."""
    if stated is None or closing is None or stated == closing:
        return None
    kept = stated
    if issued is not None:
        candidates = [d for d in (stated, closing) if d <= issued]
        kept = max(candidates) if candidates else stated
    message = (
        f"the adoption line says {stated.isoformat()} and the closing lines {closing.isoformat()}: "
        f"{kept.isoformat()} kept"
    )
    return kept, message


__all__ = ["ReadError", "read"]
