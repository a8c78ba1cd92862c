//! Profile validation and partner screening at scale, next to the JSON parse of the same input.
//!
//! A generated 300-criterion catalogue validates a 300-answer profile; 100 000 generated
//! partners are screened in one call. Run with `cargo bench -p ctpat --bench profile`.
//!
//! One run on a shared 2-core machine (load average about 3), release build:
//! - profile_300 (about 250 findings): validate_profile 191 µs, serde_json parse of the same
//!   profile 100 µs, whole `validate_profile` API call with the 300-criterion catalogue 1.7 ms.
//! - screening_100k: screen_partners 43 ms (2.3 M partners/s), parse 39 ms, whole
//!   `screen_partners` API call (text -> Value -> types -> report -> Value -> text) 430 ms.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs,
    reason = "bench code"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ctpat::Policy;
use ctpat::msc::Catalogue;
use ctpat::profile::{BusinessPartner, SecurityProfile, screen_partners, validate_profile};
use serde_json::{Value, json};
use time::macros::date;

const STATUSES: [&str; 4] = [
    "implemented",
    "partially_implemented",
    "not_implemented",
    "not_applicable",
];

/// 300 criteria, 25 per category, applying to importers.
fn catalogue_json() -> Value {
    let criteria: Vec<Value> = (0..300)
        .map(|i| {
            let category = i / 25 + 1;
            json!({
                "id": format!("{category}.{}", i % 25 + 1),
                "category": category,
                "level": if i % 3 == 0 { "should" } else { "must" },
                "applies_to": ["importer", "exporter"],
                "tags": ["generated"],
                "text": format!("generated criterion number {i}"),
            })
        })
        .collect();
    json!({"version": "bench-300", "effective_from": "2024-01-01", "complete": true, "criteria": criteria})
}

fn profile_json() -> Value {
    let answers: serde_json::Map<String, Value> = (0..300)
        .map(|i| {
            let category = i / 25 + 1;
            let status = STATUSES[i % 4];
            (
                format!("{category}.{}", i % 25 + 1),
                json!({"status": status, "narrative": "documented in the security manual", "evidence": ["manual.pdf"], "updated_on": if i % 7 == 0 { "2024-01-15" } else { "2025-03-01" }}),
            )
        })
        .collect();
    json!({
        "business_type": "importer",
        "catalogue_version": "bench-300",
        "answers": answers,
        "risk_assessment": {"performed_on": "2025-01-10"},
    })
}

fn partners_json(n: usize) -> Value {
    let countries = ["EU", "CA", "JP", "CN", "GB", "MX"];
    let partners: Vec<Value> = (0..n)
        .map(|i| {
            let id = format!("SUP-{i:06}");
            match i % 6 {
                0 => json!({"id": id, "name": "member", "country": "US", "ctpat": {"status": if i % 12 == 0 { "validated" } else { "suspended" }, "account_id": format!("A{i}")}}),
                1 => json!({"id": id, "name": "aeo", "country": "DE", "aeo": {"country": countries[i % countries.len()], "programme": "AEO", "certificate_id": format!("C{i}"), "valid_until": "2027-01-01"}}),
                2 => json!({"id": id, "name": "pip", "country": "CA", "aeo": {"country": "CA", "programme": "Partners in Protection"}}),
                3 => json!({"id": id, "name": "basc", "country": "CO", "basc": {"certificate_id": format!("B{i}"), "expires_on": if i % 4 == 0 { "2024-12-31" } else { "2026-06-30" }}}),
                4 => json!({"id": id, "name": "both", "country": "CO", "ctpat": {"status": "suspended"}, "basc": {"expires_on": "2026-06-30"}}),
                _ => json!({"id": id, "name": "none", "country": "VN"}),
            }
        })
        .collect();
    Value::Array(partners)
}

fn bench_profile(c: &mut Criterion) {
    let catalogue = Catalogue::from_value(&catalogue_json()).unwrap();
    let profile_text = serde_json::to_string(&profile_json()).unwrap();
    let profile: SecurityProfile = serde_json::from_str(&profile_text).unwrap();
    let policy = Policy::current();
    let as_of = date!(2025 - 06 - 30);
    let report = validate_profile(&profile, &catalogue, as_of, &policy);
    assert_eq!(report.completeness.overall.answered, 300);
    let call = serde_json::to_string(&json!({
        "profile": profile_json(), "as_of": "2025-06-30", "catalogue": catalogue_json()
    }))
    .unwrap();

    let mut group = c.benchmark_group("profile_300");
    group.bench_function("validate_profile", |b| {
        b.iter(|| validate_profile(black_box(&profile), &catalogue, as_of, &policy))
    });
    group.bench_function("parse_profile_json", |b| {
        b.iter(|| serde_json::from_str::<SecurityProfile>(black_box(&profile_text)).unwrap())
    });
    group.bench_function("api_validate_profile_with_catalogue", |b| {
        b.iter(|| ctpat::api::call("validate_profile", black_box(&call)).unwrap())
    });
    group.finish();
}

fn bench_screening(c: &mut Criterion) {
    const N: usize = 100_000;
    let text = serde_json::to_string(&partners_json(N)).unwrap();
    let partners: Vec<BusinessPartner> = serde_json::from_str(&text).unwrap();
    let policy = Policy::current();
    let as_of = date!(2025 - 06 - 30);
    let report = screen_partners(&partners, as_of, &policy);
    assert_eq!(report.summary.total, N);
    let call = format!(r#"{{"as_of":"2025-06-30","partners":{text}}}"#);

    let mut group = c.benchmark_group("screening_100k");
    group.sample_size(10);
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function("screen_partners", |b| {
        b.iter(|| screen_partners(black_box(&partners), as_of, &policy))
    });
    group.bench_function("parse_partners_json", |b| {
        b.iter(|| serde_json::from_str::<Vec<BusinessPartner>>(black_box(&text)).unwrap())
    });
    group.bench_function("api_screen_partners", |b| {
        b.iter(|| ctpat::api::call("screen_partners", black_box(&call)).unwrap())
    });
    group.finish();
}

/// Mean nanoseconds per call of `f` over `n` iterations (after a tenth as warm-up).
fn mean_ns(n: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..n.div_ceil(10) {
        f();
    }
    let start = std::time::Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_secs_f64() * 1e9 / f64::from(n)
}

/// Prints `ratio ...` lines (operation cost / serde_json parse of the same input) for `./run bench`.
#[allow(clippy::print_stdout, reason = "the bench report")]
fn ratio(_: &mut Criterion) {
    let catalogue = Catalogue::from_value(&catalogue_json()).unwrap();
    let profile_text = serde_json::to_string(&profile_json()).unwrap();
    let profile: SecurityProfile = serde_json::from_str(&profile_text).unwrap();
    let policy = Policy::current();
    let as_of = date!(2025 - 06 - 30);
    let call = serde_json::to_string(&json!({
        "profile": profile_json(), "as_of": "2025-06-30", "catalogue": catalogue_json()
    }))
    .unwrap();
    let parse = mean_ns(500, || {
        black_box(serde_json::from_str::<SecurityProfile>(black_box(&profile_text)).unwrap());
    });
    let check = mean_ns(500, || {
        black_box(validate_profile(
            black_box(&profile),
            &catalogue,
            as_of,
            &policy,
        ));
    });
    let api = mean_ns(100, || {
        black_box(ctpat::api::call("validate_profile", black_box(&call)).unwrap());
    });
    println!(
        "ratio profile_300: validate_profile {check:.0} ns / from_str::<SecurityProfile> {parse:.0} ns = {:.2}",
        check / parse
    );
    println!(
        "ratio profile_300_api: api::call(validate_profile) {api:.0} ns / from_str::<SecurityProfile> {parse:.0} ns = {:.2}",
        api / parse
    );

    const N: usize = 100_000;
    let text = serde_json::to_string(&partners_json(N)).unwrap();
    let partners: Vec<BusinessPartner> = serde_json::from_str(&text).unwrap();
    let call = format!(r#"{{"as_of":"2025-06-30","partners":{text}}}"#);
    let parse = mean_ns(5, || {
        black_box(serde_json::from_str::<Vec<BusinessPartner>>(black_box(&text)).unwrap());
    });
    let screen = mean_ns(5, || {
        black_box(screen_partners(black_box(&partners), as_of, &policy));
    });
    let api = mean_ns(3, || {
        black_box(ctpat::api::call("screen_partners", black_box(&call)).unwrap());
    });
    println!(
        "ratio screening_100k: screen_partners {screen:.0} ns / from_str::<Vec<BusinessPartner>> {parse:.0} ns = {:.2}",
        screen / parse
    );
    println!(
        "ratio screening_100k_api: api::call(screen_partners) {api:.0} ns / from_str::<Vec<BusinessPartner>> {parse:.0} ns = {:.2}",
        api / parse
    );
}

criterion_group!(benches, bench_profile, bench_screening, ratio);
criterion_main!(benches);
