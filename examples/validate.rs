//! Validate 政府信息公开工作年度报告 JSON: files, directories, one report on stdin, or an NDJSON
//! stream.
//!
//! ```text
//! validate [OPTIONS] [INPUT]...
//! ```
//!
//! Run `validate --help` for the options. Exit status: 0 no error finding, 1 an error finding,
//! 2 an input could not be read or parsed, or the arguments were wrong.

#[path = "common/cli.rs"]
mod cli;

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cli::{Input, Stop, Summary};
use rayon::prelude::*;
use serde::Serialize;
use zfxxgk::Report;
use zfxxgk::validate::{self, Finding, Lang, Validation};

/// mimalloc: a report's reading and checking allocate many small strings and vectors, which it
/// serves faster than the system allocator, and each thread from its own heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A tab-separated table, a finding a line, with a header and a closing count.
    Human,
    /// One JSON object a report, a line each; the last line is the summary.
    Json,
}

/// Validate 政府信息公开工作年度报告 JSON against every rule of the form: the sums of the
/// tables, structure, prose, and with --prior the cross-year rules (--no-prose, --only and --skip
/// choose fewer).
#[derive(Parser)]
#[command(name = "validate", version)]
struct Args {
    /// Report JSON files, directories (every *.json below them), or - for one report on stdin
    /// (pretty or compact). With --ndjson: NDJSON files, or stdin when none is given.
    inputs: Vec<String>,
    /// The inputs are NDJSON, one report a line (stdin when no input is given).
    #[arg(long)]
    ndjson: bool,
    /// Last year's report: adds the cross-year rules.
    #[arg(long, value_name = "FILE")]
    prior: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// The language of every line of output.
    #[arg(long, default_value = "zh", value_parser = clap::value_parser!(Lang))]
    lang: Lang,
    /// Threads to use (default: every core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Leave out the rules that read the prose (the narrative sections' text): the tables'
    /// arithmetic, the structure and the metadata are checked, and with --prior the cross-year
    /// rules but the comparison of the text with last year's.
    #[arg(long)]
    no_prose: bool,
    /// Run only the rules whose code starts with PREFIX: a whole code (requests.balance) or a
    /// family (sum.). Repeatable.
    #[arg(long, value_name = "PREFIX")]
    only: Vec<String>,
    /// Leave out the rules whose code starts with PREFIX. Repeatable.
    #[arg(long, value_name = "PREFIX")]
    skip: Vec<String>,
}

/// Which rules run: every one, or those --no-prose, --only and --skip keep.
struct Rules {
    no_prose: bool,
    only: Vec<String>,
    skip: Vec<String>,
}

impl Rules {
    fn every(&self) -> bool {
        !self.no_prose && self.only.is_empty() && self.skip.is_empty()
    }

    fn keep(&self, rule: &validate::Rule) -> bool {
        let starts = |p: &String| rule.code.starts_with(p.as_str());
        !(self.no_prose && rule.reads_prose())
            && (self.only.is_empty() || self.only.iter().any(starts))
            && !self.skip.iter().any(starts)
    }

    /// A prefix given that no rule's code starts with (a typo would otherwise leave out
    /// nothing, or everything, without a word).
    fn unknown(&self) -> Option<&str> {
        self.only
            .iter()
            .chain(&self.skip)
            .find(|p| {
                !validate::RULES
                    .iter()
                    .any(|r| r.code.starts_with(p.as_str()))
            })
            .map(String::as_str)
    }
}

/// What every report is checked with: last year's report, if given, and the rules that run.
struct Checker<'a> {
    prior: Option<&'a Report>,
    rules: &'a Rules,
    lang: Lang,
}

/// One report's outcome, as the JSON output writes it.
#[derive(Serialize)]
struct ReportLine<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<&'a [Finding]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

struct Out<W: Write> {
    w: W,
    format: Format,
    lang: Lang,
    header_done: bool,
    summary: Summary,
}

impl<W: Write> Out<W> {
    fn header(&mut self) -> io::Result<()> {
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

    fn outcome(&mut self, source: &str, r: &Result<Validation, String>) -> Result<(), Stop> {
        match r {
            Ok(v) => self.report(source, v)?,
            Err(e) => self.unreadable(source, e)?,
        }
        Ok(())
    }

    fn report(&mut self, source: &str, v: &Validation) -> io::Result<()> {
        self.summary.add(v);
        match self.format {
            Format::Json => {
                let line = ReportLine {
                    source,
                    findings: Some(&v.findings),
                    error: None,
                };
                serde_json::to_writer(&mut self.w, &line)?;
                self.w.write_all(b"\n")
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

    fn finding(&mut self, source: &str, f: &Finding) -> io::Result<()> {
        let values = match (&f.expected, &f.actual) {
            (Some(e), Some(a)) => format!("{e} / {a}"),
            _ => "-".into(),
        };
        writeln!(
            self.w,
            "{source}\t{}\t{}\t{}\t{values}\t{}",
            f.code,
            cli::severity(f.severity, self.lang),
            f.pointer,
            f.message(self.lang)
        )
    }

    fn unreadable(&mut self, source: &str, message: &str) -> io::Result<()> {
        self.summary.unreadable += 1;
        match self.format {
            Format::Json => {
                let line = ReportLine {
                    source,
                    findings: None,
                    error: Some(message),
                };
                serde_json::to_writer(&mut self.w, &line)?;
                self.w.write_all(b"\n")
            }
            Format::Human => {
                self.header()?;
                writeln!(
                    self.w,
                    "{source}\tread\t{}\t-\t-\t{message}",
                    cli::unreadable(self.lang)
                )
            }
        }
    }

    fn close(&mut self) -> io::Result<()> {
        match self.format {
            Format::Human => writeln!(self.w, "{}", self.summary.human(self.lang))?,
            Format::Json => writeln!(self.w, "{}", self.summary.json())?,
        }
        self.w.flush()
    }
}

impl Checker<'_> {
    /// Reads and validates one JSON document.
    fn check(&self, bytes: &[u8]) -> Result<Validation, String> {
        let report = zfxxgk::json::from_slice(bytes).map_err(|e| e.display_in(self.lang))?;
        let keep = |r: &validate::Rule| self.rules.keep(r);
        Ok(match self.prior {
            Some(prior) => {
                let pair = validate::Pair {
                    prior,
                    current: &report,
                };
                if self.rules.every() {
                    validate::validate_pair(pair)
                } else {
                    validate::validate_pair_with(pair, keep)
                }
            }
            None if self.rules.every() => validate::validate(&report),
            None => validate::validate_with(&report, keep),
        })
    }
}

/// Whole lines of an NDJSON stream, read in one piece: `bytes` ends at a line's end (or the
/// stream's), and `first` is the number of its first line.
#[derive(Default)]
struct Block {
    first: usize,
    bytes: Vec<u8>,
}

impl Block {
    /// The block's lines that hold something, with their numbers.
    fn lines(&self) -> impl Iterator<Item = (usize, &[u8])> {
        let body = self.bytes.strip_suffix(b"\n").unwrap_or(&self.bytes);
        let mut from = 0;
        let ends = memchr::memchr_iter(b'\n', body).chain([body.len()]);
        ends.enumerate()
            .map(move |(k, end)| {
                let line = &body[from..end];
                from = end + 1;
                (self.first + k, line)
            })
            .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
    }
}

/// About how much of the stream a block holds: enough lines (some 170 reports) that the pool's
/// threads finish theirs close together, few enough to keep memory small.
const BLOCK_BYTES: usize = 1 << 20;

/// Cuts a stream into [`Block`]s of whole lines, read straight into each block's buffer (no
/// copy through a line buffer).
struct Blocks<R> {
    input: R,
    /// The start of a line the last block cut off, moved into the next.
    carry: Vec<u8>,
    next_line: usize,
    done: bool,
}

impl<R: io::Read> Blocks<R> {
    fn new(input: R) -> Self {
        Blocks {
            input,
            carry: Vec::new(),
            next_line: 1,
            done: false,
        }
    }

    /// The next block, read into `buf` (a spare block's buffer); `None` at the end.
    fn next(&mut self, mut buf: Vec<u8>) -> io::Result<Option<Block>> {
        buf.clear();
        // Room for a block at once (a new buffer would otherwise grow by doubling).
        buf.reserve(BLOCK_BYTES + (1 << 16));
        buf.append(&mut self.carry);
        // Read until the block is full and holds a line's end, or the stream ends. Only the
        // bytes read since the last look are searched for a line's end (the carry holds none),
        // so a line of any length is read in linear time.
        let (mut searched, mut has_end) = (0, false);
        while !self.done && (buf.len() < BLOCK_BYTES || !has_end) {
            let want = BLOCK_BYTES.saturating_sub(buf.len()).max(1 << 16);
            if (&mut self.input).take(want as u64).read_to_end(&mut buf)? == 0 {
                self.done = true;
            }
            has_end = has_end || memchr::memchr(b'\n', &buf[searched..]).is_some();
            searched = buf.len();
        }
        if !self.done
            && let Some(end) = memchr::memrchr(b'\n', &buf)
        {
            self.carry.extend_from_slice(&buf[end + 1..]);
            buf.truncate(end + 1);
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let first = self.next_line;
        self.next_line += memchr::memchr_iter(b'\n', &buf).count();
        Ok(Some(Block { first, bytes: buf }))
    }
}

/// Lines of NDJSON read and validated in order, in blocks of whole lines ([`Block`]). On one
/// thread, a block at a time. On more, a reader thread reads the next block while the pool's
/// threads validate the lines of the current one and render each line's output; this thread
/// writes them in order. Memory stays constant whatever the length of the stream.
fn ndjson<W: Write>(
    out: &mut Out<W>,
    name: &str,
    input: impl io::Read + Send,
    checker: &Checker<'_>,
    pool: &rayon::ThreadPool,
) -> Result<(), Stop> {
    let lang = out.lang;
    let mut blocks = Blocks::new(input);
    if pool.current_num_threads() == 1 {
        let mut spare = Vec::new();
        while let Some(block) = blocks.next(spare)? {
            for (n, line) in block.lines() {
                out.outcome(&format!("{name}:{n}"), &checker.check(line))?;
            }
            spare = block.bytes;
        }
        return Ok(());
    }
    let format = out.format;
    std::thread::scope(|scope| -> Result<(), Stop> {
        // One block read ahead while the pool checks the current one.
        let (send, received) = std::sync::mpsc::sync_channel::<io::Result<Block>>(1);
        let (recycle, spare) = std::sync::mpsc::channel::<Vec<u8>>();
        scope.spawn(move || {
            loop {
                let buf = spare.try_recv().unwrap_or_default();
                let block = match blocks.next(buf) {
                    Ok(Some(block)) => Ok(block),
                    Ok(None) => return,
                    Err(e) => Err(e),
                };
                let failed = block.is_err();
                // The receiver is gone when the writer stopped (a closed pipe): stop too.
                if send.send(block).is_err() || failed {
                    return;
                }
            }
        });
        for block in received {
            let block = block?;
            let lines: Vec<(usize, &[u8])> = block.lines().collect();
            let rendered: Vec<(Vec<u8>, Summary)> = pool.install(|| {
                lines
                    .par_iter()
                    .with_max_len(4)
                    .map(|(n, l)| {
                        let mut one = Out {
                            w: Vec::new(),
                            format,
                            lang,
                            header_done: true,
                            summary: Summary::default(),
                        };
                        // Writing to a Vec does not fail.
                        let _ = one.outcome(&format!("{name}:{n}"), &checker.check(l));
                        (one.w, one.summary)
                    })
                    .collect()
            });
            out.header()?;
            for (bytes, summary) in rendered {
                out.w.write_all(&bytes)?;
                out.summary.merge(&summary);
            }
            drop(lines);
            let _ = recycle.send(block.bytes);
        }
        Ok(())
    })
}

fn run(args: &Args, rules: &Rules, out: &mut Out<impl Write>) -> Result<(), Stop> {
    let lang = args.lang;
    let prior = match &args.prior {
        None => None,
        Some(path) => match std::fs::read(path) {
            Ok(b) => match zfxxgk::json::from_slice(&b) {
                Ok(r) => Some(r),
                Err(e) => return Ok(out.unreadable(path, &e.display_in(lang))?),
            },
            Err(e) => return Ok(out.unreadable(path, &cli::io_error(&e, lang))?),
        },
    };
    let checker = Checker {
        prior: prior.as_ref(),
        rules,
        lang,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Stop::Io(io::Error::other(e)))?;
    if args.ndjson {
        if args.inputs.is_empty() {
            return ndjson(out, "stdin", io::stdin(), &checker, &pool);
        }
        for input in cli::expand(&args.inputs, |p| {
            cli::has_extension(p, &["ndjson", "jsonl"])
        }) {
            match &input {
                Input::Stdin => ndjson(out, "stdin", io::stdin(), &checker, &pool)?,
                Input::File(p) => match std::fs::File::open(p) {
                    Ok(f) => ndjson(out, &input.name(), f, &checker, &pool)?,
                    Err(e) => out.unreadable(&input.name(), &cli::io_error(&e, lang))?,
                },
            }
        }
        return Ok(());
    }
    let inputs = cli::expand(&args.inputs, |p| cli::has_extension(p, &["json"]));
    cli::batch(
        &inputs,
        args.jobs,
        |input| match input.read() {
            Ok(bytes) => checker.check(&bytes),
            Err(e) => Err(cli::io_error(&e, lang)),
        },
        |input, r| out.outcome(&input.name(), &r),
    )
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.inputs.is_empty() && !args.ndjson {
        let _ = writeln!(
            io::stderr(),
            "error: no input (a file, a directory, - for stdin, or --ndjson)\n\nFor more information, try '--help'."
        );
        return ExitCode::from(2);
    }
    let rules = Rules {
        no_prose: args.no_prose,
        only: args.only.clone(),
        skip: args.skip.clone(),
    };
    if let Some(prefix) = rules.unknown() {
        let mut families: Vec<&str> = validate::RULES
            .iter()
            .map(|r| r.code.split_inclusive('.').next().unwrap_or(r.code))
            .collect();
        families.sort_unstable();
        families.dedup();
        let _ = writeln!(
            io::stderr(),
            "error: no rule code starts with '{prefix}' (the codes' families: {})\n\nFor more information, try '--help'.",
            families.join(" ")
        );
        return ExitCode::from(2);
    }
    let mut out = Out {
        w: BufWriter::new(io::stdout().lock()),
        format: args.format,
        lang: args.lang,
        header_done: false,
        summary: Summary::default(),
    };
    let result = run(&args, &rules, &mut out).and_then(|()| Ok(out.close()?));
    let summary = out.summary;
    cli::finish(result.map(|()| summary.status()), || summary.status())
}
