"""Stage 1b: ODS comment fields, masthead, first-page footer and the lines before the formula.

(Skeleton: the interface the other modules use. To be completed by the reader's stage-1 owner.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unconvert.diagnostics import Diagnostic
from unconvert.readers.ods.lang import LanguageTable
from unconvert.readers.ods.stories import Stories
from unconvert.tree import CoverLine, Masthead, Meta, Preface


@dataclass(slots=True)
class Front:
    """What stage 1 found. ``body_start`` is the index in ``stories.main`` of the first line of the body (the
    formula, or the first paragraph of a decision); ``table`` is the language's table for stage 2."""

    meta: Meta
    masthead: Masthead
    cover: tuple[CoverLine, ...]
    preface: Preface | None
    body_start: int
    table: LanguageTable
    diagnostics: list[Diagnostic] = field(default_factory=list)


def parse_front(stories: Stories, *, name: str) -> Front:
    raise NotImplementedError
