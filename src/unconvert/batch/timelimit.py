"""The per-document time limit (``--timeout``), which stops the document's work itself, not only the wait for it.

On a process's main thread (``-j 1``, a pool worker) ``SIGALRM`` raises ``DocumentTimeout`` in the work. A Dask
worker runs tasks on other threads, where no signal arrives: there the document runs on a thread of its own, which
is stopped by an exception raised in it (``PyThreadState_SetAsyncExc``: CPython delivers it at the next bytecode
the thread runs), or, stuck in one long native call, left behind after ``STOP_GRACE`` so that the worker goes on.
That thread is made once per calling thread and reused from document to document: starting a thread for each
document cost more than all the rest of the time limit.
"""

from __future__ import annotations

import ctypes
import queue
import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Runner(Protocol):
    """Calls a function and returns what it returns."""

    def __call__(self, function: Callable[[], T], /) -> T: ...


STOP_GRACE = 5.0
"""Seconds a document's thread is given to stop once its time is up, before the worker goes on without it."""


class DocumentTimeout(BaseException):
    """Raised inside a document's work when ``--timeout`` expires. A ``BaseException`` so that no
    ``except Exception`` in a reader or writer can swallow it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Runner]:
    """Yield a runner that calls a function under a time limit of ``seconds`` (none when ``None`` or ``0``): the
    runner raises ``DocumentTimeout`` when the time is up, and the function's work has stopped by then (or, stuck
    in native code, been left behind; see the module's docstring)."""
    if not seconds or seconds <= 0:
        yield _call
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def expire(signum: int, frame: FrameType | None) -> None:
            raise DocumentTimeout

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield _call
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    yield _OnDocumentThread(seconds)


def _call(function: Callable[[], T], /) -> T:
    return function()


def _serve(jobs: queue.SimpleQueue[Any], outcomes: queue.SimpleQueue[Any], started: list[int]) -> None:
    """A document thread's loop: run each ``(job, function)`` handed to it and hand back ``(job, value,
    exception)``, until it gets ``None``. ``started[0]`` is the job it has begun: a stop is only ever sent after
    that (so it never lands before the job is known), and the caller matches outcomes to jobs, ignoring an extra
    one, so a stop landing anywhere after the work returned leaves nothing half-done."""
    while True:
        try:
            for job, function in iter(jobs.get, None):
                started[0] = job
                outcome: tuple[int, Any, BaseException | None]
                try:
                    outcome = (job, function(), None)
                except BaseException as exc:  # handed back to the caller
                    outcome = (job, None, exc)
                outcomes.put(outcome)
                del outcome, function  # the document's data is not kept until the next one
            return
        except DocumentTimeout:  # the stop landed after the work returned: the document's time was up anyway
            outcomes.put((started[0], None, DocumentTimeout()))


class _DocumentThread:
    """A thread that runs documents for one calling thread. It ends when that thread does (the thread-local
    that holds it is dropped, and the finalizer hands it ``None``) or when it is left behind."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.outcomes: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.started = [0]
        self.thread = threading.Thread(
            target=_serve, args=(self.jobs, self.outcomes, self.started), name="unconvert-document", daemon=True
        )
        self.thread.start()
        self.ident = self.thread.ident or 0
        self.count = 0
        weakref.finalize(self, self.jobs.put, None)

    def outcome(self, job: int, seconds: float) -> tuple[int, Any, BaseException | None] | None:
        """The outcome of ``job``, or ``None`` if it has not come within ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                found = self.outcomes.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if found[0] == job:
                return found  # type: ignore[no-any-return]


_local = threading.local()


class _OnDocumentThread:
    """A runner: the function runs on this thread's document thread, stopped after ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, function: Callable[[], T], /) -> T:
        return _on_document_thread(function, self.seconds)


def _on_document_thread(function: Callable[[], T], seconds: float) -> T:
    helper: _DocumentThread | None = getattr(_local, "helper", None)
    if helper is None:
        helper = _local.helper = _DocumentThread()
    helper.count += 1
    job = helper.count
    helper.jobs.put((job, function))
    outcome = helper.outcome(job, seconds)
    if outcome is None:  # time is up: stop the work (a thread so late it has not begun is left behind below)
        if helper.started[0] == job:
            _raise_in(helper.ident, DocumentTimeout)
        outcome = helper.outcome(job, STOP_GRACE)
        if outcome is None:  # stuck in native code: left behind, it ends when its work returns
            _local.helper = None
            helper.jobs.put(None)
            raise DocumentTimeout
        _raise_in(helper.ident, None)  # the work had ended just as its time ran out: nothing must land later
    _, value, error = outcome
    if error is not None:
        raise error
    return value  # type: ignore[no-any-return]


def _raise_in(ident: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in the thread ``ident`` at the next bytecode it runs (``None``: withdraw one not yet
    delivered)."""
    raised = ctypes.py_object(exception) if exception else None  # None: NULL
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), raised)
