//! 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: report years 2021 on.

use super::common::*;
use crate::spec::*;

pub const DECISION_ROW: RowTypeSpec = RowTypeSpec {
    name: "DecisionRow",
    shared: false,
    doc: "第二十条第（五）（六）项: a row with one count, the decisions made this year.",
    columns: &[ColumnSpec {
        aliases: &["处理决定数量"],
        ..col("Decisions", "decisions", "本年处理决定数量", Kind::Count)
    }],
};

/// The section 二 table of the 2021 format (a later edition may lay its blocks out again).
pub const PROACTIVE_BLOCKS: [BlockSpec; 4] = [
    BlockSpec {
        title: Some("第二十条第（一）项"),
        stub: INFO,
        row_type: RowTypeSpec {
            name: "DocumentRow",
            shared: false,
            doc: "第二十条第（一）项: a row of 规章 or 行政规范性文件.",
            columns: &[
                ColumnSpec {
                    aliases: &["本年度制发数", "本年制发数"],
                    ..col("Issued", "issued", "本年制发件数", Kind::Count)
                },
                ColumnSpec {
                    aliases: &["本年废止数", "本年度废止件数"],
                    ..col("Repealed", "repealed", "本年废止件数", Kind::Count)
                },
                ColumnSpec {
                    aliases: &["现行有效", "现行有效数"],
                    ..col("InForce", "in_force", "现行有效件数", Kind::Count)
                },
            ],
        },
        rows: &[&[
            RULES,
            RowSpec {
                aliases: &["规范性文件"],
                ..row(
                    "NormativeDocuments",
                    "normative_documents",
                    "",
                    "行政规范性文件",
                    &[],
                )
            },
        ]],
    },
    BlockSpec {
        title: Some("第二十条第（五）项"),
        stub: INFO,
        row_type: DECISION_ROW,
        rows: &[&[LICENSING]],
    },
    BlockSpec {
        title: Some("第二十条第（六）项"),
        stub: INFO,
        row_type: DECISION_ROW,
        rows: &[&[PENALTY, COERCION]],
    },
    BlockSpec {
        title: Some("第二十条第（八）项"),
        stub: INFO,
        row_type: RowTypeSpec {
            name: "FeeAmountRow",
            shared: false,
            doc: "第二十条第（八）项 行政事业性收费: the money collected.",
            columns: &[ColumnSpec {
                aliases: &["本年收费金额"],
                ..col(
                    "Amount",
                    "amount",
                    "本年收费金额（单位：万元）",
                    Kind::Money(Some("万元")),
                )
            }],
        },
        rows: &[&[FEES]],
    },
];

pub const IN_OTHER: &[GroupSpec] = &[
    G_RESULTS,
    nest(
        "（六）",
        "其他处理",
        "other_handling",
        "OtherHandling",
        false,
        "（六）其他处理 in the 2021 format: three rows.",
    ),
];

/// （六）其他处理 of the 2021 format: three rows.
pub const OTHER_HANDLING: &[RowSpec] = &[
    row(
        "OtherOverdueNoCorrection",
        "overdue_no_correction",
        "1.",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        IN_OTHER,
    ),
    row(
        "OtherOverdueFeeUnpaid",
        "overdue_fee_unpaid",
        "2.",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        IN_OTHER,
    ),
    row("OtherOther", "other", "3.", "其他", IN_OTHER),
];

/// The 2021 format.
pub const EDITION: EditionSpec = EditionSpec {
    facts: EditionFacts {
        name: "Format2021",
        tag: "2021",
        title: "中华人民共和国政府信息公开工作年度报告格式",
        short_name: "2021年格式",
        english_name: "the 2021 format",
        notice: "国办公开办函〔2021〕30号",
        summary: "The 2021 format: report years 2021 on. Section 二 has 10 cells, section 三 175.",
        first_year: 2021,
        deadlines: DEADLINES,
    },
    proactive: TableSpec {
        type_name: "Proactive",
        shared: false,
        doc: "Section 二、主动公开政府信息情况 of the 2021 format: 10 cells in four blocks.",
        column_header: None,
        corner_note: None,
        rows_are_column_groups: false,
        blocks: &PROACTIVE_BLOCKS,
        relations: &[],
    },
    requests: TableSpec {
        doc: "Section 三、收到和处理政府信息公开申请情况 of the 2021 format (175 cells): \
              （六）其他处理 has three rows.",
        blocks: &[applicant_block(&[
            OPENING,
            DENIED,
            UNABLE,
            NOT_PROCESSED,
            OTHER_HANDLING,
            CLOSING,
        ])],
        ..REQUESTS
    },
    review: REVIEW,
};
