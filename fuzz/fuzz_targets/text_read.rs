//! Text read: any bytes read into a report (never a panic), which validates and round-trips
//! through JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reading = zfxxgk::read::read_text_bytes(data);
    let _ = zfxxgk::validate::validate(&reading.report);
    let text = zfxxgk::json::to_string_pretty(&reading.report);
    let back = zfxxgk::json::from_str(&text).expect("what was read is a valid report");
    assert_eq!(back, reading.report);
});
