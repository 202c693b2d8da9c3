//! The form declared once: which rules run on which edition, and the synthetic third edition
//! (`tests/synthetic/edition.rs`, compiled in by the hidden `__synthetic-edition` feature that
//! the crate's own tests turn on) working everywhere without any code that names it.

mod common;

use zfxxgk::cell::{Amount, Money, MoneyUnit};
use zfxxgk::form::{
    ApplicantColumn as AC, ProactiveColumn as PC, ProactiveRow as PR, RequestRow as RR,
    ReviewColumn as VC, ReviewRow as VR, TableId,
};
use zfxxgk::report::{CellMut, Period, Presence};
use zfxxgk::validate::{self, Pair, RULES, Validation};
use zfxxgk::{Cell, CellId, Edition, Report};

/// The rules and the editions (by tag) each must run on, written by hand from the form: a rule
/// runs where the edition's form has the cells it reads. The synthetic edition (2090) has the
/// 2021 cells and none of the 2019-only ones.
const RUNS_ON: &[(&str, &[&str])] = &[
    ("requests.balance", &["2019", "2021", "2090"]),
    ("requests.outcome_total", &["2019", "2021", "2090"]),
    ("requests.applicant_total", &["2019", "2021", "2090"]),
    ("review.total", &["2019", "2021", "2090"]),
    ("sum.unchecked", &["2019", "2021", "2090"]),
    ("sum.derived_total", &["2019", "2021", "2090"]),
    ("sum.blank_total", &["2019", "2021", "2090"]),
    ("table.blank_cells", &["2019", "2021", "2090"]),
    ("proactive.item_count_negative", &["2019"]),
    ("proactive.item_count_unchecked", &["2019"]),
    ("proactive.decisions_equal_item_count", &["2019"]),
    ("proactive.published_exceeds_total", &["2019"]),
    ("proactive.issued_exceeds_in_force", &["2021", "2090"]),
    ("proactive.procurement_without_projects", &["2019"]),
    ("proactive.fee_unit", &["2021", "2090"]),
    ("overview.breakdown_sum", &["2019", "2021", "2090"]),
    ("overview.breakdown_incomplete", &["2019", "2021", "2090"]),
    ("structure.section_missing", &["2019", "2021", "2090"]),
    ("structure.edition_year", &["2019", "2021", "2090"]),
    ("structure.edition_too_new", &["2019", "2021", "2090"]),
    ("structure.period_mismatch", &["2019", "2021", "2090"]),
    ("structure.late_publication", &["2019", "2021", "2090"]),
    ("structure.table_declared_none", &["2019", "2021", "2090"]),
    ("structure.metadata_missing", &["2019", "2021", "2090"]),
    ("structure.title", &["2019", "2021", "2090"]),
    ("structure.edition_unconfirmed", &["2019", "2021", "2090"]),
    ("problems.not_filled", &["2019", "2021", "2090"]),
    ("other_matters.fee_not_mentioned", &["2021", "2090"]),
    ("pair.not_consecutive", &["2019", "2021", "2090"]),
    ("pair.carry_over", &["2019", "2021", "2090"]),
    ("pair.in_force_roll_forward", &["2021", "2090"]),
    ("pair.item_count_roll_forward", &["2019"]),
    ("pair.identical_tables", &["2019", "2021", "2090"]),
    ("pair.similar_text", &["2019", "2021", "2090"]),
    ("pair.fee_amount_jump", &["2021", "2090"]),
    ("pair.unchecked", &["2019", "2021", "2090"]),
    ("prose.table_mismatch", &["2019", "2021", "2090"]),
    ("prose.conflict", &["2019", "2021", "2090"]),
    ("prose.percentage", &["2019", "2021", "2090"]),
    ("prose.categorical", &["2019", "2021", "2090"]),
];

fn synthetic() -> Edition {
    Edition::from_tag("2090").expect("the tests build the synthetic edition")
}

fn set_count(r: &mut Report, id: CellId, v: Cell<u64>) -> Option<()> {
    match r.cell_mut(id)? {
        CellMut::Count(c) => *c = v,
        _ => return None,
    }
    Some(())
}

fn count(r: &Report, id: CellId) -> Option<u64> {
    match r.cell(id)? {
        zfxxgk::report::CellRef::Count(c) => c.get(),
        _ => None,
    }
}

fn add(r: &mut Report, id: CellId, by: u64) -> Option<()> {
    let v = match r.cell_mut(id)? {
        CellMut::Count(c) => c.get()?,
        _ => return None,
    };
    set_count(r, id, Cell::Value(v + by))
}

fn set_delta(r: &mut Report, id: CellId, v: i64) -> Option<()> {
    match r.cell_mut(id)? {
        CellMut::Delta(c) => *c = Cell::Value(v),
        _ => return None,
    }
    Some(())
}

fn set_money(r: &mut Report, id: CellId, amount: &str, unit: MoneyUnit) -> Option<()> {
    let amount: Amount = amount.parse().ok()?;
    match r.cell_mut(id)? {
        CellMut::Money(c) => *c = Cell::Value(Money::new(amount, unit)),
        _ => return None,
    }
    Some(())
}

/// A report of the edition that should give a finding of the rule, built by cell ids only, or
/// `None` where the edition has no such cells (or, for the edition rules, no other edition to
/// be wrong against).
fn trigger(code: &str, e: Edition) -> Option<Report> {
    let mut r = common::base_fixture(e);
    let year = |e: Edition| e.facts().first_year;
    match code {
        "requests.balance" => add(
            &mut r,
            CellId::Requests(RR::CarriedForward, AC::NaturalPerson),
            1,
        )?,
        "requests.outcome_total" => {
            add(&mut r, CellId::Requests(RR::Granted, AC::NaturalPerson), 1)?;
            add(&mut r, CellId::Requests(RR::Granted, AC::Total), 1)?;
        }
        "requests.applicant_total" => add(&mut r, CellId::Requests(RR::Granted, AC::Total), 1)?,
        "review.total" => add(&mut r, CellId::Review(VR::Reconsideration, VC::Upheld), 1)?,
        "sum.unchecked" => set_count(
            &mut r,
            CellId::Requests(RR::Granted, AC::NaturalPerson),
            Cell::NotApplicable,
        )?,
        "sum.derived_total" => set_count(
            &mut r,
            CellId::Requests(RR::Granted, AC::Total),
            Cell::NotRead,
        )?,
        "table.blank_cells" => set_count(
            &mut r,
            CellId::Requests(RR::Granted, AC::NaturalPerson),
            Cell::Blank,
        )?,
        "sum.blank_total" => {
            add(&mut r, CellId::Requests(RR::Granted, AC::NaturalPerson), 1)?;
            set_count(
                &mut r,
                CellId::Requests(RR::Granted, AC::Total),
                Cell::Blank,
            )?;
        }
        "proactive.item_count_negative" => {
            set_count(
                &mut r,
                CellId::Proactive(PR::Licensing, PC::PreviousItems),
                Cell::Value(0),
            )?;
            set_delta(&mut r, CellId::Proactive(PR::Licensing, PC::Change), -1)?;
        }
        "proactive.item_count_unchecked" => set_count(
            &mut r,
            CellId::Proactive(PR::Licensing, PC::PreviousItems),
            Cell::NotApplicable,
        )?,
        "proactive.decisions_equal_item_count" => {
            set_count(
                &mut r,
                CellId::Proactive(PR::Licensing, PC::PreviousItems),
                Cell::Value(5),
            )?;
            set_delta(&mut r, CellId::Proactive(PR::Licensing, PC::Change), 1)?;
            set_count(
                &mut r,
                CellId::Proactive(PR::Licensing, PC::Decisions),
                Cell::Value(6),
            )?;
        }
        "proactive.published_exceeds_total" => {
            set_count(
                &mut r,
                CellId::Proactive(PR::Rules, PC::NewlyPublished),
                Cell::Value(5),
            )?;
            set_count(
                &mut r,
                CellId::Proactive(PR::Rules, PC::TotalPublished),
                Cell::Value(1),
            )?;
        }
        "proactive.issued_exceeds_in_force" => {
            set_count(
                &mut r,
                CellId::Proactive(PR::Rules, PC::Issued),
                Cell::Value(5),
            )?;
            set_count(
                &mut r,
                CellId::Proactive(PR::Rules, PC::Repealed),
                Cell::Value(0),
            )?;
            set_count(
                &mut r,
                CellId::Proactive(PR::Rules, PC::InForce),
                Cell::Value(1),
            )?;
        }
        "proactive.procurement_without_projects" => {
            set_count(
                &mut r,
                CellId::Proactive(PR::Procurement, PC::Projects),
                Cell::Value(0),
            )?;
            set_money(
                &mut r,
                CellId::Proactive(PR::Procurement, PC::Amount),
                "100",
                MoneyUnit::Yuan,
            )?;
        }
        "proactive.fee_unit" => set_money(
            &mut r,
            CellId::Proactive(PR::Fees, PC::Amount),
            "125000",
            MoneyUnit::Yuan,
        )?,
        "overview.breakdown_sum" => {
            let o = r.overview.get_or_insert_with(Default::default);
            o.proactive = Some("全年主动公开信息10条，其中政策文件3条、通知公告4条。".into());
        }
        "overview.breakdown_incomplete" => {
            let o = r.overview.get_or_insert_with(Default::default);
            o.proactive =
                Some("全年主动公开信息10条，其中政策文件3条、财政预决算条、通知公告4条。".into());
        }
        "prose.percentage" => {
            let o = r.overview.get_or_insert_with(Default::default);
            o.proactive =
                Some("全年主动公开信息10条，其中政策文件3条，占40%；通知公告7条，占70%。".into());
        }
        "structure.section_missing" => r.problems = None,
        "structure.metadata_missing" => r.agency = None,
        "structure.title" => r.title = Some("某局政府信息公开工作报告".into()),
        "structure.edition_unconfirmed" => {
            for t in [TableId::Proactive, TableId::Requests, TableId::Review] {
                r.tables.set_presence(t, zfxxgk::report::Presence::Missing);
            }
        }
        "problems.not_filled" => {
            r.problems = Some(zfxxgk::report::Problems {
                problems: Some("无".into()),
                ..Default::default()
            });
        }
        "structure.edition_year" => {
            // A report year in which a later edition is in force.
            let later = Edition::ALL
                .iter()
                .find(|x| x.facts().first_year > year(e))?;
            r.year = Some(year(*later));
        }
        "structure.edition_too_new" => {
            if Edition::ALL.first() == Some(&e) {
                return None;
            }
            r.year = Some(year(e) - 1);
        }
        "structure.period_mismatch" => {
            let y = i32::from(r.year?);
            r.period = Some(Period {
                start: chrono::NaiveDate::from_ymd_opt(y, 2, 1)?,
                end: chrono::NaiveDate::from_ymd_opt(y, 12, 31)?,
            });
        }
        "structure.late_publication" => {
            r.published = chrono::NaiveDate::from_ymd_opt(i32::from(r.year?) + 1, 12, 1);
        }
        "structure.table_declared_none" => r
            .tables
            .set_presence(TableId::Review, Presence::DeclaredNone),
        "other_matters.fee_not_mentioned" => {
            add(
                &mut r,
                CellId::Requests(RR::OtherOverdueFeeUnpaid, AC::NaturalPerson),
                1,
            )?;
            r.other_matters = Some("无".into());
        }
        "prose.table_mismatch" => {
            let n = count(&r, CellId::Requests(RR::NewReceived, AC::Total))?;
            r.other_matters = Some(format!("本年度共收到政府信息公开申请{}件。", n + 1));
        }
        "prose.conflict" => {
            set_count(
                &mut r,
                CellId::Requests(RR::NewReceived, AC::Total),
                Cell::Blank,
            )?;
            r.other_matters =
                Some("本年度共收到政府信息公开申请12件。全年收到政府信息公开申请15件。".into());
        }
        "prose.categorical" => {
            add(&mut r, CellId::Requests(RR::CarriedForward, AC::Total), 1)?;
            r.other_matters = Some("申请均已办结。".into());
        }
        _ => return None,
    }
    Some(r)
}

/// Last year's and this year's reports of the edition that should give a finding of the
/// cross-year rule.
fn pair_trigger(code: &str, e: Edition) -> Option<(Report, Report)> {
    let base = common::base_fixture(e);
    let (mut prior, mut current) = (base.clone(), base);
    let y = current.year?;
    prior.year = Some(y - 1);
    // Not identical, unless the rule is about that.
    if code != "pair.identical_tables" {
        add(
            &mut prior,
            CellId::Review(VR::Reconsideration, VC::Upheld),
            1,
        )?;
        add(
            &mut prior,
            CellId::Review(VR::Reconsideration, VC::Total),
            1,
        )?;
    }
    if code != "pair.similar_text" {
        prior.overview = None;
        prior.problems = None;
    }
    match code {
        "pair.not_consecutive" => prior.year = Some(y - 3),
        "pair.carry_over" => add(
            &mut prior,
            CellId::Requests(RR::CarriedForward, AC::NaturalPerson),
            1,
        )?,
        "pair.in_force_roll_forward" => {
            add(&mut current, CellId::Proactive(PR::Rules, PC::InForce), 1)?
        }
        "pair.item_count_roll_forward" => add(
            &mut current,
            CellId::Proactive(PR::Licensing, PC::PreviousItems),
            7,
        )?,
        "pair.identical_tables" => {}
        "pair.unchecked" => set_count(
            &mut prior,
            CellId::Requests(RR::CarriedForward, AC::CommercialEnterprise),
            Cell::Blank,
        )?,
        "pair.similar_text" => {
            let text =
                "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，"
                    .repeat(3);
            for r in [&mut prior, &mut current] {
                r.overview.get_or_insert_with(Default::default).summary = Some(text.clone());
            }
        }
        "pair.fee_amount_jump" => {
            set_money(
                &mut prior,
                CellId::Proactive(PR::Fees, PC::Amount),
                "1",
                MoneyUnit::WanYuan,
            )?;
            set_money(
                &mut current,
                CellId::Proactive(PR::Fees, PC::Amount),
                "100",
                MoneyUnit::WanYuan,
            )?;
        }
        _ => return None,
    }
    Some((prior, current))
}

fn fires(v: &Validation, code: &str) -> bool {
    v.findings.iter().any(|f| f.code == code)
}

#[test]
fn every_rule_runs_exactly_on_the_editions_whose_cells_it_has() {
    // The table covers the catalogue.
    let mut listed: Vec<&str> = RUNS_ON.iter().map(|(c, _)| *c).collect();
    let mut catalogue: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    listed.sort_unstable();
    catalogue.sort_unstable();
    assert_eq!(listed, catalogue, "RUNS_ON lists every rule once");
    let tags: Vec<&str> = Edition::ALL.iter().map(|e| e.tag()).collect();
    assert_eq!(tags, ["2019", "2021", "2090"]);
    // The synthetic edition lacks the cells of some rules: the table says so, and the
    // validator agrees.
    assert!(RUNS_ON.iter().any(|(_, on)| !on.contains(&"2090")));
    let mut fired = 0;
    for &(code, on) in RUNS_ON {
        let rule = validate::rule(code).unwrap();
        for &e in Edition::ALL {
            let should = on.contains(&e.tag());
            let (ran, hit) = if rule.cross_year {
                let v = validate::validate_pair(Pair {
                    prior: &Report::new(e),
                    current: &Report::new(e),
                });
                let ran = v.checked.contains(code);
                let hit = pair_trigger(code, e).map(|(p, c)| {
                    fires(
                        &validate::validate_pair(Pair {
                            prior: &p,
                            current: &c,
                        }),
                        code,
                    )
                });
                (ran, hit)
            } else {
                let ran = validate::validate(&Report::new(e)).checked.contains(code);
                let hit = trigger(code, e).map(|r| fires(&validate::validate(&r), code));
                (ran, hit)
            };
            assert_eq!(
                ran, should,
                "{code} on {e}: ran {ran}, the table says {should}"
            );
            match hit {
                // Where it runs and can be triggered, it fires: no rule skips an edition silently.
                Some(hit) if should => {
                    assert!(hit, "{code} runs on {e} but its trigger gave no finding");
                    fired += 1;
                }
                Some(hit) => assert!(!hit, "{code} fired on {e}, where it must not run"),
                None => {}
            }
        }
    }
    assert!(fired >= 60, "{fired} (rule, edition) triggers fired");
}

/// Rules running where they should not cannot even be built by ids: the synthetic edition has no
/// 2019 cells, so the 2019 rules' triggers give `None` there.
#[test]
fn a_rule_without_its_cells_has_no_trigger() {
    assert!(trigger("proactive.item_count_negative", synthetic()).is_none());
    assert!(trigger("proactive.fee_unit", Edition::Trial2019).is_none());
    assert!(trigger("proactive.fee_unit", synthetic()).is_some());
}

#[test]
fn the_synthetic_edition_reads_and_writes_json_byte_identically() {
    let path = common::fixtures().join("2090/valid/synthetic-city-government-2090.json");
    let bytes = std::fs::read(&path).unwrap();
    let r = zfxxgk::json::from_slice(&bytes).unwrap();
    assert_eq!(r.edition(), synthetic());
    assert_eq!(zfxxgk::json::to_string_pretty(&r).as_bytes(), &bytes[..]);
    // Its new cells are there, typed: 行政裁决 in section 二, （五）6.其他 in section 三.
    let adjudication = CellId::Proactive(PR::Adjudication, PC::Decisions);
    assert_eq!(r.cell(adjudication).unwrap().display(), "3");
    let other = CellId::Requests(RR::NotProcessedOther, AC::Total);
    assert_eq!(r.cell(other).unwrap().display(), "3");
    assert_eq!(
        r.form().cell(other).unwrap().pointer(),
        "/requests/not_processed/other/total"
    );
    // And the other editions do not have them.
    assert!(Edition::Format2021.form().cell(adjudication).is_none());
}

#[cfg(feature = "schema")]
#[test]
fn the_synthetic_edition_is_in_the_json_schema_with_its_labels() {
    let s = zfxxgk::schema::schema(synthetic());
    let title = |p: &str| {
        s.pointer(&format!("{p}/title"))
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("no title at {p}"))
            .to_owned()
    };
    assert_eq!(s.pointer("/properties/edition/const").unwrap(), "2090");
    let proactive = "/properties/proactive/anyOf/0/oneOf/0/properties";
    assert_eq!(title(&format!("{proactive}/adjudication")), "行政裁决");
    assert_eq!(
        title(&format!("{proactive}/adjudication/properties/decisions")),
        "本年处理决定数量"
    );
    let requests = "/properties/requests/anyOf/0/oneOf/0/properties";
    assert_eq!(
        title(&format!("{requests}/not_processed")),
        "（五）不予处理"
    );
    assert_eq!(
        title(&format!("{requests}/not_processed/properties/other")),
        "6.其他"
    );
    // The file kept in schemas/ is this one.
    let stored = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/report-2090.schema.json"),
    )
    .unwrap();
    assert_eq!(stored, zfxxgk::schema::schema_string(synthetic()));
}

#[test]
fn the_synthetic_edition_s_new_row_takes_part_in_the_sums() {
    let path = common::fixtures().join("2090/valid/synthetic-city-government-2090.json");
    let mut r = common::load(&path);
    assert!(!validate::validate(&r).has_errors());
    add(
        &mut r,
        CellId::Requests(RR::NotProcessedOther, AC::NaturalPerson),
        1,
    )
    .unwrap();
    add(
        &mut r,
        CellId::Requests(RR::NotProcessedOther, AC::Total),
        1,
    )
    .unwrap();
    let v = validate::validate(&r);
    let f = v
        .with_code("requests.outcome_total")
        .find(|f| f.pointer == "/requests/processed_total/natural_person")
        .unwrap_or_else(|| panic!("{:#?}", v.findings));
    assert!(
        f.cells
            .iter()
            .any(|c| c == "/requests/not_processed/other/natural_person")
    );
    assert_eq!(f.difference, Some(-1));
}

#[test]
fn every_writer_writes_the_synthetic_edition_and_the_readers_read_it_back() {
    let path = common::fixtures().join("2090/valid/synthetic-city-government-2090.json");
    let r = common::load(&path);
    let text = zfxxgk::write::to_text(&r);
    assert!(text.contains("\t行政裁决\n\t3\n"), "{text}");
    assert!(text.contains("\t6.其他\n"));
    assert_eq!(zfxxgk::read::read_text(&text).report, r);
    let html = zfxxgk::write::to_html(&r, None);
    assert!(html.contains(">行政裁决<"));
    #[cfg(feature = "html")]
    assert_eq!(zfxxgk::read::read_html(&html).report, r);
    let md = zfxxgk::write::to_markdown(&r);
    assert!(md.contains("| 行政裁决 | 3 |"), "{md}");
    assert!(md.contains("（五）不予处理 › 6.其他"));
    let mut w = zfxxgk::export::CsvWriter::new(Vec::new());
    w.write_report(&r).unwrap();
    let csv = String::from_utf8(w.finish().unwrap()).unwrap();
    assert!(csv.contains(",not_processed/other,6.其他,natural_person,自然人,value,2,"));
}
