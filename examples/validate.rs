//! Validate 政府信息公开工作年度报告 JSON files.
//!
//! ```text
//! cargo run --example validate -- [OPTIONS] FILE...
//!
//!   FILE            a report JSON file; `-` reads NDJSON (one report a line) from stdin
//!   --ndjson        read NDJSON from stdin (same as `-`)
//!   --prior FILE    last year's report: adds the cross-year rules
//!   --format F      human (default) or json (one JSON object a report, a line each)
//!   --lang L        zh (default) or en: the language of the messages
//!
//! exit status: 0 no error finding, 1 an error finding, 2 an input could not be read or parsed
//! ```

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use zfxxgk::Report;
use zfxxgk::validate::{self, Finding, Lang, Severity, Validation};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

struct Options {
    inputs: Vec<String>,
    prior: Option<String>,
    format: Format,
    lang: Lang,
}

const USAGE: &str = "usage: cargo run --example validate -- [--prior FILE] [--format human|json] [--lang zh|en] [--ndjson] FILE... (- for NDJSON on stdin)";

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        inputs: Vec::new(),
        prior: None,
        format: Format::Human,
        lang: Lang::Zh,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--prior" => o.prior = Some(value("--prior")?),
            "--format" => {
                o.format = match value("--format")?.as_str() {
                    "human" => Format::Human,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format {other:?}: human or json")),
                }
            }
            "--lang" => {
                o.lang = match value("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("unknown language {other:?}: zh or en")),
                }
            }
            "--ndjson" => o.inputs.push("-".into()),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => o.inputs.push(a),
        }
    }
    if o.inputs.is_empty() {
        return Err("no input".into());
    }
    Ok(o)
}

/// Where a report came from: a file, or a line of stdin.
fn source_name(file: &str, line: Option<usize>) -> String {
    match line {
        Some(n) => format!("{}:{n}", if file == "-" { "stdin" } else { file }),
        None => file.to_owned(),
    }
}

struct Out<W: Write> {
    w: W,
    format: Format,
    lang: Lang,
    header_done: bool,
    reports: usize,
    counts: [usize; 3],
    unreadable: usize,
}

impl<W: Write> Out<W> {
    fn header(&mut self) -> std::io::Result<()> {
        if self.format == Format::Human && !self.header_done {
            self.header_done = true;
            let h = match self.lang {
                Lang::Zh => ["文件", "规则", "级别", "位置", "应为/实为", "说明"],
                Lang::En => [
                    "file",
                    "code",
                    "severity",
                    "location",
                    "expected/actual",
                    "message",
                ],
            };
            writeln!(self.w, "{}", h.join("\t"))?;
        }
        Ok(())
    }

    fn report(&mut self, source: &str, v: &Validation) -> std::io::Result<()> {
        self.reports += 1;
        for f in &v.findings {
            self.counts[f.severity as usize] += 1;
        }
        match self.format {
            Format::Json => {
                let obj = serde_json::json!({ "source": source, "findings": v.findings });
                writeln!(self.w, "{obj}")
            }
            Format::Human => {
                self.header()?;
                for f in &v.findings {
                    self.finding(source, f)?;
                }
                Ok(())
            }
        }
    }

    fn finding(&mut self, source: &str, f: &Finding) -> std::io::Result<()> {
        let sev = match self.lang {
            Lang::Zh => f.severity.as_zh(),
            Lang::En => f.severity.as_str(),
        };
        let values = match (&f.expected, &f.actual) {
            (Some(e), Some(a)) => format!("{e} / {a}"),
            _ => "-".into(),
        };
        writeln!(
            self.w,
            "{source}\t{}\t{sev}\t{}\t{values}\t{}",
            f.code,
            f.pointer,
            f.message(self.lang)
        )
    }

    fn unreadable(&mut self, source: &str, message: &str) -> std::io::Result<()> {
        self.unreadable += 1;
        match self.format {
            Format::Json => {
                let obj = serde_json::json!({ "source": source, "error": message });
                writeln!(self.w, "{obj}")
            }
            Format::Human => {
                self.header()?;
                let (code, sev) = match self.lang {
                    Lang::Zh => ("read", "无法读取"),
                    Lang::En => ("read", "unreadable"),
                };
                writeln!(self.w, "{source}\t{code}\t{sev}\t-\t-\t{message}")
            }
        }
    }

    fn summary(&mut self) -> std::io::Result<()> {
        if self.format == Format::Human {
            let [e, w, i] = self.counts;
            let line = match self.lang {
                Lang::Zh => format!(
                    "共 {} 份报告：错误 {e}，警告 {w}，提示 {i}，无法读取 {}",
                    self.reports, self.unreadable
                ),
                Lang::En => format!(
                    "{} reports: {e} errors, {w} warnings, {i} infos, {} unreadable",
                    self.reports, self.unreadable
                ),
            };
            writeln!(self.w, "{line}")?;
        }
        self.w.flush()
    }
}

fn check(report: &Report, prior: Option<&Report>) -> Validation {
    match prior {
        Some(prior) => validate::validate_pair(validate::Pair {
            prior,
            current: report,
        }),
        None => validate::validate(report),
    }
}

fn run(o: &Options) -> std::io::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = Out {
        w: BufWriter::new(stdout.lock()),
        format: o.format,
        lang: o.lang,
        header_done: false,
        reports: 0,
        counts: [0; 3],
        unreadable: 0,
    };
    let prior = match &o.prior {
        None => None,
        Some(path) => match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| zfxxgk::json::from_slice(&b).map_err(|e| e.to_string()))
        {
            Ok(r) => Some(r),
            Err(e) => {
                out.unreadable(path, &e)?;
                out.summary()?;
                return Ok(ExitCode::from(2));
            }
        },
    };
    for input in &o.inputs {
        if input == "-" {
            let stdin = std::io::stdin();
            let mut reader = stdin.lock();
            let mut line = Vec::new();
            let mut n = 0;
            loop {
                line.clear();
                if reader.read_until(b'\n', &mut line)? == 0 {
                    break;
                }
                n += 1;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let source = source_name(input, Some(n));
                match zfxxgk::json::from_slice(&line) {
                    Ok(r) => out.report(&source, &check(&r, prior.as_ref()))?,
                    Err(e) => out.unreadable(&source, &e.to_string())?,
                }
            }
            continue;
        }
        let result = std::fs::read(input)
            .map_err(|e| e.to_string())
            .and_then(|b| zfxxgk::json::from_slice(&b).map_err(|e| e.to_string()));
        match result {
            Ok(r) => out.report(input, &check(&r, prior.as_ref()))?,
            Err(e) => out.unreadable(input, &e)?,
        }
    }
    out.summary()?;
    Ok(if out.unreadable > 0 {
        ExitCode::from(2)
    } else if out.counts[Severity::Error as usize] > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&o) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
