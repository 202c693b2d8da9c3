//! Validation: every check a reviewer makes, as findings with a stable code, a severity, a JSON
//! Pointer, the cells that took part, the expected and actual values, and messages in Chinese and
//! English.
//!
//! Validation never fails and never panics on a well-typed report: semantic problems are
//! [`Finding`]s, collected in a deterministic order in a [`Validation`].
//!
//! ```
//! let json = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
//!     "/tests/fixtures/2021/valid/sample-city-government-2022.json")).unwrap();
//! let mut report = zfxxgk::json::from_slice(&json).unwrap();
//! assert!(!zfxxgk::validate::validate(&report).has_errors());
//!
//! // Break one cell: the finding names it.
//! use zfxxgk::form::{ApplicantColumn, RequestRow};
//! use zfxxgk::report::CellMut;
//! let id = zfxxgk::CellId::Requests(RequestRow::Granted, ApplicantColumn::NaturalPerson);
//! if let Some(CellMut::Count(c)) = report.cell_mut(id) {
//!     *c = zfxxgk::Cell::Value(c.get().unwrap() + 1);
//! }
//! let v = zfxxgk::validate::validate(&report);
//! let f = v.errors().find(|f| f.code == "requests.outcome_total").unwrap();
//! assert!(f.cells.iter().any(|p| p == "/requests/granted/natural_person"));
//! ```

mod pair;
mod prose;
mod rules;
mod sums;

pub use prose::{Claim, claims, interval};

use std::fmt;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use pair::{Pair, validate_pair, validate_pair_with};

use crate::form::{CellId, Form};
use crate::report::Report;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Arithmetic or structure that the form states or implies is broken.
    Error,
    /// Plausibility and year-over-year heuristics: worth a reviewer's look.
    Warning,
    /// A check that could not run (a blank addend), or a value derived instead of read.
    Info,
}

impl Severity {
    /// The lower-case name used in output (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The Chinese name (`错误`, `警告`, `提示`).
    pub fn as_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value in a finding: what was expected or found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Observed {
    /// A whole number (a count, a sum of counts, a signed change).
    Integer(i128),
    /// The range a sum of approximate quantities can take; an absent end is open.
    Range {
        /// Smallest possible value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u128>,
        /// Largest possible value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u128>,
    },
    /// Text: an exact amount, a date, an edition, a name.
    Text(String),
}

impl<'de> Deserialize<'de> for Observed {
    /// A number is an integer, an object with `min` and/or `max` a range, a string text.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Observed;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer, a range {\"min\", \"max\"} or a text")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Observed, E> {
                Ok(Observed::Integer(i128::from(v)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Observed, E> {
                Ok(Observed::Integer(i128::from(v)))
            }
            fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Observed, E> {
                i128::try_from(v)
                    .map(Observed::Integer)
                    .map_err(|_| E::custom("integer out of range"))
            }
            fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Observed, E> {
                Ok(Observed::Integer(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Observed, E> {
                Ok(Observed::Text(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Observed, A::Error> {
                let (mut min, mut max) = (None, None);
                while let Some(k) = map.next_key::<Cow<'de, str>>()? {
                    match k.as_ref() {
                        "min" => min = map.next_value()?,
                        "max" => max = map.next_value()?,
                        other => {
                            return Err(serde::de::Error::unknown_field(other, &["min", "max"]));
                        }
                    }
                }
                Ok(Observed::Range { min, max })
            }
        }
        d.deserialize_any(V)
    }
}

impl fmt::Display for Observed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Observed::Integer(v) => write!(f, "{v}"),
            Observed::Range { min, max } => {
                match min {
                    Some(m) => write!(f, "[{m}")?,
                    None => f.write_str("(…")?,
                }
                f.write_str(", ")?;
                match max {
                    Some(m) => write!(f, "{m}]"),
                    None => f.write_str("…)"),
                }
            }
            Observed::Text(t) => f.write_str(t),
        }
    }
}

/// One finding.
///
/// Written and read back with serde: the JSON `examples/validate --format json` prints can be
/// reloaded (`serde_json::from_str::<Validation>`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// Stable rule code (see [`RULES`] and `docs/RULES.md`); a code this version does not know
    /// (from a newer one) reads as it is.
    pub code: Cow<'static, str>,
    /// How serious it is.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the place at fault, in the report's JSON field names.
    pub pointer: String,
    /// The pointers of every cell that took part (the total and its addends), in official order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<String>,
    /// For cross-year rules: the pointers of the cells of last year's report that took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prior_cells: Vec<String>,
    /// What the rule expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Observed>,
    /// What the report has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Observed>,
    /// `actual − expected`, where both are whole numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<i128>,
    /// The message in Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
}

impl Finding {
    /// The message in the language asked for.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }
}

/// A message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code used on the command line and in JSON (`zh`, `en`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language code that names no message language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language {:?}: zh or en", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    /// `zh` (or `zh-CN`, `中文`) and `en` (or `en-US`, `english`), in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let l = s.trim().to_ascii_lowercase();
        match l.as_str() {
            "zh" | "zh-cn" | "zh-hans" | "chinese" | "中文" => Ok(Lang::Zh),
            "en" | "en-us" | "en-gb" | "english" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    /// `error`, `warning`, `info` (or `错误`, `警告`, `提示`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|v| v.as_str() == s || v.as_zh() == s)
            .ok_or_else(|| format!("unknown severity {s:?}: error, warning or info"))
    }
}

/// The findings of one validation, in a deterministic order, and the rules that ran.
///
/// In JSON: `{"findings": [...], "checked": ["requests.balance", ...]}`; it reads back equal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Validation {
    /// Every finding.
    pub findings: Vec<Finding>,
    /// The rules that ran: those whose cells the edition's form has (see [`Rule::needs`]).
    #[serde(default)]
    pub checked: RuleSet,
}

impl Validation {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The error findings.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.of(Severity::Error)
    }

    /// The warning findings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.of(Severity::Warning)
    }

    /// The findings of one severity.
    pub fn of(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// The findings with one rule code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// Whether the report is free of findings altogether.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

/// What a rule needs of an edition's form to run on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Needs {
    /// Nothing: it runs on every edition (structure, narrative).
    Nothing,
    /// These cells: it runs where the form has all of them (for a cross-year rule, where both
    /// years' forms have them).
    Cells(&'static [CellId]),
    /// A sum relation of this rule's code declared in the form.
    Relation,
}

/// A rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Rule {
    /// Stable code.
    pub code: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// Whether it needs last year's report as well ([`validate_pair`]).
    pub cross_year: bool,
    /// One line on what it checks.
    pub summary: &'static str,
    /// What it needs of the form: no rule names an edition, it names the cells it reads.
    pub needs: Needs,
}

impl Rule {
    /// Whether the rule reads the report's prose (the narrative sections' text: breakdowns,
    /// claims against the tables, categorical statements, section 五 filled in, 信息处理费
    /// mentioned, the text compared with last year's), as opposed to its tables and metadata
    /// alone.
    pub fn reads_prose(&self) -> bool {
        ["prose.", "overview.", "problems.", "other_matters."]
            .iter()
            .any(|p| self.code.starts_with(p))
            || self.code == "pair.similar_text"
    }

    /// Whether the rule runs on reports of this form.
    pub fn applies_to(&self, form: &Form) -> bool {
        match self.needs {
            Needs::Nothing => true,
            Needs::Cells(ids) => ids.iter().all(|id| form.has(*id)),
            Needs::Relation => {
                let code = self.code;
                form.requests.relations.iter().any(|r| r.code() == code)
                    || form.review.relations.iter().any(|r| r.code() == code)
                    || form.proactive.relations.iter().any(|r| r.code() == code)
            }
        }
    }
}

/// A set of rules of the catalogue (those that ran on a report). In JSON, the list of their
/// codes; a code this version does not know is left out when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RuleSet([u64; 2]);

impl Serialize for RuleSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(|r| r.code))
    }
}

impl<'de> Deserialize<'de> for RuleSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let codes = Vec::<Cow<'de, str>>::deserialize(d)?;
        let mut set = RuleSet::default();
        for code in codes {
            if let Some(i) = RULES.iter().position(|r| r.code == code) {
                set.insert(i);
            }
        }
        Ok(set)
    }
}

impl RuleSet {
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn union(&self, other: &RuleSet) -> RuleSet {
        RuleSet([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }

    fn intersection(&self, other: &RuleSet) -> RuleSet {
        RuleSet([self.0[0] & other.0[0], self.0[1] & other.0[1]])
    }

    fn difference(&self, other: &RuleSet) -> RuleSet {
        RuleSet([self.0[0] & !other.0[0], self.0[1] & !other.0[1]])
    }

    fn intersects(&self, other: &RuleSet) -> bool {
        self.0.iter().zip(other.0.iter()).any(|(a, b)| a & b != 0)
    }

    /// Whether the rule with this code is in the set.
    pub fn contains(&self, code: &str) -> bool {
        RULES
            .iter()
            .position(|r| r.code == code)
            .is_some_and(|i| self.0[i / 64] & (1 << (i % 64)) != 0)
    }

    /// The rules in the set, in catalogue order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        RULES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0[i / 64] & (1 << (i % 64)) != 0)
            .map(|(_, r)| r)
    }

    /// The rules of the catalogue that `keep` keeps.
    fn kept(keep: impl Fn(&Rule) -> bool) -> RuleSet {
        let mut set = RuleSet::default();
        for (i, r) in RULES.iter().enumerate() {
            if keep(r) {
                set.insert(i);
            }
        }
        set
    }

    /// The rules of one kind (single-report or cross-year) that apply to a form, or to a pair.
    fn applicable(cross_year: bool, forms: &[&Form]) -> RuleSet {
        let mut set = RuleSet::default();
        for (i, r) in RULES.iter().enumerate() {
            if r.cross_year == cross_year && forms.iter().all(|f| r.applies_to(f)) {
                set.insert(i);
            }
        }
        set
    }
}

use crate::form::{
    ApplicantColumn as AC, ProactiveColumn as PC, ProactiveRow as PR, RequestRow as RR,
};

const ITEM_COUNTS: &[CellId] = &[
    CellId::Proactive(PR::Licensing, PC::PreviousItems),
    CellId::Proactive(PR::Licensing, PC::Change),
];
const DECISIONS_AND_ITEMS: &[CellId] = &[
    CellId::Proactive(PR::Licensing, PC::PreviousItems),
    CellId::Proactive(PR::Licensing, PC::Change),
    CellId::Proactive(PR::Licensing, PC::Decisions),
];
const PUBLISHED: &[CellId] = &[
    CellId::Proactive(PR::Rules, PC::NewlyPublished),
    CellId::Proactive(PR::Rules, PC::TotalPublished),
];
const IN_FORCE: &[CellId] = &[
    CellId::Proactive(PR::Rules, PC::Issued),
    CellId::Proactive(PR::Rules, PC::Repealed),
    CellId::Proactive(PR::Rules, PC::InForce),
];
const PROCUREMENT: &[CellId] = &[
    CellId::Proactive(PR::Procurement, PC::Projects),
    CellId::Proactive(PR::Procurement, PC::Amount),
];
const FEE_AMOUNT: &[CellId] = &[CellId::Proactive(PR::Fees, PC::Amount)];
const FEE_UNPAID: &[CellId] = &[CellId::Requests(RR::OtherOverdueFeeUnpaid, AC::Total)];
const NEW_RECEIVED: &[CellId] = &[CellId::Requests(RR::NewReceived, AC::Total)];
const CARRY: &[CellId] = &[
    CellId::Requests(RR::CarriedOver, AC::Total),
    CellId::Requests(RR::CarriedForward, AC::Total),
];

macro_rules! rules {
    ($($code:literal, $sev:ident, $cross:literal, $needs:expr, $summary:literal;)+) => {
        /// Every rule code the validator can emit, with its severity and what it needs of the
        /// form. `docs/RULES.md` documents each with its formula, its source in the form and
        /// the fixture that triggers it.
        pub static RULES: &[Rule] = &[$(Rule {
            code: $code,
            severity: Severity::$sev,
            cross_year: $cross,
            summary: $summary,
            needs: $needs,
        }),+];
    };
}

rules! {
    "requests.balance", Error, false, Needs::Relation, "Section 三, per column: 新收 + 上年结转 = （七）总计 + 结转下年度继续办理";
    "requests.outcome_total", Error, false, Needs::Relation, "Section 三, per column: （七）总计 = the sum of every outcome row";
    "requests.applicant_total", Error, false, Needs::Relation, "Section 三, per row: 总计 = 自然人 + the five 法人或其他组织 columns";
    "review.total", Error, false, Needs::Relation, "Section 四, per group: 总计 = 维持 + 纠正 + 其他 + 尚未审结";
    "sum.blank_total", Error, false, Needs::Nothing, "A blank total whose parts hold numbers above 0 (the total is at least their sum)";
    "table.blank_cells", Warning, false, Needs::Nothing, "Blank cells in a filled table (the form asks for 0 where nothing happened), one finding per table";
    "sum.unchecked", Info, false, Needs::Nothing, "Cells marked not applicable (/) kept sums from being checked, one finding per table";
    "sum.derived_total", Info, false, Needs::Nothing, "A total not read was derived from its parts so that other sums could be checked";
    "proactive.item_count_negative", Error, false, Needs::Cells(ITEM_COUNTS), "Section 二: 上一年项目数量 + 本年增/减 must not be negative";
    "proactive.item_count_unchecked", Info, false, Needs::Cells(ITEM_COUNTS), "Section 二: 上一年项目数量 or 本年增/减 is marked not applicable, so the item count cannot be checked";
    "proactive.decisions_equal_item_count", Warning, false, Needs::Cells(DECISIONS_AND_ITEMS), "Section 二: 处理决定数量 equals 上一年项目数量 + 本年增/减 (an item count typed as decisions?)";
    "proactive.published_exceeds_total", Warning, false, Needs::Cells(PUBLISHED), "Section 二 （一）: 本年新公开数量 ≤ 对外公开总数量";
    "proactive.issued_exceeds_in_force", Warning, false, Needs::Cells(IN_FORCE), "Section 二 （一）: 本年制发件数 ≤ 现行有效件数 + 本年废止件数";
    "proactive.procurement_without_projects", Warning, false, Needs::Cells(PROCUREMENT), "Section 二 （九）: an amount with zero 采购项目数量";
    "proactive.fee_unit", Warning, false, Needs::Cells(FEE_AMOUNT), "Section 二 （八）: 本年收费金额 entered in 元 or implausibly large for 万元";
    "overview.breakdown_sum", Error, false, Needs::Nothing, "The categories the prose states must add up to their stated total (one category alone must not exceed it)";
    "overview.breakdown_incomplete", Info, false, Needs::Nothing, "A breakdown in the prose names a part without a number, so it cannot be summed";
    "prose.percentage", Warning, false, Needs::Nothing, "The share the prose gives a part of a breakdown (占35.8%) matches the part over its total";
    "structure.section_missing", Error, false, Needs::Nothing, "All six sections are present";
    "structure.edition_year", Warning, false, Needs::Nothing, "The edition is the one in force for the report year (not an older one)";
    "structure.edition_too_new", Error, false, Needs::Nothing, "A report year before an edition's first year cannot use that edition";
    "structure.period_mismatch", Error, false, Needs::Nothing, "The statistics period is 1月1日–12月31日 of the report year";
    "structure.late_publication", Warning, false, Needs::Nothing, "Published by 1月31日 (departments) or 3月31日 (a people's government)";
    "structure.table_declared_none", Warning, false, Needs::Nothing, "A table replaced by 无 (the form asks for the table, zeros included)";
    "structure.metadata_missing", Warning, false, Needs::Nothing, "The report states its year and agency";
    "structure.title", Warning, false, Needs::Nothing, "The title calls the report a 年度报告 and names the report year";
    "structure.edition_unconfirmed", Info, false, Needs::Nothing, "A value in a cell that only some editions have shows the report's edition";
    "problems.not_filled", Warning, false, Needs::Nothing, "Section 五 is filled in (not empty, 无, or a single sentence)";
    "prose.table_mismatch", Warning, false, Needs::Cells(NEW_RECEIVED), "A number the prose states for a measure of the tables (新收, 办结, 行政复议 …) differs from its cells";
    "prose.conflict", Warning, false, Needs::Nothing, "The prose states one measure twice with values that cannot both hold, and the table does not decide";
    "prose.categorical", Warning, false, Needs::Cells(NEW_RECEIVED), "A categorical statement (未收到申请, 全部办结, 未发生行政复议、行政诉讼, 均获维持) the tables contradict";
    "other_matters.fee_not_mentioned", Warning, false, Needs::Cells(FEE_UNPAID), "A non-zero （六）2. row (fee not paid) should be explained with 信息处理费 in section 六";
    "pair.not_consecutive", Info, true, Needs::Nothing, "Cross-year rules need reports of consecutive years";
    "pair.carry_over", Warning, true, Needs::Cells(CARRY), "This year's 上年结转 = last year's 结转下年度继续办理, per column";
    "pair.in_force_roll_forward", Warning, true, Needs::Cells(IN_FORCE), "现行有效件数 = last year's + 本年制发件数 − 本年废止件数";
    "pair.item_count_roll_forward", Warning, true, Needs::Cells(ITEM_COUNTS), "上一年项目数量 = last year's 上一年项目数量 + 本年增/减";
    "pair.identical_tables", Warning, true, Needs::Nothing, "Tables identical to last year's (雷同)";
    "pair.similar_text", Warning, true, Needs::Nothing, "Narrative text nearly identical to last year's (雷同)";
    "pair.fee_amount_jump", Warning, true, Needs::Cells(FEE_AMOUNT), "本年收费金额 more than 5× or less than 1/5 of last year's";
    "pair.unchecked", Info, true, Needs::Cells(CARRY), "A cross-year check could not run because a cell it needs is blank or marked not applicable in either year";
}

/// The catalogue entry of a code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Collects findings; fills the severity from the catalogue so that the two cannot disagree.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    findings: Vec<Finding>,
    checked: RuleSet,
    /// Rules that apply but were not asked for ([`validate_with`]): their findings are dropped.
    dropped: RuleSet,
}
/// A finding under construction.
pub(crate) struct Draft {
    pub code: &'static str,
    pub pointer: String,
    pub cells: Vec<String>,
    pub prior_cells: Vec<String>,
    pub expected: Option<Observed>,
    pub actual: Option<Observed>,
    pub zh: String,
    pub en: String,
}

impl Draft {
    pub fn new(code: &'static str, pointer: impl Into<String>, zh: String, en: String) -> Self {
        Draft {
            code,
            pointer: pointer.into(),
            cells: Vec::new(),
            prior_cells: Vec::new(),
            expected: None,
            actual: None,
            zh,
            en,
        }
    }

    pub fn cells(mut self, cells: Vec<String>) -> Self {
        self.cells = cells;
        self
    }

    pub fn prior_cells(mut self, cells: Vec<String>) -> Self {
        self.prior_cells = cells;
        self
    }

    /// The value the cells should hold, where the report holds none.
    pub fn expected(mut self, expected: Observed) -> Self {
        self.expected = Some(expected);
        self
    }

    pub fn values(mut self, expected: Observed, actual: Observed) -> Self {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }
}

impl Sink {
    pub fn push(&mut self, d: Draft) {
        if self.dropped != RuleSet::default() && self.dropped.contains(d.code) {
            return;
        }
        debug_assert!(
            self.checked == RuleSet::default() || self.checked.contains(d.code),
            "rule {} fired where it does not apply",
            d.code
        );
        let severity = rule(d.code).map_or(Severity::Error, |r| r.severity);
        debug_assert!(
            rule(d.code).is_some(),
            "rule {} not in the catalogue",
            d.code
        );
        let difference = match (&d.expected, &d.actual) {
            (Some(Observed::Integer(e)), Some(Observed::Integer(a))) => a.checked_sub(*e),
            _ => None,
        };
        self.findings.push(Finding {
            code: Cow::Borrowed(d.code),
            severity,
            pointer: d.pointer,
            cells: d.cells,
            prior_cells: d.prior_cells,
            expected: d.expected,
            actual: d.actual,
            difference,
            message_zh: d.zh,
            message_en: d.en,
        });
    }

    pub fn finish(self) -> Validation {
        Validation {
            findings: self.findings,
            checked: self.checked,
        }
    }
}

/// A check: the rule codes it gives findings of, and the function. It runs where all of its
/// codes apply.
type Check = (&'static [&'static str], fn(&Report, &mut Sink));

/// The single-report checks, in the order their findings come.
const CHECKS: &[Check] = &[
    (
        &[
            "structure.section_missing",
            "structure.edition_year",
            "structure.edition_too_new",
            "structure.period_mismatch",
            "structure.late_publication",
            "structure.table_declared_none",
            "structure.metadata_missing",
            "structure.title",
            "structure.edition_unconfirmed",
            "problems.not_filled",
        ],
        rules::structure,
    ),
    (
        &[
            "proactive.item_count_negative",
            "proactive.item_count_unchecked",
            "proactive.decisions_equal_item_count",
        ],
        rules::item_counts,
    ),
    (
        &["proactive.published_exceeds_total"],
        rules::published_exceeds_total,
    ),
    (
        &["proactive.issued_exceeds_in_force"],
        rules::issued_exceeds_in_force,
    ),
    (
        &["proactive.procurement_without_projects"],
        rules::procurement_without_projects,
    ),
    (&["proactive.fee_unit"], rules::fee_unit),
    (
        &[
            "requests.balance",
            "requests.outcome_total",
            "requests.applicant_total",
            "review.total",
            "sum.blank_total",
            "table.blank_cells",
            "sum.unchecked",
            "sum.derived_total",
        ],
        sums::tables,
    ),
    (
        &["other_matters.fee_not_mentioned"],
        rules::fee_not_mentioned,
    ),
    (
        &[
            "overview.breakdown_sum",
            "overview.breakdown_incomplete",
            "prose.percentage",
            "prose.table_mismatch",
            "prose.conflict",
            "prose.categorical",
        ],
        prose::all,
    ),
];

/// The codes of each check as a rule set (computed once).
fn check_masks() -> &'static [RuleSet] {
    static MASKS: std::sync::OnceLock<Vec<RuleSet>> = std::sync::OnceLock::new();
    MASKS.get_or_init(|| {
        CHECKS
            .iter()
            .map(|(codes, _)| {
                let mut set = RuleSet::default();
                for code in *codes {
                    match RULES.iter().position(|r| r.code == *code) {
                        Some(i) => set.insert(i),
                        None => debug_assert!(false, "check code {code} not in the catalogue"),
                    }
                }
                set
            })
            .collect()
    })
}

/// The rules that apply to a form, computed once per edition.
fn applicable(form: &Form) -> RuleSet {
    static SETS: std::sync::OnceLock<Vec<RuleSet>> = std::sync::OnceLock::new();
    let sets = SETS.get_or_init(|| {
        crate::Edition::ALL
            .iter()
            .map(|e| RuleSet::applicable(false, &[e.form()]))
            .collect()
    });
    sets.get(form.edition.index())
        .copied()
        .unwrap_or_else(|| RuleSet::applicable(false, &[form]))
}

/// Validate one report: every single-report rule that applies to its edition's form.
pub fn validate(report: &Report) -> Validation {
    run(report, applicable(report.form()), RuleSet::default())
}

/// Run the single-report rules that `keep` keeps, and only those: a program that wants the
/// arithmetic of the tables and not the prose (`|r| !r.reads_prose()`), or one rule. The rules
/// left out do not run and give no finding; [`Validation::checked`] lists the ones that ran.
///
/// ```
/// # let json = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/2021/invalid/prose.table_mismatch.json")).unwrap();
/// let report = zfxxgk::json::from_slice(&json)?;
/// let tables = zfxxgk::validate::validate_with(&report, |r| !r.reads_prose());
/// assert!(tables.findings.iter().all(|f| !f.code.starts_with("prose.")));
/// assert!(!tables.checked.contains("prose.table_mismatch"));
/// assert!(zfxxgk::validate::validate(&report).with_code("prose.table_mismatch").next().is_some());
/// # Ok::<(), zfxxgk::JsonError>(())
/// ```
pub fn validate_with(report: &Report, keep: impl Fn(&Rule) -> bool) -> Validation {
    let applicable = applicable(report.form());
    let checked = applicable.intersection(&RuleSet::kept(keep));
    run(report, checked, applicable.difference(&checked))
}

fn run(report: &Report, checked: RuleSet, dropped: RuleSet) -> Validation {
    let mut sink = Sink {
        findings: Vec::new(),
        checked,
        dropped,
    };
    for ((_, check), mask) in CHECKS.iter().zip(check_masks()) {
        // A check gives the findings of several codes; it runs where one of them applies, and
        // the sink asserts (in debug builds) that each finding's code does.
        if checked.intersects(mask) {
            check(report, &mut sink);
        }
    }
    sink.finish()
}
