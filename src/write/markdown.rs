//! Markdown (GitHub tables).
//!
//! GitHub tables have no merged cells, so the official layout is flattened:
//!
//! - section 二: one table per block (`第二十条第（一）项` as a bold line above it), the block's
//!   header row as the table header;
//! - section 三: the corner note as a line above the table; a column grouped under a spanning
//!   header is labelled `法人或其他组织：商业企业`; a row under row-spanning group labels is labelled
//!   with the groups and the row joined by ` › ` (`三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密`);
//! - section 四: one row of fifteen cells, each column labelled with its groups joined by ` › `
//!   and its result after `：` (`行政诉讼 › 复议后起诉：结果维持`).
//!
//! A blank cell is empty; a not-applicable one is `/`.

use super::{Block, outline};
use crate::form::{CellId, TableDecl};
use crate::report::{Report, Slot};
use crate::write::value_text;

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}

fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(&esc(c));
        out.push_str(" |");
    }
    out.push('\n');
}

fn rule(out: &mut String, n: usize) {
    out.push('|');
    for _ in 0..n {
        out.push_str("---|");
    }
    out.push('\n');
}

fn value(report: &Report, id: CellId, kind: crate::form::CellKind) -> String {
    match report.slot(id) {
        Some(Slot::Cell(c)) => value_text(c, kind),
        _ => String::new(),
    }
}

fn table<R: Copy + PartialEq, C: Copy + PartialEq>(
    out: &mut String,
    report: &Report,
    decl: &TableDecl<R, C>,
    id: impl Fn(R, C) -> CellId,
) {
    if decl.rows_are_column_groups {
        let mut head = Vec::new();
        let mut vals = Vec::new();
        for block in decl.blocks {
            for r in block.rows {
                let mut path: Vec<String> = r.groups.iter().map(|g| g.label()).collect();
                path.push(r.name.to_owned());
                for c in block.columns {
                    head.push(format!("{}：{}", path.join(" › "), c.label));
                    vals.push(value(report, id(r.id, c.id), c.kind));
                }
            }
        }
        row(out, &head);
        rule(out, head.len());
        row(out, &vals);
        out.push('\n');
        return;
    }
    if let Some(note) = decl.corner_note {
        out.push_str(note);
        out.push_str("\n\n");
    }
    for block in decl.blocks {
        if let Some(t) = block.title {
            out.push_str(&format!("**{t}**\n\n"));
        }
        let mut head = vec![block.stub.or(decl.column_header).unwrap_or("").to_owned()];
        for c in block.columns {
            head.push(match c.group {
                Some(g) => format!("{g}：{}", c.label),
                None => c.label.to_owned(),
            });
        }
        row(out, &head);
        rule(out, head.len());
        for r in block.rows {
            let mut path: Vec<String> = r.groups.iter().map(|g| g.label()).collect();
            path.push(r.label());
            let mut cells = vec![path.join(" › ")];
            for c in block.columns {
                cells.push(value(report, id(r.id, c.id), c.kind));
            }
            row(out, &cells);
        }
        out.push('\n');
    }
}

/// The report as Markdown, with GitHub tables (see the module documentation for how merged
/// header cells are flattened).
pub fn to_markdown(report: &Report) -> String {
    let form = report.form();
    let mut s = String::new();
    for block in outline(report) {
        match block {
            Block::Title(t) => s.push_str(&format!("# {t}\n\n")),
            Block::Meta(t) | Block::Para(t) => {
                s.push_str(&t);
                s.push_str("\n\n");
            }
            Block::Heading(sec) => s.push_str(&format!("## {}\n\n", sec.heading())),
            Block::Part(t) => s.push_str(&format!("### {t}\n\n")),
            Block::DeclaredNone => s.push_str("无\n\n"),
            Block::Table(section, _) => match section {
                crate::form::SectionId::Proactive => {
                    table(&mut s, report, form.proactive, CellId::Proactive);
                }
                crate::form::SectionId::Requests => {
                    table(&mut s, report, form.requests, CellId::Requests);
                }
                _ => table(&mut s, report, form.review, CellId::Review),
            },
        }
    }
    s
}
