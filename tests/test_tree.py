"""The tree: immutable, typed, JSON round trip, importable without the writers' libraries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys

import pytest

from unconvert import tree as t


def _sample() -> t.Document:
    note = t.Footnote(marker="1", paragraphs=((t.Text(text="See A/55/1010."),),), line=30)
    return t.Document(
        meta=t.Meta(
            kind=t.DocKind.RESOLUTION,
            organ=t.Organ.GA,
            language=t.Language.EN,
            symbol="A/RES/64/183",
            number="64/183",
            issue_date=dt.date(2010, 2, 23),
            adoption_date=dt.date(2009, 12, 18),
            session=t.Session(number=64, text="Sixty-fourth session"),
            agenda_items=(t.AgendaItem(number="124", text="Agenda item 124"),),
            ods=t.OdsFields(job="N0947281E", symbol1="A/RES/64/183"),
        ),
        cover=(
            t.CoverLine(
                role=t.CoverRole.ADOPTION,
                content=(
                    t.Text(text="Resolution adopted by the General Assembly on "),
                    t.DateRef(date=dt.date(2009, 12, 18), text="18 December 2009", role=t.DateRole.ADOPTION),
                ),
            ),
        ),
        preface=t.Preface(number="64/183.", title=(t.Text(text="Cooperation"),)),
        parts=(
            t.Part(
                preamble=t.Preamble(
                    formula=(t.Emphasis(children=(t.Text(text="The General Assembly"),)), t.Text(text=",")),
                    children=(
                        t.PreambularParagraph(
                            phrase="Noting",
                            content=(t.Emphasis(children=(t.Text(text="Noting"),)), t.Text(text=" the Charter,"), note),
                        ),
                    ),
                ),
                body=(
                    t.OperativeParagraph(
                        num="1.",
                        content=(t.Text(text="Declares:"),),
                        children=(t.Point(num="(a)", content=(t.Text(text="one;"),)),),
                        wrap_up=(t.Text(text="and so on."),),
                    ),
                    t.Table(rows=(t.Row(cells=(t.Cell(paragraphs=((t.Text(text="x"),),), header=True),)),)),
                ),
            ),
        ),
        diagnostics=(t.Diagnostic(severity=t.Severity.WARNING, code="guess", message="guessed", line=3),),
    )


def test_json_round_trip_is_exact_including_lines_and_diagnostics() -> None:
    doc = _sample()
    back = t.from_json(json.loads(json.dumps(t.to_json(doc))))
    assert back == doc
    assert back.diagnostics == doc.diagnostics
    note = t.footnotes_in(back.parts[0].preamble.children[0].content)[0]  # type: ignore[union-attr]
    assert note.line == 30


def test_json_rejects_other_versions_and_unknown_nodes() -> None:
    data = t.to_json(_sample())
    with pytest.raises(ValueError, match="version"):
        t.from_json({**data, "unconvert": 99})
    broken = json.loads(json.dumps(data))
    broken["document"]["preface"]["type"] = "Nonsense"
    with pytest.raises(ValueError, match="unknown node type"):
        t.from_json(broken)


def test_nodes_are_immutable_and_equality_ignores_lines() -> None:
    a = t.Text(text="x", line=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.text = "y"  # type: ignore[misc]
    assert a == t.Text(text="x", line=99)
    assert hash(a) == hash(t.Text(text="x", line=2))


def test_plain_text_leaves_footnotes_out() -> None:
    para = _sample().parts[0].preamble.children[0]  # type: ignore[union-attr]
    assert t.plain_text(para.content) == "Noting the Charter,"  # type: ignore[union-attr]


def test_language_codes() -> None:
    assert t.Language.from_code("eng") is t.Language.EN
    assert t.Language.from_code("A") is t.Language.AR
    assert t.Language.AR.rtl and not t.Language.ZH.rtl
    assert [lang.iso639_2 for lang in t.Language] == ["eng", "fra", "spa", "rus", "ara", "zho"]
    with pytest.raises(ValueError):
        t.Language.from_code("xx")


def test_tree_imports_without_writer_libraries() -> None:
    code = (
        "import sys, unconvert.tree, unconvert.readers.ods;"
        "bad = [m for m in ('lxml', 'docx', 'reportlab', 'dask') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_walk_finds_nodes_in_document_order() -> None:
    doc = _sample()
    assert [n.marker for n in t.find_all(doc, t.Footnote)] == ["1"]
    assert [p.num for p in t.find_all(doc, t.OperativeParagraph | t.Point)] == ["1.", "(a)"]  # type: ignore[arg-type]
    texts = [n.text for n in t.find_all(doc, t.Text)]
    assert texts.index("Noting") < texts.index("See A/55/1010.") < texts.index("Declares:") < texts.index("x")
    assert next(iter(t.walk(doc))) is doc


def test_a_version_1_tree_reads_as_it_was_written() -> None:
    """Version 2 added ``Meta.running_head``: a version-1 tree (without it) reads with the field's default, and a
    version-2 tree keeps it."""
    doc = _sample()
    doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, running_head=("A long title", "over two lines")))
    data = json.loads(json.dumps(t.to_json(doc)))
    assert data["unconvert"] == 2
    assert t.from_json(data).meta.running_head == ("A long title", "over two lines")
    old = json.loads(json.dumps(data))
    old["unconvert"] = 1
    del old["document"]["meta"]["running_head"]
    back = t.from_json(old)
    assert back == doc and back.meta.running_head == ()
