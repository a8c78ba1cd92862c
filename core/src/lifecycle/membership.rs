//! The membership state and [`Membership::apply`], the pure transition function.

use serde::{Deserialize, Serialize};
use time::Date;

use super::appeal::Appeal;
use super::benefits::BenefitCode;
use super::event::{Event, EventKind, SuspensionCause};
use super::log::{GENESIS_HASH, LogEntry};
use super::status::{Actor, Status};
use super::table::rule_for;
use crate::calendar::{self, MAX_YEAR, MIN_YEAR};
use crate::entity::BusinessType;
use crate::error::Error;
use crate::policy::Policy;

/// Longest accepted `reason`, in characters.
///
/// ```
/// use ctpat::lifecycle::MAX_REASON_CHARS;
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
/// let long = Event::new(EventKind::WithdrawalRequested).reason("x".repeat(MAX_REASON_CHARS + 1));
/// assert!(m.apply(&long, Actor::PartnerOfficer, date!(2024-06-01), &p).is_err());
/// ```
pub const MAX_REASON_CHARS: usize = 1000;

macro_rules! membership {
    ($($(#[doc = $doc:literal])* $date:ident,)*) => {
        /// One company's CTPAT membership for one business type: status, key dates, overlays and
        /// the audit log. State in, state out: it round-trips through JSON unchanged.
        ///
        /// ```
        /// use ctpat::lifecycle::Status;
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
        /// assert_eq!((m.status, m.certified_on, m.applied_on), (Status::Certified, Some(date!(2024-03-01)), Some(date!(2024-01-10))));
        /// let json = serde_json::to_string(&m).unwrap();
        /// assert_eq!(serde_json::from_str::<Membership>(&json).ok(), Some(m)); // state in, state out
        /// ```
        #[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct Membership {
            /// The enrollment type.
            pub business_type: BusinessType,
            /// Current status.
            pub status: Status,
            /// Status held before the current suspension (restored by `reinstated`).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub status_before_suspension: Option<Status>,
            $(
                $(#[doc = $doc])*
                #[serde(
                    default,
                    skip_serializing_if = "Option::is_none",
                    with = "crate::calendar::serde_date::option"
                )]
                #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
                pub $date: Option<Date>,
            )*
            /// Why the current suspension was imposed.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub suspension_cause: Option<SuspensionCause>,
            /// The current suspension or removal concerns knowingly false data.
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            pub false_data: bool,
            /// Appeal against the current status, if filed.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub appeal: Option<Appeal>,
            /// Benefits withdrawn without a status change ([CBP-2009]), sorted.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub benefit_restrictions: Vec<BenefitCode>,
            /// Validation group for joint validation of linked accounts (domain.md §7.3 #4).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub linked_group: Option<String>,
            /// The audit log, oldest first.
            #[serde(default)]
            pub log: Vec<LogEntry>,
        }
    };
}

membership! {
    /// Date the current status began.
    status_since,
    /// Date of the current application episode's start (T01 or T18).
    started_on,
    /// Application date: profile submitted (T02); starts the certification target.
    applied_on,
    /// Certification date (T04); its anniversaries drive the annual review.
    certified_on,
    /// First validation (T07).
    validated_on,
    /// Last revalidation (T08).
    last_revalidated_on,
    /// Last failed validation not yet followed by a passed one.
    validation_failed_on,
    /// Last annual review submitted.
    last_annual_review_on,
    /// Last portal account and profile update.
    profile_updated_on,
    /// Start of the current suspension.
    suspended_on,
    /// The partner's answer to the current suspension.
    suspension_responded_on,
    /// Date withdrawn.
    withdrawn_on,
    /// Date removed.
    removed_on,
    /// Re-applying is barred before this date (T12; domain.md §9 C13).
    reapply_barred_until,
    /// Open blank-profile notice (cleared by a profile submission or update).
    blank_profile_notice_on,
}

/// What one applied event did.
///
/// ```
/// use ctpat::lifecycle::{BenefitCode, Status};
/// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
/// # use ctpat::{BusinessType, Policy};
/// # use time::macros::date;
/// # let p = Policy::current();
/// # let mut m = Membership::new(BusinessType::Importer);
/// # for (k, a, d) in [
/// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
/// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
/// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
/// # ] {
/// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
/// # }
/// let (_, t) = m.apply(&Event::new(EventKind::Certified), Actor::CbpScss, date!(2024-03-01), &p).unwrap();
/// assert_eq!((t.id.as_str(), t.from, t.to, t.seq), ("T04", Status::Approved, Status::Certified, 4));
/// assert!(t.benefits_gained.contains(&BenefitCode::AtsReductionTier1) && t.benefits_lost.is_empty());
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// Table row (`T01`…`T18`, `A01`…).
    pub id: String,
    /// The event kind.
    pub event: EventKind,
    /// Who caused it.
    pub actor: Actor,
    /// When.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub at: Date,
    /// Status before.
    pub from: Status,
    /// Status after.
    pub to: Status,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Benefits the partner now enjoys that it did not before.
    pub benefits_gained: Vec<BenefitCode>,
    /// Benefits ended or paused.
    pub benefits_lost: Vec<BenefitCode>,
    /// `seq` of the log entry written.
    pub seq: u64,
    /// Hash of the log entry written.
    pub hash: String,
}

pub(crate) fn not_allowed(code: &'static str, path: &str, message: String) -> Error {
    Error::NotAllowed {
        code,
        message,
        path: path.to_owned(),
    }
}

fn out_of_range(path: &str, what: &str) -> Error {
    Error::DateOutOfRange {
        path: path.to_owned(),
        message: format!("{what} leaves the years {MIN_YEAR} to {MAX_YEAR}"),
    }
}

/// Adds days or fails with `date_out_of_range`.
pub(crate) fn plus_days(date: Date, days: u32, what: &str) -> Result<Date, Error> {
    calendar::add_days(date, i64::from(days)).ok_or_else(|| out_of_range("", what))
}

/// Adds months or fails with `date_out_of_range`.
pub(crate) fn plus_months(date: Date, months: u32, what: &str) -> Result<Date, Error> {
    let months = i32::try_from(months).map_err(|_| out_of_range("", what))?;
    calendar::add_months(date, months).ok_or_else(|| out_of_range("", what))
}

impl Membership {
    /// A membership that has not applied yet (status `none`, empty log).
    ///
    /// ```
    /// use ctpat::lifecycle::{Membership, Status};
    /// let m = Membership::new(ctpat::BusinessType::Exporter);
    /// assert_eq!((m.status, m.log.len(), m.tier()), (Status::None, 0, None));
    /// ```
    pub fn new(business_type: BusinessType) -> Self {
        Self {
            business_type,
            status: Status::None,
            status_before_suspension: None,
            status_since: None,
            started_on: None,
            applied_on: None,
            certified_on: None,
            validated_on: None,
            last_revalidated_on: None,
            validation_failed_on: None,
            last_annual_review_on: None,
            profile_updated_on: None,
            suspended_on: None,
            suspension_responded_on: None,
            withdrawn_on: None,
            removed_on: None,
            reapply_barred_until: None,
            blank_profile_notice_on: None,
            suspension_cause: None,
            false_data: false,
            appeal: None,
            benefit_restrictions: Vec::new(),
            linked_group: None,
            log: Vec::new(),
        }
    }

    /// Date of the last log entry.
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
    /// assert_eq!(m.last_event_on(), Some(date!(2024-03-01)));
    /// assert_eq!(Membership::new(BusinessType::Importer).last_event_on(), None);
    /// ```
    pub fn last_event_on(&self) -> Option<Date> {
        self.log.last().map(|e| e.at)
    }

    /// The tier (1, 2, 3) of the current status, or of the status before a suspension.
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
    /// assert_eq!(m.tier(), Some(1));
    /// let suspend = Event::new(EventKind::Suspended).cause(SuspensionCause::BondDataMissing);
    /// m.apply_mut(&suspend, Actor::CbpScss, date!(2025-01-06), &p).unwrap();
    /// assert_eq!(m.tier(), Some(1)); // the tier held before the suspension
    /// ```
    pub fn tier(&self) -> Option<u8> {
        match self.status {
            Status::Suspended => self.status_before_suspension.and_then(Status::tier),
            s => s.tier(),
        }
    }

    /// Applies `event` caused by `actor` on `at`. Pure: returns the new membership and what
    /// happened; `self` is never changed. Errors (codes): `date_out_of_range`,
    /// `lifecycle.date_before_last_event`, `lifecycle.advance_required` (a deadline with a
    /// consequence passed: call [`Membership::advance`] first), `lifecycle.illegal_transition`,
    /// `lifecycle.actor_not_allowed`, then the guards of the event's row.
    ///
    /// ```
    /// use ctpat::lifecycle::Status;
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
    /// let (next, t) = m.apply(&Event::new(EventKind::WithdrawalRequested), Actor::PartnerOfficer, date!(2024-06-01), &p).unwrap();
    /// assert_eq!((m.status, next.status, t.id.as_str()), (Status::Certified, Status::Withdrawn, "T15")); // `m` unchanged
    /// let e = m.apply(&Event::new(EventKind::Certified), Actor::PartnerOfficer, date!(2024-06-01), &p).unwrap_err();
    /// assert_eq!(e.code(), "lifecycle.illegal_transition");
    /// ```
    pub fn apply(
        &self,
        event: &Event,
        actor: Actor,
        at: Date,
        policy: &Policy,
    ) -> Result<(Membership, Transition), Error> {
        let (mut next, entry, transition) = self.step(event, actor, at, policy)?;
        next.log = self.log.clone();
        next.log.push(entry);
        Ok((next, transition))
    }

    /// Like [`Membership::apply`], but updates `self` on success (unchanged on error) without
    /// copying the log.
    ///
    /// ```
    /// use ctpat::lifecycle::Status;
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
    /// let before = m.clone();
    /// let early = m.apply_mut(&Event::new(EventKind::ValidationPassed), Actor::CbpScss, date!(2024-02-01), &p);
    /// assert_eq!(early.map_err(|e| e.code()).err(), Some("lifecycle.date_before_last_event"));
    /// assert_eq!(m, before); // unchanged on error
    /// m.apply_mut(&Event::new(EventKind::ValidationPassed), Actor::CbpScss, date!(2025-02-01), &p).unwrap();
    /// assert_eq!((m.status, m.log.len()), (Status::Validated, 5));
    /// ```
    pub fn apply_mut(
        &mut self,
        event: &Event,
        actor: Actor,
        at: Date,
        policy: &Policy,
    ) -> Result<Transition, Error> {
        let (mut next, entry, transition) = self.step(event, actor, at, policy)?;
        next.log = std::mem::take(&mut self.log);
        next.log.push(entry);
        *self = next;
        Ok(transition)
    }

    /// A copy of every field but the log (which stays empty).
    fn without_log(&self) -> Membership {
        Membership {
            business_type: self.business_type,
            status: self.status,
            status_before_suspension: self.status_before_suspension,
            status_since: self.status_since,
            started_on: self.started_on,
            applied_on: self.applied_on,
            certified_on: self.certified_on,
            validated_on: self.validated_on,
            last_revalidated_on: self.last_revalidated_on,
            validation_failed_on: self.validation_failed_on,
            last_annual_review_on: self.last_annual_review_on,
            profile_updated_on: self.profile_updated_on,
            suspended_on: self.suspended_on,
            suspension_responded_on: self.suspension_responded_on,
            withdrawn_on: self.withdrawn_on,
            removed_on: self.removed_on,
            reapply_barred_until: self.reapply_barred_until,
            blank_profile_notice_on: self.blank_profile_notice_on,
            suspension_cause: self.suspension_cause,
            false_data: self.false_data,
            appeal: self.appeal.clone(),
            benefit_restrictions: self.benefit_restrictions.clone(),
            linked_group: self.linked_group.clone(),
            log: Vec::new(),
        }
    }

    /// Checks and computes one event: the new state without its log, the log entry to append
    /// and the transition.
    fn step(
        &self,
        event: &Event,
        actor: Actor,
        at: Date,
        policy: &Policy,
    ) -> Result<(Membership, LogEntry, Transition), Error> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&at.year()) {
            return Err(out_of_range("/at", "the event date"));
        }
        if let Some(last) = self.last_event_on()
            && at < last
        {
            return Err(not_allowed(
                "lifecycle.date_before_last_event",
                "/at",
                format!(
                    "event date `{}` is before the last logged event `{}`",
                    calendar::format_date(at),
                    calendar::format_date(last)
                ),
            ));
        }
        if actor != Actor::System
            && let Some((due, kind)) = self.next_consequence(policy)?
            && due <= at
        {
            return Err(not_allowed(
                "lifecycle.advance_required",
                "/at",
                format!(
                    "`{kind}` took effect on `{}`; advance the membership first",
                    calendar::format_date(due)
                ),
            ));
        }
        let rule = rule_for(event.kind).ok_or_else(|| Error::Internal {
            message: format!("no table row for `{}`", event.kind),
        })?;
        let from = self.status;
        if !rule.from.contains(&from) {
            return Err(not_allowed(
                "lifecycle.illegal_transition",
                "/event/kind",
                format!(
                    "cannot apply `{}` to a membership whose status is `{from}`",
                    event.kind
                ),
            ));
        }
        if !rule.actors.contains(&actor) {
            return Err(not_allowed(
                "lifecycle.actor_not_allowed",
                "/actor",
                format!("`{actor}` may not cause `{}`", event.kind),
            ));
        }
        if from == Status::Suspended
            && self.suspension_cause == Some(SuspensionCause::BondDataMissing)
            && actor.is_partner()
            && event.kind != EventKind::SuspensionResponseSubmitted
        {
            return Err(not_allowed(
                "lifecycle.bond_missing_blocks_actions",
                "/event/kind",
                "while bond data is missing the partner may only send it to the scss".to_owned(),
            ));
        }
        if let Some(reason) = &event.reason
            && reason.chars().count() > MAX_REASON_CHARS
        {
            return Err(Error::LimitExceeded {
                path: "/event/reason".to_owned(),
                message: format!("reason is longer than {MAX_REASON_CHARS} characters"),
            });
        }
        let mut next = self.without_log();
        let mut reason = event.reason.clone();
        let to = self.effect(event, at, policy, rule.to, &mut next, &mut reason)?;
        next.status = to;
        if from == Status::Suspended && to == Status::Withdrawn {
            next.clear_suspension();
        }
        if to != from {
            next.status_since = Some(at);
            if event.kind != EventKind::AppealDecided {
                next.appeal = None;
            }
        }
        let prev_hash = self
            .log
            .last()
            .map_or_else(|| GENESIS_HASH.to_owned(), |e| e.hash.clone());
        let seq = self.log.last().map_or(1, |e| e.seq.saturating_add(1));
        let mut logged_event = event.clone();
        logged_event.reason = None;
        let mut entry = LogEntry {
            seq,
            at,
            actor,
            event: logged_event,
            from,
            to,
            reason: reason.clone(),
            prev_hash,
            hash: String::new(),
        };
        entry.hash = entry.compute_hash()?;
        let hash = entry.hash.clone();
        let before = self.benefit_codes();
        let after = next.benefit_codes();
        let transition = Transition {
            id: rule.id.to_owned(),
            event: event.kind,
            actor,
            at,
            from,
            to,
            reason,
            benefits_gained: after
                .iter()
                .filter(|b| !before.contains(b))
                .copied()
                .collect(),
            benefits_lost: before
                .iter()
                .filter(|b| !after.contains(b))
                .copied()
                .collect(),
            seq,
            hash,
        };
        Ok((next, entry, transition))
    }
}

crate::redact::masked_debug!(Membership, Transition);

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn certified() -> Membership {
        let p = Policy::current();
        let mut m = Membership::new(BusinessType::Importer);
        for (kind, actor, at) in [
            (
                EventKind::ApplicationStarted,
                Actor::PartnerOfficer,
                date!(2024 - 01 - 02),
            ),
            (
                EventKind::ProfileSubmitted,
                Actor::PartnerOfficer,
                date!(2024 - 01 - 10),
            ),
            (
                EventKind::ProfileApproved,
                Actor::CbpScss,
                date!(2024 - 02 - 01),
            ),
            (EventKind::Certified, Actor::CbpScss, date!(2024 - 03 - 01)),
        ] {
            m.apply_mut(&Event::new(kind), actor, at, &p).unwrap();
        }
        m
    }

    #[test]
    fn errors_leave_the_membership_unchanged() {
        let p = Policy::current();
        let mut m = certified();
        let before = m.clone();
        let e = m
            .apply_mut(
                &Event::new(EventKind::Reapplied),
                Actor::PartnerOfficer,
                date!(2024 - 04 - 01),
                &p,
            )
            .unwrap_err();
        assert_eq!(e.code(), "lifecycle.illegal_transition");
        let e = m
            .apply_mut(
                &Event::new(EventKind::ValidationPassed),
                Actor::PartnerOfficer,
                date!(2024 - 04 - 01),
                &p,
            )
            .unwrap_err();
        assert_eq!(
            (e.code(), e.path()),
            ("lifecycle.actor_not_allowed", "/actor")
        );
        let e = m
            .apply_mut(
                &Event::new(EventKind::ValidationPassed),
                Actor::CbpScss,
                date!(2024 - 02 - 01),
                &p,
            )
            .unwrap_err();
        assert_eq!(e.code(), "lifecycle.date_before_last_event");
        assert_eq!(m, before);
    }

    #[test]
    fn reinstated_restores_the_status_before_the_suspension() {
        let p = Policy::current();
        let mut m = certified();
        m.apply_mut(
            &Event::new(EventKind::ValidationPassed),
            Actor::CbpScss,
            date!(2024 - 06 - 01),
            &p,
        )
        .unwrap();
        let t = m
            .apply_mut(
                &Event::new(EventKind::Suspended).cause(SuspensionCause::BondDataMissing),
                Actor::CbpScss,
                date!(2024 - 07 - 01),
                &p,
            )
            .unwrap();
        assert!(t.benefits_lost.contains(&BenefitCode::FastLanes));
        let t = m
            .apply_mut(
                &Event::new(EventKind::Reinstated),
                Actor::CbpScss,
                date!(2024 - 08 - 01),
                &p,
            )
            .unwrap();
        assert_eq!(t.to, Status::Validated);
        assert!(t.benefits_gained.contains(&BenefitCode::AtsReductionTier2));
        assert_eq!(m.suspended_on, None);
    }

    #[test]
    fn out_of_range_dates_are_coded_errors() {
        let p = Policy::current();
        let m = Membership::new(BusinessType::Importer);
        let before_year_one = Date::from_calendar_date(-1, time::Month::January, 1).unwrap();
        let e = m
            .apply(
                &Event::new(EventKind::ApplicationStarted),
                Actor::PartnerOfficer,
                before_year_one,
                &p,
            )
            .unwrap_err();
        assert_eq!((e.code(), e.path()), ("date_out_of_range", "/at"));
        let last = date!(9999 - 12 - 31);
        let (m, _) = m
            .apply(
                &Event::new(EventKind::ApplicationStarted),
                Actor::PartnerOfficer,
                last,
                &p,
            )
            .unwrap();
        let (m, _) = m
            .apply(
                &Event::new(EventKind::ProfileSubmitted),
                Actor::PartnerOfficer,
                last,
                &p,
            )
            .unwrap();
        assert_eq!(
            m.deadlines(last, &p).unwrap_err().code(),
            "date_out_of_range"
        );
        assert_eq!(m.advance(last, &p).unwrap().1.len(), 0);
    }
}
