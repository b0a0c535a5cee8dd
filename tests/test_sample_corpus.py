"""The bundled sample of real UN documents (tests/data/corpus), checked against its gold without ../shared.

For every dump: it reads, its AKN validates against the official XSD, the metadata matches the gold, every gold
paragraph is in the AKN text (recall, per language), and every footnote is an ``authorialNote`` with the gold
marker and text, in order.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import unconvert
from conftest import sample_dumps

AKN_NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})
DUMPS = sample_dumps()


def key(text: str) -> str:
    """Comparison key: NFC, straight quotes and hyphens, no whitespace (as the project scorer compares)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text).translate(FOLD))


def body_text(root: etree._Element) -> str:
    """All text outside meta and footnotes, in document order."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.tag in (f"{AKN_NS}meta", f"{AKN_NS}authorialNote"):
            return
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")

    walk(root)
    return "".join(parts)


@pytest.fixture(scope="module")
def converted() -> dict[Path, tuple[unconvert.Document, etree._Element, dict[str, Any]]]:
    out = {}
    for path in DUMPS:
        doc = unconvert.read(path)
        xml = unconvert.write(doc, "akn")
        unconvert.validate(xml)
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        out[path] = (doc, etree.fromstring(xml), gold)
    return out


def test_sample_covers_every_language_and_kind() -> None:
    names = " ".join(p.stem for p in DUMPS)
    for lang in ("eng", "fra", "spa", "rus", "ara", "zho"):
        assert f"_{lang}" in names
    for kind in ("S_RES", "A_DEC", "E_RES", "A_RES_72_262C"):
        assert kind in names


@pytest.mark.parametrize("path", DUMPS, ids=[p.stem for p in DUMPS])
def test_metadata_matches_gold(converted: dict[Path, Any], path: Path) -> None:
    doc, _root, gold = converted[path]
    meta, want = doc.meta, gold["meta"]
    assert meta.symbol == want["symbol"]
    assert meta.number == want["number"]
    if "adoption_date" in want:
        assert str(meta.adoption_date) == want["adoption_date"]
    if "issue_date" in want:
        assert str(meta.issue_date) == want["issue_date"]
    if "session" in want:
        assert meta.session is not None and meta.session.number == want["session"]
    if "job_number" in want:
        assert meta.job_number == want["job_number"]
    if "agenda_items" in want:
        assert [key(a.number) for a in meta.agenda_items] == [key(a) for a in want["agenda_items"]]
    if "title" in want:
        assert key(meta.title) == key(want["title"])


def test_paragraph_recall_per_language(converted: dict[Path, Any]) -> None:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missing: list[str] = []
    for path, (_doc, root, gold) in converted.items():
        text = key(body_text(root))
        for para in gold["paragraphs"]:
            counts = found[gold["language"]]
            counts[1] += 1
            if key(para) in text:
                counts[0] += 1
            else:
                missing.append(f"{path.stem}: {para[:80]}")
    recall = {lang: hit / total for lang, (hit, total) in found.items()}
    assert all(r >= 0.995 for r in recall.values()), (recall, missing[:10])


@pytest.mark.parametrize("path", DUMPS, ids=[p.stem for p in DUMPS])
def test_footnotes_are_authorial_notes_in_order(converted: dict[Path, Any], path: Path) -> None:
    _doc, root, gold = converted[path]
    notes = [n for n in root.iter(f"{AKN_NS}authorialNote")]
    assert [n.get("marker") for n in notes] == [f["marker"] for f in gold["footnotes"]]
    for note, want in zip(notes, gold["footnotes"], strict=True):
        assert key("".join(note.itertext())) == key(want["text"])
