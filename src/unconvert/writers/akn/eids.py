"""eIds per the AKN Naming Convention §5: ``prefix__element_num``.

``num`` is the printed number without punctuation (``(a)`` -> ``a``, ``3.`` -> ``3``, ``IV.`` -> ``IV``);
unnumbered siblings are counted from 1 per element name. The XSD demands that eIds be unique in the whole
document, so ``EidAllocator`` disambiguates a repeated number (a reader's or the source's slip) with ``-2``,
``-3`` instead of failing.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

ABBREVIATIONS = {
    "paragraph": "para",
    "section": "sec",
    "attachment": "att",
    "component": "cmp",
    "wrapUp": "wrapup",
    "subparagraph": "subpara",
}


_NOT_ALNUM = re.compile(r"[\W_]+")  # ``\w`` is what ``isalnum`` accepts, and the underscore


@functools.lru_cache(maxsize=256)
def eid_num(printed: str) -> str:
    """The eId form of a printed number: letters and digits only (any script). Cached: documents print the same
    few numbers (``1.``, ``(a)``) again and again, and most are not bare letters and digits; the few, not all a
    batch worker meets (its cache would grow for hours)."""
    return printed if printed.isalnum() else _NOT_ALNUM.sub("", printed)


class EidAllocator:
    """Hands out eIds that are unique across one output document."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._counters: dict[tuple[str, str], int] = defaultdict(int)
        self._last_suffix: dict[str, int] = {}  # eId asked for -> the last ``-N`` it took (see ``reserve``)
        self.last_wanted = ""  # the eId the last ``reserve`` was asked for (it took ``-2`` … if this differs)

    def reserve(self, eid: str) -> str:
        """Take ``eid`` (or ``eid-2``, ``eid-3`` … when it is already taken) and return what was taken.

        The search for a free suffix resumes after the last one ``eid`` took: every suffix below it was taken
        then and eIds are never given back, so the answer is the same as counting from 1, without going over
        all of them again (a number repeated 1,000 times would cost half a million lookups)."""
        self.last_wanted = eid
        if eid not in self._used:
            self._used.add(eid)
            return eid
        n = self._last_suffix.get(eid, 1)
        candidate = eid
        while candidate in self._used:
            n += 1
            candidate = f"{eid}-{n}"
        self._last_suffix[eid] = n
        self._used.add(candidate)
        return candidate

    def child(self, prefix: str, element: str, printed: str | None = None) -> str:
        """The eId of an ``element`` under ``prefix``: numbered from ``printed`` or counted per element name."""
        name = ABBREVIATIONS.get(element, element)
        num = eid_num(printed) if printed else ""
        if not num:
            key = (prefix, name)
            self._counters[key] += 1
            num = str(self._counters[key])
        local = f"{name}_{num}"
        return self.reserve(f"{prefix}__{local}" if prefix else local)

    def unique(self, prefix: str, element: str) -> str:
        """The eId of an element that is unique among its siblings (``para_3__list_1__intro``)."""
        name = ABBREVIATIONS.get(element, element)
        return self.reserve(f"{prefix}__{name}" if prefix else name)

    def __contains__(self, eid: str) -> bool:
        return eid in self._used
