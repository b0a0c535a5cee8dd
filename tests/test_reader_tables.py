"""Tables on real documents: the grid (rows of cells) that the dump's fused text loses, put back.

What a user checks on a converted table: how many rows, the heading row, a given row's cells, a short total row
whose figure stays in its column, a box (one column around a numbered text), and that closing lines never become a
table. The documents are those of ../shared/corpus (each test skips without it) and of the bundled sample.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLE_CORPUS, SHARED_CORPUS, examples
from unconvert.diagnostics import Severity
from unconvert.readers.ods import read
from unconvert.readers.ods.tables import _SEAM, _seams, box_lines, closing_piece, grid, split_cells
from unconvert.tree import Cell, DateRef, Document, Language, Table, find_all, plain_text
from unconvert.un.languages import table_for

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})


def key(text: str) -> str:
    """The scorer's comparison key: NFC, straight quotes, plain dashes, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text).translate(_FOLD))


def corpus(name: str) -> Path:
    """A document of ../shared/corpus by its name (the test skips when the corpus is absent)."""
    found = sorted(SHARED_CORPUS.rglob(f"{name}.txt")) if SHARED_CORPUS.is_dir() else []
    if not found:
        pytest.skip(f"{name} needs ../shared/corpus")
    return found[0]


def load(path: Path) -> tuple[Document, dict[str, Any]]:
    document = read(path.read_bytes(), name=str(path))
    gold: dict[str, Any] = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return document, gold


def text(cell: Cell) -> str:
    return " ".join(plain_text(p).strip() for p in cell.paragraphs)


def grid_of(table: Table) -> list[list[str]]:
    """The table's rows as the texts of their cells (empty cells kept)."""
    return [[text(c) for c in row.cells] for row in table.rows]


def keyed(rows: list[list[str]]) -> list[tuple[str, ...]]:
    """Rows as the scorer compares them: non-empty cells, non-empty rows."""
    out = [tuple(key(c) for c in row if key(c)) for row in rows]
    return [row for row in out if row]


# --- a staffing table: figures close the rows, the heading row is fused with the first ---------------------------


def test_staffing_table_rows_and_heading() -> None:
    """A/RES/77/258 (eng): ``ActionTitle of postCategory/ levelNumberNew postLegal OfficerP-31…`` is 4 columns, a
    heading row and 31 rows; a total row keeps its figure in the last column."""
    document, _ = load(corpus("A_RES_77_258_eng"))
    tables = find_all(document, Table)
    assert [len(t.rows) for t in tables] == [32, 13]
    rows = grid_of(tables[0])
    assert rows[0] == ["Action", "Title of post", "Category/ level", "Number"]
    assert all(c.header for c in tables[0].rows[0].cells)
    assert not any(c.header for c in tables[0].rows[1].cells)
    assert rows[1] == ["New post", "Legal Officer", "P-3", "1"]
    assert rows[11] == ["Total new posts", "", "", "10"]
    assert rows[-1] == [
        "Redeployment from the Business Transformation and Accountability Unit to the Risk Management Unit",
        "Programme Management Officer",
        "P-3",
        "1",
    ]


@pytest.mark.parametrize("language", ["eng", "fra", "spa", "rus", "ara", "zho"])
def test_staffing_tables_grid_as_gold(language: str) -> None:
    """A/RES/80/243 in six languages (bundled sample): each table row for row as the UN's own markup has it,
    Chinese and Arabic included (no capitals to cut on)."""
    path = SAMPLE_CORPUS / "akn4un" / "80" / language / f"A_RES_80_243_{language}.txt"
    document, gold = load(path)
    tables = find_all(document, Table)
    assert len(tables) == len(gold["tables"]) == 2
    for table, expected in zip(tables, gold["tables"], strict=True):
        assert keyed(grid_of(table)) == keyed(expected)


def test_grade_ranges_and_single_row_tables() -> None:
    """A/RES/76/246 (eng): ``P-4 to P-5`` and ``GS (OL) to GS (PL)`` are one cell; a row head of an earlier table
    ends its cell at a space; a table of a heading row and a single row (``ActionTitle of postCategoryNumber
    Reclassification…P-4 to P-51``) is two rows of four cells."""
    document, _ = load(corpus("A_RES_76_246_eng"))
    tables = find_all(document, Table)
    assert grid_of(tables[0]) == [
        ["Action", "Title of post", "Category", "Number"],
        ["Reclassification", "Senior Programme Management Officer", "P-4 to P-5", "1"],
    ]
    assert ["Reclassification", "Senior Accounting Assistant", "GS (OL) to GS (PL)", "2"] in grid_of(tables[2])
    # ``Reassignment Senior Administrative Assistant``: the head, written with a space, is a row head of table 2
    assert ["Reassignment", "Senior Administrative Assistant", "GS (PL)", "1"] in grid_of(tables[2])


# --- a scale of assessments: two columns, figures set apart by spaces -----------------------------------------------


@pytest.mark.parametrize("name", ["A_RES_76_238_eng", "A_RES_79_249_eng"])
def test_scale_of_assessments(name: str) -> None:
    """``Member StatePercentageAfghanistan 0.006 Albania 0.008 …`` (76/238) and ``…Afghanistan0.005Albania0.010…``
    (79/249): 193 Member States with their rates, under the heading row (and the total, in 76/238)."""
    document, gold = load(corpus(name))
    (table,) = find_all(document, Table)
    rows = grid_of(table)
    assert len(rows) == len(keyed(gold["tables"][0])) >= 194
    assert [key(c) for c in rows[0]] == ["MemberState", "Percentage"]
    assert all(len(row) == 2 for row in rows)
    assert [key(c) for c in rows[21]] == ["Bolivia(PlurinationalStateof)", key(gold["tables"][0][22][1])]
    assert keyed(rows) == keyed(gold["tables"][0])


# --- boxes: one column around a numbered text -----------------------------------------------------------------------


def test_boxes_fused_label_is_a_row() -> None:
    """A/RES/80/226 (eng): ``Core principle IDecisions regarding …``, an untabbed line among tabbed paragraphs, is a
    box of two rows (its label, its text); the box's own note (``a<tab>See sect. E.``) is a row of its own."""
    document, gold = load(corpus("A_RES_80_226_eng"))
    tables = find_all(document, Table)
    assert len(tables) == len(gold["tables"]) == 24
    first = grid_of(tables[0])
    assert first[0] == ["Core principle I"]
    assert first[1][0].startswith("Decisions regarding the treatment of offenders")
    assert [len(t.rows) for t in tables].count(2) == 23
    eighth = grid_of(tables[10])
    assert eighth[0] == ["Model strategy No. 8"] and key(eighth[2][0]) == key("a See sect. E.")
    for table, expected in zip(tables, gold["tables"], strict=True):
        assert keyed(grid_of(table)) == keyed(expected)


@pytest.mark.parametrize("name", ["A_RES_80_226_spa", "A_RES_80_226_zho", "A_RES_80_226_rus", "E_RES_2025_16_eng"])
def test_boxes_on_two_lines_are_one_cell(name: str) -> None:
    """``Principio básico I`` / ``Las decisiones …``, ``核心原则一`` / ``关于罪犯待遇的决定…``: two untabbed lines
    are two paragraphs of one cell (a line break in a table stays inside its cell); Russian ``№ 12В целях`` is cut
    after its number."""
    document, gold = load(corpus(name))
    tables = find_all(document, Table)
    assert len(tables) == len(gold["tables"]) == 24
    for table, expected in zip(tables, gold["tables"], strict=True):
        assert keyed(grid_of(table)) == keyed(expected)
    if not name.endswith("rus"):
        (row, *_) = tables[0].rows
        assert len(row.cells) == 1 and len(row.cells[0].paragraphs) == 2


# --- row labels in sequence -------------------------------------------------------------------------------------------


def test_goals_in_sequence_open_rows() -> None:
    """A/RES/70/1 (Word track): ``Sustainable Development GoalsGoal 1.<tab><tab>End poverty …Goal 2.…``: the goals
    numbered 1 to 17 open a row each, under the heading, and the ``*`` note is the last row."""
    document, gold = load(SAMPLE_CORPUS / "word" / "A_RES_70_1.txt")
    (table,) = find_all(document, Table)
    rows = grid_of(table)
    assert len(rows) == 19
    assert rows[0] == ["Sustainable Development Goals"] and table.rows[0].cells[0].header
    assert key(rows[1][0]) == key("Goal 1. End poverty in all its forms everywhere")
    assert key(rows[17][0]).startswith("Goal17.")
    assert rows[18][0].startswith("*")
    assert keyed(rows) == keyed(gold["tables"][0])


@pytest.mark.parametrize(
    "language,cells",
    [
        (
            Language.EN,
            [
                "Session",
                "Region",
                "Seventy-fourth",
                "African States",
                "Seventy-fifth",
                "Asia-Pacific States",
                "Seventy-sixth",
                "Latin American and Caribbean States",
                "Seventy-seventh",
                "Western European and other States",
            ],
        ),
        (
            Language.FR,
            [
                "Session",
                "Groupe",
                "Soixante-quatorzième",
                "États d’Afrique",
                "Soixante-quinzième",
                "États d’Asie et du Pacifique",
                "Soixante-seizième",
                "États d’Amérique latine et des Caraïbes",
            ],
        ),
        (
            Language.ZH,
            [
                "届会",
                "区域",
                "第七十四届会议",
                "非洲国家",
                "第七十五届会议",
                "亚太国家",
                "第七十六届会议",
                "拉丁美洲和加勒比国家",
            ],
        ),
    ],
)
def test_ordinal_row_labels_open_rows(language: Language, cells: list[str]) -> None:
    """Row labels that follow each other in the language's ordinals (``Seventy-fourth``, ``Seventy-fifth`` …) open
    the rows; the cells before the first are the heading row."""
    found = grid(cells, table_for(language).ordinals)
    assert found.rule == "sequence" and found.headings == 1
    assert found.rows == [[0, 1], *[[i, i + 1] for i in range(2, len(cells), 2)]]


def test_no_rows_from_figures_that_are_not_a_column() -> None:
    """A list of names with a few numbers in it (``3 ideas``, ``Bridge 47``) is no table of figures."""
    cells = ["100 Million Campaign", "3 ideas", "89up", "Bridge 47", "Brigada 12", "2", "Africa", "World Foundation"]
    assert grid(cells, table_for(Language.EN).ordinals).rule == ""


# --- what is not a table, and what cannot be gridded --------------------------------------------------------------


@pytest.mark.parametrize("name", ["A_DEC_78_504_zho", "A_DEC_78_556_zho"])
def test_chinese_closing_dates_are_no_table(name: str) -> None:
    """``2023年12月7日`` under ``第45次全体会议``: a closing date line has digits next to Chinese characters, like a
    fused table row, but it is never a table (the gold has none)."""
    document, gold = load(corpus(name))
    assert gold["tables"] == []
    assert find_all(document, Table) == []
    assert not [d for d in document.diagnostics if d.code.startswith("table-")]


def test_a_table_without_rows_warns_and_stays_a_table() -> None:
    """A/DEC/78/556 (ara): 1,210 organizations' names fused on one line; no row labels, no figures: one cell per
    row, and the reader says it guessed, on the table's line."""
    document, gold = load(corpus("A_DEC_78_556_ara"))
    (table,) = find_all(document, Table)
    assert all(len(row.cells) == 1 for row in table.rows)
    assert len(table.rows) > 0.9 * len(gold["tables"][0])
    assert grid_of(table)[:5] == [[name] for (name,) in gold["tables"][0][:5]]
    warned = [d for d in document.diagnostics if d.code == "table-grid-guessed"]
    assert [(d.severity, d.line) for d in warned] == [(Severity.WARNING, 16)]


def test_closing_lines_stay_closing_lines() -> None:
    """A/DEC/78/504 (zho): the three meeting lines and the three dates close the decision; the first date is its
    adoption date, the others stay text, none in a table."""
    document, _ = load(corpus("A_DEC_78_504_zho"))
    assert [d.text for d in find_all(document, DateRef)][:1] == ["2023年9月8日"]
    assert find_all(document, Table) == []


def test_a_box_note_on_its_own_line_stays_in_the_box() -> None:
    """A/RES/80/226 (ara): ``<tab>(أ)<tab>انظر القسم هاء.`` after the box whose text holds ``(أ)`` is the box's note,
    a paragraph of its cell as the UN marks it, not a lettered item of the paragraph before."""
    document, gold = load(corpus("A_RES_80_226_ara"))
    tables = find_all(document, Table)
    (row,) = tables[10].rows
    assert plain_text(row.cells[0].paragraphs[-1]).strip().startswith("(أ)")
    assert keyed(grid_of(tables[10])) == keyed(gold["tables"][10])


def test_row_labels_and_figures_together() -> None:
    """A budget-like table: the heading row (years are headings, not figures), part headings and numbered sections
    open rows, figures close them, and a total keeps its figures in the last columns."""
    cells = [
        "Section", "2022", "2023",
        "Part I", "Overall policymaking",
        "1.\tOverall policymaking, direction and coordination", "73 219 100", "74 005 300",
        "2.\tGeneral Assembly and Economic and Social Council affairs", "357 497 500", "361 109 900",
        "Total, part I", "430 716 600", "435 115 200",
        "Part II", "Political affairs",
        "3.\tPolitical affairs", "741 585 800", "736 003 900",
        "4.\tDisarmament", "14 196 600", "14 442 700",
        "5.\tPeacekeeping operations", "122 541 900", "120 500 000",
        "Total", "1 309 040 900",
    ]  # fmt: skip
    found = grid(cells, table_for(Language.EN).ordinals)
    rows = [[cells[i] if i is not None else "" for i in row] for row in found.rows]
    assert found.headings == 1 and rows[0] == ["Section", "2022", "2023"]
    assert rows[1] == ["Part I", "Overall policymaking"]
    assert rows[2] == ["1.\tOverall policymaking, direction and coordination", "73 219 100", "74 005 300"]
    assert rows[4] == ["Total, part I", "430 716 600", "435 115 200"]
    assert rows[-1] == ["Total", "", "1 309 040 900"]
    assert len(rows) == 10


def _wide_table_line(columns: int) -> str:
    """A table of figures ``columns`` wide as a dump fuses it: the heading row (``Member State``, a year a column),
    then each Member State's row, its figures set apart by tabs."""
    heading = "Member State" + "".join(f"Year {2010 + k}" for k in range(columns - 1))
    states = ("Afghanistan", "Albania", "Algeria", "Andorra", "Angola")
    return heading + "".join(
        name + "".join(f"\t{r + k}.{k}" for k in range(columns - 1)) for r, name in enumerate(states)
    )


@pytest.mark.parametrize("columns", [4, 12, 14, 20])
def test_a_wide_table_of_figures_keeps_its_grid(columns: int) -> None:
    """Wider than the staffing tables the rule was made on (no table of the corpus has more than 4 columns): a
    label and a figure a year still make rows of as many cells as the heading row, whatever their number (the rule
    once stopped at 12 and gave one cell per row with a warning)."""
    line = _wide_table_line(columns)
    cells = [line[a:b].strip() for a, b in split_cells(line)]
    found = grid(cells, table_for(Language.EN).ordinals)
    rows = [[cells[i] if i is not None else "" for i in row] for row in found.rows]
    assert found.rule == "figures" and found.headings == 1
    assert rows[0] == ["Member State", *(f"Year {2010 + k}" for k in range(columns - 1))]
    assert rows[1] == ["Afghanistan", *(f"{k}.{k}" for k in range(columns - 1))]
    assert len(rows) == 6 and {len(row) for row in rows} == {columns}


def test_a_long_list_with_a_number_here_and_there_is_no_wide_table() -> None:
    """Runs of twenty names closed by a number are no twenty-column table: beyond 12 columns, rows must be a label
    and figures. One cell per row, as the reader says it guessed (``table-grid-guessed``)."""
    greek = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau"
    names = [f"{word} Foundation" for word in greek.split(" ")]
    cells = [*names, "2", *names, "5", *names, "7"]
    assert grid(cells, table_for(Language.EN).ordinals).rule == ""


def test_untabbed_lines_beside_a_table_are_its_cells() -> None:
    """In a tab-led body, an untabbed line next to a fused row is the next paragraph of a cell (a line break inside
    a table), whatever its length; a short untabbed line on its own is no box."""
    assert box_lines(["Redeployment from the Office", None, "Total", None], [False, True, False, False]) == [0, 2]
    assert box_lines([None, "Seventy-fourth session", None], [False, False, False]) == []
    assert box_lines(["Core principle IDecisions regarding the treatment of offenders"], [False]) == [0]


def test_a_date_broken_over_lines_never_joins_a_table() -> None:
    """``2022`` / ``年`` / ``5`` / ``月`` under a table that ends the body: pieces of a closing date, never cells."""
    pieces = ["2022", "年", "5", "月", "12日"]
    assert all(closing_piece(text) for text in pieces)
    assert not closing_piece("Total new posts") and not closing_piece("核心原则一")


def test_arabic_row_heads_without_capitals() -> None:
    """A/RES/77/258 (ara): the action cell runs into the title (``وظيفة جديدةموظف``, ``تحويلموظف``, ``إعادة
    انتدابمساعد``): ة ends a word, a head shared only up to a space (``إعادة``) is no cell, and a head that takes the
    first letter its titles share (``تحويلم``) gives it back."""
    document, gold = load(corpus("A_RES_77_258_ara"))
    tables = find_all(document, Table)
    rows = grid_of(tables[1])
    assert rows[1] == ["وظيفة جديدة", "موظف لشؤون الاستثمارات (أوروبا)", "ف-3", "1"]
    assert [key(c) for c in rows[5][:2]] == [key("تحويل"), key("موظف لشؤون الاستثمارات (أمريكا الشمالية)")]
    assert [key(c) for c in grid_of(tables[0])[24][:2]] == [key("إعادة انتداب"), key("مساعد قانوني")]
    for table, expected in zip(tables, gold["tables"], strict=True):
        found = keyed(grid_of(table))
        assert sum(1 for row in found if row in keyed(expected)) >= len(found) - 2


def test_budget_lines_section_numbers_open_rows() -> None:
    """The shape of a budget appropriation table, fused: ``…coordination73,219,1002.General Assembly…``: a figure's
    last group of three digits ends it and the next section's number (``2.``) opens the next row; a year in a
    heading (``Appropriation for 2022``) stays in its cell; a total closes its part."""
    line = (
        "SectionAppropriation for 2022Part IOverall policymaking, direction and coordination"
        "1.Overall policymaking, direction and coordination73,219,1002.General Assembly and Economic and Social"
        " Council affairs and conference management357,497,500Total, part I430,716,600Part IIPolitical affairs"
        "3.Political affairs741,585,8004.Disarmament14,196,600Total, part II755,782,400"
    )
    cells = [line[a:b] for a, b in split_cells(line)]
    found = grid(cells, table_for(Language.EN).ordinals)
    rows = [[cells[i] if i is not None else "" for i in row] for row in found.rows]
    assert found.headings == 1 and rows[0] == ["Section", "Appropriation for 2022"]
    assert rows[2] == ["1.Overall policymaking, direction and coordination", "73,219,100"]
    assert ["Total, part I", "430,716,600"] in rows and ["4.Disarmament", "14,196,600"] in rows
    assert rows[-1] == ["Total, part II", "755,782,400"]


def test_row_heads_of_an_earlier_table_cut_a_later_one() -> None:
    """A/RES/77/258 (zho): ``改叙高级合规干事`` is the only ``改叙`` (reclassification) row of the second table, so no
    head is shared there; the first table's row heads cut it. Russian ``учету ОО (ПР)``: a grade after a title."""
    document, gold = load(corpus("A_RES_77_258_zho"))
    tables = find_all(document, Table)
    assert grid_of(tables[1])[-1] == ["改叙", "高级合规干事", "P-5", "1"]
    for table, expected in zip(tables, gold["tables"], strict=True):
        assert keyed(grid_of(table)) == keyed(expected)
    document, gold = load(corpus("A_RES_77_258_rus"))
    for table, expected in zip(find_all(document, Table), gold["tables"], strict=True):
        assert keyed(grid_of(table)) == keyed(expected)


# The characters the seams look at, in every script of the corpus, and a few others.
_SEAM_TEXT = st.text(alphabet="aZéÉяЯ19 \t()*”»-‑/.,%ةمف法律第年P", max_size=60)


@settings(max_examples=examples(300))
@given(_SEAM_TEXT)
def test_seams_where_the_seam_pattern_matches(text: str) -> None:
    """``_seams`` tries the seam pattern only where a seam can stand: it finds the positions the pattern finds at
    every character (a change to ``_SEAM`` that its candidates miss fails here)."""
    assert _seams(text) == {m.start() for m in _SEAM.finditer(text)}


def test_seams_of_corpus_table_lines() -> None:
    """The same on the fused table lines of the corpus's table documents, in the six languages."""
    names = ("A_RES_77_258_zho", "A_RES_77_258_ara", "A_RES_77_258_rus", "A_RES_77_258_fra", "A_RES_76_238_eng")
    for name in (*names, "A_RES_80_226_spa"):
        for line in corpus(name).read_text(encoding="utf-8").splitlines():
            assert _seams(line) == {m.start() for m in _SEAM.finditer(line)}, line
