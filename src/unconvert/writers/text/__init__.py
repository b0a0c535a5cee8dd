"""The plain-text writer: a clean UTF-8 reading copy, ``write(document, *, context) -> bytes``.

Masthead lines, cover lines, number and title, formula, preambular paragraphs, numbered paragraphs with hanging
indents (wrapped at 80 columns, continuation lines under the text), points indented further, section and annex
headings, tables as aligned columns, closing lines, then the footnotes (marker and text). A footnote's mark is
``[1]`` where it stood. Right-to-left text (Arabic) stays in logical order: no visual reordering, no centring.
Wide East Asian characters count as two columns, and Chinese lines break between any two of them.
The output depends on the tree only. What the writer adapts it reports to ``context`` as ``text-…``
diagnostics, with the node's source line: a table too wide for columns (written row by row), an empty table
(left out), a cell spanning columns (printed in its first), characters a text file should not hold (left out).
"""

from __future__ import annotations

import functools
import re
from typing import assert_never

from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.layout import Role, roles, walk
from unconvert.layout.inlines import Run, pieces
from unconvert.tree import (
    Cell,
    DateRef,
    Document,
    Emphasis,
    Footnote,
    Inline,
    LineBreak,
    MeetingRef,
    NoteRef,
    ParaRole,
    RawInline,
    Strong,
    SymbolRef,
    Table,
    Text,
)

WIDTH = 80
INDENT = 4
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
# A run of wide characters, a run of other characters but spaces, or a run of spaces: one group each, so that a
# token's width is known from the group it matched (2 a character, its length, or nothing).
_TOKENS = re.compile(f"([{_WIDE}]+)|([^ {_WIDE}]+)|( +)")
_IS_WIDE = re.compile(f"[{_WIDE}]")
_RUNS = (Text, DateRef, MeetingRef, RawInline, SymbolRef)  # the inlines that print their text as it is
# Class tuples for ``isinstance``, made once: ``A | B`` in a call builds the union anew each time it runs.
_EMPHASIS = (Emphasis, Strong)
_MARKS = (Footnote, NoteRef)
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # as the AKN writer drops


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced terminal (wide East Asian characters count two)."""
    if text.isascii():
        return len(text)
    return len(text) + len(_IS_WIDE.findall(text))


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped to ``width`` columns: the first line starts with ``first``, the others with ``rest``.
    A ``\\n`` in ``text`` is a hard line break; runs of spaces become one; a word longer than a line stands
    alone. Lines break at spaces (never at a no-break space) and between two wide East Asian characters."""
    line = first + text
    if (  # one line that fits as it stands (most table cells): nothing to break nor collapse
        len(line) <= width  # (never wider than it is long: most paragraphs end here)
        and text
        and "\n" not in text
        and "  " not in text
        and text[0] != " "
        and text[-1] != " "
        and (line.isascii() or display_width(line) <= width)
    ):
        return [line.rstrip()]
    lines: list[str] = []
    prefix = first
    rest_room = width - (len(rest) if rest.isascii() else display_width(rest))
    wide = not text.isascii() and _IS_WIDE.search(text) is not None  # one search for all the segments
    for segment in text.split("\n"):
        if wide and _IS_WIDE.search(segment):
            _fill_wide(segment, width, prefix, rest, lines)
        else:
            room = width - (len(prefix) if prefix.isascii() else display_width(prefix))
            _fill(segment, room, rest_room, prefix, rest, lines)
        prefix = rest
    return lines


@functools.lru_cache(maxsize=256)
def _line_pattern(room: int) -> re.Pattern[str]:
    """A line of at most ``room`` columns and the space after it, the line alone in the group: the longest run of
    whole words that fits, else one word longer than the room (it stands alone). The words must end with a space
    (``_fill`` adds one): with a literal space right after the run, the regular expression engine steps back from
    the longest run to the last space in one scan, where a lookahead for a space or the end was tried as a match
    at each character. Cached (``lru_cache`` looks it up without a Python call): a few rooms, used for every
    paragraph."""
    return re.compile(f"(.{{1,{max(room, 1)}}}|[^ ]+) ")


def _fill(segment: str, first_room: int, rest_room: int, prefix: str, rest: str, lines: list[str]) -> None:
    """Greedy fill of the words of ``segment`` (split at spaces only, not at other blanks): each line is the
    longest run of whole words that fits its room. One match finds the first line, one ``findall`` all the others,
    and ``map`` puts ``rest`` in front of them: no Python code runs per line."""
    if "  " in segment or segment[:1] == " " or segment[-1:] == " ":  # runs of spaces become one
        segment = " ".join(filter(None, segment.split(" ")))
    if not segment:
        lines.append(prefix.rstrip())
        return
    words = segment + " "  # each line is matched with the space after it (``_line_pattern``), the last one too
    first = _line_pattern(first_room).match(words)
    assert first is not None  # ``words`` starts with a word: the second branch matches there
    lines.append(prefix + first[1])
    lines.extend(map(rest.__add__, _line_pattern(rest_room).findall(words, first.end())))
    lines[-1] = lines[-1].rstrip()


def _fill_wide(segment: str, width: int, prefix: str, rest: str, lines: list[str]) -> None:
    """Greedy fill of a segment holding wide characters. A line may break between any two of them, so a run of
    them is cut where the line is full: as many as fit, at least one on a line. (The width of ``rest`` is measured
    once, and a run's pieces are sliced by index: no call per piece.)"""
    current, used = prefix, display_width(prefix)
    rest_used = display_width(rest)
    empty = True
    for wide, word, _spaces in _TOKENS.findall(segment):
        if wide:
            start, count = 0, len(wide)
            while True:
                if not empty and used + 2 > width:
                    lines.append(current.rstrip())
                    current, used = rest, rest_used
                room = (width - used) // 2
                end = start + (room if room > 1 else 1)
                empty = False
                if end >= count:  # the rest of the run goes on this line
                    current += wide[start:]
                    used += 2 * (count - start)
                    break
                current += wide[start:end]
                used += 2 * (end - start)
                start = end
            continue
        if word:
            size = len(word)  # no wide character in it: one column each
            if not empty and used + size > width:
                lines.append(current.rstrip())
                current, used = rest, rest_used
            current += word
            used += size
            empty = False
        elif not empty:
            current += " "
            used += 1
    lines.append(current.rstrip())


def _plain(text: str) -> str:
    """``text`` without what a text file should not hold (the characters the AKN writer drops too)."""
    # Every character left out is unprintable, so ``isprintable``, a fast scan, spares most texts the search, many
    # times slower (the unprintable character the corpus has most, French typography's no-break space, set aside).
    # A printable text holds no tab nor CR either: it is kept as it is.
    if text.isprintable():
        return text
    if not text.replace("\xa0", " ").isprintable():
        text = _NOT_TEXT.sub("", text)
    # two replaces, not str.translate: a translation table is looked up character by character
    return text.replace("\t", " ").replace("\r", " ") if "\t" in text or "\r" in text else text


class _TextWriter:
    def __init__(self, document: Document, context: Context | None) -> None:
        self.doc = document
        self.context = context
        self.rtl = document.meta.language.rtl
        self.lines: list[str] = []
        self.notes: list[Footnote] = []

    # -- output helpers -----------------------------------------------------------------------------------------
    def report(self, diagnostic: Diagnostic) -> None:
        if self.context is not None:
            self.context.report(diagnostic)

    def check(self, text: str, line: int | None, what: str) -> None:
        """Report characters of ``text`` that ``_plain`` leaves out (controls, lone surrogates, non-characters)."""
        if _NOT_TEXT.search(text):
            found = ", ".join(sorted({f"U+{ord(c):04X}" for c in _NOT_TEXT.findall(text)}))
            self.report(
                Diagnostic.warning(
                    "text-characters-dropped",
                    f"{what} holds characters a text file should not hold, left out: {found}",
                    line=line,
                )
            )

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def para(self, text: str, first: str = "", rest: str = "") -> None:
        text = text.strip()
        if text:
            self.lines.extend(wrap(text, WIDTH, first, rest))

    def centred(self, text: str) -> None:
        for line in wrap(text.strip(), WIDTH, "", ""):
            pad = 0 if self.rtl else max(0, (WIDTH - display_width(line)) // 2)
            self.lines.append(" " * pad + line)

    def text(self, inlines: tuple[Inline, ...]) -> str:
        """The printed text of ``inlines``; footnotes become ``[marker]`` and are kept for the end. A mark with a
        separator right after another mark joins it (``[3,4]``), never a ``]`` of the document's own text."""
        if len(inlines) == 1 and type(inlines[0]) is Text:  # most paragraphs: one run of text
            joined = inlines[0].text
        else:
            out: list[str] = []
            self._collect(inlines, out, False)
            joined = "".join(out)
        plain = joined if joined.isprintable() else _plain(joined)  # (``_plain`` keeps a printable text as it is)
        if len(plain) != len(joined):  # something was left out: say where (rare, so searched only then)
            for piece in pieces(inlines):
                if isinstance(piece, Run):
                    self.check(piece.text, piece.line, "text")
        return plain

    def _collect(self, inlines: tuple[Inline, ...], out: list[str], after_mark: bool) -> bool:
        """Append the printed text of ``inlines`` to ``out`` (emphasis prints nothing of its own); true when the
        last thing written is a mark. One walk over the nodes, without the pieces the paged writers need; a run of
        text, and a phrase of one run, are looked at first: most nodes are."""
        for node in inlines:
            if type(node) is Text:
                out.append(node.text)
                after_mark = False
            elif isinstance(node, _EMPHASIS) and len(node.children) == 1 and type(node.children[0]) is Text:
                out.append(node.children[0].text)
                after_mark = False
            elif isinstance(node, _RUNS):
                out.append(node.text)
                after_mark = False
            elif isinstance(node, _EMPHASIS):
                after_mark = self._collect(node.children, out, after_mark)
            elif isinstance(node, LineBreak):
                out.append("\n")
                after_mark = False
            elif isinstance(node, _MARKS):
                if isinstance(node, Footnote):
                    self.notes.append(node)
                raw = node.separator + node.marker
                plain = _plain(raw)
                if len(plain) != len(raw):
                    self.check(raw, node.line, "a footnote mark")
                mark = "".join(plain.split())  # a mark is never broken across lines
                if node.separator and after_mark:
                    out[-1] = out[-1][:-1] + mark + "]"  # ``[3,4]``
                else:
                    out.append(f"[{mark}]")
                after_mark = True
            else:
                assert_never(node)
        return after_mark

    # -- document -----------------------------------------------------------------------------------------------
    def document(self) -> str:
        self.masthead()
        front = True
        for role in walk(self.doc):
            if front and not isinstance(role, roles.Session | roles.Agenda):
                self.blank()
                front = False
            self.role(role)
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    def masthead(self) -> None:
        m = self.doc.masthead
        pairs = [(m.authority, m.symbol), (m.organ, m.distribution), ("", m.date)]
        for left, right in pairs:
            left, right = self.text((Text(text=left),)), self.text((Text(text=right),))
            if not (left or right):
                continue
            if self.rtl:
                self.lines.extend(x for x in (left, right) if x)
                continue
            gap = WIDTH - display_width(left) - display_width(right)
            self.lines.append(left + " " * max(gap, 2) + right if right else left)

    def role(self, role: Role) -> None:
        """Write one role of the page."""
        match role:
            case (  # the roles of the body first: most of a document's roles are
                roles.Provision()
                | roles.WrapUp()
                | roles.Recital()
                | roles.Paragraph()
                | roles.RawText()
                | roles.Heading()
                | roles.TableBlock()
            ):
                self.block(role)
            case roles.Session(text=line) | roles.Agenda(text=line):
                if line:
                    self.lines.append(self.text((Text(text=line),)))
            case roles.CoverLine(content=content):
                self.para(self.text(content))
            case roles.Title(number=number, content=content):
                self.blank()
                number = _plain(number).strip()
                title = self.text(content).strip()
                if number and title:
                    lead = number + " "
                    self.para(title, lead, " " * min(display_width(lead), 12))
                else:
                    self.para(number or title)
            case roles.PartLabel(content=content):
                self.blank()
                self.centred(self.text(content))
            case roles.PartTitle(content=content):
                self.centred(self.text(content))
            case roles.Formula(content=content):
                self.blank()
                self.para(self.text(content), " " * INDENT)
            case roles.Closing(lines=lines):
                if lines:
                    self.blank()
                for closing in lines:
                    self.para(self.text(closing), " " * (WIDTH // 2), " " * (WIDTH // 2))
            case roles.AnnexTitle(label=label, headings=headings):
                self.blank()
                self.blank()
                if label:
                    self.centred(self.text(label))
                for heading in headings:
                    self.blank()
                    self.centred(self.text(heading))
            case roles.End():
                self.footnotes()
            case _:
                assert_never(role)

    def footnotes(self) -> None:
        if not self.notes:
            return
        self.blank()
        self.lines.append("_" * 15)
        self.blank()
        for note in self.notes:
            lead = f"[{_plain(note.marker)}] "
            hang = " " * min(display_width(lead), 12)
            for i, paragraph in enumerate(note.paragraphs or ((),)):
                text = self.text(paragraph).strip()
                if i == 0 and not text:
                    self.lines.append(lead.rstrip())
                elif i == 0:
                    self.para(text, lead, hang)
                else:
                    self.para(text, hang, hang)

    # -- blocks -------------------------------------------------------------------------------------------------
    def block(self, role: roles.BlockRole) -> None:
        """A block role at its nesting depth (0: a top-level paragraph; each point level indents 4 more)."""
        level = role.depth
        pad = " " * (INDENT * (level + 1))
        lines = self.lines
        if lines and lines[-1]:  # ``blank`` without the call: a blank line before every block
            lines.append("")
        match role:
            case roles.Provision(num=num, content=content):
                self.numbered(_plain(num).strip() if num else "", self.text(content), level)
            case roles.WrapUp(content=content):
                self.para(self.text(content), pad, pad)
            case roles.Recital(content=content):
                self.para(self.text(content), " " * INDENT + " " * (INDENT * level), " " * (INDENT * level))
            case roles.Paragraph(content=content, kind=kind):
                text = self.text(content)
                match kind:
                    case ParaRole.HEADING | ParaRole.CENTERED:
                        self.centred(text)
                    case ParaRole.QUOTE:
                        self.para(text, pad + " " * INDENT, pad + " " * INDENT)
                    case ParaRole.TEXT:
                        self.para(text, pad if level else " " * INDENT, " " * (INDENT * level))
                    case _:
                        assert_never(kind)
            case roles.RawText(text=text, line=line):
                self.check(text, line, "text")
                self.para(_plain(text), pad, " " * (INDENT * level))
            case roles.Heading(num=num, content=heading):
                title = " ".join(x for x in (_plain(num).strip(), self.text(heading).strip()) if x)
                self.centred(title)
            case roles.TableBlock(table=table):
                self.table(table, " " * (INDENT * level))
            case _:
                assert_never(role)

    def numbered(self, num: str, text: str, level: int) -> None:
        """``num`` at the level's indent, the text one tab stop further, continuation lines under the text."""
        indent = INDENT * (level + 1)
        if not num:  # an unnumbered (decision) paragraph: first-line indent, like running text
            self.para(text, " " * indent, " " * (indent - INDENT))
            return
        lead = " " * indent + num
        lead_width = display_width(lead)
        column = max(indent + INDENT * 2 if level == 0 else indent + INDENT, lead_width + 1)
        first = lead + " " * (column - lead_width)
        text = text.strip()
        if text:  # ``para`` without the call
            self.lines.extend(wrap(text, WIDTH, first, " " * column))
        else:
            self.lines.append(lead)

    def table(self, table: Table, pad: str) -> None:
        """The table as aligned columns, a cell's text wrapping inside its column where lines break only at
        spaces. A table too wide for that (many columns, or Chinese text that would break inside words) is
        written row by row instead, cells separated by `` | ``, so that no cell's text is interleaved."""
        grid: list[list[str]] = []
        spanning: Cell | None = None
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                cells.append(self.cell(cell))
                cells.extend("" for _ in range(cell.colspan - 1))
                if cell.colspan > 1 and spanning is None:
                    spanning = cell
            grid.append(cells)
        columns = max((len(r) for r in grid), default=0)
        if not columns:
            self.report(Diagnostic.info("text-table-empty", "a table without cells is left out", line=table.line))
            return
        if spanning is not None:
            self.report(
                Diagnostic.info(
                    "text-cell-span-dropped",
                    f"a cell spanning {spanning.colspan} columns is printed in its first column, the others left empty",
                    line=spanning.line if spanning.line is not None else table.line,
                )
            )
        natural = [0] * columns
        for cells in grid:
            for i, text in enumerate(cells):
                if "\n" in text:
                    natural[i] = max(natural[i], max(display_width(x) for x in text.split("\n")))
                else:
                    natural[i] = max(natural[i], display_width(text))
        room = WIDTH - len(pad) - 2 * (columns - 1)
        widths = _fit(natural, room)
        squeezed = [w for w, n in zip(widths, natural, strict=True) if w < n]
        if squeezed and (min(squeezed) < 10 or any(_IS_WIDE.search(text) for cells in grid for text in cells)):
            why = (
                "its columns would be narrower than 10"
                if min(squeezed) < 10
                else "its East Asian text would break inside words"
            )
            self.report(
                Diagnostic.info(
                    "text-table-as-rows",
                    f"a table of {columns} column(s) does not fit in {WIDTH} columns of text ({why}): written row "
                    "by row, cells separated by ' | '",
                    line=table.line,
                )
            )
            for cells in grid:
                line = " | ".join(text.replace("\n", " ") for text in cells)
                if line.strip(" |"):
                    self.para(line, pad, pad + " " * INDENT)
            return
        for cells in grid:
            if not cells:
                continue
            wrapped = [wrap(text, widths[i], "", "") if text else [""] for i, text in enumerate(cells)]
            for depth in range(max(len(w) for w in wrapped)):
                parts = []
                for i in range(columns):
                    piece = wrapped[i][depth] if i < len(wrapped) and depth < len(wrapped[i]) else ""
                    parts.append(piece + " " * (widths[i] - display_width(piece)))
                self.lines.append((pad + "  ".join(parts)).rstrip())

    def cell(self, cell: Cell) -> str:
        if len(cell.paragraphs) == 1:  # most cells
            return self.text(cell.paragraphs[0]).strip()
        return "\n".join(self.text(p).strip() for p in cell.paragraphs)


def _fit(natural: list[int], room: int) -> list[int]:
    """Column widths: the natural ones if they fit in ``room``, else the widest columns capped at one level."""
    widths = [max(1, w) for w in natural]
    if sum(widths) <= room:
        return widths
    low, high = 1, max(widths)
    while low < high:  # the largest cap that still fits
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in widths) <= room:
            low = cap
        else:
            high = cap - 1
    return [min(w, low) for w in widths]


def write(document: Document, *, context: Context | None = None) -> bytes:
    """``document`` as a plain-text reading copy (UTF-8, LF line ends)."""
    return _TextWriter(document, context).document().encode("utf-8")


__all__ = ["display_width", "wrap", "write"]
