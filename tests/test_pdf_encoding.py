"""The PDF writer encodes its strings as reportlab would (issue #12, speed): ``lines.emit`` encodes each string
of a document once, without reportlab's per-character ``splitString`` where every character already has its
code, and escapes with ``str.translate``. Whatever the strings and their order, the subset names and the shown
bytes must be those of ``TTFont.splitString`` and ``escapePDF`` in a document of its own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from conftest import examples
from unconvert.tree import Language
from unconvert.writers.pdf import fonts
from unconvert.writers.pdf.lines import _Encoder

# ASCII (with the characters PDF strings escape), Latin-1, a no-break space, Cyrillic, Arabic presentation
# forms, Chinese (more than 256 characters: several subsets), and a character the Latin faces do not have.
ALPHABET = (
    "abcXYZ 019()\\%~\t\x7f\u00a0éüßçñ«»€–—АБВжщяﻻﺏﺑﺒﺐ"
    + "".join(chr(c) for c in range(0x4E00, 0x4E00 + 300, 7))
    + "\U0001f600"
)


def _reference(font_name: str, text: str, doc: object) -> list[tuple[str, str]]:
    font = getFont(font_name)
    return [
        (font.getSubsetInternalName(subset, doc), f"({escapePDF(chunk)}) Tj")
        for subset, chunk in font.splitString(text, doc)
    ]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(("regular", "bold")), st.text(ALPHABET, max_size=12)), max_size=60))
def test_strings_encode_as_reportlab_encodes_them(strings: list[tuple[str, str]]) -> None:
    family = fonts.family_for(Language.EN)
    ours, theirs = Canvas(None)._doc, Canvas(None)._doc
    encoder = _Encoder(ours)
    for face, text in strings:
        name = getattr(family, face)
        assert encoder.encode(name, text) == _reference(name, text, theirs)
    assert ours.fontMapping == theirs.fontMapping  # the fonts registered with each document, in the same order
