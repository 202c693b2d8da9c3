//! Reading the tables of sections 二, 三 and 四 from cells: labels matched through the form
//! declaration (keys, aliases, misspellings, labels broken across cells), the edition detected
//! from the labels, values assigned to the rows they follow.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::doc::Tok;
use super::norm::{CellText, classify, key, key_without_note, money};
use super::{Location, Log, msg};
use crate::cell::{Cell, MoneyUnit};
use crate::form::{self, CellKind, Edition, ProactiveRow, RequestRow, TableDecl, TableId};
use crate::report::{CellMut, Report};

/// What a label names in one edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelMeaning {
    /// A data row of section 二.
    Proactive(ProactiveRow),
    /// A data row of section 三.
    Request(RequestRow),
    /// The innermost group label above some rows of section 三 (`（六）其他处理` in the 2021
    /// edition), by its name: a label with no cells of its own, which some reports print as one
    /// row of values in place of its sub-rows.
    Group(&'static str),
    /// A title, header or note: a label with no cells of its own.
    Structural,
}

/// A label of the form, as the index knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownLabel {
    /// What the label names in each edition (index: [`Edition::index`]), if it has it.
    pub targets: Box<[Option<LabelMeaning>]>,
    /// The official label it stands for.
    pub official: &'static str,
    /// Whether the key is a known misspelling.
    pub misspelled: bool,
}

/// Every label of every edition, by key, and the proper prefixes of those keys.
pub struct LabelIndex {
    entries: HashMap<String, KnownLabel>,
    prefixes: HashSet<String>,
}

fn add(
    map: &mut HashMap<String, KnownLabel>,
    text: &str,
    edition: Edition,
    target: LabelMeaning,
    official: &'static str,
    misspelled: bool,
) {
    let k = key(text);
    if k.is_empty() {
        return;
    }
    let e = map.entry(k).or_insert(KnownLabel {
        targets: vec![None; Edition::ALL.len()].into_boxed_slice(),
        official,
        misspelled,
    });
    let slot = &mut e.targets[edition.index()];
    // A data row wins over a structural reading of the same words in the same edition.
    if slot.is_none() || *slot == Some(LabelMeaning::Structural) {
        *slot = Some(target);
    }
}

fn add_table<R: Copy + PartialEq, C: Copy + PartialEq>(
    map: &mut HashMap<String, KnownLabel>,
    edition: Edition,
    decl: &TableDecl<R, C>,
    row_target: impl Fn(R) -> LabelMeaning,
) {
    if let Some(n) = decl.corner_note {
        add(map, n, edition, LabelMeaning::Structural, n, false);
    }
    if let Some(h) = decl.column_header {
        add(map, h, edition, LabelMeaning::Structural, h, false);
    }
    let ambiguous: HashSet<String> = decl
        .blocks
        .iter()
        .flat_map(|b| b.columns.iter().map(|c| key(c.label)))
        .collect();
    for block in decl.blocks {
        if let Some(t) = block.title {
            add(map, t, edition, LabelMeaning::Structural, t, false);
        }
        if let Some(s) = block.stub {
            add(map, s, edition, LabelMeaning::Structural, s, false);
        }
        for c in block.columns {
            add(
                map,
                c.label,
                edition,
                LabelMeaning::Structural,
                c.label,
                false,
            );
            for a in c.aliases {
                add(map, a, edition, LabelMeaning::Structural, c.label, false);
            }
            if let Some(g) = c.group {
                add(map, g, edition, LabelMeaning::Structural, g, false);
            }
        }
        for r in block.rows {
            let t = row_target(r.id);
            let official = r.name;
            add(map, &r.label(), edition, t, official, false);
            for (n, g) in r.groups.iter().enumerate() {
                let innermost = n + 1 == r.groups.len() && !decl.rows_are_column_groups;
                let meaning = if innermost {
                    LabelMeaning::Group(g.name)
                } else {
                    LabelMeaning::Structural
                };
                add(map, &g.label(), edition, meaning, g.name, false);
                add(map, g.name, edition, meaning, g.name, false);
            }
            let mut names: Vec<(&str, bool)> = vec![(r.name, false)];
            names.extend(r.aliases.iter().map(|a| (*a, false)));
            names.extend(r.misspellings.iter().map(|a| (*a, true)));
            for (n, miss) in names {
                if decl.rows_are_column_groups {
                    add(map, n, edition, LabelMeaning::Structural, official, miss);
                    continue;
                }
                if !ambiguous.contains(&key(n)) {
                    add(map, n, edition, t, official, miss);
                }
                if !r.number.is_empty() {
                    add(map, &format!("{}{n}", r.number), edition, t, official, miss);
                }
            }
        }
    }
}

/// The label index of every edition (built once).
pub fn index() -> &'static LabelIndex {
    static INDEX: OnceLock<LabelIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::new();
        for &e in Edition::ALL {
            let f = form::form(e);
            add_table(&mut map, e, f.proactive, LabelMeaning::Proactive);
            add_table(&mut map, e, f.requests, LabelMeaning::Request);
            add_table(&mut map, e, f.review, |_| LabelMeaning::Structural);
        }
        let mut prefixes = HashSet::new();
        for k in map.keys() {
            let chars: Vec<char> = k.chars().collect();
            for n in 1..chars.len() {
                prefixes.insert(chars[..n].iter().collect());
            }
        }
        LabelIndex {
            entries: map,
            prefixes,
        }
    })
}

impl LabelIndex {
    fn get(&'static self, k: &str) -> Option<(&'static KnownLabel, bool)> {
        if let Some(e) = self.entries.get(k) {
            return Some((e, false));
        }
        key_without_note(k)
            .and_then(|s| self.entries.get(s))
            .map(|e| (e, true))
    }
}

/// A cell token after label matching.
#[derive(Debug, Clone)]
pub enum TableToken {
    /// A known label, spanning one or more tokens.
    Label(&'static KnownLabel, String),
    /// A value (or an empty cell).
    Value(CellText),
    /// Text that is neither.
    Unknown(String),
}

/// Match labels (joining a label broken across cells, `本年新` + `制作数量`) and classify values.
pub fn resolve(toks: &[Tok]) -> Vec<(TableToken, Location)> {
    let idx = index();
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let k = key(&t.text);
        if !k.is_empty() {
            if let Some((e, _)) = idx.get(&k) {
                out.push((TableToken::Label(e, t.text.clone()), t.loc));
                i += 1;
                continue;
            }
            if idx.prefixes.contains(&k) {
                let mut joined = k.clone();
                let mut text = t.text.clone();
                let mut best = None;
                // Up to 24 pieces: a vertical header, one character a line (`三` / `、` / `本` …).
                for (j, next) in toks.iter().enumerate().skip(i + 1).take(24) {
                    joined.push_str(&key(&next.text));
                    text.push_str(&next.text);
                    if let Some((e, _)) = idx.entries.get(&joined).map(|e| (e, ())) {
                        best = Some((j, e, text.clone()));
                    }
                    if !idx.prefixes.contains(&joined) {
                        break;
                    }
                }
                if let Some((j, e, text)) = best {
                    out.push((TableToken::Label(e, text), t.loc));
                    i = j + 1;
                    continue;
                }
            }
        }
        let c = classify(&t.text);
        let item = match c {
            CellText::Other(s) => TableToken::Unknown(s),
            v => TableToken::Value(v),
        };
        out.push((item, t.loc));
        i += 1;
    }
    out
}

/// Adds the votes of a table's labels: each label counts for every edition that has it, unless
/// every edition has it (`votes` is indexed by [`Edition::index`]).
pub fn vote(items: &[(TableToken, Location)], votes: &mut [usize]) {
    for (item, _) in items {
        if let TableToken::Label(e, _) = item {
            if e.targets.iter().all(Option::is_some) {
                continue;
            }
            for (v, t) in votes.iter_mut().zip(e.targets.iter()) {
                *v += usize::from(t.is_some());
            }
        }
    }
}

/// A row of a table as `pdftotext`'s plain layout gives it: a data row, or a group label printed
/// as one row in place of its sub-rows; its cells.
enum OrderRow {
    Data(Vec<(crate::CellId, CellKind, String)>),
    Group(&'static str, Vec<Vec<(crate::CellId, CellKind, String)>>),
}

impl OrderRow {
    fn width(&self) -> usize {
        match self {
            OrderRow::Data(c) => c.len(),
            OrderRow::Group(_, rows) => rows.first().map_or(0, Vec::len),
        }
    }
}

/// The rows whose labels a table's text has, in the form's order: data rows, and groups whose
/// sub-rows' labels are all absent (a group printed as one row).
fn rows_present(
    report: &Report,
    items: &[(TableToken, Location)],
    table: TableId,
) -> Vec<OrderRow> {
    let edition = report.edition();
    let f = report.form();
    let found: Vec<LabelMeaning> = items
        .iter()
        .filter_map(|(t, _)| match t {
            TableToken::Label(e, _) => e.targets[edition.index()],
            _ => None,
        })
        .collect();
    let mut out: Vec<OrderRow> = Vec::new();
    let mut groups_done: Vec<&str> = Vec::new();
    match table {
        TableId::Proactive => {
            for r in f.proactive.rows() {
                if found.contains(&LabelMeaning::Proactive(r.id)) {
                    out.push(OrderRow::Data(row_targets(
                        f.proactive,
                        r.id,
                        crate::CellId::Proactive,
                    )));
                }
            }
        }
        TableId::Requests => {
            for r in f.requests.rows() {
                if found.contains(&LabelMeaning::Request(r.id)) {
                    out.push(OrderRow::Data(row_targets(
                        f.requests,
                        r.id,
                        crate::CellId::Requests,
                    )));
                    continue;
                }
                let Some(g) = r
                    .groups
                    .last()
                    .filter(|g| found.contains(&LabelMeaning::Group(g.name)))
                else {
                    continue;
                };
                if groups_done.contains(&g.name) {
                    continue;
                }
                let subs: Vec<_> = f
                    .requests
                    .rows()
                    .filter(|x| x.groups.last().is_some_and(|h| h.name == g.name))
                    .collect();
                if subs
                    .iter()
                    .all(|x| !found.contains(&LabelMeaning::Request(x.id)))
                {
                    groups_done.push(g.name);
                    let cells = subs
                        .iter()
                        .map(|x| row_targets(f.requests, x.id, crate::CellId::Requests))
                        .collect();
                    out.push(OrderRow::Group(g.name, cells));
                }
            }
        }
        TableId::Review => {}
    }
    out
}

/// The plain layout of `pdftotext` (no `-layout`): a table's cells come in the order of the PDF's
/// text blocks, not row by row. A row's values may come before its label, and labels may come
/// after all the values. What stays is the order of the values, top to bottom, and the blocks:
/// a cell on its own is a block (a line between blank lines), and a column of cells that the
/// text flow took together is one block of several lines (ten 自然人 values, then, after a blank
/// line, ten 商业企业 values …).
///
/// So when a text puts values where the label-then-values reading cannot take them (a run after
/// something that is not a row label, or longer than the row before it), the rows whose labels
/// the text has are taken in the form's order, and the values are laid on them in order: a
/// block of one value is the next cell, row by row; seven blocks of k values are k rows of
/// section 三, column by column. Where anything does not fit exactly (a column block inside a
/// row, blocks of different lengths, more or fewer values than cells, an empty cell), nothing is
/// read this way and the label-then-values reading is used; so is it when a run of values follows
/// text that is no known label (an unrecognised row's values would shift every row after it). No
/// sum of the form is used to decide anything. Returns the rows read, or `None` when this reading
/// does not apply.
fn fill_by_order(
    report: &mut Report,
    items: &[(TableToken, Location)],
    table: TableId,
    log: &mut Log,
) -> Option<usize> {
    if items.iter().any(|(t, l)| {
        !matches!(l, Location::Line { .. }) || matches!(t, TableToken::Value(CellText::Empty))
    }) {
        return None;
    }
    let edition = report.edition();
    // The runs of values, and whether any is out of place.
    let mut runs: Vec<&[(TableToken, Location)]> = Vec::new();
    let mut misplaced = false;
    let mut i = 0;
    while i < items.len() {
        if !matches!(items[i].0, TableToken::Value(_)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < items.len() && matches!(items[i].0, TableToken::Value(_)) {
            i += 1;
        }
        let before = start.checked_sub(1).map(|k| &items[k].0);
        // Values after text that is no known label may be an unrecognised row's: the rows
        // present would not be the rows the values are in, so the order tells nothing.
        if matches!(before, Some(TableToken::Unknown(_))) {
            return None;
        }
        let width = match before {
            Some(TableToken::Label(e, _)) => match (e.targets[edition.index()], table) {
                (Some(LabelMeaning::Proactive(r)), TableId::Proactive) => {
                    row_targets(report.form().proactive, r, crate::CellId::Proactive).len()
                }
                (Some(LabelMeaning::Request(r)), TableId::Requests) => {
                    row_targets(report.form().requests, r, crate::CellId::Requests).len()
                }
                (Some(LabelMeaning::Group(_)), TableId::Requests) => 7,
                _ => 0,
            },
            _ => 0,
        };
        misplaced |= width == 0 || i - start > width;
        runs.push(&items[start..i]);
    }
    if !misplaced {
        return None;
    }
    let rows = rows_present(report, items, table);
    let total: usize = rows.iter().map(OrderRow::width).sum();
    if total == 0 || total != runs.iter().map(|r| r.len()).sum::<usize>() {
        return None;
    }
    let plan = order_plan(&rows, &runs, table)?;
    for (item, loc) in items {
        warn_misspelled(item, *loc, log);
    }
    log.note(
        runs.first().map(|r| r[0].1),
        msg(
            "表格单元格不按行排列（pdftotext 纯文本格式）：按各行的正式顺序依次读取数值，多行合成的一块按列读取",
            "the table's cells do not come row by row (pdftotext's plain layout): the values are read on the rows in the form's order, a block of several lines column by column",
        ),
    );
    let mut filled = Rows::default();
    for (r, values) in plan {
        let values: Vec<(TableToken, Location)> = values.into_iter().cloned().collect();
        match &rows[r] {
            OrderRow::Data(cells) => {
                filled.filled.insert(cells[0].0);
                for ((t, vloc), (id, kind, pointer)) in values.iter().zip(cells) {
                    if let TableToken::Value(v) = t {
                        assign(report, *id, *kind, v, pointer, *vloc, log);
                    }
                }
            }
            OrderRow::Group(name, subs) => {
                let at = values[0].1;
                group_values(report, &values, (name, at), subs, &mut filled, log);
            }
        }
    }
    let f = report.form();
    match table {
        TableId::Proactive => {
            missing_rows(f.proactive, crate::CellId::Proactive, &filled.filled, log)
        }
        TableId::Requests => missing_rows(f.requests, crate::CellId::Requests, &filled.filled, log),
        TableId::Review => {}
    }
    Some(rows.len())
}

/// A misspelled label, read with a warning.
fn warn_misspelled(item: &TableToken, loc: Location, log: &mut Log) {
    if let TableToken::Label(e, text) = item
        && e.misspelled
    {
        log.warn(
            loc,
            msg(
                format!("标签“{text}”有错字，按“{}”读取", e.official),
                format!("misspelled label “{text}” read as “{}”", e.official),
            ),
        );
    }
}

/// A row's place among the rows present, and its values in column order.
type Planned<'a> = (usize, Vec<&'a (TableToken, Location)>);

/// `pdftotext`'s text blocks among runs of values: values on consecutive lines are one block
/// (a column of cells the PDF's text flow took together); a blank line ends a block.
fn blocks<'a>(runs: &[&'a [(TableToken, Location)]]) -> Vec<&'a [(TableToken, Location)]> {
    let line = |l: &Location| match l {
        Location::Line { line, .. } => *line,
        _ => 0,
    };
    let mut out = Vec::new();
    for run in runs {
        let mut start = 0;
        for k in 1..=run.len() {
            if k == run.len() || line(&run[k].1) != line(&run[k - 1].1) + 1 {
                out.push(&run[start..k]);
                start = k;
            }
        }
    }
    out
}

/// The values of `runs` laid on `rows` (index of the row, its values in column order): a block
/// of one value is the next cell, row by row; a block of k > 1 values starts k rows of section 三
/// given column by column, seven blocks of k values. Anything else: `None`.
fn order_plan<'a>(
    rows: &[OrderRow],
    runs: &[&'a [(TableToken, Location)]],
    table: TableId,
) -> Option<Vec<Planned<'a>>> {
    let blocks = blocks(runs);
    let mut plan: Vec<Planned<'a>> = Vec::new();
    let (mut r, mut b) = (0, 0);
    let mut current: Vec<&(TableToken, Location)> = Vec::new();
    while b < blocks.len() {
        let block = blocks[b];
        let width = rows.get(r)?.width();
        if block.len() == 1 {
            current.push(&block[0]);
            b += 1;
            if current.len() == width {
                plan.push((r, std::mem::take(&mut current)));
                r += 1;
            }
            continue;
        }
        // A column of k cells: k rows of seven, column by column, at a row's start.
        let k = block.len();
        let group = blocks.get(b..b + 7)?;
        let fits = current.is_empty()
            && table == TableId::Requests
            && group.iter().all(|g| g.len() == k)
            && rows.get(r..r + k)?.iter().all(|row| row.width() == 7);
        if !fits {
            return None;
        }
        for row in 0..k {
            plan.push((r + row, group.iter().map(|col| &col[row]).collect()));
        }
        r += k;
        b += 7;
    }
    (r == rows.len() && current.is_empty()).then_some(plan)
}

/// Assign the values that follow each row label to the row's cells.
pub fn fill_rows(
    report: &mut Report,
    items: &[(TableToken, Location)],
    table: TableId,
    log: &mut Log,
) -> usize {
    if let Some(n) = fill_by_order(report, items, table, log) {
        return n;
    }
    let edition = report.edition();
    let f = report.form();
    let mut rows = Rows::default();
    let mut rows_read = 0;
    let mut i = 0;
    while i < items.len() {
        let (item, loc) = &items[i];
        i += 1;
        let target = match item {
            TableToken::Label(e, _) => {
                warn_misspelled(item, *loc, log);
                e.targets[edition.index()]
            }
            TableToken::Unknown(text) => {
                log.unread(*loc, text);
                continue;
            }
            TableToken::Value(_) => continue,
        };
        // Each row: its cells, in the order of its block's columns.
        let cells = match (target, table) {
            (Some(LabelMeaning::Proactive(r)), TableId::Proactive) => {
                row_targets(f.proactive, r, crate::CellId::Proactive)
            }
            (Some(LabelMeaning::Request(r)), TableId::Requests) => {
                row_targets(f.requests, r, crate::CellId::Requests)
            }
            (Some(LabelMeaning::Group(name)), TableId::Requests) => {
                let group = (item_text(item), *loc);
                i = group_row(report, items, i, name, group, &mut rows, log);
                continue;
            }
            _ => continue,
        };
        if cells.is_empty() {
            continue;
        }
        let row_name = match item {
            TableToken::Label(_, t) => t.clone(),
            _ => String::new(),
        };
        if !rows.filled.insert(cells[0].0) {
            log.warn(
                *loc,
                msg(
                    format!("“{row_name}”行重复出现，忽略第二次"),
                    format!("row “{row_name}” appears again; the second one is ignored"),
                ),
            );
            continue;
        }
        rows_read += 1;
        i = take_row_values(report, items, i, &cells, (&row_name, *loc), &mut rows, log);
    }
    if rows_read > 0 {
        match table {
            TableId::Proactive => {
                missing_rows(f.proactive, crate::CellId::Proactive, &rows.filled, log)
            }
            TableId::Requests => {
                missing_rows(f.requests, crate::CellId::Requests, &rows.filled, log)
            }
            TableId::Review => missing_rows(f.review, crate::CellId::Review, &rows.filled, log),
        }
    }
    rows_read
}

fn item_text(item: &TableToken) -> &str {
    match item {
        TableToken::Label(_, t) | TableToken::Unknown(t) => t,
        TableToken::Value(_) => "",
    }
}

/// A group label of section 三 followed by values of its own (`（六）其他处理 0 0 0 0 0 0 0`,
/// as both shared PDFs print it in place of its three sub-rows). Counts are never negative, so
/// values that are all 0 make every cell of every sub-row 0 (with a note); any other values leave
/// the sub-rows not read and are kept in the log only. Returns the index after the values.
fn group_row(
    report: &mut Report,
    items: &[(TableToken, Location)],
    mut i: usize,
    name: &str,
    (label, loc): (&str, Location),
    rows: &mut Rows,
    log: &mut Log,
) -> usize {
    let start = i;
    while let Some((TableToken::Value(_), _)) = items.get(i) {
        i += 1;
    }
    let run = &items[start..i];
    // Empty cells beside the group's label (a layout's padding) are no row of values.
    if run
        .iter()
        .all(|(v, _)| matches!(v, TableToken::Value(CellText::Empty)))
    {
        return i;
    }
    let decl = report.form().requests;
    let sub_rows: Vec<_> = decl
        .blocks
        .iter()
        .flat_map(|b| b.rows.iter())
        .filter(|r| r.groups.last().is_some_and(|g| g.name == name))
        .map(|r| row_targets(decl, r.id, crate::CellId::Requests))
        .collect();
    let width = sub_rows.first().map_or(0, Vec::len);
    let fitted = rows.columns.fit(run, width);
    let values: &[(TableToken, Location)] = fitted.as_deref().unwrap_or(run);
    group_values(report, values, (label, loc), &sub_rows, rows, log);
    i
}

/// The values a group label of section 三 is printed with, on its sub-rows: all 0 (counts are
/// never negative, so each sub-row is 0), or else not read, with the values in the log.
fn group_values(
    report: &mut Report,
    values: &[(TableToken, Location)],
    (label, loc): (&str, Location),
    sub_rows: &[Vec<(crate::CellId, CellKind, String)>],
    rows: &mut Rows,
    log: &mut Log,
) {
    let width = sub_rows.first().map_or(0, Vec::len);
    let zeros = values.len() == width
        && values
            .iter()
            .all(|(v, _)| matches!(v, TableToken::Value(CellText::Integer(0, _))));
    let shown = shown_values(values);
    if !zeros {
        log.warn(
            loc,
            msg(
                format!("“{label}”印作一行数值（{shown}），不能分到其各子行，其子行未读取"),
                format!(
                    "group “{label}” is printed as one row of values ({shown}), which cannot be split among its sub-rows; they are not read"
                ),
            ),
        );
        return;
    }
    for cells in sub_rows {
        if let Some((id, ..)) = cells.first() {
            rows.filled.insert(*id);
        }
        for ((id, kind, pointer), (_, vloc)) in cells.iter().zip(values) {
            assign(
                report,
                *id,
                *kind,
                &CellText::Integer(0, String::new()),
                pointer,
                *vloc,
                log,
            );
        }
    }
    log.note(
        Some(loc),
        msg(
            format!(
                "“{label}”印作一行 0，代替其 {} 个子行：计数不为负，和为 0 则各项均为 0，子行均读作 0",
                sub_rows.len()
            ),
            format!(
                "group “{label}” is printed as one row of zeros in place of its {} sub-rows: counts are never negative, so each sub-row is read as 0",
                sub_rows.len()
            ),
        ),
    );
}

/// A run of values as the log shows them: `4 0 0 / 4`.
fn shown_values(values: &[(TableToken, Location)]) -> String {
    let shown: Vec<String> = values
        .iter()
        .map(|(v, _)| match v {
            TableToken::Value(CellText::Integer(n, u)) => format!("{n}{u}"),
            TableToken::Value(CellText::Amount(a, _)) => a.to_string(),
            TableToken::Value(CellText::NotApplicable) => "/".to_owned(),
            _ => String::new(),
        })
        .collect();
    shown.join(" ")
}

/// Assigns the values from `items[i]` on to a row's cells; logs a row with too few values, and
/// reads none of a row with more values than cells (with a warning). Returns the index after
/// the row's values.
fn take_row_values(
    report: &mut Report,
    items: &[(TableToken, Location)],
    i: usize,
    cells: &[(crate::CellId, CellKind, String)],
    (row_name, loc): (&str, Location),
    rows: &mut Rows,
    log: &mut Log,
) -> usize {
    let n = cells.len();
    if let Some(end) = cells_with_text(items, i, n) {
        // Text in a cell among the row's values (`无`, `5,9`, `59(含网申)`): each token stands
        // in its cell; the text is not read (`assign` says so) and the numbers are.
        for ((t, vloc), (id, kind, pointer)) in items[i..end].iter().zip(cells) {
            let v = match t {
                TableToken::Value(v) => v.clone(),
                other => CellText::Other(item_text(other).to_owned()),
            };
            assign(report, *id, *kind, &v, pointer, *vloc, log);
        }
        return end;
    }
    // The row's values run to the next label; more of them than the row has cells means the
    // values cannot be told apart (a joined row, a column the form does not have): none is read.
    let end = items[i..]
        .iter()
        .position(|(t, _)| !matches!(t, TableToken::Value(_)))
        .map_or(items.len(), |p| i + p);
    let all = &items[i..end];
    let Some(fitted) = rows.columns.fit(all, n) else {
        let shown = shown_values(all);
        let given = all.len();
        log.warn(
            loc,
            msg(
                format!("“{row_name}”行有 {given} 个单元格（{shown}），多于其 {n} 个单元格，不能判断各值所属单元格，该行未读取"),
                format!(
                    "row “{row_name}” has {given} cells ({shown}), more than its {n}, so which value belongs to which cell is unknown; the row is not read",
                ),
            ),
        );
        return end;
    };
    let values: &[(TableToken, Location)] = &fitted;
    if values.len() == n {
        rows.columns.learn(values);
    }
    if values.len() < n {
        // Fewer values than cells: a cell was dropped somewhere (an empty cell lost in the
        // copy, a page cut short), and where cannot be told, so none is read.
        let text_next = match items.get(end) {
            // Short text, as a cell holds (`12.5万`, `无`), not a label the index lacks.
            Some((TableToken::Unknown(t), _)) if t.chars().count() <= 10 => Some(t.as_str()),
            _ => None,
        };
        let (zh, en) = if let (true, Some(t)) = (values.is_empty(), text_next) {
            (
                format!("“{row_name}”行的值“{t}”不是数值，其 {n} 个单元格未读取"),
                format!(
                    "row “{row_name}”: its value “{t}” is not a number; its {n} cells are not read"
                ),
            )
        } else if values.is_empty() {
            (
                format!("“{row_name}”行没有数值，其 {n} 个单元格未读取"),
                format!("row “{row_name}” has 0 of {n} cells; they are not read"),
            )
        } else {
            let shown = shown_values(values);
            (
                format!(
                    "“{row_name}”行只有 {} 个数值（{shown}），少于其 {n} 个单元格，不能判断各值所属单元格，该行未读取",
                    values.len()
                ),
                format!(
                    "row “{row_name}” has {} of {n} cells ({shown}), so which value belongs to which cell is unknown; the row is not read",
                    values.len()
                ),
            )
        };
        log.warn(loc, msg(zh, en));
        return end;
    }
    for ((t, vloc), (id, kind, pointer)) in values.iter().zip(cells) {
        if let TableToken::Value(v) = t {
            assign(report, *id, *kind, v, pointer, *vloc, log);
        }
    }
    end
}

/// The end of a row's tokens when text stands in some of its cells: the tokens from `i` up to
/// the next label are exactly the row's `n` cells, each a value or a short text (at most ten
/// characters, as `无` or `5,9`) with a value after it. `None` otherwise (no text among the
/// values, a count that does not match, text at the end of the run, which may be a stray
/// fragment of the page rather than a cell): the caller then reads the values as before.
fn cells_with_text(items: &[(TableToken, Location)], i: usize, n: usize) -> Option<usize> {
    let run: Vec<&TableToken> = items[i..]
        .iter()
        .map(|(t, _)| t)
        .take_while(|t| match t {
            TableToken::Value(_) => true,
            TableToken::Unknown(text) => text.chars().count() <= 10,
            TableToken::Label(..) => false,
        })
        .take(n + 1)
        .collect();
    let text_at = |k: usize| matches!(run[k], TableToken::Unknown(_));
    let has_text = (0..run.len()).any(text_at);
    let ends_in_value = run
        .last()
        .is_some_and(|t| matches!(t, TableToken::Value(_)));
    (run.len() == n && has_text && ends_in_value).then_some(i + n)
}

/// Where a grid source (a PDF, an HTML table) puts a value: the cell's grid column (HTML) or its
/// left edge in points (PDF). Text sources have none.
fn grid_key(loc: Location) -> Option<(u8, u32)> {
    match loc {
        Location::Cell { column, .. } => Some((0, u32::try_from(column).unwrap_or(u32::MAX))),
        Location::Page { x, .. } => Some((1, x)),
        _ => None,
    }
}

/// The value columns of a grid source, learned from its first row with as many values as cells:
/// for each row width, where each cell's value stands.
#[derive(Default)]
struct Columns(HashMap<usize, Vec<(u8, u32)>>);

impl Columns {
    /// Learn the columns from a row whose values fit its cells exactly.
    fn learn(&mut self, values: &[(TableToken, Location)]) {
        let keys: Option<Vec<(u8, u32)>> = values.iter().map(|(_, l)| grid_key(*l)).collect();
        if let Some(keys) = keys {
            self.0.entry(values.len()).or_insert(keys);
        }
    }

    /// A row's run of values fitted to its `n` cells. As many values as cells, or fewer (the
    /// caller says why those are not read), are the run itself. More are fitted
    ///
    /// - in a grid source whose columns are known, by position: the values standing in the
    ///   known columns, one in each;
    /// - otherwise when the surplus is empty cells at the end of the run (a layout's padding or
    ///   row terminator, as the lone `|` closing every row of layout (b)), or at its start only
    ///   (an empty cell under a label column that the row's label spans).
    ///
    /// Anything else (a surplus of values, empty cells in the middle) cannot be told apart, and
    /// there is no fit.
    fn fit<'v>(
        &self,
        values: &'v [(TableToken, Location)],
        n: usize,
    ) -> Option<std::borrow::Cow<'v, [(TableToken, Location)]>> {
        use std::borrow::Cow;
        if values.len() <= n {
            return Some(Cow::Borrowed(values));
        }
        if let Some(keys) = self.0.get(&n) {
            let near = |a: (u8, u32), b: (u8, u32)| a.0 == b.0 && a.1.abs_diff(b.1) <= 3;
            let placed: Vec<(TableToken, Location)> = values
                .iter()
                .filter(|(_, l)| grid_key(*l).is_some_and(|k| keys.iter().any(|c| near(*c, k))))
                .cloned()
                .collect();
            let in_order = placed.len() == n
                && placed
                    .iter()
                    .zip(keys)
                    .all(|((_, l), k)| grid_key(*l).is_some_and(|g| near(g, *k)));
            if in_order {
                return Some(Cow::Owned(placed));
            }
        }
        let surplus = values.len() - n;
        let empty =
            |(t, _): &&(TableToken, Location)| matches!(t, TableToken::Value(CellText::Empty));
        let lead = values.iter().take_while(empty).count();
        let trail = values.iter().rev().take_while(empty).count();
        if trail >= surplus {
            Some(Cow::Borrowed(&values[..n]))
        } else if lead >= surplus && trail == 0 {
            Some(Cow::Borrowed(&values[surplus..]))
        } else {
            None
        }
    }
}

/// What reading a table's rows keeps: the rows filled, and the value columns learned.
#[derive(Default)]
struct Rows {
    filled: HashSet<crate::CellId>,
    columns: Columns,
}

/// The cells of row `r`, in the order of its block's columns: id, kind and JSON Pointer.
fn row_targets<R: Copy + PartialEq, C: Copy + PartialEq>(
    decl: &TableDecl<R, C>,
    r: R,
    id: impl Fn(R, C) -> crate::CellId,
) -> Vec<(crate::CellId, CellKind, String)> {
    let Some(block) = decl.block_of(r) else {
        return Vec::new();
    };
    let Some(row) = block.rows.iter().find(|x| x.id == r) else {
        return Vec::new();
    };
    block
        .columns
        .iter()
        .map(|c| {
            let pointer = form::cell_pointer(decl.key, row.key, c.key);
            (id(r, c.id), c.kind, pointer)
        })
        .collect()
}

/// Logs every declared row of the table whose first cell was not filled.
fn missing_rows<R: Copy, C: Copy>(
    decl: &TableDecl<R, C>,
    id: impl Fn(R, C) -> crate::CellId,
    filled: &HashSet<crate::CellId>,
    log: &mut Log,
) {
    for block in decl.blocks {
        let Some(first) = block.columns.first() else {
            continue;
        };
        for row in block.rows {
            if !filled.contains(&id(row.id, first.id)) {
                log.not_found(msg(
                    format!("未找到“{}”行，其单元格未读取", row.label()),
                    format!("row “{}” not found; its cells are not read", row.label()),
                ));
            }
        }
    }
}

/// Values with where they stand.
type Placed<'a> = Vec<(&'a CellText, Location)>;

/// The values of section 四's data row, and every value after its last header. The data row is
/// the cells after the last header: empty cells count where the layout shows them (a
/// tab-indented blank, an HTML `&nbsp;`); if they do not make up the row exactly, the row's ends
/// are trimmed. A text that puts a header among the values (`pdftotext` prints section 四's last
/// header after fourteen of its values) gives them all in the section, in order. Any other count
/// of values cannot be placed, and none is taken.
fn review_values<'a>(
    items: &'a [(TableToken, Location)],
    n: usize,
    log: &mut Log,
) -> (Placed<'a>, Placed<'a>) {
    let after = items
        .iter()
        .rposition(|(it, _)| matches!(it, TableToken::Label(..)))
        .map_or(0, |k| k + 1);
    let values_in = |from: usize| -> Vec<(&CellText, Location)> {
        items[from..]
            .iter()
            .filter_map(|(it, loc)| match it {
                TableToken::Value(v) => Some((v, *loc)),
                _ => None,
            })
            .collect()
    };
    let data = values_in(after);
    let trimmed = || -> Option<Vec<(&CellText, Location)>> {
        if data.len() == n {
            return Some(data.clone());
        }
        let first = data.iter().position(|(v, _)| **v != CellText::Empty)?;
        let last = data.iter().rposition(|(v, _)| **v != CellText::Empty)?;
        (last + 1 - first == n).then(|| data[first..=last].to_vec())
    };
    let whole: Vec<(&CellText, Location)> = values_in(0)
        .into_iter()
        .filter(|(v, _)| **v != CellText::Empty)
        .collect();
    let values = match (trimmed(), whole.len() == n && data.len() < n) {
        (Some(v), _) => v,
        (None, true) => {
            log.note(
                whole.first().map(|(_, l)| *l),
                msg(
                    format!("第四部分的表头夹在数值之间；按顺序读取全部 {n} 个数值"),
                    format!(
                        "section 四 has a header among its values; its {n} values are read in order"
                    ),
                ),
            );
            whole
        }
        (None, false) => Vec::new(),
    };
    (values, data)
}

/// Assign the values of a table whose data row has no label of its own (section 四: one row of
/// 15 cells under the headers), in official order. Returns 0 when the section holds no table
/// at all (neither its labels nor values).
pub fn fill_in_order(
    report: &mut Report,
    items: &[(TableToken, Location)],
    log: &mut Log,
) -> usize {
    let f = report.form();
    let cells: Vec<(crate::CellId, CellKind, String)> = f
        .cells()
        .filter(|c| c.id.table() == TableId::Review)
        .map(|fc| (fc.id, fc.kind, fc.pointer()))
        .collect();
    for (it, loc) in items {
        if let TableToken::Unknown(t) = it {
            log.unread(*loc, t);
        }
    }
    let n = cells.len();
    let (values, data) = review_values(items, n, log);
    let labels = items
        .iter()
        .any(|(it, _)| matches!(it, TableToken::Label(..)));
    let given = data.iter().filter(|(v, _)| **v != CellText::Empty).count();
    if values.is_empty() && given > 0 {
        let at = data[0].1;
        log.warn(
            at,
            msg(
                format!("第四部分 {n} 个单元格有 {given} 个数值，不能判断各值所属单元格，未读取"),
                format!(
                    "section 四 has {given} {} for {n} cells, so which value belongs to which cell is unknown; not read",
                    plural(given, "value", "values"),
                ),
            ),
        );
        return 1;
    }
    if values.is_empty() && labels {
        if let Some((_, at)) = items.first() {
            log.warn(
                *at,
                msg(
                    "第四部分只有表头、没有数值，其单元格未读取",
                    "section 四 has its headers but no values; its cells are not read",
                ),
            );
        }
        return 1;
    }
    for ((id, kind, pointer), (v, loc)) in cells.iter().zip(&values) {
        assign(report, *id, *kind, v, pointer, *loc, log);
    }
    values.len()
}

fn assign(
    report: &mut Report,
    id: crate::CellId,
    kind: CellKind,
    v: &CellText,
    pointer: &str,
    loc: Location,
    log: &mut Log,
) {
    let Some(slot) = report.cell_mut(id) else {
        return;
    };
    let shown = match v {
        CellText::Empty => String::new(),
        CellText::NotApplicable => "/".into(),
        CellText::Integer(n, u) => format!("{n}{u}"),
        CellText::Amount(a, u) => format!("{a}{}", u.map_or("", MoneyUnit::label)),
        CellText::Other(t) => t.clone(),
    };
    let mut problem: Option<(String, String)> = None;
    match (slot, kind) {
        (CellMut::Count(c), _) => {
            *c = match v {
                CellText::Empty => Cell::Blank,
                CellText::NotApplicable => Cell::NotApplicable,
                CellText::Integer(n, _) => match u64::try_from(*n) {
                    Ok(n) => Cell::Value(n),
                    Err(_) => {
                        problem = Some((
                            format!("“{shown}”不是件数（为负或过大），未读取"),
                            format!("“{shown}” is not a count (negative or too large); not read"),
                        ));
                        Cell::NotRead
                    }
                },
                _ => {
                    problem = Some((
                        format!("“{shown}”不是件数，未读取"),
                        format!("“{shown}” is not a count; not read"),
                    ));
                    Cell::NotRead
                }
            };
        }
        (CellMut::Delta(c), _) => {
            *c = match v {
                CellText::Empty => Cell::Blank,
                CellText::NotApplicable => Cell::NotApplicable,
                CellText::Integer(n, _) => match i64::try_from(*n) {
                    Ok(n) => Cell::Value(n),
                    Err(_) => {
                        problem = Some((
                            format!("“{shown}”超出范围，未读取"),
                            format!("“{shown}” is out of range; not read"),
                        ));
                        Cell::NotRead
                    }
                },
                _ => {
                    problem = Some((
                        format!("“{shown}”不是带符号的数，未读取"),
                        format!("“{shown}” is not a signed count; not read"),
                    ));
                    Cell::NotRead
                }
            };
        }
        (CellMut::Money(c), k) => {
            let header = match k {
                CellKind::Money(u) => u,
                _ => None,
            };
            *c = match v {
                CellText::Empty => Cell::Blank,
                CellText::NotApplicable => Cell::NotApplicable,
                other => match money(other, header) {
                    Some(m) => Cell::Value(m),
                    None => {
                        problem = Some((
                            format!("“{shown}”不是金额，未读取"),
                            format!("“{shown}” is not an amount; not read"),
                        ));
                        Cell::NotRead
                    }
                },
            };
        }
    }
    match problem {
        Some((zh, en)) => log.warn(
            loc,
            msg(format!("{pointer}：{zh}"), format!("{pointer}: {en}")),
        ),
        None => log.read(loc, pointer, &shown),
    }
}

/// The English noun for `n` things.
fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
