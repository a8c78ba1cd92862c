"""The shared fixture corpus, run through the Python package exactly as Rust and Node run it."""

from __future__ import annotations

from typing import Any, Dict, List

import functools
import json

import pytest
from jsonschema import Draft202012Validator

import ctpat
from conftest import ROOT, fixture_cases

CASES = fixture_cases()
SCHEMAS = ROOT / "schemas"
INDEX = json.loads((SCHEMAS / "index.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def run_case(case: Dict[str, Any]) -> Any:
    try:
        return ctpat.call(case["op"], case["call"])
    except ctpat.CtpatError as err:
        got: Dict[str, Any] = {"error": err.code}
        if "path" in case["expected"]:
            got["path"] = err.path
        return got


def test_the_corpus_is_not_empty() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_fixture(case: Dict[str, Any]) -> None:
    assert run_case(case) == case["expected"], case["description"]


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_fixture_answers_match_the_published_schema(case: Dict[str, Any]) -> None:
    names = INDEX["operations"].get(case["op"])
    if names is None or "error" in case["expected"]:
        return
    if names["call"]:
        errors = sorted(str(e.message) for e in validator(names["call"]).iter_errors(case["call"]))
        assert errors == [], case["description"]
    if names["answer"]:
        errors = sorted(str(e.message) for e in validator(names["answer"]).iter_errors(case["expected"]))
        assert errors == [], case["description"]


def test_a_broken_answer_fails_its_schema() -> None:
    answer = ctpat.check_identifier("scac", "QWRT").to_dict()
    v = validator("identifier_check")
    assert not list(v.iter_errors(answer))
    answer["valid"] = "yes"
    assert list(v.iter_errors(answer))
    answer = ctpat.check_identifier("scac", "QWRT").to_dict()
    answer["kind"] = "passport"
    assert list(v.iter_errors(answer))


def broken_copies(value: Any) -> List[Any]:
    """Copies of an answer or call, each with one deliberate shape error."""
    wrong: Any = {"__broken__": [None]}
    if isinstance(value, list):
        return [value + [wrong], [wrong]]
    if isinstance(value, dict):
        out = []
        for key in value:
            copy = dict(value)
            copy[key] = wrong
            out.append(copy)
        removed = dict(value)
        if removed:
            removed.pop(next(iter(removed)))
            out.append(removed)
        return out
    return [wrong]


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_a_broken_copy_of_each_fixture_fails_its_schema(case: Dict[str, Any]) -> None:
    names = INDEX["operations"].get(case["op"])
    if names is None or "error" in case["expected"]:
        return
    for name, value in ((names["call"], case["call"]), (names["answer"], case["expected"])):
        if not name:
            continue
        v = validator(name)
        caught = [copy for copy in broken_copies(value) if list(v.iter_errors(copy))]
        assert caught, f"{case['description']}: no broken copy of the {name} fails validation"
