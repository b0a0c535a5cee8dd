"""The conversion context: what a writer may not take from the world around it, injected — and where it reports
what it had to adapt.

Writers never call ``date.today()``: the markup date (AKN ``FRBRdate name="markup"``, DOCX/PDF creation dates)
comes from here, so the same input gives the same bytes. ``Context.from_env()`` honours ``SOURCE_DATE_EPOCH``.

Writers never print either: what a writer had to adapt to its format (a ``noteRef`` whose note is missing, a
table printed as paragraphs) is a ``Diagnostic`` handed to ``context.report``. The context passes it to its
``sink``; ``unconvert.render`` gives every call a fresh sink of its own, so a context shared between calls
(``Context.fixed()`` in tests, one context for a whole batch) never accumulates diagnostics across documents.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from unconvert.diagnostics import Diagnostic

Sink = Callable[[Diagnostic], None]
"""Where a writer's diagnostics go: any callable taking one ``Diagnostic`` (``list.append`` will do)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """``now`` is the moment of conversion (UTC) as writers must use it; ``sink`` receives the diagnostics a
    writer reports (``None``: they are dropped — call the writer through ``unconvert.render`` to get them)."""

    now: _dt.datetime
    sink: Sink | None = field(default=None, compare=False, repr=False)

    @property
    def markup_date(self) -> _dt.date:
        return self.now.date()

    def report(self, diagnostic: Diagnostic) -> None:
        """Report what the writer had to adapt: ``context.report(Diagnostic.warning("akn-…", "…", line=…))``.
        The output must not depend on it: a diagnostic is information, not a change of output."""
        if self.sink is not None:
            self.sink(diagnostic)

    def with_sink(self, sink: Sink | None) -> Context:
        """This context, reporting to ``sink`` instead."""
        return replace(self, sink=sink)

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


__all__ = ["Context", "Sink"]
