"""Runs the Python examples: the CSV eligibility summary and a small Dask screening run."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import ctpat

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_screening_counts_equal_a_direct_call(tmp_path: Path) -> None:
    out = tmp_path / "summary.json"
    subprocess.run(
        [sys.executable, str(EXAMPLES / "dask_screening.py"), "--count", "2000", "--partition", "300",
         "--output", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    summary = json.loads(out.read_text())
    example = _load("dask_screening")
    direct = ctpat.screen_partners(example.make_partners(0, 2000), "2025-06-30")
    assert summary["summary"] == direct.summary.to_dict()
    assert summary["count"] == 2000 and summary["partitions"] == 7
    assert (summary["mra_version"], summary["rules_version"]) == (direct.mra_version, direct.rules_version)
    assert len({r.result for r in direct.results}) == 4  # the generated mix reaches every result


def test_csv_rows_map_to_partners_and_every_row_is_reported() -> None:
    example = _load("eligibility_csv")
    rows = (EXAMPLES / "partners.csv").read_text().splitlines()
    assert len(rows) - 1 >= 8
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "eligibility_csv.py")], check=True, capture_output=True, text=True, timeout=60
    )
    lines = proc.stdout.splitlines()
    assert lines[-1].startswith("summary: ")
    counted = sum(int(part.split()[-1]) for part in lines[-1][len("summary: "):].split(", "))
    assert counted == len(rows) - 1
    partner = example.partner_from_row(
        {"business_type": "highway_carrier_us_mexico", "legal_name": "N", "country": "MX", "street": "s", "city": "c",
         "id.scac": "QWRT", "fact.borders_crossed": "mexico;canada", "fact.acta_constitutiva": "true", "bond.number": ""}
    )
    assert partner["identifiers"] == {"scac": "QWRT"}
    assert partner["facts"] == {"borders_crossed": ["mexico", "canada"], "acta_constitutiva": True}
    assert "bonds" not in partner
    assert isinstance(ctpat.check_eligibility(partner, "2025-06-30"), ctpat.EligibilityReport)
