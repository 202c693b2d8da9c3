//! The single-report rules other than the table sums: section 二, section 一 breakdowns,
//! structure, and section 六.

use chrono::{Datelike, NaiveDate};

use super::{Draft, Observed, Sink};
use crate::cell::{Cell, Figure, MoneyUnit};
use crate::form::{ApplicantColumn, ProactiveColumn as PC, ProactiveRow as PR, SectionId};
use crate::report::{
    CellRef, Issuer, Period, Proactive2019, Proactive2021, Report, TableData, TableState,
};
use crate::with_report;

fn ptr(edition_form: &crate::form::Form, r: PR, c: PC) -> String {
    edition_form.proactive.pointer(r, c).unwrap_or_default()
}

/// The official label of a section 二 column in a row's block (`上一年项目数量`), without a
/// trailing unit note (`本年收费金额（单位：万元）` → `本年收费金额`).
fn col(edition_form: &crate::form::Form, r: PR, c: PC) -> &'static str {
    let l = edition_form.proactive.column(r, c).map_or("", |d| d.label);
    l.split('（').next().unwrap_or(l)
}

fn label(edition_form: &crate::form::Form, r: PR, c: PC) -> String {
    edition_form
        .proactive
        .cell(r, c)
        .map(|d| format!("{}“{}”", d.row.name, d.column.label))
        .unwrap_or_default()
}

/// 2019 section 二.
pub(super) fn proactive_2019(p: &Proactive2019, sink: &mut Sink) {
    let f = crate::form::form(crate::Edition::Trial2019);
    for row in [
        PR::Licensing,
        PR::OtherServices,
        PR::Penalty,
        PR::Coercion,
        PR::Fees,
    ] {
        let prev = match p.cell(row, PC::PreviousItems) {
            Some(CellRef::Count(c)) => *c,
            _ => continue,
        };
        let change = match p.cell(row, PC::Change) {
            Some(CellRef::Delta(c)) => *c,
            _ => continue,
        };
        let cells = || vec![ptr(f, row, PC::PreviousItems), ptr(f, row, PC::Change)];
        // The labels are looked up only for a finding.
        let labels = || (col(f, row, PC::PreviousItems), col(f, row, PC::Change));
        let (Cell::Value(prev), Cell::Value(change)) = (prev, change) else {
            if prev.is_blank() || change.is_blank() {
                let (prev_l, change_l) = labels();
                let name = f.proactive.row(row).map_or("", |r| r.name);
                sink.push(
                    Draft::new(
                        "proactive.item_count_unchecked",
                        format!("/proactive/{}", f.proactive.row(row).map_or("", |r| r.key)),
                        format!("{name}的“{prev_l}”或“{change_l}”为空，无法核对本年项目数量。"),
                        format!("{name}: {prev_l} or {change_l} is blank, so this year's item count cannot be checked."),
                    )
                    .cells(cells()),
                );
            }
            continue;
        };
        let current = i128::from(prev) + i128::from(change);
        let name = || f.proactive.row(row).map_or("", |r| r.name);
        if current < 0 {
            let ((prev_l, change_l), name) = (labels(), name());
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
        if let Some(CellRef::Count(Cell::Value(decisions))) = p.cell(row, PC::Decisions) {
            if change != 0 && prev > 0 && current > 0 && i128::from(*decisions) == current {
                let ((prev_l, change_l), name) = (labels(), name());
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
    for (row, r) in [
        (PR::Rules, &p.rules),
        (PR::NormativeDocuments, &p.normative_documents),
    ] {
        if let (Cell::Value(new), Cell::Value(total)) = (r.newly_published, r.total_published) {
            if new > total {
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
    }
    if let (Cell::Value(0), Cell::Value(m)) = (p.procurement.projects, p.procurement.amount) {
        if !m.amount.decimal().is_zero() {
            let proc_l = f.proactive.row(PR::Procurement).map_or("", |r| r.name);
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
    }
}

/// Amounts of 万元 at or above this look as if they were entered in 元 (10 000 000 万元 is 1000亿元).
const IMPLAUSIBLE_WAN_YUAN: u64 = 10_000_000;

/// 2021 section 二.
pub(super) fn proactive_2021(p: &Proactive2021, sink: &mut Sink) {
    let f = crate::form::form(crate::Edition::Format2021);
    for (row, r) in [
        (PR::Rules, &p.rules),
        (PR::NormativeDocuments, &p.normative_documents),
    ] {
        if let (Cell::Value(issued), Cell::Value(in_force), Cell::Value(repealed)) =
            (r.issued, r.in_force, r.repealed)
        {
            let bound = u128::from(in_force) + u128::from(repealed);
            if u128::from(issued) > bound {
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
    }
    if let Cell::Value(m) = p.fees.amount {
        let pointer = || ptr(f, PR::Fees, PC::Amount);
        let fee_l = col(f, PR::Fees, PC::Amount);
        if m.unit == Some(MoneyUnit::Yuan) {
            sink.push(Draft::new(
                "proactive.fee_unit",
                pointer(),
                format!("{fee_l}的单位为万元，但填报为“{m}”（元）；请换算为万元。"),
                format!("{fee_l} is in 万元, but {m} was entered in 元; convert it to 万元."),
            ));
        } else if m.amount.decimal() >= rust_decimal::Decimal::from(IMPLAUSIBLE_WAN_YUAN) {
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
}

/// Section 一: every figure with parts must be able to equal the sum of its parts.
pub(super) fn overview(report: &Report, sink: &mut Sink) {
    if let Some(o) = report.overview() {
        let mut path = Vec::new();
        for (i, f) in o.figures.iter().enumerate() {
            path.push(i);
            figure(f, &mut path, sink);
            path.pop();
        }
    }
}

/// The JSON Pointer of the figure at `path` (indices into `figures`, then `parts`).
fn figure_pointer(path: &[usize]) -> String {
    let mut p = String::from("/overview/figures");
    for (k, i) in path.iter().enumerate() {
        if k > 0 {
            p.push_str("/parts");
        }
        p.push('/');
        p.push_str(&i.to_string());
    }
    p
}

fn figure(f: &Figure, path: &mut Vec<usize>, sink: &mut Sink) {
    for (j, part) in f.parts.iter().enumerate() {
        path.push(j);
        figure(part, path, sink);
        path.pop();
    }
    if f.parts.is_empty() {
        return;
    }
    let (tmin, tmax) = f.quantity.bounds();
    let mut pmin: u128 = 0;
    let mut pmax: Option<u128> = Some(0);
    let mut exact = f.quantity.bounds().0 == f.quantity.bounds().1;
    for part in &f.parts {
        let (lo, hi) = part.quantity.bounds();
        exact &= lo.is_some() && lo == hi;
        pmin = pmin.saturating_add(u128::from(lo.unwrap_or(0)));
        pmax = match (pmax, hi) {
            (Some(a), Some(b)) => a.checked_add(u128::from(b)),
            _ => None,
        };
    }
    let tmin_v = u128::from(tmin.unwrap_or(0));
    let fits = pmax.is_none_or(|pm| tmin_v <= pm) && tmax.is_none_or(|tm| pmin <= u128::from(tm));
    if fits {
        return;
    }
    let parts_text: Vec<String> = f
        .parts
        .iter()
        .map(|p| format!("{}{}", p.label, p.quantity))
        .collect();
    let total = f.quantity.to_string();
    let (expected, zh_sum, en_sum) = if exact {
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
    };
    let actual = if f.quantity.approx == crate::cell::Approx::Exact {
        Observed::Integer(i128::from(f.quantity.value))
    } else {
        Observed::Text(total.clone())
    };
    let pointer = figure_pointer(path);
    let cells = (0..f.parts.len())
        .map(|j| format!("{pointer}/parts/{j}"))
        .collect();
    sink.push(
        Draft::new(
            "overview.breakdown_sum",
            pointer,
            format!(
                "{}{}，但所列各项（{}）合计{}，与总数不符。",
                f.label,
                total,
                parts_text.join("、"),
                zh_sum
            ),
            format!(
                "{} is {}, but its parts ({}) add up to {}.",
                f.label,
                total,
                parts_text.join(", "),
                en_sum
            ),
        )
        .cells(cells)
        .values(expected, actual),
    );
}

fn deadline(year: i32, issuer: Option<Issuer>) -> Option<NaiveDate> {
    match issuer {
        Some(Issuer::Department) => NaiveDate::from_ymd_opt(year + 1, 1, 31),
        Some(Issuer::PeoplesGovernment) | None => NaiveDate::from_ymd_opt(year + 1, 3, 31),
    }
}

/// Structure: sections, edition against year, period, deadline, tables replaced by 无.
pub(super) fn structure(report: &Report, sink: &mut Sink) {
    let form = report.form();
    for sec in form.sections() {
        if !report.has_section(sec.id) {
            sink.push(Draft::new(
                "structure.section_missing",
                format!("/{}", sec.key),
                format!("缺少第{}部分“{}”。", sec.number, sec.heading()),
                format!("Section {} is missing.", sec.heading()),
            ));
        }
    }
    let year = i32::from(report.year());
    let edition = report.edition();
    let expected = crate::Edition::for_report_year(year);
    if edition != expected {
        let (code, zh, en) = if edition > expected {
            (
                "structure.edition_too_new",
                format!(
                    "{year}年度报告不能使用2021年格式（国办公开办函〔2021〕30号自2021年度报告起施行）。"
                ),
                format!(
                    "A {year} report cannot use the 2021 format, which applies from report year 2021."
                ),
            )
        } else {
            (
                "structure.edition_year",
                format!(
                    "{year}年度报告仍使用2019年试行格式，应使用2021年格式（国办公开办函〔2021〕30号）。"
                ),
                format!(
                    "A {year} report still uses the 2019 trial format; the 2021 format applies."
                ),
            )
        };
        sink.push(Draft::new(code, "/edition", zh, en).values(
            Observed::Text(expected.tag().into()),
            Observed::Text(edition.tag().into()),
        ));
    }
    if let (Some(p), Some(want)) = (report.period(), Period::calendar_year(year)) {
        if p != want {
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
    }
    if let (Some(published), Some(due)) = (report.published(), deadline(year, report.issuer())) {
        if published > due {
            let who = match report.issuer() {
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
    }
    let replaced = [
        (SectionId::Requests, report.requests_declared_none()),
        (
            SectionId::Review,
            matches!(report.review(), Some(TableState::DeclaredNone)),
        ),
    ];
    for (id, declared_none) in replaced {
        if declared_none {
            let sec = form.section(id);
            // Common in published reports: the messages are joined from their parts, without
            // the formatting machinery.
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
}

/// Section 六: a 2021 report with fee-unpaid requests should explain 信息处理费.
pub(super) fn other_matters(report: &Report, sink: &mut Sink) {
    let Report::Format2021(r) = report else {
        return;
    };
    let Some(TableState::Filled(t)) = &r.requests else {
        return;
    };
    let row = &t.other_handling.overdue_fee_unpaid;
    let is_nonzero = |c: &&ApplicantColumn| row.get(**c).get().is_some_and(|v| v > 0);
    if !ApplicantColumn::ALL.iter().any(|c| is_nonzero(&c)) {
        return;
    }
    let mentions = with_report!(report, r => r.other_matters.as_deref())
        .is_some_and(|t| t.contains("信息处理费"));
    if !mentions {
        let form = report.form();
        let nonzero: Vec<String> = ApplicantColumn::ALL
            .iter()
            .filter(is_nonzero)
            .filter_map(|c| {
                form.requests
                    .pointer(crate::form::RequestRow::OtherOverdueFeeUnpaid, *c)
            })
            .collect();
        sink.push(
            Draft::new(
                "other_matters.fee_not_mentioned",
                "/other_matters",
                "表三（六）2.（逾期未缴纳费用）不为 0，第六部分应说明信息处理费收取情况，但未提及“信息处理费”。".to_owned(),
                "Section 三 （六）2. (fee not paid) is not zero, but section 六 does not mention 信息处理费.".to_owned(),
            )
            .cells(nonzero),
        );
    }
}
