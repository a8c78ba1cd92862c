//! Unit tests of the rule tables and the evaluator (the shared fixtures cover each rule).

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{Value, json};
use time::macros::date;

use super::*;
use crate::entity::BusinessType as T;

fn partner(value: Value) -> Partner {
    serde_json::from_value(value).unwrap()
}

#[test]
fn codes_are_unique_and_prefixed_by_their_type() {
    let mut seen = BTreeSet::new();
    for rule in rule_table() {
        assert!(seen.insert(rule.code), "duplicate {}", rule.code);
        let (prefix, name) = rule.code.split_once('.').unwrap();
        assert!(!name.is_empty() && !rule.description.is_empty() && !rule.source.is_empty());
        assert!(
            rule.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'),
            "{}",
            rule.code
        );
        let expected: &[T] = match prefix {
            "common" => &[],
            "highway_carrier" => &[T::HighwayCarrierUsCanada, T::HighwayCarrierUsMexico],
            "consolidator" => &[T::AirFreightConsolidatorOtiNvocc],
            "mpto" => &[
                T::MarinePortAuthorityTerminalOperator,
                T::ForeignMarinePortTerminalOperator,
            ],
            "foreign_mpto" => &[T::ForeignMarinePortTerminalOperator],
            other => &[T::from_code(other).unwrap()],
        };
        if !expected.is_empty() {
            assert!(
                rule.business_types.iter().all(|t| expected.contains(t)),
                "{} applies to {:?}",
                rule.code,
                rule.business_types
            );
        }
    }
}

#[test]
fn every_business_type_has_type_rules_and_the_common_rules() {
    for t in T::ALL {
        let codes: Vec<_> = rule_table()
            .iter()
            .filter(|r| r.applies_to(*t))
            .map(|r| r.code)
            .collect();
        assert!(codes.iter().any(|c| !c.starts_with("common.")), "{t}");
        for common in [
            "common.no_significant_security_events",
            "common.individual_review",
            "common.officer_designated",
            "common.agreement_signed_by_officer",
            "common.security_profile_complete",
            "common.no_final_unpaid_cbp_debt",
            "common.risk_assessment_before_profile",
        ] {
            assert!(codes.contains(&common), "{t} lacks {common}");
        }
    }
}

#[test]
fn the_catalogue_lists_every_rule_with_its_kind() {
    let list = rules();
    assert_eq!(list.len(), rule_table().len());
    let cbp: Vec<_> = list
        .iter()
        .filter(|r| r.kind == RuleKind::CbpDecision)
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(
        cbp,
        [
            "common.no_significant_security_events",
            "common.individual_review"
        ]
    );
    assert!(rules_markdown().contains("| `importer.continuous_bond` | computed | `importer` |"));
}

#[test]
fn the_activity_window_counts_calendar_months_from_as_of() {
    let p = |d: &str| partner(json!({"business_type": "importer", "facts": {"last_import_on": d}}));
    let status = |d: &str, as_of| {
        let report = check_eligibility(&p(d), as_of, &Policy::current());
        report
            .results
            .iter()
            .find(|r| r.code == "importer.active_importer_12_months")
            .unwrap()
            .status
    };
    assert_eq!(status("2024-03-31", date!(2025 - 03 - 31)), RuleStatus::Met);
    assert_eq!(
        status("2024-03-30", date!(2025 - 03 - 31)),
        RuleStatus::NotMet
    );
    // 2024-02-29 minus 12 months clamps to 2023-02-28.
    assert_eq!(status("2023-02-28", date!(2024 - 02 - 29)), RuleStatus::Met);
    assert_eq!(
        status("2023-02-27", date!(2024 - 02 - 29)),
        RuleStatus::NotMet
    );
    assert_eq!(
        status("2025-04-01", date!(2025 - 03 - 31)),
        RuleStatus::Unknown
    );
    // A window reaching before year 1 is unknown, not a panic.
    assert_eq!(
        status("0001-01-01", date!(0001 - 06 - 01)),
        RuleStatus::Unknown
    );
}

#[test]
fn a_malformed_ior_is_not_met_with_the_identifier_finding() {
    let p = partner(json!({"business_type": "importer", "identifiers": {"irs_number": " - "}}));
    let report = check_eligibility(&p, date!(2025 - 06 - 30), &Policy::current());
    assert_eq!(report.outcome, EligibilityOutcome::Ineligible);
    let r = report
        .results
        .iter()
        .find(|r| r.code == "importer.ior_number_active")
        .unwrap();
    assert_eq!(
        (r.status, r.path.as_str()),
        (RuleStatus::NotMet, "/identifiers/irs_number")
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.path == "/identifiers/irs_number" && f.code.starts_with("ident."))
    );
}

#[test]
fn unknown_fields_are_found_but_null_values_are_not() {
    let value = json!({
        "business_type": "importer",
        "legal_name": "X",
        "nickname": "y",
        "dba": null,
        "ghost": null,
        "facts": {"last_import_on": "2025-01-01", "last_imports": 3},
        "addresses": [{"country": "US"}, {"country": "CA", "zip": "K1A"}]
    });
    let (_, found) = api::parse_partner(value, "/partner").unwrap();
    let paths: Vec<_> = found.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["/nickname", "/facts/last_imports", "/addresses/1/zip"]
    );
    assert!(
        found
            .iter()
            .all(|f| f.code == "input.unknown_field" && f.severity == crate::Severity::Warning)
    );
}

const FLAGS: &[&str] = &[
    "officer_designated_for_security",
    "agreement_signed_by_officer",
    "security_profile_complete",
    "industry_requirements_met",
    "unpaid_final_cbp_debt",
    "risk_assessment_before_profile",
    "non_resident_canadian",
    "ior_number_active",
    "principal_party_in_interest",
    "export_security_program_documented",
    "export_reporting_compliant_12_months",
    "good_standing_with_agencies",
    "active_in_mexico",
    "crosses_border",
    "acta_constitutiva",
    "isps_mtsa_compliant",
    "broker_license_active",
    "cbp_invitation",
    "handles_us_bound_vessels",
    "handles_international_cargo",
    "domestic_only",
    "asset_based",
    "double_brokering",
    "pilot_slot",
];

proptest! {
    #[test]
    fn the_outcome_follows_the_results(
        type_index in 0..T::ALL.len(),
        flags in proptest::collection::vec(proptest::option::of(any::<bool>()), FLAGS.len()),
        decision in proptest::option::of(any::<bool>()),
        country in proptest::option::of(proptest::sample::select(vec!["US", "CA", "MX", "CN"])),
        days in 0i64..800,
    ) {
        let mut facts = serde_json::Map::new();
        for (name, value) in FLAGS.iter().zip(&flags) {
            if let Some(v) = value {
                facts.insert((*name).to_owned(), json!(v));
            }
        }
        if let Some(c) = country {
            facts.insert("incorporation_country".to_owned(), json!(c));
        }
        let as_of = date!(2026 - 01 - 15);
        let last = crate::calendar::format_date(crate::calendar::add_days(as_of, -days).unwrap());
        for key in ["last_import_on", "last_export_on", "last_border_crossing_on", "last_activity_on"] {
            facts.insert(key.to_owned(), json!(last));
        }
        let p = partner(json!({
            "business_type": T::ALL[type_index],
            "facts": facts,
            "cbp_decisions": {"individual_review_passed": decision},
            "addresses": [{"country": country.unwrap_or("US"), "staffed_office": true}],
        }));
        let report = check_eligibility(&p, as_of, &Policy::current());
        let failed = report.results.iter().any(|r| r.status == RuleStatus::NotMet && r.kind != RuleKind::Advisory);
        let missing = report.results.iter().any(|r| r.status == RuleStatus::Unknown && r.kind == RuleKind::Computed);
        let expected = if failed {
            EligibilityOutcome::Ineligible
        } else if missing {
            EligibilityOutcome::Incomplete
        } else {
            EligibilityOutcome::Eligible
        };
        prop_assert_eq!(report.outcome, expected);
        // Every not-met computed rule has an error finding at its path.
        for r in report.results.iter().filter(|r| r.status == RuleStatus::NotMet && r.kind != RuleKind::Advisory) {
            prop_assert!(report.findings.iter().any(|f| f.code == r.code && f.path == r.path && f.is_error()));
        }
        // Advisory rules never produce errors of their own.
        for r in report.results.iter().filter(|r| r.kind == RuleKind::Advisory) {
            prop_assert!(!report.findings.iter().any(|f| f.code == r.code && f.is_error()));
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        proptest::sample::select(vec![
            "importer",
            "rail_carrier",
            "2025-02-30",
            "2025-06-30",
            "US",
            "MX",
            " - ",
            "QWRT",
            "continuous_import",
            "canada",
            "",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(
                proptest::sample::select(vec![
                    "business_type",
                    "identifiers",
                    "irs_number",
                    "scac",
                    "facts",
                    "addresses",
                    "bonds",
                    "bond_type",
                    "active",
                    "country",
                    "staffed_office",
                    "last_import_on",
                    "borders_crossed",
                    "asset_based",
                    "pilot_slot",
                    "cbp_decisions",
                    "xyz",
                ]),
                inner,
                0..5,
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

proptest! {
    #[test]
    fn arbitrary_partner_json_never_panics(partner in json_value(), type_index in 0..T::ALL.len()) {
        let mut partner = partner;
        if let Value::Object(map) = &mut partner {
            map.entry("business_type").or_insert_with(|| json!(T::ALL[type_index]));
        }
        let call = json!({"partner": partner, "as_of": "2025-06-30"}).to_string();
        match crate::api::call("check_eligibility", &call) {
            Ok(text) => {
                let report: EligibilityReport = serde_json::from_str(&text).unwrap();
                prop_assert_eq!(report.rules_version, crate::RULES_VERSION);
            }
            Err(e) => prop_assert!(e.path().starts_with("/partner") || e.path().is_empty(), "{}", e.path()),
        }
    }
}
