//! Hostile input: each case is an input a user might hand in (by mistake or not) and what the
//! crate must give for it: the error with its kind and place, the log entry, or the finding.
//! Nothing panics; nothing is silently read as zero.

mod common;

use zfxxgk::form::{
    ApplicantColumn as A, ProactiveColumn as PC, ProactiveRow as PR, RequestRow as RR,
};
use zfxxgk::json::{self, JsonErrorKind};
use zfxxgk::read::{self, EntryKind, Reading};
use zfxxgk::report::CellMut;
use zfxxgk::{Cell, CellId, Report, validate};

type Check = Box<dyn Fn() -> Result<(), String> + std::panic::RefUnwindSafe>;

fn json_err(
    input: Vec<u8>,
    kind: JsonErrorKind,
    pointer: &'static str,
    line: usize,
    msg: &'static str,
) -> Check {
    Box::new(move || {
        let e = match json::from_slice(&input) {
            Ok(_) => return Err("read without error".into()),
            Err(e) => e,
        };
        if e.kind != kind || e.pointer != pointer || e.line != line || !e.message.contains(msg) {
            return Err(format!(
                "got {:?} at {:?} line {}: {}",
                e.kind, e.pointer, e.line, e.message
            ));
        }
        Ok(())
    })
}

fn text(
    input: impl Into<Vec<u8>>,
    check: impl Fn(&Reading) -> Result<(), String> + std::panic::RefUnwindSafe + 'static,
) -> Check {
    let input = input.into();
    Box::new(move || check(&read::read_text_bytes(&input)))
}

fn html(
    input: impl Into<Vec<u8>>,
    check: impl Fn(&Reading) -> Result<(), String> + std::panic::RefUnwindSafe + 'static,
) -> Check {
    let input = input.into();
    Box::new(move || check(&read::read_html_bytes(&input)))
}

fn pdf(
    input: Vec<u8>,
    limits: read::PdfLimits,
    check: impl Fn(Result<Reading, read::PdfError>) -> Result<(), String>
    + std::panic::RefUnwindSafe
    + 'static,
) -> Check {
    Box::new(move || check(read::read_pdf_with(&input, &limits)))
}

/// A PDF read must fail with this error.
fn pdf_err(
    input: Vec<u8>,
    limits: read::PdfLimits,
    want: impl Fn(&read::PdfError) -> bool + std::panic::RefUnwindSafe + 'static,
) -> Check {
    pdf(input, limits, move |r| match r {
        Err(e) if want(&e) => {
            // Every error says what in both languages.
            ok(
                !e.message(validate::Lang::Zh).is_empty() && !e.to_string().is_empty(),
                "a message",
            )
        }
        Err(e) => Err(format!("wrong error: {e:?}")),
        Ok(r) => Err(format!("read: {:?}", r.report.agency)),
    })
}

/// The shared real PDF, cut or damaged.
fn real_pdf() -> Vec<u8> {
    std::fs::read(common::fixtures().join("pdf/hongze-2023.pdf")).unwrap()
}

/// Forms drawn within forms, each ten times: 10^levels operations for one `Do`.
fn nested_forms(levels: usize) -> Vec<u8> {
    use common::pdf::stream;
    // Objects 5.. are the forms; form k draws form k+1 ten times; the last draws a line.
    let mut forms = Vec::new();
    for k in 0..levels {
        let obj = 5 + k;
        if k + 1 == levels {
            forms.push(stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 10 10]",
                b"0 0 m 1 1 l S",
            ));
        } else {
            forms.push(stream(
                &format!(
                    "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X {} 0 R >> >>",
                    obj + 1
                ),
                "/X Do ".repeat(10).as_bytes(),
            ));
        }
    }
    common::pdf::one_page(b"/X Do", "<< /XObject << /X 5 0 R >> >>", &forms)
}

fn pages(n: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..n).map(|k| format!("{} 0 R", 3 + k)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
    ];
    for _ in 0..n {
        objects.push(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec());
    }
    common::pdf::build(&objects)
}

fn bomb(bytes: usize) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..bytes >> 20 {
        z.write_all(&zeros).unwrap();
    }
    let data = z.finish().unwrap();
    common::pdf::one_page(
        b"",
        "<< >>",
        &[common::pdf::stream("/Filter /FlateDecode", &data)],
    )
}

fn limits(f: impl FnOnce(&mut read::PdfLimits)) -> read::PdfLimits {
    let mut l = read::PdfLimits::default();
    f(&mut l);
    l
}

fn ok(cond: bool, what: &str) -> Result<(), String> {
    if cond { Ok(()) } else { Err(what.to_owned()) }
}

fn has_log(r: &Reading, kind: EntryKind, needle: &str) -> Result<(), String> {
    ok(
        r.log
            .entries
            .iter()
            .any(|e| e.kind == kind && e.message.contains(needle)),
        &format!(
            "no {kind:?} log entry containing {needle:?}: {:#?}",
            r.log
                .entries
                .iter()
                .filter(|e| e.kind != EntryKind::Read)
                .collect::<Vec<_>>()
        ),
    )
}

/// The value of a cell as printed; `None` for a blank cell or one not read.
fn cell(r: &Report, id: CellId) -> Option<String> {
    r.cell(id)
        .filter(|c| c.is_value() || c.is_not_applicable())
        .map(|c| c.display())
}

const MIN: &str = r#"{"edition":"2021","agency":"某局","year":2022}"#;

fn with(field: &str) -> Vec<u8> {
    format!(r#"{{"edition":"2021","agency":"某局","year":2022,{field}}}"#).into_bytes()
}

const TEXT_2021: &str = "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n";

fn cases() -> Vec<(&'static str, Check)> {
    let deep_array = format!(
        r#"{{"edition":"2021","agency":{}0{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let deep_after = format!(
        r#"{{"agency":"x","year":2022,"junk":{}0{},"edition":"2021"}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let big = "字".repeat(50 * 1024 * 1024 / 3);
    let big_json = format!(r#"{{"edition":"2021","agency":"{big}","year":2022}}"#);
    let review = |upheld: &str| {
        with(&format!(
            r#""review":{{"reconsideration":{{"upheld":{upheld},"corrected":0,"other":0,"pending":0,"total":0}},"litigation_direct":{{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}},"litigation_after_reconsideration":{{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}}}"#
        ))
    };
    let fee = |amount: &str| {
        with(&format!(
            r#""proactive":{{"rules":{{"issued":0,"repealed":0,"in_force":0}},"normative_documents":{{"issued":0,"repealed":0,"in_force":0}},"licensing":{{"decisions":0}},"penalty":{{"decisions":0}},"coercion":{{"decisions":0}},"fees":{{"amount":{{"amount":{amount},"unit":"万元"}}}}}}"#
        ))
    };
    let mut deep_html = String::from("<html><body>");
    deep_html.push_str(&"<div>".repeat(100_000));
    deep_html.push_str("一、总体情况 全年公开信息100条");
    deep_html.push_str(&"</div>".repeat(100_000));
    vec![
        // ---------------------------------------------------------------- JSON
        ("json: empty file", json_err(vec![], JsonErrorKind::Eof, "", 1, "EOF")),
        ("json: only whitespace", json_err(b"  \n\n".to_vec(), JsonErrorKind::Eof, "", 3, "EOF")),
        ("json: truncated", json_err(r#"{"edition":"2021","agency":"某"#.as_bytes().to_vec(), JsonErrorKind::Eof, "/agency", 1, "EOF")),
        ("json: invalid UTF-8 in a string", json_err(b"{\"edition\":\"2021\",\"agency\":\"\xff\xfe\",\"year\":2022}".to_vec(), JsonErrorKind::Syntax, "/agency", 1, "invalid unicode")),
        ("json: UTF-8 BOM is skipped", Box::new(|| {
            let mut b = b"\xef\xbb\xbf".to_vec();
            b.extend(MIN.as_bytes());
            json::from_slice(&b).map(|_| ()).map_err(|e| e.to_string())
        })),
        ("json: CRLF line ends, error on line 3", json_err(b"{\r\n\"edition\":\"2021\",\r\n\"agency\":1}".to_vec(), JsonErrorKind::Data, "/agency", 3, "invalid type")),
        ("json: nested 10 000 deep in a field", json_err(deep_array.into_bytes(), JsonErrorKind::Data, "/agency", 1, "invalid type: sequence")),
        ("json: nested 10 000 deep in an unknown key before the edition", json_err(deep_after.into_bytes(), JsonErrorKind::Data, "/junk", 1, "unknown field `junk`")),
        ("json: a 50 MB string is read whole", Box::new(move || {
            let r = json::from_str(&big_json).map_err(|e| e.to_string())?;
            ok(r.agency().len() == big.len(), "agency truncated")
        })),
        ("json: duplicate key", json_err(br#"{"edition":"2021","agency":"a","agency":"b","year":2022}"#.to_vec(), JsonErrorKind::Data, "/agency", 1, "duplicate field")),
        ("json: duplicate edition", json_err(br#"{"edition":"2021","edition":"2019","agency":"a","year":2022}"#.to_vec(), JsonErrorKind::Data, "/edition", 1, "duplicate field")),
        ("json: count above u64", json_err(review("18446744073709551616"), JsonErrorKind::Data, "/review/reconsideration/upheld", 1, "beyond the integer range")),
        ("json: count below zero", json_err(review("-1"), JsonErrorKind::Data, "/review/reconsideration/upheld", 1, "cannot be negative")),
        ("json: fractional count", json_err(review("1.0"), JsonErrorKind::Data, "/review/reconsideration/upheld", 1, "a fraction")),
        ("json: count as exponent", json_err(review("1e3"), JsonErrorKind::Data, "/review/reconsideration/upheld", 1, "a fraction")),
        ("json: NaN", json_err(review("NaN"), JsonErrorKind::Syntax, "/review/reconsideration/upheld", 1, "expected value")),
        ("json: full-width digits as a string", json_err(review("\"１２\""), JsonErrorKind::Data, "/review/reconsideration/upheld", 1, "found the string")),
        ("json: amount with 40 digits", json_err(fee(&format!("\"{}\"", "9".repeat(40))), JsonErrorKind::Data, "/proactive/fees/amount/amount", 1, "more than 28 digits")),
        ("json: amount with an exponent", json_err(fee("\"1e5\""), JsonErrorKind::Data, "/proactive/fees/amount/amount", 1, "malformed amount")),
        ("json: negative amount", json_err(fee("\"-3.5\""), JsonErrorKind::Data, "/proactive/fees/amount/amount", 1, "malformed amount")),
        ("json: amount as a float", json_err(fee("12.5"), JsonErrorKind::Data, "/proactive/fees/amount/amount", 1, "expected an amount as a string")),
        ("json: 2019 tag with 2021 tables (mixed editions)", json_err(br#"{"edition":"2019","agency":"a","year":2022,"proactive":{"rules":{"issued":0}}}"#.to_vec(), JsonErrorKind::Data, "/proactive/rules/issued", 1, "unknown field")),
        ("json: a table with an extra row", json_err(with(r#""review":{"extra":{}}"#), JsonErrorKind::Data, "/review/extra", 1, "unknown field")),
        ("json: a table with a missing row", json_err(with(r#""review":{"reconsideration":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}"#), JsonErrorKind::Data, "/review", 1, "missing field `litigation_direct`")),
        ("json: year beyond u16", json_err(br#"{"edition":"2021","agency":"a","year":70000}"#.to_vec(), JsonErrorKind::Data, "/year", 1, "invalid value")),
        // Where the fast JSON reader gives up and serde_json says what is wrong.
        ("json: -0 in a count", json_err(br#"{"edition":"2021","agency":"a","year":2022,"requests":{"new_received":{"natural_person":-0}}}"#.to_vec(), JsonErrorKind::Data, "/requests/new_received/natural_person", 1, "found -0")),
        ("json: a leading zero", json_err(br#"{"edition":"2021","agency":"a","year":02022}"#.to_vec(), JsonErrorKind::Syntax, "/year", 1, "invalid number")),
        ("json: a raw control character in a string", json_err(b"{\"edition\":\"2021\",\"agency\":\"a\x01b\",\"year\":2022}".to_vec(), JsonErrorKind::Syntax, "/agency", 1, "control character")),
        ("json: null for an optional field reads as absent", Box::new(|| {
            let r = json::from_slice(&with(r#""period":null"#)).map_err(|e| e.to_string())?;
            ok(r.period.is_none(), "period absent")
        })),
        ("json: impossible date", json_err(with(r#""published":"2021-02-30""#), JsonErrorKind::Data, "/published", 1, "input is out of range")),
        ("json: lone surrogate escape", json_err(br#"{"edition":"2021","agency":"\ud800","year":2022}"#.to_vec(), JsonErrorKind::Syntax, "/agency", 1, "hex escape")),
        ("json: trailing comma", json_err(br#"{"edition":"2021","agency":"a","year":2022,}"#.to_vec(), JsonErrorKind::Syntax, "", 1, "trailing comma")),
        ("json: figure parts nested 10 000 deep", Box::new(|| {
            let deep = format!(r#"{{"edition":"2021","agency":"a","year":2022,"overview":{{"figures":[{}]}}}}"#, r#"{"label":"x","quantity":{"value":1},"parts":["#.repeat(10_000));
            match json::from_str(&deep) {
                Err(e) if e.message.contains("recursion limit") => Ok(()),
                other => Err(format!("{other:?}")),
            }
        })),
        // ---------------------------------------------------------------- validation
        ("validate: counts that overflow when summed", Box::new(|| {
            let mut r = common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"));
            let ids: Vec<CellId> = r.form().cells().map(|c| c.id).collect();
            for id in ids {
                if let Some(CellMut::Count(c)) = r.cell_mut(id) { *c = Cell::Value(u64::MAX); }
            }
            let v = validate::validate(&r);
            ok(v.with_code("requests.applicant_total").count() == 25 && v.with_code("review.total").count() == 3, "sums of u64::MAX must be found unequal, exactly")
        })),
        ("validate: pair of reports at the end of the year range", Box::new(|| {
            let mut a = common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"));
            a.year = Some(u16::MAX);
            let v = validate::validate_pair(zfxxgk::validate::Pair { prior: &a, current: &a });
            ok(v.with_code("pair.not_consecutive").count() == 1, "not consecutive")
        })),
        // ---------------------------------------------------------------- text
        // text_read fuzzing, 2026-12-08: two openers reached the same unit-less part, which was
        // added twice, and the figure before the second copy sliced backwards.
        ("text: one unit-less part after two openers", text("3条,其中0条其中1", |r| {
            let v = zfxxgk::validate::validate(&r.report);
            ok(v.with_code("overview.breakdown_sum").count() <= 1, "one finding at most")
        })),
        ("text: one unit-less part after two openers, in prose", text("一、总体情况\n信息583条,其中0条，其中政策文件率10、\n", |r| {
            let v = zfxxgk::validate::validate(&r.report);
            ok(v.findings.iter().all(|f| !f.message_en.is_empty()), "findings with messages")
        })),
        ("text: empty file", text("", |r| {
            has_log(r, EntryKind::Missing, "section 一、总体情况 not found")?;
            ok(r.report.year.is_none(), "no year when unknown")
        })),
        ("text: invalid UTF-8 is replaced and logged", text(&b"\xff\xfe\xfd\n"[..], |r| has_log(r, EntryKind::Warning, "invalid UTF-8 at byte 0"))),
        ("text: a BOM and CRLF line ends", text("\u{feff}某局2022年政府信息公开工作年度报告\r\n二、主动公开政府信息情况\r\n第二十条第（五）项\r\n信息内容\r\n本年处理决定数量\r\n行政许可\r\n7\r\n", |r| {
            ok(r.report.title.as_deref() == Some("某局2022年政府信息公开工作年度报告"), "title")?;
            ok(cell(&r.report, CellId::Proactive(PR::Licensing, PC::Decisions)).as_deref() == Some("7"), "licensing 7")
        })),
        ("text: an 8 MB line of prose", text(format!("一、总体情况\n{}\n", "信息公开工作".repeat(8 * 1024 * 1024 / 18)), |r| ok(r.report.overview.as_ref().is_some_and(|o| o.summary.as_ref().is_some_and(|s| s.len() > 8_000_000)), "prose kept"))),
        ("text: full-width digits and signs", text(format!("{TEXT_2021}规章\n１２\n－\n/\n"), |r| {
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::Issued)).as_deref() == Some("12"), "１２ read as 12")?;
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::InForce)).as_deref() == Some("/"), "/ not applicable")
        })),
        ("text: a count too large for u64 is not read, with a warning", text(format!("{TEXT_2021}规章\n99999999999999999999999\n0\n0\n"), |r| {
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::Issued)).is_none(), "not read, not zero")?;
            has_log(r, EntryKind::Warning, "is not a count")
        })),
        ("text: a negative count is not read, with a warning", text(format!("{TEXT_2021}规章\n-3\n0\n0\n"), |r| {
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::Issued)).is_none(), "blank")?;
            has_log(r, EntryKind::Warning, "/proactive/rules/issued")
        })),
        ("text: text in a number cell", text(format!("{TEXT_2021}规章\n无\n0\n0\n"), |r| {
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::Issued)).is_none(), "无 in a cell is not 0")?;
            // The row's other cells are still read: each of its three tokens is one cell.
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::InForce)) == Some("0".into()), "the cells after 无 are read")?;
            has_log(r, EntryKind::Warning, "/proactive/rules/issued: “无” is not a count")
        })),
        ("text: text as the only value of a row", text("某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n12.5万\n", |r| {
            ok(r.report.cell(CellId::Proactive(PR::Fees, PC::Amount)).is_some_and(|c| c.is_not_read()), "12.5万 not read")?;
            has_log(r, EntryKind::Warning, "its value “12.5万” is not a number")
        })),
        ("text: a row with extra cells", text(format!("{TEXT_2021}规章 | 1 | 2 | 3 | 4 | 5 |\n"), |r| {
            // Five values for three cells: which is which cannot be known, so none is read.
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::InForce)).is_none(), "row not read")?;
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::Issued)).is_none(), "row not read")?;
            has_log(r, EntryKind::Warning, "5 cells (1 2 3 4 5), more than its 3,")
        })),
        ("text: a row with missing cells", text(format!("{TEXT_2021}规章 | 1 |\n行政规范性文件 | 4 | 5 | 6 |\n"), |r| {
            ok(cell(&r.report, CellId::Proactive(PR::Rules, PC::Repealed)).is_none(), "missing cell blank")?;
            has_log(r, EntryKind::Warning, "has 1 of 3 cells")
        })),
        ("text: an unknown extra row", text(format!("{TEXT_2021}规章 | 1 | 2 | 3 |\n其他主动公开文件 | 9 | 9 | 9 |\n"), |r| has_log(r, EntryKind::Unread, "其他主动公开文件"))),
        ("text: mixed editions' labels", text(format!("{TEXT_2021}对外公开总数量\n本年收费金额（单位：万元）\n"), |r| has_log(r, EntryKind::Note, "labels of more than one edition"))),
        ("text: only headings", text("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n", |r| {
            has_log(r, EntryKind::Missing, "no table rows found in section 二")?;
            has_log(r, EntryKind::Missing, "no table found in section 三")?;
            ok(r.report.cells().all(|(_, s)| !matches!(s, zfxxgk::report::Slot::Cell(c) if c.is_value())), "no value invented")
        })),
        ("text: a quantity too large for u64 in prose", text("一、总体情况\n全年公开信息99999999999999999999999条，其中通知1条。\n", |r| {
            let figs = r.report.overview.as_ref().map(|o| o.figures.clone()).unwrap_or_default();
            // The overflowing figure is dropped, not wrapped or zeroed; the next one is read.
            ok(figs.iter().all(|f| f.label != "全年公开信息"), "overflowing figure kept")?;
            ok(figs.iter().any(|f| f.quantity.value == 1 && f.label == "通知"), "the figure after it lost")
        })),
        ("text: an impossible date in the period", text("某局2021年政府信息公开工作年度报告\n统计期限为2021年13月45日至2021年12月31日。\n", |r| {
            ok(r.report.period.is_none(), "no period")?;
            has_log(r, EntryKind::Warning, "statistics period")
        })),
        ("text: section 三 rows misspelled", text("三、收到和处理政府信息公开申请情况\n5.属于三类内容事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n", |r| {
            ok(cell(&r.report, CellId::Requests(RR::DeniedInternalAffairs, A::Total)).as_deref() == Some("1"), "read")?;
            has_log(r, EntryKind::Warning, "misspelled")
        })),
        // Plain pdftotext order reading must not lay an unrecognised row's values on the rows
        // after it: 规章's label is mistyped beyond recognition, and 行政规范性文件 lost its
        // values, so the values count as many as the rows present.
        ("text: an unrecognised row before values, with another row's values lost", text("某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n观章\n\n1\n\n2\n\n3\n\n行政规范性文件\n\n第二十条第（五）项\n本年处理决定数量\n9\n\n行政许可\n", |r| {
            let nd = |c: PC| cell(&r.report, CellId::Proactive(PR::NormativeDocuments, c));
            ok(nd(PC::Issued).is_none() && nd(PC::Repealed).is_none() && nd(PC::InForce).is_none(), "规范性文件 not given 规章's values")
        })),
        // ---------------------------------------------------------------- HTML
        ("html: empty page", html("", |r| has_log(r, EntryKind::Missing, "section 一、总体情况 not found"))),
        ("html: invalid UTF-8", html(&b"<p>\xff</p>"[..], |r| has_log(r, EntryKind::Warning, "invalid UTF-8"))),
        ("html: rowspan beyond the table and a huge colspan", html("<h2>二、主动公开政府信息情况</h2><table><tr><td rowspan=\"100000\">第二十条第（五）项</td><td colspan=\"99999999\">信息内容</td></tr><tr><td>行政许可</td><td>5</td></tr></table>", |r| ok(r.report.has_section(zfxxgk::form::SectionId::Proactive), "section read"))),
        ("html: zero and negative spans", html("<h2>二、主动公开政府信息情况</h2><table><tr><td rowspan=\"0\" colspan=\"-3\">行政许可</td><td>5</td></tr></table>", |r| ok(cell(&r.report, CellId::Proactive(PR::Licensing, PC::Decisions)).as_deref() == Some("5"), "5"))),
        ("html: unclosed tags", html("<html><body><h2>二、主动公开政府信息情况<table><tr><td>行政许可<td>8<tr><td>行政处罚<td>2", |r| {
            ok(cell(&r.report, CellId::Proactive(PR::Licensing, PC::Decisions)).as_deref() == Some("8"), "licensing")?;
            ok(cell(&r.report, CellId::Proactive(PR::Penalty, PC::Decisions)).as_deref() == Some("2"), "penalty")
        })),
        // Read as text without the markup (the HTML5 tree builder's time grows with the square of
        // the depth), quickly, and said so.
        ("html: nested 100 000 deep", html(deep_html, |r| {
            has_log(r, EntryKind::Warning, "nested 100000 deep")?;
            ok(r.report.has_section(zfxxgk::form::SectionId::Overview), "overview found")
        })),
        ("html: script and style hold no report text", html("<script>document.write('二、主动公开政府信息情况')</script><style>p{}</style><p>一、总体情况</p>", |r| ok(!r.report.has_section(zfxxgk::form::SectionId::Proactive), "no section from a script"))),
        ("html: only headings", html("<h2>一、总体情况</h2><h2>二、主动公开政府信息情况</h2><h2>三、收到和处理政府信息公开申请情况</h2>", |r| has_log(r, EntryKind::Missing, "no table found in section 三"))),
        // ---------------------------------------------------------------- PDF
        ("pdf: truncated to half: the pages recovered are read, with a warning", pdf(real_pdf()[..150_000].to_vec(), read::PdfLimits::default(), |r| {
            let r = r.map_err(|e| format!("{e:?}"))?;
            has_log(&r, EntryKind::Warning, "%%EOF")?;
            ok(r.report.year == Some(2023), "year from page 1")
        })),
        ("pdf: truncated to its header", pdf_err(b"%PDF-1.7\n".to_vec(), read::PdfLimits::default(), |e| matches!(e, read::PdfError::Broken))),
        ("pdf: garbage after the header", pdf_err([&b"%PDF-1.4\n"[..], &[0x9c; 5000]].concat(), read::PdfLimits::default(), |e| matches!(e, read::PdfError::Broken))),
        ("pdf: 400 bytes overwritten: no panic", pdf(
            {
                let mut b = real_pdf();
                let n = b.len();
                for k in 0..400 {
                    b[(k * 7919 + 1000) % n] ^= 0x5a;
                }
                b
            },
            read::PdfLimits::default(),
            |r| match r {
                Ok(_) | Err(read::PdfError::Broken | read::PdfError::NoTextLayer { .. } | read::PdfError::NoUnicode { .. }) => Ok(()),
                Err(e) => Err(format!("{e:?}")),
            },
        )),
        ("pdf: encrypted with a password", pdf_err(std::fs::read(common::fixtures().join("pdf/encrypted.pdf")).unwrap(), read::PdfLimits::default(), |e| matches!(e, read::PdfError::Encrypted))),
        ("pdf: encrypted with an owner password only: read", pdf(std::fs::read(common::fixtures().join("pdf/owner-password-only.pdf")).unwrap(), read::PdfLimits::default(), |r| {
            let r = r.map_err(|e| format!("{e:?}"))?;
            ok(r.report.preamble.as_deref() == Some("2023 report: 21 requests"), "its text")
        })),
        ("pdf: image only (a scan)", pdf_err(
            common::pdf::one_page(b"q 100 0 0 100 0 0 cm /Im Do Q", "<< /XObject << /Im 5 0 R >> >>", &[common::pdf::stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", b"\x80")]),
            read::PdfLimits::default(),
            |e| matches!(e, read::PdfError::NoTextLayer { pages: 1, images: 1 }) && e.to_string().contains("OCR it first"),
        )),
        ("pdf: a decompression bomb", pdf_err(bomb(8 << 20), limits(|l| l.max_decoded_bytes = 1 << 20), |e| matches!(e, read::PdfError::DecodedTooLarge { limit: 1_048_576, .. }))),
        ("pdf: a thousand pages", pdf_err(pages(1000), read::PdfLimits::default(), |e| matches!(e, read::PdfError::TooManyPages { pages: 1000, limit: 500 }))),
        ("pdf: forms drawn within forms, ten times each, eight deep", pdf_err(nested_forms(8), read::PdfLimits::default(), |e| matches!(e, read::PdfError::TooComplex { page: 1, .. }))),
        ("pdf: larger than the limit", pdf_err(real_pdf(), limits(|l| l.max_file_bytes = 1000), |e| matches!(e, read::PdfError::TooLarge { limit: 1000, .. }))),
        ("pdf: out of time", pdf_err(real_pdf(), limits(|l| l.max_time = std::time::Duration::ZERO), |e| matches!(e, read::PdfError::TimedOut { page: 1, .. }))),
        ("pdf: read_bytes tells a PDF by its content", Box::new(|| match read::read_bytes(&real_pdf()) {
            Ok(r) => ok(r.report.year == Some(2023), "read as a PDF"),
            Err(e) => Err(e.to_string()),
        })),
        // ---------------------------------------------------------------- writers
        ("write: markup in text is escaped in HTML", Box::new(|| {
            let mut r = common::load(&common::fixtures().join("2021/valid/sample-county-market-2023.json"));
            r.title = Some("<script>alert(1)</script>&".into());
            let page = zfxxgk::write::to_html(&r, None);
            ok(!page.contains("<script>alert") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"), "escaped")
        })),
    ]
}

#[test]
fn hostile_inputs() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failed = Vec::new();
    for (name, check) in &cases {
        match std::panic::catch_unwind(check) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => failed.push(format!("{name}: {why}")),
            Err(_) => failed.push(format!("{name}: PANICKED")),
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}
