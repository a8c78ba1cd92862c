//! Appeals: an overlay on rejected, ineligible, suspended and removed ([6 USC 967(c)]; T16, T17).

use serde::{Deserialize, Serialize};
use time::Date;

use super::event::{AppealOutcome, Event};
use super::membership::{Membership, not_allowed, plus_days};
use super::status::Status;
use crate::calendar;
use crate::error::Error;
use crate::policy::Policy;

/// Which appeal window applies ([6 USC 967(c)]).
///
/// ```
/// use ctpat::lifecycle::{AppealKind, SuspensionCause};
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
/// let suspend = Event::new(EventKind::Suspended).cause(SuspensionCause::MissingOrFalseData).false_data();
/// m.apply_mut(&suspend, Actor::CbpScss, date!(2025-01-06), &p).unwrap();
/// m.apply_mut(&Event::new(EventKind::AppealFiled), Actor::PartnerOfficer, date!(2025-01-20), &p).unwrap();
/// assert_eq!(m.appeal.map(|a| a.kind), Some(AppealKind::FalseData)); // the 30-day window
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppealKind {
    /// Denial or revocation of benefits: `appeal_days` (90).
    BenefitDenial,
    /// Suspension or removal for knowingly false data: `appeal_false_data_days` (30).
    FalseData,
}

/// An appeal against the current status (an overlay, not a status; domain.md §6.1).
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
/// let suspend = Event::new(EventKind::Suspended).cause(SuspensionCause::IncidentOrBreach);
/// m.apply_mut(&suspend, Actor::CbpScss, date!(2025-01-06), &p).unwrap();
/// m.apply_mut(&Event::new(EventKind::AppealFiled), Actor::PartnerOfficer, date!(2025-01-20), &p).unwrap();
/// let a = m.appeal.unwrap();
/// assert_eq!((a.against, a.restores_to, a.decision_due), (Status::Suspended, Status::Certified, date!(2025-07-19)));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Appeal {
    /// Date filed.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub filed_on: Date,
    /// Which window applied.
    pub kind: AppealKind,
    /// The status appealed against.
    pub against: Status,
    /// The status a reversal restores.
    pub restores_to: Status,
    /// CBP's decision is due by this date (`appeal_decision_days`; a target).
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub decision_due: Date,
    /// The decision, once made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<AppealOutcome>,
    /// Date decided.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub decided_on: Option<Date>,
}

impl Membership {
    /// The date the current status was decided (start of the appeal window).
    fn decision_date(&self) -> Result<Date, Error> {
        self.status_since.ok_or_else(|| {
            Error::input_code(
                "lifecycle.invalid_state",
                "/membership/status_since",
                "the membership does not record when its status began",
            )
        })
    }

    /// The appeal window of the current status: kind and last day.
    pub(crate) fn appeal_window(&self, policy: &Policy) -> Result<(AppealKind, Date), Error> {
        let decided = self.decision_date()?;
        let false_data =
            self.false_data && matches!(self.status, Status::Suspended | Status::Removed);
        let (kind, days) = if false_data {
            (AppealKind::FalseData, policy.appeal_false_data_days)
        } else {
            (AppealKind::BenefitDenial, policy.appeal_days)
        };
        Ok((kind, plus_days(decided, days, "the appeal window")?))
    }

    pub(crate) fn new_appeal(&self, at: Date, policy: &Policy) -> Result<Appeal, Error> {
        if self.appeal.is_some() {
            return Err(not_allowed(
                "lifecycle.appeal_already_filed",
                "/event/kind",
                "this decision was already appealed".to_owned(),
            ));
        }
        let (kind, last_day) = self.appeal_window(policy)?;
        if at > last_day {
            return Err(not_allowed(
                "lifecycle.appeal_window_closed",
                "/at",
                format!(
                    "the appeal window closed on `{}`",
                    calendar::format_date(last_day)
                ),
            ));
        }
        let restores_to = match self.status {
            Status::Suspended => self.prior_to_suspension()?,
            current => self
                .log
                .iter()
                .rev()
                .find(|e| e.to == current && e.from != current)
                .map_or(Status::Applicant, |e| e.from),
        };
        Ok(Appeal {
            filed_on: at,
            kind,
            against: self.status,
            restores_to,
            decision_due: plus_days(at, policy.appeal_decision_days, "the appeal decision")?,
            outcome: None,
            decided_on: None,
        })
    }

    pub(crate) fn decide_appeal(
        &self,
        event: &Event,
        at: Date,
        next: &mut Membership,
    ) -> Result<Status, Error> {
        let Some(appeal) = self.appeal.as_ref().filter(|a| a.outcome.is_none()) else {
            return Err(not_allowed(
                "lifecycle.no_pending_appeal",
                "/event/kind",
                "there is no pending appeal".to_owned(),
            ));
        };
        let outcome = event.outcome.ok_or_else(|| {
            Error::input_code(
                "lifecycle.outcome_required",
                "/event/outcome",
                "an appeal decision needs an `outcome`",
            )
        })?;
        let mut decided = appeal.clone();
        decided.outcome = Some(outcome);
        decided.decided_on = Some(at);
        next.appeal = Some(decided);
        if outcome == AppealOutcome::Upheld {
            return Ok(self.status);
        }
        let to = appeal.restores_to;
        if self.status == Status::Suspended {
            next.clear_suspension();
        }
        if self.status == Status::Removed {
            next.removed_on = None;
            if to != Status::Suspended {
                next.clear_suspension();
            }
        }
        Ok(to)
    }
}

crate::redact::masked_debug!(Appeal);
