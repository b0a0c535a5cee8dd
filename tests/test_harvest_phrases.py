"""``scripts/harvest_phrases.py``: the opening phrases of each language module are its generated block.

The block is in the generator's form in every module (no corpus needed). With the shared corpus, the harvest runs
in memory: every listed phrase is one the UN marks in its AKN4UN files of the sources, or one of the script's
documented corrections, and the lists are exactly what ``--write`` writes.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from conftest import ROOT, SHARED_CORPUS


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("harvest_phrases", ROOT / "scripts" / "harvest_phrases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


harvest_phrases = _script()
CODES = tuple(harvest_phrases.FOLDERS)
needs_corpus = pytest.mark.skipif(not (SHARED_CORPUS / "akn4un").is_dir(), reason="no shared corpus")


@pytest.mark.parametrize("code", CODES)
def test_the_block_is_in_the_generators_form(code: str) -> None:
    preambular, operative = harvest_phrases.committed(code)
    assert preambular and operative
    assert preambular == harvest_phrases.ordered(preambular)
    assert operative == harvest_phrases.ordered(operative)
    text = (harvest_phrases.LANGUAGES / f"{code}.py").read_text(encoding="utf-8")
    assert harvest_phrases.render(preambular, operative) in text


def test_every_language_module_is_harvested() -> None:
    from unconvert.un.languages import all_tables

    modules = {table.language.value for table in all_tables()}
    assert set(CODES) == modules


@pytest.fixture(scope="module")
def generated() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    lists: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = harvest_phrases.generated(SHARED_CORPUS)
    return lists


@needs_corpus
@pytest.mark.parametrize("code", CODES)
def test_every_listed_phrase_is_harvested(
    code: str, generated: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
) -> None:
    preambular, operative = harvest_phrases.committed(code)
    assert set(preambular) <= set(generated[code][0])
    assert set(operative) <= set(generated[code][1])


@needs_corpus
def test_the_harvest_is_the_committed_lists(generated: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    assert {code: harvest_phrases.committed(code) for code in CODES} == generated
