//! Unit tests of the portal module: shared helpers; the authorization matrix is in
//! `matrix`, operations, redaction and the migration in `ops_migrate`.

use serde_json::json;
use time::Date;
use time::macros::date;

use super::*;
use crate::policy::{DateRange, Policy, PolicyDate};

mod matrix;
mod ops_migrate;

pub(super) const DAY: Date = date!(2025 - 03 - 10);

pub(super) fn account() -> Account {
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

pub(super) fn user(email: &str) -> Principal {
    Principal::User {
        email: email.to_owned(),
        account_id: "ACC-1".to_owned(),
    }
}

/// Every kind of principal the matrix covers, with a label.
pub(super) fn principals() -> Vec<(&'static str, Principal)> {
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

pub(super) fn policy(frozen: bool, bond_editable: bool) -> Policy {
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

pub(super) fn profile() -> CompanyProfile {
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
