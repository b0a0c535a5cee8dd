"""``unconvert batch`` on a real Dask ``LocalCluster`` (worker processes): the same outputs and report as the
local process pool, and resume works the same."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED, sample_dumps
from unconvert.batch import convert_many, read_report

pytest.importorskip("distributed")

import dask

from unconvert.batch.cluster import DaskExecutor

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
    # no statistical profiler on the local workers (it held the GIL every 10 ms and kept a profile per second)
    assert list(executor._client.run(dask.config.get, "distributed.worker.profile.enabled").values()) == [False] * 2
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
