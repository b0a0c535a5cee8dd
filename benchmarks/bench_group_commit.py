"""Group commit against one sync per document: a batch of N dumps from one zip, AKN only, ``-j 1`` (in this process,
so every sync call is counted), alternating ``--sync-every 1`` and the default group, best wall time of each.

    python benchmarks/bench_group_commit.py [--count 500] [--rounds 3] [--formats akn]

Prints, per setting, the wall and CPU seconds of the best round and the number of sync calls (fsync + syncfs) the
run made. What a sync costs depends on the disk: on a virtual disk whose cache ignores flushes it is microseconds
and the wall times agree; on a real disk each sync waits for the device, and the count is what matters.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import unconvert.batch.durability as durability
from unconvert.batch import convert_many
from unconvert.batch.settings import GROUP_DOCUMENTS

ROOT = Path(__file__).resolve().parent.parent


def dumps(count: int) -> list[Path]:
    for corpus in (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data" / "corpus"):
        found = sorted(corpus.rglob("*.txt")) if corpus.is_dir() else []
        if found:
            return [found[i % len(found)] for i in range(count)]
    sys.exit("no corpus found")


class SyncCounter:
    """Counts os.fsync and syncfs calls while installed."""

    def __init__(self) -> None:
        self.calls = 0
        self._fsync = os.fsync
        self._syncfs = durability._SYNCFS

    def __enter__(self) -> SyncCounter:
        def fsync(fd: int) -> None:
            self.calls += 1
            self._fsync(fd)

        os.fsync = fsync
        if self._syncfs is not None:
            real: Callable[[int], int] = self._syncfs

            def syncfs(fd: int) -> int:
                self.calls += 1
                return real(fd)

            durability._SYNCFS = syncfs
        return self

    def __exit__(self, *exc: Any) -> None:
        os.fsync = self._fsync
        durability._SYNCFS = self._syncfs


def run(archive: Path, formats: list[str], sync_every: int) -> tuple[float, float, int]:
    out = Path(tempfile.mkdtemp(prefix="bench-gc-"))
    try:
        with SyncCounter() as counter:
            wall, cpu = time.perf_counter(), time.process_time()
            convert_many([archive], to=formats, out=out, jobs=1, sync_every=sync_every).run()
            return time.perf_counter() - wall, time.process_time() - cpu, counter.calls
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--formats", default="akn")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-gc-src-"))
    archive = work / "dumps.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for i, dump in enumerate(dumps(args.count)):
            bundle.write(dump, f"dumps/{i:05d}_{dump.name}")
    settings = {"one sync per document (--sync-every 1)": 1, "group commit (default)": GROUP_DOCUMENTS}
    best: dict[str, tuple[float, float, int]] = {}
    try:
        for _ in range(args.rounds):
            for name, every in settings.items():
                result = run(archive, args.formats.split(","), every)
                if name not in best or result[0] < best[name][0]:
                    best[name] = result
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.count} documents, {args.formats}, -j 1, best of {args.rounds} (load {os.getloadavg()[0]:.1f})")
    for name, (wall, cpu, calls) in best.items():
        print(f"  {name:42} wall {wall:7.2f} s  cpu {cpu:6.2f} s  syncs {calls}")


if __name__ == "__main__":
    main()
