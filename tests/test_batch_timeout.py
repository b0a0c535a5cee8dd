"""The per-document time limit stops the work itself (issue #13): on a pool worker's main thread by ``SIGALRM``, on
a Dask worker's thread by an exception raised in the thread that runs the document, which used to be abandoned and
go on converting beside the next documents."""

from __future__ import annotations

import threading

import pytest

from unconvert.batch.work import DocumentTimeout, _time_limit


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
            with _time_limit(0.2) as run:
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
    with pytest.raises(DocumentTimeout), _time_limit(0.2) as run:
        run(lambda: endless(stopped))  # type: ignore[arg-type, return-value]
    assert stopped.is_set()
