"""The canonical form of a tree: one spelling for each thing a document can say.

Two trees a reader may build for the same printed document can differ in ways that mean nothing; ``canonical``
picks one of them, so that a writer writes the same output for both and a reader of that output gives the same
tree back (``back(akn(tree)) == canonical(tree)``, ``tests/test_akn_reader.py``):

- adjacent ``Text`` runs are one run (the dump's lines, Word's runs), and an empty ``Text`` is no run;
- the symbol a reference names has no blanks around it (a link to `` A/1`` is a link to ``A/1``);
- a note or a table cell whose only paragraph is empty has no paragraph (both print nothing); a row has at
  least one cell (an empty one), and a table whose only row is one empty cell has no row;
- an operative paragraph numbered ``""`` is unnumbered (``None``);
- an empty part label is no label, a preface with neither number nor title no preface, a preamble with neither
  formula nor recitals no preamble, closing lines with no line no closing lines, an empty job number none.

Nothing else is touched: emphasis, breaks, references, marks and numbers stay as they are, and every node keeps
its ``line``. A tree already canonical is returned as it is (the same objects), so the cost is one walk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import is_
from typing import TypeVar, assert_never

from unconvert.tree.blocks import (
    Block,
    Cell,
    OperativeParagraph,
    Para,
    Point,
    PreambularParagraph,
    RawBlock,
    Row,
    Section,
    Table,
)
from unconvert.tree.document import Annex, CoverLine, Document, Part, Preface
from unconvert.tree.inlines import (
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

T = TypeVar("T")


def _each(nodes: tuple[T, ...], canonical_of: Callable[[T], T]) -> tuple[T, ...]:
    """``canonical_of`` of each of ``nodes``: ``nodes`` itself when that is each node itself (nothing is allocated
    for a tuple that is already canonical, as most are), else a new tuple from the first node that changed."""
    for i, node in enumerate(nodes):
        found = canonical_of(node)
        if found is not node:
            return (*nodes[:i], found, *map(canonical_of, nodes[i + 1 :]))
    return nodes


def _same(old: tuple[T, ...], new: list[T]) -> tuple[T, ...]:
    """``old`` itself when ``new`` holds the very same objects (no copy of an unchanged tuple)."""
    if len(old) == len(new) and all(map(is_, old, new)):  # compared in C: this runs for every tuple of the tree
        return old
    return tuple(new)


def _inlines(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``nodes`` with adjacent texts joined, empty texts dropped, and every nested run canonical (``nodes`` itself
    when it already is: one pass that allocates nothing, since most runs a reader makes are)."""
    after_text = False
    for node in nodes:
        kind = type(node)
        if kind is Text:
            if after_text or not node.text:  # type: ignore[union-attr]
                return _rebuilt(nodes)
            after_text = True
            continue
        after_text = False
        if kind is Emphasis or kind is Strong:
            children = node.children  # type: ignore[union-attr]
            if _inlines(children) is not children:
                return _rebuilt(nodes)
        elif kind is Footnote:
            if _footnote(node) is not node:  # type: ignore[arg-type]
                return _rebuilt(nodes)
        elif kind is SymbolRef:
            symbol = node.symbol  # type: ignore[union-attr]
            if symbol != symbol.strip():
                return _rebuilt(nodes)
    return nodes


def _rebuilt(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        match node:
            case Text(text=text):
                if not text:
                    continue
                if out and isinstance(out[-1], Text):
                    out[-1] = Text(text=out[-1].text + text, line=out[-1].line)
                    continue
            case Emphasis(children=children) | Strong(children=children):
                inner = _inlines(children)
                if inner is not children:
                    node = replace(node, children=inner)
            case Footnote():
                node = _footnote(node)
            case SymbolRef(symbol=symbol):
                if symbol != symbol.strip():
                    node = replace(node, symbol=symbol.strip())
            case LineBreak() | NoteRef() | DateRef() | MeetingRef() | RawInline():
                pass
            case _:
                assert_never(node)
        out.append(node)
    return tuple(out)


def _paragraphs(paragraphs: tuple[tuple[Inline, ...], ...]) -> tuple[tuple[Inline, ...], ...]:
    found = _each(paragraphs, _inlines)
    return () if found == ((),) else found


def _footnote(note: Footnote) -> Footnote:
    paragraphs = _paragraphs(note.paragraphs)
    return note if paragraphs is note.paragraphs else replace(note, paragraphs=paragraphs)


def _changed(node: T, **values: object) -> T:
    """``node`` with ``values``, or ``node`` itself when each value is the object it already holds."""
    for name, value in values.items():
        if getattr(node, name) is not value:
            return replace(node, **values)  # type: ignore[type-var]
    return node


def _blocks(nodes: tuple[Block, ...]) -> tuple[Block, ...]:
    return _each(nodes, _block)


def _block(node: Block) -> Block:
    match node:
        case Para(content=content) | PreambularParagraph(content=content):
            inlines = _inlines(content)
            return node if inlines is content else replace(node, content=inlines)
        case OperativeParagraph(num=num):
            provision = _provision(node)
            return replace(provision, num=None) if num == "" else provision
        case Point():
            return _provision(node)
        case Section():
            return _changed(node, heading=_inlines(node.heading), children=_blocks(node.children))
        case Table():
            rows = _each(node.rows, _row)
            if len(rows) == 1 and rows[0].cells == (_EMPTY_CELL,):
                rows = ()
            return _changed(node, rows=rows)
        case RawBlock():
            return node
        case _:
            assert_never(node)


_EMPTY_CELL = Cell(paragraphs=())
_Provision = TypeVar("_Provision", OperativeParagraph, Point)


def _provision(node: _Provision) -> _Provision:
    """An operative paragraph or point with its content, children and wrap-up canonical (``node`` itself when it
    already is). This runs for most blocks of a document: it compares the parts one by one and does not walk the
    empty children and wrap-up most of them have."""
    content, children, wrap_up = node.content, node.children, node.wrap_up
    new_content = _inlines(content)
    new_children = _blocks(children) if children else children
    new_wrap_up = _inlines(wrap_up) if wrap_up else wrap_up
    if new_content is content and new_children is children and new_wrap_up is wrap_up:
        return node
    return replace(node, content=new_content, children=new_children, wrap_up=new_wrap_up)


def _row(row: Row) -> Row:
    if not row.cells:
        return replace(row, cells=(Cell(paragraphs=(), line=row.line),))
    return _changed(row, cells=_each(row.cells, _cell))


def _cell(cell: Cell) -> Cell:
    return _changed(cell, paragraphs=_paragraphs(cell.paragraphs))


def _closing_lines(lines: tuple[tuple[Inline, ...], ...]) -> list[tuple[Inline, ...]]:
    """The closing lines with a line break inside a line made two lines: AKN writes both as ``<eol/>``. A line
    without a break is kept as it is (the same tuple: closing lines already canonical stay the same objects)."""
    split: list[tuple[Inline, ...]] = []
    for line in lines:
        start = 0  # where the line after the last break starts
        for i, node in enumerate(line):
            if isinstance(node, LineBreak):
                split.append(line[start:i])
                start = i + 1
        split.append(line if start == 0 else line[start:])
    return split


def _part(part: Part) -> Part:
    preamble = part.preamble
    if preamble is not None:
        preamble = _changed(preamble, formula=_inlines(preamble.formula), children=_blocks(preamble.children))
        if not preamble.formula and not preamble.children:
            preamble = None
    conclusions = part.conclusions
    if conclusions is not None:
        lines = _closing_lines(conclusions.lines)
        conclusions = _changed(conclusions, lines=_same(conclusions.lines, [_inlines(x) for x in lines]))
        if not conclusions.lines:
            conclusions = None
    return _changed(
        part,
        label=part.label or None,
        label_notes=_each(part.label_notes, _footnote),
        title=_inlines(part.title),
        preamble=preamble,
        body=_blocks(part.body),
        conclusions=conclusions,
    )


def _preface(preface: Preface | None) -> Preface | None:
    if preface is None:
        return None
    found = _changed(preface, title=_inlines(preface.title))
    return found if found.number or found.title else None


def _annex(annex: Annex) -> Annex:
    return _changed(
        annex,
        label=_inlines(annex.label),
        headings=_each(annex.headings, _inlines),
        children=_blocks(annex.children),
    )


def _cover_line(line: CoverLine) -> CoverLine:
    return _changed(line, content=_inlines(line.content))


def canonical(document: Document) -> Document:
    """``document`` in its canonical form (the module's docstring says what that is)."""
    meta = document.meta
    if meta.job_number == "":
        meta = replace(meta, job_number=None)
    return _changed(
        document,
        meta=meta,
        cover=_each(document.cover, _cover_line),
        preface=_preface(document.preface),
        parts=_each(document.parts, _part),
        annexes=_each(document.annexes, _annex),
    )


__all__ = ["canonical"]
