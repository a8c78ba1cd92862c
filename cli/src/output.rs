//! Human and JSON output.

use std::io::{IsTerminal, Write};

use serde_json::Value;

/// Prints a value as pretty JSON on stdout.
pub fn print_json(value: &Value) {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or("-")
}

/// Prints the findings of an answer as an aligned table.
pub fn print_findings(findings: &[Value]) {
    let rows: Vec<[&str; 4]> = findings
        .iter()
        .map(|f| {
            [
                text(&f["severity"]),
                text(&f["code"]),
                text(&f["path"]),
                text(&f["message"]),
            ]
        })
        .collect();
    print_table(&["SEVERITY", "CODE", "PATH", "MESSAGE"], &rows);
}

/// Prints rows as an aligned table with a header.
pub fn print_table<const N: usize>(header: &[&str; N], rows: &[[&str; N]]) {
    print_aligned(Some(header), rows);
}

/// Prints rows aligned in columns, with a header line when one is given.
fn print_aligned<const N: usize>(header: Option<&[&str; N]>, rows: &[[&str; N]]) {
    let mut widths = header.map_or([0; N], |h| h.map(str::len));
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = std::io::stdout().lock();
    let line = |cells: &[&str; N]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == N {
                s.push_str(cell);
            } else {
                s.push_str(&format!("{cell:<w$}  "));
            }
        }
        s
    };
    if let Some(header) = header {
        let _ = writeln!(out, "{}", line(header));
    }
    for row in rows {
        let _ = writeln!(out, "{}", line(row));
    }
}

/// Prints an identifier check.
pub fn print_identifier(answer: &Value) {
    let verdict = if answer["valid"] == Value::Bool(true) {
        "valid"
    } else {
        "invalid"
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{verdict} {}: {}",
        text(&answer["kind"]),
        answer["display"]
            .as_str()
            .unwrap_or("(could not be normalised)")
    );
    drop(out);
    if let Some(findings) = answer["findings"].as_array()
        && !findings.is_empty()
    {
        print_findings(findings);
    }
}

/// Prints the business types as a table.
pub fn print_business_types(answer: &Value) {
    let empty = Vec::new();
    let types = answer.as_array().unwrap_or(&empty);
    let requirements: Vec<String> = types
        .iter()
        .map(|t| {
            let mut parts: Vec<String> = t["required_identifiers"]
                .as_array()
                .unwrap_or(&empty)
                .iter()
                .map(|r| {
                    let kinds: Vec<&str> = r["any_of"]
                        .as_array()
                        .unwrap_or(&empty)
                        .iter()
                        .map(text)
                        .collect();
                    let mut s = kinds.join(" or ");
                    if let Some(cond) = r["condition"].as_str() {
                        s.push_str(&format!(" ({cond})"));
                    }
                    s
                })
                .collect();
            let bonds: Vec<&str> = t["required_bond_any_of"]
                .as_array()
                .unwrap_or(&empty)
                .iter()
                .map(text)
                .collect();
            if !bonds.is_empty() {
                parts.push(format!("bond: {}", bonds.join(" or ")));
            }
            parts.join("; ")
        })
        .collect();
    let rows: Vec<[&str; 3]> = types
        .iter()
        .zip(&requirements)
        .map(|(t, req)| [text(&t["code"]), text(&t["cbp_type"]), req.as_str()])
        .collect();
    print_table(&["CODE", "CBP TYPE", "REQUIRES"], &rows);
}

/// Prints a value as one compact JSON line (batches) or pretty JSON (single answers).
pub fn print_json_line(value: &Value, compact: bool) {
    if compact {
        let _ = writeln!(std::io::stdout().lock(), "{value}");
    } else {
        print_json(value);
    }
}

/// Whether stdout should get colour: a terminal, and `NO_COLOR` unset.
fn colour() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Paints a status word (green good, red bad, yellow unknown) when colour is on.
fn paint(word: &str) -> String {
    if !colour() {
        return word.to_owned();
    }
    let code = match word {
        "met" | "eligible" | "valid" | "allowed" | "accepted_by_documentation" => "32",
        "not_met" | "ineligible" | "invalid" | "denied" | "error" => "31",
        _ => "33",
    };
    format!("\u{1b}[{code}m{word}\u{1b}[0m")
}

/// Prints an eligibility report: a line with the outcome, then one row per rule.
pub fn print_eligibility(report: &Value) {
    let outcome = text(&report["outcome"]);
    let _ = writeln!(
        std::io::stdout().lock(),
        "{} {} as of {}",
        paint(outcome),
        text(&report["business_type"]),
        text(&report["as_of"])
    );
    let empty = Vec::new();
    let results = report["results"].as_array().unwrap_or(&empty);
    let statuses: Vec<String> = results.iter().map(|r| paint(text(&r["status"]))).collect();
    let rows: Vec<[&str; 4]> = results
        .iter()
        .zip(&statuses)
        .map(|(r, status)| {
            [
                status.as_str(),
                text(&r["code"]),
                text(&r["path"]),
                text(&r["message"]),
            ]
        })
        .collect();
    print_table(&["STATUS", "RULE", "PATH", "MESSAGE"], &rows);
}

/// Prints the eligibility rule catalogue.
pub fn print_rules(rules: &Value) {
    let empty = Vec::new();
    let list = rules.as_array().unwrap_or(&empty);
    let types: Vec<String> = list
        .iter()
        .map(|r| {
            let t: Vec<&str> = r["business_types"]
                .as_array()
                .unwrap_or(&empty)
                .iter()
                .map(text)
                .collect();
            if t.len() > 3 {
                format!("{} types", t.len())
            } else {
                t.join(", ")
            }
        })
        .collect();
    let rows: Vec<[&str; 4]> = list
        .iter()
        .zip(&types)
        .map(|(r, t)| {
            [
                text(&r["code"]),
                text(&r["kind"]),
                t.as_str(),
                text(&r["source"]),
            ]
        })
        .collect();
    print_table(&["CODE", "KIND", "BUSINESS TYPES", "SOURCE"], &rows);
}

/// A progress bar on stderr for long batches, shown only when stderr is a terminal.
pub struct Progress {
    total: usize,
    enabled: bool,
}

impl Progress {
    /// A bar for `total` records (enabled for 100+ records on a terminal).
    pub fn new(total: usize) -> Self {
        Self {
            total,
            enabled: total >= 100 && std::io::stderr().is_terminal(),
        }
    }

    /// Number of records.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Shows `done` of `total`.
    pub fn tick(&self, done: usize) {
        if self.enabled && (done.is_multiple_of(50) || done == self.total) {
            let width = 30;
            let filled = done * width / self.total.max(1);
            let _ = write!(
                std::io::stderr().lock(),
                "\r[{}{}] {done}/{}",
                "#".repeat(filled),
                " ".repeat(width - filled.min(width)),
                self.total
            );
        }
    }

    /// Ends the bar's line.
    pub fn finish(&self) {
        if self.enabled {
            let _ = writeln!(std::io::stderr().lock());
        }
    }
}

/// Writes a value as pretty JSON to a file.
pub fn write_json_file(path: &str, value: &Value) -> Result<(), crate::Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| crate::Failure::new("internal", e.to_string()))?;
    std::fs::write(path, text + "\n")
        .map_err(|e| crate::Failure::new("io_error", format!("cannot write `{path}`: {e}")))
}

fn count(value: &Value) -> String {
    format!(
        "{}/{}",
        value["answered"].as_u64().unwrap_or(0),
        value["applicable"].as_u64().unwrap_or(0)
    )
}

/// Prints a profile report: outcome line, completeness, then the findings table.
pub fn print_profile(report: &Value) {
    let c = &report["completeness"];
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{} {} profile ({}) as of {}",
        paint(text(&report["outcome"])),
        text(&report["business_type"]),
        text(&report["catalogue_version"]),
        text(&report["as_of"])
    );
    let _ = writeln!(
        out,
        "answered {} applicable criteria (must {}, should {})",
        count(&c["overall"]),
        count(&c["must"]),
        count(&c["should"])
    );
    if let Some(categories) = c["by_category"].as_object() {
        let parts: Vec<String> = categories
            .iter()
            .filter(|(_, v)| {
                crate::field(crate::field(v, "overall"), "applicable")
                    .as_u64()
                    .unwrap_or(0)
                    > 0
            })
            .map(|(k, v)| format!("{k}: {}", count(&v["overall"])))
            .collect();
        if !parts.is_empty() {
            let _ = writeln!(out, "by category: {}", parts.join(", "));
        }
    }
    drop(out);
    let empty = Vec::new();
    let findings = report["findings"].as_array().unwrap_or(&empty);
    if findings.is_empty() {
        let _ = writeln!(std::io::stdout().lock(), "no findings");
    } else {
        print_findings(findings);
    }
}

/// Prints screening results as table rows (with the header when `header`).
pub fn print_screening_rows(report: &Value, header: bool) {
    let empty = Vec::new();
    let results = report["results"].as_array().unwrap_or(&empty);
    let painted: Vec<String> = results.iter().map(|r| paint(text(&r["result"]))).collect();
    let rows: Vec<[&str; 4]> = results
        .iter()
        .zip(&painted)
        .map(|(r, result)| {
            [
                text(&r["id"]),
                result.as_str(),
                text(&r["code"]),
                text(&r["reason"]),
            ]
        })
        .collect();
    if header {
        print_table(&["ID", "RESULT", "RULE", "REASON"], &rows);
    } else {
        print_aligned(None, &rows);
    }
}

/// Prints a screening report as a table.
pub fn print_screening(report: &Value) {
    let _ = writeln!(
        std::io::stdout().lock(),
        "screening as of {} (mra table {})",
        text(&report["as_of"]),
        text(&report["mra_version"])
    );
    print_screening_rows(report, true);
}

/// Prints the screening summary counts.
pub fn print_screening_summary(summary: &Value) {
    let n = |k: &str| summary[k].as_u64().unwrap_or(0);
    let _ = writeln!(
        std::io::stdout().lock(),
        "total {}: {} {}, {} {}, {} {}, {} {}",
        n("total"),
        n("accepted_by_documentation"),
        paint("accepted_by_documentation"),
        n("questionnaire_required"),
        paint("questionnaire_required"),
        n("expired"),
        paint("expired"),
        n("not_recognised"),
        paint("not_recognised"),
    );
}

/// Prints each screening result as one JSON line; `offset` (the records before this chunk)
/// turns the chunk-relative `/N/...` paths into record indexes of the whole file.
pub fn print_results_lines(report: &Value, offset: usize) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in crate::field(report, "results")
        .as_array()
        .into_iter()
        .flatten()
    {
        let mut r = r.clone();
        if let Some(path) = r.get_mut("path")
            && let Some(text) = path.as_str()
            && let Some(rest) = text.strip_prefix('/')
        {
            let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            if let Ok(i) = index.parse::<usize>() {
                *path = Value::String(format!("/{}{tail}", i + offset));
            }
        }
        let _ = writeln!(out, "{r}");
    }
}

/// Prints a membership's status, tier, deadlines and benefits.
pub fn print_status(deadlines: &Value, benefits: &Value) {
    let tier = benefits["tier"]
        .as_u64()
        .map_or_else(|| "-".to_owned(), |t| t.to_string());
    let _ = writeln!(
        std::io::stdout().lock(),
        "{} (tier {tier}) as of {}",
        paint(text(&benefits["status"])),
        text(&deadlines["as_of"])
    );
    let empty = Vec::new();
    let list = deadlines["deadlines"].as_array().unwrap_or(&empty);
    let states: Vec<String> = list.iter().map(|d| paint(text(&d["state"]))).collect();
    let consequences: Vec<String> = list
        .iter()
        .map(
            |d| match (d["consequence"].as_str(), d["consequence_on"].as_str()) {
                (Some(t), Some(on)) => format!("{t} on {on}"),
                (Some(t), None) => t.to_owned(),
                _ if d["target_only"] == true => "target only".to_owned(),
                _ => "-".to_owned(),
            },
        )
        .collect();
    let rows: Vec<[&str; 5]> = list
        .iter()
        .zip(&states)
        .zip(&consequences)
        .map(|((d, state), c)| {
            [
                text(&d["kind"]),
                text(&d["due"]),
                state.as_str(),
                c.as_str(),
                text(&d["source"]),
            ]
        })
        .collect();
    if rows.is_empty() {
        let _ = writeln!(std::io::stdout().lock(), "no deadlines");
    } else {
        print_table(
            &["DEADLINE", "DUE", "STATE", "CONSEQUENCE", "SOURCE"],
            &rows,
        );
    }
    let list = benefits["benefits"].as_array().unwrap_or(&empty);
    let rows: Vec<[&str; 2]> = list
        .iter()
        .map(|b| [text(&b["code"]), text(&b["description"])])
        .collect();
    if rows.is_empty() {
        let _ = writeln!(std::io::stdout().lock(), "no benefits");
    } else {
        print_table(&["BENEFIT", "DESCRIPTION"], &rows);
    }
}

/// Tells on stderr what an advance did, after the membership went to a file.
pub fn print_transitions(answer: &Value, file: &str) {
    let n = answer["transitions"].as_array().map_or(0, Vec::len);
    let _ = writeln!(
        std::io::stdout().lock(),
        "{} (as of {}): {n} transition(s) applied; written to {file}",
        paint(text(crate::field(
            crate::field(answer, "membership"),
            "status"
        ))),
        text(&answer["as_of"])
    );
}

/// Tells what an event did, after the membership went to a file.
pub fn print_event(answer: &Value, file: &str) {
    let _ = writeln!(
        std::io::stdout().lock(),
        "{}: written to {file}",
        paint(text(crate::field(
            crate::field(answer, "membership"),
            "status"
        )))
    );
}

/// Prints an access decision with the rule that decided it.
pub fn print_decision(decision: &Value) {
    let verdict = if decision["allowed"] == true {
        "allowed"
    } else {
        "denied"
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{} {} as of {}",
        paint(verdict),
        text(&decision["action"]),
        text(&decision["as_of"])
    );
    let _ = writeln!(out, "rule:   {}", text(&decision["code"]));
    let _ = writeln!(out, "reason: {}", text(&decision["reason"]));
    let _ = writeln!(out, "source: {}", text(&decision["source"]));
}
