//! Strict JSON reading and canonical writing.
//!
//! Reading takes the edition tag first and then deserializes the matching struct from the same
//! input, so an error keeps its JSON Pointer and its line and column. Unknown keys, wrong types,
//! negative counts, malformed amounts and duplicate keys are errors.
//!
//! ```
//! let json = r#"{"edition": "2021", "agency": "某局", "year": 2023}"#;
//! let report = zfxxgk::json::from_str(json).unwrap();
//! assert_eq!(report.edition(), zfxxgk::Edition::Format2021);
//!
//! let err = zfxxgk::json::from_str(r#"{"edition": "2021", "agency": "某局", "year": -1}"#)
//!     .unwrap_err();
//! assert_eq!(err.pointer, "/year");
//! assert_eq!((err.line, err.column), (1, 46));
//! ```

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeSeed;

use crate::form::Edition;
use crate::report::{Report, ReportSeed};

mod fast;

/// What kind of problem a JSON input has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// Not valid JSON (a stray character, a bad escape, invalid UTF-8, nesting too deep).
    Syntax,
    /// The input ended early (a truncated file).
    Eof,
    /// Valid JSON that is not a report: a wrong type, an unknown key, a negative count, a
    /// malformed amount, an unknown edition.
    Data,
}

/// Why a JSON input could not be read as a report, and where. Serializes as
/// `{"kind": "data", "pointer": "/year", "line": 1, "column": 46, "message": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct JsonError {
    /// What kind of problem.
    pub kind: JsonErrorKind,
    /// RFC 6901 JSON Pointer of the value at fault (`""` for the whole document).
    pub pointer: String,
    /// 1-based line where the reader stopped.
    pub line: usize,
    /// 1-based column where the reader stopped.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::error::Error for JsonError {}

impl JsonError {
    /// What is wrong, in the language asked for. The Chinese names the common problems in
    /// Chinese (a missing, unknown or duplicate key, a wrong type or value, a count below zero, a
    /// truncated file, a syntax error) and keeps the names from the input as they are.
    pub fn message_in(&self, lang: crate::validate::Lang) -> String {
        match lang {
            crate::validate::Lang::En => self.message.clone(),
            crate::validate::Lang::Zh => message_zh(&self.message, self.kind),
        }
    }

    /// The whole error in the language asked for: where, then what.
    pub fn display_in(&self, lang: crate::validate::Lang) -> String {
        match lang {
            crate::validate::Lang::En => self.to_string(),
            crate::validate::Lang::Zh => {
                let at = if self.pointer.is_empty() {
                    "文档根"
                } else {
                    &self.pointer
                };
                format!(
                    "{at}（第 {} 行第 {} 列）：{}",
                    self.line,
                    self.column,
                    self.message_in(crate::validate::Lang::Zh)
                )
            }
        }
    }
}

/// The Chinese of a serde_json or crate message (see [`JsonError::message_in`]).
fn message_zh(en: &str, kind: JsonErrorKind) -> String {
    let after = |prefix: &str| en.strip_prefix(prefix).map(str::to_owned);
    if let Some(rest) = after("missing field ") {
        return format!("缺少字段 {rest}");
    }
    if let Some(rest) = after("duplicate field ") {
        return format!("字段 {rest} 重复");
    }
    if let Some(rest) = after("unknown field ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((&rest, ""));
        return if expected.is_empty() {
            format!("未知字段 {name}")
        } else {
            format!(
                "未知字段 {name}，可用字段：{}",
                expected.trim_start_matches("one of ")
            )
        };
    }
    if let Some(rest) = after("unknown variant ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((&rest, ""));
        return format!(
            "未知取值 {name}，应为 {}",
            expected.trim_start_matches("one of ")
        );
    }
    for (prefix, zh) in [
        ("invalid type: ", "类型不对："),
        ("invalid value: ", "取值不对："),
    ] {
        if let Some(rest) = after(prefix) {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((&rest, ""));
            return format!("{zh}实为 {found}，应为 {expected}");
        }
    }
    if let Some(rest) = after("a count cannot be negative, found ") {
        return format!("件数不能为负，实为 {rest}");
    }
    if let Some(rest) = after("unknown edition ") {
        let (name, expected) = rest.split_once(": expected ").unwrap_or((&rest, ""));
        return format!("未知的格式版本 {name}，应为 {expected}");
    }
    if let Some(rest) = after("malformed amount ") {
        return format!("金额格式不对：{rest}");
    }
    if let Some(rest) = after("expected ") {
        return match rest.split_once(", found ") {
            Some((expected, found)) => format!("应为 {expected}，实为 {found}"),
            None => format!("应为 {rest}"),
        };
    }
    match kind {
        JsonErrorKind::Eof => "文件在读取中途结束（不完整的 JSON）".to_owned(),
        JsonErrorKind::Syntax if en.starts_with("trailing characters") => {
            "JSON 之后还有多余的字符".to_owned()
        }
        JsonErrorKind::Syntax => format!("不是有效的 JSON（{en}）"),
        _ => format!("数据不对（{en}）"),
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "document root"
        } else {
            &self.pointer
        };
        write!(
            f,
            "{at} (line {}, column {}): {}",
            self.line, self.column, self.message
        )
    }
}

/// Escape one reference token for a JSON Pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&escape_pointer_token(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

fn convert(err: serde_path_to_error::Error<serde_json::Error>) -> JsonError {
    let pointer = pointer_of(err.path());
    convert_at(pointer, err.into_inner())
}

fn convert_at(pointer: String, inner: serde_json::Error) -> JsonError {
    let kind = match inner.classify() {
        serde_json::error::Category::Eof => JsonErrorKind::Eof,
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            JsonErrorKind::Syntax
        }
        serde_json::error::Category::Data => JsonErrorKind::Data,
    };
    // serde_json appends " at line L column C" to its message; keep the bare message.
    let mut message = inner.to_string();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    if let Some(stripped) = message.strip_suffix(&suffix) {
        message = stripped.to_owned();
    }
    // A duplicate key is reported at its object; point at the key itself.
    let mut pointer = pointer;
    if let Some(name) = message
        .strip_prefix("duplicate field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        pointer.push('/');
        pointer.push_str(&escape_pointer_token(name));
    }
    JsonError {
        kind,
        pointer,
        line: inner.line(),
        column: inner.column(),
        message,
    }
}

/// Only the edition, the rest ignored: how the slow path learns the edition wherever it stands.
#[derive(Deserialize)]
struct Probe {
    edition: Edition,
}

fn end_of_input(
    de: &mut serde_json::Deserializer<serde_json::de::SliceRead<'_>>,
) -> Result<(), JsonError> {
    de.end().map_err(|e| convert_at(String::new(), e))
}

/// serde_json counts columns in bytes; a person counts characters. Convert in place.
fn char_column(bytes: &[u8], mut err: JsonError) -> JsonError {
    if err.line == 0 {
        return err;
    }
    let mut start = 0;
    for _ in 1..err.line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => return err,
        }
    }
    let end = (start + err.column).min(bytes.len());
    err.column = String::from_utf8_lossy(&bytes[start..end]).chars().count();
    err
}

/// Read a report from JSON bytes. Error columns count characters, not bytes. A UTF-8 byte
/// order mark at the start (Windows tools write one) is skipped.
pub fn from_slice(bytes: &[u8]) -> Result<Report, JsonError> {
    let bytes = strip_bom(bytes);
    // Fast path: a reader that gives up on anything unusual, errors included. Only then is the
    // input read again by serde_json with path tracking, to say what is wrong and where.
    if let Some(r) = fast_read(bytes, None) {
        return Ok(r);
    }
    from_slice_reference(bytes, None, true).map_err(|e| char_column(bytes, e))
}

/// [`from_slice`] without its fast path: serde_json alone. The reference the fast path is tested
/// against (`tests/json_fast.rs`, the `json_differential` fuzz target); it gives the same result
/// as [`from_slice`], more slowly.
#[doc(hidden)]
pub fn from_slice_serde_json(bytes: &[u8]) -> Result<Report, JsonError> {
    let bytes = strip_bom(bytes);
    from_slice_reference(bytes, None, false).map_err(|e| char_column(bytes, e))
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

/// The fast path alone: the report, or `None` where it gives up (see the `fast` module).
fn fast_read(bytes: &[u8], edition: Option<Edition>) -> Option<Report> {
    let mut reader = fast::Reader::new(bytes).ok()?;
    let value = ReportSeed(edition).deserialize(&mut reader).ok()?;
    reader.end().ok()?;
    Some(value)
}

/// serde_json with path tracking. The edition is found first (given, or read wherever it
/// stands), so that every table is read where it stands and an error keeps its place; `fast`
/// lets that second reading try the fast path.
fn from_slice_reference(
    bytes: &[u8],
    edition: Option<Edition>,
    fast: bool,
) -> Result<Report, JsonError> {
    let edition = edition.or_else(|| {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        Probe::deserialize(&mut de).ok().map(|p| p.edition)
    });
    if fast
        && edition.is_some()
        && let Some(r) = fast_read(bytes, edition)
    {
        return Ok(r);
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut track = serde_path_to_error::Track::new();
    let pd = serde_path_to_error::Deserializer::new(&mut de, &mut track);
    match ReportSeed(edition).deserialize(pd) {
        Ok(r) => {
            end_of_input(&mut de)?;
            Ok(r)
        }
        Err(e) => Err(convert(serde_path_to_error::Error::new(track.path(), e))),
    }
}

/// Read a report from a JSON string.
pub fn from_str(s: &str) -> Result<Report, JsonError> {
    from_slice(s.as_bytes())
}

/// Read a report that must be of a known edition from JSON bytes; another edition's tag is an
/// error at `/edition`.
pub fn from_slice_as(edition: Edition, bytes: &[u8]) -> Result<Report, JsonError> {
    let bytes = strip_bom(bytes);
    if let Some(r) = fast_read(bytes, Some(edition)) {
        return Ok(r);
    }
    from_slice_reference(bytes, Some(edition), false).map_err(|e| char_column(bytes, e))
}

/// The canonical JSON of a report: pretty-printed with two-space indentation, keys in the
/// model's order (edition first), and a final newline. Reading it back gives an equal report,
/// and reading then writing a canonical file gives back the same bytes.
pub fn to_string_pretty(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serialization of the model cannot fail: every map key is a string.
        unreachable!("report serialization failed: {e}")
    });
    s.push('\n');
    s
}

/// The report as compact JSON on one line (for NDJSON), without a newline.
pub fn to_string_compact(report: &Report) -> String {
    serde_json::to_string(report)
        .unwrap_or_else(|e| unreachable!("report serialization failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path must not give up on a well-formed report, pretty or compact, or every read
    /// would silently take the slow path.
    #[test]
    fn the_fast_path_reads_every_valid_fixture_without_giving_up() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut n = 0;
        for dir in ["2019/valid", "2021/valid"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let pretty = std::fs::read(entry.unwrap().path()).unwrap();
                let reference = from_slice_serde_json(&pretty).unwrap();
                let compact = to_string_compact(&reference).into_bytes();
                for bytes in [&pretty, &compact] {
                    let fast = fast_read(bytes, None).expect("the fast path gave up");
                    assert_eq!(fast, reference);
                    n += 1;
                }
            }
        }
        assert!(n >= 8);
    }
}
