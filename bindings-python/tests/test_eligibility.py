"""Eligibility from Python: inputs in every form, batches, threads, processes, pickling."""

from __future__ import annotations

import concurrent.futures
import copy
import datetime
import json
import pickle
import threading
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest

import ctpat
from conftest import FIXTURES

IMPORTER_CASE = json.loads((FIXTURES / "eligibility" / "importer.json").read_text())["cases"][0]
PARTNER: Dict[str, Any] = IMPORTER_CASE["call"]["partner"]
AS_OF = IMPORTER_CASE["call"]["as_of"]


def test_dict_str_and_bytes_give_the_same_report() -> None:
    a = ctpat.check_eligibility(PARTNER, AS_OF)
    b = ctpat.check_eligibility(json.dumps(PARTNER), datetime.date.fromisoformat(AS_OF))
    c = ctpat.check_eligibility(json.dumps(PARTNER).encode(), AS_OF)
    assert a == b == c
    assert a.to_dict() == IMPORTER_CASE["expected"]
    assert a.outcome == "eligible"
    assert isinstance(a.results[0], ctpat.RuleResult)


def test_as_of_defaults_to_today_utc_and_is_recorded() -> None:
    report = ctpat.check_eligibility(PARTNER)
    assert report.as_of == datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def test_policy_as_preset_object_or_dict() -> None:
    by_name = ctpat.check_eligibility(PARTNER, AS_OF, "portal_2006")
    by_object = ctpat.check_eligibility(PARTNER, AS_OF, ctpat.Policy.preset("portal_2006"))
    assert by_name == by_object
    assert ctpat.Policy.from_json({"revalidation_interval_years": 3}).revalidation_interval_years == 3
    with pytest.raises(ctpat.InputError) as info:
        ctpat.Policy.from_json('{"revalidation_years": 3}')
    assert (info.value.code, info.value.path) == ("unknown_field", "/policy/revalidation_years")


def test_bad_partner_input_is_a_coded_error_with_path() -> None:
    bad = dict(PARTNER, business_type="trucker")
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_eligibility(bad, AS_OF)
    assert info.value.code == "unknown_business_type"
    assert info.value.path == "/partner/business_type"
    with pytest.raises(ctpat.InputError) as info:
        ctpat.check_eligibility("{not json", AS_OF)
    assert info.value.code == "invalid_json"
    with pytest.raises(TypeError, match="partner"):
        ctpat.check_eligibility(None, AS_OF)  # type: ignore[arg-type]
    with pytest.raises(ctpat.InputError):
        ctpat.check_eligibility(b"\xff\xfe", AS_OF)


def test_reports_pickle_and_are_immutable() -> None:
    report = ctpat.check_eligibility(PARTNER, AS_OF)
    assert pickle.loads(pickle.dumps(report)) == report
    policy = ctpat.Policy.current()
    assert pickle.loads(pickle.dumps(policy)) == policy
    with pytest.raises(AttributeError):
        report.outcome = "ineligible"  # type: ignore[misc]


def test_batch_keeps_order_and_puts_errors_in_place(tmp_path: Path) -> None:
    records: List[Any] = [PARTNER, {"business_type": "trucker"}, json.dumps(PARTNER)]
    out = ctpat.check_eligibility_many(records, AS_OF)
    assert isinstance(out[0], ctpat.EligibilityReport) and out[0].outcome == "eligible"
    assert isinstance(out[1], ctpat.InputError) and out[1].code == "unknown_business_type"
    assert out[2] == out[0]
    lines = tmp_path / "partners.jsonl"
    lines.write_text("\n".join(json.dumps(r) if not isinstance(r, str) else r for r in records) + "\n")
    assert ctpat.check_eligibility_many(lines, AS_OF)[0] == out[0]


def many_partners(n: int) -> List[Dict[str, Any]]:
    out = []
    for i in range(n):
        p = copy.deepcopy(PARTNER)
        p["legal_name"] = f"Importer {i}"
        out.append(p)
    return out


def test_two_threads_run_batches_in_parallel_gil_released() -> None:
    batch = many_partners(3000)
    calls = [{"partner": p, "as_of": AS_OF} for p in batch]
    texts = [json.dumps(c) for c in calls]
    from ctpat import _native

    def work() -> None:
        _native.call_many("check_eligibility", texts)

    start = time.perf_counter()
    work()
    work()
    serial = time.perf_counter() - start
    threads = [threading.Thread(target=work) for _ in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    parallel = time.perf_counter() - start
    # Reported, not asserted: timing on shared 2-core runners is noisy.
    print(f"\n2 batches of {len(texts)}: serial {serial:.3f}s, 2 threads {parallel:.3f}s, speed-up {serial / parallel:.2f}x")


def _check_chunk(chunk: List[Dict[str, Any]]) -> List[str]:
    return [r.outcome for r in ctpat.check_eligibility_many(chunk, AS_OF) if isinstance(r, ctpat.EligibilityReport)]


def test_a_batch_runs_through_a_process_pool() -> None:
    batch = many_partners(200)
    chunks = [batch[:100], batch[100:]]
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        outcomes = [o for part in pool.map(_check_chunk, chunks) for o in part]
    assert outcomes == ["eligible"] * 200


def test_rules_catalogue() -> None:
    rules = ctpat.rules()
    codes = {r.code for r in rules}
    assert "importer.continuous_bond" in codes
    assert all(r.source for r in rules)
