//! Approvals: the path to yes, decisions, requirements added or removed by
//! hand, and scheduling a release once its approvals are in.

use greychart_core::approvals::{ApprovalRow, PathToYes};
use greychart_core::model::{ApprovalRequirement, ApprovalRole, Decision, DecisionKind, Release};
use greychart_core::{ApiError, ErrorCode};

use super::{lock, SessionState};

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
/// every earlier one.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn record_decision(
    state: SessionState<'_>,
    requirement: String,
    kind: DecisionKind,
    comment: String,
) -> Result<Decision, ApiError> {
    let mut session = lock(&state)?;
    let ws = session.workspace()?;
    let approver =
        ws.read().get::<ApprovalRequirement>(&[&requirement])?.map(|q| q.approver).ok_or_else(|| {
            ApiError::new(ErrorCode::NotFound, format!("no approval requirement has id {requirement}"))
        })?;
    Ok(ws.record_decision(&requirement, kind, &approver, &comment)?)
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
    Ok(lock(&state)?.workspace()?.add_requirement(&release, &approver, role, &reason)?)
}

/// Removes an approval requirement, with the reason (a derived one stays waived).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn remove_requirement(state: SessionState<'_>, id: String, reason: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.remove_requirement(&id, &reason)?)
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
    Ok(lock(&state)?.workspace()?.schedule_release(&release, override_reason.as_deref())?)
}
