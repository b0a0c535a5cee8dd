"""Font discovery and registration: one embedded TrueType family per script, registered once per process.

reportlab embeds only TrueType outlines (not CFF), so every face below is a ``.ttf`` or a ``.ttc`` member. The
faces come from Debian packages that the project installs; a missing one raises ``WriteError`` naming the package.

The families by script are named in ``unconvert.un.scripts`` (``ScriptProfile.fonts``); here are their files:

* Latin and Cyrillic: Liberation Serif (Times metrics), regular/bold/italic/bold italic (``fonts-liberation2``).
* Arabic: Amiri, regular/bold/slanted (``fonts-hosny-amiri``).
* Chinese: AR PL UMing CN, a Song/Ming face (``fonts-arphic-uming``); emphasis in AR PL UKai CN, the Kai face UN
  Chinese texts set opening phrases in (``fonts-arphic-ukai``); bold in WenQuanYi Zen Hei, a Hei face as UN
  Chinese headings (``fonts-wqy-zenhei``).

``UNCONVERT_FONT_DIRS`` (``os.pathsep``-separated) is searched before the standard font folders.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from unconvert.errors import WriteError
from unconvert.tree import Language
from unconvert.un.scripts import Script, profile_for, script_of

FONT_DIRS = (
    Path("/usr/share/fonts/truetype"),
    Path("/usr/share/fonts/opentype"),
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
)


@dataclass(frozen=True, slots=True)
class Face:
    """One face to register: its reportlab name, file name, TTC member index and the Debian package shipping it."""

    name: str
    file: str
    package: str
    index: int = 0


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


_LATIN = (
    Face("UNSerif", "LiberationSerif-Regular.ttf", "fonts-liberation2"),
    Face("UNSerif-Bold", "LiberationSerif-Bold.ttf", "fonts-liberation2"),
    Face("UNSerif-Italic", "LiberationSerif-Italic.ttf", "fonts-liberation2"),
    Face("UNSerif-BoldItalic", "LiberationSerif-BoldItalic.ttf", "fonts-liberation2"),
)
_ARABIC = (
    Face("UNArabic", "Amiri-Regular.ttf", "fonts-hosny-amiri"),
    Face("UNArabic-Bold", "Amiri-Bold.ttf", "fonts-hosny-amiri"),
    Face("UNArabic-Italic", "Amiri-Slanted.ttf", "fonts-hosny-amiri"),
    Face("UNArabic-BoldItalic", "Amiri-BoldSlanted.ttf", "fonts-hosny-amiri"),
)
_CHINESE = (
    Face("UNSong", "uming.ttc", "fonts-arphic-uming", 0),
    Face("UNHei", "wqy-zenhei.ttc", "fonts-wqy-zenhei", 0),
    Face("UNKai", "ukai.ttc", "fonts-arphic-ukai", 0),
)

LATIN = Family(*(f.name for f in _LATIN))
ARABIC = Family(*(f.name for f in _ARABIC))
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
                pdfmetrics.registerFont(TTFont(face.name, str(path), subfontIndex=face.index))
            except Exception as exc:  # reportlab raises bare TTFError / struct errors for broken files
                raise WriteError(f"font {path} cannot be used for PDF output: {exc}") from exc
            _registered.add(face.name)


def search_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("UNCONVERT_FONT_DIRS", "").split(os.pathsep) if p]
    return [*extra, *FONT_DIRS]


def find(face: Face) -> Path:
    """The path of ``face``'s file; ``WriteError`` naming the Debian package when it is not installed."""
    for folder in search_dirs():
        if not folder.is_dir():
            continue
        direct = folder / face.file
        if direct.is_file():
            return direct
        for sub in sorted(folder.iterdir()):
            candidate = sub / face.file
            if sub.is_dir() and candidate.is_file():
                return candidate
    raise WriteError(
        f"PDF output needs the font file {face.file}: install the Debian package {face.package} "
        f"(apt-get install {face.package}) or put the file in a folder named by UNCONVERT_FONT_DIRS"
    )
