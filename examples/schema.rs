//! Print the JSON Schema of one edition of the report.
//!
//! ```text
//! schema EDITION
//! ```
//!
//! `EDITION` is a JSON tag (`2019`, `2021`) or an edition's name (`Format2021`).

#[path = "common/cli.rs"]
mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use zfxxgk::Edition;

/// Print the JSON Schema (draft 2020-12) of one edition of the report, titled with the official
/// labels.
#[derive(Parser)]
#[command(name = "schema", version)]
struct Args {
    /// The edition: its JSON tag (2019, 2021) or its name (Trial2019, Format2021).
    #[arg(value_parser = clap::value_parser!(Edition))]
    edition: Edition,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let text = zfxxgk::schema::schema_string(args.edition);
    let mut out = io::stdout().lock();
    let result = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    cli::finish(
        result.map(|()| ExitCode::SUCCESS).map_err(cli::Stop::from),
        || ExitCode::SUCCESS,
    )
}
