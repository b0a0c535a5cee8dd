"""Tables: the dump fuses a table's cells (``ActionTitle of postCategory/levelNumber``); recover them.

Cell and row boundaries are lost, so cells are cut where the fused text shows a seam: a lower-case letter followed
by an upper-case one (``ActionTitle``), a number followed by a capitalised word (``P-41Establishment``: ``P-41`` |
``Establishment``), a closing bracket followed by a number or capital (``(PL)1``), a word followed by a number
(``posts3``), a grade followed by a number (``P-41``), a tab, a change of script (``法律干事P-4``, ``P-41设立``);
never inside brackets. The cut never drops or adds a character: the cells' texts joined give the line back.
"""

from __future__ import annotations

import re

_SEAM = re.compile(
    r"(?<=[a-zà-ÿа-я])(?=[A-ZÀ-ÞА-Я])"  # ActionTitle
    r"|(?<=\d)(?=[A-ZÀ-ÞА-Я][a-zà-ÿа-я])"  # P-41Establishment
    r"|(?<=\))(?=[\dA-ZÀ-ÞА-Я])"  # (PL)1
    r"|(?<=\*)(?=[A-ZÀ-ÞА-Я])"  # impacts*Goal 14: a mark ends the cell
    r"|(?<=[a-zà-ÿа-я] )(?=[A-Z]{1,2}(?:[-‑]\d| ?\())"  # Assistant GS (PL), Riesgos P-3: a grade after a title
    r"|(?<=\) )(?=[A-ZÀ-ÞА-Я][a-zà-ÿа-я])"  # (programme support) Administrative Officer
    r"|(?<=[\u0600-\u06ff])(?=[\u0600-\u06ff][-‑]\d)"  # الإعلامف-4: an Arabic grade after the title
    r"|(?<=[\u0600-\u06ff])(?=[\u0600-\u06ff] [\u0600-\u06ff] \()"  # الاستحقاقاتخ ع (ر ر): the same, spelt out
    r"|(?<=[A-ZА-Я\u0600-\u06ff][-‑]\d)(?=\d)|(?<=[A-ZА-Я][-‑]\d/\d)(?=\d)"  # P-41, P-2/11: grade, number
    r"|(?<=[a-zà-ÿа-я]{3})(?=\d)"  # posts3
    r"|(?<=[^\t])(?=\t[^\t])"  # a tab opens a cell (unless the cell's own number precedes it)
    r"|(?<=[\u3400-\u9fff\u0600-\u06ff])(?=[A-Za-z0-9])"  # 法律干事P-4: the script changes
    r"|(?<=[0-9])(?=[\u3400-\u9fff\u0600-\u06ff])"  # P-41设立
    r"|(?<=[A-Za-z]\))(?=[\u3400-\u9fff\u0600-\u06ff])"  # GS (PL)设立, not 办公室(工作方案)调至
)
_NUMBERED_CELL = re.compile(r"\S{1,12}\.\t+")
_CASELESS = re.compile(r"[\u3400-\u9fff\u0600-\u06ff]")  # a piece that starts in a script without capitals


# The same seams as two-character pairs, for counting them fast (a consuming pattern, no look-behind at every
# position).
_PAIR = re.compile(
    r"[a-zà-ÿа-я][A-ZÀ-ÞА-Я]|\d[A-ZÀ-ÞА-Я][a-zà-ÿа-я]|\)[\dA-ZÀ-ÞА-Я\u3400-\u9fff\u0600-\u06ff]|[a-zà-ÿа-я]{3}\d"
    r"|[\u3400-\u9fff\u0600-\u06ff][A-Za-z0-9]|\d[\u3400-\u9fff\u0600-\u06ff]|\*[A-ZÀ-ÞА-Я]"
)


def looks_like_table(text: str) -> bool:
    """A line with several seams (``ActionTitle of postCategory``) and no leading tab is a fused table row."""
    if not text or text[0] == "\t":
        return False
    return any(seams >= 3 for seams, _ in enumerate(_PAIR.finditer(text), start=1))


def split_cells(text: str, *, headings: tuple[str, ...] = (), grades: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """The (start, end) offsets of the cells of a fused line; they tile the line exactly. ``headings`` are the
    language's column headings (a piece made only of them is cut between them: ``行动员额职称``), ``grades`` its grade
    codes longer than a letter (``مد-1`` is one grade, then its count)."""
    grade_spans = [m.span() for m in _grade_pattern(grades).finditer(text)] if grades else []
    seams = {seam.start() for seam in _SEAM.finditer(text)}
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
        cuts.append(at)
    cuts.append(len(text))
    spans = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i] < cuts[i + 1]]
    if headings:
        spans = [cut for span in spans for cut in _split_headings(text, span, headings)]
    return _split_shared_heads(text, spans, headings)


def _grade_pattern(grades: tuple[str, ...]) -> re.Pattern[str]:
    """A grade of one of ``grades`` with its level (``مد-1``, ``ف-2/1``): one digit, the count may follow."""
    pattern = _GRADES.get(grades)
    if pattern is None:
        codes = "|".join(re.escape(code) for code in sorted(grades, key=len, reverse=True))
        pattern = _GRADES[grades] = re.compile(rf"(?:{codes})[-‑]\d(?:/\d)?")
    return pattern


_GRADES: dict[tuple[str, ...], re.Pattern[str]] = {}


def _split_headings(text: str, span: tuple[int, int], headings: tuple[str, ...]) -> list[tuple[int, int]]:
    """A piece that starts with two or more known column headings in a row (``行动员额职称职类/职等数目``) is cut
    after each of them; anything else is left whole."""
    a, b = span
    cuts = [a]
    at = a
    while at < b:
        word = next((h for h in sorted(headings, key=len, reverse=True) if text.startswith(h, at, b)), None)
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
    pieces = [text[a:b] for a, b in spans]
    eligible = [bool(p) and _CASELESS.match(p) is not None and p not in headings for p in pieces]
    heads: list[int] = []
    for i, piece in enumerate(pieces):
        head = 0
        if eligible[i]:
            # of the heads this piece shares, the one the most pieces share (``改叙`` rather than ``改叙高级``)
            shared = [_common_head(piece, other) for j, other in enumerate(pieces) if j != i and eligible[j]]
            shared = [n for n in shared if _head_ends_cleanly(piece, n)]
            best = 0
            for n in sorted({n for n in shared if n >= 2}):
                count = sum(1 for m in shared if m >= n)
                if count > best:
                    head, best = n, count
        heads.append(head if 2 <= head < len(piece) else 0)
    known = sorted({pieces[i][:n] for i, n in enumerate(heads) if n}, key=len, reverse=True)
    out: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(spans):
        if heads[i]:
            out.extend([(a, a + heads[i]), (a + heads[i], b)])
            continue
        inner = _inner_head(pieces[i], known) if eligible[i] else None
        if inner is None:
            out.append((a, b))
            continue
        at, size = inner
        out.extend(span for span in ((a, a + at), (a + at, a + at + size), (a + at + size, b)) if span[0] < span[1])
    return out


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
    return head.count("(") <= head.count(")") and not following.isdigit() and not head.endswith(("-", "‑", "/"))


def _common_head(one: str, other: str) -> int:
    size = 0
    for x, y in zip(one, other, strict=False):
        if x != y:
            break
        size += 1
    return size
