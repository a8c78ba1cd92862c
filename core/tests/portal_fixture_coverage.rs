//! Every portal access rule decides at least one shared fixture case (deny rules denying,
//! allow rules allowing), and every account invariant fails in at least one fixture case.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failure should stop the test"
)]

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

#[test]
fn every_access_rule_and_invariant_has_a_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/portal");
    let mut decided: BTreeSet<(String, bool)> = BTreeSet::new();
    let mut found: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let expected = &case["expected"];
            match case["op"].as_str().unwrap() {
                "authorize" if expected.get("code").is_some() => {
                    decided.insert((
                        expected["code"].as_str().unwrap().to_owned(),
                        expected["allowed"].as_bool().unwrap(),
                    ));
                }
                "validate_account" if expected.get("findings").is_some() => {
                    for f in expected["findings"].as_array().unwrap() {
                        found.insert(f["code"].as_str().unwrap().to_owned());
                    }
                }
                _ => {}
            }
        }
    }
    let table: Value =
        serde_json::from_str(&ctpat::api::call("access_rules", "{}").unwrap()).unwrap();
    for rule in table["rules"].as_array().unwrap() {
        let code = rule["code"].as_str().unwrap().to_owned();
        let allowed = rule["effect"] == "allow";
        assert!(
            decided.contains(&(code.clone(), allowed)),
            "no fixture where `{code}` decides (allowed = {allowed})"
        );
    }
    for inv in table["invariants"].as_array().unwrap() {
        let code = inv["code"].as_str().unwrap();
        assert!(
            found.contains(code),
            "no validate_account fixture fails `{code}`"
        );
    }
}
