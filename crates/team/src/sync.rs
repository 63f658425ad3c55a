//! A workspace and its team: join a team database, sync (push the edits made here on the
//! version they were made on, pull the others'), resolve a conflict. The
//! edits waiting here are the difference between the file's shared records
//! and what the team had of them when last synced; each has an id made of
//! its content, so a retried push never applies twice.

use std::collections::HashSet;

use greychart_store::{Base, Conflict, Pulled, Workspace, SHARED_KINDS};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::connect::{without_password, Connection};
use crate::decisions::{TheirDecision, DECISION_COLUMNS};
use crate::error::{Result, TeamError};
use crate::news::{TheirEdit, TheirSignOff};
use crate::push::Pushed;

/// A field that differs between this workspace and the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldConflict {
    /// Kind of record.
    pub table: String,
    /// Its id.
    pub id: String,
    /// The field (`(record)` when one side deleted it).
    pub field: String,
    /// This workspace's value.
    pub mine: Value,
    /// The team's.
    pub theirs: Value,
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SyncReport {
    /// Edits pushed.
    pub pushed: usize,
    /// Records pulled.
    pub pulled: usize,
    /// Conflicts waiting for a choice, field by field.
    pub conflicts: Vec<FieldConflict>,
    /// Edits the team refused, each with why (a stale decision; a plan edit
    /// by an approver, whose record is back to the team's version).
    pub refused: Vec<String>,
    /// The records others changed, written here by this sync.
    pub heard: Vec<TheirEdit>,
    /// The decisions others gave, taken here by this sync.
    pub decided: Vec<TheirSignOff>,
}

/// An edit made here, waiting to be pushed.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    /// Content id: the same edit retried has the same id.
    pub edit_id: String,
    /// Kind.
    pub kind: String,
    /// Id.
    pub id: String,
    /// The team's version it was made on (0: new).
    pub base_version: i64,
    /// The new data (`None`: deleted).
    pub data: Option<Value>,
}

fn order(kind: &str) -> usize {
    SHARED_KINDS.iter().position(|k| *k == kind).unwrap_or(usize::MAX)
}

/// The edits waiting in `ws`: the shared records changed here since they
/// were last in step with the team, each against what the team had.
pub fn queued(ws: &Workspace, login: &str) -> Result<Vec<Edit>> {
    let held: HashSet<(String, String)> =
        ws.team_conflicts().map_err(store)?.into_iter().map(|c| (c.kind, c.id)).collect();
    let mut edits = Vec::new();
    for (kind, id) in ws.team_dirty().map_err(store)? {
        if held.contains(&(kind.clone(), id.clone())) {
            continue;
        }
        let mine = ws.shared_record(&kind, &id).map_err(store)?;
        let base = ws.team_base_of(&kind, &id).map_err(store)?;
        match (base, mine) {
            // Kept here only (not the team's): never pushed.
            (Some(Base { version: 0, .. }), _) => {}
            (Some(b), Some(data)) if b.data == data => {}
            (Some(b), mine) => edits.push(edit(login, kind, id, b.version, mine)),
            (None, Some(data)) => edits.push(edit(login, kind, id, 0, Some(data))),
            (None, None) => {}
        }
    }
    // Created in kind order; deleted in the reverse.
    edits.sort_by_key(|e| if e.data.is_some() { order(&e.kind) as i64 } else { 100 - order(&e.kind) as i64 });
    Ok(edits)
}

fn edit(login: &str, kind: String, id: String, base_version: i64, data: Option<Value>) -> Edit {
    let mut hash = Sha256::new();
    for part in
        [login, &kind, &id, &base_version.to_string(), &data.as_ref().map_or("deleted".to_owned(), Value::to_string)]
    {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let edit_id = hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect();
    Edit { edit_id, kind, id, base_version, data }
}

pub(crate) fn store(e: greychart_store::StoreError) -> TeamError {
    TeamError::Invalid(e.to_string())
}

/// A record of the team: (kind, id, how the team has it).
type TheirRow = (String, String, Theirs);

/// What one pull read, in one snapshot.
struct Pull {
    records: Vec<TheirRow>,
    decisions: Vec<TheirDecision>,
    /// Where the next pull starts.
    watermark: String,
    /// Who the login is in the team now.
    person: String,
    role: String,
}

/// A record as the team has it.
pub(crate) struct Theirs {
    pub(crate) version: i64,
    pub(crate) data: Option<Value>,
    pub(crate) by: String,
    pub(crate) at: String,
}

pub(crate) fn parse_json(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| TeamError::Invalid(format!("the team's record does not read: {e}")))
}

impl Connection {
    /// Makes `ws` a copy of the team's shared data: the team's records are
    /// written over its own, its other shared records go, except the people
    /// and releases its private grey chart names (claims, stances,
    /// profiles, contacts): those are kept here only, and returned.
    pub fn join(&self, ws: &mut Workspace, url: &str) -> Result<(usize, Vec<String>)> {
        let Pull { records: rows, decisions, watermark, person, role } = self.pull_since("0")?;
        let theirs: HashSet<(String, String)> = rows.iter().map(|(k, i, _)| (k.clone(), i.clone())).collect();
        // What the private grey chart names must stay, or it would go with it.
        let private = ws.read().data().map_err(store)?;
        let named: HashSet<(&str, String)> = private
            .claims
            .iter()
            .flat_map(|c| [c.from.clone(), c.to.clone()])
            .chain(private.stances.iter().map(|s| s.person.clone()))
            .chain(private.profiles.iter().map(|p| p.person.clone()))
            .chain(private.engagements.iter().map(|e| e.person.clone()))
            .map(|id| ("person", id))
            .chain(private.stances.iter().map(|s| ("release", s.release.clone())))
            .collect();
        let mut pulled: Vec<Pulled> =
            rows.into_iter().map(|(kind, id, t)| Pulled { kind, id, data: t.data, version: t.version }).collect();
        let mut kept = Vec::new();
        let mut bases = Vec::new();
        for r in ws.shared_records().map_err(store)? {
            if theirs.contains(&(r.kind.clone(), r.id.clone())) {
                continue;
            }
            if named.contains(&(r.kind.as_str(), r.id.clone())) {
                kept.push(format!("{} {}", r.kind, r.id));
                bases.push((r.kind, r.id, 0, r.data));
            } else {
                pulled.push(Pulled { kind: r.kind, id: r.id, data: None, version: 0 });
            }
        }
        let count = pulled.iter().filter(|p| p.data.is_some()).count();
        // The team's decisions are the ones that count (and this file's
        // would hold on to requirements the team does not have).
        ws.forget_decisions().map_err(store)?;
        ws.apply_team(&pulled, &bases).map_err(store)?;
        ws.forget_team_dirty().map_err(store)?;
        ws.set_team_settings(&[
            ("team_url", &without_password(url)),
            ("team_login", &self.login),
            ("team_person", &person),
            ("team_role", &role),
            ("team_watermark", &watermark),
        ])
        .map_err(store)?;
        self.take_decisions(ws, decisions, &[])?;
        Ok((count, kept))
    }

    /// The oldest transaction still running: the next pull starts there.
    pub(crate) async fn watermark(&self) -> Result<String> {
        let client = self.pool.get().await?;
        Ok(client.query_one("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", &[]).await?.get(0))
    }

    /// Every record changed by a transaction at or after `watermark`, and
    /// the next watermark, read in one snapshot.
    fn pull_since(&self, watermark: &str) -> Result<Pull> {
        self.run(async {
            let mut client = self.pool.get().await?;
            let tx = client
                .build_transaction()
                .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .await?;
            let next: String = tx.query_one("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", &[]).await?.get(0);
            let rows = tx
                .query(
                    "SELECT kind, id, data::text, version, deleted, changed_by, changed_at::text
                     FROM greychart.records WHERE txid >= $1::text::xid8 ORDER BY txid, kind, id",
                    &[&watermark],
                )
                .await?;
            let decisions = tx
                .query(
                    &format!(
                        "SELECT {DECISION_COLUMNS} FROM greychart.decisions WHERE txid >= $1::text::xid8 ORDER BY txid, id"
                    ),
                    &[&watermark],
                )
                .await?
                .iter()
                .map(TheirDecision::from_row)
                .collect::<Result<Vec<_>>>()?;
            let me = tx
                .query_one("SELECT coalesce(greychart.my_person(), ''), coalesce(greychart.my_role(), '')", &[])
                .await?;
            tx.commit().await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let deleted: bool = row.get(4);
                let data = if deleted { None } else { Some(parse_json(row.get::<_, &str>(2))?) };
                out.push((
                    row.get(0),
                    row.get(1),
                    Theirs { version: row.get(3), data, by: row.get(5), at: row.get(6) },
                ));
            }
            Ok(Pull { records: out, decisions, watermark: next, person: me.get(0), role: me.get(1) })
        })
    }

    /// Pushes the edits waiting in `ws`, then pulls the others'.
    pub fn sync(&self, ws: &mut Workspace) -> Result<SyncReport> {
        let mut report = SyncReport::default();
        let edits = queued(ws, &self.login)?;
        let role = ws.team_setting("team_role").map_err(store)?.unwrap_or_default();
        let (edits, refused) = if role == "manager" { (edits, Vec::new()) } else { (Vec::new(), edits) };
        // Only managers edit the plan: an edit made here by anyone else goes
        // back to the team's version, and says so.
        let mut undone = Vec::new();
        for e in refused {
            let base = ws.team_base_of(&e.kind, &e.id).map_err(store)?;
            report.refused.push(format!(
                "{} {}: only a manager edits the plan (you are {}); the team's version is back",
                e.kind,
                e.id,
                if role.is_empty() { "not a member".to_owned() } else { format!("an {role}") }
            ));
            undone.push(Pulled {
                kind: e.kind,
                id: e.id,
                version: base.as_ref().map_or(0, |b| b.version),
                data: base.map(|b| b.data),
            });
        }
        ws.apply_team(&undone, &[]).map_err(store)?;
        let Pushed { applied, bases, gone, conflicts } = self.push(&edits)?;
        report.pushed = applied;
        ws.apply_team(&gone, &bases).map_err(store)?;
        for c in &conflicts {
            ws.add_team_conflict(c).map_err(store)?;
        }
        let (decided, refused) = self.push_decisions(ws)?;
        report.pushed += decided;
        report.refused.extend(refused);
        let watermark = ws.team_setting("team_watermark").map_err(store)?.unwrap_or_else(|| "0".to_owned());
        let Pull { records: rows, decisions, watermark: next, person, role } = self.pull_since(&watermark)?;
        let held: HashSet<(String, String)> =
            ws.team_conflicts().map_err(store)?.into_iter().map(|c| (c.kind, c.id)).collect();
        let mut pulled = Vec::new();
        let mut same = Vec::new();
        for (kind, id, theirs) in rows {
            let key = (kind.clone(), id.clone());
            let known = ws.team_base_of(&kind, &id).map_err(store)?;
            if known.as_ref().is_some_and(|b| b.version >= theirs.version) {
                continue;
            }
            let mine = ws.shared_record(&kind, &id).map_err(store)?;
            let mine = mine.as_ref();
            let pending = match &known {
                Some(b) => mine != Some(&b.data),
                None => mine.is_some(),
            };
            if mine == theirs.data.as_ref() {
                // The same on both sides: in step, and no conflict any more.
                if held.contains(&key) {
                    ws.forget_team_conflict(&kind, &id).map_err(store)?;
                }
                match theirs.data {
                    Some(data) => same.push((kind, id, theirs.version, data)),
                    None => pulled.push(Pulled { kind, id, data: None, version: theirs.version }),
                }
            } else if pending || held.contains(&key) {
                let conflict = Conflict {
                    kind,
                    id,
                    mine: mine.cloned(),
                    theirs: theirs.data,
                    theirs_version: theirs.version,
                    theirs_by: theirs.by,
                    theirs_at: theirs.at,
                };
                ws.add_team_conflict(&conflict).map_err(store)?;
            } else {
                let deleted = theirs.data.is_none();
                report.heard.push(TheirEdit {
                    kind: kind.clone(),
                    id: id.clone(),
                    by: theirs.by,
                    at: theirs.at,
                    deleted,
                });
                pulled.push(Pulled { kind, id, data: theirs.data, version: theirs.version });
            }
        }
        report.pulled = pulled.len();
        // The last sync is kept to the minute: a sync that found nothing
        // new writes nothing in the file.
        let now =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default();
        let last = ws.team_setting("team_last_sync").map_err(store)?.and_then(|t| t.parse::<u64>().ok());
        let now = if last.is_some_and(|l| now.saturating_sub(l) < 60) && next == watermark {
            last.unwrap_or(now)
        } else {
            now
        };
        // Where the next pull starts is written with what was pulled, or
        // after it: a pull cut short is pulled again, never skipped. With
        // no decisions (which name the records) it is one commit.
        let now = now.to_string();
        let settings = [
            ("team_watermark", next.as_str()),
            ("team_last_sync", &now),
            ("team_person", &person),
            ("team_role", &role),
        ];
        if decisions.is_empty() {
            ws.apply_team_with(&pulled, &same, &settings).map_err(store)?;
            // Decisions here whose release changed go stale.
            self.take_decisions(ws, decisions, &report.heard)?;
        } else {
            ws.apply_team(&pulled, &same).map_err(store)?;
            report.decided = self.take_decisions(ws, decisions, &report.heard)?;
            report.pulled += report.decided.len();
            ws.set_team_settings(&settings).map_err(store)?;
        }
        report.conflicts = field_conflicts(&ws.team_conflicts().map_err(store)?);
        Ok(report)
    }
}

/// The conflicts field by field.
pub fn field_conflicts(conflicts: &[Conflict]) -> Vec<FieldConflict> {
    let mut out = Vec::new();
    for c in conflicts {
        match (&c.mine, &c.theirs) {
            (Some(Value::Object(mine)), Some(Value::Object(theirs))) => {
                let mut fields: Vec<&String> = mine.keys().chain(theirs.keys()).collect();
                fields.sort();
                fields.dedup();
                for f in fields {
                    let (m, t) =
                        (mine.get(f).cloned().unwrap_or(Value::Null), theirs.get(f).cloned().unwrap_or(Value::Null));
                    if m != t {
                        out.push(FieldConflict {
                            table: c.kind.clone(),
                            id: c.id.clone(),
                            field: f.clone(),
                            mine: m,
                            theirs: t,
                        });
                    }
                }
            }
            (mine, theirs) => out.push(FieldConflict {
                table: c.kind.clone(),
                id: c.id.clone(),
                field: "(record)".to_owned(),
                mine: mine.clone().unwrap_or(Value::Null),
                theirs: theirs.clone().unwrap_or(Value::Null),
            }),
        }
    }
    out
}
