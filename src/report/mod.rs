//! The typed report: what every edition shares (metadata and the narrative sections) in
//! [`Report`], and the edition's tables in [`Tables`].
//!
//! The table structs are generated from the form declaration ([`crate::form`](mod@crate::form)):
//! one module per edition ([`trial2019`], [`format2021`]) holds its section 二, 三 and 四 structs,
//! row by row as the official tables are (`requests.new_received.natural_person`), and the
//! structs the editions share ([`ApplicantRow`], [`Denied`], [`Review`], …) live here.
//!
//! ```
//! use zfxxgk::report::{Tables, TableState, format2021};
//! use zfxxgk::{Cell, Edition, Report};
//!
//! let mut report = Report::new(Edition::Format2021);
//! report.agency = Some("某局".into());
//! report.year = Some(2023);
//! let Tables::Format2021(t) = &mut report.tables else { unreachable!() };
//! let mut requests = format2021::Requests::default();
//! requests.new_received.natural_person = Cell::Value(3);
//! t.requests = Some(TableState::Filled(requests));
//! let id = zfxxgk::CellId::Requests(
//!     zfxxgk::form::RequestRow::NewReceived,
//!     zfxxgk::form::ApplicantColumn::NaturalPerson,
//! );
//! assert_eq!(report.cell(id).unwrap().display(), "3");
//! ```

mod access;
mod narrative;
mod serde_impl;

pub(crate) use serde_impl::ReportSeed;

use std::fmt;

use chrono::NaiveDate;

use crate::cell::{Cell, Count};
#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use access::{CellMut, CellRef, TableData};
pub use narrative::{Overview, Problems};

use crate::form::{
    self, ApplicantColumn, CellId, Edition, Form, FormCell, ProactiveColumn, ProactiveRow,
    RequestRow, ReviewColumn, ReviewRow, SectionId, TableId,
};

include!(concat!(env!("OUT_DIR"), "/report.rs"));

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

#[cfg(feature = "schema")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Issuer {
    /// A people's government (人民政府) reporting for itself (本级): publish by 3月31日.
    PeoplesGovernment,
    /// A department (政府部门) of a government at county level or above: publish by 1月31日.
    Department,
}

/// The statistics period (统计期限) the report states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    #[serde(deserialize_with = "serde_impl::date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "serde_impl::date")]
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

/// Whether a report has a table: absent (a truncated page), replaced by `无`, or filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    /// The report does not contain the table's section.
    Missing,
    /// The report wrote `无` in place of the table.
    DeclaredNone,
    /// The table is there.
    Filled,
}

/// The three tables of a report of one edition: sections 二, 三 and 四, each absent (`None`),
/// replaced by `无`, or filled in. Each edition's module names its own (`format2021::Tables`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TablesOf<P, Q, V> {
    /// 二、主动公开政府信息情况
    pub proactive: Option<TableState<P>>,
    /// 三、收到和处理政府信息公开申请情况
    pub requests: Option<TableState<Q>>,
    /// 四、政府信息公开行政复议、行政诉讼情况
    pub review: Option<TableState<V>>,
}

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

fn slot_in<T: TableData>(t: &Option<TableState<T>>, r: T::Row, c: T::Column) -> Option<Slot<'_>> {
    match t {
        None => Some(Slot::Missing),
        Some(TableState::DeclaredNone) => Some(Slot::DeclaredNone),
        Some(TableState::Filled(t)) => t.cell(r, c).map(Slot::Cell),
    }
}

fn presence_of<T>(t: &Option<TableState<T>>) -> Presence {
    match t {
        None => Presence::Missing,
        Some(TableState::DeclaredNone) => Presence::DeclaredNone,
        Some(TableState::Filled(_)) => Presence::Filled,
    }
}

fn set_presence_of<T: Default>(t: &mut Option<TableState<T>>, p: Presence) {
    match p {
        Presence::Missing => *t = None,
        Presence::DeclaredNone => *t = Some(TableState::DeclaredNone),
        Presence::Filled => {
            if !matches!(t, Some(TableState::Filled(_))) {
                *t = Some(TableState::Filled(T::default()));
            }
        }
    }
}

fn each_cell_of<'a, T: TableData>(
    t: &'a Option<TableState<T>>,
    f: impl FnMut(CellRef<'a>),
) -> bool {
    match t {
        Some(TableState::Filled(t)) => {
            t.for_each_cell(f);
            true
        }
        _ => false,
    }
}

fn each_count_of<'a, T: TableData>(
    t: &'a Option<TableState<T>>,
    f: impl FnMut(Option<&'a Cell<Count>>),
) -> bool {
    match t {
        Some(TableState::Filled(t)) => {
            t.for_each_count(f);
            true
        }
        _ => false,
    }
}

impl<P, Q, V> TablesOf<P, Q, V>
where
    P: TableData<Row = ProactiveRow, Column = ProactiveColumn> + Default,
    Q: TableData<Row = RequestRow, Column = ApplicantColumn> + Default,
    V: TableData<Row = ReviewRow, Column = ReviewColumn> + Default,
{
    fn slot(&self, id: CellId) -> Option<Slot<'_>> {
        match id {
            CellId::Proactive(r, c) => slot_in(&self.proactive, r, c),
            CellId::Requests(r, c) => slot_in(&self.requests, r, c),
            CellId::Review(r, c) => slot_in(&self.review, r, c),
        }
    }

    fn cell_mut(&mut self, id: CellId) -> Option<CellMut<'_>> {
        match id {
            CellId::Proactive(r, c) => self.proactive.as_mut()?.filled_mut()?.cell_mut(r, c),
            CellId::Requests(r, c) => self.requests.as_mut()?.filled_mut()?.cell_mut(r, c),
            CellId::Review(r, c) => self.review.as_mut()?.filled_mut()?.cell_mut(r, c),
        }
    }

    fn presence(&self, table: TableId) -> Presence {
        match table {
            TableId::Proactive => presence_of(&self.proactive),
            TableId::Requests => presence_of(&self.requests),
            TableId::Review => presence_of(&self.review),
        }
    }

    fn set_presence(&mut self, table: TableId, p: Presence) {
        match table {
            TableId::Proactive => set_presence_of(&mut self.proactive, p),
            TableId::Requests => set_presence_of(&mut self.requests, p),
            TableId::Review => set_presence_of(&mut self.review, p),
        }
    }

    fn for_each_cell<'a>(&'a self, table: TableId, f: impl FnMut(CellRef<'a>)) -> bool {
        match table {
            TableId::Proactive => each_cell_of(&self.proactive, f),
            TableId::Requests => each_cell_of(&self.requests, f),
            TableId::Review => each_cell_of(&self.review, f),
        }
    }

    fn for_each_count<'a>(
        &'a self,
        table: TableId,
        f: impl FnMut(Option<&'a Cell<Count>>),
    ) -> bool {
        match table {
            TableId::Proactive => each_count_of(&self.proactive, f),
            TableId::Requests => each_count_of(&self.requests, f),
            TableId::Review => each_count_of(&self.review, f),
        }
    }
}

impl Tables {
    /// The edition's form.
    pub fn form(&self) -> &'static Form {
        self.edition().form()
    }

    /// Where a cell stands; `None` if the edition has no such cell.
    pub fn slot(&self, id: CellId) -> Option<Slot<'_>> {
        match each_edition!(self, t => t.slot(id))? {
            // A filled table answers for its own cells; a missing one or a 无 for the form's.
            Slot::Cell(c) => Some(Slot::Cell(c)),
            other => self.form().has(id).then_some(other),
        }
    }

    /// A cell by id, mutably, if the table is filled in and the edition has the cell.
    pub fn cell_mut(&mut self, id: CellId) -> Option<CellMut<'_>> {
        each_edition!(self, t => t.cell_mut(id))
    }

    /// Whether a table is there, replaced by `无`, or missing.
    pub fn presence(&self, table: TableId) -> Presence {
        each_edition!(self, t => t.presence(table))
    }

    /// Makes a table missing, replaced by `无`, or filled in (empty, if it was not already).
    pub fn set_presence(&mut self, table: TableId, presence: Presence) {
        each_edition!(self, t => t.set_presence(table, presence))
    }

    /// Hands every cell of a filled-in table to `f` as [`TableData::for_each_count`] does;
    /// `false` if the table is not filled in.
    pub fn for_each_count<'a>(
        &'a self,
        table: TableId,
        f: impl FnMut(Option<&'a Cell<Count>>),
    ) -> bool {
        each_edition!(self, t => t.for_each_count(table, f))
    }

    /// Hands every cell of a filled-in table to `f`, in official order (the order of
    /// [`crate::form::TableDecl::cells`]); `false` if the table is not filled in.
    pub fn for_each_cell<'a>(&'a self, table: TableId, f: impl FnMut(CellRef<'a>)) -> bool {
        each_edition!(self, t => t.for_each_cell(table, f))
    }
}

/// A 政府信息公开工作年度报告: what every edition shares, and the edition's tables.
///
/// A section that the source did not contain (a truncated page) is `None` and absent from the
/// JSON; a table that the report replaced by `无` is [`TableState::DeclaredNone`]. A report
/// that does not state its agency or year has `None` there.
///
/// In JSON the report is one flat object, `"edition"` first (see the crate's README); the
/// tables' keys stand among the others in the official order of the sections.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Report {
    /// The issuing agency's full name (机关全称), if stated.
    pub agency: Option<String>,
    /// The report's title as published.
    pub title: Option<String>,
    /// The report year (the year reported on, not the year of publication), if stated.
    pub year: Option<u16>,
    /// Whether the issuer is a people's government or a department.
    pub issuer: Option<Issuer>,
    /// The statistics period (统计期限) as stated.
    pub period: Option<Period>,
    /// The publication date, where known.
    pub published: Option<NaiveDate>,
    /// Text before section 一 (the legal basis and the statistics period, usually).
    pub preamble: Option<String>,
    /// 一、总体情况
    pub overview: Option<Overview>,
    /// Sections 二, 三 and 四, in the report's edition.
    pub tables: Tables,
    /// 五、存在的主要问题及改进情况
    pub problems: Option<Problems>,
    /// 六、其他需要报告的事项
    pub other_matters: Option<String>,
}

impl Report {
    /// An empty report of an edition: nothing stated, every section missing.
    pub fn new(edition: Edition) -> Self {
        Report {
            agency: None,
            title: None,
            year: None,
            issuer: None,
            period: None,
            published: None,
            preamble: None,
            overview: None,
            tables: Tables::new(edition),
            problems: None,
            other_matters: None,
        }
    }

    /// The edition.
    pub fn edition(&self) -> Edition {
        self.tables.edition()
    }

    /// The form of the report's edition.
    pub fn form(&self) -> &'static Form {
        form::form(self.edition())
    }

    /// The agency's name, or `""` when the report does not state it.
    pub fn agency(&self) -> &str {
        self.agency.as_deref().unwrap_or("")
    }

    /// Whether a section is present.
    pub fn has_section(&self, id: SectionId) -> bool {
        match id {
            SectionId::Overview => self.overview.is_some(),
            SectionId::Proactive => self.tables.presence(TableId::Proactive) != Presence::Missing,
            SectionId::Requests => self.tables.presence(TableId::Requests) != Presence::Missing,
            SectionId::Review => self.tables.presence(TableId::Review) != Presence::Missing,
            SectionId::Problems => self.problems.is_some(),
            SectionId::OtherMatters => self.other_matters.is_some(),
        }
    }

    /// A cell by id, with where it stands; `None` if the edition has no such cell.
    pub fn slot(&self, id: CellId) -> Option<Slot<'_>> {
        self.tables.slot(id)
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
        self.tables.cell_mut(id)
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
