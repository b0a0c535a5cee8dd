"""Render our PDF and DOCX of the layout documents beside the UN's printed PDF, into ``docs/img/``.

    PYTHONPATH=src python scripts/screenshots.py [--corpus ../shared/corpus] [--dpi 60]

For each UN PDF in ``corpus/layout/`` whose ODS dump is at hand (``corpus/word/<id>.txt``: A/RES/72/310; else the
dump made from the UN's PDF, ``tests/data/layout/<id>.txt``: 309, 312 and 313, whose Word files are not in the
corpus), it writes
our PDF, renders the same pages of both with ``pdftoppm`` and puts them side by side, the UN's on the left:
``docs/img/layout-<id>-p<n>.png`` for the first page, the second and the last. Run it after a change to the paged
writers and commit the images with the change, so that ``docs/layout.md`` shows what the writers do now.
Needs poppler-utils only (the images are put together here, as PPM in and PNG out, without an imaging library).
"""

from __future__ import annotations

import argparse
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import unconvert
from unconvert.context import Context

ROOT = Path(__file__).resolve().parent.parent
GAP = 12  # white pixels between the two pages


def render(pdf: Path, page: int, dpi: int, out: Path) -> tuple[int, int, bytes]:
    """Page ``page`` of ``pdf`` as (width, height, RGB bytes)."""
    stem = out / f"{pdf.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)], check=True
    )
    data = stem.with_suffix(".ppm").read_bytes()
    fields = data.split(maxsplit=4)  # P6 width height maxval pixels
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][-(width * height * 3) :]


def side_by_side(left: tuple[int, int, bytes], right: tuple[int, int, bytes]) -> bytes:
    """The two images next to each other, as a PNG."""
    (lw, lh, lpix), (rw, rh, rpix) = left, right
    width, height = lw + GAP + rw, max(lh, rh)
    white = b"\xff"
    rows = []
    for y in range(height):
        a = lpix[y * lw * 3 : (y + 1) * lw * 3] if y < lh else white * (lw * 3)
        b = rpix[y * rw * 3 : (y + 1) * rw * 3] if y < rh else white * (rw * 3)
        rows.append(b"\x00" + a + white * (GAP * 3) + b)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    out_dir = ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for un_pdf in sorted((args.corpus / "layout").glob("*.pdf")):
            dump = args.corpus / "word" / f"{un_pdf.stem}.txt"
            if not dump.exists():
                dump = ROOT / "tests" / "data" / "layout" / f"{un_pdf.stem}.txt"  # made from the UN's PDF
            if not dump.exists():
                print(f"{un_pdf.stem}: no dump, skipped")
                continue
            ours = work / f"ours-{un_pdf.stem}.pdf"
            ours.write_bytes(unconvert.write(unconvert.read(dump), "pdf", context=Context.fixed()))
            theirs, mine = pages(un_pdf), pages(ours)
            print(f"{un_pdf.stem}: UN {theirs} pages, ours {mine}")
            for page in sorted({1, 2, theirs}):
                if page > mine:
                    continue
                image = side_by_side(render(un_pdf, page, args.dpi, work), render(ours, page, args.dpi, work))
                target = out_dir / f"layout-{un_pdf.stem}-p{page}.png"
                target.write_bytes(image)
                print(f"  {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
