"""The layout model: a document walked once into the roles of its page."""

from __future__ import annotations

import pytest

from unconvert.layout import CoverKind, brackets, walk
from unconvert.layout import roles as R
from unconvert.tree import (
    Annex,
    CoverLine,
    CoverRole,
    DocKind,
    Document,
    Emphasis,
    Language,
    Masthead,
    Meta,
    OperativeParagraph,
    Organ,
    Para,
    Part,
    Point,
    Preamble,
    PreambularParagraph,
    Preface,
    Section,
    Text,
)


def _doc(**fields: object) -> Document:
    meta = Meta(kind=DocKind.RESOLUTION, organ=Organ.GA, language=Language.EN, symbol="A/RES/1/1", number="1/1")
    return Document(meta=meta, **fields)  # type: ignore[arg-type]


def _t(text: str) -> tuple[Text]:
    return (Text(text=text),)


def test_roles_in_reading_order() -> None:
    doc = _doc(
        masthead=Masthead(session="Sixty-fourth session", agenda=("Agenda item 69",)),
        cover=(
            CoverLine(role=CoverRole.ADOPTION, content=_t("Resolution adopted by the General Assembly")),
            CoverLine(role=CoverRole.PROPONENT, content=_t("[on the report of the Third Committee]")),
        ),
        preface=Preface(number="1/1.", title=_t("A title")),
        parts=(
            Part(
                preamble=Preamble(
                    formula=_t("The General Assembly,"), children=(PreambularParagraph(phrase="", content=_t("R")),)
                ),
                body=(OperativeParagraph(num="1.", content=_t("Decides")),),
            ),
        ),
        annexes=(Annex(label=_t("Annex"), headings=(), children=(Para(content=_t("x")),)),),
    )
    kinds = [type(role).__name__ for role in walk(doc)]
    assert kinds == [
        "Session",
        "Agenda",
        "CoverLine",
        "CoverLine",
        "Title",
        "Formula",
        "Recital",
        "Provision",
        "AnnexTitle",
        "Paragraph",
        "End",
    ]
    cover = [role for role in walk(doc) if isinstance(role, R.CoverLine)]
    assert [c.kind for c in cover] == [CoverKind.HEADLINE, CoverKind.COMMITTEE]
    assert (cover[1].lead, cover[1].inner, cover[1].trail) == ("[", _t("on the report of the Third Committee"), "]")
    provision = next(role for role in walk(doc) if isinstance(role, R.Provision))
    assert not provision.in_annex


def test_brackets_need_both_ends() -> None:
    assert brackets(_t("[open only")) == ("", _t("[open only"), "")
    content = (Text(text="[on "), Emphasis(children=_t("x")), Text(text=" y]"))
    assert brackets(content) == ("[", (Text(text="on "), Emphasis(children=_t("x")), Text(text=" y")), "]")


def test_a_point_in_the_body_is_set_one_step_in() -> None:
    inner = Point(num="(i)", content=_t("i"))
    body = (
        Point(num="(a)", content=_t("a"), children=(inner,)),
        OperativeParagraph(num="2.", content=_t("b"), children=(Point(num="(a)", content=_t("c")),)),
        Section(num="I", heading=_t("H"), children=(Point(num="(b)", content=_t("d")),)),
    )
    provisions = [(r.num, r.depth, r.level) for r in walk(_doc(parts=(Part(body=body),))) if isinstance(r, R.Provision)]
    assert provisions == [("(a)", 0, 1), ("(i)", 1, 2), ("2.", 0, 0), ("(a)", 1, 1), ("(b)", 0, 1)]
    heading = next(r for r in walk(_doc(parts=(Part(body=body), Part(body=body)))) if isinstance(r, R.Heading))
    assert heading.outline == 2


def test_inlines_flatten_into_pieces_carrying_their_emphasis() -> None:
    from unconvert.layout.inlines import Break, Mark, Run, pieces
    from unconvert.tree import Footnote, LineBreak, NoteRef, Strong, SymbolRef

    note = Footnote(marker="1", paragraphs=(_t("A note."),))
    content = (
        Emphasis(children=(Text(text="Recalling"), Strong(children=(SymbolRef(symbol="A/1", text="A/1"),)))),
        LineBreak(),
        note,
        NoteRef(marker="1", separator=","),
    )
    assert list(pieces(content)) == [
        Run("Recalling", italic=True),
        Run("A/1", bold=True, italic=True, symbol="A/1"),
        Break(),
        Mark("1", "", note),
        Mark("1", ",", None),
    ]


def test_columns_are_as_wide_as_their_text_needs() -> None:
    """Every column gets its widest word; the room left goes to the columns whose text would still take it (A/RES/72/
    313's annex: the long committee heading's column is the widest, the session column no wider than its words)."""
    from unconvert.layout.tables import column_widths

    widths = column_widths([40.0, 30.0, 30.0], [60.0, 200.0, 30.0], 200.0)
    assert sum(widths) == pytest.approx(200.0)
    assert widths[2] == pytest.approx(30.0) and widths[0] < widths[1]
    assert widths[0] >= 40.0
    # all on one line: the room left over is shared as the natural widths are
    assert column_widths([10.0, 10.0], [30.0, 10.0], 80.0) == pytest.approx([60.0, 20.0])
    # words that cannot stand side by side: the widest are cut down to one width, the others keep theirs (a fused
    # string of 500 pt does not take the column of its neighbour)
    assert column_widths([500.0, 20.0], [500.0, 20.0], 200.0) == pytest.approx([180.0, 20.0])
    assert column_widths([100.0, 100.0, 30.0], [100.0, 100.0, 30.0], 200.0) == pytest.approx([85.0, 85.0, 30.0])
