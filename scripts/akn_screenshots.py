#!/usr/bin/env python3
"""Page 1 of the UN's own AKN4UN file of GA resolution 77/125, in the six languages, as our PDF and our DOCX
(rendered by LibreOffice), into ``docs/img/akn-<lang>-{pdf,docx}.png`` for the README.

    PYTHONPATH=src python scripts/akn_screenshots.py [--dpi 40]

Needs poppler-utils (pdftoppm) and LibreOffice (soffice) for the DOCX.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

import unconvert
from unconvert.context import Context

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("eng", "fra", "spa", "rus", "ara", "zho")


def page_one(pdf: Path, png: Path, dpi: int) -> None:
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf), str(stem)],
                   check=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dpi", type=int, default=40)
    args = parser.parse_args()
    context = Context.fixed()
    images = ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for language in LANGUAGES:
            document = unconvert.read(ROOT / "tests" / "data" / "akn4un" / f"A_RES_77_125_{language}.akn.xml")
            pdf = work / f"{language}.pdf"
            pdf.write_bytes(unconvert.write(document, "pdf", context=context))
            page_one(pdf, images / f"akn-{language}-pdf.png", args.dpi)
            docx = work / f"{language}-docx.docx"
            docx.write_bytes(unconvert.write(document, "docx", context=context))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                           check=True, capture_output=True)  # fmt: skip
            page_one(work / f"{language}-docx.pdf", images / f"akn-{language}-docx.png", args.dpi)


if __name__ == "__main__":
    main()
