"""The regions of a body: what each of its lines is, decided once, before anything is built.

The body builder places lines in the tree by what they are; this module says what they are, from the line alone and
its neighbours: the formula, a numbered line (paragraph, item, section number: ``numbering.read_label``), the closing
lines (meeting, date), an annex label, a table row (fused cells, a box of untabbed lines, a table's note), the
letter and title of each part of a multi-part resolution, and plain text. Whether plain text is a recital, an
operative paragraph, a heading or a wrap-up depends on what came before it; that is the builder's to decide, and
the facts about a line and its neighbours it asks for that are here too (``heading_like``, ``title_like``,
``body_layout``, ``next_is_numbered``, ``next_point``, ``introduces_draft``, ``first_annex_reference``,
``numbered_until_next_closing``, ``numbered_follows``): functions of the lines alone, never of what was built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from unconvert.readers.ods.front import Front
from unconvert.readers.ods.parts import PartHead, head_before_formula, part_head, part_letter, part_ordinal
from unconvert.readers.ods.stories import Line, Stories
from unconvert.readers.ods.tables import box_lines, closing_piece, looks_like_table, note_of, tab_led
from unconvert.tree import DocKind
from unconvert.un.annexes import AnnexLabel, read_annex_label
from unconvert.un.closing import is_meeting_line
from unconvert.un.dates import looks_like_date
from unconvert.un.formulae import formula_organ, is_formula
from unconvert.un.languages import LanguageTable
from unconvert.un.numbering import Kind, Label, read_label


def classify(stories: Stories, front: Front) -> list[Item]:
    """What each non-empty line of the main story from ``front.body_start`` on is; the part letter above the
    formula comes first when a footnote mark is glued to it (``What.LEAD``)."""
    lines = [line for line in stories.main[front.body_start :] if line.text.strip()]
    in_parts = front.part_label is not None or _LETTER_RANGE.search(front.meta.symbol) is not None
    formula = front.meta.kind is DocKind.RESOLUTION
    items = _classify_lines(lines, front.table, formula=formula, first_label=front.part_label, in_parts=in_parts)
    lead = _lead_mark_line(stories, front)
    if lead is not None:
        items.insert(0, Item(lead, What.LEAD, lead.text.strip()))
    return items


class What(Enum):
    FORMULA = "formula"
    LABELLED = "labelled"  # a numbered paragraph, an item, a section number
    TEXT = "text"
    MEETING = "meeting"
    DATE = "date"
    ANNEX = "annex"
    TABLE = "table"
    PART = "part"  # a lone part letter (``B``) before a new formula
    PART_TITLE = "part title"  # a part's own title, between its letter and its formula
    LEAD = "lead"  # the part letter before the body with a note's mark glued to it (``B1``)


@dataclass(slots=True)
class Item:
    """One line of the body: what it is, its number (if any) and its text after the number."""

    line: Line
    what: What
    text: str
    label: Label | None = None
    searchable: bool = True  # footnote marks may stand in it
    annex: AnnexLabel | None = None  # an annex label's label and title


_NON_DIGITS = re.compile(r"\D")
_LETTER_RANGE = re.compile(r"\s[A-Z]\s*[-–]\s*[A-Z]$")  # the parts of a symbol: ``A/RES/80/84 A-B``


def _classify_lines(
    lines: list[Line], table: LanguageTable, *, formula: bool, first_label: str | None, in_parts: bool
) -> list[Item]:
    """What each non-empty line of the body is. The first line of a resolution is its formula; closing lines and
    annex labels are recognised by the language's words; the letter, title and formula of each part of a multi-part
    resolution (``parts.part_head``); a line without a leading tab and with fused cells is a table row; a numbered
    line is labelled; anything else is text."""
    items: list[Item] = []
    after_meeting = False
    in_annex = False  # an annex label read, and no closing line since
    last_paragraph = 0  # the number of the last numbered paragraph
    texts = [line.text for line in lines]
    heads = _part_heads(texts, table, formula=formula, first_label=first_label)
    expected = heads.expected_after_first
    for i, line in enumerate(lines):
        raw = line.text
        text = raw.lstrip("\t").rstrip()
        if i in heads.roles:
            items.append(Item(line, heads.roles[i], text, searchable=heads.roles[i] is What.PART_TITLE))
            continue
        # a part letter opens the body, or the document is in parts (a letter above the first formula, a symbol
        # ``A-B``, a part already read): a lettered heading of a single resolution or of its annex is no part
        if (i == 0 or in_parts) and (not in_annex or first_label is not None):
            head = part_head(texts, i, table, expected, formula=formula, after_closing=after_meeting)
            if head is not None:
                marked = part_letter(text) != text.strip()  # ``B1``, ``⇥B⇥1``: the mark glued to its letter
                items.append(Item(line, What.PART, "".join(text.split()) if marked else text, searchable=marked))
                heads.add(head)
                expected += 1
                in_parts = True
                continue
        label = read_label(text, table)  # asked once: the formula, table and numbered-line tests all use it
        if i == 0 and formula and len(text) < 120 and label is None:
            items.append(Item(line, What.FORMULA, text, searchable=False))
            continue
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        # the meeting line printed twice, the first indented (the UN's Arabic A/RES/77/257, 77/265): both close
        if is_meeting_line(text, table) and (
            not raw.startswith("\t") or date_like(following) or _same_meeting(text, following, table)
        ):
            items.append(Item(line, What.MEETING, text, searchable=False))
            after_meeting, in_annex = True, False
            continue
        if after_meeting and date_like(text) and items and items[-1].what is What.MEETING:
            items.append(Item(line, What.DATE, text, searchable=False))
            continue
        annex = read_annex_label(text, table, after_closing=after_meeting)
        if annex is not None:
            items.append(Item(line, What.ANNEX, text, searchable=False, annex=annex))
            in_annex = True
            continue
        table_note = bool(items) and items[-1].what is _TABLE and raw.startswith("*")  # ``* Acknowledging …``
        if table_note or (label is None and looks_like_table(raw) and not date_like(text)):
            items.append(Item(line, What.TABLE, raw.rstrip(), searchable=False))  # its numbers are figures
            continue
        label = label or _bare_paragraph_label(text, last_paragraph)
        if label is not None:
            items.append(Item(line, What.LABELLED, label.text.rstrip(), label=label))
            if label.kind is Kind.PARAGRAPH:
                last_paragraph = int(_NON_DIGITS.sub("", label.num))
        else:
            items.append(Item(line, What.TEXT, text))
    _mark_boxes(items, table)
    return items


def _mark_boxes(items: list[Item], table: LanguageTable) -> None:
    """In a body whose paragraphs open with tabs, the free untabbed lines that make a box are a table
    (``tables.box_lines``); closing lines (a meeting, a date) never are."""
    labelled, text_line, table_line = What.LABELLED, What.TEXT, What.TABLE  # read once (see ``_BOUNDARIES``)
    if not tab_led([item.line.text for item in items if item.what is labelled]):
        return
    dated = [date_like(item.text) for item in items] + [False]  # asked once per line, not again of its neighbour
    free = [
        item.line.text.rstrip()
        if item.what is text_line
        and not item.line.text.startswith("\t")
        and not dated[i]
        and not dated[i + 1]  # the line above a date is its meeting line
        and not closing_piece(item.text)
        and not is_meeting_line(item.text, table)
        else None
        for i, item in enumerate(items)
    ]
    for i in box_lines(free, [item.what is table_line for item in items]):
        items[i].what = What.TABLE
        items[i].text = items[i].line.text.rstrip()
        items[i].searchable = False
    for i in range(1, len(items)):  # the table's note on the next line (``<tab>(أ)<tab>انظر القسم هاء.``)
        after_table = items[i - 1].what is table_line and items[i].what in (labelled, text_line)
        if after_table and note_of(items[i].line.text, items[i - 1].text):
            items[i].what = What.TABLE
            items[i].text = items[i].line.text.rstrip()
            items[i].label = None
            items[i].searchable = False


@dataclass(slots=True)
class _Heads:
    """The lines already known to belong to a part's head (title, formula), by index, and the ordinal of the part
    letter expected after the first part's."""

    roles: dict[int, What] = field(default_factory=dict)
    expected_after_first: int = 0

    def add(self, head: PartHead) -> None:
        for j in head.titles:
            self.roles[j] = What.PART_TITLE
        if head.formula is not None:
            self.roles[head.formula] = What.FORMULA


def _part_heads(texts: list[str], table: LanguageTable, *, formula: bool, first_label: str | None) -> _Heads:
    """The head of the first part when the body opens with it: its title lines before the formula, where stage 1
    read the part letter above them (A/RES/80/84 A: ``A`` / ``Information in the service of humanity``)."""
    heads = _Heads()
    first = part_ordinal(first_label, table) if first_label else None
    if first is not None:
        heads.expected_after_first = first + 1
        if formula and texts and not is_formula(texts[0], table):
            head = head_before_formula(texts, 0, table)
            if head is not None:
                heads.add(head)
    return heads


_BARE_PARAGRAPH = re.compile(r"(\d{1,3})[ \u00a0]?\t+(\S.*)")


def _bare_paragraph_label(text: str, last_paragraph: int) -> Label | None:
    """``5<tab>Solicita …`` (A/RES/77/147 spa): a paragraph number whose full stop was lost, taken as a number only
    when it is the next paragraph's; the number stays as printed."""
    match = _BARE_PARAGRAPH.fullmatch(text)
    if match is None or int(match.group(1)) != last_paragraph + 1:
        return None
    return Label(Kind.PARAGRAPH, match.group(1), match.group(2))


def _same_meeting(text: str, following: str, table: LanguageTable) -> bool:
    """Whether ``following`` is the meeting line ``text`` again, its words maybe in another order."""
    return is_meeting_line(following, table) and sorted(following.split()) == sorted(text.split())


def date_like(text: str) -> bool:
    """The date under a meeting line, also with a stray character before it (``s1 de diciembre de 2025``,
    A/RES/80/55 spa): a closing line, where no footnote mark stands."""
    stripped = text.strip()
    if len(stripped) > _LONGEST_DATE + 1 or _FOUR_DIGITS.search(stripped) is None:
        return False  # a date is short and holds its year (most lines are neither: asked of every line)
    return looks_like_date(stripped) or looks_like_date(stripped[1:])


_LONGEST_DATE = 60  # ``dates.looks_like_date``'s limit
_FOUR_DIGITS = re.compile(r"\d{4}")  # the year every form of ``looks_like_date`` holds


def _lead_mark_line(stories: Stories, front: Front) -> Line | None:
    """The part letter above the formula when a footnote mark is glued to it (``B1``, ``Front.front_notes``):
    stage 1 reads the letter as the part's label; the body places the note, on that label (``Part.label_notes``)."""
    index = front.part_label_index
    if index is None or index >= front.body_start or all(at != index for at, _ in front.front_notes):
        return None
    line = stories.main[index]
    return Line(number=line.number, text="".join(line.text.split()))  # ``⇥B⇥1``: the mark glued to its letter


# Enum members read once, by module-level names: Python 3.11 reads a member through its enum's class with a hook of
# ``EnumType`` (its ``__getattr__``) that costs ten times a global's read, and these are asked of every line.
_BOUNDARIES = (What.FORMULA, What.MEETING, What.DATE, What.ANNEX, What.PART)
_SECTION_KINDS, _PARAGRAPH = (Kind.SECTION, Kind.SUBSECTION), Kind.PARAGRAPH
_TABLE = What.TABLE


def numbered_follows(items: list[Item]) -> list[bool]:
    """For each item, whether a numbered paragraph follows it before the next section, part, formula, annex or
    closing line: whether it stands before an operative paragraph of its own part or section."""
    out = [False] * len(items)
    ahead = False
    for i in range(len(items) - 1, -1, -1):
        out[i] = ahead
        item = items[i]
        kind = item.label.kind if item.label is not None else None
        if item.what in _BOUNDARIES or kind in _SECTION_KINDS:
            ahead = False
        elif kind is _PARAGRAPH:
            ahead = True
    return out


# --- what the builder asks of a line and its neighbours ----------------------------------------------------------

_LONGEST_TITLE = 400
_HEADING_RUN = 3  # heading lines in a row before a numbered paragraph (a part's title, then a sub-part's)


def title_like(text: str) -> bool:
    """A part's title under its number: maybe long (``Conditions of service …, other than …: full-time members …``),
    never ending as a recital or an item does."""
    return len(text) < _LONGEST_TITLE and not text.rstrip().endswith((",", ";", "，", "；", "،", "؛"))


def heading_like(text: str, *, first: bool) -> bool:
    """A line that may be a heading: short (longer for an annex's first), not ending as a sentence, a recital or an
    item does."""
    limit = 250 if first else 150
    return len(text) < limit and not ends_as_text(text)


def ends_as_text(text: str) -> bool:
    """Whether ``text`` ends as a sentence, a recital or an item does (a heading does not)."""
    return text.endswith((",", ";", ":", "，", "；", "：", "،", "؛", ".", "。"))


def body_layout(raw: str) -> bool:
    """A line laid out as a body paragraph, with one leading tab; a heading is centred (no tab in Word's own files)
    or has two."""
    return raw.startswith("\t") and not raw.startswith("\t\t")


def next_is_numbered(items: Sequence[Item], index: int) -> bool:
    """Whether the next line is a numbered paragraph (so that a short unpunctuated line before it heads it),
    also after another such line (``Mandate of MINUSMA`` / ``General principles`` / ``16. …``)."""
    for following in items[index + 1 : index + 1 + _HEADING_RUN]:
        label = following.label
        if label is not None:
            return label.kind is Kind.PARAGRAPH
        if following.what is not What.TEXT or not heading_like(following.text, first=False):
            return False
    return False


def next_point(items: Sequence[Item], index: int) -> Label | None:
    """The number of the next item after ``index`` when only text stands between them (it settles ``(i)``)."""
    for item in items[index + 1 : index + 40]:
        if item.label is not None and item.label.kind is Kind.POINT:
            return item.label
        if item.label is not None or item.what is not What.TEXT:
            return None
    return None


def introduces_draft(items: Sequence[Item], index: int, table: LanguageTable) -> bool:
    """Whether item ``index`` introduces a draft: it ends with a colon and an enacting formula follows."""
    following = items[index + 1] if index + 1 < len(items) else None
    return (
        items[index].text.rstrip().endswith((":", "："))
        and following is not None
        and following.what is What.TEXT
        and formula_organ(following.text, table) is not None
    )


def first_annex_reference(items: Sequence[Item], phrases: Sequence[str]) -> int | None:
    """The index of the first line that refers to an annex (``annexed to the present resolution``: the language's
    ``annex_references``), or None. Asked once per document: whether a line before a given one refers to an annex is
    then one comparison, where looking through every earlier line each time grew with the square of the lines (a
    fuzzed dump repeating its closing lines thousands of times read for seconds)."""
    for index, item in enumerate(items):
        if item.what in (What.TEXT, What.LABELLED) and any(phrase in item.text for phrase in phrases):
            return index
    return None


def numbered_until_next_closing(items: Sequence[Item], index: int) -> bool:
    """Whether a numbered paragraph stands from ``index`` on, before the next closing line, annex label or part."""
    for item in items[index:]:
        if item.what in (What.MEETING, What.ANNEX, What.PART):
            return False
        if item.label is not None and item.label.kind is Kind.PARAGRAPH:
            return True
    return False
