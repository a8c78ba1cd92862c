//! JSON operations of the lifecycle module.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::Date;

use super::{
    Actor, Benefit, Deadline, Event, JointSchedule, LogEntry, Membership, Transition,
    TransitionRule, link_for_joint_validation, transitions, verify_log,
};
use crate::api::{Operation, check_rules_version, from_value, policy_from_value};
use crate::entity::BusinessType;
use crate::error::Error;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation {
        name: "advance",
        summary: "applies every deadline consequence that took effect by `as_of`",
        run: run_advance,
        fast: None,
    },
    Operation {
        name: "apply_event",
        summary: "applies one lifecycle event to a membership (state in, state out)",
        run: run_apply_event,
        fast: None,
    },
    Operation {
        name: "benefits",
        summary: "lists the benefits a membership enjoys now",
        run: run_benefits,
        fast: None,
    },
    Operation {
        name: "deadlines",
        summary: "lists what a membership has due next on `as_of`",
        run: run_deadlines,
        fast: None,
    },
    Operation {
        name: "link_for_joint_validation",
        summary: "links memberships into one validation group and returns the shared schedule",
        run: run_link,
        fast: None,
    },
    Operation {
        name: "new_membership",
        summary: "a membership that has not applied yet",
        run: run_new_membership,
        fast: None,
    },
    Operation {
        name: "replay",
        summary: "rebuilds a membership from its audit log",
        run: run_replay,
        fast: None,
    },
    Operation {
        name: "transitions",
        summary: "lists the lifecycle transition table",
        run: run_transitions,
        fast: None,
    },
    Operation {
        name: "verify_log",
        summary: "checks a membership audit log's hash chain",
        run: run_verify_log,
        fast: None,
    },
];

fn answer<T: Serialize>(value: &T) -> Result<Value, Error> {
    Ok(serde_json::to_value(value)?)
}

/// Arguments of `apply_event`.
///
/// ```
/// use ctpat::lifecycle::{Actor, Status, api::ApplyEventCall};
/// let c: ApplyEventCall = serde_json::from_str(
///     r#"{"membership":{"business_type":"importer","status":"none","log":[]},
///         "event":{"kind":"application_started"},"actor":"partner_officer","at":"2024-01-02"}"#,
/// ).unwrap();
/// assert_eq!((c.membership.status, c.actor), (Status::None, Actor::PartnerOfficer));
/// assert_eq!(c.at.to_string(), "2024-01-02");
/// assert!(c.policy.is_none() && c.rules_version.is_none());
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplyEventCall {
    /// The membership as returned by an earlier call.
    pub membership: Membership,
    /// The event.
    pub event: Event,
    /// Who causes it.
    pub actor: Actor,
    /// Date of the event, `YYYY-MM-DD`.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub at: Date,
    /// Absent: `current`; a preset name; or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `apply_event`.
///
/// ```
/// use ctpat::{api::call, lifecycle::{Status, api::ApplyEventAnswer}};
/// let m = call("new_membership", r#"{"business_type":"importer"}"#).unwrap();
/// let out = call("apply_event", &format!(
///     r#"{{"membership":{m},"event":{{"kind":"application_started"}},
///         "actor":"partner_officer","at":"2024-01-02"}}"#
/// )).unwrap();
/// let a: ApplyEventAnswer = serde_json::from_str(&out).unwrap();
/// assert_eq!((a.transition.from, a.transition.to), (Status::None, Status::PreApplicant));
/// assert_eq!(a.membership.status, Status::PreApplicant);
/// assert_eq!(a.membership.log.len(), 1);
/// assert_eq!(a.rules_version, ctpat::RULES_VERSION);
/// ```
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApplyEventAnswer {
    /// The membership after the event.
    pub membership: Membership,
    /// What happened.
    pub transition: Transition,
    /// Rules edition used.
    pub rules_version: String,
}

fn run_apply_event(args: Value) -> Result<Value, Error> {
    let call: ApplyEventCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let (membership, transition) =
        call.membership
            .apply(&call.event, call.actor, call.at, &policy)?;
    answer(&ApplyEventAnswer {
        membership,
        transition,
        rules_version: crate::RULES_VERSION.to_owned(),
    })
}

/// Arguments of `advance` and `deadlines`.
///
/// ```
/// use ctpat::lifecycle::api::AsOfCall;
/// let c: AsOfCall = serde_json::from_str(
///     r#"{"membership":{"business_type":"importer","status":"none","log":[]},
///         "as_of":"2006-10-15","policy":"portal_2006"}"#,
/// ).unwrap();
/// assert_eq!(c.as_of.to_string(), "2006-10-15");
/// assert_eq!(c.policy, Some(serde_json::json!("portal_2006")));
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AsOfCall {
    /// The membership.
    pub membership: Membership,
    /// The date to evaluate on, `YYYY-MM-DD`.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// Absent: `current`; a preset name; or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `advance`.
///
/// ```
/// # fn step(m: &str, kind: &str, actor: &str, at: &str) -> String {
/// #     let call = format!(
/// #         r#"{{"membership":{m},"event":{{"kind":"{kind}"}},"actor":"{actor}","at":"{at}"}}"#
/// #     );
/// #     let out = ctpat::api::call("apply_event", &call).unwrap();
/// #     serde_json::from_str::<serde_json::Value>(&out).unwrap()["membership"].to_string()
/// # }
/// # /// Certified 1 Mar of `year` (started 2 Jan, submitted 10 Jan, approved 1 Feb).
/// # fn certified(business_type: &str, year: i32) -> String {
/// #     let new = format!(r#"{{"business_type":"{business_type}"}}"#);
/// #     let mut m = ctpat::api::call("new_membership", &new).unwrap();
/// #     for (kind, actor, at) in [
/// #         ("application_started", "partner_officer", "01-02"),
/// #         ("profile_submitted", "partner_officer", "01-10"),
/// #         ("profile_approved", "cbp_scss", "02-01"),
/// #         ("certified", "cbp_scss", "03-01"),
/// #     ] {
/// #         m = step(&m, kind, actor, &format!("{year}-{at}"));
/// #     }
/// #     m
/// # }
/// use ctpat::lifecycle::{Status, api::AdvanceAnswer};
/// // an importer certified in 2006 that never updated its profile for the new portal
/// let m = certified("importer", 2006);
/// let call = format!(r#"{{"membership":{m},"as_of":"2006-10-15","policy":"portal_2006"}}"#);
/// let out = ctpat::api::call("advance", &call).unwrap();
/// let a: AdvanceAnswer = serde_json::from_str(&out).unwrap();
/// assert_eq!(a.membership.status, Status::Withdrawn);
/// assert_eq!(a.transitions.len(), 1);
/// assert_eq!(a.transitions[0].at.to_string(), "2006-10-01");
/// assert_eq!(a.as_of.to_string(), "2006-10-15");
/// ```
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AdvanceAnswer {
    /// The date used.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// The membership after every passed consequence.
    pub membership: Membership,
    /// The consequences applied, in date order.
    pub transitions: Vec<Transition>,
    /// Rules edition used.
    pub rules_version: String,
}

fn run_advance(args: Value) -> Result<Value, Error> {
    let call: AsOfCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let (membership, transitions) = call.membership.advance(call.as_of, &policy)?;
    answer(&AdvanceAnswer {
        as_of: call.as_of,
        membership,
        transitions,
        rules_version: crate::RULES_VERSION.to_owned(),
    })
}

/// Answer of `deadlines`.
///
/// ```
/// # fn step(m: &str, kind: &str, actor: &str, at: &str) -> String {
/// #     let call = format!(
/// #         r#"{{"membership":{m},"event":{{"kind":"{kind}"}},"actor":"{actor}","at":"{at}"}}"#
/// #     );
/// #     let out = ctpat::api::call("apply_event", &call).unwrap();
/// #     serde_json::from_str::<serde_json::Value>(&out).unwrap()["membership"].to_string()
/// # }
/// # /// Certified 1 Mar of `year` (started 2 Jan, submitted 10 Jan, approved 1 Feb).
/// # fn certified(business_type: &str, year: i32) -> String {
/// #     let new = format!(r#"{{"business_type":"{business_type}"}}"#);
/// #     let mut m = ctpat::api::call("new_membership", &new).unwrap();
/// #     for (kind, actor, at) in [
/// #         ("application_started", "partner_officer", "01-02"),
/// #         ("profile_submitted", "partner_officer", "01-10"),
/// #         ("profile_approved", "cbp_scss", "02-01"),
/// #         ("certified", "cbp_scss", "03-01"),
/// #     ] {
/// #         m = step(&m, kind, actor, &format!("{year}-{at}"));
/// #     }
/// #     m
/// # }
/// use ctpat::lifecycle::{DeadlineKind, DeadlineState, Status, api::DeadlinesAnswer};
/// let m = ctpat::api::call("new_membership", r#"{"business_type":"importer"}"#).unwrap();
/// let m = step(&m, "application_started", "partner_officer", "2024-01-02");
/// let m = step(&m, "profile_submitted", "partner_officer", "2024-01-10");
/// let call = format!(r#"{{"membership":{m},"as_of":"2024-02-01"}}"#);
/// let out = ctpat::api::call("deadlines", &call).unwrap();
/// let a: DeadlinesAnswer = serde_json::from_str(&out).unwrap();
/// assert_eq!(a.status, Status::Applicant);
/// // the certification decision is a target 90 days after the application
/// let d = &a.deadlines[0];
/// assert_eq!(d.kind, DeadlineKind::CertificationDecision);
/// assert_eq!(d.due.to_string(), "2024-04-09");
/// assert_eq!((d.state, d.target_only), (DeadlineState::Due, true));
/// ```
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeadlinesAnswer {
    /// The date used.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// The membership's status.
    pub status: super::Status,
    /// Deadlines sorted by due date.
    pub deadlines: Vec<Deadline>,
    /// Rules edition used.
    pub rules_version: String,
}

fn run_deadlines(args: Value) -> Result<Value, Error> {
    let call: AsOfCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let deadlines = call.membership.deadlines(call.as_of, &policy)?;
    answer(&DeadlinesAnswer {
        as_of: call.as_of,
        status: call.membership.status,
        deadlines,
        rules_version: crate::RULES_VERSION.to_owned(),
    })
}

/// Arguments of `benefits`.
///
/// ```
/// use ctpat::lifecycle::api::BenefitsCall;
/// let c: BenefitsCall = serde_json::from_str(
///     r#"{"membership":{"business_type":"importer","status":"none","log":[]},
///         "rules_version":"2026.1"}"#,
/// ).unwrap();
/// assert_eq!(c.rules_version.as_deref(), Some("2026.1"));
/// assert!(c.policy.is_none());
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BenefitsCall {
    /// The membership.
    pub membership: Membership,
    /// Absent: `current`; a preset name; or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `benefits`.
///
/// ```
/// # fn step(m: &str, kind: &str, actor: &str, at: &str) -> String {
/// #     let call = format!(
/// #         r#"{{"membership":{m},"event":{{"kind":"{kind}"}},"actor":"{actor}","at":"{at}"}}"#
/// #     );
/// #     let out = ctpat::api::call("apply_event", &call).unwrap();
/// #     serde_json::from_str::<serde_json::Value>(&out).unwrap()["membership"].to_string()
/// # }
/// # /// Certified 1 Mar of `year` (started 2 Jan, submitted 10 Jan, approved 1 Feb).
/// # fn certified(business_type: &str, year: i32) -> String {
/// #     let new = format!(r#"{{"business_type":"{business_type}"}}"#);
/// #     let mut m = ctpat::api::call("new_membership", &new).unwrap();
/// #     for (kind, actor, at) in [
/// #         ("application_started", "partner_officer", "01-02"),
/// #         ("profile_submitted", "partner_officer", "01-10"),
/// #         ("profile_approved", "cbp_scss", "02-01"),
/// #         ("certified", "cbp_scss", "03-01"),
/// #     ] {
/// #         m = step(&m, kind, actor, &format!("{year}-{at}"));
/// #     }
/// #     m
/// # }
/// use ctpat::lifecycle::{BenefitCode, Status, api::BenefitsAnswer};
/// let m = certified("importer", 2024);
/// let out = ctpat::api::call("benefits", &format!(r#"{{"membership":{m}}}"#)).unwrap();
/// let a: BenefitsAnswer = serde_json::from_str(&out).unwrap();
/// assert_eq!((a.status, a.tier), (Status::Certified, Some(1)));
/// assert!(a.benefits.iter().any(|b| b.code == BenefitCode::AtsReductionTier1));
/// // nothing is enjoyed before certification
/// let none = ctpat::api::call("new_membership", r#"{"business_type":"importer"}"#).unwrap();
/// let out = ctpat::api::call("benefits", &format!(r#"{{"membership":{none}}}"#)).unwrap();
/// assert!(serde_json::from_str::<BenefitsAnswer>(&out).unwrap().benefits.is_empty());
/// ```
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BenefitsAnswer {
    /// The membership's status.
    pub status: super::Status,
    /// Tier (1–3) of the status, or of the status before a suspension.
    pub tier: Option<u8>,
    /// Benefits enjoyed now.
    pub benefits: Vec<Benefit>,
    /// Rules edition used.
    pub rules_version: String,
}

fn run_benefits(args: Value) -> Result<Value, Error> {
    let call: BenefitsCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    answer(&BenefitsAnswer {
        status: call.membership.status,
        tier: call.membership.tier(),
        benefits: call.membership.benefits(&policy),
        rules_version: crate::RULES_VERSION.to_owned(),
    })
}

/// Arguments with no fields.
///
/// ```
/// use ctpat::{api::call, lifecycle::api::EmptyCall};
/// let c: EmptyCall = serde_json::from_str("{}").unwrap();
/// assert!(c.rules_version.is_none());
/// // `transitions` takes it: the table, or a refusal for another rules edition
/// let table: serde_json::Value =
///     serde_json::from_str(&call("transitions", "{}").unwrap()).unwrap();
/// assert_eq!(table[0]["id"], "T01");
/// let e = call("transitions", r#"{"rules_version":"1999.1"}"#).unwrap_err();
/// assert_eq!(e.code(), "unsupported_rules_version");
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmptyCall {
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

fn run_transitions(args: Value) -> Result<Value, Error> {
    let call: EmptyCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let rules: &[TransitionRule] = transitions();
    answer(&rules)
}

/// Arguments of `verify_log`.
///
/// ```
/// # fn step(m: &str, kind: &str, actor: &str, at: &str) -> String {
/// #     let call = format!(
/// #         r#"{{"membership":{m},"event":{{"kind":"{kind}"}},"actor":"{actor}","at":"{at}"}}"#
/// #     );
/// #     let out = ctpat::api::call("apply_event", &call).unwrap();
/// #     serde_json::from_str::<serde_json::Value>(&out).unwrap()["membership"].to_string()
/// # }
/// # /// Certified 1 Mar of `year` (started 2 Jan, submitted 10 Jan, approved 1 Feb).
/// # fn certified(business_type: &str, year: i32) -> String {
/// #     let new = format!(r#"{{"business_type":"{business_type}"}}"#);
/// #     let mut m = ctpat::api::call("new_membership", &new).unwrap();
/// #     for (kind, actor, at) in [
/// #         ("application_started", "partner_officer", "01-02"),
/// #         ("profile_submitted", "partner_officer", "01-10"),
/// #         ("profile_approved", "cbp_scss", "02-01"),
/// #         ("certified", "cbp_scss", "03-01"),
/// #     ] {
/// #         m = step(&m, kind, actor, &format!("{year}-{at}"));
/// #     }
/// #     m
/// # }
/// use ctpat::lifecycle::api::VerifyLogCall;
/// let m: serde_json::Value = serde_json::from_str(&certified("importer", 2024)).unwrap();
/// let call = serde_json::json!({"log": m["log"]});
/// let c: VerifyLogCall = serde_json::from_value(call.clone()).unwrap();
/// assert_eq!(c.log.len(), 4);
/// let out: serde_json::Value =
///     serde_json::from_str(&ctpat::api::call("verify_log", &call.to_string()).unwrap()).unwrap();
/// assert_eq!((out["ok"].as_bool(), out["entries"].as_u64()), (Some(true), Some(4)));
/// // an edited entry breaks the chain
/// let mut edited = call;
/// edited["log"][2]["at"] = "2024-02-02".into();
/// let out: serde_json::Value =
///     serde_json::from_str(&ctpat::api::call("verify_log", &edited.to_string()).unwrap()).unwrap();
/// assert_eq!((out["ok"].as_bool(), out["problem"].as_str()), (Some(false), Some("edited")));
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyLogCall {
    /// The log entries, oldest first.
    pub log: Vec<LogEntry>,
    /// The rules edition the caller expects; another edition is refused.
    #[serde(default)]
    pub rules_version: Option<String>,
}

fn run_verify_log(args: Value) -> Result<Value, Error> {
    let call: VerifyLogCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    answer(&verify_log(&call.log))
}

/// Arguments of `replay`.
///
/// ```
/// # fn step(m: &str, kind: &str, actor: &str, at: &str) -> String {
/// #     let call = format!(
/// #         r#"{{"membership":{m},"event":{{"kind":"{kind}"}},"actor":"{actor}","at":"{at}"}}"#
/// #     );
/// #     let out = ctpat::api::call("apply_event", &call).unwrap();
/// #     serde_json::from_str::<serde_json::Value>(&out).unwrap()["membership"].to_string()
/// # }
/// # /// Certified 1 Mar of `year` (started 2 Jan, submitted 10 Jan, approved 1 Feb).
/// # fn certified(business_type: &str, year: i32) -> String {
/// #     let new = format!(r#"{{"business_type":"{business_type}"}}"#);
/// #     let mut m = ctpat::api::call("new_membership", &new).unwrap();
/// #     for (kind, actor, at) in [
/// #         ("application_started", "partner_officer", "01-02"),
/// #         ("profile_submitted", "partner_officer", "01-10"),
/// #         ("profile_approved", "cbp_scss", "02-01"),
/// #         ("certified", "cbp_scss", "03-01"),
/// #     ] {
/// #         m = step(&m, kind, actor, &format!("{year}-{at}"));
/// #     }
/// #     m
/// # }
/// use ctpat::lifecycle::api::ReplayCall;
/// let m: serde_json::Value = serde_json::from_str(&certified("importer", 2024)).unwrap();
/// let call = serde_json::json!({"business_type": "importer", "log": m["log"]});
/// let c: ReplayCall = serde_json::from_value(call.clone()).unwrap();
/// assert_eq!(c.business_type, ctpat::BusinessType::Importer);
/// // replaying the log rebuilds the same membership
/// let rebuilt = ctpat::api::call("replay", &call.to_string()).unwrap();
/// assert_eq!(serde_json::from_str::<serde_json::Value>(&rebuilt).unwrap(), m);
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReplayCall {
    /// The enrollment type.
    pub business_type: BusinessType,
    /// The log entries, oldest first.
    pub log: Vec<LogEntry>,
    /// Absent: `current`; a preset name; or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

fn run_replay(args: Value) -> Result<Value, Error> {
    let call: ReplayCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    answer(&Membership::replay(call.business_type, &call.log, &policy)?)
}

/// Arguments of `new_membership`.
///
/// ```
/// use ctpat::{BusinessType, api::call, lifecycle::api::NewMembershipCall};
/// let c: NewMembershipCall = serde_json::from_str(r#"{"business_type":"importer"}"#).unwrap();
/// assert_eq!(c.business_type, BusinessType::Importer);
/// let out = call("new_membership", r#"{"business_type":"importer"}"#).unwrap();
/// assert_eq!(out, r#"{"business_type":"importer","status":"none","log":[]}"#);
/// let e = call("new_membership", r#"{"business_type":"pirate"}"#).unwrap_err();
/// assert_eq!((e.code(), e.path()), ("invalid_input", "/business_type"));
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMembershipCall {
    /// The enrollment type.
    pub business_type: BusinessType,
    /// The rules edition the caller expects; another edition is refused.
    #[serde(default)]
    pub rules_version: Option<String>,
}

fn run_new_membership(args: Value) -> Result<Value, Error> {
    let call: NewMembershipCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    answer(&Membership::new(call.business_type))
}

/// Arguments of `link_for_joint_validation`.
///
/// ```
/// use ctpat::lifecycle::api::LinkCall;
/// let c: LinkCall = serde_json::from_str(
///     r#"{"memberships":[],"group":"acme","policy":{"joint_validation":true}}"#,
/// ).unwrap();
/// assert_eq!(c.group, "acme");
/// assert!(c.memberships.is_empty());
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LinkCall {
    /// The memberships to link.
    pub memberships: Vec<Membership>,
    /// The group id.
    pub group: String,
    /// Absent: `current`; a preset name; or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// The rules edition the caller expects; another edition is refused.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `link_for_joint_validation`.
///
/// ```
/// # fn step(m: &str, kind: &str, actor: &str, at: &str) -> String {
/// #     let call = format!(
/// #         r#"{{"membership":{m},"event":{{"kind":"{kind}"}},"actor":"{actor}","at":"{at}"}}"#
/// #     );
/// #     let out = ctpat::api::call("apply_event", &call).unwrap();
/// #     serde_json::from_str::<serde_json::Value>(&out).unwrap()["membership"].to_string()
/// # }
/// # /// Certified 1 Mar of `year` (started 2 Jan, submitted 10 Jan, approved 1 Feb).
/// # fn certified(business_type: &str, year: i32) -> String {
/// #     let new = format!(r#"{{"business_type":"{business_type}"}}"#);
/// #     let mut m = ctpat::api::call("new_membership", &new).unwrap();
/// #     for (kind, actor, at) in [
/// #         ("application_started", "partner_officer", "01-02"),
/// #         ("profile_submitted", "partner_officer", "01-10"),
/// #         ("profile_approved", "cbp_scss", "02-01"),
/// #         ("certified", "cbp_scss", "03-01"),
/// #     ] {
/// #         m = step(&m, kind, actor, &format!("{year}-{at}"));
/// #     }
/// #     m
/// # }
/// use ctpat::lifecycle::api::LinkAnswer;
/// let (a, b) = (certified("importer", 2024), certified("foreign_manufacturer", 2023));
/// let call = format!(
///     r#"{{"memberships":[{a},{b}],"group":"acme","policy":{{"joint_validation":true}}}}"#
/// );
/// let out = ctpat::api::call("link_for_joint_validation", &call).unwrap();
/// let linked: LinkAnswer = serde_json::from_str(&out).unwrap();
/// assert_eq!(linked.schedule.members, 2);
/// assert!(linked.memberships.iter().all(|m| m.linked_group.as_deref() == Some("acme")));
/// // joint validation is a policy switch, off by default
/// let call = format!(r#"{{"memberships":[{a},{b}],"group":"acme"}}"#);
/// let e = ctpat::api::call("link_for_joint_validation", &call).unwrap_err();
/// assert_eq!(e.code(), "lifecycle.joint_validation_disabled");
/// assert_eq!(e.path(), "/policy/joint_validation");
/// ```
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkAnswer {
    /// The memberships with `linked_group` set.
    pub memberships: Vec<Membership>,
    /// The shared schedule.
    pub schedule: JointSchedule,
    /// The rules edition used.
    pub rules_version: String,
}

fn run_link(args: Value) -> Result<Value, Error> {
    let call: LinkCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let mut memberships = call.memberships;
    let schedule = link_for_joint_validation(&mut memberships, &call.group, &policy)?;
    answer(&LinkAnswer {
        memberships,
        schedule,
        rules_version: crate::RULES_VERSION.to_owned(),
    })
}

crate::redact::masked_debug!(
    ApplyEventCall,
    ApplyEventAnswer,
    AsOfCall,
    AdvanceAnswer,
    DeadlinesAnswer,
    BenefitsCall,
    BenefitsAnswer,
    EmptyCall,
    VerifyLogCall,
    ReplayCall,
    NewMembershipCall,
    LinkCall,
    LinkAnswer
);
