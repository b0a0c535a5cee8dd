"""Language table: fr."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.readers.ods.lang.ordinals import ORDINALS
from unconvert.tree import DocKind, Language, Organ

TABLE = LanguageTable(
    language=Language.FR,
    # --- stage 1: front matter
    months={
        "janvier": 1,
        "février": 2,
        "mars": 3,
        "avril": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "août": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "décembre": 12,
    },
    date_patterns=(r"(?P<day>\d{1,2})(?:er|re)?\s*(?P<month>{month})\s*(?P<year>\d{4})",),
    ordinals=ORDINALS[Language.FR],
    # a regular, special or emergency special session (``Onzième session extraordinaire d’urgence``)
    session_patterns=(
        r"(?P<ordinal>[\w\s-]+?)\s+session(?:\s+extraordinaire(?:\s+d[’'‘]\s*urgence)?)?",
        r"session\s+de\s+(?P<year>\d{4})",
    ),
    agenda_patterns=(r"points?\s*(?P<items>\d.*?)\s*de\s+l[’'‘]\s*ordre\s+du\s+jour",),
    authority=("Nations Unies",),
    organs=(
        ("Assemblée générale", Organ.GA),
        ("Conseil économique et social", Organ.ECOSOC),
        ("Conseil de sécurité", Organ.SC),
        ("Conseil des droits de l’homme", Organ.HRC),
    ),
    formulae=(
        ("L’Assemblée générale", Organ.GA),
        ("Le Conseil économique et social", Organ.ECOSOC),
        ("Le Conseil de sécurité", Organ.SC),
        ("Le Conseil des droits de l’homme", Organ.HRC),
    ),
    doc_types=(("Décision", DocKind.DECISION), ("Résolution", DocKind.RESOLUTION)),
    adoption_patterns=(r"(?:résolution|décision)\s+adoptée\s+par\b",),
    proponent_patterns=(
        r"plénière",
        r"(?:première|deuxième|troisième|quatrième|cinquième|sixième|grande)\s+commission",
        r"commission\s+des\s+questions\s+politiques\s+spéciales.*",
    ),
    title_patterns=(r"résolution\s+(?P<number>\d+\s*\(\d{4}\))",),
    # with its meeting, or the date alone (``Adoptée par le Conseil de sécurité le 18 décembre 2020``)
    adopted_at_patterns=(
        r"adoptée\s+par\s+le\s+.+?\s+à\s+sa\s+(?P<meeting>(?P<ordinal>\d+\s*\w*)\s+séance)",
        r"adoptée\s+par\s+le\s+.+?\s+le\s+(?=\d)",
    ),
    common_words=("le", "la", "les", "de", "des", "et", "du", "à", "sa", "ses"),
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.FR],
    operative_phrases=OPERATIVE[Language.FR],
    # a present or past participle, with an adverb before it (``Rappelant``, ``Profondément préoccupée``)
    preambular_guess=(
        r"(?:[A-ZÀ-Ý]\w*ment\s+\w+(?:é|ée|és|ées|u|ue|us|ues|ète|ètes)|(?:Se\s+|S’)?[A-ZÀ-Ýa-zà-ÿ]\w*ant"
        r"|[A-ZÀ-Ý]\w*(?:é|ée|és|ées)|Conscient(?:e|s|es)?|Convaincu(?:e|s|es)?|Résolu(?:e|s|es)?|Désireu(?:x|se|ses))\b"
    ),
    # a verb in the third person singular (``Décide``, ``Prend``, ``Reconnaît``), not an article, pronoun or
    # preposition opening an ordinary sentence (``Les …``, ``Si …``) nor a noun (``Développement``, ``Activités``)
    operative_guess=(
        r"(?!(?:Le|La|Les|L|Si|De|Des|Du|En|Dans|Nous|Ce|Cette|Ces|Il|Elle|Ils|Elles|Un|Une|Au|Aux|Pour|Par|Sur|À)\b)"
        r"(?:(?:Également|Aussi|Encore|Vivement|Fermement|Instamment)\s+)?(?:A\s+\w+|(?:S’)?[A-ZÀ-Ýa-zà-ÿ]\w*[etd](?<!ment))\b"
    ),
    decimal_comma=True,
    meeting_words=("séance plénière",),
    annex_words=("Annexe",),
    annex_references=(
        "annexe à la présente",
        "annexé à la présente",
        "annexée à la présente",
        "annexés à la présente",
        "annexées à la présente",
    ),
)
