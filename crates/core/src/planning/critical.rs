//! Earliest starts, the critical path and a deploy order, on the plan graph.
//!
//! One pass over a topological order: a node starts when the last of its
//! prerequisites finishes plus the link's lag, and finishes its duration
//! later. The critical path is the chain of prerequisites that set the latest
//! finish; its length is the plan's minimum duration in days (docs/METRICS.md).

use super::graph::{Node, PlanGraph};

/// Earliest start and finish of every node, in days from the plan's start.
#[derive(Debug, Clone)]
pub struct Timing {
    /// Earliest start of each node.
    pub start: Vec<u64>,
    /// The prerequisite that set each node's start, if any.
    pub driver: Vec<Option<u32>>,
}

impl Timing {
    /// Forward pass over the graph's topological order.
    pub fn of(graph: &PlanGraph<'_>) -> Timing {
        Timing::with_floors(graph, &[])
    }

    /// The same, with node `v` starting no earlier than `floors[v]` days
    /// (nodes past the end of `floors` have no floor).
    pub fn with_floors(graph: &PlanGraph<'_>, floors: &[u64]) -> Timing {
        let n = graph.len();
        let mut start = vec![0u64; n];
        start[..floors.len().min(n)].copy_from_slice(&floors[..floors.len().min(n)]);
        let mut driver: Vec<Option<u32>> = vec![None; n];
        for &v in graph.order() {
            let v = v as usize;
            let done = start[v] + u64::from(graph.duration(v));
            for (w, lag) in graph.successors(v) {
                let at = done + u64::from(lag);
                if at > start[w] || driver[w].is_none() && at == start[w] {
                    start[w] = at;
                    driver[w] = Some(v as u32);
                }
            }
        }
        Timing { start, driver }
    }

    /// Earliest finish of node `v`.
    pub fn finish(&self, graph: &PlanGraph<'_>, v: usize) -> u64 {
        self.start[v] + u64::from(graph.duration(v))
    }
}

/// The chain of changes that sets the plan's length, first to last, and that
/// length in days.
pub fn critical_path(graph: &PlanGraph<'_>, timing: &Timing) -> (Vec<String>, u64) {
    // The latest finish; ties go to the node first in topological order.
    let mut last: Option<usize> = None;
    for &v in graph.order() {
        let v = v as usize;
        if last.is_none_or(|l| timing.finish(graph, v) > timing.finish(graph, l)) {
            last = Some(v);
        }
    }
    let Some(end) = last else { return (Vec::new(), 0) };
    let length = timing.finish(graph, end);
    let mut chain = Vec::new();
    let mut at = Some(end);
    while let Some(v) = at {
        if let Node::Change(i) = graph.node(v) {
            chain.push(graph.change_id(i).to_owned());
        }
        at = timing.driver[v].map(|d| d as usize);
    }
    chain.reverse();
    (chain, length)
}

/// The changes in an order that deploys every prerequisite first: by
/// earliest start, then by topological position.
pub fn deploy_order(graph: &PlanGraph<'_>, timing: &Timing) -> Vec<String> {
    let mut changes: Vec<(u64, usize, usize)> = graph
        .order()
        .iter()
        .enumerate()
        .filter_map(|(position, &v)| match graph.node(v as usize) {
            Node::Change(i) => Some((timing.start[v as usize], position, i)),
            _ => None,
        })
        .collect();
    changes.sort_unstable();
    changes.into_iter().map(|(_, _, i)| graph.change_id(i).to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::graph::tests::{change, dep, release};

    /// The `tiny` reference fixture: its critical path is 33 days.
    #[test]
    fn the_tiny_fixture_takes_33_days() {
        let durations = [4, 8, 5, 4, 3, 10, 4, 9];
        let changes: Vec<_> = durations.iter().enumerate().map(|(i, &d)| change(&format!("ch{i}"), None, d)).collect();
        let links = [
            (0, 1, 0),
            (2, 4, 5),
            (3, 4, 5),
            (1, 5, 1),
            (0, 5, 0),
            (4, 5, 5),
            (3, 5, 0),
            (2, 6, 1),
            (4, 6, 1),
            (5, 6, 1),
            (2, 7, 0),
        ];
        let deps: Vec<_> = links.iter().map(|&(a, b, l)| dep(&format!("ch{a}"), &format!("ch{b}"), l)).collect();
        let g = PlanGraph::build(&[], &changes, &deps).ok();
        let result = g.map(|g| critical_path(&g, &Timing::of(&g)));
        assert_eq!(result, Some((vec!["ch2".into(), "ch4".into(), "ch5".into(), "ch6".into()], 33)));
    }

    #[test]
    fn a_release_link_holds_back_every_change_of_the_later_release() {
        let changes = [change("a", Some("r1"), 3), change("b", Some("r1"), 5), change("c", Some("r2"), 2)];
        let releases = [release("r1"), release("r2")];
        let g = PlanGraph::build(&releases, &changes, &[dep("r1", "r2", 1)]).ok();
        let (order, path) = g
            .map(|g| {
                let t = Timing::of(&g);
                (deploy_order(&g, &t), critical_path(&g, &t))
            })
            .unwrap_or_default();
        assert_eq!(order, ["a", "b", "c"]);
        assert_eq!(path, (vec!["b".to_owned(), "c".to_owned()], 8));
    }
}
