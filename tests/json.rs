//! JSON reading and writing: round trips of every valid fixture, schema conformance, schema
//! drift, and the error each malformed input must give.

mod common;

use std::path::Path;

use zfxxgk::Edition;
use zfxxgk::json::{self, JsonErrorKind};
use zfxxgk::schema;

#[test]
fn every_valid_fixture_round_trips_byte_identically() {
    let files = common::valid_fixtures();
    assert!(files.len() >= 4, "fixtures missing: {files:?}");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let report = json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let written = json::to_string_pretty(&report);
        assert_eq!(
            written,
            String::from_utf8(bytes).unwrap(),
            "{} does not round-trip byte-identically",
            path.display()
        );
        let again = json::from_str(&written).unwrap();
        assert_eq!(again, report, "{}", path.display());
        let compact = json::from_str(&json::to_string_compact(&report)).unwrap();
        assert_eq!(compact, report, "{}", path.display());
    }
}

#[test]
fn fixture_folders_match_editions() {
    for path in common::valid_fixtures() {
        let report = common::load(&path);
        let folder = path
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .file_name()
            .unwrap();
        assert_eq!(
            folder.to_str().unwrap(),
            report.edition().tag(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn every_valid_fixture_validates_against_its_schema() {
    for &edition in Edition::ALL {
        let schema = schema::schema(edition);
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        for path in common::valid_fixtures() {
            let report = common::load(&path);
            if report.edition() != edition {
                continue;
            }
            let value: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        }
    }
}

#[test]
fn schema_rejects_what_the_reader_rejects() {
    // The schema is not looser than the reader for the commonest mistakes.
    let schema = schema::schema(Edition::Format2021);
    let validator = jsonschema::validator_for(&schema).unwrap();
    for bad in [
        r#"{"edition":"2021","agency":"x","year":2022,"extra":1}"#,
        r#"{"edition":"2019","agency":"x","year":2022}"#,
        r#"{"edition":"2021","agency":"x","year":2022,"review":"没有"}"#,
        r#"{"edition":"2021","agency":"x","year":2022,"review":{"reconsideration":{"upheld":-1,"corrected":0,"other":0,"pending":0,"total":0},"litigation_direct":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},"litigation_after_reconsideration":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}}"#,
    ] {
        let v: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(!validator.is_valid(&v), "schema accepted {bad}");
        assert!(
            json::from_slice_as(Edition::Format2021, bad.as_bytes()).is_err(),
            "reader accepted {bad}"
        );
    }
}

#[test]
fn checked_in_schemas_match_the_generated_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    for &edition in Edition::ALL {
        let path = dir.join(schema::schema_file_name(edition));
        let generated = schema::schema_string(edition);
        if std::env::var_os("ZFXXGK_BLESS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &generated).unwrap();
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == generated,
            "{} differs from the generated schema; review the change and rerun with ZFXXGK_BLESS=1",
            path.display()
        );
    }
}

#[test]
fn schema_titles_come_from_the_form() {
    let s = schema::schema(Edition::Trial2019);
    let t = |p: &str| s.pointer(p).and_then(|v| v.as_str()).map(str::to_owned);
    assert_eq!(
        t("/properties/proactive/title").as_deref(),
        Some("二、主动公开政府信息情况")
    );
    let requests = "/properties/requests/anyOf/0/oneOf/0/properties";
    assert_eq!(
        t(&format!("{requests}/denied/title")).as_deref(),
        Some("（三）不予公开")
    );
    assert_eq!(
        t(&format!(
            "{requests}/denied/properties/three_safety_one_stability/title"
        ))
        .as_deref(),
        Some("3.危及“三安全一稳定”")
    );
    assert_eq!(
        t(&format!(
            "{requests}/new_received/properties/natural_person/title"
        ))
        .as_deref(),
        Some("自然人")
    );
}

struct Expected {
    file: &'static str,
    kind: JsonErrorKind,
    pointer: &'static str,
    line: usize,
    message: &'static str,
}

const EXPECTED: &[Expected] = &[
    Expected {
        file: "truncated.json",
        kind: JsonErrorKind::Eof,
        pointer: "/review/reconsideration",
        line: 8,
        message: "EOF while parsing",
    },
    Expected {
        file: "empty.json",
        kind: JsonErrorKind::Eof,
        pointer: "",
        line: 1,
        message: "EOF while parsing",
    },
    Expected {
        file: "count-as-string.json",
        kind: JsonErrorKind::Data,
        pointer: "/review/reconsideration/upheld",
        line: 6,
        message: "found the string \"3\"",
    },
    Expected {
        file: "negative-count.json",
        kind: JsonErrorKind::Data,
        pointer: "/review/reconsideration/upheld",
        line: 6,
        message: "a count cannot be negative, found -3",
    },
    Expected {
        file: "fractional-count.json",
        kind: JsonErrorKind::Data,
        pointer: "/review/reconsideration/upheld",
        line: 6,
        message: "found 2.5",
    },
    Expected {
        file: "unknown-key.json",
        kind: JsonErrorKind::Data,
        pointer: "/author",
        line: 5,
        message: "unknown field `author`",
    },
    Expected {
        file: "unknown-key-in-cell-row.json",
        kind: JsonErrorKind::Data,
        pointer: "/review/reconsideration/upheld_extra",
        line: 6,
        message: "unknown field `upheld_extra`",
    },
    Expected {
        file: "bad-amount.json",
        kind: JsonErrorKind::Data,
        pointer: "/proactive/fees/amount/amount",
        line: 11,
        message: "malformed amount \"1e5\"",
    },
    Expected {
        file: "amount-as-number.json",
        kind: JsonErrorKind::Data,
        pointer: "/proactive/fees/amount/amount",
        line: 11,
        message: "expected an amount as a string",
    },
    Expected {
        file: "bad-money-unit.json",
        kind: JsonErrorKind::Data,
        pointer: "/proactive/fees/amount/unit",
        line: 11,
        message: "unknown variant `美元`",
    },
    Expected {
        file: "wrong-edition-tag.json",
        kind: JsonErrorKind::Data,
        pointer: "/edition",
        line: 2,
        message: "unknown edition \"2020\"",
    },
    Expected {
        file: "edition-as-number.json",
        kind: JsonErrorKind::Data,
        pointer: "/edition",
        line: 2,
        message: "expected the edition tag",
    },
    Expected {
        file: "edition-2019-with-2021-table.json",
        kind: JsonErrorKind::Data,
        pointer: "/proactive/rules/issued",
        line: 6,
        message: "unknown field `issued`",
    },
    Expected {
        file: "duplicate-key.json",
        kind: JsonErrorKind::Data,
        pointer: "/agency",
        line: 4,
        message: "duplicate field `agency`",
    },
    Expected {
        file: "missing-edition.json",
        kind: JsonErrorKind::Data,
        pointer: "",
        line: 5,
        message: "missing field `edition`",
    },
    Expected {
        file: "table-declared-none-wrong-word.json",
        kind: JsonErrorKind::Data,
        pointer: "/requests",
        line: 5,
        message: "invalid value: string \"没有\"",
    },
    Expected {
        file: "not-an-object.json",
        kind: JsonErrorKind::Data,
        pointer: "",
        line: 1,
        message: "invalid type: sequence",
    },
    Expected {
        file: "trailing-data.json",
        kind: JsonErrorKind::Syntax,
        pointer: "",
        line: 6,
        message: "trailing characters",
    },
];

#[test]
fn every_malformed_input_gives_its_error() {
    let dir = common::fixtures().join("json-errors");
    let mut listed: Vec<&str> = EXPECTED.iter().map(|e| e.file).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    present.sort_unstable();
    assert_eq!(listed, present, "every error fixture has one expectation");
    for exp in EXPECTED {
        let bytes = std::fs::read(dir.join(exp.file)).unwrap();
        let err = json::from_slice(&bytes).expect_err(exp.file);
        assert_eq!(err.kind, exp.kind, "{}: {err}", exp.file);
        assert_eq!(err.pointer, exp.pointer, "{}: {err}", exp.file);
        assert_eq!(err.line, exp.line, "{}: {err}", exp.file);
        assert!(err.message.contains(exp.message), "{}: {err}", exp.file);
        // The Display form names the place and the problem.
        let shown = err.to_string();
        assert!(shown.contains(&format!("line {}", exp.line)), "{shown}");
    }
}

#[test]
fn edition_key_may_come_anywhere() {
    let late = r#"{"agency":"某局","year":2021,"edition":"2021"}"#;
    let r = json::from_str(late).unwrap();
    assert_eq!(r.edition(), Edition::Format2021);
    // Written back canonically, the edition comes first.
    assert!(json::to_string_compact(&r).starts_with(r#"{"edition":"2021""#));
}

#[test]
fn reading_as_the_wrong_edition_points_at_the_tag() {
    let path = common::fixtures().join("2021/valid/sample-city-government-2022.json");
    let err = json::from_slice_as(Edition::Trial2019, &std::fs::read(path).unwrap()).unwrap_err();
    assert_eq!(err.pointer, "/edition");
}

#[test]
fn blank_and_not_applicable_survive_json() {
    let path = common::fixtures().join("2021/valid/sample-county-market-2023.json");
    let mut report = common::load(&path);
    let zfxxgk::Tables::Format2021(r) = &mut report.tables else {
        panic!("edition")
    };
    let p = r.proactive.as_mut().unwrap().filled_mut().unwrap();
    p.rules.in_force = zfxxgk::Cell::Blank;
    p.rules.issued = zfxxgk::Cell::NotApplicable;
    let text = json::to_string_pretty(&report);
    assert!(text.contains("\"in_force\": null"));
    assert!(text.contains("\"issued\": \"/\""));
    assert_eq!(json::from_str(&text).unwrap(), report);
}

#[test]
fn a_report_reads_from_a_value_whose_keys_are_sorted() {
    for path in common::valid_fixtures() {
        let report = common::load(&path);
        // A `serde_json::Value` keeps its keys sorted (as a database's JSON column gives them
        // back): "agency" comes before "edition".
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
        let back: zfxxgk::Report = serde_json::from_value(value).unwrap();
        assert_eq!(back, report, "{}", path.display());
    }
}

#[test]
fn a_report_reads_with_its_tables_before_the_edition_from_any_source() {
    let path = common::fixtures().join("2021/valid/sample-city-government-2022.json");
    let report = common::load(&path);
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    // Rebuild the object with the tables first and the edition last.
    let obj = value.as_object().unwrap();
    let mut text = String::from("{");
    for (i, k) in [
        "review",
        "requests",
        "proactive",
        "agency",
        "title",
        "year",
        "issuer",
        "period",
        "published",
        "preamble",
        "overview",
        "problems",
        "other_matters",
        "edition",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!("{:?}:{}", k, obj[*k]));
    }
    text.push('}');
    let generic: zfxxgk::Report = serde_json::from_str(&text).unwrap();
    assert_eq!(generic, report);
    assert_eq!(json::from_str(&text).unwrap(), report);
    // Without an edition: a plain error, no internal marker.
    let err = serde_json::from_str::<zfxxgk::Report>(r#"{"agency": "某局", "review": "无"}"#)
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("missing field `edition` at line 1"),
        "{err}"
    );
    // A bad cell in a table read before the edition names the table.
    let bad = text.replace("\"upheld\":", "\"upheld\":-");
    let err = serde_json::from_str::<zfxxgk::Report>(&bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("review") && err.contains("negative"), "{err}");
    // From bytes the error still has its line and column.
    let err = json::from_str(&bad).unwrap_err();
    assert!(err.pointer.starts_with("/review/"), "{err}");
}

#[test]
fn a_validation_round_trips_through_json() {
    for dir in ["2019/invalid", "2021/invalid"] {
        for e in std::fs::read_dir(common::fixtures().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.to_str().unwrap().ends_with(".findings.json") {
                continue;
            }
            let v = zfxxgk::validate::validate(&common::load(&p));
            assert!(!v.findings.is_empty());
            let text = serde_json::to_string(&v).unwrap();
            let back: zfxxgk::validate::Validation = serde_json::from_str(&text).unwrap();
            assert_eq!(back, v, "{}", p.display());
        }
    }
}

#[test]
fn a_json_error_serializes_with_its_place() {
    let err = json::from_str(r#"{"edition": "2021", "year": -1}"#).unwrap_err();
    let v = serde_json::to_value(&err).unwrap();
    assert_eq!(v["kind"], "data");
    assert_eq!(v["pointer"], "/year");
    assert_eq!(v["line"], 1);
    let back: zfxxgk::JsonError = serde_json::from_value(v).unwrap();
    assert_eq!(back, err);
}
