"""Lines built to make the reader slow (issue #13): each shape once in the front, the masthead rows and the body of
the bundled example. Each used to cost time growing with the square of its length (a session line's ordinal read
from every tail of its words, an agenda line made plain once per item, a footnote-mark candidate copying the rest
of its paragraph or searching it from its start, ``has_points`` scanning a paragraph's children for every line of
text). The reader must answer (a document or a ``ReadError``); ``benchmarks/bench_reader_scaling.py`` measures the
time, never a test."""

from __future__ import annotations

import pytest

import unconvert
from conftest import SEED
from unconvert.readers.ods.lists import Provision
from unconvert.tree import Para

LINES = SEED.read_bytes().decode("utf-8-sig").split("\n")
SIZE = 20_000

SHAPES = {
    "spaces": " " * SIZE + "x",
    "words": "a " * (SIZE // 2),
    "session-words": "seventy " * (SIZE // 8) + "session",
    "arabic-session": "الدورة " + "الثانية " * (SIZE // 8),
    "agenda": "Agenda items " + "1, " * (SIZE // 3),
    "marks": "x1 " * (SIZE // 3),
    "ranges": "x;1–2 " * (SIZE // 6),
    "sentence-numbers": "in 2015.3 It " * (SIZE // 13),
    "dates": "18 December 2009 " * (SIZE // 17),
    "chinese-session": "第" + "七" * SIZE + "届",
}


@pytest.mark.parametrize("where", [1, 3, 8], ids=["masthead", "cover", "body"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_hostile_line_is_read_or_refused(shape: str, where: int) -> None:
    data = "\n".join([*LINES[:where], SHAPES[shape], *LINES[where:]])
    try:
        document = unconvert.read(text=data, name="hostile.txt")
    except unconvert.ReadError as exc:
        assert exc.name == "hostile.txt"
    else:
        assert document.parts


def test_has_points_counts_items_as_they_are_added() -> None:
    paragraph = Provision(num="1", content=(), line=1, point=False)
    assert not paragraph.has_points()
    paragraph.add(Para(content=(), line=2))
    assert not paragraph.has_points()
    paragraph.add(Provision(num="a", content=(), line=3, point=True))
    assert paragraph.has_points() and paragraph.points == 1
