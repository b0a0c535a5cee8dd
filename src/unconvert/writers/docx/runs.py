"""Inline nodes to runs: italics and bold, line breaks, hyperlinked symbols, footnote references.

A ``Story`` is the part being written (the body or the footnotes): it knows the language profile, the part's
relationships (for hyperlinks) and where footnotes go. Chinese never gets italics; Arabic runs are marked
right to left and get complex-script bold/italics so the Arabic glyphs honour them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import assert_never

from lxml import etree

from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.layout.inlines import Break, Mark, Run, pieces
from unconvert.tree import Footnote, Inline, Text
from unconvert.un.symbols import undocs_url
from unconvert.writers.docx import styles
from unconvert.writers.docx.language import Profile
from unconvert.writers.docx.ooxml import (
    HYPERLINK_TYPE,
    Relationships,
    add_text,
    append_copy,
    flag,
    has_special,
    r,
    set_text,
    sub,
    w,
)

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

_R = w("r")
_T = w("t")

NoteSink = Callable[[Footnote], tuple[int, str | None, str]]
"""Takes a footnote, returns its id, the custom mark to print (``None``: Word numbers it) and the mark as it
will show (for a later ``NoteRef`` to the same note)."""


@dataclass(frozen=True, slots=True)
class Format:
    """Character formatting inherited from the enclosing inlines."""

    italic: bool = False
    bold: bool = False
    style: str | None = None
    upright: bool = False  # set roman inside an italic paragraph style (the brackets of the committee line)


PLAIN = Format()


@dataclass(slots=True)
class Story:
    """The part runs are written into."""

    profile: Profile
    rels: Relationships = field(default_factory=Relationships)
    notes: NoteSink | None = None
    # marker -> (reference run, note id, mark as shown) of the notes written so far, for NOTEREF fields
    note_runs: dict[str, tuple[etree._Element, int, str]] = field(default_factory=dict)
    context: Context | None = None  # where what the writer adapts is reported

    def report(self, diagnostic: Diagnostic) -> None:
        """Report an adaptation (``docx-…``) to the context, if there is one."""
        if self.context is not None:
            self.context.report(diagnostic)


def right_to_left(text: str) -> bool:
    """Whether a run of an Arabic document is right to left: it has Arabic letters, or no Latin letters at all
    (digits and punctuation then follow the Arabic flow); a purely Latin run (a symbol) stays left to right."""
    if _ARABIC.search(text):
        return True
    return not _LATIN_LETTER.search(text)


_Properties = tuple[str, str | None, bool, str | None, bool, bool, bool]
"""What a run's ``w:rPr`` says (``"rPr"``, style, bold, East Asian bold face, italic, upright, rtl): the key its
template is built from and kept under."""


def run_properties(run: etree._Element, fmt: Format, story: Story, text: str = "") -> None:
    """Give ``run`` its ``w:rPr`` (schema order: rStyle, b, bCs, i, iCs, rtl) if it needs one."""
    key = _properties(fmt, story, text)
    if key is not None:
        append_copy(run, key, lambda part: _build_properties(part, key))


def _properties(fmt: Format, story: Story, text: str) -> _Properties | None:
    """What the ``w:rPr`` of a run of ``text`` in ``fmt`` says, or ``None`` when the run needs none."""
    prof = story.profile
    if fmt is PLAIN and not prof.rtl:  # the common run: nothing to say
        return None
    italic = fmt.italic and prof.italics
    rtl = prof.rtl and right_to_left(text)
    upright = fmt.upright and prof.italics
    if not (fmt.style or fmt.bold or italic or rtl or upright):
        return None
    east_asian = prof.east_asian_bold_font if fmt.bold else None
    return ("rPr", fmt.style, fmt.bold, east_asian, italic, upright, rtl)


def _build_properties(parent: etree._Element, key: _Properties) -> etree._Element:
    _, style, bold, east_asian, italic, upright, rtl = key
    rpr = sub(parent, "rPr")
    if style:
        sub(rpr, "rStyle", val=style)
    if east_asian:
        sub(rpr, "rFonts", eastAsia=east_asian)  # Chinese bold is a bold face, not a smeared one
    if bold:
        flag(rpr, "b")
        flag(rpr, "bCs")
    if italic:
        flag(rpr, "i")
        flag(rpr, "iCs")
    elif upright:
        sub(rpr, "i", val="0")
        sub(rpr, "iCs", val="0")
    if rtl:
        flag(rpr, "rtl")
    return rpr


def bare_run(text: str, fmt: Format, story: Story) -> bool:
    """Whether ``text_run`` sets ``text`` in ``fmt`` as a bare ``<w:r><w:t>text</w:t></w:r>``: text XML holds as it
    is (``add_text``'s common case), no space at either end to keep, no run properties (``run_properties``)."""
    prof = story.profile
    return (
        bool(text)
        and not prof.rtl
        and not (fmt.style or fmt.bold or (prof.italics and (fmt.italic or fmt.upright)))
        and text[0] != " "
        and text[-1] != " "
        and (text.isprintable() or not has_special(text))
    )


def text_run(parent: etree._Element, text: str, fmt: Format, story: Story, line: int | None = None) -> etree._Element:
    """Append a run carrying ``text`` (from source line ``line``, for the report of characters left out). A text
    XML holds as it is (nearly all) goes in a copy of a run with its properties and an empty ``w:t``, built once
    per kind of run: one lxml call where building the run took one per element."""
    if text and (text.isprintable() or not has_special(text)):
        key = _properties(fmt, story, text)
        run = append_copy(parent, ("r", key), lambda part: _build_run(part, key))
        set_text(run[-1], text)
        return run
    run = etree.SubElement(parent, _R)
    run_properties(run, fmt, story, text)
    dropped = add_text(run, text)
    if dropped:
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in dropped}))
        story.report(
            Diagnostic.warning("docx-characters-dropped", f"characters XML cannot hold, left out: {codes}", line=line)
        )
    return run


def _build_run(parent: etree._Element, key: _Properties | None) -> etree._Element:
    """A run with the properties of ``key`` (none for ``None``) and an empty ``w:t``."""
    run = etree.SubElement(parent, _R)
    if key is not None:
        _build_properties(run, key)
    etree.SubElement(run, _T)
    return run


def add_inlines(parent: etree._Element, inlines: tuple[Inline, ...], story: Story, fmt: Format = PLAIN) -> None:
    """Append the runs of ``inlines`` to the paragraph ``parent``."""
    if len(inlines) == 1 and type(inlines[0]) is Text:  # a paragraph of one plain text (most table cells)
        node = inlines[0]
        if node.text:
            text_run(parent, node.text, fmt, story, node.line)
        return
    for piece in pieces(inlines):
        # isinstance and unpacking rather than class patterns: this is the writer's innermost loop
        if isinstance(piece, Run):
            text, bold, italic, symbol, line = piece
            run_fmt = Format(fmt.italic or italic, fmt.bold or bold, fmt.style, fmt.upright) if bold or italic else fmt
            if symbol is not None:
                _hyperlink(parent, symbol, text, run_fmt, story, line)
            elif text:
                text_run(parent, text, run_fmt, story, line)
        elif isinstance(piece, Break):
            run = etree.SubElement(parent, w("r"))
            run_properties(
                run, Format(fmt.italic or piece.italic, fmt.bold or piece.bold, fmt.style, fmt.upright), story
            )
            etree.SubElement(run, w("br"))
        elif isinstance(piece, Mark):
            if piece.separator:  # ``3,4``: the comma between two marks, raised with them
                text_run(parent, piece.separator, Format(style=styles.FOOTNOTE_REFERENCE), story)
            if piece.note is not None:
                _footnote_reference(parent, piece.note, story)
            else:
                _note_reference(parent, piece.marker, story, piece.line)
        else:
            assert_never(piece)


def _hyperlink(parent: etree._Element, symbol: str, text: str, fmt: Format, story: Story, line: int | None) -> None:
    if not symbol.strip():
        text_run(parent, text, fmt, story, line)
        return
    rid = story.rels.add(HYPERLINK_TYPE, undocs_url(symbol), external=True)
    link_fmt = Format(fmt.italic, fmt.bold, styles.HYPERLINK)
    if text and (text.isprintable() or not has_special(text)):
        # a copy of a link holding its run, as ``text_run`` copies a run: its id and text are all there is to set
        key = _properties(link_fmt, story, text)
        link = append_copy(parent, ("hyperlink", key), lambda part: _build_hyperlink(part, key))
        link.set(_RID, rid)
        set_text(link[0][-1], text)
        return
    link = etree.SubElement(parent, _HYPERLINK, {_RID: rid, _HISTORY: "1"})
    text_run(link, text, link_fmt, story, line)


_HYPERLINK, _RID, _HISTORY = w("hyperlink"), r("id"), w("history")


def _build_hyperlink(parent: etree._Element, key: _Properties | None) -> etree._Element:
    """A ``w:hyperlink`` (its id to be set, before ``w:history`` as Word writes them) around a run of ``key``."""
    link = etree.SubElement(parent, _HYPERLINK, {_RID: "", _HISTORY: "1"})
    _build_run(link, key)
    return link


def _footnote_reference(parent: etree._Element, note: Footnote, story: Story) -> None:
    mark_fmt = Format(style=styles.FOOTNOTE_REFERENCE)
    if story.notes is None:  # a note inside a note: Word has no such thing, keep the mark as text
        story.report(
            Diagnostic.warning(
                "docx-note-in-note",
                f"footnote {note.marker.strip()!r} stands inside a footnote, which Word cannot hold: its mark is "
                "printed as text and its own text is left out",
                line=note.line,
            )
        )
        text_run(parent, note.marker, mark_fmt, story)
        return
    note_id, custom_mark, shown = story.notes(note)
    run = etree.SubElement(parent, w("r"))
    story.note_runs[note.marker.strip()] = (run, note_id, shown)
    run_properties(run, mark_fmt, story, custom_mark or "")
    ref = sub(run, "footnoteReference")
    if custom_mark is not None:
        ref.set(w("customMarkFollows"), "1")
    ref.set(w("id"), str(note_id))
    if custom_mark is not None:
        add_text(run, custom_mark)


def _note_reference(parent: etree._Element, marker: str, story: Story, line: int | None) -> None:
    """Another reference to an earlier note, as Word makes one: a ``NOTEREF`` field to a bookmark around the
    note's reference, showing its mark; a marker that names no earlier note is printed as it stands."""
    mark_fmt = Format(style=styles.FOOTNOTE_REFERENCE)
    found = story.note_runs.get(marker.strip())
    if found is None:
        story.report(
            Diagnostic.info(
                "docx-noteref-unlinked",
                f"a reference to note {marker.strip()!r} names no earlier note: its mark is printed without a link",
                line=line,
            )
        )
        text_run(parent, marker, mark_fmt, story)
        return
    run, note_id, shown = found
    name = f"_RefNote{note_id}"
    previous = run.getprevious()
    if previous is None or previous.get(w("name")) != name:
        run.addprevious(etree.Element(w("bookmarkStart"), {w("id"): str(note_id), w("name"): name}))
        run.addnext(etree.Element(w("bookmarkEnd"), {w("id"): str(note_id)}))
    field = sub(parent, "fldSimple", instr=f" NOTEREF {name} \\f \\h ")
    text_run(field, shown, mark_fmt, story)
