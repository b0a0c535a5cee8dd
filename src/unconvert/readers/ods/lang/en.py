"""Language table: en."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.tree import Language

TABLE = LanguageTable(
    language=Language.EN,
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.EN],
    operative_phrases=OPERATIVE[Language.EN],
    meeting_words=("plenary meeting",),
    annex_words=("Annex",),
)
