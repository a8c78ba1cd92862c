//! `authorize`: evaluates the access rule table, deny by default.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::policy::Policy;
use crate::portal::model::{Account, Principal};
use crate::portal::rules::{
    ACCESS_RULES, AccessRule, Action, DEFAULT_DENY, Effect, Fact, When, Who,
};

/// The answer of [`authorize`].
///
/// ```
/// use ctpat::portal::{Action, Principal, authorize};
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
/// let d = authorize(&Principal::Anonymous, Action::ViewAccount, &account, day, &policy);
/// assert!(!d.allowed);
/// assert_eq!(d.code, "portal.v1.login_required");
/// assert!(d.reason.starts_with("`view_account` by `anonymous`"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Whether the action is allowed.
    pub allowed: bool,
    /// Code of the rule that decided (`portal.default_deny` when none matched).
    pub code: String,
    /// Why, lowercase; never contains a name.
    pub reason: String,
    /// Source of the deciding rule.
    pub source: String,
}

/// A user's place in an account.
///
/// ```
/// use ctpat::portal::authorize::{Membership, Relation, relation};
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
/// let lee_in_a1 = Membership { poc: true, ..Membership::default() };
/// assert_eq!(relation(&lee, &account), Relation::Member(lee_in_a1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Membership {
    /// A POC (primary or not).
    pub poc: bool,
    /// The primary POC.
    pub primary_poc: bool,
    /// A contact of type `company_officer`.
    pub officer: bool,
    /// Listed among the designated users.
    pub designated: bool,
}

impl Membership {
    fn has(self, fact: Fact) -> bool {
        match fact {
            Fact::Poc => self.poc,
            Fact::PrimaryPoc => self.primary_poc,
            Fact::Officer => self.officer,
            Fact::PrimaryPocOrDesignated => self.primary_poc || self.designated,
        }
    }
}

/// How a principal relates to an account.
///
/// ```
/// use ctpat::portal::{Principal, authorize::{Relation, relation}};
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
/// let elsewhere = Principal::User { email: "pat@acme.example".into(), account_id: "A9".into() };
/// assert_eq!(relation(&elsewhere, &account), Relation::OtherAccount);
/// let stranger = Principal::User { email: "eve@acme.example".into(), account_id: "A1".into() };
/// assert_eq!(relation(&stranger, &account), Relation::Stranger);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Nobody logged in.
    Anonymous,
    /// The SCSS.
    Scss,
    /// CTPAT headquarters.
    Hq,
    /// CBP staff outside CTPAT.
    CbpOther,
    /// A user acting in another account.
    OtherAccount,
    /// A login that is neither POC nor designated user of this account.
    Stranger,
    /// A login whose e-mail belongs to more than one contact of the account (which breaks
    /// `contact.email_unique`), so its rights cannot be told.
    Ambiguous,
    /// A POC or designated user of this account.
    Member(Membership),
}

/// Works out how `principal` relates to `account`.
///
/// ```
/// use ctpat::portal::{Principal, authorize::{Relation, relation}};
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
/// assert_eq!(relation(&Principal::CbpScss, &account), Relation::Scss);
/// assert!(matches!(relation(&pat, &account), Relation::Member(m) if m.primary_poc && m.officer));
/// ```
pub fn relation(principal: &Principal, account: &Account) -> Relation {
    match principal {
        Principal::Anonymous => Relation::Anonymous,
        Principal::CbpScss => Relation::Scss,
        Principal::CbpHq => Relation::Hq,
        Principal::CbpOther => Relation::CbpOther,
        Principal::User { email, account_id } => {
            if account_id != &account.account_id {
                return Relation::OtherAccount;
            }
            if email.trim().is_empty() {
                return Relation::Stranger;
            }
            let mut matching = account.contacts.iter().filter(|c| c.has_email(email));
            let contact = matching.next();
            if matching.next().is_some() {
                return Relation::Ambiguous;
            }
            let membership = Membership {
                poc: contact.is_some_and(|c| c.is_any_poc()),
                primary_poc: contact.is_some_and(|c| c.is_primary_poc),
                officer: contact
                    .is_some_and(|c| c.role == crate::entity::ContactRole::CompanyOfficer),
                designated: account.is_designated(email),
            };
            if membership.poc || membership.designated {
                Relation::Member(membership)
            } else {
                Relation::Stranger
            }
        }
    }
}

fn who_matches(who: Who, rel: Relation) -> bool {
    match (who, rel) {
        (Who::Anyone, _)
        | (Who::Anonymous, Relation::Anonymous)
        | (Who::CbpOther, Relation::CbpOther)
        | (Who::Scss, Relation::Scss)
        | (Who::Hq, Relation::Hq)
        | (Who::OtherAccount, Relation::OtherAccount)
        | (Who::Stranger, Relation::Stranger)
        | (Who::Ambiguous, Relation::Ambiguous)
        | (Who::Member, Relation::Member(_))
        | (Who::CtpatOrMember, Relation::Scss | Relation::Hq | Relation::Member(_)) => true,
        (Who::MemberWith(f), Relation::Member(m)) => m.has(f),
        (Who::MemberWithout(f), Relation::Member(m)) => !m.has(f),
        (Who::AnyoneBut(f), Relation::Member(m)) => !m.has(f),
        (Who::AnyoneBut(_), _) => true,
        _ => false,
    }
}

fn when_matches(when: When, account: &Account, as_of: Date, policy: &Policy) -> bool {
    match when {
        When::Always => true,
        When::Frozen => policy.portal_freeze.is_some_and(|r| r.contains(as_of)),
        When::BondDataMissing => account.bond_data_missing,
        When::StatusIn(list) => list.contains(&account.status),
        When::BondPartnerEditable(v) => policy.bond_number_partner_editable == v,
    }
}

/// Whether `rule` applies to this request.
///
/// ```
/// use ctpat::portal::{ACCESS_RULES, Action, Principal, authorize::{relation, rule_matches}};
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
/// let rule = ACCESS_RULES.iter().find(|r| r.code == "lifecycle.hq_removes").unwrap();
/// let hq = relation(&Principal::CbpHq, &account);
/// assert!(rule_matches(rule, hq, Action::Remove, &account, day, &policy));
/// assert!(!rule_matches(rule, hq, Action::Certify, &account, day, &policy));
/// ```
pub fn rule_matches(
    rule: &AccessRule,
    rel: Relation,
    action: Action,
    account: &Account,
    as_of: Date,
    policy: &Policy,
) -> bool {
    rule.actions.covers(action)
        && who_matches(rule.who, rel)
        && when_matches(rule.when, account, as_of, policy)
}

/// The rule that decides the request, if any (`None`: default deny).
///
/// ```
/// use ctpat::portal::{Action, authorize::deciding_rule};
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
/// let rule = deciding_rule(&lee, Action::SignPartnerAgreement, &account, day, &policy);
/// assert_eq!(rule.map(|r| r.code), Some("action.officer_only")); // Lee is an employee
/// assert!(deciding_rule(&pat, Action::Remove, &account, day, &policy).is_some_and(|r| r.code == "lifecycle.cbp_actions_cbp_only"));
/// ```
pub fn deciding_rule(
    principal: &Principal,
    action: Action,
    account: &Account,
    as_of: Date,
    policy: &Policy,
) -> Option<&'static AccessRule> {
    let rel = relation(principal, account);
    ACCESS_RULES
        .iter()
        .find(|r| rule_matches(r, rel, action, account, as_of, policy))
}

/// Decides whether `principal` may take `action` in `account` on `as_of` under `policy`.
/// The first matching rule of [`ACCESS_RULES`] decides; with none, the action is denied
/// (`portal.default_deny`).
///
/// ```
/// use ctpat::portal::{Account, Action, Principal, authorize};
/// let account: Account = serde_json::from_value(serde_json::json!({
///     "account_id": "A1", "business_type": "importer", "company_name": "Zenith Trading",
///     "status": "certified",
///     "contacts": [{"name": "Pat", "email": "pat@acme.example", "role": "company_officer",
///                   "is_poc": true, "is_primary_poc": true}]
/// })).unwrap();
/// let pat = Principal::User { email: "PAT@acme.example".into(), account_id: "A1".into() };
/// let day = time::macros::date!(2025 - 01 - 15);
/// let policy = ctpat::Policy::current();
/// assert!(authorize(&pat, Action::AddUser, &account, day, &policy).allowed);
/// let d = authorize(&pat, Action::ChangeBond, &account, day, &policy);
/// assert_eq!((d.allowed, d.code.as_str()), (false, "portal.v2.bond_number_scss_only"));
/// ```
pub fn authorize(
    principal: &Principal,
    action: Action,
    account: &Account,
    as_of: Date,
    policy: &Policy,
) -> Decision {
    match deciding_rule(principal, action, account, as_of, policy) {
        Some(rule) => Decision {
            allowed: rule.effect == Effect::Allow,
            code: rule.code.to_owned(),
            reason: format!("`{action}` by `{}`: {}", principal.kind(), rule.description),
            source: rule.source.to_owned(),
        },
        None => Decision {
            allowed: false,
            code: DEFAULT_DENY.to_owned(),
            reason: format!(
                "`{action}` by `{}`: no rule allows it, so it is denied by default",
                principal.kind()
            ),
            source: "domain.md §7 (deny by default)".to_owned(),
        },
    }
}

crate::redact::masked_debug!(Decision);
