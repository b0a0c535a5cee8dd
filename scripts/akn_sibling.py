#!/usr/bin/env python3
"""The scorer's ``--cmd`` for the AKN reader: for each ODS dump named, read the UN's AKN beside it
(``<stem>.akn.xml``) and write it as AKN to ``OUTDIR/<stem>.xml``.

    score.py CORPUS --cmd "python scripts/akn_sibling.py {inputs} {outdir}" --chunk 60

(no shell in ``--cmd``). A file that cannot be read or written is reported on standard error and left out, so the
scorer counts it as failed; the exit status is 1 then.
"""

from __future__ import annotations

import sys
from pathlib import Path

import unconvert
from unconvert.errors import UnconvertError


def main(argv: list[str]) -> int:
    *inputs, outdir = argv
    status = 0
    for name in inputs:
        dump = Path(name)
        stem = dump.name[: -len(".txt")] if dump.name.endswith(".txt") else dump.stem
        try:
            data = unconvert.convert(dump.with_name(stem + ".akn.xml"), "akn", format="akn")
        except UnconvertError as exc:
            print(f"{dump}: {exc}", file=sys.stderr)
            status = 1
            continue
        (Path(outdir) / (stem + ".xml")).write_bytes(data)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
