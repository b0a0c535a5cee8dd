"""The settings of a batch run that the command line shows as defaults: the caps against archive bombs, the time
a document may take, the exit policies. A module of its own, without the batch machinery, so that building the
``unconvert`` command line (every command has ``batch``'s options) does not import it.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("ok", "warnings", "failed", "skipped")
FAIL_ON = ("warnings", "failed", "never")
DEFAULT_TIMEOUT = 120.0
"""Seconds a document may take (read and every writer) before it fails with ``timeout``. A dump converts in
milliseconds, the longest PDF in a few seconds; something that takes minutes is stuck."""

GROUP_DOCUMENTS = 64
"""Documents per group commit: at most this many report lines wait for one sync (``durability.py``)."""
GROUP_SECONDS = 1.0
"""The longest a report line waits for its group's sync (a slow document does not hold the ones before it)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps against archive bombs. Sizes are decompressed bytes. ``total_bytes`` and ``members`` count every member
    of a tar (reading a tar goes through every member before the last document, converted or not) and the
    documents of a zip (a zip's other members are never inflated)."""

    member_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 8 * 1024 * 1024 * 1024
    members: int = 200_000


DOCUMENT_PATTERN = "*.txt,*.xml,*.docx,*.doc"
"""The file names a directory walk or an archive takes as documents by default: ODS dumps, AKN, Word files (the
reader is told by each file's content, ``registry.detect``). Several patterns are separated by commas."""

__all__ = ["DEFAULT_TIMEOUT", "DOCUMENT_PATTERN", "FAIL_ON", "GROUP_DOCUMENTS", "GROUP_SECONDS", "STATUSES", "Limits"]
