//! Rules across two years: last year's report against this year's, in any editions.
//!
//! Rows and columns are matched across editions by their ids (see [`crate::form`]): an id names
//! the same row or column in both editions wherever both have it (2019 `规范性文件` and 2021
//! `行政规范性文件` are both [`ProactiveRow::NormativeDocuments`]; 2019 `处理决定数量` and 2021
//! `本年处理决定数量` are both [`ProactiveColumn::Decisions`]). The links that join one year to the
//! next are declared once, in [`LINKS`].

use std::collections::HashSet;

use super::{Draft, Observed, Sink, Validation};
use crate::cell::Cell;
use crate::form::{
    ApplicantColumn, CellId, Edition, ProactiveColumn, ProactiveRow, RequestRow, TableId,
};
use crate::report::{CellRef, Report, Slot};

/// A cross-year link: this year's cell equals last year's `prior` cells combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The rule code.
    pub code: &'static str,
    /// The editions of last year's and this year's report the link applies to; `None` for any.
    pub editions: Option<(Edition, Edition)>,
    /// This year's row.
    pub current_row: LinkRow,
    /// How this year's value is formed from last year's (and this year's) cells.
    pub from: LinkSource,
}

/// A row of a cross-year link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRow {
    /// A row of section 三, compared column by column.
    Requests(RequestRow),
    /// A cell of section 二.
    Proactive(ProactiveRow, ProactiveColumn),
}

/// Where the expected value of a link comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSource {
    /// Last year's row of section 三, same column.
    PriorRequests(RequestRow),
    /// Last year's cell plus this year's `plus` minus this year's `minus` (section 二).
    RollForward {
        /// Last year's cell.
        prior: (ProactiveRow, ProactiveColumn),
        /// This year's cell added, if any.
        plus: Option<(ProactiveRow, ProactiveColumn)>,
        /// This year's cell subtracted, if any.
        minus: Option<(ProactiveRow, ProactiveColumn)>,
    },
    /// Last year's cell plus last year's change (2019 item counts).
    PriorPlusChange {
        /// Last year's count.
        prior: (ProactiveRow, ProactiveColumn),
        /// Last year's signed change.
        change: (ProactiveRow, ProactiveColumn),
    },
}

macro_rules! item_links {
    ($($row:ident),+) => {
        [$(Link {
            code: "pair.item_count_roll_forward",
            editions: Some((Edition::Trial2019, Edition::Trial2019)),
            current_row: LinkRow::Proactive(ProactiveRow::$row, ProactiveColumn::PreviousItems),
            from: LinkSource::PriorPlusChange {
                prior: (ProactiveRow::$row, ProactiveColumn::PreviousItems),
                change: (ProactiveRow::$row, ProactiveColumn::Change),
            },
        }),+]
    };
}

macro_rules! in_force_links {
    ($($row:ident),+) => {
        [$(Link {
            code: "pair.in_force_roll_forward",
            editions: Some((Edition::Format2021, Edition::Format2021)),
            current_row: LinkRow::Proactive(ProactiveRow::$row, ProactiveColumn::InForce),
            from: LinkSource::RollForward {
                prior: (ProactiveRow::$row, ProactiveColumn::InForce),
                plus: Some((ProactiveRow::$row, ProactiveColumn::Issued)),
                minus: Some((ProactiveRow::$row, ProactiveColumn::Repealed)),
            },
        }),+]
    };
}

/// Every cross-year link, declared once. Carry-over links hold in any pair of editions.
pub static LINKS: [Link; 8] = {
    let items = item_links!(Licensing, OtherServices, Penalty, Coercion, Fees);
    let in_force = in_force_links!(Rules, NormativeDocuments);
    [
        Link {
            code: "pair.carry_over",
            editions: None,
            current_row: LinkRow::Requests(RequestRow::CarriedOver),
            from: LinkSource::PriorRequests(RequestRow::CarriedForward),
        },
        items[0],
        items[1],
        items[2],
        items[3],
        items[4],
        in_force[0],
        in_force[1],
    ]
};

/// A signed value of a cell: a count or a change; `None` when blank or not applicable.
fn signed(slot: Option<Slot<'_>>) -> Option<i128> {
    match slot? {
        Slot::Cell(CellRef::Count(Cell::Value(v))) => Some(i128::from(*v)),
        Slot::Cell(CellRef::Delta(Cell::Value(v))) => Some(i128::from(*v)),
        // A table replaced by 无 reads as all zero.
        Slot::DeclaredNone => Some(0),
        _ => None,
    }
}

fn pointer(report: &Report, id: CellId) -> String {
    report
        .form()
        .cell(id)
        .map(|c| c.pointer())
        .unwrap_or_default()
}

/// Validate this year's report against last year's: the cross-year rules only.
pub fn validate_pair(prior: &Report, current: &Report) -> Validation {
    let mut sink = Sink::default();
    if u32::from(current.year()) != u32::from(prior.year()) + 1 {
        sink.push(
            Draft::new(
                "pair.not_consecutive",
                "/year",
                format!("上一年度报告为{}年，本报告为{}年，不是相邻年度，跨年度核对未进行。", prior.year(), current.year()),
                format!("Last year's report is for {} and this one for {}; the cross-year rules need consecutive years and were not run.", prior.year(), current.year()),
            )
            .values(
                Observed::Integer(i128::from(prior.year()) + 1),
                Observed::Integer(i128::from(current.year())),
            ),
        );
        return sink.finish();
    }
    let editions = (prior.edition(), current.edition());
    for link in LINKS
        .iter()
        .filter(|l| l.editions.is_none_or(|e| e == editions))
    {
        check_link(link, prior, current, &mut sink);
    }
    identical_tables(prior, current, &mut sink);
    similar_text(prior, current, &mut sink);
    fee_jump(prior, current, &mut sink);
    sink.finish()
}

/// This year's cell, last year's cells summed, and this year's cells added with a sign.
type Target = (CellId, Vec<CellId>, Vec<(CellId, i128)>);

fn check_link(link: &Link, prior: &Report, current: &Report, sink: &mut Sink) {
    let targets: Vec<Target> = match (link.current_row, link.from) {
        (LinkRow::Requests(row), LinkSource::PriorRequests(prior_row)) => ApplicantColumn::ALL
            .iter()
            .map(|c| {
                (
                    CellId::Requests(row, *c),
                    vec![CellId::Requests(prior_row, *c)],
                    vec![],
                )
            })
            .collect(),
        (
            LinkRow::Proactive(r, c),
            LinkSource::RollForward {
                prior: p,
                plus,
                minus,
            },
        ) => {
            let mut own = Vec::new();
            if let Some((pr, pc)) = plus {
                own.push((CellId::Proactive(pr, pc), 1));
            }
            if let Some((mr, mc)) = minus {
                own.push((CellId::Proactive(mr, mc), -1));
            }
            vec![(
                CellId::Proactive(r, c),
                vec![CellId::Proactive(p.0, p.1)],
                own,
            )]
        }
        (LinkRow::Proactive(r, c), LinkSource::PriorPlusChange { prior: p, change }) => vec![(
            CellId::Proactive(r, c),
            vec![
                CellId::Proactive(p.0, p.1),
                CellId::Proactive(change.0, change.1),
            ],
            vec![],
        )],
        _ => return,
    };
    for (target, prior_ids, own) in targets {
        let Some(actual) = signed(current.slot(target)) else {
            continue;
        };
        let mut expected: i128 = 0;
        let mut complete = true;
        for id in &prior_ids {
            match signed(prior.slot(*id)) {
                Some(v) => expected += v,
                None => complete = false,
            }
        }
        for (id, sign) in &own {
            match signed(current.slot(*id)) {
                Some(v) => expected += sign * v,
                None => complete = false,
            }
        }
        if !complete || expected == actual {
            continue;
        }
        let fc = current.form().cell(target);
        let (row, col) = fc
            .as_ref()
            .map(|c| (c.row_label.clone(), c.column_label))
            .unwrap_or_default();
        let f19 = crate::form::form(Edition::Trial2019);
        let f21 = crate::form::form(Edition::Format2021);
        let forward = f21
            .requests
            .row(RequestRow::CarriedForward)
            .map_or(String::new(), |r| r.label());
        let forward_name = f21
            .requests
            .row(RequestRow::CarriedForward)
            .map_or("", |r| r.name);
        // The roll-forward targets are the 现行有效件数 and 上一年项目数量 cells themselves; the
        // change column is the 2019 row's 本年增/减.
        let (in_force, prev_items) = (col, col);
        let change = match target {
            CellId::Proactive(r, _) => f19
                .proactive
                .column(r, ProactiveColumn::Change)
                .map_or("", |c| c.label),
            _ => "",
        };
        let (zh, en) = match link.code {
            "pair.carry_over" => (
                format!(
                    "“{col}”列：本年“{row}”为 {actual}，上年报告“{forward}”为 {expected}，应相等。"
                ),
                format!(
                    "column “{col}”: this year's {row} is {actual}, but last year's {forward_name} was {expected}."
                ),
            ),
            "pair.in_force_roll_forward" => (
                format!(
                    "{row}“{in_force}”为 {actual}，按上年{in_force}加本年制发、减本年废止应为 {expected}。"
                ),
                format!(
                    "{row} {in_force} is {actual}; last year's figure plus this year's issued minus repealed gives {expected}."
                ),
            ),
            _ => (
                format!(
                    "{row}“{prev_items}”为 {actual}，按上年报告（{prev_items}加{change}）应为 {expected}。"
                ),
                format!(
                    "{row} {prev_items} is {actual}; last year's report ({prev_items} plus {change}) gives {expected}."
                ),
            ),
        };
        let mut cells = vec![pointer(current, target)];
        cells.extend(own.iter().map(|(id, _)| pointer(current, *id)));
        sink.push(
            Draft::new(link.code, pointer(current, target), zh, en)
                .cells(cells)
                .prior_cells(prior_ids.iter().map(|id| pointer(prior, *id)).collect())
                .values(Observed::Integer(expected), Observed::Integer(actual)),
        );
    }
}

/// The cells the two reports' forms have in common, by table.
fn common_cells(prior: &Report, current: &Report, table: TableId) -> Vec<CellId> {
    let prior_ids: HashSet<CellId> = prior.form().cells().map(|c| c.id).collect();
    current
        .form()
        .cells()
        .map(|c| c.id)
        .filter(|id| id.table() == table && prior_ids.contains(id))
        .collect()
}

fn identical_tables(prior: &Report, current: &Report, sink: &mut Sink) {
    for table in [TableId::Proactive, TableId::Requests, TableId::Review] {
        let ids = common_cells(prior, current, table);
        let mut nonzero = false;
        let mut same = !ids.is_empty();
        for id in &ids {
            let (Some(Slot::Cell(a)), Some(Slot::Cell(b))) = (prior.slot(*id), current.slot(*id))
            else {
                same = false;
                break;
            };
            if a != b {
                same = false;
                break;
            }
            nonzero |= !matches!(
                a,
                CellRef::Count(Cell::Value(0)) | CellRef::Delta(Cell::Value(0))
            ) && !a.is_blank()
                && !a.is_not_applicable();
        }
        if same && nonzero {
            let sec = current.form().sections()[match table {
                TableId::Proactive => 1,
                TableId::Requests => 2,
                TableId::Review => 3,
            }];
            sink.push(Draft::new(
                "pair.identical_tables",
                format!("/{}", sec.key),
                format!("第{}部分表格数据与上年报告完全相同（雷同）。", sec.number),
                format!(
                    "The table of section {} is identical to last year's (copy-paste, 雷同).",
                    sec.heading()
                ),
            ));
        }
    }
}

/// Character bigrams of a text, whitespace removed.
fn bigrams(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Below this many characters a text is too short to call copied.
const MIN_TEXT: usize = 60;
/// Bigram Jaccard similarity at or above which two texts count as nearly identical.
const SIMILAR: f64 = 0.9;

fn similar_text(prior: &Report, current: &Report, sink: &mut Sink) {
    fn overview_text(r: &Report) -> String {
        r.overview()
            .map(|o| {
                [
                    &o.summary,
                    &o.proactive,
                    &o.requests,
                    &o.management,
                    &o.platform,
                    &o.oversight,
                ]
                .iter()
                .filter_map(|t| t.as_deref())
                .collect::<Vec<_>>()
                .join("\n")
            })
            .unwrap_or_default()
    }
    fn problems_text(r: &Report) -> String {
        r.problems()
            .map(|p| {
                [&p.summary, &p.problems, &p.improvements, &p.measures]
                    .iter()
                    .filter_map(|t| t.as_deref())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default()
    }
    for (key, number, text) in [
        ("overview", "一", overview_text as fn(&Report) -> String),
        ("problems", "五", problems_text),
    ] {
        let (a, b) = (text(prior), text(current));
        if a.chars().count() < MIN_TEXT || b.chars().count() < MIN_TEXT {
            continue;
        }
        let (x, y) = (bigrams(&a), bigrams(&b));
        let union = x.union(&y).count();
        if union == 0 {
            continue;
        }
        let sim = x.intersection(&y).count() as f64 / union as f64;
        if sim >= SIMILAR {
            let pct = (sim * 100.0).round() as i128;
            sink.push(
                Draft::new(
                    "pair.similar_text",
                    format!("/{key}"),
                    format!("第{number}部分文字与上年报告的相似度为 {pct}%，疑似雷同。"),
                    format!(
                        "Section {number} is {pct}% similar to last year's text (copy-paste, 雷同)."
                    ),
                )
                .values(
                    Observed::Text(format!("< {}%", (SIMILAR * 100.0) as i128)),
                    Observed::Text(format!("{pct}%")),
                ),
            );
        }
    }
}

/// A change of more than this factor either way in the fee amount is worth a look.
const JUMP: i64 = 5;

fn fee_jump(prior: &Report, current: &Report, sink: &mut Sink) {
    let fee = |r: &Report| -> Option<rust_decimal::Decimal> {
        let Report::Format2021(r) = r else {
            return None;
        };
        let m = r.proactive.as_ref()?.fees.amount.value().copied()?;
        // The header fixes 万元 where the cell gives no unit.
        let unit = m.unit.unwrap_or(crate::cell::MoneyUnit::WanYuan);
        m.amount.decimal().checked_mul(unit.in_yuan())
    };
    let (Some(a), Some(b)) = (fee(prior), fee(current)) else {
        return;
    };
    if a.is_zero() {
        return;
    }
    let factor = rust_decimal::Decimal::from(JUMP);
    let jump = a.checked_mul(factor).is_some_and(|big| b > big)
        || b.checked_mul(factor).is_some_and(|big| big < a);
    if jump {
        let f21 = crate::form::form(Edition::Format2021);
        let p = f21
            .proactive
            .pointer(ProactiveRow::Fees, ProactiveColumn::Amount)
            .unwrap_or_default();
        let full = f21
            .proactive
            .column(ProactiveRow::Fees, ProactiveColumn::Amount)
            .map_or("", |c| c.label);
        let fee_l = full.split('（').next().unwrap_or(full);
        let text = |d: rust_decimal::Decimal| format!("{}元", d.normalize());
        sink.push(
            Draft::new(
                "pair.fee_amount_jump",
                p.clone(),
                format!("{fee_l} {} 与上年 {} 相差超过{JUMP}倍，请核实单位与数额。", text(b), text(a)),
                format!("{fee_l} of {} differs from last year's {} by more than {JUMP}×; check the unit and the figure.", text(b), text(a)),
            )
            .cells(vec![p.clone()])
            .prior_cells(vec![p])
            .values(Observed::Text(text(a)), Observed::Text(text(b))),
        );
    }
}
