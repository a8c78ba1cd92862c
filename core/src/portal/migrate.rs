//! The 2023 next-generation portal migration (domain.md §7.5): a Portal 2.0 company profile
//! with N security models becomes N accounts, keeping every contact, user, document reference
//! and agreement, and every login's reach.

use crate::redact::Masked;
use serde::{Deserialize, Serialize};

use crate::entity::BusinessType;
use crate::error::Error;
use crate::portal::model::{
    Account, AccountStatus, AgreementRef, Contact, DocumentRef, Login, PortalGeneration,
};

/// One security model of a Portal 2.0 company profile (one per business type).
///
/// ```
/// use ctpat::portal::{AccountStatus, SecurityModel};
/// let m: SecurityModel = serde_json::from_str(r#"{"business_type": "importer", "status": "suspended", "bond_data_missing": true}"#).unwrap();
/// assert_eq!((m.status, m.account_id), (AccountStatus::Suspended, None));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SecurityModel {
    /// The business type of the model.
    pub business_type: BusinessType,
    /// Id of the account to create; default `{profile_id}-{business_type}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// Membership status of this entity.
    pub status: AccountStatus,
    /// Bond number, if on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bond_number: Option<String>,
    /// Mandatory bond data is missing.
    #[serde(default)]
    pub bond_data_missing: bool,
}

/// A Portal 2.0 company profile (domain.md §7.1: Trade Account with security models).
///
/// ```
/// # let profile: ctpat::portal::CompanyProfile = serde_json::from_value(serde_json::json!({
/// #     "profile_id": "P7", "company_name": "Zenith Trading",
/// #     "security_models": [{"business_type": "importer", "status": "certified"},
/// #                         {"business_type": "exporter", "status": "applicant"}],
/// #     "contacts": [{"name": "Pat", "email": "pat@acme.example", "role": "company_officer", "is_poc": true, "is_primary_poc": true},
/// #                  {"name": "Lee", "email": "lee@acme.example", "role": "employee"}],
/// #     "users": [{"email": "Dana@Acme.example"}],
/// #     "documents": [{"id": "d1", "business_type": "exporter"}, {"id": "d2"}]
/// # })).unwrap();
/// assert_eq!(profile.security_models.len(), 2);
/// assert!(!format!("{profile:?}").contains("Zenith")); // the company name never shows in Debug output
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CompanyProfile {
    /// Id of the company profile.
    pub profile_id: String,
    /// Company name.
    pub company_name: String,
    /// One security model per business type.
    pub security_models: Vec<SecurityModel>,
    /// Company contacts (shared by every security model).
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Logins designated by the primary POC (they reach the whole profile).
    #[serde(default)]
    pub users: Vec<Login>,
    /// Document references; a document tagged with a business type moves to that account
    /// only, an untagged one to every account.
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
    /// Agreements; tagged ones move to their account, untagged ones to every account.
    #[serde(default)]
    pub agreements: Vec<AgreementRef>,
    /// Accounts the profile was linked to.
    #[serde(default)]
    pub linked_accounts: Vec<String>,
}

impl std::fmt::Debug for CompanyProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompanyProfile")
            .field("profile_id", &Masked(&self.profile_id))
            .field(
                "company_name",
                &format_args!("<{} chars>", self.company_name.chars().count()),
            )
            .field("security_models", &self.security_models)
            .field("contacts", &self.contacts)
            .field("users", &self.users)
            .field("documents", &self.documents)
            .field("agreements", &self.agreements)
            .field("linked_accounts", &Masked(&self.linked_accounts))
            .finish()
    }
}

fn belongs(tag: Option<BusinessType>, business_type: BusinessType) -> bool {
    tag.is_none_or(|t| t == business_type)
}

/// Splits a Portal 2.0 company profile into one account per security model
/// (`portal.v3.split_security_models`, `portal.v3.migration_retains_data`; seed
/// 004_b70f7a3b20c2825d.txt). Every account gets every contact and user, so each login
/// reaches every account it reached before. Accounts are not linked to each other: joint
/// validation after 2023 is open (§9 C17); the shared origin is kept in `migrated_from`.
///
/// Errors (paths into the call, under `/profile`): no security model, two models of one
/// business type, a document or agreement tagged with a type the profile has no model for,
/// two models mapped to one account id.
///
/// ```
/// use ctpat::portal::{PortalGeneration, split_company_profile};
/// # let profile: ctpat::portal::CompanyProfile = serde_json::from_value(serde_json::json!({
/// #     "profile_id": "P7", "company_name": "Zenith Trading",
/// #     "security_models": [{"business_type": "importer", "status": "certified"},
/// #                         {"business_type": "exporter", "status": "applicant"}],
/// #     "contacts": [{"name": "Pat", "email": "pat@acme.example", "role": "company_officer", "is_poc": true, "is_primary_poc": true},
/// #                  {"name": "Lee", "email": "lee@acme.example", "role": "employee"}],
/// #     "users": [{"email": "Dana@Acme.example"}],
/// #     "documents": [{"id": "d1", "business_type": "exporter"}, {"id": "d2"}]
/// # })).unwrap();
/// let accounts = split_company_profile(&profile).unwrap();
/// let ids: Vec<_> = accounts.iter().map(|a| a.account_id.as_str()).collect();
/// assert_eq!(ids, ["P7-importer", "P7-exporter"]);
/// assert_eq!((accounts[0].documents.len(), accounts[1].documents.len()), (1, 2)); // d1 goes to the exporter only
/// assert!(accounts.iter().all(|a| a.portal_generation == Some(PortalGeneration::V3) && a.migrated_from.as_deref() == Some("P7")));
/// ```
pub fn split_company_profile(profile: &CompanyProfile) -> Result<Vec<Account>, Error> {
    if profile.security_models.is_empty() {
        return Err(Error::input_code(
            "portal.v3.no_security_model",
            "/profile/security_models",
            "the profile has no security model to migrate",
        ));
    }
    let types: Vec<BusinessType> = profile
        .security_models
        .iter()
        .map(|m| m.business_type)
        .collect();
    let mut ids: Vec<String> = Vec::new();
    for (i, m) in profile.security_models.iter().enumerate() {
        if types.iter().take(i).any(|t| *t == m.business_type) {
            return Err(Error::input_code(
                "portal.v3.duplicate_security_model",
                format!("/profile/security_models/{i}/business_type"),
                format!("a second security model of type `{}`", m.business_type),
            ));
        }
        let id = m
            .account_id
            .clone()
            .unwrap_or_else(|| format!("{}-{}", profile.profile_id, m.business_type));
        if ids.contains(&id) {
            return Err(Error::input_code(
                "portal.v3.duplicate_account_id",
                format!("/profile/security_models/{i}/account_id"),
                "two security models map to the same account id",
            ));
        }
        ids.push(id);
    }
    let tagged = profile
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                format!("/profile/documents/{i}/business_type"),
                d.business_type,
            )
        })
        .chain(profile.agreements.iter().enumerate().map(|(i, a)| {
            (
                format!("/profile/agreements/{i}/business_type"),
                a.business_type,
            )
        }));
    for (path, tag) in tagged {
        if let Some(t) = tag
            && !types.contains(&t)
        {
            return Err(Error::input_code(
                "portal.v3.unknown_security_model",
                path,
                format!("the profile has no security model of type `{t}`"),
            ));
        }
    }
    let users: Vec<String> = profile.users.iter().map(|l| l.email.clone()).collect();
    Ok(profile
        .security_models
        .iter()
        .zip(ids)
        .map(|(m, account_id)| Account {
            account_id,
            business_type: m.business_type,
            company_name: profile.company_name.clone(),
            status: m.status,
            bond_number: m.bond_number.clone(),
            bond_data_missing: m.bond_data_missing,
            contacts: profile.contacts.clone(),
            designated_users: users.clone(),
            linked_accounts: profile.linked_accounts.clone(),
            portal_generation: Some(PortalGeneration::V3),
            documents: profile
                .documents
                .iter()
                .filter(|d| belongs(d.business_type, m.business_type))
                .cloned()
                .collect(),
            agreements: profile
                .agreements
                .iter()
                .filter(|a| belongs(a.business_type, m.business_type))
                .cloned()
                .collect(),
            migrated_from: Some(profile.profile_id.clone()),
        })
        .collect())
}

/// Every login that reaches the profile: POC e-mails and designated users, canonical form.
///
/// ```
/// use ctpat::portal::migrate::profile_logins;
/// # let profile: ctpat::portal::CompanyProfile = serde_json::from_value(serde_json::json!({
/// #     "profile_id": "P7", "company_name": "Zenith Trading",
/// #     "security_models": [{"business_type": "importer", "status": "certified"},
/// #                         {"business_type": "exporter", "status": "applicant"}],
/// #     "contacts": [{"name": "Pat", "email": "pat@acme.example", "role": "company_officer", "is_poc": true, "is_primary_poc": true},
/// #                  {"name": "Lee", "email": "lee@acme.example", "role": "employee"}],
/// #     "users": [{"email": "Dana@Acme.example"}],
/// #     "documents": [{"id": "d1", "business_type": "exporter"}, {"id": "d2"}]
/// # })).unwrap();
/// let emails: Vec<_> = profile_logins(&profile).into_iter().map(|l| l.email).collect();
/// assert_eq!(emails, ["dana@acme.example", "pat@acme.example"]); // Lee is no POC
/// ```
pub fn profile_logins(profile: &CompanyProfile) -> Vec<Login> {
    let mut all: Vec<Login> = profile
        .contacts
        .iter()
        .filter(|c| c.is_any_poc())
        .filter_map(|c| c.email.as_deref())
        .chain(profile.users.iter().map(|l| l.email.as_str()))
        .map(Login::new)
        .collect();
    all.sort();
    all.dedup();
    all
}

crate::redact::masked_debug!(SecurityModel);
