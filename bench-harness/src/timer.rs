//! Cycle counter (x86_64 TSC) and its frequency.
//!
//! Reads are serialised so the counter brackets exactly the timed code:
//! [`cycles_start`] is `lfence; rdtsc` (earlier instructions finish before the
//! read) and [`cycles_end`] is `rdtscp; lfence` (the timed code finishes before
//! the read, later code does not start before it). [`counter`] says what the
//! counter is, including whether the CPU reports an invariant TSC (constant
//! rate across frequency changes and idle states), for `run.json`.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The time-stamp counter before a timed region, where the CPU has one.
#[inline(always)]
pub fn cycles_start() -> Option<u64> {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `lfence` and `rdtsc` exist on every x86_64 CPU (SSE2 is part
        // of the baseline) and have no memory effects.
        unsafe {
            core::arch::x86_64::_mm_lfence();
            Some(core::arch::x86_64::_rdtsc())
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        None
    }
}

/// The time-stamp counter after a timed region, where the CPU has one.
#[inline(always)]
pub fn cycles_end() -> Option<u64> {
    #[cfg(target_arch = "x86_64")]
    {
        if !has_rdtscp() {
            return cycles_start();
        }
        let mut aux = 0u32;
        // SAFETY: `rdtscp` is present (checked by CPUID above); `lfence`
        // exists on every x86_64 CPU; neither touches memory but `aux`.
        unsafe {
            let t = core::arch::x86_64::__rdtscp(&mut aux);
            core::arch::x86_64::_mm_lfence();
            Some(t)
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        None
    }
}

/// The counter now (unserialised), for calibration.
#[inline(always)]
pub fn cycles() -> Option<u64> {
    cycles_start()
}

/// CPUID leaf 0x8000_0001 EDX bit 27: `rdtscp` is available.
#[cfg(target_arch = "x86_64")]
fn has_rdtscp() -> bool {
    static HAS: OnceLock<bool> = OnceLock::new();
    *HAS.get_or_init(|| extended_cpuid(0x8000_0001).is_some_and(|edx| edx & (1 << 27) != 0))
}

/// EDX of an extended CPUID leaf, when the CPU has that leaf.
#[cfg(target_arch = "x86_64")]
fn extended_cpuid(leaf: u32) -> Option<u32> {
    // `cpuid` exists on every x86_64 CPU; the highest extended leaf is
    // checked before `leaf` is read.
    let max = core::arch::x86_64::__cpuid(0x8000_0000).eax;
    (max >= leaf).then(|| core::arch::x86_64::__cpuid(leaf).edx)
}

/// Whether the CPU reports an invariant TSC (CPUID 0x8000_0007 EDX bit 8);
/// `None` without a TSC.
pub fn tsc_invariant() -> Option<bool> {
    #[cfg(target_arch = "x86_64")]
    {
        Some(extended_cpuid(0x8000_0007).is_some_and(|edx| edx & (1 << 8) != 0))
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        None
    }
}

/// What the cycle columns count, for provenance.
pub fn counter() -> String {
    #[cfg(target_arch = "x86_64")]
    {
        let end = if has_rdtscp() {
            "rdtscp; lfence"
        } else {
            "lfence; rdtsc"
        };
        let rate = match tsc_invariant() {
            Some(true) => "invariant TSC (constant rate, reference cycles, not core clock cycles)",
            _ => "TSC not reported invariant: its rate may follow frequency changes",
        };
        format!("x86_64 time-stamp counter read with lfence; rdtsc … {end}; {rate}")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        "none (no cycle counter on this architecture)".to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn serialised_reads_bracket_work_and_the_counter_is_described() {
        let c0 = cycles_start().expect("TSC");
        std::hint::black_box((0..1000u64).sum::<u64>());
        let c1 = cycles_end().expect("TSC");
        assert!(c1 > c0);
        let what = counter();
        assert!(what.contains("time-stamp counter"), "{what}");
        assert!(what.contains("invariant"), "{what}");
        assert!(tsc_invariant().is_some());
    }
}
