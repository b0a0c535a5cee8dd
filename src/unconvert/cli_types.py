"""Argument types shared by the commands of the CLI (``cli.py`` and ``batch_cli.py``), so neither imports the other
for them."""

from __future__ import annotations

import argparse

__all__ = ["parse_size"]


def parse_size(text: str) -> int:
    """``64M``, ``2G``, ``512k``, ``1000000`` -> bytes (argparse type)."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    cleaned = text.strip().lower().rstrip("b").rstrip("i")
    try:
        if cleaned and cleaned[-1] in units:
            return int(float(cleaned[:-1]) * units[cleaned[-1]])
        return int(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 64M, 2G, 1000000)") from None
