//! Checks that every public item of the core crate carries a runnable rustdoc example: a
//! ```` ``` ```` (or ```` ```rust ````) block in the doc comment right above the item.
//!
//! The scan is textual. It reads every `.rs` file under `core/src`, finds each line that
//! declares a `pub` function, struct, enum, trait, const, static, type or union (also
//! `pub const fn`, `pub unsafe fn`, `pub async fn`; never `pub(crate)`/`pub(super)`, struct
//! fields or enum variants), walks up over its attributes (including multi-line ones) and
//! `///` lines, and requires an opening code fence that is not `ignore`, `no_run`, `text`,
//! `compile_fail` or any other non-running kind. Indentation does not matter, so items declared
//! inside `macro_rules!` bodies and `impl` blocks are checked too. Test code is skipped: a
//! `#[cfg(test)] mod name { ... }` block to the end of its file, and whole files declared as
//! `#[cfg(test)] mod name;`.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Files skipped for now, relative to `core/src`. Their public items are documented by whoever
/// owns them; remove an entry once its file carries examples.
const SKIPPED_FILES: &[(&str, &str)] = &[
    (
        "eligibility/api.rs",
        "pub(crate) module: its call types are reachable only through the JSON API (and schemas/)",
    ),
    (
        "msc/api.rs",
        "pub(crate) module: its call types are reachable only through the JSON API (and schemas/)",
    ),
    (
        "profile/api.rs",
        "pub(crate) module: its call types are reachable only through the JSON API (and schemas/)",
    ),
];

/// Single items that need no example: `(file, item name, reason)`. Only for items that are not
/// reachable from the crate root (methods of private types, items of private modules that are
/// not re-exported).
const SKIPPED_ITEMS: &[(&str, &str, &str)] = &[
    (
        "portal/api.rs",
        "",
        "the `op_call!` template (`pub struct $name`): each invocation's doc string carries the example",
    ),
    (
        "profile/screening.rs",
        "CTPAT_MEMBER_STATUSES",
        "`pub` in the private module `profile::screening` and not re-exported: unreachable",
    ),
];

/// Kinds of item whose declaration line is checked.
const KINDS: &[&str] = &[
    "fn", "struct", "enum", "trait", "const", "static", "type", "union",
];

/// One public item found by the scan.
struct Item {
    /// Path relative to `core/src`, with `/` separators.
    file: String,
    /// 1-based line of the declaration.
    line: usize,
    kind: &'static str,
    name: String,
    /// The doc block has a runnable example.
    has_example: bool,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(src_dir()).unwrap();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// If `trimmed` is `mod name;` or `pub mod name;` (any visibility), the module name.
fn out_of_line_mod(trimmed: &str) -> Option<&str> {
    let rest = trimmed.strip_suffix(';')?;
    let rest = rest.split_once("mod ")?;
    let vis = rest.0.trim();
    if !(vis.is_empty() || vis.starts_with("pub")) {
        return None;
    }
    Some(rest.1.trim())
}

/// Whether the line is a `#[cfg(test)]` attribute.
fn is_cfg_test(trimmed: &str) -> bool {
    trimmed.replace(' ', "").starts_with("#[cfg(test)]")
}

/// Directories of the child modules declared in `file` (for `lib.rs` and `mod.rs`, the file's
/// own directory; for `foo.rs`, `foo/`).
fn child_dir(file: &Path) -> PathBuf {
    let name = file.file_name().unwrap().to_string_lossy();
    let parent = file.parent().unwrap();
    if name == "lib.rs" || name == "mod.rs" {
        parent.to_path_buf()
    } else {
        parent.join(file.file_stem().unwrap())
    }
}

/// Files and directories that `#[cfg(test)] mod name;` declarations make test-only.
fn test_only_paths(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (i, line) in lines.iter().enumerate() {
            if !is_cfg_test(line) {
                continue;
            }
            let Some(next) = lines[i + 1..].iter().find(|l| !l.starts_with("#[")) else {
                continue;
            };
            if let Some(name) = out_of_line_mod(next) {
                let dir = child_dir(file);
                out.insert(dir.join(format!("{name}.rs")));
                out.insert(dir.join(name));
            }
        }
    }
    out
}

/// Counts `[` minus `]` outside string literals.
fn bracket_balance(line: &str) -> i32 {
    let mut depth = 0;
    let mut in_str = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_str {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '[' => depth += 1,
            ']' => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// For every line, whether it belongs to an outer attribute (`#[...]`, possibly multi-line).
fn attribute_lines(lines: &[&str]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_start().starts_with("#[") {
            let mut depth = 0;
            let mut j = i;
            while j < lines.len() {
                out[j] = true;
                depth += bracket_balance(lines[j]);
                if depth <= 0 {
                    break;
                }
                j += 1;
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The kind and name declared by a `pub` item line, if it is one.
fn public_item(trimmed: &str) -> Option<(&'static str, String)> {
    let rest = trimmed.strip_prefix("pub ")?;
    let mut words = rest.split_whitespace().peekable();
    loop {
        let word = *words.peek()?;
        let qualifier = match word {
            "unsafe" | "async" => true,
            "const" => words
                .clone()
                .nth(1)
                .is_some_and(|w| matches!(w, "fn" | "unsafe" | "async")),
            _ => false,
        };
        if !qualifier {
            break;
        }
        words.next();
    }
    let kind = KINDS.iter().find(|k| words.peek() == Some(*k))?;
    words.next();
    let name: String = words
        .next()?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some((kind, name))
}

/// Whether the doc lines (top to bottom, `///` removed) open a code block that rustdoc runs.
fn has_runnable_example(doc: &[&str]) -> bool {
    let mut open = false;
    for line in doc {
        let line = line.trim();
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        if open {
            open = false;
            continue;
        }
        open = true;
        let runs = info
            .split(',')
            .map(str::trim)
            .all(|attr| matches!(attr, "" | "rust") || attr.starts_with("edition"));
        if runs {
            return true;
        }
    }
    false
}

fn scan_file(path: &Path) -> Vec<Item> {
    let file = relative(path);
    let text = fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Test module at the end of the file: skip from `#[cfg(test)]` followed by `mod ... {`.
    let end = (0..lines.len())
        .find(|&i| {
            is_cfg_test(lines[i].trim())
                && lines[i + 1..]
                    .iter()
                    .map(|l| l.trim())
                    .find(|l| !l.starts_with("#["))
                    .is_some_and(|l| l.contains("mod ") && l.ends_with('{'))
        })
        .unwrap_or(lines.len());
    let attrs = attribute_lines(&lines);
    let mut items = Vec::new();
    for i in 0..end {
        let Some((kind, name)) = public_item(lines[i].trim_start()) else {
            continue;
        };
        let mut doc = Vec::new();
        let mut j = i;
        while j > 0 {
            j -= 1;
            let above = lines[j].trim_start();
            if let Some(text) = above.strip_prefix("///") {
                doc.push(text);
            } else if !attrs[j] {
                break;
            }
        }
        doc.reverse();
        items.push(Item {
            file: file.clone(),
            line: i + 1,
            kind,
            name,
            has_example: has_runnable_example(&doc),
        });
    }
    items
}

fn scan() -> Vec<Item> {
    let mut files = Vec::new();
    rs_files(&src_dir(), &mut files);
    let test_only = test_only_paths(&files);
    files
        .iter()
        .filter(|f| !test_only.iter().any(|t| f.starts_with(t)))
        .filter(|f| !SKIPPED_FILES.iter().any(|(s, _)| relative(f) == *s))
        .flat_map(|f| scan_file(f))
        .collect()
}

#[test]
fn every_public_item_has_a_runnable_example() {
    let items = scan();
    // The scan itself must work: the crate has well over a hundred public items.
    assert!(items.len() > 200, "only {} public items found", items.len());
    let missing: Vec<String> = items
        .iter()
        .filter(|it| !it.has_example)
        .filter(|it| {
            !SKIPPED_ITEMS
                .iter()
                .any(|(f, n, _)| *f == it.file && *n == it.name)
        })
        .map(|it| format!("core/src/{}:{} {} {}", it.file, it.line, it.kind, it.name))
        .collect();
    assert!(
        missing.is_empty(),
        "{} public items have no runnable ``` example in their doc comment:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn skip_lists_name_real_things() {
    for (file, reason) in SKIPPED_FILES {
        assert!(
            src_dir().join(file).is_file(),
            "skipped file {file} does not exist"
        );
        assert!(!reason.is_empty());
    }
    let items = scan();
    for (file, name, reason) in SKIPPED_ITEMS {
        assert!(!reason.is_empty(), "{file} {name}: give a reason");
        assert!(
            items
                .iter()
                .any(|it| it.file == *file && it.name == *name && !it.has_example),
            "skipped item {file} {name} is not a public item without an example; remove it"
        );
    }
}

#[test]
fn test_only_files_are_found_and_skipped() {
    let mut files = Vec::new();
    rs_files(&src_dir(), &mut files);
    let test_only = test_only_paths(&files);
    assert!(
        test_only.iter().any(|p| p.exists()),
        "no `#[cfg(test)] mod name;` file found: {test_only:?}"
    );
    let scanned: BTreeSet<String> = scan().into_iter().map(|it| it.file).collect();
    for path in test_only.iter().filter(|p| p.exists()) {
        let rel = relative(path);
        assert!(
            !scanned
                .iter()
                .any(|f| f == &rel || f.starts_with(&format!("{rel}/"))),
            "{rel} is test code but was scanned"
        );
    }
}

#[test]
fn the_scanner_sees_what_it_should() {
    assert_eq!(
        public_item("pub fn a(x: u8) -> u8 {"),
        Some(("fn", "a".into()))
    );
    assert_eq!(public_item("pub const fn b() {"), Some(("fn", "b".into())));
    assert_eq!(
        public_item("pub const C: u8 = 1;"),
        Some(("const", "C".into()))
    );
    assert_eq!(public_item("pub unsafe fn d() {"), Some(("fn", "d".into())));
    assert_eq!(
        public_item("pub struct E<T> {"),
        Some(("struct", "E".into()))
    );
    assert_eq!(
        public_item("pub type R<T> = T;"),
        Some(("type", "R".into()))
    );
    assert_eq!(public_item("pub(crate) fn f() {"), None);
    assert_eq!(public_item("pub name: String,"), None);
    assert_eq!(public_item("pub mod m;"), None);
    assert_eq!(public_item("pub use a::b;"), None);
    assert!(has_runnable_example(&[
        " text",
        " ```",
        " assert!(true);",
        " ```"
    ]));
    assert!(has_runnable_example(&[" ```rust", " ```"]));
    assert!(!has_runnable_example(&[" ```ignore", " ```"]));
    assert!(!has_runnable_example(&[" ```text", " x", " ```"]));
    assert!(!has_runnable_example(&[" no example here"]));
    let lines = [
        "#[cfg_attr(",
        "    feature = \"schema\",",
        "    derive(x)",
        ")]",
        "fn x() {}",
    ];
    assert_eq!(attribute_lines(&lines), [true, true, true, true, false]);
}
