"""The named passes of the body reader, around the builder, in the order ``body.parse_body`` applies them.

Before the builder, over the footnote marks: ``keep_unplaced_notes`` gives every note a place (``find_marks`` found
the glued marks). After it, over the tree it built: ``drop_empty_parts`` leaves out a part that holds nothing (the
one before the first part letter, when the body opens with it), and ``un.markup.lift_lettered_items`` sets the
``a)`` items of an unnumbered paragraph beside it, as the gold has them. Each pass is a function of what it is given,
and says why.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Sequence
from typing import assert_never

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.footnotes import Mark, Note, detached_mark
from unconvert.tree import (
    Annex,
    Block,
    Cell,
    CoverLine,
    Document,
    Emphasis,
    Footnote,
    Inline,
    Language,
    NoteRef,
    OperativeParagraph,
    Organ,
    Para,
    Part,
    Point,
    PreambularParagraph,
    RawBlock,
    Row,
    Section,
    Strong,
    SymbolRef,
    Table,
    Text,
    footnotes_in,
    plain_text,
    text_node,
)
from unconvert.un.references import find, may_refer


def keep_unplaced_notes(
    segments: list[str], notes: list[Note], marks: list[Mark], diagnostics: list[Diagnostic]
) -> list[Mark]:
    """Notes whose glued mark was not found: at their number printed apart from the word when exactly one stands
    between the neighbouring marks, else kept at the end of the paragraph holding the mark of the note before (a
    note before every mark opens the first paragraph); each with a warning, never lost."""
    placed = {id(m.note): m for m in marks if not m.repeat}
    searchable = [i for i, text in enumerate(segments) if text] or list(range(len(segments)))
    out: list[Mark] = []
    for i, note in enumerate(notes):
        if id(note) in placed:
            continue
        before = next((placed[id(n)] for n in reversed(notes[:i]) if id(n) in placed), None)
        following = next((placed[id(n)] for n in notes[i + 1 :] if id(n) in placed), None)
        detached = detached_mark(
            segments,
            note,
            (before.segment, before.start) if before else (-1, -1),
            (following.segment, following.start) if following else None,
        )
        if detached is not None:
            placed[id(note)] = detached
            out.append(detached)
            diagnostics.append(
                Diagnostic.warning(
                    "footnote-mark-detached",
                    f"the mark of footnote {note.marker} stands apart from its word; taken as the mark",
                    note.line,
                )
            )
            continue
        if before is not None:
            segment, at = before.segment, len(segments[before.segment])
        elif searchable:
            segment, at = searchable[0], 0  # a note before every mark (``*`` on the title) opens the body
        else:
            continue
        out.append(Mark(segment=segment, start=at, end=at, note=note))
        diagnostics.append(
            Diagnostic.warning(
                "footnote-mark-not-found",
                f"the mark of footnote {note.marker} was not found; kept at the end of a nearby paragraph",
                note.line,
            )
        )
    return out


def drop_empty_parts(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """The parts that hold something (a formula, recitals, paragraphs or closing lines): the part opened before the
    first part letter, when the body opens with it, holds nothing. An empty body gives none (the reader then
    reports that it found no document)."""
    return tuple(p for p in parts if p.preamble is not None or p.body or p.conclusions is not None)


# --- references to other documents ----------------------------------------------------------------------------


class ReferenceLinker:
    """The pass that finds references to other UN documents (``un.references``) in the text the builder placed —
    recitals, paragraphs, points, headings, tables, annexes and every footnote — and makes each a ``SymbolRef``
    (the number as printed, the symbol it means). A paragraph is read whole, its text nodes one after another, so
    that a list cut by a footnote mark (``resolutions 74/270,3 74/274``) keeps its word; a reference cut by a mark
    is linked in the node where it starts. The cover lines and the title keep their own reading (their symbols are
    already ``SymbolRef``); their footnotes are read here."""

    def __init__(self, language: Language, organ: Organ | None) -> None:
        self.language = language
        self.organ = organ

    def document(self, document: Document) -> Document:
        """``document`` with its references linked. Here and below, a node whose content is unchanged is kept, not
        copied (``dataclasses.replace`` is slow, and most cover lines, prefaces and notes cite nothing)."""
        cover = tuple(map(self.cover_line, document.cover))
        preface = document.preface
        if preface is not None:
            title = self.notes_only(preface.title)
            if title is not preface.title:
                preface = dataclasses.replace(preface, title=title)
        return dataclasses.replace(
            document,
            cover=document.cover if _unchanged(cover, document.cover) else cover,
            preface=preface,
            parts=tuple(self.part(p) for p in document.parts),
            annexes=tuple(self.annex(a) for a in document.annexes),
        )

    def cover_line(self, line: CoverLine) -> CoverLine:
        content = self.notes_only(line.content)
        return line if content is line.content else dataclasses.replace(line, content=content)

    def part(self, part: Part) -> Part:
        preamble = part.preamble
        if preamble is not None:
            children = self.blocks(preamble.children)
            if children is not preamble.children:
                preamble = dataclasses.replace(preamble, children=children)
        label_notes = tuple(self.footnote(n) for n in part.label_notes)
        if _unchanged(label_notes, part.label_notes):
            label_notes = part.label_notes
        title, body = self.inlines(part.title), self.blocks(part.body)
        if preamble is part.preamble and label_notes is part.label_notes and title is part.title and body is part.body:
            return part
        return dataclasses.replace(part, label_notes=label_notes, title=title, preamble=preamble, body=body)

    def annex(self, annex: Annex) -> Annex:
        return dataclasses.replace(
            annex, headings=tuple(self.inlines(h) for h in annex.headings), children=self.blocks(annex.children)
        )

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        out = tuple(map(self.block, blocks))
        return blocks if _unchanged(out, blocks) else out

    def block(self, block: Block) -> Block:
        """``block`` with its references linked; the block itself when it has none (most have none)."""
        match block:
            case Para() | PreambularParagraph():
                content = self.inlines(block.content)
                return block if content is block.content else dataclasses.replace(block, content=content)
            case OperativeParagraph() | Point():
                content, wrap_up = self.inlines(block.content), self.inlines(block.wrap_up)
                children = self.blocks(block.children)
                if content is block.content and wrap_up is block.wrap_up and children is block.children:
                    return block
                return dataclasses.replace(block, content=content, children=children, wrap_up=wrap_up)
            case Section():
                heading, children = self.inlines(block.heading), self.blocks(block.children)
                if heading is block.heading and children is block.children:
                    return block
                return dataclasses.replace(block, heading=heading, children=children)
            case Table():
                rows = tuple(map(self.row, block.rows))
                if _unchanged(rows, block.rows):
                    return block
                return dataclasses.replace(block, rows=rows)
            case RawBlock():
                return block
            case _:
                assert_never(block)

    def row(self, row: Row) -> Row:
        """``row`` with the references of its cells linked; the row itself when none has any (a table of
        thousands of cells rebuilt every cell and row for nothing)."""
        cells: list[Cell] = []
        for cell in row.cells:
            paragraphs = tuple(map(self.inlines, cell.paragraphs))
            if _unchanged(paragraphs, cell.paragraphs):
                cells.append(cell)
            else:
                cells.append(dataclasses.replace(cell, paragraphs=paragraphs))
        if _unchanged(cells, row.cells):
            return row
        return dataclasses.replace(row, cells=tuple(cells))

    def footnote(self, note: Footnote) -> Footnote:
        paragraphs = tuple(map(self.inlines, note.paragraphs))
        if _unchanged(paragraphs, note.paragraphs):
            return note
        return dataclasses.replace(note, paragraphs=paragraphs)

    def notes_only(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """``inlines`` as they are, their footnotes read."""
        if not any(isinstance(node, _NOTE_OR_EMPHASIS) for node in inlines):
            return inlines
        out: list[Inline] = []
        for node in inlines:
            if isinstance(node, Footnote):
                out.append(self.footnote(node))
            elif isinstance(node, _EMPHASIS):
                children = self.notes_only(node.children)
                out.append(node if children is node.children else dataclasses.replace(node, children=children))
            else:
                out.append(node)
        return inlines if _unchanged(out, inlines) else tuple(out)

    def inlines(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """``inlines`` with the references in their text as ``SymbolRef``: the text of the sequence is read whole
        (a node other than text stands for its printed text, a note for nothing), each reference found inside one
        ``Text`` node splits it. Unchanged inlines are returned as they are (the same tuple)."""
        if not inlines:
            return inlines
        if len(inlines) == 1 and type(inlines[0]) is Text and not may_refer(inlines[0].text):
            return inlines  # a text alone that cites nothing (most notes and cells): nothing to join or walk
        pieces: list[str] = []
        notes = False  # a footnote stands in the sequence (or in its emphasis): its text is read too
        for node in inlines:
            kind = type(node)
            if kind is Text:
                pieces.append(node.text)  # type: ignore[union-attr]
            elif kind is Footnote or kind is NoteRef:
                pieces.append("")
                notes = notes or kind is Footnote
            elif kind is Emphasis or kind is Strong:
                children = node.children  # type: ignore[union-attr]
                if len(children) == 1 and type(children[0]) is Text:  # ``Recalling``: the phrase of most recitals
                    pieces.append(children[0].text)
                else:
                    pieces.append(plain_text((node,)))
                    notes = notes or bool(footnotes_in((node,)))
            else:
                pieces.append(plain_text((node,)))
        text = "".join(pieces)
        found = find(text, self.language, self.organ) if may_refer(text) else []
        if not found and not notes:
            return inlines
        out: list[Inline] = []
        changed = False
        refs = iter(found)
        ref = next(refs, None)
        start = 0
        for node, printed in zip(inlines, pieces, strict=True):
            end = start + len(printed)
            if isinstance(node, Text):
                while ref is not None and ref.end <= start:
                    ref = next(refs, None)
                local: list[tuple[int, int, str]] = []
                while ref is not None and ref.start < end:
                    if ref.start >= start:  # cut by a note's mark (``1514 (XV)`` printed ``1514 (XV`` mark ``)``):
                        stop = ref.end if ref.end <= end else start + len(printed.rstrip(" \u00a0()"))
                        local.append((ref.start - start, stop - start, ref.symbol))  # its part before the mark
                    if ref.end > end:
                        break
                    ref = next(refs, None)
                if local:
                    out.extend(_split(node, local))
                    changed = True
                else:
                    out.append(node)
            elif isinstance(node, Footnote):
                note = self.footnote(node)
                changed = changed or note is not node
                out.append(note)
            elif isinstance(node, _EMPHASIS):
                children = self.inlines(node.children)
                if children is not node.children:
                    out.append(dataclasses.replace(node, children=children))
                    changed = True
                else:
                    out.append(node)
            else:
                out.append(node)
            start = end
        return tuple(out) if changed else inlines


# Class tuples for ``isinstance``, made once: ``A | B`` in a call builds the union anew each time it runs.
_EMPHASIS = (Emphasis, Strong)
_NOTE_OR_EMPHASIS = (Footnote, Emphasis, Strong)


def _unchanged(new: Sequence[object], old: Sequence[object]) -> bool:
    """Whether the linked ``new`` holds the very nodes of ``old`` (most do: the node is kept, not rebuilt)."""
    return len(new) == len(old) and all(map(operator.is_, new, old))


def _split(node: Text, refs: list[tuple[int, int, str]]) -> list[Inline]:
    """``node`` cut at ``refs`` (its own offsets), each a ``SymbolRef`` of the printed text."""
    if not refs:
        return [node]
    out: list[Inline] = []
    at = 0
    for start, end, symbol in refs:
        if start > at:
            out.append(text_node(node.text[at:start], node.line))
        out.append(SymbolRef(symbol=symbol, text=node.text[start:end], line=node.line))
        at = end
    if at < len(node.text):
        out.append(text_node(node.text[at:], node.line))
    return out
