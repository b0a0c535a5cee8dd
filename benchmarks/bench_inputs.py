"""CPU time of the read and of each writer on given input files, such as the slow inputs the fuzz campaign keeps.

    PYTHONPATH=src python benchmarks/bench_inputs.py tests/data/fuzz/open/slow-*.bin [--formats pdf] [--repeat 2]

Issue #13 asks that every input under 1 MB be read and written in every format within 2 s of CPU; the inputs of
``tests/data/fuzz/open/`` are the classes that did not. Each file is read and written once to warm up (fonts
registered, schema compiled), then the read and each writer are timed ``--repeat`` times with
``time.process_time`` and the best is printed. Only the public API is used, so the same script times any checkout:
alternate ``PYTHONPATH=<base>/src`` and ``PYTHONPATH=<new>/src`` runs and compare the ratios.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import unconvert
from unconvert.context import Context

FORMATS = ("akn", "text", "docx", "pdf")


def best(repeat: int, work: Callable[[], object]) -> float:
    """The least CPU time of ``repeat`` calls of ``work``."""
    least = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        least = min(least, time.process_time() - start)
    return least


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    context = Context.fixed()
    print(f"{'input':<36}{'bytes':>9}{'read s':>9}" + "".join(f"{f + ' s':>9}" for f in formats) + f"{'total s':>9}")
    for path in args.inputs:
        data = path.read_bytes()
        document = unconvert.read(data, name=str(path))
        for fmt in formats:
            unconvert.write(document, fmt, context=context)
        times = [best(args.repeat, partial(unconvert.read, data, name=str(path)))]
        for fmt in formats:
            times.append(best(args.repeat, partial(unconvert.write, document, fmt, context=context)))
        cells = "".join(f"{t:9.3f}" for t in times)
        print(f"{path.name:<36}{len(data):>9}{cells}{sum(times):9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
