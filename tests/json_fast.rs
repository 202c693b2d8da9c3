//! The JSON reader's fast path against serde_json: `json::from_slice` (fast path first) and
//! `json::from_slice_serde_json` (serde_json alone) must give the same report or the same error
//! on every input: every JSON fixture, and thousands of mutations of them aimed at the places a
//! hand-written reader goes wrong (numbers, escapes, separators, nesting, UTF-8).

mod common;

use std::path::PathBuf;

use proptest::prelude::*;

/// Every `.json` file under `tests/fixtures`, sorted.
fn all_json_fixtures() -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&common::fixtures(), &mut out);
    out.sort();
    out
}

fn agree(bytes: &[u8]) -> Result<(), String> {
    let fast = zfxxgk::json::from_slice(bytes);
    let reference = zfxxgk::json::from_slice_serde_json(bytes);
    if fast == reference {
        Ok(())
    } else {
        Err(format!(
            "fast path: {:?}\nserde_json: {:?}",
            fast.as_ref().map(|r| r.agency().to_owned()),
            reference.as_ref().map(|r| r.agency().to_owned())
        ))
    }
}

#[test]
fn every_json_fixture_reads_the_same_both_ways() {
    let files = all_json_fixtures();
    assert!(files.len() > 80, "only {} fixtures found", files.len());
    let (mut ok, mut err) = (0, 0);
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        agree(&bytes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        // Also compact, where the fixture is valid JSON at all.
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            let compact = serde_json::to_vec(&v).unwrap();
            agree(&compact).unwrap_or_else(|e| panic!("{} (compact): {e}", f.display()));
        }
        match zfxxgk::json::from_slice(&bytes) {
            Ok(_) => ok += 1,
            Err(_) => err += 1,
        }
    }
    // Both outcomes are covered.
    assert!(ok > 20 && err > 15, "{ok} read, {err} refused");
}

/// `value` as compact JSON with every object's keys in reverse sorted order (serde_json's own
/// `Value` sorts them): struct keys far from the order the types declare them in.
fn reversed_keys(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::Object(map) => {
            out.push('{');
            for (k, (key, v)) in map.iter().rev().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                reversed_keys(v, out);
            }
            out.push('}');
        }
        serde_json::Value::Array(items) => {
            out.push('[');
            for (k, v) in items.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                reversed_keys(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&serde_json::to_string(other).unwrap()),
    }
}

/// The fast path matches a struct's keys by the order its type declares them in: keys in any
/// other order, repeated, unknown, escaped or extending a declared name read as serde_json
/// reads them (the same report, or an error).
#[test]
fn struct_keys_in_any_order_or_form_read_the_same_both_ways() {
    let mut read = 0;
    for f in all_json_fixtures() {
        let bytes = std::fs::read(&f).unwrap();
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
            continue;
        };
        let sorted = serde_json::to_string(&v).unwrap();
        let mut reversed = String::new();
        reversed_keys(&v, &mut reversed);
        let key = "\"natural_person\":";
        let variants = [
            sorted.clone(),
            reversed,
            sorted.replacen(key, "\"natural_person\":1,\"natural_person\":", 1),
            sorted.replacen(key, "\"natural_person\":1,\"natural_persons\":", 1),
            sorted.replacen(key, "\"natural_persons\":", 1),
            sorted.replacen(key, "\"natural\\u005fperson\":", 1),
            sorted.replacen(key, "\"natural_perso\":", 1),
        ];
        for (k, doc) in variants.iter().enumerate() {
            agree(doc.as_bytes()).unwrap_or_else(|e| panic!("{} (variant {k}): {e}", f.display()));
        }
        if zfxxgk::json::from_slice(variants[1].as_bytes()).is_ok() {
            read += 1;
        }
        // A row with a key repeated or unknown is refused either way.
        if sorted.contains(key) && zfxxgk::json::from_slice(sorted.as_bytes()).is_ok() {
            assert!(zfxxgk::json::from_slice(variants[2].as_bytes()).is_err());
            assert!(zfxxgk::json::from_slice(variants[3].as_bytes()).is_err());
        }
    }
    assert!(
        read > 20,
        "only {read} fixtures read with their keys reversed"
    );
}

/// The fast path hands a struct's expected key to serde as the field's index, which is right
/// only while no type read from JSON declares `#[serde(alias = …)]` (serde then lists more
/// names than fields). The crate's sources, the build script that generates the table types
/// included, declare none.
#[test]
fn no_type_read_from_json_declares_a_serde_alias() {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("build.rs")];
    walk(&root.join("src"), &mut files);
    assert!(files.len() > 20);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                !(compact.contains("serde(") && compact.contains("alias=")),
                "{}:{}: a serde alias breaks the fast path's keys by index",
                f.display(),
                n + 1
            );
        }
    }
}

/// Inputs that sit on the edges of what JSON and serde_json allow, each spliced into a cell, a
/// string or between tokens of a valid report.
const SNIPPETS: &[&str] = &[
    ",",
    "}",
    "]",
    "{",
    "[",
    ":",
    "\"",
    "\\",
    "\\n",
    "\\\"",
    "\\/",
    "\\u00e9",
    "\\u4E2D",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\udc00",
    "\\ud800\\u0041",
    "\\x",
    "\\u12",
    "0",
    "01",
    "-0",
    "-1",
    "-",
    "1.5",
    "1e2",
    "1E2",
    "2.",
    ".5",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "null",
    "nul",
    "true",
    "false",
    "\"/\"",
    "\"无\"",
    " ",
    "\n",
    "\t",
    "\r",
    "\u{1}",
    "\u{7f}",
    "\u{a0}",
    "中",
    "\u{feff}",
    ",\"x\":1",
    "\"edition\":\"2019\",",
    "\"edition\":\"2021\",",
    "[]",
    "{}",
    "[1,2]",
    "{\"amount\":\"1\"}",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, &'static str),
    Replace(f64, usize, &'static str),
    Delete(f64, usize),
    /// Put a byte (any byte, invalid UTF-8 included) at a position.
    Byte(f64, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let snippet = proptest::sample::select(SNIPPETS);
    prop_oneof![
        3 => (0.0..1.0f64, snippet.clone()).prop_map(|(p, s)| Edit::Insert(p, s)),
        3 => (0.0..1.0f64, 1usize..6, snippet).prop_map(|(p, n, s)| Edit::Replace(p, n, s)),
        1 => (0.0..1.0f64, 1usize..12).prop_map(|(p, n)| Edit::Delete(p, n)),
        1 => (0.0..1.0f64, any::<u8>()).prop_map(|(p, b)| Edit::Byte(p, b)),
    ]
}

fn apply(doc: &mut Vec<u8>, e: &Edit) {
    let at = |p: f64, len: usize| ((p * len as f64) as usize).min(len);
    match *e {
        Edit::Insert(p, s) => {
            let i = at(p, doc.len());
            doc.splice(i..i, s.bytes());
        }
        Edit::Replace(p, n, s) => {
            let i = at(p, doc.len());
            let j = (i + n).min(doc.len());
            doc.splice(i..j, s.bytes());
        }
        Edit::Delete(p, n) => {
            let i = at(p, doc.len());
            let j = (i + n).min(doc.len());
            doc.drain(i..j);
        }
        Edit::Byte(p, b) => {
            let i = at(p, doc.len());
            if i < doc.len() {
                doc[i] = b;
            }
        }
    }
}

/// The valid fixtures, pretty and compact.
fn bases() -> &'static [Vec<u8>] {
    static BASES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    BASES.get_or_init(|| {
        let mut out = Vec::new();
        for f in common::valid_fixtures() {
            let r = common::load(&f);
            out.push(zfxxgk::json::to_string_pretty(&r).into_bytes());
            out.push(zfxxgk::json::to_string_compact(&r).into_bytes());
        }
        out
    })
}

/// The positions just after `"key": ` in a document, where a value starts: mutations there hit
/// numbers, cells and strings rather than indentation.
fn value_starts(doc: &[u8]) -> Vec<usize> {
    doc.windows(2)
        .enumerate()
        .filter(|(_, w)| w[0] == b':')
        .map(|(i, w)| if w[1] == b' ' { i + 2 } else { i + 1 })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    /// Anywhere in the document.
    #[test]
    fn mutated_reports_read_the_same_both_ways(
        base in 0usize..8,
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let bases = bases();
        let mut doc = bases[base % bases.len()].clone();
        for e in &edits {
            apply(&mut doc, e);
        }
        prop_assert!(agree(&doc).is_ok(), "{:?}: {}", edits, agree(&doc).unwrap_err());
    }

    /// At the start of a value: a number, a cell, a string, an object replaced or prefixed.
    #[test]
    fn mutated_values_read_the_same_both_ways(
        base in 0usize..8,
        which in any::<proptest::sample::Index>(),
        snippet in proptest::sample::select(SNIPPETS),
        replace in 0usize..4,
    ) {
        let bases = bases();
        let mut doc = bases[base % bases.len()].clone();
        let starts = value_starts(&doc);
        let i = starts[which.index(starts.len())];
        // Replace the value's first bytes (or none), so that numbers are cut or extended.
        let j = (i + replace).min(doc.len());
        doc.splice(i..j, snippet.bytes());
        prop_assert!(agree(&doc).is_ok(), "{snippet:?} at {i}: {}", agree(&doc).unwrap_err());
    }
}
