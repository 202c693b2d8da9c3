//! A standalone HTML page: inline CSS, no scripts, no external resources. Tables have the
//! official rowspans and colspans; given a validation, the cells a finding points at are marked
//! (a colour and a title with the message), the cells that took part are outlined, and the
//! findings are listed after the report.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Block, Grid, Role, outline};
use crate::report::Report;
use crate::validate::{Finding, Lang, Severity, Validation};

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}\
h1{font-size:1.5rem;text-align:center}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}\
p.meta{color:#666;text-align:center}\
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}\
td{border:1px solid #888;padding:.25rem .4rem;text-align:center;vertical-align:middle}\
td.header{background:#f3f3f3;font-weight:600}td.label{text-align:left}td.value{min-width:2.5rem}\
td.f-error{background:#f8c9c4}td.f-warning{background:#fbe6a6}td.f-info{background:#dbe8f7}\
td.addend{outline:2px dashed #c0392b;outline-offset:-3px}\
.findings td{text-align:left}.findings td:nth-child(-n+2){white-space:nowrap}.sev-error{color:#a61b0f;font-weight:600}.sev-warning{color:#8a6100}.sev-info{color:#2a5d9f}";

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

struct Marks<'a> {
    at: HashMap<&'a str, Vec<&'a Finding>>,
    part_of: HashMap<&'a str, Vec<&'a Finding>>,
}

impl<'a> Marks<'a> {
    fn new(v: Option<&'a Validation>) -> Self {
        let mut at: HashMap<&str, Vec<&Finding>> = HashMap::new();
        let mut part_of: HashMap<&str, Vec<&Finding>> = HashMap::new();
        for f in v.map(|v| v.findings.as_slice()).unwrap_or_default() {
            at.entry(f.pointer.as_str()).or_default().push(f);
            if f.severity == Severity::Error {
                for c in &f.cells {
                    if *c != f.pointer {
                        part_of.entry(c.as_str()).or_default().push(f);
                    }
                }
            }
        }
        Marks { at, part_of }
    }
}

fn table(out: &mut String, g: &Grid, marks: &Marks<'_>, lang: Lang) {
    out.push_str("<table>\n");
    for row in &g.rows {
        out.push_str("<tr>");
        for cell in row {
            let mut class = vec![match cell.role {
                Role::Header => "header",
                Role::Label => "label",
                Role::Value(_) => "value",
                Role::Padding => "padding",
            }];
            let mut title = Vec::new();
            let mut id = String::new();
            if let Role::Value(p) = &cell.role {
                id = format!(" id=\"{}\"", cell_anchor(p));
                if let Some(fs) = marks.at.get(p.as_str()) {
                    let worst = fs
                        .iter()
                        .map(|f| f.severity)
                        .min()
                        .unwrap_or(Severity::Info);
                    class.push(match worst {
                        Severity::Error => "f-error",
                        Severity::Warning => "f-warning",
                        Severity::Info => "f-info",
                    });
                    title.extend(
                        fs.iter()
                            .map(|f| format!("{}: {}", f.code, f.message(lang))),
                    );
                }
                if let Some(fs) = marks.part_of.get(p.as_str()) {
                    class.push("addend");
                    title.extend(fs.iter().map(|f| format!("{} ({})", f.code, f.pointer)));
                }
            }
            let _ = write!(out, "<td{id} class=\"{}\"", class.join(" "));
            if cell.rowspan > 1 {
                let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
            }
            if cell.colspan > 1 {
                let _ = write!(out, " colspan=\"{}\"", cell.colspan);
            }
            if !title.is_empty() {
                let _ = write!(out, " title=\"{}\"", esc(&title.join("\n")));
            }
            out.push('>');
            if cell.text.is_empty() {
                out.push_str("&nbsp;");
            } else {
                out.push_str(&esc(&cell.text));
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn findings_list(out: &mut String, v: &Validation, lang: Lang) {
    let (title, head) = match lang {
        Lang::Zh => ("核查发现", ["规则", "级别", "位置", "应为 / 实为", "说明"]),
        Lang::En => (
            "Findings",
            [
                "code",
                "severity",
                "location",
                "expected / actual",
                "message",
            ],
        ),
    };
    let _ = writeln!(out, "<section class=\"findings\"><h2>{title}</h2>");
    if v.findings.is_empty() {
        out.push_str("<p>—</p></section>\n");
        return;
    }
    out.push_str("<table>\n<tr>");
    for h in head {
        let _ = write!(out, "<td class=\"header\">{h}</td>");
    }
    out.push_str("</tr>\n");
    for f in &v.findings {
        let sev = match lang {
            Lang::Zh => f.severity.as_zh(),
            Lang::En => f.severity.as_str(),
        };
        let values = match (&f.expected, &f.actual) {
            (Some(e), Some(a)) => format!("{e} / {a}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"sev-{}\">{}</td><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            esc(&f.code),
            f.severity.as_str(),
            sev,
            cell_anchor(&f.pointer),
            esc(&f.pointer),
            esc(&values),
            esc(f.message(lang)),
        );
    }
    out.push_str("</table></section>\n");
}

/// The report as one standalone HTML5 page. With a validation, the cells its findings point at
/// are marked and the findings are listed after the report, in `lang`.
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
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    for block in &blocks {
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
                let class = if marks.at.contains_key(format!("/{}", sec.key).as_str()) {
                    " class=\"sev-warning\""
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "<h2 id=\"{}\"{class}>{}</h2>",
                    cell_anchor(&format!("/{}", sec.key)),
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
    if let Some((v, lang)) = findings {
        findings_list(&mut out, v, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}
