"""The document: metadata, masthead, cover lines, preface, one or more parts, annexes.

A single resolution has one ``Part`` whose ``label`` is ``None``; a multi-part resolution (``72/263 A–C``) has one
part per letter, each with its own preamble, operative part and conclusions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from unconvert.diagnostics import Diagnostic
from unconvert.tree.blocks import Block
from unconvert.tree.inlines import Footnote, Inline
from unconvert.tree.meta import Meta


@dataclass(frozen=True, slots=True, kw_only=True)
class Masthead:
    """The first-page masthead, each field as printed; empty where the source has none."""

    authority: str = ""  # United Nations
    symbol: str = ""  # A/RES/64/183
    organ: str = ""  # General Assembly
    distribution: str = ""  # Distr.: General
    date: str = ""  # 23 February 2010
    session: str = ""  # Sixty-fourth session
    agenda: tuple[str, ...] = ()  # Agenda item 124
    line: int | None = field(default=None, compare=False)


class CoverRole(StrEnum):
    """What a line between the masthead and the preface says."""

    ADOPTION = "adoption"  # Resolution adopted by the General Assembly on 18 December 2009
    PROPONENT = "proponent"  # [on the report of the Third Committee (A/64/439)]
    TITLE = "title"  # Security Council: Resolution 2672 (2023)
    ADOPTED_AT = "adoptedAt"  # Security Council: Adopted by the Security Council at its 9237th meeting, on …
    DOC_TYPE = "docType"  # Decision
    OTHER = "other"  # anything else printed there (an agenda heading of a decision)


@dataclass(frozen=True, slots=True, kw_only=True)
class CoverLine:
    role: CoverRole
    content: tuple[Inline, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Preface:
    """Number and title: ``64/183.`` + ``Cooperation between …``."""

    number: str
    title: tuple[Inline, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Preamble:
    """The formula (``The General Assembly,``) and what follows it before the first operative paragraph."""

    formula: tuple[Inline, ...]
    children: tuple[Block, ...] = ()
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Conclusions:
    """The closing lines: meeting and date (``65th plenary meeting`` / ``18 December 2009``)."""

    lines: tuple[tuple[Inline, ...], ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """One resolution of a document: ``label`` is ``A``, ``B`` … in a multi-part resolution, else ``None``;
    ``label_notes`` are the footnotes whose marks stand on the label (``B1``: a part published on its own);
    ``title`` is the part's own title under its letter (``Information in the service of humanity``), its lines
    separated by ``LineBreak``."""

    label: str | None = None
    label_notes: tuple[Footnote, ...] = ()
    title: tuple[Inline, ...] = ()
    preamble: Preamble | None = None
    body: tuple[Block, ...] = ()
    conclusions: Conclusions | None = None
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Annex:
    """An annex: its label (``Annex``, ``Annex II``), its heading lines (title, subtitle), its blocks."""

    label: tuple[Inline, ...]
    headings: tuple[tuple[Inline, ...], ...]
    children: tuple[Block, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A whole UN document. ``diagnostics`` are what the reader noticed; equality ignores them."""

    meta: Meta
    masthead: Masthead = Masthead()
    cover: tuple[CoverLine, ...] = ()
    preface: Preface | None = None
    parts: tuple[Part, ...] = (Part(),)
    annexes: tuple[Annex, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
