//! Decisions of a team workspace. A decision given here is written at once,
//! one per requirement the approver has on the release, and waits to be
//! pushed as one edit with the scope of the release its approver saw; the
//! team records it only on that scope. Decisions pulled from the team are
//! written the same way. Each keeps how it was given (in the app, by a
//! delegate, or on paper or by mail with its source) and the login.

use greychart_core::model::{Decision, DecisionKind};
use rusqlite::OptionalExtension;

use crate::error::{Result, StoreError};
use crate::Workspace;

/// A decision as the team has it (or will): one per approver and release.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamDecision {
    /// The edit that pushes it: a retried push never records it twice.
    pub edit_id: String,
    /// The release.
    pub release: String,
    /// The approver whose decision it is.
    pub approver: String,
    /// What they decided.
    pub kind: DecisionKind,
    /// Their comment.
    pub comment: String,
    /// Who recorded it: the approver, their delegate, or a manager.
    pub recorded_by: String,
    /// Where it is written, when given outside the app (empty: in the app).
    pub source: String,
    /// The login that recorded it.
    pub login: String,
    /// When, RFC 3339.
    pub decided_at: String,
    /// The scope of the release its approver saw.
    pub scope: String,
}

/// A decision given in the app and recorded by the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedInApp {
    /// The team's id for it.
    pub team_id: i64,
    /// The approver whose decision it is.
    pub approver: String,
    /// approved, rejected or abstained.
    pub decision: String,
    /// The comment.
    pub comment: String,
    /// The scope of the release it was given on.
    pub scope: String,
    /// The login that gave it.
    pub login: String,
    /// When, RFC 3339.
    pub decided_at: String,
}

impl Workspace {
    /// Records a decision of a team workspace here, on every active
    /// requirement of `d.approver` on `d.release`, to be pushed at the next
    /// sync (`team_id` `None`) or as pulled from the team (`Some`).
    /// Returns the decisions written: none when the approver is not asked.
    pub fn record_team_decision(&mut self, d: &TeamDecision, team_id: Option<i64>) -> Result<Vec<Decision>> {
        let asked: Vec<String> = self
            .read()
            .approvals(Some(&d.release), chrono::NaiveDate::MIN)?
            .into_iter()
            .filter(|row| row.approver == d.approver)
            .map(|row| row.id)
            .collect();
        let mut w = self.write()?;
        if team_id.is_some() {
            w.untracked();
        }
        let mut written = Vec::new();
        for (n, requirement) in asked.iter().enumerate() {
            let id = match team_id {
                Some(t) => format!("t{t}-{}", n + 1),
                None => w.next_id("decisions", "d")?,
            };
            let decision = Decision {
                id: id.clone(),
                requirement: requirement.clone(),
                kind: d.kind,
                decided_by: d.approver.clone(),
                decided_at: d.decided_at.clone(),
                comment: d.comment.clone(),
                stale: false,
                stale_reason: String::new(),
                recorded_by: if d.recorded_by == d.approver { String::new() } else { d.recorded_by.clone() },
                source: d.source.clone(),
                login: d.login.clone(),
            };
            w.save(&decision)?;
            w.conn().execute(
                "INSERT INTO team_decisions (decision, edit_id, release, approver, scope, team_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![id, d.edit_id, d.release, d.approver, d.scope, team_id],
            )?;
            written.push(decision);
        }
        w.commit()?;
        Ok(written)
    }

    /// The decisions waiting to be pushed, one per edit, oldest first.
    pub fn queued_team_decisions(&self) -> Result<Vec<TeamDecision>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.edit_id, t.release, t.approver, d.kind, d.comment, d.recorded_by, d.source, d.login,
                    d.decided_at, t.scope
             FROM team_decisions t JOIN decisions d ON d.id = t.decision
             WHERE t.team_id IS NULL GROUP BY t.edit_id ORDER BY min(d.decided_at), t.edit_id",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(3)?;
            let recorded_by: String = r.get(5)?;
            let approver: String = r.get(2)?;
            Ok(TeamDecision {
                edit_id: r.get(0)?,
                release: r.get(1)?,
                kind: DecisionKind::parse(&kind).unwrap_or(DecisionKind::Abstained),
                comment: r.get(4)?,
                recorded_by: if recorded_by.is_empty() { approver.clone() } else { recorded_by },
                approver,
                source: r.get(6)?,
                login: r.get(7)?,
                decided_at: r.get(8)?,
                scope: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether a decision of the team (by its edit) is here already.
    pub fn has_team_decision(&self, edit_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM team_decisions WHERE edit_id = ?1 LIMIT 1", [edit_id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Notes what the team did with a pushed decision: recorded it as
    /// `team_id`, or refused it (`Err(reason)`): then it is marked stale here
    /// with the reason, kept in the history, and never pushed again.
    pub fn settle_team_decision(&mut self, edit_id: &str, outcome: std::result::Result<i64, &str>) -> Result<()> {
        let mut w = self.write()?;
        w.untracked();
        match outcome {
            Ok(team_id) => {
                w.conn().execute(
                    "UPDATE team_decisions SET team_id = ?2 WHERE edit_id = ?1",
                    rusqlite::params![edit_id, team_id],
                )?;
            }
            Err(reason) => {
                w.conn().execute("UPDATE team_decisions SET team_id = 0 WHERE edit_id = ?1", [edit_id])?;
                w.conn().execute(
                    "UPDATE decisions SET stale = 1, stale_reason = ?2
                     WHERE id IN (SELECT decision FROM team_decisions WHERE edit_id = ?1)",
                    [edit_id, reason],
                )?;
            }
        }
        w.commit()
    }

    /// The releases and scopes of the team's decisions still current here.
    pub fn current_team_decisions(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT t.edit_id, t.release, t.scope FROM team_decisions t JOIN decisions d ON d.id = t.decision
             WHERE d.stale = 0 AND coalesce(t.team_id, 1) <> 0",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks the decisions of one edit stale: their release changed since.
    pub fn stale_team_decision(&mut self, edit_id: &str, reason: &str) -> Result<()> {
        let mut w = self.write()?;
        w.untracked();
        w.conn().execute(
            "UPDATE decisions SET stale = 1, stale_reason = ?2
             WHERE stale = 0 AND id IN (SELECT decision FROM team_decisions WHERE edit_id = ?1)",
            [edit_id, reason],
        )?;
        w.commit()
    }

    /// Queues decisions given here before the workspace had a team (the
    /// current ones of one approver on one release, `decisions`) as the
    /// team decision `d`: they say now who put them in the team and from
    /// what, as the team will.
    pub fn adopt_team_decision(&mut self, decisions: &[String], d: &TeamDecision) -> Result<()> {
        let mut w = self.write()?;
        w.untracked();
        for id in decisions {
            w.conn().execute(
                "UPDATE decisions SET recorded_by = ?2, source = ?3, login = ?4 WHERE id = ?1",
                rusqlite::params![
                    id,
                    if d.recorded_by == d.approver { "" } else { d.recorded_by.as_str() },
                    d.source,
                    d.login
                ],
            )?;
            w.conn().execute(
                "INSERT INTO team_decisions (decision, edit_id, release, approver, scope, team_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, NULL)",
                rusqlite::params![id, d.edit_id, d.release, d.approver, d.scope],
            )?;
        }
        w.commit()
    }

    /// The decisions on `release` given in the app and recorded by the
    /// team (not on paper, not queued, not refused, not stale), by
    /// requirement: what a sign-off packet prints in place of a blank
    /// signature line.
    pub fn signed_in_app(&self, release: &str) -> Result<std::collections::HashMap<String, SignedInApp>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.requirement, t.team_id, t.approver, d.kind, d.comment, t.scope, d.login, d.decided_at
             FROM decisions d JOIN team_decisions t ON t.decision = d.id
             WHERE t.release = ?1 AND t.team_id > 0 AND d.stale = 0 AND d.source = '' AND d.login <> ''
             ORDER BY d.decided_at",
        )?;
        let rows = stmt.query_map([release], |r| {
            Ok((
                r.get::<_, String>(0)?,
                SignedInApp {
                    team_id: r.get(1)?,
                    approver: r.get(2)?,
                    decision: r.get(3)?,
                    comment: r.get(4)?,
                    scope: r.get(5)?,
                    login: r.get(6)?,
                    decided_at: r.get(7)?,
                },
            ))
        })?;
        // The latest of each requirement stands.
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?.into_iter().collect())
    }

    /// Forgets every decision here: joining a team, whose decisions are
    /// the ones that count.
    pub fn forget_decisions(&mut self) -> Result<()> {
        let mut w = self.write()?;
        w.untracked();
        w.conn().execute_batch("DELETE FROM team_decisions; DELETE FROM decisions;")?;
        w.commit()
    }

    /// The versions the team had, at the last sync, of a release and of
    /// the changes in it, as `kind:id:version` sorted by kind then id (bytes):
    /// the release's scope as its approver saw it.
    pub fn team_scope_parts(&self, release: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT kind || ':' || id || ':' || version FROM team_base
             WHERE version > 0
               AND ((kind = 'release' AND id = ?1) OR (kind = 'change' AND json_extract(data, '$.release') = ?1))
             ORDER BY kind, id",
        )?;
        let rows = stmt.query_map([release], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>().map_err(StoreError::from)
    }

    /// Why the shared plan may not be edited here, if it may not: in a team
    /// workspace only a manager edits it (PostgreSQL refuses the others'
    /// edits, and a sync would take them back).
    pub fn plan_refusal(&self) -> Result<Option<String>> {
        let role = self.team_setting("team_role")?;
        Ok(match role.as_deref() {
            None | Some("manager") => None,
            Some("") => Some("only a manager edits the plan of this team, and this login is not a member".to_owned()),
            Some(r) => Some(format!("only a manager edits the plan of this team; you are an {r}")),
        })
    }
}
