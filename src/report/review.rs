//! Section 四、政府信息公开行政复议、行政诉讼情况: 15 cells, identical in both editions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::access::{CellMut, CellRef, TableData};
use super::proactive::table_access;
use crate::cell::{Cell, Count};
use crate::form::{ReviewColumn as C, ReviewRow as R};

/// One group of section 四: the four results and their total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewGroup {
    /// 结果维持
    pub upheld: Cell<Count>,
    /// 结果纠正
    pub corrected: Cell<Count>,
    /// 其他结果
    pub other: Cell<Count>,
    /// 尚未审结
    pub pending: Cell<Count>,
    /// 总计
    pub total: Cell<Count>,
}

impl ReviewGroup {
    /// The five cells in official column order: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
    pub fn cells(&self) -> [&Cell<Count>; 5] {
        [
            &self.upheld,
            &self.corrected,
            &self.other,
            &self.pending,
            &self.total,
        ]
    }

    /// A group with every cell set: upheld, corrected, other, pending, total.
    pub fn of(values: [Count; 5]) -> Self {
        let [a, b, c, d, e] = values.map(Cell::Value);
        ReviewGroup {
            upheld: a,
            corrected: b,
            other: c,
            pending: d,
            total: e,
        }
    }
}

/// Section 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// 行政复议
    pub reconsideration: ReviewGroup,
    /// 行政诉讼 — 未经复议直接起诉
    pub litigation_direct: ReviewGroup,
    /// 行政诉讼 — 复议后起诉
    pub litigation_after_reconsideration: ReviewGroup,
}

impl Review {
    /// The three groups in official order: 行政复议, 未经复议直接起诉, 复议后起诉. With
    /// [`ReviewGroup::cells`] this lists the table's cells in official order without a lookup.
    pub fn groups(&self) -> [&ReviewGroup; 3] {
        [
            &self.reconsideration,
            &self.litigation_direct,
            &self.litigation_after_reconsideration,
        ]
    }
}

table_access!(Review, R, C, {
    (R::Reconsideration, C::Upheld) => Count reconsideration.upheld,
    (R::Reconsideration, C::Corrected) => Count reconsideration.corrected,
    (R::Reconsideration, C::Other) => Count reconsideration.other,
    (R::Reconsideration, C::Pending) => Count reconsideration.pending,
    (R::Reconsideration, C::Total) => Count reconsideration.total,
    (R::LitigationDirect, C::Upheld) => Count litigation_direct.upheld,
    (R::LitigationDirect, C::Corrected) => Count litigation_direct.corrected,
    (R::LitigationDirect, C::Other) => Count litigation_direct.other,
    (R::LitigationDirect, C::Pending) => Count litigation_direct.pending,
    (R::LitigationDirect, C::Total) => Count litigation_direct.total,
    (R::LitigationAfterReconsideration, C::Upheld) => Count litigation_after_reconsideration.upheld,
    (R::LitigationAfterReconsideration, C::Corrected) => Count litigation_after_reconsideration.corrected,
    (R::LitigationAfterReconsideration, C::Other) => Count litigation_after_reconsideration.other,
    (R::LitigationAfterReconsideration, C::Pending) => Count litigation_after_reconsideration.pending,
    (R::LitigationAfterReconsideration, C::Total) => Count litigation_after_reconsideration.total,
});
