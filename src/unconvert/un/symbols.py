"""UN document symbols (``A/RES/64/183``, ``S/RES/2672 (2023)``, ``E/2023/L.34/Add.1``): what one is made of
(``Symbol``, ``parse``), where they stand in a text, a document's own symbol from its organ and number, and the one
link to a symbol's document on undocs.org.

Readers find symbols (``symbol_spans``, ``runs``; what a text says in words, ``resolution 76/81``, is
``un.references``); every writer links them with ``undocs_url``. ``unconvert.symbols`` is the public face of both.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from unconvert.tree import DocKind, Inline, Organ, SymbolRef, Text
from unconvert.un.organs import FACTS
from unconvert.un.words import plain

UNDOCS = "https://undocs.org/"

# What a link keeps as printed: the separators of a symbol's parts (``/``, ``.``, ``-``), the brackets of an SC
# resolution's year (``S/RES/2672 (2023)``) and commas, as the UN's own AKN4UN files link them
# (``https://undocs.org/en/S/RES/2133(2014)``, ``A/RES/1874 (S-IV)``); RFC 3986 allows every one of them in a path.
# Anything else is percent-encoded (a space is ``%20``).
_URL_SAFE = "/()-.,"


# What ``quote`` leaves as it is: ASCII letters and digits, its own always-safe ``_.-~``, and ``_URL_SAFE``.
_NEEDS_QUOTING = re.compile(r"[^A-Za-z0-9_.~/(),-]")


def undocs_url(symbol: str) -> str:
    """The undocs.org link of a document symbol: ``https://undocs.org/S/RES/2672%20(2023)``."""
    return UNDOCS + _quoted(symbol.strip())


def _quoted(symbol: str) -> str:
    """``symbol`` percent-encoded as a link's path. Most symbols (``A/RES/70/1``) need no encoding: they are taken
    as they are, where ``quote`` would encode them character by character."""
    return symbol if _NEEDS_QUOTING.search(symbol) is None else _quoted_slowly(symbol)


@functools.lru_cache(maxsize=256)
def _quoted_slowly(symbol: str) -> str:
    """``quote`` of a symbol that needs it (``S/RES/2672 (2023)``). Cached, but few: a document cites the same
    symbols again and again, and a cache of a batch worker that keeps every symbol it met grows for hours."""
    return quote(symbol, safe=_URL_SAFE)


# The language in front of the symbol in the UN's links: the six languages' codes, ``ch`` (the UN's own for
# Chinese) and ``sp`` (a misspelling of ``es`` in some Spanish files: ``undocs.org/sp/A/RES/73/292``).
_UNDOCS_LINK = re.compile(
    r"\Ahttps?://(?:www\.)?undocs\.org/(?:(?:en|fr|es|ru|ar|zh|ch|sp)/(?=.))?(?P<symbol>.+)\Z", re.IGNORECASE
)


def symbol_of_url(url: str, *, exact: bool = False) -> str | None:
    """The document symbol an undocs.org link names, or ``None`` for any other link. The UN's files put a
    language in front (``https://undocs.org/en/A/RES/51/122``); ``exact`` reads ``undocs_url``'s own links, which
    have none, back to the very symbol (empty included)."""
    if exact:
        return unquote(url[len(UNDOCS) :]) if url.startswith(UNDOCS) else None
    match = _UNDOCS_LINK.match(url.strip())
    if match is None:
        return None
    symbol = unquote(match["symbol"]).strip()
    return symbol or None


def document_symbol(organ: Organ, kind: DocKind, number: str, part: str | None) -> str:
    """The symbol of a resolution or decision from its organ and number (``A/RES/77/1``, ``S/RES/2672 (2023)``,
    ``A/RES/72/262 C`` for part C); ``""`` without a number."""
    if not number:
        return ""
    series = "DEC" if kind is DocKind.DECISION else "RES"
    return f"{FACTS[organ].symbol_prefix}/{series}/{number}" + (f" {part}" if part else "")


# --- the parts of a symbol ----------------------------------------------------------------------------------------

_REVISIONS = ("Add", "Corr", "Rev", "Amend")  # addendum, corrigendum, revision, amendment, as the UN spells them
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00a0": " "})
_PART = re.compile(
    r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*(?:\([A-Za-z0-9\-]+\))?"
    r"(?: \((?:Vol\.|Parts?|Supp\.|Sect\.) [A-Za-z0-9\-]+(?: and [A-Za-z0-9\-]+)?\))?"
)
# A volume, part, supplement or section of a document (``(Vol. I)``, ``(Parts I and II)``, ``(Sect. 3)``)
_QUALIFIER = re.compile(r"\s*\((Vol|Parts?|Supp|Sect)\.?\s*([A-Za-z0-9\-]+(?:(?:\s+and\s+|和)[A-Za-z0-9\-]+)?)\)", re.I)
_QUALIFIERS = {"vol": "Vol.", "part": "Part", "parts": "Parts", "supp": "Supp.", "sect": "Sect."}
_YEAR = re.compile(r"\((\d{4})\)")
_NUMBER_END = re.compile(r"/\d+ ?$")  # what stands before an SC resolution's bracketed year (``S/RES/2334 (2016)``)
_REVISION_NAMES = {name.lower(): name for name in _REVISIONS}  # ``add`` -> ``Add``
_ROMAN_SESSION = re.compile(r"(\d+)\(((?:ES-|S-)?[IVXLCDMivxlcdm]+)\)")  # ``217(III)``, ``1874(s-iv)``
_SESSION = re.compile(r"(?:(ES|S)-)?(\d{1,3})")
_NUMBERED = ("L", "WP", "CRP", "INF", "PV", "SR", *_REVISIONS)  # a numbered document of a series (``L.34``)
_SPECIAL = re.compile(r"E?S-\d")  # a special or emergency special session (``S-26``, ``ES-10``)
_KINDS = {"RES": "resolution", "DEC": "decision", "PRST": "presidential statement"}
# Series whose documents belong to an organ (longest first): the Human Rights Council's before the Assembly's.
_ORGAN_PREFIXES = (("A/HRC", "unhrc"), ("A", "unga"), ("S", "unsc"), ("E", "unecosoc"))
_ORGAN_SERIES = frozenset(prefix for prefix, _organ in _ORGAN_PREFIXES)


@dataclass(frozen=True, slots=True)
class Symbol:
    """A UN document symbol, taken apart: ``parts`` the elements between the slashes as the UN prints them
    (``A``, ``RES``, ``76``, ``81``; ``L.34``, ``Add.1``, ``217(III)``; an element may carry a bracketed volume or
    part, ``32 (Part I)`` of ``NPT/CONF.1995/32 (Part I)/Corr.2``) and ``year`` the bracketed year of an SC
    resolution (``S/RES/2334 (2016)``).

    ``str(symbol)`` is its one normal spelling: ``A/RES/76/81``, ``S/RES/2334 (2016)``, ``A/RES/217(III)``,
    ``NPT/CONF.2010/50 (Vol. I)``. What it is (``kind``, ``organ``, ``session``, ``revisions``, ``qualifier``) is
    read from the parts, never stored twice."""

    parts: tuple[str, ...]
    year: str | None = None

    def __str__(self) -> str:
        out = "/".join(self.parts)
        return f"{out} ({self.year})" if self.year else out

    @property
    def qualifier(self) -> str | None:
        """The volume or part of the document (``Vol. I``, ``Part II``), or ``None``."""
        for part in self.parts:
            found = _QUALIFIER.search(part)
            if found:
                return found.group(0).strip()[1:-1]
        return None

    @property
    def series(self) -> str:
        """The elements before the document's own number: ``A`` of ``A/RES/76/81``, ``A/HRC`` of
        ``A/HRC/RES/52/1``, ``NPT/CONF.2020`` of ``NPT/CONF.2020/WP.5``, ``ST/SGB`` of ``ST/SGB/2019/8``."""
        series: list[str] = []
        for part in self.parts:
            name = part.partition(".")[0]
            if part[0].isdigit() or name.upper() in _KINDS or name in _NUMBERED or _SPECIAL.match(part):
                break
            series.append(part)
        return "/".join(series) or self.parts[0]

    @property
    def kind(self) -> str:
        """``resolution``, ``decision``, ``presidential statement``, ``draft`` (an ``L.`` document) or ``document``."""
        for part in self.parts:
            name = part.partition(".")[0].upper()
            if name in _KINDS:
                return _KINDS[name]
        if any(p.startswith("L.") for p in self.parts[1:]):
            return "draft"
        return "document"

    @property
    def organ(self) -> str | None:
        """The AKN4UN id of the organ whose series this is (``unga``, ``unsc``, ``unecosoc``, ``unhrc``), or ``None``
        (``ST/SGB/2019/8``, ``NPT/CONF.2020/WP.5``)."""
        text = "/".join(self.parts) + "/"
        return next((organ for prefix, organ in _ORGAN_PREFIXES if text.startswith(prefix + "/")), None)

    @property
    def session(self) -> str | None:
        """The session (``76``, ``S-26``, ``ES-10``, ``XVI``) or year (``2016``, ``2022``) the document is of."""
        if self.year:
            return self.year
        if self.series not in _ORGAN_SERIES:
            return None
        for part in self.parts:
            roman = re.fullmatch(r"\d+\((?:(ES|S)-)?([IVXLCDM]+)\)", part)
            if roman:
                return f"{roman.group(1)}-{roman.group(2)}" if roman.group(1) else roman.group(2)
        for part in self.parts:
            if _SESSION.fullmatch(part) or re.fullmatch(r"\d{4}", part):
                return part
        return None

    @property
    def revisions(self) -> tuple[tuple[str, int], ...]:
        """The addenda, corrigenda, revisions and amendments, in order: ``(("Add", 1), ("Corr", 2))``."""
        out = []
        for part in self.parts:
            name, _, number = part.partition(".")
            if name in _REVISIONS and number.isdigit():
                out.append((name, int(number)))
        return tuple(out)

    @property
    def base(self) -> Symbol:
        """The symbol without its addenda, corrigenda, revisions and amendments (``A/64/L.34`` of
        ``A/64/L.34/Add.1``)."""
        parts = list(self.parts)
        while len(parts) > 1 and parts[-1].partition(".")[0] in _REVISIONS:
            parts.pop()
        return Symbol(tuple(parts), self.year)


def parse(text: str) -> Symbol:
    """The symbol ``text`` spells, spaces and hyphens as printed (``A/ES‑10/19``, ``S/RES/2334(2016)``,
    ``A/72/L.57/Rev.1/add.1``). Raises ``ValueError`` when ``text`` is not one symbol."""
    rest = " ".join(text.translate(_HYPHENS).split())
    year = None
    found = _YEAR.search(rest) if "(" in rest else None
    if found and found.end() == len(rest) and _NUMBER_END.search(rest, 0, found.start()):
        year = found.group(1)
        rest = rest[: found.start()].rstrip()
    parts = tuple(_normal_part(p.strip()) for p in rest.split("/"))
    if (
        len(parts) < 2
        or not all(_PART.fullmatch(p) for p in parts)
        or not any(c.isdigit() for c in rest)
        or not parts[0][0].isalpha()
    ):
        raise ValueError(f"not a UN document symbol: {text!r}")
    return Symbol(parts, year)


def _normal_part(part: str) -> str:
    """One element spelt the UN's way: ``add.1`` as ``Add.1``, a roman session in capitals, no inner spaces but
    before a volume or part (``32 (Part I)``)."""
    found = _QUALIFIER.search(part) if "(" in part else None
    qualifier = ""
    if found and found.end() == len(part) and found.start() > 0:
        name, number = found.group(1).lower(), " and ".join(re.split(r"\s+and\s+|和", found.group(2)))
        if " and " in number:  # ``(Part I和II)`` of a Chinese text is ``(Parts I and II)``
            name = "parts"
        qualifier = f" ({_QUALIFIERS[name]} {number})"
        part = part[: found.start()]
    part = part.replace(" ", "")
    name, dot, number = part.partition(".")
    revision = _REVISION_NAMES.get(name.lower()) if dot and number.isdigit() else None
    if revision is not None:
        return f"{revision}.{number}{qualifier}"
    roman = _ROMAN_SESSION.fullmatch(part) if "(" in part else None
    if roman:
        return f"{roman.group(1)}({roman.group(2).upper()}){qualifier}"
    return part + qualifier


def normalise(text: str) -> str:
    """The normal spelling of the symbol ``text`` (``str(parse(text))``)."""
    return str(parse(text))


def is_roman(text: str) -> bool:
    """Whether ``text`` is a roman number (``XVI``): a GA session before the thirty-first."""
    return bool(text) and _ROMAN.fullmatch(text) is not None


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
