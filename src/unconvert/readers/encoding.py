"""The text of a plain-text file, whatever Word saved it as.

Word's "Save as: Plain Text" writes UTF-8 (with or without a byte-order mark), "Unicode" (UTF-16 with a BOM, little
or big endian) or, on a Western-European Windows, Windows-1252 ("Western European (Windows)"). The first two are
read alike. Windows-1252 is read with a warning, and only when it is plausible: the text must not already be
UTF-8 with a damaged byte (then the byte is reported), and most of its letters must be ASCII (a Cyrillic, Arabic or
Chinese code page decodes as Windows-1252 too, into nonsense). Anything else is a ``ReadError`` that says what was
found and how to convert it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError

__all__ = ["Decoded", "decode_text"]

_BOMS: tuple[tuple[bytes, str, str], ...] = (  # longest first: UTF-32 LE's BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

_HOW = "save it as UTF-8 (Word: Plain Text, encoding Unicode (UTF-8)) or convert it: iconv -f {source} -t UTF-8 FILE"

_LATIN_SHARE = 0.3
"""At most this share of a Windows-1252 text's letters may be non-ASCII (French and Spanish stay far below it; a
Cyrillic or Greek code page read as Windows-1252 is nearly all above it)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """``text`` (line ends as in the file), the ``encoding`` it was read as, and what the reader should say about
    it (a warning when the text was not UTF-8)."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def line_of(data: bytes, offset: int, unit: int = 1) -> int:
    """1-based line number of byte ``offset`` (CR, LF and CRLF all end a line); ``unit`` bytes per code unit."""
    head = data[:offset]
    if unit > 1:
        head = head[unit - 1 :: unit] if head[:1] == b"\x00" else head[::unit]
    head = head.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return head.count(b"\n") + 1


def decode_text(data: bytes, *, name: str) -> Decoded:
    """Decode ``data``: UTF-8 or UTF-16/32 with a BOM, UTF-8 without; else Windows-1252 with a warning when it is
    plausible; else ``ReadError`` naming the file, the line and what to do. NUL bytes outside a UTF-16/32 text are
    binary data (a UTF-16 text without its BOM is named as such)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _with_bom(data[len(bom) :], codec, label, name)
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(data):
            raise ReadError(
                "UTF-16 text without a byte-order mark: " + _HOW.format(source="UTF-16LE (or UTF-16BE)"),
                name=name,
                line=1,
            )
        raise ReadError("binary data (NUL byte): not a text file", name=name, line=line_of(data, nul))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = line_of(data, bad)
    damaged = f"not UTF-8 text (byte 0x{data[bad]:02x} cannot be decoded)"
    if _has_utf8_sequences(data):
        raise ReadError(f"{damaged}: the rest is UTF-8, so the file is damaged there", name=name, line=line)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        message = f"{damaged}, nor Windows-1252: " + _HOW.format(source="ENCODING")
        raise ReadError(message, name=name, line=line) from None
    if not _mostly_ascii_letters(text):
        raise ReadError(
            f"{damaged}; most of its letters are bytes above 0x7F, so it is not Western-European Windows-1252 "
            "either (a Cyrillic, Arabic or Chinese code page: cp1251, cp1256, GB18030?): "
            + _HOW.format(source="ENCODING"),
            name=name,
            line=line,
        )
    warning = Diagnostic.warning(
        "encoding-cp1252",
        f"not UTF-8 (byte 0x{data[bad]:02x}): read as Windows-1252, as Word saves Western-European plain text; "
        "check the accented letters, or " + _HOW.format(source="CP1252"),
        line,
    )
    return Decoded(text, "cp1252", (warning,))


def _with_bom(body: bytes, codec: str, label: str, name: str) -> Decoded:
    try:
        return Decoded(body.decode(codec), codec)
    except UnicodeDecodeError as exc:
        unit = 4 if "32" in codec else 2 if "16" in codec else 1
        raise ReadError(
            f"{label} text (by its byte-order mark) damaged at byte {exc.start}: {exc.reason}",
            name=name,
            line=line_of(body, exc.start, unit),
        ) from None


def _looks_utf16(data: bytes) -> bool:
    """ASCII-heavy UTF-16 without a BOM: one byte of each pair is NUL far more often than chance."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.3


def _has_utf8_sequences(data: bytes) -> bool:
    """True when ``data`` is mostly well-formed multi-byte UTF-8 (a UTF-8 file with a damaged byte): more good
    multi-byte characters than bad bytes. Windows-1252 text makes a good one only by chance (``à »`` is
    ``E0 A0 BB``, a valid UTF-8 sequence), and far fewer than bad ones."""
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for char in decoded if ord(char) > 0x7F) - bad
    return good > 0 and good >= bad


def _mostly_ascii_letters(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return True
    high = sum(1 for char in letters if ord(char) > 0x7F)
    return high / len(letters) <= _LATIN_SHARE
