//! Documents that are part of the crate's documentation, so that they can be read on docs.rs
//! and linked from the README wherever it is shown. No items.

/// The rules catalogue (`docs/RULES.md`): every rule with its code, severity, formula, source and the
/// fixture that triggers it.
pub mod rules {
    #![doc = include_str!("../docs/RULES.md")]
}

/// How the fuzz targets are run and how long they ran clean (`docs/FUZZING.md`).
pub mod fuzzing {
    #![doc = include_str!("../docs/FUZZING.md")]
}

/// The benchmarks and their latest results, as ratios against baselines (`BENCHMARKS.md`).
pub mod benchmarks {
    #![doc = include_str!("../BENCHMARKS.md")]
}
