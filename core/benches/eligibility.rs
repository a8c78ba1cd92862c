//! `check_eligibility` on a typical importer and a highway carrier, next to the cost of
//! parsing the same record with `serde_json::from_str::<Partner>`. After the criterion runs,
//! the ratio check / parse is printed for each record.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    reason = "bench code: a failure should stop the bench"
)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use ctpat::eligibility::check_eligibility;
use ctpat::{Partner, Policy};
use time::macros::date;

const IMPORTER: &str = r#"{"business_type": "importer", "legal_name": "Northwind Imports LLC",
 "identifiers": {"irs_number": "27-4418203-00"},
 "addresses": [{"street": "100 Harbor Way", "city": "Long Beach", "state": "CA", "postal_code": "90802", "country": "US", "staffed_office": true}],
 "bonds": [{"bond_type": "continuous_import", "number": "98-7654321", "active": true}],
 "contacts": [{"name": "Ana Ruiz", "email": "ana@example.com", "role": "company_officer", "is_primary_poc": true},
              {"name": "Sam Ode", "email": "sam@example.com", "role": "employee"}],
 "facts": {"incorporation_country": "US", "last_import_on": "2025-05-02", "ior_number_active": true,
   "officer_designated_for_security": true, "agreement_signed_by_officer": true,
   "security_profile_complete": true, "unpaid_final_cbp_debt": false, "risk_assessment_before_profile": true}}"#;

const HIGHWAY_CARRIER: &str = r#"{"business_type": "highway_carrier_us_mexico", "legal_name": "Transportes Norte SA de CV",
 "identifiers": {"scac": "QWRT", "usdot": "604211", "rfc": "ABC010203K28"},
 "addresses": [{"street": "4821 Industrial Ave", "city": "Monterrey", "country": "MX", "staffed_office": true},
               {"street": "9 Bridge Rd", "city": "Laredo", "state": "TX", "country": "US", "staffed_office": false}],
 "contacts": [{"name": "Luz Vega", "email": "luz@example.com", "role": "company_officer", "is_primary_poc": true}],
 "facts": {"incorporation_country": "MX", "acta_constitutiva": true, "last_border_crossing_on": "2025-06-01",
   "borders_crossed": ["mexico"], "officer_designated_for_security": true, "agreement_signed_by_officer": true,
   "security_profile_complete": true, "industry_requirements_met": true, "unpaid_final_cbp_debt": false,
   "risk_assessment_before_profile": true}}"#;

const RECORDS: &[(&str, &str)] = &[("importer", IMPORTER), ("highway_carrier", HIGHWAY_CARRIER)];

fn bench(c: &mut Criterion) {
    let policy = Policy::current();
    let as_of = date!(2025 - 06 - 30);
    for (name, text) in RECORDS {
        let partner: Partner = serde_json::from_str(text).unwrap();
        c.bench_function(&format!("parse_partner/{name}"), |b| {
            b.iter(|| serde_json::from_str::<Partner>(black_box(text)).unwrap());
        });
        c.bench_function(&format!("check_eligibility/{name}"), |b| {
            b.iter(|| check_eligibility(black_box(&partner), as_of, &policy));
        });
    }
}

/// Mean nanoseconds per call of `f` over a fixed number of iterations (after a warm-up).
fn mean_ns(mut f: impl FnMut()) -> f64 {
    const N: u32 = 20_000;
    for _ in 0..N / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..N {
        f();
    }
    start.elapsed().as_secs_f64() * 1e9 / f64::from(N)
}

fn ratio(_: &mut Criterion) {
    let policy = Policy::current();
    let as_of = date!(2025 - 06 - 30);
    for (name, text) in RECORDS {
        let partner: Partner = serde_json::from_str(text).unwrap();
        let parse = mean_ns(|| {
            black_box(serde_json::from_str::<Partner>(black_box(text)).unwrap());
        });
        let check = mean_ns(|| {
            black_box(check_eligibility(black_box(&partner), as_of, &policy));
        });
        println!(
            "ratio {name}: check_eligibility {check:.0} ns / from_str::<Partner> {parse:.0} ns = {:.2}",
            check / parse
        );
    }
}

criterion_group!(benches, bench, ratio);
criterion_main!(benches);
