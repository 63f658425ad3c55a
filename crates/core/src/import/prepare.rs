//! An import as the window's Import dialog runs it: a file read into a
//! sheet, the kind and the mapping (proposed, then as the user sets it) or
//! a preset, a preview of the first rows with each row's problem, and the
//! rows ready for the store.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kind::{parse, ImportField, ImportKind, Parsed};
use super::mapping::ColumnMap;
use super::presets::{PlanImport, Preset};
use super::sheet::Sheet;
use super::ImportError;

/// How many rows a preview shows.
pub const PREVIEW_ROWS: usize = 20;

/// Which column holds a field; `None`: not in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldColumn {
    /// The field.
    pub field: String,
    /// The file's column, or `None`.
    pub column: Option<String>,
}

/// What the user chose in the Import dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportRequest {
    /// The file.
    pub path: String,
    /// The sheet of a spreadsheet (`None`: the first).
    pub sheet: Option<String>,
    /// What the file holds.
    pub kind: ImportKind,
    /// A known export (the kind is then changes).
    pub preset: Option<Preset>,
    /// The mapping as set; `None`: propose one.
    pub mapping: Option<Vec<FieldColumn>>,
}

/// One row of a preview: its cells by field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewRow {
    /// Line (or row) in the file.
    #[ts(type = "number")]
    pub line: u64,
    /// The row's value for each field, in the fields' order.
    pub cells: Vec<String>,
    /// What is wrong with this row on its own, if anything.
    pub problem: Option<String>,
}

/// The dialog's view of a file: what it has, the mapping, the first rows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportPreview {
    /// The file's sheets (none for CSV).
    pub sheets: Vec<String>,
    /// The file's column headers.
    pub headers: Vec<String>,
    /// The export the headers look like, if any.
    pub detected: Option<Preset>,
    /// The kind's fields.
    pub fields: Vec<ImportField>,
    /// Which column holds each field.
    pub mapping: Vec<FieldColumn>,
    /// How many rows the file holds.
    pub total: u32,
    /// The first rows, as the fields read them.
    pub rows: Vec<PreviewRow>,
    /// The first problem in the whole file, or in the workspace's checks;
    /// `None` when every row imports.
    pub problem: Option<String>,
    /// What the import will also do or leave out, in words.
    pub notes: Vec<String>,
}

/// What an import did, for the window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportDone {
    /// Rows imported.
    pub rows: u32,
    /// What the import created besides, in words ("team Payments").
    pub created: Vec<String>,
    /// What the file held but the import left out, in words.
    pub left_out: Vec<String>,
}

/// How far an import in the window has got.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportProgress {
    /// What it is doing: reading, checking, writing, or done.
    pub phase: String,
    /// Rows written so far.
    pub done: u32,
    /// Rows to write.
    pub total: u32,
    /// Whether it is still running.
    pub running: bool,
}

/// The rows, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Prepared {
    /// Rows of one kind.
    Table(Parsed),
    /// A plan from an export.
    Plan(PlanImport),
}

impl Prepared {
    /// How many rows.
    pub fn len(&self) -> usize {
        match self {
            Prepared::Table(p) => p.len(),
            Prepared::Plan(p) => p.changes.len() + p.dependencies.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A file read for the dialog: the sheet and the mapping in force.
pub struct Reading {
    /// The sheet read.
    pub sheet: Sheet,
    /// The file's sheets.
    pub sheets: Vec<String>,
    /// The mapping in force (by field), for a table kind.
    pub mapping: Vec<FieldColumn>,
}

impl ImportRequest {
    /// Reads the file's bytes (named `file`) as the request says.
    pub fn read(&self, file: &str, bytes: &[u8]) -> Result<Reading, ImportError> {
        let sheets = Sheet::sheet_names(file, bytes)?;
        let sheet = Sheet::read(file, bytes, self.sheet.as_deref())?;
        let mapping = match &self.mapping {
            Some(m) => m.clone(),
            None => {
                let proposed = ColumnMap::propose(self.kind, &sheet.headers);
                self.kind
                    .fields()
                    .into_iter()
                    .map(|f| FieldColumn {
                        column: proposed.pairs().iter().find(|(p, _)| *p == f.name).map(|(_, c)| c.clone()),
                        field: f.name,
                    })
                    .collect()
            }
        };
        Ok(Reading { sheet, sheets, mapping })
    }

    fn column_map(mapping: &[FieldColumn]) -> ColumnMap {
        // "Not in the file" maps the field to no column (empty).
        ColumnMap::from_pairs(mapping.iter().map(|m| (m.field.clone(), m.column.clone().unwrap_or_default())))
    }

    /// Every row, ready for the store; the first problem names its line.
    pub fn prepare(&self, reading: &Reading) -> Result<Prepared, ImportError> {
        match self.preset {
            Some(preset) => Ok(Prepared::Plan(preset.read(&reading.sheet)?)),
            None => {
                let mapped = Self::column_map(&reading.mapping).map(self.kind, &reading.sheet)?;
                Ok(Prepared::Table(parse(self.kind, &mapped)?))
            }
        }
    }

    /// The preview: the first rows as the fields read them, each with its
    /// own problem, and the first problem of the whole file; with the whole
    /// file's rows when they all read (for a check against the workspace,
    /// without parsing the file again).
    pub fn preview(&self, reading: &Reading) -> (ImportPreview, Option<Prepared>) {
        let sheet = &reading.sheet;
        let kind = if self.preset.is_some() { ImportKind::Changes } else { self.kind };
        let fields = kind.fields();
        let mut preview = ImportPreview {
            sheets: reading.sheets.clone(),
            headers: sheet.headers.clone(),
            detected: Preset::detect(&sheet.headers),
            mapping: if self.preset.is_some() { Vec::new() } else { reading.mapping.clone() },
            fields,
            total: u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX),
            rows: Vec::new(),
            problem: None,
            notes: Vec::new(),
        };
        let first = sheet.slice(0..PREVIEW_ROWS);
        match self.preset {
            Some(preset) => {
                for (i, row) in first.rows.iter().enumerate() {
                    let one = preset.read(&first.slice(i..i + 1));
                    let cells = match &one {
                        Ok(plan) => plan.changes.first().map(|c| change_cells(&c.change)).unwrap_or_default(),
                        Err(_) => Vec::new(),
                    };
                    preview.rows.push(PreviewRow { line: row.line, cells, problem: one.err().map(|e| e.to_string()) });
                }
            }
            None => match Self::column_map(&reading.mapping).map(self.kind, &first) {
                Ok(mapped) => {
                    for (i, row) in mapped.rows.iter().enumerate() {
                        let problem = parse(self.kind, &mapped.slice(i..i + 1)).err().map(|e| e.to_string());
                        preview.rows.push(PreviewRow {
                            line: row.line,
                            cells: row.cells.iter().map(str::to_owned).collect(),
                            problem,
                        });
                    }
                }
                Err(e) => preview.problem = Some(e.to_string()),
            },
        }
        if preview.problem.is_some() {
            return (preview, None);
        }
        match self.prepare(reading) {
            Ok(prepared) => {
                if let Prepared::Plan(plan) = &prepared {
                    preview.notes.clone_from(&plan.left_out);
                }
                (preview, Some(prepared))
            }
            Err(e) => {
                preview.problem = Some(e.to_string());
                (preview, None)
            }
        }
    }
}

/// A change's cells in the order of the changes kind's fields.
fn change_cells(c: &crate::model::Change) -> Vec<String> {
    vec![
        c.id.clone(),
        c.title.clone(),
        c.release.clone().unwrap_or_default(),
        c.components.join(";"),
        c.duration_days.to_string(),
        c.not_before.map(|d| d.to_string()).unwrap_or_default(),
        c.risk.map(|r| r.as_str().to_owned()).unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(kind: ImportKind, mapping: Option<Vec<FieldColumn>>) -> ImportRequest {
        ImportRequest { path: "hr.csv".into(), sheet: None, kind, preset: None, mapping }
    }

    #[test]
    fn a_preview_proposes_a_mapping_and_names_each_rows_problem() {
        let csv = b"Employee ID,Full name,Job title,Reports to\ne1,Ann,CIO,\ne2,,QA,e1\ne3,Cy,Dev,e1\n";
        let req = request(ImportKind::People, None);
        let reading = req.read("hr.csv", csv);
        let Ok(reading) = reading else { panic!("unread") };
        let (preview, prepared) = req.preview(&reading);
        assert!(prepared.is_none(), "a file with a problem gives no rows to import");
        let mapped: Vec<_> = preview.mapping.iter().map(|m| (m.field.as_str(), m.column.as_deref())).collect();
        assert_eq!(
            mapped,
            [
                ("id", Some("Employee ID")),
                ("name", Some("Full name")),
                ("title", Some("Job title")),
                ("team", None),
                ("manager", Some("Reports to"))
            ]
        );
        assert_eq!(preview.total, 3);
        assert_eq!(preview.rows.iter().map(|r| r.problem.is_some()).collect::<Vec<_>>(), [false, true, false]);
        assert_eq!(preview.problem.as_deref(), Some("hr.csv:3: name: must not be empty"));

        // The user says the names are not in the file: a required field.
        let mut mapping = preview.mapping.clone();
        mapping[1].column = None;
        let req = request(ImportKind::People, Some(mapping));
        let (preview, _) = req.preview(&req.read("hr.csv", csv).unwrap_or_else(|_| panic!("unread")));
        assert!(preview.problem.is_some_and(|p| p.contains("name: no column holds it")));
    }
}
