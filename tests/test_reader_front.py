"""Stage 1 of the ODS reader on real documents: decoding, the four stories, and the front matter.

The seed (A/RES/64/183) is checked field by field; every dump of the bundled sample corpus (all six languages,
GA, ECOSOC, Security Council, a decision, multi-part resolutions) against its gold metadata; byte-level variants
(CRLF + BOM, no-break spaces, straight quotes, missing comment or header story, other comment initials) must read
the same; anything that is not a dump must raise ``ReadError`` with a line, never another exception.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import SAMPLE_CORPUS, SEED, SHARED_CORPUS, examples, sample_dumps, shared_dumps
from unconvert import write
from unconvert.context import Context
from unconvert.diagnostics import Severity
from unconvert.errors import ReadError
from unconvert.readers.ods import read
from unconvert.readers.ods.front import Front, parse_front
from unconvert.readers.ods.stories import Stories, decode, split_stories
from unconvert.tree import (
    CoverRole,
    DateRef,
    DateRole,
    DocKind,
    Language,
    MeetingRef,
    Organ,
    SymbolRef,
    plain_text,
)


def stories_of(data: bytes, name: str = "test") -> Stories:
    return split_stories(decode(data, name=name), name=name)


def front_of(data: bytes, name: str = "test") -> tuple[Stories, Front]:
    stories = stories_of(data, name)
    return stories, parse_front(stories, name=name)


def sample(rel: str) -> Path:
    return SAMPLE_CORPUS / rel


def gold_meta(path: Path) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))["meta"]
    return meta


def without_comment_story(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(line for line in lines if "<<ODS" not in line)


def without_header_story(text: str) -> str:
    return text[: text.index("_______________")]


AKN_NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")


# --- decoding and stories --------------------------------------------------------------------------------------


def test_seed_stories_are_split_with_file_line_numbers() -> None:
    stories = stories_of(SEED_BYTES)
    assert stories.main[0].number == 1 and stories.main[0].text == "[DU1]"
    assert stories.main[6].text == "\tThe General Assembly,"  # tabs kept
    assert [line.text for line in stories.main[-2:]] == ["65th plenary meeting", "18 December 2009"]
    assert [(line.number, line.text) for line in stories.footnotes] == [
        (23, "1 See A/55/1010-S/2001/667, annex I, para. 5.")
    ]
    assert [line.number for line in stories.comments] == [24, 25, 26]
    assert stories.headers[0].text == "_______________"
    assert any(line.text == "Agenda item 124" for line in stories.headers)


def test_crlf_bom_and_cr_give_the_same_stories() -> None:
    plain = stories_of(SEED_BYTES)
    for variant in (b"\xef\xbb\xbf" + SEED_BYTES.replace(b"\n", b"\r\n"), SEED_BYTES.replace(b"\n", b"\r")):
        assert stories_of(variant) == plain


def test_closing_date_is_not_taken_for_a_footnote() -> None:
    # No footnotes, and the main story ends with a date that starts with "1 ": it stays in the main story.
    text = SEED_TEXT.replace("18 December 2009\n1 See A/55/1010-S/2001/667, annex I, para. 5.\n", "1 December 2009\n")
    stories = stories_of(text.encode())
    assert stories.footnotes == []
    assert stories.main[-1].text == "1 December 2009"


def test_footnotes_that_start_after_1_and_run_over_lines() -> None:
    text = SEED_TEXT.replace(
        "1 See A/55/1010-S/2001/667, annex I, para. 5.\n",
        "* Reissued for technical reasons.\n2 See A/55/1010-S/2001/667,\nannex I, para. 5.\n3 A/64/439.\n",
    )
    stories = stories_of(text.encode())
    assert [line.text for line in stories.footnotes] == [
        "* Reissued for technical reasons.",
        "2 See A/55/1010-S/2001/667,",
        "annex I, para. 5.",
        "3 A/64/439.",
    ]
    assert stories.main[-1].text == "18 December 2009"


def test_other_comments_belong_to_the_comment_story() -> None:
    text = SEED_TEXT.replace("[DU1]<<ODS JOB NO>>", "[AB2]Please check the title.\n[DU1]<<ODS JOB NO>>")
    symbol2 = "<<ODS DOC SYMBOL2>><<ODS DOC SYMBOL2>>\n"
    text = text.replace(symbol2, symbol2 + "[XY3]Done.\n")
    stories = stories_of(text.encode())
    assert [line.text for line in stories.footnotes] == ["1 See A/55/1010-S/2001/667, annex I, para. 5."]
    assert stories.comments[0].text == "[AB2]Please check the title."
    assert stories.comments[-1].text == "[XY3]Done."
    assert parse_front(stories, name="test").meta.ods.job == "N0947281E"


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"[DU1]\nResolution\n\x00\x01\x02binary", 3),
        # bytes neither UTF-8 nor Windows-1252 has (\xff\xfe alone is Windows-1252 "ÿþ", read with a warning)
        (b"[DU1]\nResolution adopted\nby the General Assembly \x81\x8d on", 3),
        (b"[DU1]\r\nok\r\nok\r\n\x07bell", 4),
        (b"PK\x03\x04\x14\x00\x06\x00", 1),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 1),
        (b"", 1),  # issue #15: an empty file is reported at line 1 too
        (b"\n\n  \n", 1),
    ],
)
def test_binary_or_empty_input_is_a_read_error_with_its_line(data: bytes, line: int | None) -> None:
    with pytest.raises(ReadError) as caught:
        read(data, name="bad.txt")
    assert caught.value.name == "bad.txt"
    assert caught.value.line == line
    assert "bad.txt" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "Hello world.\nThis is a shopping list: eggs, milk, bread.\n",
        "1 2 3\n4 5 6\n",
        "lorem ipsum dolor sit amet\n" * 20,
        "Здравствуйте, мир.\nЭто не документ.\n",
    ],
)
def test_text_that_is_no_un_document_is_a_read_error(text: str) -> None:
    with pytest.raises(ReadError) as caught:
        read(text.encode(), name="notes.txt")
    assert caught.value.line is not None


# --- the seed, field by field -------------------------------------------------------------------------------------


def test_seed_front_matter() -> None:
    stories, front = front_of(SEED_BYTES)
    meta = front.meta
    assert meta.kind is DocKind.RESOLUTION and meta.organ is Organ.GA and meta.language is Language.EN
    assert meta.symbol == "A/RES/64/183" and meta.number == "64/183" and meta.symbol2 == ""
    assert meta.title == "Cooperation between the United Nations and the Shanghai Cooperation Organization"
    assert meta.job_number == "09-47281"
    assert meta.issue_date == dt.date(2010, 2, 23)
    assert meta.adoption_date == dt.date(2009, 12, 18)
    assert meta.session is not None and (meta.session.number, meta.session.text) == (64, "Sixty-fourth session")
    assert [(item.number, item.text) for item in meta.agenda_items] == [("124", "Agenda item 124")]
    assert meta.distribution == "Distr.: General"
    assert (meta.ods.job, meta.ods.symbol1, meta.ods.symbol2, meta.ods.ref_job) == (
        "N0947281E",
        "A/RES/64/183",
        "",
        False,
    )

    head = front.masthead
    assert (head.authority, head.symbol, head.organ, head.distribution) == (
        "United Nations",
        "A/RES/64/183",
        "General Assembly",
        "Distr.: General",
    )
    assert (head.date, head.session, head.agenda) == ("23 February 2010", "Sixty-fourth session", ("Agenda item 124",))

    adoption, proponent = front.cover
    assert adoption.role is CoverRole.ADOPTION
    assert plain_text(adoption.content) == "Resolution adopted by the General Assembly on 18 December 2009"
    dates = [n for n in adoption.content if isinstance(n, DateRef)]
    assert [(d.date, d.text, d.role) for d in dates] == [(dt.date(2009, 12, 18), "18 December 2009", DateRole.ADOPTION)]
    assert proponent.role is CoverRole.PROPONENT
    assert plain_text(proponent.content) == "[without reference to a Main Committee (A/64/L.34 and Add.1)]"
    symbols = [n.symbol for n in proponent.content if isinstance(n, SymbolRef)]
    assert symbols == ["A/64/L.34", "A/64/L.34/Add.1"]

    assert front.preface is not None and front.preface.number == "64/183."
    assert plain_text(front.preface.title) == meta.title
    assert stories.main[front.body_start].text == "\tThe General Assembly,"
    assert front.part_label is None
    assert [d for d in front.diagnostics if d.severity is Severity.WARNING] == []


def test_no_main_story_line_before_the_body_is_lost() -> None:
    for path in [SEED, *sample_dumps()]:
        stories, front = front_of(path.read_bytes(), path.name)
        used = {c.line for c in front.cover} | {getattr(n, "line", None) for c in front.cover for n in c.content}
        if front.preface is not None:
            used |= {front.preface.line} | {getattr(n, "line", None) for n in front.preface.title}
        if front.meta.session is not None:
            used.add(front.meta.session.line)
        used |= {item.line for item in front.meta.agenda_items}
        if front.part_label_index is not None:
            used.add(stories.main[front.part_label_index].number)
        for line in stories.main[: front.body_start]:
            text = line.text.strip(" \t\u00a0")
            if text and not (text.startswith("[") and text.endswith("]") and "<<" not in text and " " not in text):
                assert line.number in used, (path.name, line)


# --- the sample corpus against its gold ----------------------------------------------------------------------------


def _key(value: object) -> str:
    return "".join(str(value).replace("\u00a0", " ").replace("\u2011", "-").split())


@pytest.mark.parametrize("path", sample_dumps(), ids=lambda p: p.stem)
def test_sample_meta_matches_gold(path: Path) -> None:
    gold = gold_meta(path)
    _stories, front = front_of(path.read_bytes(), path.name)
    meta = front.meta
    got = {
        "symbol": meta.symbol,
        "number": meta.number,
        "title": meta.title,
        "adoption_date": meta.adoption_date.isoformat() if meta.adoption_date else None,
        "issue_date": meta.issue_date.isoformat() if meta.issue_date else None,
        "session": meta.session.number if meta.session else None,
        "agenda_items": [item.number for item in meta.agenda_items],
        "job_number": meta.job_number,
        "ods_job": meta.ods.job,
    }
    for field_name, expected in gold.items():
        if field_name not in got or expected is None:
            continue
        if isinstance(expected, list):
            assert [_key(v) for v in got[field_name]] == [_key(v) for v in expected], field_name
        else:
            assert _key(got[field_name]) == _key(expected), field_name


def _meta_hits(path: Path) -> tuple[int, int]:
    """(fields right, fields in the gold) for one dump."""
    gold = gold_meta(path)
    meta = front_of(path.read_bytes(), path.name)[1].meta
    got: dict[str, object] = {
        "symbol": meta.symbol,
        "number": meta.number,
        "title": meta.title,
        "adoption_date": meta.adoption_date.isoformat() if meta.adoption_date else None,
        "issue_date": meta.issue_date.isoformat() if meta.issue_date else None,
        "session": meta.session.number if meta.session else None,
        "agenda_items": "|".join(_key(item.number) for item in meta.agenda_items),
        "job_number": meta.job_number,
    }
    right = total = 0
    for name, value in got.items():
        expected = gold.get(name)
        if expected is None:
            continue
        if isinstance(expected, list):
            expected = "|".join(_key(v) for v in expected)
        total += 1
        right += _key(value) == _key(expected)
    return right, total


@pytest.mark.skipif(not shared_dumps(), reason="../shared/corpus is not here")
def test_shared_corpus_meta_is_right_in_every_language() -> None:
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    for path in shared_dumps():
        language = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8")).get("language") or "en"
        hits, fields = _meta_hits(path)
        right[language] = right.get(language, 0) + hits
        total[language] = total.get(language, 0) + fields
    scores = {language: right[language] / total[language] for language in total}
    assert len(scores) == 6 and all(score >= 0.99 for score in scores.values()), scores


def test_every_language_is_detected() -> None:
    seen = {front_of(p.read_bytes(), p.name)[1].meta.language for p in sample_dumps()}
    assert seen == set(Language)


def test_security_council_resolution() -> None:
    stories, front = front_of(sample("akn4un/sc2023/eng/S_RES_2674_2023_eng.txt").read_bytes())
    meta = front.meta
    assert (meta.organ, meta.kind, meta.symbol, meta.number) == (
        Organ.SC,
        DocKind.RESOLUTION,
        "S/RES/2674 (2023)",
        "2674 (2023)",
    )
    assert meta.adoption_date == dt.date(2023, 1, 30) and meta.meeting == "9252nd meeting"
    assert front.preface is None and meta.session is None
    title, adopted = front.cover
    assert title.role is CoverRole.TITLE and plain_text(title.content) == "Resolution 2674 (2023)"
    assert adopted.role is CoverRole.ADOPTED_AT
    meeting = [n for n in adopted.content if isinstance(n, MeetingRef)]
    assert [(m.ordinal, m.text) for m in meeting] == [("9252nd", "9252nd meeting")]
    assert [n.date for n in adopted.content if isinstance(n, DateRef)] == [dt.date(2023, 1, 30)]
    assert stories.main[front.body_start].text.strip() == "The Security Council,"


def test_arabic_security_council_resolution() -> None:
    _stories, front = front_of(sample("akn4un/sc2023/ara/S_RES_2674_2023_ara.txt").read_bytes())
    assert front.meta.language is Language.AR and front.meta.organ is Organ.SC
    assert front.meta.adoption_date == dt.date(2023, 1, 30)
    assert [c.role for c in front.cover] == [CoverRole.TITLE, CoverRole.ADOPTED_AT]


@pytest.mark.parametrize("rel", ["akn4un/gadec77/eng/A_DEC_77_401_eng.txt", "akn4un/gadec77/zho/A_DEC_77_401_zho.txt"])
def test_decision(rel: str) -> None:
    stories, front = front_of(sample(rel).read_bytes())
    meta = front.meta
    assert (meta.kind, meta.organ, meta.symbol, meta.number) == (DocKind.DECISION, Organ.GA, "A/DEC/77/401", "77/401")
    assert meta.session is not None and meta.session.number == 77
    assert [item.number.replace(" ", "") for item in meta.agenda_items] == ["3(a)"]
    assert meta.adoption_date == dt.date(2022, 9, 13)  # from the closing lines
    assert meta.issue_date is None and meta.job_number is None  # not stated: never invented
    codes = {d.code for d in front.diagnostics}
    assert {"issue-date-missing", "job-number-missing"} <= codes
    roles = [c.role for c in front.cover]
    assert roles == [CoverRole.DOC_TYPE, CoverRole.PROPONENT, CoverRole.OTHER]
    assert front.preface is not None and front.preface.number == "77/401."
    assert stories.main[front.body_start].text.startswith("\t")


def test_ecosoc_resolution() -> None:
    stories, front = front_of(sample("akn4un/ecosoc2024/eng/E_RES_2024_17_eng.txt").read_bytes())
    meta = front.meta
    assert (meta.organ, meta.symbol, meta.number) == (Organ.ECOSOC, "E/RES/2024/17", "2024/17")
    assert meta.session is not None and meta.session.number == 2024
    assert stories.main[front.body_start].text.strip() == "The Economic and Social Council,"


def test_multi_part_resolutions_record_their_part_letter() -> None:
    stories, front = front_of(sample("word/A_RES_72_262C.txt").read_bytes())
    assert (front.meta.symbol, front.meta.number, front.part_label) == ("A/RES/72/262 C", "72/262", "C")
    assert front.part_label_index is not None and stories.main[front.part_label_index].text == "C"
    stories, front = front_of(sample("word/A_RES_72_8B.txt").read_bytes())
    assert (front.meta.symbol, front.meta.number, front.part_label) == ("A/RES/72/8 B", "72/8", "B")
    assert front.part_label_index is not None
    assert front.front_notes == ((front.part_label_index, "1"),)  # "B1": the part letter carries note 1


def test_reissued_star_note_on_the_session_line() -> None:
    stories, front = front_of(sample("word/E_RES_2018_14.txt").read_bytes())
    assert front.meta.session is not None and front.meta.session.number == 2018
    assert any(mark == "*" and stories.main[index].text.startswith("*") for index, mark in front.front_notes)


# --- variants read the same ---------------------------------------------------------------------------------------


def test_seed_variants_read_the_same() -> None:
    _stories, reference = front_of(SEED_BYTES)
    variants = {
        "crlf+bom": b"\xef\xbb\xbf" + SEED_BYTES.replace(b"\n", b"\r\n"),
        "nbsp": SEED_TEXT.replace("on 18 December 2009", "on 18\u00a0December\u00a02009")
        .replace("Agenda item 124", "Agenda item\u00a0124")
        .encode(),
        "straight quotes": SEED_TEXT.replace("\u201c", '"').replace("\u201d", '"').encode(),
        "trailing spaces": "\n".join(line + "  " if line else line for line in SEED_TEXT.split("\n")).encode(),
        "initials": SEED_TEXT.replace("[DU1]", "[AB7]").encode(),
    }
    for label, data in variants.items():
        _stories, front = front_of(data)
        assert front.meta == reference.meta, label
        assert [plain_text(c.content).replace("\u00a0", " ") for c in front.cover] == [
            plain_text(c.content) for c in reference.cover
        ], label


def test_missing_comment_story_reads_the_same_except_the_ods_fields() -> None:
    _stories, reference = front_of(SEED_BYTES)
    _stories, front = front_of(without_comment_story(SEED_TEXT).encode())
    assert front.meta == dataclasses.replace(reference.meta, ods=front.meta.ods)
    assert front.meta.ods.job == ""


def test_missing_comment_story_in_french_still_reads_french() -> None:
    path = sample("akn4un/77/fra/A_RES_77_125_fra.txt")
    _stories, reference = front_of(path.read_bytes())
    _stories, front = front_of(without_comment_story(path.read_text(encoding="utf-8")).encode())
    assert front.meta.language is Language.FR
    assert front.meta == dataclasses.replace(reference.meta, ods=front.meta.ods)


def test_missing_header_story_keeps_what_the_main_story_says() -> None:
    _stories, reference = front_of(SEED_BYTES)
    stories, front = front_of(without_header_story(SEED_TEXT).encode())
    assert stories.headers == []
    meta = front.meta
    # The masthead's date, session and agenda item are gone; the job number is read from the ODS job (guessed).
    gone = {"issue_date": None, "session": None, "agenda_items": (), "distribution": None}
    assert meta == dataclasses.replace(reference.meta, **gone)
    assert {"issue-date-missing", "job-number-from-ods"} <= {d.code for d in front.diagnostics}
    path = sample("word/A_RES_72_244.txt")
    _stories, full = front_of(path.read_bytes())
    _stories, cut = front_of(without_header_story(path.read_text(encoding="utf-8")).encode())
    assert cut.meta.session == full.meta.session and cut.meta.agenda_items == full.meta.agenda_items


def test_adoption_date_missing_is_none_with_a_warning() -> None:
    text = SEED_TEXT.replace("Resolution adopted by the General Assembly on 18 December 2009", "Resolution adopted")
    text = text.replace("65th plenary meeting\n18 December 2009\n", "")
    _stories, front = front_of(text.encode())
    assert front.meta.adoption_date is None
    warning = [d for d in front.diagnostics if d.code == "adoption-date-missing"]
    assert warning and warning[0].severity is Severity.WARNING


def test_no_date_at_all_is_never_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document that states no adoption, issue or print date gets none: the AKN work date says it is the markup
    date, whatever the clock says, and the reader warns."""
    text = SEED_TEXT.replace("Resolution adopted by the General Assembly on 18 December 2009", "Resolution adopted")
    text = text.replace("65th plenary meeting\n18 December 2009\n", "").replace("23 February 2010", "")
    document = read(text.encode(), name="undated.txt")
    meta = document.meta
    assert (meta.adoption_date, meta.issue_date, meta.print_date) == (None, None, None)
    assert {"adoption-date-missing", "issue-date-missing", "date-missing"} <= {d.code for d in document.diagnostics}
    for epoch in ("1700000000", "1800000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        root = etree.fromstring(write(document, "akn", context=Context.from_env()))
        (work_date,) = root.xpath("//a:FRBRWork/a:FRBRdate", namespaces=AKN_NS)
        assert work_date.get("name") == "markup"  # never "adoption"
        assert not root.xpath("//a:workflow", namespaces=AKN_NS)


def test_missing_adoption_date_falls_back_to_what_the_document_states() -> None:
    """No adoption date: the issue date identifies the work, named as such; with no masthead date either, the print
    date of the first-page footer (``22-28504 (E)    151222``)."""
    path = sample("akn4un/77/eng/A_RES_77_125_eng.txt")
    full = read(path.read_bytes(), name=path.name)
    assert full.meta.print_date == dt.date(2022, 12, 15)
    undated = dataclasses.replace(full.meta, adoption_date=None)
    root = etree.fromstring(write(dataclasses.replace(full, meta=undated), "akn", context=Context.fixed()))
    (work_date,) = root.xpath("//a:FRBRWork/a:FRBRdate", namespaces=AKN_NS)
    assert (work_date.get("date"), work_date.get("name")) == (full.meta.issue_date.isoformat(), "issuance")
    unissued = dataclasses.replace(undated, issue_date=None)
    root = etree.fromstring(write(dataclasses.replace(full, meta=unissued), "akn", context=Context.fixed()))
    (work_date,) = root.xpath("//a:FRBRWork/a:FRBRdate", namespaces=AKN_NS)
    assert (work_date.get("date"), work_date.get("name")) == ("2022-12-15", "print")


GERMAN = """[DU1]
Vereinte Nationen\tA/RES/64/183
Generalversammlung\tVerteilung: Allgemein
Vierundsechzigste Tagung
Tagesordnungspunkt 124
64/183.\tRegelung der Finanzierung der Friedenssicherungseinsätze der Vereinten Nationen
\tDie Generalversammlung,
\tunter Hinweis auf ihre Resolution 55/235 vom 23. Dezember 2000 über die Regelung der Finanzierung,
\t1.\tnimmt Kenntnis von dem Bericht des Generalsekretärs über die Durchführung der Resolution;
\t2.\tbeschließt, dass die Mitgliedstaaten ihre Beiträge vollständig und pünktlich entrichten sollen;
\t3.\tersucht den Generalsekretär, ihr auf ihrer nächsten Tagung darüber Bericht zu erstatten.
65. Plenarsitzung
18. Dezember 2009
"""


@pytest.mark.parametrize("job", ["", "[DU1]<<ODS JOB NO>>N0947281G<<ODS JOB NO>>\n"])
def test_a_language_outside_the_six_is_a_read_error(job: str) -> None:
    """A German resolution (made for this test: the corpus has none) is refused, not read as French or English:
    by its ODS job letter G when it has one, else because it names no UN body in any of the six languages."""
    with pytest.raises(ReadError) as raised:
        read((GERMAN + job).encode(), name="deu.txt")
    assert raised.value.line is not None
    assert "German" in str(raised.value) or "none of the six UN languages" in str(raised.value)


def test_latin_names_in_an_annex_do_not_hide_the_script() -> None:
    """A/RES/78/556 lists hundreds of organizations by their Latin names right after a short Arabic or Chinese
    decision, with no ODS job letter: the front lines tell the language."""
    for lang, language in (("ara", Language.AR), ("zho", Language.ZH)):
        path = SHARED_CORPUS / f"akn4un/gadec78/{lang}/A_DEC_78_556_{lang}.txt"
        if not path.exists():
            pytest.skip("../shared/corpus is not beside this clone")
        assert read(path.read_bytes(), name=path.name).meta.language is language


# --- never another exception -----------------------------------------------------------------------------------

SEED_LINES = SEED_TEXT.split("\n")


def _read_or_read_error(data: bytes) -> None:
    try:
        read(data, name="fuzz.txt")
    except ReadError as error:
        assert error.name == "fuzz.txt"


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_read_error(data: bytes) -> None:
    _read_or_read_error(data)


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text_raises_only_read_error(text: str) -> None:
    _read_or_read_error(text.encode("utf-8"))


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SEED_LINES), max_size=60), st.sampled_from(["\n", "\r\n", "\r"]))
def test_shuffled_seed_lines_raise_only_read_error(lines: list[str], newline: str) -> None:
    _read_or_read_error(newline.join(lines).encode("utf-8"))


@pytest.mark.parametrize(
    "symbol, text",
    [
        ("A/RES/64/183", "United NationsA/RES/64/183General Assembly"),
        ("A/RES/64/183", "UNITED NATIONSa/res/64/183GENERAL ASSEMBLY"),
        ("S/RES/2417 (2018)", "Conseil de sécuritéS/RES/2417  (2018)Distr. générale"),
        ("A/RES/72/8 B", "United NationsA/RES/72/8BGeneral Assembly"),
        ("E/RES/2018/14", "Nations UniesE/RE\u017f/2018/14Conseil"),  # long s: the same letter to re.IGNORECASE
        ("A/KIT/1", "A/\u212a\u0130T/1 and A/K\u0131T/1"),  # Kelvin sign, dotted and dotless i
        ("A/RES/64/183", "الأمم المتحدةA\u0640/RES/64/183الجمعية العامة"),  # a tatweel inside the symbol
        ("A/RES/64/183", "United NationsA/RES/64/18General Assembly"),  # not there
        ("S/RES/2417 (2018)", "S/RES/2417 S/RES/2417\u00a0\t(2018)"),  # the first piece alone, then the whole
        ("S/RES/2417 (2018)", "S/RES/2417(2018"),
        ("A/RES/72/8 B", "A/RES/72/8 \u0640B"),  # spacing with a tatweel
        ("A/RES/72/8 B", "\u0640الجمعيـة A\u0640/RES/72/8\u0640\u0640 \u0640B\u0640\u0640 العامـة"),
        ("S/RES/2417 (2018)", "مجلس الأمـن S/RES/2417(2018)"),
    ],
)
def test_masthead_symbol_search_finds_what_its_pattern_finds(symbol: str, text: str) -> None:
    from unconvert.readers.ods.masthead import _Symbol
    from unconvert.un.words import phrase_pattern

    pattern = re.compile(phrase_pattern(symbol), re.IGNORECASE)
    for start in range(len(text)):
        match = pattern.search(text, start)
        assert _Symbol(symbol).search(text, start) == (None if match is None else match.span())
