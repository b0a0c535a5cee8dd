"""Footnote marks and notes on the documents that showed each class of error (issue 8).

A mark is a note that exists, in sequence, where no number of the text stands: a year, a symbol, a decision
number with its session, a number of a Chinese list keep their digits; a mark printed apart from its word is still
found; a file that skips a note number keeps every note apart; where the reader guesses, it warns.
"""

from __future__ import annotations

import pytest

from conftest import SHARED_CORPUS
from test_reader_body import body_units, drop_notes, footnote_recall, key, load, notes_with_anchors
from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods import read
from unconvert.readers.ods.footnotes import Note, find_marks, parse_notes
from unconvert.readers.ods.stories import Line
from unconvert.tree import Language, Text
from unconvert.un.languages import table_for

needs_corpus = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="needs ../shared/corpus")


def _notes(*markers: str) -> list[Note]:
    return [Note(marker=m, paragraphs=(f"note {m}",), line=100 + i) for i, m in enumerate(markers)]


def _marked(segments: list[str], notes: list[Note], language: Language = Language.EN) -> list[tuple[str, str]]:
    """(marker, the text before the mark) of each first mark found."""
    marks = find_marks(segments, notes, table=table_for(language))
    return [(m.note.marker, segments[m.segment][: m.start]) for m in marks if not m.repeat]


# --- class 2: note numbering ------------------------------------------------------------------------------------


def test_numbering_gap_keeps_every_note() -> None:
    """A story that skips numbers (A/RES/76/266: notes 1, 2, 3, 8, 9 …) keeps each note apart, with a warning at
    the note after the gap; a continuation line that starts with a number is no note while its number is still to
    come."""
    lines = [
        Line(101, "1 Resolution 73/195, annex."),
        Line(102, "2 Resolution 70/1."),
        Line(103, "3 A/76/642."),
        Line(104, "8 The African Migration Observatory is an organ of the African Union."),
        Line(105, "9 Resolution 69/313, annex."),
        Line(106, "25 States had ratified it by then."),
        Line(107, "10 See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex."),
    ]
    notes, diagnostics = parse_notes(lines)
    assert [n.marker for n in notes] == ["1", "2", "3", "8", "9", "10"]
    assert notes[4].paragraphs == ("Resolution 69/313, annex.", "25 States had ratified it by then.")
    assert [(d.code, d.line) for d in diagnostics] == [("footnote-numbering-gap", 104)]


def test_asterisk_note_after_numbered_ones() -> None:
    """A ``*`` note after numbered notes (a note on a heading or a table) is a note of its own, once."""
    lines = [Line(1, "1 Resolution 70/1."), Line(2, "2 A/77/520."), Line(3, "* Reissued for technical reasons.")]
    notes, _ = parse_notes(lines)
    assert [(n.marker, n.paragraphs) for n in notes] == [
        ("1", ("Resolution 70/1.",)),
        ("2", ("A/77/520.",)),
        ("*", ("Reissued for technical reasons.",)),
    ]


@needs_corpus
def test_numbering_gap_in_a_real_document() -> None:
    """A/RES/76/266 has no notes 4 to 7: notes 3 and 8 stand at their own marks (``Global Compact,3``,
    ``African Migration Observatory,8``), and the text of paragraph 45 keeps no stray note."""
    document, gold = load(SHARED_CORPUS / "akn4un/76/eng/A_RES_76_266_eng.txt")
    assert footnote_recall(document, gold) == 1.0
    assert [d.line for d in document.diagnostics if d.code == "footnote-numbering-gap"] == [104]


@needs_corpus
def test_word_note_repeating_its_number_without_the_space() -> None:
    """A/RES/72/63 repeats each note's number (``1 1 <tab>See …``) and once loses the space (``8 8<tab>See …``):
    the Word original's note 8 is ``See resolution 67/234 B.``."""
    document, gold = load(SHARED_CORPUS / "word/A_RES_72_63.txt")
    assert footnote_recall(document, gold) == 1.0


# --- class 1: marks that would take real digits ------------------------------------------------------------------


def test_year_of_a_date_keeps_its_digits() -> None:
    """``to 11 October 2026.2``: the year is whole and the mark follows the full stop; ``2021 года`` is a year,
    never ``202`` + note 1."""
    notes = _notes("1", "2", "6")
    assert _marked(["extends the mandate to 11 October 2026.2", "in October 2026, and"], notes) == [
        ("2", "extends the mandate to 11 October 2026."),
    ]
    ru = _notes("1")
    assert _marked(["доклад за 2021 года и резолюцию"], ru, Language.RU) == []
    es = _notes("1", "9")
    assert _marked(["el 11 de octubre de 2021 y el 29 de julio de 2025"], es, Language.ES) == []
    # a mark before ``in March 2017`` (A/RES/72/106), ``en décembre 2023`` (A/RES/80/220 fra)
    assert _marked(["against Women8 in March 2017;"], _notes("8")) == [("8", "against Women")]
    assert _marked(["a répondu par écrit11 en décembre 2023"], _notes("11"), Language.FR) == [
        ("11", "a répondu par écrit"),
    ]


def test_document_symbol_keeps_its_number() -> None:
    """``See A/76/411.``: a report's number, never A/76/41 + note 1; a note glued to a resolution's symbol still is
    one where the number would be too high (``A/RES/76/812``, ``S/2024/7671``)."""
    notes = _notes("1", "2")
    assert _marked(["Takes note of the report (see A/76/411)."], notes) == []
    assert _marked(["Recalling A/RES/76/812 and", "the letter S/2024/7671 of"], notes) == [
        ("2", "Recalling A/RES/76/81"),
    ]
    assert _marked(["the letter S/2024/7671 of"], notes[:1]) == [("1", "the letter S/2024/767")]


def test_bracketed_number_is_a_mark_only_in_arabic() -> None:
    """``(1)`` glued to a word is how Arabic prints a mark (``بالقرار 76/81(2)``, A/RES/77/125 ara); in the other
    languages ``article 14(1)`` is a number."""
    notes = _notes("1", "2")
    assert _marked(["under article 14(1) of the Covenant and rule 4(2)"], notes) == []
    arabic = ["وإذ تشير إلى الميثاق(1)،", "المقدم عملا بالقرار 76/81(2)،"]
    assert _marked(arabic, notes, Language.AR) == [("1", "وإذ تشير إلى الميثاق"), ("2", "المقدم عملا بالقرار 76/81")]


def test_number_with_its_session_keeps_its_digits() -> None:
    """``decision 281 (LXIII)``, ``resolution 2558 (2020)``: a number and its session, with no mark between."""
    notes = _notes("1", "8")
    assert _marked(["Recalling its decision 281 (LXIII) and resolution 2558 (2020) of the Council,"], notes) == []


def test_thousands_group_needs_a_leading_group() -> None:
    """``resolution 5/14,120`` and ``Sediments, 2004,126`` (A/RES/80/110): a symbol or a year and a mark, not a
    number with a thousands separator; ``1,200 persons`` still is one."""
    notes = _notes("120", "126", "200")
    segments = ["resolution 5/14,120 and notes", "Ballast Water and Sediments, 2004,126 also", "some 1,200 persons"]
    assert _marked(segments, notes) == [
        ("120", "resolution 5/14,"),
        ("126", "Ballast Water and Sediments, 2004,"),
    ]


def test_chinese_number_lists_keep_their_digits() -> None:
    """``第2374(2017)号决议第2、5、6和7段`` (S/RES/2789 (2025)) and ``目标1、11和13``: the numbers of a list, joined
    by 、和及至, are no marks; the mark after ``，`` is."""
    notes = _notes("5", "6", "7", "11", "13")
    segments = [
        "且在不影响第2374(2017)号决议第2、5、6和7段规定的豁免情况下，",
        "落实目标1、11和13，11 以提高",
    ]
    assert _marked(segments, notes, Language.ZH) == [("11", "落实目标1、11和13，")]


def test_chinese_goal_number_is_a_mark_only_as_a_last_resort() -> None:
    """``可持续发展目标4`` is Goal 4 where the note's mark stands elsewhere (A/RES/77/183), and the Goals with
    their note where no other mark of it stands (A/RES/80/55), with a warning."""
    notes = _notes("4")
    both = ["与实现可持续发展目标4", "回顾宣布2019-2028年为“联合国家庭农业十年”，4 以提高"]
    assert _marked(both, notes, Language.ZH) == [("4", "回顾宣布2019-2028年为“联合国家庭农业十年”，")]
    diagnostics: list[Diagnostic] = []
    alone = ["为执行《世界青年行动纲领》 和实现可持续发展目标4 而采取的举措"]
    marks = find_marks(alone, notes, table=table_for(Language.ZH), diagnostics=diagnostics)
    assert [(m.note.marker, alone[0][: m.start]) for m in marks] == [
        ("4", "为执行《世界青年行动纲领》 和实现可持续发展目标")
    ]
    assert [d.code for d in diagnostics] == ["footnote-mark-in-number"]


@needs_corpus
@pytest.mark.parametrize(
    ("rel", "marker", "before"),
    [
        # a symbol's parts: ``GC.18/Res.9 of 7 November 2019,12`` is no note 9
        ("akn4un/79/eng/A_RES_79_222_eng.txt", "12", "resolution GC.18/Res.9 of 7 November 2019,"),
        # the session of a symbol: ``A.1090(28)号决议`` is no second reference to note 28
        (
            "akn4un/80/zho/A_RES_80_110_zho.txt",
            "51",
            "A.1090(28)号决议，并欢迎2018年1月1日生效的《促进国际海上运输公约》",
        ),
        # a thousands group only after one to three digits
        ("akn4un/80/eng/A_RES_80_110_eng.txt", "126", "Ships’ Ballast Water and Sediments, 2004,"),
        # Goal 4 keeps its number; the mark is after the comma
        ("akn4un/77/zho/A_RES_77_183_zho.txt", "4", "回顾宣布2019-2028年为“联合国家庭农业十年”，"),
        # a sentence ending with a number: ``model strategy 10.24 Furthermore``
        ("akn4un/80/eng/A_RES_80_226_eng.txt", "24", "programmes referred to under model strategy 10."),
    ],
)
def test_marks_next_to_numbers_in_real_documents(rel: str, marker: str, before: str) -> None:
    document, gold = load(SHARED_CORPUS / rel)
    assert footnote_recall(document, gold) == 1.0
    anchors = {m: b for m, _, b in notes_with_anchors(document)}
    assert anchors[marker].endswith(key(before))


# --- marks printed apart from their word --------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize(
    ("rel", "marker", "before"),
    [
        ("akn4un/79/eng/A_RES_79_36_eng.txt", "6", "the Treaty on the Non-Proliferation of Nuclear Weapons"),
        ("akn4un/80/eng/A_RES_80_91_eng.txt", "8", "Takes into account the 2030 Agenda for Sustainable Development,"),
        ("akn4un/80/rus/A_RES_80_83_rus.txt", "1", "озаглавленным «Наша общая повестка дня»"),
        ("akn4un/80/rus/A_RES_80_110_rus.txt", "167", "малых островных развивающихся государств («Путь Самоа»)"),
    ],
)
def test_spaced_marks_in_real_documents(rel: str, marker: str, before: str) -> None:
    """``Weapons 6and``, ``Development, 8including``, ``«…» 1 и``, ``(«Путь Самоа») 167 как``:
    the mark stands where it is printed, and a number of the text (``резолюции 75/201``) keeps its digits."""
    document, gold = load(SHARED_CORPUS / rel)
    assert footnote_recall(document, gold) == 1.0
    anchors = {m: b for m, _, b in notes_with_anchors(document)}
    assert anchors[marker].endswith(key(before))
    assert not [d for d in document.diagnostics if d.code == "footnote-mark-not-found"]


def test_spaced_mark_is_not_an_ordinal_or_a_number() -> None:
    """``the 2nd session``, ``5km``, ``paragraph 1 and``: no marks; ``Weapons 6and``: one."""
    notes = _notes("1", "2", "5", "6")
    segments = ["at the 2nd session, a 5km road", "paragraph 1 and annex", "the Weapons 6and the"]
    assert _marked(segments, notes) == [("6", "the Weapons ")]


# --- numbers that read as marks beside brackets, dates and sentences ------------------------------------------------


def test_number_after_a_bracket_or_before_a_month_is_text() -> None:
    """``28 posts (1 Assistant Secretary-General`` (A/RES/78/273), ``(1 July–30 June)`` (A/RES/80/110): a number
    opening a bracket; ``39th plenary meeting29 July 2025`` (E/RES/2025/16): the day of a date; ``recommendation
    (2019)1 of the Committee`` and ``CM/Rec(2019)1`` (A/RES/75/264): a series number of the year. A mark follows a
    name and its year (``International Health Regulations (2005)7``)."""
    notes = _notes("1", "7", "29")
    segments = [
        "Approves the establishment of 28 posts (1 Assistant Secretary-General, 1 D-1)",
        "the adoption of recommendation (2019)1 of the Committee of Ministers and CM/Rec(2019)1 on youth",
        "the International Health Regulations (2005)7 and",
        "39th plenary meeting29 July 2025",
    ]
    assert _marked(segments, notes) == [("7", "the International Health Regulations (2005)")]
    # the verb is no month: ``accordingly.18 It may be necessary`` (A/RES/80/226)
    assert _marked(["to classify them accordingly.18 It may be necessary"], _notes("18")) == [
        ("18", "to classify them accordingly."),
    ]


def test_second_reference_after_a_year_ending_a_sentence() -> None:
    """``in June 2015.3 It also builds on`` (E/RES/2018/14): note 3, marked before, cited again after the year's
    full stop."""
    notes = _notes("3")
    segments = ["within relevant frameworks.3", "endorsed by the General Assembly in June 2015.3 It also builds on"]
    marks = find_marks(segments, notes, table=table_for(Language.EN))
    assert [(m.segment, m.repeat) for m in marks] == [(0, False), (1, True)]


@needs_corpus
@pytest.mark.parametrize(
    ("rel", "paragraph"),
    [
        ("akn4un/78/eng/A_RES_78_273_eng.txt", "28 posts (1 Assistant Secretary-General, 1 D-1"),
        ("akn4un/80/eng/A_RES_80_110_eng.txt", "the annual insurance coverage period (1 July–30 June);"),
        ("akn4un/75/eng/A_RES_75_264_eng.txt", "recommendation (2019)1 of the Committee of Ministers"),
        ("akn4un/ecosoc2025/eng/E_RES_2025_16_eng.txt", "39th plenary meeting29 July 2025"),
        ("word/E_RES_2018_14.txt", "by the General Assembly in June 2015. It also builds on"),
    ],
)
def test_numbers_of_the_text_stay_in_real_documents(rel: str, paragraph: str) -> None:
    document, gold = load(SHARED_CORPUS / rel)
    assert footnote_recall(document, gold) == 1.0
    text = "".join(key(drop_notes(u)) for u in body_units(document))
    assert key(paragraph) in text


# --- class 3: a part letter with its note on its own line ------------------------------------------------------------


def _edited(rel: str, old: str, new: str, after: str = "", note: str = "") -> bytes:
    """A corpus dump with one line changed (``old`` -> ``new``) and a note line added after the line ``after``."""
    text = (SHARED_CORPUS / rel).read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    if after:
        assert after in text
        text = text.replace(after, after + note, 1)
    return text.encode("utf-8")


@needs_corpus
def test_part_letter_with_its_note_after_a_tab() -> None:
    """A/RES/72/8 B prints ``B1`` above the formula; printed ``⇥B⇥1``, note 1 is still the part label's note."""
    dump = _edited("word/A_RES_72_8B.txt", "\t\tB1\n", "\tB\t1\n")
    document = read(dump, name="A_RES_72_8B.txt")
    part = document.parts[0]
    assert part.label == "B" and [n.marker for n in part.label_notes] == ["1"]
    assert not [d for d in document.diagnostics if d.code == "footnote-mark-not-found"]


@needs_corpus
def test_part_letter_in_the_body_with_an_asterisk_note() -> None:
    """A/DEC/76/559's part B (``⇥⇥B`` after part A's closing lines), printed ``⇥⇥B⇥*``, with its ``*`` note after
    the notes of part A (the story lists notes in the order of their marks): the note is part B's label note, and
    notes 1 to 4 keep their marks."""
    rel = "akn4un/gadec76/eng/A_DEC_76_559_eng.txt"
    dump = _edited(rel, "\t\tB\n", "\t\tB\t*\n", after="\n2 A/76/767.\n", note="* Adopted without a vote.\n")
    document = read(dump, name="A_DEC_76_559_eng.txt")
    assert [p.label for p in document.parts] == ["A", "B"]
    notes = document.parts[1].label_notes
    assert [(n.marker, n.paragraphs) for n in notes] == [
        ("*", ((Text(text="Adopted without a vote.", line=notes[0].line),),))
    ]
    original, gold = load(SHARED_CORPUS / rel)
    assert footnote_recall(document, gold) == footnote_recall(original, gold)
