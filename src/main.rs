//! The `ledgerbench` command line.
#![forbid(unsafe_code)]

use ledgerbench_harness::alloc::CountingAllocator;

/// Counts allocations so records carry heap use per operation.
#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn main() {
    std::process::exit(ledgerbench::cli::run_with(ledgerbench::registry()));
}
