//! Work split into parts, one thread each: the last part runs on the
//! calling thread, so one part starts no thread at all.

/// `work` on each part, in parallel; the results in the parts' order. A
/// part that panics (a bug) passes the panic on.
pub(super) fn in_parallel<T: Send, R: Send>(parts: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    std::thread::scope(|scope| {
        let mut parts = parts;
        let last = parts.pop();
        let work = &work;
        let helpers: Vec<_> = parts.into_iter().map(|part| scope.spawn(move || work(part))).collect();
        let last = last.map(work);
        let joined = helpers.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        joined.chain(last).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_parts_order() {
        assert_eq!(in_parallel(vec![1, 2, 3], |x| x * 10), vec![10, 20, 30]);
        assert_eq!(in_parallel(Vec::<u8>::new(), |x| x), Vec::<u8>::new());
    }

    #[test]
    #[should_panic(expected = "a bug")]
    fn a_helpers_panic_is_passed_on() {
        in_parallel(vec![1, 2], |x| if x == 1 { panic!("a bug") } else { x });
    }
}
