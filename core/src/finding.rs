//! Findings: business outcomes reported as data, never as errors.
//!
//! A [`Finding`] says what is wrong (or noteworthy) about one place in the caller's input. The
//! place is a JSON Pointer (`/contacts/1/email`) so that Rust, Python, Node and the CLI all point
//! at the same field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How much a finding matters.
///
/// ```
/// use ctpat::Severity;
/// assert_eq!(serde_json::to_value(Severity::Warning).ok(), Some(serde_json::json!("warning")));
/// assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Info);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Fails the answer (identifier invalid, rule not met, profile invalid).
    Error,
    /// Worth a look, does not fail the answer (an uncertain rule, an unusual value).
    Warning,
    /// Informational only.
    Info,
}

impl Severity {
    /// The snake_case name used on the wire.
    ///
    /// ```
    /// assert_eq!(ctpat::Severity::Info.as_str(), "info");
    /// assert_eq!(ctpat::Severity::Error.to_string(), "error");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem (or remark) found in a submitted document.
///
/// ```
/// use ctpat::{Finding, Severity};
/// let f = Finding::error("ident.scac.length", "/identifiers/scac")
///     .message("scac `QW` must have 4 letters")
///     .param("length", 2);
/// assert_eq!(f.severity, Severity::Error);
/// assert_eq!(f.params["length"], 2);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable identifier such as `ident.broker_license.length`; never reworded.
    pub code: String,
    /// `error` fails the answer; `warning` and `info` inform.
    pub severity: Severity,
    /// JSON Pointer into the caller's input (`""` is the whole input).
    pub path: String,
    /// Lowercase, values in backticks, no final period.
    pub message: String,
    /// Inputs to the message; sorted keys keep the output stable.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, serde_json::Value>,
}

impl Finding {
    /// A new finding with the given severity and an empty message.
    ///
    /// ```
    /// use ctpat::{Finding, Severity};
    /// let f = Finding::new(Severity::Warning, "ident.irs_number.unusual_suffix", "/ein");
    /// assert_eq!((f.code.as_str(), f.path.as_str()), ("ident.irs_number.unusual_suffix", "/ein"));
    /// assert!(f.message.is_empty() && f.params.is_empty());
    /// ```
    pub fn new(severity: Severity, code: impl Into<String>, path: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            severity,
            path: path.into(),
            message: String::new(),
            params: BTreeMap::new(),
        }
    }

    /// A new `error` finding.
    ///
    /// ```
    /// let f = ctpat::Finding::error("profile.answer.missing", "/answers/4.1");
    /// assert_eq!(f.severity, ctpat::Severity::Error);
    /// assert!(f.is_error());
    /// ```
    pub fn error(code: impl Into<String>, path: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path)
    }

    /// A new `warning` finding.
    ///
    /// ```
    /// let f = ctpat::Finding::warning("ident.irs_number.unusual_suffix", "/ein");
    /// assert_eq!(f.severity, ctpat::Severity::Warning);
    /// assert!(!f.is_error());
    /// ```
    pub fn warning(code: impl Into<String>, path: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path)
    }

    /// A new `info` finding.
    ///
    /// ```
    /// let f = ctpat::Finding::info("profile.note", "");
    /// assert_eq!(f.severity, ctpat::Severity::Info);
    /// assert!(!f.is_error());
    /// ```
    pub fn info(code: impl Into<String>, path: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, path)
    }

    /// Sets the message (builder style).
    ///
    /// ```
    /// let f = ctpat::Finding::error("c", "/x").message("value `ab` is too short");
    /// assert_eq!(f.message, "value `ab` is too short");
    /// ```
    #[must_use]
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    /// Adds one message parameter (builder style).
    ///
    /// ```
    /// let f = ctpat::Finding::error("c", "/x").param("min", 4).param("found", "ab");
    /// assert_eq!(f.params["min"], 4);
    /// assert_eq!(f.params.keys().collect::<Vec<_>>(), ["found", "min"]);
    /// ```
    #[must_use]
    pub fn param(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.params.insert(key.to_owned(), value.into());
        self
    }

    /// Whether this finding fails the answer.
    ///
    /// ```
    /// use ctpat::Finding;
    /// assert!(Finding::error("c", "").is_error());
    /// assert!(!Finding::warning("c", "").is_error());
    /// ```
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts findings by path, then code, then message, so output is deterministic.
///
/// ```
/// use ctpat::{Finding, finding::sort_findings};
/// let mut v = vec![Finding::error("b", "/x"), Finding::warning("a", "/x"), Finding::error("z", "/a")];
/// sort_findings(&mut v);
/// let order: Vec<_> = v.iter().map(|f| f.code.as_str()).collect();
/// assert_eq!(order, ["z", "a", "b"]);
/// ```
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.path.as_str(), a.code.as_str(), a.message.as_str()).cmp(&(
            b.path.as_str(),
            b.code.as_str(),
            b.message.as_str(),
        ))
    });
}

/// Whether any finding in the list is an error.
///
/// ```
/// use ctpat::{Finding, finding::has_errors};
/// assert!(!has_errors(&[Finding::warning("w", "/a")]));
/// assert!(has_errors(&[Finding::warning("w", "/a"), Finding::error("e", "/b")]));
/// assert!(!has_errors(&[]));
/// ```
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

/// The overall answer of a check.
///
/// ```
/// use ctpat::Outcome;
/// assert_eq!(serde_json::to_value(Outcome::Incomplete).ok(), Some(serde_json::json!("incomplete")));
/// assert_eq!(serde_json::from_str::<Outcome>("\"pass\"").ok(), Some(Outcome::Pass));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Every rule is met (or every check passed).
    Pass,
    /// At least one rule is not met.
    Fail,
    /// No rule failed, but some facts are missing: the answer is unknown.
    Incomplete,
}

/// Escapes one JSON Pointer reference token (`~` → `~0`, `/` → `~1`).
///
/// ```
/// use ctpat::finding::escape_pointer_token;
/// assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
/// assert_eq!(escape_pointer_token("4.1"), "4.1");
/// ```
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Joins a JSON Pointer with one more reference token.
///
/// ```
/// assert_eq!(ctpat::finding::pointer("/answers", "4.1"), "/answers/4.1");
/// assert_eq!(ctpat::finding::pointer("", "a/b"), "/a~1b");
/// ```
pub fn pointer(base: &str, token: &str) -> String {
    format!("{base}/{}", escape_pointer_token(token))
}

crate::redact::masked_debug!(Finding);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_sort_by_path_then_code() {
        let mut v = vec![
            Finding::error("b", "/x"),
            Finding::warning("a", "/x"),
            Finding::error("z", "/a"),
        ];
        sort_findings(&mut v);
        let got: Vec<_> = v
            .iter()
            .map(|f| (f.path.as_str(), f.code.as_str()))
            .collect();
        assert_eq!(got, [("/a", "z"), ("/x", "a"), ("/x", "b")]);
    }

    #[test]
    fn empty_params_are_not_serialised() {
        let json = serde_json::to_string(&Finding::info("c", "")).unwrap();
        assert_eq!(
            json,
            r#"{"code":"c","severity":"info","path":"","message":""}"#
        );
    }
}
