//! Parsing of the files of the `greychart import` contract (README): CSV
//! files and spreadsheets, in the import formats or mapped from other
//! headers, the Jira and ServiceNow exports, and a folder of CSV tables.
//!
//! Parsing checks each row on its own (types, ranges, required fields) and
//! keeps its line number; the store then checks references against the
//! workspace and applies all rows in one transaction, or none.

mod folder;
mod kind;
mod mapping;
mod people;
mod plan;
mod prepare;
mod presets;
mod records;
mod sheet;
mod table;

pub use folder::{read_folder, FolderFile, FOLDER_FILES};
pub use kind::{parse, ImportField, ImportKind, Parsed};
pub use mapping::ColumnMap;
pub use people::{
    parse_claims, parse_people, read_claims, read_people, ClaimRow, PersonRow, CLAIM_COLUMNS, PEOPLE_COLUMNS,
};
pub use plan::{
    parse_changes, parse_dependencies, read_changes, read_dependencies, ChangeRow, DependencyRow, CHANGE_COLUMNS,
    DEPENDENCY_COLUMNS,
};
pub use prepare::{
    FieldColumn, ImportDone, ImportPreview, ImportProgress, ImportRequest, Prepared, PreviewRow, Reading, PREVIEW_ROWS,
};
pub use presets::{PlanImport, Preset};
pub use records::{
    parse_records, parse_services, read_records, read_services, RecordRow, ABSENCE_COLUMNS, COMPONENT_COLUMNS,
    CONTACT_COLUMNS, PERIOD_COLUMNS, PROFILE_COLUMNS, RELEASE_COLUMNS, RULE_COLUMNS, SERVICE_COLUMNS, STANCE_COLUMNS,
    TEAM_COLUMNS,
};
pub use sheet::{Sheet, SheetRow, MAX_CELL_BYTES};

use serde::Serialize;

/// A problem at one place in an imported file.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[error("{file}:{line}: {}{message}", field.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
pub struct ImportError {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line number (1 is the header).
    pub line: u64,
    /// The column at fault, if one is.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl ImportError {
    /// An error at `file:line` in `field`.
    pub fn new(file: &str, line: u64, field: Option<&str>, message: impl Into<String>) -> ImportError {
        ImportError { file: file.to_owned(), line, field: field.map(str::to_owned), message: message.into() }
    }
}
