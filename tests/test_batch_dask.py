"""``unconvert batch`` on a real Dask ``LocalCluster`` (worker processes): the same outputs and report as the
local process pool, resume works the same, and the per-document time limit stops the work on a worker."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED, install_writer_plugin, sample_dumps
from unconvert import registry
from unconvert.batch import convert_many, read_report

pytest.importorskip("distributed")

import dask

from unconvert.batch.cluster import LOCAL_CLUSTER_CONFIG, DaskExecutor

FORMATS = ["akn", "text"]


def files_of(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def without_timings(out: Path) -> list[dict[str, Any]]:
    records = [{k: v for k, v in r.items() if k != "timings"} for r in read_report(str(out / "report.jsonl"))]
    return sorted(records, key=lambda r: r["source"])


def test_local_cluster_gives_the_same_outputs_and_report_as_a_process_pool(tmp_path: Path) -> None:
    archive = tmp_path / "dumps.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for dump in [SEED, *sample_dumps()]:
            handle.write(dump, f"dumps/{dump.parent.name}/{dump.name}")
        handle.writestr("dumps/broken.txt", b"\x00\x01 not a dump")
    pool_out, dask_out = tmp_path / "pool", tmp_path / "dask"
    pool = convert_many([archive], to=FORMATS, out=pool_out, jobs=2)
    pool.run()
    cluster = convert_many([archive], to=FORMATS, out=dask_out, executor="dask", dask_local=2)
    results = list(cluster)
    assert len(results) == len(sample_dumps()) + 2
    assert cluster.summary.failed == 1
    assert [r.status for r in results if r.source.endswith("broken.txt")] == ["failed"]
    pool_files, dask_files = files_of(pool_out), files_of(dask_out)
    pool_files.pop("report.jsonl")
    dask_files.pop("report.jsonl")
    assert pool_files == dask_files
    assert len(dask_files) == 2 * (len(sample_dumps()) + 1)
    assert without_timings(pool_out) == without_timings(dask_out)

    executor = DaskExecutor(tuple(FORMATS), local_workers=2)
    # no statistical profiler on the local workers (it held the GIL every 10 ms and kept a profile per second), and
    # their event loops wake less often for Dask's own bookkeeping
    for key, value in LOCAL_CLUSTER_CONFIG.items():
        assert list(executor._client.run(dask.config.get, key).values()) == [value] * 2
    resumed = convert_many([archive], to=FORMATS, out=dask_out, executor=executor, resume=True)
    again = list(resumed)
    assert resumed.summary.resumed == len(sample_dumps()) + 1
    assert [r.status for r in again if not r.resumed] == ["failed"]  # a failed document is tried again


def test_cli_runs_on_an_existing_cluster_by_address(tmp_path: Path) -> None:
    from distributed import LocalCluster

    from unconvert.batch_cli import main as batch_main

    dumps = [str(p) for p in [SEED, *sample_dumps()[:4]]]
    serial_out, cluster_out = tmp_path / "serial", tmp_path / "cluster"
    assert batch_main([*dumps, "-o", str(serial_out), "-t", "akn,text", "-j", "1", "-q"]) == 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        args = [*dumps, "-o", str(cluster_out), "-t", "akn,text", "--scheduler", cluster.scheduler_address, "-q"]
        assert batch_main(args) == 0
    serial_files, cluster_files = files_of(serial_out), files_of(cluster_out)
    assert serial_files.pop("report.jsonl") and cluster_files.pop("report.jsonl")
    assert serial_files == cluster_files and len(cluster_files) == 2 * len(dumps)
    assert without_timings(serial_out) == without_timings(cluster_out)


def test_a_document_over_the_time_limit_is_stopped_on_a_dask_worker(tmp_path: Path, monkeypatch: Any) -> None:
    """On a Dask worker the document runs in a thread of a long-lived process: the time limit must stop that
    thread's work, not fail the document and leave the work going on beside the next ones (issue #13). A writer
    plugin that never ends beats into a file; once the document has failed, on the still-running cluster, the
    beating has stopped, and the other document converted."""
    from distributed import LocalCluster

    beat = tmp_path / "beat"
    install_writer_plugin(
        tmp_path,
        monkeypatch,
        "endless",
        "import time\n"
        "def write(document, *, context):\n"
        "    if document.meta.symbol == 'A/RES/64/183':\n"
        f"        with open({str(beat)!r}, 'ab', buffering=0) as f:\n"
        "            while True:\n"
        "                f.write(b'.')\n"
        "                time.sleep(0.02)\n"
        "    return b'x'\n",
    )
    try:
        with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
            sources = [str(SEED), str(sample_dumps()[0])]
            run = convert_many(
                sources, to=["endless"], out=tmp_path / "out", scheduler=cluster.scheduler_address, timeout=3
            )
            results = {r.source: r for r in run}
            stopped = results[str(SEED)]
            assert stopped.status == "failed" and stopped.error is not None and stopped.error.code == "timeout"
            assert results[sources[1]].status in ("ok", "warnings")
            time.sleep(0.5)
            size = beat.stat().st_size
            assert size > 0
            time.sleep(1.5)
            assert beat.stat().st_size == size  # the worker is alive, the document's work is not
    finally:
        registry._plugins.cache_clear()


def test_a_document_that_kills_its_dask_worker_fails_alone(tmp_path: Path, monkeypatch: Any) -> None:
    """A chunk whose worker dies is tried again a document at a time: the document that kills its worker fails
    with ``worker-error`` and the rest of its chunk is converted, as with the process pool."""
    from distributed import LocalCluster

    install_writer_plugin(
        tmp_path,
        monkeypatch,
        "crashy",
        "import os\n"
        "def write(document, *, context):\n"
        "    if document.meta.symbol == 'A/RES/64/183':\n"
        "        os._exit(3)  # as a crash in native code would\n"
        "    return b'x'\n",
    )
    sources = [str(SEED), *(str(p) for p in sample_dumps()[:5])]
    try:
        # Dask gives up on a task after its worker died this many more times (3 by default, each a restart).
        with (
            dask.config.set({"distributed.scheduler.allowed-failures": 0}),
            LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        ):
            run = convert_many(
                sources, to=["text", "crashy"], out=tmp_path / "out", scheduler=cluster.scheduler_address
            )
            results = {r.source: r for r in run}
    finally:
        registry._plugins.cache_clear()
    crashed = results.pop(str(SEED))
    assert crashed.status == "failed"
    assert crashed.error is not None and crashed.error.code == "worker-error"
    assert len(results) == 5 and all(r.status in ("ok", "warnings") for r in results.values()), [
        (r.status, r.error) for r in results.values()
    ]
    assert len(read_report(str(tmp_path / "out" / "report.jsonl"))) == 6


def test_a_cluster_left_without_workers_stops_the_run_instead_of_hanging(tmp_path: Path, monkeypatch: Any) -> None:
    """Dask waits for ever for a worker to run a task; the batch stops with ``BatchError`` once the cluster has had
    none for ``WORKERLESS_SECONDS``, leaves a valid report, and ``--resume`` converts everything once workers are
    back. (Seen in a loaded CI run: a worker killed by a document, its nanny unable to restart it, the run hanging.)"""
    from distributed import Client, LocalCluster

    from unconvert.batch import cluster as cluster_module
    from unconvert.errors import BatchError

    monkeypatch.setattr(cluster_module, "WORKERLESS_SECONDS", 1.0)
    sources = [str(p) for p in sample_dumps()[:3]]
    out = tmp_path / "out"
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        cluster.scale(0)
        deadline = time.monotonic() + 30
        while client.nthreads() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not client.nthreads()
        began = time.monotonic()
        with pytest.raises(BatchError, match="no worker for 1 s"):
            list(convert_many(sources, to=["text"], out=out, scheduler=cluster.scheduler_address))
        assert time.monotonic() - began < 30
        assert read_report(str(out / "report.jsonl")) == []
        assert not list(out.rglob("*.unconvert-tmp"))
        cluster.scale(1)
        client.wait_for_workers(1, timeout=60)
        run = convert_many(sources, to=["text"], out=out, scheduler=cluster.scheduler_address, resume=True)
        assert all(r.status in ("ok", "warnings") for r in run)
    assert len(read_report(str(out / "report.jsonl"))) == 3
