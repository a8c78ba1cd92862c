//! Reading inputs: JSON files or stdin (`-`), JSON Lines batches, policies.

use std::io::{BufRead, BufReader, IsTerminal, Read};

use serde_json::{Map, Value};

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
        // A bare word that names no file is meant as a preset: the core refuses it by name.
        Some(name) if !name.contains(['.', '/', '\\']) && !std::path::Path::new(name).exists() => {
            Ok(Some(Value::String(name.to_owned())))
        }
        Some(path) => read_json(path).map(Some),
    }
}

/// Reads a JSON argument given inline (text starting with `{` or `[`) or as a file path.
pub fn json_or_file(arg: &str) -> Result<Value, Failure> {
    let trimmed = arg.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        serde_json::from_str(trimmed)
            .map_err(|e| Failure::new("invalid_json", format!("argument is not valid json: {e}")))
    } else {
        read_json(arg)
    }
}

/// Today's date in UTC as `YYYY-MM-DD` (civil-from-days over the Unix clock).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Opens a file (not a directory) for streaming, or stdin for `-`.
fn open_reader(path: &str) -> Result<Box<dyn BufRead>, Failure> {
    if path == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    let meta = std::fs::metadata(path)
        .map_err(|e| Failure::new("file_not_found", format!("cannot open `{path}`: {e}")))?;
    if meta.is_dir() {
        return Err(Failure::new(
            "invalid_input",
            format!("`{path}` is a directory, not a file"),
        ));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::new("io_error", format!("cannot read `{path}`: {e}")))?;
    Ok(Box::new(BufReader::new(file)))
}

/// Number of lines in a file, counted only when a progress bar can be shown (stderr is a
/// terminal); otherwise 0.
pub fn count_hint(path: &str) -> usize {
    if path == "-" || !std::io::stderr().is_terminal() {
        return 0;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return 0;
    };
    BufReader::new(file)
        .split(b'\n')
        .map_while(Result::ok)
        .filter(|l| !l.trim_ascii().is_empty())
        .count()
}

/// A JSON Lines file read a chunk at a time.
pub struct JsonLines {
    path: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

/// Up to N non-empty lines of a JSON Lines file, with their 1-based line numbers.
pub struct Chunk {
    /// (line number, text) of each record.
    pub records: Vec<(usize, String)>,
}

impl JsonLines {
    /// Opens a JSON Lines file or stdin (`-`).
    pub fn open(path: &str) -> Result<Self, Failure> {
        Ok(Self {
            path: path.to_owned(),
            reader: open_reader(path)?,
            line: 0,
        })
    }

    /// Reads up to `size` non-empty lines (an empty chunk at the end of the file).
    pub fn next_chunk(&mut self, size: usize) -> Result<Chunk, Failure> {
        let mut records = Vec::new();
        let mut buf = Vec::new();
        while records.len() < size {
            buf.clear();
            let n = self.reader.read_until(b'\n', &mut buf).map_err(|e| {
                Failure::new("io_error", format!("cannot read `{}`: {e}", self.path))
            })?;
            if n == 0 {
                break;
            }
            self.line += 1;
            let text = String::from_utf8(std::mem::take(&mut buf)).map_err(|e| {
                Failure::new(
                    "invalid_input",
                    format!(
                        "`{}` line {} is not utf-8 (first bad byte at offset {})",
                        self.path,
                        self.line,
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
            if !text.trim().is_empty() {
                records.push((self.line, text));
            }
        }
        Ok(Chunk { records })
    }
}

impl Chunk {
    /// The records joined with commas (the inside of a JSON array).
    pub fn joined(&self) -> String {
        let mut s = String::with_capacity(self.records.iter().map(|(_, t)| t.len() + 1).sum());
        for (i, (_, text)) in self.records.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str(text.trim_end());
        }
        s
    }

    /// Points a failure of the whole chunk at the line it came from.
    /// `offset` is the number of records before this chunk: `/partners/N` becomes file-wide.
    pub fn locate(&self, failure: Failure, path: &str, offset: usize) -> Failure {
        // A line that is not JSON: find it.
        for (line, text) in &self.records {
            if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
                return Failure::new(
                    "invalid_json",
                    format!("`{path}` line {line}: not valid json: {e}"),
                );
            }
        }
        // A core error at `/partners/N/...`: name the line of record N.
        let index = failure
            .message
            .split("/partners/")
            .nth(1)
            .and_then(|rest| rest.split(['/', '`', ')', ' ']).next())
            .and_then(|n| n.parse::<usize>().ok());
        match index.and_then(|i| Some((i, self.records.get(i)?))) {
            Some((i, (line, _))) => {
                let message = failure.message.replacen(
                    &format!("/partners/{i}"),
                    &format!("/partners/{}", i + offset),
                    1,
                );
                Failure::new(&failure.code, format!("`{path}` line {line}: {message}"))
            }
            None => failure,
        }
    }
}

/// Columns of the screening CSV format, in their documented order.
pub const PARTNER_COLUMNS: [&str; 11] = [
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

/// Splits CSV text (RFC 4180: comma separated, `"` quoting with `""` escapes, CRLF or LF)
/// into rows of cells, each row with its 1-based starting line.
fn csv_rows(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                cell.push(c);
            }
            (false, '"') if cell.is_empty() => quoted = true,
            (false, '"') => return Err(format!("line {line}: a quote inside an unquoted cell")),
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                if !(row.len() == 1 && row.first().is_some_and(String::is_empty)) {
                    rows.push((row_line, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                row_line = line;
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(format!("line {row_line}: a quoted cell is not closed"));
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push((row_line, row));
    }
    Ok(rows)
}

/// Reads a screening CSV (one partner per row, header of [`PARTNER_COLUMNS`]) as a JSON array
/// of partners.
pub fn read_partners_csv(path: &str) -> Result<Value, Failure> {
    let text = read_text(path)?;
    let bad = |m: String| Failure::new("invalid_csv", format!("`{path}` {m}"));
    // Spreadsheets often start a UTF-8 CSV with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rows = csv_rows(text).map_err(bad)?.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err(bad("is empty: a header row is required".into()));
    };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    for h in &header {
        if !PARTNER_COLUMNS.contains(&h.as_str()) {
            return Err(bad(format!(
                "line 1: unknown column `{h}`; known: {}",
                PARTNER_COLUMNS.join(", ")
            )));
        }
    }
    if !header.iter().any(|h| h == "id") {
        return Err(bad("line 1: the `id` column is required".into()));
    }
    let mut partners = Vec::new();
    for (line, cells) in rows {
        if cells.len() != header.len() {
            return Err(bad(format!(
                "line {line}: {} cells, the header has {}",
                cells.len(),
                header.len()
            )));
        }
        let mut partner = Map::new();
        let mut groups: [Map<String, Value>; 3] = Default::default();
        for (h, cell) in header.iter().zip(cells) {
            let cell = cell.trim();
            if cell.is_empty() && h != "id" {
                continue;
            }
            let value = Value::String(cell.to_owned());
            let slot = ["ctpat_", "aeo_", "basc_"]
                .iter()
                .position(|p| h.starts_with(p));
            match slot.and_then(|i| Some((groups.get_mut(i)?, i))) {
                Some((group, i)) => {
                    let prefix = ["ctpat_", "aeo_", "basc_"].get(i).copied().unwrap_or("");
                    group.insert(h.trim_start_matches(prefix).to_owned(), value);
                }
                None => {
                    partner.insert(h.clone(), value);
                }
            }
        }
        for (name, group) in ["ctpat", "aeo", "basc"].into_iter().zip(groups) {
            if !group.is_empty() {
                partner.insert(name.into(), Value::Object(group));
            }
        }
        partners.push(Value::Object(partner));
    }
    Ok(Value::Array(partners))
}
