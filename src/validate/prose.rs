//! The prose checked against the tables: claims extracted from every narrative field at
//! validation time (so that JSON written by any program is checked, not only what the readers
//! produced), through the measure declarations of [`crate::form::measures`].
//!
//! A claim is a number with its measure word in a clause that names a declared measure, in a
//! sentence whose scope is the body's own (no 各级, 各部门 …; `全区` only for a district's people's
//! government). Approximate numbers are intervals (`docs/RULES.md`, “Approximate quantities”).

use crate::cell::{Approx, Quantity};
use crate::form::measures::{
    CHANNEL_FILLERS, CHANNEL_LEADS, CHANNEL_VERBS, CHANNELS, ChannelKind, ITEMS, LEVELS, MEASURES,
    MONEY_MEASURES, MeasureDecl, WIDER_SCOPE,
};
use crate::form::{
    ApplicantColumn as AC, CellId, RequestRow as RR, ReviewColumn as VC, ReviewRow as VR,
};
use crate::read::{is_digit, string_of};
use crate::report::{CellRef, Issuer, Report};

use super::{Draft, Observed, Sink};

/// A number the prose states for a declared measure, and where it was said.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Claim {
    /// The measure ([`MeasureDecl::id`]).
    pub measure: &'static str,
    /// The word that named the measure (`收到`, `受理` …).
    pub name: &'static str,
    /// The number as stated.
    pub quantity: Quantity,
    /// The JSON Pointer of the narrative field (`/overview/requests`).
    pub pointer: String,
    /// The character range of the sentence in that field.
    pub range: std::ops::Range<usize>,
    /// The character range of the number in that field, with its approximation and measure
    /// words (`近3000条`).
    pub at: std::ops::Range<usize>,
    /// The sentence.
    pub sentence: String,
    /// Whether the clause says the number includes 上年结转 (`受理…25件（含上年结转4件）`): it then
    /// states 本年新收 + 上年结转.
    pub includes_carried_over: bool,
}

/// The narrative fields of a report with their pointers.
pub(super) fn narratives(r: &Report) -> Vec<(&'static str, &str)> {
    let o = r.overview.as_ref();
    let p = r.problems.as_ref();
    let fields: [(&'static str, Option<&String>); 12] = [
        ("/preamble", r.preamble.as_ref()),
        ("/overview/summary", o.and_then(|o| o.summary.as_ref())),
        ("/overview/proactive", o.and_then(|o| o.proactive.as_ref())),
        ("/overview/requests", o.and_then(|o| o.requests.as_ref())),
        (
            "/overview/management",
            o.and_then(|o| o.management.as_ref()),
        ),
        ("/overview/platform", o.and_then(|o| o.platform.as_ref())),
        ("/overview/oversight", o.and_then(|o| o.oversight.as_ref())),
        ("/problems/summary", p.and_then(|p| p.summary.as_ref())),
        ("/problems/problems", p.and_then(|p| p.problems.as_ref())),
        (
            "/problems/improvements",
            p.and_then(|p| p.improvements.as_ref()),
        ),
        ("/problems/measures", p.and_then(|p| p.measures.as_ref())),
        ("/other_matters", r.other_matters.as_ref()),
    ];
    fields
        .into_iter()
        .filter_map(|(k, t)| Some((k, t?.as_str())))
        .collect()
}

/// Sentences as char ranges: ended by 。！？；!?; or a line break.
fn sentences(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
            if i > start {
                out.push(start..i + 1);
            }
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push(start..chars.len());
    }
    out
}

fn contains(hay: &[char], word: &str) -> bool {
    find_last(hay, word).is_some()
}

/// The char index of the last occurrence of `word` in `hay`. Only the word's first character is
/// decoded up front; the rest only where that character occurs.
fn find_last(hay: &[char], word: &str) -> Option<usize> {
    let mut rest = word.chars();
    let first = rest.next()?;
    let rest = rest.as_str();
    (0..hay.len())
        .rev()
        .find(|&i| starts_at(hay, i, first, rest))
}

/// Every char index where `word` starts in `hay`, in order.
fn places<'a>(hay: &'a [char], word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut rest = word.chars();
    let first = rest.next();
    let rest = rest.as_str();
    (0..hay.len()).filter(move |&i| first.is_some_and(|first| starts_at(hay, i, first, rest)))
}

/// Whether a word, its first character `first` and the rest `rest`, starts at `i` of `hay`.
#[inline]
fn starts_at(hay: &[char], i: usize, first: char, rest: &str) -> bool {
    hay[i] == first && {
        let mut k = i + 1;
        rest.chars().all(|c| {
            let hit = hay.get(k) == Some(&c);
            k += 1;
            hit
        })
    }
}

/// A narrative field analysed once for every prose rule: its characters and the quantities in
/// them. Fields without a digit hold no claim and are not analysed.
pub(super) struct Field<'r> {
    /// The field's JSON Pointer.
    pub pointer: &'static str,
    /// Its text.
    pub text: &'r str,
    /// Its characters, when it has a digit.
    pub chars: Vec<char>,
    /// The quantities in them (numbers with a measure word).
    pub found: Vec<crate::read::NormFound>,
}

/// Every narrative field of a report, analysed once ([`Field`]).
pub(super) fn fields(r: &Report) -> Vec<Field<'_>> {
    narratives(r)
        .into_iter()
        .map(|(pointer, text)| {
            let digits = has_digit(text);
            let chars: Vec<char> = if digits { chars_of(text) } else { Vec::new() };
            let found = if digits {
                crate::read::norm_quantities(&chars)
            } else {
                Vec::new()
            };
            Field {
                pointer,
                text,
                chars,
                found,
            }
        })
        .collect()
}

/// Whether a text has a digit, ASCII or full-width (`０`–`９`, U+FF10–FF19, whose UTF-8 is
/// `EF BC 90`–`EF BC 99`): one pass over the bytes, without decoding characters.
fn has_digit(text: &str) -> bool {
    let b = text.as_bytes();
    let exact = |i: usize| {
        b[i].is_ascii_digit()
            || (b[i] == 0xEF
                && b.get(i + 1) == Some(&0xBC)
                && b.get(i + 2).is_some_and(|y| (0x90..=0x99).contains(y)))
    };
    // 32 bytes at a time by a test without branches (the compiler makes it vector compares);
    // only a block with a candidate byte is looked at closely.
    b.chunks(32).enumerate().any(|(k, block)| {
        block.iter().fold(false, |hit, &x| {
            hit | (x.wrapping_sub(b'0') < 10) | (x == 0xEF)
        }) && (k * 32..k * 32 + block.len()).any(exact)
    })
}

/// The characters of a text, in a vector allocated once at its exact length.
fn chars_of(text: &str) -> Vec<char> {
    let mut v = Vec::with_capacity(text.chars().count());
    v.extend(text.chars());
    v
}

/// Whether a sentence speaks of the body's own scope: no word of a wider scope, and `全X` only
/// where the body is X's people's government.
fn own_scope(sentence: &[char], r: &Report) -> bool {
    if WIDER_SCOPE.iter().any(|w| contains(sentence, w)) {
        return false;
    }
    let own_level = match (r.issuer, r.agency.as_deref()) {
        (Some(Issuer::PeoplesGovernment), Some(a)) => a
            .strip_suffix("人民政府")
            .and_then(|s| s.chars().last())
            .filter(|c| LEVELS.contains(c)),
        _ => None,
    };
    for (i, c) in sentence.iter().enumerate() {
        if *c == '全'
            && let Some(level) = sentence.get(i + 1)
            && LEVELS.contains(level)
            && Some(*level) != own_level
        {
            return false;
        }
    }
    true
}

/// The measure a quantity in a clause states: the declared name nearest before it (`before`:
/// the clause up to the number), with one of the words the measure needs anywhere in the
/// clause, none it excludes before the number, and cells the report's form has.
fn measure_of(
    before: &[char],
    clause: &[char],
    form: &crate::form::Form,
) -> Option<(&'static MeasureDecl, &'static str)> {
    let mut best: Option<(usize, &'static MeasureDecl, &'static str)> = None;
    for m in MEASURES {
        let Some((at, name)) = m
            .names
            .iter()
            .filter_map(|n| Some((find_last(before, n)?, *n)))
            .max_by_key(|(at, n)| (*at, n.chars().count()))
        else {
            continue;
        };
        if !m.with.is_empty() && !m.with.iter().any(|w| contains(clause, w)) {
            continue;
        }
        if m.not.iter().any(|w| contains(before, w)) {
            continue;
        }
        if m.cells.resolve(form).is_none() {
            continue;
        }
        if best.is_none_or(|(b, _, _)| at > b) {
            best = Some((at, m, name));
        }
    }
    best.map(|(_, m, name)| (m, name))
}

/// Every claim of the report's prose about a declared measure. One pass finds the counts of a
/// field (numbers with a count's measure word); only around those are sentences, clauses, scope
/// and measure words looked at.
pub fn claims(r: &Report) -> Vec<Claim> {
    claims_in(r, &fields(r))
}

fn claims_in(r: &Report, fields: &[Field<'_>]) -> Vec<Claim> {
    let mut out = Vec::new();
    for f in fields {
        // The last claim of the field, and where its number ends.
        let mut last: Option<(usize, usize)> = None;
        for found in &f.found {
            let Some(c) = claim_at(&f.chars, found, r, f.pointer) else {
                continue;
            };
            // A claim of the same measure after `其中` in the same sentence counts a part of the
            // one before (`收到申请84件，其中通过网络平台收到申请60件`), not the measure; unless
            // the one before was named by a word that may add 上年结转 (`受理96件，其中新收84件`).
            if let Some((k, end)) = last
                && out.get(k).is_some_and(|p: &Claim| {
                    p.measure == c.measure
                        && !MEASURES
                            .iter()
                            .any(|m| m.id == p.measure && m.or_names.contains(&p.name))
                        && p.pointer == c.pointer
                        && p.range == c.range
                        && contains(&f.chars[end.min(found.start)..found.start], "其中")
                })
            {
                continue;
            }
            last = Some((out.len(), found.end));
            out.push(c);
        }
    }
    out
}

/// Whether the words of a clause before a number, since the number before it, name another
/// measure that could be stated there besides `id`'s name at `name` (`予以公开和部分公开共50件`,
/// `办结上年结转申请12件`): the number then counts them together, or some cases of both, not one
/// of them.
fn names_another(before: &[char], id: &str, name: std::ops::Range<usize>) -> bool {
    let from = before
        .iter()
        .rposition(|c| is_digit(*c))
        .map_or(0, |i| i + 1);
    if from > name.start {
        return false;
    }
    let seg = &before[from..];
    let (start, end) = (name.start - from, name.end - from);
    // Another measure that could be stated here: its words needed in the clause, none it
    // excludes before its name.
    MEASURES
        .iter()
        .filter(|m| m.id != id && (m.with.is_empty() || m.with.iter().any(|w| contains(seg, w))))
        .any(|m| {
            m.names.iter().any(|n| {
                let len = n.chars().count();
                places(seg, n).any(|at| {
                    (at + len <= start || at >= end)
                        && !m.not.iter().any(|w| contains(&seg[..at], w))
                })
            })
        })
}

/// Words before a number that make it another period's, or a running total's, not the report
/// year's (`上年度收到申请70件`, `累计收到申请500件`, `较上年同期的70件`).
const OTHER_PERIOD: &[&str] = &[
    "上年度",
    "上一年度",
    "上年",
    "去年",
    "前年",
    "累计",
    "历年",
    "以来",
    "近三年",
    "近两年",
    "近五年",
    "近年来",
    "同比",
];

/// Words between a measure's name and its number that narrow it to some of its cases
/// (`收到涉及房屋征收的申请50件`).
const NARROWING: &[&str] = &["涉及", "关于", "针对"];

/// Words that narrow requests to some of them by the channel they came by or the kind of
/// applicant (`通过网络平台收到申请60件`, `收到自然人申请80件`, `未收到通过信函方式提交的申请`): a
/// number of requests they stand before, or a denial of requests they stand in, is about those
/// only.
const CHANNELS_AND_APPLICANTS: &[&str] = &[
    "通过",
    "网络",
    "网上",
    "信函",
    "邮寄",
    "当面",
    "传真",
    "电子邮件",
    "渠道",
    "方式",
    "形式",
    "自然人",
    "企业",
    "科研机构",
    "公益组织",
    "法律服务机构",
];

/// Words before a number of requests that count some of them only, besides
/// [`CHANNELS_AND_APPLICANTS`]. 法人 and 其他组织 count all applicants beside 公民
/// (`公民、法人和其他组织提出的申请`), some without it.
const SOME_REQUESTS: &[&str] = &["在线", "现场", "个人"];

/// Whether a number of requests counts some of them only ([`SOME_REQUESTS`]).
fn some_requests(before: &[char]) -> bool {
    CHANNELS_AND_APPLICANTS
        .iter()
        .chain(SOME_REQUESTS)
        .any(|w| contains(before, w))
        || (!contains(before, "公民") && ["法人", "其他组织"].iter().any(|w| contains(before, w)))
}

/// Whether the words of a clause before a number (`before`), besides the measure's own name at
/// `name`, make the number another year's or a part of the measure: a word of [`OTHER_PERIOD`]
/// or a four-digit year other than the report's anywhere before it, or a word of [`NARROWING`]
/// between the name and the number.
fn not_the_measure(before: &[char], name: std::ops::Range<usize>, year: Option<u16>) -> bool {
    let elsewhere = |w: &str| {
        let len = w.chars().count();
        places(before, w).any(|at| at + len <= name.start || at >= name.end)
    };
    OTHER_PERIOD.iter().any(|w| elsewhere(w))
        || other_year(before, year)
        || NARROWING.iter().any(|w| contains(&before[name.end..], w))
}

/// The claim a count found in a field makes, if it is one.
fn claim_at(
    chars: &[char],
    found: &crate::read::NormFound,
    r: &Report,
    pointer: &'static str,
) -> Option<Claim> {
    let q = &found.quantity;
    if !crate::form::measures::CASES.contains(&q.unit.as_str()) {
        return None;
    }
    let ends_sentence = |c: &char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
    let ends_clause = |c: &char| ends_sentence(c) || matches!(c, '，' | ',' | '：' | ':');
    let start = chars[..found.start]
        .iter()
        .rposition(ends_sentence)
        .map_or(0, |i| i + 1);
    let end = chars[found.end..]
        .iter()
        .position(ends_sentence)
        .map_or(chars.len(), |i| found.end + i + 1);
    let clause_start = chars[..found.start]
        .iter()
        .rposition(ends_clause)
        .map_or(0, |i| i + 1);
    let clause_end = chars[found.end..]
        .iter()
        .position(ends_clause)
        .map_or(chars.len(), |i| found.end + i);
    let sentence = &chars[start..end];
    let before = &chars[clause_start..found.start];
    let (m, name) = measure_of(before, &chars[clause_start..clause_end], r.form())?;
    if !m.units.contains(&q.unit.as_str())
        || !own_scope(sentence, r)
        || (m.id.starts_with("requests.") && some_requests(before))
    {
        return None;
    }
    let at = find_last(before, name)?;
    if not_the_measure(before, at..at + name.chars().count(), r.year)
        || names_another(before, m.id, at..at + name.chars().count())
    {
        return None;
    }
    Some(Claim {
        measure: m.id,
        name,
        quantity: q.clone(),
        pointer: pointer.to_owned(),
        range: start..end,
        at: found.start..found.end,
        sentence: string_of(sentence),
        includes_carried_over: !m.or_cells.is_empty()
            && contains(&chars[found.end..clause_end], "含上年结转"),
    })
}

/// The closed interval of counts an approximate quantity allows (`docs/RULES.md`).
pub fn interval(q: &Quantity) -> (u64, u64) {
    let v = q.value;
    // The step of the last written digit: 350余 → 10, 6万余 → 10 000.
    let step = {
        let mut s = 1u64;
        let mut x = v;
        while x != 0 && x.is_multiple_of(10) {
            s = s.saturating_mul(10);
            x /= 10;
        }
        s
    };
    match q.approx {
        Approx::Nearly => (v - v / 5, v),
        Approx::About => (v - v / 5, v.saturating_add(v / 5)),
        Approx::Under => (0, v.saturating_sub(1)),
        Approx::Plus | Approx::More => (v, v.saturating_add(step)),
        Approx::Over | Approx::MoreThan => (v.saturating_add(1), u64::MAX),
        _ => (v, v),
    }
}

fn count(r: &Report, id: CellId) -> Option<u64> {
    match r.cell(id)? {
        CellRef::Count(c) => c.get(),
        _ => None,
    }
}

/// The sum of cells, when every one has a value.
fn sum(r: &Report, ids: &[CellId]) -> Option<u64> {
    ids.iter()
        .try_fold(0u64, |acc, id| acc.checked_add(count(r, *id)?))
}

/// The declaration of a measure and its cells in a form.
fn decl(id: &str, form: &crate::form::Form) -> Option<(&'static MeasureDecl, Vec<CellId>)> {
    MEASURES
        .iter()
        .filter(|m| m.id == id)
        .find_map(|m| Some((m, m.cells.resolve(form)?)))
}

fn shown(q: &Quantity) -> String {
    let (lo, hi) = interval(q);
    if lo == hi {
        format!("{}", q.value)
    } else if hi == u64::MAX {
        format!("{}（> {}）", q.value, lo.saturating_sub(1))
    } else {
        format!("{}（{lo}–{hi}）", q.value)
    }
}

/// Every rule on the report's prose, each field analysed once: the breakdowns and their shares
/// (`overview.*`, `prose.percentage`), the claims against the tables and each other
/// (`prose.table_mismatch`, `prose.conflict`), the categorical statements. Each runs where its
/// code applies.
pub(super) fn all(r: &Report, sink: &mut Sink) {
    let fields = fields(r);
    // A part that gives the findings of several rules runs when any of them runs (the sink
    // drops the findings of a rule left out).
    let checked = sink.checked;
    let any = |codes: &[&str]| codes.iter().any(|code| checked.contains(code));
    let breakdowns = any(&[
        "overview.breakdown_sum",
        "overview.breakdown_incomplete",
        "prose.percentage",
    ]);
    let claims_checked = any(&["prose.table_mismatch", "prose.conflict"]);
    // The claims also tell the breakdowns which of their numbers the tables contradict
    // (whichever rules run, so that a rule's findings do not depend on which others do).
    let claims = if breakdowns || claims_checked {
        claims_in(r, &fields)
    } else {
        Vec::new()
    };
    if breakdowns {
        super::rules::breakdowns(&fields, &wrong_numbers(r, &claims), sink);
    }
    if claims_checked {
        check(r, &claims, sink);
    }
    if sink.checked.contains("prose.table_mismatch") {
        money_claims(r, &fields, sink);
    }
    if sink.checked.contains("prose.conflict") {
        channel_conflicts(r, &fields, sink);
    }
    if sink.checked.contains("prose.categorical") {
        categorical(r, &fields, sink);
    }
}

/// An amount of money written in a text: its value in 元, where it starts and ends (chars).
fn amounts(chars: &[char]) -> Vec<(rust_decimal::Decimal, usize, usize)> {
    let mut out = Vec::new();
    for (at, c) in chars.iter().enumerate() {
        if *c != '元' {
            continue;
        }
        let mut k = at;
        let wan = k > 0 && chars[k - 1] == '万';
        if wan {
            k -= 1;
        }
        let end_num = k;
        while k > 0 && (chars[k - 1].is_ascii_digit() || matches!(chars[k - 1], '.' | ',')) {
            k -= 1;
        }
        let text: String = chars[k..end_num].iter().filter(|c| **c != ',').collect();
        let Ok(mut v) = text.parse::<rust_decimal::Decimal>() else {
            continue;
        };
        if wan {
            let Some(y) = v.checked_mul(rust_decimal::Decimal::from(10_000)) else {
                continue;
            };
            v = y;
        }
        out.push((v, k, at + 1));
    }
    out
}

/// `prose.table_mismatch` for money: an amount the prose gives a money measure
/// ([`MONEY_MEASURES`]: 行政事业性收费 本年收费金额) against its cell, both in 元.
fn money_claims(r: &Report, fields: &[Field<'_>], sink: &mut Sink) {
    let form = r.form();
    for m in MONEY_MEASURES.iter().filter(|m| form.has(m.cell)) {
        let Some(CellRef::Money(crate::cell::Cell::Value(money))) = r.cell(m.cell) else {
            continue;
        };
        let header = match form.cell(m.cell).map(|c| c.kind) {
            Some(crate::form::CellKind::Money(u)) => u,
            _ => None,
        };
        let Some(table) = money
            .unit
            .or(header)
            .and_then(|u| money.amount.decimal().checked_mul(u.in_yuan()))
        else {
            continue;
        };
        for f in fields
            .iter()
            .filter(|f| m.names.iter().any(|n| f.text.contains(n)))
        {
            for (v, start, end) in amounts(&f.chars) {
                let ends = |c: &char| matches!(c, '。' | '；' | ';' | '\n' | '，' | ',');
                let from = f.chars[..start].iter().rposition(ends).map_or(0, |i| i + 1);
                let clause = &f.chars[from..start];
                if !m.names.iter().any(|w| contains(clause, w))
                    || !m.with.iter().any(|w| contains(clause, w))
                    || m.not.iter().any(|w| contains(clause, w))
                    || v == table
                {
                    continue;
                }
                // Another year's sum, a running total, or a wider scope's is not the cell's
                // (`2021年行政事业性收费金额为10万元`, as the claims of counts).
                let sentence_start = f.chars[..start]
                    .iter()
                    .rposition(|c| matches!(c, '。' | '\n'))
                    .map_or(0, |i| i + 1);
                let sentence_end = f.chars[end..]
                    .iter()
                    .position(|c| matches!(c, '。' | '\n'))
                    .map_or(f.chars.len(), |i| end + i);
                if OTHER_PERIOD.iter().any(|w| contains(clause, w))
                    || other_year(clause, r.year)
                    || !own_scope(&f.chars[sentence_start..sentence_end], r)
                {
                    continue;
                }
                let said: String = f.chars[from..end].iter().collect();
                let pointer = form.cell(m.cell).map(|c| c.pointer()).unwrap_or_default();
                let show = |d: rust_decimal::Decimal| format!("{}元", d.normalize());
                sink.push(
                    Draft::new(
                        "prose.table_mismatch",
                        f.pointer,
                        format!(
                            "{} 中“{said}”称{}为 {}，而表格为 {}。",
                            f.pointer,
                            m.label,
                            show(v),
                            show(table)
                        ),
                        format!(
                            "{}, “{said}”, states {} as {}, but the table has {}.",
                            f.pointer,
                            m.label,
                            show(v),
                            show(table)
                        ),
                    )
                    .cells(vec![pointer])
                    .values(Observed::Text(show(table)), Observed::Text(show(v))),
                );
                return;
            }
        }
    }
}

/// A claim its table contradicts: the measure, the cells the claim states and their sum. `None`
/// when the table agrees with it or cannot tell (a cell without a value).
fn contradicted(r: &Report, c: &Claim) -> Option<(&'static MeasureDecl, Vec<CellId>, u64)> {
    let (m, cells) = decl(c.measure, r.form())?;
    let main = if c.includes_carried_over {
        m.or_cells.to_vec()
    } else {
        cells
    };
    let table = sum(r, &main)?;
    let alt = (m.or_names.contains(&c.name) && !c.includes_carried_over)
        .then(|| sum(r, m.or_cells))
        .flatten();
    let (lo, hi) = interval(&c.quantity);
    let fits = |v: u64| lo <= v && v <= hi;
    (!fits(table) && !alt.is_some_and(fits)).then_some((m, main, table))
}

/// A number of the prose its table contradicts, exactly stated: the field, where the number
/// starts, and by how much it differs from the table (stated − table).
pub(super) struct WrongNumber<'a> {
    pub pointer: &'a str,
    pub at: usize,
    pub by: i128,
}

/// The exact numbers of `claims` their tables contradict ([`WrongNumber`]).
fn wrong_numbers<'a>(r: &Report, claims: &'a [Claim]) -> Vec<WrongNumber<'a>> {
    claims
        .iter()
        .filter(|c| c.quantity.approx == Approx::Exact)
        .filter_map(|c| {
            let (_, _, table) = contradicted(r, c)?;
            Some(WrongNumber {
                pointer: &c.pointer,
                at: c.at.start,
                by: i128::from(c.quantity.value) - i128::from(table),
            })
        })
        .collect()
}

/// `prose.table_mismatch` and `prose.conflict`: each claim against its cells; two claims of one
/// measure against each other where the table cannot tell (its cells are blank or absent).
fn check(r: &Report, claims: &[Claim], sink: &mut Sink) {
    let form = r.form();
    let mut mismatched: Vec<&str> = Vec::new();
    for c in claims {
        let Some((m, main, table)) = contradicted(r, c) else {
            continue;
        };
        // One finding per measure.
        if mismatched.contains(&c.measure) {
            continue;
        }
        mismatched.push(c.measure);
        let cells: Vec<String> = main
            .iter()
            .filter_map(|id| form.cell(*id).map(|d| d.pointer()))
            .collect();
        let said = shown(&c.quantity);
        let (a, b) = (c.range.start, c.range.end);
        sink.push(
            Draft::new(
                "prose.table_mismatch",
                c.pointer.clone(),
                format!(
                    "{} 第 {a}–{b} 字“{}”称{}为 {said}，而表格为 {table}。",
                    c.pointer, c.sentence, m.label
                ),
                format!(
                    "{} chars {a}–{b}, “{}”, states {} as {said}, but the table has {table}.",
                    c.pointer, c.sentence, m.label
                ),
            )
            .cells(cells)
            .values(
                Observed::Integer(i128::from(table)),
                Observed::Integer(i128::from(c.quantity.value)),
            ),
        );
    }
    if sink.checked.contains("prose.conflict") {
        conflicts(r, claims, sink);
    }
}

/// Two claims of one measure whose intervals cannot both hold, where the table does not decide.
fn conflicts(r: &Report, claims: &[Claim], sink: &mut Sink) {
    let mut done: Vec<&str> = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        if done.contains(&a.measure) || a.includes_carried_over {
            continue;
        }
        let Some((m, cells)) = decl(a.measure, r.form()) else {
            continue;
        };
        if sum(r, &cells).is_some() {
            continue;
        }
        let (alo, ahi) = interval(&a.quantity);
        let Some(b) = claims[i + 1..].iter().find(|b| {
            let (blo, bhi) = interval(&b.quantity);
            b.measure == a.measure && !b.includes_carried_over && (bhi < alo || ahi < blo)
        }) else {
            continue;
        };
        done.push(a.measure);
        push_conflict(sink, m.label, a.said(), b.said());
    }
}

/// What a statement said, for a finding: the sentence, its field's pointer, the number.
struct Said<'a> {
    sentence: &'a str,
    pointer: &'a str,
    quantity: &'a Quantity,
}

impl Claim {
    fn said(&self) -> Said<'_> {
        Said {
            sentence: &self.sentence,
            pointer: &self.pointer,
            quantity: &self.quantity,
        }
    }
}

/// `prose.conflict`: what two statements say of one measure cannot both hold.
fn push_conflict(sink: &mut Sink, label: &str, a: Said<'_>, b: Said<'_>) {
    sink.push(
        Draft::new(
            "prose.conflict",
            b.pointer.to_owned(),
            format!(
                "{label}两次说法不一：“{}”（{}）为 {}，“{}”（{}）为 {}。",
                a.sentence,
                a.pointer,
                shown(a.quantity),
                b.sentence,
                b.pointer,
                shown(b.quantity)
            ),
            format!(
                "{label} is stated twice with values that cannot both hold: {} in “{}” ({}), {} in “{}” ({}).",
                shown(a.quantity),
                a.sentence,
                a.pointer,
                shown(b.quantity),
                b.sentence,
                b.pointer
            ),
        )
        .cells(vec![a.pointer.to_owned()])
        .values(
            Observed::Integer(i128::from(a.quantity.value)),
            Observed::Integer(i128::from(b.quantity.value)),
        ),
    );
}

/// A number the prose states for what a named channel published (`通过审计信息专栏公开政府信息16条`):
/// a measure no cell of the form holds, compared only with other statements of it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ChannelClaim {
    /// The channel's kind, name and what it published, as compared (`栏目|审计信息|信息`).
    key: String,
    /// The same for the finding (`审计信息栏目公开信息`).
    label: String,
    quantity: Quantity,
    pointer: &'static str,
    sentence: String,
}

impl ChannelClaim {
    fn said(&self) -> Said<'_> {
        Said {
            sentence: &self.sentence,
            pointer: self.pointer,
            quantity: &self.quantity,
        }
    }
}

/// The last channel word in `before`: where it starts and ends, and its kind.
fn last_channel(before: &[char]) -> Option<(usize, usize, &'static ChannelKind)> {
    // Most clauses name no channel: every channel word ends in one of these.
    if !before.iter().any(|c| {
        matches!(
            c,
            '栏' | '目' | '题' | '站' | '网' | '号' | '信' | '博' | '端' | 'P' | 'p'
        )
    }) {
        return None;
    }
    let mut best: Option<(usize, usize, &'static ChannelKind)> = None;
    for kind in CHANNELS {
        for w in kind.words {
            if let Some(at) = find_last(before, w) {
                let end = at + w.chars().count();
                if best.is_none_or(|(_, e, _)| end > e) {
                    best = Some((at, end, kind));
                }
            }
        }
    }
    best
}

/// Whether a sentence speaks of a year other than the report's, or of a running total (累计,
/// 截至, 同比): its numbers are not the year's.
fn other_period(sentence: &[char], year: Option<u16>) -> bool {
    if ["累计", "截至", "截止", "同比", "较上年", "比上年"]
        .iter()
        .any(|w| contains(sentence, w))
    {
        return true;
    }
    other_year(sentence, year)
}

/// Whether a text writes a four-digit year (`2021年`) other than the report's.
fn other_year(sentence: &[char], year: Option<u16>) -> bool {
    let Some(year) = year else { return false };
    sentence.windows(5).any(|w| {
        w[4] == '年'
            && w[..4].iter().all(char::is_ascii_digit)
            // Four digits that do not write the report's year (which, to be written with four
            // digits, is 1000–9999).
            && (!(1000..=9999).contains(&year)
                || w[..4]
                    .iter()
                    .fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0))
                    != u32::from(year))
    })
}

/// Every statement of the report's prose about what a named channel published.
fn channel_claims(r: &Report, fields: &[Field<'_>]) -> Vec<ChannelClaim> {
    let mut out = Vec::new();
    for f in fields {
        for found in &f.found {
            if let Some(c) = channel_claim(&f.chars, found, r, f.pointer) {
                out.push(c);
            }
        }
    }
    out
}

fn channel_claim(
    chars: &[char],
    found: &crate::read::NormFound,
    r: &Report,
    pointer: &'static str,
) -> Option<ChannelClaim> {
    if !ITEMS.contains(&found.quantity.unit.as_str()) {
        return None;
    }
    let ends_sentence = |c: &char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
    let ends_clause = |c: &char| ends_sentence(c) || matches!(c, '，' | ',' | '：' | ':' | '、');
    let clause_start = chars[..found.start]
        .iter()
        .rposition(ends_clause)
        .map_or(0, |i| i + 1);
    let before = &chars[clause_start..found.start];
    let (at, end, kind) = last_channel(before)?;
    // The verb after the channel, and what it published.
    let after: &[char] = &before[end..];
    let (verb_at, verb) = CHANNEL_VERBS
        .iter()
        .filter_map(|v| Some((find_last(after, v)?, *v)))
        .min_by_key(|(i, _)| *i)?;
    let object = string_of(&after[verb_at + verb.chars().count()..]);
    let mut object = object.trim().to_owned();
    for f in CHANNEL_FILLERS {
        object = object.replace(f, "");
    }
    // The channel's name: after the channel (a container) or the lead word before it.
    let name_from = last_channel(&before[..at]).map_or(0, |(_, e, _)| e);
    let mut name = string_of(&before[name_from..at]);
    if let Some((i, lead)) = CHANNEL_LEADS
        .iter()
        .filter_map(|l| Some((name.rfind(l)?, *l)))
        .max_by_key(|(i, _)| *i)
    {
        name = name[i + lead.len()..].to_owned();
    }
    let name = name.trim().to_owned();
    let start = chars[..found.start]
        .iter()
        .rposition(ends_sentence)
        .map_or(0, |i| i + 1);
    let stop = chars[found.end..]
        .iter()
        .position(ends_sentence)
        .map_or(chars.len(), |i| found.end + i + 1);
    let sentence = &chars[start..stop];
    if !own_scope(sentence, r) || other_period(sentence, r.year) {
        return None;
    }
    Some(ChannelClaim {
        key: format!("{}|{name}|{object}", kind.label),
        label: format!("{name}{}{verb}{object}", kind.label),
        quantity: found.quantity.clone(),
        pointer,
        sentence: string_of(sentence),
    })
}

/// `prose.conflict` for channels: two statements of what one channel published that cannot
/// both hold (036: the same 审计信息专栏 with 20条 and 16条).
fn channel_conflicts(r: &Report, fields: &[Field<'_>], sink: &mut Sink) {
    let claims = channel_claims(r, fields);
    let mut done: Vec<&str> = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        if done.contains(&a.key.as_str()) {
            continue;
        }
        let (alo, ahi) = interval(&a.quantity);
        let Some(b) = claims[i + 1..].iter().find(|b| {
            let (blo, bhi) = interval(&b.quantity);
            b.key == a.key && (bhi < alo || ahi < blo)
        }) else {
            continue;
        };
        done.push(&a.key);
        push_conflict(sink, &a.label, a.said(), b.said());
    }
}

/// A categorical statement: its words, the cells that must all be 0 for it to hold, and what it
/// says in English.
struct Categorical {
    /// One of these is in every word of `words` and every denial: a quick test before the
    /// words are searched.
    keys: &'static [&'static str],
    /// Phrases that make the statement as they stand (全部办结).
    words: &'static [&'static str],
    /// Or a denial, worded any way: `denial.leads` then `denial.then` in one clause.
    denial: Option<Denial>,
    /// Words that, anywhere in the sentence, make it speak of some cases only (`上年结转的申请已
    /// 全部办结`, `其余申请均已办结`): it states nothing then.
    some_only: &'static [&'static str],
    /// The statement's cells, all of them or, by the words of its sentence, some
    /// ([`ByName`]).
    cells: &'static [CellId],
    by_name: Option<ByName>,
    en: &'static str,
}

/// A statement about two kinds of cases whose sentence may name one only (`行政复议均获维持`):
/// the statement's cells before `split` are `first`'s, the others `second`'s; a sentence that
/// names one and not the other speaks of its cells, any other of all.
struct ByName {
    first: &'static str,
    second: &'static str,
    split: usize,
}

impl ByName {
    /// The cells of `cells` a sentence speaks of.
    fn cells<'c>(&self, cells: &'c [CellId], sentence: &[char]) -> &'c [CellId] {
        let (a, b) = cells.split_at(self.split.min(cells.len()));
        match (
            contains(sentence, self.first),
            contains(sentence, self.second),
        ) {
            (true, false) => a,
            (false, true) => b,
            _ => cells,
        }
    }
}

/// A statement that something did not happen, as reports word it in many ways
/// (`未发生因政府信息公开被申请行政复议、提起行政诉讼的情况`): in one clause (text between `，`, `：`
/// and the sentence's ends) with no count in it (a number not part of a date makes it a count,
/// which the claims check), a lead word, then each word of `then` in order after it, and none of
/// `unless` anywhere in the clause.
struct Denial {
    leads: &'static [&'static str],
    then: &'static [&'static str],
    /// Lists of words, none of which may be in the clause.
    unless: &'static [&'static [&'static str]],
}

/// The words that deny a case happened.
const DENY_CASES: &[&str] = &[
    "未发生",
    "没有发生",
    "未出现",
    "没有出现",
    "未有",
    "未收到",
    "没有收到",
    "未被",
    "无",
];

/// What makes a clause about 复议 or 诉讼 speak of something other than whether there were cases.
const NOT_ABOUT_CASES: &[&str] = &[
    "纠错",
    "纠正",
    "败诉",
    "撤销",
    "确认违法",
    "维持",
    "无法",
    "风险",
];

const REVIEW_TOTALS: &[CellId] = &[
    CellId::Review(VR::Reconsideration, VC::Total),
    CellId::Review(VR::LitigationDirect, VC::Total),
    CellId::Review(VR::LitigationAfterReconsideration, VC::Total),
];

/// The words of a statement that every case was upheld.
const UPHELD: &[&str] = &[
    "均获维持",
    "全部维持",
    "均被维持",
    "均予以维持",
    "均维持原",
    "均为维持",
];

/// The cells of section 四 a statement that every case was upheld denies: reconsideration's
/// 纠正, 其他结果 and 尚未审结 first, then litigation's.
const UPHELD_CELLS: &[CellId] = &[
    CellId::Review(VR::Reconsideration, VC::Corrected),
    CellId::Review(VR::Reconsideration, VC::Other),
    CellId::Review(VR::Reconsideration, VC::Pending),
    CellId::Review(VR::LitigationDirect, VC::Corrected),
    CellId::Review(VR::LitigationDirect, VC::Other),
    CellId::Review(VR::LitigationDirect, VC::Pending),
    CellId::Review(VR::LitigationAfterReconsideration, VC::Corrected),
    CellId::Review(VR::LitigationAfterReconsideration, VC::Other),
    CellId::Review(VR::LitigationAfterReconsideration, VC::Pending),
];

const CATEGORICAL: &[Categorical] = &[
    Categorical {
        keys: &["申请"],
        words: &[
            "未收到政府信息公开申请",
            "未收到依申请公开",
            "未收到申请",
            "没有收到政府信息公开申请",
            "无政府信息公开申请",
            "未收到公民、法人和其他组织",
        ],
        denial: Some(Denial {
            leads: &["未收到", "没有收到", "未接到", "没有接到", "未接收到"],
            then: &["申请"],
            // A denial of some requests only (`未收到通过信函方式提交的申请`,
            // `未收到涉及国家秘密的申请`) denies none of the others.
            unless: &[
                &["复议", "诉讼", "申请人", "投诉", "举报", "许可"],
                NARROWING,
                CHANNELS_AND_APPLICANTS,
                &["方面", "类申请"],
            ],
        }),
        some_only: &[],
        cells: &[CellId::Requests(RR::NewReceived, AC::Total)],
        by_name: None,
        en: "no requests were received",
    },
    Categorical {
        keys: &["办结"],
        words: &[
            "全部办结",
            "均已办结",
            "均按时办结",
            "均已按时办结",
            "全部按时办结",
            "均已按期办结",
            "全部已办结",
        ],
        denial: None,
        some_only: &[
            "上年结转",
            "上年度结转",
            "上一年度结转",
            "其余",
            "剩余",
            "除",
        ],
        cells: &[CellId::Requests(RR::CarriedForward, AC::Total)],
        by_name: None,
        en: "every request was dealt with",
    },
    Categorical {
        keys: &["诉讼"],
        words: &[
            "未发生行政复议、行政诉讼",
            "未发生行政复议和行政诉讼",
            "未发生政府信息公开行政复议、行政诉讼",
            "未发生因政府信息公开引起的行政复议、行政诉讼",
            "无行政复议、行政诉讼",
            "未发生行政复议及行政诉讼",
        ],
        denial: Some(Denial {
            leads: DENY_CASES,
            then: &["复议", "诉讼"],
            unless: &[NOT_ABOUT_CASES],
        }),
        some_only: &[],
        cells: REVIEW_TOTALS,
        by_name: None,
        en: "there was no reconsideration or litigation",
    },
    // 复议 or 诉讼 denied alone (`未发生行政复议，行政诉讼1件`): the clause names one of them only.
    Categorical {
        keys: &["复议"],
        words: &[],
        denial: Some(Denial {
            leads: DENY_CASES,
            then: &["复议"],
            unless: &[NOT_ABOUT_CASES, &["诉讼"]],
        }),
        some_only: &[],
        cells: &[CellId::Review(VR::Reconsideration, VC::Total)],
        by_name: None,
        en: "there was no reconsideration",
    },
    Categorical {
        keys: &["诉讼"],
        words: &[],
        denial: Some(Denial {
            leads: DENY_CASES,
            then: &["诉讼"],
            unless: &[NOT_ABOUT_CASES, &["复议"]],
        }),
        some_only: &[],
        cells: &[
            CellId::Review(VR::LitigationDirect, VC::Total),
            CellId::Review(VR::LitigationAfterReconsideration, VC::Total),
        ],
        by_name: None,
        en: "there was no litigation",
    },
    // Every case upheld (均获维持): of reconsideration when the sentence names 复议 only, of
    // litigation when it names 诉讼 only, of both when it names both or neither.
    Categorical {
        keys: &["维持"],
        words: UPHELD,
        denial: None,
        some_only: &[],
        cells: UPHELD_CELLS,
        by_name: Some(ByName {
            first: "复议",
            second: "诉讼",
            split: 3,
        }),
        en: "every case was upheld",
    },
];

/// The searchers of a categorical statement, built once: every field of every report is
/// searched for them.
struct CategoricalFinders {
    /// Its keys, as bits of [`CategoricalKeys::present`].
    keys: u32,
    words: Vec<Finder>,
    leads: Vec<Finder>,
    then: Vec<Finder>,
}

impl CategoricalFinders {
    /// Whether the statement may be in `text`, whose keys are `keys`: a key, and a word or a
    /// denial's words (the rarer words first, the leads last).
    fn may_be_in(&self, text: &[u8], keys: u32) -> bool {
        let found = |f: &Finder| f.find(text).is_some();
        keys & self.keys != 0
            && (self.words.iter().any(found)
                || (!self.leads.is_empty()
                    && self.then.iter().all(found)
                    && self.leads.iter().any(found)))
    }
}

/// The keys of every categorical statement, each searched for once in a field whichever
/// statements share it.
struct CategoricalKeys {
    keys: Vec<&'static str>,
    finders: Vec<Finder>,
}

impl CategoricalKeys {
    /// The bits of the keys in `wanted` that `text` holds.
    fn present(&self, text: &[u8], wanted: u32) -> u32 {
        self.finders
            .iter()
            .enumerate()
            .filter(|(i, f)| wanted & 1 << i != 0 && f.find(text).is_some())
            .fold(0, |bits, (i, _)| bits | 1 << i)
    }

    /// The bits of `words` (each one of the keys).
    fn bits(&self, words: &[&str]) -> u32 {
        words
            .iter()
            .filter_map(|w| self.keys.iter().position(|k| k == w))
            .fold(0, |bits, i| bits | 1 << i)
    }
}

static CATEGORICAL_KEYS: std::sync::LazyLock<CategoricalKeys> = std::sync::LazyLock::new(|| {
    let mut keys: Vec<&'static str> = Vec::new();
    for k in CATEGORICAL.iter().flat_map(|c| c.keys) {
        if !keys.contains(k) {
            keys.push(k);
        }
    }
    assert!(keys.len() <= 32, "more categorical keys than bits");
    let finders = keys.iter().map(|k| Finder::new(k.as_bytes())).collect();
    CategoricalKeys { keys, finders }
});

static CATEGORICAL_FINDERS: std::sync::LazyLock<Vec<CategoricalFinders>> =
    std::sync::LazyLock::new(|| {
        let finders = |words: &[&'static str]| -> Vec<Finder> {
            words.iter().map(|w| Finder::new(w.as_bytes())).collect()
        };
        CATEGORICAL
            .iter()
            .map(|cat| CategoricalFinders {
                keys: CATEGORICAL_KEYS.bits(cat.keys),
                words: finders(cat.words),
                leads: finders(cat.denial.as_ref().map_or(&[], |d| d.leads)),
                then: finders(cat.denial.as_ref().map_or(&[], |d| d.then)),
            })
            .collect()
    });

type Finder = memchr::memmem::Finder<'static>;

/// The char index of the first occurrence of `word` in `hay` ([`find_last`]'s twin).
fn find_first(hay: &[char], word: &str) -> Option<usize> {
    places(hay, word).next()
}

/// What a sentence says that makes the statement, clause by clause: one of its words, or the
/// words of a denial (from the lead to the last word). A clause with a word of `unless` makes
/// neither (`未收到申请人的投诉` is not `未收到申请`).
fn statement_in(sentence: &[char], cat: &Categorical) -> Option<String> {
    if cat.some_only.iter().any(|w| contains(sentence, w)) {
        return None;
    }
    let unless = cat.denial.as_ref().map_or(&[][..], |d| d.unless);
    let unless = || unless.iter().flat_map(|words| words.iter());
    let is_clause_end = |c: &char| matches!(c, '，' | ',' | '：' | ':');
    sentence.split(is_clause_end).find_map(|clause| {
        if unless().any(|w| contains(clause, w)) {
            return None;
        }
        // A clause with a number is a count, which the claims check, not a categorical
        // statement (`已全部办结90件，结转下年度6件`); a year or a date is no count
        // (`2022年未收到政府信息公开申请`). Looked at only in a clause that makes one.
        if let Some(word) = cat.words.iter().find(|w| contains(clause, w)) {
            return (!has_count(clause)).then(|| (*word).to_owned());
        }
        let d = cat.denial.as_ref()?;
        let (at, lead) = d
            .leads
            .iter()
            .filter_map(|l| Some((find_first(clause, l)?, l.chars().count())))
            .min()?;
        let mut k = at + lead;
        for w in d.then {
            k += find_first(&clause[k..], w)? + w.chars().count();
        }
        (!has_count(clause)).then(|| string_of(&clause[at..k]))
    })
}

/// Whether a clause holds a number that is not part of a date: a run of digits not followed by
/// 年, 月, 日 or 号.
fn has_count(clause: &[char]) -> bool {
    let mut k = 0;
    while k < clause.len() {
        if !is_digit(clause[k]) {
            k += 1;
            continue;
        }
        while k < clause.len() && is_digit(clause[k]) {
            k += 1;
        }
        if !clause
            .get(k)
            .is_some_and(|c| matches!(c, '年' | '月' | '日' | '号'))
        {
            return true;
        }
    }
    false
}

/// The categorical statements whose cells a form has, as bits (worked out once per edition).
fn categorical_in(form: &crate::form::Form) -> u32 {
    let of = |form: &crate::form::Form| {
        CATEGORICAL
            .iter()
            .enumerate()
            .filter(|(_, c)| c.cells.iter().all(|id| form.has(*id)))
            .fold(0, |bits, (i, _)| bits | 1 << i)
    };
    static IN_FORM: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let sets = IN_FORM.get_or_init(|| crate::Edition::ALL.iter().map(|e| of(e.form())).collect());
    match sets.get(form.edition.index()) {
        Some(bits) if std::ptr::eq(crate::Edition::ALL[form.edition.index()].form(), form) => *bits,
        _ => of(form),
    }
}

/// `prose.categorical`: a statement such as 全部办结 or 未收到申请 that the tables contradict.
fn categorical(r: &Report, fields: &[Field<'_>], sink: &mut Sink) {
    let form = r.form();
    // A statement can be contradicted only where the form has its cells and one of them is not
    // 0: the text is searched for those statements only.
    let in_form = categorical_in(form);
    let live: Vec<_> = CATEGORICAL
        .iter()
        .zip(CATEGORICAL_FINDERS.iter())
        .enumerate()
        .filter(|(i, (cat, _))| {
            in_form & 1 << i != 0
                && cat
                    .cells
                    .iter()
                    .any(|id| count(r, *id).is_some_and(|v| v > 0))
        })
        .map(|(_, live)| live)
        .collect();
    if live.is_empty() {
        return;
    }
    let wanted = live.iter().fold(0, |bits, (_, f)| bits | f.keys);
    for Field { pointer, text, .. } in fields {
        let (pointer, text) = (*pointer, *text);
        let keys = CATEGORICAL_KEYS.present(text.as_bytes(), wanted);
        // Most fields hold no categorical statement: look at their sentences only when one does.
        let present: Vec<&Categorical> = live
            .iter()
            .copied()
            .filter(|(_, finders)| finders.may_be_in(text.as_bytes(), keys))
            .map(|(cat, _)| cat)
            .collect();
        if present.is_empty() {
            continue;
        }
        let chars = chars_of(text);
        for range in sentences(&chars) {
            let sentence = &chars[range.clone()];
            if !own_scope(sentence, r) {
                continue;
            }
            for cat in &present {
                let Some(word) = statement_in(sentence, cat) else {
                    continue;
                };
                let cells = cat
                    .by_name
                    .as_ref()
                    .map_or(cat.cells, |b| b.cells(cat.cells, sentence));
                let nonzero: Vec<(String, u64)> = cells
                    .iter()
                    .filter_map(|id| {
                        let v = count(r, *id)?;
                        (v > 0)
                            .then(|| (form.cell(*id).map(|d| d.pointer()).unwrap_or_default(), v))
                    })
                    .collect();
                if nonzero.is_empty() {
                    continue;
                }
                let s: String = sentence.iter().collect();
                let listed: Vec<String> =
                    nonzero.iter().map(|(p, v)| format!("{p} = {v}")).collect();
                sink.push(
                    Draft::new(
                        "prose.categorical",
                        pointer,
                        format!(
                            "{pointer} 第 {}–{} 字“{s}”说“{word}”，而表格中 {}。",
                            range.start,
                            range.end,
                            listed.join("，")
                        ),
                        format!(
                            "{pointer} chars {}–{}, “{s}”, says {} (“{word}”), but the table has {}.",
                            range.start,
                            range.end,
                            cat.en,
                            listed.join(", ")
                        ),
                    )
                    .cells(nonzero.into_iter().map(|(p, _)| p).collect()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word of `some_requests`, in a clause, makes it count some requests; 法人 and 其他组织
    /// beside 公民 do not.
    #[test]
    fn every_word_of_some_requests_is_found() {
        for w in SOME_REQUESTS.iter().chain(&["法人", "其他组织"]) {
            let clause: Vec<char> = format!("收到{w}申请").chars().collect();
            assert!(some_requests(&clause), "{w}");
        }
        let clause: Vec<char> = "全年共收到公民、法人和其他组织提出的申请".chars().collect();
        assert!(!some_requests(&clause));
    }

    #[test]
    fn digits_ascii_and_full_width_only() {
        for t in ["收到3件", "收到３件", "０", "９", "x9"] {
            assert!(has_digit(t), "{t}");
        }
        // U+FF0F (／, EF BC 8F) and U+FF1A (：, EF BC 9A) sit either side of the digits; 三 and
        // ① are no digits of this kind.
        for t in ["", "收到三件", "／：", "①", "\u{FF0F}\u{FF1A}"] {
            assert!(!has_digit(t), "{t}");
        }
        // Past the first blocks, and split across two blocks.
        for at in 0..70 {
            let mut t = "x".repeat(at);
            assert!(!has_digit(&(t.clone() + "／")), "{at}");
            t.push('８');
            assert!(has_digit(&t), "{at}");
        }
    }

    #[test]
    fn the_first_and_the_last_place_a_word_starts() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(find_first(&chars("未发生未发生"), "未发生"), Some(0));
        assert_eq!(find_first(&chars("全年未发生复议"), "复议"), Some(5));
        assert_eq!(find_first(&chars("全年未发"), "未发生"), None);
        assert_eq!(find_first(&chars(""), "复议"), None);
        assert_eq!(find_first(&chars("复议"), ""), None);
        assert_eq!(find_last(&chars("甲乙丙甲乙"), "甲乙"), Some(3));
        assert_eq!(find_last(&chars("甲乙丙甲"), "甲乙"), Some(0));
        assert_eq!(find_last(&chars("甲"), "甲乙"), None);
        assert_eq!(find_last(&chars(""), "甲"), None);
        assert_eq!(find_last(&chars("甲"), ""), None);
        assert_eq!(find_last(&chars("a甲a"), "a"), Some(2));
    }

    #[test]
    fn chars_of_is_the_text_decoded() {
        let t = "主动公开1846条，其中𠀀工作动态";
        assert_eq!(chars_of(t), t.chars().collect::<Vec<_>>());
        assert_eq!(chars_of(t).capacity(), t.chars().count());
    }
}
