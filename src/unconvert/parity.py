"""Parity of the language versions of one document: the check a translation service runs before it publishes six.

    >>> import unconvert
    >>> from unconvert.parity import compare
    >>> report = compare([unconvert.read(p) for p in paths])      # any reader: dumps, AKN, Word
    >>> report.agree
    False
    >>> for d in report.disagreements:
    ...     print(d)                                                # A_RES_77_1_fra.txt:42: fr: paragraph 5: …

Each version is reduced to what every language must share (``outline``): its parts; per part the preambular
paragraphs, the operative paragraphs with their numbers and their points (a point's number is its place in the
language's own series: ``(b)``, ``б)``, ``(ب)`` are all the second), sections, the closing lines; the annexes; per
paragraph its footnotes, its tables (rows and cells) and the set of UN documents it cites (``SymbolRef``: the same
symbols in every language). Versions are compared item by item. With three versions or more, the value most of
them give is taken as right and each version that differs is reported; with two, both sides are named.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from unconvert.tree import (
    Annex,
    Block,
    Document,
    Inline,
    OperativeParagraph,
    Para,
    Point,
    PreambularParagraph,
    RawBlock,
    Section,
    SymbolRef,
    Table,
    Text,
    find_all,
    footnotes_in,
)
from unconvert.un.languages import LanguageTable, table_for
from unconvert.un.numbering import section_numeral

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@dataclass(frozen=True, slots=True)
class Disagreement:
    """What one version says differently: its ``language`` and ``name`` (the file), the place (``where``, named as
    a reader of the document would: ``part B, operative paragraph 5 (b)``), its ``line`` in that file, and what
    differs (``what``)."""

    language: str
    name: str
    where: str
    line: int | None
    what: str

    def __str__(self) -> str:
        return f"{self.name}:{self.line or '?'}: {self.language}: {self.where}: {self.what}"

    def as_json(self) -> dict[str, object]:
        return {"language": self.language, "file": self.name, "where": self.where, "line": self.line, "what": self.what}


@dataclass(frozen=True, slots=True)
class Report:
    """The versions compared (their languages and names) and every disagreement found, in document order."""

    languages: tuple[str, ...]
    names: tuple[str, ...]
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def agree(self) -> bool:
        return not self.disagreements

    def as_json(self) -> dict[str, object]:
        return {
            "agree": self.agree,
            "versions": [{"language": lang, "file": n} for lang, n in zip(self.languages, self.names, strict=True)],
            "disagreements": [d.as_json() for d in self.disagreements],
        }


@dataclass(frozen=True, slots=True)
class Item:
    """One place of the outline: its key (the same in every language), its label for people, the source line, and
    what must agree there (notes, references, table shape)."""

    key: str
    label: str
    line: int | None
    notes: int = 0
    references: frozenset[str] = frozenset()
    table: tuple[int, ...] | None = None  # cells per row


@dataclass(slots=True)
class _Outline:
    language: str
    table: LanguageTable
    section_numerals: tuple[str, ...]
    letters: tuple[str, ...]
    spelt_letters: tuple[str, ...]  # Arabic ``ألف``: A
    items: list[Item] = field(default_factory=list)
    text: dict[str, int] = field(default_factory=dict)  # a container's text item: its index in ``items``

    def add(self, key: str, label: str, line: int | None, content: Sequence[tuple[Inline, ...]] = ()) -> None:
        notes = sum(len(footnotes_in(c)) for c in content)
        refs = frozenset(_symbol_key(r.symbol) for c in content for r in _refs(c))
        self.items.append(Item(key, label, line, notes, refs))

    def add_text(self, key: str, label: str, line: int | None, content: Sequence[tuple[Inline, ...]]) -> None:
        """Unnumbered text (an annex's paragraphs, a decision's): how a file cuts it into paragraphs varies with
        the language, so its notes and references are counted together, once per container."""
        notes = sum(len(footnotes_in(c)) for c in content)
        refs = frozenset(_symbol_key(r.symbol) for c in content for r in _refs(c))
        if key not in self.text:
            self.text[key] = len(self.items)
            self.items.append(Item(key, label, line, notes, refs))
            return
        i = self.text[key]
        item = self.items[i]
        self.items[i] = Item(key, item.label, item.line, item.notes + notes, item.references | refs)


def _refs(inlines: tuple[Inline, ...]) -> list[SymbolRef]:
    """The references of a paragraph: its text's and its notes' (a language may set a paragraph's notes in another
    order, so they are counted with the paragraph)."""
    return find_all(inlines, SymbolRef)


def _symbol_key(symbol: str) -> str:
    """A cited document, spelt one way; a corrigendum stands for its document: the UN issues many corrigenda in one
    language only (``A/CONF.157/24 (Part I)/Corr.1`` is cited beside its document in the Chinese versions of
    A/RES/80/185, 80/190, 80/199 …, and by no other version), so citing it or not is no disagreement."""
    return _CORRIGENDUM.sub("", re.sub(r"\s+", "", symbol).upper())


_CORRIGENDUM = re.compile(r"/CORR\.\d+")


def outline(document: Document) -> list[Item]:
    """What every language version of ``document`` must share, as a list of items in document order."""
    language = document.meta.language
    table = table_for(language)
    letters = table.point_letters
    out = _Outline(language.value, table, table.section_numerals, letters, table.subsection_letters)
    for p, part in enumerate(document.parts, 1):
        prefix = f"part {part.label}, " if part.label else (f"part {p}, " if len(document.parts) > 1 else "")
        key = f"P{p}"
        out.add(key, prefix.rstrip(", ") or "the document", part.line, (part.title,))
        for note in part.label_notes:
            out.add(f"{key}/label-note", f"{prefix}the note on its letter", note.line, note.paragraphs)
        if part.preamble is not None:
            for i, block in enumerate(part.preamble.children, 1):
                _block(out, block, f"{key}/pre{i}", f"{prefix}preambular paragraph {i}", letters)
        _blocks(out, part.body, key, prefix, letters)
        if part.conclusions is not None:
            out.add(f"{key}/closing", f"{prefix}the closing lines", part.conclusions.line)
    for a, annex in enumerate(document.annexes, 1):
        _annex(out, annex, a, letters)
    return _unique(out.items)


def _unique(items: list[Item]) -> list[Item]:
    """Keys made unique where a numbering restarts (an annex's paragraphs numbered 1, 2 … under each of its
    headings): the second ``op1`` of a place is ``op1~2``."""
    seen: Counter[str] = Counter()
    out = []
    for item in items:
        seen[item.key] += 1
        n = seen[item.key]
        out.append(
            item if n == 1 else Item(f"{item.key}~{n}", item.label, item.line, item.notes, item.references, item.table)
        )
    return out


def _annex(out: _Outline, annex: Annex, a: int, letters: tuple[str, ...]) -> None:
    key = f"A{a}"
    out.add(key, f"annex {a}", annex.line, annex.headings)
    _blocks(out, annex.children, key, f"annex {a}, ", letters)


def _blocks(out: _Outline, blocks: tuple[Block, ...], key: str, prefix: str, letters: tuple[str, ...]) -> None:
    tables = 0
    for block in _sections_as_read(blocks, out.table):
        number = _number(block.num) if isinstance(block, OperativeParagraph) and block.num else ""
        if number.isdigit():
            _block(out, block, f"{key}/op{number}", f"{prefix}paragraph {number}", letters)
        elif isinstance(block, Table):
            tables += 1
            _block(out, block, f"{key}/table{tables}", f"{prefix}table {tables}", letters)
        elif isinstance(block, Section):
            n = _section_number(block.num, out)
            label = f"{prefix}section {block.num.strip()}"
            out.add(f"{key}/sec{n}", label, block.line, (block.heading,))
            _blocks(out, block.children, f"{key}/sec{n}", f"{label}, ", letters)
        else:
            _text(out, block, f"{key}/text", f"{prefix}text".replace(", text", " (text)"))


def _sections_as_read(blocks: tuple[Block, ...], table: LanguageTable) -> list[Block]:
    """``blocks`` with the sections their files lay out as body paragraphs made sections again.

    The UN's files set a section's number (``I``, ``أولا``, ``一``) and its title either as headings (centred, or
    two tabs) or as body paragraphs (one tab), and the language versions of one resolution do not always agree:
    A/RES/80/110 and 80/243 are headings in Arabic (and Russian) and body paragraphs elsewhere, A/RES/77/259 the
    reverse, A/RES/80/84 B body paragraphs in English only. The readers keep each file's marking (the ODS reader's
    ``part_number_as_paragraph``, the AKN reader's ``<paragraph>``), which the UN's own AKN files follow; the
    outline does not depend on the layout: an unnumbered paragraph whose whole text is a section number opens a
    section, the unnumbered paragraph after it is its title, and what follows is the section's, up to the next
    section of its rank. A section whose title is laid out as its first paragraph (``⇥⇥I`` / ``⇥Title``) gets it
    as its title too."""
    out: list[Block] = []
    opened: tuple[str, int | None, list[Block]] | None = None  # number, line, children
    heading: tuple[Inline, ...] | None = None

    def close() -> None:
        nonlocal opened, heading
        if opened is not None:
            num, line, children = opened
            out.append(Section(num=num, heading=heading or (), children=tuple(children), line=line))
        opened, heading = None, None

    for block in blocks:
        numeral = _numeral_paragraph(block, table)
        if numeral is not None:
            close()
            opened = (numeral, block.line, [])
            continue
        if isinstance(block, Section) and (opened is None or _top_rank(block.num, table)):
            close()
            out.append(_titled(block))
            continue
        if opened is None:
            out.append(block)
        elif heading is None and not opened[2] and (title := _unnumbered_text(block)) is not None:
            heading = title
        else:
            opened[2].append(_titled(block) if isinstance(block, Section) else block)
    close()
    return out


def _titled(section: Section) -> Section:
    """A section with no title whose first child is an unnumbered paragraph: that paragraph is its title."""
    if section.heading or not section.children:
        return section
    title = _unnumbered_text(section.children[0])
    if title is None:
        return section
    return Section(num=section.num, heading=title, children=section.children[1:], line=section.line)


def _unnumbered_text(block: Block) -> tuple[Inline, ...] | None:
    """The content of an unnumbered paragraph with nothing under it, else None."""
    if isinstance(block, OperativeParagraph) and block.num is None and not block.children and not block.wrap_up:
        return block.content
    if isinstance(block, Para):
        return block.content
    return None


def _numeral_paragraph(block: Block, table: LanguageTable) -> str | None:
    """The section number that an unnumbered paragraph holds alone (``I``, ``XIV``, ``أولا``, ``一``), else None."""
    content = _unnumbered_text(block)
    if content is None or len(content) != 1 or not isinstance(content[0], Text):
        return None
    text = content[0].text.strip()
    return text if _top_rank(text, table) else None


def _top_rank(num: str, table: LanguageTable) -> bool:
    """Whether a section number is of the outer rank (roman, or the language's numerals), not a sub-part letter."""
    bare = _bare(num)
    return bool(bare) and (section_numeral(bare, table) is not None or _ROMAN_NUMBER.fullmatch(bare) is not None)


_ROMAN_NUMBER = re.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")


def _text(out: _Outline, block: Block, key: str, label: str) -> None:
    """An unnumbered block, counted with its container's text."""
    match block:
        case Para() | PreambularParagraph():
            out.add_text(key, label, block.line, (block.content,))
        case OperativeParagraph() | Point():
            out.add_text(key, label, block.line, (block.content, block.wrap_up))
            for child in block.children:
                _text(out, child, key, label)
        case Section():
            out.add_text(key, label, block.line, (block.heading,))
            for child in block.children:
                _text(out, child, key, label)
        case Table():
            content = [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
            out.add_text(key, label, block.line, content)
        case RawBlock():
            pass


def _section_number(num: str, out: _Outline) -> int | str:
    """A section's place in its series: ``II``, ``ثانيا``, ``二``, ``B.`` and ``2`` are all 2."""
    bare = _bare(num)
    if bare.isdigit():
        return int(bare)
    if bare and all(c in "IVXLC" for c in bare) and bare not in _SUBPART_LETTERS:
        return _roman_value(bare.lower())
    numeral = section_numeral(bare, out.table)
    if numeral is not None:
        return out.section_numerals.index(numeral) + 1
    if bare in out.spelt_letters:
        return out.spelt_letters.index(bare) + 1
    if len(bare) == 1 and bare.isalpha() and bare.isascii():
        return ord(bare.upper()) - ord("A") + 1
    return bare


# ``C.``, ``D.``, ``L.`` alone are sub-part letters, never roman 100, 500, 50 (``un.numbering`` reads them so)
_SUBPART_LETTERS = frozenset({"C", "D", "L"})


def _block(out: _Outline, block: Block, key: str, label: str, letters: tuple[str, ...]) -> None:
    match block:
        case Para() | PreambularParagraph():
            out.add(key, label, block.line, (block.content,))
        case OperativeParagraph() | Point():
            out.add(key, label, block.line, (block.content, block.wrap_up))
            points = [c for c in block.children if isinstance(c, Point)]
            numbers = iter(_point_numbers([p.num for p in points], letters, out.section_numerals))
            for child in block.children:
                if isinstance(child, Point):
                    _block(out, child, f"{key}.{next(numbers)}", f"{label} {child.num.strip()}", letters)
                else:
                    _text(out, child, f"{key}/text", f"{label} (text)")
        case Table():
            cells = tuple(len(row.cells) for row in block.rows)
            content = [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
            notes = sum(len(footnotes_in(c)) for c in content)
            refs = frozenset(_symbol_key(r.symbol) for c in content for r in _refs(c))
            out.items.append(Item(key, label, block.line, notes, refs, cells))
        case Section():
            out.add(key, label, block.line, (block.heading,))
            _blocks(out, block.children, key, f"{label}, ", letters)
        case RawBlock():
            out.add(key, label, block.line)


def _number(num: str) -> str:
    digits = re.findall(r"\d+", num)
    return digits[0] if digits else num.strip(" .()-\t")


# Letters that look alike across scripts: a Russian file's ``а)``, ``с)`` are the Latin ``a)``, ``c)`` its table has
_LOOKALIKES = str.maketrans("аветорсхАВЕКМНОРСТХ", "abetopcxABEKMHOPCTX")


def _bare(num: str) -> str:
    """A number without its brackets, dots, dashes and presentation forms (``ﻫ`` is ``ه``, ``㈤`` is ``五``)."""
    return unicodedata.normalize("NFKC", num).replace("\u0640", "").strip(" \t.()-–‑’‘:")


def _point_numbers(nums: Sequence[str], letters: tuple[str, ...], numerals: tuple[str, ...]) -> list[int]:
    """Each point's place in its series, whatever the series: ``(b)``, ``б)``, ``(ب)``, ``(ii)``, ``2)``, ``(二)``
    are all 2 (siblings share one series; the Arabic files number in digits what others number in roman). ``(i)``
    after ``(h)`` is the ninth letter, else the first roman number."""
    out: list[int] = []
    for num in nums:
        bare = _bare(num)
        lower = bare.lower()
        previous = out[-1] if out else 0
        letter = _letter(bare, letters)
        digits = re.findall(r"\d+", bare)
        if digits:
            out.append(int(digits[0]))
        elif lower and all(c in "ivxl" for c in lower) and not (letter and letter == previous + 1):
            out.append(_roman_value(lower))
        elif letter:
            out.append(letter)
        elif bare in numerals:
            out.append(numerals.index(bare) + 1)
        else:
            out.append(0)
    return out


def _letter(bare: str, letters: tuple[str, ...]) -> int:
    """A letter's place in the language's series (``aa`` after ``z``), or 0."""
    for candidate in (bare, bare.lower(), bare.translate(_LOOKALIKES).lower()):
        if candidate in letters:
            return letters.index(candidate) + 1
        arabic = candidate + "\u0640"  # ``هـ`` is printed ``ه``
        if arabic in letters:
            return letters.index(arabic) + 1
    doubled = re.fullmatch(r"(.)\1", bare.lower())
    if doubled and doubled.group(1) in letters:
        return len(letters) + letters.index(doubled.group(1)) + 1
    return 0


def _roman_value(text: str) -> int:
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN[c]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def compare(documents: Sequence[Document], names: Sequence[str] | None = None) -> Report:
    """Compare the language versions ``documents`` (read by any reader) of one document; ``names`` are their files
    (for the report), by default their symbols and languages."""
    names = (
        list(names) if names is not None else [f"{d.meta.symbol or '?'} ({d.meta.language.value})" for d in documents]
    )
    languages = tuple(d.meta.language.value for d in documents)
    if len(documents) < 2:
        return Report(languages, tuple(names))
    outlines = [outline(d) for d in documents]
    found: list[tuple[int, int, Disagreement]] = []  # (version, order, disagreement)
    keys = _majority_keys([[item.key for item in o] for o in outlines])
    for v, items in enumerate(outlines):
        found.extend((v, order, d) for order, d in _structure(items, keys, languages[v], names[v]))
    by_key = [{item.key: item for item in o} for o in outlines]
    for order, key in enumerate(keys):
        present = [(v, m[key]) for v, m in enumerate(by_key) if key in m]
        for attribute, describe in _CHECKS:
            values = [getattr(item, attribute) for _v, item in present]
            right = _majority(values)
            for v, item in present:
                value = getattr(item, attribute)
                if value != right and (right is not None or len(present) == 2):
                    what = describe(value, right if right is not None else _other(values, value))
                    found.append((v, order, Disagreement(languages[v], names[v], item.label, item.line, what)))
    found.sort(key=lambda f: (f[1], f[0]))
    return Report(languages, tuple(names), tuple(d for _v, _o, d in found))


def _other(values: list[object], value: object) -> object:
    return next((v for v in values if v != value), value)


def _majority(values: list[object]) -> object:
    """The value more than half of ``values`` give, else None (two versions that differ: no majority)."""
    counted = Counter(repr(v) for v in values).most_common(1)
    if not counted or counted[0][1] * 2 <= len(values):
        return None
    return next(v for v in values if repr(v) == counted[0][0])


def _majority_keys(sequences: list[list[str]]) -> list[str]:
    """The outline the versions share: the places more than half of them have (with two versions, the places
    either has, so that the one that lacks a place is named), in the order of the version that has most of them."""
    counts = Counter(k for seq in sequences for k in dict.fromkeys(seq))
    need = 0 if len(sequences) == 2 else len(sequences) / 2
    kept = {k for k, n in counts.items() if n > need}
    base = max(sequences, key=lambda seq: sum(k in kept for k in seq))
    ordered = [k for k in dict.fromkeys(base) if k in kept]
    for seq in sequences:
        for i, k in enumerate(seq):
            if k in kept and k not in ordered:
                after = seq[i - 1] if i > 0 else None
                ordered.insert(ordered.index(after) + 1 if after in ordered else len(ordered), k)
    return ordered


def _structure(items: list[Item], keys: list[str], language: str, name: str) -> list[tuple[int, Disagreement]]:
    """What this version lacks of the shared outline, and what it has that the others do not."""
    own = [item.key for item in items]
    out: list[tuple[int, Disagreement]] = []
    matcher = difflib.SequenceMatcher(a=keys, b=own, autojunk=False)
    labels = {item.key: item for item in items}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            for i in range(i1, i2):
                before = items[j1 - 1] if j1 > 0 else None
                line = before.line if before is not None else None
                out.append((i, Disagreement(language, name, _label(keys[i]), line, "missing: the others have it")))
        if tag in ("insert", "replace"):
            for j in range(j1, j2):
                item = labels[own[j]]
                where = min(i1, len(keys) - 1) if keys else 0
                out.append((where, Disagreement(language, name, item.label, item.line, "only in this version")))
    return out


def _label(key: str) -> str:
    """A key as people say it, for a place this version lacks (``P1/op5.2`` → ``paragraph 5 (b)``)."""
    words = []
    for step in key.split("/"):
        if step.startswith("P") and step[1:].isdigit():
            continue
        if step.startswith("A") and step[1:].isdigit():
            words.append(f"annex {step[1:]}")
        elif step.startswith("N") and step[1:].isdigit():
            words.append(f"footnote {step[1:]}")
        elif step.startswith("op"):
            number, *points = step[2:].split(".")
            words.append(f"paragraph {number}" + "".join(f", point {p}" for p in points))
        elif step.startswith("pre"):
            words.append(f"preambular paragraph {step[3:]}")
        elif step.startswith("table"):
            words.append(f"table {step[5:]}")
        elif step.startswith("sec"):
            words.append(f"section {step[3:]}")
        elif step.startswith("p") and step[1:].split(".")[0].isdigit():
            words.append(f"unnumbered paragraph {step[1:]}")
        else:
            words.append(step)
    return ", ".join(words) or "the part"


def _notes_differ(value: object, right: object) -> str:
    return f"{value} footnote(s) here, the others {right}"


def _refs_differ(value: object, right: object) -> str:
    assert isinstance(value, frozenset) and isinstance(right, frozenset)
    parts = []
    if right - value:
        parts.append("does not cite " + ", ".join(sorted(right - value)))
    if value - right:
        parts.append("cites " + ", ".join(sorted(value - right)) + " that the others do not")
    return "; ".join(parts)


def _table_differs(value: object, right: object) -> str:
    return f"a table of {_shape(value)}, the others {_shape(right)}"


def _shape(cells: object) -> str:
    if not isinstance(cells, tuple):
        return "none"
    return f"{len(cells)} rows and {sum(cells)} cells"


_CHECKS = (("notes", _notes_differ), ("references", _refs_differ), ("table", _table_differs))

__all__ = ["Disagreement", "Item", "Report", "compare", "outline"]
