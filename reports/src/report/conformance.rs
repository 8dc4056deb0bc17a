//! Conformance (records of kind `conformance`, from `ledgerbench conformance`
//! and from every `run`): per implementation, each published vector suite
//! with its source and commit, vectors run, passed, failed, acceptable by
//! policy, not applicable (with the reason) and self-consistent; then the
//! CCTV Ed25519 classification (accepted per flag, per implementation and
//! verification function) and the ECDSA low-S policy. A deviation is red:
//! two validators that accept different signatures fork a ledger.

use ledgerbench_harness::Result;
use ledgerbench_harness::conformance::Verdict;
use ledgerbench_harness::results::{CONFORMANCE, ConformanceRecord};

use super::{Context, Section};
use crate::doc::{Align, Block, Table, Tone};

/// The conformance section.
pub struct Conformance;

/// The conformance records of a run, in the order written.
pub fn records(ctx: &Context<'_>) -> Vec<ConformanceRecord> {
    ctx.run
        .other
        .iter()
        .filter(|o| o.kind == CONFORMANCE)
        .filter_map(|o| serde_json::from_value(o.value.clone()).ok())
        .collect()
}

/// `count` or an empty cell for zero (tables of mostly zeros read badly).
fn cell(n: usize) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}

impl Section for Conformance {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let records = records(ctx);
        if records.is_empty() {
            return Ok(Vec::new());
        }
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: "Conformance".into(),
                anchor: "conformance".into(),
            },
            Block::Paragraph(
                "Each implementation against the published vector suites that apply to it \
                 (Wycheproof, RFC, CCTV and draft test vectors, embedded in the binary). \
                 The expected outcome of every vector is the file's own (valid, invalid or \
                 acceptable; a known answer), never the implementation's output. \
                 Acceptable counts vectors the file marks acceptable or the declared policy \
                 allows; n/a counts vectors the API cannot take (the reason is given); \
                 self-consistent counts vectors only checked against the library itself \
                 (it signed with its own randomness and its own verify accepted), which is \
                 not a pass. An implementation that deviates is still measured, and marked \
                 beside its figures."
                    .into(),
            ),
        ];
        let mut table = Table::new(
            "table-conformance",
            &[
                ("scheme", Align::Left),
                ("suite", Align::Left),
                ("source @ commit", Align::Left),
                ("run", Align::Right),
                ("passed", Align::Right),
                ("failed", Align::Right),
                ("acceptable", Align::Right),
                ("n/a", Align::Right),
                ("self-consistent", Align::Right),
                ("notes", Align::Left),
            ],
        );
        for r in &records {
            let verdict_tone = match r.verdict {
                Verdict::Deviations(_) => Tone::Bad,
                Verdict::Untested => Tone::Muted,
                Verdict::Conformant => Tone::Good,
            };
            table.push(
                vec![
                    r.scheme.clone(),
                    format!("verdict: {}", r.verdict),
                    r.standard.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    r.untested_reason().unwrap_or_default(),
                ],
                verdict_tone,
            );
            for s in &r.suites {
                let mut notes: Vec<String> = Vec::new();
                if let Some(e) = &s.error {
                    notes.push(format!("did not run: {e}"));
                }
                if !s.policy.is_empty() {
                    notes.push(format!("policy: {}", s.policy));
                }
                if !s.reason.is_empty() {
                    notes.push(s.reason.clone());
                }
                if !s.failed_ids.is_empty() {
                    let shown: Vec<String> =
                        s.failed_ids.iter().take(12).map(u64::to_string).collect();
                    let more = if s.failed_ids.len() > 12 { ", …" } else { "" };
                    notes.push(format!("failed tcIds {}{more}", shown.join(", ")));
                }
                let tone = if s.failed() > 0 || s.error.is_some() {
                    Tone::Bad
                } else {
                    Tone::Normal
                };
                table.push(
                    vec![
                        String::new(),
                        s.suite.clone(),
                        format!("{} @ {}", s.source, s.commit),
                        s.run.to_string(),
                        cell(s.passed),
                        cell(s.failed()),
                        cell(s.acceptable),
                        cell(s.not_applicable),
                        cell(s.self_consistent),
                        notes.join("; "),
                    ],
                    tone,
                );
            }
        }
        blocks.push(Block::Table(table));
        blocks.extend(classification(&records));
        blocks.extend(low_s(&records));
        Ok(blocks)
    }
}

/// The CCTV Ed25519 classification: one row per flag, one column per
/// implementation × verification function.
fn classification(records: &[ConformanceRecord]) -> Vec<Block> {
    let mut columns: Vec<(String, &ledgerbench_harness::conformance::Classification)> = Vec::new();
    for r in records {
        for s in r.suites.iter().filter(|s| !s.classification.is_empty()) {
            for c in &s.classification {
                columns.push((format!("{} {}", r.scheme, c.function), c));
            }
        }
    }
    let Some((_, first)) = columns.first() else {
        return Vec::new();
    };
    let mut header: Vec<(String, Align)> = vec![
        ("flag".to_string(), Align::Left),
        ("vectors".to_string(), Align::Right),
    ];
    header.extend(columns.iter().map(|(name, _)| (name.clone(), Align::Right)));
    let header_refs: Vec<(&str, Align)> = header.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    let mut table = Table::new("table-cctv", &header_refs);
    for row in &first.flags {
        let counts: Vec<usize> = columns
            .iter()
            .map(|(_, c)| c.get(&row.flag).map_or(0, |r| r.accepted))
            .collect();
        let differ = counts.iter().any(|&n| n != counts[0]);
        let mut cells = vec![row.flag.clone(), row.total.to_string()];
        cells.extend(counts.iter().map(usize::to_string));
        table.push(cells, if differ { Tone::Warn } else { Tone::Normal });
    }
    vec![
        Block::Heading {
            level: 3,
            text: "Ed25519 edge cases (C2SP CCTV): accepted per flag".into(),
            anchor: "cctv-ed25519".into(),
        },
        Block::Paragraph(
            "The CCTV vectors have no expected outcome — RFC 8032, the cofactored and \
             cofactorless equations and ZIP 215 disagree on them — so each verification \
             function is classified: how many vectors carrying each flag it accepts. \
             Rows where two columns differ (amber) are signatures some validators accept \
             and others reject: a ledger mixing them (say batch and single verification) \
             can fork."
                .into(),
        ),
        Block::Table(table),
    ]
}

/// The ECDSA low-S policy of each implementation with a declared policy.
fn low_s(records: &[ConformanceRecord]) -> Vec<Block> {
    let mut table = Table::new(
        "table-low-s",
        &[
            ("scheme", Align::Left),
            ("suite", Align::Left),
            ("policy", Align::Left),
            ("effect", Align::Left),
        ],
    );
    for r in records.iter().filter(|r| r.scheme.starts_with("ecdsa-")) {
        for s in &r.suites {
            let policy = if s.policy.is_empty() {
                "plain ECDSA (s and n − s both valid)".to_string()
            } else {
                s.policy.clone()
            };
            let effect = if s.acceptable > 0 {
                format!(
                    "{} vectors acceptable by policy; {}",
                    s.acceptable, s.reason
                )
            } else if s.failed() > 0 {
                format!("{} deviations", s.failed())
            } else {
                "agrees with every verdict of the file".to_string()
            };
            table.push(
                vec![r.scheme.clone(), s.suite.clone(), policy, effect],
                Tone::Normal,
            );
        }
    }
    if table.rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading {
            level: 3,
            text: "ECDSA low-S policy".into(),
            anchor: "ecdsa-low-s".into(),
        },
        Block::Paragraph(
            "Plain ECDSA accepts both (r, s) and (r, n − s); Bitcoin-style verifiers \
             (BIP 62/146) accept only s ≤ n/2. Validators on different policies disagree \
             on the high-S twin of every signature."
                .into(),
        ),
        Block::Table(table),
    ]
}
