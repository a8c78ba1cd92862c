//! Eligibility: may this company apply to CTPAT as its business type? (domain.md §2)
//!
//! Every requirement is a [`Rule`] in a table (one file per group of business types, plus
//! `common` for §2.2). A rule reads the [`Partner`] and answers `met`, `not_met` or `unknown`
//! ([`RuleStatus`]); [`check_eligibility`] runs every rule of the partner's type and folds the
//! answers into an [`EligibilityReport`]:
//!
//! - any `not_met` of a computed rule, or a recorded negative CBP decision → `ineligible`;
//! - otherwise any `unknown` computed rule → `incomplete` (an `eligibility.missing_fact` finding
//!   names each fact to supply);
//! - otherwise `eligible`.
//!
//! Three kinds of rule ([`RuleKind`]):
//! - `computed`: decided from the partner's facts.
//! - `cbp_decision` (common rules 1 and 2): *recorded, not computed*. CBP decides them during
//!   its review, so before a decision is recorded (`partner.cbp_decisions`) they are `unknown`
//!   and do **not** make the report incomplete; a recorded `false` makes it `ineligible`.
//! - `advisory`: the risk-assessment order (common 8) and every rule domain.md marks
//!   UNVERIFIED. A failure is a `warning` finding and never changes the outcome.
//!
//! Paths in results and findings are JSON Pointers into the partner object
//! (`/facts/last_import_on`, `/identifiers/irs_number`, `/bonds/0`).
//!
//! ```
//! use ctpat::eligibility::{check_eligibility, EligibilityOutcome};
//! use ctpat::{Partner, Policy};
//! use time::macros::date;
//! let partner: Partner = serde_json::from_str(r#"{"business_type": "importer"}"#).unwrap();
//! let report = check_eligibility(&partner, date!(2025 - 06 - 30), &Policy::current());
//! assert_eq!(report.outcome, EligibilityOutcome::Incomplete);
//! ```

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use time::Date;

use crate::entity::{BusinessType, Partner};
use crate::finding::{Finding, Severity, sort_findings};
use crate::policy::Policy;

pub(crate) mod api;
mod carriers;
mod common;
mod docs;
pub mod eval;
mod services;
mod traders;

pub use docs::rules_markdown;

/// The answer of one rule.
///
/// ```
/// use ctpat::eligibility::RuleStatus;
/// assert_eq!(serde_json::to_value(RuleStatus::NotMet).ok(), Some(serde_json::json!("not_met")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    /// The requirement is met.
    Met,
    /// The requirement is not met.
    NotMet,
    /// A fact is missing (or CBP has not decided yet).
    Unknown,
}

/// How a rule takes part in the outcome.
///
/// ```
/// use ctpat::eligibility::{RuleKind, rules};
/// let individual = rules().into_iter().find(|r| r.code == "common.individual_review");
/// assert_eq!(individual.map(|r| r.kind), Some(RuleKind::CbpDecision));
/// assert_eq!(serde_json::to_value(RuleKind::CbpDecision).ok(), Some(serde_json::json!("cbp_decision")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Decided from the partner's facts; drives the outcome.
    Computed,
    /// Decided by CBP and recorded; `unknown` until recorded, a recorded `false` is `not_met`.
    CbpDecision,
    /// Advice only (UNVERIFIED sources, ordering advice): warnings, never `ineligible`.
    Advisory,
}

/// The overall answer.
///
/// ```
/// use ctpat::eligibility::{check_eligibility, EligibilityOutcome};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "rail_carrier", "facts": {"last_border_crossing_on": "2023-01-05"}}"#).unwrap();
/// let r = check_eligibility(&p, date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!(r.outcome, EligibilityOutcome::Ineligible); // no crossing within 12 months
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EligibilityOutcome {
    /// Every computed rule is met and no CBP decision is negative.
    Eligible,
    /// At least one computed rule is not met (or CBP recorded a negative decision).
    Ineligible,
    /// No rule failed, but facts are missing.
    Incomplete,
}

/// The answer of one rule for one partner.
///
/// ```
/// use ctpat::eligibility::{check_eligibility, RuleStatus};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "rail_carrier", "facts": {"last_border_crossing_on": "2025-03-15"}}"#).unwrap();
/// let r = check_eligibility(&p, date!(2025-06-30), &ctpat::Policy::current());
/// let active = r.results.iter().find(|x| x.code == "rail_carrier.active_from_ca_or_mx").unwrap();
/// assert_eq!((active.status, active.path.as_str()), (RuleStatus::Met, "/facts/last_border_crossing_on"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleResult {
    /// Stable rule code (`importer.continuous_bond`).
    pub code: Cow<'static, str>,
    /// How the rule counts (an out-of-scope rule evaluated as a warning is `advisory`).
    pub kind: RuleKind,
    /// `met`, `not_met` or `unknown`.
    pub status: RuleStatus,
    /// Why, lowercase; never an identifier value.
    pub message: String,
    /// JSON Pointer (into the partner) of the fact that decided the answer.
    pub path: String,
    /// Where the rule comes from (domain.md citation).
    pub source: Cow<'static, str>,
}

/// The answer of [`check_eligibility`].
///
/// ```
/// use ctpat::eligibility::{check_eligibility, EligibilityOutcome};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "importer"}"#).unwrap();
/// let r = check_eligibility(&p, date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!((r.outcome, r.as_of, r.rules_version.as_str()), (EligibilityOutcome::Incomplete, date!(2025-06-30), "2026.1"));
/// assert!(r.findings.iter().any(|f| f.code == "eligibility.missing_fact" && f.path == "/facts/last_import_on"));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EligibilityReport {
    /// `eligible`, `ineligible` or `incomplete`.
    pub outcome: EligibilityOutcome,
    /// The business type the partner applied as.
    pub business_type: BusinessType,
    /// The date the report was computed for.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// One result per rule of the type, per-type rules first, then the common rules.
    pub results: Vec<RuleResult>,
    /// Failed rules (`error`; `warning` for advisory ones), missing facts, identifier findings
    /// and unknown input fields, sorted by path.
    pub findings: Vec<Finding>,
    /// The rules edition ([`crate::RULES_VERSION`]).
    pub rules_version: String,
}

/// A rule as listed by [`rules`] (and in `docs/rules.md`).
///
/// ```
/// let bond = ctpat::eligibility::rules().into_iter().find(|r| r.code == "importer.continuous_bond");
/// assert_eq!(bond.map(|r| r.business_types), Some(vec![ctpat::BusinessType::Importer]));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleInfo {
    /// Stable rule code.
    pub code: String,
    /// Business types the rule applies to.
    pub business_types: Vec<BusinessType>,
    /// One line describing the requirement.
    pub description: String,
    /// Where it comes from.
    pub source: String,
    /// `computed`, `cbp_decision` or `advisory`.
    pub kind: RuleKind,
}

/// What a rule's evaluator sees.
///
/// ```
/// use ctpat::eligibility::{Ctx, eval::fact_path, rule_table, RuleStatus};
/// use time::macros::date;
/// let partner = serde_json::from_str(r#"{"business_type": "importer"}"#).unwrap();
/// let ctx = Ctx { partner: &partner, as_of: date!(2025-06-30), policy: &ctpat::Policy::current() };
/// let rule = rule_table().iter().find(|r| r.code == "importer.active_importer_12_months").unwrap();
/// let eval = (rule.evaluate)(&ctx).unwrap();
/// assert_eq!((eval.status, eval.path), (RuleStatus::Unknown, fact_path("last_import_on")));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The partner.
    pub partner: &'a Partner,
    /// The date the answer is for.
    pub as_of: Date,
    /// Durations and switches.
    pub policy: &'a Policy,
}

/// One rule: data plus an evaluator.
///
/// ```
/// use ctpat::{BusinessType, eligibility::rule_table};
/// let rule = rule_table().iter().find(|r| r.code == "importer.continuous_bond").unwrap();
/// assert_eq!(rule.business_types, [BusinessType::Importer]);
/// assert!(!rule.description.is_empty() && !rule.source.is_empty());
/// ```
#[derive(Clone, Copy)]
pub struct Rule {
    /// Stable snake_case code (`importer.continuous_bond`).
    pub code: &'static str,
    /// Business types the rule applies to.
    pub business_types: &'static [BusinessType],
    /// Default kind (an evaluator may downgrade a result to advisory).
    pub kind: RuleKind,
    /// One line describing the requirement.
    pub description: &'static str,
    /// Where it comes from (domain.md citation).
    pub source: &'static str,
    /// Evaluates the rule; `None` when it does not apply to this partner (e.g. out of the
    /// policy's scope).
    pub evaluate: fn(&Ctx<'_>) -> Option<eval::Eval>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("code", &self.code).finish()
    }
}

impl Rule {
    /// The catalogue entry of this rule.
    ///
    /// ```
    /// let rule = ctpat::eligibility::rule_table().iter().find(|r| r.code == "common.individual_review").unwrap();
    /// let info = rule.info();
    /// assert_eq!((info.code.as_str(), info.kind), (rule.code, rule.kind));
    /// assert_eq!(info.business_types.len(), ctpat::BusinessType::ALL.len());
    /// ```
    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            code: self.code.to_owned(),
            business_types: self.business_types.to_vec(),
            description: self.description.to_owned(),
            source: self.source.to_owned(),
            kind: self.kind,
        }
    }

    /// Whether the rule applies to `business_type`.
    ///
    /// ```
    /// use ctpat::{BusinessType, eligibility::rule_table};
    /// let rule = rule_table().iter().find(|r| r.code == "importer.continuous_bond").unwrap();
    /// assert!(rule.applies_to(BusinessType::Importer));
    /// assert!(!rule.applies_to(BusinessType::Exporter));
    /// ```
    pub fn applies_to(&self, business_type: BusinessType) -> bool {
        self.business_types.contains(&business_type)
    }
}

/// Every rule table, per-type tables first and the common rules last.
///
/// ```
/// let table = ctpat::eligibility::rule_table();
/// assert_eq!(table.len(), ctpat::eligibility::rules().len());
/// // The common rules come last.
/// assert!(table.last().is_some_and(|r| r.code.starts_with("common.")));
/// ```
pub fn rule_table() -> &'static [Rule] {
    static ALL: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let tables: &[&[Rule]] = &[
            traders::IMPORTER,
            traders::EXPORTER,
            carriers::HIGHWAY,
            carriers::LONG_HAUL,
            carriers::RAIL,
            carriers::SEA,
            carriers::AIR,
            services::CONSOLIDATOR,
            services::BROKER,
            services::MPTO,
            services::THIRD_PARTY_LOGISTICS,
            services::FOREIGN_MANUFACTURER,
            common::COMMON,
        ];
        tables.iter().flat_map(|t| t.iter().copied()).collect()
    })
}

/// The rule catalogue: every rule with its code, types, description, source and kind.
///
/// ```
/// let rules = ctpat::eligibility::rules();
/// let mut codes: Vec<_> = rules.iter().map(|r| r.code.as_str()).collect();
/// codes.sort_unstable();
/// codes.dedup();
/// assert_eq!(codes.len(), rules.len()); // codes are unique
/// ```
pub fn rules() -> Vec<RuleInfo> {
    rule_table().iter().map(Rule::info).collect()
}

/// Checks whether `partner` is eligible to apply as its business type on `as_of`.
///
/// ```
/// use ctpat::eligibility::{check_eligibility, EligibilityOutcome};
/// use time::macros::date;
/// let partner = serde_json::from_str(r#"{"business_type": "rail_carrier",
///   "identifiers": {"scac": "QWRT"}, "bonds": [{"bond_type": "common_carrier", "active": true}],
///   "addresses": [{"country": "CA", "staffed_office": true}],
///   "facts": {"officer_designated_for_security": true, "agreement_signed_by_officer": true,
///     "security_profile_complete": true, "risk_assessment_before_profile": true,
///     "industry_requirements_met": true, "unpaid_final_cbp_debt": false,
///     "last_border_crossing_on": "2025-03-15"}}"#).unwrap();
/// let report = check_eligibility(&partner, date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!(report.outcome, EligibilityOutcome::Eligible);
/// ```
pub fn check_eligibility(partner: &Partner, as_of: Date, policy: &Policy) -> EligibilityReport {
    let ctx = Ctx {
        partner,
        as_of,
        policy,
    };
    let mut results = Vec::new();
    let mut findings = Vec::new();
    let mut failed = false;
    let mut missing = false;
    for rule in rule_table()
        .iter()
        .filter(|r| r.applies_to(partner.business_type))
    {
        let Some(eval) = (rule.evaluate)(&ctx) else {
            continue;
        };
        let kind = if eval.advisory {
            RuleKind::Advisory
        } else {
            rule.kind
        };
        match (kind, eval.status) {
            (RuleKind::Computed | RuleKind::CbpDecision, RuleStatus::NotMet) => {
                failed = true;
                findings.push(rule_finding(Severity::Error, rule.code, &eval));
            }
            (RuleKind::Advisory, RuleStatus::NotMet) => {
                findings.push(rule_finding(Severity::Warning, rule.code, &eval));
            }
            (RuleKind::Computed, RuleStatus::Unknown) => {
                missing = true;
                findings.push(missing_fact(Severity::Warning, rule.code, &eval.path));
            }
            (RuleKind::Advisory, RuleStatus::Unknown) => {
                findings.push(missing_fact(Severity::Info, rule.code, &eval.path));
            }
            (_, RuleStatus::Met) | (RuleKind::CbpDecision, RuleStatus::Unknown) => {}
        }
        findings.extend(eval.findings.into_iter().map(|mut f| {
            if kind == RuleKind::Advisory && f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
            f
        }));
        results.push(RuleResult {
            code: Cow::Borrowed(rule.code),
            kind,
            status: eval.status,
            message: eval.message,
            path: eval.path,
            source: Cow::Borrowed(rule.source),
        });
    }
    sort_findings(&mut findings);
    findings.dedup();
    let outcome = if failed {
        EligibilityOutcome::Ineligible
    } else if missing {
        EligibilityOutcome::Incomplete
    } else {
        EligibilityOutcome::Eligible
    };
    EligibilityReport {
        outcome,
        business_type: partner.business_type,
        as_of,
        results,
        findings,
        rules_version: crate::RULES_VERSION.to_owned(),
    }
}

fn rule_finding(severity: Severity, code: &str, eval: &eval::Eval) -> Finding {
    Finding::new(severity, code, eval.path.clone()).message(eval.message.clone())
}

fn missing_fact(severity: Severity, code: &str, path: &str) -> Finding {
    Finding::new(severity, "eligibility.missing_fact", path)
        .message(format!("supply `{path}` (needed by `{code}`)"))
        .param("rule", code)
}

crate::redact::masked_debug!(RuleResult, EligibilityReport, RuleInfo);

#[cfg(test)]
mod tests;
