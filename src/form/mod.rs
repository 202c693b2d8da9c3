//! The official form, declared once as data.
//!
//! Each [`Edition`] is declared in one file of `src/form/editions/` (in the vocabulary of
//! `src/form/spec.rs`): its facts (JSON tag, notice, report years, deadlines), and for each table
//! its blocks, rows and columns with a stable id, the JSON key, the official Chinese label and
//! numbering, the aliases seen in real reports, and the sum relations between cells. The build
//! script generates from it the [`Edition`] enum, the row and column ids, the typed report
//! structs and this module's static declaration ([`Form`]); the validator, the readers, the
//! writers, the tidy export and the JSON Schema titles all read that declaration. No label is
//! spelled anywhere else, and no code outside the declaration names an edition.
//!
//! ```
//! use zfxxgk::form::{Edition, form};
//!
//! let f = form(Edition::Format2021);
//! assert_eq!(f.requests.cells().count(), 175);
//! assert_eq!(f.proactive.cells().count(), 10);
//! let first = f.requests.cells().next().unwrap();
//! assert_eq!(first.row.label(), "一、本年新收政府信息公开申请数量");
//! assert_eq!(first.column.label, "自然人");
//! ```

mod ids;
pub mod measures;
mod sections;
pub mod spec;

pub use ids::{CellId, SectionId, TableId, UnknownEdition};
pub use sections::{OVERVIEW_PARTS, PROBLEM_PARTS, SECTIONS};

include!(concat!(env!("OUT_DIR"), "/form.rs"));

use crate::cell::MoneyUnit;

/// What kind of value a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// A non-negative count (件, 项).
    Count,
    /// A signed change (2019 `本年增/减`).
    Delta,
    /// Money; the unit fixed by the column header, if the header prints one.
    Money(Option<MoneyUnit>),
}

/// A group label that spans rows or columns and has no cells of its own (`（三）不予公开`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Group {
    /// The numbering as printed (`（三）`), empty when there is none.
    pub number: &'static str,
    /// The label after the numbering (`不予公开`).
    pub name: &'static str,
}

impl Group {
    /// Numbering and label as printed (`（三）不予公开`).
    pub fn label(&self) -> String {
        format!("{}{}", self.number, self.name)
    }
}

/// A data row of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowDecl<R: 'static> {
    /// Stable id.
    pub id: R,
    /// JSON key path below the table, `/`-separated (`denied/state_secret`).
    pub key: &'static str,
    /// The numbering as printed (`1.`, `（一）`, `一、`), empty when there is none.
    pub number: &'static str,
    /// The official label after the numbering.
    pub name: &'static str,
    /// The group labels above the row, outermost first.
    pub groups: &'static [Group],
    /// Other wordings of `name` seen in real reports, accepted as the same row.
    pub aliases: &'static [&'static str],
    /// Misspellings seen in real reports: accepted, with a warning.
    pub misspellings: &'static [&'static str],
}

impl<R> RowDecl<R> {
    /// Numbering and label as printed (`1.属于国家秘密`).
    pub fn label(&self) -> String {
        format!("{}{}", self.number, self.name)
    }
}

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ColumnDecl<C: 'static> {
    /// Stable id.
    pub id: C,
    /// JSON key of the cell within its row.
    pub key: &'static str,
    /// The official header label.
    pub label: &'static str,
    /// The header that spans this column and its siblings (`法人或其他组织`), if any.
    pub group: Option<&'static str>,
    /// Other wordings seen in real reports.
    pub aliases: &'static [&'static str],
    /// What the cells of the column hold.
    pub kind: CellKind,
}

/// A block of a table: a title row, a header row and the rows that share those columns.
/// Section 二 has one block per item of 第二十条; sections 三 and 四 have one block each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockDecl<R: 'static, C: 'static> {
    /// The block's title row (`第二十条第（一）项`), if it has one.
    pub title: Option<&'static str>,
    /// The label of the header cell above the row labels (`信息内容`), if any.
    pub stub: Option<&'static str>,
    /// The columns, in official order.
    pub columns: &'static [ColumnDecl<C>],
    /// The data rows, in official order.
    pub rows: &'static [RowDecl<R>],
}

/// A sum relation between the cells of a table, stated or implied by the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation<R: 'static, C: 'static> {
    /// In every column: the sum of the `left` rows equals the sum of the `right` rows.
    PerColumn {
        /// The rule code of a broken instance.
        code: &'static str,
        /// Rows summed on the left (the total side).
        left: &'static [R],
        /// Rows summed on the right (the parts).
        right: &'static [R],
        /// Where the form states or implies it.
        source: &'static str,
    },
    /// In every row: the sum of the `left` columns equals the sum of the `right` columns.
    PerRow {
        /// The rule code of a broken instance.
        code: &'static str,
        /// Columns summed on the left (the total side).
        left: &'static [C],
        /// Columns summed on the right (the parts).
        right: &'static [C],
        /// Where the form states or implies it.
        source: &'static str,
    },
}

impl<R, C> Relation<R, C> {
    /// The rule code.
    pub fn code(&self) -> &'static str {
        match self {
            Relation::PerColumn { code, .. } | Relation::PerRow { code, .. } => code,
        }
    }

    /// Where the form states or implies the relation.
    pub fn source(&self) -> &'static str {
        match self {
            Relation::PerColumn { source, .. } | Relation::PerRow { source, .. } => source,
        }
    }
}

/// One official table of one edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableDecl<R: 'static, C: 'static> {
    /// Which table.
    pub id: TableId,
    /// The JSON key of the table in the report (`requests`).
    pub key: &'static str,
    /// The section the table belongs to.
    pub section: SectionId,
    /// The header spanning all value columns (`申请人情况`), if any.
    pub column_header: Option<&'static str>,
    /// The note in the top-left corner, if any (section 三).
    pub corner_note: Option<&'static str>,
    /// Whether the published table lays this model's rows out side by side as column groups
    /// (section 四: 行政复议 | 行政诉讼 › 未经复议直接起诉, 复议后起诉, one data row of 15 cells).
    pub rows_are_column_groups: bool,
    /// The blocks, in official order.
    pub blocks: &'static [BlockDecl<R, C>],
    /// The sum relations between its cells.
    pub relations: &'static [Relation<R, C>],
}

/// One cell of a table declaration, with everything needed to label it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CellDecl<R: 'static, C: 'static> {
    /// The block the cell is in.
    pub block: &'static BlockDecl<R, C>,
    /// The cell's row.
    pub row: &'static RowDecl<R>,
    /// The cell's column.
    pub column: &'static ColumnDecl<C>,
}

impl<R: Copy + PartialEq, C: Copy + PartialEq> TableDecl<R, C> {
    /// Every cell, in official order (block by block, row by row, column by column).
    pub fn cells(&self) -> impl Iterator<Item = CellDecl<R, C>> + '_ {
        let blocks: &'static [BlockDecl<R, C>] = self.blocks;
        blocks.iter().flat_map(|block| {
            block.rows.iter().flat_map(move |row| {
                block
                    .columns
                    .iter()
                    .map(move |column| CellDecl { block, row, column })
            })
        })
    }

    /// Every data row, in official order.
    pub fn rows(&self) -> impl Iterator<Item = &'static RowDecl<R>> + '_ {
        let blocks: &'static [BlockDecl<R, C>] = self.blocks;
        blocks.iter().flat_map(|b| b.rows.iter())
    }

    /// The declaration of a row, if this edition has it.
    pub fn row(&self, id: R) -> Option<&'static RowDecl<R>> {
        self.rows().find(|r| r.id == id)
    }

    /// The block holding a row, if this edition has the row.
    pub fn block_of(&self, id: R) -> Option<&'static BlockDecl<R, C>> {
        let blocks: &'static [BlockDecl<R, C>] = self.blocks;
        blocks.iter().find(|b| b.rows.iter().any(|r| r.id == id))
    }

    /// The column ids of a row's cells, in official order (none if this edition lacks the row).
    pub fn row_cells(&self, row: R) -> impl Iterator<Item = C> + '_ {
        self.block_of(row)
            .into_iter()
            .flat_map(|b| b.columns.iter().map(|c| c.id))
    }

    /// The declaration of a column of a row, if this edition has that cell.
    pub fn column(&self, row: R, column: C) -> Option<&'static ColumnDecl<C>> {
        self.block_of(row)?.columns.iter().find(|c| c.id == column)
    }

    /// The declaration of one cell, if this edition has it.
    pub fn cell(&self, row: R, column: C) -> Option<CellDecl<R, C>> {
        let block = self.block_of(row)?;
        Some(CellDecl {
            block,
            row: block.rows.iter().find(|r| r.id == row)?,
            column: block.columns.iter().find(|c| c.id == column)?,
        })
    }

    /// The JSON Pointer of a cell in a report (`/requests/denied/state_secret/natural_person`).
    pub fn pointer(&self, row: R, column: C) -> Option<String> {
        let c = self.cell(row, column)?;
        Some(cell_pointer(self.key, c.row.key, c.column.key))
    }
}

/// A section of the report: its numbering, official title and the variants seen in real reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SectionDecl {
    /// Which section.
    pub id: SectionId,
    /// The JSON key of the section in the report.
    pub key: &'static str,
    /// The numeral (`一`).
    pub number: &'static str,
    /// The official title after `一、` (`总体情况`).
    pub title: &'static str,
    /// Other titles seen in real reports (without the numeral).
    pub aliases: &'static [&'static str],
    /// The words that make a heading this section's when it is worded otherwise (words added,
    /// dropped or mistyped): alternatives, each a set of words a heading must all hold
    /// (`[["问题", "改进"], ["问题", "措施"]]`).
    pub key_words: &'static [&'static [&'static str]],
}

impl SectionDecl {
    /// The heading as printed (`一、总体情况`).
    pub fn heading(&self) -> String {
        format!("{}、{}", self.number, self.title)
    }
}

/// A named part of a narrative section (the five parts of 总体情况, the parts of section 五).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartDecl {
    /// The JSON key of the part.
    pub key: &'static str,
    /// The numbering usually printed before it (`（一）`).
    pub number: &'static str,
    /// The label (`主动公开`).
    pub label: &'static str,
    /// Other wordings seen in real reports.
    pub aliases: &'static [&'static str],
}

/// The whole form of one edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Form {
    /// The edition.
    pub edition: Edition,
    /// Section 二.
    pub proactive: &'static TableDecl<ProactiveRow, ProactiveColumn>,
    /// Section 三.
    pub requests: &'static TableDecl<RequestRow, ApplicantColumn>,
    /// Section 四.
    pub review: &'static TableDecl<ReviewRow, ReviewColumn>,
}

impl Form {
    /// The edition's facts.
    pub fn facts(&self) -> &'static spec::EditionFacts {
        self.edition.facts()
    }

    /// The six sections, in order (the same in every edition).
    pub fn sections(&self) -> &'static [SectionDecl; 6] {
        &SECTIONS
    }

    /// The declaration of one section.
    pub fn section(&self, id: SectionId) -> &'static SectionDecl {
        &SECTIONS[id as usize]
    }

    /// Every cell of the three tables, in official order, with its id and labels.
    pub fn cells(&self) -> impl Iterator<Item = FormCell> + '_ {
        let p = self
            .proactive
            .cells()
            .map(|c| FormCell::new(self.proactive, c, CellId::Proactive(c.row.id, c.column.id)));
        let r = self
            .requests
            .cells()
            .map(|c| FormCell::new(self.requests, c, CellId::Requests(c.row.id, c.column.id)));
        let v = self
            .review
            .cells()
            .map(|c| FormCell::new(self.review, c, CellId::Review(c.row.id, c.column.id)));
        p.chain(r).chain(v)
    }

    /// Whether this edition has a cell (without building its labels).
    pub fn has(&self, id: CellId) -> bool {
        match id {
            CellId::Proactive(r, c) => self.proactive.column(r, c).is_some(),
            CellId::Requests(r, c) => self.requests.column(r, c).is_some(),
            CellId::Review(r, c) => self.review.column(r, c).is_some(),
        }
    }

    /// The labels and pointer of one cell, if this edition has it.
    pub fn cell(&self, id: CellId) -> Option<FormCell> {
        match id {
            CellId::Proactive(r, c) => Some(FormCell::new(
                self.proactive,
                self.proactive.cell(r, c)?,
                id,
            )),
            CellId::Requests(r, c) => {
                Some(FormCell::new(self.requests, self.requests.cell(r, c)?, id))
            }
            CellId::Review(r, c) => Some(FormCell::new(self.review, self.review.cell(r, c)?, id)),
        }
    }
}

/// One cell of the form with its labels, as [`Form::cells`] yields it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FormCell {
    /// Stable id.
    pub id: CellId,
    /// JSON key of the table (`proactive`, `requests`, `review`).
    pub table: &'static str,
    /// The title of the block (`第二十条第（一）项`), if the block has one.
    pub block_title: Option<&'static str>,
    /// JSON key path of the row.
    pub row_key: &'static str,
    /// Official row label with numbering.
    pub row_label: String,
    /// JSON key of the column.
    pub column_key: &'static str,
    /// Official column label.
    pub column_label: &'static str,
    /// What the cell holds.
    pub kind: CellKind,
}

impl FormCell {
    fn new<R, C>(table: &TableDecl<R, C>, c: CellDecl<R, C>, id: CellId) -> Self {
        FormCell {
            id,
            table: table.key,
            block_title: c.block.title,
            row_key: c.row.key,
            row_label: c.row.label(),
            column_key: c.column.key,
            column_label: c.column.label,
            kind: c.column.kind,
        }
    }

    /// The JSON Pointer of the cell in a report.
    pub fn pointer(&self) -> String {
        cell_pointer(self.table, self.row_key, self.column_key)
    }
}

/// The JSON Pointer of a cell from its table's, row's and column's keys (`/requests/granted/total`).
pub(crate) fn cell_pointer(table: &str, row: &str, column: &str) -> String {
    ["/", table, "/", row, "/", column].concat()
}

/// The form of an edition.
pub fn form(edition: Edition) -> &'static Form {
    edition.form()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn cell_counts_match_the_spec() {
        let a = form(Edition::Trial2019);
        let b = form(Edition::Format2021);
        assert_eq!(a.proactive.cells().count(), 22);
        assert_eq!(b.proactive.cells().count(), 10);
        assert_eq!(a.requests.cells().count(), 161);
        assert_eq!(b.requests.cells().count(), 175);
        assert_eq!(a.review.cells().count(), 15);
        assert_eq!(b.review.cells().count(), 15);
    }

    #[test]
    fn pointers_are_unique() {
        for e in Edition::ALL {
            let f = form(*e);
            let ptrs: Vec<String> = f.cells().map(|c| c.pointer()).collect();
            let set: HashSet<&String> = ptrs.iter().collect();
            assert_eq!(set.len(), ptrs.len(), "{e}");
            let ids: HashSet<CellId> = f.cells().map(|c| c.id).collect();
            assert_eq!(ids.len(), ptrs.len());
        }
    }

    #[test]
    fn outcome_relation_covers_every_leaf_row() {
        for (e, leaves) in [(Edition::Trial2019, 19), (Edition::Format2021, 21)] {
            let f = form(e);
            let rel = f
                .requests
                .relations
                .iter()
                .find(|r| r.code() == "requests.outcome_total")
                .unwrap();
            let Relation::PerColumn { right, .. } = rel else {
                panic!("per column")
            };
            assert_eq!(right.len(), leaves);
            for r in *right {
                assert!(f.requests.row(*r).is_some(), "{r:?} not in {e}");
            }
        }
    }
}
