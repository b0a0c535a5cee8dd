"""Language table: es."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.tree import Language

TABLE = LanguageTable(
    language=Language.ES,
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.ES],
    operative_phrases=OPERATIVE[Language.ES],
    meeting_words=("sesión plenaria",),
    annex_words=("Anexo",),
)
