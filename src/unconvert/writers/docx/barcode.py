"""The job number's Code 39 barcode on the first page's footer, as a PNG image in the DOCX.

The bars are reportlab's Code 39 (``reportlab.graphics.barcode.code39``, the module the PDF writer draws them
with): its ``decomposed`` pattern gives each bar and space, narrow or wide, and the start and stop characters
(``*1815053*``, no check character, as the UN prints it). Word has no barcode primitive and the UN's files use a
barcode font that cannot be assumed on the reader's machine, so the bars are an image: one pixel row per bar
pattern, scaled by Word to the UN's 101 x 14 pt. The PNG is written here (zlib and the chunk layout: a dozen lines
rather than an imaging library for a one-bit picture).
"""

from __future__ import annotations

import struct
import zlib

from lxml import etree
from reportlab.graphics.barcode.code39 import Standard39

WIDTH = 100.8  # points, as the UN's barcode of a job number
HEIGHT = 14.0
_NARROW, _WIDE = 2, 5  # pixels: the ratio of Code 39's wide to narrow elements (reportlab's 2.2, rounded up)
_ROWS = 8
_EMU = 12700  # English Metric Units per point (DrawingML)
PNG_NAME = "media/barcode.png"

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def bars(value: str) -> list[bool]:
    """The barcode of ``value`` as pixel columns, ``True`` for black."""
    code = Standard39(value, humanReadable=0, quiet=0, checksum=0)
    code.validate()
    code.encode()
    code.decompose()
    columns: list[bool] = []
    for element in code.decomposed:
        black = element in "bB"
        columns.extend([black] * (_WIDE if element in "BS" else _NARROW))
    return columns


def png(value: str) -> bytes:
    """A one-bit grayscale PNG of ``value``'s barcode."""
    columns = bars(value)
    width = len(columns)
    packed = bytearray()
    for start in range(0, width, 8):
        byte = 0
        for bit, black in enumerate(columns[start : start + 8]):
            if not black:
                byte |= 0x80 >> bit
        packed.append(byte)
    raw = b"".join(b"\x00" + bytes(packed) for _ in range(_ROWS))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, _ROWS, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def drawing(parent: etree._Element, rel_id: str, value: str) -> None:
    """Append to the run ``parent`` an inline picture of the barcode (relationship ``rel_id``)."""
    cx, cy = str(round(WIDTH * _EMU)), str(round(HEIGHT * _EMU))
    wml = parent.nsmap.get("w") or "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    draw = etree.SubElement(parent, f"{{{wml}}}drawing")
    inline = etree.SubElement(draw, f"{{{_WP}}}inline", nsmap={"wp": _WP}, distT="0", distB="0", distL="0", distR="0")
    etree.SubElement(inline, f"{{{_WP}}}extent", cx=cx, cy=cy)
    etree.SubElement(inline, f"{{{_WP}}}docPr", id="1", name="Barcode", descr=f"*{value}*")
    graphic = etree.SubElement(inline, f"{{{_A}}}graphic", nsmap={"a": _A})
    data = etree.SubElement(graphic, f"{{{_A}}}graphicData", uri=_PIC)
    pic = etree.SubElement(data, f"{{{_PIC}}}pic", nsmap={"pic": _PIC})
    nv = etree.SubElement(pic, f"{{{_PIC}}}nvPicPr")
    etree.SubElement(nv, f"{{{_PIC}}}cNvPr", id="0", name="barcode.png")
    etree.SubElement(nv, f"{{{_PIC}}}cNvPicPr")
    fill = etree.SubElement(pic, f"{{{_PIC}}}blipFill")
    etree.SubElement(fill, f"{{{_A}}}blip", {f"{{{_R}}}embed": rel_id})
    etree.SubElement(etree.SubElement(fill, f"{{{_A}}}stretch"), f"{{{_A}}}fillRect")
    shape = etree.SubElement(pic, f"{{{_PIC}}}spPr")
    xfrm = etree.SubElement(shape, f"{{{_A}}}xfrm")
    etree.SubElement(xfrm, f"{{{_A}}}off", x="0", y="0")
    etree.SubElement(xfrm, f"{{{_A}}}ext", cx=cx, cy=cy)
    etree.SubElement(etree.SubElement(shape, f"{{{_A}}}prstGeom", prst="rect"), f"{{{_A}}}avLst")


__all__ = ["HEIGHT", "IMAGE_TYPE", "PNG_NAME", "WIDTH", "drawing", "png"]
