"""The plain-text writer: layout of the seed, wrapping and hanging indents, tables, footnotes, Arabic and Chinese,
determinism, and that it never raises on any tree."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import unconvert
from conftest import ROOT, UPDATE_GOLDENS, examples, sample_dumps
from strategies import EXAMPLES, documents, seed_document, tree_words
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic, Severity
from unconvert.tree import (
    Block,
    Cell,
    Document,
    Footnote,
    Language,
    NoteRef,
    OperativeParagraph,
    Para,
    PreambularParagraph,
    RawBlock,
    Row,
    Table,
    Text,
    find_all,
)
from unconvert.writers.text import (
    WIDTH,
    display_width,
    wrap,
    write,
)

FIXED = Context.fixed()


def text(doc: Document) -> str:
    data = write(doc, context=FIXED)
    return data.decode("utf-8")


def test_seed_matches_golden_file() -> None:
    data = write(seed_document(), context=FIXED)
    golden = ROOT / "tests" / "golden" / "A_RES_64_183.txt"
    if UPDATE_GOLDENS:
        golden.write_bytes(data)
    assert golden.exists(), "run with UNCONVERT_UPDATE_GOLDENS=1 to create the golden file"
    assert data == golden.read_bytes()


def test_seed_reading_copy_layout() -> None:
    out = text(seed_document())
    lines = out.rstrip("\n").split("\n")
    assert lines[0].startswith("United Nations") and lines[0].endswith("A/RES/64/183")
    assert "Resolution adopted by the General Assembly on 18 December 2009" in lines
    assert "[without reference to a Main Committee (A/64/L.34 and Add.1)]" in lines
    assert "64/183. Cooperation between the United Nations and the Shanghai Cooperation" in lines
    assert "    The General Assembly," in lines
    assert any(line.startswith("    Recalling also the Articles") for line in lines)
    first = next(i for i, line in enumerate(lines) if line.startswith("    1.      Takes note"))
    assert lines[first + 1].startswith(" " * 12) and not lines[first + 1].startswith(" " * 13)
    assert any(line.strip() == "65th plenary meeting" for line in lines)
    assert lines[-1] == "[1] See A/55/1010-S/2001/667, annex I, para. 5."
    assert "the principles of the Charter,[1]" in out
    assert out.endswith("\n") and "\r" not in out and "\t" not in out
    assert all(display_width(line) <= WIDTH for line in lines)


def test_every_word_of_the_seed_is_in_the_text() -> None:
    doc = seed_document()
    out = text(doc)
    for part in doc.parts:
        assert part.preamble is not None
        for block in (*part.preamble.children, *part.body):
            assert isinstance(block, PreambularParagraph | OperativeParagraph)
            words = " ".join(t.text for t in block.content if isinstance(t, Text)).split()
            assert all(word in out for word in words)


def test_points_are_indented_further_and_tables_aligned() -> None:
    out = text(EXAMPLES["annex_table"]())
    lines = out.rstrip("\n").split("\n")
    assert "        (a) The global threat;" in lines
    assert "            (i) one;" in lines
    header = next(line for line in lines if "Section" in line and "Amount" in line)
    row = next(line for line in lines if "Overall policy-making" in line)
    assert header.index("Amount") == row.index("123,456")
    assert any(line.strip() == "Annex" for line in lines)
    assert any(line.strip() == "I Oceans" for line in lines)
    assert lines[-1] == "[2] A note."


def test_wrap_keeps_hanging_indent_and_hard_breaks() -> None:
    lines = wrap("word " * 40 + "\nnext", 30, "  1. ", "     ")
    assert lines[0].startswith("  1. word") and all(line.startswith("     ") for line in lines[1:])
    assert all(len(line) <= 30 for line in lines)
    assert lines[-1] == "     next"
    assert wrap("x" * 50, 20, "", "") == ["x" * 50]
    assert wrap("appropriates 82\u00a0193\u00a0200 dollars", 20, "", "") == [
        "appropriates",
        "82\u00a0193\u00a0200 dollars",
    ]


def test_chinese_breaks_between_characters_and_counts_double_width() -> None:
    sentence = "大会，回顾其关于上海合作组织的决议，" * 10
    lines = wrap(sentence, 40, "", "")
    assert len(lines) > 1
    assert all(display_width(line) <= 40 for line in lines)
    assert "".join(lines) == sentence


def test_arabic_stays_in_logical_order() -> None:
    doc = seed_document()
    arabic = "إن الجمعية العامة،"
    part = dataclasses.replace(
        doc.parts[0],
        preamble=dataclasses.replace(doc.parts[0].preamble, formula=(Text(text=arabic),)),  # type: ignore[arg-type]
    )
    doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, language=Language.AR), parts=(part,))
    out = text(doc)
    assert arabic in out
    assert all(unicodedata.bidirectional(c) not in ("RLO", "LRO", "RLE", "LRE") for c in out)
    assert "A/RES/64/183" in out.split("\n")[:3]


def test_deterministic_and_through_the_registry() -> None:
    for make in EXAMPLES.values():
        assert write(make(), context=FIXED) == write(make(), context=Context.fixed(2030))
    assert unconvert.write(seed_document(), "text") == write(seed_document(), context=FIXED)
    assert unconvert.write(seed_document(), "txt") == write(seed_document(), context=FIXED)


def without_note_refs(node: Any) -> Any:
    """``node`` with every ``NoteRef`` taken out (the tree's words then stand as the writer prints them)."""
    if isinstance(node, tuple):
        return tuple(without_note_refs(n) for n in node if not isinstance(n, NoteRef))
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {f.name: without_note_refs(getattr(node, f.name)) for f in dataclasses.fields(node)}
        return dataclasses.replace(node, **changes)
    return node


def assert_all_words_in(doc: Document, out: str) -> None:
    """Every word of the tree is in the reading copy (spaces and line breaks aside: wrapping moves them). A second
    reference to a note prints ``[n]`` inside a word of the tree's text (``Secretary-General;[1],``) or joins the
    group before it (``[4,5]``); ``test_note_refs`` checks those marks, and here the words are checked in the
    reading copy of the tree without them."""
    if find_all(doc, NoteRef):
        doc = without_note_refs(doc)
        out = write(doc, context=FIXED).decode("utf-8")
    squeezed = "".join(out.split())
    missing = [word for word in tree_words(doc) if word not in squeezed]
    assert not missing, missing[:5]


def test_nothing_of_the_examples_is_lost() -> None:
    for make in EXAMPLES.values():
        assert_all_words_in(make(), text(make()))


@pytest.mark.parametrize("path", sample_dumps(), ids=lambda p: p.stem)
def test_sample_corpus_reading_copies_keep_every_word(path: Path) -> None:
    doc = unconvert.read(path)
    assert_all_words_in(doc, text(doc))


@settings(max_examples=examples(150), suppress_health_check=list(HealthCheck))
@given(documents())
def test_never_raises_and_gives_utf8(doc: Document) -> None:
    data = write(doc, context=FIXED)
    decoded = data.decode("utf-8")
    assert decoded.endswith("\n")
    assert_all_words_in(doc, decoded)
    assert write(doc, context=FIXED) == data


# ----------------------------------------------------------------------------------------------------------------
# What the writer had to adapt, reported as text-… diagnostics with the source line (the bytes stay the same)


def adapted(document: Document) -> list[tuple[Severity, str, int | None]]:
    """The text writer's diagnostics for ``document``, after checking they change nothing in the bytes."""
    rendered = unconvert.render(document, "text", context=FIXED)
    assert rendered.data == write(document, context=FIXED)
    return [(d.severity, d.code, d.line) for d in rendered.diagnostics]


def with_body(*blocks: Block) -> Document:
    return dataclasses.replace(seed_document(), parts=(dataclasses.replace(seed_document().parts[0], body=blocks),))


def cell(text: str, line: int | None = None, colspan: int = 1) -> Cell:
    return Cell(paragraphs=((Text(text=text),),), colspan=colspan, line=line)


def test_the_seed_needs_no_adaptation() -> None:
    assert adapted(seed_document()) == []


def test_a_table_too_wide_for_columns_is_written_row_by_row_and_says_so() -> None:
    words = " ".join(["appropriation"] * 6)
    wide = Table(rows=(Row(cells=tuple(cell(words) for _ in range(9)), line=21),), line=20)
    assert adapted(with_body(wide)) == [(Severity.INFO, "text-table-as-rows", 20)]
    assert " | ".join([words] * 2) in text(with_body(wide)).replace("\n    ", " ").replace("\n", " ")
    chinese = Table(rows=(Row(cells=(cell("大会回顾其关于上海合作组织的决议" * 6), cell("决议" * 30))),), line=30)
    assert adapted(with_body(chinese)) == [(Severity.INFO, "text-table-as-rows", 30)]
    narrow = Table(rows=(Row(cells=(cell("Section"), cell("Amount"))),), line=40)
    assert adapted(with_body(narrow)) == []


def test_an_empty_table_is_left_out_and_says_so() -> None:
    assert adapted(with_body(Table(rows=(Row(cells=()),), line=7))) == [(Severity.INFO, "text-table-empty", 7)]


def test_a_cell_spanning_columns_is_printed_in_its_first_and_says_so_at_the_cell() -> None:
    table = Table(rows=(Row(cells=(cell("a"), cell("b"))), Row(cells=(cell("Total", line=52, colspan=2),))), line=50)
    assert adapted(with_body(table)) == [(Severity.INFO, "text-cell-span-dropped", 52)]


def test_characters_a_text_file_should_not_hold_are_reported_where_they_stand() -> None:
    note = Footnote(marker="1\x07", paragraphs=((Text(text="fine"),),), line=14)
    doc = with_body(
        RawBlock(kind="raw", text="bell\x07", line=12),
        Para(content=(Text(text="nul\x00", line=13), note), line=13),
    )
    assert sorted(adapted(doc), key=lambda found: found[2] or 0) == [
        (Severity.WARNING, "text-characters-dropped", 12),
        (Severity.WARNING, "text-characters-dropped", 13),
        (Severity.WARNING, "text-characters-dropped", 14),
    ]
    assert "\x07" not in text(doc) and "\x00" not in text(doc)


def test_the_text_writer_called_directly_reports_to_the_context_it_is_given() -> None:
    found: list[Diagnostic] = []
    write(with_body(Table(rows=(), line=7)), context=FIXED.with_sink(found.append))
    assert [d.code for d in found] == ["text-table-empty"]
