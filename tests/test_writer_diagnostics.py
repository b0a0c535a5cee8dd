"""Writers report what they had to adapt: the context's sink, ``unconvert.render``, the CLI and the batch report.

A writer plugin here reports one warning per document (and one without the format's prefix), so that the
plumbing is tested apart from what the built-in writers report (tests/test_akn_writer.py, test_text_writer.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import unconvert
from conftest import SAMPLE_CORPUS, SEED, examples, install_writer_plugin
from strategies import documents
from test_batch import few
from unconvert import registry
from unconvert.batch import convert_many, read_report
from unconvert.batch_cli import main as batch_main
from unconvert.cli import main as cli_main
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic, Severity
from unconvert.tree import Document

NOTE = (
    "from unconvert.diagnostics import Diagnostic\n"
    "def write(document, *, context):\n"
    "    context.report(Diagnostic.warning('note-adapted', 'adapted ' + document.meta.symbol, line=7))\n"
    "    context.report(Diagnostic.info('note-fact', 'a fact'))\n"
    "    return document.meta.symbol.encode()\n"
)


@pytest.fixture(autouse=True)
def _forget_plugins() -> Iterator[None]:
    yield
    registry._plugins.cache_clear()


@pytest.fixture
def note(tmp_path: Path, monkeypatch: Any) -> str:
    """The name of an installed writer plugin that reports a warning and an info for every document."""
    install_writer_plugin(tmp_path, monkeypatch, "note", NOTE)
    return "note"


def test_a_context_without_a_sink_drops_reports_and_with_one_hands_them_over() -> None:
    context = Context.fixed()
    context.report(Diagnostic.warning("x-y", "dropped"))  # nobody asked: nothing happens, nothing is kept
    found: list[Diagnostic] = []
    sinking = context.with_sink(found.append)
    sinking.report(Diagnostic.warning("x-y", "kept", line=3))
    assert [(d.code, d.line) for d in found] == [("x-y", 3)]
    assert sinking == context  # the sink is not part of what a context is
    assert context.sink is None


def test_render_returns_the_bytes_of_write_and_the_writer_diagnostics_prefixed_with_the_format(note: str) -> None:
    document = unconvert.read(SEED)
    shared = Context.fixed()
    first = unconvert.render(document, note, context=shared)
    assert isinstance(first, unconvert.Rendered)
    assert first.format == "note"
    assert first.data == unconvert.write(document, note, context=shared) == b"A/RES/64/183"
    assert [(d.severity, d.code, d.line) for d in first.diagnostics] == [
        (Severity.WARNING, "note-adapted", 7),
        (Severity.INFO, "note-fact", None),
    ]
    second = unconvert.render(document, note, context=shared)
    assert second.diagnostics == first.diagnostics  # a shared context never accumulates across calls


def test_render_also_feeds_a_sink_the_caller_put_on_the_context_and_resolves_aliases(note: str) -> None:
    document = unconvert.read(SEED)
    seen: list[Diagnostic] = []
    rendered = unconvert.render(document, note, context=Context.fixed().with_sink(seen.append))
    assert tuple(seen) == rendered.diagnostics
    written = unconvert.write(document, note, context=Context.fixed().with_sink(seen.append))
    assert written == rendered.data and len(seen) == 4 and all(d.code.startswith("note-") for d in seen)
    assert unconvert.render(document, "txt", context=Context.fixed()).format == "text"


def test_convert_prints_writer_diagnostics_like_the_reader_ones_and_q_silences_them(
    note: str, tmp_path: Path, capsys: Any
) -> None:
    out = tmp_path / "out.bin"
    assert cli_main(["convert", str(SEED), "-t", note, "-o", str(out)]) == 0  # warnings never change the status
    err = capsys.readouterr().err
    assert f"{SEED}:7: warning: adapted A/RES/64/183 [note-adapted]" in err
    assert f"{SEED}: info: a fact [note-fact]" in err
    assert out.read_bytes() == b"A/RES/64/183"
    assert cli_main(["convert", str(SEED), "-t", note, "-q", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""


def test_the_batch_reports_writer_diagnostics_per_document_and_format_and_fail_on_warnings_counts_them(
    note: str, tmp_path: Path
) -> None:
    sources = [str(p) for p in few(3)]
    out = tmp_path / "out"
    run = convert_many(sources, to=["text", note], out=out, jobs=1)
    results = list(run)
    assert results and all(r.status == "warnings" for r in results)
    for result in results:
        assert any(d.code == "note-adapted" and d.line == 7 for d in result.diagnostics)
    assert run.summary.formats["note"].warned == len(results)
    assert run.summary.formats["text"].warned == 0
    for record in read_report(str(out / "report.jsonl")):
        mine = [d for d in record["diagnostics"] if d["format"] == "note"]
        assert [(d["severity"], d["code"], d["line"]) for d in mine] == [
            ("warning", "note-adapted", 7),
            ("info", "note-fact", None),
        ]
        assert all(d["format"] is None for d in record["diagnostics"] if not d["code"].startswith("note-"))


def test_fail_on_warnings_counts_writer_warnings(note: str, tmp_path: Path) -> None:
    """A dump the reader has no warning for passes ``--fail-on warnings`` with ``text`` and fails it once a
    writer reports a warning."""
    clean = str(SAMPLE_CORPUS / "akn4un" / "77" / "eng" / "A_RES_77_125_eng.txt")
    assert not [d for d in unconvert.read(clean).diagnostics if d.severity is Severity.WARNING]
    for fmt, status in (("text", 0), (f"text,{note}", 1)):
        out = tmp_path / fmt.replace(",", "_")
        assert batch_main([clean, "-t", fmt, "-o", str(out), "-j", "1", "-q", "--fail-on", "warnings"]) == status
        assert batch_main([clean, "-t", fmt, "-o", str(out), "-j", "1", "-q", "--fail-on", "failed"]) == 0


@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_a_diagnostic_is_information_never_a_change_of_output(doc: Document) -> None:
    """On random trees, what the AKN and text writers return is the same whether anyone listens or not, and each
    diagnostic they report names its format."""
    for fmt in ("akn", "text"):
        rendered = unconvert.render(doc, fmt, context=Context.fixed())
        assert rendered.data == unconvert.write(doc, fmt, context=Context.fixed())
        assert all(d.code.startswith(f"{fmt}-") for d in rendered.diagnostics)
