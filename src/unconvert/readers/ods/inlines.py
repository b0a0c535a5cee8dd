"""A body line's text as tree inlines: its footnotes where their marks stand, its opening phrase emphasised, the
formula's words in italics.

These are pure functions of a line's text and the marks found in it (``footnotes.find_marks``): the body builder
decides what a line is and calls them for its content. The language decides one thing here: whether the opening
phrase is printed in italics (``Emphasis``) or, where the script has none, in bold (``Strong``:
``LanguageTable.italic_phrases``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from unconvert.readers.ods.footnotes import Mark, note_inlines
from unconvert.tree import Emphasis, Footnote, Inline, LineBreak, NoteRef, Strong, text_node
from unconvert.un.phrases import PhraseMatcher

_MARK_SEPARATORS = ",\u2013-"  # between two marks: ``3,4``, ``1–21``
_FORMULA_END = re.compile(r"(.*?)([,，،:]?)\s*")


def with_notes(text: str, line: int, marks: Sequence[Mark], start: int = 0, end: int | None = None) -> list[Inline]:
    """The inlines of ``text`` between ``start`` and ``end``, with a note (or a reference to one already given)
    where each of ``marks`` (sorted, all in this text) stands. A mark at the very end of ``text`` belongs to the
    last range; the separator between two marks (``3,4``) is raised with them."""
    stop = len(text) if end is None else end
    out: list[Inline] = []
    at = start
    previous_end: int | None = None  # where the last mark placed here ends
    for mark in marks:
        if mark.start < start or mark.start > stop or (mark.start == stop and stop < len(text)):
            continue
        separator = ""
        if previous_end == at and mark.start == at + 1 and text[at] in _MARK_SEPARATORS:
            separator = text[at]
        elif mark.start > at:
            out.extend(_text(text[at : mark.start], line))
        if mark.repeat:
            # a second reference to a note (Word's NOTEREF): no note of its own
            out.append(NoteRef(marker=mark.note.marker, separator=separator, line=line))
        else:
            paragraphs = note_inlines(mark.note)
            out.append(
                Footnote(marker=mark.note.marker, paragraphs=paragraphs, separator=separator, line=mark.note.line)
            )
        at = previous_end = mark.end
    if at < stop:
        out.extend(_text(text[at:stop], line))
    return out


def _text(text: str, line: int) -> list[Inline]:
    """``text`` as ``Text``, a manual line break (``\\n``, ``breaks.join_broken_lines``) as ``LineBreak``."""
    if "\n" not in text:
        return [text_node(text, line)]
    out: list[Inline] = []
    for i, piece in enumerate(text.split("\n")):
        if i:
            out.append(LineBreak(line=line))
        if piece:
            out.append(text_node(piece, line))
    return out


class Phrased(NamedTuple):
    """A paragraph's content with its opening phrase emphasised; ``guessed``: the phrase is not the language
    table's but the matcher's fallback (the first words), which the reader reports. (A named tuple: one is made for
    every recital and paragraph, quicker than a frozen dataclass.)"""

    phrase: str
    content: tuple[Inline, ...]
    guessed: bool = False


def with_phrase(
    text: str, line: int, marks: Sequence[Mark], matcher: PhraseMatcher, *, italic: bool, guess: bool = True
) -> Phrased:
    """The opening phrase of ``text`` and its content with the phrase in italics (``italic``) or bold; the notes
    whose marks stand inside the phrase follow it. Without ``guess`` only a phrase of the language table counts."""
    phrase = matcher.match(text)
    guessed = False
    if phrase is None and guess:
        phrase = matcher.fallback(text)
        guessed = bool(phrase)
    if not phrase:
        return Phrased("", tuple(with_notes(text, line, marks)), guessed)
    if not marks:  # most paragraphs: no note to place, the phrase and the rest are text as they are
        said, tail = text[: len(phrase)], text[len(phrase) :]
        words: tuple[Inline, ...]
        after: tuple[Inline, ...]
        if "\n" in text:  # a manual line break: texts and breaks (``_text``)
            words, after = tuple(_text(said, line)), tuple(_text(tail, line)) if tail else ()
        else:  # most lines: one text each, made here
            words, after = (text_node(said, line),), (text_node(tail, line),) if tail else ()
        wrapper: Inline = Emphasis(children=words) if italic else Strong(children=words)
        return Phrased(phrase, (wrapper, *after), guessed)
    head = with_notes(text, line, marks, 0, len(phrase))
    rest = with_notes(text, line, marks, len(phrase))
    notes = [h for h in head if isinstance(h, Footnote)]
    words = tuple(h for h in head if not isinstance(h, Footnote))
    wrapper = Emphasis(children=words) if italic else Strong(children=words)
    return Phrased(phrase, (wrapper, *notes, *rest), guessed)


def formula_inlines(text: str, line: int, *, italic: bool) -> tuple[Inline, ...]:
    """The enacting formula (``The General Assembly,``): its words in italics where the script has them, the
    punctuation after them upright."""
    match = _FORMULA_END.fullmatch(text)
    words, punct = (match.group(1), match.group(2)) if match else (text, "")
    out: tuple[Inline, ...]
    if italic and words:
        out = (Emphasis(children=(text_node(words, line),), line=line),)
    else:
        out = (text_node(words, line),) if words else ()
    if punct:
        out += (text_node(punct, line),)
    return out


def item_on_new_line(num: str, content: Sequence[Inline], line: int) -> tuple[Inline, ...]:
    """An item carried into the paragraph before it (a preambular paragraph has no items): a line break, its
    number and a tab, its content."""
    return (LineBreak(line=line), text_node(num + "\t", line), *content)
