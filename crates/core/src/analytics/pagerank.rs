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
//! The fixed point is approached faster than by the power iteration: a
//! step pulls along each person's link to their strongest swayer from the
//! new ranks (`forest.rs`), so rank climbs a reporting line in one step
//! (at 100k generated people, 24 steps instead of 42). The rows are laid
//! out in slices (`slices.rs`), and large graphs split them across threads
//! that live for the whole iteration and meet after each step
//! (`meeting.rs`).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use super::forest::{Forest, Incoming};
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
    ranked(graph).0
}

/// The ranks and the steps taken (0 when solved in one pass).
fn ranked(graph: &SwayGraph) -> (Vec<f64>, usize) {
    let n = graph.len();
    if n == 0 {
        return (Vec::new(), 0);
    }
    let threads = if graph.edge_count() + n >= PARALLEL_WORK {
        std::thread::available_parallelism().map_or(1, usize::from).min(8)
    } else {
        1
    };
    let incoming = Incoming::new(graph, threads);
    if let Some(rank) = acyclic_rank(graph, &incoming.listens) {
        return (rank, 0);
    }
    let forest = Forest::new(graph, incoming, threads);
    let slices = Slices::new(graph, &forest, threads);
    let (ranks, steps) = iterate(&slices, n);
    let mut rank = vec![0.0; n];
    for (&a, r) in slices.people.iter().zip(ranks) {
        rank[a as usize] = r;
    }
    (normalised(rank), steps)
}

/// The ranks by position, and the steps taken. In a step each thread
/// takes its group's rows from the ranks before, over the slices, and then
/// adds the forest's links from the new ranks, swayed before swayer: a
/// splitting of the PageRank matrix with the same fixed point, whose
/// errors decay at ~0.3 a step instead of the power iteration's ~0.5. The
/// new ranks no longer sum to 1, an error that would decay only at ~0.75 a
/// step, so each step's ranks are divided by their total: read scaled
/// rather than rewritten, each row's pull multiplied once.
///
/// The total is known only when the threads meet, so each thread measures
/// its change with the total before, each person's once their rank is
/// done; the true change is then at most that plus how far the total
/// moved, and the iteration stops when that bound is below the tolerance.
/// The threads live for the whole iteration and meet once a step (a start
/// and join of two threads costs ~0.13 ms here). The ranks are atomics so
/// that the threads share them without `unsafe`: relaxed loads and stores
/// are plain moves, and the meeting orders them.
fn iterate(slices: &Slices, n: usize) -> (Vec<f64>, usize) {
    let threads = slices.parts.len();
    let uniform = 1.0 / n as f64;
    let f64s = |count: usize, v: f64| (0..count).map(|_| AtomicU64::new(v.to_bits())).collect::<Vec<_>>();
    let buffers = [f64s(n, uniform), f64s(n, 0.0)];
    // Each thread's change and total of its new ranks, one set per parity
    // of the step: a thread may start the next step while another still
    // reads this one's.
    let changes = [f64s(threads, 0.0), f64s(threads, 0.0)];
    let totals = [f64s(threads, 0.0), f64s(threads, 0.0)];
    let meeting = Meeting::new(threads);
    let get = |v: &[AtomicU64], i: usize| f64::from_bits(v[i].load(Relaxed));
    let put = |v: &AtomicU64, x: f64| v.store(x.to_bits(), Relaxed);
    let sum = |v: &[AtomicU64]| v.iter().map(|x| f64::from_bits(x.load(Relaxed))).sum::<f64>();
    // The step whose ranks are kept, and their total.
    let work = |t: usize| -> (usize, f64) {
        let _attending = meeting.attend();
        let mut total = 1.0;
        for step in 0..MAX_ITERATIONS {
            let (rank, next) = (&buffers[step % 2], &buffers[(step + 1) % 2]);
            let scale = 1.0 / total;
            let dangling: f64 = slices.dangling.iter().map(|&b| get(rank, b as usize)).sum::<f64>() * scale;
            let base = (ALPHA * dangling + (1.0 - ALPHA)) * uniform;
            let mut sum_new = 0.0;
            for k in slices.parts[t].clone() {
                // Everyone starts equal: the first step needs no reads.
                let pulled = if step == 0 { slices.pulled(k, |_| uniform) } else { slices.pulled(k, |b| get(rank, b)) };
                for (i, p) in slices.rows(k).zip(pulled) {
                    let new = ALPHA * p * scale + base;
                    sum_new += new;
                    put(&next[i], new);
                }
            }
            // Each person's new rank is done when their own link is added,
            // or at the end for the roots: then its change is measured.
            let mut change = 0.0;
            let mut moved = |i: usize| change += (get(next, i) - get(rank, i)).abs();
            for link in slices.uplinks[t].iter().rev() {
                let swayed = link.swayed as usize;
                moved(swayed);
                let pulled = ALPHA * get(next, swayed) * f64::from(link.share);
                put(&next[link.swayer as usize], get(next, link.swayer as usize) + pulled);
                sum_new += pulled;
            }
            slices.roots[t].iter().for_each(|&i| moved(i as usize));
            let change = change * scale;
            put(&changes[step % 2][t], change);
            put(&totals[step % 2][t], sum_new);
            if !meeting.wait() {
                return (step, total);
            }
            // Every thread adds the same numbers in the same order, so all
            // stop at the same step.
            let (change, new_total) = (sum(&changes[step % 2]), sum(&totals[step % 2]));
            total = new_total;
            if change + (1.0 - new_total * scale).abs() < TOLERANCE || change.is_nan() {
                return (step + 1, total);
            }
        }
        (MAX_ITERATIONS, total)
    };
    let (step, total) = std::thread::scope(|scope| {
        let work = &work;
        let helpers: Vec<_> = (1..threads).map(|t| scope.spawn(move || work(t))).collect();
        let kept = work(0);
        // A helper only panics on a bug; the meeting then breaks up and
        // the ranks are those of the step it stopped at.
        helpers.into_iter().for_each(|h| drop(h.join()));
        kept
    });
    (buffers[step % 2].iter().map(|r| f64::from_bits(r.load(Relaxed)) / total).collect(), step)
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

    fn listens(g: &SwayGraph) -> Vec<f64> {
        Incoming::new(g, 1).listens
    }

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
    fn the_threaded_steps_along_the_forest_reach_the_power_iterations_ranks() {
        // Enough edges to take the threaded path, cycles, rows of 0 to 12
        // links and a number of people that fills no last slice.
        let n = 30_003;
        let edges: Vec<(usize, usize, f64)> =
            (0..n).flat_map(|i| (1..=(i * 7) % 13).map(move |k| (i, (i * k + 7) % n, 0.07 * k as f64))).collect();
        let g = graph(n, &edges);
        assert!(g.edge_count() + n >= PARALLEL_WORK);
        assert_eq!(acyclic_rank(&g, &listens(&g)), None, "the graph must take the iteration");
        let (threaded, rank) = (influence_rank(&g), iterated(&g));
        // The forest, the slices, the threads and the `f32` shares change
        // the ranks by ~1e-7 relative at most.
        let worst = threaded.iter().zip(&rank).map(|(a, b)| ((a - b) / b).abs()).fold(0.0, f64::max);
        assert!(worst < 2e-7, "the ranks differ from the power iteration's by {worst:e} relative");
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

    /// The power iteration as written in the definition, row by row on one
    /// thread, in `f64` throughout.
    fn iterated(g: &SwayGraph) -> Vec<f64> {
        power_iteration(g).0
    }

    /// The ranks and the steps of the textbook iteration.
    fn power_iteration(g: &SwayGraph) -> (Vec<f64>, usize) {
        let n = g.len();
        let listens = listens(g);
        let mut rank = vec![1.0 / n as f64; n];
        for steps in 1.. {
            let dangling: f64 = (0..n).filter(|&b| listens[b] <= 0.0).map(|b| rank[b]).sum();
            let base = (ALPHA * dangling + (1.0 - ALPHA)) / n as f64;
            let next: Vec<f64> = (0..n)
                .map(|a| {
                    let pulled: f64 = g.out_edges(a).map(|(b, w)| rank[b] * w / listens[b]).sum();
                    ALPHA * pulled + base
                })
                .collect();
            let change: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
            rank = next;
            if change < TOLERANCE {
                return (normalised(rank), steps);
            }
        }
        unreachable!("the loop runs until the change is small")
    }

    #[test]
    fn steps_along_the_forest_take_far_fewer_than_the_power_iteration() {
        // A reporting tree of 40,000 people (each manager swaying a report
        // with 0.5, as in a chart) and 200,000 grey links, mostly weak (old
        // claims fade), forward and back: the shape of the benchmark's
        // organisation.
        let n = 40_000;
        let mut edges: Vec<(usize, usize, f64)> = (1..n).map(|b| ((b * 48_271) % 65_537 % b, b, 0.5)).collect();
        let grey = |k: usize| 0.01 + ((k * 31) % 97) as f64 / 97.0 * ((k * 7) % 5) as f64 / 8.0;
        edges.extend((0..5 * n).map(|k| ((k * 104_729) % n, (k * 1_299_709 + 13) % n, grey(k))));
        edges.retain(|&(a, b, _)| a != b);
        let g = graph(n, &edges);
        let ((rank, steps), (textbook, power_steps)) = (ranked(&g), power_iteration(&g));
        let worst = rank.iter().zip(&textbook).map(|(a, b)| ((a - b) / b).abs()).fold(0.0, f64::max);
        assert!(worst < 2e-7, "the ranks differ from the power iteration's by {worst:e} relative");
        assert!(steps * 3 < power_steps * 2, "{steps} steps against the power iteration's {power_steps}");
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
