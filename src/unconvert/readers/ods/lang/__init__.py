"""One table per language: what each language prints, as data. ``table_for(Language)`` returns it.

The reader never branches on a language: it asks the table. Adding a language is adding a module here.
"""

from __future__ import annotations

import functools

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.tree import Language


@functools.cache
def all_tables() -> tuple[LanguageTable, ...]:
    """The six tables, in the UN's order of languages (en, fr, es, ru, ar, zh)."""
    from unconvert.readers.ods.lang import ar, en, es, fr, ru, zh

    tables: tuple[LanguageTable, ...] = tuple(t.TABLE for t in (en, fr, es, ru, ar, zh))
    return tables


def table_for(language: Language) -> LanguageTable:
    """The table of ``language``."""
    for table in all_tables():
        if table.language is language:
            return table
    raise KeyError(language)


__all__ = ["LanguageTable", "all_tables", "table_for"]
