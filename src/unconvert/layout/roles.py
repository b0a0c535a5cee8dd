"""The roles a UN document's page is made of: what each line or block of the printed page IS, in reading order.

``walk`` turns a document into a flat sequence of these; a paged writer maps each role to its own primitives (an
OOXML paragraph of a named style, a platypus flowable, lines of text). A role holds the tree's inlines as they are
(each writer sets inlines in its own way) and everything the page needs that the tree does not say directly: how
deep a provision stands, whether it is in an annex, the outline level of a heading, the committee line's brackets.

Depth and level: ``depth`` is how many provisions (operative paragraphs, points) enclose a block in the tree;
``level`` is the indentation step the UN sets it at, the same but one more under a point that stands directly in
the body (a point is never set at step 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from unconvert.tree import Inline, ParaRole, Table


class CoverKind(Enum):
    """How a cover line is set."""

    HEADLINE = "headline"  # the adoption line, a Security Council resolution's title, "Decision": large and bold
    COMMITTEE = "committee"  # "[on the report of the Third Committee (A/64/439)]": italics in upright brackets
    PLAIN = "plain"  # a Security Council adoption line, anything else: plain text on the text column


@dataclass(frozen=True, slots=True)
class Session:
    """The session line above the cover (``Sixty-fourth session``), bold."""

    text: str


@dataclass(frozen=True, slots=True)
class Agenda:
    """An agenda item line (``Agenda item 69 (b)``)."""

    text: str


@dataclass(frozen=True, slots=True)
class CoverLine:
    """A line between the masthead and the title. A committee line whose text stands in square brackets has them
    split off (``lead``, ``inner``, ``trail``): the UN prints the brackets upright around italic text."""

    kind: CoverKind
    content: tuple[Inline, ...]
    first: bool  # the first cover line (more space above it)
    lead: str = ""
    inner: tuple[Inline, ...] = ()
    trail: str = ""


@dataclass(frozen=True, slots=True)
class Title:
    """The number and title of the document (``64/183.`` + ``Cooperation between …``)."""

    number: str
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class PartLabel:
    """The label of one part of a multi-part resolution (``A``), with the notes whose marks stand on it."""

    label: str
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class PartTitle:
    """The title of one part of a multi-part resolution."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Formula:
    """The enacting formula (``The General Assembly,``); empty when the preamble has none."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Recital:
    """A preambular paragraph."""

    content: tuple[Inline, ...]
    depth: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph without a number: running text, a heading inside the text, a centred line, a quotation."""

    content: tuple[Inline, ...]
    kind: ParaRole
    depth: int
    level: int


@dataclass(frozen=True, slots=True)
class Provision:
    """An operative paragraph (``point`` False) or a point (``(a)``): its number (``None``: unnumbered) and text;
    its children and wrap-up follow as roles of their own."""

    num: str | None
    content: tuple[Inline, ...]
    depth: int
    level: int
    point: bool
    in_annex: bool


@dataclass(frozen=True, slots=True)
class WrapUp:
    """The text that closes a provision after its points (``…, and requests the Secretary-General to …``)."""

    content: tuple[Inline, ...]
    depth: int
    level: int


@dataclass(frozen=True, slots=True)
class Heading:
    """A section's number and heading (``I`` + ``Introduction``); ``outline`` is its level in the document's
    outline (0: the title and annexes; 1: sections, 2 in a multi-part resolution; one more per nesting)."""

    num: str
    content: tuple[Inline, ...]
    depth: int
    level: int
    outline: int


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A table, as the tree has it."""

    table: Table
    depth: int


@dataclass(frozen=True, slots=True)
class RawText:
    """Text the reader could not place, printed as it stands; ``line`` is its source line (for diagnostics)."""

    text: str
    depth: int
    level: int
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Closing:
    """The closing lines of a part (``65th plenary meeting`` / ``18 December 2009``), set at the end side."""

    lines: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class AnnexTitle:
    """The start of an annex, after the closing lines (on the same page, as the UN places it): its label
    (``Annex II``) and heading lines; ``empty`` when the annex holds nothing at all (no label, heading or text)."""

    label: tuple[Inline, ...]
    headings: tuple[tuple[Inline, ...], ...]
    empty: bool
    line: int | None = field(default=None, compare=False)  # the annex's source line (for diagnostics)


@dataclass(frozen=True, slots=True)
class End:
    """The end of the document (the UN closes it with a short rule)."""


BlockRole = Recital | Paragraph | Provision | WrapUp | Heading | TableBlock | RawText
"""A role of the text's blocks (what stands at a depth in the tree's nesting)."""

Role = (
    Session
    | Agenda
    | CoverLine
    | Title
    | PartLabel
    | PartTitle
    | Formula
    | Recital
    | Paragraph
    | Provision
    | WrapUp
    | Heading
    | TableBlock
    | RawText
    | Closing
    | AnnexTitle
    | End
)
"""One role of the page; the sequence ``walk`` gives is a document's page from the session line to the end."""
