//! The writers' round trip: the fuzzer's bytes set every table cell of a fixture report (values,
//! blanks, not-applicable marks, amounts of any scale, tables replaced by 无); writing the report
//! as text or HTML and reading it back gives the same report, and the Markdown writer and the
//! HTML page with findings do not fail.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zfxxgk::cell::{Amount, Money, MoneyUnit};
use zfxxgk::form::{CellKind, TableId};
use zfxxgk::report::{CellMut, Presence};
use zfxxgk::{Cell, CellId, Report};

const R2019: &str =
    include_str!("../../tests/fixtures/2019/valid/sample-natural-resources-2019.json");
const R2021: &str =
    include_str!("../../tests/fixtures/2021/valid/sample-city-government-2022.json");

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        b
    }
    fn u64(&mut self) -> u64 {
        (0..8).fold(0u64, |v, _| (v << 8) | u64::from(self.byte()))
    }
}

fn state<T>(b: &mut Bytes<'_>, value: impl FnOnce(&mut Bytes<'_>) -> T) -> Cell<T> {
    match b.byte() % 8 {
        0 => Cell::Blank,
        1 => Cell::NotApplicable,
        _ => Cell::Value(value(b)),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let mut r: Report =
        zfxxgk::json::from_str(if b.byte() % 2 == 0 { R2019 } else { R2021 }).unwrap();
    let ids: Vec<(CellId, CellKind)> = r.form().cells().map(|c| (c.id, c.kind)).collect();
    for (id, kind) in ids {
        match r.cell_mut(id) {
            Some(CellMut::Count(c)) => *c = state(&mut b, |b| b.u64() >> (b.byte() % 64)),
            Some(CellMut::Delta(c)) => *c = state(&mut b, |b| b.u64() as i64 >> (b.byte() % 64)),
            Some(CellMut::Money(c)) => {
                *c = state(&mut b, |b| {
                    let units = b.u64() >> (b.byte() % 64);
                    let scale = usize::from(b.byte() % 5);
                    let digits = format!("{units:0>width$}", width = scale + 1);
                    let (int, frac) = digits.split_at(digits.len() - scale);
                    let text = if scale == 0 {
                        int.to_owned()
                    } else {
                        format!("{int}.{frac}")
                    };
                    let amount: Amount = text.parse().unwrap();
                    // An amount without a unit reads back in the header's unit, if it has one.
                    let header = match kind {
                        CellKind::Money(u) => u,
                        _ => None,
                    };
                    let unit = match b.byte() % 3 {
                        0 => header,
                        1 => Some(MoneyUnit::Yuan),
                        _ => Some(MoneyUnit::WanYuan),
                    };
                    Money { amount, unit }
                })
            }
            None => {}
        }
    }
    let none = b.byte();
    if none % 7 == 0 {
        r.tables
            .set_presence(TableId::Requests, Presence::DeclaredNone);
    }
    if none % 11 == 0 {
        r.tables
            .set_presence(TableId::Review, Presence::DeclaredNone);
    }
    let text = zfxxgk::write::to_text(&r);
    assert_eq!(zfxxgk::read::read_text(&text).report, r);
    let html = zfxxgk::write::to_html(&r, None);
    assert_eq!(zfxxgk::read::read_html(&html).report, r);
    let _ = zfxxgk::write::to_markdown(&r);
    let v = zfxxgk::validate::validate(&r);
    let _ = zfxxgk::write::to_html(&r, Some((&v, zfxxgk::validate::Lang::En)));
});
