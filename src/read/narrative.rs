//! The prose sections: the metadata in the front matter, the parts of 一 and 五, and the
//! figures (totals and breakdowns) stated in 一.

use chrono::NaiveDate;

use super::doc::Line;
use super::norm::{Found, key, quantities};
use super::{Location, Log};
use crate::cell::Figure;
use crate::form::PartDecl;
use crate::report::Issuer;

/// The metadata found in the text before section 一.
#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub agency: String,
    pub year: Option<u16>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub published: Option<NaiveDate>,
    pub issuer: Option<Issuer>,
    pub preamble: Option<String>,
}

/// Dates in a text, in order: `2020年1月1日`, `2020-01-19`, and the forms real pages mangle:
/// `20201月1日` (年 lost), `至12月31日` (the year of the date before it).
pub fn dates(text: &str) -> Vec<NaiveDate> {
    // Spaces around the parts of a date are dropped (`2023 年 1 月 1 日`, as a PDF's text has
    // it); spaces elsewhere stay.
    let raw: Vec<char> = text.chars().collect();
    let part =
        |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日'));
    let chars: Vec<char> = raw
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !(matches!(c, ' ' | '\u{3000}')
                && part(
                    raw[..*i]
                        .iter()
                        .rev()
                        .find(|c| !matches!(c, ' ' | '\u{3000}')),
                )
                && part(raw[i + 1..].iter().find(|c| !matches!(c, ' ' | '\u{3000}'))))
        })
        .map(|(_, c)| *c)
        .collect();
    let digit = |i: usize| chars.get(i).and_then(|c| c.to_digit(10));
    // The run of digits ending just before `end`: (start, value digits).
    let run_before = |end: usize| -> (usize, Vec<u32>) {
        let mut start = end;
        while start > 0 && digit(start - 1).is_some() {
            start -= 1;
        }
        (start, (start..end).filter_map(digit).collect())
    };
    let num = |ds: &[u32]| {
        ds.iter()
            .fold(0u32, |v, d| v.saturating_mul(10).saturating_add(*d))
    };
    let mut out: Vec<(usize, NaiveDate)> = Vec::new();
    let mut last_year: Option<i32> = None;
    for (m_at, c) in chars.iter().enumerate() {
        if *c != '月' {
            continue;
        }
        let (m_start, m_digits) = run_before(m_at);
        // The day: digits after 月, then 日.
        let mut d_end = m_at + 1;
        while digit(d_end).is_some() && d_end - m_at <= 2 {
            d_end += 1;
        }
        if d_end == m_at + 1 || chars.get(d_end) != Some(&'日') {
            continue;
        }
        let day = num(&(m_at + 1..d_end).filter_map(digit).collect::<Vec<_>>());
        let (year, month) = match m_digits.len() {
            1 | 2 if m_start > 0 && chars[m_start - 1] == '年' => {
                let (_, y) = run_before(m_start - 1);
                if y.len() != 4 {
                    continue;
                }
                (num(&y) as i32, num(&m_digits))
            }
            1 | 2 => match last_year {
                Some(y) => (y, num(&m_digits)),
                None => continue,
            },
            5 | 6 => (num(&m_digits[..4]) as i32, num(&m_digits[4..])),
            _ => continue,
        };
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            last_year = Some(year);
            out.push((m_start, date));
        }
    }
    // ISO dates (`2021-01-19`).
    for i in 0..chars.len() {
        if (i > 0 && digit(i - 1).is_some()) || i + 10 > chars.len() {
            continue;
        }
        let s: String = chars[i..i + 10].iter().collect();
        if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            out.push((i, d));
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, d)| d).collect()
}

/// The first plausible report year (`2020年`, `2023 年` as a PDF's text spaces it) in a text.
pub(crate) fn year_in(text: &str) -> Option<u16> {
    // Byte by byte: a run of exactly four ASCII digits, then 年 after any spaces.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4
            && text[i..]
                .trim_start_matches([' ', '\u{3000}'])
                .starts_with('年')
            && let Ok(y) = text[start..i].parse::<u16>()
            && (2007..=2100).contains(&y)
        {
            return Some(y);
        }
    }
    None
}

/// The agency a title names: the words before its year (`洪泽区人民政府2023年…`), or, when the
/// year comes first (`2022年某某局政府信息公开工作年度报告`), the words between the year and
/// 政府信息公开. `关于…` titles name none.
fn agency_in_title(title: &str) -> Option<String> {
    let t = title.trim().trim_start_matches([':', '：']);
    let first_digit = t
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i);
    let before = &t[..first_digit.unwrap_or(0)];
    let before = before.rsplit([':', '：']).next().unwrap_or(before).trim();
    if before.chars().count() >= 2 && !before.starts_with("关于") {
        return Some(before.to_owned());
    }
    // The year first: what follows it up to 政府信息公开 (or 信息公开).
    let start = first_digit?;
    let rest = t[start..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let rest = rest
        .strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))?
        .trim();
    let end = rest
        .find("政府信息公开")
        .or_else(|| rest.find("信息公开"))?;
    let name = rest[..end].trim();
    (name.chars().count() >= 2).then(|| name.to_owned())
}

/// Whether a line can be an agency's name on its own (a title's first line, a signature): short,
/// no sentence punctuation, and the ending of a government body's name.
fn is_agency_line(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (2..=30).contains(&n)
        && !t.contains(['，', ',', '。', '：', ':', '、', '（', '(', '《', '|'])
        && !t.chars().any(|c| c.is_ascii_digit())
        && issuer_of(t).is_some()
}

/// Fill a report's agency from its signature when the front matter does not name it.
pub fn agency_from_signature(m: &mut Meta, lines: &[Line], log: &mut Log) {
    if !m.agency.is_empty() {
        return;
    }
    if let Some(name) = signature(lines) {
        if let Some(l) = lines.iter().rev().find(|l| l.text.trim() == name) {
            log.read(l.loc, "/agency", &name);
        }
        m.issuer = issuer_of(&name);
        m.agency = name;
    }
}

/// The agency a report's signature names: the last lines of its text, a name on a line of its
/// own just before the date or at the very end (`淮安市洪泽区人民政府办公室` / `2024年1月20日`).
pub fn signature(lines: &[Line]) -> Option<String> {
    let tail: Vec<&str> = lines
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .rev()
        .take(3)
        .collect();
    tail.iter()
        .enumerate()
        .find(|(k, t)| {
            is_agency_line(t) && (*k == 0 || tail[..*k].iter().all(|d| !dates(d).is_empty()))
        })
        .map(|(_, t)| (*t).to_owned())
}

fn issuer_of(agency: &str) -> Option<Issuer> {
    if ["人民政府", "街道办事处", "镇", "乡", "街道"]
        .iter()
        .any(|s| agency.ends_with(s))
    {
        Some(Issuer::PeoplesGovernment)
    } else if [
        "局",
        "委",
        "委员会",
        "厅",
        "办",
        "办公室",
        "办公厅",
        "中心",
        "署",
        "院",
        "部",
        "会",
    ]
    .iter()
    .any(|s| agency.ends_with(s))
    {
        Some(Issuer::Department)
    } else {
        None
    }
}

/// Agency names stated in a text: before a report year in the title, or after 公布/现将 in the
/// preamble (`现特向社会公布秀洲区教育体育局二〇二0年…`).
fn agency_candidates(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for marker in ["公布", "现将"] {
        for (pos, _) in text.match_indices(marker) {
            let rest = &text[pos + marker.len()..];
            let end = rest
                .char_indices()
                .find(|(_, c)| {
                    c.is_ascii_digit()
                        || matches!(c, '二' | '〇' | '(' | '（' | '《' | '，' | ',' | '。')
                })
                .map_or(0, |(i, _)| i);
            let name = rest[..end].trim();
            let n = name.chars().count();
            if (3..=40).contains(&n)
                && !name.starts_with(['我', '本'])
                && !name.contains(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '：' | '《' | '》' | '|')
                })
            {
                out.push(name.to_owned());
            }
        }
    }
    out
}

/// Page chrome around a report: publication data, breadcrumbs, view counters, comment lines.
fn is_chrome(line: &str) -> bool {
    let t = line.trim();
    const PREFIXES: &[&str] = &[
        "#",
        "发布日期",
        "发布时间",
        "发布者",
        "发布机构",
        "日期",
        "来源",
        "作者",
        "浏览",
        "阅读",
        "字体",
        "字号",
        "当前位置",
        "您的位置",
        "首页",
        "索引号",
        "信息来源",
        "点击",
        "打印",
    ];
    PREFIXES.iter().any(|p| t.starts_with(p)) || t.contains(" > ") || t.contains('»')
}

/// The statistics period: the first two dates in the sentence that names it (统计期限, 统计时限,
/// 统计时间, 统计区间, 统计周期, `数据统计自…`), to the sentence's end over hard line wraps
/// (`…至2024年12月` / `31日止`). Other words with 统计 (`区统计局`, `统计数据`) name no period, and
/// nothing is guessed from other dates: a period sentence that does not give two dates is logged
/// as a warning. `Err(())` when the lines have no period sentence at all.
fn period(lines: &[&Line], log: &mut Log) -> Result<Option<(NaiveDate, NaiveDate)>, ()> {
    let all = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let sentence_at = |p: usize| -> String {
        all[p..]
            .chars()
            .take_while(|c| *c != '。')
            .filter(|c| *c != '\n')
            .take(160)
            .collect()
    };
    let mut first: Option<(usize, String)> = None;
    for p in period_markers(&all) {
        let sentence = sentence_at(p);
        let ds = dates(&sentence);
        if ds.len() >= 2 && ds[0] <= ds[1] {
            return Ok(Some((ds[0], ds[1])));
        }
        first.get_or_insert((p, sentence));
    }
    let (p, sentence) = first.ok_or(())?;
    // `all` is the lines joined by line breaks: the sentence starts on the line after as many
    // breaks as come before it.
    if let Some(l) = lines.get(all[..p].matches('\n').count()) {
        log.warn(
            l.loc,
            super::msg(
                format!("统计期限未能读成起止两个日期：“{sentence}”"),
                format!("the statistics period could not be read as two dates: “{sentence}”"),
            ),
        );
    }
    Ok(None)
}

/// Where the words that name a statistics period start: 统计 (or 统计数据) followed by 期 (期限,
/// 期间), 时 (时限, 时间, 时段), 区间, 周期, 自/从 (`数据统计自2023年1月1日起`) or 截 (`统计截至…`,
/// which gives one date: a warning).
fn period_markers(all: &str) -> impl Iterator<Item = usize> + '_ {
    all.match_indices("统计").filter_map(|(p, w)| {
        let rest = &all[p + w.len()..];
        // `统计数据从…至…` names the period too; `统计数据` alone does not.
        let rest = rest.strip_prefix("数据").unwrap_or(rest);
        let names_period = rest.starts_with(['期', '时', '自', '从', '截'])
            || rest.starts_with("区间")
            || rest.starts_with("周期");
        names_period.then_some(p)
    })
}

/// Read the front matter: title, agency, year, period, publication date, issuer, preamble.
///
/// The statistics period is looked for in the front matter, then, when no sentence there names
/// it, in `overview` (section 一's lines: many reports state it in 总体情况's first paragraph).
pub fn meta(front: &[Line], overview: &[Line], log: &mut Log) -> Meta {
    let mut m = Meta::default();
    let lines: Vec<&Line> = front.iter().filter(|l| !l.text.trim().is_empty()).collect();
    // The title: a line (or a `|` cell of one) that ends with 报告 and is not a sentence.
    let mut title_at = None;
    for (i, l) in lines.iter().enumerate() {
        if l.text.trim_start().starts_with('#') {
            continue;
        }
        let found = l.text.split('|').map(str::trim).find(|seg| {
            let seg = seg.trim_end_matches(['。', ':', '：']);
            seg.ends_with("报告")
                && seg.contains("信息公开")
                && !seg.contains(['，', ',', '。', '《'])
                && seg.chars().count() <= 60
        });
        if let Some(t) = found {
            title_at = Some(i);
            log.read(l.loc, "/title", t);
            m.title = Some(t.to_owned());
            break;
        }
    }
    // The preamble: what follows the title (what comes before it is page chrome), less the
    // lines of page chrome (dates, sources, breadcrumbs).
    let preamble: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| title_at.is_none_or(|t| *i > t) && !is_chrome(&l.text))
        .map(|(_, l)| l.text.trim())
        .collect();
    if !preamble.is_empty() {
        m.preamble = Some(preamble.join("\n"));
    }
    let all: String = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    // Agency: the longest name stated (the full name beats an abbreviation). A title that
    // does not name it may have the name on the line before it (`洪泽区人民政府` /
    // `2023 年政府信息公开工作年度报告`, a title set over two lines).
    let mut candidates = Vec::new();
    if let (Some(t), Some(at)) = (&m.title, title_at) {
        match agency_in_title(t) {
            Some(name) => candidates.push(name),
            None => {
                if let Some(prev) = at.checked_sub(1).map(|k| lines[k].text.trim())
                    && is_agency_line(prev)
                    && !is_chrome(prev)
                {
                    candidates.push(prev.to_owned());
                    m.title = Some(format!("{prev}{}", t.trim()));
                }
            }
        }
    }
    candidates.extend(agency_candidates(&preamble.join("\n")));
    let overview: Vec<&Line> = overview
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .collect();
    m.period = period(&lines, log)
        .or_else(|()| period(&overview, log))
        .unwrap_or_else(|()| {
            log.not_found(super::msg(
                "未找到统计期限",
                "the statistics period was not found",
            ));
            None
        });
    // Year: the title's, else the statistics period's, else the first one stated.
    m.year = m
        .title
        .as_deref()
        .and_then(year_in)
        .or_else(|| {
            m.period
                .and_then(|(start, _)| u16::try_from(chrono::Datelike::year(&start)).ok())
        })
        .or_else(|| year_in(&all));
    if let Some(best) = candidates.iter().max_by_key(|c| c.chars().count()) {
        m.agency = best.clone();
    }
    m.issuer = issuer_of(&m.agency);
    for marker in ["发布日期", "发布时间", "成文日期", "日期"] {
        if let Some(p) = all.find(marker)
            && let Some(d) = dates(&all[p..]).first()
        {
            m.published = Some(*d);
            break;
        }
    }
    m
}

/// Text split into the declared parts: `(summary, [part texts])`, by numbered part headings
/// (`（一）主动公开情况`, `(二)依申请公开情况:…`).
pub fn parts(lines: &[Line], decls: &[PartDecl]) -> (Option<String>, Vec<Option<String>>) {
    let mut summary: Vec<String> = Vec::new();
    let mut texts: Vec<Vec<String>> = vec![Vec::new(); decls.len()];
    let mut current: Option<usize> = None;
    let mut seen = vec![false; decls.len()];
    let decl_keys: Vec<Vec<String>> = decls
        .iter()
        .map(|d| {
            std::iter::once(d.label)
                .chain(d.aliases.iter().copied())
                .map(key)
                .collect()
        })
        .collect();
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        let k: String = key(&t.chars().take(6).collect::<String>());
        let numbered = k.starts_with('(')
            && k.chars().nth(2) == Some(')')
            && k.chars()
                .nth(1)
                .is_some_and(|c| "一二三四五六七八九十".contains(c));
        if numbered {
            // The heading runs to the first 。 or colon; the rest of the line is content.
            let cut = t
                .char_indices()
                .find(|(_, c)| matches!(c, '。' | ':' | '：'))
                .map(|(i, c)| (i, i + c.len_utf8()));
            let (head, rest) = match cut {
                Some((i, j)) => (&t[..i], t[j..].trim()),
                None => (t, ""),
            };
            let hk = key(head);
            let which = decl_keys
                .iter()
                .position(|ks| ks.iter().any(|k| hk.contains(k.as_str())));
            if let Some(w) = which.filter(|w| !seen[*w]) {
                seen[w] = true;
                current = Some(w);
                if !rest.is_empty() {
                    texts[w].push(rest.to_owned());
                }
                continue;
            }
            current = None;
        }
        match current {
            Some(w) => texts[w].push(t.to_owned()),
            None => summary.push(t.to_owned()),
        }
    }
    let join = |v: &Vec<String>| (!v.is_empty()).then(|| v.join("\n"));
    (join(&summary), texts.iter().map(join).collect())
}

/// Whether a character ends the words before a quantity (a label) or a piece of a breakdown.
#[inline]
fn is_delimiter(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '、' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '!' | '?' | '\n'
    )
}

/// The words before a quantity that say what it counts: from the last delimiter in
/// `from..to` (or `from`) to `to`, trimmed, with a leading 其中/包括/含 dropped. Returns where they
/// start, and where the label stands.
fn label_of(chars: &[char], from: usize, to: usize) -> (usize, std::ops::Range<usize>) {
    let from = from.min(to);
    /// [`OPENERS`] and `含`, decoded once, in that order.
    static LEADS: std::sync::LazyLock<Vec<Vec<char>>> = std::sync::LazyLock::new(|| {
        OPENERS
            .iter()
            .chain(&["含"])
            .map(|w| w.chars().collect())
            .collect()
    });
    let start = (from..to)
        .rev()
        .find(|i| is_delimiter(chars[*i]))
        .map_or(from, |i| i + 1);
    let (mut a, mut b) = (start, to);
    let trim = |a: &mut usize, b: &mut usize| {
        while *a < *b && chars[*a].is_whitespace() {
            *a += 1;
        }
        while *b > *a && chars[*b - 1].is_whitespace() {
            *b -= 1;
        }
    };
    trim(&mut a, &mut b);
    for lead in LEADS.iter() {
        if chars.get(a) == lead.first() && chars[a..b].starts_with(lead) {
            a += lead.len();
            while a < b && matches!(chars[a], ',' | '，' | ':' | '：') {
                a += 1;
            }
            trim(&mut a, &mut b);
        }
    }
    (start, a..b)
}

/// The words that open a breakdown after a total (`…583条，其中…`). `含` opens one only right
/// inside a bracket, and its parts are what the total includes, not all of it ([`opener`]).
const OPENERS: &[&str] = &[
    "其中",
    "包括",
    "主要包括",
    "主要有",
    "具体包括",
    "具体为",
    "分别为",
    "分别是",
    "涵盖",
    "涉及",
    "分为",
    "内容包括",
    "内容涵盖",
    "内容涉及",
];

/// Words that make a figure the total of the figures before it in its sentence
/// (`政策文件20条、通知公告80条，共计100条`).
const TOTALS: &[&str] = &["共计", "合计", "总计", "总共", "共"];

/// After a quantity: does an opener ([`OPENERS`]) begin a breakdown before the next quantity?
/// Returns where the breakdown's words begin, and whether its parts are only what the total
/// includes: `含` right inside a bracket after the total (`13件（含新制定5件，修改4件）`) opens
/// such a breakdown.
fn opener(chars: &[char], from: usize, to: usize) -> Option<(usize, bool)> {
    let mut i = from;
    while i < to && matches!(chars[i], '，' | ',' | '。' | ' ' | '　' | '(' | '（') {
        i += 1;
    }
    // A colon right after the total opens its parts (`100条：政策文件20条、…`).
    if from < to && matches!(chars[from], '：' | ':') {
        return Some((from + 1, false));
    }
    if i > from && i < to && matches!(chars[i - 1], '(' | '（') && chars[i] == '含' {
        return Some((i, true));
    }
    static OPENER_WORDS: std::sync::LazyLock<super::norm::Words> =
        std::sync::LazyLock::new(|| super::norm::Words::new(OPENERS));
    // An opener that ends by `to`.
    OPENER_WORDS
        .at(&chars[..to], i)
        .is_some()
        .then_some((i, false))
}

/// How brackets stand in a stretch of text: whether it closes one it did not open (the
/// stretch is inside brackets that end in it), and whether it leaves one open.
fn brackets(text: &[char]) -> (bool, bool) {
    let mut depth = 0usize;
    let mut closed = false;
    for c in text {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth == 0 => closed = true,
            '）' | ')' => depth -= 1,
            _ => {}
        }
    }
    (closed, depth > 0)
}

/// The end of the sentence a breakdown runs in: the next 。, ！, ？ or line end.
fn sentence_end(chars: &[char], from: usize) -> usize {
    (from..chars.len())
        .find(|i| matches!(chars[*i], '。' | '！' | '？' | '!' | '?' | '\n'))
        .unwrap_or(chars.len())
}

/// A figure as stated in a text: what it counts, how many, its parts, the parts it names without
/// a number, and where it stands. The one prose parser for figures: the readers store
/// [`Stated::figure`] in `overview.figures`, and validation reads the report's own text with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stated {
    /// Where its label stands (characters; [`Stated::label`] makes the string, only for what is
    /// shown or stored).
    pub label_at: std::ops::Range<usize>,
    pub quantity: crate::cell::Quantity,
    /// Where its number stands, with its approximation and measure words (characters).
    pub at: std::ops::Range<usize>,
    pub parts: Vec<Stated>,
    /// Parts of the breakdown named with the total's unit and no number (032's `财政预决算条`):
    /// the breakdown cannot be summed.
    pub unnumbered: Vec<String>,
    /// The characters from the label's start to the figure's end (its breakdown included).
    pub range: std::ops::Range<usize>,
    /// The share of its total the text gives right after the figure (`33条，占35.8%`).
    pub share: Option<Share>,
    /// Whether the parts are what the total includes (`13件（含新制定5件，废止4件）`): some of
    /// its cases, not necessarily all.
    pub includes: bool,
}

/// A percentage as written (`35.8%`): its digits without the point, and how many decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Share {
    /// The value times 10^decimals (`358` for 35.8).
    pub scaled: u64,
    /// Decimal places written.
    pub decimals: u32,
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = 10u64.pow(self.decimals);
        if self.decimals == 0 {
            write!(f, "{}%", self.scaled)
        } else {
            write!(
                f,
                "{}.{:0width$}%",
                self.scaled / p,
                self.scaled % p,
                width = self.decimals as usize
            )
        }
    }
}

/// The percentage a figure's text gives it right after it (`，占35.8%`, `，占比1.3%`,
/// `（占全部的82.4%）`): `占` within a few characters, then the number and `%`, before the next
/// number.
fn share_after(chars: &[char], from: usize, to: usize) -> Option<Share> {
    let window = chars.get(from..to.min(chars.len()).min(from + 12))?;
    let zhan = window.iter().position(|c| *c == '占')?;
    let start = zhan + window[zhan..].iter().position(char::is_ascii_digit)?;
    let mut k = start;
    let (mut scaled, mut decimals, mut point) = (0u64, 0u32, false);
    while let Some(c) = window.get(k) {
        match c {
            '0'..='9' => {
                scaled = scaled
                    .checked_mul(10)?
                    .checked_add(u64::from(*c as u8 - b'0'))?;
                decimals += u32::from(point);
            }
            '.' if !point => point = true,
            _ => break,
        }
        k += 1;
    }
    (matches!(window.get(k), Some('%' | '％')) && decimals <= 6)
        .then_some(Share { scaled, decimals })
}

impl Stated {
    /// The words that say what it counts, from the text it was read in.
    pub fn label(&self, chars: &[char]) -> String {
        super::norm::string_of(&chars[self.label_at.clone()])
    }

    /// The figure as the model stores it, from the text it was read in.
    pub fn figure(&self, chars: &[char]) -> Figure {
        Figure {
            label: self.label(chars),
            quantity: self.quantity.clone(),
            parts: self.parts.iter().map(|p| p.figure(chars)).collect(),
        }
    }
}

/// Reading state: the quantities of a line and the next one to take.
struct Cursor<'a> {
    chars: &'a [char],
    found: &'a [Found],
    idx: usize,
    /// Remarks a breakdown replaced ([`Cursor::breakdown_after_remark`]): figures of their own,
    /// stored after the figure they were made in.
    remarks: Vec<Stated>,
}

/// The least and the greatest sum of some parts (`None`: no greatest, an open interval).
pub(crate) fn parts_bounds(parts: &[Stated]) -> (u128, Option<u128>) {
    let mut lo: u128 = 0;
    let mut hi: Option<u128> = Some(0);
    for p in parts {
        let (a, b) = p.quantity.bounds();
        lo = lo.saturating_add(u128::from(a.unwrap_or(0)));
        hi = match (hi, b) {
            (Some(h), Some(b)) => h.checked_add(u128::from(b)),
            _ => None,
        };
    }
    (lo, hi)
}

impl Cursor<'_> {
    /// One figure: the quantity at `idx`, its label (from `from`), and its breakdown if one
    /// follows, limited to `limit`.
    fn figure(&mut self, from: usize, limit: usize) -> (Stated, usize) {
        let f = &self.found[self.idx];
        self.idx += 1;
        let (start, label_at) = label_of(self.chars, from, f.start);
        let next_start = self
            .found
            .get(self.idx)
            .map_or(self.chars.len(), |n| n.start);
        let mut fig = Stated {
            label_at,
            quantity: f.quantity.clone(),
            at: f.start..f.end,
            parts: Vec::new(),
            unnumbered: Vec::new(),
            range: start..f.end,
            share: share_after(self.chars, f.end, next_start),
            includes: false,
        };
        let mut end = f.end;
        let next = self
            .found
            .get(self.idx)
            .map_or(self.chars.len(), |n| n.start);
        if let Some((open, includes)) = opener(self.chars, f.end, next) {
            fig.includes = includes;
            let (parts, unnumbered, last) = self.parts(&fig, open, limit);
            fig.parts = parts;
            fig.unnumbered = unnumbered;
            end = end.max(last);
            // A breakdown in brackets (`300条（其中规范性文件20条）`) ends with them, when they
            // close before the next quantity it did not take.
            if brackets(&self.chars[f.end..open]).1 {
                let bound = self
                    .found
                    .get(self.idx)
                    .map_or(limit, |n| n.start)
                    .min(limit)
                    .min(self.chars.len());
                let close = (end..bound).find(|i| matches!(self.chars[*i], '）' | ')'));
                end = close.map_or(end, |i| i + 1);
            }
            if fig.includes || fig.parts.len() == 1 {
                end = self.breakdown_after_remark(&mut fig, end, limit);
            }
        }
        fig.range.end = end;
        (fig, end)
    }

    /// A total with a remark on what it includes, then `其中` and a breakdown
    /// (`96件（含上年结转12件），其中予以公开38件、…`; `90件，包括上年结转申请12件。其中，予以公开
    /// 38件，…`). After a bracket, the breakdown is the total's. After a remark without brackets,
    /// it is the total's when its parts can add up to the total or cannot be the remark's (they
    /// exceed it), the remark's when two or more add up to it, and nobody's otherwise (the parts
    /// stay figures of their own): the text does not say which. A remark the breakdown replaces
    /// becomes a figure of its own ([`Cursor::remarks`]). Returns where the figure ends.
    fn breakdown_after_remark(&mut self, fig: &mut Stated, end: usize, limit: usize) -> usize {
        let next = self
            .found
            .get(self.idx)
            .map_or(self.chars.len(), |n| n.start)
            .min(limit);
        let mut i = end;
        while i < next && matches!(self.chars[i], '，' | ',' | '。' | ' ' | '　') {
            i += 1;
        }
        if !self.chars[i.min(next)..next].starts_with(&['其', '中']) {
            return end;
        }
        let taken = self.idx;
        let (parts, unnumbered, last) = self.parts(fig, i + 2, limit);
        let sum = parts_bounds(&parts);
        let fits = |q: &crate::cell::Quantity| {
            let (lo, hi) = q.bounds();
            let (lo, hi) = (u128::from(lo.unwrap_or(0)), hi.map(u128::from));
            sum.0 <= hi.unwrap_or(u128::MAX) && sum.1.is_none_or(|s| lo <= s)
        };
        let remark = &fig.parts[0].quantity;
        let exceeds_remark = remark.bounds().1.is_some_and(|hi| sum.0 > u128::from(hi));
        let whose = if parts.is_empty() {
            None
        } else if fig.includes || fits(&fig.quantity) {
            Some(true)
        } else if parts.len() >= 2 && fits(remark) {
            Some(false)
        } else if exceeds_remark {
            Some(true)
        } else {
            None
        };
        match whose {
            None => {
                self.idx = taken;
                return end;
            }
            Some(false) => {
                // Two or more parts that add up to the remark: its own breakdown.
                let part = &mut fig.parts[0];
                part.parts = parts;
                part.unnumbered = unnumbered;
                part.range.end = last;
                return last;
            }
            Some(true) => {}
        }
        self.remarks.append(&mut fig.parts);
        fig.parts = parts;
        fig.unnumbered = unnumbered;
        fig.includes = false;
        last
    }

    /// Pieces between two parts that name a part with the total's unit and no number.
    fn unnumbered_between(&self, unit: &str, from: usize, to: usize) -> Vec<String> {
        // A piece ends with the unit: none without the unit's last character in the segment.
        let Some(last) = unit.chars().last() else {
            return Vec::new();
        };
        if from >= to || !self.chars[from..to].contains(&last) {
            return Vec::new();
        }
        let seg: String = self.chars[from..to].iter().collect();
        let mut pieces: Vec<&str> = seg.split(is_delimiter).map(str::trim).collect();
        // The last piece is the next part's label.
        pieces.pop();
        pieces
            .into_iter()
            .filter(|p| {
                p.ends_with(unit)
                    && p.chars().count() > unit.chars().count()
                    && !p.chars().any(|c| c.is_ascii_digit())
            })
            .map(|p| p.trim_end_matches(unit).to_owned())
            .collect()
    }

    /// The parts of a breakdown opened at `open`: up to the sentence's end, while their unit is
    /// the total's, and cut where they reach the total exactly, or else at the first `；`.
    fn parts(
        &mut self,
        total: &Stated,
        open: usize,
        limit: usize,
    ) -> (Vec<Stated>, Vec<String>, usize) {
        let group_end = sentence_end(self.chars, open).min(limit);
        let mut parts: Vec<(usize, usize, usize, Stated)> = Vec::new();
        let mut unnumbered: Vec<(usize, String)> = Vec::new();
        let mut from = open;
        let mut last = open;
        while self.idx < self.found.len() && self.found[self.idx].start < group_end {
            let start = self.found[self.idx].start;
            let (closed, opened) = brackets(&self.chars[from.min(start)..start]);
            // The brackets the breakdown stands in closed: it ends there.
            if closed {
                break;
            }
            // Inside brackets opened after the last part (`300条（含规范性文件20条）、…`): a remark
            // on that part, not a part.
            if opened {
                self.idx += 1;
                continue;
            }
            let q = &self.found[self.idx].quantity;
            if !total.quantity.unit.is_empty()
                && !q.unit.is_empty()
                && q.unit != total.quantity.unit
            {
                break;
            }
            let first = self.idx;
            for u in self.unnumbered_between(&total.quantity.unit, from, start) {
                unnumbered.push((start, u));
            }
            let (fig, end) = self.figure(from, group_end);
            from = end;
            last = end;
            parts.push((first, start, end, fig));
        }
        let mut cut = None;
        if total.quantity.approx == crate::cell::Approx::Exact {
            let mut sum: u128 = 0;
            for (k, (_, _, _, p)) in parts.iter().enumerate() {
                if p.quantity.approx != crate::cell::Approx::Exact {
                    break;
                }
                sum += u128::from(p.quantity.value);
                if sum == u128::from(total.quantity.value) {
                    cut = Some(k + 1);
                    break;
                }
            }
        }
        if cut.is_none()
            && let Some(semi) = (open..group_end).find(|i| matches!(self.chars[*i], '；' | ';'))
        {
            let before = parts.iter().filter(|(_, s, _, _)| *s < semi).count();
            if before > 0 {
                cut = Some(before);
            }
        }
        if let Some(c) = cut
            && c < parts.len()
        {
            self.idx = parts[c].0;
            last = parts[c - 1].2;
            let bound = parts[c].1;
            unnumbered.retain(|(at, _)| *at < bound);
            parts.truncate(c);
        }
        (
            parts.into_iter().map(|(_, _, _, f)| f).collect(),
            unnumbered.into_iter().map(|(_, u)| u).collect(),
            last,
        )
    }
}

/// The figures stated in one line of text, in order, with their breakdowns.
pub(crate) fn stated(chars: &[char]) -> Vec<Stated> {
    stated_with(chars, &quantities(chars))
}

/// [`stated`], with the quantities of `chars` already found.
pub(crate) fn stated_with(chars: &[char], found: &[Found]) -> Vec<Stated> {
    let with_implied = implied_parts(chars, found);
    let found: &[Found] = with_implied.as_deref().unwrap_or(found);
    let mut cur = Cursor {
        chars,
        found,
        idx: 0,
        remarks: Vec::new(),
    };
    let mut from = 0;
    let mut figs = Vec::new();
    while cur.idx < found.len() {
        let (fig, end) = cur.figure(from, chars.len());
        from = end;
        if !fig.label_at.is_empty() {
            figs.push(fig);
        }
        figs.append(&mut cur.remarks);
    }
    totals_after_parts(chars, figs)
}

/// A figure named only by a word of [`TOTALS`] (`共计100条`) after two or more figures of its
/// unit in its sentence, none a breakdown of its own, is their total: they become its parts.
fn totals_after_parts(chars: &[char], figs: Vec<Stated>) -> Vec<Stated> {
    let mut out: Vec<Stated> = Vec::with_capacity(figs.len());
    for mut fig in figs {
        let is_total = fig.parts.is_empty()
            && !fig.quantity.unit.is_empty()
            && TOTALS
                .iter()
                .any(|t| chars[fig.label_at.clone()].iter().copied().eq(t.chars()));
        if is_total {
            // The figures before it in its sentence, of its unit, with no parts of their own.
            let ends = |a: usize, b: usize| {
                chars[a.min(b)..b]
                    .iter()
                    .any(|c| matches!(c, '。' | '！' | '？' | '\n'))
            };
            let mut k = out.len();
            while k > 0
                && out[k - 1].parts.is_empty()
                && out[k - 1].quantity.unit == fig.quantity.unit
                && !ends(out[k - 1].range.end, fig.range.start)
            {
                k -= 1;
            }
            if out.len() - k >= 2 {
                fig.parts = out.drain(k..).collect();
                fig.range.start = fig.parts[0].range.start;
            }
        }
        out.push(fig);
    }
    out
}

/// Parts of a breakdown written without their unit (`…100条，其中政策文件20、通知公告30、工作动态50条`):
/// in the sentence after a quantity and an opener, a whole number right after a label's last
/// character and right before `、`, `，`, `；`, `。`, a closing bracket or the sentence's end is a
/// part in the total's unit. The quantities with them, in order; `None` when there are none.
fn implied_parts(chars: &[char], found: &[Found]) -> Option<Vec<Found>> {
    let mut added: Vec<Found> = Vec::new();
    for (k, f) in found.iter().enumerate() {
        if f.quantity.unit.is_empty() {
            continue;
        }
        let next = found.get(k + 1).map_or(chars.len(), |n| n.start);
        let Some((open, _)) = opener(chars, f.end, next) else {
            continue;
        };
        let end = sentence_end(chars, open);
        let taken = |i: usize| found.iter().any(|g| g.start <= i && i < g.end);
        let mut i = open;
        while i < end {
            // Not a quantity already found, nor one added for an opener before (`3条，其中0条其中1`:
            // both openers reach the 1).
            let starts_number = chars[i].is_ascii_digit()
                && i > 0
                && super::norm::is_ideograph(chars[i - 1])
                && !taken(i)
                && !added.iter().any(|g| g.start <= i && i < g.end);
            if !starts_number {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut value: u64 = 0;
            while j < end && chars[j].is_ascii_digit() {
                value = match value
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u64::from(chars[j] as u8 - b'0')))
                {
                    Some(v) => v,
                    None => break,
                };
                j += 1;
            }
            let closes = j == end
                || matches!(
                    chars.get(j),
                    Some('、' | '，' | ',' | '；' | ';' | '。' | '）' | ')')
                );
            if closes && j > i && (j == end || !chars[j].is_ascii_digit()) {
                added.push(Found {
                    start: i,
                    end: j,
                    quantity: crate::cell::Quantity::exact(value, &f.quantity.unit),
                });
            }
            i = j.max(i + 1);
        }
    }
    if added.is_empty() {
        return None;
    }
    let mut all: Vec<Found> = found.iter().cloned().chain(added).collect();
    all.sort_by_key(|f| f.start);
    Some(all)
}

fn log_figures(figs: &[Figure], path: &str, first: usize, loc: Location, log: &mut Log) {
    for (k, f) in figs.iter().enumerate() {
        let here = format!("{path}/{}", first + k);
        log.read(loc, &here, &format!("{}{}", f.label, f.quantity));
        log_figures(&f.parts, &format!("{here}/parts"), 0, loc, log);
    }
}

/// The figures stated in the lines of section 一, in order: each quantity with the words before
/// it, and the parts after an opener (其中, 包括 …).
pub fn figures(lines: &[Line], log: &mut Log) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for line in lines {
        let chars: Vec<char> = line.text.chars().collect();
        let figs: Vec<Figure> = stated(&chars).iter().map(|s| s.figure(&chars)).collect();
        log_figures(&figs, "/overview/figures", out.len(), line.loc, log);
        out.extend(figs);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::doc::text_lines;

    /// Titles of the shared corpus (`../shared/corpus/README.md`, the `# title:` lines) and the
    /// shared PDFs, as published and with the year put first: the agency each names.
    #[test]
    fn the_agency_a_title_names() {
        for (title, agency) in [
            (
                "清水县人民政府2019年 政府信息公开工作年度报告",
                Some("清水县人民政府"),
            ),
            (
                "铜川市耀州区审计局 2020年政府信息公开工作年度报告",
                Some("铜川市耀州区审计局"),
            ),
            (
                "杭州市卫生健康委员会2023年度政府信息公开工作年度报告",
                Some("杭州市卫生健康委员会"),
            ),
            (
                "2022年渭南市工业和信息化局政府信息公开工作年度报告",
                Some("渭南市工业和信息化局"),
            ),
            (
                "2024年度国家卫生健康委政府信息公开工作年度报告",
                Some("国家卫生健康委"),
            ),
            ("2023 年政府信息公开工作年度报告", None),
            ("关于2022年度政府信息公开工作情况的报告", None),
        ] {
            assert_eq!(agency_in_title(title).as_deref(), agency, "{title}");
        }
    }

    fn meta_of(text: &str) -> Meta {
        meta(&text_lines(text), &[], &mut Log::default())
    }

    /// The year: the title's wherever it stands; else the statistics period's, not the first
    /// year a preamble happens to mention.
    #[test]
    fn the_report_year() {
        let m = meta_of("2022年渭南市工业和信息化局政府信息公开工作年度报告\n");
        assert_eq!(m.year, Some(2022));
        let m = meta_of(
            "某局政府信息公开工作年度报告\n根据2019年修订的《中华人民共和国政府信息公开条例》编制。本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n",
        );
        assert_eq!(m.year, Some(2021));
        // A period over two lines, with spaces, as plain pdftotext gives it.
        let m = meta_of(
            "某局政府信息公开工作年度报告\n报告中所列数据统计期限自 2024 年 1 月 1 日\n起至 2024 年 12 月 31 日止。\n",
        );
        assert_eq!(
            m.period.map(|(a, b)| (a.to_string(), b.to_string())),
            Some(("2024-01-01".into(), "2024-12-31".into()))
        );
    }

    /// The period is read from the sentence that names it, not from the first 统计 of the front
    /// matter (a statistics bureau's name, `统计数据`); a missing period is logged as missing,
    /// a period sentence without two dates as a warning on its own line.
    #[test]
    fn the_period_sentence_is_the_one_that_names_a_period() {
        let read = |text: &str| {
            let mut log = Log::default();
            let m = meta(&text_lines(text), &[], &mut log);
            let period = m.period.map(|(a, b)| (a.to_string(), b.to_string()));
            let warnings: Vec<(usize, String)> = log
                .warnings()
                .map(|e| {
                    let line = match e.location {
                        Some(crate::read::Location::Line { line, .. }) => line,
                        _ => 0,
                    };
                    (line, e.message_zh.clone())
                })
                .collect();
            (period, warnings, log.missing().count())
        };
        let year = |y: &str| Some((format!("{y}-01-01"), format!("{y}-12-31")));
        for (text, y) in [
            // A statistics bureau: its name comes first, the period two sentences later.
            (
                "区统计局2023年政府信息公开工作年度报告\n现公布区统计局2023年政府信息公开工作年度报告。\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n",
                "2023",
            ),
            // 统计数据 in a preamble sentence before the period's (corpus 040).
            (
                "某委2023年政府信息公开工作年度报告\n本报告根据有关规定，制作统计数据编制而成。\n本报告中所列数据统计期限为2023年1月1日至2023年12月31日。\n",
                "2023",
            ),
            // `数据统计自…起至…止`; `统计数据从…至…`; 统计时限 with the year once (corpus 026).
            (
                "某局2022年政府信息公开工作年度报告\n本报告数据统计自2022年1月1日起至2022年12月31日止。\n",
                "2022",
            ),
            (
                "某区2016年政府信息公开工作年度报告\n结合有关统计数据撰写。本报告统计数据从2016年1月1日至2016年12月31日止。\n",
                "2016",
            ),
            (
                "某办2021年政府信息公开工作年度报告\n其他项目统计时限均为2021年1月1日—12月31日。\n",
                "2021",
            ),
        ] {
            let (period, warnings, _) = read(text);
            assert_eq!(period, year(y), "{text}");
            assert!(warnings.is_empty(), "{text}: {warnings:?}");
        }
        // Two dates after a statistics bureau's name are no period.
        let (period, warnings, missing) = read(
            "区统计局2023年政府信息公开工作年度报告\n区统计局于2024年1月20日起至2024年2月1日组织编制本报告。\n",
        );
        assert_eq!(period, None);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(missing, 1);
        // A period sentence with one date: a warning on its line, nothing guessed.
        let (period, warnings, missing) = read(
            "区统计局2023年政府信息公开工作年度报告\n现公布区统计局年度报告。\n数据统计截至2023年12月31日。\n",
        );
        assert_eq!(period, None);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].0, 3);
        assert!(
            warnings[0].1.contains("统计截至2023年12月31日"),
            "{warnings:?}"
        );
        assert_eq!(missing, 0);
        // No period sentence before section 一: the one in 总体情况's first paragraph counts;
        // a front matter that names the period wins over section 一.
        let front = text_lines("某局2024年政府信息公开工作年度报告\n");
        let overview = text_lines(
            "本年报根据《条例》要求编制。本报告所列数据的统计期限为2024年1月1日至2024年12月31日。\n",
        );
        let mut log = Log::default();
        let m = meta(&front, &overview, &mut log);
        assert_eq!(
            m.period.map(|(a, b)| (a.to_string(), b.to_string())),
            year("2024")
        );
        assert_eq!(log.missing().count(), 0);
        let front = text_lines(
            "某局2024年政府信息公开工作年度报告\n本报告所列数据统计期限自2024年1月1日起至2024年6月30日止。\n",
        );
        let m = meta(&front, &overview, &mut Log::default());
        assert_eq!(
            m.period.map(|(a, b)| (a.to_string(), b.to_string())),
            Some(("2024-01-01".into(), "2024-06-30".into()))
        );
    }

    /// A remark on what a total includes, then `其中`: the figures stored are the total with the
    /// breakdown and the remark on its own, or the remark with its own breakdown, or, when the
    /// text does not tell, the total with its remark and the parts on their own.
    #[test]
    fn a_remark_then_a_breakdown() {
        // (label, value, [(part label, part value, the part's own parts)]) of each figure.
        type Shape = (String, u64, Vec<(String, u64, usize)>);
        let shape = |t: &str| -> Vec<Shape> {
            let chars: Vec<char> = t.chars().collect();
            stated(&chars)
                .into_iter()
                .map(|f| {
                    let parts = f
                        .parts
                        .iter()
                        .map(|p| (p.label(&chars), p.quantity.value, p.parts.len()))
                        .collect();
                    (f.label(&chars), f.quantity.value, parts)
                })
                .collect()
        };
        let s = |v: &str| v.to_owned();
        assert_eq!(
            shape("共办理申请96件（含上年结转12件），其中予以公开38件、其他处理58件。"),
            [
                (
                    s("共办理申请"),
                    96,
                    vec![(s("予以公开"), 38, 0), (s("其他处理"), 58, 0)]
                ),
                (s("上年结转"), 12, vec![])
            ]
        );
        assert_eq!(
            shape("公开信息1000条，包括政策文件200条。其中，规范性文件50条、政策解读150条。"),
            [(s("公开信息"), 1000, vec![(s("政策文件"), 200, 2)])]
        );
        assert_eq!(
            shape("公开信息1000条，包括政策文件200条。其中，规范性文件50条、政策解读100条。"),
            [
                (s("公开信息"), 1000, vec![(s("政策文件"), 200, 0)]),
                (s("规范性文件"), 50, vec![]),
                (s("政策解读"), 100, vec![])
            ]
        );
    }

    /// Parts of a breakdown written without their unit take the total's; a year or a list's
    /// numbering is no part.
    #[test]
    fn parts_without_their_unit() {
        let parts = |t: &str| -> Vec<(String, u64, String)> {
            let chars: Vec<char> = t.chars().collect();
            stated(&chars)
                .into_iter()
                .flat_map(|f| f.parts)
                .map(|p| (p.label(&chars), p.quantity.value, p.quantity.unit))
                .collect()
        };
        assert_eq!(
            parts("全年主动公开政府信息100条，其中政策文件20、通知公告30、工作动态40条。"),
            [
                ("政策文件".to_owned(), 20, "条".to_owned()),
                ("通知公告".to_owned(), 30, "条".to_owned()),
                ("工作动态".to_owned(), 40, "条".to_owned())
            ]
        );
        // A colon opens the parts; a total after its parts takes them.
        assert_eq!(
            parts("全年主动公开政府信息100条：政策文件60条、通知公告40条。").len(),
            2
        );
        assert_eq!(
            parts("全年发布政策文件20条、通知公告80条，共计100条。"),
            [
                ("全年发布政策文件".to_owned(), 20, "条".to_owned()),
                ("通知公告".to_owned(), 80, "条".to_owned())
            ]
        );
        assert_eq!(
            parts("全年主动公开政府信息100条，其中：1、政策文件60条；2、通知公告40条。"),
            [
                ("政策文件".to_owned(), 60, "条".to_owned()),
                ("通知公告".to_owned(), 40, "条".to_owned())
            ]
        );
    }

    /// A title set over two lines: the agency on the first (the shared PDFs' title pages).
    #[test]
    fn a_title_over_two_lines() {
        let m = meta_of("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由…编制。\n");
        assert_eq!(m.agency, "洪泽区人民政府");
        assert_eq!(m.year, Some(2023));
        assert_eq!(
            m.title.as_deref(),
            Some("洪泽区人民政府2023 年政府信息公开工作年度报告")
        );
        // A line of page chrome above a title is no agency.
        let m = meta_of("首页 > 政务公开\n2023 年政府信息公开工作年度报告\n");
        assert_eq!(m.agency, "");
    }
}
