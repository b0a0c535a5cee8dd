"""What the UN prints and how each of its six languages prints it: knowledge that every reader and writer may use.

This package sits between the tree and the formats: it imports ``unconvert.tree`` and the standard library only,
never a reader, a writer, the layout model or the batch engine. ``docs/architecture.md`` says where a new language
or a new script goes.
"""
