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
