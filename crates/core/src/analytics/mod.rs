//! Analytics over the formal and grey charts, exactly as docs/METRICS.md defines
//! them, computed on compact adjacency arrays (never petgraph's `page_rank`,
//! which ignores weights and is quadratic).
//!
//! ```text
//!   claims ─links, credibility─▶ pair evidence ─▶ W_grey(A,B) ─┐
//!   reporting lines ───────────────────────────▶ W_formal(A,B) ┴▶ SwayGraph (A sways B, weight W)
//!        │ pull-PageRank on "listens to" (B→A)   ▶ influence / formal rank
//!        │ Brandes on length −ln W               ▶ broker score
//!        ├ Dijkstra on −ln W                     ▶ strongest influence path
//!        └ label propagation, undirected         ▶ factions
//!   claims alone                                 ▶ coverage, staleness, rank shifts
//! ```

mod betweenness;
mod edges;
mod evidence;
mod factions;
mod forest;
mod heap;
mod influence;
mod meeting;
mod pagerank;
mod pairs;
mod parts;
mod path;
mod progress;
mod reuse;
mod shift;
mod shortest;
mod slices;
mod sway;
mod swayers;

pub use betweenness::{broker_scores, broker_scores_sampled, broker_scores_sampled_with, broker_scores_with};
pub use edges::{sway_edges, sway_edges_of_links, SwayEdge};
pub use evidence::{coverage, unswayed_of_links, Coverage};
pub use factions::{faction_groups, factions, Faction};
pub use influence::{
    broker_report, influence_ranks, influence_ranks_of_links, influence_report, percentiles, BrokerScore, BrokerScores,
    InfluenceRow, RankColumns, BROKER_SAMPLES, EXACT_BROKER_LIMIT,
};
pub use pagerank::influence_rank;
pub use pairs::{claim_links, pair_evidence_sorted, ClaimLink, PairEvidence};
pub use path::{strongest_path, InfluencePath};
pub use progress::Progress;
pub use shift::{claim_shifts, rank_shifts, rank_shifts_of_links, ClaimShift, RankShift};
pub use sway::{SwayGraph, SwayOptions};
pub use swayers::{strongest_swayers, Swayer};
