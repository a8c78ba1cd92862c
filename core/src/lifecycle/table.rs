//! The transition table as data (domain.md §6.3), listed by [`transitions`].

use serde::Serialize;

use super::event::EventKind;
use super::status::{Actor, Status};
use Actor::{CbpHq, CbpScss, PartnerOfficer, PartnerPoc, System};
use Status::{
    Applicant, Approved, Certified, Ineligible, PreApplicant, Rejected, Removed, Suspended, Tier3,
    Validated, Withdrawn,
};

/// Where a transition leads.
///
/// ```
/// use ctpat::lifecycle::{EventKind, Target, rule_for};
/// assert_eq!(rule_for(EventKind::Reinstated).map(|r| r.to), Some(Target::BeforeSuspension));
/// let json = serde_json::to_value(Target::Status(ctpat::lifecycle::Status::Certified)).ok();
/// assert_eq!(json, Some(serde_json::json!({"kind": "status", "status": "certified"})));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "status")]
pub enum Target {
    /// A fixed status.
    Status(Status),
    /// The status does not change (an event on another axis, or a revalidation).
    Same,
    /// The status held before the suspension (T11).
    BeforeSuspension,
    /// Reversed: the status before the appealed decision; upheld: unchanged (T17).
    AppealOutcome,
}

/// One row of the transition table.
///
/// ```
/// use ctpat::lifecycle::{Actor, EventKind, rule_for};
/// let t12 = rule_for(EventKind::SuspensionResponseMissed).unwrap();
/// assert_eq!((t12.id, t12.actors), ("T12", &[Actor::System][..]));
/// assert!(t12.deadline_driven);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TransitionRule {
    /// `T01`–`T18` as in domain.md §6.3; `A01`… for recorded events that never change status.
    pub id: &'static str,
    /// The event that triggers it.
    pub event: EventKind,
    /// Statuses it may start from.
    pub from: &'static [Status],
    /// Where it leads.
    pub to: Target,
    /// Actors allowed to cause it.
    pub actors: &'static [Actor],
    /// Guard and timing, one line.
    pub guard: &'static str,
    /// Whether only a passed deadline causes it (applied by `advance`).
    pub deadline_driven: bool,
    /// Where the rule comes from (domain.md citation style).
    pub source: &'static str,
}

const MEMBER: &[Status] = &[Certified, Validated, Tier3];
const MEMBER_OR_SUSPENDED: &[Status] = &[Certified, Validated, Tier3, Suspended];
const NON_TERMINAL: &[Status] = &[
    PreApplicant,
    Applicant,
    Approved,
    Certified,
    Validated,
    Tier3,
    Suspended,
];
const APPEALABLE: &[Status] = &[Rejected, Ineligible, Suspended, Removed];

/// The transition table: one row per event kind.
///
/// ```
/// use ctpat::lifecycle::{EventKind, TRANSITIONS};
/// assert_eq!(TRANSITIONS.len(), EventKind::ALL.len()); // one row per event kind
/// assert_eq!(TRANSITIONS.iter().filter(|r| r.id.starts_with('T')).count(), 18);
/// ```
pub const TRANSITIONS: &[TransitionRule] = &[
    TransitionRule {
        id: "T01",
        event: EventKind::ApplicationStarted,
        from: &[Status::None],
        to: Target::Status(PreApplicant),
        actors: &[PartnerOfficer],
        guard: "company profile created and agreement signed",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt",
    },
    TransitionRule {
        id: "T02",
        event: EventKind::ProfileSubmitted,
        from: &[PreApplicant],
        to: Target::Status(Applicant),
        actors: &[PartnerOfficer],
        guard: "own MSC covered (checked by the profile module, not here); starts the 90-day certification target",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt",
    },
    TransitionRule {
        id: "T03",
        event: EventKind::ProfileApproved,
        from: &[Applicant],
        to: Target::Status(Approved),
        actors: &[CbpScss],
        guard: "documents may be requested first",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt; 2nd",
    },
    TransitionRule {
        id: "T04",
        event: EventKind::Certified,
        from: &[Approved],
        to: Target::Status(Certified),
        actors: &[CbpScss],
        guard: "vetting cleared; target 90 days from application (late = overdue, no status change)",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt; [6 USC 964]",
    },
    TransitionRule {
        id: "T05",
        event: EventKind::Rejected,
        from: &[Applicant, Approved],
        to: Target::Status(Rejected),
        actors: &[CbpScss],
        guard: "target 90 days from application; appealable within `appeal_days`",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt; [6 USC 967(c)]",
    },
    TransitionRule {
        id: "T06",
        event: EventKind::FoundIneligible,
        from: &[Applicant],
        to: Target::Status(Ineligible),
        actors: &[CbpScss],
        guard: "issue of concern; appealable within `appeal_days`",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt",
    },
    TransitionRule {
        id: "T07",
        event: EventKind::ValidationPassed,
        from: &[Certified],
        to: Target::Status(Validated),
        actors: &[CbpScss],
        guard: "target 1 year after certification; late = overdue only",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt; [6 USC 965]",
    },
    TransitionRule {
        id: "T08",
        event: EventKind::RevalidationPassed,
        from: &[Validated, Tier3],
        to: Target::Same,
        actors: &[CbpScss],
        guard: "every `revalidation_interval_years`; earlier risk-based revalidation allowed",
        deadline_driven: false,
        source: "domain.md §5.2; [6 USC 969]; seed 003_748fa2daea8a8359.txt",
    },
    TransitionRule {
        id: "T09",
        event: EventKind::Tier3Granted,
        from: &[Validated],
        to: Target::Status(Tier3),
        actors: &[CbpHq],
        guard: "exceeds the MSC; business type in `tier3_business_types` (importers; exporters from 2021)",
        deadline_driven: false,
        source: "[6 USC 966]; domain.md §5.5",
    },
    TransitionRule {
        id: "T10",
        event: EventKind::Suspended,
        from: MEMBER,
        to: Target::Status(Suspended),
        actors: &[CbpScss],
        guard: "a `cause` is required; `failed_validation_noncompliance` only after a recorded failed validation; keeps the status before",
        deadline_driven: false,
        source: "seed 002_b14c4bb2b0fafe34.txt; seed 003_748fa2daea8a8359.txt; [CBP-2009]; 2nd",
    },
    TransitionRule {
        id: "T11",
        event: EventKind::Reinstated,
        from: &[Suspended],
        to: Target::BeforeSuspension,
        actors: &[CbpScss],
        guard: "cause cured (bond supplied, or corrective plan and gaps fixed); case by case",
        deadline_driven: false,
        source: "seed 002_b14c4bb2b0fafe34.txt; [CBP-2009]",
    },
    TransitionRule {
        id: "T12",
        event: EventKind::SuspensionResponseMissed,
        from: &[Suspended],
        to: Target::Status(Withdrawn),
        actors: &[System],
        guard: "no reply and no appeal within `suspension_response_days`; starts a `reapply_bar_months` bar",
        deadline_driven: true,
        source: "2nd; domain.md §9 C13",
    },
    TransitionRule {
        id: "T13",
        event: EventKind::Removed,
        from: MEMBER_OR_SUSPENDED,
        to: Target::Status(Removed),
        actors: &[CbpHq],
        guard: "flagrant disregard, knowingly false data or persistent non-compliance; a `reason` is required; appeal 30/90 days",
        deadline_driven: false,
        source: "[6 USC 967(b)]; seed 003_748fa2daea8a8359.txt",
    },
    TransitionRule {
        id: "T14",
        event: EventKind::ProfileUpdateDeadlineMissed,
        from: NON_TERMINAL,
        to: Target::Status(Withdrawn),
        actors: &[System],
        guard: "account and profile not updated before `profile_update_deadlines[type]`; all benefits end; reason `portal_deadline_missed`",
        deadline_driven: true,
        source: "seed 000_ce488379f704c3ca.txt; seed 001_66a073baa83fabba.txt (calls it removal, domain.md §9 C3)",
    },
    TransitionRule {
        id: "T15",
        event: EventKind::WithdrawalRequested,
        from: NON_TERMINAL,
        to: Target::Status(Withdrawn),
        actors: &[PartnerPoc, PartnerOfficer],
        guard: "voluntary written request; account closed, monitoring partners told",
        deadline_driven: false,
        source: "2nd",
    },
    TransitionRule {
        id: "T16",
        event: EventKind::AppealFiled,
        from: APPEALABLE,
        to: Target::Same,
        actors: &[PartnerOfficer],
        guard: "within `appeal_days` of the decision (`appeal_false_data_days` for knowingly false data); one appeal per decision",
        deadline_driven: false,
        source: "[6 USC 967(c)]",
    },
    TransitionRule {
        id: "T17",
        event: EventKind::AppealDecided,
        from: APPEALABLE,
        to: Target::AppealOutcome,
        actors: &[CbpHq],
        guard: "a pending appeal; an `outcome` is required; target `appeal_decision_days` after filing",
        deadline_driven: false,
        source: "[6 USC 967(c)]",
    },
    TransitionRule {
        id: "T18",
        event: EventKind::Reapplied,
        from: &[Withdrawn, Rejected, Removed],
        to: Target::Status(PreApplicant),
        actors: &[PartnerOfficer],
        guard: "blocked until `reapply_barred_until`",
        deadline_driven: false,
        source: "seed 000_ce488379f704c3ca.txt; 2nd",
    },
    TransitionRule {
        id: "A01",
        event: EventKind::ValidationFailed,
        from: MEMBER,
        to: Target::Same,
        actors: &[CbpScss],
        guard: "never changes the status; afterwards suspension (cause `failed_validation_noncompliance`) or removal is allowed",
        deadline_driven: false,
        source: "seed 003_748fa2daea8a8359.txt",
    },
    TransitionRule {
        id: "A02",
        event: EventKind::AnnualReviewSubmitted,
        from: MEMBER_OR_SUSPENDED,
        to: Target::Same,
        actors: &[PartnerOfficer],
        guard: "counts for the anniversary whose window (`annual_review_window_days` before it) contains the date",
        deadline_driven: false,
        source: "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; Portal 2.0 manual",
    },
    TransitionRule {
        id: "A03",
        event: EventKind::ProfileUpdateSubmitted,
        from: NON_TERMINAL,
        to: Target::Same,
        actors: &[PartnerPoc, PartnerOfficer],
        guard: "only a POC writes the account (2006); meets the portal deadline if made before it",
        deadline_driven: false,
        source: "seed 000_ce488379f704c3ca.txt; seed 001_66a073baa83fabba.txt",
    },
    TransitionRule {
        id: "A04",
        event: EventKind::SuspensionResponseSubmitted,
        from: &[Suspended],
        to: Target::Same,
        actors: &[PartnerOfficer, PartnerPoc],
        guard: "stops the automatic withdrawal (T12); with bond data missing it is the only partner action allowed",
        deadline_driven: false,
        source: "2nd; seed 002_b14c4bb2b0fafe34.txt",
    },
    TransitionRule {
        id: "A05",
        event: EventKind::BenefitRestricted,
        from: MEMBER,
        to: Target::Same,
        actors: &[CbpScss, CbpHq],
        guard: "a `benefit` is required; a lesser sanction without a status change",
        deadline_driven: false,
        source: "[CBP-2009]",
    },
    TransitionRule {
        id: "A06",
        event: EventKind::BenefitRestored,
        from: MEMBER_OR_SUSPENDED,
        to: Target::Same,
        actors: &[CbpScss, CbpHq],
        guard: "a `benefit` that is currently restricted",
        deadline_driven: false,
        source: "[CBP-2009]",
    },
    TransitionRule {
        id: "A07",
        event: EventKind::BlankProfileNoticeSent,
        from: NON_TERMINAL,
        to: Target::Same,
        actors: &[CbpScss, CbpHq],
        guard: "starts `blank_profile_response_days` (14) to answer; a profile submission or update answers it; late = overdue, headquarters may act",
        deadline_driven: false,
        source: "2nd; domain.md §6.3 guards",
    },
];

/// Every row of the transition table.
///
/// ```
/// use ctpat::lifecycle::{TRANSITIONS, transitions};
/// assert_eq!(transitions().len(), TRANSITIONS.len());
/// assert_eq!(transitions()[0].id, "T01");
/// ```
pub fn transitions() -> &'static [TransitionRule] {
    TRANSITIONS
}

/// The row for an event kind.
///
/// ```
/// use ctpat::lifecycle::{EventKind, Status, Target, rule_for};
/// let t04 = rule_for(EventKind::Certified).unwrap();
/// assert_eq!((t04.id, t04.from, t04.to), ("T04", &[Status::Approved][..], Target::Status(Status::Certified)));
/// ```
pub fn rule_for(kind: EventKind) -> Option<&'static TransitionRule> {
    TRANSITIONS.iter().find(|r| r.event == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_event_kind_and_unique_ids() {
        for kind in EventKind::ALL {
            assert_eq!(
                TRANSITIONS.iter().filter(|r| r.event == *kind).count(),
                1,
                "{kind}"
            );
        }
        let mut ids: Vec<_> = TRANSITIONS.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TRANSITIONS.len());
        assert_eq!(
            TRANSITIONS.iter().filter(|r| r.id.starts_with('T')).count(),
            18
        );
    }
}
