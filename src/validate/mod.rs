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
mod rules;
mod sums;

use std::fmt;

use serde::Serialize;

pub use pair::validate_pair;

use crate::report::Report;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
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
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<u128>,
        /// Largest possible value.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<u128>,
    },
    /// Text: an exact amount, a date, an edition, a name.
    Text(String),
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Finding {
    /// Stable rule code (see [`RULES`] and `docs/RULES.md`).
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the place at fault, in the report's JSON field names.
    pub pointer: String,
    /// The pointers of every cell that took part (the total and its addends), in official order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<String>,
    /// For cross-year rules: the pointers of the cells of last year's report that took part.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prior_cells: Vec<String>,
    /// What the rule expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Observed>,
    /// What the report has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Observed>,
    /// `actual − expected`, where both are whole numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

/// The findings of one validation, in a deterministic order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Validation {
    /// Every finding.
    pub findings: Vec<Finding>,
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

/// A rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Stable code.
    pub code: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// Whether it needs last year's report as well ([`validate_pair`]).
    pub cross_year: bool,
    /// One line on what it checks.
    pub summary: &'static str,
}

macro_rules! rules {
    ($($code:literal, $sev:ident, $cross:literal, $summary:literal;)+) => {
        /// Every rule code the validator can emit, with its severity. `docs/RULES.md` documents
        /// each with its formula, its source in the form and the fixture that triggers it.
        pub static RULES: &[Rule] = &[$(Rule {
            code: $code,
            severity: Severity::$sev,
            cross_year: $cross,
            summary: $summary,
        }),+];
    };
}

rules! {
    "requests.balance", Error, false, "Section 三, per column: 新收 + 上年结转 = （七）总计 + 结转下年度继续办理";
    "requests.outcome_total", Error, false, "Section 三, per column: （七）总计 = the sum of every outcome row";
    "requests.applicant_total", Error, false, "Section 三, per row: 总计 = 自然人 + the five 法人或其他组织 columns";
    "review.total", Error, false, "Section 四, per group: 总计 = 维持 + 纠正 + 其他 + 尚未审结";
    "sum.unchecked", Info, false, "A blank or not-applicable cell kept a sum from being checked";
    "sum.derived_total", Info, false, "A blank total was derived from its parts so that other sums could be checked";
    "proactive.item_count_negative", Error, false, "2019 section 二: 上一年项目数量 + 本年增/减 must not be negative";
    "proactive.item_count_unchecked", Info, false, "2019 section 二: 上一年项目数量 or 本年增/减 is blank, so the item count cannot be checked";
    "proactive.decisions_equal_item_count", Warning, false, "2019 section 二: 处理决定数量 equals 上一年项目数量 + 本年增/减 (an item count typed as decisions?)";
    "proactive.published_exceeds_total", Warning, false, "2019 section 二 （一）: 本年新公开数量 ≤ 对外公开总数量";
    "proactive.issued_exceeds_in_force", Warning, false, "2021 section 二 （一）: 本年制发件数 ≤ 现行有效件数 + 本年废止件数";
    "proactive.procurement_without_projects", Warning, false, "2019 section 二 （九）: an amount with zero 采购项目数量";
    "proactive.fee_unit", Warning, false, "2021 section 二 （八）: 本年收费金额 entered in 元 or implausibly large for 万元";
    "overview.breakdown_sum", Error, false, "Section 一: the stated categories must add up to their stated total";
    "structure.section_missing", Error, false, "All six sections are present";
    "structure.edition_year", Warning, false, "The edition matches the report year (2021 format from report year 2021)";
    "structure.edition_too_new", Error, false, "A report year before 2021 cannot use the 2021 format";
    "structure.period_mismatch", Error, false, "The statistics period is 1月1日–12月31日 of the report year";
    "structure.late_publication", Warning, false, "Published by 1月31日 (departments) or 3月31日 (a people's government)";
    "structure.table_declared_none", Warning, false, "A table replaced by 无 (the form asks for the table, zeros included)";
    "other_matters.fee_not_mentioned", Warning, false, "2021: a non-zero （六）2. row (fee not paid) should be explained with 信息处理费 in section 六";
    "pair.not_consecutive", Info, true, "Cross-year rules need reports of consecutive years";
    "pair.carry_over", Warning, true, "This year's 上年结转 = last year's 结转下年度继续办理, per column";
    "pair.in_force_roll_forward", Warning, true, "2021: 现行有效件数 = last year's + 本年制发件数 − 本年废止件数";
    "pair.item_count_roll_forward", Warning, true, "2019→2020: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减";
    "pair.identical_tables", Warning, true, "Tables identical to last year's (雷同)";
    "pair.similar_text", Warning, true, "Narrative text nearly identical to last year's (雷同)";
    "pair.fee_amount_jump", Warning, true, "2021: 本年收费金额 more than 5× or less than 1/5 of last year's";
}

/// The catalogue entry of a code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Collects findings; fills the severity from the catalogue so that the two cannot disagree.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    findings: Vec<Finding>,
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

    pub fn values(mut self, expected: Observed, actual: Observed) -> Self {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }
}

impl Sink {
    pub fn push(&mut self, d: Draft) {
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
            code: d.code,
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
        }
    }
}

/// Validate one report: every single-report rule.
pub fn validate(report: &Report) -> Validation {
    let mut sink = Sink::default();
    rules::structure(report, &mut sink);
    rules::overview(report, &mut sink);
    match report {
        Report::Trial2019(r) => {
            if let Some(p) = &r.proactive {
                rules::proactive_2019(p, &mut sink);
            }
        }
        Report::Format2021(r) => {
            if let Some(p) = &r.proactive {
                rules::proactive_2021(p, &mut sink);
            }
        }
    }
    sums::tables(report, &mut sink);
    rules::other_matters(report, &mut sink);
    sink.finish()
}
