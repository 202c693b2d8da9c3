//! The JSON shape of a [`Report`]: one flat object, `"edition"` first when written; read in any
//! key order, from any serde source.
//!
//! The tables' types depend on the edition, so a table met before `"edition"` (a source whose
//! keys come sorted, or in any order) is kept as a [`serde_json::Value`] until the edition is
//! known. [`crate::json::from_slice`] never needs that: it finds the edition first and reads the
//! tables where they stand, so that an error keeps its line and column.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Report, TableState, Tables, TablesOf, each_edition};
use crate::form::{Edition, TableId};

/// The keys of a report, in the order they are written.
pub(crate) const FIELDS: &[&str] = &[
    "edition",
    "agency",
    "title",
    "year",
    "issuer",
    "period",
    "published",
    "preamble",
    "overview",
    "proactive",
    "requests",
    "review",
    "problems",
    "other_matters",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Edition,
    Agency,
    Title,
    Year,
    Issuer,
    Period,
    Published,
    Preamble,
    Overview,
    Table(TableId),
    Problems,
    OtherMatters,
}

impl Field {
    fn of(key: &str) -> Option<Field> {
        Some(match key {
            "edition" => Field::Edition,
            "agency" => Field::Agency,
            "title" => Field::Title,
            "year" => Field::Year,
            "issuer" => Field::Issuer,
            "period" => Field::Period,
            "published" => Field::Published,
            "preamble" => Field::Preamble,
            "overview" => Field::Overview,
            "proactive" => Field::Table(TableId::Proactive),
            "requests" => Field::Table(TableId::Requests),
            "review" => Field::Table(TableId::Review),
            "problems" => Field::Problems,
            "other_matters" => Field::OtherMatters,
            _ => return None,
        })
    }

    fn key(self) -> &'static str {
        match self {
            Field::Edition => "edition",
            Field::Agency => "agency",
            Field::Title => "title",
            Field::Year => "year",
            Field::Issuer => "issuer",
            Field::Period => "period",
            Field::Published => "published",
            Field::Preamble => "preamble",
            Field::Overview => "overview",
            Field::Table(t) => table_key(t),
            Field::Problems => "problems",
            Field::OtherMatters => "other_matters",
        }
    }

    /// A bit of its own, to tell a duplicate key.
    fn bit(self) -> u32 {
        let i = FIELDS.iter().position(|k| *k == self.key()).unwrap_or(0);
        1 << i
    }
}

/// A date as chrono's serde reads it (`"2020-01-20"`), the canonical `YYYY-MM-DD` taken
/// without chrono's general parser; anything else (and a date that does not exist) is left to
/// that parser, so that what is accepted and every error are chrono's own.
struct Date(chrono::NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                // chrono's words, so that an error reads the same.
                f.write_str("a formatted date string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                match canonical_date(v) {
                    Some(d) => Ok(Date(d)),
                    None => v.parse().map(Date).map_err(E::custom),
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// `YYYY-MM-DD` with ASCII digits, when it names a day.
fn canonical_date(v: &str) -> Option<chrono::NaiveDate> {
    let b: &[u8; 10] = v.as_bytes().try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    chrono::NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

/// [`Date`] for a field of type `NaiveDate` (`#[serde(deserialize_with)]`).
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<chrono::NaiveDate, D::Error> {
    Date::deserialize(d).map(|d| d.0)
}

fn table_key(t: TableId) -> &'static str {
    match t {
        TableId::Proactive => "proactive",
        TableId::Requests => "requests",
        TableId::Review => "review",
    }
}

struct FieldSeed;

impl<'de> DeserializeSeed<'de> for FieldSeed {
    type Value = Field;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Field, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a report key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
                Field::of(v).ok_or_else(|| E::unknown_field(v, FIELDS))
            }
        }
        d.deserialize_identifier(V)
    }
}

fn opt_field<S: SerializeStruct, T: Serialize>(
    st: &mut S,
    key: &'static str,
    v: &Option<T>,
) -> Result<(), S::Error> {
    match v {
        Some(v) => st.serialize_field(key, v),
        None => st.skip_field(key),
    }
}

impl<P: Serialize, Q: Serialize, V: Serialize> TablesOf<P, Q, V> {
    fn serialize_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        opt_field(st, "proactive", &self.proactive)?;
        opt_field(st, "requests", &self.requests)?;
        opt_field(st, "review", &self.review)
    }
}

impl<P: DeserializeOwned, Q: DeserializeOwned, V: DeserializeOwned> TablesOf<P, Q, V> {
    fn read_table<'de, A: MapAccess<'de>>(
        &mut self,
        t: TableId,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match t {
            TableId::Proactive => self.proactive = map.next_value()?,
            TableId::Requests => self.requests = map.next_value()?,
            TableId::Review => self.review = map.next_value()?,
        }
        Ok(())
    }

    fn read_table_value(&mut self, t: TableId, v: serde_json::Value) -> serde_json::Result<()> {
        match t {
            TableId::Proactive => self.proactive = Option::<TableState<P>>::deserialize(v)?,
            TableId::Requests => self.requests = Option::<TableState<Q>>::deserialize(v)?,
            TableId::Review => self.review = Option::<TableState<V>>::deserialize(v)?,
        }
        Ok(())
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", FIELDS.len())?;
        st.serialize_field("edition", &self.edition())?;
        opt_field(&mut st, "agency", &self.agency)?;
        opt_field(&mut st, "title", &self.title)?;
        opt_field(&mut st, "year", &self.year)?;
        opt_field(&mut st, "issuer", &self.issuer)?;
        opt_field(&mut st, "period", &self.period)?;
        opt_field(&mut st, "published", &self.published)?;
        opt_field(&mut st, "preamble", &self.preamble)?;
        opt_field(&mut st, "overview", &self.overview)?;
        each_edition!(&self.tables, t => t.serialize_fields(&mut st))?;
        opt_field(&mut st, "problems", &self.problems)?;
        opt_field(&mut st, "other_matters", &self.other_matters)?;
        st.end()
    }
}

/// Reads the edition tag; with an edition expected, another one is an error there.
struct EditionSeed(Option<Edition>);

impl<'de> DeserializeSeed<'de> for EditionSeed {
    type Value = Edition;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Edition, D::Error> {
        let e = Edition::deserialize(d)?;
        match self.0 {
            Some(expected) if expected != e => Err(de::Error::custom(format!(
                "edition {:?} where edition {:?} was expected",
                e.tag(),
                expected.tag()
            ))),
            _ => Ok(e),
        }
    }
}

/// Reads a report; with an edition given, reads its tables wherever they stand (and checks that
/// `"edition"` says the same).
pub(crate) struct ReportSeed(pub(crate) Option<Edition>);

impl<'de> DeserializeSeed<'de> for ReportSeed {
    type Value = Report;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Report, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ReportSeed {
    type Value = Report;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a report object with an \"edition\"")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Report, M::Error> {
        let mut r = Report::new(self.0.unwrap_or(Edition::ALL[0]));
        let mut tables: Option<Tables> = self.0.map(Tables::new);
        let mut buffered: Vec<(TableId, serde_json::Value)> = Vec::new();
        let mut seen = 0u32;
        while let Some(field) = map.next_key_seed(FieldSeed)? {
            if seen & field.bit() != 0 {
                return Err(de::Error::duplicate_field(field.key()));
            }
            seen |= field.bit();
            match field {
                Field::Edition => {
                    let expected = tables.as_ref().map(Tables::edition);
                    let e = map.next_value_seed(EditionSeed(expected))?;
                    if tables.is_none() {
                        tables = Some(Tables::new(e));
                    }
                }
                Field::Agency => r.agency = map.next_value()?,
                Field::Title => r.title = map.next_value()?,
                Field::Year => r.year = map.next_value()?,
                Field::Issuer => r.issuer = map.next_value()?,
                Field::Period => r.period = map.next_value()?,
                Field::Published => {
                    r.published = map.next_value::<Option<Date>>()?.map(|d| d.0);
                }
                Field::Preamble => r.preamble = map.next_value()?,
                Field::Overview => r.overview = map.next_value()?,
                Field::Problems => r.problems = map.next_value()?,
                Field::OtherMatters => r.other_matters = map.next_value()?,
                Field::Table(t) => match &mut tables {
                    Some(tables) => each_edition!(tables, x => x.read_table(t, &mut map))?,
                    None => buffered.push((t, map.next_value()?)),
                },
            }
        }
        if seen & Field::Edition.bit() == 0 {
            return Err(de::Error::missing_field("edition"));
        }
        let Some(mut tables) = tables else {
            return Err(de::Error::missing_field("edition"));
        };
        for (t, v) in buffered {
            each_edition!(&mut tables, x => x.read_table_value(t, v))
                .map_err(|e| de::Error::custom(format!("{}: {e}", table_key(t))))?;
        }
        r.tables = tables;
        Ok(r)
    }
}

impl<'de> Deserialize<'de> for Report {
    /// Reads a report from any serde source, its keys in any order. [`crate::json::from_slice`]
    /// reads JSON bytes faster and gives an error's line and column; prefer it for JSON.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ReportSeed(None).deserialize(d)
    }
}

// The JSON shape of a report of one edition, for its JSON Schema: the keys `FIELDS` lists, in
// that order, with the edition's table types (see `schema.rs`). Its doc comment is the schema's
// description.
#[cfg(feature = "schema")]
/// A 政府信息公开工作年度报告 of one edition.
///
/// A section that the source did not contain (a truncated page) is absent; a table that the
/// report replaced by `无` is the string `"无"`; an agency or year the report does not state is
/// absent.
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Shape<P, Q, V> {
    /// The edition of the format, always the first key.
    edition: Edition,
    /// The issuing agency's full name (机关全称).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<String>,
    /// The report's title as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    /// The report year (the year reported on, not the year of publication).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    /// Whether the issuer is a people's government or a department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issuer: Option<super::Issuer>,
    /// The statistics period (统计期限) as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<super::Period>,
    /// The publication date, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<chrono::NaiveDate>,
    /// Text before section 一 (the legal basis and the statistics period, usually).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    preamble: Option<String>,
    /// 一、总体情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    overview: Option<super::Overview>,
    /// 二、主动公开政府信息情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    proactive: Option<TableState<P>>,
    /// 三、收到和处理政府信息公开申请情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    requests: Option<TableState<Q>>,
    /// 四、政府信息公开行政复议、行政诉讼情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    review: Option<TableState<V>>,
    /// 五、存在的主要问题及改进情况
    #[serde(default, skip_serializing_if = "Option::is_none")]
    problems: Option<super::Problems>,
    /// 六、其他需要报告的事项
    #[serde(default, skip_serializing_if = "Option::is_none")]
    other_matters: Option<String>,
}

#[cfg(feature = "schema")]
impl<P: schemars::JsonSchema, Q: schemars::JsonSchema, V: schemars::JsonSchema> TablesOf<P, Q, V> {
    fn schema(&self, generator: schemars::SchemaGenerator) -> schemars::Schema {
        generator.into_root_schema_for::<Shape<P, Q, V>>()
    }
}

#[cfg(feature = "schema")]
impl Tables {
    /// The JSON Schema of a report with these tables' edition, untitled.
    pub(crate) fn report_schema(&self, generator: schemars::SchemaGenerator) -> schemars::Schema {
        each_edition!(self, t => t.schema(generator))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical form is read without chrono's parser, and every string, canonical or not,
    /// a day or not, reads as chrono reads it: the same date or the same error.
    #[test]
    fn dates_read_as_chrono_reads_them() {
        assert_eq!(
            canonical_date("2020-01-20"),
            chrono::NaiveDate::from_ymd_opt(2020, 1, 20)
        );
        assert_eq!(canonical_date("2019-02-29"), None);
        let mut cases: Vec<String> = [
            "",
            "2019-1-01",
            "2019/01/01",
            " 2019-01-01",
            "2019-01-01 ",
            "+2019-01-01",
            "２０１９-01-01",
            "2019-01-1a",
            "20190-1-01",
            "2019-01-01T00:00",
            "-001-01-01",
            "1e3-01-01",
            "2019--1-01",
        ]
        .map(str::to_owned)
        .to_vec();
        for y in [0, 1, 999, 1999, 2000, 2019, 2020, 2100, 9999] {
            for m in 0..=13 {
                for d in 0..=32 {
                    cases.push(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        for s in &cases {
            let json = serde_json::to_string(s).unwrap();
            let ours = serde_json::from_str::<Date>(&json)
                .map(|d| d.0)
                .map_err(|e| e.to_string());
            let chrono =
                serde_json::from_str::<chrono::NaiveDate>(&json).map_err(|e| e.to_string());
            assert_eq!(ours, chrono, "{s:?}");
        }
        // Not a string: chrono's words too.
        let ours = serde_json::from_str::<Date>("5")
            .map(|d| d.0)
            .map_err(|e| e.to_string());
        let chrono = serde_json::from_str::<chrono::NaiveDate>("5").map_err(|e| e.to_string());
        assert_eq!(ours, chrono);
    }
}
