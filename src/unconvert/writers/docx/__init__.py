"""DOCX writer: a UN document tree as a Word document laid out the way the UN lays out its own.

``write(document, context=...)`` returns the bytes of a ``.docx``: the masthead as the first-page header,
named paragraph styles after the UN's template (``styles``), real Word footnotes (``footnotes``), running
heads and ``page/pages`` footers (``layout``), right-to-left Arabic and upright Chinese (``language``), and
a deterministic package (``package``): the same tree and ``context.now`` always give the same bytes.
"""

from __future__ import annotations

from unconvert.context import Context
from unconvert.layout import furniture, walk
from unconvert.tree import Document, plain_text
from unconvert.writers.docx.body import BodyWriter
from unconvert.writers.docx.footnotes import Notes
from unconvert.writers.docx.language import profile
from unconvert.writers.docx.layout import (
    HEADER_FOOTER_PARTS,
    first_footer_media,
    header_footer_parts,
    section_properties,
)
from unconvert.writers.docx.ooxml import Relationships, root, serialize, sub
from unconvert.writers.docx.package import (
    APP_XML,
    REL_TYPES,
    ROOT_RELS,
    content_types,
    core_xml,
    settings_xml,
    zip_parts,
)
from unconvert.writers.docx.runs import Story
from unconvert.writers.docx.styles import styles_xml

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def write(document: Document, *, context: Context) -> bytes:
    """The ``.docx`` bytes of ``document``; creation and modification dates are ``context.now``."""
    prof = profile(document.meta.language)
    doc_rels = Relationships()
    rel_ids = {name: doc_rels.add(REL_TYPES[name], name) for name in ("styles.xml", "settings.xml", "footnotes.xml")}
    for part, kind, _ in HEADER_FOOTER_PARTS:
        rel_ids[part] = doc_rels.add(REL_TYPES[kind], part)

    notes = Notes(prof, context)
    story = Story(prof, doc_rels, notes, context=context)
    document_element = root("document")
    body = sub(document_element, "body")
    writer = BodyWriter(body, story)
    for role in walk(document):
        writer.role(role)
    section_properties(body, rel_ids, prof, footnote_start=notes.start)

    word: list[tuple[str, bytes]] = [
        ("document.xml", serialize(document_element)),
        ("styles.xml", styles_xml(document.meta.language)),
        ("settings.xml", settings_xml(prof)),
        ("footnotes.xml", notes.to_xml()),
    ]
    furnished = furniture(document)
    word.extend(header_footer_parts(furnished, Story(prof, context=context)).items())
    media = first_footer_media(furnished)

    title = document.meta.title or (plain_text(document.preface.title) if document.preface else "")
    parts: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", content_types([name for name, _ in word], png=bool(media))),
        ("_rels/.rels", ROOT_RELS),
        (
            "docProps/core.xml",
            core_xml(title=title, subject=document.meta.symbol, language=prof.lang_tag, now=context.now),
        ),
        ("docProps/app.xml", APP_XML),
        ("word/_rels/document.xml.rels", doc_rels.to_xml()),
    ]
    if notes.rels:
        parts.append(("word/_rels/footnotes.xml.rels", notes.rels.to_xml()))
    parts.extend((f"word/{name}", data) for name, data in word)
    parts.extend(media)
    return zip_parts(parts, context.now)


__all__ = ["MEDIA_TYPE", "write"]
