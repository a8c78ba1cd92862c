//! The per-event effects of [`Membership::apply`]: each row's own guard and the key dates it
//! updates.

use time::Date;

use super::event::{Event, EventKind, SuspensionCause};
use super::membership::{Membership, not_allowed, plus_months};
use super::status::Status;
use super::table::Target;
use crate::calendar;
use crate::error::Error;
use crate::policy::Policy;

impl Membership {
    /// Checks the event's own guard, updates the key dates in `next` and returns the new status.
    pub(crate) fn effect(
        &self,
        event: &Event,
        at: Date,
        policy: &Policy,
        target: Target,
        next: &mut Membership,
        reason: &mut Option<String>,
    ) -> Result<Status, Error> {
        let fixed = match target {
            Target::Status(s) => Some(s),
            _ => None,
        };
        match event.kind {
            EventKind::ApplicationStarted | EventKind::Reapplied => {
                if let Some(bar) = self.reapply_barred_until
                    && at < bar
                {
                    return Err(not_allowed(
                        "lifecycle.reapply_barred",
                        "/at",
                        format!(
                            "re-applying is barred until `{}`",
                            calendar::format_date(bar)
                        ),
                    ));
                }
                let mut fresh = Membership::new(self.business_type);
                fresh.linked_group = self.linked_group.clone();
                fresh.started_on = Some(at);
                *next = fresh;
            }
            EventKind::ProfileSubmitted => {
                next.applied_on = Some(at);
                next.blank_profile_notice_on = None;
            }
            EventKind::BlankProfileNoticeSent => next.blank_profile_notice_on = Some(at),
            EventKind::Certified => next.certified_on = Some(at),
            EventKind::ValidationPassed => {
                next.validated_on = Some(at);
                next.validation_failed_on = None;
            }
            EventKind::RevalidationPassed => {
                next.last_revalidated_on = Some(at);
                next.validation_failed_on = None;
            }
            EventKind::ValidationFailed => next.validation_failed_on = Some(at),
            EventKind::Tier3Granted => {
                if !policy.tier3_business_types.contains(&self.business_type) {
                    return Err(not_allowed(
                        "lifecycle.tier3_business_type",
                        "/event/kind",
                        format!("tier 3 is not open to `{}`", self.business_type),
                    ));
                }
            }
            EventKind::AnnualReviewSubmitted => next.last_annual_review_on = Some(at),
            EventKind::ProfileUpdateSubmitted => {
                next.profile_updated_on = Some(at);
                next.blank_profile_notice_on = None;
            }
            EventKind::Suspended => {
                let cause = event.cause.ok_or_else(|| {
                    Error::input_code(
                        "lifecycle.cause_required",
                        "/event/cause",
                        "a suspension needs a `cause`",
                    )
                })?;
                if cause == SuspensionCause::FailedValidationNoncompliance
                    && self.validation_failed_on.is_none()
                {
                    return Err(not_allowed(
                        "lifecycle.no_failed_validation",
                        "/event/cause",
                        "no failed validation is recorded".to_owned(),
                    ));
                }
                next.status_before_suspension = Some(self.status);
                next.suspended_on = Some(at);
                next.suspension_cause = Some(cause);
                next.suspension_responded_on = None;
                next.false_data = event.false_data;
            }
            EventKind::SuspensionResponseSubmitted => {
                next.suspension_responded_on = self.suspension_responded_on.or(Some(at));
            }
            EventKind::Reinstated => {
                let prior = self.prior_to_suspension()?;
                next.clear_suspension();
                return Ok(prior);
            }
            EventKind::SuspensionResponseMissed => {
                let due = self.suspension_consequence_on(policy)?;
                if due.is_none_or(|d| d > at) {
                    return Err(not_allowed(
                        "lifecycle.deadline_not_passed",
                        "/at",
                        "the suspension response window has not passed or was met".to_owned(),
                    ));
                }
                next.withdrawn_on = Some(at);
                next.reapply_barred_until = Some(plus_months(
                    at,
                    policy.reapply_bar_months,
                    "the reapply bar",
                )?);
                reason.get_or_insert_with(|| "suspension_unanswered".to_owned());
            }
            EventKind::Removed => {
                if event.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                    return Err(Error::input_code(
                        "lifecycle.reason_required",
                        "/event/reason",
                        "a removal needs a `reason`",
                    ));
                }
                next.removed_on = Some(at);
                next.false_data = event.false_data;
            }
            EventKind::ProfileUpdateDeadlineMissed => {
                if self
                    .profile_update_consequence_on(policy)
                    .is_none_or(|d| d > at)
                {
                    return Err(not_allowed(
                        "lifecycle.deadline_not_passed",
                        "/at",
                        "no portal update deadline has passed unmet".to_owned(),
                    ));
                }
                next.withdrawn_on = Some(at);
                reason.get_or_insert_with(|| "portal_deadline_missed".to_owned());
            }
            EventKind::WithdrawalRequested => next.withdrawn_on = Some(at),
            EventKind::AppealFiled => {
                next.appeal = Some(self.new_appeal(at, policy)?);
            }
            EventKind::AppealDecided => return self.decide_appeal(event, at, next),
            EventKind::BenefitRestricted | EventKind::BenefitRestored => {
                let benefit = event.benefit.ok_or_else(|| {
                    Error::input_code(
                        "lifecycle.benefit_required",
                        "/event/benefit",
                        "name the `benefit`",
                    )
                })?;
                let restricted = self.benefit_restrictions.contains(&benefit);
                if event.kind == EventKind::BenefitRestricted {
                    if !restricted {
                        next.benefit_restrictions.push(benefit);
                        next.benefit_restrictions.sort_unstable();
                    }
                } else if restricted {
                    next.benefit_restrictions.retain(|b| *b != benefit);
                } else {
                    return Err(not_allowed(
                        "lifecycle.benefit_not_restricted",
                        "/event/benefit",
                        "that benefit is not restricted".to_owned(),
                    ));
                }
            }
            EventKind::ProfileApproved | EventKind::Rejected | EventKind::FoundIneligible => {}
        }
        Ok(fixed.unwrap_or(self.status))
    }

    pub(crate) fn prior_to_suspension(&self) -> Result<Status, Error> {
        self.status_before_suspension
            .filter(|s| s.is_member())
            .ok_or_else(|| {
                Error::input_code(
                    "lifecycle.invalid_state",
                    "/membership/status_before_suspension",
                    "a suspended membership must record a member status before the suspension",
                )
            })
    }

    pub(crate) fn clear_suspension(&mut self) {
        self.status_before_suspension = None;
        self.suspended_on = None;
        self.suspension_cause = None;
        self.suspension_responded_on = None;
        self.false_data = false;
    }
}
