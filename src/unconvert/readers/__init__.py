"""Readers: bytes of some input format -> ``unconvert.tree.Document``. Readers never write."""
