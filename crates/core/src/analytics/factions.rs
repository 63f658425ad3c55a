//! Factions: groups of people who sway each other more than they sway
//! outsiders, found by weighted label propagation (Raghavan, Albert and
//! Kumara 2007) on the undirected sway graph, where a pair's weight is
//! W(A,B) + W(B,A).
//!
//! Every person starts in a faction of their own; in turns, each takes the
//! faction with the largest total weight among their neighbours, until no one
//! changes (at most 100 rounds). Deterministic: people are visited in
//! workspace order and ties go to the smallest faction number, so the same
//! workspace and date always give the same factions. Factions are numbered
//! by size, largest first; a person with no links is a faction of one.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::SwayGraph;

/// One faction and who is in it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Faction {
    /// 0 is the largest faction.
    pub number: u32,
    /// Person ids, in workspace order.
    pub members: Vec<String>,
}

/// The factions as groups, largest first.
pub fn faction_groups(graph: &SwayGraph) -> Vec<Faction> {
    let label = factions(graph);
    let count = label.iter().max().map_or(0, |m| m + 1);
    let mut groups: Vec<Faction> = (0..count).map(|i| Faction { number: i as u32, members: Vec::new() }).collect();
    for (person, &l) in label.iter().enumerate() {
        groups[l].members.push(graph.id(person).to_owned());
    }
    groups
}

const MAX_ROUNDS: usize = 100;

/// The faction number of every person (0 is the largest faction).
pub fn factions(graph: &SwayGraph) -> Vec<usize> {
    let n = graph.len();
    let mut neighbours: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for a in 0..n {
        for (b, w) in graph.out_edges(a) {
            *neighbours[a].entry(b).or_insert(0.0) += w;
            *neighbours[b].entry(a).or_insert(0.0) += w;
        }
    }
    let neighbours: Vec<Vec<(usize, f64)>> = neighbours
        .into_iter()
        .map(|m| {
            let mut v: Vec<(usize, f64)> = m.into_iter().collect();
            v.sort_by_key(|&(b, _)| b);
            v
        })
        .collect();
    let mut label: Vec<usize> = (0..n).collect();
    let mut tally: HashMap<usize, f64> = HashMap::new();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for v in 0..n {
            if neighbours[v].is_empty() {
                continue;
            }
            tally.clear();
            for &(u, w) in &neighbours[v] {
                *tally.entry(label[u]).or_insert(0.0) += w;
            }
            let best =
                tally.iter().max_by(|x, y| x.1.total_cmp(y.1).then_with(|| y.0.cmp(x.0))).map_or(label[v], |(&l, _)| l);
            let current = tally.get(&label[v]).copied().unwrap_or(0.0);
            let best_weight = tally.get(&best).copied().unwrap_or(0.0);
            // Keep the current faction on a tie, so the process settles.
            if best != label[v] && best_weight > current {
                label[v] = best;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    renumber_by_size(&label)
}

/// Renumbers labels 0.. by decreasing size, ties by first appearance.
fn renumber_by_size(label: &[usize]) -> Vec<usize> {
    let mut size: HashMap<usize, (usize, usize)> = HashMap::new();
    for (i, &l) in label.iter().enumerate() {
        size.entry(l).or_insert((0, i)).0 += 1;
    }
    let mut order: Vec<(usize, (usize, usize))> = size.into_iter().collect();
    order.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    let number: HashMap<usize, usize> = order.iter().enumerate().map(|(i, &(l, _))| (l, i)).collect();
    label.iter().map(|l| number.get(l).copied().unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cliques_joined_by_a_weak_link_are_two_factions() {
        let mut edges = Vec::new();
        for group in [0usize, 4] {
            for a in group..group + 4 {
                for b in group..group + 4 {
                    if a != b {
                        edges.push((a, b, 0.8));
                    }
                }
            }
        }
        edges.push((3, 4, 0.05));
        let g = SwayGraph::from_edges((0..9).map(|i| format!("p{i}")).collect(), edges);
        let f = factions(&g);
        assert!(f[0..4].iter().all(|&x| x == f[0]));
        assert!(f[4..8].iter().all(|&x| x == f[4]));
        assert_ne!(f[0], f[4]);
        assert_eq!(f[8], 2, "a person with no links is a faction of one, numbered after the larger ones");
        let groups = faction_groups(&g);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[2], Faction { number: 2, members: vec!["p8".into()] });
        assert_eq!(groups[0].members.len() + groups[1].members.len(), 8);
    }
}
