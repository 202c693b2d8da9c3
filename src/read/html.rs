//! The HTML reader: an HTML5 parser (html5ever, through scraper) turns the page into lines of
//! prose and table rows; rowspans and colspans are resolved into the table's grid, so that every
//! cell has its row and column in the official layout.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::doc::{Line, Tok};
use super::{Location, Reading, assemble};

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "dl",
    "center",
    "body",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "caption",
    "form",
    "fieldset",
    "address",
    "hr",
];

/// Elements whose content is never report text.
const SKIP: &[&str] = &[
    "script", "style", "head", "noscript", "template", "svg", "iframe", "object",
];

/// The largest span a cell may claim; larger values (hostile or broken pages) are clamped.
const MAX_COLSPAN: usize = 64;

struct Walker {
    lines: Vec<Line>,
    buf: String,
    blocks: usize,
    tables: usize,
}

impl Walker {
    fn flush(&mut self) {
        let text = collapse(&self.buf);
        self.buf.clear();
        if !text.trim().is_empty() {
            self.blocks += 1;
            self.lines.push(Line {
                text: text.trim().to_owned(),
                loc: Location::Block { index: self.blocks },
                cells: None,
            });
        }
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        // Deeply nested pages: past this depth, keep the text and stop descending structure.
        if depth > 512 {
            self.buf.push_str(&text_of(node));
            return;
        }
        match node.value() {
            Node::Text(t) => self.buf.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    return;
                }
                if name == "br" {
                    self.flush();
                    return;
                }
                if name == "table" {
                    self.flush();
                    if let Some(el) = ElementRef::wrap(node) {
                        self.table(el);
                    }
                    return;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    self.flush();
                }
                for child in node.children() {
                    self.walk(child, depth + 1);
                }
                if block {
                    self.flush();
                }
            }
            _ => {
                for child in node.children() {
                    self.walk(child, depth + 1);
                }
            }
        }
    }

    fn table(&mut self, table: ElementRef<'_>) {
        self.tables += 1;
        let t = self.tables;
        // Rows of this table, not of tables nested in its cells.
        let mut rows: Vec<ElementRef<'_>> = Vec::new();
        collect_rows(*table, &mut rows, 0);
        let n_rows = rows.len();
        // occupied[r] holds the columns taken by rowspans from rows above.
        let mut occupied: Vec<Vec<bool>> = vec![Vec::new(); n_rows];
        for (r, row) in rows.iter().enumerate() {
            let mut cells = Vec::new();
            let mut col = 0;
            for cell in row.children().filter_map(ElementRef::wrap) {
                if !matches!(cell.value().name(), "td" | "th") {
                    continue;
                }
                while occupied[r].get(col).copied().unwrap_or(false) {
                    col += 1;
                }
                let span = |name: &str| {
                    cell.value()
                        .attr(name)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .filter(|v| *v >= 1)
                        .unwrap_or(1)
                };
                let colspan = span("colspan").min(MAX_COLSPAN);
                // A rowspan beyond the table ends with the table.
                let rowspan = span("rowspan").min(n_rows - r);
                for occ in &mut occupied[r..r + rowspan] {
                    if occ.len() < col + colspan {
                        occ.resize(col + colspan, false);
                    }
                    occ[col..col + colspan].fill(true);
                }
                cells.push(Tok {
                    text: collapse(&text_of(*cell)).trim().to_owned(),
                    loc: Location::Cell {
                        table: t,
                        row: r + 1,
                        column: col + 1,
                    },
                });
                col += colspan;
            }
            if cells.is_empty() {
                continue;
            }
            let text = cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" | ");
            self.lines.push(Line {
                text,
                loc: cells[0].loc,
                cells: Some(cells),
            });
        }
    }
}

fn collect_rows<'a>(node: NodeRef<'a, Node>, out: &mut Vec<ElementRef<'a>>, depth: usize) {
    if depth > 64 {
        return;
    }
    for child in node.children() {
        if let Some(el) = ElementRef::wrap(child) {
            match el.value().name() {
                "tr" => out.push(el),
                "table" => {}
                _ => collect_rows(child, out, depth + 1),
            }
        }
    }
}

/// The text of a node; `<br>` and block ends inside it add nothing (labels broken over lines,
/// `本年新<br>制作数量`, read as one).
fn text_of(node: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match n.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) if SKIP.contains(&e.name()) => continue,
            _ => {}
        }
        let children: Vec<_> = n.children().collect();
        stack.extend(children.into_iter().rev());
    }
    s
}

/// HTML whitespace: runs of white space (including `&nbsp;`) become one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Read a report from an HTML page: sections from the headings and paragraphs, tables from
/// `<table>` with rowspans and colspans resolved. Empty cells (`&nbsp;`, nothing) stay blank.
pub fn read_html(html: &str) -> Reading {
    let doc = Html::parse_document(html);
    let mut w = Walker {
        lines: Vec::new(),
        buf: String::new(),
        blocks: 0,
        tables: 0,
    };
    w.walk(*doc.root_element(), 0);
    w.flush();
    assemble(w.lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_resolve_into_the_grid() {
        let html = "<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td><td>&nbsp;</td></tr></table>";
        let doc = Html::parse_document(html);
        let mut w = Walker {
            lines: Vec::new(),
            buf: String::new(),
            blocks: 0,
            tables: 0,
        };
        w.walk(*doc.root_element(), 0);
        let row2 = w.lines[1].cells.as_ref().unwrap();
        assert_eq!(row2[0].text, "c");
        assert_eq!(
            row2[0].loc,
            Location::Cell {
                table: 1,
                row: 2,
                column: 2
            }
        );
        assert_eq!(row2[1].text, "");
    }
}
