#!/usr/bin/env python3
"""Fixed point of the AKN reader on our own output: for every ODS dump of a corpus, the AKN written, read back
and written again must be the same bytes, and the tree read back the dump's tree (in its canonical form).

    PYTHONPATH=src python scripts/akn_fixed_point.py ../shared/corpus [--limit N]

Prints one line per document that differs or fails, then the counts; exit status 1 when any does.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import unconvert
from unconvert.context import Context
from unconvert.errors import UnconvertError
from unconvert.tree import canonical


def check(path: Path, context: Context) -> str | None:
    """``None`` when ``path``'s AKN is a fixed point of read-then-write, else what went wrong."""
    try:
        tree = unconvert.read(path, format="ods")
        first = unconvert.write(tree, "akn", context=context)
    except UnconvertError:
        return None  # not a dump this project reads: nothing to hold fixed
    try:
        again = unconvert.read(first, format="akn", name=str(path))
        second = unconvert.write(again, "akn", context=context)
    except UnconvertError as exc:
        return f"error: {exc}"
    if again != canonical(tree):
        return "the AKN reads back to another tree than the dump's (canonical form)"
    if first != second:
        a, b = first.decode(), second.decode()
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        line = a.count("\n", 0, at) + 1
        return f"differs at line {line}: {a[at - 60 : at + 60]!r} / {b[at - 60 : at + 60]!r}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    paths = sorted(p for root in args.corpus for p in root.rglob("*.txt") if p.with_suffix(".gold.json").exists())
    if args.limit:
        paths = paths[: args.limit]
    context = Context.fixed()
    began = time.perf_counter()
    bad = 0
    for path in paths:
        problem = check(path, context)
        if problem is not None:
            bad += 1
            print(f"{path}: {problem}")
    took = time.perf_counter() - began
    print(f"{len(paths) - bad}/{len(paths)} documents are fixed points, their trees read back exactly ({took:.1f} s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
