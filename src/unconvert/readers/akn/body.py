"""AKN hierarchy -> the tree's blocks: preamble, main body, sections, paragraphs, points, tables, annex bodies.

Our own writer's shapes are read back exactly (``docs/AKN4UN.md``; ``writers/akn/build.py`` is the other half).
The UN's files are read as they are, with their known deviations repaired and reported once each:

- a number inside the text (``<p>(a)⇥To uphold …</p>`` with no ``num``): kept as text where the file puts it,
  since the file marks no number (``akn-number-in-text``);
- points listed as siblings of their paragraph (``paragraph`` elements numbered ``(a)``, ``(b)`` after a
  paragraph ``3.``, as the Arabic files of session 77 do): they are nested in it (``akn-points-as-siblings``);
- several ``preamble`` elements (one per section): read as one preamble (``akn-preamble-repeated``).

Heading lines the UN writes as a paragraph holding only a ``subheading`` (or styled ``H1`` …) are headings.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from unconvert.diagnostics import Diagnostic
from unconvert.readers.akn.inlines import InlineReader
from unconvert.readers.akn.parse import AKN4UN_NS, line_of, local
from unconvert.tree import (
    Block,
    Cell,
    Emphasis,
    Inline,
    LineBreak,
    OperativeParagraph,
    Para,
    ParaRole,
    Point,
    Preamble,
    PreambularParagraph,
    RawBlock,
    Row,
    Section,
    Table,
    Text,
    plain_text,
)
from unconvert.un.languages.base import LanguageTable
from unconvert.un.numbering import read_label

# A number printed at the start of a paragraph's text: ``1.``, ``(a)``, ``(iv)``, ``IV.``, ``1 -``.
_LEADING_NUMBER = re.compile(r"\A(\d{1,3}\.|\([a-z]{1,4}\)|\([ivxlc]{1,6}\)|[IVXLC]{1,6}\.)[\t  ]+(?=\S)")
_POINT_NUM = re.compile(r"\A\s*\((?:[a-z]{1,3}|[ivxlc]{1,6}|[\u0600-\u06ff]{1,3}|\d{1,2})\)\s*\Z")
_HEADING_CLASSES = re.compile(r"\AH(?:Ch|\d+)\Z")
_ROLES = {role.value: role for role in ParaRole}
KIND = f"{{{AKN4UN_NS}}}kind"  # our writer's: the kind of a raw block
PHRASE = f"{{{AKN4UN_NS}}}phrase"  # our writer's: a recital's opening phrase, as printed
_HIERARCHY = frozenset({"paragraph", "point", "section", "subparagraph", "item", "hcontainer", "article"})
_TEXT_BOXES = frozenset({"p", "subheading", "heading", "crossHeading", "listIntroduction", "listWrapUp"})


class BlockReader:
    """Reads the blocks under an element; ``report`` receives the diagnostics (each deviation once)."""

    def __init__(
        self, inlines: InlineReader, table: LanguageTable, *, exact: bool, report: Callable[[Diagnostic], None]
    ) -> None:
        self.inlines = inlines
        self.numbering = table
        self.exact = exact
        self._report = report
        self._reported: set[str] = set()

    def report_once(self, code: str, message: str, line: int | None) -> None:
        if code not in self._reported:
            self._reported.add(code)
            self._report(Diagnostic.warning(code, message, line))

    # -- preamble ------------------------------------------------------------------------------------------
    def preamble(self, elements: list[etree._Element]) -> Preamble:
        """One preamble from the file's ``preamble`` element(s)."""
        if len(elements) > 1:
            self.report_once(
                "akn-preamble-repeated",
                f"the file has {len(elements)} preamble elements (AKN allows one): read as one preamble, in order",
                line_of(elements[1]),
            )
        formula: tuple[Inline, ...] = ()
        children: list[Block] = []
        for element in elements:
            for child in element:
                name = local(child)
                if name == "formula":
                    lines = [self.inlines.present(p) for p in child if local(p) == "p"]
                    if not formula:
                        formula = _joined(lines)
                    else:
                        children.append(Para(content=_joined(lines), line=line_of(child)))
                elif name == "container":
                    children.append(self._container(child))
                elif name == "table":
                    children.append(self.table(child))
                elif name in _TEXT_BOXES:
                    children.append(Para(content=self.inlines.of(child), line=line_of(child)))
                elif name:
                    children.extend(self.blocks(child, top=True, only=True))
        return Preamble(formula=formula, children=tuple(children), line=line_of(elements[0]))

    def _container(self, el: etree._Element) -> Block:
        """A preamble ``container``: a recital (``name`` = its opening phrase), or what our writer made of another
        block (``text``/``heading``… paragraphs, a flattened provision)."""
        name = el.get("name", "")
        boxes = [child for child in el if local(child) == "p"]
        line = line_of(el)
        if self.exact:
            lines = [self.inlines.of(p) for p in boxes]
            if el.get(KIND) is not None:
                return RawBlock(kind=el.get(KIND, ""), text=plain_text(_joined(lines)), line=line)
            role = _ROLES.get(el.get("class", ""))
            if role is not None and len(lines) == 1:  # a paragraph in the preamble says its role in class
                return Para(content=lines[0], role=role, line=line)
            if name in ("paragraph", "point", "section") and len(lines) != 1:
                return _flattened(name, lines, line)
            if len(lines) == 1:  # a recital: its phrase names the container (akn4un:phrase="" when it has none)
                phrase = el.get(PHRASE)
                return PreambularParagraph(phrase=name if phrase is None else phrase, content=lines[0], line=line)
            return _flattened("paragraph", lines, line)
        parts: list[tuple[Inline, ...]] = []
        for child in el:
            child_name = local(child)
            if child_name in _TEXT_BOXES:
                parts.append(self.inlines.of(child))
            elif child_name == "blockList":
                parts.extend(self._block_list(child))
            elif child_name:
                parts.extend(_lines_of(self.blocks(child, top=True, only=True)))
        return PreambularParagraph(phrase=name, content=_joined(parts), line=line)

    def _block_list(self, el: etree._Element) -> list[tuple[Inline, ...]]:
        """A ``blockList``'s introduction and items as lines of text (numbers kept in front)."""
        lines: list[tuple[Inline, ...]] = []
        for child in el:
            name = local(child)
            if name in _TEXT_BOXES:
                lines.append(self.inlines.of(child))
            elif name == "item":
                num = next((c for c in child if local(c) == "num"), None)
                text: tuple[Inline, ...] = ()
                for box in child:
                    if local(box) in _TEXT_BOXES:
                        text += self.inlines.of(box)
                prefix = plain_text(self.inlines.of(num)) if num is not None else ""
                lines.append(((Text(text=prefix + " "),) if prefix else ()) + text)
        return lines

    # -- hierarchy -------------------------------------------------------------------------------------------
    def blocks(self, parent: etree._Element, *, top: bool, only: bool = False) -> list[Block]:
        """The blocks ``parent`` holds (``only``: ``parent`` itself is the one block to read)."""
        out: list[Block] = []
        for child in [parent] if only else list(parent):
            name = local(child)
            line = line_of(child)
            if name in ("paragraph", "point", "subparagraph", "item"):
                out.append(self._provision(child))
            elif name == "section" or name == "article" or name == "chapter" or name == "part":
                out.append(self._section(child))
            elif name == "hcontainer":
                out.append(self._hcontainer(child))
            elif name == "table":
                out.append(self.table(child))
            elif name in ("subheading", "heading", "crossHeading"):
                out.append(Para(content=self.inlines.of(child), role=ParaRole.HEADING, line=line))
            elif name == "p":
                if self.exact and not len(child) and not child.text and len(parent) == 1:
                    continue  # the placeholder of an empty body
                out.append(Para(content=self.inlines.of(child), line=line))
            elif name in ("container", "blockContainer", "embeddedStructure", "content", "list", "sublist"):
                out.extend(self.blocks(child, top=top))
            elif name == "blockList":
                out.extend(Para(content=text, line=line) for text in self._block_list(child))
            elif name in ("intro", "wrapUp", "num"):
                out.append(Para(content=self.inlines.of(child), line=line))
        return out if self.exact else self._nest_sibling_points(out)

    def _provision(self, el: etree._Element) -> Block:
        name = local(el)
        line = line_of(el)
        num_el = None
        heading: list[tuple[Inline, ...]] = []
        content: tuple[Inline, ...] = ()
        wrap_up: tuple[Inline, ...] = ()
        children: list[Block] = []
        boxes = 0
        for child in el:
            child_name = local(child)
            if child_name == "num":
                num_el = child
            elif child_name in ("heading", "subheading"):
                heading.append(self.inlines.of(child))
            elif child_name == "content":
                paragraphs = [c for c in child if local(c) in _TEXT_BOXES]
                others = [c for c in child if local(c) and local(c) not in _TEXT_BOXES]
                for box in paragraphs:
                    boxes += 1
                    lifted: list[etree._Element] = []
                    text = self.inlines.of(box, lift=None if self.exact else lifted)
                    for structure in lifted:
                        children.extend(self.blocks(structure, top=False))
                    if boxes == 1:
                        content = text
                    elif self.exact and boxes == 2 and not others:
                        wrap_up = self.inlines.present(box)
                    else:
                        children.append(Para(content=text, line=line_of(box)))
                for other in others:
                    children.extend(self.blocks(other, top=False, only=True))
            elif child_name == "list":
                content_, children_, wrap_ = self._list(child)
                content = content + content_ if content else content_
                children.extend(children_)
                wrap_up = wrap_
            elif child_name in _HIERARCHY or child_name in ("table", "blockList", "sublist"):
                children.extend(self.blocks(child, top=False, only=child_name != "sublist"))
            elif child_name == "p":
                children.append(Para(content=self.inlines.of(child), line=line_of(child)))
        num = plain_text(self.inlines.of(num_el)) if num_el is not None else None
        if not self.exact and num_el is None:
            self._number_in_text(content, line)
        if self.exact:
            return self._exact_provision(el, name, num, content, tuple(children), wrap_up, heading)
        if heading and num is None and not content and not children:
            return Para(content=_joined(heading), role=ParaRole.HEADING, line=line)
        if heading and (content or children or num is not None):
            return Section(
                num=num or "",
                heading=_joined(heading),
                children=(*((Para(content=content, line=line),) if content else ()), *children),
                line=line,
            )
        if num is None and not children and _HEADING_CLASSES.match(el.get("class", "")):
            return Para(content=content, role=ParaRole.HEADING, line=line)
        if name == "point" or (num is not None and _POINT_NUM.match(num)):
            return Point(num=num or "", content=content, children=tuple(children), wrap_up=wrap_up, line=line)
        return OperativeParagraph(num=num, content=content, children=tuple(children), wrap_up=wrap_up, line=line)

    def _exact_provision(
        self,
        el: etree._Element,
        name: str,
        num: str | None,
        content: tuple[Inline, ...],
        children: tuple[Block, ...],
        wrap_up: tuple[Inline, ...],
        heading: list[tuple[Inline, ...]],
    ) -> Block:
        """Our writer's paragraph or point (``class`` names the role of an unnumbered text paragraph)."""
        line = line_of(el)
        if name == "point":
            return Point(num=num or "", content=content, children=children, wrap_up=wrap_up, line=line)
        kind = el.get("class")
        if kind is not None and num is None and not children:
            raw = el.get(KIND)
            if raw is not None:
                return RawBlock(kind=raw, text=plain_text(content), line=line)
            if kind in _ROLES:
                return Para(content=content, role=_ROLES[kind], line=line)
            return RawBlock(kind=kind, text=plain_text(content), line=line)
        return OperativeParagraph(num=num, content=content, children=children, wrap_up=wrap_up, line=line)

    def _list(self, el: etree._Element) -> tuple[tuple[Inline, ...], list[Block], tuple[Inline, ...]]:
        """A ``list``: its intro, its items, its wrap-up."""
        intro: tuple[Inline, ...] = ()
        wrap_up: tuple[Inline, ...] = ()
        children: list[Block] = []
        for child in el:
            name = local(child)
            if name == "intro":
                intro = _joined([self.inlines.present(p) for p in child if local(p) in _TEXT_BOXES])
            elif name == "wrapUp":
                wrap_up = _joined([self.inlines.present(p) for p in child if local(p) in _TEXT_BOXES])
            elif name == "sublist":  # the UN's: the points of the point before it
                nested = self.blocks(child, top=False)
                if children and isinstance(children[-1], Point | OperativeParagraph):
                    last = children[-1]
                    children[-1] = type(last)(
                        num=last.num,  # type: ignore[arg-type]
                        content=last.content,
                        children=last.children + tuple(nested),
                        wrap_up=last.wrap_up,
                        line=last.line,
                    )
                else:
                    children.extend(nested)
            elif name:
                children.extend(self.blocks(child, top=False, only=True))
        return intro, children, wrap_up

    def _section(self, el: etree._Element) -> Block:
        num = None
        heading: list[tuple[Inline, ...]] = []
        children: list[Block] = []
        for child in el:
            name = local(child)
            if name == "num":
                num = plain_text(self.inlines.of(child))
            elif name == "heading" and not children:
                heading.append(self.inlines.present(child))
            elif name:
                children.extend(self.blocks(child, top=True, only=True))
        if not self.exact and not heading and children and isinstance(children[0], Para):
            first = children[0]
            if first.role is ParaRole.HEADING:  # the UN's crossHeading or subheading as the section's title
                heading.append(first.content)
                children.pop(0)
        if not self.exact:
            children = self._nest_sibling_points(children)
        return Section(num=num or "", heading=_joined(heading), children=tuple(children), line=line_of(el))

    def _hcontainer(self, el: etree._Element) -> Block:
        """Our writer's ``hcontainer``: a heading line, a recital in a section, a table or text in a list."""
        name = el.get("name", "")
        line = line_of(el)
        heading = next((c for c in el if local(c) == "heading"), None)
        content = next((c for c in el if local(c) == "content"), None)
        if name == "crossHeading" and heading is not None:
            return Para(content=self.inlines.of(heading), role=ParaRole.HEADING, line=line)
        if name == "table" and content is not None:
            table = next((c for c in content if local(c) == "table"), None)
            if table is not None:
                return self.table(table)
        box = None
        if content is not None:
            box = next((c for c in content if local(c) == "p"), None)
        text = self.inlines.of(box) if box is not None else ()
        if heading is not None and box is None:
            return Para(content=self.inlines.of(heading), role=ParaRole.HEADING, line=line)
        if self.exact and el.get(KIND) is not None:
            return RawBlock(kind=el.get(KIND, ""), text=plain_text(text), line=line)
        if name == "recital":
            phrase = el.get(PHRASE) if self.exact else None
            return PreambularParagraph(phrase=_phrase_of(text) if phrase is None else phrase, content=text, line=line)
        if name in _ROLES:
            return Para(content=text, role=_ROLES[name], line=line)
        return RawBlock(kind=name, text=plain_text(text), line=line) if self.exact else Para(content=text, line=line)

    def table(self, el: etree._Element) -> Table:
        rows: list[Row] = []
        for tr in el.iter("{*}tr"):
            cells: list[Cell] = []
            for cell in tr:
                name = local(cell)
                if name not in ("td", "th"):
                    continue
                paragraphs = tuple(self.inlines.of(p) for p in cell if local(p) in _TEXT_BOXES)
                if self.exact and paragraphs == ((),):
                    paragraphs = ()
                try:
                    colspan = max(1, int(cell.get("colspan", "1")))
                except ValueError:
                    colspan = 1
                cells.append(Cell(paragraphs=paragraphs, header=name == "th", colspan=colspan, line=line_of(cell)))
            rows.append(Row(cells=tuple(cells), line=line_of(tr)))
        if self.exact and len(rows) == 1 and len(rows[0].cells) == 1 and rows[0].cells[0] == Cell(paragraphs=()):
            rows = []  # the one empty cell our writer gives a table without rows
        return Table(rows=tuple(rows), line=line_of(el))

    # -- the UN's deviations ---------------------------------------------------------------------------------
    def _number_in_text(self, content: tuple[Inline, ...], line: int | None) -> None:
        """``(a)⇥To uphold …`` with no ``num``: the UN marked no number, so none is made up (the text keeps it,
        and the paragraph stays where the file puts it); reported once."""
        if content and isinstance(content[0], Text):
            match = _LEADING_NUMBER.match(content[0].text)
            if match is not None:
                self.report_once(
                    "akn-number-in-text",
                    f"a paragraph's text starts with the number {match.group(1)!r}, which the file does not mark "
                    "as its number: kept as text, where the file puts it (and so for every such paragraph)",
                    line,
                )

    def _nest_sibling_points(self, blocks: list[Block]) -> list[Block]:
        """Points (``(a)``, ``(i)``) listed after a numbered paragraph as its siblings go inside it."""
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, Point) and out and isinstance(out[-1], OperativeParagraph | Point):
                host = out[-1]
                if isinstance(host, OperativeParagraph):
                    self.report_once(
                        "akn-points-as-siblings",
                        f"point {block.num} is listed beside the paragraph {host.num or '(unnumbered)'} before it, "
                        "not inside it: nested in it (and so for every such point)",
                        block.line,
                    )
                    out[-1] = _with_child(host, block, self.numbering)
                    continue
                if isinstance(host, Point) and not _same_series(host.num, block.num, self.numbering):
                    out[-1] = _with_child(host, block, self.numbering)
                    continue
            out.append(block)
        return out


def _same_series(first: str, second: str, table: LanguageTable) -> bool:
    """Whether point ``second`` follows ``first`` in one series (``(a)``, ``(b)``; ``(h)``, ``(i)``) rather than
    opening a series under it (``(b)``, ``(i)``): it does unless it is the first of a series and not the next."""
    before = read_label(f"{first.strip()}\tx", table)
    after = read_label(f"{second.strip()}\tx", table)
    if before is None or after is None:
        return True
    if any(after.readings.get(style) == ordinal + 1 for style, ordinal in before.readings.items()):
        return True
    return 1 not in after.readings.values()


def _with_child(host: OperativeParagraph | Point, child: Block, table: LanguageTable) -> Block:
    if isinstance(host, OperativeParagraph):
        return OperativeParagraph(
            num=host.num, content=host.content, children=(*host.children, child), wrap_up=host.wrap_up, line=host.line
        )
    last = host.children[-1] if host.children else None
    if isinstance(last, Point) and isinstance(child, Point) and not _same_series(last.num, child.num, table):
        nested = _with_child(last, child, table)
        return Point(
            num=host.num,
            content=host.content,
            children=(*host.children[:-1], nested),
            wrap_up=host.wrap_up,
            line=host.line,
        )
    return Point(
        num=host.num, content=host.content, children=(*host.children, child), wrap_up=host.wrap_up, line=host.line
    )


def _joined(lines: list[tuple[Inline, ...]]) -> tuple[Inline, ...]:
    """Several lines as one paragraph, separated by line breaks."""
    out: list[Inline] = []
    for i, line in enumerate(lines):
        if i:
            out.append(LineBreak())
        out.extend(line)
    return tuple(out)


def _lines_of(blocks: list[Block]) -> list[tuple[Inline, ...]]:
    lines: list[tuple[Inline, ...]] = []
    for block in blocks:
        match block:
            case Para(content=content) | PreambularParagraph(content=content):
                lines.append(content)
            case (
                OperativeParagraph(num=num, content=content, children=children)
                | Point(num=num, content=content, children=children)
            ):
                lines.append(((Text(text=f"{num} "),) if num else ()) + content)
                lines.extend(_lines_of(list(children)))
            case Section(num=num, heading=heading, children=children):
                lines.append(((Text(text=f"{num} "),) if num else ()) + heading)
                lines.extend(_lines_of(list(children)))
            case Table(rows=rows):
                lines.extend(p for row in rows for cell in row.cells for p in cell.paragraphs)
            case RawBlock(text=text):
                lines.append((Text(text=text),))
    return lines


def _flattened(name: str, lines: list[tuple[Inline, ...]], line: int | None) -> Block:
    """A provision our writer flattened into a preamble container's lines: the first line and the others as
    text paragraphs under it, which the writer flattens into the same lines again."""
    first = lines[0] if lines else ()
    rest = tuple(Para(content=text) for text in lines[1:])
    if name == "section":
        return Section(num="", heading=first, children=rest, line=line)
    if name == "point":
        return Point(num="", content=first, children=rest, line=line)
    return OperativeParagraph(num=None, content=first, children=rest, line=line)


def _phrase_of(content: tuple[Inline, ...]) -> str:
    """The opening phrase of a recital: its leading emphasis, as printed."""
    if content and isinstance(content[0], Emphasis):
        return plain_text(content[0].children)
    return ""
