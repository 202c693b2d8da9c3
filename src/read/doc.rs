//! The intermediate document both readers produce: lines of prose and rows of table cells, each
//! with where it came from; and the split of a document into the six sections.

use super::Location;
use super::norm::{self, CellText, key, key_char};
use crate::form::{SECTIONS, SectionId};

/// One cell of a table (or one cell-like piece of a flattened table line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// The text, trimmed; empty for an empty cell.
    pub text: String,
    /// Where it came from.
    pub loc: Location,
}

/// A line of the document: prose, or (from HTML) one row of a table with its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text (for a table row, its cells joined by ` | `).
    pub text: String,
    /// Where it came from (its first character).
    pub loc: Location,
    /// The row's cells, for a table row from HTML.
    pub cells: Option<Vec<Tok>>,
}

/// Split plain text into lines (any of `\n`, `\r\n`, `\r`), a BOM and every other invisible
/// character ([`norm::is_invisible`]) dropped. Lines are numbered from 1.
pub fn text_lines(text: &str) -> Vec<Line> {
    let text = norm::strip_invisible(text);
    let text: &str = &text;
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        // A lone `\r` also ends a line (old Mac files); keep numbering by `\n`.
        for part in raw.trim_end_matches('\r').split('\r') {
            // What a PDF's text keeps of its page footers (`-3-`, after a form feed).
            let part = part.trim_start_matches('\u{c}');
            if norm::is_page_footer(part) {
                continue;
            }
            out.push(Line {
                text: part.to_owned(),
                loc: Location::Line {
                    line: i + 1,
                    column: 1,
                },
                cells: None,
            });
        }
    }
    out
}

/// Chinese numerals of the six sections.
const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];

/// A heading found in a line: which section, and the char range it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Heading {
    section: usize,
    start: usize,
    end: usize,
    numbered: bool,
}

/// The last three characters of every title and alias (computed once).
fn title_ends() -> &'static [&'static [char]] {
    static ENDS: std::sync::OnceLock<Vec<&'static [char]>> = std::sync::OnceLock::new();
    ENDS.get_or_init(|| {
        title_keys()
            .iter()
            .flatten()
            .filter(|t| t.len() >= 3)
            .map(|t| &t[t.len() - 3..])
            .collect()
    })
}

/// The title variants of each section, as keys (computed once).
fn title_keys() -> &'static [Vec<Vec<char>>] {
    static KEYS: std::sync::OnceLock<Vec<Vec<Vec<char>>>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        SECTIONS
            .iter()
            .map(|s| {
                std::iter::once(s.title)
                    .chain(s.aliases.iter().copied())
                    .map(|t| key(t).chars().collect())
                    .collect()
            })
            .collect()
    })
}

/// Headings in one line. `chars` is the line; matching is done on keys char by char, so that a
/// heading inside a long line (a report flattened onto one line) is found too.
fn headings(chars: &[char], titles: &[Vec<Vec<char>>]) -> Vec<Heading> {
    // A heading ends with the last three characters of a title or alias (体情况, 息情况, 请情况,
    // 讼情况, 进情况, 的事项): a line with none of them holds no heading.
    let ends = title_ends();
    let has_anchor = chars.windows(3).any(|w| {
        // Most characters end no title: test the last one first.
        (w[2] == '况' || w[2] == '项') && ends.contains(&w)
    });
    if !has_anchor {
        return Vec::new();
    }
    // Keyed chars with the index of the original char each came from.
    let mut keyed: Vec<(char, usize)> = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        key_char(*c, |k| keyed.push((k, i)));
    }
    let at = |p: usize, t: &[char]| -> bool {
        t.iter()
            .enumerate()
            .all(|(k, c)| keyed.get(p + k).map(|x| x.0) == Some(*c))
    };
    let mut out = Vec::new();
    let mut p = 0;
    while p < keyed.len() {
        let mut found = None;
        for (s, variants) in titles.iter().enumerate() {
            let numbered = keyed[p].0 == NUMERALS[s]
                && matches!(keyed.get(p + 1).map(|x| x.0), Some('、' | '.' | ','));
            for t in variants {
                if numbered && at(p + 2, t) {
                    found = Some((s, p, p + 2 + t.len(), true));
                } else if p == 0 && keyed[0].0 == '、' && at(1, t) {
                    found = Some((s, 0, 1 + t.len(), false));
                } else if p == 0 && at(0, t) {
                    // A bare title counts only as a whole line (or followed by punctuation).
                    let rest = keyed.get(t.len()).map(|x| x.0);
                    if rest.is_none() || matches!(rest, Some('。' | ':' | '(')) {
                        found = Some((s, 0, t.len(), false));
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        match found {
            Some((section, start, end, numbered)) => {
                let start_char = keyed[start].1;
                let end_char = keyed.get(end).map_or(chars.len(), |x| x.1);
                out.push(Heading {
                    section,
                    start: start_char,
                    end: end_char,
                    numbered,
                });
                p = end;
            }
            None => p += 1,
        }
    }
    out
}

/// The length of the longest common subsequence of two keys.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for ca in a {
        let mut diag = 0;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if ca == cb { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Whether a heading's words name a section: one of its sets of key words all in them, or
/// nearly its title or an alias (nine tenths of the longer one in common, in order: one
/// character mistyped or dropped in ten).
fn names_section(words: &[char], s: usize, titles: &[Vec<Vec<char>>]) -> bool {
    let text: String = words.iter().collect();
    SECTIONS[s]
        .key_words
        .iter()
        .any(|set| set.iter().all(|w| text.contains(w)))
        || titles[s]
            .iter()
            .any(|t| lcs(words, t) * 10 >= 9 * t.len().max(words.len()))
}

/// Whether a line begins as a heading worded otherwise may: a section's numeral and `、` or `.`,
/// or `、` alone (the numeral lost).
fn starts_like_heading(text: &str) -> bool {
    let mut cs = text.trim_start().chars();
    match (cs.next(), cs.next()) {
        (Some('、'), _) => true,
        (Some(n), Some(d)) => NUMERALS.contains(&n) && matches!(d, '、' | '.' | '．' | ',' | '，'),
        _ => false,
    }
}

/// Headings worded otherwise than the form's titles and their aliases, at the start of a line: a
/// section's numeral and `、` (or `.`), then words that name that section ([`names_section`]),
/// up to the first punctuation that ends a heading, a space, or the line's end (at most 40
/// characters); also `、` and such words with the numeral lost (018's `、主动公开政府信息情况`).
fn loose_headings(chars: &[char], titles: &[Vec<Vec<char>>]) -> Vec<Heading> {
    let i = chars
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(chars.len());
    let numeral = chars
        .get(i)
        .and_then(|c| NUMERALS.iter().position(|n| n == c));
    let words_from = match (numeral, chars.get(i), chars.get(i + 1)) {
        (Some(_), _, Some('、' | '.' | '．' | ',' | '，')) => i + 2,
        (None, Some('、'), _) => i + 1,
        _ => return Vec::new(),
    };
    let end = (words_from..chars.len())
        .find(|&k| {
            chars[k].is_whitespace()
                || matches!(
                    chars[k],
                    '。' | '；' | ';' | '：' | ':' | '，' | ',' | '！' | '？'
                )
        })
        .unwrap_or(chars.len());
    if end - words_from < 2 || end - words_from > 40 {
        return Vec::new();
    }
    let words: Vec<char> = key(&chars[words_from..end].iter().collect::<String>())
        .chars()
        .collect();
    let section = match numeral {
        Some(s) => names_section(&words, s, titles).then_some(s),
        None => (0..SECTIONS.len()).find(|&s| names_section(&words, s, titles)),
    };
    section
        .map(|section| Heading {
            section,
            start: i,
            end,
            numbered: numeral.is_some(),
        })
        .into_iter()
        .collect()
}

fn shift(loc: Location, by: usize) -> Location {
    match loc {
        Location::Line { line, column } => Location::Line {
            line,
            column: column + by,
        },
        other => other,
    }
}

/// The document split at the section headings.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// Lines before the first heading.
    pub front: Vec<Line>,
    /// For each section in official order: the heading's location and its lines.
    pub body: [Option<(Location, Vec<Line>)>; 6],
}

impl Sections {
    /// The lines of a section, if the section was found.
    pub fn lines(&self, id: SectionId) -> Option<&[Line]> {
        self.body[id as usize].as_ref().map(|(_, l)| l.as_slice())
    }
}

/// Find the headings (in order: a section is accepted only after the ones before it) and split.
pub fn split(lines: Vec<Line>) -> Sections {
    let titles = title_keys();
    let mut out = Sections::default();
    let mut current: Option<usize> = None;
    for line in lines {
        // Every title ends in 况 or 项 (see `headings`), and a heading worded otherwise starts
        // its line with a section's numeral and `、` or `.`, or with `、`: a line with neither
        // holds no heading.
        let loose = line.cells.is_none() && starts_like_heading(&line.text);
        if line.cells.is_some() || (!loose && !line.text.contains(['况', '项'])) {
            push(&mut out, current, line);
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let mut found: Vec<Heading> = headings(&chars, titles)
            .into_iter()
            .filter(|h| h.numbered || h.start == 0)
            .collect();
        if found.is_empty() && loose {
            found = loose_headings(&chars, titles);
        }
        let mut pos = 0;
        for h in found {
            if current.is_some_and(|c| h.section <= c) || out.body[h.section].is_some() {
                continue;
            }
            // Text before the heading stays with the section before it.
            let before: String = chars[pos..h.start].iter().collect();
            if !before.trim().is_empty() {
                push(
                    &mut out,
                    current,
                    Line {
                        text: before,
                        loc: shift(line.loc, pos),
                        cells: None,
                    },
                );
            }
            out.body[h.section] = Some((shift(line.loc, h.start), Vec::new()));
            current = Some(h.section);
            pos = h.end;
        }
        let rest: String = chars[pos..].iter().collect();
        if pos == 0 || !rest.trim().is_empty() {
            push(
                &mut out,
                current,
                Line {
                    text: rest,
                    loc: shift(line.loc, pos),
                    cells: None,
                },
            );
        }
    }
    out
}

/// The width of a text in columns: two for a wide (CJK, full-width) character, one otherwise.
fn columns(t: &str) -> usize {
    t.chars()
        .map(|c| if norm::is_wide(c) { 2 } else { 1 })
        .sum()
}

/// Whether a line begins a heading or a numbered part (`一、`, `（一）`, `(1)`, `1.`, `第一`),
/// which a hard-wrapped line before it does not run on into.
fn starts_part(t: &str) -> bool {
    let t = t.trim_start();
    let mut cs = t.chars();
    let (a, b) = (cs.next(), cs.next());
    matches!(a, Some('（' | '(' | '第'))
        || (a.is_some_and(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
            && matches!(b, Some('、' | '.' | '．')))
}

impl Sections {
    /// Join the lines of prose that a fixed width hard-wrapped (plain `pdftotext` output, a
    /// flipbook's text): in the front matter and sections 一, 五 and 六 of a text file whose prose
    /// lines mostly run to one width, a line that runs to that width and does not end a
    /// sentence goes on into the next line, unless that one begins a heading or a numbered part.
    /// `公开政府常务会议 7` / `期` becomes one line, and its figure `7期` is read. Lines of a web
    /// page's text (a paragraph a line, of any length) are left alone.
    pub fn unwrap_prose(&mut self) {
        let prose: Vec<&Line> = self
            .front
            .iter()
            .chain(
                [0, 4, 5]
                    .iter()
                    .filter_map(|&k| self.body[k].as_ref())
                    .flat_map(|(_, l)| l),
            )
            .filter(|l| matches!(l.loc, super::Location::Line { .. }) && l.cells.is_none())
            .collect();
        let mut widths: Vec<usize> = prose
            .iter()
            .map(|l| columns(l.text.trim()))
            .filter(|w| *w >= 20)
            .collect();
        if widths.len() < 5 {
            return;
        }
        widths.sort_unstable();
        let full = widths[widths.len() * 9 / 10];
        // A paragraph's first line is two characters short (its indent, which the text lost),
        // and a line with full-width punctuation set narrow holds fewer characters: up to four
        // wide characters short is still full (a paragraph's last line ends a sentence).
        const SLACK: usize = 8;
        let at_full = widths.iter().filter(|w| **w + SLACK >= full).count();
        if at_full * 5 < widths.len() * 2 {
            return;
        }
        let join = |lines: &mut Vec<Line>| {
            let mut out: Vec<Line> = Vec::with_capacity(lines.len());
            let mut open = false;
            for l in lines.drain(..) {
                let t = l.text.trim();
                if open
                    && !t.is_empty()
                    && !starts_part(t)
                    && let Some(prev) = out.last_mut()
                {
                    let narrow = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                    if narrow(prev.text.trim_end().chars().last()) && narrow(t.chars().next()) {
                        prev.text = format!("{} {t}", prev.text.trim_end());
                    } else {
                        prev.text = format!("{}{t}", prev.text.trim_end());
                    }
                    open =
                        columns(t) + SLACK >= full && !t.ends_with(['。', '！', '？', '；', '：']);
                    continue;
                }
                // A `#` line is a comment a corpus file begins with, not prose.
                open = l.cells.is_none()
                    && !t.starts_with('#')
                    && matches!(l.loc, super::Location::Line { .. })
                    && columns(t) + SLACK >= full
                    && !t.ends_with(['。', '！', '？', '；', '：'])
                    && !t.contains("  ");
                out.push(l);
            }
            *lines = out;
        };
        join(&mut self.front);
        for k in [0, 4, 5] {
            if let Some((_, lines)) = self.body[k].as_mut() {
                join(lines);
            }
        }
    }
}

fn push(out: &mut Sections, current: Option<usize>, line: Line) {
    match current {
        None => out.front.push(line),
        Some(s) => {
            if let Some((_, lines)) = out.body[s].as_mut() {
                lines.push(line);
            }
        }
    }
}

/// The cells of a table section: HTML rows as they are; flattened text lines split into cells by
/// the layout they use (one cell a line, `|`-separated, cells ending in ` |`, tab-indented).
pub fn tokens(lines: &[Line]) -> Vec<Tok> {
    // Layout (b): cells end in ` |`, so a lone `|` is an empty cell. In layout (a) content lines
    // have no `|` and a lone `|` only separates cells.
    let pipe_cells = lines.iter().any(|l| {
        let t = l.text.trim();
        t.ends_with('|') && t.chars().any(|c| c != '|' && !c.is_whitespace())
    });
    let mut out = Vec::new();
    // Whether the last line with content ended without its cell delimiter: then a lone `|` on
    // the next line is that delimiter, wrapped (`行政许可` / `|` / `0 |`), not an empty cell.
    let mut open_cell = false;
    for line in lines {
        if let Some(cells) = &line.cells {
            out.extend(cells.iter().cloned());
            open_cell = false;
            continue;
        }
        let text = line.text.as_str();
        if text.contains('|') {
            let trimmed = text.trim();
            if trimmed.chars().all(|c| c == '|' || c.is_whitespace()) {
                let lone = trimmed.chars().filter(|c| *c == '|').count() == 1;
                if pipe_cells && lone && !open_cell {
                    out.push(Tok {
                        text: String::new(),
                        loc: line.loc,
                    });
                }
                open_cell = false;
                continue;
            }
            open_cell = !trimmed.ends_with('|');
            let mut parts: Vec<(usize, &str)> = Vec::new();
            let mut offset = 0;
            for p in text.split('|') {
                parts.push((offset, p));
                offset += p.chars().count() + 1;
            }
            if text.trim_end().ends_with('|') {
                parts.pop();
            }
            if text.trim_start().starts_with('|') && !parts.is_empty() {
                parts.remove(0);
            }
            for (off, p) in parts {
                let lead = p.chars().take_while(|c| c.is_whitespace()).count();
                out.push(Tok {
                    text: p.trim().to_owned(),
                    loc: shift(line.loc, off + lead),
                });
            }
        } else if text.trim().is_empty() {
            // A tab-indented blank cell (the seed's layout); a bare empty line only separates.
            if text.contains('\t') || text.contains('\u{a0}') {
                out.push(Tok {
                    text: String::new(),
                    loc: line.loc,
                });
            }
        } else {
            open_cell = true;
            split_values(text, line.loc, &mut out);
        }
    }
    out
}

/// A line without values as cells: pieces that a run of two or more white-space characters
/// separates are separate cells (header cells side by side, `信息内容   本年制发件数   本年废止件数`,
/// as `pdftotext -layout` writes them); a single space stays inside a cell (`（一）予以公开`,
/// a label wrapped `只计这一情 形`).
fn split_wide(text: &str, loc: Location, out: &mut Vec<Tok>) {
    let chars: Vec<char> = text.chars().collect();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i <= chars.len() {
        let at_gap = i == chars.len()
            || (chars[i].is_whitespace() && chars.get(i + 1).is_some_and(|c| c.is_whitespace()));
        if at_gap || (chars[i].is_whitespace() && start.is_none()) {
            if let Some(s) = start.take() {
                let piece: String = chars[s..i].iter().collect();
                out.push(Tok {
                    text: piece.trim_end().to_owned(),
                    loc: shift(loc, s),
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += 1;
    }
}

/// Units that may stand apart from their number (`410 件`, `12.50 万元`).
const UNITS: &[&str] = &["件", "项", "个", "条", "次", "宗", "元", "万元"];

/// One line of a flattened table as cells: a label, then the values after it that white space
/// separates (`一、本年新收… 59 20 0 1 4 0 84`, as `pdftotext -layout` writes a row), each value
/// its own cell; a unit standing apart joins the number before it. A line without such a run of
/// values is one cell, as before.
fn split_values(text: &str, loc: Location, out: &mut Vec<Tok>) {
    // Pieces between runs of white space, with their char offsets.
    let mut pieces: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if let Some(p) = current.take() {
                pieces.push(p);
            }
        } else {
            current.get_or_insert_with(|| (i, String::new())).1.push(c);
        }
    }
    pieces.extend(current);
    // A unit standing alone belongs to the number before it.
    let mut merged: Vec<(usize, String)> = Vec::with_capacity(pieces.len());
    for (off, p) in pieces {
        match merged.last_mut() {
            Some((_, prev))
                if UNITS.contains(&p.as_str())
                    && matches!(
                        norm::classify(prev),
                        CellText::Integer(..) | CellText::Amount(..)
                    ) =>
            {
                prev.push_str(&p);
            }
            _ => merged.push((off, p)),
        }
    }
    let is_value = |p: &str| {
        matches!(
            norm::classify(p),
            CellText::Integer(..) | CellText::Amount(..) | CellText::NotApplicable
        )
    };
    let values = merged.iter().rev().take_while(|(_, p)| is_value(p)).count();
    let label_pieces = merged.len() - values;
    if merged.len() < 2 || values == 0 {
        split_wide(text, loc, out);
        return;
    }
    if label_pieces > 0 {
        // The label keeps its single spaces; a wide gap separates two labels (`（四）无法提供
        // 1.本机关不掌握相关政府信息`).
        let end_piece = &merged[label_pieces - 1];
        let end = end_piece.0 + end_piece.1.chars().count();
        let label: String = text.chars().take(end).collect();
        split_wide(&label, loc, out);
    }
    for (off, p) in merged.into_iter().skip(label_pieces) {
        out.push(Tok {
            text: p,
            loc: shift(loc, off),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokens(&text_lines(s)).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn layouts_tokenize_to_cells() {
        // (a) lone pipes separate.
        assert_eq!(texts("规章\n|\n0\n|\n1\n"), ["规章", "0", "1"]);
        // (b) cells end in ` |`; a lone pipe is an empty cell, `||` is padding.
        assert_eq!(
            texts("行政处罚 |\n|\n+239 |\n239 |\n||\n"),
            ["行政处罚", "", "+239", "239"]
        );
        // (c) one row a line.
        assert_eq!(texts("规章 | 0 | | 3 |\n"), ["规章", "0", "", "3"]);
        // seed: tab-indented, a tab alone is a blank cell.
        assert_eq!(texts("\t规章\n\t0\n\t\n\t0\n\n"), ["规章", "0", "", "0"]);
    }

    #[test]
    fn headings_split_sections_even_inside_a_line() {
        let s = split(text_lines(
            "某局2019年 政府信息公开工作年度报告 一、总体情况 正文 (一)主动公开 二、主动公开政府信息情况 表\n三、收到和处理政府信息公开申请情况\n无",
        ));
        assert_eq!(s.front.len(), 1);
        assert!(s.body[0].as_ref().unwrap().1[0].text.contains("正文"));
        assert_eq!(s.body[1].as_ref().unwrap().1[0].text.trim(), "表");
        assert_eq!(s.lines(SectionId::Requests).unwrap()[0].text, "无");
        // A list of titles in the preamble is not a heading.
        let s = split(text_lines(
            "本报告由总体情况、主动公开政府信息情况等六部分组成。\n、主动公开政府信息情况\n表",
        ));
        assert!(s.body[0].is_none());
        assert!(s.body[1].is_some());
    }
}
