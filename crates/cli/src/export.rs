//! `greychart export`: the schedule for calendars, every table as CSV, the
//! organisation for Graphviz and the whole workspace as JSON; grey-chart
//! data only when asked for.

use std::path::Path;

use chrono::NaiveDate;
use greychart_core::export::ExportDocument;

use crate::Failure;

/// Writes `text` to `output`, or prints it.
fn emit(text: &str, output: Option<&Path>) -> Result<(), Failure> {
    match output {
        Some(file) => {
            std::fs::write(file, text).map_err(|e| Failure::Input(format!("cannot write {}: {e}", file.display())))
        }
        None => {
            say_on!("{text}");
            Ok(())
        }
    }
}

pub(crate) fn export_ics(path: &Path, from: NaiveDate, output: Option<&Path>) -> Result<(), Failure> {
    emit(&crate::open(path)?.schedule_ics(from)?, output)
}

/// Every table as CSV into the folder `output` (created if missing);
/// grey-chart tables only with `private`, named `*.PRIVATE.csv`.
pub(crate) fn export_csv(path: &Path, output: Option<&Path>, private: bool) -> Result<(), Failure> {
    let Some(folder) = output else {
        return Err(Failure::Input("export --format csv writes one file per table: name a folder with -o".into()));
    };
    let data = crate::open(path)?.read().data()?;
    let files = greychart_core::export::tables_csv(&data, private).map_err(|e| Failure::Input(e.to_string()))?;
    std::fs::create_dir_all(folder).map_err(|e| Failure::Input(format!("cannot create {}: {e}", folder.display())))?;
    for file in &files {
        let target = folder.join(&file.name);
        std::fs::write(&target, &file.text)
            .map_err(|e| Failure::Input(format!("cannot write {}: {e}", target.display())))?;
    }
    say!("wrote {} tables to {}", files.len(), folder.display());
    if private {
        say!("including PRIVATE grey-chart data (claims, stances, profiles, engagement log): keep these files to yourself");
    }
    Ok(())
}

/// One document of the whole workspace (JSON, GraphML, GEXF, DOT); grey-chart
/// data, as of `as_of` for the graphs, only with `private`.
pub(crate) fn export_document(
    path: &Path,
    document: ExportDocument,
    as_of: NaiveDate,
    output: Option<&Path>,
    private: bool,
) -> Result<(), Failure> {
    let data = crate::open(path)?.read().data()?;
    let text = document.render(&data, as_of, private).map_err(|e| Failure::Input(e.to_string()))?;
    emit(&text, output)?;
    if private && output.is_some() {
        say!("including PRIVATE grey-chart data (who sways whom, claims, notes): keep this file to yourself");
    }
    Ok(())
}
