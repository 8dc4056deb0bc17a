//! Workload profile TOML: no input panics; an error names the file, and a
//! profile that parses divides its blocks exactly.
#![no_main]

use ledgerbench_harness::workload::profile::Profile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Profile::parse(&text, "fuzz.toml") {
        Ok(p) => {
            let block = p.ledger.block_txs.min(1 << 20);
            assert_eq!(p.counts(block).iter().sum::<usize>(), block);
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.toml"), "{e}"),
    }
});
