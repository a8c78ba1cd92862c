from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def fixture_cases() -> List[Tuple[str, Dict[str, Any]]]:
    """Every case of the shared corpus as (id, case)."""
    out = []
    for path in sorted(FIXTURES.rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(doc["cases"]):
            out.append((f"{path.relative_to(FIXTURES)}#{i}", case))
    return out
