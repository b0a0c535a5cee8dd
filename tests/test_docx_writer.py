"""The DOCX writer: reopen what it writes with python-docx and lxml and check what a reader of the Word file
would check -- paragraphs in the tree's order with the UN's styles, real footnotes where their marks stood,
tables as Word tables, the masthead and running heads, right-to-left Arabic, upright Chinese, golden parts for
the seed, the same bytes twice -- on hand-built trees, random trees, and the real documents of the corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import unconvert
from conftest import SAMPLE_CORPUS, SHARED_CORPUS, UPDATE_GOLDENS, examples, sample_dumps, shared_dumps
from strategies import annex_table_document, documents, multipart_document, sc_document, seed_document
from unconvert.context import Context
from unconvert.tree import (
    Block,
    Cell,
    DateRef,
    Document,
    Emphasis,
    Footnote,
    Inline,
    Language,
    LineBreak,
    MeetingRef,
    NoteRef,
    OperativeParagraph,
    Para,
    Part,
    Point,
    Preamble,
    PreambularParagraph,
    RawBlock,
    RawInline,
    Row,
    Section,
    Strong,
    SymbolRef,
    Table,
    Text,
    find_all,
    plain_text,
)
from unconvert.writers.docx import barcode, write

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INLINE_TYPES = (Text, Emphasis, Strong, LineBreak, Footnote, NoteRef, SymbolRef, DateRef, MeetingRef, RawInline)
GOLDEN = Path(__file__).parent / "golden" / "docx"
CONTEXT = Context.fixed()


# ---------------------------------------------------------------------------------------------------------------
# Reading a written DOCX back


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes, part: str) -> etree._Element:
    return etree.fromstring(parts_of(data)[part])


def text_of(element: etree._Element) -> str:
    """A paragraph's text as Word shows it: tabs and breaks as characters, footnote marks left out."""
    out: list[str] = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br"):
        run = node.getparent()
        if run is None or run.tag != f"{W}r":
            continue  # a tab stop definition, not a tab
        if _is_mark(run):
            continue
        if node.tag == f"{W}t":
            out.append(node.text or "")
        else:
            out.append("\t" if node.tag == f"{W}tab" else "\n")
    return "".join(out)


def _is_mark(run: etree._Element) -> bool:
    """A footnote mark: a reference, a custom mark, a NOTEREF result, a mark kept as text."""
    style = run.find(f"{W}rPr/{W}rStyle")
    return run.find(f"{W}footnoteReference") is not None or (
        style is not None and style.get(f"{W}val") == "FootnoteReference"
    )


def body_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style id, text) of every top-level body paragraph, in order."""
    body = xml(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    found = []
    for p in body.findall(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        found.append((style.get(f"{W}val") if style is not None else "", text_of(p)))
    return found


def expected_paragraphs(document: Document) -> Iterator[tuple[str, str]]:
    """What the writer must put in the body for ``document``, paragraph by paragraph, in order."""
    head = document.masthead
    if head.session:
        yield "Session", _clean(head.session)
    for item in head.agenda:
        yield "AgendaItem", _clean(item)
    styles = {"adoption": "CoverTitle", "title": "CoverTitle", "docType": "CoverTitle", "proponent": "CoverLine"}
    for line in document.cover:
        yield styles.get(line.role.value, "CoverText"), printed(line.content)
    if document.preface:
        number = document.preface.number.strip()
        lead = "" if document.meta.language.rtl else "\t"
        yield "TitleH1", (f"{lead}{_clean(number)}\t" if number else "") + printed(document.preface.title)
    for part in document.parts:
        yield from _expected_part(part)
    for annex in document.annexes:
        yield "AnnexLabel", printed(annex.label)
        for heading in annex.headings:
            yield "AnnexHeading", printed(heading)
        yield from _expected_blocks(annex.children)
    yield "EndRule", ""


def _expected_part(part: Part) -> Iterator[tuple[str, str]]:
    if part.label or part.label_notes:
        yield "PartHeading", _clean(part.label or "")
    if part.title:
        yield "PartHeading", printed(part.title)
    if part.preamble:
        if part.preamble.formula:
            yield "SingleTxt", printed(part.preamble.formula)
        yield from _expected_blocks(part.preamble.children)
    yield from _expected_blocks(part.body)
    if part.conclusions and part.conclusions.lines:
        yield "Conclusions", "\n".join(printed(line) for line in part.conclusions.lines)


def _numbered(num: str | None, content: tuple[Inline, ...]) -> str:
    return (f"{_clean(num.strip())}\t" if num else "") + printed(content)


def _expected_blocks(blocks: tuple[Block, ...]) -> Iterator[tuple[str, str]]:
    roles = {"text": "SingleTxt", "heading": "H23", "centered": "Centered", "quote": "QuoteTxt"}
    for block in blocks:
        match block:
            case Para():
                yield roles[block.role.value], printed(block.content)
            case PreambularParagraph():
                yield "SingleTxt", printed(block.content)
            case OperativeParagraph() | Point():
                yield "SingleTxt", _numbered(block.num, block.content)
                yield from _expected_blocks(block.children)
                if block.wrap_up:
                    yield "SingleTxt", printed(block.wrap_up)
            case Section():
                heading = printed(block.heading)
                num = block.num.strip()
                titled = plain_text(block.heading) or all_notes(block.heading)
                shown = _clean(num)
                yield "SectionHeading", (f"{shown}\n{heading}" if titled else shown) if num else heading
                yield from _expected_blocks(block.children)
            case Table():
                pass  # tables are w:tbl, not body paragraphs
            case RawBlock():
                yield "SingleTxt", _clean(block.text)


def printed(inlines: tuple[Inline, ...]) -> str:
    """``plain_text`` of ``inlines`` as Word gives it back: each text cleaned by ``_clean`` on its own."""
    out: list[str] = []
    for node in inlines:
        match node:
            case Emphasis(children=children) | Strong(children=children):
                out.append(printed(children))
            case LineBreak():
                out.append("\n")
            case Footnote() | NoteRef():
                pass
            case _:
                out.append(_clean(node.text))
    return "".join(out)


def _clean(text: str) -> str:
    """``text`` as it comes back from Word: CR/CRLF as breaks, characters XML cannot carry dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\t\n" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))


# ---------------------------------------------------------------------------------------------------------------
# The seed, hand-built


def test_seed_paragraphs_follow_the_tree_in_order_with_un_styles() -> None:
    document = seed_document()
    got = body_paragraphs(write(document, context=CONTEXT))
    assert got == list(expected_paragraphs(document))
    assert got[0] == ("Session", "Sixty-fourth session")
    assert got[4] == (
        "TitleH1",
        "\t64/183.\tCooperation between the United Nations and the Shanghai Cooperation Organization",
    )
    assert got[-2] == ("Conclusions", "65th plenary meeting\n18 December 2009")


def test_python_docx_reopens_the_seed() -> None:
    data = write(seed_document(), context=CONTEXT)
    reopened = docx.Document(io.BytesIO(data))
    texts = [p.text for p in reopened.paragraphs]
    assert texts[5] == "The General Assembly,"
    assert reopened.paragraphs[5].style is not None
    assert reopened.paragraphs[5].style.name == "Single Txt"
    first = reopened.sections[0]
    assert first.different_first_page_header_footer
    assert first.page_width == 12240 * 635 and first.page_height == 15840 * 635  # Letter, in EMU
    assert first.left_margin == 1200 * 635 and first.top_margin == 1440 * 635
    core = reopened.core_properties
    assert core.title == "Cooperation between the United Nations and the Shanghai Cooperation Organization"
    assert core.subject == "A/RES/64/183"
    assert core.language == "en-GB"
    assert core.author == "unconvert" and core.last_modified_by == "unconvert"
    assert core.revision == 1
    assert core.created == CONTEXT.now and core.modified == core.created


def test_opening_phrases_and_verbs_are_italic_runs() -> None:
    data = write(seed_document(), context=CONTEXT)
    reopened = docx.Document(io.BytesIO(data))
    by_text = {p.text: p for p in reopened.paragraphs}
    recalling = next(p for text, p in by_text.items() if text.startswith("Recalling also"))
    assert recalling.runs[0].text == "Recalling also" and recalling.runs[0].italic
    assert not recalling.runs[1].italic
    decides = next(p for text, p in by_text.items() if text.startswith("5.\tDecides"))
    assert [r.text for r in decides.runs[:2]] == ["5.\t", "Decides"]
    assert decides.runs[1].italic and not decides.runs[0].italic


def test_seed_has_one_real_footnote_right_after_its_text() -> None:
    document = seed_document()
    data = write(document, context=CONTEXT)
    notes = xml(data, "word/footnotes.xml").findall(f"{W}footnote")
    assert [(n.get(f"{W}type"), n.get(f"{W}id")) for n in notes[:2]] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]
    real = notes[2:]
    sources = all_notes(document)
    assert len(real) == len(sources) == 1
    assert text_of(real[0]).strip() == "See A/55/1010-S/2001/667, annex I, para. 5."
    assert real[0].find(f".//{W}footnoteRef") is not None
    refs = _references_with_preceding_text(data)
    assert len(refs) == 1
    assert refs[0][0] == "1"
    assert refs[0][1].endswith("commitment of its member States to the principles of the Charter,")
    settings_xml = xml(data, "word/settings.xml")
    assert [n.get(f"{W}id") for n in settings_xml.findall(f"{W}footnotePr/{W}footnote")] == ["-1", "0"]
    rels = parts_of(data)["word/_rels/footnotes.xml.rels"].decode()
    assert "https://undocs.org/A/55/1010-S/2001/667" in rels


def all_notes(node: object) -> list[Footnote]:
    """Every footnote standing anywhere in a tree."""
    return find_all(node, Footnote)


def all_tables(node: object) -> list[Table]:
    """Every table of a tree, in document order."""
    return find_all(node, Table)


def _references_with_preceding_text(data: bytes) -> list[tuple[str, str]]:
    """(footnote id, text of its paragraph before the reference) for every footnoteReference in the body."""
    body = xml(data, "word/document.xml")
    found = []
    for p in body.iter(f"{W}p"):
        before: list[str] = []
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}footnoteReference"):
            run = node.getparent()
            if run is None or run.tag != f"{W}r":
                continue  # a tab stop definition, not a tab
            if node.tag == f"{W}footnoteReference":
                found.append((node.get(f"{W}id") or "", "".join(before)))
            elif _is_mark(run):
                continue  # a footnote mark printed as text (custom, repeated, or orphan)
            elif node.tag == f"{W}t":
                before.append(node.text or "")
            else:
                before.append("\t" if node.tag == f"{W}tab" else "\n")
    return found


def test_masthead_is_the_first_page_header_and_running_heads_follow() -> None:
    data = write(seed_document(), context=CONTEXT)
    reopened = docx.Document(io.BytesIO(data))
    section = reopened.sections[0]
    masthead = section.first_page_header._element
    texts = [text_of(p) for p in masthead.iter(f"{W}p")]
    for expected in ("United Nations", "A/RES/64/183", "General Assembly", "Distr.: General", "23 February 2010"):
        assert expected in texts
    assert [text_of(p) for p in section.first_page_footer._element.iter(f"{W}p")] == [
        "09-47281 (E)",
        "",
    ]  # the job line, the barcode
    even = [text_of(p) for p in section.even_page_header._element.iter(f"{W}p")]
    odd = [text_of(p) for p in section.header._element.iter(f"{W}p")]
    title = "Cooperation between the United Nations and the Shanghai Cooperation Organization"
    assert even[:2] == ["A/RES/64/183", title] and odd[:2] == [title, "A/RES/64/183"]
    for footer in (section.footer, section.even_page_footer):
        fields = [f.get(f"{W}instr", "").strip() for f in footer._element.iter(f"{W}fldSimple")]
        assert fields == ["PAGE", "NUMPAGES"]
    assert xml(data, "word/settings.xml").find(f"{W}evenAndOddHeaders") is not None


def test_styles_used_are_all_defined_and_few() -> None:
    data = write(annex_table_document(), context=CONTEXT)
    styles_xml = xml(data, "word/styles.xml")
    defined = {s.get(f"{W}styleId") for s in styles_xml.findall(f"{W}style")}
    assert len(defined) <= 30
    used = set()
    for name in parts_of(data):
        if name.startswith("word/") and name.endswith(".xml"):
            for tag in ("pStyle", "rStyle"):
                used |= {e.get(f"{W}val") for e in xml(data, name).iter(f"{W}{tag}")}
    assert used <= defined
    normal = styles_xml.find(f"{W}style[@{W}styleId='Normal']")
    assert normal is not None
    fonts = normal.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None and fonts.get(f"{W}ascii") == "Times New Roman"
    size = normal.find(f"{W}rPr/{W}sz")
    assert size is not None and size.get(f"{W}val") == "20"  # 10 pt
    lang = normal.find(f"{W}rPr/{W}lang")
    assert lang is not None
    assert (lang.get(f"{W}val"), lang.get(f"{W}eastAsia"), lang.get(f"{W}bidi")) == ("en-GB", "zh-CN", "ar-SA")


def test_tables_are_word_tables_with_their_cells() -> None:
    document = annex_table_document()
    data = write(document, context=CONTEXT)
    source = all_tables(document)
    assert source, "the annex/table example must hold a table"
    reopened = docx.Document(io.BytesIO(data))
    assert len(reopened.tables) == len(source)
    for table, tree in zip(reopened.tables, source, strict=True):
        assert len(table.rows) == len(tree.rows)
        for row, tree_row in zip(table.rows, tree.rows, strict=True):
            cells = row._tr.findall(f"{W}tc")
            assert [text_of(c) for c in cells[: len(tree_row.cells)]] == [
                "\n".join(plain_text(p) for p in cell.paragraphs) for cell in tree_row.cells
            ]
        header = tree.rows[0].cells
        if header and all(c.header for c in header):
            assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None


def test_annexes_follow_the_closing_lines_kept_with_their_title() -> None:
    """As the UN places an annex (A/RES/72/313's PDF; none of the corpus's Word files breaks the page before
    one): after the closing lines on the same page, its label kept with its title."""
    data = write(annex_table_document(), context=CONTEXT)
    styles_xml = xml(data, "word/styles.xml")
    label = styles_xml.find(f"{W}style[@{W}styleId='AnnexLabel']")
    assert label is not None and label.find(f"{W}pPr/{W}pageBreakBefore") is None
    assert label.find(f"{W}pPr/{W}keepNext") is not None
    assert any(style == "AnnexLabel" for style, _ in body_paragraphs(data))


@pytest.mark.parametrize("make", [sc_document, multipart_document, annex_table_document])
def test_other_document_shapes_follow_the_tree(make: object) -> None:
    document = make()  # type: ignore[operator]
    data = write(document, context=CONTEXT)
    assert body_paragraphs(data) == list(expected_paragraphs(document))
    notes = xml(data, "word/footnotes.xml").findall(f"{W}footnote")
    refs = _references_with_preceding_text(data)
    assert len(notes) - 2 == len(refs) == len(all_notes(document))


def test_golden_document_and_footnotes_parts_of_the_seed() -> None:
    """The seed's ``word/document.xml`` and ``word/footnotes.xml`` as canonical XML (C14N); regenerate with
    ``UNCONVERT_UPDATE_GOLDENS=1 pytest tests/test_docx_writer.py`` after an intended change, and review the diff."""
    data = write(seed_document(), context=CONTEXT)
    for part in ("document.xml", "footnotes.xml"):
        produced = etree.fromstring(parts_of(data)[f"word/{part}"])
        golden = GOLDEN / f"A_RES_64_183.{part}"
        if UPDATE_GOLDENS:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(etree.tostring(produced, pretty_print=True, encoding="UTF-8", xml_declaration=True))
        expected = etree.fromstring(golden.read_bytes(), etree.XMLParser(remove_blank_text=True))
        assert etree.tostring(produced, method="c14n") == etree.tostring(expected, method="c14n"), part


def test_same_tree_and_context_give_the_same_bytes() -> None:
    first = write(seed_document(), context=CONTEXT)
    assert write(seed_document(), context=CONTEXT) == first
    later = write(seed_document(), context=Context.fixed(2027, 6, 1))
    changed = {n for n, b in parts_of(later).items() if parts_of(first)[n] != b}
    assert changed == {"docProps/core.xml"}
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(2026, 1, 1, 0, 0, 0)}


# The WordprocessingML schema's child order for the property elements the writer emits (ECMA-376 Part 1,
# CT_PPrBase, CT_RPr, CT_TblPrBase, CT_TcPr, CT_SectPr, CT_Settings, CT_Style): Word rejects a file whose
# properties come out of order.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings",
    "settings": "writeProtection view zoom removePersonalInformation defaultTabStop autoHyphenation "
    "evenAndOddHeaders bookFoldRevPrinting characterSpacingControl footnotePr endnotePr compat docVars rsids "
    "themeFontLang decimalSymbol listSeparator",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
    "personal rsid pPr rPr tblPr trPr tcPr tblStylePr",
}


@pytest.mark.parametrize("language", list(Language))
def test_properties_come_in_schema_order(language: Language) -> None:
    documents_ = [_in(language, seed_document()), _in(language, annex_table_document())]
    for document in documents_:
        data = write(document, context=CONTEXT)
        for name, part in parts_of(data).items():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            for element in etree.fromstring(part).iter():
                local = etree.QName(element).localname
                if local not in SCHEMA_ORDER or etree.QName(element).namespace != W[1:-1]:
                    continue
                if local == "rPr" and element.getparent() is not None:
                    parent = etree.QName(element.getparent()).localname
                    if parent == "pPr":
                        continue  # a paragraph mark's rPr has the same order; none are written
                order = SCHEMA_ORDER[local].split()
                children = [etree.QName(c).localname for c in element]
                # headerReference and footerReference may interleave: compare them as one kind
                ranks = [order.index(c if c != "footerReference" else "headerReference") for c in children]
                assert ranks == sorted(ranks), (language, name, local, children)


# ---------------------------------------------------------------------------------------------------------------
# Arabic and Chinese


def _in(language: Language, document: Document) -> Document:
    from dataclasses import replace

    return replace(document, meta=replace(document.meta, language=language))


def _arabic_document() -> Document:
    from dataclasses import replace

    note = Footnote(marker="1", paragraphs=((Text(text="A/77/501."),),))
    preamble = Preamble(
        formula=(Text(text="إن الجمعية العامة،"),),
        children=(
            PreambularParagraph(
                phrase="وإذ تشير",
                content=(
                    Emphasis(children=(Text(text="وإذ تشير"),)),
                    Text(text=" إلى قرار مجلس الأمن 497 (1981)"),
                    note,
                ),
            ),
        ),
    )
    body: tuple[Block, ...] = (
        OperativeParagraph(num="1 -", content=(Text(text="تطلب إلى إسرائيل أن تمتثل للقرارات؛"),)),
        Table(rows=(Row(cells=(Cell(paragraphs=((Text(text="الهدف"),),), header=True),)),)),
    )
    seed = seed_document()
    return replace(_in(Language.AR, seed), parts=(Part(preamble=preamble, body=body),), annexes=())


def test_arabic_is_right_to_left_throughout() -> None:
    data = write(_arabic_document(), context=CONTEXT)
    document_xml = xml(data, "word/document.xml")
    body = document_xml.find(f"{W}body")
    assert body is not None
    for p in body.iter(f"{W}p"):
        bidi = p.find(f"{W}pPr/{W}bidi")
        assert bidi is not None and bidi.get(f"{W}val") in (None, "1"), text_of(p)
    arabic_runs = [r for r in body.iter(f"{W}r") if any("\u0600" <= c <= "\u06ff" for c in text_of(r))]
    assert arabic_runs and all(r.find(f"{W}rPr/{W}rtl") is not None for r in arabic_runs)
    latin_runs = [r for r in body.iter(f"{W}r") if text_of(r) == "A/RES/64/183"]
    assert all(r.find(f"{W}rPr/{W}rtl") is None for r in latin_runs)
    emphasis = next(r for r in arabic_runs if text_of(r) == "وإذ تشير")
    assert emphasis.find(f"{W}rPr/{W}i") is None and emphasis.find(f"{W}rPr/{W}iCs") is None  # upright, as the UN
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in body.iter(f"{W}tbl"))
    assert body.find(f"{W}sectPr/{W}bidi") is not None
    styles_xml = xml(data, "word/styles.xml")
    normal = styles_xml.find(f"{W}style[@{W}styleId='Normal']")
    assert normal is not None
    fonts = normal.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None and fonts.get(f"{W}cs") == "Simplified Arabic"
    size_cs = normal.find(f"{W}rPr/{W}szCs")
    assert size_cs is not None and int(size_cs.get(f"{W}val") or 0) > 20
    masthead = xml(data, "word/header1.xml")
    assert masthead.find(f".//{W}tblPr/{W}bidiVisual") is not None
    lang = normal.find(f"{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "ar-SA"


def test_arabic_opening_phrases_are_upright_and_the_footers_mirrored() -> None:
    """The UN prints Arabic upright: the opening phrases that other languages set in italics (the tree's
    ``Emphasis``, as the UN's Arabic files mark them) carry no ``w:i``/``w:iCs``, in no part, nor does any style;
    the same phrases in English stay italic. The footers of pages 2 onward are mirrored: the page number on the
    right of even pages and the left of odd ones, the job number inside, in left-to-right paragraphs (``w:bidi``
    0: the tab stop at the right margin works as in the English footer) in a right-to-left section."""
    arabic = write(_arabic_document(), context=CONTEXT)
    for name, part in parts_of(arabic).items():
        if name.startswith("word/") and name.endswith(".xml"):
            root = etree.fromstring(part)
            slanted = [el for el in root.iter(f"{W}i", f"{W}iCs") if el.get(f"{W}val") not in ("0", "false")]
            assert not slanted, name
    body = xml(arabic, "word/document.xml").find(f"{W}body")
    assert body is not None and body.find(f"{W}sectPr/{W}bidi") is not None
    english = write(_in(Language.EN, _arabic_document()), context=CONTEXT)
    phrase = next(r for r in xml(english, "word/document.xml").iter(f"{W}r") if text_of(r) == "وإذ تشير")
    assert phrase.find(f"{W}rPr/{W}i") is not None
    for part, number_right in (("word/footer2.xml", True), ("word/footer3.xml", False)):
        footer = xml(arabic, part)
        paragraph = footer.find(f"{W}p")
        assert paragraph is not None
        bidi = paragraph.find(f"{W}pPr/{W}bidi")
        assert bidi is not None and bidi.get(f"{W}val") == "0", part
        pieces = [el for el in paragraph if el.tag in (f"{W}r", f"{W}fldSimple")]
        assert (pieces[0].tag == f"{W}fldSimple") != number_right, part  # the number first: on the left
        assert pieces[-1].tag == f"{W}fldSimple" if number_right else text_of(pieces[-1]).strip() == "09-47281"


@pytest.mark.skipif(not (SHARED_CORPUS / "akn4un").is_dir(), reason="../shared/corpus is absent")
def test_a_real_arabic_resolution_has_its_opening_phrases_upright_in_both_writers(tmp_path: Path) -> None:
    """A/RES/77/258 in Arabic: every preambular and operative opening phrase comes out upright in the DOCX (its
    runs carry no ``w:i``) and in the PDF (no slanted face embedded), as the UN prints Arabic."""
    from unconvert.tree import OperativeParagraph as Operative
    from unconvert.tree import PreambularParagraph as Recital
    from unconvert.tree import find_all, plain_text

    document = unconvert.read(SHARED_CORPUS / "akn4un" / "77" / "ara" / "A_RES_77_258_ara.txt")
    phrases = {
        plain_text(p.content[0].children)
        for p in (*find_all(document, Recital), *find_all(document, Operative))
        if p.content and isinstance(p.content[0], Emphasis)
    }
    assert len(phrases) >= 5
    data = write(document, context=CONTEXT)
    runs = [r for r in xml(data, "word/document.xml").iter(f"{W}r") if text_of(r).strip() in phrases]
    assert {text_of(r).strip() for r in runs} == phrases
    assert all(r.find(f"{W}rPr/{W}i") is None and r.find(f"{W}rPr/{W}iCs") is None for r in runs)
    pdf = tmp_path / "ar.pdf"
    pdf.write_bytes(unconvert.write(document, "pdf", context=CONTEXT))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Amiri-Regular" in fonts and "Slanted" not in fonts


def test_chinese_has_no_italics_and_east_asian_fonts() -> None:
    document = _in(Language.ZH, seed_document())
    data = write(document, context=CONTEXT)
    for name, part in parts_of(data).items():
        if name.startswith("word/") and name.endswith(".xml"):
            root = etree.fromstring(part)
            assert root.find(f".//{W}i") is None and root.find(f".//{W}iCs") is None, name
    styles_xml = xml(data, "word/styles.xml")
    fonts = styles_xml.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts is not None and fonts.get(f"{W}eastAsia") == "SimSun"
    lang = styles_xml.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "zh-CN" and lang.get(f"{W}eastAsia") == "zh-CN"
    assert body_paragraphs(data) == list(expected_paragraphs(document))


# ---------------------------------------------------------------------------------------------------------------
# Odd input


def test_custom_footnote_marks_and_illegal_characters() -> None:
    from dataclasses import replace

    star = Footnote(marker="*", paragraphs=((Text(text="Issued without formal editing."),),))
    odd = Para(content=(Text(text="Bell\x07 and form feed\x0c gone; tab\there"), star))
    document = replace(seed_document(), parts=(Part(body=(odd,)),), annexes=())
    data = write(document, context=CONTEXT)
    reopened = docx.Document(io.BytesIO(data))
    assert any(p.text == "Bell and form feed gone; tab\there*" for p in reopened.paragraphs)
    ref = xml(data, "word/document.xml").find(f".//{W}footnoteReference")
    assert ref is not None and ref.get(f"{W}customMarkFollows") == "1"


def test_notes_of_a_later_part_go_on_numbering_from_its_first_note() -> None:
    from dataclasses import replace

    notes = [Footnote(marker=str(n), paragraphs=((Text(text=f"Note {n}."),),)) for n in (25, 26)]
    body = (Para(content=(Text(text="First"), notes[0])), Para(content=(Text(text="Second"), notes[1])))
    document = replace(seed_document(), parts=(Part(body=body),), annexes=())
    data = write(document, context=CONTEXT)
    start = xml(data, "word/document.xml").find(f"{W}body/{W}sectPr/{W}footnotePr/{W}numStart")
    assert start is not None and start.get(f"{W}val") == "25"
    refs = xml(data, "word/document.xml").findall(f".//{W}footnoteReference")
    assert len(refs) == 2 and all(r.get(f"{W}customMarkFollows") is None for r in refs)


def test_a_second_reference_to_a_note_is_a_noteref_field_to_its_bookmark() -> None:
    from dataclasses import replace

    note = Footnote(marker="1", paragraphs=((Text(text="See A/77/501."),),))
    body = (
        Para(
            content=(Text(text="First mention"), note, Text(text=".")),
        ),
        Para(content=(Text(text="Mentioned again"), NoteRef(marker="1"), Text(text="."))),
        Para(content=(Text(text="Unknown"), NoteRef(marker="9"))),
    )
    document = replace(seed_document(), parts=(Part(body=body),), annexes=())
    data = write(document, context=CONTEXT)
    root = xml(data, "word/document.xml")
    start = root.find(f".//{W}bookmarkStart")
    assert start is not None and start.getnext() is not None
    assert start.getnext().find(f"{W}footnoteReference") is not None
    name = start.get(f"{W}name")
    fields = [f for f in root.iter(f"{W}fldSimple") if "NOTEREF" in f.get(f"{W}instr", "")]
    assert len(fields) == 1 and fields[0].get(f"{W}instr", "").split()[1] == name
    assert text_of(fields[0].getparent()) == "Mentioned again."
    assert "".join(t.text or "" for t in fields[0].iter(f"{W}t")) == "1"
    assert len(xml(data, "word/footnotes.xml").findall(f"{W}footnote")) == 3  # two separators, one note
    unknown = [p for p in root.iter(f"{W}p") if text_of(p) == "Unknown"]
    assert len(unknown) == 1 and "".join(t.text or "" for t in unknown[0].iter(f"{W}t")) == "Unknown9"


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_tree_gives_a_docx_word_can_reopen(document: Document) -> None:
    data = write(document, context=CONTEXT)
    reopened = docx.Document(io.BytesIO(data))
    expected = list(expected_paragraphs(document))
    assert [(s, t) for s, t in body_paragraphs(data)] == expected
    assert len(reopened.paragraphs) == len(expected)
    assert_notes_where_the_tree_has_them(document, data)
    body = xml(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    if document.meta.language is Language.AR:
        flags = [p.find(f"{W}pPr/{W}bidi") for p in body.iter(f"{W}p")]
        assert all(f is not None and f.get(f"{W}val") != "0" for f in flags)
        assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in body.iter(f"{W}tbl"))
    if document.meta.language is Language.ZH:
        assert body.find(f".//{W}i") is None


# ---------------------------------------------------------------------------------------------------------------
# Real documents


def _read_or_skip(path: Path) -> Document:
    try:
        return unconvert.read(path)
    except NotImplementedError:
        pytest.skip("the ODS reader is not complete yet")


@pytest.mark.parametrize("path", sample_dumps(), ids=lambda p: p.stem)
def test_every_sample_document_converts(path: Path) -> None:
    document = _read_or_skip(path)
    data = unconvert.write(document, "docx", context=CONTEXT)
    assert body_paragraphs(data) == list(expected_paragraphs(document))
    refs = _references_with_preceding_text(data)
    notes = xml(data, "word/footnotes.xml").findall(f"{W}footnote")
    assert len(refs) == len(notes) - 2
    docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("path", sample_dumps(), ids=lambda p: p.stem)
def test_footnotes_stand_after_the_gold_anchor_text(path: Path) -> None:
    """As many real footnotes as the Word original had (the gold), each reference right after the 40 characters
    the gold says came before its mark. Where the reader's tree already differs from the gold the case is an
    expected failure of the reader (the writer's fidelity to the tree is checked separately, always)."""
    import json

    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8")).get("footnotes") or []
    document = _read_or_skip(path)
    data = unconvert.write(document, "docx", context=CONTEXT)
    assert_notes_where_the_tree_has_them(document, data)
    if not gold:
        return

    def fold(text: str) -> str:
        shown = " ".join(text.replace("\t", " ").split())
        if path.stem.endswith("_ara"):
            shown = shown.removesuffix("(")  # Arabic prints its marks as "(1)"; the "(" stays text
        return shown

    anchors = [fold(note["anchor"])[-20:] for note in gold]
    tree = [fold(before) for _, before in notes_with_text_before(document)]
    if len(tree) != len(gold) or not all(t.endswith(a) for t, a in zip(tree, anchors, strict=True)):
        pytest.xfail("the reader's tree places or counts footnotes differently from the Word original")
    refs = _references_with_preceding_text(data)
    assert len(refs) == len(gold)
    for (_, before), anchor in zip(refs, anchors, strict=True):
        assert fold(before).endswith(anchor), (path.name, anchor, before[-60:])


def notes_with_text_before(node: object, lead: str = "") -> Iterator[tuple[Footnote, str]]:
    """Every footnote of a tree with the printed text before it in its run of inlines; the content of a numbered
    paragraph or item starts with its number and a tab, as Word prints it (the gold's anchors include it), and a
    part's label notes follow its label."""
    if isinstance(node, tuple) and node and all(isinstance(n, INLINE_TYPES) for n in node):
        before: list[str] = [lead]

        def walk(inlines: tuple[Inline, ...]) -> Iterator[tuple[Footnote, str]]:
            for inline in inlines:
                if isinstance(inline, Footnote):
                    yield inline, "".join(before)
                elif isinstance(inline, (Emphasis, Strong)):
                    yield from walk(inline.children)
                else:
                    before.append(printed((inline,)))

        yield from walk(node)
    elif isinstance(node, tuple):
        for item in node:
            yield from notes_with_text_before(item)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type) and not isinstance(node, Footnote):
        num = printed((Text(text=node.num or ""),)).strip() if isinstance(node, OperativeParagraph | Point) else ""
        label = printed((Text(text=node.label or ""),)) if isinstance(node, Part) else ""
        for f in dataclasses.fields(node):
            lead = num + "\t" if num and f.name == "content" else label if f.name == "label_notes" else ""
            yield from notes_with_text_before(getattr(node, f.name), lead)


def assert_notes_where_the_tree_has_them(document: Document, data: bytes) -> None:
    tree = list(notes_with_text_before(document))
    refs = _references_with_preceding_text(data)
    notes = xml(data, "word/footnotes.xml").findall(f"{W}footnote")[2:]
    assert len(tree) == len(refs) == len(notes) == len(all_notes(document))
    for (note, before), (ref_id, shown), element in zip(tree, refs, notes, strict=True):
        assert element.get(f"{W}id") == ref_id
        assert shown.endswith(before[-20:]), (before[-20:], shown[-40:])
        text = "\n".join(text_of(p) for p in element.findall(f"{W}p")).removeprefix("\t\t")  # tab, mark, tab
        printed_note = "\n".join(printed(p) for p in note.paragraphs)
        assert text.endswith(printed_note)


@pytest.mark.slow
def test_libreoffice_opens_a_sample_without_repair(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    documents_ = [seed_document(), _arabic_document(), _in(Language.ZH, seed_document()), annex_table_document()]
    documents_ += [_read_or_skip(p) for p in sample_dumps()[:4]]
    names = []
    for index, document in enumerate(documents_):
        target = tmp_path / f"doc{index}.docx"
        target.write_bytes(write(document, context=CONTEXT))
        names.append(target)
    result = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, names),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    for name in names:
        pdf = name.with_suffix(".pdf")
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), (name.name, result.stderr[-500:])
    assert "repair" not in (result.stdout + result.stderr).lower()


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_every_shared_corpus_document_converts() -> None:
    failures = []
    for path in shared_dumps():
        try:
            data = unconvert.write(_read_or_skip(path), "docx", context=CONTEXT)
            docx.Document(io.BytesIO(data))
        except Exception as exc:  # collect every failure, then report them together
            failures.append(f"{path.name}: {exc!r}")
    assert not failures, failures[:10]


def test_sample_corpus_is_bundled() -> None:
    assert SAMPLE_CORPUS.is_dir() and sample_dumps()


def test_write_speed_of_the_seed(benchmark: Any) -> None:
    """How long one warm conversion takes (reported by pytest-benchmark; never asserted: machines differ)."""
    document = seed_document()
    write(document, context=CONTEXT)
    data = benchmark(write, document, context=CONTEXT)
    assert data == write(document, context=CONTEXT)


# What the writer had to adapt, reported as docx-… diagnostics with the source line (the bytes stay the same)


def adapted(document: Document) -> list[tuple[str, str, int | None]]:
    """The DOCX writer's diagnostics for ``document``, after checking they change nothing in the bytes."""
    rendered = unconvert.render(document, "docx", context=CONTEXT)
    assert rendered.data == write(document, context=CONTEXT)
    return [(d.severity.value, d.code, d.line) for d in rendered.diagnostics]


def _with_body(*blocks: Block) -> Document:
    seed = seed_document()
    return dataclasses.replace(seed, parts=(dataclasses.replace(seed.parts[0], body=blocks),), annexes=())


def test_the_seed_needs_no_adaptation() -> None:
    assert adapted(seed_document()) == []


def test_what_word_cannot_hold_is_reported_where_it_stands() -> None:
    inner = Footnote(marker="a", paragraphs=((Text(text="inner"),),), line=21)
    outer = Footnote(marker="1", paragraphs=((Text(text="outer"), inner),), line=20)
    body = (
        Para(content=(Text(text="Bell\x07", line=10), outer), line=10),
        Para(content=(Text(text="See"), NoteRef(marker="9", line=11)), line=11),
        Table(rows=(Row(cells=()),), line=12),
        Table(rows=(Row(cells=(Cell(paragraphs=()), Cell(paragraphs=()))), Row(cells=(Cell(paragraphs=()),), line=14))),
    )
    assert adapted(_with_body(*body)) == [
        ("warning", "docx-characters-dropped", 10),
        ("warning", "docx-note-in-note", 21),
        ("info", "docx-noteref-unlinked", 11),
        ("info", "docx-table-empty", 12),
        ("info", "docx-row-filled", 14),
    ]


def test_a_long_title_stays_whole_in_the_running_heads() -> None:
    seed = seed_document()
    title = " ".join(f"word{i}" for i in range(40))
    long = dataclasses.replace(seed, meta=dataclasses.replace(seed.meta, title=title))
    assert adapted(long) == []
    with zipfile.ZipFile(io.BytesIO(unconvert.write(long, "docx", context=CONTEXT))) as package:
        for part in ("word/header2.xml", "word/header3.xml"):
            assert title in "".join(etree.fromstring(package.read(part)).itertext())


def test_first_page_footer_prints_the_footer_s_date_and_the_barcode() -> None:
    doc = seed_document()
    dated = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, print_date=dt.date(2010, 1, 6)))
    with zipfile.ZipFile(io.BytesIO(unconvert.write(dated, "docx", context=CONTEXT))) as package:
        footer = etree.fromstring(package.read("word/footer1.xml"))
        assert "".join(footer.itertext()).strip() == "09-47281 (E)    060110"
        blip = footer.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
        assert blip is not None
        rels = package.read("word/_rels/footer1.xml.rels").decode()
        assert (
            'Target="media/barcode.png"' in rels
            and 'Default Extension="png"' in package.read("[Content_Types].xml").decode()
        )
        image = package.read("word/media/barcode.png")
    assert image.startswith(b"\x89PNG") and image == barcode.png("0947281")
    pattern = barcode.bars("0947281")
    assert pattern[0] and pattern[-1] and len(pattern) > 100  # starts and ends with a bar of '*'
    with zipfile.ZipFile(io.BytesIO(unconvert.write(doc, "docx", context=CONTEXT))) as package:
        undated = "".join(etree.fromstring(package.read("word/footer1.xml")).itertext()).strip()
    assert undated == "09-47281 (E)"  # the seed's footer gives no print date: none is printed


def test_a_tall_row_may_break_across_pages_a_short_one_moves_whole() -> None:
    """Word cannot place a row taller than a page that may not break (it cuts it off): only short rows are kept
    whole; a cell of ~100,000 characters still makes a table, and the writer completes on it."""
    long_text = " ".join(f"w{i}" for i in range(20_000))
    rows = (
        Row(cells=(Cell(paragraphs=((Text(text="short"),),)), Cell(paragraphs=((Text(text="cell"),),)))),
        Row(cells=(Cell(paragraphs=((Text(text=long_text),),)), Cell(paragraphs=((Text(text="x"),),)))),
    )
    document = dataclasses.replace(seed_document(), parts=(Part(body=(Table(rows=rows),)),), annexes=())
    reopened = docx.Document(io.BytesIO(write(document, context=CONTEXT)))
    (table,) = reopened.tables
    short, tall = (row._tr.find(f"{W}trPr/{W}cantSplit") for row in table.rows)
    assert short is not None and tall is None
    assert table.rows[1].cells[0].text == long_text


@pytest.mark.parametrize(("language", "mirrored"), [(Language.EN, False), (Language.AR, True)])
def test_footers_put_the_page_number_outside_mirrored_in_arabic(language: Language, mirrored: bool) -> None:
    """``n/N`` on the outer edge (left on even pages, right on odd) and the job number inside; a right-to-left
    document mirrors both, as its PDF and running heads do; its first page's job line and barcode stand on the
    right."""
    document = seed_document()
    document = dataclasses.replace(document, meta=dataclasses.replace(document.meta, language=language))
    data = write(document, context=CONTEXT)
    for part, even in (("word/footer2.xml", True), ("word/footer3.xml", False)):
        footer = xml(data, part)
        first = next(el for el in footer.iter() if el.tag in (f"{W}t", f"{W}fldSimple"))
        number_left = even != mirrored
        assert (first.tag == f"{W}fldSimple") == number_left, part
    first_page = xml(data, "word/footer1.xml")
    sides = {jc.get(f"{W}val") for jc in first_page.iter(f"{W}jc")}
    assert sides == ({"right"} if mirrored else set())


def test_links_and_runs_copied_from_templates_keep_their_own_ids_and_spaces() -> None:
    """Runs and hyperlinks are copies of templates whose id and text are set afterwards (issue #13): each link keeps
    its own relationship id, written before ``w:history``, and a text with a space at an end keeps it."""
    content = (
        SymbolRef(symbol="A/64/L.34", text="A/64/L.34"),
        Text(text=" and "),
        SymbolRef(symbol="S/RES/2685 (2023)", text=" resolution 2685 (2023) "),
    )
    paragraph = OperativeParagraph(num="1.", content=content)
    doc = dataclasses.replace(
        seed_document(), parts=(dataclasses.replace(seed_document().parts[0], body=(paragraph,)),)
    )
    data = write(doc, context=CONTEXT)
    body = xml(data, "word/document.xml")
    links = body.findall(f".//{W}hyperlink")
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    assert all(list(link.attrib) == [r_id, f"{W}history"] for link in links)
    links = links[-2:]  # this paragraph's (the seed's formula may hold links too)
    assert links[0].get(r_id) != links[1].get(r_id)
    assert ["".join(link.itertext()) for link in links] == ["A/64/L.34", " resolution 2685 (2023) "]
    spaced = [t for t in body.iter(f"{W}t") if t.text in (" and ", " resolution 2685 (2023) ")]
    assert len(spaced) == 2
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for t in spaced)
