"""CPU time of the paged writers (PDF, DOCX) per corpus document, for comparing two checkouts side by side.

    PYTHONPATH=src python benchmarks/bench_paged.py [CORPUS_DIR] [--step 3] [--json out.json]

Reads every ``<id>.txt`` with gold under CORPUS_DIR (default ``../shared/corpus``; ``--step N`` takes every N-th),
warms up (fonts registered, styles built), then times each writer on each document with ``time.process_time``
(CPU of this process, so that the other jobs of a shared machine count less) and prints the median and mean, all
documents and per language (Arabic and Chinese are the slow scripts). Only the public API is used, so the same
script times any checkout: alternate ``PYTHONPATH=<base>/src`` and ``PYTHONPATH=<new>/src`` runs and compare the
ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import unconvert
from unconvert.context import Context

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--step", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    paths = sorted(p for p in args.corpus.rglob("*.txt") if p.with_suffix(".gold.json").exists())[:: args.step]
    documents = [(p, unconvert.read(p)) for p in paths]
    context = Context.fixed()
    for _, doc in documents[:: max(1, len(documents) // 12)]:  # warm up every script's fonts
        unconvert.write(doc, "pdf", context=context)
        unconvert.write(doc, "docx", context=context)
    times: dict[str, dict[str, list[float]]] = {"pdf": {}, "docx": {}}
    for _, doc in documents:
        language = doc.meta.language.value
        for fmt in ("pdf", "docx"):
            start = time.process_time()
            unconvert.write(doc, fmt, context=context)
            times[fmt].setdefault(language, []).append((time.process_time() - start) * 1000)
    summary: dict[str, dict[str, float]] = {}
    for fmt, by_language in times.items():
        every = [t for values in by_language.values() for t in values]
        summary[fmt] = {"median": statistics.median(every), "mean": statistics.fmean(every)}
        for language, values in sorted(by_language.items()):
            summary[fmt][f"median_{language}"] = statistics.median(values)
    for fmt, figures in summary.items():
        print(fmt, " ".join(f"{k}={v:.1f}" for k, v in figures.items()))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
