//! Weighted PageRank on the "listens to" graph, in pull form over the sway
//! graph's own rows: B listens to A with weight W(A,B), so A's new rank is
//! pulled along A's sway edges. Matches `networkx.pagerank(G, alpha=0.85,
//! weight="weight")`: uniform teleport, dangling mass spread uniformly.

use super::SwayGraph;

/// Damping factor.
const ALPHA: f64 = 0.85;
/// Iterate until the L1 change is below this.
const TOLERANCE: f64 = 1e-12;
/// A bound on work for pathological inputs; PageRank converges long before.
const MAX_ITERATIONS: usize = 10_000;

/// The influence rank of every node, summing to 1.
pub fn influence_rank(graph: &SwayGraph) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    // out-weight of B in the listens-to graph = total sway received by B.
    let mut listens = vec![0.0f64; n];
    for a in 0..n {
        for (b, w) in graph.out_edges(a) {
            listens[b] += w;
        }
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0f64; n];
    let mut share = vec![0.0f64; n];
    for _ in 0..MAX_ITERATIONS {
        let mut dangling = 0.0;
        for b in 0..n {
            if listens[b] > 0.0 {
                share[b] = rank[b] / listens[b];
            } else {
                share[b] = 0.0;
                dangling += rank[b];
            }
        }
        let base = (ALPHA * dangling + (1.0 - ALPHA)) * uniform;
        let mut change = 0.0;
        for a in 0..n {
            let pulled: f64 = graph.out_edges(a).map(|(b, w)| share[b] * w).sum();
            next[a] = ALPHA * pulled + base;
            change += (next[a] - rank[a]).abs();
        }
        std::mem::swap(&mut rank, &mut next);
        if change < TOLERANCE {
            break;
        }
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
}
