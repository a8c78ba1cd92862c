"""Reads partners from a flat CSV file and prints an eligibility summary per partner.

Column names map onto the ``partner`` JSON: ``id.<kind>`` → ``identifiers``, ``bond.<field>``
→ one bond, ``contact.<field>`` → the primary point of contact, ``fact.<name>`` → ``facts``;
``country``, ``street`` and ``city`` make the (staffed) address. ``true``/``false`` become
booleans and ``a;b`` a list. Empty cells are left out, so the core reports them as unknown.

Run: ``python examples/python/eligibility_csv.py [partners.csv] [--as-of YYYY-MM-DD]``
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any, Dict, List, Union

import ctpat

HERE = Path(__file__).resolve().parent
LIST_FACTS = {"borders_crossed"}


def cell(name: str, text: str) -> Union[str, bool, List[str]]:
    """One CSV cell as a JSON value (conversion only: the rules live in the core)."""
    if text in ("true", "false"):
        return text == "true"
    if name in LIST_FACTS:
        return [part.strip() for part in text.split(";") if part.strip()]
    return text


def partner_from_row(row: Dict[str, str]) -> Dict[str, Any]:
    """Maps one flat CSV row onto the nested partner object of the ``partner`` schema."""
    partner: Dict[str, Any] = {"business_type": row["business_type"], "legal_name": row["legal_name"]}
    groups: Dict[str, Dict[str, Any]] = {"id": {}, "bond": {}, "contact": {}, "fact": {}}
    for column, text in row.items():
        text = (text or "").strip()
        if not text or "." not in column:
            continue
        group, name = column.split(".", 1)
        groups[group][name] = cell(name, text)
    partner["identifiers"] = groups["id"]
    partner["addresses"] = [
        {"street": row["street"], "city": row["city"], "country": row["country"], "staffed_office": True}
    ]
    if groups["bond"]:
        partner["bonds"] = [{**groups["bond"], "active": True}]
    if groups["contact"]:
        partner["contacts"] = [{**groups["contact"], "role": "company_officer", "is_primary_poc": True}]
    partner["facts"] = groups["fact"]
    return partner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("csv", nargs="?", default=str(HERE / "partners.csv"))
    parser.add_argument("--as-of", default="2025-06-30", help="date of the answer (YYYY-MM-DD)")
    args = parser.parse_args()
    with open(args.csv, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    partners = [partner_from_row(r) for r in rows]
    reports = ctpat.check_eligibility_many(partners, as_of=args.as_of)
    counts: Dict[str, int] = {}
    print(f"eligibility on {args.as_of} (rules {ctpat.RULES_VERSION})")
    for row, report in zip(rows, reports):
        name = f"{row['legal_name']} ({row['business_type']})"
        if isinstance(report, ctpat.CtpatError):
            counts["error"] = counts.get("error", 0) + 1
            print(f"  {name:<58} error[{report.code}] {report.path}: {report.message}")
            continue
        counts[report.outcome] = counts.get(report.outcome, 0) + 1
        print(f"  {name:<58} {report.outcome}")
        for rule in report.results:
            if rule.status != "met":
                print(f"      {rule.status:<8} {rule.code}")
    print("summary: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
