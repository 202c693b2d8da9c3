//! The declaration itself. Every official label of the crate is spelled here and only here.
//! Source: `format-spec.md` (国办公开办函〔2019〕60号 and 〔2021〕30号, as reproduced by real reports).

use super::{
    ApplicantColumn as A, BlockDecl, CellKind, ColumnDecl, Edition, Form, Group, PartDecl,
    ProactiveColumn as PC, ProactiveRow as PR, Relation, RequestRow as RR, ReviewColumn as VC,
    ReviewRow as VR, RowDecl, SectionDecl, SectionId, TableDecl, TableId,
};
use crate::cell::MoneyUnit;

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

/// The six sections, identical in both editions.
pub static SECTIONS: [SectionDecl; 6] = [
    SectionDecl {
        id: SectionId::Overview,
        key: "overview",
        number: "一",
        title: "总体情况",
        aliases: &[],
    },
    SectionDecl {
        id: SectionId::Proactive,
        key: "proactive",
        number: "二",
        title: "主动公开政府信息情况",
        aliases: &[],
    },
    SectionDecl {
        id: SectionId::Requests,
        key: "requests",
        number: "三",
        title: "收到和处理政府信息公开申请情况",
        aliases: &[],
    },
    SectionDecl {
        id: SectionId::Review,
        key: "review",
        number: "四",
        title: "政府信息公开行政复议、行政诉讼情况",
        aliases: &["因政府信息公开工作被申请行政复议和提起行政诉讼情况"],
    },
    SectionDecl {
        id: SectionId::Problems,
        key: "problems",
        number: "五",
        title: "存在的主要问题及改进情况",
        aliases: &["政府信息公开工作存在的主要问题及改进情况"],
    },
    SectionDecl {
        id: SectionId::OtherMatters,
        key: "other_matters",
        number: "六",
        title: "其他需要报告的事项",
        aliases: &[],
    },
];

/// The five parts of 一、总体情况, as the 2021 format lists them (observed practice in 2019).
pub static OVERVIEW_PARTS: [PartDecl; 5] = [
    PartDecl {
        key: "proactive",
        number: "（一）",
        label: "主动公开",
        aliases: &["政府信息主动公开", "主动公开政府信息"],
    },
    PartDecl {
        key: "requests",
        number: "（二）",
        label: "依申请公开",
        aliases: &["政府信息依申请公开", "依申请公开政府信息"],
    },
    PartDecl {
        key: "management",
        number: "（三）",
        label: "政府信息管理",
        aliases: &["信息管理"],
    },
    PartDecl {
        key: "platform",
        number: "（四）",
        label: "政府信息公开平台建设",
        aliases: &["平台建设", "公开平台建设"],
    },
    PartDecl {
        key: "oversight",
        number: "（五）",
        label: "监督保障",
        aliases: &["监督保障情况"],
    },
];

/// The parts into which reports usually split 五 (not mandated by the form).
pub static PROBLEM_PARTS: [PartDecl; 3] = [
    PartDecl {
        key: "problems",
        number: "（一）",
        label: "存在的主要问题",
        aliases: &["存在问题", "主要问题"],
    },
    PartDecl {
        key: "improvements",
        number: "（二）",
        label: "改进情况",
        aliases: &["整改情况"],
    },
    PartDecl {
        key: "measures",
        number: "（三）",
        label: "改进措施",
        aliases: &["下一步工作", "下一步工作打算", "工作计划"],
    },
];

// ---------------------------------------------------------------------------------------------
// Section 二
// ---------------------------------------------------------------------------------------------

const INFO: Option<&str> = Some("信息内容");

const fn col(id: PC, key: &'static str, label: &'static str, kind: CellKind) -> ColumnDecl<PC> {
    ColumnDecl {
        id,
        key,
        label,
        group: None,
        aliases: &[],
        kind,
    }
}

const fn prow(id: PR, key: &'static str, name: &'static str) -> RowDecl<PR> {
    RowDecl {
        id,
        key,
        number: "",
        name,
        groups: &[],
        aliases: &[],
        misspellings: &[],
    }
}

const RULES: RowDecl<PR> = prow(PR::Rules, "rules", "规章");
const LICENSING: RowDecl<PR> = prow(PR::Licensing, "licensing", "行政许可");
const PENALTY: RowDecl<PR> = prow(PR::Penalty, "penalty", "行政处罚");
const COERCION: RowDecl<PR> = prow(PR::Coercion, "coercion", "行政强制");
const FEES: RowDecl<PR> = prow(PR::Fees, "fees", "行政事业性收费");

const ITEMS_2019: &[ColumnDecl<PC>] = &[
    col(
        PC::PreviousItems,
        "previous_items",
        "上一年项目数量",
        CellKind::Count,
    ),
    col(PC::Change, "change", "本年增/减", CellKind::Delta),
    col(PC::Decisions, "decisions", "处理决定数量", CellKind::Count),
];

static PROACTIVE_2019: TableDecl<PR, PC> = TableDecl {
    id: TableId::Proactive,
    key: "proactive",
    section: SectionId::Proactive,
    column_header: None,
    corner_note: None,
    rows_are_column_groups: false,
    blocks: &[
        BlockDecl {
            title: Some("第二十条第（一）项"),
            stub: INFO,
            columns: &[
                col(
                    PC::NewlyMade,
                    "newly_made",
                    "本年新制作数量",
                    CellKind::Count,
                ),
                col(
                    PC::NewlyPublished,
                    "newly_published",
                    "本年新公开数量",
                    CellKind::Count,
                ),
                col(
                    PC::TotalPublished,
                    "total_published",
                    "对外公开总数量",
                    CellKind::Count,
                ),
            ],
            rows: &[
                RULES,
                RowDecl {
                    aliases: &["行政规范性文件"],
                    ..prow(PR::NormativeDocuments, "normative_documents", "规范性文件")
                },
            ],
        },
        BlockDecl {
            title: Some("第二十条第（五）项"),
            stub: INFO,
            columns: ITEMS_2019,
            rows: &[
                LICENSING,
                prow(PR::OtherServices, "other_services", "其他对外管理服务事项"),
            ],
        },
        BlockDecl {
            title: Some("第二十条第（六）项"),
            stub: INFO,
            columns: ITEMS_2019,
            rows: &[PENALTY, COERCION],
        },
        BlockDecl {
            title: Some("第二十条第（八）项"),
            stub: INFO,
            columns: ITEMS_2019.split_at(2).0,
            rows: &[FEES],
        },
        BlockDecl {
            title: Some("第二十条第（九）项"),
            stub: INFO,
            columns: &[
                col(PC::Projects, "projects", "采购项目数量", CellKind::Count),
                col(PC::Amount, "amount", "采购总金额", CellKind::Money(None)),
            ],
            rows: &[prow(PR::Procurement, "procurement", "政府集中采购")],
        },
    ],
    relations: &[],
};

const DECISIONS_2021: &[ColumnDecl<PC>] = &[ColumnDecl {
    aliases: &["处理决定数量"],
    ..col(
        PC::Decisions,
        "decisions",
        "本年处理决定数量",
        CellKind::Count,
    )
}];

static PROACTIVE_2021: TableDecl<PR, PC> = TableDecl {
    id: TableId::Proactive,
    key: "proactive",
    section: SectionId::Proactive,
    column_header: None,
    corner_note: None,
    rows_are_column_groups: false,
    blocks: &[
        BlockDecl {
            title: Some("第二十条第（一）项"),
            stub: INFO,
            columns: &[
                ColumnDecl {
                    aliases: &["本年度制发数", "本年制发数"],
                    ..col(PC::Issued, "issued", "本年制发件数", CellKind::Count)
                },
                ColumnDecl {
                    aliases: &["本年废止数", "本年度废止件数"],
                    ..col(PC::Repealed, "repealed", "本年废止件数", CellKind::Count)
                },
                ColumnDecl {
                    aliases: &["现行有效", "现行有效数"],
                    ..col(PC::InForce, "in_force", "现行有效件数", CellKind::Count)
                },
            ],
            rows: &[
                RULES,
                RowDecl {
                    aliases: &["规范性文件"],
                    ..prow(
                        PR::NormativeDocuments,
                        "normative_documents",
                        "行政规范性文件",
                    )
                },
            ],
        },
        BlockDecl {
            title: Some("第二十条第（五）项"),
            stub: INFO,
            columns: DECISIONS_2021,
            rows: &[LICENSING],
        },
        BlockDecl {
            title: Some("第二十条第（六）项"),
            stub: INFO,
            columns: DECISIONS_2021,
            rows: &[PENALTY, COERCION],
        },
        BlockDecl {
            title: Some("第二十条第（八）项"),
            stub: INFO,
            columns: &[ColumnDecl {
                aliases: &["本年收费金额"],
                ..col(
                    PC::Amount,
                    "amount",
                    "本年收费金额（单位：万元）",
                    CellKind::Money(Some(MoneyUnit::WanYuan)),
                )
            }],
            rows: &[FEES],
        },
    ],
    relations: &[],
};

// ---------------------------------------------------------------------------------------------
// Section 三
// ---------------------------------------------------------------------------------------------

const LEGAL_ENTITY: Option<&str> = Some("法人或其他组织");

const fn acol(
    id: A,
    key: &'static str,
    label: &'static str,
    group: Option<&'static str>,
) -> ColumnDecl<A> {
    ColumnDecl {
        id,
        key,
        label,
        group,
        aliases: &[],
        kind: CellKind::Count,
    }
}

static APPLICANT_COLUMNS: [ColumnDecl<A>; 7] = [
    acol(A::NaturalPerson, "natural_person", "自然人", None),
    acol(
        A::CommercialEnterprise,
        "commercial_enterprise",
        "商业企业",
        LEGAL_ENTITY,
    ),
    acol(
        A::ResearchInstitution,
        "research_institution",
        "科研机构",
        LEGAL_ENTITY,
    ),
    acol(
        A::PublicWelfareOrg,
        "public_welfare_org",
        "社会公益组织",
        LEGAL_ENTITY,
    ),
    acol(
        A::LegalServiceOrg,
        "legal_service_org",
        "法律服务机构",
        LEGAL_ENTITY,
    ),
    acol(A::OtherOrg, "other_org", "其他", LEGAL_ENTITY),
    acol(A::Total, "total", "总计", None),
];

const G_RESULTS: Group = Group {
    number: "三、",
    name: "本年度办理结果",
};
const IN_RESULTS: &[Group] = &[G_RESULTS];
const IN_DENIED: &[Group] = &[
    G_RESULTS,
    Group {
        number: "（三）",
        name: "不予公开",
    },
];
const IN_UNABLE: &[Group] = &[
    G_RESULTS,
    Group {
        number: "（四）",
        name: "无法提供",
    },
];
const IN_NOT_PROCESSED: &[Group] = &[
    G_RESULTS,
    Group {
        number: "（五）",
        name: "不予处理",
    },
];
const IN_OTHER: &[Group] = &[
    G_RESULTS,
    Group {
        number: "（六）",
        name: "其他处理",
    },
];

const fn rrow(
    id: RR,
    key: &'static str,
    number: &'static str,
    name: &'static str,
    groups: &'static [Group],
) -> RowDecl<RR> {
    RowDecl {
        id,
        key,
        number,
        name,
        groups,
        aliases: &[],
        misspellings: &[],
    }
}

const NEW_RECEIVED: RowDecl<RR> = rrow(
    RR::NewReceived,
    "new_received",
    "一、",
    "本年新收政府信息公开申请数量",
    &[],
);
const CARRIED_OVER: RowDecl<RR> = rrow(
    RR::CarriedOver,
    "carried_over",
    "二、",
    "上年结转政府信息公开申请数量",
    &[],
);
const GRANTED: RowDecl<RR> = rrow(RR::Granted, "granted", "（一）", "予以公开", IN_RESULTS);
const PARTLY_GRANTED: RowDecl<RR> = RowDecl {
    aliases: &["部分公开"],
    ..rrow(
        RR::PartlyGranted,
        "partly_granted",
        "（二）",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        IN_RESULTS,
    )
};
const DENIED: [RowDecl<RR>; 8] = [
    rrow(
        RR::DeniedStateSecret,
        "denied/state_secret",
        "1.",
        "属于国家秘密",
        IN_DENIED,
    ),
    rrow(
        RR::DeniedOtherLawProhibits,
        "denied/other_law_prohibits",
        "2.",
        "其他法律行政法规禁止公开",
        IN_DENIED,
    ),
    RowDecl {
        aliases: &["危及三安全一稳定", "危及\"三安全一稳定\""],
        ..rrow(
            RR::DeniedThreeSafetyOneStability,
            "denied/three_safety_one_stability",
            "3.",
            "危及“三安全一稳定”",
            IN_DENIED,
        )
    },
    rrow(
        RR::DeniedThirdPartyRights,
        "denied/third_party_rights",
        "4.",
        "保护第三方合法权益",
        IN_DENIED,
    ),
    RowDecl {
        misspellings: &["属于三类内容事务信息", "三类内容事务信息"],
        ..rrow(
            RR::DeniedInternalAffairs,
            "denied/internal_affairs",
            "5.",
            "属于三类内部事务信息",
            IN_DENIED,
        )
    },
    RowDecl {
        misspellings: &["属于四类过程性性信息", "四类过程性性信息", "过程性性信息"],
        ..rrow(
            RR::DeniedProcessInfo,
            "denied/process_info",
            "6.",
            "属于四类过程性信息",
            IN_DENIED,
        )
    },
    rrow(
        RR::DeniedEnforcementFile,
        "denied/enforcement_file",
        "7.",
        "属于行政执法案卷",
        IN_DENIED,
    ),
    rrow(
        RR::DeniedAdministrativeQuery,
        "denied/administrative_query",
        "8.",
        "属于行政查询事项",
        IN_DENIED,
    ),
];
const UNABLE: [RowDecl<RR>; 3] = [
    rrow(
        RR::UnableNotHeld,
        "unable/not_held",
        "1.",
        "本机关不掌握相关政府信息",
        IN_UNABLE,
    ),
    rrow(
        RR::UnableNeedsCreation,
        "unable/needs_creation",
        "2.",
        "没有现成信息需要另行制作",
        IN_UNABLE,
    ),
    rrow(
        RR::UnableStillUnclear,
        "unable/still_unclear",
        "3.",
        "补正后申请内容仍不明确",
        IN_UNABLE,
    ),
];
const NOT_PROCESSED: [RowDecl<RR>; 5] = [
    rrow(
        RR::NotProcessedPetitionComplaint,
        "not_processed/petition_complaint",
        "1.",
        "信访举报投诉类申请",
        IN_NOT_PROCESSED,
    ),
    rrow(
        RR::NotProcessedRepeat,
        "not_processed/repeat",
        "2.",
        "重复申请",
        IN_NOT_PROCESSED,
    ),
    rrow(
        RR::NotProcessedPublication,
        "not_processed/publication",
        "3.",
        "要求提供公开出版物",
        IN_NOT_PROCESSED,
    ),
    rrow(
        RR::NotProcessedMassRepeat,
        "not_processed/mass_repeat",
        "4.",
        "无正当理由大量反复申请",
        IN_NOT_PROCESSED,
    ),
    rrow(
        RR::NotProcessedConfirmOrReissue,
        "not_processed/confirm_or_reissue",
        "5.",
        "要求行政机关确认或重新出具已获取信息",
        IN_NOT_PROCESSED,
    ),
];
const PROCESSED_TOTAL: RowDecl<RR> = rrow(
    RR::ProcessedTotal,
    "processed_total",
    "（七）",
    "总计",
    IN_RESULTS,
);
const CARRIED_FORWARD: RowDecl<RR> = rrow(
    RR::CarriedForward,
    "carried_forward",
    "四、",
    "结转下年度继续办理",
    &[],
);

/// The note in the top-left corner of the section 三 table, as printed.
const CORNER_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

const BALANCE_SOURCE: &str =
    "表三表头注“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”";

/// Leaf rows of 三、本年度办理结果 shared by both editions, before （六）.
macro_rules! outcome_leaves {
    ($($other:expr),+) => {
        &[
            RR::Granted,
            RR::PartlyGranted,
            RR::DeniedStateSecret,
            RR::DeniedOtherLawProhibits,
            RR::DeniedThreeSafetyOneStability,
            RR::DeniedThirdPartyRights,
            RR::DeniedInternalAffairs,
            RR::DeniedProcessInfo,
            RR::DeniedEnforcementFile,
            RR::DeniedAdministrativeQuery,
            RR::UnableNotHeld,
            RR::UnableNeedsCreation,
            RR::UnableStillUnclear,
            RR::NotProcessedPetitionComplaint,
            RR::NotProcessedRepeat,
            RR::NotProcessedPublication,
            RR::NotProcessedMassRepeat,
            RR::NotProcessedConfirmOrReissue,
            $($other),+
        ]
    };
}

macro_rules! request_relations {
    ($($other:expr),+) => {
        &[
            Relation::PerColumn {
                code: "requests.balance",
                left: &[RR::NewReceived, RR::CarriedOver],
                right: &[RR::ProcessedTotal, RR::CarriedForward],
                source: BALANCE_SOURCE,
            },
            Relation::PerColumn {
                code: "requests.outcome_total",
                left: &[RR::ProcessedTotal],
                right: outcome_leaves!($($other),+),
                source: "“（七）总计”行：三、本年度办理结果各项之和（表式隐含）",
            },
            Relation::PerRow {
                code: "requests.applicant_total",
                left: &[A::Total],
                right: &[
                    A::NaturalPerson,
                    A::CommercialEnterprise,
                    A::ResearchInstitution,
                    A::PublicWelfareOrg,
                    A::LegalServiceOrg,
                    A::OtherOrg,
                ],
                source: "“总计”列：自然人与法人或其他组织各列之和（表式隐含）",
            },
        ]
    };
}

/// The section 三 table of an edition: the rows both editions share, with the edition's
/// （六）其他处理 rows in their place, and the relations over them. Written once for both.
macro_rules! requests_table {
    ($($other:expr),+ ; $($other_id:expr),+) => {
        TableDecl {
            id: TableId::Requests,
            key: "requests",
            section: SectionId::Requests,
            column_header: Some("申请人情况"),
            corner_note: Some(CORNER_NOTE),
            rows_are_column_groups: false,
            blocks: &[BlockDecl {
                title: None,
                stub: None,
                columns: &APPLICANT_COLUMNS,
                rows: &[
                    NEW_RECEIVED,
                    CARRIED_OVER,
                    GRANTED,
                    PARTLY_GRANTED,
                    DENIED[0],
                    DENIED[1],
                    DENIED[2],
                    DENIED[3],
                    DENIED[4],
                    DENIED[5],
                    DENIED[6],
                    DENIED[7],
                    UNABLE[0],
                    UNABLE[1],
                    UNABLE[2],
                    NOT_PROCESSED[0],
                    NOT_PROCESSED[1],
                    NOT_PROCESSED[2],
                    NOT_PROCESSED[3],
                    NOT_PROCESSED[4],
                    $($other,)+
                    PROCESSED_TOTAL,
                    CARRIED_FORWARD,
                ],
            }],
            relations: request_relations!($($other_id),+),
        }
    };
}

static REQUESTS_2019: TableDecl<RR, A> = requests_table!(
    rrow(
        RR::OtherHandling,
        "other_handling",
        "（六）",
        "其他处理",
        IN_RESULTS,
    );
    RR::OtherHandling
);

static REQUESTS_2021: TableDecl<RR, A> = requests_table!(
    rrow(
        RR::OtherOverdueNoCorrection,
        "other_handling/overdue_no_correction",
        "1.",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        IN_OTHER,
    ),
    rrow(
        RR::OtherOverdueFeeUnpaid,
        "other_handling/overdue_fee_unpaid",
        "2.",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        IN_OTHER,
    ),
    rrow(RR::OtherOther, "other_handling/other", "3.", "其他", IN_OTHER);
    RR::OtherOverdueNoCorrection,
    RR::OtherOverdueFeeUnpaid,
    RR::OtherOther
);

// ---------------------------------------------------------------------------------------------
// Section 四 (identical in both editions)
// ---------------------------------------------------------------------------------------------

const fn vcol(id: VC, key: &'static str, label: &'static str) -> ColumnDecl<VC> {
    ColumnDecl {
        id,
        key,
        label,
        group: None,
        aliases: &[],
        kind: CellKind::Count,
    }
}

const LITIGATION: &[Group] = &[Group {
    number: "",
    name: "行政诉讼",
}];

static REVIEW: TableDecl<VR, VC> = TableDecl {
    id: TableId::Review,
    key: "review",
    section: SectionId::Review,
    column_header: None,
    corner_note: None,
    rows_are_column_groups: true,
    blocks: &[BlockDecl {
        title: None,
        stub: None,
        columns: &[
            vcol(VC::Upheld, "upheld", "结果维持"),
            vcol(VC::Corrected, "corrected", "结果纠正"),
            vcol(VC::Other, "other", "其他结果"),
            vcol(VC::Pending, "pending", "尚未审结"),
            vcol(VC::Total, "total", "总计"),
        ],
        rows: &[
            RowDecl {
                id: VR::Reconsideration,
                key: "reconsideration",
                number: "",
                name: "行政复议",
                groups: &[],
                aliases: &[],
                misspellings: &[],
            },
            RowDecl {
                id: VR::LitigationDirect,
                key: "litigation_direct",
                number: "",
                name: "未经复议直接起诉",
                groups: LITIGATION,
                aliases: &[],
                misspellings: &[],
            },
            RowDecl {
                id: VR::LitigationAfterReconsideration,
                key: "litigation_after_reconsideration",
                number: "",
                name: "复议后起诉",
                groups: LITIGATION,
                aliases: &[],
                misspellings: &[],
            },
        ],
    }],
    relations: &[Relation::PerRow {
        code: "review.total",
        left: &[VC::Total],
        right: &[VC::Upheld, VC::Corrected, VC::Other, VC::Pending],
        source: "表四各组“总计”：结果维持、结果纠正、其他结果、尚未审结之和（表式隐含）",
    }],
};

pub(super) static FORM_2019: Form = Form {
    edition: Edition::Trial2019,
    proactive: &PROACTIVE_2019,
    requests: &REQUESTS_2019,
    review: &REVIEW,
};

pub(super) static FORM_2021: Form = Form {
    edition: Edition::Format2021,
    proactive: &PROACTIVE_2021,
    requests: &REQUESTS_2021,
    review: &REVIEW,
};
