"""Manual line breaks (``readers.ods.breaks``): the second line of a Word paragraph broken with Shift+Enter is
joined to its paragraph as a ``LineBreak``, not read as a paragraph of its own; a paragraph that opens a sentence
or follows a finished one stays a paragraph."""

from __future__ import annotations

import pytest

import unconvert
from conftest import SEED, SHARED_CORPUS
from unconvert.tree import LineBreak, OperativeParagraph, Para, PreambularParagraph, find_all, plain_text


def _seed_with(old: str, new: str) -> str:
    text = SEED.read_text(encoding="utf-8-sig")
    assert old in text
    return text.replace(old, new, 1)


def test_a_broken_recital_is_one_paragraph_with_a_line_break() -> None:
    text = _seed_with(
        "Recalling also the Articles of the Charter of the United Nations that encourage",
        "Recalling also the Articles of the Charter of the United Nations \nthat encourage",
    )
    doc = unconvert.read(text=text, name="broken.txt")
    recitals = find_all(doc, PreambularParagraph)
    original = find_all(unconvert.read(SEED), PreambularParagraph)
    assert len(recitals) == len(original)
    broken = next(r for r in recitals if r.phrase == "Recalling also")
    assert any(isinstance(node, LineBreak) for node in broken.content)
    assert plain_text(broken.content).startswith(
        "Recalling also the Articles of the Charter of the United Nations\nthat encourage"
    )
    for tree, text_out in (("text", "United Nations\nthat encourage"), ("akn", "United Nations<eol/>that encourage")):
        out = unconvert.write(doc, tree).decode()
        assert text_out in out.replace(" \n", "\n").replace(" <eol/>", "<eol/>")


def test_a_new_paragraph_or_a_finished_sentence_is_not_joined() -> None:
    """Under a recital's comma, or opening with a capital, a line is a paragraph of its own."""
    for old, new in (
        ("of 2 December 2004, by which", "of 2 December 2004,\nby which"),
        ("United Nations that encourage", "United Nations\nThat encourage"),
    ):
        doc = unconvert.read(text=_seed_with(old, new), name="seed.txt")
        assert not [p for p in find_all(doc, PreambularParagraph) if any(isinstance(n, LineBreak) for n in p.content)]
        assert len(find_all(doc, PreambularParagraph)) == len(find_all(unconvert.read(SEED), PreambularParagraph)) + 1


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("A_RES_72_173", "productive resources and investment", "in rural development is essential"),
        ("A_RES_72_173", "Sendai Framework for Disaster Risk Reduction", "2015–2030"),
        ("A_RES_72_221", "the General Assembly declared", "2011–2020 the United Nations Decade"),
        ("A_RES_72_244", "to 3 p.m.; from", "3 p.m. to 6 p.m.; and from 6 p.m. to 8 p.m.;"),
    ],
)
def test_the_word_files_manual_breaks_are_kept(name: str, before: str, after: str) -> None:
    """Breaks the UN's Word files hold inside a paragraph (``w:br``), read from their dumps."""
    doc = unconvert.read(SHARED_CORPUS / "word" / f"{name}.txt")
    blocks = [*find_all(doc, PreambularParagraph), *find_all(doc, OperativeParagraph), *find_all(doc, Para)]
    texts = [plain_text(b.content) for b in blocks]
    hits = [t for t in texts if before in t and after in t]
    assert hits, f"no paragraph holds both halves of the break after {before!r}"
    assert "\n" + after in hits[0]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside this clone")
def test_a_number_alone_on_its_line_numbers_the_text_under_it() -> None:
    """A/RES/80/226 fra sets each annex paragraph's number in a Word paragraph of its own (``⇥⇥1.``) and its text
    in the next (``⇥La réduction …``): one numbered paragraph, as the other languages print it, the 72 of them."""
    doc = unconvert.read(SHARED_CORPUS / "akn4un" / "80" / "fra" / "A_RES_80_226_fra.txt")
    numbered = [p for p in find_all(doc.annexes, OperativeParagraph) if p.num]
    assert [p.num for p in numbered] == [f"{n}." for n in range(1, 73)]
    assert plain_text(numbered[0].content).startswith("La réduction de la récidive")
    assert not any(plain_text(p.content).strip() in ("1.", "72.") for p in find_all(doc.annexes, Para))
