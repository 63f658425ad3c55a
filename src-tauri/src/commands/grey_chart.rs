//! The grey chart: ranks, brokers, sway links, evidence, factions and the
//! strongest path; people, claims, contacts and the map's saved places.
//! Broker scores run on a worker thread the window follows and may cancel.

use greychart_core::analytics::{BrokerScores, Faction, InfluencePath, RankColumns, SwayEdge};
use greychart_core::model::{Claim, EngagementEntry, Person};
use greychart_core::transport::{AnalysisProgress, ClaimRows, EvidenceGlance, Focus, PersonEvidence, Position};
use greychart_core::{ApiError, ErrorCode};
use tauri::State;

use super::{as_of_date, lock, SessionState};
use crate::analysis::{self, Analyses};

/// Up to `limit` claims from `offset` in the order recorded, each with its
/// credibility and standing as of the date; with `person`, only those from
/// or to them.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn claims_page(
    state: SessionState<'_>,
    person: Option<String>,
    offset: u32,
    limit: u32,
    as_of: Option<String>,
) -> Result<ClaimRows, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.read().claims_page(person.as_deref(), offset, limit)?.on(as_of))
}

/// A person's claims and links, for their side panel.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn person_evidence(state: SessionState<'_>, id: String, as_of: Option<String>) -> Result<PersonEvidence, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.person_evidence(&id, as_of)?)
}

/// Ranks and power gaps in columns, most influential first (ties in people
/// order), as the window lists them; broker scores come from
/// `broker_scores`.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn influence(state: SessionState<'_>, as_of: Option<String>) -> Result<RankColumns, ApiError> {
    let as_of = as_of_date(as_of)?;
    let rows = lock(&state)?.workspace()?.influence_ranks(as_of)?;
    Ok(RankColumns::of(&rows))
}

/// Broker scores, computed on a worker thread after the session lock is
/// released; `None` when cancelled or overtaken by a newer run.
#[tauri::command]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
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
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn analysis_progress(analyses: State<'_, Analyses>) -> Result<AnalysisProgress, ApiError> {
    Ok(analyses.progress())
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn cancel_analysis(analyses: State<'_, Analyses>) -> Result<(), ApiError> {
    analyses.cancel();
    Ok(())
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn sway_edges(
    state: SessionState<'_>,
    as_of: Option<String>,
    focus: Option<Focus>,
) -> Result<Vec<SwayEdge>, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.sway_edges(as_of, focus.as_ref())?)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn factions(state: SessionState<'_>, as_of: Option<String>) -> Result<Vec<Faction>, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.factions(as_of)?)
}

/// The gaps in the evidence as of a date, and who moved most over the
/// `days` before it (90 unless given).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn evidence_summary(
    state: SessionState<'_>,
    as_of: Option<String>,
    days: Option<i64>,
) -> Result<EvidenceGlance, ApiError> {
    let as_of = as_of_date(as_of)?;
    Ok(lock(&state)?.workspace()?.evidence_summary(as_of, days.unwrap_or(90))?.into())
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
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
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_person(state: SessionState<'_>, person: Person) -> Result<Person, ApiError> {
    lock(&state)?.plan()?.save(&person)?;
    Ok(person)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_person(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Person>(&[&id])?)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_claim(state: SessionState<'_>, claim: Claim) -> Result<Claim, ApiError> {
    Ok(lock(&state)?.workspace()?.save_claim(claim)?)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn add_engagement(state: SessionState<'_>, entry: EngagementEntry) -> Result<EngagementEntry, ApiError> {
    Ok(lock(&state)?.workspace()?.add_engagement(entry)?)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn map_positions(state: SessionState<'_>) -> Result<Vec<Position>, ApiError> {
    Ok(lock(&state)?.workspace()?.positions()?)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_map_positions(state: SessionState<'_>, positions: Vec<Position>) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.save_positions(&positions)?)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn clear_map_positions(state: SessionState<'_>) -> Result<usize, ApiError> {
    Ok(lock(&state)?.workspace()?.clear_positions()?)
}

#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_claim(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Claim>(&[&id])?)
}

/// Sets who "me" is in the workspace (or nobody): the strongest paths start from them.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn set_me(state: SessionState<'_>, person: Option<String>) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.set_me(person.as_deref())?)
}
