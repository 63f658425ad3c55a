//! Team workspaces against a real PostgreSQL: publish, join, sync, offline
//! edits, conflicts, retried pushes, and no grey-chart data on the server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cluster;
mod published;

use std::path::{Path, PathBuf};

use greychart_core::model::Release;
use greychart_store::Workspace;
use greychart_team::{queued, Connection, Role, TeamError};
use published::{Team, PASSWORD};

fn rename(ws: &mut Workspace, release: &str, name: &str) {
    let mut r: Release = ws.read().get(&[release]).unwrap().unwrap();
    r.name = name.to_owned();
    ws.save(&r).unwrap();
}

fn name(ws: &Workspace, release: &str) -> String {
    ws.read().get::<Release>(&[release]).unwrap().unwrap().name
}

#[test]
fn publishing_the_demo_leaves_no_grey_chart_data_on_the_server() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let a = Workspace::open(&team.path("a.greychart")).unwrap();
    let data = a.read().data().unwrap();
    let dump = team.cluster.dump();
    assert!(dump.contains(&data.releases[0].name), "the dump holds no release: is it the team's database?");
    let mut private: Vec<&str> = Vec::new();
    private.extend(data.claims.iter().flat_map(|c| [c.source.as_str(), c.note.as_str()]));
    private.extend(data.stances.iter().map(|s| s.note.as_str()));
    private.extend(data.engagements.iter().map(|e| e.summary.as_str()));
    let private: Vec<&str> = private.into_iter().filter(|t| t.len() >= 8).collect();
    assert!(private.len() > 40, "the demo has grey-chart texts to look for");
    for text in private {
        assert!(!dump.contains(text), "{text:?} is in the team database");
    }
}

#[test]
fn a_joined_copy_equals_the_published_one_and_a_second_publish_is_refused() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let a = Workspace::open(&team.path("a.greychart")).unwrap();
    let b = team.joined("al", "b.greychart");
    let records = |ws: &Workspace| {
        let mut all: Vec<(String, String, String)> =
            ws.shared_records().unwrap().into_iter().map(|r| (r.kind, r.id, r.data.to_string())).collect();
        all.sort();
        all
    };
    assert_eq!(records(&b), records(&a));
    assert!(records(&a).len() > 100, "{}", records(&a).len());
    assert!(b.read().data().unwrap().claims.is_empty(), "claims came through the team");
    let mut again = Workspace::open(&team.path("a.greychart")).unwrap();
    let e = team.connect("ann").publish(&mut again, &team.cluster.url("ann", PASSWORD)).unwrap_err();
    assert!(e.to_string().contains("already holds a team"), "{e}");

    // A file of its own, refused the same way, is left as it was: its own
    // part (the bases, the link) is written beside the upload, and rolled
    // back with it.
    let path = team.path("other.greychart");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let mut other = Workspace::create_with(&path, &greychart_core::demo::demo_workspace(today)).unwrap();
    let before = records(&other);
    let e = team.connect("ann").publish(&mut other, &team.cluster.url("ann", PASSWORD)).unwrap_err();
    assert!(e.to_string().contains("already holds a team"), "{e}");
    drop(other);
    let other = Workspace::open(&path).unwrap();
    assert_eq!(other.team_setting("team_url").unwrap(), None);
    assert!(other.team_base().unwrap().is_empty(), "bases kept from a refused publish");
    assert_eq!(records(&other), before);
}

#[test]
fn two_managers_edit_the_same_release_and_the_later_sync_reports_both_values() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let mut a = Workspace::open(&team.path("a.greychart")).unwrap();
    let mut b = team.joined("al", "b.greychart");
    rename(&mut a, "r1", "Ledger, as Ann has it");
    rename(&mut b, "r1", "Ledger, as Al has it");
    rename(&mut b, "r2", "Only Al renamed this");
    let first = team.connect("ann").sync(&mut a).unwrap();
    assert_eq!((first.pushed, first.conflicts.len()), (1, 0));
    let second = team.connect("al").sync(&mut b).unwrap();
    assert_eq!(second.pushed, 1, "the edit without a conflict goes through");
    assert_eq!(second.conflicts.len(), 1, "{:?}", second.conflicts);
    let c = &second.conflicts[0];
    assert_eq!((c.table.as_str(), c.id.as_str(), c.field.as_str()), ("release", "r1", "name"));
    assert_eq!((c.mine.as_str(), c.theirs.as_str()), (Some("Ledger, as Al has it"), Some("Ledger, as Ann has it")));
    // Nothing was overwritten: each side still has its own value.
    assert_eq!(name(&b, "r1"), "Ledger, as Al has it");
    team.connect("ann").sync(&mut a).unwrap();
    assert_eq!(name(&a, "r1"), "Ledger, as Ann has it");
    assert_eq!(name(&a, "r2"), "Only Al renamed this");

    // Al keeps his: pushed on Ann's version; Ann gets it.
    b.resolve_team_conflict("release", "r1", true).unwrap();
    let after = team.connect("al").sync(&mut b).unwrap();
    assert_eq!((after.pushed, after.conflicts.len()), (1, 0));
    team.connect("ann").sync(&mut a).unwrap();
    assert_eq!(name(&a, "r1"), "Ledger, as Al has it");
}

#[test]
fn edits_made_offline_wait_in_the_file_and_are_pushed_when_the_server_is_back() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let mut a = Workspace::open(&team.path("a.greychart")).unwrap();
    let mut b = team.joined("al", "b.greychart");
    let ann = team.connect("ann");
    team.cluster.stop();
    rename(&mut a, "r1", "Renamed on the train");
    assert!(matches!(ann.sync(&mut a), Err(TeamError::Connect(_))));
    assert!(Connection::open(&team.cluster.url("ann", PASSWORD)).is_err());
    assert_eq!(queued(&a, "ann").unwrap().len(), 1, "the edit is not waiting in the file");
    team.cluster.restart();
    let pushed = team.connect("ann").sync(&mut a).unwrap();
    assert_eq!(pushed.pushed, 1);
    assert!(queued(&a, "ann").unwrap().is_empty());
    team.connect("al").sync(&mut b).unwrap();
    assert_eq!(name(&b, "r1"), "Renamed on the train");
}

fn copy(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let source = PathBuf::from(format!("{}{suffix}", from.display()));
        if source.exists() {
            std::fs::copy(&source, format!("{}{suffix}", to.display())).unwrap();
        }
    }
}

#[test]
fn a_push_retried_after_a_crash_applies_once() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let path = team.path("a.greychart");
    let mut a = Workspace::open(&path).unwrap();
    rename(&mut a, "r1", "Pushed once");
    drop(a);
    // The file as it was before the push: the push lands, the client dies
    // before it notes so, and starts again from this file.
    copy(&path, &team.path("before.greychart"));
    let mut a = Workspace::open(&path).unwrap();
    team.connect("ann").sync(&mut a).unwrap();
    drop(a);
    copy(&team.path("before.greychart"), &path);
    let mut a = Workspace::open(&path).unwrap();
    let again = team.connect("ann").sync(&mut a).unwrap();
    assert_eq!((again.pushed, again.conflicts.len()), (0, 0), "{again:?}");
    assert!(queued(&a, "ann").unwrap().is_empty(), "the edit still waits");
    let b = team.joined("al", "b.greychart");
    assert_eq!(name(&b, "r1"), "Pushed once");
    // Version 2: published as 1, renamed once.
    let versions = team.connect("al");
    drop(versions);
    let dump = team.cluster.dump();
    assert_eq!(dump.matches("Pushed once").count(), 2, "the record and its one audit row");
}

#[test]
fn joining_with_an_existing_file_keeps_its_grey_chart_and_what_it_names() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let mut data = greychart_core::demo::demo_workspace(today);
    let mut extra = data.people[1].clone();
    extra.id = "p99".into();
    extra.name = "Only in my file".into();
    data.people.push(extra);
    let mut claim = data.claims[0].clone();
    claim.id = "cl9999".into();
    claim.to = "p99".into();
    data.claims.push(claim);
    let mut component = data.components[0].clone();
    component.id = "k-mine".into();
    data.components.push(component);
    let path = team.path("mine.greychart");
    let mut mine = Workspace::create_with(&path, &data).unwrap();
    let claims_before = mine.read().data().unwrap().claims.len();
    let (_, kept) = team.connect("al").join(&mut mine, &team.cluster.url("al", PASSWORD)).unwrap();
    assert_eq!(kept, ["person p99"]);
    let after = mine.read().data().unwrap();
    assert_eq!(after.claims.len(), claims_before, "the grey chart lost claims");
    assert!(after.people.iter().any(|p| p.id == "p99"));
    assert!(
        !after.components.iter().any(|c| c.id == "k-mine"),
        "a record the team lacks and nothing private names stays"
    );
    // Kept here only: never pushed.
    assert!(queued(&mine, "al").unwrap().is_empty());
}

#[test]
fn another_clients_commit_is_heard_within_two_seconds_and_pulled() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let mut a = Workspace::open(&team.path("a.greychart")).unwrap();
    let mut b = team.joined("al", "b.greychart");
    let listener = greychart_team::Listener::open(&team.cluster.url("al", PASSWORD)).unwrap();
    assert_eq!(listener.wait(std::time::Duration::from_millis(200)), greychart_team::Heard::Quiet);
    rename(&mut a, "r1", "Heard at once");
    let committed = std::time::Instant::now();
    team.connect("ann").sync(&mut a).unwrap();
    let heard = listener.wait(std::time::Duration::from_secs(2));
    assert_eq!(heard, greychart_team::Heard::Changed("records".to_owned()));
    team.connect("al").sync(&mut b).unwrap();
    assert_eq!(name(&b, "r1"), "Heard at once");
    assert!(committed.elapsed() < std::time::Duration::from_secs(2), "{:?}", committed.elapsed());
    // Three commits in a row are heard as one: one pull for all of them.
    for n in 1..=3 {
        rename(&mut a, "r1", &format!("Commit {n}"));
        team.connect("ann").sync(&mut a).unwrap();
    }
    let settle = std::time::Duration::from_millis(300);
    assert_eq!(
        listener.wait_settled(std::time::Duration::from_secs(2), settle),
        greychart_team::Heard::Changed("records".to_owned())
    );
    assert_eq!(listener.wait(std::time::Duration::ZERO), greychart_team::Heard::Quiet, "a notice was left over");
    // The server gone: the listener says so, rather than staying quiet.
    team.cluster.stop();
    assert_eq!(listener.wait(std::time::Duration::from_secs(5)), greychart_team::Heard::Disconnected);
}

#[test]
fn the_server_stopped_hard_in_the_middle_of_a_push_loses_nothing_and_applies_nothing_twice() {
    let team = Team::published(&[("al", "p01", Role::Manager)]);
    let path = team.path("a.greychart");
    let mut a = Workspace::open(&path).unwrap();
    // Enough edits that the push takes a few seconds.
    let mut w = a.write().unwrap();
    for n in 0..3000 {
        let t = greychart_core::model::Team {
            id: format!("t-bulk-{n}"),
            name: format!("Bulk team {n}"),
            kind: greychart_core::model::TeamKind::Other,
        };
        w.save(&t).unwrap();
    }
    w.commit().unwrap();
    drop(a);
    let url = team.cluster.url("ann", PASSWORD);
    let pusher = std::thread::spawn(move || {
        let mut a = Workspace::open(&path).unwrap();
        Connection::open(&url).unwrap().sync(&mut a)
    });
    // Stopped once the push has written in its transaction.
    let writing =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'greychart' AND backend_xid IS NOT NULL";
    let started = std::time::Instant::now();
    while team.cluster.count(writing) == 0 {
        assert!(started.elapsed().as_secs() < 30, "the push never started writing");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    team.cluster.stop();
    let stopped = pusher.join().unwrap();
    assert!(matches!(stopped, Err(TeamError::Connect(_) | TeamError::Refused(_))), "{stopped:?}");
    team.cluster.restart();
    let bulk = "SELECT count(*) FROM greychart.records WHERE kind = 'team' AND id LIKE 't-bulk-%'";
    assert_eq!(team.cluster.count(bulk), 0, "a push cut short leaves nothing half done");
    let mut a = Workspace::open(&team.path("a.greychart")).unwrap();
    assert_eq!(queued(&a, "ann").unwrap().len(), 3000, "every edit still waits in the file");
    let report = team.connect("ann").sync(&mut a).unwrap();
    assert_eq!((report.pushed, report.conflicts.len()), (3000, 0));
    assert_eq!(team.cluster.count(&format!("{bulk} AND version = 1")), 3000, "each applied once");
    let b = team.joined("al", "b.greychart");
    let teams = |ws: &Workspace| {
        let mut all: Vec<greychart_core::model::Team> = ws.read().list().unwrap();
        all.sort_by(|x, y| x.id.cmp(&y.id));
        all
    };
    assert!(teams(&a) == teams(&b), "the joined copy has other teams");
}
