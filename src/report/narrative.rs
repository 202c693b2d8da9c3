//! The narrative sections: 一、总体情况 (with the figures it states in prose), 五 and 六.

use serde::{Deserialize, Serialize};

use crate::cell::Figure;

/// Section 一、总体情况: the five parts as text, and the figures the text states.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// Text that belongs to none of the five parts: an introduction, or the whole section when
    /// the report does not split it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// （一）主动公开
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proactive: Option<String>,
    /// （二）依申请公开
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<String>,
    /// （三）政府信息管理
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management: Option<String>,
    /// （四）政府信息公开平台建设
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// （五）监督保障
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oversight: Option<String>,
    /// Quantities stated in the text, with their breakdowns (`本部门网站公布信息2125条，其中…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

/// Section 五、存在的主要问题及改进情况. The split into problems, improvements and measures is
/// common practice, not mandated; a report that does not split it has only `summary`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Problems {
    /// Text that belongs to none of the parts, or the whole section when it is not split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// 存在的主要问题
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<String>,
    /// 改进情况 (this year's improvements, including fixes of last year's problems)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvements: Option<String>,
    /// 改进措施 (next year's measures)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
}
