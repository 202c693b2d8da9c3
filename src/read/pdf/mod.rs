//! The PDF reader: the text layer of a PDF file (what WPS 文字 and Word write, Chinese in Type0/CID
//! fonts with ToUnicode maps) with the position of every glyph, and the rulings of its tables,
//! through [hayro](https://crates.io/crates/hayro-interpret), a pure-Rust PDF interpreter.
//!
//! The pages are turned into the same lines and table rows as the text and HTML readers produce
//! (tables from their rulings: a cell is the box the rulings close, a merged cell where a ruling
//! is absent; other text in lines by baseline; page numbers and running headers dropped; the
//! lines of a wrapped paragraph joined), and from there the one shared resolver reads the
//! report. The read log gives the page and the position (points from the page's top-left
//! corner) of every value.
//!
//! A PDF is hostile input like any other: the file's size, its page count, the bytes its
//! compressed streams inflate to, the drawing operations a page takes (form XObjects drawn
//! within each other multiply) and the time spent are limited ([`PdfLimits`]), each a clear
//! [`PdfError`]; so are an encrypted file, a broken one, and a scan without a text layer. A
//! panic inside the PDF interpreter is contained and becomes [`PdfError::Panicked`] (unless the
//! program is built with `panic = "abort"`).

mod extract;
mod layout;
mod limits;

use std::time::{Duration, Instant};

use hayro_interpret::InterpreterCache;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};

pub use limits::PdfLimits;

use super::{EntryKind, LogEntry, Reading, assemble, msg};

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PdfError {
    /// The file is larger than [`PdfLimits::max_file_bytes`].
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not a PDF the parser can read (no cross-reference table or objects it can recover, or no
    /// pages).
    Broken,
    /// The file is encrypted with a password.
    Encrypted,
    /// More pages than [`PdfLimits::max_pages`].
    TooManyPages {
        /// The file's page count.
        pages: usize,
        /// The limit.
        limit: usize,
    },
    /// The compressed streams inflate to more than [`PdfLimits::max_decoded_bytes`] (a
    /// decompression bomb, or a file far larger than any report).
    DecodedTooLarge {
        /// The limit.
        limit: u64,
        /// The byte offset in the file of the stream that crossed it.
        offset: usize,
    },
    /// A page would take more drawing operations than [`PdfLimits::max_operations`].
    TooComplex {
        /// The page, from 1.
        page: usize,
        /// The limit.
        limit: u64,
    },
    /// Reading took longer than [`PdfLimits::max_time`].
    TimedOut {
        /// The page being read when the time ran out, from 1.
        page: usize,
        /// The limit.
        limit: Duration,
    },
    /// No page has text: the file holds only images (a scan), or nothing.
    NoTextLayer {
        /// The page count.
        pages: usize,
        /// Images drawn on the pages.
        images: usize,
    },
    /// The pages draw text, but its fonts give no Unicode for any glyph, so it cannot be read.
    NoUnicode {
        /// Glyphs drawn.
        glyphs: usize,
    },
    /// The PDF interpreter panicked; the message it gave.
    Panicked {
        /// The panic's message.
        message: String,
    },
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::validate::Lang::En))
    }
}

impl std::error::Error for PdfError {}

impl PdfError {
    /// The error in the language asked for.
    pub fn message(&self, lang: crate::validate::Lang) -> String {
        let (zh, en) = match self {
            PdfError::TooLarge { bytes, limit } => (
                format!("PDF 文件过大：{bytes} 字节，上限 {limit} 字节"),
                format!("the PDF file is too large: {bytes} bytes, the limit is {limit}"),
            ),
            PdfError::Broken => (
                "不是可读的 PDF 文件：找不到其对象或页面（文件损坏或不是 PDF）".to_owned(),
                "not a readable PDF: its objects or pages cannot be found (a broken file, or not a PDF)"
                    .to_owned(),
            ),
            PdfError::Encrypted => (
                "PDF 文件已加密，需要密码：请先解除加密".to_owned(),
                "the PDF is encrypted with a password: decrypt it first".to_owned(),
            ),
            PdfError::TooManyPages { pages, limit } => (
                format!("PDF 有 {pages} 页，多于上限 {limit} 页"),
                format!("the PDF has {pages} pages, more than the limit of {limit}"),
            ),
            PdfError::DecodedTooLarge { limit, offset } => (
                format!("PDF 的压缩数据解压后超过 {limit} 字节（第 {offset} 字节处的数据流；可能是解压炸弹）"),
                format!(
                    "the PDF's compressed streams inflate to more than {limit} bytes (the stream at byte {offset}; a decompression bomb?)"
                ),
            ),
            PdfError::TooComplex { page, limit } => (
                format!("PDF 第 {page} 页的绘制操作多于 {limit} 个（表单对象层层嵌套？）"),
                format!(
                    "page {page} of the PDF takes more than {limit} drawing operations (form XObjects nested within each other?)"
                ),
            ),
            PdfError::TimedOut { page, limit } => (
                format!("读取 PDF 超过 {} 秒（读到第 {page} 页）", limit.as_secs_f32()),
                format!(
                    "reading the PDF took longer than {} s (at page {page})",
                    limit.as_secs_f32()
                ),
            ),
            PdfError::NoTextLayer { pages, images } => (
                format!(
                    "没有文字层：PDF（{pages} 页）只有图像（{images} 幅），是扫描件；请先进行文字识别（OCR）"
                ),
                format!(
                    "no text layer: the PDF ({pages} {}) holds only images ({images}); OCR it first",
                    if *pages == 1 { "page" } else { "pages" }
                ),
            ),
            PdfError::NoUnicode { glyphs } => (
                format!("PDF 的字体没有 Unicode 映射，其 {glyphs} 个字形无法读成文字"),
                format!(
                    "the PDF's fonts map none of its {glyphs} glyphs to Unicode, so its text cannot be read"
                ),
            ),
            PdfError::Panicked { message } => (
                format!("PDF 解释器出错：{message}"),
                format!("the PDF interpreter failed: {message}"),
            ),
        };
        match lang {
            crate::validate::Lang::Zh => zh,
            _ => en,
        }
    }
}

/// Read a report from the bytes of a PDF file, within the default [`PdfLimits`].
///
/// ```no_run
/// let bytes = std::fs::read("report.pdf")?;
/// let reading = zfxxgk::read::read_pdf(&bytes)?;
/// println!("{} {:?}", reading.report.agency(), reading.report.year);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_pdf(bytes: &[u8]) -> Result<Reading, PdfError> {
    read_pdf_with(bytes, &PdfLimits::default())
}

/// Read a report from the bytes of a PDF file, within the given limits.
pub fn read_pdf_with(bytes: &[u8], limits: &PdfLimits) -> Result<Reading, PdfError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(PdfError::TooLarge {
            bytes: bytes.len(),
            limit: limits.max_file_bytes,
        });
    }
    limits::check_streams(bytes, limits.max_decoded_bytes)?;
    let start = Instant::now();
    let (pages, mut notes) = contained(|| pages(bytes, limits, start))?;
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 {
        let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
        if unmapped > 0 {
            return Err(PdfError::NoUnicode { glyphs: unmapped });
        }
        return Err(PdfError::NoTextLayer {
            pages: pages.len(),
            images: pages.iter().map(|p| p.images).sum(),
        });
    }
    notes.extend(page_notes(&pages));
    let mut reading = assemble(layout::lines(&pages));
    notes.append(&mut reading.log.entries);
    reading.log.entries = notes;
    Ok(reading)
}

/// Run the PDF interpreter with a panic inside it contained: it becomes
/// [`PdfError::Panicked`] with its message.
fn contained<T>(run: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            Err(PdfError::Panicked { message })
        }
    }
}

/// What the log says of the pages themselves: glyphs without Unicode, pages that drew too much.
fn page_notes(pages: &[extract::PageContent]) -> Vec<LogEntry> {
    let mut out = Vec::new();
    for p in pages {
        let page = Some(super::Location::Page {
            page: p.number,
            x: 0,
            y: 0,
        });
        let n = p.number;
        if p.unmapped > 0 {
            let m = msg(
                format!("第 {n} 页有 {} 个字形没有 Unicode 映射，已略去", p.unmapped),
                format!(
                    "page {n}: {} glyphs without a Unicode mapping were left out",
                    p.unmapped
                ),
            );
            out.push(LogEntry::new(EntryKind::Warning, page, m));
        }
        if p.overflowed {
            let m = msg(
                format!("第 {n} 页绘制的内容过多，超出部分未读取"),
                format!("page {n} draws too much; the rest of it was not read"),
            );
            out.push(LogEntry::new(EntryKind::Warning, page, m));
        }
    }
    out
}

/// Parse the file and interpret every page, within the limits.
fn pages(
    bytes: &[u8],
    limits: &PdfLimits,
    start: Instant,
) -> Result<(Vec<extract::PageContent>, Vec<LogEntry>), PdfError> {
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(p) => p,
        Err(LoadPdfError::Decryption(_)) => return Err(PdfError::Encrypted),
        Err(_) => return Err(PdfError::Broken),
    };
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(PdfError::Broken);
    }
    if pages.len() > limits.max_pages {
        return Err(PdfError::TooManyPages {
            pages: pages.len(),
            limit: limits.max_pages,
        });
    }
    let mut notes = Vec::new();
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        notes.push(LogEntry::new(
            EntryKind::Warning,
            None,
            msg(
                "PDF 文件末尾没有 %%EOF：文件可能不完整，只读到了能恢复的部分",
                "the PDF does not end with %%EOF: the file may be cut short; what could be recovered was read",
            ),
        ));
    }
    let cache = InterpreterCache::new();
    let mut out = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let number = i + 1;
        if limits::operations(page) > limits.max_operations {
            return Err(PdfError::TooComplex {
                page: number,
                limit: limits.max_operations,
            });
        }
        out.push(extract::page_content(page, number, &cache, pdf.xref()));
        if start.elapsed() > limits.max_time {
            return Err(PdfError::TimedOut {
                page: number,
                limit: limits.max_time,
            });
        }
    }
    Ok((out, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_the_interpreter_is_an_error() {
        let r: Result<(), PdfError> = contained(|| panic!("index out of bounds"));
        assert_eq!(
            r,
            Err(PdfError::Panicked {
                message: "index out of bounds".into()
            })
        );
        let r: Result<(), PdfError> = contained(|| panic!("{} glyphs", 3));
        assert!(matches!(r, Err(PdfError::Panicked { message }) if message == "3 glyphs"));
        assert_eq!(contained(|| Ok(7)), Ok(7));
    }
}
