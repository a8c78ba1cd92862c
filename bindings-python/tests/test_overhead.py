"""Measures (prints, never asserts timing) the binding's per-call overhead and batch throughput.

Run with ``pytest -s bindings-python/tests/test_overhead.py`` to see the numbers. Each test
still checks that the fast and the convenient paths give the same answers.
"""

from __future__ import annotations

import json
import time
from typing import Any, Callable, Dict, List

from conftest import fixture_cases

import ctpat
from ctpat import _native


def _per_call(fn: Callable[[], Any], n: int) -> float:
    fn()
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def test_per_call_overhead_of_the_typed_function() -> None:
    text = json.dumps({"kind": "scac", "text": "QWRT"})
    raw = json.loads(_native.call("check_identifier", text))["value"]
    assert ctpat.check_identifier("scac", "QWRT").to_dict() == raw
    n = 20_000
    native = _per_call(lambda: _native.call("check_identifier", text), n)
    typed = _per_call(lambda: ctpat.check_identifier("scac", "QWRT"), n)
    print(
        f"\ncheck_identifier: _native.call {native * 1e6:.2f} us/call, "
        f"ctpat.check_identifier {typed * 1e6:.2f} us/call, ratio {typed / native:.2f}x"
    )


def test_batch_throughput_vs_a_single_call_loop() -> None:
    profiles: List[Dict[str, Any]] = []
    for _, case in fixture_cases():
        if case.get("op") == "validate_profile" and "error" not in case.get("expected", {}):
            profiles.append(case["call"]["profile"])
    assert profiles
    records = [profiles[i % len(profiles)] for i in range(5_000)]
    start = time.perf_counter()
    loop = [ctpat.validate_profile(p, "2025-06-30") for p in records]
    t_loop = time.perf_counter() - start
    start = time.perf_counter()
    batch = ctpat.validate_profile_many(records, "2025-06-30")
    t_batch = time.perf_counter() - start
    texts = [json.dumps({"profile": p, "as_of": "2025-06-30"}) for p in records]
    start = time.perf_counter()
    _native.call_many("validate_profile", texts)
    t_native = time.perf_counter() - start
    assert batch == loop
    n = len(records)
    print(
        f"\nvalidate_profile x{n}: loop {n / t_loop:,.0f}/s, validate_profile_many {n / t_batch:,.0f}/s "
        f"({t_loop / t_batch:.2f}x), _native.call_many on pre-built text {n / t_native:,.0f}/s"
    )
    partners = [
        {"id": f"P{i}", "name": "n", "country": "DE", "aeo": {"country": "EU", "programme": "AEO"}}
        for i in range(100_000)
    ]
    start = time.perf_counter()
    report = ctpat.screen_partners(partners, "2025-06-30")
    t_screen = time.perf_counter() - start
    start = time.perf_counter()
    text = json.dumps({"partners": partners, "as_of": "2025-06-30"})
    whole = json.loads(_native.call("screen_partners", text))["value"]
    t_whole = time.perf_counter() - start
    assert report.to_dict() == whole
    print(
        f"screen_partners x100000: ctpat (10k chunks) {len(partners) / t_screen:,.0f}/s, "
        f"one _native.call incl. json {len(partners) / t_whole:,.0f}/s"
    )
