"""The fonts a PDF embeds (issue #12): every character drawn has its glyph in the embedded subset, and a subset
holds no glyph the document does not set (reportlab's first subset maps all of printable ASCII; the writer embeds
only the ASCII glyphs used, ``fonts._embed_lean``). Checked on the sample corpus, the fuzz regressions under
100 KB (odd characters, characters no face has) and every 40th dump of ``../shared/corpus`` when it is there.

The check reads the PDF back with pypdf: each text-showing operator's codes, in the font set by the last ``Tf``
(pages and the footer forms they draw), against the format-6 ``cmap`` of that font's embedded TrueType file.
"""

from __future__ import annotations

import io
import itertools
import struct
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

import unconvert
from conftest import DATA, SAMPLE_CORPUS, SEED, shared_dumps
from unconvert.context import Context

CONTEXT = Context.fixed()

# one resolution in the six languages, a Security Council resolution in Arabic, and the seed (footnotes, annexes)
SAMPLE = [
    *sorted(SAMPLE_CORPUS.glob("akn4un/77/*/A_RES_77_125_*.txt")),
    SAMPLE_CORPUS / "akn4un/sc2023/ara/S_RES_2674_2023_ara.txt",
    SEED,
    *sorted(p for p in (DATA / "fuzz").glob("*.bin") if p.stat().st_size < 100_000),  # the long inputs are slow
    *shared_dumps()[::40],
]


def _table(font_file: bytes, tag: bytes) -> bytes:
    count = struct.unpack(">H", font_file[4:6])[0]
    for i in range(count):
        entry = font_file[12 + 16 * i : 28 + 16 * i]
        if entry[:4] == tag:
            offset, length = struct.unpack(">II", entry[8:16])
            return font_file[offset : offset + length]
    raise KeyError(tag)


def _glyph_of_code(font_file: bytes) -> dict[int, int]:
    """Code to glyph index, from the subset's format-6 ``cmap`` (the one subtable reportlab writes)."""
    cmap = _table(font_file, b"cmap")
    offset = struct.unpack(">I", cmap[8:12])[0]
    fmt, _length, _language, first, count = struct.unpack(">HHHHH", cmap[offset : offset + 10])
    assert fmt == 6
    glyphs = struct.unpack(f">{count}H", cmap[offset + 10 : offset + 10 + 2 * count])
    return {first + i: g for i, g in enumerate(glyphs)}


def _glyph_lengths(font_file: bytes) -> list[int]:
    """The byte length of each glyph's outline (0: empty), from ``loca``."""
    head = _table(font_file, b"head")
    long_offsets = struct.unpack(">h", head[50:52])[0] == 1
    loca = _table(font_file, b"loca")
    if long_offsets:
        offsets = struct.unpack(f">{len(loca) // 4}I", loca)
    else:
        offsets = tuple(2 * o for o in struct.unpack(f">{len(loca) // 2}H", loca))
    return [b - a for a, b in itertools.pairwise(offsets)]


def _codes_drawn(stream: Any, resources: Any, reader: PdfReader, out: dict[str, set[int]]) -> None:
    """Add to ``out`` the codes each font (by its BaseFont) shows in ``stream``, following the forms it draws."""
    fonts = resources.get("/Font", {})
    xobjects = resources.get("/XObject", {})
    font = None
    for operands, operator in ContentStream(stream, reader).operations:
        if operator == b"Tf":
            font = fonts[operands[0]].get_object()["/BaseFont"]
        elif operator in (b"Tj", b"'", b'"'):
            out.setdefault(font, set()).update(operands[-1].original_bytes)
        elif operator == b"TJ":
            for part in operands[0]:
                if not isinstance(part, (int, float)):
                    out.setdefault(font, set()).update(part.original_bytes)
        elif operator == b"Do":
            form = xobjects[operands[0]].get_object()
            _codes_drawn(form, form.get("/Resources", resources), reader, out)


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_every_drawn_character_has_its_glyph_and_no_unused_glyph_is_embedded(path: Path) -> None:
    try:
        doc = unconvert.read(path.read_bytes())
    except unconvert.ReadError:
        pytest.skip("not a readable dump (a fuzz input the reader refuses)")
    reader = PdfReader(io.BytesIO(unconvert.write(doc, "pdf", context=CONTEXT)))
    drawn: dict[str, set[int]] = {}
    embedded: dict[str, Any] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        _codes_drawn(page.get_contents(), resources, reader, drawn)
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            embedded[font["/BaseFont"]] = font
    assert drawn
    for name, font in embedded.items():
        font_file = font["/FontDescriptor"]["/FontFile2"].get_data()
        glyph_of = _glyph_of_code(font_file)
        lengths = _glyph_lengths(font_file)
        codes = drawn.get(name, set())
        for code in codes - {0, 32}:  # 0: a character the face lacks; 32: the space, always kept
            assert glyph_of[code] != 0, f"{name}: code {code} drawn without its glyph"
        for code, glyph in glyph_of.items():
            if code not in codes and 33 <= code < 127:
                assert glyph == 0 or lengths[glyph] == 0 or any(glyph_of[c] == glyph for c in codes), (
                    f"{name}: the unused code {code} ({chr(code)!r}) embeds a glyph"
                )
