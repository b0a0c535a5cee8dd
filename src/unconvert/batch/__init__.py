"""Batch conversion: many documents — files, directories, globs, zip and tar archives — in parallel (a process
pool or a Dask cluster), resumable, with a JSON Lines report. See ``docs/batch.md``.

    >>> from unconvert.batch import convert_many
    >>> run = convert_many(["dumps.zip"], to=["akn", "text"], out="out", jobs=2)
    >>> for result in run: ...
    >>> run.summary

The names below are imported when first used (PEP 562): ``unconvert.batch.settings``, which the command line
reads for its defaults, must not bring the whole batch machinery with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unconvert.lazy import lazy_exports

if TYPE_CHECKING:
    from unconvert.batch.execution import Executor
    from unconvert.batch.executors import ProcessExecutor, SerialExecutor
    from unconvert.batch.report import read_report
    from unconvert.batch.run import BatchRun, DocumentResult, FormatCounts, Summary, convert_many
    from unconvert.batch.settings import FAIL_ON, STATUSES, Limits
    from unconvert.batch.sources import SourceProblem, SourceRef
    from unconvert.batch.work import Failure, Output

# Each public name and the module it comes from.
_LAZY = {
    "Executor": "unconvert.batch.execution",
    "ProcessExecutor": "unconvert.batch.executors",
    "SerialExecutor": "unconvert.batch.executors",
    "read_report": "unconvert.batch.report",
    "BatchRun": "unconvert.batch.run",
    "DocumentResult": "unconvert.batch.run",
    "FormatCounts": "unconvert.batch.run",
    "Summary": "unconvert.batch.run",
    "convert_many": "unconvert.batch.run",
    "FAIL_ON": "unconvert.batch.settings",
    "STATUSES": "unconvert.batch.settings",
    "Limits": "unconvert.batch.settings",
    "SourceProblem": "unconvert.batch.sources",
    "SourceRef": "unconvert.batch.sources",
    "Failure": "unconvert.batch.work",
    "Output": "unconvert.batch.work",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

__all__ = [
    "FAIL_ON",
    "STATUSES",
    "BatchRun",
    "DocumentResult",
    "Executor",
    "Failure",
    "FormatCounts",
    "Limits",
    "Output",
    "ProcessExecutor",
    "SerialExecutor",
    "SourceProblem",
    "SourceRef",
    "Summary",
    "convert_many",
    "read_report",
]
