"""docs/batch.md stays true (issue #13): its Python example runs as a plain script, without a ``__main__`` guard;
a truncated tar converts the members before the damage; the report is whole JSON lines whatever happens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

from conftest import ROOT, SEED

SCRIPT = """
from unconvert.batch import convert_many, Limits

run = convert_many(["dumps/"], to=["akn", "text"], out="out", jobs=2, timeout=60,
                   limits=Limits(member_bytes=16 * 2**20))
print(run.total, "documents")
for result in run:
    if result.status == "failed":
        print(result.source, result.error.code, result.error.message)
summary = run.summary
print("ok", summary.ok + summary.warnings, "failed", summary.failed)
"""


def report_lines(path: Path) -> list[dict[str, object]]:
    data = path.read_bytes()
    assert b"\x00" not in data and data.endswith(b"\n")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_the_python_example_runs_as_a_script_without_a_main_guard(tmp_path: Path) -> None:
    (tmp_path / "dumps").mkdir()
    for k in range(3):
        (tmp_path / "dumps" / f"d{k}.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "example.py").write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["3 documents", "ok 3 failed 0"]
    lines = report_lines(tmp_path / "out" / "report.jsonl")
    assert sorted(line["status"] for line in lines) == ["ok"] * 3
    assert len(list((tmp_path / "out").glob("*.akn.xml"))) == 3


def test_a_truncated_tar_converts_the_members_before_the_damage(tmp_path: Path) -> None:
    whole = tmp_path / "whole.tar"
    with tarfile.open(whole, "w") as archive:
        for k in range(3):
            archive.add(SEED, arcname=f"d{k}.txt")
    data = whole.read_bytes()
    second = data.index(b"d1.txt")  # the second member's header: the damage starts in it
    cut = tmp_path / "cut.tar"
    cut.write_bytes(data[: second + 100])
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "unconvert", "batch", str(cut), "-o", str(out), "-q", "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1  # the damage is a failed line
    lines = report_lines(out / "report.jsonl")
    statuses = {Path(str(line["source"])).name: line["status"] for line in lines}
    assert statuses == {"cut.tar!d0.txt": "ok", "cut.tar": "failed"}
    assert (out / "cut" / "d0.akn.xml").is_file()
