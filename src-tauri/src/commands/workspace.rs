//! The open workspace: what it is, its data, and New, Open, Save As,
//! unlocking an encrypted file and setting its passphrase.

use std::path::PathBuf;

use greychart_core::model::WorkspaceData;
use greychart_core::transport::WorkspaceInfo;
use greychart_core::{ApiError, ErrorCode};
use tauri::WebviewWindow;
use tauri_plugin_dialog::DialogExt;

use super::{lock, SessionState};

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn workspace_info(state: SessionState<'_>) -> Result<Option<WorkspaceInfo>, ApiError> {
    Ok(lock(&state)?.info())
}

/// Whether this is the app's first start: the window then welcomes the
/// user with the demo, an empty workspace or an import.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn first_start(state: SessionState<'_>) -> Result<bool, ApiError> {
    Ok(lock(&state)?.first_start())
}

/// Everything but the claims, which the window pages (`claims_page`) or
/// fetches a person at a time (`person_evidence`): a large chart has
/// hundreds of thousands.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn workspace_data(state: SessionState<'_>) -> Result<WorkspaceData, ApiError> {
    Ok(lock(&state)?.workspace()?.read().data_without_claims()?)
}

/// Which file dialog to show.
enum Pick {
    Open,
    Save(&'static str),
}

fn pick(window: &WebviewWindow, title: &str, kind: Pick) -> Result<Option<PathBuf>, ApiError> {
    let dialog =
        window.dialog().file().set_parent(window).set_title(title).add_filter("Greychart workspace", &["greychart"]);
    let picked = match kind {
        Pick::Open => dialog.blocking_pick_file(),
        Pick::Save(name) => dialog.set_file_name(name).blocking_save_file(),
    };
    picked
        .map(|p| p.into_path().map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot use that file: {e}"))))
        .transpose()
}

fn retitle(window: &WebviewWindow, info: &WorkspaceInfo) {
    // The title is cosmetic; a window manager refusing it is no error.
    let _ = window.set_title(&format!("{} — Greychart", info.name));
}

#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn new_workspace(window: WebviewWindow, state: SessionState<'_>) -> Result<Option<WorkspaceInfo>, ApiError> {
    let Some(path) = pick(&window, "New workspace", Pick::Save("workspace.greychart"))? else { return Ok(None) };
    let info = lock(&state)?.create(&path)?;
    retitle(&window, &info);
    Ok(Some(info))
}

#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn open_workspace(window: WebviewWindow, state: SessionState<'_>) -> Result<Option<WorkspaceInfo>, ApiError> {
    let Some(path) = pick(&window, "Open workspace", Pick::Open)? else { return Ok(None) };
    let info = lock(&state)?.open(&path)?;
    retitle(&window, &info);
    Ok(Some(info))
}

/// Opens the encrypted workspace waiting for its passphrase.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn unlock_workspace(
    window: WebviewWindow,
    state: SessionState<'_>,
    passphrase: String,
) -> Result<WorkspaceInfo, ApiError> {
    let info = lock(&state)?.unlock(&passphrase)?;
    retitle(&window, &info);
    Ok(info)
}

/// Encrypts the open workspace with a passphrase, changes it, or (null)
/// stores the workspace unencrypted again.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn set_passphrase(state: SessionState<'_>, passphrase: Option<String>) -> Result<WorkspaceInfo, ApiError> {
    lock(&state)?.set_passphrase(passphrase.as_deref())
}

#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn save_workspace_as(
    window: WebviewWindow,
    state: SessionState<'_>,
) -> Result<Option<WorkspaceInfo>, ApiError> {
    let Some(path) = pick(&window, "Save workspace as", Pick::Save("copy.greychart"))? else { return Ok(None) };
    let info = lock(&state)?.save_as(&path)?;
    retitle(&window, &info);
    Ok(Some(info))
}

/// Sets the window title for the workspace opened at start-up.
pub fn title_for(window: &WebviewWindow, info: &WorkspaceInfo) {
    retitle(window, info);
}
