"""Running the batch on a Dask ``distributed`` cluster: the same per-document work as the process pool.

Tasks (a chunk of ``CHUNK`` documents each, to pay the scheduling cost once for many) are submitted with
``Client.submit`` (a bounded number in flight) and collected as they complete (``distributed.wait``, which lets
the run notice a cluster left without workers, ``WORKERLESS_SECONDS``); the
parent alone commits outputs and writes the report, so ``--resume`` and the report work exactly as without Dask.
A chunk travels pickled, as bytes, and so do its results: the scheduler unpickles every task it is given and pickles
it again for the worker, which for a chunk of our dataclasses cost more than for the bytes that carry them.
"""

from __future__ import annotations

import itertools
import os
import pickle
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dask
import distributed
from distributed import WorkerPlugin

from unconvert.batch.execution import Work, crashed, run_packed
from unconvert.batch.work import Task, WorkResult, warm_up
from unconvert.errors import BatchError

_dask: Any = distributed  # untyped

# A local cluster started for the run is configured for a batch, not for interactive use (a cluster given by address
# keeps its own configuration). Its workers do not run Dask's statistical profiler: it samples every thread's stack
# every 10 ms, on the GIL the document's work needs, and keeps a profile per second of run time (up to 1,000 of
# them), so a worker's memory grew all through a batch; with the dashboard off nobody reads them. Its servers (the
# scheduler, the nannies, the workers) wake less often for their own bookkeeping: the event loop's tick (every
# 20 ms by default; it only measures how late the loop runs, for a warning), the system monitor (every 0.5 s; it
# feeds the dashboard, and its history grows for an hour) and the memory monitor (every 0.1 s; 0.5 s still stops a
# runaway worker long before it takes the machine). Idle, a 2-worker cluster's processes spent 52-62 ms of CPU per
# second with the defaults and 12-14 ms with these (``benchmarks/bench_batch_cpu.py --idle``): 2-3 % of a 2-core
# machine's time that the documents get back.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "500ms",
}

CHUNK = 64
"""Documents per Dask task. A task costs the scheduler, the client and the worker's event loop (all Python, and the
scheduler shares a core with the batch process) far more than a pool's task does: about 5 ms of CPU in all. Measured
with 2 local workers on 20,000 members too small to be documents (``benchmarks/bench_batch_cpu.py --tiny``), the CPU
spent per document by all processes fell from 0.35-0.37 ms with chunks of 32 to 0.27-0.28 ms with 64 (the pool's:
0.24-0.26). A chunk of 64 corpus documents takes about 0.4 s, so the run's tail stays short."""

WORKERLESS_SECONDS = 120.0
"""How long a run waits, with documents pending, on a cluster that has no worker at all before it stops with a
``BatchError``. Dask itself waits for ever: a task with no worker to run it stays pending, so a cluster whose workers
all died and did not come back (a nanny that could not restart its worker on an overloaded machine, the machines of
a ``--scheduler`` cluster gone) would hang the batch. What was converted is in the report, and ``--resume`` goes on
once the cluster has workers again. Two minutes leave room for workers that are still starting."""

_POLL_SECONDS = 2.0
"""How often the run looks at the cluster's workers while no chunk completes."""


class DaskExecutor:
    """The same work on a Dask ``distributed`` cluster: an existing one (``address``, ``tcp://host:8786``) or a
    ``LocalCluster`` of ``local_workers`` single-threaded worker processes started here.

    Workers read the sources and write the outputs themselves, so on a real cluster both must be on storage every
    worker reaches at the same path. Each worker warms up once (a worker plugin)."""

    def __init__(
        self,
        formats: tuple[str, ...],
        *,
        address: str | None = None,
        local_workers: int | None = None,
        in_flight: int | None = None,
        chunk: int = CHUNK,
        workerless_seconds: float | None = None,
    ) -> None:
        self.formats = formats
        self.workerless_seconds = WORKERLESS_SECONDS if workerless_seconds is None else workerless_seconds
        self._cluster: Any = None
        if address:
            self._client: Any = _dask.Client(address)
        else:
            with _ignoring_sigint(), dask.config.set(LOCAL_CLUSTER_CONFIG):
                self._cluster = _dask.LocalCluster(
                    n_workers=local_workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            self._client = _dask.Client(self._cluster)
        self._client.register_plugin(_WarmUp(formats), name="unconvert-warm-up")
        threads = sum(self._client.nthreads().values()) or 1
        self.chunk = max(1, chunk)
        self.in_flight = in_flight or threads * 2

    def run(self, function: Work, tasks: Iterator[Task]) -> Iterator[WorkResult]:
        """Submit chunks, at most ``in_flight`` pending; yield results as chunks complete.

        A chunk whose worker died (Dask gives up with ``KilledWorker`` after trying it on several workers) is tried
        again one document at a time, each alone on the cluster, as the process pool does: Dask blames every task
        that was on a dying worker, so a document tried beside others could fail for the one that killed it. Only
        the document that kills its worker fails (``worker-error``); the rest of its chunk is converted."""
        run_token = uuid.uuid4().hex[:12]  # keys of this run never clash with another run's on a shared cluster
        pending: dict[Any, list[Task]] = {}
        retry: deque[Task] = deque()
        exhausted = False

        def submit(chunk: list[Task], suffix: str = "") -> None:
            key = f"unconvert-{run_token}-{chunk[0].index}{suffix}"
            payload = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
            future = self._client.submit(run_packed, function, payload, pure=False, key=key)
            pending[future] = chunk

        def top_up() -> None:
            nonlocal exhausted
            if retry:
                if not pending:
                    submit([retry.popleft()], "-alone")
                return
            while not exhausted and len(pending) < self.in_flight:
                chunk = list(itertools.islice(tasks, self.chunk))
                if not chunk:
                    exhausted = True
                    return
                submit(chunk)
                if len(chunk) < self.chunk:
                    exhausted = True

        top_up()
        while pending:
            for future in self._completed(pending):
                chunk = pending.pop(future)
                try:
                    results = pickle.loads(future.result())
                except Exception as exc:  # KilledWorker, a lost worker…: the failure of the chunk's documents
                    if len(chunk) > 1:
                        retry.extend(chunk)
                        results = []
                    else:
                        results = [crashed(chunk[0], exc)]
                future.release()
                yield from results
            top_up()

    def _completed(self, pending: dict[Any, list[Task]]) -> list[Any]:
        """The futures of ``pending`` that are done, waiting until there is at least one. Raises ``BatchError``
        when the cluster has had no worker for ``workerless_seconds`` meanwhile (``WORKERLESS_SECONDS``)."""
        workerless_since: float | None = None
        while True:
            try:
                done, _ = _dask.wait(list(pending), timeout=_POLL_SECONDS, return_when="FIRST_COMPLETED")
                return list(done)
            except TimeoutError:
                pass
            if self._client.nthreads():
                workerless_since = None
                continue
            now = time.monotonic()
            if workerless_since is None:
                workerless_since = now
            elif now - workerless_since >= self.workerless_seconds:
                for future in pending:
                    future.cancel()
                raise BatchError(
                    f"the Dask cluster has had no worker for {self.workerless_seconds:g} s while documents were "
                    "waiting (its workers died or left and none came back): the run stops; what was converted is "
                    "in the report, and --resume goes on once the cluster has workers again"
                )

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


@contextmanager
def _ignoring_sigint() -> Iterator[None]:
    """Start local worker processes with Ctrl-C ignored (the disposition is inherited): a Ctrl-C in the terminal
    reaches the whole process group, and the batch process — not its workers — decides what it means (finish the
    documents in flight)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _WarmUp(WorkerPlugin):
    """A Dask worker plugin: warm the worker up once when it starts (or joins)."""

    def __init__(self, formats: tuple[str, ...]) -> None:
        self.formats = formats

    def setup(self, worker: Any) -> None:
        warm_up(self.formats)
