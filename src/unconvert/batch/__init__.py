"""Batch conversion: many documents — files, directories, globs, zip and tar archives — in parallel (a process
pool or a Dask cluster), resumable, with a JSON Lines report. See ``docs/batch.md``.

    >>> from unconvert.batch import convert_many
    >>> run = convert_many(["dumps.zip"], to=["akn", "text"], out="out", jobs=2)
    >>> for result in run: ...
    >>> run.summary
"""

from unconvert.batch.executors import Executor, ProcessExecutor, SerialExecutor
from unconvert.batch.report import read_report
from unconvert.batch.run import FAIL_ON, STATUSES, BatchRun, DocumentResult, FormatCounts, Summary, convert_many
from unconvert.batch.sources import Limits, SourceProblem, SourceRef
from unconvert.batch.work import Failure, Output

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
