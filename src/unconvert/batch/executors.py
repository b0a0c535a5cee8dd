"""Where the per-document work runs: in this process, in a local process pool, or on a Dask cluster (``cluster``).

Every executor takes a lazy iterator of tasks and yields results in completion order, keeping at most a bounded
number of tasks in flight, so memory stays flat however many documents there are; when the task iterator stops
(Ctrl-C asked to stop), the tasks in flight are finished and returned. A worker that dies takes only its own
task(s) with it: they come back as failed results (``worker-error``).
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import os
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from unconvert.batch.execution import Executor, Work, crashed, run_chunk
from unconvert.batch.work import Task, WorkResult, convert_one, warm_up, worker_init
from unconvert.errors import BatchError

if TYPE_CHECKING:
    import multiprocessing.context


class SerialExecutor:
    """In this process, one document at a time (``-j 1``): the simplest to debug and profile."""

    def __init__(self, formats: tuple[str, ...]) -> None:
        self.formats = formats
        self._warm = False

    def run(self, function: Work, tasks: Iterator[Task]) -> Iterator[WorkResult]:
        if not self._warm:
            warm_up(self.formats)
            self._warm = True
        for task in tasks:
            yield function(task)

    def close(self) -> None:
        pass


CHUNK = 4  # documents per task sent to a pool worker


class ProcessExecutor:
    """A pool of ``jobs`` worker processes on this machine, each warmed up once by its initializer.

    Workers start with ``forkserver`` (``spawn`` where there is none), never by forking a parent that may run
    threads (the progress display). ``multiprocessing`` is imported here, when a pool is made, not when the
    package is: a one-document conversion never pays for it."""

    def __init__(
        self, jobs: int, formats: tuple[str, ...], *, in_flight: int | None = None, chunk: int = CHUNK
    ) -> None:
        self.jobs = max(1, jobs)
        self.formats = formats
        self.chunk = max(1, chunk)
        self.in_flight = in_flight or self.jobs * 4  # chunks
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        self._context: multiprocessing.context.BaseContext = multiprocessing.get_context(
            "forkserver" if "forkserver" in methods else "spawn"
        )
        self._pool: cf.ProcessPoolExecutor | None = None

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=self._context,
            initializer=worker_init,
            initargs=(self.formats, os.getpid()),
        )

    def run(self, function: Work, tasks: Iterator[Task]) -> Iterator[WorkResult]:
        """Submit tasks in chunks of ``chunk`` documents, with at most ``in_flight`` chunks pending; yield results
        as chunks complete. A document takes a few milliseconds, so one task per document would spend a good part
        of the time in the pool's own traffic; a chunk of a few documents keeps both cores converting.

        A worker that dies (a crash in native code, the OOM killer) breaks the whole pool and every pending chunk
        with it. The pool is replaced and those documents are tried again one at a time, so that the document that
        kills its worker is found and fails alone (``worker-error``) and the others are converted."""
        from concurrent.futures.process import BrokenProcessPool  # imports multiprocessing: only with a pool

        if self._pool is None:
            self._pool = self._new_pool()
        pending: dict[cf.Future[list[WorkResult]], list[Task]] = {}
        retry: deque[Task] = deque()
        retried: set[int] = set()
        exhausted = False

        def retrying() -> bool:
            return any(t.index in retried for chunk in pending.values() for t in chunk)

        while True:
            while True:
                if retry:
                    if pending:
                        break  # a document being tried again runs alone
                    chunk = [retry.popleft()]
                elif exhausted or len(pending) >= self.in_flight or retrying():
                    break
                else:
                    chunk = list(itertools.islice(tasks, self.chunk))
                    if not chunk:
                        exhausted = True
                        break
                pending[self._submit(function, chunk)] = chunk
            if not pending:
                return
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            broken = False
            for future in done:
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool as exc:
                    broken = True
                    for task in chunk:
                        if task.index in retried:
                            yield crashed(task, exc)
                        else:
                            retried.add(task.index)
                            retry.append(task)
                except Exception as exc:  # reported as the documents' failure
                    for task in chunk:
                        yield crashed(task, exc)
                else:
                    yield from results
            if broken:
                for chunk in pending.values():
                    for task in chunk:
                        if task.index in retried:
                            yield crashed(task, BrokenProcessPool("a worker process died"))
                        else:
                            retried.add(task.index)
                            retry.append(task)
                pending.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()

    def _submit(self, function: Work, chunk: list[Task]) -> cf.Future[list[WorkResult]]:
        assert self._pool is not None
        with _main_script_hidden():  # the pool starts its workers here, on its first submit
            return self._pool.submit(run_chunk, function, chunk)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start worker processes without running the parent's script in them.

    A ``forkserver`` or ``spawn`` worker imports the parent's ``__main__`` (by its path, or by its module name
    under ``python -m``) before it runs anything, so a script that calls ``convert_many`` at its top level, without
    an ``if __name__ == "__main__":`` guard, would start the batch again in every worker: each would fail, and the
    documents with them. The workers run only unconvert's own functions, so they need nothing from ``__main__``:
    while they start, ``__main__`` shows neither its path nor its spec, and the workers skip it."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    spec = getattr(main, "__spec__", None)
    has_file = "__file__" in vars(main)
    path = vars(main).get("__file__")
    main.__spec__ = None
    if has_file:
        del main.__file__
    try:
        yield
    finally:
        main.__spec__ = spec
        if has_file:
            main.__file__ = path


DASK_MISSING = "a Dask cluster (--scheduler, --dask-local) needs the dask extra: pip install 'unconvert[dask]'"


def make_executor(
    formats: tuple[str, ...],
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    dask_local: int | None = None,
) -> Executor:
    """Dask when ``scheduler`` or ``dask_local`` is given; else a process pool of ``jobs`` (default: all
    cores), or this process for ``jobs == 1``."""
    if scheduler or dask_local:
        try:
            from unconvert.batch.cluster import DaskExecutor  # distributed is imported only when asked for
        except ModuleNotFoundError as exc:
            raise BatchError(f"{DASK_MISSING} (cannot import {exc.name or exc})") from exc
        return DaskExecutor(formats, address=scheduler, local_workers=dask_local)
    count = jobs or os.cpu_count() or 1
    if count <= 1:
        return SerialExecutor(formats)
    return ProcessExecutor(count, formats)


__all__ = ["CHUNK", "DASK_MISSING", "Executor", "ProcessExecutor", "SerialExecutor", "convert_one", "make_executor"]
