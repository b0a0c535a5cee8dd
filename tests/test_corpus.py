"""The whole of ../shared/corpus through the project's scorer, with the thresholds the project promises.

Skips (with a message) on a clone without ../shared beside it; ``test_sample_corpus.py`` covers the bundled sample
then. The thresholds hold in EACH language, not only on average, and every metric is measured the same way in
every language: the mean over the documents for which the scorer reports it (it reports preamble and operative
structure only where the gold has them, the AKN track, and leaves out what a gold lists as ``unscored``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED_CORPUS

SCORER = SHARED_CORPUS.parent / "tools" / "score.py"
THRESHOLDS = {
    "meta": 0.995,
    "para_recall": 0.998,
    "para_precision": 0.995,
    "preamble_f1": 0.985,
    "operative_f1": 0.98,
    "footnotes": 0.99,
    "tables": 0.80,
    "annexes": 0.95,
}

pytestmark = pytest.mark.skipif(
    not (SHARED_CORPUS.is_dir() and SCORER.is_file()),
    reason="../shared/corpus and its score.py are not beside this clone (the bundled sample is tested instead)",
)


@pytest.fixture(scope="module")
def score(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    report = tmp_path_factory.mktemp("score") / "score.json"
    command = f"{sys.executable} -m unconvert convert {{inputs}} -q -t akn -o {{outdir}}"
    subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(SHARED_CORPUS),
            "--cmd",
            command,
            "--chunk",
            "40",
            "--jobs",
            "2",
            "--json",
            str(report),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    data: dict[str, Any] = json.loads(Path(report).read_text(encoding="utf-8"))
    return data


def test_every_document_converts_and_is_valid(score: dict[str, Any]) -> None:
    summary = score["summary"]
    assert isinstance(summary, dict)
    assert summary["failed_runs"] == 0
    assert summary["valid"] == summary["documents"]


def means_per_language(score: dict[str, Any], metric: str) -> dict[str, float]:
    """Mean of ``metric`` per language over the documents for which the scorer reports it."""
    values: dict[str, list[float]] = defaultdict(list)
    for record in score["docs"]:
        value = record["metrics"].get(metric)
        if value is not None:
            values[record["lang"]].append(value)
    return {lang: sum(v) / len(v) for lang, v in values.items()}


# The UN documents referred to (issue #9), per language: what the reader links now, kept from going down. The issue
# asks 0.95; against this gold the measure cannot reach it, for reasons of the gold, not of the links:
# - the gold is what the UN's AKN files link, and they link no symbol of the cover line (A/75/L.24, the committee's
#   report), which AKN4UN.md has us link (about 0.03 in each language of the AKN track);
# - the UN's Spanish decision files link ``undocs.org/sp/…``, which the scorer does not read as a language, so their
#   gold symbols start ``SP/`` (18 of the 118 Spanish documents: about 0.13 in Spanish);
# - the UN links no decision (A/DEC/…, E/DEC/…) and not every mention of a resolution (older ones, a resolution
#   named twice in a paragraph), links a part of a resolution now with its letter and now without (``75/245 B``:
#   14 times ``A/RES/75/245B``, once ``A/RES/75/245``; we follow its practice, ``un/references._parts``), and some
#   files link with docs.un.org, which the gold does not read (A/80/6 (Sect. 3)/Add.1 in A_RES_80_243_*).
REFS_FLOORS = {"eng": 0.915, "fra": 0.92, "spa": 0.79, "rus": 0.915, "ara": 0.895, "zho": 0.91}


def test_references_keep_their_level_in_every_language(score: dict[str, Any]) -> None:
    means = means_per_language(score, "refs")
    assert set(means) == {"eng", "fra", "spa", "rus", "ara", "zho"}
    below = {lang: round(mean, 4) for lang, mean in means.items() if mean < REFS_FLOORS[lang]}
    assert not below, f"refs below their floor in: {below}"


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_scores_reach_thresholds_in_every_language(score: dict[str, Any], metric: str) -> None:
    means = means_per_language(score, metric)
    assert set(means) == {"eng", "fra", "spa", "rus", "ara", "zho"}
    below = {lang: round(mean, 4) for lang, mean in means.items() if mean < THRESHOLDS[metric]}
    assert not below, f"{metric} below {THRESHOLDS[metric]} in: {below}"
