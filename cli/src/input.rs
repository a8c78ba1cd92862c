//! Reading inputs: JSON files or stdin (`-`), JSON Lines batches, policies.

use std::io::Read;

use serde_json::Value;

use crate::Failure;

/// Reads a whole file (or stdin for `-`) as UTF-8 text.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::new("io_error", format!("cannot read stdin: {e}")))?;
        buf
    } else {
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure::new("file_not_found", format!("cannot open `{path}`: {e}")))?;
        if meta.is_dir() {
            return Err(Failure::new(
                "invalid_input",
                format!("`{path}` is a directory, not a file"),
            ));
        }
        std::fs::read(path)
            .map_err(|e| Failure::new("io_error", format!("cannot read `{path}`: {e}")))?
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure::new(
            "invalid_input",
            format!(
                "`{path}` is not utf-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Reads one JSON document from a file or stdin.
pub fn read_json(path: &str) -> Result<Value, Failure> {
    let text = read_text(path)?;
    serde_json::from_str(&text)
        .map_err(|e| Failure::new("invalid_json", format!("`{path}` is not valid json: {e}")))
}
/// Reads a JSON Lines file: one JSON document per non-empty line.
pub fn read_json_lines(path: &str) -> Result<Vec<Value>, Failure> {
    let text = read_text(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| {
                Failure::new(
                    "invalid_json",
                    format!("`{path}` line {}: not valid json: {e}", i + 1),
                )
            })
        })
        .collect()
}

/// Whether a path names a JSON Lines file.
pub fn is_json_lines(path: &str) -> bool {
    path.ends_with(".jsonl") || path.ends_with(".ndjson")
}

/// The `--policy` argument: a preset name or a JSON file; absent = the core's default.
pub fn policy(arg: Option<&str>) -> Result<Option<Value>, Failure> {
    match arg {
        None => Ok(None),
        Some(name) if ctpat::Policy::PRESETS.contains(&name) => {
            Ok(Some(Value::String(name.to_owned())))
        }
        Some(path) => read_json(path).map(Some),
    }
}
