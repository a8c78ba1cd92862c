//! Reading inputs: JSON files or stdin (`-`).

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
