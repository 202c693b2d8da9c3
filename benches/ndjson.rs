//! Streaming validation: NDJSON of N reports piped through `examples/validate --ndjson`, with the
//! child's wall time and peak resident memory (VmHWM), for N = 1 000 and N = 100 000. Constant
//! memory means the peak does not grow with N.
//!
//! Then, end to end over the same 100 000-report file, the validator against a bare parse of the
//! same lines into `sonic_rs::Value` (`benches/sonic_parse`, its own small program), alternated
//! round by round so that both see the same machine: the median of each and their ratio; every
//! rule on one thread and on all cores, and on all cores without the rules that read the prose.
//!
//! `cargo bench --bench ndjson` (builds the example and the baseline in release first). Linux
//! only: the peak is read from `/proc/<pid>/status`.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "corpus.rs"]
mod corpus;

/// Compact JSON lines of distinct reports from the shared corpus, generated in batches so that
/// the bench's own memory stays small.
fn lines(n: usize) -> impl Iterator<Item = String> {
    (0..n.div_ceil(1000)).flat_map(move |batch| {
        let size = 1000.min(n - batch * 1000);
        let (_, reports) = corpus::corpus_seeded(size, batch as u64 + 1);
        reports
            .into_iter()
            .map(|r| zfxxgk::json::to_string_compact(&r))
            .collect::<Vec<_>>()
    })
}

fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    // Between fork and exec the child is still a copy of this process: skip that moment.
    if !status
        .lines()
        .any(|l| l.starts_with("Name:") && l.contains("validate"))
    {
        return None;
    }
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
    if std::env::var_os("ZFXXGK_KEEP_NDJSON").is_none() {
        let _ = std::fs::remove_file(&path);
    }
    (elapsed, peak, bytes)
}

/// The wall time of one run of a command with its output thrown away.
fn time(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .status()
        .expect("the command runs");
    let t = start.elapsed();
    // The validator exits 1 on error findings (the corpus has some); only a crash is a failure.
    assert!(status.code().is_some_and(|c| c <= 1), "{cmd:?}: {status}");
    t
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The validator against the bare sonic-rs parse over one file, alternated for `rounds` rounds.
fn against_sonic(validate: &std::path::Path, rounds: usize) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--manifest-path"])
        .arg(root.join("benches/sonic_parse/Cargo.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    let sonic = root.join("benches/sonic_parse/target/release/sonic-parse");
    let n = 100_000;
    let (path, bytes) = input(n);
    let (mut bare, mut one, mut all, mut tables) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        bare.push(time(Command::new(&sonic).arg(&path)));
        one.push(time(
            Command::new(validate)
                .args(["--ndjson", "--format", "json", "-j", "1"])
                .stdin(std::fs::File::open(&path).unwrap()),
        ));
        all.push(time(
            Command::new(validate)
                .args(["--ndjson", "--format", "json"])
                .stdin(std::fs::File::open(&path).unwrap()),
        ));
        tables.push(time(
            Command::new(validate)
                .args(["--ndjson", "--format", "json", "--no-prose"])
                .stdin(std::fs::File::open(&path).unwrap()),
        ));
    }
    if std::env::var_os("ZFXXGK_KEEP_NDJSON").is_none() {
        let _ = std::fs::remove_file(&path);
    }
    let (bare, one, all, tables) = (median(bare), median(one), median(all), median(tables));
    let mb = bytes as f64 / 1e6;
    println!();
    println!("{n} reports ({mb:.0} MB), median of {rounds} alternated rounds:");
    println!("route\tseconds\tMB/s\tratio to the sonic-rs parse");
    for (name, t) in [
        ("sonic_rs::Value parse (baseline)", bare),
        ("validate --ndjson -j 1", one),
        ("validate --ndjson (all cores)", all),
        ("validate --ndjson --no-prose (all cores)", tables),
    ] {
        println!(
            "{name}\t{:.3}\t{:.0}\t{:.2}",
            t.as_secs_f64(),
            mb / t.as_secs_f64(),
            t.as_secs_f64() / bare.as_secs_f64()
        );
    }
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
    against_sonic(&exe, 7);
}
