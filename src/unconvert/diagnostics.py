"""Diagnostics: what a reader had to guess or a writer had to adapt, reported instead of printed.

A reader's diagnostics travel with the document (``Document.diagnostics``); a writer reports its own to its
``Context`` and ``unconvert.render`` returns them with the bytes (their codes start with the format: ``akn-…``).
Both go into batch results. Fatal problems are exceptions (``unconvert.errors``), never diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One finding: ``code`` is stable and machine-readable (``adoption-date-missing``), ``message`` is for people,
    ``line`` the 1-based line of the source it concerns (``None`` when it concerns the whole file)."""

    severity: Severity
    code: str
    message: str
    line: int | None = None

    @classmethod
    def warning(cls, code: str, message: str, line: int | None = None) -> Diagnostic:
        """A guess or an adaptation the user should know about."""
        return cls(severity=Severity.WARNING, code=code, message=message, line=line)

    @classmethod
    def info(cls, code: str, message: str, line: int | None = None) -> Diagnostic:
        """A fact worth recording that asks nothing of the user."""
        return cls(severity=Severity.INFO, code=code, message=message, line=line)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.severity.value}: {self.message} [{self.code}]"


__all__ = ["Diagnostic", "Severity"]
