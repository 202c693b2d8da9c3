//! Readers for published reports: plain text (as extracted from web pages) and HTML, into the
//! typed report, with a log of what was read where and what was not understood.
//!
//! Both readers are deterministic (no model, no network) and total: a truncated or partial
//! report gives a partial [`Report`] with the missing sections recorded in the log, never an
//! error and never a panic.
//!
//! ```
//! let text = "某局2021年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n全年主动公开信息近300条。\n\
//!             二、主动公开政府信息情况\n第二十条第（五）项 |\n信息内容 | 本年处理决定数量 |\n行政许可 | 182 |\n";
//! let reading = zfxxgk::read::read_text(text);
//! assert_eq!(reading.report.edition(), zfxxgk::Edition::Format2021);
//! let id = zfxxgk::CellId::Proactive(
//!     zfxxgk::form::ProactiveRow::Licensing,
//!     zfxxgk::form::ProactiveColumn::Decisions,
//! );
//! assert_eq!(reading.report.cell(id).unwrap().display(), "182");
//! assert!(reading.log.missing().any(|e| e.message.contains("三、收到和处理政府信息公开申请情况")));
//! ```

mod doc;
#[cfg(feature = "html")]
mod html;
mod narrative;
mod norm;
#[cfg(feature = "pdf")]
mod pdf;

/// The quantities of a text (numbers with their measure words), for the prose rules.
pub(crate) use narrative::{Stated, parts_bounds, stated_with as stated_figures, year_in};
pub(crate) use norm::{Found as NormFound, is_digit, quantities as norm_quantities, string_of};
mod tables;

use std::fmt;

use serde::Serialize;

#[cfg(feature = "html")]
pub use html::{MAX_NESTING, read_html};
pub use norm::key as label_key;
#[cfg(feature = "pdf")]
pub use pdf::{PdfError, PdfLimits, read_pdf, read_pdf_with};

use crate::form::{Edition, OVERVIEW_PARTS, PROBLEM_PARTS, SectionId, TableId};
use crate::report::{Overview, Period, Presence, Problems, Report};

/// Where something was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Location {
    /// A line of a text file (1-based), and the character column where the item starts.
    Line {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
    },
    /// A block of an HTML page (a paragraph, a heading), numbered in document order from 1.
    Block {
        /// Block, from 1.
        index: usize,
    },
    /// A place on a page of a PDF: the page (from 1) and the point where the item starts,
    /// in points from the page's top-left corner.
    Page {
        /// Page, from 1.
        page: usize,
        /// Points from the left edge.
        x: u32,
        /// Points from the top edge.
        y: u32,
    },
    /// A cell of an HTML table, after rowspans and colspans are resolved into the grid.
    Cell {
        /// Table, from 1, in document order.
        table: usize,
        /// Grid row, from 1.
        row: usize,
        /// Grid column, from 1.
        column: usize,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line { line, column } => write!(f, "line {line}, column {column}"),
            Location::Block { index } => write!(f, "block {index}"),
            Location::Page { page, x, y } => write!(f, "page {page}, x {x} pt, y {y} pt"),
            Location::Cell { table, row, column } => {
                write!(f, "table {table}, row {row}, column {column}")
            }
        }
    }
}

/// What a log entry says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntryKind {
    /// A value was taken into the report.
    Read,
    /// Something was read with a doubt (a misspelled label, a row with cells missing).
    Warning,
    /// Text in a table that is neither a label nor a value.
    Unread,
    /// A part of the report that was not found.
    Missing,
    /// A decision the reader made that is worth knowing (an edition assumed).
    Note,
}

/// One line of the read log.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct LogEntry {
    /// What kind of entry.
    pub kind: EntryKind,
    /// Where in the source, if anywhere.
    pub location: Option<Location>,
    /// For [`EntryKind::Read`]: the JSON Pointer the value went to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// What was read, or what the problem is, in English.
    pub message: String,
    /// The same in Chinese.
    pub message_zh: String,
}

impl LogEntry {
    /// The message in the language asked for.
    pub fn message(&self, lang: crate::validate::Lang) -> &str {
        match lang {
            crate::validate::Lang::Zh => &self.message_zh,
            crate::validate::Lang::En => &self.message,
        }
    }
}

/// A log message in both languages.
pub(crate) struct Msg {
    pub(crate) zh: String,
    pub(crate) en: String,
}

/// A log message: Chinese first, then English.
pub(crate) fn msg(zh: impl Into<String>, en: impl Into<String>) -> Msg {
    Msg {
        zh: zh.into(),
        en: en.into(),
    }
}

impl LogEntry {
    pub(crate) fn new(kind: EntryKind, location: Option<Location>, m: Msg) -> Self {
        LogEntry {
            kind,
            location,
            pointer: None,
            message: m.en,
            message_zh: m.zh,
        }
    }
}

/// What a reader read, where, and what it could not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Log {
    /// Entries in reading order.
    pub entries: Vec<LogEntry>,
}

impl Log {
    fn push(&mut self, kind: EntryKind, location: Option<Location>, pointer: Option<&str>, m: Msg) {
        let mut e = LogEntry::new(kind, location, m);
        e.pointer = pointer.map(str::to_owned);
        self.entries.push(e);
    }

    /// A value read into the report: its text is the message in both languages.
    pub(crate) fn read(&mut self, at: Location, pointer: &str, text: &str) {
        self.push(EntryKind::Read, Some(at), Some(pointer), msg(text, text));
    }

    pub(crate) fn warn(&mut self, at: Location, m: Msg) {
        self.push(EntryKind::Warning, Some(at), None, m);
    }

    pub(crate) fn unread(&mut self, at: Location, text: &str) {
        self.push(EntryKind::Unread, Some(at), None, msg(text, text));
    }

    pub(crate) fn not_found(&mut self, m: Msg) {
        self.push(EntryKind::Missing, None, None, m);
    }

    pub(crate) fn note(&mut self, at: Option<Location>, m: Msg) {
        self.push(EntryKind::Note, at, None, m);
    }

    /// Entries of one kind.
    pub fn of(&self, kind: EntryKind) -> impl Iterator<Item = &LogEntry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &LogEntry> {
        self.of(EntryKind::Warning)
    }

    /// What was not found.
    pub fn missing(&self) -> impl Iterator<Item = &LogEntry> {
        self.of(EntryKind::Missing)
    }

    /// Where the value at a JSON Pointer was read, if it was.
    pub fn source_of(&self, pointer: &str) -> Option<Location> {
        self.entries
            .iter()
            .find(|e| e.kind == EntryKind::Read && e.pointer.as_deref() == Some(pointer))
            .and_then(|e| e.location)
    }
}

/// A report as read, and the log of the reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The report (partial where the source is).
    pub report: Report,
    /// What was read where, and what was not.
    pub log: Log,
}

/// What a file holds, told from its bytes (not its name: `.shtml` pages and files without an
/// extension are common).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SourceKind {
    /// Text (extracted from a page or a PDF, or typed).
    Text,
    /// An HTML page.
    Html,
    /// A PDF file.
    Pdf,
}

/// What kind of source the bytes are: a PDF by its `%PDF-` header (within the first KiB, where
/// readers look for it), an HTML page by its markup at the start (a doctype, `<html>`, `<head>`,
/// `<body>`, or a first tag of a page's usual kinds), else text.
pub fn sniff(bytes: &[u8]) -> SourceKind {
    let head = &bytes[..bytes.len().min(4096)];
    if head[..head.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return SourceKind::Pdf;
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |w: &[u8]| lower.windows(w.len()).any(|x| x == w);
    if has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body") {
        return SourceKind::Html;
    }
    let first = lower.iter().position(|b| !b.is_ascii_whitespace());
    let starts_with_tag = first.is_some_and(|i| {
        [
            &b"<div"[..],
            b"<p",
            b"<table",
            b"<meta",
            b"<title",
            b"<!--",
            b"<span",
            b"<h1",
            b"<h2",
        ]
        .iter()
        .any(|t| lower[i..].starts_with(t))
    });
    if starts_with_tag {
        SourceKind::Html
    } else {
        SourceKind::Text
    }
}

/// Why a source could not be read at all (a text or HTML page always reads, partly if need be).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadError {
    /// The source is of a kind whose reader this build does not have (a cargo feature is off).
    NotBuilt {
        /// What the source is.
        kind: SourceKind,
        /// The feature that reads it.
        feature: &'static str,
    },
    /// A PDF that could not be read.
    #[cfg(feature = "pdf")]
    Pdf(PdfError),
}

#[cfg(feature = "pdf")]
impl From<PdfError> for ReadError {
    fn from(e: PdfError) -> Self {
        ReadError::Pdf(e)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotBuilt { kind, feature } => write!(
                f,
                "a {kind:?} source, but this build has no reader for it (cargo feature `{feature}`)"
            ),
            #[cfg(feature = "pdf")]
            ReadError::Pdf(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    /// The error in the language asked for.
    pub fn message(&self, lang: crate::validate::Lang) -> String {
        match (self, lang) {
            (ReadError::NotBuilt { kind, feature }, crate::validate::Lang::Zh) => {
                format!("是 {kind:?} 文件，但本程序未编译其读取器（cargo 特性 `{feature}`）")
            }
            #[cfg(feature = "pdf")]
            (ReadError::Pdf(e), lang) => e.message(lang),
            _ => self.to_string(),
        }
    }
}

/// Read a report from the bytes of any source, its kind told from the bytes ([`sniff`]): text,
/// an HTML page, or a PDF.
pub fn read_bytes(bytes: &[u8]) -> Result<Reading, ReadError> {
    match sniff(bytes) {
        SourceKind::Text => Ok(read_text_bytes(bytes)),
        #[cfg(feature = "html")]
        SourceKind::Html => Ok(read_html_bytes(bytes)),
        #[cfg(not(feature = "html"))]
        SourceKind::Html => Err(ReadError::NotBuilt {
            kind: SourceKind::Html,
            feature: "html",
        }),
        #[cfg(feature = "pdf")]
        SourceKind::Pdf => Ok(read_pdf(bytes)?),
        #[cfg(not(feature = "pdf"))]
        SourceKind::Pdf => Err(ReadError::NotBuilt {
            kind: SourceKind::Pdf,
            feature: "pdf",
        }),
    }
}

/// Read a report from text extracted from a web page (any of the flattened table layouts).
pub fn read_text(text: &str) -> Reading {
    assemble(doc::text_lines(text))
}

/// Read a report from the bytes of a text file. A file in GB18030 (GBK, GB2312: common on older
/// government sites) is decoded as such, with a note in the log; otherwise invalid UTF-8 is
/// replaced (U+FFFD) and each place is logged with its line, never an error.
pub fn read_text_bytes(bytes: &[u8]) -> Reading {
    let (text, mut entries) = decode(bytes, true);
    let mut reading = read_text(&text);
    entries.append(&mut reading.log.entries);
    reading.log.entries = entries;
    reading
}

/// Read a report from the bytes of an HTML page, as [`read_text_bytes`] does for text.
#[cfg(feature = "html")]
pub fn read_html_bytes(bytes: &[u8]) -> Reading {
    let (text, mut entries) = decode(bytes, false);
    let mut reading = read_html(&text);
    entries.append(&mut reading.log.entries);
    reading.log.entries = entries;
    reading
}

/// The text of a file, and what the log should say about how it was decoded.
///
/// UTF-8 as it is. Bytes that are mostly not UTF-8 (more invalid sequences than valid non-ASCII
/// characters, as in a page saved in GBK) and that are valid GB18030 — the superset of GBK and
/// GB2312 that older government sites serve — are decoded as GB18030, with a note. Anything else
/// is UTF-8 with each invalid sequence replaced by U+FFFD and logged: every one with its line for
/// text (`per_line`), the first for HTML.
fn decode(bytes: &[u8], per_line: bool) -> (std::borrow::Cow<'_, str>, Vec<LogEntry>) {
    let Err(first) = std::str::from_utf8(bytes) else {
        return (String::from_utf8_lossy(bytes), Vec::new());
    };
    let (mut invalid, mut valid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if invalid > valid
        && let Some(text) =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    {
        let note = LogEntry::new(
            EntryKind::Note,
            None,
            msg(
                "不是 UTF-8 编码：按 GB18030（GBK、GB2312）解码",
                "not UTF-8: decoded as GB18030 (GBK, GB2312)",
            ),
        );
        return (text, vec![note]);
    }
    let warning = |location, m: Msg| LogEntry::new(EntryKind::Warning, location, m);
    if !per_line {
        let at = first.valid_up_to();
        let m = msg(
            format!("无效的 UTF-8 字节（首处在第 {at} 字节）已替换为 U+FFFD"),
            format!("invalid UTF-8 (first at byte {at}) replaced by U+FFFD"),
        );
        return (String::from_utf8_lossy(bytes), vec![warning(None, m)]);
    }
    let mut bad = Vec::new();
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        let at = offset + chunk.valid().len();
        offset = at + chunk.invalid().len();
        if chunk.invalid().is_empty() {
            continue;
        }
        let line = 1 + bytes[..at].iter().filter(|b| **b == b'\n').count();
        let m = msg(
            format!("第 {at} 字节的无效 UTF-8 已替换为 U+FFFD"),
            format!("invalid UTF-8 at byte {at} replaced by U+FFFD"),
        );
        bad.push(warning(Some(Location::Line { line, column: 1 }), m));
        if bad.len() >= 100 {
            break;
        }
    }
    (String::from_utf8_lossy(bytes), bad)
}

/// Build the report from the document's lines.
pub(crate) fn assemble(lines: Vec<doc::Line>) -> Reading {
    let mut log = Log::default();
    let mut sections = doc::split(lines);
    sections.unwrap_prose();
    let overview = sections.lines(SectionId::Overview).unwrap_or_default();
    let mut meta = narrative::meta(&sections.front, overview, &mut log);
    if let Some((_, last)) = sections.body.iter().rev().flatten().next() {
        narrative::agency_from_signature(&mut meta, last, &mut log);
    }

    // The tables' cells, and the edition their labels say.
    let table_items: Vec<(SectionId, Vec<(tables::TableToken, Location)>)> =
        [SectionId::Proactive, SectionId::Requests, SectionId::Review]
            .into_iter()
            .filter_map(|id| {
                let lines = sections.lines(id)?;
                Some((id, tables::resolve(&doc::tokens(lines))))
            })
            .collect();
    let edition = detect_edition(&table_items, meta.year, &mut log);
    let mut report = Report::new(edition);
    fill_meta(&mut report, meta, &mut log);
    for sec in report.form().sections() {
        if sections.body[sec.id as usize].is_none() {
            log.not_found(msg(
                format!("未找到第{}部分“{}”", sec.number, sec.heading()),
                format!("section {} not found", sec.heading()),
            ));
        }
    }
    fill_narrative(&mut report, &sections, &mut log);
    for (id, items) in &table_items {
        fill_table(&mut report, &sections, *id, items, &mut log);
    }
    Reading { report, log }
}

/// The edition whose labels the tables use, by a vote over every edition: each label counts for
/// the editions that have it, unless every edition has it. On a tie (no table labels, or labels
/// every tied edition has) the edition in force for the report year among the tied is taken,
/// and the log says so.
fn detect_edition(
    table_items: &[(SectionId, Vec<(tables::TableToken, Location)>)],
    year: Option<u16>,
    log: &mut Log,
) -> Edition {
    let mut votes = vec![0usize; Edition::ALL.len()];
    for (_, items) in table_items {
        tables::vote(items, &mut votes);
    }
    let best = votes.iter().copied().max().unwrap_or(0);
    let tied: Vec<Edition> = Edition::ALL
        .iter()
        .copied()
        .filter(|e| votes[e.index()] == best)
        .collect();
    // Without a year, the edition in force now: a future edition is not assumed.
    let in_force = Some(Edition::for_report_year(
        year.map_or_else(current_year, i32::from),
    ));
    let edition = match tied.as_slice() {
        [only] => *only,
        _ => {
            let e = in_force
                .filter(|e| tied.contains(e))
                .or_else(|| tied.last().copied())
                .unwrap_or(Edition::ALL[0]);
            let why = if best == 0 {
                (
                    "表格标签不能判断格式版本",
                    "the table labels do not tell the edition",
                )
            } else {
                (
                    "表格标签符合不止一个格式版本",
                    "the table labels fit more than one edition",
                )
            };
            let how = if in_force == Some(e) && year.is_some() {
                ("按报告年度", "from the report year")
            } else if in_force == Some(e) {
                ("取现行版本", "(the edition in force now)")
            } else {
                ("取符合的最新版本", "(the latest that fits)")
            };
            let f = e.facts();
            log.note(
                None,
                msg(
                    format!("{}；{}认定为{}", why.0, how.0, f.short_name),
                    format!("{}; assumed {} {}", why.1, e.tag(), how.1),
                ),
            );
            e
        }
    };
    let voted: Vec<String> = Edition::ALL
        .iter()
        .filter(|e| votes[e.index()] > 0 && votes[e.index()] < best)
        .map(|e| format!("{} of the {} format", votes[e.index()], e.tag()))
        .collect();
    if !voted.is_empty() {
        let voted_zh: Vec<String> = Edition::ALL
            .iter()
            .filter(|e| votes[e.index()] > 0 && votes[e.index()] < best)
            .map(|e| format!("{}标签 {} 个", e.facts().short_name, votes[e.index()]))
            .collect();
        log.note(
            None,
            msg(
                format!(
                    "标签分属不止一个格式版本：{}标签 {best} 个，{}；按{}读取",
                    edition.facts().short_name,
                    voted_zh.join("，"),
                    edition.facts().short_name
                ),
                format!(
                    "labels of more than one edition: {best} of the {} format, {}; read as {}",
                    edition.tag(),
                    voted.join(", "),
                    edition.tag()
                ),
            ),
        );
    }
    edition
}

/// This year by the system clock (to the day, give or take a leap day).
fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    1970 + i32::try_from(secs / 31_556_952).unwrap_or(0)
}

fn fill_meta(report: &mut Report, meta: narrative::Meta, log: &mut Log) {
    if meta.year.is_none() {
        log.not_found(msg("未找到报告年度", "the report year was not found"));
    }
    if meta.agency.is_empty() {
        log.not_found(msg("未找到发布机关名称", "the agency's name was not found"));
    }
    report.agency = (!meta.agency.is_empty()).then_some(meta.agency);
    report.title = meta.title;
    report.year = meta.year;
    report.issuer = meta.issuer;
    report.period = meta.period.map(|(start, end)| Period { start, end });
    report.published = meta.published;
    report.preamble = meta.preamble;
}

fn fill_narrative(report: &mut Report, sections: &doc::Sections, log: &mut Log) {
    if let Some(lines) = sections.lines(SectionId::Overview) {
        let (summary, p) = narrative::parts(lines, &OVERVIEW_PARTS);
        let figures = narrative::figures(lines, log);
        let mut it = p.into_iter();
        report.overview = Some(Overview {
            summary,
            proactive: it.next().flatten(),
            requests: it.next().flatten(),
            management: it.next().flatten(),
            platform: it.next().flatten(),
            oversight: it.next().flatten(),
            figures,
        });
    }
    if let Some(lines) = sections.lines(SectionId::Problems) {
        let (summary, p) = narrative::parts(lines, &PROBLEM_PARTS);
        let mut it = p.into_iter();
        report.problems = Some(Problems {
            summary,
            problems: it.next().flatten(),
            improvements: it.next().flatten(),
            measures: it.next().flatten(),
        });
    }
    if let Some(lines) = sections.lines(SectionId::OtherMatters) {
        let text: Vec<&str> = lines
            .iter()
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        report.other_matters = Some(text.join("\n"));
    }
}

/// One table: replaced by 无, or filled from its cells; absent when the section holds no table.
fn fill_table(
    report: &mut Report,
    sections: &doc::Sections,
    id: SectionId,
    items: &[(tables::TableToken, Location)],
    log: &mut Log,
) {
    let table = match id {
        SectionId::Proactive => TableId::Proactive,
        SectionId::Requests => TableId::Requests,
        SectionId::Review => TableId::Review,
        _ => return,
    };
    let lines = sections.lines(id).unwrap_or_default();
    let text: String = lines.iter().map(|l| norm::key(&l.text)).collect();
    if text == "无" || text == "无。" {
        report.tables.set_presence(table, Presence::DeclaredNone);
        return;
    }
    report.tables.set_presence(table, Presence::Filled);
    let decl_rows_are_groups = match table {
        TableId::Review => report.form().review.rows_are_column_groups,
        _ => false,
    };
    let n = if decl_rows_are_groups {
        tables::fill_in_order(report, items, log)
    } else {
        tables::fill_rows(report, items, table, log)
    };
    if n == 0 {
        let heading = report.form().section(id).heading();
        match table {
            // A section 二 with no rows keeps its (blank) table: its heading is what the page has.
            TableId::Proactive => log.not_found(msg(
                format!("“{heading}”中未找到表格行"),
                format!("no table rows found in section {heading}"),
            )),
            _ => {
                report.tables.set_presence(table, Presence::Missing);
                log.not_found(msg(
                    format!("“{heading}”中未找到表格"),
                    format!("no table found in section {heading}"),
                ));
            }
        }
    }
}
