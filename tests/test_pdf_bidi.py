"""The PDF writer's bidirectional reordering never fails on mixed-direction text (issue #13): python-bidi's
algorithm predates the directional isolates (LRI, RLI, FSI, PDI), which reached its rule I1 and failed an
assertion. ``shaping`` now resolves them as UAX #9 says (an isolate is one neutral from outside, its text resolved
on its own at the next level): every character that prints is kept, once, and the order is the one the Unicode
algorithm of python-bidi's Rust core (unicode-bidi, which implements isolates) gives."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import arabic_reshaper
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unconvert
from conftest import SAMPLE_CORPUS, examples
from unconvert.writers.pdf import shaping
from unconvert.writers.pdf.shaping import RESHAPER_CONFIGURATION, shape, visual_order

# X9 of UAX #9 removes these: they print nothing
REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
BIDI_SAMPLES = (
    "abc ABC 123 ١٢٣ العربية עברית ()[]«»\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)


@settings(max_examples=examples(300))
@given(st.lists(st.one_of(st.sampled_from(BIDI_SAMPLES), st.characters(exclude_categories=["Cs"])), max_size=40))
def test_visual_order_takes_any_mixed_direction_line(text: list[str]) -> None:
    chars = [(ch, i) for i, ch in enumerate(text)]
    shown = visual_order(chars)
    printed = [(ch, i) for ch, i in chars if unicodedata.bidirectional(ch) not in REMOVED]
    shown_at = [i for _, i in shown]
    assert len(shown_at) == len(set(shown_at))  # each character once
    assert {i for _, i in printed} <= set(shown_at) <= {i for _, i in chars}  # the invisible ones may go


def test_an_arabic_document_with_isolates_and_embeddings_writes_its_pdf() -> None:
    path = next(Path(SAMPLE_CORPUS).rglob("*_ara.txt"))
    text = path.read_bytes().decode("utf-8-sig")
    lines = text.split("\n")
    middle = len(lines) // 2
    lines[middle] += " \u2067abc ١٢٣\u2069 \u2066(A/RES/1)\u2069 \u202bxyz\u202c \u2068ب 2\u2069"
    document = unconvert.read(text="\n".join(lines), name=path.name)
    assert unconvert.write(document, "pdf").startswith(b"%PDF")


def _reference_display() -> Callable[[str], str] | None:
    """python-bidi's Rust implementation (0.5 and later), which knows the isolates, or ``None``."""
    try:
        from bidi.wrapper import get_display
    except ImportError:
        return None
    return lambda text: str(get_display(text, base_dir="R"))


CONTROLS = re.compile("[\u2066-\u2069\u202a-\u202e]")
# no brackets: the writer's algorithm predates their pairing rule (N0), which is not what is compared here
ISOLATE_SAMPLES = "ab AB 12 ١٢ عربي עב \u2066\u2067\u2068\u2069"


@pytest.mark.skipif(_reference_display() is None, reason="python-bidi without its Rust core")
@settings(max_examples=examples(300))
@given(st.text(st.sampled_from(ISOLATE_SAMPLES), max_size=30))
def test_isolates_are_ordered_as_the_unicode_algorithm_orders_them(text: str) -> None:
    reference = _reference_display()
    assert reference is not None
    shown = "".join(ch for ch, _ in visual_order([(ch, 0) for ch in text]))
    assert CONTROLS.sub("", shown) == CONTROLS.sub("", reference(text))


@pytest.mark.parametrize(
    ("logical", "shown"),
    [
        ("القرار \u2066A/RES/77/1\u2069 المؤرخ", "خرؤملا A/RES/77/1 رارقلا"),
        ("ab \u2067ج د\u2069 cd", "ab د ج cd"),  # a right-to-left isolate inside Latin: one neutral, its text reversed
        ("\u2068abc\u2069 ب", "ب abc"),  # FSI: left to right, from its first letter
        ("ب \u2069 ج", "ج  ب"),  # a PDI that closes nothing is a neutral
    ],
)
def test_isolates_in_a_right_to_left_line(logical: str, shown: str) -> None:
    assert CONTROLS.sub("", "".join(ch for ch, _ in visual_order([(ch, 0) for ch in logical]))) == shown


PLAIN_RESHAPER = arabic_reshaper.ArabicReshaper(configuration=RESHAPER_CONFIGURATION)
# Letters that join and do not, lam-alef and the name of God (ligatures), harakat, tatweel, the Persian letters
# outside the Arabic block, digits, Latin, punctuation and spaces. (A text with a zero-width joiner is shaped whole.)
SHAPING_SAMPLES = (
    "بتثجحخدذرزسشصضطظعغفقكلمنهويىةءآأإؤئالله\u064b\u064e\u064f\u0650\u0651\u0652\u0640\u067e\u06a9ڤ12٣ A,.() "
)


@settings(max_examples=examples(300))
@given(st.text(st.sampled_from(SHAPING_SAMPLES), max_size=40))
def test_shaping_word_by_word_gives_what_shaping_the_whole_text_gives(text: str) -> None:
    """``shape`` shapes word by word, its reshaper reading its settings once: as arabic-reshaper shapes the whole
    text as it comes."""
    whole = PLAIN_RESHAPER.reshape(text) if any("\u0600" <= ch <= "\u06ff" for ch in text) else text
    assert shape(text) == whole


@pytest.mark.parametrize("text", ["ب\u200dب لا", "\u200dلا", "ب\u200dلا الله"])
def test_a_joiner_before_a_ligature_is_shaped_without_failing(text: str) -> None:
    """arabic-reshaper fails (IndexError) on a zero-width joiner before a lam-alef or the name of God; the text is
    shaped without its joiners, which print nothing."""
    assert shape(text) == PLAIN_RESHAPER.reshape(text.replace("\u200d", ""))


def test_an_arabic_document_with_a_joiner_before_a_ligature_writes_its_pdf() -> None:
    path = next(Path(SAMPLE_CORPUS).rglob("*_ara.txt"))
    lines = path.read_bytes().decode("utf-8-sig").split("\n")
    lines[len(lines) // 2] += " ب\u200dب لا"
    document = unconvert.read(text="\n".join(lines), name=path.name)
    assert unconvert.write(document, "pdf").startswith(b"%PDF")


# right-to-left letters (Arabic, presentation forms, Hebrew), European and Arabic digits, separators, terminators,
# neutrals, brackets and spaces: what the number rules decide between (and a left-to-right letter, a mark or a tab,
# which must take the general path; a paragraph separator, which no line holds, is left out: the shortcut of plain
# right-to-left lines, older than this one, puts it elsewhere than python-bidi does)
NUMBER_SAMPLES = "بتﺏﻻאב0123٠١٢۳+-,./:\u00a0#$%°±!()[]«»?*\"' "


@settings(max_examples=examples(2000))
@given(st.lists(st.sampled_from(NUMBER_SAMPLES + "aZ\u064b\t"), max_size=30))
def test_lines_of_right_to_left_letters_and_numbers_take_a_shortcut_to_the_same_levels(text: list[str]) -> None:
    """``_numbers_levels``, the path of lines without left-to-right letters (most Arabic lines), gives exactly what
    the general algorithm gives: the same characters, order, styles and levels."""
    chars = [(ch, i) for i, ch in enumerate(text)]
    assert shaping.visual_levels(chars) == shaping._uax9_levels(chars)
