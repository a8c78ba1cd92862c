//! Every number and switch that sources disagree on or that CBP changes (domain.md §5.8, §9).
//!
//! Core functions never read the clock; they take an `as_of` date and a [`Policy`]. Presets:
//! [`Policy::current`] (today's rules, the default) and [`Policy::portal_2006`] (the 2006
//! Security Link Portal roll-out). A policy loads from JSON; omitted fields keep the
//! `current` defaults.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::date;

use crate::entity::BusinessType;
use crate::error::Error;

/// All durations, deadlines and switches the rules use.
///
/// ```
/// use ctpat::Policy;
/// let p = Policy::default();
/// assert_eq!(p.name, "current");
/// assert_eq!((p.revalidation_interval_years, p.appeal_days, p.appeal_false_data_days), (4, 90, 30));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Name of the preset this policy started from (`current`, `portal_2006`, ...).
    pub name: String,
    /// Target for CBP's certify-or-reject decision after application, in days (domain.md §5.1;
    /// [6 USC 964]). A target: overdue is shown, no status changes.
    pub certification_decision_days: u32,
    /// First validation due after certification, in months (domain.md §5.1; [6 USC 965]).
    pub first_validation_months: u32,
    /// Revalidation cycle in years: 4 (6 U.S.C. 969, CSMS 2019) or 3 (seed 003); §9 C1.
    pub revalidation_interval_years: u32,
    /// Annual review window opens this many days before the certification anniversary
    /// (Portal 2.0 manual; §9 C15).
    pub annual_review_window_days: u32,
    /// How long a profile answer or risk assessment stays current, in months (yearly review).
    pub annual_review_period_months: u32,
    /// Days a suspended partner has to answer before it is withdrawn (2nd; T12).
    pub suspension_response_days: u32,
    /// Bar on re-applying after an uncured suspension ended in withdrawal, in months (2nd; §9 C13).
    pub reapply_bar_months: u32,
    /// Appeal window for a denial or revocation of benefits, in days ([6 USC 967(c)]).
    pub appeal_days: u32,
    /// Appeal window for suspension or removal over knowingly false data, in days ([6 USC 967(c)]).
    pub appeal_false_data_days: u32,
    /// CBP's decision on an appeal is due within this many days ([6 USC 967(c)]).
    pub appeal_decision_days: u32,
    /// Days to answer a blank-profile notice before headquarters may act (2nd).
    pub blank_profile_response_days: u32,
    /// Deadline by which each business type must update its portal account and profile
    /// (seed 000: 1 Oct 2006, all types; seed 001: 1 Jul 2006, importers). Empty: none.
    pub profile_update_deadlines: BTreeMap<BusinessType, PolicyDate>,
    /// Whether partners may edit their own bond number (seed 002: no, until all comply; §9 C6).
    pub bond_number_partner_editable: bool,
    /// Business types for which the no-final-unpaid-debt rule applies as certain
    /// ([CBP-IMP], [CBP-MPTO], [CBP-CONS]); other types get it as a warning (§9 C16).
    pub unpaid_debt_rule_types: Vec<BusinessType>,
    /// Whether the no-unpaid-debt rule is checked (as a warning) for the other types too.
    pub unpaid_debt_rule_other_types_warn: bool,
    /// "Active" means activity within this many months before `as_of` (importers, carriers,
    /// brokers: "within the past year").
    pub activity_window_months: u32,
    /// Whether a partially implemented Must criterion is accepted (profile validation).
    pub partially_implemented_must_allowed: bool,
    /// Portal freeze window during a migration: nobody, partner or CBP, has access (§7.5 #5).
    pub portal_freeze: Option<DateRange>,
    /// Whether linked accounts share one validation schedule (Portal 2.0; §9 C17).
    pub joint_validation: bool,
    /// Whether the primary POC must be a company officer ([CBP-PROFILE]; default) or may also
    /// be an employee (seed 001_66a073baa83fabba.txt); domain.md §9 C5.
    pub primary_poc_must_be_officer: bool,
    /// Start of the 3PL pilot ([FR-2025-20648]).
    pub third_party_logistics_pilot_start: PolicyDate,
    /// Length of the 3PL pilot in years ([FR-2025-20648]).
    pub third_party_logistics_pilot_years: u32,
    /// Business types that may reach Tier 3: importers, and exporters since 2021
    /// ([6 USC 966]; domain.md §5.5).
    pub tier3_business_types: Vec<BusinessType>,
}

/// The `policy` argument of an operation, as its schema describes it: a preset name or a
/// policy object (omitted fields take the `current` defaults). Absent means `current`.
///
/// ```
/// let schema = serde_json::to_value(schemars::schema_for!(ctpat::policy::PolicyArg));
/// let schema = schema.unwrap_or_default();
/// let forms = schema["anyOf"].as_array().map(Vec::len);
/// assert_eq!(forms, Some(2)); // a preset name or a policy object
/// assert_eq!(schema["anyOf"][0]["type"], "string");
/// ```
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
pub enum PolicyArg {
    /// A preset: `current`, `portal_2006` or `portal_2006_importers_july`.
    Preset(String),
    /// A full or partial policy.
    Policy(Box<Policy>),
}

/// A date in a policy (`YYYY-MM-DD` on the wire).
///
/// ```
/// use ctpat::policy::PolicyDate;
/// use time::macros::date;
/// let d: Option<PolicyDate> = serde_json::from_str("\"2006-10-01\"").ok();
/// assert_eq!(d, Some(PolicyDate(date!(2006-10-01))));
/// assert!(serde_json::from_str::<PolicyDate>("\"1 Oct 2006\"").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct PolicyDate(
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub Date,
);

/// An inclusive date range.
///
/// ```
/// use ctpat::policy::DateRange;
/// let r: Option<DateRange> = serde_json::from_str(r#"{"from": "2026-01-10", "to": "2026-01-12"}"#).ok();
/// assert_eq!(r.map(|r| r.to.0 - r.from.0), Some(time::Duration::days(2)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// First day.
    pub from: PolicyDate,
    /// Last day (inclusive).
    pub to: PolicyDate,
}

impl DateRange {
    /// Whether `date` lies in the range.
    ///
    /// ```
    /// use ctpat::policy::{DateRange, PolicyDate};
    /// use time::macros::date;
    /// let r = DateRange { from: PolicyDate(date!(2026-01-10)), to: PolicyDate(date!(2026-01-12)) };
    /// assert!(r.contains(date!(2026-01-10)) && r.contains(date!(2026-01-12)));
    /// assert!(!r.contains(date!(2026-01-13)));
    /// ```
    pub fn contains(&self, date: Date) -> bool {
        self.from.0 <= date && date <= self.to.0
    }
}

impl Default for Policy {
    fn default() -> Self {
        Self::current()
    }
}

impl Policy {
    /// Today's rules, with the documented default wherever sources conflict.
    ///
    /// ```
    /// let p = ctpat::Policy::current();
    /// assert_eq!(p, ctpat::Policy::default());
    /// assert_eq!((p.first_validation_months, p.suspension_response_days), (12, 90));
    /// assert!(p.profile_update_deadlines.is_empty() && p.primary_poc_must_be_officer);
    /// ```
    pub fn current() -> Self {
        Self {
            name: "current".to_owned(),
            certification_decision_days: 90,
            first_validation_months: 12,
            revalidation_interval_years: 4,
            annual_review_window_days: 90,
            annual_review_period_months: 12,
            suspension_response_days: 90,
            reapply_bar_months: 12,
            appeal_days: 90,
            appeal_false_data_days: 30,
            appeal_decision_days: 180,
            blank_profile_response_days: 14,
            profile_update_deadlines: BTreeMap::new(),
            bond_number_partner_editable: false,
            unpaid_debt_rule_types: vec![
                BusinessType::Importer,
                BusinessType::MarinePortAuthorityTerminalOperator,
                BusinessType::ForeignMarinePortTerminalOperator,
                BusinessType::AirFreightConsolidatorOtiNvocc,
            ],
            unpaid_debt_rule_other_types_warn: true,
            activity_window_months: 12,
            partially_implemented_must_allowed: false,
            portal_freeze: None,
            joint_validation: false,
            primary_poc_must_be_officer: true,
            third_party_logistics_pilot_start: PolicyDate(date!(2025 - 12 - 01)),
            third_party_logistics_pilot_years: 5,
            tier3_business_types: vec![BusinessType::Importer, BusinessType::Exporter],
        }
    }

    /// The 2006 Security Link Portal roll-out: the ten 2006 categories had to update account
    /// and profile before 1 Oct 2006 (seed 000_ce488379f704c3ca.txt, CBP 07/03/2006).
    ///
    /// ```
    /// use ctpat::{BusinessType, Policy};
    /// use time::macros::date;
    /// let p = Policy::portal_2006();
    /// assert_eq!(p.profile_update_deadlines.len(), 10);
    /// assert_eq!(p.profile_update_deadlines.get(&BusinessType::Importer).map(|d| d.0), Some(date!(2006-10-01)));
    /// assert!(p.bond_number_partner_editable && !p.primary_poc_must_be_officer);
    /// ```
    pub fn portal_2006() -> Self {
        let deadline = PolicyDate(date!(2006 - 10 - 01));
        let types = [
            BusinessType::Importer,
            BusinessType::HighwayCarrierUsCanada,
            BusinessType::HighwayCarrierUsMexico,
            BusinessType::RailCarrier,
            BusinessType::SeaCarrier,
            BusinessType::AirCarrier,
            BusinessType::MarinePortAuthorityTerminalOperator,
            BusinessType::AirFreightConsolidatorOtiNvocc,
            BusinessType::ForeignManufacturer,
            BusinessType::CustomsBroker,
        ];
        Self {
            name: "portal_2006".to_owned(),
            profile_update_deadlines: types.iter().map(|t| (*t, deadline)).collect(),
            bond_number_partner_editable: true,
            primary_poc_must_be_officer: false,
            ..Self::current()
        }
    }

    /// The earlier 2006 announcement: importers by 1 Jul 2006 (seed 001_66a073baa83fabba.txt),
    /// the other categories by 1 Oct 2006.
    ///
    /// ```
    /// use ctpat::{BusinessType, Policy};
    /// use time::macros::date;
    /// let p = Policy::portal_2006_importers_july();
    /// assert_eq!(p.profile_update_deadlines.get(&BusinessType::Importer).map(|d| d.0), Some(date!(2006-07-01)));
    /// assert_eq!(p.profile_update_deadlines.get(&BusinessType::RailCarrier).map(|d| d.0), Some(date!(2006-10-01)));
    /// ```
    pub fn portal_2006_importers_july() -> Self {
        let mut policy = Self::portal_2006();
        policy.name = "portal_2006_importers_july".to_owned();
        policy
            .profile_update_deadlines
            .insert(BusinessType::Importer, PolicyDate(date!(2006 - 07 - 01)));
        policy
    }

    /// Names of the presets [`Policy::preset`] knows.
    ///
    /// ```
    /// use ctpat::Policy;
    /// assert!(Policy::PRESETS.iter().all(|name| Policy::preset(name).is_some_and(|p| p.name == *name)));
    /// ```
    pub const PRESETS: &'static [&'static str] =
        &["current", "portal_2006", "portal_2006_importers_july"];

    /// A preset by name.
    ///
    /// ```
    /// use ctpat::Policy;
    /// assert_eq!(Policy::preset("portal_2006"), Some(Policy::portal_2006()));
    /// assert_eq!(Policy::preset("2006"), None);
    /// ```
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "current" => Some(Self::current()),
            "portal_2006" => Some(Self::portal_2006()),
            "portal_2006_importers_july" => Some(Self::portal_2006_importers_july()),
            _ => None,
        }
    }

    /// Loads a policy from JSON; omitted fields take the `current` defaults.
    ///
    /// ```
    /// use ctpat::Policy;
    /// let p = Policy::from_json(r#"{"revalidation_interval_years": 3}"#).ok();
    /// assert_eq!(p.map(|p| (p.revalidation_interval_years, p.appeal_days)), Some((3, 90)));
    /// let e = Policy::from_json(r#"{"appeal_days": "ninety"}"#).err();
    /// assert_eq!(e.map(|e| (e.code(), e.path().to_owned())), Some(("invalid_input", "/appeal_days".to_owned())));
    /// ```
    pub fn from_json(text: &str) -> Result<Self, Error> {
        crate::api::from_str(text)
    }
}

crate::redact::masked_debug!(Policy);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn omitted_fields_take_current_defaults() {
        let p = Policy::from_json(r#"{"revalidation_interval_years": 3}"#).unwrap();
        assert_eq!(p.revalidation_interval_years, 3);
        assert_eq!(p.suspension_response_days, 90);
    }

    #[test]
    fn unknown_policy_fields_are_errors_with_a_path() {
        let e = Policy::from_json(r#"{"revalidation_years": 3}"#).unwrap_err();
        assert_eq!(e.code(), "unknown_field");
        assert_eq!(e.path(), "/revalidation_years");
    }

    #[test]
    fn portal_2006_sets_october_for_ten_types() {
        let p = Policy::portal_2006();
        assert_eq!(p.profile_update_deadlines.len(), 10);
        assert!(
            p.profile_update_deadlines
                .values()
                .all(|d| d.0 == date!(2006 - 10 - 01))
        );
    }
}
