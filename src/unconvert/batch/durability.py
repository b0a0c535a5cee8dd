"""Group commit: the batch makes its outputs and report lines durable a group of documents at a time.

A document is *committed* when its outputs have their final names and its report line is on disk: ``--resume``
trusts the report, and only the report. Syncing the disk once per document per file (each output, its directory,
the report) cost more than the AKN writer itself. So the run commits in groups instead:

1. each document's outputs are renamed into place as it completes (no sync), and its report line is held back;
2. when the group is full (``documents``), or its oldest line has waited ``seconds``, or the run ends, the outputs
   of the whole group are made durable at once (one ``syncfs`` of the output's file system on Linux; elsewhere an
   fsync of each output and each directory), *then* the group's report lines are written and fsync'd together.
   A thread of its own does this, so the run's thread never waits for the disk unless ``BACKLOG`` groups queue.

The guarantees stay those of one document at a time. ``kill -9`` (or a power cut) loses only the report lines
of the groups not yet committed (at most ``BACKLOG`` + 1): those documents are converted again on ``--resume``
and their outputs, which nothing reserved, are replaced under the same names, so nothing is lost and nothing is
duplicated. A report line is never on disk before the outputs it names.
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

    ``add`` is called by the run for each document in source order. With groups (``documents > 1`` and a time
    bound), a background thread does the committing: a sync can take tens of milliseconds on a busy disk, and the
    run's thread, which hands documents to the workers, must not stand still meanwhile, or the workers would wait
    for it. ``add`` only queues, unless ``BACKLOG`` groups are waiting (the disk cannot keep up): then it waits for
    the committer, so that what a crash can lose stays bounded. Groups are committed one at a time, in order, so
    the report keeps the order of ``add``. An error while committing (a full disk) is raised by the next ``add``,
    ``flush`` or ``close``.
    """

    BACKLOG = 4
    """Groups that may wait for the committer before ``add`` waits too."""

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
        self._lock = threading.Lock()  # guards the queue below and ``_error``
        self._changed = threading.Condition(self._lock)
        self._committing = threading.Lock()  # one commit at a time, in the order the queue was taken
        self._records: list[Record] = []
        self._files: list[str] = []
        self._directories: set[str] = set()
        self._oldest = 0.0
        self._error: BaseException | None = None
        self._closed = False
        self._committer: threading.Thread | None = None
        if self._documents > 1 and seconds > 0:
            self._committer = threading.Thread(target=self._commit_in_background, name="unconvert-group-commit")
            self._committer.daemon = True
            self._committer.start()

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
            if len(self._records) < self._documents:
                return
            if self._committer is not None:
                self._changed.notify_all()
                while len(self._records) >= self.BACKLOG * self._documents and self._committer.is_alive():
                    self._changed.wait(0.25)
                self._raise_pending()
                return
        self.flush()

    def flush(self) -> None:
        """Commit what is queued now (after any commit in progress)."""
        with self._committing:
            with self._lock:
                self._raise_pending()
                group = self._take()
            self._commit(group)

    def close(self) -> None:
        """Commit what is queued and stop the committer. Raises the error of a failed commit, if any."""
        with self._lock:
            self._closed = True
            self._changed.notify_all()
        if self._committer is not None:
            self._committer.join()
        self.flush()

    def _commit_in_background(self) -> None:
        """The committer: commit the queue when a group is full or its oldest line has waited ``seconds``."""
        while True:
            with self._lock:
                while not self._closed and not self._due():
                    self._changed.wait(min(self._seconds, 0.25))
                if self._closed:
                    return
            with self._committing:
                with self._lock:
                    group = self._take()
                    self._changed.notify_all()  # room in the queue for an ``add`` that waits
                try:
                    self._commit(group)
                except BaseException as exc:  # kept for the run's thread, which reports it
                    with self._lock:
                        self._error = exc
                        self._changed.notify_all()
                    return

    def _due(self) -> bool:
        if not self._records or self._error is not None:
            return False
        return len(self._records) >= self._documents or time.monotonic() - self._oldest >= self._seconds

    def _take(self) -> tuple[list[Record], list[str], set[str]]:
        """Empty the queue (the caller holds ``_lock``) and return what was in it."""
        group = (self._records, self._files, self._directories)
        self._records, self._files, self._directories = [], [], set()
        return group

    def _raise_pending(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _commit(self, group: tuple[list[Record], list[str], set[str]]) -> None:
        """Make the group's outputs durable, then write its report lines (the caller holds ``_committing``)."""
        records, files, directories = group
        if not records:
            return
        sync_outputs(self._out, files, directories)
        self._writer.write_many(records)  # flushed and fsync'd


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
