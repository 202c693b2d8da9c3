//! The prose checked against the tables (`prose.*` rules): claims extracted from any narrative
//! field of a report, whoever wrote its JSON, compared with the cells the measure declarations
//! name; scope words and approximate quantities taken into account.

mod common;

use zfxxgk::Report;
use zfxxgk::report::Issuer;
use zfxxgk::validate::{self, Finding};

/// The 2021 sample city report: 新收 84, 上年结转 12, （七）总计 90, 结转下年度 7, 行政复议 17 cases,
/// 行政诉讼 7 + 3, 复议 纠正 3.
fn city() -> Report {
    common::load(&common::fixtures().join("2021/valid/sample-city-government-2022.json"))
}

fn with_requests_text(text: &str) -> Report {
    let mut r = city();
    r.overview.as_mut().unwrap().requests = Some(text.to_owned());
    r
}

fn prose(r: &Report) -> Vec<Finding> {
    validate::validate(r)
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("prose."))
        .collect()
}

#[test]
fn the_fixture_s_own_prose_is_consistent() {
    assert_eq!(prose(&city()), []);
}

#[test]
fn a_number_that_differs_from_its_cells_is_one_warning_with_both_values() {
    let r = with_requests_text("本年度共收到政府信息公开申请85件，办结90件。");
    let f = prose(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "prose.table_mismatch");
    assert_eq!(f[0].severity, validate::Severity::Warning);
    assert_eq!(f[0].pointer, "/overview/requests");
    assert_eq!(f[0].cells, ["/requests/new_received/total"]);
    assert_eq!(f[0].difference, Some(1));
    assert!(f[0].message_zh.contains("本年度共收到政府信息公开申请85件"));
    // The claim keeps the sentence's character range in its field.
    let c = validate::claims(&r);
    assert_eq!(c[0].pointer, "/overview/requests");
    assert_eq!(c[0].range, 0..24);
    // The same sentence with the table's numbers gives nothing.
    assert_eq!(
        prose(&with_requests_text(
            "本年度共收到政府信息公开申请84件，办结90件。"
        )),
        []
    );
}

#[test]
fn every_narrative_field_is_read_not_only_section_one() {
    let mut r = city();
    r.other_matters = Some("本年度结转下年度继续办理的申请9件。".into());
    let f = prose(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].pointer, "/other_matters");
    assert_eq!(f[0].cells, ["/requests/carried_forward/total"]);
}

#[test]
fn a_total_that_includes_last_year_s_requests_maps_to_both_rows() {
    // 84 new + 12 carried over = 96.
    assert_eq!(
        prose(&with_requests_text(
            "全年受理政府信息公开申请96件（含上年结转12件）。"
        )),
        []
    );
    let f = prose(&with_requests_text(
        "全年受理政府信息公开申请96件（含上年结转11件）。",
    ));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].cells, ["/requests/carried_over/total"]);
}

#[test]
fn approximate_quantities_are_intervals() {
    // 近90件 allows 72–90: 84 fits; 逾80件 (more than 80) fits; 不足80件 does not; 80余件 is 80–90.
    for (text, findings) in [
        ("收到政府信息公开申请近90件。", 0),
        ("收到政府信息公开申请逾80件。", 0),
        ("收到政府信息公开申请80余件。", 0),
        ("收到政府信息公开申请不足80件。", 1),
        ("收到政府信息公开申请近120件。", 1),
    ] {
        assert_eq!(prose(&with_requests_text(text)).len(), findings, "{text}");
    }
}

#[test]
fn a_wider_scope_is_not_compared_with_the_body_s_table() {
    for text in [
        "全市各级政府及部门共收到政府信息公开申请804件。",
        "各部门共收到政府信息公开申请300件。",
        "全系统受理政府信息公开申请120件。",
    ] {
        assert_eq!(prose(&with_requests_text(text)), [], "{text}");
    }
    // 全市 is the own scope of the city's people's government…
    let f = prose(&with_requests_text("全市受理政府信息公开申请85件。"));
    assert_eq!(f.len(), 1, "{f:#?}");
    // …and wider for a department of it.
    let mut r = with_requests_text("全市受理政府信息公开申请85件。");
    r.agency = Some("示例市教育局".into());
    r.issuer = Some(Issuer::Department);
    assert_eq!(prose(&r), []);
}

#[test]
fn reconsideration_handled_as_the_authority_is_another_measure() {
    // Table 四 holds 17 cases against the city; as the reconsideration authority it handled 134.
    assert_eq!(prose(&with_requests_text("全市共办理行政复议134件。")), []);
    assert_eq!(
        prose(&with_requests_text(
            "本机关作为复议机关受理行政复议案件134件。"
        )),
        []
    );
    let f = prose(&with_requests_text(
        "本年度发生政府信息公开行政复议案件18件。",
    ));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].cells, ["/review/reconsideration/total"]);
    // 行政诉讼 is both columns of litigation: 7 + 3.
    assert_eq!(prose(&with_requests_text("政府信息公开行政诉讼10件。")), []);
}

/// A number of requests by one channel or one kind of applicant counts some of them: the city
/// fixture's 84 new requests are not 60 or 80. The whole count, by all applicants, still is a
/// claim.
#[test]
fn requests_by_one_channel_or_applicant_are_some_of_them() {
    for text in [
        "通过网络平台收到申请60件，通过信函收到申请24件。",
        "本年度通过网上申请系统收到政府信息公开申请60件。",
        "收到自然人申请80件，法人或其他组织申请4件。",
        "收到法人或其他组织申请4件。",
        "当面申请予以公开3件。",
    ] {
        assert_eq!(prose(&with_requests_text(text)), [], "{text}");
    }
    for text in [
        "全年共收到公民、法人和其他组织提出的政府信息公开申请85件。",
        "本年度共收到政府信息公开申请85件。",
    ] {
        let f = prose(&with_requests_text(text));
        assert_eq!(f.len(), 1, "{text}: {f:#?}");
        assert_eq!(f[0].cells, ["/requests/new_received/total"], "{text}");
    }
}

/// A number after a result word of table 四 (结果维持, 纠正, 尚未审结 …) counts one column of the
/// row, not its total: table 四 of the city holds 行政复议 维持 11, 纠正 3 of 17, and 行政诉讼
/// 维持 4 + 2 of 7 + 3.
#[test]
fn a_result_of_reconsideration_or_litigation_is_not_its_total() {
    for text in [
        "行政复议结果维持11件，纠正3件。",
        "行政复议维持原行政行为11件。",
        "行政诉讼中结果维持6件。",
        "发生行政诉讼案件10件，被纠错1件。",
        "行政诉讼案件10件，其中败诉1件。",
        "行政复议案件17件，已审结16件。",
    ] {
        assert_eq!(prose(&with_requests_text(text)), [], "{text}");
    }
    // The total stated before the result words is still compared.
    let f = prose(&with_requests_text(
        "全年发生行政复议案件18件，其中维持11件、纠正3件。",
    ));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].cells, ["/review/reconsideration/total"]);
    assert_eq!(f[0].difference, Some(1));
}

#[test]
fn categorical_statements_against_the_tables() {
    for (text, cells) in [
        ("申请均已办结。", vec!["/requests/carried_forward/total"]),
        (
            "本年度未收到政府信息公开申请。",
            vec!["/requests/new_received/total"],
        ),
        (
            "本年度未发生行政复议、行政诉讼。",
            vec![
                "/review/reconsideration/total",
                "/review/litigation_direct/total",
                "/review/litigation_after_reconsideration/total",
            ],
        ),
    ] {
        let f = prose(&with_requests_text(text));
        assert_eq!(f.len(), 1, "{text}: {f:#?}");
        assert_eq!(f[0].code, "prose.categorical");
        assert_eq!(f[0].cells, cells, "{text}");
    }
}

/// Denials worded as reports word them: the city fixture has 84 new requests, 17
/// reconsiderations and 7 + 3 lawsuits, so each of these is contradicted, at the cells it names.
#[test]
fn denials_in_other_words_are_categorical_statements() {
    const NEW: &str = "/requests/new_received/total";
    const CARRIED_FORWARD: &str = "/requests/carried_forward/total";
    const RECON: &str = "/review/reconsideration/total";
    const LITIG: [&str; 2] = [
        "/review/litigation_direct/total",
        "/review/litigation_after_reconsideration/total",
    ];
    let all = [RECON, LITIG[0], LITIG[1]];
    let cases: [(&str, Vec<Vec<&str>>); 10] = [
        (
            "全年未发生因政府信息公开引起的行政复议和行政诉讼案件。",
            vec![all.to_vec()],
        ),
        (
            "本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。",
            vec![all.to_vec()],
        ),
        (
            "全年无因政府信息公开被申请行政复议、提起行政诉讼情况。",
            vec![all.to_vec()],
        ),
        // Two clauses, two statements.
        (
            "全年未被申请行政复议，也未被提起行政诉讼。",
            vec![vec![RECON], LITIG.to_vec()],
        ),
        // A clause with a number is a count, not a denial.
        (
            "本年度未发生政府信息公开行政复议案件，行政诉讼10件。",
            vec![vec![RECON]],
        ),
        ("行政复议17件，未发生行政诉讼。", vec![LITIG.to_vec()]),
        (
            "全年未收到公民、法人或者其他组织提出的政府信息公开申请。",
            vec![vec![NEW]],
        ),
        ("本年度没有接到政府信息公开申请。", vec![vec![NEW]]),
        // A year in the clause is no count.
        ("2022年未收到政府信息公开申请。", vec![vec![NEW]]),
        ("所有申请均已按时办结。", vec![vec![CARRIED_FORWARD]]),
    ];
    for (text, expected) in cases {
        let f = prose(&with_requests_text(text));
        let cells: Vec<Vec<String>> = f.iter().map(|f| f.cells.clone()).collect();
        assert!(
            f.iter().all(|f| f.code == "prose.categorical"),
            "{text}: {f:#?}"
        );
        assert_eq!(cells, expected, "{text}");
    }
    // What is not a denial of cases or requests, nor says that every request was dealt with
    // (the city fixture carries 6 forward).
    for text in [
        "上年结转的申请已全部办结。",
        "上年结转的12件申请已全部办结。",
        "除6件结转下年度继续办理外，其余申请均已办结。",
        "对无法提供的申请，均告知申请人理由。",
        "未收到申请人的投诉。",
        "未发生行政复议被纠错的情况。",
        "未发生行政诉讼败诉案件。",
        "未发生行政复议、行政诉讼败诉案件。",
        "未发生因信息公开不当引发的舆情。",
        "全年未收到行政许可申请以外的投诉。",
        "严格防范行政复议和行政诉讼风险，未发生因此类问题被问责的情况。",
        "被申请行政复议17件，被提起行政诉讼10件。",
        // A count, not a statement that every request was dealt with: the sentence says 6
        // are carried forward.
        "共受理申请96件，已全部办结90件，结转下年度6件。",
        // Some requests denied, not all: the table's 84 may all be others.
        "本年度未收到通过信函方式提交的申请。",
        "本年度未收到涉及国家秘密的申请。",
        "全年未收到关于征地拆迁的政府信息公开申请。",
        "未收到企业提出的政府信息公开申请。",
    ] {
        assert_eq!(prose(&with_requests_text(text)), [], "{text}");
    }
}

/// Numbers that are not the year's count of a measure, though a measure's name stands before
/// them: another period's, a running total, a part counted after `其中`, a narrowed kind. The
/// city fixture has 84 new requests and 12 carried over; each number here differs on purpose.
#[test]
fn numbers_of_another_period_or_of_a_part_are_not_claims() {
    for text in [
        "上年度收到政府信息公开申请70件。",
        "2021年收到政府信息公开申请70件。",
        "近三年共收到政府信息公开申请200件。",
        "累计收到政府信息公开申请500件。",
        "共收到政府信息公开申请84件，较上年同期的70件增长20%。",
        "共收到政府信息公开申请84件，其中通过网络平台收到申请60件，通过信函方式收到申请24件。",
        "收到涉及房屋征收的政府信息公开申请50件。",
        // Two measures named before one number: their sum, or cases of both.
        "予以公开和部分公开共50件。",
        "不予公开、无法提供、不予处理共36件。",
        "办结上年结转申请12件。",
    ] {
        assert_eq!(prose(&with_requests_text(text)), [], "{text}");
    }
    // The year's own numbers, stated wrong, are still found: the report's year, 截至 its end,
    // 上年结转 (whose name holds 上年), and the parts of 受理 (which may add 上年结转).
    for (text, expected) in [
        ("2022年共收到政府信息公开申请85件。", vec![(84, 85)]),
        (
            "截至2022年12月31日，共收到政府信息公开申请85件。",
            vec![(84, 85)],
        ),
        ("上年结转申请13件。", vec![(12, 13)]),
        ("上年度结转政府信息公开申请13件。", vec![(12, 13)]),
        (
            "本年度共受理申请96件，其中新收申请85件，上年结转11件。",
            vec![(84, 85), (12, 11)],
        ),
    ] {
        let f = prose(&with_requests_text(text));
        let got: Vec<(i128, i128)> = f
            .iter()
            .map(|f| match (&f.expected, &f.actual) {
                (Some(validate::Observed::Integer(e)), Some(validate::Observed::Integer(a))) => {
                    (*e, *a)
                }
                _ => panic!("{text}: {f:#?}"),
            })
            .collect();
        assert!(
            f.iter().all(|f| f.code == "prose.table_mismatch"),
            "{text}: {f:#?}"
        );
        assert_eq!(got, expected, "{text}");
    }
}

#[test]
fn the_same_measure_stated_twice_conflicts_only_where_the_table_cannot_tell() {
    let mut r = with_requests_text("收到政府信息公开申请84件。");
    r.other_matters = Some("全年收到政府信息公开申请90件。".into());
    // With the table there, the wrong statement is a mismatch, once.
    let f = prose(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "prose.table_mismatch");
    // Without it (section 三 replaced by 无), the two statements conflict.
    r.tables.set_presence(
        zfxxgk::form::TableId::Requests,
        zfxxgk::report::Presence::DeclaredNone,
    );
    let f = prose(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "prose.conflict");
}

#[test]
fn the_shared_2023_pdf_s_prose_agrees_with_its_table() {
    // 淮安市洪泽区人民政府 2023: 全区受理政府信息公开申请21件 and its table 三 says 21.
    let text = std::fs::read_to_string(
        common::fixtures().join("pdftotext/hongze-2023.pdftotext-layout.txt"),
    )
    .unwrap();
    let mut r = zfxxgk::read::read_text(&text).report;
    r.agency = Some("淮安市洪泽区人民政府".into());
    r.issuer = Some(Issuer::PeoplesGovernment);
    let claims = validate::claims(&r);
    assert!(
        claims
            .iter()
            .any(|c| c.measure == "requests.new_received" && c.quantity.value == 21),
        "{claims:#?}"
    );
    assert_eq!(prose(&r), []);
}

#[test]
fn breakdowns_are_read_from_the_prose_not_from_stored_figures() {
    // The seed with 机构职能 19 in its text: 19 + 142 + 1872 + 47 + 10 + 4 + 11 + 11 + 10 = 2126,
    // not the stated 2125. Removing the figures a reader stored changes nothing.
    let mut r = common::load(&common::fixtures().join("2019/invalid/overview.breakdown_sum.json"));
    if let Some(o) = r.overview.as_mut() {
        o.figures.clear();
    }
    let v = validate::validate(&r);
    let f = v
        .with_code("overview.breakdown_sum")
        .next()
        .expect("found in the text");
    assert_eq!(f.pointer, "/overview/proactive");
    assert_eq!(f.actual, Some(validate::Observed::Integer(2125)));
    assert_eq!(f.expected, Some(validate::Observed::Integer(2126)));
}

#[test]
fn every_scope_word_suppresses_the_comparison() {
    // With the city's own scope the sentence disagrees with its table (85 vs 84)…
    let own = "本年度共收到政府信息公开申请85件。";
    assert_eq!(prose(&with_requests_text(own)).len(), 1);
    // …and each word of a wider scope makes it another measure.
    for w in zfxxgk::form::measures::WIDER_SCOPE {
        let text = format!("{w}共收到政府信息公开申请85件。");
        assert_eq!(prose(&with_requests_text(&text)), [], "{text}");
    }
    // 全X is the city government's own scope only for 市: 全区, 全县 … are other scopes.
    for level in zfxxgk::form::measures::LEVELS {
        let text = format!("全{level}共收到政府信息公开申请85件。");
        let n = prose(&with_requests_text(&text)).len();
        assert_eq!(n, usize::from(*level == '市'), "{text}");
    }
}

/// 036 (杨凌示范区审计局 2022): its one 审计信息专栏 given as 20条 in （一） and 16条 in （四）.
#[test]
fn a_channel_stated_twice_with_two_numbers_conflicts() {
    let first = "2022年,我局通过示范区管委会网站审计信息栏目公开信息20条。";
    let second = "本单位无部门网站。在管委会网站政府信息公开栏目设置有审计信息专栏,把审计相关信息在该栏目下及时公布,全年通过审计信息专栏公开政府信息16条。";
    let with = |a: &str, b: &str| {
        let mut r = city();
        let o = r.overview.as_mut().unwrap();
        o.proactive = Some(a.to_owned());
        o.platform = Some(b.to_owned());
        r
    };
    let f = prose(&with(first, second));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "prose.conflict");
    assert_eq!(f[0].pointer, "/overview/platform");
    assert!(
        f[0].message_zh
            .starts_with("审计信息栏目公开信息两次说法不一"),
        "{}",
        f[0].message_zh
    );
    assert_eq!(f[0].actual, Some(validate::Observed::Integer(16)));
    // The same number twice, another channel, or a running total: nothing to compare.
    assert_eq!(prose(&with(first, &second.replace("16条", "20条"))), []);
    assert_eq!(
        prose(&with(
            first,
            &second.replace("审计信息专栏公开", "门户网站公开")
        )),
        []
    );
    assert_eq!(
        prose(&with(first, &second.replace("全年通过", "累计通过"))),
        []
    );
    assert_eq!(
        prose(&with(
            first,
            &second.replace("政府信息16条", "政策文件16条")
        )),
        []
    );
}

/// The shares 020 and 046 give their breakdowns' parts agree with the numbers, as rounded or
/// truncated; one changed share does not.
#[test]
fn percentages_of_real_breakdowns() {
    for file in ["real/020.txt", "real/046.txt"] {
        let text = std::fs::read_to_string(common::fixtures().join(file)).unwrap();
        let r = zfxxgk::read::read_text(&text).report;
        let v = validate::validate(&r);
        assert_eq!(
            v.with_code("prose.percentage").count(),
            0,
            "{file}: {:#?}",
            v.findings
        );
        let changed = text
            .replace("占35.8%", "占36.8%")
            .replace("占比1.3%", "占比1.5%");
        let v = validate::validate(&zfxxgk::read::read_text(&changed).report);
        let f: Vec<_> = v.with_code("prose.percentage").collect();
        assert_eq!(f.len(), 1, "{file}: {f:#?}");
    }
}

/// 行政事业性收费 本年收费金额 stated in prose, against its cell in 元 (the table's 万元 converted);
/// 信息处理费 is another sum and is not compared.
#[test]
fn the_fee_amount_stated_in_prose_against_its_cell() {
    let r = city();
    let cell = match r.cell(zfxxgk::CellId::Proactive(
        zfxxgk::form::ProactiveRow::Fees,
        zfxxgk::form::ProactiveColumn::Amount,
    )) {
        Some(zfxxgk::report::CellRef::Money(zfxxgk::Cell::Value(m))) => m.amount.to_string(),
        other => panic!("{other:?}"),
    };
    let with = |t: &str| {
        let mut r = city();
        r.other_matters = Some(t.to_owned());
        r
    };
    assert_eq!(
        prose(&with(&format!("全年行政事业性收费金额{cell}万元。"))),
        []
    );
    let f = prose(&with("全年行政事业性收费金额999万元。"));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "prose.table_mismatch");
    assert_eq!(f[0].cells, ["/proactive/fees/amount"]);
    assert_eq!(prose(&with("全年收取政府信息公开信息处理费0元。")), []);
    // Another year's sum, a running total or a wider scope's is not the cell's (the city's
    // report year is 2022).
    for text in [
        "2021年行政事业性收费金额为10万元。",
        "累计收取行政事业性收费100万元。",
        "全市各部门行政事业性收费金额共计300万元。",
    ] {
        assert_eq!(prose(&with(text)), [], "{text}");
    }
    assert_eq!(prose(&with("2022年行政事业性收费金额999万元。")).len(), 1);
}

/// A breakdown whose parts leave their unit out is summed in the total's unit: it agrees when it
/// adds up, and a part off is still an error.
#[test]
fn a_breakdown_whose_parts_leave_the_unit_out() {
    let with = |t: &str| {
        let mut r = city();
        r.overview.as_mut().unwrap().proactive = Some(t.to_owned());
        validate::validate(&r)
    };
    let ok = with("全年主动公开政府信息100条，其中政策文件20、通知公告30、工作动态50条。");
    assert_eq!(
        ok.with_code("overview.breakdown_sum").count(),
        0,
        "{:#?}",
        ok.findings
    );
    let off = with("全年主动公开政府信息100条，其中政策文件20、通知公告30、工作动态40条。");
    let f: Vec<_> = off.with_code("overview.breakdown_sum").collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].expected, Some(validate::Observed::Integer(90)));
}

/// `其中` followed by one part names one category among others (common in real reports): it is
/// no error that the part falls short of the total, only that it exceeds it. Two or more parts
/// are still summed against the total (corpus 018 and 032 fall short with two).
#[test]
fn a_breakdown_of_one_part_is_one_category_among_others() {
    let with = |field: &str, t: &str| {
        let mut r = city();
        let o = r.overview.as_mut().unwrap();
        match field {
            "proactive" => o.proactive = Some(t.to_owned()),
            _ => o.oversight = Some(t.to_owned()),
        }
        validate::validate(&r)
    };
    for (field, text) in [
        (
            "proactive",
            "全年主动公开政府信息1846条，其中政策文件87条。",
        ),
        (
            "oversight",
            "共举办新闻发布会12场，其中主要负责同志出席3场。",
        ),
        ("oversight", "全年开展培训近10次，其中专题培训3次。"),
    ] {
        let v = with(field, text);
        assert_eq!(
            v.with_code("overview.breakdown_sum").count(),
            0,
            "{text}: {:#?}",
            v.findings
        );
    }
    // One part above its total, exact or approximate: an error with the part as the sum (a
    // range of one value where the total is approximate, as for any approximate breakdown).
    use validate::Observed::{Integer, Range};
    let eleven = Range {
        min: Some(11),
        max: Some(11),
    };
    for (text, expected) in [
        (
            "共举办新闻发布会12场，其中主要负责同志出席13场。",
            Integer(13),
        ),
        ("全年开展培训近10次，其中专题培训11次。", eleven),
    ] {
        let v = with("oversight", text);
        let f: Vec<_> = v.with_code("overview.breakdown_sum").collect();
        assert_eq!(f.len(), 1, "{text}: {:#?}", v.findings);
        assert_eq!(f[0].expected, Some(expected));
    }
    // Two parts short of the total are still an error.
    let v = with(
        "oversight",
        "共举办新闻发布会12场，其中主要负责同志出席3场、部门负责同志出席5场。",
    );
    let f: Vec<_> = v.with_code("overview.breakdown_sum").collect();
    assert_eq!(f.len(), 1, "{:#?}", v.findings);
    assert_eq!(f[0].expected, Some(validate::Observed::Integer(8)));
}

/// The expected and actual values of the `overview.breakdown_sum` findings of the city fixture
/// with `text` as its 主动公开 paragraph.
fn breakdown_sums(text: &str) -> Vec<(Option<validate::Observed>, Option<validate::Observed>)> {
    let mut r = city();
    r.overview.as_mut().unwrap().proactive = Some(text.to_owned());
    let v = validate::validate(&r);
    v.with_code("overview.breakdown_sum")
        .map(|f| (f.expected.clone(), f.actual.clone()))
        .collect()
}

/// Brackets in a breakdown: a remark on a part (`300条（含规范性文件20条）`) is not a part of its
/// own, and a breakdown of a part in brackets (`300条（其中规范性文件20条）`) ends with them, so
/// the parts after it are the outer breakdown's. Wrong sums are still found at either level.
#[test]
fn brackets_bound_a_breakdown_and_its_remarks() {
    let with = breakdown_sums;
    use validate::Observed::Integer;
    for text in [
        "主动公开信息1000条，其中文件类300条（含规范性文件20条）、动态类700条。",
        "主动公开信息1000条，其中：文件类300条（其中规范性文件20条），动态类700条。",
        "主动公开信息1000条（其中政策文件300条、工作动态700条），另发布解读50条。",
        // A part cut at `；` inside the brackets: the outer breakdown goes on after them (this
        // once sliced backwards and panicked).
        "主动公开信息1000条，其中文件类300条（其中规范性文件20条；工作动态50条），动态类700条。",
        "主动公开信息1000条，其中文件类300条（含规范性文件20条；另有50条），动态类700条。",
        "主动公开信息1000条，其中文件类300条）（其中规范性文件20条）），动态类700条。",
        "（（（主动公开信息1000条（（其中（文件类300条（（其中规范性文件20条）",
    ] {
        assert_eq!(with(text), [], "{text}");
    }
    for (text, expected, actual) in [
        (
            "主动公开信息1000条，其中文件类300条（含规范性文件20条）、动态类600条。",
            900,
            1000,
        ),
        (
            "主动公开信息1000条，其中：文件类300条（其中规范性文件400条），动态类700条。",
            400,
            300,
        ),
        (
            "主动公开信息1000条（其中政策文件300条、工作动态600条），按时发布。",
            900,
            1000,
        ),
    ] {
        assert_eq!(
            with(text),
            [(Some(Integer(expected)), Some(Integer(actual)))],
            "{text}"
        );
    }
}

/// `含` right inside a bracket after a total opens what it includes: some of its cases, so they
/// may fall short of it, but not exceed it.
#[test]
fn what_a_total_includes_may_fall_short_of_it_but_not_exceed_it() {
    let with = breakdown_sums;
    use validate::Observed::Integer;
    for text in [
        "公开规章13件（含新制定5件，修改4件，废止4件）。",
        "公开规章13件（含新制定5件，修改4件）。",
        "发布信息2000条（含转载500条）。",
        // Without a bracket, 含 opens nothing.
        "公开规章13件，含新制定5件，修改4件，废止5件。",
    ] {
        assert_eq!(with(text), [], "{text}");
    }
    for text in [
        "公开规章13件（含新制定5件，修改4件，废止5件）。",
        "公开规章13件(含新制定5件,修改4件,废止5件)。",
    ] {
        assert_eq!(
            with(text),
            [(Some(Integer(14)), Some(Integer(13)))],
            "{text}"
        );
    }
}

/// Section 二's 规章 and 现行有效 counts stated in prose (the city fixture: 规章 2 issued, 1
/// repealed, 37 in force; 行政规范性文件 152 in force), and the words that look like them but are
/// not (规章制度 are a body's internal rules).
#[test]
fn rules_and_documents_in_force_stated_in_prose() {
    let with = |t: &str| {
        let mut r = city();
        r.overview.as_mut().unwrap().proactive = Some(t.to_owned());
        prose(&r)
            .iter()
            .map(|f| (f.cells.clone(), f.expected.clone(), f.actual.clone()))
            .collect::<Vec<_>>()
    };
    use validate::Observed::Integer;
    for text in [
        "新制定规章2件，废止规章1件，现行有效规章37件。",
        "现行有效规章37件、行政规范性文件152件。",
        "本年度制定规范性文件14件，现行有效规范性文件152件。",
        "制定内部规章制度5个。",
        "清理规章10件。",
        // What was published, with what was made among it.
        "公开规章13件（含新制定2件，修改4件，废止1件）。",
        "主动公开行政规范性文件42件（含新制定14件）。",
        "现行有效规章和规范性文件共189件。",
    ] {
        assert_eq!(with(text), [], "{text}");
    }
    for (text, cell, expected, actual) in [
        ("新制定规章3件。", "/proactive/rules/issued", 2, 3),
        ("废止规章2件。", "/proactive/rules/repealed", 1, 2),
        ("现行有效的规章36件。", "/proactive/rules/in_force", 37, 36),
        (
            "行政规范性文件现行有效150件。",
            "/proactive/normative_documents/in_force",
            152,
            150,
        ),
    ] {
        assert_eq!(
            with(text),
            [(
                vec![cell.to_owned()],
                Some(Integer(expected)),
                Some(Integer(actual))
            )],
            "{text}"
        );
    }
}

/// A total with a remark on what it includes, then its breakdown after `其中`: after a bracket
/// (`1000条（含规范性文件20条），其中…`) the breakdown is the total's; after a remark's sentence
/// (`…包括政策文件200条。其中，…`) it is the total's when it can add up to the total or exceeds
/// the remark, the remark's when it adds up to the remark, and nobody's otherwise.
#[test]
fn a_breakdown_after_a_remark_on_what_the_total_includes() {
    let codes = |text: &str| -> Vec<String> {
        validate::validate(&with_requests_text(text))
            .findings
            .into_iter()
            .filter(|f| f.code == "overview.breakdown_sum" || f.code == "prose.percentage")
            .map(|f| format!("{} {}", f.code, f.message_zh))
            .collect()
    };
    // After a bracket: 300 + 690 = 990, not 1000.
    let f =
        codes("全年主动公开政府信息1000条（含规范性文件20条），其中政策文件300条、工作动态690条。");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].starts_with("overview.breakdown_sum"), "{f:#?}");
    assert!(f[0].contains("990"), "{f:#?}");
    assert_eq!(
        codes("全年主动公开政府信息1000条（含规范性文件20条），其中政策文件300条、工作动态700条。"),
        Vec::<String>::new()
    );
    // After the remark's sentence, with shares: 21 of 90 is 23.33 %, not 33.33 %.
    let text = "全年公开信息90条，包括政策解读12条。其中，政策文件38条，占42.22%；工作动态52条，占57.78%。";
    assert_eq!(codes(text), Vec::<String>::new());
    let f = codes(&text.replace("占57.78%", "占47.78%"));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].starts_with("prose.percentage"), "{f:#?}");
    assert!(f[0].contains("52/90"), "{f:#?}");
    // Parts that exceed the remark are the total's: 38 + 62 = 100, not 90.
    let f = codes("全年公开信息90条，包括政策解读12条。其中，政策文件38条、工作动态62条。");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].starts_with("overview.breakdown_sum"), "{f:#?}");
    // Parts that add up to the remark are its breakdown; parts short of both are nobody's.
    for text in [
        "全年主动公开信息1000条，包括政策文件200条。其中，规范性文件50条、政策解读150条。",
        "全年主动公开信息1000条，包括政策文件200条。其中，规范性文件50条、政策解读100条。",
    ] {
        assert_eq!(codes(text), Vec::<String>::new(), "{text}");
    }
}

/// One wrong number in a breakdown is one finding: where the tables contradict the breakdown's
/// numbers by exactly what its parts miss the total by, `prose.table_mismatch` names the wrong
/// number and `overview.breakdown_sum` stays silent. The city fixture: （七）总计 90 = 38 + 12 +
/// 10 + 21 + 5 + 4, 新收 84.
#[test]
fn one_wrong_number_in_a_breakdown_is_one_finding() {
    let findings = |text: &str| -> Vec<(String, Option<i128>)> {
        validate::validate(&with_requests_text(text))
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("prose.") || f.code.starts_with("overview."))
            .map(|f| (f.code.to_string(), f.difference))
            .collect()
    };
    let mismatch = |d: i128| vec![("prose.table_mismatch".to_owned(), Some(d))];
    // A part: 不予处理 6, the table 5.
    assert_eq!(
        findings(
            "办结申请90件，其中予以公开38件、部分公开12件、不予公开10件、无法提供21件、不予处理6件、其他处理4件。"
        ),
        mismatch(1)
    );
    // The total: 85 received, the table 84; the parts (by channel, no claims) add up to 84.
    assert_eq!(
        findings("全年共收到政府信息公开申请85件，其中网上申请60件、信函申请20件、当面申请4件。"),
        mismatch(1)
    );
    // A part the table cannot check (当面 is no measure): the breakdown's own error.
    let f =
        findings("全年共收到政府信息公开申请84件，其中网上申请60件、信函申请20件、当面申请5件。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "overview.breakdown_sum");
    // Two wrong parts that account for the whole miss (6 for 5, 6 for 4): one finding each.
    assert_eq!(
        findings(
            "办结申请90件，其中予以公开38件、部分公开12件、不予公开10件、无法提供21件、不予处理6件、其他处理6件。"
        ),
        [mismatch(1), mismatch(2)].concat()
    );
    // A wrong total (85 for 84) and a wrong part the table cannot check (当面 6 of 60 + 20 + 4):
    // two mistakes, both rules speak.
    let f =
        findings("全年共收到政府信息公开申请85件，其中网上申请60件、信函申请20件、当面申请6件。");
    let codes: Vec<&str> = f.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        ["overview.breakdown_sum", "prose.table_mismatch"],
        "{f:?}"
    );
}

/// `均获维持` speaks of what the sentence names: reconsideration alone, litigation alone, or
/// both (or cases without naming either). A city report whose reconsiderations were all upheld
/// (17 of 17) while its lawsuits were not (纠正 1, 尚未审结 2, 其他结果 1).
#[test]
fn every_case_upheld_is_about_the_cases_the_sentence_names() {
    let mut base = city();
    {
        use zfxxgk::form::{ReviewColumn as VC, ReviewRow as VR};
        for (col, v) in [
            (VC::Upheld, 17),
            (VC::Corrected, 0),
            (VC::Other, 0),
            (VC::Pending, 0),
            (VC::Total, 17),
        ] {
            match base.cell_mut(zfxxgk::CellId::Review(VR::Reconsideration, col)) {
                Some(zfxxgk::report::CellMut::Count(c)) => *c = zfxxgk::Cell::Value(v),
                other => panic!("{other:?}"),
            }
        }
    }
    let categorical = |text: &str| -> Vec<Vec<String>> {
        let mut r = base.clone();
        r.overview.as_mut().unwrap().requests = Some(text.to_owned());
        validate::validate(&r)
            .with_code("prose.categorical")
            .map(|f| f.cells.clone())
            .collect()
    };
    let litigation = vec![
        "/review/litigation_direct/corrected".to_owned(),
        "/review/litigation_direct/pending".to_owned(),
        "/review/litigation_after_reconsideration/other".to_owned(),
    ];
    assert_eq!(
        categorical("2022年行政复议均获维持。"),
        Vec::<Vec<String>>::new()
    );
    assert_eq!(
        categorical("行政复议案件均维持原行政行为。"),
        Vec::<Vec<String>>::new()
    );
    for text in [
        "行政诉讼案件均获维持。",
        "行政复议、行政诉讼案件均获维持。",
        "相关案件结果均为维持。",
    ] {
        assert_eq!(
            categorical(text),
            std::slice::from_ref(&litigation),
            "{text}"
        );
    }
    // Not a statement about cases.
    assert_eq!(
        categorical("网站运行均维持稳定。"),
        Vec::<Vec<String>>::new()
    );
}
