//! The shared part of a workspace, as a team database holds it: teams,
//! people, components, services, releases, changes, dependencies, windows
//! and freezes, absences, approval rules, the approval settings and the
//! requirements, each as (kind, id, the JSON of its Greychart type; a
//! setting's value as a JSON string). Never claims, stances, profiles, the engagement
//! log, map positions or "me": those stay in the file. Also the team link's
//! own state: the base each record was synced on, and the conflicts.

use greychart_core::model::{
    Absence, ApprovalRequirement, ApprovalRule, Change, Component, Dependency, Period, Person, Release, Service, Team,
};
use rusqlite::OptionalExtension;
use serde_json::Value;

use crate::error::{Result, StoreError};
use crate::{Record, Workspace, Write};

/// The kinds shared with a team, in the order they are created.
pub const SHARED_KINDS: [&str; 12] = [
    "setting",
    "team",
    "person",
    "component",
    "service",
    "release",
    "change",
    "dependency",
    "period",
    "absence",
    "approval_rule",
    "requirement",
];

/// One shared record.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedRecord {
    /// One of [`SHARED_KINDS`].
    pub kind: String,
    /// Its key (a dependency's: `before → after`).
    pub id: String,
    /// Its JSON.
    pub data: Value,
}

/// A base to remember: (kind, id, the team's version, its data).
pub type BaseRow = (String, String, i64, Value);

/// What the team had of a record when last synced.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    /// The team's version (0: kept only here, never pushed).
    pub version: i64,
    /// The data at that version.
    pub data: Value,
}

/// A record changed both here and in the team since the last sync.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Kind of record.
    pub kind: String,
    /// Its id.
    pub id: String,
    /// This workspace's value (`None`: deleted here).
    pub mine: Option<Value>,
    /// The team's (`None`: deleted there).
    pub theirs: Option<Value>,
    /// The team's version.
    pub theirs_version: i64,
    /// Who made theirs, and when.
    pub theirs_by: String,
    /// When.
    pub theirs_at: String,
}

/// The key of a record as one id (parts cannot hold spaces).
fn id_of<R: Record>(record: &R) -> String {
    record
        .values()
        .iter()
        .take(R::KEY_COLUMNS)
        .map(|v| match v {
            rusqlite::types::Value::Text(s) => s.clone(),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

fn list_of<R: Record + serde::de::DeserializeOwned>(
    ws: &Workspace,
    kind: &str,
    out: &mut Vec<SharedRecord>,
) -> Result<()> {
    for record in ws.read().list::<R>()? {
        let data = serde_json::to_value(&record).map_err(|e| StoreError::Conflict(format!("{kind}: {e}")))?;
        out.push(SharedRecord { kind: kind.to_owned(), id: id_of(&record), data });
    }
    Ok(())
}

fn get_json<R: Record + serde::de::DeserializeOwned>(ws: &Workspace, kind: &str, id: &str) -> Result<Option<Value>> {
    let key: Vec<&str> = id.split(" → ").collect();
    match ws.read().get::<R>(&key)? {
        Some(record) => {
            Ok(Some(serde_json::to_value(&record).map_err(|e| StoreError::Conflict(format!("{kind}: {e}")))?))
        }
        None => Ok(None),
    }
}

fn put_json<R: Record + serde::de::DeserializeOwned>(
    w: &mut Write<'_>,
    kind: &str,
    id: &str,
    data: &Value,
) -> Result<()> {
    let record: R = serde_json::from_value(data.clone())
        .map_err(|e| StoreError::Conflict(format!("the team's {kind} {id} does not read: {e}")))?;
    put_pulled(w, &record)
}

/// Writes a record pulled from the team, its checks made by the caller,
/// deriving again only the requirements its change touches (a renamed
/// change touches none), as a user's edit of it would.
fn put_pulled<R: Record>(w: &mut Write<'_>, record: &R) -> Result<()> {
    if w.derives_all() {
        // Every requirement is derived again anyway: no need to compare.
        return w.put(record);
    }
    let key = crate::write::key_of(record);
    let before: Option<R> = crate::read::get_on(w.conn(), &key.iter().map(String::as_str).collect::<Vec<_>>())?;
    w.put(record)?;
    w.note_rules(R::consequences(before.as_ref(), Some(record)).rules);
    Ok(())
}

fn delete_key<R: Record>(w: &mut Write<'_>, id: &str) -> Result<()> {
    let key: Vec<&str> = id.split(" → ").collect();
    match w.delete::<R>(&key) {
        Ok(()) | Err(StoreError::NotFound { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}

// The approval settings are shared records of their own kind, a key and
// its value ("me" and the team link's settings never are).

fn list_of_setting(ws: &Workspace, kind: &str, out: &mut Vec<SharedRecord>) -> Result<()> {
    let read = ws.read();
    for key in crate::approvals::SETTINGS {
        if let Some(value) = read.setting(key)? {
            out.push(SharedRecord { kind: kind.to_owned(), id: (*key).to_owned(), data: Value::String(value) });
        }
    }
    Ok(())
}

fn get_json_setting(ws: &Workspace, _kind: &str, id: &str) -> Result<Option<Value>> {
    if !crate::approvals::SETTINGS.contains(&id) {
        return Ok(None);
    }
    Ok(ws.read().setting(id)?.map(Value::String))
}

fn put_json_setting(w: &mut Write<'_>, _kind: &str, id: &str, data: &Value) -> Result<()> {
    match (crate::approvals::SETTINGS.contains(&id), data) {
        (true, Value::String(value)) => w.set_setting(id, value),
        _ => Err(StoreError::Conflict(format!("the team's setting {id} does not read"))),
    }
}

fn delete_key_setting(w: &mut Write<'_>, id: &str) -> Result<()> {
    if crate::approvals::SETTINGS.contains(&id) {
        w.clear_setting(id)?;
    }
    Ok(())
}

/// Runs `$do::<Type>(args)` for the type of a shared kind, or the
/// setting's own `$do_setting(args)`.
macro_rules! by_kind {
    ($kind:expr, list_of ( $($arg:expr),* )) => { by_type!($kind, list_of, list_of_setting, ($($arg),*)) };
    ($kind:expr, get_json ( $($arg:expr),* )) => { by_type!($kind, get_json, get_json_setting, ($($arg),*)) };
    ($kind:expr, put_json ( $($arg:expr),* )) => { by_type!($kind, put_json, put_json_setting, ($($arg),*)) };
    ($kind:expr, delete_key ( $($arg:expr),* )) => { by_type!($kind, delete_key, delete_key_setting, ($($arg),*)) };
}

macro_rules! by_type {
    ($kind:expr, $do:ident, $setting:ident, ($($arg:expr),*)) => {
        match $kind {
            "setting" => $setting($($arg),*),
            "requirement" => $do::<ApprovalRequirement>($($arg),*),
            "team" => $do::<Team>($($arg),*),
            "person" => $do::<Person>($($arg),*),
            "component" => $do::<Component>($($arg),*),
            "service" => $do::<Service>($($arg),*),
            "release" => $do::<Release>($($arg),*),
            "change" => $do::<Change>($($arg),*),
            "dependency" => $do::<Dependency>($($arg),*),
            "period" => $do::<Period>($($arg),*),
            "absence" => $do::<Absence>($($arg),*),
            "approval_rule" => $do::<ApprovalRule>($($arg),*),
            other => Err(StoreError::Conflict(format!("{other} is not a kind of shared record"))),
        }
    };
}

/// A change to apply to the shared part: the record's new data, or `None`
/// when it was deleted; and the base to remember for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pulled {
    /// Kind.
    pub kind: String,
    /// Id.
    pub id: String,
    /// The data (`None`: deleted).
    pub data: Option<Value>,
    /// The team's version.
    pub version: i64,
}

impl Workspace {
    /// Every shared record, kind by kind in [`SHARED_KINDS`] order.
    pub fn shared_records(&self) -> Result<Vec<SharedRecord>> {
        let mut out = Vec::new();
        for kind in SHARED_KINDS {
            by_kind!(kind, list_of(self, kind, &mut out))?;
        }
        Ok(out)
    }

    /// One shared record's JSON, if the workspace has it.
    pub fn shared_record(&self, kind: &str, id: &str) -> Result<Option<Value>> {
        by_kind!(kind, get_json(self, kind, id))
    }

    /// The shared records changed here since they were last in step with
    /// the team (kept by triggers), as (kind, id).
    pub fn team_dirty(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare("SELECT kind, id FROM team_dirty")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the team had of one record when last synced.
    pub fn team_base_of(&self, kind: &str, id: &str) -> Result<Option<Base>> {
        let row: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT version, data FROM team_base WHERE kind = ?1 AND id = ?2")?
            .query_row([kind, id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match row {
            Some((version, data)) => Ok(Some(Base {
                version,
                data: serde_json::from_str(&data).map_err(|e| StoreError::Conflict(format!("team base: {e}")))?,
            })),
            None => Ok(None),
        }
    }

    /// Forgets which records changed: everything is in step with the team
    /// (after publishing or joining).
    pub fn forget_team_dirty(&mut self) -> Result<()> {
        let mut w = self.write()?;
        w.untracked();
        w.conn().execute("DELETE FROM team_dirty", [])?;
        w.commit()
    }

    /// Makes `records` (every shared record here) the team's, at version 1
    /// (a publish): their bases are written and nothing is left to push, then `settle`
    /// runs (the upload) and returns the team link's settings. Only when it
    /// succeeds is it all committed with them; its error leaves the file as
    /// it was.
    pub fn adopt_as_team_when<E>(
        &mut self,
        records: &[SharedRecord],
        settle: impl FnOnce() -> std::result::Result<Vec<(&'static str, String)>, E>,
    ) -> Result<std::result::Result<(), E>> {
        let mut w = self.write()?;
        w.untracked();
        for r in records {
            set_base(&w, &r.kind, &r.id, 1, &r.data)?;
        }
        w.conn().execute("DELETE FROM team_dirty", [])?;
        let settings = match settle() {
            Ok(settings) => settings,
            // Dropped without a commit: rolled back.
            Err(e) => return Ok(Err(e)),
        };
        for (key, value) in &settings {
            w.conn().execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                rusqlite::params![key, value],
            )?;
        }
        w.commit().map(Ok)
    }

    /// What the team had of each record when last synced.
    pub fn team_base(&self) -> Result<std::collections::HashMap<(String, String), Base>> {
        let mut stmt = self.conn.prepare("SELECT kind, id, version, data FROM team_base")?;
        let rows = stmt.query_map([], |r| {
            Ok(((r.get::<_, String>(0)?, r.get::<_, String>(1)?), (r.get::<_, i64>(2)?, r.get::<_, String>(3)?)))
        })?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let (key, (version, data)) = row?;
            let data = serde_json::from_str(&data).map_err(|e| StoreError::Conflict(format!("team base: {e}")))?;
            out.insert(key, Base { version, data });
        }
        Ok(out)
    }

    /// Applies the team's records in one transaction, outside the undo
    /// history, and remembers each as the base; `bases` sets the base of
    /// records whose data here already is the team's (pushed, or equal).
    pub fn apply_team(&mut self, pulled: &[Pulled], bases: &[BaseRow]) -> Result<()> {
        self.apply_team_with(pulled, bases, &[])
    }

    /// [`Workspace::apply_team`], and settings of the team link set in the
    /// same transaction (one commit for a whole pull).
    pub fn apply_team_with(&mut self, pulled: &[Pulled], bases: &[BaseRow], settings: &[(&str, &str)]) -> Result<()> {
        if pulled.is_empty() && bases.is_empty() {
            return self.set_team_settings(settings);
        }
        let mut w = self.write()?;
        for (key, value) in settings {
            w.conn().execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
        }
        w.untracked();
        w.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
        // Created in kind order; deleted in the reverse.
        let order = |kind: &str| SHARED_KINDS.iter().position(|k| *k == kind).unwrap_or(usize::MAX);
        let mut puts: Vec<&Pulled> = pulled.iter().filter(|p| p.data.is_some()).collect();
        puts.sort_by_key(|p| order(&p.kind));
        let mut deletes: Vec<&Pulled> = pulled.iter().filter(|p| p.data.is_none()).collect();
        deletes.sort_by_key(|p| std::cmp::Reverse(order(&p.kind)));
        for p in puts {
            if let Some(data) = &p.data {
                by_kind!(p.kind.as_str(), put_json(&mut w, &p.kind, &p.id, data))?;
                set_base(&w, &p.kind, &p.id, p.version, data)?;
            }
        }
        for p in deletes {
            by_kind!(p.kind.as_str(), delete_key(&mut w, &p.id))?;
            w.conn().prepare_cached("DELETE FROM team_base WHERE kind = ?1 AND id = ?2")?.execute([&p.kind, &p.id])?;
        }
        for (kind, id, version, data) in bases {
            set_base(&w, kind, id, *version, data)?;
        }
        // What came from the team, or went to it, is in step now.
        let mut clean = w.conn().prepare_cached("DELETE FROM team_dirty WHERE kind = ?1 AND id = ?2")?;
        for (kind, id) in pulled.iter().map(|p| (&p.kind, &p.id)).chain(bases.iter().map(|b| (&b.0, &b.1))) {
            clean.execute([kind, id])?;
        }
        drop(clean);
        w.commit()
    }

    /// The conflicts waiting for the user's choice.
    pub fn team_conflicts(&self) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn.prepare(
            "SELECT kind, id, mine, theirs, theirs_version, theirs_by, theirs_at FROM team_conflicts ORDER BY kind, id",
        )?;
        let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
        let rows = stmt.query_map([], |r| {
            Ok(Conflict {
                kind: r.get(0)?,
                id: r.get(1)?,
                mine: json(r.get(2)?),
                theirs: json(r.get(3)?),
                theirs_version: r.get(4)?,
                theirs_by: r.get(5)?,
                theirs_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a conflict (replacing one on the same record).
    pub fn add_team_conflict(&mut self, conflict: &Conflict) -> Result<()> {
        let mut w = self.write()?;
        w.untracked();
        let text = |v: &Option<Value>| v.as_ref().map(Value::to_string);
        w.conn().execute(
            "INSERT OR REPLACE INTO team_conflicts (kind, id, mine, theirs, theirs_version, theirs_by, theirs_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![
                conflict.kind,
                conflict.id,
                text(&conflict.mine),
                text(&conflict.theirs),
                conflict.theirs_version,
                conflict.theirs_by,
                conflict.theirs_at
            ],
        )?;
        w.commit()
    }

    /// Forgets a conflict that resolved itself (both sides the same now).
    pub fn forget_team_conflict(&mut self, kind: &str, id: &str) -> Result<()> {
        let mut w = self.write()?;
        w.untracked();
        w.conn().execute("DELETE FROM team_conflicts WHERE kind = ?1 AND id = ?2", [kind, id])?;
        w.commit()
    }

    /// Resolves a conflict: keep the team's value (applied here) or mine
    /// (pushed on the team's version at the next sync).
    pub fn resolve_team_conflict(&mut self, kind: &str, id: &str, keep_mine: bool) -> Result<()> {
        let conflict = self
            .team_conflicts()?
            .into_iter()
            .find(|c| c.kind == kind && c.id == id)
            .ok_or_else(|| StoreError::NotFound { entity: "conflict", id: format!("{kind} {id}") })?;
        let mut w = self.write()?;
        w.untracked();
        w.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
        match (&conflict.theirs, keep_mine) {
            (Some(theirs), _) => set_base(&w, kind, id, conflict.theirs_version, theirs)?,
            (None, true) => {
                // Deleted there, kept here: pushed again as new.
                w.conn().execute("DELETE FROM team_base WHERE kind = ?1 AND id = ?2", [kind, id])?;
            }
            (None, false) => {}
        }
        if !keep_mine {
            match &conflict.theirs {
                Some(theirs) => by_kind!(kind, put_json(&mut w, kind, id, theirs))?,
                None => {
                    by_kind!(kind, delete_key(&mut w, id))?;
                    w.conn().execute("DELETE FROM team_base WHERE kind = ?1 AND id = ?2", [kind, id])?;
                }
            }
        }
        w.conn().execute("DELETE FROM team_conflicts WHERE kind = ?1 AND id = ?2", [kind, id])?;
        w.commit()
    }

    /// A setting of the team link (`team_url`, `team_watermark`, …).
    pub fn team_setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Sets settings of the team link, outside the undo history (nothing
    /// is written when each has that value already).
    pub fn set_team_settings(&mut self, settings: &[(&str, &str)]) -> Result<()> {
        let mut changed = false;
        for (key, value) in settings {
            changed |= self.team_setting(key)?.as_deref() != Some(*value);
        }
        if !changed {
            return Ok(());
        }
        let mut w = self.write()?;
        w.untracked();
        for (key, value) in settings {
            w.conn().execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
        }
        w.commit()
    }
}

fn set_base(w: &Write<'_>, kind: &str, id: &str, version: i64, data: &Value) -> Result<()> {
    w.conn()
        .prepare_cached(
            "INSERT INTO team_base (kind, id, version, data) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(kind, id) DO UPDATE SET version = excluded.version, data = excluded.data",
        )?
        .execute(rusqlite::params![kind, id, version, data.to_string()])?;
    Ok(())
}
