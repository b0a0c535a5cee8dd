"""The bundled example stays true: ``examples/expected/`` is what the seed converts to, and the Python example runs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
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


def test_expected_docx_is_current() -> None:
    data = unconvert.write(unconvert.read(SEED), "docx", context=CONTEXT)
    assert data == (EXPECTED / "A_RES_64_183.docx").read_bytes()


def pdf_structure(data: bytes) -> list[dict[str, object]]:
    """Per page: its size, the text layer, every piece of text with its position (to 0.1 pt), and the fonts it uses
    (without the subset prefix).

    Not the bytes: those embed the font files, which change with the machine's font package version
    (``fonts-liberation`` 1.07 or ``fonts-liberation2`` 2.x, metric-compatible, so the layout does not move).
    """
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages: list[dict[str, object]] = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        names = sorted(str(font.get_object()["/BaseFont"]).split("+")[-1] for font in fonts.values())
        placed: list[tuple[float, float, str]] = []

        def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
            if text.strip():
                placed.append((round(tm[4], 1), round(tm[5], 1), text))  # noqa: B023 -- called within the loop

        text = page.extract_text(visitor_text=visit)
        pages.append({"box": [float(v) for v in page.mediabox], "text": text, "placed": placed, "fonts": names})
    return pages


def test_expected_pdf_is_current() -> None:
    data = unconvert.write(unconvert.read(SEED), "pdf", context=CONTEXT)
    assert pdf_structure(data) == pdf_structure((EXPECTED / "A_RES_64_183.pdf").read_bytes())


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
