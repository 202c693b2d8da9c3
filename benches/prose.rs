//! The prose rules on real-size prose: validation of reports whose narrative is real text
//! (the two shared PDFs' reports as `pdftotext -layout` gives them, the seed report, the 2021
//! sample city report; 2–5 KB of narrative each), in MB/s of narrative, against two baselines
//! measured in the same run: a pass that touches every character of the same narrative, and the
//! validation of the same reports with their narrative removed (the tables' rules alone). The
//! difference between the two validations is what the prose rules cost.
//!
//! `cargo bench --bench prose`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zfxxgk::Report;

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel),
    )
    .unwrap()
}

fn reports() -> Vec<Report> {
    let mut out: Vec<Report> = [
        "pdftotext/hongze-2023.pdftotext-layout.txt",
        "pdftotext/hongze-2024.pdftotext-layout.txt",
    ]
    .iter()
    .map(|f| zfxxgk::read::read_text(&fixture(f)).report)
    .collect();
    for f in [
        "2019/valid/xiuzhou-education-2020.json",
        "2021/valid/sample-city-government-2022.json",
    ] {
        out.push(zfxxgk::json::from_str(&fixture(f)).unwrap());
    }
    out
}

/// Every narrative field of a report.
fn narrative(r: &Report) -> Vec<&str> {
    let o = r.overview.as_ref();
    let p = r.problems.as_ref();
    [
        r.preamble.as_ref(),
        o.and_then(|o| o.summary.as_ref()),
        o.and_then(|o| o.proactive.as_ref()),
        o.and_then(|o| o.requests.as_ref()),
        o.and_then(|o| o.management.as_ref()),
        o.and_then(|o| o.platform.as_ref()),
        o.and_then(|o| o.oversight.as_ref()),
        p.and_then(|p| p.summary.as_ref()),
        p.and_then(|p| p.problems.as_ref()),
        p.and_then(|p| p.improvements.as_ref()),
        p.and_then(|p| p.measures.as_ref()),
        r.other_matters.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect()
}

fn without_narrative(r: &Report) -> Report {
    let mut r = r.clone();
    r.preamble = None;
    r.overview = None;
    r.problems = None;
    r.other_matters = None;
    r
}

fn bench(c: &mut Criterion) {
    let with = reports();
    let without: Vec<Report> = with.iter().map(without_narrative).collect();
    let bytes: usize = with.iter().flat_map(narrative).map(str::len).sum();
    let mut g = c.benchmark_group("prose");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("baseline_char_scan", |b| {
        b.iter(|| {
            with.iter()
                .flat_map(narrative)
                .map(|t| black_box(t).chars().filter(|c| !c.is_whitespace()).count())
                .sum::<usize>()
        })
    });
    g.bench_function("validate_tables_only", |b| {
        b.iter(|| {
            for r in &without {
                black_box(zfxxgk::validate::validate(black_box(r)));
            }
        })
    });
    g.bench_function("validate_with_prose", |b| {
        b.iter(|| {
            for r in &with {
                black_box(zfxxgk::validate::validate(black_box(r)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
