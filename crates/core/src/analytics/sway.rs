//! The sway graph: who sways whom, and how strongly, as of a date.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::model::{Claim, Person};

/// What goes into a sway graph.
#[derive(Debug, Clone, Copy)]
pub struct SwayOptions {
    /// Claims observed after this date are ignored; ages are counted to it.
    pub as_of: NaiveDate,
    /// How strongly a manager sways each direct report.
    pub formal_weight: f64,
    /// Leave the grey chart out (for the formal rank).
    pub formal_only: bool,
}

/// The active claims about one ordered pair, as of a date.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PairEvidence {
    /// Σ credibility.
    pub sum_k: f64,
    /// Σ credibility × strength.
    pub sum_ks: f64,
    /// Highest credibility.
    pub max_k: f64,
    /// Claims counted.
    pub claims: u32,
    /// Claims older than their half-life.
    pub stale: u32,
    /// Claims with a strength above 0.
    pub positive: u32,
}

impl PairEvidence {
    /// The grey part of the sway weight: S·K, with S the credibility-weighted
    /// mean strength and K the highest credibility.
    pub fn weight(&self) -> f64 {
        if self.sum_k > 0.0 {
            self.sum_ks / self.sum_k * self.max_k
        } else {
            0.0
        }
    }
}

/// Aggregates the active (not retired, already observed) claims per pair of
/// people known to `index`.
pub fn pair_evidence(
    index: &FxHashMap<&str, usize>,
    claims: &[Claim],
    as_of: NaiveDate,
) -> FxHashMap<(usize, usize), PairEvidence> {
    let mut grey: FxHashMap<(usize, usize), PairEvidence> = FxHashMap::default();
    for claim in claims.iter().filter(|c| !c.retired) {
        let (Some(&a), Some(&b)) = (index.get(claim.from.as_str()), index.get(claim.to.as_str())) else { continue };
        let Some(k) = claim.credibility(as_of) else { continue };
        let e = grey.entry((a, b)).or_default();
        e.sum_k += k;
        e.sum_ks += k * claim.strength;
        e.max_k = e.max_k.max(k);
        e.claims += 1;
        e.stale += u32::from((as_of - claim.observed_on).num_days() as f64 > claim.half_life_days);
        e.positive += u32::from(claim.strength > 0.0);
    }
    grey
}

/// A directed graph of people, edge A→B weighted by the combined sway weight
/// W(A,B) in (0,1], stored as compressed rows (CSR) by source.
#[derive(Debug, Clone)]
pub struct SwayGraph {
    ids: Vec<String>,
    index: FxHashMap<String, usize>,
    offsets: Vec<u32>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    /// The same edges grouped by target: who sways each person.
    in_offsets: Vec<u32>,
    in_sources: Vec<u32>,
    in_weights: Vec<f64>,
}

impl SwayGraph {
    /// Builds the graph. People keep their order; claims about unknown people
    /// and retired claims are ignored.
    pub fn build(people: &[Person], claims: &[Claim], options: SwayOptions) -> SwayGraph {
        let ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
        let lookup: FxHashMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();

        let grey =
            if options.formal_only { FxHashMap::default() } else { pair_evidence(&lookup, claims, options.as_of) };
        let mut combined: FxHashMap<(usize, usize), f64> =
            grey.into_iter().map(|(pair, e)| (pair, e.weight())).collect();
        if options.formal_weight > 0.0 {
            for (b, person) in people.iter().enumerate() {
                let Some(a) = person.manager.as_deref().and_then(|m| lookup.get(m)) else { continue };
                let w = combined.entry((*a, b)).or_insert(0.0);
                *w = 1.0 - (1.0 - *w) * (1.0 - options.formal_weight);
            }
        }
        let mut edges: Vec<(usize, usize, f64)> =
            combined.into_iter().filter(|&(_, w)| w > 0.0).map(|((a, b), w)| (a, b, w)).collect();
        edges.sort_unstable_by_key(|x| (x.0, x.1));
        let index = ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        SwayGraph::from_sorted_edges(ids, index, &edges)
    }

    /// Builds a graph from numbered nodes and edges `(a, b, w)` sorted by
    /// `(a, b)`; for generated benchmark graphs.
    pub fn from_edges(ids: Vec<String>, mut edges: Vec<(usize, usize, f64)>) -> SwayGraph {
        edges.sort_by_key(|x| (x.0, x.1));
        let index = ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        SwayGraph::from_sorted_edges(ids, index, &edges)
    }

    fn from_sorted_edges(
        ids: Vec<String>,
        index: FxHashMap<String, usize>,
        edges: &[(usize, usize, f64)],
    ) -> SwayGraph {
        let n = ids.len();
        let offsets = row_offsets(n, edges.iter().map(|e| e.0));
        let in_offsets = row_offsets(n, edges.iter().map(|e| e.1));
        // Counting sort by target; sources stay in order within each row.
        let mut fill: Vec<u32> = in_offsets[..n].to_vec();
        let mut in_sources = vec![0u32; edges.len()];
        let mut in_weights = vec![0.0f64; edges.len()];
        for &(a, b, w) in edges {
            let at = fill[b] as usize;
            in_sources[at] = a as u32;
            in_weights[at] = w;
            fill[b] += 1;
        }
        SwayGraph {
            ids,
            index,
            offsets,
            targets: edges.iter().map(|e| e.1 as u32).collect(),
            weights: edges.iter().map(|e| e.2).collect(),
            in_offsets,
            in_sources,
            in_weights,
        }
    }

    /// Number of people.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when there is nobody.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Number of sway edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len()
    }

    /// The id of node `i`.
    pub fn id(&self, i: usize) -> &str {
        &self.ids[i]
    }

    /// The node of an id.
    pub fn node(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Whom `a` sways, with weights.
    pub fn out_edges(&self, a: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.edge_range(a);
        self.targets[range.clone()].iter().map(|&t| t as usize).zip(self.weights[range].iter().copied())
    }

    /// Who sways `b`, with weights.
    pub fn in_edges(&self, b: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.in_offsets[b] as usize..self.in_offsets[b + 1] as usize;
        self.in_sources[range.clone()].iter().map(|&t| t as usize).zip(self.in_weights[range].iter().copied())
    }

    /// The positions of `a`'s edges in `targets()` and `weights()`.
    pub fn edge_range(&self, a: usize) -> std::ops::Range<usize> {
        self.offsets[a] as usize..self.offsets[a + 1] as usize
    }

    /// Every edge's target, grouped by source (see `edge_range`).
    pub fn targets(&self) -> &[u32] {
        &self.targets
    }

    /// Every edge's weight, in the order of `targets()`.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The sway weight of a pair, 0 when there is no edge.
    pub fn weight(&self, a: usize, b: usize) -> f64 {
        self.out_edges(a).find(|&(t, _)| t == b).map_or(0.0, |(_, w)| w)
    }
}

/// CSR offsets of rows keyed by `keys` (one per edge): row i spans
/// `offsets[i]..offsets[i + 1]`.
fn row_offsets(n: usize, keys: impl Iterator<Item = usize>) -> Vec<u32> {
    let mut offsets = vec![0u32; n + 1];
    for k in keys {
        offsets[k + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    offsets
}
