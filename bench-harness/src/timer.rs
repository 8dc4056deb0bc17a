//! Cycle counter (x86_64 TSC) and its frequency.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The time-stamp counter now, where the CPU has one we can read.
#[inline(always)]
pub fn cycles() -> Option<u64> {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `rdtsc` is available on every x86_64 CPU and has no memory effects.
        Some(unsafe { core::arch::x86_64::_rdtsc() })
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        None
    }
}

/// TSC ticks per second, calibrated once against the monotonic clock over
/// 50 ms. `None` without a TSC.
pub fn tsc_hz() -> Option<f64> {
    static HZ: OnceLock<Option<f64>> = OnceLock::new();
    *HZ.get_or_init(|| {
        let c0 = cycles()?;
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_millis(50) {
            std::hint::spin_loop();
        }
        let c1 = cycles()?;
        Some((c1 - c0) as f64 / t0.elapsed().as_secs_f64())
    })
}
