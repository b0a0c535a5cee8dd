"""Tables: the dump fuses a table's cells (``ActionTitle of postCategory/levelNumber``) and loses its rows; recover
both.

Cells (``split_cells``). Cell boundaries are lost, so cells are cut where the fused text shows a seam: a lower-case
letter followed by an upper-case one (``ActionTitle``), a number followed by a capitalised word (``P-41Establishment``:
``P-41`` | ``Establishment``), a closing bracket followed by a number or capital (``(PL)1``), a word followed by a
number (``posts3``), a grade followed by a number (``P-41``), a figure set apart by spaces (``Afghanistan 0.006
Albania``), a tab, a change of script (``法律干事P-4``, ``P-41设立``); never inside brackets nor inside a grade range
(``P-4 to P-5``). The cut never drops or adds a character: the cells' texts joined give the line back. A line break
inside a table is a new paragraph of the same cell.

Rows (``grid``): row labels in sequence open rows, a run of figures closes one (below). Boxes (``box_lines``,
``split_box``): one-column tables around a numbered text, found by their untabbed lines in a tab-led body.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate, pairwise

_SEAM = re.compile(
    r"(?<=[a-zà-ÿа-я])(?=[A-ZÀ-ÞА-Я])"  # ActionTitle
    r"|(?<=\d)(?=[A-ZÀ-ÞА-Я][a-zà-ÿа-я])"  # P-41Establishment
    r"|(?<=\))(?=[\dA-ZÀ-ÞА-Я])"  # (PL)1
    r"|(?<=\*)(?=[A-ZÀ-ÞА-Я])"  # impacts*Goal 14: a mark ends the cell
    r"|(?<=[A-ZÀ-ÞА-Я]{2})(?=[A-ZÀ-ÞА-Я][a-zà-ÿа-я]{2})"  # ACTING FOR LIFEAction: a word in capitals, then a name
    r"|(?<=[”»])(?=[A-ZÀ-ÞА-Я])"  # “ASPADI”Active: a closing quote ends the cell
    r"|(?<=[a-zà-ÿа-я] )(?=[A-ZА-Я]{1,2}(?:[-‑]\d| ?\())"  # Assistant GS (PL), учету ОО (ПР): a grade after a title
    r"|(?<=\) )(?=[A-ZÀ-ÞА-Я][a-zà-ÿа-я])"  # (programme support) Administrative Officer
    r"|(?<=\) )(?=[A-Z]{1,2}(?:[-‑]\d| ?\())"  # (gestion des installations) G(AC)
    # Variation nette 28Réaffectation: the total's figure (not a year: Appropriation for 2022Part I)
    r"|(?<=[a-zà-ÿа-я] )(?!(?:19|20)\d\d\D)(?=\d+[A-ZÀ-ÞА-Я][a-zà-ÿа-я])"
    # المحاسبة خ ع (ر أ): an Arabic grade spelt out, after a space
    r"|(?<=[\u0600-\u06ff] )(?=[\u0600-\u06ff] [\u0600-\u06ff] \([\u0600-\u06ff] [\u0600-\u06ff]\))"
    r"|(?<=[\u0600-\u06ff])(?=[\u0600-\u06ff][-‑]\d)"  # الإعلامف-4: an Arabic grade after the title
    r"|(?<=[\u0600-\u06ff])(?=[\u0600-\u06ff] [\u0600-\u06ff] \()"  # الاستحقاقاتخ ع (ر ر): the same, spelt out
    r"|(?<=[A-ZА-Я\u0600-\u06ff][-‑]\d)(?=\d)|(?<=[A-ZА-Я][-‑]\d/\d)(?=\d)"  # P-41, P-2/11: grade, number
    r"|(?<=[a-zà-ÿа-я]{3})(?=\d)"  # posts3
    r"|(?:(?<=[^\W\d] )|(?<=\) ))(?=\d+[.,]\d+(?: +[A-ZÀ-ÞА-Я]| *$))"  # Afghanistan 0.006 Albania: a figure set apart
    r"|(?<=[^\W\d_])(?=\d+[.,]\d)"  # Viet Nam0.159: a decimal figure after a name
    r"|(?<=[,.]\d\d\d)(?=\d{1,3}\.\s?[A-ZÀ-ÞА-Я])"  # 73,219,1002. General: a figure, then the next section number
    r"|(?<=[.,]\d )(?=[A-ZÀ-ÞА-Я])|(?<=[.,]\d\d )(?=[A-ZÀ-ÞА-Я])|(?<=[.,]\d\d\d )(?=[A-ZÀ-ÞА-Я])"  # … and after it
    r"|(?<=[^\t])(?=\t[^\t])"  # a tab opens a cell (unless the cell's own number precedes it)
    r"|(?<=[\u3400-\u9fff\u0600-\u06ff])(?=[A-Za-z0-9])"  # 法律干事P-4: the script changes
    r"|(?<=[0-9])(?=[\u3400-\u9fff\u0600-\u06ff])"  # P-41设立
    r"|(?<=[A-Za-z]\))(?=[\u3400-\u9fff\u0600-\u06ff])"  # GS (PL)设立, not 办公室(工作方案)调至
)
# Where a seam can stand, for ``_seams``: every alternative of ``_SEAM`` asserts what follows the seam, and only a
# few of them accept a character that is common in running text there. A position where a capital, a digit or a tab
# follows, or where one of these pairs meets, is a candidate; any other position
# can hold no seam. Each pattern opens with a character class, so the regex engine skips to its next candidate fast.
# The seam is before the character found. A digit after a digit only after an Arabic one (the Arabic block holds
# its digits) or where a grade or a thousands group stands before (``P-41``, ``P-2/11``, ``73,2191``): no other
# alternative accepts a digit both sides of the seam, and a figure's every digit was a candidate.
_SEAM_BEFORE = re.compile(r"[A-ZÀ-ÞА-Я\t]|(?<!\d)\d|(?<=[\u0600-\u06ff])\d|(?<=[-‑/]\d)\d|(?<=[,.]\d\d\d)\d")
# ``_SEAM_BEFORE`` for a text without Chinese or Arabic (most lines): its Arabic alternative can match nowhere.
_SEAM_BEFORE_LATIN = re.compile(r"[A-ZÀ-ÞА-Я\t]|(?<!\d)\d|(?<=[-‑/]\d)\d|(?<=[,.]\d\d\d)\d")
_SEAM_PAIRS = (  # the seam is after the character found (the pattern consumes one character, so none is missed)
    re.compile(r"[0-9)](?=[\u3400-\u9fff\u0600-\u06ff])"),  # P-41设立, GS (PL)设立
    re.compile(r"[\u0600-\u06ff ](?=[\u0600-\u06ff][-‑ ])"),  # الإعلامف-4, the Arabic grades spelt out
    re.compile(r"[\u3400-\u9fff\u0600-\u06ff](?=[a-z])"),  # 法律干事P-4 in lower case
)
_NUMBERED_CELL = re.compile(r"\S{1,12}\.\t+")
_GRADE_RANGE = re.compile(r"(?:[A-ZА-Я]{1,2}[-‑]\d|\))\s+(?:to|à|a|до)\s+$")  # P-4 to P-5, GS (OL) to GS (PL)
_WORD_END = re.compile(r"[ةى](?=[\u0621-\u064a])")  # letters that only end an Arabic word, glued to the next
_AFTER_WORD_END = re.compile(r"[ةى]([\u0621-\u064a]+)")
_CASELESS = re.compile(r"[\u3400-\u9fff\u0600-\u06ff]")  # a piece that starts in a script without capitals


# The same seams as two-character pairs, for counting them fast (a consuming pattern, no look-behind at every
# position).
_PAIR = re.compile(
    r"[a-zà-ÿа-я][A-ZÀ-ÞА-Я]|\d[A-ZÀ-ÞА-Я][a-zà-ÿа-я]|\)[\dA-ZÀ-ÞА-Я\u3400-\u9fff\u0600-\u06ff]|[a-zà-ÿа-я]{3}\d"
    r"|[\u3400-\u9fff\u0600-\u06ff][A-Za-z0-9]|\d[\u3400-\u9fff\u0600-\u06ff]|\*[A-ZÀ-ÞА-Я]"
    r"|[^\W\d] \d+[.,]\d+ [A-ZÀ-ÞА-Я]"
)


def looks_like_table(text: str) -> bool:
    """A line with several seams (``ActionTitle of postCategory``) and no leading tab is a fused table row."""
    if not text or text[0] == "\t":
        return False
    return any(seams >= 3 for seams, _ in enumerate(_PAIR.finditer(text), start=1))


def split_cells(
    text: str, *, headings: tuple[str, ...] = (), grades: tuple[str, ...] = (), heads: tuple[str, ...] = ()
) -> list[tuple[int, int]]:
    """The (start, end) offsets of the cells of a fused line; they tile the line exactly. ``headings`` are the
    language's column headings (a piece made only of them is cut between them: ``行动员额职称``), ``grades`` its grade
    codes longer than a letter (``مد-1`` is one grade, then its count), ``heads`` the row heads of the document's
    tables read before (``改叙``: a piece in a script without capitals that starts with one is cut after it)."""
    grade_spans = [m.span() for m in _grade_pattern(grades).finditer(text)] if grades else []
    seams = _seams(text)
    for a, b in grade_spans:
        seams = {at for at in seams if not a < at < b}
        seams.add(a)
        if b < len(text) and text[b].isdigit():
            seams.add(b)  # the count after the grade
    cuts = [0]
    for at in sorted(seams):
        if at <= cuts[-1]:
            continue
        if text[at] == "\t" and _NUMBERED_CELL.fullmatch(text[cuts[-1] : at + 1] + "\t"):
            continue  # ``Goal 1.<tab><tab>End poverty``: the tab follows the cell's own number
        cell = text[cuts[-1] : at]
        if cell.count("(") > cell.count(")"):
            continue  # inside brackets: ``G(1eC)``, ``GS (PL)`` are one code
        if cell[-1:].isspace() and _GRADE_RANGE.search(cell):
            continue  # ``P-4 to P-5`` is one cell
        cuts.append(at)
    cuts.append(len(text))
    spans = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i] < cuts[i + 1]]
    if headings:
        longest_first = sorted(headings, key=len, reverse=True)
        firsts = {heading[0] for heading in headings}  # a piece that opens with none of them is left whole
        spans = [
            cut
            for span in spans
            for cut in (_split_headings(text, span, longest_first) if text[span[0]] in firsts else (span,))
        ]
    spans = _split_shared_heads(text, spans, headings)
    if not heads:
        return spans
    known = _Words(frozenset(heads), tuple(sorted({len(h) for h in heads}, reverse=True)))
    return [cut for span in spans for cut in _split_known_head(text, span, known)]


def _seams(text: str) -> set[int]:
    """The positions where ``_SEAM`` matches in ``text``: it is tried only where a seam can stand (``_SEAM_BEFORE``,
    ``_SEAM_PAIRS``), not at every character (its twenty-odd alternatives at every character of a fuzzed line of
    hundreds of thousands of cells took most of the reader's time). Same positions as ``_SEAM.finditer``."""
    if _CASELESS.search(text) is None:  # every pair, and the Arabic digits' case, needs Chinese or Arabic
        candidates = {m.start() for m in _SEAM_BEFORE_LATIN.finditer(text, 1)}
    else:
        candidates = {m.start() for m in _SEAM_BEFORE.finditer(text, 1)}
        for pair in _SEAM_PAIRS:
            candidates.update(m.end() for m in pair.finditer(text))
    match = _SEAM.match
    return {at for at in candidates if match(text, at)}


def _split_known_head(text: str, span: tuple[int, int], heads: _Words) -> list[tuple[int, int]]:
    """A piece that starts with a row head of an earlier table and goes on is cut after the head: in a script
    without capitals straight after it (``改叙高级合规干事``, the only ``改叙`` row of its table), elsewhere where a
    space and a capital follow it (``Reassignment Senior Administrative Assistant``, written with a space). The
    longest head first; the heads are looked up by their sizes (``heads.sizes``, longest first: one head at most of
    each size stands at the start), not compared one by one with every piece (a fuzzed table of thousands of rows
    made thousands of heads for the next table's thousands of pieces)."""
    a, b = span
    caseless = _CASELESS.match(text, a) is not None
    for size in heads.sizes:
        end = a + size
        if end >= b or text[a:end] not in heads.words:
            continue
        if caseless:
            return [(a, end), (end, b)]
        if text[end] == " " and text[end + 1 : end + 2].isupper():
            return [(a, end + 1), (end + 1, b)]
    return [span]


def _grade_pattern(grades: tuple[str, ...]) -> re.Pattern[str]:
    """A grade of one of ``grades`` with its level (``مد-1``, ``ف-2/1``): one digit, the count may follow."""
    pattern = _GRADES.get(grades)
    if pattern is None:
        codes = "|".join(re.escape(code) for code in sorted(grades, key=len, reverse=True))
        pattern = _GRADES[grades] = re.compile(rf"(?:{codes})[-‑]\d(?:/\d)?")
    return pattern


_GRADES: dict[tuple[str, ...], re.Pattern[str]] = {}


def _split_headings(text: str, span: tuple[int, int], headings: list[str]) -> list[tuple[int, int]]:
    """A piece that starts with two or more known column headings in a row (``行动员额职称职类/职等数目``) is cut
    after each of them (``headings``: the longest first); anything else is left whole."""
    a, b = span
    cuts = [a]
    at = a
    while at < b:
        word = next((h for h in headings if text.startswith(h, at, b)), None)
        if word is None:
            break
        at += len(word)
        cuts.append(at)
    if len(cuts) < 3:
        return [span]
    if cuts[-1] < b:
        cuts.append(b)
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _split_shared_heads(
    text: str, spans: list[tuple[int, int]], headings: tuple[str, ...] = ()
) -> list[tuple[int, int]]:
    """In scripts without capitals (Chinese, Arabic) a row's first cell runs into the next (``设立法律干事``): a head
    shared by several pieces of the line and followed by different text in each (``设立``, ``改叙``) is a cell; a
    piece that holds such a head further in (the header fused with the first row) is cut before it too. A known
    column heading is never cut (``الإجراء`` and ``العدد`` share ``ال``)."""
    if _CASELESS.search(text) is None:
        return spans  # no piece can open in a script without capitals
    pieces = [text[a:b] for a, b in spans]
    eligible = [bool(p) and _CASELESS.match(p) is not None and p not in headings for p in pieces]
    if sum(1 for p, ok in zip(pieces, eligible, strict=True) if ok and len(p) >= 2) < 2:
        return spans  # no two pieces can share a head
    words = _cell_words(pieces, eligible)
    heads = [0] * len(pieces)
    for i, shared in _shared_head_sizes(pieces, eligible).items():
        # of the heads this piece shares, the one the most pieces share (``改叙`` rather than ``改叙高级``): the
        # shortest, since every piece that shares a longer head shares the shorter one too
        piece = pieces[i]
        word_end = _WORD_END.search(piece)  # ``وظيفة جديدةموظف``: ة ends a word, so a head ends there
        sizes: set[int] = set()
        for n in shared:
            if word_end is not None:
                n = min(n, word_end.end())
            if piece[n - 1 : n + 1].count(" "):
                n = _glued_start(piece, n, words)
            if n >= 2 and _head_ends_cleanly(piece, n):
                sizes.add(n)
        head = min(sizes, default=0)
        heads[i] = head if 2 <= head < len(piece) else 0
    heads = _agreed_heads(pieces, heads, words)
    # the longest first, and alike in every run (not in the order of a set, which changes with the hash seed)
    known = sorted({pieces[i][:n] for i, n in enumerate(heads) if n}, key=lambda h: (-len(h), h))
    out: list[tuple[int, int]] = []
    for i, span in enumerate(spans):
        a, b = span
        if heads[i]:
            out.extend([(a, a + heads[i]), (a + heads[i], b)])
            continue
        inner = _inner_head(pieces[i], known) if known and eligible[i] else None
        if inner is None:
            out.append(span)
            continue
        at, size = inner
        out.extend(span for span in ((a, a + at), (a + at, a + at + size), (a + at + size, b)) if span[0] < span[1])
    return out


def _shared_head_sizes(pieces: list[str], eligible: list[bool]) -> dict[int, set[int]]:
    """For each eligible piece that shares a head (by its index), the sizes of the heads (two characters or more) it
    shares with the other eligible pieces. In sorted order the head two pieces share is the shortest head shared by the
    neighbours between them, so each piece walks out from its place by the chains of nearest shorter heads: the
    cost grows with the line and the heads' sizes, not with the square of the number of pieces (comparing every
    piece with every other took minutes on a fuzzed line of a thousand alike cells)."""
    order = sorted((i for i, ok in enumerate(eligible) if ok and len(pieces[i]) >= 2), key=pieces.__getitem__)
    between = [_common_head(pieces[a], pieces[b]) for a, b in pairwise(order)]
    before = _nearest_shorter(between)
    after = [len(between) - 1 - k for k in reversed(_nearest_shorter(between[::-1]))]
    out: dict[int, set[int]] = {}
    for place, i in enumerate(order):
        sizes: set[int] = set()
        k = place - 1  # the pieces before: a piece at j < place shares min(between[j:place]) with this one
        while k >= 0 and between[k] >= 2:
            sizes.add(between[k])
            k = before[k]
        k = place  # the pieces after: a piece at j > place shares min(between[place:j])
        while k < len(between) and between[k] >= 2:
            sizes.add(between[k])
            k = after[k]
        if sizes:
            out[i] = sizes
    return out


def _nearest_shorter(sizes: list[int]) -> list[int]:
    """For each place, the nearest place before it with a smaller size (-1 if none)."""
    out: list[int] = []
    stack: list[int] = []
    for k, size in enumerate(sizes):
        while stack and sizes[stack[-1]] >= size:
            stack.pop()
        out.append(stack[-1] if stack else -1)
        stack.append(k)
    return out


def _agreed_heads(pieces: list[str], heads: list[int], words: _Words) -> list[int]:
    """Heads that overshoot by the letters their next cells share (``تحويلم`` before ``موظف``, ``مساعد``,
    ``محاسب``) are put back: a head is shortened by a letter or two where the rest then opens with a word that opens
    a cell elsewhere in the line (``موظف``), and every piece takes, of the heads found that it starts with, the one
    the most pieces found (``words``: ``_cell_words``)."""
    out = list(heads)
    for i, (piece, head) in enumerate(zip(pieces, heads, strict=True)):
        if head and not _opens_with(piece[head:], words):
            out[i] = next((head - k for k in (1, 2) if head - k >= 2 and _opens_with(piece[head - k :], words)), head)
    found = Counter(pieces[i][:n] for i, n in enumerate(out) if n)
    sizes = sorted({len(h) for h in found})
    for i, piece in enumerate(pieces):
        if out[i]:
            # the found heads this piece starts with, looked up by their sizes (not every head against every piece)
            starts = (piece[:n] for n in sizes if n < len(piece))
            best = max((h for h in starts if h in found), key=lambda h: (found[h], -len(h)))
            out[i] = len(best)
    return out


@dataclass(frozen=True, slots=True)
class _Words:
    """Words that open a cell in the line, with their sizes: whether one stands at a place is a look-up of the
    text's slices of those sizes, not a comparison with every word (a fuzzed line has thousands)."""

    words: frozenset[str]
    sizes: tuple[int, ...]

    def at(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether one of the words stands at ``start`` of ``text`` and ends by ``end``."""
        end = len(text) if end is None else end
        return any(text[start : start + n] in self.words for n in self.sizes if start + n <= end)


def _cell_words(pieces: list[str], eligible: list[bool]) -> _Words:
    """Words that open a cell in the line: the first word of each piece, and a word glued after ة or ى."""
    words = {p.split(" ")[0] for p, ok in zip(pieces, eligible, strict=True) if ok}
    words |= {m.group(1) for p in pieces if "ة" in p or "ى" in p for m in _AFTER_WORD_END.finditer(p)}
    kept = frozenset(w for w in words if len(w) >= 3)
    return _Words(kept, tuple(sorted({len(w) for w in kept})))


def _glued_start(piece: str, size: int, words: _Words) -> int:
    """A head shared up to a space ends, if anywhere, where a word that opens cells elsewhere is glued to the word
    before it (``… إدارة المخاطرموظف``): that position, or ``size`` when there is none."""
    for at in range(size - 1, 1, -1):
        if piece[at - 1].isalpha() and piece[at - 1] != " " and words.at(piece, at):
            return at
    return size


def _opens_with(text: str, words: _Words) -> bool:
    first = text.split(" ", 1)[0]
    return words.at(first)


def _inner_head(piece: str, known: list[str]) -> tuple[int, int] | None:
    """Where a known row head stands inside ``piece`` (not at its start), and its length."""
    for head in known:
        at = piece.find(head, 1)
        if at > 0:
            return at, len(head)
    return None


def _head_ends_cleanly(piece: str, size: int) -> bool:
    """A row head ends outside brackets and not inside a grade or figure (``خ ع (ر`` and ``ف-`` are no heads)."""
    head = piece[:size]
    following = piece[size : size + 1]
    if (head.endswith(" ") or following == " ") and not head.rstrip().endswith(")"):
        return False  # a head shared up to a space (``إعادة`` of ``إعادة تصنيف``, ``إعادة انتداب``) is no cell
    return head.count("(") <= head.count(")") and not following.isdigit() and not head.endswith(("-", "‑", "/"))


def _common_head(one: str, other: str) -> int:
    size = 0
    for x, y in zip(one, other, strict=False):
        if x != y:
            break
        size += 1
    return size


# --- rows and columns ---------------------------------------------------------------------------------------------
#
# The dump keeps no row boundary either. A table's cells are put back into rows by what the cells say: row labels
# that follow each other (``Goal 1.``, ``Goal 2.`` …; ``Seventy-fourth``, ``Seventy-fifth`` …) open rows; a run of
# figures (``P-3``, ``1``; ``Afghanistan``, ``0.006``) closes one, the rows' usual length is the number of columns,
# and what stands before the first full row is the heading row. A table that shows neither is a single column (a
# box, a list of names), which the reader reports as a guess.

_FIGURE = re.compile(r"[-–—−]|[(\[]?[-–−+]?\d[\d\s\u00a0\u202f,.’']*[)\]]?\s*%?")
_LABEL_NUMBER = re.compile(r"(?:^|(?<=[\s№#]))(\d{1,3})(?=[.)]?(?:\s|$)|\.(?=[^\W\d_]))")
_LABEL_ROMAN = re.compile(r"(?:^|(?<=\s))([IVXLC]{1,7})(?=[.)]?(?:\s|$))")
_CJK_ORDINAL = re.compile(r"第([一二三四五六七八九十百零]+)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LABEL_HEAD = 40  # a row label stands in the first characters of its cell
_MIN_SEQUENCE = 3  # labels in sequence that make rows
# Columns of text cells closed by a figure (``Action``, ``Title of post``, ``Category``, ``Number``): up to this many.
# Beyond it, a column count is taken only from rows that are a label and figures (``Afghanistan``, then a figure for
# each year): a long list with a number here and there (A/DEC/78/556's 1,210 names) makes runs of any length.
_MAX_COLUMNS = 12
_ROW_LABELS = 2  # the cells before the figures of a row of a wide table of figures (a label, its sub-label)
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMBER_LABEL = re.compile(r"\d{1,3}\.")  # ``1.``: a section's number opens its row, it is no figure


@dataclass(frozen=True, slots=True)
class Grid:
    """Rows of cell indices (``None``: an empty cell put in so that a short row's figures stay in their column),
    how many leading rows are headings, and the rule that made the rows (``""``: none did, one cell per row)."""

    rows: list[list[int | None]]
    headings: int
    rule: str


def grid(texts: list[str], ordinals: Mapping[str, int]) -> Grid:
    """The rows of a table whose cells, in reading order, have these texts; ``ordinals`` are the language's
    ordinal words (``seventy-fourth`` → 74). A row opens at each row label of a sequence and closes after each run of
    figures (when figures make rows); a row longer than the table's columns carries a row before its last cells
    (the heading row fused with the first full row, a part heading); a short row ending with figures keeps them in
    the last columns."""
    starts = set(_sequence_starts(texts, ordinals))
    figures: dict[str, bool] = {}  # each text read once (a table repeats its cells: ``-``, ``1``)
    figure = [figures[t] if t in figures else figures.setdefault(t, is_figure(t)) for t in texts]
    columns = _figure_columns(figure)
    if not starts and columns is None:
        return Grid([[i] for i in range(len(texts))], 0, "")
    groups: list[list[int]] = [[]]
    for i in range(len(texts)):
        if i in starts and groups[-1]:
            groups.append([])
        groups[-1].append(i)
        if columns is not None and figure[i] and (i + 1 == len(texts) or not figure[i + 1]):
            groups.append([])
    if not groups[-1]:
        groups.pop()
    rows: list[list[int | None]] = []
    headings = 0
    for number, group in enumerate(groups):
        if columns is None or not figure[group[-1]]:
            rows.extend(_leading_rows(group, columns))
            if number == 0 and group[0] not in starts and len(groups) > 1:
                headings = 1  # the cells before the first row label
            continue
        if len(group) > columns:
            lead, group = group[: len(group) - columns], group[len(group) - columns :]
            if number == 0 and not any(figure[i] for i in lead):
                headings = 1  # the heading row, fused with the first full row
            rows.extend(_leading_rows(lead, columns))
        first_figure = len(group) - 1  # where the run of figures that closes the row starts
        while first_figure > 0 and figure[group[first_figure - 1]]:
            first_figure -= 1
        padding: list[int | None] = [None] * (columns - len(group))
        rows.append([*group[:first_figure], *padding, *group[first_figure:]])
    return Grid(rows, headings, "figures" if columns is not None else "sequence")


def _leading_rows(cells: list[int], columns: int | None) -> list[list[int | None]]:
    """Cells that figures do not close: one row, or, when they are more than the table's columns, a full row and
    what follows it (the heading row, then a part heading: ``Section``, ``2022``, ``2023`` | ``Part I``, ``…``)."""
    if columns is None or len(cells) <= columns:
        return [list(cells)]
    return [list(cells[:columns]), list(cells[columns:])]


def is_figure(text: str) -> bool:
    """A cell that holds only a figure: ``1``, ``0.006``, ``1 234,5``, ``(12.3)``, ``15 %``, a dash for nil; not a
    year (``2023`` heads a column) nor a section's number (``1.``)."""
    stripped = text.strip()
    if _YEAR.fullmatch(stripped) or _NUMBER_LABEL.fullmatch(stripped):
        return False
    return _FIGURE.fullmatch(stripped) is not None


def _figure_columns(figure: list[bool]) -> int | None:
    """How many columns a table has when runs of figures close its rows (``New post``, ``Legal Officer``, ``P-3``,
    ``1``): the most common length of the rows they close (the first one, which may carry the heading row, aside).
    A table that is only a heading row and one row has as many headings as the row has cells. ``None`` when the
    figures close no rows, or rows of that length do not hold most of the table."""
    groups: list[int] = []  # the lengths of the runs of cells that figures close
    size = 0
    for i, is_fig in enumerate(figure):
        size += 1
        if is_fig and (i + 1 == len(figure) or not figure[i + 1]):
            groups.append(size)
            size = 0
    if not groups:
        return None
    if len(groups) == 1:
        whole = groups[0]
        if whole != len(figure) or whole % 2 or any(figure[: whole // 2]):
            return None
        half = whole // 2
        return half if half >= 2 and _columns_hold(figure, [(half, whole)], half) else None
    counts = Counter(groups[1:])
    columns = max(counts, key=lambda n: (counts[n], n))
    held = sum(n for n in groups if n <= 2 * columns)
    if columns < 2 or held < 0.6 * len(figure):
        return None
    ends = list(accumulate(groups))
    rows = [(end - n, end) for n, end in zip(groups, ends, strict=True) if n == columns]
    return columns if _columns_hold(figure, rows[1:] if len(rows) > 1 else rows, columns) else None


def _columns_hold(figure: list[bool], rows: list[tuple[int, int]], columns: int) -> bool:
    """Whether rows of ``columns`` cells (their ``(start, end)``) make a table of that many columns: any number up to
    ``_MAX_COLUMNS``; beyond, only when each of these rows is a label and figures (at most ``_ROW_LABELS`` cells
    before its figures), as the wide tables of figures are (a year per column)."""
    if columns <= _MAX_COLUMNS:
        return True
    return all(all(figure[start + _ROW_LABELS : end]) for start, end in rows)


def _sequence_starts(texts: list[str], ordinals: Mapping[str, int]) -> list[int]:
    """The cells that open rows: row labels of one kind (the same words before the number) whose numbers follow
    each other (``Goal 1.``, ``Goal 2.``, ``Goal 3.``; ``Seventy-fourth``, ``Seventy-fifth``), at least three of
    them; the longest such sequence. Figures and grades (``P-3``, ``P-4``) are no labels."""
    chains: dict[str, list[list[tuple[int, int]]]] = {}
    # the runs of a kind waiting for a number, by the order they were started: a label goes on the first of them
    # (looking through every run of the kind for each label made a column of 5,000 labels "1." quadratic)
    waiting: dict[tuple[str, int], list[int]] = {}
    labels: dict[str, tuple[str, int] | None] = {}  # a cell's label read once per text (a table repeats its cells)
    for i, text in enumerate(texts):
        if text in labels:
            label = labels[text]
        else:
            label = labels[text] = _row_label(text, ordinals)
        if label is None:
            continue
        kind, value = label
        runs = chains.setdefault(kind, [])
        ready = waiting.get((kind, value))
        if ready:
            r = heapq.heappop(ready)
        else:
            r = len(runs)
            runs.append([])
        runs[r].append((i, value))
        heapq.heappush(waiting.setdefault((kind, value + 1), []), r)
    best = max((run for runs in chains.values() for run in runs), key=len, default=[])
    return [i for i, _ in best] if len(best) >= _MIN_SEQUENCE else []


def _row_label(text: str, ordinals: Mapping[str, int]) -> tuple[str, int] | None:
    """The kind (the words before the number, lower case) and number of a row label at the start of a cell:
    ``Goal 1.`` → (``goal``, 1), ``Seventy-fourth session`` → (````, 74), ``Core principle IV`` → (``core
    principle``, 4), ``第七十四届会议`` → (``第``, 74). ``None`` for a cell without letters (a figure)."""
    head = text.strip()[:_LABEL_HEAD]
    if not any(ch.isalpha() for ch in head):
        return None
    words = head.lower().split()
    for start in range(min(3, len(words))):
        for size in (3, 2, 1):
            if start + size > len(words):
                continue
            phrase = " ".join(words[start : start + size]).strip(".,:;()")
            if phrase in ordinals:
                return " ".join(words[:start]), ordinals[phrase]
    cjk = _CJK_ORDINAL.search(head)
    if cjk is not None and cjk.group(1) in ordinals:
        return head[: cjk.start()] + "第", ordinals[cjk.group(1)]
    number = _LABEL_NUMBER.search(head)
    if number is not None:
        return head[: number.start()].strip().lower(), int(number.group(1))
    roman = _LABEL_ROMAN.search(head)
    if roman is not None:
        return head[: roman.start()].strip().lower(), _roman_value(roman.group(1))
    return None


def _roman_value(numeral: str) -> int:
    values = [_ROMAN[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# --- boxes --------------------------------------------------------------------------------------------------------
#
# A box is a one-column table around a numbered text (``Core principle I`` over its principle, ``Model strategy
# No. 1`` over its strategy). The dump renders a body paragraph with a leading tab and a table without one, so in
# a body whose paragraphs open with tabs, untabbed lines that are not closing lines are a table; its label is fused
# with the text when they were two rows (``Core principle IDecisions …``), on lines of their own when they were two
# paragraphs of one cell (``Principio básico I`` / ``Las decisiones …``).

_BOX_LABEL = re.compile(r"\S[^\t]{0,38}?(?:\d{1,3}|(?<![^\W\d_])[IVXLC]{1,7})(?=[A-ZÀ-ÞА-Я] ?[a-zà-ÿа-я])")
_BOX_NOTE = re.compile(r"(?<=[.;:!?])(?=[a-z*]\t)")  # ``… exploitation.a<tab>See sect. E.``: the box's own note
_WIDE = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
_BOX_PROSE = 40  # a box holds at least one line of text this long (closing lines are shorter)


def box_label(text: str) -> int:
    """The length of a row label fused with the text after it at the start of an untabbed line (``Core principle
    I`` of ``Core principle IDecisions …``, ``Model strategy No. 1`` of ``Model strategy No. 1States …``), or 0."""
    match = _BOX_LABEL.match(text)
    return match.end() if match else 0


def split_box(text: str) -> list[tuple[int, int]]:
    """The cells of a box line: its fused label, its text, the box's own note (``a<tab>See sect. E.``)."""
    cuts = sorted({0, box_label(text), *(m.start() for m in _BOX_NOTE.finditer(text)), len(text)})
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i] < cuts[i + 1]]


def box_lines(lines: list[str | None], tables: list[bool]) -> list[int]:
    """Which of a tab-led body's lines are tables besides the fused rows already found (``tables``). ``lines``
    holds each line's text where it is a free untabbed line (no label, closing line or annex label), ``None``
    elsewhere. A run of such lines next to a table is more of that table (a cell's next paragraphs); another run is
    a box when it holds a line of text (not only short lines, as closing lines are) and is two lines or more, or
    one line opening with a fused label."""
    out: list[int] = []
    i = 0
    while i < len(lines):
        if lines[i] is None:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j] is not None:
            j += 1
        run = [text for text in lines[i:j] if text is not None]
        beside_table = (i > 0 and tables[i - 1]) or (j < len(tables) and tables[j])
        prose = any(_width(text.strip()) >= _BOX_PROSE for text in run)
        if beside_table or (prose and (len(run) >= 2 or box_label(run[0]))):
            out.extend(range(i, j))
        i = j
    return out


_CLOSING_PIECE = re.compile(r"\d{0,4}\s*[年月日号]?")  # 2022 / 年 / 5 / 月: a date broken over lines


def closing_piece(text: str) -> bool:
    """A line that is only a piece of a date (``2022``, ``年``, ``5``, ``月``): a closing line, never a table's."""
    return _CLOSING_PIECE.fullmatch(text.strip()) is not None


_NOTE_LINE = re.compile(r"\t?(\*+|\(?[^\W\d_]{1,2}\))[\s\u00a0]*\t|\t?([^\W\d_])\t")


def note_of(line: str, table_text: str) -> bool:
    """Whether ``line`` (``<tab>(أ)<tab>انظر القسم هاء.``) is the note of a table whose text holds its marker glued
    to a word (``… على حد سواء(أ)؛``, ``… sentences;a in addition``): the table's own note, not a lettered item."""
    match = _NOTE_LINE.match(line)
    if match is None:
        return False
    marker = match.group(1) or match.group(2)
    before = r"(?<=\S)" if marker[0] in "(*" else r"(?<=[^\s\w])"
    return re.search(before + re.escape(marker) + r"(?![^\W\d_])", table_text) is not None


def _width(text: str) -> int:
    """The length of a text with Chinese characters counted twice, as wide as they print."""
    return len(text) + len(_WIDE.findall(text))


def tab_led(labelled: list[str]) -> bool:
    """Whether the body's numbered lines (``labelled``, as in the dump) open with a tab, as every body paragraph of
    an ODS file rendered from the UN's markup does (a Word file's dump has its own indents)."""
    return len(labelled) >= 3 and sum(1 for text in labelled if text.startswith("\t")) >= 0.9 * len(labelled)
