"""``unconvert batch``: sources, hostile archives, isolation of failures, naming, resume, crash safety, Ctrl-C,
determinism — on the real dumps of the bundled sample corpus and the seed."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SEED, install_writer_plugin, sample_dumps
from unconvert import registry
from unconvert.batch import Limits, convert_many, read_report
from unconvert.batch_cli import main as batch_main

FORMATS = ["akn", "text"]


def dumps() -> list[Path]:
    return [SEED, *sample_dumps()]


def few(count: int = 5) -> list[Path]:
    """A handful of varied dumps: the seed, then every few of the sample (other languages, SC, ECOSOC)."""
    chosen = dumps()
    step = max(1, len(chosen) // count)
    return chosen[::step][:count]


def make_zip(path: Path, members: dict[str, bytes], *, symlinks: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16) | 0x10
            archive.writestr(info, target)
    return path


def by_source(report: Path) -> dict[str, dict[str, Any]]:
    records = read_report(str(report))
    keyed = {r["source"]: r for r in records}
    assert len(keyed) == len(records), "a source is reported twice"
    return keyed


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def without_timings(report: Path) -> list[dict[str, Any]]:
    records = [{k: v for k, v in r.items() if k != "timings"} for r in read_report(str(report))]
    return sorted(records, key=lambda r: r["source"])


def assert_outputs_match_report(out: Path, record: dict[str, Any], formats: list[str] = FORMATS) -> None:
    assert [o["format"] for o in record["outputs"]] == formats
    for output in record["outputs"]:
        path = out / output["path"]
        assert path.is_file(), path
        assert path.stat().st_size == output["size"]
        assert sha256(path) == output["sha256"]


def test_directory_is_mirrored_and_every_document_reported(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = convert_many([str(ROOT / "tests" / "data" / "corpus")], to=FORMATS, out=out, jobs=1)
    results = list(run)
    # the dumps and, beside them, the Word originals: a directory's .txt, .xml, .docx and .doc are documents
    words = sorted((ROOT / "tests" / "data" / "corpus").rglob("*.docx"))
    assert len(results) == len(sample_dumps()) + len(words) == run.total
    report = by_source(out / "report.jsonl")
    assert len(report) == len(sample_dumps()) + len(words)
    for word in words:
        assert report[str(word)]["status"] in ("ok", "warnings"), report[str(word)]["error"]
    for dump in sample_dumps():
        rel = dump.relative_to(ROOT / "tests" / "data" / "corpus")
        record = report[str(dump)]
        assert record["status"] in ("ok", "warnings"), record["error"]
        assert record["id"] == dump.stem
        assert record["input_sha256"] == sha256(dump)
        assert record["symbol"]
        assert record["outputs"][0]["path"] == str(rel.with_suffix("")) + ".akn.xml"
        assert record["outputs"][1]["path"] == str(rel.with_suffix("")) + ".text.txt"
        assert set(record["timings"]) == {"read", "write", "disk", "total"}
        assert set(record["timings"]["write"]) == set(FORMATS)
        assert_outputs_match_report(out, record)
        assert all({"severity", "code", "message", "line"} <= set(d) for d in record["diagnostics"])
    assert run.summary.failed == 0
    assert run.summary.ok + run.summary.warnings == len(sample_dumps()) + len(words)
    assert run.summary.formats["akn"].written == len(sample_dumps()) + len(words)
    assert not list(out.rglob("*.gold.json"))
    assert not list(out.rglob("*.unconvert-tmp"))


def test_hostile_zip_members_are_refused_and_the_run_goes_on(tmp_path: Path) -> None:
    good = {f"dumps/{p.name}": p.read_bytes() for p in few(3)}
    members = {
        **good,
        "../escape.txt": SEED.read_bytes(),
        "/etc/absolute.txt": SEED.read_bytes(),
        "dumps/bomb.txt": b"\n" * (3 * 1024 * 1024),
        "dumps/garbage.txt": bytes(range(256)) * 64,
        "dumps/readme.md": b"not a dump, ignored by the *.txt pattern",
    }
    archive = make_zip(tmp_path / "hostile.zip", members, symlinks={"dumps/link.txt": "/etc/passwd"})
    out = tmp_path / "out"
    limits = Limits(member_bytes=1024 * 1024)
    run = convert_many([archive], to=FORMATS, out=out, jobs=1, limits=limits)
    results = {r.source: r for r in run}
    report = by_source(out / "report.jsonl")
    assert set(report) == set(results)
    name = str(archive)
    expected = {
        f"{name}!../escape.txt": ("skipped", "unsafe-member"),
        f"{name}!/etc/absolute.txt": ("skipped", "unsafe-member"),
        f"{name}!dumps/link.txt": ("skipped", "unsafe-member"),
        f"{name}!dumps/bomb.txt": ("failed", "member-too-large"),
        f"{name}!dumps/garbage.txt": ("failed", "read-error"),
    }
    for source, (status, code) in expected.items():
        assert report[source]["status"] == status, source
        assert report[source]["error"]["code"] == code, source
        assert report[source]["outputs"] == []
    for member in good:
        record = report[f"{name}!{member}"]
        assert record["status"] in ("ok", "warnings")
        assert record["outputs"][0]["path"].startswith("hostile/dumps/")
        assert_outputs_match_report(out, record)
    assert not any("readme" in source for source in report)
    assert not (tmp_path / "escape.akn.xml").exists()
    assert not list(tmp_path.rglob("passwd*"))
    assert run.summary.skipped == 3 and run.summary.failed == 2
    assert run.summary.exit_status("failed") == 1
    assert run.summary.exit_status("never") == 0


def test_zip_bomb_with_a_lying_header_is_stopped_while_reading(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "lying.zip", {"big.txt": b"\n" * (2 * 1024 * 1024)})
    data = bytearray(archive.read_bytes())
    real = (2 * 1024 * 1024).to_bytes(4, "little")
    # Rewrite the declared size (local header and central directory) to 10 bytes, so only reading can tell.
    data = bytearray(bytes(data).replace(real, (10).to_bytes(4, "little")))
    archive.write_bytes(bytes(data))
    out = tmp_path / "out"
    run = convert_many([archive], to=["text"], out=out, jobs=1, limits=Limits(member_bytes=1024 * 1024))
    [result] = list(run)
    assert result.status == "failed"
    assert result.error is not None and result.error.code in ("member-too-large", "archive-corrupt")


def test_archive_limits_on_members_and_total_size(tmp_path: Path) -> None:
    members = {f"d{i}.txt": SEED.read_bytes() for i in range(6)}
    archive = make_zip(tmp_path / "many.zip", members)
    size = len(SEED.read_bytes())
    few_members = list(convert_many([archive], to=["text"], out=tmp_path / "a", jobs=1, limits=Limits(members=4)))
    assert [r.status for r in few_members][:4] == ["ok"] * 4 or all(
        r.status in ("ok", "warnings") for r in few_members[:4]
    )
    assert few_members[-1].status == "failed"
    assert few_members[-1].error is not None and few_members[-1].error.code == "archive-too-many-members"
    total = list(convert_many([archive], to=["text"], out=tmp_path / "b", jobs=1, limits=Limits(total_bytes=size * 3)))
    codes = [r.error.code if r.error else r.status for r in total]
    assert codes.count("archive-too-large") == 3


def test_truncated_and_corrupt_archives_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    whole = make_zip(tmp_path / "whole.zip", {p.name: p.read_bytes() for p in few(3)})
    truncated_zip = tmp_path / "cut.zip"
    truncated_zip.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    tar_path = tmp_path / "cut.tar.gz"
    with tarfile.open(tar_path, "w:gz") as archive:
        for dump in few(3):
            archive.add(dump, arcname=f"docs/{dump.name}")
    truncated_tar = tmp_path / "cut2.tar.gz"
    truncated_tar.write_bytes(tar_path.read_bytes()[: tar_path.stat().st_size * 2 // 3])
    run = convert_many([truncated_zip, truncated_tar, SEED], to=["text"], out=tmp_path / "out", jobs=1)
    results = list(run)
    by_key = {r.source: r for r in results}
    assert by_key[str(truncated_zip)].status == "failed"
    assert by_key[str(truncated_zip)].error.code == "archive-corrupt"  # type: ignore[union-attr]
    tar_problems = [r for r in results if r.source.startswith(str(truncated_tar)) and r.status == "failed"]
    assert tar_problems and {r.error.code for r in tar_problems if r.error} <= {"archive-corrupt"}
    assert by_key[str(SEED)].status in ("ok", "warnings")


def test_tar_and_tar_gz_are_read_in_place_and_links_refused(tmp_path: Path) -> None:
    chosen = few(3)
    for suffix, mode in ((".tar", "w"), (".tar.gz", "w:gz")):
        path = tmp_path / f"set{suffix}"
        with tarfile.open(path, mode) as archive:  # type: ignore[call-overload]
            for dump in chosen:
                archive.add(dump, arcname=f"docs/{dump.name}")
            link = tarfile.TarInfo("docs/link.txt")
            link.type = tarfile.SYMTYPE
            link.linkname = "/etc/passwd"
            archive.addfile(link)
            hard = tarfile.TarInfo("docs/hard.txt")
            hard.type = tarfile.LNKTYPE
            hard.linkname = f"docs/{chosen[0].name}"
            archive.addfile(hard)
            evil = tarfile.TarInfo("../../evil.txt")
            evil.size = 4
            archive.addfile(evil, io.BytesIO(b"evil"))
        out = tmp_path / f"out{suffix}"
        run = convert_many([path], to=FORMATS, out=out, jobs=1)
        run.run()
        report = by_source(out / "report.jsonl")
        for dump in chosen:
            record = report[f"{path}!docs/{dump.name}"]
            assert record["status"] in ("ok", "warnings")
            assert record["input_sha256"] == sha256(dump)
            assert record["outputs"][0]["path"] == f"set/docs/{dump.stem}.akn.xml"
            assert_outputs_match_report(out, record)
        for bad in ("docs/link.txt", "docs/hard.txt", "../../evil.txt"):
            assert report[f"{path}!{bad}"]["status"] == "skipped"
            assert report[f"{path}!{bad}"]["error"]["code"] == "unsafe-member"
        assert run.summary.skipped == 3
        assert not (tmp_path / "evil.txt").exists()
        assert list(tmp_path.glob("*.txt")) == []  # nothing extracted to disk


@pytest.fixture(autouse=True)
def _forget_plugins() -> Iterator[None]:
    """No test plugin stays visible to later tests."""
    yield
    registry._plugins.cache_clear()


def test_a_writer_that_fails_for_one_document_fails_only_that_document(tmp_path: Path, monkeypatch: Any) -> None:
    """A writer plugin that raises for one symbol, in a process pool."""
    body = (
        "from unconvert.errors import WriteError\n"
        "def write(document, *, context):\n"
        "    if document.meta.symbol == 'A/RES/64/183':\n"
        "        raise WriteError('boom: this writer refuses 64/183')\n"
        "    return document.meta.symbol.encode()\n"
    )
    install_writer_plugin(tmp_path, monkeypatch, "boom", body)
    out = tmp_path / "out"
    run = convert_many([str(p) for p in few(4)], to=["text", "boom"], out=out, jobs=2)
    results = {r.source: r for r in run}
    failed = results[str(SEED)]
    assert failed.status == "failed"
    assert failed.error is not None and failed.error.code == "write-error" and failed.error.format == "boom"
    assert "refuses 64/183" in failed.error.message
    assert failed.outputs == ()
    assert failed.symbol == "A/RES/64/183"  # the document was read: the report still says which it is
    assert not (out / "A_RES_64_183.text.txt").exists()  # a failed document leaves nothing half-written
    others = [r for key, r in results.items() if key != str(SEED)]
    assert others and all(r.status in ("ok", "warnings") for r in others)
    for result in others:
        boom = out / next(o.path for o in result.outputs if o.format == "boom")
        assert boom.read_bytes() == (result.symbol or "").encode()
    assert run.summary.formats["boom"].failed == 1
    assert not list(out.rglob("*.unconvert-tmp"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_the_timeout_fails_and_the_run_goes_on(tmp_path: Path, monkeypatch: Any, jobs: int) -> None:
    body = (
        "import time\n"
        "def write(document, *, context):\n"
        "    if document.meta.symbol == 'A/RES/64/183':\n"
        "        time.sleep(120)\n"
        "    return b'x'\n"
    )
    install_writer_plugin(tmp_path, monkeypatch, "sleepy", body)
    out = tmp_path / "out"
    run = convert_many([str(p) for p in few(3)], to=["text", "sleepy"], out=out, jobs=jobs, timeout=3)
    results = {r.source: r for r in run}
    slow = results.pop(str(SEED))
    assert slow.status == "failed"
    assert slow.error is not None and slow.error.code == "timeout"
    assert all(r.status in ("ok", "warnings") for r in results.values())
    assert not (out / "A_RES_64_183.text.txt").exists()
    assert by_source(out / "report.jsonl")[str(SEED)]["error"]["code"] == "timeout"


def test_a_document_that_kills_its_worker_fails_alone(tmp_path: Path, monkeypatch: Any) -> None:
    body = (
        "import os\n"
        "def write(document, *, context):\n"
        "    if document.meta.symbol == 'A/RES/64/183':\n"
        "        os._exit(3)  # as a crash in native code would\n"
        "    return b'x'\n"
    )
    install_writer_plugin(tmp_path, monkeypatch, "crashy", body)
    out = tmp_path / "out"
    run = convert_many([str(p) for p in few(6)], to=["text", "crashy"], out=out, jobs=2)
    results = {r.source: r for r in run}
    crashed = results.pop(str(SEED))
    assert crashed.status == "failed"
    assert crashed.error is not None and crashed.error.code == "worker-error"
    assert len(results) == 5 and all(r.status in ("ok", "warnings") for r in results.values())
    assert len(read_report(str(out / "report.jsonl"))) == 6


def test_by_symbol_names_and_collisions_are_reported(tmp_path: Path) -> None:
    copy_dir = tmp_path / "copies"
    copy_dir.mkdir()
    shutil.copy(SEED, copy_dir / "renamed_copy.txt")
    out = tmp_path / "out"
    run = convert_many([SEED, copy_dir], to=FORMATS, out=out, jobs=1, by_symbol=True, split_formats=True)
    results = list(run)
    first, second = results
    assert [o.path for o in first.outputs] == ["akn/A_RES_64_183.akn.xml", "text/A_RES_64_183.text.txt"]
    assert [o.path for o in second.outputs] == ["akn/A_RES_64_183~2.akn.xml", "text/A_RES_64_183~2.text.txt"]
    assert second.status == "warnings"
    assert any(d.code == "output-name-collision" for d in second.diagnostics)
    assert run.summary.collisions == 1
    report = by_source(out / "report.jsonl")
    assert any(d["code"] == "output-name-collision" for d in report[str(copy_dir / "renamed_copy.txt")]["diagnostics"])
    assert (out / "akn" / "A_RES_64_183.akn.xml").read_bytes() == (out / "akn" / "A_RES_64_183~2.akn.xml").read_bytes()


def test_mirrored_names_collide_when_two_sources_share_a_relative_path(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED, tmp_path / folder / "doc.txt")
    out = tmp_path / "out"
    run = convert_many([tmp_path / "a" / "doc.txt", tmp_path / "b" / "doc.txt"], to=["text"], out=out, jobs=1)
    paths = [r.outputs[0].path for r in run]
    assert paths == ["doc.text.txt", "doc~2.text.txt"]
    assert run.summary.collisions == 1


def test_resume_skips_what_is_done_and_redoes_what_changed(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for dump in few(4):
        shutil.copy(dump, source / dump.name)
        os.chmod(source / dump.name, 0o644)
    out = tmp_path / "out"
    first = convert_many([source], to=FORMATS, out=out, jobs=1)
    first.run()
    lines_before = (out / "report.jsonl").read_text().splitlines()
    again = convert_many([source], to=FORMATS, out=out, jobs=1, resume=True)
    results = list(again)
    assert all(r.status == "skipped" and r.resumed for r in results)
    assert again.summary.resumed == len(results) and again.summary.exit_status() == 0
    assert (out / "report.jsonl").read_text().splitlines() == lines_before

    changed = sorted(source.iterdir())[0]
    changed.write_bytes(changed.read_bytes().replace(b"General Assembly", b"General  Assembly", 1))
    removed_output = out / by_source(out / "report.jsonl")[str(sorted(source.iterdir())[1])]["outputs"][0]["path"]
    removed_output.unlink()
    with (out / "report.jsonl").open("ab") as report:
        report.write(b'{"source": "half a line')  # as a kill -9 leaves it
    third = convert_many([source], to=FORMATS, out=out, jobs=1, resume=True)
    redone = {r.source for r in third if not r.resumed}
    assert redone == {str(changed), str(sorted(source.iterdir())[1])}
    records = read_report(str(out / "report.jsonl"))  # valid JSON Lines again: the partial line was cut off
    assert len(records) == len(lines_before) + 2
    latest = by_source_last(records)
    assert latest[str(changed)]["input_sha256"] == sha256(changed)
    assert removed_output.is_file()


def by_source_last(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["source"]: r for r in records}


def test_twice_converted_archive_gives_identical_outputs_and_report(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "set.zip", {f"x/{p.name}": p.read_bytes() for p in dumps()[:8]})
    outs = [tmp_path / "one", tmp_path / "two"]
    for out in outs:
        convert_many([archive], to=FORMATS, out=out, jobs=2).run()
    files = [sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file()) for out in outs]
    assert files[0] == files[1]
    for rel in files[0]:
        if rel.name != "report.jsonl":
            assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel
    assert without_timings(outs[0] / "report.jsonl") == without_timings(outs[1] / "report.jsonl")


def test_list_file_and_glob_sources(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"# dumps to convert\n{SEED}\n\n{sample_dumps()[0]}\n")
    out = tmp_path / "out"
    status = batch_main(["--from-list", str(listing), "-o", str(out), "-t", "text", "-j", "1", "-q"])
    assert status == 0
    assert {r["source"] for r in read_report(str(out / "report.jsonl"))} == {str(SEED), str(sample_dumps()[0])}
    out2 = tmp_path / "out2"
    pattern = str(ROOT / "tests" / "data" / "corpus" / "word" / "*.txt")
    assert batch_main([pattern, "-o", str(out2), "-t", "text", "-j", "1", "-q"]) == 0
    assert len(read_report(str(out2 / "report.jsonl"))) == len(list((ROOT / "tests/data/corpus/word").glob("*.txt")))


def test_cli_exit_status_follows_fail_on(tmp_path: Path, capsys: Any) -> None:
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(b"\x00\x01\x02PK" * 100)
    args = [str(SEED), str(garbage), "-t", "text", "-j", "1"]
    assert batch_main([*args, "-o", str(tmp_path / "a")]) == 1
    printed = capsys.readouterr()
    assert "2 of 2 documents" in printed.out
    assert re.search(r"^failed\s+\S\s+1\b", printed.out, re.MULTILINE), printed.out
    assert "garbage.txt" in printed.err and "read-error" in printed.err
    assert batch_main([*args, "-o", str(tmp_path / "b"), "--fail-on", "never", "-q"]) == 0
    assert batch_main([str(SEED), "-o", str(tmp_path / "c"), "-t", "text", "-j", "1", "--fail-on", "failed"]) == 0
    assert batch_main([str(tmp_path / "missing"), "-o", str(tmp_path / "d")]) == 2


# --- the command as a process: kill -9 and Ctrl-C ------------------------------------------------------------------


def forty_dumps(tmp_path: Path) -> Path:
    """A zip of 40 real dumps (the sample repeated under different names)."""
    members = {}
    pool = dumps()
    for i in range(40):
        dump = pool[i % len(pool)]
        members[f"batch/{i:02d}_{dump.name}"] = dump.read_bytes()
    return make_zip(tmp_path / "forty.zip", members)


def start_batch(archive: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "unconvert", "batch", str(archive), "-o", str(out), "-t", "akn,text", *extra]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def close_pipes(process: subprocess.Popen[bytes]) -> None:
    """Close a killed run's pipes without reading them: its pool workers may still hold their ends open."""
    for pipe in (process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()


def wait_for_lines(report: Path, count: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if report.exists():
            lines = report.read_bytes().count(b"\n")
            if lines >= count:
                return lines
        time.sleep(0.005)
    return report.read_bytes().count(b"\n") if report.exists() else 0


def assert_complete(out: Path, archive: Path, expected: int) -> None:
    records = read_report(str(out / "report.jsonl"))
    sources = [r["source"] for r in records]
    assert len(sources) == len(set(sources)) == expected, "each document converted and reported exactly once"
    for record in records:
        assert record["status"] in ("ok", "warnings"), record
        assert_outputs_match_report(out, record)
    assert not list(out.rglob("*.unconvert-tmp"))
    outputs = sorted(p for p in out.rglob("*") if p.is_file() and p.name != "report.jsonl")
    assert len(outputs) == expected * 2


def test_kill_9_then_resume_converts_every_document_exactly_once(tmp_path: Path) -> None:
    """``kill -9`` leaves the lock file behind (with the dead run's pid): the lock is the kernel's, so it does
    not block the ``--resume``, which ends with the outputs and report of an undisturbed run. (Groups of two
    documents, so that report lines appear while the run goes on and the kill lands mid-way.)"""
    archive = forty_dumps(tmp_path)
    out = tmp_path / "out"
    process = start_batch(archive, out, "-j", "2", "--sync-every", "2")
    seen = wait_for_lines(out / "report.jsonl", 3, process)
    process.kill()
    process.wait()
    close_pipes(process)
    assert 0 < seen < 40, "the run should have been killed mid-way"
    stale = out / ".unconvert-batch.lock"
    assert stale.exists() and f'"pid": {process.pid}' in stale.read_text()
    resumed = start_batch(archive, out, "-j", "2", "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert_complete(out, archive, 40)
    reference = tmp_path / "reference"
    convert_many([archive], to=FORMATS, out=reference, jobs=1).run()
    assert outputs_of(out) == outputs_of(reference)
    assert final_report(out / "report.jsonl") == final_report(reference / "report.jsonl")


def test_kill_9_inside_a_group_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    """Group commit: outputs are renamed into place as documents complete, their report lines wait for the group's
    sync. Killed when outputs are in place but no line of their group is written, the run leaves documents that
    the report does not name; ``--resume`` converts them again under the same names (nothing reserved them: no
    ``~2``), and ends with the outputs and report of an undisturbed run."""
    archive = forty_dumps(tmp_path)
    out = tmp_path / "out"
    process = start_batch(archive, out, "-j", "1", "--sync-every", "1000")  # one group (its time bound: 1 s)
    deadline = time.monotonic() + 120
    placed: list[Path] = []
    while time.monotonic() < deadline and process.poll() is None and not placed:
        placed = [p for p in out.rglob("*.akn.xml")] if out.exists() else []
        time.sleep(0.002)
    report = out / "report.jsonl"
    lines = report.read_bytes().count(b"\n") if report.exists() else 0
    process.kill()
    process.wait()
    close_pipes(process)
    assert placed, "the run should have placed outputs before it was killed"
    reported = {r["id"] for r in read_report(str(report))} if report.exists() else set()
    unreported = [p for p in out.rglob("*.akn.xml") if p.name.removesuffix(".akn.xml") not in reported]
    assert unreported, f"the kill should land inside a group: outputs in place, their lines not written ({lines})"
    resumed = start_batch(archive, out, "-j", "2", "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert_complete(out, archive, 40)
    assert not [p for p in out.rglob("*") if "~" in p.name], "a document converted again took its own names"
    reference = tmp_path / "reference"
    convert_many([archive], to=FORMATS, out=reference, jobs=1).run()
    assert outputs_of(out) == outputs_of(reference)
    assert final_report(out / "report.jsonl") == final_report(reference / "report.jsonl")


def test_ctrl_c_finishes_documents_in_flight_and_exits_130(tmp_path: Path) -> None:
    archive = forty_dumps(tmp_path)
    out = tmp_path / "out"
    process = start_batch(archive, out, "-j", "2", "--sync-every", "2")  # lines while it runs
    wait_for_lines(out / "report.jsonl", 3, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr.decode()
    assert "interrupted" in stderr.decode()
    records = read_report(str(out / "report.jsonl"))
    assert 0 < len(records) < 40
    for record in records:
        assert_outputs_match_report(out, record)
    assert not list(out.rglob("*.unconvert-tmp"))
    resumed = start_batch(archive, out, "-j", "2", "--resume")
    resumed.communicate(timeout=300)
    assert resumed.returncode == 0
    assert_complete(out, archive, 40)


def test_an_output_directory_inside_a_source_directory_is_not_read_back(tmp_path: Path) -> None:
    source = tmp_path / "dumps"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    for _ in range(2):
        run = convert_many([source], to=["text"], out=source / "out", jobs=1)
        assert [r.source for r in run] == [str(source / SEED.name)]
    assert sorted(p.name for p in (source / "out").iterdir()) == ["A_RES_64_183.text.txt", "report.jsonl"]


def test_by_symbol_keeps_the_language_versions_of_one_resolution_apart(tmp_path: Path) -> None:
    corpus = ROOT / "tests" / "data" / "corpus" / "akn4un"
    out = tmp_path / "out"
    run = convert_many([corpus / "77", corpus / "sc2023"], to=["akn"], out=out, jobs=1, by_symbol=True)
    results = list(run)
    names = {r.source.split("/")[-1]: r.outputs[0].path for r in results if r.outputs}
    assert names["A_RES_77_125_eng.txt"] == "A_RES_77_125.akn.xml"
    assert names["A_RES_77_125_fra.txt"] == "A_RES_77_125_fra.akn.xml"
    assert names["A_RES_77_125_ara.txt"] == "A_RES_77_125_ara.akn.xml"
    assert run.summary.collisions == 0
    sc = [r for r in results if "sc2023" in r.source]
    assert sc and all(r.symbol and r.outputs[0].path.startswith("S_RES_") for r in sc)
    assert all("/" not in r.outputs[0].path and " " not in r.outputs[0].path for r in sc)


# --- issue #15: what an archive throws at the batch -----------------------------------------------------------------
# Each test names the case of the issue it reproduces. "Nothing written outside -o" is checked by listing the
# folder around OUTDIR before and after.


def tree_outside(tmp_path: Path, out: Path) -> set[Path]:
    return {p for p in tmp_path.rglob("*") if out not in p.parents and p != out}


def outputs_of(out: Path) -> dict[str, bytes]:
    """Every output file under ``out`` (the report and hidden files aside), by relative path."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != "report.jsonl" and not p.name.startswith(".")
    }


def final_report(report: Path) -> dict[str, dict[str, Any]]:
    """The last line of each source, timings dropped: what a report says once a run (and its resumes) ended."""
    return {r["source"]: {k: v for k, v in r.items() if k != "timings"} for r in read_report(str(report))}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_member_name_of_244_characters_converts_and_fails_nobody(tmp_path: Path, jobs: int) -> None:
    """Case 3: the temporary name was the member's name plus a suffix, over 255 bytes: ``-j 1`` aborted the batch
    (exit 3), ``-j 2`` failed the chunk-mates with ``worker-error``. Temporary names are now a short hash, and a
    final name too long for the file system is shortened with a hash of the whole."""
    long_stem = "L" * 240
    members = {f"{long_stem}.txt": SEED.read_bytes(), **{f"ok{i}.txt": p.read_bytes() for i, p in enumerate(few(3))}}
    members[("é" * 126) + ".txt"] = SEED.read_bytes()  # 126 two-byte characters: 256 bytes with .akn.xml
    archive = make_zip(tmp_path / "long.zip", members)
    out = tmp_path / "out"
    before = tree_outside(tmp_path, out)
    status = batch_main([str(archive), "-o", str(out), "-t", "akn,text", "-j", str(jobs), "-q"])
    assert status == 0
    report = by_source(out / "report.jsonl")
    assert len(report) == len(members)
    for record in report.values():
        assert record["status"] in ("ok", "warnings"), record["error"]
        assert_outputs_match_report(out, record)
        for output in record["outputs"]:
            assert len(os.fsencode(Path(output["path"]).name)) <= 255
    long_paths = [o["path"] for o in report[f"{archive}!{long_stem}.txt"]["outputs"]]
    assert long_paths == ["long/" + long_stem + ".akn.xml", "long/" + long_stem + ".text.txt"]
    accented = report[f"{archive}!{'é' * 126}.txt"]["outputs"][0]["path"]
    assert re.fullmatch(r"long/é+~[0-9a-f]{12}\.akn\.xml", accented), accented
    assert tree_outside(tmp_path, out) == before
    assert not list(out.rglob("*.unconvert-tmp"))


def test_temporary_names_are_short_whatever_the_document_name() -> None:
    from unconvert.batch.work import temporary_name

    name = temporary_name("/x/" + "y" * 4000 + ".zip!" + "z" * 300, 99999, "akn")
    assert len(name) < 60 and name.startswith(".") and name.endswith(".unconvert-tmp")


def run_with_full_disk(archive: Path, out: Path, after: int) -> subprocess.CompletedProcess[str]:
    """The batch in a subprocess whose output writes fail with ENOSPC after ``after`` successful ones.

    A real full disk needs a small file system mounted for the test (root and ``mount``): instead the write
    path of the worker (``unconvert.batch.work.write_output``) is replaced inside the subprocess by one that
    raises ``OSError(ENOSPC)`` from the ``after``-th call on, as the kernel would. ``-j 1`` so the patched function
    is the one that runs."""
    script = (
        "import errno, os, sys\n"
        "import unconvert.batch.work as work\n"
        "real = work.write_output\n"
        "calls = [0]\n"
        "def full(path, payload):\n"
        "    calls[0] += 1\n"
        f"    if calls[0] > {after}:\n"
        "        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)\n"
        "    real(path, payload)\n"
        "work.write_output = full\n"
        "from unconvert.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-c", script, "batch", str(archive), "-o", str(out), "-t", "akn,text", "-j", "1"]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=600)


def test_a_full_disk_stops_with_exit_2_and_resume_ends_as_an_undisturbed_run(tmp_path: Path) -> None:
    """Case 4: a full disk was "internal error … please report", exit 3. Now: exit 2 with the OS's message,
    nothing reported for the document that met it, no temporary left; ``--resume`` once there is room again
    ends with the outputs and report of a run that never met a full disk (ENOSPC simulated, see
    ``run_with_full_disk``)."""
    archive = forty_dumps(tmp_path)
    reference = tmp_path / "reference"
    convert_many([archive], to=FORMATS, out=reference, jobs=1).run()
    out = tmp_path / "out"
    full = run_with_full_disk(archive, out, after=2 * 7 + 1)  # 7 documents, then the 8th's second output fails
    assert full.returncode == 2, full.stderr
    assert "No space left on device" in full.stderr and "--resume" in full.stderr
    assert "internal error" not in full.stderr and "Traceback" not in full.stderr
    records = read_report(str(out / "report.jsonl"))
    assert len(records) == 7
    assert not list(out.rglob("*.unconvert-tmp")) and not (out / ".unconvert-batch.lock").exists()
    resumed = start_batch(archive, out, "-j", "2", "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert outputs_of(out) == outputs_of(reference)
    assert final_report(out / "report.jsonl") == final_report(reference / "report.jsonl")


def test_an_existing_read_only_output_folder_is_exit_2(tmp_path: Path) -> None:
    """Case 4: an output folder the process may not write into (``/sys/kernel``: EACCES, even for root, which
    ignores file modes) is an environment error, exit 2, not an internal error."""
    result = subprocess.run(
        [sys.executable, "-m", "unconvert", "batch", str(SEED), "-o", "/sys/kernel", "-t", "text", "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.returncode == 2, result.stderr
    message = " ".join(result.stderr.split())
    assert "Permission denied" in message and "internal error" not in message


def test_a_second_batch_on_the_same_output_folder_is_refused_and_the_first_ends_whole(tmp_path: Path) -> None:
    """Case 5: two batches on one folder removed each other's temporaries and truncated the report. The first
    holds a lock; the second says who holds it and exits 2, touching nothing; the first ends as an undisturbed
    run."""
    archive = forty_dumps(tmp_path)
    reference = tmp_path / "reference"
    convert_many([archive], to=FORMATS, out=reference, jobs=1).run()
    out = tmp_path / "out"
    first = start_batch(archive, out, "-j", "1", "--sync-every", "2")  # lines while it runs
    assert wait_for_lines(out / "report.jsonl", 2, first) >= 2
    second = start_batch(archive, out, "-j", "1")
    _, refused = second.communicate(timeout=120)
    assert second.returncode == 2, refused.decode()
    message = " ".join(refused.decode().split())
    assert f"is in use by another unconvert batch (pid {first.pid} on " in message, message
    assert "started 20" in message
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr.decode()
    assert outputs_of(out) == outputs_of(reference)
    assert [r["source"] for r in read_report(str(out / "report.jsonl"))] == [
        r["source"] for r in read_report(str(reference / "report.jsonl"))
    ]
    assert not (out / ".unconvert-batch.lock").exists()


def test_the_lock_is_refused_in_process_too_and_released_after_the_run(tmp_path: Path) -> None:
    from unconvert.batch.lock import OutputLock
    from unconvert.errors import BatchError

    out = tmp_path / "out"
    out.mkdir()
    holder = OutputLock(str(out))
    holder.acquire()
    from unconvert.batch import SerialExecutor

    class Watched(SerialExecutor):
        closed = False

        def close(self) -> None:
            Watched.closed = True

    with pytest.raises(BatchError, match=rf"in use by another unconvert batch \(pid {os.getpid()} on "):
        convert_many([SEED], to=["text"], out=out, executor=Watched(("text",))).run()
    assert Watched.closed  # the executor (a Dask cluster, a pool) is shut down when the run is refused
    assert not (out / "report.jsonl").exists()
    holder.release()
    summary = convert_many([SEED], to=["text"], out=out, jobs=1).run()
    assert summary.ok + summary.warnings == 1
    assert not (out / ".unconvert-batch.lock").exists()


def test_resume_recognises_a_source_however_it_is_spelt(tmp_path: Path, monkeypatch: Any) -> None:
    """Case 6: ``rs`` then ``./rs``, or absolute then relative, converted everything again into ``~2`` names."""
    source = tmp_path / "rs"
    source.mkdir()
    for dump in few(3):
        shutil.copy(dump, source / dump.name)
    archive = make_zip(tmp_path / "set.zip", {p.name: p.read_bytes() for p in few(2)})
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    convert_many(["rs", "set.zip"], to=FORMATS, out=out, jobs=1).run()
    lines = (out / "report.jsonl").read_text().splitlines()
    files = outputs_of(out)
    spellings = (["./rs", "./set.zip"], [str(source), str(archive)], ["rs/../rs/", f"../{tmp_path.name}/set.zip"])
    for spelling in spellings:
        again = convert_many(spelling, to=FORMATS, out=out, jobs=1, resume=True)
        results = list(again)
        assert len(results) == 5 and all(r.resumed for r in results), spelling
        assert (out / "report.jsonl").read_text().splitlines() == lines
        assert outputs_of(out) == files
    assert not [name for name in files if "~2" in name]


@pytest.mark.parametrize("kind", ["zip", "tar", "tar.gz"])
def test_duplicate_member_names_are_both_converted_and_reported(tmp_path: Path, kind: str) -> None:
    """Case 7: with two members of one name only the last was converted and the first vanished unreported."""
    first, second = SEED.read_bytes(), sample_dumps()[0].read_bytes()
    path = tmp_path / f"dup.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(path, "w") as archive, pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("d/x.txt", first)
            archive.writestr("d/x.txt", second)
    else:
        with tarfile.open(path, "w:gz" if kind == "tar.gz" else "w") as archive:
            for data in (first, second):
                info = tarfile.TarInfo("d/x.txt")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    out = tmp_path / "out"
    run = convert_many([path], to=FORMATS, out=out, jobs=2)
    results = list(run)
    assert [r.source for r in results] == [f"{path}!d/x.txt", f"{path}!d/x.txt#2"]
    report = by_source(out / "report.jsonl")
    one, two = report[f"{path}!d/x.txt"], report[f"{path}!d/x.txt#2"]
    assert one["input_sha256"] == hashlib.sha256(first).hexdigest()
    assert two["input_sha256"] == hashlib.sha256(second).hexdigest()
    assert [o["path"] for o in one["outputs"]] == ["dup/d/x.akn.xml", "dup/d/x.text.txt"]
    assert [o["path"] for o in two["outputs"]] == ["dup/d/x~2.akn.xml", "dup/d/x~2.text.txt"]
    assert two["status"] == "warnings"
    assert {"duplicate-member", "output-name-collision"} <= {d["code"] for d in two["diagnostics"]}
    for record in (one, two):
        assert_outputs_match_report(out, record)
    again = list(convert_many([path], to=FORMATS, out=out, jobs=1, resume=True))
    assert all(r.resumed for r in again)


def test_a_recursive_glob_does_not_follow_directory_links(tmp_path: Path) -> None:
    """Case 8: ``loop -> .`` converted one document 41 times, and two loops never finished listing."""
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEED, root / "sub" / SEED.name)
    shutil.copy(sample_dumps()[0], root / sample_dumps()[0].name)
    (root / "loop").symlink_to(".")
    (root / "sub" / "up").symlink_to("..")
    (root / "sub" / "loop2").symlink_to("../sub")
    out = tmp_path / "out"
    run = convert_many([f"{root}/**/*.txt", str(root)], to=["text"], out=out, jobs=1)
    results = list(run)
    assert sorted(r.source for r in results) == sorted([f"{root}/sub/{SEED.name}", f"{root}/{sample_dumps()[0].name}"])
    assert all(r.status in ("ok", "warnings") for r in results)
    from unconvert.batch.sources import safe_glob

    assert safe_glob(f"{root}/**/*.txt") == sorted([f"{root}/sub/{SEED.name}", f"{root}/{sample_dumps()[0].name}"])
    assert safe_glob(f"{root}/loop/*.txt") == [f"{root}/loop/{sample_dumps()[0].name}"]  # named literally: entered


def test_directories_give_only_regular_files_and_a_fifo_never_blocks(tmp_path: Path) -> None:
    """Case 9: a FIFO named ``*.txt`` blocked the batch forever; the walk read device nodes and links pointing
    outside the tree. Only regular files are read (a link: to a regular file inside the tree); the others are
    reported ``skipped`` (``unsafe-source``). And there is a default per-document timeout."""
    root = tmp_path / "tree"
    root.mkdir()
    outside = tmp_path / "outside.txt"
    shutil.copy(SEED, outside)
    shutil.copy(SEED, root / "real.txt")
    os.mkfifo(root / "fifo.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "escape.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "real.txt")
    (root / "broken.txt").symlink_to(root / "nothing")
    refused_names = ["fifo.txt", "zero.txt", "escape.txt", "broken.txt"]
    if os.geteuid() == 0:  # a device node in the tree itself (making one needs root)
        os.mknod(root / "device.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # as /dev/zero
        refused_names.append("device.txt")
    out = tmp_path / "out"
    run = convert_many([root, f"{tmp_path}/tree/fifo*"], to=["text"], out=out, jobs=2)
    results = {r.source: r for r in run}
    refused = {name: results[str(root / name)] for name in refused_names}
    for name, result in refused.items():
        assert result.status == "skipped", name
        assert result.error is not None and result.error.code == "unsafe-source", name
    assert "not a regular file" in refused["fifo.txt"].error.message  # type: ignore[union-attr]
    assert "outside the directory" in refused["zero.txt"].error.message  # type: ignore[union-attr]
    # the link to a file inside the tree is that file: converted once
    converted = [r for r in results.values() if r.status in ("ok", "warnings")]
    assert len(converted) == 1
    assert len(read_report(str(out / "report.jsonl"))) == len(results) == len(refused_names) + 1
    # a FIFO named on the command line is refused too, and one put in place of a file after the listing fails
    # its document instead of blocking the worker
    [named] = list(convert_many([root / "fifo.txt"], to=["text"], out=tmp_path / "o2", jobs=1))
    assert named.status == "skipped" and named.error is not None and named.error.code == "unsafe-source"
    from unconvert.batch.sources import SourceError, SourceRef, read_source

    with pytest.raises(SourceError, match="not a regular file"):
        read_source(SourceRef("file", str(root / "fifo.txt"), None, "fifo.txt", "fifo.txt"))


def test_a_document_has_a_default_timeout() -> None:
    import inspect

    from unconvert.batch.run import DEFAULT_TIMEOUT, BatchRun
    from unconvert.batch_cli import configure_parser

    assert DEFAULT_TIMEOUT == 120
    assert inspect.signature(convert_many).parameters["timeout"].default == DEFAULT_TIMEOUT
    assert inspect.signature(BatchRun).parameters["timeout"].default == DEFAULT_TIMEOUT
    import argparse

    parser = argparse.ArgumentParser()
    configure_parser(parser)
    assert parser.parse_args(["x", "-o", "y"]).timeout == DEFAULT_TIMEOUT


def test_names_are_printed_literally_in_the_summary(tmp_path: Path, capsys: Any) -> None:
    """Case 10: a member named ``a[/red].txt`` crashed the summary (rich markup, exit 3), ``b[bold]x.txt`` printed
    as ``bx.txt``."""
    archive = make_zip(
        tmp_path / "m[u]p.zip",
        {"a[/red].txt": b"\x00garbage", "b[bold]x.txt": b"\x00garbage", "ok.txt": SEED.read_bytes()},
    )
    status = batch_main([str(archive), "-o", str(tmp_path / "out[/bold]"), "-t", "text", "-j", "1"])
    assert status == 1
    printed = capsys.readouterr()
    err = " ".join(printed.err.split())
    assert f"{archive}!a[/red].txt: read-error" in err
    assert f"{archive}!b[bold]x.txt: read-error" in err
    assert "3 of 3 documents" in printed.out


def make_tiny_archives(tmp_path: Path, count: int) -> tuple[Path, Path]:
    """A tar and a zip of ``count`` tiny members (a line of text: read, found not a dump, reported), so that
    reading the archive — not converting — is what a run spends its time on."""
    tar_path, zip_path = tmp_path / "tiny.tar", tmp_path / "tiny.zip"
    with tarfile.open(tar_path, "w") as tar, zipfile.ZipFile(zip_path, "w") as archive:
        for i in range(count):
            data = f"tiny document {i}\n".encode()
            info = tarfile.TarInfo(f"d{i // 1000:03d}/m{i:06d}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            archive.writestr(info.name, data)
    return tar_path, zip_path


def expand_sources(archive: Path) -> list[Any]:
    from unconvert.batch.sources import expand

    return list(expand([archive]))


def test_tar_members_are_found_by_offset_not_by_a_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Case 11: tar members were looked up by name, linearly: 100,000 tiny members took 945 s against 276 s for
    the same zip. Once listed, every member is read from its offset: the tar's own look-ups (by name, or by
    walking its members) are never called again. ``benchmarks/bench_archives.py`` times tar against zip."""
    from unconvert.batch.sources import SourceRef, read_source

    tar_path, _zip_path = make_tiny_archives(tmp_path, 2_000)
    refs = [ref for ref in expand_sources(tar_path) if isinstance(ref, SourceRef)]
    assert len(refs) == 2_000

    def no_search(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a tar member was searched for instead of read from its offset")

    for name in ("getmember", "getmembers", "getnames", "__iter__", "extractfile"):
        monkeypatch.setattr(tarfile.TarFile, name, no_search)
    headers_read = []
    next_header = tarfile.TarFile.next

    def counted_next(self: tarfile.TarFile) -> tarfile.TarInfo | None:
        headers_read.append(1)
        return next_header(self)

    monkeypatch.setattr(tarfile.TarFile, "next", counted_next)
    assert [read_source(ref) for ref in (refs[0], refs[1_999], refs[1_000])] == [
        b"tiny document 0\n",
        b"tiny document 1999\n",
        b"tiny document 1000\n",
    ]
    # opening the tar reads its first header, and a member's own header may be read again at its offset: never
    # a walk over the 2,000 headers to reach a member
    assert len(headers_read) <= 1 + 3


@pytest.mark.huge
def test_a_tar_of_100000_members_converts_every_member(tmp_path: Path) -> None:
    """The full size of case 11 (minutes; ``pytest -m huge``): every one of 100,000 members is read and
    reported. The time against the same zip is measured by ``benchmarks/bench_archives.py``, not asserted."""
    tar_path, _zip_path = make_tiny_archives(tmp_path, 100_000)
    summary = convert_many([tar_path], to=["text"], out=tmp_path / "out", jobs=1).run()
    assert summary.done == summary.total == 100_000 and summary.failed == summary.total


def zeros(size: int) -> io.RawIOBase:
    class Zeros(io.RawIOBase):
        left = size

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            n = min(len(buffer), self.left)
            buffer[:n] = bytes(n)
            self.left -= n
            return n

    return Zeros()


def tar_with_a_big_skipped_member(path: Path, size: int) -> Path:
    with tarfile.open(path, "w:gz", compresslevel=1) as archive:
        big = tarfile.TarInfo("dump/big.bin")  # not *.txt: skipped by the pattern
        big.size = size
        archive.addfile(big, io.BufferedReader(zeros(size), 1024 * 1024))
        data = SEED.read_bytes()
        info = tarfile.TarInfo(f"dump/{SEED.name}")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return path


def test_a_big_member_the_pattern_skips_counts_against_the_archive_cap(tmp_path: Path) -> None:
    """Case 12: a ``.tar.gz`` with a 10 GiB member the pattern skips was inflated twice to reach one dump after it
    (107 s). What reading inflates counts against ``--max-archive-size``, skipped members included, and the
    listing stops at the header that would pass the cap, before inflating the member. Here 48 MiB against a
    16 MiB cap (10 GiB against the default 8 GiB behind ``slow``)."""
    path = tar_with_a_big_skipped_member(tmp_path / "big.tar.gz", 48 * 1024 * 1024)
    out = tmp_path / "out"
    run = convert_many([path], to=["text"], out=out, jobs=1, limits=Limits(total_bytes=16 * 1024 * 1024))
    [result] = list(run)
    assert result.status == "failed" and result.error is not None and result.error.code == "archive-too-large"
    assert "dump/big.bin" in result.error.message and "not converted" in result.error.message
    assert outputs_of(out) == {}
    # under the cap, the dump after the big member is converted
    roomy = convert_many([path], to=["text"], out=tmp_path / "o2", jobs=1, limits=Limits(total_bytes=64 * 2**20))
    [converted] = list(roomy)
    assert converted.status in ("ok", "warnings") and converted.source == f"{path}!dump/{SEED.name}"


@pytest.mark.huge
def test_a_10_gib_skipped_member_is_refused_from_its_header(tmp_path: Path) -> None:
    """The full size of case 12 (a 10 GiB archive to build; ``pytest -m huge``), against the default cap.
    ``benchmarks/bench_archives.py`` times the refusal."""
    path = tar_with_a_big_skipped_member(tmp_path / "big.tar.gz", 10 * 1024**3)
    [result] = list(convert_many([path], to=["text"], out=tmp_path / "out", jobs=1))
    assert result.error is not None and result.error.code == "archive-too-large"
    assert "dump/big.bin" in result.error.message


def test_a_member_name_with_a_colon_is_a_relative_name(tmp_path: Path) -> None:
    """Case 13: ``a:b.txt`` was refused as an absolute path; ``C:/x.txt`` and ``C:\\x.txt`` still are."""
    archive = make_zip(
        tmp_path / "colon.zip",
        {"a:b.txt": SEED.read_bytes(), "C:/x.txt": SEED.read_bytes(), "C:\\y.txt": SEED.read_bytes()},
    )
    out = tmp_path / "out"
    report = {r.source: r for r in convert_many([archive], to=["text"], out=out, jobs=1)}
    ok = report[f"{archive}!a:b.txt"]
    assert ok.status in ("ok", "warnings") and ok.outputs[0].path == "colon/a:b.text.txt"
    for bad in ("C:/x.txt", "C:\\y.txt"):
        assert report[f"{archive}!{bad}"].status == "skipped"
        assert report[f"{archive}!{bad}"].error.code == "unsafe-member"  # type: ignore[union-attr]
    assert sorted(outputs_of(out)) == ["colon/a:b.text.txt"]


def test_a_folder_name_too_long_for_the_file_system_fails_only_its_document(tmp_path: Path) -> None:
    """Case 3, one step further: a member whose *folder* name is over 255 bytes cannot be mirrored at all; that
    document fails with ``output-error`` and the others are converted (``-j 1`` and ``-j 2``)."""
    path = tmp_path / "deep.tar"
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
        for name, dump in ((f"{'D' * 300}/x.txt", SEED), ("ok/y.txt", sample_dumps()[0])):
            data = dump.read_bytes()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert batch_main([str(path), "-o", str(out), "-t", "text", "-j", jobs, "-q"]) == 1
        report = by_source(out / "report.jsonl")
        bad = report[f"{path}!{'D' * 300}/x.txt"]
        assert bad["status"] == "failed" and bad["error"]["code"] == "output-error", bad["error"]
        assert "File name too long" in bad["error"]["message"]
        assert report[f"{path}!ok/y.txt"]["status"] in ("ok", "warnings")
        assert not list(out.rglob("*.unconvert-tmp"))
