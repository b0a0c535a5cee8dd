"""The named styles of a UN document (``word/styles.xml``), after the UN's own Word template, kept small.

Each paragraph style is one entry of a table (``_styles``); its geometry and sizes are the layout model's
(``unconvert.layout``): body text indented ``COLUMN_INDENT`` from both margins, first line a further ``STEP``,
tab stops every step; the title number hangs in the column's indent; footnotes hang ``NOTE_HANG`` with the mark
right-aligned. Sizes are the Latin ones of the UN's Word template, scaled per language. Style ids are the
constants below; the writer never names a style any other way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml import etree

from unconvert.layout import geometry as G
from unconvert.layout.typography import LATIN as T
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

BODY_INDENT = G.twips(G.COLUMN_INDENT)  # the UN's text column starts 0.88 in inside the margin
STEP = G.twips(G.STEP)  # one tab step (0.33 in)
TEXT_WIDTH = G.twips(G.MEASURE)


@dataclass(frozen=True, slots=True)
class Space:
    """Paragraph spacing in points. ``rule``: ``exact`` (the script's line rule: an exact pitch for Latin text,
    single spacing for tall scripts), ``atLeast`` (likewise, the pitch a minimum) or ``auto`` (single spacing
    whatever the script); ``before`` is left out when ``None``."""

    before: float | None = 0
    after: float = 0
    line: float = T.text.leading
    rule: str = "exact"

    def attrs(self, prof: Profile) -> dict[str, str]:
        single = self.rule == "auto" or not prof.exact_lines
        before = self.before if self.rule == "auto" or prof.exact_lines else self.before or 0
        attrs = {} if before is None else {"before": str(G.twips(before))}
        attrs["after"] = str(G.twips(self.after))
        attrs["line"] = "240" if single else str(G.twips(self.line))
        attrs["lineRule"] = "auto" if single else self.rule
        return attrs


@dataclass(frozen=True, slots=True)
class Ind:
    """Paragraph indents in points (``first`` or ``hanging``); the text column's by default."""

    left: float = G.COLUMN_INDENT
    right: float = G.COLUMN_INDENT
    first: float = 0
    hanging: float = 0

    def attrs(self) -> dict[str, str]:
        attrs = {"left": str(G.twips(self.left)), "right": str(G.twips(self.right))}
        if self.hanging:
            attrs["hanging"] = str(G.twips(self.hanging))
        elif self.first:
            attrs["firstLine"] = str(G.twips(self.first))
        return attrs


@dataclass(frozen=True, slots=True)
class Style:
    """One paragraph style: id and name, the style that follows it (``after``), paragraph properties (``keep``:
    any of ``next``, ``lines``, ``break``), character properties (``size`` in Latin points, scaled per language;
    ``tracking``: letter spacing and width, Latin scripts only unless ``fixed``; ``fixed``: sizes not scaled)."""

    sid: str
    name: str
    after: str | None = None
    keep: str = ""
    space: Space | None = None
    ind: Ind | None = None
    jc: str = ""
    outline: int | None = None
    bold: bool = False
    italic: bool = False
    size: float = 0
    based: str | None = NORMAL
    tabs: tuple[tuple[str, float], ...] = ()
    rule: bool = False  # a rule under the paragraph
    tracking: tuple[tuple[str, str], ...] = ()
    fixed: bool = False
    custom: bool = True


_COLUMN = Ind()
_AUTO = Space(None, rule="auto")


def _styles(prof: Profile) -> tuple[Style, ...]:
    """The paragraph styles after ``Normal``, in the order of the part."""
    # The number hangs in the column's indent, right-aligned on a tab. Arabic digits set at the complex-script size
    # are too wide for it: the title moves one tab step in (and the right tab goes, as it does not mirror).
    hang = G.COLUMN_INDENT + G.STEP if prof.rtl else G.COLUMN_INDENT
    number = () if prof.rtl else (("right", G.COLUMN_INDENT - G.TITLE_NUMBER_GAP),)
    end = (G.MEASURE - G.END_RULE) / 2
    quote = G.COLUMN_INDENT + G.STEP
    note_tabs = (("right", G.COLUMN_INDENT - 3.6), ("left", G.COLUMN_INDENT))
    latin = prof.language not in (Language.ZH, Language.AR)
    note_tracking = (("spacing", str(G.twips(T.note_spacing))),) if latin else ()
    body_space = Space(None, T.para_space, rule="atLeast")
    tab_stops = tuple(("left", x) for x in G.TAB_STOPS)
    headline, title, annex = T.headline, T.title, T.annex
    # fmt: off
    return (
        Style(SINGLE_TXT, "Single Txt", SINGLE_TXT, space=body_space, ind=Ind(first=G.STEP), jc="both",
              tabs=tab_stops),
        Style(SESSION, "Session", AGENDA, bold=True),
        Style(AGENDA, "Agenda Item", SINGLE_TXT),
        Style(COVER_TITLE, "Cover Title", COVER_LINE, "next lines", Space(24, 12, headline.leading), _COLUMN,
              bold=True, size=headline.size),
        Style(COVER_LINE, "Cover Line", TITLE, "next", Space(after=18), _COLUMN, italic=True),
        Style(COVER_TEXT, "Cover Text", SINGLE_TXT, "next", Space(after=12), _COLUMN),
        Style(TITLE, "Title H1", SINGLE_TXT, "next lines", Space(0, 18, title.leading), Ind(hang, hanging=hang),
              outline=0, bold=True, size=title.size, tabs=(*number, ("left", hang))),
        Style(PART_HEADING, "Part Heading", SINGLE_TXT, "next", Space(12, 12, title.leading), jc="center",
              outline=1, bold=True, size=title.size),
        Style(SECTION_HEADING, "Section Heading", SINGLE_TXT, "next lines", Space(12, 12), _COLUMN, "center", 2,
              bold=True),
        Style(HEADING, "H23", SINGLE_TXT, "next lines", Space(12, 6), _COLUMN, outline=3, bold=True),
        Style(CENTERED, "Centered", ind=_COLUMN, jc="center", based=SINGLE_TXT),
        Style(QUOTE, "Quote Txt", ind=Ind(quote, quote), based=SINGLE_TXT),
        Style(CONCLUSIONS, "Conclusions", keep="lines", space=Space(6, 6), ind=_COLUMN, jc="right", italic=True,
              based=SINGLE_TXT),
        Style(END_RULE, "End Rule", space=Space(12, 0), ind=Ind(end, end), size=2, rule=True),
        # an annex follows the closing lines on the same page, 12 pt under them (the UN's two 6-pt spacer lines),
        # its label at the text column, the title 18 pt under the label (A/RES/72/313, A/RES/72/244)
        Style(ANNEX_LABEL, "Annex Label", ANNEX_HEADING, "next", Space(12, 3, annex.leading), _COLUMN, outline=0,
              bold=True, size=annex.size),
        Style(ANNEX_HEADING, "Annex Heading", SINGLE_TXT, "next lines", Space(0, 12, annex.leading), _COLUMN,
              outline=1, bold=True, size=annex.size),
        Style(TABLE_TEXT, "Table Text", space=Space(2, 2, T.table.leading), size=T.table.size),
        Style(FOOTNOTE_TEXT, "footnote text", space=Space(0, 0, T.note.leading), ind=Ind(hanging=G.NOTE_HANG),
              size=T.note.size, tabs=note_tabs, tracking=note_tracking, custom=False),
        Style(HEADER, "header", space=_AUTO, bold=True, size=T.head, custom=False),
        Style(FOOTER, "footer", space=_AUTO, size=T.head, custom=False),
        # the narrow masthead cell takes "United Nations" in any script at the same size
        Style(MASTHEAD_AUTHORITY, "Masthead Authority", space=Space(None, 4, rule="auto"), size=T.authority,
              fixed=True),
        # condensed like the UN's XLarge, so that "Economic and Social Council" fits
        Style(MASTHEAD_ORGAN, "Masthead Organ", space=Space(5.45, 0, rule="auto"), bold=True, size=T.organ,
              tracking=(("spacing", str(G.twips(T.organ_spacing))), ("w", str(round(T.organ_scale * 100))))),
    )
    # fmt: on


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


def _size(rpr: etree._Element, prof: Profile, latin: float) -> None:
    size, size_cs = prof.scaled(latin)
    sub(rpr, "sz", val=str(size))
    sub(rpr, "szCs", val=str(size_cs))


def _paragraph_style(styles: etree._Element, style: Style, prof: Profile) -> None:
    """Append ``style``, its properties in the schema's order."""
    _, ppr, rpr = _style(
        styles, style.sid, style.name, based_on=style.based, next_style=style.after, custom=style.custom
    )
    assert ppr is not None
    for word, element in (("next", "keepNext"), ("lines", "keepLines"), ("break", "pageBreakBefore")):
        if word in style.keep:
            flag(ppr, element)
    if style.rule:
        sub(sub(ppr, "pBdr"), "bottom", val="single", sz="4", space="1", color="auto")
    if style.tabs:
        tabs = sub(ppr, "tabs")
        for kind, pos in style.tabs:
            sub(tabs, "tab", val=kind, pos=str(G.twips(pos)))
    if style.space is not None:
        sub(ppr, "spacing", **style.space.attrs(prof))
    if style.ind is not None:
        sub(ppr, "ind", **style.ind.attrs())
    if style.jc:
        sub(ppr, "jc", val=style.jc)
    if style.outline is not None:
        sub(ppr, "outlineLvl", val=str(style.outline))
    if style.bold:
        if prof.language is Language.ZH:
            sub(rpr, "rFonts", eastAsia=prof.east_asian_heading_font)
        flag(rpr, "b")
        flag(rpr, "bCs")
    if style.italic and prof.italics:
        flag(rpr, "i")
        flag(rpr, "iCs")
    for name, value in style.tracking:
        sub(rpr, name, val=value)
    if style.fixed:
        sub(rpr, "sz", val=str(G.half_points(style.size)))
        sub(rpr, "szCs", val=str(G.half_points(style.size)))
    elif style.size:
        _size(rpr, prof, style.size)


def _defaults(styles: etree._Element, prof: Profile) -> None:
    defaults = sub(styles, "docDefaults")
    rpr = sub(sub(defaults, "rPrDefault"), "rPr")
    fonts = {"ascii": prof.latin_font, "hAnsi": prof.latin_font, "eastAsia": prof.east_asian_font}
    sub(rpr, "rFonts", **fonts, cs=prof.complex_font)
    _size(rpr, prof, T.text.size)
    sub(rpr, "lang", val=prof.lang_tag, eastAsia="zh-CN", bidi="ar-SA")
    ppr = sub(sub(defaults, "pPrDefault"), "pPr")
    sub(ppr, "spacing", after="0", line="240", lineRule="auto")


def _paragraph_styles(styles: etree._Element, prof: Profile) -> None:
    _, ppr, rpr = _style(styles, NORMAL, "Normal", based_on=None, custom=False)
    assert ppr is not None
    styles[-1].set(w("default"), "1")
    flag(ppr, "suppressAutoHyphens")
    if prof.rtl:
        flag(ppr, "bidi")
    sub(ppr, "spacing", **Space().attrs(prof))
    fonts = {"ascii": prof.latin_font, "hAnsi": prof.latin_font, "eastAsia": prof.east_asian_font}
    sub(rpr, "rFonts", **fonts, cs=prof.complex_font)
    if prof.language not in (Language.ZH, Language.AR):
        sub(rpr, "spacing", val=str(G.twips(T.spacing)))
        sub(rpr, "w", val=str(round(T.scale * 100)))
        sub(rpr, "kern", val="14")
    _size(rpr, prof, T.text.size)
    sub(rpr, "lang", val=prof.lang_tag, eastAsia="zh-CN", bidi="ar-SA")
    for style in _styles(prof):
        _paragraph_style(styles, style, prof)


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
