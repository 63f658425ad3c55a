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
pub fn strongest_path(graph: &SwayGraph, from: &str, to: &str) -> Option<InfluencePath> {
    let source = graph.node(from)?;
    let target = graph.node(to)?;
    let n = graph.len();
    let mut dist = vec![f64::INFINITY; n];
    let mut prev = vec![usize::MAX; n];
    let mut heap = NodeHeap::new(n);
    dist[source] = 0.0;
    heap.push_or_decrease(source, 0.0);
    while let Some((d, v)) = heap.pop() {
        if v == target {
            break;
        }
        for (w, weight) in graph.out_edges(v) {
            let alt = d - weight.ln();
            if alt < dist[w] {
                dist[w] = alt;
                prev[w] = v;
                heap.push_or_decrease(w, alt);
            }
        }
    }
    let mut result = InfluencePath { from: from.to_owned(), to: to.to_owned(), path: Vec::new(), strength: 0.0 };
    if dist[target].is_infinite() {
        return Some(result);
    }
    let mut nodes = vec![target];
    while let Some(&last) = nodes.last() {
        if last == source {
            break;
        }
        nodes.push(prev[last]);
    }
    nodes.reverse();
    result.strength = nodes.windows(2).map(|p| graph.weight(p[0], p[1])).product();
    result.path = nodes.into_iter().map(|i| graph.id(i).to_owned()).collect();
    Some(result)
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
    }
}
