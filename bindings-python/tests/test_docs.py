"""Every ```python block of the docs and the README runs as written (blocks of a page share state)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

from conftest import ROOT

PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks(page: Path) -> List[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


def test_the_docs_have_python_examples() -> None:
    assert sum(len(blocks(p)) for p in PAGES) >= 2


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p)], ids=lambda p: p.name)
def test_python_blocks_run(page: Path) -> None:
    namespace: Dict[str, Any] = {"__name__": f"docs_{page.stem}"}
    for i, code in enumerate(blocks(page)):
        exec(compile(code, f"{page.name}[{i}]", "exec"), namespace)


def test_every_summary_link_exists() -> None:
    summary = (ROOT / "docs" / "SUMMARY.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+\.md)\)", summary)
    assert len(links) >= 10
    missing = [link for link in links if not (ROOT / "docs" / link).exists()]
    assert missing == []
