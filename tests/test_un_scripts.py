"""The script profiles of ``unconvert.un.scripts``: one per script, every language has one."""

from __future__ import annotations

from unconvert.tree import Language
from unconvert.un.languages import language_tag, profile_for, script_of
from unconvert.un.scripts import PROFILES, Script


def test_every_language_has_a_script_and_a_tag() -> None:
    for language in Language:
        assert profile_for(language) is PROFILES[script_of(language)]
        assert language_tag(language).startswith(language.value + "-")


def test_what_each_script_asks() -> None:
    assert [s for s, p in PROFILES.items() if p.rtl] == [Script.ARABIC]
    assert [s for s, p in PROFILES.items() if not p.italics] == [Script.HAN]
    assert profile_for(Language.ZH).break_anywhere
    assert profile_for(Language.RU).script is Script.CYRILLIC
    assert profile_for(Language.FR) is profile_for(Language.EN)
    assert profile_for(Language.ZH).un_fonts.bold == "SimHei"
    assert all(p.un_fonts.latin == "Times New Roman" for p in PROFILES.values())
