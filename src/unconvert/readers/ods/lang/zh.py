"""Language table: zh."""

from unconvert.readers.ods.lang.base import LanguageTable
from unconvert.readers.ods.lang.opening_phrases import OPERATIVE, PREAMBULAR
from unconvert.readers.ods.lang.ordinals import ORDINALS
from unconvert.tree import DocKind, Language, Organ

# A Chinese opening phrase: adverbs (``又``, ``再次``), an adverb of manner in ``地`` (``最强烈地``, ``满意地``), and a
# verb of the resolutions (``提及``, ``要求``), or ``表示``/``感到`` with what is expressed (``表示严重关切``); the
# same words open both parts, so one grammar serves both.
_ADVERB = (
    r"(?:又|还|也|并|再次|再度|一再|进一步|继续|仍然|依然|同时|特别|尤其|最"
    r"|深为|深切|严重|强烈|坚决|大力|极力|高度|充分|全力|非常|极为|日益|谨)"
)
_EXPRESSED = (
    r"(?:关切|关注|赞赏|支持|感谢|遗憾|震惊|欢迎|满意|愤慨|哀悼|同情|声援"
    r"|注意到|决心|承诺|致力于|担忧|失望|欣慰)"
)
_VERB = (
    r"(?:提及|回顾|忆及|重申|申明|注意到|知悉|获悉|认识到|意识到|确认|承认|欢迎|欣见|欣悉|赞赏|赞扬|称赞|赞许|关切|关注"
    r"|强调|指出|铭记|考虑到|念及|深信|相信|认为|认定|鼓励|促请|吁请|呼吁|敦促|要求|请|决定|提醒|谴责|斥责|痛惜|遗憾"
    r"|震惊|支持|核准|核可|通过|授权|指示|澄清|邀请|宣布|重视|期待|期望|希望|审议了|审议|收到|遵循|决心|致力于|坚持"
    r"|保证|赞同|同意|批准|建议|延长|设立|祝贺|感谢|确定|宣告|声明|警告|责成|肯定|注意|申明|承诺|核证|重点指出|着重指出"
    r"|审查了|坚信|核定|尊重|提请注意)"
)
_PHRASE_GUESS = (
    rf"{_ADVERB}{{0,2}}(?:[\u4e00-\u9fff]{{1,4}}?地)?"
    rf"(?:(?:表示|感到|深表|深感){_ADVERB}?{_EXPRESSED}?(?:的是)?|{_VERB}(?:指出|注意到)?)"
)

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
    annex_references=("本决议附件", "本决定附件", "附于本决议"),
    table_headings=("行动", "员额职称", "职类/职等", "数目"),
    number_words=("目标", "指标"),  # ``可持续发展目标4``: Goal 4; ``指标1``: indicator 1
    italic_phrases=False,
    phrase_boundary=False,
    phrase_fallback_words=0,
    phrase_forms_differ=False,
    preambular_guess=_PHRASE_GUESS,
    operative_guess=_PHRASE_GUESS,
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
