"""Language table: en."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.readers.ods.lang.ordinals import ORDINALS
from unconvert.tree import DocKind, Language, Organ

TABLE = LanguageTable(
    language=Language.EN,
    # --- stage 1: front matter
    months={
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
    },
    date_patterns=(r"(?P<day>\d{1,2})\s*(?P<month>{month})\s*(?P<year>\d{4})",),
    ordinals=ORDINALS[Language.EN],
    # a regular, special or emergency special session (``Eleventh emergency special session``)
    session_patterns=(
        r"(?P<ordinal>[a-z]+(?:[\s-][a-z]+){0,3}?)\s+(?:(?:emergency\s+)?special\s+)?session",
        r"(?P<year>\d{4})\s+session",
    ),
    agenda_patterns=(r"agenda\s+items?\s*(?P<items>\d.*)",),
    authority=("United Nations",),
    organs=(
        ("General Assembly", Organ.GA),
        ("Economic and Social Council", Organ.ECOSOC),
        ("Security Council", Organ.SC),
        ("Human Rights Council", Organ.HRC),
    ),
    formulae=(
        ("The General Assembly", Organ.GA),
        ("The Economic and Social Council", Organ.ECOSOC),
        ("The Security Council", Organ.SC),
        ("The Human Rights Council", Organ.HRC),
    ),
    doc_types=(("Decision", DocKind.DECISION), ("Resolution", DocKind.RESOLUTION)),
    adoption_patterns=(r"(?:resolution|decision)\s+adopted\s+by\s+the\b",),
    proponent_patterns=(
        r"plenary",
        r"(?:first|second|third|fourth|fifth|sixth|main)\s+committee",
        r"special\s+political\s+and\s+decolonization\s+committee.*",
    ),
    title_patterns=(r"resolution\s+(?P<number>\d+\s*\(\d{4}\))",),
    # with its meeting, or the date alone (``Adopted by the Security Council on 18 December 2020``)
    adopted_at_patterns=(
        r"adopted\s+by\s+the\s+.+?\s+at\s+its\s+(?P<meeting>(?P<ordinal>\d+\s*\w*)\s+meeting)",
        r"adopted\s+by\s+the\s+.+?\s+on\s+(?=\d)",
    ),
    common_words=("the", "of", "and", "to", "in", "its", "on"),
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.EN],
    operative_phrases=OPERATIVE[Language.EN],
    # a participle, with an adverb before it or its fixed complement (``Deeply concerned``, ``Having considered``,
    # ``Taking into account``)
    preambular_guess=(
        r"(?!(?:During|Nothing|Notwithstanding)\b)"
        r"(?:(?:Also|Further|Again|[A-Z][a-z]+ly)\s+[a-z]+(?:ing|ed)"
        r"|Having\s+(?:also\s+)?[a-z]+|Taking\s+(?:note|into\s+(?:account|consideration))|Bearing\s+in\s+mind"
        r"|[A-Z][a-z]+(?:ing|ed)|Cognizant|Conscious|Mindful|Aware|Desirous|Determined)\b"
    ),
    # a verb in the third person, with an adverb before it (``Agrees``, ``Also decides``, ``Strongly condemns``)
    operative_guess=(
        r"(?!(?:This|Its|His|As|Was|Is|Has|Thus|Perhaps|Whereas|Unless|Always|Less|Business|Access|Progress)\b)"
        r"(?:(?:Also|Further|Again|Once\s+again|[A-Z][a-z]+ly)\s+(?:[a-z]+ly\s+)?[a-z]+s|[A-Z][a-z]+(?:-[a-z]+)?s)\b"
    ),
    meeting_words=("plenary meeting",),
    annex_words=("Annex",),
    annex_references=("annexed to the present", "annex to the present"),
)
