//! Section 二、主动公开政府信息情况: the table of 第二十条 items, one struct per row.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::access::{CellMut, CellRef, TableData};
use crate::cell::{Cell, Count, Delta, Money};
use crate::form::{ProactiveColumn as C, ProactiveRow as R};

/// 2019 第二十条第（一）项: a row of 规章 or 规范性文件.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicationRow2019 {
    /// 本年新制作数量
    pub newly_made: Cell<Count>,
    /// 本年新公开数量
    pub newly_published: Cell<Count>,
    /// 对外公开总数量
    pub total_published: Cell<Count>,
}

/// 2019 第二十条第（五）（六）项: a row of item counts, their change and the decisions made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRow2019 {
    /// 上一年项目数量
    pub previous_items: Cell<Count>,
    /// 本年增/减 (signed)
    pub change: Cell<Delta>,
    /// 处理决定数量
    pub decisions: Cell<Count>,
}

/// 2019 第二十条第（八）项 行政事业性收费: fee item counts (项), not money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeItemRow2019 {
    /// 上一年项目数量
    pub previous_items: Cell<Count>,
    /// 本年增/减 (signed)
    pub change: Cell<Delta>,
}

/// 2019 第二十条第（九）项 政府集中采购.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcurementRow2019 {
    /// 采购项目数量
    pub projects: Cell<Count>,
    /// 采购总金额 (the template prints no unit; reports write it into the cell)
    pub amount: Cell<Money>,
}

/// Section 二 of the 2019 trial format: 22 cells in five blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proactive2019 {
    /// 第二十条第（一）项 规章
    pub rules: PublicationRow2019,
    /// 第二十条第（一）项 规范性文件
    pub normative_documents: PublicationRow2019,
    /// 第二十条第（五）项 行政许可
    pub licensing: ItemRow2019,
    /// 第二十条第（五）项 其他对外管理服务事项
    pub other_services: ItemRow2019,
    /// 第二十条第（六）项 行政处罚
    pub penalty: ItemRow2019,
    /// 第二十条第（六）项 行政强制
    pub coercion: ItemRow2019,
    /// 第二十条第（八）项 行政事业性收费
    pub fees: FeeItemRow2019,
    /// 第二十条第（九）项 政府集中采购
    pub procurement: ProcurementRow2019,
}

/// 2021 第二十条第（一）项: a row of 规章 or 行政规范性文件.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRow2021 {
    /// 本年制发件数
    pub issued: Cell<Count>,
    /// 本年废止件数
    pub repealed: Cell<Count>,
    /// 现行有效件数
    pub in_force: Cell<Count>,
}

/// 2021 第二十条第（五）（六）项: a row with one count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRow2021 {
    /// 本年处理决定数量
    pub decisions: Cell<Count>,
}

/// 2021 第二十条第（八）项 行政事业性收费: money collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeAmountRow2021 {
    /// 本年收费金额（单位：万元）
    pub amount: Cell<Money>,
}

/// Section 二 of the 2021 format: 10 cells in four blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proactive2021 {
    /// 第二十条第（一）项 规章
    pub rules: DocumentRow2021,
    /// 第二十条第（一）项 行政规范性文件
    pub normative_documents: DocumentRow2021,
    /// 第二十条第（五）项 行政许可
    pub licensing: DecisionRow2021,
    /// 第二十条第（六）项 行政处罚
    pub penalty: DecisionRow2021,
    /// 第二十条第（六）项 行政强制
    pub coercion: DecisionRow2021,
    /// 第二十条第（八）项 行政事业性收费
    pub fees: FeeAmountRow2021,
}

/// Generates `cell` and `cell_mut` from one list of `(row, column) => field` arms, so that the
/// shared and the mutable accessor cannot disagree.
macro_rules! table_access {
    ($ty:ty, $row:ty, $col:ty, { $(($r:pat, $c:pat) => $kind:ident $($field:ident).+),+ $(,)? }) => {
        impl TableData for $ty {
            type Row = $row;
            type Column = $col;
            fn cell(&self, row: $row, column: $col) -> Option<CellRef<'_>> {
                Some(match (row, column) {
                    $(($r, $c) => CellRef::$kind(&self.$($field).+),)+
                    #[allow(unreachable_patterns)]
                    _ => return None,
                })
            }
            fn cell_mut(&mut self, row: $row, column: $col) -> Option<CellMut<'_>> {
                Some(match (row, column) {
                    $(($r, $c) => CellMut::$kind(&mut self.$($field).+),)+
                    #[allow(unreachable_patterns)]
                    _ => return None,
                })
            }
        }
    };
}
pub(crate) use table_access;

table_access!(Proactive2019, R, C, {
    (R::Rules, C::NewlyMade) => Count rules.newly_made,
    (R::Rules, C::NewlyPublished) => Count rules.newly_published,
    (R::Rules, C::TotalPublished) => Count rules.total_published,
    (R::NormativeDocuments, C::NewlyMade) => Count normative_documents.newly_made,
    (R::NormativeDocuments, C::NewlyPublished) => Count normative_documents.newly_published,
    (R::NormativeDocuments, C::TotalPublished) => Count normative_documents.total_published,
    (R::Licensing, C::PreviousItems) => Count licensing.previous_items,
    (R::Licensing, C::Change) => Delta licensing.change,
    (R::Licensing, C::Decisions) => Count licensing.decisions,
    (R::OtherServices, C::PreviousItems) => Count other_services.previous_items,
    (R::OtherServices, C::Change) => Delta other_services.change,
    (R::OtherServices, C::Decisions) => Count other_services.decisions,
    (R::Penalty, C::PreviousItems) => Count penalty.previous_items,
    (R::Penalty, C::Change) => Delta penalty.change,
    (R::Penalty, C::Decisions) => Count penalty.decisions,
    (R::Coercion, C::PreviousItems) => Count coercion.previous_items,
    (R::Coercion, C::Change) => Delta coercion.change,
    (R::Coercion, C::Decisions) => Count coercion.decisions,
    (R::Fees, C::PreviousItems) => Count fees.previous_items,
    (R::Fees, C::Change) => Delta fees.change,
    (R::Procurement, C::Projects) => Count procurement.projects,
    (R::Procurement, C::Amount) => Money procurement.amount,
});

table_access!(Proactive2021, R, C, {
    (R::Rules, C::Issued) => Count rules.issued,
    (R::Rules, C::Repealed) => Count rules.repealed,
    (R::Rules, C::InForce) => Count rules.in_force,
    (R::NormativeDocuments, C::Issued) => Count normative_documents.issued,
    (R::NormativeDocuments, C::Repealed) => Count normative_documents.repealed,
    (R::NormativeDocuments, C::InForce) => Count normative_documents.in_force,
    (R::Licensing, C::Decisions) => Count licensing.decisions,
    (R::Penalty, C::Decisions) => Count penalty.decisions,
    (R::Coercion, C::Decisions) => Count coercion.decisions,
    (R::Fees, C::Amount) => Money fees.amount,
});
