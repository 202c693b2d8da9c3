//! 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: report years
//! 2019 and 2020.

use super::common::*;
use crate::spec::*;

const ITEM_ROW: RowTypeSpec = RowTypeSpec {
    name: "ItemRow",
    shared: false,
    doc: "第二十条第（五）（六）项: a row of item counts, their change and the decisions made.",
    columns: &[
        PREVIOUS_ITEMS,
        CHANGE,
        col("Decisions", "decisions", "处理决定数量", Kind::Count),
    ],
};

/// The 2019 trial format.
pub const EDITION: EditionSpec = EditionSpec {
    facts: EditionFacts {
        name: "Trial2019",
        tag: "2019",
        title: "中华人民共和国政府信息公开工作年度报告格式（试行）",
        short_name: "2019年试行格式",
        english_name: "the 2019 trial format",
        notice: "国办公开办函〔2019〕60号",
        summary: "The 2019 trial format: report years 2019 and 2020. Section 二 has 22 cells, section 三 161.",
        first_year: 2019,
        deadlines: DEADLINES,
    },
    proactive: TableSpec {
        type_name: "Proactive",
        shared: false,
        doc: "Section 二、主动公开政府信息情况 of the 2019 trial format: 22 cells in five blocks.",
        column_header: None,
        corner_note: None,
        rows_are_column_groups: false,
        blocks: &[
            BlockSpec {
                title: Some("第二十条第（一）项"),
                stub: INFO,
                row_type: RowTypeSpec {
                    name: "PublicationRow",
                    shared: false,
                    doc: "第二十条第（一）项: a row of 规章 or 规范性文件.",
                    columns: &[
                        col("NewlyMade", "newly_made", "本年新制作数量", Kind::Count),
                        col(
                            "NewlyPublished",
                            "newly_published",
                            "本年新公开数量",
                            Kind::Count,
                        ),
                        col(
                            "TotalPublished",
                            "total_published",
                            "对外公开总数量",
                            Kind::Count,
                        ),
                    ],
                },
                rows: &[&[
                    RULES,
                    RowSpec {
                        aliases: &["行政规范性文件"],
                        ..row(
                            "NormativeDocuments",
                            "normative_documents",
                            "",
                            "规范性文件",
                            &[],
                        )
                    },
                ]],
            },
            BlockSpec {
                title: Some("第二十条第（五）项"),
                stub: INFO,
                row_type: ITEM_ROW,
                rows: &[&[
                    LICENSING,
                    row(
                        "OtherServices",
                        "other_services",
                        "",
                        "其他对外管理服务事项",
                        &[],
                    ),
                ]],
            },
            BlockSpec {
                title: Some("第二十条第（六）项"),
                stub: INFO,
                row_type: ITEM_ROW,
                rows: &[&[PENALTY, COERCION]],
            },
            BlockSpec {
                title: Some("第二十条第（八）项"),
                stub: INFO,
                row_type: RowTypeSpec {
                    name: "FeeItemRow",
                    shared: false,
                    doc: "第二十条第（八）项 行政事业性收费: fee item counts (项), not money.",
                    columns: &[PREVIOUS_ITEMS, CHANGE],
                },
                rows: &[&[FEES]],
            },
            BlockSpec {
                title: Some("第二十条第（九）项"),
                stub: INFO,
                row_type: RowTypeSpec {
                    name: "ProcurementRow",
                    shared: false,
                    doc: "第二十条第（九）项 政府集中采购 (the template prints no unit for the amount; \
                          reports write it into the cell).",
                    columns: &[
                        col("Projects", "projects", "采购项目数量", Kind::Count),
                        col("Amount", "amount", "采购总金额", Kind::Money(None)),
                    ],
                },
                rows: &[&[row("Procurement", "procurement", "", "政府集中采购", &[])]],
            },
        ],
        relations: &[],
    },
    requests: TableSpec {
        doc: "Section 三、收到和处理政府信息公开申请情况 of the 2019 trial format (161 cells): \
              （六）其他处理 is a single row.",
        blocks: &[applicant_block(&[
            OPENING,
            DENIED,
            UNABLE,
            NOT_PROCESSED,
            &[row(
                "OtherHandling",
                "other_handling",
                "（六）",
                "其他处理",
                IN_RESULTS,
            )],
            CLOSING,
        ])],
        ..REQUESTS
    },
    review: REVIEW,
};
