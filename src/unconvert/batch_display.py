"""What ``unconvert batch`` prints: errors, the progress display, the failed documents and the summary.

With the ``batch`` extra (``pip install 'unconvert[batch]'``, which brings ``rich``) the progress is a live bar
and the summary a table; without it the same information comes as plain lines, so a batch is just as usable.
Names of files and members are printed literally, never read as markup.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol, TextIO

from unconvert.batch import Summary

Advance = Callable[[Summary], None]
"""Called after each document with the run's summary so far."""


class Display(Protocol):
    """The messages of the batch command; ``make_display()`` picks one."""

    def error(self, message: str) -> None: ...

    def interrupting(self) -> None: ...

    def aborted(self) -> None: ...

    def interrupted(self, summary: Summary) -> None: ...

    def failed(self, line: str) -> None: ...

    def progress(self, total: int, *, quiet: bool) -> AbstractContextManager[Advance]: ...

    def summary(self, summary: Summary) -> None: ...


def make_display() -> Display:
    """The rich display when ``rich`` is installed (the ``batch`` extra), else the plain one."""
    try:
        return RichDisplay()
    except ModuleNotFoundError:
        return PlainDisplay()


def _counts(summary: Summary) -> str:
    return f"ok {summary.ok} warn {summary.warnings} failed {summary.failed} skipped {summary.skipped}"


def _interrupted(summary: Summary) -> str:
    return (
        f"after {summary.done} of {summary.total} documents; the report is complete for those. Continue with: --resume"
    )


def _headline(summary: Summary) -> str:
    rate = summary.done / summary.elapsed if summary.elapsed > 0 else 0.0
    return f"unconvert batch: {summary.done} of {summary.total} documents in {summary.elapsed:.1f} s ({rate:.1f}/s)"


def _rows(summary: Summary) -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]]:
    """The summary's two blocks: documents by status, and per format the outputs written, the writer's failures
    and adaptations (when there are any), bytes."""
    resumed = f" ({summary.resumed} already done)" if summary.resumed else ""
    documents = [
        ("converted", str(summary.ok)),
        ("with warnings", str(summary.warnings)),
        ("failed", str(summary.failed)),
        ("skipped", f"{summary.skipped}{resumed}"),
    ]
    if summary.collisions:
        documents.append(("renamed (name collision)", str(summary.collisions)))
    counts = summary.formats.values()
    outputs = [
        ("outputs written", [str(c.written) for c in counts]),
        ("writer failed", [str(c.failed) for c in counts]),
    ]
    if any(c.warned for c in counts):
        outputs.append(("writer adapted (warnings)", [str(c.warned) for c in counts]))
    outputs.append(("bytes", [f"{c.bytes:,}" for c in counts]))
    return documents, outputs


class RichDisplay:
    """Colours, a live progress bar on a terminal, the summary as a table (``rich``, the ``batch`` extra)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.markup import escape

        self._console = Console
        self._escape = escape
        self._err = Console(stderr=True, highlight=False)

    def error(self, message: str) -> None:
        self._err.print(f"[red]error:[/red] {self._escape(message)}")

    def interrupting(self) -> None:
        self._err.print("[yellow]interrupted: finishing the documents in flight (Ctrl-C again to abort)…[/yellow]")

    def aborted(self) -> None:
        self._err.print("[red]aborted[/red]: documents in flight were not reported; rerun with --resume")

    def interrupted(self, summary: Summary) -> None:
        self._err.print(f"[yellow]interrupted[/yellow] {_interrupted(summary)}")

    def failed(self, line: str) -> None:
        self._err.print(f"[red]failed[/red] {self._escape(line)}", markup=True, highlight=False, soft_wrap=True)

    @contextmanager
    def progress(self, total: int, *, quiet: bool) -> Iterator[Advance]:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        out = self._console(stderr=True)
        with Progress(
            TextColumn("[bold]converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} docs/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[counts]}"),
            console=out,
            disable=quiet or not out.is_terminal,
            transient=False,
        ) as progress:
            bar = progress.add_task("batch", total=total, rate="-", counts="")

            def advance(summary: Summary) -> None:
                elapsed = progress.tasks[0].elapsed or 0.0
                rate = f"{summary.done / elapsed:.1f}" if elapsed > 0 else "-"
                progress.update(bar, advance=1, rate=rate, counts=_counts(summary))

            yield advance

    def summary(self, summary: Summary) -> None:
        from rich.table import Table

        console = self._console(highlight=False)
        console.print(_headline(summary))
        table = Table(show_edge=False, pad_edge=False)
        table.add_column("documents")
        table.add_column("", justify="right")
        for name in summary.formats:
            table.add_column(name, justify="right")
        documents, outputs = _rows(summary)
        blank = [""] * len(summary.formats)
        for label, value in documents:
            table.add_row(label, value, *blank)
        table.add_section()
        for label, values in outputs:
            table.add_row(label, "", *values)
        console.print(table)
        console.print(f"report: {self._escape(os.path.relpath(summary.report))}")


class PlainDisplay:
    """Plain lines, without ``rich``: a progress line rewritten in place on a terminal (at most a few times a
    second), the summary as aligned columns."""

    def __init__(self, err: TextIO | None = None, out: TextIO | None = None) -> None:
        self._err = err
        self._out = out

    def _say(self, text: str) -> None:
        print(text, file=self._err or sys.stderr, flush=True)

    def error(self, message: str) -> None:
        self._say(f"error: {message}")

    def interrupting(self) -> None:
        self._say("interrupted: finishing the documents in flight (Ctrl-C again to abort)…")

    def aborted(self) -> None:
        self._say("aborted: documents in flight were not reported; rerun with --resume")

    def interrupted(self, summary: Summary) -> None:
        self._say(f"interrupted {_interrupted(summary)}")

    def failed(self, line: str) -> None:
        self._say(f"failed {line}")

    @contextmanager
    def progress(self, total: int, *, quiet: bool) -> Iterator[Advance]:
        err = self._err or sys.stderr
        if quiet or not err.isatty():
            yield lambda summary: None
            return
        started = time.monotonic()
        shown = 0.0

        def advance(summary: Summary) -> None:
            nonlocal shown
            now = time.monotonic()
            if now - shown < 0.2 and summary.done < total:
                return
            shown = now
            elapsed = now - started
            rate = f"{summary.done / elapsed:.1f}" if elapsed > 0 else "-"
            err.write(f"\rconverting {summary.done}/{total} {rate} docs/s {_counts(summary)}")
            err.flush()

        try:
            yield advance
        finally:
            err.write("\n")
            err.flush()

    def summary(self, summary: Summary) -> None:
        out = self._out or sys.stdout
        documents, outputs = _rows(summary)
        names = list(summary.formats)
        labels = [label for label, _ in documents] + [label for label, _ in outputs]
        width = max(len("documents"), *(len(label) for label in labels))
        column = max([12, *(len(value) for _, value in documents)])
        cells = [max(len(name), *(len(v[i]) for _, v in outputs)) for i, name in enumerate(names)]

        def line(label: str, value: str, values: list[str]) -> str:
            row = f"{label:<{width}} {value:>{column}}"
            return (row + "".join(f"  {v:>{w}}" for v, w in zip(values, cells, strict=True))).rstrip()

        blank = [""] * len(names)
        print(_headline(summary), file=out)
        print(line("documents", "", names), file=out)
        for label, value in documents:
            print(line(label, value, blank), file=out)
        for label, values in outputs:
            print(line(label, "", values), file=out)
        print(f"report: {os.path.relpath(summary.report)}", file=out)


__all__ = ["Advance", "Display", "PlainDisplay", "RichDisplay", "make_display"]
