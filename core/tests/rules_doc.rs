//! `docs/rules.md` is generated from the rule catalogue; this test fails when it is stale.
//! `UPDATE_DOCS=1 cargo test -p ctpat --test rules_doc` rewrites it.

#![allow(clippy::unwrap_used, clippy::panic, reason = "test code")]

use std::path::Path;

#[test]
fn rules_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
    let want = ctpat::eligibility::rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale; run `UPDATE_DOCS=1 cargo test -p ctpat --test rules_doc`",
        path.display()
    );
}

#[test]
fn every_rule_appears_in_the_document() {
    let text = ctpat::eligibility::rules_markdown();
    for rule in ctpat::eligibility::rules() {
        assert!(
            text.contains(&format!("| `{}` |", rule.code)),
            "{}",
            rule.code
        );
    }
}
