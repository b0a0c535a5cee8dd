"""Errors: every exception unconvert raises on purpose derives from ``UnconvertError``.

    UnconvertError
    ├── ReadError            the input is not a document we can read (names the file and the line)
    ├── WriteError           a writer could not produce its output from a tree
    │   ├── InvalidOutputError   the AKN we built fails the official XSD (a bug in unconvert: never written)
    │   └── ResourceError        the machine lacks what a writer needs (a font file): install it; the CLI exits 2
    ├── ValidationError      a user's AKN file fails the XSD (``unconvert.validate``), with line numbers
    ├── FormatError          an unknown or unavailable format name
    ├── StorageError         the machine refused to store an output (disk full, permission denied, read-only
    │                        file system): not the document's fault nor a bug; the CLI exits 2
    └── BatchError           a batch could not start (bad source list, unusable output directory, the output
                             directory locked by another run) or cannot go on (a Dask cluster left without
                             workers)

Warnings about a document are not exceptions: they are ``Diagnostic`` values on the result.
"""

from __future__ import annotations


class UnconvertError(Exception):
    """Base of every error unconvert raises on purpose."""


class ReadError(UnconvertError):
    """The input cannot be read as a document: ``name`` is the file (or ``<bytes>``), ``line`` 1-based or None."""

    def __init__(self, message: str, *, name: str = "<input>", line: int | None = None) -> None:
        self.message = message
        self.name = name
        self.line = line
        where = f"{name}:{line}" if line is not None else name
        super().__init__(f"{where}: {message}")


class WriteError(UnconvertError):
    """A writer could not produce output for a tree."""


class InvalidOutputError(WriteError):
    """Generated AKN failed the official XSD or an integrity check; ``errors`` lists ``(line, message)``."""

    def __init__(self, message: str, errors: list[tuple[int, str]] | None = None) -> None:
        self.errors = errors or []
        detail = "; ".join(f"line {line}: {msg}" for line, msg in self.errors[:5])
        super().__init__(f"{message}{': ' + detail if detail else ''}")


class ResourceError(WriteError):
    """A writer needs something the machine does not have (a font file of a Debian package): neither the
    document's fault nor a bug. The message says what to install."""


class ValidationError(UnconvertError):
    """An AKN document does not validate; ``errors`` lists ``(line, message)``."""

    def __init__(self, name: str, errors: list[tuple[int, str]]) -> None:
        self.name = name
        self.errors = errors
        first = f"{name}:{errors[0][0]}: {errors[0][1]}" if errors else name
        super().__init__(f"{first} ({len(errors)} error{'s' if len(errors) != 1 else ''})")


class FormatError(UnconvertError):
    """An unknown format name, or a format whose plugin cannot be loaded."""


class BatchError(UnconvertError):
    """A batch cannot start (unusable sources or output directory), or cannot go on: a Dask cluster that has been
    left without workers."""


class StorageError(UnconvertError):
    """An output could not be stored because of the machine, not the document: disk full, quota, permission
    denied, read-only file system. ``path`` is what could not be written, ``errno`` the OS error number."""

    def __init__(self, message: str, *, path: str | None = None, errno: int | None = None) -> None:
        self.path = path
        self.errno = errno
        super().__init__(message)


__all__ = [
    "BatchError",
    "FormatError",
    "InvalidOutputError",
    "ReadError",
    "ResourceError",
    "StorageError",
    "UnconvertError",
    "ValidationError",
    "WriteError",
]
