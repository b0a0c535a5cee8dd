"""Shared test fixtures: where the seed, the bundled sample corpus and (if present) ../shared/corpus are; the one
switch that rewrites golden files; the Hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLE_CORPUS = DATA / "corpus"
SEED = ROOT / "examples" / "A_RES_64_183.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

UPDATE_GOLDENS = os.environ.get("UNCONVERT_UPDATE_GOLDENS") == "1"
"""``UNCONVERT_UPDATE_GOLDENS=1 python -m pytest …`` rewrites every golden file the selected tests compare with
(tests/golden/**) from what the code produces now; review the diff before committing. The only such switch."""

# Hypothesis: by default every run tries the same examples (derandomized: a failure in CI is a failure on every
# machine, and a run never turns red by chance), with no deadline (the 2 cores are shared; a slow example is not a
# bug) and the counts each property test asks for through ``examples()``. UNCONVERT_HYPOTHESIS_PROFILE=long
# searches at random with 20 times as many examples, to look for what the fixed examples miss.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=100, print_blob=True)
settings.register_profile("long", derandomize=False, deadline=None, max_examples=2000, print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("UNCONVERT_HYPOTHESIS_PROFILE", "ci")
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(count: int) -> int:
    """The example count of a property test: ``count`` (sized for the 2-core CI) in the default profile, 20
    times as many in the long one."""
    return count * 20 if HYPOTHESIS_PROFILE == "long" else count


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


def install_writer_plugin(tmp_path: Path, monkeypatch: Any, name: str, body: str) -> None:
    """A real writer plugin, ``name``: a module and an installed distribution declaring it in ``unconvert.writers``,
    found on ``sys.path`` by this process and on ``PYTHONPATH`` by worker processes (pool and Dask)."""
    from unconvert import registry

    plugin = tmp_path / f"plugin_{name}"
    info = plugin / f"{name}_writer-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}-writer\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[unconvert.writers]\n{name} = {name}_writer:write\n")
    (plugin / f"{name}_writer.py").write_text(body)
    monkeypatch.syspath_prepend(str(plugin))
    monkeypatch.setenv("PYTHONPATH", f"{plugin}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    # The registry scans entry points once per process; this process must see the plugin just installed.
    registry._plugins.cache_clear()
