"""The typed surface of profiles, screening, lifecycle and portal: errors, batches, pickling."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any, Dict, List

import pytest

import ctpat
from conftest import fixture_cases


def _first(op: str, ok: bool = True) -> Dict[str, Any]:
    for _, case in fixture_cases():
        expected = case.get("expected")
        is_error = isinstance(expected, dict) and "error" in expected
        if case.get("op") == op and is_error != ok:
            return dict(case["call"])
    raise LookupError(op)


def _partners(n: int) -> List[Dict[str, Any]]:
    kinds: List[Dict[str, Any]] = [
        {"ctpat": {"status": "certified"}},
        {"ctpat": {"status": "suspended"}},
        {"country": "DE", "aeo": {"country": "EU", "programme": "AEO", "valid_until": "2027-01-01"}},
        {"country": "JP", "aeo": {"country": "JP", "programme": "AEO", "valid_until": "2024-12-31"}},
        {"country": "CO", "basc": {"expires_on": "2026-12-31"}},
        {"country": "VN"},
    ]
    return [{"id": f"P{i}", "name": f"Partner {i}", "country": "US", **kinds[i % len(kinds)]} for i in range(n)]


# --- pickling ------------------------------------------------------------------------------


def _every_public_object() -> List[Any]:
    membership = ctpat.Membership.new("importer")
    applied = membership.apply({"kind": "application_started"}, "partner_officer", "2024-01-02")
    account_call = _first("add_user")
    account = ctpat.Account.from_dict(account_call["account"])
    return [
        ctpat.Policy.current(),
        ctpat.check_identifier("scac", "QWRT"),
        ctpat.construct_mid("CN", "Acme Toys Co", "123 Main Road", "Shenzhen"),
        ctpat.identifier_rules(),
        ctpat.business_types(),
        ctpat.rules(),
        ctpat.Catalogue.embedded(),
        ctpat.load_catalogue(ctpat.Catalogue.embedded().to_dict()),
        ctpat.mra_table(),
        ctpat.profile_checks(),
        ctpat.catalogue_checks(),
        ctpat.screening_rules(),
        ctpat.screen_partners(_partners(7), "2025-06-30"),
        ctpat.validate_profile(_first("validate_profile")["profile"], "2025-06-30"),
        ctpat.annual_review_window("2024-03-01", "2025-02-01"),
        membership,
        applied,
        applied.membership.advance("2030-01-01"),
        applied.membership.deadlines("2024-02-01"),
        applied.membership.benefits(),
        ctpat.verify_log(applied.membership.log),
        ctpat.transitions(),
        account,
        ctpat.authorize({"kind": "cbp_scss"}, "view_account", account, "2025-01-01"),
        ctpat.validate_account(account),
        ctpat.access_rules(),
        ctpat.CatalogueError("bad", "catalogue.invalid", "", []),
        ctpat.TransitionError("no", "lifecycle.illegal_transition", "/event"),
        ctpat.AccessDenied("no", "portal.access_denied"),
    ]


def test_every_class_round_trips_through_pickle() -> None:
    seen = set()
    for obj in _every_public_object():
        copy = pickle.loads(pickle.dumps(obj))
        if isinstance(obj, Exception):
            assert (type(copy), copy.args, copy.__dict__) == (type(obj), obj.args, obj.__dict__)  # type: ignore
        else:
            assert copy == obj and type(copy) is type(obj)
        for item in obj if isinstance(obj, list) else [obj]:
            seen.add(type(item))
    exported = {getattr(ctpat, n) for n in ctpat.__all__ if isinstance(getattr(ctpat, n), type)}
    record_classes = {c for c in exported if issubclass(c, ctpat.Record) and c is not ctpat.Record}
    assert record_classes - seen - _NESTED_ONLY == set()


#: exported record classes that only appear nested inside answers (checked through their parents)
_NESTED_ONLY = {
    ctpat.Finding,
    ctpat.IdentifierRequirement,
    ctpat.RuleResult,
    ctpat.EligibilityReport,
    ctpat.Transition,
    ctpat.LogEntry,
    ctpat.Deadline,
    ctpat.Benefit,
    ctpat.PartnerScreening,
    ctpat.ScreeningSummary,
    ctpat.CatalogueSummary,
    ctpat.JointSchedule,
    ctpat.LinkResult,
}


def test_typed_subclasses_survive_nesting_and_pickle() -> None:
    applied = ctpat.Membership.new("importer").apply({"kind": "application_started"}, "partner_officer", "2024-01-02")
    assert type(applied) is ctpat.ApplyResult
    assert type(applied.membership) is ctpat.Membership
    assert applied.membership.status == "pre_applicant"
    assert applied.transition.to_dict()["to"] == "pre_applicant"
    again = pickle.loads(pickle.dumps(applied.membership))
    assert type(again) is ctpat.Membership and again.log == applied.membership.log
    loaded = ctpat.load_catalogue(ctpat.Catalogue.embedded().to_json())
    assert type(loaded.catalogue) is ctpat.Catalogue


# --- catalogue and profile -----------------------------------------------------------------


def test_catalogue_from_json_accepts_dict_str_bytes_and_catalogue_argument() -> None:
    embedded = ctpat.Catalogue.embedded()
    for form in (embedded.to_dict(), embedded.to_json(), embedded.to_json().encode()):
        assert ctpat.Catalogue.from_json(form).version == embedded.version
    call = _first("validate_profile")
    plain = ctpat.validate_profile(call["profile"], "2025-06-30")
    with_obj = ctpat.validate_profile(call["profile"], "2025-06-30", catalogue=embedded)
    assert plain == with_obj


def test_a_bad_catalogue_raises_catalogue_error_with_findings() -> None:
    broken = ctpat.Catalogue.embedded().to_dict()
    broken["criteria"] = broken["criteria"] + broken["criteria"][:1]  # a duplicated criterion
    with pytest.raises(ctpat.CatalogueError) as info:
        ctpat.Catalogue.from_json(broken)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.code == "catalogue.invalid"
    assert err.findings and all(isinstance(f, ctpat.Finding) for f in err.findings)
    copy = pickle.loads(pickle.dumps(err))
    assert copy.findings == err.findings


def test_validate_profile_many_keeps_order_and_errors_in_place(tmp_path: Path) -> None:
    good = _first("validate_profile")["profile"]
    bad = dict(good, business_type="pirate")
    batch = ctpat.validate_profile_many([good, json.dumps(good), bad], "2025-06-30")
    assert isinstance(batch[0], ctpat.ProfileReport) and batch[0] == batch[1]
    assert batch[0] == ctpat.validate_profile(good, "2025-06-30")
    assert isinstance(batch[2], ctpat.InputError)
    lines = tmp_path / "profiles.jsonl"
    lines.write_text("\n".join(json.dumps(p) for p in (good, bad)) + "\n")
    from_file = ctpat.validate_profile_many(lines, "2025-06-30")
    assert from_file[0] == batch[0] and isinstance(from_file[1], ctpat.InputError)


# --- screening -----------------------------------------------------------------------------


def test_chunked_screening_equals_one_call(tmp_path: Path) -> None:
    partners = _partners(25)
    whole = ctpat.call("screen_partners", {"partners": partners, "as_of": "2025-06-30"})
    chunked = ctpat.screen_partners(partners, "2025-06-30", chunk_size=4)
    assert chunked.to_dict() == whole
    assert chunked.results[21].path.startswith("/21/")
    path = tmp_path / "partners.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in partners))
    assert ctpat.screen_partners(str(path), "2025-06-30", chunk_size=7).to_dict() == whole
    counts = ctpat.screen_partners(path, "2025-06-30", summary_only=True, chunk_size=3)
    assert counts.results == () and counts.summary == chunked.summary
    assert counts.summary.total == 25


def test_screening_error_path_names_the_partner_in_the_input() -> None:
    partners = _partners(12)
    partners[9]["basc"] = {"expires_on": "2025-02-30"}
    with pytest.raises(ctpat.InputError) as info:
        ctpat.screen_partners(partners, "2025-06-30", chunk_size=5)
    assert info.value.code == "invalid_date"
    assert info.value.path == "/partners/9/basc/expires_on"


def test_empty_screening_still_reports_versions() -> None:
    report = ctpat.screen_partners([], "2025-06-30")
    assert report.summary.total == 0 and report.as_of == "2025-06-30" and report.mra_version


# --- lifecycle -----------------------------------------------------------------------------


def test_membership_walks_the_lifecycle_and_replays() -> None:
    m = ctpat.Membership.new("importer")
    for event, actor, at in [
        ({"kind": "application_started"}, "partner_officer", "2024-01-02"),
        ({"kind": "profile_submitted"}, "partner_officer", "2024-01-10"),
    ]:
        m = m.apply(event, actor, at).membership
    assert m.status == "applicant" and len(m.log) == 2
    assert m.verify_log().ok is True
    assert ctpat.Membership.replay("importer", m.log) == m
    assert ctpat.Membership.from_dict(m.to_json()) == m
    assert m.advance("2024-01-11").membership == m  # nothing due yet


def test_an_illegal_event_is_a_transition_error() -> None:
    m = ctpat.Membership.new("importer")
    with pytest.raises(ctpat.TransitionError) as info:
        m.apply({"kind": "certified"}, "cbp_scss", "2024-01-02")
    assert info.value.code.startswith("lifecycle.")
    assert not isinstance(info.value, ValueError)


def test_a_tampered_log_is_found() -> None:
    m = ctpat.Membership.new("importer").apply({"kind": "application_started"}, "partner_officer", "2024-01-02")
    log = m.membership.to_dict()["log"]
    log[0]["at"] = "2024-01-03"
    assert ctpat.verify_log(log).ok is False
    with pytest.raises(ctpat.TransitionError) as info:
        ctpat.Membership.replay("importer", log)
    assert info.value.code == "lifecycle.log_invalid"


# --- portal --------------------------------------------------------------------------------


def test_account_operations_return_accounts_and_denials_raise_access_denied() -> None:
    call = _first("add_user")
    account = ctpat.Account.from_dict(call["account"])
    after = ctpat.add_user(call["principal"], account, call["email"], call["as_of"])
    assert isinstance(after, ctpat.Account)
    assert call["email"].lower() in [u.lower() for u in after.designated_users] or after != account
    denied = _first("add_user", ok=False)
    with pytest.raises(ctpat.AccessDenied) as info:
        for _, case in fixture_cases():
            if case.get("op") == "add_user" and case["expected"].get("error") == "portal.access_denied":
                c = case["call"]
                ctpat.add_user(c["principal"], c["account"], c["email"], c["as_of"])
    assert info.value.code == "portal.access_denied"
    assert denied  # there is a denied fixture


def test_authorize_answers_with_a_decision() -> None:
    account = ctpat.Account.from_dict(_first("add_user")["account"])
    decision = account.authorize({"kind": "anonymous"}, "view_account", "2025-01-01")
    assert isinstance(decision, ctpat.Decision)
    assert decision.allowed is False and decision.code
    assert account.validate() == ctpat.validate_account(account.to_dict())


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: ctpat.validate_profile(None), "profile"),  # type: ignore[arg-type]
        (lambda: ctpat.validate_profile(42), "profile"),  # type: ignore[arg-type]
        (lambda: ctpat.screen_partners(None), "partners"),  # type: ignore[arg-type]
        (lambda: ctpat.screen_partners([3]), "partners[0]"),
        (lambda: ctpat.Membership.new(None), "business_type"),  # type: ignore[arg-type]
        (lambda: ctpat.Membership.new("importer").apply({"kind": "x"}, None, "2024-01-01"), "actor"),  # type: ignore
        (lambda: ctpat.Membership.new("importer").advance(None), "as_of"),
        (lambda: ctpat.authorize({"kind": "cbp_hq"}, 7, {}), "action"),  # type: ignore[arg-type]
        (lambda: ctpat.verify_log(5), "log"),  # type: ignore[arg-type]
        (lambda: ctpat.link_for_joint_validation("abc", "g"), "memberships"),  # type: ignore[arg-type]
        (lambda: ctpat.construct_mid("CN", None, "x", "y"), "name"),  # type: ignore[arg-type]
        (lambda: ctpat.annual_review_window(None), "anniversary"),
    ],
)
def test_wrong_python_types_raise_type_error_naming_the_argument(call: Any, name: str) -> None:
    with pytest.raises(TypeError, match=name.replace("[", r"\[").replace("]", r"\]")):
        call()


def test_nested_wrong_types_are_input_errors_with_a_path() -> None:
    profile = dict(_first("validate_profile")["profile"], answers=["not", "an", "object"])
    with pytest.raises(ctpat.InputError) as info:
        ctpat.validate_profile(profile, "2025-06-30")
    assert info.value.path.startswith("/profile/answers")
    with pytest.raises(ctpat.InputError) as info:
        ctpat.Membership.from_dict({"business_type": "importer", "status": 5}).benefits()
    assert info.value.path == "/membership/status"


def test_huge_strings_and_non_utf8_bytes_never_crash() -> None:
    huge = "x" * 10_000_000
    with pytest.raises(ctpat.InputError):
        ctpat.validate_profile(huge, "2025-06-30")  # not JSON
    report = ctpat.screen_partners([{"id": huge, "name": "n", "country": "US"}], "2025-06-30")
    assert report.summary.total == 1 and report.results[0].id == huge
    with pytest.raises(ctpat.InputError) as info:
        ctpat.Catalogue.from_json(b"\xff\xfe{}")
    assert info.value.code == "invalid_json"
    with pytest.raises(ctpat.InputError):
        ctpat.validate_account(b"\xc3\x28")
    account = _first("add_user")["account"]
    principal = {"kind": "user", "email": huge, "account_id": account["account_id"]}
    assert ctpat.authorize(principal, "view_account", account, "2025-01-01").allowed is False


def _family(code: str) -> type:
    if code.startswith("lifecycle."):
        return ctpat.TransitionError
    if code.startswith("portal."):
        return ctpat.AccessDenied
    if code.startswith("catalogue."):
        return ctpat.CatalogueError
    if code == "unsupported_rules_version":
        return ctpat.UnsupportedRulesVersion
    if code.startswith(("invalid_", "unknown_")) or code in ("limit_exceeded", "date_out_of_range"):
        return ctpat.InputError
    return ctpat.CtpatError


def test_every_error_code_in_the_corpus_raises_its_family_class() -> None:
    seen = set()
    for _, case in fixture_cases():
        expected = case.get("expected")
        if not (isinstance(expected, dict) and "error" in expected) or not isinstance(case.get("call"), dict):
            continue
        with pytest.raises(ctpat.CtpatError) as info:
            ctpat.call(case["op"], case["call"])
        assert type(info.value) is _family(expected["error"]), (expected["error"], type(info.value))
        seen.add(type(info.value))
    assert {ctpat.TransitionError, ctpat.AccessDenied, ctpat.CatalogueError, ctpat.InputError} <= seen


def test_screening_reads_its_input_one_chunk_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctpat._profile as profile

    pulled = 0
    seen_at_call: List[int] = []

    def source() -> Any:
        nonlocal pulled
        for partner in _partners(35):
            pulled += 1
            yield partner

    real = profile.invoke_text

    def spy(op: str, text: str) -> Any:
        seen_at_call.append(pulled)
        return real(op, text)

    monkeypatch.setattr(profile, "invoke_text", spy)
    report = ctpat.screen_partners(source(), "2025-06-30", summary_only=True, chunk_size=10)
    assert report.summary.total == 35
    assert seen_at_call == [10, 20, 30, 35]  # never more than one chunk ahead of the core


def test_every_rules_bearing_call_refuses_another_rules_edition() -> None:
    old = "1999.1"
    member = ctpat.Membership.new("importer")
    for run in [
        lambda: ctpat.Membership.new("importer", rules_version=old),
        lambda: ctpat.verify_log([], rules_version=old),
        lambda: ctpat.link_for_joint_validation([member], "acme", rules_version=old),
        lambda: ctpat.construct_mid("MX", "Northwind Textile Works", "4821 Industrial Ave", "Monterrey", rules_version=old),
    ]:
        with pytest.raises(ctpat.UnsupportedRulesVersion) as info:
            run()
        assert info.value.path == "/rules_version"
    current = ctpat.construct_mid("MX", "Northwind Textile Works", "4821 Industrial Ave", "Monterrey", rules_version=ctpat.RULES_VERSION)
    assert current.mid == "MXNORTEX4821MON"
