"""Every core operation has a typed Python counterpart, and it gives the fixture answers.

``SURFACE`` maps each JSON API operation to an adapter that calls the typed Python function
with the fixture's call arguments; the whole shared corpus is replayed through it, so a wrong
argument name or a dropped field in a typed wrapper fails here.
"""

from __future__ import annotations

import pickle
from typing import Any, Callable, Dict, List, Tuple

import pytest

import ctpat
from conftest import fixture_cases

Call = Dict[str, Any]

#: operations that are deliberately not typed functions
NOT_WRAPPED = {"__panic": "test hook", "operations": "ctpat.operations()", "versions": "ctpat.__version__"}


def _pol(c: Call) -> Dict[str, Any]:
    return {"policy": c["policy"]} if "policy" in c else {}


def _rv(c: Call) -> Dict[str, Any]:
    return {"rules_version": c["rules_version"]} if "rules_version" in c else {}


SURFACE: Dict[str, Tuple[Callable[[Call], Any], Tuple[str, ...]]] = {
    # op: (adapter, call keys it forwards)
    "check_identifier": (
        lambda c: ctpat.check_identifier(
            c["kind"], c["text"], reveal=c.get("reveal", False), ssn_based=c.get("ssn_based", False), as_of=c.get("as_of")
        ),
        ("kind", "text", "reveal", "ssn_based", "as_of"),
    ),
    "identifier_rules": (lambda c: ctpat.identifier_rules(), ()),
    "construct_mid": (
        lambda c: ctpat.construct_mid(c["country"], c["name"], c["street"], c["city"], declared=c.get("declared")),
        ("country", "name", "street", "city", "declared"),
    ),
    "business_types": (lambda c: ctpat.business_types(), ()),
    "policy": (
        lambda c: ctpat.Policy.current()
        if "policy" not in c
        else ctpat.Policy.preset(c["policy"])
        if isinstance(c["policy"], str)
        else ctpat.Policy.from_json(c["policy"]),
        ("policy",),
    ),
    "rules": (lambda c: ctpat.rules(), ()),
    "check_eligibility": (
        lambda c: ctpat.check_eligibility(c["partner"], c["as_of"], c.get("policy"), **_rv(c)),
        ("partner", "as_of", "policy", "rules_version"),
    ),
    "validate_profile": (
        lambda c: ctpat.validate_profile(c["profile"], c["as_of"], c.get("catalogue"), c.get("policy"), **_rv(c)),
        ("profile", "as_of", "catalogue", "policy", "rules_version"),
    ),
    "annual_review_window": (
        lambda c: ctpat.annual_review_window(c["anniversary"], c["as_of"], c.get("last_submitted_on"), c.get("policy")),
        ("anniversary", "as_of", "last_submitted_on", "policy"),
    ),
    "profile_checks": (lambda c: ctpat.profile_checks(), ()),
    "catalogue_checks": (lambda c: ctpat.catalogue_checks(), ()),
    "catalogue": (lambda c: ctpat.Catalogue.embedded(), ()),
    "load_catalogue": (lambda c: ctpat.load_catalogue(c["catalogue"]), ("catalogue",)),
    "screen_partners": (
        lambda c: ctpat.screen_partners(c["partners"], c["as_of"], c.get("policy"), **_rv(c)),
        ("partners", "as_of", "policy", "rules_version"),
    ),
    "screening_rules": (lambda c: ctpat.screening_rules(), ()),
    "mra_table": (lambda c: ctpat.mra_table(), ()),
    "new_membership": (lambda c: ctpat.Membership.new(c["business_type"]), ("business_type",)),
    "apply_event": (
        lambda c: ctpat.Membership.from_dict(c["membership"]).apply(c["event"], c["actor"], c["at"], c.get("policy")),
        ("membership", "event", "actor", "at", "policy"),
    ),
    "advance": (
        lambda c: ctpat.Membership.from_dict(c["membership"]).advance(c["as_of"], c.get("policy")),
        ("membership", "as_of", "policy"),
    ),
    "deadlines": (
        lambda c: ctpat.Membership.from_dict(c["membership"]).deadlines(c["as_of"], c.get("policy")),
        ("membership", "as_of", "policy"),
    ),
    "benefits": (
        lambda c: ctpat.Membership.from_dict(c["membership"]).benefits(c.get("policy")),
        ("membership", "policy"),
    ),
    "replay": (
        lambda c: ctpat.Membership.replay(c["business_type"], c["log"], c.get("policy")),
        ("business_type", "log", "policy"),
    ),
    "verify_log": (lambda c: ctpat.verify_log(c["log"]), ("log",)),
    "transitions": (lambda c: ctpat.transitions(), ()),
    "link_for_joint_validation": (
        lambda c: ctpat.link_for_joint_validation(c["memberships"], c["group"], c.get("policy")),
        ("memberships", "group", "policy"),
    ),
    "authorize": (
        lambda c: ctpat.authorize(c["principal"], c["action"], c["account"], c["as_of"], c.get("policy")),
        ("principal", "action", "account", "as_of", "policy"),
    ),
    "validate_account": (
        lambda c: ctpat.validate_account(c["account"], c.get("policy")),
        ("account", "policy"),
    ),
    "add_user": (
        lambda c: ctpat.add_user(c["principal"], c["account"], c["email"], c["as_of"], c.get("policy")),
        ("principal", "account", "email", "as_of", "policy"),
    ),
    "remove_user": (
        lambda c: ctpat.remove_user(c["principal"], c["account"], c["email"], c["as_of"], c.get("policy")),
        ("principal", "account", "email", "as_of", "policy"),
    ),
    "change_primary_poc": (
        lambda c: ctpat.change_primary_poc(c["principal"], c["account"], c["email"], c["as_of"], c.get("policy")),
        ("principal", "account", "email", "as_of", "policy"),
    ),
    "change_email": (
        lambda c: ctpat.change_email(
            c["principal"], c["account"], c["old_email"], c["new_email"], c["as_of"], c.get("policy")
        ),
        ("principal", "account", "old_email", "new_email", "as_of", "policy"),
    ),
    "link_accounts": (
        lambda c: ctpat.link_accounts(c["principal"], c["account"], c["other_account_id"], c["as_of"], c.get("policy")),
        ("principal", "account", "other_account_id", "as_of", "policy"),
    ),
    "unlink_accounts": (
        lambda c: ctpat.unlink_accounts(
            c["principal"], c["account"], c["other_account_id"], c["as_of"], c.get("policy")
        ),
        ("principal", "account", "other_account_id", "as_of", "policy"),
    ),
    "split_company_profile": (
        lambda c: ctpat.split_company_profile(c["profile"], **_rv(c)),
        ("profile", "rules_version"),
    ),
    "access_rules": (lambda c: ctpat.access_rules(), ()),
}

#: the typed answer of these operations is part of the full answer (the account, the accounts)
UNWRAP = {
    "add_user": "account",
    "remove_user": "account",
    "change_primary_poc": "account",
    "change_email": "account",
    "link_accounts": "account",
    "unlink_accounts": "account",
    "split_company_profile": "accounts",
}


def test_every_core_operation_has_a_python_counterpart() -> None:
    core = {op["name"] for op in ctpat.operations()}
    missing = sorted(core - set(SURFACE) - set(NOT_WRAPPED))
    assert missing == [], f"operations without a Python function: {missing}"
    stale = sorted(set(SURFACE) - core)
    assert stale == [], f"Python adapters for operations the core lacks: {stale}"


def test_every_public_name_is_exported() -> None:
    assert sorted(set(ctpat.__all__)) == sorted(ctpat.__all__), "duplicates in __all__"
    for name in ctpat.__all__:
        assert hasattr(ctpat, name), name
    defined_here = {
        n
        for n in dir(ctpat)
        if not n.startswith("_") and str(getattr(getattr(ctpat, n), "__module__", "")).startswith("ctpat.")
    }
    helpers = {"invoke", "date_arg", "str_arg"}  # imported for ctpat.call and check_identifier
    assert defined_here - set(ctpat.__all__) - helpers == set()


def _plain(value: Any) -> Any:
    if isinstance(value, ctpat.Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


#: call keys a typed function takes as optional arguments (the rest are required parameters)
OPTIONAL = {"policy", "rules_version", "reveal", "ssn_based", "declared", "catalogue", "last_submitted_on"}
#: wrong JSON types the typed functions refuse with TypeError before the core sees them
TYPE_CODES = {"invalid_input", "invalid_json"}


def _typed_cases() -> List[Any]:
    out = []
    for ident, case in fixture_cases():
        op = case.get("op")
        if op not in SURFACE:
            continue
        call = case.get("call", {})
        if not isinstance(call, dict) or not set(call) <= set(SURFACE[op][1]):
            continue  # an unknown field or non-object call: only ctpat.call can send it
        required = set(SURFACE[op][1]) - OPTIONAL - ({"as_of"} if op == "check_identifier" else set())
        if not required <= set(call):
            continue  # a missing argument is a Python TypeError from the signature itself
        out.append(pytest.param(case, id=ident))
    return out


def test_the_typed_corpus_covers_every_wrapped_operation() -> None:
    covered = {p.values[0]["op"] for p in _typed_cases()}
    assert set(SURFACE) - covered - {op for op, (_, keys) in SURFACE.items() if not keys} == set()


@pytest.mark.parametrize("op", sorted(op for op, (_, keys) in SURFACE.items() if not keys))
def test_listings_equal_the_json_api(op: str) -> None:
    answer = SURFACE[op][0]({})
    assert _plain(answer) == ctpat.call(op)
    assert pickle.loads(pickle.dumps(answer)) == answer


@pytest.mark.parametrize("case", _typed_cases())
def test_typed_function_gives_the_fixture_answer(case: Dict[str, Any]) -> None:
    adapter = SURFACE[case["op"]][0]
    expected = case["expected"]
    if isinstance(expected, dict) and "error" in expected and set(expected) <= {"error", "path", "message", "findings"}:
        with pytest.raises((ctpat.CtpatError, TypeError)) as info:
            adapter(case["call"])
        if isinstance(info.value, TypeError):  # documented: wrong Python types are TypeError
            assert expected["error"] in TYPE_CODES
            leaf = expected.get("path", "").split("/")
            assert len(leaf) < 2 or leaf[1] in str(info.value), (str(info.value), expected)
            return
        assert info.value.code == expected["error"]
        if "path" in expected:
            assert info.value.path == expected["path"]
        return
    answer = adapter(case["call"])
    assert isinstance(answer, (ctpat.Record, list)), type(answer)
    want = expected[UNWRAP[case["op"]]] if case["op"] in UNWRAP else expected
    assert _plain(answer) == want
    assert pickle.loads(pickle.dumps(answer)) == answer
