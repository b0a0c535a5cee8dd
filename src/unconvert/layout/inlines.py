"""A paragraph's inlines as the writers set them: a flat sequence of pieces, each carrying its own emphasis.

The tree nests inlines (a symbol inside an emphasis inside a strong span); a writer sets runs of text with a
weight and a slant, line breaks, and footnote marks. ``pieces`` makes the one walk over the inline nodes that the
DOCX, PDF and text writers share: text of any kind (a date, a meeting, raw text) is a ``Run``, a cited document
symbol a ``Run`` that links to it, a forced line break a ``Break``, a footnote or another reference to one a
``Mark``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import assert_never

from unconvert.tree import (
    DateRef,
    Emphasis,
    Footnote,
    Inline,
    LineBreak,
    MeetingRef,
    NoteRef,
    RawInline,
    Strong,
    SymbolRef,
    Text,
)


@dataclass(frozen=True, slots=True)
class Run:
    """Text set in one weight and slant; ``symbol`` is the UN document it cites (the run links to it)."""

    text: str
    bold: bool = False
    italic: bool = False
    symbol: str | None = None
    line: int | None = None  # the source line of the node (for diagnostics)


@dataclass(frozen=True, slots=True)
class Break:
    """A forced line break, in the emphasis around it."""

    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Mark:
    """A footnote mark: the note itself (``note``), or another reference to an earlier note (``note`` is
    ``None``); ``separator`` is the punctuation between two adjacent marks (``3,4``), raised with them."""

    marker: str
    separator: str
    note: Footnote | None
    line: int | None = None  # the source line of the node (for diagnostics)


Piece = Run | Break | Mark


def pieces(inlines: tuple[Inline, ...], *, bold: bool = False, italic: bool = False) -> Iterator[Piece]:
    """The pieces of ``inlines`` in reading order."""
    for node in inlines:
        match node:
            case Text(text=text) | DateRef(text=text) | MeetingRef(text=text) | RawInline(text=text):
                yield Run(text, bold, italic, None, node.line)
            case SymbolRef(symbol=symbol, text=text):
                yield Run(text, bold, italic, symbol, node.line)
            case Emphasis(children=children):
                yield from pieces(children, bold=bold, italic=True)
            case Strong(children=children):
                yield from pieces(children, bold=True, italic=italic)
            case LineBreak():
                yield Break(bold, italic)
            case Footnote(marker=marker, separator=separator):
                yield Mark(marker, separator, node, node.line)
            case NoteRef(marker=marker, separator=separator):
                yield Mark(marker, separator, None, node.line)
            case _:
                assert_never(node)
