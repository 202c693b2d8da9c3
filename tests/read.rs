//! The readers: the seed and synthetic reports in every layout read back into their JSON
//! fixtures; real published reports give the cells and figures a person reads in them, and the
//! mistakes they contain come out as findings.

mod common;

use std::path::{Path, PathBuf};

use zfxxgk::form::{
    ApplicantColumn as A, ProactiveColumn as PC, ProactiveRow as PR, RequestRow as RR,
};
use zfxxgk::read::{self, EntryKind, Location, Reading};
use zfxxgk::report::{CellMut, CellRef};
use zfxxgk::validate;
use zfxxgk::{Approx, Cell, CellId, Edition, Report};

fn fixture(rel: &str) -> PathBuf {
    common::fixtures().join(rel)
}

fn read_file(path: &Path) -> Reading {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => read::read_html_bytes(&bytes),
        Some("pdf") => read::read_pdf(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        _ => read::read_text_bytes(&bytes),
    }
}

/// The value of a cell as the report prints it, or `None` for a blank or a cell not read.
fn shown(r: &Report, id: CellId) -> Option<String> {
    let c = r
        .cell(id)
        .unwrap_or_else(|| panic!("{id:?} not in the report"));
    (!c.is_blank() && !c.is_not_read()).then(|| c.display())
}

/// Whether a cell was not read (a page cut short, a value not placed), as opposed to blank.
fn not_read(r: &Report, id: CellId) -> bool {
    r.cell(id)
        .unwrap_or_else(|| panic!("{id:?} not in the report"))
        .is_not_read()
}

/// Whether the report shows a cell blank.
fn blank(r: &Report, id: CellId) -> bool {
    r.cell(id)
        .unwrap_or_else(|| panic!("{id:?} not in the report"))
        .is_blank()
}

fn p(row: PR, col: PC) -> CellId {
    CellId::Proactive(row, col)
}

#[test]
fn the_seed_text_reads_into_the_seed_fixture() {
    let reading = read_file(&fixture("text/xiuzhou-education-2020.txt"));
    let want = common::load(&fixture("2019/valid/xiuzhou-education-2020.json"));
    assert_eq!(reading.report, want);
    // Every cell of section 二 came from a line of the text.
    let at = reading
        .log
        .source_of("/proactive/other_services/change")
        .unwrap();
    assert_eq!(
        at,
        Location::Line {
            line: 64,
            column: 2
        }
    );
}

#[test]
fn complete_reports_read_back_in_every_layout_and_from_html() {
    let mut n = 0;
    for dir in ["text", "html"] {
        for e in std::fs::read_dir(fixture(dir)).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let stem = name.split('.').next().unwrap();
            if name.contains("no-values") || stem == "xiuzhou-education-2020" {
                continue;
            }
            let want = common::valid_fixtures()
                .into_iter()
                .find(|p| p.file_stem().unwrap() == stem)
                .unwrap_or_else(|| panic!("no JSON fixture for {name}"));
            let reading = read_file(&path);
            assert_eq!(reading.report, common::load(&want), "{name}");
            assert_eq!(
                reading.log.warnings().count(),
                0,
                "{name}: {:#?}",
                reading.log.warnings().collect::<Vec<_>>()
            );
            n += 1;
        }
    }
    // Layouts a, b, c, d and tab-indented for 2021, tab-indented for 2019, one HTML page each,
    // and the 2021 page saved in GBK.
    assert_eq!(n, 9);
}

/// Older government sites serve GBK: such a file reads as its UTF-8 original does, with a note
/// that says how it was decoded, and no U+FFFD anywhere.
#[test]
fn files_in_gbk_read_as_their_utf8_originals() {
    for (gbk, utf8) in [
        (
            "text/xiuzhou-education-2020.gbk.txt",
            "text/xiuzhou-education-2020.txt",
        ),
        (
            "html/sample-city-government-2022.gbk.html",
            "html/sample-city-government-2022.html",
        ),
    ] {
        let bytes = std::fs::read(fixture(gbk)).unwrap();
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "{gbk} must not be UTF-8"
        );
        let from_gbk = read_file(&fixture(gbk));
        let from_utf8 = read_file(&fixture(utf8));
        assert_eq!(from_gbk.report, from_utf8.report, "{gbk}");
        assert!(
            from_gbk
                .log
                .of(EntryKind::Note)
                .any(|e| e.message.contains("decoded as GB18030")),
            "{gbk}"
        );
        assert_eq!(
            from_gbk.log.warnings().count(),
            from_utf8.log.warnings().count()
        );
        assert!(!zfxxgk::json::to_string_compact(&from_gbk.report).contains('\u{fffd}'));
    }
    // A UTF-8 file with one bad byte is still UTF-8: the byte is replaced and logged, the rest
    // reads as before.
    let mut bytes = std::fs::read(fixture("text/xiuzhou-education-2020.txt")).unwrap();
    // At the start of a line in the middle, so that no character is cut.
    let at = bytes.len() / 2
        + bytes[bytes.len() / 2..]
            .iter()
            .position(|b| *b == b'\n')
            .unwrap()
        + 1;
    bytes.insert(at, 0xff);
    let reading = read::read_text_bytes(&bytes);
    assert!(
        reading
            .log
            .of(EntryKind::Note)
            .all(|e| !e.message.contains("GB18030"))
    );
    assert_eq!(
        reading
            .log
            .warnings()
            .filter(|e| e.message.starts_with("invalid UTF-8 at byte"))
            .count(),
        1
    );
    assert_eq!(
        reading.report.agency(),
        read_file(&fixture("text/xiuzhou-education-2020.txt"))
            .report
            .agency()
    );
}

#[test]
fn html_cells_are_located_in_the_resolved_grid() {
    let reading = read_file(&fixture("html/sample-city-government-2022.html"));
    // Section 三 is the second table; 一、本年新收 is its fourth grid row (three header rows),
    // and 自然人 is grid column 4 (the row label spans three columns).
    assert_eq!(
        reading
            .log
            .source_of("/requests/new_received/natural_person"),
        Some(Location::Cell {
            table: 2,
            row: 4,
            column: 4
        })
    );
    // 1.属于国家秘密 sits under two row-spanning group labels: still column 4 for 自然人.
    assert_eq!(
        reading
            .log
            .source_of("/requests/denied/state_secret/natural_person"),
        Some(Location::Cell {
            table: 2,
            row: 8,
            column: 4
        })
    );
    // Section 四's one data row: 15 cells.
    assert_eq!(
        reading
            .log
            .source_of("/review/litigation_after_reconsideration/total"),
        Some(Location::Cell {
            table: 3,
            row: 4,
            column: 15
        })
    );
}

#[test]
fn labels_without_numbers_give_cells_not_read_not_zeros() {
    // The labels are there and the values are not: whether the cells were empty or lost on the
    // way cannot be told, so they are not read (not blank, which would blame the report).
    let reading = read_file(&fixture("text/sample-city-government-2022.no-values.txt"));
    let mut want = common::load(&fixture("2021/valid/sample-city-government-2022.json"));
    let ids: Vec<CellId> = want.form().cells().map(|c| c.id).collect();
    for id in ids {
        match want.cell_mut(id).unwrap() {
            CellMut::Count(c) => *c = Cell::NotRead,
            CellMut::Delta(c) => *c = Cell::NotRead,
            CellMut::Money(c) => *c = Cell::NotRead,
        }
    }
    assert_eq!(reading.report, want);
    // Each row says its cells are missing.
    let missing_rows = reading
        .log
        .warnings()
        .filter(|e| e.message.contains("has 0 of"))
        .count();
    assert_eq!(missing_rows, 6 + 25);
    assert!(reading.log.warnings().any(|e| {
        e.message
            .contains("section 四 has its headers but no values")
    }));
}

#[test]
fn real_002_layout_a_lone_pipes() {
    let r = read_file(&fixture("real/002.txt")).report;
    assert_eq!(r.edition(), Edition::Trial2019);
    assert_eq!(r.year, Some(2019));
    assert_eq!(
        shown(&r, p(PR::Licensing, PC::PreviousItems)).as_deref(),
        Some("1215")
    );
    assert_eq!(
        shown(&r, p(PR::Licensing, PC::Change)).as_deref(),
        Some("-35")
    );
    assert_eq!(
        shown(&r, p(PR::Licensing, PC::Decisions)).as_deref(),
        Some("1180")
    );
    assert_eq!(shown(&r, p(PR::Penalty, PC::Change)).as_deref(), Some("+1"));
    assert_eq!(
        shown(&r, p(PR::Fees, PC::PreviousItems)).as_deref(),
        Some("5")
    );
    assert_eq!(
        shown(&r, p(PR::Rules, PC::TotalPublished)).as_deref(),
        Some("0")
    );
    // Truncated inside the 政府集中采购 row: blank, not zero.
    assert_eq!(shown(&r, p(PR::Procurement, PC::Projects)), None);
    let v = validate::validate(&r);
    let suspicious: Vec<&str> = v
        .with_code("proactive.decisions_equal_item_count")
        .map(|f| f.pointer.as_str())
        .collect();
    assert_eq!(suspicious, ["/proactive/licensing/decisions"]);
}

#[test]
fn real_004_one_line_report_with_a_breakdown_that_overshoots() {
    let r = read_file(&fixture("real/004.txt")).report;
    assert_eq!(r.agency(), "清水县人民政府");
    assert_eq!(r.issuer, Some(zfxxgk::report::Issuer::PeoplesGovernment));
    let figs = &r.overview.as_ref().unwrap().figures;
    assert_eq!(figs[0].quantity.value, 8769);
    let parts: Vec<(u64, Approx)> = figs[0]
        .parts
        .iter()
        .map(|p| (p.quantity.value, p.quantity.approx))
        .collect();
    assert_eq!(
        parts,
        [
            (2100, Approx::Exact),
            (5469, Approx::Exact),
            (1600, Approx::Plus),
            (600, Approx::Plus)
        ]
    );
    let v = validate::validate(&r);
    let f = v
        .with_code("overview.breakdown_sum")
        .next()
        .expect("8769 ≠ 2100 + 5469 + 1600余 + 600余");
    // Found in the prose itself: the narrative field, with the figure's characters.
    assert_eq!(f.pointer, "/overview/summary");
    assert!(f.message_en.contains("chars "), "{}", f.message_en);
}

#[test]
fn real_008_layout_b_with_empty_cells() {
    let r = read_file(&fixture("real/008.txt")).report;
    assert_eq!(r.edition(), Edition::Trial2019);
    assert_eq!(
        shown(&r, p(PR::Licensing, PC::Change)).as_deref(),
        Some("+123")
    );
    assert_eq!(
        shown(&r, p(PR::Licensing, PC::Decisions)).as_deref(),
        Some("462")
    );
    assert_eq!(shown(&r, p(PR::Penalty, PC::PreviousItems)), None);
    assert_eq!(
        shown(&r, p(PR::Penalty, PC::Change)).as_deref(),
        Some("+239")
    );
    assert_eq!(
        shown(&r, p(PR::Coercion, PC::Decisions)).as_deref(),
        Some("10")
    );
    assert_eq!(
        shown(&r, p(PR::Procurement, PC::Projects)).as_deref(),
        Some("2")
    );
    assert_eq!(
        shown(&r, p(PR::Procurement, PC::Amount)).as_deref(),
        Some("27270")
    );
    for row in [
        RR::NewReceived,
        RR::CarriedOver,
        RR::Granted,
        RR::PartlyGranted,
    ] {
        assert_eq!(
            shown(&r, CellId::Requests(row, A::Total)).as_deref(),
            Some("0"),
            "{row:?}"
        );
    }
    // Truncated at 1.属于国家秘…: not read, and nothing blamed on the report for it.
    assert!(not_read(
        &r,
        CellId::Requests(RR::DeniedStateSecret, A::Total)
    ));
    // 行政处罚 and 行政强制 print an empty 上一年项目数量 cell (a lone `|`): blank.
    assert!(blank(&r, p(PR::Penalty, PC::PreviousItems)));
    assert!(blank(&r, p(PR::Coercion, PC::PreviousItems)));
    let v = validate::validate(&r);
    // One finding for the table's blanks, none per cell or per check they blocked.
    let blanks: Vec<&Vec<String>> = v.with_code("table.blank_cells").map(|f| &f.cells).collect();
    assert_eq!(
        blanks,
        [&vec![
            "/proactive/penalty/previous_items".to_owned(),
            "/proactive/coercion/previous_items".to_owned()
        ]]
    );
    assert_eq!(v.with_code("proactive.item_count_unchecked").count(), 0);
    assert_eq!(v.with_code("sum.unchecked").count(), 0);
    assert_eq!(
        v.with_code("proactive.decisions_equal_item_count").count(),
        1
    );
}

#[test]
fn real_010_breakdown_falls_short() {
    let r = read_file(&fixture("real/010.txt")).report;
    let v = validate::validate(&r);
    let f = v
        .with_code("overview.breakdown_sum")
        .next()
        .expect("411 ≠ 307 + 97 + 3");
    assert_eq!(f.expected, Some(validate::Observed::Integer(407)));
    assert_eq!(f.actual, Some(validate::Observed::Integer(411)));
}

#[test]
fn real_012_tables_as_images_only_figures() {
    let reading = read_file(&fixture("real/012.txt"));
    let r = &reading.report;
    assert_eq!(r.agency(), "杭州市教育局");
    assert!(!r.has_section(zfxxgk::form::SectionId::Proactive));
    let figs = &r.overview.as_ref().unwrap().figures;
    let handled = figs.iter().find(|f| f.quantity.value == 23).unwrap();
    let parts: Vec<u64> = handled.parts.iter().map(|p| p.quantity.value).collect();
    assert_eq!(parts, [7, 1, 12, 2, 1]);
    assert!(figs.iter().any(|f| f.quantity.to_string() == "逾50万"));
    assert_eq!(
        validate::validate(r)
            .with_code("overview.breakdown_sum")
            .count(),
        0
    );
    // Without tables, the edition is assumed from the year, and the log says so.
    assert!(
        reading
            .log
            .of(EntryKind::Note)
            .any(|e| e.message.contains("assumed 2019"))
    );
}

#[test]
fn real_014_layout_d_with_a_dropped_cell() {
    let reading = read_file(&fixture("real/014.txt"));
    let r = &reading.report;
    assert_eq!(
        r.published.map(|d| d.to_string()).as_deref(),
        Some("2021-01-19")
    );
    assert_eq!(
        shown(r, p(PR::Licensing, PC::Decisions)).as_deref(),
        Some("0")
    );
    // 行政事业性收费 has one value (`0`) for two columns: which column lost its value cannot be
    // told, so neither is read (not blank: the report may not be at fault), and the log says so.
    assert!(not_read(r, p(PR::Fees, PC::PreviousItems)));
    assert!(not_read(r, p(PR::Fees, PC::Change)));
    assert!(
        reading
            .log
            .warnings()
            .any(|e| e.message.contains("行政事业性收费") && e.message.contains("1 of 2"))
    );
}

#[test]
fn real_018_nested_breakdown() {
    let r = read_file(&fixture("real/018.txt")).report;
    let v = validate::validate(&r);
    let f = v
        .with_code("overview.breakdown_sum")
        .next()
        .expect("9 ≠ 1 + 7");
    assert_eq!(f.pointer, "/overview/proactive");
    assert!(f.message_zh.contains("区政府网站公开"), "{}", f.message_zh);
    assert_eq!(f.actual, Some(validate::Observed::Integer(9)));
    assert_eq!(f.expected, Some(validate::Observed::Integer(8)));
}

#[test]
fn real_028_and_030_layout_c_rows_on_a_line() {
    let r = read_file(&fixture("real/028.txt")).report;
    assert_eq!(r.edition(), Edition::Format2021);
    assert_eq!(
        shown(&r, p(PR::NormativeDocuments, PC::InForce)).as_deref(),
        Some("0")
    );
    assert_eq!(
        shown(&r, p(PR::Licensing, PC::Decisions)),
        None,
        "truncated before （五）"
    );
    let r = read_file(&fixture("real/030.txt")).report;
    assert_eq!(
        shown(&r, p(PR::Coercion, PC::Decisions)).as_deref(),
        Some("0")
    );
    assert_eq!(shown(&r, p(PR::Fees, PC::Amount)).as_deref(), Some("0万元"));
}

#[test]
fn real_032_breakdowns_that_do_not_add_up() {
    let r = read_file(&fixture("real/032.txt")).report;
    assert_eq!(r.edition(), Edition::Format2021);
    let v = validate::validate(&r);
    let sums: Vec<(i128, i128)> = v
        .with_code("overview.breakdown_sum")
        .map(|f| match (&f.actual, &f.expected) {
            (Some(validate::Observed::Integer(a)), Some(validate::Observed::Integer(e))) => {
                (*a, *e)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    // 建议提案40件, 其中 13 + 17 = 30: an error.
    assert_eq!(sums, [(40, 30)]);
    // 主动公开信息583条: one part (`财政预决算条`) has no number, so the parts cannot be summed:
    // an info, not an error.
    let incomplete: Vec<&str> = v
        .with_code("overview.breakdown_incomplete")
        .map(|f| f.message_zh.as_str())
        .collect();
    assert_eq!(incomplete.len(), 1);
    assert!(incomplete[0].contains("“财政预决算”"), "{}", incomplete[0]);
}

#[test]
fn real_034_blank_cell_and_section_three() {
    let r = read_file(&fixture("real/034.txt")).report;
    assert_eq!(r.edition(), Edition::Format2021);
    assert_eq!(shown(&r, p(PR::Rules, PC::Repealed)).as_deref(), Some("0"));
    assert_eq!(
        shown(&r, p(PR::Rules, PC::InForce)),
        None,
        "the 规章 现行有效件数 cell is blank"
    );
    assert_eq!(
        shown(&r, p(PR::NormativeDocuments, PC::Issued)).as_deref(),
        Some("5")
    );
    assert_eq!(
        shown(&r, p(PR::NormativeDocuments, PC::Repealed)).as_deref(),
        Some("12")
    );
    assert_eq!(
        shown(&r, p(PR::NormativeDocuments, PC::InForce)).as_deref(),
        Some("8")
    );
    assert_eq!(
        shown(&r, CellId::Requests(RR::NewReceived, A::NaturalPerson)).as_deref(),
        Some("8")
    );
    assert_eq!(
        shown(&r, CellId::Requests(RR::NewReceived, A::Total)).as_deref(),
        Some("8")
    );
    assert_eq!(
        shown(&r, CellId::Requests(RR::CarriedOver, A::Total)).as_deref(),
        Some("0")
    );
    // A blank is reported as such, never as a broken sum.
    let v = validate::validate(&r);
    assert!(
        v.with_code("proactive.issued_exceeds_in_force")
            .next()
            .is_none()
    );
}

#[test]
fn real_042_four_decimal_amount() {
    let r = read_file(&fixture("real/042.txt")).report;
    assert_eq!(
        shown(&r, p(PR::Licensing, PC::Decisions)).as_deref(),
        Some("182")
    );
    assert_eq!(
        shown(&r, p(PR::Penalty, PC::Decisions)).as_deref(),
        Some("10")
    );
    match r.cell(p(PR::Fees, PC::Amount)) {
        Some(CellRef::Money(Cell::Value(m))) => {
            assert_eq!(m.amount.to_string(), "18.8710");
            assert_eq!(m.unit, Some(zfxxgk::MoneyUnit::WanYuan));
        }
        other => panic!("{other:?}"),
    }
    let figs = &r.overview.as_ref().unwrap().figures;
    let f = figs.iter().find(|f| f.quantity.value == 105).unwrap();
    assert_eq!(f.parts.iter().map(|p| p.quantity.value).sum::<u64>(), 105);
}

#[test]
fn misspelled_labels_are_read_with_a_warning() {
    let text = "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
                6.属于四类过程性性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n";
    let reading = read::read_text(text);
    assert_eq!(
        shown(
            &reading.report,
            CellId::Requests(RR::DeniedProcessInfo, A::Total)
        )
        .as_deref(),
        Some("1")
    );
    assert!(
        reading
            .log
            .warnings()
            .any(|e| e.message.contains("misspelled"))
    );
}

#[test]
fn every_corpus_report_reads_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reports");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut n = 0;
    for e in entries {
        let path = e.unwrap().path();
        let reading = read_file(&path);
        // What was read is a valid report: it round-trips through JSON and validates.
        let json = zfxxgk::json::to_string_pretty(&reading.report);
        assert_eq!(
            zfxxgk::json::from_str(&json).unwrap(),
            reading.report,
            "{}",
            path.display()
        );
        let _ = validate::validate(&reading.report);
        n += 1;
    }
    assert!(n >= 20);
}

/// The cells of the two shared PDFs (淮安市洪泽区人民政府, 2023 and 2024), read by hand from the
/// page images (`../shared/corpus/pdf/hongze-*.page-{2,3,4}.png`), not from any program's output:
/// section 二 by pointer, section 三 as (row key, 自然人 … 总计), section 四 as its 15 values.
struct PdfExpected {
    proactive: &'static [(&'static str, &'static str)],
    review: [u64; 15],
}

const fn row(n: u64) -> [u64; 7] {
    [n, 0, 0, 0, 0, 0, n]
}

/// The rows of section 三 in official order, with the 自然人 count of each (every other
/// applicant column is 0 in both reports, and 总计 equals 自然人).
fn requests_rows(natural: [u64; 25]) -> Vec<(&'static str, [u64; 7])> {
    const KEYS: [&str; 25] = [
        "new_received",
        "carried_over",
        "granted",
        "partly_granted",
        "denied/state_secret",
        "denied/other_law_prohibits",
        "denied/three_safety_one_stability",
        "denied/third_party_rights",
        "denied/internal_affairs",
        "denied/process_info",
        "denied/enforcement_file",
        "denied/administrative_query",
        "unable/not_held",
        "unable/needs_creation",
        "unable/still_unclear",
        "not_processed/petition_complaint",
        "not_processed/repeat",
        "not_processed/publication",
        "not_processed/mass_repeat",
        "not_processed/confirm_or_reissue",
        "other_handling/overdue_no_correction",
        "other_handling/overdue_fee_unpaid",
        "other_handling/other",
        "processed_total",
        "carried_forward",
    ];
    KEYS.iter()
        .zip(natural)
        .map(|(k, n)| (*k, row(n)))
        .collect()
}

fn check_pdf_cells(reading: &Reading, want: &PdfExpected, requests: &[(&str, [u64; 7])]) {
    let v = serde_json::to_value(&reading.report).unwrap();
    let mut wrong = Vec::new();
    for (ptr, value) in want.proactive {
        let got = v.pointer(&format!("/proactive/{ptr}")).cloned();
        let got = match got {
            Some(serde_json::Value::Object(m)) => m.get("amount").cloned(),
            g => g,
        };
        let got = got.map(|g| g.to_string().trim_matches('"').to_owned());
        if got.as_deref() != Some(*value) {
            wrong.push(format!("/proactive/{ptr}: {got:?}, want {value}"));
        }
    }
    let cols = [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "public_welfare_org",
        "legal_service_org",
        "other_org",
        "total",
    ];
    for (row, values) in requests {
        for (col, want) in cols.iter().zip(values) {
            let ptr = format!("/requests/{row}/{col}");
            let got = v.pointer(&ptr).and_then(serde_json::Value::as_u64);
            if got != Some(*want) {
                wrong.push(format!("{ptr}: {got:?}, want {want}"));
            }
        }
    }
    let groups = [
        "reconsideration",
        "litigation_direct",
        "litigation_after_reconsideration",
    ];
    let cols = ["upheld", "corrected", "other", "pending", "total"];
    for (k, want) in want.review.iter().enumerate() {
        let ptr = format!("/review/{}/{}", groups[k / 5], cols[k % 5]);
        let got = v.pointer(&ptr).and_then(serde_json::Value::as_u64);
        if got != Some(*want) {
            wrong.push(format!("{ptr}: {got:?}, want {want}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cells wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The cells of the 2023 and 2024 reports of 洪泽区人民政府, read by hand from the page images.
fn hongze_expected(year: u16) -> (PdfExpected, Vec<(&'static str, [u64; 7])>) {
    let y2023 = PdfExpected {
        proactive: &[
            ("rules/issued", "0"),
            ("rules/repealed", "0"),
            ("rules/in_force", "0"),
            ("normative_documents/issued", "0"),
            ("normative_documents/repealed", "5"),
            ("normative_documents/in_force", "5"),
            ("licensing/decisions", "550"),
            ("penalty/decisions", "4119"),
            ("coercion/decisions", "195"),
            ("fees/amount", "7730.28"),
        ],
        // 行政复议 10 1 0 0 and 总计 0, 复议后起诉 5 0 0 0 and 总计 0: the report's own mistake.
        review: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
    };
    let rows_2023 = requests_rows([
        21, 0, 0, 4, 1, 0, 0, 0, 0, 1, 1, 0, 10, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 21, 0,
    ]);
    let y2024 = PdfExpected {
        proactive: &[
            ("rules/issued", "0"),
            ("rules/repealed", "0"),
            ("rules/in_force", "0"),
            ("normative_documents/issued", "3"),
            ("normative_documents/repealed", "0"),
            ("normative_documents/in_force", "8"),
            ("licensing/decisions", "9487"),
            ("penalty/decisions", "2776"),
            ("coercion/decisions", "84"),
            ("fees/amount", "7545"),
        ],
        review: [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
    };
    let rows_2024 = requests_rows([
        95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 95, 0,
    ]);
    if year == 2023 {
        (y2023, rows_2023)
    } else {
        (y2024, rows_2024)
    }
}

#[test]
fn the_shared_pdfs_read_every_cell_from_the_pdf_and_its_text() {
    // The PDF itself, and what `pdftotext -layout` and plain `pdftotext` make of it.
    let sources = |year: u16| {
        [
            format!("pdf/hongze-{year}.pdf"),
            format!("pdftotext/hongze-{year}.pdftotext-layout.txt"),
            format!("pdftotext/hongze-{year}.pdftotext.txt"),
        ]
    };
    for (year, agency) in [(2023, "洪泽区人民政府"), (2024, "淮安市洪泽区人民政府")]
    {
        let (want, rows) = hongze_expected(year);
        let (want, rows) = (&want, &rows);
        for file in sources(year) {
            let reading = read_file(&fixture(&file));
            let r = &reading.report;
            assert_eq!(
                (r.edition(), r.year, r.agency.as_deref()),
                (Edition::Format2021, Some(year), Some(agency)),
                "{file}"
            );
            check_pdf_cells(&reading, want, rows);
            // From the PDF, the log gives the page and position of every cell it read.
            if file.ends_with(".pdf") {
                let cells: Vec<&read::LogEntry> = reading
                    .log
                    .of(EntryKind::Read)
                    .filter(|e| {
                        e.pointer.as_deref().is_some_and(|p| {
                            ["/proactive/", "/requests/", "/review/"]
                                .iter()
                                .any(|t| p.starts_with(t))
                        })
                    })
                    .collect();
                assert!(cells.len() >= 10 + 161 + 15, "{file}: {}", cells.len());
                assert!(
                    cells
                        .iter()
                        .all(|e| matches!(e.location, Some(Location::Page { page: 2..=4, .. }))),
                    "{file}"
                );
            }
            // （六）其他处理 is printed as one row of zeros in place of its three sub-rows: read
            // as 0 with a note, not dropped.
            assert!(
                reading
                    .log
                    .entries
                    .iter()
                    .any(|e| e.message.contains("one row of zeros")),
                "{file}"
            );
            // The misprinted label 2.其他法律行政止公开 is read with a warning.
            assert!(
                reading
                    .log
                    .warnings()
                    .any(|e| e.message.contains("其他法律行政止公开")),
                "{file}"
            );
            // The 2023 report's table 四 is wrong as published (10 + 1 ≠ 总计 0, 5 ≠ 总计 0), and
            // validation says so, twice; nothing else is an error. The 2024 report has none.
            let v = validate::validate(r);
            let errors: Vec<(&str, &str)> = v
                .findings
                .iter()
                .filter(|f| f.severity == validate::Severity::Error)
                .map(|f| (&*f.code, f.pointer.as_str()))
                .collect();
            let want_errors: &[(&str, &str)] = if year == 2023 {
                &[
                    ("review.total", "/review/reconsideration/total"),
                    (
                        "review.total",
                        "/review/litigation_after_reconsideration/total",
                    ),
                ]
            } else {
                &[]
            };
            assert_eq!(errors, want_errors, "{file}: {:#?}", v.findings);
        }
    }
}

/// Headings worded otherwise than the form (words added, a typo, the numeral lost, words
/// changed and dropped) are still their sections: every cell reads as from the PDF.
#[test]
fn reworded_headings_are_their_sections() {
    let reading = read_file(&fixture("layouts/hongze-2024.headings-reworded.txt"));
    for sec in reading.report.form().sections() {
        assert!(reading.report.has_section(sec.id), "{}", sec.heading());
    }
    let (want, rows) = hongze_expected(2024);
    check_pdf_cells(&reading, &want, &rows);
    let p = reading
        .report
        .problems
        .as_ref()
        .and_then(|p| p.summary.as_deref());
    assert!(
        p.is_some_and(|t| t.starts_with("2024 年，全区政府信息公开工作")),
        "{p:?}"
    );
    assert_eq!(
        reading.report.other_matters.as_deref(),
        Some(
            "2024 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。"
        )
    );
}

/// A row label whose delimiter ` |` wrapped onto a line of its own: the lone `|` closes the
/// label, it is no empty cell (which would shift the row's values by one).
#[test]
fn a_wrapped_cell_delimiter_is_no_empty_cell() {
    let wrapped = read_file(&fixture("layouts/034.wrapped-delimiters.txt")).report;
    let real = read_file(&fixture("real/034.txt")).report;
    assert_eq!(wrapped.tables, real.tables);
    // 规章: 0 0 and a blank 现行有效件数, as the real text has it.
    assert_eq!(
        shown(&wrapped, p(PR::Rules, PC::Issued)).as_deref(),
        Some("0")
    );
    assert!(blank(&wrapped, p(PR::Rules, PC::InForce)));
    assert_eq!(
        shown(&wrapped, p(PR::NormativeDocuments, PC::InForce)).as_deref(),
        Some("8")
    );
}

/// A vertical label one character a line is one label, not nine pieces of text.
#[test]
fn a_vertical_label_one_character_a_line_is_recognised() {
    let reading = read_file(&fixture("layouts/hongze-2023.vertical-label.txt"));
    let (want, rows) = hongze_expected(2023);
    check_pdf_cells(&reading, &want, &rows);
    let unread: Vec<&str> = reading
        .log
        .of(EntryKind::Unread)
        .map(|e| e.message.as_str())
        .filter(|m| ["三", "、", "本", "年", "度", "办", "理", "结", "果"].contains(m))
        .collect();
    assert!(unread.is_empty(), "{unread:?}");
}

/// Plain `pdftotext` prose: lines hard-wrapped at the page's width are joined (a figure and its
/// unit on two lines, a period over two lines), page footers dropped.
#[test]
fn hard_wrapped_prose_from_a_pdf_is_joined() {
    let r = read_file(&fixture("pdftotext/hongze-2024.pdftotext.txt")).report;
    let o = r.overview.as_ref().unwrap();
    // `公开政府常务会议 7` / `期，解读信息发布 7 条。`
    assert!(
        o.figures.iter().any(|f| f.label == "公开政府常务会议"
            && f.quantity.value == 7
            && f.quantity.unit == "期"),
        "{:#?}",
        o.figures
    );
    // `统计期限自 2024 年 1 月 1 日` / `起至 2024 年 12 月 31 日止。`
    let period = r.period.as_ref().unwrap();
    assert_eq!(
        (period.start.to_string(), period.end.to_string()),
        ("2024-01-01".into(), "2024-12-31".into())
    );
    let all = [
        &o.summary,
        &o.proactive,
        &o.requests,
        &o.management,
        &o.platform,
        &o.oversight,
    ];
    for t in all.iter().filter_map(|t| t.as_deref()) {
        assert!(!t.contains("-1-") && !t.contains("-2-"), "{t}");
    }
    // A paragraph is one line.
    assert!(
        o.proactive.as_deref().is_some_and(|t| !t.contains('\n')),
        "{:?}",
        o.proactive
    );
}

/// A title that names no agency (`关于2024年度…的报告`): the agency from the signature at the
/// report's end, the year from the title.
#[test]
fn the_agency_of_a_signed_report_comes_from_its_signature() {
    let reading = read_file(&fixture("layouts/hongze-2024.signed.txt"));
    let r = &reading.report;
    assert_eq!(r.agency.as_deref(), Some("淮安市洪泽区人民政府"));
    assert_eq!(r.year, Some(2024));
    assert!(reading.log.source_of("/agency").is_some());
}

/// Invisible characters a copy carries (a zero-width space inside a number, a soft hyphen, a
/// bidi mark, a word joiner) are dropped before figures are read: 2125 is not read as 125 with
/// the label 本部门网站公布信息2.
#[test]
fn invisible_characters_are_dropped_before_figures_are_read() {
    let with = read_file(&fixture("layouts/xiuzhou-education-2020.invisible.txt")).report;
    let seed = read_file(&fixture("text/xiuzhou-education-2020.txt")).report;
    let figures = |r: &Report| r.overview.as_ref().unwrap().figures.clone();
    assert_eq!(figures(&with), figures(&seed));
    let f = figures(&with);
    let site = f
        .iter()
        .find(|f| f.label == "本部门网站公布信息")
        .expect("the figure and its label");
    assert_eq!(site.quantity.value, 2125);
    assert_eq!(site.parts.len(), 9);
}

/// The city fixture's layout (c) text with line 34 (一、本年新收, `| 59 | 20 | 0 | 1 | 4 | 0 | 84 |`)
/// changed as `edit` says.
fn city_with_row(edit: impl Fn(&str) -> String) -> Reading {
    let path = fixture("text/sample-city-government-2022.c.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i == 33 { edit(l) } else { l.to_owned() })
        .collect();
    assert!(lines[33].starts_with("一、本年新收"), "{}", lines[33]);
    read::read_text(&lines.join("\n"))
}

fn new_received(r: &Report, col: A) -> Option<String> {
    shown(r, CellId::Requests(RR::NewReceived, col))
}

/// Commas join digits only as thousands separators: `1,059` is one number, `5,9` (or `5，9`) is
/// text and is not read, whatever it was meant to be.
#[test]
fn a_comma_that_groups_no_thousands_joins_no_digits() {
    let reading = city_with_row(|l| l.replacen("| 59 |", "| 1,059 |", 1));
    assert_eq!(
        new_received(&reading.report, A::NaturalPerson).as_deref(),
        Some("1059")
    );
    for odd in ["5,9", "5，9", "1,0590", "59,"] {
        let reading = city_with_row(|l| l.replacen("| 59 |", &format!("| {odd} |"), 1));
        let r = &reading.report;
        assert!(
            not_read(r, CellId::Requests(RR::NewReceived, A::NaturalPerson)),
            "{odd}: {:?}",
            new_received(r, A::NaturalPerson)
        );
        assert!(
            reading.log.warnings().any(|e| e
                .message_zh
                .contains("/requests/new_received/natural_person")),
            "{odd}: {:?}",
            reading.log.warnings().collect::<Vec<_>>()
        );
    }
}

/// Text standing in one cell of a row (`无`, `59(含网申)`) is not read, and the row's other
/// numbers still are: each token of the row is one of its cells. Text after the last number
/// may be a stray fragment rather than a cell, so such a row is not read at all.
#[test]
fn text_in_one_cell_leaves_the_rest_of_the_row_read() {
    for text in ["无", "59(含网申)", "五十九"] {
        let reading = city_with_row(|l| l.replacen("| 59 |", &format!("| {text} |"), 1));
        let r = &reading.report;
        assert!(
            not_read(r, CellId::Requests(RR::NewReceived, A::NaturalPerson)),
            "{text}"
        );
        let rest: Vec<Option<String>> = [
            A::CommercialEnterprise,
            A::ResearchInstitution,
            A::PublicWelfareOrg,
            A::LegalServiceOrg,
            A::OtherOrg,
            A::Total,
        ]
        .into_iter()
        .map(|c| new_received(r, c))
        .collect();
        let want: Vec<Option<String>> = ["20", "0", "1", "4", "0", "84"]
            .into_iter()
            .map(|v| Some(v.to_owned()))
            .collect();
        assert_eq!(rest, want, "{text}");
        // The row after it is read as before.
        assert_eq!(
            shown(r, CellId::Requests(RR::CarriedOver, A::Total)).as_deref(),
            Some("12")
        );
    }
    // `| 59 | … | 0 | 无 |`: the total replaced by text at the end of the row.
    let reading = city_with_row(|l| l.replacen("| 84 |", "| 无 |", 1));
    for col in [A::NaturalPerson, A::Total] {
        assert!(not_read(
            &reading.report,
            CellId::Requests(RR::NewReceived, col)
        ));
    }
}

/// In an HTML cell, a line break or a paragraph between two digits separates two numbers: the
/// cell is not read (with a warning), never read as one number. Between characters of a label it
/// adds nothing (`本年新<br>制作数量`), and markup inside a number (`<b>59</b>`) is no break.
#[test]
fn an_html_line_break_between_digits_is_no_number() {
    let page = std::fs::read_to_string(fixture("html/sample-city-government-2022.html")).unwrap();
    assert!(page.contains("<td>59</td><td>20</td>"));
    let natural = |cell: &str| {
        let changed = page.replacen(
            "<td>59</td><td>20</td>",
            &format!("<td>{cell}</td><td>20</td>"),
            1,
        );
        let reading = read::read_html_bytes(changed.as_bytes());
        let id = CellId::Requests(RR::NewReceived, A::NaturalPerson);
        let warned = reading.log.warnings().any(|e| {
            e.message_zh
                .contains("/requests/new_received/natural_person")
        });
        (
            shown(&reading.report, id),
            not_read(&reading.report, id),
            warned,
        )
    };
    for cell in ["5<br>9", "<p>5</p><p>9</p>", "<div>5</div>9", "5<br/>\n9"] {
        assert_eq!(natural(cell), (None, true, true), "{cell}");
    }
    for cell in [
        "<b>59</b>",
        "<span>5</span><span>9</span>",
        "<br>59",
        "59<br>",
    ] {
        assert_eq!(
            natural(cell),
            (Some("59".to_owned()), false, false),
            "{cell}"
        );
    }
}

/// Chromium's print of the official-layout page (`printed/make.sh`): every cell is a box of its
/// own, 2.25 pt from its neighbours (`<table border="1">` spaces its cells), which is one ruling
/// between two cells; and where a row's values stand partly beside the boxes the reader finds,
/// they are read in the order they stand on the page. Every table reads into the JSON fixture the
/// page was written from.
#[test]
fn a_table_with_spaced_cells_reads_in_page_order() {
    let reading = read_file(&fixture("printed/official-layout-city-government-2022.pdf"));
    let want = common::load(&fixture("2021/valid/sample-city-government-2022.json"));
    assert_eq!(reading.report.tables, want.tables);
    let mut review = 0;
    for cell in want.form().cells() {
        let id = cell.id;
        let (Some(got), Some(expected)) = (reading.report.cell(id), want.cell(id)) else {
            continue;
        };
        if cell.table == "review" {
            review += 1;
            assert!(got.is_value(), "{id:?} not read");
        }
        if got.is_value() {
            assert_eq!(got.display(), expected.display(), "{id:?}");
        }
    }
    assert_eq!(review, 15);
}
