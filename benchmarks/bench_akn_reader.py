#!/usr/bin/env python3
"""Time of the AKN reader per document: the UN's ``*.akn.xml`` of the corpus (read only, from bytes in memory),
best of ``--repeat`` runs per file, median over the files; the ODS reader on the same documents' dumps beside it.

    PYTHONPATH=src python benchmarks/bench_akn_reader.py [../shared/corpus/akn4un] [--limit N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import unconvert

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "akn4un"


def best(data: bytes, fmt: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        unconvert.read(data, format=fmt)
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.akn.xml"))
    if args.limit:
        files = files[:: max(1, len(files) // args.limit)][: args.limit]
    akn, ods = [], []
    for path in files:
        akn.append(best(path.read_bytes(), "akn", args.repeat))
        dump = path.with_name(path.name[: -len(".akn.xml")] + ".txt")
        if dump.exists():
            ods.append(best(dump.read_bytes(), "ods", args.repeat))
    print(f"{len(files)} UN AKN files: AKN reader median {statistics.median(akn) * 1000:.1f} ms, "
          f"p90 {sorted(akn)[int(len(akn) * 0.9)] * 1000:.1f} ms; ODS reader on their dumps median "
          f"{statistics.median(ods) * 1000:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
