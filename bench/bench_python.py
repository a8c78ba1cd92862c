"""Python side of `./run bench`: ctpat against what a Python user would use instead.

    .venv/bin/python bench/bench_python.py RECORDS.jsonl OUT.json [--jsonschema-subset N]

Every figure is microseconds per record (or per call), measured in this process on the same
records. Compared with python-jsonschema (Draft 2020-12, format checker) against
schemas/partner.json and with a minimal pydantic v2 model of the partner (shape checks only,
regex e-mail), both of which check far less than ctpat does (no identifier checksums, no rules).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import threading
import time
from typing import Any, Callable, Dict, List, Literal, Optional

import ctpat
import jsonschema
from ctpat import _native
from pydantic import BaseModel, Field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = "2025-06-30"

# ---- the minimal pydantic v2 model of a partner (shape only; regex e-mail) -------------------

BusinessType = Literal[
    "importer", "exporter", "highway_carrier_us_canada", "highway_carrier_us_mexico",
    "mexican_long_haul_carrier", "rail_carrier", "sea_carrier", "air_carrier",
    "air_freight_consolidator_oti_nvocc", "customs_broker", "marine_port_authority_terminal_operator",
    "foreign_marine_port_terminal_operator", "foreign_manufacturer", "third_party_logistics",
]
EMAIL = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"


class PAddress(BaseModel):
    street: Optional[str] = None
    city: Optional[str] = None
    state: Optional[str] = None
    postal_code: Optional[str] = None
    country: Optional[str] = None
    staffed_office: Optional[bool] = None


class PBond(BaseModel):
    bond_type: Literal["continuous_import", "continuous_international_carrier", "custodial_type2",
                       "common_carrier", "single_transaction", "other"]
    number: Optional[str] = None
    active: Optional[bool] = None


class PContact(BaseModel):
    name: Optional[str] = None
    email: Optional[str] = Field(default=None, pattern=EMAIL)
    role: Literal["company_officer", "employee", "consultant", "read_only"]
    is_primary_poc: bool = False


class PFacts(BaseModel):
    incorporation_country: Optional[str] = None
    non_resident_canadian: Optional[bool] = None
    acta_constitutiva: Optional[bool] = None
    last_import_on: Optional[str] = None
    last_export_on: Optional[str] = None
    last_border_crossing_on: Optional[str] = None
    last_activity_on: Optional[str] = None
    borders_crossed: Optional[List[Literal["canada", "mexico"]]] = None
    active_in_mexico: Optional[bool] = None
    crosses_border: Optional[bool] = None
    officer_designated_for_security: Optional[bool] = None
    agreement_signed_by_officer: Optional[bool] = None
    security_profile_complete: Optional[bool] = None
    industry_requirements_met: Optional[bool] = None
    unpaid_final_cbp_debt: Optional[bool] = None
    risk_assessment_before_profile: Optional[bool] = None
    ior_number_active: Optional[bool] = None
    principal_party_in_interest: Optional[bool] = None
    export_security_program_documented: Optional[bool] = None
    export_reporting_compliant_12_months: Optional[bool] = None
    good_standing_with_agencies: Optional[bool] = None
    isps_mtsa_compliant: Optional[bool] = None
    consolidator_subtype: Optional[Literal["air", "oti", "nvocc"]] = None
    broker_license_active: Optional[bool] = None
    cbp_invitation: Optional[bool] = None
    handles_us_bound_vessels: Optional[bool] = None
    handles_international_cargo: Optional[bool] = None
    domestic_only: Optional[bool] = None
    asset_based: Optional[bool] = None
    double_brokering: Optional[bool] = None
    pilot_slot: Optional[bool] = None
    licensed_or_bonded_by: Optional[List[Literal["fmc", "tsa", "cbp", "dot"]]] = None


class PDecisions(BaseModel):
    no_significant_security_events: Optional[bool] = None
    individual_review_passed: Optional[bool] = None


class PPartner(BaseModel):
    business_type: BusinessType
    legal_name: Optional[str] = None
    dba: Optional[str] = None
    identifiers: Dict[str, str] = {}
    ior_ssn_based: Optional[bool] = None
    addresses: List[PAddress] = []
    bonds: List[PBond] = []
    contacts: List[PContact] = []
    facts: PFacts = PFacts()
    cbp_decisions: PDecisions = PDecisions()


# ---- timing helpers ---------------------------------------------------------------------------


def per_item_us(fn: Callable[[], Any], count: int, repeat: int = 3) -> float:
    """Best of `repeat` runs of `fn` (which handles `count` items), in µs per item."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e6 / count


def per_call_us(fn: Callable[[], Any], n: int = 200_000) -> float:
    for _ in range(n // 10):
        fn()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e6 / n


# Records shared with forked workers (copy-on-write; nothing is pickled).
_SHARED: List[Any] = []


def _worker(args: Any) -> float:
    lo, hi, barrier = args
    part = _SHARED[lo:hi]
    barrier.wait()
    t0 = time.perf_counter()
    ctpat.check_eligibility_many(part, as_of=AS_OF)
    return time.perf_counter() - t0


def _process_worker(lo: int, hi: int, barrier: Any, out: Any) -> None:
    out.put(_worker((lo, hi, barrier)))


def parallel_us(records: List[Any], workers: int, kind: str) -> float:
    """Wall time per record with `workers` threads or forked processes each doing a share."""
    global _SHARED
    _SHARED = records
    n = len(records)
    bounds = [(n * i // workers, n * (i + 1) // workers) for i in range(workers)]
    if kind == "threads":
        barrier = threading.Barrier(workers + 1)
        threads = [threading.Thread(target=_worker, args=((lo, hi, barrier),)) for lo, hi in bounds]
        for t in threads:
            t.start()
        barrier.wait()
        t0 = time.perf_counter()
        for t in threads:
            t.join()
        return (time.perf_counter() - t0) * 1e6 / n
    ctx = multiprocessing.get_context("fork")
    pbarrier = ctx.Barrier(workers + 1)
    out = ctx.Queue()
    procs = [ctx.Process(target=_process_worker, args=(lo, hi, pbarrier, out)) for lo, hi in bounds]
    for p in procs:
        p.start()
    pbarrier.wait()
    t0 = time.perf_counter()
    for _ in procs:
        out.get()
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
    return wall * 1e6 / n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("records")
    ap.add_argument("out")
    ap.add_argument("--jsonschema-subset", type=int, default=2000)
    ap.add_argument("--single-subset", type=int, default=20000)
    a = ap.parse_args()

    with open(a.records, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()]
    dicts = [json.loads(line) for line in lines]
    n = len(dicts)
    avg_bytes = sum(len(line.encode()) for line in lines) / n
    res: Dict[str, Any] = {"records": n, "avg_record_bytes": round(avg_bytes)}

    def log(key: str, value: float) -> None:
        res[key] = round(value, 3)
        print(f"  python {key:<40} {value:10.3f}", file=sys.stderr, flush=True)

    # Sanity: every record is understood (an error would make the timings meaningless).
    reports = ctpat.check_eligibility_many(dicts, as_of=AS_OF)
    errors = [r for r in reports if isinstance(r, Exception)]
    if errors:
        raise SystemExit(f"{len(errors)} records refused, first: {errors[0]!r}")
    outcomes: Dict[str, int] = {}
    for r in reports:
        outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
    res["outcomes"] = outcomes
    del reports

    # ctpat: batch from dicts, batch from JSON text, path, single-call loop.
    log("ctpat_batch_us", per_item_us(lambda: ctpat.check_eligibility_many(dicts, as_of=AS_OF), n, 2))
    log("ctpat_batch_from_text_us", per_item_us(lambda: ctpat.check_eligibility_many(lines, as_of=AS_OF), n, 1))
    log("ctpat_batch_from_path_us", per_item_us(lambda: ctpat.check_eligibility_many(a.records, as_of=AS_OF), n, 1))
    texts = [json.dumps({"partner": d, "as_of": AS_OF}) for d in dicts]
    log("ctpat_native_call_many_us", per_item_us(lambda: _native.call_many("check_eligibility", texts), n, 1))
    del texts
    single = dicts[: a.single_subset]
    log("ctpat_single_loop_us",
        per_item_us(lambda: [ctpat.check_eligibility(d, as_of=AS_OF) for d in single], len(single)))

    # pydantic v2: from dicts, and from the JSON text.
    for d in dicts[:100]:
        PPartner.model_validate(d)
    log("pydantic_us", per_item_us(lambda: [PPartner.model_validate(d) for d in dicts], n, 2))
    log("pydantic_from_text_us", per_item_us(lambda: [PPartner.model_validate_json(s) for s in lines], n, 2))

    # python-jsonschema on a subset (it is slow), then per record.
    with open(os.path.join(ROOT, "schemas", "partner.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    subset = dicts[: a.jsonschema_subset]
    for d in subset[:20]:
        validator.validate(d)
    log("jsonschema_us", per_item_us(lambda: [validator.validate(d) for d in subset], len(subset), 1))

    # Threads and processes (wall time per record over the whole set).
    for kind in ("threads", "processes"):
        for workers in (1, 2):
            log(f"ctpat_batch_{kind}_{workers}_us", parallel_us(dicts, workers, kind))

    # Per-call overhead: the public function vs the raw native call with pre-built text.
    ident_text = json.dumps({"kind": "irs_number", "text": "27-4418203-00"})
    log("check_identifier_call_us", per_call_us(lambda: ctpat.check_identifier("irs_number", "27-4418203-00")))
    log("native_call_us", per_call_us(lambda: _native.call("check_identifier", ident_text)))
    res["binding_overhead_us"] = round(res["check_identifier_call_us"] - res["native_call_us"], 3)

    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
