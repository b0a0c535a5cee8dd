#!/usr/bin/env python3
"""The AKN writer's stages, on a fixed subset of the corpus: four dumps per language (evenly spaced in name order),
read once, then one stage of the writer run over their trees ``--repeat`` times.

    PYTHONPATH=src python benchmarks/bench_akn_writer.py [CORPUS_DIR] [--stage write] [--repeat 3] [--per-language 4]

Stages: ``write`` (all of it), ``markup`` (the tree to markup, canonical form included), ``canonical``, ``parse``
(the markup parsed by lxml), ``integrity`` (``checks.integrity_errors``), ``validate`` (the official XSD), and
``none`` (the set-up alone). It prints the stage's CPU time per document. On a shared machine, count instructions
instead, which do not depend on the load: run a stage and ``none`` under callgrind and divide the difference by
the number of calls (``--per-language 4 --repeat 3``: 72)::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/bench_akn_writer.py --stage markup
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import unconvert
from unconvert.context import Context
from unconvert.tree import Document, canonical
from unconvert.writers import akn
from unconvert.writers.akn.checks import integrity_errors
from unconvert.writers.akn.schema import schema, schema_errors

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LANGUAGES = ("ara", "eng", "fra", "rus", "spa", "zho")


def subset(corpus: Path, per_language: int) -> list[Path]:
    """``per_language`` dumps of each language, evenly spaced in name order (the same ones on every run)."""
    chosen: list[Path] = []
    for language in LANGUAGES:
        dumps = sorted(p for p in corpus.rglob(f"{language}/*.txt") if not p.name.endswith((".text.txt", ".akn.txt")))
        step = len(dumps) / per_language
        chosen.extend(dumps[int(i * step + step / 2)] for i in range(per_language) if dumps)
    return chosen


def stages(documents: list[Document], context: Context) -> dict[str, tuple[Callable[[Any], object], list[Any]]]:
    """Each stage: the function timed and what it is given, one item per document."""
    data = [akn.markup(document, context=context) for document in documents]
    roots = [akn.parse(item) for item in data]
    return {
        "none": (lambda item: None, documents),
        "write": (lambda document: akn.write(document, context=context), documents),
        "markup": (lambda document: akn.markup(document, context=context), documents),
        "canonical": (canonical, documents),
        "parse": (akn.parse, data),
        "integrity": (integrity_errors, roots),
        "validate": (schema_errors, roots),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--stage", default="write")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-language", type=int, default=4)
    args = parser.parse_args()
    documents = [unconvert.read(path) for path in subset(args.corpus, args.per_language)]
    context = Context.fixed()
    schema()  # compiled once, outside the timing
    function, items = stages(documents, context)[args.stage]
    began = time.process_time()
    for _ in range(args.repeat):
        for item in items:
            function(item)
    spent = time.process_time() - began
    calls = args.repeat * len(items)
    print(f"{args.stage}: {calls} calls over {len(documents)} documents, {spent / calls * 1000:.3f} ms CPU per call")


if __name__ == "__main__":
    main()
