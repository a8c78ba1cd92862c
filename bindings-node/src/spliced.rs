//! Many calls that differ in one argument, each record given as JSON text.
//!
//! The shared arguments are encoded once; each record text is checked to be exactly one JSON
//! value before it is spliced in, so a record such as `{}, "policy": "portal_2006"` cannot add
//! arguments of its own. A record that is not one JSON value gets an `invalid_json` envelope at
//! `/<key>` in its place; the other records are unaffected.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use serde::Deserialize;

/// How one batch of record texts becomes calls.
pub struct Splice {
    op: String,
    key: String,
    shared: String,
}

impl Splice {
    /// The envelope of every record: the answer, or the reason its text was refused.
    fn run(&self, records: &[String]) -> Vec<String> {
        if let Err(message) = self.check() {
            let refused = error_envelope("invalid_input", &message, "");
            return records.iter().map(|_| refused.clone()).collect();
        }
        // `{"<key>":` + record + (`,` + shared members | nothing) + `}`.
        let shared = self.shared.trim();
        let members = shared.strip_prefix('{').unwrap_or(shared);
        let tail = if members.trim_start().starts_with('}') {
            "}".to_owned()
        } else {
            format!(",{members}")
        };
        let mut call = String::new();
        records
            .iter()
            .map(|record| match one_json_value(record) {
                Ok(()) => {
                    call.clear();
                    call.reserve(record.len() + tail.len() + self.key.len() + 4);
                    call.push_str("{\"");
                    call.push_str(&self.key);
                    call.push_str("\":");
                    call.push_str(record);
                    call.push_str(&tail);
                    ctpat::api::call_envelope(&self.op, &call)
                }
                Err(err) => self.refused(err),
            })
            .collect()
    }

    /// The envelope of a record text that is not one JSON value: `invalid_json` (or
    /// `limit_exceeded` when it nests too deeply) at `/<key>`.
    fn refused(&self, err: serde_json::Error) -> String {
        let detail = err.to_string();
        let err = ctpat::error::Error::from(err);
        let message = match err {
            ctpat::error::Error::Json { .. } => {
                format!("`{}` is not valid json: {detail}", self.key)
            }
            _ => format!("`{}`: {err}", self.key),
        };
        error_envelope(err.code(), &message, &format!("/{}", self.key))
    }

    /// The key must be a plain argument name and `shared` one JSON object.
    fn check(&self) -> std::result::Result<(), String> {
        let plain = !self.key.is_empty()
            && self
                .key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !plain {
            return Err(format!(
                "record key `{}` must be a snake_case argument name",
                self.key
            ));
        }
        if !self.shared.trim_start().starts_with('{') || one_json_value(&self.shared).is_err() {
            return Err("shared arguments must be the json text of one object".to_owned());
        }
        Ok(())
    }
}

/// `Ok` when `text` is exactly one JSON value, with nothing but whitespace around it.
fn one_json_value(text: &str) -> serde_json::Result<()> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::IgnoredAny::deserialize(&mut de)?;
    de.end()
}

/// An error envelope in the wire form of `ctpat::api::call_envelope`.
fn error_envelope(code: &str, message: &str, path: &str) -> String {
    let info = ctpat::error::ErrorInfo {
        code: code.to_owned(),
        message: ctpat::ident::mask_ssn_like(message),
        path: path.to_owned(),
        findings: Vec::new(),
    };
    serde_json::to_string(&ctpat::api::Envelope::Err {
        ok: false,
        error: info,
    })
    .unwrap_or_else(|_| {
        r#"{"ok":false,"error":{"code":"internal","message":"could not encode error","path":"","findings":[]}}"#
            .to_owned()
    })
}

/// Runs `op` once per record text: each call is `{"<key>": <record>, ...shared}`, where
/// `shared` is the JSON text of an object of the arguments every call shares (`"{}"` for none).
/// One envelope per record, in order; a record text that is not exactly one JSON value gets an
/// `invalid_json` error at `/<key>` instead of being spliced in.
#[napi(catch_unwind)]
pub fn call_json_many_spliced(
    op: String,
    key: String,
    shared: String,
    records: Vec<String>,
) -> Vec<String> {
    Splice { op, key, shared }.run(&records)
}

/// Work for the libuv thread pool: one spliced batch.
pub struct SplicedTask {
    splice: Splice,
    records: Vec<String>,
}

impl Task for SplicedTask {
    type Output = Vec<String>;
    type JsValue = Vec<String>;

    fn compute(&mut self) -> Result<Self::Output> {
        Ok(self.splice.run(&self.records))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> Result<Self::JsValue> {
        Ok(output)
    }
}

/// Like `callJsonManySpliced`, but runs on the libuv thread pool and resolves a Promise.
#[napi(catch_unwind, ts_return_type = "Promise<Array<string>>")]
pub fn call_json_many_spliced_async(
    op: String,
    key: String,
    shared: String,
    records: Vec<String>,
) -> AsyncTask<SplicedTask> {
    AsyncTask::new(SplicedTask {
        splice: Splice { op, key, shared },
        records,
    })
}
