"""Time of the Word reader per document, side by side with the ODS reader on the same documents.

    python benchmarks/bench_docx_reader.py [WORD_DIR] [--repeat 5]

Reads every ``<id>.docx`` of WORD_DIR (default ``../shared/corpus/word``, else ``tests/data/corpus/word``) and the
ODS dump ``<id>.txt`` beside it into memory, warms the process up, then times ``read`` of each, ``--repeat`` times,
keeping each document's best time (these machines are shared; the best of a few runs is the least noisy), by the
wall clock and by the process's CPU time (which other processes on a loaded machine disturb less). Prints the
median, 90th percentile and maximum of each reader and the ratio of the medians: the target is a median of at most
30 ms per Word document.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from unconvert.readers import docx as docx_reader
from unconvert.readers import ods as ods_reader

ROOT = Path(__file__).resolve().parent.parent


def _default_dir() -> Path:
    shared = ROOT.parent / "shared" / "corpus" / "word"
    return shared if shared.is_dir() else ROOT / "tests" / "data" / "corpus" / "word"


def _best(function: object, data: bytes, name: str, repeat: int, clock: Callable[[], float]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        function(data, name=name)  # type: ignore[operator]
        best = min(best, clock() - start)
    return best


def _line(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (
        f"{label:<14} median {statistics.median(ordered) * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms   "
        f"max {ordered[-1] * 1000:6.1f} ms   ({len(ordered)} documents)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=_default_dir())
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pairs = [(p, p.with_suffix(".txt")) for p in sorted(args.folder.glob("*.docx")) if p.with_suffix(".txt").exists()]
    loaded = [(d.name, d.read_bytes(), t.read_bytes()) for d, t in pairs]
    for name, word, dump in loaded[:3]:  # warm up: language tables, regexes, python-docx's imports
        docx_reader.read(word, name=name)
        ods_reader.read(dump, name=name)
    print(f"{args.folder}: best of {args.repeat} runs per document")
    for label, clock in (("wall clock", time.perf_counter), ("CPU time", time.process_time)):
        word_times = [_best(docx_reader.read, word, name, args.repeat, clock) for name, word, _ in loaded]
        dump_times = [_best(ods_reader.read, dump, name, args.repeat, clock) for name, _, dump in loaded]
        print(f"-- {label}")
        print(_line("docx reader", word_times))
        print(_line("ods reader", dump_times))
        ratio = statistics.median(word_times) / statistics.median(dump_times)
        print(f"median docx / median ods: {ratio:.2f}")


if __name__ == "__main__":
    main()
