//! Lifecycle benchmarks: verifying a 10 000-entry audit log, replaying it, and advancing a
//! membership over a ten-year horizon.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "bench code")]
#![allow(missing_docs, reason = "criterion generates the harness")]

use criterion::{Criterion, criterion_group, criterion_main};
use ctpat::lifecycle::{Actor, BenefitCode, Event, EventKind, Membership, verify_log};
use ctpat::{BusinessType, Policy};
use std::hint::black_box;
use time::macros::date;

/// A certified importer with `n` log entries (restrict and restore FAST, day by day).
fn long_membership(n: usize, policy: &Policy) -> Membership {
    let mut m = Membership::new(BusinessType::Importer);
    for (kind, actor) in [
        (EventKind::ApplicationStarted, Actor::PartnerOfficer),
        (EventKind::ProfileSubmitted, Actor::PartnerOfficer),
        (EventKind::ProfileApproved, Actor::CbpScss),
        (EventKind::Certified, Actor::CbpScss),
    ] {
        m.apply_mut(&Event::new(kind), actor, date!(2020 - 01 - 02), policy)
            .unwrap();
    }
    let restrict = Event::new(EventKind::BenefitRestricted).benefit(BenefitCode::FastLanes);
    let restore = Event::new(EventKind::BenefitRestored).benefit(BenefitCode::FastLanes);
    while m.log.len() < n {
        let event = if m.log.len().is_multiple_of(2) {
            &restrict
        } else {
            &restore
        };
        m.apply_mut(event, Actor::CbpScss, date!(2020 - 01 - 03), policy)
            .unwrap();
    }
    m
}

fn bench(c: &mut Criterion) {
    let policy = Policy::current();
    let m = long_membership(10_000, &policy);
    assert!(verify_log(&m.log).ok);
    c.bench_function("verify_log 10000 entries", |b| {
        b.iter(|| verify_log(black_box(&m.log)))
    });
    c.bench_function("replay 10000 entries", |b| {
        b.iter(|| Membership::replay(BusinessType::Importer, black_box(&m.log), &policy).unwrap())
    });

    // Ten years month by month: yearly reviews, revalidations, a suspension left unanswered in
    // year 9, advancing at every month's end.
    let p2006 = Policy::portal_2006();
    c.bench_function("advance monthly over 10 years", |b| {
        b.iter(|| {
            let mut m = long_membership(4, &p2006);
            m.apply_mut(
                &Event::new(EventKind::ValidationPassed),
                Actor::CbpScss,
                date!(2020 - 06 - 01),
                &p2006,
            )
            .unwrap();
            let mut day = date!(2020 - 06 - 01);
            for month in 1..=120 {
                day = ctpat::calendar::add_months(date!(2020 - 06 - 01), month).unwrap();
                let (next, _) = m.advance(day, &p2006).unwrap();
                m = next;
                if month % 12 == 7 && m.status.is_member() {
                    m.apply_mut(
                        &Event::new(EventKind::AnnualReviewSubmitted),
                        Actor::PartnerOfficer,
                        day,
                        &p2006,
                    )
                    .unwrap();
                }
                if month == 100 && m.status.is_member() {
                    m.apply_mut(
                        &Event::new(EventKind::Suspended)
                            .cause(ctpat::lifecycle::SuspensionCause::IncidentOrBreach),
                        Actor::CbpScss,
                        day,
                        &p2006,
                    )
                    .unwrap();
                }
                black_box(m.deadlines(day, &p2006).unwrap());
            }
            black_box((m, day))
        })
    });
    let start = long_membership(4, &policy);
    c.bench_function("advance one call, 10-year horizon", |b| {
        b.iter(|| {
            start
                .advance(black_box(date!(2030 - 01 - 02)), &policy)
                .unwrap()
        })
    });
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
    let policy = Policy::current();
    let m = long_membership(10_000, &policy);
    let text = serde_json::to_string(&m).unwrap();
    let parse = mean_ns(20, || {
        black_box(serde_json::from_str::<Membership>(black_box(&text)).unwrap());
    });
    let verify = mean_ns(20, || {
        black_box(verify_log(black_box(&m.log)));
    });
    let replay = mean_ns(20, || {
        black_box(Membership::replay(BusinessType::Importer, black_box(&m.log), &policy).unwrap());
    });
    println!(
        "ratio verify_log_10000: verify_log {verify:.0} ns / from_str::<Membership> {parse:.0} ns = {:.2}",
        verify / parse
    );
    println!(
        "ratio replay_10000: replay {replay:.0} ns / from_str::<Membership> {parse:.0} ns = {:.2}",
        replay / parse
    );
    let start = long_membership(4, &policy);
    let small = serde_json::to_string(&start).unwrap();
    let parse = mean_ns(20_000, || {
        black_box(serde_json::from_str::<Membership>(black_box(&small)).unwrap());
    });
    let advance = mean_ns(20_000, || {
        black_box(
            start
                .advance(black_box(date!(2030 - 01 - 02)), &policy)
                .unwrap(),
        );
    });
    println!(
        "ratio advance_10y: advance {advance:.0} ns / from_str::<Membership> {parse:.0} ns = {:.2}",
        advance / parse
    );
}

criterion_group!(benches, bench, ratio);
criterion_main!(benches);
