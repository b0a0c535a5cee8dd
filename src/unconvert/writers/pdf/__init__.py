"""PDF writer: the UN layout on Letter with reportlab, fonts embedded for all six official languages.

``write(document, context=...)`` returns the PDF's bytes: masthead, adoption and committee lines, number and title,
preamble and operative part, sections, tables, annexes after the closing lines, footnotes at the foot of the page of
their mark, running heads and ``n/N`` page numbers, metadata (title, subject = symbol, author, language) and an outline.
The same tree and ``context.now`` always give the same bytes.

The page's roles, geometry and sizes are the layout model's (``unconvert.layout``). Modules: ``fonts`` (discovery,
registration), ``shaping`` (Arabic shaping and bidi), ``lines`` (line breaking and drawing), ``footnotes`` (the
page's note area), ``grid`` (a table's cells and rules), ``flowables``, ``build`` (tree to flowables), ``page``
(masthead, running heads, footers, the document template).
"""

from __future__ import annotations

import dataclasses
import io

from reportlab import rl_config
from reportlab.platypus.doctemplate import LayoutError

from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.errors import WriteError
from unconvert.layout import furniture
from unconvert.layout.typography import typography_for
from unconvert.tree import Document
from unconvert.un.languages import profile_for
from unconvert.writers.pdf.build import build_story
from unconvert.writers.pdf.fonts import family_for, latin_for
from unconvert.writers.pdf.footnotes import PageNotes
from unconvert.writers.pdf.lines import Setting, Style, word_track
from unconvert.writers.pdf.page import Setup, UNDocTemplate, numbered_canvas

__all__ = ["write"]

# Compressed streams stay binary: ASCII85 on top of zlib costs a quarter of the writer's time and 3 % of the size.
rl_config.useA85 = 0

# The longest address the first page's QR code carries. A real undocs.org address is well under 100 characters; 250
# already takes a version-11 code, whose 61 modules in the UN's 55.7-pt square are 0.32 mm wide, about the finest a
# phone reads. A longer "symbol" (a damaged source) is left without a code; past about 2,300 characters no QR code
# can hold it at all.
QR_LONGEST = 250


def write(document: Document, *, context: Context) -> bytes:
    """The PDF of ``document``; ``WriteError`` when a font is missing or the layout cannot be made."""
    meta = document.meta
    family = family_for(meta.language)
    latin = latin_for(meta.language)
    typo = typography_for(meta.language)
    script = profile_for(meta.language)
    note_size = typo.note.size
    track = word_track(typo.scale, typo.note_spacing)
    marker = Style(family.regular, round(note_size * 0.7, 2), rise=round(note_size * 0.38, 2), track=track)
    page_notes = PageNotes(typo.note.leading, Setting(rtl=script.rtl, cjk=script.break_anywhere), marker)
    furnished = furniture(document)
    if len(furnished.qr_url) > QR_LONGEST:
        context.report(
            Diagnostic.info(
                "pdf-qr-dropped",
                f"the document's address ({len(furnished.qr_url):,} characters) is too long for the first page's QR"
                f" code (at most {QR_LONGEST}): the code is left out",
            )
        )
        furnished = dataclasses.replace(furnished, qr_url="")
    setup = Setup(furnished, family, typo, script)
    story = build_story(document, family, typo, script, page_notes, latin, context)
    buffer = io.BytesIO()
    title = meta.title or meta.symbol
    doc = UNDocTemplate(
        buffer,
        setup,
        page_notes,
        title=title,
        subject=meta.symbol,
        author=document.masthead.organ or "United Nations",
        creator="unconvert",
        keywords=", ".join(k for k in (meta.symbol, meta.number, meta.symbol2) if k),
        lang=meta.language.value,
        invariant=1,
        initialFontName=family.regular,
    )
    try:
        doc.build(story, canvasmaker=numbered_canvas(setup, context.now))
    except LayoutError as exc:
        raise WriteError(f"{meta.symbol}: PDF layout failed: {exc}") from exc
    return buffer.getvalue()
