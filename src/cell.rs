//! Cell states and the values that fill them: counts, signed changes, money with its unit, and
//! the approximate quantities that reports state in prose (`近3000条`, `350余条`, `6万余条`).
//!
//! A blank is never a zero: [`Cell::Blank`] is what a report leaves when nothing was entered, and
//! it is kept apart from [`Cell::Value`] everywhere, in JSON (`null`) and in validation (a sum with
//! a blank addend cannot be checked).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The JSON string that marks a not-applicable cell (`/` in the published tables).
pub const NOT_APPLICABLE_MARK: &str = "/";

/// One cell of an official table.
///
/// In JSON a cell is its value, `null` for a blank, or the string `"/"` for not applicable; a
/// cell that was not read is an absent key.
///
/// Blank and not read are kept apart: [`Cell::Blank`] is what the report shows (an empty cell,
/// a defect of the report, since the form asks for 0 where nothing happened), [`Cell::NotRead`]
/// is what nobody knows (a page cut short, a value a reader could not place, a key another
/// program left out), and is never blamed on the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Cell<T> {
    /// A value was entered.
    Value(T),
    /// Nothing was entered (an empty cell, `&nbsp;`). Not the same as zero. `null` in JSON.
    Blank,
    /// The report marked the cell as not applicable (`/`, `-`, `—`).
    NotApplicable,
    /// Not known: the source does not give the cell (a page cut short) or a reader could not
    /// tell which value belongs to it. Not a finding about the report; an absent key in JSON.
    #[default]
    NotRead,
}

impl<T> Cell<T> {
    /// The value, if one was entered.
    pub fn value(&self) -> Option<&T> {
        match self {
            Cell::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether a value was entered.
    pub fn is_value(&self) -> bool {
        matches!(self, Cell::Value(_))
    }

    /// Whether the cell is blank.
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }

    /// Whether the cell was not read (its JSON key is absent).
    pub fn is_not_read(&self) -> bool {
        matches!(self, Cell::NotRead)
    }
}

impl<T: Copy> Cell<T> {
    /// The value, copied, if one was entered.
    pub fn get(&self) -> Option<T> {
        match self {
            Cell::Value(v) => Some(*v),
            _ => None,
        }
    }
}

impl<T> From<T> for Cell<T> {
    fn from(v: T) -> Self {
        Cell::Value(v)
    }
}

/// A count of documents, requests, decisions or cases (件, 项): a non-negative integer.
pub type Count = u64;

/// A signed change in an item count, as in the 2019 column `本年增/减` (`+6`, `-2`).
pub type Delta = i64;

/// The scalar types a [`Cell`] can hold. Sealed: the official tables have exactly these kinds.
pub trait CellScalar: Sized + sealed::Sealed {
    /// What the JSON reader expected, for error messages.
    const EXPECTING: &'static str;
    /// Build from a JSON unsigned integer.
    fn from_u64(v: u64) -> Result<Self, String>;
    /// Build from a JSON negative integer.
    fn from_i64(v: i64) -> Result<Self, String>;
    /// Build from a JSON object; only money cells accept one.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let _ = map;
        Err(de::Error::custom(format!(
            "expected {}, found an object",
            Self::EXPECTING
        )))
    }
    /// JSON Schema of the value itself.
    #[cfg(feature = "schema")]
    fn value_schema(generator: &mut SchemaGenerator) -> Schema;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for u64 {}
    impl Sealed for i64 {}
    impl Sealed for super::Money {}
}

impl CellScalar for u64 {
    const EXPECTING: &'static str = "a count (a whole number ≥ 0), null for a blank cell, or \"/\"";
    fn from_u64(v: u64) -> Result<Self, String> {
        Ok(v)
    }
    fn from_i64(v: i64) -> Result<Self, String> {
        Err(format!("a count cannot be negative, found {v}"))
    }
    #[cfg(feature = "schema")]
    fn value_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": 0, "maximum": u64::MAX })
    }
}

impl CellScalar for i64 {
    const EXPECTING: &'static str =
        "a signed whole number (本年增/减), null for a blank cell, or \"/\"";
    fn from_u64(v: u64) -> Result<Self, String> {
        i64::try_from(v).map_err(|_| format!("a change of {v} is out of range"))
    }
    fn from_i64(v: i64) -> Result<Self, String> {
        Ok(v)
    }
    #[cfg(feature = "schema")]
    fn value_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX })
    }
}

impl CellScalar for Money {
    const EXPECTING: &'static str = "an amount object {\"amount\": \"…\", \"unit\": \"元\"|\"万元\"}, null for a blank cell, or \"/\"";
    fn from_u64(v: u64) -> Result<Self, String> {
        Err(format!(
            "an amount must be an object with a string amount, found the number {v}"
        ))
    }
    fn from_i64(v: i64) -> Result<Self, String> {
        Self::from_u64(v.unsigned_abs())
    }
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Money::deserialize(de::value::MapAccessDeserializer::new(map))
    }
    #[cfg(feature = "schema")]
    fn value_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<Money>()
    }
}

impl<T: Serialize> Serialize for Cell<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Value(v) => v.serialize(serializer),
            // A model's cell fields skip a cell not read; alone, it can only be `null`.
            Cell::Blank | Cell::NotRead => serializer.serialize_none(),
            Cell::NotApplicable => serializer.serialize_str(NOT_APPLICABLE_MARK),
        }
    }
}

struct CellVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: CellScalar> Visitor<'de> for CellVisitor<T> {
    type Value = Cell<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::from_u64(v).map(Cell::Value).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        if v >= 0 {
            return self.visit_u64(v.unsigned_abs());
        }
        T::from_i64(v).map(Cell::Value).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(E::custom(format!(
            "expected {}, found {v} (a fraction, or a number beyond the integer range)",
            T::EXPECTING
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v == NOT_APPLICABLE_MARK {
            Ok(Cell::NotApplicable)
        } else {
            Err(E::custom(format!(
                "expected {}, found the string {v:?}",
                T::EXPECTING
            )))
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cell::Blank)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cell::Blank)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map).map(Cell::Value)
    }
}

impl<'de, T: CellScalar> Deserialize<'de> for Cell<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CellVisitor(std::marker::PhantomData))
    }
}

#[cfg(feature = "schema")]
impl<T: CellScalar> JsonSchema for Cell<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        // Inlined: each cell carries its own title from the form.
        "Cell".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = T::value_schema(generator);
        json_schema!({
            "oneOf": [
                value,
                { "type": "null", "description": "blank: nothing entered (not zero)" },
                { "const": NOT_APPLICABLE_MARK, "description": "not applicable (/)" }
            ]
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/// The largest number of digits an [`Amount`] may have.
pub const AMOUNT_MAX_DIGITS: usize = 28;

/// An exact non-negative decimal amount whose scale is kept: `2626294.00` stays `2626294.00`.
///
/// In JSON an amount is a string of digits with an optional fractional part (`"18.8710"`); a
/// number, a sign, an exponent or more than [`AMOUNT_MAX_DIGITS`] digits is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Amount(Decimal);

/// Why a string is not an [`Amount`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountError {
    /// The text that was read.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed amount {:?}: {}", self.text, self.reason)
    }
}

impl std::error::Error for AmountError {}

impl Amount {
    /// The exact decimal value.
    pub fn decimal(&self) -> Decimal {
        self.0
    }

    /// Number of digits after the decimal point, as written.
    pub fn scale(&self) -> u32 {
        self.0.scale()
    }

    /// Whether the amount has a fractional part other than zeros (`79000.10` has one, `12.00` not).
    pub fn has_fraction(&self) -> bool {
        !self.0.fract().is_zero()
    }

    /// The amount from a non-negative [`Decimal`]; `None` for a negative one.
    pub fn from_decimal(d: Decimal) -> Option<Self> {
        (!d.is_sign_negative() || d.is_zero()).then_some(Amount(d.abs()))
    }
}

impl FromStr for Amount {
    type Err = AmountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason| AmountError {
            text: s.to_owned(),
            reason,
        };
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if int.is_empty() {
            return Err(err("expected at least one digit before the decimal point"));
        }
        if !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(
                "expected ASCII digits with an optional decimal point, e.g. \"2626294.00\"",
            ));
        }
        if let Some(f) = frac
            && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(err("expected digits after the decimal point"));
        }
        let digits = int.len() + frac.map_or(0, str::len);
        if digits > AMOUNT_MAX_DIGITS {
            return Err(err("more than 28 digits cannot be held exactly"));
        }
        Decimal::from_str_exact(s)
            .map(Amount)
            .map_err(|_| err("out of the exact decimal range"))
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount as a string of digits, e.g. \"2626294.00\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{1,28}(\\.[0-9]{1,27})?$",
            "description": "exact decimal amount as a string, scale kept (\"2626294.00\")"
        })
    }
}

/// The unit of a money amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum MoneyUnit {
    /// 元 (yuan).
    #[serde(rename = "元")]
    Yuan,
    /// 万元 (ten thousand yuan), the unit of the 2021 `本年收费金额（单位：万元）`.
    #[serde(rename = "万元")]
    WanYuan,
}

impl MoneyUnit {
    /// The unit as printed.
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
        }
    }

    /// How many 元 one of this unit is.
    pub fn in_yuan(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::WanYuan => Decimal::from(10_000),
        }
    }
}

/// A money amount with the unit the report gave it, if it gave one (`2626294.00元`, `18.8710`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// The amount as written, scale kept.
    pub amount: Amount,
    /// The unit written in the cell or fixed by the column header; absent when neither gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<MoneyUnit>,
}

impl Money {
    /// An amount in the given unit.
    pub fn new(amount: Amount, unit: MoneyUnit) -> Self {
        Money {
            amount,
            unit: Some(unit),
        }
    }

    /// The amount in 元, where the unit is known. `None` if the unit is unknown or the result
    /// would overflow the exact decimal range.
    pub fn to_yuan(&self) -> Option<Decimal> {
        self.unit
            .and_then(|u| self.amount.decimal().checked_mul(u.in_yuan()))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.amount)?;
        if let Some(u) = self.unit {
            f.write_str(u.label())?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Approximate quantities
// ---------------------------------------------------------------------------------------------

/// How exact a stated quantity is, by the word the report used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// An exact figure (`2125条`).
    #[default]
    Exact,
    /// 近 (nearly): a little under the figure (`近3000条`).
    Nearly,
    /// 约 (about): on either side of the figure.
    About,
    /// 不足 / 不到 (under): less than the figure.
    Under,
    /// 余, after the number (`350余条`): a little over the figure.
    Plus,
    /// 多, after the number (`60多批次`): a little over the figure.
    More,
    /// 逾, before the number (`逾50万`): over the figure.
    Over,
    /// 超过, before the number (`超过170万次`): over the figure.
    MoreThan,
}

impl Approx {
    /// The word written before the number, if any.
    pub fn prefix(self) -> &'static str {
        match self {
            Approx::Nearly => "近",
            Approx::About => "约",
            Approx::Under => "不足",
            Approx::Over => "逾",
            Approx::MoreThan => "超过",
            Approx::Exact | Approx::Plus | Approx::More => "",
        }
    }

    /// The word written after the number (and its 万/亿), if any.
    pub fn suffix(self) -> &'static str {
        match self {
            Approx::Plus => "余",
            Approx::More => "多",
            _ => "",
        }
    }
}

/// The magnitude word a quantity was written with (`6万`, `1.2亿`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Magnitude {
    /// Written as a plain number.
    #[default]
    One,
    /// 万 (10 000).
    Wan,
    /// 亿 (100 000 000).
    Yi,
}

impl Magnitude {
    /// The factor the written number is multiplied by.
    pub fn factor(self) -> u64 {
        match self {
            Magnitude::One => 1,
            Magnitude::Wan => 10_000,
            Magnitude::Yi => 100_000_000,
        }
    }

    /// The word, if any.
    pub fn word(self) -> &'static str {
        match self {
            Magnitude::One => "",
            Magnitude::Wan => "万",
            Magnitude::Yi => "亿",
        }
    }
}

fn is_one(m: &Magnitude) -> bool {
    *m == Magnitude::One
}

fn is_exact(a: &Approx) -> bool {
    *a == Approx::Exact
}

/// A quantity stated in prose, exact or approximate, as written: `近3000条`, `350余条`, `6万余条`.
///
/// `value` is the full count (`6万余条` has value 60 000); `magnitude` and `approx` keep how it was
/// said, so that it can be written back the same way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The figure, in units (not in 万).
    pub value: u64,
    /// How exact the report said it was.
    #[serde(default, skip_serializing_if = "is_exact")]
    pub approx: Approx,
    /// The magnitude word it was written with.
    #[serde(default, skip_serializing_if = "is_one")]
    pub magnitude: Magnitude,
    /// The measure word after it (`条`, `件`, `次`, `批次`); empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
}

impl Quantity {
    /// An exact quantity.
    pub fn exact(value: u64, unit: &str) -> Self {
        Quantity {
            value,
            approx: Approx::Exact,
            magnitude: Magnitude::One,
            unit: unit.to_owned(),
        }
    }

    /// An approximate quantity written without a magnitude word.
    pub fn approx(value: u64, approx: Approx, unit: &str) -> Self {
        Quantity {
            approx,
            ..Quantity::exact(value, unit)
        }
    }

    /// The smallest and largest true value the wording allows. `None` is an open end.
    ///
    /// Exact: the value itself. 近: at most the value. 不足: less than the value. 余, 多, 逾, 超过:
    /// more than the value. 约: either side, so both ends are open.
    pub fn bounds(&self) -> (Option<u64>, Option<u64>) {
        let v = self.value;
        match self.approx {
            Approx::Exact => (Some(v), Some(v)),
            Approx::Nearly => (None, Some(v)),
            Approx::Under => (None, Some(v.saturating_sub(1))),
            Approx::Plus | Approx::More | Approx::Over | Approx::MoreThan => {
                (Some(v.saturating_add(1)), None)
            }
            Approx::About => (None, None),
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.approx.prefix())?;
        let factor = self.magnitude.factor();
        if factor == 1 {
            write!(f, "{}", self.value)?;
        } else {
            let d = Decimal::from(self.value) / Decimal::from(factor);
            write!(f, "{}", d.normalize())?;
        }
        f.write_str(self.magnitude.word())?;
        f.write_str(self.approx.suffix())?;
        f.write_str(&self.unit)
    }
}

/// A figure stated in prose: a label, a quantity, and, for a breakdown, its named parts
/// (`本部门网站公布信息2125条，其中机构职能18条、通知公告142条…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted, in the report's words (`本部门网站公布信息`).
    pub label: String,
    /// How many.
    pub quantity: Quantity,
    /// The named categories the total is broken into, if the report gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Figure>,
}

impl Figure {
    /// A figure with no parts.
    pub fn new(label: &str, quantity: Quantity) -> Self {
        Figure {
            label: label.to_owned(),
            quantity,
            parts: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_keeps_scale_and_rejects_junk() {
        let a: Amount = "2626294.00".parse().unwrap();
        assert_eq!(a.to_string(), "2626294.00");
        assert_eq!(a.scale(), 2);
        assert!(!a.has_fraction());
        for bad in [
            "", ".5", "1.", "-1", "+1", "1e5", "1,000", " 1", "１２", "NaN",
        ] {
            assert!(bad.parse::<Amount>().is_err(), "{bad:?} accepted");
        }
        let forty = "1".repeat(40);
        assert!(forty.parse::<Amount>().is_err());
    }

    #[test]
    fn quantity_display_round_trips_the_wording() {
        let q = Quantity {
            value: 60_000,
            approx: Approx::Plus,
            magnitude: Magnitude::Wan,
            unit: "条".into(),
        };
        assert_eq!(q.to_string(), "6万余条");
        assert_eq!(
            Quantity::approx(3000, Approx::Nearly, "条").to_string(),
            "近3000条"
        );
        let q = Quantity {
            value: 500_000,
            approx: Approx::Over,
            magnitude: Magnitude::Wan,
            unit: String::new(),
        };
        assert_eq!(q.to_string(), "逾50万");
        let q = Quantity {
            value: 15_000,
            approx: Approx::Exact,
            magnitude: Magnitude::Wan,
            unit: "次".into(),
        };
        assert_eq!(q.to_string(), "1.5万次");
    }

    #[test]
    fn cell_json_states() {
        let c: Cell<u64> = serde_json::from_str("null").unwrap();
        assert_eq!(c, Cell::Blank);
        let c: Cell<u64> = serde_json::from_str("\"/\"").unwrap();
        assert_eq!(c, Cell::NotApplicable);
        let c: Cell<u64> = serde_json::from_str("0").unwrap();
        assert_eq!(c, Cell::Value(0));
        assert!(serde_json::from_str::<Cell<u64>>("-1").is_err());
        assert!(serde_json::from_str::<Cell<u64>>("1.5").is_err());
        assert!(serde_json::from_str::<Cell<u64>>("\"3\"").is_err());
        assert!(serde_json::from_str::<Cell<u64>>("18446744073709551616").is_err());
        let d: Cell<i64> = serde_json::from_str("-4").unwrap();
        assert_eq!(d, Cell::Value(-4));
        let m: Cell<Money> =
            serde_json::from_str(r#"{"amount":"2626294.00","unit":"元"}"#).unwrap();
        assert_eq!(m.value().unwrap().to_string(), "2626294.00元");
        assert!(serde_json::from_str::<Cell<Money>>(r#"{"amount":2.5}"#).is_err());
        assert!(serde_json::from_str::<Cell<Money>>("12").is_err());
    }
}
