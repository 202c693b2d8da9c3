#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cell;
pub mod export;
pub mod form;
pub mod json;
pub mod read;
pub mod report;
pub mod schema;
pub mod validate;
pub mod write;

pub use cell::{Amount, Approx, Cell, Count, Delta, Figure, Magnitude, Money, MoneyUnit, Quantity};
pub use form::{CellId, Edition, form};
pub use json::JsonError;
pub use report::{Report, TableState, Tables};
