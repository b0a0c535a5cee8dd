"""Line breaking and line drawing for every script, on top of reportlab's canvas.

The writer sets its own lines (rather than reportlab's ``Paragraph``) because it must know which line each footnote
mark lands on (to put the note on that page) and must break Arabic in logical order and reorder each line
visually afterwards. A paragraph is a list of ``Span`` s (text in one ``Style``); ``break_lines`` turns it into
``Line`` s that ``draw_line`` puts on the page:

* Latin and Cyrillic break at spaces; justified lines widen the spaces.
* Chinese breaks between any two ideographs, except before closing and after opening punctuation (kinsoku);
  justified lines spread the extra space over every character (PDF character spacing).
* Arabic breaks at spaces in logical order; each line is reordered for display by ``shaping.visual_levels`` and
  drawn with the marks that let text extractors read it back (``shaping.with_reading_marks``).

Every space is drawn as a glyph, so text extraction gives the words separated as in the source.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject, PDFString
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from unconvert.writers.pdf.fonts import mark_used
from unconvert.writers.pdf.shaping import RTL_MARK, ZWSP, visual_levels, with_reading_marks


@dataclass(frozen=True, slots=True)
class Track:
    """The width of a run's letters: ``scale`` their horizontal scaling (Word's ``w:w`` / 100) and ``spacing`` the
    points added after each letter (Word's ``w:spacing``), as the UN's Word template sets Latin text (103 %,
    +0.2 pt). In the PDF: ``Tz`` and ``Tc`` (which the scaling also scales, so it is set to ``spacing / scale``)."""

    scale: float = 1.0
    spacing: float = 0.0


PLAIN = Track()

# Word kerns pairs of letters (the UN's styles turn kerning on from 7 pt); reportlab does not. Setting Word's
# letter spacing less this allowance reproduces the UN's line breaks best: on A/RES/72/310, 80 % of the printed
# lines come out word for word identical, against 45 % with Word's 0.2 pt as it stands (a least-squares fit over
# the 279 justified lines of its PDF gives the same: 0.11 pt at 103 %).
KERNING_ALLOWANCE = 0.09


@lru_cache(maxsize=64)
def word_track(scale: float, spacing: float) -> Track:
    """The ``Track`` that sets text as Word sets it with ``w:w`` = ``scale`` and ``w:spacing`` = ``spacing``."""
    if scale == 1.0 and spacing == 0.0:
        return PLAIN
    return Track(scale, round(spacing - KERNING_ALLOWANCE, 4))


@dataclass(frozen=True, slots=True)
class Style:
    """How a run of text is set: face, size, baseline shift; ``note`` marks a footnote reference (its number in the
    document's note list); ``link`` is the URL the run links to (drawn in blue); ``track`` the letters' width."""

    font: str
    size: float
    rise: float = 0.0
    note: int | None = None
    link: str | None = None
    track: Track = PLAIN
    # the measured ``Piece`` of each word set in this style so far (``word``): a document's words recur
    words: dict[str, Piece] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Span:
    """Text in one style; ``"\\n"`` alone is a forced line break."""

    text: str
    style: Style


@dataclass(slots=True)
class Piece:
    text: str
    style: Style
    width: float
    glue: bool = False  # an inter-word space: may stretch, dropped at line ends


@dataclass(slots=True)
class Line:
    """One set line in logical order; ``last`` lines (end of paragraph or forced break) are not justified."""

    pieces: list[Piece]
    width: float
    last: bool = False
    notes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Setting:
    """How a paragraph's lines are set: ``align`` is ``justify``, ``start``, ``center`` or ``end`` (start is the
    right edge in a right-to-left paragraph)."""

    align: str = "justify"
    rtl: bool = False
    cjk: bool = False


# A run of text drawn at once: where it starts, its style, its text, the points added to each of its spaces, and
# whether it must be placed there (``False``: it starts where the run before it ends, where the PDF's text position
# is after drawing that run, so that nothing moves by rounding between two runs of a line).
Group = tuple[float, Style, str, float, bool]

LINK_COLOUR = "0.02 0.27 0.76 rg"  # the blue of links in the UN's PDFs
_widths: dict[str, dict[str, float]] = {}  # per face: the width of a text at 1 pt


def _unit_widths(font: str) -> dict[str, float]:
    """The widths at 1 pt measured so far in ``font``, by text (kept under 400,000 texts a face)."""
    widths = _widths.get(font)
    if widths is None or len(widths) > 400_000:
        widths = _widths[font] = {}
    return widths


def measure(text: str, style: Style) -> float:
    """Width of ``text`` in ``style`` (cached per face at 1 pt: the same words recur throughout a corpus)."""
    widths = _unit_widths(style.font)
    width = widths.get(text)
    if width is None:
        width = widths[text] = stringWidth(text, style.font, 1.0)
    track = style.track
    if track is PLAIN:
        return width * style.size
    return width * style.size * track.scale + len(text) * track.spacing


# A style's word cache holds at most this many pieces (a text of a million distinct "words" is a fuzzed one).
MOST_WORDS = 100_000


def word(text: str, style: Style) -> Piece:
    """The measured ``Piece`` of ``text`` (not glue) in ``style``, made once per style: pieces are not changed once
    set, so every occurrence of a word in a document shares one."""
    words = style.words
    piece = words.get(text)
    if piece is None:
        if len(words) >= MOST_WORDS:
            words.clear()
        piece = words[text] = Piece(text, style, measure(text, style))
    return piece


# --- breaking ------------------------------------------------------------------------------------------------------

# No-break spaces (U+00A0, the narrow U+202F French sets before ; : ! ? and inside « », the figure space U+2007)
# are part of the word around them: a line never breaks there and they never stretch.
NO_BREAK_SPACES = "\u00a0\u202f\u2007"
_SPACE = r"[^\S\u00a0\u202f\u2007]+"  # breakable white space
# what starts a breakable space token: every character ``str.isspace`` calls white space but the no-break ones
_BREAKING_SPACES = frozenset(
    "\t\n\v\f\r\u001c\u001d\u001e\u001f \u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
    "\u2028\u2029\u205f\u3000"
)
_LATIN_TOKENS = re.compile(_SPACE + r"|[\S\u00a0\u202f\u2007]+")
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u00b7\u2014"
# A hyphen between two letters (``system-wide``, ``Secretary-General``) is a break opportunity after it, as Word
# breaks there: the UN's A/RES/72/313 prints ``system-`` / ``wide`` and ``seventy-`` / ``third``. A minus before a
# figure (``-5``) or a code (``P-4``) is no such place, nor is the non-breaking hyphen U+2011.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")
_OPENING_GUILLEMET = "«"  # a line never ends with an opening guillemet, even after a plain space
_CLOSING_GUILLEMET = "»"  # nor starts with a closing one
_NO_BREAK_BEFORE = frozenset("，。、；：？！）》」』〉】〕”’…·—%％,.;:?!)]}")
_NO_BREAK_AFTER = frozenset("（《「『〈【〔“‘([{")
_IDEOGRAPHS = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))  # what ``_is_cjk`` calls Chinese


def _free_ideographs() -> str:
    """A regular expression's class of the characters ``_is_cjk`` calls Chinese that no rule keeps from a line
    break before or after them (not a space, not a kinsoku mark): between two of them a line may always break."""
    ruled = sorted(ord(ch) for ch in _NO_BREAK_BEFORE | _NO_BREAK_AFTER | _BREAKING_SPACES | set(NO_BREAK_SPACES))
    spans: list[str] = []
    for low, high in _IDEOGRAPHS:
        start = low
        for code in ruled:
            if start <= code <= high:
                if code > start:
                    spans.append(f"\\u{start:04x}-\\u{code - 1:04x}")
                start = code + 1
        if start <= high:
            spans.append(f"\\u{start:04x}-\\u{high:04x}")
    return "".join(spans)


# A Chinese text's tokens: spaces, each Chinese character, each run of anything else. A run of two or more
# ``_free_ideographs`` is one token (a box each, made without asking ``_may_break`` between them).
_CJK_TOKENS = re.compile(_SPACE + rf"|[{_free_ideographs()}]{{2,}}|[{_CJK}]|(?:[^\s{_CJK}]|[\u00a0\u202f\u2007])+")


_SCRIPT_RUNS = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u00b7\u2014]+"
    r"|[^\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u00b7\u2014]+"
)


def script_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs of Chinese characters and punctuation (``True``) and of anything else."""
    if text.isascii():  # no Chinese in it (a number, a symbol, a cell's figure): one run, or none
        return [(text, False)] if text else []
    if len(text) == 1:  # a character is a run (a table's cell of one ideograph)
        return [(text, _is_cjk(text) or text in _CJK_PUNCTUATION)]
    return [(run, _is_cjk(run[0]) or run[0] in _CJK_PUNCTUATION) for run in _SCRIPT_RUNS.findall(text)]


_CJK_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2026\u00b7\u2014"  # set in the Chinese face, outside its blocks


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


@dataclass(slots=True)
class _Box:
    pieces: list[Piece] = field(default_factory=list)
    width: float = 0.0


def _joined(box: _Box | Piece, piece: Piece) -> _Box:
    """``box`` with ``piece`` after it, unbreakable (a box of one piece becomes a ``_Box`` of two)."""
    if isinstance(box, Piece):
        return _Box([box, piece], box.width + piece.width)
    box.pieces.append(piece)
    box.width += piece.width
    return box


def _boxes(spans: list[Span], cjk: bool, first: list[str] | None = None) -> list[_Box | Piece | None]:
    """The paragraph as unbreakable boxes, glue and forced breaks (``None``). Glue is a ``Piece`` marked ``glue``:
    a space, or an empty one after a hyphen (a break that prints nothing); the inter-word spaces of a span are one
    glue ``Piece``, shared (pieces are not changed once set). A box of one piece (most words, every Chinese
    character) is that ``Piece``, of several a ``_Box``: a Chinese text made a box and a list for every
    character, most of its line breaking's time. ``first``: the first span's tokens, when known already."""
    out: list[_Box | Piece | None] = []
    append = out.append
    box: _Box | Piece | None = None
    prev_text = ""
    glue_last = False  # the last item is glue
    tokens = _CJK_TOKENS.findall if cjk else _LATIN_TOKENS.findall
    breaking = _BREAKING_SPACES
    may_break = _may_break
    for span in spans:
        text = span.text
        if text == "\n":
            if box is not None:
                append(box)
            box, prev_text = None, ""
            append(None)
            glue_last = False
            continue
        style = span.style
        words = style.words
        # the style's inter-word space: kept with its words under " ", which no word is (a token starting with a
        # breaking space is glue)
        glue: Piece | None = words.get(" ")
        if first is not None:
            span_tokens, first = first, None
        else:
            span_tokens = tokens(text)
        for token in span_tokens:
            head = token[0]
            if head in breaking:
                if glue is None:
                    glue = words[" "] = Piece(" ", style, measure(" ", style), True)
                if box is not None and prev_text[-1:] == _OPENING_GUILLEMET:
                    box = _joined(box, Piece(" ", style, glue.width))  # « stays with the word after it
                    prev_text = " "
                    continue
                if box is not None:
                    append(box)
                    box = None
                    glue_last = False
                prev_text = ""
                if not glue_last:  # runs of spaces count once
                    append(glue)
                    glue_last = True
                continue
            if box is None and head == _CLOSING_GUILLEMET and len(out) >= 2:
                last, before = out[-1], out[-2]
                if isinstance(last, Piece) and last.glue and before is not None and not _is_glue(before):
                    out[-2:] = []  # » stays with the word before it
                    glue_last = bool(out) and _is_glue(out[-1])
                    box = _joined(before, Piece(" ", last.style, last.width))
            if not cjk and "-" in token and _HYPHEN_BREAK.search(token):
                parts = _HYPHEN_BREAK.split(token)
                for part in parts[:-1]:
                    piece = word(part, style)
                    append(piece if box is None else _joined(box, piece))
                    append(Piece("", style, 0.0, True))  # the break after the hyphen: no space, nothing printed
                    glue_last = True
                    box = None
                token = parts[-1]
            if cjk and len(token) > 1 and _is_cjk(head):
                # free ideographs (``_CJK_TOKENS``): the first as any token, then a box each
                token = token[1:]
                piece = words.get(head) or word(head, style)
                if box is None:
                    box = piece
                elif prev_text and may_break(prev_text[-1], head):
                    append(box)
                    box = piece
                else:
                    box = _joined(box, piece)
                for ch in token:
                    append(box)
                    box = words.get(ch) or word(ch, style)
                glue_last = False
                prev_text = token[-1]
                continue
            piece = words.get(token) or word(token, style)
            if box is None:
                box = piece
            elif cjk and prev_text and may_break(prev_text[-1], head):
                append(box)
                glue_last = False
                box = piece
            else:
                box = _joined(box, piece)
            prev_text = token
    if box is not None:
        append(box)
    return out


def _is_glue(item: _Box | Piece | None) -> bool:
    return isinstance(item, Piece) and item.glue


@dataclass(frozen=True, slots=True)
class Boxes:
    """A paragraph made ready for breaking (``boxes``): its ``items`` (``_boxes``) and whether any of its pieces is
    a footnote mark (``noted``: only then are its lines' notes looked for)."""

    items: list[_Box | Piece | None]
    noted: bool


def boxes(spans: list[Span], setting: Setting) -> Boxes | Piece:
    """``spans`` as the boxes, glue and forced breaks that ``break_boxes`` and ``natural_widths`` take: made once
    for a text that is both measured and broken (a table's cell). A paragraph of one word (a table's figure or
    label) is that word's ``Piece``, with nothing to break: a table of tens of thousands of such cells spent a
    fifth of its PDF's time collecting the garbage of their boxes."""
    tokens: list[str] | None = None
    if len(spans) == 1:
        span = spans[0]
        text = span.text
        tokens = (_CJK_TOKENS if setting.cjk else _LATIN_TOKENS).findall(text)
        if (
            len(tokens) == 1
            and text[0] not in _BREAKING_SPACES
            and (
                (len(text) == 1 or not _is_cjk(text[0]))  # not a run of Chinese characters
                if setting.cjk
                else ("-" not in text or not _HYPHEN_BREAK.search(text))
            )
        ):
            return word(text, span.style)
    noted = False
    for span in spans:
        if span.style.note is not None:
            noted = True
            break
    return Boxes(_boxes(spans, setting.cjk, tokens), noted)


def natural_widths(paragraph: Boxes | Piece) -> tuple[float, float]:
    """The widest unbreakable word of a paragraph and the width of its widest line set without breaking (forced
    breaks apart): the least and the most a table column holding it can use."""
    if isinstance(paragraph, Piece):
        return paragraph.width, paragraph.width
    widest_word = widest_line = line = 0.0
    glue = 0.0
    for item in paragraph.items:
        if item is None:
            line, glue = 0.0, 0.0
        elif isinstance(item, Piece) and item.glue:
            glue = item.width if line else 0.0
        else:
            widest_word = max(widest_word, item.width)
            line += glue + item.width
            glue = 0.0
            widest_line = max(widest_line, line)
    return widest_word, widest_line


@lru_cache(maxsize=4096)
def _may_break(last: str, first: str) -> bool:
    """May a Chinese line break between a token ending in ``last`` and one opening with ``first``? Asked for every
    ideograph of a text, of few distinct pairs: cached (a long Chinese text spent a fifth of its PDF time here)."""
    if last in NO_BREAK_SPACES or first in NO_BREAK_SPACES:
        return False
    if not (_is_cjk(last) or _is_cjk(first)):
        return False
    return first not in _NO_BREAK_BEFORE and last not in _NO_BREAK_AFTER


def _split_box(box: _Box, width: float) -> list[_Box]:
    """Break a box wider than the line into pieces that fit (a long URL or symbol), character by character."""
    parts: list[_Box] = [_Box()]
    for piece in box.pieces:
        for ch in piece.text:
            w = measure(ch, piece.style)
            part = parts[-1]
            if part.pieces and part.width + w > width:
                part = _Box()
                parts.append(part)
            last = part.pieces[-1] if part.pieces else None
            if last is not None and last.style == piece.style:
                last.text += ch
                last.width += w
            else:
                part.pieces.append(Piece(ch, piece.style, w))
            part.width += w
    return parts


def break_lines(spans: list[Span], first_width: float, width: float, setting: Setting) -> list[Line]:
    """Greedy line breaking: ``first_width`` for the first line, ``width`` for the others."""
    return break_boxes(boxes(spans, setting), first_width, width)


def _line(pieces: list[Piece], width: float, last: bool, noted: bool) -> Line:
    """A set line, with the notes its marks call (looked for only in a paragraph that has some)."""
    notes = tuple(p.style.note for p in pieces if p.style.note is not None) if noted else ()
    return Line(pieces, width, last, notes)


def break_boxes(paragraph: Boxes | Piece, first_width: float, width: float) -> list[Line]:
    """``break_lines`` of a paragraph's ``boxes``."""
    if isinstance(paragraph, Piece):  # one word
        note = paragraph.style.note
        if paragraph.width <= first_width + 0.01:
            return [Line([paragraph], paragraph.width, True, () if note is None else (note,))]
        paragraph = Boxes([paragraph], note is not None)
    items, noted = paragraph.items, paragraph.noted
    lines: list[Line] = []
    current: list[Piece] = []
    current_width = 0.0
    pending_glue: Piece | None = None
    limit = first_width

    room = limit + 0.01  # the width a line may take (a hair over the limit, for rounding)
    index, count = 0, len(items)
    while index < count:
        item = items[index]
        index += 1
        if item is None:
            lines.append(_line(current, current_width, True, noted))
            current, current_width, pending_glue, limit = [], 0.0, None, width
            room = limit + 0.01
            continue
        if isinstance(item, Piece) and item.glue:
            if current:
                pending_glue = item
            continue
        if current:
            glue_width = pending_glue.width if pending_glue is not None else 0.0
            if current_width + glue_width + item.width > room:
                lines.append(_line(current, current_width, False, noted))
                current, current_width, pending_glue, limit = [], 0.0, None, width
                room = limit + 0.01
                index -= 1  # the item starts the next line
                continue
            if pending_glue is not None and pending_glue.text:  # an empty glue: a break after a hyphen
                current.append(pending_glue)
                current_width += glue_width
        elif item.width > room:
            parts = _split_box(_Box([item], item.width) if isinstance(item, Piece) else item, limit)
            if len(parts) > 1:
                items, index = [*parts, *items[index:]], 0  # the parts come next (a new list: items is shared)
                count = len(items)
                continue
        pending_glue = None
        if isinstance(item, Piece):
            current.append(item)
        else:
            current.extend(item.pieces)
        current_width += item.width
    if current or not lines:
        lines.append(_line(current, current_width, True, noted))
    else:
        lines[-1].last = True
    return lines


# --- drawing -------------------------------------------------------------------------------------------------------


def _visual(line: Line) -> list[Piece]:
    """The pieces of a right-to-left line in display order, regrouped by style."""
    styles: list[Style] = []
    index: dict[Style, int] = {}
    chars: list[tuple[str, int]] = []
    by_id: dict[int, int] = {}  # the same style object recurs: hashing it (all its fields) once is enough
    for piece in line.pieces:
        style = piece.style
        key = by_id.get(id(style))
        if key is None:
            key = by_id[id(style)] = index.setdefault(style, len(styles))
            if key == len(styles):
                styles.append(style)
        # glue is tagged with a negative style so it stays a separate (stretchable) piece
        tag = -1 - key if piece.glue else key
        chars.extend(zip(piece.text, repeat(tag)))
    out: list[Piece] = []
    notes = {i for i, style in enumerate(styles) if style.note is not None}
    marks = _MARKS
    text: list[str] = []  # the characters of the piece being gathered
    last_style: Style | None = None
    last_glue = True  # nothing joins a first piece
    for ch, tag in with_reading_marks(visual_levels(chars), notes):
        glue = tag < 0
        style = styles[-1 - tag if glue else tag]
        if ch in marks:
            if not _prints_nothing(style.font, ch):
                continue  # a face whose glyph for the mark would show
            glue = False  # a mark next to a space is no space: it must not widen a justified line
        if not glue and not last_glue and style is last_style:  # the styles are distinct (deduplicated above)
            text.append(ch)
            continue
        if text:
            out[-1].text = "".join(text)
        text = [ch]
        out.append(Piece(ch, style, 0.0, glue))
        last_style, last_glue = style, glue
    if text:
        out[-1].text = "".join(text)
    for piece in out:
        piece.width = measure(piece.text, piece.style)
    return out


def draw_line(canv: Canvas, line: Line, x: float, baseline: float, width: float, setting: Setting) -> None:
    """Draw ``line`` in the box starting at ``x`` of ``width`` with its baseline at ``baseline``."""
    pieces = _visual(line) if setting.rtl else line.pieces
    while pieces and pieces[-1].glue:
        pieces = pieces[:-1]
    while pieces and pieces[0].glue:
        pieces = pieces[1:]
    if not pieces:
        return
    one = len(pieces) == 1  # a table's figure, a short heading: the sums below are its width and text
    natural = pieces[0].width if one else sum([p.width for p in pieces])
    text = pieces[0].text if one else "".join([p.text for p in pieces])
    slack = max(width - natural, 0.0)
    extra = 0.0  # per space (Latin, Arabic)
    char_space = 0.0  # per character (Chinese)
    gaps = 0  # the stretching spaces of a justified line
    align = setting.align
    if align == "justify" and line.last:
        align = "start"
    if align == "justify":
        if setting.cjk:
            count = len(text) - 1
            char_space = slack / count if count > 0 else 0.0
        else:
            gaps = sum(1 for p in pieces if p.glue)
            extra = slack / gaps if gaps else 0.0
    elif align == "center":
        x += slack / 2
    elif (align == "end") != setting.rtl:
        x += slack

    # A justified line is one run of text where it can be: the PDF's word spacing (``Tw``, added to every space
    # glyph: code 32 is the space in every subset of reportlab's fonts, and a no-break space is drawn as one)
    # widens the inter-word spaces, rather than placing each word on its own. A piece holding a space that must
    # not stretch (a no-break space, the space after «) starts a run with no word spacing. A run that follows
    # another (a change of style) starts where the text position is, but for a footnote mark and the run after it:
    # a mark is placed a hair (under 0.015 pt) after the text before it ends, so that text extraction never reads
    # the zero-width marks ending that text (``_marks_apart``, ``shaping.with_reading_marks``) after the mark.
    # A right-to-left line's last word (its first in reading order) is placed on its own, flush with the right.
    style = pieces[0].style
    if (
        not setting.rtl
        and style.note is None
        and (one or all([p.style is style for p in pieces]))
        and (not extra or (text.count(" ") == gaps and "\u00a0" not in text))
    ):
        # most lines: one style, so one run (what the loop below makes of them, without a step per word), unless
        # a word holds a space that must not stretch
        run: list[Group] = [(x, style, text, extra, True)]
        if style.link is not None:
            _link(canv, run, baseline, char_space)
        _emit_run(canv, x, style, text, extra, baseline, char_space)
        return
    if not extra and not setting.rtl:
        _draw_styled(canv, pieces, x, baseline, char_space)
        return
    opening = len(pieces)
    if setting.rtl:
        opening = next((i + 1 for i in range(len(pieces) - 1, -1, -1) if pieces[i].glue), opening)
    groups: list[Group] = []
    pen = x
    linked = noted = started = False
    group_x, group_style, group_text = 0.0, pieces[0].style, ""
    group_words: float | None = None  # the run's word spacing, None while it has held no space
    placed = True  # the run is placed at group_x (else drawn where the text position is)
    for index, piece in enumerate(pieces):
        style = piece.style
        text = piece.text
        advance = piece.width + char_space * len(text)
        words: float | None = None  # the word spacing this piece needs (None: any)
        if extra:
            if piece.glue:
                words = extra
                advance += extra
            elif " " in text or "\u00a0" in text:
                words = 0.0
        if (
            started
            and (style is group_style or style == group_style)
            and (words is None or group_words is None or words == group_words)
            and index != opening
        ):
            group_text += text
            if words is not None:
                group_words = words
        else:
            if started:
                groups.append((group_x, group_style, group_text, group_words or 0.0, placed))
                placed = style.note is not None or group_style.note is not None or index == opening
                group_x = math.ceil(pen * 100 + 0.5) / 100 if style.note is not None else pen
            else:
                placed, group_x = True, pen
            started = True
            group_style, group_text, group_words = style, text, words
            linked = linked or style.link is not None
            noted = noted or style.note is not None
        pen += advance
    groups.append((group_x, group_style, group_text, group_words or 0.0, placed))
    if linked:
        _link(canv, groups, baseline, char_space)
    if noted and not setting.rtl:  # a right-to-left line has its marks already (shaping.with_reading_marks)
        _marks_apart(groups)
    emit(canv, groups, baseline, char_space)


def _draw_styled(canv: Canvas, pieces: list[Piece], x: float, baseline: float, char_space: float) -> None:
    """What ``draw_line`` draws of a left-to-right line of several styles without word spacing (a line of Chinese
    with Latin runs or marks, a ragged line with a link or a note): a run for each stretch of one style, placed as
    there (a footnote mark and the run after it on their own), without its steps for word spacing."""
    groups: list[Group] = []
    pen = x
    group_style = pieces[0].style
    group_x = x
    placed = True
    texts: list[str] = []
    for piece in pieces:
        style = piece.style
        text = piece.text
        if style is not group_style and style != group_style:
            groups.append((group_x, group_style, "".join(texts), 0.0, placed))
            placed = style.note is not None or group_style.note is not None
            group_x = math.ceil(pen * 100 + 0.5) / 100 if style.note is not None else pen
            group_style, texts = style, []
        texts.append(text)
        pen += piece.width + char_space * len(text)
    groups.append((group_x, group_style, "".join(texts), 0.0, placed))
    if any([group[1].link is not None for group in groups]):
        _link(canv, groups, baseline, char_space)
    if any([group[1].note is not None for group in groups]):
        _marks_apart(groups)
    emit(canv, groups, baseline, char_space)


def _marks_apart(groups: list[Group]) -> None:
    """End the word before each footnote mark with a zero-width space, so that text extraction reads the mark as
    a word of its own (``Geneva 3``, not ``Geneva3``, which search and indexing would take for one word). The
    space prints nothing and ends its group, and the mark is placed on its own: nothing moves."""
    for index in range(1, len(groups)):
        x, style, text, words, placed = groups[index - 1]
        if groups[index][1].note is None or style.note is not None or not text or text[-1].isspace():
            continue
        if _prints_nothing(style.font, ZWSP):
            groups[index - 1] = (x, style, text + ZWSP, words, placed)


_MARKS = frozenset((RTL_MARK, ZWSP))


def _prints_nothing(font: str, ch: str) -> bool:
    """Has ``font`` an empty glyph of no width for ``ch`` (a mark for text extraction only)? Some faces draw
    the invisible characters as visible symbols (Amiri's RLM), and a face without the character draws a box."""
    known = _empty_glyphs.get((font, ch))
    if known is None:
        face = _font(font).face
        glyph = face.charToGlyph.get(ord(ch))
        known = (
            glyph is not None and face.glyphPos[glyph] == face.glyphPos[glyph + 1] and not face.getCharWidth(ord(ch))
        )
        _empty_glyphs[font, ch] = known
    return known


_empty_glyphs: dict[tuple[str, str], bool] = {}


def _link(canv: Canvas, groups: list[Group], baseline: float, char_space: float) -> None:
    """Link annotations over the groups that carry a link (one per run, merged along the line)."""
    spans: list[list[Any]] = []  # [url, x0, x1, size]
    for gx, style, text, words, _ in groups:
        if style.link is None:
            continue
        text = text.rstrip()
        end = gx + measure(text, style) + char_space * len(text)
        if words:
            end += words * (text.count(" ") + text.count("\u00a0"))
        if spans and spans[-1][0] == style.link and gx - spans[-1][2] < style.size:
            spans[-1][2] = end
        else:
            spans.append([style.link, gx, end, style.size])
    for url, x0, x1, size in spans:
        _link_annotation(canv, url, (x0, baseline - size * 0.22, x1, baseline + size * 0.8))


class _Action(PDFDictionary):  # type: ignore[misc]
    """A URI action written once as an object of its own, which every link to its URL refers to: the bytes
    reportlab writes for its dictionary, formatted in one step (a document has an action per cited document)."""

    __RefOnly__ = 1

    def __init__(self, url: str) -> None:
        super().__init__({"S": PDFName("URI"), "Type": PDFName("Action"), "URI": PDFString(url)})

    def format(self, document: Any) -> bytes:
        return b"<<\n/S /URI /Type /Action /URI %s\n>>" % pdf_format(self.dict["URI"], document)


class _LinkAnnotation(PDFObject):  # type: ignore[misc]
    """A borderless link annotation over ``rect`` (page coordinates) calling ``action``: the bytes reportlab
    writes for the dictionary ``canv.linkURL`` makes, formatted here in one step. reportlab formats a dictionary
    key by key and value by value through its generic ``format``; a text citing documents ten thousand times
    spent most of its PDF's time there."""

    def __init__(self, action: _Action, rect: list[float]) -> None:
        self.action = action
        self.rect = rect

    def format(self, document: Any) -> bytes:
        reference: bytes | None = getattr(self.action, "_unconvert_reference", None)
        if reference is None:  # the action becomes an object of the document the first time it is referred to
            reference = self.action._unconvert_reference = pdf_format(self.action, document)
        return b"<<\n/A %s /Border [ 0 0 0 ] /Rect [ %s ] /Subtype /Link /Type /Annot\n>>" % (
            reference,
            fp_str(*self.rect).encode("ascii"),
        )


def _link_annotation(canv: Canvas, url: str, rect: tuple[float, float, float, float]) -> None:
    """What ``canv.linkURL(url, rect, relative=1, thickness=0)`` adds, with the URI action shared by the links to
    one URL in a document (a text that cites one document a thousand times wrote its action a thousand times: the
    formatting of those objects was most of such a PDF's time)."""
    doc = canv._doc
    actions: dict[str, _Action] | None = getattr(doc, "_unconvert_actions", None)
    if actions is None:
        actions = doc._unconvert_actions = {}
    action = actions.get(url)
    if action is None:
        action = actions[url] = _Action(url)
    canv._addAnnotation(_LinkAnnotation(action, _page_rect(canv, rect)))


def _page_rect(canv: Canvas, rect: tuple[float, float, float, float]) -> list[float]:
    """``canv._absRect(rect, 1)``: ``rect`` in page coordinates. Under a translation (a block drawn at its place,
    no crop marks) that is the rectangle moved by it, as reportlab's four transformed corners come to; otherwise
    reportlab's own."""
    a, b, c, d, e, f = canv._currentMatrix
    if canv._cropMarks or a != 1 or b != 0 or c != 0 or d != 1:
        return list(canv._absRect(rect, 1))
    x0, y0, x1, y1 = rect
    return [min(x0, x1) + e, min(y0, y1) + f, max(x0, x1) + e, max(y0, y1) + f]


def emit(
    canv: Canvas,
    groups: list[Group],
    baseline: float,
    char_space: float = 0.0,
    *,
    actual: str | None = None,
) -> None:
    """Write one text object drawing each ``Group``, straight into the page's content stream (reportlab's text
    object re-measures every string, which doubles the writer's time). ``actual`` wraps it in a marked-content
    span whose ActualText is that string."""
    encoder = _encoder_of(canv)
    cache = encoder.encoded
    ops = ["BT"]
    add = ops.append
    if actual is not None:
        ops.insert(0, f"/Span <</ActualText <FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC")
    if char_space:
        add(f"{char_space:.3f} Tc")
    current_name: str | None = None
    current_size = 0.0
    track = PLAIN
    word_space = 0.0  # the Tw in force
    rise = 0.0  # the Ts in force
    blue = False
    for gx, style, text, words, placed in groups:
        if (style.link is not None) != blue:
            blue = not blue
            add(LINK_COLOUR if blue else "0 g")
        if style.track is not track and style.track != track:
            track = style.track
            add(f"{track.scale * 100:g} Tz {(track.spacing + char_space) / track.scale:.4g} Tc")
        if words or word_space:
            words /= track.scale  # the horizontal scaling scales the word spacing too
            if words != word_space:
                add(f"{words:.4f} Tw")
                word_space = words
        if placed:
            add(f"1 0 0 1 {gx:.2f} {baseline:.2f} Tm")
        if style.rise != rise:
            rise = style.rise
            add(f"{rise:g} Ts")
        encoded = cache.get((style.font, text))
        if encoded is None:
            encoded = cache[style.font, text] = encoder.encode(style.font, text)
        size = style.size
        for subset_name, show in encoded:
            if subset_name != current_name or size != current_size:
                add(_font_operators.get((subset_name, size)) or _font_operator(subset_name, size))
                current_name, current_size = subset_name, size
            add(show)
    if char_space or track is not PLAIN:
        add("0 Tc" if track is PLAIN else "100 Tz 0 Tc")
    if word_space:
        add("0 Tw")
    if rise:
        add("0 Ts")
    if blue:
        add("0 g")
    add("ET")
    if actual is not None:
        add("EMC")
    canv._code.append(" ".join(ops))


_font_operators: dict[tuple[str, float], str] = {}  # the ``Tf`` of a font subset's name and a size


def _font_operator(subset_name: str, size: float) -> str:
    """The ``Tf`` operator of a font subset at a size, made and remembered (``_font_operators``, a bounded cache
    the callers look in first)."""
    if len(_font_operators) > 10_000:
        _font_operators.clear()
    font = _font_operators[subset_name, size] = f"{subset_name} {size:g} Tf"
    return font


def _encoder_of(canv: Canvas) -> _Encoder:
    """The ``_Encoder`` of the canvas's document, made on first use: within one document a string always encodes
    to the same font subsets and bytes, so they are cached per document."""
    doc = canv._doc
    encoder: _Encoder | None = getattr(doc, "_unconvert_encoder", None)
    if encoder is None:
        encoder = doc._unconvert_encoder = _Encoder(doc)
    return encoder


@dataclass(frozen=True, slots=True)
class _RunOperators:
    """The operators ``emit`` writes around one placed run of a style, with no character spacing: before its
    word spacing (``head``), between its position and its text (``rise``), and after the text, without and with
    word spacing to reset (``tail``, ``tail_words``)."""

    head: str
    rise: str
    tail: str
    tail_words: str


# by what they depend on (link, track, rise), not by the style: a style holds its words (``Style.words``), which a
# cache kept across documents must not
_run_operators: dict[tuple[str | None, float, float, float], _RunOperators] = {}


def _operators(style: Style) -> _RunOperators:
    """The ``_RunOperators`` of ``style``: what ``emit`` writes for a group of it, as strings made once."""
    key = (style.link, style.track.scale, style.track.spacing, style.rise)
    ops = _run_operators.get(key)
    if ops is None:
        head, tail = ["BT"], []
        linked = style.link is not None
        track = style.track
        if linked:
            head.append(LINK_COLOUR)
        if track != PLAIN:
            head.append(f"{track.scale * 100:g} Tz {track.spacing / track.scale:.4g} Tc")
            tail.append("100 Tz 0 Tc")
        rise = f" {style.rise:g} Ts" if style.rise != 0.0 else ""
        after = (["0 Ts"] if style.rise != 0.0 else []) + (["0 g"] if linked else []) + ["ET"]
        ops = _RunOperators(" ".join(head), rise, " ".join([*tail, *after]), " ".join([*tail, "0 Tw", *after]))
        if len(_run_operators) > 10_000:
            _run_operators.clear()
        _run_operators[key] = ops
    return ops


def _emit_run(
    canv: Canvas, x: float, style: Style, text: str, words: float, baseline: float, char_space: float = 0.0
) -> None:
    """``emit`` of one placed run at ``x`` with word spacing ``words`` (most lines): the same operators, their
    fixed parts made once per style (``_operators``); a character spacing (a justified Chinese line) makes the
    head of its own."""
    encoder = _encoder_of(canv)
    encoded = encoder.encoded.get((style.font, text))
    if encoded is None:
        encoded = encoder.encoded[style.font, text] = encoder.encode(style.font, text)
    ops = _operators(style)
    track = style.track
    if char_space:
        parts = ["BT", f"{char_space:.3f} Tc"]
        if style.link is not None:
            parts.append(LINK_COLOUR)
        if track != PLAIN:
            parts.append(f"{track.scale * 100:g} Tz {(track.spacing + char_space) / track.scale:.4g} Tc")
    else:
        parts = [ops.head]
    add = parts.append
    spaced = False
    if words:
        words /= track.scale
        if words != 0.0:
            add(f"{words:.4f} Tw")
            spaced = True
    add(f"1 0 0 1 {x:.2f} {baseline:.2f} Tm{ops.rise}")
    size = style.size
    current: str | None = None
    for subset_name, show in encoded:
        if subset_name != current:
            add(_font_operators.get((subset_name, size)) or _font_operator(subset_name, size))
            current = subset_name
        add(show)
    if char_space and track == PLAIN:
        add("0 Tc")  # a tracked style's tail resets it (``100 Tz 0 Tc``)
    add(ops.tail_words if spaced else ops.tail)
    canv._code.append(" ".join(parts))


# What reportlab's ``escapePDF`` does to a string's bytes (controls and 8-bit codes in octal, ``\\ ( )`` after a
# backslash), done by ``str.translate`` rather than one Python call per byte.
_PDF_ESCAPES = {c: f"\\{c:03o}" for c in (*range(32), *range(127, 256))} | {ord(c): "\\" + c for c in "\\()"}


class _Encoder:
    """The strings of one document as its font subsets encode them: ``(subset name, "(bytes) Tj")`` pairs."""

    __slots__ = ("doc", "encoded", "names", "started")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.encoded: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.names: dict[tuple[str, int], str] = {}  # a font subset's name in the document's resources
        self.started: set[str] = set()  # the fonts that have their reportlab state in this document

    def encode(self, font_name: str, text: str) -> list[tuple[str, str]]:
        font = _font(font_name)
        if text and font_name in self.started and text.isascii() and _readable(font).issuperset(text):
            mark_used(font, self.doc, text)
            return [(self.name(font, 0), _ascii_show(text))]
        chunks = _split(font, text, self.doc)
        self.started.add(font_name)
        return [(self.name(font, subset), f"({shown}) Tj") for subset, shown in chunks]

    def name(self, font: Any, subset: int) -> str:
        key = (font.fontName, subset)
        name = self.names.get(key)
        if name is None:  # the first call registers the font with the document: it must come at first use
            name = self.names[key] = font.getSubsetInternalName(subset, self.doc)
        return name


def _readable(font: Any) -> frozenset[str]:
    """The printable ASCII characters that ``font`` sets as themselves in its first subset in every document: with
    reportlab's ``asciiReadable`` (its default) a font's state starts with each of them that the face has at its
    own code (``TTFont.State``), so their strings encode the same in every document, without splitString."""
    chars = _readable_chars.get(font.fontName)
    if chars is None:
        face = font.face
        if font._asciiReadable and not getattr(face, "_full_font", None):
            chars = frozenset(chr(n) for n in range(32, 127) if n in face.charToGlyph)
        else:
            chars = frozenset()
        _readable_chars[font.fontName] = chars
    return chars


_readable_chars: dict[str, frozenset[str]] = {}
_ascii_shows: dict[str, str] = {}


def _ascii_show(text: str) -> str:
    """The ``Tj`` of a printable ASCII string set in a readable font's first subset (cached across documents)."""
    show = _ascii_shows.get(text)
    if show is None:
        if len(_ascii_shows) > 400_000:
            _ascii_shows.clear()
        show = _ascii_shows[text] = f"({text.translate(_PDF_ESCAPES)}) Tj"
    return show


class _Codes:
    """What reportlab's ``TTFont.splitString`` has assigned to characters of one font in one document (its
    ``state.assignments``: character to ``subset << 8 | code``), as far as they were learnt from the strings
    split so far, as ``str.translate`` tables: a string of characters that all have their codes is then encoded
    without a Python step per character. ``shown`` gives each character's code as a PDF string writes it
    (escaped as reportlab's ``escapePDF`` escapes it); ``several`` says whether any is outside the first subset."""

    __slots__ = ("chars", "several", "shown", "subset")

    def __init__(self) -> None:
        self.chars: set[str] = set()
        self.shown: dict[int, str] = {}
        self.subset: dict[int, str] = {}
        self.several = False

    def learn(self, text: str, assignments: dict[int, int], glyphs: dict[int, int]) -> None:
        """Take the codes of the characters of ``text`` (just split): a character the face lacks (not in
        ``glyphs``) is set by splitString as code 0 of the first subset."""
        for ch in set(text) - self.chars:
            point = 32 if ch == "\u00a0" else ord(ch)  # splitString sets a no-break space as a space
            n = assignments.get(point)
            if n is None:
                if point in glyphs:
                    continue
                n = 0
            self.chars.add(ch)
            self.shown[ord(ch)] = chr(n & 0xFF).translate(_PDF_ESCAPES)
            self.subset[ord(ch)] = chr(n >> 8)
            self.several = self.several or n > 0xFF


_SUBSET_RUNS = re.compile(r"(.)\1*", re.DOTALL)


def _split(font: Any, text: str, doc: Any) -> list[tuple[int, str]]:
    """``font.splitString(text, doc)`` with each chunk's bytes as a PDF string shows them (escaped as
    ``escapePDF`` escapes them): the same chunks, and the same codes assigned to new characters, in the same
    order. splitString, a Python step per character, is given only the characters that have no code yet (in the
    order ``text`` first has them, so they take the codes it would give them); the whole string is then encoded
    by ``str.translate``."""
    state = font.state.get(doc)
    if state is None:  # the font's first string in the document: its state is made (``_Encoder.encode`` counts on it)
        state = font._assignState(doc)
    if not text:
        return []
    codes: _Codes | None = getattr(state, "_unconvert_codes", None)
    if codes is None:
        codes = state._unconvert_codes = _Codes()
    if not codes.chars.issuperset(text):
        known = codes.chars
        new = "".join(dict.fromkeys([ch for ch in text if ch not in known]))
        font.splitString(new, doc)
        codes.learn(new, state.assignments, font.face.charToGlyph)
    if not codes.several:
        return [(0, text.translate(codes.shown))]
    subsets = text.translate(codes.subset)
    first = subsets[0]
    if subsets.count(first) == len(subsets):
        return [(ord(first), text.translate(codes.shown))]
    return [
        (ord(m.group()[0]), text[m.start() : m.end()].translate(codes.shown)) for m in _SUBSET_RUNS.finditer(subsets)
    ]


_fonts: dict[str, Any] = {}


def _font(name: str) -> Any:
    font = _fonts.get(name)
    if font is None:
        font = _fonts[name] = getFont(name)
    return font
