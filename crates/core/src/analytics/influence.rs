//! The influence report: influence rank, formal rank, power gap and broker
//! score per person, as of a date.

use serde::Serialize;
use ts_rs::TS;

use super::{broker_scores, influence_rank, SwayGraph, SwayOptions};
use crate::model::{Claim, Person};

/// One person's standing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct InfluenceRow {
    /// Person id.
    pub id: String,
    /// Person name.
    pub name: String,
    /// Share of influence with the grey chart (PageRank; all sum to 1).
    pub rank: f64,
    /// Share of influence from the formal chart alone.
    pub formal_rank: f64,
    /// Percentile of the influence rank among everyone, 0..100 (the "power"
    /// of the stakeholder grid).
    pub rank_percentile: f64,
    /// Percentile of rank minus percentile of formal rank, in points:
    /// large and positive means hidden power.
    pub power_gap: f64,
    /// How often this person lies on the strongest paths between others, 0..1.
    pub broker: f64,
}

/// Computes the report for everyone, in the order of `people`.
pub fn influence_report(
    people: &[Person],
    claims: &[Claim],
    options: SwayOptions,
    threads: usize,
) -> Vec<InfluenceRow> {
    let full = SwayGraph::build(people, claims, SwayOptions { formal_only: false, ..options });
    let formal = SwayGraph::build(people, claims, SwayOptions { formal_only: true, ..options });
    let rank = influence_rank(&full);
    let formal_rank = influence_rank(&formal);
    let broker = broker_scores(&full, threads);
    let rank_pct = percentiles(&rank);
    let formal_pct = percentiles(&formal_rank);
    people
        .iter()
        .enumerate()
        .map(|(i, p)| InfluenceRow {
            id: p.id.clone(),
            name: p.name.clone(),
            rank: rank[i],
            formal_rank: formal_rank[i],
            rank_percentile: rank_pct[i],
            power_gap: rank_pct[i] - formal_pct[i],
            broker: broker[i],
        })
        .collect()
}

/// Percentile of each value among all, 0..100: the share of the others that
/// lie below it, ties counting half. One value alone sits at 50.
pub fn percentiles(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    if n <= 1 {
        return vec![50.0; n];
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; n];
    let mut start = 0;
    while start < n {
        let mut end = start;
        while end + 1 < n && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let ties = (end - start) as f64;
        let pct = 100.0 * (start as f64 + 0.5 * ties) / (n - 1) as f64;
        for &i in &order[start..=end] {
            out[i] = pct;
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_span_zero_to_a_hundred_with_ties_halved() {
        assert_eq!(percentiles(&[3.0, 1.0, 2.0]), vec![100.0, 0.0, 50.0]);
        assert_eq!(percentiles(&[1.0, 1.0]), vec![50.0, 50.0]);
        assert_eq!(percentiles(&[7.0]), vec![50.0]);
    }
}
