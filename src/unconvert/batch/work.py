"""The work done for one document, wherever it runs (in-process, a pool worker, a Dask worker).

``convert_one(task)`` reads the source bytes itself (a task carries a reference, not bytes), hashes them, reads the
document, runs every requested writer (keeping what each reported it had to adapt) and writes each output to a
temporary file in its final directory (synced later, a group at a time). It never raises for a problem with the
document: every outcome, including a timeout, is a ``WorkResult``. Renaming the temporary files to their final
names and reporting is the parent's job (``unconvert.batch.run``), so that a document is either wholly there or not
at all.
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import os
import signal
import threading
import time
from contextlib import suppress
from dataclasses import dataclass, field

from unconvert import api, registry
from unconvert.batch import memory
from unconvert.batch.settings import Limits
from unconvert.batch.sources import SourceError, SourceRef, read_source
from unconvert.batch.timelimit import DocumentTimeout, time_limit
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic, Severity
from unconvert.errors import FormatError, ReadError, WriteError

TMP_SUFFIX = ".unconvert-tmp"

# OS errors that say the machine refused to store an output — not the document's fault, and the next documents
# would meet them too: the batch stops and exits 2 (``StorageError``), and ``--resume`` continues once fixed.
STORAGE_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EIO", "EFBIG")
    if hasattr(errno, name)
)


def temporary_name(task_ident: str, index: int, fmt: str) -> str:
    """A short hidden name (``.<16 hex>.<pid>.unconvert-tmp``, under 50 bytes) for a temporary output, whatever
    the length of the document's own name."""
    digest = hashlib.sha256(f"{task_ident}\0{index}\0{fmt}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f".{digest}.{os.getpid()}{TMP_SUFFIX}"


@dataclass(frozen=True, slots=True)
class Previous:
    """What an earlier run reported for a source, for ``--resume``: its input hash and its outputs
    (absolute paths and sizes). The worker skips the document when both still hold."""

    input_sha256: str
    outputs: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Task:
    """One document to convert. ``directories[i]`` is where the output of ``formats[i]`` goes."""

    index: int
    source: SourceRef
    formats: tuple[str, ...]
    directories: tuple[str, ...]
    now: _dt.datetime
    limits: Limits = field(default_factory=Limits)
    timeout: float | None = None
    previous: Previous | None = None


@dataclass(frozen=True, slots=True)
class Output:
    """One written output: ``path`` is the temporary file until the parent renames it, then the final one."""

    format: str
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a document failed: ``code`` is stable (``read-error``, ``write-error``, ``timeout``…)."""

    code: str
    message: str
    type: str = ""
    format: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Timings:
    """Seconds spent per stage: reading the source and the document, each writer, writing to disk."""

    read: float = 0.0
    write: tuple[tuple[str, float], ...] = ()
    disk: float = 0.0
    total: float = 0.0


@dataclass(frozen=True, slots=True)
class WorkResult:
    """The outcome of one task. ``status`` is ``ok``, ``warnings`` (the reader or a writer reported a warning),
    ``failed``, or ``done`` (already converted by an earlier run: ``--resume``). ``diagnostics`` are the
    reader's, ``writer_diagnostics`` what each writer reported, with its format."""

    index: int
    status: str
    input_sha256: str | None = None
    input_size: int | None = None
    symbol: str | None = None
    language: str | None = None
    outputs: tuple[Output, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    writer_diagnostics: tuple[tuple[str, Diagnostic], ...] = ()
    failure: Failure | None = None
    timings: Timings = field(default_factory=Timings)


def warm_up(formats: tuple[str, ...]) -> None:
    """Load the reader and the writers once per worker, and run each writer on a tiny document so that what
    they build lazily (the compiled XSD, fonts, templates) is ready before the first real document."""
    from unconvert.tree import Document
    from unconvert.tree.meta import DocKind, Language, Meta, Organ

    tiny = Document(
        meta=Meta(kind=DocKind.RESOLUTION, organ=Organ.GA, language=Language.EN, symbol="A/RES/1/1", number="1/1")
    )
    context = Context.fixed()
    for reader in registry.BUILTIN:
        if reader.kind == "reader":
            with suppress(FormatError):
                registry.reader(reader.name)
    for fmt in formats:
        with suppress(Exception):  # warming up is best effort; the real documents report real errors
            api.write(tiny, fmt, context=context)


def worker_init(formats: tuple[str, ...], parent: int) -> None:
    """Initializer of a pool worker: leave Ctrl-C to the parent (which finishes the documents in flight), end
    when the batch process ``parent`` is gone, warm up.

    A parent killed with ``kill -9`` must not leave workers behind, idle forever or still writing files while
    a ``--resume`` run has started: a watchdog thread ends the worker within a fraction of a second."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), name="unconvert-watchdog", daemon=True).start()
    warm_up(formats)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.25)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(70)
        except PermissionError:
            pass


def convert_one(task: Task) -> WorkResult:
    """Convert one document; never raises for the document's own problems. Every few documents, the worker's
    freed memory goes back to the system (``batch.memory``), so a long run's size stays flat."""
    started = time.perf_counter()
    written: list[str] = []
    abandoned = threading.Event()
    try:
        with time_limit(task.timeout) as run:
            return run(lambda: _convert(task, started, written, abandoned))
    except DocumentTimeout:
        abandoned.set()
        _remove(written)
        return WorkResult(
            index=task.index,
            status="failed",
            failure=Failure("timeout", f"conversion took longer than {task.timeout:g} s", type="Timeout"),
            timings=Timings(total=time.perf_counter() - started),
        )
    finally:
        memory.document_done()


def _convert(task: Task, started: float, written: list[str], abandoned: threading.Event) -> WorkResult:
    index = task.index
    try:
        data = read_source(task.source, task.limits)
    except SourceError as exc:
        failure = Failure(exc.code, str(exc), type="SourceError")
        return WorkResult(index=index, status="failed", failure=failure, timings=Timings(total=_since(started)))
    digest = hashlib.sha256(data).hexdigest()
    size = len(data)
    if task.previous is not None and _still_done(task.previous, digest):
        return WorkResult(index=index, status="done", input_sha256=digest, input_size=size)

    def failed(
        failure: Failure, timings: Timings, symbol: str | None = None, language: str | None = None
    ) -> WorkResult:
        return WorkResult(
            index=index,
            status="failed",
            input_sha256=digest,
            input_size=size,
            symbol=symbol,
            language=language,
            failure=failure,
            timings=timings,
        )

    try:
        document = api.read(data, name=task.source.key)
    except ReadError as exc:
        failure = Failure("read-error", exc.message, "ReadError", line=exc.line)
        return failed(failure, Timings(read=_since(started), total=_since(started)))
    except Exception as exc:  # a reader bug must not stop the batch
        failure = Failure("internal-error", str(exc), type(exc).__name__)
        return failed(failure, Timings(read=_since(started), total=_since(started)))
    read_seconds = _since(started)
    symbol = document.meta.symbol or None
    language = document.meta.language.value
    context = Context(now=task.now)
    rendered: list[tuple[str, str, bytes]] = []
    adapted: list[tuple[str, Diagnostic]] = []
    write_seconds: list[tuple[str, float]] = []
    for fmt, directory in zip(task.formats, task.directories, strict=True):
        began = time.perf_counter()
        try:
            result = api.render(document, fmt, context=context)
        except Exception as exc:  # WriteError, FormatError, or a writer bug: the batch goes on
            code = "format-error" if isinstance(exc, FormatError) else "write-error"
            if not isinstance(exc, WriteError | FormatError):
                code = "internal-error"
            write_seconds.append((fmt, _since(began)))
            timings = Timings(read=read_seconds, write=tuple(write_seconds), total=_since(started))
            return failed(Failure(code, str(exc), type(exc).__name__, format=fmt), timings, symbol, language)
        write_seconds.append((fmt, _since(began)))
        rendered.append((fmt, directory, result.data))
        adapted.extend((fmt, diagnostic) for diagnostic in result.diagnostics)
    began = time.perf_counter()
    outputs = []
    for fmt, directory, payload in rendered:
        if abandoned.is_set():
            break
        path = os.path.join(directory, temporary_name(task.source.ident, index, fmt))
        written.append(path)
        try:
            write_output(path, payload)
        except OSError as exc:
            _remove(written)
            timings = Timings(read_seconds, tuple(write_seconds), _since(began), _since(started))
            return failed(output_failure(exc, fmt), timings, symbol, language)
        outputs.append(Output(fmt, path, hashlib.sha256(payload).hexdigest(), len(payload)))
    disk_seconds = _since(began)
    diagnostics = tuple(document.diagnostics)
    warned = any(d.severity is Severity.WARNING for d in (*diagnostics, *(d for _, d in adapted)))
    return WorkResult(
        index=index,
        status="warnings" if warned else "ok",
        input_sha256=digest,
        input_size=size,
        symbol=symbol,
        language=language,
        outputs=tuple(outputs),
        diagnostics=diagnostics,
        writer_diagnostics=tuple(adapted),
        timings=Timings(read_seconds, tuple(write_seconds), disk_seconds, _since(started)),
    )


def output_failure(exc: OSError, fmt: str | None) -> Failure:
    """``storage-error`` (disk full, permission denied…: the batch stops, exit 2) or ``output-error`` (this
    document's output path cannot be made, e.g. a directory name longer than the file system takes)."""
    code = "storage-error" if exc.errno in STORAGE_ERRNOS else "output-error"
    where = f"{exc.filename}: " if exc.filename else ""
    return Failure(code, f"cannot write output: {where}{exc.strerror or exc}", type="OSError", format=fmt)


def write_output(path: str, payload: bytes) -> None:
    """Write ``payload`` to ``path``, creating the directory if needed. Not synced: the run's group commit makes a
    group of documents' outputs durable at once, before their report lines (``durability.py``)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(payload)


def _still_done(previous: Previous, digest: str) -> bool:
    if previous.input_sha256 != digest or not previous.outputs:
        return False
    for path, size in previous.outputs:
        try:
            if os.stat(path).st_size != size:
                return False
        except OSError:
            return False
    return True


def _remove(paths: list[str]) -> None:
    for path in paths:
        with suppress(OSError):
            os.unlink(path)


def _since(began: float) -> float:
    return time.perf_counter() - began
