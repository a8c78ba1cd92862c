//! Deadlines (domain.md §5), [`Membership::advance`] and joint validation of linked accounts.

use serde::{Deserialize, Serialize};
use time::Date;

use super::event::{Event, EventKind};
use super::membership::{Membership, Transition, plus_days, plus_months};
use super::status::{Actor, Status};
use super::table::rule_for;
use crate::calendar;
use crate::error::Error;
use crate::policy::Policy;

/// What is due.
///
/// ```
/// use ctpat::lifecycle::DeadlineKind;
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
/// let kinds: Vec<_> = m.deadlines(date!(2024-06-01), &p).unwrap().iter().map(|d| d.kind).collect();
/// assert!(kinds.contains(&DeadlineKind::FirstValidation) && kinds.contains(&DeadlineKind::AnnualReview));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// CBP certifies or rejects within `certification_decision_days` of application (target).
    CertificationDecision,
    /// First validation within `first_validation_months` of certification (target).
    FirstValidation,
    /// Revalidation every `revalidation_interval_years` (target).
    Revalidation,
    /// Yearly profile review, window opening `annual_review_window_days` before the
    /// certification anniversary.
    AnnualReview,
    /// The suspended partner answers within `suspension_response_days`, else T12.
    SuspensionResponse,
    /// Appeal window (`appeal_days`, or `appeal_false_data_days`).
    AppealWindow,
    /// CBP decides an appeal within `appeal_decision_days` (target).
    AppealDecision,
    /// End of the reapply bar.
    ReapplyBarEnd,
    /// Portal account and profile update (`profile_update_deadlines`), else T14.
    ProfileUpdate,
    /// Answer to a blank-profile notice within `blank_profile_response_days`; late, headquarters
    /// may act (no automatic change).
    BlankProfileResponse,
}

/// Where a deadline stands on `as_of`.
///
/// ```
/// use ctpat::lifecycle::{DeadlineKind, DeadlineState};
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
/// let ds = m.deadlines(date!(2025-04-01), &p).unwrap();
/// let first = ds.iter().find(|d| d.kind == DeadlineKind::FirstValidation).unwrap();
/// assert_eq!((first.due, first.state), (date!(2025-03-01), DeadlineState::Overdue));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// Not yet passed and its window (if any) not yet open.
    Due,
    /// Its window is open now.
    Open,
    /// Passed and not met.
    Overdue,
}

/// One deadline.
///
/// ```
/// use ctpat::lifecycle::{DeadlineKind, DeadlineState};
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
/// let ds = m.deadlines(date!(2025-01-15), &p).unwrap();
/// let review = ds.iter().find(|d| d.kind == DeadlineKind::AnnualReview).unwrap();
/// assert_eq!((review.opens, review.due), (Some(date!(2024-12-01)), date!(2025-03-01)));
/// assert_eq!((review.state, review.consequence.as_deref()), (DeadlineState::Open, None));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// What is due.
    pub kind: DeadlineKind,
    /// First day of its window, if it has one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub opens: Option<Date>,
    /// Last day to act.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub due: Date,
    /// State on `as_of`.
    pub state: DeadlineState,
    /// Only a target for CBP: overdue is shown, no status changes.
    pub target_only: bool,
    /// The transition `advance` applies when it passes unmet (`T12`, `T14`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<String>,
    /// The date that transition takes effect.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub consequence_on: Option<Date>,
    /// Where the rule comes from.
    pub source: String,
}

struct Spec {
    kind: DeadlineKind,
    opens: Option<Date>,
    due: Date,
    target_only: bool,
    consequence: Option<(&'static str, Date)>,
    source: &'static str,
}

fn state(as_of: Date, opens: Option<Date>, due: Date) -> DeadlineState {
    if as_of > due {
        DeadlineState::Overdue
    } else if opens.is_some_and(|o| o <= as_of) {
        DeadlineState::Open
    } else {
        DeadlineState::Due
    }
}

pub(crate) fn plus_years(date: Date, years: u32, what: &str) -> Result<Date, Error> {
    plus_months(date, years.saturating_mul(12), what)
}

fn minus_days(date: Date, days: u32, what: &str) -> Result<Date, Error> {
    calendar::add_days(date, -i64::from(days)).ok_or_else(|| Error::DateOutOfRange {
        path: String::new(),
        message: format!("{what} leaves the supported years"),
    })
}

impl Membership {
    /// The date T12 takes effect (the day after the response window), if it is pending.
    pub(crate) fn suspension_consequence_on(&self, policy: &Policy) -> Result<Option<Date>, Error> {
        match self.suspension_window(policy)? {
            Some((_, due)) => Ok(Some(plus_days(due, 1, "the suspension response window")?)),
            None => Ok(None),
        }
    }

    /// Start and last day of the pending suspension response window.
    fn suspension_window(&self, policy: &Policy) -> Result<Option<(Date, Date)>, Error> {
        if self.status != Status::Suspended
            || self.suspension_responded_on.is_some()
            || self.appeal.is_some()
        {
            return Ok(None);
        }
        let Some(start) = self.suspended_on else {
            return Ok(None);
        };
        let due = plus_days(
            start,
            policy.suspension_response_days,
            "the suspension response window",
        )?;
        Ok(Some((start, due)))
    }

    /// The portal update deadline that applies unmet (T14 takes effect on it), if any.
    /// The update must be made before the deadline date; memberships started on or after it are
    /// not concerned.
    pub(crate) fn profile_update_consequence_on(&self, policy: &Policy) -> Option<Date> {
        let deadline = policy.profile_update_deadlines.get(&self.business_type)?.0;
        let from_ok = rule_for(EventKind::ProfileUpdateDeadlineMissed)
            .is_some_and(|r| r.from.contains(&self.status));
        let started_before = self.started_on.is_some_and(|s| s < deadline);
        let updated = self.profile_updated_on.is_some_and(|u| u < deadline);
        (from_ok && started_before && !updated).then_some(deadline)
    }

    /// The earliest pending deadline consequence: its date and event kind.
    ///
    /// ```
    /// use ctpat::lifecycle::SuspensionCause;
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
    /// assert_eq!(m.next_consequence(&p).unwrap(), None);
    /// let suspend = Event::new(EventKind::Suspended).cause(SuspensionCause::BondDataMissing);
    /// m.apply_mut(&suspend, Actor::CbpScss, date!(2025-01-06), &p).unwrap();
    /// assert_eq!(m.next_consequence(&p).unwrap(), Some((date!(2025-04-07), EventKind::SuspensionResponseMissed)));
    /// ```
    pub fn next_consequence(&self, policy: &Policy) -> Result<Option<(Date, EventKind)>, Error> {
        let mut candidates = Vec::new();
        if let Some(d) = self.profile_update_consequence_on(policy) {
            candidates.push((d, EventKind::ProfileUpdateDeadlineMissed));
        }
        if let Some(d) = self.suspension_consequence_on(policy)? {
            candidates.push((d, EventKind::SuspensionResponseMissed));
        }
        Ok(candidates.into_iter().min())
    }

    /// Applies, in date order, every deadline consequence that took effect on or before
    /// `as_of` (T12 unanswered suspension, T14 portal update deadline) as `system` events.
    /// Targets (certification, validation, appeal decision) never change the status.
    /// Idempotent: advancing twice, or to D1 then D2, equals advancing once to D2.
    ///
    /// ```
    /// use ctpat::lifecycle::{Status, SuspensionCause};
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
    /// let suspend = Event::new(EventKind::Suspended).cause(SuspensionCause::BondDataMissing);
    /// m.apply_mut(&suspend, Actor::CbpScss, date!(2025-01-06), &p).unwrap();
    /// let (still, none) = m.advance(date!(2025-04-06), &p).unwrap();
    /// assert_eq!((still.status, none.len()), (Status::Suspended, 0));
    /// let (after, done) = m.advance(date!(2025-06-30), &p).unwrap();
    /// assert_eq!((after.status, done[0].id.as_str()), (Status::Withdrawn, "T12"));
    /// ```
    pub fn advance(
        &self,
        as_of: Date,
        policy: &Policy,
    ) -> Result<(Membership, Vec<Transition>), Error> {
        let mut current = self.clone();
        let mut transitions = Vec::new();
        // Each consequence ends in `withdrawn`, which has none, so two rounds suffice.
        for _ in 0..4 {
            let Some((on, kind)) = current.next_consequence(policy)? else {
                return Ok((current, transitions));
            };
            if on > as_of {
                return Ok((current, transitions));
            }
            let at = current.last_event_on().map_or(on, |last| last.max(on));
            let t = current.apply_mut(&Event::new(kind), Actor::System, at, policy)?;
            transitions.push(t);
        }
        Err(Error::Internal {
            message: "advance did not settle".to_owned(),
        })
    }

    /// What is due next on `as_of`, sorted by due date.
    ///
    /// ```
    /// use ctpat::lifecycle::DeadlineKind;
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
    /// let ds = m.deadlines(date!(2024-06-01), &p).unwrap();
    /// assert!(ds.windows(2).all(|w| w[0].due <= w[1].due)); // sorted by due date
    /// assert!(ds.iter().all(|d| d.kind != DeadlineKind::CertificationDecision)); // already certified
    /// ```
    pub fn deadlines(&self, as_of: Date, policy: &Policy) -> Result<Vec<Deadline>, Error> {
        let mut specs = Vec::new();
        let s = self.status;
        if matches!(s, Status::Applicant | Status::Approved)
            && let Some(applied) = self.applied_on
        {
            specs.push(Spec {
                kind: DeadlineKind::CertificationDecision,
                opens: None,
                due: plus_days(
                    applied,
                    policy.certification_decision_days,
                    "the certification target",
                )?,
                target_only: true,
                consequence: None,
                source: "seed 003_748fa2daea8a8359.txt; [6 USC 964]",
            });
        }
        if s == Status::Certified
            && let Some(certified) = self.certified_on
        {
            specs.push(Spec {
                kind: DeadlineKind::FirstValidation,
                opens: None,
                due: plus_months(
                    certified,
                    policy.first_validation_months,
                    "the validation target",
                )?,
                target_only: true,
                consequence: None,
                source: "seed 003_748fa2daea8a8359.txt; [6 USC 965]",
            });
        }
        if matches!(s, Status::Validated | Status::Tier3)
            && let Some(base) = self.last_revalidated_on.or(self.validated_on)
        {
            specs.push(Spec {
                kind: DeadlineKind::Revalidation,
                opens: None,
                due: plus_years(base, policy.revalidation_interval_years, "the revalidation")?,
                target_only: true,
                consequence: None,
                source: "domain.md §5.2; [6 USC 969]; seed 003_748fa2daea8a8359.txt",
            });
        }
        if s.is_member() {
            self.annual_review_specs(as_of, policy, &mut specs)?;
        }
        if let Some((start, due)) = self.suspension_window(policy)? {
            specs.push(Spec {
                kind: DeadlineKind::SuspensionResponse,
                opens: Some(start),
                due,
                target_only: false,
                consequence: Some(("T12", plus_days(due, 1, "the suspension response")?)),
                source: "2nd; domain.md §6.3 T12",
            });
        }
        if matches!(
            s,
            Status::Rejected | Status::Ineligible | Status::Suspended | Status::Removed
        ) && self.appeal.is_none()
        {
            let (_, last_day) = self.appeal_window(policy)?;
            if as_of <= last_day {
                specs.push(Spec {
                    kind: DeadlineKind::AppealWindow,
                    opens: self.status_since,
                    due: last_day,
                    target_only: false,
                    consequence: None,
                    source: "[6 USC 967(c)]",
                });
            }
        }
        if let Some(appeal) = self.appeal.as_ref().filter(|a| a.outcome.is_none()) {
            specs.push(Spec {
                kind: DeadlineKind::AppealDecision,
                opens: Some(appeal.filed_on),
                due: appeal.decision_due,
                target_only: true,
                consequence: None,
                source: "[6 USC 967(c)]",
            });
        }
        if s == Status::Withdrawn
            && let Some(bar) = self.reapply_barred_until
            && as_of < bar
        {
            specs.push(Spec {
                kind: DeadlineKind::ReapplyBarEnd,
                opens: None,
                due: bar,
                target_only: false,
                consequence: None,
                source: "2nd; domain.md §9 C13",
            });
        }
        if let Some(notice) = self.blank_profile_notice_on
            && !matches!(
                s,
                Status::Withdrawn | Status::Removed | Status::Rejected | Status::Ineligible
            )
        {
            specs.push(Spec {
                kind: DeadlineKind::BlankProfileResponse,
                opens: Some(notice),
                due: plus_days(
                    notice,
                    policy.blank_profile_response_days,
                    "the blank profile answer",
                )?,
                target_only: false,
                consequence: None,
                source: "2nd; domain.md §6.3 guards",
            });
        }
        if let Some(deadline) = self.profile_update_consequence_on(policy) {
            specs.push(Spec {
                kind: DeadlineKind::ProfileUpdate,
                opens: None,
                due: minus_days(deadline, 1, "the portal deadline")?,
                target_only: false,
                consequence: Some(("T14", deadline)),
                source: "seed 000_ce488379f704c3ca.txt; seed 001_66a073baa83fabba.txt",
            });
        }
        let mut out: Vec<Deadline> = specs
            .into_iter()
            .map(|spec| Deadline {
                kind: spec.kind,
                opens: spec.opens,
                due: spec.due,
                state: state(as_of, spec.opens, spec.due),
                target_only: spec.target_only,
                consequence: spec.consequence.map(|c| c.0.to_owned()),
                consequence_on: spec.consequence.map(|c| c.1),
                source: spec.source.to_owned(),
            })
            .collect();
        out.sort_by_key(|d| (d.due, d.kind));
        Ok(out)
    }

    /// The last passed anniversary if its review is missing (overdue), and the next one.
    fn annual_review_specs(
        &self,
        as_of: Date,
        policy: &Policy,
        specs: &mut Vec<Spec>,
    ) -> Result<(), Error> {
        let Some(certified) = self.certified_on else {
            return Ok(());
        };
        let years_apart = u32::try_from(as_of.year().saturating_sub(certified.year())).unwrap_or(0);
        let mut k = years_apart.saturating_sub(1).max(1);
        let mut previous: Option<Date> = None;
        let next = loop {
            let anniversary = plus_years(certified, k, "the annual review")?;
            if anniversary >= as_of {
                break anniversary;
            }
            previous = Some(anniversary);
            k = k.saturating_add(1);
        };
        for anniversary in previous.into_iter().chain([next]) {
            let opens = minus_days(
                anniversary,
                policy.annual_review_window_days,
                "the annual review window",
            )?;
            let met = self
                .last_annual_review_on
                .is_some_and(|r| opens <= r && r <= anniversary);
            if !met {
                specs.push(Spec {
                    kind: DeadlineKind::AnnualReview,
                    opens: Some(opens),
                    due: anniversary,
                    target_only: true,
                    consequence: None,
                    source: "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; Portal 2.0 manual; domain.md §9 C15",
                });
            }
        }
        Ok(())
    }

    /// The date the next validation of this membership is due: the first validation for a
    /// certified member, the revalidation for a validated or tier 3 one.
    ///
    /// ```
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
    /// // Certified on 2024-03-01: the first validation is due 12 months later.
    /// assert_eq!(m.validation_due(&p).unwrap(), Some(date!(2025-03-01)));
    /// assert_eq!(Membership::new(BusinessType::Importer).validation_due(&p).unwrap(), None);
    /// ```
    pub fn validation_due(&self, policy: &Policy) -> Result<Option<Date>, Error> {
        match self.status {
            Status::Certified => self
                .certified_on
                .map(|c| plus_months(c, policy.first_validation_months, "the validation target"))
                .transpose(),
            Status::Validated | Status::Tier3 => self
                .last_revalidated_on
                .or(self.validated_on)
                .map(|v| plus_years(v, policy.revalidation_interval_years, "the revalidation"))
                .transpose(),
            _ => Ok(None),
        }
    }
}

crate::redact::masked_debug!(Deadline);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::BusinessType;
    use crate::lifecycle::{AppealOutcome, SuspensionCause};
    use time::macros::date;

    fn run(m: &mut Membership, steps: &[(EventKind, Actor, Date)], p: &Policy) {
        for (kind, actor, at) in steps {
            let event = match kind {
                EventKind::Suspended => Event::new(*kind).cause(SuspensionCause::IncidentOrBreach),
                EventKind::AppealDecided => Event::new(*kind).outcome(AppealOutcome::Upheld),
                _ => Event::new(*kind),
            };
            m.apply_mut(&event, *actor, *at, p).unwrap();
        }
    }

    fn suspended(p: &Policy) -> Membership {
        let mut m = Membership::new(BusinessType::Importer);
        run(
            &mut m,
            &[
                (
                    EventKind::ApplicationStarted,
                    Actor::PartnerOfficer,
                    date!(2006 - 01 - 02),
                ),
                (
                    EventKind::ProfileSubmitted,
                    Actor::PartnerOfficer,
                    date!(2006 - 01 - 10),
                ),
                (
                    EventKind::ProfileApproved,
                    Actor::CbpScss,
                    date!(2006 - 02 - 01),
                ),
                (EventKind::Certified, Actor::CbpScss, date!(2006 - 03 - 01)),
                (EventKind::Suspended, Actor::CbpScss, date!(2006 - 08 - 01)),
            ],
            p,
        );
        m
    }

    #[test]
    fn advance_applies_consequences_in_date_order_and_is_idempotent() {
        // Suspended on 1 aug 2006 with 30 days to answer: T12 on 1 sep comes before T14 on 1 oct.
        let mut p = Policy::portal_2006();
        p.suspension_response_days = 30;
        let m = suspended(&p);
        let (once, ts) = m.advance(date!(2006 - 12 - 31), &p).unwrap();
        let ids: Vec<_> = ts.iter().map(|t| (t.id.as_str(), t.at)).collect();
        assert_eq!(ids, [("T12", date!(2006 - 09 - 01))]);
        assert_eq!(once.status, Status::Withdrawn);
        assert_eq!(once.reapply_barred_until, Some(date!(2007 - 09 - 01)));
        let (twice, none) = once.advance(date!(2006 - 12 - 31), &p).unwrap();
        assert!(none.is_empty());
        assert_eq!(twice, once);
        let (d1, _) = m.advance(date!(2006 - 08 - 15), &p).unwrap();
        let (d2, _) = d1.advance(date!(2006 - 12 - 31), &p).unwrap();
        assert_eq!(d2, once);
    }

    #[test]
    fn the_portal_deadline_withdraws_a_suspended_partner_that_answered() {
        let p = Policy::portal_2006();
        let mut m = suspended(&p);
        run(
            &mut m,
            &[(
                EventKind::SuspensionResponseSubmitted,
                Actor::PartnerOfficer,
                date!(2006 - 08 - 10),
            )],
            &p,
        );
        let (after, ts) = m.advance(date!(2006 - 12 - 31), &p).unwrap();
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].id, "T14");
        assert_eq!(ts[0].reason.as_deref(), Some("portal_deadline_missed"));
        assert_eq!(after.reapply_barred_until, None);
        assert_eq!(after.suspended_on, None);
    }

    #[test]
    fn an_appeal_against_the_suspension_stops_the_automatic_withdrawal() {
        let p = Policy::current();
        let mut m = suspended(&p);
        run(
            &mut m,
            &[(
                EventKind::AppealFiled,
                Actor::PartnerOfficer,
                date!(2006 - 09 - 01),
            )],
            &p,
        );
        let (after, ts) = m.advance(date!(2007 - 12 - 31), &p).unwrap();
        assert!(ts.is_empty());
        assert_eq!(after.status, Status::Suspended);
        let kinds: Vec<_> = after
            .deadlines(date!(2006 - 09 - 02), &p)
            .unwrap()
            .iter()
            .map(|d| (d.kind, d.due))
            .collect();
        assert_eq!(
            kinds,
            [(DeadlineKind::AppealDecision, date!(2007 - 02 - 28))]
        );
    }

    #[test]
    fn deadline_states_follow_the_window() {
        assert_eq!(
            state(
                date!(2024 - 01 - 01),
                Some(date!(2024 - 01 - 02)),
                date!(2024 - 02 - 01)
            ),
            DeadlineState::Due
        );
        assert_eq!(
            state(
                date!(2024 - 02 - 01),
                Some(date!(2024 - 01 - 02)),
                date!(2024 - 02 - 01)
            ),
            DeadlineState::Open
        );
        assert_eq!(
            state(
                date!(2024 - 02 - 02),
                Some(date!(2024 - 01 - 02)),
                date!(2024 - 02 - 01)
            ),
            DeadlineState::Overdue
        );
    }

    #[test]
    fn revalidation_follows_the_policy_interval() {
        let mut p = Policy::current();
        let mut m = Membership::new(BusinessType::Exporter);
        run(
            &mut m,
            &[
                (
                    EventKind::ApplicationStarted,
                    Actor::PartnerOfficer,
                    date!(2020 - 01 - 02),
                ),
                (
                    EventKind::ProfileSubmitted,
                    Actor::PartnerOfficer,
                    date!(2020 - 01 - 10),
                ),
                (
                    EventKind::ProfileApproved,
                    Actor::CbpScss,
                    date!(2020 - 02 - 01),
                ),
                (EventKind::Certified, Actor::CbpScss, date!(2020 - 02 - 29)),
                (
                    EventKind::ValidationPassed,
                    Actor::CbpScss,
                    date!(2020 - 02 - 29),
                ),
            ],
            &p,
        );
        let due = |m: &Membership, p: &Policy| {
            m.deadlines(date!(2021 - 01 - 01), p)
                .unwrap()
                .into_iter()
                .find(|d| d.kind == DeadlineKind::Revalidation)
                .map(|d| d.due)
        };
        assert_eq!(due(&m, &p), Some(date!(2024 - 02 - 29)));
        p.revalidation_interval_years = 3;
        assert_eq!(due(&m, &p), Some(date!(2023 - 02 - 28)));
    }
}
