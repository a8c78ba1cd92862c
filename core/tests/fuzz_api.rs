//! Fuzzes every JSON API operation: arbitrary JSON and mutated fixture calls never panic, never
//! hang, and every failure carries a code.
//!
//! `CTPAT_FUZZ_CASES` sets the cases per operation (default 10 000; `./run fuzz` uses 1 000 000).
//! A failing input is written to `tests/regressions/` (with `CTPAT_FUZZ_WRITE=1`), and every file
//! there is replayed by `regressions_never_panic` in the normal test run.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Map, Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Fixture calls by operation: the seeds that mutations start from.
fn seeds() -> BTreeMap<String, Vec<Value>> {
    let mut files = Vec::new();
    json_files(&root().join("tests/fixtures"), &mut files);
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for f in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            out.entry(case["op"].as_str().unwrap().to_owned())
                .or_default()
                .push(case["call"].clone());
        }
    }
    out
}

const WORDS: &[&str] = &[
    "",
    "importer",
    "ssn",
    "scac",
    "078-05-1120",
    "123-45-6789",
    "2024-02-29",
    "2024-13-01",
    "9999-12-31",
    "0001-01-01",
    "current",
    "portal_2006",
    "QWRT",
    "ABC010203K28",
    "ñ",
    "é\u{0}",
    "4.1",
    "cbp_scss",
    "partner_officer",
    "certified",
    "suspended",
    "/~1",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        prop::sample::select(WORDS).prop_map(|s| json!(s)),
        "\\PC{0,12}".prop_map(Value::String),
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (prop::sample::select(WORDS).prop_map(str::to_owned), inner),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Replaces the value at a pseudo-random path (child chosen by index modulo its size).
fn mutate(mut value: Value, steps: &[usize], replacement: Value) -> Value {
    fn go(v: &mut Value, steps: &[usize], replacement: Value) {
        let Some((first, rest)) = steps.split_first() else {
            *v = replacement;
            return;
        };
        match v {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(first % map.len()).unwrap().clone();
                if rest.is_empty() && first % 3 == 0 {
                    map.remove(&key);
                } else {
                    go(map.get_mut(&key).unwrap(), rest, replacement);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let n = items.len();
                go(&mut items[first % n], rest, replacement);
            }
            _ => *v = replacement,
        }
    }
    go(&mut value, steps, replacement);
    value
}

/// SSN-like samples the fuzzer feeds in; no message or reason may carry them back whole.
const SSN_SAMPLES: &[&str] = &["078-05-1120", "078051120", "123-45-6789", "123456789"];

fn leaks_ssn(text: &str) -> bool {
    SSN_SAMPLES.iter().any(|s| text.contains(s))
}

/// Every `message` and `reason` string in an answer.
fn messages(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if let (true, Some(s)) = (k == "message" || k == "reason", v.as_str()) {
                    out.push(s.to_owned());
                }
                messages(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| messages(v, out)),
        _ => {}
    }
}

fn check_one(op: &str, call: &Value) -> Result<(), TestCaseError> {
    let text = call.to_string();
    let started = Instant::now();
    let outcome = std::panic::catch_unwind(|| ctpat::api::call(op, &text));
    let elapsed = started.elapsed();
    let Ok(result) = outcome else {
        record(op, call);
        return Err(TestCaseError::fail(format!("{op} panicked on {text}")));
    };
    if elapsed > Duration::from_secs(2) {
        record(op, call);
        return Err(TestCaseError::fail(format!(
            "{op} took {elapsed:?} on {text}"
        )));
    }
    // An operation's typed fast path must answer exactly like the reference `Value` path.
    if ctpat::api::operation(op).is_ok_and(|o| o.fast.is_some()) {
        let reference = ctpat::api::call_reference(op, &text);
        let same = match (&result, &reference) {
            (Ok(a), Ok(b)) => a == b,
            (Err(a), Err(b)) => {
                serde_json::to_value(a.info()).ok() == serde_json::to_value(b.info()).ok()
            }
            _ => false,
        };
        if !same {
            record(op, call);
            return Err(TestCaseError::fail(format!(
                "{op}: fast path {result:?} but reference path {reference:?} on {text}"
            )));
        }
    }
    match result {
        Ok(out) => {
            let answer = serde_json::from_str::<Value>(&out)
                .map_err(|e| TestCaseError::fail(format!("{op}: bad json out: {e}")))?;
            // Findings about a value declared as a personal kind never echo it. (A value declared
            // as another kind, e.g. an SSN typed into a SCAC field, is quoted as that kind.)
            if call.get("kind").and_then(Value::as_str) == Some("ssn") {
                let mut texts = Vec::new();
                messages(&answer, &mut texts);
                for t in texts {
                    prop_assert!(!leaks_ssn(&t), "{op}: a message echoes an ssn: {t}");
                }
            }
        }
        Err(err) => {
            prop_assert!(!err.code().is_empty(), "{op}: error without a code");
            prop_assert!(!err.to_string().is_empty());
            prop_assert!(
                !leaks_ssn(&err.to_string()),
                "{op}: an error echoes an ssn: {err}"
            );
            prop_assert!(
                !leaks_ssn(&format!("{err:?}")),
                "{op}: an error's Debug echoes an ssn"
            );
        }
    }
    Ok(())
}

fn record(op: &str, call: &Value) {
    if std::env::var_os("CTPAT_FUZZ_WRITE").is_none() {
        return;
    }
    let dir = root().join("tests/regressions");
    let _ = std::fs::create_dir_all(&dir);
    let text = serde_json::to_string_pretty(&json!({"op": op, "call": call})).unwrap();
    let name = format!("{op}-{:016x}.json", fxhash(&text));
    let _ = std::fs::write(dir.join(name), text);
}

fn fxhash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn cases() -> u32 {
    std::env::var("CTPAT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

#[test]
fn every_operation_survives_arbitrary_and_mutated_input() {
    let seeds = seeds();
    let ops: Vec<&str> = ctpat::api::operations()
        .iter()
        .map(|o| o.name)
        .filter(|n| !n.starts_with("__"))
        .collect();
    let mut report = Vec::new();
    for op in ops {
        let started = Instant::now();
        let calls = seeds.get(op).cloned().unwrap_or_else(|| vec![json!({})]);
        let mut runner = TestRunner::new(Config {
            cases: cases(),
            failure_persistence: None,
            ..Config::default()
        });
        let strategy = (
            0..calls.len(),
            prop::collection::vec(any::<usize>(), 0..5),
            arb_json(),
            any::<bool>(),
        );
        runner
            .run(&strategy, |(i, steps, replacement, whole)| {
                let call = if whole {
                    replacement
                } else {
                    mutate(calls[i].clone(), &steps, replacement)
                };
                check_one(op, &call)
            })
            .unwrap_or_else(|e| panic!("{op}: {e}"));
        report.push(format!(
            "{op}: {} cases in {:?}",
            cases(),
            started.elapsed()
        ));
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn regressions_never_panic() {
    let mut files = Vec::new();
    json_files(&root().join("tests/regressions"), &mut files);
    for f in files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        check_one(case["op"].as_str().unwrap(), &case["call"])
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
    }
}
