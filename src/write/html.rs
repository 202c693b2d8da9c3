//! A standalone HTML page: inline CSS, no scripts, no external resources. Tables have the
//! official rowspans and colspans. Given a validation, the page opens with a summary (counts by
//! severity, every finding linked to its cell) and a legend; each section ends with the messages
//! of its findings; the cell a finding points at is filled in its severity's colour and, for a
//! broken sum, framed as the total with the value its parts give beside it, while the parts are
//! outlined with dashes; every marked cell links back to its finding.
//!
//! The marks add no text to a cell: its value is wrapped in a link and the expected value is
//! drawn by CSS from an attribute; the summary and the notes carry `data-zfxxgk-findings`, which
//! `read_html` skips. So a page with findings reads back as the same report.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Block, Grid, Role, outline};
use crate::report::Report;
use crate::validate::{Finding, Lang, Severity, Validation};

/// Fonts common on Linux (WenQuanYi, Noto CJK), macOS and Windows, so that a headless browser on
/// a server draws the Chinese text instead of boxes.
const FONTS: &str = "\"Noto Sans CJK SC\",\"Noto Sans SC\",\"WenQuanYi Zen Hei\",\"WenQuanYi Micro Hei\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif";

const STYLE: &str = "max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}\
h1{font-size:1.5rem;text-align:center}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}\
p.meta{color:#666;text-align:center}\
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}\
td{border:1px solid #888;padding:.25rem .4rem;text-align:center;vertical-align:middle}\
td.header{background:#f3f3f3;font-weight:600}td.label{text-align:left}td.value{min-width:2.5rem}\
td a{color:inherit}\
.f-error{background:#f8c9c4}.f-warning{background:#fbe6a6}.f-info{background:#dbe8f7}\
td.total{outline:3px solid #a61b0f;outline-offset:-3px;font-weight:700}\
td[data-expected]::after{content:\" ≠ \" attr(data-expected);display:block;font-size:.75rem;font-weight:400;color:#a61b0f;white-space:nowrap}\
td.addend{outline:2px dashed #a61b0f;outline-offset:-3px}\
.summary{border:1px solid #ccc;background:#fafafa;padding:.5rem 1rem;margin:1rem 0}\
.summary h2{margin-top:.5rem}.counts span{margin-right:1.5rem}\
.legend span.swatch{display:inline-block;padding:0 .5rem;margin:0 .3rem 0 0;border:1px solid #888}\
.legend span.total{outline:3px solid #a61b0f;outline-offset:-3px}\
.legend span.addend{outline:2px dashed #a61b0f;outline-offset:-3px}\
ol.findings li,ul.notes li{margin:.2rem 0}ul.notes{border-left:4px solid #ccc;padding-left:1.5rem}\
.sev-error{color:#a61b0f;font-weight:600}.sev-warning{color:#8a6100}.sev-info{color:#2a5d9f}\
.tag{font-size:.8rem;border-radius:.2rem;padding:0 .3rem;margin-right:.3rem;color:#222;font-weight:400}\
code{font-size:.85em}";

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// The HTML id of the cell at a JSON Pointer.
pub fn cell_anchor(pointer: &str) -> String {
    format!("cell{}", pointer.replace('/', "-"))
}

/// The HTML id of the finding with this number (1-based, in the validation's order).
fn finding_anchor(n: usize) -> String {
    format!("finding-{n}")
}

/// The words of the page in one language.
struct Words {
    summary: &'static str,
    none: &'static str,
    total: &'static str,
    addend: &'static str,
    expected: &'static str,
    actual: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Zh => Words {
            summary: "核查结果",
            none: "未发现问题。",
            total: "被核对的单元格（旁注按其他单元格算出的值）",
            addend: "参与核对的其他单元格",
            expected: "应为",
            actual: "实为",
        },
        Lang::En => Words {
            summary: "Findings",
            none: "No findings.",
            total: "the cell checked (beside it, the value the other cells give)",
            addend: "the other cells of the check",
            expected: "expected",
            actual: "actual",
        },
    }
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.as_zh(),
        Lang::En => s.as_str(),
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "f-error",
        Severity::Warning => "f-warning",
        Severity::Info => "f-info",
    }
}

/// The findings of a validation, numbered, indexed by the cell they point at and by the cells
/// that took part in a broken sum.
struct Marks<'a> {
    findings: Vec<&'a Finding>,
    /// Pointer → numbers (0-based) of the findings that point at it.
    at: HashMap<&'a str, Vec<usize>>,
    /// Pointer → numbers of the error findings it took part in, without pointing at it.
    part_of: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Marks<'a> {
    fn new(v: Option<&'a Validation>) -> Self {
        let findings: Vec<&Finding> = v.map(|v| v.findings.iter().collect()).unwrap_or_default();
        let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut part_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, f) in findings.iter().enumerate() {
            at.entry(f.pointer.as_str()).or_default().push(i);
            if f.severity == Severity::Error {
                for c in &f.cells {
                    if *c != f.pointer {
                        part_of.entry(c.as_str()).or_default().push(i);
                    }
                }
            }
        }
        Marks {
            findings,
            at,
            part_of,
        }
    }

    /// The findings whose pointer lies in the section with this JSON key.
    fn of_section(&self, key: &str) -> impl Iterator<Item = (usize, &'a Finding)> + '_ {
        let key = key.to_owned();
        self.findings
            .iter()
            .copied()
            .enumerate()
            .filter(move |(_, f)| {
                let first = f.pointer.split('/').nth(1).unwrap_or("");
                first == key
            })
    }
}

/// The attributes and link of one value cell: its marks, title and the finding it links to.
#[derive(Default)]
struct CellMarks {
    class: Vec<&'static str>,
    title: Vec<String>,
    link: Option<usize>,
    expected: Option<String>,
}

fn cell_marks(p: &str, marks: &Marks<'_>, lang: Lang) -> CellMarks {
    let mut m = CellMarks::default();
    if let Some(ns) = marks.at.get(p) {
        let fs = ns.iter().map(|n| (*n, marks.findings[*n]));
        let worst = fs
            .clone()
            .map(|(_, f)| f.severity)
            .min()
            .unwrap_or(Severity::Info);
        m.class.push(severity_class(worst));
        m.link = ns.first().copied();
        for (n, f) in fs {
            m.title
                .push(format!("{} {}: {}", n + 1, f.code, f.message(lang)));
            let is_sum = f.severity == Severity::Error && f.cells.len() > 1;
            if is_sum && m.expected.is_none() {
                m.class.push("total");
                m.expected = f.expected.as_ref().map(ToString::to_string);
            }
        }
    }
    if let Some(ns) = marks.part_of.get(p) {
        if !m.class.contains(&"total") {
            m.class.push("addend");
        }
        m.link = m.link.or(ns.first().copied());
        m.title.extend(ns.iter().map(|n| {
            let f = marks.findings[*n];
            format!("{} {} ({})", n + 1, f.code, f.pointer)
        }));
    }
    m
}

/// A grid row without the padding cells that only fill a short block: the last real cell spans
/// the columns they took, so no empty header or value cell is drawn.
fn without_padding(row: &[super::GridCell]) -> Vec<super::GridCell> {
    let mut out: Vec<super::GridCell> = Vec::with_capacity(row.len());
    for cell in row {
        match (&cell.role, out.last_mut()) {
            (Role::Padding, Some(prev)) => prev.colspan += cell.colspan,
            _ => out.push(cell.clone()),
        }
    }
    out
}

fn table(out: &mut String, g: &Grid, marks: &Marks<'_>, lang: Lang) {
    out.push_str("<table>\n");
    for row in &g.rows {
        out.push_str("<tr>");
        for cell in without_padding(row) {
            let base = match cell.role {
                Role::Header => "header",
                Role::Label => "label",
                Role::Value(_) => "value",
                Role::Padding => "padding",
            };
            let m = match &cell.role {
                Role::Value(p) => {
                    let _ = write!(out, "<td id=\"{}\"", cell_anchor(p));
                    cell_marks(p, marks, lang)
                }
                _ => {
                    out.push_str("<td");
                    CellMarks::default()
                }
            };
            let mut class = vec![base];
            class.extend(&m.class);
            let _ = write!(out, " class=\"{}\"", class.join(" "));
            if cell.rowspan > 1 {
                let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
            }
            if cell.colspan > 1 {
                let _ = write!(out, " colspan=\"{}\"", cell.colspan);
            }
            if let Some(e) = &m.expected {
                let _ = write!(out, " data-expected=\"{}\"", esc(e));
            }
            if !m.title.is_empty() {
                let _ = write!(out, " title=\"{}\"", esc(&m.title.join("\n")));
            }
            out.push('>');
            let text = if cell.text.is_empty() {
                "&nbsp;".to_owned()
            } else {
                esc(&cell.text)
            };
            match m.link {
                Some(n) => {
                    let _ = write!(out, "<a href=\"#{}\">{text}</a>", finding_anchor(n + 1));
                }
                None => out.push_str(&text),
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// `（应为 46，实为 45）`, or nothing when the finding has no values.
fn values(f: &Finding, lang: Lang) -> String {
    let w = words(lang);
    match (&f.expected, &f.actual) {
        (Some(e), Some(a)) => match lang {
            Lang::Zh => format!("（{} {e}，{} {a}）", w.expected, w.actual),
            Lang::En => format!(" ({} {e}, {} {a})", w.expected, w.actual),
        },
        _ => String::new(),
    }
}

/// The summary at the top: counts by severity, every finding linked to its cell, and a legend.
fn summary(out: &mut String, marks: &Marks<'_>, lang: Lang) {
    let w = words(lang);
    let _ = writeln!(
        out,
        "<section class=\"summary\" id=\"summary\" data-zfxxgk-findings><h2>{}</h2>",
        w.summary
    );
    out.push_str("<p class=\"counts\">");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = marks.findings.iter().filter(|f| f.severity == s).count();
        let _ = write!(
            out,
            "<span class=\"sev-{}\">{} {n}</span>",
            s.as_str(),
            severity_word(s, lang)
        );
    }
    out.push_str("</p>\n");
    if marks.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w.none);
    } else {
        out.push_str("<ol class=\"findings\">\n");
        for (i, f) in marks.findings.iter().enumerate() {
            let _ = writeln!(
                out,
                "<li id=\"{}\"><span class=\"tag {}\">{}</span><a href=\"#{}\"><code>{}</code></a> <code>{}</code>：{}{}</li>",
                finding_anchor(i + 1),
                severity_class(f.severity),
                severity_word(f.severity, lang),
                cell_anchor(&f.pointer),
                esc(&f.pointer),
                esc(&f.code),
                esc(f.message(lang)),
                esc(&values(f, lang)),
            );
        }
        out.push_str("</ol>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"legend\"><span class=\"swatch f-error\">{}</span><span class=\"swatch f-warning\">{}</span><span class=\"swatch f-info\">{}</span> <span class=\"swatch total\">45</span>{} <span class=\"swatch addend\">12</span>{}</p>",
        severity_word(Severity::Error, lang),
        severity_word(Severity::Warning, lang),
        severity_word(Severity::Info, lang),
        w.total,
        w.addend,
    );
    out.push_str("</section>\n");
}

/// The messages of a section's findings, after its content, each linked to its cell and to its
/// entry in the summary.
fn notes(out: &mut String, marks: &Marks<'_>, key: &str, lang: Lang) {
    let mut any = false;
    for (i, f) in marks.of_section(key) {
        if !any {
            out.push_str("<ul class=\"notes\" data-zfxxgk-findings>\n");
            any = true;
        }
        let _ = writeln!(
            out,
            "<li class=\"sev-{}\"><a href=\"#{}\">{}</a> <a href=\"#{}\"><code>{}</code></a>：{}{}</li>",
            f.severity.as_str(),
            finding_anchor(i + 1),
            i + 1,
            cell_anchor(&f.pointer),
            esc(&f.pointer),
            esc(f.message(lang)),
            esc(&values(f, lang)),
        );
    }
    if any {
        out.push_str("</ul>\n");
    }
}

/// The report as one standalone HTML5 page. With a validation, the page opens with a summary of
/// its findings and a legend, marks the cells they point at and gives each section's messages
/// after it, in `lang`.
pub fn to_html(report: &Report, findings: Option<(&Validation, Lang)>) -> String {
    let lang = findings.map_or(Lang::Zh, |(_, l)| l);
    let marks = Marks::new(findings.map(|(v, _)| v));
    let blocks = outline(report);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>body{{font-family:{FONTS};{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let mut summary_due = findings.is_some();
    let mut section: Option<&str> = None;
    for block in &blocks {
        let front = matches!(block, Block::Title(_) | Block::Meta(_));
        if summary_due && !front {
            summary(&mut out, &marks, lang);
            summary_due = false;
        }
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "<h1>{}</h1>", esc(t));
            }
            Block::Meta(t) => {
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(t));
            }
            Block::Para(t) => {
                let _ = writeln!(out, "<p>{}</p>", esc(t));
            }
            Block::Heading(sec) => {
                if let Some(key) = section {
                    notes(&mut out, &marks, key, lang);
                }
                section = Some(sec.key);
                let pointer = format!("/{}", sec.key);
                let class = match marks.at.get(pointer.as_str()) {
                    Some(ns) => {
                        let worst = ns.iter().map(|n| marks.findings[*n].severity).min();
                        format!(
                            " class=\"sev-{}\"",
                            worst.unwrap_or(Severity::Info).as_str()
                        )
                    }
                    None => String::new(),
                };
                let _ = writeln!(
                    out,
                    "<h2 id=\"{}\"{class}>{}</h2>",
                    cell_anchor(&pointer),
                    esc(&sec.heading())
                );
            }
            Block::Part(t) => {
                let _ = writeln!(out, "<h3>{}</h3>", esc(t));
            }
            Block::DeclaredNone => out.push_str("<p>无</p>\n"),
            Block::Table(_, g) => table(&mut out, g, &marks, lang),
        }
    }
    if summary_due {
        summary(&mut out, &marks, lang);
    }
    if let Some(key) = section {
        notes(&mut out, &marks, key, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}
