//! The typed model: the seed report's numbers, cell access by id, the tidy export.

mod common;

use zfxxgk::form::{
    ApplicantColumn, ProactiveColumn, ProactiveRow, RequestRow, ReviewColumn, ReviewRow,
};
use zfxxgk::report::{CellRef, Slot};
use zfxxgk::{Approx, Cell, CellId, MoneyUnit, Report, TableState};

fn seed() -> Report {
    common::load(&common::fixtures().join("2019/valid/xiuzhou-education-2020.json"))
}

#[test]
fn the_seed_fixture_holds_the_seed_numbers() {
    // Expected values typed from ../shared/seed/000_1b003a206c429a04.txt by reading it.
    let r = seed();
    let zfxxgk::Tables::Trial2019(t) = &r.tables else {
        panic!("the seed uses the 2019 tables")
    };
    assert_eq!(r.year, Some(2020));
    let p = t.proactive.as_ref().unwrap().filled().unwrap();
    assert_eq!(p.licensing.previous_items, Cell::Value(26));
    assert_eq!(p.licensing.decisions, Cell::Value(274));
    assert_eq!(p.other_services.change, Cell::Value(6));
    assert_eq!(p.other_services.decisions, Cell::Value(12422));
    assert_eq!(p.penalty.change, Cell::Value(-2));
    assert_eq!(p.fees.previous_items, Cell::Value(7));
    assert_eq!(p.fees.change, Cell::Value(-4));
    assert_eq!(p.procurement.projects, Cell::Value(410));
    let amount = p.procurement.amount.value().unwrap();
    assert_eq!(amount.amount.to_string(), "2626294.00");
    assert_eq!(amount.unit, Some(MoneyUnit::Yuan));
    assert_eq!(amount.to_string(), "2626294.00元");
    assert_eq!(t.requests, Some(TableState::DeclaredNone));
    assert_eq!(t.review, Some(TableState::DeclaredNone));
    assert_eq!(r.other_matters.as_deref(), Some("无"));

    let o = r.overview.as_ref().unwrap();
    let site = o.figures.iter().find(|f| f.quantity.value == 2125).unwrap();
    assert_eq!(site.label, "本部门网站公布信息");
    let parts: Vec<u64> = site.parts.iter().map(|p| p.quantity.value).collect();
    assert_eq!(parts, [18, 142, 1872, 47, 10, 4, 11, 11, 10]);
    let nearly: Vec<String> = o
        .figures
        .iter()
        .filter(|f| f.quantity.approx != Approx::Exact)
        .map(|f| f.quantity.to_string())
        .collect();
    assert_eq!(nearly, ["近3000条", "350余条", "480余条"]);
    for text in [
        &o.proactive,
        &o.requests,
        &o.management,
        &o.platform,
        &o.oversight,
    ] {
        assert!(text.as_deref().is_some_and(|t| !t.is_empty()));
    }
    let problems = r.problems.as_ref().unwrap();
    assert!(
        problems
            .improvements
            .as_deref()
            .unwrap()
            .contains("2600余条")
    );
    assert!(
        problems
            .measures
            .as_deref()
            .unwrap()
            .starts_with("1.强化领导")
    );
}

#[test]
fn cells_are_reachable_by_id_with_their_labels() {
    let report = seed();
    let id = CellId::Proactive(ProactiveRow::OtherServices, ProactiveColumn::Change);
    assert_eq!(report.cell(id).unwrap().display(), "+6");
    let fc = report.form().cell(id).unwrap();
    assert_eq!(fc.row_label, "其他对外管理服务事项");
    assert_eq!(fc.column_label, "本年增/减");
    assert_eq!(fc.block_title, Some("第二十条第（五）项"));
    assert_eq!(fc.pointer(), "/proactive/other_services/change");
    // A 2021-only cell does not exist in a 2019 report.
    assert!(
        report
            .slot(CellId::Proactive(
                ProactiveRow::Rules,
                ProactiveColumn::Issued
            ))
            .is_none()
    );
    // Section 三 was replaced by 无.
    let cell = CellId::Requests(RequestRow::Granted, ApplicantColumn::Total);
    assert_eq!(report.slot(cell), Some(Slot::DeclaredNone));
}

#[test]
fn cell_mut_changes_the_typed_field() {
    let mut report =
        common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"));
    let id = CellId::Review(ReviewRow::LitigationDirect, ReviewColumn::Pending);
    let before = report.cell(id).and_then(|c| match c {
        CellRef::Count(c) => c.get(),
        _ => None,
    });
    match report.cell_mut(id).unwrap() {
        zfxxgk::report::CellMut::Count(c) => *c = Cell::Value(before.unwrap() + 1),
        other => panic!("{other:?}"),
    }
    let zfxxgk::Tables::Format2021(t) = &report.tables else {
        panic!()
    };
    let review = t.review.as_ref().unwrap().filled().unwrap();
    assert_eq!(
        review.litigation_direct.pending.get(),
        Some(before.unwrap() + 1)
    );
}

#[test]
fn cells_iterate_in_official_order() {
    let report =
        common::load(&common::fixtures().join("2021/valid/sample-county-market-2023.json"));
    let cells: Vec<_> = report.cells().collect();
    assert_eq!(cells.len(), 10 + 175 + 15);
    assert_eq!(cells[0].0.row_label, "规章");
    assert_eq!(cells[0].0.column_label, "本年制发件数");
    let first_request = &cells[10].0;
    assert_eq!(first_request.row_label, "一、本年新收政府信息公开申请数量");
    assert_eq!(first_request.column_label, "自然人");
    let last = &cells.last().unwrap().0;
    assert_eq!(last.row_label, "复议后起诉");
    assert_eq!(last.column_label, "总计");
    assert!(cells.iter().all(|(_, s)| matches!(s, Slot::Cell(_))));
}

#[test]
fn tidy_export_has_one_row_a_cell() {
    let reports = vec![
        seed(),
        common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json")),
    ];
    let csv = csv_of(&reports);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], zfxxgk::export::COLUMNS.join(","));
    assert_eq!(lines.len(), 1 + (22 + 161 + 15) + (10 + 175 + 15));
    assert!(lines.contains(
        &"2019,秀洲区教育体育局,2020,proactive,第二十条第（九）项,procurement,政府集中采购,amount,采购总金额,value,2626294.00,元"
    ));
    assert!(lines.contains(
        &"2019,秀洲区教育体育局,2020,requests,,denied/state_secret,1.属于国家秘密,natural_person,自然人,declared_none,,"
    ));
    let mut w = zfxxgk::export::JsonLinesWriter::new(Vec::new());
    for r in &reports {
        w.write_report(r).unwrap();
    }
    let jl = String::from_utf8(w.finish().unwrap()).unwrap();
    assert_eq!(jl.lines().count(), lines.len() - 1);
    let first: serde_json::Value = serde_json::from_str(jl.lines().next().unwrap()).unwrap();
    assert_eq!(first["row_label"], "规章");
    assert_eq!(first["state"], "value");
    assert_eq!(first["value"], "0");
}

#[test]
fn csv_quotes_fields_that_need_it() {
    let mut report = seed();
    report.agency = Some("某局,\"试点\"".into());
    let csv = csv_of(&[report]);
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("2019,\"某局,\"\"试点\"\"\",2020,")
    );
}

fn csv_of(reports: &[Report]) -> String {
    let mut w = zfxxgk::export::CsvWriter::new(Vec::new());
    for r in reports {
        w.write_report(r).unwrap();
    }
    String::from_utf8(w.finish().unwrap()).unwrap()
}

#[test]
fn csv_can_start_with_a_byte_order_mark_for_excel() {
    let mut w = zfxxgk::export::CsvWriter::with_bom(Vec::new()).unwrap();
    w.write_report(&seed()).unwrap();
    let bytes = w.finish().unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbfedition,agency,year,"));
    // One report at a time: the header is written once.
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.matches("edition,agency,year").count(), 1);
    assert_eq!(text.lines().count(), 1 + 22 + 161 + 15);
}

/// An I/O error reaches the caller.
#[test]
fn csv_reports_a_failing_writer() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut w = zfxxgk::export::CsvWriter::new(Full);
    let mut result = Ok(());
    for _ in 0..100 {
        result = result.and(w.write_report(&seed()));
    }
    let result = result.and(w.finish().map(|_| ()));
    assert!(result.unwrap_err().to_string().contains("disk full"));
}
