//! JSON text ⇄ Python objects, done in Rust so that a call costs no `json.dumps`/`json.loads`.
//!
//! The JSON text boundary stays: arguments are still written as JSON text and answers still
//! arrive as JSON text; only the writer and the reader are faster than Python's `json` module.
//! The writer gives the same JSON *values* as `json.JSONEncoder(allow_nan=False)`; whatever it is
//! not sure about (keys that are not `str`, types other than dict/list/tuple/str/int/float/bool/
//! None, NaN and infinities, very deep nesting, strings with lone surrogates) is handed to the
//! Python encoder passed in as `fallback`, so errors and corner cases stay exactly Python's.

use std::fmt::Write as _;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Nesting the fast writer follows before handing a value to the fallback encoder (which then
/// also reports cycles the way Python does).
const MAX_FAST_DEPTH: usize = 100;

/// `obj` as JSON text: the fast writer, or `fallback(obj)` (Python's encoder) when the fast
/// writer steps aside. Exceptions of `fallback` propagate.
pub fn to_json(obj: &Bound<'_, PyAny>, fallback: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut out = String::with_capacity(256);
    if write_value(obj, &mut out, 0)? {
        return Ok(out);
    }
    fallback.call1((obj,))?.extract()
}

/// Writes `obj`; `Ok(false)` means "not sure, use Python's encoder".
fn write_value(obj: &Bound<'_, PyAny>, out: &mut String, depth: usize) -> PyResult<bool> {
    if depth > MAX_FAST_DEPTH {
        return Ok(false);
    }
    if obj.is_none() {
        out.push_str("null");
    } else if let Ok(s) = obj.cast::<PyString>() {
        let Ok(text) = s.to_str() else {
            return Ok(false); // lone surrogates: Python writes `\udXXX`, the core then refuses it
        };
        write_str(text, out);
    } else if let Ok(b) = obj.cast::<PyBool>() {
        out.push_str(if b.is_true() { "true" } else { "false" });
    } else if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            let _ = write!(out, "{i}");
        } else if let Ok(u) = obj.extract::<u64>() {
            let _ = write!(out, "{u}");
        } else {
            return Ok(false);
        }
    } else if let Ok(f) = obj.cast::<PyFloat>() {
        if !f.value().is_finite() {
            return Ok(false);
        }
        // Python's shortest repr (`1e+16`, not `10000000000000000`): the core must see the
        // same JSON number either way. Taken from a plain float, as `json` does, so a subclass's
        // own `__repr__` cannot write something that is not a number.
        let plain = PyFloat::new(obj.py(), f.value());
        out.push_str(plain.repr()?.to_str()?);
    } else if let Ok(dict) = obj.cast::<PyDict>() {
        out.push('{');
        for (i, (key, value)) in dict.iter().enumerate() {
            let Ok(key) = key.cast::<PyString>() else {
                return Ok(false);
            };
            let Ok(key) = key.to_str() else {
                return Ok(false);
            };
            if i > 0 {
                out.push(',');
            }
            write_str(key, out);
            out.push(':');
            if !write_value(&value, out, depth + 1)? {
                return Ok(false);
            }
        }
        out.push('}');
    } else if let Ok(list) = obj.cast::<PyList>() {
        return write_seq(list.iter(), out, depth);
    } else if let Ok(tuple) = obj.cast::<PyTuple>() {
        return write_seq(tuple.iter(), out, depth);
    } else {
        return Ok(false);
    }
    Ok(true)
}

/// Writes a list or tuple as a JSON array; `Ok(false)` as for [`write_value`].
fn write_seq<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    out: &mut String,
    depth: usize,
) -> PyResult<bool> {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if !write_value(&item, out, depth + 1)? {
            return Ok(false);
        }
    }
    out.push(']');
    Ok(true)
}

fn write_str(text: &str, out: &mut String) {
    out.push('"');
    // Copy the runs that need no escape in one go; only `"`, `\\` and control characters do.
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(text.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// Reads JSON text into Python objects (dict, list, str, int, float, bool, None), as
/// `json.loads` would for the core's answers. `cache` shares repeated short strings (keys,
/// codes, statuses, sources) between the objects of one batch, as `json.loads` does for keys.
pub fn from_json<'py>(
    py: Python<'py>,
    text: &str,
    cache: &mut Strings<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = PyValue { py, cache }
        .deserialize(&mut de)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    de.end()
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    Ok(value)
}

/// `None` when `text` is exactly one JSON value (surrounding whitespace allowed), else why not.
pub fn json_error(text: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let checked = serde::de::IgnoredAny::deserialize(&mut de).and_then(|_| de.end());
    checked.err().map(|e| e.to_string())
}

use serde::Deserialize as _;

/// Python strings already made while reading a batch, for short repeated texts.
#[derive(Default)]
pub struct Strings<'py> {
    known: std::collections::HashMap<Box<str>, Bound<'py, PyString>>,
}

impl<'py> Strings<'py> {
    /// Longest text kept, and most texts kept (answers also hold one-off texts).
    const MAX_LEN: usize = 96;
    const MAX_ENTRIES: usize = 4096;

    fn get(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyString> {
        if text.len() > Self::MAX_LEN {
            return PyString::new(py, text);
        }
        if let Some(known) = self.known.get(text) {
            return known.clone();
        }
        let made = PyString::new(py, text);
        if self.known.len() < Self::MAX_ENTRIES {
            self.known.insert(text.into(), made.clone());
        }
        made
    }
}

struct PyValue<'a, 'py> {
    py: Python<'py>,
    cache: &'a mut Strings<'py>,
}

fn py_err<E: serde::de::Error>(err: PyErr) -> E {
    E::custom(err.to_string())
}

impl<'de, 'py> DeserializeSeed<'de> for PyValue<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, 'py> Visitor<'de> for PyValue<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any json value")
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        v.into_bound_py_any(self.py).map_err(py_err)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        v.into_bound_py_any(self.py).map_err(py_err)
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(PyFloat::new(self.py, v).into_any())
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.cache.get(self.py, v).into_any())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let list = PyList::empty(self.py);
        while let Some(item) = seq.next_element_seed(PyValue {
            py: self.py,
            cache: &mut *self.cache,
        })? {
            list.append(item).map_err(py_err)?;
        }
        Ok(list.into_any())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let dict = PyDict::new(self.py);
        while let Some(key) = map.next_key_seed(PyValue {
            py: self.py,
            cache: &mut *self.cache,
        })? {
            let value = map.next_value_seed(PyValue {
                py: self.py,
                cache: &mut *self.cache,
            })?;
            dict.set_item(key, value).map_err(py_err)?;
        }
        Ok(dict.into_any())
    }
}
