//! Stable ids of the official form: sections, tables and cells, and what editions are beside
//! their generated enum. The row and column ids are generated from the declaration.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{
    ApplicantColumn, Edition, ProactiveColumn, ProactiveRow, RequestRow, ReviewColumn, ReviewRow,
};

impl Edition {
    /// The JSON tag (`"2019"`, `"2021"`).
    pub fn tag(self) -> &'static str {
        self.facts().tag
    }

    /// The edition's one name (`Trial2019`).
    pub fn name(self) -> &'static str {
        self.facts().name
    }

    /// The document that issued the format (`国办公开办函〔2021〕30号`).
    pub fn notice(self) -> &'static str {
        self.facts().notice
    }

    /// The edition's position in [`Edition::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The edition in force for a report year: the latest whose first report year is not after
    /// it (the first edition for years before any).
    pub fn for_report_year(year: i32) -> Edition {
        Edition::ALL
            .iter()
            .rev()
            .find(|e| i32::from(e.facts().first_year) <= year)
            .or(Edition::ALL.first())
            .copied()
            .unwrap_or_else(|| unreachable!("the form declares at least one edition"))
    }

    /// The edition with this JSON tag.
    pub fn from_tag(tag: &str) -> Option<Edition> {
        Edition::ALL.iter().copied().find(|e| e.tag() == tag)
    }

    /// The tags of every edition, quoted and joined for messages (`"2019" or "2021"`).
    fn tags_for_message() -> String {
        let tags: Vec<String> = Edition::ALL
            .iter()
            .map(|e| format!("\"{}\" ({})", e.tag(), e.notice()))
            .collect();
        tags.join(" or ")
    }
}

/// An edition tag that names no edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEdition {
    /// What was given.
    pub tag: String,
}

impl fmt::Display for UnknownEdition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown edition {:?}: expected {}",
            self.tag,
            Edition::tags_for_message()
        )
    }
}

impl std::error::Error for UnknownEdition {}

impl std::str::FromStr for Edition {
    type Err = UnknownEdition;

    /// Parses a JSON tag (`"2021"`) or an edition's name (`Format2021`, in any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Edition::from_tag(s)
            .or_else(|| {
                Edition::ALL
                    .iter()
                    .copied()
                    .find(|e| e.name().eq_ignore_ascii_case(s))
            })
            .ok_or_else(|| UnknownEdition { tag: s.to_owned() })
    }
}

impl Serialize for Edition {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Edition {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Edition;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "the edition tag {}", Edition::tags_for_message())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Edition, E> {
                Edition::from_tag(v).ok_or_else(|| E::custom(UnknownEdition { tag: v.to_owned() }))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Edition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Edition".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let tags: Vec<&str> = Edition::ALL.iter().map(|e| e.tag()).collect();
        schemars::json_schema!({ "type": "string", "enum": tags })
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The six sections of every report, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况
    Proactive,
    /// 三、收到和处理政府信息公开申请情况
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况
    Review,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    OtherMatters,
}

impl SectionId {
    /// All six, in official order.
    pub const ALL: [SectionId; 6] = [
        SectionId::Overview,
        SectionId::Proactive,
        SectionId::Requests,
        SectionId::Review,
        SectionId::Problems,
        SectionId::OtherMatters,
    ];
}

/// The three tables of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// Section 二: 主动公开政府信息情况.
    Proactive,
    /// Section 三: 收到和处理政府信息公开申请情况.
    Requests,
    /// Section 四: 政府信息公开行政复议、行政诉讼情况.
    Review,
}

/// The address of one cell of the form, stable across releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellId {
    /// A cell of section 二.
    Proactive(ProactiveRow, ProactiveColumn),
    /// A cell of section 三.
    Requests(RequestRow, ApplicantColumn),
    /// A cell of section 四.
    Review(ReviewRow, ReviewColumn),
}

impl CellId {
    /// The table the cell belongs to.
    pub fn table(self) -> TableId {
        match self {
            CellId::Proactive(..) => TableId::Proactive,
            CellId::Requests(..) => TableId::Requests,
            CellId::Review(..) => TableId::Review,
        }
    }
}
