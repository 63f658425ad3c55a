//! The influence report: influence rank, formal rank, power gap and broker
//! score per person, as of a date.

use serde::Serialize;
use ts_rs::TS;

use super::{
    broker_scores, broker_scores_sampled_with, broker_scores_with, claim_links, influence_rank, ClaimLink, Progress,
    SwayGraph, SwayOptions,
};
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
    let broker = broker_scores(&full, threads);
    let mut rows = rank_rows(people, options, &full);
    for (row, b) in rows.iter_mut().zip(broker) {
        row.broker = b;
    }
    rows
}

/// The report without broker scores (all 0): the fast part, for showing
/// ranks at once while `broker_report` runs in the background.
pub fn influence_ranks(people: &[Person], claims: &[Claim], options: SwayOptions) -> Vec<InfluenceRow> {
    influence_ranks_of_links(people, &claim_links(people, claims), options)
}

/// `influence_ranks` from claims already reduced to links.
pub fn influence_ranks_of_links(people: &[Person], links: &[ClaimLink], options: SwayOptions) -> Vec<InfluenceRow> {
    let full = SwayGraph::from_links(people, links, SwayOptions { formal_only: false, ..options });
    rank_rows(people, options, &full)
}

fn rank_rows(people: &[Person], options: SwayOptions, full: &SwayGraph) -> Vec<InfluenceRow> {
    let formal = SwayGraph::from_links(people, &[], SwayOptions { formal_only: true, ..options });
    let rank = influence_rank(full);
    let formal_rank = influence_rank(&formal);
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
            broker: 0.0,
        })
        .collect()
}

/// Up to this many people the app computes exact broker scores; above, an
/// estimate from `BROKER_SAMPLES` sampled sources (error in bench/README.md).
pub const EXACT_BROKER_LIMIT: usize = 20_000;

/// Sources sampled for the broker estimate of a very large organisation.
pub const BROKER_SAMPLES: usize = 2_000;

/// One person's broker score.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BrokerScore {
    /// Person id.
    pub id: String,
    /// The score, 0..1.
    pub broker: f64,
}

/// Broker scores of everyone, and how they were computed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BrokerScores {
    /// Per person, in the order of the workspace's people.
    pub scores: Vec<BrokerScore>,
    /// False when estimated from sampled sources.
    pub exact: bool,
    /// Source people the scores were computed from.
    pub sources: u32,
}

/// Broker scores as the app shows them: exact up to `EXACT_BROKER_LIMIT`
/// people, sampled above; `None` when cancelled through `progress`.
pub fn broker_report(graph: &SwayGraph, threads: usize, progress: &Progress) -> Option<BrokerScores> {
    let n = graph.len();
    let exact = n <= EXACT_BROKER_LIMIT;
    let scores = if exact {
        broker_scores_with(graph, threads, progress)?
    } else {
        broker_scores_sampled_with(graph, threads, BROKER_SAMPLES, 1, progress)?
    };
    Some(BrokerScores {
        scores: scores
            .into_iter()
            .enumerate()
            .map(|(i, broker)| BrokerScore { id: graph.id(i).to_owned(), broker })
            .collect(),
        exact,
        sources: if exact { n } else { BROKER_SAMPLES } as u32,
    })
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
