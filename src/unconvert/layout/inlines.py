"""A paragraph's inlines as the writers set them: a flat sequence of pieces, each carrying its own emphasis.

The tree nests inlines (a symbol inside an emphasis inside a strong span); a writer sets runs of text with a
weight and a slant, line breaks, and footnote marks. ``pieces`` makes the one walk over the inline nodes that the
DOCX, PDF and text writers share: text of any kind (a date, a meeting, raw text) is a ``Run``, a cited document
symbol a ``Run`` that links to it, a forced line break a ``Break``, a footnote or another reference to one a
``Mark``. Pieces are named tuples: a paragraph has many, and they are made for every writer.
"""

from __future__ import annotations

from typing import NamedTuple, assert_never

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


class Run(NamedTuple):
    """Text set in one weight and slant; ``symbol`` is the UN document it cites (the run links to it)."""

    text: str
    bold: bool = False
    italic: bool = False
    symbol: str | None = None
    line: int | None = None  # the source line of the node (for diagnostics)


class Break(NamedTuple):
    """A forced line break, in the emphasis around it."""

    bold: bool = False
    italic: bool = False


class Mark(NamedTuple):
    """A footnote mark: the note itself (``note``), or another reference to an earlier note (``note`` is
    ``None``); ``separator`` is the punctuation between two adjacent marks (``3,4``), raised with them."""

    marker: str
    separator: str
    note: Footnote | None
    line: int | None = None  # the source line of the node (for diagnostics)


Piece = Run | Break | Mark


def pieces(inlines: tuple[Inline, ...], *, bold: bool = False, italic: bool = False) -> list[Piece]:
    """The pieces of ``inlines`` in reading order (inside a weight and slant of their own when given)."""
    out: list[Piece] = []
    _flatten(inlines, bold, italic, out)
    return out


_TEXTS = (Text, DateRef, MeetingRef, RawInline)
_new = tuple.__new__  # makes a piece without the named tuple's Python-level constructor: this runs for every inline


def _flatten(inlines: tuple[Inline, ...], bold: bool, italic: bool, out: list[Piece]) -> None:
    append = out.append
    for node in inlines:
        # isinstance, most frequent first, rather than class patterns: every writer runs this for every inline
        if isinstance(node, _TEXTS):
            append(_new(Run, (node.text, bold, italic, None, node.line)))
        elif isinstance(node, Emphasis):
            _flatten(node.children, bold, True, out)
        elif isinstance(node, Footnote):
            append(_new(Mark, (node.marker, node.separator, node, node.line)))
        elif isinstance(node, SymbolRef):
            append(_new(Run, (node.text, bold, italic, node.symbol, node.line)))
        elif isinstance(node, Strong):
            _flatten(node.children, True, italic, out)
        elif isinstance(node, LineBreak):
            append(_new(Break, (bold, italic)))
        elif isinstance(node, NoteRef):
            append(_new(Mark, (node.marker, node.separator, None, node.line)))
        else:
            assert_never(node)
