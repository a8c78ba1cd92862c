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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
        #[derive(Debug, Deserialize)]
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
    "Arguments of `add_user`, `remove_user` and `change_primary_poc`.",
    {
        /// The e-mail (login id) of the user or contact concerned.
        email
    }
);
op_call!(ChangeEmailCall, "Arguments of `change_email`.", {
    /// The current address.
    old_email,
    /// The new address.
    new_email
});
op_call!(
    OtherAccountCall,
    "Arguments of `link_accounts` and `unlink_accounts`.",
    {
        /// The other account's id.
        other_account_id
    }
);

/// Answer of the account operations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SplitCompanyProfileAnswer {
    /// One account per security model, in the profile's order.
    pub accounts: Vec<Account>,
    /// Rules edition used.
    pub rules_version: String,
}

/// Answer of `access_rules`.
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
