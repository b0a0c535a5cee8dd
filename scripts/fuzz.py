"""Fuzz the reader and the writers at length (issue #13): mutated real dumps, each read and written in every format
(the harness and its check: ``tests/fuzzing.py``). Runs ``--cases`` inputs in ``--jobs`` processes, each its own
seed, and prints the count, the time, the outcomes and the slowest case; every failing input is kept in
``tests/data/fuzz/`` (``--keep``), where ``tests/test_fuzz.py`` replays it. Exit 1 if any input failed.

    python scripts/fuzz.py --cases 2000                            # a few minutes
    UNCONVERT_FUZZ_CORPUS=../shared/corpus nice -n 19 python scripts/fuzz.py --cases 100000 --jobs 2 --seed 1
    python scripts/fuzz.py --cases 500 --formats akn,text          # the reader and the cheap writers only

Chunks: ``--seed`` and ``--cases`` make a run repeatable, so a long campaign is a series of runs with different
seeds (``--seed 1``, ``--seed 2`` …), stopped and continued at will.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fuzzing


def _chunk(args: tuple[int, int, str | None, tuple[str, ...]]) -> fuzzing.Summary:
    seed, count, corpus, formats = args
    return fuzzing.run(seed, count, fuzzing.seed_files(corpus), formats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="how many inputs (default 2000)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed; process k uses seed*1000+k")
    parser.add_argument("--formats", default=",".join(fuzzing.FORMATS), help="writers to run (default: all)")
    parser.add_argument("--no-keep", dest="keep", action="store_false", help="do not store failing inputs")
    args = parser.parse_args(argv)
    corpus = fuzzing.corpus_from_env()
    formats = tuple(f for f in args.formats.split(",") if f)
    seeds = fuzzing.seed_files(corpus)
    print(f"fuzz: {args.cases:,} cases, {len(seeds)} seed files, formats {','.join(formats)}, {args.jobs} job(s)")
    shares = [args.cases // args.jobs + (1 if k < args.cases % args.jobs else 0) for k in range(args.jobs)]
    began = time.perf_counter()
    work = [(args.seed * 1000 + k, share, corpus, formats) for k, share in enumerate(shares)]
    if args.jobs == 1:
        results = [_chunk(work[0])]
    else:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(_chunk, work))
    elapsed = time.perf_counter() - began
    total = fuzzing.Summary()
    for part in results:
        total.add(part)
    kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(total.kinds.items()))
    print(f"fuzz: {total.cases:,} cases in {elapsed:.0f} s ({total.cases / elapsed:.1f}/s): {kinds}")
    print(f"fuzz: slowest case {total.slowest:.2f} s of CPU ({total.slowest_bytes:,} bytes)")
    print(
        f"fuzz: the cases took {total.cpu:.0f} s of CPU and {total.wall:.0f} s of wall time"
        f" (wall/CPU {total.wall / max(total.cpu, 1e-9):.2f}); {total.over_wall:,} under 1 MB took over"
        f" {fuzzing.SLOW_SECONDS:g} s of wall time but not of CPU (the verdicts count CPU time)"
    )
    for data, outcome in total.failures:
        where = fuzzing.keep(data, outcome) if args.keep else None
        print(
            f"fuzz: {outcome.kind}: {outcome.detail.strip().splitlines()[-1] if outcome.detail else ''}"
            + (f" -> {where}" if where else "")
        )
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
