"""The shared UN knowledge (``unconvert.un``): organs, symbols and the one undocs.org link, the one date parser."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unconvert.tree import DocKind, Language, Organ
from unconvert.un.dates import find_date, looks_like_date, parse_date, print_date, tables_for_dates
from unconvert.un.identify import language_of_script, language_of_words, names_un_body
from unconvert.un.languages import all_tables, table_for
from unconvert.un.organs import FACTS, organ_of_symbol, printed_name
from unconvert.un.symbols import document_symbol, symbol_spans, undocs_url


@pytest.mark.parametrize(
    ("symbol", "url"),
    [
        ("A/RES/64/183", "https://undocs.org/A/RES/64/183"),
        ("A/64/L.34/Add.1", "https://undocs.org/A/64/L.34/Add.1"),
        ("S/RES/2672 (2023)", "https://undocs.org/S/RES/2672%20(2023)"),
        ("A/RES/ES-11/1", "https://undocs.org/A/RES/ES-11/1"),
        (" E/2023/15 ", "https://undocs.org/E/2023/15"),
    ],
)
def test_undocs_url_keeps_what_the_uns_own_files_keep(symbol: str, url: str) -> None:
    """Dots, hyphens and an SC resolution's brackets stay as printed, as in the UN's AKN4UN links; a space is
    encoded."""
    assert undocs_url(symbol) == url


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_undocs_url_encodes_any_symbol_as_quote_does(symbol: str) -> None:
    """The link takes a symbol that needs no encoding as it is, without ``quote``: the same link ``quote`` gives,
    whatever the symbol."""
    assert undocs_url(symbol) == "https://undocs.org/" + quote(symbol.strip(), safe="/()-.,")


def test_organ_of_symbol_takes_the_longest_prefix() -> None:
    assert organ_of_symbol("A/HRC/RES/52/1") is Organ.HRC
    assert organ_of_symbol("A/RES/77/1") is Organ.GA
    assert organ_of_symbol("E/RES/2024/1") is Organ.ECOSOC
    assert organ_of_symbol("S/RES/2672 (2023)") is Organ.SC
    assert organ_of_symbol("ST/SGB/2019/1") is None


def test_document_symbol_from_organ_and_number() -> None:
    assert document_symbol(Organ.GA, DocKind.RESOLUTION, "77/1", None) == "A/RES/77/1"
    assert document_symbol(Organ.GA, DocKind.RESOLUTION, "72/262", "C") == "A/RES/72/262 C"
    assert document_symbol(Organ.GA, DocKind.DECISION, "77/408", None) == "A/DEC/77/408"
    assert document_symbol(Organ.SC, DocKind.RESOLUTION, "2672 (2023)", None) == "S/RES/2672 (2023)"
    assert document_symbol(Organ.ECOSOC, DocKind.RESOLUTION, "", None) == ""


def test_every_language_names_every_organ() -> None:
    """An organ's symbol prefix and AKN names are stated once (``FACTS``); its name in each language is the
    language's."""
    for table in all_tables():
        assert {organ for _name, organ in table.organs} == set(FACTS)
    assert printed_name(Organ.GA, Language.EN) == "General Assembly"
    assert printed_name(Organ.SC, Language.FR) == "Conseil de sécurité"


def test_symbol_spans_leave_trailing_punctuation_out() -> None:
    text = "documents A/64/L.34, S/RES/2672 (2023) and E/2023/15."
    assert [text[s:e] for s, e in symbol_spans(text)] == ["A/64/L.34", "S/RES/2672 (2023)", "E/2023/15"]


def test_italic_phrases_come_from_the_script_profile() -> None:
    assert [t.italic_phrases for t in all_tables()] == [True, True, True, True, True, False]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("18 December 2009", Language.EN, dt.date(2009, 12, 18)),
        ("  7 de diciembre de 2022 ", Language.ES, dt.date(2022, 12, 7)),
        ("2022年12月12日", Language.ZH, dt.date(2022, 12, 12)),
        ("2022年12月12日", Language.EN, dt.date(2022, 12, 12)),  # the Chinese form is read in any language
        ("31 February 2009", Language.EN, None),
        ("65th plenary meeting", Language.EN, None),
    ],
)
def test_parse_date_reads_a_whole_date_line(text: str, language: Language, expected: dt.date | None) -> None:
    assert parse_date(text, table_for(language)) == expected


def test_find_date_takes_the_earliest_date_in_any_table() -> None:
    """The document's table first, then the others: an Arabic masthead dates in English."""
    found = find_date("Resolution adopted on 9 December 2022 and 1 May 2023", tables_for_dates(table_for(Language.AR)))
    assert found is not None
    assert (found.date, found.start, found.end) == (dt.date(2022, 12, 9), 22, 37)


def test_print_date_and_what_looks_like_a_date() -> None:
    assert print_date("17-21712 (E)    111217") == dt.date(2017, 12, 11)
    assert print_date("17-21712 (E)") is None
    assert looks_like_date("13 Dezember 2022")  # a day and a year: a date even in no table's words
    assert not looks_like_date("Agenda item 124")


def test_which_language_a_text_is_in() -> None:
    assert language_of_script("إن الجمعية العامة، إذ تشير") is Language.AR
    assert language_of_script("大会， 回顾其各项决议") is Language.ZH
    assert language_of_script("Генеральная Ассамблея") is Language.RU
    assert language_of_script("The General Assembly") is None
    vote = language_of_words("Le Conseil de sécurité, rappelant ses résolutions et la Charte des Nations Unies")
    assert (vote.language, vote.words) == (Language.FR, 13)
    assert names_un_body("… adoptée par le Conseil de sécurité …", table_for(Language.FR))
    assert not names_un_body("Die Generalversammlung", table_for(Language.EN))
