//! The workspace schema and its migrations.
//!
//! `PRAGMA user_version` holds the schema version and `application_id` marks
//! the file as Greychart's. Migrations run in one transaction: a failure
//! leaves the file as it was. A file from a newer Greychart is refused.

use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// "GREY" in ASCII: marks a SQLite file as a Greychart workspace.
pub const APPLICATION_ID: i64 = 0x4752_4559;

/// Each entry upgrades the schema by one version; index 0 makes version 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_positions.sql"),
    include_str!("migrations/003_not_before.sql"),
    include_str!("migrations/004_approval_rules.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Refuses a file that is not SQLite, or is another program's database.
pub fn check_owner(conn: &Connection, path: &str) -> Result<()> {
    let not_a_workspace =
        |e: rusqlite::Error| StoreError::NotAWorkspace { path: path.to_owned(), reason: e.to_string() };
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(not_a_workspace)?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(not_a_workspace)?;
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).map_err(not_a_workspace)?;
    if app_id != APPLICATION_ID && (version != 0 || tables != 0) {
        return Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
            reason: "it is an SQLite database of another program".to_owned(),
        });
    }
    Ok(())
}

/// Brings the schema up to date, or refuses a file this build cannot read.
pub fn migrate(conn: &mut Connection, path: &str) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_owned(), found: version, supported: SCHEMA_VERSION });
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in &MIGRATIONS[version as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}
