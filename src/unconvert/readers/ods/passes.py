"""The named passes of the body reader, around the builder, in the order ``body.parse_body`` applies them.

Before the builder, over the footnote marks: ``keep_unplaced_notes`` gives every note a place (``find_marks`` found
the glued marks). After it, over the tree it built: ``drop_empty_parts`` leaves out a part that holds nothing (the
one before the first part letter, when the body opens with it), and ``lift_lettered_items`` sets the ``a)`` items of
an unnumbered paragraph beside it, as the gold has them. Each pass is a function of what it is given, and says why.
"""

from __future__ import annotations

import dataclasses
from typing import assert_never

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.footnotes import Mark, Note, detached_mark
from unconvert.tree import (
    Annex,
    Block,
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
    Section,
    Strong,
    SymbolRef,
    Table,
    Text,
    plain_text,
)
from unconvert.un.references import find


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


def lift_lettered_items(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Each part with the ``a)`` items of its unnumbered paragraphs lifted beside them (``_lift_from``)."""
    return tuple(dataclasses.replace(p, body=_lift_from(p.body)) for p in parts)


def _lift_from(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Lettered items after an unnumbered paragraph (a decision's ``At its 53rd plenary meeting, … the General
    Assembly: (a) Approved …; (b) Invited …``, a resolution's ``Urges all countries …: (a) To cooperate …``). The
    UN's files list them as siblings of that paragraph in every language; the gold nests items numbered ``(a)``
    (English, Arabic, Chinese: A/DEC/77/408, 77/539, 78/513, A/RES/80/84 A), as AKN4UN nests points, and keeps items
    numbered ``a)`` (French, Spanish, Russian) as paragraphs of their own. So do we: only ``a)`` items are lifted
    out, and a wrap-up then becomes the paragraph after them."""
    out: list[Block] = []
    for block in blocks:
        match block:
            case OperativeParagraph():
                out.extend(_lifted(block))
            case Para() | PreambularParagraph() | Point() | Section() | Table() | RawBlock():
                out.append(block)  # items to lift stand only in an operative paragraph
            case _:
                assert_never(block)
    return tuple(out)


def _lifted(block: OperativeParagraph) -> tuple[OperativeParagraph, ...]:
    """An unnumbered paragraph whose items are all numbered ``a)`` and come first, as paragraphs of their own after
    what is left of it (the text read into it), then its wrap-up; any other paragraph as it is."""
    points = [child for child in block.children if isinstance(child, Point)]
    if not (
        block.num is None
        and points
        and isinstance(block.children[0], Point)
        and not any(point.num.startswith("(") for point in points)
    ):
        return (block,)
    others = tuple(child for child in block.children if not isinstance(child, Point))  # text read into it
    out = [OperativeParagraph(num=None, content=block.content, children=others, line=block.line)]
    for point in points:
        out.append(
            OperativeParagraph(
                num=point.num, content=point.content, children=point.children, wrap_up=point.wrap_up, line=point.line
            )
        )
    if block.wrap_up:
        out.append(OperativeParagraph(num=None, content=block.wrap_up, line=block.wrap_up[0].line))
    return tuple(out)


# --- references to other documents ----------------------------------------------------------------------------


class ReferenceLinker:
    """The pass that finds references to other UN documents (``un.references``) in the text the builder placed —
    recitals, paragraphs, points, headings, tables, annexes and every footnote — and makes each a ``SymbolRef``
    (the number as printed, the symbol it means). A paragraph is read whole, its text nodes one after another, so
    that a list cut by a footnote mark (``resolutions 74/270,3 74/274``) keeps its word; a reference that would
    straddle two nodes stays text. The cover lines and the title keep their own reading (their symbols are already
    ``SymbolRef``); their footnotes are read here."""

    def __init__(self, language: Language, organ: Organ | None) -> None:
        self.language = language
        self.organ = organ

    def document(self, document: Document) -> Document:
        """``document`` with its references linked."""
        return dataclasses.replace(
            document,
            cover=tuple(dataclasses.replace(c, content=self.notes_only(c.content)) for c in document.cover),
            preface=None
            if document.preface is None
            else dataclasses.replace(document.preface, title=self.notes_only(document.preface.title)),
            parts=tuple(self.part(p) for p in document.parts),
            annexes=tuple(self.annex(a) for a in document.annexes),
        )

    def part(self, part: Part) -> Part:
        preamble = part.preamble
        if preamble is not None:
            preamble = dataclasses.replace(preamble, children=self.blocks(preamble.children))
        return dataclasses.replace(
            part,
            label_notes=tuple(self.footnote(n) for n in part.label_notes),
            title=self.inlines(part.title),
            preamble=preamble,
            body=self.blocks(part.body),
        )

    def annex(self, annex: Annex) -> Annex:
        return dataclasses.replace(
            annex, headings=tuple(self.inlines(h) for h in annex.headings), children=self.blocks(annex.children)
        )

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(self.block(b) for b in blocks)

    def block(self, block: Block) -> Block:
        match block:
            case Para() | PreambularParagraph():
                return dataclasses.replace(block, content=self.inlines(block.content))
            case OperativeParagraph() | Point():
                return dataclasses.replace(
                    block,
                    content=self.inlines(block.content),
                    children=self.blocks(block.children),
                    wrap_up=self.inlines(block.wrap_up),
                )
            case Section():
                return dataclasses.replace(
                    block, heading=self.inlines(block.heading), children=self.blocks(block.children)
                )
            case Table():
                return dataclasses.replace(
                    block,
                    rows=tuple(
                        dataclasses.replace(
                            row,
                            cells=tuple(
                                dataclasses.replace(c, paragraphs=tuple(self.inlines(p) for p in c.paragraphs))
                                for c in row.cells
                            ),
                        )
                        for row in block.rows
                    ),
                )
            case RawBlock():
                return block
            case _:
                assert_never(block)

    def footnote(self, note: Footnote) -> Footnote:
        return dataclasses.replace(note, paragraphs=tuple(self.inlines(p) for p in note.paragraphs))

    def notes_only(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """``inlines`` as they are, their footnotes read."""
        if not any(isinstance(node, Footnote | Emphasis | Strong) for node in inlines):
            return inlines
        out: list[Inline] = []
        for node in inlines:
            if isinstance(node, Footnote):
                out.append(self.footnote(node))
            elif isinstance(node, Emphasis | Strong):
                out.append(dataclasses.replace(node, children=self.notes_only(node.children)))
            else:
                out.append(node)
        return tuple(out)

    def inlines(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """``inlines`` with the references in their text as ``SymbolRef``: the text of the sequence is read whole
        (a node other than text stands for its printed text, a note for nothing), each reference found inside one
        ``Text`` node splits it."""
        pieces: list[str] = []
        starts: list[int] = []
        at = 0
        for node in inlines:
            starts.append(at)
            printed = (
                node.text
                if isinstance(node, Text)
                else ""
                if isinstance(node, Footnote | NoteRef)
                else plain_text((node,))
            )
            pieces.append(printed)
            at += len(printed)
        text = "".join(pieces)
        found = find(text, self.language, self.organ) if any(c.isdigit() for c in text) else []
        if not found and not any(isinstance(node, Footnote | Emphasis | Strong) for node in inlines):
            return inlines
        out: list[Inline] = []
        refs = iter(found)
        ref = next(refs, None)
        for node, start in zip(inlines, starts, strict=True):
            if isinstance(node, Text):
                end = start + len(node.text)
                while ref is not None and ref.end <= start:
                    ref = next(refs, None)
                local: list[tuple[int, int, str]] = []
                while ref is not None and ref.start < end:
                    if ref.start >= start and ref.end <= end:
                        local.append((ref.start - start, ref.end - start, ref.symbol))
                    if ref.end > end:
                        break
                    ref = next(refs, None)
                out.extend(_split(node, local))
            elif isinstance(node, Footnote):
                out.append(self.footnote(node))
            elif isinstance(node, Emphasis | Strong):
                out.append(dataclasses.replace(node, children=self.inlines(node.children)))
            else:
                out.append(node)
        return tuple(out)


def _split(node: Text, refs: list[tuple[int, int, str]]) -> list[Inline]:
    """``node`` cut at ``refs`` (its own offsets), each a ``SymbolRef`` of the printed text."""
    if not refs:
        return [node]
    out: list[Inline] = []
    at = 0
    for start, end, symbol in refs:
        if start > at:
            out.append(Text(text=node.text[at:start], line=node.line))
        out.append(SymbolRef(symbol=symbol, text=node.text[start:end], line=node.line))
        at = end
    if at < len(node.text):
        out.append(Text(text=node.text[at:], line=node.line))
    return out
