"""The ODS reader's time against another checkout's, side by side: the ratio issue #9 bounds (reading with the
reference linker at most 1.20 times the reading before it existed).

    python benchmarks/bench_read_ratio.py BASE_SRC [CORPUS_DIR] [--per-language 11] [--rounds 3] [--repeat 3]
    python benchmarks/bench_read_ratio.py BASE_SRC --callgrind [--valgrind valgrind]

BASE_SRC is the ``src`` folder of the checkout to compare with (``/work/wt/base11/src``: main before the linker);
this checkout's own ``src`` is the other side. Both read the same fixed sample of dumps (``--per-language``
documents evenly spread over each language's sorted files, English from both tracks), each side in a child process
of its own, after one warm-up pass over the sample (imports done, patterns compiled).

- Time (default): the rounds alternate the two sides so that both see the same machine load; each document's read
  is the best of ``--repeat`` within a round and of the rounds; the script prints the medians and the ratio of the
  medians and of the totals. CPU time of the child (``time.process_time``), so other processes count less.
- ``--callgrind``: each side runs under ``valgrind --tool=callgrind`` twice, warm-up only and warm-up plus one pass;
  the difference is the instructions the pass executed: deterministic, so the ratio holds on a loaded machine.
  Use the interpreter itself (``/root/.pyenv/versions/3.11.7/bin/python3.11``), not a shim that starts another.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data" / "corpus")
LANGUAGES = ("eng", "fra", "spa", "rus", "ara", "zho")


def sample(corpus: Path, per_language: int) -> list[Path]:
    """``per_language`` dumps of each language, evenly spread over its sorted files (``word/`` files are
    English); English gets the same share of each track as it has files."""
    groups: dict[str, list[Path]] = {}
    for path in sorted(corpus.rglob("*.txt")):
        if not path.with_suffix(".gold.json").exists():
            continue
        language = "eng" if path.parent.name not in LANGUAGES else path.parent.name
        groups.setdefault(language, []).append(path)
    out: list[Path] = []
    for language in LANGUAGES:
        files = groups.get(language, [])
        step = max(1, len(files) / per_language) if files else 1
        out += [files[int(i * step)] for i in range(min(per_language, len(files)))]
    return out


def child(files: list[str], passes: int, repeat: int) -> None:
    """In the child process: one warm-up pass, then ``passes`` timed passes; the times (or nothing) as JSON."""
    import unconvert

    data = [(name, Path(name).read_bytes()) for name in files]
    for name, raw in data:
        unconvert.read(raw, name=name)
    times: list[float] = []
    for _ in range(passes):
        for name, raw in data:
            best = float("inf")
            for _ in range(repeat):
                start = time.process_time()
                unconvert.read(raw, name=name)
                best = min(best, time.process_time() - start)
            times.append(best)
    print(json.dumps(times))


def run_child(
    src: Path, files: list[str], passes: int, repeat: int, prefix: list[str] | None = None
) -> tuple[str, str]:
    """The child's output and its error output."""
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONHASHSEED="0")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as listing:
        json.dump(files, listing)
    try:
        command = [*(prefix or []), sys.executable, __file__, "--child", listing.name, str(passes), str(repeat)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    finally:
        os.unlink(listing.name)
    return done.stdout, done.stderr


def instructions(src: Path, files: list[str], valgrind: str) -> int:
    """The instructions one pass over ``files`` executes (warm-up and start-up taken off)."""
    counts = []
    with tempfile.TemporaryDirectory() as tmp:
        for passes in (0, 1):
            prefix = [valgrind, "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.{passes}"]
            _out, output = run_child(src, files, passes, 1, prefix)
            found = re.search(r"Collected : (\d+)", output)
            if found is None:
                raise SystemExit(f"no callgrind count in the output of {src}:\n{output[-2000:]}")
            counts.append(int(found.group(1)))
    return counts[1] - counts[0]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        child(json.loads(Path(argv[1]).read_text()), int(argv[2]), int(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path, help="the src folder of the checkout to compare with")
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--per-language", type=int, default=11)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--valgrind", default="valgrind")
    args = parser.parse_args(argv)
    corpus = args.corpus or next(c for c in DEFAULT_CORPORA if c.is_dir())
    files = [str(p) for p in sample(corpus, args.per_language)]
    sides = {"base": args.base.resolve(), "this": ROOT / "src"}
    print(
        f"{len(files)} dumps from {corpus}; base {sides['base']}; this {sides['this']}; python {sys.version.split()[0]}"
    )
    if args.callgrind:
        counts = {side: instructions(src, files, args.valgrind) for side, src in sides.items()}
        for side, count in counts.items():
            print(f"{side:<5} {count:>15,} instructions per pass ({count / len(files) / 1e6:.1f} M per document)")
        print(f"ratio this / base: {counts['this'] / counts['base']:.3f} (instructions)")
        return 0
    best: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for side, src in sides.items():
            times = json.loads(run_child(src, files, 1, args.repeat)[0])
            best[side] = [min(a, b) for a, b in zip(best[side], times, strict=True)] if side in best else times
    for side, times in best.items():
        print(f"{side:<5} read median {statistics.median(times) * 1000:6.2f} ms, total {sum(times) * 1000:8.1f} ms")
    median = statistics.median(best["this"]) / statistics.median(best["base"])
    total = sum(best["this"]) / sum(best["base"])
    print(f"ratio this / base: {median:.3f} (medians), {total:.3f} (totals); CPU time, best of {args.rounds} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
