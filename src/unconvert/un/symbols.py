"""UN document symbols (``A/RES/64/183``, ``S/RES/2672 (2023)``, ``E/2023/L.34/Add.1``): where they stand in a
text, a document's own symbol from its organ and number, and the one link to a symbol's document on undocs.org.

Readers find symbols (``symbol_spans``, ``runs``); every writer links them with ``undocs_url``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from unconvert.tree import DocKind, Inline, Organ, SymbolRef, Text
from unconvert.un.organs import FACTS
from unconvert.un.words import plain

UNDOCS = "https://undocs.org/"

# What a link keeps as printed: the separators of a symbol's parts (``/``, ``.``, ``-``), the brackets of an SC
# resolution's year (``S/RES/2672 (2023)``) and commas, as the UN's own AKN4UN files link them
# (``https://undocs.org/en/S/RES/2133(2014)``, ``A/RES/1874 (S-IV)``); RFC 3986 allows every one of them in a path.
# Anything else is percent-encoded (a space is ``%20``).
_URL_SAFE = "/()-.,"


def undocs_url(symbol: str) -> str:
    """The undocs.org link of a document symbol: ``https://undocs.org/S/RES/2672%20(2023)``."""
    return UNDOCS + quote(symbol.strip(), safe=_URL_SAFE)


def document_symbol(organ: Organ, kind: DocKind, number: str, part: str | None) -> str:
    """The symbol of a resolution or decision from its organ and number (``A/RES/77/1``, ``S/RES/2672 (2023)``,
    ``A/RES/72/262 C`` for part C); ``""`` without a number."""
    if not number:
        return ""
    series = "DEC" if kind is DocKind.DECISION else "RES"
    return f"{FACTS[organ].symbol_prefix}/{series}/{number}" + (f" {part}" if part else "")


_SYMBOL = re.compile(
    r"(?<![\w/.])(?:A|E|S|ST|DP|TD|UNEP|CCPR|CRC|CEDAW|CERD|HRC)"
    r"(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)+(?:[\s\u00a0]\(\d{4}\))?"
)


def symbol_spans(text: str) -> list[tuple[int, int]]:
    """Where UN symbols stand in ``text`` (trailing punctuation left out)."""
    spans = []
    for match in _SYMBOL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:-":
            end -= 1
        if "/" in text[match.start() : end]:
            spans.append((match.start(), end))
    return spans


# --- inline runs --------------------------------------------------------------------------------------------------


def runs(text: str, line: int, marks: list[tuple[int, int, Inline]]) -> tuple[Inline, ...]:
    """``text`` as inlines: the given nodes at their spans, symbols as ``SymbolRef`` and plain ``Text`` between."""
    spans = sorted(marks, key=lambda m: m[0])
    for start, end in symbol_spans(text):
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, SymbolRef(symbol=plain(text[start:end]), text=text[start:end], line=line)))
    spans.sort(key=lambda m: m[0])
    spans = _with_addenda(text, line, spans)
    out: list[Inline] = []
    position = 0
    for start, end, node in spans:
        if start > position:
            out.append(Text(text=text[position:start], line=line))
        out.append(node)
        position = end
    if position < len(text):
        out.append(Text(text=text[position:], line=line))
    return tuple(out)


_ADDENDUM = re.compile(r"(?<![\w/.])(?:Add|Corr|Rev|Amend)\.\d+")
_REVISION_TAIL = re.compile(r"(?:/(?:Add|Corr|Rev|Amend)\.\d+)+$")


def _with_addenda(text: str, line: int, spans: list[tuple[int, int, Inline]]) -> list[tuple[int, int, Inline]]:
    """``A/64/L.34 and Add.1``: the lone ``Add.1`` is the symbol ``A/64/L.34/Add.1``."""
    out = list(spans)
    for match in _ADDENDUM.finditer(text):
        if any(s <= match.start() < e for s, e, _ in out):
            continue
        before = [node for s, _e, node in out if s < match.start() and isinstance(node, SymbolRef)]
        if before:
            base = _REVISION_TAIL.sub("", before[-1].symbol)
            ref = SymbolRef(symbol=f"{base}/{match.group()}", text=match.group(), line=line)
            out.append((match.start(), match.end(), ref))
    return sorted(out, key=lambda m: m[0])
