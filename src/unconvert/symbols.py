"""UN document symbols, and the references a text makes to UN documents: the public face of ``unconvert.un``.

    >>> from unconvert import symbols
    >>> s = symbols.parse("A/72/L.57/rev.1/add.1")
    >>> str(s), s.kind, s.organ, s.session, s.revisions
    ('A/72/L.57/Rev.1/Add.1', 'draft', 'unga', '72', (('Rev', 1), ('Add', 1)))
    >>> symbols.normalise("S/RES/2334(2016)")
    'S/RES/2334 (2016)'
    >>> [r.symbol for r in symbols.references("Recalling its resolutions 70/1 and 71/313,", "en")]
    ['A/RES/70/1', 'A/RES/71/313']
    >>> [r.symbol for r in symbols.references("第76/81号决议", "zh")]
    ['A/RES/76/81']
    >>> symbols.undocs_url("S/RES/2334 (2016)")
    'https://undocs.org/S/RES/2334%20(2016)'

The knowledge lives in ``unconvert.un`` (``un/symbols.py``: what a symbol is made of and the one undocs.org link;
``un/references.py``: references in a text; the words of each language in ``un/languages/``), where the readers
and writers use it; this module gives it a stable, documented API and takes languages and organs by their codes.
"""

from __future__ import annotations

from unconvert.tree import Language, Organ
from unconvert.un.references import Reference, find
from unconvert.un.symbols import Symbol, normalise, parse, undocs_url


def references(text: str, language: Language | str, organ: Organ | str | None = None) -> list[Reference]:
    """Every reference to a UN document in ``text`` (written in ``language``: ``Language.FR`` or ``"fr"``), in
    order, with the symbol it means: ``resolution 76/81`` gives ``A/RES/76/81`` at the place of ``76/81``.
    ``organ`` is the citing document's organ (``"unga"``, ``Organ.SC``), when known. A number the text does not tie
    to a body (``decision 44/114`` of an unnamed commission) is left out, never guessed."""
    return find(text, Language(language), None if organ is None else Organ(organ))


__all__ = ["Reference", "Symbol", "normalise", "parse", "references", "undocs_url"]
