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

from dataclasses import replace

from unconvert.readers.ods.regions import Item, What
from unconvert.un.numbering import Kind

# What ends a paragraph's text (after its footnote marks): a sentence, a clause of a recital, an item's colon.
_ENDS = tuple(".;:,!?)]”’»\"'。；：，、！？）」』،؛؟")
_MARKS = "0123456789*"


def join_broken_lines(items: list[Item]) -> list[Item]:
    """``items`` with every line that continues the paragraph above after a manual line break joined to it."""
    out: list[Item] = []
    last_line = 0  # the source line the item at ``out[-1]`` ends on
    for item in items:
        if out and item.line.number == last_line + 1 and continues(out[-1], item):
            out[-1] = replace(out[-1], text=out[-1].text + "\n" + item.text)
        else:
            out.append(item)
        last_line = item.line.number
    return out


def continues(above: Item, item: Item) -> bool:
    """Whether ``item`` is the rest of the body paragraph ``above``, after a manual line break."""
    if item.what is not What.TEXT or item.label is not None or not item.searchable:
        return False
    if above.what not in (What.TEXT, What.LABELLED) or not above.searchable:
        return False
    if above.label is not None and above.label.kind not in (Kind.PARAGRAPH, Kind.POINT):
        return False
    if not above.line.text.startswith("\t") or item.line.text[:1] in ("\t", " ", "\u00a0"):
        return False
    first = item.text.lstrip()[:1]
    if not (first.islower() or first.isdigit()):
        return False
    end = above.text.rstrip().rstrip(_MARKS).rstrip()
    return bool(end) and not end.endswith(_ENDS)
