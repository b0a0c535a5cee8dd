"""The nesting of items (``readers.ods.lists.nest``), a pure function from a flat sequence of numbered lines to nested
blocks, on the numbering shapes the corpus prints: ``(a)``/``(i)`` in English, ``a)``/``i)`` in French, ``а)`` in
Russian, ``(أ)``/``’1‘`` in Arabic, ``㈠`` in Chinese, bullets beside items, ``(i)`` after ``(h)``, a list
interrupted by text, a topic item with text under it; and, as a property, that the nesting keeps every item in
order and every text once. Paragraph numbers (``1.``, ``1 -``) and section numbers (``I``, ``أولا``, ``一``) are no
items: they never reach the nesting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from unconvert.readers.ods.lists import MAX_NESTING, Interruption, Item, nest
from unconvert.tree import Block, Language, OperativeParagraph, Para, Point, plain_text
from unconvert.un.languages import table_for
from unconvert.un.numbering import Kind, read_label

Outline = list[tuple[str, "Outline"]]


def flat(language: Language, *lines: str) -> list[Item | Interruption]:
    """The lines as the body reader sees them: a numbered item where the language reads an item number, else text."""
    table = table_for(language)
    out: list[Item | Interruption] = []
    for line in lines:
        label = read_label(line, table)
        if label is not None and label.kind is Kind.POINT:
            out.append(
                Item(
                    num=label.num,
                    readings=label.readings,
                    text=label.text,
                    topic=not label.text.endswith((",", ";", "；", "؛", ":", "：")),
                )
            )
        else:
            out.append(Interruption(text=line))
    return out


def outline(blocks: tuple[Block, ...]) -> Outline:
    """Items by number, with the items under them; text paragraphs as ``¶`` and their text."""
    out: Outline = []
    for block in blocks:
        if isinstance(block, Point):
            out.append((block.num or "·" + plain_text(block.content), outline(block.children)))
        elif isinstance(block, Para):
            out.append(("¶" + plain_text(block.content), []))
    return out


def nested(language: Language, *lines: str) -> OperativeParagraph:
    return nest(flat(language, *lines), content="Decides:", num="1.").paragraph


def test_letters_with_roman_items_under_one_of_them() -> None:
    paragraph = nested(Language.EN, "(a)\tTo a;", "(b)\tTo b:", "(i)\tOne;", "(ii)\tTwo;", "(c)\tTo c;")
    assert outline(paragraph.children) == [("(a)", []), ("(b)", [("(i)", []), ("(ii)", [])]), ("(c)", [])]
    assert paragraph.num == "1."


def test_i_after_h_is_a_letter_unless_a_roman_two_follows() -> None:
    letters = [f"({c})\tItem {c};" for c in "abcdefghij"]
    assert [num for num, _ in outline(nested(Language.EN, *letters).children)] == [f"({c})" for c in "abcdefghij"]
    roman = nested(Language.EN, "(g)\tG;", "(h)\tH:", "(i)\tOne;", "(ii)\tTwo;")
    assert outline(roman.children) == [("(g)", []), ("(h)", [("(i)", []), ("(ii)", [])])]


def test_french_and_russian_closing_parenthesis() -> None:
    french = nested(Language.FR, "a)\tDe a;", "b)\tDe b :", "i)\tUn;", "ii)\tDeux;", "c)\tDe c;")
    assert outline(french.children) == [("a)", []), ("b)", [("i)", []), ("ii)", [])]), ("c)", [])]
    russian = nested(Language.RU, "а)\tпервый;", "б)\tвторой;", "в)\tтретий;")
    assert outline(russian.children) == [("а)", []), ("б)", []), ("в)", [])]


def test_arabic_letters_with_quoted_arabic_numerals_under_them() -> None:
    paragraph = nested(Language.AR, "(أ)\tتعزيز؛", "(ب)\tدعم:", "’1‘\tالأول؛", "’2‘\tالثاني؛", "(ج)\tضمان؛")
    assert outline(paragraph.children) == [("(أ)", []), ("(ب)", [("’1‘", []), ("’2‘", [])]), ("(ج)", [])]


def test_chinese_circled_numbers_under_a_letter() -> None:
    paragraph = nested(Language.ZH, "(a)\t加强；", "(b)\t支持：", "㈠\t第一；", "㈡\t第二；", "(c)\t确保；")
    assert outline(paragraph.children) == [("(a)", []), ("(b)", [("㈠", []), ("㈡", [])]), ("(c)", [])]


def test_bullets_stand_beside_a_roman_item_and_the_numbering_goes_on() -> None:
    paragraph = nested(Language.EN, "(a)\tTo a:", "(i)\tOne:", "•\tFirst;", "•\tSecond;", "(ii)\tTwo;", "(b)\tTo b;")
    assert outline(paragraph.children) == [
        ("(a)", [("(i)", []), ("•", []), ("•", []), ("(ii)", [])]),
        ("(b)", []),
    ]


def test_a_list_interrupted_by_text_goes_on_after_it() -> None:
    paragraph = nested(Language.EN, "(a)\tTo a;", "(b)\tTo b;", "and further:", "(c)\tTo c;")
    assert outline(paragraph.children) == [("(a)", []), ("(b)", []), ("¶and further:", []), ("(c)", [])]


def test_text_after_the_items_is_the_wrap_up_of_the_innermost_list_that_is_done() -> None:
    paragraph = nested(Language.EN, "(a)\tTo a:", "(i)\tOne;", "(ii)\tTwo,", "as appropriate;", "(b)\tTo b,")
    first = paragraph.children[0]
    assert isinstance(first, Point)
    assert plain_text(first.wrap_up) == "as appropriate;"
    paragraph = nested(Language.EN, "(a)\tTo a;", "(b)\tTo b,", "as appropriate;")
    assert plain_text(paragraph.wrap_up) == "as appropriate;"


def test_text_under_a_topic_item_is_an_unnumbered_item_inside_it() -> None:
    paragraph = nested(
        Language.EN, "(e)\tProtection of civilians;", "(f)\tHumanitarian assistance", "In support of …;", "More …;"
    )
    assert outline(paragraph.children) == [
        ("(e)", []),
        ("(f)", [("·In support of …;", []), ("·More …;", [])]),
    ]


def test_a_number_that_continues_no_list_is_reported_and_kept() -> None:
    result = nest(flat(Language.EN, "(a)\tTo a;", "(c)\tTo c;", "(d)\tTo d;"))
    assert [num for num, _ in outline(result.paragraph.children)] == ["(a)", "(c)", "(d)"]
    assert result.out_of_sequence == ("(c)",)


@pytest.mark.parametrize(
    ("language", "line", "kind"),
    [
        (Language.EN, "1.\tDecides …;", Kind.PARAGRAPH),
        (Language.AR, "1 -\tيقرر …؛", Kind.PARAGRAPH),
        (Language.EN, "XIV", Kind.SECTION),
        (Language.AR, "أولا", Kind.SECTION),
        (Language.AR, "حادي عاشر", Kind.SECTION),  # A/RES/80/243's section XI, a spelling of حادي عشر
        (Language.ZH, "一", Kind.SECTION),
        (Language.EN, "A.\tOfficers", Kind.SUBSECTION),
    ],
)
def test_paragraph_and_section_numbers_are_no_items(language: Language, line: str, kind: Kind) -> None:
    label = read_label(line, table_for(language))
    assert label is not None and label.kind is kind


_LABELS = ["(a)", "(b)", "(c)", "(h)", "(i)", "(j)", "(ii)", "(iii)", "(v)", "a)", "b)", "i)", "•", "(aa)"]


def _walk(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Point):
            if block.num:  # (an unnumbered item: text under a topic item)
                yield block.num
            yield from _walk(block.children)


def _texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Point | OperativeParagraph):
            yield plain_text(block.content)
            yield from _texts(block.children)
            yield plain_text(block.wrap_up)
        elif isinstance(block, Para):
            yield plain_text(block.content)


@settings(max_examples=examples(300))
@given(st.lists(st.one_of(st.sampled_from(_LABELS), st.sampled_from(["text one", "text two"])), max_size=25))
def test_nesting_keeps_every_item_in_order_and_every_text_once(tokens: list[str]) -> None:
    lines = [f"{token}\tline {n}" if token in _LABELS else f"{token} {n}" for n, token in enumerate(tokens)]
    entries = flat(Language.EN, *lines)
    paragraph = nest(entries).paragraph
    assert list(_walk(paragraph.children)) == [e.num for e in entries if isinstance(e, Item)]
    written = sorted(t for t in _texts((paragraph,)) if t)
    assert written == sorted(e.text for e in entries)


def depth_of(blocks: tuple[Block, ...]) -> int:
    return 1 + max((depth_of(b.children) for b in blocks if isinstance(b, Point)), default=0)


def test_items_nest_no_deeper_than_max_nesting_and_keep_their_text() -> None:
    """Labels that open a new list at every line (``(a)``, ``(i)``, ``(a)`` … as the fuzzer makes them) would nest
    an item inside the one above without end, past what a recursive walk of the tree takes (a RecursionError,
    tests/data/fuzz/crash-*). Past ``MAX_NESTING`` levels an item goes beside the innermost one, and every item
    and its text are kept."""
    lines = [f"({'a' if n % 2 else 'i'})\tItem {n}:" for n in range(200)]
    paragraph = nested(Language.EN, *lines)
    assert depth_of(paragraph.children) - 1 == MAX_NESTING
    texts: list[str] = []

    def collect(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Point):
                texts.append(plain_text(block.content))
                collect(block.children)

    collect(paragraph.children)
    assert texts == [f"Item {n}:" for n in range(200)]
