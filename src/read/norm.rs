//! Text normalisation for matching labels, and the parsers for cell values and the quantities
//! stated in prose.

use std::str::FromStr;

use unicode_normalization::UnicodeNormalization;

use crate::cell::{Amount, Approx, Magnitude, Money, MoneyUnit, Quantity};

/// The key a label is matched by: NFKC (full-width and ASCII punctuation alike), whitespace and
/// quotation marks removed, `、` after a leading digit read as `.` (`1、属于` = `1.属于`).
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        key_char(c, |k| out.push(k));
    }
    if let Some(pos) = out.find('、')
        && pos > 0
        && out[..pos].chars().all(|c| c.is_ascii_digit())
    {
        out.replace_range(pos..pos + '、'.len_utf8(), ".");
    }
    out
}

/// The key of one character, without allocating: its NFKC form, nothing for white space and
/// quotation marks.
pub fn key_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        if !c.is_ascii_whitespace() && !matches!(c, '"' | '\'') {
            emit(c);
        }
        return;
    }
    // Most of a report: CJK unified ideographs, which NFKC leaves as they are (they have no
    // decomposition), so the normalizer is skipped for them.
    if is_unified_ideograph(c) {
        emit(c);
        return;
    }
    nfkc_key_char(c, emit);
}

/// CJK Unified Ideographs and Extension A: no character there has a decomposition.
/// Whether a character is written without spaces around it (CJK ideographs, kana, hangul and
/// full-width punctuation).
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

pub(crate) fn is_ideograph(c: char) -> bool {
    is_unified_ideograph(c)
}

fn is_unified_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// [`key_char`] through the normalizer.
fn nfkc_key_char(c: char, mut emit: impl FnMut(char)) {
    for k in std::iter::once(c).nfkc() {
        if k.is_whitespace() || matches!(k, '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」')
        {
            continue;
        }
        emit(k);
    }
}

/// The key without a trailing parenthetical note (`现行有效件数(历史累计)` → `现行有效件数`).
pub fn key_without_note(k: &str) -> Option<&str> {
    let stripped = k.strip_suffix(')')?;
    let open = stripped.rfind('(')?;
    (open > 0).then(|| &k[..open])
}

/// A cell value as read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellText {
    /// Nothing in the cell.
    Empty,
    /// `/`, `-`, `—` and the like.
    NotApplicable,
    /// A signed whole number, with the unit written after it, if any.
    Integer(i128, String),
    /// A decimal amount with its money unit, if written.
    Amount(Amount, Option<MoneyUnit>),
    /// Text that is not a value.
    Other(String),
}

/// Whether a character is invisible and means nothing in a report's text: zero-width spaces and
/// joiners, the word joiner, a byte order mark inside the text, bidirectional marks and
/// embeddings, the soft hyphen. Pages copied from editors and PDFs carry them between the digits
/// of a figure (`2\u{200b}125条`). NBSP is not among them: it is white space, and separates.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{ad}'
            | '\u{61c}'
    )
}

/// Page numbers: `-3-`, `- 3 -`, `3`, `第3页`, `第 3 页 共 5 页`, `3/5`.
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(['-', '－', '—', '–', '·']);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(core) {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    let rest = core.strip_prefix('第').unwrap_or("");
    match rest.split_once('页') {
        Some((n, tail)) => {
            digits(n)
                && (tail.is_empty()
                    || tail
                        .strip_prefix('共')
                        .and_then(|m| m.strip_suffix('页'))
                        .is_some_and(digits))
        }
        None => false,
    }
}

/// A line that is only a page number in a form prose never takes (`-3-`, `- 3 -`, `第3页`,
/// `第 3 页 共 5 页`): what a text extracted from a PDF keeps of its page footers. A bare number
/// is not one (it may be a table's value).
pub fn is_page_footer(text: &str) -> bool {
    let t = text.trim();
    let marked = t.starts_with(['-', '－', '—', '–']) && t.ends_with(['-', '－', '—', '–']);
    (marked || t.starts_with('第')) && t.chars().any(|c| c.is_ascii_digit()) && is_page_number(t)
}

/// The text without its invisible characters ([`is_invisible`]); borrowed when it has none.
pub fn strip_invisible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_invisible) {
        std::borrow::Cow::Owned(s.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Whether white space inside a token stands between two digits (`4 0`, `12 .5`): two values
/// the source separates, which must never be read as one number.
fn digits_separated(t: &str) -> bool {
    let chars: Vec<char> = t.trim().chars().collect();
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',');
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let sign = |c: char| matches!(c, '+' | '-' | '−' | '–' | '—');
            if before.is_some_and(numeric) && after.is_some_and(|c| numeric(c) || sign(c)) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

/// Whether a token looks like a cell value rather than a label. White space between a number and
/// its unit is dropped (`12.50 万元`); white space between two numbers (`4 0 0`) makes the token
/// text, not a value: the source separates them, and joining them would invent a number.
pub fn classify(raw: &str) -> CellText {
    let nfkc: String = raw.nfkc().collect();
    if digits_separated(&nfkc) {
        return CellText::Other(raw.trim().to_owned());
    }
    let t: String = nfkc.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return CellText::Empty;
    }
    if matches!(t.as_str(), "/" | "-" | "—" | "——" | "--" | "\\" | "–" | "―") {
        return CellText::NotApplicable;
    }
    // Money units first (万元 before 元).
    for (suffix, unit) in [("万元", MoneyUnit::WanYuan), ("元", MoneyUnit::Yuan)] {
        if let Some(num) = t.strip_suffix(suffix) {
            let (whole, fraction) = num.split_at(num.find('.').unwrap_or(num.len()));
            if let Some(whole) = ungrouped(whole)
                && let Ok(a) = Amount::from_str(&format!("{whole}{fraction}"))
            {
                return CellText::Amount(a, Some(unit));
            }
        }
    }
    let (sign, rest) = match t.chars().next() {
        Some('+') => (1, &t[1..]),
        Some(c @ ('-' | '—' | '−' | '–')) => (-1, &t[c.len_utf8()..]),
        _ => (1, t.as_str()),
    };
    let digits_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ','))
        .map_or(rest.len(), |(i, _)| i);
    let (digits, unit) = rest.split_at(digits_end);
    if let Some(digits) = ungrouped(digits)
        && !digits.is_empty()
        && digits.len() <= 30
    {
        if (unit.is_empty() || matches!(unit, "件" | "项" | "个" | "条" | "次" | "宗"))
            && let Ok(v) = digits.parse::<i128>()
        {
            return CellText::Integer(sign * v, unit.to_owned());
        }
        if sign == 1
            && unit.starts_with('.')
            && let Ok(a) = Amount::from_str(&format!("{digits}{unit}"))
        {
            return CellText::Amount(a, None);
        }
    }
    CellText::Other(raw.trim().to_owned())
}

/// The digits of a number without its thousands separators, when it has none or they group it
/// as thousands do (`1,059`, `12,345,678`); `None` for any other comma (`5,9`, `1,0590`, `,59`):
/// digits a comma separates otherwise are two values or a typo, never one number.
fn ungrouped(digits: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !digits.contains(',') {
        return Some(std::borrow::Cow::Borrowed(digits));
    }
    let mut groups = digits.split(',');
    let first = groups.next()?;
    let digit_run = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&first.len())
        && digit_run(first)
        && groups.all(|g| g.len() == 3 && digit_run(g));
    grouped.then(|| std::borrow::Cow::Owned(digits.replace(',', "")))
}

/// Read a money cell: an amount with an optional unit; a whole number is an amount too.
pub fn money(text: &CellText, header_unit: Option<MoneyUnit>) -> Option<Money> {
    match text {
        CellText::Amount(a, unit) => Some(Money {
            amount: *a,
            unit: unit.or(header_unit),
        }),
        CellText::Integer(v, unit) if *v >= 0 && unit.is_empty() => Some(Money {
            amount: Amount::from_str(&v.to_string()).ok()?,
            unit: header_unit,
        }),
        _ => None,
    }
}

/// Measure words a prose quantity may end with, longest first.
const UNITS: &[&str] = &[
    "批次", "人次", "篇次", "条次", "条", "件", "次", "篇", "项", "份", "场", "期", "家", "户",
];

/// A quantity found in prose: its char range in the text and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Char index where the quantity (with its approximation word) starts.
    pub start: usize,
    /// Char index just past it.
    pub end: usize,
    /// The quantity.
    pub quantity: Quantity,
}

/// Whether a character is an ASCII or full-width digit, by a test without branches.
#[inline]
pub(crate) fn is_digit(c: char) -> bool {
    ((c as u32).wrapping_sub('0' as u32) < 10) | ((c as u32).wrapping_sub('０' as u32) < 10)
}

/// The value of an ASCII or full-width digit.
#[inline]
fn digit(c: char) -> Option<u32> {
    let ascii = (c as u32).wrapping_sub('0' as u32);
    if ascii < 10 {
        return Some(ascii);
    }
    let wide = (c as u32).wrapping_sub('０' as u32);
    (wide < 10).then_some(wide)
}

/// The string of some characters, allocated once at its length in UTF-8.
pub(crate) fn string_of(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    s.extend(chars);
    s
}

/// Declared words decoded into characters once, for matching against a text's characters
/// without decoding each word at every place it is tried.
pub(crate) struct Words {
    words: Vec<(Box<[char]>, &'static str)>,
}

impl Words {
    /// `words`, in their order (the first that matches is taken: longest first where one is
    /// the start of another). An empty word, which would match everywhere, is left out.
    pub(crate) fn new(words: &[&'static str]) -> Self {
        Words {
            words: words
                .iter()
                .filter(|w| !w.is_empty())
                .map(|w| (w.chars().collect(), *w))
                .collect(),
        }
    }

    /// The first word that starts at `at`, with its index in the declaration.
    #[inline]
    pub(crate) fn at(&self, chars: &[char], at: usize) -> Option<(usize, &'static str, usize)> {
        let first = *chars.get(at)?;
        self.words
            .iter()
            .enumerate()
            .find(|(_, (w, _))| w[0] == first && chars[at..].starts_with(w))
            .map(|(k, (w, s))| (k, *s, w.len()))
    }

    /// The first word that ends just before `end`, with its index and length in characters.
    #[inline]
    pub(crate) fn ending(
        &self,
        chars: &[char],
        end: usize,
    ) -> Option<(usize, &'static str, usize)> {
        let last = *chars.get(end.checked_sub(1)?)?;
        self.words
            .iter()
            .enumerate()
            .find(|(_, (w, _))| w[w.len() - 1] == last && chars[..end].ends_with(w))
            .map(|(k, (w, s))| (k, *s, w.len()))
    }
}

/// [`UNITS`], decoded once.
static UNIT_WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| Words::new(UNITS));

/// The words before a number that make it approximate, and what they make it.
const APPROX_BEFORE: [(&str, Approx); 6] = [
    ("超过", Approx::MoreThan),
    ("不足", Approx::Under),
    ("不到", Approx::Under),
    ("近", Approx::Nearly),
    ("约", Approx::About),
    ("逾", Approx::Over),
];

/// [`APPROX_BEFORE`]'s words, decoded once.
static APPROX_WORDS: std::sync::LazyLock<Words> =
    std::sync::LazyLock::new(|| Words::new(&APPROX_BEFORE.map(|(w, _)| w)));

/// The digits at `i` (ASCII or full-width), with a fractional part after `.`: the index after
/// them, the integer part, the fraction's digits, and whether the integer part overflowed.
fn read_number(chars: &[char], i: usize) -> (usize, u128, String, bool) {
    let mut j = i;
    let mut int: u128 = 0;
    let mut frac = String::new();
    let mut overflow = false;
    while let Some(d) = chars.get(j).and_then(|c| digit(*c)) {
        int = match int
            .checked_mul(10)
            .and_then(|v| v.checked_add(u128::from(d)))
        {
            Some(v) => v,
            None => {
                overflow = true;
                0
            }
        };
        j += 1;
    }
    if chars.get(j) == Some(&'.') && chars.get(j + 1).and_then(|c| digit(*c)).is_some() {
        j += 1;
        while let Some(d) = chars.get(j).and_then(|c| digit(*c)) {
            frac.push(char::from_digit(d, 10).unwrap_or('0'));
            j += 1;
        }
    }
    (j, int, frac, overflow)
}

/// The count a number written with a magnitude word stands for (`1.5万` is 15 000); `None` when
/// it is not a whole count or does not fit.
fn full_value(int: u128, frac: &str, magnitude: Magnitude) -> Option<u64> {
    let factor = u128::from(magnitude.factor());
    if frac.is_empty() {
        return u64::try_from(int.checked_mul(factor)?).ok();
    }
    let scale = 10u128.checked_pow(u32::try_from(frac.len()).unwrap_or(u32::MAX))?;
    let f: u128 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let whole = int.checked_mul(factor)?;
    let part = f.checked_mul(factor)? / scale;
    // A fraction that does not come out whole in units is not a count.
    if f.checked_mul(factor)? % scale != 0 {
        return None;
    }
    u64::try_from(whole.checked_add(part)?).ok()
}

/// Whether a character is a space inside a line.
fn inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// The index of the first non-space at or before `i`'s run of spaces, walking back.
fn skip_spaces_back(chars: &[char], i: usize) -> usize {
    let mut k = i;
    while k > 0 && inline_space(chars[k - 1]) {
        k -= 1;
    }
    k
}

/// `j` moved over spaces when what follows them continues the quantity (万, 亿, 余, 多 or a
/// unit); otherwise `j` unchanged.
fn skip_spaces_before_suffix(chars: &[char], j: usize) -> usize {
    let mut k = j;
    while chars.get(k).is_some_and(|c| inline_space(*c)) {
        k += 1;
    }
    if k == j {
        return j;
    }
    let continues = matches!(chars.get(k), Some('万' | '亿' | '余' | '多'))
        || UNIT_WORDS.at(chars, k).is_some();
    if continues { k } else { j }
}

/// The index of the first digit (ASCII or full-width) at or after `from`, or the end: eight
/// characters at a time by a test without branches (the compiler makes it vector compares),
/// then one by one in the block that has one.
fn next_digit(chars: &[char], from: usize) -> usize {
    let mut i = from;
    while let Some(block) = chars.get(i..i + 8) {
        if block.iter().fold(false, |hit, &c| hit | is_digit(c)) {
            break;
        }
        i += 8;
    }
    while i < chars.len() && !is_digit(chars[i]) {
        i += 1;
    }
    i
}

/// Every quantity with a measure word in a text (`近3000条`, `350余条`, `6万余条`, `逾50万次`).
/// Spaces between a number and what continues it are allowed (`申请 21 件`, as PDF text has it).
pub fn quantities(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i = next_digit(chars, i + 1);
            continue;
        }
        if i > 0
            && (digit(chars[i - 1]).is_some()
                || chars[i - 1] == '.'
                || chars[i - 1].is_ascii_alphabetic())
        {
            i += 1;
            continue;
        }
        // A number after another across a space (`4 0件`) is not one quantity: never joined,
        // never read as the second alone.
        let lead = skip_spaces_back(chars, i);
        if lead < i && lead > 0 && digit(chars[lead - 1]).is_some() {
            i += 1;
            continue;
        }
        let (j, int, frac, overflow) = read_number(chars, i);
        // PDF text puts spaces around numbers (`申请 21 件`, `6 万余`).
        let mut j = skip_spaces_before_suffix(chars, j);
        let ordinal = lead > 0 && chars[lead - 1] == '第';
        let mut magnitude = Magnitude::One;
        if chars.get(j) == Some(&'万') {
            magnitude = Magnitude::Wan;
            j += 1;
        } else if chars.get(j) == Some(&'亿') {
            magnitude = Magnitude::Yi;
            j += 1;
        }
        let mut approx = Approx::Exact;
        j = skip_spaces_before_suffix(chars, j);
        if chars.get(j) == Some(&'余') {
            approx = Approx::Plus;
            j += 1;
        } else if chars.get(j) == Some(&'多') {
            approx = Approx::More;
            j += 1;
        }
        j = skip_spaces_before_suffix(chars, j);
        let unit = UNIT_WORDS.at(chars, j);
        let has_unit = unit.is_some() || (magnitude != Magnitude::One);
        if ordinal || overflow || !has_unit {
            i = j.max(i + 1);
            continue;
        }
        let end = j + unit.map_or(0, |(_, _, n)| n);
        let unit = unit.map(|(_, u, _)| u);
        // The approximation word before the number.
        let mut start = i;
        if approx == Approx::Exact
            && let Some((k, _, n)) = APPROX_WORDS.ending(chars, lead)
        {
            approx = APPROX_BEFORE[k].1;
            start = lead - n;
        }
        let value = full_value(int, &frac, magnitude);
        if let Some(value) = value {
            out.push(Found {
                start,
                end,
                quantity: Quantity {
                    value,
                    approx,
                    magnitude,
                    unit: unit.unwrap_or("").to_owned(),
                },
            });
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {

    /// The shortcut for ideographs gives what the normalizer gives, for every one of them.
    #[test]
    fn ideographs_key_as_the_normalizer_keys_them() {
        let mut n = 0;
        for c in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
            assert!(is_unified_ideograph(c));
            let (mut fast, mut slow) = (String::new(), String::new());
            key_char(c, |k| fast.push(k));
            nfkc_key_char(c, |k| slow.push(k));
            assert_eq!(fast, slow, "{c:?}");
            n += 1;
        }
        assert_eq!(n, 6592 + 20992);
        assert!(!is_unified_ideograph('（'));
    }

    use super::*;

    fn q(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        quantities(&chars)
            .iter()
            .map(|f| f.quantity.to_string())
            .collect()
    }

    #[test]
    fn page_numbers() {
        for t in [
            "-1-",
            "- 3 -",
            "12",
            "第3页",
            "第 3 页 共 5 页",
            "2/5",
            "— 4 —",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2023年", "第二十条", "第3条", "一、", "12345"] {
            assert!(!is_page_number(t), "{t}");
        }
        for t in ["-1-", "- 3 -", "第3页", "— 4 —"] {
            assert!(is_page_footer(t), "{t}");
        }
        for t in ["3", "12", "2/5", "-2"] {
            assert!(!is_page_footer(t), "{t}");
        }
    }

    #[test]
    fn keys_fold_punctuation_and_space() {
        assert_eq!(key("第二十条第（一）项"), key("第二十条第(一)项"));
        assert_eq!(key("商业 企业"), "商业企业");
        assert_eq!(key("3.危及“三安全一稳定”"), "3.危及三安全一稳定");
        assert_eq!(key("1、属于国家秘密"), "1.属于国家秘密");
        assert_eq!(
            key_without_note(&key("现行有效件数 (历史累计)")),
            Some("现行有效件数")
        );
    }

    #[test]
    fn cell_values() {
        assert_eq!(classify(" 0"), CellText::Integer(0, String::new()));
        assert_eq!(classify("+6"), CellText::Integer(6, String::new()));
        assert_eq!(classify("－4"), CellText::Integer(-4, String::new()));
        assert_eq!(classify("—2"), CellText::Integer(-2, String::new()));
        assert_eq!(classify("１２"), CellText::Integer(12, String::new()));
        assert_eq!(classify("/"), CellText::NotApplicable);
        assert_eq!(classify("—"), CellText::NotApplicable);
        assert_eq!(classify(""), CellText::Empty);
        assert!(
            matches!(classify("2626294.00元"), CellText::Amount(a, Some(MoneyUnit::Yuan)) if a.to_string() == "2626294.00")
        );
        assert!(
            matches!(classify("18.8710"), CellText::Amount(a, None) if a.to_string() == "18.8710")
        );
        assert!(matches!(classify("规章"), CellText::Other(_)));
    }

    #[test]
    fn prose_quantities() {
        assert_eq!(q("全年共公开各类信息近3000条。"), ["近3000条"]);
        assert_eq!(
            q("公布信息350余条，6万余条，60多批次，逾50万次"),
            ["350余条", "6万余条", "60多批次", "逾50万次"]
        );
        assert_eq!(
            q("2020年1月1日，国办发〔2020〕17号，第3条，电话0851-86894707"),
            Vec::<String>::new()
        );
        assert_eq!(q("超过170万次，1.5万条"), ["超过170万次", "1.5万条"]);
        assert_eq!(q("35012条(次)"), ["35012条"]);
        assert_eq!(
            q("不足5条，不到６次，约 20 人次，近2批次，5篇次"),
            ["不足5条", "不足6次", "约20人次", "近2批次", "5篇次"]
        );
        // 不到 is read as 不足 (both: fewer than), which is how it is written back; the parts
        // themselves, as the text states them.
        let chars: Vec<char> = "不到６次".chars().collect();
        let found = quantities(&chars);
        assert_eq!(found.len(), 1);
        let q = &found[0].quantity;
        assert_eq!(
            (q.value, q.approx, q.unit.as_str()),
            (6, Approx::Under, "次")
        );
        assert_eq!((found[0].start, found[0].end), (0, 4));
    }

    #[test]
    fn declared_words_match_at_and_before_a_place() {
        let words = Words::new(&["批次", "次", "条次", ""]);
        let chars: Vec<char> = "三批次条次".chars().collect();
        assert_eq!(words.at(&chars, 1), Some((0, "批次", 2)));
        assert_eq!(words.at(&chars, 2), Some((1, "次", 1)));
        assert_eq!(words.at(&chars, 3), Some((2, "条次", 2)));
        assert_eq!(words.at(&chars, 0), None);
        assert_eq!(words.at(&chars, 5), None);
        // The first declared word that ends there, not the longest.
        assert_eq!(words.ending(&chars, 3), Some((0, "批次", 2)));
        assert_eq!(words.ending(&chars, 5), Some((1, "次", 1)));
        assert_eq!(words.ending(&chars, 1), None);
        assert_eq!(words.ending(&chars, 0), None);
        // A word cut by the end of the text does not match.
        assert_eq!(words.at(&chars[..4], 3), None);
    }
}
