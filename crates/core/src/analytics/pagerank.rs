//! Weighted PageRank on the "listens to" graph, in pull form over the sway
//! graph's own rows: B listens to A with weight W(A,B), so A's new rank is
//! pulled along A's sway edges. Matches `networkx.pagerank(G, alpha=0.85,
//! weight="weight")`: uniform teleport, dangling mass spread uniformly.
//!
//! Each edge carries W(A,B) / (total sway B receives), computed once, so an
//! iteration is one multiply-add per edge. The loop waits on memory (the
//! rank read per link more than the stream of links), so shares are kept
//! as `f32` (8 bytes an edge with the target instead of 12): ranks move by
//! at most ~1e-7 relative (5.5e-8 on the reference fixtures, whose
//! tolerance is 1e-6).
//!
//! The rows are laid out in slices (`slices.rs`), and large graphs split
//! the slices across threads that live for the whole iteration and meet
//! after each step (`meeting.rs`).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use super::meeting::Meeting;
use super::slices::Slices;
use super::SwayGraph;

/// Damping factor.
const ALPHA: f64 = 0.85;
/// Iterate until the L1 change is below this.
const TOLERANCE: f64 = 1e-12;
/// A bound on work for pathological inputs; PageRank converges long before.
const MAX_ITERATIONS: usize = 10_000;
/// Below this much work an iteration (edges plus rows: a formal chart of
/// 100k people has only 100k edges but costs its rows) one thread is
/// faster than two.
const PARALLEL_WORK: usize = 200_000;

/// The total sway each person receives, summed over their incoming rows
/// (in the order of the swayers, as a scatter over the edges would).
fn listens(graph: &SwayGraph) -> Vec<f64> {
    (0..graph.len()).map(|b| graph.in_edges(b).map(|(_, w)| w).sum()).collect()
}

/// On an acyclic graph — a formal chart always is one — the ranks in one
/// pass instead of iterations (a chart of 100k people took 97). The
/// teleport and the dangling mass reach everyone equally, so the fixed
/// point is c·y where y = α·P·y + 1 and c makes the total 1; y is solved
/// from the people who sway nobody upwards, each once all the people they
/// sway are done. This is the fixed point itself, which the iteration only
/// approaches. `None` when the graph has a cycle (found cheaply: the
/// solve then stops at the first person whose links lead back).
fn acyclic_rank(graph: &SwayGraph, listens: &[f64]) -> Option<Vec<f64>> {
    let n = graph.len();
    let mut waiting: Vec<usize> = (0..n).map(|a| graph.edge_range(a).len()).collect();
    let mut ready: Vec<usize> = (0..n).filter(|&a| waiting[a] == 0).collect();
    let mut y = vec![0.0f64; n];
    let mut solved = 0;
    while let Some(a) = ready.pop() {
        solved += 1;
        let pulled: f64 = graph.out_edges(a).map(|(b, w)| y[b] * w / listens[b]).sum();
        y[a] = ALPHA * pulled + 1.0;
        for (swayer, _) in graph.in_edges(a) {
            waiting[swayer] -= 1;
            if waiting[swayer] == 0 {
                ready.push(swayer);
            }
        }
    }
    (solved == n).then(|| normalised(y))
}

/// The influence rank of every node, summing to 1.
pub fn influence_rank(graph: &SwayGraph) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let listens = listens(graph);
    if let Some(rank) = acyclic_rank(graph, &listens) {
        return rank;
    }
    let threads = if graph.edge_count() + n >= PARALLEL_WORK {
        std::thread::available_parallelism().map_or(1, usize::from).min(8)
    } else {
        1
    };
    let slices = Slices::new(graph, &listens, threads);
    let ranks = iterate(&slices, n);
    let mut rank = vec![0.0; n];
    for (&a, r) in slices.people.iter().zip(ranks) {
        rank[a as usize] = r;
    }
    normalised(rank)
}

/// The ranks by position: the power iteration on one thread per part of
/// the slices; the threads live for the whole iteration and meet after
/// each step (starting two threads for every step cost ~0.13 ms a step).
/// The ranks are atomics so that the threads share them without `unsafe`:
/// relaxed loads and stores are plain moves, and the meeting orders them.
fn iterate(slices: &Slices, n: usize) -> Vec<f64> {
    let threads = slices.parts.len();
    let uniform = 1.0 / n as f64;
    let f64s = |v: f64| (0..n).map(|_| AtomicU64::new(v.to_bits())).collect::<Vec<_>>();
    let buffers = [f64s(uniform), f64s(0.0)];
    // Each thread's change, one set per parity of the step: a thread may
    // start the next step while another still reads this one's.
    let changes: [Vec<AtomicU64>; 2] = std::array::from_fn(|_| (0..threads).map(|_| AtomicU64::new(0)).collect());
    let meeting = Meeting::new(threads);
    let get = |v: &[AtomicU64], i: usize| f64::from_bits(v[i].load(Relaxed));
    let work = |t: usize| -> usize {
        let _attending = meeting.attend();
        for step in 0..MAX_ITERATIONS {
            let (rank, next) = (&buffers[step % 2], &buffers[(step + 1) % 2]);
            let dangling: f64 = slices.dangling.iter().map(|&b| get(rank, b as usize)).sum();
            let base = (ALPHA * dangling + (1.0 - ALPHA)) * uniform;
            let mut change = 0.0;
            for k in slices.parts[t].clone() {
                let pulled = slices.pulled(k, |b| get(rank, b));
                for (i, p) in slices.rows(k).zip(pulled) {
                    let new = ALPHA * p + base;
                    change += (new - get(rank, i)).abs();
                    next[i].store(new.to_bits(), Relaxed);
                }
            }
            changes[step % 2][t].store(change.to_bits(), Relaxed);
            if !meeting.wait() {
                return step + 1;
            }
            // Every thread adds the same numbers in the same order, so all
            // stop at the same step.
            let change: f64 = changes[step % 2].iter().map(|c| f64::from_bits(c.load(Relaxed))).sum();
            if change < TOLERANCE || change.is_nan() {
                return step + 1;
            }
        }
        MAX_ITERATIONS
    };
    let steps = std::thread::scope(|scope| {
        let work = &work;
        let helpers: Vec<_> = (1..threads).map(|t| scope.spawn(move || work(t))).collect();
        let steps = work(0);
        // A helper only panics on a bug; the meeting then breaks up and
        // the ranks are those of the step it stopped at.
        helpers.into_iter().for_each(|h| drop(h.join()));
        steps
    });
    buffers[steps % 2].iter().map(|r| f64::from_bits(r.load(Relaxed))).collect()
}

/// `f32` shares make each column sum to 1 only within ~1e-7: restore the
/// total so the ranks remain shares of all influence.
fn normalised(mut rank: Vec<f64>) -> Vec<f64> {
    let total: f64 = rank.iter().sum();
    if total > 0.0 {
        rank.iter_mut().for_each(|r| *r /= total);
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize, f64)]) -> SwayGraph {
        SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges.to_vec())
    }

    #[test]
    fn ranks_sum_to_one_and_the_swayer_ranks_higher() {
        let r = influence_rank(&graph(3, &[(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.1)]));
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(r[0] > r[1] && r[0] > r[2]);
    }

    #[test]
    fn without_edges_everyone_ranks_the_same() {
        let r = influence_rank(&graph(4, &[]));
        assert!(r.iter().all(|&x| (x - 0.25).abs() < 1e-15));
    }

    #[test]
    fn the_threaded_path_gives_the_same_ranks() {
        // Enough edges to take the threaded path, cycles, rows of 0 to 12
        // links and a number of people that fills no last slice.
        let n = 30_003;
        let edges: Vec<(usize, usize, f64)> =
            (0..n).flat_map(|i| (1..=(i * 7) % 13).map(move |k| (i, (i * k + 7) % n, 0.07 * k as f64))).collect();
        let g = graph(n, &edges);
        assert!(g.edge_count() + n >= PARALLEL_WORK);
        assert_eq!(acyclic_rank(&g, &listens(&g)), None, "the graph must take the iteration");
        let (threaded, rank) = (influence_rank(&g), iterated(&g));
        // The change is summed per part, so the last step may differ: the
        // ranks agree to within the tolerance.
        let worst = threaded.iter().zip(&rank).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        assert!(worst < TOLERANCE, "threaded and single-threaded ranks differ by {worst}");
        assert!(rank.iter().any(|&r| r > 2.0 / n as f64), "the ranks must differ from person to person");
    }

    /// A forest of reporting lines: each person but the roots has one
    /// manager, who sways them with 0.5; a few also sway a second person.
    fn chart(n: usize, extra: usize) -> SwayGraph {
        let mut edges: Vec<(usize, usize, f64)> =
            (1..n).filter(|i| i % 50 != 0).map(|i| ((i * 48_271) % 65_537 % i, i, 0.5)).collect();
        // Extra links from a lower number to a higher keep the graph acyclic.
        edges.extend((0..extra).map(|k| ((k * 31) % (n / 2), n / 2 + (k * 17) % (n / 2), 0.1 + (k % 7) as f64 / 10.0)));
        graph(n, &edges)
    }

    /// The iteration as written in the definition, row by row on one
    /// thread, with the same `f32` shares.
    fn iterated(g: &SwayGraph) -> Vec<f64> {
        let n = g.len();
        let listens = listens(g);
        let mut rank = vec![1.0 / n as f64; n];
        loop {
            let dangling: f64 = (0..n).filter(|&b| listens[b] <= 0.0).map(|b| rank[b]).sum();
            let base = (ALPHA * dangling + (1.0 - ALPHA)) / n as f64;
            let next: Vec<f64> = (0..n)
                .map(|a| {
                    let pulled: f64 = g.out_edges(a).map(|(b, w)| rank[b] * f64::from((w / listens[b]) as f32)).sum();
                    ALPHA * pulled + base
                })
                .collect();
            let change: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
            rank = next;
            if change < TOLERANCE {
                return normalised(rank);
            }
        }
    }

    #[test]
    fn an_acyclic_graph_is_solved_in_one_pass_to_the_iterations_fixed_point() {
        for g in [chart(3_000, 0), chart(3_000, 400)] {
            let exact = acyclic_rank(&g, &listens(&g)).unwrap();
            let approached = iterated(&g);
            let worst = exact.iter().zip(&approached).map(|(a, b)| ((a - b) / b).abs()).fold(0.0, f64::max);
            // The iteration's f32 shares keep it within ~1e-7 of the fixed point.
            assert!(worst < 2e-7, "one pass and the iteration differ by {worst:e} relative");
            assert!((exact.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            assert_eq!(influence_rank(&g), exact);
        }
    }

    #[test]
    fn a_cycle_is_left_to_the_iteration() {
        let g = graph(4, &[(0, 1, 0.5), (1, 2, 0.5), (2, 0, 0.5), (3, 0, 0.9)]);
        assert_eq!(acyclic_rank(&g, &listens(&g)), None);
        let r = influence_rank(&g);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-12 && r[0] > r[3]);
    }
}
