//! The identifier rule table and the shared fixtures agree: every rule is exercised by a
//! failing fixture case, and every code the fixtures expect is a listed rule.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failure should stop the test"
)]

use std::collections::BTreeSet;

use ctpat::ident::{IdentifierKind, RULES};
use serde_json::Value;

fn fixture_codes() -> (BTreeSet<(String, String)>, BTreeSet<String>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/identifiers.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut codes = BTreeSet::new();
    let mut valid_kinds = BTreeSet::new();
    for case in doc["cases"].as_array().unwrap() {
        let expected = &case["expected"];
        if expected["valid"] == Value::Bool(true) {
            valid_kinds.insert(case["call"]["kind"].as_str().unwrap().to_owned());
        }
        for f in expected["findings"].as_array().into_iter().flatten() {
            codes.insert((
                f["code"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            ));
        }
    }
    (codes, valid_kinds)
}

#[test]
fn every_rule_fails_in_some_fixture_and_every_kind_passes_in_one() {
    let (codes, valid_kinds) = fixture_codes();
    for rule in RULES {
        if rule.problem == "construction_mismatch" {
            continue; // needs a name and address: covered by compare_mid's doctest
        }
        let hit = codes.iter().any(|(code, severity)| {
            let mut parts = code.splitn(3, '.');
            let (_, kind, problem) = (parts.next(), parts.next(), parts.next());
            problem == Some(rule.problem)
                && rule.kind.is_none_or(|k| Some(k.code()) == kind)
                && severity == rule.severity.as_str()
        });
        assert!(hit, "no fixture fails rule {}", rule.code());
    }
    for kind in IdentifierKind::ALL {
        assert!(
            valid_kinds.contains(kind.code()),
            "no valid fixture for {kind}"
        );
    }
}

#[test]
fn every_fixture_code_is_a_listed_rule() {
    let (codes, _) = fixture_codes();
    for (code, severity) in codes {
        let mut parts = code.splitn(3, '.');
        assert_eq!(parts.next(), Some("ident"), "{code}");
        let kind = IdentifierKind::from_code(parts.next().unwrap()).unwrap();
        let problem = parts.next().unwrap();
        let listed = RULES.iter().any(|r| {
            r.problem == problem
                && r.kind.is_none_or(|k| k == kind)
                && r.severity.as_str() == severity
        });
        assert!(listed, "{code} ({severity}) is not in the rule table");
    }
}

#[test]
fn rule_codes_are_unique_and_snake_case() {
    let mut seen = BTreeSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code()), "duplicate {}", rule.code());
        assert!(
            rule.problem
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{}",
            rule.problem
        );
        assert!(!rule.description.is_empty() && !rule.source.is_empty());
    }
}
