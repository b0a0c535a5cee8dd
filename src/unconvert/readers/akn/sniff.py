"""Is this Akoma Ntoso? The registry asks before reading (``registry.detect``): the input's root element,
found in its first bytes without parsing them (no entity is looked at, nothing is fetched)."""

from __future__ import annotations

import re

AKN_ROOT = "akomaNtoso"

# The XML declaration, processing instructions, comments and a DOCTYPE before the root; then the root's name.
_PROLOG = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.DOTALL)
_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def root_name(head: bytes) -> str | None:
    """The local name of the root element that ``head`` (the first bytes of a file) opens, or ``None`` when it
    does not start as XML (UTF-8, with or without BOM)."""
    prolog = _PROLOG.match(head)
    start = prolog.end() if prolog else 0
    found = _NAME.match(head, start)
    return found.group(1).decode("ascii", "replace") if found else None


def sniff(head: bytes) -> bool:
    """True when ``head`` opens an ``akomaNtoso`` root (in any namespace prefix)."""
    return root_name(head) == AKN_ROOT
