//! Rules across two years: last year's report against this year's, in any editions.
//!
//! Rows and columns are matched across editions by their ids (see [`crate::form`]): an id names
//! the same row or column in both editions wherever both have it (2019 `规范性文件` and 2021
//! `行政规范性文件` are both [`ProactiveRow::NormativeDocuments`]; 2019 `处理决定数量` and 2021
//! `本年处理决定数量` are both [`ProactiveColumn::Decisions`]). The links that join one year to the
//! next are declared once, in [`LINKS`].

use std::collections::HashSet;

use super::{Draft, Observed, Rule, RuleSet, Sink, Validation};
use crate::cell::Cell;
use crate::form::{
    ApplicantColumn, CellId, CellKind, ProactiveColumn, ProactiveRow, RequestRow, SectionId,
    TableId,
};
use crate::report::{CellRef, Report, Slot};

/// A cross-year link: this year's cell equals last year's `prior` cells combined. It holds
/// between any two editions whose forms both have its cells (a row's id names the same row in
/// every edition that has it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Link {
    /// The rule code.
    pub code: &'static str,
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
            current_row: LinkRow::Proactive(ProactiveRow::$row, ProactiveColumn::InForce),
            from: LinkSource::RollForward {
                prior: (ProactiveRow::$row, ProactiveColumn::InForce),
                plus: Some((ProactiveRow::$row, ProactiveColumn::Issued)),
                minus: Some((ProactiveRow::$row, ProactiveColumn::Repealed)),
            },
        }),+]
    };
}

/// Every cross-year link, declared once.
pub static LINKS: [Link; 8] = {
    let items = item_links!(Licensing, OtherServices, Penalty, Coercion, Fees);
    let in_force = in_force_links!(Rules, NormativeDocuments);
    [
        Link {
            code: "pair.carry_over",
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

/// This year's report and last year's, of the same body: named fields, so that the two cannot be
/// swapped by accident.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    /// Last year's report.
    pub prior: &'a Report,
    /// This year's report, the one validated.
    pub current: &'a Report,
}

/// Validate this year's report with last year's beside it: every single-report rule on this
/// year's report ([`super::validate`]), then the cross-year rules whose cells both reports'
/// forms have. `checked` lists the rules of both kinds that ran.
///
/// ```
/// # let json = r#"{"edition": "2021", "agency": "某局", "year": 2023}"#;
/// # let (prior, current) = (zfxxgk::json::from_str(json).unwrap(), zfxxgk::json::from_str(json).unwrap());
/// use zfxxgk::validate::{Pair, validate_pair};
/// let v = validate_pair(Pair { prior: &prior, current: &current });
/// assert!(v.with_code("pair.not_consecutive").next().is_some());
/// assert!(v.with_code("structure.section_missing").next().is_some());
/// ```
pub fn validate_pair(pair: Pair<'_>) -> Validation {
    let mut v = super::validate(pair.current);
    let cross = cross_year(pair.prior, pair.current, RuleSet::default());
    v.findings.extend(cross.findings);
    v.checked = v.checked.union(&cross.checked);
    v
}

/// [`validate_pair`] with only the rules that `keep` keeps, single-report and cross-year alike
/// (as [`super::validate_with`] for one report): `|r| !r.code.starts_with("pair.")` gives this
/// year's report alone, `|r| r.cross_year` the cross-year rules alone. The rules left out give no
/// finding and are not in [`Validation::checked`].
///
/// ```
/// # let json = r#"{"edition": "2021", "agency": "某局", "year": 2023}"#;
/// # let (prior, current) = (zfxxgk::json::from_str(json).unwrap(), zfxxgk::json::from_str(json).unwrap());
/// use zfxxgk::validate::{Pair, validate_pair_with};
/// let v = validate_pair_with(Pair { prior: &prior, current: &current }, |r| r.cross_year);
/// assert!(v.with_code("pair.not_consecutive").next().is_some());
/// assert!(v.with_code("structure.section_missing").next().is_none());
/// ```
pub fn validate_pair_with(pair: Pair<'_>, keep: impl Fn(&Rule) -> bool) -> Validation {
    let left_out = RuleSet::kept(|r| !keep(r));
    let mut v = super::validate_with(pair.current, &keep);
    let cross = cross_year(pair.prior, pair.current, left_out);
    v.findings.extend(cross.findings);
    v.checked = v.checked.union(&cross.checked);
    v
}

/// The cross-year rules alone, but for those `left_out`.
fn cross_year(prior: &Report, current: &Report, left_out: RuleSet) -> Validation {
    let applicable = RuleSet::applicable(true, &[prior.form(), current.form()]);
    let checked = applicable.difference(&left_out);
    let mut sink = Sink {
        findings: Vec::new(),
        checked,
        dropped: applicable.intersection(&left_out),
    };
    let (Some(prior_year), Some(current_year)) = (prior.year, current.year) else {
        return sink.finish();
    };
    if u32::from(current_year) != u32::from(prior_year) + 1 {
        sink.push(
            Draft::new(
                "pair.not_consecutive",
                "/year",
                format!("上一年度报告为{prior_year}年，本报告为{current_year}年，不是相邻年度，跨年度核对未进行。"),
                format!("Last year's report is for {prior_year} and this one for {current_year}; the cross-year rules need consecutive years and were not run."),
            )
            .values(
                Observed::Integer(i128::from(prior_year) + 1),
                Observed::Integer(i128::from(current_year)),
            ),
        );
        return sink.finish();
    }
    for link in LINKS.iter().filter(|l| checked.contains(l.code)) {
        check_link(link, prior, current, &mut sink);
    }
    if checked.contains("pair.identical_tables") {
        identical_tables(prior, current, &mut sink);
    }
    if checked.contains("pair.similar_text") {
        similar_text(prior, current, &mut sink);
    }
    if checked.contains("pair.fee_amount_jump") {
        fee_jump(prior, current, &mut sink);
    }
    sink.finish()
}

/// One comparison of a link: this year's cell, last year's cells summed, and this year's cells
/// added with a sign.
struct Comparison {
    target: CellId,
    prior: Vec<CellId>,
    own: Vec<(CellId, i128)>,
}

/// The comparisons a link makes: one per column for a row of section 三, one for a cell.
fn comparisons(link: &Link) -> Vec<Comparison> {
    match (link.current_row, link.from) {
        (LinkRow::Requests(row), LinkSource::PriorRequests(prior_row)) => ApplicantColumn::ALL
            .iter()
            .map(|c| Comparison {
                target: CellId::Requests(row, *c),
                prior: vec![CellId::Requests(prior_row, *c)],
                own: vec![],
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
            vec![Comparison {
                target: CellId::Proactive(r, c),
                prior: vec![CellId::Proactive(p.0, p.1)],
                own,
            }]
        }
        (LinkRow::Proactive(r, c), LinkSource::PriorPlusChange { prior: p, change }) => {
            vec![Comparison {
                target: CellId::Proactive(r, c),
                prior: vec![
                    CellId::Proactive(p.0, p.1),
                    CellId::Proactive(change.0, change.1),
                ],
                own: vec![],
            }]
        }
        _ => Vec::new(),
    }
}

/// The expected value of a comparison, if every cell it needs has one.
fn expected_value(cmp: &Comparison, prior: &Report, current: &Report) -> Option<i128> {
    let mut expected: i128 = 0;
    for id in &cmp.prior {
        expected += signed(prior.slot(*id))?;
    }
    for (id, sign) in &cmp.own {
        expected += sign * signed(current.slot(*id))?;
    }
    Some(expected)
}

/// Whether a cell is shown blank or marked not applicable (`/`): a report's own gap, unlike a
/// cell that was not read or a table that is absent.
fn is_gap(slot: Option<Slot<'_>>) -> bool {
    match slot {
        Some(Slot::Cell(c)) => c.is_blank() || c.is_not_applicable(),
        _ => false,
    }
}

fn check_link(link: &Link, prior: &Report, current: &Report, sink: &mut Sink) {
    // Cells blank in either year that kept a comparison of this link from running.
    let mut gaps: Vec<String> = Vec::new();
    for cmp in comparisons(link) {
        let own_gaps = std::iter::once(cmp.target)
            .chain(cmp.own.iter().map(|(id, _)| *id))
            .filter(|id| is_gap(current.slot(*id)))
            .map(|id| pointer(current, id));
        let prior_gaps = cmp
            .prior
            .iter()
            .filter(|id| is_gap(prior.slot(**id)))
            .map(|id| format!("上年/last year {}", pointer(prior, *id)));
        let blank: Vec<String> = own_gaps.chain(prior_gaps).collect();
        if !blank.is_empty() {
            gaps.extend(blank);
            continue;
        }
        let Some(actual) = signed(current.slot(cmp.target)) else {
            continue;
        };
        let Some(expected) = expected_value(&cmp, prior, current) else {
            continue;
        };
        if expected == actual {
            continue;
        }
        let (zh, en) = link_message(link, &cmp, current, expected, actual);
        let mut cells = vec![pointer(current, cmp.target)];
        cells.extend(cmp.own.iter().map(|(id, _)| pointer(current, *id)));
        sink.push(
            Draft::new(link.code, pointer(current, cmp.target), zh, en)
                .cells(cells)
                .prior_cells(cmp.prior.iter().map(|id| pointer(prior, *id)).collect())
                .values(Observed::Integer(expected), Observed::Integer(actual)),
        );
    }
    if !gaps.is_empty() {
        let at = match link.current_row {
            LinkRow::Requests(row) => current
                .form()
                .requests
                .row(row)
                .map(|r| crate::form::cell_pointer(current.form().requests.key, r.key, ""))
                .map(|p| p.trim_end_matches('/').to_owned())
                .unwrap_or_default(),
            LinkRow::Proactive(r, c) => pointer(current, CellId::Proactive(r, c)),
        };
        let listed = gaps.join(", ");
        sink.push(
            Draft::new(
                "pair.unchecked",
                at,
                format!(
                    "跨年度核对（{}）未能进行：以下单元格为空或标为不适用：{}。",
                    link.code,
                    listed.replace("上年/last year", "上年")
                ),
                format!(
                    "the cross-year check {} could not run: these cells are blank or marked not applicable: {}.",
                    link.code,
                    listed.replace("上年/last year", "last year's")
                ),
            )
            .cells(gaps.iter().filter(|g| g.starts_with('/')).cloned().collect())
            .prior_cells(
                gaps.iter()
                    .filter_map(|g| g.strip_prefix("上年/last year ").map(str::to_owned))
                    .collect(),
            ),
        );
    }
}

/// The messages of a broken link, with the labels of this year's form.
fn link_message(
    link: &Link,
    cmp: &Comparison,
    current: &Report,
    expected: i128,
    actual: i128,
) -> (String, String) {
    let form = current.form();
    let (row, col) = form
        .cell(cmp.target)
        .map(|c| (c.row_label.clone(), c.column_label))
        .unwrap_or_default();
    match link.from {
        LinkSource::PriorRequests(prior_row) => {
            let (forward, forward_name) = form
                .requests
                .row(prior_row)
                .map_or((String::new(), ""), |r| (r.label(), r.name));
            (
                format!(
                    "“{col}”列：本年“{row}”为 {actual}，上年报告“{forward}”为 {expected}，应相等。"
                ),
                format!(
                    "column “{col}”: this year's {row} is {actual}, but last year's {forward_name} was {expected}."
                ),
            )
        }
        LinkSource::RollForward { .. } => (
            format!("{row}“{col}”为 {actual}，按上年{col}加本年制发、减本年废止应为 {expected}。"),
            format!(
                "{row} {col} is {actual}; last year's figure plus this year's issued minus repealed gives {expected}."
            ),
        ),
        LinkSource::PriorPlusChange { change, .. } => {
            let change_l = form
                .proactive
                .column(change.0, change.1)
                .map_or("", |c| c.label);
            (
                format!(
                    "{row}“{col}”为 {actual}，按上年报告（{col}加{change_l}）应为 {expected}。"
                ),
                format!(
                    "{row} {col} is {actual}; last year's report ({col} plus {change_l}) gives {expected}."
                ),
            )
        }
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
            let sec = current.form().section(match table {
                TableId::Proactive => SectionId::Proactive,
                TableId::Requests => SectionId::Requests,
                TableId::Review => SectionId::Review,
            });
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
        r.overview
            .as_ref()
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
        r.problems
            .as_ref()
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

/// The amount of 本年收费金额 in 元: the cell's unit, or the header's.
fn fee_in_yuan(r: &Report) -> Option<rust_decimal::Decimal> {
    let id = CellId::Proactive(ProactiveRow::Fees, ProactiveColumn::Amount);
    let Some(CellRef::Money(Cell::Value(m))) = r.cell(id) else {
        return None;
    };
    let header = match r.form().cell(id)?.kind {
        CellKind::Money(u) => u,
        _ => None,
    };
    let unit = m.unit.or(header)?;
    m.amount.decimal().checked_mul(unit.in_yuan())
}

fn fee_jump(prior: &Report, current: &Report, sink: &mut Sink) {
    let (Some(a), Some(b)) = (fee_in_yuan(prior), fee_in_yuan(current)) else {
        return;
    };
    if a.is_zero() {
        return;
    }
    let factor = rust_decimal::Decimal::from(JUMP);
    let jump = a.checked_mul(factor).is_some_and(|big| b > big)
        || b.checked_mul(factor).is_some_and(|big| big < a);
    if !jump {
        return;
    }
    let form = current.form();
    let p = form
        .proactive
        .pointer(ProactiveRow::Fees, ProactiveColumn::Amount)
        .unwrap_or_default();
    let prior_p = prior
        .form()
        .proactive
        .pointer(ProactiveRow::Fees, ProactiveColumn::Amount)
        .unwrap_or_default();
    let full = form
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
        .cells(vec![p])
        .prior_cells(vec![prior_p])
        .values(Observed::Text(text(a)), Observed::Text(text(b))),
    );
}
