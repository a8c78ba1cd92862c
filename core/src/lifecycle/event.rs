//! Events that drive the lifecycle (domain.md §6.3).

use serde::{Deserialize, Serialize};

use super::benefits::BenefitCode;

/// What happened. Each kind has exactly one row in the transition table
/// ([`super::transitions`]).
///
/// ```
/// use ctpat::lifecycle::EventKind;
/// assert_eq!(serde_json::to_value(EventKind::Tier3Granted).ok(), Some(serde_json::json!("tier3_granted")));
/// assert_eq!(EventKind::AppealFiled.to_string(), "appeal_filed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// T01: company profile created and agreement signed.
    ApplicationStarted,
    /// T02: the security profile is submitted (the application date).
    ProfileSubmitted,
    /// T03: the SCSS approves the profile.
    ProfileApproved,
    /// T04: vetting cleared; Tier 1.
    Certified,
    /// T05: the application is refused.
    Rejected,
    /// T06: an issue of concern makes the company ineligible.
    FoundIneligible,
    /// T07: the first validation passed; Tier 2.
    ValidationPassed,
    /// A validation failed: recorded, never changes the status (domain.md §5.1 #5).
    ValidationFailed,
    /// T08: a revalidation passed.
    RevalidationPassed,
    /// T09: the partner exceeds the MSC; Tier 3.
    Tier3Granted,
    /// The yearly profile review was submitted (domain.md §5.3).
    AnnualReviewSubmitted,
    /// The portal account and profile were updated (the 2006 portal roll-out, domain.md §5.7).
    ProfileUpdateSubmitted,
    /// T10: the SCSS suspends the partner; needs a `cause`.
    Suspended,
    /// The suspended partner answered (for `bond_data_missing`: sent the bond data).
    SuspensionResponseSubmitted,
    /// T11: the cause is cured; the status held before the suspension returns.
    Reinstated,
    /// T12 (deadline missed): no answer within `suspension_response_days`.
    SuspensionResponseMissed,
    /// T13: headquarters removes the partner; needs a `reason`.
    Removed,
    /// T14 (deadline missed): account and profile not updated by the portal deadline.
    ProfileUpdateDeadlineMissed,
    /// T15: the partner asks in writing to leave.
    WithdrawalRequested,
    /// T16: the partner appeals a refusal, suspension or removal.
    AppealFiled,
    /// T17: headquarters decides the appeal; needs an `outcome`.
    AppealDecided,
    /// T18: a new application after withdrawal, rejection or removal.
    Reapplied,
    /// One benefit (such as FAST) withdrawn without a status change ([CBP-2009]); needs `benefit`.
    BenefitRestricted,
    /// A restricted benefit given back; needs `benefit`.
    BenefitRestored,
    /// CBP notified the partner that its profile is blank: `blank_profile_response_days` to
    /// answer, else headquarters may act (2nd; domain.md §6.3 guards).
    BlankProfileNoticeSent,
}

impl EventKind {
    /// Every event kind.
    ///
    /// ```
    /// use ctpat::lifecycle::{EventKind, rule_for};
    /// // Each kind has exactly one row in the transition table.
    /// assert!(EventKind::ALL.iter().all(|k| rule_for(*k).is_some()));
    /// ```
    pub const ALL: &'static [EventKind] = &[
        Self::ApplicationStarted,
        Self::ProfileSubmitted,
        Self::ProfileApproved,
        Self::Certified,
        Self::Rejected,
        Self::FoundIneligible,
        Self::ValidationPassed,
        Self::ValidationFailed,
        Self::RevalidationPassed,
        Self::Tier3Granted,
        Self::AnnualReviewSubmitted,
        Self::ProfileUpdateSubmitted,
        Self::Suspended,
        Self::SuspensionResponseSubmitted,
        Self::Reinstated,
        Self::SuspensionResponseMissed,
        Self::Removed,
        Self::ProfileUpdateDeadlineMissed,
        Self::WithdrawalRequested,
        Self::AppealFiled,
        Self::AppealDecided,
        Self::Reapplied,
        Self::BenefitRestricted,
        Self::BenefitRestored,
        Self::BlankProfileNoticeSent,
    ];

    /// The snake_case name used on the wire.
    ///
    /// ```
    /// assert_eq!(ctpat::lifecycle::EventKind::SuspensionResponseMissed.as_str(), "suspension_response_missed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ApplicationStarted => "application_started",
            Self::ProfileSubmitted => "profile_submitted",
            Self::ProfileApproved => "profile_approved",
            Self::Certified => "certified",
            Self::Rejected => "rejected",
            Self::FoundIneligible => "found_ineligible",
            Self::ValidationPassed => "validation_passed",
            Self::ValidationFailed => "validation_failed",
            Self::RevalidationPassed => "revalidation_passed",
            Self::Tier3Granted => "tier3_granted",
            Self::AnnualReviewSubmitted => "annual_review_submitted",
            Self::ProfileUpdateSubmitted => "profile_update_submitted",
            Self::Suspended => "suspended",
            Self::SuspensionResponseSubmitted => "suspension_response_submitted",
            Self::Reinstated => "reinstated",
            Self::SuspensionResponseMissed => "suspension_response_missed",
            Self::Removed => "removed",
            Self::ProfileUpdateDeadlineMissed => "profile_update_deadline_missed",
            Self::WithdrawalRequested => "withdrawal_requested",
            Self::AppealFiled => "appeal_filed",
            Self::AppealDecided => "appeal_decided",
            Self::Reapplied => "reapplied",
            Self::BenefitRestricted => "benefit_restricted",
            Self::BenefitRestored => "benefit_restored",
            Self::BlankProfileNoticeSent => "blank_profile_notice_sent",
        }
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why the SCSS suspends a partner (domain.md §6.3 T10 (a), (b), (c)).
///
/// ```
/// use ctpat::lifecycle::SuspensionCause;
/// let c: Option<SuspensionCause> = serde_json::from_str("\"bond_data_missing\"").ok();
/// assert_eq!(c, Some(SuspensionCause::BondDataMissing));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SuspensionCause {
    /// (a) Mandatory bond data missing, until compliant (seed 002_b14c4bb2b0fafe34.txt).
    BondDataMissing,
    /// (b) A failed validation plus consistent non-compliance (seed 003_748fa2daea8a8359.txt);
    /// allowed only after a recorded `validation_failed`.
    FailedValidationNoncompliance,
    /// (c) A security incident or an MSC breach ([CBP-2009]).
    IncidentOrBreach,
    /// (c) Missing or false data ([CBP-2009]).
    MissingOrFalseData,
    /// (c) Lack of commitment (2nd).
    LackOfCommitment,
    /// (c) A missed annual review (2nd).
    MissedAnnualReview,
    /// (c) CBP inquiries left unanswered (2nd).
    UnansweredInquiries,
    /// Any other cause; give a `reason`.
    Other,
}

/// How headquarters decided an appeal ([6 USC 967(c)]).
///
/// ```
/// use ctpat::lifecycle::{AppealOutcome, Event, EventKind};
/// let e = Event::new(EventKind::AppealDecided).outcome(AppealOutcome::Reversed);
/// assert_eq!(serde_json::to_value(&e).ok(), Some(serde_json::json!({"kind": "appeal_decided", "outcome": "reversed"})));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppealOutcome {
    /// The decision is reversed: the status before it returns.
    Reversed,
    /// The decision stands.
    Upheld,
}

/// One event with the details some kinds need.
///
/// ```
/// use ctpat::lifecycle::{Event, EventKind, SuspensionCause};
/// let e: Option<Event> = serde_json::from_str(r#"{"kind": "suspended", "cause": "incident_or_breach"}"#).ok();
/// assert_eq!(e, Some(Event::new(EventKind::Suspended).cause(SuspensionCause::IncidentOrBreach)));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// For `suspended`: why (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<SuspensionCause>,
    /// For `suspended` and `removed`: knowingly false data, which shortens the appeal window to
    /// `appeal_false_data_days` ([6 USC 967(b)], [6 USC 967(c)]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub false_data: bool,
    /// For `appeal_decided`: the outcome (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<AppealOutcome>,
    /// For `benefit_restricted` / `benefit_restored`: which benefit (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit: Option<BenefitCode>,
    /// Free-text reason (required for `removed`); at most 1000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Event {
    /// An event of `kind` with no details.
    ///
    /// ```
    /// use ctpat::lifecycle::{Event, EventKind};
    /// let e = Event::new(EventKind::WithdrawalRequested);
    /// assert!(e.cause.is_none() && e.reason.is_none() && !e.false_data);
    /// ```
    pub fn new(kind: EventKind) -> Self {
        Self {
            kind,
            cause: None,
            false_data: false,
            outcome: None,
            benefit: None,
            reason: None,
        }
    }

    /// Sets the suspension cause.
    ///
    /// ```
    /// use ctpat::lifecycle::{Event, EventKind, SuspensionCause};
    /// let e = Event::new(EventKind::Suspended).cause(SuspensionCause::MissedAnnualReview);
    /// assert_eq!(e.cause, Some(SuspensionCause::MissedAnnualReview));
    /// ```
    pub fn cause(mut self, cause: SuspensionCause) -> Self {
        self.cause = Some(cause);
        self
    }

    /// Sets the appeal outcome.
    ///
    /// ```
    /// use ctpat::lifecycle::{AppealOutcome, Event, EventKind};
    /// assert_eq!(Event::new(EventKind::AppealDecided).outcome(AppealOutcome::Upheld).outcome, Some(AppealOutcome::Upheld));
    /// ```
    pub fn outcome(mut self, outcome: AppealOutcome) -> Self {
        self.outcome = Some(outcome);
        self
    }

    /// Sets the benefit concerned.
    ///
    /// ```
    /// use ctpat::lifecycle::{BenefitCode, Event, EventKind};
    /// let e = Event::new(EventKind::BenefitRestricted).benefit(BenefitCode::FastLanes);
    /// assert_eq!(e.benefit, Some(BenefitCode::FastLanes));
    /// ```
    pub fn benefit(mut self, benefit: BenefitCode) -> Self {
        self.benefit = Some(benefit);
        self
    }

    /// Sets the reason.
    ///
    /// ```
    /// use ctpat::lifecycle::{Event, EventKind};
    /// let e = Event::new(EventKind::Removed).reason("persistent non-compliance");
    /// assert_eq!(e.reason.as_deref(), Some("persistent non-compliance"));
    /// ```
    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// Marks the event as concerning knowingly false data.
    ///
    /// ```
    /// use ctpat::lifecycle::{Event, EventKind};
    /// assert!(Event::new(EventKind::Removed).false_data().false_data);
    /// ```
    pub fn false_data(mut self) -> Self {
        self.false_data = true;
        self
    }
}

crate::redact::masked_debug!(Event);
