"""Shared test fixtures: where the seed, the bundled sample corpus and (if present) ../shared/corpus are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLE_CORPUS = DATA / "corpus"
SEED = ROOT / "examples" / "A_RES_64_183.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def sample_dumps() -> list[Path]:
    """Every ODS dump of the bundled sample corpus (each has a ``.gold.json`` beside it), sorted."""
    return sorted(SAMPLE_CORPUS.rglob("*.txt"))


def shared_dumps() -> list[Path]:
    """Every ODS dump with gold in ../shared/corpus, or [] when it is absent."""
    if not SHARED_CORPUS.is_dir():
        return []
    return sorted(p for p in SHARED_CORPUS.rglob("*.txt") if p.with_suffix(".gold.json").exists())


def dump_id(path: Path) -> str:
    return path.stem


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test converts with a fixed markup date, so outputs are reproducible."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
