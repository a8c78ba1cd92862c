//! Account operations. Each checks [`authorize`] first, works on a copy and validates the
//! result, so it returns a new account or a coded error, never a half-applied change; the
//! input account is never modified.

use time::Date;

use crate::error::Error;
use crate::finding::has_errors;
use crate::ident::truncate_for_message;
use crate::policy::Policy;
use crate::portal::authorize::authorize;
use crate::portal::model::{Account, Principal, same_email};
use crate::portal::rules::Action;
use crate::portal::validate::{is_valid_email, validate_account};

/// Who acts, when, and under which policy.
///
/// ```
/// use ctpat::portal::ops::{Actor, add_user};
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
/// let by_pat = Actor { principal: &pat, as_of: day, policy: &policy };
/// let next = add_user(&account, by_pat, "sam@acme.example").unwrap();
/// assert!(next.is_designated("sam@acme.example"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    /// The principal acting.
    pub principal: &'a Principal,
    /// The date of the operation.
    pub as_of: Date,
    /// The policy in force.
    pub policy: &'a Policy,
}

impl Actor<'_> {
    /// Fails with `portal.access_denied` (naming the deciding rule) unless `action` is allowed.
    ///
    /// ```
    /// use ctpat::portal::{Action, ops::Actor};
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
    /// let by_lee = Actor { principal: &lee, as_of: day, policy: &policy };
    /// assert!(by_lee.require(Action::EditCompanyInfo, &account).is_ok());
    /// let e = by_lee.require(Action::AddUser, &account).unwrap_err();
    /// assert_eq!((e.code(), e.path()), ("portal.access_denied", "/principal"));
    /// ```
    pub fn require(&self, action: Action, account: &Account) -> Result<(), Error> {
        let d = authorize(self.principal, action, account, self.as_of, self.policy);
        if d.allowed {
            Ok(())
        } else {
            Err(Error::NotAllowed {
                code: "portal.access_denied",
                message: format!("denied by `{}`: {}", d.code, d.reason),
                path: "/principal".to_owned(),
            })
        }
    }
}

/// Returns `account` if it keeps every invariant, else `portal.invalid_account` with the
/// findings (paths under `/account`, into the resulting account).
fn finish(account: Account, policy: &Policy) -> Result<Account, Error> {
    let findings = validate_account(&account, policy);
    if has_errors(&findings) {
        let findings: Vec<_> = findings
            .into_iter()
            .map(|mut f| {
                f.path = format!("/account{}", f.path);
                f
            })
            .collect();
        let message = format!(
            "the resulting account would break `{}` invariant(s)",
            findings.len()
        );
        return Err(Error::rejected("portal.invalid_account", message, findings));
    }
    Ok(account)
}

fn check_email(email: &str, path: &str) -> Result<(), Error> {
    if is_valid_email(email) {
        Ok(())
    } else {
        Err(Error::input_code(
            "portal.v1.user_email_required",
            path,
            format!(
                "`{}` is not a valid e-mail address",
                truncate_for_message(email)
            ),
        ))
    }
}

fn in_use(account: &Account, email: &str) -> bool {
    account.contact_by_email(email).is_some() || account.is_designated(email)
}

/// Designates a new user (domain.md §7.2 #7: only the primary POC adds users).
///
/// ```
/// use ctpat::portal::ops::{Actor, add_user};
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
/// let by_pat = Actor { principal: &pat, as_of: day, policy: &policy };
/// let dup = add_user(&account, by_pat, "DANA@acme.example").unwrap_err();
/// assert_eq!(dup.code(), "contact.email_unique");
/// let by_lee = Actor { principal: &lee, ..by_pat };
/// assert_eq!(add_user(&account, by_lee, "sam@acme.example").unwrap_err().code(), "portal.access_denied");
/// ```
pub fn add_user(account: &Account, actor: Actor<'_>, email: &str) -> Result<Account, Error> {
    actor.require(Action::AddUser, account)?;
    check_email(email, "/email")?;
    if account.is_designated(email) {
        return Err(Error::input_code(
            "contact.email_unique",
            "/email",
            format!("`{}` is already a user", truncate_for_message(email)),
        ));
    }
    let mut next = account.clone();
    next.designated_users.push(email.trim().to_owned());
    finish(next, actor.policy)
}

/// Removes a designated user.
///
/// ```
/// use ctpat::portal::ops::{Actor, remove_user};
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
/// let by_pat = Actor { principal: &pat, as_of: day, policy: &policy };
/// let next = remove_user(&account, by_pat, "dana@acme.example").unwrap();
/// assert!(next.designated_users.is_empty());
/// assert_eq!(remove_user(&next, by_pat, "dana@acme.example").unwrap_err().code(), "portal.user_not_found");
/// ```
pub fn remove_user(account: &Account, actor: Actor<'_>, email: &str) -> Result<Account, Error> {
    actor.require(Action::RemoveUser, account)?;
    if !account.is_designated(email) {
        return Err(Error::input_code(
            "portal.user_not_found",
            "/email",
            format!("`{}` is not a designated user", truncate_for_message(email)),
        ));
    }
    let mut next = account.clone();
    next.designated_users.retain(|u| !same_email(u, email));
    finish(next, actor.policy)
}

/// Makes the contact with e-mail `email` the primary POC (the POC who controls users; only the
/// current primary POC may hand the role over, so this needs `add_user`).
///
/// ```
/// use ctpat::portal::ops::{Actor, change_primary_poc};
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
/// let by_pat = Actor { principal: &pat, as_of: day, policy: &policy };
/// // Lee is an employee; under the current policy the primary POC must be an officer.
/// let e = change_primary_poc(&account, by_pat, "lee@acme.example").unwrap_err();
/// assert_eq!(e.code(), "portal.invalid_account");
/// assert_eq!(e.findings()[0].code, "contact.primary_poc_is_officer");
/// ```
pub fn change_primary_poc(
    account: &Account,
    actor: Actor<'_>,
    email: &str,
) -> Result<Account, Error> {
    actor.require(Action::AddUser, account)?;
    let Some((index, contact)) = account.contact_by_email(email) else {
        return Err(Error::input_code(
            "portal.contact_not_found",
            "/email",
            format!("no contact has `{}`", truncate_for_message(email)),
        ));
    };
    if contact.is_primary_poc {
        return Err(Error::input_code(
            "portal.no_change",
            "/email",
            "the contact is already the primary poc",
        ));
    }
    let mut next = account.clone();
    for (i, c) in next.contacts.iter_mut().enumerate() {
        if i == index {
            c.is_primary_poc = true;
            c.is_poc = true;
        } else if c.is_primary_poc {
            c.is_primary_poc = false;
            c.is_poc = true;
        }
    }
    finish(next, actor.policy)
}

/// Changes a contact's or user's e-mail by deleting the old entry and adding a new one
/// (domain.md §7.3 #7; [OMB-2016]): the contact moves to the end of the list with the new
/// address and no credential yet; a designated user is replaced likewise. Needs
/// `edit_company_info`, and `add_user` too when the old address is a login (the new login is
/// a new user).
///
/// ```
/// use ctpat::portal::ops::{Actor, change_email};
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
/// let by_pat = Actor { principal: &pat, as_of: day, policy: &policy };
/// let next = change_email(&account, by_pat, "lee@acme.example", "lee.k@acme.example").unwrap();
/// let last = next.contacts.last().unwrap();
/// assert_eq!((last.name.as_str(), last.email.as_deref(), last.has_credential), ("Lee", Some("lee.k@acme.example"), None));
/// ```
pub fn change_email(
    account: &Account,
    actor: Actor<'_>,
    old_email: &str,
    new_email: &str,
) -> Result<Account, Error> {
    actor.require(Action::EditCompanyInfo, account)?;
    let contact = account.contact_by_email(old_email);
    let designated = account.is_designated(old_email);
    if contact.is_none() && !designated {
        return Err(Error::input_code(
            "portal.email_not_found",
            "/old_email",
            format!(
                "no contact or user has `{}`",
                truncate_for_message(old_email)
            ),
        ));
    }
    if designated || contact.is_some_and(|(_, c)| c.is_any_poc()) {
        actor.require(Action::AddUser, account)?;
    }
    if same_email(old_email, new_email) {
        return Err(Error::input_code(
            "portal.no_change",
            "/new_email",
            "the new e-mail address is the old one",
        ));
    }
    check_email(new_email, "/new_email")?;
    if in_use(account, new_email) {
        return Err(Error::input_code(
            "contact.email_unique",
            "/new_email",
            format!(
                "`{}` already belongs to a contact or user",
                truncate_for_message(new_email)
            ),
        ));
    }
    let mut next = account.clone();
    if let Some((_, old)) = contact {
        let mut added = old.clone();
        added.email = Some(new_email.trim().to_owned());
        added.has_credential = None;
        next.contacts.retain(|c| !c.has_email(old_email));
        next.contacts.push(added);
    }
    if designated {
        next.designated_users.retain(|u| !same_email(u, old_email));
        next.designated_users.push(new_email.trim().to_owned());
    }
    finish(next, actor.policy)
}

fn check_other_id(account: &Account, other: &str) -> Result<(), Error> {
    if other.trim().is_empty() {
        return Err(Error::input(
            "/other_account_id",
            "the account id must not be empty",
        ));
    }
    if other == account.account_id {
        return Err(Error::input_code(
            "portal.link_self",
            "/other_account_id",
            "an account cannot be linked to itself",
        ));
    }
    Ok(())
}

/// Links another account for a joint review (domain.md §7.3 #4; §9 C17).
///
/// ```
/// use ctpat::portal::ops::{Actor, link_accounts};
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
/// let by_pat = Actor { principal: &pat, as_of: day, policy: &policy };
/// let next = link_accounts(&account, by_pat, "A2").unwrap();
/// assert_eq!(next.linked_accounts, ["A2"]);
/// assert_eq!(link_accounts(&next, by_pat, "A1").unwrap_err().code(), "portal.link_self");
/// ```
pub fn link_accounts(
    account: &Account,
    actor: Actor<'_>,
    other_account_id: &str,
) -> Result<Account, Error> {
    actor.require(Action::LinkAccounts, account)?;
    check_other_id(account, other_account_id)?;
    if account
        .linked_accounts
        .iter()
        .any(|a| a == other_account_id)
    {
        return Err(Error::input_code(
            "portal.already_linked",
            "/other_account_id",
            format!(
                "`{}` is already linked",
                truncate_for_message(other_account_id)
            ),
        ));
    }
    let mut next = account.clone();
    next.linked_accounts.push(other_account_id.to_owned());
    finish(next, actor.policy)
}

/// Removes a link to another account.
///
/// ```
/// use ctpat::portal::ops::{Actor, link_accounts, unlink_accounts};
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
/// let by_pat = Actor { principal: &pat, as_of: day, policy: &policy };
/// let linked = link_accounts(&account, by_pat, "A2").unwrap();
/// assert!(unlink_accounts(&linked, by_pat, "A2").unwrap().linked_accounts.is_empty());
/// assert_eq!(unlink_accounts(&account, by_pat, "A2").unwrap_err().code(), "portal.not_linked");
/// ```
pub fn unlink_accounts(
    account: &Account,
    actor: Actor<'_>,
    other_account_id: &str,
) -> Result<Account, Error> {
    actor.require(Action::LinkAccounts, account)?;
    check_other_id(account, other_account_id)?;
    if !account
        .linked_accounts
        .iter()
        .any(|a| a == other_account_id)
    {
        return Err(Error::input_code(
            "portal.not_linked",
            "/other_account_id",
            format!("`{}` is not linked", truncate_for_message(other_account_id)),
        ));
    }
    let mut next = account.clone();
    next.linked_accounts.retain(|a| a != other_account_id);
    finish(next, actor.policy)
}
