"""The ``unconvert`` command as a user runs it: outputs, messages and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import unconvert
from conftest import SEED, sample_dumps
from unconvert.cli import main
from unconvert.tree import from_json


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "unconvert", *args], capture_output=True, text=True, check=False)


def test_convert_seed_to_akn_file_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "seed.xml"
    assert main(["convert", str(SEED), "-o", str(out)]) == 0
    unconvert.validate(out)
    assert b"A/RES/64/183" in out.read_bytes()
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # the usual mode, not the temporary file's 0600


def test_convert_to_text_on_stdout() -> None:
    result = run("convert", str(SEED), "-t", "text")
    assert result.returncode == 0
    folded = " ".join(result.stdout.split())
    assert "Cooperation between the United Nations and the Shanghai Cooperation Organization" in folded
    assert "Traceback" not in result.stderr


def test_several_inputs_go_into_a_directory_by_stem(tmp_path: Path) -> None:
    inputs = [str(p) for p in sample_dumps()[:3]]
    assert main(["convert", *inputs, "-t", "akn", "-o", str(tmp_path / "out")]) == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(Path(p).stem + ".xml" for p in inputs)


def test_single_input_into_existing_directory(tmp_path: Path) -> None:
    assert main(["convert", str(SEED), "-t", "text", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "A_RES_64_183.txt").read_text(encoding="utf-8").strip()


def test_bad_input_is_reported_with_file_and_line_and_nothing_is_written(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"[DU1]\nResolution\n\x00\x01\x02\xff\xfe binary")
    out = tmp_path / "out.xml"
    result = run("convert", str(binary), "-o", str(out))
    assert result.returncode == 1
    assert f"{binary}:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_one_bad_input_among_good_ones_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = run("convert", str(SEED), str(bad), "-t", "akn", "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (tmp_path / "out" / "A_RES_64_183.xml").exists()
    assert not (tmp_path / "out" / "empty.xml").exists()
    assert str(bad) in result.stderr


def test_missing_file_and_unknown_format() -> None:
    missing = run("convert", "no/such/file.txt")
    assert missing.returncode == 1 and "no/such/file.txt" in missing.stderr
    unknown = run("convert", str(SEED), "-t", "rtf")
    assert unknown.returncode == 2 and "unknown writer format 'rtf'" in unknown.stderr


def test_validate_reports_errors_with_line_numbers(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(unconvert.convert(SEED, "akn"))
    assert run("validate", str(good)).returncode == 0
    bad = tmp_path / "bad.xml"
    text = good.read_text(encoding="utf-8").replace("<preamble>", "<preamble><bogus/>", 1)
    bad.write_text(text, encoding="utf-8")
    result = run("validate", str(good), str(bad))
    assert result.returncode == 1
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "<bogus/>" in row)
    assert f"{bad}:{line}: error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_formats_lists_every_writer() -> None:
    result = run("formats")
    assert result.returncode == 0
    for name in ("ods", "akn", "text", "docx", "pdf"):
        assert any(row.split()[0] == name for row in result.stdout.splitlines())


def test_dump_prints_the_tree_as_json_that_round_trips() -> None:
    result = run("dump", str(SEED))
    assert result.returncode == 0
    assert from_json(json.loads(result.stdout)) == unconvert.read(SEED)


def test_usage_error_exit_status() -> None:
    assert run("convert").returncode == 2
    with pytest.raises(SystemExit) as exc:
        main(["nonsense"])
    assert exc.value.code == 2


# --- issue #15: validate and read never escape the error hierarchy; input caps; exit codes by cause -------------


def _with_doctype(akn: bytes, declarations: bytes, reference: bytes) -> bytes:
    """``akn`` with a DOCTYPE declaring ``declarations`` and ``reference`` placed in the text of docAuthority."""
    start = akn.index(b"?>") + 2
    text = b">General Assembly</docAuthority>"
    at = akn.index(text)
    return (
        akn[:start]
        + b"\n<!DOCTYPE akomaNtoso ["
        + declarations
        + b"]>"
        + akn[start:at]
        + b">General "
        + reference
        + b" Assembly</docAuthority>"
        + akn[at + len(text) :]
    )


def test_validate_an_entity_reference_is_an_error_at_its_line_not_an_internal_error(tmp_path: Path) -> None:
    """Issue #15, case 1: lxml's XMLSchemaValidateError escaped on any entity reference (exit 3)."""
    akn = unconvert.convert(SEED, "akn")
    files = {
        "internal.xml": _with_doctype(akn, b'<!ENTITY un "United Nations">', b"&un;"),
        "xxe.xml": _with_doctype(akn, b'<!ENTITY x SYSTEM "file:///etc/passwd">', b"&x;"),
        "xxe-net.xml": _with_doctype(akn, b'<!ENTITY x SYSTEM "http://127.0.0.1:9/x">', b"&x;"),
        "laughs.xml": _with_doctype(
            akn,
            b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">',
            b"&d;",
        ),
    }
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        line = data[: data.index(b"&", data.index(b"<akomaNtoso"))].count(b"\n") + 1
        with pytest.raises(unconvert.ValidationError) as caught:
            unconvert.validate(path)
        assert caught.value.errors[0][0] == line, name
        assert "root:" not in caught.value.errors[0][1]  # nothing of /etc/passwd was read
        result = run("validate", str(path))
        assert result.returncode == 1, result.stderr
        assert f"{path}:{line}: error: entity reference" in result.stderr
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_read_and_validate_have_an_input_size_cap(tmp_path: Path) -> None:
    """Issue #15, case 2: ``validate /dev/zero`` grew to a MemoryError. Every input is capped (64 MiB by default,
    ``max_bytes=`` / ``--max-size``)."""
    assert unconvert.api.MAX_INPUT_BYTES == 64 * 1024 * 1024
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() + b"\n" * (2 * 1024 * 1024))
    for call in (unconvert.read, unconvert.validate, lambda p, **k: unconvert.convert(p, "text", **k)):
        with pytest.raises(unconvert.ReadError, match="larger than the limit of 1048576 bytes"):
            call(big, max_bytes=1024 * 1024)
        with pytest.raises(unconvert.ReadError, match="larger than the limit"):
            call(Path("/dev/zero"), max_bytes=1024 * 1024)
    assert unconvert.read(big, max_bytes=None).meta.symbol == "A/RES/64/183"
    for command in (["validate"], ["convert"], ["dump"], ["convert", "-t", "text"]):
        result = run(*command, "/dev/zero", "--max-size", "1M")
        assert result.returncode == 1, result.stderr
        assert "/dev/zero: input larger than the limit of 1048576 bytes" in result.stderr
    # the default cap is in force without the option (read in 1 MiB chunks: memory stays bounded)
    result = run("validate", "/dev/zero")
    assert result.returncode == 1 and "larger than the limit of 67108864 bytes" in result.stderr


def test_read_errors_for_empty_and_bodiless_input_name_a_line(tmp_path: Path) -> None:
    """Issue #15, case 14: "no document body found" and "empty file" had no line number."""
    with pytest.raises(unconvert.ReadError) as empty:
        unconvert.read(b"", name="empty.txt")
    assert empty.value.line == 1 and str(empty.value) == "empty.txt:1: empty file: no document text"
    with pytest.raises(unconvert.ReadError) as blank:
        unconvert.read(b"\n \n\t\n", name="blank.txt")
    assert blank.value.line == 1
    front_only = b"\n".join(SEED.read_bytes().split(b"\n")[:5])
    with pytest.raises(unconvert.ReadError) as bodiless:
        unconvert.read(front_only, name="front.txt")
    assert "no document body found" in bodiless.value.message and bodiless.value.line is not None
    path = tmp_path / "front.txt"
    path.write_bytes(front_only)
    result = run("convert", str(path))
    assert result.returncode == 1 and f"{path}:{bodiless.value.line}: no document body found" in result.stderr


def test_a_full_disk_or_a_refused_output_is_exit_2_not_an_internal_error(tmp_path: Path) -> None:
    """Issue #15, case 4, for ``convert``: a real full device (``/dev/full``, ENOSPC on every write) and a folder
    that refuses a file (``/proc``, EACCES/ENOENT even for root) are environment errors: exit 2, no traceback."""
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "unconvert", "convert", str(SEED), "-t", "text"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2, result.stderr
    assert "No space left on device" in result.stderr and "internal error" not in result.stderr
    refused = run("convert", str(SEED), "-o", "/proc/unconvert-test.xml")
    assert refused.returncode == 2, refused.stderr
    assert "cannot write /proc/unconvert-test.xml" in refused.stderr and "internal error" not in refused.stderr
    assert not list(Path("/proc").glob(".unconvert-*"))


def test_read_of_mutated_dumps_raises_only_read_errors_with_a_line() -> None:
    """Issue #15, case 14, as it was found: 15 % of the fuzz failures had no line. 1,500 mutations of real dumps
    (cuts, deletions, insertions, byte flips; a fixed seed): every failure is a ``ReadError`` naming a line."""
    import random

    rng = random.Random(15)
    seeds = [p.read_bytes() for p in [SEED, *sample_dumps()[:12]]]
    for _ in range(1500):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 12)):
            op, at = rng.random(), rng.randrange(len(data) or 1)
            if op < 0.3:
                del data[at : at + rng.randint(1, 2000)]
            elif op < 0.6:
                data[at:at] = rng.choice(seeds)[rng.randrange(1000) :][: rng.randint(1, 500)]
            elif op < 0.8:
                data = data[:at]
            else:
                data[at : at + 1] = bytes([rng.randrange(256)])
        try:
            unconvert.read(bytes(data), name="fuzz.txt")
        except unconvert.ReadError as exc:
            assert exc.line is not None, exc
