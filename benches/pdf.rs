//! Reading PDF files: `read::read_pdf` on the two shared real reports (淮安市洪泽区人民政府 2023
//! and 2024, five pages each, made with WPS 文字) against `pdftotext -layout` (poppler) on the
//! same files in the same run, as a user would run it (`pdftotext -layout FILE -`, the process
//! started each time). The ratio is what `BENCHMARKS.md` records; the goal is `read_pdf` no
//! slower than twice `pdftotext`.
//!
//! `cargo bench --bench pdf` (needs `pdftotext`: `apt-get install -y poppler-utils`; without it
//! only `read_pdf` is measured).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

fn pdftotext(path: &Path) -> usize {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .stderr(Stdio::null())
        .output()
        .expect("pdftotext runs");
    out.stdout.len()
}

fn bench(c: &mut Criterion) {
    let have_pdftotext = Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .is_ok();
    for name in ["hongze-2023.pdf", "hongze-2024.pdf"] {
        let path = fixture(name);
        let bytes = std::fs::read(&path).unwrap();
        let mut g = c.benchmark_group(format!("pdf/{name}"));
        if have_pdftotext {
            g.bench_function("pdftotext_layout", |b| {
                b.iter(|| pdftotext(black_box(&path)))
            });
        }
        g.bench_function("read_pdf", |b| {
            b.iter(|| zfxxgk::read::read_pdf(black_box(&bytes)).unwrap())
        });
        // What a user of the file does: read it from disk too.
        g.bench_function("read_pdf_from_file", |b| {
            b.iter(|| zfxxgk::read::read_pdf(&std::fs::read(black_box(&path)).unwrap()).unwrap())
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
