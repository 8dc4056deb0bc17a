//! `results.jsonl` reader: no input panics; every problem names file and line.
#![no_main]

use std::path::Path;

use ledgerbench_harness::results::JsonLines;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = JsonLines::parse(Path::new("r.jsonl"), data);
    assert!(lines.complete_len <= data.len() as u64);
    for p in lines.problems() {
        assert!(p.starts_with("r.jsonl: line "), "{p}");
    }
});
