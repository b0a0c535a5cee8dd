"""Language table: fr."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.tree import Language

TABLE = LanguageTable(language=Language.FR)
