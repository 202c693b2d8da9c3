//! The writers: every valid fixture round-trips through the text and HTML writers and the
//! crate's readers; the HTML pages are valid HTML5 with the official grid and are kept as
//! reviewed snapshots; the Markdown flattening is as documented.

mod common;

use std::path::Path;

use scraper::{ElementRef, Html, Selector};
use zfxxgk::form::TableId;
use zfxxgk::read::{read_html, read_text};
use zfxxgk::validate::{self, Lang};
use zfxxgk::write::{self, Role, to_html, to_markdown, to_text};
use zfxxgk::{CellId, Report};

#[test]
fn every_valid_fixture_round_trips_through_text_and_html() {
    for path in common::valid_fixtures() {
        let report = common::load(&path);
        let text = to_text(&report);
        let back = read_text(&text);
        assert_eq!(back.report, report, "text: {}", path.display());
        assert_eq!(back.log.warnings().count(), 0, "{}", path.display());
        let html = to_html(&report, None);
        assert_eq!(read_html(&html).report, report, "html: {}", path.display());
    }
}

/// Every valid fixture as the crate's HTML page printed to PDF by headless Chromium
/// (`tests/fixtures/printed/make.sh`) reads back to the fixture: `read_pdf(print(to_html(r))) ==
/// r`. The page each PDF was printed from is kept beside it, so that a change of the HTML page
/// fails here until the PDFs are printed again.
#[test]
fn every_valid_fixture_printed_to_pdf_reads_back() {
    let dir = common::fixtures().join("printed");
    let mut n = 0;
    for path in common::valid_fixtures() {
        let report = common::load(&path);
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let printed_from = std::fs::read_to_string(dir.join(format!("{name}.html")))
            .unwrap_or_else(|e| panic!("{name}.html: {e}"));
        assert!(
            to_html(&report, None) == printed_from,
            "{name}: the HTML page changed since its PDF was printed; run tests/fixtures/printed/make.sh"
        );
        let pdf = std::fs::read(dir.join(format!("{name}.pdf"))).unwrap();
        let back = zfxxgk::read::read_pdf(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back.report, report, "pdf: {name}");
        assert_eq!(
            back.log.warnings().count(),
            0,
            "{name}: {:#?}",
            back.log.warnings().collect::<Vec<_>>()
        );
        n += 1;
    }
    assert!(n >= 5, "{n} fixtures");
}

#[test]
fn text_is_laid_out_like_a_published_report() {
    let report = common::load(&common::fixtures().join("2019/valid/xiuzhou-education-2020.json"));
    let text = to_text(&report);
    assert!(text.starts_with("秀洲区教体局2020年度政府信息公开工作年度报告\n"));
    for needle in [
        "\n一、总体情况\n",
        "\n（一）主动公开情况\n",
        "\t第二十条第（五）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n",
        "\t行政处罚\n\t2\n\t-2\n\t0\n",
        "\t政府集中采购\n\t410\n\t2626294.00元\n",
        "\n三、收到和处理政府信息公开申请情况\n\n无\n",
        "\n六、其他需要报告的事项\n\n无\n",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn markdown_flattens_merged_cells_as_documented() {
    let report =
        common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"));
    let md = to_markdown(&report);
    assert!(md.starts_with("# 示例市人民政府2022年政府信息公开工作年度报告\n"));
    assert!(md.contains("## 三、收到和处理政府信息公开申请情况\n"));
    assert!(md.contains("**第二十条第（八）项**\n\n| 信息内容 | 本年收费金额（单位：万元） |\n|---|---|\n| 行政事业性收费 | 12.50 |\n"));
    assert!(
        md.contains(
            "| 申请人情况 | 自然人 | 法人或其他组织：商业企业 | 法人或其他组织：科研机构 |"
        )
    );
    let r = &report;
    let zfxxgk::Tables::Format2021(r21) = &r.tables else {
        panic!()
    };
    let t = r21.requests.as_ref().unwrap().filled().unwrap();
    let row = &t.other_handling.overdue_fee_unpaid;
    let cells: Vec<String> = [
        row.natural_person,
        row.commercial_enterprise,
        row.research_institution,
        row.public_welfare_org,
        row.legal_service_org,
        row.other_org,
        row.total,
    ]
    .iter()
    .map(|c| c.get().unwrap().to_string())
    .collect();
    let line = format!(
        "| 三、本年度办理结果 › （六）其他处理 › 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | {} |",
        cells.join(" | ")
    );
    assert!(md.contains(&line), "{line}");
    assert!(md.contains("| 行政复议：结果维持 |"));
    assert!(md.contains("| 行政诉讼 › 复议后起诉：总计 |\n"));
}

/// The grid of an HTML table, spans resolved: (row, column) → text of the cell covering it.
fn html_grid(table: ElementRef<'_>) -> Vec<Vec<Option<String>>> {
    let tr = Selector::parse("tr").unwrap();
    let td = Selector::parse("td").unwrap();
    let mut grid: Vec<Vec<Option<String>>> = Vec::new();
    for (r, row) in table.select(&tr).enumerate() {
        if grid.len() <= r {
            grid.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for cell in row.select(&td) {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let span = |a: &str| {
                cell.value()
                    .attr(a)
                    .map_or(1, |v| v.parse::<usize>().unwrap())
            };
            let (rs, cs) = (span("rowspan"), span("colspan"));
            let text: String = cell.text().collect::<String>().replace('\u{a0}', "");
            for rr in r..r + rs {
                if grid.len() <= rr {
                    grid.resize(rr + 1, Vec::new());
                }
                if grid[rr].len() < c + cs {
                    grid[rr].resize(c + cs, None);
                }
                grid[rr][c..c + cs].fill(Some(text.clone()));
            }
            c += cs;
        }
    }
    grid
}

/// The same grid from the writer's layout.
/// The writer's grid as the page must show it: a padding cell (which fills a short block) is
/// not drawn, the cell before it spans its columns instead.
fn writer_grid(g: &write::Grid) -> Vec<Vec<Option<String>>> {
    let mut grid: Vec<Vec<Option<String>>> = vec![vec![None; g.width]; g.rows.len()];
    for (r, row) in g.rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while grid[r][c].is_some() {
                c += 1;
            }
            if cell.role == Role::Padding && c > 0 {
                let before = grid[r][c - 1].clone();
                grid[r][c..c + cell.colspan].fill(before);
                c += cell.colspan;
                continue;
            }
            for line in &mut grid[r..r + cell.rowspan] {
                line[c..c + cell.colspan].fill(Some(cell.text.clone()));
            }
            c += cell.colspan;
        }
    }
    grid
}

fn check_page(report: &Report, html: &str, snapshot: &str) {
    let doc = Html::parse_document(html);
    assert!(
        doc.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        doc.errors
    );
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("http://") && !html.contains("https://") && !html.contains("src="),
        "no external resources"
    );
    let tables: Vec<ElementRef<'_>> = doc
        .select(&Selector::parse("body > table").unwrap())
        .collect();
    let f = report.form();
    let mut grids = Vec::new();
    let filled = |t| report.tables.presence(t) == zfxxgk::report::Presence::Filled;
    if filled(TableId::Proactive) {
        grids.push(write::grid(report, f.proactive, CellId::Proactive));
    }
    if filled(TableId::Requests) {
        grids.push(write::grid(report, f.requests, CellId::Requests));
    }
    if filled(TableId::Review) {
        grids.push(write::grid(report, f.review, CellId::Review));
    }
    assert_eq!(tables.len(), grids.len());
    for (t, g) in tables.iter().zip(&grids) {
        assert_eq!(html_grid(*t), writer_grid(g));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(snapshot);
    if std::env::var_os("ZFXXGK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, html).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == html,
        "{} differs; review it and rerun with ZFXXGK_BLESS=1",
        path.display()
    );
}

#[test]
fn the_seed_page_is_valid_html5_with_the_official_grid() {
    let report = common::load(&common::fixtures().join("2019/valid/xiuzhou-education-2020.json"));
    let v = validate::validate(&report);
    let html = to_html(&report, Some((&v, Lang::Zh)));
    check_page(&report, &html, "xiuzhou-education-2020.html");
    // The two warnings are listed, and their sections' headings are marked.
    assert!(html.contains(
        "<h2 id=\"cell-requests\" class=\"sev-warning\">三、收到和处理政府信息公开申请情况</h2>"
    ));
}

#[test]
fn a_page_with_findings_marks_the_cells_and_outlines_the_addends() {
    let path = common::fixtures().join("2021/invalid/requests.balance.json");
    let report = common::load(&path);
    let v = validate::validate(&report);
    let html = to_html(&report, Some((&v, Lang::Zh)));
    check_page(&report, &html, "requests.balance-findings.html");
    // The cell the finding points at is marked as the total of a broken sum, with the value its
    // parts give beside it (drawn by CSS) and the message as title, and links to its finding.
    assert!(html.contains("<td id=\"cell-requests-new_received-natural_person\" class=\"value f-error total\" data-expected=\"69\" title=\"1 requests.balance: “自然人”列"));
    assert!(html.contains("<a href=\"#finding-1\">"));
    // The other cells of the broken sum are outlined, and link back to it.
    assert!(html.contains(
        "<td id=\"cell-requests-carried_forward-natural_person\" class=\"value addend\" title=\"1 requests.balance (/requests/new_received/natural_person)\"><a href=\"#finding-1\">"
    ));
    assert!(html.contains("<td id=\"cell-requests-processed_total-total\" class=\"value addend\""));
    // Unaffected cells are not.
    assert!(html.contains("<td id=\"cell-requests-granted-natural_person\" class=\"value\">"));
    // The summary comes before the first section, with the counts and each finding linked to
    // its cell; a legend tells the marks apart.
    let summary = html.find("<section class=\"summary\"").unwrap();
    assert!(summary < html.find("<h2 id=\"cell-overview\"").unwrap());
    assert!(html.contains("<span class=\"sev-error\">错误 2</span>"));
    assert!(html.contains(
        "<li id=\"finding-2\"><span class=\"tag f-error\">错误</span><a href=\"#cell-requests-new_received-total\"><code>/requests/new_received/total</code></a>"
    ));
    assert!(html.contains("<p class=\"legend\">"));
    // Each message also stands after the table of its section, before the next section.
    let note = html
        .find("<li class=\"sev-error\"><a href=\"#finding-1\">1</a>")
        .unwrap();
    let requests_table = html
        .find("<td id=\"cell-requests-new_received-natural_person\"")
        .unwrap();
    let next_section = html.find("<h2 id=\"cell-review\"").unwrap();
    assert!(requests_table < note && note < next_section);
    // The fonts include the CJK fonts common on Linux.
    assert!(html.contains("\"WenQuanYi Zen Hei\"") && html.contains("\"Noto Sans CJK SC\""));
    // A page with findings reads back as the same report.
    assert_eq!(zfxxgk::read::read_html(&html).report, report);
    // Every value cell of the grid carries its pointer.
    let g = write::grid(&report, report.form().requests, CellId::Requests);
    let values = g
        .rows
        .iter()
        .flatten()
        .filter(|c| matches!(c.role, Role::Value(_)))
        .count();
    assert_eq!(values, 175);
}
