"""The ODS text dump reader: ``read(data, name=...) -> Document``.

Two stages (see ``docs/architecture.md``):

1. ``stories``: decode the bytes and split them into the four stories (main, footnotes, comment, header) as
   numbered ``Line`` s; ``front`` reads the ODS comment fields, the masthead (first-page header or top of the main
   story), the job number (first-page footer) and the lines before the formula (adoption line, committee line,
   number and title) into ``Meta``, ``Masthead``, ``CoverLine`` s and ``Preface``.
2. ``body``: from the formula on, the preamble, operative paragraphs with their points, parts, annexes, tables
   and closing lines, with each footnote attached where its mark stands (``footnotes``).

What each language prints (formulae, months, ordinals, committee names, opening phrases) is in ``lang/``, one
table per language.
"""

from __future__ import annotations

import dataclasses

from unconvert.errors import ReadError
from unconvert.readers.ods.body import parse_body
from unconvert.readers.ods.front import parse_front
from unconvert.readers.ods.stories import decode, split_stories
from unconvert.tree import Document


def read(data: bytes, *, name: str = "<input>") -> Document:
    """Read one ODS text dump. Raises ``ReadError`` (naming ``name`` and the line) for input that is not one."""
    text = decode(data, name=name)
    stories = split_stories(text, name=name)
    front = parse_front(stories, name=name)
    body = parse_body(stories, front, name=name)
    meta = front.meta
    if body.meeting and not meta.meeting:
        meta = dataclasses.replace(meta, meeting=body.meeting)
    if meta.adoption_date is None and body.adoption_date is not None:
        meta = dataclasses.replace(meta, adoption_date=body.adoption_date)
    if not body.parts:
        raise ReadError("no document body found (no formula, paragraphs or decision text)", name=name)
    return Document(
        meta=meta,
        masthead=front.masthead,
        cover=front.cover,
        preface=front.preface,
        parts=body.parts,
        annexes=body.annexes,
        diagnostics=tuple(front.diagnostics) + tuple(body.diagnostics),
    )


__all__ = ["ReadError", "read"]
