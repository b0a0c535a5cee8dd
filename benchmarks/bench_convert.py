"""Per-document conversion time, in one warm process, over the dev corpus.

    python benchmarks/bench_convert.py [CORPUS_DIR] [--formats akn,text,docx,pdf] [--repeat 3] [--cpu] [--baselines N]

Reads every ``<id>.txt`` under CORPUS_DIR (default ``../shared/corpus``, else ``tests/data/corpus``) into memory,
warms the process up (schema compiled, fonts registered), then times, per document, the read and each writer, and
prints medians, 90th percentiles and documents per second, then each writer's median and mean per language. The
acceptance figure for the foundation is the median of read + AKN + text.

``--cpu`` times with the process's CPU clock rather than the wall clock: on a machine shared with other work the
wall clock counts the time the process waits for a core.

``--baselines N`` also measures, side by side in the same run on the first N documents: pandoc (Debian) turning each
document's Markdown into DOCX, and LibreOffice headless turning our DOCX into PDF — tools a user might reach for
instead, so our figures can be quoted as ratios against them (these machines are noisy; absolute numbers are not).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import unconvert
from unconvert.context import Context
from unconvert.tree import (
    Document,
    OperativeParagraph,
    Para,
    Point,
    PreambularParagraph,
    RawBlock,
    Section,
    Table,
    plain_text,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data" / "corpus")


def load(corpus: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(corpus.rglob("*.txt")) if p.with_suffix(".gold.json").exists()]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f}"


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def markdown(document: Document) -> str:
    """A plain Markdown rendering of the document, for the pandoc baseline."""
    lines = [f"# {document.meta.symbol}", ""]
    if document.preface:
        lines += [f"**{document.preface.number} {plain_text(document.preface.title)}**", ""]

    def blocks(items: tuple[object, ...], depth: int) -> None:
        for block in items:
            match block:
                case Para(content=c) | PreambularParagraph(content=c):
                    lines.extend([plain_text(c), ""])
                case (
                    OperativeParagraph(num=n, content=c, children=ch, wrap_up=w)
                    | Point(num=n, content=c, children=ch, wrap_up=w)
                ):
                    lines.extend([f"{'    ' * depth}{n or ''} {plain_text(c)}", ""])
                    blocks(ch, depth + 1)
                    if w:
                        lines.extend([plain_text(w), ""])
                case Section(num=n, heading=h, children=ch):
                    lines.extend([f"## {n} {plain_text(h)}", ""])
                    blocks(ch, depth)
                case Table(rows=rows):
                    for row in rows:
                        cells = [" ".join(plain_text(p) for p in cell.paragraphs) for cell in row.cells]
                        lines.append("| " + " | ".join(cells) + " |")
                    lines.append("")
                case RawBlock(text=text):
                    lines.extend([text, ""])

    for part in document.parts:
        if part.preamble:
            lines.extend([plain_text(part.preamble.formula), ""])
            blocks(part.preamble.children, 0)
        blocks(part.body, 0)
    for annex in document.annexes:
        lines.extend([f"## {plain_text(annex.label)}", ""])
        blocks(annex.children, 0)
    return "\n".join(lines)


def run_baselines(documents: list[Document], context: Context) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if shutil.which("pandoc"):
            times = []
            for i, doc in enumerate(documents):
                md = folder / f"d{i}.md"
                md.write_text(markdown(doc), encoding="utf-8")
                start = time.perf_counter()
                subprocess.run(["pandoc", str(md), "-o", str(folder / f"d{i}.pandoc.docx")], check=True)
                times.append(time.perf_counter() - start)
            print(
                f"{'pandoc md->docx':<22}{ms(statistics.median(times))} ms median per document "
                f"({len(times)} documents, one pandoc process each)"
            )
        else:
            print("pandoc md->docx        not installed (apt-get install pandoc)")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            paths = []
            for i, doc in enumerate(documents):
                path = folder / f"d{i}.docx"
                path.write_bytes(unconvert.write(doc, "docx", context=context))
                paths.append(str(path))
            profile = folder / "lo-profile"
            start = time.perf_counter()
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder / "lo"),
                    *paths,
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            per_doc = (time.perf_counter() - start) / len(paths)
            print(
                f"{'LibreOffice docx->pdf':<22}{ms(per_doc)} ms mean per document "
                f"({len(paths)} documents in one soffice run, start-up included)"
            )
        else:
            print("LibreOffice docx->pdf  not installed (apt-get install libreoffice-writer-nogui)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--formats", default="akn,text")
    parser.add_argument("--repeat", type=int, default=3, help="time each document this many times, keep the best")
    parser.add_argument("--cpu", action="store_true", help="time with the process's CPU clock, not the wall clock")
    parser.add_argument("--baselines", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    corpus = args.corpus or next(c for c in DEFAULT_CORPORA if c.is_dir())
    formats = [f for f in args.formats.split(",") if f]
    inputs = load(corpus)
    context = Context.fixed()
    clock = time.process_time if args.cpu else time.perf_counter
    print(
        f"{len(inputs)} documents from {corpus}; formats {','.join(formats)}; best of {args.repeat}; "
        f"{'CPU' if args.cpu else 'wall'} clock; python {sys.version.split()[0]}"
    )

    first = unconvert.read(inputs[0][1], name=inputs[0][0])
    for fmt in formats:
        unconvert.write(first, fmt, context=context)  # warm-up: schema compiled, fonts registered

    read_t: list[float] = []
    write_t: dict[str, list[float]] = {f: [] for f in formats}
    documents: list[Document] = []
    failures = 0
    start_all = time.perf_counter()
    for name, data in inputs:
        try:
            best = float("inf")
            for _ in range(args.repeat):
                start = clock()
                doc = unconvert.read(data, name=name)
                best = min(best, clock() - start)
            read_t.append(best)
            documents.append(doc)
            for fmt in formats:
                best = float("inf")
                for _ in range(args.repeat):
                    start = clock()
                    unconvert.write(doc, fmt, context=context)
                    best = min(best, clock() - start)
                write_t[fmt].append(best)
        except unconvert.UnconvertError as exc:
            failures += 1
            print(f"FAILED {name}: {exc}")
    wall = time.perf_counter() - start_all

    print(f"\n{'stage':<22}{'median ms':>9}{'p90 ms':>9}")
    print(f"{'read (ods)':<22}{ms(statistics.median(read_t))}{ms(quantile(read_t, 0.9))}")
    for fmt in formats:
        print(f"{'write ' + fmt:<22}{ms(statistics.median(write_t[fmt]))}{ms(quantile(write_t[fmt], 0.9))}")
    if {"akn", "text"} <= set(formats):
        foundation = [read_t[i] + write_t["akn"][i] + write_t["text"][i] for i in range(len(read_t))]
        label = "read + akn + text"
        print(f"{label:<22}{ms(statistics.median(foundation))}{ms(quantile(foundation, 0.9))}  (per document)")
    totals = [read_t[i] + sum(write_t[f][i] for f in formats) for i in range(len(read_t))]
    print(f"{'all of the above':<22}{ms(statistics.median(totals))}{ms(quantile(totals, 0.9))}  (per document)")
    languages = sorted({doc.meta.language.value for doc in documents})
    print(f"\n{'per language':<22}" + "".join(f"{lang:>16}" for lang in languages))
    for fmt in formats:
        if len(write_t[fmt]) != len(documents):
            continue  # a writer failed on some document: its times no longer line up with the documents
        cells = []
        for lang in languages:
            times = [t for doc, t in zip(documents, write_t[fmt], strict=True) if doc.meta.language.value == lang]
            cells.append(f"{statistics.median(times) * 1000:7.2f} /{statistics.mean(times) * 1000:7.2f}")
        print(f"{'write ' + fmt + ' med/mean':<22}" + "".join(f"{c:>16}" for c in cells))
    for fmt in formats:
        print(f"{'write ' + fmt + ' mean':<22}{ms(statistics.mean(write_t[fmt]))}  (all documents)")
    print(
        f"\n{len(read_t)} documents converted, {failures} failed; "
        f"{len(read_t) / sum(totals):.1f} documents/s (best-of timings); wall {wall:.1f} s for {args.repeat} rounds"
    )
    if args.baselines:
        print(f"\nbaselines, side by side on the first {args.baselines} documents:")
        sample = documents[: args.baselines]
        for fmt in ("docx", "pdf"):
            if fmt in formats:
                times = [write_t[fmt][i] for i in range(len(sample))]
                print(f"{'unconvert ' + fmt:<22}{ms(statistics.median(times))} ms median per document (in process)")
        run_baselines(sample, context)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
