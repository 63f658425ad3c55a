//! `greychart plan` and `greychart impact`.

use std::path::Path;

use chrono::NaiveDate;
use greychart_core::model::Audience;
use greychart_core::planning::{schedule_csv, SlotKind};

use crate::{print_json, Failure};

pub(crate) fn plan(path: &Path, from: NaiveDate, json: bool, csv: bool) -> Result<(), Failure> {
    let report = crate::open(path)?.plan(from)?;
    if json {
        return print_json(&report);
    }
    if csv {
        say_on!("{}", schedule_csv(&report));
        return Ok(());
    }
    say!(
        "{} changes; the critical path takes {} days from {}: {}",
        report.order.len(),
        report.critical_path_days,
        report.starts_on,
        report.critical_path.join(" → ")
    );
    let releases: Vec<_> = report.schedule.iter().filter(|s| s.kind == SlotKind::Release).collect();
    if !releases.is_empty() {
        say!("\nEarliest feasible deployments:");
        for s in releases {
            let deploys = s.deploys_on.map_or("no window left".to_owned(), |d| d.to_string());
            say!("  {:<12} work {} – {}, deploys {deploys}", s.id, s.starts_on, s.ready_on);
        }
    }
    if report.conflicts.is_empty() {
        say!("\nNo conflicts.");
    } else {
        say!("\n{} conflicts:", report.conflicts.len());
        for c in &report.conflicts {
            say!("  [{}] {}", c.kind, c.message);
        }
    }
    Ok(())
}

pub(crate) fn impact(path: &Path, item: &str, json: bool) -> Result<(), Failure> {
    let impact = crate::open(path)?.impact(item)?;
    if json {
        return print_json(&impact);
    }
    let list = |ids: &[String]| if ids.is_empty() { "none".to_owned() } else { ids.join(", ") };
    say!("If {item} goes wrong:");
    say!("  waiting on it:  {}", list(&impact.downstream));
    say!("  services hit:   {}", list(&impact.services));
    say!("  teams involved: {}", list(&impact.teams));
    say!("  business owners: {}", list(&impact.people));
    Ok(())
}

pub(crate) fn approvals(path: &Path, release: Option<&str>, json: bool) -> Result<(), Failure> {
    let ws = crate::open(path)?;
    if let Some(id) = release {
        if ws.read().get::<greychart_core::model::Release>(&[id])?.is_none() {
            return Err(Failure::Input(format!("no release has id {id}")));
        }
    }
    let rows = ws.approvals(release, crate::today())?;
    if json {
        return print_json(&rows);
    }
    for r in &rows {
        let stale = if r.stale { format!(" (stale: {})", r.stale_reason) } else { String::new() };
        say!("{:<6} {:<8} {:<16} {:<18}{stale}  — {}", r.release, r.approver, r.role.as_str(), r.status, r.rule);
    }
    Ok(())
}

/// Which packets to render.
pub(crate) enum Packets {
    /// One release's.
    One(String),
    /// Every release planned in the range, in one document.
    Range(NaiveDate, NaiveDate),
}

pub(crate) fn packet(
    path: &Path,
    which: &Packets,
    audience: Audience,
    date: NaiveDate,
    output: &Path,
) -> Result<(), Failure> {
    let ws = crate::open(path)?;
    let (data, what) = match which {
        Packets::One(release) => (ws.packet_data(release, audience, date)?, format!("packet of {release}")),
        Packets::Range(from, to) => {
            let data = ws.packet_batch(*from, *to, audience, date)?;
            let count = data["packets"].as_array().map_or(0, Vec::len);
            (data, format!("packets of {count} releases planned {from} – {to}"))
        }
    };
    let pdf = greychart_packet::render_pdf(&data).map_err(|e| Failure::Input(e.to_string()))?;
    std::fs::write(output, &pdf).map_err(|e| Failure::Input(format!("cannot write {}: {e}", output.display())))?;
    say!(
        "wrote the {} {what} to {} ({} bytes)",
        if audience == Audience::Brief { "brief" } else { "sign-off" },
        output.display(),
        pdf.len()
    );
    Ok(())
}
