//! Plan analytics on generated plans: `n` changes with about three
//! dependencies each, in releases of ten, touching 500 components that 200
//! services depend on, with deployment windows and freezes.

use chrono::NaiveDate;
use greychart_core::model::{
    Change, Component, Dependency, Period, PeriodKind, Release, RiskLevel, Scope, Service, Stage,
};
use greychart_core::planning::{impact, plan, PlanGraph, PlanRecords, Planner};

use crate::{median, report, Random};

/// Independent streams of releases in a generated plan.
const STREAMS: usize = 100;

pub(crate) fn generate(n: usize, start: NaiveDate) -> PlanRecords {
    let mut rng = Random(n as u64 + 11);
    let day = |d: usize| start + chrono::Duration::days(d as i64);
    // A hundred streams of releases: release r is the (r / 100)-th of
    // stream r % 100, planned five weeks after the one before it.
    let releases: Vec<Release> = (0..n.div_ceil(10))
        .map(|r| Release {
            id: format!("r{r}"),
            name: format!("Release {r}"),
            stage: Stage::Plan,
            window_start: Some(day(35 * (r / STREAMS) + 30)),
            window_end: Some(day(35 * (r / STREAMS) + 32)),
            risk: RiskLevel::Low,
            cost: None,
        })
        .collect();
    let components: Vec<Component> = (0..500)
        .map(|c| Component { id: format!("k{c}"), name: format!("Component {c}"), owner_team: None, owner: None })
        .collect();
    let services: Vec<Service> = (0..200)
        .map(|s| Service {
            id: format!("s{s}"),
            name: format!("Service {s}"),
            business_owner: None,
            depends_on: (0..3).map(|k| format!("k{}", (s * 7 + k * 131) % 500)).collect(),
        })
        .collect();
    let changes: Vec<Change> = (0..n)
        .map(|i| Change {
            id: format!("ch{i}"),
            title: format!("Change {i}"),
            not_before: None,
            risk: None,
            release: Some(format!("r{}", i / 10)),
            components: vec![format!("k{}", (i / 10 % STREAMS) * 5 + rng.below(5))],
            duration_days: 1 + rng.below(10) as u32,
        })
        .collect();
    // Each change waits for up to two earlier changes of its release and one
    // change of the release before it in its stream.
    let mut dependencies = Vec::with_capacity(3 * n);
    for i in 0..n {
        let (release, k) = (i / 10, i % 10);
        let mut before: Vec<usize> = Vec::new();
        if k > 0 {
            before.extend((0..2).map(|_| release * 10 + rng.below(k)));
        }
        if release >= STREAMS {
            before.push((release - STREAMS) * 10 + rng.below(10));
        }
        before.sort_unstable();
        before.dedup();
        for b in before.into_iter().filter(|&b| b < n) {
            dependencies.push(Dependency {
                before: format!("ch{b}"),
                after: format!("ch{i}"),
                lag_days: rng.below(3) as u32,
            });
        }
    }
    let periods = vec![
        Period {
            id: "w".into(),
            name: "Weekly window".into(),
            kind: PeriodKind::Window,
            starts_on: day(0),
            ends_on: day(5000),
            scope: Scope::Global,
            scope_id: None,
        },
        Period {
            id: "f".into(),
            name: "Year-end".into(),
            kind: PeriodKind::Freeze,
            starts_on: day(20),
            ends_on: day(35),
            scope: Scope::Global,
            scope_id: None,
        },
        Period {
            id: "fk".into(),
            name: "Ledger freeze".into(),
            kind: PeriodKind::Freeze,
            starts_on: day(60),
            ends_on: day(70),
            scope: Scope::Component,
            scope_id: Some("k3".into()),
        },
        Period {
            id: "fs".into(),
            name: "Payments freeze".into(),
            kind: PeriodKind::Freeze,
            starts_on: day(90),
            ends_on: day(99),
            scope: Scope::Service,
            scope_id: Some("s5".into()),
        },
    ];
    PlanRecords { releases, changes, dependencies, components, services, periods, ..PlanRecords::default() }
}

/// Times the plan analytics on a generated plan of `n` changes.
pub(crate) fn plans(n: usize) {
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    let p = generate(n, start);
    println!("generated plan: {n} changes, {} dependencies, {} releases", p.dependencies.len(), p.releases.len());
    report(
        &format!("{n} changes: build the plan graph and earliest starts"),
        11,
        median(11, || Planner::new(&p.inputs()).unwrap()),
    );
    let planner = Planner::new(&p.inputs()).unwrap();
    report(
        &format!("{n} changes: deploy order + critical path + conflicts (built)"),
        11,
        median(11, || (planner.order(), planner.critical_path(), planner.standing_conflicts())),
    );
    let (path, days) = planner.critical_path();
    report(
        &format!("{n} changes: earliest feasible schedule + its conflicts (built)"),
        11,
        median(11, || planner.schedule(start, &path)),
    );
    let whole = plan(&p.inputs(), start).unwrap();
    println!("  critical path {days} days over {} changes; {} conflicts", path.len(), whole.conflicts.len());
    report(
        &format!("{n} changes: the whole plan from the records"),
        11,
        median(11, || plan(&p.inputs(), start).unwrap()),
    );
    let graph = PlanGraph::build(&p.releases, &p.changes, &p.dependencies).unwrap();
    let mut rng = Random(3);
    report(
        &format!("{n} changes: one blast radius (graph built)"),
        101,
        median(101, || impact(&p.inputs(), &graph, &format!("ch{}", rng.below(n / 2)))),
    );
}
