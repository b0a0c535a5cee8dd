"""What every executor shares (the in-process one, the process pool in ``executors``, Dask in ``cluster``): the
``Executor`` protocol, the type of the per-document work, a chunk of documents run in a worker, and the result of
a task whose worker failed. A module of its own so that ``executors`` and ``cluster`` both import it and never
each other (``executors`` names ``cluster`` only when Dask is asked for).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from typing import Protocol

from unconvert.batch.work import Failure, Task, WorkResult

Work = Callable[[Task], WorkResult]


class Executor(Protocol):
    """Runs ``function`` over ``tasks``; yields results as they complete."""

    def run(self, function: Work, tasks: Iterator[Task]) -> Iterator[WorkResult]: ...

    def close(self) -> None: ...


def crashed(task: Task, exc: BaseException) -> WorkResult:
    """The result of a task whose worker failed (died, was killed, or the work raised outside its own guard)."""
    message = f"worker failed: {type(exc).__name__}: {exc}".rstrip(": ")
    return WorkResult(index=task.index, status="failed", failure=Failure("worker-error", message, type(exc).__name__))


def run_chunk(function: Work, chunk: list[Task]) -> list[WorkResult]:
    """Run ``function`` on each document of ``chunk`` in a worker (a pool process or a Dask worker): a few
    documents per task, so the cost of sending a task is paid once for several. ``function`` never raises for a
    document's own problem: every outcome is a ``WorkResult``."""
    return [function(task) for task in chunk]


def run_packed(function: Work, payload: bytes) -> bytes:
    """``run_chunk`` on a pickled chunk, its results pickled: what a Dask task runs (``cluster``)."""
    results = run_chunk(function, pickle.loads(payload))
    return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


__all__ = ["Executor", "Work", "crashed", "run_chunk", "run_packed"]
