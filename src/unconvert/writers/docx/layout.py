"""Page layout: the section (Letter paper, the UN's margins), the first-page masthead, running heads, footers.

As in the UN's Word files, the masthead is the first-page header: a borderless table with the authority
(``United Nations``) and the symbol (its first letter large) over a thin rule, the organ in large bold and the
distribution and date over a thick rule; the emblem's cell is left empty (its use is restricted). Pages 2+
carry the symbol and the title as running heads, even pages mirrored, and ``page/pages`` in the footer; the
first page's footer carries the job number with its language letter (``09-47281 (E)``).
"""

from __future__ import annotations

from lxml import etree

from unconvert.layout import Furniture
from unconvert.layout import geometry as G
from unconvert.layout.typography import SYMBOL, SYMBOL_INITIAL
from unconvert.writers.docx import barcode, styles
from unconvert.writers.docx.footnotes import paragraph
from unconvert.writers.docx.language import Profile
from unconvert.writers.docx.ooxml import Relationships, append_copy, clean, flag, r, root, serialize, sub, w
from unconvert.writers.docx.runs import Format, Story, right_to_left, text_run

PAGE_WIDTH = G.twips(G.LETTER.width)
PAGE_HEIGHT = G.twips(G.LETTER.height)
_SIDE = str(G.twips(G.LETTER.margin()))
MARGINS = {
    "top": str(G.twips(G.WORD_MARGIN_TOP)),
    "right": _SIDE,
    "bottom": str(G.twips(G.WORD_MARGIN_BOTTOM)),
    "left": _SIDE,
    "header": str(G.twips(G.WORD_HEADER)),
    "footer": str(G.twips(G.WORD_FOOTER)),
}

BODY_MARGINS = {**MARGINS, "bottom": str(G.twips(G.WORD_BODY_MARGIN_BOTTOM))}

# (part name, kind, w:type) of the six header/footer parts, in the order they are related to the document.
HEADER_FOOTER_PARTS = (
    ("header1.xml", "header", "first"),
    ("header2.xml", "header", "even"),
    ("header3.xml", "header", "default"),
    ("footer1.xml", "footer", "first"),
    ("footer2.xml", "footer", "even"),
    ("footer3.xml", "footer", "default"),
)

_MASTHEAD_COLUMNS = tuple(G.twips(width) for width in G.WORD_MASTHEAD_COLUMNS)
_MASTHEAD_ROWS = tuple(G.twips(height) for height in G.WORD_MASTHEAD_ROWS)


def section_properties(
    body: etree._Element, rel_ids: dict[str, str], profile: Profile, *, footnote_start: int = 1
) -> None:
    """The body's sections, as the UN's Word template has them: the first (the masthead's: headers and footers,
    distinct first page, the first page's larger bottom margin, room for the barcode) ends with the session and
    agenda lines; the second, continuous, holds the text with the smaller bottom margin of pages 2 onward and takes
    its headers and footers from the first. Without session or agenda lines, one section of the first kind."""
    opening = _opening_paragraphs(body)
    if opening is None:
        _section(sub(body, "sectPr"), rel_ids, profile, footnote_start, first=True)
        return
    ppr = opening.find(w("pPr"))
    assert ppr is not None  # every paragraph is written with its style
    _section(etree.SubElement(ppr, w("sectPr")), rel_ids, profile, footnote_start, first=True)
    _section(sub(body, "sectPr"), rel_ids, profile, footnote_start, first=False)


def _opening_paragraphs(body: etree._Element) -> etree._Element | None:
    """The last of the session and agenda paragraphs the body opens with, if any."""
    last = None
    for p in body:
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        if p.tag != w("p") or style is None or style.get(w("val")) not in (styles.SESSION, styles.AGENDA):
            break
        last = p
    return last


def _section(
    sect: etree._Element, rel_ids: dict[str, str], profile: Profile, footnote_start: int, *, first: bool
) -> None:
    if first:
        for part, kind, hf_type in HEADER_FOOTER_PARTS:
            ref = sub(sect, f"{kind}Reference", type=hf_type)
            ref.set(r("id"), rel_ids[part])
    if footnote_start != 1:
        sub(sub(sect, "footnotePr"), "numStart", val=str(footnote_start))
    if not first:
        sub(sect, "type", val="continuous")
    sub(sect, "pgSz", w=str(PAGE_WIDTH), h=str(PAGE_HEIGHT))
    sub(sect, "pgMar", gutter="0", **(MARGINS if first else BODY_MARGINS))
    sub(sect, "cols", space="720")
    if first:
        flag(sect, "titlePg")
    if profile.rtl:
        flag(sect, "bidi")
    sub(sect, "docGrid", linePitch=str(G.twips(G.WORD_LINE_PITCH)))


def _table(
    parent: etree._Element, widths: tuple[int, ...], profile: Profile, *, rule_below: bool = False
) -> etree._Element:
    """A borderless layout table (mirrored in a right-to-left language), optionally ruled below."""
    rtl = profile.rtl
    return append_copy(parent, ("table", widths, rtl, rule_below), lambda p: _build_table(p, widths, rtl, rule_below))


def _build_table(parent: etree._Element, widths: tuple[int, ...], rtl: bool, rule_below: bool) -> etree._Element:
    tbl = sub(parent, "tbl")
    tblpr = sub(tbl, "tblPr")
    if rtl:
        flag(tblpr, "bidiVisual")
    sub(tblpr, "tblW", w=str(sum(widths)), type="dxa")
    if rule_below:
        sub(sub(tblpr, "tblBorders"), "bottom", val="single", sz="2", space="0", color="auto")
    sub(tblpr, "tblLayout", type="fixed")
    margins = sub(tblpr, "tblCellMar")
    sub(margins, "left", w="0", type="dxa")
    sub(margins, "right", w="0", type="dxa")
    sub(tblpr, "tblLook", val="0000")
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    return tbl


def _row(tbl: etree._Element, height: int, rule: str) -> etree._Element:
    return append_copy(tbl, ("row", height, rule), lambda parent: _build_row(parent, height, rule))


def _build_row(parent: etree._Element, height: int, rule: str) -> etree._Element:
    tr = sub(parent, "tr")
    sub(sub(tr, "trPr"), "trHeight", val=str(height), hRule=rule)
    return tr


def _cell(
    tr: etree._Element, width: int, *, span: int = 1, rules: tuple[tuple[str, str], ...] = (), align: str = "top"
) -> etree._Element:
    return append_copy(
        tr, ("cell", width, span, rules, align), lambda parent: _build_cell(parent, width, span, rules, align)
    )


def _build_cell(
    parent: etree._Element, width: int, span: int, rules: tuple[tuple[str, str], ...], align: str
) -> etree._Element:
    tc = sub(parent, "tc")
    tcpr = sub(tc, "tcPr")
    sub(tcpr, "tcW", w=str(width), type="dxa")
    if span > 1:
        sub(tcpr, "gridSpan", val=str(span))
    if rules:
        borders = sub(tcpr, "tcBorders")
        for side, size in rules:
            sub(borders, side, val="single", sz=size, space="0", color="auto")
    sub(tcpr, "vAlign", val=align)
    return tc


def _text_paragraph(
    parent: etree._Element,
    style: str,
    text: str,
    story: Story,
    *,
    align: str | None = None,
    spacing: dict[str, str] | None = None,
) -> etree._Element:
    p, ppr = paragraph(parent, style, story.profile, ltr=not right_to_left(text))
    if spacing:
        sub(ppr, "spacing", **spacing)
    if align:
        sub(ppr, "jc", val=align)
    for i, line in enumerate(text.split("\n") if text else ()):
        if i:
            sub(etree.SubElement(p, w("r")), "br")  # the source's own break (a running head's title)
        if line:
            text_run(p, line, Format(), story)
    return p


def _symbol(parent: etree._Element, symbol: str, story: Story) -> None:
    """The masthead symbol, its first letter large as the UN prints it (``A/RES/64/183``)."""
    p, ppr = paragraph(parent, styles.HEADER, story.profile, ltr=True)
    sub(ppr, "jc", val="left" if story.profile.rtl else "right")
    if not symbol:
        return
    for text, points in ((symbol[0], SYMBOL_INITIAL), (symbol[1:], SYMBOL)):
        size = str(G.half_points(points))
        if not text:
            continue
        run = etree.SubElement(p, w("r"))
        rpr = sub(run, "rPr")
        sub(rpr, "b", val="0")
        sub(rpr, "bCs", val="0")
        sub(rpr, "sz", val=size)
        sub(rpr, "szCs", val=size)
        sub(run, "t").text = clean(text)


def masthead_header(furniture: Furniture, story: Story) -> bytes:
    """The first-page header: the masthead table."""
    f = furniture
    hdr = root("hdr")
    cols = _MASTHEAD_COLUMNS
    tbl = _table(hdr, cols, story.profile)
    thin = (("bottom", "4"),)
    top = _row(tbl, _MASTHEAD_ROWS[0], "exact")
    _text_paragraph(_cell(top, cols[0], rules=thin, align="bottom"), styles.HEADER, "", story)
    # The authority spans the organ's width so that a long one (Russian) stays on one line.
    authority = _cell(top, sum(cols[1:4]), span=3, rules=thin, align="bottom")
    _text_paragraph(authority, styles.MASTHEAD_AUTHORITY, f.authority, story)
    _symbol(_cell(top, sum(cols[4:]), span=2, rules=thin, align="bottom"), f.symbol, story)

    rules = (("top", "4"), ("bottom", "12"))
    second = _row(tbl, _MASTHEAD_ROWS[1], "exact")
    _text_paragraph(_cell(second, cols[0], rules=rules), styles.HEADER, "", story)
    organ = _cell(second, sum(cols[1:4]), span=3, rules=rules)
    _text_paragraph(organ, styles.MASTHEAD_ORGAN, f.organ, story)
    _text_paragraph(_cell(second, cols[4], rules=rules), styles.HEADER, "", story)
    issued = _cell(second, cols[5], rules=rules)
    _text_paragraph(issued, styles.NORMAL, f.distribution, story, spacing={"before": "240", "after": "0"})
    _text_paragraph(issued, styles.NORMAL, f.date, story)
    if f.symbol2:
        _text_paragraph(issued, styles.NORMAL, f.symbol2, story)
    _text_paragraph(hdr, styles.HEADER, "", story)
    return serialize(hdr)


def running_header(furniture: Furniture, story: Story, *, even: bool) -> bytes:
    """The header of pages 2+: symbol and title, the symbol outside (left on even pages, right on odd)."""
    # whole, however long (the cell grows to take it, as the UN's), broken where the source's running head breaks it
    title = "\n".join(furniture.title_lines)
    hdr = root("hdr")
    symbol_width = G.twips(G.WORD_RUNNING_SYMBOL)
    cells = [(symbol_width, furniture.symbol), (styles.TEXT_WIDTH - symbol_width, title)]
    if not even:
        cells.reverse()
    tbl = _table(hdr, tuple(width for width, _ in cells), story.profile, rule_below=True)
    tr = _row(tbl, _MASTHEAD_ROWS[0], "atLeast")
    for index, (width, text) in enumerate(cells):
        cell = _cell(tr, width, align="bottom")
        on_left = (index == 0) != story.profile.rtl  # a right-to-left table runs its cells from the right
        align = _visual_jc("left" if on_left else "right", rtl_paragraph=story.profile.rtl and right_to_left(text))
        _text_paragraph(cell, styles.HEADER, text, story, align=align, spacing={"after": "80"})
    _text_paragraph(hdr, styles.HEADER, "", story)
    return serialize(hdr)


def _visual_jc(side: str, *, rtl_paragraph: bool) -> str:
    """The ``w:jc`` that puts a paragraph on the visual ``side``: in a right-to-left paragraph Word reads
    ``left``/``right`` as start/end, so the values swap."""
    if not rtl_paragraph:
        return side
    return "right" if side == "left" else "left"


def _field(parent: etree._Element, instruction: str, placeholder: str, story: Story, fmt: Format) -> None:
    field = sub(parent, "fldSimple", instr=f" {instruction} ")
    text_run(field, placeholder, fmt, story)


def first_footer(furniture: Furniture, story: Story) -> bytes:
    """The first page's footer: the job number with its language letter and the print date of the source's
    footer (none where it gives none), over the job number's barcode (an image, relationship ``rId1`` of the
    footer's part: ``first_footer_media``)."""
    ftr = root("ftr")
    line = f"{furniture.job_line}    {furniture.stamp}" if furniture.stamp else furniture.job_line
    # regular 10 pt, as the UN's (the footer style is bold); on the start side: the right in a right-to-left document
    side = "right" if story.profile.rtl else None
    _text_paragraph(ftr, styles.NORMAL, line, story, align=side)
    if furniture.barcode:
        p, ppr = paragraph(ftr, styles.FOOTER, story.profile, ltr=True)
        if side:
            sub(ppr, "jc", val=side)
        barcode.drawing(etree.SubElement(p, w("r")), "rId1", furniture.barcode)
    return serialize(ftr)


def first_footer_media(furniture: Furniture) -> list[tuple[str, bytes]]:
    """The parts the first page's footer refers to: its relationships and the barcode's PNG (none without a job
    number)."""
    if not furniture.barcode:
        return []
    rels = Relationships()
    rels.add(barcode.IMAGE_TYPE, barcode.PNG_NAME)
    return [
        ("word/_rels/footer1.xml.rels", rels.to_xml()),
        (f"word/{barcode.PNG_NAME}", barcode.png(furniture.barcode)),
    ]


def running_footer(furniture: Furniture, story: Story, *, even: bool) -> bytes:
    """Pages 2+: ``page/pages`` in bold on the outside edge, the job number on the inside; mirrored in a
    right-to-left document (the number on the right of even pages), as the running heads are."""
    ftr = root("ftr")
    p, ppr = paragraph(ftr, styles.FOOTER, story.profile, ltr=True)
    tabs = etree.Element(w("tabs"))
    sub(tabs, "tab", val="right", pos=str(styles.TEXT_WIDTH))
    ppr.insert(1, tabs)  # schema order: pStyle, tabs, bidi
    job = furniture.job
    bold = Format(bold=True)
    number_left = even != story.profile.rtl  # a right-to-left document mirrors the footer, as the PDF's
    if not number_left:
        text_run(p, job + "\t", Format(), story)
    _field(p, "PAGE", "1", story, bold)
    text_run(p, "/", bold, story)
    _field(p, "NUMPAGES", "1", story, bold)
    if number_left:
        text_run(p, "\t" + job, Format(), story)
    return serialize(ftr)


def header_footer_parts(furniture: Furniture, story: Story) -> dict[str, bytes]:
    """The six header and footer parts by part name."""
    return {
        "header1.xml": masthead_header(furniture, story),
        "header2.xml": running_header(furniture, story, even=True),
        "header3.xml": running_header(furniture, story, even=False),
        "footer1.xml": first_footer(furniture, story),
        "footer2.xml": running_footer(furniture, story, even=True),
        "footer3.xml": running_footer(furniture, story, even=False),
    }
