"""Language table: fr."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.tree import Language

TABLE = LanguageTable(
    language=Language.FR,
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.FR],
    operative_phrases=OPERATIVE[Language.FR],
    meeting_words=("séance plénière",),
    annex_words=("Annexe",),
)
