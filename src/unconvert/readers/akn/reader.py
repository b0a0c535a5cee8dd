"""AKN bytes -> ``Document``: the document element (``statement``, or a ``documentCollection`` whose
``components`` hold one statement per part), its front (``front.py``), its parts' preamble, main body and
conclusions, and its annexes (``attachments``), with the blocks read by ``body.py`` and the inlines by
``inlines.py``.

A file our writer made (``identification source="#unconvert"``) is read exactly, so that writing what is read
gives the same bytes again; any other file is read as the UN writes AKN4UN, its layout undone and its known
deviations repaired with a warning each (``body.py``).
"""

from __future__ import annotations

from lxml import etree

from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError
from unconvert.readers.akn.body import BlockReader
from unconvert.readers.akn.front import FrontReader, meeting_in
from unconvert.readers.akn.inlines import InlineReader, trim
from unconvert.readers.akn.parse import line_of, local, parse, q
from unconvert.tree import (
    Annex,
    Block,
    Conclusions,
    DocKind,
    Document,
    Footnote,
    Inline,
    Language,
    LineBreak,
    Para,
    ParaRole,
    Part,
    plain_text,
)
from unconvert.un.annexes import read_annex_label
from unconvert.un.languages import table_for

OURS = "#unconvert"
_DOCUMENTS = ("statement", "documentCollection", "doc")


def read(data: bytes, *, name: str = "<input>") -> Document:
    """Read one AKN document; ``ReadError`` (file and line) for input that is not AKN we can read."""
    root = parse(data, name=name)
    outer = next((child for child in root if local(child) in _DOCUMENTS), None)
    if outer is None:
        found = next((child for child in root if local(child)), None)
        what = f"<{local(found)}>" if found is not None else "nothing"
        line = line_of(found) if found is not None else line_of(root)
        raise ReadError(f"akomaNtoso holds {what}, not a statement or a documentCollection", name=name, line=line)
    return _Reader(root, outer, name).document()


class _Reader:
    def __init__(self, root: etree._Element, outer: etree._Element, name: str) -> None:
        self.root = root
        self.outer = outer
        self.name = name
        ident = outer.find(f"{q('meta')}/{q('identification')}")
        self.exact = ident is not None and ident.get("source") == OURS
        self.diagnostics: list[Diagnostic] = []
        self.inlines = InlineReader(exact=self.exact, report=self.diagnostics.append)
        self.blocks = BlockReader(
            self.inlines, table_for(_language(outer)), exact=self.exact, report=self.diagnostics.append
        )
        self.front = FrontReader(self.inlines, exact=self.exact, report=self.diagnostics.append)

    def _child(self, parent: etree._Element, tag: str) -> etree._Element | None:
        return parent.find(q(tag))

    def document(self) -> Document:
        outer = self.outer
        collection = local(outer) == "documentCollection"
        statements = self._component_statements() if collection else []
        kind_name = (statements[0] if statements else outer).get("name", "")
        kind = DocKind.DECISION if kind_name == DocKind.DECISION.value else DocKind.RESOLUTION
        published = outer.find(f"{q('meta')}/{q('identification')}/{q('FRBRExpression')}/{q('FRBRdate')}")
        front = self.front.cover(
            self._child(outer, "coverPage"), published=published.get("date") if published is not None else None
        )
        self.front.preface(self._child(outer, "preface"), front, single=not collection)
        if collection:
            parts = tuple(self._component(statement) for statement in statements) or (Part(),)
        else:
            part = self._part(outer)
            parts = (
                Part(
                    label=front.label,
                    label_notes=front.label_notes,
                    title=front.label_title,
                    preamble=part.preamble,
                    body=part.body,
                    conclusions=part.conclusions,
                    line=part.line,
                ),
            )
        meeting = next((meeting_in(p.conclusions.lines) for p in parts if p.conclusions is not None), None)
        meta = self.front.meta(self._child(outer, "meta"), kind, front, meeting, self.name)
        annexes = self._annexes(outer, meta.language)
        return Document(
            meta=meta,
            masthead=front.masthead,
            cover=front.cover,
            preface=front.preface,
            parts=parts,
            annexes=annexes,
            diagnostics=tuple(self.diagnostics),
        )

    # -- parts ---------------------------------------------------------------------------------------------
    def _component_statements(self) -> list[etree._Element]:
        """The statements of a collection's components: inside the collection, or (the UN's files) in a
        ``components`` element beside it."""
        components = self._child(self.outer, "components")
        if components is None:
            components = self._child(self.root, "components")
        if components is None:
            return []
        found: list[etree._Element] = []
        for component in components:
            statement = next((c for c in component if local(c) in _DOCUMENTS), None)
            if statement is not None:
                found.append(statement)
        return found

    def _component(self, statement: etree._Element) -> Part:
        part = self._part(statement)
        label: str | None = None
        notes: tuple[Footnote, ...] = ()
        title: tuple[Inline, ...] = ()
        preface = self._child(statement, "preface")
        if preface is not None:
            box = self._child(preface, "p")
            if box is not None:
                for child in box:
                    name = local(child)
                    if name == "docNumber":
                        label = plain_text(self.inlines.of(child))
                    elif name == "docTitle":
                        title = self.inlines.present(child)
                    elif name == "authorialNote":
                        notes += (self.inlines.note(child),)
        return Part(
            label=label,
            label_notes=notes,
            title=title,
            preamble=part.preamble,
            body=part.body,
            conclusions=part.conclusions,
            line=line_of(statement),
        )

    def _part(self, statement: etree._Element) -> Part:
        preambles = [child for child in statement if local(child) == "preamble"]
        bodies = [child for child in statement if local(child) in ("mainBody", "body")]
        preamble = self.blocks.preamble(preambles) if preambles else None
        body: list[Block] = []
        for element in bodies:
            body.extend(self.blocks.blocks(element, top=True))
        conclusions = self._conclusions(self._child(statement, "conclusions"))
        return Part(preamble=preamble, body=tuple(body), conclusions=conclusions, line=line_of(statement))

    def _conclusions(self, el: etree._Element | None) -> Conclusions | None:
        if el is None:
            return None
        lines: list[tuple[Inline, ...]] = []
        for p in el:
            if local(p) != "p":
                continue
            current: list[Inline] = []
            for node in self.inlines.of(p):
                if isinstance(node, LineBreak):
                    lines.append(_trimmed(tuple(current), self.exact))
                    current = []
                else:
                    current.append(node)
            lines.append(_trimmed(tuple(current), self.exact))
        return Conclusions(lines=tuple(lines), line=line_of(el)) if lines else None

    # -- annexes -------------------------------------------------------------------------------------------
    def _annexes(self, outer: etree._Element, language: object) -> tuple[Annex, ...]:
        attachments = self._child(outer, "attachments")
        if attachments is None:
            return ()
        annexes: list[Annex] = []
        for attachment in attachments:
            doc = next((c for c in attachment if local(c) in _DOCUMENTS), None)
            if doc is not None:
                annexes.append(self._annex(doc, language))
        return tuple(annexes)

    def _annex(self, doc: etree._Element, language: object) -> Annex:
        label: tuple[Inline, ...] = ()
        headings: list[tuple[Inline, ...]] = []
        preface = self._child(doc, "preface")
        if preface is not None:
            for p in preface:
                for child in p:
                    if local(child) == "docType":
                        label = self.inlines.present(child)
                    elif local(child) == "docTitle":
                        headings.append(self.inlines.of(child))
        body = self._child(doc, "mainBody")
        children = self.blocks.blocks(body, top=True) if body is not None else []
        if not self.exact and not label:
            label, headings, children = _annex_heading(children, headings, language)
        return Annex(label=label, headings=tuple(headings), children=tuple(children), line=line_of(doc))


def _language(outer: etree._Element) -> Language:
    """The language the FRBR expression names (English when it names none: the front reader says so)."""
    found = outer.find(f"{q('meta')}/{q('identification')}/{q('FRBRExpression')}/{q('FRBRlanguage')}")
    try:
        return Language.from_code(found.get("language", "") if found is not None else "")
    except ValueError:
        return Language.EN


def _trimmed(line: tuple[Inline, ...], exact: bool) -> tuple[Inline, ...]:
    """One closing line: exactly as written in our own files; in the UN's, without the blanks that stood around
    the ``eol`` that ends or opens it (``65th plenary meeting <eol/>``), as a paragraph's edges lose theirs."""
    return line if exact else trim(line)


def _annex_heading(
    children: list[Block], headings: list[tuple[Inline, ...]], language: object
) -> tuple[tuple[Inline, ...], list[tuple[Inline, ...]], list[Block]]:
    """The UN's annex: its label (``Annex``) and title as the first heading paragraphs of its body."""
    from unconvert.tree import Language

    if not isinstance(language, Language) or not children:
        return (), headings, children
    first = children[0]
    if not isinstance(first, Para) or first.role is not ParaRole.HEADING:
        return (), headings, children
    table = table_for(language)
    if read_annex_label(plain_text(first.content).strip(), table, after_closing=True) is None:
        return (), headings, children
    rest = children[1:]
    while rest and isinstance(rest[0], Para) and rest[0].role is ParaRole.HEADING:
        headings.append(rest[0].content)
        rest = rest[1:]
    return first.content, headings, rest
