"""The shared fixture corpus, run through the Python package exactly as Rust and Node run it."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import ctpat
from conftest import fixture_cases

CASES = fixture_cases()


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
