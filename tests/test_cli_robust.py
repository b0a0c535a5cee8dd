"""The command line as a new user meets it (issue #13): it never writes over what it should not, takes ``-`` for
standard input and output, infers the format from the output's name, keeps binary bytes off a terminal, takes its
global options anywhere, and reports the user's and the machine's problems as such (exit 2), not as bugs."""

from __future__ import annotations

import errno
import json
import os
import pty
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import SEED
from unconvert.cli import main

SEED_TEXT = SEED.read_bytes()


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "unconvert", *args], input=stdin, capture_output=True, check=False, cwd=cwd
    )


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    copy = tmp_path / "A_RES_64_183.txt"
    copy.write_bytes(SEED_TEXT)
    return copy


# --- never write over what is not ours to replace -------------------------------------------------------------


def test_an_output_that_is_the_input_is_refused_and_the_input_kept(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ``-t text -o .`` names ./A_RES_64_183.txt: the input itself
    assert main(["convert", str(seed), "-q", "-t", "text", "-o", str(seed.parent)]) == 2
    assert seed.read_bytes() == SEED_TEXT
    assert "this is an input" in capsys.readouterr().err
    assert main(["convert", str(seed), "-q", "-t", "text", "-o", str(seed)]) == 2
    assert main(["dump", str(seed), "-q", "-o", str(seed)]) == 2
    assert seed.read_bytes() == SEED_TEXT


def test_two_inputs_wanting_one_output_name_is_an_error_before_anything_is_written(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = seed.parent / "copy" / seed.name
    other.parent.mkdir()
    other.write_bytes(SEED_TEXT)
    out = seed.parent / "out"
    assert main(["convert", str(seed), str(other), "-q", "-o", str(out)]) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert str(seed) in err and str(other) in err and "nothing written" in err


def test_a_fifo_a_link_and_a_device_are_never_replaced(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = seed.parent / "pipe.xml"
    os.mkfifo(fifo)
    target = seed.parent / "kept.xml"
    target.write_bytes(b"mine")
    link = seed.parent / "link.xml"
    link.symlink_to(target)
    for path, kind in ((fifo, "FIFO"), (link, "symbolic link"), (Path(os.devnull), "device")):
        assert main(["convert", str(seed), "-q", "-o", str(path)]) == 2
        assert kind in capsys.readouterr().err
    assert fifo.exists() and not fifo.is_file()
    assert link.is_symlink() and target.read_bytes() == b"mine"
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


# --- standard input and output ---------------------------------------------------------------------------------


def test_dash_is_standard_input_and_standard_output() -> None:
    text = run("convert", "-", "-q", "-t", "text", "-o", "-", stdin=SEED_TEXT)
    assert text.returncode == 0, text.stderr
    assert b"Shanghai Cooperation Organization" in text.stdout
    dump = run("dump", "-", "-q", "-o", "-", stdin=SEED_TEXT)
    assert dump.returncode == 0, dump.stderr
    assert json.loads(dump.stdout)["document"]["meta"]["symbol"] == "A/RES/64/183"
    akn = run("convert", "-", "-q", stdin=SEED_TEXT)
    valid = run("validate", "-", stdin=akn.stdout)
    assert valid.returncode == 0 and b"<stdin>: valid" in valid.stderr
    assert not Path("-").exists()


def test_warnings_and_errors_on_standard_input_name_it() -> None:
    result = run("convert", "-", stdin=b"\x00\x01 not text")
    assert result.returncode == 1
    assert result.stderr.startswith(b"unconvert: <stdin>")


# --- the format from the output's name -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "magic"),
    [("x.pdf", b"%PDF"), ("x.docx", b"PK"), ("x.xml", b"<?xml"), ("x.akn.xml", b"<?xml"), ("x.txt", b"United")],
)
def test_the_output_extension_names_the_format(seed: Path, name: str, magic: bytes) -> None:
    out = seed.parent / name
    assert main(["convert", str(seed), "-q", "-o", str(out)]) == 0
    assert out.read_bytes().lstrip().startswith(magic)


def test_an_extension_no_writer_has_needs_t(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = seed.parent / "x.html"
    assert main(["convert", str(seed), "-q", "-o", str(out)]) == 2
    assert not out.exists()
    assert "give -t FORMAT" in capsys.readouterr().err
    assert main(["convert", str(seed), "-q", "-t", "text", "-o", str(out)]) == 0


def test_binary_output_is_never_written_to_a_terminal() -> None:
    controller, terminal = pty.openpty()
    try:
        for fmt in ("pdf", "docx"):
            result = subprocess.run(
                [sys.executable, "-m", "unconvert", "convert", str(SEED), "-q", "-t", fmt],
                stdout=terminal,
                stderr=subprocess.PIPE,
                check=False,
            )
            assert result.returncode == 2
            assert b"binary" in result.stderr
        text = subprocess.run(
            [sys.executable, "-m", "unconvert", "convert", str(SEED), "-q", "-t", "text"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            check=False,
        )
        assert text.returncode == 0
    finally:
        os.close(terminal)
        os.close(controller)


# --- options ---------------------------------------------------------------------------------------------------


def test_global_options_go_before_or_after_the_command(seed: Path) -> None:
    for argv in (
        ["--debug", "convert", str(seed), "-q", "-o", str(seed.parent / "a.xml")],
        ["convert", str(seed), "--debug", "-q", "-o", str(seed.parent / "b.xml")],
        ["convert", str(seed), "-q", "-o", str(seed.parent / "c.xml"), "--debug"],
        ["formats", "--debug"],
    ):
        assert main(argv) == 0, argv


def test_output_is_spelled_the_same_in_every_command(seed: Path) -> None:
    assert main(["convert", str(seed), "-q", "--output", str(seed.parent / "one.xml")]) == 0
    assert main(["dump", str(seed), "-q", "--output", str(seed.parent / "one.json")]) == 0
    assert main(["batch", str(seed), "-q", "-j", "1", "--output", str(seed.parent / "b1")]) == 0
    assert main(["batch", str(seed), "-q", "-j", "1", "--out", str(seed.parent / "b2")]) == 0  # the old spelling
    assert (seed.parent / "b1" / "A_RES_64_183.akn.xml").is_file()
    assert (seed.parent / "b2" / "A_RES_64_183.akn.xml").is_file()


def test_resume_with_fewer_formats_keeps_what_was_done(seed: Path) -> None:
    out = seed.parent / "out"
    assert main(["batch", str(seed), "-q", "-j", "1", "-t", "akn,text", "-o", str(out)]) == 0
    report = (out / "report.jsonl").read_bytes()
    akn = out / "A_RES_64_183.akn.xml"
    os.utime(akn, (1, 1))
    assert main(["batch", str(seed), "-q", "-j", "1", "-t", "akn", "-o", str(out), "--resume"]) == 0
    assert (out / "report.jsonl").read_bytes() == report  # nothing converted again, nothing reported again
    assert akn.stat().st_mtime == 1
    assert main(["batch", str(seed), "-q", "-j", "1", "-t", "akn,pdf", "-o", str(out), "--resume"]) == 0
    assert (out / "A_RES_64_183.pdf").is_file()  # a format not written before: converted again


def test_the_bundled_example_converts_without_a_warning() -> None:
    result = run("convert", str(SEED), "-t", "text")
    assert result.returncode == 0
    assert result.stderr == b""


# --- errors: the user's and the machine's, not bugs -------------------------------------------------------------


def test_an_unwritable_folder_names_the_users_path_not_a_temporary_one(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refused(*args: object, prefix: str = "", suffix: str = "", dir: str = ".") -> tuple[int, str]:
        name = os.path.join(dir, f"{prefix}abcdefgh{suffix}")
        raise PermissionError(errno.EACCES, "Permission denied", name)

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    out = seed.parent / "x.xml"
    assert main(["convert", str(seed), "-q", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {out}: Permission denied" in err
    assert ".part" not in err and "internal" not in err


def test_a_closed_pipe_is_not_an_internal_error() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "unconvert", "convert", str(SEED), "-q", "-t", "pdf"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first byte
    err = process.stderr.read()
    assert process.wait() == 2
    assert b"broken pipe" in err and b"Traceback" not in err and b"internal" not in err


def test_a_missing_font_is_an_environment_error(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from unconvert.writers.pdf import fonts

    monkeypatch.setattr(fonts, "_registered", set())
    monkeypatch.setattr(fonts, "candidates", lambda face: [])
    out = seed.parent / "x.pdf"
    assert main(["convert", str(seed), "-q", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "apt-get install" in err and "bug" not in err
    assert not out.exists()


# --- encodings ---------------------------------------------------------------------------------------------------


def test_utf16_and_cp1252_on_the_command_line(tmp_path: Path) -> None:
    text = SEED_TEXT.decode("utf-8-sig")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    result = run("convert", str(utf16), "-t", "text")
    assert result.returncode == 0 and result.stderr == b""
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(text.replace("Organization", "Organización").encode("cp1252"))
    result = run("convert", str(cp1252), "-t", "text")
    assert result.returncode == 0
    assert b"[encoding-cp1252]" in result.stderr and str(cp1252).encode() in result.stderr
    cp1251 = tmp_path / "cp1251.txt"
    cp1251.write_bytes("Резолюция, принятая Генеральной Ассамблеей\n".encode("cp1251") * 20)
    result = run("convert", str(cp1251), "-t", "text")
    assert result.returncode == 1 and b"iconv" in result.stderr and b"Traceback" not in result.stderr
