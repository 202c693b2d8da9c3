//! Findings on real published reports: every mistake that `../shared/corpus/README.md` records in
//! its arithmetic column and a machine can check is found, where it is, and the consistent
//! reports give no finding that a reviewer would have to dismiss.
//!
//! The table below is written by hand from the reports' own text (and, for the PDF, its page
//! images), following the corpus README's notes; it is not output of the crate.

mod common;

use zfxxgk::read;
use zfxxgk::validate::{self, Severity};

/// Each real report, and every error and warning it must give (code, JSON Pointer), besides
/// `structure.section_missing` for the sections an excerpt cut short lacks.
const EXPECTED: &[(&str, &[(&str, &str)])] = &[
    // 行政许可 1215 / -35 / 1180: 处理决定数量 = 上一年 + 增减 exactly (an item count as decisions).
    (
        "real/002.txt",
        &[(
            "proactive.decisions_equal_item_count",
            "/proactive/licensing/decisions",
        )],
    ),
    // 主动公开 8769条, but 2100 + 5469 + 1600余 + 600余 > 9769.
    (
        "real/004.txt",
        &[("overview.breakdown_sum", "/overview/summary")],
    ),
    ("real/006.txt", &[]),
    // 行政许可 339 / +123 / 462 as in 002; 行政处罚 and 行政强制 with 上一年项目数量 left empty.
    (
        "real/008.txt",
        &[
            (
                "proactive.decisions_equal_item_count",
                "/proactive/licensing/decisions",
            ),
            ("table.blank_cells", "/proactive"),
        ],
    ),
    // 主动公开信息411条, but 307 + 97 + 3 = 407.
    (
        "real/010.txt",
        &[("overview.breakdown_sum", "/overview/proactive")],
    ),
    ("real/012.txt", &[]),
    // The dropped cell of 行政事业性收费 is the reader's to log, not a finding (below).
    ("real/014.txt", &[]),
    ("real/016.txt", &[]),
    // 主动公开9条 包括 1 + 7 = 8.
    (
        "real/018.txt",
        &[("overview.breakdown_sum", "/overview/proactive")],
    ),
    // 3 + 7 + 40 + 7 + 2 + 33 = 92, and every share agrees as printed.
    ("real/020.txt", &[]),
    ("real/022.txt", &[]),
    ("real/024.txt", &[]),
    ("real/026.txt", &[]),
    ("real/028.txt", &[]),
    ("real/030.txt", &[]),
    // 建议提案40件, but 其中 13 + 17 = 30 (an error); 主动公开583条 with a part without a number
    // (财政预决算条: an info, not an error).
    (
        "real/032.txt",
        &[("overview.breakdown_sum", "/overview/summary")],
    ),
    // Text 2 + 2 + 1 + 2 + 1 = 8 = table 新收 8; the 规章 现行有效件数 cell is blank.
    ("real/034.txt", &[("table.blank_cells", "/proactive")]),
    // 审计信息栏目 20条 in （一）, the same 审计信息专栏 16条 in （四）.
    ("real/036.txt", &[("prose.conflict", "/overview/platform")]),
    // 44 received and 39 办结: the excerpt states no 结转, so nothing to check.
    ("real/038.txt", &[]),
    ("real/040.txt", &[]),
    ("real/042.txt", &[]),
    ("real/044.txt", &[]),
    // 862 + 171 + 13 = 1046, shares as printed.
    ("real/046.txt", &[]),
    // 全市各级政府及部门…804件 is a wider scope than the city government's table.
    ("real/048.txt", &[]),
    ("real/050.txt", &[]),
    // Table 四 as published: 行政复议 10 + 1 with 总计 0; 复议后起诉 5 with 总计 0.
    (
        "pdf/hongze-2023.pdf",
        &[
            ("review.total", "/review/reconsideration/total"),
            (
                "review.total",
                "/review/litigation_after_reconsideration/total",
            ),
        ],
    ),
    (
        "pdf/hongze-2024.pdf",
        &[("prose.table_mismatch", "/overview/requests")],
    ),
];

fn read(rel: &str) -> read::Reading {
    let bytes = std::fs::read(common::fixtures().join(rel)).unwrap();
    read::read_bytes(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_documented_mistake_is_found_and_nothing_else() {
    let mut failures = Vec::new();
    for (file, want) in EXPECTED {
        let reading = read(file);
        let v = validate::validate(&reading.report);
        let mut got: Vec<(&str, &str)> = v
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info && f.code != "structure.section_missing")
            .map(|f| (&*f.code, f.pointer.as_str()))
            .collect();
        let mut want = want.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            failures.push(format!("{file}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_real_report_in_the_fixtures_is_in_the_table() {
    let dir = common::fixtures().join("real");
    for e in std::fs::read_dir(&dir).unwrap() {
        let name = format!("real/{}", e.unwrap().file_name().to_string_lossy());
        assert!(
            EXPECTED.iter().any(|(f, _)| *f == name),
            "{name} has no row"
        );
    }
}

/// 032's breakdown with a part that has no number cannot be summed: an info, once.
#[test]
fn a_breakdown_part_without_a_number_is_an_info() {
    let v = validate::validate(&read("real/032.txt").report);
    let f: Vec<_> = v.with_code("overview.breakdown_incomplete").collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Info);
    assert!(f[0].message_zh.contains("财政预决算"));
}

/// 014: 行政事业性收费 has one value for its two columns; which is unknown, so neither is read,
/// and the log says so (a reader's doubt is never blamed on the report).
#[test]
fn a_dropped_cell_is_logged_not_blamed() {
    let reading = read("real/014.txt");
    assert!(
        reading
            .log
            .warnings()
            .any(|e| e.message.contains("行政事业性收费") && e.message.contains("1 of 2 cells")),
        "{:#?}",
        reading.log.warnings().collect::<Vec<_>>()
    );
    let v = validate::validate(&reading.report);
    assert!(
        v.findings
            .iter()
            .all(|f| !f.pointer.starts_with("/proactive/fees"))
    );
}
