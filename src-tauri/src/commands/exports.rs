//! Exports from the window: the whole workspace (JSON), the influence graph
//! (GraphML, GEXF, DOT), saved where the user picks in the native dialog.
//! Grey-chart data only when the user ticks it; the file's proposed name
//! then says PRIVATE, as does its header.

use std::path::{Path, PathBuf};

use greychart_core::export::ExportDocument;
use greychart_core::{ApiError, ErrorCode};
use tauri::WebviewWindow;
use tauri_plugin_dialog::DialogExt;

use super::{lock, SessionState};

/// What to ask in the save dialog: its title, the file type (name and
/// extension), the folder and file name proposed.
pub(crate) struct SaveDialog<'a> {
    pub title: &'a str,
    pub filter: (&'a str, &'a str),
    pub folder: Option<PathBuf>,
    pub name: String,
}

/// Asks where to save and writes `bytes` there; `None` when cancelled.
pub(crate) fn save_picked(
    window: &WebviewWindow,
    ask: SaveDialog<'_>,
    bytes: &[u8],
) -> Result<Option<String>, ApiError> {
    let mut dialog =
        window.dialog().file().set_parent(window).set_title(ask.title).add_filter(ask.filter.0, &[ask.filter.1]);
    if let Some(folder) = ask.folder {
        dialog = dialog.set_directory(folder);
    }
    let Some(picked) = dialog.set_file_name(ask.name).blocking_save_file() else { return Ok(None) };
    let path = picked.into_path().map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot use that file: {e}")))?;
    std::fs::write(&path, bytes)
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot write {}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

/// Saves the open workspace as `format` (JSON, GraphML, GEXF or DOT),
/// grey-chart data included only with `include_private`; the path saved,
/// or `None` when the dialog was cancelled.
#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn export_workspace(
    window: WebviewWindow,
    state: SessionState<'_>,
    format: ExportDocument,
    include_private: bool,
) -> Result<Option<String>, ApiError> {
    let today = chrono::Local::now().date_naive();
    let (data, path) = {
        let mut session = lock(&state)?;
        let ws = session.workspace()?;
        (ws.read().data()?, ws.path().to_owned())
    };
    let document = format;
    let text = document.render(&data, today, include_private)?;
    let filter = (document.kind(), document.extension());
    let stem = path.file_stem().map_or_else(|| "workspace".to_owned(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}{}.{}", if include_private { ".PRIVATE" } else { "" }, filter.1);
    let folder = path.parent().map(Path::to_path_buf);
    let title = if include_private {
        "Export the workspace — PRIVATE grey-chart data included"
    } else {
        "Export the workspace"
    };
    save_picked(&window, SaveDialog { title, filter, folder, name }, text.as_bytes())
}
