"""The ODS and publication facts every reader asks ``unconvert.un.ods`` for, on lines as the UN's files print them."""

from __future__ import annotations

import pytest

from unconvert.un.ods import job_number_of_ods, printed_job_number, resolution_number


@pytest.mark.parametrize(
    ("line", "with_language", "job"),
    [
        ("17-21712 (E)    111217", False, "17-21712"),  # A/RES/72/10's first-page footer
        ("17-21712 (E)    111217", True, "17-21712"),
        ("09-47281 (F)", True, "09-47281"),
        ("09-47281", False, "09-47281"),
        ("09-47281", True, None),  # no language letter: not the first-page footer
        ("09-472811", False, None),  # a longer number is not a job number
        ("A/RES/64/183", False, None),
        ("", False, None),
    ],
)
def test_printed_job_number(line: str, with_language: bool, job: str | None) -> None:
    assert printed_job_number(line, with_language=with_language) == job


def test_ods_job_number_holds_the_publication_job_number() -> None:
    assert job_number_of_ods("N0947281E") == "09-47281"
    assert job_number_of_ods("N09472E") is None


def test_resolution_number_and_part() -> None:
    assert resolution_number("A/RES/72/262 C") == ("72/262", "C")
    assert resolution_number("A/72/L.5") == ("", None)
