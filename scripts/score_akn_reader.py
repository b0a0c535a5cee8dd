#!/usr/bin/env python3
"""The AKN reader measured with the scorer's own gold: every UN ``*.akn.xml`` of the corpus's AKN track read,
written as AKN and scored (``../shared/tools/score.py``), with the issue's thresholds checked in each language.

    PYTHONPATH=src python scripts/score_akn_reader.py [../shared/corpus/akn4un] [--json REPORT] [--limit N]

Prints the scorer's table, then each threshold missed; exit status 1 when one is.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "akn4un"
SCORER = CORPUS.parent.parent / "tools" / "score.py"

# Issue #11: in each language.
THRESHOLDS = {
    "meta": 0.99,
    "para_recall": 0.995,
    "para_precision": 0.995,
    "footnotes": 0.99,
    "tables": 0.95,
    "preamble_f1": 0.99,
    "operative_f1": 0.99,
}


def means(score: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Mean of every metric per language, over the documents for which the scorer reports it."""
    values: dict[tuple[str, str], list[float]] = defaultdict(list)
    for record in score["docs"]:
        for metric, value in record["metrics"].items():
            if value is not None:
                values[(metric, record["lang"])].append(value)
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (metric, lang), found in values.items():
        out[metric][lang] = sum(found) / len(found)
    return dict(out)


def failures(table: dict[str, dict[str, float]], thresholds: dict[str, float]) -> list[str]:
    return [
        f"{metric} {lang}: {value:.4f} < {limit}"
        for metric, limit in thresholds.items()
        for lang, value in sorted(table.get(metric, {}).items())
        if value < limit
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        report = args.json or Path(scratch) / "score.json"
        command = f"{sys.executable} {HERE / 'akn_sibling.py'} {{inputs}} {{outdir}}"
        extra = ["--limit", str(args.limit)] if args.limit else []
        subprocess.run(
            [sys.executable, str(SCORER), str(args.corpus), "--cmd", command, "--chunk", "60", "--jobs", "2",
             "--json", str(report), *extra],
            check=True,
        )  # fmt: skip
        score = json.loads(report.read_text(encoding="utf-8"))
    missed = failures(means(score), THRESHOLDS)
    for line in missed:
        print(f"below threshold: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
