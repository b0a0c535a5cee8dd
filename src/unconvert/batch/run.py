"""One batch run: enumerate the sources, hand tasks to an executor, commit each document, write the report.

The parent alone renames outputs into place and writes the report. Results come back from the executor in
completion order but are *committed in source order* (a small reorder buffer): names chosen on a collision, the
report's order and so the whole output tree are the same however the work was scheduled. A document is committed
all at once — outputs renamed, then its report line — and made durable a group of documents at a time
(``durability.py``: the group's outputs synced, then its report lines written and fsync'd), so a crash leaves
either the whole document or nothing that ``--resume`` would trust.

The run holds a lock on the output directory (``lock.py``). When the machine refuses to store an output (disk
full, permission denied, read-only file system) the run stops where it is, reports nothing for the document
that met it, and raises ``StorageError``: once the cause is fixed, ``--resume`` continues.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from unconvert import registry
from unconvert.batch.durability import GroupCommit
from unconvert.batch.execution import Executor
from unconvert.batch.executors import ProcessExecutor, make_executor
from unconvert.batch.lock import OutputLock
from unconvert.batch.outputs import Namer, commit, discard, remove_stale_temporaries
from unconvert.batch.report import Record, ReportWriter, diagnostic_json, failure_json, load_index, timings_json
from unconvert.batch.settings import DEFAULT_TIMEOUT, DOCUMENT_PATTERN, FAIL_ON, GROUP_DOCUMENTS, GROUP_SECONDS, Limits
from unconvert.batch.sources import SourceProblem, SourceRef, expand
from unconvert.batch.work import (
    STORAGE_ERRNOS,
    Failure,
    Output,
    Previous,
    Task,
    Timings,
    WorkResult,
    convert_one,
    output_failure,
)
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic, Severity
from unconvert.errors import BatchError, StorageError


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What became of one document. ``outputs`` have paths relative to the output directory. ``diagnostics`` are
    the reader's and the batch's, then the writers' (whose codes start with their format: ``akn-…``).
    ``resumed`` is True
    when an earlier run had already converted it (``--resume``): then ``status`` is ``skipped`` and ``record`` is
    that run's report line, not a new one."""

    source: str
    id: str
    status: str
    symbol: str | None = None
    outputs: tuple[Output, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    error: Failure | None = None
    resumed: bool = False
    record: Record | None = None


@dataclass(slots=True)
class FormatCounts:
    """Per output format: outputs written, documents its writer failed on, bytes written, and documents its
    writer reported a warning for (what it had to adapt)."""

    written: int = 0
    failed: int = 0
    bytes: int = 0
    warned: int = 0


@dataclass(slots=True)
class Summary:
    """Counts of a run. ``skipped`` includes ``resumed`` (converted by an earlier run) and refused sources."""

    out: str
    report: str
    total: int
    ok: int = 0
    warnings: int = 0
    failed: int = 0
    skipped: int = 0
    resumed: int = 0
    collisions: int = 0
    formats: dict[str, FormatCounts] = field(default_factory=dict)
    interrupted: bool = False
    elapsed: float = 0.0

    @property
    def done(self) -> int:
        return self.ok + self.warnings + self.failed + self.skipped

    def exit_status(self, fail_on: str = "failed") -> int:
        """130 if interrupted; 1 if ``fail_on`` is ``failed`` and a document failed, or ``warnings`` and a
        document failed, had warnings or was refused; else 0."""
        if fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}")
        if self.interrupted:
            return 130
        if fail_on == "failed" and self.failed:
            return 1
        if fail_on == "warnings" and (self.failed or self.warnings or self.skipped > self.resumed):
            return 1
        return 0


class BatchRun:
    """A batch, ready to run: iterate it to convert (yields a ``DocumentResult`` per document, in source order),
    then read ``summary``. ``total`` is known before the first document is converted."""

    def __init__(
        self,
        sources: Iterable[str | os.PathLike[str]],
        *,
        to: Sequence[str],
        out: str | os.PathLike[str],
        executor: Executor,
        resume: bool = False,
        report: str | os.PathLike[str] | None = None,
        by_symbol: bool = False,
        split_formats: bool = False,
        timeout: float | None = DEFAULT_TIMEOUT,
        limits: Limits | None = None,
        pattern: str = DOCUMENT_PATTERN,
        context: Context | None = None,
        stop: threading.Event | None = None,
        sync_every: int = GROUP_DOCUMENTS,
        sync_seconds: float = GROUP_SECONDS,
    ) -> None:
        self.formats = tuple(registry.get_format(fmt, "writer").name for fmt in to)
        if not self.formats:
            raise BatchError("no output format given")
        self.out = os.path.abspath(out)
        if os.path.exists(self.out) and not os.path.isdir(self.out):
            raise BatchError(f"output path exists and is not a directory: {out}")
        self.report_path = os.path.abspath(report) if report else os.path.join(self.out, "report.jsonl")
        self.limits: Limits = limits or Limits()
        self.items: list[SourceRef | SourceProblem] = list(
            expand(sources, pattern=pattern, limits=self.limits, exclude=self.out)
        )
        if not self.items:
            raise BatchError("the sources contain no documents")
        unique: dict[str, SourceRef | SourceProblem] = {}
        for item in self.items:  # a document named twice (a directory and a file in it) is converted once
            unique.setdefault(item.ident or item.key, item)
        self.items = list(unique.values())
        self.total = len(self.items)
        self.executor = executor
        self.resume = resume
        self.namer = Namer(self.out, self.formats, by_symbol=by_symbol, split_formats=split_formats)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.now = (context or Context.from_env()).now
        self.stop = stop or threading.Event()
        self.sync_every, self.sync_seconds = sync_every, sync_seconds
        self.summary = Summary(
            out=self.out, report=self.report_path, total=self.total, formats={f: FormatCounts() for f in self.formats}
        )
        self._started = False

    def __iter__(self) -> Iterator[DocumentResult]:
        if self._started:
            raise BatchError("a batch runs once")
        self._started = True
        return self._run()

    def run(self) -> Summary:
        """Convert everything and return the summary."""
        for _ in self:
            pass
        return self.summary

    def _run(self) -> Iterator[DocumentResult]:
        began = time.perf_counter()
        lock = OutputLock(self.out)
        try:
            try:
                os.makedirs(self.out, exist_ok=True)
            except OSError as exc:
                raise BatchError(f"cannot create output directory {self.out}: {exc.strerror or exc}") from exc
            lock.acquire()  # before anything in OUTDIR is touched: another run's temporaries, its report
        except BaseException:
            self.executor.close()  # a Dask cluster started for the run must not outlive it
            raise
        try:
            yield from self._locked(began)
        finally:
            lock.release()

    def _locked(self, began: float) -> Iterator[DocumentResult]:
        remove_stale_temporaries(self.out)
        try:
            index = load_index(self.report_path) if self.resume else {}
        except OSError as exc:
            raise _storage(exc, f"cannot read the report {self.report_path}") from exc
        for item in self.items:
            if isinstance(item, SourceRef) and item.kind == "file":
                self.namer.reserve(item.path, "<input>")
        for ident, record in index.items():
            if record.get("status") in ("ok", "warnings"):
                for output in record.get("outputs", []):
                    self.namer.reserve(os.path.join(self.out, output["path"]), ident)
        try:
            writer = ReportWriter(self.report_path, append=self.resume)
        except OSError as exc:
            raise _storage(exc, f"cannot write the report {self.report_path}") from exc
        self._index = index
        self._group = GroupCommit(writer, self.out, documents=self.sync_every, seconds=self.sync_seconds)
        self._buffer: dict[int, WorkResult] = {}
        self._cursor = 0
        self._frontier = 0
        try:
            for result in self.executor.run(convert_one, self._tasks(index)):
                self._buffer[result.index] = result
                yield from self._advance()
            yield from self._advance()
            self.summary.interrupted = self._cursor < self.total
        finally:
            discard(o.path for r in self._buffer.values() for o in r.outputs)
            self.executor.close()
            # A worker of a killed earlier run, or one abandoned on a timeout, may have written after the start.
            remove_stale_temporaries(self.out)
            try:
                self._close_group()  # what is committed so far becomes durable, even when the run stops on an error
            finally:
                writer.close()
                self.summary.elapsed = time.perf_counter() - began

    def _tasks(self, index: dict[str, Record]) -> Iterator[Task]:
        for position, item in enumerate(self.items):
            if self.stop.is_set():
                return
            self._frontier = position + 1
            if isinstance(item, SourceProblem):
                continue
            yield Task(
                index=position,
                source=item,
                formats=self.formats,
                directories=tuple(self.namer.directory(item, fmt) for fmt in self.formats),
                now=self.now,
                limits=self.limits,
                timeout=self.timeout,
                previous=self._previous(index.get(item.ident)),
            )

    def _previous(self, record: Record | None) -> Previous | None:
        if record is None or record.get("status") not in ("ok", "warnings") or not record.get("input_sha256"):
            return None
        outputs = {o["format"]: o for o in record.get("outputs", [])}
        if not set(self.formats) <= set(outputs):
            return None  # a format the earlier run did not write: the document is converted again
        # Fewer formats than the earlier run (``-t akn`` after ``-t akn,pdf``): the document is done when the
        # outputs asked for now are still there.
        return Previous(
            input_sha256=record["input_sha256"],
            outputs=tuple((os.path.join(self.out, outputs[f]["path"]), int(outputs[f]["size"])) for f in self.formats),
        )

    def _advance(self) -> Iterator[DocumentResult]:
        while self._cursor < self._frontier:
            item = self.items[self._cursor]
            if isinstance(item, SourceProblem):
                yield self._commit_problem(item)
            elif self._cursor in self._buffer:
                yield self._commit(item, self._buffer.pop(self._cursor))
            else:
                return
            self._cursor += 1

    def _commit_problem(self, problem: SourceProblem) -> DocumentResult:
        failure = Failure(problem.code, problem.message, type="SourceError")
        name = PurePosixPath(problem.rel).name
        doc_id = name[:-4] if name.lower().endswith(".txt") else name
        self._count(problem.status)
        record = self._record(problem.key, problem.ident or problem.key, doc_id, problem.status, failure=failure)
        previous = self._index.get(problem.ident or problem.key)
        if previous is None or previous.get("status") != problem.status:
            self._write(record)
        return DocumentResult(problem.key, doc_id, problem.status, error=failure, record=record)

    def _commit(self, ref: SourceRef, result: WorkResult) -> DocumentResult:
        if result.failure is not None and result.failure.code == "storage-error":
            discard(o.path for o in result.outputs)
            self.stop.set()
            raise StorageError(
                f"{ref.key}: {result.failure.message}; stopped (nothing reported for this document): "
                "free space or fix the permissions, then run again with --resume"
            )
        if result.status == "done":
            self.summary.resumed += 1
            self.summary.skipped += 1
            record = self._index[ref.ident]
            kept = tuple(
                Output(o["format"], o["path"], o["sha256"], o["size"])
                for o in record["outputs"]
                if o["format"] in self.formats
            )
            return DocumentResult(
                ref.key, ref.stem, "skipped", symbol=record.get("symbol"), outputs=kept, resumed=True, record=record
            )
        status = result.status
        failure = result.failure
        diagnostics = list(result.diagnostics)
        if ref.occurrence > 1:
            message = f"the archive holds {ref.occurrence} or more members named {ref.member}; this is number "
            message += f"{ref.occurrence}, reported as {ref.key}"
            diagnostics.append(Diagnostic.warning("duplicate-member", message))
            if status == "ok":
                status = "warnings"
        outputs: tuple[Output, ...] = ()
        if status in ("ok", "warnings"):
            finals, collided = self.namer.claim(ref, result.symbol, result.language)
            if collided is not None:
                self.summary.collisions += 1
                chosen = os.path.basename(finals[self.formats[0]])
                message = f"output name {collided} is taken by another document; written as {chosen}"
                diagnostics.append(Diagnostic.warning("output-name-collision", message))
                status = "warnings"
            try:
                commit((output.path, finals[output.format]) for output in result.outputs)
            except OSError as exc:
                discard(o.path for o in result.outputs)
                if exc.errno in STORAGE_ERRNOS:
                    self.stop.set()
                    raise _storage(exc, f"{ref.key}: cannot write output") from exc
                status, failure = "failed", output_failure(exc, None)
            else:
                outputs = tuple(
                    Output(o.format, self.namer.relative(finals[o.format]), o.sha256, o.size) for o in result.outputs
                )
            for output in outputs:
                counts = self.summary.formats[output.format]
                counts.written += 1
                counts.bytes += output.size
            for fmt in {f for f, d in result.writer_diagnostics if d.severity is Severity.WARNING}:
                if fmt in self.summary.formats:
                    self.summary.formats[fmt].warned += 1
        elif failure is not None and failure.format in self.summary.formats:
            self.summary.formats[failure.format].failed += 1
        self._count(status)
        record = self._record(
            ref.key,
            ref.ident,
            ref.stem,
            status,
            result=result,
            outputs=outputs,
            diagnostics=tuple(diagnostics),
            writer_diagnostics=result.writer_diagnostics,
            failure=failure,
        )
        self._write(record, [os.path.join(self.out, o.path) for o in outputs])
        return DocumentResult(
            ref.key,
            ref.stem,
            status,
            symbol=result.symbol,
            outputs=outputs,
            diagnostics=(*diagnostics, *(d for _, d in result.writer_diagnostics)),
            error=failure,
            record=record,
        )

    def _write(self, record: Record, outputs: Sequence[str] = ()) -> None:
        try:
            self._group.add(record, outputs)
        except OSError as exc:
            self.stop.set()
            raise _storage(exc, f"cannot write the report {self.report_path}") from exc

    def _close_group(self) -> None:
        try:
            self._group.close()
        except OSError as exc:
            self.stop.set()
            raise _storage(exc, f"cannot write the report {self.report_path}") from exc

    def _count(self, status: str) -> None:
        setattr(self.summary, status, getattr(self.summary, status) + 1)

    @staticmethod
    def _record(
        source: str,
        resolved: str,
        doc_id: str,
        status: str,
        *,
        result: WorkResult | None = None,
        outputs: tuple[Output, ...] = (),
        diagnostics: tuple[Diagnostic, ...] = (),
        writer_diagnostics: tuple[tuple[str, Diagnostic], ...] = (),
        failure: Failure | None = None,
    ) -> Record:
        return {
            "source": source,
            "resolved": resolved,
            "id": doc_id,
            "symbol": result.symbol if result else None,
            "language": result.language if result else None,
            "input_sha256": result.input_sha256 if result else None,
            "input_size": result.input_size if result else None,
            "status": status,
            "outputs": [{"format": o.format, "path": o.path, "sha256": o.sha256, "size": o.size} for o in outputs],
            "diagnostics": [
                *(diagnostic_json(d) for d in diagnostics),
                *(diagnostic_json(d, fmt) for fmt, d in writer_diagnostics),
            ],
            "error": failure_json(failure),
            "timings": timings_json(result.timings if result else Timings()),
        }


def convert_many(
    sources: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    to: Sequence[str] | str = ("akn",),
    *,
    out: str | os.PathLike[str],
    jobs: int | None = None,
    executor: str | Executor | None = None,
    scheduler: str | None = None,
    dask_local: int | None = None,
    resume: bool = False,
    report: str | os.PathLike[str] | None = None,
    by_symbol: bool = False,
    split_formats: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    limits: Limits | None = None,
    pattern: str = DOCUMENT_PATTERN,
    context: Context | None = None,
    stop: threading.Event | None = None,
    sync_every: int = GROUP_DOCUMENTS,
    sync_seconds: float = GROUP_SECONDS,
) -> BatchRun:
    """Convert many documents: files, directories, globs, zip and tar archives.

        >>> run = convert_many(["dumps.zip"], to=["akn", "text"], out="out", jobs=2)
        >>> for result in run:                      # DocumentResult per document, in source order
        ...     if result.status == "failed": print(result.source, result.error)
        >>> run.summary.exit_status()               # counts, per format; report in out/report.jsonl

    ``executor`` is ``"serial"``, ``"process"`` (``jobs`` workers, default all cores), ``"dask"`` (``scheduler``
    address, or a local cluster of ``dask_local`` or ``jobs`` workers) or an ``Executor``; by default ``jobs=1``
    runs in this process, more a process pool, and ``scheduler``/``dask_local`` Dask. Setting ``stop`` makes the
    run finish the documents in flight, report them, and end (``summary.interrupted``). ``timeout`` (seconds per
    document, ``DEFAULT_TIMEOUT`` by default; ``None`` or 0 for none) fails a document that takes longer.
    Outputs and report lines are made durable ``sync_every`` documents at a time, or after ``sync_seconds``
    (``durability.py``; ``sync_every=1`` syncs each document on its own).
    Iterating raises ``BatchError`` when another run holds the output directory and ``StorageError`` when the
    machine refuses to store an output (disk full, permission denied): the report is valid up to there.
    """
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    formats = [f.strip() for f in to.split(",")] if isinstance(to, str) else list(to)
    names = tuple(registry.get_format(fmt, "writer").name for fmt in formats if fmt)
    chosen: Executor
    if executor is None or isinstance(executor, str):
        if executor == "serial":
            chosen = make_executor(names, jobs=1)
        elif executor == "process":
            chosen = ProcessExecutor(jobs or os.cpu_count() or 1, names)
        elif executor == "dask":
            chosen = make_executor(names, scheduler=scheduler, dask_local=dask_local or jobs or os.cpu_count() or 1)
        elif executor is None:
            chosen = make_executor(names, jobs=jobs, scheduler=scheduler, dask_local=dask_local)
        else:
            raise BatchError(f"unknown executor {executor!r} (serial, process, dask)")
    else:
        chosen = executor
    try:
        return BatchRun(
            sources,
            to=names,
            out=out,
            executor=chosen,
            resume=resume,
            report=report,
            by_symbol=by_symbol,
            split_formats=split_formats,
            timeout=timeout,
            limits=limits,
            pattern=pattern,
            context=context,
            stop=stop,
            sync_every=sync_every,
            sync_seconds=sync_seconds,
        )
    except BaseException:
        chosen.close()
        raise


def _storage(exc: OSError, what: str) -> StorageError:
    """An OS error met storing the batch's own files (outputs, the report): the run cannot go on usefully."""
    return StorageError(f"{what}: {exc.strerror or exc}", path=exc.filename, errno=exc.errno)
