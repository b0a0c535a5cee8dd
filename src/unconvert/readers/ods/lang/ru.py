"""Language table: ru."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.readers.ods.lang.ordinals import ORDINALS
from unconvert.tree import DocKind, Language, Organ

# An adverb before an opening verb: a listed one, an adverb in -но (``безоговорочно``, ``позитивно``), or a
# prepositional phrase (``с глубокой обеспокоенностью``, ``должным образом``).
_ADVERB = (
    r"(?:вновь|также|далее|особо|высоко|полностью|глубоко|твердо|еще\s+раз|[а-яё]+но"
    r"|(?:самым\s+[а-яё]+|должным)\s+образом|[сc]о?\s+[а-яё]+(?:\s+[а-яё]+)?)"
)

TABLE = LanguageTable(
    language=Language.RU,
    # --- stage 1: front matter
    months={
        "января": 1,
        "февраля": 2,
        "марта": 3,
        "апреля": 4,
        "мая": 5,
        "июня": 6,
        "июля": 7,
        "августа": 8,
        "сентября": 9,
        "октября": 10,
        "ноября": 11,
        "декабря": 12,
        "январь": 1,
        "февраль": 2,
        "март": 3,
        "апрель": 4,
        "май": 5,
        "июнь": 6,
        "июль": 7,
        "август": 8,
        "сентябрь": 9,
        "октябрь": 10,
        "ноябрь": 11,
        "декабрь": 12,
    },
    date_patterns=(r"(?P<day>\d{1,2})\s*(?P<month>{month})\s*(?P<year>\d{4})(?:\s*года|\s*г\.)?",),
    ordinals=ORDINALS[Language.RU],
    # a regular, special or emergency special session (``Одиннадцатая чрезвычайная специальная сессия``)
    session_patterns=(
        r"(?P<ordinal>[\w\s]+?)\s+(?:(?:чрезвычайная\s+)?специальная\s+)?сессия",
        r"сессия\s+(?P<year>\d{4})\s+года",
    ),
    agenda_patterns=(r"пункты?\s*(?P<items>\d.*?)\s*повестки\s+дня",),
    authority=("Организация Объединенных Наций",),
    organs=(
        ("Генеральная Ассамблея", Organ.GA),
        ("Экономический и Социальный Совет", Organ.ECOSOC),
        ("Совет Безопасности", Organ.SC),
        ("Совет по правам человека", Organ.HRC),
    ),
    formulae=(
        ("Генеральная Ассамблея", Organ.GA),
        ("Экономический и Социальный Совет", Organ.ECOSOC),
        ("Совет Безопасности", Organ.SC),
        ("Совет по правам человека", Organ.HRC),
    ),
    doc_types=(("Решение", DocKind.DECISION), ("Резолюция", DocKind.RESOLUTION)),
    adoption_patterns=(r"(?:резолюция|решение),?\s+принят(?:ая|ое)\b",),
    proponent_patterns=(
        r"пленарн\w+\s+заседани\w+",
        r"(?:первый|второй|третий|четвертый|пятый|шестой|главный)\s+комитет",
        r"комитет\s+по\s+специальным\s+политическим\s+вопросам.*",
    ),
    title_patterns=(r"резолюция\s+(?P<number>\d+\s*\(\d{4}\)),?",),
    # with its meeting, or the date alone (``принятая Советом Безопасности 18 декабря 2020 года``)
    adopted_at_patterns=(
        r"принятая\s+.+?\s+на\s+(?:его|своем)\s+(?P<meeting>(?P<ordinal>\d+\s*-\s*м)\s+заседании)",
        r"принятая\s+\S+(?:\s+\S+)?\s+(?=\d{1,2}\s)",
    ),
    common_words=(),
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.RU],
    operative_phrases=OPERATIVE[Language.RU],
    # a verb in the third person, with adverbs before it (``постановляет``, ``вновь просит``, ``безоговорочно
    # осуждает``, ``с озабоченностью отмечает``; the UN's files sometimes print a Latin ``c`` for ``с``)
    operative_guess=rf"(?:{_ADVERB}\s+)*[а-яё]+(?:ет|ит|ется|ится)\b",
    # an adverbial participle, with what qualifies it (``напоминая``, ``с тревогой отмечая``, ``будучи убеждена``,
    # ``позитивно оценивая``)
    preambular_guess=rf"(?:будучи\s+(?:[а-яё]+[ое]\s+)?[а-яё]+а|(?:{_ADVERB}\s+){{0,2}}[а-яё]+(?:я|в|вшись|сь))\b",
    decimal_comma=True,
    year_words=("год", "года", "году", "годом", "годов", "годах", "годы", "гг.", "г."),
    meeting_words=("пленарное заседание",),
    annex_words=("Приложение",),
    annex_references=(
        "приложении к настоящей",
        "прилагаемую к настоящей",
        "прилагаемый к настоящей",
        "прилагаемые к настоящей",
    ),
)
