//! Property tests of the identifier checks: no panic, idempotent normalisation, no SSN leak.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failure should stop the test"
)]

use ctpat::ident::{CheckOptions, Identifier, IdentifierKind, check};
use proptest::prelude::*;
use proptest::sample::select;

/// Arbitrary text: any unicode, identifier-like ASCII with separators, or very long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9&Ññ#*/-]{0,20}",
        "\\PC{0,70}",
        (any::<char>(), 0usize..10_000).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
        Just(String::new()),
        Just("x".repeat(10_000)),
    ]
}

fn options() -> impl Strategy<Value = CheckOptions> {
    (any::<bool>(), proptest::option::of(0i32..=3_000_000)).prop_map(|(ssn_based, day)| {
        CheckOptions {
            ssn_based,
            as_of: day.map(|d| time::Date::from_julian_day(d).unwrap_or(time::Date::MIN)),
        }
    })
}

/// A valid SSN: area 001-899 except 666, group 01-99, serial 0001-9999, not a voided sample.
fn valid_ssn() -> impl Strategy<Value = String> {
    (1u32..900, 1u32..100, 1u32..10_000)
        .prop_filter("area 666 is never issued", |(a, _, _)| *a != 666)
        .prop_map(|(a, g, s)| format!("{a:03}{g:02}{s:04}"))
        .prop_filter("voided samples", |d| d != "078051120" && d != "219099999")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn checking_never_panics_and_codes_start_with_ident(
        kind in select(IdentifierKind::ALL.to_vec()),
        text in text(),
        options in options(),
    ) {
        let c = check(kind, &text, "/x", options);
        for f in &c.findings {
            prop_assert!(f.code.starts_with("ident."), "{}", f.code);
            let problem = f.code.rsplit('.').next().unwrap();
            let listed = ctpat::ident::RULES.iter().any(|r| {
                r.problem == problem && r.kind.is_none_or(|k| k == kind) && r.severity == f.severity
            });
            prop_assert!(listed, "{} ({}) is not in the rule table", f.code, f.severity);
            prop_assert_eq!(&f.path, "/x");
            prop_assert!(f.message.len() < 400, "message too long: {}", f.message);
        }
        prop_assert_eq!(c.valid, c.canonical.is_some() && !ctpat::finding::has_errors(&c.findings));
        let _ = Identifier::parse_with(kind, &text, options);
        let _ = serde_json::to_string(&c).unwrap();
    }

    #[test]
    fn normalisation_is_idempotent(
        kind in select(IdentifierKind::ALL.to_vec()),
        text in text(),
        options in options(),
    ) {
        let first = check(kind, &text, "", options);
        if let Some(canonical) = &first.canonical {
            let again = check(kind, canonical, "", options);
            prop_assert_eq!(again.canonical.as_ref(), Some(canonical));
            prop_assert_eq!(again.valid, first.valid);
            prop_assert_eq!(again.findings.len(), first.findings.len());
        }
    }

    #[test]
    fn a_valid_ssn_never_leaks(
        digits in valid_ssn(),
        style in 0usize..4,
        reveal_then_check in any::<bool>(),
    ) {
        let text = match style {
            0 => digits.clone(),
            1 => format!("{}-{}-{}", &digits[..3], &digits[3..5], &digits[5..]),
            2 => format!("  {} {} {} ", &digits[..3], &digits[3..5], &digits[5..]),
            _ => format!("{digits}00"),
        };
        let (kind, options) = if style == 3 {
            (IdentifierKind::IrsNumber, CheckOptions { ssn_based: true, as_of: None })
        } else {
            (IdentifierKind::Ssn, CheckOptions::default())
        };
        let c = check(kind, &text, "/ssn", options);
        prop_assert!(c.valid, "{:?}", c.findings);
        prop_assert!(c.redacted);
        let mut outputs = vec![
            format!("{c:?}"),
            serde_json::to_string(&c).unwrap(),
            serde_json::to_string(&c.findings).unwrap(),
            c.display.clone().unwrap(),
        ];
        let id = Identifier::parse_with(kind, &text, options).unwrap();
        outputs.push(format!("{id}"));
        outputs.push(format!("{id:?}"));
        outputs.push(id.display());
        for out in &outputs {
            prop_assert!(!out.contains(&digits), "leak in {out}");
        }
        prop_assert_eq!(id.reveal().get(..9), Some(digits.as_str()));
        if reveal_then_check {
            let revealed = c.revealed();
            let debug = format!("{revealed:?}");
            prop_assert!(!debug.contains(&digits), "leak in {}", debug);
            prop_assert_eq!(revealed.normalized.as_deref().map(|n| n.starts_with(&digits)), Some(true));
            prop_assert!(!revealed.display.unwrap().contains(&digits));
        }
    }

    #[test]
    fn an_invalid_ssn_never_leaks_in_findings(
        area in prop_oneof![Just(0u32), Just(666), 900u32..1000, 1u32..900],
        group in prop_oneof![Just(0u32), 0u32..100],
        serial in prop_oneof![Just(0u32), 0u32..10_000],
        extra in "[0-9A-Z]{0,3}",
    ) {
        let digits = format!("{area:03}{group:02}{serial:04}");
        let text = format!("{digits}{extra}");
        for (kind, ssn_based) in [(IdentifierKind::Ssn, false), (IdentifierKind::IrsNumber, true)] {
            let options = CheckOptions { ssn_based, as_of: None };
            let c = check(kind, &text, "", options);
            let json = serde_json::to_string(&c).unwrap();
            prop_assert!(!json.contains(&digits), "leak in {json}");
            let debug = format!("{c:?}");
            prop_assert!(!debug.contains(&digits), "leak in {}", debug);
            if let Err(findings) = Identifier::parse_with(kind, &text, options) {
                let debug = format!("{findings:?}");
                prop_assert!(!debug.contains(&digits), "leak in {}", debug);
            }
        }
    }
}

#[test]
fn huge_input_gives_one_finding() {
    let text = "9".repeat(1_000_000);
    for kind in IdentifierKind::ALL {
        let c = check(*kind, &text, "", CheckOptions::default());
        assert_eq!(c.findings.len(), 1, "{kind}");
        assert_eq!(c.findings[0].code, format!("ident.{kind}.too_long"));
        assert!(c.normalized.is_none());
    }
}
