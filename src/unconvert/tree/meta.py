"""Document metadata: who adopted what, when, under which symbol, in which language.

Everything here is plain data read from the source (masthead, comment story, footer, cover lines). A value the
source does not state is ``None`` -- never invented.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum


class Language(StrEnum):
    """The six official UN languages, by ISO 639-1 code."""

    EN = "en"
    FR = "fr"
    ES = "es"
    RU = "ru"
    AR = "ar"
    ZH = "zh"

    @property
    def iso639_2(self) -> str:
        """The three-letter code AKN FRBR IRIs use (``eng``, ``fra``, ...)."""
        return _ISO639_2[self]

    @property
    def rtl(self) -> bool:
        """True for right-to-left scripts (Arabic)."""
        return self is Language.AR

    @property
    def job_letter(self) -> str:
        """The letter that ends an ODS job number in this language (``N0947281E``)."""
        return _JOB_LETTER[self]

    @classmethod
    def from_code(cls, code: str) -> Language:
        """Accept ``en``, ``eng`` or an ODS job letter ``E``; raise ``ValueError`` otherwise."""
        lowered = code.strip().lower()
        for lang in cls:
            if lowered in (lang.value, lang.iso639_2) or code.strip() == lang.job_letter:
                return lang
        raise ValueError(f"unknown language code {code!r}")


_ISO639_2 = {
    Language.EN: "eng",
    Language.FR: "fra",
    Language.ES: "spa",
    Language.RU: "rus",
    Language.AR: "ara",
    Language.ZH: "zho",
}
_JOB_LETTER = {
    Language.EN: "E",
    Language.FR: "F",
    Language.ES: "S",
    Language.RU: "R",
    Language.AR: "A",
    Language.ZH: "C",
}


class Organ(StrEnum):
    """The adopting organ; values are the AKN4UN actor ids the UN's own files use."""

    GA = "unga"
    ECOSOC = "unecosoc"
    SC = "unsc"
    HRC = "unhrc"


class DocKind(StrEnum):
    """What the document is; the value is the AKN ``statement/@name``."""

    RESOLUTION = "resolution"
    DECISION = "decision"


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    """A session as printed (``Sixty-fourth session``) and its number (64; ECOSOC: the year)."""

    number: int
    text: str
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    """One agenda item: its number as printed (``124``, ``99 (gg)``, ``3 a)``) and the line it stood in."""

    number: str
    text: str
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class OdsFields:
    """The ODS metadata comment, kept losslessly: job number (``N0947281E``), SYMBOL1, SYMBOL2.

    ``ref_job`` is set when the file said ``<<ODS REF JOB NO>>`` instead of ``<<ODS JOB NO>>``.
    """

    job: str = ""
    symbol1: str = ""
    symbol2: str = ""
    ref_job: bool = False
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    """Identification of one document.

    ``symbol`` is the full UN symbol (``A/RES/64/183``, ``S/RES/2672 (2023)``, ``A/RES/72/8 B``); ``number`` the
    resolution number as cited (``64/183``, ``2672 (2023)``, ``2024/10``); ``job_number`` the publication job number
    of the first-page footer (``09-47281``); ``issue_date`` the masthead date; ``adoption_date`` the date in the
    adoption line; ``print_date`` the date the first-page footer prints after the job number (``111217``). A date
    the source does not state is ``None``: nothing downstream may put the clock in its place. ``title`` is the
    plain text of the title. ``running_head`` is the title in the lines the source's running head breaks it into
    (``New Partnership for Africa’s Development: progress`` / ``in implementation and international support``),
    empty where the source gives no break: how the source sets the title, not what the document says, so
    equality ignores it, as it ignores source lines.
    """

    kind: DocKind
    organ: Organ
    language: Language
    symbol: str
    number: str
    title: str = ""
    symbol2: str = ""
    job_number: str | None = None
    issue_date: _dt.date | None = None
    adoption_date: _dt.date | None = None
    print_date: _dt.date | None = None
    session: Session | None = None
    agenda_items: tuple[AgendaItem, ...] = ()
    distribution: str | None = None
    meeting: str | None = None
    ods: OdsFields = OdsFields()
    running_head: tuple[str, ...] = field(default=(), compare=False)
