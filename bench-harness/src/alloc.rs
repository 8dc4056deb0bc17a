//! A counting global allocator: peak heap bytes and allocations per operation.
//!
//! The binary installs it (`#[global_allocator] static A: CountingAllocator =
//! CountingAllocator;`). Counting is switched on only inside [`count_allocations`], so the
//! timed loops pay one relaxed atomic load per allocation and nothing more.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicU64, Ordering::Relaxed};

use serde::{Deserialize, Serialize};

static ENABLED: AtomicBool = AtomicBool::new(false);
static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);
/// Serialises measurements: the counters are process-wide.
static MEASURING: Mutex<()> = Mutex::new(());

/// Wraps the system allocator, counting while a measurement is active.
pub struct CountingAllocator;

impl CountingAllocator {
    fn grew(size: usize) {
        ALLOCATIONS.fetch_add(1, Relaxed);
        let now = CURRENT.fetch_add(size as isize, Relaxed) + size as isize;
        PEAK.fetch_max(now, Relaxed);
    }
}

// SAFETY: every method forwards to `System` unchanged; counting has no effect
// on the memory handed out.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if ENABLED.load(Relaxed) {
            Self::grew(layout.size());
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if ENABLED.load(Relaxed) {
            Self::grew(layout.size());
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ENABLED.load(Relaxed) {
            CURRENT.fetch_sub(layout.size() as isize, Relaxed);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if ENABLED.load(Relaxed) {
            CURRENT.fetch_sub(layout.size() as isize, Relaxed);
            Self::grew(new_size);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Heap use of one measured call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocStats {
    /// Allocations (including reallocations) made.
    pub allocations: u64,
    /// Highest heap growth above the level at the start, in bytes.
    pub peak_bytes: u64,
}

/// Runs `f` with counting on. Returns `None` for the stats when the counting
/// allocator is not installed as the global allocator.
pub fn count_allocations<R>(f: impl FnOnce() -> R) -> (R, Option<AllocStats>) {
    let _guard = MEASURING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    ALLOCATIONS.store(0, Relaxed);
    CURRENT.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    ENABLED.store(true, Relaxed);
    let probe = std::hint::black_box(Box::new(0u8));
    let installed = ALLOCATIONS.load(Relaxed) > 0;
    drop(probe);
    ALLOCATIONS.store(0, Relaxed);
    CURRENT.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    let result = f();
    ENABLED.store(false, Relaxed);
    let stats = installed.then(|| AllocStats {
        allocations: ALLOCATIONS.load(Relaxed),
        peak_bytes: PEAK.load(Relaxed).max(0) as u64,
    });
    (result, stats)
}

/// Peak resident set size of this process so far (Linux `VmHWM`), in bytes.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
