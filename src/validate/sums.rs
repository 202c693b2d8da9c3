//! The sum relations of the tables, read from the form declaration and checked generically: a
//! relation added to the declaration (of any edition) is checked without code here.
//!
//! Each table's relations are compiled once per edition into a [`Plan`] over the cells' positions
//! in official order, with the labels its findings need. A report's table is read cell by cell
//! (in the order the declaration lists them) into an array of numbers and bit sets of the cells
//! that have none. A table with no blank cell and numbers below 2^47 (every published one) is
//! checked as a grid where it is one: the rows of each per-column relation added a row at a time,
//! the columns of each per-row relation along its row. Anything else — blanks, derived totals,
//! numbers large enough for a sum to need more than 64 bits — takes the cell-by-cell path in
//! `u128`. Both give the same findings (the `tests` module compares them).

use std::sync::OnceLock;

use super::{Draft, Observed, Sink};
use crate::cell::Cell;
use crate::cell::Count;
use crate::form::{Edition, Relation, TableDecl, TableId};
use crate::report::{Report, Tables};

/// Checks the relations of every table of the report that is filled in.
pub(super) fn tables(report: &Report, sink: &mut Sink) {
    let mut blank_totals = Vec::new();
    for table in [TableId::Proactive, TableId::Requests, TableId::Review] {
        let plan = plan(report.edition(), table);
        if !plan.insts.is_empty() {
            check(plan, &report.tables, table, sink, true, &mut blank_totals);
        }
    }
    blank_cells(report, &blank_totals, sink);
}

/// `table.blank_cells`: one warning per filled table with blank cells, listing them (a blank
/// total already reported by `sum.blank_total` is not listed again). Cells not read are not the
/// report's fault and are not listed.
fn blank_cells(report: &Report, blank_totals: &[String], sink: &mut Sink) {
    use crate::form::SectionId;
    let form = report.form();
    for (table, section) in [
        (TableId::Proactive, SectionId::Proactive),
        (TableId::Requests, SectionId::Requests),
        (TableId::Review, SectionId::Review),
    ] {
        let (mut cells, mut with_value) = (0usize, 0usize);
        let mut blank: Vec<usize> = Vec::new();
        let filled = report.tables.for_each_cell(table, |c| {
            if c.is_blank() {
                blank.push(cells);
            } else if c.is_value() {
                with_value += 1;
            }
            cells += 1;
        });
        if !filled || blank.is_empty() {
            continue;
        }
        let pointers: Vec<String> = match table {
            TableId::Proactive => pointers_at(form.proactive, &blank),
            TableId::Requests => pointers_at(form.requests, &blank),
            TableId::Review => pointers_at(form.review, &blank),
        };
        let listed: Vec<String> = pointers
            .into_iter()
            .filter(|p| !blank_totals.contains(p))
            .collect();
        if listed.is_empty() {
            continue;
        }
        let title = form.section(section).heading();
        let n = listed.len();
        let (zh, en) = if with_value == 0 && blank.len() == cells {
            (
                format!("{title}的 {cells} 个单元格全部为空：表格未填写（没有发生的事项应填 0）。"),
                format!(
                    "{title}: all {cells} cells are blank; the table was not filled in (the form asks for 0 where nothing happened)."
                ),
            )
        } else {
            let shown = if n > 12 {
                format!("{} …", listed[..12].join(", "))
            } else {
                listed.join(", ")
            };
            (
                format!(
                    "{title}有 {n} 个单元格为空：{shown}。空白不是 0（没有发生的事项应填 0），含这些单元格的合计无法核对。"
                ),
                format!(
                    "{title}: {n} blank {}: {shown}. A blank is not 0 (the form asks for 0 where nothing happened); the sums {} in could not be checked.",
                    if n == 1 { "cell" } else { "cells" },
                    if n == 1 { "it is" } else { "they are" }
                ),
            )
        };
        let key = match table {
            TableId::Proactive => form.proactive.key,
            TableId::Requests => form.requests.key,
            TableId::Review => form.review.key,
        };
        sink.push(Draft::new("table.blank_cells", format!("/{key}"), zh, en).cells(listed));
    }
}

/// The JSON Pointers of the cells at these positions of a table's official order.
fn pointers_at<R: Copy + PartialEq + 'static, C: Copy + PartialEq + 'static>(
    t: &TableDecl<R, C>,
    at: &[usize],
) -> Vec<String> {
    t.cells()
        .enumerate()
        .filter(|(i, _)| at.contains(i))
        .filter_map(|(_, c)| t.pointer(c.row.id, c.column.id))
        .collect()
}

/// The value of a cell for a sum: `None` for a blank or not-applicable cell, which keeps the
/// sum from being checked.
type Val = Option<u64>;

/// The largest table checked with its values on the stack (the form's largest has 182 cells);
/// a larger one is checked with them on the heap, up to [`HEAP`] cells.
const STACK: usize = 192;

/// The most cells a table may have to be checked at all.
const HEAP: usize = 1 << 16;

/// A table's values in official order: the numbers, and bit sets of the cells that have none
/// (blank or not applicable) and of those marked not applicable, so that a relation's cells are
/// tested for blanks a word at a time: `N` cells at most, in `W` = `N` / 64 words.
struct Values<const N: usize, const W: usize> {
    num: [u64; N],
    none: [u64; W],
    not_applicable: [u64; W],
    /// The cells the report shows blank (not those that were not read).
    blank: [u64; W],
    /// The bitwise or of every number put: a bound on the largest.
    any: u64,
    /// Whether a cell without a value was put.
    missing: bool,
}

impl<const N: usize, const W: usize> Values<N, W> {
    fn new() -> Self {
        Values {
            num: [0; N],
            none: [0; W],
            not_applicable: [0; W],
            blank: [0; W],
            any: 0,
            missing: false,
        }
    }

    fn get(&self, i: u16) -> Val {
        let i = usize::from(i);
        (self.none[i / 64] & (1 << (i % 64)) == 0).then(|| self.num[i])
    }

    /// Puts cell `i`; a cell beyond `N` is dropped (the caller then checks nothing, see
    /// [`check`]). A cell without a value is put as 0 and only remembered: [`Values::mark`] sets
    /// its bits afterwards, for the rare table that has one.
    #[inline(always)]
    fn put(&mut self, i: usize, cell: Option<&Cell<Count>>) {
        let (v, missing) = match cell {
            Some(Cell::Value(v)) => (*v, false),
            _ => (0, true),
        };
        if let Some(slot) = self.num.get_mut(i) {
            *slot = v;
        }
        self.any |= v;
        self.missing |= missing;
    }

    /// Sets the bits of cell `i`, which has no value.
    fn mark(&mut self, i: usize, cell: Option<&Cell<Count>>) {
        let bit = 1 << (i % 64);
        let Some(word) = self.none.get_mut(i / 64) else {
            return;
        };
        match cell {
            Some(Cell::Value(_)) => {}
            Some(Cell::NotApplicable) => {
                *word |= bit;
                self.not_applicable[i / 64] |= bit;
            }
            Some(Cell::Blank) => {
                *word |= bit;
                self.blank[i / 64] |= bit;
            }
            Some(Cell::NotRead) | None => *word |= bit,
        }
    }

    fn set(&mut self, i: usize, v: Val) {
        let bit = 1 << (i % 64);
        match v {
            Some(n) => {
                self.num[i] = n;
                self.none[i / 64] &= !bit;
            }
            None => {
                self.num[i] = 0;
                self.none[i / 64] |= bit;
            }
        }
    }

    /// Whether any cell of `mask` has no value.
    fn any_none(&self, mask: &[u64]) -> bool {
        mask.iter().zip(self.none.iter()).any(|(m, n)| m & n != 0)
    }

    fn all_present(&self) -> bool {
        !self.missing
    }

    fn is_blank(&self, i: u16) -> bool {
        let i = usize::from(i);
        self.blank[i / 64] & (1 << (i % 64)) != 0
    }

    fn is_not_applicable(&self, i: u16) -> bool {
        let i = usize::from(i);
        self.not_applicable[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The cells a side of a relation adds up.
enum Terms {
    /// The cells from `start` to before `end`, `stride` apart (a row's columns, a column's rows).
    Run {
        start: usize,
        end: usize,
        stride: usize,
    },
    /// Any other cells.
    List(Vec<u16>),
}

impl Terms {
    fn of(idx: &[u16]) -> Terms {
        let start = idx.first().map_or(0, |i| usize::from(*i));
        let stride = match idx {
            [a, b, ..] if b > a => usize::from(b - a),
            _ => 1,
        };
        let even = idx
            .iter()
            .enumerate()
            .all(|(k, i)| usize::from(*i) == start + k * stride);
        match idx.last() {
            Some(last) if even => Terms::Run {
                start,
                end: usize::from(*last) + 1,
                stride,
            },
            _ => Terms::List(idx.to_vec()),
        }
    }

    /// The sum of these cells of `num`, whose length is the table's number of cells (which every
    /// index of the plan is below). A `u128` holds the sum of up to 2^64 values of `u64`, so it
    /// cannot overflow.
    #[inline]
    fn sum(&self, num: &[u64]) -> u128 {
        match self {
            Terms::Run { start, end, stride } => {
                let run = num.get(*start..*end).unwrap_or_default();
                run.iter().step_by(*stride).map(|v| u128::from(*v)).sum()
            }
            Terms::List(idx) => idx
                .iter()
                .filter_map(|&i| num.get(usize::from(i)))
                .map(|v| u128::from(*v))
                .sum(),
        }
    }
}

/// A bit set over `cells` cells with the bits of `idx` set.
fn mask_of(cells: usize, idx: impl IntoIterator<Item = u16>) -> Vec<u64> {
    let mut m = vec![0u64; cells.div_ceil(64)];
    for i in idx {
        let i = usize::from(i);
        m[i / 64] |= 1 << (i % 64);
    }
    m
}

/// One instance of a relation over dense cell indices (a cell's index is its position in the
/// table's official order, `TableDecl::cells`), with the words its finding uses.
struct PlanInst {
    code: &'static str,
    left: Vec<u16>,
    right: Vec<u16>,
    /// `left` and `right` as runs where they are evenly spaced (a row's columns, a column's
    /// rows), so that summing them needs no index list.
    left_terms: Terms,
    right_terms: Terms,
    /// The cells of `right`, as a bit set.
    right_mask: Vec<u64>,
    /// The cells of both sides, as a bit set.
    mask: Vec<u64>,
    /// Down a column (or along a row).
    per_column: bool,
    /// The label of the column or row it runs along.
    along: String,
    /// The two sides in words (`一、本年新收… + 二、上年结转…`, `6项之和`).
    left_words: Words,
    right_words: Words,
}

/// One side of a relation in words, in Chinese and in English: the labels of its cells, or
/// how many cells it sums where they are too many to name.
struct Words {
    zh: String,
    en: String,
}

/// The relations of one table of one edition as index lists, with the pointers and labels of
/// its cells, computed once, so that checking a report is a pass over an array of values.
struct Plan {
    cells: usize,
    /// The JSON Pointer of each cell, for findings.
    pointers: Vec<String>,
    /// The row and column labels of each cell (`“一、本年新收…”“自然人”`).
    labels: Vec<String>,
    insts: Vec<PlanInst>,
    /// The same relations over rows and columns, where the table is a dense grid.
    dense: Option<DensePlan>,
}

/// A table whose cells form a grid (every row with the same columns, in official order row by
/// row) and whose relations each run down one column or along one row: they are checked a row
/// at a time, every column at once, instead of cell by cell.
struct DensePlan {
    width: usize,
    /// Per-column relations: the rows of each side, and the instance of each column.
    down: Vec<SharedSides>,
    /// Per-row relations: the columns of each side, and the instance of each row.
    along: Vec<SharedSides>,
}

/// Instances of one relation over a grid that share their sides: rows of one column
/// (`DensePlan::down`) or columns of one row (`DensePlan::along`).
struct SharedSides {
    left: Vec<usize>,
    right: Vec<usize>,
    /// `(column, instance)` down a grid, `(row, instance)` along one.
    insts: Vec<(usize, usize)>,
}

/// Adds instance `k` at column or row `at` to the group with these sides, or starts one.
fn share(groups: &mut Vec<SharedSides>, left: Vec<usize>, right: Vec<usize>, at: usize, k: usize) {
    match groups
        .iter_mut()
        .find(|g| g.left == left && g.right == right)
    {
        Some(g) => g.insts.push((at, k)),
        None => groups.push(SharedSides {
            left,
            right,
            insts: vec![(at, k)],
        }),
    }
}

/// The widest grid row a dense check accumulates on the stack.
const MAX_WIDTH: usize = 64;

impl DensePlan {
    /// The grid form of `insts` over `cells` cells `width` to a row, if they have one.
    fn of(cells: usize, width: usize, insts: &[PlanInst]) -> Option<DensePlan> {
        if width == 0 || width > MAX_WIDTH || !cells.is_multiple_of(width) {
            return None;
        }
        let mut grid = DensePlan {
            width,
            down: Vec::new(),
            along: Vec::new(),
        };
        let rc = |i: &u16| (usize::from(*i) / width, usize::from(*i) % width);
        for (k, inst) in insts.iter().enumerate() {
            let cells: Vec<(usize, usize)> = inst.left.iter().chain(&inst.right).map(rc).collect();
            let &(row0, col0) = cells.first()?;
            let side = |idx: &[u16], part: fn((usize, usize)) -> usize| -> Vec<usize> {
                idx.iter().map(|i| part(rc(i))).collect()
            };
            if cells.iter().all(|(_, c)| *c == col0) {
                let (left, right) = (side(&inst.left, |x| x.0), side(&inst.right, |x| x.0));
                share(&mut grid.down, left, right, col0, k);
            } else if cells.iter().all(|(r, _)| *r == row0) {
                let (left, right) = (side(&inst.left, |x| x.1), side(&inst.right, |x| x.1));
                share(&mut grid.along, left, right, row0, k);
            } else {
                return None;
            }
        }
        Some(grid)
    }

    /// Checks every relation over `num` (no cell blank, every value small enough for any sum of
    /// them to fit in a `u64`), a row at a time; calls `unequal` with the instance and both
    /// sums where they differ, in instance order.
    fn check(&self, num: &[u64], mut unequal: impl FnMut(usize, u128, u128)) {
        let w = self.width;
        // Every row index of the grid is below `num.len() / w` (see `DensePlan::of`).
        let row = |r: usize| -> &[u64] { num.get(r * w..r * w + w).unwrap_or_default() };
        let mut found = Vec::new();
        for d in &self.down {
            let (mut l, mut r) = ([0u64; MAX_WIDTH], [0u64; MAX_WIDTH]);
            for (acc, rows) in [(&mut l, &d.left), (&mut r, &d.right)] {
                for &i in rows {
                    for (a, v) in acc.iter_mut().zip(row(i)) {
                        *a += *v;
                    }
                }
            }
            for &(c, k) in &d.insts {
                if l[c] != r[c] {
                    found.push((k, l[c], r[c]));
                }
            }
        }
        for a in &self.along {
            let side = |values: &[u64], cols: &[usize]| -> u64 {
                cols.iter().filter_map(|c| values.get(*c)).sum()
            };
            for &(r, k) in &a.insts {
                let values = row(r);
                let (l, s) = (side(values, &a.left), side(values, &a.right));
                if l != s {
                    found.push((k, l, s));
                }
            }
        }
        found.sort_unstable_by_key(|(k, _, _)| *k);
        for (k, l, r) in found {
            unequal(k, u128::from(l), u128::from(r));
        }
    }
}

/// One side in words: the labels of up to four cells joined by ` + `, else `N项之和` (`the sum
/// of N cells`).
fn words(labels: Vec<String>) -> Words {
    if labels.len() > 4 {
        return Words {
            zh: format!("{}项之和", labels.len()),
            en: format!("the sum of {} cells", labels.len()),
        };
    }
    let joined = labels.join(" + ");
    Words {
        zh: joined.clone(),
        en: joined,
    }
}

/// Compiles the relations of a table declaration.
fn build<R: Copy + PartialEq + 'static, C: Copy + PartialEq + 'static>(
    decl: &'static TableDecl<R, C>,
) -> Plan {
    let order: Vec<(R, C)> = decl.cells().map(|c| (c.row.id, c.column.id)).collect();
    let index = |cell: (R, C)| -> u16 {
        let i = order.iter().position(|x| *x == cell).unwrap_or(0);
        u16::try_from(i).unwrap_or(u16::MAX)
    };
    let cells = order.len();
    let mut insts = Vec::new();
    for rel in decl.relations {
        for IdInstance {
            left,
            right,
            per_column,
            along,
        } in instances(decl, rel)
        {
            let label = |(r, c): &(R, C)| {
                decl.cell(*r, *c).map_or_else(String::new, |cell| {
                    if per_column {
                        cell.row.label()
                    } else {
                        cell.column.label.to_owned()
                    }
                })
            };
            let left_words = words(left.iter().map(label).collect());
            let right_words = words(right.iter().map(label).collect());
            let left: Vec<u16> = left.into_iter().map(index).collect();
            let right: Vec<u16> = right.into_iter().map(index).collect();
            insts.push(PlanInst {
                code: rel.code(),
                left_terms: Terms::of(&left),
                right_terms: Terms::of(&right),
                right_mask: mask_of(cells, right.iter().copied()),
                mask: mask_of(cells, left.iter().chain(&right).copied()),
                left,
                right,
                per_column,
                along,
                left_words,
                right_words,
            });
        }
    }
    // The grid's width: every block with the same number of columns.
    let width = decl.blocks.first().map_or(0, |b| b.columns.len());
    let dense = decl.blocks.iter().all(|b| b.columns.len() == width);
    Plan {
        cells,
        pointers: order
            .iter()
            .map(|(r, c)| decl.pointer(*r, *c).unwrap_or_default())
            .collect(),
        labels: decl
            .cells()
            .map(|c| format!("“{}”“{}”", c.row.label(), c.column.label))
            .collect(),
        dense: if dense {
            DensePlan::of(cells, width, &insts)
        } else {
            None
        },
        insts,
    }
}

/// One instance of a relation by cell ids: its two sides, whether it runs down a column, and
/// the label of the column or row it runs along.
struct IdInstance<R, C> {
    left: Vec<(R, C)>,
    right: Vec<(R, C)>,
    per_column: bool,
    along: String,
}

/// The instances of a relation: down each column of the block of its rows, or along each row of
/// the blocks that have its columns; with the label of what each runs along.
fn instances<R: Copy + PartialEq, C: Copy + PartialEq>(
    decl: &'static TableDecl<R, C>,
    rel: &Relation<R, C>,
) -> Vec<IdInstance<R, C>> {
    match *rel {
        Relation::PerColumn { left, right, .. } => {
            let Some(block) = left.first().and_then(|r| decl.block_of(*r)) else {
                return Vec::new();
            };
            block
                .columns
                .iter()
                .map(|col| {
                    let side = |rows: &[R]| rows.iter().map(|r| (*r, col.id)).collect();
                    IdInstance {
                        left: side(left),
                        right: side(right),
                        per_column: true,
                        along: col.label.to_owned(),
                    }
                })
                .collect()
        }
        Relation::PerRow { left, right, .. } => decl
            .blocks
            .iter()
            .filter(|b| left.iter().all(|c| b.columns.iter().any(|bc| bc.id == *c)))
            .flat_map(|b| b.rows.iter())
            .map(|row| {
                let side = |cols: &[C]| cols.iter().map(|c| (row.id, *c)).collect();
                IdInstance {
                    left: side(left),
                    right: side(right),
                    per_column: false,
                    along: row.label(),
                }
            })
            .collect(),
    }
}

/// The plan of a table of an edition (built once for every edition and table).
fn plan(edition: Edition, table: TableId) -> &'static Plan {
    static PLANS: OnceLock<Vec<[Plan; 3]>> = OnceLock::new();
    let plans = PLANS.get_or_init(|| {
        Edition::ALL
            .iter()
            .map(|e| {
                let f = e.form();
                [build(f.proactive), build(f.requests), build(f.review)]
            })
            .collect()
    });
    let i = match table {
        TableId::Proactive => 0,
        TableId::Requests => 1,
        TableId::Review => 2,
    };
    &plans[edition.index()][i]
}

/// Checks the relations of one table; `use_dense` allows the grid path (the tests compare the
/// two). The values are on the stack for the form's tables, on the heap for anything larger.
fn check(
    plan: &Plan,
    tables: &Tables,
    table: TableId,
    sink: &mut Sink,
    use_dense: bool,
    blank_totals: &mut Vec<String>,
) {
    let at = Check {
        plan,
        tables,
        table,
        use_dense,
    };
    if plan.cells <= STACK {
        check_in(
            &mut Values::<STACK, { STACK / 64 }>::new(),
            &at,
            sink,
            blank_totals,
        );
    } else if plan.cells <= HEAP {
        let mut vals = Box::new(Values::<HEAP, { HEAP / 64 }>::new());
        check_in(&mut vals, &at, sink, blank_totals);
    }
}

/// What one table's check runs over.
struct Check<'a> {
    plan: &'a Plan,
    tables: &'a Tables,
    table: TableId,
    use_dense: bool,
}

fn check_in<const N: usize, const W: usize>(
    vals: &mut Values<N, W>,
    at: &Check<'_>,
    sink: &mut Sink,
    blank_totals: &mut Vec<String>,
) {
    let Check {
        plan,
        tables,
        table,
        use_dense,
    } = *at;
    let mut n = 0;
    if !tables.for_each_count(table, |c| {
        vals.put(n, c);
        n += 1;
    }) {
        return;
    }
    // The model lists the cells in the declaration's order; should it ever disagree on their
    // number, nothing is checked rather than the wrong cells.
    if n != plan.cells {
        debug_assert_eq!(n, plan.cells, "the model and the declaration disagree");
        return;
    }
    if vals.all_present() {
        check_complete(plan, vals, sink, use_dense);
    } else {
        let mut i = 0;
        tables.for_each_count(table, |c| {
            vals.mark(i, c);
            i += 1;
        });
        derive_totals(plan, vals, sink, blank_totals);
        let blocked = check_present(plan, vals, sink);
        report_blocked(plan, vals, blocked, sink);
    }
}

/// Every relation of a table with no blank cell, a row at a time where the table is a grid.
fn check_complete<const N: usize, const W: usize>(
    plan: &Plan,
    vals: &Values<N, W>,
    sink: &mut Sink,
    use_dense: bool,
) {
    // Below 2^47, a sum of up to 2^16 cells (a table's most) fits in a u64.
    let small = vals.any < 1 << 47 && plan.cells <= 1 << 16;
    if let Some(dense) = plan.dense.as_ref().filter(|_| use_dense && small) {
        dense.check(&vals.num[..plan.cells], |k, l, r| {
            if let Some(inst) = plan.insts.get(k) {
                unequal(plan, inst, l, r, sink);
            }
        });
        return;
    }
    for inst in &plan.insts {
        let (l, r) = (
            inst.left_terms.sum(&vals.num[..plan.cells]),
            inst.right_terms.sum(&vals.num[..plan.cells]),
        );
        if l != r {
            unequal(plan, inst, l, r, sink);
        }
    }
}

/// Totals without a value. A blank total whose parts hold numbers above 0 is an error
/// (`sum.blank_total`: the total is at least their sum), once per cell; a total whose parts are
/// all present is derived from them, not read as zero, so that the other relations it takes
/// part in can still be checked (with `sum.derived_total` when it was not read; a blank one is
/// already a finding).
fn derive_totals<const N: usize, const W: usize>(
    plan: &Plan,
    vals: &mut Values<N, W>,
    sink: &mut Sink,
    blank_totals: &mut Vec<String>,
) {
    let mut reported: Vec<u16> = Vec::new();
    for inst in &plan.insts {
        let [t] = inst.left[..] else { continue };
        if vals.get(t).is_some() || vals.is_not_applicable(t) {
            continue;
        }
        let complete = !vals.any_none(&inst.right_mask);
        if vals.is_blank(t) && !reported.contains(&t) {
            let known: u128 = inst
                .right
                .iter()
                .filter_map(|i| vals.get(*i))
                .map(u128::from)
                .sum();
            if known > 0 {
                reported.push(t);
                blank_total(plan, inst, vals, known, complete, sink);
                blank_totals.push(pointer(plan, t));
            }
        }
        if !complete {
            continue;
        }
        let s = inst.right_terms.sum(&vals.num[..plan.cells]);
        // A derived total beyond u64 stays without a value (and its sums unchecked).
        vals.set(usize::from(t), u64::try_from(s).ok());
        if vals.is_blank(t) {
            continue;
        }
        let ptr = pointer(plan, t);
        sink.push(
            Draft::new(
                "sum.derived_total",
                ptr.clone(),
                format!(
                    "{}未读取，按{}推算为 {s}。",
                    plan.labels.get(usize::from(t)).map_or("", String::as_str),
                    inst.right_words.zh
                ),
                format!(
                    "{ptr} was not read; derived as {s} from its parts to check the other sums."
                ),
            )
            .cells(inst.right.iter().map(|i| pointer(plan, *i)).collect()),
        );
    }
}

/// The `sum.blank_total` error of a blank total `inst.left[0]` whose parts with values add up to
/// `known` > 0.
fn blank_total<const N: usize, const W: usize>(
    plan: &Plan,
    inst: &PlanInst,
    vals: &Values<N, W>,
    known: u128,
    complete: bool,
    sink: &mut Sink,
) {
    let t = inst.left[0];
    let ptr = pointer(plan, t);
    let others: Vec<String> = inst
        .right
        .iter()
        .filter(|i| vals.get(**i).is_none())
        .map(|i| pointer(plan, *i))
        .collect();
    let label = plan.labels.get(usize::from(t)).map_or("", String::as_str);
    let (zh_rest, en_rest) = if others.is_empty() {
        (format!("应为 {known}"), format!("it must be {known}"))
    } else {
        (
            format!(
                "至少应为 {known}（另有 {} 个加数为空或未读取：{}）",
                others.len(),
                others.join(", ")
            ),
            format!(
                "it must be at least {known} ({} other {} blank or not read: {})",
                others.len(),
                if others.len() == 1 {
                    "part is"
                } else {
                    "parts are"
                },
                others.join(", ")
            ),
        )
    };
    sink.push(
        Draft::new(
            "sum.blank_total",
            ptr.clone(),
            format!(
                "{label}为空，而{}为 {known}：{zh_rest}。",
                inst.right_words.zh
            ),
            format!(
                "{ptr} is blank, but {} is {known}, so {en_rest}.",
                inst.right_words.en
            ),
        )
        .cells(inst.right.iter().map(|i| pointer(plan, *i)).collect())
        .expected(if complete {
            Observed::Integer(i128::try_from(known).unwrap_or(i128::MAX))
        } else {
            Observed::Range {
                min: Some(known),
                max: None,
            }
        }),
    );
}

/// Checks every relation whose cells all have values; returns the blank cells that kept the
/// others from being checked, each with the codes it blocked.
fn check_present<const N: usize, const W: usize>(
    plan: &Plan,
    vals: &Values<N, W>,
    sink: &mut Sink,
) -> Vec<(u16, Vec<&'static str>)> {
    let mut blocked: Vec<(u16, Vec<&'static str>)> = Vec::new();
    for inst in &plan.insts {
        if vals.any_none(&inst.mask) {
            for i in inst.left.iter().chain(&inst.right) {
                if vals.get(*i).is_some() {
                    continue;
                }
                match blocked.iter_mut().find(|(b, _)| b == i) {
                    Some((_, codes)) if !codes.contains(&inst.code) => codes.push(inst.code),
                    Some(_) => {}
                    None => blocked.push((*i, vec![inst.code])),
                }
            }
            continue;
        }
        let (l, r) = (
            inst.left_terms.sum(&vals.num[..plan.cells]),
            inst.right_terms.sum(&vals.num[..plan.cells]),
        );
        if l != r {
            unequal(plan, inst, l, r, sink);
        }
    }
    blocked.sort_by_key(|(i, _)| *i);
    blocked
}

/// `sum.unchecked`: one info per table for the cells marked not applicable that kept sums from
/// being checked (blank cells are in `table.blank_cells`; cells not read are nobody's fault).
fn report_blocked<const N: usize, const W: usize>(
    plan: &Plan,
    vals: &Values<N, W>,
    blocked: Vec<(u16, Vec<&'static str>)>,
    sink: &mut Sink,
) {
    let mut codes: Vec<&'static str> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    for (i, blocked_codes) in blocked {
        if !vals.is_not_applicable(i) {
            continue;
        }
        cells.push(pointer(plan, i));
        for c in blocked_codes {
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    let Some(first) = cells.first() else { return };
    let table = first
        .split('/')
        .nth(1)
        .map_or_else(String::new, |t| format!("/{t}"));
    sink.push(
        Draft::new(
            "sum.unchecked",
            table,
            format!(
                "{} 个单元格标为不适用（/）：{}；以下合计无法核对：{}。",
                cells.len(),
                cells.join(", "),
                codes.join("、")
            ),
            format!(
                "{} {} marked not applicable (/): {}; these sums could not be checked: {}.",
                cells.len(),
                if cells.len() == 1 {
                    "cell is"
                } else {
                    "cells are"
                },
                cells.join(", "),
                codes.join(", ")
            ),
        )
        .cells(cells),
    );
}

fn pointer(plan: &Plan, i: u16) -> String {
    plan.pointers
        .get(usize::from(i))
        .cloned()
        .unwrap_or_default()
}

/// The error finding of an instance whose sides differ: `l` against `r`.
fn unequal(plan: &Plan, inst: &PlanInst, l: u128, r: u128, sink: &mut Sink) {
    let diff = i128::try_from(l).unwrap_or(i128::MAX) - i128::try_from(r).unwrap_or(i128::MAX);
    let (axis_zh, axis_en) = if inst.per_column {
        ("列", "column")
    } else {
        ("行", "row")
    };
    let (along, l_desc, r_desc) = (&inst.along, &inst.left_words, &inst.right_words);
    let cells: Vec<String> = inst
        .left
        .iter()
        .chain(&inst.right)
        .map(|i| pointer(plan, *i))
        .collect();
    sink.push(
        Draft::new(
            inst.code,
            pointer(plan, inst.left[0]),
            format!(
                "“{along}”{axis_zh}：{} = {l}，而{} = {r}，两者应相等（相差 {diff}）。",
                l_desc.zh, r_desc.zh
            ),
            format!(
                "{axis_en} “{along}”: {} = {l}, but {} = {r}; they must be equal (difference {diff}).",
                l_desc.en, r_desc.en
            ),
        )
        .cells(cells)
        .values(
            Observed::Integer(i128::try_from(r).unwrap_or(i128::MAX)),
            Observed::Integer(i128::try_from(l).unwrap_or(i128::MAX)),
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CellId;
    use crate::report::{CellMut, CellRef, Presence};

    fn set(tables: &mut Tables, id: CellId, v: u64) {
        if let Some(CellMut::Count(cell)) = tables.cell_mut(id) {
            *cell = Cell::Value(v);
        }
    }

    #[test]
    fn every_table_with_relations_is_a_grid() {
        for e in Edition::ALL {
            for t in [TableId::Requests, TableId::Review] {
                assert!(plan(*e, t).dense.is_some(), "{e} {t:?}");
            }
        }
    }

    /// `for_each_cell` lists the cells in the declaration's order, or every sum would be
    /// checked over the wrong cells.
    #[test]
    fn the_model_lists_cells_in_the_declared_order() {
        for e in Edition::ALL {
            let mut tables = Tables::new(*e);
            let ids: Vec<CellId> = e.form().cells().map(|c| c.id).collect();
            for t in [TableId::Proactive, TableId::Requests, TableId::Review] {
                tables.set_presence(t, Presence::Filled);
            }
            for (i, id) in ids.iter().enumerate() {
                set(&mut tables, *id, i as u64 + 1);
            }
            let mut k = 0;
            for t in [TableId::Proactive, TableId::Requests, TableId::Review] {
                tables.for_each_cell(t, |c| {
                    if let CellRef::Count(cell) = c {
                        assert_eq!(cell.get(), Some(k + 1), "{e}: cell {k}");
                    }
                    k += 1;
                });
            }
            assert_eq!(k as usize, ids.len());
        }
    }

    /// The grid path and the cell-by-cell path find the same unequal sums, in the same order,
    /// on tables with every cell filled and some cells changed.
    #[test]
    fn the_grid_path_agrees_with_the_cell_path() {
        for e in Edition::ALL {
            for table in [TableId::Requests, TableId::Review] {
                same_findings(*e, table);
            }
        }
    }

    fn same_findings(edition: Edition, table: TableId) {
        let ids: Vec<CellId> = edition
            .form()
            .cells()
            .map(|c| c.id)
            .filter(|id| id.table() == table)
            .collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut checked = 0;
        for round in 0..200 {
            let mut tables = Tables::new(edition);
            tables.set_presence(table, Presence::Filled);
            for id in &ids {
                // Mostly zeros and small counts, now and then a total that happens to fit.
                set(
                    &mut tables,
                    *id,
                    if next() % 3 == 0 { next() % 50 } else { 0 },
                );
            }
            // Every other round: a table of zeros (which balances) with one cell set instead.
            if round % 2 == 1 {
                for id in &ids {
                    set(&mut tables, *id, 0);
                }
                let id = ids[(next() % ids.len() as u64) as usize];
                set(&mut tables, id, 1 + next() % 9);
            }
            let (mut fast, mut slow) = (Sink::default(), Sink::default());
            check(
                plan(edition, table),
                &tables,
                table,
                &mut fast,
                true,
                &mut Vec::new(),
            );
            check(
                plan(edition, table),
                &tables,
                table,
                &mut slow,
                false,
                &mut Vec::new(),
            );
            let (fast, slow) = (fast.finish(), slow.finish());
            assert_eq!(fast, slow);
            checked += usize::from(!fast.findings.is_empty());
        }
        assert!(checked > 100, "{edition} {table:?}: {checked}");
    }
}
