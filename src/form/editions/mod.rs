//! The official form, declared once per edition as data (see `../spec.rs`). Every official
//! label of the crate is spelled here and only here. Source: `format-spec.md`
//! (国办公开办函〔2019〕60号 and 〔2021〕30号, as reproduced by real reports).
//!
//! What the editions share is declared once, in `common`: the applicant columns and the rows of
//! section 三 outside （六）, section 四, the sum relations. An edition file names its facts
//! and lays its tables out from those pieces and its own.

pub mod common;
pub mod format2021;
pub mod trial2019;

use crate::spec::EditionSpec;

/// The editions of a normal build, oldest first.
pub const EDITIONS: &[EditionSpec] = &[trial2019::EDITION, format2021::EDITION];
