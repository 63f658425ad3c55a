//! The team database: publish or join, sign in, where the workspace stands
//! (the badge), sync now, and the conflicts waiting for a choice. The
//! live link itself (listening, pulling, pushing) is `crate::team`.

use greychart_core::model::DecisionKind;
use greychart_core::transport::{DelegationRow, TeamConflictRow, TeamState, VerifiedSignOff, WaitingRequest};
use greychart_core::ApiError;
use tauri::State;

use super::{lock, SessionState};
use crate::team::TeamLink;

/// Runs `f` on a thread of its own: the team crate blocks on its own
/// network runtime, which may not start on one of Tauri's.
pub(crate) fn off_runtime<T: Send>(f: impl FnOnce() -> Result<T, ApiError> + Send) -> Result<T, ApiError> {
    std::thread::scope(|s| s.spawn(f).join()).unwrap_or_else(|_| {
        Err(ApiError::new(greychart_core::ErrorCode::Internal, "the team link failed; see the log"))
    })
}

/// Where the open workspace stands with its team, and what others did lately.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_state(state: SessionState<'_>, link: State<'_, TeamLink>) -> Result<TeamState, ApiError> {
    // Asked every second: while a long import (or a sync) holds the
    // workspace, the last answer stands rather than a blocked worker.
    match state.try_lock() {
        Ok(mut session) => link.state(session.workspace().ok().map(|ws| &*ws)),
        Err(std::sync::TryLockError::WouldBlock) => Ok(link.last_state()),
        Err(std::sync::TryLockError::Poisoned(_)) => link.state(None),
    }
}

/// Publishes the open workspace to an empty team database (`publish`), or
/// joins one; the password is kept for this session only. Answers what
/// was done.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_connect(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    publish: bool,
    url: String,
    login: String,
    password: String,
) -> Result<String, ApiError> {
    off_runtime(|| link.connect(lock(&state)?.workspace()?, publish, &url, &login, &password))
}

/// Gives the password of the open team workspace's login for this session.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_sign_in(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    password: String,
) -> Result<TeamState, ApiError> {
    off_runtime(|| {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        link.sign_in(ws, &password)?;
        link.sync(ws)?;
        link.state(Some(ws))
    })
}

/// Pushes what is queued and pulls the others' changes now.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_sync_now(state: SessionState<'_>, link: State<'_, TeamLink>) -> Result<TeamState, ApiError> {
    off_runtime(|| {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        link.sync(ws)?;
        link.state(Some(ws))
    })
}

/// The conflicts waiting for a choice, field by field, with who made the
/// team's value and when.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_conflicts(state: SessionState<'_>) -> Result<Vec<TeamConflictRow>, ApiError> {
    let mut session = lock(&state)?;
    let ws = session.workspace()?;
    let mut rows = Vec::new();
    for conflict in ws.team_conflicts()? {
        let name = [conflict.mine.as_ref(), conflict.theirs.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|v| ["name", "title"].iter().find_map(|f| v.get(f).and_then(|n| n.as_str())))
            .unwrap_or(&conflict.id)
            .to_owned();
        for field in greychart_team::field_conflicts(std::slice::from_ref(&conflict)) {
            rows.push(TeamConflictRow {
                kind: conflict.kind.clone(),
                id: conflict.id.clone(),
                name: name.clone(),
                field: field.field,
                mine: field.mine.to_string(),
                theirs: field.theirs.to_string(),
                theirs_by: conflict.theirs_by.clone(),
                theirs_at: conflict.theirs_at.clone(),
            });
        }
    }
    Ok(rows)
}

/// Keeps one side of a conflict (`keep_mine`: this workspace's value, pushed
/// at once; else the team's), then syncs.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_resolve(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    kind: String,
    id: String,
    keep_mine: bool,
) -> Result<TeamState, ApiError> {
    off_runtime(|| {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        ws.resolve_team_conflict(&kind, &id, keep_mine)?;
        link.sync(ws)?;
        link.state(Some(ws))
    })
}

/// What waits for the signed-in person's decision (and for those who
/// delegated to them today), overdue first, then by window.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn waiting_for_me(state: SessionState<'_>, link: State<'_, TeamLink>) -> Result<Vec<WaitingRequest>, ApiError> {
    let mut session = lock(&state)?;
    link.waiting(session.workspace()?)
}

/// Records a decision in a team workspace as the signed-in user: for
/// themselves, for `approver` under a delegation, or — a manager — on
/// `approver`'s behalf with `source` (given on paper or by mail). Written
/// in the file at once and pushed now; offline it waits in the queue.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_decide(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    release: String,
    approver: Option<String>,
    kind: DecisionKind,
    comment: String,
    source: Option<String>,
) -> Result<TeamState, ApiError> {
    off_runtime(|| {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        let decide = greychart_team::Decide {
            release: &release,
            approver: approver.as_deref(),
            kind,
            comment: &comment,
            source: source.as_deref().filter(|s| !s.trim().is_empty()),
        };
        greychart_team::decide(ws, &decide).map_err(crate::team::team_error)?;
        link.sync(ws)?;
        link.state(Some(ws))
    })
}

/// The delegations not yet over, as the team had them at the last sync.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_delegations(state: SessionState<'_>, link: State<'_, TeamLink>) -> Result<Vec<DelegationRow>, ApiError> {
    let mut session = lock(&state)?;
    Ok(link.delegations(session.workspace()?))
}

/// Lets `to` decide for the signed-in approver from `from` to `until`
/// (`YYYY-MM-DD`, both days included): made online, at once.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_delegate(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    to: String,
    from: String,
    until: String,
) -> Result<Vec<DelegationRow>, ApiError> {
    off_runtime(|| link.delegate(lock(&state)?.workspace()?, &to, &from, &until))
}

/// Checks the electronic sign-offs a packet prints against the team
/// database: `id` is the packet's document id (as of today) or one
/// decision fingerprint.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_verify(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    id: String,
) -> Result<Vec<VerifiedSignOff>, ApiError> {
    off_runtime(|| link.verify(lock(&state)?.workspace()?, &id))
}

/// Turns the team's separation of duties on or off: an admin's to set.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn team_separate_duties(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    on: bool,
) -> Result<TeamState, ApiError> {
    off_runtime(|| {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        link.separate_duties(ws, on)?;
        link.state(Some(ws))
    })
}
