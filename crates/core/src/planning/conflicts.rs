//! What collides in a plan, each with a plain-language message and the items
//! involved.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::graph::Node;
use super::schedule::Slot;
use super::{OpenWork, PlanInputs};
use crate::model::{Period, Release, Stage};

domain_enum! {
    /// What kind of problem a conflict is.
    ConflictKind {
        /// The planned window overlaps a freeze that applies to the release.
        Freeze = "freeze",
        /// The earliest feasible deployment falls after the planned window.
        Late = "late",
        /// No deployment window is left once the work is ready.
        NoWindow = "no_window",
        /// A prerequisite is planned to ship after what depends on it.
        Order = "order",
        /// Two releases change the same component in overlapping windows.
        ComponentClash = "component_clash",
        /// An approver is away during the release window.
        ApproverAbsent = "approver_absent",
        /// Releases wait for each other, so none can deploy first.
        Interleaved = "interleaved",
        /// Something waits for work in a cancelled release.
        CancelledPrerequisite = "cancelled_prerequisite",
    }
}

/// One problem in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Conflict {
    /// What kind of problem.
    pub kind: ConflictKind,
    /// The ids involved: releases, changes, components, people, periods.
    pub items: Vec<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

fn conflict(kind: ConflictKind, items: Vec<String>, message: String) -> Conflict {
    Conflict { kind, items, message }
}

/// A planned window, when the release has one.
fn window(r: &Release) -> Option<(NaiveDate, NaiveDate)> {
    r.window_start.zip(r.window_end)
}

fn overlap(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

fn dates((from, to): (NaiveDate, NaiveDate)) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} – {to}")
    }
}

/// A release's display name with its id.
fn named(r: &Release) -> String {
    if r.name == r.id {
        r.id.clone()
    } else {
        format!("{} ({})", r.name, r.id)
    }
}

/// Open releases planned inside a freeze that applies to them;
/// `freezes_of(i)` lists the freezes applying to release `i`.
pub(crate) fn freezes<'p>(work: &OpenWork<'_>, freezes_of: &dyn Fn(usize) -> Vec<&'p Period>) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, r) in work.releases.iter().enumerate() {
        let Some(w) = window(r) else { continue };
        for f in freezes_of(i) {
            let span = (f.starts_on, f.ends_on);
            if overlap(w, span) {
                out.push(conflict(
                    ConflictKind::Freeze,
                    vec![r.id.clone(), f.id.clone()],
                    format!(
                        "{} is planned for {}, inside the freeze “{}” ({}).",
                        named(r),
                        dates(w),
                        f.name,
                        dates(span)
                    ),
                ));
            }
        }
    }
    out
}

/// Open releases whose earliest feasible deployment falls after their
/// planned window, or that no window is left for. `release_slots[i]` is
/// release `i`'s slot.
pub(crate) fn late(work: &OpenWork<'_>, release_slots: &[Slot]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (r, slot) in work.releases.iter().zip(release_slots) {
        match (slot.deploys_on, window(r)) {
            (None, _) => out.push(conflict(
                ConflictKind::NoWindow,
                vec![r.id.clone()],
                format!("{} has no deployment window left after its changes are ready on {}.", named(r), slot.ready_on),
            )),
            (Some(d), Some(w)) if d > w.1 => out.push(conflict(
                ConflictKind::Late,
                vec![r.id.clone()],
                format!("{} cannot deploy before {d}, after its planned window {} ends.", named(r), dates(w)),
            )),
            _ => {}
        }
    }
    out
}

/// Dependencies whose prerequisite is planned to ship after its dependant,
/// by the planned windows of the two releases.
pub(crate) fn order(work: &OpenWork<'_>) -> Vec<Conflict> {
    let g = &work.graph;
    let mut out = Vec::new();
    for v in 0..g.len() {
        // Dependencies leave a change or a release's finish and reach a
        // change or a release's start; the other links are memberships.
        let a = match g.node(v) {
            Node::Change(i) => g.release_of(i),
            Node::Finish(i) => Some(i),
            Node::Start(_) => continue,
        };
        let Some(a) = a else { continue };
        let Some(wa) = window(work.releases[a]) else { continue };
        for (w, lag) in g.successors(v) {
            let b = match g.node(w) {
                Node::Change(i) => g.release_of(i),
                Node::Start(i) => Some(i),
                Node::Finish(_) => continue,
            };
            let Some(b) = b.filter(|&b| b != a) else { continue };
            let Some(wb) = window(work.releases[b]) else { continue };
            let due = wa.0.checked_add_days(chrono::Days::new(u64::from(lag))).unwrap_or(NaiveDate::MAX);
            if due > wb.1 {
                let (before, after) = (g.id(v), g.id(w));
                let (ra, rb) = (work.releases[a], work.releases[b]);
                out.push(conflict(
                    ConflictKind::Order,
                    vec![before.to_owned(), after.to_owned()],
                    format!(
                        "{before} must ship before {after}, but {} is planned for {} and {} for {}.",
                        named(ra),
                        dates(wa),
                        named(rb),
                        dates(wb)
                    ),
                ));
            }
        }
    }
    out
}

/// Dependants still planned whose prerequisite will never ship: it is, or
/// belongs to, a cancelled release.
pub(crate) fn cancelled_prerequisites<'a>(inputs: &PlanInputs<'a>) -> Vec<Conflict> {
    let cancelled: FxHashMap<&str, &Release> =
        inputs.releases.iter().filter(|r| r.stage == Stage::Cancelled).map(|r| (r.id.as_str(), r)).collect();
    if cancelled.is_empty() {
        return Vec::new();
    }
    let settled: FxHashMap<&str, &Release> =
        inputs.releases.iter().filter(|r| r.stage.is_settled()).map(|r| (r.id.as_str(), r)).collect();
    let release_of: FxHashMap<&str, &str> = inputs
        .changes
        .iter()
        .filter_map(|c| c.release.as_deref().filter(|r| settled.contains_key(r)).map(|r| (c.id.as_str(), r)))
        .collect();
    let home = |id: &'a str| -> &'a str { release_of.get(id).copied().unwrap_or(id) };
    let mut out = Vec::new();
    for d in inputs.dependencies {
        let Some(gone) = cancelled.get(home(&d.before)) else { continue };
        if settled.contains_key(home(&d.after)) {
            continue;
        }
        out.push(conflict(
            ConflictKind::CancelledPrerequisite,
            vec![d.before.clone(), d.after.clone()],
            format!("{} waits for {}, which will not ship: {} is cancelled.", d.after, d.before, named(gone)),
        ));
    }
    out
}

/// Pairs of open releases that change the same component in overlapping
/// windows.
pub(crate) fn component_clashes(inputs: &PlanInputs<'_>, work: &OpenWork<'_>) -> Vec<Conflict> {
    let names: FxHashMap<&str, &str> = inputs.components.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    // Component → open releases with a window touching it (each once).
    let mut touching: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, c) in work.changes.iter().enumerate() {
        let Some(r) = work.graph.release_of(i) else { continue };
        if window(work.releases[r]).is_none() {
            continue;
        }
        for comp in &c.components {
            let list = touching.entry(comp.as_str()).or_default();
            if list.last() != Some(&r) && !list.contains(&r) {
                list.push(r);
            }
        }
    }
    // Release pair → the components both touch.
    let mut pairs: FxHashMap<(usize, usize), Vec<&str>> = FxHashMap::default();
    for (comp, list) in &touching {
        let mut dated: Vec<(NaiveDate, NaiveDate, usize)> =
            list.iter().filter_map(|&r| window(work.releases[r]).map(|w| (w.0, w.1, r))).collect();
        dated.sort_unstable();
        // Sweep by start, keeping only the windows still open.
        let mut open: Vec<(NaiveDate, usize)> = Vec::new();
        for &(start, end, r) in &dated {
            open.retain(|&(e, _)| e >= start);
            for &(_, earlier) in &open {
                pairs.entry((earlier.min(r), earlier.max(r))).or_default().push(comp);
            }
            open.push((end, r));
        }
    }
    let mut keys: Vec<_> = pairs.keys().copied().collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|(a, b)| {
            let mut comps = pairs[&(a, b)].clone();
            comps.sort_unstable();
            let (ra, rb) = (work.releases[a], work.releases[b]);
            let shown: Vec<String> =
                comps.iter().map(|c| format!("“{}”", names.get(c).copied().unwrap_or(c))).collect();
            let mut items = vec![ra.id.clone(), rb.id.clone()];
            items.extend(comps.iter().map(|c| (*c).to_owned()));
            conflict(
                ConflictKind::ComponentClash,
                items,
                format!(
                    "{} ({}) and {} ({}) both change {} in overlapping windows.",
                    named(ra),
                    window(ra).map(dates).unwrap_or_default(),
                    named(rb),
                    window(rb).map(dates).unwrap_or_default(),
                    shown.join(", ")
                ),
            )
        })
        .collect()
}
/// Approvers away during the planned window of a release they must approve.
pub(crate) fn absent_approvers(inputs: &PlanInputs<'_>) -> Vec<Conflict> {
    let releases: FxHashMap<&str, &Release> = inputs.releases.iter().map(|r| (r.id.as_str(), r)).collect();
    let names: FxHashMap<&str, &str> = inputs.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let mut out = Vec::new();
    for q in inputs.requirements {
        let Some(w) = releases.get(q.release.as_str()).filter(|r| !r.stage.is_settled()).and_then(|r| window(r)) else {
            continue;
        };
        for a in inputs.absences.iter().filter(|a| a.person == q.approver && overlap((a.starts_on, a.ends_on), w)) {
            out.push(conflict(
                ConflictKind::ApproverAbsent,
                vec![q.release.clone(), q.approver.clone()],
                format!(
                    "{} must approve {} as {} but is away {}, during its window {}.",
                    names.get(q.approver.as_str()).copied().unwrap_or(&q.approver),
                    releases.get(q.release.as_str()).map_or(q.release.clone(), |r| named(r)),
                    q.role.words(),
                    dates((a.starts_on, a.ends_on)),
                    dates(w)
                ),
            ));
        }
    }
    out
}
