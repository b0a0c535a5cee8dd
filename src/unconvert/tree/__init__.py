"""The document tree: typed, immutable, importable without lxml, python-docx or reportlab.

Every node is a frozen dataclass with tuples for children and a ``line`` (1-based source line) that equality
ignores. ``Block`` and ``Inline`` are the two closed unions writers dispatch on. ``to_json`` / ``from_json`` give
the versioned JSON form. ``docs/tree.md`` describes every node.
"""

from unconvert.diagnostics import Diagnostic, Severity
from unconvert.tree.blocks import (
    Block,
    Cell,
    OperativeParagraph,
    Para,
    ParaRole,
    Point,
    PreambularParagraph,
    RawBlock,
    Row,
    Section,
    Table,
)
from unconvert.tree.canonical import canonical
from unconvert.tree.document import (
    Annex,
    Conclusions,
    CoverLine,
    CoverRole,
    Document,
    Masthead,
    Part,
    Preamble,
    Preface,
)
from unconvert.tree.inlines import (
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
    footnotes_in,
    plain_text,
    text_node,
)
from unconvert.tree.json import JSON_VERSION, from_json, to_json
from unconvert.tree.meta import AgendaItem, DocKind, Language, Meta, OdsFields, Organ, Session
from unconvert.tree.walk import find_all, walk

__all__ = [
    "JSON_VERSION",
    "AgendaItem",
    "Annex",
    "Block",
    "Cell",
    "Conclusions",
    "CoverLine",
    "CoverRole",
    "DateRef",
    "DateRole",
    "Diagnostic",
    "DocKind",
    "Document",
    "Emphasis",
    "Footnote",
    "Inline",
    "Language",
    "LineBreak",
    "Masthead",
    "MeetingRef",
    "Meta",
    "NoteRef",
    "OdsFields",
    "OperativeParagraph",
    "Organ",
    "Para",
    "ParaRole",
    "Part",
    "Point",
    "Preamble",
    "PreambularParagraph",
    "Preface",
    "RawBlock",
    "RawInline",
    "Row",
    "Section",
    "Session",
    "Severity",
    "Strong",
    "SymbolRef",
    "Table",
    "Text",
    "canonical",
    "find_all",
    "footnotes_in",
    "from_json",
    "plain_text",
    "text_node",
    "to_json",
    "walk",
]
