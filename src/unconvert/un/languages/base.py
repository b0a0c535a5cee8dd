"""The shape of a language table. Fields are grouped by the stage of a reader that reads them.

Front-matter fields and body fields are filled in each language module (``en.py`` …). Add a field with a default
when a new need appears; never branch on the language in a reader or a writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from unconvert.tree import DocKind, Language, Organ
from unconvert.un.scripts import PROFILES, Script


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageTable:
    language: Language
    script: Script  # the script it is written in: its profile (``un.scripts``) serves every writer
    tag: str  # the language tag (BCP 47) its text is marked with, as the UN's files mark it (``en-GB``)
    # --- stage 1: front matter -------------------------------------------------------------------------------
    months: dict[str, int] = field(default_factory=dict)  # month names (lower case) -> 1..12
    # Every pattern below is a regular expression, matched case-insensitively against a line with its tabs and
    # outer spaces removed (``\s`` also matches a no-break space).
    date_patterns: tuple[str, ...] = ()  # a date: groups day, month, year; ``{month}`` stands for the month names
    ordinals: dict[str, int] = field(default_factory=dict)  # session ordinals (lower case) -> number
    session_patterns: tuple[str, ...] = ()  # a whole session line: group ``ordinal`` (GA) or ``year`` (ECOSOC)
    agenda_patterns: tuple[str, ...] = ()  # a whole agenda line: group ``items`` (``99 (gg)``, ``13 and 72``)
    authority: tuple[str, ...] = ()  # the masthead's first cell (``United Nations``)
    organs: tuple[tuple[str, Organ], ...] = ()  # organ names as the masthead prints them
    formulae: tuple[tuple[str, Organ], ...] = ()  # the enacting formula without its comma (``The General Assembly``)
    doc_types: tuple[tuple[str, DocKind], ...] = ()  # a cover line that names the kind (``Decision``)
    adoption_patterns: tuple[str, ...] = ()  # start of an adoption line (``Resolution adopted by the``)
    proponent_patterns: tuple[str, ...] = ()  # a decision's whole proponent line (``Plenary``, ``Second Committee``)
    # The prefix of a special (``S-32/1``) or emergency special (``ES-11/2``) session's resolution number as the
    # language prints it before the number, and the symbol's prefix it stands for (Arabic: ``دإط-11/2``).
    session_prefixes: tuple[tuple[str, str], ...] = (("ES-", "ES-"), ("S-", "S-"))
    title_patterns: tuple[str, ...] = ()  # a whole SC title line (``Resolution 2672 (2023)``): group ``number``
    adopted_at_patterns: tuple[str, ...] = ()  # SC ``Adopted by … at its 9237th meeting``: groups meeting, ordinal
    common_words: tuple[str, ...] = ()  # frequent short words, to tell the Latin-script languages apart
    # --- stage 2: body ---------------------------------------------------------------------------------------
    preambular_phrases: tuple[str, ...] = ()  # opening phrases of preambular paragraphs, longest first
    operative_phrases: tuple[str, ...] = ()  # opening phrases (verbs) of operative paragraphs, longest first
    phrase_boundary: bool = True  # an opening phrase ends at a word boundary (False: no spaces, Chinese)
    phrase_fallback_words: int = 1  # unknown opening phrase: take this many leading words (0: none)
    # Unknown opening phrase, where the language's grammar says what one looks like: a regular expression matched
    # at the paragraph's start (its match is the phrase; no match: no phrase). Empty: ``phrase_fallback_words``.
    preambular_guess: str = ""
    operative_guess: str = ""
    # Whether the opening phrases of the two parts differ in form (``Recalling`` / ``Recalls``). False where the
    # same words open both (Chinese ``表示注意到``): a line before the first numbered paragraph that ends with a
    # recital's comma is then a recital even when the operative table lists its phrase.
    phrase_forms_differ: bool = True
    point_letters: tuple[str, ...] = tuple("abcdefghijklmnopqrstuvwxyz")  # lettered items, in order
    section_numerals: tuple[str, ...] = ()  # section numbers other than roman ones (أولا, 一), in order
    # other spellings of ``section_numerals``: (as printed, the form in ``section_numerals``)
    section_numeral_variants: tuple[tuple[str, str], ...] = ()
    meeting_words: tuple[str, ...] = ()  # what a closing meeting line says (``plenary meeting``)
    annex_words: tuple[str, ...] = ()  # an annex label (``Annex``), optionally followed by its number
    # what the body says when it refers to its annex (``annexed to the present``): text after the closing lines
    # with no annex label is then that annex
    annex_references: tuple[str, ...] = ()
    annex_numbers: tuple[str, ...] = ()  # annex numbers spelt out (Arabic ``المرفق الثاني``), besides I, 2, A, 一
    subsection_letters: tuple[str, ...] = ()  # sub-part letters spelt out (Arabic ``ألف -``), besides ``A.``
    part_letters: tuple[str, ...] = ()  # the letters of a multi-part resolution's parts spelt out, besides ``A``, ``B``
    decimal_comma: bool = False  # the language writes 59,3 (so ``59,3`` is no footnote mark 3 after ``59,``)
    # Footnote marks: words a year stands before (``2021 года``: the year is whole, ``202`` + note 1 is no
    # reading), and words a number is glued after as part of the text (``目标4``: Goal 4, no note 4).
    year_words: tuple[str, ...] = ()
    number_words: tuple[str, ...] = ()
    # Marks printed in brackets glued to the word (``(1)``: Arabic); elsewhere ``article 14(1)`` is a number.
    bracketed_marks: bool = False
    # Tables, where the script has no capitals to cut fused cells on: column headings as printed (``行动``,
    # ``员额职称``), and grade codes other than one letter (``مد`` of ``مد-1``).
    table_headings: tuple[str, ...] = ()
    grade_codes: tuple[str, ...] = ()
    # --- references to other documents (``un.references``) ----------------------------------------------------
    # Regular expressions, matched case-insensitively: the word for a resolution and for a decision in every form
    # a reference prints it (``resolutions``, ``резолюцию``, ``قراراتها``), and the four organs' names as a
    # reference says them (inflected: ``Совета Безопасности``; ``du Conseil de sécurité`` after the numbers).
    resolution_words: str = ""
    decision_words: str = ""
    reference_organs: tuple[tuple[str, Organ], ...] = ()
    # A body that numbers its resolutions or decisions as an organ does but is not one (``Environment Assembly
    # resolution 5/2``, ``résolution 60/1 de la Commission``): its numbers are left as text, never taken for the
    # organ's. Where the body's name stands before the word (English, Chinese) or after the numbers.
    other_bodies: str = ""
    # ``the Council`` without its name (``la résolution 44/5 du Conseil``): the council the text named last, else
    # the citing document's organ when it is a council; else a body the text does not say, whose numbers stay text
    council_words: str = ""
    other_bodies_follow: bool = False  # the body is named after the numbers (matched right after them)
    # What joins the parts of a resolution after its number (``74/92 A and B``, ``47/54 A to F``): a regex.
    part_conjunctions: str = "and|to|[–-]"
    # ``its resolution``: what says the resolution is the citing organ's own (a regex searched in the 12 characters
    # before the word and the word itself; Chinese: before the numbers)
    own_words: str = ""
    # A word no organ's name or possessive goes with is the citing organ's own (Chinese leaves ``其`` out:
    # ``回顾…第74/550 B号决定`` in an Assembly text is its decision)
    unnamed_is_own: bool = False
    # What stands between a body's name and ``its`` when the ``its`` is that body's (``the Human Rights Council, in
    # its resolution``, ``del Consejo … contenida en su resolución``): a regex the whole stretch matches; none, no such
    own_after_body: str = ""
    # What goes on with a list of one body's resolutions after a clause about its last (``…, dans laquelle …,
    # ainsi que la résolution 55/15``): a regex matched right before the word; the body is still the list's
    continuing_words: str = ""
    # What may stand between an organ's name and the numbers it is said of, besides a blank (a regex)
    organ_to_number: str = ""
    # The numbers stand before the word (Chinese ``第76/81和77/1号决议``).
    numbers_before_word: bool = False

    @property
    def italic_phrases(self) -> bool:
        """Whether the opening phrases are set in italics (else in bold): the script's profile says (``un.scripts``:
        Chinese has no italics)."""
        return PROFILES[self.script].italics


# Session ordinals are listed up to this number (the GA holds its 80th session in 2025).
ORDINAL_LIMIT = 120


def ordinal_forms(build: Callable[[int], list[str]]) -> dict[str, int]:
    """Every form (lower case) of the session ordinals 1 to ``ORDINAL_LIMIT``, mapped to its number.

    A GA session line says its number in words (``Seventy-second session``, ``第七十七届会议``). Each language
    composes its ordinals from a few word lists by its own rule: ``build(n)`` gives the forms of ``n``.
    """
    return {form: n for n in range(1, ORDINAL_LIMIT + 1) for form in build(n)}
