//! JSON Schemas (draft 2020-12) of every public input and output (feature `schema`).
//!
//! Generated from the Rust types with schemars, so the schemas cannot drift from the code;
//! `schemas/` holds the committed copies and a test fails when they are stale
//! (`UPDATE_SCHEMAS=1 cargo test -p ctpat --features schema --test schemas` rewrites them).

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

/// Base of every schema's `$id`.
///
/// ```
/// use ctpat::schema::{ID_BASE, get};
/// let finding = get("finding").unwrap();
/// assert_eq!(finding.schema["$id"], format!("{ID_BASE}/{}/finding.json", ctpat::SCHEMA_VERSION));
/// ```
pub const ID_BASE: &str = "https://ctpat.dev/schemas";

/// One named schema.
///
/// ```
/// let s = ctpat::schema::get("identifier_check").unwrap();
/// assert_eq!(s.name, "identifier_check");
/// assert_eq!(s.schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSchema {
    /// File stem and CLI name (`finding`, `identifier_check`, ...).
    pub name: &'static str,
    /// The schema document.
    pub schema: Value,
}

/// Formats that ajv (strict) and python-jsonschema know; schemars' Rust-flavoured numeric
/// formats (`uint32`, `int64`, `double`, ...) are removed.
const KNOWN_FORMATS: &[&str] = &["date", "date-time", "email", "uri", "uuid"];

fn strip_rust_formats(schema: &mut Schema) {
    if let Some(obj) = schema.as_object_mut() {
        if let Some(Value::String(format)) = obj.get("format")
            && !KNOWN_FORMATS.contains(&format.as_str())
        {
            obj.remove("format");
        }
        if let Some(Value::String(description)) = obj.get_mut("description")
            && description.contains("```")
        {
            *description = without_code_blocks(description);
        }
    }
}

/// A doc comment without its fenced Rust examples: they document the Rust API, not the wire
/// format, and would otherwise land in every schema `description` (and the generated Python and
/// TypeScript docs).
fn without_code_blocks(text: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence {
            let repeated_blank =
                line.trim().is_empty() && kept.last().is_some_and(|l| l.trim().is_empty());
            if !repeated_blank {
                kept.push(line);
            }
        }
    }
    kept.join("\n").trim().to_owned()
}

fn generate<T: JsonSchema>(name: &'static str) -> NamedSchema {
    let settings =
        SchemaSettings::draft2020_12().with_transform(RecursiveTransform(strip_rust_formats));
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Value::Object(map) = &mut value {
        let id = format!("{ID_BASE}/{}/{name}.json", crate::SCHEMA_VERSION);
        // `$schema` first, then `$id`, then the rest (serde_json keeps insertion order).
        let mut ordered = serde_json::Map::new();
        if let Some(s) = map.remove("$schema") {
            ordered.insert("$schema".into(), s);
        }
        ordered.insert("$id".into(), Value::String(id));
        ordered.append(map);
        value = Value::Object(ordered);
    }
    NamedSchema {
        name,
        schema: value,
    }
}

/// Every schema, sorted by name.
///
/// ```
/// let all = ctpat::schema::all();
/// assert!(all.windows(2).all(|w| w[0].name < w[1].name)); // sorted, no duplicates
/// assert!(all.iter().any(|s| s.name == "membership"));
/// ```
pub fn all() -> Vec<NamedSchema> {
    let mut out = vec![
        generate::<crate::finding::Finding>("finding"),
        generate::<crate::error::ErrorInfo>("error"),
        generate::<crate::ident::IdentifierCheck>("identifier_check"),
        generate::<crate::api::CheckIdentifierCall>("check_identifier_call"),
        generate::<Vec<crate::entity::BusinessTypeInfo>>("business_types"),
        generate::<crate::entity::Partner>("partner"),
        generate::<crate::policy::Policy>("policy"),
        generate::<crate::eligibility::api::CheckEligibilityCall>("check_eligibility_call"),
        generate::<Vec<crate::ident::api::IdentRuleInfo>>("identifier_rules"),
        generate::<crate::lifecycle::Membership>("membership"),
        generate::<crate::lifecycle::Event>("event"),
        generate::<crate::lifecycle::api::ApplyEventCall>("apply_event_call"),
        generate::<crate::lifecycle::api::ApplyEventAnswer>("apply_event_answer"),
        generate::<crate::lifecycle::api::AsOfCall>("membership_as_of_call"),
        generate::<crate::lifecycle::api::AdvanceAnswer>("advance_answer"),
        generate::<crate::lifecycle::api::DeadlinesAnswer>("deadlines_answer"),
        generate::<crate::lifecycle::api::BenefitsCall>("benefits_call"),
        generate::<crate::lifecycle::api::BenefitsAnswer>("benefits_answer"),
        generate::<Vec<crate::lifecycle::TransitionRule>>("transitions"),
        generate::<crate::lifecycle::api::VerifyLogCall>("verify_log_call"),
        generate::<crate::lifecycle::LogVerification>("log_verification"),
        generate::<crate::lifecycle::api::ReplayCall>("replay_call"),
        generate::<crate::lifecycle::api::NewMembershipCall>("new_membership_call"),
        generate::<crate::lifecycle::api::LinkCall>("link_call"),
        generate::<crate::lifecycle::api::LinkAnswer>("link_answer"),
        generate::<crate::msc::Catalogue>("catalogue"),
        generate::<crate::msc::api::LoadCatalogueCall>("load_catalogue_call"),
        generate::<crate::msc::api::LoadCatalogueAnswer>("load_catalogue_answer"),
        generate::<Vec<crate::msc::CatalogueCheck>>("catalogue_checks"),
        generate::<crate::profile::SecurityProfile>("security_profile"),
        generate::<crate::profile::api::ValidateProfileCall>("validate_profile_call"),
        generate::<crate::profile::ProfileReport>("profile_report"),
        generate::<Vec<crate::profile::ProfileCheck>>("profile_checks"),
        generate::<crate::profile::api::AnnualReviewWindowCall>("annual_review_window_call"),
        generate::<crate::profile::ReviewWindow>("review_window"),
        generate::<crate::profile::api::ScreenPartnersCall>("screen_partners_call"),
        generate::<crate::profile::ScreeningReport>("screening_report"),
        generate::<Vec<crate::profile::ScreeningRule>>("screening_rules"),
        generate::<crate::profile::MraTable>("mra_table"),
        generate::<crate::portal::Account>("account"),
        generate::<crate::portal::Principal>("principal"),
        generate::<crate::portal::api::ValidateAccountCall>("validate_account_call"),
        generate::<crate::portal::api::ValidateAccountAnswer>("validate_account_answer"),
        generate::<crate::portal::api::AuthorizeCall>("authorize_call"),
        generate::<crate::portal::api::AuthorizeAnswer>("decision"),
        generate::<crate::portal::api::UserEmailCall>("user_email_call"),
        generate::<crate::portal::api::ChangeEmailCall>("change_email_call"),
        generate::<crate::portal::api::OtherAccountCall>("other_account_call"),
        generate::<crate::portal::api::AccountOpAnswer>("account_operation_answer"),
        generate::<crate::portal::api::SplitCompanyProfileCall>("split_company_profile_call"),
        generate::<crate::portal::api::SplitCompanyProfileAnswer>("split_company_profile_answer"),
        generate::<crate::portal::api::AccessRulesAnswer>("access_rules"),
        generate::<crate::ident::api::ConstructMidCall>("construct_mid_call"),
        generate::<crate::ident::api::ConstructMidAnswer>("construct_mid_answer"),
        generate::<crate::eligibility::EligibilityReport>("eligibility_report"),
        generate::<Vec<crate::eligibility::RuleInfo>>("rules"),
    ];
    out.sort_by_key(|s| s.name);
    out
}

/// For each JSON API operation: the schema of its call (arguments) and of its answer
/// (`None`: no arguments, or an answer too simple to need one). Every operation is listed; a
/// test fails when one is missing.
///
/// ```
/// use ctpat::schema::{OPERATION_SCHEMAS, get};
/// // Every schema an operation names exists.
/// let named = OPERATION_SCHEMAS.iter().flat_map(|(_, call, answer)| [*call, *answer]).flatten();
/// assert!(named.into_iter().all(|name| get(name).is_some()));
/// ```
pub const OPERATION_SCHEMAS: &[(&str, Option<&str>, Option<&str>)] = &[
    ("access_rules", None, Some("access_rules")),
    (
        "add_user",
        Some("user_email_call"),
        Some("account_operation_answer"),
    ),
    (
        "advance",
        Some("membership_as_of_call"),
        Some("advance_answer"),
    ),
    (
        "annual_review_window",
        Some("annual_review_window_call"),
        Some("review_window"),
    ),
    (
        "apply_event",
        Some("apply_event_call"),
        Some("apply_event_answer"),
    ),
    ("authorize", Some("authorize_call"), Some("decision")),
    ("benefits", Some("benefits_call"), Some("benefits_answer")),
    ("business_types", None, Some("business_types")),
    ("catalogue", None, Some("catalogue")),
    ("catalogue_checks", None, Some("catalogue_checks")),
    (
        "change_email",
        Some("change_email_call"),
        Some("account_operation_answer"),
    ),
    (
        "change_primary_poc",
        Some("user_email_call"),
        Some("account_operation_answer"),
    ),
    (
        "check_eligibility",
        Some("check_eligibility_call"),
        Some("eligibility_report"),
    ),
    (
        "check_identifier",
        Some("check_identifier_call"),
        Some("identifier_check"),
    ),
    (
        "construct_mid",
        Some("construct_mid_call"),
        Some("construct_mid_answer"),
    ),
    (
        "deadlines",
        Some("membership_as_of_call"),
        Some("deadlines_answer"),
    ),
    ("identifier_rules", None, Some("identifier_rules")),
    (
        "link_accounts",
        Some("other_account_call"),
        Some("account_operation_answer"),
    ),
    (
        "link_for_joint_validation",
        Some("link_call"),
        Some("link_answer"),
    ),
    (
        "load_catalogue",
        Some("load_catalogue_call"),
        Some("load_catalogue_answer"),
    ),
    ("mra_table", None, Some("mra_table")),
    (
        "new_membership",
        Some("new_membership_call"),
        Some("membership"),
    ),
    ("operations", None, None),
    ("policy", None, Some("policy")),
    ("profile_checks", None, Some("profile_checks")),
    (
        "remove_user",
        Some("user_email_call"),
        Some("account_operation_answer"),
    ),
    ("replay", Some("replay_call"), Some("membership")),
    ("rules", None, Some("rules")),
    (
        "screen_partners",
        Some("screen_partners_call"),
        Some("screening_report"),
    ),
    ("screening_rules", None, Some("screening_rules")),
    (
        "split_company_profile",
        Some("split_company_profile_call"),
        Some("split_company_profile_answer"),
    ),
    ("transitions", None, Some("transitions")),
    (
        "unlink_accounts",
        Some("other_account_call"),
        Some("account_operation_answer"),
    ),
    (
        "validate_account",
        Some("validate_account_call"),
        Some("validate_account_answer"),
    ),
    (
        "validate_profile",
        Some("validate_profile_call"),
        Some("profile_report"),
    ),
    (
        "verify_log",
        Some("verify_log_call"),
        Some("log_verification"),
    ),
    ("versions", None, None),
];

/// The index written to `schemas/index.json`: schema names and the operation map.
///
/// ```
/// let index = ctpat::schema::index();
/// assert_eq!(index["schema_version"], ctpat::SCHEMA_VERSION);
/// assert_eq!(index["operations"]["validate_profile"]["answer"], "profile_report");
/// ```
pub fn index() -> Value {
    let operations: serde_json::Map<String, Value> = OPERATION_SCHEMAS
        .iter()
        .map(|(op, call, answer)| {
            (
                (*op).to_owned(),
                serde_json::json!({"call": call, "answer": answer}),
            )
        })
        .collect();
    serde_json::json!({
        "schema_version": crate::SCHEMA_VERSION,
        "schemas": all().iter().map(|s| s.name).collect::<Vec<_>>(),
        "operations": operations,
    })
}

/// One schema by name.
///
/// ```
/// let policy = ctpat::schema::get("policy").unwrap();
/// assert_eq!(policy.schema["properties"]["appeal_days"]["type"], "integer");
/// assert!(ctpat::schema::get("nope").is_none());
/// ```
pub fn get(name: &str) -> Option<NamedSchema> {
    all().into_iter().find(|s| s.name == name)
}
