//! Timing helpers the load-generator benchmarks share (`#[path = "shared/timing.rs"] mod
//! timing;`): a duration in ms, this thread's CPU time, and percentiles. In a folder of its own,
//! so that Cargo does not take it for a benchmark.

#![allow(dead_code)] // each benchmark uses what it needs

use std::time::Duration;

/// `d` in milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// CPU time this thread has used: the work's own, without the time the scheduler gave other
/// processes on this machine's two cores (a shared machine's p99 is mostly theirs).
pub fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to; the clock id is a constant Linux knows.
    unsafe {
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t);
    }
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// (p50, p99, max) of `times` in ms, sorting them.
pub fn percentiles(times: &mut [f64]) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    (at(0.5), at(0.99), times[times.len() - 1])
}
