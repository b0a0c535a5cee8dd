"""Stage 1a: bytes -> text -> the dump's four stories as numbered lines.

(Skeleton: the interface the other modules use. To be completed by the reader's stage-1 owner.)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the dump: ``number`` is 1-based in the file, ``text`` has its tabs, line end removed."""

    number: int
    text: str


@dataclass(slots=True)
class Stories:
    """The dump split into its stories. Any story may be empty (a missing comment or header story)."""

    main: list[Line] = field(default_factory=list)
    footnotes: list[Line] = field(default_factory=list)
    comments: list[Line] = field(default_factory=list)
    headers: list[Line] = field(default_factory=list)


def decode(data: bytes, *, name: str) -> str:
    """UTF-8 (BOM or not, CRLF or LF) text of ``data``; ``ReadError`` for binary or undecodable input."""
    raise NotImplementedError


def split_stories(text: str, *, name: str) -> Stories:
    """Split the dump into its stories; ``ReadError`` when no main story can be found."""
    raise NotImplementedError
