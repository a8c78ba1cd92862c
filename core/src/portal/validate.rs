//! Account invariants (domain.md §7.2, §7.3) as coded findings with JSON Pointer paths.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::entity::ContactRole;
use crate::finding::{Finding, sort_findings};
use crate::policy::Policy;
use crate::portal::model::{Account, PortalGeneration};

/// One account invariant.
///
/// ```
/// use ctpat::portal::validate::INVARIANTS;
/// let two = INVARIANTS.iter().find(|i| i.code == "contact.min_two").unwrap();
/// assert!(two.source.contains("[CBP-PROFILE]"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Invariant {
    /// Stable code of the finding it yields.
    pub code: &'static str,
    /// One line, lowercase.
    pub description: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
}

/// Every account invariant [`validate_account`] checks.
///
/// ```
/// use ctpat::portal::validate::INVARIANTS;
/// assert_eq!(INVARIANTS.len(), 8);
/// assert!(INVARIANTS.iter().all(|i| !i.description.is_empty() && !i.source.is_empty()));
/// ```
pub const INVARIANTS: &[Invariant] = &[
    Invariant {
        code: "portal.v1.officer_among_pocs",
        description: "at least one poc is a company officer",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #6; §9 C5)",
    },
    Invariant {
        code: "contact.primary_poc_exactly_one",
        description: "the account has exactly one primary poc",
        source: "seed 000_ce488379f704c3ca.txt; [CBP-PROFILE] (domain.md §7.2 #4, #7)",
    },
    Invariant {
        code: "contact.primary_poc_is_officer",
        description: "the primary poc is a company officer (policy primary_poc_must_be_officer; otherwise an officer or employee)",
        source: "[CBP-PROFILE]; seed 001_66a073baa83fabba.txt (domain.md §7.3 #5; §9 C5)",
    },
    Invariant {
        code: "contact.consultant_not_primary",
        description: "an outside consultant can be a contact but never the primary poc",
        source: "2nd (domain.md §7.3 #8)",
    },
    Invariant {
        code: "portal.v1.primary_poc_email_on_file",
        description: "the primary poc has an e-mail address on file",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #4)",
    },
    Invariant {
        code: "contact.email_unique",
        description: "an e-mail address belongs to one contact (and one user) only",
        source: "[OMB-2016] (domain.md §7.3 #7); seed 000_ce488379f704c3ca.txt (§7.2 #2)",
    },
    Invariant {
        code: "portal.v1.user_email_required",
        description: "every user (poc or designated user) has a valid e-mail address",
        source: "seed 000_ce488379f704c3ca.txt (domain.md §7.2 #3, #8)",
    },
    Invariant {
        code: "contact.min_two",
        description: "the account has at least two contacts (portal 2.0 and later)",
        source: "[CBP-PROFILE] (domain.md §7.3 #6)",
    },
];

/// Whether `text` is a well-formed e-mail address (a strict subset of RFC 5321: dot-atom
/// local part of at most 64 characters, a domain of at least two labels of letters, digits
/// and inner hyphens, an alphabetic top-level label, 254 characters in all).
///
/// ```
/// use ctpat::portal::is_valid_email;
/// assert!(is_valid_email("pat.doe+ctpat@acme-corp.example"));
/// assert!(!is_valid_email("pat@localhost") && !is_valid_email("pat@acme.c0m") && !is_valid_email("@acme.example"));
/// ```
pub fn is_valid_email(text: &str) -> bool {
    if text.len() > 254 || !text.is_ascii() {
        return false;
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c))
        });
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// Checks every invariant of [`INVARIANTS`] and returns the findings, sorted by path.
/// `policy.primary_poc_must_be_officer` selects the §9 C5 reading.
///
/// ```
/// use ctpat::portal::validate_account;
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
/// assert!(validate_account(&account, &policy).is_empty());
/// let mut one = account.clone();
/// one.contacts.truncate(1);
/// let codes: Vec<_> = validate_account(&one, &policy).into_iter().map(|f| f.code).collect();
/// assert_eq!(codes, ["contact.min_two"]);
/// ```
pub fn validate_account(account: &Account, policy: &Policy) -> Vec<Finding> {
    let mut out = Vec::new();
    let contacts = &account.contacts;

    // portal.v1.officer_among_pocs
    if !contacts
        .iter()
        .any(|c| c.is_any_poc() && c.role == ContactRole::CompanyOfficer)
    {
        out.push(
            Finding::error("portal.v1.officer_among_pocs", "/contacts")
                .message("no poc is a company officer"),
        );
    }

    // contact.primary_poc_exactly_one
    let primaries: Vec<usize> = contacts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_primary_poc)
        .map(|(i, _)| i)
        .collect();
    if primaries.is_empty() {
        out.push(
            Finding::error("contact.primary_poc_exactly_one", "/contacts")
                .message("no contact is the primary poc")
                .param("count", 0),
        );
    }
    for i in primaries.iter().skip(1) {
        out.push(
            Finding::error(
                "contact.primary_poc_exactly_one",
                format!("/contacts/{i}/is_primary_poc"),
            )
            .message(format!(
                "contact `{i}` is a second primary poc; there must be exactly one"
            ))
            .param("count", primaries.len()),
        );
    }

    for &i in &primaries {
        let Some(c) = contacts.get(i) else { continue };
        let role_path = format!("/contacts/{i}/role");
        if c.role == ContactRole::Consultant {
            out.push(
                Finding::error("contact.consultant_not_primary", role_path)
                    .message("an outside consultant cannot be the primary poc"),
            );
        } else {
            let ok = match c.role {
                ContactRole::CompanyOfficer => true,
                ContactRole::Employee => !policy.primary_poc_must_be_officer,
                ContactRole::Consultant | ContactRole::ReadOnly => false,
            };
            if !ok {
                let wanted = if policy.primary_poc_must_be_officer {
                    "a company officer"
                } else {
                    "a company officer or employee"
                };
                out.push(
                    Finding::error("contact.primary_poc_is_officer", role_path)
                        .message(format!("the primary poc must be {wanted}"))
                        .param(
                            "primary_poc_must_be_officer",
                            policy.primary_poc_must_be_officer,
                        ),
                );
            }
        }
        if c.email.as_deref().is_none_or(|e| e.trim().is_empty()) {
            out.push(
                Finding::error(
                    "portal.v1.primary_poc_email_on_file",
                    format!("/contacts/{i}/email"),
                )
                .message("the primary poc has no e-mail address on file"),
            );
        }
    }

    // contact.email_unique and portal.v1.user_email_required (contacts)
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (i, c) in contacts.iter().enumerate() {
        let path = format!("/contacts/{i}/email");
        match c.email.as_deref() {
            Some(email) if !email.trim().is_empty() => {
                if !is_valid_email(email) {
                    out.push(
                        Finding::error("portal.v1.user_email_required", path.clone())
                            .message("the e-mail address is not valid"),
                    );
                }
                let key = email.trim().to_lowercase();
                if let Some(first) = seen.get(&key) {
                    out.push(
                        Finding::error("contact.email_unique", path.clone())
                            .message(format!("the e-mail address is already used at `{first}`")),
                    );
                } else {
                    seen.insert(key, path);
                }
            }
            _ => {
                if c.is_poc && !c.is_primary_poc {
                    out.push(
                        Finding::error("portal.v1.user_email_required", path)
                            .message("a poc needs an e-mail address (the login id)"),
                    );
                }
            }
        }
    }

    // designated users: valid and unique among themselves
    let mut seen_users: BTreeMap<String, usize> = BTreeMap::new();
    for (i, u) in account.designated_users.iter().enumerate() {
        let path = format!("/designated_users/{i}");
        if !is_valid_email(u) {
            out.push(
                Finding::error("portal.v1.user_email_required", path.clone())
                    .message("the e-mail address is not valid"),
            );
        }
        let key = u.trim().to_lowercase();
        if let Some(first) = seen_users.get(&key) {
            out.push(
                Finding::error("contact.email_unique", path).message(format!(
                    "the user is already listed at `/designated_users/{first}`"
                )),
            );
        } else {
            seen_users.insert(key, i);
        }
    }

    // contact.min_two (not a 2006 rule)
    if contacts.len() < 2 && account.portal_generation != Some(PortalGeneration::V1) {
        out.push(
            Finding::error("contact.min_two", "/contacts")
                .message(format!(
                    "the account has `{}` contacts; at least 2 are required",
                    contacts.len()
                ))
                .param("count", contacts.len()),
        );
    }

    sort_findings(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_checker_is_strict() {
        for ok in [
            "a@b.co",
            "first.last+tag@mail.example.com",
            "x_y@sub-d.example.org",
        ] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.co",
            "a@b",
            "a@b.c",
            "a..b@c.co",
            ".a@c.co",
            "a.@c.co",
            "a b@c.co",
            "a@-b.co",
            "a@b-.co",
            "a@b..co",
            "a@b.c0m",
            "é@b.co",
            "a@@b.co",
            "a@b.co ",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
        let long_local = format!("{}@b.co", "a".repeat(65));
        assert!(!is_valid_email(&long_local));
    }

    #[test]
    fn invariant_codes_are_unique() {
        let mut codes: Vec<_> = INVARIANTS.iter().map(|i| i.code).collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(n, codes.len());
    }
}
