"""FRBR IRIs of the AKN Naming Convention as a value class.

``/akn/un/statement/deliberation/<actor>/<date>/<number>`` is the work; ``…/<lang>@`` the expression;
``…/<lang>@.akn`` the manifestation. ``/!main`` (or ``/!annex_1``) names the component, ``.xml`` the file.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, replace

_IRI = re.compile(
    r"^/akn/un/statement/(?P<subtype>[^/]+)/(?P<actor>[^/]+)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<number>[^/!@]+)"
    r"(?:/(?P<language>[a-z]{3})@)?"
)


def frbr_number(number: str) -> str:
    """The IRI form of a printed document number: ``64/183`` -> ``64-183``, ``2672 (2023)`` -> ``2672-2023``.

    Letters and digits of any script are kept; every run of anything else becomes one ``-``.
    """
    parts: list[str] = []
    word: list[str] = []
    for char in unicodedata.normalize("NFC", number):
        if char.isalnum():
            word.append(char)
        elif word:
            parts.append("".join(word))
            word = []
    if word:
        parts.append("".join(word))
    return "-".join(parts) or "0"


@dataclass(frozen=True, slots=True)
class Frbr:
    """The identity of one AKN document: who, when, which number, which language, which component."""

    actor: str
    date: _dt.date
    number: str
    language: str
    component: str = "main"
    subtype: str = "deliberation"

    @property
    def work_uri(self) -> str:
        return f"/akn/un/statement/{self.subtype}/{self.actor}/{self.date.isoformat()}/{self.number}"

    @property
    def work_this(self) -> str:
        return f"{self.work_uri}/!{self.component}"

    @property
    def expression_uri(self) -> str:
        return f"{self.work_uri}/{self.language}@"

    @property
    def expression_this(self) -> str:
        return f"{self.expression_uri}/!{self.component}"

    @property
    def manifestation_uri(self) -> str:
        return f"{self.expression_uri}.akn"

    @property
    def manifestation_this(self) -> str:
        return f"{self.expression_this}.xml"

    def for_component(self, component: str) -> Frbr:
        """The same work, another component (``annex_1``)."""
        return replace(self, component=component)

    @classmethod
    def parse(cls, iri: str) -> Frbr:
        """Read back any of the IRIs above (``ValueError`` if it does not follow the pattern)."""
        match = _IRI.match(iri)
        if match is None:
            raise ValueError(f"not an AKN UN statement IRI: {iri!r}")
        component = iri.rsplit("/!", 1)[1].removesuffix(".xml") if "/!" in iri else "main"
        return cls(
            actor=match["actor"],
            date=_dt.date.fromisoformat(match["date"]),
            number=match["number"],
            language=match["language"] or "",
            component=component,
            subtype=match["subtype"],
        )
