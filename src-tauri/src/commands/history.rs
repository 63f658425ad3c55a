//! Undo, redo and the History panel: thin commands over the store's edit
//! history (kept in the workspace file, so it survives a restart).

use greychart_core::transport::HistoryEntry;
use greychart_core::ApiError;

use super::{lock, SessionState};

/// How many recent edits the History panel lists.
const SHOWN: usize = 100;

/// The recent edits, newest first, undone ones included.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn history(state: SessionState<'_>) -> Result<Vec<HistoryEntry>, ApiError> {
    Ok(lock(&state)?.workspace()?.history(SHOWN)?)
}

/// Undoes the newest edit; answers what it was.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn undo(state: SessionState<'_>) -> Result<String, ApiError> {
    Ok(lock(&state)?.workspace()?.undo()?)
}

/// Redoes the edit undone last; answers what it was.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn redo(state: SessionState<'_>) -> Result<String, ApiError> {
    Ok(lock(&state)?.workspace()?.redo()?)
}

/// Steps back to just before a done edit, or forward to just after an
/// undone one; answers what was undone or redone.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn step_to(state: SessionState<'_>, id: i64) -> Result<Vec<String>, ApiError> {
    Ok(lock(&state)?.workspace()?.step_to(id)?)
}
