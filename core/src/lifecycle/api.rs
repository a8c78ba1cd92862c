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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Serialize, Deserialize)]
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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Serialize, Deserialize)]
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
#[derive(Debug, Serialize, Deserialize)]
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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Serialize, Deserialize)]
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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyLogCall {
    /// The log entries, oldest first.
    pub log: Vec<LogEntry>,
}

fn run_verify_log(args: Value) -> Result<Value, Error> {
    let call: VerifyLogCall = from_value(args, "")?;
    answer(&verify_log(&call.log))
}

/// Arguments of `replay`.
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMembershipCall {
    /// The enrollment type.
    pub business_type: BusinessType,
}

fn run_new_membership(args: Value) -> Result<Value, Error> {
    let call: NewMembershipCall = from_value(args, "")?;
    answer(&Membership::new(call.business_type))
}

/// Arguments of `link_for_joint_validation`.
#[derive(Debug, Deserialize)]
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
}

/// Answer of `link_for_joint_validation`.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkAnswer {
    /// The memberships with `linked_group` set.
    pub memberships: Vec<Membership>,
    /// The shared schedule.
    pub schedule: JointSchedule,
}

fn run_link(args: Value) -> Result<Value, Error> {
    let call: LinkCall = from_value(args, "")?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let mut memberships = call.memberships;
    let schedule = link_for_joint_validation(&mut memberships, &call.group, &policy)?;
    answer(&LinkAnswer {
        memberships,
        schedule,
    })
}
