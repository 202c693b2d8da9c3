//! Reading published reports: throughput of the text and HTML readers, each measured against a
//! baseline pass over the same bytes in the same run (counting lines and characters), so that the
//! ratio does not depend on how busy the machine is.
//!
//! `cargo bench --bench read`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel),
    )
    .unwrap()
}

/// Section 一 of the seed report: prose with figures and breakdowns at the density of a real
/// report (14 figures in 2.4 KB).
fn seed_overview() -> String {
    let seed = fixture("text/xiuzhou-education-2020.txt");
    let start = seed.find("（一）主动公开情况").unwrap();
    let end = seed.find("二、主动公开政府信息情况").unwrap();
    seed[start..end]
        .replace("（一）主动公开情况", "")
        .replace("（二）依申请公开情况", "")
        .replace("（三）政府信息管理情况", "")
        .replace("（四）平台建设情况", "")
        .replace("（五）监督保障情况", "")
}

/// A large report: the synthetic 2021 report with section 一 grown to about 1 MB of the seed's
/// prose.
fn large_text() -> String {
    let base = fixture("text/sample-city-government-2022.tabs.txt");
    let para = seed_overview();
    let grown: String = para.repeat(1024 * 1024 / para.len());
    base.replacen(
        "（二）依申请公开情况",
        &format!("{grown}（二）依申请公开情况"),
        1,
    )
}

fn large_html() -> String {
    let base = fixture("html/sample-city-government-2022.html");
    let para: String = seed_overview()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{l}</p>\n"))
        .collect();
    let grown: String = para.repeat(1024 * 1024 / para.len());
    base.replacen(
        "<p>（二）依申请公开情况</p>",
        &format!("{grown}<p>（二）依申请公开情况</p>"),
        1,
    )
}

/// The baseline: one pass over the text that touches every character.
fn baseline(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).sum()
}

fn bench(c: &mut Criterion) {
    let inputs = [
        ("seed", fixture("text/xiuzhou-education-2020.txt")),
        ("large", large_text()),
    ];
    for (name, text) in &inputs {
        let mut g = c.benchmark_group(format!("read_text/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("baseline_line_scan", |b| {
            b.iter(|| baseline(black_box(text)))
        });
        g.bench_function("read_text", |b| {
            b.iter(|| zfxxgk::read::read_text(black_box(text)))
        });
        g.finish();
    }
    let html = large_html();
    let mut g = c.benchmark_group("read_html/large");
    g.throughput(Throughput::Bytes(html.len() as u64));
    g.bench_function("baseline_line_scan", |b| {
        b.iter(|| baseline(black_box(&html)))
    });
    g.bench_function("read_html", |b| {
        b.iter(|| zfxxgk::read::read_html(black_box(&html)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
