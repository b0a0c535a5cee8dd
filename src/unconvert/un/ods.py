"""What the UN's Official Document System (ODS) records of a document, as its files carry it, for every reader.

Each Word file ODS serves has a metadata comment, ``<<ODS JOB NO>>N0947281E<<ODS JOB NO>>`` (or ``<<ODS REF JOB
NO>>``), ``<<ODS DOC SYMBOL1>>A/RES/64/183<<ODS DOC SYMBOL1>>`` and ``<<ODS DOC SYMBOL2>>…``; the dump reader finds
it in the comment story, the Word reader in the comments part. The ODS job number also holds the publication job
number (``N0947281E`` -> ``09-47281``) and the language's letter; a resolution's symbol holds its number and part
(``A/RES/72/262 C``), and the masthead names its organ. Readers ask here instead of each keeping a copy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from unconvert.tree import OdsFields, Organ
from unconvert.un.languages import all_tables
from unconvert.un.words import fold, plain

_FIELD = re.compile(r"<<ODS (?P<key>REF JOB NO|JOB NO|DOC SYMBOL1|DOC SYMBOL2)>>(?P<value>.*?)<<ODS (?P=key)>>")
_JOB = re.compile(r"^[A-Z](\d{2})(\d{5})[A-Z]$")
# The publication job number as the first-page footer prints it, with its language's letter: ``17-21712 (E)``.
PRINTED_JOB_NUMBER = re.compile(r"(?P<job>\d{2}-\d{5})(?!\d)(?:\s*\((?P<letter>[A-Z])\))?")
_RES_NUMBER = re.compile(r"^(?:[A-Z]+/)*(?:RES|DEC)/(?P<number>.+?)(?:\s+(?P<part>[A-Z]))?$")


def read_ods_fields(lines: Iterable[tuple[str, int | None]]) -> OdsFields:
    """The ODS comment's fields from its lines (text, line number), as they stand; empty when absent. The line
    is the first one holding a field."""
    values: dict[str, str] = {}
    first: int | None = None
    ref = False
    for text, number in lines:
        for match in _FIELD.finditer(text):
            key = match.group("key")
            if key == "REF JOB NO":
                key, ref = "JOB NO", True
            values.setdefault(key, match.group("value").strip())
            first = number if first is None else first
    return OdsFields(
        job=values.get("JOB NO", ""),
        symbol1=plain(values.get("DOC SYMBOL1", "")),
        symbol2=plain(values.get("DOC SYMBOL2", "")),
        ref_job=ref,
        line=first,
    )


def job_number_of_ods(job: str) -> str | None:
    """The publication job number an ODS job number holds (``N1739299E`` -> ``17-39299``), or None."""
    match = _JOB.match(job)
    return f"{match.group(1)}-{match.group(2)}" if match else None


def printed_job_number(line: str, *, with_language: bool = False) -> str | None:
    """The publication job number a footer line opens with (``17-21712 (E)    111217`` -> ``17-21712``), or None.
    With ``with_language``, only when the language's letter follows it, as on the UN's first-page footer."""
    match = PRINTED_JOB_NUMBER.match(line)
    if match is None or (with_language and match.group("letter") is None):
        return None
    return match.group("job")


def resolution_number(symbol: str) -> tuple[str, str | None]:
    """The number and part letter a resolution's or decision's symbol holds (``A/RES/72/262 C`` -> ``72/262``,
    ``C``); ``("", None)`` for another symbol."""
    match = _RES_NUMBER.match(symbol)
    if match is None:
        return "", None
    return match.group("number"), match.group("part")


def organ_named(name: str) -> Organ | None:
    """The organ a masthead names (``General Assembly``, ``Conseil économique et social``) in any language."""
    key = fold(name)
    return _organ_keys().get(key) if key else None


@functools.cache
def _organ_keys() -> dict[str, Organ]:
    """Every language's organ names as comparison keys (``fold``), the first table's organ where two agree."""
    keys: dict[str, Organ] = {}
    for table in all_tables():
        for printed, organ in table.organs:
            keys.setdefault(fold(printed), organ)
    return keys


__all__ = [
    "PRINTED_JOB_NUMBER",
    "job_number_of_ods",
    "organ_named",
    "printed_job_number",
    "read_ods_fields",
    "resolution_number",
]
