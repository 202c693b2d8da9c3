//! Generic access to the cells of a typed table by row and column id.

use crate::cell::{Cell, Count, Delta, Money};

/// A shared reference to one cell, whatever its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellRef<'a> {
    /// A count cell.
    Count(&'a Cell<Count>),
    /// A signed change cell (2019 `本年增/减`).
    Delta(&'a Cell<Delta>),
    /// A money cell.
    Money(&'a Cell<Money>),
}

impl CellRef<'_> {
    /// Whether the cell is blank.
    pub fn is_blank(&self) -> bool {
        match self {
            CellRef::Count(c) => c.is_blank(),
            CellRef::Delta(c) => c.is_blank(),
            CellRef::Money(c) => c.is_blank(),
        }
    }

    /// Whether the cell holds a value.
    pub fn is_value(&self) -> bool {
        match self {
            CellRef::Count(c) => c.is_value(),
            CellRef::Delta(c) => c.is_value(),
            CellRef::Money(c) => c.is_value(),
        }
    }

    /// Whether the cell was not read.
    pub fn is_not_read(&self) -> bool {
        match self {
            CellRef::Count(c) => c.is_not_read(),
            CellRef::Delta(c) => c.is_not_read(),
            CellRef::Money(c) => c.is_not_read(),
        }
    }

    /// Whether the cell is marked not applicable.
    pub fn is_not_applicable(&self) -> bool {
        match self {
            CellRef::Count(c) => matches!(c, Cell::NotApplicable),
            CellRef::Delta(c) => matches!(c, Cell::NotApplicable),
            CellRef::Money(c) => matches!(c, Cell::NotApplicable),
        }
    }

    /// The value as text the way a report prints it (`26`, `+6`, `2626294.00元`); empty for a
    /// blank and `/` for not applicable.
    pub fn display(&self) -> String {
        fn state<T>(c: &Cell<T>, f: impl Fn(&T) -> String) -> String {
            match c {
                Cell::Value(v) => f(v),
                Cell::Blank | Cell::NotRead => String::new(),
                Cell::NotApplicable => crate::cell::NOT_APPLICABLE_MARK.to_owned(),
            }
        }
        match self {
            CellRef::Count(c) => state(c, u64::to_string),
            CellRef::Delta(c) => state(c, |v| {
                if *v > 0 {
                    format!("+{v}")
                } else {
                    v.to_string()
                }
            }),
            CellRef::Money(c) => state(c, Money::to_string),
        }
    }
}

/// A mutable reference to one cell, whatever its kind.
#[derive(Debug, PartialEq, Eq)]
pub enum CellMut<'a> {
    /// A count cell.
    Count(&'a mut Cell<Count>),
    /// A signed change cell.
    Delta(&'a mut Cell<Delta>),
    /// A money cell.
    Money(&'a mut Cell<Money>),
}

/// A typed table whose cells can be reached by row and column id. Implemented by the
/// generated table structs of every edition.
pub trait TableData {
    /// The table's row id.
    type Row: Copy;
    /// The table's column id.
    type Column: Copy;
    /// The cell, if this table has it.
    fn cell(&self, row: Self::Row, column: Self::Column) -> Option<CellRef<'_>>;
    /// The cell, mutably, if this table has it.
    fn cell_mut(&mut self, row: Self::Row, column: Self::Column) -> Option<CellMut<'_>>;
    /// Every cell, handed to `f` in official order (block by block, row by row, column by
    /// column: the order of [`crate::form::TableDecl::cells`]).
    fn for_each_cell<'a>(&'a self, f: impl FnMut(CellRef<'a>));
    /// Every cell in the same order, as a count cell, or `None` for a cell of another kind: the
    /// fast way to read a table of counts for its sums.
    fn for_each_count<'a>(&'a self, mut f: impl FnMut(Option<&'a Cell<Count>>)) {
        self.for_each_cell(|c| match c {
            CellRef::Count(c) => f(Some(c)),
            _ => f(None),
        });
    }
}
