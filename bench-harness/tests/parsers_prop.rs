//! Property tests of the parsers that read user input: workload profiles
//! (TOML), `results.jsonl`, scheme globs and the operation, family and
//! partition names. No input panics, and every error names the file and line
//! or the offending token. Case counts are modest so the suite runs in seconds.

use std::path::Path;

use proptest::prelude::*;

use ledgerbench_core::testing::{ToyHash, ToyKem, ToySig};
use ledgerbench_harness::Registry;
use ledgerbench_harness::dynamic::{HashEntry, KemEntry, SigEntry};
use ledgerbench_harness::plan::{parse_family, parse_op, parse_partition};
use ledgerbench_harness::results::JsonLines;
use ledgerbench_harness::workload::profile::{BUILTIN, Profile};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 128,
        ..ProptestConfig::default()
    }
}

/// One edit of a profile's text.
#[derive(Clone, Debug)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    InsertLine(usize, String),
    Truncate(usize),
    ReplaceByte(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), "[ -~]{0,40}").prop_map(|(i, s)| Edit::InsertLine(i, s)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::ReplaceByte(i, b)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match edit {
        Edit::DeleteLine(i) => {
            if !lines.is_empty() {
                lines.remove(i % n);
            }
        }
        Edit::DuplicateLine(i) => {
            if !lines.is_empty() {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
        }
        Edit::InsertLine(i, s) => lines.insert(i % (lines.len() + 1), s.clone()),
        Edit::Truncate(i) => {
            let mut bytes = text.as_bytes().to_vec();
            bytes.truncate(i % (bytes.len() + 1));
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        Edit::ReplaceByte(i, b) => {
            let mut bytes = text.as_bytes().to_vec();
            if !bytes.is_empty() {
                let at = i % bytes.len();
                bytes[at] = *b;
            }
            return String::from_utf8_lossy(&bytes).into_owned();
        }
    }
    lines.join("\n") + "\n"
}

/// An error of `Profile::parse(.., "p.toml")` names the file, and a line
/// number it cites is within the text.
fn check_profile_error(text: &str, err: &str) {
    assert!(err.starts_with("p.toml:"), "{err}");
    let rest = &err["p.toml:".len()..];
    if let Some((line, _)) = rest.split_once(':')
        && let Ok(line) = line.parse::<usize>()
    {
        assert!(
            line >= 1 && line <= text.lines().count() + 1,
            "line {line} out of range: {err}"
        );
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_parses_or_fails_naming_the_file(text in "\\PC{0,300}") {
        if let Err(e) = Profile::parse(&text, "p.toml") {
            check_profile_error(&text, &e.to_string());
        }
    }

    #[test]
    fn edited_builtin_profiles_never_panic(
        which in 0..BUILTIN.len(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let mut text = BUILTIN[which].1.to_string();
        for e in &edits {
            text = apply(&text, e);
        }
        match Profile::parse(&text, "p.toml") {
            Ok(p) => {
                // A profile that parses gives counts that sum to the block.
                let counts = p.counts(p.ledger.block_txs.min(1 << 20));
                prop_assert_eq!(counts.iter().sum::<usize>(), p.ledger.block_txs.min(1 << 20));
            }
            Err(e) => check_profile_error(&text, &e.to_string()),
        }
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line(which in 0..BUILTIN.len(), pick in any::<usize>(), key in "zz[a-z]{1,8}") {
        let text = BUILTIN[which].1;
        // Right after the top of the file or a [ledger] / [[tx]] header.
        let anchors: Vec<usize> = std::iter::once(0)
            .chain(text.lines().enumerate().filter(|(_, l)| {
                let l = l.trim();
                l == "[ledger]" || l == "[[tx]]"
            }).map(|(i, _)| i + 1))
            .collect();
        let at = anchors[pick % anchors.len()];
        let mut lines: Vec<&str> = text.lines().collect();
        let inserted = format!("{key} = 1");
        lines.insert(at, &inserted);
        let edited = lines.join("\n");
        let err = Profile::parse(&edited, "p.toml").expect_err("unknown key").to_string();
        prop_assert!(err.starts_with(&format!("p.toml:{}:", at + 1)), "{}", err);
        prop_assert!(err.contains(&key), "{}", err);
    }

    #[test]
    fn any_bytes_read_as_results_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let lines = JsonLines::parse(Path::new("r.jsonl"), &bytes);
        let count = bytes.split(|b| *b == b'\n').count();
        for bad in &lines.bad {
            prop_assert!(bad.number >= 1 && bad.number <= count);
        }
        for p in lines.problems() {
            prop_assert!(p.starts_with("r.jsonl: line "), "{}", p);
        }
        prop_assert!(lines.complete_len <= bytes.len() as u64);
    }

    #[test]
    fn a_corrupt_line_costs_only_itself(
        n in 2usize..8,
        corrupt in any::<usize>(),
        // Not blank: a whitespace-only line is skipped as empty, not corrupt.
        garbage in "[^\\n{}]{0,15}[^\\s{}][^\\n{}]{0,15}",
        cut in any::<usize>(),
    ) {
        let records: Vec<String> = (0..n)
            .map(|i| serde_json::json!({"kind": "measurement", "key": format!("k{i}"), "status": "ok"}).to_string())
            .collect();
        let corrupt = corrupt % n;
        let mut text = String::new();
        for (i, r) in records.iter().enumerate() {
            text.push_str(if i == corrupt { &garbage } else { r });
            text.push('\n');
        }
        // Then a torn tail: part of one more record.
        let extra = serde_json::json!({"key": "tail"}).to_string();
        text.push_str(&extra[..cut % extra.len()]);
        let lines = JsonLines::parse(Path::new("r.jsonl"), text.as_bytes());
        let keys: Vec<String> = lines.lines.iter().filter_map(|l| l.key().map(str::to_string)).collect();
        let want: Vec<String> = (0..n).filter(|i| *i != corrupt).map(|i| format!("k{i}")).collect();
        prop_assert_eq!(keys, want);
        prop_assert_eq!(lines.bad.len(), 1);
        prop_assert_eq!(lines.bad[0].number, corrupt + 1);
        prop_assert_eq!(lines.torn.is_some(), cut % extra.len() > 0);
    }

    #[test]
    fn scheme_patterns_never_panic_and_errors_quote_them(pattern in "\\PC{0,24}") {
        let mut registry = Registry::new();
        registry
            .extend([
                SigEntry::<ToySig>::new().into_entry(),
                HashEntry::<ToyHash>::entry(),
                KemEntry::<ToyKem>::entry(),
            ])
            .expect("unique");
        if let Err(e) = registry.select(std::slice::from_ref(&pattern)) {
            prop_assert!(e.to_string().contains(&format!("`{pattern}`")), "{}", e);
        }
    }

    #[test]
    fn names_and_partitions_never_panic_and_errors_quote_them(text in "\\PC{0,16}") {
        if let Err(e) = parse_op(&text) {
            prop_assert!(e.to_string().contains(&format!("`{text}`")), "{}", e);
        }
        if let Err(e) = parse_family(&text) {
            prop_assert!(e.to_string().contains(&format!("`{text}`")), "{}", e);
        }
        match parse_partition(&text) {
            Ok((k, n)) => prop_assert!(1 <= k && k <= n),
            Err(e) => prop_assert!(e.to_string().contains(&format!("`{text}`")), "{}", e),
        }
    }
}
