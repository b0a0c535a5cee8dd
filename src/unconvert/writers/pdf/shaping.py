"""Arabic shaping and bidirectional reordering for PDF output.

reportlab draws glyphs in the order it is given and applies no OpenType shaping, so Arabic is prepared here:

1. ``shape`` replaces Arabic letters by their contextual presentation forms (initial, medial, final, isolated and
   the lam-alef ligatures) with ``arabic-reshaper``. It works on logical text, one run at a time.
2. Lines are broken in logical order (``lines.py``), then ``visual_order`` reorders ONE line for display with the
   Unicode bidirectional algorithm (``python-bidi``, paragraph level right-to-left): Arabic runs read right to
   left, numbers and Latin symbols (``A/77/501``, ``2022``) stay left to right inside them, brackets are mirrored.

``visual_order`` keeps each character's style index, so italic, bold and superscript runs survive reordering.
``with_reading_marks`` makes the line, drawn in display order, read back in logical order by the text extractors
(pdftotext and the viewers' copy and search): each glyph stands for the character it shows, and zero-width marks
end the left-to-right runs where poppler's simple reordering would run past them. (An ActualText span of the
logical line, which this replaces, is spread by poppler over the line's glyphs from left to right and then
reordered as if it were drawn: pdftotext read 7 % of the Arabic words.)
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache
from typing import Any

import arabic_reshaper
from bidi import algorithm as _bidi

RESHAPER_CONFIGURATION = {"delete_harakat": True, "support_ligatures": True, "delete_tatweel": False}


class _Settings:
    """The reshaper's configuration with each setting read once: ``ArabicReshaper.reshape`` reads six settings
    from its ``ConfigParser`` section on every call, which costs more than shaping a word."""

    def __init__(self, section: Any) -> None:
        self._section = section
        self._flags: dict[str, bool] = {}

    def getboolean(self, key: str) -> bool:
        flag = self._flags.get(key)
        if flag is None:
            flag = self._flags[key] = bool(self._section.getboolean(key))
        return flag

    def get(self, key: str, fallback: Any = None) -> Any:
        return self._section.get(key, fallback)


_RESHAPER = arabic_reshaper.ArabicReshaper(configuration=RESHAPER_CONFIGURATION)
_RESHAPER.configuration = _Settings(_RESHAPER.configuration)
_RTL_CLASSES = frozenset({"R", "AL", "AN"})
# a line with none of these is right-to-left letters and neutrals only, shown in reverse
_NOT_PLAIN_RTL = frozenset(
    {"L", "EN", "AN", "ES", "ET", "CS", "NSM", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)
_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
# a line with only these is right-to-left letters, numbers and neutrals, without left-to-right letters, marks or
# explicit directions, tabs or paragraph ends: its levels follow from the number rules alone (``_numbers_levels``)
_RTL_AND_NUMBERS = frozenset({"R", "AL", "EN", "AN", "ES", "ET", "CS", "ON", "WS"})
_SEPARATORS = frozenset({"ES", "CS"})


ZWJ = "\u200d"


@lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """``text`` (logical order) with Arabic letters in their contextual presentation forms.

    Cached, for the texts a page measures and then draws, and its running heads; a few thousand, not every text a
    batch worker meets (whole paragraphs, which seldom recur across documents: a cache of 65,536 of them grew an
    Arabic PDF worker by tens of MiB).

    Shaped word by word (each word's shapes cached: a document's words recur, its paragraphs do not), which gives
    what shaping the whole text gives: no letter joins across a space (the reshaper sets the letter after one as
    after the text's start) and no ligature it makes holds one. A zero-width joiner is the exception: the reshaper
    drops it and its ligature positions then shift to the end of the text, so such a text is shaped whole."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return text
    if ZWJ in text:
        return _reshape(text)
    return " ".join([_shape_word(word) for word in text.split(" ")])


@lru_cache(maxsize=65536)
def _shape_word(word: str) -> str:
    return str(_RESHAPER.reshape(word))


def _reshape(text: str) -> str:
    """``text`` shaped whole. arabic-reshaper drops a zero-width joiner and then looks for the ligatures after it
    one place too far, past the end of what it shaped (``IndexError`` on ``ب\u200dلا``): such a text is shaped
    without its joiners, which print nothing."""
    try:
        return str(_RESHAPER.reshape(text))
    except IndexError:
        return str(_RESHAPER.reshape(text.replace(ZWJ, "")))


def visual_order(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Reorder one line of ``(character, style)`` pairs, given in logical order, into left-to-right display order
    for a right-to-left paragraph (UAX #9 rules W1–L2 and L4 mirroring)."""
    return [(ch, style) for ch, style, _ in visual_levels(chars)]


def visual_levels(chars: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """``visual_order`` with each character's resolved embedding level (odd: right to left, even: left to right),
    which the text layer needs to tell the left-to-right runs (numbers, symbols, Latin) inside the line."""
    if not chars:
        return []
    kinds = {ch: _bidi.bidirectional(ch) for ch in {ch for ch, _ in chars}}
    if not any(kind in _NOT_PLAIN_RTL for kind in kinds.values()):
        # Only right-to-left letters and neutrals: display order is the reverse, with brackets mirrored.
        return [(_bidi.MIRRORED.get(ch, ch) if _bidi.mirrored(ch) else ch, style, 1) for ch, style in reversed(chars)]
    if all(kind in _RTL_AND_NUMBERS for kind in kinds.values()):
        return _numbers_levels(chars, [kinds[ch] for ch, _ in chars])
    return _uax9_levels(chars)


def _numbers_levels(chars: list[tuple[str, int]], kinds: list[str]) -> list[tuple[str, int, int]]:
    """``visual_levels`` of a line without left-to-right letters, marks or explicit directions (most Arabic
    lines: letters, numbers, punctuation), which the general algorithm spends a dictionary per character on.

    With no left-to-right letter, every neutral resolves to right to left (rules N1-N2: the strong text around it is
    right to left, and numbers count as such), so only the numbers rise to level 2. Which characters are numbers
    follows rules W2-W6: a European digit after an Arabic letter is an Arabic number; a single separator between two
    numbers of one kind joins them (a plus or minus sign only European ones); terminators next to a European number
    join it. Display order: each number as written, the line reversed around them (L2), and the brackets of the
    rest mirrored. ``tests/test_pdf_bidi.py`` checks it against the general algorithm."""
    types = list(kinds)
    last_strong = "R"  # the line's start counts as right to left (sos)
    for i, kind in enumerate(types):
        if kind == "EN" and last_strong == "AL":
            types[i] = "AN"  # W2
        elif kind in ("R", "AL"):
            last_strong = kind
    count = len(types)
    for i in range(1, count - 1):  # W4
        kind = types[i]
        if kind in _SEPARATORS and types[i - 1] == types[i + 1]:
            number = types[i - 1]
            if number == "EN" or (number == "AN" and kind == "CS"):
                types[i] = number
    for i, kind in enumerate(types):  # W5: a run of terminators touching a European number
        if kind == "ET" and (i == 0 or types[i - 1] != "ET"):
            end = i
            while end < count and types[end] == "ET":
                end += 1
            if (i > 0 and types[i - 1] == "EN") or (end < count and types[end] == "EN"):
                types[i:end] = ["EN"] * (end - i)
    shown: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []  # a number, kept in writing order
    for (ch, style), kind in zip(reversed(chars), reversed(types), strict=True):
        if kind in ("EN", "AN"):
            run.append((ch, style, 2))
            continue
        if run:
            shown.extend(reversed(run))
            run = []
        shown.append((_bidi.MIRRORED.get(ch, ch) if _bidi.mirrored(ch) else ch, style, 1))
    shown.extend(reversed(run))
    return shown


def _uax9_levels(chars: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """``visual_levels`` by the whole algorithm (python-bidi's, with the isolates of ``_resolve_levels``)."""
    # unassigned code points have no bidi class, which the algorithm rejects: they take part as neutrals
    entries = [
        {"ch": ch, "level": 1, "type": kind, "orig": kind, "style": style}
        for ch, style in chars
        for kind in (_bidi.bidirectional(ch) or "ON",)
    ]
    storage = _bidi.get_empty_storage()
    storage["base_level"] = 1
    storage["base_dir"] = "R"
    storage["chars"] = _resolve_levels(entries, 1)
    _bidi.reorder_resolved_levels(storage, False)
    _bidi.apply_mirroring(storage, False)
    return [(entry["ch"], entry["style"], entry["level"]) for entry in storage["chars"]]


def _resolve_levels(entries: list[dict[str, Any]], base_level: int) -> list[dict[str, Any]]:
    """Rules X1–I2 of UAX #9 over ``entries`` (one line, logical order) at paragraph level ``base_level``: the
    characters that stay (X9 removes the embedding controls), each with its resolved level.

    python-bidi's algorithm implements UAX #9 as it was before Unicode 6.3, without the directional isolates
    (LRI, RLI, FSI … PDI), and fails an assertion on them (rule I1, "RLI not allowed here"). They are resolved
    here as the standard says: from outside, an isolate is one neutral (BD13: the text on either side of it is
    one isolating run sequence); inside, its text is resolved on its own, at the next level of its direction
    (X5a–X5c; an FSI takes that of its first strong letter, P2–P3); the initiator and its PDI take the level the
    neutral resolves to, and count as white space at a line's end (L1). A PDI that matches nothing is a neutral."""
    outer: list[dict[str, Any]] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        kind = entry["type"]
        if kind in _INITIATORS:
            end = _matching_pdi(entries, index)
            pdi = entries[end] if end < len(entries) and entries[end]["type"] == "PDI" else None
            isolate = (entry, entries[index + 1 : end], pdi)
            outer.append({"ch": "", "level": base_level, "type": "ON", "orig": "ON", "isolate": isolate})
            index = end + 1 if pdi is not None else end
            continue
        if kind == "PDI":
            entry["type"] = "ON"
            entry["orig"] = "WS"
        outer.append(entry)
        index += 1
    storage = _bidi.get_empty_storage()
    storage["base_level"] = base_level
    storage["chars"] = outer
    _bidi.explicit_embed_and_overrides(storage, False)
    explicit = {id(e): e["level"] for e in storage["chars"] if "isolate" in e}
    _bidi.resolve_weak_types(storage, False)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    resolved: list[dict[str, Any]] = []
    for entry in storage["chars"]:
        if "isolate" not in entry:
            resolved.append(entry)
            continue
        initiator, inside, pdi = entry["isolate"]
        direction = initiator["type"][0] if initiator["type"] != "FSI" else _first_strong(inside)
        level = explicit[id(entry)]
        inner = (level + 1) | 1 if direction == "R" else (level + 2) & ~1
        for mark in (initiator, pdi):
            if mark is not None:
                mark.update(level=entry["level"], type="ON", orig="WS")
        resolved.append(initiator)
        resolved.extend(_resolve_levels(inside, inner) if inner <= _bidi.EXPLICIT_LEVEL_LIMIT else inside)
        if pdi is not None:
            resolved.append(pdi)
    return resolved


def _matching_pdi(entries: list[dict[str, Any]], start: int) -> int:
    """The index of the PDI closing the isolate initiator at ``start`` (BD9), else of the paragraph separator or
    the line's end that closes it."""
    depth = 0
    for index in range(start + 1, len(entries)):
        kind = entries[index]["type"]
        if kind in _INITIATORS:
            depth += 1
        elif kind == "PDI":
            if depth == 0:
                return index
            depth -= 1
        elif kind == "B":
            return index
    return len(entries)


def _first_strong(entries: list[dict[str, Any]]) -> str:
    """``L`` or ``R``: the direction of the first strong letter outside nested isolates (P2–P3), else ``L``."""
    depth = 0
    for entry in entries:
        kind = entry["type"]
        if kind in _INITIATORS:
            depth += 1
        elif kind == "PDI":
            depth = max(depth - 1, 0)
        elif depth == 0 and kind in ("L", "R", "AL"):
            return "L" if kind == "L" else "R"
    return "L"


# The bidi classes of formatting characters that print nothing: once the line is in display order they are dropped
# (the fonts have no glyph for some of them, which would print as a box)
_UNPRINTED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "BN"})
# A right-to-left letter that prints nothing. The ARABIC LETTER MARK rather than the RIGHT-TO-LEFT MARK: Amiri has
# an empty glyph for it, and a visible one for the RLM.
RTL_MARK = "\u061c"
ZWSP = "\u200b"  # a word boundary that prints nothing (Unicode word segmentation breaks there, not at a bidi mark)


def _reader_class(ch: str) -> str:
    """How a PDF text extractor that reorders lines itself sees ``ch`` (poppler's ``reorderText``, behind
    ``pdftotext`` and the Linux viewers' copy and search): ``R`` right to left, ``L`` left to right, ``#`` a
    number or number punctuation (which it keeps left to right, as the Arabic comma), ``N`` anything else."""
    kind = _bidi.bidirectional(ch)
    if kind == "L":
        return "L"
    if kind in ("R", "AL"):
        return "R"
    return "#" if kind in ("EN", "AN", "ES", "ET", "CS") else "N"


def with_reading_marks(line: list[tuple[str, int, int]], apart: Container[int] = ()) -> list[tuple[str, int]]:
    """One right-to-left line in display order (``visual_levels``), as drawn: the formatting characters that print
    nothing dropped, and zero-width marks added where a text extractor needs them to read it back in logical
    order. Runs of a style in ``apart`` (footnote marks) are also kept apart from the text around them by a
    zero-width space, so that the mark is not read as part of a word (``المحتلة1``, ``19493``).

    An extractor sees the glyphs left to right and must undo the reordering. poppler (pdftotext, Evince, Okular)
    does it simply: reading from the right, a run of anything but letters and numbers is right to left and is
    reversed; from a left-to-right letter or a number, a run of anything but right-to-left letters is left to
    right, kept as it stands, and goes on leftwards over the spaces and neutrals until a right-to-left letter. So
    in ``النص 12 المادة`` the space after ``12`` is taken into the number's run and comes out on its wrong side
    (``المادة  12النص``: the number and the next word run together), and an Arabic comma, which it counts as
    a number, jumps to the next word. A right-to-left mark (``RTL_MARK``, which prints nothing) just left of each
    left-to-right run (a number, a symbol, Latin words: an even level) and of each number-like character left at
    the right-to-left level ends the run there. The marks change nothing for an extractor that runs the Unicode
    algorithm (they are strong letters of the direction already around them) and nothing on the page.

    (A left-to-right run ending in a neutral would need a left-to-right mark after it; the Unicode algorithm
    makes such runs only inside explicit embeddings, and no zero-width left-to-right character prints nothing
    in Amiri, so that rare case is left as it is.)"""
    classes = _classes
    out: list[tuple[str, int]] = []
    b_ch = ""  # the character before, its style, direction and class
    b_style, b_ltr, b_class = 0, False, ""
    for ch, style, level in line:
        kind = classes.get(ch)
        if kind is None:
            kind = classes[ch] = "X" if _bidi.bidirectional(ch) in _UNPRINTED else _reader_class(ch)
        if kind == "X":
            continue
        ltr = not level & 1
        if b_ch:
            # a mark takes the style of the side that is not a footnote mark, so that marks print digits only
            mark_style = b_style if style in apart else style
            if (not b_ltr if ltr else kind in "L#") and b_class != "R":
                out.append((RTL_MARK, mark_style))
            if apart and (style in apart) != (b_style in apart) and not (ch.isspace() or b_ch.isspace()):
                out.append((ZWSP, mark_style))
        elif (ltr or kind in "L#") and style not in apart:
            out.append((RTL_MARK, style))  # the line may follow other text on the page
        out.append((ch, style))
        b_ch, b_style, b_ltr, b_class = ch, style, ltr, kind
    return out


_classes: dict[str, str] = {}  # _reader_class by character, "X" for those that print nothing


def display(text: str) -> str:
    """A whole short right-to-left string (a number, a heading line) shaped and in display order, with the marks
    that let text extractors read it back (``with_reading_marks``)."""
    return "".join(ch for ch, _ in with_reading_marks(visual_levels([(ch, 0) for ch in shape(text)])))


def is_rtl_char(ch: str) -> bool:
    return _bidi.bidirectional(ch) in _RTL_CLASSES
