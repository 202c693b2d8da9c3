//! Print the JSON Schema of one edition of the report.
//!
//! ```text
//! cargo run --example schema -- 2019|2021
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let edition = match args.as_slice() {
        [tag] => zfxxgk::Edition::from_tag(tag),
        _ => None,
    };
    let Some(edition) = edition else {
        eprintln!("usage: cargo run --example schema -- 2019|2021");
        return ExitCode::from(2);
    };
    print!("{}", zfxxgk::schema::schema_string(edition));
    ExitCode::SUCCESS
}
