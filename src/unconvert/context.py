"""The conversion context: what a writer may not take from the world around it, injected.

Writers never call ``date.today()``: the markup date (AKN ``FRBRdate name="markup"``, DOCX/PDF creation dates)
comes from here, so the same input gives the same bytes. ``Context.from_env()`` honours ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """``now`` is the moment of conversion (UTC) as writers must use it."""

    now: _dt.datetime

    @property
    def markup_date(self) -> _dt.date:
        return self.now.date()

    @classmethod
    def from_env(cls) -> Context:
        """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the current UTC time to the second."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch:
            try:
                return cls(now=_dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC))
            except (ValueError, OverflowError, OSError):
                pass
        return cls(now=_dt.datetime.now(tz=_dt.UTC).replace(microsecond=0))

    @classmethod
    def fixed(cls, year: int = 2026, month: int = 1, day: int = 1) -> Context:
        """A fixed context for tests and golden files."""
        return cls(now=_dt.datetime(year, month, day, tzinfo=_dt.UTC))
