//! End-to-end tests of the `ctpat` binary: output, exit codes, errors on stderr.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use std::process::Command;

fn ctpat(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ctpat"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_valid_identifier_exits_zero() {
    let (code, out, _) = ctpat(&["identifier", "scac", " qwrt "]);
    assert_eq!(code, 0);
    assert!(out.contains("valid scac: QWRT"), "{out}");
}

#[test]
fn an_invalid_identifier_exits_one_with_findings() {
    let (code, out, _) = ctpat(&["identifier", "scac", " - "]);
    assert_eq!(code, 1);
    assert!(out.contains("ident.scac."), "{out}");
}

#[test]
fn json_output_is_the_api_answer_and_redacts_ssn() {
    let (code, out, _) = ctpat(&["identifier", "ssn", "123-45-6789", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["display"], "***-**-6789");
    assert!(!out.contains("123456789"));
    let (_, out, _) = ctpat(&["identifier", "ssn", "123-45-6789", "--json", "--reveal"]);
    assert!(out.contains("123456789"));
}

#[test]
fn bad_input_and_usage_exit_two_with_a_coded_error_on_stderr() {
    let (code, out, err) = ctpat(&["identifier", "passport", "X"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.starts_with("error[unknown_identifier_kind]"), "{err}");
    let (code, _, err) = ctpat(&["identifier", "scac", "QWRT", "--as-of", "2024-13-01"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error[invalid_date]"), "{err}");
    let (code, _, _) = ctpat(&["no-such-command"]);
    assert_eq!(code, 2);
    let (code, _, _) = ctpat(&["identifier", "scac"]);
    assert_eq!(code, 2);
}

#[test]
fn business_types_prints_a_table_and_json() {
    let (code, out, _) = ctpat(&["business-types"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("CODE"));
    assert!(out.contains("importer"));
    let (_, out, _) = ctpat(&["business-types", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 14);
}

#[test]
fn help_has_examples() {
    let (code, out, _) = ctpat(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Examples:"));
}

#[test]
fn schema_policy_and_call_commands() {
    let (code, out, _) = ctpat(&["schema", "finding"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["$id"].as_str().unwrap().ends_with("/finding.json"));
    let (code, _, err) = ctpat(&["schema", "nope"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error[unknown_schema]"));
    let (code, out, _) = ctpat(&["policy", "portal_2006"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"2006-10-01\""));
    let (code, out, _) = ctpat(&["call", "versions"]);
    assert_eq!(code, 0);
    assert!(out.contains("rules_version"));
}

#[test]
fn bad_files_are_one_line_coded_errors() {
    let dir = std::env::temp_dir().join(format!("ctpat-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_json = dir.join("bad.json");
    std::fs::write(&bad_json, "{nope").unwrap();
    let not_utf8 = dir.join("latin1.json");
    std::fs::write(&not_utf8, b"{\"kind\": \"\xe9\"}").unwrap();
    let cases = [
        (dir.join("missing.json"), "error[file_not_found]"),
        (dir.clone(), "error[invalid_input]"),
        (bad_json, "error[invalid_json]"),
        (not_utf8, "error[invalid_input]"),
    ];
    for (path, prefix) in cases {
        let (code, _, err) = ctpat(&["call", "check_identifier", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{}", path.display());
        assert!(err.starts_with(prefix), "{}: {err}", path.display());
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn completions_are_printed() {
    let (code, out, _) = ctpat(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(out.contains("ctpat"));
}

/// Every `ctpat ...` line in the docs' ```sh blocks runs and exits 0 or 1 (never a usage error).
#[test]
fn documented_commands_run() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut pages: Vec<_> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.push(root.join("README.md"));
    let mut ran = 0;
    let mut documented = std::collections::BTreeSet::new();
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap();
        let mut in_sh = false;
        for line in text.lines() {
            if line.starts_with("```") {
                in_sh = line == "```sh";
                continue;
            }
            let command = line.split(" #").next().unwrap().trim();
            if !in_sh || !command.starts_with("ctpat ") {
                continue;
            }
            let args: Vec<&str> = command.split_whitespace().skip(1).collect();
            // Documented commands run from the repository root, like a reader's shell.
            let out = Command::new(env!("CARGO_BIN_EXE_ctpat"))
                .args(&args)
                .current_dir(&root)
                .output()
                .unwrap();
            let code = out.status.code().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                code == 0 || code == 1,
                "{}: `{command}` exited {code}: {err}",
                page.display()
            );
            ran += 1;
            if let Some(first) = args.first() {
                documented.insert((*first).to_owned());
            }
        }
    }
    assert!(ran >= 5, "only {ran} documented commands found");
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
    ] {
        assert!(
            documented.contains(command),
            "`ctpat {command}` is not documented"
        );
    }
}

fn fixture_partner() -> (String, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/eligibility/importer.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root).unwrap()).unwrap();
    let call = &doc["cases"][0]["call"];
    (
        call["partner"].to_string(),
        call["as_of"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn eligibility_single_batch_and_exit_codes() {
    let (partner, as_of) = fixture_partner();
    let dir = std::env::temp_dir().join(format!("ctpat-elig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let one = dir.join("partner.json");
    std::fs::write(&one, &partner).unwrap();
    let (code, out, _) = ctpat(&["eligibility", one.to_str().unwrap(), "--as-of", &as_of]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("eligible importer as of 2025-06-30"),
        "{out}"
    );
    assert!(out.contains("importer.continuous_bond"));

    let mut bad: serde_json::Value = serde_json::from_str(&partner).unwrap();
    bad["bonds"] = serde_json::json!([{"bond_type": "continuous_import", "active": false}]);
    let batch = dir.join("partners.jsonl");
    std::fs::write(&batch, format!("{partner}\n{bad}\n")).unwrap();
    let (code, out, _) = ctpat(&[
        "eligibility",
        batch.to_str().unwrap(),
        "--as-of",
        &as_of,
        "--json",
    ]);
    assert_eq!(code, 1);
    let outcomes: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["outcome"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(outcomes, ["eligible", "ineligible"]);

    let (code, _, err) = ctpat(&[
        "eligibility",
        one.to_str().unwrap(),
        "--as-of",
        "2025-13-01",
    ]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error[invalid_date]"), "{err}");
    let (code, _, err) = ctpat(&[
        "eligibility",
        one.to_str().unwrap(),
        "--as-of",
        &as_of,
        "--policy",
        "nope.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error[file_not_found]"), "{err}");
}
