"""Block nodes: paragraphs, numbered provisions, parts, tables.

Numbers are kept as printed (``1.``, ``(a)``, ``(iv)``, ``I``, ``1 -``): writers derive ids from them, nobody
re-numbers. A paragraph's role is typed data (which class it is), never a style name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias

from unconvert.tree.inlines import Inline


class ParaRole(StrEnum):
    """What an unnumbered paragraph is for."""

    TEXT = "text"  # running text (decisions, annex prose, text between provisions)
    HEADING = "heading"  # an unnumbered heading line (``Preamble``, a table's caption)
    CENTERED = "centered"  # centred text that is not a heading (a signature block, ``* * *``)
    QUOTE = "quote"  # quoted or indented text inside a provision


@dataclass(frozen=True, slots=True, kw_only=True)
class Para:
    """An unnumbered paragraph of text."""

    content: tuple[Inline, ...]
    role: ParaRole = ParaRole.TEXT
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class PreambularParagraph:
    """A preambular paragraph; ``phrase`` is its opening phrase as printed (``Recalling also``).

    The phrase is also the start of ``content`` (in an ``Emphasis`` where the language sets it in italics).
    """

    phrase: str
    content: tuple[Inline, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class OperativeParagraph:
    """An operative paragraph: ``num`` as printed (``1.``; ``None`` for an unnumbered decision paragraph),
    ``content`` its text up to its points (the intro when there are points), ``children`` its points and any
    other blocks, ``wrap_up`` the text after its last point."""

    num: str | None
    content: tuple[Inline, ...]
    children: tuple[Block, ...] = ()
    wrap_up: tuple[Inline, ...] = ()
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Point:
    """A lettered or roman item inside a paragraph or point: ``(a)``, ``(i)``, ``(aa)``; same shape as
    ``OperativeParagraph``."""

    num: str
    content: tuple[Inline, ...]
    children: tuple[Block, ...] = ()
    wrap_up: tuple[Inline, ...] = ()
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A numbered part with a heading (``I`` / ``Oceans``, ``A.`` / ``Budget``); numbering of paragraphs inside
    runs on. ``num`` may be empty for an unnumbered titled part."""

    num: str
    heading: tuple[Inline, ...]
    children: tuple[Block, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    """A table cell: its paragraphs; ``header`` for a heading cell."""

    paragraphs: tuple[tuple[Inline, ...], ...]
    header: bool = False
    colspan: int = 1
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """A table row."""

    cells: tuple[Cell, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table, recovered row by row as far as the dump's fused text allows."""

    rows: tuple[Row, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class RawBlock:
    """Escape hatch for block content no node type describes yet; writers emit ``text`` as a plain paragraph."""

    kind: str
    text: str
    line: int | None = field(default=None, compare=False)


Block: TypeAlias = Para | PreambularParagraph | OperativeParagraph | Point | Section | Table | RawBlock
