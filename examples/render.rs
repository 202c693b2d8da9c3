//! Write a report JSON file in the official layout.
//!
//! ```text
//! cargo run --example render -- FILE.json --to text|markdown|html [--findings] [--lang zh|en]
//! ```
//!
//! `--findings` (HTML only) validates the report and marks the cells the findings point at.
//! Exit status: 0 written, 2 the file could not be read or the arguments were wrong.

use std::process::ExitCode;

use zfxxgk::validate::Lang;

const USAGE: &str = "usage: cargo run --example render -- FILE.json --to text|markdown|html [--findings] [--lang zh|en]";

fn main() -> ExitCode {
    let mut file = None;
    let mut to = None;
    let mut findings = false;
    let mut lang = Lang::Zh;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--to" => to = args.next(),
            "--findings" => findings = true,
            "--lang" => {
                lang = match args.next().as_deref() {
                    Some("zh") => Lang::Zh,
                    Some("en") => Lang::En,
                    _ => {
                        eprintln!("{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            s if s.starts_with("--") => {
                eprintln!("unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => file = Some(a),
        }
    }
    let (Some(file), Some(to)) = (file, to) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let report = match std::fs::read(&file)
        .map_err(|e| e.to_string())
        .and_then(|b| zfxxgk::json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let out = match to.as_str() {
        "text" => zfxxgk::write::to_text(&report),
        "markdown" | "md" => zfxxgk::write::to_markdown(&report),
        "html" => {
            let v = findings.then(|| zfxxgk::validate::validate(&report));
            zfxxgk::write::to_html(&report, v.as_ref().map(|v| (v, lang)))
        }
        other => {
            eprintln!("unknown format {other:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    print!("{out}");
    ExitCode::SUCCESS
}
