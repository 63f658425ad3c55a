//! The release plan: the plan report, blast radius, the edits the Release
//! plan view makes (a release's window, a change, a dependency) and the
//! schedule's export.

use greychart_core::model::{Change, Dependency, Release};
use greychart_core::planning::{Impact, PlanReport, ScheduleFormat};
use greychart_core::ApiError;
use tauri::WebviewWindow;

use super::exports::{save_picked, SaveDialog};
use super::{as_of_date, lock, SessionState};

/// Order, critical path, schedule from `from` (default today) and conflicts.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn plan(state: SessionState<'_>, from: Option<String>) -> Result<PlanReport, ApiError> {
    let from = as_of_date(from)?;
    Ok(lock(&state)?.workspace()?.plan(from)?)
}

/// What is hit if `item` goes wrong.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn impact(state: SessionState<'_>, item: String) -> Result<Impact, ApiError> {
    Ok(lock(&state)?.workspace()?.impact(&item)?)
}

/// Saves a release (for example its window, moved on the timeline).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_release(state: SessionState<'_>, release: Release) -> Result<Release, ApiError> {
    lock(&state)?.plan()?.save(&release)?;
    Ok(release)
}

/// Saves a change (for example held back to a day on the timeline).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_change(state: SessionState<'_>, change: Change) -> Result<Change, ApiError> {
    lock(&state)?.plan()?.save(&change)?;
    Ok(change)
}

/// Records a dependency; one that would close a cycle is refused naming it.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_dependency(state: SessionState<'_>, dependency: Dependency) -> Result<Dependency, ApiError> {
    lock(&state)?.plan()?.save(&dependency)?;
    Ok(dependency)
}

/// Removes the dependency `before` → `after`.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_dependency(state: SessionState<'_>, before: String, after: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Dependency>(&[&before, &after])?)
}

/// Saves the schedule from today as iCalendar (for calendar apps) or CSV,
/// where the user picks; `None` when the dialog was cancelled.
#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn export_schedule(
    window: WebviewWindow,
    state: SessionState<'_>,
    format: ScheduleFormat,
) -> Result<Option<String>, ApiError> {
    let (filter, extension) = (format.kind(), format.as_str());
    let today = chrono::Local::now().date_naive();
    let text = {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        match format {
            ScheduleFormat::Ics => ws.schedule_ics(today)?,
            ScheduleFormat::Csv => ws.schedule_csv(today)?,
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
