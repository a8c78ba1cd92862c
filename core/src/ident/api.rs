//! JSON operations of the identifier module (`check_identifier` itself lives in `crate::api`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{IdentifierKind, RULES, compare_mid, construct_mid};
use crate::api::{Operation, from_value, no_more_args};
use crate::error::Error;
use crate::finding::{Finding, Severity};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation {
        name: "identifier_rules",
        summary: "lists every identifier check rule with its code, severity and source",
        run: run_identifier_rules,
        fast: None,
    },
    Operation {
        name: "construct_mid",
        summary: "builds a manufacturer identification code from name and address and compares a declared one",
        run: run_construct_mid,
        fast: None,
    },
];

/// One identifier rule as the `identifier_rules` operation lists it.
///
/// ```
/// use ctpat::{Severity, ident::IdentRuleInfo};
/// let out = ctpat::api::call("identifier_rules", "{}").unwrap();
/// let rules: Vec<IdentRuleInfo> = serde_json::from_str(&out).unwrap();
/// let scac = rules.iter().find(|r| r.code == "ident.scac.equipment_code").unwrap();
/// assert_eq!((scac.severity, scac.source.as_str()), (Severity::Error, "[NMFTA]"));
/// assert_eq!(scac.kind, Some(ctpat::IdentifierKind::Scac));
/// // rules of every kind have no kind
/// assert!(rules.iter().any(|r| r.code == "ident.*.empty" && r.kind.is_none()));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IdentRuleInfo {
    /// Finding code (`ident.scac.length`; `ident.*.empty` for rules of every kind).
    pub code: String,
    /// The kind it applies to; `null` for every kind.
    pub kind: Option<IdentifierKind>,
    /// Last part of the code.
    pub problem: String,
    /// `error` (certain) or `warning` (uncertain or advisory).
    pub severity: Severity,
    /// What the rule checks.
    pub description: String,
    /// Where it comes from.
    pub source: String,
}

fn run_identifier_rules(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    let rules: Vec<IdentRuleInfo> = RULES
        .iter()
        .map(|r| IdentRuleInfo {
            code: r.code(),
            kind: r.kind,
            problem: r.problem.to_owned(),
            severity: r.severity,
            description: r.description.to_owned(),
            source: r.source.to_owned(),
        })
        .collect();
    Ok(serde_json::to_value(rules)?)
}

/// Arguments of `construct_mid`.
///
/// ```
/// use ctpat::ident::ConstructMidCall;
/// let c: ConstructMidCall = serde_json::from_str(
///     r#"{"country":"MX","name":"Northwind Textile Works","street":"4821 Industrial Ave",
///         "city":"Monterrey"}"#,
/// ).unwrap();
/// assert_eq!(c.country, "MX");
/// assert_eq!(c.declared, None);
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConstructMidCall {
    /// ISO 3166-1 alpha-2 country code; Canada: the province code (`XO` Ontario, ...).
    pub country: String,
    /// The manufacturer's name.
    pub name: String,
    /// The street address (its largest number is used).
    pub street: String,
    /// The city.
    pub city: String,
    /// A declared MID to compare with the constructed one (optional).
    #[serde(default)]
    pub declared: Option<String>,
    /// The rules edition the caller expects; another edition is refused.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `construct_mid`.
///
/// ```
/// use ctpat::ident::ConstructMidAnswer;
/// let mid = |declared: &str| -> ConstructMidAnswer {
///     let call = format!(
///         r#"{{"country":"MX","name":"Northwind Textile Works","street":"4821 Industrial Ave",
///             "city":"Monterrey","declared":"{declared}"}}"#
///     );
///     serde_json::from_str(&ctpat::api::call("construct_mid", &call).unwrap()).unwrap()
/// };
/// let same = mid("MXNORTEX4821MON");
/// assert_eq!((same.mid.as_deref(), same.matches), (Some("MXNORTEX4821MON"), Some(true)));
/// assert!(same.findings.is_empty());
/// let other = mid("MXNORTEX4822MON");
/// assert_eq!(other.matches, Some(false));
/// assert_eq!(other.findings[0].code, "ident.mid.construction_mismatch");
/// assert_eq!(other.findings[0].path, "/declared");
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConstructMidAnswer {
    /// The constructed MID; `null` when the country is not a MID country (e.g. `CA`) or the
    /// name has no letters.
    pub mid: Option<String>,
    /// Whether `declared` equals the constructed MID after normalisation; `null` when no MID
    /// was declared or none could be constructed.
    pub matches: Option<bool>,
    /// `ident.mid.construction_mismatch` (warning, at `/declared`) when they differ.
    pub findings: Vec<Finding>,
    /// The rules edition used.
    pub rules_version: String,
}

fn run_construct_mid(args: Value) -> Result<Value, Error> {
    let call: ConstructMidCall = from_value(args, "")?;
    crate::api::check_rules_version(call.rules_version.as_deref())?;
    let mid = construct_mid(&call.country, &call.name, &call.street, &call.city);
    let finding = call.declared.as_deref().and_then(|declared| {
        compare_mid(
            declared,
            &call.country,
            &call.name,
            &call.street,
            &call.city,
            "/declared",
        )
    });
    let matches = match (&call.declared, &mid) {
        (Some(_), Some(_)) => Some(finding.is_none()),
        _ => None,
    };
    Ok(serde_json::to_value(ConstructMidAnswer {
        mid,
        matches,
        findings: finding.into_iter().collect(),
        rules_version: crate::RULES_VERSION.to_owned(),
    })?)
}

crate::redact::masked_debug!(IdentRuleInfo, ConstructMidCall, ConstructMidAnswer);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_rules_lists_the_table_with_codes() {
        let rules = run_identifier_rules(Value::Object(serde_json::Map::new())).unwrap();
        let rules = rules.as_array().unwrap();
        assert_eq!(rules.len(), RULES.len());
        let scac = rules
            .iter()
            .find(|r| r["code"] == "ident.scac.equipment_code")
            .unwrap();
        assert_eq!(scac["severity"], "error");
        assert_eq!(scac["source"], "[NMFTA]");
        let empty = rules.iter().find(|r| r["code"] == "ident.*.empty").unwrap();
        assert_eq!(empty["kind"], Value::Null);
    }
}
