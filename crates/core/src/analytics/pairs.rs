//! The evidence of the grey chart per ordered pair of people: claims reduced
//! to links (their ends as positions in the people list, no texts), and the
//! active links of each pair gathered as of a date. The sway graph weighs
//! its grey edges from these; the drawing shows them.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::model::{credibility, Claim, Person};

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
    // A stable counting sort by source, then a stable sort of each source's
    // few parts by target, put the parts in pair order with each pair's
    // claims in their own order, so sums do not depend on the sorting.
    let mut sorted = by_source(&active, |p| p.from);
    let mut start = 0;
    while start < sorted.len() {
        let from = sorted[start].from;
        let end = start + sorted[start..].iter().take_while(|p| p.from == from).count();
        sorted[start..end].sort_by_key(|p| p.to);
        start = end;
    }
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

/// A stable counting sort of `items` by a small integer key: the order is
/// counted as positions, then the items are moved once.
fn by_source<T: Copy>(items: &[T], key: impl Fn(&T) -> u32) -> Vec<T> {
    let buckets = items.iter().map(|t| key(t) as usize + 1).max().unwrap_or(0);
    let mut start = vec![0u32; buckets + 1];
    for t in items {
        start[key(t) as usize + 1] += 1;
    }
    for i in 0..buckets {
        start[i + 1] += start[i];
    }
    let mut order = vec![0u32; items.len()];
    for (i, t) in items.iter().enumerate() {
        let at = &mut start[key(t) as usize];
        order[*at as usize] = i as u32;
        *at += 1;
    }
    order.into_iter().map(|i| items[i as usize]).collect()
}
