//! Runs the shared fixture corpus (`tests/fixtures/**/*.json`) through the JSON API.
//!
//! Each file is `{"cases": [{"description", "op", "call", "expected"}]}`. `expected` is the full
//! answer, or `{"error": code}` (optionally with `"path"`) when the call must fail. The Python and
//! Node suites run the same files with the same comparison.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failure should stop the test"
)]

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// The answer of one case in the comparable form used by every runner.
pub fn run_case(case: &Value) -> Value {
    let op = case["op"].as_str().unwrap();
    let call = serde_json::to_string(&case["call"]).unwrap();
    match ctpat::api::call(op, &call) {
        Ok(text) => serde_json::from_str(&text).unwrap(),
        Err(err) => {
            let mut got = json!({"error": err.code()});
            if case["expected"].get("path").is_some() {
                got["path"] = json!(err.path());
            }
            got
        }
    }
}

/// Every case whose operation has a typed fast path gives the same answer (text or error code,
/// path and message) on the reference `Value` path.
#[test]
fn fast_paths_answer_exactly_like_the_reference_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    let mut compared = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let op = case["op"].as_str().unwrap();
            if ctpat::api::operation(op).is_ok_and(|o| o.fast.is_some()) {
                let call = serde_json::to_string(&case["call"]).unwrap();
                let fast = ctpat::api::call(op, &call).map_err(|e| e.info());
                let reference = ctpat::api::call_reference(op, &call).map_err(|e| e.info());
                assert_eq!(
                    format!("{fast:?}"),
                    format!("{reference:?}"),
                    "{} :: {}",
                    file.display(),
                    case["description"]
                );
                compared += 1;
            }
        }
    }
    assert!(
        compared > 100,
        "only {compared} fixture cases have a fast path"
    );
}

#[test]
fn shared_fixtures_give_the_expected_answers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    assert!(
        !files.is_empty(),
        "no fixture files under {}",
        root.display()
    );
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in doc["cases"].as_array().unwrap() {
            count += 1;
            let got = run_case(case);
            if got != case["expected"] {
                failures.push(format!(
                    "{} :: {}\n  expected: {}\n  got:      {}",
                    file.display(),
                    case["description"],
                    case["expected"],
                    got
                ));
            }
        }
    }
    assert!(count > 0, "fixture files hold no cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
