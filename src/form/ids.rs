//! Stable ids of the official form: editions, sections, tables, rows and columns.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An edition of the official report format.
///
/// Detect it from the document (the JSON tag, the table labels), never from the report year:
/// real 2021 and 2022 reports still use the 2019 tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
pub enum Edition {
    /// 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: report years
    /// 2019 and 2020. Section 二 has 22 cells, section 三 161.
    #[serde(rename = "2019")]
    Trial2019,
    /// 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: report years 2021 on.
    /// Section 二 has 10 cells, section 三 175.
    #[serde(rename = "2021")]
    Format2021,
}

impl Edition {
    /// Both editions, oldest first.
    pub const ALL: [Edition; 2] = [Edition::Trial2019, Edition::Format2021];

    /// The JSON tag: `"2019"` or `"2021"`.
    pub fn tag(self) -> &'static str {
        match self {
            Edition::Trial2019 => "2019",
            Edition::Format2021 => "2021",
        }
    }

    /// The document that issued the format.
    pub fn notice(self) -> &'static str {
        match self {
            Edition::Trial2019 => "国办公开办函〔2019〕60号",
            Edition::Format2021 => "国办公开办函〔2021〕30号",
        }
    }

    /// The edition in force for a report year: the 2019 trial format up to 2020, then 2021.
    pub fn for_report_year(year: i32) -> Edition {
        if year <= 2020 {
            Edition::Trial2019
        } else {
            Edition::Format2021
        }
    }

    /// Parse a tag (`"2019"` or `"2021"`).
    pub fn from_tag(tag: &str) -> Option<Edition> {
        match tag {
            "2019" => Some(Edition::Trial2019),
            "2021" => Some(Edition::Format2021),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Edition {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Edition;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the edition tag \"2019\" or \"2021\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Edition, E> {
                Edition::from_tag(v).ok_or_else(|| {
                    E::custom(format!(
                        "unknown edition {v:?}: expected \"2019\" (国办公开办函〔2019〕60号) or \"2021\" (国办公开办函〔2021〕30号)"
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The six sections of every report, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况
    Proactive,
    /// 三、收到和处理政府信息公开申请情况
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况
    Review,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    OtherMatters,
}

impl SectionId {
    /// All six, in official order.
    pub const ALL: [SectionId; 6] = [
        SectionId::Overview,
        SectionId::Proactive,
        SectionId::Requests,
        SectionId::Review,
        SectionId::Problems,
        SectionId::OtherMatters,
    ];
}

/// The three tables of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// Section 二: 主动公开政府信息情况.
    Proactive,
    /// Section 三: 收到和处理政府信息公开申请情况.
    Requests,
    /// Section 四: 政府信息公开行政复议、行政诉讼情况.
    Review,
}

macro_rules! id_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $v),+ }
        impl $name {
            /// Every id, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
        }
    };
}

id_enum! {
    /// A row of the section 二 table (主动公开政府信息情况), across both editions.
    ProactiveRow {
        /// 规章 (第二十条第（一）项).
        Rules,
        /// 规范性文件 (2019) / 行政规范性文件 (2021).
        NormativeDocuments,
        /// 行政许可 (第二十条第（五）项).
        Licensing,
        /// 其他对外管理服务事项 (2019 only).
        OtherServices,
        /// 行政处罚 (第二十条第（六）项).
        Penalty,
        /// 行政强制 (第二十条第（六）项).
        Coercion,
        /// 行政事业性收费 (第二十条第（八）项).
        Fees,
        /// 政府集中采购 (第二十条第（九）项, 2019 only).
        Procurement,
    }
}

id_enum! {
    /// A column of the section 二 table, across both editions.
    ProactiveColumn {
        /// 本年新制作数量 (2019).
        NewlyMade,
        /// 本年新公开数量 (2019).
        NewlyPublished,
        /// 对外公开总数量 (2019).
        TotalPublished,
        /// 本年制发件数 (2021).
        Issued,
        /// 本年废止件数 (2021).
        Repealed,
        /// 现行有效件数 (2021).
        InForce,
        /// 上一年项目数量 (2019).
        PreviousItems,
        /// 本年增/减 (2019), a signed change.
        Change,
        /// 处理决定数量 (2019) / 本年处理决定数量 (2021).
        Decisions,
        /// 采购项目数量 (2019).
        Projects,
        /// 采购总金额 (2019) / 本年收费金额（单位：万元） (2021).
        Amount,
    }
}

id_enum! {
    /// A data row of the section 三 table (收到和处理政府信息公开申请情况), across both editions.
    RequestRow {
        /// 一、本年新收政府信息公开申请数量
        NewReceived,
        /// 二、上年结转政府信息公开申请数量
        CarriedOver,
        /// （一）予以公开
        Granted,
        /// （二）部分公开（区分处理的，只计这一情形，不计其他情形）
        PartlyGranted,
        /// （三）不予公开 1.属于国家秘密
        DeniedStateSecret,
        /// （三）不予公开 2.其他法律行政法规禁止公开
        DeniedOtherLawProhibits,
        /// （三）不予公开 3.危及“三安全一稳定”
        DeniedThreeSafetyOneStability,
        /// （三）不予公开 4.保护第三方合法权益
        DeniedThirdPartyRights,
        /// （三）不予公开 5.属于三类内部事务信息
        DeniedInternalAffairs,
        /// （三）不予公开 6.属于四类过程性信息
        DeniedProcessInfo,
        /// （三）不予公开 7.属于行政执法案卷
        DeniedEnforcementFile,
        /// （三）不予公开 8.属于行政查询事项
        DeniedAdministrativeQuery,
        /// （四）无法提供 1.本机关不掌握相关政府信息
        UnableNotHeld,
        /// （四）无法提供 2.没有现成信息需要另行制作
        UnableNeedsCreation,
        /// （四）无法提供 3.补正后申请内容仍不明确
        UnableStillUnclear,
        /// （五）不予处理 1.信访举报投诉类申请
        NotProcessedPetitionComplaint,
        /// （五）不予处理 2.重复申请
        NotProcessedRepeat,
        /// （五）不予处理 3.要求提供公开出版物
        NotProcessedPublication,
        /// （五）不予处理 4.无正当理由大量反复申请
        NotProcessedMassRepeat,
        /// （五）不予处理 5.要求行政机关确认或重新出具已获取信息
        NotProcessedConfirmOrReissue,
        /// （六）其他处理, a single row in the 2019 edition.
        OtherHandling,
        /// （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (2021).
        OtherOverdueNoCorrection,
        /// （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (2021).
        OtherOverdueFeeUnpaid,
        /// （六）其他处理 3.其他 (2021).
        OtherOther,
        /// （七）总计
        ProcessedTotal,
        /// 四、结转下年度继续办理
        CarriedForward,
    }
}

id_enum! {
    /// A column of the section 三 table: the applicant (申请人情况).
    ApplicantColumn {
        /// 自然人
        NaturalPerson,
        /// 法人或其他组织 / 商业企业
        CommercialEnterprise,
        /// 法人或其他组织 / 科研机构
        ResearchInstitution,
        /// 法人或其他组织 / 社会公益组织
        PublicWelfareOrg,
        /// 法人或其他组织 / 法律服务机构
        LegalServiceOrg,
        /// 法人或其他组织 / 其他
        OtherOrg,
        /// 总计
        Total,
    }
}

id_enum! {
    /// A group of the section 四 table (the table's rows in this crate's model).
    ReviewRow {
        /// 行政复议
        Reconsideration,
        /// 行政诉讼 / 未经复议直接起诉
        LitigationDirect,
        /// 行政诉讼 / 复议后起诉
        LitigationAfterReconsideration,
    }
}

id_enum! {
    /// A result column of the section 四 table.
    ReviewColumn {
        /// 结果维持
        Upheld,
        /// 结果纠正
        Corrected,
        /// 其他结果
        Other,
        /// 尚未审结
        Pending,
        /// 总计
        Total,
    }
}

/// The address of one cell of the form, stable across releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellId {
    /// A cell of section 二.
    Proactive(ProactiveRow, ProactiveColumn),
    /// A cell of section 三.
    Requests(RequestRow, ApplicantColumn),
    /// A cell of section 四.
    Review(ReviewRow, ReviewColumn),
}

impl CellId {
    /// The table the cell belongs to.
    pub fn table(self) -> TableId {
        match self {
            CellId::Proactive(..) => TableId::Proactive,
            CellId::Requests(..) => TableId::Requests,
            CellId::Review(..) => TableId::Review,
        }
    }
}
