//! The access rule table (domain.md §6.3, §7), kept as data and evaluated in order by
//! [`crate::portal::authorize()`]. The first rule that matches decides; when none matches the
//! answer is `portal.default_deny`.

use serde::{Deserialize, Serialize};

use crate::portal::model::AccountStatus;

macro_rules! actions {
    ($($variant:ident => $code:literal, $doc:literal;)*) => {
        /// Something a principal may try to do in an account.
        ///
        /// ```
        /// use ctpat::portal::Action;
        /// assert_eq!("add_user".parse::<Action>().ok(), Some(Action::AddUser));
        /// assert_eq!("fly".parse::<Action>().map_err(|e| e.code()), Err("portal.unknown_action"));
        /// assert_eq!(Action::ChangeBond.to_string(), "change_bond");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $(
                #[doc = $doc]
                $variant,
            )*
        }

        impl Action {
            /// Every action, in declaration order.
            ///
            /// ```
            /// use ctpat::portal::Action;
            /// assert!(Action::ALL.iter().all(|a| Action::from_code(a.as_str()) == Some(*a)));
            /// ```
            pub const ALL: &'static [Action] = &[$(Self::$variant),*];

            /// The snake_case code used on the wire.
            ///
            /// ```
            /// assert_eq!(ctpat::portal::Action::RequestWithdrawal.as_str(), "request_withdrawal");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)* }
            }

            /// Looks an action up by its code.
            ///
            /// ```
            /// use ctpat::portal::Action;
            /// assert_eq!(Action::from_code("certify"), Some(Action::Certify));
            /// assert_eq!(Action::from_code("Certify"), None);
            /// ```
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    ViewAccount => "view_account", "Read the account (company data, contacts, users).";
    ViewSecurityProfile => "view_security_profile", "Read the security profile.";
    EditCompanyInfo => "edit_company_info", "Change company data or contacts.";
    EditSecurityProfile => "edit_security_profile", "Change the security profile.";
    SubmitAnnualReview => "submit_annual_review", "Submit the initial or annual profile review.";
    SignPartnerAgreement => "sign_partner_agreement", "Sign a partner agreement (incl. SVI, MRA).";
    CreateAccount => "create_account", "Create (open) the account.";
    AddUser => "add_user", "Designate a new user.";
    RemoveUser => "remove_user", "Remove a designated user.";
    ChangeBond => "change_bond", "Change the bond number.";
    LinkAccounts => "link_accounts", "Link or unlink accounts for a joint validation.";
    RequestWithdrawal => "request_withdrawal", "Ask in writing to leave the program (T15).";
    ShareInformation => "share_information", "Release account data outside CBP.";
    SendMessage => "send_message", "Send a secure message to CBP or the SCSS.";
    Certify => "certify", "CBP: certify the partner (T04).";
    Validate => "validate", "CBP: record a passed validation (T07, T08).";
    Suspend => "suspend", "CBP: suspend the partner (T10).";
    Reinstate => "reinstate", "CBP: reinstate a suspended partner (T11).";
    Remove => "remove", "CBP headquarters: remove the partner (T13).";
    ApproveProfile => "approve_profile", "CBP: approve the security profile (T03).";
    RejectApplication => "reject_application", "CBP: reject the application (T05).";
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Action {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_code(s).ok_or_else(|| {
            crate::error::Error::input_code(
                "portal.unknown_action",
                "",
                format!("unknown action `{}`", crate::ident::truncate_for_message(s)),
            )
        })
    }
}

/// Whether a rule grants or refuses.
///
/// ```
/// use ctpat::portal::{ACCESS_RULES, Effect};
/// // Every deny rule comes before every allow rule.
/// let first_allow = ACCESS_RULES.iter().position(|r| r.effect == Effect::Allow).unwrap_or(0);
/// assert!(ACCESS_RULES.iter().skip(first_allow).all(|r| r.effect == Effect::Allow));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The action is allowed.
    Allow,
    /// The action is refused.
    Deny,
}

/// Which actions a rule covers.
///
/// ```
/// use ctpat::portal::{Action, rules::Actions};
/// assert!(Actions::Any.covers(Action::Remove));
/// assert!(!Actions::Only(&[Action::AddUser]).covers(Action::RemoveUser));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actions {
    /// Every action.
    Any,
    /// Only these.
    Only(&'static [Action]),
    /// Every action but these.
    Except(&'static [Action]),
}

impl Actions {
    /// Whether `action` is covered.
    ///
    /// ```
    /// use ctpat::portal::{Action, rules::Actions};
    /// let all_but_reads = Actions::Except(&[Action::ViewAccount]);
    /// assert!(all_but_reads.covers(Action::AddUser) && !all_but_reads.covers(Action::ViewAccount));
    /// ```
    pub fn covers(self, action: Action) -> bool {
        match self {
            Self::Any => true,
            Self::Only(list) => list.contains(&action),
            Self::Except(list) => !list.contains(&action),
        }
    }
}

/// A fact about a user's place in the account.
///
/// ```
/// use ctpat::portal::{ACCESS_RULES, rules::{Fact, Who}};
/// let officer_only = ACCESS_RULES.iter().find(|r| r.code == "action.officer_only").unwrap();
/// assert_eq!(officer_only.who, Who::MemberWithout(Fact::Officer));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// The user is a POC (primary or not).
    Poc,
    /// The user is the primary POC.
    PrimaryPoc,
    /// The user is a contact of type `company_officer`.
    Officer,
    /// The user is the primary POC or a designated user.
    PrimaryPocOrDesignated,
}

/// Which principals a rule covers.
///
/// ```
/// use ctpat::portal::{ACCESS_RULES, rules::Who};
/// let hq = ACCESS_RULES.iter().find(|r| r.code == "lifecycle.hq_removes").unwrap();
/// assert_eq!(hq.who, Who::Hq);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// Every principal.
    Anyone,
    /// Nobody logged in.
    Anonymous,
    /// CBP staff outside CTPAT.
    CbpOther,
    /// The SCSS.
    Scss,
    /// CTPAT headquarters.
    Hq,
    /// A user whose chosen account is another one.
    OtherAccount,
    /// A user of the right account id who is neither a POC nor a designated user.
    Stranger,
    /// A user whose e-mail belongs to two or more contacts of the account.
    Ambiguous,
    /// A POC or designated user of this account.
    Member,
    /// A member for whom the fact holds.
    MemberWith(Fact),
    /// A member for whom the fact does not hold.
    MemberWithout(Fact),
    /// CTPAT staff (SCSS, headquarters) or a member.
    CtpatOrMember,
    /// Anyone except a member for whom the fact holds.
    AnyoneBut(Fact),
}

/// The account or policy condition of a rule.
///
/// ```
/// use ctpat::portal::{ACCESS_RULES, rules::When};
/// let freeze = ACCESS_RULES.iter().find(|r| r.code == "portal.v3.migration_freeze").unwrap();
/// assert_eq!(freeze.when, When::Frozen);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// `as_of` lies in the policy's `portal_freeze` window.
    Frozen,
    /// The account's mandatory bond data is missing.
    BondDataMissing,
    /// The account has one of these statuses.
    StatusIn(&'static [AccountStatus]),
    /// `policy.bond_number_partner_editable` has this value.
    BondPartnerEditable(bool),
}

/// One access rule.
///
/// ```
/// use ctpat::portal::{ACCESS_RULES, Action, Effect};
/// let r = ACCESS_RULES.iter().find(|r| r.code == "lifecycle.hq_removes").unwrap();
/// assert_eq!(r.effect, Effect::Allow);
/// assert!(r.actions.covers(Action::Remove) && !r.source.is_empty());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AccessRule {
    /// Stable code (what a decision reports).
    pub code: &'static str,
    /// Allow or deny.
    pub effect: Effect,
    /// One line, lowercase.
    pub description: &'static str,
    /// Where the rule comes from (domain.md citation style).
    pub source: &'static str,
    /// Actions covered.
    pub actions: Actions,
    /// Principals covered.
    pub who: Who,
    /// Condition on account, policy and date.
    pub when: When,
}

use Action as A;

/// Actions only CBP takes (domain.md §6.3, actor column).
///
/// ```
/// use ctpat::portal::{Action, rules::CBP_ACTIONS};
/// assert!(CBP_ACTIONS.contains(&Action::Suspend) && !CBP_ACTIONS.contains(&Action::AddUser));
/// ```
pub const CBP_ACTIONS: &[Action] = &[
    A::Certify,
    A::Validate,
    A::Suspend,
    A::Reinstate,
    A::Remove,
    A::ApproveProfile,
    A::RejectApplication,
];

/// Partner actions that change the account, its users or its profile.
///
/// ```
/// use ctpat::portal::rules::{CBP_ACTIONS, PARTNER_WRITES};
/// assert!(PARTNER_WRITES.iter().all(|a| !CBP_ACTIONS.contains(a)));
/// ```
pub const PARTNER_WRITES: &[Action] = &[
    A::EditCompanyInfo,
    A::EditSecurityProfile,
    A::SubmitAnnualReview,
    A::SignPartnerAgreement,
    A::CreateAccount,
    A::AddUser,
    A::RemoveUser,
    A::ChangeBond,
    A::LinkAccounts,
];

/// What a suspended account's users may no longer do: every partner write except supplying
/// bond data, which is how a bond-data suspension is cured (T10a, T11).
///
/// ```
/// use ctpat::portal::{Action, rules::{PARTNER_WRITES, SUSPENDED_DENIED}};
/// // A suspended partner may still supply its bond data.
/// assert!(!SUSPENDED_DENIED.contains(&Action::ChangeBond));
/// assert!(SUSPENDED_DENIED.iter().all(|a| PARTNER_WRITES.contains(a)));
/// ```
pub const SUSPENDED_DENIED: &[Action] = &[
    A::EditCompanyInfo,
    A::EditSecurityProfile,
    A::SubmitAnnualReview,
    A::SignPartnerAgreement,
    A::CreateAccount,
    A::AddUser,
    A::RemoveUser,
    A::LinkAccounts,
];

const POC_WRITES: &[Action] = &[
    A::CreateAccount,
    A::EditCompanyInfo,
    A::EditSecurityProfile,
    A::ChangeBond,
    A::LinkAccounts,
    A::RequestWithdrawal,
];

const POC_ALLOWED: &[Action] = &[
    A::CreateAccount,
    A::EditCompanyInfo,
    A::EditSecurityProfile,
    A::LinkAccounts,
    A::RequestWithdrawal,
];

const OFFICER_ACTIONS: &[Action] = &[A::SignPartnerAgreement, A::SubmitAnnualReview];
const USER_ACTIONS: &[Action] = &[A::AddUser, A::RemoveUser];
const READS: &[Action] = &[A::ViewAccount, A::ViewSecurityProfile];
const CLOSED_KEEP: &[Action] = &[A::ViewAccount, A::ViewSecurityProfile, A::SendMessage];
const SCSS_DECISIONS: &[Action] = &[
    A::Certify,
    A::Validate,
    A::Suspend,
    A::Reinstate,
    A::ApproveProfile,
    A::RejectApplication,
];

/// The access rules, in evaluation order: every deny rule before every allow rule.
///
/// ```
/// use ctpat::portal::ACCESS_RULES;
/// let mut codes: Vec<_> = ACCESS_RULES.iter().map(|r| r.code).collect();
/// codes.sort_unstable();
/// codes.dedup();
/// assert_eq!(codes.len(), ACCESS_RULES.len()); // codes are unique
/// ```
pub const ACCESS_RULES: &[AccessRule] = &[
    AccessRule {
        code: "portal.v3.migration_freeze",
        effect: Effect::Deny,
        description: "during the migration freeze no partner and no ctpat staff may use the portal",
        source: "seed 004_b70f7a3b20c2825d.txt (domain.md §7.5 #5)",
        actions: Actions::Any,
        who: Who::Anyone,
        when: When::Frozen,
    },
    AccessRule {
        code: "portal.v1.login_required",
        effect: Effect::Deny,
        description: "the portal is used through a login whose id is the user's e-mail",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #2, #8)",
        actions: Actions::Any,
        who: Who::Anonymous,
        when: When::Always,
    },
    AccessRule {
        code: "access.outside_ctpat",
        effect: Effect::Deny,
        description: "company data stays with cbp ctpat personnel; other cbp staff have no access",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #9, #10)",
        actions: Actions::Any,
        who: Who::CbpOther,
        when: When::Always,
    },
    AccessRule {
        code: "portal.wrong_account",
        effect: Effect::Deny,
        description: "a user acts in exactly one account, the one picked at login",
        source: "seed 004_b70f7a3b20c2825d.txt (domain.md §7.5 #3 portal.v3.single_login_many_accounts)",
        actions: Actions::Any,
        who: Who::OtherAccount,
        when: When::Always,
    },
    AccessRule {
        code: "access.not_designated",
        effect: Effect::Deny,
        description: "a login that is neither a poc nor a user designated by the primary poc has no access",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #9 access.company_data_readers)",
        actions: Actions::Any,
        who: Who::Stranger,
        when: When::Always,
    },
    AccessRule {
        code: "portal.ambiguous_login",
        effect: Effect::Deny,
        description: "a login whose e-mail belongs to two contacts cannot be resolved to one user",
        source: "[OMB-2016] (domain.md §7.3 #7 contact.email_unique); seed 000_ce488379f704c3ca.txt (§7.2 #2)",
        actions: Actions::Any,
        who: Who::Ambiguous,
        when: When::Always,
    },
    AccessRule {
        code: "lifecycle.cbp_actions_cbp_only",
        effect: Effect::Deny,
        description: "certification, validation, suspension, reinstatement, removal and profile decisions are cbp's",
        source: "domain.md §6.3 (actor column); [6 USC 964]; [6 USC 967(b)]",
        actions: Actions::Only(CBP_ACTIONS),
        who: Who::Member,
        when: When::Always,
    },
    AccessRule {
        code: "portal.v2.bond_missing_blocks_actions",
        effect: Effect::Deny,
        description: "while mandatory bond data is missing a partner may only send bond data and messages to the scss",
        source: "seed 002_b14c4bb2b0fafe34.txt (domain.md §7.3 #3; §6.3 T10a)",
        actions: Actions::Except(&[A::SendMessage, A::ChangeBond]),
        who: Who::Member,
        when: When::BondDataMissing,
    },
    AccessRule {
        code: "status.closed_account",
        effect: Effect::Deny,
        description: "a withdrawn or removed account is closed: its users may only read it and message cbp",
        source: "seed 000_ce488379f704c3ca.txt; [6 USC 967(b)]; 2nd (domain.md §6.3 T13-T15, §8)",
        actions: Actions::Except(CLOSED_KEEP),
        who: Who::Member,
        when: When::StatusIn(&[AccountStatus::Withdrawn, AccountStatus::Removed]),
    },
    AccessRule {
        code: "status.suspended_no_edit",
        effect: Effect::Deny,
        description: "a suspended account's users lose edit rights until reinstatement (they may still supply bond data)",
        source: "seed 002_b14c4bb2b0fafe34.txt; [CBP-2009]; [CBP-PORTAL] (domain.md §6.1, §6.3 T10-T11)",
        actions: Actions::Only(SUSPENDED_DENIED),
        who: Who::Member,
        when: When::StatusIn(&[AccountStatus::Suspended]),
    },
    AccessRule {
        code: "portal.v2.bond_number_scss_only",
        effect: Effect::Deny,
        description: "partners cannot edit bond data; they send it to the scss (policy bond_number_partner_editable)",
        source: "seed 002_b14c4bb2b0fafe34.txt (domain.md §7.3 #2; §9 C6)",
        actions: Actions::Only(&[A::ChangeBond]),
        who: Who::Member,
        when: When::BondPartnerEditable(false),
    },
    AccessRule {
        code: "action.officer_only",
        effect: Effect::Deny,
        description: "only a company officer signs agreements and submits the initial and annual profile",
        source: "2nd; [TC-MAN]; [PUI] (domain.md §7.3 #9)",
        actions: Actions::Only(OFFICER_ACTIONS),
        who: Who::MemberWithout(Fact::Officer),
        when: When::Always,
    },
    AccessRule {
        code: "portal.v1.primary_poc_adds_users",
        effect: Effect::Deny,
        description: "only the primary poc adds (and removes) users",
        source: "seed 000_ce488379f704c3ca.txt; seed 001_66a073baa83fabba.txt (domain.md §7.2 #7)",
        actions: Actions::Only(USER_ACTIONS),
        who: Who::MemberWithout(Fact::PrimaryPoc),
        when: When::Always,
    },
    AccessRule {
        code: "portal.v1.account_write_poc_only",
        effect: Effect::Deny,
        description: "only a poc creates or modifies the account",
        source: "seed 000_ce488379f704c3ca.txt; seed 001_66a073baa83fabba.txt (domain.md §7.2 #5)",
        actions: Actions::Only(POC_WRITES),
        who: Who::MemberWithout(Fact::Poc),
        when: When::Always,
    },
    AccessRule {
        code: "access.no_disclosure_without_consent",
        effect: Effect::Deny,
        description: "account data is released outside cbp only with the consent of the primary poc or a designated user",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #10)",
        actions: Actions::Only(&[A::ShareInformation]),
        who: Who::AnyoneBut(Fact::PrimaryPocOrDesignated),
        when: When::Always,
    },
    AccessRule {
        code: "access.company_data_readers",
        effect: Effect::Allow,
        description: "cbp ctpat staff (the scss sees the partner's screens) and the account's users read company data",
        source: "seed 000_ce488379f704c3ca.txt; seed 002_b14c4bb2b0fafe34.txt (domain.md §7.2 #9; §7.3 #1)",
        actions: Actions::Only(READS),
        who: Who::CtpatOrMember,
        when: When::Always,
    },
    AccessRule {
        code: "portal.secure_messages",
        effect: Effect::Allow,
        description: "the account's users and ctpat staff exchange secure messages through the portal",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #1 portal.mandatory)",
        actions: Actions::Only(&[A::SendMessage]),
        who: Who::CtpatOrMember,
        when: When::Always,
    },
    AccessRule {
        code: "portal.v1.poc_modifies_account",
        effect: Effect::Allow,
        description: "a poc creates and modifies the account, links it and asks for withdrawal",
        source: "seed 000_ce488379f704c3ca.txt; seed 001_66a073baa83fabba.txt (domain.md §7.2 #5; §6.3 T15)",
        actions: Actions::Only(POC_ALLOWED),
        who: Who::MemberWith(Fact::Poc),
        when: When::Always,
    },
    AccessRule {
        code: "portal.v1.primary_poc_manages_users",
        effect: Effect::Allow,
        description: "the primary poc adds and removes users",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #7)",
        actions: Actions::Only(USER_ACTIONS),
        who: Who::MemberWith(Fact::PrimaryPoc),
        when: When::Always,
    },
    AccessRule {
        code: "action.officer_signs",
        effect: Effect::Allow,
        description: "a company officer signs agreements and submits the initial and annual profile",
        source: "2nd; [TC-MAN]; [PUI] (domain.md §7.3 #9)",
        actions: Actions::Only(OFFICER_ACTIONS),
        who: Who::MemberWith(Fact::Officer),
        when: When::Always,
    },
    AccessRule {
        code: "portal.v2.bond_number_partner_editable",
        effect: Effect::Allow,
        description: "where the policy lets partners edit the bond number, a poc may change it",
        source: "seed 002_b14c4bb2b0fafe34.txt (domain.md §7.3 #2; §9 C6)",
        actions: Actions::Only(&[A::ChangeBond]),
        who: Who::MemberWith(Fact::Poc),
        when: When::BondPartnerEditable(true),
    },
    AccessRule {
        code: "portal.v2.scss_changes_bond",
        effect: Effect::Allow,
        description: "the scss enters the bond data a partner sends",
        source: "seed 002_b14c4bb2b0fafe34.txt (domain.md §7.3 #2)",
        actions: Actions::Only(&[A::ChangeBond]),
        who: Who::Scss,
        when: When::Always,
    },
    AccessRule {
        code: "access.disclosure_with_consent",
        effect: Effect::Allow,
        description: "the primary poc or a designated user may release the account's data",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #10)",
        actions: Actions::Only(&[A::ShareInformation]),
        who: Who::MemberWith(Fact::PrimaryPocOrDesignated),
        when: When::Always,
    },
    AccessRule {
        code: "lifecycle.scss_decisions",
        effect: Effect::Allow,
        description: "the scss approves profiles, certifies, rejects, validates, suspends and reinstates",
        source: "seed 003_748fa2daea8a8359.txt; seed 002_b14c4bb2b0fafe34.txt (domain.md §6.3 T03-T08, T10, T11)",
        actions: Actions::Only(SCSS_DECISIONS),
        who: Who::Scss,
        when: When::Always,
    },
    AccessRule {
        code: "lifecycle.hq_removes",
        effect: Effect::Allow,
        description: "ctpat headquarters removes a partner",
        source: "[6 USC 967(b)]; seed 001_66a073baa83fabba.txt (domain.md §6.3 T13)",
        actions: Actions::Only(&[A::Remove]),
        who: Who::Hq,
        when: When::Always,
    },
];

/// The code of the answer when no rule matches.
///
/// ```
/// use ctpat::portal::{Action, Principal, authorize, rules::DEFAULT_DENY};
/// # let account: ctpat::portal::Account = serde_json::from_value(serde_json::json!({
/// #     "account_id": "A1", "business_type": "importer", "company_name": "Zenith Trading", "status": "certified",
/// #     "contacts": [
/// #         {"name": "Pat", "email": "pat@acme.example", "role": "company_officer", "is_poc": true, "is_primary_poc": true},
/// #         {"name": "Lee", "email": "lee@acme.example", "role": "employee", "is_poc": true}],
/// #     "designated_users": ["dana@acme.example"]
/// # })).unwrap();
/// # let pat = ctpat::portal::Principal::User { email: "pat@acme.example".into(), account_id: "A1".into() };
/// # let lee = ctpat::portal::Principal::User { email: "lee@acme.example".into(), account_id: "A1".into() };
/// # let day = time::macros::date!(2025-01-15);
/// # let policy = ctpat::Policy::current();
/// // No rule lets the SCSS ask for the partner's withdrawal.
/// let d = authorize(&Principal::CbpScss, Action::RequestWithdrawal, &account, day, &policy);
/// assert_eq!((d.allowed, d.code.as_str()), (false, DEFAULT_DENY));
/// ```
pub const DEFAULT_DENY: &str = "portal.default_deny";

/// One rule as listed by the `access_rules` operation.
///
/// ```
/// use ctpat::portal::{Effect, rules::access_rules};
/// let last = access_rules().pop().unwrap();
/// assert_eq!((last.code.as_str(), last.effect), ("portal.default_deny", Effect::Deny));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccessRuleInfo {
    /// Stable code.
    pub code: String,
    /// `allow` or `deny`.
    pub effect: Effect,
    /// One line.
    pub description: String,
    /// Where it comes from.
    pub source: String,
}

/// The rule table in evaluation order, followed by the default deny.
///
/// ```
/// use ctpat::portal::{ACCESS_RULES, rules::access_rules};
/// let rules = access_rules();
/// assert_eq!(rules.len(), ACCESS_RULES.len() + 1); // the table, then the default deny
/// assert_eq!(rules[0].code, ACCESS_RULES[0].code);
/// ```
pub fn access_rules() -> Vec<AccessRuleInfo> {
    ACCESS_RULES
        .iter()
        .map(|r| AccessRuleInfo {
            code: r.code.to_owned(),
            effect: r.effect,
            description: r.description.to_owned(),
            source: r.source.to_owned(),
        })
        .chain(std::iter::once(AccessRuleInfo {
            code: DEFAULT_DENY.to_owned(),
            effect: Effect::Deny,
            description: "nothing allows the action: deny by default".to_owned(),
            source: "domain.md §7 (design.md portal: deny by default)".to_owned(),
        }))
        .collect()
}

crate::redact::masked_debug!(AccessRuleInfo);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_denies_come_first() {
        let mut codes: Vec<_> = ACCESS_RULES.iter().map(|r| r.code).collect();
        codes.push(DEFAULT_DENY);
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
        let first_allow = ACCESS_RULES
            .iter()
            .position(|r| r.effect == Effect::Allow)
            .unwrap();
        assert!(
            ACCESS_RULES
                .get(first_allow..)
                .unwrap()
                .iter()
                .all(|r| r.effect == Effect::Allow)
        );
    }

    #[test]
    fn actions_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_code(a.as_str()), Some(*a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
        assert!("fly".parse::<Action>().is_err());
    }
}
