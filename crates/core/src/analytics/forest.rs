//! The forest of strongest swayers, which the PageRank solves exactly at
//! every step instead of iterating over it (`pagerank.rs`).
//!
//! Each person keeps the one link from whoever sways them most among the
//! people before them in the graph (in a chart imported manager first, that
//! is mostly their manager; in another order fewer links help, and the
//! ranks are the same). Links that only go forward cannot form a loop, and
//! a step can take the rank a person pulls along them from the new ranks of
//! the people they sway, last person first. Rank then climbs a whole
//! reporting line in one step instead of one link a step.
//!
//! With several threads, each solves its own group of whole trees, so
//! that no thread waits for another's new ranks: the forest is cut below
//! the few people who head very large trees ("the top"), whose links are
//! left to the iteration, and the trees below the cut are dealt to the
//! threads, largest first, each to the one with the least work so far.

use super::parts::in_parallel;
use super::SwayGraph;

/// No strongest swayer: a root of the forest.
pub(super) const ROOT: u32 = u32::MAX;

/// Trees with more than a thread's share of the work divided by this are
/// cut below their head. At 100k generated people on two threads the
/// PageRank then takes 24 steps, as uncut; cut at 16 it took 25, at 64 27.
const CUT: usize = 4;

/// What one pass over each person's incoming links gives.
pub(super) struct Incoming {
    /// The total sway each person receives, summed in the order of the
    /// swayers.
    pub(super) listens: Vec<f64>,
    /// Each person's strongest swayer among the people before them (the
    /// first of equals), or `ROOT`.
    swayer: Vec<u32>,
    /// The sway of the link from that swayer.
    weight: Vec<f64>,
}

impl Incoming {
    /// The pass, the people split among `threads` threads.
    pub(super) fn new(graph: &SwayGraph, threads: usize) -> Incoming {
        let n = graph.len();
        let (mut listens, mut swayer, mut weight) = (vec![0.0; n], vec![ROOT; n], vec![0.0; n]);
        let chunk = n.div_ceil(threads.max(1)).max(1);
        let parts = listens.chunks_mut(chunk).zip(swayer.chunks_mut(chunk)).zip(weight.chunks_mut(chunk));
        let (sources, weights) = (graph.in_sources(), graph.in_weights());
        in_parallel(parts.enumerate().collect(), |(p, ((listens, swayer), weight))| {
            for (i, listens) in listens.iter_mut().enumerate() {
                let b = p * chunk + i;
                let range = graph.in_range(b);
                // Without branches: which link is the strongest is not for
                // the processor to guess.
                let (mut total, mut best, mut most) = (0.0, ROOT, 0.0);
                for (&a, &w) in sources[range.clone()].iter().zip(&weights[range]) {
                    total += w;
                    let stronger = ((a as usize) < b) & (w > most);
                    best = if stronger { a } else { best };
                    most = if stronger { w } else { most };
                }
                (*listens, swayer[i], weight[i]) = (total, best, most);
            }
        });
        Incoming { listens, swayer, weight }
    }
}

/// The strongest swayers' links each thread solves, and which thread each
/// person belongs to.
pub(super) struct Forest {
    /// The total sway each person receives.
    pub(super) listens: Vec<f64>,
    /// Each person's strongest swayer before them, or `ROOT`.
    pub(super) swayer: Vec<u32>,
    /// The sway of the link from that swayer.
    pub(super) weight: Vec<f64>,
    /// Whether the link to the swayer is solved each step (false: it is
    /// left to the iteration, like any other link).
    solved: Vec<bool>,
    /// The group of each person: the thread whose rows they are.
    pub(super) group: Vec<u32>,
}

impl Forest {
    /// The forest of the strongest swayers in `graph`, in `groups` groups
    /// of about equal work.
    pub(super) fn new(graph: &SwayGraph, incoming: Incoming, groups: usize) -> Forest {
        let n = graph.len();
        let Incoming { listens, swayer, weight } = incoming;
        // Each tree's work (people and links), gathered last person first.
        let mut work: Vec<u64> = (0..n).map(|a| graph.edge_range(a).len() as u64 + 1).collect();
        for b in (0..n).rev() {
            if swayer[b] != ROOT {
                work[swayer[b] as usize] += work[b];
            }
        }
        let total = work.iter().enumerate().filter(|&(b, _)| swayer[b] == ROOT).map(|(_, &w)| w).sum::<u64>();
        let limit = if groups > 1 { total / (groups * CUT) as u64 } else { u64::MAX };
        let top = |a: u32| a != ROOT && work[a as usize] > limit;
        let solved: Vec<bool> = swayer.iter().map(|&a| a != ROOT && !top(a)).collect();
        // Whole trees below the cut, largest first, each to the group with
        // the least work so far; then the people at the top, one by one.
        let mut trees: Vec<usize> = (0..n).filter(|&b| !solved[b] && !top(b as u32)).collect();
        trees.sort_by_key(|&b| std::cmp::Reverse(work[b]));
        let mut load = vec![0u64; groups.max(1)];
        let mut lightest = |w: u64| {
            let g = (0..load.len()).min_by_key(|&g| load[g]).unwrap_or(0);
            load[g] += w;
            g as u32
        };
        let mut group = vec![0u32; n];
        for b in trees {
            group[b] = lightest(work[b]);
        }
        for b in (0..n).filter(|&b| top(b as u32)) {
            group[b] = lightest(graph.edge_range(b).len() as u64 + 1);
        }
        // Everyone else with their swayer, who comes before them.
        for b in (0..n).filter(|&b| solved[b]) {
            group[b] = group[swayer[b] as usize];
        }
        Forest { listens, swayer, weight, solved, group }
    }

    /// Whether the link a→b is solved each step rather than iterated.
    #[cfg(test)]
    pub(super) fn holds(&self, a: usize, b: usize) -> bool {
        self.solved[b] && self.swayer[b] == a as u32
    }

    /// The swayer whose link to `b` is solved, or `ROOT`.
    #[inline]
    pub(super) fn solved_swayer(&self, b: usize) -> u32 {
        if self.solved[b] {
            self.swayer[b]
        } else {
            ROOT
        }
    }

    /// The people whose link to their swayer is solved, last first: each
    /// after everyone they sway most.
    pub(super) fn solved_last_first(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (0..self.swayer.len()).rev().filter(|&b| self.solved[b]).map(|b| (b, self.swayer[b] as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize, f64)]) -> SwayGraph {
        SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges.to_vec())
    }

    #[test]
    fn each_person_keeps_their_strongest_swayer_before_them() {
        // 2 is swayed by 1 (0.9) and 3 (0.95, but after 2); 1 by 0, given twice.
        let g = graph(
            5,
            &[(0, 1, 0.3), (0, 1, 0.2), (1, 0, 0.7), (1, 2, 0.9), (3, 2, 0.95), (2, 3, 0.4), (0, 4, 0.5), (1, 4, 0.5)],
        );
        let forest = Forest::new(&g, Incoming::new(&g, 1), 1);
        assert_eq!(forest.swayer, vec![ROOT, 0, 1, 2, 0]);
        assert!((forest.weight[1] - 0.44).abs() < 1e-15, "the two merged: 1 − 0.7 × 0.8");
        assert!(forest.holds(1, 2) && !forest.holds(3, 2) && !forest.holds(1, 0));
        assert_eq!(forest.solved_last_first().collect::<Vec<_>>(), vec![(4, 0), (3, 2), (2, 1), (1, 0)]);
        assert!(forest.group.iter().all(|&g| g == 0));
    }

    #[test]
    fn groups_hold_whole_trees_below_the_cut_and_share_the_work() {
        // A tree of 1,100 people, each swayed by (b − 1) / 3, and every
        // third person also sways someone further on or back.
        let n = 1_100;
        let mut edges: Vec<(usize, usize, f64)> = (1..n).map(|b| ((b - 1) / 3, b, 0.5)).collect();
        edges.extend((0..n).step_by(3).map(|b| (b, (b * 7 + 5) % n, 0.2)));
        let g = graph(n, &edges);
        let forest = Forest::new(&g, Incoming::new(&g, 2), 2);
        for (b, a) in forest.solved_last_first() {
            assert_eq!(forest.group[a], forest.group[b], "{a} → {b} crosses groups");
        }
        // Cut: only the links from the few people who head large trees.
        let cut = (1..n).filter(|&b| !forest.holds((b - 1) / 3, b)).count();
        assert!(cut > 0 && cut < n / 8, "{cut} links cut");
        let work =
            |group: u32| (0..n).filter(|&b| forest.group[b] == group).map(|b| g.edge_range(b).len() + 1).sum::<usize>();
        let (w0, w1) = (work(0), work(1));
        assert!(w0.abs_diff(w1) * 10 < w0 + w1, "work {w0} against {w1}");
    }
}
