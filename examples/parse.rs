//! Read a published report (`.txt` or `.html`) and print it as JSON.
//!
//! ```text
//! cargo run --example parse -- FILE [--log] [--validate] [--lang zh|en]
//! ```
//!
//! `--log` prints the read log (what was read where, and what was not) to stderr; `--validate`
//! prints the validation findings to stderr. Exit status: 0 read (findings or not), 2 the file
//! could not be read.

use std::process::ExitCode;

use zfxxgk::validate::Lang;

fn main() -> ExitCode {
    let mut file = None;
    let mut log = false;
    let mut validate = false;
    let mut lang = Lang::Zh;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--log" => log = true,
            "--validate" => validate = true,
            "--lang" => {
                lang = match args.next().as_deref() {
                    Some("en") => Lang::En,
                    Some("zh") => Lang::Zh,
                    _ => {
                        eprintln!("--lang takes zh or en");
                        return ExitCode::from(2);
                    }
                }
            }
            s if s.starts_with("--") => {
                eprintln!(
                    "unknown option {s}\nusage: cargo run --example parse -- FILE [--log] [--validate] [--lang zh|en]"
                );
                return ExitCode::from(2);
            }
            _ => file = Some(a),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: cargo run --example parse -- FILE [--log] [--validate] [--lang zh|en]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    // Invalid UTF-8 is replaced, not fatal: the log says where.
    let is_html = file.ends_with(".html") || file.ends_with(".htm");
    let reading = if is_html {
        zfxxgk::read::read_html_bytes(&bytes)
    } else {
        zfxxgk::read::read_text_bytes(&bytes)
    };
    print!("{}", zfxxgk::json::to_string_pretty(&reading.report));
    if log {
        for e in &reading.log.entries {
            let at = e
                .location
                .map(|l| l.to_string())
                .unwrap_or_else(|| "-".into());
            let ptr = e.pointer.as_deref().unwrap_or("");
            eprintln!("{:?}\t{at}\t{ptr}\t{}", e.kind, e.message);
        }
    }
    if validate {
        for f in zfxxgk::validate::validate(&reading.report).findings {
            eprintln!(
                "{}\t{}\t{}\t{}",
                f.code,
                f.severity,
                f.pointer,
                f.message(lang)
            );
        }
    }
    ExitCode::SUCCESS
}
