//! A synthetic third edition, declared the way a new national format would be: the 2021 form
//! plus one section 二 row (行政裁决, in block （六）) and one section 三 row (（五）6.其他).
//!
//! It does not exist: it is compiled in only with the hidden cargo feature
//! `__synthetic-edition`, which the crate's own tests turn on (`[dev-dependencies]` in
//! `Cargo.toml`), so that they prove a new edition is this one declaration plus fixtures
//! (`tests/fixtures/2090/`, `tests/synthetic.rs`).

use crate::editions::common::*;
use crate::editions::format2021::{OTHER_HANDLING, PROACTIVE_BLOCKS};
use crate::spec::*;

const IN_NOT_PROCESSED_6: &[GroupSpec] = &[
    G_RESULTS,
    nest(
        "（五）",
        "不予处理",
        "not_processed",
        "NotProcessed",
        false,
        "（五）不予处理 in the synthetic edition: six reasons.",
    ),
];

/// The five shared reasons under this edition's own group, and a sixth.
const NOT_PROCESSED_6: &[RowSpec] = &[
    RowSpec {
        groups: IN_NOT_PROCESSED_6,
        ..NOT_PROCESSED[0]
    },
    RowSpec {
        groups: IN_NOT_PROCESSED_6,
        ..NOT_PROCESSED[1]
    },
    RowSpec {
        groups: IN_NOT_PROCESSED_6,
        ..NOT_PROCESSED[2]
    },
    RowSpec {
        groups: IN_NOT_PROCESSED_6,
        ..NOT_PROCESSED[3]
    },
    RowSpec {
        groups: IN_NOT_PROCESSED_6,
        ..NOT_PROCESSED[4]
    },
    row(
        "NotProcessedOther",
        "other",
        "6.",
        "其他",
        IN_NOT_PROCESSED_6,
    ),
];

/// The synthetic edition.
pub const EDITION: EditionSpec = EditionSpec {
    facts: EditionFacts {
        name: "Synthetic2090",
        tag: "2090",
        title: "政府信息公开工作年度报告格式（测试用合成版）",
        short_name: "2090年合成格式",
        english_name: "the synthetic 2090 format",
        notice: "（合成，测试用）",
        summary: "A synthetic edition for the crate's tests: the 2021 format plus 行政裁决 and （五）6.其他.",
        first_year: 2090,
        deadlines: DEADLINES,
    },
    proactive: TableSpec {
        doc: "Section 二 of the synthetic edition: the 2021 blocks, with 行政裁决 in （六）.",
        blocks: &[
            PROACTIVE_BLOCKS[0],
            PROACTIVE_BLOCKS[1],
            BlockSpec {
                rows: &[&[
                    PENALTY,
                    COERCION,
                    row("Adjudication", "adjudication", "", "行政裁决", &[]),
                ]],
                ..PROACTIVE_BLOCKS[2]
            },
            PROACTIVE_BLOCKS[3],
        ],
        ..crate::editions::format2021::EDITION.proactive
    },
    requests: TableSpec {
        doc: "Section 三 of the synthetic edition (182 cells): （五）不予处理 has six rows.",
        blocks: &[applicant_block(&[
            OPENING,
            DENIED,
            UNABLE,
            NOT_PROCESSED_6,
            OTHER_HANDLING,
            CLOSING,
        ])],
        ..REQUESTS
    },
    review: REVIEW,
};
