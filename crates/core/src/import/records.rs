//! CSV files of records with one column per field, as `export --format csv`
//! writes them (teams, releases, components, windows and freezes, absences,
//! approval rules, stances, profiles, contacts): each row read into its
//! record by the column names, an empty cell as no value, with the line and
//! the column of anything that does not read.

use std::io::Read;

use serde::de::DeserializeOwned;

use super::sheet::{Sheet, SheetRow};
use super::ImportError;

/// Columns of each kind of record file (the records' field names).
pub const TEAM_COLUMNS: [&str; 3] = ["id", "name", "kind"];
/// Columns of a releases file.
pub const RELEASE_COLUMNS: [&str; 7] = ["id", "name", "stage", "window_start", "window_end", "risk", "cost"];
/// Columns of a components file.
pub const COMPONENT_COLUMNS: [&str; 4] = ["id", "name", "owner_team", "owner"];
/// Columns of a windows-and-freezes file.
pub const PERIOD_COLUMNS: [&str; 7] = ["id", "name", "kind", "starts_on", "ends_on", "scope", "scope_id"];
/// Columns of an absences file.
pub const ABSENCE_COLUMNS: [&str; 5] = ["id", "person", "starts_on", "ends_on", "note"];
/// Columns of an approval rules file.
pub const RULE_COLUMNS: [&str; 5] = ["id", "condition", "role", "approver", "note"];
/// Columns of a stances file.
pub const STANCE_COLUMNS: [&str; 5] = ["person", "release", "stance", "noted_on", "note"];
/// Columns of a stakeholder profiles file.
pub const PROFILE_COLUMNS: [&str; 3] = ["person", "interest", "involvement"];
/// Columns of a contacts (engagement log) file.
pub const CONTACT_COLUMNS: [&str; 5] = ["id", "person", "date", "channel", "summary"];

/// Columns of a services file (`depends_on`: ids joined by `;`).
pub const SERVICE_COLUMNS: [&str; 4] = ["id", "name", "business_owner", "depends_on"];

/// A service as its file holds it: what it depends on in one cell.
#[derive(serde::Deserialize)]
struct ServiceCells {
    id: String,
    name: String,
    business_owner: Option<String>,
    depends_on: Option<String>,
}

/// Reads a services file: `id,name,business_owner,depends_on`, the ids it
/// depends on joined by `;` (as `export --format csv` writes them).
pub fn parse_services(file: &str, input: impl Read) -> Result<Vec<RecordRow<crate::model::Service>>, ImportError> {
    read_services(&Sheet::from_csv(file, input)?)
}

/// [`parse_services`] of a sheet already read.
pub fn read_services(sheet: &Sheet) -> Result<Vec<RecordRow<crate::model::Service>>, ImportError> {
    Ok(read_records::<ServiceCells>(sheet, &SERVICE_COLUMNS)?
        .into_iter()
        .map(|row| RecordRow {
            line: row.line,
            record: crate::model::Service {
                id: row.record.id,
                name: row.record.name,
                business_owner: row.record.business_owner,
                depends_on: row
                    .record
                    .depends_on
                    .unwrap_or_default()
                    .split(';')
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
                    .collect(),
            },
        })
        .collect())
}

/// A record read from a line of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow<T> {
    /// Line in the file.
    pub line: u64,
    /// The record as read (its checks come when it is saved).
    pub record: T,
}

/// Reads every row of `input` into a `T`; the header must name every one
/// of `columns` (others are ignored).
pub fn parse_records<T: DeserializeOwned>(
    file: &str,
    input: impl Read,
    columns: &[&str],
) -> Result<Vec<RecordRow<T>>, ImportError> {
    read_records(&Sheet::from_csv(file, input)?, columns)
}

/// [`parse_records`] of a sheet already read.
pub fn read_records<T: DeserializeOwned>(sheet: &Sheet, columns: &[&str]) -> Result<Vec<RecordRow<T>>, ImportError> {
    let file = sheet.file.as_str();
    for column in columns {
        if !sheet.headers.iter().any(|h| h == column) {
            return Err(ImportError::new(
                file,
                1,
                Some(column),
                format!("missing column; the header must be {}", columns.join(",")),
            ));
        }
    }
    let headers = csv::StringRecord::from(sheet.headers.clone());
    let mut out = Vec::with_capacity(sheet.rows.len());
    for SheetRow { line, cells: record } in &sheet.rows {
        let line = *line;
        let value: T = record.deserialize(Some(&headers)).map_err(|e| {
            let (column, message) = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => {
                    let message = match err.kind() {
                        csv::DeserializeErrorKind::Message(m) | csv::DeserializeErrorKind::Unsupported(m) => m.clone(),
                        other => other.to_string(),
                    };
                    // A value no variant takes is reported without its field: the
                    // message quotes the value, which names the cell.
                    let quoted = message.split('`').nth(1).filter(|v| !v.is_empty());
                    let at = err
                        .field()
                        .map(|i| i as usize)
                        .or_else(|| quoted.and_then(|v| record.iter().position(|cell| cell == v)));
                    (at.and_then(|i| sheet.headers.get(i)).map(String::as_str), message)
                }
                _ => (None, e.to_string()),
            };
            ImportError::new(file, line, column, message)
        })?;
        out.push(RecordRow { line, record: value });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, PeriodKind, Release, Stage};

    #[test]
    fn rows_read_into_records_by_column_name_with_empty_cells_as_no_value() {
        let csv = "name,id,stage,window_start,window_end,risk,cost,extra\nLedger 1.0,r1,plan,2027-01-04,2027-01-06,high,12000,x\nLedger 1.1,r2,build,,,low,,\n";
        let rows: Vec<RecordRow<Release>> =
            parse_records("releases.csv", csv.as_bytes(), &RELEASE_COLUMNS).unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].record.cost, rows[0].record.stage), (2, Some(12000.0), Stage::Plan));
        assert_eq!((rows[1].record.window_start, rows[1].record.cost), (None, None));
        let periods =
            "id,name,kind,starts_on,ends_on,scope,scope_id\nf1,Year end,freeze,2026-12-20,2027-01-03,global,\n";
        let rows: Vec<RecordRow<Period>> =
            parse_records("periods.csv", periods.as_bytes(), &PERIOD_COLUMNS).unwrap_or_default();
        assert_eq!(rows.first().map(|r| (r.record.kind, r.record.scope_id.clone())), Some((PeriodKind::Freeze, None)));
    }

    #[test]
    fn a_cell_that_does_not_read_names_its_line_and_column() {
        let csv = "id,name,stage,window_start,window_end,risk,cost\nr1,A,plan,,,low,\nr2,B,launched,,,low,\n";
        let e = parse_records::<Release>("releases.csv", csv.as_bytes(), &RELEASE_COLUMNS).err();
        assert_eq!(e.as_ref().map(|e| (e.line, e.field.as_deref())), Some((3, Some("stage"))), "{e:?}");
        let missing = parse_records::<Release>("releases.csv", "id,name\nr1,A\n".as_bytes(), &RELEASE_COLUMNS).err();
        assert_eq!(missing.map(|e| (e.line, e.field)), Some((1, Some("stage".to_owned()))));
    }
}
