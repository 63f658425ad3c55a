//! The team database's schema: versioned migrations kept in this crate, as
//! for the SQLite store, applied in one transaction; a database of a newer
//! schema is refused and left untouched. The group roles are made first.

use crate::connect::Connection;
use crate::error::{Result, TeamError};

/// Each entry upgrades the schema by one version; index 0 makes version 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_team.sql"),
    include_str!("migrations/002_sync.sql"),
    include_str!("migrations/003_audit_statements.sql"),
    include_str!("migrations/004_notify.sql"),
    include_str!("migrations/005_decisions.sql"),
    include_str!("migrations/006_separation_of_duties.sql"),
    include_str!("migrations/007_cheaper_checks.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The group roles, one per role a user may have.
pub const GROUPS: [&str; 3] = ["greychart_manager", "greychart_approver", "greychart_admin"];

/// What `init` found and left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Init {
    /// The schema version before (0: none).
    pub from: i64,
    /// The schema version after.
    pub to: i64,
}

impl Connection {
    /// Creates or upgrades the schema and the group roles; running it again
    /// changes nothing. Needs a role allowed to create roles.
    pub fn init(&self) -> Result<Init> {
        self.run(async {
            let mut client = self.pool.get().await?;
            let tx = client.transaction().await?;
            // Two inits at once: the second waits, then finds the work done.
            tx.execute("SELECT pg_advisory_xact_lock(4752455901)", &[]).await?;
            for group in GROUPS {
                let exists = tx.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&group]).await?.is_some();
                if !exists {
                    tx.batch_execute(&format!("CREATE ROLE {group} NOLOGIN")).await?;
                }
            }
            let from = version(&tx).await?;
            if from > SCHEMA_VERSION {
                return Err(TeamError::TooNew { found: from, supported: SCHEMA_VERSION });
            }
            for migration in &MIGRATIONS[usize::try_from(from).unwrap_or(0)..] {
                tx.batch_execute(migration).await?;
            }
            tx.execute(
                "INSERT INTO greychart.meta (key, value) VALUES ('schema_version', $1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&SCHEMA_VERSION.to_string()],
            )
            .await?;
            tx.commit().await?;
            Ok(Init { from, to: SCHEMA_VERSION })
        })
    }

    /// The schema version of the database (0: not a team database yet).
    pub fn schema_version(&self) -> Result<i64> {
        self.run(async {
            let client = self.pool.get().await?;
            version(&client).await
        })
    }
}

async fn version(client: &impl deadpool_postgres::GenericClient) -> Result<i64> {
    let has_meta: bool = client.query_one("SELECT to_regclass('greychart.meta') IS NOT NULL", &[]).await?.get(0);
    if !has_meta {
        return Ok(0);
    }
    let row = client.query_opt("SELECT value FROM greychart.meta WHERE key = 'schema_version'", &[]).await?;
    let text: String = row.map(|r| r.get(0)).unwrap_or_default();
    text.parse().map_err(|_| TeamError::Invalid(format!("the team database's schema version {text:?} is not a number")))
}
