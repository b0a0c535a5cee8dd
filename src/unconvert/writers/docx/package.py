"""The OPC package around the parts: settings, core and app properties, content types, relationships, and a
deterministic zip (fixed member order and timestamps, so the same tree and context give the same bytes).
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from functools import cache
from xml.sax.saxutils import escape

from unconvert.tree import Language
from unconvert.writers.docx.language import Profile
from unconvert.writers.docx.ooxml import clean, flag, root, serialize, sub

APP_NAME = "unconvert"
AUTHOR = "unconvert"

_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = {
    "document.xml": f"{_WML}.document.main+xml",
    "styles.xml": f"{_WML}.styles+xml",
    "settings.xml": f"{_WML}.settings+xml",
    "footnotes.xml": f"{_WML}.footnotes+xml",
    "header": f"{_WML}.header+xml",
    "footer": f"{_WML}.footer+xml",
}
REL_TYPES = {
    "styles.xml": f"{_OFFICE_REL}/styles",
    "settings.xml": f"{_OFFICE_REL}/settings",
    "footnotes.xml": f"{_OFFICE_REL}/footnotes",
    "header": f"{_OFFICE_REL}/header",
    "footer": f"{_OFFICE_REL}/footer",
}


@cache
def settings_xml(profile: Profile) -> bytes:
    """``word/settings.xml``: UN tab step, even/odd running heads, Word's footnote separators, compatibility."""
    settings = root("settings")
    sub(settings, "defaultTabStop", val="475")
    flag(settings, "evenAndOddHeaders")
    compress = "compressPunctuation" if profile.language is Language.ZH else "doNotCompress"
    sub(settings, "characterSpacingControl", val=compress)
    notes = sub(settings, "footnotePr")
    sub(notes, "footnote", id="-1")
    sub(notes, "footnote", id="0")
    compat = sub(settings, "compat")
    sub(
        compat,
        "compatSetting",
        name="compatibilityMode",
        uri="http://schemas.microsoft.com/office/word",
        val="15",
    )
    sub(settings, "themeFontLang", val=profile.lang_tag, eastAsia="zh-CN", bidi="ar-SA")
    sub(settings, "decimalSymbol", val=".")
    sub(settings, "listSeparator", val=",")
    return serialize(settings)


def _w3cdtf(moment: _dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(_dt.UTC)
    return moment.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def core_xml(*, title: str, subject: str, language: str, now: _dt.datetime) -> bytes:
    """``docProps/core.xml``: title, subject (the symbol), language, fixed author, revision 1, ``now``."""
    stamp = _w3cdtf(now)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(clean(title))}</dc:title>"
        f"<dc:subject>{escape(clean(subject))}</dc:subject>"
        f"<dc:creator>{AUTHOR}</dc:creator>"
        f"<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f"<dc:language>{escape(language)}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>{APP_NAME}</Application><DocSecurity>0</DocSecurity></Properties>"
).encode()

ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_OFFICE_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
).encode()


def content_types(word_parts: list[str], *, png: bool = False) -> bytes:
    """``[Content_Types].xml`` for the given ``word/`` part names (and PNG images, when ``png``)."""
    items = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
    ]
    if png:
        items.append('<Default Extension="png" ContentType="image/png"/>')
    for name in word_parts:
        kind = "header" if name.startswith("header") else "footer" if name.startswith("footer") else name
        items.append(f'<Override PartName="/word/{name}" ContentType="{CONTENT_TYPES[kind]}"/>')
    items.append(
        '<Override PartName="/docProps/core.xml"'
        ' ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )
    return "".join(items).encode("utf-8")


def zip_parts(parts: list[tuple[str, bytes]], now: _dt.datetime) -> bytes:
    """Zip ``parts`` in the given order, every member stamped with ``now`` (clamped to the zip epoch)."""
    if now.tzinfo is not None:
        now = now.astimezone(_dt.UTC).replace(tzinfo=None)
    stamp = max(now, _dt.datetime(1980, 1, 1))
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second - stamp.second % 2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            archive.writestr(info, data, compresslevel=1)
    return buffer.getvalue()
