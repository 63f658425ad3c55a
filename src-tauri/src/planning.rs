//! The release plan's commands: the plan report, blast radius, and the edits
//! the Release plan view makes (a release's window, a dependency).

use greychart_core::approvals::PathToYes;
use greychart_core::model::{ApprovalRequirement, ApprovalRole, Change, Decision, DecisionKind, Dependency, Release};
use greychart_core::planning::{Impact, PlanReport};
use greychart_core::ApiError;

use greychart_core::ErrorCode;
use tauri::WebviewWindow;

use crate::commands::{as_of_date, lock, SessionState};
use crate::exports::{save_picked, SaveDialog};

/// Order, critical path, schedule from `from` (default today) and conflicts.
#[tauri::command(async)]
pub fn plan(state: SessionState<'_>, from: Option<String>) -> Result<PlanReport, ApiError> {
    let from = as_of_date(from)?;
    Ok(lock(&state)?.workspace()?.plan(from)?)
}

/// What is hit if `item` goes wrong.
#[tauri::command(async)]
pub fn impact(state: SessionState<'_>, item: String) -> Result<Impact, ApiError> {
    Ok(lock(&state)?.workspace()?.impact(&item)?)
}

/// Saves a release (for example its window, moved on the timeline).
#[tauri::command(async)]
pub fn save_release(state: SessionState<'_>, release: Release) -> Result<Release, ApiError> {
    lock(&state)?.workspace()?.save(&release)?;
    Ok(release)
}

/// Saves a change (for example held back to a day on the timeline).
#[tauri::command(async)]
pub fn save_change(state: SessionState<'_>, change: Change) -> Result<Change, ApiError> {
    lock(&state)?.workspace()?.save(&change)?;
    Ok(change)
}

/// Records a dependency; one that would close a cycle is refused naming it.
#[tauri::command(async)]
pub fn save_dependency(state: SessionState<'_>, dependency: Dependency) -> Result<Dependency, ApiError> {
    lock(&state)?.workspace()?.save(&dependency)?;
    Ok(dependency)
}

/// Removes the dependency `before` → `after`.
#[tauri::command(async)]
pub fn delete_dependency(state: SessionState<'_>, before: String, after: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Dependency>(&[&before, &after])?)
}

/// Saves the schedule from today as `ics` (for calendar apps) or `csv`,
/// where the user picks; `None` when the dialog was cancelled.
#[tauri::command]
pub async fn export_schedule(
    window: WebviewWindow,
    state: SessionState<'_>,
    format: String,
) -> Result<Option<String>, ApiError> {
    let (filter, extension) = match format.as_str() {
        "ics" => ("iCalendar", "ics"),
        "csv" => ("CSV", "csv"),
        other => return Err(ApiError::new(ErrorCode::Invalid, format!("cannot export the schedule as {other:?}"))),
    };
    let today = chrono::Local::now().date_naive();
    let text = {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        if extension == "ics" {
            ws.schedule_ics(today)?
        } else {
            ws.schedule_csv(today)?
        }
    };
    let ask = SaveDialog {
        title: "Export the schedule",
        filter: (filter, extension),
        folder: None,
        name: format!("release-plan.{extension}"),
    };
    save_picked(&window, ask, text.as_bytes())
}

/// The path to yes for the approvers of a release, as of today.
#[tauri::command(async)]
pub fn path_to_yes(state: SessionState<'_>, release: String) -> Result<Vec<PathToYes>, ApiError> {
    let today = chrono::Local::now().date_naive();
    Ok(lock(&state)?.workspace()?.path_to_yes(&release, today)?)
}

/// Records a decision now, by the requirement's approver; the history keeps
/// every earlier one.
#[tauri::command(async)]
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
pub fn remove_requirement(state: SessionState<'_>, id: String, reason: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.remove_requirement(&id, &reason)?)
}

/// Moves a release to "scheduled": refused while approvals are missing,
/// unless an override reason is given (it is logged).
#[tauri::command(async)]
pub fn schedule_release(
    state: SessionState<'_>,
    release: String,
    override_reason: Option<String>,
) -> Result<Release, ApiError> {
    Ok(lock(&state)?.workspace()?.schedule_release(&release, override_reason.as_deref())?)
}
