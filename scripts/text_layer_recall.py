"""Measure the PDF text layer as a reader gets it: pdftotext's word recall against the gold paragraphs, per language.

    PYTHONPATH=src python scripts/text_layer_recall.py ../shared/corpus [--step N] [--per-language N] [--show]

For every ODS dump with a ``.gold.json`` beside it, the PDF is written and read back with poppler's ``pdftotext``
(what search, indexing and most "PDF to text" tools use). Word recall is the share of the gold paragraphs' words
(a multiset) found among the extracted words; order recall is the same over pairs of neighbouring words, so a line
given backwards (Arabic in display order) or words out of sequence count as misses. Words are runs of letters,
digits and marks after NFKC folding (Arabic presentation forms become letters); Chinese, written without spaces,
counts each ideograph as a word (and a run of other letters or digits between them as one), and each pair of
neighbouring words as a pair, lines joined first (a printed line may end anywhere). The issue's bar (#12): word
recall ≥ 0.99 in every language.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import unconvert
from unconvert.context import Context
from unconvert.writers.pdf import write

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]|[^\u2e80-\u9fff\uf900-\ufaff]+")
_CJK_LINE_END = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])\n+(?=\S)")
# Arabic diacritics (harakat) and the tatweel are not drawn by the PDF writer (it removes them when shaping); the
# bidi controls (pdftotext puts them around right-to-left runs) and marks print nothing and do not end a word
_IGNORED = re.compile(r"[\u064b-\u065f\u0670\u0640\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def words(text: str, cjk: bool) -> list[str]:
    """The words of ``text``, in order (see the module's docstring)."""
    text = _IGNORED.sub("", unicodedata.normalize("NFKC", text))
    if cjk:
        text = _CJK_LINE_END.sub("", text)
        out: list[str] = []
        for word in _WORD.findall(text):
            out.extend(_CJK.findall(word))
        return out
    return _WORD.findall(text)


def recall(gold: Iterable[str], got: Iterable[str]) -> tuple[int, int]:
    """(found, total) for the multiset ``gold`` in ``got``."""
    want, have = Counter(gold), Counter(got)
    return sum(min(n, have[w]) for w, n in want.items()), sum(want.values())


def pairs(tokens: list[str]) -> list[tuple[str, str]]:
    return list(itertools.pairwise(tokens))


def pdftotext(pdf: bytes) -> str:
    """The text poppler extracts from ``pdf`` (its default mode: reading order per column)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise SystemExit("pdftotext not found: install poppler-utils (scripts/install.sh does)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(pdf)
        tmp.flush()
        done = subprocess.run([exe, "-enc", "UTF-8", tmp.name, "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def measure(path: Path) -> dict[str, object]:
    """Word and pair recall of ``path``'s PDF text layer against its gold paragraphs."""
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    doc = unconvert.read(path)
    cjk = doc.meta.language.value == "zh"
    text = pdftotext(write(doc, context=Context.fixed()))
    got = words(text, cjk)
    found, total = 0, 0
    pair_found, pair_total = 0, 0
    want_all: list[str] = []
    for paragraph in gold["paragraphs"]:
        tokens = words(paragraph, cjk)
        want_all.extend(tokens)
        p_found, p_total = recall(pairs(tokens), pairs(got))
        pair_found += p_found
        pair_total += p_total
    found, total = recall(want_all, got)
    missing = sorted((Counter(want_all) - Counter(got)).elements())
    return {
        "language": doc.meta.language.value,
        "found": found,
        "total": total,
        "pair_found": pair_found,
        "pair_total": pair_total,
        "missing": missing,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="at most N documents in all")
    parser.add_argument("--step", type=int, default=1, help="every N-th document only")
    parser.add_argument("--per-language", type=int, default=0, help="at most N documents of each language")
    parser.add_argument("--show", action="store_true", help="print each document's missing words")
    parser.add_argument("--json", type=Path, help="write the per-document results here")
    args = parser.parse_args()
    paths = sorted(p for p in args.corpus.rglob("*.txt") if p.with_suffix(".gold.json").exists())[:: args.step]
    taken: Counter[str] = Counter()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    results = []
    for path in paths[: args.limit or None]:
        lang = path.stem.rsplit("_", 1)[-1] if path.parent.name != "word" else "word"
        if args.per_language and taken[lang] >= args.per_language:
            continue
        taken[lang] += 1
        try:
            result = measure(path)
        except unconvert.ReadError as exc:
            print(f"{path}: not read: {exc}", file=sys.stderr)
            continue
        result["path"] = str(path)
        results.append(result)
        row = totals[str(result["language"])]
        for i, key in enumerate(("found", "total", "pair_found", "pair_total")):
            row[i] += int(result[key])  # type: ignore[call-overload]
        row[4] += 1
        if args.show and result["missing"]:
            print(f"{path}: {len(result['missing'])} missing: {' '.join(result['missing'][:40])}")  # type: ignore[arg-type]
    print(f"{'language':8} {'docs':>5} {'words':>8} {'recall':>7} {'pairs':>7}")
    worst = 1.0
    for lang, (found, total, pfound, ptotal, docs) in sorted(totals.items()):
        word_recall = found / total if total else 1.0
        worst = min(worst, word_recall)
        print(f"{lang:8} {docs:5d} {total:8d} {word_recall:7.4f} {pfound / ptotal if ptotal else 1.0:7.4f}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if worst >= 0.99 else 1


if __name__ == "__main__":
    sys.exit(main())
