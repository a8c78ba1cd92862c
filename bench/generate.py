#!/usr/bin/env python3
"""Seeded generator of benchmark records, written as JSON Lines (standard library only).

    generate.py partners  N OUT.jsonl [--seed S]   eligibility partners (~2 KB each)
    generate.py screening N OUT.jsonl [--seed S]   screening partners (id, name, country, programmes)

Partner records start from the partners of the shared eligibility fixtures (every business
type, eligible and not), take valid identifiers from tests/fixtures/identifiers.json and are
padded with extra addresses and contacts to about 2 KB. The same seed gives the same file, so
every language in one `./run bench` reads identical input.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
from typing import Any, Dict, List

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")

# The date every record is checked as of (the fixtures' date).
AS_OF = "2025-06-30"

STREETS = ["Harbor Way", "Industrial Ave", "Bridge Rd", "Commerce Blvd", "Dock St", "Rail Yard Ln",
           "Airport Pkwy", "Warehouse Row", "Customs Plaza", "Freight Ct", "Terminal Dr", "Cannery Rd"]
CITIES = [("Long Beach", "CA", "US"), ("Laredo", "TX", "US"), ("Newark", "NJ", "US"), ("Savannah", "GA", "US"),
          ("Detroit", "MI", "US"), ("Windsor", "ON", "CA"), ("Vancouver", "BC", "CA"), ("Monterrey", "NL", "MX"),
          ("Tijuana", "BC", "MX"), ("Chicago", "IL", "US"), ("Seattle", "WA", "US"), ("Miami", "FL", "US")]
FIRST = ["Ana", "Sam", "Luz", "Omar", "Kim", "Raj", "Eva", "Tom", "Noor", "Ivan", "Mei", "Joao", "Lena", "Paul"]
LAST = ["Ruiz", "Ode", "Vega", "Haddad", "Park", "Iyer", "Novak", "Berg", "Khan", "Petrov", "Chen", "Silva"]
WORDS = ["Northwind", "Blue Harbor", "Cascade", "Meridian", "Summit", "Pioneer", "Atlas", "Keystone",
         "Redwood", "Lakeshore", "Granite", "Sierra", "Coastal", "Union", "Frontier", "Evergreen"]
SUFFIX = ["Logistics LLC", "Trading Co", "Imports Inc", "Freight Ltd", "SA de CV", "Global Corp", "Transport LLC"]
ROLES = ["employee", "employee", "consultant", "read_only"]


def _partner_templates() -> List[Dict[str, Any]]:
    out = []
    for path in sorted(glob.glob(os.path.join(FIXTURES, "eligibility", "*.json"))):
        with open(path, encoding="utf-8") as fh:
            cases = json.load(fh).get("cases", [])
        for case in cases:
            partner = case.get("call", {}).get("partner")
            expected = case.get("expected")
            if case.get("op") == "check_eligibility" and isinstance(partner, dict) and isinstance(expected, dict) \
                    and "outcome" in expected:
                out.append(partner)
    return out


def _identifier_pool() -> Dict[str, List[str]]:
    with open(os.path.join(FIXTURES, "identifiers.json"), encoding="utf-8") as fh:
        cases = json.load(fh)["cases"]
    pool: Dict[str, List[str]] = {}
    for case in cases:
        exp = case.get("expected") or {}
        call = case.get("call") or {}
        if case.get("op") == "check_identifier" and exp.get("valid") is True and not exp.get("findings") \
                and not exp.get("redacted") and "as_of" not in call and "ssn_based" not in call:
            pool.setdefault(call["kind"], []).append(call["text"])
    return pool


def _address(rng: random.Random) -> Dict[str, Any]:
    city, state, country = rng.choice(CITIES)
    return {"street": f"{rng.randint(1, 9999)} {rng.choice(STREETS)}", "city": city, "state": state,
            "postal_code": f"{rng.randint(10000, 99999)}", "country": country,
            "staffed_office": rng.random() < 0.5}


def _contact(rng: random.Random, domain: str) -> Dict[str, Any]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return {"name": f"{first} {last}", "email": f"{first.lower()}.{last.lower()}@{domain}",
            "role": rng.choice(ROLES), "is_primary_poc": False}


def partner(rng: random.Random, templates: List[Dict[str, Any]], pool: Dict[str, List[str]]) -> Dict[str, Any]:
    """One ~2 KB partner record."""
    p = json.loads(json.dumps(rng.choice(templates)))
    word = rng.choice(WORDS)
    p["legal_name"] = f"{word} {rng.choice(SUFFIX)} {rng.randint(1, 999)}"
    p["dba"] = f"{word} {rng.choice(['Express', 'Cargo', 'Supply', 'Shipping'])}"
    ids = p.get("identifiers")
    if isinstance(ids, dict):
        for kind in list(ids):
            if kind in pool and rng.random() < 0.7:
                ids[kind] = rng.choice(pool[kind])
    domain = word.lower().replace(" ", "") + ".example.com"
    p.setdefault("addresses", [])
    p.setdefault("contacts", [])
    target = rng.randint(1800, 2300)
    while len(json.dumps(p)) < target:
        if rng.random() < 0.45:
            p["addresses"].append(_address(rng))
        else:
            p["contacts"].append(_contact(rng, domain))
    return p


def screening_partner(rng: random.Random, i: int, templates: List[Dict[str, Any]]) -> Dict[str, Any]:
    """One screening partner: a fixture partner (any kind) under a fresh id."""
    p = json.loads(json.dumps(rng.choice(templates)))
    p["id"] = f"P{i}"
    if "name" in p:
        p["name"] = f"{rng.choice(WORDS)} {rng.choice(SUFFIX)} {i}"
    return p


def _screening_templates() -> List[Dict[str, Any]]:
    out = []
    for path in sorted(glob.glob(os.path.join(FIXTURES, "screening", "*.json"))):
        with open(path, encoding="utf-8") as fh:
            for case in json.load(fh).get("cases", []):
                partners = case.get("call", {}).get("partners")
                if case.get("op") == "screen_partners" and isinstance(partners, list) and "expected" in case \
                        and isinstance(case["expected"], dict) and "error" not in case["expected"]:
                    out.extend(p for p in partners if isinstance(p, dict))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["partners", "screening"])
    ap.add_argument("count", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as fh:
        if a.kind == "partners":
            templates, pool = _partner_templates(), _identifier_pool()
            for _ in range(a.count):
                fh.write(json.dumps(partner(rng, templates, pool), separators=(",", ":")))
                fh.write("\n")
        else:
            stemplates = _screening_templates()
            for i in range(a.count):
                fh.write(json.dumps(screening_partner(rng, i, stemplates), separators=(",", ":")))
                fh.write("\n")


if __name__ == "__main__":
    main()
