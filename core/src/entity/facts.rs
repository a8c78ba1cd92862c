//! The facts about a partner that the eligibility rules read (domain.md §2.2, §2.3).
//!
//! Every fact is optional: left out (or `null`) means *unknown*, never `false`. The rules name
//! the fact they miss (`/facts/last_import_on`), so the caller knows what to supply.

use serde::{Deserialize, Serialize};
use time::Date;

/// A land border a carrier crosses into the U.S.
///
/// ```
/// use ctpat::entity::Border;
/// assert_eq!(serde_json::to_value([Border::Canada, Border::Mexico]).ok(), Some(serde_json::json!(["canada", "mexico"])));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Border {
    /// The U.S.-Canada border.
    Canada,
    /// The U.S.-Mexico border.
    Mexico,
}

/// Which kind of intermediary an air freight consolidator / OTI / NVOCC is (domain.md §2.1).
///
/// ```
/// use ctpat::entity::ConsolidatorSubtype;
/// assert_eq!(serde_json::from_str::<ConsolidatorSubtype>("\"nvocc\"").ok(), Some(ConsolidatorSubtype::Nvocc));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsolidatorSubtype {
    /// Air freight consolidator (IATA organisation number, if applicable).
    Air,
    /// Ocean transport intermediary (FMC organisation number, if applicable).
    Oti,
    /// Non-vessel-operating common carrier (FMC organisation number, if applicable).
    Nvocc,
}

/// A U.S. agency that licenses or bonds a third-party logistics provider ([CBP-3PL]).
///
/// ```
/// use ctpat::entity::Agency;
/// assert_eq!(serde_json::to_value(Agency::Tsa).ok(), Some(serde_json::json!("tsa")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Agency {
    /// Federal Maritime Commission.
    Fmc,
    /// Transportation Security Administration.
    Tsa,
    /// U.S. Customs and Border Protection.
    Cbp,
    /// Department of Transportation.
    Dot,
}

/// Decisions CBP records about an applicant (domain.md §2.2 rules 1 and 2).
///
/// They are *recorded, not computed*: absent means CBP has not decided yet, which does not make
/// an eligibility report incomplete. A recorded `false` makes the partner ineligible.
///
/// ```
/// use ctpat::entity::CbpDecisions;
/// let d: CbpDecisions = serde_json::from_str(r#"{"individual_review_passed": false}"#).unwrap_or_default();
/// assert_eq!(d.individual_review_passed, Some(false));
/// assert_eq!(d.no_significant_security_events, None); // not decided yet
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CbpDecisions {
    /// CBP found excellent security practice and no significant security events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_significant_security_events: Option<bool>,
    /// CBP's individual review raised no issue of concern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_review_passed: Option<bool>,
}

impl CbpDecisions {
    /// Whether no decision is recorded.
    ///
    /// ```
    /// use ctpat::entity::CbpDecisions;
    /// assert!(CbpDecisions::default().is_empty());
    /// assert!(!CbpDecisions { individual_review_passed: Some(true), ..Default::default() }.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Facts the eligibility rules read. Each is optional; absent means unknown.
///
/// ```
/// use ctpat::entity::PartnerFacts;
/// use time::macros::date;
/// let f: PartnerFacts = serde_json::from_str(r#"{"last_import_on": "2025-03-31"}"#).unwrap_or_default();
/// assert_eq!(f.last_import_on, Some(date!(2025-03-31)));
/// assert_eq!(f.incorporation_country, None); // absent: unknown, not false
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartnerFacts {
    // --- who and where ---------------------------------------------------------------------
    /// ISO 3166-1 alpha-2 country of incorporation (`US`, `CA`, `MX`, ...); `MX` makes a
    /// carrier or manufacturer a Mexican firm (RFC and Acta required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incorporation_country: Option<String>,
    /// Importer: imports as a non-resident Canadian importer (NRCI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_resident_canadian: Option<bool>,
    /// Mexican firm: holds its articles of incorporation (Acta Constitutiva).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acta_constitutiva: Option<bool>,

    // --- activity --------------------------------------------------------------------------
    /// Importer: date of the latest import into the U.S.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub last_import_on: Option<Date>,
    /// Exporter: date of the latest export from the U.S.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub last_export_on: Option<Date>,
    /// Highway and rail carriers: date of the latest crossing into the U.S.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub last_border_crossing_on: Option<Date>,
    /// Air carriers, consolidators, brokers, port operators: date of the latest qualifying
    /// activity (flight to the U.S., international shipment, customs business, international
    /// vessel handled).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub last_activity_on: Option<Date>,
    /// Highway carriers: the borders crossed into the U.S.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub borders_crossed: Option<Vec<Border>>,
    /// Mexican long-haul carriers: moves U.S.-bound cargo inside Mexico.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_in_mexico: Option<bool>,
    /// Mexican long-haul carriers: crosses the border itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crosses_border: Option<bool>,

    // --- common rules (§2.2) ---------------------------------------------------------------
    /// A company officer is designated as the primary cargo-security officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer_designated_for_security: Option<bool>,
    /// An officer signed the CTPAT-Partner Agreement to Voluntarily Participate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_signed_by_officer: Option<bool>,
    /// The Portal security profile covers the MSC of the company's own type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_profile_complete: Option<bool>,
    /// Carriers, brokers, manufacturers: sector (industry) requirements are met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry_requirements_met: Option<bool>,
    /// The company has a final unpaid CBP debt (remedies exhausted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unpaid_final_cbp_debt: Option<bool>,
    /// The supply-chain risk assessment was made before the profile (advisory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_assessment_before_profile: Option<bool>,

    // --- importer and exporter -------------------------------------------------------------
    /// Importer: the IOR number is active with CBP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ior_number_active: Option<bool>,
    /// Exporter: principal party in interest that controls the export (EAR sense).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_party_in_interest: Option<bool>,
    /// Exporter: has a documented export security program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_security_program_documented: Option<bool>,
    /// Exporter: compliant with export reporting over the last 12 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_reporting_compliant_12_months: Option<bool>,
    /// Exporter: in good standing with Commerce, State, Treasury, NRC, DEA and DoD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good_standing_with_agencies: Option<bool>,

    // --- carriers, brokers, port operators -------------------------------------------------
    /// Sea carriers: compliant with ISPS / MTSA (advisory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isps_mtsa_compliant: Option<bool>,
    /// Consolidators: air consolidator, OTI or NVOCC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consolidator_subtype: Option<ConsolidatorSubtype>,
    /// Customs brokers: the license is in force (not suspended or revoked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broker_license_active: Option<bool>,
    /// Foreign port operators and manufacturers outside Mexico and Canada: invited by CBP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cbp_invitation: Option<bool>,
    /// Foreign port operators: handles U.S.-bound vessels (advisory; source truncated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handles_us_bound_vessels: Option<bool>,

    // --- third-party logistics -------------------------------------------------------------
    /// Handles international cargo from stuffing to the first U.S. port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handles_international_cargo: Option<bool>,
    /// Handles only domestic freight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domestic_only: Option<bool>,
    /// Owns transport, consolidation or warehouse assets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_based: Option<bool>,
    /// Subcontracts beyond a second party to companies that are not CTPAT members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub double_brokering: Option<bool>,
    /// Holds one of the 3PL pilot slots ([FR-2025-20648]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot_slot: Option<bool>,
    /// Agencies that license or bond the 3PL (FMC, TSA, CBP, DOT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensed_or_bonded_by: Option<Vec<Agency>>,
}

crate::redact::masked_debug!(PartnerFacts);
