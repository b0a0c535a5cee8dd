"""Golden files: the tree (JSON) and the AKN of a handful of real documents, one of each kind and script.

A change in the reader or the AKN writer shows up here as a readable diff. When the change is intended, regenerate
with ``UNCONVERT_UPDATE_GOLDENS=1 python -m pytest tests/test_goldens.py`` and review the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

import unconvert
from conftest import SAMPLE_CORPUS, UPDATE_GOLDENS
from unconvert.context import Context
from unconvert.tree import to_json

GOLDEN = Path(__file__).resolve().parent / "golden" / "corpus"
DOCUMENTS = [
    "akn4un/77/fra/A_RES_77_125_fra",  # GA resolution, French
    "akn4un/77/ara/A_RES_77_125_ara",  # Arabic
    "akn4un/77/zho/A_RES_77_125_zho",  # Chinese
    "akn4un/sc2023/eng/S_RES_2674_2023_eng",  # Security Council
    "akn4un/gadec77/eng/A_DEC_77_401_eng",  # GA decision
    "akn4un/ecosoc2024/eng/E_RES_2024_17_eng",  # ECOSOC
    "word/A_RES_72_262C",  # one part of a multi-part resolution, sections, repeated note references
]


def canonical(xml: bytes) -> str:
    return etree.tostring(etree.fromstring(xml), method="c14n").decode("utf-8")


@pytest.mark.parametrize("name", DOCUMENTS, ids=lambda n: n.rsplit("/", 1)[-1])
def test_tree_and_akn_match_their_goldens(name: str) -> None:
    doc = unconvert.read(SAMPLE_CORPUS / f"{name}.txt")
    tree = json.dumps(to_json(doc), ensure_ascii=False, indent=1) + "\n"
    akn = unconvert.write(doc, "akn", context=Context.fixed())
    stem = name.rsplit("/", 1)[-1]
    tree_file, akn_file = GOLDEN / f"{stem}.json", GOLDEN / f"{stem}.akn.xml"
    if UPDATE_GOLDENS:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        tree_file.write_text(tree, encoding="utf-8")
        akn_file.write_bytes(akn)
    assert tree == tree_file.read_text(encoding="utf-8")
    assert canonical(akn) == canonical(akn_file.read_bytes())
