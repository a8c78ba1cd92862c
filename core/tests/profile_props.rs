//! Properties of catalogue loading, profile validation and screening: no input panics, the
//! outcome follows the findings, and criteria stay data (never `match` arms).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failure should stop the test"
)]

use std::collections::BTreeMap;

use ctpat::msc::{Catalogue, Level};
use ctpat::profile::{
    Answer, AnswerStatus, ProfileOutcome, RiskAssessment, SecurityProfile, validate_profile,
};
use ctpat::{BusinessType, Policy, Severity};
use proptest::prelude::*;
use serde_json::{Value, json};
use time::macros::date;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![
            Just("4.1".to_owned()),
            Just("must".to_owned()),
            Just("importer".to_owned()),
            Just("2020-01-01".to_owned()),
            "[a-z0-9./~]{0,6}",
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_owned()),
                    Just("category".to_owned()),
                    Just("level".to_owned()),
                    Just("applies_to".to_owned()),
                    Just("text".to_owned()),
                    Just("criteria".to_owned()),
                    Just("version".to_owned()),
                    Just("effective_from".to_owned()),
                    "[a-z]{1,4}",
                ],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn status() -> impl Strategy<Value = AnswerStatus> {
    prop_oneof![
        Just(AnswerStatus::Implemented),
        Just(AnswerStatus::PartiallyImplemented),
        Just(AnswerStatus::NotImplemented),
        Just(AnswerStatus::NotApplicable),
    ]
}

proptest! {
    #[test]
    fn catalogue_loading_never_panics(value in json_value()) {
        match Catalogue::from_value(&value) {
            Ok(cat) => prop_assert!(cat.criteria.iter().all(|c| !c.text.trim().is_empty())),
            Err(e) => prop_assert!(!e.findings().is_empty() || e.code() != "catalogue.invalid"),
        }
        let mut call = json!({"profile": {"business_type": "importer", "catalogue_version": "x"}, "as_of": "2025-01-01"});
        call["catalogue"] = value;
        let _ = ctpat::api::call("validate_profile", &call.to_string());
    }

    #[test]
    fn outcome_follows_the_findings(
        answers in prop::collection::btree_map(
            prop_oneof![Just("1.1"), Just("4.1"), Just("7.37"), Just("12.1"), Just("12.5"), Just("9.9")],
            (status(), any::<bool>(), 0u8..3),
            0..6,
        ),
        type_index in 0usize..14,
        allow_partial in any::<bool>(),
        risk in prop::option::of(0u8..2),
    ) {
        let business_type = BusinessType::ALL[type_index];
        let answers: BTreeMap<String, Answer> = answers
            .into_iter()
            .map(|(id, (status, narrative, age))| {
                let updated_on = [None, Some(date!(2025 - 01 - 01)), Some(date!(2023 - 01 - 01))][usize::from(age)];
                (id.to_owned(), Answer { status, narrative: narrative.then(|| "why".to_owned()), evidence: vec![], updated_on })
            })
            .collect();
        let profile = SecurityProfile {
            business_type,
            catalogue_version: "msc-2019-partial".to_owned(),
            answers,
            risk_assessment: risk.map(|r| RiskAssessment {
                performed_on: Some([date!(2025 - 01 - 01), date!(2023 - 01 - 01)][usize::from(r)]),
                reviewed_on: None,
            }),
            last_review_submitted_on: None,
        };
        let policy = Policy { partially_implemented_must_allowed: allow_partial, ..Policy::current() };
        let cat = Catalogue::embedded();
        let report = validate_profile(&profile, cat, date!(2025 - 06 - 30), &policy);
        let errors = report.findings.iter().any(|f| f.severity == Severity::Error);
        let unanswered = report.findings.iter().filter(|f| f.code == "profile.unanswered").count();
        prop_assert_eq!(report.completeness.overall.applicable - report.completeness.overall.answered, unanswered);
        prop_assert_eq!(report.completeness.overall.applicable, cat.applicable(business_type).count());
        prop_assert_eq!(
            report.completeness.must.applicable,
            cat.applicable(business_type).filter(|c| c.level == Level::Must).count()
        );
        let expected = if errors {
            ProfileOutcome::Invalid
        } else if unanswered > 0 || profile.risk_assessment.is_none() {
            ProfileOutcome::Incomplete
        } else {
            ProfileOutcome::Valid
        };
        prop_assert_eq!(report.outcome, expected);
        // Findings on criteria flagged uncertain are never errors.
        for f in &report.findings {
            if let Some(id) = f.params.get("criterion").and_then(Value::as_str)
                && cat.criterion(id).is_some_and(|c| c.uncertain)
            {
                prop_assert_ne!(f.severity, Severity::Error);
            }
        }
    }

    #[test]
    fn screening_never_panics_and_counts_add_up(partners in prop::collection::vec(json_value(), 0..6)) {
        let partners: Vec<Value> = partners
            .into_iter()
            .enumerate()
            .map(|(i, extra)| json!({"id": format!("P{i}"), "aeo": {"country": "EU", "programme": "AEO"}, "basc": if extra.is_null() { Value::Null } else { json!({"expires_on": "2025-01-01"}) }}))
            .collect();
        let out = ctpat::api::call("screen_partners", &json!({"partners": partners, "as_of": "2025-06-30"}).to_string()).unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        let s = &v["summary"];
        let sum = ["accepted_by_documentation", "questionnaire_required", "expired", "not_recognised"]
            .iter()
            .map(|k| s[k].as_u64().unwrap())
            .sum::<u64>();
        prop_assert_eq!(sum, s["total"].as_u64().unwrap());
        prop_assert_eq!(v["results"].as_array().unwrap().len() as u64, sum);
    }
}

/// Criteria are data: no criterion id may appear as a string pattern in the msc or profile code.
#[test]
fn no_criterion_id_is_a_match_arm() {
    let sources = [
        include_str!("../src/msc/mod.rs"),
        include_str!("../src/msc/load.rs"),
        include_str!("../src/msc/api.rs"),
        include_str!("../src/profile/mod.rs"),
        include_str!("../src/profile/validate.rs"),
        include_str!("../src/profile/checks.rs"),
        include_str!("../src/profile/screening.rs"),
        include_str!("../src/profile/review.rs"),
        include_str!("../src/profile/api.rs"),
    ];
    for source in sources {
        let code = source.split("#[cfg(test)]").next().unwrap();
        for line in code.lines().filter(|l| l.contains("=>")) {
            let arm = line.split("=>").next().unwrap();
            let has_id = arm.split('"').skip(1).step_by(2).any(|lit| {
                lit.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
                })
            });
            assert!(!has_id, "criterion id in a match arm: {line}");
        }
    }
}
