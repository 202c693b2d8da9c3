#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cell;
pub mod export;
pub mod form;
pub mod guide;
pub mod json;
pub mod read;
pub mod report;
#[cfg(feature = "schema")]
pub mod schema;
pub mod validate;
pub mod write;

pub use cell::{Amount, Approx, Cell, Count, Delta, Figure, Magnitude, Money, MoneyUnit, Quantity};
/// The date type of the model (`Report::published`, `Period`), re-exported so that a user needs
/// no matching `chrono` of their own.
#[doc(inline)]
pub use chrono::NaiveDate;
pub use form::{CellId, Edition, form};
pub use json::JsonError;
pub use report::{Report, TableState, Tables};
/// The exact decimal of money amounts ([`Amount::decimal`]), re-exported likewise.
#[doc(inline)]
pub use rust_decimal::Decimal;
