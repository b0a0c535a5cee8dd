"""The references the scorer's ``refs`` metric counts as missed or extra, by class and language.

For every corpus document whose gold lists the UN documents its source links (``refs``), reads the dump with
``unconvert.read`` and compares the symbols of its ``SymbolRef`` nodes (what every writer links) with the gold, the
way ``../shared/tools/score.py`` does (no blanks, upper case, a bare ``75/291`` as ``A/RES/75/291``). Each miss is
shown with the words the UN's own file links and what stands before them (its AKN4UN file, or its Word file's
hyperlinks), each extra with the line of the dump it stands on; both are put in a class by their form, so that the
largest classes stand out:

    PYTHONPATH=src python scripts/refs_misses.py                 # counts per class and language
    PYTHONPATH=src python scripts/refs_misses.py --show missed:A/RES --language spa     # and the cases of a class

The classes are rough (the symbol's series and a few telltale words); reading the cases says whose a miss is.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import zipfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
_UNDOCS = re.compile(r"https?://(?:www\.)?undocs\.org/(?:(?:en|fr|es|ru|ar|zh|ch)/)?(.+)$", re.I)
_LINK = re.compile(r'<a [^>]*href="([^"]*undocs\.org[^"]*)"[^>]*>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def key(symbol: str) -> str:
    """The scorer's one spelling of a symbol."""
    symbol = re.sub(r"\s+", "", symbol).upper()
    return "A/RES/" + symbol if re.fullmatch(r"\d+/\d+", symbol) else symbol


def _url_key(url: str) -> str | None:
    from urllib.parse import unquote

    found = _UNDOCS.match(html.unescape(url).strip())
    return key(unquote(found.group(1))) if found else None


def un_links(dump: Path) -> dict[str, list[str]]:
    """What the UN's own file links to each symbol: ``key -> ["…words before [linked words]"]``."""
    out: dict[str, list[str]] = defaultdict(list)
    akn = dump.with_name(dump.stem + ".akn.xml")
    docx = dump.with_suffix(".docx")
    if akn.exists():
        raw = akn.read_text(encoding="utf-8")
        for match in _LINK.finditer(raw):
            symbol = _url_key(match.group(1))
            if symbol:
                before = " ".join(
                    html.unescape(_TAG.sub(" ", raw[max(0, match.start() - 400) : match.start()])).split()
                )
                out[symbol].append(f"…{before[-70:]} [{html.unescape(_TAG.sub('', match.group(2)))}]")
    elif docx.exists():
        with zipfile.ZipFile(docx) as z:
            for part in ("word/document.xml", "word/footnotes.xml"):
                if part not in z.namelist():
                    continue
                rels_name = part.replace("word/", "word/_rels/") + ".rels"
                rels = z.read(rels_name).decode("utf-8") if rels_name in z.namelist() else ""
                targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
                targets.update({i: t for t, i in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
                raw = z.read(part).decode("utf-8")
                for match in re.finditer(r'<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>(.*?)</w:hyperlink>', raw, re.S):
                    symbol = _url_key(targets.get(match.group(1), ""))
                    if symbol:
                        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", match.group(2)))
                        before = "".join(
                            re.findall(r"<w:t[^>]*>([^<]*)</w:t>", raw[max(0, match.start() - 3000) : match.start()])
                        )
                        out[symbol].append(f"…{html.unescape(before)[-70:]} [{html.unescape(text)}]")
    return out


def compare(dump_path: str) -> dict[str, object]:
    """One document's missed and extra symbols, each with where it stands."""
    import unconvert
    from unconvert.tree import SymbolRef, find_all

    dump = Path(dump_path)
    gold = json.loads(dump.with_name(dump.stem + ".gold.json").read_text(encoding="utf-8"))
    want = {key(s) for s in gold["refs"]}
    document = unconvert.read(dump)
    lines = dump.read_text(encoding="utf-8").splitlines()
    ours: dict[str, list[str]] = defaultdict(list)
    for node in find_all(document, SymbolRef):
        line = lines[node.line - 1] if node.line and node.line <= len(lines) else ""
        at = line.find(node.text)
        context = line[max(0, at - 70) : at] if at >= 0 else line[:70]
        ours[key(node.symbol)].append(f"…{context} [{node.text}]")
    links = un_links(dump)
    missed = {s: links.get(s, [])[:2] for s in sorted(want - set(ours))}
    extra = {s: ours[s][:2] for s in sorted(set(ours) - want)}
    hit = len(want & set(ours))
    return {
        "id": dump.stem,
        "lang": dump.stem.rsplit("_", 1)[-1] if dump.parent.name != "word" else "eng",
        "f1": 2 * hit / (len(want) + len(ours)),
        "missed": missed,
        "extra": extra,
    }


def kind(symbol: str, where: list[str]) -> str:
    """A rough class of a symbol: its series, and for a resolution or decision how it is numbered."""
    words = " ".join(where)
    if re.fullmatch(r"A/RES/\d+\([IVXLC]+\)", symbol) or re.fullmatch(r"A/RES/\d+\((?:E?S-)?[IVXLC]+\)", symbol):
        form = "A/RES n (session)"
    elif re.fullmatch(r"A/RES/(?:E?S-)?\d+/\d+[A-Z](?:-[A-Z])?", symbol):
        form = "A/RES n/n part"
    elif re.fullmatch(r"A/RES/(?:E?S-)?\d+/\d+", symbol):
        form = "A/RES n/n"
    elif symbol.startswith("A/DEC/"):
        form = "A/DEC"
    elif symbol.startswith("S/RES/"):
        form = "S/RES"
    elif symbol.startswith("E/RES/") or symbol.startswith("E/DEC/"):
        form = "E/RES|DEC"
    elif symbol.startswith("A/HRC/RES/") or symbol.startswith("A/HRC/DEC/"):
        form = "A/HRC/RES|DEC"
    elif symbol.startswith("SP/"):
        form = "SP/ (scorer)"
    else:
        form = "document"
    if not where:
        form += " (not linked in the UN file's text)"
    elif "[" in words and re.search(r"\[[^\]]*\b(?:Add|Corr|Rev)\.", words):
        form += " (addendum)"
    return form


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--language", help="only this language (eng, fra, spa, rus, ara, zho)")
    parser.add_argument("--show", help="print the cases of one class: missed:<class prefix> or extra:<class prefix>")
    parser.add_argument("--json", help="write every document's misses here")
    args = parser.parse_args(argv)
    dumps = sorted(
        str(p)
        for p in CORPUS.glob("**/*.txt")
        if p.with_name(p.stem + ".gold.json").exists()
        and json.loads(p.with_name(p.stem + ".gold.json").read_text(encoding="utf-8")).get("refs")
    )
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(compare, dumps, chunksize=8))
    if args.language:
        results = [r for r in results if r["lang"] == args.language]
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    means: dict[str, list[float]] = defaultdict(list)
    counts: Counter[tuple[str, str, str]] = Counter()
    for result in results:
        means[str(result["lang"])].append(float(result["f1"]))  # type: ignore[arg-type]
        for side in ("missed", "extra"):
            for symbol, where in result[side].items():  # type: ignore[attr-defined]
                counts[(str(result["lang"]), side, kind(symbol, where))] += 1
    print("refs F1 per language:", {k: round(sum(v) / len(v), 4) for k, v in sorted(means.items())})
    for language in sorted(means):
        print(f"\n== {language}")
        for (lang, side, form), n in sorted(counts.items(), key=lambda kv: -kv[1]):
            if lang == language:
                print(f"  {n:4d}  {side:6s} {form}")
    if args.show:
        side, _, prefix = args.show.partition(":")
        print(f"\n== {args.show}")
        for result in results:
            for symbol, where in result[side].items():  # type: ignore[attr-defined]
                if kind(symbol, where).startswith(prefix):
                    print(f"{result['id']}: {symbol}: {' | '.join(where)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
