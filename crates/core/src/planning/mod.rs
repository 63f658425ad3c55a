//! Release planning analytics on compact arrays: deploy order, critical
//! path, the earliest feasible schedule on the calendar, conflicts and blast
//! radius (definitions in docs/METRICS.md; the calendar rules in `schedule`).
//!
//! ```text
//!   graph      changes and release milestones, finish-to-start links, cycles refused
//!   critical   earliest starts, critical path, deploy order
//!   calendar   which windows and freezes apply, first allowed day
//!   schedule   the earliest feasible schedule
//!   conflicts  freezes, lateness, order, component clashes, absent approvers
//!   impact     blast radius
//!   diagram    one release's dependency diagram laid out for print
//! ```

mod calendar;
mod conflicts;
mod critical;
mod diagram;
mod graph;
mod ics;
mod impact;
mod schedule;

use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use serde::Serialize;
use ts_rs::TS;

pub use calendar::{Applying, Dependants};
pub use conflicts::{Conflict, ConflictKind};
pub use critical::{critical_path, deploy_order, Timing};
pub use diagram::{release_diagram, Diagram, DiagramLink, DiagramNode};
pub use graph::{Node, PlanGraph};
pub use ics::{schedule_csv, schedule_ics, ScheduleFormat};
pub use impact::{downstream, impact, Impact};
pub use schedule::{Slot, SlotKind};

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

/// The records the plan analytics read, owned (by the store after reading
/// them, by the benchmarks after generating them).
#[derive(Debug, Clone, Default)]
pub struct PlanRecords {
    /// Releases.
    pub releases: Vec<Release>,
    /// Changes.
    pub changes: Vec<Change>,
    /// Dependencies.
    pub dependencies: Vec<Dependency>,
    /// Components.
    pub components: Vec<Component>,
    /// Services.
    pub services: Vec<Service>,
    /// Windows and freezes.
    pub periods: Vec<Period>,
    /// Absences.
    pub absences: Vec<Absence>,
    /// Approval requirements (active ones).
    pub requirements: Vec<ApprovalRequirement>,
    /// People.
    pub people: Vec<Person>,
}

impl PlanRecords {
    /// The records as the analytics' inputs.
    pub fn inputs(&self) -> PlanInputs<'_> {
        PlanInputs {
            releases: &self.releases,
            changes: &self.changes,
            dependencies: &self.dependencies,
            components: &self.components,
            services: &self.services,
            periods: &self.periods,
            absences: &self.absences,
            requirements: &self.requirements,
            people: &self.people,
        }
    }
}

/// The plan at a glance: `greychart plan --json` and the Release plan view.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlanReport {
    /// Every change, each after its prerequisites.
    pub order: Vec<String>,
    /// The changes that set the plan's length, first to last.
    pub critical_path: Vec<String>,
    /// The plan's minimum duration in days.
    #[ts(type = "number")]
    pub critical_path_days: u64,
    /// What collides.
    pub conflicts: Vec<Conflict>,
    /// The first day of the schedule.
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    /// Each change and release in the earliest feasible schedule.
    pub schedule: Vec<Slot>,
}

/// The work still to plan: releases not yet deployed, reviewed or
/// cancelled and their changes, with the plan graph over them; release `i`
/// and change `j` of the graph are `releases[i]` and `changes[j]`.
pub(crate) struct OpenWork<'a> {
    graph: PlanGraph<'a>,
    releases: Vec<&'a Release>,
    changes: Vec<&'a Change>,
}

impl<'a> OpenWork<'a> {
    fn of(inputs: &PlanInputs<'a>) -> Result<OpenWork<'a>, CoreError> {
        let releases: Vec<&Release> = inputs.releases.iter().filter(|r| !r.stage.is_settled()).collect();
        let settled: FxHashSet<&str> =
            inputs.releases.iter().filter(|r| r.stage.is_settled()).map(|r| r.id.as_str()).collect();
        let changes: Vec<&Change> = inputs
            .changes
            .iter()
            .filter(|c| settled.is_empty() || !c.release.as_deref().is_some_and(|r| settled.contains(r)))
            .collect();
        let graph = PlanGraph::build_of(&releases, &changes, inputs.dependencies)?;
        Ok(OpenWork { graph, releases, changes })
    }
}

/// The plan analytics over the work still to plan (releases not yet
/// deployed, reviewed or cancelled), built once and asked in parts.
pub struct Planner<'a> {
    inputs: PlanInputs<'a>,
    work: OpenWork<'a>,
    timing: Timing,
    dependants: Dependants<'a>,
    /// The components each open release's changes touch.
    release_components: Vec<Vec<&'a str>>,
}

impl<'a> Planner<'a> {
    /// Builds the plan graph and its earliest starts; a cycle among the
    /// dependencies is refused naming its members.
    pub fn new(inputs: &PlanInputs<'a>) -> Result<Planner<'a>, CoreError> {
        let work = OpenWork::of(inputs)?;
        let timing = Timing::of(&work.graph);
        let mut release_components: Vec<Vec<&str>> = vec![Vec::new(); work.graph.releases()];
        for (i, c) in work.changes.iter().enumerate() {
            if let Some(r) = work.graph.release_of(i) {
                release_components[r].extend(c.components.iter().map(String::as_str));
            }
        }
        Ok(Planner { inputs: *inputs, work, timing, dependants: Dependants::of(inputs.services), release_components })
    }

    /// Every change, each after its prerequisites.
    pub fn order(&self) -> Vec<String> {
        critical::deploy_order(&self.work.graph, &self.timing)
    }

    /// The changes that set the plan's length, and that length in days.
    pub fn critical_path(&self) -> (Vec<String>, u64) {
        critical::critical_path(&self.work.graph, &self.timing)
    }

    /// The windows and freezes that apply to a node's changes.
    fn applying(&self, node: Node) -> Applying<'a> {
        match node {
            Node::Change(i) => {
                let components = self.work.changes[i].components.iter().map(String::as_str);
                Applying::to(self.inputs.periods, &self.dependants, components)
            }
            Node::Start(r) | Node::Finish(r) => {
                Applying::to(self.inputs.periods, &self.dependants, self.release_components[r].iter().copied())
            }
        }
    }

    /// The conflicts the plan holds whatever the schedule: releases planned
    /// in a freeze, prerequisites planned after their dependants, cancelled
    /// prerequisites, component clashes and absent approvers.
    pub fn standing_conflicts(&self) -> Vec<Conflict> {
        let freezes_of = |r: usize| self.applying(Node::Start(r)).freezes().to_vec();
        let mut out = conflicts::freezes(&self.work, &freezes_of);
        out.extend(conflicts::order(&self.work));
        out.extend(conflicts::cancelled_prerequisites(&self.inputs));
        out.extend(conflicts::component_clashes(&self.inputs, &self.work));
        out.extend(conflicts::absent_approvers(&self.inputs));
        out
    }

    /// The earliest feasible schedule with work starting on `first_day`,
    /// and the conflicts it shows: releases that cannot make their window
    /// or have none left, and releases that wait for each other.
    pub fn schedule(&self, first_day: NaiveDate, critical_path: &[String]) -> (Vec<Slot>, Vec<Conflict>) {
        let graph = &self.work.graph;
        let on_path: FxHashSet<&str> = critical_path.iter().map(String::as_str).collect();
        let critical: Vec<bool> = (0..graph.changes()).map(|i| on_path.contains(graph.change_id(i))).collect();
        let applying = |node: Node| self.applying(node);
        // Changes held back to a day start no earlier than it.
        let floors: Vec<u64> = self
            .work
            .changes
            .iter()
            .map(|c| c.not_before.map_or(0, |d| u64::try_from((d - first_day).num_days()).unwrap_or(0)))
            .collect();
        let held = floors.iter().any(|&f| f > 0);
        let timing = if held { Timing::with_floors(graph, &floors) } else { self.timing.clone() };
        let (slots, interleaved) = schedule::schedule(graph, &timing, first_day, &applying, &critical);
        let mut out = conflicts::late(&self.work, &slots[graph.changes()..]);
        for members in interleaved {
            out.push(Conflict {
                kind: ConflictKind::Interleaved,
                message: format!(
                    "Releases {} wait for each other: their changes depend on one another in both directions, so none can deploy first.",
                    members.join(", ")
                ),
                items: members,
            });
        }
        (slots, out)
    }
}

/// Analyses the work still to plan, starting on `first_day`: everything of
/// `Planner` in one report. A cycle among the dependencies is refused naming
/// its members.
pub fn plan(inputs: &PlanInputs<'_>, first_day: NaiveDate) -> Result<PlanReport, CoreError> {
    let planner = Planner::new(inputs)?;
    let (critical_path, critical_path_days) = planner.critical_path();
    let (schedule, late) = planner.schedule(first_day, &critical_path);
    let mut conflicts = planner.standing_conflicts();
    conflicts.extend(late);
    Ok(PlanReport {
        order: planner.order(),
        critical_path,
        critical_path_days,
        conflicts,
        starts_on: first_day,
        schedule,
    })
}

#[cfg(test)]
mod tests;
