//! A team database with the demo published by ann (manager, p26) from
//! `a.greychart`, and the other users a test asks for.

use std::path::PathBuf;

use greychart_store::Workspace;
use greychart_team::{Connection, Role};

use crate::cluster::Cluster;

pub const PASSWORD: &str = "correct horse battery";

pub struct Team {
    pub cluster: Cluster,
    pub dir: tempfile::TempDir,
}

#[allow(dead_code)] // not every test crate uses every helper
impl Team {
    /// The demo published by ann, with `users` (login, person, role) too.
    pub fn published(users: &[(&str, &str, Role)]) -> Team {
        let cluster = Cluster::start();
        let admin = Connection::open(&cluster.admin_url()).unwrap();
        admin.init().unwrap();
        admin.add_user("ann", "p26", Role::Manager, PASSWORD).unwrap();
        for (login, person, role) in users {
            admin.add_user(login, person, *role, PASSWORD).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let mut a =
            Workspace::create_with(&dir.path().join("a.greychart"), &greychart_core::demo::demo_workspace(today))
                .unwrap();
        let team = Team { cluster, dir };
        team.connect("ann").publish(&mut a, &team.cluster.url("ann", PASSWORD)).unwrap();
        team
    }

    pub fn connect(&self, login: &str) -> Connection {
        Connection::open(&self.cluster.url(login, PASSWORD)).unwrap()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A new file `name` joined as `login`.
    pub fn joined(&self, login: &str, name: &str) -> Workspace {
        let mut ws = Workspace::create(&self.path(name)).unwrap();
        self.connect(login).join(&mut ws, &self.cluster.url(login, PASSWORD)).unwrap();
        ws
    }

    /// The publishing manager's file.
    pub fn manager(&self) -> Workspace {
        Workspace::open(&self.path("a.greychart")).unwrap()
    }
}
