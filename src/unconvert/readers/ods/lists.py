"""The nesting of numbered paragraphs and their points: where each item of a list goes.

A resolution's operative paragraph may hold lettered items, a lettered item roman ones, and so on; the dump gives
them as a flat run of lines, each with its number (``(a)``, ``(i)``, ``a)``, ``㈠``, ``•``) and the ordinals it can
be read as (``Label.readings``: ``(i)`` is letter 9 or roman 1). The nesting is decided the way pandoc nests lists,
from the numbers alone: an item continues the innermost open list whose next number it is; a first number (``(a)``,
``(i)``) opens a new list inside the last item; anything else is out of sequence (a warning) and joins the nearest
list of its style. Text between items is the wrap-up of the innermost paragraph or item whose list is done, or an
unnumbered item under an item that only names a topic.

The decisions are pure functions of the open path (``place``, ``wrap_up_depth``, ``topic_depth``,
``takes_wrap_up``); ``apply`` and ``continue_with_text`` carry them out on it. ``nest`` folds a whole flat sequence
into nested blocks with them, with no state outside the call: it is what the tests drive, and the body reader drives
the same functions line by line, as it reads (it needs each line's warnings, and the lines between lists, in order).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from unconvert.tree import Block, Inline, OperativeParagraph, Para, ParaRole, Point, Text
from unconvert.un.numbering import Style

Readings = Mapping[Style, int]


@dataclass(slots=True, eq=False)
class Provision:
    """An operative paragraph or point under construction (compared by identity): its open list's style and last
    number, and whether it only names a topic (``(f) Humanitarian assistance``: text under it follows)."""

    num: str | None
    content: tuple[Inline, ...]
    line: int
    point: bool
    children: list[Block | Provision] = field(default_factory=list)
    wrap_up: tuple[Inline, ...] = ()
    list_style: Style | None = None
    list_last: int = 0
    heading: bool = False
    points: int = 0  # how many of ``children`` are items (Provision): ``has_points`` in constant time

    def freeze(self) -> Block:
        children = tuple(c.freeze() if isinstance(c, Provision) else c for c in self.children)
        if self.point:
            return Point(
                num=self.num or "", content=self.content, children=children, wrap_up=self.wrap_up, line=self.line
            )
        return OperativeParagraph(
            num=self.num, content=self.content, children=children, wrap_up=self.wrap_up, line=self.line
        )

    def add(self, child: Block | Provision) -> None:
        """Add a child; a wrap-up already read becomes a paragraph before it, so that order is kept."""
        if self.wrap_up:
            self.children.append(Para(content=self.wrap_up, line=self.wrap_up[0].line))
            self.wrap_up = ()
        self.children.append(child)
        if isinstance(child, Provision):
            self.points += 1

    def has_points(self) -> bool:
        """Whether an item was added (asked for each line of text after it: counting, not scanning, keeps a
        paragraph with thousands of lines linear)."""
        return self.points > 0


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an item goes on the open path (``stack``: the paragraph, then its open items, innermost last).

    ``depth``: the open level that takes it; ``reopen``: it goes instead into that level's last item, which has
    been closed (a new list inside it); ``style``/``number``: the list the owner continues or starts (``None``: a
    bullet set beside an item, which leaves the list's numbering as it is); ``out_of_sequence``: no open list
    continues with this number."""

    depth: int
    reopen: bool = False
    style: Style | None = None
    number: int = 0
    out_of_sequence: bool = False
    too_deep: bool = False  # it would nest deeper than ``MAX_NESTING``: set beside the innermost item instead


MAX_NESTING = 12
"""Items nest at most this many levels below their paragraph. The UN's documents nest four; a dump whose labels
open a new list at every line (the fuzzer's) would otherwise nest thousands deep, past what any recursive walk of
the tree (freezing it, writing it) can take."""


def place(stack: Sequence[Provision], readings: Readings, following: Readings | None) -> Placement:
    """Where an item read as ``readings`` goes on the non-empty open path ``stack``; ``following`` is the readings
    of the next item, if the next numbered line is one (it settles ``(i)`` after ``(h)``). An item that would nest
    deeper than ``MAX_NESTING`` goes beside the innermost item (``too_deep``), its list left as it is."""
    placement = _place(stack, readings, following)
    if placement.depth + (2 if placement.reopen else 1) > MAX_NESTING:
        return Placement(depth=min(placement.depth, MAX_NESTING - 1), too_deep=True)
    return placement


def _place(stack: Sequence[Provision], readings: Readings, following: Readings | None) -> Placement:
    if ambiguous(readings):
        readings = _disambiguate(stack, readings, following)
    if Style.BULLET in readings and _bullet_beside_item(stack):
        return Placement(depth=len(stack) - 2)
    for depth in range(len(stack) - 1, -1, -1):
        style = stack[depth].list_style
        if style is None or style not in readings:
            continue
        if style is Style.BULLET or readings[style] == stack[depth].list_last + 1:
            return Placement(depth=depth, style=style, number=readings[style])
    depth = len(stack) - 1
    top = stack[depth]
    last = top.children[-1] if top.children else None
    reopen = top.list_style is not None and isinstance(last, Provision) and last.point
    starts = [s for s, n in readings.items() if n in (0, 1)]
    if starts:
        return Placement(depth=depth, reopen=reopen, style=starts[0], number=readings[starts[0]])
    same = [d for d in range(len(stack)) if stack[d].list_style in readings]
    if same:
        owner = stack[same[-1]]
        style = owner.list_style or next(iter(readings))
        return Placement(depth=same[-1], style=style, number=readings[style], out_of_sequence=True)
    style = next(iter(readings))
    return Placement(depth=depth, reopen=reopen, style=style, number=readings[style], out_of_sequence=True)


def ambiguous(readings: Readings) -> bool:
    """Whether an item's number reads both as a letter and as a roman number (``(i)``, ``(v)``, ``(x)``): then the
    next item's number is needed to place it."""
    return Style.LETTER in readings and Style.ROMAN in readings


def apply(stack: list[Provision], item: Provision, placement: Placement) -> None:
    """Carry out ``placement``: the item joins its owner's children, the owner's list moves on, and the open path
    becomes the owner's followed by the item."""
    if placement.reopen:
        owner = stack[-1].children[-1]
        assert isinstance(owner, Provision)
        stack.append(owner)
    else:
        del stack[placement.depth + 1 :]
        owner = stack[placement.depth]
    owner.add(item)
    if placement.style is not None:
        owner.list_style = placement.style
        owner.list_last = placement.number
    stack.append(item)


def _bullet_beside_item(stack: Sequence[Provision]) -> bool:
    """A bullet after a lettered or roman item is that item's sibling, not its child: the UN's files never nest a
    bullet list inside an item (S/RES/2531 (2020), 2729 (2024), 2800 (2025), in every language). The list's
    numbering goes on after the bullets (``(i)``, bullets, ``(ii)``)."""
    if len(stack) < 2 or not stack[-1].point:
        return False
    return stack[-2].list_style not in (None, Style.BULLET)


def _disambiguate(stack: Sequence[Provision], readings: Readings, following: Readings | None) -> Readings:
    """``(i)``, ``(v)``, ``(x)``: a letter if it continues an open letter list and the next item does not continue
    a roman one; else roman."""
    letter, roman = readings[Style.LETTER], readings[Style.ROMAN]
    roman_next = following is not None and following.get(Style.ROMAN) == roman + 1
    if roman_next and following is not None and following.get(Style.LETTER) != letter + 1:
        return {Style.ROMAN: roman}
    for owner in reversed(stack):
        if owner.list_style is Style.LETTER and owner.list_last + 1 == letter:
            return {Style.LETTER: letter}
        if owner.list_style is Style.ROMAN and owner.list_last + 1 == roman:
            return {Style.ROMAN: roman}
    return {Style.ROMAN: roman} if roman == 1 else readings


def wrap_up_depth(stack: Sequence[Provision]) -> int | None:
    """The level whose wrap-up text after its items is: the innermost open one with items and no wrap-up yet."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].has_points() and not stack[depth].wrap_up:
            return depth
    return None


def wrap_up(stack: list[Provision], content: tuple[Inline, ...]) -> None:
    """Text after the last item of a paragraph: the wrap-up of the innermost open provision with items."""
    depth = wrap_up_depth(stack)
    if depth is not None:
        stack[depth].wrap_up = content
        del stack[depth + 1 :]


def topic_depth(stack: Sequence[Provision]) -> int | None:
    """The item that text under the open item belongs to, as an unnumbered item of its own: the open item when it
    only names a topic (``(f) Humanitarian assistance`` / ``In support of the Malian authorities, …``, as the UN
    marks it in S/RES/2531 (2020), 2800 (2025)), or the topic above an unnumbered item already under it."""
    if not stack or not stack[-1].point:
        return None
    top = stack[-1]
    if top.heading:
        return len(stack) - 1
    if top.num == "" and len(stack) >= 3 and stack[-2].heading:
        return len(stack) - 2
    return None


def takes_wrap_up(stack: Sequence[Provision]) -> bool:
    """Whether text may still wrap up the open paragraph's items: it has items, and no wrap-up yet."""
    return bool(stack) and stack[0].has_points() and not stack[0].wrap_up


def continue_with_text(stack: list[Provision], content: tuple[Inline, ...], line: int) -> None:
    """Unnumbered text of the operative part inside the open paragraph (``stack`` not empty): an unnumbered item
    under a topic item (``topic_depth``), else the wrap-up of the innermost list that is done while the paragraph
    takes one (``takes_wrap_up``), else text of the paragraph itself, after which its items are closed."""
    depth = topic_depth(stack)
    if depth is not None:
        item = Provision(num="", content=content, line=line, point=True)
        stack[depth].add(item)
        del stack[depth + 1 :]
        stack.append(item)
    elif takes_wrap_up(stack):
        wrap_up(stack, content)
    else:
        stack[0].add(Para(content=content, role=ParaRole.TEXT, line=line))
        del stack[1:]


# --- the whole fold, from a flat sequence ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """A numbered item of a flat sequence: its number as printed, the ordinals it can be read as, its text."""

    num: str
    readings: Readings
    text: str
    line: int = 0
    topic: bool = False  # it only names a topic: unnumbered text under it is an item of its own


@dataclass(frozen=True, slots=True)
class Interruption:
    """Unnumbered text between or after items: a wrap-up, text under a topic item, or text of the paragraph."""

    text: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Nested:
    """The flat sequence nested: the paragraph holding it, and the numbers that continued no open list."""

    paragraph: OperativeParagraph
    out_of_sequence: tuple[str, ...] = ()


def nest(entries: Sequence[Item | Interruption], content: str = "", num: str | None = None) -> Nested:
    """Nest a flat sequence of items and texts under a paragraph numbered ``num`` with text ``content``: the same
    decisions the body reader takes as it reads the operative part, with no state outside this call."""
    root = Provision(num=num, content=_text(content, 0), line=0, point=False)
    stack = [root]
    out_of_sequence: list[str] = []
    for i, entry in enumerate(entries):
        if isinstance(entry, Interruption):
            continue_with_text(stack, _text(entry.text, entry.line), entry.line)
            continue
        following = _next_readings(entries[i + 1 :])
        item = Provision(num=entry.num, content=_text(entry.text, entry.line), line=entry.line, point=True)
        item.heading = entry.topic
        placement = place(stack, entry.readings, following)
        if placement.out_of_sequence:
            out_of_sequence.append(entry.num)
        apply(stack, item, placement)
    paragraph = root.freeze()
    assert isinstance(paragraph, OperativeParagraph)
    return Nested(paragraph=paragraph, out_of_sequence=tuple(out_of_sequence))


def _next_readings(entries: Sequence[Item | Interruption]) -> Readings | None:
    for entry in entries:
        if isinstance(entry, Item):
            return entry.readings
    return None


def _text(text: str, line: int) -> tuple[Inline, ...]:
    return (Text(text=text, line=line),) if text else ()
