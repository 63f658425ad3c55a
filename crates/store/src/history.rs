//! Undo and redo. Every write handle of the app records what its
//! transaction changed with SQLite's session extension; on commit the
//! changeset is kept in the `edits` table with the edit described in plain
//! words. Undo applies the newest edit's inverse, redo applies an undone
//! edit again, each in one transaction — so the history survives a restart
//! and a killed app leaves it whole. A new edit after undoing drops what
//! could have been redone, as in any editor. Bulk writes (imports, a new
//! workspace) keep no changeset: undo stops at them.

use std::sync::{Arc, Mutex};

use greychart_core::transport::HistoryEntry;
use rusqlite::hooks::Action;
use rusqlite::session::{invert_strm, ConflictAction, ConflictType};
use rusqlite::OptionalExtension;

use crate::error::{Result, StoreError};
use crate::{Workspace, Write};

/// Tables the history does not track: the logs themselves.
pub(crate) const UNTRACKED_TABLES: &[&str] = &["audit", "edits", "team_base", "team_conflicts", "team_dirty"];

/// Which way an edit is applied.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Undo,
    Redo,
}

impl Way {
    fn verb(self) -> &'static str {
        match self {
            Way::Undo => "undo",
            Way::Redo => "redo",
        }
    }
}

/// An edit as stored.
struct Edit {
    id: i64,
    summary: String,
    changeset: Option<Vec<u8>>,
}

impl Workspace {
    /// The latest `limit` edits, newest first, those undone included (they
    /// can be redone).
    pub fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.read_connection().prepare_cached(
            "SELECT id, at, actor, summary, state, changeset IS NOT NULL FROM edits \
             WHERE state != 'dropped' ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                summary: r.get(3)?,
                state: r.get(4)?,
                undoable: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Undoes the newest edit not undone yet; returns what was undone.
    pub fn undo(&mut self) -> Result<String> {
        let nothing = || StoreError::Conflict("there is nothing to undo".into());
        let newest = self.newest_done()?.ok_or_else(nothing)?;
        self.step(Way::Undo, newest)?.into_iter().next().ok_or_else(nothing)
    }

    /// Redoes the edit undone last; returns what was redone.
    pub fn redo(&mut self) -> Result<String> {
        let nothing = || StoreError::Conflict("there is nothing to redo".into());
        let oldest = self.oldest_undone()?.ok_or_else(nothing)?;
        self.step(Way::Redo, oldest)?.into_iter().next().ok_or_else(nothing)
    }

    /// Steps the workspace to just before edit `id` (undoing it and every
    /// later edit) when it is done, or to just after it (redoing it and
    /// every undone edit before it) when it is undone; in one transaction.
    /// Returns what was undone or redone, in the order it was.
    pub fn step_to(&mut self, id: i64) -> Result<Vec<String>> {
        let state: Option<String> = self
            .read_connection()
            .query_row("SELECT state FROM edits WHERE id = ?1 AND state != 'dropped'", [id], |r| r.get(0))
            .optional()?;
        match state.as_deref() {
            Some("done") => self.step(Way::Undo, id),
            Some(_) => self.step(Way::Redo, id),
            None => Err(StoreError::NotFound { entity: "edit", id: id.to_string() }),
        }
    }

    fn newest_done(&self) -> Result<Option<i64>> {
        let sql = "SELECT max(id) FROM edits WHERE state = 'done'";
        Ok(self.read_connection().query_row(sql, [], |r| r.get(0))?)
    }

    fn oldest_undone(&self) -> Result<Option<i64>> {
        let sql = "SELECT min(id) FROM edits WHERE state = 'undone'";
        Ok(self.read_connection().query_row(sql, [], |r| r.get(0))?)
    }

    /// Undoes every done edit from the newest down to `until`, or redoes
    /// every undone edit from the oldest up to `until`.
    fn step(&mut self, way: Way, until: i64) -> Result<Vec<String>> {
        let mut w = self.write()?;
        w.untracked();
        let sql = match way {
            Way::Undo => "SELECT id, summary, changeset FROM edits WHERE state = 'done' AND id >= ?1 ORDER BY id DESC",
            Way::Redo => "SELECT id, summary, changeset FROM edits WHERE state = 'undone' AND id <= ?1 ORDER BY id",
        };
        let edits = {
            let mut stmt = w.conn().prepare(sql)?;
            let rows =
                stmt.query_map([until], |r| Ok(Edit { id: r.get(0)?, summary: r.get(1)?, changeset: r.get(2)? }))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut done = Vec::new();
        for edit in edits {
            apply(&w, way, &edit)?;
            let state = if way == Way::Undo { "undone" } else { "done" };
            w.conn().execute("UPDATE edits SET state = ?2 WHERE id = ?1", rusqlite::params![edit.id, state])?;
            w.audit(way.verb(), "edit", &edit.id.to_string(), None, Some(&edit.summary))?;
            done.push(edit.summary);
        }
        w.commit()?;
        Ok(done)
    }
}

/// Applies an edit's changeset, or its inverse, inside the handle's
/// transaction. A row the edit removed that is already gone is fine (a
/// cascade removed it first); any other difference from what the edit left
/// means the workspace was changed outside the history, and nothing is
/// applied.
fn apply(w: &Write<'_>, way: Way, edit: &Edit) -> Result<()> {
    let Some(changes) = &edit.changeset else {
        return Err(StoreError::Conflict(format!(
            "“{}” cannot be undone: imports and new workspaces are not kept in the history, so undo stops there",
            edit.summary
        )));
    };
    let changes = match way {
        Way::Redo => changes.clone(),
        Way::Undo => {
            let mut inverse = Vec::new();
            invert_strm(&mut changes.as_slice(), &mut inverse)?;
            inverse
        }
    };
    let refused: Arc<Mutex<Option<String>>> = Arc::default();
    let seen = Arc::clone(&refused);
    let applied = w.conn().apply_strm(&mut changes.as_slice(), None::<fn(&str) -> bool>, move |kind, item| {
        let table = item.op().map(|op| op.table_name().to_owned()).unwrap_or_default();
        let deleting = item.op().is_ok_and(|op| op.code() == Action::SQLITE_DELETE);
        if kind == ConflictType::SQLITE_CHANGESET_NOTFOUND && deleting {
            return ConflictAction::SQLITE_CHANGESET_OMIT;
        }
        if let Ok(mut slot) = seen.lock() {
            slot.get_or_insert_with(|| conflict_words(&kind, &table));
        }
        ConflictAction::SQLITE_CHANGESET_ABORT
    });
    let why = refused.lock().ok().and_then(|mut slot| slot.take());
    match (applied, why) {
        (Ok(()), None) => Ok(()),
        (_, Some(why)) => {
            Err(StoreError::Conflict(format!("cannot {} “{}”: {why}; nothing was changed", way.verb(), edit.summary)))
        }
        (Err(e), None) => Err(e.into()),
    }
}

/// Why a changeset could not be applied, in words.
fn conflict_words(kind: &ConflictType, table: &str) -> String {
    let what = table.trim_end_matches('s');
    match kind {
        ConflictType::SQLITE_CHANGESET_DATA => format!("a {what} it changed was changed since outside the history"),
        ConflictType::SQLITE_CHANGESET_NOTFOUND => format!("a {what} it changed is no longer there"),
        ConflictType::SQLITE_CHANGESET_CONFLICT => format!("a {what} it would add exists already"),
        ConflictType::SQLITE_CHANGESET_FOREIGN_KEY => "other records would be left naming something missing".into(),
        _ => format!("a {what} would break the workspace's rules"),
    }
}

/// An audit event other than a record's edit in plain words, for the
/// history (a record's edit is named by the record: `Record::history_line`);
/// `None` for what the workspace derives by itself (requirements brought in
/// step, decisions marked stale) and for undo and redo themselves.
pub(crate) fn describe(action: &str, entity: &str, id: &str, after: Option<&str>) -> Option<String> {
    Some(match (action, entity) {
        ("sync" | "stale" | "undo" | "redo", _) => return None,
        (_, "setting") => format!("Set {} to “{}”", id.replace('_', " "), after.unwrap_or("")),
        ("delete", "map positions") => format!("Arranged the map automatically ({})", after.unwrap_or("")),
        (_, "map positions") => format!("Moved people on the map ({})", after.unwrap_or("")),
        ("waive", _) => format!("Removed {entity} {id}: {}", after.unwrap_or("")),
        ("override", _) => format!("Scheduled {id} with approvals missing"),
        ("import", _) => format!("Imported {}", after.unwrap_or(entity)),
        _ => format!("{action} {entity} {id}"),
    })
}

/// One line for an edit made of `parts`.
pub(crate) fn summary(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first}, and {} more", rest.len()),
    }
}
