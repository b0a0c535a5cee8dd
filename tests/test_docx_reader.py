"""The Word reader (``readers/docx``): the UN's Word files into the tree.

- the Word track of ``../shared/corpus`` through the project's scorer, with the thresholds issue #11 sets (skipped
  on a clone without ``../shared``), and the bundled Word files of ``tests/data/corpus/word`` against their gold;
- footnotes at the right words, NOTEREF fields, typed second references, tables with their grid, on small Word
  files built here (and reopened with python-docx, so they are real Word files);
- bad input: a damaged ``.docx``, a zip that is not Word, a ``.doc`` without LibreOffice -> ``ReadError`` naming
  the part or saying what is missing.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

import unconvert
from conftest import ROOT, SAMPLE_CORPUS, SHARED_CORPUS
from unconvert.errors import ReadError
from unconvert.readers.docx import read
from unconvert.tree import Footnote, NoteRef, Table, find_all, plain_text

AKN_NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})
SCORER = SHARED_CORPUS.parent / "tools" / "score.py"
WORD_TRACK = SHARED_CORPUS / "word"
SAMPLE_WORD = sorted((SAMPLE_CORPUS / "word").glob("*.docx"))
THRESHOLDS = {"meta": 0.99, "para_recall": 0.995, "para_precision": 0.995, "footnotes": 0.99, "tables": 0.95}


def key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text).translate(FOLD))


# --- the Word track, scored --------------------------------------------------------------------------------------


@pytest.mark.skipif(not (WORD_TRACK.is_dir() and SCORER.is_file()), reason="../shared/corpus/word is not here")
def test_word_track_meets_the_thresholds(tmp_path: Path) -> None:
    """Every Word original of the Word track, read by this reader and written as AKN, scored against the gold."""
    report = tmp_path / "score.json"
    command = f"{sys.executable} {ROOT / 'scripts' / 'convert_word_track.py'} {{outdir}} {{inputs}}"
    subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(WORD_TRACK),
            "--cmd",
            command,
            "--chunk",
            "40",
            "--jobs",
            "2",
            "--json",
            str(report),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    score: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    assert score["summary"]["failed_runs"] == 0
    assert score["summary"]["valid"] == score["summary"]["documents"] >= 100
    values: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for record in score["docs"]:
        for metric in THRESHOLDS:
            if record["metrics"].get(metric) is not None:
                values[record["lang"]][metric].append(record["metrics"][metric])
    for lang, metrics in values.items():
        for metric, threshold in THRESHOLDS.items():
            if metrics[metric]:
                mean = sum(metrics[metric]) / len(metrics[metric])
                assert mean >= threshold, (lang, metric, mean)


# --- the bundled Word files against their gold -------------------------------------------------------------------


def _text_before_notes(root: etree._Element) -> list[tuple[str, str, str]]:
    """Each authorialNote's marker, text, and the document text before it (notes and meta left out)."""
    seen: list[str] = []
    found: list[tuple[str, str, str]] = []

    def walk(el: etree._Element) -> None:
        if el.tag == f"{AKN_NS}meta":
            return
        if el.tag == f"{AKN_NS}authorialNote":
            found.append((el.get("marker") or "", "".join(el.itertext()), "".join(seen)))
            return
        seen.append(el.text or "")
        for child in el:
            walk(child)
            seen.append(child.tail or "")

    walk(root)
    return found


def _body_text(root: etree._Element) -> str:
    """The document's text, notes and meta left out."""
    if root.tag in (f"{AKN_NS}meta", f"{AKN_NS}authorialNote"):
        return ""
    return (root.text or "") + "".join(_body_text(child) + (child.tail or "") for child in root)


@pytest.mark.parametrize("path", SAMPLE_WORD, ids=[p.stem for p in SAMPLE_WORD])
def test_bundled_word_file_matches_its_gold(path: Path) -> None:
    document = unconvert.read(path, format="docx")
    xml = unconvert.write(document, "akn")
    unconvert.validate(xml)
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    meta, want = document.meta, gold["meta"]
    assert (meta.symbol, meta.number, meta.job_number) == (want["symbol"], want["number"], want["job_number"])
    assert (str(meta.adoption_date), str(meta.issue_date)) == (want["adoption_date"], want["issue_date"])
    assert meta.session is not None and meta.session.number == want["session"]
    assert [a.number for a in meta.agenda_items] == want["agenda_items"]
    assert key(meta.title) == key(want["title"]) and key(meta.meeting or "") == key(want["meeting"])
    assert meta.ods.job == want["ods_job"]
    root = etree.fromstring(xml)
    notes = _text_before_notes(root)
    assert [n[0] for n in notes] == [f["marker"] for f in gold["footnotes"]]
    for (marker, text, before), want_note in zip(notes, gold["footnotes"], strict=True):
        assert key(text) == key(want_note["text"]), marker
        assert key(before).endswith(key(want_note["anchor"])), marker  # the note stands right after its words
    body = key(_body_text(root))
    missing = [p for p in gold["paragraphs"] if key(p) not in body]
    assert not missing


def test_noterefs_of_a_bundled_file_name_notes_given_before() -> None:
    document = read((SAMPLE_CORPUS / "word" / "A_RES_72_8B.docx").read_bytes(), name="A_RES_72_8B.docx")
    refs = find_all(document, NoteRef)
    markers = [n.marker for n in find_all(document, Footnote)]
    assert refs and all(r.marker in markers for r in refs)


# --- small Word files built here -------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/comments.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
</Types>"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdF" Target="footnotes.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/>
<Relationship Id="rIdC" Target="comments.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"/>
</Relationships>"""
_ODS_FIELDS = (
    "&lt;&lt;ODS JOB NO&gt;&gt;N1739299E&lt;&lt;ODS JOB NO&gt;&gt;",
    "&lt;&lt;ODS DOC SYMBOL1&gt;&gt;A/RES/72/999&lt;&lt;ODS DOC SYMBOL1&gt;&gt;",
)
_COMMENTS = (
    f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0">'
    + "".join(f"<w:p><w:r><w:t>{field}</w:t></w:r></w:p>" for field in _ODS_FIELDS)
    + "</w:comment></w:comments>"
)


def p(*runs: str, style: str = "SingleTxt", align: str = "") -> str:
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{"".join(runs)}</w:p>'


def r(text: str, *, italic: bool = False, raised: bool = False) -> str:
    props = ("<w:i/>" if italic else "") + ('<w:vertAlign w:val="superscript"/>' if raised else "")
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


TAB = "<w:r><w:tab/></w:r>"


def note_ref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def noteref_field(printed: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NOTEREF _Ref1 \\f \\h '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{printed}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footnote(note_id: int, text: str) -> str:
    return (
        f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>{TAB}'
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>{TAB}{r(text)}'
        "</w:p></w:footnote>"
    )


def front() -> str:
    return "".join(
        [
            p(r("Seventy-second session"), style="Session"),
            p(r("Agenda item 39"), style="AgendaItemNormal"),
            p(r("Resolution adopted by the General Assembly on 21 December 2017"), style="TitleHCH"),
            p(r("72/999."), TAB, r("A title"), style="TitleH1"),
            p(TAB, r("The General Assembly", italic=True), r(",")),
        ]
    )


def make_docx(body: str, notes: str = "", *, closing: bool = True) -> bytes:
    """A Word file of the UN's shape: ODS comment, the front paragraphs, ``body``, the closing lines."""
    end = p(r("58th plenary meeting"), align="right") + p(r("21 December 2017"), align="right") if closing else ""
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{front()}{body}{end}<w:sectPr/></w:body></w:document>'
    footnotes = (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        f"</w:p></w:footnote>{notes}</w:footnotes>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/footnotes.xml", footnotes)
        archive.writestr("word/comments.xml", _COMMENTS)
    data = buffer.getvalue()
    docx.Document(io.BytesIO(data))  # python-docx opens it: a real Word file
    return data


def test_footnotes_stand_at_their_words_and_noteref_names_the_note() -> None:
    body = p(TAB, r("Recalling", italic=True), r(" its report,"), note_ref(1), r(" and the decision,"))
    body += p(TAB, r("1."), TAB, r("Takes note", italic=True), r(" of the report"), noteref_field("1"), r(";"))
    body += p(
        TAB, r("2."), TAB, r("Decides", italic=True), r(" to act,"), note_ref(2), r(" as agreed"), r("1,2", raised=True)
    )
    document = read(make_docx(body, footnote(1, "A/72/1.") + footnote(2, "Ibid.")), name="t.docx")
    part = document.parts[0]
    assert part.preamble is not None
    recital = part.preamble.children[0]
    content = recital.content  # type: ignore[union-attr]
    at = next(i for i, node in enumerate(content) if isinstance(node, Footnote))
    assert plain_text(content[:at]).endswith("its report,")
    assert content[at] == Footnote(marker="1", paragraphs=((unconvert.tree.Text(text="A/72/1."),),))
    first, second = part.body[0], part.body[1]
    assert [n.marker for n in find_all(first, NoteRef)] == ["1"]  # Word's NOTEREF field
    typed = find_all(second, NoteRef)  # raised figures typed by hand, naming notes given before
    assert [(n.marker, n.separator) for n in typed] == [("1", ""), ("2", ",")]
    assert plain_text(second.content).endswith("as agreed")  # type: ignore[union-attr]
    assert "note-reference-typed" in {d.code for d in document.diagnostics}
    unconvert.validate(unconvert.write(document, "akn"))


def test_raised_figures_naming_no_note_stay_text() -> None:
    body = p(TAB, r("1."), TAB, r("Notes", italic=True), r(" an area of 5 km"), r("2", raised=True), r(";"))
    document = read(make_docx(body), name="t.docx")
    assert plain_text(document.parts[0].body[0].content).endswith("5 km2;")  # type: ignore[union-attr]
    assert not find_all(document, NoteRef)


def test_a_table_keeps_its_grid() -> None:
    def cell(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(r(text))}</w:tc>"

    span, restart, merged = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        + f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{cell('Goal', span)}{cell('Year')}</w:tr>"
        + f"<w:tr>{cell('1', restart)}{cell('Poverty')}{cell('2030')}</w:tr>"
        + f"<w:tr>{cell('', merged)}{cell('Hunger')}{cell('2030')}</w:tr>"
        + "</w:tbl>"
    )
    body = p(TAB, r("1."), TAB, r("Adopts", italic=True), r(" the following goals:")) + table
    document = read(make_docx(body), name="t.docx")
    tables = find_all(document, Table)
    assert len(tables) == 1
    rows = tables[0].rows
    assert [len(row.cells) for row in rows] == [2, 3, 3]
    assert rows[0].cells[0].colspan == 2 and all(c.header for c in rows[0].cells)
    assert [[plain_text(c.paragraphs[0]) if c.paragraphs else "" for c in row.cells] for row in rows] == [
        ["Goal", "Year"],
        ["1", "Poverty", "2030"],
        ["", "Hunger", "2030"],
    ]
    unconvert.validate(unconvert.write(document, "akn"))


# --- bad input ---------------------------------------------------------------------------------------------------


def test_a_damaged_part_is_named() -> None:
    data = make_docx(p(TAB, r("1."), TAB, r("Decides", italic=True), r(" to act.")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            blob = source.read(item.filename)
            target.writestr(item, blob[: len(blob) // 2] if item.filename == "word/footnotes.xml" else blob)
    with pytest.raises(ReadError, match=r"word/footnotes\.xml: damaged XML"):
        read(buffer.getvalue(), name="broken.docx")


def test_a_truncated_docx_is_a_damaged_zip() -> None:
    data = make_docx(p(TAB, r("1."), TAB, r("Decides", italic=True), r(" to act.")))
    with pytest.raises(ReadError, match="damaged zip") as caught:
        read(data[: len(data) // 2], name="cut.docx")
    assert caught.value.name == "cut.docx"


def test_a_zip_that_is_not_word_names_the_missing_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError, match=r"no word/document\.xml part \(it is an Excel workbook\)"):
        read(buffer.getvalue(), name="book.xlsx")


def test_bytes_that_are_no_zip_are_refused() -> None:
    with pytest.raises(ReadError, match="not a Word file"):
        read(b"Seventy-second session\n", name="x.docx")


def test_a_doc_without_libreoffice_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on PATH
    with pytest.raises(ReadError, match="needs LibreOffice"):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), name="old.doc")


def test_the_reader_is_registered() -> None:
    assert "docx" in {f.name for f in unconvert.registry.formats("reader")}
    document = unconvert.read(SAMPLE_WORD[0], format="docx")
    assert document.meta.symbol


# --- six languages: the DOCX writer's files read back ----------------------------------------------------------

SIX_LANGUAGES = sorted((SAMPLE_CORPUS / "akn4un").rglob("*.txt"))


@pytest.mark.parametrize("path", SIX_LANGUAGES, ids=[p.stem for p in SIX_LANGUAGES])
def test_our_docx_reads_back_with_the_same_facts(path: Path) -> None:
    """A dump read, written as DOCX by unconvert and read back by this reader: the same metadata, the same notes
    with the same text, and AKN (valid: the writer checks) with the same text in the same order. The structure may
    differ where Word says more than the dump (a section's number the dump reads as a paragraph)."""
    original = unconvert.read(path)
    back = read(unconvert.write(original, "docx"), name=f"{path.stem}.docx")
    fields = ("kind", "organ", "language", "symbol", "number", "title", "job_number", "issue_date", "adoption_date")
    assert [getattr(back.meta, f) for f in fields] == [getattr(original.meta, f) for f in fields]
    assert (back.meta.session, back.meta.agenda_items) == (original.meta.session, original.meta.agenda_items)
    assert key(back.meta.meeting or "") == key(original.meta.meeting or "")
    notes = [(n.marker, key("".join(plain_text(p) for p in n.paragraphs))) for n in find_all(back, Footnote)]
    assert notes == [
        (n.marker, key("".join(plain_text(p) for p in n.paragraphs))) for n in find_all(original, Footnote)
    ]
    text_back = key(_body_text(etree.fromstring(unconvert.write(back, "akn"))))
    assert text_back == key(_body_text(etree.fromstring(unconvert.write(original, "akn"))))


def test_a_part_too_large_once_unpacked_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip bomb is refused by the unpacked size its directory states, before anything is unpacked (the limit is
    256 MiB; lowered here so that the test stays small)."""
    from unconvert.readers.docx import package

    monkeypatch.setattr(package, "_LARGEST_PART", 4096)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/document.xml", b"<" + b" " * 100_000)
    with pytest.raises(ReadError, match=r"word/document\.xml: 100,001 bytes once unpacked"):
        read(buffer.getvalue(), name="bomb.docx")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_doc_is_read_through_libreoffice(tmp_path: Path) -> None:
    """A Word 97-2003 file (LibreOffice makes one of a bundled .docx) reads to the same facts as the .docx."""
    source = SAMPLE_CORPUS / "word" / "A_RES_72_8B.docx"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    old = (tmp_path / "A_RES_72_8B.doc").read_bytes()
    assert old.startswith(b"\xd0\xcf\x11\xe0")
    from_doc, from_docx = read(old, name="A_RES_72_8B.doc"), read(source.read_bytes(), name=source.name)
    assert from_doc.meta == from_docx.meta
    assert [n.marker for n in find_all(from_doc, Footnote)] == [n.marker for n in find_all(from_docx, Footnote)]
    # LibreOffice's .doc loses the NOTEREF fields' bookmarks (Word then prints "Error: Reference source not found",
    # kept as the text it is): apart from those, the same text
    text_doc = key(_body_text(etree.fromstring(unconvert.write(from_doc, "akn"))))
    text_docx = key(_body_text(etree.fromstring(unconvert.write(from_docx, "akn"))))
    assert difflib.SequenceMatcher(None, text_doc, text_docx, autojunk=False).ratio() > 0.98


def test_a_noteref_that_prints_no_mark_keeps_its_text_with_a_warning() -> None:
    body = p(TAB, r("Recalling", italic=True), r(" its report,"), note_ref(1))
    body += p(
        TAB,
        r("1."),
        TAB,
        r("Notes", italic=True),
        r(" the report;"),
        noteref_field("Error! Reference source not found."),
    )
    document = read(make_docx(body, footnote(1, "A/72/1.")), name="t.docx")
    paragraph = document.parts[0].body[0]
    assert not find_all(paragraph, NoteRef)
    assert plain_text(paragraph.content).endswith("the report;Error! Reference source not found.")  # type: ignore[union-attr]
    assert "noteref-broken" in {d.code for d in document.diagnostics}


def test_footnote_marks_follow_the_numbering_word_is_told() -> None:
    """``w:numStart`` (a part published on its own, its notes going on from 2) and ``w:numFmt`` give the marks."""
    data = make_docx(
        p(TAB, r("1."), TAB, r("Decides", italic=True), r(" to act,"), note_ref(1), r(" now.")), footnote(1, "Ibid.")
    )
    for start, numbering, marker in (("2", "decimal", "2"), ("1", "lowerRoman", "i"), ("3", "chicago", "\u2021")):
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
            for item in source.infolist():
                blob = source.read(item.filename)
                if item.filename == "word/document.xml":
                    numbered = f'<w:sectPr><w:footnotePr><w:numFmt w:val="{numbering}"/><w:numStart w:val="{start}"/>'
                    blob = blob.replace(b"<w:sectPr/>", (numbered + "</w:footnotePr></w:sectPr>").encode())
                target.writestr(item, blob)
        document = read(buffer.getvalue(), name="t.docx")
        assert [n.marker for n in find_all(document, Footnote)] == [marker]
