"""The batch report: JSON Lines, one line per document, appended only once a document's outputs are in place.

A line::

    {"source": "dumps.zip!word/A_RES_70_1.txt", "resolved": "/data/dumps.zip!word/A_RES_70_1.txt",
     "id": "A_RES_70_1", "symbol": "A/RES/70/1", "language": "en",
     "input_sha256": "…", "input_size": 51234, "status": "ok",
     "outputs": [{"format": "akn", "path": "dumps/word/A_RES_70_1.akn.xml", "sha256": "…", "size": 81234}],
     "diagnostics": [{"severity": "warning", "code": "…", "message": "…", "line": 12, "format": null}],
     "error": null,
     "timings": {"read": 0.012, "write": {"akn": 0.020}, "disk": 0.001, "total": 0.034}}

``diagnostics`` are what the reader had to guess and the batch noticed (``"format": null``), then what each
writer had to adapt (``"format": "akn"``; its code starts with the format: ``akn-noteref-dropped``).
``status`` is ``ok``, ``warnings``, ``failed`` or ``skipped``; ``error`` is ``{"code", "type", "message",
"format", "line"}`` for a failed or skipped document. Output paths are relative to the output directory. Every
key but ``timings`` is a function of the inputs and options, so two runs can be compared with ``timings`` dropped.

Lines are written a group at a time, each group flushed and fsync'd once the outputs it names are durable
(``durability.py``). A run killed mid-line leaves a partial last line:
``load_index`` cuts it off (the document is converted again) so the report stays valid JSON Lines.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import IO, Any

from unconvert.batch.work import Failure, Timings
from unconvert.diagnostics import Diagnostic

Record = dict[str, Any]


def diagnostic_json(diagnostic: Diagnostic, format: str | None = None) -> Record:
    """A diagnostic as a report entry; ``format`` names the writer that reported it (``None``: the reader or the
    batch)."""
    return {
        "severity": diagnostic.severity.value,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "line": diagnostic.line,
        "format": format,
    }


def failure_json(failure: Failure | None) -> Record | None:
    if failure is None:
        return None
    return {
        "code": failure.code,
        "type": failure.type,
        "message": failure.message,
        "format": failure.format,
        "line": failure.line,
    }


def timings_json(timings: Timings) -> Record:
    return {
        "read": round(timings.read, 6),
        "write": {fmt: round(seconds, 6) for fmt, seconds in timings.write},
        "disk": round(timings.disk, 6),
        "total": round(timings.total, 6),
    }


class ReportWriter:
    """Appends lines to the report, flushed and fsync'd before ``write`` or ``write_many`` returns."""

    def __init__(self, path: str, *, append: bool) -> None:
        self.path = path
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self._handle: IO[bytes] = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed by close()

    def write(self, record: Record) -> None:
        self.write_many((record,))

    def write_many(self, records: Iterable[Record]) -> None:
        """Append ``records``, one line each, with one write and one fsync."""
        lines = "".join(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n" for record in records)
        self._handle.write(lines.encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()


def load_index(path: str) -> dict[str, Record]:
    """The last report line of each source in an existing report (``{}`` if there is none), keyed by the
    source's identity (``resolved``: its resolved path, so that ``rs`` and ``./rs`` are one source).

    A partial last line (a run killed while writing it) is removed from the file; other unreadable lines are
    ignored.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return {}
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with open(path, "r+b") as handle:
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
    index: dict[str, Record] = {}
    for raw in data[:end].splitlines():
        try:
            record = json.loads(raw)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("source"), str):
            resolved = record.get("resolved")
            index[resolved if isinstance(resolved, str) else record["source"]] = record
    return index


def read_report(path: str) -> list[Record]:
    """Every line of a report, in order (for tools and tests)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
