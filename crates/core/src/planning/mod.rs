//! Release planning analytics on compact arrays: deploy order, critical
//! path, the earliest feasible schedule on the calendar, conflicts and blast
//! radius (definitions in DESIGN.md; the calendar rules in `schedule`).
//!
//! ```text
//!   graph      changes and release milestones, finish-to-start links, cycles refused
//!   critical   earliest starts, critical path, deploy order
//!   calendar   which windows and freezes apply, first allowed day
//!   schedule   the earliest feasible schedule
//!   conflicts  freezes, lateness, order, component clashes, absent approvers
//!   impact     blast radius
//! ```

mod calendar;
mod conflicts;
mod critical;
mod graph;
mod impact;
mod schedule;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use ts_rs::TS;

pub use calendar::{Applying, Dependants};
pub use conflicts::Conflict;
pub use critical::{critical_path, deploy_order, Timing};
pub use graph::{Node, PlanGraph};
pub use impact::{downstream, impact, Impact};
pub use schedule::Slot;

use crate::model::{Absence, ApprovalRequirement, Change, Component, Dependency, Period, Person, Release, Service};
use crate::CoreError;

/// What the plan analytics read.
#[derive(Debug, Clone, Copy)]
pub struct PlanInputs<'a> {
    /// Releases.
    pub releases: &'a [Release],
    /// Changes.
    pub changes: &'a [Change],
    /// Dependencies between changes and releases.
    pub dependencies: &'a [Dependency],
    /// Components.
    pub components: &'a [Component],
    /// Services.
    pub services: &'a [Service],
    /// Deployment windows and freezes.
    pub periods: &'a [Period],
    /// People's absences.
    pub absences: &'a [Absence],
    /// Who must approve which release.
    pub requirements: &'a [ApprovalRequirement],
    /// People, for names and teams.
    pub people: &'a [Person],
}

/// The plan at a glance: `greychart plan --json` and the Release plan view.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlanReport {
    /// Every change, each after its prerequisites.
    pub order: Vec<String>,
    /// The changes that set the plan's length, first to last.
    pub critical_path: Vec<String>,
    /// The plan's minimum duration in days.
    pub critical_path_days: u64,
    /// What collides.
    pub conflicts: Vec<Conflict>,
    /// The first day of the schedule.
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    /// Each change and release in the earliest feasible schedule.
    pub schedule: Vec<Slot>,
}

/// Analyses the work still to plan (releases not yet deployed, reviewed or
/// cancelled), starting on `first_day`. A cycle among the dependencies is
/// refused naming its members.
pub fn plan(inputs: &PlanInputs<'_>, first_day: NaiveDate) -> Result<PlanReport, CoreError> {
    let graph = PlanGraph::build_open(inputs.releases, inputs.changes, inputs.dependencies)?;
    let timing = Timing::of(&graph);
    let (critical_path, critical_path_days) = critical::critical_path(&graph, &timing);
    let order = critical::deploy_order(&graph, &timing);
    let on_path: FxHashSet<&str> = critical_path.iter().map(String::as_str).collect();
    let critical: Vec<bool> = (0..graph.changes()).map(|i| on_path.contains(graph.change_id(i))).collect();

    let by_id: FxHashMap<&str, &Change> = inputs.changes.iter().map(|c| (c.id.as_str(), c)).collect();
    let components_of = |i: usize| by_id.get(graph.change_id(i)).map_or(&[][..], |c| c.components.as_slice());
    let mut release_components: Vec<Vec<&str>> = vec![Vec::new(); graph.releases()];
    for i in 0..graph.changes() {
        if let Some(r) = graph.release_of(i) {
            release_components[r].extend(components_of(i).iter().map(String::as_str));
        }
    }
    let dependants = Dependants::of(inputs.services);
    let applying = |node: Node| match node {
        Node::Change(i) => Applying::to(inputs.periods, &dependants, components_of(i).iter().map(String::as_str)),
        Node::Start(r) | Node::Finish(r) => {
            Applying::to(inputs.periods, &dependants, release_components[r].iter().copied())
        }
    };
    let (schedule, interleaved) = schedule::schedule(&graph, &timing, first_day, &applying, &critical);

    let open: Vec<&Release> = inputs.releases.iter().filter(|r| !r.stage.is_settled()).collect();
    let release_node: FxHashMap<&str, usize> = (0..graph.releases()).map(|r| (graph.release_id(r), r)).collect();
    let freezes_of = |id: &str| {
        release_node.get(id).map_or_else(Vec::new, |&r| {
            applying(Node::Start(r))
                .freezes()
                .iter()
                .map(|f| (f.id.clone(), f.name.clone(), (f.starts_on, f.ends_on)))
                .collect()
        })
    };
    let mut conflicts = conflicts::freezes(&open, &freezes_of);
    conflicts.extend(conflicts::late(&open, &schedule));
    conflicts.extend(conflicts::order(inputs));
    conflicts.extend(conflicts::cancelled_prerequisites(inputs));
    conflicts.extend(conflicts::component_clashes(inputs, &open));
    conflicts.extend(conflicts::absent_approvers(inputs));
    for members in interleaved {
        conflicts.push(Conflict {
            kind: "interleaved".to_owned(),
            message: format!(
                "Releases {} wait for each other: their changes depend on one another in both directions, so none can deploy first.",
                members.join(", ")
            ),
            items: members,
        });
    }
    Ok(PlanReport { order, critical_path, critical_path_days, conflicts, starts_on: first_day, schedule })
}
