"""How the UN's Akoma Ntoso files lay out what the text says, where the text alone would allow another reading:
conventions every reader follows so that the same document gives the same tree whatever file it was read from.

``lift_lettered_items``: the items numbered ``a)`` (French, Spanish, Russian) of an unnumbered paragraph are
paragraphs of their own beside it, as the UN's files have them; items numbered ``(a)`` stay nested as points.
"""

from __future__ import annotations

import dataclasses
from typing import assert_never

from unconvert.tree import Block, OperativeParagraph, Para, Part, Point, PreambularParagraph, RawBlock, Section, Table


def lift_lettered_items(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Each part with the ``a)`` items of its unnumbered paragraphs lifted beside them (``_lift_from``)."""
    return tuple(dataclasses.replace(p, body=_lift_from(p.body)) for p in parts)


def _lift_from(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Lettered items after an unnumbered paragraph (a decision's ``At its 53rd plenary meeting, … the General
    Assembly: (a) Approved …; (b) Invited …``, a resolution's ``Urges all countries …: (a) To cooperate …``). The
    UN's files list them as siblings of that paragraph in every language; the gold nests items numbered ``(a)``
    (English, Arabic, Chinese: A/DEC/77/408, 77/539, 78/513, A/RES/80/84 A), as AKN4UN nests points, and keeps items
    numbered ``a)`` (French, Spanish, Russian) as paragraphs of their own. So do we: only ``a)`` items are lifted
    out, and a wrap-up then becomes the paragraph after them."""
    out: list[Block] = []
    for block in blocks:
        match block:
            case OperativeParagraph():
                out.extend(_lifted(block))
            case Para() | PreambularParagraph() | Point() | Section() | Table() | RawBlock():
                out.append(block)  # items to lift stand only in an operative paragraph
            case _:
                assert_never(block)
    return tuple(out)


def _lifted(block: OperativeParagraph) -> tuple[OperativeParagraph, ...]:
    """An unnumbered paragraph whose items are all numbered ``a)`` and come first, as paragraphs of their own after
    what is left of it (the text read into it), then its wrap-up; any other paragraph as it is."""
    points = [child for child in block.children if isinstance(child, Point)]
    if not (
        block.num is None
        and points
        and isinstance(block.children[0], Point)
        and not any(point.num.startswith("(") for point in points)
    ):
        return (block,)
    others = tuple(child for child in block.children if not isinstance(child, Point))  # text read into it
    out = [OperativeParagraph(num=None, content=block.content, children=others, line=block.line)]
    for point in points:
        out.append(
            OperativeParagraph(
                num=point.num, content=point.content, children=point.children, wrap_up=point.wrap_up, line=point.line
            )
        )
    if block.wrap_up:
        out.append(OperativeParagraph(num=None, content=block.wrap_up, line=block.wrap_up[0].line))
    return tuple(out)


__all__ = ["lift_lettered_items"]
