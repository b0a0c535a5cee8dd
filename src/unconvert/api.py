"""The library's front door: read, write, render, convert, validate. Nothing here prints or exits.

Every input is read with a size cap (``max_bytes``, default ``MAX_INPUT_BYTES``, 64 MiB — an ODS dump is a few
hundred KB, the largest a few MB): ``read``/``convert``/``validate`` of ``/dev/zero`` or a runaway file raise
``ReadError`` instead of filling the memory. Pass ``max_bytes=None`` to lift the cap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from unconvert import registry
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.errors import ReadError
from unconvert.tree import Document

Source = str | os.PathLike[str] | bytes | IO[bytes] | IO[str]
"""What ``read``, ``convert`` and ``validate`` take: a path (``str`` or ``PathLike``), the bytes of a file, or an open
file object (binary, or text: then its characters are taken as they are). Text held in a ``str`` goes through the
explicit ``text=`` argument, never as ``source``: a ``str`` source is always a path."""

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


def read_stream(stream: IO[bytes] | IO[str], max_bytes: int | None, *, name: str) -> bytes:
    """The bytes of an open file object (``sys.stdin.buffer``, ``io.BytesIO``, a file opened with ``open``), read
    in chunks up to ``max_bytes``. A text stream's characters are encoded as UTF-8: it was decoded already."""
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            want = _CHUNK if max_bytes is None else min(_CHUNK, max_bytes + 1 - size)
            chunk: Any = stream.read(want)
            if not chunk:
                return b"".join(chunks)
            if isinstance(chunk, str):
                chunk = chunk.encode("utf-8", "surrogatepass")
            if not isinstance(chunk, bytes | bytearray | memoryview):
                raise ReadError(f"the file object gave {type(chunk).__name__}, not bytes or str", name=name)
            chunks.append(bytes(chunk))
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise ReadError(
                    f"input larger than the limit of {max_bytes} bytes (raise it with max_bytes / --max-size)",
                    name=name,
                )
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", name=name) from exc


def _stream_name(stream: object) -> str | None:
    label = getattr(stream, "name", None)
    return label if isinstance(label, str) and not label.startswith("<") else None


def _load_source(source: Source | None, name: str | None, max_bytes: int | None, text: str | None) -> tuple[bytes, str]:
    if text is not None:
        if source is not None:
            raise TypeError("give either a source or text=, not both")
        data = text.encode("utf-8", "surrogatepass")
        label = name or "<text>"
    elif source is None:
        raise TypeError("nothing to read: give a path, bytes, a file object, or text=")
    elif isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or "<bytes>"
    elif isinstance(source, str) and ("\n" in source or len(source) > 4096):
        raise ReadError(
            "this looks like the text of a document, not a file name: pass it as text=…",
            name=name or "<str>",
        )
    elif isinstance(source, str | os.PathLike):
        label = name or os.fspath(source)
        return read_capped(Path(source), max_bytes, name=label), label
    else:
        label = name or _stream_name(source) or "<stream>"
        return read_stream(source, max_bytes, name=label), label
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(f"input larger than the limit of {max_bytes} bytes", name=label)
    return data, label


def read(
    source: Source | None = None,
    *,
    text: str | None = None,
    format: str | None = None,
    name: str | None = None,
    max_bytes: int | None = MAX_INPUT_BYTES,
) -> Document:
    """Read a document; ``ReadError`` names the file and line of what is wrong.

        >>> unconvert.read("A_RES_64_183.txt")                # a path
        >>> unconvert.read(sys.stdin.buffer, name="<stdin>")  # an open file (binary or text)
        >>> unconvert.read(data)                              # the bytes of a file
        >>> unconvert.read(text=dump)                         # the text itself, a str

    A ``str`` given as ``source`` is a path: text goes through ``text=`` (a ``str`` with a line break in it, or
    longer than any path, is refused with that hint). ``format`` names the reader (``ods``, ``akn``, ``docx``);
    ``None`` (or ``"auto"``) tells it from the content: an ``akomaNtoso`` XML root is AKN, a Word zip or OLE file
    is Word, text is an ODS dump (``registry.detect``), whatever the file is called."""
    data, label = _load_source(source, name, max_bytes, text)
    return registry.reader_for(data, format, name=label)(data, name=label)


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
    source: Source | None = None,
    to: str = "akn",
    *,
    text: str | None = None,
    format: str | None = None,
    name: str | None = None,
    context: Context | None = None,
    max_bytes: int | None = MAX_INPUT_BYTES,
) -> bytes:
    """Read ``source`` (or ``text=``) and write it as ``to``: ``convert("A_RES_64_183.txt", "akn")``."""
    document = read(source, text=text, format=format, name=name, max_bytes=max_bytes)
    return write(document, to, context=context)


def validate(
    source: Source | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    max_bytes: int | None = MAX_INPUT_BYTES,
) -> None:
    """Validate an AKN document against the official XSD. ``ValidationError`` lists every error with its line
    (malformed XML, an entity reference — entities are never expanded —, an XSD error); ``ReadError`` when the
    input cannot be read or is over ``max_bytes``. Nothing else escapes."""
    from unconvert.writers.akn.schema import validate_bytes

    data, label = _load_source(source, name, max_bytes, text)
    validate_bytes(data, name=label)


__all__ = [
    "MAX_INPUT_BYTES",
    "Rendered",
    "Source",
    "convert",
    "read",
    "read_capped",
    "read_stream",
    "render",
    "validate",
    "write",
]
