"""A Word paragraph as the reader sees it: its style, alignment, plain text and the pieces the text is made of.

The text of a paragraph is what Word prints: runs' text, tabs as ``\\t``, line breaks as ``\\n``, a non-breaking
hyphen as U+2011; field codes are left out and field results kept; deleted and hidden text is left out. The
recognisers of ``unconvert.un`` read that text; ``inlines`` then cuts the pieces back into tree inlines for any
range of it, so a number or a phrase taken off the text leaves the right inlines behind.

Each piece knows its formatting as the run sets it directly (italic, bold, superscript) and the hyperlink it
belongs to. A footnote reference is a piece of no text at its place: a ``Footnote`` (its marker counted as Word
counts, or the custom mark that follows it) whose paragraphs come from the footnotes part; a ``NOTEREF`` field
(Word's second reference to a note) is a ``NoteRef`` with the number it prints.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from unconvert.readers.docx.package import R, W
from unconvert.tree import Emphasis, Footnote, Inline, LineBreak, NoteRef, Strong, SymbolRef, Text
from unconvert.un.symbols import normalise

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_UNDOCS = re.compile(r"^https?://(?:www\.)?undocs\.org/(?:(?:en|fr|es|ru|ar|zh)/)?(?P<symbol>[^?#]+)$", re.I)
_NOTEREF = re.compile(r"^\s*NOTEREF\b")
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+"(?P<url>[^"]+)"')
_SEPARATOR = re.compile(r"^[,;\u2013\-\u2011]$")
_MARKER = re.compile(r"[\w*\u2020\u2021\u00a7]{1,4}")  # what a note's mark can be: ``12``, ``*``, ``a``, ``†``
_TYPED_MARKS = re.compile(r"\d{1,3}(?:[,\u2013\-\u2011]\d{1,3})*")
_ON = {"1", "true", "on", ""}


@dataclass(slots=True)
class Piece:
    """A stretch of text with one formatting, or (``mark`` set, ``text`` empty) a note mark at ``offset``."""

    offset: int
    text: str = ""
    italic: bool = False
    bold: bool = False
    raised: bool = False
    link: str | None = None
    mark: Footnote | NoteRef | None = None


@dataclass(slots=True)
class WPara:
    """One paragraph: ``number`` its 1-based place among the document's paragraphs (the line diagnostics name)."""

    number: int
    style: str
    align: str
    text: str
    pieces: list[Piece]
    indent: int = 0  # left indent in twips, as set on the paragraph (0 when the style sets it)

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t\u00a0\n")

    def notes(self) -> list[Footnote | NoteRef]:
        return [p.mark for p in self.pieces if p.mark is not None]


@dataclass(slots=True)
class NoteSource:
    """Where footnote references get their marker and paragraphs: the footnotes part's notes by id, numbered as
    Word numbers them (automatic marks count 1, 2, 3 …; a custom mark does not count)."""

    paragraphs: Callable[[str], tuple[tuple[Inline, ...], ...]]
    counter: int = 0  # automatic notes given so far
    start: int = 1  # the first one's number (w:numStart)
    format: str = "decimal"  # w:numFmt
    typed: int = 0  # second references typed as raised figures, not as NOTEREF fields
    broken: list[str] = field(default_factory=list)  # what NOTEREF fields printed that is no mark


@dataclass(frozen=True, slots=True)
class _Format:
    """What a run's own properties say: italic, bold, raised (superscript), hidden, its character style."""

    italic: bool = False
    bold: bool = False
    raised: bool = False
    hidden: bool = False
    style: str = ""


_PLAIN = _Format()
_TOGGLES = {W + "i": "italic", W + "b": "bold", W + "vanish": "hidden", W + "webHidden": "hidden"}


def _format(rpr: Any) -> _Format:
    """The ``_Format`` of a ``w:rPr``, in one pass over its children."""
    values: dict[str, Any] = {}
    for child in rpr:
        tag = child.tag
        name = _TOGGLES.get(tag)
        if name is not None:
            values[name] = child.get(W + "val", "") in _ON
        elif tag == W + "vertAlign":
            values["raised"] = child.get(W + "val") == "superscript"
        elif tag == W + "rStyle":
            values["style"] = child.get(W + "val", "")
    return _Format(**values) if values else _PLAIN


class _Walker:
    """Collects the pieces of one paragraph; fields (NOTEREF, HYPERLINK, PAGE …) are followed across its runs."""

    def __init__(self, links: dict[str, str], notes: NoteSource | None, note_mark_styles: frozenset[str]) -> None:
        self.links = links
        self.note_mark_styles = note_mark_styles
        self.notes = notes
        self.pieces: list[Piece] = []
        self.parts: list[str] = []
        self.length = 0
        self.fields: list[list[Any]] = []  # [instruction, in result, collected result text]
        self.custom_pending: Footnote | None = None

    # --- text ------------------------------------------------------------------------------------------------
    def add(self, text: str, fmt: _Format, link: str | None) -> None:
        if not text:
            return
        if self.fields:
            for f in self.fields:
                if not f[1]:
                    return  # inside a field's instruction: not printed
            if _NOTEREF.match(self.fields[-1][0]):
                self.fields[-1][2] += text
                return
            if link is None:
                url = _HYPERLINK.match(self.fields[-1][0])
                link = url.group("url") if url else None
        italic, bold, raised = fmt.italic, fmt.bold, fmt.raised
        if raised and self.typed_reference(text):
            return
        last = self.pieces[-1] if self.pieces else None
        if (
            last is not None
            and last.mark is None
            and last.italic is italic
            and last.bold is bold
            and last.raised is raised
            and last.link == link
        ):
            last.text += text
        else:
            self.pieces.append(Piece(self.length, text, italic, bold, raised, link))
        self.parts.append(text)
        self.length += len(text)

    def typed_reference(self, text: str) -> bool:
        """Raised figures typed by hand after a note was given (``Auditors;1–21``, ``Convention,7``): second
        references to notes that exist, as Word's NOTEREF would print them. Figures naming no note given so far
        stay text."""
        match = _TYPED_MARKS.fullmatch(text)
        if match is None or self.notes is None or self.notes.counter == 0:
            return False
        numbers = [int(n) for n in re.findall(r"\d+", text)]
        given = range(self.notes.start, self.notes.start + self.notes.counter)
        if self.notes.format != "decimal" or not all(n in given for n in numbers):
            return False
        separator = ""
        for token in re.findall(r"\d+|[^\d]", text):
            if token.isdigit():
                self.mark(NoteRef(marker=token, separator=separator))
                separator = ""
            else:
                separator = token
        self.notes.typed += 1
        return True

    def has_words(self) -> bool:
        return any(part.strip() for part in self.parts)

    def mark(self, node: Footnote | NoteRef) -> None:
        self.pieces.append(Piece(self.length, mark=node))

    # --- elements --------------------------------------------------------------------------------------------
    def walk(self, parent: Any, link: str | None = None) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "r":
                self.run(child, link)
            elif tag == W + "hyperlink":
                rid = child.get(R + "id")
                self.walk(child, self.links.get(rid, link) if rid else link)
            elif tag == W + "fldSimple":
                self.fields.append([child.get(W + "instr", ""), True, ""])
                self.walk(child, link)
                self.end_field()
            elif tag in (W + "smartTag", W + "ins", W + "customXml", W + "sdtContent", W + "moveTo"):
                self.walk(child, link)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.walk(content, link)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self.walk(choice, link)

    def run(self, run: Any, link: str | None) -> None:
        rpr = run.find(W + "rPr")
        fmt = _PLAIN if rpr is None else _format(rpr)
        if fmt.hidden:
            return
        if fmt.style and fmt.style in self.note_mark_styles and not self.has_words():
            return  # a note's own mark, typed (``1``, ``*``) or Word's footnoteRef: the marker, not its text
        for child in run:
            tag = child.tag
            if tag == W + "t":
                text = child.text or ""
                if self.custom_pending is not None:
                    self.custom_mark(text)
                    continue
                self.add(text, fmt, link)
            elif tag == W + "tab" or tag == W + "ptab":
                self.add("\t", fmt, link)
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") in (None, "textWrapping"):
                    self.add("\n", fmt, link)
            elif tag == W + "noBreakHyphen":
                self.add("\u2011", fmt, link)
            elif tag == W + "sym":
                code = child.get(W + "char", "")
                with contextlib.suppress(ValueError):
                    self.add(chr(int(code, 16)), fmt, link)
            elif tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    self.fields.append(["", False, ""])
                elif kind == "separate" and self.fields:
                    self.fields[-1][1] = True
                elif kind == "end" and self.fields:
                    self.end_field()
            elif tag == W + "instrText":
                if self.fields:
                    self.fields[-1][0] += child.text or ""
            elif tag == W + "footnoteReference":
                self.footnote(child)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self.walk(choice, link)

    def end_field(self) -> None:
        instruction, _result, printed = self.fields.pop()
        if _NOTEREF.match(instruction):
            marker = printed.strip()
            if _MARKER.fullmatch(marker):
                self.mark(NoteRef(marker=marker))
            elif marker and self.notes is not None:
                # what Word printed when the note's bookmark was lost (``Error! Reference source not found.``):
                # no mark to link; the printed text is kept, with a warning
                self.notes.broken.append(marker)
                self.add(printed, _PLAIN, None)
            # a NOTEREF without a printed number has nothing to show: left out

    def footnote(self, ref: Any) -> None:
        if self.notes is None:
            return
        note_id = ref.get(W + "id", "")
        paragraphs = self.notes.paragraphs(note_id)
        if ref.get(W + "customMarkFollows") in _ON and ref.get(W + "customMarkFollows") is not None:
            self.custom_pending = Footnote(marker="", paragraphs=paragraphs)
            return
        self.notes.counter += 1
        marker = note_marker(self.notes.start + self.notes.counter - 1, self.notes.format)
        self.mark(Footnote(marker=marker, paragraphs=paragraphs))

    def custom_mark(self, text: str) -> None:
        pending = self.custom_pending
        assert pending is not None
        self.custom_pending = None
        self.mark(Footnote(marker=text.strip() or "*", paragraphs=pending.paragraphs))


_ROMAN = (
    ("m", 1000),
    ("cm", 900),
    ("d", 500),
    ("cd", 400),
    ("c", 100),
    ("xc", 90),
    ("l", 50),
    ("xl", 40),
    ("x", 10),
    ("ix", 9),
    ("v", 5),
    ("iv", 4),
    ("i", 1),
)
_CHICAGO = ("*", "\u2020", "\u2021", "\u00a7")


def note_marker(number: int, numbering: str) -> str:
    """The mark Word prints for automatic note ``number`` in the numbering ``numbering`` (``w:numFmt``): ``12``,
    ``l``, ``L``, ``xii``, ``XII``, ``*``, ``†`` … (Chicago: the four symbols, then doubled). A numbering Word has
    that is none of these prints as figures here."""
    if numbering in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26] * ((number - 1) // 26 + 1)
        return letter if numbering == "lowerLetter" else letter.upper()
    if numbering in ("lowerRoman", "upperRoman"):
        out, rest = "", number
        for token, value in _ROMAN:
            while rest >= value:
                out, rest = out + token, rest - value
        return out if numbering == "lowerRoman" else out.upper()
    if numbering == "chicago":
        return _CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return str(number)


def note_mark_styles(styles: dict[str, str]) -> frozenset[str]:
    """The ids of the character styles of a footnote's own mark (``FootnoteReference``, named ``footnote
    reference``)."""
    return frozenset(
        {"FootnoteReference"} | {sid for sid, name in styles.items() if name.lower() == "footnote reference"}
    )


def read_paragraph(
    p: Any,
    number: int,
    styles: dict[str, str],
    links: dict[str, str],
    notes: NoteSource | None,
    *,
    mark_styles: frozenset[str] = frozenset(),
) -> WPara:
    """The ``WPara`` of a ``w:p`` element. In a footnote, ``mark_styles`` are the styles of the note's own mark,
    left out where they open it."""
    ppr = p.find(W + "pPr")
    style = align = ""
    indent = 0
    if ppr is not None:
        ps = ppr.find(W + "pStyle")
        if ps is not None:
            style = ps.get(W + "val", "")
        jc = ppr.find(W + "jc")
        if jc is not None:
            align = jc.get(W + "val", "")
        ind = ppr.find(W + "ind")
        if ind is not None:
            try:
                indent = int(ind.get(W + "left") or ind.get(W + "start") or 0)
            except ValueError:
                indent = 0
    walker = _Walker(links, notes, mark_styles)
    walker.walk(p)
    if walker.custom_pending is not None:  # a custom mark with no text after it
        walker.custom_mark("")
    return WPara(number, style, align, "".join(walker.parts), walker.pieces, indent)


@functools.lru_cache(maxsize=1024)
def symbol_of_link(url: str | None) -> str | None:
    """The UN symbol an undocs.org link names (``https://undocs.org/en/A/RES/71/9`` -> ``A/RES/71/9``)."""
    if not url:
        return None
    match = _UNDOCS.match(url.strip())
    if match is None:
        return None
    symbol = unquote(match.group("symbol")).strip().strip("/")
    if not symbol:
        return None
    try:
        return normalise(symbol)  # ``S/RES/2189(2014)`` as the UN prints it: ``S/RES/2189 (2014)``
    except ValueError:  # a link to what parses as no symbol (``A/C.6/64/SR.1–28/Corrigendum;``) names it as it stands
        return symbol


def inlines(para: WPara, start: int = 0, end: int | None = None) -> tuple[Inline, ...]:
    """The tree inlines of ``para.text[start:end]``: italics as ``Emphasis``, bold as ``Strong``, a line break as
    ``LineBreak``, an undocs.org link as ``SymbolRef``; the note marks standing in the range at their places
    (a mark right at ``start`` belongs to the range only when ``start`` is 0). Superscript punctuation between
    two marks (``3,4``) becomes the second mark's separator."""
    stop = len(para.text) if end is None else end
    out: list[Inline] = []
    pieces = para.pieces
    for i, piece in enumerate(pieces):
        if piece.mark is not None:
            if start < piece.offset <= stop or piece.offset == start == 0:
                node = piece.mark
                separator = _separator_before(pieces, i)
                if separator and isinstance(node, Footnote):
                    node = Footnote(marker=node.marker, paragraphs=node.paragraphs, separator=separator)
                elif separator and isinstance(node, NoteRef):
                    node = NoteRef(marker=node.marker, separator=separator)
                out.append(node)
            continue
        a = max(start, piece.offset)
        b = min(stop, piece.offset + len(piece.text))
        if a >= b:
            continue
        text = piece.text[a - piece.offset : b - piece.offset]
        if piece.raised and _SEPARATOR.match(text) and _between_marks(pieces, i):
            continue
        out.extend(_styled(text, piece))
    return _merge(out)


def _between_marks(pieces: list[Piece], i: int) -> bool:
    return 0 < i < len(pieces) - 1 and pieces[i - 1].mark is not None and pieces[i + 1].mark is not None


def _separator_before(pieces: list[Piece], i: int) -> str:
    if i >= 2 and pieces[i - 1].mark is None and _between_marks(pieces, i - 1):
        previous = pieces[i - 1]
        if previous.raised and _SEPARATOR.match(previous.text):
            return previous.text
    return ""


def _styled(text: str, piece: Piece) -> Iterator[Inline]:
    nodes: list[Inline] = []
    for k, chunk in enumerate(text.split("\n")):
        if k:
            nodes.append(LineBreak())
        if chunk:
            symbol = symbol_of_link(piece.link)
            nodes.append(SymbolRef(symbol=symbol, text=chunk) if symbol else Text(text=chunk))
    if piece.bold:
        nodes = [Strong(children=tuple(nodes))]
    if piece.italic:
        nodes = [Emphasis(children=tuple(nodes))]
    yield from nodes


_TABS = re.compile(r"[ \u00a0]*\t[\t \u00a0]*")


def _untabbed(node: Inline, after_break: bool) -> Inline | None:
    """Tabs are layout (Word aligns with them): a run of them is one space, none after a line break."""
    if (isinstance(node, Text | SymbolRef) and "\t" in node.text) or (after_break and isinstance(node, Text)):
        text = _TABS.sub(" ", node.text)
        if after_break:
            text = text.lstrip(" \u00a0")
        if not text:
            return None
        return Text(text=text) if isinstance(node, Text) else SymbolRef(symbol=node.symbol, text=text)
    return node


def _merge(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Adjacent plain texts joined, adjacent emphases (and strongs) joined; tabs made spaces."""
    out: list[Inline] = []
    for raw in nodes:
        node = _untabbed(raw, bool(out) and isinstance(out[-1], LineBreak))
        if node is None:
            continue
        last = out[-1] if out else None
        if isinstance(node, Text) and isinstance(last, Text):
            out[-1] = Text(text=last.text + node.text)
        elif isinstance(node, Emphasis) and isinstance(last, Emphasis):
            out[-1] = Emphasis(children=_merge([*last.children, *node.children]))
        elif isinstance(node, Strong) and isinstance(last, Strong):
            out[-1] = Strong(children=_merge([*last.children, *node.children]))
        else:
            out.append(node)
    return tuple(out)


def trimmed(para: WPara, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """``start`` and ``end`` moved inwards past blanks (spaces, tabs, no-break spaces, line breaks)."""
    stop = len(para.text) if end is None else end
    text = para.text
    while start < stop and text[start] in " \t\u00a0\n":
        start += 1
    while stop > start and text[stop - 1] in " \t\u00a0\n":
        stop -= 1
    # a note mark after the last words (``text. ¹``) stays in: the range runs to it
    last_mark = max((p.offset for p in para.pieces if p.mark is not None and stop < p.offset <= len(text)), default=0)
    return start, max(stop, last_mark)


__all__ = [
    "NoteSource",
    "Piece",
    "WPara",
    "inlines",
    "note_mark_styles",
    "read_paragraph",
    "symbol_of_link",
    "trimmed",
]
