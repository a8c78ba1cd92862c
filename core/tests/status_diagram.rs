//! docs/status-diagram.md is generated from the transition table; this test fails when it is
//! stale. `UPDATE_DOCS=1 cargo test -p ctpat --test status_diagram` rewrites it.

#![allow(clippy::unwrap_used, clippy::panic, reason = "test code")]

use std::path::Path;

fn render() -> String {
    let mut out = String::from(
        "# Membership status diagram\n\n\
         Generated from `ctpat::lifecycle::TRANSITIONS` by `core/tests/status_diagram.rs`; do not\n\
         edit by hand (`UPDATE_DOCS=1 cargo test -p ctpat --test status_diagram` rewrites it).\n\
         The table lists every row, including A01–A06, which never change the status.\n\n```mermaid\n",
    );
    out.push_str(&ctpat::lifecycle::mermaid_diagram());
    out.push_str("```\n\n| id | event | from | to | actors | guard | source |\n|---|---|---|---|---|---|---|\n");
    for rule in ctpat::lifecycle::transitions() {
        let from: Vec<_> = rule.from.iter().map(|s| s.as_str()).collect();
        let to = match rule.to {
            ctpat::lifecycle::Target::Status(s) => s.as_str().to_owned(),
            ctpat::lifecycle::Target::Same => "(same)".to_owned(),
            ctpat::lifecycle::Target::BeforeSuspension => "(status before suspension)".to_owned(),
            ctpat::lifecycle::Target::AppealOutcome => {
                "(reversed: status before the decision; upheld: same)".to_owned()
            }
        };
        let actors: Vec<_> = rule.actors.iter().map(|a| a.as_str()).collect();
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} | {} |\n",
            rule.id,
            rule.event,
            from.join(", "),
            to,
            actors.join(", "),
            rule.guard.replace('|', "\\|"),
            rule.source
        ));
    }
    out
}

#[test]
fn status_diagram_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/status-diagram.md");
    let want = render();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "{} is stale; run `UPDATE_DOCS=1 cargo test -p ctpat --test status_diagram`",
        path.display()
    );
}
