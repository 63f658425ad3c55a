//! What the window reads a part at a time: claims by the page or by person,
//! and links around one person. Each part equals the same part cut from the
//! whole workspace.

use std::collections::HashSet;

use greychart_core::analytics::{sway_edges, SwayEdge, SwayOptions};
use greychart_core::model::{Claim, Person};
use greychart_core::transport::Focus;
use greychart_store::StoreError;

use crate::{demo, demo_day, retire_claim};

/// Links in the order of their pair, for comparing lists found in other orders.
fn by_pair(mut edges: Vec<SwayEdge>) -> Vec<SwayEdge> {
    edges.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
    edges
}

#[test]
fn claims_come_a_page_at_a_time_in_the_order_recorded() {
    let (_dir, ws) = demo();
    let read = ws.read();
    let all: Vec<Claim> = read.list().unwrap();
    assert!(all.len() > 10);
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = read.claims_page(None, offset, 7).unwrap();
        assert_eq!((page.total as usize, page.offset), (all.len(), offset));
        if page.claims.is_empty() {
            break;
        }
        offset += page.claims.len() as u32;
        paged.extend(page.claims);
    }
    assert_eq!(paged, all);
    assert!(read.data_without_claims().unwrap().claims.is_empty());
    assert_eq!(read.data().unwrap().claims, all);
}

#[test]
fn a_persons_claims_and_links_equal_theirs_in_the_whole_chart() {
    let (_dir, ws) = demo();
    let read = ws.read();
    let people: Vec<Person> = read.list().unwrap();
    let claims: Vec<Claim> = read.list().unwrap();
    let options = SwayOptions { as_of: demo_day(), formal_weight: read.formal_weight().unwrap(), formal_only: false };
    let everyone = sway_edges(&people, &claims, options);
    let mut checked_reports = false;
    for p in &people {
        let theirs = ws.person_evidence(&p.id, demo_day()).unwrap();
        let want: Vec<&Claim> = claims.iter().filter(|c| c.from == p.id || c.to == p.id).collect();
        assert_eq!(theirs.claims.iter().collect::<Vec<_>>(), want, "claims of {}", p.id);
        assert_eq!(read.claims_page(Some(&p.id), 0, 1000).unwrap().total as usize, want.len());
        let edges = by_pair(theirs.edges.clone());
        let want = by_pair(everyone.iter().filter(|e| e.from == p.id || e.to == p.id).cloned().collect());
        assert_eq!(edges, want, "links of {}", p.id);
        checked_reports |= edges.iter().any(|e| e.formal && e.from == p.id && e.claims == 0);
    }
    // Someone's plain reporting line (no claims about it) was among them.
    assert!(checked_reports);
    assert!(matches!(ws.person_evidence("nobody", demo_day()), Err(StoreError::NotFound { .. })));
}

#[test]
fn links_around_a_person_are_the_whole_charts_links_among_those_near() {
    let (_dir, mut ws) = demo();
    // A retired claim and the claims after the date link nobody.
    retire_claim(&mut ws, 0);
    let me = ws.read().setting("me").unwrap().unwrap();
    for back in [0, 200] {
        let as_of = demo_day() - chrono::Duration::days(back);
        let all = ws.sway_edges(as_of, None).unwrap();
        // Who is within `steps` links, worked out here from every link.
        let mut near: HashSet<&str> = HashSet::from([me.as_str()]);
        for steps in 0..4u32 {
            let around = ws.sway_edges(as_of, Some(&Focus { person: me.clone(), steps })).unwrap();
            let want: Vec<SwayEdge> = all
                .iter()
                .filter(|e| near.contains(e.from.as_str()) && near.contains(e.to.as_str()))
                .cloned()
                .collect();
            assert_eq!(by_pair(around), by_pair(want.clone()), "{steps} steps, {back} days back");
            if steps == 1 {
                assert!(!want.is_empty() && want.len() < all.len());
            }
            let reached: Vec<&str> = all
                .iter()
                .filter(|e| near.contains(e.from.as_str()) || near.contains(e.to.as_str()))
                .flat_map(|e| [e.from.as_str(), e.to.as_str()])
                .collect();
            near.extend(reached);
        }
    }
    let unknown = Focus { person: "nobody".into(), steps: 1 };
    assert!(matches!(ws.sway_edges(demo_day(), Some(&unknown)), Err(StoreError::NotFound { .. })));
}

#[test]
fn the_evidence_summary_from_links_equals_the_one_from_full_claims() {
    use greychart_core::analytics::{coverage, rank_shifts};
    let (_dir, mut ws) = demo();
    // A retired claim and one observed after the date must be left out alike.
    retire_claim(&mut ws, 1);
    let read = ws.read();
    let people: Vec<Person> = read.list().unwrap();
    let claims: Vec<Claim> = read.list().unwrap();
    let formal_weight = read.formal_weight().unwrap();
    for (back, days) in [(0, 90), (120, 90), (365, 90), (0, 30), (0, 365)] {
        let as_of = demo_day() - chrono::Duration::days(back);
        let since = as_of - chrono::Duration::days(days);
        let summary = ws.evidence_summary(as_of, days).unwrap();
        assert_eq!(summary.movers_since, since.to_string());
        assert_eq!(summary.coverage, coverage(&people, &claims, as_of), "{back} days back");
        assert_eq!(
            summary.movers,
            rank_shifts(&people, &claims, formal_weight, (since, as_of), 5, 3),
            "{back} days back, movers over {days} days"
        );
        if back == 0 && days == 90 {
            // Something to compare: stale claims, and movers with causes.
            assert!(!summary.coverage.stale_claims.is_empty() && summary.movers.iter().any(|m| !m.causes.is_empty()));
        }
    }
}

#[test]
fn movers_over_no_days_or_over_ten_years_are_refused_naming_the_field() {
    let (_dir, ws) = demo();
    for days in [0, -1, 3651, i64::MAX, i64::MIN] {
        let err = greychart_core::ApiError::from(ws.evidence_summary(demo_day(), days).unwrap_err());
        assert_eq!(err.field.as_deref(), Some("days"), "{days}");
        assert_eq!(err.message, format!("must be from 1 to 3650 (got {days})"));
    }
    assert!(ws.evidence_summary(demo_day(), 3650).is_ok());
}
