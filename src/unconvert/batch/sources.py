"""Where the documents of a batch come from: files, directories, globs, list files, zip and tar archives.

Sources are *enumerated* in the parent (cheap: names and sizes only) into ``SourceRef`` s, and *read* by whoever
converts them (``read_source``, in a worker): a task carries the reference, never the bytes. Archives are read in
place, never extracted to disk.

Archives are hostile until proven otherwise: a member whose name is absolute or climbs out with ``..``, a link
(symlink or hardlink; zip symlinks are recognised by their Unix mode in ``external_attr``) or a device is refused;
the size of each member, the total decompressed size and the number of members are capped (``Limits``), both from
the sizes the archive declares and while actually decompressing (a header may lie). Each refusal is a
``SourceProblem``, which the batch reports as a line of its own; a corrupt or truncated archive is one too.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import tarfile
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import IO

from unconvert.errors import BatchError

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps against archive bombs. Sizes are decompressed bytes."""

    member_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 8 * 1024 * 1024 * 1024
    members: int = 200_000


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One document to convert.

    ``kind`` is ``file``, ``zip`` or ``tar``; ``path`` the file or the archive, absolute (a worker may run
    elsewhere); ``label`` the same path as the user gave it; ``member`` the archive member name (``None`` for a
    file); ``rel`` the POSIX path the outputs mirror under the output directory (``<archive stem>/<member>`` for a
    member); ``key`` how the report names the source (``label`` or ``label!member``).
    """

    kind: str
    path: str
    member: str | None
    rel: str
    label: str

    @property
    def key(self) -> str:
        return self.label if self.member is None else f"{self.label}!{self.member}"

    @property
    def stem(self) -> str:
        """The document id the source name gives (``A_RES_64_183`` for ``…/A_RES_64_183.txt``)."""
        name = PurePosixPath(self.rel).name
        return name[: -len(".txt")] if name.lower().endswith(".txt") else PurePosixPath(name).stem


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A source refused or unreadable before any conversion: reported as ``status`` with an error ``code``."""

    key: str
    rel: str
    status: str  # "failed" | "skipped"
    code: str
    message: str


class SourceError(Exception):
    """Reading one source failed (member too large, corrupt archive…); ``code`` is the report's error code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def is_archive(path: str) -> bool:
    lowered = path.lower()
    return lowered.endswith(ZIP_SUFFIXES) or lowered.endswith(TAR_SUFFIXES)


def archive_stem(path: str) -> str:
    """``corpus`` for ``corpus.tar.gz``, ``corpus.zip``, ``corpus.tgz``."""
    name = os.path.basename(path)
    lowered = name.lower()
    for suffix in sorted(ZIP_SUFFIXES + TAR_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_list_file(path: str | os.PathLike[str]) -> list[str]:
    """The sources named in a list file: one per line; blank lines and lines starting with ``#`` are ignored.
    Relative entries are relative to the list file's directory."""
    list_path = Path(path)
    try:
        lines = list_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchError(f"cannot read source list {path}: {exc}") from exc
    base = list_path.parent
    found = []
    for line in lines:
        entry = line.strip()
        if entry and not entry.startswith("#"):
            found.append(entry if os.path.isabs(entry) else str(base / entry))
    return found


def expand(
    sources: Iterable[str | os.PathLike[str]],
    *,
    pattern: str = "*.txt",
    limits: Limits = Limits(),
    exclude: str | os.PathLike[str] | None = None,
) -> Iterator[SourceRef | SourceProblem]:
    """Every document the sources name, in a stable order (directories and archives sorted by name).

    A file named explicitly is taken whatever its name; in directories and archives only names matching
    ``pattern`` are documents (others, like ``.gold.json`` beside the dumps, are ignored). A directory walk
    never enters ``exclude`` (the output directory, when it lies among the sources). Raises ``BatchError`` for a
    source that does not exist or a glob that matches nothing.
    """
    skip = os.path.realpath(exclude) if exclude is not None else None
    for raw in sources:
        source = os.fspath(raw)
        if os.path.isdir(source):
            yield from _directory(source, pattern, limits, skip)
        elif os.path.isfile(source):
            yield from _file_or_archive(source, os.path.basename(source), pattern, limits)
        elif glob.has_magic(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                raise BatchError(f"no file matches {source!r}")
            for match in matches:
                if os.path.isdir(match):
                    yield from _directory(match, pattern, limits, skip)
                else:
                    yield from _file_or_archive(match, os.path.basename(match), pattern, limits)
        else:
            raise BatchError(f"no such file or directory: {source}")


def _directory(root: str, pattern: str, limits: Limits, skip: str | None) -> Iterator[SourceRef | SourceProblem]:
    for dirpath, dirnames, filenames in os.walk(root):
        if skip is not None and os.path.realpath(dirpath) == skip:
            dirnames.clear()
            continue
        dirnames.sort()
        for filename in sorted(filenames):
            full = os.path.join(dirpath, filename)
            rel = PurePosixPath(*Path(os.path.relpath(full, root)).parts).as_posix()
            if is_archive(filename):
                yield from _file_or_archive(full, rel, pattern, limits)
            elif fnmatch(filename, pattern):
                yield SourceRef("file", os.path.abspath(full), None, rel, full)


def _file_or_archive(path: str, rel: str, pattern: str, limits: Limits) -> Iterator[SourceRef | SourceProblem]:
    lowered = path.lower()
    parent = PurePosixPath(rel).parent
    prefix = (parent / archive_stem(path)).as_posix()
    if lowered.endswith(ZIP_SUFFIXES):
        yield from _zip_members(path, prefix, pattern, limits)
    elif lowered.endswith(TAR_SUFFIXES):
        yield from _tar_members(path, prefix, pattern, limits)
    else:
        yield SourceRef("file", os.path.abspath(path), None, rel, path)


def unsafe_name(name: str) -> str | None:
    """Why an archive member name is refused, or ``None`` when it is a plain relative path."""
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return "absolute path"
    if ".." in normalised.split("/"):
        return "path climbs out of the archive (..)"
    if "\x00" in name:
        return "NUL in member name"
    return None


class _Budget:
    """Counts members and declared sizes of one archive against the limits."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.members = 0
        self.total = 0

    def check(self, key: str, rel: str, size: int) -> SourceProblem | None:
        self.members += 1
        if self.members > self.limits.members:
            return SourceProblem(
                key, rel, "failed", "archive-too-many-members", f"more than {self.limits.members} members in archive"
            )
        if size > self.limits.member_bytes:
            return SourceProblem(
                key,
                rel,
                "failed",
                "member-too-large",
                f"member decompresses to {size} bytes, over the limit of {self.limits.member_bytes}",
            )
        self.total += size
        if self.total > self.limits.total_bytes:
            return SourceProblem(
                key,
                rel,
                "failed",
                "archive-too-large",
                f"archive decompresses to more than the limit of {self.limits.total_bytes} bytes",
            )
        return None


def _zip_members(path: str, prefix: str, pattern: str, limits: Limits) -> Iterator[SourceRef | SourceProblem]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        yield SourceProblem(path, prefix, "failed", "archive-corrupt", f"not a readable zip archive: {exc}")
        return
    budget = _Budget(path, limits)
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            key = f"{path}!{info.filename}"
            rel = f"{prefix}/{info.filename}"
            if info.is_dir():
                continue
            why = unsafe_name(info.filename)
            mode = info.external_attr >> 16
            if why is None and stat.S_ISLNK(mode):
                why = "symbolic link"
            if why is None and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                why = "not a regular file"
            if why is not None:
                yield SourceProblem(key, rel, "skipped", "unsafe-member", f"refused archive member: {why}")
                continue
            if not fnmatch(PurePosixPath(info.filename).name, pattern):
                continue
            problem = budget.check(key, rel, info.file_size)
            if problem is not None:
                yield problem
                if problem.code == "archive-too-many-members":
                    return
                continue
            yield SourceRef("zip", os.path.abspath(path), info.filename, rel, path)


def _tar_members(path: str, prefix: str, pattern: str, limits: Limits) -> Iterator[SourceRef | SourceProblem]:
    budget = _Budget(path, limits)
    refs: list[SourceRef | SourceProblem] = []
    try:
        with tarfile.open(path) as archive:
            for info in archive:
                key = f"{path}!{info.name}"
                rel = f"{prefix}/{info.name}"
                if info.isdir():
                    continue
                why = unsafe_name(info.name)
                if why is None and info.issym():
                    why = "symbolic link"
                if why is None and info.islnk():
                    why = "hard link"
                if why is None and not info.isfile():
                    why = "not a regular file"
                if why is not None:
                    refs.append(SourceProblem(key, rel, "skipped", "unsafe-member", f"refused archive member: {why}"))
                    continue
                if not fnmatch(PurePosixPath(info.name).name, pattern):
                    continue
                problem = budget.check(key, rel, info.size)
                if problem is not None:
                    refs.append(problem)
                    if problem.code == "archive-too-many-members":
                        break
                    continue
                refs.append(SourceRef("tar", os.path.abspath(path), info.name, rel, path))
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        # A truncated archive still yields the members before the damage; the damage is one more line.
        refs.append(SourceProblem(path, prefix, "failed", "archive-corrupt", f"corrupt or truncated archive: {exc}"))
    # Tar order is the archive's own (stable); keep it, so a compressed tar is read front to back.
    yield from refs


# Each process keeps a few archives open: re-reading a zip's central directory or re-inflating a tar.gz from the
# start for every member would make a batch quadratic. Archive objects are not thread-safe: each has its lock.
class _Open:
    def __init__(self, archive: zipfile.ZipFile | tarfile.TarFile) -> None:
        self.archive = archive
        self.lock = threading.Lock()

    def close(self) -> None:
        with self.lock:
            self.archive.close()


_OPEN: OrderedDict[tuple[str, str, int, int], _Open] = OrderedDict()
_OPEN_LOCK = threading.Lock()
_OPEN_MAX = 8


def _open_archive(kind: str, path: str) -> _Open:
    info = os.stat(path)  # a file replaced since it was opened is opened afresh
    key = (kind, path, info.st_size, info.st_mtime_ns)
    with _OPEN_LOCK:
        entry = _OPEN.get(key)
        if entry is not None:
            _OPEN.move_to_end(key)
            return entry
    opened: zipfile.ZipFile | tarfile.TarFile
    opened = zipfile.ZipFile(path) if kind == "zip" else tarfile.open(path)  # noqa: SIM115 - kept open, cached
    evicted = []
    with _OPEN_LOCK:
        entry = _OPEN.setdefault(key, _Open(opened))
        while len(_OPEN) > _OPEN_MAX:
            evicted.append(_OPEN.popitem(last=False)[1])
    if entry.archive is not opened:
        opened.close()  # another thread opened it meanwhile
    for old in evicted:
        old.close()
    return entry


def _forget_archive(kind: str, path: str) -> None:
    with _OPEN_LOCK:
        stale = [key for key in _OPEN if key[0] == kind and key[1] == path]
        entries = [_OPEN.pop(key) for key in stale]
    for entry in entries:
        entry.close()


def _read_capped(stream: IO[bytes], limit: int, what: str) -> bytes:
    buffer = io.BytesIO()
    while True:
        chunk = stream.read(1024 * 1024)
        if not chunk:
            return buffer.getvalue()
        buffer.write(chunk)
        if buffer.tell() > limit:
            raise SourceError("member-too-large", f"{what} decompresses to more than the limit of {limit} bytes")


def read_source(ref: SourceRef, limits: Limits = Limits()) -> bytes:
    """The bytes of one source. Raises ``SourceError`` (size limit, corrupt archive, unreadable file)."""
    if ref.kind == "file":
        try:
            with open(ref.path, "rb") as handle:
                return _read_capped(handle, limits.member_bytes, ref.path)
        except OSError as exc:
            raise SourceError("unreadable", f"cannot read {ref.path}: {exc.strerror or exc}") from exc
    assert ref.member is not None
    try:
        entry = _open_archive(ref.kind, ref.path)
        with entry.lock:
            archive = entry.archive
            if isinstance(archive, zipfile.ZipFile):
                with archive.open(ref.member) as stream:
                    return _read_capped(stream, limits.member_bytes, ref.key)
            extracted = archive.extractfile(ref.member)
            if extracted is None:
                raise SourceError("unsafe-member", f"{ref.key} is not a regular file")
            with extracted:
                return _read_capped(extracted, limits.member_bytes, ref.key)
    except SourceError:
        raise
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, KeyError, ValueError, RuntimeError) as exc:
        _forget_archive(ref.kind, ref.path)
        raise SourceError("archive-corrupt", f"cannot read {ref.key}: {exc}") from exc
