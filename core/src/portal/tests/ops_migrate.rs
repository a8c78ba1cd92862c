//! Operations, redaction and the migration.

use super::*;
use crate::entity::ContactRole;
use crate::portal::authorize::{Relation, relation};
use crate::portal::migrate::profile_logins;
use crate::portal::ops::{self, Actor};

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

    use super::*;
    use crate::entity::BusinessType;

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
