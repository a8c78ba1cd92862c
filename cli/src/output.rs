//! Human and JSON output.

use std::io::Write;

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
