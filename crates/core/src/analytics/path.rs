//! Strongest influence path: the path from A to B maximising the product of
//! sway weights, found as a shortest path on edge length −ln W.

use serde::Serialize;
use ts_rs::TS;

use super::heap::NodeHeap;
use super::SwayGraph;

/// A path of influence and its strength (the product of its sway weights).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct InfluencePath {
    /// From whom.
    pub from: String,
    /// To whom.
    pub to: String,
    /// The people along the way, both ends included; empty when unreachable.
    pub path: Vec<String>,
    /// Product of the sway weights along the path; 0 when unreachable.
    pub strength: f64,
}

/// The strongest path from `from` to `to`, or `None` if either id is unknown.
///
/// Bidirectional Dijkstra on lengths −ln W: one search forward from `from`
/// along sway edges, one backward from `to` along them reversed, each step
/// taken by the side whose nearest unsettled person is closer. `best` is the
/// shortest joined route seen over any scanned edge; once the two frontiers
/// together are at least `best` away, no shorter route can exist.
pub fn strongest_path(graph: &SwayGraph, from: &str, to: &str) -> Option<InfluencePath> {
    let source = graph.node(from)?;
    let target = graph.node(to)?;
    let mut result = InfluencePath { from: from.to_owned(), to: to.to_owned(), path: Vec::new(), strength: 0.0 };
    if source == target {
        result.path = vec![from.to_owned()];
        result.strength = 1.0;
        return Some(result);
    }
    let mut forward = Search::new(graph.len(), source);
    let mut backward = Search::new(graph.len(), target);
    let mut best = f64::INFINITY;
    let mut meet = None;
    loop {
        let (f, b) = (forward.heap.peek_key(), backward.heap.peek_key());
        if f + b >= best || (f.is_infinite() && b.is_infinite()) {
            break;
        }
        if f <= b {
            let Some((d, v)) = forward.heap.pop() else { break };
            for (w, weight) in graph.out_edges(v) {
                let alt = d - weight.ln();
                forward.relax(w, alt, v);
                if alt + backward.dist[w] < best {
                    best = alt + backward.dist[w];
                    meet = Some((v, w));
                }
            }
        } else {
            let Some((d, v)) = backward.heap.pop() else { break };
            for (u, weight) in graph.in_edges(v) {
                let alt = d - weight.ln();
                backward.relax(u, alt, v);
                if forward.dist[u] + alt < best {
                    best = forward.dist[u] + alt;
                    meet = Some((u, v));
                }
            }
        }
    }
    let Some((u, w)) = meet else { return Some(result) };
    let mut nodes = forward.chain(u);
    nodes.reverse();
    nodes.extend(backward.chain(w));
    result.strength = nodes.windows(2).map(|p| graph.weight(p[0], p[1])).product();
    result.path = nodes.into_iter().map(|i| graph.id(i).to_owned()).collect();
    Some(result)
}

/// One side of the bidirectional search.
struct Search {
    dist: Vec<f64>,
    /// The person before (forward) or after (backward) on the best route.
    prev: Vec<usize>,
    heap: NodeHeap,
}

impl Search {
    fn new(n: usize, start: usize) -> Search {
        let mut search = Search { dist: vec![f64::INFINITY; n], prev: vec![usize::MAX; n], heap: NodeHeap::new(n) };
        search.dist[start] = 0.0;
        search.heap.push_or_decrease(start, 0.0);
        search
    }

    fn relax(&mut self, w: usize, alt: f64, via: usize) {
        if alt < self.dist[w] {
            self.dist[w] = alt;
            self.prev[w] = via;
            self.heap.push_or_decrease(w, alt);
        }
    }

    /// `v` and the people linking it back to this side's start.
    fn chain(&self, mut v: usize) -> Vec<usize> {
        let mut nodes = vec![v];
        while self.prev[v] != usize::MAX {
            v = self.prev[v];
            nodes.push(v);
        }
        nodes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_step_path_beats_a_weak_direct_link() {
        let g = SwayGraph::from_edges(
            vec!["a".into(), "b".into(), "c".into()],
            vec![(0, 2, 0.1), (0, 1, 0.9), (1, 2, 0.9)],
        );
        let p = strongest_path(&g, "a", "c");
        assert_eq!(p.as_ref().map(|p| p.path.clone()), Some(vec!["a".into(), "b".into(), "c".into()]));
        assert!(p.is_some_and(|p| (p.strength - 0.81).abs() < 1e-12));
        assert_eq!(strongest_path(&g, "c", "a").map(|p| (p.path.len(), p.strength)), Some((0, 0.0)));
        assert_eq!(strongest_path(&g, "a", "zz"), None);
        assert_eq!(strongest_path(&g, "b", "b").map(|p| (p.path, p.strength)), Some((vec!["b".into()], 1.0)));
    }

    #[test]
    fn the_two_searches_agree_with_a_plain_one_on_a_larger_graph() {
        // A ring with chords of varied weight: many routes of similar strength.
        let n = 300;
        let edges: Vec<(usize, usize, f64)> = (0..n)
            .flat_map(|i| {
                [(i, (i + 1) % n, 0.9), (i, (i * 7 + 11) % n, 0.2 + (i % 7) as f64 / 10.0), (i, (i + 37) % n, 0.5)]
            })
            .filter(|e| e.0 != e.1)
            .collect();
        let g = SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges);
        for (a, b) in [(0, 150), (5, 4), (17, 299), (123, 77)] {
            let found = strongest_path(&g, g.id(a), g.id(b)).unwrap_or_else(|| panic!("no result"));
            let best = plain_dijkstra(&g, a, b);
            assert!((found.strength - best).abs() <= 1e-12 * best, "{a}->{b}: {} vs {best}", found.strength);
            assert_eq!(
                (found.path.first().cloned(), found.path.last().cloned()),
                (Some(g.id(a).to_owned()), Some(g.id(b).to_owned()))
            );
        }
    }

    /// The strength of the strongest path by a one-sided search over all nodes.
    fn plain_dijkstra(g: &SwayGraph, a: usize, b: usize) -> f64 {
        let mut dist = vec![f64::INFINITY; g.len()];
        let mut done = vec![false; g.len()];
        dist[a] = 0.0;
        for _ in 0..g.len() {
            let Some(v) =
                (0..g.len()).filter(|&v| !done[v] && dist[v].is_finite()).min_by(|&x, &y| dist[x].total_cmp(&dist[y]))
            else {
                break;
            };
            done[v] = true;
            for (w, weight) in g.out_edges(v) {
                dist[w] = dist[w].min(dist[v] - weight.ln());
            }
        }
        (-dist[b]).exp()
    }
}
