//! What collides in a plan, each with a plain-language message and the items
//! involved.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::schedule::Slot;
use super::PlanInputs;
use crate::model::{Release, Stage};

/// One problem in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Conflict {
    /// `freeze`, `late`, `order`, `component_clash`, `approver_absent`,
    /// `interleaved` or `no_window`.
    pub kind: String,
    /// The ids involved: releases, changes, components, people, periods.
    pub items: Vec<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

fn conflict(kind: &str, items: Vec<String>, message: String) -> Conflict {
    Conflict { kind: kind.to_owned(), items, message }
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

/// The freezes that apply to a release, by id: (id, name, span).
type FreezesOf<'f> = dyn Fn(&str) -> Vec<(String, String, (NaiveDate, NaiveDate))> + 'f;

/// Open releases planned inside a freeze that applies to them.
pub(crate) fn freezes(open: &[&Release], freezes_of: &FreezesOf<'_>) -> Vec<Conflict> {
    let mut out = Vec::new();
    for r in open {
        let Some(w) = window(r) else { continue };
        for (id, name, span) in freezes_of(&r.id) {
            if overlap(w, span) {
                out.push(conflict(
                    "freeze",
                    vec![r.id.clone(), id],
                    format!("{} is planned for {}, inside the freeze “{name}” ({}).", named(r), dates(w), dates(span)),
                ));
            }
        }
    }
    out
}

/// Open releases whose earliest feasible deployment falls after their
/// planned window, or that no window is left for.
pub(crate) fn late(open: &[&Release], slots: &[Slot]) -> Vec<Conflict> {
    let by_id: FxHashMap<&str, &Slot> =
        slots.iter().filter(|s| s.kind == "release").map(|s| (s.id.as_str(), s)).collect();
    let mut out = Vec::new();
    for r in open {
        let Some(slot) = by_id.get(r.id.as_str()) else { continue };
        match (slot.deploys_on, window(r)) {
            (None, _) => out.push(conflict(
                "no_window",
                vec![r.id.clone()],
                format!("{} has no deployment window left after its changes are ready on {}.", named(r), slot.ready_on),
            )),
            (Some(d), Some(w)) if d > w.1 => out.push(conflict(
                "late",
                vec![r.id.clone()],
                format!("{} cannot deploy before {d}, after its planned window {} ends.", named(r), dates(w)),
            )),
            _ => {}
        }
    }
    out
}

/// Dependencies whose prerequisite is planned to ship after its dependant
/// (by the planned windows of the releases involved).
pub(crate) fn order(inputs: &PlanInputs<'_>) -> Vec<Conflict> {
    let releases: FxHashMap<&str, &Release> = inputs.releases.iter().map(|r| (r.id.as_str(), r)).collect();
    let release_of: FxHashMap<&str, &str> =
        inputs.changes.iter().filter_map(|c| c.release.as_deref().map(|r| (c.id.as_str(), r))).collect();
    let home = |id: &str| releases.get(release_of.get(id).copied().unwrap_or(id)).copied();
    let mut out = Vec::new();
    for d in inputs.dependencies {
        let (Some(a), Some(b)) = (home(&d.before), home(&d.after)) else { continue };
        if a.stage.is_settled() || b.stage.is_settled() {
            continue;
        }
        let (Some(wa), Some(wb)) = (window(a), window(b)) else { continue };
        let due = wa.0.checked_add_days(chrono::Days::new(u64::from(d.lag_days))).unwrap_or(NaiveDate::MAX);
        if a.id != b.id && due > wb.1 {
            out.push(conflict(
                "order",
                vec![d.before.clone(), d.after.clone()],
                format!(
                    "{} must ship before {}, but {} is planned for {} and {} for {}.",
                    d.before,
                    d.after,
                    named(a),
                    dates(wa),
                    named(b),
                    dates(wb)
                ),
            ));
        }
    }
    out
}

/// Dependants still planned whose prerequisite will never ship: it is, or
/// belongs to, a cancelled release.
pub(crate) fn cancelled_prerequisites(inputs: &PlanInputs<'_>) -> Vec<Conflict> {
    let releases: FxHashMap<&str, &Release> = inputs.releases.iter().map(|r| (r.id.as_str(), r)).collect();
    let release_of: FxHashMap<&str, &str> =
        inputs.changes.iter().filter_map(|c| c.release.as_deref().map(|r| (c.id.as_str(), r))).collect();
    let home = |id: &str| releases.get(release_of.get(id).copied().unwrap_or(id)).copied();
    let mut out = Vec::new();
    for d in inputs.dependencies {
        let Some(gone) = home(&d.before).filter(|r| r.stage == Stage::Cancelled) else { continue };
        if home(&d.after).is_some_and(|r| r.stage.is_settled()) {
            continue;
        }
        out.push(conflict(
            "cancelled_prerequisite",
            vec![d.before.clone(), d.after.clone()],
            format!("{} waits for {}, which will not ship: {} is cancelled.", d.after, d.before, named(gone)),
        ));
    }
    out
}

/// Pairs of open releases that change the same component in overlapping
/// windows.
pub(crate) fn component_clashes(inputs: &PlanInputs<'_>, open: &[&Release]) -> Vec<Conflict> {
    let names: FxHashMap<&str, &str> = inputs.components.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let index: FxHashMap<&str, usize> = open.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    // Component → releases touching it (each once).
    let mut touching: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for c in inputs.changes {
        let Some(&r) = c.release.as_deref().and_then(|r| index.get(r)) else { continue };
        for comp in &c.components {
            let list = touching.entry(comp.as_str()).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }
    // Release pair → the components both touch.
    let mut pairs: FxHashMap<(usize, usize), Vec<&str>> = FxHashMap::default();
    for (comp, list) in &touching {
        let mut dated: Vec<(NaiveDate, NaiveDate, usize)> =
            list.iter().filter_map(|&r| window(open[r]).map(|w| (w.0, w.1, r))).collect();
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
            let (ra, rb) = (open[a], open[b]);
            let shown: Vec<String> =
                comps.iter().map(|c| format!("“{}”", names.get(c).copied().unwrap_or(c))).collect();
            let mut items = vec![ra.id.clone(), rb.id.clone()];
            items.extend(comps.iter().map(|c| (*c).to_owned()));
            conflict(
                "component_clash",
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
                "approver_absent",
                vec![q.release.clone(), q.approver.clone()],
                format!(
                    "{} must approve {} as {} but is away {}, during its window {}.",
                    names.get(q.approver.as_str()).copied().unwrap_or(&q.approver),
                    releases.get(q.release.as_str()).map_or(q.release.clone(), |r| named(r)),
                    q.role.as_str().replace('_', " "),
                    dates((a.starts_on, a.ends_on)),
                    dates(w)
                ),
            ));
        }
    }
    out
}
