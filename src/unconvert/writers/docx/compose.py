"""The body of a UN document in reading order: session and agenda lines, cover lines, number and title, each
part (label, formula, preamble, operative part, closing lines), annexes each on a new page, a closing rule.
"""

from __future__ import annotations

from typing import assert_never

from unconvert.tree import Annex, CoverRole, Document, Inline, LineBreak, Part, Text
from unconvert.writers.docx import styles
from unconvert.writers.docx.body import BodyWriter
from unconvert.writers.docx.runs import Format, add_inlines, text_run


def cover_style(role: CoverRole) -> str:
    """The style of a cover line: the adoption line (or a Security Council resolution's title) large and bold,
    the committee line in italics, the rest (a Security Council adoption line) plain on the text column."""
    match role:
        case CoverRole.ADOPTION | CoverRole.TITLE | CoverRole.DOC_TYPE:
            return styles.COVER_TITLE
        case CoverRole.PROPONENT:
            return styles.COVER_LINE
        case CoverRole.ADOPTED_AT | CoverRole.OTHER:
            return styles.COVER_TEXT
        case _:
            assert_never(role)


def compose(document: Document, writer: BodyWriter) -> None:
    """Write ``document``'s body through ``writer``."""
    head = document.masthead
    if head.session:
        writer.paragraph(styles.SESSION, (Text(text=head.session),))
    for item in head.agenda:
        writer.paragraph(styles.AGENDA, (Text(text=item),))
    for line in document.cover:
        if line.role is CoverRole.PROPONENT:
            _committee_line(line.content, writer)
        else:
            writer.paragraph(cover_style(line.role), line.content)
    if document.preface is not None:
        p = writer.paragraph(styles.TITLE)
        number = document.preface.number.strip()
        if number:
            # The number hangs in the first column: right-aligned on a tab as the UN sets it, or flush with the
            # start margin in a right-to-left paragraph, where a right tab does not mirror reliably.
            lead = "" if writer.story.profile.rtl else "\t"
            text_run(p, lead + number + "\t", Format(), writer.story)
        add_inlines(p, document.preface.title, writer.story)
    for part in document.parts:
        _part(part, writer)
    for annex in document.annexes:
        _annex(annex, writer)
    writer.paragraph(styles.END_RULE)


def _committee_line(content: tuple[Inline, ...], writer: BodyWriter) -> None:
    """The italic committee line, its square brackets set upright as the UN prints them."""
    items = list(content)
    lead = trail = ""
    if items and isinstance(items[0], Text) and items[0].text.startswith("["):
        lead, items[0] = "[", Text(text=items[0].text[1:])
    if items and isinstance(items[-1], Text) and items[-1].text.endswith("]"):
        trail, items[-1] = "]", Text(text=items[-1].text[:-1])
    p = writer.paragraph(styles.COVER_LINE)
    upright = Format(upright=True)
    if lead:
        text_run(p, lead, upright, writer.story)
    add_inlines(p, tuple(items), writer.story)
    if trail:
        text_run(p, trail, upright, writer.story)


def _part(part: Part, writer: BodyWriter) -> None:
    if part.label or part.label_notes:
        writer.paragraph(styles.PART_HEADING, (Text(text=part.label or ""), *part.label_notes))
    if part.title:
        writer.paragraph(styles.PART_HEADING, part.title)
    if part.preamble is not None:
        if part.preamble.formula:
            writer.paragraph(styles.SINGLE_TXT, part.preamble.formula)
        writer.blocks(part.preamble.children)
    writer.blocks(part.body)
    if part.conclusions is not None and part.conclusions.lines:
        content: list[Inline] = []
        for index, line in enumerate(part.conclusions.lines):
            if index:
                content.append(LineBreak())
            content.extend(line)
        writer.paragraph(styles.CONCLUSIONS, tuple(content))


def _annex(annex: Annex, writer: BodyWriter) -> None:
    writer.paragraph(styles.ANNEX_LABEL, annex.label)
    for heading in annex.headings:
        writer.paragraph(styles.ANNEX_HEADING, heading)
    writer.in_annex = True
    try:
        writer.blocks(annex.children)
    finally:
        writer.in_annex = False
