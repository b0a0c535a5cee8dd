"""The vendored XSD: compiled once, ``validate_bytes`` / ``unconvert.validate`` report every error with its line,
and lxml agrees with an independent validator (``xmlschema``) on valid output and on broken documents."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings

import unconvert
from conftest import examples, sample_dumps
from strategies import EXAMPLES, documents, seed_document
from unconvert.context import Context
from unconvert.errors import ValidationError
from unconvert.tree import Document
from unconvert.writers.akn import write
from unconvert.writers.akn.schema import SCHEMA_FILE, schema, schema_dir, validate_bytes

FIXED = Context.fixed()


@pytest.fixture(scope="module")
def reference_validator() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(schema_dir() / SCHEMA_FILE))


def test_schema_is_vendored_and_compiled_once() -> None:
    assert (schema_dir() / "xml.xsd").is_file()
    assert schema() is schema()


def test_threads_share_the_schema_and_get_the_same_answers() -> None:
    valid = write(seed_document(), context=FIXED)
    broken = _broken(valid)[0]

    def check(data: bytes) -> str:
        try:
            validate_bytes(data, name="x")
        except ValidationError as exc:
            return str(exc)
        return "valid"

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(check, [valid, broken] * 20))
    assert answers == [check(valid), check(broken)] * 20
    assert answers[0] == "valid" and "body" in answers[1]


def test_valid_output_passes(tmp_path: Path) -> None:
    data = write(seed_document(), context=FIXED)
    validate_bytes(data, name="seed.xml")
    path = tmp_path / "seed.xml"
    path.write_bytes(data)
    unconvert.validate(path)
    unconvert.validate(data)


def _broken(data: bytes) -> tuple[bytes, int]:
    """``data`` with ``<mainBody>`` renamed ``<body>`` (a classic AKN mistake); returns the line it is on."""
    lines = data.split(b"\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(b"<mainBody>"))
    lines[index] = lines[index].replace(b"<mainBody>", b"<body>")
    closing = next(i for i, line in enumerate(lines) if line.startswith(b"</mainBody>"))
    lines[closing] = lines[closing].replace(b"</mainBody>", b"</body>")
    return b"\n".join(lines), index + 1


def test_broken_document_reports_the_line() -> None:
    data, line = _broken(write(seed_document(), context=FIXED))
    with pytest.raises(ValidationError) as info:
        validate_bytes(data, name="broken.xml")
    error = info.value
    assert error.name == "broken.xml"
    assert error.errors and error.errors[0][0] == line
    assert "body" in error.errors[0][1]
    assert str(error).startswith(f"broken.xml:{line}:")


def test_duplicate_eid_is_an_error() -> None:
    data = write(seed_document(), context=FIXED).replace(b'eId="para_2"', b'eId="para_1"')
    with pytest.raises(ValidationError) as info:
        validate_bytes(data, name="dup.xml")
    assert any("para_1" in message for _, message in info.value.errors)


def test_malformed_xml_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<akomaNtoso>\n<statement>\n</akomaNtoso>\n')
    with pytest.raises(ValidationError) as info:
        unconvert.validate(path)
    assert info.value.name == str(path)
    assert info.value.errors[0][0] == 4


def test_not_akn_at_all_is_invalid() -> None:
    with pytest.raises(ValidationError):
        validate_bytes(b"<html><body/></html>", name="page.html")


def test_validators_agree_on_the_examples(reference_validator: xmlschema.XMLSchema) -> None:
    for make in EXAMPLES.values():
        data = write(make(), context=FIXED)
        validate_bytes(data, name=make.__name__)
        assert reference_validator.is_valid(data.decode("utf-8")), make.__name__


@pytest.mark.parametrize("path", sample_dumps()[::4], ids=lambda p: p.stem)
def test_validators_agree_on_real_documents(reference_validator: xmlschema.XMLSchema, path: Path) -> None:
    data = unconvert.convert(path, "akn", context=FIXED)
    validate_bytes(data, name=path.name)
    errors = list(reference_validator.iter_errors(data.decode("utf-8")))
    assert errors == [], errors[0]


def test_validators_agree_on_broken_documents(reference_validator: xmlschema.XMLSchema) -> None:
    valid = write(seed_document(), context=FIXED)
    broken = [
        _broken(valid)[0],
        valid.replace(b'eId="para_2"', b'eId="para_1"'),
        valid.replace(b'<FRBRcountry value="un"/>', b""),
        valid.replace(b' name="enactingFormula"', b""),
    ]
    for data in broken:
        with pytest.raises(ValidationError):
            validate_bytes(data, name="broken")
        assert not reference_validator.is_valid(data.decode("utf-8"))


@settings(max_examples=examples(25), suppress_health_check=list(HealthCheck))
@given(documents())
def test_validators_agree_on_generated_trees(reference_validator: xmlschema.XMLSchema, doc: Document) -> None:
    data = write(doc, context=FIXED)
    errors = list(reference_validator.iter_errors(data.decode("utf-8")))
    assert errors == [], errors[0]
