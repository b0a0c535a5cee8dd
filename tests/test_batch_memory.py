"""A batch worker gives its freed memory back to the system every few documents (``unconvert.batch.memory``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import unconvert
from unconvert.batch import memory

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "A_RES_64_183.txt"


def test_the_allocator_is_trimmed_once_every_few_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "_malloc_trim", lambda: lambda pad: calls.append(pad) or 1)
    monkeypatch.setattr(memory, "_documents", 0)
    for _ in range(3 * memory.EVERY - 1):
        memory.document_done()
    assert calls == [0, 0]


def test_the_c_librarys_trim_is_found_and_runs_here() -> None:
    trim = memory._malloc_trim()
    if trim is None:
        pytest.skip("not glibc")
    assert trim(0) in (0, 1)


def test_each_document_of_a_batch_is_counted_even_a_failed_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(memory, "_documents", 0)
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "good.txt").write_bytes(EXAMPLE.read_bytes())
    (sources / "bad.txt").write_bytes(b"\xff\xfe\x00 not a dump")
    run = unconvert.convert_many([sources], "text", out=tmp_path / "out", jobs=1)
    results = list(run)
    assert len(results) == 2
    assert run.summary.failed == 1
    assert memory._documents == 2
