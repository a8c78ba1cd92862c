//! Model-based property tests of the membership lifecycle: random sequences of events, actors
//! and dates are checked against a reference table written out separately from the library's
//! own table.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use ctpat::lifecycle::{
    Actor, AppealOutcome, BenefitCode, Event, EventKind, Membership, Status, SuspensionCause,
    verify_log,
};
use ctpat::{BusinessType, Policy};
use proptest::prelude::*;
use time::{Date, macros::date};

use EventKind as E;
use Status as S;

/// Where the reference says an event leads.
#[derive(Debug, Clone, Copy, PartialEq)]
enum To {
    Is(Status),
    Same,
    BeforeSuspension,
    Appeal,
}

const MEMBER: [Status; 3] = [S::Certified, S::Validated, S::Tier3];
const NON_TERMINAL: [Status; 7] = [
    S::PreApplicant,
    S::Applicant,
    S::Approved,
    S::Certified,
    S::Validated,
    S::Tier3,
    S::Suspended,
];
const APPEALABLE: [Status; 4] = [S::Rejected, S::Ineligible, S::Suspended, S::Removed];

/// The reference table (domain.md §6.3), as plain data: from-set, event, target, actors.
fn reference() -> Vec<(Vec<Status>, EventKind, To, Vec<Actor>)> {
    use Actor::*;
    let member = MEMBER.to_vec();
    let member_or_suspended = [MEMBER.as_slice(), &[S::Suspended]].concat();
    vec![
        (
            vec![S::None],
            E::ApplicationStarted,
            To::Is(S::PreApplicant),
            vec![PartnerOfficer],
        ),
        (
            vec![S::PreApplicant],
            E::ProfileSubmitted,
            To::Is(S::Applicant),
            vec![PartnerOfficer],
        ),
        (
            vec![S::Applicant],
            E::ProfileApproved,
            To::Is(S::Approved),
            vec![CbpScss],
        ),
        (
            vec![S::Approved],
            E::Certified,
            To::Is(S::Certified),
            vec![CbpScss],
        ),
        (
            vec![S::Applicant, S::Approved],
            E::Rejected,
            To::Is(S::Rejected),
            vec![CbpScss],
        ),
        (
            vec![S::Applicant],
            E::FoundIneligible,
            To::Is(S::Ineligible),
            vec![CbpScss],
        ),
        (
            vec![S::Certified],
            E::ValidationPassed,
            To::Is(S::Validated),
            vec![CbpScss],
        ),
        (
            vec![S::Validated, S::Tier3],
            E::RevalidationPassed,
            To::Same,
            vec![CbpScss],
        ),
        (
            vec![S::Validated],
            E::Tier3Granted,
            To::Is(S::Tier3),
            vec![CbpHq],
        ),
        (
            member.clone(),
            E::Suspended,
            To::Is(S::Suspended),
            vec![CbpScss],
        ),
        (
            vec![S::Suspended],
            E::Reinstated,
            To::BeforeSuspension,
            vec![CbpScss],
        ),
        (
            vec![S::Suspended],
            E::SuspensionResponseMissed,
            To::Is(S::Withdrawn),
            vec![System],
        ),
        (
            member_or_suspended.clone(),
            E::Removed,
            To::Is(S::Removed),
            vec![CbpHq],
        ),
        (
            NON_TERMINAL.to_vec(),
            E::ProfileUpdateDeadlineMissed,
            To::Is(S::Withdrawn),
            vec![System],
        ),
        (
            NON_TERMINAL.to_vec(),
            E::WithdrawalRequested,
            To::Is(S::Withdrawn),
            vec![PartnerPoc, PartnerOfficer],
        ),
        (
            APPEALABLE.to_vec(),
            E::AppealFiled,
            To::Same,
            vec![PartnerOfficer],
        ),
        (
            APPEALABLE.to_vec(),
            E::AppealDecided,
            To::Appeal,
            vec![CbpHq],
        ),
        (
            vec![S::Withdrawn, S::Rejected, S::Removed],
            E::Reapplied,
            To::Is(S::PreApplicant),
            vec![PartnerOfficer],
        ),
        (member.clone(), E::ValidationFailed, To::Same, vec![CbpScss]),
        (
            member_or_suspended.clone(),
            E::AnnualReviewSubmitted,
            To::Same,
            vec![PartnerOfficer],
        ),
        (
            NON_TERMINAL.to_vec(),
            E::ProfileUpdateSubmitted,
            To::Same,
            vec![PartnerPoc, PartnerOfficer],
        ),
        (
            vec![S::Suspended],
            E::SuspensionResponseSubmitted,
            To::Same,
            vec![PartnerOfficer, PartnerPoc],
        ),
        (member, E::BenefitRestricted, To::Same, vec![CbpScss, CbpHq]),
        (
            member_or_suspended,
            E::BenefitRestored,
            To::Same,
            vec![CbpScss, CbpHq],
        ),
        (
            NON_TERMINAL.to_vec(),
            E::BlankProfileNoticeSent,
            To::Same,
            vec![CbpScss, CbpHq],
        ),
    ]
}

/// Guard codes an allowed (from, event, actor) may still fail with.
fn guard_codes(kind: EventKind) -> &'static [&'static str] {
    match kind {
        E::ApplicationStarted | E::Reapplied => &["lifecycle.reapply_barred"],
        E::Tier3Granted => &["lifecycle.tier3_business_type"],
        E::Suspended => &["lifecycle.no_failed_validation"],
        E::SuspensionResponseMissed | E::ProfileUpdateDeadlineMissed => {
            &["lifecycle.deadline_not_passed"]
        }
        E::AppealFiled => &[
            "lifecycle.appeal_already_filed",
            "lifecycle.appeal_window_closed",
        ],
        E::AppealDecided => &["lifecycle.no_pending_appeal"],
        E::BenefitRestored => &["lifecycle.benefit_not_restricted"],
        _ => &[],
    }
}

const CAUSES: [SuspensionCause; 4] = [
    SuspensionCause::BondDataMissing,
    SuspensionCause::FailedValidationNoncompliance,
    SuspensionCause::IncidentOrBreach,
    SuspensionCause::Other,
];

#[derive(Debug, Clone)]
struct Step {
    kind: usize,
    actor: usize,
    days: i64,
    cause: usize,
    reversed: bool,
    false_data: bool,
    advance_first: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0..EventKind::ALL.len(),
        0..Actor::ALL.len(),
        prop::sample::select(vec![-3i64, 0, 1, 5, 20, 60, 100, 200, 400]),
        0..CAUSES.len(),
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.7),
    )
        .prop_map(
            |(kind, actor, days, cause, reversed, false_data, advance_first)| Step {
                kind,
                actor,
                days,
                cause,
                reversed,
                false_data,
                advance_first,
            },
        )
}

/// Biased toward the legal path so deep statuses are reached: each step is either random or
/// the legal event for the current status with its right actor.
fn steps() -> impl Strategy<Value = Vec<(bool, Step)>> {
    prop::collection::vec((prop::bool::weighted(0.7), step()), 0..60)
}

fn policy(i: u8) -> Policy {
    match i % 3 {
        0 => Policy::current(),
        1 => Policy::portal_2006(),
        _ => {
            let mut p = Policy::portal_2006_importers_july();
            p.revalidation_interval_years = 3;
            p.suspension_response_days = 30;
            p
        }
    }
}

fn event_for(kind: EventKind, s: &Step) -> Event {
    let mut e = Event::new(kind)
        .cause(CAUSES[s.cause])
        .outcome(if s.reversed {
            AppealOutcome::Reversed
        } else {
            AppealOutcome::Upheld
        })
        .benefit(BenefitCode::FastLanes)
        .reason("tested");
    e.false_data = s.false_data;
    e
}

fn check_invariants(m: &Membership, p: &Policy, at: Date) -> Result<(), TestCaseError> {
    let v = verify_log(&m.log);
    prop_assert!(v.ok, "log fails: {v:?}");
    let replayed = Membership::replay(m.business_type, &m.log, p)
        .map_err(|e| TestCaseError::fail(format!("replay failed: {} {}", e.code(), e)))?;
    prop_assert_eq!(&replayed, m);
    let text = serde_json::to_string(m).unwrap();
    let back: Membership = serde_json::from_str(&text).unwrap();
    prop_assert_eq!(&back, m);
    let far = ctpat::calendar::add_days(at, 500).unwrap();
    let mid = ctpat::calendar::add_days(at, 120).unwrap();
    let (once, _) = m.advance(far, p).unwrap();
    let (twice, again) = once.advance(far, p).unwrap();
    prop_assert!(again.is_empty());
    prop_assert_eq!(&twice, &once);
    let (first, _) = m.advance(mid, p).unwrap();
    let (second, _) = first.advance(far, p).unwrap();
    prop_assert_eq!(&second, &once);
    prop_assert!(m.deadlines(at, p).is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn status_follows_the_reference_table(
        start_days in 0i64..2000,
        type_index in 0..BusinessType::ALL.len(),
        policy_index in any::<u8>(),
        script in steps(),
    ) {
        let table = reference();
        let p = policy(policy_index);
        let mut m = Membership::new(BusinessType::ALL[type_index]);
        let mut at = ctpat::calendar::add_days(date!(2003 - 01 - 01), start_days).unwrap();
        let mut before_suspension: Option<Status> = None;
        for (guided, s) in script {
            at = ctpat::calendar::add_days(at, s.days).unwrap();
            if s.advance_first {
                m = m.advance(at, &p).unwrap().0;
            }
            let (kind, actor) = if guided {
                // Mostly keep moving forward so that deep statuses are reached.
                let exits = [
                    E::WithdrawalRequested,
                    E::ProfileUpdateSubmitted,
                    E::ProfileUpdateDeadlineMissed,
                    E::SuspensionResponseMissed,
                    E::Rejected,
                    E::FoundIneligible,
                    E::Removed,
                ];
                let forward = s.cause != 0;
                let legal: Vec<_> = table
                    .iter()
                    .filter(|r| r.0.contains(&m.status) && !(forward && exits.contains(&r.1)))
                    .collect();
                if legal.is_empty() {
                    continue;
                }
                let row = legal[s.kind % legal.len()];
                (row.1, row.3[s.actor % row.3.len()])
            } else {
                (EventKind::ALL[s.kind], Actor::ALL[s.actor])
            };
            let from = m.status;
            let event = event_for(kind, &s);
            let row = table.iter().find(|r| r.1 == kind).unwrap();
            let last = m.last_event_on();
            let pending = m.next_consequence(&p).unwrap();
            let result = m.apply(&event, actor, at, &p);
            match result {
                Ok((next, t)) => {
                    prop_assert!(last.is_none_or(|l| l <= at));
                    prop_assert!(row.0.contains(&from), "{from} + {kind} allowed");
                    prop_assert!(row.3.contains(&actor), "{actor} may {kind}");
                    prop_assert_eq!(t.from, from);
                    prop_assert_eq!(next.status, t.to);
                    match row.2 {
                        To::Is(to) => prop_assert_eq!(t.to, to),
                        To::Same => prop_assert_eq!(t.to, from),
                        To::BeforeSuspension => prop_assert_eq!(Some(t.to), before_suspension),
                        To::Appeal => {
                            if !s.reversed {
                                prop_assert_eq!(t.to, from);
                            }
                        }
                    }
                    if kind == E::Suspended {
                        before_suspension = Some(from);
                    }
                    if next.status.is_member() {
                        before_suspension = None;
                    }
                    if t.to == S::Suspended && kind == E::AppealDecided {
                        before_suspension = next.status_before_suspension;
                    }
                    prop_assert_eq!(next.log.len(), m.log.len() + 1);
                    m = next;
                }
                Err(e) => {
                    let code = e.code();
                    let expected_first = if last.is_some_and(|l| at < l) {
                        Some("lifecycle.date_before_last_event")
                    } else if actor != Actor::System && pending.is_some_and(|(d, _)| d <= at) {
                        Some("lifecycle.advance_required")
                    } else if !row.0.contains(&from) {
                        Some("lifecycle.illegal_transition")
                    } else if !row.3.contains(&actor) {
                        Some("lifecycle.actor_not_allowed")
                    } else {
                        None
                    };
                    match expected_first {
                        Some(want) => prop_assert_eq!(code, want),
                        None => prop_assert!(
                            guard_codes(kind).contains(&code)
                                || code == "lifecycle.bond_missing_blocks_actions",
                            "{from} + {kind} by {actor}: unexpected {code}: {e}"
                        ),
                    }
                }
            }
            prop_assert!(Status::ALL.contains(&m.status));
            check_invariants(&m, &p, at)?;
        }
    }

    #[test]
    fn extreme_dates_never_panic(
        days in prop::sample::select(vec![0i64, 1, 30, 89, 90, 91, 365, 3_650]),
        kind in 0..EventKind::ALL.len(),
        actor in 0..Actor::ALL.len(),
        near_end in any::<bool>(),
    ) {
        let p = Policy::portal_2006();
        let base = if near_end { date!(9999 - 12 - 31) } else { date!(0001 - 01 - 01) };
        let at = if near_end {
            ctpat::calendar::add_days(base, -days).unwrap_or(base)
        } else {
            ctpat::calendar::add_days(base, days).unwrap_or(base)
        };
        let mut m = Membership::new(BusinessType::Importer);
        for (k, a) in [
            (E::ApplicationStarted, Actor::PartnerOfficer),
            (E::ProfileSubmitted, Actor::PartnerOfficer),
            (E::ProfileApproved, Actor::CbpScss),
            (E::Certified, Actor::CbpScss),
        ] {
            if let Ok((next, _)) = m.apply(&Event::new(k), a, at, &p) {
                m = next;
            }
        }
        let s = Step { kind, actor, days, cause: 2, reversed: true, false_data: false, advance_first: false };
        let result = m.apply(&event_for(EventKind::ALL[kind], &s), Actor::ALL[actor], at, &p);
        if let Err(e) = result {
            prop_assert!(!e.code().is_empty());
        }
        for as_of in [at, date!(9999 - 12 - 31)] {
            if let Err(e) = m.deadlines(as_of, &p) {
                prop_assert_eq!(e.code(), "date_out_of_range");
            }
            if let Err(e) = m.advance(as_of, &p) {
                prop_assert_eq!(e.code(), "date_out_of_range");
            }
        }
        let before_one = Date::from_calendar_date(-3, time::Month::March, 1).unwrap();
        let e = Membership::new(BusinessType::Importer)
            .apply(&Event::new(E::ApplicationStarted), Actor::PartnerOfficer, before_one, &p)
            .unwrap_err();
        prop_assert_eq!(e.code(), "date_out_of_range");
    }
}
