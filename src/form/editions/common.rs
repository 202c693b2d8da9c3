//! What the editions share: constructors for the declaration, the section 三 rows and columns
//! outside （六）, the sum relations of sections 三 and 四, and section 四 itself.

use crate::spec::*;

/// The deadlines of 条例第四十九条 (2019 revision): departments by 1月31日, a people's
/// government's own report by 3月31日.
pub const DEADLINES: Deadlines = Deadlines {
    department: (1, 31),
    government: (3, 31),
};

/// A column with no group and no aliases.
pub const fn col(
    id: &'static str,
    key: &'static str,
    label: &'static str,
    kind: Kind,
) -> ColumnSpec {
    ColumnSpec {
        id,
        key,
        label,
        group: None,
        aliases: &[],
        kind,
    }
}

/// A row with no aliases.
pub const fn row(
    id: &'static str,
    key: &'static str,
    number: &'static str,
    name: &'static str,
    groups: &'static [GroupSpec],
) -> RowSpec {
    RowSpec {
        id,
        key,
        number,
        name,
        groups,
        aliases: &[],
        misspellings: &[],
    }
}

/// A group whose rows are not nested in the JSON.
pub const fn group(number: &'static str, name: &'static str) -> GroupSpec {
    GroupSpec {
        number,
        name,
        nest: None,
    }
}

/// A group whose rows are one struct in the JSON.
pub const fn nest(
    number: &'static str,
    name: &'static str,
    key: &'static str,
    type_name: &'static str,
    shared: bool,
    doc: &'static str,
) -> GroupSpec {
    GroupSpec {
        number,
        name,
        nest: Some(NestSpec {
            key,
            type_name,
            shared,
            doc,
        }),
    }
}

/// The header cell above the row labels of section 二.
pub const INFO: Option<&str> = Some("信息内容");

// ---------------------------------------------------------------------------------------------
// Section 二: rows both editions have
// ---------------------------------------------------------------------------------------------

/// 规章 (第二十条第（一）项).
pub const RULES: RowSpec = row("Rules", "rules", "", "规章", &[]);
/// 行政许可 (第二十条第（五）项).
pub const LICENSING: RowSpec = row("Licensing", "licensing", "", "行政许可", &[]);
/// 行政处罚 (第二十条第（六）项).
pub const PENALTY: RowSpec = row("Penalty", "penalty", "", "行政处罚", &[]);
/// 行政强制 (第二十条第（六）项).
pub const COERCION: RowSpec = row("Coercion", "coercion", "", "行政强制", &[]);
/// The 2019 columns 上一年项目数量 and 本年增/减 (an item count and its signed change).
pub const PREVIOUS_ITEMS: ColumnSpec = col(
    "PreviousItems",
    "previous_items",
    "上一年项目数量",
    Kind::Count,
);
/// 本年增/减.
pub const CHANGE: ColumnSpec = col("Change", "change", "本年增/减", Kind::Delta);

/// 行政事业性收费 (第二十条第（八）项).
pub const FEES: RowSpec = row("Fees", "fees", "", "行政事业性收费", &[]);

// ---------------------------------------------------------------------------------------------
// Section 三
// ---------------------------------------------------------------------------------------------

const LEGAL_ENTITY: Option<&str> = Some("法人或其他组织");

const fn applicant(
    id: &'static str,
    key: &'static str,
    label: &'static str,
    group: Option<&'static str>,
) -> ColumnSpec {
    ColumnSpec {
        group,
        ..col(id, key, label, Kind::Count)
    }
}

/// The row of section 三: six applicant columns and 总计.
pub const APPLICANT_ROW: RowTypeSpec = RowTypeSpec {
    name: "ApplicantRow",
    shared: true,
    doc: "One row of section 三: the six applicant columns (申请人情况) and 总计.",
    columns: &[
        applicant("NaturalPerson", "natural_person", "自然人", None),
        applicant(
            "CommercialEnterprise",
            "commercial_enterprise",
            "商业企业",
            LEGAL_ENTITY,
        ),
        applicant(
            "ResearchInstitution",
            "research_institution",
            "科研机构",
            LEGAL_ENTITY,
        ),
        applicant(
            "PublicWelfareOrg",
            "public_welfare_org",
            "社会公益组织",
            LEGAL_ENTITY,
        ),
        applicant(
            "LegalServiceOrg",
            "legal_service_org",
            "法律服务机构",
            LEGAL_ENTITY,
        ),
        applicant("OtherOrg", "other_org", "其他", LEGAL_ENTITY),
        applicant("Total", "total", "总计", None),
    ],
};

/// 三、本年度办理结果: the group over every outcome row.
pub const G_RESULTS: GroupSpec = group("三、", "本年度办理结果");
/// The groups of a row directly under 三、本年度办理结果.
pub const IN_RESULTS: &[GroupSpec] = &[G_RESULTS];
const IN_DENIED: &[GroupSpec] = &[
    G_RESULTS,
    nest(
        "（三）",
        "不予公开",
        "denied",
        "Denied",
        true,
        "（三）不予公开: eight reasons.",
    ),
];
const IN_UNABLE: &[GroupSpec] = &[
    G_RESULTS,
    nest(
        "（四）",
        "无法提供",
        "unable",
        "Unable",
        true,
        "（四）无法提供: three reasons.",
    ),
];
pub const IN_NOT_PROCESSED: &[GroupSpec] = &[
    G_RESULTS,
    nest(
        "（五）",
        "不予处理",
        "not_processed",
        "NotProcessed",
        true,
        "（五）不予处理: five reasons.",
    ),
];

/// The first rows of section 三: 一、本年新收, 二、上年结转, （一）予以公开, （二）部分公开.
pub const OPENING: &[RowSpec] = &[
    row(
        "NewReceived",
        "new_received",
        "一、",
        "本年新收政府信息公开申请数量",
        &[],
    ),
    row(
        "CarriedOver",
        "carried_over",
        "二、",
        "上年结转政府信息公开申请数量",
        &[],
    ),
    row("Granted", "granted", "（一）", "予以公开", IN_RESULTS),
    RowSpec {
        aliases: &["部分公开"],
        ..row(
            "PartlyGranted",
            "partly_granted",
            "（二）",
            "部分公开（区分处理的，只计这一情形，不计其他情形）",
            IN_RESULTS,
        )
    },
];
/// （三）不予公开, eight rows.
pub const DENIED: &[RowSpec] = &[
    row(
        "DeniedStateSecret",
        "state_secret",
        "1.",
        "属于国家秘密",
        IN_DENIED,
    ),
    RowSpec {
        // 淮安市洪泽区人民政府's 2023 report (a WPS PDF) prints `2.其他法律行政止公开`.
        misspellings: &["其他法律行政止公开"],
        ..row(
            "DeniedOtherLawProhibits",
            "other_law_prohibits",
            "2.",
            "其他法律行政法规禁止公开",
            IN_DENIED,
        )
    },
    RowSpec {
        aliases: &["危及三安全一稳定", "危及\"三安全一稳定\""],
        ..row(
            "DeniedThreeSafetyOneStability",
            "three_safety_one_stability",
            "3.",
            "危及“三安全一稳定”",
            IN_DENIED,
        )
    },
    row(
        "DeniedThirdPartyRights",
        "third_party_rights",
        "4.",
        "保护第三方合法权益",
        IN_DENIED,
    ),
    RowSpec {
        misspellings: &["属于三类内容事务信息", "三类内容事务信息"],
        ..row(
            "DeniedInternalAffairs",
            "internal_affairs",
            "5.",
            "属于三类内部事务信息",
            IN_DENIED,
        )
    },
    RowSpec {
        misspellings: &["属于四类过程性性信息", "四类过程性性信息", "过程性性信息"],
        ..row(
            "DeniedProcessInfo",
            "process_info",
            "6.",
            "属于四类过程性信息",
            IN_DENIED,
        )
    },
    row(
        "DeniedEnforcementFile",
        "enforcement_file",
        "7.",
        "属于行政执法案卷",
        IN_DENIED,
    ),
    row(
        "DeniedAdministrativeQuery",
        "administrative_query",
        "8.",
        "属于行政查询事项",
        IN_DENIED,
    ),
];
/// （四）无法提供, three rows.
pub const UNABLE: &[RowSpec] = &[
    row(
        "UnableNotHeld",
        "not_held",
        "1.",
        "本机关不掌握相关政府信息",
        IN_UNABLE,
    ),
    row(
        "UnableNeedsCreation",
        "needs_creation",
        "2.",
        "没有现成信息需要另行制作",
        IN_UNABLE,
    ),
    row(
        "UnableStillUnclear",
        "still_unclear",
        "3.",
        "补正后申请内容仍不明确",
        IN_UNABLE,
    ),
];
/// （五）不予处理, five rows; an edition that adds a sixth declares its own group with them.
pub const NOT_PROCESSED: &[RowSpec] = &[
    row(
        "NotProcessedPetitionComplaint",
        "petition_complaint",
        "1.",
        "信访举报投诉类申请",
        IN_NOT_PROCESSED,
    ),
    row(
        "NotProcessedRepeat",
        "repeat",
        "2.",
        "重复申请",
        IN_NOT_PROCESSED,
    ),
    row(
        "NotProcessedPublication",
        "publication",
        "3.",
        "要求提供公开出版物",
        IN_NOT_PROCESSED,
    ),
    row(
        "NotProcessedMassRepeat",
        "mass_repeat",
        "4.",
        "无正当理由大量反复申请",
        IN_NOT_PROCESSED,
    ),
    row(
        "NotProcessedConfirmOrReissue",
        "confirm_or_reissue",
        "5.",
        "要求行政机关确认或重新出具已获取信息",
        IN_NOT_PROCESSED,
    ),
];
/// The last rows of section 三: （七）总计 and 四、结转下年度继续办理.
pub const CLOSING: &[RowSpec] = &[
    row(
        "ProcessedTotal",
        "processed_total",
        "（七）",
        "总计",
        IN_RESULTS,
    ),
    row(
        "CarriedForward",
        "carried_forward",
        "四、",
        "结转下年度继续办理",
        &[],
    ),
];

/// The note in the top-left corner of the section 三 table, as printed.
pub const CORNER_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// The sums of section 三: the balance the corner note states, （七）总计 over every outcome
/// row under 三、本年度办理结果 (whichever rows an edition has there), and the 总计 column.
pub const REQUEST_RELATIONS: &[RelationSpec] = &[
    RelationSpec::PerColumn {
        code: "requests.balance",
        left: Rows::Ids(&["NewReceived", "CarriedOver"]),
        right: Rows::Ids(&["ProcessedTotal", "CarriedForward"]),
        source: "表三表头注“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”",
    },
    RelationSpec::PerColumn {
        code: "requests.outcome_total",
        left: Rows::Ids(&["ProcessedTotal"]),
        right: Rows::Under {
            group: "本年度办理结果",
            except: &["ProcessedTotal"],
        },
        source: "“（七）总计”行：三、本年度办理结果各项之和（表式隐含）",
    },
    RelationSpec::PerRow {
        code: "requests.applicant_total",
        left: Cols::Ids(&["Total"]),
        right: Cols::AllExcept(&["Total"]),
        source: "“总计”列：自然人与法人或其他组织各列之和（表式隐含）",
    },
];

/// The one block of section 三: the applicant columns over an edition's runs of rows.
pub const fn applicant_block(rows: &'static [&'static [RowSpec]]) -> BlockSpec {
    BlockSpec {
        title: None,
        stub: None,
        row_type: APPLICANT_ROW,
        rows,
    }
}

/// The section 三 table without its rows: an edition sets `blocks` with its row runs.
pub const REQUESTS: TableSpec = TableSpec {
    type_name: "Requests",
    shared: false,
    doc: "",
    column_header: Some("申请人情况"),
    corner_note: Some(CORNER_NOTE),
    rows_are_column_groups: false,
    blocks: &[],
    relations: REQUEST_RELATIONS,
};

// ---------------------------------------------------------------------------------------------
// Section 四 (identical in both editions)
// ---------------------------------------------------------------------------------------------

const LITIGATION: &[GroupSpec] = &[group("", "行政诉讼")];

/// Section 四.
pub const REVIEW: TableSpec = TableSpec {
    type_name: "Review",
    shared: true,
    doc: "Section 四、政府信息公开行政复议、行政诉讼情况: 15 cells in three groups.",
    column_header: None,
    corner_note: None,
    rows_are_column_groups: true,
    blocks: &[BlockSpec {
        title: None,
        stub: None,
        row_type: RowTypeSpec {
            name: "ReviewGroup",
            shared: true,
            doc: "One group of section 四: the four results and their total.",
            columns: &[
                col("Upheld", "upheld", "结果维持", Kind::Count),
                col("Corrected", "corrected", "结果纠正", Kind::Count),
                col("Other", "other", "其他结果", Kind::Count),
                col("Pending", "pending", "尚未审结", Kind::Count),
                col("Total", "total", "总计", Kind::Count),
            ],
        },
        rows: &[&[
            row("Reconsideration", "reconsideration", "", "行政复议", &[]),
            row(
                "LitigationDirect",
                "litigation_direct",
                "",
                "未经复议直接起诉",
                LITIGATION,
            ),
            row(
                "LitigationAfterReconsideration",
                "litigation_after_reconsideration",
                "",
                "复议后起诉",
                LITIGATION,
            ),
        ]],
    }],
    relations: &[RelationSpec::PerRow {
        code: "review.total",
        left: Cols::Ids(&["Total"]),
        right: Cols::AllExcept(&["Total"]),
        source: "表四各组“总计”：结果维持、结果纠正、其他结果、尚未审结之和（表式隐含）",
    }],
};
