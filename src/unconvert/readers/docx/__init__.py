"""The Word reader: ``read(data, name=...) -> Document`` for the UN's Word files (``.docx``; ``.doc`` through
LibreOffice).

``package.py`` opens the OOXML package with zipfile and lxml (why not python-docx: its docstring, with numbers)
and checks what the bytes are; ``paragraphs.py`` turns each ``w:p`` into its printed text and pieces (runs with
their italics, footnote and NOTEREF marks, hyperlinks); ``tables.py`` reads ``w:tbl`` with its grid; ``front.py``
reads the ODS comment, the masthead (first-page header), the job number (first-page footer) and the paragraphs
before the formula; ``body.py`` the rest. What the UN and its languages print is asked of ``unconvert.un``; nothing
here imports another reader.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError
from unconvert.readers.docx.body import Item, build_body, heading_styles
from unconvert.readers.docx.front import read_front
from unconvert.readers.docx.package import OLE_SIGNATURE, Package, W, open_package
from unconvert.readers.docx.paragraphs import NoteSource, WPara, inlines, note_mark_styles, read_paragraph, trimmed
from unconvert.readers.docx.tables import read_table
from unconvert.tree import DocKind, Document, Inline

_ZIP = b"PK\x03\x04"


def looks_like_word(data: bytes) -> bool:
    """Whether ``data`` starts like a Word file: a zip (a ``.docx`` when it holds ``word/document.xml``) or the OLE
    compound file of a ``.doc``. The registry's detection asks this; ``read`` checks the rest."""
    return data.startswith(OLE_SIGNATURE) or (data.startswith(_ZIP) and b"word/" in data[:65536])


def _note_source(package: Package) -> tuple[NoteSource, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    notes = package.footnotes
    by_id: dict[str, Any] = {}
    if notes is not None:
        for note in notes.root.iterfind(W + "footnote"):
            if note.get(W + "type") in (None, "normal"):
                by_id[note.get(W + "id", "")] = note
    links = notes.links if notes is not None else {}
    mark_styles = note_mark_styles(package.styles)

    def paragraphs(note_id: str) -> tuple[tuple[Inline, ...], ...]:
        element = by_id.get(note_id)
        if element is None:
            diags.append(Diagnostic.warning("footnote-missing", f"footnote {note_id} is not in word/footnotes.xml"))
            return ()
        out = []
        for p in element.iter(W + "p"):
            para = read_paragraph(p, 0, package.styles, links, None, mark_styles=mark_styles)
            a, b = trimmed(para)
            content = inlines(para, a, b)
            if content:
                out.append(content)
        return tuple(out)

    return NoteSource(paragraphs, start=package.note_start, format=package.note_format), diags


def _items(package: Package, notes: NoteSource) -> list[Item]:
    """The body's paragraphs and tables in order, each paragraph numbered (its ``line``)."""
    items: list[Item] = []
    counter = [0]
    styles = package.styles
    links = package.body.links

    def paragraph(p: Any) -> WPara:
        counter[0] += 1
        return read_paragraph(p, counter[0], styles, links, notes)

    def content(para: WPara) -> tuple[Inline, ...]:
        a, b = trimmed(para)
        return inlines(para, a, b)

    def visit(parent: Any) -> None:
        for child in parent:
            if child.tag == W + "p":
                items.append(paragraph(child))
            elif child.tag == W + "tbl":
                items.append(read_table(child, counter[0] + 1, paragraph, content))
            elif child.tag == W + "sdt":
                sdt_content = child.find(W + "sdtContent")
                if sdt_content is not None:
                    visit(sdt_content)
            elif child.tag in (W + "customXml", W + "ins"):
                visit(child)

    visit(package.body.root)
    return items


def read(data: bytes, *, name: str = "<input>") -> Document:
    """Read one Word file (``.docx``, or ``.doc`` through LibreOffice). ``ReadError`` names the part that is
    damaged, or says what the file is instead."""
    package = open_package(data, name=name)
    notes, note_diags = _note_source(package)
    items = _items(package, notes)
    paragraphs = [i for i in items if isinstance(i, WPara)]
    if not any(p.stripped for p in paragraphs):
        raise ReadError("word/document.xml: the document has no text", name=name)
    front = read_front(package, paragraphs, name=name)
    if front is None:
        raise ReadError("word/document.xml: no text in a known language", name=name)
    start_para = paragraphs[front.body_start] if front.body_start < len(paragraphs) else None
    start = items.index(start_para) if start_para is not None else len(items)
    decision = front.meta.kind is DocKind.DECISION
    headings = heading_styles(package.styles, package.outlined)
    body = build_body(items[start:], front.table, headings, front.carried_notes, decision=decision)
    if not any(p.preamble or p.body for p in body.parts):
        where = start_para.number if start_para is not None else None
        raise ReadError(
            "no document body found (no formula, paragraphs or decision text)",
            name=f"{name}: word/document.xml",
            line=where,
        )
    meta = front.meta
    if body.meeting and not meta.meeting:
        meta = dataclasses.replace(meta, meeting=body.meeting)
    diags = list(front.diagnostics)
    if meta.adoption_date is None and body.closing_date is not None:
        meta = dataclasses.replace(meta, adoption_date=body.closing_date)
        diags = [d for d in diags if d.code != "adoption-date-missing"]
        diags.append(Diagnostic.info("adoption-date-from-closing", "adoption date taken from the closing lines"))
    for printed in notes.broken:
        message = f"a NOTEREF field prints {printed!r}, no note's mark: kept as text"
        diags.append(Diagnostic.warning("noteref-broken", message))
    if notes.typed:
        message = f"{notes.typed} raised figure(s) typed by hand read as second references to notes already given"
        diags.append(Diagnostic.info("note-reference-typed", message))
    parts = body.parts
    if front.part_label and parts[0].label is None and (len(parts) == 1 or parts[1].label is not None):
        # the letter the front read (``B`` over the formula, or the symbol's ``A/RES/72/260 B``) is the first part's
        first = dataclasses.replace(parts[0], label=front.part_label, label_notes=front.part_notes)
        parts = (first, *parts[1:])
    return Document(
        meta=meta,
        masthead=front.masthead,
        cover=front.cover,
        preface=front.preface,
        parts=parts,
        annexes=body.annexes,
        diagnostics=tuple(diags) + tuple(note_diags) + tuple(body.diagnostics),
    )


__all__ = ["ReadError", "looks_like_word", "read"]
