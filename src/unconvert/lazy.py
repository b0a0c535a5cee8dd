"""Public names of a package imported on first use (PEP 562), so that importing the package costs nothing.

``unconvert`` and ``unconvert.batch`` use it: ``import unconvert.tree`` runs ``unconvert/__init__.py`` first, and
must not pay for the readers, the writers or the batch machinery it does not use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, names: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: ``names`` maps each public name to the module that defines
    it; a name is imported on first use and kept in ``namespace`` (the package's globals), so the next use is a plain
    lookup."""

    def getattr_(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *names})

    return getattr_, dir_
