"""The named styles of a UN document (``word/styles.xml``), after the UN's own Word template, kept small.

Geometry is the UN's: body text indented 1267 twips (0.88 in) from both margins, first line a further 475
twips, tab stops every 475 twips from 1267; the title number hangs in the left 1267 twips; footnotes hang
432 twips with the mark right-aligned. Sizes are given for Latin text and scaled per language. Style ids are
the constants below; the writer never names a style any other way.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from lxml import etree

from unconvert.tree import Language
from unconvert.writers.docx.language import Profile, profile
from unconvert.writers.docx.ooxml import flag, root, serialize, sub, w

NORMAL = "Normal"
SINGLE_TXT = "SingleTxt"
SESSION = "Session"
AGENDA = "AgendaItem"
COVER_TITLE = "CoverTitle"
COVER_LINE = "CoverLine"
COVER_TEXT = "CoverText"
TITLE = "TitleH1"
PART_HEADING = "PartHeading"
SECTION_HEADING = "SectionHeading"
HEADING = "H23"
CENTERED = "Centered"
QUOTE = "QuoteTxt"
CONCLUSIONS = "Conclusions"
END_RULE = "EndRule"
ANNEX_LABEL = "AnnexLabel"
ANNEX_HEADING = "AnnexHeading"
TABLE_TEXT = "TableText"
FOOTNOTE_TEXT = "FootnoteText"
HEADER = "Header"
FOOTER = "Footer"
MASTHEAD_AUTHORITY = "MastheadAuthority"
MASTHEAD_ORGAN = "MastheadOrgan"
FOOTNOTE_REFERENCE = "FootnoteReference"
HYPERLINK = "Hyperlink"

BODY_INDENT = 1267  # the UN's text column starts 0.88 in inside the margin
STEP = 475  # one tab step (0.33 in)
TAB_STOPS = tuple(BODY_INDENT + STEP * i for i in range(12))
TEXT_WIDTH = 12240 - 2 * 1200  # Letter paper, 1200-twip side margins

_LINE_EXACT = "exact"


def _tabs(ppr: etree._Element, stops: Iterable[tuple[str, int]]) -> None:
    tabs = sub(ppr, "tabs")
    for kind, pos in stops:
        sub(tabs, "tab", val=kind, pos=str(pos))


def _style(
    styles: etree._Element,
    style_id: str,
    name: str,
    *,
    kind: str = "paragraph",
    based_on: str | None = NORMAL,
    next_style: str | None = None,
    custom: bool = True,
) -> tuple[etree._Element, etree._Element | None, etree._Element]:
    """Append a style; return it with its (possibly absent) pPr and its rPr to fill."""
    style = sub(styles, "style", type=kind, styleId=style_id)
    if custom:
        style.set(w("customStyle"), "1")
    sub(style, "name", val=name)
    if based_on:
        sub(style, "basedOn", val=based_on)
    if next_style:
        sub(style, "next", val=next_style)
    flag(style, "qFormat")
    ppr = sub(style, "pPr") if kind == "paragraph" else None
    rpr = sub(style, "rPr")
    return style, ppr, rpr


def _size(rpr: etree._Element, prof: Profile, latin: int) -> None:
    size, size_cs = prof.scaled(latin)
    sub(rpr, "sz", val=str(size))
    sub(rpr, "szCs", val=str(size_cs))


def _bold(rpr: etree._Element, prof: Profile) -> None:
    if prof.language is Language.ZH:
        sub(rpr, "rFonts", eastAsia=prof.east_asian_heading_font)
    flag(rpr, "b")
    flag(rpr, "bCs")


def _italic(rpr: etree._Element, prof: Profile) -> None:
    if prof.italics:
        flag(rpr, "i")
        flag(rpr, "iCs")


def _spacing(ppr: etree._Element, prof: Profile, *, line: int = 240, before: int = 0, after: int = 0) -> None:
    attrs = {"before": str(before), "after": str(after)}
    if prof.exact_lines:
        attrs.update(line=str(line), lineRule=_LINE_EXACT)
    else:
        attrs.update(line="240", lineRule="auto")
    sub(ppr, "spacing", **attrs)


def _ind(ppr: etree._Element, left: int, right: int, *, first: int = 0, hanging: int = 0) -> None:
    attrs = {"left": str(left), "right": str(right)}
    if hanging:
        attrs["hanging"] = str(hanging)
    elif first:
        attrs["firstLine"] = str(first)
    sub(ppr, "ind", **attrs)


def _defaults(styles: etree._Element, prof: Profile) -> None:
    defaults = sub(styles, "docDefaults")
    rpr = sub(sub(defaults, "rPrDefault"), "rPr")
    sub(
        rpr,
        "rFonts",
        ascii=prof.latin_font,
        hAnsi=prof.latin_font,
        eastAsia=prof.east_asian_font,
        cs=prof.complex_font,
    )
    _size(rpr, prof, 20)
    sub(rpr, "lang", val=prof.lang_tag, eastAsia="zh-CN", bidi="ar-SA")
    ppr = sub(sub(defaults, "pPrDefault"), "pPr")
    sub(ppr, "spacing", after="0", line="240", lineRule="auto")


def _paragraph_styles(styles: etree._Element, prof: Profile) -> None:
    body_tabs = [("left", pos) for pos in TAB_STOPS]

    _, ppr, rpr = _style(styles, NORMAL, "Normal", based_on=None, custom=False)
    assert ppr is not None
    style = styles[-1]
    style.set(w("default"), "1")
    flag(ppr, "suppressAutoHyphens")
    if prof.rtl:
        flag(ppr, "bidi")
    _spacing(ppr, prof)
    sub(
        rpr, "rFonts", ascii=prof.latin_font, hAnsi=prof.latin_font, eastAsia=prof.east_asian_font, cs=prof.complex_font
    )
    if prof.language not in (Language.ZH, Language.AR):
        sub(rpr, "spacing", val="4")
        sub(rpr, "w", val="103")
        sub(rpr, "kern", val="14")
    _size(rpr, prof, 20)
    sub(rpr, "lang", val=prof.lang_tag, eastAsia="zh-CN", bidi="ar-SA")

    _, ppr, rpr = _style(styles, SINGLE_TXT, "Single Txt", next_style=SINGLE_TXT)
    assert ppr is not None
    _tabs(ppr, body_tabs)
    if prof.exact_lines:
        sub(ppr, "spacing", after="120", line="240", lineRule="atLeast")
    else:
        _spacing(ppr, prof, after=120)
    _ind(ppr, BODY_INDENT, BODY_INDENT, first=STEP)
    sub(ppr, "jc", val="both")

    _, ppr, rpr = _style(styles, SESSION, "Session", next_style=AGENDA)
    _bold(rpr, prof)

    _style(styles, AGENDA, "Agenda Item", next_style=SINGLE_TXT)

    _, ppr, rpr = _style(styles, COVER_TITLE, "Cover Title", next_style=COVER_LINE)
    assert ppr is not None
    flag(ppr, "keepNext")
    flag(ppr, "keepLines")
    _spacing(ppr, prof, line=300, before=480, after=240)
    _ind(ppr, BODY_INDENT, BODY_INDENT)
    _bold(rpr, prof)
    _size(rpr, prof, 28)

    _, ppr, rpr = _style(styles, COVER_LINE, "Cover Line", next_style=TITLE)
    assert ppr is not None
    flag(ppr, "keepNext")
    _spacing(ppr, prof, after=360)
    _ind(ppr, BODY_INDENT, BODY_INDENT)
    _italic(rpr, prof)

    _, ppr, rpr = _style(styles, COVER_TEXT, "Cover Text", next_style=SINGLE_TXT)
    assert ppr is not None
    flag(ppr, "keepNext")
    _spacing(ppr, prof, after=240)
    _ind(ppr, BODY_INDENT, BODY_INDENT)

    _, ppr, rpr = _style(styles, TITLE, "Title H1", next_style=SINGLE_TXT)
    assert ppr is not None
    flag(ppr, "keepNext")
    flag(ppr, "keepLines")
    # Arabic digits set at the complex-script size are too wide for the UN's 1267-twip number column: one more
    # tab step keeps the title clear of its number.
    hang = BODY_INDENT + STEP if prof.rtl else BODY_INDENT
    _tabs(ppr, [("left", hang)] if prof.rtl else [("right", BODY_INDENT - 245), ("left", hang)])
    _spacing(ppr, prof, line=270, after=360)
    _ind(ppr, hang, BODY_INDENT, hanging=hang)
    sub(ppr, "outlineLvl", val="0")
    _bold(rpr, prof)
    _size(rpr, prof, 24)

    _, ppr, rpr = _style(styles, PART_HEADING, "Part Heading", next_style=SINGLE_TXT)
    assert ppr is not None
    flag(ppr, "keepNext")
    _spacing(ppr, prof, line=270, before=240, after=240)
    sub(ppr, "jc", val="center")
    sub(ppr, "outlineLvl", val="1")
    _bold(rpr, prof)
    _size(rpr, prof, 24)

    _, ppr, rpr = _style(styles, SECTION_HEADING, "Section Heading", next_style=SINGLE_TXT)
    assert ppr is not None
    flag(ppr, "keepNext")
    flag(ppr, "keepLines")
    _spacing(ppr, prof, before=240, after=240)
    _ind(ppr, BODY_INDENT, BODY_INDENT)
    sub(ppr, "jc", val="center")
    sub(ppr, "outlineLvl", val="2")
    _bold(rpr, prof)

    _, ppr, rpr = _style(styles, HEADING, "H23", next_style=SINGLE_TXT)
    assert ppr is not None
    flag(ppr, "keepNext")
    flag(ppr, "keepLines")
    _spacing(ppr, prof, before=240, after=120)
    _ind(ppr, BODY_INDENT, BODY_INDENT)
    sub(ppr, "outlineLvl", val="3")
    _bold(rpr, prof)

    _, ppr, _ = _style(styles, CENTERED, "Centered", based_on=SINGLE_TXT)
    assert ppr is not None
    _ind(ppr, BODY_INDENT, BODY_INDENT)
    sub(ppr, "jc", val="center")

    _, ppr, _ = _style(styles, QUOTE, "Quote Txt", based_on=SINGLE_TXT)
    assert ppr is not None
    _ind(ppr, BODY_INDENT + STEP, BODY_INDENT + STEP)

    _, ppr, rpr = _style(styles, CONCLUSIONS, "Conclusions", based_on=SINGLE_TXT)
    assert ppr is not None
    flag(ppr, "keepLines")
    _spacing(ppr, prof, before=120, after=120)
    _ind(ppr, BODY_INDENT, BODY_INDENT)
    sub(ppr, "jc", val="right")
    _italic(rpr, prof)

    _, ppr, rpr = _style(styles, END_RULE, "End Rule")
    assert ppr is not None
    borders = sub(ppr, "pBdr")
    sub(borders, "bottom", val="single", sz="4", space="1", color="auto")
    _spacing(ppr, prof, before=240, after=0)
    margin = (TEXT_WIDTH - 1440) // 2
    _ind(ppr, margin, margin)
    _size(rpr, prof, 4)

    _, ppr, rpr = _style(styles, ANNEX_LABEL, "Annex Label", next_style=ANNEX_HEADING)
    assert ppr is not None
    flag(ppr, "keepNext")
    flag(ppr, "pageBreakBefore")
    _spacing(ppr, prof, line=300, after=240)
    sub(ppr, "outlineLvl", val="0")
    _bold(rpr, prof)
    _size(rpr, prof, 28)

    _, ppr, rpr = _style(styles, ANNEX_HEADING, "Annex Heading", next_style=SINGLE_TXT)
    assert ppr is not None
    flag(ppr, "keepNext")
    flag(ppr, "keepLines")
    _spacing(ppr, prof, line=300, after=240)
    _ind(ppr, BODY_INDENT, BODY_INDENT)
    sub(ppr, "outlineLvl", val="1")
    _bold(rpr, prof)
    _size(rpr, prof, 28)

    _, ppr, rpr = _style(styles, TABLE_TEXT, "Table Text")
    assert ppr is not None
    _spacing(ppr, prof, line=210, before=40, after=40)
    _size(rpr, prof, 18)

    _, ppr, rpr = _style(styles, FOOTNOTE_TEXT, "footnote text", custom=False)
    assert ppr is not None
    _tabs(ppr, [("right", BODY_INDENT - 72), ("left", BODY_INDENT)])
    _spacing(ppr, prof, line=210, after=0)
    _ind(ppr, BODY_INDENT, BODY_INDENT, hanging=432)
    if prof.language not in (Language.ZH, Language.AR):
        sub(rpr, "spacing", val="5")
    _size(rpr, prof, 17)

    for style_id, name, bold in ((HEADER, "header", True), (FOOTER, "footer", False)):
        _, ppr, rpr = _style(styles, style_id, name, custom=False)
        assert ppr is not None
        sub(ppr, "spacing", after="0", line="240", lineRule="auto")
        if bold:
            _bold(rpr, prof)
        _size(rpr, prof, 17)

    _, ppr, rpr = _style(styles, MASTHEAD_AUTHORITY, "Masthead Authority")
    assert ppr is not None
    sub(ppr, "spacing", after="80", line="240", lineRule="auto")
    sub(rpr, "sz", val="28")
    sub(rpr, "szCs", val="28")  # the narrow masthead cell takes "United Nations" in any script at 14 pt

    _, ppr, rpr = _style(styles, MASTHEAD_ORGAN, "Masthead Organ")
    assert ppr is not None
    sub(ppr, "spacing", before="109", after="0", line="240", lineRule="auto")
    _bold(rpr, prof)
    sub(rpr, "spacing", val="-4")  # condensed like the UN's XLarge, so "Economic and Social Council" fits
    sub(rpr, "w", val="98")
    _size(rpr, prof, 40)


def _character_styles(styles: etree._Element, prof: Profile) -> None:
    style = sub(styles, "style", type="character", styleId="DefaultParagraphFont")
    style.set(w("default"), "1")
    sub(style, "name", val="Default Paragraph Font")
    flag(style, "semiHidden")

    _, _, rpr = _style(styles, FOOTNOTE_REFERENCE, "footnote reference", kind="character", based_on=None, custom=False)
    sub(rpr, "vertAlign", val="superscript")

    _, _, rpr = _style(styles, HYPERLINK, "Hyperlink", kind="character", based_on=None, custom=False)
    sub(rpr, "color", val="0000FF")


def _table_styles(styles: etree._Element) -> None:
    style = sub(styles, "style", type="table", styleId="TableNormal")
    style.set(w("default"), "1")
    sub(style, "name", val="Normal Table")
    flag(style, "semiHidden")
    margins = sub(sub(style, "tblPr"), "tblCellMar")
    sub(margins, "left", w="108", type="dxa")
    sub(margins, "right", w="108", type="dxa")


@cache
def styles_xml(language: Language) -> bytes:
    """``word/styles.xml`` for ``language`` (built once per process and language)."""
    prof = profile(language)
    styles = root("styles")
    _defaults(styles, prof)
    _paragraph_styles(styles, prof)
    _character_styles(styles, prof)
    _table_styles(styles)
    return serialize(styles)
