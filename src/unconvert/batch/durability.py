"""Group commit: the batch makes its outputs and report lines durable a group of documents at a time.

A document is *committed* when its outputs have their final names and its report line is on disk: ``--resume``
trusts the report, and only the report. Syncing the disk once per document per file (each output, its directory,
the report) cost more than the AKN writer itself. So the run commits in groups instead:

1. each document's outputs are renamed into place as it completes (no sync), and its report line is held back;
2. when the group is full (``documents``), or its oldest line has waited ``seconds``, or the run ends, the outputs
   of the whole group are made durable at once (one ``syncfs`` of the output's file system on Linux; elsewhere an
   fsync of each output and each directory), *then* the group's report lines are written and fsync'd together.

The guarantees stay those of one document at a time. ``kill -9`` (or a power cut) inside a group loses only the
group's report lines: those documents are converted again on ``--resume`` and their outputs, which nothing
reserved, are replaced under the same names, so nothing is lost and nothing is duplicated. A report line is
never on disk before the outputs it names.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable

from unconvert.batch.outputs import fsync_directory
from unconvert.batch.report import Record, ReportWriter
from unconvert.batch.settings import GROUP_DOCUMENTS, GROUP_SECONDS


class GroupCommit:
    """Holds report lines back until the outputs they name are durable, then writes them, a group at a time.

    ``add`` is called by the run for each document in source order; a background thread commits a group that has
    waited ``seconds``. An error while committing (a full disk) is raised by the next ``add`` or by ``close``.
    """

    def __init__(
        self,
        writer: ReportWriter,
        out: str,
        *,
        documents: int = GROUP_DOCUMENTS,
        seconds: float = GROUP_SECONDS,
    ) -> None:
        self._writer = writer
        self._out = out
        self._documents = max(1, documents)
        self._seconds = seconds
        self._lock = threading.Lock()
        self._records: list[Record] = []
        self._files: list[str] = []
        self._directories: set[str] = set()
        self._oldest = 0.0
        self._error: BaseException | None = None
        self._closed = threading.Event()
        self._timer: threading.Thread | None = None
        if self._documents > 1 and seconds > 0:
            self._timer = threading.Thread(target=self._tick, name="unconvert-group-commit", daemon=True)
            self._timer.start()

    def add(self, record: Record, outputs: Iterable[str] = ()) -> None:
        """Queue ``record``, whose ``outputs`` (final paths) are already renamed into place."""
        with self._lock:
            self._raise_pending()
            if not self._records:
                self._oldest = time.monotonic()
            self._records.append(record)
            for path in outputs:
                self._files.append(path)
                self._directories.add(os.path.dirname(path))
            if len(self._records) >= self._documents:
                self._commit()

    def flush(self) -> None:
        """Commit what is queued now."""
        with self._lock:
            self._raise_pending()
            self._commit()

    def close(self) -> None:
        """Commit what is queued and stop the timer. Raises the error of a failed commit, if any."""
        self._closed.set()
        if self._timer is not None:
            self._timer.join()
        self.flush()

    def _tick(self) -> None:
        while not self._closed.wait(min(self._seconds, 0.25)):
            with self._lock:
                if self._records and self._error is None and time.monotonic() - self._oldest >= self._seconds:
                    try:
                        self._commit()
                    except BaseException as exc:  # kept for the run's thread, which reports it
                        self._error = exc

    def _raise_pending(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _commit(self) -> None:
        if not self._records:
            return
        sync_outputs(self._out, self._files, self._directories)
        self._writer.write_many(self._records)  # flushed and fsync'd
        self._records, self._files = [], []
        self._directories = set()


def sync_outputs(out: str, files: Iterable[str], directories: Iterable[str]) -> None:
    """Make ``files`` (their data) and their names in ``directories`` durable: one ``syncfs`` of the file system
    that holds ``out`` where the system has it (Linux), else an fsync of each file and directory."""
    if _SYNCFS is not None:
        handle = os.open(out, os.O_RDONLY)
        try:
            if _SYNCFS(handle) == 0:
                return
        finally:
            os.close(handle)
    for path in files:
        with contextlib.suppress(FileNotFoundError):
            handle = os.open(path, os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
    for directory in sorted(set(directories)):
        fsync_directory(directory)


def _syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs(fd)`` (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols, the C library's among them
        function: Callable[[int], int] = libc.syncfs
    except (OSError, AttributeError):
        return None
    return function


_SYNCFS = _syncfs()

__all__ = ["GroupCommit", "sync_outputs"]
