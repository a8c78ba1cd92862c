//! JSON API operations of security profiles and partner screening.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::Date;

use super::{
    BusinessPartner, PROFILE_CHECKS, SCREENING_RULES, SecurityProfile, annual_review_window,
    mra_table, screen_partners, validate_profile,
};
use crate::api::{
    Operation, check_rules_version, fast_typed, from_value, no_more_args, policy_from_value,
};
use crate::error::Error;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation {
        name: "annual_review_window",
        summary: "the annual profile review window and whether a review is open, submitted or overdue",
        run: run_annual_review_window,
        fast: None,
    },
    Operation {
        name: "mra_table",
        summary: "the mutual recognition arrangements used by partner screening",
        run: run_mra_table,
        fast: None,
    },
    Operation {
        name: "profile_checks",
        summary: "lists every security-profile check with its severity and source",
        run: run_profile_checks,
        fast: None,
    },
    Operation {
        name: "screen_partners",
        summary: "screens business partners on their ctpat, aeo (mra) or basc documentation",
        run: run_screen_partners,
        fast: Some(fast_screen_partners),
    },
    Operation {
        name: "screening_rules",
        summary: "lists every partner-screening rule with its result and source",
        run: run_screening_rules,
        fast: None,
    },
    Operation {
        name: "validate_profile",
        summary: "validates a security profile against an msc catalogue as of a date",
        run: run_validate_profile,
        fast: Some(fast_validate_profile),
    },
];

/// Arguments of `validate_profile`.
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValidateProfileCall {
    /// The security profile.
    pub profile: SecurityProfile,
    /// Date to judge for (`YYYY-MM-DD`).
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// A catalogue object (or its JSON text); absent = the embedded partial catalogue.
    #[serde(default)]
    pub catalogue: Value,
    /// Policy: absent = `current`, a preset name, or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Value,
    /// The rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Arguments of `annual_review_window`.
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnnualReviewWindowCall {
    /// The certification date whose yearly anniversaries reviews are due on.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub anniversary: Date,
    /// Date to answer for.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// When the last review was submitted, if ever.
    #[serde(default, with = "crate::calendar::serde_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub last_submitted_on: Option<Date>,
    /// Policy: absent = `current`, a preset name, or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Value,
    /// The rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Arguments of `screen_partners`.
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScreenPartnersCall {
    /// The partners, each with the documentation it declares.
    pub partners: Vec<BusinessPartner>,
    /// Date to screen for.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// Policy: absent = `current`, a preset name, or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Value,
    /// The rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
    /// Keep only the summary counts: `results` comes back empty (large batches, dashboards).
    #[serde(default)]
    pub summary_only: bool,
}

/// Deserialises the arguments borrowing the JSON value (no copy of a large input, no path
/// bookkeeping); only when that fails is it redone with [`from_value`] to get the error's path.
fn parse_call<T: serde::de::DeserializeOwned>(args: Value) -> Result<T, Error> {
    match T::deserialize(&args) {
        Ok(call) => Ok(call),
        Err(_) => from_value(args, ""),
    }
}

fn run_validate_profile(args: Value) -> Result<Value, Error> {
    Ok(serde_json::to_value(validate(parse_call(args)?)?)?)
}

fn fast_validate_profile(text: &str) -> Option<Result<String, Error>> {
    fast_typed(text, validate)
}

fn validate(call: ValidateProfileCall) -> Result<super::ProfileReport, Error> {
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy, "/policy")?;
    let catalogue = crate::msc::api::catalogue_from_value(call.catalogue, "/catalogue")?;
    Ok(validate_profile(
        &call.profile,
        &catalogue,
        call.as_of,
        &policy,
    ))
}

fn run_annual_review_window(args: Value) -> Result<Value, Error> {
    let call: AnnualReviewWindowCall = parse_call(args)?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy, "/policy")?;
    let window = annual_review_window(
        call.anniversary,
        call.as_of,
        call.last_submitted_on,
        &policy,
    )?;
    Ok(serde_json::to_value(window)?)
}

fn run_screen_partners(args: Value) -> Result<Value, Error> {
    Ok(serde_json::to_value(screen(parse_call(args)?)?)?)
}

fn fast_screen_partners(text: &str) -> Option<Result<String, Error>> {
    fast_typed(text, screen)
}

fn screen(call: ScreenPartnersCall) -> Result<super::ScreeningReport, Error> {
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy, "/policy")?;
    let mut report = screen_partners(&call.partners, call.as_of, &policy);
    if call.summary_only {
        report.results = Vec::new();
    }
    Ok(report)
}

fn run_mra_table(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::to_value(mra_table())?)
}

fn run_profile_checks(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::to_value(PROFILE_CHECKS)?)
}

fn run_screening_rules(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::to_value(SCREENING_RULES)?)
}

crate::redact::masked_debug!(
    ValidateProfileCall,
    AnnualReviewWindowCall,
    ScreenPartnersCall
);
