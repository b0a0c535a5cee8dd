"""CPU time per document of a batch, process pool against Dask, and the workers' memory over the run: figures that
mean something on a shared machine, where throughput does not (issue #14).

    python benchmarks/bench_batch_cpu.py [--count 1000] [--formats akn,text] [--runs pool,dask] [--rounds 3]
                                         [--compare OTHER_SRC] [--corpus DIR]
    python benchmarks/bench_batch_cpu.py --idle 15 [--rounds 3] [--compare OTHER_SRC]

A zip of ``--count`` dumps (the corpus repeated under distinct member names) is converted with a 2-worker process
pool (``-j 2``) and a 2-worker Dask ``LocalCluster``. For each run it sums the CPU time (user + system) of the whole
process tree — the batch process (its committing thread and, for Dask, the scheduler, the client and the nannies,
which live in it) and every worker — between the moment 10 % of the documents are committed and the end, and
divides it by the documents the workers converted in between (counted by the outputs they wrote, so that those in
flight count for neither side): the steady cost of a document, without the start-up (imports, warm-up, starting
the cluster). It also prints the resident size (RSS) of every worker at 10 %, 50 % and 100 % of the run, and how
busy the workers were (their CPU over the wall time: under 1 when the machine is shared, or when they wait).

``--tiny`` fills the archive with members of a few bytes that are no document (each fails at once): what is left
is the batch's own cost per document — handing it out, its result back, committing and reporting it.

``--idle S`` measures instead the CPU an idle 2-worker cluster spends per second for its own bookkeeping (event loop
ticks, monitors, heartbeats): a batch pays it beside its documents.

``--compare SRC`` runs each measurement twice per round, once with this checkout's ``src`` and once with SRC (for
example ``../base/src``), alternated, each in a fresh interpreter, and prints the medians and their ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
MARKS = (0.1, 0.5, 1.0)

Shot = dict[int, tuple[float, int, bool]]  # pid -> (CPU seconds, RSS bytes, is a worker)


def corpus_dumps(corpus: Path | None) -> list[Path]:
    for candidate in (corpus, ROOT.parent.parent / "shared" / "corpus", ROOT / "tests" / "data" / "corpus"):
        if candidate is not None and candidate.is_dir():
            dumps = sorted(p for p in candidate.rglob("*.txt") if p.with_suffix(".gold.json").exists())
            if dumps:
                return dumps
    sys.exit("no corpus found")


def build_archive(path: Path, dumps: list[Path] | None, count: int) -> None:
    """``count`` members, the dumps in turn, or (``dumps`` None) a few bytes that are no document."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i in range(count):
            if dumps is None:
                archive.writestr(f"{i // 1000:02d}/{i:05d}_empty.txt", b"\x00 not a dump\n")
            else:
                dump = dumps[i % len(dumps)]
                archive.write(dump, f"{i // 1000:02d}/{i:05d}_{dump.name}")


def is_worker(process: psutil.Process) -> bool:
    """A process that converts documents: a leaf of the tree other than this one and the resource tracker (the
    pool's fork server has the workers as children)."""
    try:
        command = " ".join(process.cmdline())
        return not process.children() and "resource_tracker" not in command and process.pid != os.getpid()
    except psutil.Error:
        return False


def snapshot() -> Shot:
    me = psutil.Process()
    found = {}
    for process in [me, *me.children(recursive=True)]:
        try:
            with process.oneshot():
                times = process.cpu_times()
                found[process.pid] = (times.user + times.system, process.memory_info().rss, is_worker(process))
        except psutil.Error:
            continue
    return found


def spent(first: Shot, last: Shot, workers: bool | None = None) -> float:
    """CPU seconds spent between two snapshots by the workers (``True``), the others (``False``) or all."""
    return sum(
        cpu - first.get(pid, (0.0, 0, worker))[0]
        for pid, (cpu, _, worker) in last.items()
        if workers is None or worker == workers
    )


def converted(out: Path, formats: list[str], done: int, tiny: bool) -> int:
    """Documents whose outputs the workers have written, under their temporary or their final names (``done``, the
    documents committed, for ``--tiny`` ones, which have no outputs)."""
    if tiny:
        return done
    files = sum(len(names) for _, _, names in os.walk(out))
    return (files - 2) // len(formats)  # not the report and the lock file


def convert(kind: str, archive: Path, out: Path, formats: list[str], tiny: bool) -> dict[str, Any]:
    """Convert the archive once with ``kind`` (``pool`` or ``dask``); return the figures."""
    from unconvert.batch import convert_many

    shutil.rmtree(out, ignore_errors=True)
    options: dict[str, Any] = {"jobs": 2} if kind == "pool" else {"executor": "dask", "dask_local": 2}
    run = convert_many([archive], to=formats, out=out, **options)
    marks = {max(1, round(run.total * mark)): mark for mark in MARKS}
    shots: dict[float, Shot] = {}
    counts: dict[float, int] = {}
    clocks: dict[float, float] = {}
    for done, _ in enumerate(run, start=1):
        if done in marks:
            mark = marks[done]
            shots[mark], clocks[mark] = snapshot(), time.perf_counter()
            counts[mark] = converted(out, formats, done, tiny)
    first, last = shots[MARKS[0]], shots[MARKS[-1]]
    documents = counts[MARKS[-1]] - counts[MARKS[0]]
    workers = [pid for pid, (_, _, worker) in last.items() if worker]
    return {
        "kind": kind,
        "failed": 0 if tiny else run.summary.failed,
        "documents": documents,
        "cpu_ms": spent(first, last) / documents * 1000,
        "workers_ms": spent(first, last, True) / documents * 1000,
        "parent_ms": spent(first, last, False) / documents * 1000,
        "busy": spent(first, last, True) / (clocks[MARKS[-1]] - clocks[MARKS[0]]) / max(1, len(workers)),
        "rss": {str(pid): [shots[mark].get(pid, (0.0, 0, True))[1] / 2**20 for mark in MARKS] for pid in workers},
        "load": os.getloadavg()[0],
    }


def idle(seconds: float) -> dict[str, Any]:
    """Start a 2-worker Dask ``LocalCluster`` as a batch does, leave it idle for ``seconds``; return the CPU its
    processes spent per second."""
    from unconvert.batch.executors import make_executor

    executor = make_executor(("akn", "text"), dask_local=2)
    try:
        time.sleep(2)  # the workers' start-up is over
        first, began = snapshot(), time.perf_counter()
        time.sleep(seconds)
        last, elapsed = snapshot(), time.perf_counter() - began
    finally:
        executor.close()
    return {
        "kind": "idle",
        "cpu_ms_per_s": spent(first, last) / elapsed * 1000,
        "parent_ms_per_s": (last[os.getpid()][0] - first[os.getpid()][0]) / elapsed * 1000,
        "load": os.getloadavg()[0],
    }


def show(label: str, figures: dict[str, Any]) -> None:
    load = f"load {figures['load']:.1f}"
    if figures["kind"] == "idle":
        print(
            f"{label:>18}: idle cluster {figures['cpu_ms_per_s']:6.1f} ms CPU per second "
            f"(batch process {figures['parent_ms_per_s']:5.1f}; {load})"
        )
        return
    print(
        f"{label:>18}: {figures['cpu_ms']:6.2f} ms CPU/doc (workers {figures['workers_ms']:6.2f}, batch process "
        f"{figures['parent_ms']:5.2f}; over {figures['documents']} docs; workers busy {figures['busy']:.2f}; {load})"
        + (f" FAILED {figures['failed']}" if figures["failed"] else "")
    )
    for pid, sizes in sorted(figures["rss"].items()):
        growth = (sizes[-1] / sizes[0] - 1) * 100 if sizes[0] else float("nan")
        shown = " -> ".join(f"{size:6.1f}" for size in sizes)
        print(f"{'':>20}worker {pid}: RSS {shown} MiB at 10/50/100 % ({growth:+.1f} %)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--formats", default="akn,text")
    parser.add_argument("--runs", default="pool,dask")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--compare", type=Path, help="another checkout's src directory, alternated with this one")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--tiny", action="store_true", help="members of a few bytes, no document: the overhead")
    parser.add_argument("--idle", type=float, default=0.0, help="only measure an idle 2-worker cluster, S seconds")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: one measurement, printed as JSON
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    formats = args.formats.split(",")
    if args.one == "idle":
        print(json.dumps(idle(args.idle)))
        return
    if args.one:
        out = args.archive.parent / f"out-{os.getpid()}"
        print(json.dumps(convert(args.one, args.archive, out, formats, args.tiny)))
        return
    runs = ["idle"] if args.idle else args.runs.split(",")
    field = "cpu_ms_per_s" if args.idle else "cpu_ms"
    work = Path(tempfile.mkdtemp(prefix="bench_batch_cpu_"))
    try:
        archive = work / "dumps.zip"
        if not args.idle:
            build_archive(archive, None if args.tiny else corpus_dumps(args.corpus), args.count)
        trees = {"this": ROOT / "src"}
        if args.compare:
            trees["other"] = args.compare.resolve()
        what = f"{args.count} {'tiny non-documents' if args.tiny else 'dumps'}, formats {args.formats}"
        what = f"an idle cluster for {args.idle:g} s" if args.idle else what
        print(f"{what}; {psutil.cpu_count()} cores; " + ", ".join(f"{k} = {v}" for k, v in trees.items()))
        results: dict[tuple[str, str], list[float]] = {}
        for round_ in range(1, args.rounds + 1):
            for kind in runs:
                order = list(trees.items()) if round_ % 2 else list(reversed(trees.items()))
                for name, src in order:
                    command = [sys.executable, __file__, "--one", kind, "--archive", str(archive)]
                    command += ["--formats", args.formats, "--idle", str(args.idle)] + ["--tiny"] * args.tiny
                    environment = {**os.environ, "PYTHONPATH": str(src)}
                    output = subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
                    figures = json.loads(output.stdout.strip().splitlines()[-1])
                    results.setdefault((kind, name), []).append(float(figures[field]))
                    show(f"round {round_} {kind} {name}", figures)
        print(f"medians of CPU ms per {'second' if args.idle else 'document'}:")
        medians = {key: statistics.median(values) for key, values in results.items()}
        for (kind, name), value in medians.items():
            print(f"{kind:>6} {name:>6}: {value:6.2f}")
        for kind in runs:
            if (kind, "other") in medians:
                print(f"{kind}: this / other = {medians[(kind, 'this')] / medians[(kind, 'other')]:.3f}")
        for name in trees:
            if ("pool", name) in medians and ("dask", name) in medians:
                print(f"{name}: dask / pool = {medians[('dask', name)] / medians[('pool', name)]:.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
