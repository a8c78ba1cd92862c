//! Benefits derived from status, tier and restrictions (domain.md §5.5, §8).

use serde::{Deserialize, Serialize};

use super::membership::Membership;
use super::status::Status;
use crate::entity::BusinessType;
use crate::policy::Policy;

/// A CTPAT benefit (domain.md §8; tier reductions §5.5).
///
/// ```
/// use ctpat::lifecycle::BenefitCode;
/// assert_eq!(serde_json::to_value(BenefitCode::FastLanes).ok(), Some(serde_json::json!("fast_lanes")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BenefitCode {
    /// Tier 1: ATS score reduction up to 20 % of the high-risk threshold ([6 USC 964]).
    AtsReductionTier1,
    /// Tier 2: lower risk scores ([6 USC 965]).
    AtsReductionTier2,
    /// Tier 3: further reductions ([6 USC 966]).
    AtsReductionTier3,
    /// Fewer examinations.
    ReducedExaminations,
    /// Front-of-line inspections.
    FrontOfLineInspections,
    /// Possible exemption from stratified exams.
    StratifiedExamExemption,
    /// Shorter border waits.
    ShorterBorderWaits,
    /// An assigned Supply Chain Security Specialist.
    AssignedScss,
    /// Access to FAST lanes.
    FastLanes,
    /// Portal and training access.
    PortalAndTraining,
    /// Recognition under mutual recognition arrangements.
    MraRecognition,
    /// Eligibility for government pilots (FDA Secure Supply Chain).
    GovernmentPilots,
    /// Priority in business resumption after an incident.
    BusinessResumptionPriority,
    /// Importers at Tier 2 or 3: Trade Compliance (formerly ISA) eligibility ([CBP-TC]).
    TradeComplianceEligibility,
    /// Priority at the Centers of Excellence and Expertise.
    CeePriority,
}

/// A benefit the membership currently enjoys.
///
/// ```
/// use ctpat::lifecycle::{BenefitCode, describe};
/// let b = describe(BenefitCode::TradeComplianceEligibility);
/// assert_eq!(b.code, BenefitCode::TradeComplianceEligibility);
/// assert!(b.source.contains("[CBP-TC]"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Benefit {
    /// Stable code.
    pub code: BenefitCode,
    /// One line.
    pub description: String,
    /// Where it comes from.
    pub source: String,
}

/// Who gets a benefit: minimum tier and, if set, business types.
struct BenefitRule {
    code: BenefitCode,
    min_tier: u8,
    exact_tier: bool,
    types: Option<&'static [BusinessType]>,
    description: &'static str,
    source: &'static str,
}

const SEED_003: &str = "seed 003_748fa2daea8a8359.txt";

const fn general(code: BenefitCode, description: &'static str) -> BenefitRule {
    BenefitRule {
        code,
        min_tier: 1,
        exact_tier: false,
        types: None,
        description,
        source: SEED_003,
    }
}

/// The benefit table, in output order.
const BENEFITS: &[BenefitRule] = &[
    BenefitRule {
        code: BenefitCode::AtsReductionTier1,
        min_tier: 1,
        exact_tier: true,
        types: None,
        description: "ats score reduction up to 20 % of the high-risk threshold",
        source: "[6 USC 964]; domain.md §5.5",
    },
    BenefitRule {
        code: BenefitCode::AtsReductionTier2,
        min_tier: 2,
        exact_tier: true,
        types: None,
        description: "lower risk scores and fewer examinations than tier 1",
        source: "[6 USC 965]; domain.md §5.5",
    },
    BenefitRule {
        code: BenefitCode::AtsReductionTier3,
        min_tier: 3,
        exact_tier: true,
        types: None,
        description: "further risk score reductions beyond tier 2",
        source: "[6 USC 966]; domain.md §5.5",
    },
    general(BenefitCode::ReducedExaminations, "fewer examinations"),
    general(
        BenefitCode::FrontOfLineInspections,
        "front-of-line inspections",
    ),
    general(
        BenefitCode::StratifiedExamExemption,
        "possible exemption from stratified exams",
    ),
    general(BenefitCode::ShorterBorderWaits, "shorter border waits"),
    general(
        BenefitCode::AssignedScss,
        "an assigned supply chain security specialist",
    ),
    general(BenefitCode::FastLanes, "access to fast lanes"),
    general(BenefitCode::PortalAndTraining, "portal and training access"),
    general(
        BenefitCode::MraRecognition,
        "recognition under mutual recognition arrangements",
    ),
    general(
        BenefitCode::GovernmentPilots,
        "eligibility for government pilots (fda secure supply chain)",
    ),
    general(
        BenefitCode::BusinessResumptionPriority,
        "priority in business resumption",
    ),
    BenefitRule {
        code: BenefitCode::TradeComplianceEligibility,
        min_tier: 2,
        exact_tier: false,
        types: Some(&[BusinessType::Importer]),
        description: "may apply for trade compliance (importers at tier 2 or 3 in good standing)",
        source: "seed 003_748fa2daea8a8359.txt; [CBP-TC]; [TC-MAN]",
    },
    general(
        BenefitCode::CeePriority,
        "priority at the centers of excellence and expertise",
    ),
];

/// The benefits a partner of `business_type` enjoys in `status` (before restrictions).
/// Suspended: paused (none); withdrawn, removed and every non-member status: none.
///
/// ```
/// use ctpat::lifecycle::{BenefitCode, Status, benefits_for};
/// use ctpat::BusinessType;
/// assert!(benefits_for(BusinessType::Importer, Status::Validated).contains(&BenefitCode::TradeComplianceEligibility));
/// assert!(!benefits_for(BusinessType::RailCarrier, Status::Validated).contains(&BenefitCode::TradeComplianceEligibility));
/// assert!(benefits_for(BusinessType::Importer, Status::Suspended).is_empty()); // paused
/// ```
pub fn benefits_for(business_type: BusinessType, status: Status) -> Vec<BenefitCode> {
    let Some(tier) = status.tier() else {
        return Vec::new();
    };
    BENEFITS
        .iter()
        .filter(|b| {
            let tier_ok = if b.exact_tier {
                tier == b.min_tier
            } else {
                tier >= b.min_tier
            };
            tier_ok && b.types.is_none_or(|t| t.contains(&business_type))
        })
        .map(|b| b.code)
        .collect()
}

/// Describes a benefit code.
///
/// ```
/// use ctpat::lifecycle::{BenefitCode, describe};
/// let b = describe(BenefitCode::AssignedScss);
/// assert_eq!(b.description, "an assigned supply chain security specialist");
/// assert!(!b.source.is_empty());
/// ```
pub fn describe(code: BenefitCode) -> Benefit {
    let rule = BENEFITS.iter().find(|b| b.code == code);
    Benefit {
        code,
        description: rule.map_or("", |r| r.description).to_owned(),
        source: rule.map_or("", |r| r.source).to_owned(),
    }
}

impl Membership {
    /// The benefit codes the membership enjoys now: from status and tier, minus restrictions.
    ///
    /// ```
    /// use ctpat::lifecycle::BenefitCode;
    /// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
    /// # use ctpat::{BusinessType, Policy};
    /// # use time::macros::date;
    /// # let p = Policy::current();
    /// # let mut m = Membership::new(BusinessType::Importer);
    /// # for (k, a, d) in [
    /// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
    /// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
    /// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
    /// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
    /// # ] {
    /// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
    /// # }
    /// assert!(m.benefit_codes().contains(&BenefitCode::FastLanes));
    /// let restrict = Event::new(EventKind::BenefitRestricted).benefit(BenefitCode::FastLanes);
    /// m.apply_mut(&restrict, Actor::CbpScss, date!(2024-06-01), &p).unwrap();
    /// assert!(!m.benefit_codes().contains(&BenefitCode::FastLanes));
    /// ```
    pub fn benefit_codes(&self) -> Vec<BenefitCode> {
        benefits_for(self.business_type, self.status)
            .into_iter()
            .filter(|c| !self.benefit_restrictions.contains(c))
            .collect()
    }

    /// The benefits the membership enjoys now (domain.md §8). Suspended: paused, so none;
    /// withdrawn or removed: all end. The policy is taken for future policy-dependent benefits.
    ///
    /// ```
    /// use ctpat::lifecycle::BenefitCode;
    /// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
    /// # use ctpat::{BusinessType, Policy};
    /// # use time::macros::date;
    /// # let p = Policy::current();
    /// # let mut m = Membership::new(BusinessType::Importer);
    /// # for (k, a, d) in [
    /// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
    /// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
    /// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
    /// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
    /// # ] {
    /// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
    /// # }
    /// let benefits = m.benefits(&p);
    /// assert!(benefits.iter().any(|b| b.code == BenefitCode::AtsReductionTier1));
    /// assert_eq!(Membership::new(BusinessType::Importer).benefits(&p), []);
    /// ```
    pub fn benefits(&self, _policy: &Policy) -> Vec<Benefit> {
        self.benefit_codes().into_iter().map(describe).collect()
    }
}

crate::redact::masked_debug!(Benefit);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_and_types_decide_the_benefits() {
        let t1 = benefits_for(BusinessType::Importer, Status::Certified);
        assert!(t1.contains(&BenefitCode::AtsReductionTier1));
        assert!(t1.contains(&BenefitCode::FastLanes));
        assert!(!t1.contains(&BenefitCode::TradeComplianceEligibility));
        let t2 = benefits_for(BusinessType::Importer, Status::Validated);
        assert!(t2.contains(&BenefitCode::TradeComplianceEligibility));
        assert!(!t2.contains(&BenefitCode::AtsReductionTier1));
        let carrier = benefits_for(BusinessType::RailCarrier, Status::Tier3);
        assert!(!carrier.contains(&BenefitCode::TradeComplianceEligibility));
        for s in [Status::Suspended, Status::Withdrawn, Status::Removed] {
            assert!(benefits_for(BusinessType::Importer, s).is_empty());
        }
    }
}
