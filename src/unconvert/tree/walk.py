"""Walking a tree: every node under a node, in document order, without writing the recursion again.

>>> from unconvert.tree import Footnote, find_all
>>> notes = find_all(document, Footnote)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


def walk(node: object) -> Iterator[object]:
    """``node`` and every node below it, depth first, fields in their declared order (document order).

    Tuples are walked through, not yielded; plain values (strings, dates, enums) are not nodes.
    """
    if isinstance(node, tuple):
        for item in node:
            yield from walk(item)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        yield node
        for f in dataclasses.fields(node):
            yield from walk(getattr(node, f.name))


def find_all(node: object, kind: type[T]) -> list[T]:
    """Every node of type ``kind`` under ``node`` (itself included), in document order."""
    return [found for found in walk(node) if isinstance(found, kind)]
