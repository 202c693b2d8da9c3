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
    // Written from another thread: a child that answers as it reads would otherwise fill its
    // output pipe while this thread still writes its input.
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.map(<[u8]>::to_vec);
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = bytes {
            // A child that exits before reading everything closes the pipe: not a failure.
            let _ = input.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
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
        text.contains("/review/reconsideration/upheld（第 6 行第 36 列）：件数不能为负，实为 -3"),
        "{text}"
    );
    // The readable file was still validated.
    assert!(text.contains("共 1 份报告"));
    let missing = run("validate", &["no/such/file.json"], None);
    assert_eq!(missing.status.code(), Some(2));
}

/// The NDJSON stream is read in blocks of about a megabyte: lines cut by a block's end, a line
/// longer than a block, blank lines and a last line without its newline keep their numbers, and
/// one thread and several give the same output.
#[test]
fn validate_ndjson_numbers_lines_across_blocks() {
    let seed = zfxxgk::json::to_string_compact(&common::load(std::path::Path::new(SEED)));
    let mut long = common::load(std::path::Path::new(SEED));
    // Some 2.4 MB of preamble: longer than a block.
    long.preamble = Some("本报告根据条例编制。".repeat(80_000));
    let long = zfxxgk::json::to_string_compact(&long);
    let mut input = String::new();
    let mut expected = Vec::new();
    let mut n = 0;
    for k in 0..700 {
        n += 1;
        match k {
            // Blank lines, one of spaces and a CR: counted, not reported.
            100 | 101 => input.push_str(if k == 100 { "\n" } else { "  \r\n" }),
            350 => {
                input.push_str(&long);
                input.push('\n');
                expected.push(n);
            }
            _ => {
                input.push_str(&seed);
                input.push_str(if k == 699 { "" } else { "\n" });
                expected.push(n);
            }
        }
    }
    let mut outputs = Vec::new();
    for jobs in ["1", "3"] {
        let out = run(
            "validate",
            &["--format", "json", "--ndjson", "-j", jobs],
            Some(input.as_bytes()),
        );
        assert_eq!(out.status.code(), Some(0), "-j {jobs}");
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let sources: Vec<String> = lines[..lines.len() - 1]
            .iter()
            .map(|l| l["source"].as_str().unwrap().to_owned())
            .collect();
        let want: Vec<String> = expected.iter().map(|n| format!("stdin:{n}")).collect();
        assert_eq!(sources, want, "-j {jobs}");
        assert_eq!(lines.last().unwrap()["summary"]["reports"], expected.len());
        outputs.push(text);
    }
    assert_eq!(outputs[0], outputs[1]);
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
    let out = run("validate", &["--format", "json", "--ndjson"], Some(&input));
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
    let n = common::valid_fixtures().len();
    assert_eq!(lines.len(), n + 2, "a line a report, then the summary");
    assert_eq!(lines[0]["source"], "stdin:1");
    assert!(lines[0]["findings"].is_array());
    let bad = &lines[n];
    assert_eq!(bad["source"], format!("stdin:{}", n + 1));
    assert!(bad["error"].as_str().unwrap().contains("/year"));
    let summary = &lines[n + 1]["summary"];
    assert_eq!(summary["reports"], n);
    assert_eq!(summary["unreadable"], 1);
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
    let text = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["pair.carry_over", "pair.carry_over"]);
}

/// The codes of each report's findings in `validate --format json` output, in order.
fn codes_per_report(out: &Output) -> Vec<Vec<String>> {
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    text.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("summary").is_none())
        .map(|v| {
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["code"].as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn validate_runs_the_rules_the_options_choose() {
    // Two fixtures whose findings are known: two prose.table_mismatch warnings, and two
    // requests.balance errors.
    let prose = "tests/fixtures/2021/invalid/prose.table_mismatch.json";
    let balance = "tests/fixtures/2021/invalid/requests.balance.json";
    let mismatch = || vec!["prose.table_mismatch".to_owned(); 2];
    let unbalanced = || vec!["requests.balance".to_owned(); 2];
    let none = Vec::<String>::new;
    // The options, each report's codes, the exit status.
    type Case<'a> = (&'a [&'a str], [Vec<String>; 2], i32);
    let cases: [Case; 6] = [
        (&[], [mismatch(), unbalanced()], 1),
        (&["--no-prose"], [none(), unbalanced()], 1),
        (&["--skip", "prose."], [none(), unbalanced()], 1),
        (&["--only", "prose."], [mismatch(), none()], 0),
        (
            &["--only", "sum.", "--only", "requests.balance"],
            [none(), unbalanced()],
            1,
        ),
        (&["--skip", "requests.", "--no-prose"], [none(), none()], 0),
    ];
    for (options, expected, status) in cases {
        let mut args = vec!["--format", "json"];
        args.extend(options);
        args.extend([prose, balance]);
        let out = run("validate", &args, None);
        assert_eq!(out.status.code(), Some(status), "{options:?}");
        assert_eq!(codes_per_report(&out), expected, "{options:?}");
        // The same over NDJSON on two threads.
        let mut input = Vec::new();
        for path in [prose, balance] {
            let r = common::load(std::path::Path::new(path));
            input.extend(zfxxgk::json::to_string_compact(&r).bytes());
            input.push(b'\n');
        }
        let mut args = vec!["--format", "json", "--ndjson", "-j", "2"];
        args.extend(options);
        let out = run("validate", &args, Some(&input));
        assert_eq!(out.status.code(), Some(status), "--ndjson {options:?}");
        assert_eq!(codes_per_report(&out), expected, "--ndjson {options:?}");
    }
}

#[test]
fn validate_with_prior_runs_the_cross_year_rules_the_options_choose() {
    let dir = "tests/fixtures/pairs/pair.carry_over";
    let (prior, current) = (format!("{dir}/prior.json"), format!("{dir}/current.json"));
    for (options, expected) in [
        (&["--no-prose"][..], 2),
        (&["--only", "pair.carry_over"][..], 2),
        (&["--skip", "pair."][..], 0),
        (&["--only", "structure."][..], 0),
    ] {
        let mut args = vec!["--prior", &prior, "--format", "json"];
        args.extend(options);
        args.push(&current);
        let out = run("validate", &args, None);
        assert_eq!(out.status.code(), Some(0), "{options:?}");
        assert_eq!(
            codes_per_report(&out),
            [vec!["pair.carry_over".to_owned(); expected]],
            "{options:?}"
        );
    }
}

#[test]
fn validate_no_prose_leaves_out_the_text_compared_with_last_year_s() {
    let dir = "tests/fixtures/pairs/pair.similar_text";
    let (prior, current) = (format!("{dir}/prior.json"), format!("{dir}/current.json"));
    for (options, expected) in [(&[][..], 1), (&["--no-prose"][..], 0)] {
        let mut args = vec!["--prior", &prior, "--format", "json"];
        args.extend(options);
        args.push(&current);
        let out = run("validate", &args, None);
        let codes = codes_per_report(&out);
        let similar = codes[0]
            .iter()
            .filter(|c| *c == "pair.similar_text")
            .count();
        assert_eq!(similar, expected, "{options:?}: {codes:?}");
    }
}

#[test]
fn validate_refuses_a_rule_prefix_no_code_starts_with() {
    for options in [&["--only", "sums."][..], &["--skip", "prose.nothing"][..]] {
        let mut args = options.to_vec();
        args.push(SEED);
        let out = run("validate", &args, None);
        assert_eq!(out.status.code(), Some(2), "{options:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(options[1]) && err.contains("sum."), "{err}");
        assert!(out.stdout.is_empty(), "nothing validated");
    }
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

#[test]
fn every_binary_has_help_and_a_version() {
    for name in ["validate", "parse", "render", "schema"] {
        for flag in ["--help", "-h"] {
            let out = run(name, &[flag], None);
            assert_eq!(out.status.code(), Some(0), "{name} {flag}");
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(
                text.contains(&format!("Usage: {name}")),
                "{name} {flag}: {text}"
            );
        }
        let out = run(name, &["--version"], None);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().trim(),
            format!("{name} {}", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn lang_takes_an_equals_sign_too() {
    let a = run("validate", &["--lang=en", SEED], None);
    let b = run("validate", &["--lang", "en", SEED], None);
    assert_eq!(a.stdout, b.stdout);
    assert!(
        String::from_utf8(a.stdout)
            .unwrap()
            .contains("1 report: 0 errors, 2 warnings, 0 infos, 0 unreadable")
    );
}

#[test]
fn each_binary_reads_stdin() {
    let seed = std::fs::read(SEED).unwrap();
    // validate -: one report, pretty as it is.
    let out = run("validate", &["-"], Some(&seed));
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("共 1 份报告：错误 0，警告 2")
    );
    // render -
    let out = run("render", &["--to", "text", "-"], Some(&seed));
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\t其他对外管理服务事项\n\t26\n")
    );
    // parse -: the text of the seed, told apart from HTML by its content.
    let text = std::fs::read("tests/fixtures/text/xiuzhou-education-2020.txt").unwrap();
    let out = run("parse", &["-"], Some(&text));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        zfxxgk::json::from_slice(&out.stdout).unwrap(),
        common::load(&common::fixtures().join("2019/valid/xiuzhou-education-2020.json"))
    );
    // …and an HTML page on stdin is read as HTML.
    let html = std::fs::read("tests/fixtures/html/sample-city-government-2022.html").unwrap();
    let out = run("parse", &["-"], Some(&html));
    assert_eq!(
        zfxxgk::json::from_slice(&out.stdout).unwrap(),
        common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"))
    );
}

#[test]
fn parse_reads_an_html_page_whatever_its_name() {
    let dir = std::env::temp_dir().join(format!("zfxxgk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.shtml");
    std::fs::copy(
        "tests/fixtures/html/sample-city-government-2022.html",
        &page,
    )
    .unwrap();
    let out = run("parse", &[page.to_str().unwrap()], None);
    let r = zfxxgk::json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.agency(), "示例市人民政府");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A PDF, named without an extension, is told by its content; `--validate` finds the 2023
/// report's two broken totals of table 四 (exit 1); a scan without text exits 2 and says why.
#[test]
fn parse_reads_a_pdf_whatever_its_name() {
    let dir = std::env::temp_dir().join(format!("zfxxgk-cli-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report");
    std::fs::copy("tests/fixtures/pdf/hongze-2023.pdf", &file).unwrap();
    let out = run(
        "parse",
        &["--validate", "--lang", "en", file.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let r = zfxxgk::json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.agency(), "洪泽区人民政府");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("review.total\terror").count(), 2, "{err}");
    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").unwrap();
    let out = run("parse", &["--lang", "en", scan.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no text layer"),
        "a page without text"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parse_validate_exits_1_on_an_error_finding() {
    let dir = std::env::temp_dir().join(format!("zfxxgk-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("bad.txt");
    // The 2021 sample text with one count changed: （七）总计 no longer balances.
    let text = std::fs::read_to_string("tests/fixtures/text/sample-city-government-2022.tabs.txt")
        .unwrap();
    let r = zfxxgk::read::read_text(&text).report;
    let mut bad = r.clone();
    let id = zfxxgk::CellId::Requests(
        zfxxgk::form::RequestRow::Granted,
        zfxxgk::form::ApplicantColumn::NaturalPerson,
    );
    if let Some(zfxxgk::report::CellMut::Count(c)) = bad.cell_mut(id) {
        *c = zfxxgk::Cell::Value(c.get().unwrap() + 1);
    }
    std::fs::write(&page, zfxxgk::write::to_text(&bad)).unwrap();
    let out = run("parse", &["--validate", page.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("requests.outcome_total\t错误")
    );
    let out = run("parse", &[page.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "without --validate nothing is checked"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_pipe_ends_a_binary_quietly() {
    let mut input = Vec::new();
    let bad = std::fs::read_to_string("tests/fixtures/2021/invalid/requests.balance.json").unwrap();
    let line = zfxxgk::json::to_string_compact(&zfxxgk::json::from_str(&bad).unwrap());
    for _ in 0..5000 {
        input.extend(line.bytes());
        input.push(b'\n');
    }
    for (name, args, stdin, expected) in [
        ("schema", vec!["2021"], None, 0),
        ("validate", vec!["--ndjson"], Some(input.clone()), 1),
        ("render", vec!["--to", "html", SEED], None, 0),
    ] {
        let mut child = Command::new(example(name))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin_pipe = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            if let Some(bytes) = stdin {
                let _ = stdin_pipe.write_all(&bytes);
            }
        });
        // Read one byte, then close the pipe.
        let mut out = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        std::io::Read::read_exact(&mut out, &mut one).unwrap();
        drop(out);
        let status = child.wait().unwrap();
        feeder.join().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(!err.contains("panicked"), "{name}: {err}");
        // The status what was written so far gives: an error finding had been written.
        assert_eq!(status.code(), Some(expected), "{name}: {err}");
    }
}

#[test]
fn validate_and_parse_take_directories_and_end_with_a_summary() {
    let out = run(
        "validate",
        &["--format", "json", "tests/fixtures/2021/valid"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0]["source"],
        "tests/fixtures/2021/valid/sample-city-government-2022.json"
    );
    assert_eq!(
        lines[2],
        serde_json::json!({"summary": {"reports": 2, "error": 0, "warning": 0, "info": 0, "unreadable": 0}})
    );
    let out = run("parse", &["tests/fixtures/text"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let files = std::fs::read_dir("tests/fixtures/text").unwrap().count();
    assert_eq!(lines.len(), files + 1);
    assert!(lines[0]["report"].is_object());
    assert_eq!(lines[files]["summary"]["reports"], files);
}

/// The form's official labels and the report's own text: the only Chinese an English run may
/// print.
fn chinese_allowed(report: &zfxxgk::Report) -> Vec<String> {
    let f = report.form();
    let mut words: Vec<String> = Vec::new();
    for c in f.cells() {
        words.push(c.row_label.clone());
        words.push(c.column_label.to_owned());
        words.extend(c.block_title.map(str::to_owned));
    }
    for sec in f.sections() {
        words.push(sec.heading());
        words.push(sec.title.to_owned());
    }
    for t in [&f.proactive.key, &f.requests.key] {
        let _ = t;
    }
    let decls = [f
        .requests
        .rows()
        .flat_map(|r| r.groups.iter())
        .map(|g| g.label())
        .collect::<Vec<_>>()];
    words.extend(decls.into_iter().flatten());
    words.extend(f.requests.rows().map(|r| r.name.to_owned()));
    words.extend(report.agency.clone());
    words.push("无".into());
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
}

#[test]
fn english_output_has_no_chinese_but_labels_and_the_report_s_own_text() {
    for path in [
        SEED,
        "tests/fixtures/2021/invalid/requests.balance.json",
        "tests/fixtures/2019/invalid/requests.applicant_total.json",
    ] {
        let report = zfxxgk::json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let out = run("validate", &["--lang", "en", path], None);
        let mut text = String::from_utf8(out.stdout).unwrap();
        for w in chinese_allowed(&report) {
            text = text.replace(&w, "");
        }
        let cjk: String = text
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .collect();
        assert!(
            cjk.is_empty(),
            "{path}: Chinese left in English output: {cjk}\n{text}"
        );
    }
    // The read log too.
    let out = run(
        "parse",
        &["--log", "--lang", "en", "tests/fixtures/real/010.txt"],
        None,
    );
    let err = String::from_utf8(out.stderr).unwrap();
    let warn_lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.contains("\tread\t") && !l.contains("\tunread\t"))
        .collect();
    for l in &warn_lines {
        let message = l.rsplit('\t').next().unwrap();
        let mut m = message.to_owned();
        let report = zfxxgk::read::read_text(
            &std::fs::read_to_string("tests/fixtures/real/010.txt").unwrap(),
        )
        .report;
        for w in chinese_allowed(&report) {
            m = m.replace(&w, "");
        }
        assert!(
            !m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{l}"
        );
    }
    assert!(warn_lines.iter().any(|l| l.contains("not found")), "{err}");
}

#[test]
fn chinese_output_says_everything_in_chinese() {
    let out = run("parse", &["--log", "tests/fixtures/real/010.txt"], None);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("未找到"), "{err}");
    assert!(!err.contains("not found"), "{err}");
    let out = run(
        "parse",
        &["--validate", "tests/fixtures/real/010.txt"],
        None,
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("\t错误\t") && !err.contains("\terror\t"),
        "{err}"
    );
}
