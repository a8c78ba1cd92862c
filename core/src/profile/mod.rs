//! Security profiles, their validation against an MSC catalogue, the annual review window, and
//! business-partner screening (domain.md §4, §5.3, §5.6, §7.4).
//!
//! ```
//! use ctpat::msc::Catalogue;
//! use ctpat::profile::{validate_profile, ProfileOutcome, SecurityProfile};
//! use ctpat::{BusinessType, Policy};
//! use time::macros::date;
//!
//! let profile = SecurityProfile {
//!     business_type: BusinessType::CustomsBroker,
//!     catalogue_version: "msc-2019-partial".into(),
//!     answers: Default::default(),
//!     risk_assessment: None,
//!     last_review_submitted_on: None,
//! };
//! let report = validate_profile(&profile, Catalogue::embedded(), date!(2025-06-30), &Policy::current());
//! assert_eq!(report.outcome, ProfileOutcome::Incomplete);
//! assert_eq!(report.completeness.overall.applicable, 10);
//! ```

pub(crate) mod api;
mod checks;
mod mra;
mod review;
mod screening;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::entity::BusinessType;

pub use checks::{PROFILE_CHECKS, ProfileCheck};
pub use mra::{DatePrecision, MRA_JSON, Mra, MraTable, mra_table};
pub use review::{ReviewState, ReviewWindow, annual_review_window};
pub use screening::{
    AeoCertificate, BascCertificate, BusinessPartner, CtpatMembership, PartnerScreening,
    SCREENING_RULES, ScreeningReport, ScreeningResult, ScreeningRule, ScreeningSummary,
    screen_partners,
};
pub use validate::{
    CategoryCompleteness, Completeness, Count, ProfileOutcome, ProfileReport, validate_profile,
};

/// How far a criterion is met, as the partner states it.
///
/// ```
/// use ctpat::profile::AnswerStatus;
/// let s: Option<AnswerStatus> = serde_json::from_str("\"partially_implemented\"").ok();
/// assert_eq!(s, Some(AnswerStatus::PartiallyImplemented));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    /// Fully in place.
    Implemented,
    /// Partly in place.
    PartiallyImplemented,
    /// Not in place.
    NotImplemented,
    /// Does not apply to the company (needs a narrative saying why).
    NotApplicable,
}

impl AnswerStatus {
    /// The snake_case name used on the wire.
    ///
    /// ```
    /// use ctpat::profile::AnswerStatus;
    /// assert_eq!(AnswerStatus::NotApplicable.as_str(), "not_applicable");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Implemented => "implemented",
            Self::PartiallyImplemented => "partially_implemented",
            Self::NotImplemented => "not_implemented",
            Self::NotApplicable => "not_applicable",
        }
    }
}

/// The partner's answer to one criterion.
///
/// ```
/// use ctpat::profile::{Answer, AnswerStatus};
/// use time::macros::date;
/// let a: Option<Answer> = serde_json::from_str(r#"{"status": "implemented", "updated_on": "2025-01-15"}"#).ok();
/// assert_eq!(a.as_ref().map(|a| (a.status, a.updated_on)), Some((AnswerStatus::Implemented, Some(date!(2025-01-15)))));
/// assert!(a.is_some_and(|a| a.narrative.is_none() && a.evidence.is_empty()));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// How far the criterion is met.
    pub status: AnswerStatus,
    /// How it is met, or why it does not apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// References to supporting documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// When the answer was last reviewed or changed (`YYYY-MM-DD`); absent = unknown.
    #[serde(default, with = "crate::calendar::serde_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub updated_on: Option<Date>,
}

/// Dates of the company's risk assessment (domain.md §4.5: redone at least yearly).
///
/// ```
/// use ctpat::profile::RiskAssessment;
/// use time::macros::date;
/// let r: RiskAssessment = serde_json::from_str(r#"{"performed_on": "2024-11-02"}"#).unwrap_or_default();
/// assert_eq!((r.performed_on, r.reviewed_on), (Some(date!(2024-11-02)), None));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskAssessment {
    /// When the full assessment was made.
    #[serde(default, with = "crate::calendar::serde_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub performed_on: Option<Date>,
    /// When it was last reviewed.
    #[serde(default, with = "crate::calendar::serde_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub reviewed_on: Option<Date>,
}

/// A partner's security profile: its answers to the MSC of its business type.
///
/// ```
/// use ctpat::{BusinessType, profile::SecurityProfile};
/// let json = r#"{"business_type": "importer", "catalogue_version": "msc-2019-partial",
///                "answers": {"4.1": {"status": "implemented"}}}"#;
/// let p: Option<SecurityProfile> = serde_json::from_str(json).ok();
/// assert_eq!(p.as_ref().map(|p| (p.business_type, p.answers.len())), Some((BusinessType::Importer, 1)));
/// assert!(serde_json::from_str::<SecurityProfile>(r#"{"business_type": "importer"}"#).is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SecurityProfile {
    /// The business type whose criteria the profile answers.
    pub business_type: BusinessType,
    /// The catalogue version the answers refer to (domain.md §4.6).
    pub catalogue_version: String,
    /// Answers by criterion id (`4.1`).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The risk assessment behind the profile; absent = unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_assessment: Option<RiskAssessment>,
    /// When the last annual review was submitted (see [`annual_review_window`]).
    #[serde(default, with = "crate::calendar::serde_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub last_review_submitted_on: Option<Date>,
}

crate::redact::masked_debug!(Answer, RiskAssessment, SecurityProfile);
