"""``unconvert.symbols``: UN document symbols taken apart and printed back, and the references a text makes to UN
documents in the six languages (``un.references``), found by the ODS reader and linked by every writer."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unconvert
from conftest import examples
from unconvert import symbols
from unconvert.readers.ods.passes import ReferenceLinker
from unconvert.tree import Document, Footnote, Language, Organ, Para, SymbolRef, Text, find_all

PHRASES = json.loads((Path(__file__).parent / "data" / "reference_phrases.json").read_text(encoding="utf-8"))
SEED = Path(__file__).parent.parent / "examples" / "A_RES_64_183.txt"


def key(symbol: str) -> str:
    """A symbol spelt one way, as the scorer compares them: no blanks, upper case."""
    return re.sub(r"\s+", "", symbol).upper()


# --- symbols --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "normal", "kind", "organ", "session", "series"),
    [
        ("A/RES/76/81", "A/RES/76/81", "resolution", "unga", "76", "A"),
        ("S/RES/2334(2016)", "S/RES/2334 (2016)", "resolution", "unsc", "2016", "S"),
        ("A/RES/217 (iii)", "A/RES/217(III)", "resolution", "unga", "III", "A"),
        ("A/72/L.57/Rev.1/add.1", "A/72/L.57/Rev.1/Add.1", "draft", "unga", "72", "A"),
        ("A/ES\u201110/19", "A/ES-10/19", "document", "unga", "ES-10", "A"),
        ("A/RES/S-26/2", "A/RES/S-26/2", "resolution", "unga", "S-26", "A"),
        ("E/RES/2022/5", "E/RES/2022/5", "resolution", "unecosoc", "2022", "E"),
        ("A/HRC/RES/52/1", "A/HRC/RES/52/1", "resolution", "unhrc", "52", "A/HRC"),
        ("A/CONF.216/16", "A/CONF.216/16", "document", "unga", None, "A/CONF.216"),
        ("NPT/CONF.2020/WP.5", "NPT/CONF.2020/WP.5", "document", None, None, "NPT/CONF.2020"),
        ("ST/SGB/2019/8/Amend.1", "ST/SGB/2019/8/Amend.1", "document", None, None, "ST/SGB"),
        ("NPT/CONF.2010/50 (Vol.I)", "NPT/CONF.2010/50 (Vol. I)", "document", None, None, "NPT/CONF.2010"),
        ("UNEP/EA.5/Res.2", "UNEP/EA.5/Res.2", "resolution", None, None, "UNEP/EA.5"),
        ("S/PRST/2021/13", "S/PRST/2021/13", "presidential statement", "unsc", "2021", "S"),
    ],
)
def test_a_symbol_is_taken_apart_and_printed_the_one_way(
    printed: str, normal: str, kind: str, organ: str | None, session: str | None, series: str
) -> None:
    symbol = symbols.parse(printed)
    assert (str(symbol), symbol.kind, symbol.organ, symbol.session, symbol.series) == (
        normal,
        kind,
        organ,
        session,
        series,
    )
    assert symbols.normalise(normal) == normal


def test_revisions_parts_and_the_base_document() -> None:
    symbol = symbols.parse("NPT/CONF.1995/32 (Part I)/Corr.2")
    assert symbol.revisions == (("Corr", 2),)
    assert symbol.qualifier == "Part I"
    assert str(symbol.base) == "NPT/CONF.1995/32 (Part I)"
    assert symbols.parse("A/72/L.57/Rev.1/Add.1").revisions == (("Rev", 1), ("Add", 1))


@pytest.mark.parametrize("text", ["HIV/AIDS", "24/7", "resolution", "A/", "/RES/1", "A/RES/(1)", ""])
def test_what_is_no_symbol_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a UN document symbol"):
        symbols.parse(text)


_series = st.sampled_from(
    ["A", "S", "E", "A/HRC", "A/C.3", "A/CONF.216", "ST/SGB", "NPT/CONF.2020", "FCCC/CP", "UNEP/EA.5", "CD"]
)
_number = st.integers(min_value=1, max_value=9999).map(str)
_revision = st.tuples(st.sampled_from(["Add", "Corr", "Rev", "Amend"]), st.integers(1, 30)).map(
    lambda r: f"{r[0]}.{r[1]}"
)
_roman = st.sampled_from(["I", "III", "XV", "XVI", "XXIX", "S-IV", "ES-V"])


@st.composite
def symbol_texts(draw: st.DrawFn) -> str:
    """A symbol in its normal spelling: a series, a kind or a session, numbers, revisions, a part or a year."""
    form = draw(st.sampled_from(["document", "resolution", "roman", "sc", "draft"]))
    if form == "sc":
        return f"S/RES/{draw(_number)} ({draw(st.integers(1946, 2099))})"
    if form == "roman":
        return f"A/RES/{draw(_number)}({draw(_roman)})"
    parts = [draw(_series)]
    if form == "resolution":
        parts.append(draw(st.sampled_from(["RES", "DEC"])))
        parts.append(draw(st.sampled_from(["", "S-", "ES-"])) + draw(st.integers(1, 99).map(str)))
    else:
        parts.append(draw(st.integers(1, 2099).map(str)))
    parts.append(("L." if form == "draft" else "") + draw(_number))
    parts += draw(st.lists(_revision, max_size=3))
    text = "/".join(parts)
    if draw(st.booleans()) and form == "document":
        text += f" ({draw(st.sampled_from(['Vol.', 'Part', 'Supp.']))} {draw(_roman.filter(lambda r: '-' not in r))})"
    return text


@settings(max_examples=examples(200))
@given(symbol_texts())
def test_parse_print_parse(text: str) -> None:
    """``str(parse(s)) == s`` for a symbol in its normal spelling, and parsing what it prints gives it back."""
    symbol = symbols.parse(text)
    assert str(symbol) == text
    assert symbols.parse(str(symbol)) == symbol


@settings(max_examples=examples(200))
@given(symbol_texts(), st.sampled_from(["", " ", "\u00a0"]), st.sampled_from(["-", "\u2011"]))
def test_any_printing_of_a_symbol_normalises_to_it(text: str, space: str, hyphen: str) -> None:
    """Blanks around slashes, a no-break hyphen, a lower-case revision: the same symbol."""
    printed = text.replace("/", space + "/", 1).replace("-", hyphen)
    printed = re.sub(r"(Add|Corr|Rev|Amend)\.", lambda m: m.group(1).lower() + ".", printed)
    assert symbols.normalise(printed) == text


# --- references in a text -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("en", "Recalling its resolution 76/81 of 9 December 2021,", ["A/RES/76/81"]),
        ("en", "resolutions 70/1 and 71/313", ["A/RES/70/1", "A/RES/71/313"]),
        ("fr", "résolution 2334 (2016) du Conseil de sécurité", ["S/RES/2334 (2016)"]),
        ("ru", "резолюция 76/81", ["A/RES/76/81"]),
        ("ar", "القرار 76/81", ["A/RES/76/81"]),
        ("zh", "第76/81号决议", ["A/RES/76/81"]),
        ("zh", "大会第70/1和71/313号决议", ["A/RES/70/1", "A/RES/71/313"]),
        ("en", "General Assembly resolution 1653 (XVI)", ["A/RES/1653(XVI)"]),
        ("en", "resolution 217 A (III)", ["A/RES/217(III)"]),
        ("ar", "القرار 1514 (د-15)", ["A/RES/1514(XV)"]),
        ("en", "resolutions S-26/2 and ES-10/19", ["A/RES/S-26/2", "A/RES/ES-10/19"]),
        ("ar", "القرار دإط-10/19", ["A/RES/ES-10/19"]),
        ("en", "Economic and Social Council resolution 2022/5", ["E/RES/2022/5"]),
        ("es", "resolución 45/1 del Consejo de Derechos Humanos", ["A/HRC/RES/45/1"]),
        ("en", "General Assembly decision 76/547", ["A/DEC/76/547"]),
        ("en", "resolutions 74/92 A and B", ["A/RES/74/92A-B"]),
        ("en", "(A/75/345-S/2020/898)", ["A/75/345"]),
        ("en", "A/64/L.34 and A/72/L.57/Rev.1/Add.1", ["A/64/L.34", "A/72/L.57/Rev.1/Add.1"]),
        ("en", "NPT/CONF.2020/WP.5 and ST/SGB/2019/8/Amend.1.", ["NPT/CONF.2020/WP.5", "ST/SGB/2019/8/Amend.1"]),
        ("en", "Final Document (NPT/CONF.2010/50 (Vol. I)),", ["NPT/CONF.2010/50 (Vol. I)"]),
        ("en", "resolutions 74/270 of 2 April 2020, 74/274 of 20 April 2020", ["A/RES/74/270", "A/RES/74/274"]),
    ],
)
def test_what_the_text_says_becomes_the_symbol_it_means(language: str, text: str, found: list[str]) -> None:
    assert [r.symbol for r in symbols.references(text, language, "unga")] == found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "chap. I, sect. C, decision 44/114."),  # whose decision? many bodies number them so
        ("en", "United Nations Environment Assembly resolution 5/2"),
        ("en", "and in this regard recalling Commission on Narcotic Drugs resolution 65/2 of 18 March 2022,"),
        ("en", "A/56/1026-S/2002/932, annex II, resolution 14/221."),  # held by the document, and no GA number
        ("en", "(A/74/53/Add.1), chap. III, resolution 42/12."),  # a Human Rights Council resolution in its report
        ("fr", "résolution 60/1 de la Commission des stupéfiants"),
        ("en", "the fraction 2/3 of the members, and 76/81"),  # no word introduces the numbers
        ("en", "Human Rights Council resolution 2334 (2016)"),  # the Council adopts no such number
    ],
)
def test_a_symbol_is_never_guessed(language: str, text: str) -> None:
    """Numbers the text does not tie to an organ, another body's, a document's: no reference to an organ's."""
    found = [r.symbol for r in symbols.references(text, language, "unga") if "RES" in r.symbol or "DEC" in r.symbol]
    assert found == []


# Phrases of the corpus's dumps, each with what the UN's own AKN file links (its gold ``refs``); the classes a
# first reading missed: the parts of a resolution, sections and parts of a document, lists cut by semicolons.
_CLASSES = [
    # one later part of a resolution since the fifty-seventh session: a document of its own (A_RES_77_231_*)
    ("en", "Recalling also its resolution 57/270 B of 23 June 2003 on the", ["A/RES/57/270B"]),
    ("fr", "Rappelant également sa résolution 57/270 B du 23 juin 2003 sur l’", ["A/RES/57/270B"]),
    ("es", "Recordando también su resolución 57/270 B, de 23 de junio de 2003", ["A/RES/57/270B"]),
    ("ru", "ссылаясь также на свою резолюцию 57/270 B от 23 июня 2003 года о", ["A/RES/57/270B"]),
    ("ar", "وإذ تشير أيضا إلى قرارها 57/270 باء المؤرخ 23 حزيران/يونيه 2003", ["A/RES/57/270B"]),
    (
        "zh",
        "又回顾2003年6月23日关于联合国经济和社会领域各次主要会议和首脑会议结果的第57/270 B号决议，",
        ["A/RES/57/270B"],
    ),
    # several parts: the first and the last (A_RES_77_256_A-B_*); part A: the resolution's own symbol
    (
        "en",
        "its resolutions 3357 (XXIX) of 18\xa0December 1974, 74/255 A and B of 27\xa0December 2019,",
        ["A/RES/3357(XXIX)", "A/RES/74/255A-B"],
    ),
    (
        "fr",
        "ses résolutions 3357 (XXIX) du 18\xa0décembre 1974, 74/255 A et B du 27\xa0décembre 2019,",
        ["A/RES/3357(XXIX)", "A/RES/74/255A-B"],
    ),
    (
        "es",
        "sus resoluciones 3357 (XXIX), de\xa018\xa0de diciembre de 1974, 74/255 A y B, de\xa027\xa0de diciembre",
        ["A/RES/3357(XXIX)", "A/RES/74/255A-B"],
    ),
    (
        "zh",
        "回顾其1974年12月18日第3357(XXIX)号、2019年12月27日第74/255 A和B号、2020年12月31日第75/245 A号决议",
        ["A/RES/3357(XXIX)", "A/RES/74/255A-B", "A/RES/75/245"],
    ),
    ("en", "Recalling its resolutions 72/266 A of 24 December 2017 and 74/262,", ["A/RES/72/266", "A/RES/74/262"]),
    # before the fifty-seventh session one document held every part (A_RES_75_75_eng)
    (
        "en",
        "resolutions 1653 (XVI) of 24 November 1961, 33/71 B of 14 December 1978",
        ["A/RES/1653(XVI)", "A/RES/33/71"],
    ),
    # a section of a document (A_RES_80_243_*), and parts of one (A_RES_77_76_*)
    ("en", "A/80/6 (Sect. 3)/Add.1, A/80/6 (Sect. 3)/Add.2", ["A/80/6 (Sect. 3)/Add.1", "A/80/6 (Sect. 3)/Add.2"]),
    ("ar", "A/80/6 (Sect. 3)/Add.1 و A/80/6 (Sect. 3)/Add.2", ["A/80/6 (Sect. 3)/Add.1", "A/80/6 (Sect. 3)/Add.2"]),
    ("zh", "A/80/6 (Sect. 3)/Add.1、A/80/6 (Sect. 3)/Add.2", ["A/80/6 (Sect. 3)/Add.1", "A/80/6 (Sect. 3)/Add.2"]),
    (
        "fr",
        "[NPT/CONF.2000/28 (Parts I and II) et NPT/CONF.2000/28 (Parts I and II)/Corr.1,",
        ["NPT/CONF.2000/28 (Parts I and II)", "NPT/CONF.2000/28 (Parts I and II)/Corr.1"],
    ),
    (
        "es",
        "(NPT/CONF.2000/28 (Parts I and II) y NPT/CONF.2000/28",
        ["NPT/CONF.2000/28 (Parts I and II)", "NPT/CONF.2000/28"],
    ),
    (
        "ru",
        "[NPT/CONF.1995/32 (Part I), NPT/CONF.2000/28 (Parts I and II)/Corr.3,",
        ["NPT/CONF.1995/32 (Part I)", "NPT/CONF.2000/28 (Parts I and II)/Corr.3"],
    ),
    (
        "zh",
        "(NPT/CONF.2000/28(Part I和II)、NPT/CONF.2000/28(Part III)和",
        ["NPT/CONF.2000/28 (Parts I and II)", "NPT/CONF.2000/28 (Part III)"],
    ),
    # French ``par.`` ends no sentence (A_RES_80_164_fra)
    ("fr", "Voir les résolutions 32/151, par. 10, et 37/111, par. 5, ainsi", ["A/RES/32/151", "A/RES/37/111"]),
    # a list of both organs' resolutions: each number's form says whose (A_RES_80_83_*)
    (
        "fr",
        "son adoption et celle par le Conseil de sécurité des deux résolutions 70/262 et 2282 (2016) du 27 avril 2016",
        ["A/RES/70/262", "S/RES/2282 (2016)"],
    ),
    (
        "ar",
        "قرارين متطابقين جوهريا هما القراران 70/262 و 2282 (2016) المؤرخان 27 نيسان/أبريل 2016",
        ["A/RES/70/262", "S/RES/2282 (2016)"],
    ),
    (
        "ru",
        "согласно резолюции 70/262 Генеральной Ассамблеи и 2282 (2016) Совета Безопасности",
        ["A/RES/70/262", "S/RES/2282 (2016)"],
    ),
    # Chinese: the Council's list goes on after its first (A_RES_80_208_zho, A_RES_77_206_zho)
    (
        "zh",
        "回顾人权理事会2007年6月18日关于理事会体制建设的第5/1号决议和关于理事会特别程序任务负责人行为守则的第5/2号决议，",
        ["A/HRC/RES/5/1", "A/HRC/RES/5/2"],
    ),
    ("zh", "并回顾人权理事会关于该议题的各项决议，包括2022年10月6日第51/13号决议，", ["A/HRC/RES/51/13"]),
    # a word is not the end of a longer one: ``разрешении`` (settling) is no ``решении`` (decision) (A_RES_80_106_rus)
    (
        "ru",
        "резолюций 1514 (XV) и 1541 (XV), содержащей принципы, которыми государства\xa0— члены Организации должны"
        " руководствоваться при разрешении вопроса о том, обязаны ли они передавать информацию, и 2625\xa0(XXV) от",
        ["A/RES/1514(XV)", "A/RES/1541(XV)", "A/RES/2625(XXV)"],
    ),
    # an Arabic title opens with ``”``: its colon ends no list (A_RES_80_259_ara)
    (
        "ar",
        "وقراراتها 77/298 المؤرخ 22 حزيران/يونيه 2023 المعنون ”استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب:"
        " الاستعراض الثامن“، و 79/316 المؤرخ",
        ["A/RES/77/298", "A/RES/79/316"],
    ),
    # a commission's resolution after the Council's list is not the Council's (A_RES_80_214_eng, A_RES_79_191_eng)
    (
        "en",
        "Human Rights Council resolutions 5/1 and 5/2 of 18 June 2007,14 and Commission on Human Rights resolution"
        " 2005/74 of 20 April 2005,15 and",
        ["A/HRC/RES/5/1", "A/HRC/RES/5/2"],
    ),
    (
        "fr",
        "conformément aux résolutions 5/1 et 5/2 du Conseil des droits de l’homme, en date du 18 juin 200714, et à la"
        " résolution 2005/74 de la Commission des droits de l’homme, en date",
        ["A/HRC/RES/5/1", "A/HRC/RES/5/2"],
    ),
    (
        "ru",
        "резолюциях\xa05/1, 5/2, 16/21 и 57/23 Совета по правам человека и резолюции\xa02005/74 Комиссии",
        ["A/HRC/RES/5/1", "A/HRC/RES/5/2", "A/HRC/RES/16/21", "A/HRC/RES/57/23"],
    ),
    (
        "zh",
        "根据人权理事会2007年6月18日第5/1和5/2号决议14 以及人权委员会2005年4月20日第2005/74号决议，15 在理事会",
        ["A/HRC/RES/5/1", "A/HRC/RES/5/2"],
    ),
    # the items of one list, each with its place, between semicolons (word/A_RES_72_113)
    (
        "en",
        "Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 56/64 B, sect. X; 57/130 B, sect. X;"
        " and 61/121 B, sect. IV, paras. 65–77.",
        ["A/RES/52/214", "A/RES/55/222", "A/RES/56/64", "A/RES/57/130B", "A/RES/61/121B"],
    ),
]


# The classes ``unconvert parity`` found read differently in one language (docs/parity.md, issue #9)
_PARITY_CLASSES = [
    # a resolution of the first ten sessions in Chinese numerals, its session a bracketed ideograph (A_RES_77_67_zho)
    ("zh", "这反映在大会1946年1月24日通过的第一项决议，即第一㈠号决议之中，", ["A/RES/1(I)"]),
    # ``its``: the body just named, a comma or a participle between (A_RES_80_191_*, A_RES_75_181_eng)
    (
        "en",
        "Taking note with appreciation of the decision of the Human Rights Council, in its resolution 60/13, that",
        ["A/HRC/RES/60/13"],
    ),
    (
        "es",
        "Tomando nota con aprecio de la decisión del Consejo de Derechos Humanos contenida en su resolución 60/13 de",
        ["A/HRC/RES/60/13"],
    ),
    ("en", "23.\tRecalls the decision taken by the Human Rights Council, in its resolution 36/10", ["A/HRC/RES/36/10"]),
    # but not across a conjunction or a clause of its own: ``its`` is then the citing organ's (A_RES_80_220_fra)
    ("en", "Welcoming the work of the Human Rights Council, and recalling its resolution 60/251", ["A/RES/60/251"]),
    (
        "fr",
        "adoptées par elle-même, la Commission des droits de l’homme et le Conseil des droits de l’homme, dont sa"
        " résolution 79/181 du 17 décembre 2024",
        ["A/RES/79/181"],
    ),
    # a list of the Council's goes on after a clause about its first (A_RES_80_199_*)
    (
        "fr",
        "toutes les résolutions pertinentes du Conseil des droits de l’homme, notamment la résolution 52/5 du 3 avril"
        " 20235, dans laquelle le mandat du Rapporteur spécial sur les questions relatives aux minorités a été"
        " prolongé, ainsi que la résolution 55/15 du 4 avril 20246, dans laquelle le Conseil a pris note",
        ["A/HRC/RES/52/5", "A/HRC/RES/55/15"],
    ),
    (
        "ar",
        "وإلى جميع قرارات مجلس حقوق الإنسان ذات الصلة، بما في ذلك قرار المجلس 52/5 المؤرخ 3 نيسان/أبريل 2023(5)، الذي"
        " مدد المجلس بموجبه ولاية المقررة الخاصة المعنية بقضايا الأقليات، وكذلك القرار 55/15 المؤرخ 4 نيسان/ أبريل",
        ["A/HRC/RES/52/5", "A/HRC/RES/55/15"],
    ),
    # a commission's resolutions, a title between its name and their numbers (A_RES_80_191_zho)
    (
        "zh",
        "执行妇女地位委员会2005年3月11日题为“土著妇女：《北京宣言》和《行动纲要》十年审查之后”的第49/7号决议、42"
        " 2012年3月9日题为“土著妇女：消除贫穷和饥饿的主要行为者”的第56/4号决议43 以及",
        [],
    ),
]


@pytest.mark.parametrize(("language", "text", "found"), _CLASSES + _PARITY_CLASSES)
def test_reference_classes_of_the_corpus(language: str, text: str, found: list[str]) -> None:
    assert [r.symbol for r in symbols.references(text, language, "unga")] == found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # another body's documents and decisions, printed like symbols (A_RES_80_110_*): no symbol of the UN's
        ("fr", "Organisation internationale du Travail, document GB.342/Décisions, par. 8.1 (c)."),
        ("es", "Organización Internacional del Trabajo, documento GB.342/Decisiones, párr. 8"),
        ("fr", "Voir Commission océanographique intergouvernementale, document IOC/A-33/Décisions, décision A-33/4.2."),
        ("en", "UNEP/CBD/COP/9/29, annex I, decision IX/20, annexes I and II."),
        ("ru", "UNEP/CBD/COP/9/29, приложение I, решение IX/20, приложения I и II."),
        ("zh", "环境规划署，UNEP/CBD/COP/9/29号文件，附件一，IX/20号决定，附件一和附件二。"),
        ("fr", "Organisation internationale du Travail, document STCMLC/Part I/2021/2."),
        # a symbol whose last element is a word (A_RES_80_110_*): an organization's, translated in fr and es
        ("en", "62 International Labour Organization, document GB.342/Decisions, para. 8.1 (c)."),
        ("ru", "24 См. документ Межправительственной океанографической комиссии IOC/A-32/Decisions, решение A-32/4.4."),
        # another organization's symbol, its series apart, after a list's word (A_RES_80_110_*)
        ("en", "International Maritime Organization, resolution LP.4(8), and document LC 45/18, annex 4."),
        ("ru", "организации LC 35/15, приложение 4, резолюция LP.4(8), и документ LC 45/18, приложение 4"),
    ],
)
def test_what_only_looks_like_a_symbol_is_not_linked(language: str, text: str) -> None:
    found = [r.symbol for r in symbols.references(text, language, "unga")]
    assert all(s == "UNEP/CBD/COP/9/29" for s in found), found


def test_the_printed_number_is_what_is_linked() -> None:
    text = "résolution 2334 (2016) du Conseil de sécurité"
    (reference,) = symbols.references(text, Language.FR)
    assert text[reference.start : reference.end] == "2334 (2016)"


@pytest.mark.parametrize("case", PHRASES, ids=[f"{p['language']}-{p['document']}-{i}" for i, p in enumerate(PHRASES)])
def test_real_reference_phrases(case: dict[str, str]) -> None:
    """134 phrases of the corpus's dumps in the six languages, each with the symbol the UN's own AKN file links it
    to (its gold ``refs``). Taken at random, one per symbol form and document, from the word that introduces the
    reference (or 70 characters before it) to just after it, where the dump prints the phrase as the AKN does;
    left out were the links whose text names another symbol (a UN link error) and resolutions with part letters,
    which the UN links both with and without them."""
    assert len(PHRASES) >= 100 and {p["language"] for p in PHRASES} == {"en", "fr", "es", "ru", "ar", "zh"}
    got = {key(r.symbol) for r in symbols.references(case["phrase"], case["language"], case["organ"])}
    want = key(case["symbol"])
    assert want in got or re.sub(r"^A/RES/", "", want) in got


# --- the reader and the writers -------------------------------------------------------------------------------


def test_the_reader_links_references_in_the_body_the_notes_and_the_annexes() -> None:
    doc = unconvert.read(SEED)
    linked = {r.symbol for r in find_all(doc, SymbolRef)}
    assert {"A/RES/59/48", "A/RES/61/210", "A/55/1010"} <= linked  # recitals, and a note
    note_refs = [r for note in find_all(doc, Footnote) for p in note.paragraphs for r in p if isinstance(r, SymbolRef)]
    assert note_refs, "references in footnotes are linked"


def test_a_list_cut_by_a_footnote_mark_keeps_its_word() -> None:
    note = Footnote(marker="3", paragraphs=((Text(text="See A/75/1."),),))
    para = Para(content=(Text(text="resolutions 74/270,"), note, Text(text=" 74/274 and 74/306;")))
    (linked,) = ReferenceLinker(Language.EN, Organ.GA).blocks((para,))
    assert isinstance(linked, Para)
    assert [r.symbol for r in find_all(linked, SymbolRef)] == ["A/RES/74/270", "A/75/1", "A/RES/74/274", "A/RES/74/306"]


def _doc() -> Document:
    return unconvert.read(SEED)


def test_docx_links_each_reference_with_an_external_relationship() -> None:
    doc = _doc()
    data = unconvert.write(doc, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
        body = z.read("word/document.xml").decode() + z.read("word/footnotes.xml").decode()
    targets = set(re.findall(r'Target="(https://undocs\.org/[^"]+)"[^>]*TargetMode="External"', rels))
    targets |= set(re.findall(r'TargetMode="External"[^>]*Target="(https://undocs\.org/[^"]+)"', rels))
    body_symbols = {
        symbols.undocs_url(r.symbol) for part in doc.parts for r in find_all(part, SymbolRef) if r.line is not None
    }
    assert body_symbols and body_symbols <= targets
    assert body.count("<w:hyperlink") >= len(body_symbols)


def test_pdf_links_each_reference() -> None:
    doc = _doc()
    data = unconvert.write(doc, "pdf")
    uris = set(re.findall(rb"/URI \((https://undocs\.org/[^)]*)\)", data))
    body_symbols = {symbols.undocs_url(r.symbol).encode() for part in doc.parts for r in find_all(part, SymbolRef)}
    assert body_symbols and body_symbols <= uris


def test_the_text_writer_prints_the_text_unchanged() -> None:
    doc = _doc()
    text = unconvert.write(doc, "text").decode()
    for ref in find_all(doc, SymbolRef):
        assert ref.text.split()[0] in text
    assert "undocs.org" not in text
