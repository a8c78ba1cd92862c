"""Screens generated business partners on a Dask cluster and writes a summary JSON.

Each task generates its own slice of partners on the worker (nothing large crosses the
network), screens it with :func:`ctpat.screen_partners` in ``summary_only`` mode and sends back
a pickled :class:`ctpat.ScreeningReport`; the client adds the counts up. The same
``screen_slice`` function runs unchanged on a real cluster (see docs/distributed.md).

Run: ``python examples/python/dask_screening.py --count 200000 --output screening-summary.json``
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from typing import Any, Dict, List, Optional

import ctpat

COUNTRIES = ["US", "DE", "JP", "CA", "CO", "MX", "VN", "GB", "KR", "PE"]


def make_partner(i: int) -> Dict[str, Any]:
    """Partner number ``i`` of a deterministic mix of documentation (any machine, same data)."""
    country = COUNTRIES[i % len(COUNTRIES)]
    partner: Dict[str, Any] = {"id": f"BP{i:07d}", "name": f"Partner {i}", "country": country}
    kind = (i * 7) % 9
    if kind in (0, 1):
        partner["ctpat"] = {"status": ["certified", "validated", "suspended"][i % 3], "account_id": f"ACC-{i}"}
    elif kind in (2, 3):
        issuer = "EU" if country == "DE" else country
        partner["aeo"] = {"country": issuer, "programme": "AEO", "valid_until": f"{2024 + i % 4}-12-31"}
    elif kind == 4:
        partner["basc"] = {"certificate_id": f"BASC-{i}", "expires_on": f"{2024 + i % 3}-06-30"}
    return partner


def make_partners(start: int, stop: int) -> List[Dict[str, Any]]:
    """Partners ``start`` .. ``stop - 1``."""
    return [make_partner(i) for i in range(start, stop)]


def screen_slice(start: int, stop: int, as_of: str, policy: ctpat.Policy) -> ctpat.ScreeningReport:
    """One task: generate and screen partners ``start`` .. ``stop - 1`` (counts only)."""
    return ctpat.screen_partners(make_partners(start, stop), as_of, policy, summary_only=True)


COUNT_KEYS = ("total", "accepted_by_documentation", "questionnaire_required", "expired", "not_recognised")


def add_up(reports: List[ctpat.ScreeningReport]) -> Dict[str, int]:
    """The summary counts of all slices added up."""
    totals = dict.fromkeys(COUNT_KEYS, 0)
    for report in reports:
        counts = report.summary.to_dict()
        for key in COUNT_KEYS:
            totals[key] += int(counts[key])
    return totals


def run(count: int, as_of: str, partition: int, workers: int, scheduler: Optional[str] = None) -> Dict[str, Any]:
    """Screens ``count`` partners on a local (or the given) Dask cluster; returns the summary."""
    # dask.distributed ships without complete type hints; treat it as dynamic here
    distributed: Any = importlib.import_module("dask.distributed")

    policy = ctpat.Policy.current()  # pickled to every worker with the task
    bounds = [(s, min(s + partition, count)) for s in range(0, count, partition)]
    started = time.perf_counter()
    cluster: Any = None
    if scheduler is None:
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(scheduler if scheduler is not None else cluster)
    try:
        ready = time.perf_counter()
        futures = client.map(
            screen_slice, [b[0] for b in bounds], [b[1] for b in bounds], as_of=as_of, policy=policy, pure=False
        )
        reports: List[ctpat.ScreeningReport] = client.gather(futures)
        done = time.perf_counter()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    first = reports[0] if reports else ctpat.screen_partners([], as_of, policy)
    return {
        "count": count,
        "as_of": first.as_of,
        "partitions": len(bounds),
        "workers": workers,
        "summary": add_up(reports),
        "mra_version": first.mra_version,
        "rules_version": first.rules_version,
        "seconds": {"cluster_start": round(ready - started, 3), "screening": round(done - ready, 3)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Screen generated partners with Dask.")
    parser.add_argument("--count", type=int, default=200_000, help="how many partners (default 200000)")
    parser.add_argument("--output", default="screening-summary.json", help="where to write the summary JSON")
    parser.add_argument("--as-of", default="2025-06-30", help="date of the screening (YYYY-MM-DD)")
    parser.add_argument("--partition", type=int, default=20_000, help="partners per task")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", default=None, help="address of an existing Dask scheduler")
    args = parser.parse_args()
    summary = run(args.count, args.as_of, args.partition, args.workers, args.scheduler)
    with open(args.output, "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
