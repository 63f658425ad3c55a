//! `greychart plan` and `greychart impact`.

use std::path::Path;

use chrono::NaiveDate;
use greychart_core::planning::{Slot, SlotKind};
use greychart_store::Workspace;

use crate::{print_json, Failure};

pub(crate) fn plan(path: &Path, from: NaiveDate, json: bool, csv: bool) -> Result<(), Failure> {
    let report = Workspace::open(path)?.plan(from)?;
    if json {
        return print_json(&report);
    }
    if csv {
        return print_schedule_csv(&report.schedule);
    }
    println!(
        "{} changes; the critical path takes {} days from {}: {}",
        report.order.len(),
        report.critical_path_days,
        report.starts_on,
        report.critical_path.join(" → ")
    );
    let releases: Vec<_> = report.schedule.iter().filter(|s| s.kind == SlotKind::Release).collect();
    if !releases.is_empty() {
        println!("\nEarliest feasible deployments:");
        for s in releases {
            let deploys = s.deploys_on.map_or("no window left".to_owned(), |d| d.to_string());
            println!("  {:<12} work {} – {}, deploys {deploys}", s.id, s.starts_on, s.ready_on);
        }
    }
    if report.conflicts.is_empty() {
        println!("\nNo conflicts.");
    } else {
        println!("\n{} conflicts:", report.conflicts.len());
        for c in &report.conflicts {
            println!("  [{}] {}", c.kind, c.message);
        }
    }
    Ok(())
}

pub(crate) fn impact(path: &Path, item: &str, json: bool) -> Result<(), Failure> {
    let impact = Workspace::open(path)?.impact(item)?;
    if json {
        return print_json(&impact);
    }
    let list = |ids: &[String]| if ids.is_empty() { "none".to_owned() } else { ids.join(", ") };
    println!("If {item} goes wrong:");
    println!("  waiting on it:  {}", list(&impact.downstream));
    println!("  services hit:   {}", list(&impact.services));
    println!("  teams involved: {}", list(&impact.teams));
    println!("  business owners: {}", list(&impact.people));
    Ok(())
}

/// The schedule as CSV: one row per change and release.
fn print_schedule_csv(schedule: &[Slot]) -> Result<(), Failure> {
    let mut out = csv::Writer::from_writer(std::io::stdout().lock());
    let failed = |e: csv::Error| Failure::Internal(format!("cannot write the schedule: {e}"));
    out.write_record(["id", "kind", "release", "starts_on", "ready_on", "deploys_on", "critical"]).map_err(failed)?;
    for s in schedule {
        let kind = match s.kind {
            SlotKind::Change => "change",
            SlotKind::Release => "release",
        };
        let deploys = s.deploys_on.map(|d| d.to_string()).unwrap_or_default();
        let record = [
            s.id.as_str(),
            kind,
            s.release.as_deref().unwrap_or(""),
            &s.starts_on.to_string(),
            &s.ready_on.to_string(),
            &deploys,
            if s.critical { "yes" } else { "no" },
        ];
        out.write_record(record).map_err(failed)?;
    }
    out.flush().map_err(|e| Failure::Internal(format!("cannot write the schedule: {e}")))
}

pub(crate) fn export_ics(path: &Path, from: NaiveDate, output: Option<&Path>) -> Result<(), Failure> {
    let text = Workspace::open(path)?.schedule_ics(from)?;
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
