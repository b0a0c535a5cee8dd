"""Inputs as Word saves them (issue #13): UTF-8 and UTF-16 with a BOM read alike, Windows-1252 with a warning, and
anything else refused saying what was found and how to convert it. And ``unconvert.read`` takes what a user has in
hand: a path, bytes, an open file (binary or text), or the text itself through ``text=``."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

import unconvert
from conftest import SEED, sample_dumps

SEED_TEXT = SEED.read_bytes().decode("utf-8-sig")
EXPECTED = unconvert.write(unconvert.read(SEED), "text")


def latin_sample() -> Path:
    """A French dump of the sample corpus whose every character Windows-1252 has."""
    for path in sample_dumps():
        text = path.read_bytes().decode("utf-8-sig")
        if any(c in text for c in "éèàç"):
            try:
                text.encode("cp1252")
            except UnicodeEncodeError:
                continue
            return path
    pytest.skip("no Windows-1252 dump in the sample corpus")


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"),
        SEED_TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"),
        SEED_TEXT.replace("\n", "\r\n").encode("utf-16"),
    ],
    ids=["utf-8-bom", "utf-8", "utf-16-le", "utf-16-be", "utf-16-crlf"],
)
def test_utf8_and_utf16_with_a_bom_read_alike(data: bytes) -> None:
    doc = unconvert.read(data, name="x.txt")
    assert unconvert.write(doc, "text") == EXPECTED
    assert not [d for d in doc.diagnostics if d.code.startswith("encoding")]


def test_windows_1252_is_read_with_a_warning_and_gives_the_same_document() -> None:
    path = latin_sample()
    original = unconvert.read(path)
    doc = unconvert.read(path.read_bytes().decode("utf-8-sig").encode("cp1252"), name=path.name)
    assert unconvert.write(doc, "text") == unconvert.write(original, "text")
    (warning,) = [d for d in doc.diagnostics if d.code == "encoding-cp1252"]
    assert "Windows-1252" in warning.message and "iconv -f CP1252 -t UTF-8" in warning.message
    assert warning.line is not None


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (SEED_TEXT.encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
        ("Резолюция, принятая Генеральной Ассамблеей\n".encode("cp1251") * 20, "not Western-European"),
        (("Résolution " + SEED_TEXT).encode("utf-8")[:-40] + b"\xff" + b"x" * 39, "the rest is UTF-8"),
        (b"Resolution\n\x81\x8d\x8f\n", "nor Windows-1252"),
        (b"Resolution\n\x00\x01 binary", "NUL byte"),
        (codecs.BOM_UTF16_LE + b"R\x00e\x00\x00\xd8", "UTF-16 LE text"),
    ],
    ids=["utf-16-no-bom", "cp1251", "damaged-utf-8", "undecodable", "binary", "damaged-utf-16"],
)
def test_anything_else_is_refused_saying_what_it_is(data: bytes, says: str) -> None:
    with pytest.raises(unconvert.ReadError, match=says) as caught:
        unconvert.read(data, name="in.txt")
    assert caught.value.name == "in.txt" and caught.value.line is not None


def test_read_takes_a_file_object_binary_or_text() -> None:
    assert unconvert.write(unconvert.read(io.BytesIO(SEED.read_bytes())), "text") == EXPECTED
    with SEED.open("rb") as handle:
        assert unconvert.write(unconvert.read(handle), "text") == EXPECTED
    with SEED.open(encoding="utf-8-sig") as handle:
        assert unconvert.write(unconvert.read(handle), "text") == EXPECTED
    with SEED.open("rb") as handle, pytest.raises(unconvert.ReadError, match="larger than") as caught:
        unconvert.read(handle, max_bytes=100)
    assert caught.value.name == str(SEED)  # an open file is named by its path


def test_read_takes_text_through_text_and_never_as_a_path() -> None:
    assert unconvert.write(unconvert.read(text=SEED_TEXT), "text") == EXPECTED
    assert unconvert.convert(text=SEED_TEXT, to="text") == EXPECTED
    with pytest.raises(unconvert.ReadError, match="pass it as text="):
        unconvert.read(SEED_TEXT)
    with pytest.raises(TypeError):
        unconvert.read(SEED, text=SEED_TEXT)
