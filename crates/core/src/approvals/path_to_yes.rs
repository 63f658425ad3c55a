//! The path to yes: for each approver who has not (or no longer) said yes,
//! their stance on the release, who sways them most and how those people
//! stand, the strongest path of influence from "me" to them, and warnings —
//! a strong influencer opposes the release, or the approver is away during
//! its window. Grey-chart data: for the private brief, never the sign-off
//! packet.

use serde::Serialize;
use ts_rs::TS;

use super::ApprovalRow;
use crate::analytics::{strongest_path, strongest_swayers, InfluencePath, SwayGraph};
use crate::model::{Absence, Person, Release, Stance, StanceKind};

/// Sway weight from which an influencer counts as strong.
pub const STRONG_SWAY: f64 = 0.3;

/// How many influencers to show per approver.
const TOP: usize = 3;

/// Someone who sways an approver.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Influencer {
    /// Who.
    pub person: String,
    /// Their sway weight on the approver, 0..1.
    pub weight: f64,
    /// Their stance on the release, if known.
    pub stance: Option<StanceKind>,
}

/// What it takes to get one approver to yes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PathToYes {
    /// The requirement, with its status.
    pub approval: ApprovalRow,
    /// The approver's stance on the release, if known.
    pub stance: Option<StanceKind>,
    /// Who sways them most, strongest first.
    pub influencers: Vec<Influencer>,
    /// The strongest path of influence from "me" (empty when no path or no "me").
    pub path: InfluencePath,
    /// What stands in the way, in plain words.
    pub warnings: Vec<String>,
}

/// The path to yes for every approval in `rows` not approved and current.
pub fn path_to_yes(
    rows: &[ApprovalRow],
    release: &Release,
    graph: &SwayGraph,
    stances: &[Stance],
    absences: &[Absence],
    people: &[Person],
    me: Option<&str>,
) -> Vec<PathToYes> {
    let stance_of =
        |person: &str| stances.iter().find(|s| s.person == person && s.release == release.id).map(|s| s.stance);
    let name = |id: &str| people.iter().find(|p| p.id == id).map_or(id.to_owned(), |p| p.name.clone());
    rows.iter()
        .filter(|r| r.release == release.id && (r.stale || r.status.wants_a_yes()))
        .map(|r| {
            let influencers: Vec<Influencer> = graph
                .node(&r.approver)
                .map(|b| {
                    strongest_swayers(graph.in_edges(b).map(|(a, w)| (graph.id(a), w, false)), TOP)
                        .into_iter()
                        .map(|s| Influencer { stance: stance_of(&s.person), person: s.person, weight: s.weight })
                        .collect()
                })
                .unwrap_or_default();
            let mut warnings = Vec::new();
            for i in influencers.iter().filter(|i| i.weight >= STRONG_SWAY) {
                if let Some(s @ (StanceKind::Sceptic | StanceKind::Blocker)) = i.stance {
                    warnings.push(format!(
                        "{} sways {} strongly ({:.2}) and is a {} on this release.",
                        name(&i.person),
                        name(&r.approver),
                        i.weight,
                        s.as_str()
                    ));
                }
            }
            if let Some(window) = release.window_start.zip(release.window_end) {
                for a in absences
                    .iter()
                    .filter(|a| a.person == r.approver && a.starts_on <= window.1 && window.0 <= a.ends_on)
                {
                    warnings.push(format!(
                        "{} is away {} to {}, during the release window.",
                        name(&r.approver),
                        a.starts_on,
                        a.ends_on
                    ));
                }
            }
            let path = me
                .filter(|me| *me != r.approver)
                .and_then(|me| strongest_path(graph, me, &r.approver))
                .unwrap_or_else(|| InfluencePath {
                    from: me.unwrap_or_default().to_owned(),
                    to: r.approver.clone(),
                    path: Vec::new(),
                    strength: 0.0,
                });
            PathToYes { approval: r.clone(), stance: stance_of(&r.approver), influencers, path, warnings }
        })
        .collect()
}
