//! Creating, editing and deleting the organisation's and the plan's records
//! from the window's forms: teams, components, services, releases, changes,
//! windows and freezes, absences, approval rules and settings, stances and
//! stakeholder profiles. Each is one edit through the store (validated, checked,
//! undoable); a delete the store refuses (still needed by another record)
//! names the record in `ApiError.detail`.

use greychart_core::approvals::ApprovalSettings;
use greychart_core::model::{
    Absence, ApprovalRule, Change, Component, Period, Release, Service, StakeholderProfile, Stance, Team,
};
use greychart_core::ApiError;

use super::{lock, SessionState};

/// Saves a team (new or edited).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_team(state: SessionState<'_>, team: Team) -> Result<Team, ApiError> {
    lock(&state)?.plan()?.save(&team)?;
    Ok(team)
}

/// Deletes a team nobody and nothing belongs to.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_team(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Team>(&[&id])?)
}

/// Saves a component (new or edited).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_component(state: SessionState<'_>, component: Component) -> Result<Component, ApiError> {
    lock(&state)?.plan()?.save(&component)?;
    Ok(component)
}

/// Deletes a component no change or service uses.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_component(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Component>(&[&id])?)
}

/// Deletes a release no change ships in.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_release(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Release>(&[&id])?)
}

/// Deletes a change nothing waits for.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_change(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Change>(&[&id])?)
}

/// Saves a deployment window or a freeze (new or edited).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_period(state: SessionState<'_>, period: Period) -> Result<Period, ApiError> {
    lock(&state)?.plan()?.save(&period)?;
    Ok(period)
}

/// Deletes a deployment window or a freeze.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_period(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Period>(&[&id])?)
}

/// Saves a business service (new or edited): its business owner, the
/// components it uses and the services it depends on.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_service(state: SessionState<'_>, service: Service) -> Result<Service, ApiError> {
    lock(&state)?.plan()?.save(&service)?;
    Ok(service)
}

/// Deletes a service no other service depends on.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_service(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Service>(&[&id])?)
}

/// Saves an absence (new or edited).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_absence(state: SessionState<'_>, absence: Absence) -> Result<Absence, ApiError> {
    lock(&state)?.plan()?.save(&absence)?;
    Ok(absence)
}

/// Deletes an absence.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_absence(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<Absence>(&[&id])?)
}

/// Saves an approval rule (new or edited); every release's requirements follow.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_approval_rule(state: SessionState<'_>, rule: ApprovalRule) -> Result<ApprovalRule, ApiError> {
    lock(&state)?.plan()?.save(&rule)?;
    Ok(rule)
}

/// Deletes an approval rule; the requirements it made go with it.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_approval_rule(state: SessionState<'_>, id: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.delete::<ApprovalRule>(&[&id])?)
}

/// Sets the change manager, the CAB chair, the finance approver and the
/// finance threshold in one edit.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_approval_settings(state: SessionState<'_>, settings: ApprovalSettings) -> Result<(), ApiError> {
    Ok(lock(&state)?.plan()?.set_approval_settings(&settings)?)
}

/// Saves a person's stance on a release, with a note (private: grey chart).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_stance(state: SessionState<'_>, stance: Stance) -> Result<Stance, ApiError> {
    lock(&state)?.workspace()?.save(&stance)?;
    Ok(stance)
}

/// Forgets a person's stance on a release.
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn delete_stance(state: SessionState<'_>, person: String, release: String) -> Result<(), ApiError> {
    Ok(lock(&state)?.workspace()?.delete::<Stance>(&[&person, &release])?)
}

/// Saves a stakeholder profile: how much the releases matter to them and
/// how involved they want to be (private: grey chart).
#[tauri::command(async)]
#[tracing::instrument(level = "debug", skip_all, err(level = "warn"))]
pub fn save_profile(state: SessionState<'_>, profile: StakeholderProfile) -> Result<StakeholderProfile, ApiError> {
    lock(&state)?.workspace()?.save(&profile)?;
    Ok(profile)
}
