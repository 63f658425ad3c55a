//! The workspace schema and its migrations.
//!
//! `PRAGMA user_version` holds the schema version and `application_id` marks
//! the file as Greychart's. Before an upgrade the file is copied beside
//! itself with SQLite's online backup (the last three kept); migrations then
//! run in one transaction: a failure leaves the file as it was. A file from
//! a newer Greychart is refused.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::encryption::Passphrase;
use crate::error::{Result, StoreError};

/// "GREY" in ASCII: marks a SQLite file as a Greychart workspace.
pub const APPLICATION_ID: i64 = 0x4752_4559;

/// Each entry upgrades the schema by one version; index 0 makes version 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_positions.sql"),
    include_str!("migrations/003_not_before.sql"),
    include_str!("migrations/004_approval_rules.sql"),
    include_str!("migrations/005_history.sql"),
    include_str!("migrations/006_person_indexes.sql"),
    include_str!("migrations/007_edit_indexes.sql"),
    include_str!("migrations/008_change_risk.sql"),
    include_str!("migrations/009_team.sql"),
    include_str!("migrations/010_team_dirty.sql"),
    include_str!("migrations/011_team_decisions.sql"),
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

/// How many backups made before upgrades are kept beside a workspace.
pub const KEPT_BACKUPS: usize = 3;

/// Brings the schema up to date, or refuses a file this build cannot read.
/// An existing file is backed up first (see [`backup_before_upgrade`]).
pub fn migrate(conn: &mut Connection, path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.display().to_string(), found: version, supported: SCHEMA_VERSION });
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    if version > 0 {
        backup_before_upgrade(conn, path, version, key)?;
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

/// Copies the workspace at `path` (schema `version`) to
/// `<file>.<YYYYMMDD-HHMMSS>.v<version>.backup` beside it with SQLite's
/// online backup, then removes all but the newest [`KEPT_BACKUPS`] such
/// copies. A backup that cannot be made refuses the upgrade: nothing changes.
pub fn backup_before_upgrade(
    conn: &Connection,
    path: &Path,
    version: i64,
    key: Option<&Passphrase>,
) -> Result<PathBuf> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = path.parent().unwrap_or(Path::new("."));
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let backup = folder.join(format!("{name}.{stamp}.v{version}.backup"));
    let refused = |e: &dyn std::fmt::Display| {
        StoreError::File(format!(
            "{} needs an upgrade, but it could not be backed up to {} first ({e}); nothing was changed",
            path.display(),
            backup.display()
        ))
    };
    match key {
        // An encrypted file's backup is encrypted with the same passphrase.
        Some(_) => crate::encryption::export_to(conn, &backup, key).map_err(|e| refused(&e))?,
        None => {
            conn.backup(rusqlite::MAIN_DB, &backup, None::<fn(rusqlite::backup::Progress)>).map_err(|e| refused(&e))?
        }
    }
    let mut backups: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| refused(&e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| is_backup_of(&name, &n.to_string_lossy())))
        .collect();
    // Names hold the time: the newest sort last.
    backups.sort();
    let surplus = backups.len().saturating_sub(KEPT_BACKUPS);
    for old in &backups[..surplus] {
        // An old backup that cannot be removed stays; the upgrade goes on.
        let _ = std::fs::remove_file(old);
    }
    Ok(backup)
}

/// Whether `file` is named as a backup of the workspace file `name`:
/// `<name>.<8 digits>-<6 digits>.v<digits>.backup`.
fn is_backup_of(name: &str, file: &str) -> bool {
    let Some(rest) = file.strip_prefix(name).and_then(|r| r.strip_prefix('.')) else { return false };
    let Some(rest) = rest.strip_suffix(".backup") else { return false };
    let Some((stamp, version)) = rest.split_once(".v") else { return false };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let stamp_ok = stamp.split_once('-').is_some_and(|(day, time)| digits(day, 8) && digits(time, 6));
    stamp_ok && !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit())
}
