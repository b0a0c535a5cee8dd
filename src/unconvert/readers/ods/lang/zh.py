"""Language table: zh."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.readers.ods.lang.ordinals import ORDINALS
from unconvert.tree import DocKind, Language, Organ

TABLE = LanguageTable(
    language=Language.ZH,
    # --- stage 1: front matter
    months={},
    date_patterns=(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",),
    ordinals=ORDINALS[Language.ZH],
    # a regular, special or emergency special session (``第十一届紧急特别会议``)
    session_patterns=(
        r"第(?P<ordinal>[一二三四五六七八九十百零〇]+)届(?:紧急)?(?:特别)?会议",
        r"(?P<year>\d{4})\s*年\s*(?:届会|会议)",
    ),
    agenda_patterns=(r"议程项目\s*(?P<items>\d.*)",),
    authority=("联合国",),
    organs=(
        ("大会", Organ.GA),
        ("经济及社会理事会", Organ.ECOSOC),
        ("安全理事会", Organ.SC),
        ("人权理事会", Organ.HRC),
    ),
    formulae=(
        ("大会", Organ.GA),
        ("经济及社会理事会", Organ.ECOSOC),
        ("安全理事会", Organ.SC),
        ("人权理事会", Organ.HRC),
    ),
    doc_types=(("决定", DocKind.DECISION), ("决议", DocKind.RESOLUTION)),
    adoption_patterns=(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\S*(?:决议|决定)$",),
    proponent_patterns=(
        r"全会",
        r"全体会议",
        r"第[一二三四五六]委员会",
        r"特别政治和非殖民化委员会.*",
    ),
    title_patterns=(r"第\s*(?P<number>\d+\s*[(（]\d{4}[)）])\s*号决议",),
    # with its meeting, or the date alone (``安全理事会2020年12月18日通过``)
    adopted_at_patterns=(
        r"\d{4}\s*年.*?日\s*(?:在)?\s*(?P<meeting>(?P<ordinal>第?\d+)\s*次会议)\s*通过",
        r"\S*?(?:于\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*通过$",
    ),
    common_words=(),
    # --- stage 2: body
    preambular_phrases=PREAMBULAR[Language.ZH],
    operative_phrases=OPERATIVE[Language.ZH],
    meeting_words=("全体会议",),
    annex_words=("附件",),
    table_headings=("行动", "员额职称", "职类/职等", "数目"),
    italic_phrases=False,
    phrase_boundary=False,
    phrase_fallback_words=0,
    phrase_forms_differ=False,
    section_numerals=(
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "十一",
        "十二",
        "十三",
        "十四",
        "十五",
        "十六",
        "十七",
        "十八",
        "十九",
        "二十",
        "二十一",
        "二十二",
        "二十三",
        "二十四",
        "二十五",
        "二十六",
        "二十七",
        "二十八",
        "二十九",
        "三十",
        "三十一",
        "三十二",
        "三十三",
        "三十四",
        "三十五",
        "三十六",
        "三十七",
        "三十八",
        "三十九",
    ),
)
