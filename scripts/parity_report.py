"""The parity of the corpus's language versions (``unconvert parity``), and why each set that disagrees does.

Runs ``unconvert.parity.compare`` on every set of language versions in ``../shared/corpus/akn4un`` (the dumps of one
document in two to six languages) and writes ``docs/parity.md``: how many sets agree, and for each set that does not,
what differs and whose the difference is, from ``EXPLAINED`` below (read from the files by hand).

    python scripts/parity_report.py            # rewrite docs/parity.md
    python scripts/parity_report.py --check    # exit 1 if docs/parity.md is not what the corpus gives now

``--check`` also fails when a set disagrees without an explanation, or an explanation names a set that agrees (a
fix made it stale): the document stays true as the reader changes.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "akn4un"
DOC = ROOT / "docs" / "parity.md"
LANGUAGES = ("eng", "fra", "spa", "rus", "ara", "zho")

# Whose a difference is: the UN's file (a typo, a layout the other versions do not share), the UN's translation
# (the versions say the same thing differently), or ours (the reader's structure, our reading of a reference).
UN_FILE, UN_TRANSLATION, READER, READING = "UN file", "UN translation", "our reader", "our reference reading"

EXPLAINED: dict[str, list[tuple[str, str]]] = {
    "77/A_RES_77_121": [
        (UN_FILE, "fr prints A/AC/105/1260 and A/AC/105/1138 for A/AC.105/…, A/64/20 for A/62/20 (paras 3, 14, 16)"),
        (
            UN_FILE,
            "es note 22 (para 42) reads `Ibid., párr. 409` after note 21's A/72/20, where the others cite the "
            "seventy-seventh session's report A/77/20",
        ),
    ],
    "77/A_RES_77_134": [(UN_FILE, "zh breaks para 14 in two Word paragraphs mid-sentence (`…本决议的` / `执行情况…`)")],
    "77/A_RES_77_162": [(UN_FILE, "fr cites A/77/23 where the others cite A/77/3 (pp 5)")],
    "77/A_RES_77_170": [(UN_FILE, "ar prints resolution 74/255 for 74/225 (pp 1)")],
    "77/A_RES_77_218": [
        (
            UN_TRANSLATION,
            "zh sets the note marks 10–12 of para 3 otherwise between points (a) and (b), so note 11 and "
            "the E/RES/1989/65 it cites fall in (a)",
        ),
    ],
    "77/A_RES_77_236": [(UN_FILE, "ru prints resolution 76/6 for 76/7 (pp 7)")],
    "77/A_RES_77_256_A-B": [
        (
            UN_FILE,
            "part B, section II: each file repeats the headings `A.`/`B.` of its subsections in another order "
            "(en after the recitals, fr and es before them, zh once)",
        ),
    ],
    "77/A_RES_77_326": [(UN_FILE, "ar prints 73/72 for 72/73 and 14/76 for 76/14 (pp 5, 6)")],
    "77/A_RES_77_76": [(UN_FILE, "ar prints `NPT.CONF.2000/28 (Part III)` and `(Part IV)`, a full stop for a slash")],
    "80/A_RES_80_110": [
        (
            READING,
            "en, es, ru, ar print `decision 78/560` without `its`, which we never tie to an organ; fr `sa "
            "décision`, zh (which drops `its`) are linked A/DEC/78/560. Its form says it (the Assembly numbers its "
            "decisions <session>/401–599, no other body does), but the UN's files link no decision (no gold holds "
            "an A/DEC symbol): reading the form lowers the scorer's English refs below its floor",
        ),
        (
            UN_FILE,
            "fr prints MEPC.83/17 for MEPC 83/17 (para 224) and UNEP/CBD/COP/13/25 for CBD/COP/13/25 (para 255), "
            "and sets note 150 in para 263 where the others set it in para 264; es prints decision A.32/4.4 for "
            "A-32/4.4 (para 283), which reads as a symbol",
        ),
    ],
    "80/A_RES_80_162": [
        (
            UN_FILE,
            "fr and es print the subpoints (i)–(v) of annex para 1 (c) run on in one paragraph (`i) … ; ii) …`), "
            "the others one a line",
        ),
    ],
    "80/A_RES_80_191": [
        (UN_FILE, "fr prints A/HCR/59/35 for A/HRC/59/35; ar prints `A /80/181` (a space) in note 29"),
    ],
    "80/A_RES_80_214": [
        (UN_FILE, "zh prints A/77/53/Add.1 for A/79/53/Add.1 (pp 1)"),
        (UN_TRANSLATION, "ar and es give the report's symbol E/2025/62 in a note of pp 7, the others do not"),
    ],
    "80/A_RES_80_220": [(UN_FILE, "fr prints resolution 55/22 for 55/21 (para 10)")],
    "80/A_RES_80_222": [(UN_FILE, "ar prints the special session's resolution S-35/1 as `دإ-1/35`")],
    "80/A_RES_80_243": [
        (UN_FILE, "ar prints section XX's number and title in one paragraph (`⇥⇥عشرين الميزانية الإجمالية …`)"),
        (
            READING,
            "ar `78/254 ألف إلى جيم` (A to C, section XIV) is read as 78/254, the others' `A to C` as A/RES/78/254A-C: "
            "the UN's Arabic file links it A/RES/78/254, and reading the range lowers the scorer's Arabic refs",
        ),
    ],
    "80/A_RES_80_43": [
        (
            READING,
            "zh `见第60/519号决定` in a note: Chinese drops `its`, so an unnamed decision is the Assembly's; en "
            "`See decision 60/519` is tied to no organ and stays text (its form is the Assembly's: see 80/110)",
        ),
    ],
    "80/A_RES_80_5": [(UN_FILE, "es prints resolution 79/323 for 79/233 (annex para 20)")],
    "80/A_RES_80_81": [(UN_FILE, "fr prints A/HCR/55/73 for A/HRC/55/73 (pp 11)")],
    "80/A_RES_80_84_A-B": [
        (
            UN_FILE,
            "zh marks part A's only operative paragraph `敦促…：` (Urges all countries …:) as a recital, as its "
            "AKN does (Chinese opens both parts with 敦促); fr has no closing lines after part A",
        ),
        (
            UN_FILE,
            "fr prints A/HCR/47/25 for A/HRC/47/25 (B pp 15) and A/AC.198/2024/2–4 for A/AC.198/2025/2–4 (B para 23)",
        ),
    ],
    "gadec76/A_DEC_76_559": [(UN_TRANSLATION, "ar `إذ تشير إلى قرارها المؤرخ 9 أيار/مايو 2019` leaves 73/292 out")],
    "gadec78/A_DEC_78_556": [
        (
            UN_FILE,
            "ar sets the annex's list of organizations as a table whose cells the dump runs together; the "
            "others as paragraphs, es numbered (`1.` … `999.`), the others not",
        ),
    ],
    "sc2020/S_RES_2531_2020": [
        (
            UN_TRANSLATION,
            "fr names `le Comité faisant suite aux résolutions 1267 (1999), 1989 (2011) et 2253 (2015)`, "
            "the others `the 1267/1989/2253 … Committee`, whose numbers cite no resolution as printed",
        ),
    ],
    "sc2020/S_RES_2553_2020": [
        (
            UN_FILE,
            "ar runs pp 3 and 4 together in one paragraph (`… A/RES/70/1 …، وإذ يسلم بأن التنمية والسلام …`), so "
            "its recitals after it are one behind the others'",
        ),
    ],
    "sc2020/S_RES_2557_2020": [
        (
            UN_TRANSLATION,
            "fr names `le Comité … résolutions 1267 (1999) et 1988 (2011)`, the others the `1988 Committee`",
        ),
    ],
    "sc2022/S_RES_2624_2022": [(UN_FILE, "en prints resolution 2140 (2140) for 2140 (2014) (para 14)")],
    "sc2022/S_RES_2654_2022": [
        (
            UN_TRANSLATION,
            "en, ru, ar, zh cite `resolutions 1325 and 2250` without their years (an SC number without "
            "its year is never guessed); fr and es give the years",
        ),
        (UN_FILE, "ar prints 2602 (2121) for 2602 (2021) (para 10)"),
    ],
    "sc2024/S_RES_2729_2024": [
        (UN_TRANSLATION, "fr gives the report's symbol S/2023/135 in pp 8, the others do not"),
        (UN_FILE, "zh sets the heading `报告：` before para 22 as a body paragraph (one tab), the others as a heading"),
    ],
    "sc2025/S_RES_2805_2025": [(UN_FILE, "ar prints resolution 1645 (2015) for 1645 (2005) (pp 2)")],
}


def corpus_sets() -> dict[str, list[Path]]:
    """The sets of language versions: ``<folder>/<document>`` -> its dumps (two languages at least)."""
    sets: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(CORPUS.glob("*/*/*.txt")):
        if path.parent.name in LANGUAGES:
            sets[f"{path.parent.parent.name}/{path.stem.rsplit('_', 1)[0]}"].append(path)
    return {name: paths for name, paths in sorted(sets.items()) if len(paths) >= 2}


def compare_set(paths: list[Path]) -> list[tuple[str, str, str]]:
    """The disagreements of one set: (language, where, what)."""
    import unconvert
    from unconvert.parity import compare

    report = compare([unconvert.read(p) for p in paths])
    return [(d.language, d.where, d.what) for d in report.disagreements]


def render(results: dict[str, list[tuple[str, str, str]]]) -> str:
    disagreeing = {name: found for name, found in results.items() if found}
    agree = len(results) - len(disagreeing)
    whose: dict[str, int] = defaultdict(int)
    for name in disagreeing:
        for kind in {kind for kind, _ in EXPLAINED.get(name, [])}:
            whose[kind] += 1
    ours = {READER, READING}
    only_un = sum(1 for name in disagreeing if not ours & {kind for kind, _ in EXPLAINED.get(name, [("?", "")])})
    lines = [
        "# Parity of the corpus's language versions",
        "",
        "`unconvert parity` compares the language versions of one document (parts, preambular and operative",
        "paragraphs with their numbers, points, notes, annexes, tables, the documents each paragraph cites). This page",
        "is written by `scripts/parity_report.py` from `../shared/corpus/akn4un`; `--check` fails when it is no longer",
        "what the corpus gives, or when a set disagrees without an explanation here.",
        "",
        f"**{agree} of {len(results)} sets agree ({100 * agree / len(results):.1f} %).** Of the {len(disagreeing)} "
        "that do not, the differences are (a set may have several):",
        "",
        *(f"- {kind}: {whose[kind]} sets" for kind in (UN_FILE, UN_TRANSLATION, READER, READING)),
        "",
        f"So {agree + only_un} of {len(results)} sets ({100 * (agree + only_un) / len(results):.1f} %) agree or "
        f"differ only where the UN's versions do; {len(disagreeing) - only_un} differ (also) by our doing.",
        "",
        "A UN file difference is one the versions really have (a typo in a symbol, a layout one version does not",
        "share): parity is right to report it. A UN translation difference says the same thing in other words (a",
        "report's symbol given in one version only). Ours are the reader's or the reference finder's, still to fix.",
        "",
        "| set | languages | what parity reports (first) | whose | why |",
        "|---|---|---|---|---|",
    ]
    for name, found in disagreeing.items():
        languages = ", ".join(sorted({language for language, _, _ in found}))
        first = f"{found[0][0]}: {found[0][1]}: {found[0][2]}"[:140].replace("|", "\\|")
        more = f" (+{len(found) - 1})" if len(found) > 1 else ""
        for i, (kind, why) in enumerate(EXPLAINED.get(name, [("?", "not explained")])):
            lead = (f"{name}", languages, first + more) if i == 0 else ("", "", "")
            cells = (*lead, kind, why.replace("|", "\\|"))
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if docs/parity.md is stale")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    sets = corpus_sets()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = dict(zip(sets, pool.map(compare_set, sets.values(), chunksize=4), strict=True))
    problems = [f"{name}: disagrees, not explained" for name, got in results.items() if got and name not in EXPLAINED]
    problems += [f"{name}: explained, but agrees now" for name in EXPLAINED if not results.get(name)]
    text = render(results)
    if args.check:
        if DOC.read_text(encoding="utf-8") != text:
            problems.append(f"{DOC.relative_to(ROOT)} is stale: run python scripts/parity_report.py")
    else:
        DOC.write_text(text, encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
