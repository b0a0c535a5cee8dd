"""The AKN writer: the AKN4UN shape on hand-built trees of each kind, a golden file for the seed, eIds, FRBR,
references, determinism, text conservation, and refusal of invalid output. Real documents from the bundled
sample corpus (and ../shared/corpus when present) go through read -> AKN -> XSD."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import unconvert
from conftest import ROOT, UPDATE_GOLDENS, examples, sample_dumps, shared_dumps
from strategies import (
    EXAMPLES,
    decision_document,
    documents,
    multipart_document,
    sc_document,
    seed_document,
    tree_words,
)
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic, Severity
from unconvert.errors import InvalidOutputError
from unconvert.tree import (
    AgendaItem,
    Annex,
    Block,
    Cell,
    CoverLine,
    CoverRole,
    Document,
    Emphasis,
    NoteRef,
    OperativeParagraph,
    Para,
    Part,
    Point,
    Preamble,
    RawBlock,
    Row,
    Table,
    Text,
)
from unconvert.writers.akn import build, write
from unconvert.writers.akn.build import Builder
from unconvert.writers.akn.checks import integrity_errors, used_refs
from unconvert.writers.akn.eids import EidAllocator
from unconvert.writers.akn.frbr import Frbr, frbr_number
from unconvert.writers.akn.schema import schema_errors

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "u": "http://un.org/akn4un"}
GOLDEN = ROOT / "tests" / "golden"
FIXED = Context.fixed()


def akn(document: Document, context: Context = FIXED) -> etree._Element:
    data = write(document, context=context)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    return etree.fromstring(data)


def xp(root: etree._Element, path: str) -> list[etree._Element]:
    found = root.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [e for e in found if isinstance(e, etree._Element)]


def values(root: etree._Element, path: str) -> list[str]:
    found = root.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [str(v) for v in found]


def text_of(el: etree._Element) -> str:
    return "".join(el.itertext())


# ----------------------------------------------------------------------------------------------------------------
# The seed: golden file and the AKN4UN shape


def canonical(data: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=False)
    return etree.tostring(etree.fromstring(data, parser), method="c14n2")


def test_seed_matches_golden_file() -> None:
    data = write(seed_document(), context=FIXED)
    golden = GOLDEN / "A_RES_64_183.akn.xml"
    if UPDATE_GOLDENS:
        golden.write_bytes(data)
    assert golden.exists(), "run with UNCONVERT_UPDATE_GOLDENS=1 to create the golden file"
    assert canonical(data) == canonical(golden.read_bytes())


def test_seed_identification_follows_the_naming_convention() -> None:
    root = akn(seed_document())
    base = "/akn/un/statement/deliberation/unga/2009-12-18/64-183"
    ident = xp(root, "/a:akomaNtoso/a:statement[@name='resolution']/a:meta/a:identification")[0]
    assert ident.get("source") == "#unconvert"
    assert values(ident, "a:FRBRWork/a:FRBRthis/@value") == [base + "/!main"]
    assert values(ident, "a:FRBRWork/a:FRBRuri/@value") == [base]
    assert values(ident, "a:FRBRWork/a:FRBRalias[@name='symbol']/@value") == ["A/RES/64/183"]
    assert values(ident, "a:FRBRWork/a:FRBRdate/@date") == ["2009-12-18"]
    assert values(ident, "a:FRBRWork/a:FRBRnumber/@value") == ["64-183"]
    assert values(ident, "a:FRBRWork/a:FRBRnumber/@showAs") == ["64/183"]
    assert values(ident, "a:FRBRExpression/a:FRBRthis/@value") == [base + "/eng@/!main"]
    assert values(ident, "a:FRBRExpression/a:FRBRdate/@date") == ["2010-02-23"]
    assert values(ident, "a:FRBRExpression/a:FRBRlanguage/@language") == ["eng"]
    assert values(ident, "a:FRBRManifestation/a:FRBRthis/@value") == [base + "/eng@/!main.xml"]
    assert values(ident, "a:FRBRManifestation/a:FRBRuri/@value") == [base + "/eng@.akn"]
    assert values(ident, "a:FRBRManifestation/a:FRBRdate/@date") == ["2026-01-01"]


def test_seed_meta_blocks_in_xsd_order_each_with_source() -> None:
    root = akn(seed_document())
    meta = xp(root, "//a:statement/a:meta")[0]
    names = [etree.QName(child).localname for child in meta]
    assert names == ["identification", "workflow", "references", "proprietary", "presentation"]
    assert all(child.get("source") == "#unconvert" for child in meta)
    assert values(meta, "a:workflow/a:step/@date") == ["2009-12-18"]
    assert values(meta, "a:proprietary/u:ods/@jobNumber") == ["N0947281E"]
    assert values(meta, "a:proprietary/u:ods/@symbol1") == ["A/RES/64/183"]
    docket = xp(meta, "a:presentation//a:docketNumber")
    assert [d.text for d in docket] == ["09-47281"] and docket[0].get("refersTo") == "#publicationJobNumber"
    assert not xp(meta, "a:analysis")  # the seed states no voting outcome


def test_seed_cover_preface_preamble_body_conclusions() -> None:
    root = akn(seed_document())
    cover = xp(root, "//a:coverPage")[0]
    assert [d.text for d in xp(cover, ".//a:docNumber[@refersTo='#symbol']")] == ["A/RES/64/183"]
    assert values(cover, ".//a:docDate[@refersTo='#dateOfIssuance']/@date") == ["2010-02-23"]
    assert values(cover, ".//a:session/@value") == ["64"]
    assert values(cover, ".//a:inline[@name='agendaItem']/@title") == ["124"]
    title = xp(cover, "a:p/a:docTitle")[0]
    assert text_of(title) == "Resolution adopted by the General Assembly on 18 December 2009"
    assert values(title, "a:docDate[@refersTo='#adoptionDate']/@date") == ["2009-12-18"]
    assert values(cover, ".//a:docProponent/a:ref/@href") == ["https://undocs.org/A/64/L.34"]
    preface = xp(root, "//a:preface/a:p")[0]
    assert (
        text_of(preface) == "64/183. Cooperation between the United Nations and the Shanghai Cooperation Organization"
    )
    assert xp(root, "//a:preamble/a:formula[@name='enactingFormula' and @eId='preamble__formula_1']/a:p/a:i")
    containers = xp(root, "//a:preamble/a:container")
    assert [c.get("name") for c in containers][:3] == ["Recalling", "Recalling also", "Recalling further"]
    assert containers[1].get("eId") == "preamble__container_2"
    assert xp(root, "//a:preamble[not(@eId)]")
    assert not xp(root, "//a:body") and xp(root, "//a:statement/a:mainBody")
    paragraphs = xp(root, "//a:mainBody/a:paragraph")
    assert [p.get("eId") for p in paragraphs] == [f"para_{n}" for n in range(1, 6)]
    assert [p.findtext("a:num", namespaces=NS) for p in paragraphs] == ["1.", "2.", "3.", "4.", "5."]
    assert text_of(xp(paragraphs[0], "a:content/a:p/a:i")[0]) == "Takes note"
    conclusions = xp(root, "//a:conclusions[@eId='conclusions']/a:p")[0]
    assert values(conclusions, "a:inline[@name='adoptionMeeting']/@title") == ["65th"]
    assert xp(conclusions, "a:eol")
    assert values(conclusions, "a:docDate[@refersTo='#adoptionDate']/@date") == ["2009-12-18"]


def test_footnote_stands_at_its_mark_with_prefixed_eid() -> None:
    root = akn(seed_document())
    notes = xp(root, "//a:authorialNote")
    assert len(notes) == 1
    note = notes[0]
    assert note.get("marker") == "1" and note.get("placement") == "bottom"
    assert note.get("eId") == "preamble__container_5__authorialNote_1"
    assert text_of(note).strip() == "See A/55/1010-S/2001/667, annex I, para. 5."
    paragraph = note.getparent()
    assert paragraph is not None and paragraph[-1] is note and not note.tail
    before = text_of(paragraph)[: -len(text_of(note))]
    assert before.endswith("confirms the commitment of its member States to the principles of the Charter,")


def test_every_reference_has_a_tlc_entry() -> None:
    for make in EXAMPLES.values():
        root = akn(make())
        declared = set(values(root, "//a:references/*/@eId"))
        used = {
            v[1:]
            for attr in ("href", "refersTo", "as", "by", "source", "outcome")
            for v in values(root, f"//@{attr}")
            if v.startswith("#")
        }
        assert used and used <= declared, used - declared
        assert integrity_errors(root) == []


# ----------------------------------------------------------------------------------------------------------------
# Other kinds


def test_security_council_resolution() -> None:
    root = akn(sc_document())
    assert values(root, "//a:FRBRWork/a:FRBRuri/@value") == ["/akn/un/statement/deliberation/unsc/2023-01-09/2672-2023"]
    assert values(root, "//a:FRBRWork/a:FRBRauthor/@href") == ["#sc"]
    assert not xp(root, "//a:preface")
    titles = [text_of(t) for t in xp(root, "//a:coverPage/a:p/a:docTitle")]
    assert titles == [
        "Resolution 2672 (2023)",
        "Adopted by the Security Council at its 9237th meeting, on 9 January 2023",
    ]
    assert values(root, "//a:coverPage//a:inline[@name='adoptionMeeting']/@title") == ["9237th"]
    assert values(root, "//a:ref/@href") == ["https://undocs.org/S/RES/2585%20(2021)"]


def test_decision_has_unnumbered_paragraphs() -> None:
    root = akn(decision_document())
    assert xp(root, "/a:akomaNtoso/a:statement[@name='decision']")
    assert [text_of(e) for e in xp(root, "//a:coverPage//a:docType")] == ["Decision"]
    assert [text_of(e) for e in xp(root, "//a:coverPage//a:docProponent")] == ["Plenary"]
    paragraphs = xp(root, "//a:mainBody/a:paragraph")
    assert [p.get("eId") for p in paragraphs] == ["para_1", "para_2", "para_3"]
    assert not xp(root, "//a:mainBody/a:paragraph/a:num")
    assert values(root, "//a:authorialNote/@eId") == ["para_1__authorialNote_1"]
    assert [p.get("class") for p in paragraphs] == ["text", "text", "centered"]  # not unnumbered operative ones


def test_multipart_resolution_is_a_collection_of_statements() -> None:
    root = akn(multipart_document())
    collection = xp(root, "/a:akomaNtoso/a:documentCollection[@name='publication']")[0]
    statements = xp(collection, "a:components/a:component/a:statement[@name='resolution']")
    assert len(statements) == 2
    assert values(collection, "a:collectionBody/a:component/a:documentRef/@showAs") == ["A", "B"]
    assert [text_of(s.find("a:preface/a:p/a:docNumber", NS)) for s in statements] == ["A", "B"]
    assert [text_of(s.find("a:preface/a:p/a:docTitle", NS)) for s in statements] == [
        "Part A of the common system",
        "Part B of the common system",
    ]
    assert values(statements[1], "a:mainBody/a:paragraph/@eId") == ["cmp_B__para_1", "cmp_B__para_2"]
    assert values(statements[0], "a:meta/a:identification/a:FRBRWork/a:FRBRthis/@value") == [
        "/akn/un/statement/deliberation/unga/2017-12-24/72-263/!cmp_A"
    ]
    assert values(root, "//a:FRBRlanguage/@language") == ["fra"] * 3


def test_sections_lists_points_wrapup_tables_annexes() -> None:
    root = akn(EXAMPLES["annex_table"]())
    assert values(root, "//a:mainBody/a:section/@eId") == ["sec_I", "sec_II"]
    assert values(root, "//a:section[@eId='sec_I']/a:num/text()") == ["I"]
    assert values(root, "//a:section[@eId='sec_I']/a:heading/text()") == ["Oceans"]
    assert values(root, "//a:section[@eId='sec_I']/a:paragraph/@eId") == ["sec_I__para_1", "sec_I__para_2"]
    lst = xp(root, "//a:list[@eId='sec_I__para_2__list_1']")[0]
    assert values(lst, "a:intro/@eId") == ["sec_I__para_2__list_1__intro"]
    assert values(lst, "a:point/@eId") == ["sec_I__para_2__list_1__point_a", "sec_I__para_2__list_1__point_b"]
    assert values(lst, "a:point/a:list/a:point/@eId") == [
        "sec_I__para_2__list_1__point_b__list_1__point_i",
        "sec_I__para_2__list_1__point_b__list_1__point_ii",
    ]
    assert values(lst, "a:wrapUp/@eId") == ["sec_I__para_2__list_1__wrapup"]
    assert values(lst, "a:wrapUp/a:p/text()") == ["and so on."]
    assert values(root, "//a:intro//a:b/text()") == ["Declares"]
    note = xp(root, "//a:authorialNote")[0]
    assert note.get("eId") == "sec_I__para_2__list_1__point_b__list_1__point_ii__authorialNote_1"
    table = xp(root, "/a:akomaNtoso/a:statement/a:mainBody/a:table")[0]
    assert [[etree.QName(c).localname for c in tr] for tr in table] == [["th", "th"], ["td", "td"], ["td"]]
    assert values(table, "a:tr[3]/a:td/@colspan") == ["2"]
    assert values(table, "a:tr[1]/a:th/a:p/text()") == ["Section", "Amount"]
    assert not xp(root, "//a:thead")
    assert values(root, "//a:preface//a:docTitle/a:eol/..") and xp(root, "//a:analysis//a:voting")
    attachments = xp(root, "//a:attachments/a:attachment")
    assert [a.get("eId") for a in attachments] == ["att_1", "att_2"]
    annex = attachments[0].find("a:doc", NS)
    assert annex is not None and annex.get("name") == "annex"
    assert values(annex, "a:meta/a:identification/a:FRBRWork/a:FRBRthis/@value") == [
        "/akn/un/statement/deliberation/unecosoc/2024-07-24/2024-10/!annex_1"
    ]
    assert values(annex, "a:preface/a:p/a:docType/text()") == ["Annex"]
    assert values(annex, "a:preface/a:p/a:docTitle/text()") == ["Title of annex"]
    assert values(annex, "a:mainBody/a:paragraph/@eId") == ["att_1__para_1"]
    assert values(annex, "a:mainBody/a:table/@eId") == ["att_1__table_1"]


def test_voting_outcome_only_when_the_text_states_one() -> None:
    assert not xp(akn(seed_document()), "//a:analysis")
    quiet = xp(akn(EXAMPLES["annex_table"]()), "//a:analysis/a:parliamentary/a:voting")[0]
    assert quiet.get("outcome") == "#adoptedWithoutVote" and xp(quiet, "a:quorum")
    doc = seed_document()
    line = CoverLine(
        role=CoverRole.OTHER, content=(Text(text="[Adopted by a recorded vote of 122 to 2, with 51 abstentions]"),)
    )
    root = akn(dataclasses.replace(doc, cover=(*doc.cover, line)))
    voting = xp(root, "//a:analysis/a:parliamentary/a:voting")[0]
    assert voting.get("outcome") == "#adopted"
    assert [(c.get("refersTo"), c.get("value")) for c in voting] == [
        ("#inFavour", "122"),
        ("#against", "2"),
        ("#abstentions", "51"),
    ]
    assert integrity_errors(root) == []


def test_letter_of_a_resolution_published_alone_is_kept() -> None:
    doc = seed_document()
    doc = dataclasses.replace(doc, parts=(dataclasses.replace(doc.parts[0], label="C"),))
    root = akn(doc)
    assert values(root, "//a:preface/a:p/a:docNumber/text()") == ["64/183.", "C"]
    no_preface = akn(dataclasses.replace(doc, preface=None))
    assert values(no_preface, "//a:preface/a:p/a:docNumber/text()") == ["C"]


def test_adoption_date_unknown_uses_issue_date() -> None:
    doc = seed_document()
    doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, adoption_date=None))
    root = akn(doc)
    assert values(root, "//a:FRBRWork/a:FRBRdate/@date") == ["2010-02-23"]
    assert values(root, "//a:FRBRWork/a:FRBRuri/@value") == ["/akn/un/statement/deliberation/unga/2010-02-23/64-183"]
    assert not xp(root, "//a:workflow")
    assert "0001-01-01" not in etree.tostring(root).decode()


def test_repeated_numbers_still_give_unique_eids() -> None:
    paragraph = OperativeParagraph(num="1.", content=(Text(text="text"),))
    doc = dataclasses.replace(
        seed_document(), parts=(dataclasses.replace(seed_document().parts[0], body=(paragraph,) * 3),)
    )
    root = akn(doc)
    assert values(root, "//a:mainBody/a:paragraph/@eId") == ["para_1", "para_1-2", "para_1-3"]


def test_eid_suffixes_resume_but_match_counting_from_one() -> None:
    """``EidAllocator.reserve`` resumes its search for a free ``-N`` after the last one an eId took (issue #13: a
    number repeated thousands of times was quadratic); the eIds stay unique and the same as counting from 1, also
    when a suffixed form was taken directly in between."""
    wanted = ["para_1", "para_1-3", "para_2"] + ["para_1", "para_2", "para_1-3"] * 400 + ["para_1-5", "para_1"]
    used: set[str] = set()
    expected = []
    for eid in wanted:  # the search from 1 each time
        candidate, n = eid, 1
        while candidate in used:
            n += 1
            candidate = f"{eid}-{n}"
        used.add(candidate)
        expected.append(candidate)
    allocator = EidAllocator()
    got = [allocator.reserve(eid) for eid in wanted]
    assert got == expected
    assert len(set(got)) == len(got)
    assert got[:6] == ["para_1", "para_1-3", "para_2", "para_1-2", "para_2-2", "para_1-3-2"]


def test_agenda_lines_listing_many_items_or_printed_many_times_stay_linear() -> None:
    """The text of an agenda line is written once for all its items, and a line printed again names no numbers
    again (issue #13: a fuzzed line of 5,000 items gave 550 MB of AKN; 3,000 copies of a line, 3,000 numbers each)."""
    doc = seed_document()
    line = "Agenda items 12, 13 and 14"
    items = tuple(AgendaItem(number=n, text=line, line=4) for n in ("12", "13", "14"))
    items += (AgendaItem(number="124", text="Agenda item 124", line=5),)
    masthead = dataclasses.replace(doc.masthead, agenda=(line, "Agenda item 124", "Agenda item 124"))
    doc = dataclasses.replace(doc, masthead=masthead, meta=dataclasses.replace(doc.meta, agenda_items=items))
    data = write(doc, context=FIXED)
    root = etree.fromstring(data)
    assert values(root, "//u:facts/u:agendaItem/@number") == ["12", "13", "14", "124"]
    assert values(root, "//u:facts/u:agendaItem/@text") == [line, "Agenda item 124"]
    titles = [el.get("title") for el in xp(root, "//a:coverPage/a:p/a:inline[@name='agendaItem']")]
    assert titles == ["12, 13, 14", "124", None]
    again = unconvert.read(data, name="x.akn.xml")
    assert again.meta.agenda_items == items
    assert unconvert.write(again, "akn", context=FIXED) == data


def test_frbr_number_and_parse() -> None:
    assert frbr_number("64/183") == "64-183"
    assert frbr_number("2672 (2023)") == "2672-2023"
    assert frbr_number("2024/10") == "2024-10"
    frbr = Frbr("unga", dt.date(2009, 12, 18), "64-183", "eng")
    assert Frbr.parse(frbr.expression_this) == frbr
    assert Frbr.parse(frbr.for_component("annex_1").manifestation_this) == frbr.for_component("annex_1")


def test_frbr_number_comes_from_the_number_as_written() -> None:
    """A number holding a character XML cannot carry: the character is left out (and reported) before the IRI is
    derived, so that FRBRnumber's value, its showAs and every IRI tell the same number; a document without a
    number is identified by its symbol and has no showAs, and reads back without a number."""
    seed = seed_document()
    cases = [
        ("64\x00183", "A/RES/64/183", "64183", "64183"),
        ("\x00", "A/RES/64/183", "A-RES-64-183", None),
        ("", "A/RES/64/183", "A-RES-64-183", None),
        ("", "", "0", None),
    ]
    for number, symbol, iri_number, shown in cases:
        doc = dataclasses.replace(seed, meta=dataclasses.replace(seed.meta, number=number, symbol=symbol))
        root = akn(doc)  # the writer's integrity check compares the IRIs with FRBRnumber too
        (element,) = xp(root, "//a:FRBRWork/a:FRBRnumber")
        assert element.get("value") == iri_number
        assert element.get("showAs") == shown
        assert all(f"/{iri_number}/" in v for v in values(root, "//a:FRBRthis/@value"))
        assert unconvert.read(write(doc, context=FIXED), format="akn").meta.number == (shown or "")
    assert (Severity.WARNING, "akn-characters-dropped", None) in adapted(
        dataclasses.replace(seed, meta=dataclasses.replace(seed.meta, number="64\x00183"))
    )


# ----------------------------------------------------------------------------------------------------------------
# Determinism


def test_same_tree_same_bytes() -> None:
    for make in EXAMPLES.values():
        assert write(make(), context=FIXED) == write(make(), context=FIXED)


def test_source_date_epoch_sets_the_markup_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    first = unconvert.write(seed_document(), "akn")
    assert first == unconvert.write(seed_document(), "akn")
    assert values(etree.fromstring(first), "//a:FRBRManifestation/a:FRBRdate/@date") == ["2023-11-14"]
    other = write(seed_document(), context=Context.fixed(2030, 5, 6))
    assert values(etree.fromstring(other), "//a:FRBRManifestation/a:FRBRdate/@date") == ["2030-05-06"]


def test_same_bytes_in_another_process() -> None:
    """No set or hash order leaks into the output: two interpreters with different hash seeds agree."""
    script = (
        "import sys; sys.path.insert(0, 'tests'); from strategies import EXAMPLES; "
        "from unconvert.context import Context; from unconvert.writers.akn import write; "
        "sys.stdout.buffer.write(b''.join(write(make(), context=Context.fixed()) for make in EXAMPLES.values()))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert outputs.pop() == b"".join(write(make(), context=FIXED) for make in EXAMPLES.values())


# ----------------------------------------------------------------------------------------------------------------
# Invalid output is never returned


def test_builder_producing_invalid_xml_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Builder._preface

    def broken(self: Builder, part: Part | None) -> None:
        original(self, part)
        self.m.empty("body")  # no such element in a statement

    monkeypatch.setattr(Builder, "_preface", broken)
    with pytest.raises(InvalidOutputError) as info:
        write(seed_document(), context=FIXED)
    assert info.value.errors and all(line > 0 for line, _ in info.value.errors)
    assert "body" in str(info.value)


def test_dangling_reference_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Builder._references

    def dangling(self: Builder) -> str:
        references = original(self)  # references are complete here; a later #ref has no TLC entry
        self.m.empty("workflow", {"source": "#nowhere"})
        return references

    monkeypatch.setattr(Builder, "_meta", dangling)
    with pytest.raises(InvalidOutputError, match="#nowhere"):
        write(seed_document(), context=FIXED)


def test_text_xml_cannot_hold_is_dropped_not_fatal() -> None:
    raw = RawBlock(kind="odd kind <&>", text="bell\x07 and null\x00 and \ufffe end")
    doc = dataclasses.replace(seed_document(), parts=(dataclasses.replace(seed_document().parts[0], body=(raw,)),))
    root = akn(doc)
    assert values(root, "//a:mainBody/a:paragraph/a:content/a:p/text()") == ["bell and null and  end"]


def test_integrity_check_catches_frbr_disagreement() -> None:
    root = build(seed_document(), context=FIXED)
    number = root.find(".//{*}FRBRnumber")
    assert number is not None
    number.set("value", "64-999")
    uri = root.find(".//{*}FRBRExpression/{*}FRBRuri")
    assert uri is not None
    uri.set("value", "/akn/un/statement/deliberation/unga/2009-12-18/64-183/fra@")
    messages = [message for _, message in integrity_errors(root)]
    assert any("FRBRnumber" in m for m in messages)
    assert any("FRBRExpression/FRBRuri" in m for m in messages)


# ----------------------------------------------------------------------------------------------------------------
# Random trees: always valid, nothing lost


def akn_words(root: etree._Element) -> list[str]:
    """Every word of the AKN's text outside meta; ``eol`` counts as a space."""
    copy = etree.fromstring(etree.tostring(root))
    for meta in copy.iter("{*}meta"):
        parent = meta.getparent()
        assert parent is not None
        parent.remove(meta)
    for eol in copy.iter("{*}eol"):
        eol.tail = " " + (eol.tail or "")
    return "".join(copy.itertext()).split()


def assert_in_order(needles: list[str], haystack: list[str]) -> None:
    position = 0
    for word in needles:
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            raise AssertionError(f"{word!r} missing (or out of order) in the AKN text") from None


@settings(max_examples=examples(150), suppress_health_check=list(HealthCheck))
@given(documents())
def test_every_generated_tree_gives_valid_akn_and_keeps_its_text(doc: Document) -> None:
    data = write(doc, context=FIXED)
    root = etree.fromstring(data)
    assert schema_errors(root) == []
    assert integrity_errors(root) == []
    eids = values(root, "//@eId")
    assert len(eids) == len(set(eids))
    assert used_refs(root) <= set(values(root, "//a:references/*/@eId"))
    assert_in_order(tree_words(doc), akn_words(root))


def test_text_conservation_on_the_examples() -> None:
    for make in EXAMPLES.values():
        doc = make()
        assert_in_order(tree_words(doc), akn_words(akn(doc)))


# ----------------------------------------------------------------------------------------------------------------
# Real documents


def _read_or_skip(path: Path) -> Document:
    try:
        return unconvert.read(path)
    except NotImplementedError:
        pytest.skip("the ODS reader is not available yet")


@pytest.mark.parametrize("path", sample_dumps(), ids=lambda p: p.stem)
def test_sample_corpus_documents_give_valid_akn(path: Path) -> None:
    doc = _read_or_skip(path)
    root = akn(doc)
    assert integrity_errors(root) == []
    assert_in_order(tree_words(doc), akn_words(root))
    gold_symbol = re.escape(doc.meta.symbol)
    assert not gold_symbol or xp(root, "//a:FRBRnumber")


@pytest.mark.slow
def test_whole_shared_corpus_gives_valid_akn() -> None:
    dumps = shared_dumps()
    if not dumps:
        pytest.skip("../shared/corpus is not present")
    failures = []
    for path in dumps:
        doc = _read_or_skip(path)
        try:
            root = etree.fromstring(write(doc, context=FIXED))
            assert_in_order(tree_words(doc), akn_words(root))
        except (InvalidOutputError, AssertionError) as exc:
            failures.append(f"{path.name}: {exc}")
    assert failures == []


def test_annex_without_anything_still_valid() -> None:
    doc = dataclasses.replace(seed_document(), annexes=(Annex(label=(), headings=(), children=()),))
    root = akn(doc)
    assert values(root, "//a:attachment/@eId") == ["att_1"]


# ----------------------------------------------------------------------------------------------------------------
# What the writer had to adapt, reported as akn-… diagnostics with the source line (the bytes stay the same)


def adapted(document: Document) -> list[tuple[Severity, str, int | None]]:
    """The AKN writer's diagnostics for ``document``, after checking they change nothing in the bytes."""
    rendered = unconvert.render(document, "akn", context=FIXED)
    assert rendered.data == write(document, context=FIXED)
    return [(d.severity, d.code, d.line) for d in rendered.diagnostics]


def with_body(*blocks: Block) -> Document:
    return dataclasses.replace(seed_document(), parts=(dataclasses.replace(seed_document().parts[0], body=blocks),))


def test_the_hand_built_examples_need_no_adaptation() -> None:
    assert adapted(seed_document()) == []
    assert all(adapted(make()) == [] for make in EXAMPLES.values())


def test_a_note_ref_naming_no_note_is_dropped_and_reported_at_its_line() -> None:
    lost = NoteRef(marker="9", line=12)
    doc = with_body(Para(content=(Text(text="See note", line=12), lost, Text(text=" above.", line=12)), line=12))
    assert adapted(doc) == [(Severity.WARNING, "akn-noteref-dropped", 12)]
    root = akn(doc)
    assert not xp(root, "//a:noteRef") and "See note above." in text_of(xp(root, "//a:mainBody")[0])


def test_characters_xml_cannot_hold_are_reported_where_they_stand() -> None:
    doc = with_body(
        RawBlock(kind="raw", text="bell\x07 here", line=5),
        OperativeParagraph(num="3.", content=(Text(text="nul\x00", line=6),), line=6),
    )
    found = adapted(doc)
    assert found == [(Severity.WARNING, "akn-characters-dropped", 5), (Severity.WARNING, "akn-characters-dropped", 6)]
    message = unconvert.render(doc, "akn", context=FIXED).diagnostics[0].message
    assert "U+0007" in message


# each kind of character XML 1.0 cannot hold: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF
NOT_XML = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"]


@pytest.mark.parametrize("char", NOT_XML)
def test_every_character_xml_cannot_hold_is_left_out_of_each_kind_of_text_run(char: str) -> None:
    """The writer writes text runs without scanning them first and counts on the parser (or the UTF-8 encoder) to
    reject such a character: whatever the character and wherever the run stands, it is left out and reported."""
    runs = (Text(text=f"a{char}b", line=7), Emphasis(children=(Text(text=f"c{char}d", line=7),)))
    doc = with_body(
        OperativeParagraph(num="1.", content=(Text(text=f"e{char}f", line=7),), line=7),
        Para(content=runs, line=7),
    )
    assert adapted(doc) == [(Severity.WARNING, "akn-characters-dropped", 7)] * 3
    assert [text_of(p) for p in xp(akn(doc), "//a:mainBody//a:p")] == ["ef", "abcd"]


def test_numbered_provisions_in_a_preamble_are_flattened_and_reported() -> None:
    seed = seed_document()
    preamble = seed.parts[0].preamble
    assert preamble is not None
    stray = OperativeParagraph(
        num="1.", content=(Text(text="Stray"),), children=(Point(num="(a)", content=(Text(text="x"),)),), line=9
    )
    plain = Para(content=(Text(text="Heading"),), line=10)  # a plain paragraph loses nothing: not reported
    children = (*preamble.children, stray, plain)
    part = dataclasses.replace(seed.parts[0], preamble=Preamble(formula=preamble.formula, children=children))
    assert adapted(dataclasses.replace(seed, parts=(part,))) == [(Severity.WARNING, "akn-preamble-flattened", 9)]


def test_numbers_taken_twice_are_reported_once_per_place_at_the_first() -> None:
    doc = with_body(*(OperativeParagraph(num="1.", content=(Text(text="text"),), line=n) for n in (3, 4, 5)))
    assert adapted(doc) == [(Severity.INFO, "akn-eid-renamed", 4)]
    assert values(akn(doc), "//a:mainBody/a:paragraph/@eId") == ["para_1", "para_1-2", "para_1-3"]


def test_an_empty_table_gets_an_empty_cell_and_says_so() -> None:
    """A row without cells is, in the tree's canonical form, a row of one empty cell (``unconvert.tree.canonical``),
    and a table of one such row a table without rows: AKN wants a cell, which the writer adds and reports."""
    doc = with_body(Table(rows=(), line=7), Table(rows=(Row(cells=(), line=8),), line=8))
    assert adapted(doc) == [(Severity.INFO, "akn-table-empty", 7), (Severity.INFO, "akn-table-empty", 8)]
    row = Row(cells=(Cell(paragraphs=((Text(text="x"),),)),))
    assert adapted(with_body(Table(rows=(Row(cells=(), line=9), row), line=9))) == []


def test_a_work_with_no_date_of_its_own_is_dated_by_the_markup_and_says_so() -> None:
    seed = seed_document()
    meta = dataclasses.replace(seed.meta, adoption_date=None, issue_date=None, print_date=None)
    assert adapted(dataclasses.replace(seed, meta=meta)) == [(Severity.WARNING, "akn-work-dated-by-markup", None)]


def test_a_writer_called_directly_reports_to_the_context_it_is_given() -> None:
    found: list[Diagnostic] = []
    write(with_body(Table(rows=(), line=7)), context=FIXED.with_sink(found.append))
    assert [d.code for d in found] == ["akn-table-empty"]
