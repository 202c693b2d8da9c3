//! The sum relations of sections 三 and 四, read from the form declaration and checked
//! generically: a rule added to the declaration is checked without code here.
//!
//! Each table's relations are compiled once into a [`Plan`] over the cells' positions in official
//! order. A report's table is read row by row into an array of numbers and a bit set of blank
//! cells. A table with no blank cell and numbers below 2^47 (every published one) is checked as a
//! grid: the rows of each per-column relation added a row at a time in `u64`, the columns of each
//! per-row relation along its row. Anything else — blanks, derived totals, numbers large enough
//! for a sum to need more than 64 bits — takes the cell-by-cell path in `u128`. Both give the same
//! findings (the `tests` module compares them).

use std::sync::OnceLock;

use super::{Draft, Observed, Sink};
use crate::cell::{Cell, Count};
use crate::form::{self, ColumnDecl, Edition, Relation, RowDecl, TableDecl};
use crate::report::{CellRef, OtherHandling, Report, Requests, Review, TableData, TableState};
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

/// A table's values in official order: the numbers, and a bit set of the cells that have none
/// (blank or not applicable), so that a relation's cells are tested for blanks a word at a time.
struct Values<'a> {
    num: &'a mut [u64],
    none: &'a mut [u64],
    /// The bitwise or of every number put: a bound on the largest.
    any: u64,
}

impl Values<'_> {
    fn get(&self, i: u16) -> Val {
        let i = usize::from(i);
        (self.none[i / 64] & (1 << (i % 64)) == 0).then(|| self.num[i])
    }

    /// Sets the cells from `start` on from a row of count cells. The bit set must start empty.
    #[inline(always)]
    fn put_row<const W: usize>(&mut self, start: usize, cells: [&Cell<Count>; W]) {
        let Some(num) = self.num.get_mut(start..start + W) else {
            return;
        };
        let mut blank = false;
        for (slot, c) in num.iter_mut().zip(cells) {
            let (v, none) = match c {
                Cell::Value(v) => (*v, false),
                Cell::Blank | Cell::NotApplicable => (0, true),
            };
            *slot = v;
            self.any |= v;
            blank |= none;
        }
        if blank {
            for (k, c) in cells.iter().enumerate() {
                if !matches!(c, Cell::Value(_)) {
                    self.set(start + k, None);
                }
            }
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
                debug_assert!(*end <= num.len());
                let run = num.get(*start..*end).unwrap_or_default();
                let mut total = 0u128;
                let mut i = 0;
                while let Some(v) = run.get(i) {
                    total += u128::from(*v);
                    i += *stride;
                }
                total
            }
            Terms::List(idx) => idx.iter().map(|&i| u128::from(num[usize::from(i)])).sum(),
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

/// A table whose count cells can be listed row by row in official order, `W` cells a row,
/// without a lookup per cell.
trait InOrder<const W: usize>: TableData {
    fn each_row<'a>(&'a self, f: impl FnMut([&'a Cell<Count>; W]));
}

impl<O: OtherHandling> InOrder<7> for Requests<O> {
    fn each_row<'a>(&'a self, mut f: impl FnMut([&'a Cell<Count>; 7])) {
        // Internal iteration: a chain of iterators folds each part in turn.
        self.rows().for_each(|row| f(row.cells()));
    }
}

impl InOrder<5> for Review {
    fn each_row<'a>(&'a self, mut f: impl FnMut([&'a Cell<Count>; 5])) {
        for group in self.groups() {
            f(group.cells());
        }
    }
}

fn value_of(cell: Option<CellRef<'_>>) -> Val {
    match cell {
        Some(CellRef::Count(Cell::Value(v))) => Some(*v),
        Some(CellRef::Delta(Cell::Value(v))) if *v >= 0 => Some(v.unsigned_abs()),
        _ => None,
    }
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
    /// `left` and `right` as runs where they are evenly spaced (a row's columns, a column's
    /// rows), so that summing them needs no index list.
    left_terms: Terms,
    right_terms: Terms,
    /// The cells of `right`, as a bit set.
    right_mask: Vec<u64>,
    /// The cells of both sides, as a bit set.
    mask: Vec<u64>,
}

/// The relations of one table as index lists, computed once per table declaration, so that
/// checking a report is a pass over an array of values.
struct Plan {
    cells: usize,
    /// The JSON Pointer of each cell, for findings.
    pointers: Vec<String>,
    insts: Vec<PlanInst>,
    /// The same relations over rows and columns, where the table is a dense grid.
    grid: Option<Grid>,
}

/// A table whose cells form a grid (every row with the same columns, in official order row by
/// row) and whose relations each run down one column or along one row: they are checked a row
/// at a time, every column at once, instead of cell by cell.
struct Grid {
    width: usize,
    /// Per-column relations: the rows of each side, and the instance of each column.
    down: Vec<Group>,
    /// Per-row relations: the columns of each side, and the instance of each row.
    along: Vec<Group>,
}

/// Instances of one relation over a grid that share their sides: rows of one column
/// (`Grid::down`) or columns of one row (`Grid::along`).
struct Group {
    left: Vec<usize>,
    right: Vec<usize>,
    /// `(column, instance)` down a grid, `(row, instance)` along one.
    insts: Vec<(usize, usize)>,
}

/// Adds instance `k` at column or row `at` to the group with these sides, or starts one.
fn group(groups: &mut Vec<Group>, left: Vec<usize>, right: Vec<usize>, at: usize, k: usize) {
    match groups
        .iter_mut()
        .find(|g| g.left == left && g.right == right)
    {
        Some(g) => g.insts.push((at, k)),
        None => groups.push(Group {
            left,
            right,
            insts: vec![(at, k)],
        }),
    }
}

impl Grid {
    /// The grid form of `insts` over `cells` cells `width` to a row, if they have one.
    fn of(cells: usize, width: usize, insts: &[PlanInst]) -> Option<Grid> {
        if width == 0 || width > 64 || cells % width != 0 {
            return None;
        }
        let mut grid = Grid {
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
                group(&mut grid.down, left, right, col0, k);
            } else if cells.iter().all(|(r, _)| *r == row0) {
                let (left, right) = (side(&inst.left, |x| x.1), side(&inst.right, |x| x.1));
                group(&mut grid.along, left, right, row0, k);
            } else {
                return None;
            }
        }
        // Every index of the plan is below `cells`, so every row is below `cells / width` and
        // every column below `width`.
        Some(grid)
    }

    /// Checks every relation over `num` (no cell blank, every value small enough for any sum of
    /// them to fit in a `u64`), a row of `W` at a time; calls `unequal` with the instance and
    /// both sums where they differ, in instance order.
    fn check<const W: usize>(&self, num: &[u64], mut unequal: impl FnMut(usize, u128, u128)) {
        // Every row index of the grid is below `num.len() / W` (see `Grid::of`).
        let row = |r: usize| -> &[u64] { num.get(r * W..r * W + W).unwrap_or_default() };
        let mut found = Vec::new();
        for d in &self.down {
            let (mut l, mut r) = ([0u64; W], [0u64; W]);
            for (acc, rows) in [(&mut l, &d.left), (&mut r, &d.right)] {
                for &i in rows {
                    for (a, v) in acc.iter_mut().zip(row(i)) {
                        *a += *v;
                    }
                }
            }
            for &(c, k) in &d.insts {
                if let (Some(l), Some(r)) = (l.get(c), r.get(c)) {
                    if l != r {
                        found.push((k, *l, *r));
                    }
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

fn build<R: Copy + PartialEq + 'static, C: Copy + PartialEq + 'static>(
    decl: &'static TableDecl<R, C>,
) -> Plan {
    let order: Vec<(R, C)> = decl.cells().map(|c| (c.row.id, c.column.id)).collect();
    let index = |cell: (R, C)| -> u16 {
        let i = order.iter().position(|x| *x == cell).unwrap_or(0);
        u16::try_from(i).unwrap_or(u16::MAX)
    };
    let cells = order.len();
    // The grid's width: every block with the same number of columns.
    let width = decl.blocks.first().map_or(0, |b| b.columns.len());
    let dense = decl.blocks.iter().all(|b| b.columns.len() == width);
    let mut plan = Plan {
        cells,
        pointers: order
            .iter()
            .map(|(r, c)| decl.pointer(*r, *c).unwrap_or_default())
            .collect(),
        grid: None,
        insts: instances(decl)
            .map(|inst| {
                let left: Vec<u16> = inst.left().cells().map(index).collect();
                let right: Vec<u16> = inst.right().cells().map(index).collect();
                PlanInst {
                    code: inst.code(),
                    left_terms: Terms::of(&left),
                    right_terms: Terms::of(&right),
                    right_mask: mask_of(cells, right.iter().copied()),
                    mask: mask_of(cells, left.iter().chain(&right).copied()),
                    left,
                    right,
                }
            })
            .collect(),
    };
    if dense {
        plan.grid = Grid::of(cells, width, &plan.insts);
    }
    plan
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

/// Fills `vals` by looking each cell of the declaration up in the table.
fn by_lookup<T, R, C>(decl: &'static TableDecl<R, C>, table: &T, vals: &mut Values<'_>)
where
    T: TableData<Row = R, Column = C>,
    R: Copy + PartialEq + 'static,
    C: Copy + PartialEq + 'static,
{
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
                if n < vals.num.len() {
                    vals.set(n, value_of(c));
                }
                n += 1;
            });
        }
    }
}

fn check<T, R, C, const W: usize>(decl: &'static TableDecl<R, C>, table: &T, sink: &mut Sink)
where
    T: InOrder<W> + TableData<Row = R, Column = C>,
    R: Copy + PartialEq + 'static,
    C: Copy + PartialEq + 'static,
{
    check_with(decl, table, sink, true);
}

/// [`check`], with the grid fast path allowed or not (the tests compare the two).
fn check_with<T, R, C, const W: usize>(
    decl: &'static TableDecl<R, C>,
    table: &T,
    sink: &mut Sink,
    use_grid: bool,
) where
    T: InOrder<W> + TableData<Row = R, Column = C>,
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
    // The values, in official order: on the stack for the form's tables (175 cells at most), on
    // the heap for anything larger.
    const STACK: usize = 192;
    let mut num_stack = [0u64; STACK];
    let mut none_stack = [0u64; STACK / 64];
    let (mut num_heap, mut none_heap): (Vec<u64>, Vec<u64>);
    let mut vals = if plan.cells <= STACK {
        Values {
            num: &mut num_stack[..plan.cells],
            none: &mut none_stack[..plan.cells.div_ceil(64)],
            any: 0,
        }
    } else {
        num_heap = vec![0; plan.cells];
        none_heap = vec![0; plan.cells.div_ceil(64)];
        Values {
            num: &mut num_heap,
            none: &mut none_heap,
            any: 0,
        }
    };
    let cell_at = |i: u16| -> (R, C) {
        decl.cells()
            .nth(usize::from(i))
            .map(|c| (c.row.id, c.column.id))
            .unwrap_or_else(|| unreachable!("cell index {i} outside the table"))
    };
    let pointer = |i: u16| {
        plan.pointers
            .get(usize::from(i))
            .cloned()
            .unwrap_or_default()
    };

    // The model lists the cells in official order; should it ever disagree with the declaration
    // on their number, the cells are looked up one by one instead.
    let mut n = 0;
    table.each_row(|cells| {
        vals.put_row(n, cells);
        n += W;
    });
    if n != plan.cells {
        vals.none.fill(0);
        by_lookup(decl, table, &mut vals);
    }

    // Most tables have no blank cell: then every relation is checked as it stands, a row at a
    // time where the table is a grid.
    if vals.none.iter().all(|w| *w == 0) {
        // Below 2^47, a sum of up to 2^16 cells (a table's most) fits in a u64.
        let small = vals.any < 1 << 47 && plan.cells <= 1 << 16;
        if let Some(grid) = plan
            .grid
            .as_ref()
            .filter(|g| use_grid && g.width == W && small)
        {
            grid.check::<W>(vals.num, |k, l, r| {
                if let Some(inst) = plan.insts.get(k) {
                    unequal(decl, &pointer, k, inst, l, r, sink);
                }
            });
            return;
        }
        for (k, inst) in plan.insts.iter().enumerate() {
            let (l, r) = (
                inst.left_terms.sum(vals.num),
                inst.right_terms.sum(vals.num),
            );
            if l != r {
                unequal(decl, &pointer, k, inst, l, r, sink);
            }
        }
        return;
    }

    // Pass 1: a blank total whose parts are all present is derived, not read as zero, so that the
    // other relations it takes part in can still be checked.
    for (k, inst) in plan.insts.iter().enumerate() {
        let [t] = inst.left[..] else { continue };
        if vals.get(t).is_some() || vals.any_none(&inst.right_mask) {
            continue;
        }
        let s = inst.right_terms.sum(vals.num);
        // A derived total beyond u64 stays blank (and its sums unchecked).
        vals.set(usize::from(t), u64::try_from(s).ok());
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
        if vals.any_none(&inst.mask) {
            for i in inst.left.iter().chain(&inst.right) {
                if vals.get(*i).is_none() {
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
        }
        let (l, r) = (
            inst.left_terms.sum(vals.num),
            inst.right_terms.sum(vals.num),
        );
        if l != r {
            unequal(decl, &pointer, k, inst, l, r, sink);
        }
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

/// The error finding of relation instance `k` whose sides differ: `l` against `r`.
fn unequal<R, C>(
    decl: &'static TableDecl<R, C>,
    pointer: &impl Fn(u16) -> String,
    k: usize,
    inst: &PlanInst,
    l: u128,
    r: u128,
    sink: &mut Sink,
) where
    R: Copy + PartialEq + 'static,
    C: Copy + PartialEq + 'static,
{
    let Some(gi) = instances(decl).nth(k) else {
        return;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Requests2019, Requests2021};

    /// `each_count` must list the cells in the declaration's order, or every sum would be
    /// checked over the wrong cells.
    fn same_order<T, R, C, const W: usize>(decl: &'static TableDecl<R, C>, mut table: T)
    where
        T: InOrder<W> + TableData<Row = R, Column = C>,
        R: Copy + PartialEq + 'static,
        C: Copy + PartialEq + 'static,
    {
        let cells: Vec<(R, C)> = decl.cells().map(|c| (c.row.id, c.column.id)).collect();
        for (i, (r, c)) in cells.iter().enumerate() {
            match table.cell_mut(*r, *c) {
                Some(crate::report::CellMut::Count(cell)) => *cell = Cell::Value(i as u64 + 1),
                _ => panic!("cell {i} of the declaration is not a count cell of the table"),
            }
        }
        let mut listed = Vec::new();
        table.each_row(|cells| listed.extend(cells.iter().map(|c| c.get())));
        let expected: Vec<Option<u64>> = (1..=cells.len() as u64).map(Some).collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn the_forms_tables_are_grids() {
        assert!(plans().iter().all(|(_, p)| p.grid.is_some()));
    }

    /// The grid path and the cell-by-cell path find the same unequal sums, in the same order,
    /// on tables with every cell filled and some cells changed.
    fn same_findings<T, R, C, const W: usize>(decl: &'static TableDecl<R, C>, base: T)
    where
        T: InOrder<W> + TableData<Row = R, Column = C> + Clone,
        R: Copy + PartialEq + 'static,
        C: Copy + PartialEq + 'static,
    {
        let cells: Vec<(R, C)> = decl.cells().map(|c| (c.row.id, c.column.id)).collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut checked = 0;
        for round in 0..200 {
            let mut table = base.clone();
            for (r, c) in &cells {
                if let Some(crate::report::CellMut::Count(cell)) = table.cell_mut(*r, *c) {
                    // Mostly zeros and small counts, now and then a total that happens to fit.
                    *cell = Cell::Value(if next() % 3 == 0 { next() % 50 } else { 0 });
                }
            }
            // Every other round: a table of zeros (which balances) with one cell set instead.
            if round % 2 == 1 {
                for (r, c) in &cells {
                    if let Some(crate::report::CellMut::Count(cell)) = table.cell_mut(*r, *c) {
                        *cell = Cell::Value(0);
                    }
                }
                let (r, c) = cells[(next() % cells.len() as u64) as usize];
                if let Some(crate::report::CellMut::Count(cell)) = table.cell_mut(r, c) {
                    *cell = Cell::Value(1 + next() % 9);
                }
            }
            let (mut fast, mut slow) = (Sink::default(), Sink::default());
            check_with(decl, &table, &mut fast, true);
            check_with(decl, &table, &mut slow, false);
            let (fast, slow) = (fast.finish(), slow.finish());
            assert_eq!(fast, slow);
            checked += usize::from(!fast.findings.is_empty());
        }
        assert!(checked > 100);
    }

    /// For each table of both editions: the model lists its cells in the declared order, and
    /// the grid path finds what the cell-by-cell path finds.
    #[test]
    fn the_model_lists_cells_in_order_and_the_grid_path_agrees() {
        let a = form::form(Edition::Trial2019);
        let b = form::form(Edition::Format2021);
        same_order(a.requests, Requests2019::default());
        same_order(b.requests, Requests2021::default());
        same_order(a.review, Review::default());
        same_order(b.review, Review::default());
        same_findings(a.requests, Requests2019::default());
        same_findings(b.requests, Requests2021::default());
        same_findings(a.review, Review::default());
    }
}
