//! Sign-off packets in the window: page previews from the same renderer as
//! the PDF, Save PDF through the dialog, and Print (the PDF opened in the
//! system viewer, which prints).

use std::path::{Path, PathBuf};

use greychart_core::model::Audience;
use greychart_core::{ApiError, ErrorCode};
use serde_json::Value;
use tauri::{AppHandle, Manager, WebviewWindow};

use super::exports::{save_picked, SaveDialog};
use super::{lock, SessionState};

/// The packet's data for today, and the folder of the workspace.
fn packet_data(state: &SessionState<'_>, release: &str, audience: Audience) -> Result<(Value, PathBuf), ApiError> {
    let today = chrono::Local::now().date_naive();
    let mut session = lock(state)?;
    let ws = session.workspace()?;
    let folder = ws.path().parent().map(Path::to_path_buf).unwrap_or_default();
    Ok((ws.packet_data(release, audience, today)?, folder))
}

fn render_error(e: greychart_packet::PacketError) -> ApiError {
    ApiError::new(ErrorCode::Invalid, e.to_string())
}

fn write(path: &Path, pdf: &[u8]) -> Result<(), ApiError> {
    std::fs::write(path, pdf).map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot write {}: {e}", path.display())))
}

/// The pages of `release`'s packet for `audience` as
/// SVG images, typeset exactly as the PDF is.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn packet_preview(state: SessionState<'_>, release: String, audience: Audience) -> Result<Vec<String>, ApiError> {
    let (data, _) = packet_data(&state, &release, audience)?;
    greychart_packet::render_svg(&data).map_err(render_error)
}

/// Saves the packet as a PDF where the user picks (proposed: beside the
/// workspace); `None` when the dialog was cancelled.
#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub async fn save_packet(
    window: WebviewWindow,
    state: SessionState<'_>,
    release: String,
    audience: Audience,
) -> Result<Option<String>, ApiError> {
    let (data, folder) = packet_data(&state, &release, audience)?;
    let pdf = greychart_packet::render_pdf(&data).map_err(render_error)?;
    let ask = SaveDialog {
        title: "Save the sign-off packet",
        filter: ("PDF", "pdf"),
        folder: Some(folder),
        name: format!("{release}-{audience}-packet.pdf"),
    };
    save_picked(&window, ask, &pdf)
}

/// Writes the packet into Greychart's own cache folder (private to the
/// user) and opens it in the system's PDF viewer to print; the path written.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn print_packet(
    app: AppHandle,
    state: SessionState<'_>,
    release: String,
    audience: Audience,
) -> Result<String, ApiError> {
    let (data, _) = packet_data(&state, &release, audience)?;
    let pdf = greychart_packet::render_pdf(&data).map_err(render_error)?;
    let folder = app
        .path()
        .app_cache_dir()
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("no cache folder to print from: {e}")))?
        .join("packets");
    std::fs::create_dir_all(&folder)
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot create {}: {e}", folder.display())))?;
    let path = folder.join(format!("{release}-{audience}-packet.pdf"));
    write(&path, &pdf)?;
    open::that_detached(&path).map_err(|e| {
        ApiError::new(
            ErrorCode::Io,
            format!("wrote {} but no PDF viewer opened it ({e}): open it yourself, or use Save PDF", path.display()),
        )
    })?;
    Ok(path.display().to_string())
}
