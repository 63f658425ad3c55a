//! Decisions through the team. A decision is written in the workspace at
//! once (offline too) with the scope of the release its approver saw, and
//! pushed at the next sync; the team records it only on that scope (a
//! decision on a release whose scope changed since is refused as stale),
//! only as the connected user, for someone who delegated to them, or, by a
//! manager, on an approver's behalf with a source. PostgreSQL's row-level
//! security enforces the same for anyone with psql.

use std::collections::{BTreeMap, HashMap};

use greychart_core::model::{ApprovalRequirement, Decision, DecisionKind, Release};
use greychart_store::{TeamDecision, Workspace};
use sha2::{Digest, Sha256};

use crate::connect::Connection;
use crate::error::{Result, TeamError};
use crate::news::{TheirEdit, TheirSignOff};
use crate::sync::store;

/// A decision to record in a team workspace.
#[derive(Debug, Clone)]
pub struct Decide<'a> {
    /// The release.
    pub release: &'a str,
    /// For whom (`None`: the connected user's own person).
    pub approver: Option<&'a str>,
    /// What was decided.
    pub kind: DecisionKind,
    /// The comment.
    pub comment: &'a str,
    /// Where a decision given on paper or by mail is written; `None`: given
    /// in the app (as oneself, or as a delegate).
    pub source: Option<&'a str>,
}

/// Who this workspace's user is in the team: (login, person, role), as
/// the team said at publish, join or the last sync.
pub fn identity(ws: &Workspace) -> Result<(String, String, String)> {
    let get = |key: &str| ws.team_setting(key).map_err(store).map(Option::unwrap_or_default);
    if get("team_url")?.is_empty() {
        return Err(TeamError::Invalid("this is not a team workspace: publish it or join a team first".to_owned()));
    }
    Ok((get("team_login")?, get("team_person")?, get("team_role")?))
}

/// The scope of `release` as this workspace last had it from the team.
pub fn scope(ws: &Workspace, release: &str) -> Result<String> {
    let parts = ws.team_scope_parts(release).map_err(store)?;
    if parts.is_empty() {
        return Ok(String::new());
    }
    Ok(Sha256::digest(parts.join("|").as_bytes()).iter().map(|b| format!("{b:02x}")).collect())
}

/// Records a decision here, to be pushed at the next sync. Refused here
/// already when the release is unknown, the approver is not asked, or the
/// user's role may not record it.
pub fn decide(ws: &mut Workspace, d: &Decide<'_>) -> Result<Vec<Decision>> {
    let (login, me, role) = identity(ws)?;
    if me.is_empty() {
        return Err(TeamError::Invalid(format!("the login {login} is not a member of the team: ask an admin")));
    }
    if ws.read().get::<Release>(&[d.release]).map_err(store)?.is_none() {
        return Err(TeamError::Invalid(format!("no release with id {}", d.release)));
    }
    if d.kind == DecisionKind::ChangesRequested {
        return Err(TeamError::Invalid(
            "the team records approved, rejected or abstained: say what must change in the comment".to_owned(),
        ));
    }
    if d.source.is_some_and(|s| s.trim().is_empty()) {
        return Err(TeamError::Invalid("--source: say where the decision is written (a mail, minutes)".to_owned()));
    }
    if d.source.is_some() && role != "manager" {
        return Err(TeamError::Invalid(format!(
            "only a manager records a decision given on paper or by mail; you are {}",
            if role.is_empty() { "not a member".to_owned() } else { format!("an {role}") }
        )));
    }
    let approver = d.approver.unwrap_or(&me).to_owned();
    let scope = scope(ws, d.release)?;
    let decided_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let edit_id = edit_id(&[&login, d.release, &approver, d.kind.as_str(), d.comment, &decided_at]);
    let decision = TeamDecision {
        edit_id,
        release: d.release.to_owned(),
        approver: approver.clone(),
        kind: d.kind,
        comment: d.comment.to_owned(),
        recorded_by: me,
        source: d.source.unwrap_or_default().trim().to_owned(),
        login,
        decided_at,
        scope,
    };
    let written = ws.record_team_decision(&decision, None).map_err(store)?;
    if written.is_empty() {
        return Err(TeamError::Invalid(format!("{approver} is not asked to sign off {}", d.release)));
    }
    Ok(written)
}

/// The id of the edit that pushes a decision, from what it says.
fn edit_id(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// What a decision given before the workspace had a team says of its
/// source (then the day it was given).
pub const BEFORE_THE_TEAM: &str = "recorded in Greychart before the team";

/// Queues, at publish, the decisions given in `ws` before it had a team:
/// the current one of each approver on each release, as recorded by the
/// manager publishing (`me`) on the approver's behalf with its source
/// (theirs, or [`BEFORE_THE_TEAM`], and the day it was given); the
/// manager's own stay their own.
pub(crate) fn queue_earlier_decisions(ws: &mut Workspace, login: &str, me: &str) -> Result<usize> {
    let release_of: HashMap<String, String> =
        ws.read().list::<ApprovalRequirement>().map_err(store)?.into_iter().map(|q| (q.id, q.release)).collect();
    let mut latest: BTreeMap<(String, String), Vec<Decision>> = BTreeMap::new();
    for d in ws.read().list::<Decision>().map_err(store)?.into_iter().filter(|d| !d.stale) {
        let Some(release) = release_of.get(&d.requirement) else { continue };
        let held = latest.entry((release.clone(), d.decided_by.clone())).or_default();
        match held.first().map(|h| h.decided_at.cmp(&d.decided_at)) {
            Some(std::cmp::Ordering::Greater) => {}
            Some(std::cmp::Ordering::Equal) if held[0].kind == d.kind => held.push(d),
            _ => *held = vec![d],
        }
    }
    let mut queued = 0;
    for ((release, approver), given) in latest {
        let Some(first) = given.first() else { continue };
        let own = approver == me && first.source.is_empty();
        // The team dates a decision when it records it: the day it was
        // given goes with its source.
        let day = first.decided_at.get(..10).unwrap_or(&first.decided_at);
        let source = match (own, first.source.trim()) {
            (true, _) => String::new(),
            (false, "") => format!("{BEFORE_THE_TEAM}, on {day}"),
            (false, s) => format!("{s} ({BEFORE_THE_TEAM}, on {day})"),
        };
        // The team records approved, rejected or abstained: changes
        // requested block as a rejection does, and say so.
        let (kind, comment) = match first.kind {
            DecisionKind::ChangesRequested => {
                (DecisionKind::Rejected, format!("changes requested: {}", first.comment).trim_end().to_owned())
            }
            kind => (kind, first.comment.clone()),
        };
        let decision = TeamDecision {
            edit_id: edit_id(&[login, &release, &approver, kind.as_str(), &comment, &first.decided_at]),
            release: release.clone(),
            approver: approver.clone(),
            kind,
            comment,
            recorded_by: if own { approver.clone() } else { me.to_owned() },
            source,
            login: login.to_owned(),
            decided_at: first.decided_at.clone(),
            scope: scope(ws, &release)?,
        };
        let ids: Vec<String> = given.iter().map(|d| d.id.clone()).collect();
        ws.adopt_team_decision(&ids, &decision).map_err(store)?;
        queued += 1;
    }
    Ok(queued)
}

/// A decision as the team database holds it.
pub(crate) struct TheirDecision {
    pub team_id: i64,
    pub decision: TeamDecision,
}

impl TheirDecision {
    pub(crate) fn from_row(row: &tokio_postgres::Row) -> Result<TheirDecision> {
        let team_id: i64 = row.get(0);
        let kind: String = row.get(4);
        let on_behalf: bool = row.get(9);
        let source: Option<String> = row.get(10);
        Ok(TheirDecision {
            team_id,
            decision: TeamDecision {
                edit_id: row.get::<_, Option<String>>(1).unwrap_or_else(|| format!("team-{team_id}")),
                release: row.get(2),
                approver: row.get(3),
                kind: DecisionKind::parse(&kind)
                    .ok_or_else(|| TeamError::Invalid(format!("the team's decision {team_id} says {kind:?}")))?,
                comment: row.get(5),
                scope: row.get(6),
                recorded_by: row.get(7),
                login: row.get(8),
                source: if on_behalf { source.unwrap_or_default() } else { String::new() },
                decided_at: row.get(11),
            },
        })
    }
}

/// The columns [`TheirDecision::from_row`] reads.
pub(crate) const DECISION_COLUMNS: &str = "id, edit_id, release, approver, decision, comment, scope, recorded_by, \
     login, on_behalf, source, to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

impl Connection {
    /// Pushes the decisions waiting in `ws`, each on its own: one the team
    /// refuses (stale, not allowed) is marked so here and not pushed again.
    /// Returns how many were recorded and why the others were refused.
    pub(crate) fn push_decisions(&self, ws: &mut Workspace) -> Result<(usize, Vec<String>)> {
        let queued = ws.queued_team_decisions().map_err(store)?;
        if queued.is_empty() {
            return Ok((0, Vec::new()));
        }
        let outcomes = self.run(async {
            let mut client = self.pool.get().await?;
            let mut outcomes = Vec::new();
            for d in &queued {
                let tx = client.transaction().await?;
                let known =
                    tx.query_opt("SELECT id FROM greychart.decisions WHERE edit_id = $1", &[&d.edit_id]).await?;
                if let Some(row) = known {
                    // Recorded by an earlier push that lost its answer.
                    outcomes.push(Ok(row.get::<_, i64>(0)));
                    continue;
                }
                let now: String = tx.query_one("SELECT greychart.release_scope($1)", &[&d.release]).await?.get(0);
                if now != d.scope {
                    outcomes.push(Err(format!(
                        "stale: {} changed since {} saw it; sync, look at it again and decide anew",
                        d.release, d.approver
                    )));
                    continue;
                }
                let on_behalf = !d.source.is_empty();
                let inserted = tx
                    .query_one(
                        "INSERT INTO greychart.decisions
                            (release, approver, decision, comment, scope, recorded_by, on_behalf, source, edit_id)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                        &[
                            &d.release,
                            &d.approver,
                            &d.kind.as_str(),
                            &d.comment,
                            &d.scope,
                            &d.recorded_by,
                            &on_behalf,
                            &if on_behalf { Some(d.source.as_str()) } else { None },
                            &d.edit_id,
                        ],
                    )
                    .await;
                match inserted {
                    Ok(row) => {
                        tx.commit().await?;
                        outcomes.push(Ok(row.get::<_, i64>(0)));
                    }
                    Err(e) if e.as_db_error().is_some() => {
                        // Why, in the team's own terms, asked in a new transaction.
                        drop(tx);
                        let own = client
                            .query_one(
                                "SELECT greychart.separates_duties() AND greychart.own_work($1, $2)",
                                &[&d.release, &d.approver],
                            )
                            .await
                            .is_ok_and(|row| row.get::<_, bool>(0));
                        outcomes.push(Err(if own {
                            format!(
                                "separation of duties: {} requested or last rescoped {} and may not sign it off",
                                d.approver, d.release
                            )
                        } else {
                            refusal(d, &e)
                        }));
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(outcomes)
        })?;
        let mut recorded = 0;
        let mut refused = Vec::new();
        for (d, outcome) in queued.iter().zip(outcomes) {
            match outcome {
                Ok(team_id) => {
                    recorded += 1;
                    ws.settle_team_decision(&d.edit_id, Ok(team_id)).map_err(store)?;
                }
                Err(reason) => {
                    ws.settle_team_decision(&d.edit_id, Err(&format!("refused by the team: {reason}")))
                        .map_err(store)?;
                    refused.push(format!("decision of {} on {}: {reason}", d.approver, d.release));
                }
            }
        }
        Ok((recorded, refused))
    }

    /// Writes the team's decisions pulled (after the records they name),
    /// then marks stale every decision here whose release changed since.
    pub(crate) fn take_decisions(
        &self,
        ws: &mut Workspace,
        pulled: Vec<TheirDecision>,
        heard: &[TheirEdit],
    ) -> Result<Vec<TheirSignOff>> {
        let mut taken = Vec::new();
        for their in pulled {
            if ws.has_team_decision(&their.decision.edit_id).map_err(store)? {
                ws.settle_team_decision(&their.decision.edit_id, Ok(their.team_id)).map_err(store)?;
            } else if !ws.record_team_decision(&their.decision, Some(their.team_id)).map_err(store)?.is_empty() {
                taken.push(TheirSignOff::from(&their.decision));
            }
        }
        for (edit_id, release, seen) in ws.current_team_decisions().map_err(store)? {
            if scope(ws, &release)? != seen {
                ws.stale_team_decision(&edit_id, &why_stale(ws, &release, heard)).map_err(store)?;
            }
        }
        Ok(taken)
    }
}

/// What changed in `release` since a decision, from the edits just
/// pulled: who changed the release or which of its changes, and when.
fn why_stale(ws: &Workspace, release: &str, heard: &[TheirEdit]) -> String {
    let mut what: Vec<String> = Vec::new();
    for e in heard {
        let ours = match e.kind.as_str() {
            "release" => e.id == release,
            "change" => ws
                .read()
                .get::<greychart_core::model::Change>(&[e.id.as_str()])
                .ok()
                .flatten()
                .is_some_and(|c| c.release.as_deref() == Some(release)),
            _ => false,
        };
        if ours {
            let at = e.at.get(..16).unwrap_or(&e.at).replace('T', " ");
            let verb = if e.deleted { "deleted" } else { "changed" };
            what.push(format!("{} {verb} {} {} ({at})", e.by, e.kind, e.id));
        }
    }
    if what.is_empty() {
        "the release changed after this decision".to_owned()
    } else {
        format!("since this decision, {}", what.join("; "))
    }
}

/// Why the team refused a decision, in words.
fn refusal(d: &TeamDecision, e: &tokio_postgres::Error) -> String {
    let db = e.as_db_error().map(|db| db.message().to_owned()).unwrap_or_default();
    if db.contains("row-level security") {
        if d.approver != d.recorded_by && d.source.is_empty() {
            format!("{} has not delegated to {} for today", d.approver, d.recorded_by)
        } else {
            format!("not allowed for the login {} (or {} is not asked any more)", d.login, d.approver)
        }
    } else {
        db
    }
}
