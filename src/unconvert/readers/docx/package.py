"""Open a Word file: the OOXML package, read part by part with zipfile and lxml.

A ``.docx`` is a zip of XML parts tied together by relationships (``_rels/.rels`` names the main document, its
own ``.rels`` its footnotes, comments, styles, headers, footers and hyperlink targets). Before anything else the
bytes are checked for what they are, so that a file that is not one says why and where: a legacy ``.doc`` (the OLE
signature) goes through LibreOffice (``legacy.py``); bytes that are not a zip, a damaged zip, a zip without a Word
main document (an ``.xlsx``, any other archive) or a part whose XML is broken raise ``ReadError`` naming the part.
XML is parsed with entities and the network off.

Why not python-docx here: ``docx.Document()`` parses every part of the package into its own element classes,
which took a median 12.9 ms per file of the Word track against 2.8 ms for the seven parts this reader needs
(``benchmarks/bench_docx_reader.py`` holds the reader to 30 ms a document), and it models neither footnotes nor
fields, the heart of this reader. The tests reopen the files with python-docx to check what this reads.
"""

from __future__ import annotations

import io
import posixpath
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
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_STRICT_RT = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
_LARGEST_PART = 256 * 1024 * 1024  # unpacked; the largest part of the Word track is under 1 MB
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


@dataclass(slots=True)
class Part:
    """One XML part: its name in the zip, its root element, and its links to outside targets (id -> URL)."""

    name: str
    root: Any  # an lxml element
    links: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Package:
    """What the reader needs of a Word file."""

    body: Part  # the main document: ``root`` is ``w:body``
    footnotes: Part | None
    comments: Part | None
    header: Part | None  # the header and footer of the first page (the masthead; the job number)
    footer: Part | None
    styles: dict[str, str]  # style id -> style name (``SingleTxt`` -> ``SingleTxt``, ``Heading1`` -> ``heading 1``)
    outlined: frozenset[str] = frozenset()  # ids of the paragraph styles with an outline level (Word's headings)
    note_start: int = 1  # the number of the first automatically numbered footnote (w:footnotePr/w:numStart)
    note_format: str = "decimal"  # how footnotes are numbered (w:footnotePr/w:numFmt)


@dataclass(slots=True)
class _Rel:
    kind: str  # the relationship type's last segment: ``footnotes``, ``header``, ``hyperlink`` …
    target: str  # a part name in the zip, or the URL of an external target
    external: bool


class _Zip:
    """The archive, with each read and parse naming the part that fails."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self.members = set(self.archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise ReadError(f"damaged zip archive (the .docx container): {exc}", name=name) from None

    def xml(self, part: str) -> Any:
        size = self.archive.getinfo(part).file_size
        if size > _LARGEST_PART:
            raise ReadError(
                f"{part}: {size:,} bytes once unpacked, over the {_LARGEST_PART:,} a Word part is read to "
                "(a zip bomb, or no UN document)",
                name=self.name,
            )
        try:
            blob = self.archive.read(part)
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise ReadError(f"{part}: damaged part in the zip archive: {exc}", name=self.name) from None
        try:
            return etree.fromstring(blob, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise ReadError(f"{part}: damaged XML: {exc}", name=self.name) from None

    def rels(self, part: str) -> dict[str, _Rel]:
        """The relationships of ``part`` (``word/document.xml`` -> ``word/_rels/document.xml.rels``), by id."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.members:
            return {}
        out: dict[str, _Rel] = {}
        for rel in self.xml(rels_name).iterfind(_RELS + "Relationship"):
            kind = (rel.get("Type") or "").replace(_STRICT_RT, _RT).rpartition("/")[2]
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
            out[rel.get("Id") or ""] = _Rel(kind, target, external)
        return out

    def part(self, name: str) -> Part:
        links = {rid: rel.target for rid, rel in self.rels(name).items() if rel.external}
        return Part(name, self.xml(name), links)


def open_package(data: bytes, *, name: str) -> Package:
    """The package of a ``.docx`` (``ReadError`` naming the part when it is damaged or not Word)."""
    if data.startswith(OLE_SIGNATURE):
        from unconvert.readers.docx.legacy import convert_doc

        data = convert_doc(data, name=name)
    if not data.startswith(_ZIP_SIGNATURES):
        raise ReadError("not a Word file: a .docx is a zip archive, and these bytes are not one", name=name)
    archive = _Zip(data, name)
    main_name = (
        next((r.target for r in archive.rels("").values() if r.kind == "officeDocument" and not r.external), MAIN)
        if "_rels/.rels" in archive.members
        else MAIN
    )
    if main_name not in archive.members:
        raise ReadError(
            f"a zip archive but not a Word document: it has no {main_name} part{_what_zip(archive.members)}", name=name
        )
    main = archive.part(main_name)
    body = main.root.find(W + "body")
    if main.root.tag != W + "document" or body is None:
        raise ReadError(f"{main_name}: not a WordprocessingML document (no w:document/w:body)", name=name)
    rels = archive.rels(main_name)

    def related(kind: str) -> Part | None:
        target = next((r.target for r in rels.values() if r.kind == kind and not r.external), None)
        if target is None or target not in archive.members:
            return None
        return archive.part(target)

    header = footer = None
    section = next(body.iter(W + "sectPr"), None)  # the first section's properties
    if section is not None:
        # the first page has the section's "first" header and footer when the section says so (w:titlePg), else
        # its default ones; running heads (default, even) are never content
        title_page = section.find(W + "titlePg")
        first = title_page is not None and title_page.get(W + "val", "1") in ("1", "true", "on")
        wanted = "first" if first else "default"
        for reference in section:
            if reference.tag not in (W + "headerReference", W + "footerReference"):
                continue
            if (reference.get(W + "type") or "default") != wanted:
                continue
            rel = rels.get(reference.get(R + "id") or "")
            if rel is None or rel.external or rel.target not in archive.members:
                continue
            if reference.tag == W + "headerReference":
                header = header or archive.part(rel.target)
            else:
                footer = footer or archive.part(rel.target)
    styles, outlined = _styles_of(archive, next((r.target for r in rels.values() if r.kind == "styles"), None))
    # footnote numbering: the document's settings, then the first section's own (which wins)
    note_start, note_format = 1, "decimal"
    settings = related("settings")
    for properties in (
        settings.root.find(W + "footnotePr") if settings is not None else None,
        section.find(W + "footnotePr") if section is not None else None,
    ):
        if properties is None:
            continue
        start = properties.find(W + "numStart")
        if start is not None and (start.get(W + "val") or "").isdigit():
            note_start = int(start.get(W + "val") or "1")
        numbering = properties.find(W + "numFmt")
        if numbering is not None and numbering.get(W + "val"):
            note_format = numbering.get(W + "val") or "decimal"
    return Package(
        body=Part(main_name, body, main.links),
        footnotes=related("footnotes"),
        comments=related("comments"),
        header=header,
        footer=footer,
        styles=styles,
        outlined=outlined,
        note_start=note_start,
        note_format=note_format,
    )


def _styles_of(archive: _Zip, name: str | None) -> tuple[dict[str, str], frozenset[str]]:
    """The styles part's names and outlined styles. The UN's files share a few templates, so the result is kept
    by the part's CRC and size (the zip's directory states both: an identical part is not parsed again)."""
    if name is None or name not in archive.members:
        return {}, frozenset()
    info = archive.archive.getinfo(name)
    key = (info.CRC, info.file_size)
    cached = _STYLES.get(key)
    if cached is None:
        cached = _styles(archive.part(name))
        if len(_STYLES) >= _STYLES_KEPT:
            _STYLES.clear()
        _STYLES[key] = cached
    return cached


_STYLES: dict[tuple[int, int], tuple[dict[str, str], frozenset[str]]] = {}
_STYLES_KEPT = 64


def _styles(part: Part) -> tuple[dict[str, str], frozenset[str]]:
    """Style names by id, and the paragraph styles that have an outline level, set or inherited (``basedOn``)."""
    names: dict[str, str] = {}
    based: dict[str, str] = {}
    levels: set[str] = set()
    for style in part.root.iterfind(W + "style"):
        style_id = style.get(W + "styleId")
        if not style_id:
            continue
        named = style.find(W + "name")
        names[style_id] = named.get(W + "val", style_id) if named is not None else style_id
        parent = style.find(W + "basedOn")
        if parent is not None:
            based[style_id] = parent.get(W + "val", "")
        level = style.find(f"{W}pPr/{W}outlineLvl")
        if level is not None and level.get(W + "val", "9") not in ("9", ""):
            levels.add(style_id)
    outlined = set()
    for style_id in names:
        seen, current = set(), style_id
        while current and current not in seen:
            if current in levels:
                outlined.add(style_id)
                break
            seen.add(current)
            current = based.get(current, "")
    return names, frozenset(outlined)


def _what_zip(members: set[str]) -> str:
    if "xl/workbook.xml" in members:
        return " (it is an Excel workbook)"
    if "ppt/presentation.xml" in members:
        return " (it is a PowerPoint presentation)"
    if "content.xml" in members and "mimetype" in members:
        return " (it is an OpenDocument file)"
    return ""


__all__ = ["MAIN", "OLE_SIGNATURE", "Package", "Part", "R", "W", "open_package"]
