//! Checks one value of each identifier kind; the floor is `serde_json::from_str::<String>` of
//! the same text (what every JSON caller pays anyway).

use std::hint::black_box;

use criterion::{Criterion, criterion_main};
use ctpat::ident::{CheckOptions, IdentifierKind, check};

/// One typical (valid) value per kind, in the form users type it.
fn sample(kind: IdentifierKind) -> &'static str {
    use IdentifierKind as K;
    match kind {
        K::IrsNumber => "27-4418203-00",
        K::Ssn => "123-45-6789",
        K::CbpAssignedNumber => "191001-00042",
        K::Ein => "45-2231907",
        K::Duns => "60-412-7785",
        K::Scac => "qwrt",
        K::Usdot => "USDOT 604211",
        K::McNumber => "MC-482913",
        K::BrokerLicense => "27416",
        K::FilerCode => "Q7K",
        K::FmcOrgNumber | K::FmcMtoNumber | K::IataOrgNumber => "024517",
        K::IataCode => "Q7",
        K::IcaoCode => "AAL",
        K::Mid => "MXNORTEX4821MON",
        K::Rfc => "ABCD010203K27",
        K::SctNumber => "SCT-12345",
        K::Caat => "A1B2",
        K::BondNumber => "99-1234567",
        K::CanadianBn => "123456782RM0001",
        K::FirmsCode => "M123",
        K::EntryNumber => "Q7K-1234567-8",
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ident");
    for kind in IdentifierKind::ALL {
        let text = sample(*kind);
        let json = serde_json::to_string(text).unwrap_or_default();
        group.bench_function(format!("check/{kind}"), |b| {
            b.iter(|| check(*kind, black_box(text), "/text", CheckOptions::default()));
        });
        group.bench_function(format!("floor/{kind}"), |b| {
            b.iter(|| serde_json::from_str::<String>(black_box(&json)));
        });
    }
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

/// Prints `ratio ident/<kind>: ...` (check cost / floor) for `./run bench`.
#[allow(clippy::print_stdout, reason = "the bench report")]
fn ratio(_: &mut Criterion) {
    for kind in IdentifierKind::ALL {
        let text = sample(*kind);
        let json = serde_json::to_string(text).unwrap_or_default();
        let check_ns = mean_ns(50_000, || {
            black_box(check(
                *kind,
                black_box(text),
                "/text",
                CheckOptions::default(),
            ));
        });
        let floor_ns = mean_ns(50_000, || {
            black_box(serde_json::from_str::<String>(black_box(&json)).ok());
        });
        println!(
            "ratio ident/{kind}: check {check_ns:.0} ns / from_str::<String> {floor_ns:.0} ns = {:.2}",
            check_ns / floor_ns
        );
    }
}

mod group {
    //! criterion_group! generates a public function; a private module keeps it unexported.
    use criterion::criterion_group;
    criterion_group!(benches, super::bench, super::ratio);
}

criterion_main!(group::benches);
