"""The PDF writer, checked the way a reader of the PDF would: by extracting its text with pypdf.

How text is read back (``_pages``): pypdf reports every drawn string with its font size and position. Footnote
marks and note markers are the small strings; body marks stand inside the text column, note markers hang outside
it. Latin, Cyrillic and Chinese lines are read from the drawn strings (Chinese compared character by character).

Arabic is drawn in display order with presentation forms (reportlab applies no OpenType shaping), so the drawn
glyphs read backwards in pypdf, which keeps the drawing order. Text extractors that reorder lines themselves read
them in logical order; the reading-order check reads Arabic as poppler's ``pdftotext`` gives it (``_extracted``:
what Linux viewers copy and search; poppler-utils comes with ``scripts/install.sh``), and
``test_arabic_text_layer_gives_the_drawn_letters`` checks that every page gives exactly the letters it draws
(presentation forms folded back with NFKC).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from bidi.algorithm import get_display
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

import unconvert
from conftest import ROOT, SAMPLE_CORPUS, examples, sample_dumps, shared_dumps
from unconvert.context import Context
from unconvert.errors import WriteError
from unconvert.layout import geometry, typography
from unconvert.tree import (
    Annex,
    Block,
    Cell,
    Conclusions,
    CoverLine,
    CoverRole,
    DocKind,
    Document,
    Emphasis,
    Footnote,
    Inline,
    Language,
    Masthead,
    Meta,
    NoteRef,
    OperativeParagraph,
    Organ,
    Para,
    Part,
    Point,
    Preamble,
    PreambularParagraph,
    Preface,
    RawBlock,
    Row,
    Section,
    Strong,
    SymbolRef,
    Table,
    Text,
    footnotes_in,
    plain_text,
)
from unconvert.writers.pdf import fonts, lines, shaping, write
from unconvert.writers.pdf import page as pdf_page

sys.path.insert(0, str(Path(__file__).parent))
from strategies import EXAMPLES, documents

CONTEXT = Context.fixed()


# --- reading a PDF back ------------------------------------------------------------------------------------------


@dataclass
class Chunk:
    text: str
    x: float
    y: float
    size: float


@dataclass
class Page:
    chunks: list[Chunk]
    text: str  # pypdf's plain extraction


@functools.lru_cache(maxsize=4)
def _pages(pdf: bytes) -> list[Page]:
    return _read_pages(pdf)


@functools.lru_cache(maxsize=4)
def _extracted(pdf: bytes) -> list[str]:
    """Per page, the text poppler's ``pdftotext`` extracts (reading order, right-to-left lines reordered)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext not found: scripts/install.sh installs poppler-utils")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(pdf)
        tmp.flush()
        done = subprocess.run([exe, "-enc", "UTF-8", tmp.name, "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8").split("\f")[: len(_pages(pdf))]


def _collector(chunks: list[Chunk]) -> Callable[[str, list[float], list[float], object, float], None]:
    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append(Chunk(text, x, y, size))

    return visit


def _read_pages(pdf: bytes) -> list[Page]:
    out: list[Page] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        chunks: list[Chunk] = []
        text = page.extract_text(visitor_text=_collector(chunks))
        out.append(Page(chunks, text))
    return out


def _body_size(pages: list[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for chunk in page.chunks:
            sizes[round(chunk.size, 1)] += len(chunk.text)
    return sizes.most_common(1)[0][0]


def _in_body(chunk: Chunk, page_number: int) -> bool:
    top = pdf_page.PAPER.height - (200 if page_number == 1 else geometry.PRINT_BODY_TOP - 2)
    return geometry.PRINT_BODY_BOTTOM - 2 <= chunk.y <= top


def _marks(
    pages: list[Page], rtl: bool, title_size: float = typography.LATIN.title.size
) -> tuple[list[list[str]], list[list[str]]]:
    """Per page: the footnote marks in the text, and the markers of the notes that start at its foot. A mark is
    smaller than the body's text, or the superscript of a title-size line (a part letter's ``B1``)."""
    size = _body_size(pages)
    title_mark = round(title_size * 0.62, 1)
    left, right = pdf_page.COLUMN_X - 0.5, pdf_page.COLUMN_X + pdf_page.COLUMN + 0.5
    in_text: list[list[str]] = []
    at_foot: list[list[str]] = []
    for number, page in enumerate(pages, 1):
        lines: list[list[Chunk]] = []  # body marks, line by line
        markers: list[str] = []
        for chunk in page.chunks:
            is_mark = chunk.size < 0.75 * size or round(chunk.size, 1) == title_mark
            if not is_mark or not chunk.text.strip() or not _in_body(chunk, number):
                continue
            if (chunk.x > right) if rtl else (chunk.x < left):
                markers.append(chunk.text.strip())
            elif lines and abs(lines[-1][-1].y - chunk.y) < 1:
                lines[-1].append(chunk)
            else:
                lines.append([chunk])
        marks: list[str] = []
        for line in lines:
            # pypdf joins the marks of one line with a space; a right-to-left line reads them from the right; a group
            # of marks (``4,5``) is printed with its separators
            found = [m for c in sorted(line, key=lambda c: c.x) for m in re.split(r"[\s,\u2013]+", c.text) if m]
            marks.extend(reversed(found) if rtl else found)
        in_text.append(marks)
        at_foot.append(markers)
    return in_text, at_foot


def _logical_lines(pages: list[Page]) -> list[str]:
    """Every drawn line of every page in drawing order, footnote marks left out."""
    size = _body_size(pages)
    out: list[str] = []
    for page in pages:
        parts: list[str] = []
        last_y: float | None = None
        for chunk in page.chunks:
            if chunk.text == "\n" or (last_y is not None and abs(chunk.y - last_y) > size * 0.9):
                out.append("".join(parts))
                parts = []
            if chunk.text == "\n":
                last_y = None
                continue
            if chunk.size < 0.75 * size:
                continue
            text = chunk.text.replace("\n", " ")
            if parts and parts[-1] and text and not parts[-1][-1].isspace() and not text[0].isspace():
                parts.append(" ")  # another run on the same line (a number, a table cell)
            parts.append(text)
            last_y = chunk.y
        out.append("".join(parts))
    return out


_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+")


def tokens(text: str) -> list[str]:
    """Words (Chinese: characters) for comparison: NFKC, no diacritics, no punctuation."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn" and ch != "\u0640")
    return _TOKEN.findall(text)


def in_order(expected: list[str], found: list[str]) -> float:
    """Share of ``expected`` found in ``found`` in the same order. A greedy forward match (each token looked for
    in the next few thousand found tokens) gives a common subsequence, so a lower bound of the longest one;
    only when that bound is low is the slower ``difflib`` matching computed."""
    if not expected:
        return 1.0
    matched, j = 0, 0
    for token in expected:
        try:
            k = found.index(token, j, j + 3000)
        except ValueError:
            continue
        matched, j = matched + 1, k + 1
    if matched >= 0.995 * len(expected):
        return matched / len(expected)
    matcher = difflib.SequenceMatcher(None, expected, found, autojunk=False)
    return max(matched, sum(block.size for block in matcher.get_matching_blocks())) / len(expected)


# --- what the tree says ------------------------------------------------------------------------------------------


def _block_texts(block: Block, tables: bool = True) -> list[tuple[Inline, ...]]:
    match block:
        case Para(content=c) | PreambularParagraph(content=c):
            return [c]
        case (
            OperativeParagraph(num=num, content=c, children=kids, wrap_up=w)
            | Point(num=num, content=c, children=kids, wrap_up=w)
        ):
            out: list[tuple[Inline, ...]] = [(Text(text=f"{num or ''} "), *c)]
            for kid in kids:
                out.extend(_block_texts(kid, tables))
            return [*out, w]
        case Section(num=num, heading=h, children=kids):
            out = [(Text(text=f"{num} "), *h)]
            for kid in kids:
                out.extend(_block_texts(kid, tables))
            return out
        case Table(rows=rows):
            return [p for row in rows for cell in row.cells for p in cell.paragraphs] if tables else []
        case RawBlock(text=t):
            return [(Text(text=t),)]
    raise AssertionError(block)


def body_texts(doc: Document, tables: bool = True) -> list[tuple[Inline, ...]]:
    """The document's text runs in reading order, as the PDF should print them (``tables=False``: without the
    tables' cells)."""
    out: list[tuple[Inline, ...]] = [line.content for line in doc.cover]
    if doc.preface:
        out.append((Text(text=f"{doc.preface.number} "), *doc.preface.title))
    for part in doc.parts:
        out.append((Text(text=part.label or ""), *part.label_notes))
        if part.preamble:
            out.append(part.preamble.formula)
            for block in part.preamble.children:
                out.extend(_block_texts(block, tables))
        for block in part.body:
            out.extend(_block_texts(block, tables))
        if part.conclusions:
            out.extend(part.conclusions.lines)
    for annex in doc.annexes:
        out.append(annex.label)
        out.extend(annex.headings)
        for block in annex.children:
            out.extend(_block_texts(block, tables))
    return out


def table_cells(doc: Document) -> list[str]:
    """The plain text of every table cell."""
    found: list[str] = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            match block:
                case Table(rows=rows):
                    found.extend("\n".join(plain_text(p) for p in c.paragraphs) for r in rows for c in r.cells)
                case OperativeParagraph(children=kids) | Point(children=kids) | Section(children=kids):
                    walk(kids)
                case _:
                    pass

    for part in doc.parts:
        walk(part.preamble.children if part.preamble else ())
        walk(part.body)
    for annex in doc.annexes:
        walk(annex.children)
    return found


def marks_of(doc: Document) -> list[tuple[str, bool]]:
    """Every footnote mark in reading order: ``(marker, True)`` for a note, ``(marker, False)`` for a
    ``NoteRef``."""
    found: list[tuple[str, bool]] = []

    def walk(inlines: tuple[Inline, ...]) -> None:
        for node in inlines:
            match node:
                case Footnote(marker=m):
                    found.append((m, True))
                case NoteRef(marker=m):
                    found.append((m, False))
                case Emphasis(children=c) | Strong(children=c):
                    walk(c)
                case _:
                    pass

    for content in body_texts(doc):
        walk(content)
    return found


def notes_of(doc: Document) -> list[Footnote]:
    notes: list[Footnote] = []
    for content in body_texts(doc):
        notes.extend(footnotes_in(content))
    return notes


# --- a hand-built document ---------------------------------------------------------------------------------------

LONG = (
    "the full implementation of the Agenda by 2030, its recognition that eradicating poverty in all its forms "
    "and dimensions, including extreme poverty, is the greatest global challenge"
)


def _t(text: str) -> Text:
    return Text(text=text)


def _note(marker: str, text: str) -> Footnote:
    return Footnote(marker=marker, paragraphs=((_t(text),),))


def hand_built(language: Language = Language.EN) -> Document:
    """A long resolution with every kind of block, notes of every length (one longer than the room left under
    its paragraph), sections, points within points, an annex with a table."""
    count = iter(range(1, 1000))

    def note(words: int) -> Footnote:
        n = next(count)
        return _note(str(n), f"Note {n} begins here; " + " ".join(f"word{n}x{i}" for i in range(words)) + ".")

    preamble = tuple(
        PreambularParagraph(
            phrase="Recalling also",
            content=(
                Emphasis(children=(_t("Recalling also"),)),
                _t(f" its resolution 57/{i}"),
                note(4 if i != 5 else 260),
                _t(f" of {i} November 2002 on " + LONG + ","),
            ),
        )
        for i in range(1, 9)
    )
    operative: list[Block] = []
    for i in range(1, 31):
        content: tuple[Inline, ...] = (Emphasis(children=(_t("Calls upon"),)), _t(f" all States, in paragraph {i}, "))
        if i % 6 == 0:
            content += (note(20 * (i % 4 + 1)),)
        content += (_t(LONG + ";"),)
        kids: tuple[Block, ...] = ()
        if i == 3:
            kids = (
                Point(num="(a)", content=(_t("To continue " + LONG + ";"),)),
                Point(
                    num="(b)",
                    content=(_t("To submit:"),),
                    children=(Point(num="(i)", content=(_t("nested " + LONG + ";"),)),),
                ),
            )
        operative.append(OperativeParagraph(num=f"{i}.", content=content, children=kids))
    rows = [Row(cells=tuple(Cell(paragraphs=((_t(h),),), header=True) for h in ("Session", "First", "Second")))]
    rows += [
        Row(
            cells=(
                Cell(paragraphs=((_t(f"Session {r}"),),)),
                Cell(paragraphs=((_t("Latin American and Caribbean States"), note(3)),)),
                Cell(paragraphs=((_t("African States"),),)),
            )
        )
        for r in range(1, 40)
    ]
    return Document(
        meta=Meta(
            kind=DocKind.RESOLUTION,
            organ=Organ.GA,
            language=language,
            symbol="A/RES/99/1",
            number="99/1",
            title="A test of every block",
            job_number="99-00001",
            issue_date=dt.date(2022, 12, 15),
        ),
        masthead=Masthead(
            authority="United Nations",
            symbol="A/RES/99/1",
            organ="General Assembly",
            distribution="Distr.: General",
            date="15 December 2022",
            session="Ninety-ninth session",
            agenda=("Agenda item 1",),
        ),
        cover=(
            CoverLine(role=CoverRole.ADOPTION, content=(_t("Resolution adopted by the General Assembly"),)),
            CoverLine(role=CoverRole.PROPONENT, content=(_t("[without reference to a Main Committee (A/99/L.1)]"),)),
        ),
        preface=Preface(number="99/1.", title=(_t("A test of every block"),)),
        parts=(
            Part(
                preamble=Preamble(
                    formula=(Emphasis(children=(_t("The General Assembly"),)), _t(",")), children=preamble
                ),
                body=(
                    Section(num="I", heading=(_t("Oceans"),), children=tuple(operative[:12])),
                    Section(num="II", heading=(_t("Capacity"),), children=tuple(operative[12:])),
                ),
                conclusions=Conclusions(lines=((_t("52nd plenary meeting"),), (_t("12 December 2022"),))),
            ),
        ),
        annexes=(
            Annex(
                label=(_t("Annex"),),
                headings=((_t("Pattern for the rotation"),),),
                children=(Para(content=(_t("Some text " + LONG),)), Table(rows=tuple(rows))),
            ),
        ),
    )


# --- checks shared by the tests ----------------------------------------------------------------------------------


def assert_notes_on_their_pages(doc: Document, pdf: bytes) -> None:
    """Each note starts at the foot of the page that holds its mark (a second reference to an earlier note, a
    ``NoteRef``, is a mark with no note of its own)."""
    rtl = doc.meta.language.rtl
    pages = _pages(pdf)
    marks, markers = _marks(pages, rtl, typography.typography_for(doc.meta.language).title.size)
    expected = [(m.strip(), is_note) for m, is_note in marks_of(doc) if m.strip()]
    assert [m for page in marks for m in page] == [m for m, _ in expected]
    position = 0
    for number, (page_marks, page_markers) in enumerate(zip(marks, markers, strict=True), 1):
        here = expected[position : position + len(page_marks)]
        position += len(page_marks)
        notes_here = [m for m, is_note in here if is_note]
        assert notes_here == page_markers, f"page {number}: marks {page_marks}, notes {page_markers}"


def assert_reading_order(doc: Document, pdf: bytes, minimum: float = 0.99) -> None:
    """The words of the text, then of the notes, come out in order. Right-to-left documents are read as poppler's
    pdftotext reads them; their table cells are laid out right to left, and poppler reads a table line by line,
    so that the lines of a cell that wraps come between those of its neighbours: there each cell's words must
    appear in order and close together (within three times their number) instead."""
    rtl = doc.meta.language.rtl
    if rtl:
        drawn = "\n".join(_extracted(pdf))
        found = tokens(drawn)
        cells = [tokens(c) for c in table_cells(doc) if tokens(c)]
        assert sum(_near_in_order(cell, found) for cell in cells) >= minimum * len(cells)
    else:
        found = tokens("\n".join(_logical_lines(_pages(pdf))))
    body = [t for content in body_texts(doc, tables=not rtl) for t in tokens(plain_text(content))]
    assert in_order(body, found) >= minimum
    notes = [t for n in notes_of(doc) for p in n.paragraphs for t in tokens(plain_text(p))]
    assert in_order(notes, found) >= minimum


def _near_in_order(words: list[str], found: list[str]) -> bool:
    """Do ``words`` appear in ``found`` in order, spread over at most three times their number?"""
    reach = 3 * len(words)
    start = found.index(words[0]) if words[0] in found else -1
    while start >= 0:
        at, ok = start, True
        for word in words[1:]:
            try:
                at = found.index(word, at + 1, start + reach)
            except ValueError:
                ok = False
                break
        if ok:
            return True
        start = found.index(words[0], start + 1) if words[0] in found[start + 1 :] else -1
    return False


# --- tests -------------------------------------------------------------------------------------------------------


def test_hand_built_document_pages_marks_and_notes() -> None:
    doc = hand_built()
    pdf = write(doc, context=CONTEXT)
    assert pdf.startswith(b"%PDF-")
    pages = _pages(pdf)
    assert len(pages) > 3
    for number, page in enumerate(pages[1:], 2):
        assert f"{number}/{len(pages)}" in page.text
        assert "A/RES/99/1" in page.text  # running head
    assert "99-00001 (E)" in pages[0].text  # job number on page 1
    assert_notes_on_their_pages(doc, pdf)
    assert_reading_order(doc, pdf)


def test_running_heads_and_page_numbers_alternate_sides() -> None:
    """As in the UN's PDFs: even pages carry the symbol and ``n/N`` on the left, odd pages on the right; a
    right-to-left document mirrors this."""
    middle = pdf_page.PAPER.width / 2
    for language, flip in ((Language.EN, False), (Language.AR, True)):
        pages = _pages(write(hand_built(language), context=CONTEXT))
        for number, page in enumerate(pages[1:4], 2):
            symbol = next(c for c in page.chunks if c.text.strip() == "A/RES/99/1")
            folio = next(c for c in page.chunks if c.text.strip() == f"{number}/{len(pages)}")
            left = (number % 2 == 0) != flip
            assert (symbol.x < middle) == left and (folio.x < middle) == left


def test_a_long_note_continues_on_the_next_page() -> None:
    doc = hand_built()
    pages = _pages(write(doc, context=CONTEXT))
    found = [i for i, page in enumerate(pages) if "word5x0 " in page.text or "word5x259." in page.text]
    # note 5 (260 words) starts on the page of its mark and ends on a later page
    assert len(found) == 2 and found[1] == found[0] + 1
    marks, _ = _marks(pages, False)
    assert "5" in marks[found[0]]


def test_metadata_outline_and_dates() -> None:
    doc = hand_built()
    pdf = write(doc, context=Context.fixed(2024, 5, 6))
    reader = PdfReader(io.BytesIO(pdf))
    info = reader.metadata
    assert info is not None
    assert info.title == "A test of every block"
    assert info.subject == "A/RES/99/1"
    assert info.author == "General Assembly"
    assert info.creation_date is not None and info.creation_date.date() == dt.date(2024, 5, 6)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)  # type: ignore[attr-defined]

    walk(reader.outline)
    assert titles[0].startswith("99/1.")
    assert "I Oceans" in titles and "II Capacity" in titles
    assert any(t.startswith("Annex") for t in titles)
    annex_page = reader.get_destination_page_number(
        next(o for o in reader.outline if not isinstance(o, list) and o.title.startswith("Annex"))  # type: ignore[arg-type]
    )
    assert "Pattern for the rotation" in reader.pages[annex_page].extract_text()


def test_cited_symbols_link_to_undocs() -> None:
    path = next(p for p in sample_dumps() if p.stem == "A_RES_77_125_eng")
    doc = unconvert.read(path)
    reader = PdfReader(io.BytesIO(write(doc, context=CONTEXT)))
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots") or []]
    assert "https://undocs.org/A/77/400" in uris  # the committee report cited in the committee line


def test_same_input_same_bytes_and_date_from_context() -> None:
    doc = hand_built()
    first = write(doc, context=CONTEXT)
    assert write(doc, context=CONTEXT) == first
    assert write(doc, context=Context.fixed(2030, 1, 1)) != first


def test_fonts_are_embedded_for_every_script() -> None:
    for language in Language:
        doc = hand_built(language)
        reader = PdfReader(io.BytesIO(write(doc, context=CONTEXT)))
        names: set[str] = set()
        for page in reader.pages[:2]:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor")
                assert descriptor is not None, font  # no base-14 font: everything embedded
                assert "/FontFile2" in descriptor.get_object()
                names.add(str(font["/BaseFont"]))
        wanted = {Language.AR: "Amiri", Language.ZH: "UMing"}.get(language, "LiberationSerif")
        assert any(wanted in name for name in names), names


@pytest.mark.parametrize("path", sample_dumps(), ids=lambda p: p.stem)
def test_sample_corpus_document(path: Path) -> None:
    """Every document of the bundled sample converts; its words come out in order, its notes on their pages."""
    doc = unconvert.read(path)
    pdf = write(doc, context=CONTEXT)
    assert_reading_order(doc, pdf)
    assert_notes_on_their_pages(doc, pdf)
    pages = _pages(pdf)
    if len(pages) > 1:
        assert f"2/{len(pages)}" in pages[1].text


def test_sample_corpus_is_bundled() -> None:
    assert SAMPLE_CORPUS.is_dir() and len(sample_dumps()) >= 6


def test_arabic_is_shaped_and_right_to_left() -> None:
    path = next(p for p in sample_dumps() if p.stem.endswith("_ara"))
    doc = unconvert.read(path)
    pages = _pages(write(doc, context=CONTEXT))
    drawn = "".join(c.text for page in pages for c in page.chunks)
    # joined letters: the contextual forms are drawn, not the bare letters
    assert sum("\ufe70" <= ch <= "\ufeff" for ch in drawn) > 100
    assert not any("\u0621" <= ch <= "\u063a" or "\u0641" <= ch <= "\u064a" for ch in drawn)
    # right to left: a paragraph's first line is flush with the column's right edge
    right = pdf_page.COLUMN_X + pdf_page.COLUMN
    size = _body_size(pages)
    ends = [c.x + 1 for c in pages[0].chunks if c.size == size]
    assert any(abs(x - right) < size * 3 for x in ends)


def _arabic_letters(text: str) -> Counter[str]:
    folded = unicodedata.normalize("NFKC", text)
    return Counter(ch for ch in folded if "\u0621" <= ch <= "\u063a" or "\u0641" <= ch <= "\u064a")


@pytest.mark.parametrize("path", [p for p in sample_dumps() if p.stem.endswith("_ara")], ids=lambda p: p.stem)
def test_arabic_text_layer_gives_the_drawn_letters(path: Path) -> None:
    doc = unconvert.read(path)
    pdf = write(doc, context=CONTEXT)
    for page, extracted in zip(_pages(pdf), _extracted(pdf), strict=True):
        drawn = "".join(c.text for c in page.chunks)
        assert _arabic_letters(drawn) == _arabic_letters(extracted)
        assert _arabic_letters(drawn)  # every page has Arabic lines


def test_arabic_paragraph_numbers_read_from_the_right() -> None:
    path = next(p for p in sample_dumps() if p.stem == "A_RES_77_125_ara")
    doc = unconvert.read(path)
    pdf = write(doc, context=CONTEXT)
    # "1 -" is drawn as "- 1" (the figure rightmost, read first) at the right of the column
    right = [c for page in _pages(pdf) for c in page.chunks if c.x > pdf_page.COLUMN_X + pdf_page.COLUMN * 0.8]
    # the runs of each line joined, the lines apart (two numbers one above the other, joined, would read "-1-2")
    drawn = (
        "".join(("\n" if i and abs(c.y - right[i - 1].y) > 1 else "") + c.text for i, c in enumerate(right))
        .replace(" ", "")
        .replace(shaping.RTL_MARK, "")
    )
    assert "-1" in drawn and "-2" in drawn and "1-" not in drawn
    # and extracted in reading order: the number, then the paragraph's first word
    extracted = [_BIDI_CONTROLS.sub("", line) for page in _extracted(pdf) for line in page.splitlines()]
    assert any(line.startswith("1 - تطلب") for line in map(_nfkc, extracted))


_BIDI_CONTROLS = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_bidi_keeps_numbers_left_to_right() -> None:
    logical = "القرار 76/81 المؤرخ 2021"
    shaped = shaping.shape(logical)
    visual = "".join(ch for ch, _ in shaping.visual_order([(ch, 0) for ch in shaped]))
    assert "76/81" in visual and "2021" in visual
    assert visual.index("2021") < visual.index("76/81")  # the later number stands further left
    assert get_display(unicodedata.normalize("NFKC", visual), base_dir="R") == logical


def test_bidi_keeps_styles_with_their_characters() -> None:
    chars = [(ch, 1 if i < 5 else 2) for i, ch in enumerate(shaping.shape("وإذ تشير إلى القرار"))]
    visual = shaping.visual_order(chars)
    assert Counter(style for _, style in visual) == Counter(style for _, style in chars)
    assert visual[-1][1] == 1  # the first word (italic here) ends up on the right


def test_chinese_breaks_between_ideographs_but_not_before_punctuation() -> None:
    fonts.family_for(Language.ZH)
    style = lines.Style(fonts.CHINESE.regular, 12)
    text = "审议了调查以色列侵害占领区巴勒斯坦人民和其他阿拉伯人人权的行为特别委员会的报告，" * 6
    set_lines = lines.break_lines([lines.Span(text, style)], 200, 200, lines.Setting(cjk=True))
    assert len(set_lines) > 5
    for line in set_lines:
        assert line.width <= 200.01
        assert not "".join(p.text for p in line.pieces).startswith(("，", "。", "、"))
    assert "".join("".join(p.text for p in line.pieces) for line in set_lines) == text


def test_latin_lines_fit_and_keep_every_word() -> None:
    fonts.family_for(Language.EN)
    style = lines.Style(fonts.LATIN.regular, 10)
    text = LONG + " " + "A/RES/77/125-with-a-very-long-unbreakable-symbol-that-is-longer-than-a-line-of-text" * 2
    set_lines = lines.break_lines([lines.Span(text, style)], 150, 200, lines.Setting())
    assert set_lines[0].width <= 150.01
    assert all(line.width <= 200.01 for line in set_lines[1:])
    drawn = "".join("".join(p.text for p in line.pieces) for line in set_lines)
    assert drawn.replace(" ", "") == text.replace(" ", "")


def test_missing_font_names_the_debian_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "SYSTEM_FONTS", tmp_path / "system")
    monkeypatch.setattr(fonts, "LOCAL_FONTS", tmp_path / "local")
    monkeypatch.setenv("UNCONVERT_FONT_DIRS", str(tmp_path / "nothing"))
    face = fonts.Face("Missing", "NoSuchFont.ttf", "fonts-no-such-package", "truetype/no-such")
    with pytest.raises(WriteError, match="fonts-no-such-package"):
        fonts.find(face)


def test_font_folder_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    face = fonts.FACES[0]
    for folder in ("direct", "packaged/liberation2"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / face.file).write_bytes(b"font")
    monkeypatch.setenv("UNCONVERT_FONT_DIRS", f"{tmp_path / 'direct'}{os.pathsep}{tmp_path / 'packaged'}")
    assert fonts.find(face) == tmp_path / "direct" / face.file
    monkeypatch.setenv("UNCONVERT_FONT_DIRS", str(tmp_path / "packaged"))
    assert fonts.find(face) == tmp_path / "packaged" / "liberation2" / face.file


def test_font_lookup_takes_the_package_s_own_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The old fonts-liberation (folder ``liberation``, sorting before ``liberation2``) or a stray copy elsewhere
    is never taken: only the path the named package installs to, whatever else the machine has."""
    monkeypatch.setattr(fonts, "SYSTEM_FONTS", tmp_path)
    monkeypatch.setattr(fonts, "LOCAL_FONTS", tmp_path / "local")
    monkeypatch.delenv("UNCONVERT_FONT_DIRS", raising=False)
    face = fonts.FACES[0]
    for folder in ("truetype/liberation", "truetype/aaa", "truetype/liberation2"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / face.file).write_bytes(folder.encode())
    assert fonts.find(face) == tmp_path / "truetype" / "liberation2" / face.file
    (tmp_path / "truetype" / "liberation2" / face.file).unlink()
    with pytest.raises(WriteError, match="fonts-liberation2"):
        fonts.find(face)


def test_install_script_installs_exactly_the_fonts_the_writer_looks_up() -> None:
    script = (ROOT / "scripts" / "install.sh").read_text(encoding="utf-8")
    apt = script[script.index("APT_PACKAGES=(") : script.index("\n)", script.index("APT_PACKAGES=("))]
    listed = {line.split()[0] for line in apt.splitlines()[1:] if line.strip().startswith("fonts-")}
    assert listed == {face.package for face in fonts.FACES}
    for face in fonts.FACES:
        assert fonts.candidates(face)[-2] == Path("/usr/share/fonts") / face.folder / face.file


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_shapes(name: str) -> None:
    doc = EXAMPLES[name]()
    pdf = write(doc, context=CONTEXT)
    assert_notes_on_their_pages(doc, pdf)
    assert_reading_order(doc, pdf)


@settings(max_examples=examples(40), suppress_health_check=list(HealthCheck))
@given(documents())
def test_any_tree_gives_a_deterministic_pdf(doc: Document) -> None:
    pdf = write(doc, context=CONTEXT)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert write(doc, context=CONTEXT) == pdf
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1


@pytest.mark.slow
@pytest.mark.skipif(not shared_dumps(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", shared_dumps()[::12], ids=lambda p: p.stem)
def test_shared_corpus_document(path: Path) -> None:
    doc = unconvert.read(path)
    pdf = write(doc, context=CONTEXT)
    assert_reading_order(doc, pdf)
    assert_notes_on_their_pages(doc, pdf)


# What the writer had to adapt, reported as pdf-… diagnostics with the source line (the bytes stay the same)


def adapted(doc: Document) -> list[tuple[str, str, int | None]]:
    """The PDF writer's diagnostics for ``doc``, after checking they change nothing in the bytes."""
    rendered = unconvert.render(doc, "pdf", context=CONTEXT)
    assert rendered.data == write(doc, context=CONTEXT)
    return [(d.severity.value, d.code, d.line) for d in rendered.diagnostics]


def test_a_link_longer_than_any_symbol_is_printed_as_plain_text() -> None:
    """A fuzzed "symbol" of 60,000 characters over many lines gave a link annotation with the whole URL on each
    line: the PDF took minutes. Its text stays; the link goes, and the writer says so (issue #13)."""
    base = hand_built()
    long = "A/RES/64/183" * 500
    para = Para(content=(_t("See "), SymbolRef(symbol=long, text=long, line=7), _t(".")), line=7)
    doc = replace(base, parts=(Part(body=(para,)),), annexes=())
    assert adapted(doc) == [("info", "pdf-link-dropped", 7)]
    pdf = write(doc, context=CONTEXT)
    assert b"/URI" not in pdf


def test_what_the_page_cannot_hold_is_reported_where_it_stands() -> None:
    base = hand_built()
    inner = Footnote(marker="a", paragraphs=((_t("inner"),),), line=21)
    outer = Footnote(marker="1", paragraphs=((_t("outer"), inner, NoteRef(marker="1", line=22)),), line=20)
    # sixteen columns whose words cannot stand side by side on the measure (sixteen figures could: a table)
    many = Row(cells=tuple(Cell(paragraphs=((_t(f"Organizations{i}"),),)) for i in range(16)))
    body = (
        Para(content=(_t("A paragraph"), outer), line=10),
        Table(rows=(Row(cells=()),), line=12),
        Table(rows=(many,), line=13),
    )
    doc = replace(
        base,
        parts=(Part(body=body),),
        annexes=(Annex(label=(), headings=(), children=(), line=30),),
    )
    assert adapted(doc) == [
        ("warning", "pdf-note-mark-dropped", 21),
        ("warning", "pdf-note-mark-dropped", 22),
        ("info", "pdf-table-empty", 12),
        ("info", "pdf-table-as-paragraphs", 13),
        ("info", "pdf-annex-empty", 30),
    ]


# --- tables on the grid ------------------------------------------------------------------------------------------


def _table_doc(rows: tuple[Row, ...], language: Language = Language.EN) -> Document:
    return replace(
        hand_built(language), parts=(Part(body=(Para(content=(_t("Before the table."),)), Table(rows=rows))),)
    )


def test_a_table_of_fourteen_columns_is_a_table_with_its_words_whole() -> None:
    """A wide table of figures (a Member State and a figure a year for 13 years) is set as a table on the measure,
    each column as wide as its words need: the names are not broken inside (equal columns gave ``Afghan`` /
    ``istan``), and it is not set as paragraphs (a table is, only when its words cannot stand side by side)."""

    def row(first: str, rest: list[str], header: bool = False) -> Row:
        return Row(cells=tuple(Cell(paragraphs=((_t(text),),), header=header) for text in (first, *rest)))

    states = ("Afghanistan", "Albania", "Bosnia and Herzegovina", "Andorra")
    rows = (
        row("Member State", [f"Year {2010 + k}" for k in range(13)], header=True),
        *(row(name, [f"{r + k}.{k}" for k in range(13)]) for r, name in enumerate(states)),
    )
    rendered = unconvert.render(_table_doc(rows), "pdf", context=CONTEXT)
    assert "pdf-table-as-paragraphs" not in [d.code for d in rendered.diagnostics]
    words = [w for page in _pages(rendered.data) for w in page.text.split()]
    assert {"Afghanistan", "Albania", "Herzegovina", "12.12", "15.12"} <= set(words)
    assert not {w for w in words if w in ("Afghan", "Afgha", "Albani", "Herzegov")}


def test_a_cell_of_very_long_text_stays_in_the_table_and_the_writer_completes() -> None:
    """The fuzzer's class: a line of ~100,000 characters in a cell (reportlab's own table measuring hung on it).
    Every cell is broken into lines once and a row taller than half a page is set as several rows of the grid,
    so a bounded input gives a PDF, still a table (no cell set as paragraphs), with every word in it."""
    words = [f"w{i}" for i in range(20_000)]  # ~118,000 characters
    heading = Row(
        cells=(Cell(paragraphs=((_t("Head one"),),), header=True), Cell(paragraphs=((_t("Head two"),),), header=True))
    )
    long_row = Row(cells=(Cell(paragraphs=((_t(" ".join(words)),),)), Cell(paragraphs=((_t("short"),),))))
    glued = Row(cells=(Cell(paragraphs=((_t("x" * 50_000),),)), Cell(paragraphs=((_t("end"),),))))
    doc = _table_doc((heading, long_row, glued))
    rendered = unconvert.render(doc, "pdf", context=CONTEXT)
    codes = [d.code for d in rendered.diagnostics]
    assert "pdf-table-row-continued" in codes and "pdf-table-as-paragraphs" not in codes
    pages = _pages(rendered.data)
    found = [t for page in pages for t in page.text.split() if re.fullmatch(r"w\d+", t)]
    assert found == words
    assert sum(page.text.count("x") for page in pages) >= 50_000
    # the heading row is repeated on every page the table continues on
    table_pages = [page for page in pages if any(re.fullmatch(r"w\d+", t) for t in page.text.split())]
    assert len(table_pages) > 3 and all("Head one" in page.text for page in table_pages)


@pytest.mark.parametrize("language", [Language.EN, Language.AR, Language.ZH])
def test_many_rows_break_across_pages_with_the_heading_repeated(language: Language) -> None:
    heading = Row(cells=tuple(Cell(paragraphs=((_t(f"H{c}"),),), header=True) for c in range(4)))
    body = tuple(Row(cells=tuple(Cell(paragraphs=((_t(f"r{r}c{c}"),),)) for c in range(4))) for r in range(150))
    doc = _table_doc((heading, *body), language)
    rendered = unconvert.render(doc, "pdf", context=CONTEXT)
    assert not [d for d in rendered.diagnostics if d.code.startswith("pdf-table")]
    pages = _pages(rendered.data)
    seen = [t for page in pages for t in re.findall(r"r\d+c\d+", page.text)]
    assert sorted(set(seen), key=lambda s: tuple(map(int, re.findall(r"\d+", s)))) == [
        f"r{r}c{c}" for r in range(150) for c in range(4)
    ]
    with_rows = [page for page in pages if re.search(r"r\d+c0", page.text)]
    assert len(with_rows) >= 3 and all("H0" in page.text for page in with_rows)


def test_a_right_to_left_cell_spanning_columns_keeps_its_text() -> None:
    """An Arabic table's cell spanning two columns is drawn where its span starts on the mirrored grid (its
    content was put on a column the span covers, which is not drawn: its words were lost)."""

    def cell(text: str, span: int = 1, header: bool = False) -> Cell:
        return Cell(paragraphs=((_t(text),),), colspan=span, header=header)

    rows = (
        Row(cells=(cell("البند", header=True), cell("المبلغ", header=True), cell("الملاحظات", header=True))),
        Row(cells=(cell("المجموع الكلي للميزانية", span=2), cell("نهائي"))),
        Row(cells=(cell("السفر"), cell("١٢٠"), cell("مؤقت"))),
    )
    pdf = unconvert.render(_table_doc(rows, Language.AR), "pdf", context=CONTEXT).data
    found = tokens("\n".join(_extracted(pdf)))
    for text in ("المجموع الكلي للميزانية", "نهائي", "السفر", "مؤقت"):
        assert all(word in found for word in tokens(text)), text


def test_an_annex_follows_the_closing_lines_on_their_page() -> None:
    """As the UN places an annex (A/RES/72/313: label and title under the closing lines, on the same page), not
    on a page of its own; its label and title stay with its first lines."""
    base = hand_built()
    part = replace(base.parts[0], preamble=None, body=(Para(content=(_t("Short text."),)),))
    annex = Annex(
        label=(_t("Annex"),),
        headings=((_t("Pattern for the rotation"),),),
        children=(Para(content=(_t("Annex text " + LONG),)),),
    )
    doc = replace(base, parts=(part,), annexes=(annex,))
    pages = _pages(write(doc, context=CONTEXT))
    assert len(pages) == 1
    chunks = pages[0].chunks
    closing = next(c for c in chunks if "12 December 2022" in c.text)
    label = next(c for c in chunks if c.text.strip() == "Annex")
    title = next(c for c in chunks if "Pattern for the rotation" in c.text)
    assert closing.y - label.y == pytest.approx(30, abs=3)  # A/RES/72/313: 29.5 pt
    assert label.y - title.y == pytest.approx(18, abs=1)
