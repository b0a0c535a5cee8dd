"""Stage 1a: bytes -> text -> the dump's four stories as numbered lines.

An ODS text dump is the plain text of a Word file with all of its stories one after another (see
``docs/ODS_DUMP.md``): the main story, the footnote story (``1 See A/55/1010 …``), the comment story (the ODS
metadata comment ``[DU1]<<ODS JOB NO>>…``) and the header story (footnote separators, running heads, the masthead
and the first-page footer). Nothing marks where one story ends, so this module finds the boundaries from the
shapes they always have: the comment story is the block of ``<<ODS …>>`` fields, the header story opens with the
footnote separators (a line of underscores, then lines of dashes) and the footnote story is the run of numbered
notes ``1 …``, ``2 …`` … that ends the text before them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError
from unconvert.readers.encoding import decode_text


class Line(NamedTuple):
    """One line of the dump: ``number`` is 1-based in the file, ``text`` has its tabs, line end removed.

    A named tuple, not a frozen dataclass: every line of every file is one, and a tuple is made in about two thirds
    of the time (a frozen dataclass sets each field through ``object.__setattr__``)."""

    number: int
    text: str


_new_tuple = tuple.__new__


@dataclass(slots=True)
class Stories:
    """The dump split into its stories. Any story may be empty (a missing comment or header story)."""

    main: list[Line] = field(default_factory=list)
    footnotes: list[Line] = field(default_factory=list)
    comments: list[Line] = field(default_factory=list)
    headers: list[Line] = field(default_factory=list)


# Signatures of files people commonly pass by mistake, to say what they are.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (a .docx file?)"),
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0", "an old binary Word/Office file (.doc)"),
    (b"{\\rtf", "an RTF file"),
)

# C0 controls other than tab, line feed, vertical tab, form feed and carriage return, plus DEL: never in a dump.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_EIGHT_BIT = ("utf-8", "cp1252")  # encodings in which those characters are those bytes, and no other's bytes


def decode(data: bytes, *, name: str) -> str:
    """The text of ``data`` (``decode_with_notes`` without what it says about the encoding)."""
    return decode_with_notes(data, name=name)[0]


def decode_with_notes(data: bytes, *, name: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """The text of ``data`` and what the reader should say about its encoding; ``ReadError`` for binary or
    undecodable input. UTF-8 (BOM or not) and UTF-16 with a BOM (Word's "Unicode text") read alike; Windows-1252
    with a warning; anything else is refused saying how to convert it (``unconvert.readers.encoding``).

    Line ends are normalised to ``\\n``; line numbers in errors are 1-based and count lines of the file as given.
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ReadError(f"not an ODS text dump: the file is {what}", name=name, line=1)
    decoded = decode_text(data, name=name)
    text = decoded.text
    if "\r" in text:  # most dumps end their lines with LF alone: no copy of the text for them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _control(text, data, decoded.encoding)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        what = "NUL byte" if control.group() == "\x00" else f"control character U+{ord(control.group()):04X}"
        raise ReadError(f"binary data ({what}): not a text dump", name=name, line=line)
    return text, decoded.diagnostics


def _control(text: str, data: bytes, encoding: str) -> re.Match[str] | None:
    """The first control character of ``text`` (``_CONTROL``), decoded from ``data`` as ``encoding``. Decoded
    from UTF-8 or Windows-1252, a text holds one only where its bytes do: one pass of ``bytes.translate`` tells
    most texts clean, four times faster than the pattern (which then finds where, for the error)."""
    if encoding in _EIGHT_BIT and len(data.translate(None, _CONTROL_BYTES)) == len(data):
        return None
    return _CONTROL.search(text)


_ODS_FIELD = re.compile(r"<<ODS [A-Z0-9 ]+>>")
_UNDERSCORES = re.compile(r"_{5,}\s*")
_DASHES = re.compile(r"-{10,}\s*")
_NOTE = re.compile(r"(\d{1,3})[ \t\u00a0]+\S")
_STAR_NOTE = re.compile(r"\*{1,3}[ \t\u00a0]+\S")
_COMMENT_LINE = re.compile(r"\[[A-Za-z]{1,6}\d{1,3}\]\S")
# A closing date (``1 December 2022``, ``1 de junio de 2023``) looks like a note; a real note is never a bare date.
_DATE_LIKE = re.compile(
    r"\d{1,2}[ \u00a0]+[^\W\d_]+([ \u00a0/][^\W\d_]+){0,3}[ \u00a0]+\d{4}([ \u00a0]+[^\W\d_]{1,5}\.?)?\.?\s*"
)


def _header_start(lines: list[str]) -> int | None:
    """Index of the footnote separator line (underscores, then a line of dashes) that opens the header story."""
    for i in range(len(lines) - 1, -1, -1):
        if _UNDERSCORES.fullmatch(lines[i]):
            following = [t for t in lines[i + 1 : i + 6] if t.strip()]
            if following and _DASHES.fullmatch(following[0]):
                return i
    return None


def _comment_start(lines: list[str], end: int) -> int | None:
    """Index of the first line of the comment story (the ODS fields) before ``end``, if there is one."""
    first: int | None = None
    for i in range(end - 1, -1, -1):
        if _ODS_FIELD.search(lines[i]):
            first = i
        elif first is not None and first - i > 3:
            break
    # Other comments (``[AB2]Please check …``) may come before the ODS one.
    while first is not None and first > 0 and _COMMENT_LINE.match(lines[first - 1]):
        first -= 1
    return first


def note_number(text: str) -> int | None:
    """The marker number of a footnote-story line that starts a note (``12 See …`` -> 12), else None.

    A bare date (``1 December 2022``) is not a note: it is the closing date of the main story. Every line of the
    main story is asked: one that does not open on a digit (what ``\\d`` matches) is told so without the pattern."""
    if not text[:1].isdecimal():
        return None
    match = _NOTE.match(text)
    if match is None or _DATE_LIKE.fullmatch(text):
        return None
    return int(match.group(1))


def _chain(numbers: list[int | None], lines_of: dict[int, list[int]], last: int) -> list[int]:
    """Positions of the notes ``k``, ``k+1`` … ``n`` ending with the note on line ``last``, walking back
    (``numbers[i]``: the note number line ``i`` starts, as ``note_number`` reads it; ``lines_of[n]``: the lines
    that start note ``n``, in order, so that each step back is one search, not a walk over the lines)."""
    number = numbers[last]
    positions = [last]
    while number is not None and number > 1:
        number -= 1
        lines = lines_of.get(number, [])
        before = bisect.bisect_left(lines, positions[-1])  # the last line of note ``number`` above the chain
        if before == 0:
            break
        positions.append(lines[before - 1])
    return positions[::-1]


def _footnote_start(lines: list[str], end: int) -> int:
    """Index where the footnote story starts in ``lines[:end]`` (``end`` when there are no footnotes).

    The notes are numbered in order (usually from 1) and the last one ends the text; a note may run over several
    lines, and ``*`` notes (``* Reissued for technical reasons …``) come first.
    """
    numbers = [note_number(line) for line in lines[:end]]
    lines_of: dict[int, list[int]] = {}
    for i, number in enumerate(numbers):
        if number is not None:
            lines_of.setdefault(number, []).append(i)
    candidates = [i for i in range(end - 1, -1, -1) if numbers[i] is not None][:30]
    best: list[int] = []
    best_key = (False, False, 0)
    for last in candidates:
        chain = _chain(numbers, lines_of, last)
        # A chain reaching note 1 wins, the one ending at the last note-like line first (numbered main-story
        # lines before the notes make longer chains that stop short of the end); then the longest.
        from_one = numbers[chain[0]] == 1
        key = (from_one, from_one and last == candidates[0], len(chain))
        if not best or key > best_key:
            best, best_key = chain, key
    start = best[0] if best else end
    if not best:
        stars = [i for i in range(end - 1, max(end - 6, -1), -1) if _STAR_NOTE.match(lines[i])]
        start = stars[-1] if stars else end
    while start > 0 and _STAR_NOTE.match(lines[start - 1]):
        start -= 1
    return start


def split_stories(text: str, *, name: str) -> Stories:
    """Split the dump into its stories; ``ReadError`` when no main story can be found."""
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    if not any(t.strip() for t in raw):
        raise ReadError("empty file: no document text", name=name, line=1)
    header = _header_start(raw)
    comment_end = header if header is not None else len(raw)
    comment = _comment_start(raw, comment_end)
    # Without a comment story the notes end where the separators (or the file) end.
    main_end = comment if comment is not None else comment_end
    notes = _footnote_start(raw, main_end)

    def numbered(start: int, stop: int) -> list[Line]:
        # ``tuple.__new__`` makes each line without the named tuple's own ``__new__`` (a Python function: a frame
        # per line of the file, twice the instructions of the tuple itself)
        return [_new_tuple(Line, (i + 1, raw[i])) for i in range(start, stop)]

    stories = Stories(
        main=numbered(0, notes),
        footnotes=numbered(notes, main_end),
        comments=numbered(comment, comment_end) if comment is not None else [],
        headers=numbered(header, len(raw)) if header is not None else [],
    )
    if not any(line.text.strip() for line in stories.main):
        where = stories.footnotes[0].number if stories.footnotes else 1
        raise ReadError("no main story: the file holds no document text", name=name, line=where)
    return stories
