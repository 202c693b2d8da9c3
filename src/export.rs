//! A tidy export of every cell: one row a cell, the form researchers load into pandas or a
//! spreadsheet. Labels come from the form declaration.
//!
//! Columns: `edition, agency, year, table, block, row, row_label, column, column_label, state,
//! value, unit`. `state` is `value`, `blank`, `not_applicable`, `declared_none` (the table was
//! replaced by 无) or `missing` (the report lacks the section); `value` is the number as text
//! (exact, scale kept for amounts), empty unless `state` is `value`.
//!
//! ```
//! let report = zfxxgk::json::from_str(r#"{"edition":"2021","agency":"某局","year":2022}"#).unwrap();
//! let csv = zfxxgk::export::to_csv(&[report]);
//! assert_eq!(csv.lines().count(), 1 + 10 + 175 + 15);
//! assert!(csv.lines().nth(1).unwrap().starts_with("2021,某局,2022,proactive,第二十条第（一）项,rules,规章,issued,本年制发件数,missing,,"));
//! ```

use serde::Serialize;

use crate::cell::Cell;
use crate::report::{CellRef, Report, Slot};

/// One exported cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TidyCell {
    /// Edition tag (`2019`, `2021`).
    pub edition: &'static str,
    /// The issuing agency.
    pub agency: String,
    /// The report year, if stated.
    pub year: Option<u16>,
    /// Table key (`proactive`, `requests`, `review`).
    pub table: &'static str,
    /// Block title (`第二十条第（一）项`), empty when the table has no blocks.
    pub block: &'static str,
    /// Row id: the row's JSON key path (`denied/state_secret`).
    pub row: &'static str,
    /// Official row label.
    pub row_label: String,
    /// Column id: the column's JSON key.
    pub column: &'static str,
    /// Official column label.
    pub column_label: &'static str,
    /// `value`, `blank`, `not_applicable`, `declared_none` or `missing`.
    pub state: &'static str,
    /// The value as text, empty unless `state` is `value`.
    pub value: String,
    /// The unit of a money value (`元`, `万元`), else empty.
    pub unit: &'static str,
}

/// The CSV header line's fields, in order.
pub const COLUMNS: [&str; 12] = [
    "edition",
    "agency",
    "year",
    "table",
    "block",
    "row",
    "row_label",
    "column",
    "column_label",
    "state",
    "value",
    "unit",
];

fn state_of<T>(c: &Cell<T>) -> &'static str {
    match c {
        Cell::Value(_) => "value",
        Cell::Blank => "blank",
        Cell::NotApplicable => "not_applicable",
    }
}

/// Every cell of a report as tidy rows, in official order.
pub fn tidy(report: &Report) -> Vec<TidyCell> {
    let edition = report.edition().tag();
    report
        .cells()
        .map(|(fc, slot)| {
            let (state, value, unit) = match slot {
                Slot::Missing => ("missing", String::new(), ""),
                Slot::DeclaredNone => ("declared_none", String::new(), ""),
                Slot::Cell(c) => match c {
                    CellRef::Count(x) => (
                        state_of(x),
                        x.get().map(|v| v.to_string()).unwrap_or_default(),
                        "",
                    ),
                    CellRef::Delta(x) => (
                        state_of(x),
                        x.get().map(|v| v.to_string()).unwrap_or_default(),
                        "",
                    ),
                    CellRef::Money(x) => (
                        state_of(x),
                        x.value().map(|m| m.amount.to_string()).unwrap_or_default(),
                        x.value().and_then(|m| m.unit).map_or("", |u| u.label()),
                    ),
                },
            };
            TidyCell {
                edition,
                agency: report.agency().to_owned(),
                year: report.year,
                table: fc.table,
                block: fc.block_title.unwrap_or(""),
                row: fc.row_key,
                row_label: fc.row_label,
                column: fc.column_key,
                column_label: fc.column_label,
                state,
                value,
                unit,
            }
        })
        .collect()
}

fn csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// All cells of the reports as CSV (RFC 4180 quoting, `\n` line ends), with a header line.
pub fn to_csv(reports: &[Report]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for r in reports {
        for c in tidy(r) {
            let year = c.year.map(|y| y.to_string()).unwrap_or_default();
            let fields: [&str; 12] = [
                c.edition,
                &c.agency,
                &year,
                c.table,
                c.block,
                c.row,
                &c.row_label,
                c.column,
                c.column_label,
                c.state,
                &c.value,
                c.unit,
            ];
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                csv_field(&mut out, f);
            }
            out.push('\n');
        }
    }
    out
}

/// All cells of the reports as JSON lines: one object a cell, keys as in [`COLUMNS`].
pub fn to_json_lines(reports: &[Report]) -> String {
    let mut out = String::new();
    for r in reports {
        for c in tidy(r) {
            out.push_str(
                &serde_json::to_string(&c)
                    .unwrap_or_else(|e| unreachable!("tidy cell serialization failed: {e}")),
            );
            out.push('\n');
        }
    }
    out
}
