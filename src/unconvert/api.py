"""The library's front door: read, write, render, convert, validate. Nothing here prints or exits.

Every input is read with a size cap (``max_bytes``, default ``MAX_INPUT_BYTES``, 64 MiB — an ODS dump is a few
hundred KB, the largest a few MB): ``read``/``convert``/``validate`` of ``/dev/zero`` or a runaway file raise
``ReadError`` instead of filling the memory. Pass ``max_bytes=None`` to lift the cap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from unconvert import registry
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError
from unconvert.tree import Document

Source = str | os.PathLike[str] | bytes

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Default cap on the bytes read from one input (``read``, ``convert``, ``validate``, each document of a batch)."""

_CHUNK = 1024 * 1024


def read_capped(path: str | os.PathLike[str], max_bytes: int | None, *, name: str | None = None) -> bytes:
    """The bytes of the file at ``path``, read in chunks and refused (``ReadError``) past ``max_bytes``."""
    label = name or os.fspath(path)
    try:
        with open(path, "rb") as handle:
            if max_bytes is None:
                return handle.read()
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = handle.read(min(_CHUNK, max_bytes + 1 - size))
                if not chunk:
                    return b"".join(chunks)
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise ReadError(
                        f"input larger than the limit of {max_bytes} bytes (raise it with max_bytes / --max-size)",
                        name=label,
                    )
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", name=label) from exc


def _load_source(source: Source, name: str | None, max_bytes: int | None) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        label = name or "<bytes>"
        if max_bytes is not None and len(source) > max_bytes:
            raise ReadError(f"input larger than the limit of {max_bytes} bytes", name=label)
        return source, label
    label = name or os.fspath(source)
    return read_capped(Path(source), max_bytes, name=label), label


def read(
    source: Source, *, format: str = "ods", name: str | None = None, max_bytes: int | None = MAX_INPUT_BYTES
) -> Document:
    """Read a document from a path or bytes; ``ReadError`` names the file and line of what is wrong."""
    data, label = _load_source(source, name, max_bytes)
    return registry.reader(format)(data, name=label)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A writer's output: ``data`` (the bytes ``write`` returns), the ``format`` that wrote it (its registry
    name, aliases resolved) and the ``diagnostics`` it reported — what it had to adapt to the format, in the
    order it met them. Every diagnostic's code starts with the format's name (``akn-noteref-dropped``)."""

    format: str
    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()


def render(document: Document, format: str = "akn", *, context: Context | None = None) -> Rendered:
    """Serialise ``document`` in ``format`` and say what the writer had to adapt:

        >>> rendered = unconvert.render(doc, "text")
        >>> for d in rendered.diagnostics: print(d)     # line 12: warning: … [text-table-flattened]

    The writer reports into a sink of this call only (a shared ``context`` never accumulates diagnostics); a
    ``sink`` already on ``context`` receives them too. A code without the format's prefix gets it, so that a
    diagnostic always names the format that reported it. ``data`` is exactly what ``write`` returns."""
    name = registry.get_format(format, "writer").name
    context = context or Context.from_env()
    outer = context.sink
    prefix = f"{name}-"
    found: list[Diagnostic] = []

    def collect(diagnostic: Diagnostic) -> None:
        if not diagnostic.code.startswith(prefix):
            diagnostic = replace(diagnostic, code=prefix + diagnostic.code)
        found.append(diagnostic)
        if outer is not None:
            outer(diagnostic)

    data = registry.writer(name)(document, context=context.with_sink(collect))
    return Rendered(name, data, tuple(found))


def write(document: Document, format: str = "akn", *, context: Context | None = None) -> bytes:
    """Serialise ``document`` in ``format`` (``akn``, ``text``, ``docx``, ``pdf`` or a plugin). What the writer
    had to adapt goes to ``context.sink`` if it has one; ``render`` returns it with the bytes."""
    context = context or Context.from_env()
    if context.sink is None:
        return registry.writer(format)(document, context=context)
    return render(document, format, context=context).data


def convert(
    source: Source,
    to: str = "akn",
    *,
    format: str = "ods",
    name: str | None = None,
    context: Context | None = None,
    max_bytes: int | None = MAX_INPUT_BYTES,
) -> bytes:
    """Read ``source`` and write it as ``to``: ``convert("A_RES_64_183.txt", "akn")``."""
    return write(read(source, format=format, name=name, max_bytes=max_bytes), to, context=context)


def validate(source: Source, *, name: str | None = None, max_bytes: int | None = MAX_INPUT_BYTES) -> None:
    """Validate an AKN document against the official XSD. ``ValidationError`` lists every error with its line
    (malformed XML, an entity reference — entities are never expanded —, an XSD error); ``ReadError`` when the
    input cannot be read or is over ``max_bytes``. Nothing else escapes."""
    from unconvert.writers.akn.schema import validate_bytes

    data, label = _load_source(source, name, max_bytes)
    validate_bytes(data, name=label)


__all__ = ["MAX_INPUT_BYTES", "Rendered", "Source", "convert", "read", "read_capped", "render", "validate", "write"]
