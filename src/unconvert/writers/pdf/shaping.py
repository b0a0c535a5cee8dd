"""Arabic shaping and bidirectional reordering for PDF output.

reportlab draws glyphs in the order it is given and applies no OpenType shaping, so Arabic is prepared here:

1. ``shape`` replaces Arabic letters by their contextual presentation forms (initial, medial, final, isolated and
   the lam-alef ligatures) with ``arabic-reshaper``. It works on logical text, one run at a time.
2. Lines are broken in logical order (``lines.py``), then ``visual_order`` reorders ONE line for display with the
   Unicode bidirectional algorithm (``python-bidi``, paragraph level right-to-left): Arabic runs read right to
   left, numbers and Latin symbols (``A/77/501``, ``2022``) stay left to right inside them, brackets are mirrored.

``visual_order`` keeps each character's style index, so italic, bold and superscript runs survive reordering.
``unshape`` gives back the letters of shaped text: each drawn right-to-left line carries its logical text as
ActualText, so copying or searching the PDF gives Arabic as it was written.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import arabic_reshaper
from bidi import algorithm as _bidi

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": True, "support_ligatures": True, "delete_tatweel": False}
)
_RTL_CLASSES = frozenset({"R", "AL", "AN"})


@lru_cache(maxsize=65536)
def shape(text: str) -> str:
    """``text`` (logical order) with Arabic letters in their contextual presentation forms."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return text
    return str(_RESHAPER.reshape(text))


def visual_order(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Reorder one line of ``(character, style)`` pairs, given in logical order, into left-to-right display order
    for a right-to-left paragraph (UAX #9 rules W1–L2 and L4 mirroring)."""
    if not chars:
        return []
    if not any(_bidi.bidirectional(ch) in ("L", "EN", "AN", "ES", "ET", "CS", "NSM") for ch, _ in chars):
        # Only right-to-left letters and neutrals: display order is the reverse, with brackets mirrored.
        return [(_bidi.MIRRORED.get(ch, ch) if _bidi.mirrored(ch) else ch, style) for ch, style in reversed(chars)]
    storage = _bidi.get_empty_storage()
    storage["base_level"] = 1
    storage["base_dir"] = "R"
    # unassigned code points have no bidi class, which the algorithm rejects: they take part as neutrals
    text = "".join(ch if _bidi.bidirectional(ch) else "\ufffd" for ch, _ in chars)
    _bidi.get_embedding_levels(text, storage)
    for index, entry in enumerate(storage["chars"]):
        entry["style"] = chars[index][1]
        if entry["ch"] != chars[index][0] and entry["ch"] == "\ufffd":
            entry["ch"] = chars[index][0]
    _bidi.explicit_embed_and_overrides(storage, False)
    _bidi.resolve_weak_types(storage, False)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    _bidi.reorder_resolved_levels(storage, False)
    _bidi.apply_mirroring(storage, False)
    return [(entry["ch"], entry["style"]) for entry in storage["chars"]]


def unshape(text: str) -> str:
    """Presentation forms back to the letters they show (logical order), for the text a PDF reader extracts."""
    if not any("\ufb50" <= ch <= "\ufeff" for ch in text):
        return text
    return "".join(unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text)


def display(text: str) -> str:
    """A whole short right-to-left string (a number, a heading line) shaped and in display order."""
    return "".join(ch for ch, _ in visual_order([(ch, 0) for ch in shape(text)]))


def display_to_logical(text: str) -> str:
    """The logical order of a short display-order string made by ``display`` (numbers such as ``1 -``, ``(أ)``):
    reordering is its own inverse for one right-to-left run with numbers and neutrals inside."""
    return "".join(ch for ch, _ in visual_order([(ch, 0) for ch in text]))


def is_rtl_char(ch: str) -> bool:
    return _bidi.bidirectional(ch) in _RTL_CLASSES
