//! The background analysis: broker scores run on a worker thread while the
//! window stays live; the window polls their progress and may cancel them.
//! A new run cancels the one before. Tauri-free.

use std::sync::{Arc, Mutex};

use greychart_core::analytics::{broker_report, BrokerScores, Progress, SwayGraph};
use greychart_core::transport::AnalysisProgress;

/// The current (or last) background run.
#[derive(Default)]
pub struct Analyses {
    current: Mutex<Option<Arc<Progress>>>,
}

impl Analyses {
    /// Starts following a new run, cancelling the previous one.
    pub fn begin(&self) -> Arc<Progress> {
        let progress = Arc::new(Progress::new());
        if let Ok(mut current) = self.current.lock() {
            if let Some(previous) = current.replace(progress.clone()) {
                previous.cancel();
            }
        }
        progress
    }

    /// Cancels the current run, if any.
    pub fn cancel(&self) {
        if let Ok(current) = self.current.lock() {
            if let Some(run) = current.as_ref() {
                run.cancel();
            }
        }
    }

    /// How far the current run has got.
    pub fn progress(&self) -> AnalysisProgress {
        let run = self.current.lock().ok().and_then(|c| c.clone());
        match run {
            Some(run) => {
                let (done, total) = run.counts();
                AnalysisProgress {
                    done: done as u32,
                    total: total as u32,
                    running: done < total && !run.is_cancelled(),
                }
            }
            None => AnalysisProgress { done: 0, total: 0, running: false },
        }
    }
}

/// Broker scores of `graph` on every core; `None` when cancelled.
pub fn broker_scores(graph: &SwayGraph, progress: &Progress) -> Option<BrokerScores> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    broker_report(graph, threads, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_run_cancels_the_previous_and_progress_follows_the_current() {
        let analyses = Analyses::default();
        assert_eq!(analyses.progress(), AnalysisProgress { done: 0, total: 0, running: false });
        let first = analyses.begin();
        let second = analyses.begin();
        assert!(first.is_cancelled() && !second.is_cancelled());
        let graph = SwayGraph::from_edges(vec!["a".into(), "b".into(), "c".into()], vec![(0, 1, 0.5), (1, 2, 0.5)]);
        let scores = broker_scores(&graph, &second).map(|s| s.scores.iter().map(|b| b.broker).collect::<Vec<_>>());
        assert_eq!(scores, Some(vec![0.0, 0.5, 0.0]));
        assert_eq!(analyses.progress(), AnalysisProgress { done: 3, total: 3, running: false });
        let third = analyses.begin();
        analyses.cancel();
        assert_eq!(broker_scores(&graph, &third), None);
    }
}
