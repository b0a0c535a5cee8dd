"""The bundled example stays true: ``examples/expected/`` is what the seed converts to, and the Python example runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import unconvert
from conftest import ROOT, SEED
from unconvert.context import Context
from unconvert.tree import from_json, to_json

EXPECTED = ROOT / "examples" / "expected"
EPOCH = 1767225600  # 2026-01-01, the markup date of the expected files
CONTEXT = Context.from_env() if os.environ.get("SOURCE_DATE_EPOCH") == str(EPOCH) else Context.fixed(2026, 1, 1)


def test_expected_akn_and_text_are_what_the_seed_converts_to() -> None:
    doc = unconvert.read(SEED)
    akn = unconvert.write(doc, "akn", context=CONTEXT)
    expected = (EXPECTED / "A_RES_64_183.akn.xml").read_bytes()
    assert etree.tostring(etree.fromstring(akn), method="c14n") == etree.tostring(
        etree.fromstring(expected), method="c14n"
    )
    assert unconvert.write(doc, "text", context=CONTEXT) == (EXPECTED / "A_RES_64_183.text.txt").read_bytes()
    tree = json.loads((EXPECTED / "A_RES_64_183.json").read_text(encoding="utf-8"))
    assert from_json(tree) == doc
    assert tree == json.loads(json.dumps(to_json(doc)))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_expected_docx_and_pdf_are_current(fmt: str) -> None:
    data = unconvert.write(unconvert.read(SEED), fmt, context=CONTEXT)
    assert data == (EXPECTED / f"A_RES_64_183.{fmt}").read_bytes()


def test_python_example_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "convert_example.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "A/RES/64/183" in result.stdout
    assert "validates" in result.stdout
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".pdf", ".txt", ".xml"]
