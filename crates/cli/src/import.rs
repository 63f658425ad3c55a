//! `greychart import`: parse first (touching nothing), then apply in one
//! transaction; a workspace the import created is removed again on failure.

use std::path::Path;

use greychart_core::export::parse_workspace_json;
use greychart_core::import::{
    parse_changes, parse_claims, parse_dependencies, parse_people, parse_records, parse_services, ColumnMap,
    ABSENCE_COLUMNS, CHANGE_COLUMNS, CLAIM_COLUMNS, COMPONENT_COLUMNS, CONTACT_COLUMNS, DEPENDENCY_COLUMNS,
    PEOPLE_COLUMNS, PERIOD_COLUMNS, PROFILE_COLUMNS, RELEASE_COLUMNS, RULE_COLUMNS, SERVICE_COLUMNS, STANCE_COLUMNS,
    TEAM_COLUMNS,
};
use greychart_core::model::{
    Absence, ApprovalRule, Component, EngagementEntry, Period, Release, StakeholderProfile, Stance, Team,
};
use greychart_store::Workspace;
use greychart_store::{ImportReport, Record};

use crate::{Failure, ImportKind};

/// The largest file an import reads (a 100,000-person organisation's
/// claims are about 70 MB): a larger one is refused before it is read, so
/// a wrong or hostile file cannot exhaust the memory.
const MAX_IMPORT_BYTES: u64 = 128 * 1024 * 1024;

pub(crate) fn run(path: &Path, file: &Path, kind: ImportKind, map: Option<&str>) -> Result<(), Failure> {
    let name = file.display().to_string();
    let map = ColumnMap::parse(map.unwrap_or_default()).map_err(Failure::Input)?;
    let fields: &[&str] = match kind {
        ImportKind::People => &PEOPLE_COLUMNS,
        ImportKind::Claims => &CLAIM_COLUMNS,
        ImportKind::Changes => &CHANGE_COLUMNS,
        ImportKind::Dependencies => &DEPENDENCY_COLUMNS,
        ImportKind::Teams => &TEAM_COLUMNS,
        ImportKind::Releases => &RELEASE_COLUMNS,
        ImportKind::Components => &COMPONENT_COLUMNS,
        ImportKind::Services => &SERVICE_COLUMNS,
        ImportKind::Periods => &PERIOD_COLUMNS,
        ImportKind::Absences => &ABSENCE_COLUMNS,
        ImportKind::ApprovalRules => &RULE_COLUMNS,
        ImportKind::Stances => &STANCE_COLUMNS,
        ImportKind::Profiles => &PROFILE_COLUMNS,
        ImportKind::Contacts => &CONTACT_COLUMNS,
        ImportKind::WorkspaceJson if !map.is_empty() => {
            return Err(Failure::Input("--map applies to CSV files, not to a workspace document".to_owned()))
        }
        ImportKind::WorkspaceJson => &[],
    };
    let size = std::fs::metadata(file).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(Failure::Input(format!(
            "{name} is {} MB; an import reads files of up to {} MB: split it into several files",
            size / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(file).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
    let bytes = map.apply(&name, fields, &bytes).map_err(|e| Failure::Input(e.to_string()))?;
    let existed = path.exists();
    let result = match kind {
        ImportKind::People => {
            let rows = parse_people(&name, bytes.as_slice()).map_err(|e| Failure::Input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_people(&name, &rows)?))
        }
        ImportKind::Claims => {
            let rows = parse_claims(&name, bytes.as_slice()).map_err(|e| Failure::Input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_claims(&name, &rows)?))
        }
        ImportKind::Changes => {
            let rows = parse_changes(&name, bytes.as_slice()).map_err(|e| Failure::Input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_changes(&name, &rows)?))
        }
        ImportKind::Dependencies => {
            let rows = parse_dependencies(&name, bytes.as_slice()).map_err(|e| Failure::Input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_dependencies(&name, &rows)?))
        }
        ImportKind::Teams => records::<Team>(path, existed, &name, &bytes, fields),
        ImportKind::Releases => records::<Release>(path, existed, &name, &bytes, fields),
        ImportKind::Components => records::<Component>(path, existed, &name, &bytes, fields),
        ImportKind::Periods => records::<Period>(path, existed, &name, &bytes, fields),
        ImportKind::Services => {
            let rows = parse_services(&name, bytes.as_slice()).map_err(|e| Failure::Input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_records(&name, &rows)?))
        }
        ImportKind::Absences => records::<Absence>(path, existed, &name, &bytes, fields),
        ImportKind::ApprovalRules => records::<ApprovalRule>(path, existed, &name, &bytes, fields),
        ImportKind::Stances => records::<Stance>(path, existed, &name, &bytes, fields),
        ImportKind::Profiles => records::<StakeholderProfile>(path, existed, &name, &bytes, fields),
        ImportKind::Contacts => records::<EngagementEntry>(path, existed, &name, &bytes, fields),
        ImportKind::WorkspaceJson => {
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| Failure::Input(format!("{name}: not UTF-8 text (byte {})", e.valid_up_to())))?;
            let data = parse_workspace_json(&name, text).map_err(|e| Failure::Input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_workspace(&data)?))
        }
    };
    match result {
        Ok(report) => {
            say!("imported {} rows from {name} into {}", report.rows, path.display());
            for team in &report.created_teams {
                say!("created team {team}");
            }
            for release in &report.created_releases {
                say!("created release {release}");
            }
            for component in &report.created_components {
                say!("created component {component}");
            }
            Ok(())
        }
        Err(e) => {
            if !existed {
                remove_workspace(path);
            }
            Err(e)
        }
    }
}

/// Parses a file of records of one kind, then imports them in one transaction.
fn records<R: Record + serde::de::DeserializeOwned>(
    path: &Path,
    existed: bool,
    name: &str,
    bytes: &[u8],
    fields: &[&str],
) -> Result<ImportReport, Failure> {
    let rows = parse_records::<R>(name, bytes, fields).map_err(|e| Failure::Input(e.to_string()))?;
    open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_records(name, &rows)?))
}

fn open_or_create(path: &Path, existed: bool) -> Result<Workspace, Failure> {
    Ok(if existed { crate::open(path)? } else { Workspace::create(path)? })
}

/// Removes a workspace file and its SQLite side files.
fn remove_workspace(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        // Best effort: the file may never have been created.
        let _ = std::fs::remove_file(p);
    }
}
