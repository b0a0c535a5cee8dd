"""How the ODS reader's time grows with the document: the bundled example with its operative paragraphs repeated
1x, 10x, 100x and 1,000x (numbered on), read by ``unconvert.read``. A reader linear in the document reads the
1,000x document in about 1,000 times the 1x time (the issue #13 bound: at most 1,200 times).

    python benchmarks/bench_reader_scaling.py                    # best of 3 per size (1x: best of 50)
    python benchmarks/bench_reader_scaling.py --sizes 1,10,100,1000,3000 --repeat 3
    PYTHONPATH=/work/wt/base11/src python benchmarks/bench_reader_scaling.py    # another checkout, side by side

The 1x time is the example as bundled, with its own five paragraphs; each size keeps the same preamble, closing
lines, footnote and ODS fields, so what grows is the body (paragraphs past 999 are read as text of paragraph 999:
the reader takes no operative number of four digits). Times are CPU seconds of this process (``process_time``), so
that other work on a shared machine does not inflate them; the best of the runs is kept. The peak resident memory
(RSS) of each size is that of a fresh process that reads the document once (``--peak SIZE``, run by this script):
its high-water mark, and how much the read raised it above what the process held before (the interpreter, the
package with its tables, loaded by a first read of the 1x document, and the input's bytes).
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import unconvert

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "A_RES_64_183.txt"
_OPERATIVE = re.compile(r"^\t(\d+)\.\t(.*)$")


def scaled(factor: int) -> bytes:
    """The example with its operative paragraphs repeated ``factor`` times, numbered 1..5*factor."""
    lines = SEED.read_text(encoding="utf-8-sig").split("\n")
    first = next(i for i, line in enumerate(lines) if _OPERATIVE.match(line))
    last = max(i for i, line in enumerate(lines) if _OPERATIVE.match(line))
    block = [_OPERATIVE.match(line) for line in lines[first : last + 1]]
    body = []
    number = 0
    for _ in range(factor):
        for match in block:
            assert match is not None
            number += 1
            body.append(f"\t{number}.\t{match.group(2)}")
    return "\n".join([*lines[:first], *body, *lines[last + 1 :]]).encode("utf-8")


def best(data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.process_time()
        unconvert.read(data, name="scaled.txt")
        times.append(time.process_time() - began)
    return min(times)


def _mebibytes(kilobytes: int) -> float:
    return kilobytes / 1024  # ``ru_maxrss`` is in KiB on Linux


def _current_rss_kib() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 1024


def peak(size: int) -> None:
    """In a fresh process: read the ``size``x document once and print the peak RSS and how much the read added."""
    unconvert.read(scaled(1), name="warm-up.txt")  # the reader's modules and tables, loaded by a first read
    data = scaled(size)
    before = _current_rss_kib()
    unconvert.read(data, name="scaled.txt")
    high = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{_mebibytes(high):.1f} {_mebibytes(high - before):.1f}")


def peak_in_fresh_process(size: int) -> tuple[str, str]:
    out = subprocess.run(
        [sys.executable, __file__, "--peak", str(size)], check=True, capture_output=True, text=True
    ).stdout.split()
    return out[0], out[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="comma-separated factors (default 1,10,100,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size, the best is kept (default 3)")
    parser.add_argument("--peak", type=int, help=argparse.SUPPRESS)  # the fresh process of one size's peak RSS
    args = parser.parse_args()
    if args.peak is not None:
        peak(args.peak)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    unconvert.read(scaled(1))  # imports and tables, outside the timing
    base = None
    print(
        f"{'size':>6} {'paragraphs':>10} {'bytes':>10} {'seconds':>9} {'ratio':>8} {'µs/para':>8} "
        f"{'peak MiB':>9} {'read MiB':>9}"
    )
    for size in sizes:
        data = scaled(size)
        doc = unconvert.read(data)
        paragraphs = sum(len(part.body) for part in doc.parts)
        seconds = best(data, max(args.repeat, 50) if size == 1 else args.repeat)
        base = base or seconds
        high, added = peak_in_fresh_process(size)
        print(
            f"{size:>5}x {paragraphs:>10,} {len(data):>10,} {seconds:>9.4f} {seconds / base:>8.1f} "
            f"{seconds / paragraphs * 1e6:>8.1f} {high:>9} {added:>9}"
        )


if __name__ == "__main__":
    main()
