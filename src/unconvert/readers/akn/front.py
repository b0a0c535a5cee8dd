"""What the AKN says of the document before its body: FRBR identification -> ``Meta``; ``coverPage`` ->
``Masthead`` and cover lines; ``preface`` -> number and title (and a part's letter).

Every fact is read where the file states it; what it does not state stays ``None`` (the UN's files carry no ODS
fields, and some an empty job number: nothing is put in their place). A date of ``0001-01-01`` (the UN's
placeholder) is no date.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lxml import etree

from unconvert.diagnostics import Diagnostic
from unconvert.readers.akn.inlines import InlineReader
from unconvert.readers.akn.parse import AKN4UN_NS, line_of, local, q
from unconvert.tree import (
    AgendaItem,
    CoverLine,
    CoverRole,
    DateRef,
    DocKind,
    Footnote,
    Inline,
    Language,
    Masthead,
    MeetingRef,
    Meta,
    OdsFields,
    Organ,
    Preface,
    Session,
    plain_text,
)
from unconvert.un.ods import PRINTED_JOB_NUMBER
from unconvert.un.organs import organ_of_symbol

_ACTOR = re.compile(r"/akn/un/[^/]+/[^/]+/(?P<actor>[^/]+)/(?P<date>[^/]+)/(?P<number>[^/!@]+)")
_AGENDA_ITEM = frozenset({"agendaItem", "agenda item"})
_AGENDA_NAME = "agenda item name"
_COVER_ROLES = {"docTitle", "docProponent", "docType"}
_LABEL = "partLabel"  # our writer's class of the preface line with the letter of a part published on its own
_CLASS_ROLES = {role.value: role for role in CoverRole}
_TYPE = "decision type"  # the UN's heading line of a decision, under its agenda item


@dataclass(slots=True)
class Front:
    """What the front of the file gives: masthead, cover lines, preface, and the label of a part published on
    its own (``72/262 C``) with the notes on it and its title."""

    masthead: Masthead
    cover: tuple[CoverLine, ...]
    preface: Preface | None
    label: str | None = None
    label_notes: tuple[Footnote, ...] = ()
    label_title: tuple[Inline, ...] = ()
    # masthead facts for Meta
    symbol: str = ""
    issue_date: _dt.date | None = None
    session: Session | None = None
    agenda_items: list[AgendaItem] = field(default_factory=list)
    masthead_date_undated: bool = False


def iso_date(value: str | None) -> _dt.date | None:
    try:
        date = _dt.date.fromisoformat(value or "")
    except ValueError:
        return None
    return None if date.year == 1 else date


def _first(parent: etree._Element, path: str) -> etree._Element | None:
    found = parent.find(path, namespaces={"a": q("")[1:-1], "u": AKN4UN_NS})
    return found


class FrontReader:
    def __init__(self, inlines: InlineReader, *, exact: bool, report: Callable[[Diagnostic], None]) -> None:
        self.inlines = inlines
        self.exact = exact
        self.report = report

    # -- cover page ---------------------------------------------------------------------------------------
    def cover(self, cover: etree._Element | None, *, published: str | None = None) -> Front:
        """The masthead and cover lines; ``published`` is the FRBR expression's date (our writer dates the
        masthead's docDate with it, which tells it from a cover line holding only a date)."""
        fields: dict[str, str] = {}
        agenda: list[str] = []
        items: list[AgendaItem] = []
        lines: list[CoverLine] = []
        front = Front(masthead=Masthead(), cover=(), preface=None)
        if cover is None:
            return front
        masthead_open = True  # our writer's plain masthead date comes before any cover line
        for p in cover:
            if local(p) != "p":
                continue
            role = _CLASS_ROLES.get(p.get("class", "")) if self.exact else None
            if role is not None:  # ours: a cover line, its role in class
                masthead_open = False
                box = next((c for c in p if local(c) in _COVER_ROLES), p) if role is not CoverRole.OTHER else p
                lines.append(CoverLine(role=role, content=self.inlines.of(box), line=line_of(p)))
                continue
            if self.exact:  # our writer's masthead lines: a p with one element and nothing else
                single = len(p) == 1 and not p.text and not p[0].tail
                elements = [p[0]] if single and masthead_open else []
            else:
                elements = [c for c in p.iter() if c is not p and local(c)]
            roles = [c for c in p if local(c) in _COVER_ROLES or (local(c) == "inline" and c.get("name") == _TYPE)]
            if roles:
                masthead_open = False
                for element in roles:
                    lines.append(self._cover_line(element))
                continue
            found = False
            for el in elements:
                name = local(el)
                refers = el.get("refersTo", "")
                text = plain_text(self.inlines.of(el))
                if name == "docAuthority" and refers == "#issuingBody":
                    fields["organ"] = text
                elif name == "docAuthority":
                    fields.setdefault("authority", text)
                elif name == "docNumber":
                    fields["symbol"] = text
                elif name == "docStatus":
                    fields["distribution"] = text
                elif name == "docDate" and (not self.exact or el.get("date") == published):
                    fields["date"] = text
                    front.issue_date = iso_date(el.get("date"))
                elif name == "session":
                    fields["session"] = text
                    front.session = self._session(el, text)
                elif name == "inline" and el.get("name") in _AGENDA_ITEM:
                    agenda.append(text)
                    title = el.get("title")
                    if title or (title is not None and self.exact):  # ours: an item numbered "" too
                        numbers = title.split(", ") if self.exact else [title]
                        items.extend(AgendaItem(number=n, text=text, line=line_of(el)) for n in numbers)
                elif name == "inline" and el.get("name") == _AGENDA_NAME:
                    agenda.append(text)
                else:
                    continue
                found = True
                break
            if found:
                continue
            content = self.inlines.of(p)
            undated = masthead_open and "date" not in fields and not agenda and "session" not in fields
            if self.exact and undated and not lines:
                fields["date"] = plain_text(content)  # our writer's undated masthead date
                front.masthead_date_undated = True
                continue
            if content or self.exact:
                masthead_open = False
                lines.append(CoverLine(role=CoverRole.OTHER, content=content, line=line_of(p)))
        front.masthead = Masthead(
            authority=fields.get("authority", ""),
            symbol=fields.get("symbol", ""),
            organ=fields.get("organ", ""),
            distribution=fields.get("distribution", ""),
            date=fields.get("date", ""),
            session=fields.get("session", ""),
            agenda=tuple(agenda),
            line=line_of(cover),
        )
        front.cover = tuple(lines)
        front.symbol = fields.get("symbol", "")
        front.agenda_items = items
        return front

    def _session(self, el: etree._Element, text: str) -> Session | None:
        value = el.get("value", "")
        try:
            return Session(number=int(value), text=text, line=line_of(el))
        except ValueError:
            if value:
                self.report(
                    Diagnostic.warning(
                        "akn-session-unreadable", f"session value {value!r} is not a number", line_of(el)
                    )
                )
            return None

    def _cover_line(self, el: etree._Element) -> CoverLine:
        content = self.inlines.of(el)
        line = line_of(el)
        match local(el):
            case "docProponent":
                return CoverLine(role=CoverRole.PROPONENT, content=content, line=line)
            case "docType":
                return CoverLine(role=CoverRole.DOC_TYPE, content=content, line=line)
            case "inline":
                return CoverLine(role=CoverRole.OTHER, content=content, line=line)
        if any(isinstance(node, MeetingRef) for node in content):
            return CoverLine(role=CoverRole.ADOPTED_AT, content=content, line=line)
        numbered = el.get("refersTo") == "#resolutionNumber"  # the UN's SC title line
        if numbered or (self.exact and not any(isinstance(n, DateRef) for n in content)):
            return CoverLine(role=CoverRole.TITLE, content=content, line=line)
        return CoverLine(role=CoverRole.ADOPTION, content=content, line=line)

    # -- preface -------------------------------------------------------------------------------------------
    def preface(self, preface: etree._Element | None, front: Front, *, single: bool) -> None:
        """Number and title; with ``single``, a second ``p`` is the letter of a part published on its own."""
        if preface is None:
            return
        boxes = [p for p in preface if local(p) == "p"]
        if self.exact and any(p.get("class") == _LABEL for p in boxes):  # ours: the part's letter in its own p
            label_box = next(p for p in boxes if p.get("class") == _LABEL)
            label, label_title, label_notes = self._preface_box(label_box)
            front.label = label or None
            front.label_title = label_title
            front.label_notes = tuple(n for n in label_notes if isinstance(n, Footnote))
            boxes = [p for p in boxes if p is not label_box]
            if boxes:
                number, title, notes = self._preface_box(boxes[0])
                front.preface = Preface(number=number, title=title + notes, line=line_of(boxes[0]))
            return
        if not boxes:
            return
        number, title, notes = self._preface_box(boxes[0])
        if self.exact and single and notes:  # notes outside a title: our writer's label line, without a title line
            boxes = [boxes[0], *boxes]
        else:
            front.preface = Preface(number=number, title=title + notes, line=line_of(boxes[0]))
        if single and len(boxes) > 1:
            label, label_title, label_notes = self._preface_box(boxes[1])
            front.label = label or None
            front.label_title = label_title
            front.label_notes = tuple(n for n in label_notes if isinstance(n, Footnote))

    def _preface_box(self, p: etree._Element) -> tuple[str, tuple[Inline, ...], tuple[Inline, ...]]:
        """A preface ``p``: its ``docNumber``, its ``docTitle`` (or, in a UN file, the text after the number) and
        the notes standing outside both."""
        number = ""
        title: tuple[Inline, ...] = ()
        loose: list[Inline] = []
        for child in p:
            name = local(child)
            if name == "docNumber":
                number = plain_text(self.inlines.of(child))
            elif name == "docTitle":
                title = self.inlines.present(child)
            elif name == "authorialNote":
                loose.append(self.inlines.note(child))
            elif name and not self.exact:
                loose.extend(self.inlines.of(child))
        if not self.exact and not title and loose:
            title, loose = tuple(loose), []
        return number, title, tuple(loose)

    # -- identification ------------------------------------------------------------------------------------
    def meta(
        self,
        meta: etree._Element | None,
        kind: DocKind,
        front: Front,
        conclusions_meeting: str | None,
        name: str,
    ) -> Meta:
        work_this = ""
        dates: dict[str, _dt.date | None] = {}
        language: Language | None = None
        symbol = "" if self.exact else front.symbol  # ours: the FRBRalias, which the masthead need not print
        symbol2 = ""
        number = ""
        job_number: str | None = None
        ods = OdsFields()
        if meta is not None:
            ident = _first(meta, "a:identification")
            if ident is not None:
                work = _first(ident, "a:FRBRWork")
                if work is not None:
                    this = _first(work, "a:FRBRthis")
                    work_this = this.get("value", "") if this is not None else ""
                    for alias in work.iterfind(q("FRBRalias")):
                        if alias.get("name") == "symbol":
                            symbol = alias.get("value", "") or symbol
                        elif alias.get("name") == "symbol2":
                            symbol2 = alias.get("value", "")
                    date = _first(work, "a:FRBRdate")
                    if date is not None:
                        dates[date.get("name", "")] = iso_date(date.get("date"))
                    shown = _first(work, "a:FRBRnumber")
                    if shown is not None:
                        number = shown.get("showAs", "")
                expression = _first(ident, "a:FRBRExpression")
                if expression is not None:
                    published = _first(expression, "a:FRBRdate")
                    if published is not None:
                        dates["publication"] = iso_date(published.get("date"))
                    lang = _first(expression, "a:FRBRlanguage")
                    if lang is not None:
                        try:
                            language = Language.from_code(lang.get("language", ""))
                        except ValueError:
                            language = None
            docket = next(meta.iter(q("docketNumber")), None)
            if docket is not None:
                printed = docket.text or ""  # the UN's files add an image after it, our writer nothing
                found = PRINTED_JOB_NUMBER.fullmatch(printed.strip())
                found = found if found and found["letter"] else None
                job_number = printed if self.exact else (found["job"] if found else printed.strip())
                job_number = job_number or None
            ods_el = next(meta.iter(f"{{{AKN4UN_NS}}}ods"), None)
            if ods_el is not None:
                ods = OdsFields(
                    job=ods_el.get("jobNumber", ""),
                    symbol1=ods_el.get("symbol1", ""),
                    symbol2=ods_el.get("symbol2", ""),
                    ref_job=ods_el.get("refJob") == "true",
                )
        found_iri = _ACTOR.match(work_this)
        organ = _organ(found_iri["actor"] if found_iri else "") or organ_of_symbol(symbol)
        if organ is None:
            organ = Organ.GA
            self.report(
                Diagnostic.warning(
                    "akn-organ-unknown", "neither the FRBR IRI nor the symbol names the organ: General Assembly assumed"
                )
            )
        if language is None:
            language = Language.EN
            self.report(Diagnostic.warning("akn-language-unknown", "no FRBRlanguage: English assumed"))
        if not number and not self.exact:  # ours: no showAs is no number (the IRI then names the symbol)
            number = self._number(front, found_iri["number"] if found_iri else "", organ)
        adoption = dates.get("adoption")
        issue = front.issue_date
        if issue is None and not front.masthead_date_undated:
            if dates.get("issuance") is not None:
                issue = dates["issuance"]
            elif not self.exact or dates.get("publication") != _work_date(dates):
                issue = dates.get("publication")
        if adoption is None and not self.exact:
            self.report(Diagnostic.warning("adoption-date-missing", "the file states no adoption date"))
        stated = Meta(
            kind=kind,
            organ=organ,
            language=language,
            symbol=symbol,
            number=number,
            title=plain_text(front.preface.title) if front.preface is not None else "",
            symbol2=symbol2,
            job_number=job_number,
            issue_date=issue,
            adoption_date=adoption,
            print_date=dates.get("print"),
            session=front.session,
            agenda_items=tuple(front.agenda_items),
            distribution=front.masthead.distribution or None,
            meeting=conclusions_meeting or _meeting_of(front.cover),
            ods=ods,
        )
        facts = next(meta.iter(f"{{{AKN4UN_NS}}}facts"), None) if meta is not None and self.exact else None
        return stated if facts is None else _with_facts(stated, facts)

    def _number(self, front: Front, iri_number: str, organ: Organ) -> str:
        """The number as cited: the preface's (``77/121.``), else from the FRBR IRI (``2674-2023`` -> ``2674
        (2023)`` for the Security Council, ``2024-10`` -> ``2024/10``)."""
        if front.preface is not None and front.preface.number:
            return front.preface.number.strip().rstrip(".")
        parts = iri_number.split("-")
        if organ is Organ.SC and len(parts) == 2 and all(p.isdigit() for p in parts):
            return f"{parts[0]} ({parts[1]})"
        return "/".join(parts)


def _with_facts(meta: Meta, facts: etree._Element) -> Meta:
    """``meta`` with the facts our writer keeps in its ``proprietary`` block (``akn4un:facts``), exactly as the
    tree held them: an attribute left out is a fact the tree did not state."""
    session: Session | None = None
    number = facts.get("session")
    if number is not None and number.lstrip("-").isdigit():
        session = Session(number=int(number), text=facts.get("sessionText", ""), line=line_of(facts))
    items: list[AgendaItem] = []
    text = ""
    for item in facts.iterfind(f"{{{AKN4UN_NS}}}agendaItem"):
        text = item.get("text", text)  # left out: the text of the item before (our writer writes a line's once)
        items.append(AgendaItem(number=item.get("number", ""), text=text, line=line_of(item)))
    running_head = facts.get("runningHead")
    return replace(
        meta,
        title=facts.get("title", ""),
        running_head=() if running_head is None else tuple(running_head.split("\n")),
        issue_date=iso_date(facts.get("issueDate")),
        print_date=iso_date(facts.get("printDate")),
        session=session,
        agenda_items=tuple(items),
        distribution=facts.get("distribution"),
        meeting=facts.get("meeting"),
    )


def _work_date(dates: dict[str, _dt.date | None]) -> _dt.date | None:
    for name in ("adoption", "issuance", "print", "markup"):
        if dates.get(name) is not None:
            return dates[name]
    return None


def _organ(actor: str) -> Organ | None:
    try:
        return Organ(actor)
    except ValueError:
        return None


def _meeting_of(cover: tuple[CoverLine, ...]) -> str | None:
    for line in cover:
        for node in line.content:
            if isinstance(node, MeetingRef):
                return node.text
    return None


def meeting_in(lines: tuple[tuple[Inline, ...], ...]) -> str | None:
    for line in lines:
        for node in line:
            if isinstance(node, MeetingRef):
                return node.text
    return None


__all__ = ["Front", "FrontReader", "iso_date", "meeting_in"]
