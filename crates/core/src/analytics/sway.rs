//! The sway graph: who sways whom, and how strongly, as of a date.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::pairs::{claim_links, pair_evidence_sorted, ClaimLink};
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

/// A directed graph of people, edge A→B weighted by the combined sway weight
/// W(A,B) in (0,1], stored as compressed rows (CSR) by source.
#[derive(Debug, Clone)]
pub struct SwayGraph {
    ids: Vec<String>,
    /// Built on the first lookup by id: most analyses never need it.
    index: std::sync::OnceLock<FxHashMap<String, usize>>,
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
        let links = if options.formal_only { Vec::new() } else { claim_links(people, claims) };
        SwayGraph::from_links(people, &links, options)
    }

    /// Builds the graph from claims already reduced to links.
    pub fn from_links(people: &[Person], links: &[ClaimLink], options: SwayOptions) -> SwayGraph {
        let ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
        let index: FxHashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        let grey = if options.formal_only { Vec::new() } else { pair_evidence_sorted(links, options.as_of) };
        let mut formal: Vec<(usize, usize)> = if options.formal_weight > 0.0 {
            people
                .iter()
                .enumerate()
                .filter_map(|(b, p)| p.manager.as_deref().and_then(|m| index.get(m)).map(|&a| (a, b)))
                .collect()
        } else {
            Vec::new()
        };
        formal.sort_unstable();
        formal.dedup();
        // Merge the two sorted lists: W = 1 − (1 − grey)(1 − formal).
        let mut edges: Vec<(usize, usize, f64)> = Vec::with_capacity(grey.len() + formal.len());
        let (mut g, mut f) = (grey.iter().peekable(), formal.iter().peekable());
        loop {
            let (pair, w) = match (g.peek(), f.peek()) {
                (Some(&&(gp, e)), Some(&&fp)) if gp == fp => {
                    g.next();
                    f.next();
                    (gp, 1.0 - (1.0 - e.weight()) * (1.0 - options.formal_weight))
                }
                (Some(&&(gp, e)), Some(&&fp)) if gp < fp => {
                    g.next();
                    (gp, e.weight())
                }
                (_, Some(&&fp)) => {
                    f.next();
                    (fp, options.formal_weight)
                }
                (Some(&&(gp, e)), None) => {
                    g.next();
                    (gp, e.weight())
                }
                (None, None) => break,
            };
            if w > 0.0 {
                edges.push((pair.0, pair.1, w));
            }
        }
        drop(index);
        SwayGraph::from_sorted_edges(ids, &edges)
    }

    /// Builds a graph from numbered nodes and edges `(a, b, w)`, for tests.
    /// A pair given more than once gets one edge, its weights combined as
    /// independent sway: W = 1 − Π(1 − w).
    pub fn from_edges(ids: Vec<String>, mut edges: Vec<(usize, usize, f64)>) -> SwayGraph {
        edges.sort_by_key(|x| (x.0, x.1));
        edges.dedup_by(|later, kept| {
            let same = (later.0, later.1) == (kept.0, kept.1);
            if same {
                kept.2 = 1.0 - (1.0 - kept.2) * (1.0 - later.2);
            }
            same
        });
        SwayGraph::from_sorted_edges(ids, &edges)
    }

    fn from_sorted_edges(ids: Vec<String>, edges: &[(usize, usize, f64)]) -> SwayGraph {
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
            index: std::sync::OnceLock::new(),
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
        self.index.get_or_init(|| self.ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect()).get(id).copied()
    }

    /// Whom `a` sways, with weights.
    pub fn out_edges(&self, a: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.edge_range(a);
        self.targets[range.clone()].iter().map(|&t| t as usize).zip(self.weights[range].iter().copied())
    }

    /// Who sways `b`, with weights.
    pub fn in_edges(&self, b: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.in_range(b);
        self.in_sources[range.clone()].iter().map(|&t| t as usize).zip(self.in_weights[range].iter().copied())
    }

    /// The positions of `b`'s incoming edges in `in_sources()` and `in_weights()`.
    pub fn in_range(&self, b: usize) -> std::ops::Range<usize> {
        self.in_offsets[b] as usize..self.in_offsets[b + 1] as usize
    }

    /// Every edge's source, grouped by target (see `in_range`), in order
    /// within each target.
    pub fn in_sources(&self) -> &[u32] {
        &self.in_sources
    }

    /// Every edge's weight, in the order of `in_sources()`.
    pub fn in_weights(&self) -> &[f64] {
        &self.in_weights
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
