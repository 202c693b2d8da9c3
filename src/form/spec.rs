//! The vocabulary the official form is declared in: plain data, no behaviour.
//!
//! The declarations themselves are in `editions/`, one file per edition. The build script
//! (`build.rs`) compiles this file and the declarations, checks them (every id, group and row
//! set a relation names must exist; a type name means one shape) and generates from them the
//! edition enum, the row and column ids, the typed report structs with their serde and schema
//! derives, the accessors by id, and the static declaration that the rest of the crate reads
//! (`form::Form`). The library compiles this vocabulary too (for [`EditionFacts`], which it
//! gives at run time), but not the declarations.
//!
//! Names and keys are strings here: `id` becomes an enum variant (`"NaturalPerson"` →
//! `ApplicantColumn::NaturalPerson`), `key` a JSON key and a struct field, `type_name` a struct.

/// One edition of the format: its facts and its three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditionSpec {
    /// What the edition is: name, tag, titles, notice, years, deadlines.
    pub facts: EditionFacts,
    /// Section 二.
    pub proactive: TableSpec,
    /// Section 三.
    pub requests: TableSpec,
    /// Section 四.
    pub review: TableSpec,
}

/// The facts of an edition (also what [`Edition::facts`](crate::Edition::facts) gives at run
/// time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EditionFacts {
    /// The edition's one name: the `Edition` and `Tables` variant; its module is the same name
    /// in lower case (`Trial2019` → `report::trial2019`).
    pub name: &'static str,
    /// The JSON tag (`"2019"`).
    pub tag: &'static str,
    /// The official title of the format (`中华人民共和国政府信息公开工作年度报告格式（试行）`).
    pub title: &'static str,
    /// A short Chinese name (`2019年试行格式`), for titles and messages.
    pub short_name: &'static str,
    /// The same in English (`the 2019 trial format`).
    pub english_name: &'static str,
    /// The notice that issued it (`国办公开办函〔2019〕60号`).
    pub notice: &'static str,
    /// One line in English for the documentation.
    pub summary: &'static str,
    /// The first report year it applies to; it applies until the next edition's first year.
    pub first_year: u16,
    /// Publication deadlines in the year after the report year, as (month, day).
    pub deadlines: Deadlines,
}

/// When a report must be published (条例第四十九条), as (month, day) of the next year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Deadlines {
    /// A department of a government at county level or above.
    pub department: (u32, u32),
    /// A people's government's own report.
    pub government: (u32, u32),
}

/// One table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSpec {
    /// The struct of the table.
    pub type_name: &'static str,
    /// Whether the struct is shared by editions (lives in `report`, not an edition's module).
    pub shared: bool,
    /// The struct's documentation (its first line names the section).
    pub doc: &'static str,
    /// The header spanning all value columns (`申请人情况`).
    pub column_header: Option<&'static str>,
    /// The note in the top-left corner (section 三).
    pub corner_note: Option<&'static str>,
    /// Whether the published table lays the rows side by side as column groups (section 四).
    pub rows_are_column_groups: bool,
    /// The blocks, in official order.
    pub blocks: &'static [BlockSpec],
    /// The sum relations between the table's cells.
    pub relations: &'static [RelationSpec],
}

/// A block: a title row, a header row, and rows sharing its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockSpec {
    /// The title row (`第二十条第（一）项`).
    pub title: Option<&'static str>,
    /// The header cell above the row labels (`信息内容`).
    pub stub: Option<&'static str>,
    /// The struct of one row of the block, with its columns.
    pub row_type: RowTypeSpec,
    /// The rows, in official order, as runs of rows (so that editions can share runs).
    pub rows: &'static [&'static [RowSpec]],
}

/// The struct of a row: one field per column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowTypeSpec {
    /// The struct's name.
    pub name: &'static str,
    /// Whether it is shared by editions (lives in `report`).
    pub shared: bool,
    /// Its documentation.
    pub doc: &'static str,
    /// The columns, in official order.
    pub columns: &'static [ColumnSpec],
}

/// What a column's cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A count (件, 项).
    Count,
    /// A signed change (`本年增/减`).
    Delta,
    /// Money; the unit (`"元"`, `"万元"`) if the header fixes one.
    Money(Option<&'static str>),
}

/// A column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// Its id, shared by every edition where it means the same.
    pub id: &'static str,
    /// Its JSON key and field name.
    pub key: &'static str,
    /// The official header label.
    pub label: &'static str,
    /// The header spanning it and its siblings (`法人或其他组织`).
    pub group: Option<&'static str>,
    /// Other wordings seen in real reports.
    pub aliases: &'static [&'static str],
    /// What the cells hold.
    pub kind: Kind,
}

/// A group label over rows (`（三）不予公开`); with `nest`, the rows under it are one struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupSpec {
    /// The numbering as printed (`（三）`).
    pub number: &'static str,
    /// The label (`不予公开`).
    pub name: &'static str,
    /// The struct that holds the rows under the group, if they are nested in the JSON.
    pub nest: Option<NestSpec>,
}

/// The struct and JSON key of a group's rows (`denied`: `Denied`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NestSpec {
    /// The JSON key and field name.
    pub key: &'static str,
    /// The struct.
    pub type_name: &'static str,
    /// Whether it is shared by editions.
    pub shared: bool,
    /// Its documentation.
    pub doc: &'static str,
}

/// A data row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSpec {
    /// Its id, shared by every edition where it means the same.
    pub id: &'static str,
    /// Its JSON key and field name (below its nested groups).
    pub key: &'static str,
    /// The numbering as printed (`1.`, `（一）`, `一、`).
    pub number: &'static str,
    /// The official label after the numbering.
    pub name: &'static str,
    /// The groups above it, outermost first.
    pub groups: &'static [GroupSpec],
    /// Other wordings seen in real reports.
    pub aliases: &'static [&'static str],
    /// Misspellings seen in real reports (read with a warning).
    pub misspellings: &'static [&'static str],
}

/// Rows of a per-column relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// These rows.
    Ids(&'static [&'static str]),
    /// Every row under the group of this name (at any depth), less some.
    Under {
        /// The group's name (`本年度办理结果`).
        group: &'static str,
        /// Rows left out.
        except: &'static [&'static str],
    },
}

/// Columns of a per-row relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cols {
    /// These columns.
    Ids(&'static [&'static str]),
    /// Every column of the block, less some.
    AllExcept(&'static [&'static str]),
}

/// A sum relation: the left side's cells add up to the right side's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationSpec {
    /// In every column.
    PerColumn {
        /// The rule code of a broken instance.
        code: &'static str,
        /// The total side.
        left: Rows,
        /// The parts.
        right: Rows,
        /// Where the form states or implies it.
        source: &'static str,
    },
    /// In every row of the blocks that have the left side's columns.
    PerRow {
        /// The rule code of a broken instance.
        code: &'static str,
        /// The total side.
        left: Cols,
        /// The parts.
        right: Cols,
        /// Where the form states or implies it.
        source: &'static str,
    },
}
