"""Make an ODS-style text dump from a UN printed PDF, for the layout documents whose Word file is not at hand.

    python scripts/dump_from_un_pdf.py ../shared/corpus/layout/A_RES_72_312.pdf -o tests/data/layout/

The corpus has only the UN's printed PDFs of A/RES/72/309, 312 and 313 (no Word file, no dump). This script reads
the words of the PDF with their positions (poppler's ``pdftotext -bbox-layout``) and writes them in the layout of
an ODS dump (``/work/shared/docs/ODS_DUMP.md``): the main story one line per paragraph, tabs where the UN template
has them (``\\t1.\\t``, ``\\t(a)\\t``, ``\\tRecalling …``), footnote marks glued to the text before them; the
footnote story (``1 See …``); the header story (footnote separators, the running heads of even and odd pages
as printed, the page footers, the masthead fused as Word's dump fuses it, the first page's job line and
barcode). It has no comment story: the ODS job number is not printed (A/RES/72/310's is N1828182E for the printed
18-15053), and nothing is made up.

What it knows of the page (positions in points from the top of the Letter page, as the UN prints resolutions):
the masthead above the session line, running heads above 70 pt, the page footer below 740 pt, footnotes under
the short rule, a paragraph's first line indented from the text column, a number followed by its text on the
same baseline, closing lines flush right, a table's rows between the heading row and the end of the annex (its
cells and rows fused on one line, as the dumps of the Word track and the ODS dumps fuse a whole table).
Paragraph breaks are read from indents and gaps; line breaks inside a paragraph are lost (the text is reflowed),
as are italics, which the dump format does not hold either.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

HEAD_BOTTOM = 70.0  # running heads stand above this
FOOT_TOP = 740.0  # page footers (and the first page's job line) stand below this
MARK_HEIGHT = 8.0  # a word lower than this inside body text is a raised footnote mark
GLUE_GAP = 0.15  # words closer than this share of their height were one word (``Glo bal``, ``zero -tolerance``)


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Line:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y(self) -> float:
        return max(w.y1 for w in self.words if w.height >= MARK_HEIGHT) if self.body_words else self.words[0].y1

    @property
    def body_words(self) -> list[Word]:
        return [w for w in self.words if w.height >= MARK_HEIGHT]

    @property
    def height(self) -> float:
        return max((w.height for w in self.words), default=0.0)

    def text(self) -> str:
        out = ""
        previous: Word | None = None
        for word in self.words:
            raised = word.height < MARK_HEIGHT and word.text.isdigit() and previous is not None
            hyphen = word.text.startswith("-") and previous is not None and word.x0 - previous.x1 < 3
            share = GLUE_GAP if word.height >= 10 else GLUE_GAP * 2 / 3  # small text: tighter spaces
            glued = previous is not None and word.x0 - previous.x1 < share * word.height
            if previous is not None and not raised and not hyphen and not glued:
                out += " "
            out += word.text
            previous = word
        return out


@dataclass
class Page:
    number: int
    lines: list[Line] = field(default_factory=list)


def read_pages(pdf: Path) -> list[Page]:
    """The PDF's words grouped into lines by baseline (a number and its text, set apart by a tab, are one line)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages: list[Page] = []
    for number, chunk in enumerate(out.stdout.split("<page ")[1:], 1):
        words = [
            Word(float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', chunk
            )
        ]
        lines: list[Line] = []
        marks = [w for w in words if w.height < MARK_HEIGHT and not w.text.startswith("_")]
        for word in sorted((w for w in words if w not in marks), key=lambda w: (w.y1, w.x0)):
            line = next((line for line in lines if abs(line.words[0].y1 - word.y1) < 1.5), None)
            if line is None:
                lines.append(Line([word]))
            else:
                line.words.append(word)
        for mark in marks:
            # a raised mark belongs to the line whose baseline is just under it; a note's marker to its note
            under = [line for line in lines if 0 <= line.words[0].y1 - mark.y1 < 6]
            if under:
                min(under, key=lambda line: line.words[0].y1 - mark.y1).words.append(mark)
            else:
                lines.append(Line([mark]))
        for line in lines:
            line.words.sort(key=lambda w: w.x0)
        lines.sort(key=lambda line: (max(w.y1 for w in line.words), line.x0))
        pages.append(Page(number, lines))
    return pages


def column_left(pages: list[Page]) -> float:
    """The text column's left edge: the commonest start of body lines."""
    starts: dict[float, int] = {}
    for page in pages:
        for line in page.lines:
            if HEAD_BOTTOM < line.y < FOOT_TOP and 10.5 <= line.height <= 12.5:
                starts[round(line.x0, 0)] = starts.get(round(line.x0, 0), 0) + 1
    return max(starts, key=lambda k: starts[k])


@dataclass
class Dump:
    main: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    even_head: list[str] = field(default_factory=list)
    odd_head: list[str] = field(default_factory=list)
    even_foot: str = ""
    odd_foot: str = ""
    masthead: list[str] = field(default_factory=list)
    first_foot: list[str] = field(default_factory=list)

    def text(self) -> str:
        header = ["_" * 15, "", "-" * 60, "", "-" * 15, "", "-" * 60, ""]
        header += [*self.even_head, "", "", *self.odd_head, "", "", self.even_foot, "", "", self.odd_foot, "", ""]
        header += [*self.masthead, "", "", "", *self.first_foot, "", ""]
        return "\n".join([*self.main, "", *self.notes, *header]) + "\n"


_NUMBER = re.compile(r"^(\d+\.|\([a-z]{1,3}\)|\([ivx]+\))$")
_SECTION = re.compile(r"^[IVX]+$|^[A-Z]\.$")


def convert(pdf: Path) -> str:
    pages = read_pages(pdf)
    left = column_left(pages)
    dump = Dump()
    paragraph: list[str] | None = None  # the open paragraph's pieces
    preface_seen = False
    in_annex = False
    row: list[tuple[float, float, str]] = []  # the open table row's pieces: column start, baseline, text
    columns: list[float] = []  # the open table's column starts
    table_at: list[int] = []  # the main story's table lines (a table's rows are fused on its one line)

    def flush_row() -> None:
        if row:
            cells = []
            for start in sorted(columns):
                pieces = [text for x, _, text in sorted(row, key=lambda p: p[1]) if _column(x, columns) == start]
                if pieces:
                    cells.append(_joined(pieces))
            if table_at and table_at[-1] == len(dump.main) - 1:
                dump.main[-1] += "".join(cells)  # the whole table on one line, as the Word track's dumps fuse it
            else:
                dump.main.append("".join(cells))
                table_at.append(len(dump.main) - 1)
            row.clear()

    last_y = 0.0

    def close() -> None:
        nonlocal paragraph
        flush_row()
        if paragraph is not None and paragraph[0].startswith("\t\t") and not preface_seen:
            dump.main.append(_joined(paragraph))
            paragraph = None
            dump.main.append("")
            return
        if paragraph is not None:
            dump.main.append(_joined(paragraph))
            paragraph = None

    for page in pages:
        lines = page.lines
        rule = next((line.y for line in lines if line.text().startswith("_____")), FOOT_TOP)
        top = HEAD_BOTTOM
        if page.number == 1:
            # the masthead: the symbol, authority, organ, distribution and date, above the session line
            session_line = next(line for line in lines if line.x0 < left - 20 and line.y > 150)
            top = session_line.y - 5
            mast = [line for line in lines if line.y < top]
            words = [w for line in mast for w in line.words]
            symbol = "".join(w.text for w in sorted(words, key=lambda w: w.x0) if w.x0 > left + 300 and w.y1 < 65)
            authority = " ".join(w.text for w in words if w.text in ("United", "Nations") and w.y1 < 65)
            organ = next(line.text() for line in mast if "Assembly" in line.text() or "Council" in line.text())
            distr = next(line.text() for line in mast if line.text().startswith("Distr"))
            rest = [line.text() for line in mast if line.x0 > left + 100 and line.y > 70]
            rest = [t for t in rest if not t.startswith("Distr")]
            dump.masthead = [f"{authority}{symbol} {organ}{distr}", *rest]
            dump.first_foot = [" ".join(line.text() for line in lines if line.y > FOOT_TOP and "*" not in line.text())]
            dump.first_foot += [line.text() for line in lines if line.y > FOOT_TOP and "*" in line.text()]
            dump.first_foot[0] = re.sub(r"\)\s+", ")    ", dump.first_foot[0])
        else:
            heads = [w for line in lines if line.y < HEAD_BOTTOM for w in line.words]
            symbol = "".join(w.text for w in heads if "/" in w.text and re.match(r"^[A-Z]/", w.text))
            titles = _lines_of([w for w in heads if not ("/" in w.text and re.match(r"^[A-Z]/", w.text))])
            foot = " ".join(line.text() for line in lines if line.y > FOOT_TOP)
            if page.number % 2 == 0 and not dump.even_head and titles:
                dump.even_head = [symbol + titles[0], *titles[1:]]
                dump.even_foot = foot
            if page.number % 2 == 1 and not dump.odd_head and titles:
                dump.odd_head = [*titles[:-1], titles[-1] + symbol]
                dump.odd_foot = foot
        # footnotes: under the rule, a raised marker opens each
        for line in lines:
            if rule < line.y < FOOT_TOP and not line.text().startswith("_____"):
                marker = line.words[0]
                if marker.height < MARK_HEIGHT and marker.text.isdigit():
                    dump.notes.append(f"{marker.text} {Line(line.words[1:]).text()}")
                elif dump.notes:
                    dump.notes[-1] += " " + line.text()
        # the body
        for line in lines:
            if not (top < line.y < rule) or line.text().startswith("_____"):
                continue
            text = line.text()
            gap = line.y - last_y
            last_y = line.y
            first = line.words[0]
            if in_annex and line.height < 10.5:  # a table's line: 8-pt text in cells
                if gap > 12:
                    if paragraph is not None:
                        close()
                    flush_row()
                for x, piece in _segments(line):
                    if _column(x, columns) is None:
                        columns.append(x)
                    row.append((x, line.y, piece))
                continue
            if re.fullmatch(r"Annex(es)?( [IVX]+)?", text) and line.height > 12:
                close()
                dump.main += ["", text, ""]
                paragraph = ["\t\t"]
                in_annex = True
                columns.clear()
                continue
            annex_title = in_annex and paragraph is not None and paragraph[0].startswith("\t\t")
            if annex_title and paragraph is not None and (paragraph == ["\t\t"] or (line.height > 12 and gap < 20)):
                # the annex's title, on as many lines as it takes
                paragraph = ["\t\t" + text] if paragraph == ["\t\t"] else [paragraph[0] + " " + text]
                continue
            centred = abs((line.x0 + line.x1) / 2 - (left + 365 / 2)) < 15 and line.x1 - line.x0 < 300
            if line.x0 < left - 20:  # the session and agenda lines, the preface's number
                close()
                if _NUMBER.match(first.text) is None and not re.match(r"^\d+/\d+\.", first.text):
                    dump.main.append(text)
                else:
                    dump.main.append("")
                    paragraph = ["\t" + first.text + "\t" + Line(line.words[1:]).text()]
                    preface_seen = True
                continue
            if line.x0 > left + 200 and line.x1 > left + 330:  # closing lines, flush right
                if paragraph is not None:
                    close()
                    dump.main.append("")
                dump.main.append(text)
                continue
            if len(line.words) > 1 and _NUMBER.match(first.text) and line.x0 > left:
                close()
                paragraph = ["\t" + first.text + "\t" + Line(line.words[1:]).text()]
                continue
            if centred and (_SECTION.match(text) or line.height > 12):
                close()
                paragraph = ["\t\t" + text]
                continue
            if not preface_seen and line.x0 <= left + 5:  # the adoption and committee lines, set off by two tabs
                if line.height > 12 and paragraph is not None and paragraph[0].startswith("\t\t") and gap < 20:
                    # the adoption line's second printed line, on a line of its own as a manual break is written
                    # (the Word track's A/RES/72/10 and 72/14 break it so)
                    dump.main.append(_joined(paragraph))
                    paragraph = [text]
                    continue
                close()
                dump.main.append("")
                paragraph = ["\t\t" + text]
                continue
            if line.x0 > left + 5 or gap > 20:
                close()
                paragraph = [("\t" if line.x0 > left + 5 else "") + text]
                continue
            if paragraph is None:
                paragraph = [text]
            else:
                paragraph.append(text)
    close()
    return dump.text()


def _segments(line: Line) -> list[tuple[float, str]]:
    """A table line's pieces, one per cell: words more than 4 pt apart stand in different cells."""
    out: list[list[Word]] = [[line.words[0]]]
    for a, b in zip(line.words, line.words[1:], strict=False):
        if b.x0 - a.x1 > 4:
            out.append([b])
        else:
            out[-1].append(b)
    return [(words[0].x0, Line(words).text()) for words in out]


def _column(x: float, columns: list[float]) -> float | None:
    """The column start ``x`` falls on (within 5 pt), if any."""
    return next((c for c in columns if abs(c - x) < 5), None)


def _lines_of(words: list[Word]) -> list[str]:
    """Words grouped into lines by baseline, top to bottom."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.y1, w.x0)):
        line = next((line for line in lines if abs(line.words[0].y1 - word.y1) < 1.5), None)
        if line is None:
            lines.append(Line([word]))
        else:
            line.words.append(word)
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return [line.text() for line in lines]


def _joined(pieces: list[str]) -> str:
    out = pieces[0]
    for piece in pieces[1:]:
        out += piece if out.endswith("-") and not out.endswith(" -") else " " + piece
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path, nargs="+")
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for pdf in args.pdf:
        target = args.out / f"{pdf.stem}.txt"
        target.write_text(convert(pdf), encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main()
