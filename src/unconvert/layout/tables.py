"""A table's column widths from what its columns hold, as Word's automatic table layout sets them.

The UN's tables are as wide as the text column, and each column is as wide as its text needs: A/RES/72/313's annex
gives its session column 49 pt and the column of ``Special Political and Decolonization Committee (Fourth
Committee)`` 68 pt. Columns of equal width broke ``Seventy-fourth`` inside the word and set the table on two pages
where the UN prints it on most of one. Each writer measures its cells (``minimum``: the widest word, which a
column must hold; ``natural``: the widest paragraph set on one line) and takes the widths from here.
"""

from __future__ import annotations


def column_widths(minimum: list[float], natural: list[float], total: float) -> list[float]:
    """Widths summing to ``total`` for columns needing at least ``minimum`` and at most ``natural`` (each column's
    natural width not under its minimum). Every column gets its minimum, and the room left is shared in proportion
    to what each column would still take up to its natural width; when every column can be set on one line, the
    room left over is shared in proportion to the natural widths. When the widest words do not fit side by side,
    the widest of them are cut down to one width, the most that lets the others keep theirs (a long URL or a fused
    string is broken inside; its neighbours keep their words whole)."""
    count = len(minimum)
    if count == 0:
        return []
    share = total / count
    if sum(minimum) > total:
        cap = _cap(minimum, total)
        minimum = [min(m, cap) for m in minimum]
    natural = [max(n, m) for m, n in zip(minimum, natural, strict=True)]
    least = sum(minimum)
    most = sum(natural)
    if least <= 0 or most <= 0:
        return [share] * count
    if most <= total:
        return [total * n / most for n in natural]
    room = total - least
    wanted = most - least
    return [m + room * (n - m) / wanted for m, n in zip(minimum, natural, strict=True)]


def _cap(widths: list[float], total: float) -> float:
    """The width ``c`` at which the widths, each cut down to ``c``, sum to ``total`` (the widths summing to more)."""
    ordered = sorted(widths)
    kept = 0.0  # the widths under the cap, which keep theirs
    for i, width in enumerate(ordered):
        cap = (total - kept) / (len(ordered) - i)  # the rest share what is left
        if width >= cap:
            return cap
        kept += width
    return ordered[-1]
