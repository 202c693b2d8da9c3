//! Validation: valid fixtures are clean, every invalid fixture gives its finding (snapshotted),
//! every cell of sections 三 and 四 is covered by a sum rule, and the catalogue is complete.

mod common;

use std::path::{Path, PathBuf};

use zfxxgk::form::Relation;
use zfxxgk::report::{CellMut, Slot};
use zfxxgk::validate::{self, RULES, Severity, Validation};
use zfxxgk::{Cell, CellId, Edition, Report};

fn snapshot(path: &Path, v: &Validation) {
    // The findings only: which rules ran is the editions test's business.
    #[derive(serde::Serialize)]
    struct Findings<'a> {
        findings: &'a [validate::Finding],
    }
    let findings = Findings {
        findings: &v.findings,
    };
    let mut text = serde_json::to_string_pretty(&findings).unwrap();
    text.push('\n');
    if std::env::var_os("ZFXXGK_BLESS").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == text,
        "findings differ from the snapshot {}; review and rerun with ZFXXGK_BLESS=1\n{text}",
        path.display()
    );
}

fn invalid_fixtures() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for edition in ["2019", "2021"] {
        let dir = common::fixtures().join(edition).join("invalid");
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            if let Some(code) = name
                .strip_suffix(".json")
                .filter(|n| !n.ends_with(".findings"))
            {
                out.push((code.to_owned(), p));
            }
        }
    }
    out.sort();
    out
}

fn pair_fixtures() -> Vec<(String, PathBuf)> {
    let dir = common::fixtures().join("pairs");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_str().unwrap().to_owned(), p)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn valid_fixtures_have_no_error_findings() {
    for path in common::valid_fixtures() {
        let v = validate::validate(&common::load(&path));
        let errors: Vec<_> = v.errors().collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn the_seed_gives_only_the_warnings_for_its_tables_replaced_by_none() {
    let v = validate::validate(&common::load(
        &common::fixtures().join("2019/valid/xiuzhou-education-2020.json"),
    ));
    let codes: Vec<(&str, &str)> = v
        .findings
        .iter()
        .map(|f| (f.code.as_ref(), f.pointer.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("structure.table_declared_none", "/requests"),
            ("structure.table_declared_none", "/review")
        ]
    );
}

#[test]
fn every_invalid_fixture_gives_its_finding_and_matches_its_snapshot() {
    let fixtures = invalid_fixtures();
    assert!(fixtures.len() >= 20);
    for (code, path) in fixtures {
        let v = validate::validate(&common::load(&path));
        assert!(
            v.findings.iter().any(|f| f.code == code),
            "{} does not trigger {code}: {:#?}",
            path.display(),
            v.findings
        );
        snapshot(&path.with_extension("findings.json"), &v);
    }
}

#[test]
fn every_pair_fixture_gives_its_finding_and_matches_its_snapshot() {
    for (code, dir) in pair_fixtures() {
        let prior = common::load(&dir.join("prior.json"));
        let current = common::load(&dir.join("current.json"));
        // Each half is a sound report on its own.
        assert!(
            !validate::validate(&prior).has_errors(),
            "{}",
            dir.display()
        );
        assert!(
            !validate::validate(&current).has_errors(),
            "{}",
            dir.display()
        );
        let v = validate::validate_pair(validate::Pair {
            prior: &prior,
            current: &current,
        });
        if code == "baseline" {
            assert!(v.is_clean(), "baseline pair: {:#?}", v.findings);
            continue;
        }
        assert!(
            v.findings.iter().any(|f| f.code == code),
            "{} does not trigger {code}: {:#?}",
            dir.display(),
            v.findings
        );
        snapshot(&dir.join("findings.json"), &v);
    }
}

/// The JSON Pointers of every section 三/四 cell that holds a value.
fn table_cells(report: &Report) -> Vec<(CellId, String)> {
    report
        .cells()
        .filter(|(fc, slot)| {
            !matches!(fc.id, CellId::Proactive(..)) && matches!(slot, Slot::Cell(c) if c.is_value())
        })
        .map(|(fc, _)| (fc.id, fc.pointer()))
        .collect()
}

#[test]
fn changing_any_table_cell_by_one_gives_an_error_at_that_cell() {
    let mut raised = 0;
    for path in common::valid_fixtures() {
        let report = common::load(&path);
        for (id, pointer) in table_cells(&report) {
            for delta in [1i64, -1] {
                let mut changed = report.clone();
                let Some(CellMut::Count(cell)) = changed.cell_mut(id) else {
                    panic!("{pointer} is not a count")
                };
                let Some(v) = cell.get() else { continue };
                let Some(new) = v.checked_add_signed(delta) else {
                    continue;
                };
                *cell = Cell::Value(new);
                let v = validate::validate(&changed);
                let hit = v
                    .errors()
                    .any(|f| f.pointer == pointer || f.cells.contains(&pointer));
                assert!(
                    hit,
                    "{}: {pointer} {delta:+} gave no error at it: {:#?}",
                    path.display(),
                    v.findings
                );
                raised += usize::from(delta == 1);
            }
        }
    }
    // Every cell of the four fixtures with filled tables was raised: one 2019 report
    // (161 + 15 cells), two 2021 reports (175 + 15 each) and the synthetic edition's (its 26
    // rows of section 三: 182 + 15), whose new row （五）6.其他 takes part in （七）总计.
    assert_eq!(raised, (161 + 15) + 2 * (175 + 15) + (182 + 15));
}

#[test]
fn a_blank_addend_gives_one_warning_for_its_table_not_a_cascade() {
    let path = common::fixtures().join("2021/invalid/table.blank_cells.json");
    let v = validate::validate(&common::load(&path));
    assert!(!v.has_errors(), "{:#?}", v.findings);
    let codes: Vec<(&str, &str)> = v
        .findings
        .iter()
        .map(|f| (f.code.as_ref(), f.pointer.as_str()))
        .collect();
    assert_eq!(codes, [("table.blank_cells", "/requests")]);
    assert_eq!(
        v.findings[0].cells,
        ["/requests/new_received/research_institution"]
    );
}

#[test]
fn a_table_with_no_value_is_one_finding() {
    let mut r =
        common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"));
    let ids: Vec<CellId> = r
        .form()
        .cells()
        .filter(|c| matches!(c.id, CellId::Requests(..)))
        .map(|c| c.id)
        .collect();
    for id in &ids {
        if let Some(zfxxgk::report::CellMut::Count(c)) = r.cell_mut(*id) {
            *c = Cell::Blank;
        }
    }
    let v = validate::validate(&r);
    let codes: Vec<&str> = v.findings.iter().map(|f| f.code.as_ref()).collect();
    assert_eq!(codes, ["table.blank_cells"], "{:#?}", v.findings);
    assert!(v.findings[0].message_en.contains("all 175 cells are blank"));
}

#[test]
fn cells_not_read_are_not_blamed_on_the_report() {
    // A page cut short inside section 三: the cells after the cut were not read.
    let mut r =
        common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"));
    let ids: Vec<CellId> = r
        .form()
        .cells()
        .filter(|c| matches!(c.id, CellId::Requests(..) | CellId::Review(..)))
        .map(|c| c.id)
        .skip(40)
        .collect();
    for id in &ids {
        if let Some(zfxxgk::report::CellMut::Count(c)) = r.cell_mut(*id) {
            *c = Cell::NotRead;
        }
    }
    let v = validate::validate(&r);
    assert!(v.is_clean(), "{:#?}", v.findings);
}

#[test]
fn a_blank_total_with_parts_above_zero_is_one_error_with_their_sum() {
    let path = common::fixtures().join("2021/invalid/sum.blank_total.json");
    let r = common::load(&path);
    let v = validate::validate(&r);
    let codes: Vec<(&str, &str)> = v
        .findings
        .iter()
        .map(|f| (f.code.as_ref(), f.pointer.as_str()))
        .collect();
    // The blank cell is both a column total (（七）总计 of 自然人) and a row's part (its 总计):
    // one finding, not one per relation, and not listed again among the table's blanks.
    assert_eq!(
        codes,
        [(
            "sum.blank_total",
            "/requests/processed_total/natural_person"
        )]
    );
}

#[test]
fn validation_is_deterministic() {
    for (_, path) in invalid_fixtures() {
        let r = common::load(&path);
        assert_eq!(validate::validate(&r), validate::validate(&r));
    }
}

#[test]
fn huge_counts_do_not_overflow() {
    let mut report =
        common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"));
    let zfxxgk::Tables::Format2021(r) = &mut report.tables else {
        panic!()
    };
    let t = r.requests.as_mut().unwrap().filled_mut().unwrap();
    t.granted.natural_person = Cell::Value(u64::MAX);
    t.granted.total = Cell::Value(u64::MAX);
    t.partly_granted.natural_person = Cell::Value(u64::MAX);
    let v = validate::validate(&report);
    let f = v
        .with_code("requests.outcome_total")
        .next()
        .expect("sum mismatch found");
    assert!(f.difference.is_some());
    assert!(v.with_code("requests.applicant_total").count() >= 1);
}

#[test]
fn every_sum_relation_of_the_form_is_a_catalogued_error_rule() {
    for e in Edition::ALL {
        let f = zfxxgk::form(*e);
        let codes = f
            .requests
            .relations
            .iter()
            .map(Relation::code)
            .chain(f.review.relations.iter().map(Relation::code));
        for code in codes {
            let rule = validate::rule(code).unwrap_or_else(|| panic!("{code} not catalogued"));
            assert_eq!(rule.severity, Severity::Error);
        }
    }
}

#[test]
fn the_catalogue_documents_every_rule_with_a_fixture() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/RULES.md"))
        .unwrap();
    let invalid: Vec<String> = invalid_fixtures().into_iter().map(|(c, _)| c).collect();
    let pairs: Vec<String> = pair_fixtures().into_iter().map(|(c, _)| c).collect();
    for rule in RULES {
        let heading = format!("### `{}`", rule.code);
        let at = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("{} missing from docs/RULES.md", rule.code));
        let section = &doc[at..];
        let section = &section[..section[3..].find("\n### ").map_or(section.len(), |i| i + 3)];
        assert!(
            section.contains(&format!("Severity: {}", rule.severity)),
            "{}: severity not stated as {}",
            rule.code,
            rule.severity
        );
        let has_fixture = if rule.cross_year {
            pairs.iter().any(|c| c == rule.code)
        } else {
            invalid.iter().any(|c| c == rule.code)
        };
        assert!(has_fixture, "{} has no triggering fixture", rule.code);
        assert!(
            section.contains("Fixture:"),
            "{}: fixture not named",
            rule.code
        );
    }
    // And nothing documented that the validator cannot emit.
    for line in doc.lines().filter(|l| l.starts_with("### `")) {
        let code = line.trim_start_matches("### `").trim_end_matches('`');
        assert!(
            validate::rule(code).is_some(),
            "{code} documented but not a rule"
        );
    }
}

/// Which rules to run.
type Keep = dyn Fn(&validate::Rule) -> bool;

/// Ways of choosing rules: by kind, by family, one code, none, and rules picked across the
/// catalogue (which split the rules that one check gives findings of together).
fn rule_choices() -> Vec<(&'static str, Box<Keep>)> {
    let every_other: Vec<&str> = RULES.iter().step_by(2).map(|r| r.code).collect();
    let the_others: Vec<&str> = RULES.iter().skip(1).step_by(2).map(|r| r.code).collect();
    let every_third: Vec<&str> = RULES.iter().step_by(3).map(|r| r.code).collect();
    vec![
        ("no prose", Box::new(|r| !r.reads_prose())),
        ("prose only", Box::new(|r| r.reads_prose())),
        ("cross-year only", Box::new(|r| r.cross_year)),
        ("no cross-year", Box::new(|r| !r.cross_year)),
        ("sums", Box::new(|r| r.code.starts_with("sum."))),
        ("one code", Box::new(|r| r.code == "pair.carry_over")),
        ("none", Box::new(|_| false)),
        (
            "every other",
            Box::new(move |r| every_other.contains(&r.code)),
        ),
        (
            "the others",
            Box::new(move |r| the_others.contains(&r.code)),
        ),
        (
            "every third",
            Box::new(move |r| every_third.contains(&r.code)),
        ),
    ]
}

/// What the full run gives, cut down to the rules `keep` keeps.
fn kept_part(full: &Validation, keep: &Keep) -> (Vec<String>, Vec<&'static str>) {
    let findings = full
        .findings
        .iter()
        .filter(|f| keep(validate::rule(&f.code).unwrap()))
        .map(|f| format!("{f:?}"))
        .collect();
    let checked = full
        .checked
        .iter()
        .filter(|r| keep(r))
        .map(|r| r.code)
        .collect();
    (findings, checked)
}

fn as_run(v: &Validation) -> (Vec<String>, Vec<&'static str>) {
    (
        v.findings.iter().map(|f| format!("{f:?}")).collect(),
        v.checked.iter().map(|r| r.code).collect(),
    )
}

#[test]
fn a_run_of_some_rules_gives_what_the_full_run_gives_for_them() {
    let mut seen = 0;
    for path in common::valid_fixtures()
        .into_iter()
        .chain(invalid_fixtures().into_iter().map(|(_, p)| p))
    {
        let report = common::load(&path);
        let full = validate::validate(&report);
        for (name, keep) in rule_choices() {
            let some = validate::validate_with(&report, &keep);
            assert_eq!(
                as_run(&some),
                kept_part(&full, &keep),
                "{name}: {}",
                path.display()
            );
            seen += some.findings.len();
        }
    }
    assert!(
        seen > 0,
        "no choice kept a finding: the comparison proves nothing"
    );
}

#[test]
fn a_pair_run_of_some_rules_gives_what_the_full_pair_run_gives_for_them() {
    let (mut cross, mut single) = (0, 0);
    // The pair fixtures, and each invalid fixture beside itself (not consecutive years, and
    // the single-report findings of this year's report).
    let pairs = pair_fixtures()
        .into_iter()
        .map(|(_, dir)| (dir.join("prior.json"), dir.join("current.json")))
        .chain(invalid_fixtures().into_iter().map(|(_, p)| (p.clone(), p)));
    for (prior, current) in pairs {
        let (prior, current, dir) = (common::load(&prior), common::load(&current), current);
        let pair = validate::Pair {
            prior: &prior,
            current: &current,
        };
        let full = validate::validate_pair(pair);
        for (name, keep) in rule_choices() {
            let some = validate::validate_pair_with(pair, &keep);
            assert_eq!(
                as_run(&some),
                kept_part(&full, &keep),
                "{name}: {}",
                dir.display()
            );
            cross += some
                .findings
                .iter()
                .filter(|f| f.code.starts_with("pair."))
                .count();
            single += some
                .findings
                .iter()
                .filter(|f| !f.code.starts_with("pair."))
                .count();
        }
        // Every rule kept is the full run.
        assert_eq!(validate::validate_pair_with(pair, |_| true), full);
    }
    assert!(
        cross > 0 && single > 0,
        "{cross} cross-year, {single} single-report findings kept"
    );
}

#[test]
fn the_rules_that_read_the_prose_are_these() {
    let mut reading: Vec<&str> = RULES
        .iter()
        .filter(|r| r.reads_prose())
        .map(|r| r.code)
        .collect();
    reading.sort_unstable();
    assert_eq!(
        reading,
        [
            "other_matters.fee_not_mentioned",
            "overview.breakdown_incomplete",
            "overview.breakdown_sum",
            "pair.similar_text",
            "problems.not_filled",
            "prose.categorical",
            "prose.conflict",
            "prose.percentage",
            "prose.table_mismatch",
        ]
    );
}

/// `structure.title`: which titles are a 年度报告 of the report year. The county fixture is the
/// 2023 report of a department.
#[test]
fn the_title_names_an_annual_report_of_the_report_year() {
    let base = common::load(&common::fixtures().join("2021/valid/sample-county-market-2023.json"));
    let title_findings = |title: &str| -> Vec<String> {
        let mut r = base.clone();
        r.title = Some(title.to_owned());
        validate::validate(&r)
            .with_code("structure.title")
            .map(|f| f.message_en.clone())
            .collect()
    };
    for ok in [
        "示例县市场监督管理局2023年政府信息公开工作年度报告",
        "示例县市场监督管理局2023年度政府信息公开工作年度报告",
        "2023年示例县市场监督管理局政府信息公开工作年度报告",
        "示例县市场监督管理局2023年政府信息公开年报",
        // A year in Chinese numerals is not compared.
        "示例县市场监督管理局二〇二二年政府信息公开工作年度报告",
    ] {
        assert_eq!(title_findings(ok), Vec::<String>::new(), "{ok}");
    }
    for (wrong, says) in [
        (
            "示例县市场监督管理局2023年政府信息公开工作报告",
            "does not call it",
        ),
        ("关于2023年度政府信息公开工作情况的报告", "does not call it"),
        (
            "示例县市场监督管理局2022年政府信息公开工作年度报告",
            "names the year 2022",
        ),
    ] {
        let f = title_findings(wrong);
        assert_eq!(f.len(), 1, "{wrong}: {f:?}");
        assert!(f[0].contains(says), "{wrong}: {f:?}");
    }
}
