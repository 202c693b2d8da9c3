//! From what the pages draw to the lines and table rows the shared reader takes
//! ([`super::super::doc::Line`]): tables from their rulings (cells as the boxes the rulings
//! close, merged cells where a ruling is absent), the glyphs of each cell joined, the other
//! glyphs into lines by their baselines, page numbers and running headers dropped, and the lines
//! of a paragraph that a page's width wrapped joined again.
//!
//! Nothing here decides what a value means: a cell's text is the glyphs drawn inside its box, in
//! reading order; glyphs that a gap separates stay separated (never two numbers joined into one).

use super::extract::{Glyph, PageContent, Segment};
use crate::read::Location;
use crate::read::doc::{Line, Tok};

/// Two rulings this close (points) are one: also the two borders of neighbouring cells that a
/// table with cell spacing draws apart (`<table border="1">` printed by Chromium: 2.25 pt).
const SNAP: f32 = 3.0;
/// A cell narrower or lower than this (points) is an artefact of rulings drawn twice.
const MIN_CELL: f32 = 4.0;

/// A cell of a table: its box and its place in the grid (top-left slot).
#[derive(Debug, Clone, PartialEq)]
struct CellBox {
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    row: usize,
    col: usize,
}

impl CellBox {
    fn holds(&self, (x, y): (f32, f32)) -> bool {
        self.x0 <= x && x < self.x1 && self.y0 <= y && y < self.y1
    }
}

/// A table: its cells, row by row.
#[derive(Debug, Clone, PartialEq)]
struct Table {
    cells: Vec<CellBox>,
    /// The top of each grid row.
    row_tops: Vec<f32>,
}

/// Collinear segments that overlap or nearly touch, merged; segments shorter than `MIN_CELL`
/// dropped.
fn merge(mut segs: Vec<Segment>) -> Vec<Segment> {
    segs.retain(|s| s.to - s.from >= MIN_CELL);
    segs.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    // Cluster by position, then merge intervals within a cluster.
    let mut out: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let mut j = i + 1;
        while j < segs.len() && segs[j].at - segs[j - 1].at <= SNAP {
            j += 1;
        }
        let cluster = &mut segs[i..j];
        let at = cluster.iter().map(|s| s.at).sum::<f32>() / cluster.len() as f32;
        cluster.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Segment> = None;
        for s in cluster.iter() {
            match cur.as_mut() {
                Some(c) if s.from <= c.to + SNAP => c.to = c.to.max(s.to),
                _ => {
                    out.extend(cur.take());
                    cur = Some(Segment { at, ..*s });
                }
            }
        }
        out.extend(cur);
        i = j;
    }
    out
}

/// Union-find over indices.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Self {
        Sets((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

fn crosses(h: &Segment, v: &Segment) -> bool {
    v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
}

/// Positions of a set of segments, clustered.
fn positions(segs: &[&Segment]) -> Vec<f32> {
    let mut at: Vec<f32> = segs.iter().map(|s| s.at).collect();
    at.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for a in at {
        match out.last() {
            Some(l) if a - l <= SNAP => {}
            _ => out.push(a),
        }
    }
    out
}

/// How much of `from..to` the segments at `at` cover, as a fraction.
fn coverage(segs: &[&Segment], at: f32, from: f32, to: f32) -> f32 {
    let len = to - from;
    if len <= 0.0 {
        return 1.0;
    }
    let covered: f32 = segs
        .iter()
        .filter(|s| (s.at - at).abs() <= SNAP)
        .map(|s| (s.to.min(to) - s.from.max(from)).max(0.0))
        .sum();
    (covered / len).min(1.0)
}

/// The tables a page's rulings draw: groups of crossing horizontal and vertical segments with at
/// least two of each, their boxes split into cells where rulings separate them.
fn tables(segments: &[Segment]) -> Vec<Table> {
    let (h, v): (Vec<Segment>, Vec<Segment>) = segments.iter().partition(|s| s.horizontal);
    let (h, v) = (merge(h), merge(v));
    let mut sets = Sets::new(h.len() + v.len());
    for (i, hs) in h.iter().enumerate() {
        for (j, vs) in v.iter().enumerate() {
            if crosses(hs, vs) {
                sets.union(i, h.len() + j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<&Segment>, Vec<&Segment>)> =
        std::collections::BTreeMap::new();
    for (i, s) in h.iter().chain(v.iter()).enumerate() {
        let g = groups.entry(sets.find(i)).or_default();
        if s.horizontal {
            g.0.push(s);
        } else {
            g.1.push(s);
        }
    }
    groups
        .into_values()
        .filter_map(|(hs, vs)| grid(&hs, &vs))
        .collect()
}

/// The rulings a table leaves open, closed: where its verticals run on past its last horizontal
/// (a table that a page break cuts has no bottom ruling on the first page, nor a top one on the
/// next), a horizontal at their end; where its horizontals run on past its outer verticals (a
/// table without side rulings), a vertical at their end.
fn close_edges(hs: &[&Segment], vs: &[&Segment]) -> Vec<Segment> {
    let mut out = Vec::new();
    let (Some(x_min), Some(x_max)) = (
        vs.iter().map(|s| s.at).reduce(f32::min),
        vs.iter().map(|s| s.at).reduce(f32::max),
    ) else {
        return out;
    };
    let (Some(y_min), Some(y_max)) = (
        hs.iter().map(|s| s.at).reduce(f32::min),
        hs.iter().map(|s| s.at).reduce(f32::max),
    ) else {
        return out;
    };
    let v_top = vs.iter().map(|s| s.from).fold(y_min, f32::min);
    let v_bottom = vs.iter().map(|s| s.to).fold(y_max, f32::max);
    let h_left = hs.iter().map(|s| s.from).fold(x_min, f32::min);
    let h_right = hs.iter().map(|s| s.to).fold(x_max, f32::max);
    let h = |at: f32| Segment {
        horizontal: true,
        at,
        from: x_min.min(h_left),
        to: x_max.max(h_right),
    };
    let v = |at: f32| Segment {
        horizontal: false,
        at,
        from: y_min.min(v_top),
        to: y_max.max(v_bottom),
    };
    if v_bottom - y_max >= MIN_CELL {
        out.push(h(v_bottom));
    }
    if y_min - v_top >= MIN_CELL {
        out.push(h(v_top));
    }
    if h_right - x_max >= MIN_CELL {
        out.push(v(h_right));
    }
    if x_min - h_left >= MIN_CELL {
        out.push(v(h_left));
    }
    out
}

/// The cells of one group of rulings.
fn grid(hs: &[&Segment], vs: &[&Segment]) -> Option<Table> {
    let closing = close_edges(hs, vs);
    let mut hs: Vec<&Segment> = hs.to_vec();
    let mut vs: Vec<&Segment> = vs.to_vec();
    for s in &closing {
        if s.horizontal {
            hs.push(s);
        } else {
            vs.push(s);
        }
    }
    let (hs, vs) = (hs.as_slice(), vs.as_slice());
    let ys = positions(hs);
    let xs = positions(vs);
    if ys.len() < 2 || xs.len() < 2 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    let slot = |r: usize, c: usize| r * cols + c;
    let mut sets = Sets::new(rows * cols);
    for r in 0..rows {
        for c in 0..cols {
            // No ruling between two slots: they are one cell.
            if c + 1 < cols && coverage(vs, xs[c + 1], ys[r], ys[r + 1]) < 0.5 {
                sets.union(slot(r, c), slot(r, c + 1));
            }
            if r + 1 < rows && coverage(hs, ys[r + 1], xs[c], xs[c + 1]) < 0.5 {
                sets.union(slot(r, c), slot(r + 1, c));
            }
        }
    }
    let mut spans: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> =
        std::collections::BTreeMap::new();
    for r in 0..rows {
        for c in 0..cols {
            let e = spans.entry(sets.find(slot(r, c))).or_insert((r, r, c, c));
            e.0 = e.0.min(r);
            e.1 = e.1.max(r);
            e.2 = e.2.min(c);
            e.3 = e.3.max(c);
        }
    }
    let mut cells: Vec<CellBox> = spans
        .into_values()
        .map(|(r0, r1, c0, c1)| CellBox {
            x0: xs[c0],
            x1: xs[c1 + 1],
            y0: ys[r0],
            y1: ys[r1 + 1],
            row: r0,
            col: c0,
        })
        .filter(|c| {
            c.x1 - c.x0 >= MIN_CELL
                && c.y1 - c.y0 >= MIN_CELL
                // A box the rulings close on every side (not the space around an L-shaped
                // group of rulings).
                && coverage(hs, c.y0, c.x0, c.x1) >= 0.5
                && coverage(hs, c.y1, c.x0, c.x1) >= 0.5
                && coverage(vs, c.x0, c.y0, c.y1) >= 0.5
                && coverage(vs, c.x1, c.y0, c.y1) >= 0.5
        })
        .collect();
    if cells.len() < 2 {
        return None;
    }
    cells.sort_by_key(|c| (c.row, c.col));
    Some(Table {
        cells,
        row_tops: ys[..rows].to_vec(),
    })
}

/// A line of glyphs: their text with spaces where the gaps say so, and its geometry.
#[derive(Debug, Clone, PartialEq)]
struct TextLine {
    text: String,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    size: f32,
}

/// The glyphs grouped into lines (top to bottom), each line's glyphs left to right: a glyph
/// joins a line when their boxes overlap vertically by half the smaller height.
fn group_lines(mut glyphs: Vec<&Glyph>) -> Vec<Vec<&Glyph>> {
    glyphs.sort_by(|a, b| a.centre().1.total_cmp(&b.centre().1));
    let mut lines: Vec<(f32, f32, Vec<&Glyph>)> = Vec::new();
    for g in glyphs {
        let h = g.bottom() - g.top();
        let joins = lines.last().is_some_and(|(top, bottom, _)| {
            let overlap = bottom.min(g.bottom()) - top.max(g.top());
            overlap >= 0.5 * h.min(bottom - top)
        });
        if joins && let Some((top, bottom, line)) = lines.last_mut() {
            *top = top.min(g.top());
            *bottom = bottom.max(g.bottom());
            line.push(g);
        } else {
            lines.push((g.top(), g.bottom(), vec![g]));
        }
    }
    lines
        .into_iter()
        .map(|(_, _, mut l)| {
            l.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            // The same glyph drawn twice at (nearly) one place (simulated bold) is one glyph.
            l.dedup_by(|b, a| a.text == b.text && (b.x0 - a.x0).abs() < 0.3 * a.size);
            l
        })
        .collect()
}

/// The text of one line of glyphs. A gap wider than two ems is a column gap (two spaces, which
/// the shared reader splits cells at). A gap wider than a quarter em plus what justification adds
/// to every gap of the line (its usual gap; between two narrow characters, letters and digits,
/// counted up to 0.3 em only) is a space: numbers that the page separates stay separate, a
/// number in justified text stays one, and a justified CJK line takes no spaces.
fn line_text(glyphs: &[&Glyph]) -> TextLine {
    let mut sizes: Vec<f32> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f32::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let mut text = String::new();
    for (g, gap) in glyphs.iter().zip(gaps(glyphs)) {
        match gap {
            Gap::Column => text.push_str("  "),
            Gap::Space => text.push(' '),
            Gap::None => {}
        }
        text.push_str(&g.text);
    }
    TextLine {
        text,
        x0: glyphs.first().map_or(0.0, |g| g.x0),
        x1: glyphs.last().map_or(0.0, |g| g.x1),
        top: glyphs.iter().map(|g| g.top()).fold(f32::MAX, f32::min),
        bottom: glyphs.iter().map(|g| g.bottom()).fold(f32::MIN, f32::max),
        size,
    }
}

/// What stands before a glyph of a line ([`line_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    Column,
}

/// The gap before each glyph of a line, the first's [`Gap::None`] (the rules: [`line_text`]).
fn gaps(glyphs: &[&Glyph]) -> Vec<Gap> {
    let mut widths: Vec<f32> = glyphs.windows(2).map(|w| w[1].x0 - w[0].x1).collect();
    widths.sort_by(f32::total_cmp);
    let usual = widths
        .get(widths.len() / 2)
        .copied()
        .unwrap_or(0.0)
        .max(0.0);
    let mut out = Vec::with_capacity(glyphs.len());
    for (k, g) in glyphs.iter().enumerate() {
        if k == 0 {
            out.push(Gap::None);
            continue;
        }
        let prev = glyphs[k - 1];
        let gap = g.x0 - prev.x1;
        let em = prev.size.max(g.size);
        let narrow = !prev
            .text
            .chars()
            .last()
            .is_some_and(crate::read::norm::is_wide)
            && !g
                .text
                .chars()
                .next()
                .is_some_and(crate::read::norm::is_wide);
        // Between narrow characters justification is allowed at most 0.3 em, so that digits a
        // page spaces out are never read as one number; elsewhere a gap is a space when it is a
        // quarter em wider than the line's usual one (`明确责任， 并`).
        let allowance = if narrow { usual.min(0.3 * em) } else { usual };
        out.push(if gap > 2.0 * em {
            Gap::Column
        } else if gap > 0.25 * em + allowance {
            Gap::Space
        } else {
            Gap::None
        });
    }
    out
}

/// A line of glyphs as tokens, one a word (split where [`gaps`] puts a space), each at its
/// place: for a line beside a table row, whose words are read with the row's cells.
fn word_toks(page: usize, glyphs: &[&Glyph]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    for (g, gap) in glyphs.iter().zip(gaps(glyphs)) {
        match out.last_mut() {
            Some(last) if gap == Gap::None => last.text.push_str(&g.text),
            _ => out.push(Tok {
                text: g.text.clone(),
                loc: loc(page, g.x0, g.top()),
            }),
        }
    }
    out
}

/// Two pieces of text one line apart, joined: with a space between two narrow characters (a
/// word or a number wrapped: `12` / `34` stays two numbers), else directly (CJK).
fn join_wrapped(a: &mut String, b: &str) {
    let narrow = a
        .chars()
        .last()
        .is_some_and(|c| !crate::read::norm::is_wide(c) && !c.is_whitespace())
        && b.chars()
            .next()
            .is_some_and(|c| !crate::read::norm::is_wide(c) && !c.is_whitespace());
    if narrow {
        a.push(' ');
    }
    a.push_str(b);
}

/// The text of a cell: its lines joined.
fn cell_text(glyphs: Vec<&Glyph>) -> String {
    let mut out = String::new();
    for line in group_lines(glyphs) {
        let t = line_text(&line);
        join_wrapped(&mut out, t.text.trim());
    }
    out
}

fn loc(page: usize, x: f32, y: f32) -> Location {
    let pt = |v: f32| {
        if v.is_finite() && v > 0.0 {
            v.round() as u32
        } else {
            0
        }
    };
    Location::Page {
        page,
        x: pt(x),
        y: pt(y),
    }
}

/// One item of a page in reading order: a line of text (with its geometry, for page furniture
/// and paragraphs) or a table row.
enum Item {
    Text(TextLine),
    Row(Vec<Tok>),
}

/// The items of one page, top to bottom: table rows and lines of text.
fn page_items(page: &PageContent) -> Vec<(f32, Item)> {
    let tables = tables(&page.segments);
    let mut in_cell: Vec<Vec<Vec<&Glyph>>> = tables
        .iter()
        .map(|t| vec![Vec::new(); t.cells.len()])
        .collect();
    let mut free: Vec<&Glyph> = Vec::new();
    'glyphs: for g in &page.glyphs {
        let c = g.centre();
        for (t, table) in tables.iter().enumerate() {
            if let Some(k) = table.cells.iter().position(|cell| cell.holds(c)) {
                in_cell[t][k].push(g);
                continue 'glyphs;
            }
        }
        free.push(g);
    }
    // Each table row with its band (its top to the next row's) and its cells.
    let mut rows: Vec<(f32, f32, Vec<Tok>)> = Vec::new();
    for (table, glyphs) in tables.iter().zip(in_cell) {
        let bottom = table.cells.iter().map(|c| c.y1).fold(f32::MIN, f32::max);
        let first = rows.len();
        for (r, top) in table.row_tops.iter().enumerate() {
            let next = table.row_tops.get(r + 1).copied().unwrap_or(bottom);
            rows.push((*top, next, Vec::new()));
        }
        for (cell, g) in table.cells.iter().zip(glyphs) {
            rows[first + cell.row].2.push(Tok {
                text: cell_text(g),
                loc: loc(page.number, cell.x0, cell.y0),
            });
        }
    }
    let mut texts: Vec<(f32, Item)> = Vec::new();
    for line in group_lines(free) {
        let t = line_text(&line);
        // A line beside a table row (a part of the table whose rulings were not found: Chromium
        // prints some cells without them) is read with the row, its words and the row's cells
        // in the order they stand on the page. Text of another column at the same height would
        // join the row too; the row is then read only if its tokens are exactly its cells.
        let height = t.bottom - t.top;
        let beside = rows.iter_mut().find(|(top, bottom, cells)| {
            !cells.is_empty() && t.bottom.min(*bottom) - t.top.max(*top) >= 0.5 * height
        });
        if let Some((_, _, cells)) = beside {
            cells.extend(word_toks(page.number, &line));
            continue;
        }
        texts.push((t.top, Item::Text(t)));
    }
    let mut items: Vec<(f32, Item)> = Vec::new();
    let x_of = |t: &Tok| match t.loc {
        Location::Page { x, .. } => x,
        _ => 0,
    };
    for (top, _, mut cells) in rows {
        if !cells.is_empty() {
            cells.sort_by_key(x_of);
            items.push((top, Item::Row(cells)));
        }
    }
    items.extend(texts);
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    items
}

/// Whether a line sits in the page's top or bottom margin band (a fraction of its height).
fn in_margin(line: &TextLine, page: &PageContent, band: f32) -> bool {
    line.bottom <= page.height * band || line.top >= page.height * (1.0 - band)
}

/// The text of a running header or footer, with its digits (page numbers) folded.
fn furniture_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Every page's items, page numbers and running headers and footers dropped.
fn without_furniture(pages: &[PageContent]) -> Vec<(usize, Vec<(f32, Item)>)> {
    let items: Vec<Vec<(f32, Item)>> = pages.iter().map(page_items).collect();
    // Lines in the margin bands that recur on two or more pages.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (page, its) in pages.iter().zip(&items) {
        let mut here = std::collections::HashSet::new();
        for (_, it) in its {
            if let Item::Text(t) = it
                && in_margin(t, page, 0.08)
            {
                here.insert(furniture_key(&t.text));
            }
        }
        for k in here {
            *seen.entry(k).or_default() += 1;
        }
    }
    pages
        .iter()
        .zip(items)
        .map(|(page, its)| {
            let kept = its
                .into_iter()
                .filter(|(_, it)| match it {
                    Item::Text(t) => {
                        let number =
                            crate::read::norm::is_page_number(&t.text) && in_margin(t, page, 0.12);
                        let running = pages.len() > 1
                            && in_margin(t, page, 0.08)
                            && seen.get(&furniture_key(&t.text)).is_some_and(|n| *n > 1);
                        !number && !running
                    }
                    Item::Row(_) => true,
                })
                .collect();
            (page.number, kept)
        })
        .collect()
}

/// The text column: the 10th percentile of where lines start, the 90th of where full lines end,
/// and the median space between consecutive lines of a page.
fn column(pages: &[(usize, Vec<(f32, Item)>)]) -> Column {
    let lines: Vec<&TextLine> = pages
        .iter()
        .flat_map(|(_, its)| its.iter())
        .filter_map(|(_, it)| match it {
            Item::Text(t) if t.text.chars().count() >= 8 => Some(t),
            _ => None,
        })
        .collect();
    let pick = |mut v: Vec<f32>, q: usize| -> f32 {
        v.sort_by(f32::total_cmp);
        v.get((v.len().saturating_sub(1)) * q / 100)
            .copied()
            .unwrap_or(0.0)
    };
    let gaps: Vec<f32> = pages
        .iter()
        .flat_map(|(_, its)| {
            its.windows(2).filter_map(|w| match (&w[0].1, &w[1].1) {
                (Item::Text(a), Item::Text(b)) => Some(b.top - a.bottom),
                _ => None,
            })
        })
        .filter(|g| *g >= 0.0)
        .collect();
    Column {
        left: pick(lines.iter().map(|l| l.x0).collect(), 10),
        right: pick(lines.iter().map(|l| l.x1).collect(), 90),
        leading: pick(gaps, 50),
    }
}

/// The text column: its left and right edges, and the usual space between two lines of a page.
#[derive(Debug, Clone, Copy)]
struct Column {
    left: f32,
    right: f32,
    leading: f32,
}

/// Whether line `b` continues the paragraph of line `a`, which the text column's width wrapped:
/// `a` runs to the right edge (short of it by at most two and a half ems: a line does not begin
/// with `。` or `）`, so the characters before one move down with it), `b` starts at the left edge
/// (a new paragraph is indented), in the same type size, and (on one page) with no more space
/// between them than between the lines of a paragraph (a new paragraph has more, or an indent).
fn continues(a: &TextLine, b: &TextLine, same_page: bool, col: Column) -> bool {
    a.x1 >= col.right - 2.5 * a.size
        && b.x0 <= col.left + 0.5 * b.size
        && (a.size - b.size).abs() <= 0.2 * a.size
        && (!same_page || b.top - a.bottom <= (col.leading + 0.25 * a.size).min(1.5 * a.size))
}

/// The lines of a document, as the shared reader takes them.
pub(super) fn lines(pages: &[PageContent]) -> Vec<Line> {
    let pages = without_furniture(pages);
    let col = column(&pages);
    let mut out: Vec<Line> = Vec::new();
    // The last text line, if it is the last item so far: a paragraph may go on after it.
    let mut open: Option<(usize, TextLine)> = None;
    for (number, items) in pages {
        for (_, item) in items {
            match item {
                Item::Row(cells) => {
                    let text = cells
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" | ");
                    let loc = cells[0].loc;
                    out.push(Line {
                        text,
                        loc,
                        cells: Some(cells),
                    });
                    open = None;
                }
                Item::Text(t) => {
                    if let Some((p, prev)) = &open
                        && continues(prev, &t, *p == number, col)
                        && let Some(last) = out.last_mut()
                    {
                        join_wrapped(&mut last.text, &t.text);
                        open = Some((number, t));
                        continue;
                    }
                    out.push(Line {
                        text: t.text.clone(),
                        loc: loc(number, t.x0, t.top),
                        cells: None,
                    });
                    open = Some((number, t));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(at: f32, from: f32, to: f32) -> Segment {
        Segment {
            horizontal: true,
            at,
            from,
            to,
        }
    }

    fn v(at: f32, from: f32, to: f32) -> Segment {
        Segment {
            horizontal: false,
            at,
            from,
            to,
        }
    }

    /// Glyphs of a string laid out from `x` on a baseline, `w` points a character.
    fn text(s: &str, x: f32, baseline: f32, w: f32) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x0: x + i as f32 * w,
                x1: x + (i as f32 + 1.0) * w,
                baseline,
                size: 10.0,
            })
            .collect()
    }

    #[test]
    fn rulings_make_cells_and_a_missing_ruling_merges_them() {
        // Three columns, two rows; the first column's two slots are one cell (no ruling
        // between them), as a row-spanning label.
        let segs = vec![
            h(0.0, 0.0, 300.0),
            h(20.0, 100.0, 300.0),
            h(40.0, 0.0, 300.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
            v(200.0, 0.0, 40.0),
            v(300.0, 0.0, 40.0),
        ];
        let t = &tables(&segs)[0];
        let boxes: Vec<(usize, usize, f32, f32)> =
            t.cells.iter().map(|c| (c.row, c.col, c.y0, c.y1)).collect();
        assert_eq!(
            boxes,
            [
                (0, 0, 0.0, 40.0),
                (0, 1, 0.0, 20.0),
                (0, 2, 0.0, 20.0),
                (1, 1, 20.0, 40.0),
                (1, 2, 20.0, 40.0)
            ]
        );
    }

    #[test]
    fn a_table_cut_by_a_page_break_is_closed() {
        // No bottom ruling: the verticals run on to the page's clip; the last row is a row.
        let segs = vec![
            h(0.0, 0.0, 200.0),
            h(20.0, 0.0, 200.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
            v(200.0, 0.0, 40.0),
        ];
        let rows: Vec<usize> = tables(&segs)[0].cells.iter().map(|c| c.row).collect();
        assert_eq!(rows, [0, 0, 1, 1]);
        // No side rulings (a 三线表): the horizontals' ends close the sides.
        let segs = vec![
            h(0.0, 0.0, 200.0),
            h(20.0, 0.0, 200.0),
            h(40.0, 0.0, 200.0),
            v(100.0, 0.0, 40.0),
        ];
        assert_eq!(tables(&segs)[0].cells.len(), 4);
    }

    #[test]
    fn a_ruling_drawn_twice_is_one() {
        let segs = vec![
            h(0.0, 0.0, 100.0),
            h(0.6, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            v(0.0, 0.0, 20.0),
            v(50.0, 0.0, 20.0),
            v(50.4, 0.0, 20.0),
            v(100.0, 0.0, 20.0),
        ];
        assert_eq!(tables(&segs)[0].cells.len(), 2);
    }

    /// Values beside a table row, on its line, are read with the row in the order they stand:
    /// `11 3` to the left of two ruled cells `17` and `4`, `1 0` to their right.
    #[test]
    fn a_line_beside_a_table_row_is_read_with_it_in_page_order() {
        let mut glyphs = text("11", 10.0, 15.0, 5.0);
        glyphs.extend(text("3", 40.0, 15.0, 5.0));
        glyphs.extend(text("17", 110.0, 15.0, 5.0));
        glyphs.extend(text("4", 160.0, 15.0, 5.0));
        glyphs.extend(text("1", 220.0, 15.0, 5.0));
        glyphs.extend(text("0", 250.0, 15.0, 5.0));
        let page = PageContent {
            number: 1,
            height: 800.0,
            glyphs,
            segments: vec![
                h(0.0, 100.0, 200.0),
                h(20.0, 100.0, 200.0),
                v(100.0, 0.0, 20.0),
                v(150.0, 0.0, 20.0),
                v(200.0, 0.0, 20.0),
            ],
            images: 0,
            unmapped: 0,
            overflowed: false,
        };
        let items = page_items(&page);
        assert_eq!(items.len(), 1);
        let Item::Row(toks) = &items[0].1 else {
            panic!("not a row");
        };
        let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["11", "3", "17", "4", "1", "0"]);
    }

    #[test]
    fn numbers_a_gap_separates_stay_separate() {
        // `4 0 0` with gaps wider than the digits' own spacing: three values, never 400.
        let mut g = text("4", 0.0, 10.0, 5.0);
        g.extend(text("0", 20.0, 10.0, 5.0));
        g.extend(text("0", 40.0, 10.0, 5.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        assert_eq!(line_text(&refs).text, "4 0 0");
        // Digits set with their own advance widths are one number.
        let g = text("1136", 0.0, 10.0, 5.0);
        let refs: Vec<&Glyph> = g.iter().collect();
        assert_eq!(line_text(&refs).text, "1136");
        // Justified text spaces every glyph alike: still one number.
        let g: Vec<Glyph> = text("2023", 0.0, 10.0, 5.0)
            .into_iter()
            .enumerate()
            .map(|(i, mut g)| {
                g.x0 += i as f32 * 3.0;
                g.x1 += i as f32 * 3.0;
                g
            })
            .collect();
        let refs: Vec<&Glyph> = g.iter().collect();
        assert_eq!(line_text(&refs).text, "2023");
    }

    fn page(number: usize, lines: &[(&str, f32, f32)]) -> PageContent {
        PageContent {
            number,
            height: 842.0,
            glyphs: lines
                .iter()
                .flat_map(|(t, x, y)| text(t, *x, *y, 10.0))
                .collect(),
            ..PageContent::default()
        }
    }

    #[test]
    fn page_numbers_and_running_headers_are_dropped_and_paragraphs_go_on() {
        // Two pages: a running header, a paragraph that runs from the first page to the
        // second, a page number at the foot of each.
        let body = "这是一段很长的正文，它从第一页一直写到第二页";
        let pages = [
            page(
                1,
                &[
                    ("某局政府信息公开工作年度报告", 100.0, 30.0),
                    ("一、总体情况", 100.0, 100.0),
                    (body, 100.0, 780.0),
                    ("-1-", 290.0, 820.0),
                ],
            ),
            page(
                2,
                &[
                    ("某局政府信息公开工作年度报告", 100.0, 30.0),
                    ("写完了。", 100.0, 100.0),
                    ("第2页", 290.0, 820.0),
                ],
            ),
        ];
        let texts: Vec<String> = lines(&pages).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["一、总体情况", format!("{body}写完了。").as_str()]);
    }

    #[test]
    fn a_cell_wrapped_over_lines_is_joined_without_joining_numbers() {
        let mut g = text("（二）部分公开（区分处理的，", 0.0, 10.0, 10.0);
        g.extend(text("只计这一情形）", 0.0, 24.0, 10.0));
        assert_eq!(
            cell_text(g.iter().collect()),
            "（二）部分公开（区分处理的，只计这一情形）"
        );
        let mut g = text("12", 0.0, 10.0, 5.0);
        g.extend(text("34", 0.0, 24.0, 5.0));
        assert_eq!(cell_text(g.iter().collect()), "12 34");
        // A vertical label, one character a line.
        let g: Vec<Glyph> = "三、本年度办理结果"
            .chars()
            .enumerate()
            .flat_map(|(i, c)| text(&c.to_string(), 0.0, 12.0 * (i as f32 + 1.0), 10.0))
            .collect();
        assert_eq!(cell_text(g.iter().collect()), "三、本年度办理结果");
    }
}
