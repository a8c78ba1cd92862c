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
    let mut widths = header.map(str::len);
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
    let _ = writeln!(out, "{}", line(header));
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
