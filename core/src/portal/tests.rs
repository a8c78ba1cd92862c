//! Unit tests of the portal module: the exhaustive authorization matrix, redaction,
//! operations and the migration.

use serde_json::json;
use time::Date;
use time::macros::date;

use super::authorize::{Relation, deciding_rule, relation, rule_matches};
use super::migrate::profile_logins;
use super::ops::{self, Actor};
use super::rules::{CBP_ACTIONS, DEFAULT_DENY, PARTNER_WRITES};
use super::*;
use crate::entity::ContactRole;
use crate::policy::{DateRange, Policy, PolicyDate};

const DAY: Date = date!(2025 - 03 - 10);

fn account() -> Account {
    serde_json::from_value(json!({
        "account_id": "ACC-1",
        "business_type": "importer",
        "company_name": "Acme Imports",
        "status": "certified",
        "bond_number": "BOND-1",
        "contacts": [
            {"name": "Pat", "email": "pat@acme.example", "role": "company_officer", "is_poc": true, "is_primary_poc": true},
            {"name": "Emil", "email": "emil@acme.example", "role": "employee", "is_poc": true},
            {"name": "Cora", "email": "cora@consult.example", "role": "consultant", "is_poc": true},
            {"name": "Olga", "email": "olga@acme.example", "role": "company_officer"},
            {"name": "Rita", "email": "rita@acme.example", "role": "read_only"},
            {"name": "Sam", "email": "sam@acme.example", "role": "employee"}
        ],
        "designated_users": ["olga@acme.example", "rita@acme.example", "dana@acme.example"],
        "linked_accounts": ["ACC-9"]
    }))
    .unwrap()
}

fn user(email: &str) -> Principal {
    Principal::User {
        email: email.to_owned(),
        account_id: "ACC-1".to_owned(),
    }
}

/// Every kind of principal the matrix covers, with a label.
fn principals() -> Vec<(&'static str, Principal)> {
    vec![
        ("primary_poc_officer", user("PAT@acme.example")),
        ("poc_employee", user("emil@acme.example")),
        ("poc_consultant", user("cora@consult.example")),
        ("designated_officer", user("olga@acme.example")),
        ("designated_read_only", user("rita@acme.example")),
        ("designated_non_contact", user("dana@acme.example")),
        ("contact_not_user", user("sam@acme.example")),
        ("unknown_login", user("x@elsewhere.example")),
        (
            "other_account_user",
            Principal::User {
                email: "pat@acme.example".to_owned(),
                account_id: "ACC-2".to_owned(),
            },
        ),
        ("cbp_scss", Principal::CbpScss),
        ("cbp_hq", Principal::CbpHq),
        ("cbp_other", Principal::CbpOther),
        ("anonymous", Principal::Anonymous),
    ]
}

fn policy(frozen: bool, bond_editable: bool) -> Policy {
    let mut p = Policy::current();
    p.bond_number_partner_editable = bond_editable;
    if frozen {
        p.portal_freeze = Some(DateRange {
            from: PolicyDate(date!(2025 - 03 - 01)),
            to: PolicyDate(date!(2025 - 03 - 31)),
        });
    } else {
        // A freeze window that does not contain DAY must not matter.
        p.portal_freeze = Some(DateRange {
            from: PolicyDate(date!(2024 - 01 - 01)),
            to: PolicyDate(date!(2024 - 01 - 31)),
        });
    }
    p
}

/// The facts about a user in an account, computed independently of `authorize::relation`.
#[derive(Debug, Clone, Copy)]
struct Facts {
    poc: bool,
    primary: bool,
    officer: bool,
    designated: bool,
}

fn facts(p: &Principal, acc: &Account) -> Option<Facts> {
    let Principal::User { email, account_id } = p else {
        return None;
    };
    if *account_id != acc.account_id || email.trim().is_empty() {
        return None;
    }
    let lower = email.trim().to_lowercase();
    let contact = acc
        .contacts
        .iter()
        .find(|c| c.email.as_deref().map(|e| e.trim().to_lowercase()) == Some(lower.clone()));
    let f = Facts {
        poc: contact.is_some_and(|c| c.is_poc || c.is_primary_poc),
        primary: contact.is_some_and(|c| c.is_primary_poc),
        officer: contact.is_some_and(|c| c.role == ContactRole::CompanyOfficer),
        designated: acc
            .designated_users
            .iter()
            .any(|u| u.trim().to_lowercase() == lower),
    };
    (f.poc || f.designated).then_some(f)
}

/// Decides one cell and checks it against the rule table and against independent
/// invariants. Returns the decision's code.
fn check_cell(
    cell: &str,
    p: &Principal,
    action: Action,
    acc: &Account,
    pol: &Policy,
) -> &'static str {
    let frozen = pol.portal_freeze.is_some_and(|r| r.contains(DAY));
    let d = authorize(p, action, acc, DAY, pol);
    assert_eq!(
        d,
        authorize(p, action, acc, DAY, pol),
        "{cell}: not deterministic"
    );
    assert!(!d.reason.is_empty() && !d.source.is_empty(), "{cell}");
    let rel = relation(p, acc);
    let code = match deciding_rule(p, action, acc, DAY, pol) {
        Some(r) => {
            assert_eq!(r.code, d.code, "{cell}");
            assert_eq!(d.allowed, r.effect == Effect::Allow, "{cell}");
            assert!(rule_matches(r, rel, action, acc, DAY, pol), "{cell}");
            let pos = ACCESS_RULES.iter().position(|x| x.code == r.code).unwrap();
            assert!(
                ACCESS_RULES[..pos]
                    .iter()
                    .all(|e| !rule_matches(e, rel, action, acc, DAY, pol)),
                "{cell}: an earlier rule matches"
            );
            r.code
        }
        None => {
            assert!(!d.allowed, "{cell}");
            assert_eq!(d.code, DEFAULT_DENY, "{cell}");
            DEFAULT_DENY
        }
    };
    if frozen {
        assert_eq!(d.code, "portal.v3.migration_freeze", "{cell}");
    }
    if !d.allowed {
        return code;
    }
    // Independent invariants every allowed cell must respect.
    let is_cbp = matches!(p, Principal::CbpScss | Principal::CbpHq);
    let member = facts(p, acc);
    assert_eq!(
        matches!(rel, Relation::Member(_)),
        member.is_some(),
        "{cell}"
    );
    assert!(
        is_cbp || member.is_some(),
        "{cell}: allowed for an outsider"
    );
    if let Some(m) = member {
        assert!(!CBP_ACTIONS.contains(&action), "{cell}");
        if acc.bond_data_missing {
            assert!(
                matches!(action, Action::SendMessage | Action::ChangeBond),
                "{cell}"
            );
        }
        if matches!(
            acc.status,
            AccountStatus::Withdrawn | AccountStatus::Removed
        ) {
            assert!(
                matches!(
                    action,
                    Action::ViewAccount | Action::ViewSecurityProfile | Action::SendMessage
                ),
                "{cell}"
            );
        }
        if acc.status == AccountStatus::Suspended {
            assert!(!PARTNER_WRITES.contains(&action), "{cell}");
        }
        match action {
            Action::ChangeBond => assert!(pol.bond_number_partner_editable && m.poc, "{cell}"),
            Action::AddUser | Action::RemoveUser => assert!(m.primary, "{cell}"),
            Action::SignPartnerAgreement | Action::SubmitAnnualReview => {
                assert!(m.officer, "{cell}");
            }
            Action::ShareInformation => assert!(m.primary || m.designated, "{cell}"),
            Action::EditCompanyInfo
            | Action::EditSecurityProfile
            | Action::CreateAccount
            | Action::LinkAccounts
            | Action::RequestWithdrawal => assert!(m.poc, "{cell}"),
            _ => {}
        }
    } else {
        // CBP staff never write partner data and never release it.
        assert!(
            matches!(
                action,
                Action::ViewAccount
                    | Action::ViewSecurityProfile
                    | Action::SendMessage
                    | Action::ChangeBond
            ) || CBP_ACTIONS.contains(&action),
            "{cell}"
        );
        if action == Action::Remove {
            assert_eq!(*p, Principal::CbpHq, "{cell}");
        } else if CBP_ACTIONS.contains(&action) || action == Action::ChangeBond {
            assert_eq!(*p, Principal::CbpScss, "{cell}");
        }
    }
    code
}

#[test]
fn exhaustive_matrix_every_allow_is_justified_and_every_deny_coded() {
    let mut used: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut cells = 0usize;
    for &status in AccountStatus::ALL {
        for bond_missing in [false, true] {
            for frozen in [false, true] {
                for bond_editable in [false, true] {
                    let mut acc = account();
                    acc.status = status;
                    acc.bond_data_missing = bond_missing;
                    let pol = policy(frozen, bond_editable);
                    for (label, p) in principals() {
                        for &action in Action::ALL {
                            cells += 1;
                            let cell = format!(
                                "{label} {action} {status:?} bond_missing={bond_missing} frozen={frozen} editable={bond_editable}"
                            );
                            used.insert(check_cell(&cell, &p, action, &acc, &pol));
                        }
                    }
                }
            }
        }
    }
    assert_eq!(
        cells,
        AccountStatus::ALL.len() * 8 * principals().len() * Action::ALL.len()
    );
    // No dead rule: every rule (and the default deny) decides at least one cell.
    for r in ACCESS_RULES {
        assert!(used.contains(r.code), "rule {} never decides", r.code);
    }
    assert!(used.contains(DEFAULT_DENY));
}

#[test]
fn spot_checks_of_the_matrix() {
    let acc = account();
    let pol = Policy::current();
    let d = |p: &Principal, a: Action| authorize(p, a, &acc, DAY, &pol);
    let pat = user("pat@acme.example");
    assert_eq!(
        d(&pat, Action::AddUser).code,
        "portal.v1.primary_poc_manages_users"
    );
    assert_eq!(
        d(&user("emil@acme.example"), Action::AddUser).code,
        "portal.v1.primary_poc_adds_users"
    );
    assert_eq!(
        d(&user("cora@consult.example"), Action::SignPartnerAgreement).code,
        "action.officer_only"
    );
    assert!(d(&user("olga@acme.example"), Action::SignPartnerAgreement).allowed);
    assert_eq!(
        d(&user("olga@acme.example"), Action::EditCompanyInfo).code,
        "portal.v1.account_write_poc_only"
    );
    assert_eq!(
        d(&Principal::CbpScss, Action::ShareInformation).code,
        "access.no_disclosure_without_consent"
    );
    assert_eq!(d(&Principal::CbpHq, Action::Certify).code, DEFAULT_DENY);
    assert!(d(&Principal::CbpScss, Action::ChangeBond).allowed);
    assert_eq!(
        d(&pat, Action::Certify).code,
        "lifecycle.cbp_actions_cbp_only"
    );
}

#[test]
fn a_password_field_is_refused_and_names_never_leak() {
    let mut value = serde_json::to_value(account()).unwrap();
    value["contacts"][0]["password"] = json!("hunter2");
    let e = crate::api::from_value::<Account>(value, "/account").unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("unknown_field", "/account/contacts/0/password")
    );

    let secret_ssn = "123-45-6789";
    let secret_pw = "hunter2pw";
    let mut acc = account();
    acc.company_name = format!("Acme {secret_ssn} {secret_pw}");
    for c in &mut acc.contacts {
        c.name = format!("Name {secret_ssn} password={secret_pw}");
    }
    acc.bond_number = Some(secret_ssn.to_owned());
    let mut texts = vec![format!("{acc:?}")];
    for (_, p) in principals() {
        for &a in Action::ALL {
            let d = authorize(&p, a, &acc, DAY, &Policy::current());
            texts.push(format!("{d:?} {}", serde_json::to_string(&d).unwrap()));
        }
    }
    let pol = Policy::current();
    let actor = Actor {
        principal: &user("emil@acme.example"),
        as_of: DAY,
        policy: &pol,
    };
    texts.push(format!(
        "{:?}",
        ops::add_user(&acc, actor, "new@acme.example").unwrap_err()
    ));
    let actor = Actor {
        principal: &user("pat@acme.example"),
        as_of: DAY,
        policy: &pol,
    };
    let mut broken = acc.clone();
    broken.contacts.truncate(1);
    let err = ops::add_user(&broken, actor, "new@acme.example").unwrap_err();
    texts.push(format!("{err:?} {}", err));
    texts.push(format!("{:?}", validate_account(&broken, &pol)));
    let profile: CompanyProfile = serde_json::from_value(json!({
        "profile_id": "P", "company_name": format!("X {secret_ssn}"),
        "security_models": [{"business_type": "importer", "status": "certified"}],
        "contacts": serde_json::to_value(&acc.contacts).unwrap()
    }))
    .unwrap();
    texts.push(format!("{profile:?}"));
    for t in &texts {
        assert!(
            !t.contains(secret_ssn) && !t.contains(secret_pw),
            "leak in {t}"
        );
    }
}

#[test]
fn operations_never_change_the_input_and_validate_the_result() {
    let acc = account();
    let before = acc.clone();
    let pol = Policy::current();
    let pat = user("pat@acme.example");
    let actor = Actor {
        principal: &pat,
        as_of: DAY,
        policy: &pol,
    };

    let added = ops::add_user(&acc, actor, "new@acme.example").unwrap();
    assert!(added.is_designated("NEW@acme.example"));
    let removed = ops::remove_user(&added, actor, "new@acme.example").unwrap();
    assert_eq!(removed, acc);
    assert_eq!(
        ops::add_user(&acc, actor, "Dana@Acme.example")
            .unwrap_err()
            .code(),
        "contact.email_unique"
    );
    assert_eq!(
        ops::add_user(&acc, actor, "bad@").unwrap_err().path(),
        "/email"
    );

    // Primary POC to an employee: refused under the default policy (officer required)...
    let e = ops::change_primary_poc(&acc, actor, "emil@acme.example").unwrap_err();
    assert_eq!(e.code(), "portal.invalid_account");
    assert_eq!(e.findings()[0].code, "contact.primary_poc_is_officer");
    assert_eq!(e.findings()[0].path, "/account/contacts/1/role");
    // ...allowed under the 2006 reading (officer or employee).
    let p2006 = Policy::portal_2006();
    let a2006 = Actor {
        principal: &pat,
        as_of: DAY,
        policy: &p2006,
    };
    let moved = ops::change_primary_poc(&acc, a2006, "emil@acme.example").unwrap();
    assert!(moved.contacts[1].is_primary_poc && !moved.contacts[0].is_primary_poc);
    assert!(moved.contacts[0].is_poc);

    // Delete-and-add: the contact moves to the end with the new address, no credential.
    let changed =
        ops::change_email(&acc, actor, "rita@acme.example", "rita.new@acme.example").unwrap();
    assert_eq!(changed.contacts.len(), acc.contacts.len());
    let last = changed.contacts.last().unwrap();
    assert_eq!(last.email.as_deref(), Some("rita.new@acme.example"));
    assert_eq!(last.role, ContactRole::ReadOnly);
    assert!(
        changed.is_designated("rita.new@acme.example")
            && !changed.is_designated("rita@acme.example")
    );
    assert_eq!(
        ops::change_email(&acc, actor, "rita@acme.example", "emil@acme.example")
            .unwrap_err()
            .code(),
        "contact.email_unique"
    );

    let linked = ops::link_accounts(&acc, actor, "ACC-3").unwrap();
    assert_eq!(linked.linked_accounts, ["ACC-9", "ACC-3"]);
    assert_eq!(
        ops::link_accounts(&acc, actor, "ACC-9").unwrap_err().code(),
        "portal.already_linked"
    );
    assert_eq!(
        ops::link_accounts(&acc, actor, "ACC-1").unwrap_err().code(),
        "portal.link_self"
    );
    assert_eq!(ops::unlink_accounts(&linked, actor, "ACC-3").unwrap(), acc);
    assert_eq!(
        ops::unlink_accounts(&acc, actor, "ACC-3")
            .unwrap_err()
            .code(),
        "portal.not_linked"
    );

    let other = Principal::User {
        email: "pat@acme.example".into(),
        account_id: "ACC-2".into(),
    };
    let e = ops::add_user(
        &acc,
        Actor {
            principal: &other,
            as_of: DAY,
            policy: &pol,
        },
        "n@acme.example",
    )
    .unwrap_err();
    assert_eq!((e.code(), e.path()), ("portal.access_denied", "/principal"));
    assert!(e.to_string().contains("portal.wrong_account"), "{e}");
    assert_eq!(acc, before);
}

fn profile() -> CompanyProfile {
    serde_json::from_value(json!({
        "profile_id": "TP-7",
        "company_name": "Acme Group",
        "security_models": [
            {"business_type": "importer", "status": "validated", "bond_number": "B-1"},
            {"business_type": "highway_carrier_us_canada", "status": "certified", "bond_data_missing": true, "account_id": "HC-1"}
        ],
        "contacts": [
            {"name": "Pat", "email": "pat@acme.example", "role": "company_officer", "is_poc": true, "is_primary_poc": true},
            {"name": "Emil", "email": "emil@acme.example", "role": "employee", "is_poc": true}
        ],
        "users": [{"email": "dana@acme.example"}],
        "documents": [
            {"id": "D1", "title": "risk assessment"},
            {"id": "D2", "business_type": "importer"},
            {"id": "D3", "business_type": "highway_carrier_us_canada"}
        ],
        "agreements": [
            {"id": "AG1", "kind": "partner_agreement", "business_type": "importer"},
            {"id": "AG2", "kind": "partner_agreement", "business_type": "highway_carrier_us_canada"},
            {"id": "AG3", "kind": "svi"}
        ],
        "linked_accounts": []
    }))
    .unwrap()
}

#[test]
fn migration_loses_nothing() {
    let p = profile();
    let accounts = split_company_profile(&p).unwrap();
    assert_eq!(accounts.len(), p.security_models.len());
    let ids: Vec<_> = accounts.iter().map(|a| a.account_id.as_str()).collect();
    assert_eq!(ids, ["TP-7-importer", "HC-1"]);
    for doc in &p.documents {
        let holders: Vec<_> = accounts
            .iter()
            .filter(|a| a.documents.contains(doc))
            .collect();
        assert!(!holders.is_empty(), "document {} lost", doc.id);
        match doc.business_type {
            Some(t) => assert!(holders.iter().all(|a| a.business_type == t)),
            None => assert_eq!(holders.len(), accounts.len()),
        }
    }
    for ag in &p.agreements {
        assert!(
            accounts.iter().any(|a| a.agreements.contains(ag)),
            "agreement {} lost",
            ag.id
        );
    }
    let pol = Policy::current();
    for acc in &accounts {
        assert_eq!(acc.contacts, p.contacts);
        assert_eq!(acc.migrated_from.as_deref(), Some("TP-7"));
        assert_eq!(acc.portal_generation, Some(PortalGeneration::V3));
        assert_eq!(acc.logins(), profile_logins(&p));
        assert!(
            validate_account(acc, &pol).is_empty(),
            "{:?}",
            validate_account(acc, &pol)
        );
        for login in profile_logins(&p) {
            let principal = Principal::User {
                email: login.email.clone(),
                account_id: acc.account_id.clone(),
            };
            assert!(
                matches!(relation(&principal, acc), Relation::Member(_)),
                "{} cannot reach {}",
                login.email,
                acc.account_id
            );
        }
    }
    let mut all_ids: Vec<String> = accounts.iter().map(|a| a.account_id.clone()).collect();
    all_ids.sort();
    for login in profile_logins(&p) {
        assert_eq!(
            login.reachable_accounts(&accounts),
            all_ids,
            "{}",
            login.email
        );
    }
    assert!(
        Login::new("nobody@x.example")
            .reachable_accounts(&accounts)
            .is_empty()
    );
    let hc = &accounts[1];
    assert!(hc.bond_data_missing && hc.bond_number.is_none());
    assert_eq!(accounts[0].bond_number.as_deref(), Some("B-1"));
    assert_eq!(accounts[0].status, AccountStatus::Validated);
}

#[test]
fn migration_refuses_ambiguous_profiles() {
    let mut p = profile();
    p.security_models.push(p.security_models[0].clone());
    let e = split_company_profile(&p).unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        (
            "portal.v3.duplicate_security_model",
            "/profile/security_models/2/business_type"
        )
    );
    let mut p = profile();
    p.security_models.clear();
    assert_eq!(
        split_company_profile(&p).unwrap_err().code(),
        "portal.v3.no_security_model"
    );
    let mut p = profile();
    p.documents[0].business_type = Some(crate::entity::BusinessType::RailCarrier);
    let e = split_company_profile(&p).unwrap_err();
    assert_eq!(e.path(), "/profile/documents/0/business_type");
}

mod prop {
    use proptest::prelude::*;
    use proptest::sample::select;

    use super::*;
    use crate::entity::BusinessType;

    const POOL: &[&str] = &[
        "a@x.example",
        "B@x.example",
        "b@x.example",
        "c@x.example",
        "",
        "not-mail",
    ];
    const ROLES: &[ContactRole] = &[
        ContactRole::CompanyOfficer,
        ContactRole::Employee,
        ContactRole::Consultant,
        ContactRole::ReadOnly,
    ];

    fn arb_contact() -> impl Strategy<Value = Contact> {
        (
            proptest::option::of(select(POOL)),
            select(ROLES),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(email, role, is_poc, is_primary_poc)| Contact {
                name: "N".to_owned(),
                email: email.map(str::to_owned),
                role,
                is_poc,
                is_primary_poc,
                has_credential: None,
            })
    }

    fn arb_principal() -> impl Strategy<Value = Principal> {
        prop_oneof![
            (select(POOL), select(&["ACC-1", "ACC-2"][..])).prop_map(|(e, a)| Principal::User {
                email: e.to_owned(),
                account_id: a.to_owned(),
            }),
            Just(Principal::CbpScss),
            Just(Principal::CbpHq),
            Just(Principal::CbpOther),
            Just(Principal::Anonymous),
        ]
    }

    proptest! {
        #[test]
        fn random_accounts_follow_the_table_and_the_invariants(
            contacts in proptest::collection::vec(arb_contact(), 0..6),
            designated in proptest::collection::vec(select(POOL), 0..4),
            status in select(AccountStatus::ALL),
            bond_missing in any::<bool>(),
            frozen in any::<bool>(),
            editable in any::<bool>(),
            principal in arb_principal(),
            action in select(Action::ALL),
        ) {
            let mut acc = account();
            acc.contacts = contacts;
            acc.designated_users = designated.iter().map(|s| (*s).to_owned()).collect();
            acc.status = status;
            acc.bond_data_missing = bond_missing;
            let pol = policy(frozen, editable);
            check_cell(&format!("{principal:?} {action} {acc:?}"), &principal, action, &acc, &pol);
        }
    }

    proptest! {
        #[test]
        fn any_split_keeps_every_item_and_login(
            n_models in 1usize..5,
            docs in proptest::collection::vec(proptest::option::of(0usize..5), 0..8),
            ags in proptest::collection::vec(proptest::option::of(0usize..5), 0..6),
            users in proptest::collection::vec("[a-z]{1,6}", 0..4),
        ) {
            let types: Vec<BusinessType> = BusinessType::ALL.iter().copied().take(n_models).collect();
            let mut p = profile();
            p.security_models = types.iter().map(|t| SecurityModel {
                business_type: *t, account_id: None, status: AccountStatus::Certified,
                bond_number: None, bond_data_missing: false,
            }).collect();
            p.documents = docs.iter().enumerate().map(|(i, t)| super::model::DocumentRef {
                id: format!("D{i}"), title: None,
                business_type: t.map(|k| types[k % n_models]),
            }).collect();
            p.agreements = ags.iter().enumerate().map(|(i, t)| super::model::AgreementRef {
                id: format!("A{i}"), kind: None,
                business_type: t.map(|k| types[k % n_models]),
            }).collect();
            p.users = users.iter().map(|u| Login::new(&format!("{u}@x.example"))).collect();
            let accounts = split_company_profile(&p).unwrap();
            prop_assert_eq!(accounts.len(), n_models);
            for d in &p.documents {
                prop_assert!(accounts.iter().any(|a| a.documents.contains(d)));
            }
            for ag in &p.agreements {
                prop_assert!(accounts.iter().any(|a| a.agreements.contains(ag)));
            }
            for a in &accounts {
                prop_assert_eq!(a.logins(), profile_logins(&p));
            }
        }
    }
}
