//! Section 三、收到和处理政府信息公开申请情况: the applicant × outcome table, written once for both
//! editions; only （六）其他处理 differs.

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::access::{CellMut, CellRef, TableData};
use crate::cell::{Cell, Count};
use crate::form::{ApplicantColumn as A, RequestRow as R};

/// One row of section 三: the six applicant columns and 总计.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicantRow {
    /// 自然人
    pub natural_person: Cell<Count>,
    /// 法人或其他组织 — 商业企业
    pub commercial_enterprise: Cell<Count>,
    /// 法人或其他组织 — 科研机构
    pub research_institution: Cell<Count>,
    /// 法人或其他组织 — 社会公益组织
    pub public_welfare_org: Cell<Count>,
    /// 法人或其他组织 — 法律服务机构
    pub legal_service_org: Cell<Count>,
    /// 法人或其他组织 — 其他
    pub other_org: Cell<Count>,
    /// 总计
    pub total: Cell<Count>,
}

impl ApplicantRow {
    /// A row with every cell set to a value.
    pub fn of(values: [Count; 7]) -> Self {
        let [a, b, c, d, e, f, g] = values.map(Cell::Value);
        ApplicantRow {
            natural_person: a,
            commercial_enterprise: b,
            research_institution: c,
            public_welfare_org: d,
            legal_service_org: e,
            other_org: f,
            total: g,
        }
    }

    /// A row of zeros.
    pub fn zeros() -> Self {
        Self::of([0; 7])
    }

    /// The seven cells in official column order: 自然人, the five 法人或其他组织 columns, 总计.
    pub fn cells(&self) -> [&Cell<Count>; 7] {
        [
            &self.natural_person,
            &self.commercial_enterprise,
            &self.research_institution,
            &self.public_welfare_org,
            &self.legal_service_org,
            &self.other_org,
            &self.total,
        ]
    }

    /// The cell of one column.
    pub fn get(&self, column: A) -> &Cell<Count> {
        match column {
            A::NaturalPerson => &self.natural_person,
            A::CommercialEnterprise => &self.commercial_enterprise,
            A::ResearchInstitution => &self.research_institution,
            A::PublicWelfareOrg => &self.public_welfare_org,
            A::LegalServiceOrg => &self.legal_service_org,
            A::OtherOrg => &self.other_org,
            A::Total => &self.total,
        }
    }

    /// The cell of one column, mutably.
    pub fn get_mut(&mut self, column: A) -> &mut Cell<Count> {
        match column {
            A::NaturalPerson => &mut self.natural_person,
            A::CommercialEnterprise => &mut self.commercial_enterprise,
            A::ResearchInstitution => &mut self.research_institution,
            A::PublicWelfareOrg => &mut self.public_welfare_org,
            A::LegalServiceOrg => &mut self.legal_service_org,
            A::OtherOrg => &mut self.other_org,
            A::Total => &mut self.total,
        }
    }
}

/// （三）不予公开: eight reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Denied {
    /// 1.属于国家秘密
    pub state_secret: ApplicantRow,
    /// 2.其他法律行政法规禁止公开
    pub other_law_prohibits: ApplicantRow,
    /// 3.危及“三安全一稳定”
    pub three_safety_one_stability: ApplicantRow,
    /// 4.保护第三方合法权益
    pub third_party_rights: ApplicantRow,
    /// 5.属于三类内部事务信息
    pub internal_affairs: ApplicantRow,
    /// 6.属于四类过程性信息
    pub process_info: ApplicantRow,
    /// 7.属于行政执法案卷
    pub enforcement_file: ApplicantRow,
    /// 8.属于行政查询事项
    pub administrative_query: ApplicantRow,
}

/// （四）无法提供: three reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unable {
    /// 1.本机关不掌握相关政府信息
    pub not_held: ApplicantRow,
    /// 2.没有现成信息需要另行制作
    pub needs_creation: ApplicantRow,
    /// 3.补正后申请内容仍不明确
    pub still_unclear: ApplicantRow,
}

/// （五）不予处理: five reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请
    pub petition_complaint: ApplicantRow,
    /// 2.重复申请
    pub repeat: ApplicantRow,
    /// 3.要求提供公开出版物
    pub publication: ApplicantRow,
    /// 4.无正当理由大量反复申请
    pub mass_repeat: ApplicantRow,
    /// 5.要求行政机关确认或重新出具已获取信息
    pub confirm_or_reissue: ApplicantRow,
}

/// （六）其他处理 in the 2021 format: three rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherHandling2021 {
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    pub overdue_no_correction: ApplicantRow,
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
    pub overdue_fee_unpaid: ApplicantRow,
    /// 3.其他
    pub other: ApplicantRow,
}

/// The edition-specific shape of （六）其他处理. Sealed: exactly the two editions' shapes.
pub trait OtherHandling:
    Clone
    + Copy
    + std::fmt::Debug
    + PartialEq
    + Eq
    + std::hash::Hash
    + Default
    + Serialize
    + DeserializeOwned
    + JsonSchema
    + sealed::Sealed
{
    /// The row of this shape, if it has it.
    fn row(&self, row: R) -> Option<&ApplicantRow>;
    /// The row of this shape, mutably.
    fn row_mut(&mut self, row: R) -> Option<&mut ApplicantRow>;
    /// The rows of this shape in official order.
    fn rows(&self) -> impl Iterator<Item = &ApplicantRow>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::ApplicantRow {}
    impl Sealed for super::OtherHandling2021 {}
}

/// 2019: （六）其他处理 is a single row.
impl OtherHandling for ApplicantRow {
    fn row(&self, row: R) -> Option<&ApplicantRow> {
        (row == R::OtherHandling).then_some(self)
    }
    fn row_mut(&mut self, row: R) -> Option<&mut ApplicantRow> {
        (row == R::OtherHandling).then_some(self)
    }
    fn rows(&self) -> impl Iterator<Item = &ApplicantRow> {
        std::iter::once(self)
    }
}

impl OtherHandling for OtherHandling2021 {
    fn row(&self, row: R) -> Option<&ApplicantRow> {
        match row {
            R::OtherOverdueNoCorrection => Some(&self.overdue_no_correction),
            R::OtherOverdueFeeUnpaid => Some(&self.overdue_fee_unpaid),
            R::OtherOther => Some(&self.other),
            _ => None,
        }
    }
    fn row_mut(&mut self, row: R) -> Option<&mut ApplicantRow> {
        match row {
            R::OtherOverdueNoCorrection => Some(&mut self.overdue_no_correction),
            R::OtherOverdueFeeUnpaid => Some(&mut self.overdue_fee_unpaid),
            R::OtherOther => Some(&mut self.other),
            _ => None,
        }
    }
    fn rows(&self) -> impl Iterator<Item = &ApplicantRow> {
        [
            &self.overdue_no_correction,
            &self.overdue_fee_unpaid,
            &self.other,
        ]
        .into_iter()
    }
}

/// Section 三: rows in official order; `O` is the edition's （六）其他处理.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "O: OtherHandling"))]
pub struct Requests<O> {
    /// 一、本年新收政府信息公开申请数量
    pub new_received: ApplicantRow,
    /// 二、上年结转政府信息公开申请数量
    pub carried_over: ApplicantRow,
    /// 三、本年度办理结果 （一）予以公开
    pub granted: ApplicantRow,
    /// 三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）
    pub partly_granted: ApplicantRow,
    /// 三、本年度办理结果 （三）不予公开
    pub denied: Denied,
    /// 三、本年度办理结果 （四）无法提供
    pub unable: Unable,
    /// 三、本年度办理结果 （五）不予处理
    pub not_processed: NotProcessed,
    /// 三、本年度办理结果 （六）其他处理
    pub other_handling: O,
    /// 三、本年度办理结果 （七）总计
    pub processed_total: ApplicantRow,
    /// 四、结转下年度继续办理
    pub carried_forward: ApplicantRow,
}

/// Section 三 of the 2019 trial format (161 cells).
pub type Requests2019 = Requests<ApplicantRow>;
/// Section 三 of the 2021 format (175 cells).
pub type Requests2021 = Requests<OtherHandling2021>;

impl<O: OtherHandling> Requests<O> {
    /// Every row in official order (the order of the form's declaration, `form.requests`):
    /// 新收, 上年结转, the outcome rows （一） to （六）, （七）总计, 结转下年度继续办理. With
    /// [`ApplicantRow::cells`] this lists the table's cells in official order without a lookup.
    pub fn rows(&self) -> impl Iterator<Item = &ApplicantRow> {
        let d = &self.denied;
        let u = &self.unable;
        let n = &self.not_processed;
        [
            &self.new_received,
            &self.carried_over,
            &self.granted,
            &self.partly_granted,
            &d.state_secret,
            &d.other_law_prohibits,
            &d.three_safety_one_stability,
            &d.third_party_rights,
            &d.internal_affairs,
            &d.process_info,
            &d.enforcement_file,
            &d.administrative_query,
            &u.not_held,
            &u.needs_creation,
            &u.still_unclear,
            &n.petition_complaint,
            &n.repeat,
            &n.publication,
            &n.mass_repeat,
            &n.confirm_or_reissue,
        ]
        .into_iter()
        .chain(self.other_handling.rows())
        .chain([&self.processed_total, &self.carried_forward])
    }

    /// The row with this id, if this edition has it.
    pub fn row(&self, row: R) -> Option<&ApplicantRow> {
        Some(match row {
            R::NewReceived => &self.new_received,
            R::CarriedOver => &self.carried_over,
            R::Granted => &self.granted,
            R::PartlyGranted => &self.partly_granted,
            R::DeniedStateSecret => &self.denied.state_secret,
            R::DeniedOtherLawProhibits => &self.denied.other_law_prohibits,
            R::DeniedThreeSafetyOneStability => &self.denied.three_safety_one_stability,
            R::DeniedThirdPartyRights => &self.denied.third_party_rights,
            R::DeniedInternalAffairs => &self.denied.internal_affairs,
            R::DeniedProcessInfo => &self.denied.process_info,
            R::DeniedEnforcementFile => &self.denied.enforcement_file,
            R::DeniedAdministrativeQuery => &self.denied.administrative_query,
            R::UnableNotHeld => &self.unable.not_held,
            R::UnableNeedsCreation => &self.unable.needs_creation,
            R::UnableStillUnclear => &self.unable.still_unclear,
            R::NotProcessedPetitionComplaint => &self.not_processed.petition_complaint,
            R::NotProcessedRepeat => &self.not_processed.repeat,
            R::NotProcessedPublication => &self.not_processed.publication,
            R::NotProcessedMassRepeat => &self.not_processed.mass_repeat,
            R::NotProcessedConfirmOrReissue => &self.not_processed.confirm_or_reissue,
            R::OtherHandling
            | R::OtherOverdueNoCorrection
            | R::OtherOverdueFeeUnpaid
            | R::OtherOther => return self.other_handling.row(row),
            R::ProcessedTotal => &self.processed_total,
            R::CarriedForward => &self.carried_forward,
        })
    }

    /// The row with this id, mutably, if this edition has it.
    pub fn row_mut(&mut self, row: R) -> Option<&mut ApplicantRow> {
        Some(match row {
            R::NewReceived => &mut self.new_received,
            R::CarriedOver => &mut self.carried_over,
            R::Granted => &mut self.granted,
            R::PartlyGranted => &mut self.partly_granted,
            R::DeniedStateSecret => &mut self.denied.state_secret,
            R::DeniedOtherLawProhibits => &mut self.denied.other_law_prohibits,
            R::DeniedThreeSafetyOneStability => &mut self.denied.three_safety_one_stability,
            R::DeniedThirdPartyRights => &mut self.denied.third_party_rights,
            R::DeniedInternalAffairs => &mut self.denied.internal_affairs,
            R::DeniedProcessInfo => &mut self.denied.process_info,
            R::DeniedEnforcementFile => &mut self.denied.enforcement_file,
            R::DeniedAdministrativeQuery => &mut self.denied.administrative_query,
            R::UnableNotHeld => &mut self.unable.not_held,
            R::UnableNeedsCreation => &mut self.unable.needs_creation,
            R::UnableStillUnclear => &mut self.unable.still_unclear,
            R::NotProcessedPetitionComplaint => &mut self.not_processed.petition_complaint,
            R::NotProcessedRepeat => &mut self.not_processed.repeat,
            R::NotProcessedPublication => &mut self.not_processed.publication,
            R::NotProcessedMassRepeat => &mut self.not_processed.mass_repeat,
            R::NotProcessedConfirmOrReissue => &mut self.not_processed.confirm_or_reissue,
            R::OtherHandling
            | R::OtherOverdueNoCorrection
            | R::OtherOverdueFeeUnpaid
            | R::OtherOther => return self.other_handling.row_mut(row),
            R::ProcessedTotal => &mut self.processed_total,
            R::CarriedForward => &mut self.carried_forward,
        })
    }
}

impl<O: OtherHandling> TableData for Requests<O> {
    type Row = R;
    type Column = A;
    fn cell(&self, row: R, column: A) -> Option<CellRef<'_>> {
        self.row(row).map(|r| CellRef::Count(r.get(column)))
    }
    fn cell_mut(&mut self, row: R, column: A) -> Option<CellMut<'_>> {
        self.row_mut(row).map(|r| CellMut::Count(r.get_mut(column)))
    }

    fn row_cells<'a>(&'a self, row: R, columns: &[A], mut f: impl FnMut(Option<CellRef<'a>>)) {
        let Some(r) = self.row(row) else {
            columns.iter().for_each(|_| f(None));
            return;
        };
        if columns == A::ALL {
            // The official column order: the row's fields as they stand.
            for c in [
                &r.natural_person,
                &r.commercial_enterprise,
                &r.research_institution,
                &r.public_welfare_org,
                &r.legal_service_org,
                &r.other_org,
                &r.total,
            ] {
                f(Some(CellRef::Count(c)));
            }
            return;
        }
        for c in columns {
            f(Some(CellRef::Count(r.get(*c))));
        }
    }
}
