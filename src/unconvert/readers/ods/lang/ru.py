"""Language table: ru."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.tree import Language

TABLE = LanguageTable(
    language=Language.RU,
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.RU],
    operative_phrases=OPERATIVE[Language.RU],
    meeting_words=("пленарное заседание",),
    annex_words=("Приложение",),
)
