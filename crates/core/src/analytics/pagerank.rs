//! Weighted PageRank on the "listens to" graph, in pull form over the sway
//! graph's own rows: B listens to A with weight W(A,B), so A's new rank is
//! pulled along A's sway edges. Matches `networkx.pagerank(G, alpha=0.85,
//! weight="weight")`: uniform teleport, dangling mass spread uniformly.
//!
//! Each edge carries W(A,B) / (total sway B receives), computed once, so an
//! iteration is one multiply-add per edge. The loop is bound by memory
//! traffic, so shares are kept as `f32` (8 bytes an edge with the target
//! instead of 12): ranks move by at most ~1e-7 relative (5.5e-8 on the
//! reference fixtures, whose tolerance is 1e-6). Large graphs split the rows
//! across threads; the sums of each row are the same either way.

use super::SwayGraph;

/// Damping factor.
const ALPHA: f64 = 0.85;
/// Iterate until the L1 change is below this.
const TOLERANCE: f64 = 1e-12;
/// A bound on work for pathological inputs; PageRank converges long before.
const MAX_ITERATIONS: usize = 10_000;
/// Below this many edges one thread is faster than two.
const PARALLEL_EDGES: usize = 200_000;

/// Rows of the pull form: for each A, the listeners B (the graph's own
/// targets) with shares W(A,B)/listens(B).
struct Pull<'g> {
    graph: &'g SwayGraph,
    shares: Vec<f32>,
    dangling: Vec<u32>,
}

impl<'g> Pull<'g> {
    fn new(graph: &'g SwayGraph) -> Pull<'g> {
        let mut listens = vec![0.0f64; graph.len()];
        for (&b, &w) in graph.targets().iter().zip(graph.weights()) {
            listens[b as usize] += w;
        }
        let shares =
            graph.targets().iter().zip(graph.weights()).map(|(&b, &w)| (w / listens[b as usize]) as f32).collect();
        let dangling = (0..graph.len() as u32).filter(|&b| listens[b as usize] <= 0.0).collect();
        Pull { graph, shares, dangling }
    }

    /// Writes the next rank of rows `first..first + out.len()`; returns their L1 change.
    fn step(&self, rank: &[f64], base: f64, first: usize, out: &mut [f64]) -> f64 {
        let mut change = 0.0;
        for (i, slot) in out.iter_mut().enumerate() {
            let a = first + i;
            let range = self.graph.edge_range(a);
            let pulled: f64 = self.graph.targets()[range.clone()]
                .iter()
                .zip(&self.shares[range])
                .map(|(&b, &s)| rank[b as usize] * f64::from(s))
                .sum();
            *slot = ALPHA * pulled + base;
            change += (*slot - rank[a]).abs();
        }
        change
    }
}

/// The influence rank of every node, summing to 1.
pub fn influence_rank(graph: &SwayGraph) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let pull = Pull::new(graph);
    let threads = if graph.edge_count() >= PARALLEL_EDGES {
        std::thread::available_parallelism().map_or(1, usize::from).min(8)
    } else {
        1
    };
    let chunk = n.div_ceil(threads);
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = pull.dangling.iter().map(|&b| rank[b as usize]).sum();
        let base = (ALPHA * dangling + (1.0 - ALPHA)) * uniform;
        let change = if threads == 1 {
            pull.step(&rank, base, 0, &mut next)
        } else {
            let (pull, rank) = (&pull, &rank);
            std::thread::scope(|scope| {
                let handles: Vec<_> = next
                    .chunks_mut(chunk)
                    .enumerate()
                    .map(|(t, out)| scope.spawn(move || pull.step(rank, base, t * chunk, out)))
                    .collect();
                // A worker only panics on a bug; NaN then stops the loop below.
                handles.into_iter().map(|h| h.join().unwrap_or(f64::NAN)).sum::<f64>()
            })
        };
        std::mem::swap(&mut rank, &mut next);
        if change < TOLERANCE || change.is_nan() {
            break;
        }
    }
    normalised(rank)
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
        // Enough edges to take the threaded path.
        let n = 30_000;
        let edges: Vec<(usize, usize, f64)> =
            (0..n).flat_map(|i| (1..8).map(move |k| (i, (i * k + 7) % n, 0.1 * k as f64))).collect();
        let g = graph(n, &edges);
        assert!(g.edge_count() >= PARALLEL_EDGES);
        let threaded = influence_rank(&g);
        let pull = Pull::new(&g);
        let mut rank = vec![1.0 / n as f64; n];
        let mut next = vec![0.0; n];
        loop {
            let dangling: f64 = pull.dangling.iter().map(|&b| rank[b as usize]).sum();
            let base = (ALPHA * dangling + (1.0 - ALPHA)) / n as f64;
            let change = pull.step(&rank, base, 0, &mut next);
            std::mem::swap(&mut rank, &mut next);
            if change < TOLERANCE {
                break;
            }
        }
        let rank = normalised(rank);
        // The change is summed per chunk, so the last iteration may differ:
        // the ranks agree to within the tolerance.
        let worst = threaded.iter().zip(&rank).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        assert!(worst < TOLERANCE, "threaded and single-threaded ranks differ by {worst}");
    }
}
