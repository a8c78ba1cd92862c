"""Peak RSS of screening a JSON Lines file of partners (Python binding and CLI), for `./run bench`.

    python3 bench/memory.py PARTNERS.jsonl OUT.json --python .venv/bin/python --cli target/release/ctpat

Each measurement is a fresh child process; its peak resident set comes from wait4's rusage
(ru_maxrss, KiB on Linux). The child prints the screening summary so the count is checked.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any, Dict, List

AS_OF = "2025-06-30"

PY_SCREEN = (
    "import ctpat, json, sys\n"
    "r = ctpat.screen_partners(sys.argv[1], as_of=sys.argv[2], summary_only=True)\n"
    "print(json.dumps({'total': r.summary.total}))\n"
)
PY_IDLE = "import ctpat, json\nprint(json.dumps({'total': 0}))\n"


def measure(argv: List[str]) -> Dict[str, Any]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    return {"argv": argv, "exit": proc.returncode, "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "seconds": round(wall, 2), "stdout": out.decode(errors="replace")[-400:],
            "stderr": err.decode(errors="replace")[-400:]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("partners")
    ap.add_argument("out")
    ap.add_argument("--python", required=True)
    ap.add_argument("--cli")
    a = ap.parse_args()
    with open(a.partners, "rb") as fh:
        count = sum(1 for line in fh if line.strip())
    res: Dict[str, Any] = {"partners": count, "file_mb": round(os.path.getsize(a.partners) / 2**20, 1)}
    res["python_idle"] = measure([a.python, "-c", PY_IDLE])
    res["python_screen"] = measure([a.python, "-c", PY_SCREEN, a.partners, AS_OF])
    try:
        res["python_screen"]["total"] = json.loads(res["python_screen"]["stdout"])["total"]
    except (ValueError, KeyError):
        res["python_screen"]["total"] = None
    if a.cli:
        res["cli_screen"] = measure([a.cli, "screen", a.partners, "--as-of", AS_OF, "--summary", "--json"])
        try:
            res["cli_screen"]["total"] = json.loads(res["cli_screen"]["stdout"])["total"]
        except (ValueError, KeyError, TypeError):
            res["cli_screen"]["total"] = None
    for key in ("python_idle", "python_screen", "cli_screen"):
        if key in res:
            r = res[key]
            print(f"  memory {key:<40} {r['peak_rss_mb']:8.1f} MB {r['seconds']:7.2f} s exit {r['exit']}"
                  f" total {r.get('total')}", file=sys.stderr)
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
