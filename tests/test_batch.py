"""``unconvert batch``: sources, hostile archives, isolation of failures, naming, resume, crash safety, Ctrl-C,
determinism — on the real dumps of the bundled sample corpus and the seed."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SEED, sample_dumps
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
    assert len(results) == len(sample_dumps()) == run.total
    report = by_source(out / "report.jsonl")
    assert len(report) == len(sample_dumps())
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
    assert run.summary.ok + run.summary.warnings == len(sample_dumps())
    assert run.summary.formats["akn"].written == len(sample_dumps())
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


def install_writer_plugin(tmp_path: Path, monkeypatch: Any, name: str, body: str) -> None:
    """A real writer plugin: a module and an installed distribution declaring it in ``unconvert.writers``, on
    ``sys.path`` here and in worker processes."""
    plugin = tmp_path / f"plugin_{name}"
    info = plugin / f"{name}_writer-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}-writer\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[unconvert.writers]\n{name} = {name}_writer:write\n")
    (plugin / f"{name}_writer.py").write_text(body)
    monkeypatch.syspath_prepend(str(plugin))
    # The registry scans entry points once per process; this process must see the plugin just installed.
    registry._plugins.cache_clear()


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
    (out / "report.jsonl").open("ab").write(b'{"source": "half a line')  # as a kill -9 leaves it
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
    archive = forty_dumps(tmp_path)
    out = tmp_path / "out"
    process = start_batch(archive, out, "-j", "2")
    seen = wait_for_lines(out / "report.jsonl", 3, process)
    process.kill()
    process.wait()
    assert 0 < seen < 40, "the run should have been killed mid-way"
    resumed = start_batch(archive, out, "-j", "2", "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert_complete(out, archive, 40)


def test_ctrl_c_finishes_documents_in_flight_and_exits_130(tmp_path: Path) -> None:
    archive = forty_dumps(tmp_path)
    out = tmp_path / "out"
    process = start_batch(archive, out, "-j", "2")
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
