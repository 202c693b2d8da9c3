//! Write a 政府信息公开工作年度报告 JSON file in the official layout: text, Markdown or an HTML
//! page (with `--findings`, the cells the findings point at marked).
//!
//! ```text
//! render [OPTIONS] --to text|markdown|html INPUT
//! ```
//!
//! Exit status: 0 written, 2 the input could not be read or the arguments were wrong.

#[path = "common/cli.rs"]
mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cli::{Input, Stop};
use zfxxgk::validate::Lang;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum To {
    /// Plain text, tables one cell a line (the layout reports are published in).
    Text,
    /// GitHub Markdown tables.
    #[value(alias = "md")]
    Markdown,
    /// One standalone HTML page.
    Html,
}

/// Write a report JSON file (or - for stdin) in the official layout.
#[derive(Parser)]
#[command(name = "render", version)]
struct Args {
    /// The report JSON file, or - for stdin.
    input: String,
    /// What to write.
    #[arg(long, value_enum)]
    to: To,
    /// HTML: validate the report and mark the cells its findings point at.
    #[arg(long)]
    findings: bool,
    /// The language of the findings on the page.
    #[arg(long, default_value = "zh", value_parser = clap::value_parser!(Lang))]
    lang: Lang,
}

fn run(args: &Args) -> Result<ExitCode, Stop> {
    let input = if args.input == "-" {
        Input::Stdin
    } else {
        Input::File(args.input.clone().into())
    };
    let report = match input.read() {
        Ok(b) => match zfxxgk::json::from_slice(&b) {
            Ok(r) => r,
            Err(e) => {
                writeln!(
                    io::stderr(),
                    "{}: {}",
                    input.name(),
                    e.display_in(args.lang)
                )?;
                return Ok(ExitCode::from(2));
            }
        },
        Err(e) => {
            writeln!(
                io::stderr(),
                "{}: {}",
                input.name(),
                cli::io_error(&e, args.lang)
            )?;
            return Ok(ExitCode::from(2));
        }
    };
    let out = match args.to {
        To::Text => zfxxgk::write::to_text(&report),
        To::Markdown => zfxxgk::write::to_markdown(&report),
        To::Html => {
            let v = args.findings.then(|| zfxxgk::validate::validate(&report));
            zfxxgk::write::to_html(&report, v.as_ref().map(|v| (v, args.lang)))
        }
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish(run(&args), || ExitCode::SUCCESS)
}
