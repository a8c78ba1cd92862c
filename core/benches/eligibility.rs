//! `check_eligibility` on a typical importer and a highway carrier, next to the cost of
//! parsing the same record with `serde_json::from_str::<Partner>`. After the criterion runs,
//! the ratio check / parse is printed for each record.
//!
//! With `CTPAT_BENCH_RECORDS` naming a JSON Lines file of generated partners (about 2 KB each,
//! `bench/generate.py`), it also evaluates those records in full and prints their ratios to the
//! typed parse: the Rust leg of `./run bench`. `CTPAT_BENCH_LIMIT` caps the records used
//! (default 20 000).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    missing_docs,
    reason = "bench code: a failure should stop the bench"
)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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

const AS_OF: &str = "2025-06-30";

fn records() -> Option<Vec<String>> {
    let path = std::env::var("CTPAT_BENCH_RECORDS").ok()?;
    let limit: usize = std::env::var("CTPAT_BENCH_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let text = std::fs::read_to_string(&path).expect("CTPAT_BENCH_RECORDS is readable");
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .take(limit)
            .map(str::to_owned)
            .collect(),
    )
}

/// Best of three passes over the records, in nanoseconds per record.
fn per_record_ns(n: usize, mut pass: impl FnMut()) -> f64 {
    pass();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        pass();
        best = best.min(start.elapsed().as_secs_f64());
    }
    best * 1e9 / n as f64
}

fn records_bench(c: &mut Criterion) {
    let Some(lines) = records() else {
        eprintln!("records: set CTPAT_BENCH_RECORDS to a JSON Lines file (bench/generate.py)");
        return;
    };
    let lines: Vec<String> = lines.into_iter().take(1_000).collect();
    let policy = Policy::current();
    let as_of = date!(2025 - 06 - 30);
    let mut group = c.benchmark_group("records_1000");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("parse_partner", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(serde_json::from_str::<Partner>(black_box(l)).unwrap());
            }
        });
    });
    group.bench_function("parse_and_check_eligibility", |b| {
        b.iter(|| {
            for l in &lines {
                let p: Partner = serde_json::from_str(black_box(l)).unwrap();
                black_box(check_eligibility(&p, as_of, &policy));
            }
        });
    });
    group.finish();
}

fn records_ratio(_: &mut Criterion) {
    let Some(lines) = records() else { return };
    let n = lines.len();
    let policy = Policy::current();
    let as_of = date!(2025 - 06 - 30);
    let partners: Vec<Partner> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let calls: Vec<String> = lines
        .iter()
        .map(|l| format!(r#"{{"partner":{l},"as_of":"{AS_OF}"}}"#))
        .collect();

    let parse = per_record_ns(n, || {
        for l in &lines {
            black_box(serde_json::from_str::<Partner>(black_box(l)).unwrap());
        }
    });
    let value = per_record_ns(n, || {
        for l in &lines {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(l)).unwrap());
        }
    });
    let check = per_record_ns(n, || {
        for p in &partners {
            black_box(check_eligibility(black_box(p), as_of, &policy));
        }
    });
    let full = per_record_ns(n, || {
        for l in &lines {
            let p: Partner = serde_json::from_str(black_box(l)).unwrap();
            black_box(check_eligibility(&p, as_of, &policy));
        }
    });
    let api = per_record_ns(n, || {
        for c in &calls {
            black_box(ctpat::api::call("check_eligibility", black_box(c)).unwrap());
        }
    });
    println!("records: {n} generated partner records");
    println!(
        "ratio records_parse_value: from_str::<Value> {value:.0} ns / from_str::<Partner> {parse:.0} ns = {:.2}",
        value / parse
    );
    println!(
        "ratio records_check: check_eligibility {check:.0} ns / from_str::<Partner> {parse:.0} ns = {:.2}",
        check / parse
    );
    println!(
        "ratio records_full: from_str::<Partner> + check_eligibility {full:.0} ns / from_str::<Partner> {parse:.0} ns = {:.2}",
        full / parse
    );
    println!(
        "ratio records_api: api::call(check_eligibility) {api:.0} ns / from_str::<Partner> {parse:.0} ns = {:.2}",
        api / parse
    );
}

criterion_group!(benches, bench, ratio, records_bench, records_ratio);
criterion_main!(benches);
