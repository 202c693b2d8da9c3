//! Read published 政府信息公开工作年度报告 (text, HTML or PDF, told apart by their content) and
//! print them as JSON.
//!
//! ```text
//! parse [OPTIONS] [INPUT]...
//! ```
//!
//! One input: its report as pretty JSON. Several (or a directory): one JSON object a line,
//! `{"source": …, "report": …}` or `{"source": …, "error": …}`, then a summary line. `--log`
//! and `--validate` write the read log and the findings to stderr, in the language of `--lang`.
//! Exit status: 0 read, 1 read with an error finding (with `--validate`), 2 an input could not
//! be read or the arguments were wrong.

#[path = "common/cli.rs"]
mod cli;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use cli::{Input, Stop, Summary};
use serde::Serialize;
use zfxxgk::Report;
use zfxxgk::read::Reading;
use zfxxgk::validate::{Lang, Validation};

/// Read published 政府信息公开工作年度报告 (text, HTML or PDF: the kind is told from the content,
/// not the file name) into the crate's JSON.
#[derive(Parser)]
#[command(name = "parse", version)]
struct Args {
    /// Report files, directories (every file below them), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Write the read log (what was read where, and what was not) to stderr.
    #[arg(long)]
    log: bool,
    /// Validate each report and write the findings to stderr; exit 1 on an error finding.
    #[arg(long)]
    validate: bool,
    /// The language of the log, the findings and the messages.
    #[arg(long, default_value = "zh", value_parser = clap::value_parser!(Lang))]
    lang: Lang,
    /// Threads to use (default: every core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// One input's outcome.
struct Outcome {
    reading: Result<Reading, String>,
    validation: Option<Validation>,
}

fn read(input: &Input, validate: bool, lang: Lang) -> Outcome {
    let reading = match input.read() {
        Ok(bytes) => zfxxgk::read::read_bytes(&bytes).map_err(|e| e.message(lang)),
        Err(e) => Err(cli::io_error(&e, lang)),
    };
    let validation = match (&reading, validate) {
        (Ok(r), true) => Some(zfxxgk::validate::validate(&r.report)),
        _ => None,
    };
    Outcome {
        reading,
        validation,
    }
}

/// The log and the findings of one input, to stderr.
fn diagnostics(name: &str, o: &Outcome, args: &Args) -> io::Result<()> {
    let mut err = io::stderr().lock();
    if let (true, Ok(reading)) = (args.log, &o.reading) {
        for e in &reading.log.entries {
            let at = e
                .location
                .map(|l| l.to_string())
                .unwrap_or_else(|| "-".into());
            let ptr = e.pointer.as_deref().unwrap_or("");
            let kind = format!("{:?}", e.kind).to_lowercase();
            writeln!(err, "{name}\t{kind}\t{at}\t{ptr}\t{}", e.message(args.lang))?;
        }
    }
    if let Some(v) = &o.validation {
        for f in &v.findings {
            writeln!(
                err,
                "{name}\t{}\t{}\t{}\t{}",
                f.code,
                cli::severity(f.severity, args.lang),
                f.pointer,
                f.message(args.lang)
            )?;
        }
    }
    Ok(())
}

fn run(args: &Args, summary: &mut Summary) -> Result<(), Stop> {
    let inputs = cli::expand(&args.inputs, |_| true);
    let single = inputs.len() == 1
        && args.inputs.len() == 1
        && !std::path::Path::new(&args.inputs[0]).is_dir();
    let mut out = BufWriter::new(io::stdout().lock());
    cli::batch(
        &inputs,
        args.jobs,
        |input| read(input, args.validate, args.lang),
        |input, o| {
            let name = input.name();
            diagnostics(&name, &o, args)?;
            match &o.reading {
                Ok(r) => {
                    match &o.validation {
                        Some(v) => summary.add(v),
                        None => summary.reports += 1,
                    }
                    if single {
                        out.write_all(zfxxgk::json::to_string_pretty(&r.report).as_bytes())?;
                    } else {
                        let line = Line {
                            source: &name,
                            report: Some(&r.report),
                            error: None,
                        };
                        serde_json::to_writer(&mut out, &line).map_err(io::Error::from)?;
                        out.write_all(b"\n")?;
                    }
                }
                Err(e) => {
                    summary.unreadable += 1;
                    let mut err = io::stderr().lock();
                    writeln!(err, "{name}\t{}\t{e}", cli::unreadable(args.lang))?;
                    if !single {
                        let line = Line {
                            source: &name,
                            report: None,
                            error: Some(e),
                        };
                        serde_json::to_writer(&mut out, &line).map_err(io::Error::from)?;
                        out.write_all(b"\n")?;
                    }
                }
            }
            Ok(())
        },
    )?;
    if !single {
        writeln!(out, "{}", summary.json())?;
        writeln!(io::stderr(), "{}", summary.human(args.lang))?;
    }
    out.flush()?;
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut summary = Summary::default();
    let result = run(&args, &mut summary);
    cli::finish(result.map(|()| summary.status()), || summary.status())
}
