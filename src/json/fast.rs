//! The fast path of the JSON reader: a serde `Deserializer` for well-formed JSON that gives up at
//! the first thing it does not expect.
//!
//! It reads exactly the documents serde_json reads, with the same values, or gives up: it never
//! says *why* a document is wrong. [`super::from_slice`] tries it first and, when it gives up,
//! reads the input again with serde_json and `serde_path_to_error`, which produce the error
//! with its pointer, line and column. So the fast path only has to be right about what it
//! accepts, and may give up on anything unusual: a number with a fraction, an exponent or more
//! than 64 bits, `-0`, a struct written as an array, an enum written as an object, nesting
//! deeper than [`MAX_DEPTH`].
//!
//! What makes it faster than serde_json on report JSON, where most of the bytes are short keys,
//! small numbers, indentation and Chinese text:
//! - the input's UTF-8 is checked once, up front and with SIMD (`simdutf8`), instead of once per
//!   string;
//! - the end of a string (a quote, a backslash or a control character) is found eight bytes at a
//!   time with word-wide bit tests, instead of byte by byte, and past 64 bytes (the prose) by
//!   memchr's vector search;
//! - integers are parsed in place, and an error is a unit value: nothing is formatted or
//!   allocated on the way out;
//! - a struct's key is first compared, byte for byte, with the name its type declares next (the
//!   order the crate writes them in) and handed to serde as the field's index, so that the key
//!   is neither scanned for its end nor matched against every field name.
//!
//! The differential tests in `tests/json_fast.rs` and the `json_differential` fuzz target hold
//! it to serde_json.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;

/// The fast path gave up; the caller reads the input again with serde_json.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not on the fast path")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

/// Containers nested deeper than this are left to serde_json (whose limit, 127, is higher, so
/// that the fast path never accepts what serde_json refuses).
pub(crate) const MAX_DEPTH: u32 = 100;

/// A string read from the input: borrowed when it has no escape, else unescaped into scratch.
enum Str<'de, 's> {
    Borrowed(&'de str),
    Copied(&'s str),
}

/// The fast deserializer over one document.
pub(crate) struct Reader<'de> {
    src: &'de str,
    pos: usize,
    depth: u32,
    scratch: String,
}

impl<'de> Reader<'de> {
    /// A reader over `bytes`; gives up at once if they are not UTF-8.
    pub(crate) fn new(bytes: &'de [u8]) -> Result<Self> {
        let src = simdutf8::basic::from_utf8(bytes).map_err(|_| GiveUp)?;
        Ok(Reader {
            src,
            pos: 0,
            depth: 0,
            scratch: String::new(),
        })
    }

    /// Nothing but whitespace may follow the document.
    pub(crate) fn end(&mut self) -> Result<()> {
        match self.skip_ws() {
            None => Ok(()),
            Some(_) => Err(GiveUp),
        }
    }

    /// Skips JSON whitespace and returns the next byte without consuming it.
    #[inline]
    fn skip_ws(&mut self) -> Option<u8> {
        let bytes = self.src.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                self.pos += 1;
            } else {
                return Some(b);
            }
        }
        None
    }

    /// Consumes `b` after optional whitespace, or gives up.
    #[inline]
    fn expect(&mut self, b: u8) -> Result<()> {
        if self.skip_ws() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<()> {
        let bytes = self.src.as_bytes();
        if bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// Reads a string whose opening quote has been consumed.
    fn string(&mut self) -> Result<Str<'de, '_>> {
        let src = self.src;
        let bytes = src.as_bytes();
        let start = self.pos;
        let end = start + plain_len(&bytes[start..]);
        match bytes.get(end) {
            Some(b'"') => {
                self.pos = end + 1;
                // `start` and `end` sit next to ASCII bytes, so they are character boundaries.
                return src.get(start..end).map(Str::Borrowed).ok_or(GiveUp);
            }
            Some(b'\\') => {}
            // A control character, or the end of the input.
            _ => return Err(GiveUp),
        }
        self.scratch.clear();
        self.scratch.push_str(src.get(start..end).ok_or(GiveUp)?);
        self.pos = end;
        loop {
            // At a backslash.
            self.pos += 1;
            let esc = *bytes.get(self.pos).ok_or(GiveUp)?;
            self.pos += 1;
            let ch = match esc {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode_escape()?,
                _ => return Err(GiveUp),
            };
            self.scratch.push(ch);
            let from = self.pos;
            let to = from + plain_len(&bytes[from..]);
            self.scratch.push_str(src.get(from..to).ok_or(GiveUp)?);
            self.pos = to;
            match bytes.get(to) {
                Some(b'"') => {
                    self.pos = to + 1;
                    return Ok(Str::Copied(&self.scratch));
                }
                Some(b'\\') => {}
                _ => return Err(GiveUp),
            }
        }
    }

    /// The four hex digits after `\u`, and a second escape for a surrogate pair. A lone
    /// surrogate is left to serde_json, which refuses it.
    fn unicode_escape(&mut self) -> Result<char> {
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                self.literal(b"\\u")?;
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(GiveUp);
                }
                0x10000 + ((u32::from(hi) - 0xD800) << 10) + (u32::from(lo) - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(GiveUp),
            _ => u32::from(hi),
        };
        char::from_u32(code).ok_or(GiveUp)
    }

    fn hex4(&mut self) -> Result<u16> {
        let digits = self
            .src
            .as_bytes()
            .get(self.pos..self.pos + 4)
            .ok_or(GiveUp)?;
        let mut v: u16 = 0;
        for &d in digits {
            let n = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(GiveUp),
            };
            v = (v << 4) | u16::from(n);
        }
        self.pos += 4;
        Ok(v)
    }

    /// A JSON integer, handed to the visitor as serde_json would (`u64` when not negative,
    /// `i64` when negative). Fractions, exponents, `-0` and integers beyond 64 bits give up
    /// (serde_json reads them as floating point, which no report field accepts).
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let bytes = self.src.as_bytes();
        let negative = bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let value: u64 = match bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                0
            }
            Some(&d @ b'1'..=b'9') => {
                self.pos += 1;
                let mut v = u64::from(d - b'0');
                while let Some(&d @ b'0'..=b'9') = bytes.get(self.pos) {
                    v = v
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u64::from(d - b'0')))
                        .ok_or(GiveUp)?;
                    self.pos += 1;
                }
                v
            }
            _ => return Err(GiveUp),
        };
        // A digit after a leading zero, a fraction or an exponent.
        if matches!(bytes.get(self.pos), Some(b'0'..=b'9' | b'.' | b'e' | b'E')) {
            return Err(GiveUp);
        }
        if !negative {
            return visitor.visit_u64(value);
        }
        if value == 0 || value > 1 << 63 {
            return Err(GiveUp);
        }
        // -2^63 ..= -1: 0 − value wraps only at 2^63, to i64::MIN, which is right.
        visitor.visit_i64(0i64.wrapping_sub_unsigned(value))
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GiveUp);
        }
        self.pos += 1;
        Ok(())
    }
}

/// Whether a byte ends the plain run of a string: a quote, a backslash, or a control character
/// (which JSON forbids unescaped).
#[inline]
fn special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// 0x80 in each byte of `v` that is zero, and 0 elsewhere (exact: no false positives).
#[inline]
fn zero_bytes(v: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((v & LOW7).wrapping_add(LOW7)) | v | LOW7)
}

/// 0x80 in each byte of the eight at `bytes[n..]` that ends a plain run, if there are eight.
#[inline]
fn special_bytes(bytes: &[u8], n: usize) -> Option<u64> {
    const QUOTES: u64 = 0x2222_2222_2222_2222;
    const BACKSLASHES: u64 = 0x5c5c_5c5c_5c5c_5c5c;
    // A byte below 0x20 is one whose top three bits are clear.
    const TOP3: u64 = 0xe0e0_e0e0_e0e0_e0e0;
    let window = bytes.get(n..n + 8)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(window);
    let v = u64::from_le_bytes(word);
    Some(zero_bytes(v ^ QUOTES) | zero_bytes(v ^ BACKSLASHES) | zero_bytes(v & TOP3))
}

/// The length of the run of plain string bytes at the start of `bytes`: eight bytes at a time
/// for the first 64 (keys and short values end there), then [`long_plain_len`]; the last few
/// bytes of the input one by one.
#[inline(always)]
fn plain_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(hits) = special_bytes(bytes, n) {
        if hits != 0 {
            return n + (hits.trailing_zeros() / 8) as usize;
        }
        n += 8;
        if n == 64 {
            return long_plain_len(bytes, n);
        }
    }
    n + bytes[n..]
        .iter()
        .position(|&b| special(b))
        .unwrap_or(bytes.len() - n)
}

/// The rest of a long plain run from `n` (the prose of a report): the next quote or backslash
/// found by memchr (vector compares), then the run before it checked for a control character
/// by a test the compiler vectorizes; where there is one, the run ends there.
#[inline(never)]
fn long_plain_len(bytes: &[u8], n: usize) -> usize {
    let rest = &bytes[n..];
    let stop = memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len());
    let run = &rest[..stop];
    if run.iter().fold(u8::MAX, |least, &b| least.min(b)) >= 0x20 {
        return n + stop;
    }
    n + run.iter().position(|&b| b < 0x20).unwrap_or(stop)
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.skip_ws().ok_or(GiveUp)? {
            b'"' => {
                self.pos += 1;
                match self.string()? {
                    Str::Borrowed(s) => visitor.visit_borrowed_str(s),
                    Str::Copied(s) => visitor.visit_str(s),
                }
            }
            b'-' | b'0'..=b'9' => self.number(visitor),
            b'{' => {
                self.enter()?;
                let value = visitor.visit_map(Entries {
                    de: &mut *self,
                    first: true,
                    fields: &[],
                    next: 0,
                })?;
                self.depth -= 1;
                self.expect(b'}')?;
                Ok(value)
            }
            b'[' => {
                self.enter()?;
                let value = visitor.visit_seq(Elements {
                    de: &mut *self,
                    first: true,
                })?;
                self.depth -= 1;
                self.expect(b']')?;
                Ok(value)
            }
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.skip_ws() == Some(b'n') {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // Unit variants written as strings; an enum written as an object is left to serde_json.
        if self.skip_ws() != Some(b'"') {
            return Err(GiveUp);
        }
        self.pos += 1;
        match self.string()? {
            Str::Borrowed(s) => {
                visitor.visit_enum(de::value::BorrowedStrDeserializer::<GiveUp>::new(s))
            }
            Str::Copied(s) => visitor.visit_enum(de::value::StrDeserializer::<GiveUp>::new(s)),
        }
    }

    /// A struct written as an object: its keys are expected in the order of `fields`, and a key
    /// that is the expected one is matched by its bytes and handed over as the field's index,
    /// which serde's derived field visitors take as they take the name (`visit_u64`). Any other
    /// key is read as in a map. Types read on the fast path must not declare `#[serde(alias)]`,
    /// which puts more names than fields in `fields` (`tests/json_fast.rs` checks that), and a
    /// hand-written impl that calls `deserialize_struct` must take a key's index as serde's
    /// derive does (the crate has none).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.skip_ws() != Some(b'{') {
            return self.deserialize_any(visitor);
        }
        self.enter()?;
        let value = visitor.visit_map(Entries {
            de: &mut *self,
            first: true,
            fields,
            next: 0,
        })?;
        self.depth -= 1;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    // serde_json reads each of these as `deserialize_any` does, as far as a well-formed report
    // goes: a struct from an object (or an array), a string from a string, a number from a
    // number; a mismatch is the visitor's error either way.
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// The entries of an object; of a struct's, with its field names and the index of the field
/// expected next.
struct Entries<'a, 'de> {
    de: &'a mut Reader<'de>,
    first: bool,
    fields: &'static [&'static str],
    next: usize,
}

impl Entries<'_, '_> {
    /// Whether the key at the reader (its opening quote consumed) is, byte for byte, the field
    /// expected next; if so, moves past its closing quote.
    #[inline]
    fn expected_key(&mut self) -> Option<usize> {
        let name = self.fields.get(self.next)?.as_bytes();
        let bytes = self.de.src.as_bytes();
        let end = self.de.pos + name.len();
        if bytes.get(self.de.pos..end)? == name && bytes.get(end) == Some(&b'"') {
            self.de.pos = end + 1;
            self.next += 1;
            Some(self.next - 1)
        } else {
            None
        }
    }
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let de = &mut *self.de;
        match de.skip_ws().ok_or(GiveUp)? {
            b'}' => return Ok(None),
            b',' if !self.first => {
                de.pos += 1;
                if de.skip_ws() != Some(b'"') {
                    return Err(GiveUp);
                }
            }
            b'"' if self.first => {}
            _ => return Err(GiveUp),
        }
        self.first = false;
        de.pos += 1;
        if let Some(index) = self.expected_key() {
            let key = seed.deserialize(de::value::U64Deserializer::new(index as u64))?;
            self.de.expect(b':')?;
            return Ok(Some(key));
        }
        let de = &mut *self.de;
        let key = match de.string()? {
            Str::Borrowed(s) => {
                // Keys out of the declared order: expect the one after this.
                if let Some(i) = self.fields.iter().position(|f| *f == s) {
                    self.next = i + 1;
                }
                seed.deserialize(de::value::BorrowedStrDeserializer::new(s))
            }
            Str::Copied(s) => seed.deserialize(de::value::StrDeserializer::new(s)),
        }?;
        de.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

/// The elements of an array.
struct Elements<'a, 'de> {
    de: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let de = &mut *self.de;
        match de.skip_ws().ok_or(GiveUp)? {
            b']' => return Ok(None),
            b',' if !self.first => {
                de.pos += 1;
                if matches!(de.skip_ws(), None | Some(b']')) {
                    return Err(GiveUp);
                }
            }
            _ if self.first => {}
            _ => return Err(GiveUp),
        }
        self.first = false;
        seed.deserialize(&mut *de).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    fn fast<T: for<'de> Deserialize<'de>>(s: &str) -> Result<T> {
        let mut r = Reader::new(s.as_bytes())?;
        let v = T::deserialize(&mut r)?;
        r.end()?;
        Ok(v)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let v: Vec<i64> = fast(" [1, -2, 0, 9223372036854775807, -9223372036854775808] ").unwrap();
        assert_eq!(v, [1, -2, 0, i64::MAX, i64::MIN]);
        let s: String = fast(r#""a\"b\\c\/\n\t\u00e9\ud83d\ude00中""#).unwrap();
        assert_eq!(s, "a\"b\\c/\n\té😀中");
        let o: Option<u64> = fast("null").unwrap();
        assert_eq!(o, None);
        let m: std::collections::BTreeMap<String, bool> =
            fast(r#"{"a": true, "b" :false}"#).unwrap();
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn gives_up_on_what_serde_json_refuses_or_reads_as_a_float() {
        for bad in [
            "01",
            "1.0",
            "1e3",
            "-0",
            "-",
            "18446744073709551616",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{\"a\":1,}",
            "{,}",
            "{\"a\" 1}",
            "\"\u{1}\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"abc",
            "nul",
            "[1] x",
            "",
        ] {
            assert_eq!(
                fast::<serde_json::Value>(bad).map(|_| ()),
                Err(GiveUp),
                "{bad:?}"
            );
        }
        let deep = format!("{}{}", "[".repeat(101), "]".repeat(101));
        assert_eq!(fast::<serde_json::Value>(&deep).map(|_| ()), Err(GiveUp));
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(fast::<serde_json::Value>(&ok).is_ok());
    }

    /// A struct's keys in the declared order, in another order, some missing, one unknown or
    /// escaped: each value lands in its own field, and only what serde refuses gives up.
    #[test]
    fn struct_keys_by_declared_order_and_by_name() {
        #[derive(Debug, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Row {
            natural: u64,
            #[serde(default)]
            other: Option<u64>,
            total: u64,
        }
        let row = |natural, other, total| Row {
            natural,
            other,
            total,
        };
        for (doc, expected) in [
            (
                r#"{"natural": 1, "other": 2, "total": 3}"#,
                row(1, Some(2), 3),
            ),
            (r#"{"total":3,"other":2,"natural":1}"#, row(1, Some(2), 3)),
            (r#"{"other":2,"total":3,"natural":1}"#, row(1, Some(2), 3)),
            (r#"{"natural":1,"total":3}"#, row(1, None, 3)),
            (r#"{"natural":1,"tot\u0061l":3}"#, row(1, None, 3)),
        ] {
            assert_eq!(fast::<Row>(doc), Ok(expected), "{doc}");
        }
        for bad in [
            r#"{"natural":1,"natural":1,"total":3}"#,
            r#"{"natural":1,"totals":3,"total":3}"#,
            r#"{"natura":1,"total":3}"#,
            r#"{"natural":1}"#,
        ] {
            assert_eq!(fast::<Row>(bad), Err(GiveUp), "{bad}");
        }
    }
}
