"""Output names and the final, atomic step of writing them.

Names: by default the outputs mirror the source layout under the output directory (an archive member under
``<archive stem>/…``); with ``by_symbol`` they are named from the UN symbol (``A/RES/64/183`` ->
``A_RES_64_183``, plus ``_fra``, ``_ara``… for a language other than English, so the six language versions of a
resolution do not collide). With ``split_formats`` each format has its own subfolder. The suffix is the format
name and its extension (``.akn.xml``, ``.text.txt``) unless they are the same (``.docx``, ``.pdf``), so an output
never takes the name of an input dump beside it.

Collisions (two documents wanting one name) are resolved by ``~2``, ``~3``… in source order — the batch commits
documents in source order, so the same inputs always give the same names — and reported. A name longer than a
file system takes (255 bytes) is shortened, keeping a hash of the full name so that it stays unique. Every output
path is checked to lie inside the output directory.

Committing: each output was written by the worker to a temporary name in its final directory; here it is renamed
(atomic on POSIX). The group commit (``durability.py``) makes a group's outputs durable before its report lines.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from unconvert import registry
from unconvert.batch.sources import SourceRef
from unconvert.batch.work import TMP_SUFFIX


def suffix_for(fmt: str) -> str:
    """``.akn.xml`` for akn, ``.text.txt`` for text, ``.docx``, ``.pdf``; ``.<name>`` for a plugin without one."""
    extension = registry.get_format(fmt, "writer").extension
    if not extension:
        return f".{fmt}"
    return extension if extension == f".{fmt}" else f".{fmt}{extension}"


_UNSAFE = re.compile(r"[^A-Za-z0-9._()-]+")


def symbol_stem(symbol: str, language: str | None) -> str:
    """A file name from a UN symbol: ``A/RES/64/183`` -> ``A_RES_64_183``; ``S/RES/2672 (2023)`` ->
    ``S_RES_2672_(2023)``; a non-English version gets its ISO 639-2 code (``A_RES_64_183_fra``)."""
    stem = _UNSAFE.sub("_", symbol.strip()).strip("_.")
    if language and language != "en":
        from unconvert.tree.meta import Language

        try:
            stem = f"{stem}_{Language(language).iso639_2}"
        except ValueError:
            stem = f"{stem}_{language}"
    return stem


class Namer:
    """Decides every output path of a batch, and remembers which are taken (and by which source)."""

    def __init__(self, out: str, formats: tuple[str, ...], *, by_symbol: bool, split_formats: bool) -> None:
        self.out = os.path.abspath(out)
        self.formats = formats
        self.by_symbol = by_symbol
        self.split_formats = split_formats
        self.suffixes = {fmt: suffix_for(fmt) for fmt in formats}
        self._taken: dict[str, str] = {}

    def directory(self, ref: SourceRef, fmt: str) -> str:
        """Where the output of ``ref`` in ``fmt`` goes (known before the document is read)."""
        base = os.path.join(self.out, fmt) if self.split_formats else self.out
        if self.by_symbol:
            return base
        parent = PurePosixPath(ref.rel).parent
        return os.path.join(base, *parent.parts)

    def reserve(self, path: str, owner: str) -> None:
        """Mark ``path`` as taken by ``owner`` (a source ident), e.g. an output of an earlier run or an input."""
        self._taken.setdefault(os.path.normcase(os.path.abspath(path)), owner)

    def claim(self, ref: SourceRef, symbol: str | None, language: str | None) -> tuple[dict[str, str], str | None]:
        """The final path of each format for ``ref`` and, if the wanted name was taken, that name (else None)."""
        stem = symbol_stem(symbol, language) if self.by_symbol and symbol else ref.stem
        ident = ref.ident  # one string for all the paths it takes: the map holds one per document of the run
        wanted = self._paths(ref, stem)
        chosen = wanted
        attempt = 1
        while any(self._taken.get(os.path.normcase(p), ident) != ident for p in chosen.values()):
            attempt += 1
            chosen = self._paths(ref, f"{stem}~{attempt}")
        for path in chosen.values():
            self._taken[os.path.normcase(path)] = ident
        collided = None if chosen == wanted else os.path.basename(next(iter(wanted.values())))
        return chosen, collided

    def _paths(self, ref: SourceRef, stem: str) -> dict[str, str]:
        paths = {}
        for fmt in self.formats:
            path = os.path.join(self.directory(ref, fmt), fit_name(stem, self.suffixes[fmt]))
            if os.path.commonpath([self.out, os.path.abspath(path)]) != self.out:
                raise ValueError(f"output path {path} is outside the output directory")  # never: names are checked
            paths[fmt] = path
        return paths

    def relative(self, path: str) -> str:
        """``path`` relative to the output directory, POSIX style, as the report gives it."""
        return PurePosixPath(*os.path.relpath(path, self.out).split(os.sep)).as_posix()


NAME_MAX = 255  # bytes, on every common file system


def fit_name(stem: str, suffix: str, limit: int = NAME_MAX) -> str:
    """``stem + suffix``, or, when that is longer than ``limit`` bytes, the stem cut and followed by ``~`` and 12
    hex digits of the hash of the whole stem (so two long names that differ only at their end stay apart)."""
    name = stem + suffix
    if len(os.fsencode(name)) <= limit:
        return name
    tag = "~" + hashlib.sha256(os.fsencode(stem)).hexdigest()[:12]
    room = limit - len(os.fsencode(tag + suffix))
    cut = stem
    while len(os.fsencode(cut)) > room:
        cut = cut[:-1]
    return cut + tag + suffix


def commit(renames: Iterable[tuple[str, str]]) -> None:
    """Rename each temporary file to its final name (atomic on POSIX). Making them durable is the group commit's
    (``durability.py``): it syncs a group's outputs before their report lines are written."""
    for temporary, final in renames:
        os.replace(temporary, final)


def fsync_directory(directory: str) -> None:
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def discard(paths: Iterable[str]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def remove_stale_temporaries(out: str) -> int:
    """Delete temporary outputs a killed run left under ``out``; returns how many."""
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(out):
        for filename in filenames:
            if filename.startswith(".") and filename.endswith(TMP_SUFFIX):
                try:
                    os.unlink(os.path.join(dirpath, filename))
                    removed += 1
                except OSError:
                    pass
    return removed
