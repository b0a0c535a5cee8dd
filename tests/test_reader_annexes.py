"""Annexes (issue 8, class 6): labels with their number and title on one line (``Annex A – Items …``), a label
whose title the dump glued to it (``AnnexPolitical Declaration …``), lettered and spelt-out numbers (``Annex B``,
``المرفق الثاني``), numbered annexes after a Security Council resolution, and an annex printed with no label after
the closing lines (A/RES/75/284)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED_CORPUS
from test_reader_body import text_of
from unconvert.readers.ods import read
from unconvert.tree import Document, Language, OperativeParagraph
from unconvert.un.annexes import AnnexLabel, read_annex_label
from unconvert.un.languages import table_for

needs_corpus = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="needs ../shared/corpus")
LANGS = ["ara", "eng", "fra", "rus", "spa", "zho"]


def corpus(rel: str) -> tuple[Document, dict[str, Any]]:
    path: Path = SHARED_CORPUS / "akn4un" / rel
    gold: dict[str, Any] = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return read(path.read_bytes(), name=str(path)), gold


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (Language.EN, "Annex", AnnexLabel("Annex")),
        (Language.EN, "Annex II", AnnexLabel("Annex II")),
        (Language.EN, "Annex\u00a0II", AnnexLabel("Annex\u00a0II")),  # the label keeps its spacing as printed
        (Language.EN, "Annex C", AnnexLabel("Annex C")),
        (
            Language.EN,
            "Annex A – Items considered by the General Assembly",
            AnnexLabel("Annex A", "Items considered by the General Assembly"),
        ),
        (Language.EN, "Annex I:\tTerms of reference", AnnexLabel("Annex I", "Terms of reference")),
        (Language.EN, "Annex – Terms of reference", AnnexLabel("Annex", "Terms of reference")),
        (
            Language.EN,
            "AnnexPolitical Declaration on HIV and AIDS",
            AnnexLabel("Annex", "Political Declaration on HIV and AIDS"),
        ),
        (Language.EN, "Annexes", None),
        (Language.EN, "Annex I to the Convention sets out the procedure.", None),
        (Language.FR, "Annexe III", AnnexLabel("Annexe III")),
        (Language.ES, "Anexo B", AnnexLabel("Anexo B")),
        (Language.RU, "Приложение II", AnnexLabel("Приложение II")),
        (Language.RU, "ПриложениеПравила процедуры", AnnexLabel("Приложение", "Правила процедуры")),
        (Language.AR, "المرفق", AnnexLabel("المرفق")),
        (Language.AR, "المرفق الثاني", AnnexLabel("المرفق الثاني")),
        (Language.AR, "المرفق باء", AnnexLabel("المرفق باء")),
        (Language.ZH, "附件一", AnnexLabel("附件一")),
        (Language.ZH, "附件所载的建议", None),
    ],
)
def test_annex_label_grammar(language: Language, text: str, expected: AnnexLabel | None) -> None:
    assert read_annex_label(text, table_for(language), after_closing=False) == expected


def test_annex_title_after_a_space_only_after_the_closing_lines() -> None:
    """``Anexo Convención …`` (A/RES/80/162 spa) is a label and a title after the closing lines; in the body a line
    that opens with the word is a sentence."""
    table = table_for(Language.ES)
    text = "Anexo Convención de las Naciones Unidas sobre Documentos de Carga"
    assert read_annex_label(text, table, after_closing=True) == AnnexLabel(
        "Anexo", "Convención de las Naciones Unidas sobre Documentos de Carga"
    )
    assert read_annex_label(text, table, after_closing=False) is None


@needs_corpus
def test_annex_without_a_label_after_the_closing_lines() -> None:
    """A/RES/75/284 adopts the declaration ``annexed to the present resolution``, printed after the closing lines
    under its title alone: one annex (headed by the title) with its numbered paragraphs, and a resolution of one
    paragraph; the guess is reported."""
    document, gold = corpus("75/eng/A_RES_75_284_eng.txt")
    assert len(document.annexes) == gold["annexes"] == 1
    annex = document.annexes[0]
    assert annex.label == ()
    assert text_of(annex.headings[0]).startswith("Political Declaration on HIV and AIDS")
    (part,) = document.parts
    assert len(part.body) == len(gold["operative"]) == 1 and isinstance(part.body[0], OperativeParagraph)
    assert [d.code for d in document.diagnostics if d.code == "annex-unlabelled"] == ["annex-unlabelled"]


@needs_corpus
@pytest.mark.parametrize("lang", LANGS)
def test_decision_with_an_annexed_list(lang: str) -> None:
    """A/DEC/78/556: the list of organizations under ``Annex`` / ``附件`` / ``المرفق`` is the decision's one annex."""
    document, gold = corpus(f"gadec78/{lang}/A_DEC_78_556_{lang}.txt")
    assert len(document.annexes) == gold["annexes"] == 1


@needs_corpus
def test_numbered_annexes_after_a_security_council_resolution() -> None:
    """S/RES/2610 (2021) zho: ``附件一`` and ``附件二`` after the resolution (no closing lines in a Security Council
    resolution); the first paragraph of annex II, a sentence ending with ``。``, is no heading."""
    document, gold = corpus("sc2021/zho/S_RES_26102021_zho.txt")
    assert [text_of(a.label) for a in document.annexes] == ["附件一", "附件二"]
    assert len(document.annexes) == gold["annexes"]
    assert document.annexes[1].headings == ()
