//! The domain commands (`profile`, `screen`, `status`, `event`, `authorize`) run against the
//! shared fixtures: every case the command line can express must give the fixture's answer and
//! the documented exit code (0 ok, 1 findings, 2 bad input with one `error[code]` line).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "test code"
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn ctpat_with_stdin(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ctpat"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            pipe.write_all(text.as_bytes()).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        out: String::from_utf8(out.stdout).unwrap(),
        err: String::from_utf8(out.stderr).unwrap(),
    }
}

fn ctpat(args: &[&str]) -> Run {
    ctpat_with_stdin(args, None)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn cases(file: &str) -> Vec<Value> {
    let path = root().join("tests/fixtures").join(file);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ctpat-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, value: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, value.to_string()).unwrap();
    path.to_str().unwrap().to_owned()
}

/// A bad-input run: exit 2, nothing on stdout, one `error[code]` line on stderr, no panic.
fn assert_bad(run: &Run, code: &str, what: &str) {
    assert_eq!(run.code, 2, "{what}: {}", run.err);
    assert!(run.out.is_empty(), "{what}: {}", run.out);
    assert!(
        run.err.starts_with(&format!("error[{code}]")),
        "{what}: {}",
        run.err
    );
    assert_eq!(run.err.trim_end().lines().count(), 1, "{what}: {}", run.err);
    assert!(!run.err.contains("panicked"), "{what}");
}

/// Adds `--policy` for a fixture call's policy (a preset name or an object in a file).
fn policy_args(dir: &Path, call: &Value, args: &mut Vec<String>) {
    match &call["policy"] {
        Value::Null => {}
        Value::String(name) => args.extend(["--policy".into(), name.clone()]),
        other => args.extend(["--policy".into(), write(dir, "policy.json", other)]),
    }
}

fn run_strings(args: &[String]) -> Run {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    ctpat(&refs)
}

// ---------------------------------------------------------------- profile

/// Every `validate_profile` fixture case through `ctpat profile --json`.
#[test]
fn profile_matches_every_fixture_case() {
    let dir = temp_dir("profile-fixtures");
    let mut ran = 0;
    for case in cases("profile/validate_profile.json") {
        let call = &case["call"];
        let what = case["description"].as_str().unwrap();
        let mut args = vec![
            "profile".to_owned(),
            write(&dir, "profile.json", &call["profile"]),
            "--as-of".into(),
            call["as_of"].as_str().unwrap().to_owned(),
            "--json".into(),
        ];
        match &call["catalogue"] {
            Value::Null => {}
            // Catalogue JSON text: the file holds that text.
            Value::String(text) => {
                let path = dir.join("catalogue.json");
                std::fs::write(&path, text).unwrap();
                args.extend(["--catalogue".into(), path.to_str().unwrap().to_owned()]);
            }
            other => args.extend(["--catalogue".into(), write(&dir, "catalogue.json", other)]),
        }
        policy_args(&dir, call, &mut args);
        let run = run_strings(&args);
        let expected = &case["expected"];
        if let Some(code) = expected["error"].as_str() {
            assert_bad(&run, code, what);
        } else {
            let got: Value = serde_json::from_str(&run.out).unwrap();
            assert_eq!(&got, expected, "{what}");
            let valid = expected["outcome"] == "valid";
            assert_eq!(run.code, if valid { 0 } else { 1 }, "{what}");
        }
        ran += 1;
    }
    assert!(ran >= 30, "{ran}");
}

#[test]
fn profile_human_output_has_outcome_completeness_and_findings() {
    let all = cases("profile/validate_profile.json");
    let dir = temp_dir("profile-human");
    let valid = write(&dir, "valid.json", &all[0]["call"]["profile"]);
    let run = ctpat(&["profile", &valid, "--as-of", "2025-06-30"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(
        run.out
            .starts_with("valid importer profile (msc-2019-partial) as of 2025-06-30\n"),
        "{}",
        run.out
    );
    assert!(
        run.out
            .contains("answered 11/11 applicable criteria (must 9/9, should 2/2)"),
        "{}",
        run.out
    );
    assert!(run.out.contains("profile.catalogue_incomplete"));

    // The invalid case (a Must criterion not implemented) lists its finding.
    let invalid = write(&dir, "invalid.json", &all[1]["call"]["profile"]);
    let run = ctpat(&["profile", &invalid, "--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1);
    assert!(
        run.out.starts_with("invalid importer profile"),
        "{}",
        run.out
    );
    assert!(
        run.out.contains("profile.must_not_implemented"),
        "{}",
        run.out
    );
    assert!(run.out.contains("/answers/12.1/status"), "{}", run.out);

    // Stdin works like a file.
    let run = ctpat_with_stdin(
        &["profile", "-", "--as-of", "2025-06-30"],
        Some(&all[0]["call"]["profile"].to_string()),
    );
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.starts_with("valid importer profile"));
}

#[test]
fn profile_batch_is_one_report_per_line_and_names_a_bad_record() {
    let all = cases("profile/validate_profile.json");
    let dir = temp_dir("profile-batch");
    let batch = dir.join("profiles.jsonl");
    std::fs::write(
        &batch,
        format!(
            "{}\n\n{}\n",
            all[0]["call"]["profile"], all[11]["call"]["profile"]
        ),
    )
    .unwrap();
    let batch = batch.to_str().unwrap();
    let run = ctpat(&["profile", batch, "--as-of", "2025-06-30", "--json"]);
    assert_eq!(run.code, 1, "{}", run.err);
    let outcomes: Vec<Value> = run
        .out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["outcome"].clone())
        .collect();
    assert_eq!(outcomes, [json!("valid"), json!("incomplete")]);

    let bad = dir.join("bad.jsonl");
    std::fs::write(
        &bad,
        format!("{}\n{{\"business_type\":7}}\n", all[0]["call"]["profile"]),
    )
    .unwrap();
    let run = ctpat(&[
        "profile",
        bad.to_str().unwrap(),
        "--as-of",
        "2025-06-30",
        "--json",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.err.starts_with("error[invalid_input]"), "{}", run.err);
    assert!(run.err.contains("record 2"), "{}", run.err);
    assert_eq!(run.err.trim_end().lines().count(), 1);
}

#[test]
fn profile_bad_inputs_exit_two() {
    let dir = temp_dir("profile-bad");
    let profile = write(
        &dir,
        "p.json",
        &cases("profile/validate_profile.json")[0]["call"]["profile"],
    );
    let not_json = dir.join("cat.json");
    std::fs::write(&not_json, "catalogue?").unwrap();
    let not_json = not_json.to_str().unwrap();
    let missing = dir.join("missing.json");
    let missing = missing.to_str().unwrap();
    let dir_path = dir.to_str().unwrap();
    for (args, code) in [
        (
            vec!["profile", &profile, "--as-of", "2025-02-30"],
            "invalid_date",
        ),
        (
            vec![
                "profile",
                &profile,
                "--as-of",
                "2025-06-30",
                "--catalogue",
                not_json,
            ],
            "invalid_json",
        ),
        (
            vec!["profile", missing, "--as-of", "2025-06-30"],
            "file_not_found",
        ),
        (
            vec!["profile", dir_path, "--as-of", "2025-06-30"],
            "invalid_input",
        ),
        (
            vec![
                "profile",
                &profile,
                "--as-of",
                "2025-06-30",
                "--policy",
                "nope",
            ],
            "unknown_policy_preset",
        ),
        (
            vec![
                "profile",
                &profile,
                "--as-of",
                "2025-06-30",
                "--policy",
                "nope.json",
            ],
            "file_not_found",
        ),
        (vec!["profile", &profile], "usage"),
        (
            vec!["profile", &profile, "--as-of", "2025-06-30", "--bogus"],
            "usage",
        ),
    ] {
        assert_bad(&ctpat(&args), code, &args.join(" "));
    }
}

// ---------------------------------------------------------------- screen

/// Every `screen_partners` fixture case through `ctpat screen FILE.json --json`.
#[test]
fn screen_matches_every_fixture_case() {
    let dir = temp_dir("screen-fixtures");
    let mut ran = 0;
    for case in cases("screening/screen_partners.json") {
        if case["op"] != "screen_partners" {
            continue;
        }
        let call = &case["call"];
        let what = case["description"].as_str().unwrap();
        let mut args = vec![
            "screen".to_owned(),
            write(&dir, "partners.json", &call["partners"]),
            "--as-of".into(),
            call["as_of"].as_str().unwrap().to_owned(),
            "--json".into(),
        ];
        policy_args(&dir, call, &mut args);
        let run = run_strings(&args);
        let expected = &case["expected"];
        if let Some(code) = expected["error"].as_str() {
            assert_bad(&run, code, what);
        } else {
            let got: Value = serde_json::from_str(&run.out).unwrap();
            assert_eq!(&got, expected, "{what}");
            let s = &expected["summary"];
            let all = s["total"] == s["accepted_by_documentation"];
            assert_eq!(run.code, if all { 0 } else { 1 }, "{what}");
        }
        ran += 1;
    }
    assert!(ran >= 8, "{ran}");
}

fn first_screening() -> (Value, Value) {
    let case = cases("screening/screen_partners.json")[0].clone();
    (case["call"]["partners"].clone(), case["expected"].clone())
}

#[test]
fn screen_human_output_is_a_table_and_summary() {
    let (partners, _) = first_screening();
    let dir = temp_dir("screen-human");
    let file = write(&dir, "partners.json", &partners);
    let run = ctpat(&["screen", &file, "--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.out.lines().collect();
    assert!(lines[1].starts_with("ID "), "{}", run.out);
    assert!(lines[2].starts_with("P0 "), "{}", run.out);
    assert!(
        lines[2].contains("accepted_by_documentation"),
        "{}",
        run.out
    );
    assert_eq!(
        lines.last().unwrap(),
        &"total 14: 7 accepted_by_documentation, 1 questionnaire_required, 3 expired, 3 not_recognised"
    );
    let run = ctpat(&["screen", &file, "--as-of", "2025-06-30", "--summary"]);
    assert_eq!(run.out.lines().count(), 1, "{}", run.out);

    // Only accepted partners: exit 0.
    let accepted: Vec<Value> = partners
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["id"] == "P0" || p["id"] == "P4")
        .cloned()
        .collect();
    let file = write(&dir, "ok.json", &Value::Array(accepted));
    let run = ctpat(&[
        "screen",
        &file,
        "--as-of",
        "2025-06-30",
        "--json",
        "--summary",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let summary: Value = serde_json::from_str(&run.out).unwrap();
    assert_eq!(summary["total"], 2);
    assert_eq!(summary["accepted_by_documentation"], 2);
}

/// Writes partners as CSV rows in the documented column layout.
fn to_csv(partners: &Value) -> String {
    let columns = [
        "id",
        "name",
        "country",
        "ctpat_status",
        "ctpat_account_id",
        "aeo_country",
        "aeo_programme",
        "aeo_certificate_id",
        "aeo_valid_until",
        "basc_certificate_id",
        "basc_expires_on",
    ];
    let mut out = columns.join(",") + "\r\n";
    for p in partners.as_array().unwrap() {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                let value = match c.split_once('_') {
                    Some((group @ ("ctpat" | "aeo" | "basc"), field)) => &p[group][field],
                    _ => &p[*c],
                };
                let text = value.as_str().unwrap_or("");
                format!("\"{}\"", text.replace('"', "\"\""))
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[test]
fn screen_csv_gives_the_same_results_as_json() {
    let (partners, expected) = first_screening();
    let dir = temp_dir("screen-csv");
    let file = dir.join("partners.csv");
    std::fs::write(&file, to_csv(&partners)).unwrap();
    let run = ctpat(&[
        "screen",
        file.to_str().unwrap(),
        "--as-of",
        "2025-06-30",
        "--json",
    ]);
    assert_eq!(run.code, 1, "{}", run.err);
    let got: Value = serde_json::from_str(&run.out).unwrap();
    // Same result and rule per partner (reasons may differ where the JSON kept spaces).
    let pick = |v: &Value| -> Vec<(Value, Value, Value)> {
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["id"].clone(), r["result"].clone(), r["code"].clone()))
            .collect()
    };
    assert_eq!(pick(&got), pick(&expected));
    assert_eq!(got["summary"], expected["summary"]);

    // A byte-order mark, a column order of one's own and a quoted comma are fine.
    let file = dir.join("reordered.csv");
    std::fs::write(
        &file,
        "\u{feff}basc_expires_on,name,id\n2026-01-31,\"Grower, Ltd\",X1\n,Nobody,X2\n",
    )
    .unwrap();
    let run = ctpat(&[
        "screen",
        file.to_str().unwrap(),
        "--as-of",
        "2025-06-30",
        "--json",
    ]);
    let got: Value = serde_json::from_str(&run.out).unwrap();
    assert_eq!(got["results"][0]["result"], "accepted_by_documentation");
    assert_eq!(got["results"][1]["result"], "questionnaire_required");
}

#[test]
fn screen_json_lines_streams_results_and_a_summary() {
    let (partners, expected) = first_screening();
    let dir = temp_dir("screen-jsonl");
    let file = dir.join("partners.jsonl");
    let mut text = String::new();
    for p in partners.as_array().unwrap() {
        text.push_str(&format!("{p}\n"));
    }
    std::fs::write(&file, &text).unwrap();
    let path = file.to_str().unwrap();
    let run = ctpat(&["screen", path, "--as-of", "2025-06-30", "--json"]);
    assert_eq!(run.code, 1, "{}", run.err);
    let lines: Vec<Value> = run
        .out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let results = expected["results"].as_array().unwrap();
    for (got, want) in lines.iter().zip(results) {
        assert_eq!(got, want);
    }
    assert_eq!(lines.len(), results.len() + 1);
    assert_eq!(lines.last().unwrap()["summary"], expected["summary"]);

    let run = ctpat(&["screen", path, "--as-of", "2025-06-30", "--summary"]);
    assert_eq!(
        run.out,
        "total 14: 7 accepted_by_documentation, 1 questionnaire_required, 3 expired, 3 not_recognised\n"
    );
}

#[test]
fn screen_bad_inputs_name_the_line_and_exit_two() {
    let dir = temp_dir("screen-bad");
    let cases_ = [
        (
            "bad-date.jsonl",
            "{\"id\":\"A\"}\n\n{\"id\":\"B\",\"basc\":{\"expires_on\":\"2025-02-30\"}}\n",
            "invalid_date",
            Some("line 3"),
        ),
        (
            "bad-json.jsonl",
            "{\"id\":\"A\"}\n{nope\n",
            "invalid_json",
            Some("line 2"),
        ),
        (
            "unknown.jsonl",
            "{\"id\":\"A\",\"tier\":1}\n",
            "unknown_field",
            Some("line 1"),
        ),
        (
            "bad-header.csv",
            "id,colour\nA,red\n",
            "invalid_csv",
            Some("colour"),
        ),
        (
            "short-row.csv",
            "id,name\nA\n",
            "invalid_csv",
            Some("line 2"),
        ),
        ("open-quote.csv", "id,name\nA,\"x\n", "invalid_csv", None),
        ("empty.csv", "", "invalid_csv", None),
        ("no-id.csv", "name\nA\n", "invalid_csv", None),
        ("object.json", "{\"id\":\"A\"}", "invalid_input", None),
    ];
    for (name, text, code, mention) in cases_ {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let run = ctpat(&["screen", file.to_str().unwrap(), "--as-of", "2025-06-30"]);
        assert_bad(&run, code, name);
        if let Some(m) = mention {
            assert!(run.err.contains(m), "{name}: {}", run.err);
        }
    }
    let latin1 = dir.join("latin1.jsonl");
    std::fs::write(&latin1, b"{\"id\":\"\xe9\"}\n").unwrap();
    let run = ctpat(&["screen", latin1.to_str().unwrap(), "--as-of", "2025-06-30"]);
    assert_bad(&run, "invalid_input", "latin1");
    let run = ctpat(&["screen", dir.to_str().unwrap(), "--as-of", "2025-06-30"]);
    assert_bad(&run, "invalid_input", "directory");
    let run = ctpat(&["screen", "/no/such/file.jsonl", "--as-of", "2025-06-30"]);
    assert_bad(&run, "file_not_found", "missing");
}

// ---------------------------------------------------------------- status / event

const LIFECYCLE: [&str; 8] = [
    "lifecycle/annual_review.json",
    "lifecycle/blank_profile.json",
    "lifecycle/bond_data_missing.json",
    "lifecycle/certification_overdue.json",
    "lifecycle/errors.json",
    "lifecycle/operations.json",
    "lifecycle/portal_2006_deadline.json",
    "lifecycle/suspension_unanswered.json",
];

/// Every `deadlines` and `advance` fixture case through `ctpat status`.
#[test]
fn status_matches_every_deadline_and_advance_fixture() {
    let dir = temp_dir("status-fixtures");
    let mut ran = 0;
    for file in LIFECYCLE {
        for case in cases(file) {
            let op = case["op"].as_str().unwrap();
            if op != "deadlines" && op != "advance" {
                continue;
            }
            let call = &case["call"];
            let what = format!("{file}: {}", case["description"]);
            let mut args = vec![
                "status".to_owned(),
                write(&dir, "membership.json", &call["membership"]),
                "--as-of".into(),
                call["as_of"].as_str().unwrap().to_owned(),
                "--json".into(),
            ];
            if op == "advance" {
                args.push("--advance".into());
            }
            policy_args(&dir, call, &mut args);
            let run = run_strings(&args);
            let expected = &case["expected"];
            if let Some(code) = expected["error"].as_str() {
                assert_bad(&run, code, &what);
                ran += 1;
                continue;
            }
            let got: Value = serde_json::from_str(&run.out).unwrap();
            if op == "advance" {
                assert_eq!(&got, expected, "{what}");
                assert_eq!(run.code, 0, "{what}");
            } else {
                assert_eq!(got["deadlines"], expected["deadlines"], "{what}");
                assert_eq!(got["status"], expected["status"], "{what}");
                let overdue = expected["deadlines"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|d| d["state"] == "overdue");
                assert_eq!(run.code, if overdue { 1 } else { 0 }, "{what}");
            }
            ran += 1;
        }
    }
    assert!(ran >= 20, "{ran}");
}

/// Every `benefits` fixture case: `ctpat status --json` shows the same tier and benefits.
#[test]
fn status_shows_the_fixture_benefits() {
    let dir = temp_dir("status-benefits");
    let mut ran = 0;
    for file in LIFECYCLE {
        for case in cases(file) {
            if case["op"] != "benefits" {
                continue;
            }
            let call = &case["call"];
            let status_since = call["membership"]["status_since"].as_str().unwrap();
            let mut args = vec![
                "status".to_owned(),
                write(&dir, "membership.json", &call["membership"]),
                "--as-of".into(),
                status_since.to_owned(),
                "--json".into(),
            ];
            policy_args(&dir, call, &mut args);
            let run = run_strings(&args);
            let got: Value = serde_json::from_str(&run.out).unwrap();
            let expected = &case["expected"];
            assert_eq!(got["tier"], expected["tier"]);
            assert_eq!(got["benefits"], expected["benefits"]);
            ran += 1;
        }
    }
    assert!(ran >= 2, "{ran}");
}

#[test]
fn status_human_output_and_advance_to_a_file() {
    let dir = temp_dir("status-human");
    let case = cases("lifecycle/operations.json")
        .into_iter()
        .find(|c| c["op"] == "benefits")
        .unwrap();
    let file = write(&dir, "m.json", &case["call"]["membership"]);
    let run = ctpat(&["status", &file, "--as-of", "2024-06-01"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(
        run.out.starts_with("certified (tier 1) as of 2024-06-01\n"),
        "{}",
        run.out
    );
    assert!(run.out.contains("DEADLINE"), "{}", run.out);
    assert!(run.out.contains("ats_reduction_tier1"), "{}", run.out);

    // portal_2006: the missed 1 Oct 2006 deadline withdraws the member.
    let case = cases("lifecycle/portal_2006_deadline.json")
        .into_iter()
        .find(|c| c["op"] == "advance" && c["expected"]["membership"]["status"] == "withdrawn")
        .unwrap();
    let call = &case["call"];
    let file = write(&dir, "m2006.json", &call["membership"]);
    let out = dir.join("advanced.json");
    let as_of = call["as_of"].as_str().unwrap();
    let policy = call["policy"].as_str().unwrap();
    let run = ctpat(&[
        "status",
        &file,
        "--as-of",
        as_of,
        "--policy",
        policy,
        "--advance",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.starts_with("withdrawn"), "{}", run.out);
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written, case["expected"]["membership"]);
    // Without --output the membership itself goes to stdout.
    let run = ctpat(&[
        "status",
        &file,
        "--as-of",
        as_of,
        "--policy",
        policy,
        "--advance",
    ]);
    let printed: Value = serde_json::from_str(&run.out).unwrap();
    assert_eq!(printed, case["expected"]["membership"]);
}

#[test]
fn status_new_prints_a_new_membership() {
    let case = cases("lifecycle/operations.json")
        .into_iter()
        .find(|c| c["op"] == "new_membership" && c["expected"]["error"].is_null())
        .unwrap();
    let bt = case["call"]["business_type"].as_str().unwrap();
    let run = ctpat(&["status", "--new", bt]);
    assert_eq!(run.code, 0, "{}", run.err);
    let got: Value = serde_json::from_str(&run.out).unwrap();
    assert_eq!(got, case["expected"]);
    assert_bad(
        &ctpat(&["status", "--new", "spaceship"]),
        "invalid_input",
        "unknown business type",
    );
}

/// Every `apply_event` fixture case through `ctpat event`.
#[test]
fn event_matches_every_apply_event_fixture() {
    let dir = temp_dir("event-fixtures");
    let mut ran = 0;
    for file in LIFECYCLE {
        for case in cases(file) {
            if case["op"] != "apply_event" {
                continue;
            }
            let call = &case["call"];
            let what = format!("{file}: {}", case["description"]);
            let mut args = vec![
                "event".to_owned(),
                write(&dir, "membership.json", &call["membership"]),
                "--event".into(),
                write(&dir, "event.json", &call["event"]),
                "--actor".into(),
                call["actor"].as_str().unwrap().to_owned(),
                "--at".into(),
                call["at"].as_str().unwrap().to_owned(),
            ];
            policy_args(&dir, call, &mut args);
            let run = run_strings(&args);
            let expected = &case["expected"];
            if let Some(code) = expected["error"].as_str() {
                assert_bad(&run, code, &what);
            } else {
                assert_eq!(run.code, 0, "{what}: {}", run.err);
                let got: Value = serde_json::from_str(&run.out).unwrap();
                assert_eq!(got, expected["membership"], "{what}");
            }
            ran += 1;
        }
    }
    assert!(ran >= 25, "{ran}");
}

#[test]
fn event_takes_inline_json_and_refuses_bad_json() {
    let dir = temp_dir("event-inline");
    let new = ctpat(&["status", "--new", "importer"]);
    let file = dir.join("m.json");
    std::fs::write(&file, &new.out).unwrap();
    let file = file.to_str().unwrap();
    let run = ctpat(&[
        "event",
        file,
        "--event",
        r#"{"kind":"application_started"}"#,
        "--actor",
        "partner_officer",
        "--at",
        "2025-01-02",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let got: Value = serde_json::from_str(&run.out).unwrap();
    assert_eq!(got["status"], "pre_applicant");
    assert_eq!(got["log"].as_array().unwrap().len(), 1);
    let run = ctpat(&[
        "event",
        file,
        "--event",
        "{kind",
        "--actor",
        "partner_officer",
        "--at",
        "2025-01-02",
    ]);
    assert_bad(&run, "invalid_json", "inline event not json");
}

// ---------------------------------------------------------------- authorize

/// Every `authorize` fixture case the command line can express (it always sends `as_of`
/// and never `rules_version`) through `ctpat authorize --json`.
#[test]
fn authorize_matches_every_fixture_case() {
    let dir = temp_dir("authorize-fixtures");
    let mut ran = 0;
    for file in [
        "portal/authorize_1_wrong_principals.json",
        "portal/authorize_2_denied.json",
        "portal/authorize_3_allowed.json",
        "portal/bad_input.json",
    ] {
        for case in cases(file) {
            let call = &case["call"];
            if case["op"] != "authorize"
                || !call["rules_version"].is_null()
                || !call["as_of"].is_string()
            {
                continue;
            }
            let what = format!("{file}: {}", case["description"]);
            let mut args = vec![
                "authorize".to_owned(),
                "--principal".into(),
                write(&dir, "principal.json", &call["principal"]),
                "--action".into(),
                call["action"].as_str().unwrap().to_owned(),
                write(&dir, "account.json", &call["account"]),
                "--as-of".into(),
                call["as_of"].as_str().unwrap().to_owned(),
                "--json".into(),
            ];
            policy_args(&dir, call, &mut args);
            let run = run_strings(&args);
            let expected = &case["expected"];
            if let Some(code) = expected["error"].as_str() {
                assert_bad(&run, code, &what);
            } else {
                let got: Value = serde_json::from_str(&run.out).unwrap();
                assert_eq!(&got, expected, "{what}");
                let allowed = expected["allowed"] == true;
                assert_eq!(run.code, if allowed { 0 } else { 1 }, "{what}");
            }
            ran += 1;
        }
    }
    assert!(ran >= 60, "{ran}");
}

#[test]
fn authorize_human_output_names_the_deciding_rule() {
    let dir = temp_dir("authorize-human");
    let case = &cases("portal/authorize_2_denied.json")[0];
    let call = &case["call"];
    let mut args = vec![
        "authorize".to_owned(),
        "--principal".into(),
        write(&dir, "principal.json", &call["principal"]),
        "--action".into(),
        call["action"].as_str().unwrap().to_owned(),
        write(&dir, "account.json", &call["account"]),
        "--as-of".into(),
        call["as_of"].as_str().unwrap().to_owned(),
    ];
    policy_args(&dir, call, &mut args);
    let run = run_strings(&args);
    assert_eq!(run.code, 1);
    assert!(run.out.starts_with("denied "), "{}", run.out);
    let code = case["expected"]["code"].as_str().unwrap();
    let source = case["expected"]["source"].as_str().unwrap();
    assert!(run.out.contains(&format!("rule:   {code}")), "{}", run.out);
    assert!(
        run.out.contains(&format!("source: {source}")),
        "{}",
        run.out
    );

    // Without --as-of the decision is for today (UTC): its as_of is a real date.
    args.truncate(6);
    args.push("--json".into());
    let run = run_strings(&args);
    let got: Value = serde_json::from_str(&run.out).unwrap();
    let today = got["as_of"].as_str().unwrap();
    assert_eq!(today.len(), 10);
    assert!(today.starts_with("20"), "{today}");
}

#[test]
fn authorize_bad_files_exit_two() {
    let dir = temp_dir("authorize-bad");
    let call = &cases("portal/authorize_3_allowed.json")[0]["call"];
    let principal = write(&dir, "p.json", &call["principal"]);
    let account = write(&dir, "a.json", &call["account"]);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    let bad = bad.to_str().unwrap();
    for (args, code) in [
        (
            vec![
                "authorize",
                "--principal",
                bad,
                "--action",
                "view_account",
                &account,
            ],
            "invalid_json",
        ),
        (
            vec![
                "authorize",
                "--principal",
                &principal,
                "--action",
                "view_account",
                "/nope.json",
            ],
            "file_not_found",
        ),
        (
            vec![
                "authorize",
                "--principal",
                &principal,
                "--action",
                "fly",
                &account,
            ],
            "portal.unknown_action",
        ),
        (
            vec!["authorize", "--action", "view_account", &account],
            "usage",
        ),
    ] {
        assert_bad(&ctpat(&args), code, &args.join(" "));
    }
}

// ---------------------------------------------------------------- help, colour

#[test]
fn every_command_help_has_examples() {
    for command in [
        "identifier",
        "business-types",
        "eligibility",
        "profile",
        "screen",
        "status",
        "event",
        "authorize",
        "rules",
        "schema",
        "policy",
        "call",
        "completions",
    ] {
        let run = ctpat(&[command, "--help"]);
        assert_eq!(run.code, 0, "{command}");
        assert!(run.out.contains("Example"), "{command}: {}", run.out);
    }
    let run = ctpat(&["screen", "--help"]);
    assert!(run.out.contains("basc_expires_on"), "{}", run.out);
}

#[test]
fn no_colour_when_piped_even_without_no_color() {
    let out = Command::new(env!("CARGO_BIN_EXE_ctpat"))
        .args(["screen", "-", "--as-of", "2025-06-30"])
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(br#"[{"id":"A","ctpat":{"status":"certified"}}]"#)?;
            child.wait_with_output()
        })
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("accepted_by_documentation"), "{text}");
    assert!(!text.contains('\u{1b}'), "{text}");
    // Stderr is not a terminal either: no progress bar.
    assert!(out.stderr.is_empty());
}

/// Runs a shell command under a pseudo-terminal (`script`), so stdout and stderr are TTYs.
fn under_tty(command: &str, no_color: bool) -> String {
    let mut cmd = Command::new("/usr/bin/script");
    cmd.args(["-qec", command, "/dev/null"]);
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.output().expect("util-linux `script` runs the tty test");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn on_a_terminal_colour_and_progress_bar_show_unless_no_color() {
    let (partners, _) = first_screening();
    let dir = temp_dir("screen-tty");
    let file = dir.join("partners.jsonl");
    let mut text = String::new();
    for _ in 0..10 {
        for p in partners.as_array().unwrap() {
            text.push_str(&format!("{p}\n"));
        }
    }
    std::fs::write(&file, text).unwrap();
    let command = format!(
        "{} screen {} --as-of 2025-06-30 --summary",
        env!("CARGO_BIN_EXE_ctpat"),
        file.display()
    );
    let coloured = under_tty(&command, false);
    assert!(coloured.contains("140/140"), "progress bar: {coloured:?}");
    assert!(
        coloured.contains("\u{1b}[32maccepted_by_documentation\u{1b}[0m"),
        "{coloured:?}"
    );
    let plain = under_tty(&command, true);
    assert!(plain.contains("140/140"), "progress bar: {plain:?}");
    assert!(
        !plain.contains("\u{1b}["),
        "NO_COLOR must turn colour off: {plain:?}"
    );
    assert!(
        plain.contains("total 140: 70 accepted_by_documentation"),
        "{plain:?}"
    );
}

/// Streamed chunks of 10 000 lines: result paths stay record indexes of the whole file.
#[test]
fn screen_json_lines_paths_are_file_wide_across_chunks() {
    let dir = temp_dir("screen-chunks");
    let file = dir.join("many.jsonl");
    let mut text = String::new();
    for i in 0..10_003 {
        text.push_str(&format!("{{\"id\":\"N{i}\"}}\n"));
    }
    std::fs::write(&file, text).unwrap();
    let run = ctpat(&[
        "screen",
        file.to_str().unwrap(),
        "--as-of",
        "2025-06-30",
        "--json",
    ]);
    assert_eq!(run.code, 1, "{}", run.err);
    let lines: Vec<Value> = run
        .out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 10_004);
    assert_eq!(lines[10_001]["id"], "N10001");
    assert_eq!(lines[10_001]["path"], "/10001");
    assert_eq!(lines[10_003]["summary"]["questionnaire_required"], 10_003);

    // An error in the second chunk names the file's line and the file-wide record.
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("{\"id\":\"late\",\"basc\":{\"expires_on\":\"soon\"}}\n");
    std::fs::write(&file, text).unwrap();
    // (`--summary`: without it the first chunk's rows are already out when the error comes.)
    let run = ctpat(&[
        "screen",
        file.to_str().unwrap(),
        "--as-of",
        "2025-06-30",
        "--summary",
    ]);
    assert_bad(&run, "invalid_date", "late bad date");
    assert!(run.err.contains("line 10004"), "{}", run.err);
    assert!(
        run.err.contains("/partners/10003/basc/expires_on"),
        "{}",
        run.err
    );
}
