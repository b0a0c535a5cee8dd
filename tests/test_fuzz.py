"""Fuzzing in CI (issue #13): a short, fixed run of the mutation fuzzer over the bundled dumps, a Hypothesis property
over dumps built from real lines and the shapes that break readers, and every input a longer run found, replayed
(``tests/data/fuzz/``). The harness and the check are in ``tests/fuzzing.py``; ``scripts/fuzz.py`` runs it at
length (``UNCONVERT_FUZZ_CASES`` makes the short run here longer). The tests check outcomes, not times: the
2 s limit per input is the long runs' measure (``timed=False`` here)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing
from conftest import SEED, examples

CASES = int(os.environ.get("UNCONVERT_FUZZ_CASES", "40"))
SEED_LINES = SEED.read_bytes().decode("utf-8-sig").split("\n")


def test_mutated_dumps_are_read_or_refused_and_written() -> None:
    """A fixed set of mutated dumps, read and written in AKN and text (the PDF and DOCX writers get the
    Hypothesis documents below and the long runs: they cost most of a case's time)."""
    summary = fuzzing.run(seed=13, count=CASES, seeds=fuzzing.seed_files(), formats=("akn", "text"), timed=False)
    assert summary.cases == CASES
    assert not summary.failures, [(o.kind, o.detail) for _, o in summary.failures]


@settings(max_examples=examples(15), suppress_health_check=list(HealthCheck), deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(SEED_LINES),
            st.sampled_from(fuzzing.TOKENS),
            st.text(max_size=60),
        ),
        min_size=1,
        max_size=60,
    ),
    st.randoms(use_true_random=False),
)
def test_dumps_of_real_lines_and_hostile_shapes(extra: list[str], rng: random.Random) -> None:
    lines = list(SEED_LINES)
    for line in extra:
        lines.insert(rng.randrange(len(lines) + 1), line)
    outcome = fuzzing.check("\n".join(lines).encode("utf-8", "surrogatepass"), timed=False)
    assert not outcome.failed, outcome.detail


KNOWN_FILE = fuzzing.REGRESSIONS / "known_failures.json"
KNOWN: dict[str, dict[str, object]] = json.loads(KNOWN_FILE.read_text(encoding="utf-8")) if KNOWN_FILE.is_file() else {}
"""Inputs a run found that still fail in some format, not fixed yet: each with the formats it fails in, the reason,
and whether it is quick enough to run (a hang is not)."""


@pytest.mark.parametrize("path", fuzzing.regressions(), ids=lambda p: Path(p).stem)
def test_every_input_a_fuzzing_run_found_stays_fixed(path: Path) -> None:
    """Every kept input passes the check, in every format but those a known failure names."""
    failing = set(KNOWN.get(path.stem, {}).get("formats", []))  # type: ignore[call-overload]
    outcome = fuzzing.check(path.read_bytes(), [f for f in fuzzing.FORMATS if f not in failing], timed=False)
    assert not outcome.failed, outcome.detail


@pytest.mark.parametrize(
    "stem", sorted(stem for stem, known in KNOWN.items() if known.get("run")), ids=lambda stem: str(stem)
)
@pytest.mark.xfail(strict=True, reason="known failure, not fixed yet (tests/data/fuzz/known_failures.json)")
def test_known_failures_until_fixed(stem: str) -> None:
    """Known failures still fail: the day one is fixed this turns red, and its entry goes."""
    failing = list(KNOWN[stem]["formats"])  # type: ignore[call-overload]
    outcome = fuzzing.check((fuzzing.REGRESSIONS / f"{stem}.bin").read_bytes(), failing, timed=False)
    assert not outcome.failed, outcome.detail
