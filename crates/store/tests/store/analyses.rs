//! The analyses read from a stored workspace agree with the core's on the
//! same data, whichever way the store reads it.

use greychart_core::analytics::{claim_links, influence_ranks, SwayGraph, SwayOptions};
use greychart_core::model::{Claim, Person};

use crate::{demo, demo_day, retire_claim};

#[test]
fn claim_links_read_from_the_file_match_those_built_from_full_claims() {
    let (_dir, mut ws) = demo();
    // A retired claim must come through as retired.
    retire_claim(&mut ws, 0);
    let read = ws.read();
    let people: Vec<Person> = read.list().unwrap();
    let claims: Vec<Claim> = read.list().unwrap();
    let stored = read.claim_links(&people).unwrap();
    assert_eq!(stored, claim_links(&people, &claims));
    assert_eq!(stored.iter().filter(|l| l.retired).count(), claims.iter().filter(|c| c.retired).count());
    assert!(stored.iter().any(|l| l.retired));
}

#[test]
fn ranks_and_graph_from_the_store_equal_the_core_on_full_records() {
    let (_dir, ws) = demo();
    let as_of = demo_day();
    let read = ws.read();
    let people: Vec<Person> = read.list().unwrap();
    let claims: Vec<Claim> = read.list().unwrap();
    let options = SwayOptions { as_of, formal_weight: read.formal_weight().unwrap(), formal_only: false };
    assert_eq!(ws.influence_ranks(as_of).unwrap(), influence_ranks(&people, &claims, options));
    let (stored, built) = (ws.sway_graph(as_of).unwrap(), SwayGraph::build(&people, &claims, options));
    assert_eq!(stored.edge_count(), built.edge_count());
    assert_eq!(stored.weights(), built.weights());
    assert_eq!(stored.targets(), built.targets());
}

#[test]
fn a_large_claims_table_read_in_two_halves_gives_every_link_in_order() {
    use greychart_core::import::ClaimRow;
    use greychart_store::SPLIT_CLAIMS_READ_FROM;
    let (_dir, mut ws) = demo();
    let people: Vec<Person> = ws.read().list().unwrap();
    let template: Claim = ws.read().list::<Claim>().unwrap().remove(0);
    let n = people.len();
    let rows: Vec<ClaimRow> = (0..SPLIT_CLAIMS_READ_FROM as usize + 500)
        .map(|i| {
            let claim = Claim {
                from: people[i % n].id.clone(),
                to: people[(i * 7 + 1) % n].id.clone(),
                strength: (i % 11) as f64 / 10.0,
                observed_on: template.observed_on - chrono::Duration::days((i % 900) as i64),
                retired: i % 97 == 0,
                ..template.clone()
            };
            ClaimRow { line: i as u64 + 2, claim }
        })
        .collect();
    ws.import_claims("claims.csv", &rows).unwrap();
    let read = ws.read();
    let claims: Vec<Claim> = read.list().unwrap();
    assert!(claims.len() as i64 > SPLIT_CLAIMS_READ_FROM);
    let stored = read.claim_links(&people).unwrap();
    assert_eq!(stored, claim_links(&people, &claims));
    // Encrypted, the second connection needs the passphrase too.
    ws.set_passphrase(Some(&greychart_store::Passphrase::new("s3cret").unwrap())).unwrap();
    assert_eq!(ws.read().claim_links(&people).unwrap(), stored);
}
