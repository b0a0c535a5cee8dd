"""One table per language: what each language prints, as data. ``table_for(Language)`` returns it.

The reader never branches on a language: it asks the table. Adding a language is adding a module here.
"""

from __future__ import annotations

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.tree import Language


def table_for(language: Language) -> LanguageTable:
    from unconvert.readers.ods.lang import ar, en, es, fr, ru, zh

    tables = {t.TABLE.language: t.TABLE for t in (en, fr, es, ru, ar, zh)}
    return tables[language]


def all_tables() -> list[LanguageTable]:
    from unconvert.readers.ods.lang import ar, en, es, fr, ru, zh

    return [t.TABLE for t in (en, fr, es, ru, ar, zh)]


__all__ = ["LanguageTable", "all_tables", "table_for"]
