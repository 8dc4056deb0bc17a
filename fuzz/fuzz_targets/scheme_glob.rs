//! Scheme globs and operation, family and partition names: no input panics;
//! every error quotes the offending text.
#![no_main]

use ledgerbench_harness::Registry;
use ledgerbench_harness::dynamic::{HashEntry, SigEntry};
use ledgerbench_harness::plan::{parse_family, parse_op, parse_partition};
use ledgerbench_harness::testing::{ToyHash, ToySig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut registry = Registry::new();
    registry
        .extend([
            SigEntry::<ToySig>::new().into_entry(),
            HashEntry::<ToyHash>::entry(),
        ])
        .expect("unique ids");
    let quoted = format!("`{text}`");
    if let Err(e) = registry.select(std::slice::from_ref(&text)) {
        assert!(e.to_string().contains(&quoted), "{e}");
    }
    for err in [
        parse_op(&text).err(),
        parse_family(&text).err(),
        parse_partition(&text).err(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(err.to_string().contains(&quoted), "{err}");
    }
});
