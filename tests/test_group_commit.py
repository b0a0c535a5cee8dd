"""The group commit's committer thread: a slow disk never stops the run's thread, yet no report line is written
before the outputs it names are durable, lines keep their order, and the queue a crash can lose stays bounded."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from unconvert.batch import durability
from unconvert.batch.durability import GroupCommit
from unconvert.batch.report import ReportWriter, read_report


class GatedDisk:
    """A stand-in for ``sync_outputs`` that holds every sync until the test opens the gate, and keeps what each
    sync covered and how many report lines were on disk when it began."""

    def __init__(self, report: Path) -> None:
        self.report = report
        self.gate = threading.Event()
        self.started = threading.Event()
        self.synced: list[list[str]] = []
        self.lines_before: list[int] = []

    def __call__(self, out: str, files: Iterable[str], directories: Iterable[str]) -> None:
        self.lines_before.append(len(read_report(str(self.report))))
        self.started.set()
        assert self.gate.wait(30), "the test never opened the gate"
        self.synced.append(list(files))


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[GatedDisk]:
    gated = GatedDisk(tmp_path / "report.jsonl")
    monkeypatch.setattr(durability, "sync_outputs", gated)
    yield gated
    gated.gate.set()


def record(i: int) -> dict[str, object]:
    return {"source": f"doc{i}.txt", "status": "ok"}


def test_add_does_not_wait_for_a_slow_sync(tmp_path: Path, disk: GatedDisk) -> None:
    writer = ReportWriter(str(tmp_path / "report.jsonl"), append=False)
    group = GroupCommit(writer, str(tmp_path), documents=4, seconds=60)
    for i in range(4):
        group.add(record(i), [str(tmp_path / f"doc{i}.xml")])
    assert disk.started.wait(30), "a full group should be committed by the committer"
    # The first group's sync is stuck; the run's thread goes on queueing the next group meanwhile.
    for i in range(4, 8):
        group.add(record(i), [str(tmp_path / f"doc{i}.xml")])
    assert read_report(writer.path) == [], "no line may be written before its outputs are synced"
    disk.gate.set()
    group.close()
    writer.close()
    assert [r["source"] for r in read_report(writer.path)] == [f"doc{i}.txt" for i in range(8)]
    assert disk.lines_before[0] == 0
    assert [p.rsplit("/", 1)[1] for sync in disk.synced for p in sync] == [f"doc{i}.xml" for i in range(8)]


def test_add_waits_when_the_disk_cannot_keep_up(tmp_path: Path, disk: GatedDisk) -> None:
    """At most ``BACKLOG`` groups wait beside the one being synced: then ``add`` waits for the committer."""
    writer = ReportWriter(str(tmp_path / "report.jsonl"), append=False)
    group = GroupCommit(writer, str(tmp_path), documents=2, seconds=60)
    group.add(record(0))
    group.add(record(1))
    assert disk.started.wait(30)
    queued = threading.Event()

    def fill() -> None:
        for i in range(2, 2 + GroupCommit.BACKLOG * 2 + 1):
            group.add(record(i))
        queued.set()

    filler = threading.Thread(target=fill, daemon=True)
    filler.start()
    assert not queued.wait(1.0), "add should wait while BACKLOG groups are queued behind a stuck sync"
    disk.gate.set()
    assert queued.wait(30)
    filler.join()
    group.close()
    writer.close()
    assert [r["source"] for r in read_report(writer.path)] == [f"doc{i}.txt" for i in range(2 + 2 * 4 + 1)]


def test_a_failed_commit_is_raised_by_the_next_add(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failed = threading.Event()

    def full_disk(out: str, files: Iterable[str], directories: Iterable[str]) -> None:
        failed.set()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durability, "sync_outputs", full_disk)
    writer = ReportWriter(str(tmp_path / "report.jsonl"), append=False)
    group = GroupCommit(writer, str(tmp_path), documents=2, seconds=60)
    group.add(record(0))
    group.add(record(1))
    assert failed.wait(30)
    with pytest.raises(OSError, match="No space left"):
        for i in range(2, 100):  # the committer has stopped: an add raises its error, never waits for ever
            group.add(record(i))
    writer.close()
    assert read_report(writer.path) == []
