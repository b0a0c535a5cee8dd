"""Harvest the opening phrases of resolutions from the UN's own AKN4UN files, and write them into the language modules.

The phrases a reader recognises at the start of a preambular paragraph (``Recalling also``) or of an operative one
(``Takes note``) are what the UN itself marks in its Akoma Ntoso files:

- preambular: the ``name`` of each ``<container>`` of the ``<preamble>`` (``<container name="Recalling also">``);
- operative: the ``<span>`` (italic; bold italic in Arabic, bold in Chinese) that opens each numbered
  ``<paragraph>`` of the ``<mainBody>`` (its ``<num>``, or in Arabic the number printed before the span).

The sources are the AKN4UN files of ``SOURCES`` (GA sessions 77 and 80, SC 2023, GA decisions 77, ECOSOC 2024, in the
six languages) under ``<corpus>/akn4un``. Phrases are whitespace-folded, their trailing punctuation dropped, and
listed longest first (then in code-point order; the reader's matcher is indifferent to the order). Then
``CORRECTIONS`` apply: phrases to drop (harvesting noise, the UN's markup errors) and to move (a phrase marked in the
wrong part), and phrases to add, which the harvest does not give but the reader needs.

Each language module (``src/unconvert/un/languages/<code>.py``) holds the lists between the lines ``BEGIN`` and
``END`` below; this script rewrites that block only.

    python scripts/harvest_phrases.py --check     # how the harvest compares with the committed lists
    python scripts/harvest_phrases.py --write     # rewrite the blocks from the harvest
    python scripts/harvest_phrases.py --write --language xx     # one module only

A new language: add its module with an empty block (the two markers) and run ``--write --language`` with its code;
its AKN4UN folder is named by its ISO 639-2 code (``Language.iso639_2``).

Two rules keep harvesting noise out, besides ``CORRECTIONS``: a paragraph in one of the UN's heading styles
(``class="H23"``: ``D. Hardship allowance and mobility incentive``) has no opening phrase, and a name with a digit
is a citation (``Официальные отчеты …, Дополнение № 53A``), not a phrase.

The committed lists are this script's output (``tests/test_harvest_phrases.py`` checks it when the corpus is there).
Measured when the lists were first generated (issue #10), against the UN's own markup of the AKN4UN sets that are
not among ``SOURCES`` (held out: GA 75, 76, 78, 79, SC 2020-22 and 2024-25, GA decisions 76 and 78, ECOSOC
2021-23 and 2025): preambular container names agreeing with the UN's 3,220 -> 3,239 of 3,491, operative opening
phrases 4,047 -> 4,065 of 4,221; the scorer's metrics unchanged on all 1,280 corpus documents. The per-language
losses (at most 3) are the UN's own inconsistency: its Security Council files mark ``Expresando`` in one resolution
and ``Expresando grave preocupación`` in the next.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from unconvert.tree import Language

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ROOT / "src" / "unconvert" / "un" / "languages"
CORPUS = ROOT.parent / "shared" / "corpus"

SOURCES = ("77", "80", "sc2023", "gadec77", "ecosoc2024")
# The AKN4UN folder of each language module: the language's ISO 639-2 code, as the tree knows it.
FOLDERS = {language.value: language.iso639_2 for language in Language}

BEGIN = "# BEGIN GENERATED opening phrases (scripts/harvest_phrases.py writes this block: do not edit it by hand)"
END = "# END GENERATED opening phrases"

_TRAILING = " ,;:，：،؛.\u00a0"
# The UN's Word heading styles (``H1``, ``H23``), which its AKN files keep as a paragraph's class.
_HEADING_STYLE = re.compile(r"H\d+")
_ARABIC_NUMBER = re.compile(r"\s*\d+\s*[-–]\s*")  # ``1 -<tab>`` before an Arabic paragraph's span


@dataclass(frozen=True)
class Corrections:
    """What the harvest gets wrong, per language: phrases to drop from a part, to move from the preamble to the
    operative part, and to add to a part."""

    drop_preambular: tuple[str, ...] = ()
    drop_operative: tuple[str, ...] = ()
    move_to_operative: tuple[str, ...] = ()
    add_preambular: tuple[str, ...] = ()
    add_operative: tuple[str, ...] = ()


# Added by hand (issue #8): phrases the harvest does not give, because the UN marks them only in files outside
# ``SOURCES`` (``Remaining concerned``, ``Fait sienne``), or because issue #8 names them, or no phrase grammar of the
# language takes them (``Pays tribute``-like phrases, Arabic verbs in the masculine of the Security Council).
CORRECTIONS: dict[str, Corrections] = {
    "en": Corrections(
        drop_preambular=("Takes note",),  # operative (the UN's markup)
        add_preambular=(
            "Remaining deeply concerned",
            "Remaining concerned",
            "Deploring also",
            "Emphasising",
            "Calling on",
            "Confirming",
            "Demanding",
            "Calling",
        ),
        # issue #13: single verbs of the UN's operative repertoire that the harvested sessions happen not to use
        # (the bundled example's ``Proposes``); the reader guessed them right, with a warning for each
        add_operative=(
            "Renews its commitment",
            "Also condemns",
            "Declares",
            "Directs",
            "Rejects",
            "Accepts",
            "Amends",
            "Confirms",
            "Designates",
            "Hopes",
            "Proclaims",
            "Proposes",
            "Recommits",
            "Renews",
            "Revises",
            "Transmits",
            "Trusts",
        ),
    ),
    "fr": Corrections(
        drop_preambular=("Réaffirman",),  # a word cut short
        drop_operative=("Bureau de la gestion des investissements",),  # a name
        add_preambular=("Exprimant",),
        add_operative=("Fait siennes", "Fait sienne", "Fait siens", "Charge"),
    ),
    "es": Corrections(
        drop_preambular=("Toma nota",),  # operative (the UN's markup)
        add_preambular=("Exigiendo", "Guiado"),
        add_operative=("Hace suyos", "Declara", "Encarga"),
    ),
    "ru": Corrections(
        drop_operative=("Управление инвестиций",),  # a name
        add_preambular=("вновь обращаясь", "отдавая должное", "вновь призывая", "требуя"),
        add_operative=("вновь выражает", "требует также"),
    ),
    "ar": Corrections(
        drop_preambular=("إذ", "وإذ"),  # the particle alone: a span cut before its verb
        add_preambular=(
            "إذ يسترشد",
            "وإذ يطالب",
            "وإذ يعترف",
            "وإذ تعرب",
            "وإذ يدرك",
            "وإذ يدعو",
            "وإذ يشجع",
            "وإذ يشيد",
            "وإذ يهيب",
            "وقد نظر",
        ),
        add_operative=("يطالب", "يلاحظ", "يدعو", "يدين", "يسلم", "يشجع", "يوعز"),
    ),
    # ``正式决定`` (Resolves) is operative only: the UN's Chinese file of 77/266 has it in the preamble, the other
    # languages' files have ``Resolves that:`` as an operative paragraph.
    "zh": Corrections(
        move_to_operative=("正式决定",),
        drop_preambular=("深",),  # a span cut short (深为关切, 深信 …)
        drop_operative=("再次",),  # a span cut before its verb (再次表示 …)
        add_preambular=("再次促请", "再次呼吁", "提醒", "要求"),
        add_operative=("宣布", "批款", "指示"),
    ),
}
# Containers of every language that are no phrase: a table, a citation (``United Nations, Treaty Series``).
_NOISE = ("table", "Treaty Series")


def _is_noise(phrase: str) -> bool:
    """A container name or span that is no opening phrase: a listed noise word, or a citation (a phrase with a
    digit: ``Официальные отчеты Генеральной Ассамблеи, … Дополнение № 53A``, ``… Report 2024``)."""
    return phrase in _NOISE or any(ch.isdigit() for ch in phrase)


@dataclass
class Harvest:
    """The phrases of one language, as marked in the UN's files."""

    preambular: set[str] = field(default_factory=set)
    operative: set[str] = field(default_factory=set)


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(_TRAILING).strip()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def harvest_file(path: Path, into: Harvest) -> None:
    """Add the phrases the UN marks in one AKN4UN file."""
    root = ET.parse(path).getroot()
    for element in root.iter():
        name = _local(element.tag)
        if name == "preamble":
            for container in element.iter():
                if _local(container.tag) == "container" and container.get("name"):
                    phrase = _clean(container.get("name", ""))
                    if phrase:
                        into.preambular.add(phrase)
        elif name == "mainBody":
            for paragraph in element.iter():
                if _local(paragraph.tag) == "paragraph":
                    phrase = _operative_phrase(paragraph)
                    if phrase:
                        into.operative.add(phrase)


def _operative_phrase(paragraph: ET.Element) -> str:
    if _HEADING_STYLE.fullmatch(paragraph.get("class", "")):
        return ""  # a section heading set in the paragraph's span (``D. Hardship allowance …``), not a phrase
    numbered = any(_local(child.tag) == "num" for child in paragraph)
    content = next((child for child in paragraph if _local(child.tag) == "content"), None)
    if content is None:
        return ""
    first = next((child for child in content if _local(child.tag) == "p"), None)
    if first is None or len(first) == 0 or _local(first[0].tag) != "span":
        return ""
    before = first.text or ""
    if before.strip() and not (_ARABIC_NUMBER.fullmatch(before) and not numbered):
        return ""
    if not numbered and not before.strip():
        return ""
    return _clean("".join(first[0].itertext()))


def harvest(corpus: Path, sources: Iterable[str] = SOURCES) -> dict[str, Harvest]:
    """The phrases of every language module's AKN4UN folder in ``sources``, before corrections."""
    out = {code: Harvest() for code in FOLDERS}
    for source in sources:
        for code, folder in FOLDERS.items():
            for path in sorted((corpus / "akn4un" / source / folder).glob("*.akn.xml")):
                harvest_file(path, out[code])
    return out


def ordered(phrases: Iterable[str]) -> tuple[str, ...]:
    """Longest first, then in code-point order."""
    return tuple(sorted(set(phrases), key=lambda p: (-len(p), p)))


def corrected(code: str, found: Harvest) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The (preambular, operative) lists of ``code`` after ``CORRECTIONS``."""
    fix = CORRECTIONS.get(code, Corrections())
    preambular = {p for p in found.preambular if not _is_noise(p)}
    preambular -= set(fix.drop_preambular) | set(fix.move_to_operative)
    operative = {p for p in found.operative if not _is_noise(p)} - set(fix.drop_operative)
    operative |= set(fix.move_to_operative) & set(found.preambular)
    return ordered(preambular | set(fix.add_preambular)), ordered(operative | set(fix.add_operative))


def generated(corpus: Path) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """What ``--write`` would write, per language module: (preambular, operative)."""
    found = harvest(corpus)
    return {code: corrected(code, found[code]) for code in FOLDERS}


# --- the block in the language modules ------------------------------------------------------------------------------


def render(preambular: tuple[str, ...], operative: tuple[str, ...]) -> str:
    """The generated block, as ``ruff format`` keeps it."""
    lines = [BEGIN]
    for name, phrases in (("PREAMBULAR", preambular), ("OPERATIVE", operative)):
        lines.append(f"{name}: tuple[str, ...] = (")
        lines += [f"    {_literal(p)}," for p in phrases]
        lines.append(")")
    lines.append(END)
    return "\n".join(lines) + "\n"


def _literal(phrase: str) -> str:
    return f'"{phrase}"' if '"' not in phrase and "\\" not in phrase else repr(phrase)


def _block_span(text: str) -> tuple[int, int]:
    start = text.index(BEGIN)
    end = text.index(END, start) + len(END) + 1
    return start, end


def committed(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The (preambular, operative) lists the module of ``code`` holds now."""
    text = (LANGUAGES / f"{code}.py").read_text(encoding="utf-8")
    start, end = _block_span(text)
    values: dict[str, tuple[str, ...]] = {}
    for node in ast.parse(text[start:end]).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            values[node.target.id] = tuple(ast.literal_eval(node.value))
    return values.get("PREAMBULAR", ()), values.get("OPERATIVE", ())


def write(code: str, preambular: tuple[str, ...], operative: tuple[str, ...]) -> bool:
    """Rewrite the block of ``code``'s module; whether it changed."""
    path = LANGUAGES / f"{code}.py"
    text = path.read_text(encoding="utf-8")
    start, end = _block_span(text)
    new = text[:start] + render(preambular, operative) + text[end:]
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus (with akn4un/)")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="compare the harvest with the committed lists")
    action.add_argument("--write", action="store_true", help="rewrite the generated blocks")
    parser.add_argument("-v", "--verbose", action="store_true", help="with --check: list the differing phrases")
    parser.add_argument(
        "--language", action="append", choices=sorted(FOLDERS), help="only this language module (repeatable)"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "akn4un").is_dir():
        parser.error(f"no AKN4UN files under {args.corpus}")
    lists = {code: found for code, found in generated(args.corpus).items() if code in (args.language or FOLDERS)}
    if args.write:
        for code, (preambular, operative) in lists.items():
            if write(code, preambular, operative):
                print(f"{code}: rewritten")
        return 0
    same = True
    for code, new in lists.items():
        old = committed(code)
        for part, harvested, listed in zip(("preambular", "operative"), new, old, strict=True):
            missing, extra = sorted(set(listed) - set(harvested)), sorted(set(harvested) - set(listed))
            status = "same" if not (missing or extra) else f"{len(missing)} not harvested, {len(extra)} not listed"
            print(f"{code} {part}: {len(listed)} listed, {len(harvested)} harvested: {status}")
            if args.verbose and (missing or extra):
                print(f"    listed, not harvested: {missing}")
                print(f"    harvested, not listed: {extra}")
            same = same and not (missing or extra) and tuple(listed) == tuple(harvested)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
