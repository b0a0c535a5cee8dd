"""The whole of ../shared/corpus through the project's scorer, with the thresholds the project promises.

Skips (with a message) on a clone without ../shared beside it; ``test_sample_corpus.py`` covers the bundled sample
then. The thresholds hold in EACH language, not only on average.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED_CORPUS

SCORER = SHARED_CORPUS.parent / "tools" / "score.py"
THRESHOLDS = {
    "meta": 0.99,
    "para_recall": 0.995,
    "para_precision": 0.99,
    "preamble_f1": 0.98,
    "operative_f1": 0.98,
    "footnotes": 0.98,
    "tables": 0.90,
}

pytestmark = pytest.mark.skipif(
    not (SHARED_CORPUS.is_dir() and SCORER.is_file()),
    reason="../shared/corpus and its score.py are not beside this clone (the bundled sample is tested instead)",
)


@pytest.fixture(scope="module")
def score(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
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
    data: dict[str, object] = json.loads(Path(report).read_text(encoding="utf-8"))
    return data


def test_every_document_converts_and_is_valid(score: dict[str, object]) -> None:
    summary = score["summary"]
    assert isinstance(summary, dict)
    assert summary["failed_runs"] == 0
    assert summary["valid"] == summary["documents"]


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_scores_reach_thresholds_in_every_language(score: dict[str, object], metric: str) -> None:
    summary = score["summary"]
    assert isinstance(summary, dict)
    means = summary["means"]
    below = {
        lang: values[metric]["mean"]
        for lang, values in means.items()
        if values[metric]["mean"] is not None and values[metric]["mean"] < THRESHOLDS[metric]
    }
    assert not below, f"{metric} below {THRESHOLDS[metric]} in: {below}"
