"""Opening phrases and the line between preamble and operative part, on real corpus documents (issue 8, class 8).

The phrase tables are harvested from the UN's files; documents never seen use phrases the tables lack, phrases the
tables list for both parts, and spellings (no-break spaces, Arabic vowel marks) the tables do not. These tests hold
the reader to the rules that do not depend on the table alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED_CORPUS
from unconvert.readers.ods import read
from unconvert.tree import (
    Block,
    Document,
    Language,
    OperativeParagraph,
    Para,
    ParaRole,
    PreambularParagraph,
    Section,
    Strong,
    plain_text,
)
from unconvert.un.languages import table_for
from unconvert.un.phrases import matchers

needs_corpus = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="needs ../shared/corpus")


def load(rel: str) -> tuple[Document, dict[str, Any]]:
    path = SHARED_CORPUS / rel
    document = read(path.read_bytes(), name=str(path))
    gold: dict[str, Any] = json.loads(Path(path).with_suffix(".gold.json").read_text(encoding="utf-8"))
    return document, gold


def recitals(document: Document) -> list[PreambularParagraph]:
    return [
        block
        for part in document.parts
        if part.preamble is not None
        for block in part.preamble.children
        if isinstance(block, PreambularParagraph)
    ]


def top_paragraphs(document: Document) -> list[OperativeParagraph]:
    return [block for part in document.parts for block in part.body if isinstance(block, OperativeParagraph)]


@needs_corpus
@pytest.mark.parametrize(
    ("rel", "phrase"),
    [
        ("akn4un/77/zho/A_RES_77_13_zho.txt", "又提及"),  # ``又`` alone is listed among the operative phrases
        ("akn4un/77/zho/A_RES_77_187_zho.txt", "又表示严重关切"),  # listed as operative only
        ("akn4un/77/zho/A_RES_77_133_zho.txt", "促请"),
        ("akn4un/sc2022/zho/S_RES_2624_2022_zho.txt", "最强烈地谴责"),
    ],
)
def test_chinese_recitals_are_placed_by_position(rel: str, phrase: str) -> None:
    """Chinese opens both parts with the same words, so a recital whose phrase the table lists as operative stays a
    recital when it ends with ``，`` before the first numbered paragraph; the operative part starts at ``1.``."""
    if not (SHARED_CORPUS / rel).exists():
        pytest.skip(f"{rel} not in the corpus")
    document, gold = load(rel)
    texts = [plain_text(r.content) for r in recitals(document)]
    assert len(texts) == len(gold["preamble"])
    assert any(text.startswith(phrase) for text in texts)
    paragraphs = top_paragraphs(document)
    assert paragraphs[0].num == "1."
    assert all(p.num for p in paragraphs)


@needs_corpus
def test_operative_form_before_paragraph_one_stays_operative() -> None:
    """A/RES/80/243 (eng) opens section XXIV with ``Recalls its resolution 79/258 A, …,`` before its paragraph 1:
    the verb's form says operative, so the comma at its end does not make it a recital."""
    document, _ = load("akn4un/80/eng/A_RES_80_243_eng.txt")
    found = [
        block
        for block in _blocks(document.parts[0].body)
        if isinstance(block, Para | OperativeParagraph | PreambularParagraph)
        and plain_text(block.content).startswith("Recalls its resolution 79/258 A")
    ]
    assert len(found) == 1 and not isinstance(found[0], PreambularParagraph)


def _blocks(blocks: tuple[Block, ...]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, Section | OperativeParagraph):
            out.extend(_blocks(block.children))
    return out


@needs_corpus
@pytest.mark.parametrize(
    ("rel", "heading"),
    [
        ("akn4un/sc2024/eng/S_RES_2729_2024_eng.txt", "UNMISS Mandate"),
        ("akn4un/sc2024/zho/S_RES_2729_2024_zho.txt", None),
        ("akn4un/sc2020/fra/S_RES_2531_2020_fra.txt", None),
        ("akn4un/79/eng/A_RES_79_327_eng.txt", "Role and authority of the General Assembly"),
    ],
)
def test_heading_before_paragraph_one_is_no_recital(rel: str, heading: str | None) -> None:
    """A heading between the last recital and paragraph 1 (no closing punctuation, no phrase) heads the operative
    part: the preamble holds the recitals only, and the heading comes first in the body."""
    document, gold = load(rel)
    assert len(recitals(document)) == len(gold["preamble"])
    first = document.parts[0].body[0]
    assert isinstance(first, Para) and first.role is ParaRole.HEADING
    if heading is not None:
        assert plain_text(first.content) == heading


@pytest.mark.parametrize(
    ("language", "kind", "text", "phrase"),
    [
        (Language.FR, "preambular", "Se\u00a0félicitant de l’action menée,", "Se\u00a0félicitant"),
        (Language.EN, "preambular", "Taking\u00a0note of the report,", "Taking\u00a0note"),
        (Language.AR, "operative", "تُقرر أن تُدرج في جدول الأعمال", "تُقرر"),
        (Language.AR, "operative", "\u200fتقرر أن تدرج", "\u200fتقرر"),
        (Language.AR, "preambular", "وإدراكاً منها لأهمية مواصلة التنفيذ،", "وإدراكاً منها"),  # A/RES/80/92
    ],
)
def test_phrases_are_looked_up_without_no_break_spaces_or_vowel_marks(
    language: Language, kind: str, text: str, phrase: str
) -> None:
    """A no-break space between the words of a phrase, Arabic vowel marks (``تُقرر``) and bidirectional controls do
    not hide a listed phrase; the phrase comes back as printed, so that it is cut from the text exactly."""
    preambular, operative = matchers(table_for(language))
    matcher = preambular if kind == "preambular" else operative
    assert matcher.match(text) == phrase


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("提及《联合国宪章》中关于鼓励采取区域合作措施的各项条款，", "提及"),  # A/RES/77/13
        ("要求所有当事方立即停止一切暴力行为；", "要求"),  # S/RES/2624 (2022)
        ("最强烈地谴责也门沿岸海域的事件不断增多，", "最强烈地谴责"),
        ("还表示关切跨国有组织犯罪，", "还表示关切"),
        ("再次促请所有利比亚人建设性地参与，", "再次促请"),
        ("指示委员会继续确保有公平明确的程序；", "指示"),
        ("联合国秘书处应向会员国提供资料；", ""),
        ("当地政府要求提供援助，", ""),
        ("大会第七十九届会议将审议这一项目。", ""),
    ],
)
def test_chinese_phrase_grammar(text: str, phrase: str) -> None:
    """A Chinese phrase the table lacks is guessed by its grammar (adverbs, an adverb in ``地``, a verb of the
    resolutions), in both parts alike; an ordinary sentence (a name, ``当地``) gives none."""
    preambular, operative = matchers(table_for(Language.ZH))
    assert preambular.fallback(text) == phrase
    assert operative.fallback(text) == phrase


@needs_corpus
def test_chinese_guesses_warn() -> None:
    """A/RES/77/23 (zho) opens a recital with ``特别表示注意到``, which the table lacks (the UN's files of the
    harvest's sources do not mark it): the grammar takes it, emphasised like a listed phrase, and the reader says so
    on that line, as it does in the other languages."""
    document, _ = load("akn4un/77/zho/A_RES_77_23_zho.txt")
    guessed = [r for r in recitals(document) if r.phrase == "特别表示注意到"]
    assert len(guessed) == 1
    assert isinstance(guessed[0].content[0], Strong)
    warned = {d.line for d in document.diagnostics if d.code == "preambular-phrase-guessed"}
    assert guessed[0].line in warned


@pytest.mark.parametrize(
    ("language", "kind", "text", "phrase"),
    [
        (Language.FR, "operative", "Fait sienne la déclaration politique ;", "Fait sienne"),
        (Language.ES, "operative", "Hace suya la declaración política;", "Hace suya"),
        (Language.FR, "operative", "Exige que toutes les parties ;", "Exige"),
        (Language.ES, "operative", "Exige que todas las partes;", "Exige"),
        (Language.RU, "operative", "вновь выражает свою поддержку;", "вновь выражает"),
        (Language.RU, "operative", "требует, чтобы все стороны;", "требует"),
        (Language.ES, "preambular", "Teniendo en cuenta que,", "Teniendo en cuenta"),
        (Language.ES, "preambular", "Deplorando la pérdida de vidas,", "Deplorando"),
        # the whole phrase the UN marks in A/RES/80/248 (``<container name="وإذ تعرب عن ثقتها">``)
        (Language.AR, "preambular", "وإذ تعرب عن ثقتها بأن،", "وإذ تعرب عن ثقتها"),
    ],
)
def test_phrases_of_unseen_documents_are_listed(language: Language, kind: str, text: str, phrase: str) -> None:
    """Phrases that documents outside the harvest use (issue 8) are in the tables, so they are no guesses."""
    preambular, operative = matchers(table_for(language))
    assert (preambular if kind == "preambular" else operative).match(text) == phrase


@pytest.mark.parametrize(
    ("kind", "text", "phrase"),
    [
        ("operative", "يناشد الدول الأعضاء", "يناشد"),  # S/RES/2531 (2020): the verb, not its object
        ("operative", "يوصي كذلك بأن", "يوصي كذلك"),
        ("operative", "يعيد تأكيد التزامه", "يعيد تأكيد"),
        ("operative", "التنمية المستدامة", ""),
        ("preambular", "وإذ يثني على الجهود،", "وإذ يثني"),
        ("preambular", "وإذ يكرر تأكيد التزامه،", "وإذ يكرر تأكيد"),
        ("preambular", "وإيمانا منها بأن", "وإيمانا منها"),
        ("preambular", "إن الجمعية العامة،", ""),
    ],
)
def test_arabic_phrase_grammar(kind: str, text: str, phrase: str) -> None:
    """An Arabic operative phrase is the verb, with an adverb or ``تأكيد`` after it, not the verb and its object; a
    preambular one is ``وإذ``/``وقد`` and a verb, or a verbal noun with ``منها``."""
    preambular, operative = matchers(table_for(Language.AR))
    matcher = preambular if kind == "preambular" else operative
    assert matcher.match(text) is None
    assert matcher.fallback(text) == phrase
