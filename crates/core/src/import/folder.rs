//! A folder of the CSV tables `export --format csv` writes, read back into
//! a whole workspace: the import formats for people, claims, changes and
//! dependencies, one column per field for the other tables, and the
//! settings as `key,value` rows. The PRIVATE files are read when present.

use std::collections::HashMap;

use super::people::read_claims;
use super::plan::{read_changes, read_dependencies};
use super::records::{read_records, read_services, RecordRow};
use super::sheet::Sheet;
use super::{ImportError, PEOPLE_COLUMNS};
use crate::model::{WorkspaceData, DEFAULT_FORMAL_WEIGHT};

/// The files of a folder export, by name.
pub const FOLDER_FILES: [&str; 18] = [
    "settings.csv",
    "teams.csv",
    "people.csv",
    "releases.csv",
    "components.csv",
    "services.csv",
    "changes.csv",
    "dependencies.csv",
    "periods.csv",
    "absences.csv",
    "approval_requirements.csv",
    "decisions.csv",
    "approval_rules.csv",
    "settings.PRIVATE.csv",
    "claims.PRIVATE.csv",
    "stances.PRIVATE.csv",
    "profiles.PRIVATE.csv",
    "engagements.PRIVATE.csv",
];

/// One file of a folder: its name and its bytes.
#[derive(Debug, Clone)]
pub struct FolderFile {
    /// The file's name in the folder.
    pub name: String,
    /// What it holds.
    pub bytes: Vec<u8>,
}

/// Reads every table of a folder export into one workspace. A CSV file
/// that is not one of [`FOLDER_FILES`] is refused, naming it; a table
/// that is absent is empty.
pub fn read_folder(folder: &str, files: &[FolderFile]) -> Result<WorkspaceData, ImportError> {
    let mut sheets: HashMap<&str, Sheet> = HashMap::new();
    for file in files {
        let Some(known) = FOLDER_FILES.iter().find(|n| **n == file.name) else {
            return Err(ImportError::new(
                &format!("{folder}/{}", file.name),
                0,
                None,
                format!("is not a table export --format csv writes; those are {}", FOLDER_FILES.join(", ")),
            ));
        };
        sheets.insert(known, Sheet::from_csv(&format!("{folder}/{}", file.name), file.bytes.as_slice())?);
    }
    fn all<T: serde::de::DeserializeOwned>(
        sheets: &HashMap<&str, Sheet>,
        name: &str,
        columns: &[&str],
    ) -> Result<Vec<T>, ImportError> {
        match sheets.get(name) {
            Some(sheet) => Ok(read_records::<T>(sheet, columns)?.into_iter().map(|r: RecordRow<T>| r.record).collect()),
            None => Ok(Vec::new()),
        }
    }
    let mut data = WorkspaceData { formal_weight: DEFAULT_FORMAL_WEIGHT, ..WorkspaceData::default() };
    for name in ["settings.csv", "settings.PRIVATE.csv"] {
        let Some(sheet) = sheets.get(name) else { continue };
        for row in read_records::<Setting>(sheet, &["key", "value"])? {
            let at = |message: String| ImportError::new(&sheet.file, row.line, Some("value"), message);
            let value = row.record.value;
            match row.record.key.as_str() {
                "me" => data.me = value,
                "formal_weight" => {
                    data.formal_weight = value
                        .as_deref()
                        .unwrap_or_default()
                        .parse()
                        .map_err(|_| at(format!("formal_weight: {value:?} is not a number")))?;
                }
                "change_manager" => data.change_manager = value,
                "cab_chair" => data.cab_chair = value,
                "finance_approver" => data.finance_approver = value,
                "finance_threshold" => {
                    data.finance_threshold = value
                        .as_deref()
                        .map(str::parse)
                        .transpose()
                        .map_err(|_| at(format!("finance_threshold: {value:?} is not a number")))?;
                }
                other => {
                    return Err(ImportError::new(&sheet.file, row.line, Some("key"), format!("{other} is no setting")));
                }
            }
        }
    }
    data.teams = all(&sheets, "teams.csv", &[])?;
    data.people = all(&sheets, "people.csv", &PEOPLE_COLUMNS)?;
    data.releases = all(&sheets, "releases.csv", &[])?;
    data.components = all(&sheets, "components.csv", &[])?;
    if let Some(sheet) = sheets.get("services.csv") {
        data.services = read_services(sheet)?.into_iter().map(|r| r.record).collect();
    }
    if let Some(sheet) = sheets.get("changes.csv") {
        data.changes = read_changes(sheet)?.into_iter().map(|r| r.change).collect();
    }
    if let Some(sheet) = sheets.get("dependencies.csv") {
        data.dependencies = read_dependencies(sheet)?.into_iter().map(|r| r.dependency).collect();
    }
    data.periods = all(&sheets, "periods.csv", &[])?;
    data.absences = all(&sheets, "absences.csv", &[])?;
    data.requirements = all(&sheets, "approval_requirements.csv", &[])?;
    data.decisions = all(&sheets, "decisions.csv", &[])?;
    data.approval_rules = all(&sheets, "approval_rules.csv", &[])?;
    if let Some(sheet) = sheets.get("claims.PRIVATE.csv") {
        data.claims = read_claims(sheet)?.into_iter().map(|r| r.claim).collect();
    }
    data.stances = all(&sheets, "stances.PRIVATE.csv", &[])?;
    data.profiles = all(&sheets, "profiles.PRIVATE.csv", &[])?;
    data.engagements = all(&sheets, "engagements.PRIVATE.csv", &[])?;
    Ok(data)
}

/// A row of the settings file.
#[derive(serde::Deserialize)]
struct Setting {
    key: String,
    value: Option<String>,
}
