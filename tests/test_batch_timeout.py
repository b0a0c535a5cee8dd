"""The per-document time limit stops the work itself (issue #13): on a pool worker's main thread by ``SIGALRM``, on
a Dask worker's thread by an exception raised in the thread that runs the document, which used to be abandoned and
go on converting beside the next documents. That thread runs one document after another (issue #14), so a stop must
never land in the next document."""

from __future__ import annotations

import random
import threading
import time

import pytest

from unconvert.batch import timelimit
from unconvert.batch.timelimit import DocumentTimeout, time_limit


def endless(stopped: threading.Event) -> object:
    try:
        while True:
            sum(range(100))
    finally:
        stopped.set()


def test_on_a_worker_thread_the_document_is_stopped_not_abandoned() -> None:
    stopped = threading.Event()
    outcome: list[str] = []

    def dask_task() -> None:  # a Dask worker runs tasks on threads other than the main one
        try:
            with time_limit(0.2) as run:
                run(lambda: endless(stopped))  # type: ignore[arg-type, return-value]
        except DocumentTimeout:
            outcome.append("timeout")

    worker = threading.Thread(target=dask_task)
    worker.start()
    worker.join(60)
    assert outcome == ["timeout"]
    assert stopped.wait(10)  # the loop itself ended


def test_on_the_main_thread_the_alarm_stops_the_document() -> None:
    stopped = threading.Event()
    with pytest.raises(DocumentTimeout), time_limit(0.2) as run:
        run(lambda: endless(stopped))  # type: ignore[arg-type, return-value]
    assert stopped.is_set()


def test_a_stop_landing_as_a_document_ends_never_reaches_the_next_one() -> None:
    """Documents that end just about when their time is up, each followed by a quick one: the quick ones are
    never stopped, and no document waits for a thread that missed its stop."""
    problems: list[str] = []

    def documents() -> None:
        chance = random.Random(14)
        for _ in range(400):
            length = chance.uniform(0.0, 0.006)

            def busy(length: float = length) -> str:
                end = time.perf_counter() + length
                while time.perf_counter() < end:
                    pass
                return "done"

            began = time.perf_counter()
            try:
                with time_limit(0.003) as run:
                    run(busy)
            except DocumentTimeout:
                pass
            if time.perf_counter() - began > timelimit.STOP_GRACE:
                problems.append("left behind")
            try:
                with time_limit(5) as run:
                    assert run(lambda: sum(range(10))) == 45
            except DocumentTimeout:
                problems.append("a quick document was stopped")

    worker = threading.Thread(target=documents)
    worker.start()
    worker.join(120)
    assert not worker.is_alive()
    assert problems == []


def test_a_document_stuck_in_native_code_is_left_behind_and_the_next_one_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop lands at the next bytecode: a document inside one long native call (here a sleep) cannot take it.
    After ``STOP_GRACE`` the worker goes on without it."""
    monkeypatch.setattr(timelimit, "STOP_GRACE", 0.5)
    outcome: list[object] = []

    def dask_task() -> None:
        began = time.perf_counter()
        try:
            with time_limit(0.2) as run:
                run(lambda: time.sleep(5))
        except DocumentTimeout:
            outcome.append(time.perf_counter() - began < 2)
        with time_limit(5) as run:
            outcome.append(run(lambda: "next"))

    worker = threading.Thread(target=dask_task)
    worker.start()
    worker.join(60)
    assert outcome == [True, "next"]
