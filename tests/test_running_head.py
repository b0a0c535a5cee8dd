"""The running head's title broken where the source's header breaks it (``readers.ods.masthead.running_head``),
and printed so by the PDF and DOCX writers, as the UN prints A/RES/72/310's."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from pypdf import PdfReader

import unconvert
from conftest import SEED, SHARED_CORPUS
from unconvert.context import Context
from unconvert.layout import furniture
from unconvert.layout.typography import typography_for
from unconvert.tree import Language
from unconvert.un.languages import profile_for
from unconvert.writers.pdf.fonts import family_for
from unconvert.writers.pdf.lines import Style
from unconvert.writers.pdf.page import Setup, running_title_lines

CONTEXT = Context.fixed()
TITLE_310 = ("New Partnership for Africa’s Development: progress", "in implementation and international support")


def _with_header(title_lines: list[str], symbol: str = "A/RES/64/183") -> str:
    """The seed with its even header (symbol fused with the title's first line) and odd header replaced."""
    text = SEED.read_text(encoding="utf-8-sig")
    lines = text.split("\n")
    even = next(i for i, line in enumerate(lines) if line.startswith(symbol) and "Distr" not in line)
    end = next(i for i in range(even, len(lines)) if not lines[i].strip())
    lines[even:end] = [symbol + title_lines[0], *title_lines[1:]]
    return "\n".join(lines)


def test_the_header_s_break_is_kept_on_the_title_s_own_text() -> None:
    doc = unconvert.read(SEED)
    title = doc.meta.title
    words = title.split()
    half = len(words) // 2
    # the header spells a no-break hyphen where the title has a hyphen, and breaks the title in two
    header = [" ".join(words[:half]), " ".join(words[half:]).replace("-", "\u2011")]
    broken = unconvert.read(text=_with_header(header), name="seed.txt")
    assert broken.meta.running_head == (" ".join(words[:half]), " ".join(words[half:]))
    assert broken == doc  # how the source sets the title is not what the document says


def test_a_header_that_prints_another_text_gives_no_break() -> None:
    broken = unconvert.read(text=_with_header(["Another title", "on two lines"]), name="seed.txt")
    assert broken.meta.running_head == ()


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_a_res_72_310_prints_the_un_s_running_head_lines() -> None:
    doc = unconvert.read(SHARED_CORPUS / "word" / "A_RES_72_310.txt")
    assert doc.meta.running_head == TITLE_310
    pdf = unconvert.write(doc, "pdf", context=CONTEXT)
    lines = [line.strip() for line in PdfReader(io.BytesIO(pdf)).pages[1].extract_text().splitlines()]
    assert lines[1:3] == list(TITLE_310)  # after the symbol, the title's two lines as the UN's
    header = zipfile.ZipFile(io.BytesIO(unconvert.write(doc, "docx", context=CONTEXT))).read("word/header2.xml")
    assert f"{TITLE_310[0]}</w:t></w:r><w:r><w:br/></w:r>".encode() in header


@pytest.mark.parametrize(
    ("title", "first"),
    [
        (
            "在《21世纪议程》基础上为执行《2030年可持续发展议程》促进可持续消费和生产模式",
            "在《21世纪议程》基础上为执行《2030年可持续发展议程》",
        ),
        ("基于社区的初级卫生保健：采取参与式和包容性办法促进实现全民健康覆盖", "基于社区的初级卫生保健：采取参与式"),
    ],
)
def test_a_chinese_running_head_breaks_between_words(title: str, first: str) -> None:
    """A Chinese title too wide for the running head breaks after punctuation or 的, or before a conjunction or an
    opening mark, not wherever the width falls (``消|费``, ``覆|盖``: A/RES/77/162, 77/287)."""
    doc = unconvert.read(SEED)
    doc = replace(doc, meta=replace(doc.meta, language=Language.ZH, title=title))
    family, typo = family_for(Language.ZH), typography_for(Language.ZH)
    setup = Setup(furniture(doc), family, typo, profile_for(Language.ZH))
    lines = running_title_lines(setup, Style(family.bold, typo.head))
    texts = ["".join(piece.text for piece in line.pieces) for line in lines]
    assert texts[0] == first and "".join(texts) == title
