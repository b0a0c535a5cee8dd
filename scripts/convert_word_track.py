"""Convert the Word originals of the scorer's Word track: ``convert_word_track.py [--via-writer] OUTDIR INPUT.txt...``.

The scorer (``../shared/tools/score.py``) runs its command on the ``.txt`` dumps that have gold beside them; the
Word track has the original ``<id>.docx`` beside each dump. This converts that ``.docx`` with the DOCX reader and
the AKN writer into ``OUTDIR/<id>.xml``, so that the scorer's gold measures the DOCX reader:

    python ../shared/tools/score.py ../shared/corpus/word \\
        --cmd "python scripts/convert_word_track.py {outdir} {inputs}" --chunk 40 --jobs 2

A dump without a ``.docx`` beside it, or one the reader refuses, is reported on standard error and left out (the
scorer counts it as a failed run).

``--via-writer`` reads, instead of an original, the Word file unconvert's own DOCX writer makes from the dump (ODS
reader -> DOCX writer -> DOCX reader -> AKN): the whole corpus, in its six languages, through the Word reader.
"""

from __future__ import annotations

import sys
from pathlib import Path

import unconvert
from unconvert.errors import UnconvertError


def main(argv: list[str]) -> int:
    via_writer = argv[:1] == ["--via-writer"]
    argv = argv[1:] if via_writer else argv
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = Path(argv[0])
    outdir.mkdir(parents=True, exist_ok=True)
    status = 0
    for name in argv[1:]:
        source = Path(name).with_suffix(".docx")
        try:
            if via_writer:
                written = unconvert.write(unconvert.read(Path(name)), "docx")
                document = unconvert.read(written, format="docx", name=f"{source.stem}.docx")
            else:
                document = unconvert.read(source, format="docx")
            (outdir / f"{source.stem}.xml").write_bytes(unconvert.write(document, "akn"))
        except (OSError, UnconvertError) as exc:
            print(f"{source}: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
