//! Joint validation of linked accounts (domain.md §7.3 #4; §9 C17): memberships in one
//! validation group share one validation date and then one revalidation deadline.
//!
//! Kept simple on purpose: linking writes the group id to each membership and computes the
//! shared schedule; the joint validation itself is recorded by applying `validation_passed`
//! or `revalidation_passed` to every member on the same date.

use serde::{Deserialize, Serialize};
use time::Date;

use super::deadlines::plus_years;
use super::membership::Membership;
use crate::error::Error;
use crate::policy::Policy;

/// The shared schedule of a validation group (domain.md §7.3 #4; §9 C17).
///
/// ```
/// use ctpat::lifecycle::link_for_joint_validation;
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
/// let p = Policy { joint_validation: true, ..Policy::current() };
/// let mut group = [m.clone(), m];
/// let s = link_for_joint_validation(&mut group, "acme", &p).unwrap();
/// assert_eq!((s.members, s.next_validation_due, s.following_revalidation_due), (2, Some(date!(2025-03-01)), Some(date!(2029-03-01))));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct JointSchedule {
    /// The group id written to each membership's `linked_group`.
    pub group: String,
    /// Number of memberships in the group.
    pub members: usize,
    /// The one validation date the group shares: the earliest date any member is due, so none
    /// is late. Validate every member on it (one SCSS, one visit).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub next_validation_due: Option<Date>,
    /// Once validated together, the one revalidation deadline they then share.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::serde_date::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub following_revalidation_due: Option<Date>,
    /// Where the rule comes from.
    pub source: String,
}

/// Links memberships for joint validation: writes `group` to each `linked_group` and returns
/// the shared schedule. Fails with `lifecycle.joint_validation_disabled` unless
/// `policy.joint_validation` (Portal 2.0; default off after the 2023 portal, §9 C17), and with
/// `lifecycle.invalid_group` for an empty group id or no memberships.
///
/// ```
/// use ctpat::lifecycle::link_for_joint_validation;
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
/// let mut group = [m];
/// let off = link_for_joint_validation(&mut group, "acme", &p).map_err(|e| e.code());
/// assert_eq!(off, Err("lifecycle.joint_validation_disabled")); // the default policy
/// let on = Policy { joint_validation: true, ..Policy::current() };
/// assert!(link_for_joint_validation(&mut group, "acme", &on).is_ok());
/// assert_eq!(group[0].linked_group.as_deref(), Some("acme"));
/// ```
pub fn link_for_joint_validation(
    memberships: &mut [Membership],
    group: &str,
    policy: &Policy,
) -> Result<JointSchedule, Error> {
    if !policy.joint_validation {
        return Err(Error::NotAllowed {
            code: "lifecycle.joint_validation_disabled",
            message: "the policy has no joint validation of linked accounts".to_owned(),
            path: "/policy/joint_validation".to_owned(),
        });
    }
    if group.trim().is_empty() || group.chars().count() > 200 || memberships.is_empty() {
        return Err(Error::input_code(
            "lifecycle.invalid_group",
            "/group",
            "a group needs a non-empty id of at most 200 characters and at least one membership",
        ));
    }
    let mut earliest: Option<Date> = None;
    for m in memberships.iter() {
        if let Some(due) = m.validation_due(policy)? {
            earliest = Some(earliest.map_or(due, |e| e.min(due)));
        }
    }
    for m in memberships.iter_mut() {
        m.linked_group = Some(group.to_owned());
    }
    let following = earliest
        .map(|d| {
            plus_years(
                d,
                policy.revalidation_interval_years,
                "the joint revalidation",
            )
        })
        .transpose()?;
    Ok(JointSchedule {
        group: group.to_owned(),
        members: memberships.len(),
        next_validation_due: earliest,
        following_revalidation_due: following,
        source: "seed 002_b14c4bb2b0fafe34.txt; domain.md §7.3 #4, §9 C17".to_owned(),
    })
}

crate::redact::masked_debug!(JointSchedule);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::BusinessType;
    use crate::lifecycle::{Actor, Event, EventKind};
    use time::macros::date;

    fn run(m: &mut Membership, steps: &[(EventKind, Actor, Date)], p: &Policy) {
        for (kind, actor, at) in steps {
            m.apply_mut(&Event::new(*kind), *actor, *at, p).unwrap();
        }
    }

    #[test]
    fn joint_validation_needs_the_switch_and_takes_the_earliest_due_date() {
        let mut p = Policy::current();
        let mut a = Membership::new(BusinessType::Importer);
        run(
            &mut a,
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
                (EventKind::Certified, Actor::CbpScss, date!(2020 - 03 - 02)),
            ],
            &p,
        );
        let mut group = vec![
            a.clone(),
            Membership::new(BusinessType::ForeignManufacturer),
        ];
        let e = link_for_joint_validation(&mut group, "g", &p).unwrap_err();
        assert_eq!(e.code(), "lifecycle.joint_validation_disabled");
        assert_eq!(group[0].linked_group, None);
        p.joint_validation = true;
        let s = link_for_joint_validation(&mut group, "g", &p).unwrap();
        assert_eq!(s.next_validation_due, Some(date!(2021 - 03 - 02)));
        assert_eq!(s.following_revalidation_due, Some(date!(2025 - 03 - 02)));
        assert!(group.iter().all(|m| m.linked_group.as_deref() == Some("g")));
        let e = link_for_joint_validation(&mut group, " ", &p).unwrap_err();
        assert_eq!((e.code(), e.path()), ("lifecycle.invalid_group", "/group"));
    }
}
