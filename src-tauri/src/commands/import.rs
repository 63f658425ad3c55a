//! Import… in the window: pick a file, preview it with a mapping, import it
//! all or nothing on a worker thread with progress and Cancel.

use std::sync::Mutex;

use greychart_core::import::{ImportDone, ImportPreview, ImportProgress, ImportRequest};
use greychart_core::{ApiError, ErrorCode};
use tauri::{Manager, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use super::{lock, SessionState};
use crate::imports::{self, Imports};
use crate::session::Session;

/// The file dialog for a spreadsheet or a CSV file; `None` when cancelled.
#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn pick_import_file(window: WebviewWindow) -> Result<Option<String>, ApiError> {
    let picked = window
        .dialog()
        .file()
        .set_parent(&window)
        .set_title("Import a spreadsheet or CSV file")
        .add_filter("Spreadsheets and CSV", &["csv", "xlsx", "xlsm", "xls", "ods"])
        .blocking_pick_file();
    picked
        .map(|p| {
            p.into_path()
                .map(|p| p.display().to_string())
                .map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot use that file: {e}")))
        })
        .transpose()
}

/// The file as the request reads it: sheets, columns, mapping, first rows
/// and their problems; nothing is written.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn import_preview(state: SessionState<'_>, request: ImportRequest) -> Result<ImportPreview, ApiError> {
    imports::preview(lock(&state)?.workspace()?, &request)
}

/// Imports the file of `request`, all or nothing, on a worker thread.
#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn import_file(window: WebviewWindow, request: ImportRequest) -> Result<ImportDone, ApiError> {
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let session = app.state::<Mutex<Session>>();
        let imports = app.state::<Imports>();
        let mut session = session.lock().map_err(|_| {
            ApiError::new(ErrorCode::Internal, "the session is unusable after an earlier failure; restart Greychart")
        })?;
        // The plan's kinds are a manager's to import in a team workspace.
        let ws = if request.kind.is_private() && request.preset.is_none() {
            session.workspace()?
        } else {
            session.plan()?
        };
        imports.run(ws, &request)
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the import stopped: {e}")))?
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn import_progress(imports: State<'_, Imports>) -> Result<ImportProgress, ApiError> {
    Ok(imports.progress())
}

/// Stops the running import; nothing of it is written.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn cancel_import(imports: State<'_, Imports>) -> Result<(), ApiError> {
    imports.cancel();
    Ok(())
}
