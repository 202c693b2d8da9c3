//! Property tests over generated reports of both editions: the JSON round trip, the text and
//! HTML write-then-read round trips, and validation that is total, deterministic, silent on a
//! balanced report and loud at any single changed cell.

mod common;

use proptest::prelude::*;
use zfxxgk::cell::{Amount, Money, MoneyUnit};
use zfxxgk::form::{CellKind, TableId};
use zfxxgk::report::{CellMut, Presence};
use zfxxgk::{Cell, CellId, Edition, Report, validate};

fn count() -> impl Strategy<Value = Cell<u64>> {
    prop_oneof![
        6 => (0u64..2000).prop_map(Cell::Value),
        1 => Just(Cell::Value(0)),
        1 => (u64::MAX - 3..=u64::MAX).prop_map(Cell::Value),
        1 => Just(Cell::Blank),
        1 => Just(Cell::NotApplicable),
    ]
}

fn delta() -> impl Strategy<Value = Cell<i64>> {
    prop_oneof![
        6 => (-500i64..500).prop_map(Cell::Value),
        1 => prop_oneof![Just(i64::MIN), Just(i64::MAX)].prop_map(Cell::Value),
        1 => Just(Cell::Blank),
        1 => Just(Cell::NotApplicable),
    ]
}

/// An amount with 0–4 decimal places, scale kept.
fn amount() -> impl Strategy<Value = Amount> {
    (0u64..1_000_000_000_000, 0usize..=4).prop_map(|(units, scale)| {
        let s = if scale == 0 {
            units.to_string()
        } else {
            let digits = format!("{units:0>width$}", width = scale + 1);
            let (int, frac) = digits.split_at(digits.len() - scale);
            format!("{int}.{frac}")
        };
        s.parse().unwrap()
    })
}

fn money() -> impl Strategy<Value = Cell<Money>> {
    let unit = prop_oneof![
        Just(None),
        Just(Some(MoneyUnit::Yuan)),
        Just(Some(MoneyUnit::WanYuan))
    ];
    prop_oneof![
        6 => (amount(), unit).prop_map(|(amount, unit)| Cell::Value(Money { amount, unit })),
        1 => Just(Cell::Blank),
        1 => Just(Cell::NotApplicable),
    ]
}

/// A whole report: metadata and narrative from a fixture of the edition, every table cell drawn.
fn report(edition: Edition) -> impl Strategy<Value = Report> {
    let base = common::base_fixture(edition);
    let n = base.form().cells().count();
    (
        proptest::collection::vec(count(), n),
        proptest::collection::vec(delta(), n),
        proptest::collection::vec(money(), n),
        0u8..10,
    )
        .prop_map(move |(counts, deltas, mut monies, none)| {
            let mut r = base.clone();
            let ids: Vec<(CellId, CellKind)> = r.form().cells().map(|c| (c.id, c.kind)).collect();
            for (i, (id, kind)) in ids.iter().enumerate() {
                // Where the column header fixes the unit, an amount without one cannot be told
                // from one in the header's unit once written out.
                if let (CellKind::Money(Some(header)), Cell::Value(m)) = (kind, &mut monies[i]) {
                    m.unit.get_or_insert(*header);
                }
                match r.cell_mut(*id) {
                    Some(CellMut::Count(c)) => *c = counts[i],
                    Some(CellMut::Delta(c)) => *c = deltas[i],
                    Some(CellMut::Money(c)) => *c = monies[i],
                    None => {}
                }
            }
            // Now and then a table replaced by 无.
            if none == 0 {
                r.tables
                    .set_presence(TableId::Requests, Presence::DeclaredNone);
            }
            if none == 1 {
                r.tables
                    .set_presence(TableId::Review, Presence::DeclaredNone);
            }
            r
        })
}

/// A report of any edition.
fn any_report() -> impl Strategy<Value = Report> {
    proptest::sample::select(Edition::ALL.to_vec()).prop_flat_map(report)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trips(r in any_report()) {
        let text = zfxxgk::json::to_string_pretty(&r);
        let back = zfxxgk::json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &r);
        prop_assert_eq!(zfxxgk::json::to_string_pretty(&back), text);
    }

    #[test]
    fn text_round_trips(r in any_report()) {
        let back = zfxxgk::read::read_text(&zfxxgk::write::to_text(&r));
        prop_assert_eq!(back.report, r);
    }

    #[cfg(feature = "html")]
    #[test]
    fn html_round_trips(r in any_report()) {
        let back = zfxxgk::read::read_html(&zfxxgk::write::to_html(&r, None));
        prop_assert_eq!(back.report, r);
    }

    #[test]
    fn validation_is_total_and_deterministic(r in any_report()) {
        let a = validate::validate(&r);
        let b = validate::validate(&r);
        prop_assert_eq!(&a, &b);
        let pa = validate::validate_pair(zfxxgk::validate::Pair { prior: &r, current: &r });
        prop_assert_eq!(pa, validate::validate_pair(zfxxgk::validate::Pair { prior: &r, current: &r }));
    }
}

/// A balanced section 三 and 四 built from random leaf counts.
fn balanced(edition: Edition) -> impl Strategy<Value = Report> {
    let base = common::base_fixture(edition);
    (
        proptest::collection::vec(0u64..50, 25 * 6),
        proptest::collection::vec(0u64..50, 12),
        proptest::collection::vec(0u64..5, 6),
    )
        .prop_map(move |(leaves, review, carried)| {
            let mut r = base.clone();
            common::balance::balance(
                &mut r,
                |k, j| leaves[k * 6 + j],
                3,
                |j| carried[j],
                |g, k| review[g * 4 + k],
            );
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_balanced_report_has_no_error_and_any_changed_cell_is_found(
        r in proptest::sample::select(Edition::ALL.to_vec()).prop_flat_map(balanced),
        pick in any::<prop::sample::Index>(),
        up in any::<bool>(),
    ) {
        let v = validate::validate(&r);
        prop_assert!(!v.has_errors(), "{:#?}", v.findings);
        let ids: Vec<CellId> = r.form().cells().map(|c| c.id).filter(|id| id.table() != TableId::Proactive).collect();
        let id = ids[pick.index(ids.len())];
        let pointer = r.form().cell(id).unwrap().pointer();
        let mut changed = r.clone();
        if let Some(CellMut::Count(c)) = changed.cell_mut(id) {
            let v = c.get().unwrap();
            *c = Cell::Value(if up || v == 0 { v + 1 } else { v - 1 });
        }
        let v = validate::validate(&changed);
        prop_assert!(
            v.errors().any(|f| f.pointer == pointer || f.cells.contains(&pointer)),
            "{pointer}: {:#?}", v.findings
        );
    }
}

/// White space between values, as copies and PDF text put it: spaces, tabs, an ideographic
/// space, a no-break space, runs of them.
fn gap() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just(" "),
            Just("\t"),
            Just("\u{3000}"),
            Just("\u{a0}"),
            Just("  ")
        ],
        1..4,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Numbers that white space separates are separate values, always: a row of section 三
    /// printed as its label and values on one line (`pdftotext -layout`) reads its seven values
    /// into its seven cells when it has seven, and none at all otherwise; never two digits
    /// joined (`4 0 0 0 0 0 4` is never 4000004).
    #[test]
    fn values_that_white_space_separates_are_never_joined(
        values in prop::collection::vec(0u64..1000, 1..12),
        gaps in prop::collection::vec(gap(), 12),
        edition in prop::sample::select(Edition::ALL.to_vec()),
    ) {
        let mut line = String::from("一、本年新收政府信息公开申请数量");
        for (v, g) in values.iter().zip(&gaps) {
            line.push_str(g);
            line.push_str(&v.to_string());
        }
        let text = format!("某局{}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n{line}\n", edition.facts().first_year);
        let r = zfxxgk::read::read_text(&text).report;
        let row: Vec<Option<u64>> = zfxxgk::form::ApplicantColumn::ALL
            .iter()
            .map(|c| match r.cell(CellId::Requests(zfxxgk::form::RequestRow::NewReceived, *c)) {
                Some(zfxxgk::report::CellRef::Count(c)) => c.get(),
                _ => None,
            })
            .collect();
        if values.len() == 7 {
            let want: Vec<Option<u64>> = values.iter().map(|v| Some(*v)).collect();
            prop_assert_eq!(row, want, "{}", line);
        } else {
            prop_assert!(row.iter().all(Option::is_none), "{} gave {:?}", line, row);
        }
    }
}

/// Ways the prose states each declared measure, `{}` for its number (`form::measures::MEASURES`).
const PHRASINGS: &[(&str, &[&str])] = &[
    (
        "requests.new_received",
        &[
            "本年度共收到政府信息公开申请{}件",
            "全年新收政府信息公开申请{}件",
            "我单位接收政府信息公开申请{}件",
        ],
    ),
    (
        "requests.carried_over",
        &["上年结转政府信息公开申请{}件", "上年度结转申请{}件"],
    ),
    (
        "requests.processed",
        &["全年办结政府信息公开申请{}件", "本年度已办结{}件"],
    ),
    (
        "requests.carried_forward",
        &["结转下年度继续办理{}件", "结转至下一年度办理的申请{}件"],
    ),
    ("requests.granted", &["予以公开{}件", "同意公开{}件"]),
    (
        "requests.partly_granted",
        &["部分公开{}件", "区分处理后部分公开{}件"],
    ),
    ("requests.denied", &["不予公开{}件", "决定不予公开的{}件"]),
    (
        "requests.unable",
        &["无法提供{}件", "因信息不存在等原因无法提供{}件"],
    ),
    ("requests.not_processed", &["不予处理{}件"]),
    (
        "requests.other_handling",
        &["其他处理{}件", "作其他处理的{}件"],
    ),
    (
        "review.reconsideration",
        &["发生政府信息公开行政复议{}件", "被申请行政复议{}件"],
    ),
    (
        "review.litigation",
        &["发生政府信息公开行政诉讼{}件", "被提起行政诉讼{}件"],
    ),
    (
        "proactive.rules.issued",
        &["本年新制定规章{}件", "制发规章{}件"],
    ),
    ("proactive.rules.repealed", &["废止规章{}件"]),
    (
        "proactive.rules.in_force",
        &["现行有效规章{}件", "现行有效的规章{}件"],
    ),
    (
        "proactive.normative_documents.in_force",
        &["现行有效行政规范性文件{}件", "现行有效的规范性文件{}件"],
    ),
    (
        "proactive.normative_documents.issued",
        &["本年制发行政规范性文件{}件", "印发规范性文件{}件"],
    ),
    (
        "proactive.normative_documents.repealed",
        &["废止规范性文件{}件", "废止行政规范性文件{}件"],
    ),
    ("proactive.licensing.decisions", &["作出行政许可决定{}件"]),
    (
        "proactive.penalty.decisions",
        &["作出行政处罚决定{}件", "行政处罚决定{}件"],
    ),
    ("proactive.coercion.decisions", &["作出行政强制决定{}件"]),
];

/// The sum of a measure's cells in a report, when every one holds a count.
fn measure_sum(r: &Report, cells: &[CellId]) -> Option<u64> {
    cells.iter().try_fold(0u64, |acc, id| match r.cell(*id)? {
        zfxxgk::report::CellRef::Count(c) => acc.checked_add(c.get()?),
        _ => None,
    })
}

/// The report with its prose replaced by sentences stating every declared measure its form has,
/// from its own tables, each in the phrasing `pick` chooses, spread over the narrative fields.
fn written_from_tables(r: &Report, pick: &[usize]) -> (Report, Vec<(&'static str, Vec<CellId>)>) {
    let mut out = r.clone();
    out.preamble = None;
    out.other_matters = None;
    out.problems = None;
    let mut fields: [Vec<String>; 3] = Default::default();
    let mut stated = Vec::new();
    for (k, m) in zfxxgk::form::measures::MEASURES.iter().enumerate() {
        let Some(cells) = m.cells.resolve(r.form()) else {
            continue;
        };
        let Some(n) = measure_sum(r, &cells) else {
            continue;
        };
        let phrasings = PHRASINGS
            .iter()
            .find(|(id, _)| *id == m.id)
            .unwrap_or_else(|| panic!("no phrasing for {}", m.id))
            .1;
        let p = phrasings[pick[k] % phrasings.len()];
        fields[pick[k] % 3].push(p.replace("{}", &n.to_string()));
        stated.push((m.id, cells));
    }
    let join = |v: &Vec<String>| (!v.is_empty()).then(|| format!("{}。", v.join("。")));
    out.overview = Some(zfxxgk::report::Overview {
        requests: join(&fields[0]),
        summary: join(&fields[1]),
        ..Default::default()
    });
    out.other_matters = join(&fields[2]);
    (out, stated)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Prose written from a report's own tables (every declared measure, in several phrasings)
    /// gives no prose finding; one table cell changed makes that measure's mismatch fire, at
    /// that cell.
    #[test]
    fn prose_written_from_the_tables_agrees_and_a_changed_cell_is_found(
        r in proptest::sample::select(Edition::ALL.to_vec()).prop_flat_map(balanced),
        pick in proptest::collection::vec(0usize..6, 32),
        which in any::<prop::sample::Index>(),
        cell in any::<prop::sample::Index>(),
    ) {
        let (r, stated) = written_from_tables(&r, &pick);
        prop_assert!(stated.len() >= 12, "{} measures", stated.len());
        let v = validate::validate(&r);
        let prose: Vec<_> = v.findings.iter().filter(|f| f.code.starts_with("prose.")).collect();
        prop_assert!(prose.is_empty(), "{:?}\n{:#?}", r.overview, prose);
        // Change one cell of one stated measure.
        let (measure, cells) = &stated[which.index(stated.len())];
        let id = cells[cell.index(cells.len())];
        let pointer = r.form().cell(id).unwrap().pointer();
        let mut changed = r.clone();
        if let Some(CellMut::Count(c)) = changed.cell_mut(id) {
            *c = Cell::Value(c.get().unwrap() + 1);
        }
        let v = validate::validate(&changed);
        prop_assert!(
            v.with_code("prose.table_mismatch").any(|f| f.cells.contains(&pointer)),
            "{measure} at {pointer}: {:?}\n{:#?}", r.overview, v.findings
        );
    }
}
