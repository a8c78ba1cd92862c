//! The portal model: accounts, contacts, logins and principals (domain.md §7).
//!
//! No password is part of the model: a contact carries at most a `has_credential` fact
//! (domain.md §7.2 #8 is about the portal's own credential store, not about this library).

use crate::redact::Masked;
use serde::{Deserialize, Serialize};

use crate::entity::{BusinessType, ContactRole};

/// Membership status of an account, with the names of domain.md §6.1.
///
/// ```
/// use ctpat::portal::AccountStatus;
/// assert_eq!(serde_json::from_str::<AccountStatus>("\"tier3\"").ok(), Some(AccountStatus::Tier3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    /// Only the company profile exists (2nd).
    PreApplicant,
    /// Application under review (seed 000_ce488379f704c3ca.txt).
    Applicant,
    /// Profile approved, vetting open (2nd).
    Approved,
    /// Tier 1 (seed 003_748fa2daea8a8359.txt).
    Certified,
    /// Tier 2 (seed 003_748fa2daea8a8359.txt).
    Validated,
    /// Tier 3 ([6 USC 966]).
    Tier3,
    /// Benefits paused (seed 002_b14c4bb2b0fafe34.txt).
    Suspended,
    /// Voluntary exit or withdrawal as a sanction (seed 000_ce488379f704c3ca.txt).
    Withdrawn,
    /// Expelled by headquarters ([6 USC 967(b)]).
    Removed,
    /// Application refused (seed 003_748fa2daea8a8359.txt).
    Rejected,
    /// Issue of concern found during review (seed 003_748fa2daea8a8359.txt).
    Ineligible,
}

impl AccountStatus {
    /// Every status, in declaration order.
    ///
    /// ```
    /// use ctpat::portal::AccountStatus;
    /// assert_eq!(AccountStatus::ALL.len(), 11);
    /// // The lifecycle's statuses without `none`.
    /// assert!(AccountStatus::ALL.iter().all(|s| ctpat::lifecycle::Status::ALL.iter().any(|l| l.as_str() == s.as_str())));
    /// ```
    pub const ALL: &'static [AccountStatus] = &[
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

    /// The snake_case name used on the wire.
    ///
    /// ```
    /// assert_eq!(ctpat::portal::AccountStatus::PreApplicant.as_str(), "pre_applicant");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
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
}

/// The portal generation an account belongs to (domain.md §7.1).
///
/// ```
/// use ctpat::portal::PortalGeneration;
/// assert_eq!(serde_json::to_value(PortalGeneration::V3).ok(), Some(serde_json::json!("v3")));
/// assert!(PortalGeneration::V1 < PortalGeneration::V2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PortalGeneration {
    /// Security Link Portal "1.0" (2006).
    V1,
    /// Portal 2.0 (2014/15): one company profile with a security model per business type.
    V2,
    /// Next-generation portal (2023): one account per entity.
    V3,
}

/// A company contact of an account. The e-mail address is also the contact's login id.
///
/// ```
/// use ctpat::portal::Contact;
/// let c: Contact = serde_json::from_str(r#"{"name": "Pat Doe", "email": "pat@acme.example", "role": "employee"}"#).unwrap();
/// assert!(!c.is_poc && !c.is_primary_poc);
/// assert!(!format!("{c:?}").contains("Pat Doe")); // the name never shows in Debug output
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Full name (never shown in `Debug` output, messages or decisions).
    pub name: String,
    /// E-mail address, the login id (compared case-insensitively); absent = none on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Contact type (domain.md §7.3 #10).
    pub role: ContactRole,
    /// Whether this contact is a company point of contact (POC).
    #[serde(default)]
    pub is_poc: bool,
    /// Whether this contact is the primary POC (the POC who controls users); implies `is_poc`.
    #[serde(default)]
    pub is_primary_poc: bool,
    /// Whether the contact holds a portal credential (a fact only; no password is ever kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_credential: Option<bool>,
}

impl Contact {
    /// Whether the contact is a POC (a primary POC always is).
    ///
    /// ```
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
    /// assert!(account.contacts.iter().all(|c| c.is_any_poc()));
    /// let mut c = account.contacts[0].clone();
    /// c.is_poc = false; // still the primary POC
    /// assert!(c.is_any_poc());
    /// ```
    pub fn is_any_poc(&self) -> bool {
        self.is_poc || self.is_primary_poc
    }

    /// Whether the contact's e-mail is `email` (case-insensitive).
    ///
    /// ```
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
    /// assert!(account.contacts[0].has_email(" PAT@acme.example "));
    /// assert!(!account.contacts[0].has_email("lee@acme.example"));
    /// ```
    pub fn has_email(&self, email: &str) -> bool {
        self.email.as_deref().is_some_and(|e| same_email(e, email))
    }
}

impl std::fmt::Debug for Contact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contact")
            .field(
                "name",
                &format_args!("<{} chars>", self.name.chars().count()),
            )
            .field("email", &Masked(&self.email))
            .field("role", &self.role)
            .field("is_poc", &self.is_poc)
            .field("is_primary_poc", &self.is_primary_poc)
            .field("has_credential", &self.has_credential)
            .finish()
    }
}

/// A reference to a document held in the portal (the document itself is not modelled).
///
/// ```
/// use ctpat::{BusinessType, portal::model::DocumentRef};
/// let d: DocumentRef = serde_json::from_str(r#"{"id": "d1", "business_type": "exporter"}"#).unwrap();
/// assert_eq!((d.id.as_str(), d.business_type), ("d1", Some(BusinessType::Exporter)));
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    /// Document id in the portal.
    pub id: String,
    /// Title, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Security model (business type) the document belongs to; absent = the whole company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_type: Option<BusinessType>,
}

/// A reference to a signed agreement (partner agreement, SVI, MRA, ...).
///
/// ```
/// use ctpat::portal::model::AgreementRef;
/// let a: AgreementRef = serde_json::from_str(r#"{"id": "g1", "kind": "svi"}"#).unwrap();
/// assert_eq!((a.kind.as_deref(), a.business_type), (Some("svi"), None)); // None: the whole company
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreementRef {
    /// Agreement id in the portal.
    pub id: String,
    /// Kind of agreement (`partner_agreement`, `svi`, `mra`, ...), free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Security model (business type) it was signed for; absent = the whole company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_type: Option<BusinessType>,
}

/// A portal account: one per CTPAT entity (domain.md §7.1, §7.5 #1).
///
/// ```
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
/// assert_eq!((account.account_id.as_str(), account.contacts.len()), ("A1", 2));
/// assert!(!format!("{account:?}").contains("Zenith")); // the company name never shows in Debug output
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Account id.
    pub account_id: String,
    /// Enrollment type of the entity.
    pub business_type: BusinessType,
    /// Company name (never used in messages or decisions).
    pub company_name: String,
    /// Membership status (domain.md §6.1).
    pub status: AccountStatus,
    /// Bond number, if on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bond_number: Option<String>,
    /// Mandatory bond data is missing (seed 002_b14c4bb2b0fafe34.txt; T10a).
    #[serde(default)]
    pub bond_data_missing: bool,
    /// Company contacts.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// E-mail addresses (login ids) of the users the primary POC designated.
    #[serde(default)]
    pub designated_users: Vec<String>,
    /// Ids of linked accounts (Portal 2.0 joint validation, domain.md §7.3 #4).
    #[serde(default)]
    pub linked_accounts: Vec<String>,
    /// Portal generation of the account, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portal_generation: Option<PortalGeneration>,
    /// Document references held by the account.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentRef>,
    /// Agreements signed for the account.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<AgreementRef>,
    /// Id of the Portal 2.0 company profile this account was split from (domain.md §7.5 #2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrated_from: Option<String>,
}

impl Account {
    /// The contact whose e-mail is `email` (case-insensitive), with its index.
    ///
    /// ```
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
    /// assert_eq!(account.contact_by_email("LEE@acme.example").map(|(i, _)| i), Some(1));
    /// assert!(account.contact_by_email("dana@acme.example").is_none()); // a user, not a contact
    /// ```
    pub fn contact_by_email(&self, email: &str) -> Option<(usize, &Contact)> {
        self.contacts
            .iter()
            .enumerate()
            .find(|(_, c)| c.has_email(email))
    }

    /// Whether `email` is one of the designated users (case-insensitive).
    ///
    /// ```
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
    /// assert!(account.is_designated("Dana@Acme.example"));
    /// assert!(!account.is_designated("pat@acme.example"));
    /// ```
    pub fn is_designated(&self, email: &str) -> bool {
        self.designated_users.iter().any(|u| same_email(u, email))
    }

    /// Every login that reaches this account: POC e-mails and designated users, lowercased,
    /// sorted and deduplicated.
    ///
    /// ```
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
    /// let emails: Vec<_> = account.logins().into_iter().map(|l| l.email).collect();
    /// assert_eq!(emails, ["dana@acme.example", "lee@acme.example", "pat@acme.example"]);
    /// ```
    pub fn logins(&self) -> Vec<Login> {
        let mut all: Vec<Login> = self
            .contacts
            .iter()
            .filter(|c| c.is_any_poc())
            .filter_map(|c| c.email.as_deref())
            .chain(self.designated_users.iter().map(String::as_str))
            .map(Login::new)
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("account_id", &Masked(&self.account_id))
            .field("business_type", &self.business_type)
            .field(
                "company_name",
                &format_args!("<{} chars>", self.company_name.chars().count()),
            )
            .field("status", &self.status)
            .field("bond_number", &self.bond_number.as_ref().map(|_| "<set>"))
            .field("bond_data_missing", &self.bond_data_missing)
            .field("contacts", &self.contacts)
            .field("designated_users", &Masked(&self.designated_users))
            .field("linked_accounts", &Masked(&self.linked_accounts))
            .field("portal_generation", &self.portal_generation)
            .field("documents", &self.documents.len())
            .field("agreements", &self.agreements.len())
            .field("migrated_from", &Masked(&self.migrated_from))
            .finish()
    }
}

/// A portal login. The e-mail address is the login id (domain.md §7.2 #2), unique across the
/// system and compared case-insensitively; one login may reach several accounts (§7.5 #3).
///
/// ```
/// use ctpat::portal::Login;
/// assert_eq!(Login::new("Pat@Acme.example"), Login::new(" pat@acme.example"));
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Login {
    /// The login id (an e-mail address).
    pub email: String,
}

impl Login {
    /// A login with the e-mail lowercased (its canonical form).
    ///
    /// ```
    /// assert_eq!(ctpat::portal::Login::new(" Pat@Acme.EXAMPLE ").email, "pat@acme.example");
    /// ```
    pub fn new(email: &str) -> Self {
        Self {
            email: email.trim().to_lowercase(),
        }
    }
}

impl Login {
    /// The ids of the accounts among `accounts` this login reaches (as a POC or a designated
    /// user), sorted: the account picker of the next-generation portal (domain.md §7.5 #3).
    ///
    /// ```
    /// use ctpat::portal::Login;
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
    /// let mut other = account.clone();
    /// other.account_id = "A2".into();
    /// other.designated_users.clear();
    /// let accounts = [account, other];
    /// assert_eq!(Login::new("pat@acme.example").reachable_accounts(&accounts), ["A1", "A2"]);
    /// assert_eq!(Login::new("dana@acme.example").reachable_accounts(&accounts), ["A1"]);
    /// ```
    pub fn reachable_accounts(&self, accounts: &[Account]) -> Vec<String> {
        let mut ids: Vec<String> = accounts
            .iter()
            .filter(|a| a.logins().contains(&Login::new(&self.email)))
            .map(|a| a.account_id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// Whether two e-mail addresses are the same login (case-insensitive, surrounding blanks ignored).
///
/// ```
/// use ctpat::portal::model::same_email;
/// assert!(same_email("Pat@Acme.example ", "pat@acme.example"));
/// assert!(!same_email("pat@acme.example", "pat@acme.example.org"));
/// ```
pub fn same_email(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Who asks: a login acting in one account, a CBP role, or nobody.
///
/// ```
/// use ctpat::portal::Principal;
/// let p: Principal = serde_json::from_str(r#"{"kind": "user", "email": "pat@acme.example", "account_id": "A1"}"#).unwrap();
/// assert!(matches!(p, Principal::User { ref account_id, .. } if account_id == "A1"));
/// assert_eq!(serde_json::from_str::<Principal>(r#"{"kind": "cbp_hq"}"#).ok(), Some(Principal::CbpHq));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Principal {
    /// A portal login acting in exactly one account (domain.md §7.5 #3).
    User {
        /// The login id.
        email: String,
        /// The account the user picked.
        account_id: String,
    },
    /// The CBP Supply Chain Security Specialist (field office).
    CbpScss,
    /// CTPAT headquarters (including the Secretary).
    CbpHq,
    /// CBP staff outside the CTPAT program.
    CbpOther,
    /// Nobody logged in.
    Anonymous,
}

impl Principal {
    /// The snake_case kind (`user`, `cbp_scss`, ...).
    ///
    /// ```
    /// use ctpat::portal::Principal;
    /// assert_eq!(Principal::CbpScss.kind(), "cbp_scss");
    /// assert_eq!(Principal::User { email: "a@b.example".into(), account_id: "A1".into() }.kind(), "user");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Self::User { .. } => "user",
            Self::CbpScss => "cbp_scss",
            Self::CbpHq => "cbp_hq",
            Self::CbpOther => "cbp_other",
            Self::Anonymous => "anonymous",
        }
    }
}

crate::redact::masked_debug!(Principal, DocumentRef, AgreementRef, Login);
