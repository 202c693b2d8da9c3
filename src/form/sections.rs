//! The six sections and the named parts of the narrative sections: the same in every edition
//! (条例第五十条 fixes them), so declared once here rather than per edition.

use super::{PartDecl, SectionDecl, SectionId};

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
        key_words: &[&["总体情况"], &["总体", "概况"], &["基本情况"], &["概述"]],
    },
    SectionDecl {
        id: SectionId::Proactive,
        key: "proactive",
        number: "二",
        title: "主动公开政府信息情况",
        aliases: &[],
        key_words: &[&["主动公开", "信息"]],
    },
    SectionDecl {
        id: SectionId::Requests,
        key: "requests",
        number: "三",
        title: "收到和处理政府信息公开申请情况",
        aliases: &[],
        key_words: &[&["收到", "申请"], &["处理", "申请"]],
    },
    SectionDecl {
        id: SectionId::Review,
        key: "review",
        number: "四",
        title: "政府信息公开行政复议、行政诉讼情况",
        aliases: &["因政府信息公开工作被申请行政复议和提起行政诉讼情况"],
        key_words: &[&["复议"], &["诉讼"]],
    },
    SectionDecl {
        id: SectionId::Problems,
        key: "problems",
        number: "五",
        title: "存在的主要问题及改进情况",
        aliases: &["政府信息公开工作存在的主要问题及改进情况"],
        key_words: &[&["问题", "改进"], &["问题", "措施"], &["不足", "改进"]],
    },
    SectionDecl {
        id: SectionId::OtherMatters,
        key: "other_matters",
        number: "六",
        title: "其他需要报告的事项",
        aliases: &[],
        key_words: &[&["其他", "事项"], &["其他", "报告"]],
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
