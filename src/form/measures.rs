//! The measures a report's prose states about its own tables, declared as data next to the form:
//! which words name each measure in a clause, and which cells (summed) it corresponds to, by the
//! ids of the form declaration. `validate` extracts the claims of every narrative field with
//! these declarations and compares them with the cells (`docs/RULES.md`, rules `prose.*`).

use super::{
    ApplicantColumn as AC, CellId, Form, ProactiveColumn as PC, ProactiveRow as PR,
    RequestRow as RR, ReviewColumn as VC, ReviewRow as VR,
};

/// The cells a measure states the sum of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cells {
    /// These cells.
    Sum(&'static [CellId]),
    /// The 总计 column of every section 三 row in the group with this name (`不予公开`: the eight
    /// rows of （三）), or of the row with this name where the form has one row for it (the 2019
    /// format's single （六）其他处理 row). Resolved through the form, so that an edition with
    /// another row in the group sums that row too.
    RequestGroup(&'static str),
}

impl Cells {
    /// The cells in a form, or `None` when the form lacks any of them.
    pub fn resolve(&self, form: &Form) -> Option<Vec<CellId>> {
        match self {
            Cells::Sum(ids) => ids.iter().all(|id| form.has(*id)).then(|| ids.to_vec()),
            Cells::RequestGroup(name) => {
                let ids: Vec<CellId> = form
                    .requests
                    .rows()
                    .filter(|r| r.name == *name || r.groups.iter().any(|g| g.name == *name))
                    .map(|r| CellId::Requests(r.id, AC::Total))
                    .filter(|id| form.has(*id))
                    .collect();
                (!ids.is_empty()).then_some(ids)
            }
        }
    }
}

/// A measure stated in prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MeasureDecl {
    /// Stable id (`requests.new_received`).
    pub id: &'static str,
    /// What it is, in the form's words (`本年新收政府信息公开申请数量`).
    pub label: &'static str,
    /// The cells whose sum it states.
    pub cells: Cells,
    /// Other cells the same words may state, summed (`受理` is used both for 本年新收 and for
    /// 本年新收 + 上年结转); a claim named by one of [`or_names`](Self::or_names) agrees when it
    /// fits either, and a claim that says `含上年结转` states these.
    pub or_cells: &'static [CellId],
    /// The names with which the claim may state [`or_cells`](Self::or_cells) instead.
    pub or_names: &'static [&'static str],
    /// Words that name the measure before its number in a clause (the nearest wins).
    pub names: &'static [&'static str],
    /// Words of which the clause must hold one before the number (empty: none needed).
    pub with: &'static [&'static str],
    /// Words that, before the number in the clause, make it another measure (`办理行政复议`: the
    /// body as the reconsideration authority, not cases against it).
    pub not: &'static [&'static str],
    /// Measure words its number may carry.
    pub units: &'static [&'static str],
}

const NEW: CellId = CellId::Requests(RR::NewReceived, AC::Total);
const CARRIED_OVER: CellId = CellId::Requests(RR::CarriedOver, AC::Total);

/// Units of a count of requests or cases (every unit a measure may carry is one of these).
pub const CASES: &[&str] = &["件", "个", "宗", "起", "例", "份", "次"];

/// Units of a count of documents.
const DOCUMENTS: &[&str] = &["件", "份", "个"];

/// The measures prose states, in the order they are tried.
pub static MEASURES: &[MeasureDecl] = &[
    MeasureDecl {
        id: "requests.carried_over",
        label: "二、上年结转政府信息公开申请数量",
        cells: Cells::Sum(&[CARRIED_OVER]),
        or_cells: &[],
        or_names: &[],
        names: &["上年结转", "上年度结转", "上一年度结转", "上年遗留"],
        with: &[],
        not: &["下年", "下一年"],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.carried_forward",
        label: "四、结转下年度继续办理",
        cells: Cells::Sum(&[CellId::Requests(RR::CarriedForward, AC::Total)]),
        or_cells: &[],
        or_names: &[],
        names: &[
            "结转下年",
            "结转至下年",
            "结转到下年",
            "转入下年",
            "结转下一年",
            "结转至下一年",
            "结转至2",
            "结转到2",
            "继续办理",
        ],
        with: &[],
        not: &[],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.new_received",
        label: "一、本年新收政府信息公开申请数量",
        cells: Cells::Sum(&[NEW]),
        or_cells: &[NEW, CARRIED_OVER],
        or_names: &["受理"],
        names: &["新收", "收到", "受理", "接收", "接到", "共收"],
        with: &["申请"],
        not: &[
            "结转",
            "办结",
            "答复",
            "复议",
            "诉讼",
            "不予",
            "部分公开",
            "予以公开",
            "无法提供",
            "不予处理",
        ],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.processed",
        label: "（七）总计",
        cells: Cells::Sum(&[CellId::Requests(RR::ProcessedTotal, AC::Total)]),
        or_cells: &[],
        or_names: &[],
        names: &[
            "办结",
            "已办结",
            "办理完毕",
            "全部答复",
            "均已答复",
            "已答复",
        ],
        with: &[],
        not: &["结转", "率", "复议", "诉讼", "按时办结率"],
        units: CASES,
    },
    MeasureDecl {
        id: "review.reconsideration",
        label: "四、行政复议 总计",
        cells: Cells::Sum(&[CellId::Review(VR::Reconsideration, VC::Total)]),
        or_cells: &[],
        or_names: &[],
        names: &["行政复议"],
        with: &[],
        // As the reconsideration authority (办理, 受理, 审理 cases, 复议机关) it is a different
        // measure from table 四 (cases against the body); a clause that also names 诉讼 is not
        // one measure. A result word (结果维持, 纠正, 尚未审结 …) makes the number one column of
        // the row, not its total.
        not: &[
            "办理",
            "受理",
            "审理",
            "复议机关",
            "诉讼",
            "复议后",
            "维持",
            "纠正",
            "纠错",
            "其他结果",
            "审结",
            "驳回",
            "撤销",
            "确认违法",
        ],
        units: CASES,
    },
    MeasureDecl {
        id: "review.litigation",
        label: "四、行政诉讼 总计（未经复议直接起诉 + 复议后起诉）",
        cells: Cells::Sum(&[
            CellId::Review(VR::LitigationDirect, VC::Total),
            CellId::Review(VR::LitigationAfterReconsideration, VC::Total),
        ]),
        or_cells: &[],
        or_names: &[],
        names: &["行政诉讼"],
        with: &[],
        not: &[
            "办理",
            "审理",
            "复议",
            "维持",
            "纠正",
            "纠错",
            "其他结果",
            "审结",
            "败诉",
            "胜诉",
            "驳回",
            "撤销",
            "确认违法",
        ],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.granted",
        label: "（一）予以公开",
        cells: Cells::Sum(&[CellId::Requests(RR::Granted, AC::Total)]),
        or_cells: &[],
        or_names: &[],
        names: &["予以公开", "同意公开", "全部公开"],
        with: &[],
        // 部分予以公开 is （二）; 主动予以公开 is section 二's business.
        not: &["部分", "主动"],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.partly_granted",
        label: "（二）部分公开",
        cells: Cells::Sum(&[CellId::Requests(RR::PartlyGranted, AC::Total)]),
        or_cells: &[],
        or_names: &[],
        names: &["部分公开", "部分予以公开", "区分处理"],
        with: &[],
        not: &[],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.denied",
        label: "（三）不予公开",
        cells: Cells::RequestGroup("不予公开"),
        or_cells: &[],
        or_names: &[],
        names: &["不予公开"],
        with: &[],
        not: &[],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.unable",
        label: "（四）无法提供",
        cells: Cells::RequestGroup("无法提供"),
        or_cells: &[],
        or_names: &[],
        names: &["无法提供"],
        with: &[],
        not: &[],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.not_processed",
        label: "（五）不予处理",
        cells: Cells::RequestGroup("不予处理"),
        or_cells: &[],
        or_names: &[],
        names: &["不予处理"],
        with: &[],
        // 不再处理 is （六）1.–2.
        not: &["逾期"],
        units: CASES,
    },
    MeasureDecl {
        id: "requests.other_handling",
        label: "（六）其他处理",
        cells: Cells::RequestGroup("其他处理"),
        or_cells: &[],
        or_names: &[],
        names: &["其他处理"],
        with: &[],
        not: &[],
        units: CASES,
    },
    MeasureDecl {
        id: "proactive.rules.issued",
        label: "规章 本年制发件数",
        cells: Cells::Sum(&[CellId::Proactive(PR::Rules, PC::Issued)]),
        or_cells: &[],
        or_names: &[],
        names: &["规章"],
        with: &["制定", "制发", "出台", "印发", "公布"],
        // 规章制度 are a body's internal rules, not 规章; 公开规章13件（含新制定5件…） counts
        // what was published.
        not: &[
            "公开",
            "废止",
            "现行有效",
            "清理",
            "审查",
            "备案",
            "修订",
            "修改",
            "评估",
            "制度",
            "规范性",
        ],
        units: DOCUMENTS,
    },
    MeasureDecl {
        id: "proactive.rules.repealed",
        label: "规章 本年废止件数",
        cells: Cells::Sum(&[CellId::Proactive(PR::Rules, PC::Repealed)]),
        or_cells: &[],
        or_names: &[],
        names: &["废止规章", "规章废止"],
        with: &[],
        not: &[
            "现行有效",
            "制发",
            "印发",
            "出台",
            "制定",
            "清理",
            "制度",
            "规范性",
        ],
        units: DOCUMENTS,
    },
    MeasureDecl {
        id: "proactive.rules.in_force",
        label: "规章 现行有效件数",
        cells: Cells::Sum(&[CellId::Proactive(PR::Rules, PC::InForce)]),
        or_cells: &[],
        or_names: &[],
        names: &["现行有效"],
        with: &["规章"],
        not: &["规范性", "制度", "废止", "制发", "印发", "出台", "制定"],
        units: DOCUMENTS,
    },
    MeasureDecl {
        id: "proactive.normative_documents.in_force",
        label: "行政规范性文件 现行有效件数",
        cells: Cells::Sum(&[CellId::Proactive(PR::NormativeDocuments, PC::InForce)]),
        or_cells: &[],
        or_names: &[],
        names: &["现行有效"],
        with: &["规范性文件"],
        not: &["规章", "废止", "制发", "印发", "出台", "制定"],
        units: DOCUMENTS,
    },
    MeasureDecl {
        id: "proactive.normative_documents.issued",
        label: "行政规范性文件 本年制发件数",
        cells: Cells::Sum(&[CellId::Proactive(PR::NormativeDocuments, PC::Issued)]),
        or_cells: &[],
        or_names: &[],
        names: &["规范性文件"],
        with: &["制发", "印发", "出台", "制定"],
        // 公开规范性文件42件（含新制定14件） counts what was published.
        not: &[
            "公开",
            "废止",
            "现行有效",
            "清理",
            "审查",
            "备案",
            "修订",
            "修改",
            "评估",
        ],
        units: DOCUMENTS,
    },
    MeasureDecl {
        id: "proactive.normative_documents.repealed",
        label: "行政规范性文件 本年废止件数",
        cells: Cells::Sum(&[CellId::Proactive(PR::NormativeDocuments, PC::Repealed)]),
        or_cells: &[],
        or_names: &[],
        names: &["废止规范性文件", "废止行政规范性文件", "规范性文件废止"],
        with: &[],
        not: &["现行有效", "制发", "印发", "出台", "制定", "清理"],
        units: DOCUMENTS,
    },
    MeasureDecl {
        id: "proactive.licensing.decisions",
        label: "行政许可 本年处理决定数量",
        cells: Cells::Sum(&[CellId::Proactive(PR::Licensing, PC::Decisions)]),
        or_cells: &[],
        or_names: &[],
        names: &["行政许可决定", "行政许可"],
        with: &["决定"],
        not: &["处罚", "强制", "事项"],
        units: CASES,
    },
    MeasureDecl {
        id: "proactive.penalty.decisions",
        label: "行政处罚 本年处理决定数量",
        cells: Cells::Sum(&[CellId::Proactive(PR::Penalty, PC::Decisions)]),
        or_cells: &[],
        or_names: &[],
        names: &["行政处罚决定", "行政处罚"],
        with: &["决定"],
        not: &["许可", "强制", "事项"],
        units: CASES,
    },
    MeasureDecl {
        id: "proactive.coercion.decisions",
        label: "行政强制 本年处理决定数量",
        cells: Cells::Sum(&[CellId::Proactive(PR::Coercion, PC::Decisions)]),
        or_cells: &[],
        or_names: &[],
        names: &["行政强制决定", "行政强制"],
        with: &["决定"],
        not: &["许可", "处罚", "事项"],
        units: CASES,
    },
];

/// Words that make a sentence speak of a scope wider than the reporting body's own tables,
/// whoever the body is.
pub static WIDER_SCOPE: &[&str] = &[
    "各级",
    "各部门",
    "全系统",
    "各乡镇",
    "各街道",
    "所属单位",
    "下属单位",
    "各单位",
    "各地",
    "各县",
    "各区",
    "各市",
    "系统内",
];

/// The administrative levels `全X` names (全市, 全区, 全县 …): the own scope only of X's people's
/// government (`洪泽区人民政府`'s 全区), wider for every other body.
pub static LEVELS: &[char] = &['省', '市', '区', '县', '州', '旗', '盟', '镇', '乡'];

/// A kind of channel that items are published through, named in prose only (no cell of the form
/// counts them): `审计信息栏目`, `门户网站`, `微信公众号`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChannelKind {
    /// What it is, in the words the finding uses (`栏目`).
    pub label: &'static str,
    /// The words that name a channel of this kind at the end of its name; words of one kind are
    /// the same channel (`审计信息栏目` and `审计信息专栏`).
    pub words: &'static [&'static str],
}

/// The channels prose names, longest words first within a kind.
pub static CHANNELS: &[ChannelKind] = &[
    ChannelKind {
        label: "栏目",
        words: &["专栏", "栏目", "专题"],
    },
    ChannelKind {
        label: "网站",
        words: &["门户网站", "网站", "官网"],
    },
    ChannelKind {
        label: "公众号",
        words: &["微信公众号", "公众号", "微信"],
    },
    ChannelKind {
        label: "微博",
        words: &["政务微博", "微博"],
    },
    ChannelKind {
        label: "客户端",
        words: &["客户端", "APP", "App"],
    },
];

/// The verbs of publishing through a channel (`通过…专栏公开信息16条`).
pub static CHANNEL_VERBS: &[&str] = &[
    "公开", "发布", "推送", "更新", "刊发", "刊登", "转载", "上传",
];

/// Words before a channel's name that are not part of it (`通过`, `在`, `依托`).
pub static CHANNEL_LEADS: &[&str] = &["通过", "依托", "利用", "借助", "经由", "在", "于", "经"];

/// Words left out of what a channel published when two statements are compared (`政府信息` and
/// `信息` are one object).
pub static CHANNEL_FILLERS: &[&str] = &["政府", "各类", "相关", "了", "共", "计", "等", "有关"];

/// Units of a count of items published.
pub static ITEMS: &[&str] = &["条", "篇", "则", "期", "个", "件", "次", "条次", "篇次"];

/// A sum of money prose states for a money cell of the form (section 二's 本年收费金额).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MoneyMeasureDecl {
    /// Stable id (`proactive.fees.amount`).
    pub id: &'static str,
    /// What it is, in the form's words.
    pub label: &'static str,
    /// Its cell.
    pub cell: CellId,
    /// Words of which the clause must hold one before the amount.
    pub names: &'static [&'static str],
    /// Words of which the clause must also hold one.
    pub with: &'static [&'static str],
    /// Words that make the amount another measure (信息处理费 is no 行政事业性收费).
    pub not: &'static [&'static str],
}

/// The money measures prose states.
pub static MONEY_MEASURES: &[MoneyMeasureDecl] = &[MoneyMeasureDecl {
    id: "proactive.fees.amount",
    label: "行政事业性收费 本年收费金额",
    cell: CellId::Proactive(PR::Fees, PC::Amount),
    names: &["行政事业性收费"],
    with: &["金额", "收费", "收取", "征收"],
    not: &["信息处理费", "处理费", "减免", "项目"],
}];
