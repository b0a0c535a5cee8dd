"""Word tables (``w:tbl``) as tree tables, with their grid: a cell spanning columns (``w:gridSpan``) keeps its
span, a cell merged into the one above (``w:vMerge`` continued) stays as an empty cell so that every row keeps its
columns, and the rows Word repeats as headings (``w:tblHeader``) are heading cells. A table inside a cell gives its
cells' text as paragraphs of that cell (the tree has no nested tables)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from unconvert.readers.docx.package import W
from unconvert.readers.docx.paragraphs import WPara
from unconvert.tree import Cell, Inline, Row, Table


def read_table(
    tbl: Any, line: int, paragraph: Callable[[Any], WPara], content: Callable[[WPara], tuple[Inline, ...]]
) -> Table:
    """The ``Table`` of a ``w:tbl``; ``paragraph`` reads a ``w:p``, ``content`` gives its trimmed inlines."""
    rows: list[Row] = []
    for tr in tbl.iterfind(W + "tr"):
        header = tr.find(f"{W}trPr/{W}tblHeader") is not None
        cells: list[Cell] = []
        for tc in tr.iterfind(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = 1
            if tcpr is not None:
                grid = tcpr.find(W + "gridSpan")
                if grid is not None:
                    try:
                        span = max(1, int(grid.get(W + "val", "1")))
                    except ValueError:
                        span = 1
                merge = tcpr.find(W + "vMerge")
                if merge is not None and merge.get(W + "val", "continue") == "continue":
                    cells.append(Cell(paragraphs=(), header=header, colspan=span, line=line))
                    continue
            paragraphs = tuple(c for c in (content(paragraph(p)) for p in tc.iter(W + "p")) if c)
            cells.append(Cell(paragraphs=paragraphs, header=header, colspan=span, line=line))
        rows.append(Row(cells=tuple(cells), line=line))
    return Table(rows=tuple(rows), line=line)


__all__ = ["read_table"]
