"""Language table: es."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.readers.ods.lang.ordinals import ORDINALS
from unconvert.tree import DocKind, Language, Organ

TABLE = LanguageTable(
    language=Language.ES,
    # --- stage 1: front matter
    months={
        "enero": 1,
        "febrero": 2,
        "marzo": 3,
        "abril": 4,
        "mayo": 5,
        "junio": 6,
        "julio": 7,
        "agosto": 8,
        "septiembre": 9,
        "setiembre": 9,
        "octubre": 10,
        "noviembre": 11,
        "diciembre": 12,
    },
    date_patterns=(r"(?P<day>\d{1,2})\s*de\s+(?P<month>{month})\s+de\s*(?P<year>\d{4})",),
    ordinals=ORDINALS[Language.ES],
    session_patterns=(
        # a regular, special or emergency special session (``Undécimo período extraordinario de sesiones de
        # emergencia``)
        r"(?P<ordinal>[\w\s]+?)\s+período\s+(?:extraordinario\s+)?de\s+sesiones(?:\s+de\s+emergencia)?",
        r"período\s+de\s+sesiones\s+de\s+(?P<year>\d{4})",
    ),
    agenda_patterns=(r"temas?\s*(?P<items>\d.*?)\s*del\s+programa",),
    authority=("Naciones Unidas",),
    organs=(
        ("Asamblea General", Organ.GA),
        ("Consejo Económico y Social", Organ.ECOSOC),
        ("Consejo de Seguridad", Organ.SC),
        ("Consejo de Derechos Humanos", Organ.HRC),
    ),
    formulae=(
        ("La Asamblea General", Organ.GA),
        ("El Consejo Económico y Social", Organ.ECOSOC),
        ("El Consejo de Seguridad", Organ.SC),
        ("El Consejo de Derechos Humanos", Organ.HRC),
    ),
    doc_types=(("Decisión", DocKind.DECISION), ("Resolución", DocKind.RESOLUTION)),
    adoption_patterns=(r"(?:resolución|decisión)\s+aprobada\s+por\b",),
    proponent_patterns=(
        r"pleno",
        r"(?:primera|segunda|tercera|cuarta|quinta|sexta)\s+comisión",
        r"comisión\s+política\s+especial\s+y\s+de\s+descolonización.*",
    ),
    title_patterns=(r"resolución\s+(?P<number>\d+\s*\(\d{4}\))",),
    # with its meeting, or the date alone (``Aprobada por el Consejo de Seguridad el 18 de diciembre de 2020``)
    adopted_at_patterns=(
        r"aprobada\s+por\s+el\s+.+?\s+en\s+su\s+(?P<meeting>(?P<ordinal>\d+\s*\w*)\s+sesión)",
        r"aprobada\s+por\s+el\s+.+?\s+el\s+(?=\d)",
    ),
    common_words=("el", "la", "los", "las", "de", "del", "y", "en", "su", "sus"),
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.ES],
    operative_phrases=OPERATIVE[Language.ES],
    # a gerund or a participle, with an adverb before it (``Recordando``, ``Profundamente preocupada``)
    preambular_guess=(
        r"(?:[A-ZÁÉÍÓÚÑ]\w*mente\s+\w+(?:ado|ada|ados|adas|ido|ida|idos|idas)"
        r"|[A-ZÁÉÍÓÚÑ]\w*(?:ando|endo)|[A-ZÁÉÍÓÚÑ]\w*(?:ado|ada|ados|adas|ido|ida|idos|idas)"
        r"|Conocedora|Consciente|Resuelta|Deseos[oa]s?)\b"
    ),
    # a verb in the third person singular (``Decide``, ``Solicita``), not an article, pronoun or preposition opening
    # an ordinary sentence (``El …``, ``Si …``) nor a noun (``Desarrollo``, ``Globalización``, ``Actividades``)
    operative_guess=(
        r"(?!(?:El|La|Los|Las|Lo|Si|De|Del|En|Un|Una|Nosotros|Para|Por|Con|Al|A|Este|Esta|Estos|Estas)\b)"
        r"(?:(?:También|Asimismo|Además|Enérgicamente|Firmemente)\s+)?[A-ZÁÉÍÓÚÑa-záéíóúñ]\w*[ae]\b"
    ),
    decimal_comma=True,
    meeting_words=("sesión plenaria",),
    annex_words=("Anexo",),
    annex_references=("anexo de la presente", "anexo a la presente", "anexa a la presente"),
)
