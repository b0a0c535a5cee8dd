"""The PDF's text layer as readers get it (issue #12): pdftotext gives the words of every language in reading order,
Arabic included, and footnote marks are not read as part of the word they follow.

Arabic is drawn in display order (reportlab applies no bidi); an extractor reorders each line itself. poppler's
reordering (pdftotext, Evince, Okular: ``reorderText`` in its TextOutputDev) is simpler than the Unicode algorithm,
and ``shaping.with_reading_marks`` adds the zero-width marks that make it read every line back in logical order.
``poppler_reads`` below is that reordering, so that the rule is checked on any line without poppler; the corpus
test runs the real ``pdftotext`` (poppler-utils, installed by ``scripts/install.sh``) through
``scripts/text_layer_recall.py``, the measure the issue quotes (word recall against the gold paragraphs).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SAMPLE_CORPUS, examples
from unconvert.writers.pdf import shaping


def _recall_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("text_layer_recall", ROOT / "scripts" / "text_layer_recall.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# one resolution in the six languages, and a Security Council resolution in Arabic (numbers, dates, symbols)
SAMPLE = [
    *sorted(SAMPLE_CORPUS.glob("akn4un/77/*/A_RES_77_125_*.txt")),
    SAMPLE_CORPUS / "akn4un/sc2023/ara/S_RES_2674_2023_ara.txt",
]


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_pdftotext_gives_the_words_of_every_language(path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext not found: scripts/install.sh installs poppler-utils")
    result = _recall_script().measure(path)
    assert result["found"] >= 0.99 * result["total"], result["missing"]
    assert result["pair_found"] >= 0.99 * result["pair_total"]  # and in reading order


def test_the_sample_has_every_language() -> None:
    assert {p.stem.rsplit("_", 1)[1] for p in SAMPLE} == {"ara", "eng", "fra", "rus", "spa", "zho"}


def poppler_reads(shown: str) -> str:
    """A right-to-left line, given as drawn (left to right), as poppler reorders it: from the right end, a run of
    anything but left-to-right letters and numbers is reversed; then, from a left-to-right letter or a number, a
    run of anything but right-to-left letters is kept as it stands; and so on leftwards."""
    kind = shaping._reader_class
    out: list[str] = []
    i = len(shown) - 1
    while i >= 0:
        j = i
        while j >= 0 and kind(shown[j]) not in ("L", "#"):
            j -= 1
        out.extend(shown[k] for k in range(i, j, -1))
        i = j
        while j >= 0 and kind(shown[j]) != "R":
            j -= 1
        out.extend(shown[j + 1 : i + 1])
        i = j
    return "".join(out)


WORDS = [
    "القرار", "المؤرخ", "الجمعية", "في", "و", "12", "76/81", "2021", "A/RES/77/1", "United", "Nations",
    "(A/77/400)", "(1967)", "50", "١٢", "ST/SGB/2013/4", "،", "؛", ".", ":", "/", "-", "%",
]  # fmt: skip
_GLUED = ("،", "؛", ".", ":")  # punctuation follows the word before it
_MARKS = re.compile("[\u061c\u200b]")
# poppler does not mirror brackets: they are compared as brackets, not as opening or closing ones
_BRACKETS = re.compile(r"[()\[\]{}«»]")


def _line(words: list[str]) -> str:
    text = ""
    for word in words:
        text += ("" if word in _GLUED or not text else " ") + word
    return text


def _shown(text: str) -> str:
    drawn = shaping.with_reading_marks(shaping.visual_levels([(ch, 0) for ch in shaping.shape(text)]))
    return "".join(ch for ch, _ in drawn)


@settings(max_examples=examples(300))
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(_line))
def test_poppler_reads_any_right_to_left_line_in_logical_order(text: str) -> None:
    read = unicodedata.normalize("NFKC", _MARKS.sub("", poppler_reads(_shown(text))))
    assert _BRACKETS.sub("|", read) == _BRACKETS.sub("|", unicodedata.normalize("NFKC", text))


def test_without_the_marks_poppler_runs_a_number_into_the_next_word() -> None:
    text = "القرار 76/81 المؤرخ 2021"
    bare = "".join(ch for ch, _, _ in shaping.visual_levels([(ch, 0) for ch in shaping.shape(text)]))
    assert unicodedata.normalize("NFKC", poppler_reads(bare)) != text
    assert unicodedata.normalize("NFKC", _MARKS.sub("", poppler_reads(_shown(text)))) == text


def test_a_footnote_mark_is_a_word_of_its_own() -> None:
    text = shaping.shape("الأراضي المحتلة، وقرارها 1949")
    chars = [(ch, 0) for ch in text[:15]] + [(ch, 1) for ch in "1"] + [(ch, 0) for ch in text[15:]] + [("3", 1)]
    drawn = "".join(ch for ch, _ in shaping.with_reading_marks(shaping.visual_levels(chars), {1}))
    read = unicodedata.normalize("NFKC", poppler_reads(drawn))
    words = re.findall(r"\w+", read)
    assert "المحتلة" in words and "1949" in words and "1" in words and "3" in words
