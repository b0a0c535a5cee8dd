"""The layers of ``docs/architecture.md``, as import-linter contracts (``[tool.importlinter]`` in pyproject.toml):
the tree imports nothing of ours; ``un`` only the tree, ``layout`` only the tree and ``un``; readers and writers
never import each other, nor a reader the layout model; writers never import each other; batch reaches readers and
writers only through the API and the registry. Run here so that CI (which runs pytest) checks them;
``lint-imports`` runs them by hand.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CONTRACTS = {
    "layers",
    "readers-without-layout",
    "writers-independent",
    "tree-alone",
    "diagnostics-leaf",
    "knowledge-and-layout-pure",
    "batch-through-api",
}


def test_the_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True,"
            f" config_filename={str(ROOT / 'pyproject.toml')!r}))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "0 broken" in report, report


def test_every_contract_is_configured() -> None:
    """A contract dropped from pyproject.toml would pass the test above silently."""
    import tomllib

    configured = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    ids = {contract["id"] for contract in configured["contracts"]}
    assert ids >= CONTRACTS
