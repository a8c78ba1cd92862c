//! Common rules (domain.md §2.2), repeated on the CBP type pages.
//!
//! Scope: rules 1-5 and 8 apply to every type; rule 6 (sector requirements) to carriers,
//! brokers and manufacturers; rule 7 (no final unpaid CBP debt) to the types in
//! `policy.unpaid_debt_rule_types` (importer, port operators, consolidators: [CBP-IMP],
//! [CBP-MPTO], [CBP-CONS]) and, as a warning, to the others when
//! `policy.unpaid_debt_rule_other_types_warn` is set (§9 C16). The per-type codes
//! `consolidator.no_final_unpaid_cbp_debt` and `mpto.no_final_unpaid_cbp_debt` are this rule.

use super::eval::{Eval, fact_path, flag};
use super::{Ctx, Rule, RuleKind};
use crate::entity::BusinessType as T;

const SOURCE: &str = "seed 003_748fa2daea8a8359.txt";

/// Carriers, brokers and manufacturers (common rule 6).
const SECTOR_TYPES: &[T] = &[
    T::HighwayCarrierUsCanada,
    T::HighwayCarrierUsMexico,
    T::MexicanLongHaulCarrier,
    T::RailCarrier,
    T::SeaCarrier,
    T::AirCarrier,
    T::CustomsBroker,
    T::ForeignManufacturer,
];

/// The common rules.
pub(crate) const COMMON: &[Rule] = &[
    Rule {
        code: "common.no_significant_security_events",
        business_types: T::ALL,
        kind: RuleKind::CbpDecision,
        description: "cbp decision: excellent security practice and no significant security events",
        source: SOURCE,
        evaluate: |ctx| {
            Some(decision(
                ctx.partner.cbp_decisions.no_significant_security_events,
                "no_significant_security_events",
                "cbp recorded no significant security events",
                "cbp recorded significant security events",
            ))
        },
    },
    Rule {
        code: "common.individual_review",
        business_types: T::ALL,
        kind: RuleKind::CbpDecision,
        description: "cbp decision: issues of concern found in the individual review make the applicant ineligible",
        source: SOURCE,
        evaluate: |ctx| {
            Some(decision(
                ctx.partner.cbp_decisions.individual_review_passed,
                "individual_review_passed",
                "cbp's individual review raised no issue of concern",
                "cbp's individual review found issues of concern",
            ))
        },
    },
    Rule {
        code: "common.officer_designated",
        business_types: T::ALL,
        kind: RuleKind::Computed,
        description: "a company officer is the primary cargo-security officer",
        source: SOURCE,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.officer_designated_for_security,
                "officer_designated_for_security",
                true,
                "a company officer is the primary cargo-security officer",
                "no company officer is designated as the primary cargo-security officer",
            ))
        },
    },
    Rule {
        code: "common.agreement_signed_by_officer",
        business_types: T::ALL,
        kind: RuleKind::Computed,
        description: "an officer signs the ctpat-partner agreement to voluntarily participate",
        source: SOURCE,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.agreement_signed_by_officer,
                "agreement_signed_by_officer",
                true,
                "an officer signed the partner agreement",
                "the partner agreement is not signed by an officer",
            ))
        },
    },
    Rule {
        code: "common.security_profile_complete",
        business_types: T::ALL,
        kind: RuleKind::Computed,
        description: "the portal security profile covers the msc of the company's own type",
        source: SOURCE,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.security_profile_complete,
                "security_profile_complete",
                true,
                "the security profile covers the msc of the type",
                "the security profile does not cover the msc of the type",
            ))
        },
    },
    Rule {
        code: "common.industry_requirements_met",
        business_types: SECTOR_TYPES,
        kind: RuleKind::Computed,
        description: "carriers, brokers and manufacturers meet their sector requirements",
        source: SOURCE,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.industry_requirements_met,
                "industry_requirements_met",
                true,
                "sector requirements are met",
                "sector requirements are not met",
            ))
        },
    },
    Rule {
        code: "common.no_final_unpaid_cbp_debt",
        business_types: T::ALL,
        kind: RuleKind::Computed,
        description: "no final unpaid cbp debt (remedies exhausted), at application and each annual renewal; \
            certain for the types in `policy.unpaid_debt_rule_types`, a warning for the others when \
            `policy.unpaid_debt_rule_other_types_warn`",
        source: "seed 003_748fa2daea8a8359.txt; [CBP-IMP]; [CBP-MPTO]; [CBP-CONS]; §9 C16",
        evaluate: no_final_unpaid_cbp_debt,
    },
    Rule {
        code: "common.risk_assessment_before_profile",
        business_types: T::ALL,
        kind: RuleKind::Advisory,
        description: "advisory: the risk assessment precedes the security profile",
        source: SOURCE,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.risk_assessment_before_profile,
                "risk_assessment_before_profile",
                true,
                "the risk assessment preceded the profile",
                "the risk assessment should precede the security profile",
            ))
        },
    },
];

fn decision(value: Option<bool>, name: &str, met: &str, not_met: &str) -> Eval {
    let path = format!("/cbp_decisions/{name}");
    match value {
        Some(true) => Eval::met(met, path),
        Some(false) => Eval::not_met(not_met, path),
        None => Eval::unknown("decided by cbp during its review; not recorded yet", path),
    }
}

fn no_final_unpaid_cbp_debt(ctx: &Ctx<'_>) -> Option<Eval> {
    let in_scope = ctx
        .policy
        .unpaid_debt_rule_types
        .contains(&ctx.partner.business_type);
    if !in_scope && !ctx.policy.unpaid_debt_rule_other_types_warn {
        return None;
    }
    let eval = match ctx.partner.facts.unpaid_final_cbp_debt {
        Some(false) => Eval::met(
            "no final unpaid cbp debt",
            fact_path("unpaid_final_cbp_debt"),
        ),
        Some(true) if in_scope => Eval::not_met(
            "the company has a final unpaid cbp debt",
            fact_path("unpaid_final_cbp_debt"),
        ),
        Some(true) => Eval::not_met(
            format!(
                "the company has a final unpaid cbp debt (warning only: `{}` is outside the \
                 policy's `unpaid_debt_rule_types`)",
                ctx.partner.business_type
            ),
            fact_path("unpaid_final_cbp_debt"),
        ),
        None => Eval::unknown(
            "`unpaid_final_cbp_debt` is not given",
            fact_path("unpaid_final_cbp_debt"),
        ),
    };
    Some(if in_scope { eval } else { eval.advisory() })
}
