//! The sway graph: who sways whom, and how strongly, as of a date.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::model::{credibility, Claim, Person};

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

/// A claim reduced to what the analytics need: its ends as positions in the
/// people list, and its evidence. The store reads these straight from the
/// file, without the claim's texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimLink {
    /// Who sways (position in the people list).
    pub from: u32,
    /// Whom (position in the people list).
    pub to: u32,
    /// 0..1; 0 means "known: no influence".
    pub strength: f64,
    /// 0..1.
    pub confidence: f64,
    /// When the evidence was seen.
    pub observed_on: NaiveDate,
    /// Days for the credibility to halve.
    pub half_life_days: f64,
    /// Retired claims stay in the history and out of the analytics.
    pub retired: bool,
}

/// The claims as links; claims about people not in `people` are left out.
pub fn claim_links(people: &[Person], claims: &[Claim]) -> Vec<ClaimLink> {
    let index: FxHashMap<&str, u32> = people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i as u32)).collect();
    claims
        .iter()
        .filter_map(|c| {
            Some(ClaimLink {
                from: *index.get(c.from.as_str())?,
                to: *index.get(c.to.as_str())?,
                strength: c.strength,
                confidence: c.confidence,
                observed_on: c.observed_on,
                half_life_days: c.half_life_days,
                retired: c.retired,
            })
        })
        .collect()
}

/// Aggregates the active (not retired, already observed) links per ordered
/// pair, sorted by pair. Claims about one pair are summed in their own order.
pub fn pair_evidence_sorted(links: &[ClaimLink], as_of: NaiveDate) -> Vec<((usize, usize), PairEvidence)> {
    /// What one active claim adds to its pair.
    #[derive(Clone, Copy)]
    struct Part {
        from: u32,
        to: u32,
        k: f64,
        strength: f64,
        stale: bool,
    }
    let active: Vec<Part> = links
        .iter()
        .filter(|l| !l.retired)
        .filter_map(|l| {
            let k = credibility(l.confidence, l.observed_on, l.half_life_days, as_of)?;
            let stale = (as_of - l.observed_on).num_days() as f64 > l.half_life_days;
            Some(Part { from: l.from, to: l.to, k, strength: l.strength, stale })
        })
        .collect();
    // Two stable counting sorts (by target, then by source) put the parts in
    // pair order, each pair's claims in their own order, so sums do not depend
    // on the sorting; the data moves, so the final pass reads it in sequence.
    let by_to = counting_sort(&active, |p| p.to);
    let sorted = counting_sort(&by_to, |p| p.from);
    let mut out: Vec<((usize, usize), PairEvidence)> = Vec::new();
    for p in sorted {
        let pair = (p.from as usize, p.to as usize);
        if out.last().is_none_or(|(q, _)| *q != pair) {
            out.push((pair, PairEvidence::default()));
        }
        if let Some((_, e)) = out.last_mut() {
            e.sum_k += p.k;
            e.sum_ks += p.k * p.strength;
            e.max_k = e.max_k.max(p.k);
            e.claims += 1;
            e.stale += u32::from(p.stale);
            e.positive += u32::from(p.strength > 0.0);
        }
    }
    out
}

/// A stable counting sort of `items` by a small integer key.
fn counting_sort<T: Copy>(items: &[T], key: impl Fn(&T) -> u32) -> Vec<T> {
    let buckets = items.iter().map(|t| key(t) as usize + 1).max().unwrap_or(0);
    let mut start = vec![0usize; buckets + 1];
    for t in items {
        start[key(t) as usize + 1] += 1;
    }
    for i in 0..buckets {
        start[i + 1] += start[i];
    }
    let mut out: Vec<Option<T>> = vec![None; items.len()];
    for &t in items {
        let at = &mut start[key(&t) as usize];
        out[*at] = Some(t);
        *at += 1;
    }
    out.into_iter().flatten().collect()
}

/// Aggregates the active claims per pair of people known to `index`.
pub fn pair_evidence(people: &[Person], claims: &[Claim], as_of: NaiveDate) -> FxHashMap<(usize, usize), PairEvidence> {
    pair_evidence_sorted(&claim_links(people, claims), as_of).into_iter().collect()
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

    /// Builds a graph from numbered nodes and edges `(a, b, w)` sorted by
    /// `(a, b)`; for generated benchmark graphs.
    pub fn from_edges(ids: Vec<String>, mut edges: Vec<(usize, usize, f64)>) -> SwayGraph {
        edges.sort_by_key(|x| (x.0, x.1));
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
