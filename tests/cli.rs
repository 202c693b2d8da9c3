//! The example binaries as a user runs them: exit codes, output formats, NDJSON on stdin.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The compiled example; `cargo test` builds examples before it runs tests.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} not built; run `cargo test`",
        path.display()
    );
    path
}

fn run(name: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(example(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            input.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

const SEED: &str = "tests/fixtures/2019/valid/xiuzhou-education-2020.json";

#[test]
fn validate_exits_0_on_the_seed_and_prints_a_table() {
    let out = run("validate", &[SEED], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "文件\t规则\t级别\t位置\t应为/实为\t说明");
    assert!(lines[1].starts_with(&format!(
        "{SEED}\tstructure.table_declared_none\t警告\t/requests\t"
    )));
    assert_eq!(
        lines.last().unwrap(),
        &"共 1 份报告：错误 0，警告 2，提示 0，无法读取 0"
    );
}

#[test]
fn validate_exits_1_on_an_error_finding_and_speaks_english() {
    let out = run(
        "validate",
        &[
            "--lang",
            "en",
            "tests/fixtures/2021/invalid/requests.balance.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(
        "requests.balance\terror\t/requests/new_received/natural_person\t69 / 68\tcolumn “自然人”"
    ));
}

#[test]
fn validate_exits_2_with_the_location_when_an_input_cannot_be_parsed() {
    let out = run(
        "validate",
        &["tests/fixtures/json-errors/negative-count.json", SEED],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "/review/reconsideration/upheld (line 6, column 36): a count cannot be negative"
        ),
        "{text}"
    );
    // The readable file was still validated.
    assert!(text.contains("共 1 份报告"));
    let missing = run("validate", &["no/such/file.json"], None);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn validate_reads_ndjson_from_stdin_and_writes_json_lines() {
    let mut input = Vec::new();
    for path in common::valid_fixtures() {
        let r = common::load(&path);
        input.extend(zfxxgk::json::to_string_compact(&r).bytes());
        input.push(b'\n');
    }
    input.extend(b"{\"edition\":\"2021\",\"year\":-1}\n");
    let out = run("validate", &["--format", "json", "-"], Some(&input));
    assert_eq!(
        out.status.code(),
        Some(2),
        "the last line has a negative year"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), common::valid_fixtures().len() + 1);
    assert_eq!(lines[0]["source"], "stdin:1");
    assert!(lines[0]["findings"].is_array());
    let last = lines.last().unwrap();
    assert_eq!(last["source"], format!("stdin:{}", lines.len()));
    assert!(last["error"].as_str().unwrap().contains("/year"));
}

#[test]
fn validate_with_prior_adds_cross_year_findings() {
    let dir = "tests/fixtures/pairs/pair.carry_over";
    let out = run(
        "validate",
        &[
            "--prior",
            &format!("{dir}/prior.json"),
            "--format",
            "json",
            &format!("{dir}/current.json"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["pair.carry_over", "pair.carry_over"]);
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(run("validate", &[], None).status.code(), Some(2));
    assert_eq!(
        run("validate", &["--format", "xml", SEED], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run("schema", &["2020"], None).status.code(), Some(2));
}

#[test]
fn schema_example_prints_the_checked_in_schema() {
    for tag in ["2019", "2021"] {
        let out = run("schema", &[tag], None);
        assert_eq!(out.status.code(), Some(0));
        let stored = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("schemas/report-{tag}.schema.json")),
        )
        .unwrap();
        assert_eq!(out.stdout, stored);
    }
}
