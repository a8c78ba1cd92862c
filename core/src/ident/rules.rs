//! Per-kind check rules. (Being completed: see the Foundation issue.)

use super::{CheckOptions, IdentifierKind, MAX_IDENTIFIER_LEN};
use crate::finding::Finding;

/// Trims, uppercases and removes spaces and hyphens.
pub(crate) fn normalize(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Checks one kind; returns the canonical form when the text could be normalised.
pub(crate) fn check_kind(
    kind: IdentifierKind,
    text: &str,
    path: &str,
    _options: CheckOptions,
    out: &mut Vec<Finding>,
) -> Option<String> {
    if text.len() > MAX_IDENTIFIER_LEN * 4 {
        out.push(
            Finding::error("ident.too_long", path)
                .message(format!(
                    "{kind} is longer than {MAX_IDENTIFIER_LEN} characters"
                ))
                .param("max", MAX_IDENTIFIER_LEN),
        );
        return None;
    }
    let canonical = normalize(text);
    if canonical.is_empty() {
        out.push(
            Finding::error(format!("ident.{kind}.empty"), path).message(format!("{kind} is empty")),
        );
        return None;
    }
    Some(canonical)
}

/// The usual display form with separators.
pub(crate) fn display_form(_kind: IdentifierKind, canonical: &str) -> String {
    canonical.to_owned()
}
