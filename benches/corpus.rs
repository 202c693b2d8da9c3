//! The generated corpus the JSON and NDJSON benchmarks share: reports of realistic size and
//! content, from the fixtures, with tables that balance as a correct report's do.

use std::path::Path;

use zfxxgk::form::{
    ApplicantColumn as A, Relation, RequestRow as RR, ReviewColumn as VC, ReviewRow,
};
use zfxxgk::report::{CellMut, Slot};
use zfxxgk::{Cell, CellId, Report};

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

fn set(r: &mut Report, id: CellId, v: u64) {
    if let Some(CellMut::Count(c)) = r.cell_mut(id) {
        *c = Cell::Value(v);
    }
}

/// Fill sections 三 and 四 with random counts that balance, as a correct report's do.
fn balance(r: &mut Report, rng: &mut Rng) {
    if !matches!(
        r.slot(CellId::Requests(RR::Granted, A::Total)),
        Some(Slot::Cell(_))
    ) {
        return;
    }
    let outcome: Vec<RR> = r
        .form()
        .requests
        .relations
        .iter()
        .find_map(|rel| match rel {
            Relation::PerColumn {
                code: "requests.outcome_total",
                right,
                ..
            } => Some(right.to_vec()),
            _ => None,
        })
        .unwrap();
    let parts = &A::ALL[..6];
    let mut processed = [0u64; 6];
    for row in &outcome {
        let mut total = 0;
        for (j, col) in parts.iter().enumerate() {
            // Mostly natural persons, mostly granted or not held, as in real tables.
            let v = if j == 0 {
                rng.next() % 40
            } else {
                rng.next() % 4
            };
            let v = if rng.next() % 3 == 0 { v } else { 0 };
            set(r, CellId::Requests(*row, *col), v);
            total += v;
            processed[j] += v;
        }
        set(r, CellId::Requests(*row, A::Total), total);
    }
    let mut totals = [0u64; 4];
    for (j, col) in parts.iter().enumerate() {
        let forward = processed[j] / 5;
        let over = (rng.next() % 5).min(processed[j] + forward);
        let new = processed[j] + forward - over;
        for (k, (row, v)) in [
            (RR::ProcessedTotal, processed[j]),
            (RR::CarriedForward, forward),
            (RR::CarriedOver, over),
            (RR::NewReceived, new),
        ]
        .into_iter()
        .enumerate()
        {
            set(r, CellId::Requests(row, *col), v);
            totals[k] += v;
        }
    }
    for (k, row) in [
        RR::ProcessedTotal,
        RR::CarriedForward,
        RR::CarriedOver,
        RR::NewReceived,
    ]
    .into_iter()
    .enumerate()
    {
        set(r, CellId::Requests(row, A::Total), totals[k]);
    }
    for row in ReviewRow::ALL {
        let vals: Vec<u64> = (0..4).map(|_| rng.next() % 6).collect();
        for (k, col) in [VC::Upheld, VC::Corrected, VC::Other, VC::Pending]
            .into_iter()
            .enumerate()
        {
            set(r, CellId::Review(*row, col), vals[k]);
        }
        set(r, CellId::Review(*row, VC::Total), vals.iter().sum());
    }
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
        if rng.next() % 20 == 0 {
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
