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
    r"|(?<=\))(?=[\u3400-\u9fff\u0600-\u06ff])"  # GS (PL)设立
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


def split_cells(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the cells of a fused line; they tile the line exactly."""
    cuts = [0]
    for seam in _SEAM.finditer(text):
        at = seam.start()
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
    return _split_shared_heads(text, spans)


def _split_shared_heads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In scripts without capitals (Chinese, Arabic) a row's first cell runs into the next (``设立法律干事``): a head
    shared by several pieces of the line and followed by different text in each (``设立``, ``改叙``) is a cell; a
    piece that holds such a head further in (the header fused with the first row) is cut before it too."""
    pieces = [text[a:b] for a, b in spans]
    eligible = [bool(p) and _CASELESS.match(p) is not None for p in pieces]
    heads: list[int] = []
    for i, piece in enumerate(pieces):
        head = 0
        if eligible[i]:
            # of the heads this piece shares, the one the most pieces share (``改叙`` rather than ``改叙高级``)
            shared = [_common_head(piece, other) for j, other in enumerate(pieces) if j != i and eligible[j]]
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


def _common_head(one: str, other: str) -> int:
    size = 0
    for x, y in zip(one, other, strict=False):
        if x != y:
            break
        size += 1
    return size
