"""``unconvert parity``: the language versions of one document compared (issue #9). A version that lacks one
operative paragraph or one footnote is always caught, and named; versions that agree are said to agree."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import unconvert
from conftest import SAMPLE_CORPUS, SHARED_CORPUS
from unconvert.cli import main
from unconvert.parity import compare, outline
from unconvert.tree import Document, Footnote, OperativeParagraph, find_all

LANGUAGES = ("eng", "fra", "spa", "rus", "ara", "zho")
SAMPLE = [SAMPLE_CORPUS / "akn4un" / "77" / lang / f"A_RES_77_125_{lang}.txt" for lang in LANGUAGES]
# Six-language sets of the shared corpus that agree (GA, SC, a decision), when it is beside the clone; A/RES/77/259
# lays its section numbers out as a body paragraph in Arabic (``⇥أولا``), as headings in the other languages;
# A/RES/80/226's annex has sub-parts up to ``C.`` (``جيم -`` in Arabic) and French paragraph numbers alone on a line
SHARED_SETS = [
    ("77", "A_RES_77_8"),
    ("sc2023", "S_RES_2674_2023"),
    ("gadec77", "A_DEC_77_401"),
    ("77", "A_RES_77_259"),
    ("80", "A_RES_80_226"),
]


def versions(folder: Path, stem: str) -> list[Path]:
    return [folder / lang / f"{stem}_{lang}.txt" for lang in LANGUAGES]


@pytest.fixture(scope="module")
def sample() -> list[Document]:
    return [unconvert.read(p) for p in SAMPLE]


def test_the_six_versions_of_a_resolution_agree(sample: list[Document]) -> None:
    report = compare(sample, [p.name for p in SAMPLE])
    assert report.agree, "\n".join(map(str, report.disagreements))
    assert report.languages == ("en", "fr", "es", "ru", "ar", "zh")


def _without_paragraph(document: Document, index: int) -> Document:
    """``document`` without its ``index``-th numbered operative paragraph (its first part)."""
    part = document.parts[0]
    numbered = [i for i, b in enumerate(part.body) if isinstance(b, OperativeParagraph) and b.num]
    drop = numbered[index]
    body = part.body[:drop] + part.body[drop + 1 :]
    return dataclasses.replace(document, parts=(dataclasses.replace(part, body=body), *document.parts[1:]))


def test_a_version_without_an_operative_paragraph_is_always_caught(sample: list[Document]) -> None:
    """Each numbered paragraph left out of each version in turn: the report names that version and paragraph."""
    count = sum(1 for b in sample[0].parts[0].body if isinstance(b, OperativeParagraph) and b.num)
    assert count >= 5
    for v, document in enumerate(sample):
        for index in range(count):
            changed = [*sample[:v], _without_paragraph(document, index), *sample[v + 1 :]]
            report = compare(changed)
            assert not report.agree
            assert {d.language for d in report.disagreements} == {document.meta.language.value}
            assert any(d.where == f"paragraph {index + 1}" and "missing" in d.what for d in report.disagreements)


def _without_note(document: Document, target: Footnote) -> Document:
    """``document`` without the footnote ``target`` (its mark and its text), wherever it stands."""

    def rebuild(node: object) -> object:
        if isinstance(node, tuple):
            items = tuple(rebuild(i) for i in node if i is not target)
            return items
        if dataclasses.is_dataclass(node) and not isinstance(node, type):
            changes = {f.name: rebuild(getattr(node, f.name)) for f in dataclasses.fields(node) if f.name != "meta"}
            return dataclasses.replace(node, **changes)  # type: ignore[arg-type]
        return node

    result = rebuild(document)
    assert isinstance(result, Document)
    return result


def test_a_version_without_a_footnote_is_always_caught(sample: list[Document]) -> None:
    """Each footnote left out of each version in turn (mark and text): caught, in that version."""
    for v, document in enumerate(sample):
        notes = find_all(document, Footnote)
        assert notes
        for note in notes:
            changed = [*sample[:v], _without_note(document, note), *sample[v + 1 :]]
            report = compare(changed)
            assert not report.agree, f"note {note.marker} of {document.meta.language.value} not missed"
            assert {d.language for d in report.disagreements} == {document.meta.language.value}
            assert any("footnote" in d.what for d in report.disagreements)


def test_two_versions_name_both_sides(sample: list[Document]) -> None:
    english, french = sample[0], _without_paragraph(sample[1], 2)
    report = compare([english, french], ["en.txt", "fr.txt"])
    (missing,) = report.disagreements
    assert (missing.language, missing.name, missing.where) == ("fr", "fr.txt", "paragraph 3")
    assert str(missing).startswith("fr.txt:")


def test_points_are_compared_by_their_place_in_each_language_series() -> None:
    """``(b)``, ``б)``, ``(ب)``, ``(ii)``, ``(二)`` are the same point; ``(i)`` after ``(h)`` is a letter."""
    from unconvert.parity import _point_numbers

    latin = tuple("abcdefghijklmnopqrstuvwxyz")
    assert _point_numbers(["(a)", "(b)"], latin, ()) == [1, 2]
    assert _point_numbers(["(i)", "(ii)", "(iii)"], latin, ()) == [1, 2, 3]
    assert _point_numbers([f"({c})" for c in "abcdefghij"], latin, ())[-2:] == [9, 10]
    assert _point_numbers(["а)", "с)"], latin, ()) == [1, 3]  # Cyrillic look-alikes in a Russian file
    arabic = ("أ", "ب", "ج", "د", "هـ", "و")
    assert _point_numbers(["(أ)", "(ﻫ)"], arabic, ()) == [1, 5]
    assert _point_numbers(["(一)", "㈡"], latin, ("一", "二")) == [1, 2]


def test_sections_are_compared_whatever_their_layout(sample: list[Document]) -> None:
    """A section's number and title laid out as body paragraphs (``⇥I`` / ``⇥Title``, two unnumbered paragraphs
    in the tree, as the UN marks them) give the outline of a section set as headings (A/RES/80/110: Arabic
    headings, the others body paragraphs); spelt section numbers count in their series (``حادي عاشر`` is 11)."""
    from unconvert.tree import Block, Language, Section, Text

    def para(text: str, num: str | None = None) -> OperativeParagraph:
        return OperativeParagraph(num=num, content=(Text(text=text),))

    def document(language: Language, body: tuple[Block, ...]) -> Document:
        part = dataclasses.replace(sample[0].parts[0], preamble=None, body=body, conclusions=None)
        meta = dataclasses.replace(sample[0].meta, language=language)
        return dataclasses.replace(sample[0], meta=meta, parts=(part,), annexes=())

    laid_out = (para("I"), para("Title"), para("Decides", "1."), para("II"), para("Other"), para("Requests", "2."))
    english = document(Language.EN, laid_out)
    arabic = document(
        Language.AR,
        (
            Section(num="أولا", heading=(Text(text="عنوان"),), children=(para("تقرر", "1 -"),)),
            Section(num="ثانيا", heading=(Text(text="عنوان"),), children=(para("تطلب", "2 -"),)),
        ),
    )
    assert [i.key for i in outline(english)] == [i.key for i in outline(arabic)]
    assert "P1/sec2/op2" in [i.key for i in outline(english)]
    eleventh = document(Language.AR, (Section(num="حادي عاشر", heading=(), children=()),))
    assert [i.key for i in outline(eleventh)][-1] == "P1/sec11"


def test_the_references_each_paragraph_cites_are_compared(sample: list[Document]) -> None:
    items = outline(sample[0])
    assert any(item.references for item in items)


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside this clone")
@pytest.mark.parametrize(("folder", "stem"), SHARED_SETS)
def test_corpus_sets_that_agree(folder: str, stem: str) -> None:
    paths = versions(SHARED_CORPUS / "akn4un" / folder, stem)
    report = compare([unconvert.read(p) for p in paths], [p.name for p in paths])
    assert report.agree, "\n".join(map(str, report.disagreements))


def test_cli_exit_status_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parity", "-q", *map(str, SAMPLE)]) == 0
    # a version with paragraph 2 taken out of the dump: caught, with the file's line
    lines = SAMPLE[1].read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.lstrip("\t").startswith("2.\t"))
    edited = tmp_path / SAMPLE[1].name
    edited.write_text("".join(lines[:at] + lines[at + 1 :]), encoding="utf-8")
    capsys.readouterr()
    assert main(["parity", "--json", str(SAMPLE[0]), str(edited), *map(str, SAMPLE[2:])]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["agree"] is False
    assert next((d["language"], d["where"]) for d in report["disagreements"]) == ("fr", "paragraph 2")
    assert main(["parity", str(SAMPLE[0])]) == 2
