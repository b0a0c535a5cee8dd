"""Multi-part resolutions and decisions (issue 8, class 4): each part (``A``, ``B`` …) is read as a part of its own,
with its letter, its title, its formula, its preamble, its operative part and its closing lines, and the AKN writes
each as a component of a ``documentCollection``, as the UN's own files do.

Before, part B (its letter, title, formula and preamble) was read as text in part A's closing lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import unconvert
from conftest import SHARED_CORPUS
from test_reader_body import key, preamble_texts, text_of, tree_characters
from unconvert.readers.ods import read
from unconvert.readers.ods.front import parse_front
from unconvert.readers.ods.parts import part_head, part_letter, part_ordinal
from unconvert.readers.ods.stories import decode, split_stories
from unconvert.tree import Document, Language, OperativeParagraph, Point, Section
from unconvert.un.languages import table_for

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANGS = ["ara", "eng", "fra", "rus", "spa", "zho"]
needs_corpus = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="needs ../shared/corpus")


def corpus(rel: str) -> tuple[Document, dict[str, Any], Path]:
    path = SHARED_CORPUS / "akn4un" / rel
    gold: dict[str, Any] = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return read(path.read_bytes(), name=str(path)), gold, path


# --- the rule on its own ----------------------------------------------------------------------------------------


def test_part_letters_in_sequence_before_a_formula() -> None:
    """``B`` is the next part's letter when a formula follows it after its title; an ``A`` after ``A``, or a letter
    with no formula after it (a sub-heading ``B`` of an annex), is no part."""
    table = table_for(Language.EN)
    lines = ["B", "United Nations global communications policies and activities", "The General Assembly,", "Recalling"]
    head = part_head(lines, 0, table, 1, formula=True, after_closing=False)
    assert head is not None and head.titles == (1,) and head.formula == 2
    assert part_head(lines, 0, table, 2, formula=True, after_closing=True) is None  # C expected
    assert part_head(["B", "Outreach services", "1. Requests …"], 0, table, 1, formula=True, after_closing=True) is None
    assert part_ordinal("باء", table_for(Language.AR)) == 1  # Arabic spells its part letters out
    assert [part_ordinal(t, table) for t in ("B1", "B\t1", "B*", "B12")] == [1, 1, 1, 1]  # a note's mark on it
    assert [part_letter(t) for t in ("B1", "\t\tB\t1", "B")] == ["B", "B", "B"]
    assert part_ordinal("باء", table) is None


# --- real documents ---------------------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("lang", LANGS)
def test_collection_parts_with_titles(lang: str) -> None:
    """A/RES/80/84 A-B: two parts, each with its letter, its title (a paragraph of the gold), its formula and its
    preamble; the preambles are the gold's (the French file prints no closing lines under part A)."""
    document, gold, _ = corpus(f"80/{lang}/A_RES_80_84_A-B_{lang}.txt")
    assert [part.label for part in document.parts] == ["A", "B"]
    paragraphs = [key(p) for p in gold["paragraphs"]]
    for part in document.parts:
        assert key(text_of(part.title)) in paragraphs
        assert part.preamble is not None and part.preamble.formula
    ours, wanted = preamble_texts(document), [key(p) for p in gold["preamble"]]
    assert ours[-20:] == wanted[-20:]  # part B's (the Chinese file also puts A's ``敦促 …：`` in A's preamble)
    assert len(ours) == len(wanted)
    if lang != "fra":
        assert all(part.conclusions is not None for part in document.parts)
    assert not [d for d in document.diagnostics if d.code == "text-after-closing"]


@needs_corpus
def test_items_of_an_unnumbered_operative_paragraph() -> None:
    """Part A of A/RES/80/84 opens its operative part with an unnumbered paragraph (``Urges all countries …:``)
    whose items ``(a)`` … ``(f)`` are its own, as the UN's file nests them."""
    document, _, _ = corpus("80/eng/A_RES_80_84_A-B_eng.txt")
    first = document.parts[0].body[0]
    assert isinstance(first, OperativeParagraph) and first.num is None
    assert [p.num for p in first.children if isinstance(p, Point)] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert not [d for d in document.diagnostics if d.code == "point-without-paragraph"]


@needs_corpus
@pytest.mark.parametrize("lang", LANGS)
def test_decision_in_parts(lang: str) -> None:
    """A/DEC/76/559 A-B: a decision in two parts, each one paragraph and its closing lines; Arabic spells the
    letters (``ألف``, ``باء``)."""
    document, gold, _ = corpus(f"gadec76/{lang}/A_DEC_76_559_{lang}.txt")
    assert len(document.parts) == 2
    assert [len(part.body) for part in document.parts] == [1, 1] == [1] * len(gold["operative"])
    assert all(part.conclusions is not None for part in document.parts)
    expected = ["ألف", "باء"] if lang == "ara" else ["A", "B"]
    assert [part.label for part in document.parts] == expected


@needs_corpus
@pytest.mark.parametrize(
    "rel", ["75/eng/A_RES_75_101_A-B_eng.txt", "77/zho/A_RES_77_256_A-B_zho.txt", "80/fra/A_RES_80_84_A-B_fra.txt"]
)
def test_collection_text_is_conserved(rel: str) -> None:
    """Every character from the formula on is in the tree, in order: the part titles included, the part letters
    that stage 2 read as labels left out."""
    path = SHARED_CORPUS / "akn4un" / rel
    data = path.read_bytes()
    stories = split_stories(decode(data, name=path.name), name=path.name)
    front = parse_front(stories, name=path.name)
    document = read(data, name=path.name)
    letters = {(part.line, part.label) for part in document.parts}
    source = "".join(
        line.text for line in stories.main[front.body_start :] if (line.number, line.text.strip()) not in letters
    )
    text, _ = tree_characters(document)
    assert "".join(text.split()) == "".join(source.split())


@needs_corpus
def test_collection_akn_has_a_component_per_part() -> None:
    """The AKN is a ``documentCollection`` with one component per part, each a resolution whose preface holds the
    part's letter and title; the scorer's preamble (every ``preamble`` of the components) is the gold's."""
    document, gold, _ = corpus("75/eng/A_RES_75_101_A-B_eng.txt")
    root = etree.fromstring(unconvert.write(document, "akn"))
    assert root[0].tag == AKN + "documentCollection"
    statements = root.findall(f".//{AKN}components/{AKN}component/{AKN}statement")
    assert len(statements) == 2
    prefaces = [s.find(f"{AKN}preface/{AKN}p") for s in statements]
    assert [p.findtext(f"{AKN}docNumber") for p in prefaces if p is not None] == ["A", "B"]
    titles = ["".join(p.find(f"{AKN}docTitle").itertext()) for p in prefaces if p is not None]  # type: ignore[union-attr]
    assert titles == [
        "Information in the service of humanity",
        "United Nations global communications policies and activities",
    ]
    assert preamble_texts(document) == [key(p) for p in gold["preamble"]]


@needs_corpus
def test_section_title_laid_out_as_a_paragraph() -> None:
    """A/RES/77/256 B spa prints ``⇥⇥I`` and, under it, its title on a one-tab line: the title is an unnumbered
    paragraph of the section, as the UN's file marks it (the English, French and Chinese files set it with two tabs,
    as the section's heading)."""
    document, _, _ = corpus("77/spa/A_RES_77_256_A-B_spa.txt")
    section = next(b for b in document.parts[1].body if isinstance(b, Section) and b.num == "I")
    assert section.heading == ()
    first = section.children[0]
    assert isinstance(first, OperativeParagraph) and first.num is None
    assert text_of(first.content) == "Condiciones de servicio aplicables a ambos cuadros de personal"
    document, _, _ = corpus("77/eng/A_RES_77_256_A-B_eng.txt")
    section = next(b for b in document.parts[1].body if isinstance(b, Section) and b.num == "I")
    assert text_of(section.heading) == "Conditions of service applicable to both categories of staff"
