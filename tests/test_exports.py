"""Exported members: what ``__all__`` promises exists, and nothing public is left out of it.

The public modules (the package root, the API, the tree, the registry, errors, diagnostics, context, batch) must
declare ``__all__``, and every public name they define (a function, a class, a constant, a type alias: anything
bound at the top level without a leading underscore, other than a ``TypeVar``) must be in it; re-exports are
listed by choice. For the tree, every public name of its modules is exported by ``unconvert.tree``. Any other
module that declares ``__all__`` must at least name only what exists, once.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import pytest

import unconvert

PUBLIC = (
    "unconvert",
    "unconvert.api",
    "unconvert.batch",
    "unconvert.batch.execution",
    "unconvert.batch.executors",
    "unconvert.batch.settings",
    "unconvert.context",
    "unconvert.diagnostics",
    "unconvert.errors",
    "unconvert.registry",
    "unconvert.tree",
)


def all_modules() -> list[str]:
    """Every module of the package except the batch's Dask executor (it needs the ``dask`` extra) and
    ``__main__`` (it runs the CLI)."""
    names = ["unconvert"]
    for info in pkgutil.walk_packages(unconvert.__path__, "unconvert."):
        if info.name not in ("unconvert.__main__", "unconvert.batch.cluster"):
            names.append(info.name)
    return sorted(names)


def defined_here(module: ModuleType) -> set[str]:
    """The public names ``module``'s own source binds at its top level (imports are not definitions)."""
    assert module.__file__ is not None
    names: set[str] = set()
    for node in ast.parse(Path(module.__file__).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_") and not isinstance(getattr(module, n, None), TypeVar)}


@pytest.mark.parametrize("name", all_modules())
def test_what_all_names_exists_once(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    if exported is None:
        assert name not in PUBLIC, f"{name} is public and has no __all__"
        return
    assert len(exported) == len(set(exported)), f"{name}.__all__ names something twice"
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names what it does not have: {missing}"


@pytest.mark.parametrize("name", PUBLIC)
def test_nothing_public_is_left_out_of_all(name: str) -> None:
    module = importlib.import_module(name)
    left_out = sorted(defined_here(module) - set(module.__all__))
    assert not left_out, f"public in {name} but not in its __all__: {left_out}"


def test_the_tree_exports_every_public_name_of_its_modules() -> None:
    import unconvert.tree

    for info in pkgutil.iter_modules(unconvert.tree.__path__, "unconvert.tree."):
        left_out = sorted(defined_here(importlib.import_module(info.name)) - set(unconvert.tree.__all__))
        assert not left_out, f"public in {info.name} but not exported by unconvert.tree: {left_out}"


@pytest.mark.parametrize("name", ["unconvert", "unconvert.batch"])
def test_a_lazy_package_gives_every_exported_name(name: str) -> None:
    """The package root and ``unconvert.batch`` import their names on first use: each one must resolve, to the
    object its module defines, and ``dir()`` must show it."""
    module = importlib.import_module(name)
    for export in module.__all__:
        assert export in dir(module)
        assert getattr(module, export) is not None
    assert set(module._LAZY) == set(module.__all__) - {"__version__"}, "a lazy name and an exported name differ"
