//! PDF read: any bytes read as a PDF give a report or a `PdfError` (never a panic, including one
//! inside the PDF interpreter, which `read_pdf` contains; a contained panic fails the target so
//! that it is found), and what is read validates and round-trips through JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut limits = zfxxgk::read::PdfLimits::default();
    limits.max_time = std::time::Duration::from_secs(5);
    match zfxxgk::read::read_pdf_with(data, &limits) {
        Ok(reading) => {
            let _ = zfxxgk::validate::validate(&reading.report);
            let text = zfxxgk::json::to_string_pretty(&reading.report);
            let back = zfxxgk::json::from_str(&text).expect("what was read is a valid report");
            assert_eq!(back, reading.report);
        }
        Err(zfxxgk::read::PdfError::Panicked { message }) => {
            panic!("the PDF interpreter panicked: {message}")
        }
        Err(_) => {}
    }
});
