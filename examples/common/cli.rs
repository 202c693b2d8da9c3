//! What the example binaries share: the language option, input expansion (files, directories,
//! `-`), parallel batch work with a progress bar, output that ends quietly on a closed pipe, and
//! the closing summary.
#![allow(dead_code)]

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use zfxxgk::validate::{Lang, Severity, Validation};

/// Where a run's output went: on a closed pipe the binary stops writing and exits with the status
/// what it wrote so far gives.
#[derive(Debug)]
pub enum Stop {
    /// The reader of stdout went away.
    Pipe,
    /// Any other I/O error.
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::Pipe
        } else {
            Stop::Io(e)
        }
    }
}

/// Runs `body`, mapping a closed pipe to the status it had reached and an I/O error to 2.
pub fn finish(
    result: Result<ExitCode, Stop>,
    status_so_far: impl FnOnce() -> ExitCode,
) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(Stop::Pipe) => status_so_far(),
        Err(Stop::Io(e)) => {
            // stderr may be closed too; nothing more to do then.
            let _ = writeln!(io::stderr(), "error: {e}");
            ExitCode::from(2)
        }
    }
}

/// One input: a file, or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// How the input is named in the output.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "stdin".into(),
        }
    }

    /// The whole input.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Input::File(p) => std::fs::read(p),
            Input::Stdin => {
                let mut buf = Vec::new();
                io::Read::read_to_end(&mut io::stdin().lock(), &mut buf)?;
                Ok(buf)
            }
        }
    }
}

/// The inputs named on the command line: `-` for stdin, files as they are, and for a directory
/// every file below it whose name `wanted` accepts, in path order. A path that does not exist is
/// kept, so that reading it reports the error.
pub fn expand(args: &[String], wanted: impl Fn(&Path) -> bool) -> Vec<Input> {
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(a);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &wanted, &mut files);
            files.sort();
            out.extend(files.into_iter().map(Input::File));
        } else {
            out.push(Input::File(path));
        }
    }
    out
}

fn walk(dir: &Path, wanted: &impl Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, wanted, out),
            Ok(t) if t.is_file() && wanted(&p) => out.push(p),
            _ => {}
        }
    }
}

/// Whether a file name ends in one of these extensions (case-insensitive).
pub fn has_extension(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// How many inputs make a progress bar worth showing (on a terminal).
const PROGRESS_FROM: usize = 20;

/// Maps every input on all cores (or `jobs` threads), results in input order, with a progress bar
/// on stderr when it is a terminal and there are many inputs. The results are handed to `each`
/// in order as soon as their turn comes, so that output starts early and a closed pipe stops
/// the run.
pub fn batch<T: Send>(
    inputs: &[Input],
    jobs: Option<usize>,
    work: impl Fn(&Input) -> T + Sync,
    mut each: impl FnMut(&Input, T) -> Result<(), Stop>,
) -> Result<(), Stop> {
    let bar = (inputs.len() >= PROGRESS_FROM && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed_precise}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| Stop::Io(io::Error::other(e)))?;
    // Chunks bound the memory held between computing a result and writing it.
    let chunk = (pool.current_num_threads() * 16).max(1);
    let result = (|| {
        for part in inputs.chunks(chunk) {
            let results: Vec<T> = pool.install(|| part.par_iter().map(&work).collect());
            for (input, r) in part.iter().zip(results) {
                each(input, r)?;
                if let Some(b) = &bar {
                    b.inc(1);
                }
            }
        }
        Ok(())
    })();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    result
}

/// The counts a run ends with.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Reports validated or read.
    pub reports: usize,
    /// Findings by severity.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Infos.
    pub info: usize,
    /// Inputs that could not be read.
    pub unreadable: usize,
}

impl Summary {
    /// Adds the counts of another run.
    pub fn merge(&mut self, other: &Summary) {
        self.reports += other.reports;
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
        self.unreadable += other.unreadable;
    }

    /// Counts one validation.
    pub fn add(&mut self, v: &Validation) {
        self.reports += 1;
        for f in &v.findings {
            match f.severity {
                Severity::Error => self.error += 1,
                Severity::Warning => self.warning += 1,
                _ => self.info += 1,
            }
        }
    }

    /// The exit status: 2 if an input could not be read, 1 if an error finding, else 0.
    pub fn status(&self) -> ExitCode {
        if self.unreadable > 0 {
            ExitCode::from(2)
        } else if self.error > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// The last line of JSON output.
    pub fn json(&self) -> String {
        format!(
            "{{\"summary\":{{\"reports\":{},\"error\":{},\"warning\":{},\"info\":{},\"unreadable\":{}}}}}",
            self.reports, self.error, self.warning, self.info, self.unreadable
        )
    }

    /// The closing line of human output.
    pub fn human(&self, lang: Lang) -> String {
        let Summary {
            reports,
            error,
            warning,
            info,
            unreadable,
        } = *self;
        match lang {
            Lang::Zh => format!(
                "共 {reports} 份报告：错误 {error}，警告 {warning}，提示 {info}，无法读取 {unreadable}"
            ),
            Lang::En => format!(
                "{reports} {}: {error} {}, {warning} {}, {info} {}, {unreadable} unreadable",
                plural(reports, "report", "reports"),
                plural(error, "error", "errors"),
                plural(warning, "warning", "warnings"),
                plural(info, "info", "infos"),
            ),
        }
    }
}

/// The English noun for `n` things.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// The severity's name in the language of the run.
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.as_zh(),
        Lang::En => s.as_str(),
    }
}

/// "cannot be read" for an input, in the language of the run.
pub fn unreadable(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "无法读取",
        Lang::En => "unreadable",
    }
}

/// An I/O error in the language of the run (the OS's own text kept in English).
pub fn io_error(e: &io::Error, lang: Lang) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Zh => {
            let what = match e.kind() {
                io::ErrorKind::NotFound => "文件不存在",
                io::ErrorKind::PermissionDenied => "没有读取权限",
                io::ErrorKind::IsADirectory => "是目录而不是文件",
                _ => "读取失败",
            };
            format!("{what}（{e}）")
        }
    }
}
