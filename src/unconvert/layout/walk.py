"""The document walked once into the roles of its page (``roles``) and the furniture around them (``Furniture``).

This is the only walk over a document the paged writers (DOCX, PDF) and the text writer make: each maps the
roles, in order, to its own primitives. What the page prints that the tree only implies is decided here once:
which cover lines are headlines, the committee line's brackets, the indentation level of a provision, the outline
level of a heading, the masthead's fallbacks (the document's symbol and distribution where the masthead does not
print them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import assert_never

from unconvert.layout.roles import (
    Agenda,
    AnnexTitle,
    Closing,
    CoverKind,
    CoverLine,
    End,
    Formula,
    Heading,
    Paragraph,
    PartLabel,
    PartTitle,
    Provision,
    RawText,
    Recital,
    Role,
    Session,
    TableBlock,
    Title,
    WrapUp,
)
from unconvert.tree import (
    Annex,
    Block,
    CoverRole,
    Document,
    Inline,
    Language,
    OperativeParagraph,
    Para,
    Part,
    Point,
    PreambularParagraph,
    RawBlock,
    Section,
    Table,
    Text,
)
from unconvert.tree import CoverLine as TreeCoverLine
from unconvert.un.symbols import undocs_url

_JOB_NUMBER = re.compile(r"\d{2}-\d{4,6}")  # a job number the barcode encodes (``18-15053`` as ``1815053``)

# The line the UN prints beside the QR code on a document's first page, in each language.
RECYCLE = {
    Language.EN: "Please recycle",
    Language.FR: "Merci de recycler",
    Language.ES: "Se ruega reciclar",
    Language.RU: "Просьба отправить на вторичную переработку",
    Language.AR: "الرجاء إعادة الاستعمال",
    Language.ZH: "请回收",
}


@dataclass(frozen=True, slots=True)
class Furniture:
    """What the page furniture prints: the first page's masthead and footer, the running heads of later pages."""

    authority: str  # United Nations (the masthead's, else in English)
    symbol: str  # A/RES/64/183, the masthead's or else the document's
    organ: str  # General Assembly
    distribution: str  # Distr.: General, the masthead's or else the document's
    date: str  # 23 February 2010
    symbol2: str  # a second symbol printed under the date
    title: str  # the running head's title
    title_lines: tuple[str, ...]  # the title in the lines the source's running head breaks it into; else one line
    job: str  # the job number (09-47281), empty when the source gives none
    job_line: str  # the first page's job line: ``09-47281 (E)``; empty without a job number
    stamp: str  # the print date the source's first-page footer gives after the job number (``210918``), else empty
    barcode: str  # the job number the first page's Code 39 barcode encodes (``1815053``); empty without one
    qr_url: str  # the document's undocs.org address for the first page's QR code; empty where the UN prints none
    recycle: str  # "Please recycle", in the document's language, printed beside the QR code


def cover_kind(role: CoverRole) -> CoverKind:
    """How a cover line of ``role`` is set."""
    match role:
        case CoverRole.ADOPTION | CoverRole.TITLE | CoverRole.DOC_TYPE:
            return CoverKind.HEADLINE
        case CoverRole.PROPONENT:
            return CoverKind.COMMITTEE
        case CoverRole.ADOPTED_AT | CoverRole.OTHER:
            return CoverKind.PLAIN
        case _:
            assert_never(role)


def furniture(document: Document) -> Furniture:
    """The furniture of ``document``'s pages."""
    meta, head = document.meta, document.masthead
    job = meta.job_number or ""
    printed = meta.print_date
    # The UN prints the QR code (and "Please recycle") with the footer that dates the print run: a source whose
    # footer states no print date is of the older layout, without them.
    modern = printed is not None and bool(job)
    symbol = head.symbol or meta.symbol
    return Furniture(
        authority=head.authority or "United Nations",
        symbol=symbol,
        organ=head.organ,
        distribution=head.distribution or meta.distribution or "",
        date=head.date,
        symbol2=meta.symbol2 or "",
        title=meta.title,
        title_lines=meta.running_head or ((meta.title,) if meta.title else ()),
        job=job,
        job_line=f"{job} ({meta.language.job_letter})" if job else "",
        stamp=f"{printed.day:02d}{printed.month:02d}{printed.year % 100:02d}" if printed else "",
        barcode=job.replace("-", "") if _JOB_NUMBER.fullmatch(job) else "",
        qr_url=undocs_url(symbol) if modern and symbol else "",
        recycle=RECYCLE[meta.language] if modern else "",
    )


def walk(document: Document) -> tuple[Role, ...]:
    """The roles of ``document``'s page, in reading order, from the session line to the end."""
    out: list[Role] = []
    head = document.masthead
    if head.session:
        out.append(Session(head.session))
    out.extend(Agenda(item) for item in head.agenda)
    out.extend(_cover(line, index == 0) for index, line in enumerate(document.cover))
    if document.preface is not None:
        out.append(Title(document.preface.number, document.preface.title))
    multi = len(document.parts) > 1
    for part in document.parts:
        _part(part, out, 2 if multi else 1)
    for annex in document.annexes:
        _annex(annex, out)
    out.append(End())
    return tuple(out)


def _cover(line: TreeCoverLine, first: bool) -> CoverLine:
    kind = cover_kind(line.role)
    if kind is not CoverKind.COMMITTEE:
        return CoverLine(kind, line.content, first)
    lead, inner, trail = brackets(line.content)
    return CoverLine(kind, line.content, first, lead, inner, trail)


def brackets(content: tuple[Inline, ...]) -> tuple[str, tuple[Inline, ...], str]:
    """``content`` without the square brackets it stands in: ``("[", inner, "]")``, or ``("", content, "")`` when
    it does not both open and close with one."""
    first, last = (content[0], content[-1]) if content else (None, None)
    if not (isinstance(first, Text) and isinstance(last, Text)):
        return "", content, ""
    opens, closes = first.text.lstrip().startswith("["), last.text.rstrip().endswith("]")
    if not (opens and closes and (len(content) > 1 or len(first.text.strip()) > 1)):
        return "", content, ""
    if len(content) == 1:
        return "[", (Text(text=first.text.strip()[1:-1]),), "]"
    head = Text(text=first.text.lstrip()[1:])
    tail = Text(text=last.text.rstrip()[:-1])
    return "[", (head, *content[1:-1], tail), "]"


def _part(part: Part, out: list[Role], outline: int) -> None:
    if part.label or part.label_notes:
        out.append(PartLabel(part.label or "", (Text(text=part.label or ""), *part.label_notes)))
    if part.title:
        out.append(PartTitle(part.title))
    if part.preamble is not None:
        out.append(Formula(part.preamble.formula))
        _blocks(part.preamble.children, out, depth=0, shift=0, outline=1, in_annex=False)
    _blocks(part.body, out, depth=0, shift=0, outline=outline, in_annex=False)
    if part.conclusions is not None:
        out.append(Closing(part.conclusions.lines))


def _annex(annex: Annex, out: list[Role]) -> None:
    empty = not (annex.label or annex.headings or annex.children)
    out.append(AnnexTitle(annex.label, annex.headings, empty, annex.line))
    _blocks(annex.children, out, depth=0, shift=0, outline=1, in_annex=True)


def _blocks(
    blocks: tuple[Block, ...], out: list[Role], *, depth: int, shift: int, outline: int, in_annex: bool
) -> None:
    """The roles of ``blocks`` at ``depth``; ``shift`` is 1 under a point that stands directly in the body."""
    for block in blocks:
        level = depth + shift
        match block:
            case Para(content=content, role=kind):
                out.append(Paragraph(content, kind, depth, level))
            case PreambularParagraph(content=content):
                out.append(Recital(content, depth))
            case OperativeParagraph(num=num, content=content, children=children, wrap_up=wrap_up):
                out.append(Provision(num, content, depth, level, False, in_annex))
                if children:  # (most have none: no call for them)
                    _blocks(children, out, depth=depth + 1, shift=shift, outline=outline, in_annex=in_annex)
                if wrap_up:
                    out.append(WrapUp(wrap_up, depth, level))
            case Point(num=num, content=content, children=children, wrap_up=wrap_up):
                inner = 1 if level == 0 else shift  # a point is never set at step 0
                level = depth + inner
                out.append(Provision(num, content, depth, level, True, in_annex))
                if children:
                    _blocks(children, out, depth=depth + 1, shift=inner, outline=outline, in_annex=in_annex)
                if wrap_up:
                    out.append(WrapUp(wrap_up, depth, level))
            case Section(num=num, heading=heading, children=children):
                out.append(Heading(num, heading, depth, level, outline))
                _blocks(children, out, depth=depth, shift=shift, outline=outline + 1, in_annex=in_annex)
            case Table():
                out.append(TableBlock(block, depth))
            case RawBlock(text=text, line=line):
                out.append(RawText(text, depth, level, line))
            case _:
                assert_never(block)
