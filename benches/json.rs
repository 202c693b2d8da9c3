//! Reading and validating report JSON against the alternatives, each measured in the same run
//! on the same corpus of 10 000 generated reports (both editions, pretty and compact JSON):
//!
//! - `value_baseline`: `serde_json::from_slice::<serde_json::Value>` (the cost of just reading);
//! - `typed_read`: `zfxxgk::json::from_slice`;
//! - `read_validate`: typed read plus every single-report rule;
//! - `read_validate_tables`: typed read plus the rules on the tables and metadata (not the prose:
//!   `validate_with(r, |rule| !rule.reads_prose())`);
//! - `jsonschema_route`: what a user would reach for instead: `Value` plus the `jsonschema` crate
//!   against the crate's own generated schema (it catches none of the arithmetic);
//! - `validate_only`: validation of reports already read: all 10 000 (streamed from memory), the
//!   ones without an error, and 200 of those again and again (in the cache, as right after
//!   reading each).
//!
//! `cargo bench --bench json`; ratios are in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zfxxgk::{Edition, Report};

#[path = "corpus.rs"]
mod corpus;

use corpus::corpus;

fn bench(c: &mut Criterion) {
    let (docs, reports) = corpus(10_000);
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let schemas: Vec<(Edition, jsonschema::Validator)> = Edition::ALL
        .iter()
        .map(|e| {
            (
                *e,
                jsonschema::validator_for(&zfxxgk::schema::schema(*e)).unwrap(),
            )
        })
        .collect();
    let editions: Vec<usize> = reports
        .iter()
        .map(|r| usize::from(r.edition() == Edition::Format2021))
        .collect();

    let mut g = c.benchmark_group("json_10000_reports");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("value_baseline", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(serde_json::from_slice::<serde_json::Value>(d).unwrap());
            }
        })
    });
    g.bench_function("typed_read", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(zfxxgk::json::from_slice(d).unwrap());
            }
        })
    });
    g.bench_function("read_validate", |b| {
        b.iter(|| {
            for d in &docs {
                let r = zfxxgk::json::from_slice(d).unwrap();
                black_box(zfxxgk::validate::validate(&r));
            }
        })
    });
    g.bench_function("read_validate_tables", |b| {
        b.iter(|| {
            for d in &docs {
                let r = zfxxgk::json::from_slice(d).unwrap();
                black_box(zfxxgk::validate::validate_with(&r, |rule| {
                    !rule.reads_prose()
                }));
            }
        })
    });
    g.bench_function("jsonschema_route", |b| {
        b.iter(|| {
            for (d, e) in docs.iter().zip(&editions) {
                let v: serde_json::Value = serde_json::from_slice(d).unwrap();
                assert!(schemas[*e].1.is_valid(&v));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("validate_10000_reports");
    g.throughput(Throughput::Elements(reports.len() as u64));
    g.sample_size(10);
    g.bench_function("validate_only", |b| {
        b.iter(|| {
            for r in &reports {
                black_box(zfxxgk::validate::validate(r));
            }
        })
    });
    g.finish();

    // The same on the reports that balance (most published reports): no finding to write.
    let clean: Vec<&Report> = reports
        .iter()
        .filter(|r| !zfxxgk::validate::validate(r).has_errors())
        .collect();
    let mut g = c.benchmark_group("validate_clean_reports");
    g.throughput(Throughput::Elements(clean.len() as u64));
    g.sample_size(10);
    g.bench_function("validate_only", |b| {
        b.iter(|| {
            for r in &clean {
                black_box(zfxxgk::validate::validate(r));
            }
        })
    });
    g.finish();

    // The same reports a few at a time, as right after reading each: 200 reports (about 0.7 MB)
    // stay in the cache, so this measures the validation itself rather than fetching reports
    // from memory. All reports (findings and their messages included), then the clean ones.
    let all: Vec<&Report> = reports.iter().collect();
    for (name, set) in [("in_cache", &all), ("clean_in_cache", &clean)] {
        let hot: Vec<&Report> = set.iter().take(200).copied().collect();
        let mut g = c.benchmark_group(format!("validate_200_reports_{name}"));
        g.throughput(Throughput::Elements((hot.len() * 50) as u64));
        g.sample_size(10);
        g.bench_function("validate_only", |b| {
            b.iter(|| {
                for _ in 0..50 {
                    for r in &hot {
                        black_box(zfxxgk::validate::validate(r));
                    }
                }
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
