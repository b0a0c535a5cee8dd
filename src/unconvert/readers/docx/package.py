"""Open a Word file: the OOXML package through python-docx, and its parts python-docx has no API for.

A ``.docx`` is a zip of XML parts. Before python-docx sees it, the bytes are checked for what they are, so that a
file that is not one says why and where: a legacy ``.doc`` (the OLE signature) goes through LibreOffice
(``legacy.py``); bytes that are not a zip, a damaged zip, a zip without ``word/document.xml`` (an ``.xlsx``, any
other archive) or a part whose XML is broken raise ``ReadError`` naming the part. python-docx then gives the main
document, its styles, sections (headers and footers) and relationships (hyperlink targets); the footnotes and
comments parts, which it does not model, are parsed here with lxml, entities and the network off.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from unconvert.errors import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAIN = "word/document.xml"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


@dataclass(slots=True)
class Part:
    """One XML part: its name in the zip, its root element, and its relationships (id -> target)."""

    name: str
    root: Any  # an lxml element (python-docx's own elements are lxml elements too)
    links: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Package:
    """What the reader needs of a Word file."""

    body: Part  # word/document.xml: ``root`` is ``w:body``
    footnotes: Part | None
    comments: Part | None
    headers: dict[str, Part]  # of the first section: ``first``, ``default``, ``even`` -> header part
    footers: dict[str, Part]
    styles: dict[str, str]  # style id -> style name (``SingleTxt`` -> ``SingleTxt``, ``Heading1`` -> ``heading 1``)


def open_package(data: bytes, *, name: str) -> Package:
    """The package of a ``.docx`` (``ReadError`` naming the part when it is damaged or not Word)."""
    if data.startswith(OLE_SIGNATURE):
        from unconvert.readers.docx.legacy import convert_doc

        data = convert_doc(data, name=name)
    if not data.startswith(_ZIP_SIGNATURES):
        raise ReadError("not a Word file: a .docx is a zip archive, and these bytes are not one", name=name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError(f"damaged zip archive (the .docx container): {exc}", name=name) from None
    if MAIN not in members:
        kind = _what_zip(members)
        raise ReadError(f"a zip archive but not a Word document: it has no {MAIN} part{kind}", name=name)
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ReadError("reading Word files needs python-docx: pip install python-docx", name=name) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises what lxml, zipfile and its own checks raise
        raise ReadError(_damaged_part(archive, exc), name=name) from None
    main_part = document.part
    body = Part(MAIN, document.element.body, _links(main_part))
    footnotes = _related_xml(main_part, "footnotes", archive, name=name)
    comments = _related_xml(main_part, "comments", archive, name=name)
    headers: dict[str, Part] = {}
    footers: dict[str, Part] = {}
    sections = document.sections
    if len(sections):
        first = sections[0]
        for kind, header, footer in (
            ("first", first.first_page_header, first.first_page_footer),
            ("default", first.header, first.footer),
            ("even", first.even_page_header, first.even_page_footer),
        ):
            if not header.is_linked_to_previous:
                headers[kind] = Part(str(header.part.partname).lstrip("/"), header._element, _links(header.part))
            if not footer.is_linked_to_previous:
                footers[kind] = Part(str(footer.part.partname).lstrip("/"), footer._element, _links(footer.part))
    styles = {s.style_id: s.name or s.style_id for s in document.styles if s.style_id}
    return Package(body=body, footnotes=footnotes, comments=comments, headers=headers, footers=footers, styles=styles)


def _links(part: Any) -> dict[str, str]:
    """A part's relationships to outside targets (hyperlinks): id -> URL."""
    return {rid: rel.target_ref for rid, rel in part.rels.items() if rel.is_external}


def _related_xml(main_part: Any, kind: str, archive: zipfile.ZipFile, *, name: str) -> Part | None:
    """The part the main document relates to by ``kind`` (footnotes, comments), parsed; None without one."""
    for rel in main_part.rels.values():
        if rel.reltype == _RT + kind and not rel.is_external:
            part = rel.target_part
            part_name = str(part.partname).lstrip("/")
            element = getattr(part, "element", None)  # python-docx models comments (1.2) but not footnotes
            if element is None:
                try:
                    element = etree.fromstring(part.blob, _PARSER)
                except etree.XMLSyntaxError as exc:
                    raise ReadError(f"{part_name}: damaged XML: {exc}", name=name) from None
            return Part(part_name, element, _links(part))
    return None


def _what_zip(members: set[str]) -> str:
    if "xl/workbook.xml" in members:
        return " (it is an Excel workbook)"
    if "ppt/presentation.xml" in members:
        return " (it is a PowerPoint presentation)"
    if "content.xml" in members and "mimetype" in members:
        return " (it is an OpenDocument file)"
    return ""


def _damaged_part(archive: zipfile.ZipFile, exc: Exception) -> str:
    """Which part of a zip python-docx could not read, found again member by member (only on this error path)."""
    for info in archive.infolist():
        try:
            blob = archive.read(info.filename)
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError) as err:
            return f"{info.filename}: damaged part in the zip archive: {err}"
        if info.filename.endswith((".xml", ".rels")):
            try:
                etree.fromstring(blob, _PARSER)
            except etree.XMLSyntaxError as err:
                return f"{info.filename}: damaged XML: {err}"
    return f"not a readable Word document: {type(exc).__name__}: {exc}"


__all__ = ["MAIN", "OLE_SIGNATURE", "Package", "Part", "R", "W", "open_package"]
