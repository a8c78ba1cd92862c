//! JSON API operations of the portal module.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::Date;

use crate::api::{Operation, check_rules_version, from_value, policy_from_value};
use crate::error::Error;
use crate::finding::{Finding, has_errors};
use crate::policy::Policy;
use crate::portal::migrate::{CompanyProfile, split_company_profile};
use crate::portal::model::{Account, Principal};
use crate::portal::ops::{self, Actor};
use crate::portal::rules::{AccessRuleInfo, Action, access_rules};
use crate::portal::validate::{INVARIANTS, Invariant, validate_account};

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation {
        name: "access_rules",
        summary: "lists the portal access rules in evaluation order and the account invariants",
        run: run_access_rules,
        fast: None,
    },
    Operation {
        name: "add_user",
        summary: "designates a new user of a portal account (primary poc only)",
        run: run_add_user,
        fast: None,
    },
    Operation {
        name: "authorize",
        summary: "decides whether a principal may take an action in a portal account",
        run: run_authorize,
        fast: None,
    },
    Operation {
        name: "change_email",
        summary: "changes a contact's or user's e-mail by delete and re-add",
        run: run_change_email,
        fast: None,
    },
    Operation {
        name: "change_primary_poc",
        summary: "hands the primary poc role to another contact",
        run: run_change_primary_poc,
        fast: None,
    },
    Operation {
        name: "link_accounts",
        summary: "links another account for a joint review",
        run: run_link_accounts,
        fast: None,
    },
    Operation {
        name: "remove_user",
        summary: "removes a designated user of a portal account (primary poc only)",
        run: run_remove_user,
        fast: None,
    },
    Operation {
        name: "split_company_profile",
        summary: "splits a portal 2.0 company profile into one account per security model",
        run: run_split_company_profile,
        fast: None,
    },
    Operation {
        name: "unlink_accounts",
        summary: "removes the link to another account",
        run: run_unlink_accounts,
        fast: None,
    },
    Operation {
        name: "validate_account",
        summary: "checks a portal account's contact and user invariants",
        run: run_validate_account,
        fast: None,
    },
];

/// Arguments of `validate_account`.
///
/// ```
/// use ctpat::portal::{AccountStatus, api::ValidateAccountCall};
/// let c: ValidateAccountCall = serde_json::from_str(
///     r#"{"account":{"account_id":"ACC-1","business_type":"importer","company_name":"Acme",
///         "status":"certified"},"policy":"portal_2006"}"#,
/// ).unwrap();
/// assert_eq!(c.account.status, AccountStatus::Certified);
/// assert!(c.account.contacts.is_empty());
/// assert_eq!(c.policy, Some(serde_json::json!("portal_2006")));
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValidateAccountCall {
    /// The account to check.
    pub account: Account,
    /// Policy: absent = `current`, a preset name, or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `validate_account`.
///
/// ```
/// use ctpat::portal::api::ValidateAccountAnswer;
/// let one_contact = r#"{"account":{"account_id":"ACC-1","business_type":"importer",
///     "company_name":"Acme","status":"certified","bond_number":"BOND-1","contacts":[
///     {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,
///      "is_primary_poc":true}]}}"#;
/// let out = ctpat::api::call("validate_account", one_contact).unwrap();
/// let a: ValidateAccountAnswer = serde_json::from_str(&out).unwrap();
/// assert!(!a.valid);
/// assert_eq!(a.findings.len(), 1);
/// assert_eq!(a.findings[0].code, "contact.min_two");
/// assert_eq!(a.findings[0].path, "/account/contacts");
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValidateAccountAnswer {
    /// Whether no finding is an error.
    pub valid: bool,
    /// Every finding, sorted by path; paths point into `account`.
    pub findings: Vec<Finding>,
    /// Rules edition used.
    pub rules_version: String,
}

/// Arguments of `authorize`.
///
/// ```
/// # let account = r#"{"account_id":"ACC-1","business_type":"importer","company_name":"Acme Imports",
/// #   "status":"certified","bond_number":"BOND-1","contacts":[
/// #   {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,"is_primary_poc":true},
/// #   {"name":"Emil","email":"emil@acme.example","role":"employee","is_poc":true}],
/// #   "designated_users":["dana@acme.example"],"linked_accounts":["ACC-9"]}"#;
/// # let pat = r#"{"kind":"user","email":"pat@acme.example","account_id":"ACC-1"}"#;
/// use ctpat::portal::api::AuthorizeCall;
/// let call = format!(
///     r#"{{"principal":{pat},"action":"view_account","account":{account},"as_of":"2025-03-10"}}"#
/// );
/// let c: AuthorizeCall = serde_json::from_str(&call).unwrap();
/// assert_eq!(c.action, "view_account");
/// assert_eq!(c.principal.kind(), "user");
/// assert_eq!(c.account.account_id, "ACC-1");
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuthorizeCall {
    /// Who asks.
    pub principal: Principal,
    /// The action (`view_account`, `add_user`, ...).
    pub action: String,
    /// The account acted on.
    pub account: Account,
    /// Date of the request.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// Policy: absent = `current`, a preset name, or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `authorize`.
///
/// ```
/// # let account = r#"{"account_id":"ACC-1","business_type":"importer","company_name":"Acme Imports",
/// #   "status":"certified","bond_number":"BOND-1","contacts":[
/// #   {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,"is_primary_poc":true},
/// #   {"name":"Emil","email":"emil@acme.example","role":"employee","is_poc":true}],
/// #   "designated_users":["dana@acme.example"],"linked_accounts":["ACC-9"]}"#;
/// # let pat = r#"{"kind":"user","email":"pat@acme.example","account_id":"ACC-1"}"#;
/// use ctpat::portal::{Action, api::AuthorizeAnswer};
/// let ask = |principal: &str, action: &str| -> AuthorizeAnswer {
///     let call = format!(
///         r#"{{"principal":{principal},"action":"{action}","account":{account},"as_of":"2025-03-10"}}"#
///     );
///     serde_json::from_str(&ctpat::api::call("authorize", &call).unwrap()).unwrap()
/// };
/// // the account's primary poc reads company data
/// let a = ask(pat, "view_account");
/// assert!(a.allowed);
/// assert_eq!((a.action, a.code.as_str()), (Action::ViewAccount, "access.company_data_readers"));
/// // an anonymous visitor does not: the portal is used through a login
/// let a = ask(r#"{"kind":"anonymous"}"#, "view_account");
/// assert_eq!((a.allowed, a.code.as_str()), (false, "portal.v1.login_required"));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuthorizeAnswer {
    /// Whether the action is allowed.
    pub allowed: bool,
    /// Code of the deciding rule (`portal.default_deny` if none).
    pub code: String,
    /// Why.
    pub reason: String,
    /// Source of the deciding rule.
    pub source: String,
    /// The action decided.
    pub action: Action,
    /// The date used.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// Rules edition used.
    pub rules_version: String,
}

macro_rules! op_call {
    ($name:ident, $doc:literal, { $($(#[doc = $fdoc:literal])* $field:ident),* }) => {
        #[doc = $doc]
        #[derive(Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Who acts.
            pub principal: Principal,
            /// The account acted on (never modified; the answer holds the new one).
            pub account: Account,
            $($(#[doc = $fdoc])* pub $field: String,)*
            /// Date of the operation.
            #[serde(with = "crate::calendar::serde_date")]
            #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
            pub as_of: Date,
            /// Policy: absent = `current`, a preset name, or a policy object.
            #[serde(default)]
            #[cfg_attr(feature = "schema", schemars(with = "Option<crate::policy::PolicyArg>"))]
            pub policy: Option<Value>,
            /// Rules edition the caller expects.
            #[serde(default)]
            pub rules_version: Option<String>,
        }

        crate::redact::masked_debug!($name);

        impl $name {
            fn run(
                self,
                op: impl FnOnce(&Account, Actor<'_>, &Self) -> Result<Account, Error>,
            ) -> Result<Value, Error> {
                check_rules_version(self.rules_version.as_deref())?;
                let policy: Policy =
                    policy_from_value(self.policy.clone().unwrap_or(Value::Null), "/policy")?;
                let actor = Actor {
                    principal: &self.principal,
                    as_of: self.as_of,
                    policy: &policy,
                };
                let account = op(&self.account, actor, &self)?;
                Ok(serde_json::to_value(AccountOpAnswer {
                    account,
                    as_of: self.as_of,
                    rules_version: crate::RULES_VERSION.to_owned(),
                })?)
            }
        }
    };
}

op_call!(
    UserEmailCall,
    r##"Arguments of `add_user`, `remove_user` and `change_primary_poc`.

```
# let account = r#"{"account_id":"ACC-1","business_type":"importer","company_name":"Acme Imports",
#   "status":"certified","bond_number":"BOND-1","contacts":[
#   {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,"is_primary_poc":true},
#   {"name":"Emil","email":"emil@acme.example","role":"employee","is_poc":true}],
#   "designated_users":["dana@acme.example"],"linked_accounts":["ACC-9"]}"#;
# let pat = r#"{"kind":"user","email":"pat@acme.example","account_id":"ACC-1"}"#;
use ctpat::portal::api::{AccountOpAnswer, UserEmailCall};
let call = format!(
    r#"{{"principal":{pat},"account":{account},"email":"dana@acme.example","as_of":"2025-03-10"}}"#
);
let c: UserEmailCall = serde_json::from_str(&call).unwrap();
assert_eq!(c.email, "dana@acme.example");
// the primary poc removes a designated user
let out = ctpat::api::call("remove_user", &call).unwrap();
let a: AccountOpAnswer = serde_json::from_str(&out).unwrap();
assert!(a.account.designated_users.is_empty());
```"##,
    {
        /// The e-mail (login id) of the user or contact concerned.
        email
    }
);
op_call!(
    ChangeEmailCall,
    r##"Arguments of `change_email`.

```
# let account = r#"{"account_id":"ACC-1","business_type":"importer","company_name":"Acme Imports",
#   "status":"certified","bond_number":"BOND-1","contacts":[
#   {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,"is_primary_poc":true},
#   {"name":"Emil","email":"emil@acme.example","role":"employee","is_poc":true}],
#   "designated_users":["dana@acme.example"],"linked_accounts":["ACC-9"]}"#;
# let pat = r#"{"kind":"user","email":"pat@acme.example","account_id":"ACC-1"}"#;
use ctpat::portal::api::{AccountOpAnswer, ChangeEmailCall};
let call = format!(
    r#"{{"principal":{pat},"account":{account},"old_email":"emil@acme.example",
        "new_email":"emil.new@acme.example","as_of":"2025-03-10"}}"#
);
let c: ChangeEmailCall = serde_json::from_str(&call).unwrap();
assert_eq!(c.old_email, "emil@acme.example");
assert_eq!(c.new_email, "emil.new@acme.example");
// delete and re-add: the contact comes back last, with its new address
let out = ctpat::api::call("change_email", &call).unwrap();
let a: AccountOpAnswer = serde_json::from_str(&out).unwrap();
let last = a.account.contacts.last().unwrap();
assert_eq!((last.name.as_str(), last.email.as_deref()), ("Emil", Some("emil.new@acme.example")));
```"##,
    {
    /// The current address.
    old_email,
    /// The new address.
    new_email
});
op_call!(
    OtherAccountCall,
    r##"Arguments of `link_accounts` and `unlink_accounts`.

```
# let account = r#"{"account_id":"ACC-1","business_type":"importer","company_name":"Acme Imports",
#   "status":"certified","bond_number":"BOND-1","contacts":[
#   {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,"is_primary_poc":true},
#   {"name":"Emil","email":"emil@acme.example","role":"employee","is_poc":true}],
#   "designated_users":["dana@acme.example"],"linked_accounts":["ACC-9"]}"#;
# let pat = r#"{"kind":"user","email":"pat@acme.example","account_id":"ACC-1"}"#;
use ctpat::portal::api::{AccountOpAnswer, OtherAccountCall};
let call = format!(
    r#"{{"principal":{pat},"account":{account},"other_account_id":"ACC-3","as_of":"2025-03-10"}}"#
);
let c: OtherAccountCall = serde_json::from_str(&call).unwrap();
assert_eq!(c.other_account_id, "ACC-3");
let out = ctpat::api::call("link_accounts", &call).unwrap();
let a: AccountOpAnswer = serde_json::from_str(&out).unwrap();
assert_eq!(a.account.linked_accounts, ["ACC-9", "ACC-3"]);
// an account is linked only once
let e = ctpat::api::call("link_accounts", &call.replace("ACC-3", "ACC-9")).unwrap_err();
assert_eq!((e.code(), e.path()), ("portal.already_linked", "/other_account_id"));
```"##,
    {
        /// The other account's id.
        other_account_id
    }
);

/// Answer of the account operations.
///
/// ```
/// # let account = r#"{"account_id":"ACC-1","business_type":"importer","company_name":"Acme Imports",
/// #   "status":"certified","bond_number":"BOND-1","contacts":[
/// #   {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,"is_primary_poc":true},
/// #   {"name":"Emil","email":"emil@acme.example","role":"employee","is_poc":true}],
/// #   "designated_users":["dana@acme.example"],"linked_accounts":["ACC-9"]}"#;
/// # let pat = r#"{"kind":"user","email":"pat@acme.example","account_id":"ACC-1"}"#;
/// use ctpat::portal::api::AccountOpAnswer;
/// let call = format!(
///     r#"{{"principal":{pat},"account":{account},"email":"new@acme.example","as_of":"2025-03-10"}}"#
/// );
/// let out = ctpat::api::call("add_user", &call).unwrap();
/// let a: AccountOpAnswer = serde_json::from_str(&out).unwrap();
/// assert_eq!(a.account.designated_users, ["dana@acme.example", "new@acme.example"]);
/// assert_eq!(a.as_of.to_string(), "2025-03-10");
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountOpAnswer {
    /// The new account.
    pub account: Account,
    /// The date used.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// Rules edition used.
    pub rules_version: String,
}

/// Arguments of `split_company_profile`.
///
/// ```
/// use ctpat::portal::api::SplitCompanyProfileCall;
/// let c: SplitCompanyProfileCall = serde_json::from_str(
///     r#"{"profile":{"profile_id":"TP-7","company_name":"Acme Group",
///         "security_models":[{"business_type":"importer","status":"applicant"}]}}"#,
/// ).unwrap();
/// assert_eq!(c.profile.profile_id, "TP-7");
/// assert_eq!(c.profile.security_models.len(), 1);
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SplitCompanyProfileCall {
    /// The Portal 2.0 company profile.
    pub profile: CompanyProfile,
    /// Rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

/// Answer of `split_company_profile`.
///
/// ```
/// use ctpat::{BusinessType, portal::api::SplitCompanyProfileAnswer};
/// let call = r#"{"profile":{"profile_id":"TP-7","company_name":"Acme Group",
///     "security_models":[{"business_type":"importer","status":"applicant"},
///                        {"business_type":"highway_carrier_us_canada","status":"certified"}],
///     "contacts":[
///     {"name":"Pat","email":"pat@acme.example","role":"company_officer","is_poc":true,"is_primary_poc":true},
///     {"name":"Emil","email":"emil@acme.example","role":"employee","is_poc":true}]}}"#;
/// let out = ctpat::api::call("split_company_profile", call).unwrap();
/// let a: SplitCompanyProfileAnswer = serde_json::from_str(&out).unwrap();
/// let ids: Vec<_> = a.accounts.iter().map(|acc| acc.account_id.as_str()).collect();
/// assert_eq!(ids, ["TP-7-importer", "TP-7-highway_carrier_us_canada"]);
/// assert_eq!(a.accounts[1].business_type, BusinessType::HighwayCarrierUsCanada);
/// assert!(a.accounts.iter().all(|acc| acc.contacts.len() == 2));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SplitCompanyProfileAnswer {
    /// One account per security model, in the profile's order.
    pub accounts: Vec<Account>,
    /// Rules edition used.
    pub rules_version: String,
}

/// Answer of `access_rules`.
///
/// ```
/// let out = ctpat::api::call("access_rules", "{}").unwrap();
/// let answer: serde_json::Value = serde_json::from_str(&out).unwrap();
/// let rules = answer["rules"].as_array().unwrap();
/// // the table ends with the rule that decides when no other does
/// assert_eq!(rules.last().unwrap()["code"], "portal.default_deny");
/// assert_eq!(rules.last().unwrap()["effect"], "deny");
/// assert!(answer["invariants"].as_array().unwrap().iter().any(|i| i["code"] == "contact.min_two"));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccessRulesAnswer {
    /// The access rules in evaluation order, ending with the default deny.
    pub rules: Vec<AccessRuleInfo>,
    /// The account invariants of `validate_account`.
    pub invariants: Vec<Invariant>,
}

fn run_access_rules(args: Value) -> Result<Value, Error> {
    crate::api::no_more_args(&args)?;
    Ok(serde_json::to_value(AccessRulesAnswer {
        rules: access_rules(),
        invariants: INVARIANTS.to_vec(),
    })?)
}

fn run_validate_account(args: Value) -> Result<Value, Error> {
    let call: ValidateAccountCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let findings = validate_account(&call.account, &policy)
        .into_iter()
        .map(|mut f| {
            f.path = format!("/account{}", f.path);
            f
        })
        .collect::<Vec<_>>();
    Ok(serde_json::to_value(ValidateAccountAnswer {
        valid: !has_errors(&findings),
        findings,
        rules_version: crate::RULES_VERSION.to_owned(),
    })?)
}

fn run_authorize(args: Value) -> Result<Value, Error> {
    let call: AuthorizeCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let action: Action = call.action.parse().map_err(|e| match e {
        Error::Input { code, message, .. } => Error::Input {
            code,
            path: "/action".to_owned(),
            message,
        },
        other => other,
    })?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let d = crate::portal::authorize(&call.principal, action, &call.account, call.as_of, &policy);
    Ok(serde_json::to_value(AuthorizeAnswer {
        allowed: d.allowed,
        code: d.code,
        reason: d.reason,
        source: d.source,
        action,
        as_of: call.as_of,
        rules_version: crate::RULES_VERSION.to_owned(),
    })?)
}

fn run_add_user(args: Value) -> Result<Value, Error> {
    from_value::<UserEmailCall>(args, "")?.run(|a, act, c| ops::add_user(a, act, &c.email))
}

fn run_remove_user(args: Value) -> Result<Value, Error> {
    from_value::<UserEmailCall>(args, "")?.run(|a, act, c| ops::remove_user(a, act, &c.email))
}

fn run_change_primary_poc(args: Value) -> Result<Value, Error> {
    from_value::<UserEmailCall>(args, "")?
        .run(|a, act, c| ops::change_primary_poc(a, act, &c.email))
}

fn run_change_email(args: Value) -> Result<Value, Error> {
    from_value::<ChangeEmailCall>(args, "")?
        .run(|a, act, c| ops::change_email(a, act, &c.old_email, &c.new_email))
}

fn run_link_accounts(args: Value) -> Result<Value, Error> {
    from_value::<OtherAccountCall>(args, "")?
        .run(|a, act, c| ops::link_accounts(a, act, &c.other_account_id))
}

fn run_unlink_accounts(args: Value) -> Result<Value, Error> {
    from_value::<OtherAccountCall>(args, "")?
        .run(|a, act, c| ops::unlink_accounts(a, act, &c.other_account_id))
}

fn run_split_company_profile(args: Value) -> Result<Value, Error> {
    let call: SplitCompanyProfileCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let accounts = split_company_profile(&call.profile)?;
    Ok(serde_json::to_value(SplitCompanyProfileAnswer {
        accounts,
        rules_version: crate::RULES_VERSION.to_owned(),
    })?)
}

crate::redact::masked_debug!(
    ValidateAccountCall,
    ValidateAccountAnswer,
    AuthorizeCall,
    AuthorizeAnswer,
    AccountOpAnswer,
    SplitCompanyProfileCall,
    SplitCompanyProfileAnswer
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssn_like_values_are_masked_in_parse_errors() {
        assert_eq!(
            crate::ident::mask_ssn_like("`123-45-6789` x"),
            "`***-**-6789` x"
        );
        assert_eq!(crate::ident::mask_ssn_like("`123456789`"), "`*****6789`");
        assert_eq!(
            crate::ident::mask_ssn_like("contact 12 at 2025-03-10"),
            "contact 12 at 2025-03-10"
        );
        let call = serde_json::json!({
            "account": {"account_id": "A", "business_type": "importer", "company_name": "C",
                        "status": "certified",
                        "contacts": [{"name": "N", "role": "123-45-6789"}]}
        });
        let e = run_validate_account(call).unwrap_err();
        assert_eq!(e.path(), "/account/contacts/0/role");
        assert!(!e.to_string().contains("123-45-6789"), "{e}");
        assert!(e.to_string().contains("6789"), "{e}");
    }
}
