//! Writers for the official layout: plain text (the layout reports are published in), Markdown,
//! and a standalone HTML page that can mark the cells that validation findings point at.
//!
//! Every label comes from the form declaration ([`crate::form`](mod@crate::form)); the tables are laid out once, as
//! a grid with the official rowspans and colspans, and each writer renders that grid. What the
//! writers write, the crate's readers read back: `read_text(&to_text(r))` and
//! `read_html(&to_html(r, None))` give back `r` for a report whose metadata the text carries (a
//! title, an agency name whose ending tells its kind, narrative parts that are not empty, and
//! figures that are the ones its text states).
//!
//! ```
//! let json = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
//!     "/tests/fixtures/2019/valid/xiuzhou-education-2020.json")).unwrap();
//! let report = zfxxgk::json::from_slice(&json).unwrap();
//! let text = zfxxgk::write::to_text(&report);
//! assert!(text.contains("\t其他对外管理服务事项\n\t26\n\t+6\n\t12422\n"));
//! assert_eq!(zfxxgk::read::read_text(&text).report, report);
//! ```

mod grid;
mod html;
mod markdown;

pub use grid::{Grid, GridCell, Role, grid, value_text};
pub use html::to_html;
pub use markdown::to_markdown;

use crate::form::{CellId, OVERVIEW_PARTS, PROBLEM_PARTS, SectionDecl, SectionId, TableId};
use crate::report::{Presence, Report};

/// The words written after a part label of section 一 (`（一）主动公开` + `情况`).
const PART_SUFFIX: &str = "情况";

/// One block of a written report, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// The report's title.
    Title(String),
    /// A line of metadata around the report (publication date, statistics period).
    Meta(String),
    /// A paragraph.
    Para(String),
    /// A section heading.
    Heading(&'static SectionDecl),
    /// A numbered part heading inside a section (`（一）主动公开情况`).
    Part(String),
    /// A table in the official layout.
    Table(SectionId, Grid),
    /// A table replaced by 无.
    DeclaredNone,
}

fn paras(out: &mut Vec<Block>, text: Option<&str>) {
    if let Some(t) = text {
        out.extend(
            t.split('\n')
                .filter(|p| !p.trim().is_empty())
                .map(|p| Block::Para(p.to_owned())),
        );
    }
}

fn date_zh(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The report as a sequence of blocks, in the official order.
pub(crate) fn outline(report: &Report) -> Vec<Block> {
    let mut out = Vec::new();
    let title = report.title.clone().unwrap_or_else(|| {
        let year = report.year.map_or(String::new(), |y| format!("{y}年"));
        format!("{}{year}政府信息公开工作年度报告", report.agency())
    });
    out.push(Block::Title(title));
    if let Some(d) = report.published {
        out.push(Block::Meta(format!("发布日期：{d}")));
    }
    if let Some(p) = report.period
        && !report.preamble.as_deref().unwrap_or("").contains("统计")
    {
        out.push(Block::Meta(format!(
            "统计期限：{}至{}",
            date_zh(p.start),
            date_zh(p.end)
        )));
    }
    paras(&mut out, report.preamble.as_deref());
    let form = report.form();
    for sec in form.sections() {
        if !report.has_section(sec.id) {
            continue;
        }
        out.push(Block::Heading(sec));
        match sec.id {
            SectionId::Overview => overview(&mut out, report),
            SectionId::Proactive => table(&mut out, report, sec.id, TableId::Proactive),
            SectionId::Requests => table(&mut out, report, sec.id, TableId::Requests),
            SectionId::Review => table(&mut out, report, sec.id, TableId::Review),
            SectionId::Problems => problems(&mut out, report),
            SectionId::OtherMatters => paras(&mut out, report.other_matters.as_deref()),
        }
    }
    out
}

fn overview(out: &mut Vec<Block>, report: &Report) {
    let Some(o) = &report.overview else { return };
    paras(out, o.summary.as_deref());
    let texts = [
        &o.proactive,
        &o.requests,
        &o.management,
        &o.platform,
        &o.oversight,
    ];
    for (part, text) in OVERVIEW_PARTS.iter().zip(texts) {
        if let Some(t) = text {
            out.push(Block::Part(format!(
                "{}{}{PART_SUFFIX}",
                part.number, part.label
            )));
            paras(out, Some(t));
        }
    }
}

fn problems(out: &mut Vec<Block>, report: &Report) {
    let Some(p) = &report.problems else { return };
    paras(out, p.summary.as_deref());
    let texts = [&p.problems, &p.improvements, &p.measures];
    for (part, text) in PROBLEM_PARTS.iter().zip(texts) {
        if let Some(t) = text {
            out.push(Block::Part(format!("{}{}", part.number, part.label)));
            paras(out, Some(t));
        }
    }
}

fn table(out: &mut Vec<Block>, report: &Report, sec: SectionId, table: TableId) {
    if report.tables.presence(table) == Presence::DeclaredNone {
        out.push(Block::DeclaredNone);
        return;
    }
    let form = report.form();
    let g = match table {
        TableId::Proactive => grid(report, form.proactive, CellId::Proactive),
        TableId::Requests => grid(report, form.requests, CellId::Requests),
        TableId::Review => grid(report, form.review, CellId::Review),
    };
    out.push(Block::Table(sec, g));
}

/// The report as plain text in the layout reports are published in (the seed's): headings and
/// paragraphs on their own lines, tables flattened one cell a line, tab-indented, with a blank
/// line after each table row; a blank cell is a lone tab.
pub fn to_text(report: &Report) -> String {
    let mut s = String::new();
    for block in outline(report) {
        match block {
            Block::Title(t) => {
                s.push_str(&t);
                s.push_str("\n\n");
            }
            Block::Meta(t) | Block::Para(t) | Block::Part(t) => {
                s.push_str(&t);
                s.push_str("\n\n");
            }
            Block::Heading(sec) => {
                s.push_str(&sec.heading());
                s.push_str("\n\n");
            }
            Block::DeclaredNone => s.push_str("无\n\n"),
            Block::Table(_, g) => {
                for row in &g.rows {
                    for cell in row {
                        if cell.role == Role::Padding {
                            continue;
                        }
                        s.push('\t');
                        s.push_str(&cell.text);
                        s.push('\n');
                    }
                    s.push('\n');
                }
            }
        }
    }
    s
}
