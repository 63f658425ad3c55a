//! Creating, editing and deleting the organisation's and the plan's records
//! from the window's forms: teams, components, releases, changes, windows
//! and freezes. Each is one edit through the store (validated, checked,
//! undoable); a delete the store refuses (still needed by another record)
//! names the record in `ApiError.detail`.

use greychart_core::model::{Change, Component, Period, Release, Team};
use greychart_core::ApiError;

use super::{lock, SessionState};

/// Saves a team (new or edited).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_team(state: SessionState<'_>, team: Team) -> Result<Team, ApiError> {
    lock(&state)?.workspace()?.save(&team)?;
    Ok(team)
}

/// Deletes a team nobody and nothing belongs to.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_team(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Team>(&[&id])?)
}

/// Saves a component (new or edited).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_component(state: SessionState<'_>, component: Component) -> Result<Component, ApiError> {
    lock(&state)?.workspace()?.save(&component)?;
    Ok(component)
}

/// Deletes a component no change or service uses.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_component(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Component>(&[&id])?)
}

/// Deletes a release no change ships in.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_release(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Release>(&[&id])?)
}

/// Deletes a change nothing waits for.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_change(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Change>(&[&id])?)
}

/// Saves a deployment window or a freeze (new or edited).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_period(state: SessionState<'_>, period: Period) -> Result<Period, ApiError> {
    lock(&state)?.workspace()?.save(&period)?;
    Ok(period)
}

/// Deletes a deployment window or a freeze.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_period(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Period>(&[&id])?)
}
