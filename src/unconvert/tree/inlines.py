"""Inline nodes: the runs of text inside a paragraph, heading, cell or note.

A paragraph's content is a ``tuple[Inline, ...]``. Concatenating the text of its inlines (``plain_text``) gives
the paragraph's text exactly as the source printed it, footnote marks excluded. ``Footnote`` carries its note's
own paragraphs, so a note lives exactly where its mark stood.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias, assert_never


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """Plain text."""

    text: str
    line: int | None = field(default=None, compare=False)


_new_object = object.__new__
_set_text = Text.__dict__["text"].__set__  # the slots' own setters, which a frozen class's __setattr__ refuses
_set_line = Text.__dict__["line"].__set__


def text_node(text: str, line: int | None) -> Text:
    """``Text(text=text, line=line)``, made in a third of the instructions: a reader makes a ``Text`` for nearly
    every run of every paragraph, and the frozen dataclass's ``__init__`` (keyword arguments, each field set through
    ``object.__setattr__``) cost more than 5,000 instructions a node. ``Text`` has no ``__post_init__``: the node is
    the one its ``__init__`` makes."""
    node = _new_object(Text)
    _set_text(node, text)
    _set_line(node, line)
    return node


@dataclass(frozen=True, slots=True, kw_only=True)
class Emphasis:
    """Italic text: the opening phrase of a preambular or operative paragraph, the formula."""

    children: tuple[Inline, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Strong:
    """Bold text."""

    children: tuple[Inline, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class LineBreak:
    """A line break inside one paragraph (``\\v`` / manual line break in Word)."""

    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Footnote:
    """A footnote, standing where its mark stood: the marker as printed (``1``) and the note's paragraphs.

    ``separator`` is what Word printed, raised with the marks, between this mark and the mark just before it
    (``Unit.3,4``: note 4's ``,``): part of the marks, not of the text."""

    marker: str
    paragraphs: tuple[tuple[Inline, ...], ...]
    separator: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteRef:
    """Another reference to a footnote given earlier: Word printed the note's number again (a NOTEREF field).

    ``marker`` names the note; the note's text stays with its first ``Footnote``. ``separator`` as in
    ``Footnote`` (``Secretary-General;4,5``: the ``,`` before 5).
    """

    marker: str
    separator: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class SymbolRef:
    """A UN document symbol cited in the text (``A/64/L.34``); links to ``https://undocs.org/<symbol>``."""

    symbol: str
    text: str
    line: int | None = field(default=None, compare=False)


class DateRole(StrEnum):
    """What a date in the text means; values are the AKN4UN ``refersTo`` ids."""

    ADOPTION = "adoptionDate"
    ISSUE = "dateOfIssuance"


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRef:
    """A date as printed (``18 December 2009``) with its value and what it is the date of."""

    date: _dt.date
    text: str
    role: DateRole | None = None
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingRef:
    """The adopting meeting as printed (``65th plenary meeting``) and its ordinal (``65th``)."""

    ordinal: str
    text: str
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class RawInline:
    """Escape hatch for inline content no node type describes yet; writers emit ``text`` as plain text."""

    kind: str
    text: str
    line: int | None = field(default=None, compare=False)


Inline: TypeAlias = (
    Text | Emphasis | Strong | LineBreak | Footnote | NoteRef | SymbolRef | DateRef | MeetingRef | RawInline
)


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The printed text of ``inlines``: footnotes left out, line breaks as ``\\n``."""
    out: list[str] = []
    for node in inlines:
        match node:
            case Text(text=t) | SymbolRef(text=t) | DateRef(text=t) | MeetingRef(text=t) | RawInline(text=t):
                out.append(t)
            case Emphasis(children=c) | Strong(children=c):
                out.append(plain_text(c))
            case LineBreak():
                out.append("\n")
            case Footnote() | NoteRef():
                pass
            case _:
                assert_never(node)
    return "".join(out)


def footnotes_in(inlines: tuple[Inline, ...]) -> list[Footnote]:
    """Every footnote in ``inlines``, in order (including inside emphasis)."""
    found: list[Footnote] = []
    for node in inlines:
        match node:
            case Footnote():
                found.append(node)
            case Emphasis(children=c) | Strong(children=c):
                found.extend(footnotes_in(c))
            case Text() | LineBreak() | NoteRef() | SymbolRef() | DateRef() | MeetingRef() | RawInline():
                pass
            case _:
                assert_never(node)
    return found
