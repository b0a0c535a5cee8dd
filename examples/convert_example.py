"""Convert the bundled example to every format from Python, and show what the reader found.

python examples/convert_example.py [OUTDIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import unconvert

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    out.mkdir(parents=True, exist_ok=True)
    source = HERE / "A_RES_64_183.txt"
    doc = unconvert.read(source)
    print(f"{doc.meta.symbol}: {doc.meta.title}")
    print(f"adopted {doc.meta.adoption_date}, issued {doc.meta.issue_date}, language {doc.meta.language.value}")
    for diagnostic in doc.diagnostics:
        print(f"  {diagnostic}")
    for fmt, ext in (("akn", ".xml"), ("text", ".txt"), ("docx", ".docx"), ("pdf", ".pdf")):
        target = out / f"{source.stem}{ext}"
        target.write_bytes(unconvert.write(doc, fmt))
        print(f"wrote {target}")
    unconvert.validate(out / f"{source.stem}.xml")
    print("the AKN validates against the official XSD")


if __name__ == "__main__":
    main()
