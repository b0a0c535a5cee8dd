"""Language table: ru."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.tree import Language

TABLE = LanguageTable(language=Language.RU)
