"""Other kinds of documents (issue 8, class 7): special and emergency special sessions, Security Council resolutions
adopted with no meeting named, ECOSOC drafts recommended to the General Assembly, and GA decisions.

Built from the documents of ``../shared/corpus`` (skipped when it is absent). The corpus has no emergency special
session: those tests edit a real session-77 resolution into that shape (session line, number, symbol), in each
language, and say so.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from conftest import SHARED_CORPUS
from unconvert.readers.ods import read
from unconvert.readers.ods.front import Front, parse_front
from unconvert.readers.ods.stories import Stories, decode, split_stories
from unconvert.tree import (
    Document,
    Language,
    OperativeParagraph,
    Para,
    ParaRole,
    Point,
    PreambularParagraph,
    Section,
    find_all,
    plain_text,
)

AKN4UN = SHARED_CORPUS / "akn4un"
needs_corpus = pytest.mark.skipif(not AKN4UN.is_dir(), reason="../shared/corpus is not here")


def corpus_text(rel: str) -> str:
    return (AKN4UN / rel).read_text(encoding="utf-8")


def front_of(text: str) -> tuple[Stories, Front]:
    stories = split_stories(decode(text.encode("utf-8"), name="test"), name="test")
    return stories, parse_front(stories, name="test")


def document_of(text: str) -> Document:
    return read(text.encode("utf-8"), name="test")


# --- special and emergency special sessions -------------------------------------------------------------------


@needs_corpus
def test_special_session_resolution_number_and_session() -> None:
    """A/RES/S-32/1: ``Thirty-second special session`` is session 32, ``S-32/1.⇥Title`` its number and title, and
    the body starts at the formula (it was read as a preambular paragraph)."""
    stories, front = front_of(corpus_text("75/eng/A_RES_S-32_1_eng.txt"))
    meta = front.meta
    assert (meta.symbol, meta.number) == ("A/RES/S-32/1", "S-32/1")
    assert meta.session is not None and meta.session.number == 32
    assert meta.title.startswith("Our common commitment to effectively addressing challenges")
    assert front.preface is not None and front.preface.number == "S-32/1."
    assert stories.main[front.body_start].text.strip() == "The General Assembly"
    assert not [d for d in front.diagnostics if d.code == "session-unknown"]


# Session 77 (A/RES/77/121) edited into the eleventh emergency special session's shape: the corpus has none. The
# session line as the UN prints it in each language, and the number as the preface prints it.
_EMERGENCY = {
    "eng": ("Seventy-seventh session", "Eleventh emergency special session", "ES-11/2"),
    "fra": ("Soixante-dix-septième session", "Onzième session extraordinaire d’urgence", "ES-11/2"),
    "spa": (
        "Septuagésimo séptimo período de sesiones",
        "Undécimo período extraordinario de sesiones de emergencia",
        "ES-11/2",
    ),
    "rus": ("Семьдесят седьмая сессия", "Одиннадцатая чрезвычайная специальная сессия", "ES-11/2"),
    "ara": ("الدورة السابعة والسبعون", "الدورة الاستثنائية الطارئة الحادية عشرة", "دإط-11/2"),
    "zho": ("第七十七届会议", "第十一届紧急特别会议", "ES-11/2"),
}


@needs_corpus
@pytest.mark.parametrize("lang", sorted(_EMERGENCY))
def test_emergency_special_session_in_every_language(lang: str) -> None:
    """An edited document (see above): the session is 11, the number ``ES-11/2`` (Arabic prints ``دإط-11/2``, the
    symbol's number stays ``ES-11/2``), the title is read, and the preambular paragraphs stay in the preamble."""
    original = corpus_text(f"77/{lang}/A_RES_77_121_{lang}.txt")
    regular, emergency, printed = _EMERGENCY[lang]
    assert regular in original
    edited = original.replace(regular, emergency, 1).replace("A/RES/77/121", "A/RES/ES-11/2")
    edited = edited.replace("\t77/121", "\t" + printed, 1)
    _stories, before = front_of(original)
    _stories, front = front_of(edited)
    meta = front.meta
    assert (meta.symbol, meta.number) == ("A/RES/ES-11/2", "ES-11/2")
    assert meta.session is not None and meta.session.number == 11 and meta.session.text == emergency
    assert meta.title == before.meta.title and meta.title
    assert front.preface is not None and front.preface.number.rstrip(".") == printed
    assert front.body_start == before.body_start
    document = document_of(edited)
    assert document.parts[0].preamble is not None and len(document.parts[0].preamble.children) > 5


# --- Security Council resolutions adopted with no meeting named -----------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("lang", ["eng", "fra", "spa", "rus", "ara", "zho"])
def test_security_council_adopted_with_no_meeting(lang: str) -> None:
    """S/RES/2557 (2020) names no meeting (``Adopted by the Security Council on 18 December 2020``): the adoption
    date is read from that line (the French masthead's issue date says 2021, so nothing else may stand in for it),
    and no meeting is invented."""
    _stories, front = front_of(corpus_text(f"sc2020/{lang}/S_RES_2557_2020_{lang}.txt"))
    assert front.meta.adoption_date == dt.date(2020, 12, 18)
    assert front.meta.meeting is None
    assert not [d for d in front.diagnostics if d.code == "adoption-date-missing"]


@needs_corpus
@pytest.mark.parametrize("lang", ["eng", "fra", "spa", "rus", "ara", "zho"])
def test_heading_before_the_first_operative_paragraph(lang: str) -> None:
    """S/RES/2557 (2020): ``Measures`` between the last recital and paragraph 1 heads the operative part; it is no
    recital. A/RES/77/133's last recital (``Having also examined …,2``, its comma before a note mark) stays one."""
    document = document_of(corpus_text(f"sc2020/{lang}/S_RES_2557_2020_{lang}.txt"))
    part = document.parts[0]
    assert part.preamble is not None and len(part.preamble.children) == 10
    first = part.body[0]
    if lang == "zho":  # laid out as a body paragraph (``⇥措施``), not set as a heading: see below
        assert isinstance(first, OperativeParagraph) and first.num is None
    else:
        assert isinstance(first, Para) and first.role is ParaRole.HEADING
    document = document_of(corpus_text("77/eng/A_RES_77_133_eng.txt"))
    preamble = document.parts[0].preamble
    assert preamble is not None and isinstance(preamble.children[-1], PreambularParagraph)


# --- GA decisions ------------------------------------------------------------------------------------------------


@needs_corpus
def test_decision_in_two_parts() -> None:
    """A/DEC/76/559 is adopted in two parts, ``A`` and ``B``, each a paragraph with its own closing lines and no
    formula: two parts, not part B's paragraph read as closing text of part A."""
    document = document_of(corpus_text("gadec76/eng/A_DEC_76_559_eng.txt"))
    assert [part.label for part in document.parts] == ["A", "B"]
    for part, date in zip(document.parts, (dt.date(2022, 3, 29), dt.date(2022, 6, 21)), strict=True):
        assert len(part.body) == 1 and part.conclusions is not None
        assert any(getattr(node, "date", None) == date for line in part.conclusions.lines for node in line)


@needs_corpus
@pytest.mark.parametrize("lang", ["ara", "zho"])
def test_decision_language_from_its_front_matter(lang: str) -> None:
    """A/DEC/78/556 has no ODS job letter, and its annex lists a thousand organizations by their Latin names: the
    language shows in the front matter (it was read as French, and the closing lines were missed)."""
    document = document_of(corpus_text(f"gadec78/{lang}/A_DEC_78_556_{lang}.txt"))
    assert document.meta.language is (Language.AR if lang == "ara" else Language.ZH)
    assert document.meta.adoption_date == dt.date(2024, 7, 11)
    assert document.parts[0].conclusions is not None


# --- ECOSOC: a draft recommended to the General Assembly ----------------------------------------------------------


def _nums(blocks: tuple[object, ...]) -> list[tuple[str, list[object]]]:
    return [(b.num or "", _nums(b.children)) for b in blocks if isinstance(b, OperativeParagraph | Point)]


def _gold_nums(nodes: list[dict[str, Any]]) -> list[tuple[str, list[object]]]:
    return [(n["num"], _gold_nums(n["children"])) for n in nodes]


@needs_corpus
@pytest.mark.parametrize("rel", ["ecosoc2023/eng/E_RES_2023_26_eng", "ecosoc2025/eng/E_RES_2025_16_eng"])
def test_ecosoc_draft_nests_in_the_paragraph_that_recommends_it(rel: str) -> None:
    """``Recommends to the General Assembly the adoption of the following draft resolution:`` / ``The General
    Assembly,`` / recitals / ``1. …``: the draft (its formula, recitals and paragraphs with their items) is inside
    the recommending paragraph, as the UN marks it (an embedded structure); none of it is the Council's own
    preamble or paragraphs."""
    document = document_of(corpus_text(rel + ".txt"))
    gold = json.loads((AKN4UN / (rel + ".gold.json")).read_text(encoding="utf-8"))
    part = document.parts[0]
    assert part.preamble is not None and not part.preamble.children
    (recommends,) = part.body
    assert isinstance(recommends, OperativeParagraph) and recommends.num is None
    assert plain_text(recommends.content).endswith("draft resolution:")
    formula, first_recital = recommends.children[:2]
    assert isinstance(formula, Para) and plain_text(formula.content) == "The General Assembly,"
    assert isinstance(first_recital, PreambularParagraph)
    assert _nums(part.body) == _gold_nums(gold["operative"])


# --- Security Council: bullets after an item, text under an item that names a topic -------------------------------


@needs_corpus
@pytest.mark.parametrize("year_number", ["2020_2531", "2024_2729"])
@pytest.mark.parametrize("lang", ["eng", "fra", "spa", "rus", "ara"])
def test_security_council_items_nest_as_the_un_marks_them(year_number: str, lang: str) -> None:
    """S/RES/2729 (2024) ``(a) Protection of civilians:`` / ``(i) To use …`` / ``• To prevent …`` / ``(ii) …``: the
    bullets are siblings of ``(i)``, and ``(ii)`` goes on after them. S/RES/2531 (2020) ``(f) Humanitarian
    assistance`` / ``In support of the Malian authorities, …``: the text is an unnumbered item inside ``(f)``, not
    the paragraph's wrap-up. The whole operative tree is the gold's (Chinese marks its headings as paragraphs)."""
    year, number = year_number.split("_")
    rel = f"sc{year}/{lang}/S_RES_{number}_{year}_{lang}"
    document = document_of(corpus_text(rel + ".txt"))
    gold = json.loads((AKN4UN / (rel + ".gold.json")).read_text(encoding="utf-8"))
    body = tuple(b for part in document.parts for b in part.body)
    assert _nums(body) == _gold_nums(gold["operative"])


@needs_corpus
@pytest.mark.parametrize(
    "rel",
    [
        "sc2025/eng/S_RES_2805_2025_eng",
        "sc2025/rus/S_RES_2805_2025_rus",
        "sc2025/spa/S_RES_2805_2025_spa",
        "sc2020/zho/S_RES_2542_2020_zho",
    ],
)
def test_items_numbered_with_a_full_stop_or_in_chinese_words(rel: str) -> None:
    """S/RES/2805 (2025) numbers the items of ``(b)`` ``i.``, ``ii.`` (they were read as text); S/RES/2542 (2020)
    zho goes on after ``㈩`` with ``(十一)``. Both are items, nested where the gold has them."""
    document = document_of(corpus_text(rel + ".txt"))
    gold = json.loads((AKN4UN / (rel + ".gold.json")).read_text(encoding="utf-8"))
    body = tuple(b for part in document.parts for b in part.body)
    assert _nums(body) == _gold_nums(gold["operative"])


@needs_corpus
def test_adoption_line_and_closing_lines_disagree() -> None:
    """A/RES/77/81 spa prints ``Resolución aprobada por la Asamblea General el 7 de diciembre de 2012`` above and
    ``7 de diciembre de 2022`` in its closing lines (issued 15 December 2022): the date the issue date can follow
    is kept, with a warning on the adoption line."""
    document = document_of(corpus_text("77/spa/A_RES_77_81_spa.txt"))
    assert document.meta.adoption_date == dt.date(2022, 12, 7)
    (conflict,) = [d for d in document.diagnostics if d.code == "adoption-date-conflict"]
    assert conflict.line == 4 and "2012-12-07" in conflict.message


# --- lines laid out as body paragraphs, not set as headings --------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize(
    "rel",
    [
        "sc2020/zho/S_RES_2557_2020_zho",
        "sc2020/zho/S_RES_2531_2020_zho",
        "sc2022/ara/S_RES_2624_2022_ara",
        "77/ara/A_RES_77_307_ara",
    ],
)
def test_topic_lines_laid_out_as_paragraphs(rel: str) -> None:
    """A short unpunctuated line before a numbered paragraph is a heading where it is set as one (``⇥⇥Measures``)
    and an unnumbered paragraph where it is laid out as a body paragraph (``⇥措施``), as the UN's files mark it then;
    the whole operative tree is the gold's."""
    document = document_of(corpus_text(rel + ".txt"))
    gold = json.loads((AKN4UN / (rel + ".gold.json")).read_text(encoding="utf-8"))
    body = tuple(b for part in document.parts for b in part.body)
    assert _nums(body) == _gold_nums(gold["operative"])


@needs_corpus
@pytest.mark.parametrize(("lang", "nested"), [("eng", True), ("ara", True), ("spa", False), ("rus", False)])
def test_items_of_an_unnumbered_paragraph(lang: str, nested: bool) -> None:
    """A/RES/80/84 A ``Urges all countries …:`` / ``(a) To cooperate …``: the unnumbered paragraph keeps its items
    (they were hung on an empty paragraph of their own); items numbered ``a)`` stand beside it, as the gold keeps
    them (see ``_lettered_items``)."""
    document = document_of(corpus_text(f"80/{lang}/A_RES_80_84_A-B_{lang}.txt"))
    body = document.parts[0].body
    first, second = body[0], body[1] if len(body) > 1 else None  # part A may hold that one paragraph only
    assert isinstance(first, OperativeParagraph) and first.num is None and plain_text(first.content)
    points = [c for c in first.children if isinstance(c, Point)]
    if nested:
        assert len(points) == 6 and not (
            isinstance(second, OperativeParagraph) and second.num is not None and ")" in second.num
        )
    else:
        assert not points and isinstance(second, OperativeParagraph) and (second.num or "").endswith(")")


@needs_corpus
@pytest.mark.parametrize("lang", ["eng", "fra", "spa", "rus", "zho"])
def test_part_numbers_laid_out_as_paragraphs(lang: str) -> None:
    """A/RES/80/110 prints its parts ``⇥I`` / ``⇥Implementation of the Convention …`` with one tab, as body
    paragraphs: two unnumbered paragraphs before paragraph 1, as the UN marks them, not a section. Its Arabic file
    and A/RES/77/259 set them as headings (``⇥⇥أولا``, ``⇥⇥I``): sections, as the UN marks them there."""
    document = document_of(corpus_text(f"80/{lang}/A_RES_80_110_{lang}.txt"))
    arabic = document_of(corpus_text("80/ara/A_RES_80_110_ara.txt")).parts[0].body
    assert all(isinstance(b, Section) for b in arabic)
    body = document.parts[0].body
    assert not any(isinstance(b, Section) for b in body)
    first, title, paragraph = body[:3]
    assert isinstance(first, OperativeParagraph) and first.num is None and 0 < len(plain_text(first.content)) <= 5
    assert isinstance(title, OperativeParagraph) and title.num is None and plain_text(title.content)
    assert isinstance(paragraph, OperativeParagraph) and (paragraph.num or "").startswith("1")
    sections = document_of(corpus_text("77/eng/A_RES_77_259_eng.txt")).parts[0].body
    assert any(isinstance(b, Section) and b.num.startswith("I") for b in sections)


@needs_corpus
@pytest.mark.parametrize(("lang", "before"), [("fra", 90), ("spa", 90), ("rus", 90), ("eng", 108), ("zho", 90)])
def test_a_long_heading_between_paragraphs_is_no_paragraphs_end(lang: str, before: int) -> None:
    """A/RES/80/84 B heads paragraphs 90 and 108 with titles of 136-301 characters (``⇥⇥Rôle du Département de la
    communication globale dans les opérations de maintien de la paix …``), longer than a heading usually is, with
    no full stop: a heading (two tabs) or an unnumbered paragraph (one tab), never the end of the paragraph
    above, in every language."""
    document = document_of(corpus_text(f"80/{lang}/A_RES_80_84_A-B_{lang}.txt"))
    paragraphs = {
        (b.num or "").rstrip(". "): b
        for b in find_all(document.parts[1], OperativeParagraph)
        if b.num and b.num.rstrip(". ").isdigit()
    }
    above = paragraphs[str(before - 1)]
    assert not [c for c in above.children if not isinstance(c, Point)], "the heading was read as its text"
    assert not above.wrap_up
