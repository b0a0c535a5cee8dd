"""What importing unconvert costs, and what works without the optional extras.

Each check runs a fresh interpreter (``python -c``), since the test process has long imported everything:
- ``import unconvert.tree`` and ``import unconvert`` load none of the heavy modules (lxml, reportlab,
  multiprocessing, dask, distributed, rich, importlib.metadata), and a conversion to text loads none of the batch
  machinery's (dask, rich, multiprocessing);
- with dask, distributed and rich refused by an import blocker (as after a plain ``pip install unconvert``), the
  CLI converts to every format, runs a batch, and ``--dask-local`` says which extra to install, without a
  traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import SEED
from unconvert import registry

HEAVY = ("lxml", "reportlab", "multiprocessing", "dask", "distributed", "rich", "importlib.metadata")
BATCH_ONLY = ("dask", "distributed", "rich", "multiprocessing")


def loaded_by(code: str) -> set[str]:
    """The modules that ``code`` adds to ``sys.modules`` in a fresh interpreter (what the interpreter's own start
    loaded is left out: an environment's ``.pth`` files are not ours to judge)."""
    script = (
        "import json, sys\nbefore = set(sys.modules)\n"
        + code
        + "\nprint(json.dumps(sorted(set(sys.modules) - before)))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """The modules of ``modules`` that are one of ``names`` or inside one of them."""
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


@pytest.mark.parametrize("code", ["import unconvert.tree", "import unconvert"])
def test_importing_the_tree_or_the_package_loads_nothing_heavy(code: str) -> None:
    modules = loaded_by(code)
    assert not heavy(modules, HEAVY), heavy(modules, HEAVY)
    assert "unconvert.tree" in modules or code == "import unconvert"


def test_the_package_root_gives_its_names_on_first_use() -> None:
    modules = loaded_by("import unconvert\nassert unconvert.Document is unconvert.tree.Document")
    assert "unconvert.tree" in modules
    assert not heavy(modules, HEAVY)


def test_a_conversion_to_text_loads_no_batch_machinery(tmp_path: Path) -> None:
    out = tmp_path / "seed.txt"
    argv = ["convert", "-q", str(SEED), "-t", "text", "-o", str(out)]
    code = f"from unconvert.cli import main\nassert main({argv!r}) == 0"
    modules = loaded_by(code)
    assert out.read_text(encoding="utf-8").strip()
    assert not heavy(modules, BATCH_ONLY), heavy(modules, BATCH_ONLY)
    assert not any(m.startswith("unconvert.batch.") and m != "unconvert.batch.settings" for m in modules)
    assert "importlib.metadata" not in modules  # built-in formats are found without scanning entry points


BLOCKED_CLI = textwrap.dedent(
    """
    import sys

    class Refuse:
        '''Refuses dask, distributed and rich, as after `pip install unconvert` without extras.'''

        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("dask", "distributed", "rich"):
                raise ModuleNotFoundError(f"No module named {name!r} (refused by the test)", name=name)
            return None

    sys.meta_path.insert(0, Refuse())
    from unconvert.cli import main

    status = main(sys.argv[1:])
    assert not [m for m in sys.modules if m.split(".")[0] in ("dask", "distributed", "rich")]
    sys.exit(status)
    """
)


def without_extras(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCKED_CLI, *args], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("fmt", [f.name for f in registry.BUILTIN if f.kind == "writer"])
def test_without_extras_the_cli_converts_to_every_format(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"seed.{fmt}"
    result = without_extras("convert", "-q", str(SEED), "-t", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def test_without_extras_a_batch_runs_with_plain_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = without_extras("batch", str(SEED), "-o", str(out), "-t", "akn,text", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "unconvert batch: 1 of 1 documents" in result.stdout
    assert "converted" in result.stdout and "outputs written" in result.stdout
    assert (out / "A_RES_64_183.akn.xml").exists() and (out / "A_RES_64_183.text.txt").exists()
    records = [json.loads(line) for line in (out / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in records if "status" in r] in (["ok"], ["warnings"])


@pytest.mark.parametrize("option", [["--dask-local", "1"], ["--scheduler", "tcp://127.0.0.1:1"]])
def test_without_dask_the_cluster_options_name_the_extra(option: list[str], tmp_path: Path) -> None:
    result = without_extras("batch", str(SEED), "-o", str(tmp_path / "out"), *option)
    assert result.returncode == 2
    assert "pip install 'unconvert[dask]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "report.jsonl").exists()
