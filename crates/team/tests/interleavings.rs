//! Random interleavings of edits and syncs by three clients of one team,
//! against a real PostgreSQL: whatever the order, once every client has
//! synced and kept the team's side of its conflicts, every client equals
//! the team (a client that joins now).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cluster;

use cluster::Cluster;
use greychart_core::model::{Change, Release, Team, TeamKind};
use greychart_store::Workspace;
use greychart_team::{Connection, Role};
use proptest::prelude::*;

const PASSWORD: &str = "correct horse battery";
const LOGINS: [&str; 3] = ["ann", "al", "ada"];

/// One step of one client.
#[derive(Debug, Clone)]
enum Step {
    /// Renames one of the first releases.
    Rename { client: usize, release: usize, name: u8 },
    /// Lengthens one of the first changes.
    Lengthen { client: usize, change: usize },
    /// Adds a team of its own.
    AddTeam { client: usize },
    /// Deletes the newest team it added, if any is left.
    DropTeam { client: usize },
    /// Pushes and pulls.
    Sync { client: usize },
}

fn step() -> impl Strategy<Value = Step> {
    let client = 0..LOGINS.len();
    prop_oneof![
        (client.clone(), 0..3usize, any::<u8>()).prop_map(|(client, release, name)| Step::Rename {
            client,
            release,
            name
        }),
        (client.clone(), 0..3usize).prop_map(|(client, change)| Step::Lengthen { client, change }),
        client.clone().prop_map(|client| Step::AddTeam { client }),
        client.clone().prop_map(|client| Step::DropTeam { client }),
        client.prop_map(|client| Step::Sync { client }),
    ]
}

struct Fixture {
    cluster: Cluster,
    dir: tempfile::TempDir,
    cases: std::cell::Cell<usize>,
}

impl Fixture {
    fn new() -> Fixture {
        let cluster = Cluster::start();
        let admin = Connection::open(&cluster.admin_url()).unwrap();
        admin.init().unwrap();
        for (login, person) in LOGINS.iter().zip(["p26", "p01", "p02"]) {
            admin.add_user(login, person, Role::Manager, PASSWORD).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let mut a = Workspace::create_with(
            &dir.path().join("published.greychart"),
            &greychart_core::demo::demo_workspace(today),
        )
        .unwrap();
        let fixture = Fixture { cluster, dir, cases: std::cell::Cell::new(0) };
        fixture.connect("ann").publish(&mut a, &fixture.url("ann")).unwrap();
        fixture
    }

    fn url(&self, login: &str) -> String {
        self.cluster.url(login, PASSWORD)
    }

    fn connect(&self, login: &str) -> Connection {
        Connection::open(&self.url(login)).unwrap()
    }

    /// A new client of `login`, joined now.
    fn join(&self, login: &str) -> Workspace {
        let case = self.cases.get() + 1;
        self.cases.set(case);
        let mut ws = Workspace::create(&self.dir.path().join(format!("{login}-{case}.greychart"))).unwrap();
        self.connect(login).join(&mut ws, &self.url(login)).unwrap();
        ws
    }
}

/// The shared part of a workspace, as comparable JSON, without the
/// requirements (derived from the rest, and compared through it).
fn shared(ws: &Workspace) -> Vec<(String, String, serde_json::Value)> {
    let mut records: Vec<_> = ws.shared_records().unwrap().into_iter().map(|r| (r.kind, r.id, r.data)).collect();
    records.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    records
}

fn play(ws: &mut Workspace, connection: &Connection, client: usize, step: &Step, added: &mut Vec<String>) {
    match *step {
        Step::Rename { release, name, .. } => {
            let mut releases: Vec<Release> = ws.read().list().unwrap();
            releases.sort_by(|a, b| a.id.cmp(&b.id));
            let mut r = releases[release].clone();
            r.name = format!("Name {name} by {}", LOGINS[client]);
            ws.save(&r).unwrap();
        }
        Step::Lengthen { change, .. } => {
            let mut changes: Vec<Change> = ws.read().list().unwrap();
            changes.sort_by(|a, b| a.id.cmp(&b.id));
            let mut c = changes[change].clone();
            c.duration_days = c.duration_days % 9 + 1;
            ws.save(&c).unwrap();
        }
        Step::AddTeam { .. } => {
            let id = format!("t-{}-{}", LOGINS[client], added.len() + 1);
            let team = Team { id: id.clone(), name: format!("Team {id}"), kind: TeamKind::Other };
            ws.save(&team).unwrap();
            added.push(id);
        }
        Step::DropTeam { .. } => {
            if let Some(id) = added.pop() {
                let mut w = ws.write().unwrap();
                // Gone already if a sync kept the team's deletion.
                let _ = w.delete::<Team>(&[&id]);
                w.commit().unwrap();
            }
        }
        Step::Sync { .. } => {
            connection.sync(ws).unwrap();
        }
    }
}

/// Plays `steps`, then syncs every client until nothing is left, and
/// checks each equals the team.
fn run(fixture: &Fixture, steps: &[Step]) -> Result<(), TestCaseError> {
    let connections: Vec<Connection> = LOGINS.iter().map(|l| fixture.connect(l)).collect();
    let mut clients: Vec<Workspace> = LOGINS.iter().map(|l| fixture.join(l)).collect();
    let mut added: Vec<Vec<String>> = vec![Vec::new(); LOGINS.len()];
    for step in steps {
        let client = match *step {
            Step::Rename { client, .. }
            | Step::Lengthen { client, .. }
            | Step::AddTeam { client }
            | Step::DropTeam { client }
            | Step::Sync { client } => client,
        };
        play(&mut clients[client], &connections[client], client, step, &mut added[client]);
    }
    // Everyone syncs, keeping the team's side of each conflict, until
    // nothing is left to push or resolve.
    for _round in 0..4 {
        for (ws, connection) in clients.iter_mut().zip(&connections) {
            let report = connection.sync(ws).unwrap();
            for c in ws.team_conflicts().unwrap() {
                ws.resolve_team_conflict(&c.kind, &c.id, false).unwrap();
            }
            let _ = report;
        }
    }
    for (ws, connection) in clients.iter_mut().zip(&connections) {
        let last = connection.sync(ws).unwrap();
        prop_assert_eq!((last.pushed, last.conflicts.len()), (0, 0));
        let waiting: Vec<(String, String, i64)> =
            greychart_team::queued(ws, "").unwrap().into_iter().map(|e| (e.kind, e.id, e.base_version)).collect();
        prop_assert!(waiting.is_empty(), "still waiting: {:?}", waiting);
    }
    let team = shared(&fixture.join("ann"));
    for (n, ws) in clients.iter().enumerate() {
        let mine = shared(ws);
        let only_mine: Vec<_> = mine.iter().filter(|r| !team.contains(r)).collect();
        let only_team: Vec<_> = team.iter().filter(|r| !mine.contains(r)).collect();
        prop_assert!(
            only_mine.is_empty() && only_team.is_empty(),
            "client {} differs from the team: its own {:?}; the team's {:?}",
            LOGINS[n],
            only_mine,
            only_team
        );
    }
    Ok(())
}

/// An interleaving the property found: two clients lengthen the same
/// change, one syncs and lengthens it again, the other syncs.
#[test]
fn a_conflict_on_a_change_edited_again_since_ends_equal() {
    use Step::*;
    let steps = [
        Lengthen { client: 2, change: 0 },
        Lengthen { client: 1, change: 0 },
        Lengthen { client: 2, change: 0 },
        Sync { client: 1 },
        Lengthen { client: 1, change: 0 },
        Sync { client: 2 },
    ];
    run(&Fixture::new(), &steps).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_client_ends_equal_to_the_team(steps in proptest::collection::vec(step(), 1..40)) {
        thread_local! {
            static FIXTURE: Fixture = Fixture::new();
        }
        FIXTURE.with(|fixture| run(fixture, &steps))?;
    }
}
