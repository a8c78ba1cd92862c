//! Python binding: carries JSON text between Python and the core's JSON API.
//!
//! All business logic lives in the `ctpat` crate. This module only moves strings across the
//! boundary, releases the GIL while the core works and never lets a panic reach Python
//! (`ctpat::api::call_envelope` catches it and answers with the error code `internal`).

use pyo3::prelude::*;

/// Runs one core operation on JSON text and returns the envelope
/// `{"ok": true, "value": ...}` or `{"ok": false, "error": {...}}` as JSON text.
#[pyfunction]
fn call(py: Python<'_>, op: &str, input: &str) -> String {
    py.detach(|| ctpat::api::call_envelope(op, input))
}

/// Runs one operation on many inputs (one envelope per input), with the GIL released.
#[pyfunction]
fn call_many(py: Python<'_>, op: &str, inputs: Vec<String>) -> Vec<String> {
    py.detach(|| {
        inputs
            .iter()
            .map(|input| ctpat::api::call_envelope(op, input))
            .collect()
    })
}

/// The native module `ctpat._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(call_many, m)?)?;
    m.add("VERSION", ctpat::VERSION)?;
    m.add("RULES_VERSION", ctpat::RULES_VERSION)?;
    m.add("SCHEMA_VERSION", ctpat::SCHEMA_VERSION)?;
    Ok(())
}
