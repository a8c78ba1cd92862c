//! Statuses and actors of the membership lifecycle (domain.md §6.1).

use serde::{Deserialize, Serialize};

/// Where a company stands in CTPAT (domain.md §6.1). Tier, appeal, annual review and benefit
/// restrictions are separate axes, not statuses.
///
/// ```
/// use ctpat::lifecycle::Status;
/// assert_eq!(serde_json::to_value(Status::PreApplicant).ok(), Some(serde_json::json!("pre_applicant")));
/// assert_eq!(Status::Tier3.to_string(), "tier3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No application yet: the state before T01 (domain.md §6.2 `[*]`).
    None,
    /// Only the company profile exists (2nd).
    PreApplicant,
    /// Application under review (seed 000_ce488379f704c3ca.txt).
    Applicant,
    /// Profile approved, vetting open (2nd).
    Approved,
    /// Tier 1 member (seed 003_748fa2daea8a8359.txt; [6 USC 964]).
    Certified,
    /// Tier 2 member (seed 003_748fa2daea8a8359.txt; [6 USC 965]).
    Validated,
    /// Tier 3 member ([6 USC 966]).
    Tier3,
    /// Benefits paused; decided by the field office (seed 002_b14c4bb2b0fafe34.txt).
    Suspended,
    /// Voluntary exit or withdrawal as a sanction (seed 000_ce488379f704c3ca.txt).
    Withdrawn,
    /// Expelled by headquarters (seed 001_66a073baa83fabba.txt; [6 USC 967(b)]).
    Removed,
    /// Application refused; appealable (seed 003_748fa2daea8a8359.txt).
    Rejected,
    /// Found ineligible; appealable (seed 003_748fa2daea8a8359.txt).
    Ineligible,
}

impl Status {
    /// Every status, in lifecycle order.
    ///
    /// ```
    /// use ctpat::lifecycle::Status;
    /// assert_eq!(Status::ALL.len(), 12);
    /// assert_eq!(Status::ALL.first(), Some(&Status::None));
    /// ```
    pub const ALL: &'static [Status] = &[
        Self::None,
        Self::PreApplicant,
        Self::Applicant,
        Self::Approved,
        Self::Certified,
        Self::Validated,
        Self::Tier3,
        Self::Suspended,
        Self::Withdrawn,
        Self::Removed,
        Self::Rejected,
        Self::Ineligible,
    ];

    /// The member statuses (domain.md §6.2 `member`: tier 1, 2 or 3).
    ///
    /// ```
    /// use ctpat::lifecycle::Status;
    /// assert!(Status::ALL.iter().all(|s| Status::MEMBER.contains(s) == s.is_member()));
    /// ```
    pub const MEMBER: &'static [Status] = &[Self::Certified, Self::Validated, Self::Tier3];

    /// The snake_case name used on the wire.
    ///
    /// ```
    /// assert_eq!(ctpat::lifecycle::Status::Suspended.as_str(), "suspended");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::PreApplicant => "pre_applicant",
            Self::Applicant => "applicant",
            Self::Approved => "approved",
            Self::Certified => "certified",
            Self::Validated => "validated",
            Self::Tier3 => "tier3",
            Self::Suspended => "suspended",
            Self::Withdrawn => "withdrawn",
            Self::Removed => "removed",
            Self::Rejected => "rejected",
            Self::Ineligible => "ineligible",
        }
    }

    /// The tier a member status stands for (1, 2 or 3); `None` for every other status.
    ///
    /// ```
    /// use ctpat::lifecycle::Status;
    /// assert_eq!(Status::Validated.tier(), Some(2));
    /// assert_eq!(Status::Suspended.tier(), None);
    /// ```
    pub fn tier(self) -> Option<u8> {
        match self {
            Self::Certified => Some(1),
            Self::Validated => Some(2),
            Self::Tier3 => Some(3),
            _ => None,
        }
    }

    /// Whether the status is certified, validated or tier3.
    ///
    /// ```
    /// use ctpat::lifecycle::Status;
    /// assert!(Status::Certified.is_member());
    /// assert!(!Status::Approved.is_member() && !Status::Suspended.is_member());
    /// ```
    pub fn is_member(self) -> bool {
        self.tier().is_some()
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who causes an event (domain.md §6.1).
///
/// ```
/// use ctpat::lifecycle::Actor;
/// assert_eq!(serde_json::from_str::<Actor>("\"cbp_scss\"").ok(), Some(Actor::CbpScss));
/// assert_eq!(Actor::CbpHq.to_string(), "cbp_hq");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// A company officer of the partner.
    PartnerOfficer,
    /// A point of contact of the partner.
    PartnerPoc,
    /// Any other portal user of the partner.
    PartnerUser,
    /// CBP's Supply Chain Security Specialist (field office).
    CbpScss,
    /// CBP headquarters, including the Secretary.
    CbpHq,
    /// The library itself, applying a passed deadline.
    System,
}

impl Actor {
    /// Every actor.
    ///
    /// ```
    /// use ctpat::lifecycle::Actor;
    /// assert_eq!(Actor::ALL.iter().filter(|a| a.is_partner()).count(), 3);
    /// ```
    pub const ALL: &'static [Actor] = &[
        Self::PartnerOfficer,
        Self::PartnerPoc,
        Self::PartnerUser,
        Self::CbpScss,
        Self::CbpHq,
        Self::System,
    ];

    /// The snake_case name used on the wire.
    ///
    /// ```
    /// assert_eq!(ctpat::lifecycle::Actor::PartnerPoc.as_str(), "partner_poc");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PartnerOfficer => "partner_officer",
            Self::PartnerPoc => "partner_poc",
            Self::PartnerUser => "partner_user",
            Self::CbpScss => "cbp_scss",
            Self::CbpHq => "cbp_hq",
            Self::System => "system",
        }
    }

    /// Whether the actor acts for the partner company.
    ///
    /// ```
    /// use ctpat::lifecycle::Actor;
    /// assert!(Actor::PartnerUser.is_partner());
    /// assert!(!Actor::CbpScss.is_partner() && !Actor::System.is_partner());
    /// ```
    pub fn is_partner(self) -> bool {
        matches!(
            self,
            Self::PartnerOfficer | Self::PartnerPoc | Self::PartnerUser
        )
    }
}

impl std::fmt::Display for Actor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
