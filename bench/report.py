"""Joins the measurements of one `./run bench` into bench/results.json and bench/results.md.

    python3 bench/report.py DIR RESULTS.json RESULTS.md

DIR holds python.json, node.json, rust.log (criterion output with `ratio ...` lines) and
memory.json. Every ratio compares figures measured in the same run on the same records; the
targets are those of issue 11 and are reported, not asserted.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import time
from typing import Any, Dict, List, Optional

RATIO = re.compile(r"^ratio (?P<name>[^:]+): (?P<what>.*) = (?P<value>[0-9.]+)\s*$")


def load(path: str) -> Optional[Dict[str, Any]]:
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def rust_ratios(path: str) -> Dict[str, Dict[str, Any]]:
    out: Dict[str, Dict[str, Any]] = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = RATIO.match(line.strip())
            if m:
                nums = [float(x) for x in re.findall(r"([0-9.]+) ns", m["what"])]
                out[m["name"]] = {"what": m["what"], "ratio": float(m["value"]), "ns": nums}
    return out


def per_sec(us: Optional[float]) -> str:
    return f"{1e6 / us:,.0f}/s" if us else "–"


def main() -> None:
    d, out_json, out_md = sys.argv[1:4]
    py, node, mem = load(os.path.join(d, "python.json")), load(os.path.join(d, "node.json")), load(
        os.path.join(d, "memory.json"))
    rust = rust_ratios(os.path.join(d, "rust.log"))
    rows: List[Dict[str, Any]] = []

    def row(area: str, what: str, measured: str, versus: str, ratio: Optional[float], target: Optional[float],
            higher_is_better: bool = True, note: str = "") -> None:
        met = None
        if ratio is not None and target is not None:
            met = ratio >= target if higher_is_better else ratio <= target
        rows.append({"area": area, "what": what, "measured": measured, "versus": versus,
                     "ratio": None if ratio is None else round(ratio, 3), "target": target,
                     "higher_is_better": higher_is_better, "met": met, "note": note})

    full, api = rust.get("records_full"), rust.get("records_api")
    if full:
        parse_ns, full_ns = full["ns"][1], full["ns"][0]
        row("rust", "parse + check_eligibility vs serde_json typed parse (throughput)",
            f"{full_ns / 1000:.1f} µs/rec", f"{parse_ns / 1000:.1f} µs/rec", parse_ns / full_ns, 0.5)
    if api:
        parse_ns, api_ns = api["ns"][1], api["ns"][0]
        row("rust", "api::call (text in, report text out) vs typed parse (throughput)",
            f"{api_ns / 1000:.1f} µs/rec", f"{parse_ns / 1000:.1f} µs/rec", parse_ns / api_ns, 0.5,
            note="the path every binding takes")
    if py:
        b = py["ctpat_batch_us"]
        row("python", "check_eligibility_many vs pydantic v2 model_validate (regex e-mail)",
            f"{b:.1f} µs/rec ({per_sec(b)})", f"{py['pydantic_us']:.1f} µs/rec", py["pydantic_us"] / b, 2)
        row("python", "check_eligibility_many vs jsonschema Draft 2020-12 + formats",
            f"{b:.1f} µs/rec", f"{py['jsonschema_us']:.1f} µs/rec", py["jsonschema_us"] / b, 100)
        row("python", "batch from JSON text vs pydantic model_validate_json",
            f"{py['ctpat_batch_from_text_us']:.1f} µs/rec", f"{py['pydantic_from_text_us']:.1f} µs/rec",
            py["pydantic_from_text_us"] / py["ctpat_batch_from_text_us"], 2)
        row("python", "native call_many alone (pre-built text) vs pydantic",
            f"{py['ctpat_native_call_many_us']:.1f} µs/rec", f"{py['pydantic_us']:.1f} µs/rec",
            py["pydantic_us"] / py["ctpat_native_call_many_us"], None, note="binding conversion excluded")
        row("python", "batch vs single-call loop (speed-up)", f"{b:.1f} µs/rec",
            f"{py['ctpat_single_loop_us']:.1f} µs/rec", py["ctpat_single_loop_us"] / b, None)
        for kind in ("threads", "processes"):
            one, two = py[f"ctpat_batch_{kind}_1_us"], py[f"ctpat_batch_{kind}_2_us"]
            row("python", f"2 {kind} vs 1 (speed-up)", f"{two:.1f} µs/rec ({per_sec(two)})",
                f"{one:.1f} µs/rec", one / two, None)
        row("python", "per-call overhead: check_identifier minus _native.call (µs)",
            f"{py['binding_overhead_us']:.2f} µs", f"call {py['check_identifier_call_us']:.2f} µs, native "
            f"{py['native_call_us']:.2f} µs", py["binding_overhead_us"], 3, higher_is_better=False)
    if node:
        t = node["ctpat_batch_from_text_us"]
        row("node", "checkEligibilityMany (JSON text lines) vs JSON.parse + ajv validate",
            f"{t:.1f} µs/rec ({per_sec(t)})", f"{node['ajv_parse_validate_us']:.1f} µs/rec",
            node["ajv_parse_validate_us"] / t, 1)
        if "ctpat_batch_parse_objects_us" in node:
            p = node["ctpat_batch_parse_objects_us"]
            row("node", "JSON.parse + checkEligibilityMany (objects) vs JSON.parse + ajv validate",
                f"{p:.1f} µs/rec", f"{node['ajv_parse_validate_us']:.1f} µs/rec",
                node["ajv_parse_validate_us"] / p, None)
        row("node", "checkEligibilityMany (objects) vs ajv validate (objects)",
            f"{node['ctpat_batch_us']:.1f} µs/rec", f"{node['ajv_validate_us']:.1f} µs/rec",
            node["ajv_validate_us"] / node["ctpat_batch_us"], None)
        row("node", "native callJsonMany alone (pre-built text) vs ajv parse + validate",
            f"{node['ctpat_native_call_many_us']:.1f} µs/rec", f"{node['ajv_parse_validate_us']:.1f} µs/rec",
            node["ajv_parse_validate_us"] / node["ctpat_native_call_many_us"], None,
            note="binding conversion excluded")
        row("node", "batch vs single-call loop (speed-up)", f"{node['ctpat_batch_us']:.1f} µs/rec",
            f"{node['ctpat_single_loop_us']:.1f} µs/rec", node["ctpat_single_loop_us"] / node["ctpat_batch_us"], None)
        if "ctpat_single_loop_kept_us" in node:
            row("node", "batch vs single-call loop keeping the answers (speed-up)", f"{node['ctpat_batch_us']:.1f} µs/rec",
                f"{node['ctpat_single_loop_kept_us']:.1f} µs/rec",
                node["ctpat_single_loop_kept_us"] / node["ctpat_batch_us"], None)
        row("node", "async batch vs sync batch (speed-up)", f"{node['ctpat_async_1_us']:.1f} µs/rec",
            f"{node['ctpat_batch_us']:.1f} µs/rec", node["ctpat_batch_us"] / node["ctpat_async_1_us"], None)
        row("node", "2 concurrent async batches vs 1 (speed-up)", f"{node['ctpat_async_2_us']:.1f} µs/rec",
            f"{node['ctpat_async_1_us']:.1f} µs/rec", node["ctpat_async_1_us"] / node["ctpat_async_2_us"], None)
        if "ctpat_async_from_text_us" in node:
            a = node["ctpat_async_from_text_us"]
            row("node", "async batch from JSON text vs async batch from objects (speed-up)", f"{a:.1f} µs/rec",
                f"{node['ctpat_async_1_us']:.1f} µs/rec", node["ctpat_async_1_us"] / a, None)
        row("node", "per-call overhead: checkIdentifier minus callJson (µs)", f"{node['binding_overhead_us']:.2f} µs",
            f"call {node['check_identifier_call_us']:.2f} µs, native {node['native_call_us']:.2f} µs",
            node["binding_overhead_us"], 2, higher_is_better=False)
    if mem:
        for key, label in (("python_screen", "python screen_partners(path, summary_only=True)"),
                           ("cli_screen", "ctpat screen FILE.jsonl --summary")):
            m = mem.get(key)
            if not m:
                continue
            ok = m.get("total") == mem["partners"]
            row("memory", f"peak RSS, {label}, {mem['partners']:,} partners",
                f"{m['peak_rss_mb']:.0f} MB in {m['seconds']:.0f} s", "limit 200 MB", m["peak_rss_mb"] if ok else None,
                200, higher_is_better=False, note="" if ok else f"did not complete: exit {m['exit']} {m['stderr'][-200:]}")

    other = {k: v for k, v in rust.items() if not k.startswith("records_")}
    results = {"when_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": platform.platform(),
               "cpus": os.cpu_count(), "load_average": os.getloadavg(), "rows": rows, "python": py, "node": node,
               "rust_ratios": rust, "memory": mem}
    with open(out_json, "w", encoding="utf-8") as fh:
        json.dump(results, fh, indent=2)

    md = [f"# ctpat bench ({results['when_utc']}, {results['cpus']} CPUs, load "
          f"{' '.join(f'{x:.1f}' for x in results['load_average'])})", "",
          f"Records: {py['records'] if py else '?'} generated partners, about "
          f"{py['avg_record_bytes'] if py else '?'} bytes each (bench/generate.py, seeded). "
          "Ratio: how many times better ctpat is than the comparison (for overhead and memory: the "
          "measured value itself, lower is better).", "",
          "| area | measurement | ctpat | compared with | ratio | target | met |",
          "|---|---|---|---|---:|---:|:---:|"]
    for r in rows:
        tgt = "" if r["target"] is None else ("≥ " if r["higher_is_better"] else "< ") + f"{r['target']:g}"
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.2f}"
        what = r["what"] + (f" ({r['note']})" if r["note"] else "")
        md.append(f"| {r['area']} | {what} | {r['measured']} | {r['versus']} | {ratio} | {tgt} | {met} |")
    if other:
        md += ["", "Criterion benches (core/benches), operation cost / serde_json floor of the same input:", "",
               "| bench | measurement | ratio |", "|---|---|---:|"]
        for k, v in other.items():
            md.append(f"| {k} | {v['what']} | {v['ratio']:.2f} |")
    with open(out_md, "w", encoding="utf-8") as fh:
        fh.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
