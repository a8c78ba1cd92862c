"""The Rust-side JSON writer and reader agree with Python's ``json`` module, and records given
as JSON text reach the core unparsed but checked."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Dict, List

import pytest

import ctpat
from ctpat import _native
from ctpat._core import _ENCODE
from conftest import FIXTURES, fixture_cases

AS_OF = "2025-06-30"
IMPORTER: Dict[str, Any] = json.loads((FIXTURES / "eligibility" / "importer.json").read_text())["cases"][0]["call"][
    "partner"
]

SAME_AS_PYTHON = [
    None,
    True,
    False,
    0,
    -1,
    2**63 - 1,
    2**64 - 1,
    2**70,  # beyond u64: left to Python's encoder
    0.1,
    -0.0,
    1e16,
    1e-7,
    "",
    "plain",
    'quote " backslash \\ slash /',
    "tab\tnewline\ncr\r\x00\x1f\x7f",
    "ünïcödé ✓ 𝄞",
    [1, [2, [3, []]], {}],
    (1, "two", (3.0,)),
    {"a": {"b": [None, {"c": "d"}]}, "": 1},
    {1: "int key", True: "bool key", None: "none key", 2.5: "float key"},  # non-str keys: Python's rules
    "lone \ud800 surrogate",  # Python writes an escape; the core refuses it later
]


@pytest.mark.parametrize("value", SAME_AS_PYTHON, ids=repr)
def test_the_rust_writer_gives_the_json_value_python_gives(value: Any) -> None:
    ours = _native.to_json(value, _ENCODE)
    assert json.loads(ours) == json.loads(_ENCODE(value))


def test_floats_keep_pythons_spelling_so_the_core_sees_the_same_number() -> None:
    # 1e16 as `10000000000000000` would be an integer to the core, as `1e+16` a float.
    assert _native.to_json([1e16, 0.5], _ENCODE) == "[1e+16,0.5]"


class _OddFloat(float):
    def __repr__(self) -> str:
        return "not a number"


class _OddStr(str):
    def __str__(self) -> str:
        return "something else"


def test_subclasses_are_written_as_their_plain_values_like_json_does() -> None:
    value = {"f": _OddFloat(2.5), "s": _OddStr("text")}
    assert _native.to_json(value, _ENCODE) == '{"f":2.5,"s":"text"}'
    assert json.loads(_ENCODE(value)) == {"f": 2.5, "s": "text"}


def test_what_python_refuses_is_still_refused_the_same_way() -> None:
    for bad in [math.nan, [math.inf], {"x": object()}, {1j: 1}]:
        with pytest.raises((TypeError, ValueError)) as ours:
            _native.to_json(bad, _ENCODE)
        with pytest.raises((TypeError, ValueError)) as theirs:
            _ENCODE(bad)
        assert type(ours.value) is type(theirs.value)
    cycle: List[Any] = []
    cycle.append(cycle)
    with pytest.raises(ValueError):
        _native.to_json(cycle, _ENCODE)
    # a bad argument of a typed function is a coded InputError, not a bare exception
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_eligibility({**IMPORTER, "legal_name": math.nan}, AS_OF)
    assert info.value.code == "invalid_input"


@pytest.mark.parametrize("name,case", fixture_cases()[::7], ids=lambda v: v if isinstance(v, str) else "")
def test_the_rust_reader_gives_what_json_loads_gives(name: str, case: Dict[str, Any]) -> None:
    text = json.dumps(case["call"])
    assert _native.call_value(case["op"], case["call"], _ENCODE) == json.loads(_native.call(case["op"], text))
    many = _native.call_many_values(case["op"], [case["call"], text], _ENCODE)
    assert many == [json.loads(_native.call(case["op"], text))] * 2


def test_records_as_text_give_the_same_reports_as_records_as_dicts(tmp_path: Path) -> None:
    partners = [IMPORTER, {**IMPORTER, "business_type": "exporter"}, {"business_type": "customs_broker"}]
    texts = [json.dumps(p) for p in partners]
    from_dicts = ctpat.check_eligibility_many(partners, AS_OF)
    assert ctpat.check_eligibility_many(texts, AS_OF) == from_dicts
    assert ctpat.check_eligibility_many([t.encode() for t in texts], AS_OF) == from_dicts
    assert ctpat.check_eligibility_many([texts[0], partners[1], texts[2].encode()], AS_OF) == from_dicts
    lines = tmp_path / "partners.jsonl"
    lines.write_text("\n".join(texts) + "\n\n")
    assert ctpat.check_eligibility_many(str(lines), AS_OF) == from_dicts
    assert ctpat.check_eligibility_many(lines, AS_OF, policy="portal_2006") == ctpat.check_eligibility_many(
        partners, AS_OF, policy="portal_2006"
    )


def test_a_record_text_cannot_smuggle_in_arguments() -> None:
    # Spliced unparsed, this would become {"partner":{},"policy":"portal_2006","as_of":...}.
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_eligibility_many(['{}, "policy": "portal_2006"'], AS_OF)
    assert (info.value.code, info.value.path) == ("invalid_json", "/records[0]")
    for bad in ["", "{", "{} {}", "nul", b"\xff"]:
        with pytest.raises(ctpat.InputError) as info:
            ctpat.validate_profile_many([bad], AS_OF)
        assert info.value.code == "invalid_json"


def test_a_bad_json_lines_file_names_its_line(tmp_path: Path) -> None:
    lines = tmp_path / "partners.jsonl"
    lines.write_text(json.dumps(IMPORTER) + "\n{oops\n")
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_eligibility_many(lines, AS_OF)
    assert info.value.code == "invalid_json"
    assert "line 2" in str(info.value)


def test_screening_takes_text_and_dict_partners_alike() -> None:
    partners = [
        {"id": "P0", "name": "Certified Importer", "country": "US", "ctpat": {"status": "certified"}},
        {"id": "P1", "name": "No Papers", "country": "MX"},
    ]
    expected = ctpat.screen_partners(partners, AS_OF)
    assert expected.summary.total == 2
    assert ctpat.screen_partners([json.dumps(p) for p in partners], AS_OF) == expected
    assert ctpat.screen_partners([partners[0], json.dumps(partners[1]).encode()], AS_OF) == expected
    with pytest.raises(ctpat.InputError) as info:
        ctpat.screen_partners([partners[0], "[1,"], AS_OF)
    assert (info.value.code, info.value.path) == ("invalid_json", "/partners[1]")
