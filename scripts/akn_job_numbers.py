#!/usr/bin/env python3
"""Where the UN's AKN files state the job number, per language: the ``docketNumber`` of the first-page footer
with a value, empty, or absent; and for each file without one whose gold (taken from the dump) has a job number,
whether that number (``22-12345`` or ``2212345``) stands anywhere else in the file.

    python scripts/akn_job_numbers.py [../shared/corpus/akn4un]

The AKN reader takes the job number from the docketNumber only: a file that does not state it leaves it unset.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "akn4un"
_DOCKET = re.compile(r"<docketNumber[^>]*>([^<]*)<")


def count(files: list[Path]) -> Counter[str]:
    found: Counter[str] = Counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        found["files"] += 1
        docket = _DOCKET.search(text)
        if docket and docket.group(1).strip():
            found["docketNumber with a value"] += 1
            continue
        found["docketNumber empty" if docket else "no docketNumber"] += 1
        gold = path.with_name(path.name.replace(".akn.xml", ".gold.json"))
        job = json.loads(gold.read_text(encoding="utf-8"))["meta"].get("job_number") if gold.exists() else None
        if not job:
            found["  gold has no job number either"] += 1
        elif re.search(re.escape(job) + "|" + job.replace("-", ""), text):
            found["  gold's job number elsewhere in the file"] += 1
        else:
            found["  gold's job number nowhere in the file"] += 1
    return found


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    for language in ("eng", "fra", "spa", "rus", "ara", "zho"):
        found = count(sorted(corpus.glob(f"*/{language}/*.akn.xml")))
        print(language, ", ".join(f"{key.strip()}: {value}" for key, value in found.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
