//! The sum relations of sections 三 and 四, read from the form declaration and checked
//! generically: a rule added to the declaration is checked without code here.

use super::{Draft, Observed, Sink};
use crate::cell::Cell;
use crate::form::{ColumnDecl, Relation, RowDecl, TableDecl};
use crate::report::{CellRef, Report, TableData, TableState};
use crate::with_report;

pub(super) fn tables(report: &Report, sink: &mut Sink) {
    let form = report.form();
    with_report!(report, r => {
        if let Some(TableState::Filled(t)) = &r.requests {
            check(form.requests, t, sink);
        }
        if let Some(TableState::Filled(t)) = &r.review {
            check(form.review, t, sink);
        }
    });
}

/// The value of a cell for a sum.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Val {
    Num(u128),
    /// Blank or not applicable: the sum cannot be checked.
    Missing,
}

/// One instance of a relation: a column of a per-column relation, a row of a per-row one.
/// Borrowed from the static declaration: building the instances allocates nothing.
#[derive(Clone, Copy)]
enum Instance<R: 'static, C: 'static> {
    /// Down one column: rows `left` against rows `right`.
    Down {
        code: &'static str,
        left: &'static [R],
        right: &'static [R],
        col: &'static ColumnDecl<C>,
    },
    /// Along one row: columns `left` against columns `right`.
    Along {
        code: &'static str,
        left: &'static [C],
        right: &'static [C],
        row: &'static RowDecl<R>,
    },
}

impl<R: Copy, C: Copy> Instance<R, C> {
    fn code(&self) -> &'static str {
        match self {
            Instance::Down { code, .. } | Instance::Along { code, .. } => code,
        }
    }

    fn per_column(&self) -> bool {
        matches!(self, Instance::Down { .. })
    }

    fn left(&self) -> Side<R, C> {
        match *self {
            Instance::Down { left, col, .. } => Side::Rows(left, col.id),
            Instance::Along { left, row, .. } => Side::Cols(row.id, left),
        }
    }

    fn right(&self) -> Side<R, C> {
        match *self {
            Instance::Down { right, col, .. } => Side::Rows(right, col.id),
            Instance::Along { right, row, .. } => Side::Cols(row.id, right),
        }
    }

    /// The label of the column or row the instance runs along.
    fn along(&self) -> String {
        match self {
            Instance::Down { col, .. } => col.label.to_owned(),
            Instance::Along { row, .. } => row.label(),
        }
    }
}

/// One side of an instance: some rows of one column, or some columns of one row.
#[derive(Clone, Copy)]
enum Side<R: 'static, C: 'static> {
    Rows(&'static [R], C),
    Cols(R, &'static [C]),
}

impl<R: Copy, C: Copy> Side<R, C> {
    fn len(&self) -> usize {
        match self {
            Side::Rows(rs, _) => rs.len(),
            Side::Cols(_, cs) => cs.len(),
        }
    }

    fn get(&self, i: usize) -> (R, C) {
        match *self {
            Side::Rows(rs, c) => (rs[i], c),
            Side::Cols(r, cs) => (r, cs[i]),
        }
    }

    fn cells(self) -> impl Iterator<Item = (R, C)> {
        (0..self.len()).map(move |i| self.get(i))
    }
}

fn instances<R: Copy + PartialEq, C: Copy + PartialEq>(
    decl: &'static TableDecl<R, C>,
) -> impl Iterator<Item = Instance<R, C>> {
    decl.relations.iter().flat_map(move |rel| {
        let v: Box<dyn Iterator<Item = Instance<R, C>>> = match *rel {
            Relation::PerColumn {
                code, left, right, ..
            } => match left.first().and_then(|r| decl.block_of(*r)) {
                Some(block) => Box::new(block.columns.iter().map(move |col| Instance::Down {
                    code,
                    left,
                    right,
                    col,
                })),
                None => Box::new(std::iter::empty()),
            },
            Relation::PerRow {
                code, left, right, ..
            } => Box::new(
                decl.blocks
                    .iter()
                    .filter(move |b| left.iter().all(|c| b.columns.iter().any(|bc| bc.id == *c)))
                    .flat_map(|b| b.rows.iter())
                    .map(move |row| Instance::Along {
                        code,
                        left,
                        right,
                        row,
                    }),
            ),
        };
        v
    })
}

fn read<T: TableData>(t: &T, r: T::Row, c: T::Column) -> Val {
    match t.cell(r, c) {
        Some(CellRef::Count(Cell::Value(v))) => Val::Num(u128::from(*v)),
        Some(CellRef::Delta(Cell::Value(v))) if *v >= 0 => Val::Num(v.unsigned_abs().into()),
        _ => Val::Missing,
    }
}

fn sum(vals: impl Iterator<Item = Val>) -> Option<u128> {
    let mut total: u128 = 0;
    for v in vals {
        match v {
            Val::Num(n) => total = total.checked_add(n)?,
            Val::Missing => return None,
        }
    }
    Some(total)
}

fn describe<R: Copy + PartialEq, C: Copy + PartialEq>(
    decl: &TableDecl<R, C>,
    side: Side<R, C>,
    per_column: bool,
) -> String {
    if side.len() > 4 {
        return format!("{}项之和", side.len());
    }
    let names: Vec<String> = side
        .cells()
        .filter_map(|(r, c)| {
            let cell = decl.cell(r, c)?;
            Some(if per_column {
                cell.row.label()
            } else {
                cell.column.label.to_owned()
            })
        })
        .collect();
    names.join(" + ")
}

fn check<T, R, C>(decl: &'static TableDecl<R, C>, table: &T, sink: &mut Sink)
where
    T: TableData<Row = R, Column = C>,
    R: Copy + PartialEq + 'static,
    C: Copy + PartialEq + 'static,
{
    let pointer = |(r, c): (R, C)| decl.pointer(r, c).unwrap_or_default();

    // Pass 1: a blank total whose parts are all present is derived, not read as zero, so that the
    // other relations it takes part in can still be checked.
    let mut derived: Vec<((R, C), u128)> = Vec::new();
    for inst in instances(decl) {
        let left = inst.left();
        if left.len() != 1 {
            continue;
        }
        let total = left.get(0);
        if read(table, total.0, total.1) != Val::Missing || derived.iter().any(|(k, _)| *k == total)
        {
            continue;
        }
        if let Some(s) = sum(inst.right().cells().map(|(r, c)| read(table, r, c))) {
            derived.push((total, s));
            let ptr = pointer(total);
            sink.push(
                Draft::new(
                    "sum.derived_total",
                    ptr.clone(),
                    format!(
                        "{}为空，按{}推算为 {s}。",
                        decl.cell(total.0, total.1)
                            .map(|c| format!("“{}”“{}”", c.row.label(), c.column.label))
                            .unwrap_or_default(),
                        describe(decl, inst.right(), inst.per_column())
                    ),
                    format!(
                        "{ptr} is blank; derived as {s} from its parts to check the other sums."
                    ),
                )
                .cells(inst.right().cells().map(pointer).collect()),
            );
        }
    }
    let value = |cell: (R, C)| -> Val {
        match read(table, cell.0, cell.1) {
            Val::Missing => derived
                .iter()
                .find(|(k, _)| *k == cell)
                .map_or(Val::Missing, |(_, v)| Val::Num(*v)),
            v => v,
        }
    };

    // Pass 2: check every instance; remember which blank cells kept which rules unchecked.
    let mut blocked: Vec<((R, C), Vec<&'static str>)> = Vec::new();
    for inst in instances(decl) {
        let left = sum(inst.left().cells().map(value));
        let right = sum(inst.right().cells().map(value));
        let (Some(l), Some(r)) = (left, right) else {
            for cell in inst.left().cells().chain(inst.right().cells()) {
                if value(cell) == Val::Missing {
                    match blocked.iter_mut().find(|(k, _)| *k == cell) {
                        Some((_, codes)) => {
                            if !codes.contains(&inst.code()) {
                                codes.push(inst.code());
                            }
                        }
                        None => blocked.push((cell, vec![inst.code()])),
                    }
                }
            }
            continue;
        };
        if l == r {
            continue;
        }
        let pc = inst.per_column();
        let l_desc = describe(decl, inst.left(), pc);
        let r_desc = describe(decl, inst.right(), pc);
        let diff = i128::try_from(l).unwrap_or(i128::MAX) - i128::try_from(r).unwrap_or(i128::MAX);
        let axis_zh = if pc { "列" } else { "行" };
        let axis_en = if pc { "column" } else { "row" };
        let along = inst.along();
        let cells: Vec<String> = inst
            .left()
            .cells()
            .chain(inst.right().cells())
            .map(pointer)
            .collect();
        sink.push(
            Draft::new(
                inst.code(),
                pointer(inst.left().get(0)),
                format!(
                    "“{along}”{axis_zh}：{l_desc} = {l}，而{r_desc} = {r}，两者应相等（相差 {diff}）。"
                ),
                format!(
                    "{axis_en} “{along}”: {l_desc} = {l}, but {r_desc} = {r}; they must be equal (difference {diff})."
                ),
            )
            .cells(cells)
            .values(
                Observed::Integer(i128::try_from(r).unwrap_or(i128::MAX)),
                Observed::Integer(i128::try_from(l).unwrap_or(i128::MAX)),
            ),
        );
    }
    if blocked.is_empty() {
        return;
    }

    // One info per blank cell, in official order, not one per rule it blocked.
    for c in decl.cells() {
        let key = (c.row.id, c.column.id);
        if let Some((_, codes)) = blocked.iter().find(|(k, _)| *k == key) {
            let what = match table.cell(key.0, key.1) {
                Some(CellRef::Count(Cell::NotApplicable)) => {
                    ("标为不适用（/）", "marked not applicable")
                }
                _ => ("为空", "blank"),
            };
            let ptr = pointer(key);
            sink.push(
                Draft::new(
                    "sum.unchecked",
                    ptr.clone(),
                    format!(
                        "“{}”“{}”{}，以下合计无法核对：{}。空白不按 0 处理。",
                        c.row.label(),
                        c.column.label,
                        what.0,
                        codes.join("、")
                    ),
                    format!(
                        "{ptr} is {}; these sums could not be checked: {}. A blank is not read as 0.",
                        what.1,
                        codes.join(", ")
                    ),
                )
                .cells(vec![ptr.clone()]),
            );
        }
    }
}
