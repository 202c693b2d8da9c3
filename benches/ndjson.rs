//! Streaming validation: NDJSON of N reports piped through `examples/validate --ndjson`, with the
//! child's wall time and peak resident memory (VmHWM), for N = 1 000 and N = 100 000. Constant
//! memory means the peak does not grow with N.
//!
//! `cargo bench --bench ndjson` (builds the example in release first). Linux only: the peak is
//! read from `/proc/<pid>/status`.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use zfxxgk::report::CellMut;
use zfxxgk::{Cell, Report};

fn fixture(rel: &str) -> Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    zfxxgk::json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Compact JSON lines of distinct reports (every count changed from line to line).
fn lines(n: usize) -> impl Iterator<Item = String> {
    let bases = [
        fixture("2021/valid/sample-city-government-2022.json"),
        fixture("2019/valid/sample-natural-resources-2019.json"),
    ];
    (0..n).map(move |i| {
        let mut r = bases[i % 2].clone();
        let ids: Vec<zfxxgk::CellId> = r.form().cells().map(|c| c.id).collect();
        for (k, id) in ids.into_iter().enumerate() {
            if let Some(CellMut::Count(c)) = r.cell_mut(id) {
                *c = Cell::Value(((i * 31 + k * 7) % 97) as u64);
            }
        }
        zfxxgk::json::to_string_compact(&r)
    })
}

fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Write the NDJSON once to a file under `target/`, so that the measured time is the validator's
/// alone.
fn input(n: usize) -> (std::path::PathBuf, usize) {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/ndjson-{n}.jsonl"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut bytes = 0;
    for line in lines(n) {
        out.write_all(line.as_bytes()).unwrap();
        out.write_all(b"\n").unwrap();
        bytes += line.len() + 1;
    }
    out.flush().unwrap();
    (path, bytes)
}

fn run(exe: &std::path::Path, n: usize) -> (Duration, u64, usize) {
    let (path, bytes) = input(n);
    let start = Instant::now();
    let mut child = Command::new(exe)
        .args(["--ndjson", "--format", "json"])
        .stdin(Stdio::from(std::fs::File::open(&path).unwrap()))
        .stdout(Stdio::null())
        .spawn()
        .expect("examples/validate runs");
    let pid = child.id();
    let mut peak = 0;
    // Watch the peak until the child exits.
    loop {
        peak = peak.max(peak_kib(pid).unwrap_or(0));
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let elapsed = start.elapsed();
    let _ = std::fs::remove_file(&path);
    (elapsed, peak, bytes)
}

fn main() {
    // `cargo bench` passes `--bench`; anything else (e.g. `cargo test --benches`) only checks that
    // this builds.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--example", "validate"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(status.success());
    let exe =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/examples/validate");
    println!("reports\tseconds\treports/s\tMB/s\tpeak RSS (MiB)");
    let mut peaks = Vec::new();
    for n in [1_000, 100_000] {
        let (t, peak, bytes) = run(&exe, n);
        let s = t.as_secs_f64();
        println!(
            "{n}\t{s:.2}\t{:.0}\t{:.1}\t{:.2}",
            n as f64 / s,
            bytes as f64 / s / 1e6,
            peak as f64 / 1024.0
        );
        peaks.push(peak);
    }
    println!(
        "peak RSS growth from 1 000 to 100 000 reports: {:.2} MiB",
        (peaks[1] as f64 - peaks[0] as f64) / 1024.0
    );
}
