//! Sections 三 and 四 filled with counts that balance, as a correct report's do: shared by the
//! property tests and the benchmark corpus, which draw the counts from different sources.

use zfxxgk::form::{
    ApplicantColumn as A, Relation, RequestRow as RR, ReviewColumn as VC, ReviewRow,
};
use zfxxgk::report::CellMut;
use zfxxgk::{Cell, CellId, Report};

fn set(r: &mut Report, id: CellId, v: u64) {
    if let Some(CellMut::Count(c)) = r.cell_mut(id) {
        *c = Cell::Value(v);
    }
}

/// Fills sections 三 and 四 of `r` (where they are tables) so that every sum holds.
///
/// - `leaf(row, column)`: the count of each outcome row (（一） to （六）, in official order) and
///   applicant column (the six before 总计); each row's 总计 is their sum, and （七）总计 each
///   column's.
/// - Per applicant column, in order: 结转下年度继续办理 is （七）总计 / `forward_divisor`,
///   上年结转 is `carried(column)` (at most what balances), and 本年新收 what makes the balance hold.
/// - `review(group, column)`: 维持, 纠正, 其他, 尚未审结 of each group of section 四, whose 总计
///   is their sum.
pub fn balance(
    r: &mut Report,
    mut leaf: impl FnMut(usize, usize) -> u64,
    forward_divisor: u64,
    mut carried: impl FnMut(usize) -> u64,
    mut review: impl FnMut(usize, usize) -> u64,
) {
    if r.cell_mut(CellId::Requests(RR::Granted, A::Total))
        .is_none()
    {
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
        .unwrap_or_default();
    let parts = &A::ALL[..6];
    let mut processed = [0u64; 6];
    for (k, row) in outcome.iter().enumerate() {
        let mut total = 0;
        for (j, col) in parts.iter().enumerate() {
            let v = leaf(k, j);
            set(r, CellId::Requests(*row, *col), v);
            total += v;
            processed[j] += v;
        }
        set(r, CellId::Requests(*row, A::Total), total);
    }
    let rows = [
        RR::ProcessedTotal,
        RR::CarriedForward,
        RR::CarriedOver,
        RR::NewReceived,
    ];
    let mut totals = [0u64; 4];
    for (j, col) in parts.iter().enumerate() {
        let forward = processed[j] / forward_divisor;
        let over = carried(j).min(processed[j] + forward);
        let new = processed[j] + forward - over;
        for (k, v) in [processed[j], forward, over, new].into_iter().enumerate() {
            set(r, CellId::Requests(rows[k], *col), v);
            totals[k] += v;
        }
    }
    for (k, row) in rows.into_iter().enumerate() {
        set(r, CellId::Requests(row, A::Total), totals[k]);
    }
    for (g, row) in ReviewRow::ALL.iter().enumerate() {
        let mut total = 0;
        for (k, col) in [VC::Upheld, VC::Corrected, VC::Other, VC::Pending]
            .into_iter()
            .enumerate()
        {
            let v = review(g, k);
            set(r, CellId::Review(*row, col), v);
            total += v;
        }
        set(r, CellId::Review(*row, VC::Total), total);
    }
}
