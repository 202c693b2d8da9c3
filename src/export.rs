//! A tidy export of every cell: one row a cell, the form researchers load into pandas or a
//! spreadsheet. Labels come from the form declaration.
//!
//! Columns: `edition, agency, year, table, block, row, row_label, column, column_label, state,
//! value, unit`. `state` is `value`, `blank`, `not_applicable`, `declared_none` (the table was
//! replaced by 无) or `missing` (the report lacks the section); `value` is the number as text
//! (exact, scale kept for amounts), empty unless `state` is `value`.
//!
//! Write to any [`std::io::Write`], a report at a time: [`CsvWriter`] (RFC 4180 quoting through
//! the `csv` crate, optionally with the UTF-8 byte order mark Excel needs to open Chinese text
//! as UTF-8) and [`JsonLinesWriter`] (one JSON object a cell, a line each).
//!
//! ```
//! let report = zfxxgk::json::from_str(r#"{"edition":"2021","agency":"某局","year":2022}"#).unwrap();
//! let mut csv = zfxxgk::export::CsvWriter::new(Vec::new());
//! csv.write_report(&report)?;
//! let text = String::from_utf8(csv.finish()?).unwrap();
//! assert_eq!(text.lines().count(), 1 + 10 + 175 + 15);
//! assert!(text.lines().nth(1).unwrap().starts_with("2021,某局,2022,proactive,第二十条第（一）项,rules,规章,issued,本年制发件数,missing,,"));
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{self, Write};

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
        Cell::NotRead => "not_read",
    }
}

/// Every cell of a report as tidy rows, in official order.
pub fn tidy(report: &Report) -> impl Iterator<Item = TidyCell> + '_ {
    let edition = report.edition().tag();
    report.cells().map(move |(fc, slot)| {
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
}

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// Writes the tidy cells of reports as CSV to any writer: a header line, then a row a cell, `\n`
/// line ends, fields quoted where RFC 4180 needs it.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    /// A writer; the header line goes first.
    pub fn new(w: W) -> Self {
        CsvWriter {
            csv: csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .has_headers(false)
                .from_writer(w),
        }
        .with_header()
    }

    /// The same, after a UTF-8 byte order mark: what Excel needs to read Chinese CSV as UTF-8.
    pub fn with_bom(mut w: W) -> io::Result<Self> {
        w.write_all(BOM)?;
        Ok(CsvWriter::new(w))
    }

    fn with_header(mut self) -> Self {
        // Written to the csv crate's buffer; an I/O error surfaces at the next write or flush.
        let _ = self.csv.write_record(COLUMNS);
        self
    }

    /// Writes every cell of one report.
    pub fn write_report(&mut self, report: &Report) -> io::Result<()> {
        for c in tidy(report) {
            self.csv.serialize(&c)?;
        }
        Ok(())
    }

    /// Flushes and hands back the writer.
    pub fn finish(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes the tidy cells of reports as JSON lines: one object a cell, keys as in [`COLUMNS`].
#[derive(Debug)]
pub struct JsonLinesWriter<W: Write> {
    w: W,
}

impl<W: Write> JsonLinesWriter<W> {
    /// A writer.
    pub fn new(w: W) -> Self {
        JsonLinesWriter { w }
    }

    /// Writes every cell of one report, a line each.
    pub fn write_report(&mut self, report: &Report) -> io::Result<()> {
        for c in tidy(report) {
            serde_json::to_writer(&mut self.w, &c)?;
            self.w.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Flushes and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.w.flush()?;
        Ok(self.w)
    }
}
