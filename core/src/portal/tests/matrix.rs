//! The authorization matrix: exhaustive over principal kinds x actions x account states,
//! plus a proptest over random accounts.

use super::*;
use crate::entity::ContactRole;
use crate::portal::authorize::{Relation, deciding_rule, relation, rule_matches};
use crate::portal::rules::{CBP_ACTIONS, DEFAULT_DENY, PARTNER_WRITES};

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
    let matching: Vec<&Contact> = acc
        .contacts
        .iter()
        .filter(|c| c.email.as_deref().map(|e| e.trim().to_lowercase()) == Some(lower.clone()))
        .collect();
    if matching.len() > 1 {
        return None;
    }
    let contact = matching.first();
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
            // Only bond data may still be supplied (the cure of a T10a suspension).
            assert!(
                !PARTNER_WRITES.contains(&action) || action == Action::ChangeBond,
                "{cell}"
            );
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
    // The second shape breaks contact.email_unique: pat's e-mail belongs to two contacts.
    let mut dup = account();
    dup.contacts.push(Contact {
        name: "Pat Two".to_owned(),
        email: Some("Pat@Acme.example".to_owned()),
        role: ContactRole::Employee,
        is_poc: false,
        is_primary_poc: false,
        has_credential: None,
    });
    for shape in [account(), dup] {
        for &status in AccountStatus::ALL {
            for bond_missing in [false, true] {
                for frozen in [false, true] {
                    for bond_editable in [false, true] {
                        let mut acc = shape.clone();
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
    }
    assert_eq!(
        cells,
        2 * AccountStatus::ALL.len() * 8 * principals().len() * Action::ALL.len()
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

mod prop {
    use proptest::prelude::*;
    use proptest::sample::select;

    use super::*;

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
}
