"""Manual line breaks: a Word paragraph broken with Shift+Enter comes out of the dump as two lines, as two
paragraphs do (the dump writes both as a line end). The second line of a broken paragraph shows it: it opens
without the tab every body paragraph of the UN template opens with, in the middle of a sentence (a lower-case
letter or a digit: ``investment`` / ``in rural development …``, ``Disaster Risk Reduction`` / ``2015–2030 and …``),
right under a paragraph whose text ends without the punctuation that ends a paragraph. Such a line is joined to
the line above with ``\\n``, which the inlines keep as a ``LineBreak``; anything else stays a paragraph of its own.

In the Word track (117 Word files beside their dumps) this joins 10 lines, each the second half of a paragraph
the Word file breaks with ``w:br`` (or that its gold holds as one paragraph: A/RES/72/87, ``Haram`` /
``al-Sharif``); the AKN track's dumps hold no such line. The Word files' other breaks are left as they are read
today: the closing and cover lines and the titles, which the reader reads as one paragraph already, a part's
number over its title (a ``Section``), and the headings of rules and articles (``Rule 1`` / ``Composition of
delegations``) and a line opening with a quotation mark, which open as a new paragraph does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from unconvert.readers.ods.regions import Item, What
from unconvert.un.numbering import Kind, Label

# Enum members read once, by module-level names: Python 3.11 reads a member through its enum's class with a hook of
# ``EnumType`` (its ``__getattr__``) that costs ten times a global's read, and these are asked of every line.
_TEXT, _PARAGRAPH_LINES, _PARAGRAPH_KINDS = What.TEXT, (What.TEXT, What.LABELLED), (Kind.PARAGRAPH, Kind.POINT)
# What ends a paragraph's text (after its footnote marks): a sentence, a clause of a recital, an item's colon.
_ENDS = tuple(".;:,!?)]”’»\"'。；：，、！？）」』،؛؟")
_MARKS = "0123456789*"


def join_broken_lines(items: list[Item]) -> list[Item]:
    """``items`` with every line that continues the paragraph above after a manual line break joined to it, and
    every paragraph number alone on its line given the text of the line under it (``lone_number``)."""
    out: list[Item] = []
    last_line = 0  # the source line the item at ``out[-1]`` ends on
    for item in items:
        number = lone_number(out[-1]) if out and item.line.number == last_line + 1 else None
        if number is not None and item.what is What.TEXT and item.label is None and item.line.text[:1] == "\t":
            label = Label(Kind.PARAGRAPH, number, item.text)
            out[-1] = replace(item, what=What.LABELLED, label=label)
        elif out and item.line.number == last_line + 1 and continues(out[-1], item):
            out[-1] = replace(out[-1], text=out[-1].text + "\n" + item.text)
        else:
            out.append(item)
        last_line = item.line.number
    return out


def lone_number(item: Item) -> str | None:
    """The paragraph number that ``item`` holds alone (``⇥⇥1.``), else None.

    Some files set each numbered paragraph's number in a Word paragraph of its own and its text in the next one
    (A/RES/80/226 fra, the annex's paragraphs 1-72; A/DEC/78/556 spa, its annex's list of 999 organizations): the
    UN's AKN gives the number an empty paragraph. The number and the text under it are one numbered paragraph, as
    the other language versions print them on one line."""
    if item.what is not _TEXT or item.label is not None or not item.line.text.startswith("\t"):
        return None
    text = item.text.strip()
    return text if _LONE_NUMBER.fullmatch(text) else None


_LONE_NUMBER = re.compile(r"\d{1,3}\.")


def continues(above: Item, item: Item) -> bool:
    """Whether ``item`` is the rest of the body paragraph ``above``, after a manual line break."""
    if item.what is not _TEXT or item.label is not None or not item.searchable:
        return False
    if above.what not in _PARAGRAPH_LINES or not above.searchable:
        return False
    if above.label is not None and above.label.kind not in _PARAGRAPH_KINDS:
        return False
    if not above.line.text.startswith("\t") or item.line.text[:1] in ("\t", " ", "\u00a0"):
        return False
    first = item.text.lstrip()[:1]
    if not (first.islower() or first.isdigit()):
        return False
    end = above.text.rstrip().rstrip(_MARKS).rstrip()
    return bool(end) and not end.endswith(_ENDS)
