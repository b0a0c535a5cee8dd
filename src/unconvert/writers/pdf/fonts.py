"""Font discovery and registration: one embedded TrueType family per script, registered once per process.

reportlab embeds only TrueType outlines (not CFF), so every face below is a ``.ttf`` or a ``.ttc`` member. The
faces come from Debian packages that the project installs; a missing one raises ``ResourceError`` (a
``WriteError``) naming the package.

The families by script are named in ``unconvert.un.scripts`` (``ScriptProfile.fonts``); here are their files:

* Latin and Cyrillic: Liberation Serif (Times metrics), regular/bold/italic/bold italic (``fonts-liberation2``).
* Arabic: Amiri, regular/bold (``fonts-hosny-amiri``); emphasis upright in them, as the UN prints Arabic
  (``ScriptProfile.slanted``: Amiri's slanted cut is not used).
* Chinese: AR PL UMing CN, a Song/Ming face (``fonts-arphic-uming``); emphasis in AR PL UKai CN, the Kai face UN
  Chinese texts set opening phrases in (``fonts-arphic-ukai``); bold in WenQuanYi Zen Hei, a Hei face as UN
  Chinese headings (``fonts-wqy-zenhei``).

The lookup is deterministic: each face is looked for first in the folders named by ``UNCONVERT_FONT_DIRS``
(``os.pathsep``-separated; the file directly in the folder or in the package's own subfolder), then at the one path
its Debian package installs it to (``/usr/share/fonts/truetype/liberation2/…``), then directly in
``/usr/local/share/fonts``. Nothing else is searched: the old ``fonts-liberation`` (1.07, folder ``liberation``)
or any other copy of a file of the same name is never picked up by accident, whatever sorts first on the machine.
``scripts/install.sh`` installs exactly these packages.
"""

from __future__ import annotations

import os
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFStreamFilterZCompress
from reportlab.pdfbase.ttfonts import TTFont

from unconvert.errors import ResourceError, WriteError
from unconvert.tree import Language
from unconvert.un.languages import profile_for, script_of
from unconvert.un.scripts import Script

SYSTEM_FONTS = Path("/usr/share/fonts")
LOCAL_FONTS = Path("/usr/local/share/fonts")


@dataclass(frozen=True, slots=True)
class Face:
    """One face to register: its reportlab name, file name, the Debian package shipping it, the folder under
    ``/usr/share/fonts`` the package installs it to, and its TTC member index."""

    name: str
    file: str
    package: str
    folder: str
    index: int = 0

    @property
    def subfolder(self) -> str:
        """The package's own folder (``liberation2`` of ``truetype/liberation2``)."""
        return self.folder.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Family:
    """The four registered face names a language's text is set in."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    def pick(self, *, bold: bool, italic: bool) -> str:
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


_LIBERATION = ("fonts-liberation2", "truetype/liberation2")
_AMIRI = ("fonts-hosny-amiri", "opentype/fonts-hosny-amiri")
_LATIN = (
    Face("UNSerif", "LiberationSerif-Regular.ttf", *_LIBERATION),
    Face("UNSerif-Bold", "LiberationSerif-Bold.ttf", *_LIBERATION),
    Face("UNSerif-Italic", "LiberationSerif-Italic.ttf", *_LIBERATION),
    Face("UNSerif-BoldItalic", "LiberationSerif-BoldItalic.ttf", *_LIBERATION),
)
_ARABIC = (
    Face("UNArabic", "Amiri-Regular.ttf", *_AMIRI),
    Face("UNArabic-Bold", "Amiri-Bold.ttf", *_AMIRI),
)
_CHINESE = (
    Face("UNSong", "uming.ttc", "fonts-arphic-uming", "truetype/arphic", 0),
    Face("UNHei", "wqy-zenhei.ttc", "fonts-wqy-zenhei", "truetype/wqy", 0),
    Face("UNKai", "ukai.ttc", "fonts-arphic-ukai", "truetype/arphic", 0),
)
FACES = (*_LATIN, *_ARABIC, *_CHINESE)  # every face the writer can embed

LATIN = Family(*(f.name for f in _LATIN))
ARABIC = Family("UNArabic", "UNArabic-Bold", "UNArabic", "UNArabic-Bold")  # emphasis upright (scripts.ARABIC)
CHINESE = Family(regular="UNSong", bold="UNHei", italic="UNKai", bold_italic="UNHei")

_FACES = {LATIN: _LATIN, ARABIC: _ARABIC, CHINESE: _CHINESE}
_lock = threading.Lock()
_registered: set[str] = set()


_BY_SCRIPT = {Script.LATIN: LATIN, Script.CYRILLIC: LATIN, Script.ARABIC: ARABIC, Script.HAN: CHINESE}


def family_for(language: Language) -> Family:
    """The family ``language`` is set in, registering its faces on first use."""
    family = _BY_SCRIPT[script_of(language)]
    ensure(family)
    return family


def latin_for(language: Language) -> Family | None:
    """The family for Latin letters and digits inside text of ``language`` when its script's faces are unsuitable
    for them (the Chinese faces' Latin glyphs are fixed-width; UN Chinese texts set symbols and numbers in Times)."""
    fonts = profile_for(language).fonts
    if fonts.latin == fonts.text:
        return None
    ensure(LATIN)
    return LATIN


_LATIN_TWINS = {"UNSong": LATIN.regular, "UNKai": LATIN.regular, "UNHei": LATIN.bold}


def latin_twin(face: str) -> str | None:
    """The Latin face that stands in for the Chinese ``face`` for Latin letters and digits, else ``None``."""
    return _LATIN_TWINS.get(face)


def ensure(family: Family) -> None:
    """Register the faces of ``family`` with reportlab (once per process)."""
    faces = _FACES[family]
    if all(face.name in _registered for face in faces):
        return
    with _lock:
        for face in faces:
            if face.name in _registered:
                continue
            path = find(face)
            try:
                font = TTFont(face.name, str(path), subfontIndex=face.index)
                _glyphs_in_place(font.face)
                _embed_lean(font)
                pdfmetrics.registerFont(font)
            except Exception as exc:  # reportlab raises bare TTFError / struct errors for broken files
                raise WriteError(f"font {path} cannot be used for PDF output: {exc}") from exc
            _registered.add(face.name)


class _GlyphTable:
    """A face's ``glyf`` table as reportlab's subsetter reads it (a slice of it per glyph), sliced straight from
    the font file's bytes."""

    __slots__ = ("data", "start")

    def __init__(self, data: bytes, start: int) -> None:
        self.data = data
        self.start = start

    def __getitem__(self, part: slice) -> bytes:
        return self.data[self.start + part.start : self.start + part.stop]


def _glyphs_in_place(face: Any) -> None:
    """Make ``face`` hand its glyph table to the subsetter without copying it. ``TTFontFile.makeSubset`` (run for
    every subset of 256 characters a PDF embeds) asks for the whole table and takes its subset's glyphs from it:
    the copy, 16 MB in the Chinese faces (2 ms), was made for every subset of every document."""
    table = face.get_table
    glyphs = _GlyphTable(face._ttf_data, face.get_table_pos("glyf")[0])

    def get_table(tag: str) -> Any:
        return glyphs if tag == "glyf" else table(tag)

    face.get_table = get_table


# Printable ASCII but the space: with reportlab's ``asciiReadable`` (its default, which keeps the content streams'
# ASCII text readable) every font's first subset maps these codes to themselves, used or not.
_ASCII_PRINTABLE = range(33, 127)
_USED = "_unconvert_used"  # a font's state in a document (``TTFont.state[doc]``): the ASCII characters it has set


def _used(state: Any) -> set[str]:
    """The characters noted as set in a font's ``state`` in one document (made empty on first use)."""
    used: set[str] | None = getattr(state, _USED, None)
    if used is None:
        used = set()
        setattr(state, _USED, used)
    return used


def mark_used(font: Any, doc: Any, text: str) -> None:
    """Note that ``text`` was set in ``font`` in ``doc`` without reportlab's ``splitString`` (which notes what it
    splits itself): only the ASCII glyphs noted are embedded (``_embed_lean``)."""
    _used(font.state[doc]).update(text)


class _FastFlate(PDFStreamFilterZCompress):  # type: ignore[misc]
    """reportlab's Flate filter at zlib's level 1, for embedded font files (``_embed_lean``)."""

    def encode(self, data: bytes) -> bytes:
        return zlib.compress(data, 1)


_FAST_FLATE = _FastFlate()


def _embed_lean(font: Any) -> None:
    """Make ``font`` embed, in each document, only the glyphs the document sets, compressed fast.

    * reportlab's first subset of a font holds every printable ASCII code (``asciiReadable``), so a font set in one
      bold word embedded all 94 ASCII glyphs: unused ones are embedded as the empty glyph 0 (their codes, widths
      and ToUnicode entries stay, so the text and its extraction are unchanged). PDFs are about a fifth smaller.
    * Font files are compressed at zlib's level 1, not 6: glyph outlines compress poorly, level 6 makes them 6 %
      smaller for twice the time, and compressing them was a sixth of the PDF writer's time (a third in
      Chinese, whose glyphs are large).
    """
    face = font.face
    split = font.splitString
    add = face.addSubsetObjects

    def split_string(text: str, doc: Any, encoding: str = "utf-8") -> Any:
        chunks = split(text, doc, encoding)
        mark_used(font, doc, text)
        return chunks

    def add_subset_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        state = font.state.get(doc)
        if font._asciiReadable and state is not None and subset is state.subsets[0]:
            used = _used(state)
            subset = [0 if code in _ASCII_PRINTABLE and chr(code) not in used else code for code in subset]
        descriptor = add(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters:
            stream.filters = [_FAST_FLATE]
        return descriptor

    add_objects = font.addObjects

    def add_objects_formatted_fast(doc: Any) -> None:
        fonts = doc.idToObject["BasicFonts"].dict
        before = set(fonts)
        add_objects(doc)
        for name in fonts.keys() - before:
            fonts[name].Widths = _Widths(fonts[name].Widths.sequence)

    font.splitString = split_string
    face.addSubsetObjects = add_subset_objects
    font.addObjects = add_objects_formatted_fast


class _Widths(PDFArray):  # type: ignore[misc]
    """A font subset's ``/Widths``, formatted as reportlab formats an array (ten numbers a line) but with one call
    of its number formatter per line rather than three Python calls per number: 256 numbers a subset."""

    def format(self, document: Any, IND: bytes = b"") -> bytes:
        numbers = self.sequence
        lines = [fp_str(*numbers[i : i + 10]) for i in range(0, len(numbers), 10)]
        return b"[ " + " \n  ".join(lines).encode("ascii") + b" ]"


def extra_dirs() -> list[Path]:
    """The folders named by ``UNCONVERT_FONT_DIRS``, in order."""
    return [Path(p) for p in os.environ.get("UNCONVERT_FONT_DIRS", "").split(os.pathsep) if p]


def candidates(face: Face) -> list[Path]:
    """Every path ``face`` is looked for at, in order (see the module's docstring)."""
    out: list[Path] = []
    for folder in extra_dirs():
        out += [folder / face.file, folder / face.subfolder / face.file]
    out += [SYSTEM_FONTS / face.folder / face.file, LOCAL_FONTS / face.file]
    return out


def find(face: Face) -> Path:
    """The path of ``face``'s file; ``ResourceError`` naming the Debian package when it is not installed."""
    for path in candidates(face):
        if path.is_file():
            return path
    raise ResourceError(
        f"PDF output needs the font file {face.file}: install the Debian package {face.package} "
        f"(apt-get install {face.package}) or put the file in a folder named by UNCONVERT_FONT_DIRS"
    )
