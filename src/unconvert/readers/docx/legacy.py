"""Legacy Word 97-2003 files (``.doc``, the OLE compound file): converted to ``.docx`` by LibreOffice headless.

There is no well-kept Python reader of the binary Word format, and LibreOffice's filter is the one the UN's own
conversions use; without it installed the reader says so (``scripts/install.sh`` installs
``libreoffice-writer-nogui``). The conversion runs in a temporary directory with its own user profile, so that
it neither touches nor waits for a LibreOffice the user has open.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from unconvert.errors import ReadError

_TIMEOUT_S = 180
_PROGRAMS = ("soffice", "libreoffice")


def office_program() -> str | None:
    """The LibreOffice program on ``PATH``, or None."""
    for program in _PROGRAMS:
        found = shutil.which(program)
        if found:
            return found
    return None


def convert_doc(data: bytes, *, name: str) -> bytes:
    """The ``.docx`` bytes of a ``.doc``; ``ReadError`` when LibreOffice is missing or fails on it."""
    program = office_program()
    if program is None:
        raise ReadError(
            "a legacy Word 97-2003 file (.doc): reading it needs LibreOffice (soffice) on PATH, which is not "
            "installed; install libreoffice-writer-nogui (scripts/install.sh does) or save the file as .docx",
            name=name,
        )
    with tempfile.TemporaryDirectory(prefix="unconvert-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "input.doc"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice took over {_TIMEOUT_S} s to convert this .doc", name=name) from None
        except OSError as exc:
            raise ReadError(f"LibreOffice could not be started to convert this .doc: {exc}", name=name) from None
        result = folder / "out" / "input.docx"
        if done.returncode != 0 or not result.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit status {done.returncode}"
            raise ReadError(f"LibreOffice could not convert this .doc: {reason}", name=name)
        return result.read_bytes()


__all__ = ["convert_doc", "office_program"]
