//! The official layout of each table as a grid of cells with their spans, built from the form
//! declaration. The text, Markdown and HTML writers all render this one grid.

use crate::form::{CellId, CellKind, TableDecl};
use crate::report::{CellRef, Report, Slot};

/// What a grid cell is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A header: a block title, a column label, a group label, the corner note.
    Header,
    /// A row label or a row-spanning group label.
    Label,
    /// A value cell, with the JSON Pointer of the cell it shows.
    Value(String),
    /// An empty cell that only fills the grid (a two-column block in a four-column table).
    Padding,
}

/// One cell of the grid, placed where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// The text shown.
    pub text: String,
    /// Rows it spans.
    pub rowspan: usize,
    /// Columns it spans.
    pub colspan: usize,
    /// What it is.
    pub role: Role,
}

impl GridCell {
    fn new(text: impl Into<String>, rowspan: usize, colspan: usize, role: Role) -> Self {
        GridCell {
            text: text.into(),
            rowspan,
            colspan,
            role,
        }
    }

    fn header(text: impl Into<String>, rowspan: usize, colspan: usize) -> Self {
        Self::new(text, rowspan, colspan, Role::Header)
    }
}

/// A table laid out as published: rows of cells with spans.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// Columns in the grid.
    pub width: usize,
    /// Rows, each with the cells that start in it.
    pub rows: Vec<Vec<GridCell>>,
}

/// The text of a value cell as a report prints it: `26`, `+6`, `2626294.00元`, `/`, or nothing
/// for a blank. A money unit the column header already states is not repeated (`12.50` under
/// `本年收费金额（单位：万元）`).
pub fn value_text(cell: CellRef<'_>, kind: CellKind) -> String {
    if let (CellRef::Money(crate::Cell::Value(m)), CellKind::Money(Some(header))) = (cell, kind)
        && m.unit == Some(header)
    {
        return m.amount.to_string();
    }
    cell.display()
}

/// Build the grid of one table of a report (whose table is filled in).
pub fn grid<R, C>(report: &Report, decl: &TableDecl<R, C>, id: impl Fn(R, C) -> CellId) -> Grid
where
    R: Copy + PartialEq + 'static,
    C: Copy + PartialEq + 'static,
{
    let value = |r: R, c: C, kind: CellKind| -> GridCell {
        let cell_id = id(r, c);
        let pointer = report
            .form()
            .cell(cell_id)
            .map(|fc| fc.pointer())
            .unwrap_or_default();
        let text = match report.slot(cell_id) {
            Some(Slot::Cell(cell)) => value_text(cell, kind),
            _ => String::new(),
        };
        GridCell::new(text, 1, 1, Role::Value(pointer))
    };
    if decl.rows_are_column_groups {
        return column_group_grid(decl, value);
    }
    if decl.blocks.len() > 1 || decl.blocks.iter().any(|b| b.title.is_some()) {
        return block_grid(decl, value);
    }
    applicant_grid(decl, value)
}

/// Section 二: blocks stacked in a table as wide as the widest block; a one-column block's value
/// spans the width, a narrower block is padded.
fn block_grid<R: Copy, C: Copy>(
    decl: &TableDecl<R, C>,
    value: impl Fn(R, C, CellKind) -> GridCell,
) -> Grid {
    let widest = decl
        .blocks
        .iter()
        .map(|b| b.columns.len())
        .max()
        .unwrap_or(1);
    let width = 1 + widest;
    let mut rows = Vec::new();
    for block in decl.blocks {
        if let Some(t) = block.title {
            rows.push(vec![GridCell::header(t, 1, width)]);
        }
        let span = if block.columns.len() == 1 { widest } else { 1 };
        let pad = |row: &mut Vec<GridCell>, role: Role| {
            if span == 1 {
                for _ in block.columns.len()..widest {
                    row.push(GridCell::new("", 1, 1, role.clone()));
                }
            }
        };
        let mut head = vec![GridCell::header(block.stub.unwrap_or(""), 1, 1)];
        for c in block.columns {
            head.push(GridCell::header(c.label, 1, span));
        }
        pad(&mut head, Role::Padding);
        rows.push(head);
        for r in block.rows {
            let mut row = vec![GridCell::new(r.label(), 1, 1, Role::Label)];
            for c in block.columns {
                let mut v = value(r.id, c.id, c.kind);
                v.colspan = span;
                row.push(v);
            }
            pad(&mut row, Role::Padding);
            rows.push(row);
        }
    }
    Grid { width, rows }
}

/// Section 三: a corner note over the row-label columns, the column header, grouped column
/// labels, and rows under row-spanning group labels.
fn applicant_grid<R: Copy, C: Copy>(
    decl: &TableDecl<R, C>,
    value: impl Fn(R, C, CellKind) -> GridCell,
) -> Grid {
    let Some(block) = decl.blocks.first() else {
        return Grid::default();
    };
    let depth = block.rows.iter().map(|r| r.groups.len()).max().unwrap_or(0);
    let label_cols = depth + 1;
    let n = block.columns.len();
    let grouped = block.columns.iter().any(|c| c.group.is_some());
    let header_rows = usize::from(decl.column_header.is_some()) + 1 + usize::from(grouped);
    let mut rows: Vec<Vec<GridCell>> = vec![Vec::new(); header_rows];
    rows[0].push(GridCell::header(
        decl.corner_note.unwrap_or(""),
        header_rows,
        label_cols,
    ));
    let mut h = 0;
    if let Some(ch) = decl.column_header {
        rows[0].push(GridCell::header(ch, 1, n));
        h = 1;
    }
    let mut i = 0;
    while i < n {
        let c = &block.columns[i];
        match c.group {
            None => rows[h].push(GridCell::header(c.label, 1 + usize::from(grouped), 1)),
            Some(g) => {
                let k = block.columns[i..]
                    .iter()
                    .take_while(|x| x.group == Some(g))
                    .count();
                rows[h].push(GridCell::header(g, 1, k));
                for x in &block.columns[i..i + k] {
                    rows[h + 1].push(GridCell::header(x.label, 1, 1));
                }
                i += k;
                continue;
            }
        }
        i += 1;
    }
    for (k, r) in block.rows.iter().enumerate() {
        let mut row = Vec::new();
        // A group label starts at the first row under it and spans all of them.
        for (level, g) in r.groups.iter().enumerate() {
            let first = k == 0 || block.rows[k - 1].groups.get(level) != Some(g);
            if first {
                let span = block.rows[k..]
                    .iter()
                    .take_while(|x| x.groups.get(level) == Some(g))
                    .count();
                row.push(GridCell::new(g.label(), span, 1, Role::Label));
            }
        }
        row.push(GridCell::new(
            r.label(),
            1,
            label_cols - r.groups.len(),
            Role::Label,
        ));
        for c in block.columns {
            row.push(value(r.id, c.id, c.kind));
        }
        rows.push(row);
    }
    Grid {
        width: label_cols + n,
        rows,
    }
}

/// Section 四: each model row is a group of columns side by side, under the group label it
/// belongs to (行政诉讼), with one data row of every value.
fn column_group_grid<R: Copy, C: Copy>(
    decl: &TableDecl<R, C>,
    value: impl Fn(R, C, CellKind) -> GridCell,
) -> Grid {
    let Some(block) = decl.blocks.first() else {
        return Grid::default();
    };
    let n = block.columns.len();
    let mut top = Vec::new();
    let mut mid = Vec::new();
    let mut low = Vec::new();
    let mut data = Vec::new();
    let mut k = 0;
    while k < block.rows.len() {
        let r = &block.rows[k];
        match r.groups.first() {
            None => {
                top.push(GridCell::header(r.name, 1, n));
                for c in block.columns {
                    mid.push(GridCell::header(c.label, 2, 1));
                    data.push(value(r.id, c.id, c.kind));
                }
                k += 1;
            }
            Some(g) => {
                let members: Vec<_> = block.rows[k..]
                    .iter()
                    .take_while(|x| x.groups.first() == Some(g))
                    .collect();
                top.push(GridCell::header(g.label(), 1, n * members.len()));
                for m in &members {
                    mid.push(GridCell::header(m.name, 1, n));
                    for c in block.columns {
                        low.push(GridCell::header(c.label, 1, 1));
                        data.push(value(m.id, c.id, c.kind));
                    }
                }
                k += members.len();
            }
        }
    }
    Grid {
        width: n * block.rows.len(),
        rows: vec![top, mid, low, data],
    }
}
