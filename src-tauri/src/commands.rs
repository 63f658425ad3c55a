//! The commands the window invokes: each takes the session, calls the store
//! or the core, and converts errors to `{code, message, field}`. All run off
//! the main thread (`async`), so the window never waits on the workspace.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use greychart_core::analytics::{BrokerScores, Faction, InfluencePath, RankColumns, SwayEdge};
use greychart_core::model::{Claim, EngagementEntry, Person, WorkspaceData};
use greychart_core::transport::{
    AnalysisProgress, ClaimPage, EvidenceGlance, Focus, PersonEvidence, Position, WorkspaceInfo,
};
use greychart_core::{ApiError, ErrorCode};
use tauri::{State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use crate::analysis::{self, Analyses};
use crate::session::Session;

pub(crate) type SessionState<'a> = State<'a, Mutex<Session>>;

pub(crate) fn lock<'a>(state: &'a SessionState<'_>) -> Result<MutexGuard<'a, Session>, ApiError> {
    state.lock().map_err(|_| {
        ApiError::new(ErrorCode::Internal, "the session is unusable after an earlier failure; restart Greychart")
    })
}

#[tauri::command(async)]
pub fn workspace_info(state: SessionState<'_>) -> Result<Option<WorkspaceInfo>, ApiError> {
    Ok(lock(&state)?.info())
}

/// Everything but the claims, which the window pages (`claims_page`) or
/// fetches a person at a time (`person_evidence`): a large chart has
/// hundreds of thousands.
#[tauri::command(async)]
pub fn workspace_data(state: SessionState<'_>) -> Result<WorkspaceData, ApiError> {
    Ok(lock(&state)?.workspace()?.read().data_without_claims()?)
}

/// Up to `limit` claims from `offset` in the order recorded; with `person`,
/// only those from or to them.
#[tauri::command(async)]
pub fn claims_page(
    state: SessionState<'_>,
    person: Option<String>,
    offset: u32,
    limit: u32,
) -> Result<ClaimPage, ApiError> {
    Ok(lock(&state)?.workspace()?.read().claims_page(person.as_deref(), offset, limit)?)
}

/// A person's claims and links, for their side panel.
#[tauri::command(async)]
pub fn person_evidence(state: SessionState<'_>, id: String, as_of: Option<String>) -> Result<PersonEvidence, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.person_evidence(&id, as_of)?)
}

/// The analysis date: the given `YYYY-MM-DD`, or today.
pub(crate) fn as_of_date(as_of: Option<String>) -> Result<NaiveDate, ApiError> {
    match as_of {
        Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| ApiError {
            code: ErrorCode::Invalid,
            message: format!("{text:?} is not a date like 2026-03-31"),
            field: Some("as_of".into()),
        }),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// Ranks and power gaps in columns, most influential first (ties in people
/// order), as the window lists them; broker scores come from
/// `broker_scores`.
#[tauri::command(async)]
pub fn influence(state: SessionState<'_>, as_of: Option<String>) -> Result<RankColumns, ApiError> {
    let as_of = as_of_date(as_of)?;
    let rows = lock(&state)?.workspace()?.influence_ranks(as_of)?;
    Ok(RankColumns::of(&rows))
}

/// Broker scores, computed on a worker thread after the session lock is
/// released; `None` when cancelled or overtaken by a newer run.
#[tauri::command]
pub async fn broker_scores(
    state: SessionState<'_>,
    analyses: State<'_, Analyses>,
    as_of: Option<String>,
) -> Result<Option<BrokerScores>, ApiError> {
    let as_of = as_of_date(as_of)?;
    // Begun before the graph is read, so a Cancel that follows the window's
    // progress bar at once finds this run, not the one before.
    let progress = analyses.begin();
    let graph = lock(&state)?.workspace()?.sway_graph(as_of)?;
    tauri::async_runtime::spawn_blocking(move || analysis::broker_scores(&graph, &progress))
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the broker analysis stopped: {e}")))
}

#[tauri::command(async)]
pub fn analysis_progress(analyses: State<'_, Analyses>) -> Result<AnalysisProgress, ApiError> {
    Ok(analyses.progress())
}

#[tauri::command(async)]
pub fn cancel_analysis(analyses: State<'_, Analyses>) -> Result<(), ApiError> {
    analyses.cancel();
    Ok(())
}

#[tauri::command(async)]
pub fn sway_edges(
    state: SessionState<'_>,
    as_of: Option<String>,
    focus: Option<Focus>,
) -> Result<Vec<SwayEdge>, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.sway_edges(as_of, focus.as_ref())?)
}

#[tauri::command(async)]
pub fn factions(state: SessionState<'_>, as_of: Option<String>) -> Result<Vec<Faction>, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.factions(as_of)?)
}

/// The gaps in the evidence as of a date, and who moved most over the
/// `days` before it (90 unless given).
#[tauri::command(async)]
pub fn evidence_summary(
    state: SessionState<'_>,
    as_of: Option<String>,
    days: Option<i64>,
) -> Result<EvidenceGlance, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.evidence_summary(as_of, days.unwrap_or(90))?.into())
}

#[tauri::command(async)]
pub fn strongest_path(
    state: SessionState<'_>,
    from: String,
    to: String,
    as_of: Option<String>,
) -> Result<InfluencePath, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.strongest_path(&from, &to, as_of)?)
}

#[tauri::command(async)]
pub fn save_person(state: SessionState<'_>, person: Person) -> Result<Person, ApiError> {
    lock(&state)?.workspace()?.save(&person)?;
    Ok(person)
}

#[tauri::command(async)]
pub fn delete_person(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Person>(&[&id])?)
}

#[tauri::command(async)]
pub fn save_claim(state: SessionState<'_>, claim: Claim) -> Result<Claim, ApiError> {
    Ok(lock(&state)?.workspace()?.save_claim(claim)?)
}

#[tauri::command(async)]
pub fn add_engagement(state: SessionState<'_>, entry: EngagementEntry) -> Result<EngagementEntry, ApiError> {
    Ok(lock(&state)?.workspace()?.add_engagement(entry)?)
}

#[tauri::command(async)]
pub fn map_positions(state: SessionState<'_>) -> Result<Vec<Position>, ApiError> {
    Ok(lock(&state)?.workspace()?.positions()?)
}

#[tauri::command(async)]
pub fn save_map_positions(state: SessionState<'_>, positions: Vec<Position>) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.save_positions(&positions)?)
}

#[tauri::command(async)]
pub fn clear_map_positions(state: SessionState<'_>) -> Result<usize, ApiError> {
    Ok(lock(&state)?.workspace()?.clear_positions()?)
}

#[tauri::command(async)]
pub fn delete_claim(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Claim>(&[&id])?)
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
pub async fn new_workspace(window: WebviewWindow, state: SessionState<'_>) -> Result<Option<WorkspaceInfo>, ApiError> {
    let Some(path) = pick(&window, "New workspace", Pick::Save("workspace.greychart"))? else { return Ok(None) };
    let info = lock(&state)?.create(&path)?;
    retitle(&window, &info);
    Ok(Some(info))
}

#[tauri::command]
pub async fn open_workspace(window: WebviewWindow, state: SessionState<'_>) -> Result<Option<WorkspaceInfo>, ApiError> {
    let Some(path) = pick(&window, "Open workspace", Pick::Open)? else { return Ok(None) };
    let info = lock(&state)?.open(&path)?;
    retitle(&window, &info);
    Ok(Some(info))
}

/// Opens the encrypted workspace waiting for its passphrase.
#[tauri::command(async)]
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
pub fn set_passphrase(state: SessionState<'_>, passphrase: Option<String>) -> Result<WorkspaceInfo, ApiError> {
    lock(&state)?.set_passphrase(passphrase.as_deref())
}

#[tauri::command]
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
