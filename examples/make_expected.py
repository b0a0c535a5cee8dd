"""Regenerate ``examples/expected/``: what the bundled seed converts to, with the markup date 2026-01-01.

    python examples/make_expected.py

``tests/test_examples.py`` checks that these files stay what the code produces.
"""

from __future__ import annotations

import json
from pathlib import Path

import unconvert
from unconvert.context import Context
from unconvert.tree import to_json

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = HERE / "expected"
    out.mkdir(exist_ok=True)
    context = Context.fixed(2026, 1, 1)
    doc = unconvert.read(HERE / "A_RES_64_183.txt")
    for fmt, suffix in (("akn", ".akn.xml"), ("text", ".text.txt"), ("docx", ".docx"), ("pdf", ".pdf")):
        (out / f"A_RES_64_183{suffix}").write_bytes(unconvert.write(doc, fmt, context=context))
    tree = json.dumps(to_json(doc), ensure_ascii=False, indent=1) + "\n"
    (out / "A_RES_64_183.json").write_text(tree, encoding="utf-8")


if __name__ == "__main__":
    main()
