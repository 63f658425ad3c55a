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
    let (start, links) = undirected(graph);
    let mut label: Vec<usize> = (0..n).collect();
    // Each person's tally by faction, kept dense: one slot a faction, reset
    // through the list of those touched (at 100,000 people a hash map per
    // person took seconds).
    let mut tally: Vec<f64> = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for v in 0..n {
            let row = &links[start[v]..start[v + 1]];
            if row.is_empty() {
                continue;
            }
            for &(u, w) in row {
                let l = label[u as usize];
                if tally[l] == 0.0 {
                    touched.push(l);
                }
                tally[l] += w;
            }
            // The heaviest faction; on equal weight the smallest number.
            let (mut best, mut best_weight) = (label[v], f64::NEG_INFINITY);
            for &l in &touched {
                if tally[l] > best_weight || (tally[l] == best_weight && l < best) {
                    (best, best_weight) = (l, tally[l]);
                }
            }
            let current = tally[label[v]];
            // Keep the current faction on a tie, so the process settles.
            if best != label[v] && best_weight > current {
                label[v] = best;
                changed = true;
            }
            for l in touched.drain(..) {
                tally[l] = 0.0;
            }
        }
        if !changed {
            break;
        }
    }
    renumber_by_size(&label)
}

/// The undirected sway graph as rows: `links[start[a]..start[a + 1]]` are
/// a's neighbours b, in increasing order, with weight W(a,b) + W(b,a). The
/// two directions are added in the order the graph lists them.
fn undirected(graph: &SwayGraph) -> (Vec<usize>, Vec<(u32, f64)>) {
    let n = graph.len();
    let mut start = vec![0usize; n + 1];
    for a in 0..n {
        for (b, _) in graph.out_edges(a) {
            start[a + 1] += 1;
            start[b + 1] += 1;
        }
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut halves = vec![(0u32, 0.0f64); start[n]];
    for a in 0..n {
        for (b, w) in graph.out_edges(a) {
            halves[next[a]] = (b as u32, w);
            next[a] += 1;
            halves[next[b]] = (a as u32, w);
            next[b] += 1;
        }
    }
    // Sort each row by neighbour (stable, so a pair's two halves keep their
    // order) and merge each pair's halves into one link.
    let mut links = Vec::with_capacity(halves.len());
    let mut merged_start = vec![0usize; n + 1];
    for a in 0..n {
        let row = &mut halves[start[a]..start[a + 1]];
        row.sort_by_key(|&(b, _)| b);
        for &(b, w) in row.iter() {
            let in_row = links.len() > merged_start[a];
            match links.last_mut() {
                Some((last, sum)) if in_row && *last == b => *sum += w,
                _ => links.push((b, w)),
            }
        }
        merged_start[a + 1] = links.len();
    }
    (merged_start, links)
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

    /// The propagation as first written, with a hash map per person: the
    /// dense rows and tallies must find exactly the same factions.
    fn factions_by_maps(graph: &SwayGraph) -> Vec<usize> {
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
                let best = tally
                    .iter()
                    .max_by(|x, y| x.1.total_cmp(y.1).then_with(|| y.0.cmp(x.0)))
                    .map_or(label[v], |(&l, _)| l);
                let current = tally.get(&label[v]).copied().unwrap_or(0.0);
                let best_weight = tally.get(&best).copied().unwrap_or(0.0);
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

    #[test]
    fn dense_tallies_find_the_factions_the_hash_maps_found() {
        let mut state = 99u64;
        let mut next = |below: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % below
        };
        for (n, per_person, levels) in [(60, 2, 3), (400, 3, 1000), (2000, 4, 5), (3000, 1, 2)] {
            let edges: Vec<(usize, usize, f64)> = (0..n * per_person)
                .map(|_| {
                    let a = next(n as u64) as usize;
                    // Mostly near neighbours, so there are groups to find;
                    // few weight levels, so there are ties to break.
                    let far = next(4) == 0;
                    let b = (a + 1 + next(if far { n as u64 - 1 } else { 6 }) as usize) % n;
                    (a, b, (1 + next(levels)) as f64 / levels as f64)
                })
                .filter(|(a, b, _)| a != b)
                .collect();
            let g = SwayGraph::from_edges((0..n).map(|i| format!("p{i}")).collect(), edges);
            let dense = factions(&g);
            assert_eq!(dense, factions_by_maps(&g), "{n} people");
            let groups = dense.iter().max().map_or(0, |m| m + 1);
            assert!(groups > 1 && groups < n, "{n} people: {groups} factions tell nothing");
        }
    }
}
