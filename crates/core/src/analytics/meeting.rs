//! A barrier for worker threads that each have a core, met after every
//! step of an iteration.
//!
//! Unlike `std::sync::Barrier`, a thread that unwinds from a panic breaks
//! the meeting, so the others stop waiting instead of hanging for good.
//! The last to arrive lets the others go, who spin briefly (a sleeping
//! thread takes tens of microseconds to wake, each of ~40 steps) and then
//! yield their core. Measured against `std::sync::Barrier` in the
//! PageRank at 100k people: the same within this VM's noise.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Spins before a waiting thread starts yielding its core: ~50 µs, about
/// what waking a sleeping thread costs. Spinning much longer made some runs
/// a third slower, as when the VM puts both threads on one core the
/// spinner holds up the thread it waits for.
const SPINS: u32 = 2_000;

/// Threads that meet after each step.
pub(super) struct Meeting {
    threads: usize,
    arrived: AtomicUsize,
    round: AtomicUsize,
    broken: AtomicBool,
}

/// Held by a thread while it takes part; breaks the meeting if the thread
/// panics.
pub(super) struct Attendance<'m>(&'m Meeting);

impl Drop for Attendance<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.broken.store(true, Ordering::Release);
        }
    }
}

impl Meeting {
    pub(super) fn new(threads: usize) -> Meeting {
        Meeting { threads, arrived: AtomicUsize::new(0), round: AtomicUsize::new(0), broken: AtomicBool::new(false) }
    }

    /// Taking part: keep the value alive for as long as the thread meets.
    pub(super) fn attend(&self) -> Attendance<'_> {
        Attendance(self)
    }

    /// Waits until every thread has arrived; what each wrote before is then
    /// visible to all. False when a thread panicked instead.
    pub(super) fn wait(&self) -> bool {
        let round = self.round.load(Ordering::Acquire);
        if self.arrived.fetch_add(1, Ordering::AcqRel) + 1 == self.threads {
            // Nobody arrives for the next round before this round ends.
            self.arrived.store(0, Ordering::Relaxed);
            self.round.store(round.wrapping_add(1), Ordering::Release);
            return true;
        }
        let mut spins = 0;
        while self.round.load(Ordering::Acquire) == round {
            if self.broken.load(Ordering::Acquire) {
                return false;
            }
            if spins < SPINS {
                spins += 1;
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU64;

    #[test]
    fn nobody_leaves_a_round_before_everyone_has_written_to_it() {
        let (threads, rounds) = (3, 2_000);
        let meeting = Meeting::new(threads);
        let written: Vec<AtomicU64> = (0..threads).map(|_| AtomicU64::new(0)).collect();
        std::thread::scope(|scope| {
            for t in 0..threads {
                let (meeting, written) = (&meeting, &written);
                scope.spawn(move || {
                    for round in 1..=rounds {
                        written[t].store(round, Ordering::Relaxed);
                        assert!(meeting.wait());
                        // Everyone has written this round and nobody the next.
                        assert!(written.iter().all(|w| w.load(Ordering::Relaxed) >= round));
                        assert!(meeting.wait());
                    }
                });
            }
        });
    }

    #[test]
    fn a_thread_that_panics_releases_the_others() {
        let meeting = Meeting::new(2);
        std::thread::scope(|scope| {
            let failing = scope.spawn(|| {
                let _attending = meeting.attend();
                panic!("a bug in a worker");
            });
            assert!(!meeting.wait(), "the wait must end, saying the meeting broke");
            assert!(failing.join().is_err());
        });
    }
}
