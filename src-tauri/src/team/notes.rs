//! What others did, in words, for the status line and the Team panel.

use greychart_core::model::{Person, Release};
use greychart_store::Workspace;
use greychart_team::SyncReport;

/// What others did, as notes (when, who, what), with names from `ws`.
pub(super) fn notes_of(ws: &Workspace, report: &SyncReport) -> Vec<(String, String, String)> {
    let person = |id: &str| person_name(ws, id);
    let release = |id: &str| ws.read().get::<Release>(&[id]).ok().flatten().map_or_else(|| id.to_owned(), |r| r.name);
    let mut notes = Vec::new();
    for e in &report.heard {
        let name = ws
            .shared_record(&e.kind, &e.id)
            .ok()
            .flatten()
            .and_then(|v| ["name", "title"].iter().find_map(|f| v.get(f).and_then(|n| n.as_str()).map(str::to_owned)))
            .unwrap_or_else(|| e.id.clone());
        let verb = if e.deleted { "deleted" } else { "changed" };
        notes.push((e.at.clone(), e.by.clone(), format!("{verb} {} {name}", e.kind.replace('_', " "))));
    }
    for d in &report.decided {
        let mut what = format!("{} {}", d.decision, release(&d.release));
        if d.recorded_by != d.approver {
            what = format!("recorded that {} {what}", person(&d.approver));
        }
        if !d.source.is_empty() {
            what = format!("{what} (from {})", d.source);
        }
        notes.push((d.at.clone(), person(&d.recorded_by), what));
    }
    notes
}

/// A person's name, or their id when the workspace does not have them.
pub(super) fn person_name(ws: &Workspace, id: &str) -> String {
    ws.read().get::<Person>(&[id]).ok().flatten().map_or_else(|| id.to_owned(), |p| p.name)
}
