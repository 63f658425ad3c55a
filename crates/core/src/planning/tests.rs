//! The plan report on small hand-made plans.

use chrono::NaiveDate;

use super::graph::tests::{change, dep, release};
use super::*;
use crate::model::{ApprovalRole, PeriodKind, Scope, Stage};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn inputs<'a>(
    releases: &'a [Release],
    changes: &'a [Change],
    dependencies: &'a [Dependency],
    periods: &'a [Period],
) -> PlanInputs<'a> {
    PlanInputs {
        releases,
        changes,
        dependencies,
        components: &[],
        services: &[],
        periods,
        absences: &[],
        requirements: &[],
        people: &[],
    }
}

fn planned(id: &str, from: &str, to: &str) -> Release {
    Release { window_start: Some(d(from)), window_end: Some(d(to)), ..release(id) }
}

fn touching(mut c: Change, component: &str) -> Change {
    c.components = vec![component.to_owned()];
    c
}

fn freeze(from: &str, to: &str) -> Period {
    Period {
        id: "f".into(),
        name: "Year-end".into(),
        kind: PeriodKind::Freeze,
        starts_on: d(from),
        ends_on: d(to),
        scope: Scope::Global,
        scope_id: None,
    }
}

fn kinds(report: &PlanReport) -> Vec<&str> {
    report.conflicts.iter().map(|c| c.kind.as_str()).collect()
}

#[test]
fn a_freeze_holds_a_release_back_and_flags_its_window() {
    let releases = [planned("r1", "2026-12-20", "2026-12-21")];
    let changes = [change("a", Some("r1"), 5)];
    let periods = [freeze("2026-12-18", "2027-01-04")];
    let report = plan(&inputs(&releases, &changes, &[], &periods), d("2026-12-14")).ok();
    let report = report.as_ref();
    let slot = report.and_then(|r| r.schedule.iter().find(|s| s.id == "r1"));
    // Ready on the 19th, inside the freeze: deploys the day after it ends.
    assert_eq!(slot.map(|s| (s.ready_on, s.deploys_on)), Some((d("2026-12-19"), Some(d("2027-01-05")))));
    assert_eq!(report.map(kinds), Some(vec!["freeze", "late"]));
    let message = report.map(|r| r.conflicts[0].message.clone()).unwrap_or_default();
    assert_eq!(
        message,
        "r1 is planned for 2026-12-20 – 2026-12-21, inside the freeze “Year-end” (2026-12-18 – 2027-01-04)."
    );
}

#[test]
fn releases_sharing_a_component_in_overlapping_windows_clash() {
    let releases = [
        planned("r1", "2027-02-01", "2027-02-03"),
        planned("r2", "2027-02-03", "2027-02-04"),
        planned("r3", "2027-02-05", "2027-02-06"),
    ];
    let changes = [
        touching(change("a", Some("r1"), 1), "db"),
        touching(change("b", Some("r2"), 1), "db"),
        touching(change("c", Some("r3"), 1), "db"),
    ];
    let report = plan(&inputs(&releases, &changes, &[], &[]), d("2027-01-25")).ok();
    let clashes: Vec<Vec<String>> = report
        .map(|r| r.conflicts.into_iter().filter(|c| c.kind == ConflictKind::ComponentClash).map(|c| c.items).collect())
        .unwrap_or_default();
    assert_eq!(clashes, [vec!["r1".to_owned(), "r2".to_owned(), "db".to_owned()]]);
}

#[test]
fn a_prerequisite_planned_after_its_dependant_is_flagged() {
    let releases = [planned("r1", "2027-03-10", "2027-03-11"), planned("r2", "2027-03-01", "2027-03-02")];
    let changes = [change("a", Some("r1"), 1), change("b", Some("r2"), 1)];
    let report = plan(&inputs(&releases, &changes, &[dep("a", "b", 0)], &[]), d("2027-02-01")).ok();
    assert!(report.as_ref().map(kinds).unwrap_or_default().contains(&"order"));
    // The schedule still deploys r1 before r2.
    let deploys =
        |id: &str| report.as_ref().and_then(|r| r.schedule.iter().find(|s| s.id == id)).and_then(|s| s.deploys_on);
    assert!(deploys("r1") <= deploys("r2"));
}

#[test]
fn releases_whose_changes_wait_on_each_other_both_ways_are_named() {
    let releases = [release("r1"), release("r2")];
    let changes = [change("a", Some("r1"), 1), change("b", Some("r2"), 1), change("c", Some("r1"), 1)];
    let report = plan(&inputs(&releases, &changes, &[dep("a", "b", 0), dep("b", "c", 0)], &[]), d("2027-02-01")).ok();
    let interleaved = report.and_then(|r| r.conflicts.into_iter().find(|c| c.kind == ConflictKind::Interleaved));
    assert_eq!(interleaved.map(|c| c.items), Some(vec!["r1".to_owned(), "r2".to_owned()]));
}

#[test]
fn settled_releases_drop_out_and_a_cancelled_prerequisite_is_flagged() {
    let releases = [Release { stage: Stage::Cancelled, ..release("r0") }, release("r1")];
    let changes = [change("old", Some("r0"), 9), change("a", Some("r1"), 2)];
    let report = plan(&inputs(&releases, &changes, &[dep("old", "a", 0)], &[]), d("2027-02-01")).ok();
    assert_eq!(report.as_ref().map(|r| (r.order.clone(), r.critical_path_days)), Some((vec!["a".to_owned()], 2)));
    assert_eq!(report.as_ref().map(kinds), Some(vec!["cancelled_prerequisite"]));
}

#[test]
fn an_approver_away_in_the_window_is_flagged() {
    let releases = [planned("r1", "2027-02-01", "2027-02-02")];
    let people = [crate::model::Person {
        id: "p1".into(),
        name: "Dana Ruiz".into(),
        title: String::new(),
        team: None,
        manager: None,
    }];
    let absences = [Absence {
        id: "x".into(),
        person: "p1".into(),
        starts_on: d("2027-01-30"),
        ends_on: d("2027-02-01"),
        note: String::new(),
    }];
    let requirements = [ApprovalRequirement {
        id: "q".into(),
        release: "r1".into(),
        approver: "p1".into(),
        role: ApprovalRole::ChangeManager,
        rule: "change manager always".into(),
        derived: false,
        active: true,
    }];
    let inputs = PlanInputs {
        absences: &absences,
        requirements: &requirements,
        people: &people,
        ..inputs(&releases, &[], &[], &[])
    };
    let report = plan(&inputs, d("2027-01-25")).ok();
    let message = report
        .and_then(|r| r.conflicts.into_iter().find(|c| c.kind == ConflictKind::ApproverAbsent))
        .map(|c| c.message);
    assert_eq!(
        message.as_deref(),
        Some("Dana Ruiz must approve r1 as change manager but is away 2027-01-30 – 2027-02-01, during its window 2027-02-01 – 2027-02-02.")
    );
}

#[test]
fn a_change_held_back_delays_its_release_and_makes_it_late() {
    let releases = [planned("r1", "2027-02-03", "2027-02-05")];
    let mut held = change("b", Some("r1"), 1);
    held.not_before = Some(d("2027-02-10"));
    let changes = [change("a", Some("r1"), 2), held];
    let report = plan(&inputs(&releases, &changes, &[dep("a", "b", 0)], &[]), d("2027-02-01")).ok();
    let slot = |id: &str| {
        report.as_ref().and_then(|r| r.schedule.iter().find(|s| s.id == id)).map(|s| (s.starts_on, s.deploys_on))
    };
    assert_eq!(slot("b"), Some((d("2027-02-10"), Some(d("2027-02-11")))));
    assert_eq!(report.as_ref().map(kinds), Some(vec!["late"]));
    // The critical path is docs/METRICS.md's: durations and lags only.
    assert_eq!(report.map(|r| r.critical_path_days), Some(3));
}
