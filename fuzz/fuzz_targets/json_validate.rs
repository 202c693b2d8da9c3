//! JSON read + validation: any bytes either fail to read with a located error, or read into a
//! report that validates (alone and against itself), exports, and round-trips through JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = match zfxxgk::json::from_slice(data) {
        Ok(r) => r,
        Err(e) => {
            // The error names a place: a line within the input.
            assert!(e.line >= 1 && e.line <= data.iter().filter(|b| **b == b'\n').count() + 1);
            return;
        }
    };
    let v = zfxxgk::validate::validate(&report);
    assert_eq!(v, zfxxgk::validate::validate(&report));
    let _ = zfxxgk::validate::validate_pair(zfxxgk::validate::Pair {
        prior: &report,
        current: &report,
    });
    let mut csv = zfxxgk::export::CsvWriter::new(Vec::new());
    csv.write_report(&report)
        .expect("writing to a Vec does not fail");
    let _ = csv.finish();
    let text = zfxxgk::json::to_string_pretty(&report);
    let back = zfxxgk::json::from_str(&text).expect("canonical JSON reads back");
    assert_eq!(back, report);
});
