"""Check the PDF writer's page rules over a whole corpus: no widow or orphan line, no line break at a no-break space.

    PYTHONPATH=src python scripts/check_pdf_layout.py ../shared/corpus [--limit N]

For every ODS dump under the folder it writes the PDF and reports (1) each paragraph split across pages that leaves
fewer than two lines on either side (a widow or an orphan; allowed only when the paragraph starts on an empty page
that cannot hold it), (2) each printed line break between two words the source always joins with a no-break space
(U+00A0, U+202F, U+2007; Latin and Cyrillic scripts, whose lines the text layer gives in reading order). Exits 1
when it finds any.
"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import sys
from pathlib import Path
from typing import Any

from pypdf import PdfReader

import unconvert
from unconvert.context import Context
from unconvert.tree import Document, Footnote, Language, find_all, plain_text
from unconvert.writers.pdf import flowables, write

NO_BREAK = "\u00a0\u202f\u2007"


def note_starts(doc: Document) -> set[tuple[str, ...]]:
    """Each footnote's marker with the first word of its text, as a note's first printed line begins."""
    starts = set()
    for note in find_all(doc, Footnote):
        words = plain_text(note.paragraphs[0]).split() if note.paragraphs else []
        starts.add((note.marker.strip(), *words[:1]))
    return starts


def joined_pairs(text: str) -> set[tuple[str, str]]:
    """The words ``text`` always joins with a no-break space, never with a plain one."""
    joined = {(m.group(1), m.group(2)) for m in re.finditer(rf"(\S+)[{NO_BREAK}]+(?=(\S+))", text)}
    plain = {(m.group(1), m.group(2)) for m in re.finditer(r"([^\s]+)[ \t\n]+(?=([^\s]+))", text)}
    return joined - plain


def check(path: Path, splits: list[tuple[int, int, bool]]) -> list[str]:
    """The problems of ``path``'s PDF."""
    splits.clear()
    text = path.read_text(encoding="utf-8")
    doc = unconvert.read(path)
    pdf = write(doc, context=Context.fixed())
    problems = [
        f"{'orphan' if head < flowables.ORPHAN else 'widow'}: a paragraph split {head}/{tail} lines"
        for head, tail, at_top in splits
        if not at_top and (head < flowables.ORPHAN or tail < flowables.WIDOW)
    ]
    pairs = joined_pairs(text)
    if pairs and doc.meta.language not in (Language.ZH, Language.AR):
        printed = [
            line.split()
            for page in PdfReader(io.BytesIO(pdf)).pages
            for line in page.extract_text().splitlines()
            if line.split()
        ]
        notes = note_starts(doc)
        for before, after in itertools.pairwise(printed):
            if tuple(after[:2]) in notes:
                continue  # the next line starts a footnote: no line break of the text
            if (before[-1], after[0]) in pairs:
                problems.append(f"line break at a no-break space: {before[-1]!r} / {after[0]!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    splits: list[tuple[int, int, bool]] = []
    original = flowables.TextBlock.split

    def recording(self: Any, width: float, height: float) -> list[Any]:
        parts = original(self, width, height)
        if parts:
            splits.append((len(parts[0]._lines), len(parts[1]._lines), self._at_top()))
        return parts

    flowables.TextBlock.split = recording  # type: ignore[method-assign]
    paths = sorted(args.corpus.rglob("*.txt"))
    paths = [p for p in paths if not p.name.startswith("README")][: args.limit or None]
    bad = 0
    for path in paths:
        problems = check(path, splits)
        for problem in problems:
            print(f"{path}: {problem}")
        bad += bool(problems)
    print(f"{len(paths)} documents, {bad} with a widow, an orphan or a break at a no-break space")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
