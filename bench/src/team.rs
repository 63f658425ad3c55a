//! The team database on a local PostgreSQL (a throwaway cluster from
//! Debian's packages, started as the tests start theirs): publish and join
//! of a team of `n` people (with reporting lines, no claims) and `5n`
//! changes, and one edit pushed and pulled on loopback.

use std::time::Instant;

use chrono::NaiveDate;
use greychart_core::model::{Release, WorkspaceData, DEFAULT_FORMAL_WEIGHT};
use greychart_store::Workspace;
use greychart_team::{Connection, Role};

use crate::{median, organisation, report};

const PASSWORD: &str = "bench password";

/// The shared part of a workspace: `people` people with their reporting
/// lines (no grey chart) and a plan of `changes` changes.
pub(crate) fn shared_plan(people: usize, changes: usize) -> WorkspaceData {
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default();
    let (people, _) = organisation(people, start);
    let plan = crate::plan::generate(changes, start);
    WorkspaceData {
        people,
        releases: plan.releases,
        changes: plan.changes,
        dependencies: plan.dependencies,
        components: plan.components,
        services: plan.services,
        periods: plan.periods,
        formal_weight: DEFAULT_FORMAL_WEIGHT,
        ..WorkspaceData::default()
    }
}

pub(crate) fn team(n: usize) {
    let cluster = crate::cluster::Cluster::start();
    let admin = Connection::open(&cluster.admin_url()).expect("the cluster");
    admin.init().expect("init");
    admin.add_user("ann", "p0", Role::Manager, PASSWORD).expect("a manager");
    admin.add_user("al", "p1", Role::Manager, PASSWORD).expect("a manager");
    let data = shared_plan(n, 5 * n);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = Workspace::create_with(&dir.path().join("a.greychart"), &data).expect("a workspace");
    let records = a.shared_records().expect("records").len();
    let url = |login: &str| cluster.url(login, PASSWORD);

    let step = Instant::now();
    Connection::open(&url("ann")).and_then(|c| c.publish(&mut a, &url("ann"))).expect("publish");
    println!(
        "{:<58} {:>10.2} s",
        format!("{n} people, {} changes ({records} records): publish", data.changes.len()),
        step.elapsed().as_secs_f64()
    );
    let step = Instant::now();
    let mut b = Workspace::create(&dir.path().join("b.greychart")).expect("a workspace");
    Connection::open(&url("al")).and_then(|c| c.join(&mut b, &url("al"))).expect("join");
    println!("{:<58} {:>10.2} s", format!("{n} people: join into a new file"), step.elapsed().as_secs_f64());

    // One edit: renamed here, pushed (and the pull that follows), over a
    // connection already open, as the window keeps one.
    let ann = Connection::open(&url("ann")).expect("ann");
    let al = Connection::open(&url("al")).expect("al");
    let id = data.releases.first().map(|r| r.id.clone()).unwrap_or_default();
    let mut round = 0;
    let push = median(21, || {
        round += 1;
        let mut r: Release = a.read().get(&[id.as_str()]).ok().flatten().expect("the release");
        r.name = format!("Renamed {round}");
        a.save(&r).expect("saved");
        ann.sync(&mut a).expect("sync")
    });
    report(&format!("{n} people: one edit pushed and synced on loopback"), 21, push);
    let pull = median(21, || al.sync(&mut b).expect("sync"));
    report(&format!("{n} people: a sync with nothing new"), 21, pull);
}
