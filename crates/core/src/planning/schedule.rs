//! The earliest feasible schedule on the calendar.
//!
//! Work follows the plan graph's earliest starts from the plan's first day: a
//! change starts when its prerequisites are ready plus their lags and is
//! ready its duration later. A release deploys, all its changes together, on
//! the first day its windows and freezes allow once every change is ready and
//! every release it waits for has deployed (plus the lag); a change outside a
//! release deploys on its own the same way.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::calendar::Applying;
use super::critical::Timing;
use super::graph::{Node, PlanGraph};

/// What a slot of the schedule holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    /// A change.
    Change,
    /// A release: its changes deploy together.
    Release,
}

/// When one change or release happens in the earliest feasible schedule.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Slot {
    /// The change's or release's id.
    pub id: String,
    /// A change or a release.
    pub kind: SlotKind,
    /// The release a change belongs to.
    pub release: Option<String>,
    /// First day of work (a release: its first change's).
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    /// The day the work is done (a release: its last change's).
    #[ts(type = "string")]
    pub ready_on: NaiveDate,
    /// The day it deploys; `None` when no window is left for it.
    #[ts(type = "string | null")]
    pub deploys_on: Option<NaiveDate>,
    /// On the critical path.
    pub critical: bool,
}

/// The releases that wait for each other in a loop (their changes
/// interleave), when there are any.
pub type Interleaved = Vec<Vec<String>>;

/// Computes the schedule. `applying[i]` holds the periods that apply to
/// release `i` and `applying[releases + j]` those of change `j` when it is
/// outside any release.
pub(crate) fn schedule<'p>(
    graph: &PlanGraph<'_>,
    timing: &Timing,
    first_day: NaiveDate,
    applying: &dyn Fn(Node) -> Applying<'p>,
    critical: &[bool],
) -> (Vec<Slot>, Interleaved) {
    let day = |offset: u64| first_day.checked_add_days(Days::new(offset)).unwrap_or(NaiveDate::MAX);
    let (c, r) = (graph.changes(), graph.releases());
    // Work span of each release, and the release-to-release waits.
    let mut span: Vec<Option<(u64, u64)>> = vec![None; r];
    for i in 0..c {
        if let Some(rel) = graph.release_of(i) {
            let (s, f) = (timing.start[i], timing.finish(graph, i));
            span[rel] = Some(span[rel].map_or((s, f), |(a, b)| (a.min(s), b.max(f))));
        }
    }
    let release_at = |v: usize| match graph.node(v) {
        Node::Change(i) => graph.release_of(i),
        Node::Start(i) | Node::Finish(i) => Some(i),
    };
    let mut waits: Vec<Vec<(usize, u32)>> = vec![Vec::new(); r];
    let mut indegree = vec![0usize; r];
    for v in 0..graph.len() {
        for (w, lag) in graph.successors(v) {
            if let (Some(a), Some(b)) = (release_at(v), release_at(w)) {
                if a != b {
                    waits[a].push((b, lag));
                    indegree[b] += 1;
                }
            }
        }
    }
    // Releases in an order that respects the waits (Kahn); any left over
    // wait for each other in a loop and are scheduled after, ignoring it.
    let mut order: Vec<usize> = (0..r).filter(|&i| indegree[i] == 0).collect();
    let mut at = 0;
    while at < order.len() {
        let a = order[at];
        at += 1;
        for &(b, _) in &waits[a] {
            indegree[b] -= 1;
            if indegree[b] == 0 {
                order.push(b);
            }
        }
    }
    let mut interleaved = Vec::new();
    if order.len() < r {
        let mut stuck: Vec<String> =
            (0..r).filter(|&i| indegree[i] > 0).map(|i| graph.release_id(i).to_owned()).collect();
        stuck.sort();
        interleaved.push(stuck);
        order.extend((0..r).filter(|&i| indegree[i] > 0));
    }
    let mut earliest: Vec<Option<NaiveDate>> = vec![None; r];
    let mut deploy: Vec<Option<NaiveDate>> = vec![None; r];
    for &a in &order {
        let ready = day(span[a].map_or(0, |s| s.1));
        let from = earliest[a].map_or(ready, |e| e.max(ready));
        deploy[a] = applying(Node::Start(a)).first_allowed(from);
        for &(b, lag) in &waits[a] {
            if let Some(d) = deploy[a].and_then(|d| d.checked_add_days(Days::new(u64::from(lag)))) {
                earliest[b] = Some(earliest[b].map_or(d, |e| e.max(d)));
            }
        }
    }
    let mut slots = Vec::with_capacity(c + r);
    for (i, &critical) in critical.iter().enumerate().take(c) {
        let release = graph.release_of(i);
        let ready_on = day(timing.finish(graph, i));
        slots.push(Slot {
            id: graph.change_id(i).to_owned(),
            kind: SlotKind::Change,
            release: release.map(|x| graph.release_id(x).to_owned()),
            starts_on: day(timing.start[i]),
            ready_on,
            deploys_on: match release {
                Some(x) => deploy[x],
                None => applying(Node::Change(i)).first_allowed(ready_on),
            },
            critical,
        });
    }
    for (a, deploys_on) in deploy.into_iter().enumerate() {
        let (s, f) = span[a].unwrap_or((0, 0));
        slots.push(Slot {
            id: graph.release_id(a).to_owned(),
            kind: SlotKind::Release,
            release: None,
            starts_on: day(s),
            ready_on: day(f),
            deploys_on,
            critical: false,
        });
    }
    (slots, interleaved)
}
