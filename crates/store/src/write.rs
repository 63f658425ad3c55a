//! Write handles: one transaction each. Every change is validated, its
//! references checked (so a message can name the dangling id and field),
//! reporting lines and dependencies kept acyclic, and an audit event recorded.
//! Nothing lands unless `commit` is called.

use greychart_core::graph::find_cycle;
use greychart_core::model::*;
use greychart_core::planning::PlanGraph;
use greychart_core::CoreError;
use rusqlite::session::Session;
use rusqlite::{Connection, ErrorCode as SqliteCode, OptionalExtension, Transaction};

use crate::error::{Result, StoreError};
use crate::read::{get_on, key_filter, Read};
use crate::Record;

/// A write handle on a workspace.
pub struct Write<'c> {
    pub(crate) tx: Transaction<'c>,
    /// Records the rows this transaction changes, for undo; none for bulk
    /// writes and for undo and redo themselves.
    session: Option<Session<'c>>,
    history: History,
    /// The edit's primary events in plain words.
    described: Vec<String>,
    actor: String,
    /// Something the approval rules read was written: bring the derived
    /// requirements in step before committing.
    rules_dirty: bool,
    /// Why a release may be scheduled with approvals missing, when it may.
    pub(crate) override_reason: Option<String>,
    /// When the transaction began, and what it wrote (entity and id, for
    /// the log: ids only, never a record's text).
    started: std::time::Instant,
    wrote: Vec<(String, String)>,
}

/// Tables whose records the approval rules read.
const RULE_INPUTS: &[&str] =
    &["releases", "changes", "components", "services", "teams", "people", "periods", "approval_rules"];

/// What the history keeps of a write handle's transaction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    /// An edit that can be undone.
    Edit,
    /// An edit too large to keep (an import): undo stops at it.
    Bulk,
    /// Nothing: undo and redo themselves.
    Off,
}

impl<'c> Write<'c> {
    pub(crate) fn begin(conn: &'c mut Connection, actor: String) -> Result<Self> {
        let conn: &'c Connection = conn;
        // The connection is borrowed exclusively by the workspace for 'c, so
        // no other transaction can be open on it.
        let tx = Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        let mut session = Session::new(conn)?;
        session.table_filter(Some(|table: &str| !crate::history::UNTRACKED_TABLES.contains(&table)));
        session.attach(None::<&str>)?;
        Ok(Write {
            tx,
            session: Some(session),
            history: History::Edit,
            described: Vec::new(),
            actor,
            rules_dirty: false,
            override_reason: None,
            started: std::time::Instant::now(),
            wrote: Vec::new(),
        })
    }

    /// Keeps this handle's writes out of the undo history (an import of
    /// thousands of rows): undo will stop at it. Call before writing.
    pub fn bulk(&mut self) {
        self.session = None;
        self.history = History::Bulk;
    }

    /// Keeps this handle out of the history altogether (undo and redo).
    pub(crate) fn untracked(&mut self) {
        self.session = None;
        self.history = History::Off;
    }

    /// Makes every change of this handle durable, the requirements the
    /// approval rules derive brought in step first, and the edit kept in
    /// the history.
    pub fn commit(mut self) -> Result<()> {
        let (started, wrote) = (self.started, std::mem::take(&mut self.wrote));
        let result = self.finish();
        let ms = (started.elapsed().as_secs_f64() * 1e5).round() / 100.0;
        let shown: Vec<String> = wrote.iter().take(3).map(|(entity, id)| format!("{entity} {id}")).collect();
        let more = wrote.len().saturating_sub(shown.len());
        match &result {
            Ok(()) => {
                tracing::debug!(records = wrote.len(), ms, "write committed: {}{}", shown.join(", "), more_text(more))
            }
            Err(e) => tracing::warn!(records = wrote.len(), ms, "write failed at commit, nothing saved: {e}"),
        }
        result
    }

    fn finish(mut self) -> Result<()> {
        if self.rules_dirty {
            self.sync_requirements()?;
        }
        self.keep_edit()?;
        self.session = None;
        self.tx.commit()?;
        Ok(())
    }

    /// Records this transaction as one edit of the history: its changes as
    /// a changeset (none for bulk writes). A new edit drops what could have
    /// been redone.
    fn keep_edit(&mut self) -> Result<()> {
        if self.history == History::Off || self.described.is_empty() {
            return Ok(());
        }
        let changeset = match &mut self.session {
            Some(session) => {
                let mut bytes = Vec::new();
                session.changeset_strm(&mut bytes)?;
                if bytes.is_empty() {
                    return Ok(());
                }
                Some(bytes)
            }
            None => None,
        };
        // A bulk write is named by its last event, the import's own.
        let summary = match self.history {
            History::Bulk => self.described.last().cloned().unwrap_or_default(),
            _ => crate::history::summary(&self.described),
        };
        self.tx.execute("UPDATE edits SET state = 'dropped' WHERE state = 'undone'", [])?;
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        self.tx.execute(
            "INSERT INTO edits (at, actor, summary, changeset) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![at, self.actor, summary, changeset],
        )?;
        Ok(())
    }

    /// The transaction, for reads that must see this handle's own changes.
    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }

    /// Inserts or updates a record after checking it and what it refers to.
    pub fn save<R: Record>(&mut self, record: &R) -> Result<()> {
        record.validate()?;
        self.check_references(record)?;
        if R::TABLE == "decisions" {
            let key = record.label();
            if get_on::<R>(&self.tx, &[key.as_str()])?.is_some() {
                return Err(StoreError::Conflict(
                    "a decision is never edited: record a new decision, and the old one stays in the history"
                        .to_owned(),
                ));
            }
        }
        let before = self.put(record)?;
        let label = record.label();
        self.check_acyclic::<R>(label.split('→').next())?;
        self.approvals_changed(R::TABLE, before.as_deref(), Some(&json(record)))?;
        let action = if before.is_some() { "update" } else { "create" };
        self.audit(action, R::ENTITY, &record.label(), before.as_deref(), Some(&json(record)))
    }

    /// Deletes a record by key; refuses when other records still need it.
    pub fn delete<R: Record>(&mut self, key: &[&str]) -> Result<()> {
        let label = key.join("→");
        let before: R =
            get_on(&self.tx, key)?.ok_or_else(|| StoreError::NotFound { entity: R::ENTITY, id: label.clone() })?;
        if R::TABLE == "changes" || R::TABLE == "releases" {
            self.tx.execute("DELETE FROM dependencies WHERE before_item = ?1 OR after_item = ?1", [key[0]])?;
        }
        if R::TABLE == "decisions" {
            return Err(StoreError::Conflict("a decision is never deleted: it stays in the history".to_owned()));
        }
        self.approvals_changed(R::TABLE, Some(&json(&before)), None)?;
        let sql = format!("DELETE FROM {} WHERE {}", R::TABLE, key_filter::<R>());
        self.tx.execute(&sql, rusqlite::params_from_iter(key.iter())).map_err(|e| match e.sqlite_error_code() {
            Some(SqliteCode::ConstraintViolation) => StoreError::Conflict(format!(
                "{} {label} is still needed by other records (approvals or decisions); remove those first",
                R::ENTITY
            )),
            _ => StoreError::Sqlite(e),
        })?;
        self.rules_dirty |= RULE_INPUTS.contains(&R::TABLE);
        self.audit("delete", R::ENTITY, &label, Some(&json(&before)), None)
    }

    /// Who records a claim that names nobody as its recorder: the person
    /// the workspace names as "me", or else the writer's account name.
    pub(crate) fn recorder(&self) -> Result<String> {
        let me: Option<String> =
            self.tx.query_row("SELECT value FROM settings WHERE key = 'me'", [], |r| r.get(0)).optional()?;
        Ok(me.filter(|me| !me.is_empty()).unwrap_or_else(|| self.actor.clone()))
    }

    /// Saves a new claim, numbering it, recorded by [`Write::recorder`]
    /// unless it names its recorder; returns the claim as stored.
    pub fn add_claim(&mut self, mut claim: Claim) -> Result<Claim> {
        claim.id = self.next_id("claims", "cl")?;
        if claim.recorded_by.is_empty() {
            claim.recorded_by = self.recorder()?;
        }
        self.save(&claim)?;
        Ok(claim)
    }

    /// Sets a workspace setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let before: Option<String> =
            self.tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        self.tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        self.rules_dirty |= crate::approvals::SETTINGS.contains(&key);
        self.audit("update", "setting", key, before.as_deref(), Some(value))
    }

    /// The next free id `prefix<number>` in a table (`prefix` is ours, never user input).
    pub fn next_id(&self, table: &str, prefix: &str) -> Result<String> {
        let sql = format!(
            "SELECT COALESCE(MAX(CAST(SUBSTR(id, {}) AS INTEGER)), 0) FROM {table} WHERE id GLOB '{prefix}[0-9]*'",
            prefix.len() + 1
        );
        let n: i64 = self.tx.query_row(&sql, [], |r| r.get(0))?;
        Ok(format!("{prefix}{:04}", n + 1))
    }

    /// Writes a record without checks; returns its previous JSON, if any.
    pub(crate) fn put<R: Record>(&mut self, record: &R) -> Result<Option<String>> {
        let values = record.values();
        let key: Vec<String> = values[..R::KEY_COLUMNS]
            .iter()
            .map(|v| match v {
                rusqlite::types::Value::Text(s) => s.clone(),
                _ => String::new(),
            })
            .collect();
        let key_refs: Vec<&str> = key.iter().map(String::as_str).collect();
        let before = get_on::<R>(&self.tx, &key_refs)?.map(|r| json(&r));
        let columns = R::COLUMNS.join(", ");
        let placeholders = (1..=R::COLUMNS.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
        let keys = R::COLUMNS[..R::KEY_COLUMNS].join(", ");
        let updates =
            R::COLUMNS[R::KEY_COLUMNS..].iter().map(|c| format!("{c} = excluded.{c}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "INSERT INTO {} ({columns}) VALUES ({placeholders}) ON CONFLICT({keys}) DO UPDATE SET {updates}",
            R::TABLE
        );
        self.tx.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
        self.rules_dirty |= RULE_INPUTS.contains(&R::TABLE);
        Ok(before)
    }

    fn check_references<R: Record>(&self, record: &R) -> Result<()> {
        for reference in record.references() {
            let mut found = false;
            for table in reference.tables {
                let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
                found |= self.tx.query_row(&sql, [&reference.id], |_| Ok(())).optional()?.is_some();
            }
            if !found {
                let what = reference.tables.join(" or ");
                return Err(StoreError::invalid(reference.field, format!("no {what} entry has id {}", reference.id)));
            }
        }
        Ok(())
    }

    /// Refuses a write that closed a cycle in reporting lines or in the plan
    /// (dependencies, and a release's link to its own changes); the cycle is
    /// named starting from `anchor` when it passes through it.
    pub(crate) fn check_acyclic<R: Record>(&self, anchor: Option<&str>) -> Result<()> {
        let found = match R::TABLE {
            "people" => {
                let mut stmt = self.tx.prepare_cached("SELECT manager, id FROM people WHERE manager IS NOT NULL")?;
                let edges = stmt
                    .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                find_cycle(edges.iter().map(|(a, b)| (a.as_str(), b.as_str())))
                    .map(|members| CoreError::Cycle { what: "reporting line".to_owned(), members })
            }
            "dependencies" | "changes" => {
                let read = Read::new(&self.tx);
                PlanGraph::build(&read.list::<Release>()?, &read.list::<Change>()?, &read.list::<Dependency>()?).err()
            }
            _ => None,
        };
        match found {
            None => Ok(()),
            Some(CoreError::Cycle { what, mut members }) => {
                if let Some(at) = anchor.and_then(|a| members.iter().position(|m| m == a)) {
                    members.pop();
                    members.rotate_left(at);
                    members.push(members[0].clone());
                }
                Err(StoreError::Core(CoreError::Cycle { what, members }))
            }
            Some(other) => Err(StoreError::Core(other)),
        }
    }

    /// Records an audit event.
    pub(crate) fn audit(
        &mut self,
        action: &str,
        entity: &str,
        entity_id: &str,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<()> {
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        self.tx.prepare_cached(
            "INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(rusqlite::params![at, self.actor, action, entity, entity_id, before, after])?;
        self.wrote.push((entity.to_owned(), entity_id.to_owned()));
        let person = |id: &str| {
            self.tx
                .query_row("SELECT name FROM people WHERE id = ?1", [id], |r| r.get::<_, String>(0))
                .unwrap_or_else(|_| id.to_owned())
        };
        let words = crate::history::describe(action, entity, entity_id, (before, after), &person);
        self.described.extend(words);
        Ok(())
    }

    /// Inserts a whole workspace (for the demo and, later, JSON import), with
    /// every check, as one audit event.
    pub fn insert_all(&mut self, data: &WorkspaceData) -> Result<()> {
        self.bulk();
        if let Some(me) = &data.me {
            self.set_setting("me", me)?;
        }
        self.set_setting("formal_weight", &data.formal_weight.to_string())?;
        let threshold = data.finance_threshold.map(|t| t.to_string());
        for (key, value) in [
            ("change_manager", &data.change_manager),
            ("cab_chair", &data.cab_chair),
            ("finance_approver", &data.finance_approver),
            ("finance_threshold", &threshold),
        ] {
            if let Some(value) = value {
                self.set_setting(key, value)?;
            }
        }
        self.tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        self.put_all(&data.teams)?;
        self.put_all(&data.people)?;
        self.put_all(&data.claims)?;
        self.put_all(&data.releases)?;
        self.put_all(&data.stances)?;
        self.put_all(&data.profiles)?;
        self.put_all(&data.engagements)?;
        self.put_all(&data.components)?;
        self.put_all(&data.services)?;
        self.put_all(&data.changes)?;
        self.put_all(&data.dependencies)?;
        self.put_all(&data.periods)?;
        self.put_all(&data.absences)?;
        self.put_all(&data.requirements)?;
        self.put_all(&data.decisions)?;
        self.put_all(&data.approval_rules)?;
        self.check_acyclic::<Person>(None)?;
        self.check_acyclic::<Dependency>(None)?;
        self.audit(
            "import",
            "workspace",
            "",
            None,
            Some(&format!("{} people, {} claims", data.people.len(), data.claims.len())),
        )
    }

    fn put_all<R: Record>(&mut self, records: &[R]) -> Result<()> {
        for r in records {
            r.validate()
                .map_err(|e| StoreError::invalid(&e.field, format!("{} {}: {}", R::ENTITY, r.label(), e.message)))?;
            self.put(r)?;
        }
        for r in records {
            self.check_references(r)?;
        }
        Ok(())
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// " and N more" for a log line, when there are more.
fn more_text(more: usize) -> String {
    if more == 0 {
        String::new()
    } else {
        format!(" and {more} more")
    }
}
