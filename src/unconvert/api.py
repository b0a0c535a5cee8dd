"""The library's front door: read, write, convert, validate. Nothing here prints or exits."""

from __future__ import annotations

import os
from pathlib import Path

from unconvert import registry
from unconvert.context import Context
from unconvert.errors import ReadError
from unconvert.tree import Document

Source = str | os.PathLike[str] | bytes


def _load_source(source: Source, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, name or "<bytes>"
    path = Path(source)
    try:
        return path.read_bytes(), name or str(path)
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", name=name or str(path)) from exc


def read(source: Source, *, format: str = "ods", name: str | None = None) -> Document:
    """Read a document from a path or bytes; ``ReadError`` names the file and line of what is wrong."""
    data, label = _load_source(source, name)
    return registry.reader(format)(data, name=label)


def write(document: Document, format: str = "akn", *, context: Context | None = None) -> bytes:
    """Serialise ``document`` in ``format`` (``akn``, ``text``, ``docx``, ``pdf`` or a plugin)."""
    return registry.writer(format)(document, context=context or Context.from_env())


def convert(
    source: Source,
    to: str = "akn",
    *,
    format: str = "ods",
    name: str | None = None,
    context: Context | None = None,
) -> bytes:
    """Read ``source`` and write it as ``to``: ``convert("A_RES_64_183.txt", "akn")``."""
    return write(read(source, format=format, name=name), to, context=context)


def validate(source: Source, *, name: str | None = None) -> None:
    """Validate an AKN document against the official XSD; ``ValidationError`` lists every error with its line."""
    from unconvert.writers.akn.schema import validate_bytes

    data, label = _load_source(source, name)
    validate_bytes(data, name=label)
