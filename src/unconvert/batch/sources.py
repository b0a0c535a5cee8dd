"""Where the documents of a batch come from: files, directories, globs, list files, zip and tar archives.

Sources are *enumerated* in the parent (cheap: names and sizes only) into ``SourceRef`` s, and *read* by whoever
converts them (``read_source``, in a worker): a task carries the reference, never the bytes. Archives are read in
place, never extracted to disk.

Archives are hostile until proven otherwise: a member whose name is absolute or climbs out with ``..``, a link
(symlink or hardlink; zip symlinks are recognised by their Unix mode in ``external_attr``) or a device is refused;
the size of each member, the total decompressed size and the number of members are capped (``Limits``), both from
the sizes the archive declares and while actually decompressing (a header may lie). Each refusal is a
``SourceProblem``, which the batch reports as a line of its own; a corrupt or truncated archive is one too.

Directories and globs get the same care: only regular files are read (a FIFO named ``x.txt`` would block, a device
would never end), a symbolic link is followed only to a regular file inside the directory walked, and neither a
walk nor a recursive glob ever enters a link to a directory (``loop -> .`` is listed once, not forever).

Every document has an *identity* (``SourceRef.ident``): the resolved path of the file or archive, plus the member
and, for the second member of the same name in one archive, ``#2``. ``--resume`` recognises a source by it, however
it was spelt on the command line.
"""

from __future__ import annotations

import glob
import io
import os
import re
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

from unconvert.batch.settings import DOCUMENT_PATTERN, Limits
from unconvert.errors import BatchError

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One document to convert.

    ``kind`` is ``file``, ``zip`` or ``tar``; ``path`` the file or the archive, resolved (absolute, links
    followed: a worker may run elsewhere, and ``--resume`` must recognise it however it was spelt); ``label`` the
    path as the user gave it; ``member`` the archive member name (``None`` for a file); ``rel`` the POSIX path the
    outputs mirror under the output directory (``<archive stem>/<member>`` for a member); ``offset`` where the
    member is in the archive (a zip's local header; a tar member's data, ``size`` bytes), so that a worker finds
    it at once, without a search or parsing a header again, and two members of the same name are two documents;
    ``stamp`` the archive's size and modification time when it was listed (a worker refuses to read a changed
    archive at those offsets); ``occurrence`` is 2, 3… for the second, third member of that name in one archive.
    ``key`` is how the report names the source (``label``, ``label!member``,
    ``label!member#2``), ``ident`` how ``--resume`` recognises it (the same with ``path`` for ``label``).
    """

    kind: str
    path: str
    member: str | None
    rel: str
    label: str
    offset: int | None = None
    occurrence: int = 1
    size: int | None = None
    stamp: tuple[int, int] | None = None

    @property
    def key(self) -> str:
        return self._named(self.label)

    @property
    def ident(self) -> str:
        return self._named(self.path)

    def _named(self, base: str) -> str:
        if self.member is None:
            return base
        again = f"#{self.occurrence}" if self.occurrence > 1 else ""
        return f"{base}!{self.member}{again}"

    @property
    def stem(self) -> str:
        """The document id the source name gives: ``A_RES_64_183`` for ``…/A_RES_64_183.txt``; another format
        keeps its whole name (``A_RES_72_8B.docx``), so that a Word file or an AKN file beside its dump never
        takes the dump's output names."""
        name = PurePosixPath(self.rel).name
        return name[: -len(".txt")] if name.lower().endswith(".txt") else name


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A source refused or unreadable before any conversion: reported as ``status`` with an error ``code``.
    ``ident`` is its identity for ``--resume`` (``key`` with the resolved path)."""

    key: str
    rel: str
    status: str  # "failed" | "skipped"
    code: str
    message: str
    ident: str = ""


class SourceError(Exception):
    """Reading one source failed (member too large, corrupt archive…); ``code`` is the report's error code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def matches(name: str, pattern: str) -> bool:
    """Whether ``name`` matches one of the comma-separated glob patterns of ``pattern`` (``*.txt,*.xml``)."""
    return any(fnmatch(name, one.strip()) for one in pattern.split(",") if one.strip())


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


def _resolved(path: str) -> str:
    return os.path.realpath(path)


def _problem(label: str, rel: str, code: str, message: str, *, status: str = "skipped") -> SourceProblem:
    return SourceProblem(label, rel, status, code, message, ident=_resolved(label))


def expand(
    sources: Iterable[str | os.PathLike[str]],
    *,
    pattern: str = DOCUMENT_PATTERN,
    limits: Limits = Limits(),
    exclude: str | os.PathLike[str] | None = None,
) -> Iterator[SourceRef | SourceProblem]:
    """Every document the sources name, in a stable order (directories and archives sorted by name).

    A file named explicitly is taken whatever its name; in directories and archives only names matching
    ``pattern`` are documents (others, like ``.gold.json`` beside the dumps, are ignored). A directory walk
    never enters ``exclude`` (the output directory, when it lies among the sources). Raises ``BatchError`` for a
    source that does not exist or a glob that matches nothing. A named source that is not a regular file (a
    FIFO, a device) is a ``SourceProblem`` (``unsafe-source``).
    """
    skip = os.path.realpath(exclude) if exclude is not None else None
    for raw in sources:
        source = os.fspath(raw)
        if os.path.isdir(source):
            yield from _directory(source, pattern, limits, skip)
        elif os.path.isfile(source):
            yield from _file_or_archive(source, os.path.basename(source), pattern, limits)
        elif os.path.lexists(source):
            why = "broken symbolic link" if os.path.islink(source) else "not a regular file"
            yield _problem(source, os.path.basename(source), "unsafe-source", f"refused source: {why}")
        elif glob.has_magic(source):
            matches = safe_glob(source)
            if not matches:
                raise BatchError(f"no file matches {source!r}")
            for match in matches:
                if os.path.isdir(match):
                    yield from _directory(match, pattern, limits, skip)
                else:
                    yield from _entry(match, os.path.basename(match), None, pattern, limits)
        else:
            raise BatchError(f"no such file or directory: {source}")


def _hidden_ok(name: str, part: str) -> bool:
    return not name.startswith(".") or part.startswith(".")


def safe_glob(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)`` that never follows a symbolic link to a directory where the pattern
    has a wildcard (``**`` or ``*``): a ``loop -> .`` beside the dumps is listed once, two loops do not make the
    listing endless. A directory named literally in the pattern is entered even through a link. Sorted, without
    duplicates."""
    drive, rest = os.path.splitdrive(pattern)
    absolute = rest.startswith(os.sep)
    parts = [part for part in rest.split(os.sep) if part]
    base = drive + (os.sep if absolute else "")
    found: set[str] = set()

    def visit(directory: str, index: int) -> None:
        if index == len(parts):
            if directory:
                found.add(directory)
            return
        part = parts[index]
        last = index == len(parts) - 1
        if part == "**":
            visit(directory, index + 1)
            for entry in _scan(directory):
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    visit(os.path.join(directory, entry.name), index)
            return
        if not glob.has_magic(part):
            candidate = os.path.join(directory, part) if directory else part
            if os.path.lexists(candidate) and (last or os.path.isdir(candidate)):
                visit(candidate, index + 1)
            return
        for entry in _scan(directory):
            if not fnmatch(entry.name, part) or not _hidden_ok(entry.name, part):
                continue
            if last:
                found.add(os.path.join(directory, entry.name))
            elif entry.is_dir(follow_symlinks=False):
                visit(os.path.join(directory, entry.name), index + 1)

    visit(base, 0)
    return sorted(found)


def _scan(directory: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory or ".") as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError:
        return []


def _directory(root: str, pattern: str, limits: Limits, skip: str | None) -> Iterator[SourceRef | SourceProblem]:
    """Walk ``root`` (links to directories are not entered) and take the regular files matching ``pattern``
    and the archives; a matching name that is a FIFO, a device or a link leaving ``root`` is refused."""
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root):
        if skip is not None and os.path.realpath(dirpath) == skip:
            dirnames.clear()
            continue
        dirnames.sort()
        for filename in sorted(filenames):
            if not (is_archive(filename) or matches(filename, pattern)):
                continue
            full = os.path.join(dirpath, filename)
            rel = PurePosixPath(*Path(os.path.relpath(full, root)).parts).as_posix()
            yield from _entry(full, rel, real_root, pattern, limits)


def _entry(full: str, rel: str, root: str | None, pattern: str, limits: Limits) -> Iterator[SourceRef | SourceProblem]:
    """A file met in a directory walk or a glob: taken when it is a regular file (through a link: one inside
    ``root``, when there is a root), refused otherwise."""
    why = None
    try:
        if os.path.islink(full):
            target = os.path.realpath(full)
            if root is not None and os.path.commonpath([root, target]) != root:
                why = "symbolic link pointing outside the directory"
            elif not os.path.exists(target):
                why = "broken symbolic link"
        if why is None and not stat.S_ISREG(os.stat(full).st_mode):
            why = "not a regular file"
    except (OSError, ValueError) as exc:
        why = f"cannot inspect: {exc}"
    if why is not None:
        yield _problem(full, rel, "unsafe-source", f"refused source: {why}")
        return
    yield from _file_or_archive(full, rel, pattern, limits)


def _file_or_archive(path: str, rel: str, pattern: str, limits: Limits) -> Iterator[SourceRef | SourceProblem]:
    lowered = path.lower()
    parent = PurePosixPath(rel).parent
    prefix = (parent / archive_stem(path)).as_posix()
    if lowered.endswith(ZIP_SUFFIXES):
        yield from _zip_members(path, prefix, pattern, limits)
    elif lowered.endswith(TAR_SUFFIXES):
        yield from _tar_members(path, prefix, pattern, limits)
    else:
        yield SourceRef("file", _resolved(path), None, rel, path)


_DRIVE = re.compile(r"[A-Za-z]:/")  # C:/… (C:\\… once normalised); a:b.txt is a plain relative name


def unsafe_name(name: str) -> str | None:
    """Why an archive member name is refused, or ``None`` when it is a plain relative path."""
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or _DRIVE.match(normalised):
        return "absolute path"
    if ".." in normalised.split("/"):
        return "path climbs out of the archive (..)"
    if "\x00" in name:
        return "NUL in member name"
    return None


class _Budget:
    """Counts the members of one archive and the bytes inflating them costs, against the limits."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.members = 0
        self.total = 0

    def count(self, size: int) -> str | None:
        """Count one member of ``size`` bytes that reading the archive inflates; the code of the limit it passes
        (``archive-too-many-members``, ``archive-too-large``) or ``None``."""
        self.members += 1
        if self.members > self.limits.members:
            return "archive-too-many-members"
        self.total += size
        if self.total > self.limits.total_bytes:
            return "archive-too-large"
        return None

    def message(self, code: str) -> str:
        if code == "archive-too-many-members":
            return f"more than {self.limits.members} members in archive"
        return f"archive decompresses to more than the limit of {self.limits.total_bytes} bytes"

    def member_problem(self, key: str, rel: str, ident: str, size: int) -> SourceProblem | None:
        if size > self.limits.member_bytes:
            message = f"member decompresses to {size} bytes, over the limit of {self.limits.member_bytes}"
            return SourceProblem(key, rel, "failed", "member-too-large", message, ident=ident)
        return None


class _Names:
    """The occurrences of each member name in one archive: the second ``x.txt`` is ``x.txt#2``."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def next(self, name: str) -> int:
        self.seen[name] = self.seen.get(name, 0) + 1
        return self.seen[name]


def _stamp(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns


def _member_key(base: str, member: str, occurrence: int) -> str:
    return f"{base}!{member}" + (f"#{occurrence}" if occurrence > 1 else "")


def _zip_members(path: str, prefix: str, pattern: str, limits: Limits) -> Iterator[SourceRef | SourceProblem]:
    real = _resolved(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        message = f"not a readable zip archive: {exc}"
        yield SourceProblem(path, prefix, "failed", "archive-corrupt", message, ident=real)
        return
    budget = _Budget(path, limits)
    names = _Names()
    stamp = _stamp(path)
    with archive:
        # sorted by name; members of the same name keep their order in the archive (a stable sort)
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            occurrence = names.next(info.filename)
            key = _member_key(path, info.filename, occurrence)
            ident = _member_key(real, info.filename, occurrence)
            rel = f"{prefix}/{info.filename}"
            why = unsafe_name(info.filename)
            mode = info.external_attr >> 16
            if why is None and stat.S_ISLNK(mode):
                why = "symbolic link"
            if why is None and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                why = "not a regular file"
            if why is not None:
                message = f"refused archive member: {why}"
                yield SourceProblem(key, rel, "skipped", "unsafe-member", message, ident=ident)
                continue
            if not matches(PurePosixPath(info.filename).name, pattern):
                continue  # never inflated: not counted
            problem = budget.member_problem(key, rel, ident, info.file_size)
            if problem is not None:
                budget.count(0)
                yield problem
                continue
            code = budget.count(info.file_size)
            if code is not None:
                yield SourceProblem(key, rel, "failed", code, budget.message(code), ident=ident)
                if code == "archive-too-many-members":
                    return
                continue
            yield SourceRef("zip", real, info.filename, rel, path, info.header_offset, occurrence, stamp=stamp)


def _tar_members(path: str, prefix: str, pattern: str, limits: Limits) -> Iterator[SourceRef | SourceProblem]:
    """The members of a tar, in archive order, read in one pass over the headers. Every member counts against
    the size and member limits — converted or not, reaching the next header of a compressed tar inflates it —
    and the listing stops *before* a member would pass them: a 10 GiB member skipped by the pattern is refused
    from its header, not inflated."""
    real = _resolved(path)
    budget = _Budget(path, limits)
    names = _Names()
    refs: list[SourceRef | SourceProblem] = []
    try:
        stamp = _stamp(path)
        with tarfile.open(path) as archive:
            for info in archive:
                if info.isdir():
                    continue
                occurrence = names.next(info.name)
                key = _member_key(path, info.name, occurrence)
                ident = _member_key(real, info.name, occurrence)
                rel = f"{prefix}/{info.name}"
                code = budget.count(info.size if info.isfile() else 0)
                if code is not None:
                    message = f"{budget.message(code)}: stopped listing at member {info.name!r}; it and the members "
                    message += "after it are not converted"
                    refs.append(SourceProblem(path, prefix, "failed", code, message, ident=real))
                    break
                why = unsafe_name(info.name)
                if why is None and info.issym():
                    why = "symbolic link"
                if why is None and info.islnk():
                    why = "hard link"
                if why is None and not info.isfile():
                    why = "not a regular file"
                if why is None and info.issparse():
                    why = "sparse file"
                if why is not None:
                    message = f"refused archive member: {why}"
                    refs.append(SourceProblem(key, rel, "skipped", "unsafe-member", message, ident=ident))
                    continue
                if not matches(PurePosixPath(info.name).name, pattern):
                    continue
                problem = budget.member_problem(key, rel, ident, info.size)
                if problem is not None:
                    refs.append(problem)
                    continue
                refs.append(
                    SourceRef("tar", real, info.name, rel, path, info.offset_data, occurrence, info.size, stamp)
                )
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        # A truncated archive still yields the members before the damage; the damage is one more line.
        message = f"corrupt or truncated archive: {exc}"
        refs.append(SourceProblem(path, prefix, "failed", "archive-corrupt", message, ident=real))
    # Tar order is the archive's own (stable); keep it, so a compressed tar is read front to back.
    yield from refs


# Each process keeps a few archives open: re-reading a zip's central directory or re-inflating a tar.gz from the
# start for every member would make a batch quadratic. A member is found from its offset (a zip's local header, a
# tar's header), never by a search through the names. Archive objects are not thread-safe: each has its lock.
class _Open:
    def __init__(self, archive: zipfile.ZipFile | tarfile.TarFile) -> None:
        self.archive = archive
        self.lock = threading.Lock()
        self._zip_index: dict[int, zipfile.ZipInfo] | None = None

    def zip_member(self, offset: int) -> zipfile.ZipInfo | None:
        assert isinstance(self.archive, zipfile.ZipFile)
        if self._zip_index is None:
            self._zip_index = {info.header_offset: info for info in self.archive.infolist()}
        return self._zip_index.get(offset)

    def tar_data(self, offset: int, size: int, limit: int, what: str) -> bytes:
        """The ``size`` bytes of a member's data at ``offset``: a seek and a read, in O(1) for a plain tar (a
        compressed one seeks forward through its stream, as the members come in archive order)."""
        archive = self.archive
        assert isinstance(archive, tarfile.TarFile) and archive.fileobj is not None
        if size > limit:
            raise SourceError("member-too-large", f"{what} decompresses to more than the limit of {limit} bytes")
        archive.fileobj.seek(offset)
        data: bytes = archive.fileobj.read(size)
        if len(data) != size:
            raise SourceError("archive-corrupt", f"cannot read {what}: the archive ends inside it")
        return data

    def close(self) -> None:
        with self.lock:
            self.archive.close()


_OPEN: OrderedDict[tuple[str, str, int, int], _Open] = OrderedDict()
_OPEN_LOCK = threading.Lock()
_OPEN_MAX = 8


def _open_archive(kind: str, path: str, stamp: tuple[int, int] | None = None) -> _Open:
    info = os.stat(path)  # a file replaced since it was opened is opened afresh
    if stamp is not None and stamp != (info.st_size, info.st_mtime_ns):
        raise SourceError("archive-corrupt", f"{path} changed since it was listed: run the batch again")
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


def _read_file(ref: SourceRef, limits: Limits) -> bytes:
    """A regular file, opened without blocking (a FIFO put in its place since the listing must not hang the
    worker) and checked to be one before a byte is read."""
    try:
        fd = os.open(ref.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise SourceError("unreadable", f"cannot read {ref.path}: {exc.strerror or exc}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SourceError("unsafe-source", f"{ref.path} is not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return _read_capped(handle, limits.member_bytes, ref.path)
    except OSError as exc:
        raise SourceError("unreadable", f"cannot read {ref.path}: {exc.strerror or exc}") from exc
    finally:
        if fd >= 0:
            os.close(fd)


def read_source(ref: SourceRef, limits: Limits = Limits()) -> bytes:
    """The bytes of one source. Raises ``SourceError`` (size limit, corrupt archive, unreadable file)."""
    if ref.kind == "file":
        return _read_file(ref, limits)
    assert ref.member is not None
    try:
        entry = _open_archive(ref.kind, ref.path, ref.stamp)
        with entry.lock:
            archive = entry.archive
            if isinstance(archive, zipfile.ZipFile):
                zinfo = entry.zip_member(ref.offset) if ref.offset is not None else archive.getinfo(ref.member)
                if zinfo is None or zinfo.filename != ref.member:
                    raise SourceError("archive-corrupt", f"{ref.key}: the archive changed since it was listed")
                with archive.open(zinfo) as stream:
                    return _read_capped(stream, limits.member_bytes, ref.key)
            if ref.offset is not None and ref.size is not None:
                return entry.tar_data(ref.offset, ref.size, limits.member_bytes, ref.key)
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
