"""An AKN element's mixed content -> the tree's inlines.

Two sources write it differently. Our own writer's text is exact: every character of a ``p`` is the document's.
The UN's files are pretty-printed inside mixed content (a newline and indentation between elements) and keep
Word's tabs (``<p>⇥<span class="italic">Recalling</span> …</p>``): for them a newline with its indentation is
layout and dropped, a tab is a space, and a paragraph's leading and trailing blanks go. Arabic files print a mark
as ``(1)`` with raised brackets around the note (``<sup>(</sup><authorialNote …/><sup>)</sup>``) and begin the
note's text with the empty brackets ``()``: brackets and placeholder are the mark's presentation, not text.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from lxml import etree

from unconvert.diagnostics import Diagnostic
from unconvert.readers.akn.parse import AKN4UN_NS, line_of, local
from unconvert.tree import (
    DateRef,
    DateRole,
    Emphasis,
    Footnote,
    Inline,
    LineBreak,
    MeetingRef,
    NoteRef,
    RawInline,
    Strong,
    SymbolRef,
    Text,
)
from unconvert.un.symbols import normalise, symbol_of_url

_INDENT = re.compile(r"\r?\n[ \t]*")
_TABS = re.compile(r" *\t[\t ]*")
_EMPTY_MARK = re.compile(r"\A\s*\(\)\s*")
_ROLES = {
    "#adoptionDate": DateRole.ADOPTION,
    "#dateOfAdoption": DateRole.ADOPTION,
    "#dateOfIssuance": DateRole.ISSUE,
}
_MEETING = frozenset({"#adoptionMeeting"})
_DROPPED = frozenset({"img", "meta"})
_SEPARATOR = f"{{{AKN4UN_NS}}}separator"  # our writer's: what Word raised between this mark and the one before
_KIND = f"{{{AKN4UN_NS}}}kind"  # our writer's: the kind of a raw inline


class InlineReader:
    """Reads inline content; ``exact`` for our own files (text as is), else the UN's layout is undone."""

    def __init__(self, *, exact: bool, report: Callable[[Diagnostic], None]) -> None:
        self.exact = exact
        self.report = report
        self._lift: list[etree._Element] | None = None

    def of(self, el: etree._Element, *, lift: list[etree._Element] | None = None) -> tuple[Inline, ...]:
        """The inlines of ``el``'s content (its text, children and their tails), edges trimmed for UN files.
        With ``lift``, structures standing inside the paragraph (the UN's ``embeddedStructure``: a quoted draft
        with its own paragraphs) are put there for the caller to read as blocks, instead of flattened."""
        out: list[Inline] = []
        outer, self._lift = self._lift, lift
        self._content(el, out)
        self._lift = outer
        merged = _merge(out)
        return merged if self.exact else trim(merged)

    def present(self, el: etree._Element) -> tuple[Inline, ...]:
        """``of(el)`` for an element our writer writes only for content it has: when that content prints nothing
        (an empty text), an empty text stands for it, so that it is written again."""
        found = self.of(el)
        return found if found or not self.exact else (Text(text="", line=line_of(el)),)

    def _content(self, el: etree._Element, out: list[Inline]) -> None:
        line = line_of(el)
        self._text(el.text, line, out)
        for child in el:
            if not self._bracket_of_mark(child):
                self._node(child, out)
            self._text(child.tail, line_of(child), out)

    def _text(self, text: str | None, line: int | None, out: list[Inline]) -> None:
        if not text:
            return
        if not self.exact:
            text = _TABS.sub(" ", _INDENT.sub("", text))
            if not text:
                return
        out.append(Text(text=text, line=line))

    def _bracket_of_mark(self, el: etree._Element) -> bool:
        """A raised ``(`` just before a note or ``)`` just after one (Arabic files): the mark's brackets."""
        if self.exact or local(el) != "sup" or len(el):
            return False
        text = (el.text or "").strip()
        if text == "(":
            neighbour = el.getnext()
        elif text == ")":
            neighbour = el.getprevious()
        else:
            return False
        return neighbour is not None and local(neighbour) == "authorialNote"

    def _node(self, el: etree._Element, out: list[Inline]) -> None:
        name = local(el)
        line = line_of(el)
        match name:
            case "authorialNote":
                out.append(self.note(el))
            case "noteRef":
                out.append(NoteRef(marker=el.get("marker", ""), separator=el.get(_SEPARATOR, ""), line=line))
            case "eol" | "eop" | "br":
                out.append(LineBreak(line=line))
            case "i":
                out.append(Emphasis(children=self._inner(el), line=line))
            case "b":
                out.append(Strong(children=self._inner(el), line=line))
            case "span" if not self.exact:
                classes = (el.get("class") or "").split()
                if "italic" in classes:
                    out.append(Emphasis(children=self._inner(el), line=line))
                elif "bold" in classes:
                    out.append(Strong(children=self._inner(el), line=line))
                else:
                    self._content(el, out)
            case "ref" | "a":
                symbol = symbol_of_url(el.get("href", ""), exact=self.exact)
                if symbol is None:
                    self._content(el, out)
                else:
                    if not self.exact:
                        symbol = _normalised(symbol)
                    out.append(SymbolRef(symbol=symbol, text=self._plain(el), line=line))
            case "docDate" | "date":
                self._date(el, out)
            case "inline" if self.exact and el.get("name") == "raw" and el.get(_KIND) is not None:
                out.append(RawInline(kind=el.get(_KIND, ""), text=self._plain(el), line=line))
            case "inline" | "location" if el.get("name") == "adoptionMeeting" or el.get("refersTo") in _MEETING:
                out.append(MeetingRef(ordinal=el.get("title", ""), text=self._plain(el), line=line))
            case _ if name in _DROPPED:
                pass
            case "embeddedStructure" if self._lift is not None:
                self._lift.append(el)
            case _:
                self._content(el, out)

    def _inner(self, el: etree._Element) -> tuple[Inline, ...]:
        out: list[Inline] = []
        self._content(el, out)
        return _merge(out)

    def _plain(self, el: etree._Element) -> str:
        """The text of ``el`` and everything in it (notes inside a link or a date are not expected)."""
        out: list[Inline] = []
        self._content(el, out)
        return "".join(node.text for node in out if isinstance(node, Text))

    def _date(self, el: etree._Element, out: list[Inline]) -> None:
        value = el.get("date", "")
        try:
            date = _dt.date.fromisoformat(value)
        except ValueError:
            date = None
        if date is None or date.year == 1:  # the UN's placeholder 0001-01-01 is no date
            self.report(
                Diagnostic.warning(
                    "akn-date-unreadable", f"a date marked {value!r} is kept as text, without its value", line_of(el)
                )
            )
            self._content(el, out)
            return
        role = _ROLES.get(el.get("refersTo", "")) if local(el) == "docDate" else None
        out.append(DateRef(date=date, text=self._plain(el), role=role, line=line_of(el)))

    def note(self, el: etree._Element) -> Footnote:
        paragraphs = [self.of(p) for p in el if local(p) == "p"]
        if self.exact and paragraphs == [()]:
            paragraphs = []  # the empty p our writer gives a note without text (AKN wants one)
        if not self.exact and paragraphs:
            paragraphs[0] = _without_empty_mark(paragraphs[0])
        return Footnote(
            marker=el.get("marker", ""),
            paragraphs=tuple(paragraphs),
            separator=el.get(_SEPARATOR, ""),
            line=line_of(el),
        )


def _normalised(symbol: str) -> str:
    """A linked symbol as the UN prints it (``S/RES/2133(2014)``: ``S/RES/2133 (2014)``); a link that parses as
    no symbol (``2414 (2018)``) names it as it stands."""
    try:
        return normalise(symbol)
    except ValueError:
        return symbol


def _merge(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Adjacent texts joined (the AKN cannot tell them apart), empty ones dropped."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(text=out[-1].text + node.text, line=out[-1].line)
                continue
        out.append(node)
    return tuple(out)


def trim(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``nodes`` without blanks at their start and end (inside emphasis too): the UN's layout around a line."""
    return _trim_end(_trim_start(nodes))


def _trim_start(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    items = list(nodes)
    while items:
        first = items[0]
        if isinstance(first, Text):
            text = first.text.lstrip(" \t\r\n")
            if text:
                items[0] = Text(text=text, line=first.line)
                break
            items.pop(0)
        elif isinstance(first, Emphasis | Strong):
            inner = _trim_start(first.children)
            items[0] = type(first)(children=inner, line=first.line)
            if inner:
                break
            items.pop(0)
        else:
            break
    return tuple(items)


def _trim_end(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    items = list(nodes)
    while items:
        last = items[-1]
        if isinstance(last, Text):
            text = last.text.rstrip(" \t\r\n")
            if text:
                items[-1] = Text(text=text, line=last.line)
                break
            items.pop()
        elif isinstance(last, Emphasis | Strong):
            inner = _trim_end(last.children)
            items[-1] = type(last)(children=inner, line=last.line)
            if inner:
                break
            items.pop()
        else:
            break
    return tuple(items)


def _without_empty_mark(paragraph: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """An Arabic note's first paragraph without the ``()`` that stands for its mark."""
    if paragraph and isinstance(paragraph[0], Text):
        match = _EMPTY_MARK.match(paragraph[0].text)
        if match:
            rest = paragraph[0].text[match.end() :]
            head: tuple[Inline, ...] = (Text(text=rest, line=paragraph[0].line),) if rest else ()
            return head + paragraph[1:]
    return paragraph
