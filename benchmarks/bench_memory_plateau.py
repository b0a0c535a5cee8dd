"""Resident memory of one process that reads and writes the same documents pass after pass: does it reach a plateau?

    PYTHONPATH=src python benchmarks/bench_memory_plateau.py [--corpus DIR] [--passes 5] [--formats akn,text]

Issue #14 asks that a batch worker's RSS stay flat (within 5 %) from 10 % to 100 % of a 5,000-document run.
``bench_batch.py`` builds that run by repeating the 1,280 distinct corpus dumps, so its 10 % point (500 documents)
falls inside the first pass over the distinct inputs, while bounded caches (compiled patterns, phrase lookups,
fonts) are still filling. This script separates the two: it converts every distinct dump ``--passes`` times in one
process and prints the RSS at three points of each pass. Memory that grows in the first pass only is warm-up; memory
that keeps growing pass after pass is a leak.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

import psutil
from bench_batch import corpus_dumps  # the same dumps as the batch benchmark: its sibling script

import unconvert


def mebibytes(process: psutil.Process) -> float:
    return float(process.memory_info().rss) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--formats", default="akn,text")
    args = parser.parse_args(argv)
    dumps = corpus_dumps(args.corpus)
    formats = args.formats.split(",")
    process = psutil.Process()
    marks = {len(dumps) // 10, len(dumps) // 2}
    print(f"{len(dumps)} distinct dumps, formats {','.join(formats)}, {args.passes} passes")
    for number in range(1, args.passes + 1):
        for index, dump in enumerate(dumps):
            doc = unconvert.read(dump)
            for fmt in formats:
                unconvert.write(doc, fmt)
            if index in marks:
                print(f"pass {number}, document {index:5d}: RSS {mebibytes(process):6.1f} MiB", flush=True)
        gc.collect()
        print(f"pass {number}, end           : RSS {mebibytes(process):6.1f} MiB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
