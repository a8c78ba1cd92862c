"""The Python surface: types, errors, immutability, pickling, redaction."""

from __future__ import annotations

import datetime
import pickle

import pytest

import ctpat


def test_versions_match_the_core() -> None:
    versions = ctpat.call("versions")
    assert ctpat.__version__ == versions["version"]
    assert ctpat.RULES_VERSION == versions["rules_version"]
    assert ctpat.SCHEMA_VERSION == versions["schema_version"]


def test_check_identifier_returns_a_typed_record() -> None:
    check = ctpat.check_identifier("scac", " qwrt ")
    assert isinstance(check, ctpat.IdentifierCheck)
    assert check.valid is True
    assert check.kind == "scac"
    assert check.normalized == "QWRT"
    assert check.findings == ()
    assert check.to_dict()["normalized"] == "QWRT"


def test_findings_are_records_with_code_and_path() -> None:
    check = ctpat.check_identifier("scac", "")
    assert not check.valid
    first = check.findings[0]
    assert isinstance(first, ctpat.Finding)
    assert first.code.startswith("ident.scac.")
    assert first.path == "/text"
    assert first.severity == "error"


def test_ssn_is_redacted_unless_revealed() -> None:
    check = ctpat.check_identifier("ssn", "123-45-6789")
    assert check.display == "***-**-6789"
    assert check.normalized == "***-**-6789"
    for text in (repr(check), check.to_json(), str(check.to_dict())):
        assert "123456789" not in text and "123-45-6789" not in text
    revealed = ctpat.check_identifier("ssn", "123-45-6789", reveal=True)
    assert revealed.normalized == "123456789"
    assert revealed.display == "***-**-6789"


def test_results_are_immutable() -> None:
    check = ctpat.check_identifier("scac", "QWRT")
    with pytest.raises(AttributeError):
        check.valid = False  # type: ignore[misc]
    data = check.to_dict()
    data["valid"] = False
    assert check.valid is True


def test_results_pickle_and_compare_by_value() -> None:
    check = ctpat.check_identifier("ssn", "000-12-3456")
    again = pickle.loads(pickle.dumps(check))
    assert again == check
    assert again.findings == check.findings
    types = ctpat.business_types()
    assert pickle.loads(pickle.dumps(types)) == types


def test_unknown_kind_raises_a_coded_input_error() -> None:
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_identifier("passport", "X")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.code == "unknown_identifier_kind"
    assert err.path == "/kind"
    copy = pickle.loads(pickle.dumps(err))
    assert (type(copy), copy.code, copy.path) == (ctpat.InputError, err.code, err.path)


@pytest.mark.parametrize("kind, text, name", [(None, "x", "kind"), ("scac", 5, "text"), ("scac", b"QWRT", "text")])
def test_wrong_argument_types_raise_type_error_naming_the_argument(kind: object, text: object, name: str) -> None:
    with pytest.raises(TypeError, match=name):
        ctpat.check_identifier(kind, text)  # type: ignore[arg-type]


def test_huge_and_odd_strings_never_crash() -> None:
    for text in ("", "\x00", "é" * 10, "9" * 10_000_000, "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")):
        check = ctpat.check_identifier("duns", text)
        assert check.valid is False


def test_as_of_accepts_dates_and_strings() -> None:
    a = ctpat.check_identifier("scac", "QWRT", as_of=datetime.date(2024, 2, 29))
    b = ctpat.check_identifier("scac", "QWRT", as_of="2024-02-29")
    assert a == b
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_identifier("scac", "QWRT", as_of="2024-02-30")
    assert (info.value.code, info.value.path) == ("invalid_date", "/as_of")


def test_business_types_lists_all_fourteen() -> None:
    types = ctpat.business_types()
    assert len(types) == 14
    importer = next(t for t in types if t.code == "importer")
    assert importer.required_identifiers[0].any_of == ("irs_number", "ssn", "cbp_assigned_number")
    assert importer.required_bond_any_of == ("continuous_import",)


def test_unknown_operation_and_bad_json() -> None:
    with pytest.raises(ctpat.InputError) as info:
        ctpat.call("no_such_thing", {})
    assert info.value.code == "unknown_operation"


def test_operations_are_listed() -> None:
    names = {op["name"] for op in ctpat.operations()}
    assert {"check_identifier", "business_types", "operations", "versions"} <= names


def test_lone_surrogates_are_an_input_error_not_a_crash() -> None:
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_identifier("scac", "\ud800")
    assert info.value.code == "invalid_json"


def test_a_rust_panic_is_an_internal_error_and_the_interpreter_lives() -> None:
    with pytest.raises(ctpat.InternalError) as info:
        ctpat.call("__panic", {})
    assert info.value.code == "internal"
    assert "deliberate panic" in info.value.message
    assert ctpat.check_identifier("scac", "QWRT").valid
