"""One batch at a time per output directory.

Two runs writing into one folder would remove each other's temporary files and interleave (or truncate) the
report. A run therefore holds an exclusive ``flock`` on ``OUTDIR/.unconvert-batch.lock`` from before it touches
anything until it ends; a second run is refused with the holder's pid, host and start time (recorded in the
file). The lock is the kernel's: a run killed with ``kill -9`` or lost with its machine's power holds nothing, so
its lock file — left behind — never blocks the ``--resume`` that follows. (On NFS, ``flock`` is mapped to POSIX
byte-range locks by Linux clients, which the server keeps for a live client only.)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import json
import os
import socket
import sys

from unconvert.errors import BatchError, StorageError

LOCK_NAME = ".unconvert-batch.lock"


class OutputLock:
    """The exclusive lock of a batch on its output directory (``acquire`` … ``release``)."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.path = os.path.join(directory, LOCK_NAME)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise ``BatchError`` naming the run that holds it."""
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StorageError(
                    f"cannot create the lock file {self.path}: {exc.strerror or exc}", path=self.path, errno=exc.errno
                ) from exc
            try:
                _lock(fd)
            except OSError as exc:
                holder = _holder(fd)
                os.close(fd)
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise StorageError(f"cannot lock {self.path}: {exc.strerror or exc}", path=self.path) from exc
                raise BatchError(
                    f"output directory {self.directory} is in use by another unconvert batch ({holder}); wait "
                    f"for it to end or choose another -o"
                ) from None
            # The file may have been removed by the run that held it between our open and our lock: then we
            # hold a lock on a file nobody else will look at. Start again on the file that is there now.
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):  # who holds it is information for the message, not the lock itself
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, (json.dumps(record) + "\n").encode("utf-8"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)  # still locked: a run that opened it meanwhile sees it gone and starts again
        os.close(self._fd)
        self._fd = None


if sys.platform == "win32":  # pragma: no cover - the batch is developed and tested on POSIX
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        record = json.loads(os.read(fd, 4096).decode("utf-8"))
        return f"pid {record['pid']} on {record['host']}, started {record['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a run that has just started"
