//! Reading and validating report JSON against the alternatives, each measured in the same run
//! on the same corpus of 10 000 generated reports (both editions, pretty and compact JSON):
//!
//! - `value_baseline`: `serde_json::from_slice::<serde_json::Value>` (the cost of just reading);
//! - `typed_read`: `zfxxgk::json::from_slice`;
//! - `read_validate`: typed read plus every single-report rule;
//! - `jsonschema_route`: what a user would reach for instead: `Value` plus the `jsonschema` crate
//!   against the crate's own generated schema (it catches none of the arithmetic);
//! - `validate_only`: validation of reports already read.
//!
//! `cargo bench --bench json`; ratios are in BENCHMARKS.md.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zfxxgk::report::CellMut;
use zfxxgk::{Cell, Edition, Report};

fn fixture(rel: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    zfxxgk::json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A small deterministic generator (xorshift), so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The corpus: reports of realistic size, every count redrawn (most small, one in ten left as
/// the fixture has it so that many reports balance), half pretty-printed, half compact.
pub fn corpus(n: usize) -> (Vec<Vec<u8>>, Vec<Report>) {
    let bases = [
        fixture("2019/valid/sample-natural-resources-2019.json"),
        fixture("2021/valid/sample-city-government-2022.json"),
        fixture("2021/valid/sample-county-market-2023.json"),
        fixture("2019/valid/xiuzhou-education-2020.json"),
    ];
    let mut rng = Rng(0x2021_0930);
    let mut docs = Vec::with_capacity(n);
    let mut reports = Vec::with_capacity(n);
    for i in 0..n {
        let mut r = bases[i % bases.len()].clone();
        if rng.next() % 10 != 0 {
            let ids: Vec<zfxxgk::CellId> = r.form().cells().map(|c| c.id).collect();
            for id in ids {
                if let Some(CellMut::Count(c)) = r.cell_mut(id) {
                    if c.is_value() {
                        *c = Cell::Value(rng.next() % 200);
                    }
                }
            }
        }
        let json = if i % 2 == 0 {
            zfxxgk::json::to_string_pretty(&r)
        } else {
            zfxxgk::json::to_string_compact(&r)
        };
        docs.push(json.into_bytes());
        reports.push(r);
    }
    (docs, reports)
}

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
