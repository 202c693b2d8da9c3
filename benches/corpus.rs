//! The generated corpus the JSON and NDJSON benchmarks share: reports of realistic size and
//! content, from the fixtures, with tables that balance as a correct report's do.

use std::path::Path;

use zfxxgk::report::CellMut;
use zfxxgk::{Cell, CellId, Report};

#[path = "../tests/common/balance.rs"]
mod balance;

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

/// Fill sections 三 and 四 with random counts that balance, as a correct report's do: mostly
/// natural persons, mostly zeros, as in real tables.
fn balance(r: &mut Report, rng: &mut Rng) {
    let rng = std::cell::RefCell::new(rng);
    balance::balance(
        r,
        |_, j| {
            let mut rng = rng.borrow_mut();
            let v = if j == 0 {
                rng.next() % 40
            } else {
                rng.next() % 4
            };
            if rng.next().is_multiple_of(3) { v } else { 0 }
        },
        5,
        |_| rng.borrow_mut().next() % 5,
        |_, _| rng.borrow_mut().next() % 6,
    );
}

#[allow(dead_code)]
/// The corpus: reports of realistic size and content (tables that balance, as most published
/// ones do; one in twenty with a cell off by one), half pretty-printed, half compact.
pub fn corpus(n: usize) -> (Vec<Vec<u8>>, Vec<Report>) {
    corpus_seeded(n, 0x2021_0930)
}

/// [`corpus`] from another seed.
#[allow(dead_code)]
pub fn corpus_seeded(n: usize, seed: u64) -> (Vec<Vec<u8>>, Vec<Report>) {
    let bases = [
        fixture("2019/valid/sample-natural-resources-2019.json"),
        fixture("2021/valid/sample-city-government-2022.json"),
        fixture("2021/valid/sample-county-market-2023.json"),
        fixture("2019/valid/xiuzhou-education-2020.json"),
    ];
    let mut rng = Rng(seed.max(1));
    let mut docs = Vec::with_capacity(n);
    let mut reports = Vec::with_capacity(n);
    for i in 0..n {
        let mut r = bases[i % bases.len()].clone();
        balance(&mut r, &mut rng);
        if rng.next().is_multiple_of(20) {
            let ids: Vec<CellId> = r.form().cells().map(|c| c.id).collect();
            let id = ids[(rng.next() % ids.len() as u64) as usize];
            if let Some(CellMut::Count(Cell::Value(v))) = r.cell_mut(id) {
                *v += 1;
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
