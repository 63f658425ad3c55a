//! `greychart-bench edit SIZE`: what one edit in the window costs on a
//! generated workspace of SIZE people (100,000) in teams, with their grey
//! chart, a plan of SIZE/10 changes in releases owned by those teams, and
//! approval rules: renaming a person, moving a release's window, adding a
//! claim. Each is one saved edit (validated, checked, approvals kept in
//! step, audited, undoable), committed to the file. One line each:
//! `<what>: <median> ms`.

use chrono::{Duration, NaiveDate};
use greychart_core::model::{ApprovalRole, ApprovalRule, Claim, Person, Release, Team, TeamKind, WorkspaceData};
use greychart_store::Workspace;

use crate::{median, organisation, plan, Random};

/// Teams of about a hundred people each.
const TEAM_SIZE: usize = 100;

fn workspace(size: usize, as_of: NaiveDate) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("greychart-bench-edit-{size}.greychart"));
    if path.exists() {
        return path;
    }
    let (mut people, claims) = organisation(size, as_of);
    let teams: Vec<Team> = (0..size.div_ceil(TEAM_SIZE))
        .map(|t| Team { id: format!("t{t}"), name: format!("Team {t}"), kind: TeamKind::Development })
        .collect();
    for (i, p) in people.iter_mut().enumerate() {
        p.team = Some(format!("t{}", i / TEAM_SIZE));
    }
    let mut records = plan::generate(size / 10, as_of);
    for (c, component) in records.components.iter_mut().enumerate() {
        component.owner_team = Some(format!("t{}", c % teams.len()));
    }
    let rules = vec![ApprovalRule {
        id: "rule1".into(),
        condition: "risk>=medium".into(),
        role: ApprovalRole::Qa,
        approver: "p1".into(),
        note: "QA signs risky releases".into(),
    }];
    let data = WorkspaceData {
        me: Some("p0".into()),
        teams,
        people,
        claims,
        components: records.components,
        services: records.services,
        releases: records.releases,
        changes: records.changes,
        dependencies: records.dependencies,
        periods: records.periods,
        approval_rules: rules,
        change_manager: Some("p2".into()),
        cab_chair: Some("p3".into()),
        ..WorkspaceData::default()
    };
    Workspace::create_with(&path, &data).unwrap();
    path
}

pub(crate) fn edits(size: usize) {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let path = workspace(size, as_of);
    let mut ws = Workspace::open(&path).unwrap();
    let mut rng = Random(7);
    let runs = 11;
    let line = |what: &str, d: std::time::Duration| println!("{what}: {:.2} ms", d.as_secs_f64() * 1e3);

    let mut round = 0;
    line(
        "rename a person",
        median(runs, || {
            round += 1;
            let id = format!("p{}", rng.below(size));
            let mut person: Person = ws.read().get(&[id.as_str()]).unwrap().unwrap();
            person.name = format!("Renamed {round}");
            ws.save(&person).unwrap();
        }),
    );
    let releases = size / 100;
    line(
        "move a release's window",
        median(runs, || {
            let id = format!("r{}", rng.below(releases));
            let mut release: Release = ws.read().get(&[id.as_str()]).unwrap().unwrap();
            release.window_start = release.window_start.map(|d| d + Duration::days(1));
            release.window_end = release.window_end.map(|d| d + Duration::days(1));
            ws.save(&release).unwrap();
        }),
    );
    line(
        "add a claim",
        median(runs, || {
            let from = rng.below(size);
            let claim = Claim {
                id: String::new(),
                from: format!("p{from}"),
                to: format!("p{}", (from + 1 + rng.below(size - 1)) % size),
                strength: 0.6,
                confidence: 0.8,
                observed_on: as_of,
                half_life_days: 180.0,
                source: "bench".into(),
                note: String::new(),
                recorded_by: String::new(),
                retired: false,
            };
            ws.save_claim(claim).unwrap();
        }),
    );
}
