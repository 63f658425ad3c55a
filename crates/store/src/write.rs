//! Write handles: one transaction each. Every change is validated, its
//! references checked (so a message can name the dangling id and field),
//! reporting lines and dependencies kept acyclic, and an audit event recorded.
//! Nothing lands unless `commit` is called.

use greychart_core::model::*;
use rusqlite::session::Session;
use rusqlite::{Connection, ErrorCode as SqliteCode, OptionalExtension, Transaction};

use crate::error::{Result, StoreError};
use crate::read::{get_on, key_filter};
use crate::record::{Action, CycleCheck, Rules};
use crate::Record;

/// Rows written, and a Cancel another thread may press: shared by a
/// workspace and its writes.
#[derive(Clone, Default)]
pub(crate) struct WriteProgress {
    pub(crate) written: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    pub(crate) cancelled: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl WriteProgress {
    /// Counts a row; refuses it once cancelled.
    fn step(&self) -> Result<()> {
        if self.cancelled.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(crate::StoreError::Cancelled);
        }
        self.written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

/// A write handle on a workspace.
pub struct Write<'c> {
    pub(crate) tx: Transaction<'c>,
    /// Counts every row put, and stops at the next one once cancelled.
    progress: WriteProgress,
    /// The upsert statement of each table written to.
    upserts: std::collections::HashMap<&'static str, String>,
    /// Records the rows this transaction changes, for undo; none for bulk
    /// writes and for undo and redo themselves.
    session: Option<Session<'c>>,
    history: History,
    /// The edit's primary events in plain words.
    described: Vec<String>,
    actor: String,
    /// Whose requirements the rules must derive again before committing.
    rules: Rules,
    /// Why a release may be scheduled with approvals missing, when it may.
    pub(crate) override_reason: Option<String>,
    /// When the transaction began, and what it wrote (entity and id, for
    /// the log: ids only, never a record's text).
    started: std::time::Instant,
    wrote: Vec<(String, String)>,
}

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
    pub(crate) fn begin(conn: &'c mut Connection, actor: String, progress: WriteProgress) -> Result<Self> {
        let conn: &'c Connection = conn;
        // The connection is borrowed exclusively by the workspace for 'c, so
        // no other transaction can be open on it.
        let tx = Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        let mut session = Session::new(conn)?;
        session.table_filter(Some(|table: &str| !crate::history::UNTRACKED_TABLES.contains(&table)));
        session.attach(None::<&str>)?;
        Ok(Write {
            progress,
            upserts: std::collections::HashMap::new(),
            tx,
            session: Some(session),
            history: History::Edit,
            described: Vec::new(),
            actor,
            rules: Rules::Unaffected,
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
        let rules = std::mem::take(&mut self.rules);
        if rules != Rules::Unaffected {
            self.sync_requirements(&rules)?;
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
        let before: Option<R> = get_on(&self.tx, &key_of(record).iter().map(String::as_str).collect::<Vec<_>>())?;
        if R::IMMUTABLE && before.is_some() {
            return Err(StoreError::Kept {
                message: format!(
                    "a {} is never edited: record a new one, and the old one stays in the history",
                    R::ENTITY
                ),
                entity: R::ENTITY,
                id: record.label(),
            });
        }
        self.put(record)?;
        if let Some(check) = R::cycle_check(before.as_ref(), record) {
            self.check_acyclic(check)?;
        }
        self.follow(R::consequences(before.as_ref(), Some(record)))?;
        let action = if before.is_some() { Action::Update } else { Action::Create };
        let before_json = before.as_ref().map(json);
        self.audit_record(action, record, before_json.as_deref(), Some(&json(record)))
    }

    /// Deletes a record by key; refuses when other records still need it.
    pub fn delete<R: Record>(&mut self, key: &[&str]) -> Result<()> {
        let label = key.join("→");
        let before: R =
            get_on(&self.tx, key)?.ok_or_else(|| StoreError::NotFound { entity: R::ENTITY, id: label.clone() })?;
        if R::IMMUTABLE {
            return Err(StoreError::Kept {
                message: format!("a {} is never deleted: it stays in the history", R::ENTITY),
                entity: R::ENTITY,
                id: label,
            });
        }
        if R::DEPENDED_ON {
            self.tx.execute("DELETE FROM dependencies WHERE before_item = ?1 OR after_item = ?1", [key[0]])?;
        }
        self.follow(R::consequences(Some(&before), None))?;
        let sql = format!("DELETE FROM {} WHERE {}", R::TABLE, key_filter::<R>());
        self.tx.execute(&sql, rusqlite::params_from_iter(key.iter())).map_err(|e| match e.sqlite_error_code() {
            Some(SqliteCode::ConstraintViolation) => StoreError::Kept {
                message: format!(
                    "{} {label} is still needed by other records (approvals or decisions); remove those first",
                    R::ENTITY
                ),
                entity: R::ENTITY,
                id: label.clone(),
            },
            _ => StoreError::Sqlite(e),
        })?;
        self.audit_record(Action::Delete, &before, Some(&json(&before)), None)
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
        let before: Option<String> = self
            .tx
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        self.tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        if crate::approvals::SETTINGS.contains(&key) {
            self.note_rules(Rules::All);
        }
        self.audit("update", "setting", key, before.as_deref(), Some(value))
    }

    /// Removes a workspace setting (a role nobody fills, the default threshold).
    pub fn clear_setting(&mut self, key: &str) -> Result<()> {
        let before: Option<String> = self
            .tx
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        let Some(before) = before else { return Ok(()) };
        self.tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        if crate::approvals::SETTINGS.contains(&key) {
            self.note_rules(Rules::All);
        }
        self.audit("delete", "setting", key, Some(&before), None)
    }

    /// The next free id `prefix<number>` in a table (`prefix` is ours, never
    /// user input): one past the newest `prefix`+digits id, as wide as it
    /// (at least four digits), and past any id that is taken. Found from
    /// the newest rows backwards and checked by key, so it costs a few index
    /// probes, not a read of the table (800,000 claims: ~70 ms before).
    pub fn next_id(&self, table: &str, prefix: &str) -> Result<String> {
        let newest = format!(
            // `+id`: walk the rows newest first, not the key's index.
            "SELECT id FROM {table} WHERE +id GLOB ?1 AND NOT substr(id, ?2) GLOB '*[^0-9]*' ORDER BY rowid DESC LIMIT 1"
        );
        let found: Option<String> = self
            .tx
            .prepare_cached(&newest)?
            .query_row(rusqlite::params![format!("{prefix}[0-9]*"), prefix.len() as i64 + 1], |r| r.get(0))
            .optional()?;
        let (mut number, width) = found
            .and_then(|id| {
                let digits = id.get(prefix.len()..)?;
                digits.parse::<u64>().ok().map(|n| (n + 1, digits.len().max(4)))
            })
            .unwrap_or((1, 4));
        let mut taken = self.tx.prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?;
        loop {
            let id = format!("{prefix}{number:0width$}");
            if taken.query_row([&id], |_| Ok(())).optional()?.is_none() {
                return Ok(id);
            }
            number += 1;
        }
    }

    /// Writes a record without checks (inserted, or updated in place).
    pub(crate) fn put<R: Record>(&mut self, record: &R) -> Result<()> {
        self.progress.step()?;
        let values = record.values();
        // Written once per table and transaction: an import puts a million rows.
        let sql = self.upserts.entry(R::TABLE).or_insert_with(|| {
            let columns = R::COLUMNS.join(", ");
            let placeholders = (1..=R::COLUMNS.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
            let keys = R::COLUMNS[..R::KEY_COLUMNS].join(", ");
            let updates = R::COLUMNS[R::KEY_COLUMNS..]
                .iter()
                .map(|c| format!("{c} = excluded.{c}"))
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                "INSERT INTO {} ({columns}) VALUES ({placeholders}) ON CONFLICT({keys}) DO UPDATE SET {updates}",
                R::TABLE
            )
        });
        self.tx.prepare_cached(sql)?.execute(rusqlite::params_from_iter(values))?;
        Ok(())
    }

    /// Records an audit event that is not one record's edit (a setting,
    /// the map's places, an import, stale marks…), described from its kind.
    pub(crate) fn audit(
        &mut self,
        action: &str,
        entity: &str,
        entity_id: &str,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<()> {
        let line = crate::history::describe(action, entity, entity_id, after);
        self.audit_event(action, entity, entity_id, (before, after), line)
    }

    /// Writes an audit row and keeps its History line (if it has one).
    fn audit_event(
        &mut self,
        action: &str,
        entity: &str,
        entity_id: &str,
        (before, after): (Option<&str>, Option<&str>),
        line: Option<String>,
    ) -> Result<()> {
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        self.tx
            .prepare_cached(
                "INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(rusqlite::params![at, self.actor, action, entity, entity_id, before, after])?;
        self.wrote.push((entity.to_owned(), entity_id.to_owned()));
        self.described.extend(line);
        Ok(())
    }

    /// Records the audit event of an edit of a record, named as the
    /// record itself says (`Record::history_line`).
    fn audit_record<R: Record>(
        &mut self,
        action: Action,
        record: &R,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<()> {
        let names = std::cell::RefCell::new(self.tx.prepare_cached("SELECT name FROM people WHERE id = ?1")?);
        let person =
            |id: &str| names.borrow_mut().query_row([id], |r| r.get::<_, String>(0)).unwrap_or_else(|_| id.to_owned());
        let line = record.history_line(action, &person);
        drop(names);
        self.audit_event(action.as_str(), R::ENTITY, &record.label(), (before, after), Some(line))
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
        self.check_acyclic(CycleCheck::AllReporting { anchor: None })?;
        self.check_acyclic(CycleCheck::Plan { anchor: None })?;
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
            self.put_in_bulk(r)?;
        }
        for r in records {
            self.check_references(r)?;
        }
        Ok(())
    }

    /// Writes a record of a bulk write (an import, a whole workspace)
    /// whose checks the caller makes once for all rows; the requirements
    /// it could change are derived again before committing.
    pub(crate) fn put_in_bulk<R: Record>(&mut self, record: &R) -> Result<()> {
        self.put(record)?;
        self.note_rules(R::consequences(None, Some(record)).rules);
        Ok(())
    }

    /// Whether every requirement is derived again at the commit anyway.
    pub(crate) fn derives_all(&self) -> bool {
        self.rules == Rules::All
    }

    /// Notes whose requirements to derive again before committing.
    pub(crate) fn note_rules(&mut self, rules: Rules) {
        self.rules = std::mem::take(&mut self.rules).and(rules);
    }

    /// Writes a record of a bulk write, acting on what it means as a single
    /// edit would (stale decisions), its checks made by the caller.
    pub(crate) fn put_followed<R: Record>(&mut self, record: &R) -> Result<()> {
        let before: Option<R> = get_on(&self.tx, &key_of(record).iter().map(String::as_str).collect::<Vec<_>>())?;
        self.put(record)?;
        self.follow(R::consequences(before.as_ref(), Some(record)))
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A record's key, as text.
pub(crate) fn key_of<R: Record>(record: &R) -> Vec<String> {
    record.values()[..R::KEY_COLUMNS]
        .iter()
        .map(|v| match v {
            rusqlite::types::Value::Text(s) => s.clone(),
            _ => String::new(),
        })
        .collect()
}

/// " and N more" for a log line, when there are more.
fn more_text(more: usize) -> String {
    if more == 0 {
        String::new()
    } else {
        format!(" and {more} more")
    }
}
