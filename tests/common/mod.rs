//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod balance;
pub mod pdf;

use std::path::{Path, PathBuf};

use zfxxgk::Report;

/// The fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every `tests/fixtures/<edition tag>/valid/*.json` of every edition, sorted.
pub fn valid_fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for edition in zfxxgk::Edition::ALL {
        let dir = fixtures().join(edition.tag()).join("valid");
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Read a report fixture, panicking with its path on failure.
pub fn load(path: &Path) -> Report {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    zfxxgk::json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first valid fixture of an edition (in file-name order): the base of generated reports.
pub fn base_fixture(edition: zfxxgk::Edition) -> Report {
    let path = valid_fixtures()
        .into_iter()
        .find(|p| {
            p.parent()
                .and_then(|d| d.parent())
                .is_some_and(|d| d.ends_with(edition.tag()))
        })
        .unwrap_or_else(|| panic!("no valid fixture of edition {edition}"));
    load(&path)
}
