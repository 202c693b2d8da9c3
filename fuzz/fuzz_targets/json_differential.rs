//! The JSON reader's fast path against serde_json: for any bytes, `json::from_slice` (fast path
//! first, serde_json when it gives up) and `json::from_slice_serde_json` (serde_json alone) give
//! the same report or the same error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fast = zfxxgk::json::from_slice(data);
    let reference = zfxxgk::json::from_slice_serde_json(data);
    assert_eq!(fast, reference);
});
