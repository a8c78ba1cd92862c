"""Checks a few identifiers and lists the business types (run: ./run example)."""

from __future__ import annotations

import ctpat


def main() -> None:
    print(f"python: ctpat {ctpat.__version__} (rules {ctpat.RULES_VERSION})")
    for kind, text in [
        ("irs_number", "27-4418203-00"),
        ("ssn", "123-45-6789"),
        ("scac", "qwr4"),
        ("mid", "MXNORTEX4821MON"),
    ]:
        check = ctpat.check_identifier(kind, text)
        verdict = "valid" if check.valid else "invalid"
        print(f"  {kind:<12} {check.display or '-':<18} {verdict}")
        for finding in check.findings:
            print(f"      {finding.severity} {finding.code}: {finding.message}")
    types = ctpat.business_types()
    print(f"  {len(types)} business types, e.g. {types[0].name}")


if __name__ == "__main__":
    main()
