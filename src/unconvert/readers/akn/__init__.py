"""The Akoma Ntoso reader: ``read(data, name=...) -> Document`` for AKN4UN XML, as the UN's DGACM publishes it
(the ``*.akn.xml`` beside the corpus documents) and as ``unconvert``'s own AKN writer writes it.

``sniff`` (the registry's content test: an ``akomaNtoso`` root) is light; the reader itself, with lxml, is
imported on first use.
"""

from __future__ import annotations

from unconvert.readers.akn.sniff import sniff
from unconvert.tree import Document


def read(data: bytes, *, name: str = "<input>") -> Document:
    """Read one AKN document; ``ReadError`` (file and line) for input that is not well-formed AKN."""
    from unconvert.readers.akn.reader import read as read_akn

    return read_akn(data, name=name)


__all__ = ["read", "sniff"]
