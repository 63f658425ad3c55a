//! Every table of a workspace as CSV (RFC 4180, UTF-8, header row). People,
//! claims, changes and dependencies use the import formats of the README, so
//! an export imports back; the other tables have one column per field.
//! Grey-chart data — claims, stances, stakeholder profiles and the
//! engagement log — is left out unless `private` is asked for, and then its
//! files are named `*.PRIVATE.csv`.

use serde::Serialize;
use serde_json::Value;

use super::ExportFile;
use crate::model::WorkspaceData;
use crate::CoreError;

/// The tables of `data` as CSV files; grey-chart tables only with `private`.
pub fn tables_csv(data: &WorkspaceData, private: bool) -> Result<Vec<ExportFile>, CoreError> {
    let settings = [
        ("formal_weight", Some(data.formal_weight.to_string())),
        ("change_manager", data.change_manager.clone()),
        ("cab_chair", data.cab_chair.clone()),
        ("finance_approver", data.finance_approver.clone()),
        ("finance_threshold", data.finance_threshold.map(|t| t.to_string())),
    ];
    let mut files = vec![
        table(
            "settings.csv",
            &["key", "value"],
            settings.into_iter().filter_map(|(k, v)| v.map(|v| vec![k.to_owned(), v])),
        )?,
        table(
            "people.csv",
            &["id", "name", "title", "team", "manager"],
            data.people
                .iter()
                .map(|p| vec![p.id.clone(), p.name.clone(), p.title.clone(), opt(&p.team), opt(&p.manager)]),
        )?,
        table(
            "changes.csv",
            &["id", "title", "release", "component", "duration_days", "not_before", "risk"],
            data.changes.iter().map(|c| {
                vec![
                    c.id.clone(),
                    c.title.clone(),
                    opt(&c.release),
                    c.components.join(";"),
                    c.duration_days.to_string(),
                    c.not_before.map(|d| d.to_string()).unwrap_or_default(),
                    c.risk.map(|r| r.as_str().to_owned()).unwrap_or_default(),
                ]
            }),
        )?,
        table(
            "dependencies.csv",
            &["before", "after", "lag_days"],
            data.dependencies.iter().map(|d| vec![d.before.clone(), d.after.clone(), d.lag_days.to_string()]),
        )?,
        records("teams.csv", &data.teams)?,
        records("releases.csv", &data.releases)?,
        records("components.csv", &data.components)?,
        records("services.csv", &data.services)?,
        records("periods.csv", &data.periods)?,
        records("absences.csv", &data.absences)?,
        records("approval_requirements.csv", &data.requirements)?,
        records("decisions.csv", &data.decisions)?,
        records("approval_rules.csv", &data.approval_rules)?,
    ];
    if private {
        files.push(table(
            "settings.PRIVATE.csv",
            &["key", "value"],
            data.me.iter().map(|me| vec!["me".to_owned(), me.clone()]),
        )?);
        files.push(table(
            "claims.PRIVATE.csv",
            &[
                "from",
                "to",
                "strength",
                "confidence",
                "observed_on",
                "half_life_days",
                "source",
                "note",
                "id",
                "recorded_by",
                "retired",
            ],
            data.claims.iter().map(|c| {
                vec![
                    c.from.clone(),
                    c.to.clone(),
                    c.strength.to_string(),
                    c.confidence.to_string(),
                    c.observed_on.to_string(),
                    c.half_life_days.to_string(),
                    c.source.clone(),
                    c.note.clone(),
                    c.id.clone(),
                    c.recorded_by.clone(),
                    c.retired.to_string(),
                ]
            }),
        )?);
        files.push(records("stances.PRIVATE.csv", &data.stances)?);
        files.push(records("profiles.PRIVATE.csv", &data.profiles)?);
        files.push(records("engagements.PRIVATE.csv", &data.engagements)?);
    }
    Ok(files)
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// A CSV file from a header and rows.
fn table(name: &str, header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<ExportFile, CoreError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| CoreError::Export(format!("{name}: {e}"));
    out.write_record(header).map_err(failed)?;
    for row in rows {
        out.write_record(&row).map_err(failed)?;
    }
    let bytes = out.into_inner().map_err(|e| CoreError::Export(format!("{name}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| CoreError::Export(format!("{name}: {e}")))?;
    Ok(ExportFile { name: name.to_owned(), text })
}

/// A CSV file with one column per field of the records (in their JSON
/// form): lists joined by `;`, absent values empty.
fn records<T: Serialize>(name: &str, items: &[T]) -> Result<ExportFile, CoreError> {
    let rows: Vec<serde_json::Map<String, Value>> = items
        .iter()
        .map(|item| match serde_json::to_value(item) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err(CoreError::Export(format!("{name}: a record is not a table row"))),
            Err(e) => Err(CoreError::Export(format!("{name}: {e}"))),
        })
        .collect::<Result<_, _>>()?;
    let mut header: Vec<String> = Vec::new();
    for row in &rows {
        for key in row.keys() {
            if !header.contains(key) {
                header.push(key.clone());
            }
        }
    }
    let cell = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| if let Value::String(s) = i { s.clone() } else { i.to_string() })
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    };
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    table(name, &header_refs, rows.iter().map(|row| header.iter().map(|k| cell(row.get(k))).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::demo;

    #[test]
    fn without_private_no_grey_chart_table_or_text_is_written() {
        let data = demo();
        let files = tables_csv(&data, false).unwrap_or_default();
        assert!(files.iter().any(|f| f.name == "people.csv"));
        assert!(files.iter().all(|f| !f.name.contains("PRIVATE")));
        let all: String = files.iter().map(|f| f.text.as_str()).collect();
        for c in &data.claims {
            assert!(c.note.is_empty() || !all.contains(&c.note), "claim note {:?} exported", c.note);
            assert!(c.source.len() < 8 || !all.contains(&c.source), "claim source {:?} exported", c.source);
        }
        for e in &data.engagements {
            assert!(!all.contains(&e.summary), "engagement {:?} exported", e.summary);
        }
    }

    #[test]
    fn with_private_the_grey_chart_files_say_so() {
        let data = demo();
        let files = tables_csv(&data, true).unwrap_or_default();
        let claims = files.iter().find(|f| f.name == "claims.PRIVATE.csv").map(|f| f.text.clone()).unwrap_or_default();
        assert!(claims.starts_with("from,to,strength,confidence,observed_on,half_life_days,source,note,id,"));
        assert_eq!(claims.lines().count(), data.claims.len() + 1);
        assert!(files.iter().any(|f| f.name == "engagements.PRIVATE.csv"));
    }

    #[test]
    fn the_import_formats_read_back() {
        let data = demo();
        let files = tables_csv(&data, false).unwrap_or_default();
        let people = files.iter().find(|f| f.name == "people.csv").map(|f| f.text.clone()).unwrap_or_default();
        let rows = crate::import::parse_people("people.csv", people.as_bytes()).unwrap_or_default();
        assert_eq!(rows.iter().map(|r| r.person.clone()).collect::<Vec<_>>(), data.people);
    }

    #[test]
    fn a_folder_of_every_table_reads_back_into_the_same_workspace() {
        let data = demo();
        let files = tables_csv(&data, true).unwrap_or_default();
        let folder: Vec<crate::import::FolderFile> = files
            .iter()
            .map(|f| crate::import::FolderFile { name: f.name.clone(), bytes: f.text.clone().into_bytes() })
            .collect();
        let read = crate::import::read_folder("demo", &folder);
        assert_eq!(read.as_ref().ok(), Some(&data), "{:?}", read.as_ref().err());
        let mut stray = folder.clone();
        stray.push(crate::import::FolderFile { name: "notes.csv".to_owned(), bytes: b"a\n".to_vec() });
        let e = crate::import::read_folder("demo", &stray).err();
        assert!(e.is_some_and(|e| e.file == "demo/notes.csv"));
    }
}
