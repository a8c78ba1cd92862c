//! Python binding: carries JSON text between Python and the core's JSON API.
//!
//! All business logic lives in the `ctpat` crate. This module only moves strings across the
//! boundary, releases the GIL while the core works and never lets a panic reach Python
//! (`ctpat::api::call_envelope` catches it and answers with the error code `internal`).

use pyo3::prelude::*;

mod convert;

/// mimalloc for the core's many small allocations (≈ 25 % faster per record than the system
/// allocator); only Rust allocations of this extension use it, Python keeps its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// Runs one operation on a Python arguments object: written as JSON text in Rust (`fallback`,
/// Python's encoder, takes what the fast writer leaves), run with the GIL released, and the
/// envelope read back into Python objects in Rust. Encoder exceptions propagate.
#[pyfunction]
fn call_value<'py>(
    py: Python<'py>,
    op: &str,
    args: &Bound<'py, PyAny>,
    fallback: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = convert::to_json(args, fallback)?;
    let envelope = py.detach(|| ctpat::api::call_envelope(op, &text));
    convert::from_json(py, &envelope, &mut convert::Strings::default())
}

/// Runs one operation on many calls; one envelope object per call, in order. A `str` item is a
/// complete call already written as JSON text (used as is); any other item is an arguments
/// object, written like `call_value` does — one whose encoding fails with `TypeError` or
/// `ValueError` gets an error envelope in its place instead of failing the batch.
#[pyfunction]
fn call_many_values<'py>(
    py: Python<'py>,
    op: &str,
    calls: Vec<Bound<'py, PyAny>>,
    fallback: &Bound<'py, PyAny>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let mut texts = Vec::with_capacity(calls.len());
    for call in &calls {
        if let Ok(text) = call.cast::<pyo3::types::PyString>() {
            texts.push(text.to_str()?.to_owned());
            continue;
        }
        match convert::to_json(call, fallback) {
            Ok(text) => texts.push(text),
            Err(err)
                if err.is_instance_of::<pyo3::exceptions::PyTypeError>(py)
                    || err.is_instance_of::<pyo3::exceptions::PyValueError>(py) =>
            {
                // The core answers an unknown argument with a coded error naming this one.
                let message = format!("arguments are not json-serialisable: {}", err.value(py));
                let mut args = serde_json::Map::new();
                args.insert("__unserialisable__".to_owned(), message.into());
                texts.push(serde_json::Value::Object(args).to_string());
            }
            Err(err) => return Err(err),
        }
    }
    let envelopes: Vec<String> = py.detach(|| {
        texts
            .iter()
            .map(|text| ctpat::api::call_envelope(op, text))
            .collect()
    });
    let mut strings = convert::Strings::default();
    envelopes
        .iter()
        .map(|envelope| convert::from_json(py, envelope, &mut strings))
        .collect()
}

/// `obj` as JSON text, written in Rust; `fallback` (Python's encoder) takes what the fast
/// writer leaves. Encoder exceptions propagate.
#[pyfunction]
fn to_json(obj: &Bound<'_, PyAny>, fallback: &Bound<'_, PyAny>) -> PyResult<String> {
    convert::to_json(obj, fallback)
}

/// `None` when `text` is exactly one JSON value (so it can be spliced into a call), else the
/// reason it is not.
#[pyfunction]
fn json_error(text: &str) -> Option<String> {
    convert::json_error(text)
}

/// The native module `ctpat._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(call_many, m)?)?;
    m.add_function(wrap_pyfunction!(call_value, m)?)?;
    m.add_function(wrap_pyfunction!(call_many_values, m)?)?;
    m.add_function(wrap_pyfunction!(json_error, m)?)?;
    m.add_function(wrap_pyfunction!(to_json, m)?)?;
    m.add("VERSION", ctpat::VERSION)?;
    m.add("RULES_VERSION", ctpat::RULES_VERSION)?;
    m.add("SCHEMA_VERSION", ctpat::SCHEMA_VERSION)?;
    Ok(())
}
