//! Blast radius (docs/METRICS.md): everything downstream of an item in the
//! dependency graph, the services that depend (transitively) on the
//! components it touches, and their owners.

use rustc_hash::FxHashSet;
use serde::Serialize;
use ts_rs::TS;

use super::calendar::Dependants;
use super::graph::{was_reached, Node, PlanGraph};
use super::PlanInputs;

/// What is hit if an item goes wrong.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Impact {
    /// The change, release, component or service asked about.
    pub item: String,
    /// Changes and releases that depend on it, transitively, in plan order.
    pub downstream: Vec<String>,
    /// Services that depend on the components it touches, sorted.
    pub services: Vec<String>,
    /// Teams that own those components, or whose people own those services.
    pub teams: Vec<String>,
    /// The business owners of those services.
    pub people: Vec<String>,
}

/// The items downstream of `v`: changes reached, and releases whose start is
/// reached (the whole release waits), in topological order.
pub fn downstream(graph: &PlanGraph<'_>, v: usize) -> Vec<String> {
    let reached = graph.reached_from(v);
    let reached = |w: usize| was_reached(&reached, w);
    graph
        .order()
        .iter()
        .map(|&w| w as usize)
        .filter(|&w| reached(w) && w != v)
        .filter_map(|w| match graph.node(w) {
            Node::Change(i) => Some(graph.change_id(i).to_owned()),
            Node::Start(i) => Some(graph.release_id(i).to_owned()),
            Node::Finish(_) => None,
        })
        .collect()
}

/// The blast radius of `item`; `None` when nothing has that id.
pub fn impact(inputs: &PlanInputs<'_>, graph: &PlanGraph<'_>, item: &str) -> Option<Impact> {
    // What the item touches: a change its components, a release its
    // changes' components, a component itself, a service itself.
    let mut touched: Vec<&str> = Vec::new();
    let node = graph.node_of(item, false);
    if let Some(c) = inputs.changes.iter().find(|c| c.id == item) {
        touched.extend(c.components.iter().map(String::as_str));
    } else if inputs.releases.iter().any(|r| r.id == item) {
        for c in inputs.changes.iter().filter(|c| c.release.as_deref() == Some(item)) {
            touched.extend(c.components.iter().map(String::as_str));
        }
    } else if inputs.components.iter().any(|c| c.id == item) || inputs.services.iter().any(|s| s.id == item) {
        touched.push(item);
    } else {
        return None;
    }
    let dependants = Dependants::of(inputs.services);
    let mut services: FxHashSet<&str> = FxHashSet::default();
    for t in &touched {
        services.extend(dependants.services(t).iter().copied());
    }
    if inputs.services.iter().any(|s| s.id == item) {
        services.insert(item);
    }
    let mut people: FxHashSet<&str> = FxHashSet::default();
    for s in inputs.services.iter().filter(|s| services.contains(s.id.as_str())) {
        people.extend(s.business_owner.as_deref());
    }
    let mut teams: FxHashSet<&str> = FxHashSet::default();
    for c in inputs.components.iter().filter(|c| touched.contains(&c.id.as_str())) {
        teams.extend(c.owner_team.as_deref());
    }
    for p in inputs.people.iter().filter(|p| people.contains(p.id.as_str())) {
        teams.extend(p.team.as_deref());
    }
    let sorted = |set: FxHashSet<&str>| {
        let mut v: Vec<String> = set.into_iter().map(str::to_owned).collect();
        v.sort();
        v
    };
    Some(Impact {
        item: item.to_owned(),
        downstream: node.map(|v| downstream(graph, v)).unwrap_or_default(),
        services: sorted(services),
        teams: sorted(teams),
        people: sorted(people),
    })
}
