//! JSON API operations of the eligibility engine: `check_eligibility` and `rules`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::Date;

use super::{EligibilityReport, check_eligibility, rules};
use crate::api::{
    Operation, check_rules_version, fast_typed, from_value, no_more_args, policy_from_value,
};
use crate::entity::{BusinessType, Partner};
use crate::error::Error;
use crate::finding::{Finding, pointer, sort_findings};
use crate::ident::{IdentifierKind, truncate_for_message};

/// The operations of this module.
pub(crate) const OPERATIONS: &[Operation] = &[
    Operation {
        name: "check_eligibility",
        summary: "checks whether a partner may apply to ctpat as its business type on `as_of`",
        run: run_check_eligibility,
        fast: Some(fast_check_eligibility),
    },
    Operation {
        name: "rules",
        summary: "lists every eligibility rule with its code, business types, source and kind",
        run: run_rules,
        fast: None,
    },
];

/// Arguments of `check_eligibility`.
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckEligibilityCall {
    /// The partner (a `Partner` object). Unknown fields give `input.unknown_field` warnings.
    #[cfg_attr(feature = "schema", schemars(with = "crate::entity::Partner"))]
    pub partner: Value,
    /// The date the answer is for; `YYYY-MM-DD`.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// Absent: `current`; a preset name; or a policy object.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::policy::PolicyArg>")
    )]
    pub policy: Option<Value>,
    /// The rules edition the caller expects.
    #[serde(default)]
    pub rules_version: Option<String>,
}

fn run_check_eligibility(args: Value) -> Result<Value, Error> {
    let call: CheckEligibilityCall = from_value(args, "")?;
    check_rules_version(call.rules_version.as_deref())?;
    let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
    let report = check_eligibility_value(call.partner, call.as_of, &policy)?;
    Ok(serde_json::to_value(report)?)
}

/// `check_eligibility`'s arguments in their typed form, for the fast path.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedEligibilityCall {
    #[serde(deserialize_with = "partner_object")]
    partner: Partner,
    #[serde(with = "crate::calendar::serde_date")]
    as_of: Date,
    #[serde(default)]
    policy: Option<Value>,
    #[serde(default)]
    rules_version: Option<String>,
}

/// A partner only from a JSON object (serde would also take an array of its fields in order,
/// which the `Value` path refuses with "partner must be a json object").
fn partner_object<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Partner, D::Error> {
    struct ObjectOnly;
    impl<'de> serde::de::Visitor<'de> for ObjectOnly {
        type Value = Partner;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a partner object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Partner, A::Error> {
            Partner::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    de.deserialize_map(ObjectOnly)
}

/// The typed fast path of `check_eligibility` (see [`crate::api::FastFn`]): no `Value` tree.
fn fast_check_eligibility(text: &str) -> Option<Result<String, Error>> {
    fast_typed(text, |call: TypedEligibilityCall| {
        check_rules_version(call.rules_version.as_deref())?;
        let policy = policy_from_value(call.policy.unwrap_or(Value::Null), "/policy")?;
        Ok(check_eligibility(&call.partner, call.as_of, &policy))
    })
}

/// Parses a partner given as JSON and checks it; unknown fields become `input.unknown_field`
/// warnings (paths relative to the partner). Errors point into the call (`/partner/...`).
pub fn check_eligibility_value(
    partner: Value,
    as_of: Date,
    policy: &crate::policy::Policy,
) -> Result<EligibilityReport, Error> {
    let (partner, unknown) = parse_partner(partner, "/partner")?;
    let mut report = check_eligibility(&partner, as_of, policy);
    if !unknown.is_empty() {
        report.findings.extend(unknown);
        sort_findings(&mut report.findings);
    }
    Ok(report)
}

/// Parses a partner object; returns it with a warning per unknown (ignored) field.
///
/// `base` is the partner's pointer in the caller's input, used in errors.
pub fn parse_partner(value: Value, base: &str) -> Result<(Partner, Vec<Finding>), Error> {
    let Value::Object(map) = &value else {
        return Err(Error::input(base, "partner must be a json object"));
    };
    if let Some(Value::String(code)) = map.get("business_type")
        && BusinessType::from_code(code).is_none()
    {
        return Err(Error::input_code(
            "unknown_business_type",
            format!("{base}/business_type"),
            format!("unknown business type `{}`", truncate_for_message(code)),
        ));
    }
    if let Some(Value::Object(ids)) = map.get("identifiers") {
        let ids_path = format!("{base}/identifiers");
        if let Some(key) = ids.keys().find(|k| IdentifierKind::from_code(k).is_none()) {
            return Err(Error::input_code(
                "unknown_identifier_kind",
                pointer(&ids_path, key),
                format!("unknown identifier kind `{}`", truncate_for_message(key)),
            ));
        }
        // serde_path_to_error cannot name enum map keys, so type errors are found here.
        if let Some((key, _)) = ids.iter().find(|(_, v)| !v.is_string()) {
            return Err(Error::input(
                pointer(&ids_path, key),
                "an identifier must be a json string",
            ));
        }
    }
    let partner: Partner = from_value(value.clone(), base)?;
    let known = serde_json::to_value(&partner)?;
    let mut unknown = Vec::new();
    unknown_fields(&value, &known, "", &mut unknown);
    Ok((partner, unknown))
}

/// Every key of `input` that the parsed form `known` does not have (a field serde ignored).
/// `null` values are skipped: an omitted optional field also serialises to nothing.
fn unknown_fields(input: &Value, known: &Value, path: &str, out: &mut Vec<Finding>) {
    match (input, known) {
        (Value::Object(i), Value::Object(k)) => {
            for (key, value) in i {
                let here = pointer(path, key);
                match k.get(key) {
                    Some(kv) => unknown_fields(value, kv, &here, out),
                    None if value.is_null() => {}
                    None => out.push(
                        Finding::warning("input.unknown_field", here)
                            .message(format!(
                                "unknown field `{}` is ignored",
                                truncate_for_message(key)
                            ))
                            .param("field", truncate_for_message(key)),
                    ),
                }
            }
        }
        (Value::Array(i), Value::Array(k)) => {
            for (index, (iv, kv)) in i.iter().zip(k).enumerate() {
                unknown_fields(iv, kv, &format!("{path}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn run_rules(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::to_value(rules())?)
}

crate::redact::masked_debug!(CheckEligibilityCall);
