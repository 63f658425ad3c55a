//! `greychart-bench window SIZE`: what the window asks the store for on a
//! generated workspace of SIZE people (100,000): first the people and ranks
//! and a page of claims, then the evidence summary and factions, and on a
//! click one person's evidence or the links around them.

use chrono::NaiveDate;
use greychart_core::transport::Focus;
use greychart_store::Workspace;

use crate::{generated_workspace, median, report, Random};

pub(crate) fn window(size: usize) {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let ws = Workspace::open(&generated_workspace(size, as_of)).unwrap();
    let read = ws.read();
    report(&format!("{size}: workspace data without claims"), 5, median(5, || read.data_without_claims().unwrap()));
    report(
        &format!("{size}: ranks (the window's first analysis)"),
        5,
        median(5, || ws.influence_ranks(as_of).unwrap()),
    );
    report(&format!("{size}: the first 200 claims"), 21, median(21, || read.claims_page(None, 0, 200).unwrap()));
    let deep = (size * 4) as u32;
    report(
        &format!("{size}: 1,000 claims from the {deep}th"),
        5,
        median(5, || read.claims_page(None, deep, 1000).unwrap()),
    );
    let mut rng = Random(11);
    let mut someone = || format!("p{}", rng.below(size));
    report(
        &format!("{size}: one person's claims and links"),
        21,
        median(21, || ws.person_evidence(&someone(), as_of).unwrap()),
    );
    for steps in [1, 2] {
        report(
            &format!("{size}: the map's links within {steps} of one person"),
            5,
            median(5, || ws.sway_edges(as_of, Some(&Focus { person: someone(), steps })).unwrap()),
        );
    }
    report(
        &format!("{size}: every link (the map up to 3,000 people)"),
        3,
        median(3, || ws.sway_edges(as_of, None).unwrap()),
    );
    report(
        &format!("{size}: evidence summary (gaps, movers)"),
        3,
        median(3, || ws.evidence_summary(as_of, 90).unwrap()),
    );
    report(&format!("{size}: factions"), 3, median(3, || ws.factions(as_of).unwrap()));
}
