//! The typed report: metadata, the six sections, and every cell of the edition's tables.

mod access;
mod narrative;
mod proactive;
mod requests;
mod review;

use std::fmt;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use access::{CellMut, CellRef, TableData};
pub use narrative::{Overview, Problems};
pub use proactive::{
    DecisionRow2021, DocumentRow2021, FeeAmountRow2021, FeeItemRow2019, ItemRow2019, Proactive2019,
    Proactive2021, ProcurementRow2019, PublicationRow2019,
};
pub use requests::{
    ApplicantRow, Denied, NotProcessed, OtherHandling, OtherHandling2021, Requests, Requests2019,
    Requests2021, Unable,
};
pub use review::{Review, ReviewGroup};

use crate::form::{
    self, CellId, Edition, Form, FormCell, ProactiveColumn, ProactiveRow, SectionId,
};

/// A table as the report gave it: filled in, or replaced by the word `无`.
///
/// In JSON a filled table is its object and a replaced one is the string `"无"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableState<T> {
    /// The table is there, cell by cell.
    Filled(T),
    /// The report wrote `无` in place of the table (the form asks for the table, zeros
    /// included; validation warns). Read as "all zero, with a flag" where a value is needed.
    DeclaredNone,
}

/// The JSON string for [`TableState::DeclaredNone`].
pub const DECLARED_NONE_MARK: &str = "无";

impl<T> TableState<T> {
    /// The table, if it was filled in.
    pub fn filled(&self) -> Option<&T> {
        match self {
            TableState::Filled(t) => Some(t),
            TableState::DeclaredNone => None,
        }
    }

    /// The table, mutably, if it was filled in.
    pub fn filled_mut(&mut self) -> Option<&mut T> {
        match self {
            TableState::Filled(t) => Some(t),
            TableState::DeclaredNone => None,
        }
    }
}

impl<T: Serialize> Serialize for TableState<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            TableState::Filled(t) => t.serialize(s),
            TableState::DeclaredNone => s.serialize_str(DECLARED_NONE_MARK),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for TableState<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: DeserializeOwned> Visitor<'de> for V<T> {
            type Value = TableState<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table object, or \"无\" for a table the report replaced by 无")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v == DECLARED_NONE_MARK {
                    Ok(TableState::DeclaredNone)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(TableState::Filled)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for TableState<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("TableState_{}", T::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let t = generator.subschema_for::<T>();
        json_schema!({
            "oneOf": [
                t,
                { "const": DECLARED_NONE_MARK, "description": "the report replaced the table by 无" }
            ]
        })
    }
}

/// Who issued the report; the deadline depends on it (条例第四十九条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Issuer {
    /// A people's government (人民政府) reporting for itself (本级): publish by 3月31日.
    PeoplesGovernment,
    /// A department (政府部门) of a government at county level or above: publish by 1月31日.
    Department,
}

/// The statistics period (统计期限) the report states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

impl Period {
    /// The calendar year `year`, 1月1日 to 12月31日.
    pub fn calendar_year(year: i32) -> Option<Period> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }
}

/// The tables of one edition, as a type. Implemented by [`E2019`] and [`E2021`] only.
pub trait EditionForm:
    Copy
    + fmt::Debug
    + Default
    + PartialEq
    + Eq
    + std::hash::Hash
    + Serialize
    + DeserializeOwned
    + JsonSchema
    + sealed::Sealed
{
    /// The edition.
    const EDITION: Edition;
    /// Section 二 of this edition.
    type Proactive: TableData<Row = ProactiveRow, Column = ProactiveColumn>
        + Clone
        + fmt::Debug
        + Default
        + PartialEq
        + Eq
        + std::hash::Hash
        + Serialize
        + DeserializeOwned
        + JsonSchema;
    /// （六）其他处理 of section 三 in this edition.
    type OtherHandling: OtherHandling;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::E2019 {}
    impl Sealed for super::E2021 {}
}

macro_rules! edition_marker {
    ($(#[$m:meta])* $name:ident, $edition:expr, $tag:literal, $title:literal, $proactive:ty, $other:ty) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $name;

        impl EditionForm for $name {
            const EDITION: Edition = $edition;
            type Proactive = $proactive;
            type OtherHandling = $other;
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($tag)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("the edition tag \"", $tag, "\""))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        if v == $tag {
                            Ok($name)
                        } else {
                            Err(E::invalid_value(de::Unexpected::Str(v), &self))
                        }
                    }
                }
                d.deserialize_str(V)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn inline_schema() -> bool {
                true
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "const": $tag, "title": $title })
            }
        }
    };
}

edition_marker!(
    /// The 2019 trial format (国办公开办函〔2019〕60号) as a type; its JSON tag is `"2019"`.
    E2019,
    Edition::Trial2019,
    "2019",
    "中华人民共和国政府信息公开工作年度报告格式（试行）",
    Proactive2019,
    ApplicantRow
);
edition_marker!(
    /// The 2021 format (国办公开办函〔2021〕30号) as a type; its JSON tag is `"2021"`.
    E2021,
    Edition::Format2021,
    "2021",
    "中华人民共和国政府信息公开工作年度报告格式",
    Proactive2021,
    OtherHandling2021
);

/// A 政府信息公开工作年度报告 of one edition.
///
/// A section that the source did not contain (a truncated page) is `None` and absent from the
/// JSON; a table that the report replaced by `无` is [`TableState::DeclaredNone`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(serialize = "", deserialize = ""))]
pub struct AnnualReport<E: EditionForm> {
    /// The edition of the format, always the first key.
    pub edition: E,
    /// The issuing agency's full name (机关全称).
    pub agency: String,
    /// The report's title as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The report year (the year reported on, not the year of publication).
    pub year: u16,
    /// Whether the issuer is a people's government or a department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Issuer>,
    /// The statistics period (统计期限) as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The publication date, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Text before section 一 (the legal basis and the statistics period, usually).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble: Option<String>,
    /// 一、总体情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<Overview>,
    /// 二、主动公开政府信息情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proactive: Option<E::Proactive>,
    /// 三、收到和处理政府信息公开申请情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<TableState<Requests<E::OtherHandling>>>,
    /// 四、政府信息公开行政复议、行政诉讼情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<TableState<Review>>,
    /// 五、存在的主要问题及改进情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<Problems>,
    /// 六、其他需要报告的事项
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_matters: Option<String>,
}

/// A report of the 2019 trial format.
pub type Report2019 = AnnualReport<E2019>;
/// A report of the 2021 format.
pub type Report2021 = AnnualReport<E2021>;

/// Where a cell of the form stands in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot<'a> {
    /// The cell is in the report.
    Cell(CellRef<'a>),
    /// The report replaced the cell's table by `无`.
    DeclaredNone,
    /// The report does not contain the cell's section (a partial report).
    Missing,
}

impl<E: EditionForm> AnnualReport<E> {
    /// An empty report of this edition: every section missing.
    pub fn new(agency: &str, year: u16) -> Self {
        AnnualReport {
            agency: agency.to_owned(),
            year,
            ..Default::default()
        }
    }

    /// The form of this report's edition.
    pub fn form(&self) -> &'static Form {
        form::form(E::EDITION)
    }

    /// Whether a section is present.
    pub fn has_section(&self, id: SectionId) -> bool {
        match id {
            SectionId::Overview => self.overview.is_some(),
            SectionId::Proactive => self.proactive.is_some(),
            SectionId::Requests => self.requests.is_some(),
            SectionId::Review => self.review.is_some(),
            SectionId::Problems => self.problems.is_some(),
            SectionId::OtherMatters => self.other_matters.is_some(),
        }
    }

    /// A cell by id: in the report, in a table replaced by `无`, or in a missing section.
    /// `None` if this edition has no such cell.
    pub fn slot(&self, id: CellId) -> Option<Slot<'_>> {
        fn of<T: TableData>(
            t: Option<&TableState<T>>,
            r: T::Row,
            c: T::Column,
        ) -> Option<Slot<'_>> {
            match t {
                None => Some(Slot::Missing),
                Some(TableState::DeclaredNone) => Some(Slot::DeclaredNone),
                Some(TableState::Filled(t)) => t.cell(r, c).map(Slot::Cell),
            }
        }
        let f = self.form();
        match id {
            CellId::Proactive(r, c) => {
                f.proactive.cell(r, c)?;
                match &self.proactive {
                    None => Some(Slot::Missing),
                    Some(p) => p.cell(r, c).map(Slot::Cell),
                }
            }
            CellId::Requests(r, c) => {
                f.requests.cell(r, c)?;
                of(self.requests.as_ref(), r, c)
            }
            CellId::Review(r, c) => of(self.review.as_ref(), r, c),
        }
    }

    /// A cell by id, if the report has it.
    pub fn cell(&self, id: CellId) -> Option<CellRef<'_>> {
        match self.slot(id)? {
            Slot::Cell(c) => Some(c),
            _ => None,
        }
    }

    /// A cell by id, mutably, if the report has it.
    pub fn cell_mut(&mut self, id: CellId) -> Option<CellMut<'_>> {
        match id {
            CellId::Proactive(r, c) => self.proactive.as_mut()?.cell_mut(r, c),
            CellId::Requests(r, c) => self.requests.as_mut()?.filled_mut()?.cell_mut(r, c),
            CellId::Review(r, c) => self.review.as_mut()?.filled_mut()?.cell_mut(r, c),
        }
    }

    /// Every cell of the edition's form in official order, with its labels and where it stands
    /// in this report.
    pub fn cells(&self) -> impl Iterator<Item = (FormCell, Slot<'_>)> + '_ {
        self.form().cells().map(move |fc| {
            let slot = self.slot(fc.id).unwrap_or(Slot::Missing);
            (fc, slot)
        })
    }
}

/// A report of either edition: what the JSON reader returns and most APIs take.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Report {
    /// A report in the 2019 trial format.
    Trial2019(Report2019),
    /// A report in the 2021 format.
    Format2021(Report2021),
}

/// Runs the same expression on the report inside a [`Report`], whatever its edition.
#[macro_export]
macro_rules! with_report {
    ($report:expr, $r:ident => $body:expr) => {
        match $report {
            $crate::Report::Trial2019($r) => $body,
            $crate::Report::Format2021($r) => $body,
        }
    };
}

impl Report {
    /// The edition.
    pub fn edition(&self) -> Edition {
        match self {
            Report::Trial2019(_) => Edition::Trial2019,
            Report::Format2021(_) => Edition::Format2021,
        }
    }

    /// The form of the report's edition.
    pub fn form(&self) -> &'static Form {
        form::form(self.edition())
    }

    /// The issuing agency's full name.
    pub fn agency(&self) -> &str {
        with_report!(self, r => &r.agency)
    }

    /// The report year.
    pub fn year(&self) -> u16 {
        with_report!(self, r => r.year)
    }

    /// The report's title, if known.
    pub fn title(&self) -> Option<&str> {
        with_report!(self, r => r.title.as_deref())
    }

    /// Who issued the report, if known.
    pub fn issuer(&self) -> Option<Issuer> {
        with_report!(self, r => r.issuer)
    }

    /// The statistics period, if stated.
    pub fn period(&self) -> Option<Period> {
        with_report!(self, r => r.period)
    }

    /// The publication date, if known.
    pub fn published(&self) -> Option<NaiveDate> {
        with_report!(self, r => r.published)
    }

    /// Section 一, if present.
    pub fn overview(&self) -> Option<&Overview> {
        with_report!(self, r => r.overview.as_ref())
    }

    /// Section 五, if present.
    pub fn problems(&self) -> Option<&Problems> {
        with_report!(self, r => r.problems.as_ref())
    }

    /// Section 六, if present.
    pub fn other_matters(&self) -> Option<&str> {
        with_report!(self, r => r.other_matters.as_deref())
    }

    /// Section 四, if present.
    pub fn review(&self) -> Option<&TableState<Review>> {
        with_report!(self, r => r.review.as_ref())
    }

    /// Whether a section is present.
    pub fn has_section(&self, id: SectionId) -> bool {
        with_report!(self, r => r.has_section(id))
    }

    /// Whether the report replaced section 三's table by `无`.
    pub fn requests_declared_none(&self) -> bool {
        with_report!(self, r => matches!(r.requests, Some(TableState::DeclaredNone)))
    }

    /// A cell by id, with where it stands; `None` if the edition has no such cell.
    pub fn slot(&self, id: CellId) -> Option<Slot<'_>> {
        with_report!(self, r => r.slot(id))
    }

    /// A cell by id, if the report has it.
    pub fn cell(&self, id: CellId) -> Option<CellRef<'_>> {
        with_report!(self, r => r.cell(id))
    }

    /// A cell by id, mutably, if the report has it.
    pub fn cell_mut(&mut self, id: CellId) -> Option<CellMut<'_>> {
        with_report!(self, r => r.cell_mut(id))
    }

    /// Every cell of the edition's form in official order, with labels and state.
    pub fn cells(&self) -> Box<dyn Iterator<Item = (FormCell, Slot<'_>)> + '_> {
        with_report!(self, r => Box::new(r.cells()))
    }
}

impl From<Report2019> for Report {
    fn from(r: Report2019) -> Self {
        Report::Trial2019(r)
    }
}

impl From<Report2021> for Report {
    fn from(r: Report2021) -> Self {
        Report::Format2021(r)
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        with_report!(self, r => r.serialize(s))
    }
}
