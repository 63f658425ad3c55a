//! Approvals: the path to yes, decisions, requirements added or removed by
//! hand, and scheduling a release once its approvals are in.

use greychart_core::approvals::{ApprovalRow, PathToYes};
use greychart_core::model::{ApprovalRequirement, ApprovalRole, Decision, DecisionKind, Release};
use greychart_core::{ApiError, ErrorCode};

use super::{lock, SessionState};
use crate::team::TeamLink;
use tauri::State;

/// Every active requirement with where it stands and whether it is overdue
/// today (the user's own calendar date): what the Approvals and Packets
/// views show.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn approval_rows(state: SessionState<'_>) -> Result<Vec<ApprovalRow>, ApiError> {
    let today = chrono::Local::now().date_naive();
    Ok(lock(&state)?.workspace()?.approvals(None, today)?)
}

/// The path to yes for the approvers of a release, as of today.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn path_to_yes(state: SessionState<'_>, release: String) -> Result<Vec<PathToYes>, ApiError> {
    let today = chrono::Local::now().date_naive();
    Ok(lock(&state)?.workspace()?.path_to_yes(&release, today)?)
}

/// Records a decision now, by the requirement's approver; the history keeps
/// every earlier one. In a team workspace it goes through the team: as the
/// signed-in user's own, under a delegation, or on the approver's behalf
/// with `source` (where a decision given on paper or by mail is written).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn record_decision(
    state: SessionState<'_>,
    link: State<'_, TeamLink>,
    requirement: String,
    kind: DecisionKind,
    comment: String,
    source: Option<String>,
) -> Result<Decision, ApiError> {
    super::team::off_runtime(|| {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        let asked = ws.read().get::<ApprovalRequirement>(&[&requirement])?.ok_or_else(|| {
            ApiError::new(ErrorCode::NotFound, format!("no approval requirement has id {requirement}"))
        })?;
        // In a team workspace the decision goes through the team, as given.
        if ws.team_setting("team_url")?.is_some() {
            return link.record_on(ws, &asked, kind, &comment, source.as_deref());
        }
        Ok(ws.record_decision(&requirement, kind, &asked.approver, &comment)?)
    })
}

/// Adds an approval requirement by hand, with the reason.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn add_requirement(
    state: SessionState<'_>,
    release: String,
    approver: String,
    role: ApprovalRole,
    reason: String,
) -> Result<ApprovalRequirement, ApiError> {
    Ok(lock(&state)?.plan()?.add_requirement(&release, &approver, role, &reason)?)
}

/// Removes an approval requirement, with the reason (a derived one stays waived).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn remove_requirement(state: SessionState<'_>, id: String, reason: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.remove_requirement(&id, &reason)?)
}

/// Moves a release to "scheduled": refused while approvals are missing,
/// unless an override reason is given (it is logged).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn schedule_release(
    state: SessionState<'_>,
    release: String,
    override_reason: Option<String>,
) -> Result<Release, ApiError> {
    Ok(lock(&state)?.plan()?.schedule_release(&release, override_reason.as_deref())?)
}
