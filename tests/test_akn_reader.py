"""The AKN reader (``readers/akn``): our own AKN read back exactly, the UN's AKN4UN files read as the UN writes
them, detection by content, and hostile or foreign XML refused with its line.

The whole corpus is measured by scripts (quoted in the commit that added them): ``scripts/akn_fixed_point.py``
(every dump's AKN is a fixed point of read-then-write) and ``scripts/score_akn_reader.py`` (the scorer on the UN's
``*.akn.xml``). Here: a fixed stratified sample of both when ../shared/corpus is beside the clone, and the bundled
UN files of ``tests/data/akn4un`` always.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from dataclasses import fields, is_dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import unconvert
from conftest import ROOT, SHARED_CORPUS, examples
from strategies import EXAMPLES, real_documents, seed_document
from unconvert import registry
from unconvert.context import Context
from unconvert.errors import ReadError
from unconvert.tree import (
    Conclusions,
    Document,
    LineBreak,
    OperativeParagraph,
    Para,
    ParaRole,
    Part,
    Point,
    PreambularParagraph,
    canonical,
    find_all,
)

FIXED = Context.fixed()
UN_SAMPLE = ROOT / "tests" / "data" / "akn4un"
SCORER = SHARED_CORPUS.parent / "tools" / "score.py"
LANGUAGES = ("eng", "fra", "spa", "rus", "ara", "zho")
# The round-trip property's examples: 40 in the default (CI) profile keep it a few seconds on the 2-core machine;
# UNCONVERT_HYPOTHESIS_PROFILE=long tries 800 at random (conftest.examples). Checked once with 2,000 random
# examples when the property was made exact (issue #11).
ROUND_TRIP_EXAMPLES = 40


def akn(document: Document) -> bytes:
    return unconvert.write(document, "akn", context=FIXED)


def back(data: bytes) -> Document:
    return unconvert.read(data, format="akn")


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(node: Any) -> Any:
    """``node`` with the characters XML cannot carry taken out of every string (the writer drops them)."""
    if isinstance(node, Enum):
        return node
    if isinstance(node, str):
        return NOT_XML.sub("", node)
    if isinstance(node, tuple):
        return tuple(_xml_safe(item) for item in node)
    if is_dataclass(node) and not isinstance(node, type):
        return replace(node, **{f.name: _xml_safe(getattr(node, f.name)) for f in fields(node) if f.init})
    return node


# -- our own AKN ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_read_back_to_the_same_tree_and_bytes(name: str) -> None:
    document = EXAMPLES[name]()
    data = akn(document)
    again = back(data)
    assert akn(again) == data
    assert again == canonical(document)


def test_seed_reads_back_to_the_very_tree() -> None:
    document = seed_document()
    assert back(akn(document)) == document


@settings(max_examples=examples(ROUND_TRIP_EXAMPLES), suppress_health_check=list(HealthCheck))
@given(real_documents().map(_xml_safe))
def test_any_tree_written_and_read_back_gives_an_equal_tree(document: Document) -> None:
    """For any tree, its AKN reads back to the same tree, in its canonical form (``unconvert.tree.canonical``:
    adjacent texts are one run, an empty note or cell has no paragraph …), and writes the same AKN again.
    The trees hold no character XML cannot carry (the writer drops those, and says so), and nothing a real
    document cannot hold (``strategies.real_documents``: a reference to a note the document lacks, a numbered
    paragraph among the recitals)."""
    data = akn(document)
    tree = back(data)
    assert tree == canonical(document)
    assert akn(tree) == data


def test_a_recital_whose_phrase_is_a_role_or_nothing_reads_back_as_a_recital() -> None:
    seed = seed_document()
    part = seed.parts[0]
    assert part.preamble is not None
    recitals = tuple(
        PreambularParagraph(phrase=phrase, content=(unconvert.tree.Text(text="text"),))
        for phrase in ("text", "preambular", "", "paragraph")
    )
    children = (*recitals, Para(content=(unconvert.tree.Text(text="quoted"),), role=ParaRole.QUOTE))
    document = replace(seed, parts=(replace(part, preamble=replace(part.preamble, children=children)),))
    assert back(akn(document)) == document


def test_the_running_head_reads_back_line_by_line() -> None:
    """``Meta.running_head`` (which tree equality ignores) is kept in ``akn4un:facts``, its line breaks as ``&#10;``,
    and read back exactly: a real one (A/RES/72/244 breaks its title after "Adopt the") and one with characters
    an attribute must escape, an empty line and blanks at the ends of a line."""
    real = unconvert.read(ROOT / "tests" / "data" / "corpus" / "word" / "A_RES_72_244.txt", format="ods")
    assert real.meta.running_head == (
        "Modalities for the Intergovernmental Conference to Adopt the",
        "Global Compact for Safe, Orderly and Regular Migration",
    )
    seed = seed_document()
    odd = replace(seed, meta=replace(seed.meta, running_head=('a & b < "c"\tx', "", "  two  ", "中文")))
    for document in (real, odd):
        data = akn(document)
        again = back(data)
        assert again.meta.running_head == document.meta.running_head
        assert akn(again) == data
    assert back(akn(seed)).meta.running_head == ()


def test_real_trees_read_back_to_themselves() -> None:
    """The trees the ODS reader makes of the bundled dumps: their AKN reads back to the very tree (canonical)."""
    for path in sorted((ROOT / "tests" / "data" / "corpus").rglob("*.txt")):
        document = unconvert.read(path, format="ods")
        assert back(akn(document)) == canonical(document), path


def _stratified(paths: list[Path], per_folder: int) -> list[Path]:
    chosen: dict[Path, list[Path]] = {}
    for path in paths:
        chosen.setdefault(path.parent, [])
        if len(chosen[path.parent]) < per_folder:
            chosen[path.parent].append(path)
    return [p for group in chosen.values() for p in group]


def _shared_dumps() -> list[Path]:
    if not SHARED_CORPUS.is_dir():
        return []
    every = sorted(p for p in SHARED_CORPUS.rglob("*.txt") if p.with_suffix(".gold.json").exists())
    return _stratified(every, 2)


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside this clone")
def test_corpus_akn_is_a_fixed_point_of_read_then_write() -> None:
    """Two dumps of every folder (set and language) of the corpus; all 1,280: scripts/akn_fixed_point.py."""
    for path in _shared_dumps():
        first = akn(unconvert.read(path, format="ods"))
        assert akn(back(first)) == first, path


def test_bundled_dumps_are_fixed_points() -> None:
    for path in sorted((ROOT / "tests" / "data" / "corpus").rglob("*.txt")):
        first = akn(unconvert.read(path, format="ods"))
        assert akn(back(first)) == first, path


# -- the UN's AKN4UN ------------------------------------------------------------------------------------------
def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).translate(
        str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
    )


def _output_text(data: bytes) -> str:
    root = etree.fromstring(data)
    for note in root.iter("{*}authorialNote", "{*}meta"):
        note.clear(keep_tail=True)
    return _key("".join(root.itertext()))


@pytest.mark.parametrize("path", sorted(UN_SAMPLE.glob("*.akn.xml")), ids=lambda p: p.name[: -len(".akn.xml")])
def test_un_file_reads_into_valid_akn_that_keeps_every_paragraph(path: Path) -> None:
    document = unconvert.read(path)  # detected by content
    gold = json.loads(path.with_name(path.name.replace(".akn.xml", ".gold.json")).read_text(encoding="utf-8"))
    data = akn(document)  # the AKN writer validates against the XSD
    text = _output_text(data)
    missing = [p for p in gold["paragraphs"] if _key(p) not in text]
    assert not missing, missing[:3]
    assert document.meta.symbol == gold["meta"]["symbol"]
    assert str(document.meta.adoption_date) == gold["meta"]["adoption_date"]
    notes = {n.marker for n in find_all(document, unconvert.tree.Footnote)}
    assert notes == {n["marker"] for n in gold["footnotes"]}


def test_un_deviations_are_repaired_or_kept_with_a_warning_each() -> None:
    arabic = unconvert.read(UN_SAMPLE / "A_RES_77_67_ara.akn.xml")
    assert [d.code for d in arabic.diagnostics].count("akn-points-as-siblings") == 1
    assert all(not isinstance(block, Point) for block in arabic.parts[0].body)  # nested in their paragraphs
    number_in_text = unconvert.read(UN_SAMPLE / "A_RES_75_192_eng.akn.xml")
    assert "akn-number-in-text" in [d.code for d in number_in_text.diagnostics]
    kept = [b for b in number_in_text.parts[0].body if isinstance(b, OperativeParagraph) and b.num is None]
    assert unconvert.tree.plain_text(kept[0].content).startswith("(a) To uphold")  # the text keeps its number
    collection = unconvert.read(UN_SAMPLE / "A_RES_77_256_A-B_eng.akn.xml")
    assert [part.label for part in collection.parts] == ["A", "B"]
    decision = unconvert.read(UN_SAMPLE / "A_DEC_78_513_eng.akn.xml")
    assert decision.meta.kind.value == "decision"
    assert [p.num for p in decision.parts[0].body[0].children if isinstance(p, Point)][:2] == ["(a)", "(b)"]


def test_arabic_marks_lose_their_raised_brackets_and_placeholder() -> None:
    document = unconvert.read(UN_SAMPLE / "A_RES_77_125_ara.akn.xml")
    for note in find_all(document, unconvert.tree.Footnote):
        first = unconvert.tree.plain_text(note.paragraphs[0])
        assert not first.startswith("()"), first


def test_un_closing_lines_lose_the_blanks_around_their_line_breaks() -> None:
    data = (
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta>'
        b'<identification source="#dgacm"><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression>'
        b"</identification></meta><mainBody><paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
        b'</mainBody><conclusions><p><inline name="adoptionMeeting" title="65th">65th plenary meeting</inline> \t'
        b'<eol/> <docDate date="2009-12-18" refersTo="#adoptionDate">18 December 2009</docDate></p></conclusions>'
        b"</statement></akomaNtoso>"
    )
    conclusions = unconvert.read(data, format="akn").parts[0].conclusions
    assert conclusions is not None
    assert [[type(node).__name__ for node in line] for line in conclusions.lines] == [["MeetingRef"], ["DateRef"]]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_un_file_renders_in_six_languages(language: str, fmt: str) -> None:
    document = unconvert.read(UN_SAMPLE / f"A_RES_77_125_{language}.akn.xml")
    data = unconvert.write(document, fmt, context=FIXED)
    assert data.startswith(b"PK" if fmt == "docx" else b"%PDF")


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py is not beside this clone")
def test_scorer_on_a_stratified_sample_of_the_un_files(tmp_path: Path) -> None:
    """The scorer's own gold on three UN files of every folder (set and language) of the AKN track, read by the
    AKN reader and written as AKN; the whole track (1,163 files): scripts/score_akn_reader.py."""
    sample = tmp_path / "sample"
    every = sorted(p for p in (SHARED_CORPUS / "akn4un").rglob("*.txt") if p.with_suffix(".akn.xml").exists())
    for path in _stratified(every, 3):
        folder = sample / path.parent.relative_to(SHARED_CORPUS)
        folder.mkdir(parents=True, exist_ok=True)
        stem = path.name[: -len(".txt")]
        for suffix in (".txt", ".gold.json", ".akn.xml"):
            (folder / (stem + suffix)).symlink_to(path.with_name(stem + suffix))
    report = tmp_path / "score.json"
    command = f"{sys.executable} {ROOT / 'scripts' / 'akn_sibling.py'} {{inputs}} {{outdir}}"
    subprocess.run(
        [sys.executable, str(SCORER), str(sample), "--cmd", command, "--chunk", "60", "--jobs", "2", "--json",
         str(report)],
        check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    sys.path.insert(0, str(ROOT / "scripts"))
    from score_akn_reader import THRESHOLDS, failures, means

    score = json.loads(report.read_text(encoding="utf-8"))
    assert score["summary"]["failed_runs"] == 0
    table = means(score)
    # Some of the UN's Chinese files leave the job number (docketNumber) empty, and the gold takes it from the
    # dump: the reader does not invent it, which caps zho's meta (0.982 on the whole track). Each zho miss must be
    # exactly that; every other threshold holds as it is.
    for record in score["docs"]:
        if record["lang"] == "zho" and record["metrics"]["meta"] < 1:
            missed = {k for k, v in record["details"]["meta"].items() if v < 1} - {"ods_job"}
            assert missed == {"job_number"}, record["id"]
            un_file = Path(record["input"]).with_suffix(".akn.xml")
            assert re.search(rb"<docketNumber[^>]*>\s*<", un_file.read_bytes()), record["id"]
    table["meta"].pop("zho")
    assert failures(table, THRESHOLDS) == []


# -- detection and bad input ----------------------------------------------------------------------------------
def test_formats_are_told_by_content() -> None:
    assert registry.detect(akn(seed_document())).name == "akn"
    assert registry.detect((UN_SAMPLE / "A_RES_77_125_eng.akn.xml").read_bytes()).name == "akn"
    assert registry.detect((ROOT / "examples" / "A_RES_64_183.txt").read_bytes()).name == "ods"
    document = unconvert.read(akn(seed_document()), name="resolution.txt")  # the name does not decide
    assert document == seed_document()


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b'<?xml version="1.0"?>\n<!-- a comment -->\n<html><body/></html>', 3, "<html>"),
        (b"<akomaNtoso>\n<statement/></akomaNtoso>", 1, "namespace"),
        (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<statement>\n</akomaNtoso>', 3, ""),
        (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n\n<act/></akomaNtoso>', 3, "<act>"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<statement>&xxe;</statement>'
            b"</akomaNtoso>",
            4,
            "entity",
        ),
    ],
)
def test_xml_that_is_not_akn_is_refused_with_its_line(data: bytes, line: int, words: str) -> None:
    for fmt in (None, "akn"):
        with pytest.raises(ReadError) as caught:
            unconvert.read(data, format=fmt, name="bad.xml")
        assert caught.value.line == line
        assert words in str(caught.value)
        assert "bad.xml" in str(caught.value)


def test_a_billion_laughs_expands_nothing() -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(8))
        + b']>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>&i;</statement>'
        b"</akomaNtoso>"
    )
    with pytest.raises(ReadError, match="entit"):
        unconvert.read(laughs, format="akn")


def test_a_zip_or_ole_file_no_reader_takes_is_refused_by_name() -> None:
    for head in (b"PK\x03\x04rest", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"):
        detected = None
        try:
            detected = registry.detect(head).name
        except ReadError as exc:
            assert "no installed reader" in str(exc)
        assert detected in (None, "docx", "doc")  # a Word reader, once installed, takes them


def test_a_line_break_alone_in_the_closing_lines_reads_back_as_two_lines() -> None:
    """Found by the round-trip property on a fresh machine: AKN writes a line break inside a closing line and
    the break between two lines both as ``<eol/>``, so the canonical tree splits the line there."""
    document = replace(
        seed_document(),
        parts=(
            Part(label=None, label_notes=(), title=(), preamble=None, body=(), conclusions=None),
            Part(
                label=None,
                label_notes=(),
                title=(),
                preamble=None,
                body=(),
                conclusions=Conclusions(lines=((LineBreak(),),)),
            ),
        ),
        annexes=(),
    )
    data = akn(document)
    tree = back(data)
    assert tree == canonical(document)
    assert akn(tree) == data
