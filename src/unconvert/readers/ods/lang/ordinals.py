"""Session ordinals as each language prints them (``Sixty-fourth``, ``soixante-dix-septième``, ``第七十七``), 1-120.

A GA session line says its number in words: ``Seventy-second session``, ``Septuagésimo séptimo período de
sesiones``, ``Семьдесят седьмая сессия``, ``الدورة السابعة والسبعون``, ``第七十七届会议``. Each language composes
its ordinals from a few word lists; the lists below are the data, the small builders only follow each language's
rule of composition. ``ORDINALS[language]`` maps every form (lower case) to its number.
"""

from __future__ import annotations

from collections.abc import Callable

from unconvert.tree import Language

_LIMIT = 120

# --- English: "Sixty-fourth", "Eightieth", "One hundred and first" -------------------------------------------------
_EN_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_EN_TEENS = (
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
_EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_TENS_ORD = ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth")


def _en(n: int) -> list[str]:
    if n >= 100:
        return ["one hundredth"] if n == 100 else [f"one hundred and {form}" for form in _en(n - 100)]
    if n < 10:
        return [_EN_UNITS[n - 1]]
    if n < 20:
        return [_EN_TEENS[n - 10]]
    tens, unit = divmod(n, 10)
    return [_EN_TENS_ORD[tens - 2]] if unit == 0 else [f"{_EN_TENS[tens - 2]}-{_EN_UNITS[unit - 1]}"]


# --- French: "soixante-dix-septième", "soixante et onzième", "quatre-vingtième" ------------------------------------
_FR_UNITS = ("unième", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième", "neuvième")
_FR_TEENS = (
    "dixième",
    "onzième",
    "douzième",
    "treizième",
    "quatorzième",
    "quinzième",
    "seizième",
    "dix-septième",
    "dix-huitième",
    "dix-neuvième",
)
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt"}
_FR_TENS_ORD = {
    2: "vingtième",
    3: "trentième",
    4: "quarantième",
    5: "cinquantième",
    6: "soixantième",
    8: "quatre-vingtième",
}


def _fr(n: int) -> list[str]:
    if n >= 100:
        return ["centième"] if n == 100 else [f"cent {form}" for form in _fr(n - 100) if form != "première"]
    if n == 1:
        return ["première", "premier"]
    if n < 10:
        return [_FR_UNITS[n - 1]]
    if n < 20:
        return [_FR_TEENS[n - 10]]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # 70-79 and 90-99 count on from 60 and 80 with the teens
        base = "soixante" if tens == 7 else "quatre-vingt"
        teen = _FR_TEENS[unit]
        return [f"{base} et {teen}"] if (tens, unit) == (7, 1) else [f"{base}-{teen}"]
    if unit == 0:
        return [_FR_TENS_ORD[tens]]
    if unit == 1 and tens != 8:
        return [f"{_FR_TENS[tens]} et unième"]
    return [f"{_FR_TENS[tens]}-{_FR_UNITS[unit - 1]}"]


# --- Spanish: "septuagésimo séptimo", "octogésimo", "septuagésimo primer" ------------------------------------------
_ES_UNITS = (
    ("primero", "primer"),
    ("segundo",),
    ("tercero", "tercer"),
    ("cuarto",),
    ("quinto",),
    ("sexto",),
    ("séptimo",),
    ("octavo",),
    ("noveno",),
)
_ES_TEENS = (
    ("décimo",),
    ("undécimo", "decimoprimero", "decimoprimer", "décimo primero", "décimo primer"),
    ("duodécimo", "decimosegundo", "décimo segundo"),
    ("decimotercero", "decimotercer", "décimo tercero", "décimo tercer"),
    ("decimocuarto", "décimo cuarto"),
    ("decimoquinto", "décimo quinto"),
    ("decimosexto", "décimo sexto"),
    ("decimoséptimo", "décimo séptimo"),
    ("decimoctavo", "décimo octavo"),
    ("decimonoveno", "décimo noveno"),
)
_ES_TENS = (
    "vigésimo",
    "trigésimo",
    "cuadragésimo",
    "quincuagésimo",
    "sexagésimo",
    "septuagésimo",
    "octogésimo",
    "nonagésimo",
)


def _es(n: int) -> list[str]:
    if n >= 100:
        return ["centésimo"] if n == 100 else [f"centésimo {form}" for form in _es(n - 100)]
    if n < 10:
        return list(_ES_UNITS[n - 1])
    if n < 20:
        return list(_ES_TEENS[n - 10])
    tens, unit = divmod(n, 10)
    if unit == 0:
        return [_ES_TENS[tens - 2]]
    return [f"{_ES_TENS[tens - 2]} {form}" for form in _ES_UNITS[unit - 1]]


# --- Russian (feminine, "сессия"): "Семьдесят седьмая", "Восьмидесятая" --------------------------------------------
_RU_UNITS = ("первая", "вторая", "третья", "четвертая", "пятая", "шестая", "седьмая", "восьмая", "девятая")
_RU_TEENS = (
    "десятая",
    "одиннадцатая",
    "двенадцатая",
    "тринадцатая",
    "четырнадцатая",
    "пятнадцатая",
    "шестнадцатая",
    "семнадцатая",
    "восемнадцатая",
    "девятнадцатая",
)
_RU_TENS = ("двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто")
_RU_TENS_ORD = (
    "двадцатая",
    "тридцатая",
    "сороковая",
    "пятидесятая",
    "шестидесятая",
    "семидесятая",
    "восьмидесятая",
    "девяностая",
)


def _ru(n: int) -> list[str]:
    if n >= 100:
        return ["сотая"] if n == 100 else [f"сто {form}" for form in _ru(n - 100)]
    if n < 10:
        return [_RU_UNITS[n - 1]]
    if n < 20:
        return [_RU_TEENS[n - 10]]
    tens, unit = divmod(n, 10)
    return [_RU_TENS_ORD[tens - 2]] if unit == 0 else [f"{_RU_TENS[tens - 2]} {_RU_UNITS[unit - 1]}"]


# --- Arabic (feminine, "الدورة"): "السابعة والسبعون", "الثمانون", "الحادية عشرة" -----------------------------------
_AR_UNITS = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة")
_AR_TENS = ("العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون")


def _ar(n: int) -> list[str]:
    if n >= 100:
        return ["المائة"] if n == 100 else [f"{form} بعد المائة" for form in _ar(n - 100)]
    if n < 10:
        return [_AR_UNITS[n - 1]]
    if n == 10:
        return ["العاشرة"]
    if n < 20:
        unit = "الحادية" if n == 11 else _AR_UNITS[n - 11]
        return [f"{unit} عشرة"]
    tens, unit_n = divmod(n, 10)
    if unit_n == 0:
        return [_AR_TENS[tens - 2]]
    unit = "الحادية" if unit_n == 1 else _AR_UNITS[unit_n - 1]
    return [f"{unit} و{_AR_TENS[tens - 2]}"]


# --- Chinese: "七十七" (in 第七十七届会议) ----------------------------------------------------------------------------
_ZH_DIGITS = "一二三四五六七八九"


def _zh(n: int) -> list[str]:
    if n >= 100:
        rest = n - 100
        if rest == 0:
            return ["一百"]
        return [f"一百零{_ZH_DIGITS[rest - 1]}"] if rest < 10 else [f"一百{form}" for form in _zh(rest)]
    tens, unit = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else f"{_ZH_DIGITS[tens - 1]}十"
    tail = "" if unit == 0 else _ZH_DIGITS[unit - 1]
    forms = [head + tail]
    if tens == 1:
        forms.append("一" + head + tail)
    return forms


def _table(build: Callable[[int], list[str]]) -> dict[str, int]:
    return {form: n for n in range(1, _LIMIT + 1) for form in build(n)}


ORDINALS: dict[Language, dict[str, int]] = {
    Language.EN: _table(_en),
    Language.FR: _table(_fr),
    Language.ES: _table(_es),
    Language.RU: _table(_ru),
    Language.AR: _table(_ar),
    Language.ZH: _table(_zh),
}
