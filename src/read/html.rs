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

/// The attribute `write::to_html` puts on the findings it adds to a page, which the reader skips.
pub(crate) const FINDINGS_ATTR: &str = "data-zfxxgk-findings";

/// The largest span a cell may claim; larger values (hostile or broken pages) are clamped.
const MAX_COLSPAN: usize = 64;

#[derive(Default)]
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
                // The findings this crate's writer adds to a page (its summary and the notes
                // after each section) are not report text.
                if SKIP.contains(&name) || e.attr(FINDINGS_ATTR).is_some() {
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

/// The text of a node; `<br>` and block boundaries inside it add nothing (labels broken over
/// lines, `本年新<br>制作数量`, read as one), except between two digits (`5<br>9`,
/// `<p>5</p><p>9</p>`), where they are a space: two numbers the page separates are never joined
/// into one.
fn text_of(node: NodeRef<'_, Node>) -> String {
    enum Item<'a> {
        Node(NodeRef<'a, Node>),
        Boundary,
    }
    let numeric = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '.';
    let mut s = String::new();
    // Whether a boundary was passed since the last character.
    let mut boundary = false;
    let mut stack = vec![Item::Node(node)];
    while let Some(item) = stack.pop() {
        let n = match item {
            Item::Boundary => {
                boundary = true;
                continue;
            }
            Item::Node(n) => n,
        };
        match n.value() {
            Node::Text(t) => {
                let joins_digits = boundary
                    && s.chars().next_back().is_some_and(numeric)
                    && t.chars().find(|c| !c.is_whitespace()).is_some_and(numeric);
                if joins_digits {
                    s.push(' ');
                }
                if !t.trim().is_empty() {
                    boundary = false;
                }
                s.push_str(t);
            }
            Node::Element(e) if SKIP.contains(&e.name()) => continue,
            Node::Element(e) if e.name() == "br" || BLOCKS.contains(&e.name()) => {
                boundary = true;
                stack.push(Item::Boundary);
            }
            _ => {}
        }
        let children: Vec<_> = n.children().collect();
        stack.extend(children.into_iter().rev().map(Item::Node));
    }
    s
}

/// HTML whitespace: runs of white space (including `&nbsp;`) become one space; invisible
/// characters (zero-width spaces, bidi marks, soft hyphens: [`super::norm::is_invisible`]) are dropped.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if super::norm::is_invisible(c) {
            continue;
        }
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

/// Elements nested deeper than this are not parsed as HTML: the HTML5 tree builder's time grows
/// with the square of the nesting depth (20 000 nested `<div>`s take a second), and a real report
/// page nests a few dozen deep.
pub const MAX_NESTING: usize = 512;

/// What a tag name means for nesting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// No content, never nested (`br`, `img`, …).
    Void,
    /// An end tag that may be left out (a page may leave every `<td>` open): not counted.
    OptionalEnd,
    /// Text that is not markup (`script`, `style`).
    RawText,
    /// Anything else: nests.
    Nesting,
}

/// The kind of a tag name, in any case, without allocating.
fn tag_kind(name: &[u8]) -> TagKind {
    let mut lower = [0u8; 8];
    let Some(buf) = lower.get_mut(..name.len()) else {
        return TagKind::Nesting;
    };
    for (l, b) in buf.iter_mut().zip(name) {
        *l = b.to_ascii_lowercase();
    }
    match &*buf {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" => TagKind::Void,
        b"p" | b"li" | b"dt" | b"dd" | b"td" | b"th" | b"tr" | b"tbody" | b"thead" | b"tfoot"
        | b"option" | b"optgroup" | b"colgroup" | b"caption" | b"rb" | b"rt" | b"rp" | b"html"
        | b"head" | b"body" => TagKind::OptionalEnd,
        b"script" | b"style" => TagKind::RawText,
        _ => TagKind::Nesting,
    }
}

/// How deep the page's elements nest, roughly and in one pass: start tags of elements that hold
/// content and need an end tag, less their end tags; comments, scripts and styles skipped. It can
/// differ from the parser's tree on odd markup; it only needs to tell a real page from a
/// pathological one.
pub(crate) fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(lt) = html.get(i..).and_then(|rest| rest.find('<')) {
        i += lt + 1;
        if bytes.get(i..i + 3) == Some(b"!--") {
            i = html
                .get(i + 3..)
                .and_then(|rest| rest.find("-->"))
                .map_or(bytes.len(), |p| i + 3 + p + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = bytes.get(start..).map_or(0, |rest| {
            rest.iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        });
        if len == 0 {
            continue;
        }
        let name = bytes.get(start..start + len).unwrap_or_default();
        let kind = tag_kind(name);
        if matches!(kind, TagKind::Void | TagKind::OptionalEnd) {
            continue;
        }
        // A script's or style's text is not markup: skip to its end tag, in any case.
        if !closing && kind == TagKind::RawText {
            i = start + len;
            while let Some(p) = html.get(i..).and_then(|rest| rest.find("</")) {
                i += p + 2;
                if bytes
                    .get(i..i + len)
                    .is_some_and(|t| t.eq_ignore_ascii_case(name))
                {
                    break;
                }
            }
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        // `<x .../>` closes itself.
        let end = bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|b| *b == b'>'))
            .map(|p| start + p);
        if end.is_some_and(|e| e > 0 && bytes.get(e - 1) == Some(&b'/')) {
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}

/// The page's text without its markup: each tag ends a line; the common entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push('\n');
        rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Read a report from an HTML page: sections from the headings and paragraphs, tables from
/// `<table>` with rowspans and colspans resolved. Empty cells (`&nbsp;`, nothing) stay blank.
///
/// A page whose elements nest deeper than [`MAX_NESTING`] is not parsed as HTML (its time would
/// grow with the square of the depth): its text, stripped of the markup, is read as
/// [`read_text`](super::read_text) reads text, with a warning in the log.
pub fn read_html(html: &str) -> Reading {
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        let mut reading = super::read_text(&strip_tags(html));
        reading.log.entries.insert(
            0,
            super::LogEntry::new(
                super::EntryKind::Warning,
                None,
                super::msg(
                    format!("元素嵌套 {depth} 层（超过 {MAX_NESTING} 层）：页面去除标记后按文本读取"),
                    format!(
                        "elements nested {depth} deep (more than {MAX_NESTING}): the page was read as \
                         text without its markup"
                    ),
                ),
            ),
        );
        return reading;
    }
    let doc = Html::parse_document(html);
    let mut w = Walker::default();
    w.walk(*doc.root_element(), 0);
    w.flush();
    assemble(w.lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_as_a_page_nests() {
        assert_eq!(nesting_depth("<div><span>a</span><div>b</div></div>"), 2);
        // Void elements, self-closing tags, optional end tags and comments do not nest.
        assert_eq!(
            nesting_depth("<br><img src=x><x/><!-- <div> --><p>a<p>b"),
            0
        );
        assert_eq!(
            nesting_depth("<table><tr><td>1<td>2<tr><td>3</table>"),
            1,
            "cells left open"
        );
        assert_eq!(nesting_depth(&"<div>".repeat(600)), 600);
        assert_eq!(nesting_depth("</div></div><b>"), 1);
        assert_eq!(nesting_depth("a < b and <"), 0);
        assert_eq!(
            nesting_depth("<script>if (a<b && c<div) {}</script><div>"),
            1
        );
        assert_eq!(
            nesting_depth("<SCRIPT>x<div></Script><STYLE>a<b</style><Div>"),
            1
        );
    }

    #[test]
    fn spans_resolve_into_the_grid() {
        let html = "<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td><td>&nbsp;</td></tr></table>";
        let doc = Html::parse_document(html);
        let mut w = Walker::default();
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
