//! Operational errors: input that cannot be understood or an operation that is not allowed.
//!
//! Business outcomes (a rule not met, an invalid identifier) are [`Finding`]s in a report, not
//! errors. Every variant has a stable [`Error::code`] (`.code` in Python, `err.code` in Node) and,
//! where it concerns one field, a JSON Pointer [`Error::path`].

use serde::{Deserialize, Serialize};

use crate::finding::Finding;

/// Result alias used throughout the crate.
///
/// ```
/// fn age(text: &str) -> ctpat::error::Result<u8> {
///     text.parse().map_err(|_| ctpat::Error::input("/age", format!("`{text}` is not a number")))
/// }
/// assert_eq!(age("42").ok(), Some(42));
/// assert_eq!(age("x").map_err(|e| e.code()), Err("invalid_input"));
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong before or instead of an answer.
///
/// ```
/// use ctpat::Error;
/// let e = Error::UnsupportedRulesVersion { found: "1999.1".into() };
/// assert_eq!(e.code(), "unsupported_rules_version");
/// assert_eq!(e.to_string(), "rules version `1999.1` is not supported; this build implements `2026.1`");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input text is not JSON at all.
    #[error("input is not valid json: {message}")]
    Json {
        /// What the parser reported (line and column included).
        message: String,
    },
    /// The input is JSON but a field has the wrong type, a bad value or is missing.
    #[error("invalid input at `{path}`: {message}")]
    Input {
        /// Stable code of the problem (`invalid_input`, `invalid_date`, `unknown_business_type`, ...).
        code: &'static str,
        /// JSON Pointer to the bad field.
        path: String,
        /// What is wrong, lowercase.
        message: String,
    },
    /// The input's content is understood but fails structural validation as a whole.
    #[error("{message}")]
    Rejected {
        /// Stable code (`catalogue.duplicate_id`, ...).
        code: &'static str,
        /// What is wrong, lowercase.
        message: String,
        /// Every problem found, each with its path.
        findings: Vec<Finding>,
    },
    /// The operation named does not exist.
    #[error("unknown operation `{name}`")]
    UnknownOperation {
        /// The name that was asked for.
        name: String,
    },
    /// The caller expects a rules edition this build does not implement.
    #[error(
        "rules version `{found}` is not supported; this build implements `{}`",
        crate::RULES_VERSION
    )]
    UnsupportedRulesVersion {
        /// The edition the caller named.
        found: String,
    },
    /// An input exceeds a documented limit (size, length, depth).
    #[error("input exceeds the limit: {message}")]
    LimitExceeded {
        /// JSON Pointer to the offending value (`""` for the whole input).
        path: String,
        /// Which limit and by how much.
        message: String,
    },
    /// A date computation left the supported range (years 1..=9999).
    #[error("date out of range: {message}")]
    DateOutOfRange {
        /// JSON Pointer to the date that caused it, if known.
        path: String,
        /// Which computation overflowed.
        message: String,
    },
    /// An operation that the rules do not allow (illegal transition, access denied, ...).
    #[error("{message}")]
    NotAllowed {
        /// Stable code (`lifecycle.illegal_transition`, `portal.access_denied`, ...).
        code: &'static str,
        /// Why it is not allowed, lowercase.
        message: String,
        /// JSON Pointer to the field that decided it, if any.
        path: String,
    },
    /// A bug in this library (a caught panic). Please report it.
    #[error("internal error: {message}")]
    Internal {
        /// What was caught.
        message: String,
    },
}

impl Error {
    /// Stable identifier of the error kind; never reworded.
    ///
    /// ```
    /// use ctpat::Error;
    /// assert_eq!(Error::Json { message: "eof".into() }.code(), "invalid_json");
    /// assert_eq!(Error::input_code("invalid_date", "/as_of", "bad").code(), "invalid_date");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Json { .. } => "invalid_json",
            Self::Input { code, .. }
            | Self::Rejected { code, .. }
            | Self::NotAllowed { code, .. } => code,
            Self::UnknownOperation { .. } => "unknown_operation",
            Self::UnsupportedRulesVersion { .. } => "unsupported_rules_version",
            Self::LimitExceeded { .. } => "limit_exceeded",
            Self::DateOutOfRange { .. } => "date_out_of_range",
            Self::Internal { .. } => "internal",
        }
    }

    /// JSON Pointer of the field the error concerns (`""` when it concerns the whole input).
    ///
    /// ```
    /// use ctpat::{Error, Finding};
    /// assert_eq!(Error::input("/as_of", "bad date").path(), "/as_of");
    /// let r = Error::rejected("catalogue.duplicate_id", "dup", vec![Finding::error("x", "/criteria/3")]);
    /// assert_eq!(r.path(), "/criteria/3");
    /// assert_eq!(Error::UnknownOperation { name: "x".into() }.path(), "");
    /// ```
    pub fn path(&self) -> &str {
        match self {
            Self::Input { path, .. }
            | Self::LimitExceeded { path, .. }
            | Self::DateOutOfRange { path, .. }
            | Self::NotAllowed { path, .. } => path,
            Self::Rejected { findings, .. } => findings.first().map_or("", |f| f.path.as_str()),
            // every call names the rules edition in its top-level `rules_version` argument
            Self::UnsupportedRulesVersion { .. } => "/rules_version",
            _ => "",
        }
    }

    /// The findings that explain the error (empty for most kinds).
    ///
    /// ```
    /// use ctpat::{Error, Finding};
    /// let r = Error::rejected("catalogue.duplicate_id", "dup", vec![Finding::error("x", "/a")]);
    /// assert_eq!(r.findings().len(), 1);
    /// assert!(Error::input("/a", "bad").findings().is_empty());
    /// ```
    pub fn findings(&self) -> &[Finding] {
        match self {
            Self::Rejected { findings, .. } => findings,
            _ => &[],
        }
    }

    /// A generic `invalid_input` error at `path` (SSN-like digit runs masked, as in
    /// [`Error::input_code`]).
    ///
    /// ```
    /// let e = ctpat::Error::input("/ein", "`123-45-6789` is not an ein");
    /// assert_eq!(e.code(), "invalid_input");
    /// assert_eq!(e.to_string(), "invalid input at `/ein`: `***-**-6789` is not an ein");
    /// ```
    pub fn input(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::input_code("invalid_input", path, message)
    }

    /// An input error with a specific code.
    ///
    /// ```
    /// let e = ctpat::Error::input_code("invalid_date", "/as_of", "`2024-13-01` is not a date");
    /// assert_eq!((e.code(), e.path()), ("invalid_date", "/as_of"));
    /// ```
    pub fn input_code(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        // Input errors quote the caller's keys and values: an SSN-like run never comes back whole.
        Self::Input {
            code,
            path: crate::ident::mask_ssn_like(&path.into()),
            message: crate::ident::mask_ssn_like(&message.into()),
        }
    }

    /// A rejection with every finding that explains it. Finding messages, paths and string
    /// parameters quote the caller's input, so SSN-like digit runs are masked in them.
    ///
    /// ```
    /// use ctpat::{Error, Finding};
    /// let f = Finding::error("x.dup", "/ids").message("`123456789` twice").param("value", "123456789");
    /// let e = Error::rejected("x.invalid", "1 problem", vec![f]);
    /// assert_eq!(e.findings()[0].message, "`*****6789` twice");
    /// assert_eq!(e.findings()[0].params["value"], "*****6789");
    /// ```
    pub fn rejected(
        code: &'static str,
        message: impl Into<String>,
        findings: Vec<Finding>,
    ) -> Self {
        let mask = crate::ident::mask_ssn_like;
        let findings = findings
            .into_iter()
            .map(|mut f| {
                f.message = mask(&f.message);
                f.path = mask(&f.path);
                for v in f.params.values_mut() {
                    if let serde_json::Value::String(s) = v {
                        *s = mask(s);
                    }
                }
                f
            })
            .collect();
        Self::Rejected {
            code,
            message: mask(&message.into()),
            findings,
        }
    }

    /// The same error with every SSN-like digit run masked in its text fields, whatever the
    /// variant (see [`crate::ident::mask_ssn_like`]). The JSON API applies it to every error it
    /// returns, so nothing a caller typed — in any field — comes back as a whole SSN.
    ///
    /// ```
    /// let e = ctpat::Error::UnknownOperation { name: "check 123-45-6789".into() };
    /// assert_eq!(e.redacted().to_string(), "unknown operation `check ***-**-6789`");
    /// ```
    #[must_use]
    pub fn redacted(self) -> Self {
        let m = crate::ident::mask_ssn_like;
        match self {
            Self::Json { message } => Self::Json {
                message: m(&message),
            },
            Self::Input {
                code,
                path,
                message,
            } => Self::Input {
                code,
                path: m(&path),
                message: m(&message),
            },
            Self::Rejected {
                code,
                message,
                findings,
            } => Self::rejected(code, message, findings),
            Self::UnknownOperation { name } => Self::UnknownOperation { name: m(&name) },
            Self::UnsupportedRulesVersion { found } => {
                Self::UnsupportedRulesVersion { found: m(&found) }
            }
            Self::LimitExceeded { path, message } => Self::LimitExceeded {
                path: m(&path),
                message: m(&message),
            },
            Self::DateOutOfRange { path, message } => Self::DateOutOfRange {
                path: m(&path),
                message: m(&message),
            },
            Self::NotAllowed {
                code,
                message,
                path,
            } => Self::NotAllowed {
                code,
                message: m(&message),
                path: m(&path),
            },
            Self::Internal { message } => Self::Internal {
                message: m(&message),
            },
        }
    }

    /// The serialisable form of this error (what crosses the JSON boundary).
    ///
    /// ```
    /// let info = ctpat::Error::input_code("invalid_date", "/as_of", "bad date").info();
    /// assert_eq!((info.code.as_str(), info.path.as_str()), ("invalid_date", "/as_of"));
    /// assert_eq!(info.message, "invalid input at `/as_of`: bad date");
    /// ```
    pub fn info(&self) -> ErrorInfo {
        let masked = self.clone().redacted();
        ErrorInfo {
            code: masked.code().to_owned(),
            message: masked.to_string(),
            path: masked.path().to_owned(),
            findings: masked.findings().to_vec(),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        use serde_json::error::Category;
        if err.to_string().starts_with("recursion limit exceeded") {
            return Self::LimitExceeded {
                path: String::new(),
                message: format!(
                    "input nests {} or more levels deep; at most {} are accepted",
                    crate::api::MAX_DEPTH,
                    crate::api::MAX_DEPTH - 1
                ),
            };
        }
        match err.classify() {
            Category::Syntax | Category::Eof | Category::Io => Self::Json {
                message: crate::ident::mask_ssn_like(&err.to_string()),
            },
            Category::Data => Self::input("", err.to_string()),
        }
    }
}

/// The wire form of an [`Error`]: what Python's `CtpatError` and Node's thrown `Error` carry.
///
/// ```
/// let info = ctpat::Error::UnknownOperation { name: "nope".into() }.info();
/// let json = serde_json::to_value(&info).ok();
/// assert_eq!(json, Some(serde_json::json!({
///     "code": "unknown_operation", "message": "unknown operation `nope`", "path": "", "findings": []
/// })));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ErrorInfo {
    /// Stable code (`invalid_json`, `invalid_input`, `unknown_identifier_kind`, ...).
    pub code: String,
    /// Human-readable message; never contains a personal identifier in full.
    pub message: String,
    /// JSON Pointer to the bad field, `""` when the error concerns the whole input.
    pub path: String,
    /// Findings that explain the error, if any.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

crate::redact::masked_debug!(ErrorInfo);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_and_data_errors_have_different_codes() {
        let syntax = serde_json::from_str::<u8>("nul").unwrap_err();
        assert_eq!(Error::from(syntax).code(), "invalid_json");
        let data = serde_json::from_str::<u8>("\"x\"").unwrap_err();
        assert_eq!(Error::from(data).code(), "invalid_input");
    }

    #[test]
    fn info_carries_code_path_and_message() {
        let e = Error::input_code("invalid_date", "/as_of", "`2024-13-01` is not a date");
        let info = e.info();
        assert_eq!(info.code, "invalid_date");
        assert_eq!(info.path, "/as_of");
        assert!(info.message.contains("2024-13-01"));
    }
}
