//! Walking a catalogue's JSON: typed reads that record a finding instead of failing.

use serde_json::{Map, Value};

use crate::finding::{Finding, pointer};
use crate::ident::truncate_for_message;

/// Findings collected while reading one catalogue.
#[derive(Default)]
pub(super) struct Ctx {
    pub(super) findings: Vec<Finding>,
}

impl Ctx {
    pub(super) fn add(&mut self, code: &str, path: String, message: String) {
        self.findings
            .push(Finding::error(code, path).message(message));
    }

    pub(super) fn unknown_keys(&mut self, obj: &Map<String, Value>, known: &[&str], base: &str) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            let path = pointer(base, key);
            self.add(
                "catalogue.unknown_field",
                path,
                format!("unknown field `{}`", truncate_for_message(key)),
            );
        }
    }

    pub(super) fn string<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        base: &str,
        required: bool,
    ) -> Option<&'v str> {
        match obj.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.add(
                        "catalogue.missing_field",
                        pointer(base, key),
                        format!("`{key}` is required"),
                    );
                }
                None
            }
            Some(Value::String(s)) => Some(s),
            Some(_) => {
                self.add(
                    "catalogue.invalid_type",
                    pointer(base, key),
                    format!("`{key}` must be a string"),
                );
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, obj: &Map<String, Value>, key: &str, base: &str) -> bool {
        match obj.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.add(
                    "catalogue.invalid_type",
                    pointer(base, key),
                    format!("`{key}` must be true or false"),
                );
                false
            }
        }
    }

    pub(super) fn strings(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        base: &str,
    ) -> Vec<String> {
        let path = pointer(base, key);
        match obj.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        _ => self.add(
                            "catalogue.invalid_type",
                            format!("{path}/{i}"),
                            format!("`{key}` items must be strings"),
                        ),
                    }
                }
                out
            }
            Some(_) => {
                self.add(
                    "catalogue.invalid_type",
                    path,
                    format!("`{key}` must be an array of strings"),
                );
                Vec::new()
            }
        }
    }

    /// Deserialises a list of simple items with serde; each failure is one finding.
    pub(super) fn list<T: serde::de::DeserializeOwned>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        code: &str,
    ) -> Option<Vec<T>> {
        let path = pointer("", key);
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match crate::api::from_value::<T>(item.clone(), &format!("{path}/{i}")) {
                        Ok(v) => out.push(v),
                        Err(e) => self.add(code, e.path().to_owned(), e.to_string()),
                    }
                }
                Some(out)
            }
            Some(_) => {
                self.add(
                    "catalogue.invalid_type",
                    path,
                    format!("`{key}` must be an array"),
                );
                Some(Vec::new())
            }
        }
    }
}
