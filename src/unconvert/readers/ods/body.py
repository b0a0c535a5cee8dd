"""Stage 2: the body, from the formula on: preamble, operative paragraphs and points, parts, annexes, tables,
closing lines, and footnotes attached where their marks stand.

(Skeleton: the interface the other modules use. To be completed by the reader's stage-2 owner.)
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.front import Front
from unconvert.readers.ods.stories import Stories
from unconvert.tree import Annex, Part


@dataclass(slots=True)
class Body:
    """What stage 2 found; ``meeting``/``adoption_date`` come from the closing lines when the body has them."""

    parts: tuple[Part, ...]
    annexes: tuple[Annex, ...] = ()
    meeting: str | None = None
    adoption_date: _dt.date | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def parse_body(stories: Stories, front: Front, *, name: str) -> Body:
    raise NotImplementedError
