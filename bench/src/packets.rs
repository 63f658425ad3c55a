//! Sign-off packets: one release's packet, and a batch of a hundred, each
//! gathered from a workspace file and typeset to PDF.

use chrono::NaiveDate;
use greychart_core::demo::demo_workspace;
use greychart_core::model::Audience;
use greychart_store::Workspace;

use crate::{median, plan, report};

/// The demo workspace plus a generated plan of 100 releases of ten changes
/// (ids prefixed `g`), in a real file.
fn workspace(dir: &std::path::Path, today: NaiveDate) -> Workspace {
    let mut data = demo_workspace(today);
    let generated = plan::generate(1_000, today);
    let g = |id: &str| format!("g{id}");
    data.releases.extend(generated.releases.into_iter().map(|mut r| {
        r.id = g(&r.id);
        r
    }));
    data.changes.extend(generated.changes.into_iter().map(|mut c| {
        c.id = g(&c.id);
        c.release = c.release.as_deref().map(g);
        c.components = c.components.iter().map(|k| g(k)).collect();
        c
    }));
    data.dependencies.extend(generated.dependencies.into_iter().map(|mut d| {
        (d.before, d.after) = (g(&d.before), g(&d.after));
        d
    }));
    data.components.extend(generated.components.into_iter().map(|mut k| {
        k.id = g(&k.id);
        k
    }));
    data.services.extend(generated.services.into_iter().map(|mut s| {
        s.id = g(&s.id);
        s.depends_on = s.depends_on.iter().map(|k| g(k)).collect();
        s
    }));
    let path = dir.join("packets.greychart");
    Workspace::create_with(&path, &data).unwrap()
}

/// Times one packet and a batch of a hundred.
pub(crate) fn packets() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), today);
    let one = || greychart_packet::render_pdf(&ws.packet_data("r4", Audience::Signoff, today).unwrap()).unwrap();
    println!("packets: the demo and 100 generated releases of 10 changes ({} bytes for r4)", one().len());
    report("one packet (gather + typeset + PDF)", 15, median(15, one));
    let (from, to) = (today + chrono::Duration::days(30), today + chrono::Duration::days(400));
    let batch = ws.packet_batch(from, to, Audience::Signoff, today).unwrap();
    let count = batch["packets"].as_array().map_or(0, Vec::len);
    report(
        &format!("gather {count} packets"),
        3,
        median(3, || ws.packet_batch(from, to, Audience::Signoff, today).unwrap()),
    );
    report(
        &format!("typeset {count} packets into one PDF"),
        3,
        median(3, || greychart_packet::render_pdf(&batch).unwrap()),
    );
    report(
        &format!("batch of {count} packets, all told"),
        3,
        median(3, || {
            greychart_packet::render_pdf(&ws.packet_batch(from, to, Audience::Signoff, today).unwrap()).unwrap()
        }),
    );
}
