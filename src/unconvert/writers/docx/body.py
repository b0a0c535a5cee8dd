"""Block nodes to paragraphs and tables, in the UN's geometry.

Numbered provisions are set as the UN sets them: the number after a first-line indent of one tab step and a
tab to the text (``1.`` at 1742 twips, text at 2218); points of the first level alike; deeper points wrap one
step further in per level. Annex paragraphs put their number flush on the text column. A section heading is
one centred bold paragraph, its number and title separated by a line break.
"""

from __future__ import annotations

from typing import assert_never

from lxml import etree

from unconvert.tree import (
    Block,
    Cell,
    Inline,
    LineBreak,
    OperativeParagraph,
    Para,
    ParaRole,
    Point,
    PreambularParagraph,
    RawBlock,
    Section,
    Table,
    Text,
    footnotes_in,
    plain_text,
)
from unconvert.writers.docx import styles
from unconvert.writers.docx.footnotes import paragraph
from unconvert.writers.docx.ooxml import flag, sub, w
from unconvert.writers.docx.runs import Format, Story, add_inlines, text_run

_ROLE_STYLE = {
    ParaRole.TEXT: styles.SINGLE_TXT,
    ParaRole.HEADING: styles.HEADING,
    ParaRole.CENTERED: styles.CENTERED,
    ParaRole.QUOTE: styles.QUOTE,
}


class BodyWriter:
    """Appends paragraphs and tables to ``parent`` (the ``w:body``)."""

    def __init__(self, parent: etree._Element, story: Story) -> None:
        self.parent = parent
        self.story = story
        self.in_annex = False

    def paragraph(self, style: str, content: tuple[Inline, ...] = ()) -> etree._Element:
        """Append a paragraph of ``style`` holding ``content``."""
        p, _ = paragraph(self.parent, style, self.story.profile)
        add_inlines(p, content, self.story)
        return p

    def blocks(self, blocks: tuple[Block, ...], level: int = 0) -> None:
        """Append ``blocks``; ``level`` is how deep in points they stand (0: a paragraph of the body)."""
        for block in blocks:
            match block:
                case Para(content=content, role=role):
                    if level > 1 and role is ParaRole.TEXT:
                        self._indented(None, content, level)
                    else:
                        self.paragraph(_ROLE_STYLE[role], content)
                case PreambularParagraph(content=content):
                    self.paragraph(styles.SINGLE_TXT, content)
                case OperativeParagraph(num=num, content=content, children=children, wrap_up=wrap_up):
                    self._indented(num, content, level)
                    self.blocks(children, level + 1)
                    if wrap_up:
                        self._indented(None, wrap_up, level)
                case Point(num=num, content=content, children=children, wrap_up=wrap_up):
                    point_level = max(level, 1)
                    self._indented(num, content, point_level)
                    self.blocks(children, point_level + 1)
                    if wrap_up:
                        self._indented(None, wrap_up, point_level)
                case Section(num=num, heading=heading, children=children):
                    self.section_heading(num, heading)
                    self.blocks(children, level)
                case Table():
                    self.table(block)
                case RawBlock(text=text):
                    self.paragraph(styles.SINGLE_TXT, (Text(text=text),))
                case _:
                    assert_never(block)

    def _indented(self, num: str | None, content: tuple[Inline, ...], level: int) -> None:
        """A provision: ``num``, a tab, its text, indented for ``level``."""
        p, ppr = paragraph(self.parent, styles.SINGLE_TXT, self.story.profile)
        indent = styles.BODY_INDENT
        if level >= 2:
            indent += styles.STEP * (level - 1)
            sub(ppr, "ind", left=str(indent), right=str(styles.BODY_INDENT), firstLine="0")
        elif level == 0 and self.in_annex and num:
            sub(ppr, "ind", left=str(indent), right=str(styles.BODY_INDENT), firstLine="0")
        if num:
            text_run(p, num.strip() + "\t", Format(), self.story)
        add_inlines(p, content, self.story)

    def section_heading(self, num: str, heading: tuple[Inline, ...]) -> None:
        """A section's number and title, centred and bold, in one paragraph."""
        content: tuple[Inline, ...] = heading
        if num.strip():
            titled = bool(plain_text(heading) or footnotes_in(heading))
            content = (Text(text=num.strip()), LineBreak(), *heading) if titled else (Text(text=num.strip()),)
        self.paragraph(styles.SECTION_HEADING, content)

    def table(self, table: Table) -> None:
        """A real Word table: fixed layout over the text column, rules above, under the heading row, below."""
        prof = self.story.profile
        columns = max((sum(max(c.colspan, 1) for c in row.cells) for row in table.rows), default=0)
        if columns == 0:
            return
        width = styles.TEXT_WIDTH - styles.BODY_INDENT
        column = width // columns
        tbl = etree.SubElement(self.parent, w("tbl"))
        tblpr = sub(tbl, "tblPr")
        if prof.rtl:
            flag(tblpr, "bidiVisual")
        sub(tblpr, "tblW", w=str(column * columns), type="dxa")
        sub(tblpr, "tblInd", w=str(styles.BODY_INDENT), type="dxa")
        borders = sub(tblpr, "tblBorders")
        sub(borders, "top", val="single", sz="4", space="0", color="auto")
        sub(borders, "bottom", val="single", sz="12", space="0", color="auto")
        sub(tblpr, "tblLayout", type="fixed")
        sub(tblpr, "tblLook", val="0000")
        grid = sub(tbl, "tblGrid")
        for _ in range(columns):
            sub(grid, "gridCol", w=str(column))
        for row in table.rows:
            tr = sub(tbl, "tr")
            trpr = sub(tr, "trPr")
            flag(trpr, "cantSplit")
            heading_row = bool(row.cells) and all(c.header for c in row.cells)
            if heading_row:
                flag(trpr, "tblHeader")
            used = 0
            for cell in row.cells:
                span = max(cell.colspan, 1)
                self._cell(tr, cell, span, column)
                used += span
            for _ in range(columns - used):
                self._cell(tr, Cell(paragraphs=()), 1, column)

    def _cell(self, tr: etree._Element, cell: Cell, span: int, column: int) -> None:
        tc = sub(tr, "tc")
        tcpr = sub(tc, "tcPr")
        sub(tcpr, "tcW", w=str(column * span), type="dxa")
        if span > 1:
            sub(tcpr, "gridSpan", val=str(span))
        if cell.header:
            sub(sub(tcpr, "tcBorders"), "bottom", val="single", sz="4", space="0", color="auto")
        for content in cell.paragraphs or ((),):
            p, _ = paragraph(tc, styles.TABLE_TEXT, self.story.profile)
            add_inlines(p, content, self.story, Format(italic=cell.header))
