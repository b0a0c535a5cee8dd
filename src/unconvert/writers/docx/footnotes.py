"""Real Word footnotes: the ``word/footnotes.xml`` part, filled as the body meets each ``Footnote``.

Word's own layout: footnote -1 is the separator, 0 the continuation separator, notes are numbered from 1.
A note whose printed marker is its running number is left to Word's numbering (which starts at the first
note's number, so a later part of a resolution can go on from 25); any other marker (``*``, ``a``) is a custom
mark (``w:customMarkFollows``) printed as given. The note text hangs like
the UN's: the mark right-aligned before the text column, the text at 1267 twips.
"""

from __future__ import annotations

from lxml import etree

from unconvert.context import Context
from unconvert.tree import Footnote
from unconvert.writers.docx import styles
from unconvert.writers.docx.language import Profile
from unconvert.writers.docx.ooxml import Relationships, add_text, append_copy, flag, root, serialize, sub, w
from unconvert.writers.docx.runs import Format, Story, add_inlines, run_properties, text_run


def paragraph(
    parent: etree._Element, style: str, profile: Profile, *, ltr: bool = False
) -> tuple[etree._Element, etree._Element]:
    """Append ``w:p`` with its style; ``w:bidi`` when the language is right to left, unless ``ltr`` (a line of
    Latin text such as the masthead date in an Arabic document). Return p and pPr."""
    p = append_copy(
        parent, ("p", style, profile.rtl, ltr), lambda part: _build_paragraph(part, style, profile.rtl, ltr)
    )
    return p, p[0]


def _build_paragraph(parent: etree._Element, style: str, rtl: bool, ltr: bool) -> etree._Element:
    p = etree.SubElement(parent, w("p"))
    ppr = sub(p, "pPr")
    sub(ppr, "pStyle", val=style)
    if rtl:
        if ltr:
            sub(ppr, "bidi", val="0")
        else:
            flag(ppr, "bidi")
    return p


class Notes:
    """Collects the footnotes of a document in order and writes their part."""

    def __init__(self, profile: Profile, context: Context | None = None) -> None:
        self.profile = profile
        self.rels = Relationships()
        self.count = 0
        self.start = 1  # the number of the first auto-numbered note (sectPr footnotePr/numStart)
        self._part = root("footnotes")
        self._numbered = 0
        self._story = Story(profile, self.rels, None, context=context)
        self._separator("separator", -1)
        self._separator("continuationSeparator", 0)

    def _separator(self, kind: str, note_id: int) -> None:
        rtl = self.profile.rtl
        append_copy(
            self._part, ("separator", kind, note_id, rtl), lambda part: _build_separator(part, kind, note_id, rtl)
        )

    def custom_mark(self, marker: str) -> str | None:
        """The mark to print for ``marker`` (``None`` when Word's own numbering prints it: the marker is the
        next number, bare or in the parentheses of Arabic texts)."""
        marker = marker.strip()
        number = marker.strip("()")
        if self._numbered == 0 and number.isdecimal() and int(number) > 0:
            self.start = int(number)  # a later part of a resolution goes on from its predecessor's notes
            return None
        if number == str(self.start + self._numbered):
            return None
        return marker or "*"

    def __call__(self, note: Footnote) -> tuple[int, str | None, str]:
        """Add ``note``; return its id, custom mark and shown mark (the ``NoteSink`` protocol of ``runs``)."""
        self.count += 1
        mark = self.custom_mark(note.marker)
        if mark is None:
            self._numbered += 1
        element = sub(self._part, "footnote", id=str(self.count))
        paragraphs = note.paragraphs or ((),)
        for index, content in enumerate(paragraphs):
            p, ppr = paragraph(element, styles.FOOTNOTE_TEXT, self.profile)
            if index == 0:
                text_run(p, "\t", Format(), self._story)
                run = etree.SubElement(p, w("r"))
                run_properties(run, Format(style=styles.FOOTNOTE_REFERENCE), self._story)
                if mark is None:
                    flag(run, "footnoteRef")
                else:
                    add_text(run, mark)
                text_run(p, "\t", Format(), self._story)
            else:
                sub(ppr, "ind", left=str(styles.BODY_INDENT), right=str(styles.BODY_INDENT), firstLine="0")
            add_inlines(p, content, self._story)
        return self.count, mark, mark if mark is not None else str(self.start + self._numbered - 1)

    def to_xml(self) -> bytes:
        """The ``word/footnotes.xml`` bytes."""
        return serialize(self._part)


def _build_separator(parent: etree._Element, kind: str, note_id: int, rtl: bool) -> etree._Element:
    note = sub(parent, "footnote", type=kind, id=str(note_id))
    p = etree.SubElement(note, w("p"))
    ppr = sub(p, "pPr")
    sub(ppr, "spacing", after="80", line="240", lineRule="auto")
    sub(ppr, "ind", left=str(styles.BODY_INDENT - styles.STEP) if not rtl else "0")
    run = etree.SubElement(p, w("r"))
    flag(run, kind)
    return note
