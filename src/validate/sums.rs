//! The sum relations of sections 三 and 四, read from the form declaration and checked
//! generically: a rule added to the declaration is checked without code here.

use super::{Draft, Observed, Sink};
use crate::cell::Cell;
use crate::form::{Relation, TableDecl};
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
struct Instance<R, C> {
    code: &'static str,
    left: Vec<(R, C)>,
    right: Vec<(R, C)>,
    /// The label of the column or row the instance runs along.
    along: String,
    /// Whether the relation runs down a column (else along a row).
    per_column: bool,
}

fn instances<R: Copy + PartialEq, C: Copy + PartialEq>(
    decl: &TableDecl<R, C>,
) -> Vec<Instance<R, C>> {
    let mut out = Vec::new();
    for rel in decl.relations {
        match *rel {
            Relation::PerColumn {
                code, left, right, ..
            } => {
                let Some(block) = left.first().and_then(|r| decl.block_of(*r)) else {
                    continue;
                };
                for col in block.columns {
                    out.push(Instance {
                        code,
                        left: left.iter().map(|r| (*r, col.id)).collect(),
                        right: right.iter().map(|r| (*r, col.id)).collect(),
                        along: col.label.to_owned(),
                        per_column: true,
                    });
                }
            }
            Relation::PerRow {
                code, left, right, ..
            } => {
                for block in decl.blocks {
                    if !left
                        .iter()
                        .all(|c| block.columns.iter().any(|bc| bc.id == *c))
                    {
                        continue;
                    }
                    for row in block.rows {
                        out.push(Instance {
                            code,
                            left: left.iter().map(|c| (row.id, *c)).collect(),
                            right: right.iter().map(|c| (row.id, *c)).collect(),
                            along: row.label(),
                            per_column: false,
                        });
                    }
                }
            }
        }
    }
    out
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
    cells: &[(R, C)],
    per_column: bool,
) -> String {
    if cells.len() > 4 {
        return format!("{}项之和", cells.len());
    }
    let names: Vec<String> = cells
        .iter()
        .filter_map(|(r, c)| {
            let cell = decl.cell(*r, *c)?;
            Some(if per_column {
                cell.row.label()
            } else {
                cell.column.label.to_owned()
            })
        })
        .collect();
    names.join(" + ")
}

fn check<T, R, C>(decl: &TableDecl<R, C>, table: &T, sink: &mut Sink)
where
    T: TableData<Row = R, Column = C>,
    R: Copy + PartialEq + 'static,
    C: Copy + PartialEq + 'static,
{
    let pointer = |(r, c): (R, C)| decl.pointer(r, c).unwrap_or_default();
    let instances = instances(decl);

    // Pass 1: a blank total whose parts are all present is derived, not read as zero, so that the
    // other relations it takes part in can still be checked.
    let mut derived: Vec<((R, C), u128)> = Vec::new();
    for inst in &instances {
        let [total] = inst.left[..] else { continue };
        if read(table, total.0, total.1) != Val::Missing || derived.iter().any(|(k, _)| *k == total)
        {
            continue;
        }
        if let Some(s) = sum(inst.right.iter().map(|(r, c)| read(table, *r, *c))) {
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
                        describe(decl, &inst.right, inst.per_column)
                    ),
                    format!(
                        "{ptr} is blank; derived as {s} from its parts to check the other sums."
                    ),
                )
                .cells(inst.right.iter().map(|c| pointer(*c)).collect()),
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
    for inst in &instances {
        let left = sum(inst.left.iter().map(|c| value(*c)));
        let right = sum(inst.right.iter().map(|c| value(*c)));
        let (Some(l), Some(r)) = (left, right) else {
            for cell in inst.left.iter().chain(&inst.right) {
                if value(*cell) == Val::Missing {
                    match blocked.iter_mut().find(|(k, _)| k == cell) {
                        Some((_, codes)) => {
                            if !codes.contains(&inst.code) {
                                codes.push(inst.code);
                            }
                        }
                        None => blocked.push((*cell, vec![inst.code])),
                    }
                }
            }
            continue;
        };
        if l == r {
            continue;
        }
        let pc = inst.per_column;
        let l_desc = describe(decl, &inst.left, pc);
        let r_desc = describe(decl, &inst.right, pc);
        let diff = i128::try_from(l).unwrap_or(i128::MAX) - i128::try_from(r).unwrap_or(i128::MAX);
        let axis_zh = if pc { "列" } else { "行" };
        let axis_en = if pc { "column" } else { "row" };
        let cells: Vec<String> = inst
            .left
            .iter()
            .chain(&inst.right)
            .map(|c| pointer(*c))
            .collect();
        sink.push(
            Draft::new(
                inst.code,
                pointer(inst.left[0]),
                format!(
                    "“{}”{axis_zh}：{l_desc} = {l}，而{r_desc} = {r}，两者应相等（相差 {diff}）。",
                    inst.along
                ),
                format!(
                    "{axis_en} “{}”: {l_desc} = {l}, but {r_desc} = {r}; they must be equal (difference {diff}).",
                    inst.along
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
