//! The limits a PDF is read within, and the checks made before the interpreter runs: how many
//! bytes the compressed streams inflate to (found in the raw file, so that a bomb is caught
//! before anything inflates it for real), and how many drawing operations a page takes with its
//! form XObjects expanded (a form drawn ten times by a form drawn ten times … multiplies).

use std::collections::HashMap;
use std::time::Duration;

use hayro_interpret::hayro_syntax::content::UntypedIter;
use hayro_interpret::hayro_syntax::object::{Dict, Name, ObjectIdentifier, Stream};
use hayro_interpret::hayro_syntax::page::{Page, Resources};

use super::PdfError;

/// The limits a PDF is read within. Every one, when crossed, is a [`PdfError`] of its own; the
/// defaults are generous for an annual report (5–30 pages, well under a megabyte of text).
///
/// ```
/// let mut limits = zfxxgk::read::PdfLimits::default();
/// limits.max_pages = 50;
/// limits.max_time = std::time::Duration::from_secs(5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PdfLimits {
    /// The largest file, in bytes (default 64 MiB).
    pub max_file_bytes: usize,
    /// The most pages (default 500).
    pub max_pages: usize,
    /// The most bytes all Flate-compressed streams may inflate to, together (default 256 MiB).
    pub max_decoded_bytes: u64,
    /// The most drawing operations one page may take, its form XObjects expanded (default 5
    /// million).
    pub max_operations: u64,
    /// The longest the reading may take, checked after each page (default 30 s).
    pub max_time: Duration,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_file_bytes: 64 << 20,
            max_pages: 500,
            max_decoded_bytes: 256 << 20,
            max_operations: 5_000_000,
            max_time: Duration::from_secs(30),
        }
    }
}

/// Whether the dictionary before a `stream` keyword names the Flate filter: the text from the
/// object's start (`obj`) to the keyword.
fn is_flate(bytes: &[u8], stream_at: usize) -> bool {
    let from = stream_at.saturating_sub(4096);
    let head = &bytes[from..stream_at];
    let obj = head
        .windows(3)
        .rposition(|w| w == b"obj")
        .map_or(0, |i| i + 3);
    let dict = &head[obj..];
    dict.windows(12).any(|w| w == b"/FlateDecode") || dict.windows(4).any(|w| w == b"/Fl ")
}

/// Inflate one stream into nothing, counting its bytes, up to `budget`. Returns the bytes it
/// inflates to, or `None` when it crosses the budget.
fn inflated_len(data: &[u8], budget: u64) -> Option<u64> {
    let mut scratch = vec![0u8; 64 << 10];
    for zlib in [true, false] {
        let mut d = flate2::Decompress::new(zlib);
        loop {
            let before_in = d.total_in();
            let before_out = d.total_out();
            let input = &data[usize::try_from(d.total_in())
                .unwrap_or(usize::MAX)
                .min(data.len())..];
            let status = d.decompress(input, &mut scratch, flate2::FlushDecompress::None);
            if d.total_out() > budget {
                return None;
            }
            match status {
                Ok(flate2::Status::StreamEnd) => return Some(d.total_out()),
                Ok(_) if d.total_in() == before_in && d.total_out() == before_out => {
                    return Some(d.total_out());
                }
                Ok(_) => {}
                // Not zlib: try raw deflate; past that, the stream is not ours to judge (the
                // interpreter will fail on it the same way).
                Err(_) if zlib && d.total_out() == 0 => break,
                Err(_) => return Some(d.total_out()),
            }
        }
    }
    Some(0)
}

/// Every Flate stream of the raw file inflated (and thrown away) within `limit` bytes in all.
pub(super) fn check_streams(bytes: &[u8], limit: u64) -> Result<(), PdfError> {
    let mut total: u64 = 0;
    let mut at = 0;
    while let Some(p) = find(&bytes[at..], b"stream") {
        let kw = at + p;
        at = kw + 6;
        // `endstream` is not a start.
        if kw >= 3 && &bytes[kw - 3..kw] == b"end" {
            continue;
        }
        let mut data = at;
        if bytes.get(data) == Some(&b'\r') {
            data += 1;
        }
        if bytes.get(data) != Some(&b'\n') {
            continue;
        }
        data += 1;
        if !is_flate(bytes, kw) {
            continue;
        }
        match inflated_len(&bytes[data..], limit - total) {
            Some(n) => total += n,
            None => return Err(PdfError::DecodedTooLarge { limit, offset: kw }),
        }
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The interpreter stops nesting form XObjects at this depth (hayro's own limit).
const MAX_DEPTH: u32 = 50;

/// The drawing operations a page takes: its content's operators, and for each form XObject it
/// draws, that form's operations (counted once per form and multiplied by the times it is
/// drawn). Saturates at `u64::MAX`.
pub(super) fn operations(page: &Page<'_>) -> u64 {
    let mut memo = HashMap::new();
    let mut ops = page.operations();
    count(&mut ops, page.resources(), &mut memo, 0)
}

fn count(
    ops: &mut UntypedIter<'_>,
    resources: &Resources<'_>,
    memo: &mut HashMap<ObjectIdentifier, u64>,
    depth: u32,
) -> u64 {
    let mut n: u64 = 0;
    let mut forms: Vec<Stream<'_>> = Vec::new();
    while let Some(instr) = ops.next() {
        n = n.saturating_add(1);
        if &**instr.operator == b"Do"
            && let Some(name) = instr.operands().next().and_then(|o| o.clone().into_name())
            && let Some(x) = resources.get_x_object(&name)
        {
            forms.push(x);
        }
    }
    for x in forms {
        n = n.saturating_add(form_operations(&x, resources, memo, depth + 1));
    }
    n
}

fn form_operations(
    x: &Stream<'_>,
    parent: &Resources<'_>,
    memo: &mut HashMap<ObjectIdentifier, u64>,
    depth: u32,
) -> u64 {
    if depth > MAX_DEPTH {
        return 0;
    }
    let is_form = x
        .dict()
        .get::<Name<'_>>(b"Subtype".as_slice())
        .is_some_and(|n| &*n == b"Form");
    if !is_form {
        return 1;
    }
    let id = x.obj_id();
    if let Some(n) = memo.get(&id) {
        return *n;
    }
    // Counted as 0 while it is being counted, so that a form drawing itself ends.
    memo.insert(id, 0);
    let n = match x.decoded() {
        Ok(data) => {
            let resources = x
                .dict()
                .get::<Dict<'_>>(b"Resources".as_slice())
                .map(Resources::new);
            let mut ops = UntypedIter::new(&data);
            count(&mut ops, resources.as_ref().unwrap_or(parent), memo, depth)
        }
        Err(_) => 1,
    };
    memo.insert(id, n);
    n
}
