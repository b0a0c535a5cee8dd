"""A second reference to a footnote (Word prints the note's number again) in every writer."""

from __future__ import annotations

import io
import subprocess
import zipfile

from lxml import etree

import unconvert
from conftest import SAMPLE_CORPUS
from unconvert.tree import (
    Footnote,
    NoteRef,
    Part,
    Preamble,
    PreambularParagraph,
    Text,
    find_all,
    footnotes_in,
    plain_text,
)

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DUMP = SAMPLE_CORPUS / "word" / "A_RES_72_262C.txt"


def test_reader_gives_note_refs_that_name_earlier_notes() -> None:
    doc = unconvert.read(DUMP)
    xml = unconvert.write(doc, "akn")
    root = etree.fromstring(xml)
    notes = {n.get("eId"): n.get("marker") for n in root.iter(f"{AKN}authorialNote")}
    refs = list(root.iter(f"{AKN}noteRef"))
    assert refs, "A/RES/72/262 C cites several notes a second time"
    for ref in refs:
        assert notes[ref.get("href", "")[1:]] == ref.get("marker")
    text = unconvert.write(doc, "text").decode("utf-8")
    assert text.count("[1]") >= 2
    squeezed = "".join(text.split())
    assert "reportsoftheSecretary-General;[4,5]" in squeezed  # a group of second references, comma raised with it
    assert "Takesnoteofthereportsof" in squeezed and "Secretary-General;," not in squeezed


def test_note_ref_without_a_note_is_dropped_and_the_akn_stays_valid() -> None:
    base = unconvert.read(DUMP)
    para = PreambularParagraph(phrase="Noting", content=(Text(text="Noting the report"), NoteRef(marker="7")))
    doc = type(base)(
        meta=base.meta,
        parts=(Part(preamble=Preamble(formula=(Text(text="The General Assembly,"),), children=(para,))),),
    )
    assert plain_text(para.content) == "Noting the report"
    assert not footnotes_in(para.content)
    xml = unconvert.write(doc, "akn")
    unconvert.validate(xml)
    assert b"noteRef" not in xml
    assert b"Noting the report</p>" in xml


def test_docx_and_pdf_print_the_marker_again() -> None:
    doc = unconvert.read(DUMP)
    refs = find_all(doc, NoteRef)
    # Word numbers a footnote's own reference itself; a NoteRef's number and any separator are printed runs
    printed = [(n.separator, n.marker if isinstance(n, NoteRef) else "") for n in find_all(doc, Footnote | NoteRef)]
    raised = [t for pair in printed for t in pair if t]
    with zipfile.ZipFile(io.BytesIO(unconvert.write(doc, "docx"))) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    marks = [
        run.findtext(f"{W}t")
        for run in body.iter(f"{W}r")
        if run.find(f"{W}rPr/{W}rStyle[@{W}val='FootnoteReference']") is not None and run.find(f"{W}t") is not None
    ]
    assert raised == marks  # each NoteRef's marker, and the separator of a mark that continues a group (``4,5``)
    assert any(r.separator == "," for r in refs)
    # pdftotext places text by its glyph positions (pypdf guesses spaces from gaps, and the UN's 103 % letters
    # with their spacing, Tz and Tc, make it see one between a run and the mark after it)
    pdf = unconvert.write(doc, "pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Takes note of the report of the Secretary-General;1" in text.replace("\n", " ")
