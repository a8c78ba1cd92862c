//! Node binding: carries JSON text between JavaScript and the core's JSON API.
//!
//! All business logic lives in the `ctpat` crate; `ctpat.js` turns the envelopes into return
//! values and thrown `Error`s with `code`, `path` and `findings`. A panic never aborts the
//! process: `ctpat::api::call_envelope` catches it (code `internal`), and `catch_unwind` on
//! each export is the backstop.

use napi::bindgen_prelude::*;
use napi_derive::napi;

/// mimalloc for the core's many small allocations (≈ 25 % faster per record than the system
/// allocator); only Rust allocations of this addon use it, V8 keeps its own heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod spliced;

/// Runs one core operation on JSON text; returns the envelope
/// `{"ok":true,"value":...}` or `{"ok":false,"error":{...}}` as JSON text.
#[napi(catch_unwind)]
pub fn call_json(op: String, input: String) -> String {
    ctpat::api::call_envelope(&op, &input)
}

/// Runs one operation on many JSON inputs in one native call (one envelope per input).
#[napi(catch_unwind)]
pub fn call_json_many(op: String, inputs: Vec<String>) -> Vec<String> {
    inputs
        .iter()
        .map(|input| ctpat::api::call_envelope(&op, input))
        .collect()
}

/// Work for the libuv thread pool: one operation on one or many inputs.
pub struct CallTask {
    op: String,
    inputs: Vec<String>,
}

impl Task for CallTask {
    type Output = Vec<String>;
    type JsValue = Vec<String>;

    fn compute(&mut self) -> Result<Self::Output> {
        Ok(self
            .inputs
            .iter()
            .map(|input| ctpat::api::call_envelope(&self.op, input))
            .collect())
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> Result<Self::JsValue> {
        Ok(output)
    }
}

/// Like `callJsonMany`, but runs on the libuv thread pool and resolves a Promise, so the
/// event loop stays free.
#[napi(catch_unwind, ts_return_type = "Promise<Array<string>>")]
pub fn call_json_many_async(op: String, inputs: Vec<String>) -> AsyncTask<CallTask> {
    AsyncTask::new(CallTask { op, inputs })
}

/// The crate version (equal to the npm package version).
#[napi]
pub const VERSION: &str = ctpat::VERSION;

/// Edition of the rules; bumped whenever an answer changes.
#[napi]
pub const RULES_VERSION: &str = ctpat::RULES_VERSION;

/// Edition of the wire format; bumped whenever a schema changes.
#[napi]
pub const SCHEMA_VERSION: &str = ctpat::SCHEMA_VERSION;
