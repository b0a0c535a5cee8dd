"""The masthead as a reader gathers it: the fields found so far, as printed, with the lines they came from, and the
tree's ``Masthead`` made from them. Every reader that reads a UN masthead (the ODS dump's header story, the Word
file's first-page header) fills one ``MastheadFields`` and asks it for the ``Masthead``."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from unconvert.tree import Masthead


@dataclass(slots=True)
class MastheadFields:
    """The masthead fields found so far, as printed, with the lines they came from."""

    authority: str = ""
    symbol: str = ""
    organ: str = ""
    distribution: str = ""
    date: str = ""
    date_value: _dt.date | None = None
    session: str = ""
    session_number: int | None = None
    session_line: int | None = None
    agenda: list[tuple[str, list[str], int]] = field(default_factory=list)  # (as printed, items, line)
    line: int | None = None  # the masthead's first line
    job: str | None = None  # the job number of the first page's footer
    printed: _dt.date | None = None  # the print date of the first page's footer (``210918``)

    def masthead(self) -> Masthead:
        """The tree's masthead: what was printed, the agenda lines as printed."""
        return Masthead(
            authority=self.authority,
            symbol=self.symbol,
            organ=self.organ,
            distribution=self.distribution,
            date=self.date,
            session=self.session,
            agenda=tuple(text for text, _items, _line in self.agenda),
            line=self.line,
        )


__all__ = ["MastheadFields"]
