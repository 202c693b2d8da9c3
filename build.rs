//! Generates the code of the official form from its declaration (`src/form/editions/`, in the
//! vocabulary of `src/form/spec.rs`): the `Edition` enum, the row and column ids, the static
//! declaration (`form::Form` per edition), and the typed report structs with their accessors.
//!
//! Why generated at build time: the declaration is data, one file per edition, and a new edition
//! (or the synthetic one the tests declare) must not have to touch the id enums, the structs or
//! the accessors. Ids shared by editions are merged here, which `macro_rules!` cannot do; the
//! output is ordinary Rust that rustdoc documents like any other code. A malformed declaration
//! (an unknown id in a relation, one type name for two shapes) fails the build with a message.

#[path = "src/form/spec.rs"]
#[allow(dead_code, rustdoc::broken_intra_doc_links)]
mod spec;

#[path = "src/form/editions/mod.rs"]
#[allow(dead_code)]
mod editions;

#[path = "tests/synthetic/edition.rs"]
#[allow(dead_code)]
mod synthetic;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use spec::*;

fn main() {
    println!("cargo::rerun-if-changed=src/form/spec.rs");
    println!("cargo::rerun-if-changed=src/form/editions");
    println!("cargo::rerun-if-changed=tests/synthetic/edition.rs");
    println!("cargo::rustc-check-cfg=cfg(zfxxgk_synthetic)");
    let mut list: Vec<EditionSpec> = editions::EDITIONS.to_vec();
    if std::env::var_os("CARGO_FEATURE___SYNTHETIC_EDITION").is_some() {
        list.push(synthetic::EDITION);
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let g = Generator::new(&list);
    write(&out.join("form.rs"), &g.form());
    write(&out.join("report.rs"), &g.report());
}

fn write(path: &std::path::Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// The three tables, with the names their ids and declarations take.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Proactive,
    Requests,
    Review,
}

impl Which {
    const ALL: [Which; 3] = [Which::Proactive, Which::Requests, Which::Review];

    fn spec(self, e: &EditionSpec) -> &TableSpec {
        match self {
            Which::Proactive => &e.proactive,
            Which::Requests => &e.requests,
            Which::Review => &e.review,
        }
    }
    fn key(self) -> &'static str {
        match self {
            Which::Proactive => "proactive",
            Which::Requests => "requests",
            Which::Review => "review",
        }
    }
    fn variant(self) -> &'static str {
        match self {
            Which::Proactive => "Proactive",
            Which::Requests => "Requests",
            Which::Review => "Review",
        }
    }
    fn row_enum(self) -> &'static str {
        match self {
            Which::Proactive => "ProactiveRow",
            Which::Requests => "RequestRow",
            Which::Review => "ReviewRow",
        }
    }
    fn col_enum(self) -> &'static str {
        match self {
            Which::Proactive => "ProactiveColumn",
            Which::Requests => "ApplicantColumn",
            Which::Review => "ReviewColumn",
        }
    }
    fn row_doc(self) -> &'static str {
        match self {
            Which::Proactive => {
                "A row of the section 二 table (主动公开政府信息情况), across the editions."
            }
            Which::Requests => {
                "A data row of the section 三 table (收到和处理政府信息公开申请情况), across the editions."
            }
            Which::Review => {
                "A group of the section 四 table (the table's rows in this crate's model)."
            }
        }
    }
    fn col_doc(self) -> &'static str {
        match self {
            Which::Proactive => "A column of the section 二 table, across the editions.",
            Which::Requests => "A column of the section 三 table: the applicant (申请人情况).",
            Which::Review => "A result column of the section 四 table.",
        }
    }
}

/// A row of a table with its block.
struct FlatRow<'a> {
    block: usize,
    row: &'a RowSpec,
}

fn flat_rows(t: &TableSpec) -> Vec<FlatRow<'_>> {
    let mut v = Vec::new();
    for (b, block) in t.blocks.iter().enumerate() {
        for run in block.rows {
            for row in *run {
                v.push(FlatRow { block: b, row });
            }
        }
    }
    v
}

/// The JSON key path of a row: the keys of its nested groups, then its own.
fn row_path(r: &RowSpec) -> Vec<&'static str> {
    let mut p: Vec<&'static str> = r
        .groups
        .iter()
        .filter_map(|g| g.nest.map(|n| n.key))
        .collect();
    p.push(r.key);
    p
}

fn label(r: &RowSpec) -> String {
    format!("{}{}", r.number, r.name)
}

/// The module of an edition: its name in lower case (`Trial2019` → `trial2019`).
fn snake(name: &str) -> String {
    name.to_ascii_lowercase()
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({})", lit(s)),
        None => "None".into(),
    }
}

fn strs(v: &[&str]) -> String {
    let items: Vec<String> = v.iter().map(|s| lit(s)).collect();
    format!("&[{}]", items.join(", "))
}

fn doc(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "{indent}#[doc = {}]", lit(&format!(" {line}")));
    }
}

fn kind_rust(k: Kind) -> String {
    match k {
        Kind::Count => "CellKind::Count".into(),
        Kind::Delta => "CellKind::Delta".into(),
        Kind::Money(None) => "CellKind::Money(None)".into(),
        Kind::Money(Some(u)) => format!("CellKind::Money(Some({}))", unit_rust(u)),
    }
}

fn unit_rust(u: &str) -> &'static str {
    match u {
        "元" => "crate::cell::MoneyUnit::Yuan",
        "万元" => "crate::cell::MoneyUnit::WanYuan",
        other => panic!("unknown money unit {other:?}: 元 or 万元"),
    }
}

fn cell_type(k: Kind) -> &'static str {
    match k {
        Kind::Count => "crate::cell::Cell<crate::cell::Count>",
        Kind::Delta => "crate::cell::Cell<crate::cell::Delta>",
        Kind::Money(_) => "crate::cell::Cell<crate::cell::Money>",
    }
}

fn ref_variant(k: Kind) -> &'static str {
    match k {
        Kind::Count => "Count",
        Kind::Delta => "Delta",
        Kind::Money(_) => "Money",
    }
}

/// The rows of a relation's side as a Rust slice of ids; `at` names the edition and the relation
/// for the build's error messages.
fn row_set(t: &TableSpec, which: Which, set: &Rows, at: (&str, &str)) -> String {
    let (name, code) = at;
    let flat = flat_rows(t);
    let ids: Vec<&str> = match set {
        Rows::Ids(ids) => {
            for id in *ids {
                assert!(
                    flat.iter().any(|f| f.row.id == *id),
                    "{name}: relation {code} names row {id}, which {} does not have",
                    which.key()
                );
            }
            ids.to_vec()
        }
        Rows::Under { group, except } => {
            let v: Vec<&str> = flat
                .iter()
                .filter(|f| {
                    f.row.groups.iter().any(|g| g.name == *group) && !except.contains(&f.row.id)
                })
                .map(|f| f.row.id)
                .collect();
            assert!(
                !v.is_empty(),
                "{name}: relation {code}: no row under group {group}"
            );
            v
        }
    };
    let items: Vec<String> = ids
        .iter()
        .map(|i| format!("{}::{i}", which.row_enum()))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// The columns of a per-row relation's side, in the block that has the total's columns.
fn col_set(t: &TableSpec, which: Which, set: &Cols, left: &[&str], at: (&str, &str)) -> String {
    let (name, code) = at;
    let block = t
        .blocks
        .iter()
        .find(|b| {
            left.iter()
                .all(|l| b.row_type.columns.iter().any(|c| c.id == *l))
        })
        .unwrap_or_else(|| panic!("{name}: relation {code}: no block has its columns"));
    let ids: Vec<&str> = match set {
        Cols::Ids(ids) => ids.to_vec(),
        Cols::AllExcept(except) => block
            .row_type
            .columns
            .iter()
            .map(|c| c.id)
            .filter(|c| !except.contains(c))
            .collect(),
    };
    for id in &ids {
        assert!(
            block.row_type.columns.iter().any(|c| c.id == *id),
            "{name}: relation {code} names column {id}, which the block does not have"
        );
    }
    let items: Vec<String> = ids
        .iter()
        .map(|i| format!("{}::{i}", which.col_enum()))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// One id of a union enum: its variant and what each edition calls it.
struct Id {
    name: &'static str,
    key: String,
    labels: Vec<(String, &'static str)>,
}

fn add_id(ids: &mut Vec<Id>, name: &'static str, key: String, label: String, tag: &'static str) {
    match ids.iter_mut().find(|i| i.name == name) {
        Some(i) => {
            assert_eq!(
                i.key, key,
                "id {name} has key {} in one edition and {key} in another: one id, one key",
                i.key
            );
            if !i.labels.iter().any(|(l, t)| *l == label && *t == tag) {
                i.labels.push((label, tag));
            }
        }
        None => ids.push(Id {
            name,
            key,
            labels: vec![(label, tag)],
        }),
    }
}

/// A struct of the report model, and where it lives.
struct StructDef {
    /// `""` for `crate::report`, else an edition's module.
    module: String,
    name: &'static str,
    text: String,
}

impl StructDef {
    fn path(&self) -> String {
        if self.module.is_empty() {
            format!("crate::report::{}", self.name)
        } else {
            format!("crate::report::{}::{}", self.module, self.name)
        }
    }
}

struct Generator<'a> {
    editions: &'a [EditionSpec],
    rows: [Vec<Id>; 3],
    cols: [Vec<Id>; 3],
}

impl<'a> Generator<'a> {
    fn new(editions: &'a [EditionSpec]) -> Self {
        let mut rows: [Vec<Id>; 3] = Default::default();
        let mut cols: [Vec<Id>; 3] = Default::default();
        let mut names = Vec::new();
        let mut tags = Vec::new();
        let mut last_year = 0;
        for e in editions {
            assert!(
                !names.contains(&e.facts.name),
                "edition {} declared twice",
                e.facts.name
            );
            assert!(
                !tags.contains(&e.facts.tag),
                "edition tag {} declared twice",
                e.facts.tag
            );
            assert!(
                e.facts.first_year > last_year,
                "editions must be declared oldest first"
            );
            last_year = e.facts.first_year;
            names.push(e.facts.name);
            tags.push(e.facts.tag);
            for (w, which) in Which::ALL.iter().enumerate() {
                let t = which.spec(e);
                let flat = flat_rows(t);
                let mut seen = Vec::new();
                for fr in &flat {
                    assert!(
                        !seen.contains(&fr.row.id),
                        "{}: row {} appears twice in {}",
                        e.facts.name,
                        fr.row.id,
                        which.key()
                    );
                    seen.push(fr.row.id);
                    add_id(
                        &mut rows[w],
                        fr.row.id,
                        row_path(fr.row).join("/"),
                        row_doc(fr.row),
                        e.facts.tag,
                    );
                }
                for b in t.blocks {
                    for c in b.row_type.columns {
                        let l = match c.group {
                            Some(g) => format!("{g} / {}", c.label),
                            None => c.label.to_owned(),
                        };
                        add_id(&mut cols[w], c.id, c.key.to_owned(), l, e.facts.tag);
                    }
                }
            }
        }
        let g = Generator {
            editions,
            rows,
            cols,
        };
        for e in editions {
            for which in Which::ALL {
                g.relations(e, which);
            }
        }
        g
    }

    fn tags(&self) -> Vec<&'static str> {
        self.editions.iter().map(|e| e.facts.tag).collect()
    }

    // -----------------------------------------------------------------------------------------
    // form.rs: the edition enum, the ids, the static declaration
    // -----------------------------------------------------------------------------------------

    fn form(&self) -> String {
        let mut o =
            String::from("// Generated by build.rs from src/form/editions/: do not edit.\n\n");
        self.edition_enum(&mut o);
        for (w, which) in Which::ALL.iter().enumerate() {
            id_enum(
                &mut o,
                which.row_enum(),
                which.row_doc(),
                &self.rows[w],
                &self.tags(),
            );
            id_enum(
                &mut o,
                which.col_enum(),
                which.col_doc(),
                &self.cols[w],
                &self.tags(),
            );
        }
        for e in self.editions {
            self.form_static(&mut o, e);
        }
        o
    }

    fn edition_enum(&self, o: &mut String) {
        o.push_str(
            "/// An edition of the official report format.\n///\n/// Detect it from the document (the JSON tag, the table labels), never from the report year:\n/// real 2021 and 2022 reports still use the 2019 tables. Its facts are in [`Edition::facts`].\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\npub enum Edition {\n",
        );
        for e in self.editions {
            doc(
                o,
                "    ",
                &format!(
                    "《{}》, {}.\n\n{}",
                    e.facts.title, e.facts.notice, e.facts.summary
                ),
            );
            let _ = writeln!(o, "    {},", e.facts.name);
        }
        o.push_str("}\n\nimpl Edition {\n    /// Every edition, oldest first.\n    pub const ALL: &'static [Edition] = &[");
        let names: Vec<String> = self
            .editions
            .iter()
            .map(|e| format!("Edition::{}", e.facts.name))
            .collect();
        o.push_str(&names.join(", "));
        o.push_str("];\n\n    /// The edition's facts, as declared.\n    pub fn facts(self) -> &'static spec::EditionFacts {\n        match self {\n");
        for e in self.editions {
            let _ = writeln!(
                o,
                "            Edition::{} => &EDITION_{},",
                e.facts.name,
                e.facts.name.to_uppercase()
            );
        }
        o.push_str("        }\n    }\n\n    /// The edition's form.\n    pub fn form(self) -> &'static Form {\n        match self {\n");
        for e in self.editions {
            let _ = writeln!(
                o,
                "            Edition::{} => &FORM_{},",
                e.facts.name,
                e.facts.name.to_uppercase()
            );
        }
        o.push_str("        }\n    }\n}\n\n");
        for e in self.editions {
            let f = &e.facts;
            let _ = writeln!(
                o,
                "static EDITION_{}: spec::EditionFacts = spec::EditionFacts {{\n    name: {},\n    tag: {},\n    title: {},\n    short_name: {},\n    english_name: {},\n    notice: {},\n    summary: {},\n    first_year: {},\n    deadlines: spec::Deadlines {{ department: ({}, {}), government: ({}, {}) }},\n}};\n",
                f.name.to_uppercase(),
                lit(f.name),
                lit(f.tag),
                lit(f.title),
                lit(f.short_name),
                lit(f.english_name),
                lit(f.notice),
                lit(f.summary),
                f.first_year,
                f.deadlines.department.0,
                f.deadlines.department.1,
                f.deadlines.government.0,
                f.deadlines.government.1,
            );
        }
    }

    fn form_static(&self, o: &mut String, e: &EditionSpec) {
        let _ = writeln!(
            o,
            "static FORM_{}: Form = Form {{\n    edition: Edition::{},",
            e.facts.name.to_uppercase(),
            e.facts.name
        );
        for which in Which::ALL {
            let _ = writeln!(o, "    {}: &{},", which.key(), self.table_decl(e, which));
        }
        o.push_str("};\n\n");
    }

    fn table_decl(&self, e: &EditionSpec, which: Which) -> String {
        let t = which.spec(e);
        let (re, ce) = (which.row_enum(), which.col_enum());
        let mut o = String::new();
        let _ = write!(
            o,
            "TableDecl {{ id: TableId::{v}, key: {k}, section: SectionId::{v}, column_header: {}, corner_note: {}, rows_are_column_groups: {}, blocks: &[",
            opt(t.column_header),
            opt(t.corner_note),
            t.rows_are_column_groups,
            v = which.variant(),
            k = lit(which.key()),
        );
        for b in t.blocks {
            let _ = write!(
                o,
                "BlockDecl {{ title: {}, stub: {}, columns: &[",
                opt(b.title),
                opt(b.stub)
            );
            for c in b.row_type.columns {
                let _ = write!(
                    o,
                    "ColumnDecl {{ id: {ce}::{}, key: {}, label: {}, group: {}, aliases: {}, kind: {} }}, ",
                    c.id,
                    lit(c.key),
                    lit(c.label),
                    opt(c.group),
                    strs(c.aliases),
                    kind_rust(c.kind)
                );
            }
            o.push_str("], rows: &[");
            for run in b.rows {
                for r in *run {
                    let groups: Vec<String> = r
                        .groups
                        .iter()
                        .map(|g| {
                            format!(
                                "Group {{ number: {}, name: {} }}",
                                lit(g.number),
                                lit(g.name)
                            )
                        })
                        .collect();
                    let _ = write!(
                        o,
                        "RowDecl {{ id: {re}::{}, key: {}, number: {}, name: {}, groups: &[{}], aliases: {}, misspellings: {} }}, ",
                        r.id,
                        lit(&row_path(r).join("/")),
                        lit(r.number),
                        lit(r.name),
                        groups.join(", "),
                        strs(r.aliases),
                        strs(r.misspellings)
                    );
                }
            }
            o.push_str("] }, ");
        }
        o.push_str("], relations: &[");
        for rel in self.relations(e, which) {
            o.push_str(&rel);
            o.push_str(", ");
        }
        o.push_str("] }");
        o
    }

    /// The relations of a table with their row and column sets expanded to ids.
    fn relations(&self, e: &EditionSpec, which: Which) -> Vec<String> {
        let t = which.spec(e);
        let name = e.facts.name;
        t.relations
            .iter()
            .map(|rel| match rel {
                RelationSpec::PerColumn {
                    code,
                    left,
                    right,
                    source,
                } => format!(
                    "Relation::PerColumn {{ code: {}, left: {}, right: {}, source: {} }}",
                    lit(code),
                    row_set(t, which, left, (name, code)),
                    row_set(t, which, right, (name, code)),
                    lit(source)
                ),
                RelationSpec::PerRow {
                    code,
                    left,
                    right,
                    source,
                } => {
                    let Cols::Ids(left_ids) = left else {
                        panic!("{name}: relation {code}: list the total's columns");
                    };
                    format!(
                        "Relation::PerRow {{ code: {}, left: {}, right: {}, source: {} }}",
                        lit(code),
                        col_set(t, which, left, left_ids, (name, code)),
                        col_set(t, which, right, left_ids, (name, code)),
                        lit(source)
                    )
                }
            })
            .collect()
    }

    // -----------------------------------------------------------------------------------------
    // report.rs: the typed structs, the edition modules, `Tables`
    // -----------------------------------------------------------------------------------------

    fn report(&self) -> String {
        let mut defs: Vec<StructDef> = Vec::new();
        // For each edition: its module's re-exports and its table types' paths.
        let mut modules: Vec<(String, Vec<String>, [String; 3])> = Vec::new();
        let mut impls = String::new();
        for e in self.editions {
            let module = snake(e.facts.name);
            let mut uses: Vec<String> = Vec::new();
            let mut tables: [String; 3] = Default::default();
            for (w, which) in Which::ALL.iter().enumerate() {
                let t = which.spec(e);
                let path =
                    self.table_struct(e, *which, t, &module, &mut defs, &mut uses, &mut impls);
                tables[w] = path;
            }
            modules.push((module, uses, tables));
        }
        let mut o =
            String::from("// Generated by build.rs from src/form/editions/: do not edit.\n\n");
        for d in defs.iter().filter(|d| d.module.is_empty()) {
            o.push_str(&d.text);
        }
        o.push_str(&impls);
        for (e, (module, uses, tables)) in self.editions.iter().zip(&modules) {
            let _ = writeln!(o, "pub mod {module} {{");
            doc_inner(
                &mut o,
                &format!(
                    "《{}》, {}: the typed tables of the edition [`Edition::{}`](crate::Edition::{}).\n\n{}",
                    e.facts.title, e.facts.notice, e.facts.name, e.facts.name, e.facts.summary
                ),
            );
            let mut uses = uses.clone();
            uses.sort();
            uses.dedup();
            for u in &uses {
                let _ = writeln!(o, "    pub use {u};");
            }
            for d in defs.iter().filter(|d| d.module == *module) {
                o.push_str(&d.text);
            }
            let _ = writeln!(
                o,
                "    /// The three tables of a report in this edition (sections 二, 三 and 四).\n    pub type Tables = crate::report::TablesOf<{}, {}, {}>;\n}}\n",
                tables[0], tables[1], tables[2]
            );
        }
        self.tables_enum(&mut o, &modules);
        o
    }

    /// Emits (or finds) a struct; returns its path. Identical text and name means the same type.
    fn place(
        defs: &mut Vec<StructDef>,
        uses: &mut Vec<String>,
        module: &str,
        shared: bool,
        name: &'static str,
        body: String,
    ) -> String {
        let home = if shared {
            String::new()
        } else {
            module.to_owned()
        };
        if let Some(d) = defs
            .iter()
            .find(|d| d.name == name && d.text == body && (shared == d.module.is_empty()))
        {
            if d.module != module {
                uses.push(d.path());
            }
            return d.path();
        }
        assert!(
            !defs.iter().any(|d| d.name == name && d.module == home),
            "two different shapes are declared under the struct name {name}"
        );
        let d = StructDef {
            module: home,
            name,
            text: body,
        };
        if d.module != module {
            uses.push(d.path());
        }
        let p = d.path();
        defs.push(d);
        p
    }

    fn row_struct(
        rt: &RowTypeSpec,
        module: &str,
        defs: &mut Vec<StructDef>,
        uses: &mut Vec<String>,
        impls: &mut String,
    ) -> String {
        let mut s = String::new();
        doc(&mut s, "    ", rt.doc);
        s.push_str(DERIVES);
        let _ = writeln!(s, "    pub struct {} {{", rt.name);
        for c in rt.columns {
            let l = match c.group {
                Some(g) => format!("{g} — {}", c.label),
                None => c.label.to_owned(),
            };
            doc(&mut s, "        ", &l);
            let _ = writeln!(
                s,
                "        #[serde(default, skip_serializing_if = \"crate::cell::Cell::is_not_read\")]"
            );
            let _ = writeln!(s, "        pub {}: {},", c.key, cell_type(c.kind));
        }
        s.push_str("    }\n");
        let before = defs.len();
        let path = Self::place(defs, uses, module, rt.shared, rt.name, s);
        if defs.len() > before {
            impls.push_str(&row_impl(rt, &path));
        }
        path
    }

    #[allow(clippy::too_many_arguments)]
    fn table_struct(
        &self,
        e: &EditionSpec,
        which: Which,
        t: &TableSpec,
        module: &str,
        defs: &mut Vec<StructDef>,
        uses: &mut Vec<String>,
        impls: &mut String,
    ) -> String {
        let flat = flat_rows(t);
        // The tree of fields: nested groups hold their rows.
        let row_types: Vec<(String, Option<&'static str>)> = t
            .blocks
            .iter()
            .map(|b| {
                (
                    Self::row_struct(&b.row_type, module, defs, uses, impls),
                    b.title,
                )
            })
            .collect();
        let path = self.nest_struct(
            &flat,
            0,
            &flat.iter().collect::<Vec<_>>(),
            t.type_name,
            t.shared,
            t.doc,
            module,
            &row_types,
            defs,
            uses,
        );
        if !impls.contains(&format!("impl crate::report::TableData for {path} ")) {
            impls.push_str(&self.table_impl(e, which, t, &path));
        }
        path
    }

    /// The struct of the rows at nesting `depth` (the table itself at 0).
    #[allow(clippy::too_many_arguments)]
    fn nest_struct(
        &self,
        all: &[FlatRow<'_>],
        depth: usize,
        rows: &[&FlatRow<'_>],
        name: &'static str,
        shared: bool,
        doc_text: &str,
        module: &str,
        row_types: &[(String, Option<&'static str>)],
        defs: &mut Vec<StructDef>,
        uses: &mut Vec<String>,
    ) -> String {
        let mut fields: Vec<(String, String, String)> = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            let fr = rows[i];
            let nests: Vec<&GroupSpec> =
                fr.row.groups.iter().filter(|g| g.nest.is_some()).collect();
            if nests.len() > depth {
                let g = nests[depth];
                let n = g.nest.unwrap_or_else(|| unreachable!());
                let members: Vec<&FlatRow<'_>> = rows[i..]
                    .iter()
                    .take_while(|r| {
                        let ns: Vec<&GroupSpec> =
                            r.row.groups.iter().filter(|g| g.nest.is_some()).collect();
                        ns.get(depth) == Some(&g)
                    })
                    .copied()
                    .collect();
                let ty = self.nest_struct(
                    all,
                    depth + 1,
                    &members,
                    n.type_name,
                    n.shared,
                    n.doc,
                    module,
                    row_types,
                    defs,
                    uses,
                );
                fields.push((n.key.to_owned(), format!("{}{}", g.number, g.name), ty));
                i += members.len();
            } else {
                // Inside a group's struct the row is named by its own label; in the table's,
                // with the groups over it.
                let (ty, title) = &row_types[fr.block];
                let d = match (depth, title) {
                    (0, Some(t)) => format!("{t} {}", row_doc(fr.row)),
                    (0, None) => row_doc(fr.row),
                    _ => label(fr.row),
                };
                fields.push((fr.row.key.to_owned(), d, ty.clone()));
                i += 1;
            }
        }
        let _ = all;
        let mut s = String::new();
        doc(&mut s, "    ", doc_text);
        s.push_str(DERIVES);
        let _ = writeln!(s, "    pub struct {name} {{");
        for (key, d, ty) in &fields {
            doc(&mut s, "        ", d);
            let _ = writeln!(s, "        pub {key}: {ty},");
        }
        s.push_str("    }\n");
        Self::place(defs, uses, module, shared, name, s)
    }

    /// `TableData` for a table struct: every cell by id, and in official order.
    fn table_impl(&self, _e: &EditionSpec, which: Which, t: &TableSpec, path: &str) -> String {
        let (re, ce) = (which.row_enum(), which.col_enum());
        let mut arms = String::new();
        let mut arms_mut = String::new();
        let mut each = String::new();
        let mut counts = String::new();
        for fr in flat_rows(t) {
            let field = row_path(fr.row).join(".");
            // By row, then by column: two jump tables rather than one long chain of tests.
            let _ = writeln!(arms, "            {re}::{} => match column {{", fr.row.id);
            let _ = writeln!(
                arms_mut,
                "            {re}::{} => match column {{",
                fr.row.id
            );
            for c in t.blocks[fr.block].row_type.columns {
                let v = ref_variant(c.kind);
                let _ = writeln!(
                    arms,
                    "                {ce}::{} => CellRef::{v}(&self.{field}.{}),",
                    c.id, c.key
                );
                let _ = writeln!(
                    arms_mut,
                    "                {ce}::{} => CellMut::{v}(&mut self.{field}.{}),",
                    c.id, c.key
                );
                let _ = writeln!(each, "        f(CellRef::{v}(&self.{field}.{}));", c.key);
                if v == "Count" {
                    let _ = writeln!(counts, "        f(Some(&self.{field}.{}));", c.key);
                } else {
                    counts.push_str("        f(None);\n");
                }
            }
            for a in [&mut arms, &mut arms_mut] {
                a.push_str("                #[allow(unreachable_patterns)]\n                _ => return None,\n            },\n");
            }
        }
        format!(
            "impl crate::report::TableData for {path} {{
    type Row = {re};
    type Column = {ce};
    fn cell(&self, row: {re}, column: {ce}) -> Option<CellRef<'_>> {{
        Some(match row {{
{arms}            #[allow(unreachable_patterns)]
            _ => return None,
        }})
    }}
    fn cell_mut(&mut self, row: {re}, column: {ce}) -> Option<CellMut<'_>> {{
        Some(match row {{
{arms_mut}            #[allow(unreachable_patterns)]
            _ => return None,
        }})
    }}
    #[inline]
    fn for_each_cell<'a>(&'a self, mut f: impl FnMut(CellRef<'a>)) {{
{each}    }}
    #[inline]
    fn for_each_count<'a>(&'a self, mut f: impl FnMut(Option<&'a crate::cell::Cell<crate::cell::Count>>)) {{
{counts}    }}
}}

"
        )
    }

    fn tables_enum(&self, o: &mut String, modules: &[(String, Vec<String>, [String; 3])]) {
        o.push_str("/// The tables of a report (sections 二, 三 and 四), in the report's edition.\n///\n/// Match on it for typed access (`Tables::Format2021(t)` gives `t.requests`); generic access by\n/// cell id goes through [`Report::cell`](crate::Report::cell).\n#[derive(Debug, Clone, PartialEq, Eq, Hash)]\n#[non_exhaustive]\npub enum Tables {\n");
        for (e, (m, _, _)) in self.editions.iter().zip(modules) {
            let _ = writeln!(
                o,
                "    /// The tables of a report in [`Edition::{}`].\n    {}({m}::Tables),",
                e.facts.name, e.facts.name
            );
        }
        o.push_str("}\n\nimpl Tables {\n    /// Empty tables of an edition: every section missing.\n    pub fn new(edition: Edition) -> Self {\n        match edition {\n");
        for (e, (m, _, _)) in self.editions.iter().zip(modules) {
            let _ = writeln!(
                o,
                "            Edition::{} => Tables::{}({m}::Tables::default()),",
                e.facts.name, e.facts.name
            );
        }
        o.push_str("        }\n    }\n\n    /// The edition.\n    pub fn edition(&self) -> Edition {\n        match self {\n");
        for e in self.editions {
            let _ = writeln!(
                o,
                "            Tables::{}(_) => Edition::{},",
                e.facts.name, e.facts.name
            );
        }
        o.push_str("        }\n    }\n}\n\n/// Runs the same expression on the edition's tables, whatever the edition (used only by the\n/// impl of [`Tables`]).\nmacro_rules! each_edition {\n    ($tables:expr, $t:ident => $body:expr) => {\n        match $tables {\n");
        for e in self.editions {
            let _ = writeln!(o, "            Tables::{}($t) => $body,", e.facts.name);
        }
        o.push_str("        }\n    };\n}\npub(crate) use each_edition;\n");
    }
}

const DERIVES: &str = "    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]\n    #[cfg_attr(feature = \"schema\", derive(schemars::JsonSchema))]\n    #[serde(deny_unknown_fields)]\n";

fn doc_inner(o: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(o, "    #![doc = {}]", lit(&format!(" {line}")));
    }
}

fn row_doc(r: &RowSpec) -> String {
    let mut parts: Vec<String> = r
        .groups
        .iter()
        .map(|g| format!("{}{}", g.number, g.name))
        .collect();
    parts.push(label(r));
    parts.join(" ")
}

fn id_enum(o: &mut String, name: &str, doc_text: &str, ids: &[Id], all_tags: &[&str]) {
    doc(o, "", doc_text);
    let _ = writeln!(
        o,
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\npub enum {name} {{"
    );
    for id in ids {
        let tags: Vec<&str> = id.labels.iter().map(|(_, t)| *t).collect();
        let mut by_label: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut order: Vec<&str> = Vec::new();
        for (l, t) in &id.labels {
            if !order.contains(&l.as_str()) {
                order.push(l);
            }
            by_label.entry(l.as_str()).or_default().push(t);
        }
        let every = all_tags.iter().all(|t| tags.contains(t));
        let text: Vec<String> = order
            .iter()
            .map(|l| {
                if every && order.len() == 1 {
                    (*l).to_owned()
                } else {
                    format!("{l} ({})", by_label[l].join(", "))
                }
            })
            .collect();
        doc(o, "    ", &text.join(" / "));
        let _ = writeln!(o, "    {},", id.name);
    }
    let _ = writeln!(
        o,
        "}}\n\nimpl {name} {{\n    /// Every id, in declaration order.\n    pub const ALL: &'static [{name}] = &["
    );
    for id in ids {
        let _ = writeln!(o, "        {name}::{},", id.name);
    }
    let _ = writeln!(
        o,
        "    ];\n\n    /// The JSON key (a row's key path below its table, `denied/state_secret`).\n    pub fn key(self) -> &'static str {{\n        match self {{"
    );
    for id in ids {
        let _ = writeln!(o, "            {name}::{} => {},", id.name, lit(&id.key));
    }
    o.push_str("        }\n    }\n}\n\n");
}

/// Inherent methods of a row struct: its cells in official order, and for rows of counts a
/// constructor.
fn row_impl(rt: &RowTypeSpec, path: &str) -> String {
    let n = rt.columns.len();
    let cells: Vec<String> = rt
        .columns
        .iter()
        .map(|c| format!("CellRef::{}(&self.{})", ref_variant(c.kind), c.key))
        .collect();
    let labels: Vec<&str> = rt.columns.iter().map(|c| c.label).collect();
    let mut s = format!(
        "impl {path} {{
    /// The cells in official column order: {}.
    pub fn cells(&self) -> [CellRef<'_>; {n}] {{
        [{}]
    }}
",
        labels.join(", "),
        cells.join(", ")
    );
    if rt.columns.iter().all(|c| c.kind == Kind::Count) {
        let keys: Vec<&str> = rt.columns.iter().map(|c| c.key).collect();
        let vars: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
        let fields: Vec<String> = keys
            .iter()
            .zip(&vars)
            .map(|(k, v)| format!("{k}: crate::cell::Cell::Value({v})"))
            .collect();
        let _ = write!(
            s,
            "
    /// A row with every cell set to a value, in official column order ({}).
    pub fn of(values: [crate::cell::Count; {n}]) -> Self {{
        let [{}] = values;
        Self {{ {} }}
    }}

    /// A row of zeros.
    pub fn zeros() -> Self {{
        Self::of([0; {n}])
    }}

    /// The count cells in official column order.
    pub fn counts(&self) -> [&crate::cell::Cell<crate::cell::Count>; {n}] {{
        [{}]
    }}
",
            labels.join(", "),
            vars.join(", "),
            fields.join(", "),
            keys.iter()
                .map(|k| format!("&self.{k}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    s.push_str("}\n\n");
    s
}
