//! The single-report rules other than the table sums: section 二, section 一 breakdowns,
//! structure, and section 六. Each reads the cells it needs by id (see [`super::RULES`]), so it
//! runs for every edition whose form has them; none names an edition.

use chrono::{Datelike, NaiveDate};

use super::{Draft, Observed, Sink};
use crate::cell::{Cell, Count, Delta, Money};
use crate::form::{
    ApplicantColumn, CellId, CellKind, Edition, Form, ProactiveColumn as PC, ProactiveRow as PR,
    RequestRow, SectionId, TableId,
};
use crate::report::{CellRef, Issuer, Period, Presence, Report};

fn count(report: &Report, id: CellId) -> Option<Cell<Count>> {
    match report.cell(id)? {
        CellRef::Count(c) => Some(*c),
        _ => None,
    }
}

fn delta(report: &Report, id: CellId) -> Option<Cell<Delta>> {
    match report.cell(id)? {
        CellRef::Delta(c) => Some(*c),
        _ => None,
    }
}

fn money(report: &Report, id: CellId) -> Option<Cell<Money>> {
    match report.cell(id)? {
        CellRef::Money(c) => Some(*c),
        _ => None,
    }
}

fn ptr(form: &Form, r: PR, c: PC) -> String {
    form.proactive.pointer(r, c).unwrap_or_default()
}

/// The official label of a section 二 column in a row's block (`上一年项目数量`), without a
/// trailing unit note (`本年收费金额（单位：万元）` → `本年收费金额`).
fn col(form: &Form, r: PR, c: PC) -> &'static str {
    let l = form.proactive.column(r, c).map_or("", |d| d.label);
    l.split('（').next().unwrap_or(l)
}

fn row_name(form: &Form, r: PR) -> &'static str {
    form.proactive.row(r).map_or("", |d| d.name)
}

fn label(form: &Form, r: PR, c: PC) -> String {
    form.proactive
        .cell(r, c)
        .map(|d| format!("{}“{}”", d.row.name, d.column.label))
        .unwrap_or_default()
}

/// The rows of section 二 that have both columns, in official order.
fn rows_with(form: &'static Form, a: PC, b: PC) -> impl Iterator<Item = PR> {
    form.proactive.blocks.iter().flat_map(move |block| {
        let has = |c: PC| block.columns.iter().any(|x| x.id == c);
        let rows: &'static [crate::form::RowDecl<PR>] =
            if has(a) && has(b) { block.rows } else { &[] };
        rows.iter().map(|r| r.id)
    })
}

/// Section 二: item counts (上一年项目数量 + 本年增/减) must not be negative, and a decision
/// count that equals the item count is suspicious.
pub(super) fn item_counts(report: &Report, sink: &mut Sink) {
    let f = report.form();
    for row in rows_with(f, PC::PreviousItems, PC::Change) {
        let (Some(prev), Some(change)) = (
            count(report, CellId::Proactive(row, PC::PreviousItems)),
            delta(report, CellId::Proactive(row, PC::Change)),
        ) else {
            continue;
        };
        let cells = || vec![ptr(f, row, PC::PreviousItems), ptr(f, row, PC::Change)];
        // The labels are looked up only for a finding.
        let labels = || {
            (
                col(f, row, PC::PreviousItems),
                col(f, row, PC::Change),
                row_name(f, row),
            )
        };
        let (Cell::Value(prev), Cell::Value(change)) = (prev, change) else {
            // A blank is in the table's `table.blank_cells`; a cell not read is nobody's fault.
            if matches!(prev, Cell::NotApplicable) || matches!(change, Cell::NotApplicable) {
                let (prev_l, change_l, name) = labels();
                let key = f.proactive.row(row).map_or("", |r| r.key);
                sink.push(
                    Draft::new(
                        "proactive.item_count_unchecked",
                        format!("/proactive/{key}"),
                        format!("{name}的“{prev_l}”或“{change_l}”标为不适用（/），无法核对本年项目数量。"),
                        format!("{name}: {prev_l} or {change_l} is marked not applicable (/), so this year's item count cannot be checked."),
                    )
                    .cells(cells()),
                );
            }
            continue;
        };
        let current = i128::from(prev) + i128::from(change);
        if current < 0 {
            let (prev_l, change_l, name) = labels();
            sink.push(
                Draft::new(
                    "proactive.item_count_negative",
                    ptr(f, row, PC::Change),
                    format!("{name}：{prev_l} {prev} 加{change_l} {change:+} 为 {current}，项目数量不能为负。"),
                    format!("{name}: {prev_l} {prev} plus {change_l} {change:+} is {current}; an item count cannot be negative."),
                )
                .cells(cells())
                .values(Observed::Range { min: Some(0), max: None }, Observed::Integer(current)),
            );
            continue;
        }
        let Some(Cell::Value(decisions)) = count(report, CellId::Proactive(row, PC::Decisions))
        else {
            continue;
        };
        if change != 0 && prev > 0 && current > 0 && i128::from(decisions) == current {
            let (prev_l, change_l, name) = labels();
            let dec_l = col(f, row, PC::Decisions);
            let mut cells = cells();
            cells.push(ptr(f, row, PC::Decisions));
            sink.push(
                Draft::new(
                    "proactive.decisions_equal_item_count",
                    ptr(f, row, PC::Decisions),
                    format!("{name}：{dec_l} {decisions} 恰等于{prev_l} {prev} 加{change_l} {change:+}，疑将本年项目数量填入{dec_l}栏。"),
                    format!("{name}: {dec_l} {decisions} equals {prev_l} {prev} plus {change_l} {change:+}; an item count may have been entered as the number of decisions."),
                )
                .cells(cells),
            );
        }
    }
}

/// Section 二 （一）: 本年新公开数量 ≤ 对外公开总数量 (the total is cumulative).
pub(super) fn published_exceeds_total(report: &Report, sink: &mut Sink) {
    let f = report.form();
    for row in rows_with(f, PC::NewlyPublished, PC::TotalPublished) {
        let (Some(Cell::Value(new)), Some(Cell::Value(total))) = (
            count(report, CellId::Proactive(row, PC::NewlyPublished)),
            count(report, CellId::Proactive(row, PC::TotalPublished)),
        ) else {
            continue;
        };
        if new <= total {
            continue;
        }
        sink.push(
            Draft::new(
                "proactive.published_exceeds_total",
                ptr(f, row, PC::NewlyPublished),
                format!(
                    "{}（{new}）大于{}（{total}）；{}是累计数，应不小于{}。",
                    label(f, row, PC::NewlyPublished),
                    label(f, row, PC::TotalPublished),
                    col(f, row, PC::TotalPublished),
                    col(f, row, PC::NewlyPublished)
                ),
                format!(
                    "{} ({new}) exceeds {} ({total}); the total published is cumulative.",
                    label(f, row, PC::NewlyPublished),
                    label(f, row, PC::TotalPublished)
                ),
            )
            .cells(vec![
                ptr(f, row, PC::NewlyPublished),
                ptr(f, row, PC::TotalPublished),
            ])
            .values(
                Observed::Range {
                    min: None,
                    max: Some(u128::from(total)),
                },
                Observed::Integer(i128::from(new)),
            ),
        );
    }
}

/// Section 二 （一）: 本年制发件数 ≤ 现行有效件数 + 本年废止件数.
pub(super) fn issued_exceeds_in_force(report: &Report, sink: &mut Sink) {
    let f = report.form();
    for row in rows_with(f, PC::Issued, PC::InForce) {
        let get = |c| count(report, CellId::Proactive(row, c));
        let (Some(Cell::Value(issued)), Some(Cell::Value(in_force)), Some(Cell::Value(repealed))) =
            (get(PC::Issued), get(PC::InForce), get(PC::Repealed))
        else {
            continue;
        };
        let bound = u128::from(in_force) + u128::from(repealed);
        if u128::from(issued) <= bound {
            continue;
        }
        sink.push(
            Draft::new(
                "proactive.issued_exceeds_in_force",
                ptr(f, row, PC::Issued),
                format!(
                    "{}（{issued}）大于{}与{}之和（{bound}）。",
                    label(f, row, PC::Issued),
                    col(f, row, PC::InForce),
                    col(f, row, PC::Repealed)
                ),
                format!(
                    "{} ({issued}) exceeds {} + {} ({bound}).",
                    label(f, row, PC::Issued),
                    col(f, row, PC::InForce),
                    col(f, row, PC::Repealed)
                ),
            )
            .cells(vec![
                ptr(f, row, PC::Issued),
                ptr(f, row, PC::Repealed),
                ptr(f, row, PC::InForce),
            ])
            .values(
                Observed::Range {
                    min: None,
                    max: Some(bound),
                },
                Observed::Integer(i128::from(issued)),
            ),
        );
    }
}

/// Section 二 （九）: an amount with zero 采购项目数量.
pub(super) fn procurement_without_projects(report: &Report, sink: &mut Sink) {
    let f = report.form();
    let (Some(Cell::Value(0)), Some(Cell::Value(m))) = (
        count(report, CellId::Proactive(PR::Procurement, PC::Projects)),
        money(report, CellId::Proactive(PR::Procurement, PC::Amount)),
    ) else {
        return;
    };
    if m.amount.decimal().is_zero() {
        return;
    }
    let proc_l = row_name(f, PR::Procurement);
    sink.push(
        Draft::new(
            "proactive.procurement_without_projects",
            ptr(f, PR::Procurement, PC::Amount),
            format!(
                "{proc_l}项目数量为 0，但{}为 {m}。",
                col(f, PR::Procurement, PC::Amount)
            ),
            format!("{proc_l}: 0 projects but an amount of {m}."),
        )
        .cells(vec![
            ptr(f, PR::Procurement, PC::Projects),
            ptr(f, PR::Procurement, PC::Amount),
        ]),
    );
}

/// Amounts at or above this in a header's unit of 万元 look as if they were entered in 元
/// (10 000 000 万元 is 1000亿元).
const IMPLAUSIBLE_WAN_YUAN: u64 = 10_000_000;

/// Section 二 （八）: an amount entered in a unit other than the header's, or implausibly large.
pub(super) fn fee_unit(report: &Report, sink: &mut Sink) {
    let f = report.form();
    let Some(Cell::Value(m)) = money(report, CellId::Proactive(PR::Fees, PC::Amount)) else {
        return;
    };
    let Some(CellKind::Money(Some(header))) =
        f.proactive.column(PR::Fees, PC::Amount).map(|c| c.kind)
    else {
        return;
    };
    let pointer = || ptr(f, PR::Fees, PC::Amount);
    let fee_l = col(f, PR::Fees, PC::Amount);
    let (unit, header_l) = (m.unit, header.label());
    if unit.is_some_and(|u| u != header) {
        sink.push(Draft::new(
            "proactive.fee_unit",
            pointer(),
            format!(
                "{fee_l}的单位为{header_l}，但填报为“{m}”（{}）；请换算为{header_l}。",
                unit.map_or("", |u| u.label())
            ),
            format!(
                "{fee_l} is in {header_l}, but {m} was entered in {}; convert it to {header_l}.",
                unit.map_or("", |u| u.label())
            ),
        ));
    } else if header == crate::cell::MoneyUnit::WanYuan
        && m.amount.decimal() >= rust_decimal::Decimal::from(IMPLAUSIBLE_WAN_YUAN)
    {
        sink.push(Draft::new(
            "proactive.fee_unit",
            pointer(),
            format!("{fee_l} {} 万元数额异常，疑按元填报。", m.amount),
            format!(
                "{fee_l} of {} 万元 is implausibly large; it may have been entered in 元.",
                m.amount
            ),
        ));
    }
}

/// Every breakdown stated in the report's prose (any narrative field, read with the readers'
/// figure parser, not from stored `figures`) must be able to equal the sum of its parts, and a
/// breakdown of one part must not exceed its total; one with a part that has no number cannot be
/// summed (`overview.breakdown_incomplete`).
///
/// A breakdown whose numbers the tables contradict (`prose.table_mismatch`) by exactly as much as
/// its parts miss its total is one mistake, which that rule reports at the wrong number
/// (`答复90件，其中…不予处理6件…` with 5 in the table): `overview.breakdown_sum` stays silent.
pub(super) fn breakdowns(
    fields: &[super::prose::Field<'_>],
    wrong: &[super::prose::WrongNumber<'_>],
    sink: &mut Sink,
) {
    for f in fields.iter().filter(|f| !f.found.is_empty()) {
        let wrong: Vec<&super::prose::WrongNumber<'_>> =
            wrong.iter().filter(|w| w.pointer == f.pointer).collect();
        for fig in crate::read::stated_figures(&f.chars, &f.found) {
            figure(&fig, &f.chars, (f.pointer, &wrong), sink);
        }
    }
}

/// Whether the numbers the tables contradict account for all a breakdown misses its total by:
/// with every number exact, parts − total equals the parts' errors less the total's, and some
/// number is wrong.
fn explained(f: &crate::read::Stated, wrong: &[&super::prose::WrongNumber<'_>]) -> bool {
    let by = |s: &crate::read::Stated| {
        wrong
            .iter()
            .find(|w| w.at == s.at.start)
            .map_or(0, |w| w.by)
    };
    let exact = |s: &crate::read::Stated| s.quantity.approx == crate::cell::Approx::Exact;
    if wrong.is_empty() || !exact(f) || !f.parts.iter().all(exact) {
        return false;
    }
    let parts: i128 = f.parts.iter().map(|p| i128::from(p.quantity.value)).sum();
    let off = parts - i128::from(f.quantity.value);
    let errors: i128 = f.parts.iter().map(by).sum::<i128>() - by(f);
    errors != 0 && off == errors
}

/// When a breakdown's parts cannot add up to its total: the parts' sum (exact, or the range the
/// approximate parts allow) and how to say it. `None` when they can.
fn parts_disagree(f: &crate::read::Stated) -> Option<(Observed, String, String)> {
    let (tmin, tmax) = f.quantity.bounds();
    let exact = tmin == tmax
        && f.parts.iter().all(|part| {
            let (lo, hi) = part.quantity.bounds();
            lo.is_some() && lo == hi
        });
    let (pmin, pmax) = crate::read::parts_bounds(&f.parts);
    let tmin_v = u128::from(tmin.unwrap_or(0));
    // One part (`1846条，其中政策文件87条`, `收到申请25件，其中自然人申请20件`) is one category
    // named among others, and parts the total only includes (`13件（含新制定5件，修改4件）`) are
    // some of its cases: they fall short of the total by design, and are wrong only above it.
    let one_of_others = f.parts.len() == 1 || f.includes;
    let fits = (one_of_others || pmax.is_none_or(|pm| tmin_v <= pm))
        && tmax.is_none_or(|tm| pmin <= u128::from(tm));
    if fits {
        return None;
    }
    Some(if exact {
        (
            Observed::Integer(pmin as i128),
            format!("{pmin}"),
            format!("{pmin}"),
        )
    } else {
        (
            Observed::Range {
                min: Some(pmin),
                max: pmax,
            },
            match pmax {
                Some(m) => format!("{pmin}至{m}之间"),
                None => format!("至少{pmin}"),
            },
            match pmax {
                Some(m) => format!("between {pmin} and {m}"),
                None => format!("at least {pmin}"),
            },
        )
    })
}

fn figure(
    f: &crate::read::Stated,
    chars: &[char],
    (pointer, wrong): (&str, &[&super::prose::WrongNumber<'_>]),
    sink: &mut Sink,
) {
    for part in &f.parts {
        figure(part, chars, (pointer, wrong), sink);
    }
    if f.parts.is_empty() {
        return;
    }
    shares(f, chars, pointer, sink);
    let (a, b) = (f.range.start, f.range.end);
    // What the messages show, built only for a finding.
    let shown = || {
        let parts: Vec<String> = f
            .parts
            .iter()
            .map(|p| format!("{}{}", p.label(chars), p.quantity))
            .collect();
        (f.label(chars), f.quantity.to_string(), parts)
    };
    if !f.unnumbered.is_empty() {
        let (label, total, parts_text) = shown();
        let missing = f.unnumbered.join("、");
        sink.push(Draft::new(
            "overview.breakdown_incomplete",
            pointer,
            format!(
                "{pointer} 第 {a}–{b} 字：{}{}的分项“{missing}”没有数字，无法核对分项之和（所列各项：{}）。",
                label,
                total,
                parts_text.join("、")
            ),
            format!(
                "{pointer} chars {a}–{b}: {} is {}, but its part “{missing}” has no number, so the parts ({}) cannot be summed.",
                label,
                total,
                parts_text.join(", ")
            ),
        ));
        return;
    }
    let Some((expected, zh_sum, en_sum)) = parts_disagree(f) else {
        return;
    };
    if explained(f, wrong) {
        return;
    }
    let (label, total, parts_text) = shown();
    let actual = if f.quantity.approx == crate::cell::Approx::Exact {
        Observed::Integer(i128::from(f.quantity.value))
    } else {
        Observed::Text(total.clone())
    };
    sink.push(
        Draft::new(
            "overview.breakdown_sum",
            pointer,
            format!(
                "{pointer} 第 {a}–{b} 字：{}{}，但所列各项（{}）合计{}，与总数不符。",
                label,
                total,
                parts_text.join("、"),
                zh_sum
            ),
            format!(
                "{pointer} chars {a}–{b}: {} is {}, but its parts ({}) add up to {}.",
                label,
                total,
                parts_text.join(", "),
                en_sum
            ),
        )
        .values(expected, actual),
    );
}

/// `prose.percentage`: the share the prose gives a part of a breakdown (`其他信息33条，占35.8%`)
/// against the part over its total. A share written with d decimals agrees when
/// |p − 100·part/total| < 10^−d (35.8 % for 33/92 = 35.87 % agrees, and so does 1.3 % for
/// 13/1046 = 1.24 %: each rounds or truncates to what is written). One finding a breakdown.
fn shares(f: &crate::read::Stated, chars: &[char], pointer: &str, sink: &mut Sink) {
    use crate::cell::Approx;
    if f.quantity.approx != Approx::Exact || f.quantity.value == 0 {
        return;
    }
    let total = u128::from(f.quantity.value);
    let wrong: Vec<(String, String)> = f
        .parts
        .iter()
        .filter(|p| p.quantity.approx == Approx::Exact)
        .filter_map(|p| {
            let share = p.share?;
            let scale = 10u128.pow(share.decimals);
            // |p·10^d·total − 100·10^d·part| < total, in integers.
            let stated = u128::from(share.scaled) * total;
            let computed = 100 * scale * u128::from(p.quantity.value);
            if stated.abs_diff(computed) < total {
                return None;
            }
            // The share the numbers give, to two more decimals than written.
            let more = scale * 100;
            let v = 100 * more * u128::from(p.quantity.value) / total;
            let digits = share.decimals as usize + 2;
            let shown = format!("{}.{:0digits$}%", v / more, v % more);
            Some((
                format!("{}{}", p.label(chars), p.quantity),
                format!("{share}（{}/{} = {shown}）", p.quantity.value, total),
            ))
        })
        .collect();
    if wrong.is_empty() {
        return;
    }
    let (a, b) = (f.range.start, f.range.end);
    let listed_zh: Vec<String> = wrong.iter().map(|(p, s)| format!("{p}占{s}")).collect();
    let listed_en: Vec<String> = wrong.iter().map(|(p, s)| format!("{p} at {s}")).collect();
    sink.push(Draft::new(
        "prose.percentage",
        pointer,
        format!(
            "{pointer} 第 {a}–{b} 字：{}{}的分项所占比例与数字不符：{}。",
            f.label(chars),
            f.quantity,
            listed_zh.join("；")
        ),
        format!(
            "{pointer} chars {a}–{b}: the shares stated for parts of {} ({}) do not match their numbers: {}.",
            f.label(chars),
            f.quantity,
            listed_en.join("; ")
        ),
    ));
}

/// Structure: sections, edition against year, period, deadline, tables replaced by 无.
pub(super) fn structure(report: &Report, sink: &mut Sink) {
    sections_missing(report, sink);
    if let Some(year) = report.year {
        edition_for_year(report, i32::from(year), sink);
        period(report, i32::from(year), sink);
        late_publication(report, i32::from(year), sink);
    }
    tables_declared_none(report, sink);
    metadata_missing(report, sink);
    title(report, sink);
    edition_unconfirmed(report, sink);
    problems_not_filled(report, sink);
}

/// `structure.metadata_missing`: the report year or the agency is not stated. One finding for
/// both; the rules that need them do not run.
fn metadata_missing(report: &Report, sink: &mut Sink) {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if report.year.is_none() {
        zh.push("报告年度");
        en.push("the report year");
    }
    // The agency is named in the title; without a title (a page cut short at the top, an
    // excerpt) its absence says nothing about the report.
    if report.title.is_some() && report.agency.as_deref().is_none_or(|a| a.trim().is_empty()) {
        zh.push("发布机关名称");
        en.push("the agency");
    }
    if zh.is_empty() {
        return;
    }
    let pointer = if report.year.is_none() {
        "/year"
    } else {
        "/agency"
    };
    let (zh_more, en_more) = if report.year.is_none() {
        (
            "；依赖报告年度的核对（格式版本、统计期限、发布期限）未进行",
            "; the checks that need the year (edition, statistics period, deadline) did not run",
        )
    } else {
        ("", "")
    };
    sink.push(Draft::new(
        "structure.metadata_missing",
        pointer,
        format!("报告未写明{}{zh_more}。", zh.join("和")),
        format!("The report does not state {}{en_more}.", en.join(" or ")),
    ));
}

/// The cells of an edition's form that some other edition's form lacks: a value in one of them
/// shows which edition a report is in (computed once per edition).
fn distinctive_cells(edition: crate::Edition) -> &'static [CellId] {
    static CELLS: std::sync::OnceLock<Vec<Vec<CellId>>> = std::sync::OnceLock::new();
    let all = CELLS.get_or_init(|| {
        crate::Edition::ALL
            .iter()
            .map(|e| {
                e.form()
                    .cells()
                    .map(|c| c.id)
                    .filter(|id| crate::Edition::ALL.iter().any(|o| !o.form().has(*id)))
                    .collect()
            })
            .collect()
    });
    &all[edition.index()]
}

/// `structure.edition_unconfirmed`: no cell of the report's tables that only some editions have
/// holds a value, so nothing in the report shows its edition (a page cut short before its
/// tables, tables the reader could not find, a table only of cells every edition shares). The
/// edition is the one the report's JSON says, or the one a reader took from the report year; one
/// info says so.
fn edition_unconfirmed(report: &Report, sink: &mut Sink) {
    let confirmed = distinctive_cells(report.edition())
        .iter()
        .any(|id| report.cell(*id).is_some_and(|c| c.is_value()));
    if confirmed {
        return;
    }
    let f = report.edition().facts();
    sink.push(Draft::new(
        "structure.edition_unconfirmed",
        "/edition",
        format!(
            "报告表格中没有可区分格式版本的数值，无法核实其为{}；依赖格式版本的核对以所标版本为准。",
            f.short_name
        ),
        format!(
            "No value in the report's tables tells its edition apart, so {} cannot be confirmed; the checks that depend on the edition take it as stated.",
            f.english_name
        ),
    ));
}

/// `structure.title`: the title calls the report something else than a 年度报告 (`…政府信息公开
/// 工作报告`, `…工作总结`, `关于…工作情况的报告`), or names another year than the report's (a
/// title left from last year's report). One finding for both.
fn title(report: &Report, sink: &mut Sink) {
    let Some(t) = report
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return;
    };
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !t.contains("年度报告") && !t.contains("年报") {
        zh.push("未称“政府信息公开工作年度报告”".to_owned());
        en.push("does not call it a 政府信息公开工作年度报告 (annual report)".to_owned());
    }
    if let (Some(stated), Some(year)) = (crate::read::year_in(t), report.year)
        && stated != year
    {
        zh.push(format!("所写年度为{stated}年，而报告年度为{year}年"));
        en.push(format!(
            "names the year {stated}, but the report year is {year}"
        ));
    }
    if zh.is_empty() {
        return;
    }
    sink.push(Draft::new(
        "structure.title",
        "/title",
        format!(
            "标题“{t}”{}；标题应为“[机关全称]YYYY年政府信息公开工作年度报告”。",
            zh.join("，")
        ),
        format!(
            "The title “{t}” {}; the title should be “[agency]YYYY年政府信息公开工作年度报告”.",
            en.join(", and ")
        ),
    ));
}

/// `problems.not_filled`: section 五 present but empty, `无`, or a single sentence.
fn problems_not_filled(report: &Report, sink: &mut Sink) {
    let Some(p) = &report.problems else { return };
    // Only when section 六 follows: a page cut short inside 五 is not the report's fault.
    if report.other_matters.is_none() {
        return;
    }
    let parts: Vec<&str> = [&p.summary, &p.problems, &p.improvements, &p.measures]
        .into_iter()
        .flatten()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let bare = match parts.as_slice() {
        [] => "",
        [one] => one.trim_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '.')),
        _ => "…",
    };
    // Two sentences of four characters or more are enough; counting stops there.
    let sentences = parts
        .iter()
        .flat_map(|t| t.split(['。', '！', '？', '；', '\n']))
        .filter(|s| s.trim().chars().nth(3).is_some())
        .take(2)
        .count();
    let what = if bare.is_empty() {
        ("为空", "is empty")
    } else if bare == "无" || bare == "暂无" {
        ("只写了“无”", "only says 无")
    } else if sentences <= 1 {
        ("只有一句话", "is a single sentence")
    } else {
        return;
    };
    sink.push(Draft::new(
        "problems.not_filled",
        "/problems",
        format!("第五部分“存在的主要问题及改进情况”{}：应写明存在的问题、上年问题的整改情况和改进措施。", what.0),
        format!(
            "Section 五、存在的主要问题及改进情况 {}: it should state the problems, how last year's were dealt with, and the measures planned.",
            what.1
        ),
    ));
}

fn sections_missing(report: &Report, sink: &mut Sink) {
    for sec in report.form().sections() {
        if !report.has_section(sec.id) {
            sink.push(Draft::new(
                "structure.section_missing",
                format!("/{}", sec.key),
                format!("缺少第{}部分“{}”。", sec.number, sec.heading()),
                format!("Section {} is missing.", sec.heading()),
            ));
        }
    }
}

/// The edition in force for the report year, against the one the report uses.
fn edition_for_year(report: &Report, year: i32, sink: &mut Sink) {
    let edition = report.edition();
    let expected = Edition::for_report_year(year);
    if edition == expected {
        return;
    }
    let (used, due) = (edition.facts(), expected.facts());
    let (code, zh, en) = if i32::from(used.first_year) > year {
        (
            "structure.edition_too_new",
            format!(
                "{year}年度报告不能使用{}（{}自{}年度报告起施行）。",
                used.short_name, used.notice, used.first_year
            ),
            format!(
                "A {year} report cannot use {}, which applies from report year {}.",
                used.english_name, used.first_year
            ),
        )
    } else {
        (
            "structure.edition_year",
            format!(
                "{year}年度报告仍使用{}，应使用{}（{}）。",
                used.short_name, due.short_name, due.notice
            ),
            format!(
                "A {year} report still uses {}; {} applies.",
                used.english_name, due.english_name
            ),
        )
    };
    sink.push(Draft::new(code, "/edition", zh, en).values(
        Observed::Text(expected.tag().into()),
        Observed::Text(edition.tag().into()),
    ));
}

fn period(report: &Report, year: i32, sink: &mut Sink) {
    let (Some(p), Some(want)) = (report.period, Period::calendar_year(year)) else {
        return;
    };
    if p == want {
        return;
    }
    sink.push(
        Draft::new(
            "structure.period_mismatch",
            "/period",
            format!(
                "统计期限为{}至{}，应为{year}年1月1日至{year}年12月31日。",
                p.start, p.end
            ),
            format!(
                "The statistics period is {} to {}; it should be the calendar year {year}.",
                p.start, p.end
            ),
        )
        .values(
            Observed::Text(format!("{}/{}", want.start, want.end)),
            Observed::Text(format!("{}/{}", p.start, p.end)),
        ),
    );
}

/// The deadline of the edition for the issuer (the latest one when the issuer is unknown).
fn deadline(report: &Report, year: i32) -> Option<NaiveDate> {
    let d = report.edition().facts();
    let (month, day) = match report.issuer {
        Some(Issuer::Department) => d.deadlines.department,
        Some(Issuer::PeoplesGovernment) | None => d.deadlines.government,
    };
    NaiveDate::from_ymd_opt(year + 1, month, day)
}

fn late_publication(report: &Report, year: i32, sink: &mut Sink) {
    let (Some(published), Some(due)) = (report.published, deadline(report, year)) else {
        return;
    };
    if published <= due {
        return;
    }
    let who = match report.issuer {
        Some(Issuer::Department) => ("政府部门", "a department"),
        Some(Issuer::PeoplesGovernment) => ("人民政府", "a people's government"),
        None => (
            "（未注明发布机关类型，按最晚期限）",
            "(issuer unknown: latest deadline)",
        ),
    };
    let days = (published - due).num_days();
    sink.push(
        Draft::new(
            "structure.late_publication",
            "/published",
            format!(
                "{}于{published}发布，晚于{}的法定期限{}年{}月{}日（{days}天）。",
                report.agency(),
                who.0,
                due.year(),
                due.month(),
                due.day()
            ),
            format!(
                "Published on {published}, {days} days after the deadline of {due} for {}.",
                who.1
            ),
        )
        .values(
            Observed::Text(due.to_string()),
            Observed::Text(published.to_string()),
        ),
    );
}

fn tables_declared_none(report: &Report, sink: &mut Sink) {
    let form = report.form();
    for (table, id) in [
        (TableId::Proactive, SectionId::Proactive),
        (TableId::Requests, SectionId::Requests),
        (TableId::Review, SectionId::Review),
    ] {
        if report.tables.presence(table) != Presence::DeclaredNone {
            continue;
        }
        let sec = form.section(id);
        // Common in published reports: the messages are joined from their parts, without the
        // formatting machinery.
        sink.push(Draft::new(
            "structure.table_declared_none",
            ["/", sec.key].concat(),
            [
                "第",
                sec.number,
                "部分以“无”代替表格；年报格式要求填报表格，无数据的填 0。",
            ]
            .concat(),
            [
                "Section ",
                sec.number,
                "、",
                sec.title,
                " replaces its table by 无; the form asks for the table, with zeros where nothing happened.",
            ]
            .concat(),
        ));
    }
}

/// Section 六: a report with fee-unpaid requests (（六）2.) should explain 信息处理费.
pub(super) fn fee_not_mentioned(report: &Report, sink: &mut Sink) {
    let form = report.form();
    let nonzero = |c: &&ApplicantColumn| {
        count(
            report,
            CellId::Requests(RequestRow::OtherOverdueFeeUnpaid, **c),
        )
        .and_then(|c| c.get())
        .is_some_and(|v| v > 0)
    };
    if !ApplicantColumn::ALL.iter().any(|c| nonzero(&c)) {
        return;
    }
    let mentions = report
        .other_matters
        .as_deref()
        .is_some_and(|t| t.contains("信息处理费"));
    if mentions {
        return;
    }
    let nonzero: Vec<String> = ApplicantColumn::ALL
        .iter()
        .filter(nonzero)
        .filter_map(|c| form.requests.pointer(RequestRow::OtherOverdueFeeUnpaid, *c))
        .collect();
    let row = form
        .requests
        .row(RequestRow::OtherOverdueFeeUnpaid)
        .map(|r| {
            let group = r
                .groups
                .last()
                .map_or(String::new(), |g| g.number.to_owned());
            format!("{group}{}", r.number)
        })
        .unwrap_or_default();
    sink.push(
        Draft::new(
            "other_matters.fee_not_mentioned",
            "/other_matters",
            format!("表三{row}（逾期未缴纳费用）不为 0，第六部分应说明信息处理费收取情况，但未提及“信息处理费”。"),
            format!("Section 三 {row} (fee not paid) is not zero, but section 六 does not mention 信息处理费."),
        )
        .cells(nonzero),
    );
}
