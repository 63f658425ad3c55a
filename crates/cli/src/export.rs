//! `greychart export`: the schedule for calendars, every table as CSV, the
//! organisation for Graphviz and the whole workspace as JSON; grey-chart
//! data only when asked for.

use std::path::Path;

use chrono::NaiveDate;

use crate::Failure;

/// Writes `text` to `output`, or prints it.
fn emit(text: &str, output: Option<&Path>) -> Result<(), Failure> {
    match output {
        Some(file) => {
            std::fs::write(file, text).map_err(|e| Failure::Input(format!("cannot write {}: {e}", file.display())))
        }
        None => {
            print!("{text}");
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
    println!("wrote {} tables to {}", files.len(), folder.display());
    if private {
        println!("including PRIVATE grey-chart data (claims, stances, profiles, engagement log): keep these files to yourself");
    }
    Ok(())
}

/// The formal chart (and with `private` the grey chart as of `as_of`) as DOT.
pub(crate) fn export_dot(path: &Path, as_of: NaiveDate, output: Option<&Path>, private: bool) -> Result<(), Failure> {
    let data = crate::open(path)?.read().data()?;
    emit(&greychart_core::export::graph_dot(&data, as_of, private), output)?;
    if private && output.is_some() {
        println!("including PRIVATE grey-chart data (who sways whom): keep this file to yourself");
    }
    Ok(())
}

/// The whole workspace as a JSON document; grey-chart tables only with `private`.
pub(crate) fn export_json(path: &Path, output: Option<&Path>, private: bool) -> Result<(), Failure> {
    let data = crate::open(path)?.read().data()?;
    let text = greychart_core::export::workspace_json(&data, private).map_err(|e| Failure::Input(e.to_string()))?;
    emit(&text, output)?;
    if private && output.is_some() {
        println!(
            "including PRIVATE grey-chart data (claims, stances, profiles, engagement log): keep this file to yourself"
        );
    }
    Ok(())
}

/// The influence graph as GraphML, or GEXF with `gexf`: reporting lines,
/// and with `private` the grey chart as of `as_of` with its evidence.
pub(crate) fn export_graph(
    path: &Path,
    gexf: bool,
    as_of: NaiveDate,
    output: Option<&Path>,
    private: bool,
) -> Result<(), Failure> {
    let data = crate::open(path)?.read().data()?;
    let text = if gexf {
        greychart_core::export::graph_gexf(&data, as_of, private)
    } else {
        greychart_core::export::graph_graphml(&data, as_of, private)
    };
    emit(&text, output)?;
    if private && output.is_some() {
        println!("including PRIVATE grey-chart data (who sways whom, and the evidence): keep this file to yourself");
    }
    Ok(())
}
