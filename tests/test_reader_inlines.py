"""A body line's text as inlines (``readers.ods.inlines``): notes where their marks stand, the punctuation between
two marks raised with them, a second reference as a ``NoteRef``, the opening phrase in italics (or bold where the
script has no italics), and the formula's words in italics."""

from __future__ import annotations

from unconvert.readers.ods.footnotes import Mark, Note
from unconvert.readers.ods.inlines import formula_inlines, with_notes, with_phrase
from unconvert.tree import Emphasis, Footnote, Language, NoteRef, Strong, Text
from unconvert.un.languages import table_for
from unconvert.un.phrases import matchers

ONE = Note(marker="1", paragraphs=("A/80/1.",), line=40)
TWO = Note(marker="2", paragraphs=("A/80/2.",), line=41)


def test_notes_stand_where_their_marks_are_and_the_comma_between_two_marks_is_raised_with_them() -> None:
    text = "Recalling its resolutions 1,2 and others,"
    marks = [Mark(0, 26, 27, ONE), Mark(0, 28, 29, TWO)]
    out = with_notes(text, 7, marks)
    assert out[0] == Text(text="Recalling its resolutions ", line=7)
    assert isinstance(out[1], Footnote) and out[1].marker == "1" and out[1].separator == ""
    assert isinstance(out[2], Footnote) and out[2].marker == "2" and out[2].separator == ","
    assert out[3] == Text(text=" and others,", line=7)


def test_a_second_reference_to_a_note_is_a_note_ref() -> None:
    out = with_notes("as said1", 3, [Mark(0, 7, 8, ONE, repeat=True)])
    assert out == [Text(text="as said", line=3), NoteRef(marker="1", line=3)]


def test_a_range_takes_the_marks_inside_it_and_the_one_at_the_very_end() -> None:
    text = "Notes1"
    marks = [Mark(0, 5, 6, ONE)]
    assert [type(i) for i in with_notes(text, 1, marks, 0, 5)] == [Text]
    assert [type(i) for i in with_notes(text, 1, marks, 5)] == [Footnote]


def test_the_opening_phrase_is_in_italics_and_the_rest_keeps_its_notes() -> None:
    english = table_for(Language.EN)
    preambular, _ = matchers(english)
    text = "Recalling its resolution 70/1,2"
    read = with_phrase(text, 5, [Mark(0, 30, 31, ONE)], preambular, italic=True)
    assert read.phrase == "Recalling" and not read.guessed
    assert read.content[0] == Emphasis(children=(Text(text="Recalling", line=5),))
    assert read.content[1] == Text(text=" its resolution 70/1,", line=5)
    assert isinstance(read.content[2], Footnote)


def test_the_opening_phrase_is_in_bold_without_italics_and_a_guess_says_so() -> None:
    chinese = table_for(Language.ZH)
    _, operative = matchers(chinese)
    read = with_phrase("决定继续审议该问题；", 2, [], operative, italic=False)
    assert isinstance(read.content[0], Strong)
    english = table_for(Language.EN)
    _, operative = matchers(english)
    guessed = with_phrase("Frobnicates the committee;", 2, [], operative, italic=True)
    assert guessed.guessed and guessed.phrase


def test_the_formula_words_are_in_italics_and_its_comma_is_not() -> None:
    out = formula_inlines("The General Assembly,", 9, italic=True)
    assert out == (
        Emphasis(children=(Text(text="The General Assembly", line=9),), line=9),
        Text(text=",", line=9),
    )
    assert formula_inlines("大会，", 9, italic=False) == (Text(text="大会", line=9), Text(text="，", line=9))
