//! The sum relations of sections 三 and 四, read from the form declaration and checked
//! generically: a rule added to the declaration is checked without code here.

use super::{Draft, Observed, Sink};
use crate::cell::Cell;
use std::sync::OnceLock;

use crate::form::{self, ColumnDecl, Edition, Relation, RowDecl, TableDecl};
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

/// The value of a cell for a sum: `None` for a blank or not-applicable cell, which keeps the
/// sum from being checked.
type Val = Option<u64>;

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

fn value_of(cell: Option<CellRef<'_>>) -> Val {
    match cell {
        Some(CellRef::Count(Cell::Value(v))) => Some(*v),
        Some(CellRef::Delta(Cell::Value(v))) if *v >= 0 => Some(v.unsigned_abs()),
        _ => None,
    }
}

fn sum(vals: impl Iterator<Item = Val>) -> Option<u128> {
    let mut total: u128 = 0;
    for v in vals {
        match v {
            Some(n) => total = total.checked_add(u128::from(n))?,
            None => return None,
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

/// A relation instance over dense cell indices: a cell's index is its position in the table's
/// official order (`TableDecl::cells`).
struct PlanInst {
    code: &'static str,
    left: Vec<u16>,
    right: Vec<u16>,
}

/// The relations of one table as index lists, computed once per table declaration, so that
/// checking a report is a pass over an array of values.
struct Plan {
    cells: usize,
    insts: Vec<PlanInst>,
}

fn build<R: Copy + PartialEq + 'static, C: Copy + PartialEq + 'static>(
    decl: &'static TableDecl<R, C>,
) -> Plan {
    let order: Vec<(R, C)> = decl.cells().map(|c| (c.row.id, c.column.id)).collect();
    let index = |cell: (R, C)| -> u16 {
        let i = order.iter().position(|x| *x == cell).unwrap_or(0);
        u16::try_from(i).unwrap_or(u16::MAX)
    };
    Plan {
        cells: order.len(),
        insts: instances(decl)
            .map(|inst| PlanInst {
                code: inst.code(),
                left: inst.left().cells().map(index).collect(),
                right: inst.right().cells().map(index).collect(),
            })
            .collect(),
    }
}

fn address<T>(r: &'static T) -> usize {
    std::ptr::from_ref(r) as usize
}

/// The plans of the form's tables with relations (section 三 of each edition, section 四).
fn plans() -> &'static [(usize, Plan)] {
    static PLANS: OnceLock<Vec<(usize, Plan)>> = OnceLock::new();
    PLANS.get_or_init(|| {
        let a = form::form(Edition::Trial2019);
        let b = form::form(Edition::Format2021);
        let mut v = vec![
            (address(a.requests), build(a.requests)),
            (address(b.requests), build(b.requests)),
            (address(a.review), build(a.review)),
        ];
        if address(b.review) != address(a.review) {
            v.push((address(b.review), build(b.review)));
        }
        v
    })
}

fn check<T, R, C>(decl: &'static TableDecl<R, C>, table: &T, sink: &mut Sink)
where
    T: TableData<Row = R, Column = C>,
    R: Copy + PartialEq + 'static,
    C: Copy + PartialEq + 'static,
{
    let built;
    let plan = match plans().iter().find(|(a, _)| *a == address(decl)) {
        Some((_, p)) => p,
        None => {
            built = build(decl);
            &built
        }
    };
    // The values, in official order.
    // On the stack for the form's tables (175 cells at most); on the heap for anything larger.
    const STACK: usize = 192;
    let mut stack: [Val; STACK] = [None; STACK];
    let mut heap: Vec<Val>;
    let vals: &mut [Val] = if plan.cells <= STACK {
        &mut stack[..plan.cells]
    } else {
        heap = vec![None; plan.cells];
        &mut heap
    };
    let mut n = 0;
    // The column ids of a block, without allocating (the form's blocks have at most 7 columns).
    let Some(first) = decl.blocks.first().and_then(|b| b.columns.first()) else {
        return;
    };
    let mut ids: [C; 16] = [first.id; 16];
    for block in decl.blocks {
        let k = block.columns.len().min(ids.len());
        for (slot, c) in ids.iter_mut().zip(block.columns) {
            *slot = c.id;
        }
        for row in block.rows {
            table.row_cells(row.id, &ids[..k], |c| {
                if let Some(v) = vals.get_mut(n) {
                    *v = value_of(c);
                }
                n += 1;
            });
        }
    }
    let vals = &mut *vals;
    let cell_at = |i: u16| -> (R, C) {
        decl.cells()
            .nth(usize::from(i))
            .map(|c| (c.row.id, c.column.id))
            .unwrap_or_else(|| unreachable!("cell index {i} outside the table"))
    };
    let pointer = |i: u16| {
        let (r, c) = cell_at(i);
        decl.pointer(r, c).unwrap_or_default()
    };
    let total = |idx: &[u16], vals: &[Val]| -> Option<u128> {
        sum(idx.iter().map(|i| vals[usize::from(*i)]))
    };

    // Pass 1: a blank total whose parts are all present is derived, not read as zero, so that the
    // other relations it takes part in can still be checked.
    for (k, inst) in plan.insts.iter().enumerate() {
        let [t] = inst.left[..] else { continue };
        if vals[usize::from(t)].is_some() {
            continue;
        }
        let Some(s) = total(&inst.right, vals) else {
            continue;
        };
        // A derived total beyond u64 stays blank (and its sums unchecked).
        vals[usize::from(t)] = u64::try_from(s).ok();
        let Some(gi) = instances(decl).nth(k) else {
            continue;
        };
        let (r, c) = cell_at(t);
        let ptr = pointer(t);
        sink.push(
            Draft::new(
                "sum.derived_total",
                ptr.clone(),
                format!(
                    "{}为空，按{}推算为 {s}。",
                    decl.cell(r, c)
                        .map(|c| format!("“{}”“{}”", c.row.label(), c.column.label))
                        .unwrap_or_default(),
                    describe(decl, gi.right(), gi.per_column())
                ),
                format!("{ptr} is blank; derived as {s} from its parts to check the other sums."),
            )
            .cells(inst.right.iter().map(|i| pointer(*i)).collect()),
        );
    }

    // Pass 2: check every instance; remember which blank cells kept which rules unchecked.
    let mut blocked: Vec<(u16, Vec<&'static str>)> = Vec::new();
    for (k, inst) in plan.insts.iter().enumerate() {
        let (Some(l), Some(r)) = (total(&inst.left, vals), total(&inst.right, vals)) else {
            for i in inst.left.iter().chain(&inst.right) {
                if vals[usize::from(*i)].is_none() {
                    match blocked.iter_mut().find(|(b, _)| b == i) {
                        Some((_, codes)) => {
                            if !codes.contains(&inst.code) {
                                codes.push(inst.code);
                            }
                        }
                        None => blocked.push((*i, vec![inst.code])),
                    }
                }
            }
            continue;
        };
        if l == r {
            continue;
        }
        let Some(gi) = instances(decl).nth(k) else {
            continue;
        };
        let pc = gi.per_column();
        let l_desc = describe(decl, gi.left(), pc);
        let r_desc = describe(decl, gi.right(), pc);
        let diff = i128::try_from(l).unwrap_or(i128::MAX) - i128::try_from(r).unwrap_or(i128::MAX);
        let axis_zh = if pc { "列" } else { "行" };
        let axis_en = if pc { "column" } else { "row" };
        let along = gi.along();
        let cells: Vec<String> = inst
            .left
            .iter()
            .chain(&inst.right)
            .map(|i| pointer(*i))
            .collect();
        sink.push(
            Draft::new(
                inst.code,
                pointer(inst.left[0]),
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

    // One info per blank cell, in official order, not one per rule it blocked.
    blocked.sort_by_key(|(i, _)| *i);
    for (i, codes) in blocked {
        let (r, c) = cell_at(i);
        let Some(decl_cell) = decl.cell(r, c) else {
            continue;
        };
        let what = match table.cell(r, c) {
            Some(CellRef::Count(Cell::NotApplicable)) => {
                ("标为不适用（/）", "marked not applicable")
            }
            _ => ("为空", "blank"),
        };
        let ptr = pointer(i);
        sink.push(
            Draft::new(
                "sum.unchecked",
                ptr.clone(),
                format!(
                    "“{}”“{}”{}，以下合计无法核对：{}。空白不按 0 处理。",
                    decl_cell.row.label(),
                    decl_cell.column.label,
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
