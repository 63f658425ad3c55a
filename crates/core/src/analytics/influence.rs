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

/// Everyone's ranks and power gaps in columns, most influential first (ties
/// in people order): what the window lists. A chart of 100,000 people
/// crosses to the page in half the bytes of its rows, without each row's
/// keys, name and unset broker score; the window has the names already and
/// asks for broker scores apart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RankColumns {
    /// Person ids, most influential first.
    pub ids: Vec<String>,
    /// Their `InfluenceRow::rank`, in the same order.
    pub rank: Vec<f64>,
    /// Their `InfluenceRow::formal_rank`.
    pub formal_rank: Vec<f64>,
    /// Their `InfluenceRow::rank_percentile`.
    pub rank_percentile: Vec<f64>,
    /// Their `InfluenceRow::power_gap`.
    pub power_gap: Vec<f64>,
}

impl RankColumns {
    /// The rows' ranks in columns, most influential first; rows of equal
    /// rank keep their order.
    pub fn of(rows: &[InfluenceRow]) -> Self {
        let mut order: Vec<&InfluenceRow> = rows.iter().collect();
        order.sort_by(|a, b| b.rank.total_cmp(&a.rank));
        let column = |f: fn(&InfluenceRow) -> f64| order.iter().map(|r| f(r)).collect();
        RankColumns {
            ids: order.iter().map(|r| r.id.clone()).collect(),
            rank: column(|r| r.rank),
            formal_rank: column(|r| r.formal_rank),
            rank_percentile: column(|r| r.rank_percentile),
            power_gap: column(|r| r.power_gap),
        }
    }
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

    #[test]
    fn rank_columns_list_the_rows_most_influential_first_ties_in_order() {
        let row = |id: &str, rank: f64| InfluenceRow {
            id: id.into(),
            name: format!("{id}'s name"),
            rank,
            formal_rank: rank / 2.0,
            rank_percentile: rank * 100.0,
            power_gap: -rank,
            broker: 0.5,
        };
        let rows = [row("a", 0.2), row("b", 0.5), row("c", 0.2), row("d", 0.1)];
        let columns = RankColumns::of(&rows);
        assert_eq!(columns.ids, ["b", "a", "c", "d"]);
        assert_eq!(columns.rank, [0.5, 0.2, 0.2, 0.1]);
        assert_eq!(columns.formal_rank, [0.25, 0.1, 0.1, 0.05]);
        assert_eq!(columns.rank_percentile, [50.0, 20.0, 20.0, 10.0]);
        assert_eq!(columns.power_gap, [-0.5, -0.2, -0.2, -0.1]);
    }
}
