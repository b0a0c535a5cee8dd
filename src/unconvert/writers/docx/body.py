"""The roles of the page (``unconvert.layout``) as Word paragraphs and tables, in the UN's geometry.

Each role has its paragraph style (``styles``); numbered provisions are set as the UN sets them: the number after
a first-line indent of one tab step and a tab to the text (``1.`` at 1742 twips, text at 2218); points of the first
level alike; deeper points wrap one step further in per level. Annex paragraphs put their number flush on the text
column. A section heading is one centred bold paragraph, its number and title separated by a line break; the
committee line is italic with its brackets upright; an annex follows the closing lines on the same page, as the
UN places it; a short rule ends the document.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from copy import copy
from functools import partial
from typing import assert_never

from lxml import etree

from unconvert.diagnostics import Diagnostic
from unconvert.layout import CoverKind, Role, roles
from unconvert.tree import Cell, Inline, LineBreak, ParaRole, Row, Table, Text, footnotes_in, plain_text
from unconvert.writers.docx import styles
from unconvert.writers.docx.footnotes import paragraph
from unconvert.writers.docx.language import Profile
from unconvert.writers.docx.ooxml import flag, root, sub, w
from unconvert.writers.docx.runs import PLAIN, Format, Story, add_inlines, bare_run, text_run

_ROLE_STYLE = {
    ParaRole.TEXT: styles.SINGLE_TXT,
    ParaRole.HEADING: styles.HEADING,
    ParaRole.CENTERED: styles.CENTERED,
    ParaRole.QUOTE: styles.QUOTE,
}
_COVER_STYLE = {
    CoverKind.HEADLINE: styles.COVER_TITLE,
    CoverKind.COMMITTEE: styles.COVER_LINE,
    CoverKind.PLAIN: styles.COVER_TEXT,
}


class BodyWriter:
    """Appends the paragraphs and tables of the roles to ``parent`` (the ``w:body``)."""

    def __init__(self, parent: etree._Element, story: Story) -> None:
        self.parent = parent
        self.story = story
        # a table's start (properties, grid), its rows and cells open with the same few elements: each kind is
        # built once per document and copied (lxml copies a subtree in one call; building it took a Python call per
        # element, for every table and cell)
        self._tables = _Templates(partial(_table_start, rtl=story.profile.rtl))
        self._rows = _Templates(_row_start)
        self._cells = _Templates(partial(_cell_start, profile=story.profile))

    def paragraph(self, style: str, content: tuple[Inline, ...] = ()) -> etree._Element:
        """Append a paragraph of ``style`` holding ``content``."""
        p, _ = paragraph(self.parent, style, self.story.profile)
        add_inlines(p, content, self.story)
        return p

    def role(self, role: Role) -> None:
        """Append what ``role`` prints."""
        # the text's blocks first: they are most of a document
        match role:
            case roles.Recital(content=content):
                self.paragraph(styles.SINGLE_TXT, content)
            case roles.Paragraph(content=content, kind=kind, level=level):
                if level > 1 and kind is ParaRole.TEXT:
                    self._indented(None, content, level)
                else:
                    self.paragraph(_ROLE_STYLE[kind], content)
            case roles.Provision(num=num, content=content, level=level, in_annex=in_annex):
                self._indented(num, content, level, in_annex=in_annex)
            case roles.WrapUp(content=content, level=level):
                self._indented(None, content, level)
            case roles.Session(text=text):
                self.paragraph(styles.SESSION, (Text(text=text),))
            case roles.Agenda(text=text):
                self.paragraph(styles.AGENDA, (Text(text=text),))
            case roles.CoverLine(kind=CoverKind.COMMITTEE):
                self._committee_line(role)
            case roles.CoverLine(kind=kind, content=content):
                self.paragraph(_COVER_STYLE[kind], content)
            case roles.Title(number=number, content=content):
                p = self.paragraph(styles.TITLE)
                if number.strip():
                    # The number hangs in the first column: right-aligned on a tab as the UN sets it, or flush with
                    # the start margin in a right-to-left paragraph, where a right tab does not mirror reliably.
                    lead = "" if self.story.profile.rtl else "\t"
                    text_run(p, lead + number.strip() + "\t", Format(), self.story)
                add_inlines(p, content, self.story)
            case roles.PartLabel(content=content) | roles.PartTitle(content=content):
                self.paragraph(styles.PART_HEADING, content)
            case roles.Formula(content=content):
                if content:
                    self.paragraph(styles.SINGLE_TXT, content)
            case roles.Heading(num=num, content=content):
                self.section_heading(num, content)
            case roles.TableBlock(table=table):
                self.table(table)
            case roles.RawText(text=text):
                self.paragraph(styles.SINGLE_TXT, (Text(text=text),))
            case roles.Closing(lines=lines):
                if lines:
                    self.paragraph(styles.CONCLUSIONS, _joined(lines))
            case roles.AnnexTitle(label=label, headings=headings):
                self.paragraph(styles.ANNEX_LABEL, label)
                for heading in headings:
                    self.paragraph(styles.ANNEX_HEADING, heading)
            case roles.End():
                self.paragraph(styles.END_RULE)
            case _:
                assert_never(role)

    def _committee_line(self, line: roles.CoverLine) -> None:
        """The italic committee line, its square brackets set upright as the UN prints them."""
        p = self.paragraph(styles.COVER_LINE)
        upright = Format(upright=True)
        if line.lead:
            text_run(p, line.lead, upright, self.story)
        add_inlines(p, line.inner, self.story)
        if line.trail:
            text_run(p, line.trail, upright, self.story)

    def _indented(self, num: str | None, content: tuple[Inline, ...], level: int, *, in_annex: bool = False) -> None:
        """A provision: ``num``, a tab, its text, indented for ``level``."""
        p, ppr = paragraph(self.parent, styles.SINGLE_TXT, self.story.profile)
        indent = styles.BODY_INDENT
        if level >= 2:
            indent += styles.STEP * (level - 1)
            sub(ppr, "ind", left=str(indent), right=str(styles.BODY_INDENT), firstLine="0")
        elif level == 0 and in_annex and num:
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
        columns = max((sum(max(c.colspan, 1) for c in row.cells) for row in table.rows), default=0)
        if columns == 0:
            self.story.report(Diagnostic.info("docx-table-empty", "a table without cells is left out", line=table.line))
            return
        column = _column_width(columns)
        tbl = self._tables.copy_into(self.parent, columns)
        for row in table.rows:
            short = _short(row, column)  # a short row moves whole; a tall one must be free to break
            heading_row = bool(row.cells) and all(c.header for c in row.cells)
            tr = self._rows.copy_into(tbl, (short, heading_row))
            used = 0
            for cell in row.cells:
                span = max(cell.colspan, 1)
                self._cell(tr, column, cell, span)
                used += span
            if used < columns:
                self.story.report(
                    Diagnostic.info(
                        "docx-row-filled",
                        f"a row of {used} of the table's {columns} columns is filled with empty cells",
                        line=row.line,
                    )
                )
            for _ in range(columns - used):
                self._cell(tr, column, Cell(paragraphs=()), 1)

    def _cell(self, tr: etree._Element, column: int, cell: Cell, span: int) -> None:
        """A cell spanning ``span`` columns of a table whose columns are ``column`` twips wide."""
        fmt = _HEADER if cell.header else PLAIN
        first, *more = cell.paragraphs or ((),)
        if not more and len(first) == 1 and type(first[0]) is Text and bare_run(first[0].text, fmt, self.story):
            # most cells: the template holds the run too, its text is all there is to set
            tc = self._cells.copy_into(tr, (column, span, cell.header, True))
            tc[1][1][0].text = first[0].text
            return
        tc = self._cells.copy_into(tr, (column, span, cell.header, False))
        add_inlines(tc[1], first, self.story, fmt)  # the paragraph the cell's template holds
        for content in more:
            p, _ = paragraph(tc, styles.TABLE_TEXT, self.story.profile)
            add_inlines(p, content, self.story, fmt)


_HEADER = Format(italic=True)


_Key = typing.TypeVar("_Key")


class _Templates(typing.Generic[_Key]):
    """Elements built once per key (by ``build``, under a root that declares ``w:``) and copied where they go."""

    def __init__(self, build: Callable[[_Key], etree._Element]) -> None:
        self.build = build
        self.made: dict[_Key, etree._Element] = {}

    def copy_into(self, parent: etree._Element, key: _Key) -> etree._Element:
        """Append to ``parent`` a copy of the element of ``key`` (lxml's copy of an element is a deep one). Return
        the copy."""
        template = self.made.get(key)
        if template is None:
            template = self.made[key] = self.build(key)
        element = copy(template)
        parent.append(element)
        return element


def _column_width(columns: int) -> int:
    """The width of each of a table's ``columns`` (twips): the text column, less the indent, shared evenly."""
    return (styles.TEXT_WIDTH - styles.BODY_INDENT) // columns


def _table_start(columns: int, *, rtl: bool) -> etree._Element:
    """A ``w:tbl`` of ``columns`` even columns with its properties (fixed layout over the text column, a rule above
    and below) and its grid, no rows yet."""
    column = _column_width(columns)
    tbl = etree.SubElement(root("document"), w("tbl"))  # under a root that declares w:, as the copy will be
    tblpr = sub(tbl, "tblPr")
    if rtl:
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
    return tbl


def _row_start(key: tuple[bool, bool]) -> etree._Element:
    """A ``w:tr`` with its properties: ``cantSplit`` for a short row, ``tblHeader`` for the heading row."""
    short, heading_row = key
    tr = etree.SubElement(root("document"), w("tr"))  # under a root that declares w:, as the copy will be
    trpr = sub(tr, "trPr")
    if short:
        flag(trpr, "cantSplit")
    if heading_row:
        flag(trpr, "tblHeader")
    return tr


def _cell_start(key: tuple[int, int, bool, bool], *, profile: Profile) -> etree._Element:
    """A ``w:tc`` with its properties (its width over ``span`` columns of ``column`` twips, a rule under a heading
    cell) and its first paragraph, empty (every cell has one) or holding a bare run (``runs.bare_run``) with no text
    yet."""
    column, span, header, run = key
    tc = etree.SubElement(root("document"), w("tc"))
    tcpr = sub(tc, "tcPr")
    sub(tcpr, "tcW", w=str(column * span), type="dxa")
    if span > 1:
        sub(tcpr, "gridSpan", val=str(span))
    if header:
        sub(sub(tcpr, "tcBorders"), "bottom", val="single", sz="4", space="0", color="auto")
    p, _ = paragraph(tc, styles.TABLE_TEXT, profile)
    if run:
        etree.SubElement(etree.SubElement(p, w("r")), w("t"))
    return tc


# A row is kept on one page (``cantSplit``) only when its longest cell surely sets in fewer lines than a third of
# a page: Word cannot place a row taller than the page that may not break, and cuts it off.
_SHORT_ROW_LINES = 15
_CHARACTER_WIDTH = 100  # twips: a generous average advance of the table's 9-10 pt letters


def _short(row: Row, column: int) -> bool:
    for cell in row.cells:
        width = max(column * max(cell.colspan, 1) - 216, 1)  # less the cell's side margins
        per_line = max(width // _CHARACTER_WIDTH, 1)
        lines = 0
        for content in cell.paragraphs:
            lines += _printed_length(content) // per_line + 1
        if lines > _SHORT_ROW_LINES:
            return False
    return True


def _printed_length(content: tuple[Inline, ...]) -> int:
    """The length of ``plain_text(content)``, without joining anything for a paragraph of one text (most cells)."""
    if len(content) == 1 and type(content[0]) is Text:
        return len(content[0].text)
    return len(plain_text(content))


def _joined(lines: tuple[tuple[Inline, ...], ...]) -> tuple[Inline, ...]:
    """Closing lines as one paragraph's content, a line break between two lines."""
    content: list[Inline] = []
    for index, line in enumerate(lines):
        if index:
            content.append(LineBreak())
        content.extend(line)
    return tuple(content)
