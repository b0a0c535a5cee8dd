"""The tree's versioned JSON form.

Every node becomes an object ``{"type": "<ClassName>", <field>: <value>, ...}``; tuples become lists, dates ISO
strings, enums their values. The top level is ``{"unconvert": JSON_VERSION, "document": {...}}``. ``from_json``
rebuilds the exact tree (source lines included), reads the versions before (a field a version added takes its
default) and rejects another version or an unknown node type with ``ValueError``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
import types
import typing
from typing import Any

from unconvert import diagnostics as _diagnostics
from unconvert.tree import blocks as _blocks
from unconvert.tree import document as _document
from unconvert.tree import inlines as _inlines
from unconvert.tree import meta as _meta

JSON_VERSION = 2
# Version 2 added ``Meta.running_head``; a version-1 tree reads as it was written (the field's default).
_READABLE_VERSIONS = (1, 2)

_NODE_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for module in (_blocks, _document, _inlines, _meta, _diagnostics)
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
}


def to_json(document: _document.Document) -> dict[str, Any]:
    """The JSON-ready form of ``document`` (``json.dumps`` it as you like)."""
    return {"unconvert": JSON_VERSION, "document": _encode(document)}


def from_json(data: dict[str, Any]) -> _document.Document:
    """Rebuild a document from ``to_json``'s output."""
    if not isinstance(data, dict) or data.get("unconvert") not in _READABLE_VERSIONS:
        raise ValueError(f"not an unconvert tree of JSON version {' or '.join(map(str, _READABLE_VERSIONS))}")
    document = _decode(data["document"], _document.Document)
    assert isinstance(document, _document.Document)
    return document


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = _encode(getattr(value, f.name))
        return out
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _decode(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        if isinstance(value, dict) and "type" in value:
            return _decode_node(value)
        non_none = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(value, non_none[0])
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0] if len(args) == 2 and args[1] is Ellipsis else Any
        return tuple(_decode(v, item) for v in value)
    if isinstance(value, dict) and "type" in value:
        return _decode_node(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is _dt.date:
        return _dt.date.fromisoformat(value)
    if isinstance(value, list):
        return tuple(_decode(v, Any) for v in value)
    return value


_NAMESPACE: dict[str, Any] = {**vars(_diagnostics), **vars(_blocks), **vars(_document), **vars(_inlines), **vars(_meta)}
_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, _NAMESPACE)
    return _HINTS[cls]


def _decode_node(data: dict[str, Any]) -> Any:
    cls = _NODE_TYPES.get(data["type"])
    if cls is None:
        raise ValueError(f"unknown node type {data['type']!r}")
    hints = _hints(cls)
    kwargs = {f.name: _decode(data[f.name], hints[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)
